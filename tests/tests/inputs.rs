//! Properties of reading a profile, scenario or observations for a plan, over the vectors'
//! inputs edited at random (`srdi_plan_tests::mutate`): a value (a Python dict) and its JSON
//! text (what JS and the command hand over) get the same answer; every issue points into the
//! input; the plan's checks add to the shape's issues and never take one away; and what the
//! plan reads, it can answer.

use proptest::prelude::*;
use serde_json::Value;
use srdi_plan::{Code, Date, Input, Issue, Plan, QueryError};
use srdi_plan_tests::{cases, plan_of};

/// The inputs of the vectors asked of the Wulong plan, under `key`.
fn seeds(key: &str) -> Vec<Value> {
    cases()
        .into_iter()
        .filter(|case| case.plan == "wulong-2022-48")
        .filter_map(|case| case.query.get(key).filter(|v| !v.is_null()).cloned())
        .collect()
}

fn plan() -> &'static Plan {
    plan_of(&cases()[0])
}

/// The issues of a reading, as `(code, path)`; none for one that succeeded.
fn issues<T>(read: &Result<T, QueryError>) -> Vec<(Code, String)> {
    let issues = read.as_ref().err().map_or(&[][..], QueryError::issues);
    issues.iter().map(|i| (i.code, i.path.clone())).collect()
}

/// Whether `issue` points at a place of `input`: a value there, or the object that lacks a
/// field (a missing field, or a time neither given as `year` nor as `date`).
fn points_into(issue: &Issue, input: &Value) -> bool {
    if input.pointer(&issue.path).is_some() {
        return true;
    }
    let parent = issue.path.rsplit_once('/').map_or("", |(parent, _)| parent);
    issue.code == Code::MissingField && input.pointer(parent).is_some_and(Value::is_object)
}

/// The properties of one input, read by the plan (`read`) and by its shape alone (`shape`);
/// `answer` asks the plan the question the input is for.
fn check<T: PartialEq + std::fmt::Debug>(
    input: &Value,
    read: impl Fn(Input<'_>) -> Result<T, QueryError>,
    shape: impl Fn(Input<'_>) -> Result<T, QueryError>,
    answer: impl Fn(&T) -> Result<(), QueryError>,
) -> Result<(), TestCaseError> {
    let text = input.to_string();
    let from_value = read(Input::Value(input.clone()));
    let from_text = read(Input::Bytes(text.as_bytes()));
    prop_assert_eq!(
        issues(&from_value),
        issues(&from_text),
        "a value and its text differ"
    );
    prop_assert_eq!(from_value.as_ref().ok(), from_text.as_ref().ok());
    let shape_issues = issues(&shape(Input::Value(input.clone())));
    match &from_value {
        Ok(read) => {
            prop_assert!(
                shape_issues.is_empty(),
                "the plan read what its shape refuses"
            );
            prop_assert!(
                answer(read).is_ok(),
                "the plan read what it cannot answer: {:?}",
                read
            );
        }
        Err(error) => {
            prop_assert!(!error.issues().is_empty(), "an error without issues");
            for issue in error.issues() {
                prop_assert!(
                    points_into(issue, input),
                    "{:?} points nowhere in {}",
                    issue,
                    text
                );
            }
            let found = issues(&from_value);
            for (i, said) in found.iter().enumerate() {
                prop_assert!(!found[..i].contains(said), "{:?} said twice", said);
            }
            for said in &shape_issues {
                prop_assert!(found.contains(said), "the plan's reading lost {:?}", said);
            }
        }
    }
    Ok(())
}

fn edited(seeds: &[Value], edits: &[u8]) -> Value {
    let Some((&which, edits)) = edits.split_first() else {
        return seeds[0].clone();
    };
    let mut value = seeds[usize::from(which) % seeds.len()].clone();
    srdi_plan_tests::mutate(&mut value, edits);
    value
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn edited_profiles(edits in prop::collection::vec(any::<u8>(), 0..16)) {
        let plan = plan();
        check(
            &edited(&seeds("profile"), &edits),
            |input| plan.read_profile(input),
            |input| match input {
                Input::Value(value) => srdi_plan::Profile::from_value(value),
                Input::Bytes(bytes) => srdi_plan::Profile::from_bytes(bytes),
            },
            |profile| plan.entitlements(profile).map(drop),
        )?;
    }

    #[test]
    fn edited_scenarios(edits in prop::collection::vec(any::<u8>(), 0..16)) {
        let plan = plan();
        check(
            &edited(&seeds("scenario"), &edits),
            |input| plan.read_scenario(input),
            |input| match input {
                Input::Value(value) => srdi_plan::Scenario::from_value(value),
                Input::Bytes(bytes) => srdi_plan::Scenario::from_bytes(bytes),
            },
            // A cost may still be too large to hold; nothing else may fail.
            |scenario| match plan.cost(scenario) {
                Err(error) if error.issues().iter().all(|i| i.code == Code::OutOfRange) => Ok(()),
                other => other.map(drop),
            },
        )?;
    }

    #[test]
    fn edited_observations(edits in prop::collection::vec(any::<u8>(), 0..16)) {
        let plan = plan();
        let as_of = Date::parse("2025-06-30").unwrap();
        check(
            &edited(&seeds("observations"), &edits),
            |input| plan.read_observations(input),
            |input| match input {
                Input::Value(value) => srdi_plan::observations_from_value(value),
                Input::Bytes(bytes) => srdi_plan::read_observations(bytes),
            },
            |observations| plan.progress(observations, as_of).map(drop),
        )?;
    }
}

#[test]
fn the_edits_reach_both_outcomes() {
    // The properties above must see readings that succeed and readings that fail.
    let plan = plan();
    for key in ["profile", "scenario", "observations"] {
        let outcomes: Vec<bool> = (0u8..=255)
            .map(|byte| {
                let value = edited(&seeds(key), &[byte, byte, byte, byte]);
                match key {
                    "profile" => plan.read_profile(value).is_ok(),
                    "scenario" => plan.read_scenario(value).is_ok(),
                    _ => plan.read_observations(value).is_ok(),
                }
            })
            .collect();
        assert!(
            outcomes.contains(&true) && outcomes.contains(&false),
            "{key}"
        );
    }
}
