//! The plans shipped inside the crate, proven valid by the test suite and therefore loaded
//! without re-running the checks: parsed once, on first use, and shared.

use std::sync::{Arc, LazyLock};

use crate::model::PlanData;
use crate::plan::Plan;

/// The Wulong plan (武隆府办发〔2022〕48号) as shipped in this crate, in the
/// [`Plan::from_json`] format.
pub const WULONG_JSON: &str = include_str!("../data/wulong-2022-48.json");

/// The part that survives of the Chongqing municipal plan (渝府办发〔2022〕23号), which the
/// Wulong plan implements, in the [`Plan::from_json`] format.
pub const CHONGQING_JSON: &str = include_str!("../data/chongqing-2022-23.json");

static WULONG: LazyLock<Arc<Plan>> = LazyLock::new(|| trusted(WULONG_JSON));
static CHONGQING: LazyLock<Arc<Plan>> = LazyLock::new(|| trusted(CHONGQING_JSON));

/// A shipped plan, parsed on first use.
type Shipped = fn() -> &'static Arc<Plan>;

/// The embedded plans by id.
const EMBEDDED: [(&str, Shipped); 2] =
    [("wulong-2022-48", wulong), ("chongqing-2022-23", chongqing)];

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

/// The Chongqing municipal SRDI plan (渝府办发〔2022〕23号), of which only the beginning
/// survives: a partial plan.
///
/// ```
/// let plan = srdi_plan::chongqing();
/// assert_eq!(plan.data().totals.unwrap().tasks, Some(30));
/// assert_eq!(plan.data().tasks.len(), 2);
/// ```
pub fn chongqing() -> &'static Arc<Plan> {
    &CHONGQING
}

/// The ids of the plans shipped inside the crate.
pub fn embedded_ids() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|(id, _)| *id)
}

/// A plan shipped inside the crate, by id, or an error naming the shipped ones.
///
/// # Errors
///
/// [`QueryError::UnknownName`](crate::QueryError) (of kind `plan`) with the ids of the
/// shipped plans.
pub fn embedded_plan(id: &str) -> Result<&'static Arc<Plan>, crate::QueryError> {
    embedded(id).ok_or_else(|| crate::QueryError::UnknownName {
        kind: crate::NameKind::Plan,
        name: id.to_owned(),
        suggestions: embedded_ids().map(str::to_owned).collect(),
    })
}

/// A plan shipped inside the crate, by id.
///
/// ```
/// assert!(srdi_plan::embedded("chongqing-2022-23").is_some());
/// assert!(srdi_plan::embedded("nowhere-2030-1").is_none());
/// ```
pub fn embedded(id: &str) -> Option<&'static Arc<Plan>> {
    EMBEDDED
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(_, plan)| plan())
}
