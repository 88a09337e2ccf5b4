//! The shipped plans edited as the fuzzer's bytes direct (`srdi_plan_tests::mutate`): the
//! edits reach the shape check and the semantic rules, which random bytes rarely do. The same
//! properties as `load`, and the fast path for well-formed plans finds what the phases find.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use srdi_plan::{Plan, validate_json, validate_json_in_phases};

/// The shipped plans as JSON values, parsed once.
static PLANS: LazyLock<[Value; 2]> = LazyLock::new(|| {
    [srdi_plan::WULONG_JSON, srdi_plan::CHONGQING_JSON]
        .map(|json| serde_json::from_str(json).expect("a shipped plan is JSON"))
});

fuzz_target!(|bytes: &[u8]| {
    let Some((&which, edits)) = bytes.split_first() else {
        return;
    };
    let mut value = PLANS[usize::from(which % 2)].clone();
    srdi_plan_tests::mutate(&mut value, edits);
    let json = value.to_string();
    let issues = validate_json(&json);
    assert_eq!(
        issues,
        validate_json_in_phases(&json),
        "the fast path and the phases differ"
    );
    srdi_plan_tests::assert_loads_as_validated(Plan::from_json(&json), &issues);
});
