//! Arguments from JavaScript, checked before they reach the core, and answers back to it.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

pub(crate) use crate::errors::argument;

/// Converts a core answer into a plain JS value through JSON.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|error| argument(&error.to_string()))?;
    js_sys::JSON::parse(&json)
}

#[wasm_bindgen(inline_js = r#"
export function plainJson(value, deepest) {
  return flatJson(value) ?? checkedJson(value, deepest);
}

// The JSON of an object literal of well-formed strings and finite numbers (the options of a
// question), each value read once and written as `JSON.stringify` writes it, which needs
// none of the checks of `checkedJson`; `undefined` for anything else.
function flatJson(value) {
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  if (ArrayBuffer.isView(value) || "toJSON" in value) return undefined;
  let json = "";
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined) continue;
    const plain = typeof v === "string" ? wellFormed(v) : typeof v === "number" && Number.isFinite(v);
    if (!plain) return undefined;
    json += `${json ? "," : "{"}${JSON.stringify(key)}:${JSON.stringify(v)}`;
  }
  return json ? `${json}}` : "{}";
}

function wellFormed(text) {
  return text.isWellFormed?.() ?? !/\p{Surrogate}/u.test(text);
}

function checkedJson(value, deepest) {
  // How deep each object sits (the outermost 1). One deeper than `deepest` is written as
  // `[]` and not read: the core then refuses the text as too deep, as it refuses a text
  // (and Python a dict) nested so deep, whatever the engine's stack could take.
  const depths = new WeakMap();
  return JSON.stringify(value, function (key, v) {
    // A boxed primitive is written as its value: checked as one.
    if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
    if (v !== null && typeof v === "object") {
      const depth = (depths.get(this) ?? 0) + 1;
      if (depth > deepest) return [];
      depths.set(v, depth);
    }
    const name = key === "" ? "it" : `\`${key}\``;
    if (typeof v === "number" && !Number.isFinite(v)) throw new TypeError(`${name} is ${v}, not a finite number`);
    if (typeof v === "bigint") throw new TypeError(`${name} is a BigInt, which JSON has no form for`);
    if (typeof v === "function" || typeof v === "symbol") throw new TypeError(`${name} is a ${typeof v}, not data`);
    if (typeof v === "string" && !wellFormed(v)) {
      throw new TypeError(`${name} holds a lone surrogate, which is not Unicode text`);
    }
    if (v instanceof Map || v instanceof Set || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) {
      throw new TypeError(`${name} is a ${v.constructor.name}; give a plain object or array`);
    }
    return v;
  });
}

// Arguments turned into plain values here, where an exception is caught: what a caller's
// object does when it is read (a Proxy's trap, a getter that throws) must never throw through
// WebAssembly, which would leave the module's stack behind.
export function isArray(value) {
  return Array.isArray(value);
}
export function arrayCopy(value) {
  return Array.isArray(value) ? Array.from(value) : undefined;
}
export function bytesCopy(value) {
  return value instanceof Uint8Array ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : undefined;
}"#)]
extern "C" {
    /// `JSON.stringify`, refusing what JSON cannot hold (`NaN`, a `BigInt`, a function, a
    /// `Map`, a lone surrogate) where `JSON.stringify` would drop it, change it, escape it
    /// or throw an uncoded error, and reading no deeper than `deepest` levels.
    #[wasm_bindgen(catch, js_name = plainJson)]
    fn plain_json(value: &JsValue, deepest: usize) -> Result<String, JsValue>;

    #[wasm_bindgen(catch, js_name = isArray)]
    fn is_array_or_throw(value: &JsValue) -> Result<bool, JsValue>;

    #[cfg(feature = "loader")]
    #[wasm_bindgen(catch, js_name = arrayCopy)]
    fn array_copy_or_throw(value: &JsValue) -> Result<Option<js_sys::Array>, JsValue>;

    #[cfg(feature = "loader")]
    #[wasm_bindgen(catch, js_name = bytesCopy)]
    fn bytes_copy_or_throw(value: &JsValue) -> Result<Option<js_sys::Uint8Array>, JsValue>;
}

/// The message of what a caller's object threw when it was read, as an argument error.
fn thrown(what: &str, error: &JsValue) -> JsValue {
    let reason = error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_default();
    argument(&format!("{what}: {reason}"))
}

/// Whether `value` is an array (`Array.isArray`, which a revoked Proxy makes throw).
pub(crate) fn is_array(value: &JsValue, what: &str) -> Result<bool, JsValue> {
    is_array_or_throw(value).map_err(|error| thrown(what, &error))
}

/// A copy of an array's items, `None` for anything else.
#[cfg(feature = "loader")]
pub(crate) fn array_copy(value: &JsValue, what: &str) -> Result<Option<js_sys::Array>, JsValue> {
    array_copy_or_throw(value).map_err(|error| thrown(what, &error))
}

/// A plain view of a `Uint8Array`'s bytes, `None` for anything else.
#[cfg(feature = "loader")]
pub(crate) fn bytes_copy(
    value: &JsValue,
    what: &str,
) -> Result<Option<js_sys::Uint8Array>, JsValue> {
    bytes_copy_or_throw(value).map_err(|error| thrown(what, &error))
}

/// The JSON text of an object or array argument, else a `TypeError` saying why it has none
/// (a cycle, a value JSON cannot hold).
pub(crate) fn json_of(value: &JsValue, what: &str) -> Result<String, JsValue> {
    plain_json(value, srdi_plan::MAX_DEPTH).map_err(|error| thrown(what, &error))
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
    if !value.is_object() || is_array(value, method)? {
        return Err(argument(&format!(
            "{method}: the options must be an object"
        )));
    }
    let json = json_of(value, method)?;
    serde_json::from_str(&json).map_err(|error| {
        // The position is in JSON the caller never wrote.
        let error = error.to_string();
        let error = error
            .rsplit_once(" at line ")
            .map_or(error.as_str(), |(message, _)| message);
        argument(&format!("{method}: {error}"))
    })
}

/// The UTF-8 bytes of a text. One that is not well-formed UTF-16 (a lone surrogate) is
/// encoded with its surrogates, so that the core says where (`invalid_encoding`), instead of
/// being silently repaired.
pub(crate) fn text_bytes(text: &js_sys::JsString) -> Vec<u8> {
    if well_formed(text) {
        return String::from(text).into_bytes();
    }
    let mut bytes = Vec::new();
    for unit in char::decode_utf16(text.iter()) {
        match unit {
            Ok(c) => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Err(lone) => {
                let u = lone.unpaired_surrogate();
                #[allow(
                    clippy::cast_possible_truncation,
                    reason = "each part is masked to 8 bits"
                )]
                bytes.extend_from_slice(&[
                    0xE0 | (u >> 12) as u8,
                    0x80 | ((u >> 6) & 0x3F) as u8,
                    0x80 | (u & 0x3F) as u8,
                ]);
            }
        }
    }
    bytes
}

/// An input given as an object or as its JSON text, as the bytes of JSON text for the core
/// to read and check (a text as it is, so that the core finds what is wrong with it, as
/// with a file); anything else is a `TypeError`.
pub(crate) fn json_bytes(value: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        return Ok(text_bytes(text));
    }
    if !value.is_object() || is_array(value, what)? {
        return Err(argument(&format!(
            "{what} must be an object or its JSON text"
        )));
    }
    json_of(value, what).map(String::into_bytes)
}

/// The options of a question asked as of a day.
#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DayOptions {
    #[serde(rename = "asOf")]
    as_of: String,
}

/// The day of a question's options: the day written `YYYY-MM-DD`, or `{asOf}` with it (the
/// package's JavaScript turns a `Date`, or none, into one), else a `TypeError`.
pub(crate) fn day(value: &JsValue, method: &str) -> Result<srdi_plan::Date, JsValue> {
    let text = match value.as_string() {
        Some(text) => text,
        None => options::<DayOptions>(value, method)?.as_of,
    };
    text.parse()
        .map_err(|error: srdi_plan::QueryError| argument(&format!("{method}: {error}")))
}

/// A string argument, else a `TypeError`.
pub(crate) fn string(value: &JsValue, what: &str) -> Result<String, JsValue> {
    let Some(text) = value.as_string() else {
        return Err(argument(&format!("{what} must be a string")));
    };
    // The conversion writes a lone surrogate as U+FFFD; only then is the string looked at
    // again, so that the common case costs one crossing, as it did before the check.
    if text
        .as_bytes()
        .windows(3)
        .any(|w| w == "\u{FFFD}".as_bytes())
    {
        refuse_lone_surrogate(value, what)?;
    }
    Ok(text)
}

/// A string that holds a lone surrogate, refused: never repaired into U+FFFD, as the answer
/// would be to another question. Out of line: a question's first call compiles only what
/// it runs.
#[cold]
#[inline(never)]
fn refuse_lone_surrogate(value: &JsValue, what: &str) -> Result<(), JsValue> {
    if value.dyn_ref().is_some_and(well_formed) {
        return Ok(());
    }
    Err(argument(&format!(
        "{what} holds a lone surrogate, which is not Unicode text"
    )))
}

#[wasm_bindgen]
extern "C" {
    /// A JS string, for the one method `js_sys` does not bind.
    type JsText;

    /// `String.prototype.isWellFormed` (ES2024), absent from older engines.
    #[wasm_bindgen(method, catch, js_name = isWellFormed)]
    fn is_well_formed(this: &JsText) -> Result<bool, JsValue>;
}

/// Whether a string holds no lone surrogate: by the engine where it can say, else by its units.
pub(crate) fn well_formed(text: &js_sys::JsString) -> bool {
    text.unchecked_ref::<JsText>()
        .is_well_formed()
        .unwrap_or_else(|_| text.is_valid_utf16())
}

/// A whole-number argument (an item number), else a `TypeError`. One beyond 64 bits is
/// saturated: the core refuses any number beyond every item's (`srdi_plan::LARGEST_NUMBER`),
/// with the same error on every surface.
pub(crate) fn number(value: &JsValue, what: &str) -> Result<i64, JsValue> {
    let whole = value.as_f64().filter(|n| n.is_finite() && n.fract() == 0.0);
    #[allow(
        clippy::cast_possible_truncation,
        reason = "`as` saturates a whole number beyond i64, which the core then refuses"
    )]
    whole
        .map(|n| n as i64)
        .ok_or_else(|| argument(&format!("{what} must be a whole number")))
}
