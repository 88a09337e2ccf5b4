//! The WebAssembly modules behind the npm package `srdi-plan`: thin newtypes over the core.
//!
//! Built twice: without features, the `srdi-plan` module answers questions of the shipped
//! plans and links no loader (it is small, so a page that shows a shipped plan loads fast);
//! with the `loader` feature, the `srdi-plan/loader` module also loads and validates plans
//! and answers a plan's batch tables (`loader.rs`).
//!
//! Every answer is the core's. So that a question costs no more than a filter over plain
//! JSON, the items of a plan cross to JavaScript once per kind ([`Plan::views`], in the serde
//! shape `srdi --json` prints), and a question answers with their positions in those lists
//! (the core's typed references, found without building a view of what they point to);
//! the package's JavaScript (`js/api.js`) hands out the shared, frozen items. Answers that
//! are not lists of items (a summary, search hits) cross as JSON. Arguments are checked
//! here (`args.rs`), so that no value from JS can trap the module; errors are built in
//! `errors.rs` from the core's error reports.

#![allow(
    clippy::missing_errors_doc,
    reason = "every export documents its errors in the package's TypeScript declarations"
)]

mod args;
mod errors;
#[cfg(feature = "loader")]
mod loader;

use std::sync::Arc;

#[cfg(feature = "loader")]
pub use loader::{Corpus, validate};

use srdi_plan as core;
use wasm_bindgen::prelude::*;

use crate::args::{json_bytes, number, options, string, to_js};
use crate::errors::IntoJsResult;

/// The options of [`Plan::task_position`].
#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskOptions {
    section: Option<i64>,
}

/// The options of [`Plan::search`].
#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchOptions {
    pub(crate) language: Option<core::Language>,
}

/// An action plan. The package's JavaScript wraps it; its methods are not the public API.
#[wasm_bindgen(skip_typescript)]
#[derive(Debug)]
pub struct Plan(Arc<core::Plan>);

/// Where each item of `part` stands in `all`, both answers of the core in file order.
fn positions<T: PartialEq>(all: impl IntoIterator<Item = T>, part: &[T]) -> Vec<u32> {
    let all: Vec<T> = all.into_iter().collect();
    part.iter()
        .filter_map(|item| all.iter().position(|other| other == item))
        .filter_map(|at| u32::try_from(at).ok())
        .collect()
}

/// The position of an item whose typed reference is an index in file order.
fn position(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

#[wasm_bindgen]
impl Plan {
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.0.id().to_owned()
    }

    #[wasm_bindgen(getter)]
    pub fn number(&self) -> Option<String> {
        self.0.data().document.number.as_deref().map(str::to_owned)
    }

    /// The items of one kind at `positions` of the kind's list in file order (all of them
    /// for none), which the positions below point into. The package asks each item once.
    #[allow(
        clippy::needless_pass_by_value,
        reason = "wasm-bindgen hands an optional array over by value"
    )]
    pub fn views(&self, kind: &JsValue, positions: Option<Vec<u32>>) -> Result<JsValue, JsValue> {
        let plan = &self.0;
        let pick = |count: usize| -> Vec<usize> {
            match &positions {
                Some(positions) => positions
                    .iter()
                    .map(|&p| p as usize)
                    .filter(|&p| p < count)
                    .collect(),
                None => (0..count).collect(),
            }
        };
        // Each item is viewed only where asked: a question seldom needs them all.
        macro_rules! viewed {
            ($refs:expr, $view:expr) => {{
                let refs: Vec<_> = $refs.collect();
                let wanted: Vec<_> = pick(refs.len())
                    .into_iter()
                    .filter_map(|p| refs.get(p).copied().and_then($view))
                    .collect();
                to_js(&wanted)
            }};
        }
        match string(kind, "a kind of item")?.as_str() {
            "tasks" => viewed!(plan.task_refs(), |at| plan.task_view(at)),
            "measures" => viewed!(plan.measure_refs(), |at| plan.measure_view(at)),
            "targets" => viewed!(plan.target_refs(), |at| plan.target_view(at)),
            "units" => viewed!(plan.unit_refs(), |at| plan.unit_view(at)),
            "mechanisms" => viewed!(plan.mechanism_refs(), |at| plan.mechanism_view(at)),
            "entities" => viewed!(plan.entity_refs(), |at| plan.entity_view(at)),
            other => Err(args::argument(&format!("`{other}` is not a kind of item"))),
        }
    }

    /// The tasks that match a filter, as positions in `views("tasks")`.
    #[wasm_bindgen(js_name = taskPositions)]
    pub fn task_positions(&self, filter: &JsValue) -> Result<Vec<u32>, JsValue> {
        let filter: core::TaskFilter = options(filter, "tasks")?;
        let tasks = self.0.task_matches(&filter).into_js()?;
        Ok(tasks.into_iter().map(|at| position(at.index())).collect())
    }

    /// One task by number (within a section, for per-section numbering), or by id.
    #[wasm_bindgen(js_name = taskPosition)]
    pub fn task_position(&self, task: &JsValue, options: &JsValue) -> Result<u32, JsValue> {
        let (number, id) = if task.is_string() {
            (None, Some(self::string(task, "a task id")?))
        } else {
            (Some(self::number(task, "a task number")?), None)
        };
        let TaskOptions { section } = self::options(options, "task")?;
        let at = self.0.find_task_by(number, section, id.as_deref());
        Ok(position(at.into_js()?.index()))
    }

    /// The measures that match a filter, as positions in `views("measures")`.
    #[wasm_bindgen(js_name = measurePositions)]
    pub fn measure_positions(&self, filter: &JsValue) -> Result<Vec<u32>, JsValue> {
        let filter: core::MeasureFilter = options(filter, "measures")?;
        let found = self.0.measure_matches(&filter).into_js()?;
        Ok(positions(self.0.measure_refs(), &found))
    }

    /// The plan's goals, as positions in `views("targets")`.
    #[wasm_bindgen(js_name = goalPositions)]
    pub fn goal_positions(&self) -> Vec<u32> {
        let goals: Vec<_> = self.0.goals().iter().map(|v| v.at).collect();
        positions(self.0.target_refs(), &goals)
    }

    /// One goal or target by id, as a position in `views("targets")`.
    #[wasm_bindgen(js_name = targetPosition)]
    pub fn target_position(&self, id: &JsValue) -> Result<u32, JsValue> {
        let id = string(id, "a goal id")?;
        let found = [self.0.find_target(&id).into_js()?];
        let at = positions(self.0.target_refs(), &found);
        Ok(at.first().copied().unwrap_or(u32::MAX))
    }

    /// One unit by id, printed or English name, as a position in `views("units")`.
    #[wasm_bindgen(js_name = unitPosition)]
    pub fn unit_position(&self, name: &JsValue) -> Result<u32, JsValue> {
        let name = string(name, "a unit name")?;
        Ok(position(self.0.find_unit(&name).into_js()?.index()))
    }

    /// One mechanism by number, as a position in `views("mechanisms")`.
    #[wasm_bindgen(js_name = mechanismPosition)]
    pub fn mechanism_position(&self, number: &JsValue) -> Result<u32, JsValue> {
        let number = self::number(number, "a mechanism number")?;
        Ok(position(self.0.find_mechanism(number).into_js()?.index()))
    }

    /// One entity by id or printed name, as a position in `views("entities")`.
    #[wasm_bindgen(js_name = entityPosition)]
    pub fn entity_position(&self, name: &JsValue) -> Result<u32, JsValue> {
        let name = string(name, "an entity name")?;
        Ok(position(self.0.find_entity(&name).into_js()?.index()))
    }

    /// The documents the plan cites, as positions in `views("entities")`.
    #[wasm_bindgen(js_name = documentPositions)]
    pub fn document_positions(&self) -> Vec<u32> {
        let documents = self.0.documents();
        documents
            .iter()
            .map(|view| position(view.at.index()))
            .collect()
    }

    pub fn search(&self, query: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
        let text = string(query, "the search text")?;
        let options: SearchOptions = self::options(options, "search")?;
        to_js(&self.0.search_in(&text, options.language).into_js()?)
    }

    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.summary())
    }

    pub fn matrix(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.matrix())
    }

    pub fn instruments(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.instruments())
    }

    pub fn tiers(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.tiers())
    }

    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        to_js(self.0.warnings())
    }

    pub fn table(&self, kind: &JsValue) -> Result<JsValue, JsValue> {
        let kind = string(kind, "a table kind")?;
        let kind: core::RecordKind = kind.parse().into_js()?;
        to_js(&self.0.table(kind))
    }

    /// Every measure evaluated for a profile (an object, or its JSON text).
    pub fn entitlements(&self, profile: &JsValue) -> Result<JsValue, JsValue> {
        let profile = self.profile(profile)?;
        to_js(&self.0.entitlements(&profile).into_js()?)
    }

    /// The sums of the amounts that apply to a profile, by currency.
    #[wasm_bindgen(js_name = entitlementTotal)]
    pub fn entitlement_total(&self, profile: &JsValue) -> Result<JsValue, JsValue> {
        let profile = self.profile(profile)?;
        let entitlements = self.0.entitlements(&profile).into_js()?;
        to_js(&self.0.entitlement_total(&entitlements))
    }

    /// What the one-time rewards cost in a scenario (an object or its JSON text), or without
    /// one in the plan's goals.
    pub fn cost(&self, scenario: &JsValue) -> Result<JsValue, JsValue> {
        let cost = if scenario.is_undefined() || scenario.is_null() {
            self.0.goals_cost()
        } else {
            let bytes = json_bytes(scenario, "a scenario")?;
            let scenario = self.0.read_scenario(bytes.as_slice()).into_js()?;
            self.0.cost(&scenario)
        };
        to_js(&cost.into_js()?)
    }

    /// Every goal and target as of a day (`YYYY-MM-DD`, or `{asOf}`), from observations: an array of
    /// objects, or the text of a CSV or JSON file.
    pub fn progress(&self, observations: &JsValue, as_of: &JsValue) -> Result<JsValue, JsValue> {
        let observations = self.observations(observations)?;
        to_js(
            &self
                .0
                .progress(&observations, args::day(as_of, "progress")?)
                .into_js()?,
        )
    }

    /// Whether the plan is in force on a day (`YYYY-MM-DD`, or `{asOf}`), and what is due by then.
    pub fn status(&self, as_of: &JsValue) -> Result<JsValue, JsValue> {
        to_js(&self.0.status(args::day(as_of, "status")?))
    }

    /// The plan data, as `JSON.stringify(plan)` writes it.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(self.0.data())
    }
}

impl Plan {
    /// Observations (an array of objects, or the text of a CSV or JSON file) read for this
    /// plan.
    fn observations(&self, observations: &JsValue) -> Result<Vec<core::Observation>, JsValue> {
        let text = if args::is_array(observations, "the observations")? {
            args::json_of(observations, "the observations")?
        } else {
            string(
                observations,
                "the observations (an array, or CSV or JSON text)",
            )?
        };
        self.0.read_observations(text.as_str()).into_js()
    }

    /// A profile (an object, or its JSON text) read for this plan.
    fn profile(&self, profile: &JsValue) -> Result<core::Profile, JsValue> {
        let bytes = json_bytes(profile, "a profile")?;
        self.0.read_profile(bytes.as_slice()).into_js()
    }
}

/// The shipped Wulong plan.
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

/// What a plan or a corpus throws once freed (`free()` in the package's JavaScript): a
/// `TypeError` with code `invalid_argument`, as for any other argument it cannot take.
#[wasm_bindgen(skip_typescript, js_name = freedError)]
pub fn freed_error(what: &str) -> JsValue {
    args::argument(&format!(
        "this {what} was freed (`free()`), and answers nothing: load it again"
    ))
}
