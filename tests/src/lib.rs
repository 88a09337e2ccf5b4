//! Helpers shared by the Rust suites (this crate's tests and the CLI's): the conformance
//! vectors of `tests/conformance/`, and the selectors their hand-derived facts are written in.
//! The Python and JavaScript suites implement the same few lines in their languages.
#![allow(
    clippy::missing_panics_doc,
    reason = "test helpers panic on broken vectors, which is the failure a test should show"
)]

use serde_json::{Map, Value};

/// The folder of the shared vectors.
pub const CONFORMANCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/conformance");

/// One vector: a question and the facts its answer must show.
#[derive(Debug, Clone)]
pub struct Case {
    /// Unique; the key of the whole answer in `answers.json`.
    pub name: String,
    /// The id of the shipped plan asked (`wulong-2022-48` unless the case says otherwise).
    pub plan: String,
    /// A `srdi_plan::Query` in JSON, e.g. `{"op": "task", "number": 28}`.
    pub query: Value,
    /// Selector → expected value, or `error` (and `suggests`) for a question that must fail.
    pub expect: Map<String, Value>,
}

fn read(name: &str) -> Value {
    let path = format!("{CONFORMANCE}/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The cases of `queries.json`, in order.
pub fn cases() -> Vec<Case> {
    let vectors = read("queries.json");
    vectors["cases"]
        .as_array()
        .expect("`cases` is a list")
        .iter()
        .map(|case| Case {
            name: case["name"].as_str().expect("a case has a name").to_owned(),
            plan: case["plan"].as_str().unwrap_or("wulong-2022-48").to_owned(),
            query: case["query"].clone(),
            expect: case["expect"]
                .as_object()
                .expect("`expect` is an object")
                .clone(),
        })
        .collect()
}

/// The whole answers of `answers.json`, by case name.
pub fn answers() -> Map<String, Value> {
    match read("answers.json") {
        Value::Object(answers) => answers,
        _ => panic!("answers.json holds an object"),
    }
}

/// The shipped plan a case asks.
pub fn plan_of(case: &Case) -> &'static srdi_plan::Plan {
    srdi_plan::embedded(&case.plan).unwrap_or_else(|| panic!("no shipped plan {}", case.plan))
}

/// The answer a Rust program gets for a query, as JSON: the answer, or `{"error": report}`.
pub fn answer(plan: &srdi_plan::Plan, query: &Value) -> Value {
    let query: srdi_plan::Query =
        serde_json::from_value(query.clone()).unwrap_or_else(|e| panic!("{query}: {e}"));
    match plan.answer(&query) {
        Ok(answer) => serde_json::to_value(answer).expect("answers serialize"),
        Err(error) => serde_json::json!({ "error": error.report() }),
    }
}

/// What `selector` picks out of `value`: a path of keys and indexes separated by `/`, where
/// `[]` maps the rest of the path over a list; then `|count` (the length) or `|unique` (the
/// list without repeats). A missing key selects `null`.
///
/// ```
/// use serde_json::json;
/// let answer = json!([{"id": "a", "n": 1}, {"id": "a", "n": 2}]);
/// assert_eq!(srdi_plan_tests::select(&answer, "[]/n"), json!([1, 2]));
/// assert_eq!(srdi_plan_tests::select(&answer, "[]/id|unique"), json!(["a"]));
/// assert_eq!(srdi_plan_tests::select(&answer, "|count"), json!(2));
/// assert_eq!(srdi_plan_tests::select(&answer, "/0/missing"), json!(null));
/// ```
pub fn select(value: &Value, selector: &str) -> Value {
    let (path, modifier) = selector.split_once('|').unwrap_or((selector, ""));
    let tokens: Vec<&str> = path.split('/').filter(|t| !t.is_empty()).collect();
    let picked = walk(value, &tokens);
    match modifier {
        "" => picked,
        "count" => Value::from(picked.as_array().map_or(0, Vec::len)),
        "unique" => {
            let mut seen = Vec::new();
            for item in picked.as_array().into_iter().flatten() {
                if !seen.contains(item) {
                    seen.push(item.clone());
                }
            }
            Value::Array(seen)
        }
        other => panic!("unknown selector modifier `{other}`"),
    }
}

fn walk(value: &Value, tokens: &[&str]) -> Value {
    let Some((first, rest)) = tokens.split_first() else {
        return value.clone();
    };
    match (*first, value) {
        ("[]", Value::Array(items)) => Value::Array(items.iter().map(|v| walk(v, rest)).collect()),
        (key, Value::Object(map)) => map.get(key).map_or(Value::Null, |v| walk(v, rest)),
        (index, Value::Array(items)) => index
            .parse::<usize>()
            .ok()
            .and_then(|i| items.get(i))
            .map_or(Value::Null, |v| walk(v, rest)),
        _ => Value::Null,
    }
}

/// Checks an answer (as [`answer`] shapes it) against a case's facts.
///
/// # Errors
///
/// A line saying which fact does not hold.
pub fn check_facts(case: &Case, answer: &Value) -> Result<(), String> {
    let name = &case.name;
    if let Some(code) = case.expect.get("error") {
        let error = &answer["error"];
        if &error["code"] != code {
            return Err(format!("{name}: expected error {code}, got {answer}"));
        }
        if let Some(first) = case.expect.get("suggests")
            && &error["suggestions"][0] != first
        {
            return Err(format!(
                "{name}: expected the suggestion {first}, got {error}"
            ));
        }
        return Ok(());
    }
    if answer.get("error").is_some() && answer.as_object().is_some_and(|o| o.len() == 1) {
        return Err(format!("{name}: unexpected error {answer}"));
    }
    for (selector, expected) in &case.expect {
        let actual = select(answer, selector);
        if &actual != expected {
            return Err(format!(
                "{name}: {selector} is {actual}, expected {expected}"
            ));
        }
    }
    Ok(())
}

/// One bad input and the error it must get.
#[derive(Debug, Clone)]
pub struct ErrorCase {
    /// Unique.
    pub name: String,
    /// The input's text, made as `errors/cases.json` says.
    pub input: String,
    /// The code of the error (`invalid_plan`, `syntax_error`, …).
    pub error: String,
    /// Every error-severity issue, as `(code, path)`, in any order.
    pub issues: Vec<(String, String)>,
    /// The whole `expect` object, for the optional `line` and `column`.
    pub expect: Value,
}

/// The cases of `errors/cases.json`, their inputs made.
pub fn error_cases() -> Vec<ErrorCase> {
    let vectors = read("errors/cases.json");
    vectors["cases"]
        .as_array()
        .expect("`cases` is a list")
        .iter()
        .map(|case| {
            let expect = &case["expect"];
            ErrorCase {
                name: case["name"].as_str().expect("a case has a name").to_owned(),
                input: make_input(&case["input"]),
                error: expect["error"].as_str().expect("an error code").to_owned(),
                issues: expect["issues"]
                    .as_array()
                    .expect("a list of issues")
                    .iter()
                    .map(|pair| (text(&pair[0]), text(&pair[1])))
                    .collect(),
                expect: expect.clone(),
            }
        })
        .collect()
}

fn text(value: &Value) -> String {
    value.as_str().expect("a string").to_owned()
}

/// The input a case describes: raw text, or the Wulong plan patched (RFC 6902 `add`,
/// `remove`, `replace`), with one text replaced, or with its fields as an array.
fn make_input(input: &Value) -> String {
    let wulong = || -> Value { serde_json::from_str(srdi_plan::WULONG_JSON).expect("JSON") };
    if let Some(text) = input["text"].as_str() {
        return text.to_owned();
    }
    if let Some([old, new]) = input["replace"].as_array().map(Vec::as_slice) {
        let (old, new) = (text(old), text(new));
        assert!(
            srdi_plan::WULONG_JSON.contains(&old),
            "{old} is not in the plan"
        );
        return srdi_plan::WULONG_JSON.replacen(&old, &new, 1);
    }
    if input["fields_as_array"] == true {
        let fields: Vec<Value> = wulong()
            .as_object()
            .expect("an object")
            .values()
            .cloned()
            .collect();
        return Value::Array(fields).to_string();
    }
    let mut plan = wulong();
    for operation in input["patch"].as_array().expect("an input") {
        patch(&mut plan, operation);
    }
    plan.to_string()
}

/// Applies one RFC 6902 operation (`add`, `remove` or `replace`).
fn patch(document: &mut Value, operation: &Value) {
    let path = text(&operation["path"]);
    let (parent, last) = path.rsplit_once('/').expect("a path below the root");
    let target = document
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    let value = operation["value"].clone();
    match (text(&operation["op"]).as_str(), target) {
        ("remove", Value::Array(items)) => {
            items.remove(last.parse().expect("an index"));
        }
        ("remove", Value::Object(map)) => {
            map.shift_remove(last);
        }
        ("add" | "replace", Value::Array(items)) => {
            items[last.parse::<usize>().expect("an index")] = value;
        }
        ("add" | "replace", Value::Object(map)) => {
            map.insert(last.to_owned(), value);
        }
        (op, _) => panic!("cannot {op} at {path}"),
    }
}

/// The README's Rust examples, compiled and run as doctests so that the README cannot drift
/// from the code.
#[doc = include_str!("../../README.md")]
pub mod readme {}
