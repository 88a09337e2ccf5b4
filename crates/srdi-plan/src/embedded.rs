//! The plans shipped inside the crate, proven valid by the test suite and therefore loaded
//! without re-running the checks: parsed once, on first use, and shared.

use std::sync::{Arc, LazyLock};

use crate::model::PlanData;
use crate::plan::Plan;

/// The Wulong plan as shipped in this crate, in the [`Plan::from_json`] format.
pub const WULONG_JSON: &str = include_str!("../data/wulong-2022-48.json");

static WULONG: LazyLock<Arc<Plan>> = LazyLock::new(|| trusted(WULONG_JSON));

/// A plan the tests have proven valid: parsed straight into its types and indexed.
fn trusted(json: &str) -> Arc<Plan> {
    match serde_json::from_str::<PlanData>(json) {
        Ok(data) => Arc::new(Plan::trusted(data)),
        // Unreachable: the crate's tests load every embedded plan through `Plan::from_json`.
        Err(error) => unreachable!("an embedded plan does not parse: {error}"),
    }
}

/// The Wulong District SRDI plan (武隆府办发〔2022〕48号), parsed once on first use and shared:
/// cloning the `Arc` shares the same plan.
///
/// ```
/// let plan = srdi_plan::wulong();
/// let data = plan.data();
/// assert_eq!((data.goals.len(), data.sections.len(), data.tasks.len()), (4, 5, 32));
/// ```
pub fn wulong() -> &'static Arc<Plan> {
    &WULONG
}
