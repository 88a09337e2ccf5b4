//! A government action plan as typed, checked, queryable data.
//!
//! The embedded plan is the Wulong District (Chongqing) action plan for “专精特新”
//! (specialised, refined, distinctive, innovative — SRDI) SMEs, 2022–2025,
//! 武隆府办发〔2022〕48号. Chinese texts are the source verbatim; English texts are our own,
//! unofficial translation.
//!
//! ```
//! let plan = srdi_plan::wulong();
//! assert_eq!(plan.document.number, "武隆府办发〔2022〕48号");
//!
//! let task = plan.task(28).unwrap();
//! let reward = &task.measures[0];
//! assert_eq!(reward.amount.as_ref().unwrap().value, 1_000_000);
//! assert_eq!(plan.citation(&task.id()).unwrap(), "武隆府办发〔2022〕48号 二（五）28");
//!
//! // Any plan of the same format loads through the same door, and every problem is reported.
//! let error = srdi_plan::Plan::from_json(r#"{"id": "my-plan"}"#).unwrap_err();
//! assert_eq!(error.issues()[0].code, srdi_plan::Code::InvalidShape);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod error;
mod instrument;
mod load;
mod model;
mod plan;
mod query;
mod validate;
mod view;

use std::sync::LazyLock;

pub use error::{Code, Issue, PlanError, Severity};
pub use instrument::{Instrument, StipType};
pub use load::{MAX_DEPTH, MAX_INPUT_BYTES, validate_json};
pub use model::*;
pub use query::{
    Duties, Hit, ItemKind, Matrix, MatrixRow, Mentions, NameKind, QueryError, TaskFilter,
};
pub use view::{Cited, Counts, RecordKind, Records, Summary, TaskView};

/// The Wulong plan as shipped in this crate, in the [`Plan::from_json`] format.
pub const WULONG_JSON: &str = include_str!("../data/wulong-2022-48.json");

static WULONG: LazyLock<Plan> = LazyLock::new(|| match Plan::from_json(WULONG_JSON) {
    Ok(plan) => plan,
    // Unreachable: the crate's tests load and validate the embedded plan.
    Err(error) => unreachable!("the embedded Wulong plan is invalid: {error}"),
});

/// The Wulong District SRDI plan (武隆府办发〔2022〕48号), parsed once on first use.
///
/// ```
/// let plan = srdi_plan::wulong();
/// assert_eq!((plan.goals.len(), plan.sections.len(), plan.tasks.len()), (4, 5, 32));
/// ```
pub fn wulong() -> &'static Plan {
    &WULONG
}

/// The JSON Schema of every answer the queries give (task views, hits, duties, matrix, …)
/// and of the plan itself, as `$defs`: what the bindings' type declarations are generated
/// from, so that they cannot drift from the Rust types.
pub fn answer_schema() -> String {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    generator.subschema_for::<Plan>();
    generator.subschema_for::<TaskView<'static>>();
    generator.subschema_for::<Hit>();
    generator.subschema_for::<Duties<'static>>();
    generator.subschema_for::<Cited<'static, Target>>();
    generator.subschema_for::<Cited<'static, Measure>>();
    generator.subschema_for::<Cited<'static, Mechanism>>();
    generator.subschema_for::<Mentions<'static>>();
    generator.subschema_for::<Matrix<'static>>();
    generator.subschema_for::<Summary<'static>>();
    generator.subschema_for::<Records>();
    generator.subschema_for::<Issue>();
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Answers",
        "description": "The plan format and every answer of the srdi-plan queries.",
        "$defs": generator.definitions(),
    });
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The JSON Schema of the plan format, generated from the Rust types.
///
/// The committed copy is `policy-data/schema/plan.schema.json`; a test keeps it current.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Plan);
    // A schema is a tree of JSON values: serializing cannot fail.
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
