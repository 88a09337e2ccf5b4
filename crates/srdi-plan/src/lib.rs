//! A government action plan as typed, checked, queryable data.
//!
//! The embedded plan is the Wulong District (Chongqing) action plan for “专精特新”
//! (specialised, refined, distinctive, innovative — SRDI) SMEs, 2022–2025,
//! 武隆府办发〔2022〕48号. Chinese texts are the source verbatim; English texts are our own,
//! unofficial translation.
//!
//! Data flows one way, and each layer owns one thing:
//!
//! | layer | module | what it owns |
//! |---|---|---|
//! | format | `model` | [`PlanData`]: the file format, as serde types |
//! | load | `load` | limits → JSON value → shape check (every problem) → `PlanData` |
//! | validate | `validate` | the semantic rules: `PlanData` → [`Plan`] |
//! | plan | `plan`, `refs`, `texts` | the valid, immutable [`Plan`]; typed references ([`ItemRef`]); citations; the walker over every text |
//! | queries | `query` | names resolved once; typed filters ([`TaskFilter`], [`MeasureFilter`]) |
//! | answers | `answer`, `table` | each question and its answer type ([`TaskView`], [`Summary`], [`Table`] …), and [`Query`] → [`Answer`] |
//! | questions users bring | `entitle`, `progress` | what an enterprise can get ([`Plan::entitlements`], with reasons); did the plan deliver ([`Plan::progress`], as of a date) |
//!
//! The `srdi` command and the Python and JavaScript packages convert these answers, nothing
//! more: the same question gives the same JSON on every surface.
//!
//! ```
//! let plan = srdi_plan::wulong();
//! assert_eq!(plan.data().document.number.as_deref(), Some("武隆府办发〔2022〕48号"));
//!
//! let task = plan.task(28).unwrap();
//! let reward = &task.task.measures[0];
//! assert_eq!(reward.amount.as_ref().unwrap().value, 1_000_000);
//! assert_eq!(task.citation.unwrap().zh(), "武隆府办发〔2022〕48号 二（五）28");
//!
//! // Any plan of the same format loads through the same door, and every problem is reported.
//! let error = srdi_plan::Plan::from_json(r#"{"id": "my-plan"}"#).unwrap_err();
//! assert_eq!(error.issues()[0].code, srdi_plan::Code::MissingField);
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

/// `ALL`, `as_str` (the serde name), `Display` and `FromStr` for a unit-only enum, by its
/// serde names.
macro_rules! names {
    ($($name:ident { $($variant:ident = $text:literal,)* })*) => {$(
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$(Self::$variant,)*];

            /// The `snake_case` name used in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::QueryError;

            /// The value whose serde name is `text`.
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|value| value.as_str() == text)
                    .ok_or_else(|| {
                        let names: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                        crate::QueryError::InvalidArgument(format!(
                            "`{text}` is not one of: {}",
                            names.join(", ")
                        ))
                    })
            }
        }
    )*};
}

extern crate alloc;

mod answer;
#[cfg(feature = "bake")]
mod bake;
// Left out when baking, so that a stale file cannot stop the generator from building.
#[cfg(not(feature = "bake"))]
#[rustfmt::skip]
#[allow(clippy::too_many_lines, clippy::unreadable_literal, reason = "generated data")]
mod baked;
mod corpus;
mod embedded;
mod entitle;
mod error;
mod instrument;
mod load;
mod model;
mod plan;
mod progress;
mod quantity;
mod query;
mod refs;
mod responsibility;
#[cfg(feature = "schema")]
mod schema;
mod search;
mod table;
mod texts;
mod validate;

pub use answer::{
    Answer, Counts, EntityView, GroupView, Hit, InstrumentView, ItemKind, Language, Matrix,
    MatrixRow, MeasureView, MechanismView, NameKind, Query, SectionView, Summary, TargetView,
    TaskView, UnitView,
};
#[cfg(feature = "bake")]
pub use bake::bake;
pub use corpus::{
    Basis, BasisEntry, Corpus, CorpusAnswer, CorpusQuery, FolderError, GoalRow, Localised,
    MeasureRow, PlanCoverage, PlanEntry, PlanHit, StipCoverage,
};
pub use embedded::{
    CHONGQING_JSON, WULONG_JSON, chongqing, embedded, embedded_ids, embedded_plan, wulong,
};
pub use entitle::{
    Cost, CostLine, Entitlement, Event, EventCount, EventKind, FactValue, NotCosted, Outcome,
    Profile, Recognition, RecognitionCount, Scenario, Status, Step, Test, Total, YearTotal,
    explain,
};
pub use error::{Code, ErrorReport, Issue, PlanError, QueryError, Severity};
pub use instrument::{Instrument, StipType};
pub use load::{
    FileError, Input, MAX_DEPTH, MAX_INPUT_BYTES, check_size, check_text_size, read_file,
    read_input_file, validate_bytes, validate_file, validate_json, validate_json_in_phases,
};
pub use model::*;
pub use plan::{Plan, is_id};
pub use progress::{
    Date, Observation, PlanStatus, Point, Progress, ProgressStatus, Standing,
    observations_from_value, read_observations,
};
pub use quantity::money;
pub use query::{LARGEST_NUMBER, MeasureFilter, TaskFilter};
pub use refs::{
    Citation, Division, EntityRef, FactRef, GroupRef, ItemRef, MeasureRef, MechanismRef, PartRef,
    Place, PlanRef, SectionRef, TargetRef, TaskRef, TermRef, TierRef, UnitRef,
};
#[cfg(feature = "schema")]
pub use schema::{
    answer_schema, json_schema, observations_schema, profile_schema, scenario_schema,
};
pub use table::{Cell, CellKind, Column, Record, RecordKind, Table, Values};
pub use texts::TextRef;
