//! JSON Schemas generated from the Rust types: of the plan format (committed under
//! `policy-data/schema/`, which the loader checks files against) and of every answer (what
//! the bindings' type declarations are generated from).

use crate::answer::{
    EntityView, Hit, InstrumentView, Matrix, MeasureView, MechanismView, Query, Summary,
    TargetView, TaskView, UnitView,
};
use crate::error::{Code, ErrorReport, Issue};
use crate::model::PlanData;
use crate::table::Table;

/// The JSON Schema of the plan format.
///
/// The committed copy is `policy-data/schema/plan.schema.json`; a test keeps it current.
pub fn json_schema() -> String {
    pretty(&schemars::schema_for!(PlanData))
}

/// The JSON Schema of an enterprise's [`Profile`](crate::Profile), which
/// [`Plan::entitlements`](crate::Plan::entitlements) evaluates.
///
/// The committed copy is `policy-data/schema/profile.schema.json`; a test keeps it current.
pub fn profile_schema() -> String {
    pretty(&schemars::schema_for!(crate::Profile))
}

/// The JSON Schema of a [`Scenario`](crate::Scenario) of counts, which
/// [`Plan::cost`](crate::Plan::cost) prices.
///
/// The committed copy is `policy-data/schema/scenario.schema.json`; a test keeps it current.
pub fn scenario_schema() -> String {
    pretty(&schemars::schema_for!(crate::Scenario))
}

/// The JSON Schema of observations (a list of [`Observation`](crate::Observation)), which
/// [`Plan::progress`](crate::Plan::progress) reads; CSV files have the same columns.
///
/// The committed copy is `policy-data/schema/observations.schema.json`; a test keeps it current.
pub fn observations_schema() -> String {
    pretty(&schemars::schema_for!(Vec<crate::Observation>))
}

fn pretty(schema: &schemars::Schema) -> String {
    // A schema is a tree of JSON values: serializing cannot fail.
    serde_json::to_string_pretty(schema).unwrap_or_default() + "\n"
}

/// The JSON Schema of every answer (task views, hits, units, matrix, …), of the questions
/// ([`Query`]), of issues and codes, and of the plan itself, as `$defs`.
pub fn answer_schema() -> String {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    generator.subschema_for::<PlanData>();
    generator.subschema_for::<Query>();
    generator.subschema_for::<Summary<'static>>();
    generator.subschema_for::<TaskView<'static>>();
    generator.subschema_for::<MeasureView<'static>>();
    generator.subschema_for::<TargetView<'static>>();
    generator.subschema_for::<MechanismView<'static>>();
    generator.subschema_for::<UnitView<'static>>();
    generator.subschema_for::<EntityView<'static>>();
    generator.subschema_for::<Hit>();
    generator.subschema_for::<Matrix<'static>>();
    generator.subschema_for::<InstrumentView>();
    generator.subschema_for::<crate::GroupView<'static>>();
    generator.subschema_for::<Table<'static>>();
    generator.subschema_for::<crate::Profile>();
    generator.subschema_for::<crate::Scenario>();
    generator.subschema_for::<crate::Entitlement<'static>>();
    generator.subschema_for::<crate::Total>();
    generator.subschema_for::<crate::Cost>();
    generator.subschema_for::<crate::Observation>();
    generator.subschema_for::<crate::Progress<'static>>();
    generator.subschema_for::<crate::PlanStatus<'static>>();
    generator.subschema_for::<crate::CorpusQuery>();
    generator.subschema_for::<crate::PlanEntry<'static>>();
    generator.subschema_for::<crate::PlanHit<'static>>();
    generator.subschema_for::<crate::GoalRow<'static>>();
    generator.subschema_for::<crate::MeasureRow<'static>>();
    generator.subschema_for::<crate::StipCoverage>();
    generator.subschema_for::<Issue>();
    generator.subschema_for::<Code>();
    generator.subschema_for::<ErrorReport>();
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Answers",
        "description": "The plan format, the questions and every answer of srdi-plan.",
        "$defs": generator.definitions(),
    });
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
