//! The plans shipped inside the crate, proven valid by the test suite and therefore loaded
//! without re-running the checks. Their data and index are baked into the program as statics
//! (`src/baked.rs`): a shipped plan is ready without a parse and without a copy, and shared.

use std::sync::{Arc, LazyLock};

use crate::plan::Plan;

/// The Wulong plan (武隆府办发〔2022〕48号) as shipped in this crate, in the
/// [`Plan::from_json`] format.
pub const WULONG_JSON: &str = include_str!("../data/wulong-2022-48.json");

/// The part that survives of the Chongqing municipal plan (渝府办发〔2022〕23号), which the
/// Wulong plan implements, in the [`Plan::from_json`] format.
pub const CHONGQING_JSON: &str = include_str!("../data/chongqing-2022-23.json");

static WULONG: LazyLock<Arc<Plan>> = LazyLock::new(|| Arc::new(shipped::wulong()));
static CHONGQING: LazyLock<Arc<Plan>> = LazyLock::new(|| Arc::new(shipped::chongqing()));

/// The shipped plans from the statics of `src/baked.rs`: no parse, no copy.
#[cfg(not(feature = "bake"))]
mod shipped {
    use crate::baked;
    use crate::plan::Plan;

    pub(super) fn wulong() -> Plan {
        Plan::trusted(
            baked::wulong(),
            baked::wulong_index(),
            baked::wulong_warnings(),
        )
    }

    pub(super) fn chongqing() -> Plan {
        Plan::trusted(
            baked::chongqing(),
            baked::chongqing_index(),
            baked::chongqing_warnings(),
        )
    }
}

/// The shipped plans loaded from their JSON: while baking, `src/baked.rs` is not compiled.
#[cfg(feature = "bake")]
mod shipped {
    use crate::plan::Plan;

    pub(super) fn wulong() -> Plan {
        load(super::WULONG_JSON)
    }

    pub(super) fn chongqing() -> Plan {
        load(super::CHONGQING_JSON)
    }

    fn load(json: &str) -> Plan {
        Plan::from_json(json).unwrap_or_else(|error| unreachable!("{error}"))
    }
}

/// A shipped plan, made on first use from its baked statics.
type Shipped = fn() -> &'static Arc<Plan>;

/// The embedded plans by id.
const EMBEDDED: [(&str, Shipped); 2] =
    [("wulong-2022-48", wulong), ("chongqing-2022-23", chongqing)];

/// The Wulong District SRDI plan (武隆府办发〔2022〕48号), ready at once (its data and index are
/// borrowed from the program) and shared: cloning the `Arc` shares the same plan.
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

#[cfg(all(test, not(feature = "bake")))]
mod tests {
    use crate::baked;
    use crate::plan::Plan;

    /// `src/baked.rs` is fresh: it holds exactly the data, index and warnings each plan's JSON
    /// loads to, and its id tables find every id. After editing a plan, `make bake` rewrites
    /// it.
    #[test]
    fn the_baked_plans_are_their_json() {
        for (baked, index, warnings, json) in [
            (
                baked::wulong(),
                baked::wulong_index(),
                baked::wulong_warnings(),
                super::WULONG_JSON,
            ),
            (
                baked::chongqing(),
                baked::chongqing_index(),
                baked::chongqing_warnings(),
                super::CHONGQING_JSON,
            ),
        ] {
            let loaded = Plan::from_json(json).unwrap();
            let fresh = *baked == *loaded.data()
                && *index == *loaded.index()
                && warnings == loaded.warnings();
            assert!(
                fresh,
                "src/baked.rs is stale for {}: run `make bake`",
                baked.id
            );
        }
    }
}
