//! Arguments from JavaScript, checked before they reach the core, and answers back to it.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

pub(crate) use crate::errors::argument;

/// Converts a core answer into a plain JS value through JSON.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|error| argument(&error.to_string()))?;
    js_sys::JSON::parse(&json)
}

/// Reads an options object (`undefined` or `null` for none) into a core filter, whose
/// deserializer rejects unknown keys.
pub(crate) fn options<T: DeserializeOwned + Default>(
    value: &JsValue,
    method: &str,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(argument(&format!(
            "{method}: the options must be an object"
        )));
    }
    let json: String = js_sys::JSON::stringify(value)?.into();
    serde_json::from_str(&json).map_err(|error| argument(&format!("{method}: {error}")))
}

/// An input given as an object or as its JSON text, as JSON text for the core to read and
/// check; anything else is a `TypeError`.
pub(crate) fn json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(argument(&format!(
            "{what} must be an object or its JSON text"
        )));
    }
    Ok(js_sys::JSON::stringify(value)?.into())
}

/// A date argument written `YYYY-MM-DD`, else a `TypeError`.
pub(crate) fn date(value: &JsValue) -> Result<srdi_plan::Date, JsValue> {
    value
        .as_string()
        .and_then(|text| srdi_plan::Date::parse(&text))
        .ok_or_else(|| argument("the date must be a string written YYYY-MM-DD"))
}

/// A string argument, else a `TypeError`.
pub(crate) fn string(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| argument(&format!("{what} must be a string")))
}

/// A whole-number argument (an item number), else a `TypeError`.
pub(crate) fn number(value: &JsValue, what: &str) -> Result<i64, JsValue> {
    let whole = value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && n.abs() < 9e15);
    #[allow(
        clippy::cast_possible_truncation,
        reason = "a whole number below 2^53 converts exactly"
    )]
    whole
        .map(|n| n as i64)
        .ok_or_else(|| argument(&format!("{what} must be a whole number")))
}
