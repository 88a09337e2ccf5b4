//! The shared bad-input vectors (`tests/conformance/errors/`) through the Rust API: each
//! input gets its error code and exactly its error issues, from both entry points.

use srdi_plan::{Issue, Plan, validate_json};
use srdi_plan_tests::error_cases;

fn error_pairs(issues: &[Issue]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = issues
        .iter()
        .filter(|issue| issue.is_error())
        .map(|issue| (issue.code.to_string(), issue.path.clone()))
        .collect();
    pairs.sort();
    pairs
}

#[test]
fn every_bad_input_gets_its_code_and_issues() {
    let cases = error_cases();
    assert!(cases.len() >= 10);
    for case in cases {
        let error = Plan::from_json(&case.input).expect_err(&case.name);
        assert_eq!(error.code().as_str(), case.error, "{}", case.name);
        let mut expected = case.issues.clone();
        expected.sort();
        assert_eq!(error_pairs(error.issues()), expected, "{}", case.name);
        assert_eq!(validate_json(&case.input), error.issues(), "{}", case.name);
        let first = &error.issues()[0];
        for (key, actual) in [("line", first.line), ("column", first.column)] {
            if let Some(expected) = case.expect.get(key) {
                assert_eq!(
                    actual.map(serde_json::Value::from).as_ref(),
                    Some(expected),
                    "{}",
                    case.name
                );
            }
        }
    }
}
