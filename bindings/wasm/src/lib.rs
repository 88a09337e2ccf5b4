//! The WASM module behind the npm package `srdi-plan`: thin newtypes over the core.
//!
//! Every method is one call into `srdi_plan`. Answers cross as JSON and arrive as plain JS
//! objects in the serde shape of the core's answer types (the shape `srdi --json` prints).
//! Arguments are checked here, so that no value from JS can trap the module; errors are built
//! in `errors.rs` from the core's error reports.

#![allow(
    clippy::missing_errors_doc,
    reason = "every export documents its errors in the package's TypeScript declarations"
)]

mod errors;

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use srdi_plan as core;
use wasm_bindgen::prelude::*;

use crate::errors::{IntoJsResult, argument};

/// Converts a core answer into a plain JS value through JSON.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|error| argument(&error.to_string()))?;
    js_sys::JSON::parse(&json)
}

/// Reads an options object (`undefined` or `null` for none) into a core filter, whose
/// deserializer rejects unknown keys.
fn options<T: DeserializeOwned + Default>(value: &JsValue, method: &str) -> Result<T, JsValue> {
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

/// A string argument, else a `TypeError`.
fn string(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| argument(&format!("{what} must be a string")))
}

/// A whole-number argument (an item number), else a `TypeError`.
fn number(value: &JsValue, what: &str) -> Result<i64, JsValue> {
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

/// The options of [`Plan::task`].
#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskOptions {
    section: Option<i64>,
}

/// The options of [`Plan::search`].
#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchOptions {
    language: Option<core::Language>,
}

/// An action plan: the document, its goals, sections, tasks, measures and mechanisms.
#[wasm_bindgen(skip_typescript)]
#[derive(Debug)]
pub struct Plan(Arc<core::Plan>);

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

    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.0.id().to_owned()
    }

    #[wasm_bindgen(getter)]
    pub fn number(&self) -> Option<String> {
        self.0.data().document.number.clone()
    }

    /// The plan data, as `JSON.stringify(plan)` writes it.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(self.0.data())
    }

    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        to_js(self.0.warnings())
    }

    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.summary())
    }

    pub fn tasks(&self, filter: &JsValue) -> Result<JsValue, JsValue> {
        let filter: core::TaskFilter = options(filter, "tasks")?;
        to_js(&self.0.tasks(&filter).into_js()?)
    }

    pub fn task(&self, number: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
        let number = self::number(number, "a task number")?;
        let TaskOptions { section } = self::options(options, "task")?;
        to_js(&self.0.task_in(section, number).into_js()?)
    }

    pub fn search(&self, query: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
        let text = string(query, "the search text")?;
        let options: SearchOptions = self::options(options, "search")?;
        to_js(&self.0.search_in(&text, options.language).into_js()?)
    }

    pub fn units(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.units())
    }

    pub fn unit(&self, name: &JsValue) -> Result<JsValue, JsValue> {
        let name = string(name, "a unit name")?;
        to_js(&self.0.unit(&name).into_js()?)
    }

    pub fn goals(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.goals())
    }

    pub fn goal(&self, id: &JsValue) -> Result<JsValue, JsValue> {
        let id = string(id, "a goal id")?;
        to_js(&self.0.goal(&id).into_js()?)
    }

    pub fn targets(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.targets())
    }

    pub fn measures(&self, filter: &JsValue) -> Result<JsValue, JsValue> {
        let filter: core::MeasureFilter = options(filter, "measures")?;
        to_js(&self.0.measures(&filter).into_js()?)
    }

    pub fn mechanisms(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.mechanisms())
    }

    pub fn mechanism(&self, number: &JsValue) -> Result<JsValue, JsValue> {
        let number = self::number(number, "a mechanism number")?;
        to_js(&self.0.mechanism(number).into_js()?)
    }

    pub fn entities(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.entities())
    }

    pub fn entity(&self, name: &JsValue) -> Result<JsValue, JsValue> {
        let name = string(name, "an entity name")?;
        to_js(&self.0.entity(&name).into_js()?)
    }

    pub fn documents(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.documents())
    }

    pub fn instruments(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.instruments())
    }

    pub fn matrix(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.matrix())
    }

    pub fn table(&self, kind: &JsValue) -> Result<JsValue, JsValue> {
        let kind = string(kind, "a table kind")?;
        let kind: core::RecordKind = kind.parse().into_js()?;
        to_js(&self.0.table(kind))
    }
}

/// The shipped Wulong plan (parsed once, shared).
#[wasm_bindgen(skip_typescript)]
pub fn wulong() -> Plan {
    Plan(Arc::clone(core::wulong()))
}

/// A plan shipped with the package, by id.
#[wasm_bindgen(skip_typescript)]
pub fn embedded(id: &JsValue) -> Result<Plan, JsValue> {
    let id = string(id, "a plan id")?;
    let plan = core::embedded_plan(&id).into_js()?;
    Ok(Plan(Arc::clone(plan)))
}

/// The ids of the plans shipped with the package.
#[wasm_bindgen(skip_typescript, js_name = embeddedIds)]
pub fn embedded_ids() -> Vec<String> {
    core::embedded_ids().map(str::to_owned).collect()
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
