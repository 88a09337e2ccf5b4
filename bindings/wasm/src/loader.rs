//! Loading and validating plans: the `loader` feature, the package's `srdi-plan/loader`
//! module. Input is refused by its length before it is copied into WebAssembly memory, and
//! text that is not well-formed Unicode is an error, never repaired.

use std::sync::Arc;

use srdi_plan as core;
use wasm_bindgen::prelude::*;

use crate::Plan;
use crate::args::{argument, to_js};
use crate::errors::IntoJsResult;

/// A plan's text as the core's bytes, from a string or a `Uint8Array`, either refused by its
/// length before it is copied into WASM memory. A string that is not well-formed UTF-16 (a
/// lone surrogate) is encoded with its surrogates, so that the core says where, instead of
/// being silently repaired. `Ok(Err(…))` is the core's `too_large`.
fn input_bytes(value: &JsValue, what: &str) -> Result<Result<Vec<u8>, core::PlanError>, JsValue> {
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(core::check_size(bytes.length() as usize).map(|()| bytes.to_vec()));
    }
    let Some(text) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(argument(&format!(
            "{what} must be a string or a Uint8Array"
        )));
    };
    if let Err(error) = core::check_text_size(text.length() as usize) {
        return Ok(Err(error));
    }
    if well_formed(text) {
        return Ok(Ok(String::from(text).into_bytes()));
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
    Ok(Ok(bytes))
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
fn well_formed(text: &js_sys::JsString) -> bool {
    text.unchecked_ref::<JsText>()
        .is_well_formed()
        .unwrap_or_else(|_| text.is_valid_utf16())
}

#[wasm_bindgen]
impl Plan {
    /// Loads and validates a plan from JSON text.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &JsValue) -> Result<Plan, JsValue> {
        if !text.is_string() {
            return Err(argument("the plan text must be a string"));
        }
        Self::from_bytes(text)
    }

    /// Loads and validates a plan from the bytes of a file (UTF-8 JSON), or from text.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &JsValue) -> Result<Plan, JsValue> {
        let bytes = input_bytes(bytes, "the plan")?.into_js()?;
        let plan = core::Plan::from_bytes(&bytes).into_js()?;
        Ok(Plan(Arc::new(plan)))
    }
}

/// Every problem with a plan, as text or as the bytes of a file (encoding, syntax, shape,
/// unknown fields, rules), warnings included.
#[wasm_bindgen(skip_typescript)]
pub fn validate(text: &JsValue) -> Result<JsValue, JsValue> {
    let issues = match input_bytes(text, "the plan")? {
        Ok(bytes) => core::validate_bytes(&bytes),
        Err(error) => error.issues().to_vec(),
    };
    to_js(&issues)
}
