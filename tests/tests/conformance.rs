//! The shared conformance vectors (`tests/conformance/`) through the Rust API: every case's
//! hand-derived facts hold, and its whole answer is the one in `answers.json`, which the CLI,
//! Python and JS suites compare their own answers with.
//!
//! After a deliberate change of an answer, `SRDI_BLESS=1 cargo test -p srdi-plan-tests --test
//! conformance` rewrites `answers.json`; review its diff like code.

use serde_json::{Map, Value};
use srdi_plan_tests::{
    CONFORMANCE, answer, answers, cases, check_facts, corpus_answer, corpus_answers, corpus_cases,
    plan_of,
};

#[test]
fn every_case_shows_its_hand_derived_facts() {
    let cases = cases();
    assert!(cases.len() >= 70, "the vectors must cover every question");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| check_facts(case, &answer(plan_of(case), &case.query)).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_whole_answer_is_the_recorded_one() {
    let actual: Map<String, Value> = cases()
        .iter()
        .map(|case| (case.name.clone(), answer(plan_of(case), &case.query)))
        .collect();
    if std::env::var_os("SRDI_BLESS").is_some() {
        let text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
        std::fs::write(format!("{CONFORMANCE}/answers.json"), text).unwrap();
        return;
    }
    let recorded = answers();
    let mut names: Vec<&String> = actual.keys().collect();
    names.retain(|name| recorded.get(*name) != actual.get(*name));
    assert!(
        names.is_empty() && recorded.len() == actual.len(),
        "answers.json is stale for {names:?}; if the change is meant, run \
         SRDI_BLESS=1 cargo test -p srdi-plan-tests --test conformance and review the diff"
    );
}

#[test]
fn case_names_are_unique_and_every_question_is_asked() {
    let cases = cases();
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "two cases share a name");
    let mut ops: Vec<&str> = cases
        .iter()
        .map(|case| case.query["op"].as_str().unwrap())
        .collect();
    ops.sort_unstable();
    ops.dedup();
    let all = [
        "cost",
        "documents",
        "entities",
        "entitlement_table",
        "entitlement_total",
        "entitlements",
        "entity",
        "goal",
        "goals",
        "instruments",
        "matrix",
        "measures",
        "mechanism",
        "mechanisms",
        "progress",
        "progress_table",
        "search",
        "status",
        "summary",
        "table",
        "targets",
        "task",
        "tasks",
        "tiers",
        "unit",
        "units",
    ];
    assert_eq!(ops, all);
}

#[test]
fn every_question_of_several_plans_shows_its_facts_and_recorded_answer() {
    let cases = corpus_cases();
    let actual: Map<String, Value> = cases
        .iter()
        .map(|case| (case.name.clone(), corpus_answer(case)))
        .collect();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| check_facts(case, &actual[&case.name]).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    if std::env::var_os("SRDI_BLESS").is_some() {
        let text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
        std::fs::write(format!("{CONFORMANCE}/corpus-answers.json"), text).unwrap();
        return;
    }
    assert_eq!(
        actual,
        corpus_answers(),
        "corpus-answers.json is stale; if the change is meant, run SRDI_BLESS=1 cargo test \
         -p srdi-plan-tests --test conformance and review the diff"
    );
}
