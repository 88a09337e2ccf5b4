//! The shared bad-input vectors (`tests/conformance/errors/`) through the Rust API: each
//! input gets its error code and exactly its error issues (or loads, with its warnings),
//! from bytes and from text alike.

use srdi_plan::{Issue, Plan, PlanError, validate_bytes, validate_json};
use srdi_plan_tests::{ErrorCase, error_cases};

fn pairs(issues: &[Issue], errors: bool) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = issues
        .iter()
        .filter(|issue| issue.is_error() == errors)
        .map(|issue| (issue.code.to_string(), issue.path.clone()))
        .collect();
    pairs.sort();
    pairs
}

fn sorted(mut pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    pairs.sort();
    pairs
}

/// The outcome of one load against the case: its code, issues and location.
fn check(case: &ErrorCase, loaded: Result<Plan, PlanError>, issues: &[Issue]) {
    let name = &case.name;
    match (&case.error, loaded) {
        (Some(code), Err(error)) => {
            assert_eq!(error.code().as_str(), code, "{name}");
            assert_eq!(error.issues(), issues, "{name}: validate and load disagree");
            let first = &error.issues()[0];
            for (key, actual) in [
                ("line", first.line),
                ("column", first.column),
                ("offset", first.offset),
            ] {
                if let Some(expected) = case.expect.get(key) {
                    let actual = actual.map(serde_json::Value::from);
                    assert_eq!(actual.as_ref(), Some(expected), "{name}: {key}");
                }
            }
        }
        (None, Ok(plan)) => assert_eq!(plan.warnings(), issues, "{name}"),
        (expected, loaded) => panic!(
            "{name}: expected {expected:?}, got {:?}",
            loaded.map(|plan| plan.id().to_owned())
        ),
    }
    assert_eq!(pairs(issues, true), sorted(case.issues.clone()), "{name}");
    if let Some(warnings) = &case.warnings {
        assert_eq!(pairs(issues, false), sorted(warnings.clone()), "{name}");
    }
}

#[test]
fn every_bad_input_gets_its_code_and_issues() {
    let cases = error_cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let failed: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            std::panic::catch_unwind(|| {
                check(
                    case,
                    Plan::from_bytes(&case.input),
                    &validate_bytes(&case.input),
                );
                if let Some(text) = case.text() {
                    check(case, Plan::from_json(text), &validate_json(text));
                }
            })
            .err()
            .map(|_| case.name.clone())
        })
        .collect();
    assert!(failed.is_empty(), "failed: {failed:#?}");
}

#[test]
fn every_bad_input_file_gets_its_code_and_issues() {
    let folder = std::env::temp_dir().join(format!("srdi-errors-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    for (i, case) in error_cases().iter().enumerate() {
        let path = folder.join(format!("{i}.json"));
        std::fs::write(&path, &case.input).unwrap();
        let issues = srdi_plan::validate_file(&path).unwrap();
        let loaded = Plan::from_file(&path).map_err(|error| match error {
            srdi_plan::FileError::Plan(error) => error,
            other => panic!("{}: {other}", case.name),
        });
        check(case, loaded, &issues);
    }
    std::fs::remove_dir_all(&folder).unwrap();
}
