//! Properties of the loader over plans edited at random (`srdi_plan_tests::mutate`): whatever
//! it accepts round-trips through `to_json` unchanged, whatever it rejects `validate` reports
//! the same way, and the fast path for well-formed plans finds what the phases find.

use proptest::prelude::*;
use serde_json::Value;
use srdi_plan::{Plan, validate_json, validate_json_in_phases};

fn edited(plan: &str, edits: &[u8]) -> String {
    let mut value: Value = serde_json::from_str(plan).unwrap();
    srdi_plan_tests::mutate(&mut value, edits);
    value.to_string()
}

fn check(json: &str) -> Result<(), TestCaseError> {
    let issues = validate_json(json);
    prop_assert_eq!(&issues, &validate_json_in_phases(json));
    // Its assertions panic, which proptest reports and shrinks like a failed `prop_assert`.
    srdi_plan_tests::assert_loads_as_validated(Plan::from_json(json), &issues);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn edited_wulong_plans_round_trip_or_are_reported(edits in prop::collection::vec(any::<u8>(), 0..24)) {
        check(&edited(srdi_plan::WULONG_JSON, &edits))?;
    }

    #[test]
    fn edited_parent_plans_round_trip_or_are_reported(edits in prop::collection::vec(any::<u8>(), 0..24)) {
        check(&edited(srdi_plan::CHONGQING_JSON, &edits))?;
    }
}

#[test]
fn some_edits_keep_a_valid_plan_and_some_do_not() {
    // The property above must see both outcomes, or it proves nothing.
    let outcomes: Vec<bool> = (0u8..=255)
        .map(|byte| Plan::from_json(&edited(srdi_plan::WULONG_JSON, &[byte, byte, byte])).is_ok())
        .collect();
    assert!(outcomes.contains(&true) && outcomes.contains(&false));
}
