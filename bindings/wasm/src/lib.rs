//! The WASM module behind the npm package `srdi-plan`: thin newtypes over the core.
//!
//! Every method is one call into `srdi_plan`. Answers cross as JSON and arrive as plain JS
//! objects in the serde shape of the core types (the shape `srdi --json` prints). Errors are
//! built in `errors.rs` as JS `Error`s with `name`, `code` and details. The TypeScript
//! declarations are generated from the core's JSON Schema (`srdi_plan::answer_schema`).

#![allow(
    clippy::missing_errors_doc,
    reason = "every export documents its errors in the package's TypeScript declarations"
)]

mod errors;

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use srdi_plan as core;
use wasm_bindgen::prelude::*;

use crate::errors::{argument, plan_error, query_error};

/// Converts a core answer into a plain JS value through JSON.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|error| argument(&error.to_string()))?;
    js_sys::JSON::parse(&json)
}

/// Reads an options object (`undefined` or `null` for none), rejecting unknown keys.
fn options<T: for<'de> Deserialize<'de> + Default>(
    value: &JsValue,
    method: &str,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    let json: String = js_sys::JSON::stringify(value)?.into();
    serde_json::from_str(&json).map_err(|error| argument(&format!("{method}: {error}")))
}

/// A task or mechanism number: a whole number from 0 to 255, else a `TypeError`.
#[allow(
    clippy::float_cmp,
    reason = "only an exact whole number is a number of an item"
)]
fn number(value: f64, what: &str) -> Result<u8, JsValue> {
    (0..=u8::MAX)
        .find(|candidate| f64::from(*candidate) == value)
        .ok_or_else(|| {
            argument(&format!(
                "{what} numbers are whole numbers from 0 to 255, got {value}"
            ))
        })
}

/// The options of [`Plan::measures`].
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MeasureOptions {
    tier: Option<String>,
    instrument: Option<String>,
}

/// An action plan: the document, its goals, sections, tasks, measures and mechanisms.
#[wasm_bindgen(skip_typescript)]
#[derive(Debug)]
pub struct Plan(Rc<core::Plan>);

#[wasm_bindgen]
impl Plan {
    /// Loads and validates a plan from JSON text.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Plan, JsValue> {
        core::Plan::from_json(text)
            .map(|plan| Plan(Rc::new(plan)))
            .map_err(|error| plan_error(&error))
    }

    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.0.id.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn number(&self) -> String {
        self.0.document.number.clone()
    }

    /// The plan data, as `JSON.stringify(plan)` writes it.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&*self.0)
    }

    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.summary())
    }

    pub fn tasks(&self, filter: &JsValue) -> Result<JsValue, JsValue> {
        let filter: core::TaskFilter = options(filter, "tasks")?;
        let tasks = self
            .0
            .tasks_where(&filter)
            .map_err(|error| query_error(&error))?;
        let views: Vec<_> = tasks.into_iter().map(|task| self.0.view(task)).collect();
        to_js(&views)
    }

    pub fn task(&self, number: f64) -> Result<JsValue, JsValue> {
        let task = self
            .0
            .find_task(self::number(number, "task")?)
            .map_err(|error| query_error(&error))?;
        to_js(&self.0.view(task))
    }

    pub fn search(&self, query: &str) -> Result<JsValue, JsValue> {
        to_js(&self.0.search(query).map_err(|error| query_error(&error))?)
    }

    pub fn units(&self) -> Result<JsValue, JsValue> {
        let duties: Vec<_> = self
            .0
            .units
            .iter()
            .map(|unit| self.0.duties(unit))
            .collect();
        to_js(&duties)
    }

    pub fn unit(&self, name: &str) -> Result<JsValue, JsValue> {
        let unit = self
            .0
            .find_unit(name)
            .map_err(|error| query_error(&error))?;
        to_js(&self.0.duties(unit))
    }

    pub fn goals(&self) -> Result<JsValue, JsValue> {
        let goals: Vec<_> = self
            .0
            .goals
            .iter()
            .map(|goal| self.0.cited(&goal.id, goal))
            .collect();
        to_js(&goals)
    }

    pub fn goal(&self, id: &str) -> Result<JsValue, JsValue> {
        let target = self
            .0
            .find_target(id)
            .map_err(|error| query_error(&error))?;
        to_js(&self.0.cited(&target.id, target))
    }

    pub fn targets(&self) -> Result<JsValue, JsValue> {
        let targets: Vec<_> = self
            .0
            .targets()
            .into_iter()
            .map(|t| self.0.cited(&t.id, t))
            .collect();
        to_js(&targets)
    }

    pub fn measures(&self, filter: &JsValue) -> Result<JsValue, JsValue> {
        let MeasureOptions { tier, instrument } = options(filter, "measures")?;
        let measures = self
            .0
            .measures_where(tier.as_deref(), instrument.as_deref())
            .map_err(|error| query_error(&error))?;
        let cited: Vec<_> = measures
            .into_iter()
            .map(|m| self.0.cited(&m.id, m))
            .collect();
        to_js(&cited)
    }

    pub fn mechanisms(&self) -> Result<JsValue, JsValue> {
        let mechanisms: Vec<_> = self
            .0
            .mechanisms
            .iter()
            .map(|m| self.0.cited(&m.id(), m))
            .collect();
        to_js(&mechanisms)
    }

    pub fn mechanism(&self, number: f64) -> Result<JsValue, JsValue> {
        let number = self::number(number, "mechanism")?;
        let mechanism = self
            .0
            .find_mechanism(number)
            .map_err(|error| query_error(&error))?;
        to_js(&self.0.cited(&mechanism.id(), mechanism))
    }

    pub fn entities(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.mentions())
    }

    pub fn entity(&self, name: &str) -> Result<JsValue, JsValue> {
        let entity = self
            .0
            .find_entity(name)
            .map_err(|error| query_error(&error))?;
        to_js(&self.0.mentions_of(entity))
    }

    pub fn documents(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.documents_cited())
    }

    pub fn matrix(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.matrix())
    }

    pub fn records(&self, kind: &str) -> Result<JsValue, JsValue> {
        let kind = core::RecordKind::from_name(kind).ok_or_else(|| {
            argument(&format!(
                "records: no kind `{kind}`; the kinds are tasks, measures, targets, units"
            ))
        })?;
        to_js(&self.0.records(kind))
    }
}

/// The embedded Wulong plan, 武隆府办发〔2022〕48号 (parsed once, shared).
#[wasm_bindgen(skip_typescript)]
pub fn wulong() -> Plan {
    thread_local! {
        static WULONG: Rc<core::Plan> = Rc::new(core::wulong().clone());
    }
    Plan(WULONG.with(Rc::clone))
}

/// Every problem with a plan file (syntax, shape, unknown fields, rules), warnings included.
#[wasm_bindgen(skip_typescript)]
pub fn validate(text: &str) -> Result<JsValue, JsValue> {
    to_js(&core::validate_json(text))
}
