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
    /// The id of the shipped plan asked (`wulong-2022-48` unless the case says otherwise), or
    /// a plan file's path from the repository's root (`tests/plans/rewards.json`).
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
    cases_of("queries.json", "plan", "wulong-2022-48")
}

/// The questions of several plans (`corpus.json`); a case's `plan` is the folder of the
/// repository read beside the shipped plans, empty for the shipped plans alone.
pub fn corpus_cases() -> Vec<Case> {
    cases_of("corpus.json", "plans", "")
}

/// The cases of a file of vectors, each asking the plan (or folder) under `key`, `default`
/// when it names none.
fn cases_of(file: &str, key: &str, default: &str) -> Vec<Case> {
    read(file)["cases"]
        .as_array()
        .expect("`cases` is a list")
        .iter()
        .map(|case| Case {
            name: case["name"].as_str().expect("a case has a name").to_owned(),
            plan: case[key].as_str().unwrap_or(default).to_owned(),
            query: case["query"].clone(),
            expect: case["expect"]
                .as_object()
                .expect("`expect` is an object")
                .clone(),
        })
        .collect()
}

/// The whole answers of `corpus-answers.json`, by case name.
pub fn corpus_answers() -> Map<String, Value> {
    match read("corpus-answers.json") {
        Value::Object(answers) => answers,
        _ => panic!("corpus-answers.json holds an object"),
    }
}

/// The folder of a corpus case as `srdi --plans` takes it (a full path), if it names one.
pub fn corpus_folder(case: &Case) -> Option<String> {
    (!case.plan.is_empty()).then(|| format!("{}/../{}", env!("CARGO_MANIFEST_DIR"), case.plan))
}

/// The answer a Rust program gets for a question of a case's plans, as JSON: the answer,
/// or `{"error": report}`.
pub fn corpus_answer(case: &Case) -> Value {
    let corpus = match corpus_folder(case) {
        Some(folder) => srdi_plan::Corpus::load_dir(&folder).unwrap_or_else(|e| panic!("{e}")),
        None => srdi_plan::Corpus::embedded(),
    };
    let query: srdi_plan::CorpusQuery = serde_json::from_value(case.query.clone())
        .unwrap_or_else(|e| panic!("{}: {e}", case.query));
    match corpus.answer(&query) {
        Ok(answer) => serde_json::to_value(answer).expect("answers serialize"),
        Err(error) => serde_json::json!({ "error": error.report() }),
    }
}

/// The whole answers of `answers.json`, by case name.
pub fn answers() -> Map<String, Value> {
    match read("answers.json") {
        Value::Object(answers) => answers,
        _ => panic!("answers.json holds an object"),
    }
}

/// The plan a case asks: a shipped one, or a file of the repository (loaded once per call,
/// and kept for the rest of the test run).
pub fn plan_of(case: &Case) -> &'static srdi_plan::Plan {
    if is_file(case) {
        let plan = srdi_plan::Plan::from_file(plan_path(case))
            .unwrap_or_else(|e| panic!("{}: {e}", case.plan));
        return Box::leak(Box::new(plan));
    }
    srdi_plan::embedded(&case.plan).unwrap_or_else(|| panic!("no shipped plan {}", case.plan))
}

/// Whether a case asks a plan file (a path) rather than a shipped plan (an id, which has no
/// `/`).
fn is_file(case: &Case) -> bool {
    case.plan.contains('/')
}

/// The plan of a case as `srdi --plan` takes it: the shipped id, or the file's full path.
pub fn plan_path(case: &Case) -> String {
    if is_file(case) {
        format!("{}/../{}", env!("CARGO_MANIFEST_DIR"), case.plan)
    } else {
        case.plan.clone()
    }
}

/// The answer a Rust program gets for a query, as JSON: the answer, or `{"error": report}`.
/// A profile (or many), scenario or observations are read by the plan first, as a program
/// reads a user's, so that a bad one gets every problem its shape and the plan find; the query then
/// holds what was read.
pub fn answer(plan: &srdi_plan::Plan, query: &Value) -> Value {
    let mut query = query.clone();
    for key in ["profile", "profiles", "scenario", "observations"] {
        let Some(input) = query.get(key).filter(|v| !v.is_null()).cloned() else {
            continue;
        };
        let read = match key {
            "profile" => plan.read_profile(input).map(serde_json::to_value),
            "profiles" => {
                let profiles = input.as_array().cloned().unwrap_or_default();
                let inputs = profiles.into_iter().map(|profile| Ok(profile.into()));
                plan.read_profiles(inputs).map(serde_json::to_value)
            }
            "scenario" => plan.read_scenario(input).map(serde_json::to_value),
            _ => plan.read_observations(input).map(serde_json::to_value),
        };
        match read {
            Ok(read) => query[key] = read.expect("inputs serialize"),
            Err(error) => return serde_json::json!({ "error": error.report() }),
        }
    }
    let query: srdi_plan::Query =
        serde_json::from_value(query.clone()).unwrap_or_else(|e| panic!("{query}: {e}"));
    match plan.answer(&query) {
        Ok(answer) => serde_json::to_value(answer).expect("answers serialize"),
        Err(error) => serde_json::json!({ "error": error.report() }),
    }
}

/// What `selector` picks out of `value`: a path of keys and indexes separated by `/`, where
/// `[]` maps the rest of the path over a list and `[key=value]` picks the first item of a
/// list whose `key` is that string; then `|count` (the length) or `|unique` (the list without
/// repeats). A missing key selects `null`.
///
/// ```
/// use serde_json::json;
/// let answer = json!([{"id": "a", "n": 1}, {"id": "a", "n": 2}]);
/// assert_eq!(srdi_plan_tests::select(&answer, "[]/n"), json!([1, 2]));
/// assert_eq!(srdi_plan_tests::select(&answer, "[]/id|unique"), json!(["a"]));
/// assert_eq!(srdi_plan_tests::select(&answer, "|count"), json!(2));
/// assert_eq!(srdi_plan_tests::select(&answer, "/0/missing"), json!(null));
/// let entitlements = json!([{"measure": "m1", "status": "applies"}, {"measure": "m2", "status": "may_apply"}]);
/// assert_eq!(srdi_plan_tests::select(&entitlements, "[measure=m2]/status"), json!("may_apply"));
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
    if let (Some((key, wanted)), Value::Array(items)) = (
        first
            .strip_prefix('[')
            .and_then(|f| f.strip_suffix(']'))
            .and_then(|f| f.split_once('=')),
        value,
    ) {
        return items
            .iter()
            .find(|item| item[key] == wanted)
            .map_or(Value::Null, |item| walk(item, rest));
    }
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
        if let Some(expected) = case.expect.get("issues") {
            let issues = error["issues"].as_array().map_or(&[][..], Vec::as_slice);
            let actual: Vec<Value> = issues
                .iter()
                .map(|issue| serde_json::json!([issue["code"], issue["path"]]))
                .collect();
            if Value::Array(actual.clone()) != *expected {
                return Err(format!(
                    "{name}: expected the issues {expected}, got {actual:?}"
                ));
            }
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

/// One bad input and what it must get.
#[derive(Debug, Clone)]
pub struct ErrorCase {
    /// Unique.
    pub name: String,
    /// The input's bytes, made as `errors/cases.json` says.
    pub input: Vec<u8>,
    /// The code of the error (`invalid_plan`, `syntax_error`, …); `None` for an input that
    /// loads, with warnings.
    pub error: Option<String>,
    /// Every error-severity issue, as `(code, path)`, in any order.
    pub issues: Vec<(String, String)>,
    /// The warnings, as `(code, path)` in any order, if the case names them.
    pub warnings: Option<Vec<(String, String)>>,
    /// The whole `expect` object, for the optional `line`, `column` and `offset`.
    pub expect: Value,
}

impl ErrorCase {
    /// The input as text, if it is UTF-8 (what a text-taking API can be given).
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.input).ok()
    }
}

/// The cases of `errors/cases.json`, their inputs made.
pub fn error_cases() -> Vec<ErrorCase> {
    let vectors = read("errors/cases.json");
    let pairs = |value: &Value| -> Vec<(String, String)> {
        let list = value.as_array().expect("a list of [code, path]");
        list.iter()
            .map(|pair| (text(&pair[0]), text(&pair[1])))
            .collect()
    };
    vectors["cases"]
        .as_array()
        .expect("`cases` is a list")
        .iter()
        .map(|case| {
            let expect = &case["expect"];
            ErrorCase {
                name: case["name"].as_str().expect("a case has a name").to_owned(),
                input: make_input(&case["input"]),
                error: expect["error"].as_str().map(str::to_owned),
                issues: expect.get("issues").map(pairs).unwrap_or_default(),
                warnings: expect.get("warnings").map(pairs),
                expect: expect.clone(),
            }
        })
        .collect()
}

fn text(value: &Value) -> String {
    value.as_str().expect("a string").to_owned()
}

/// The bytes a case describes (`tests/conformance/README.md`): a base text, then the
/// modifiers `suffix`, `encoding`, `prefix_hex` and `truncate`, in that order.
fn make_input(input: &Value) -> Vec<u8> {
    let mut bytes = base_text(input).map_or_else(|| hex(&input["hex"]), String::into_bytes);
    if let Some(suffix) = input["suffix"].as_str() {
        bytes.extend_from_slice(suffix.as_bytes());
    }
    if let Some(encoding) = input["encoding"].as_str() {
        let text = String::from_utf8(bytes).expect("text to re-encode");
        let units = text.encode_utf16().flat_map(u16::to_le_bytes);
        bytes = match encoding {
            "utf-16" => [0xFF, 0xFE].into_iter().chain(units).collect(),
            "utf-16le" => units.collect(),
            other => panic!("unknown encoding {other}"),
        };
    }
    if !input["prefix_hex"].is_null() {
        bytes.splice(0..0, hex(&input["prefix_hex"]));
    }
    if let Some(length) = input["truncate"].as_u64() {
        bytes.truncate(usize::try_from(length).expect("a length"));
    }
    bytes
}

/// The text of a case's base: `text`, `repeat` (`[text, times]`), or the Wulong plan
/// (`plan`), patched (`patch`), with one text replaced (`replace`) or with its fields as an
/// array (`fields_as_array`); `None` for raw bytes (`hex`).
fn base_text(input: &Value) -> Option<String> {
    let wulong = || -> Value { serde_json::from_str(srdi_plan::WULONG_JSON).expect("JSON") };
    if let Some(text) = input["text"].as_str() {
        return Some(text.to_owned());
    }
    if let Some([unit, times]) = input["repeat"].as_array().map(Vec::as_slice) {
        let times = usize::try_from(times.as_u64().expect("a count")).expect("a count");
        return Some(text(unit).repeat(times));
    }
    if input["plan"] == true {
        return Some(srdi_plan::WULONG_JSON.to_owned());
    }
    if let Some([old, new]) = input["replace"].as_array().map(Vec::as_slice) {
        let (old, new) = (text(old), text(new));
        assert!(
            srdi_plan::WULONG_JSON.contains(&old),
            "{old} is not in the plan"
        );
        return Some(srdi_plan::WULONG_JSON.replacen(&old, &new, 1));
    }
    if input["fields_as_array"] == true {
        let fields: Vec<Value> = wulong()
            .as_object()
            .expect("an object")
            .values()
            .cloned()
            .collect();
        return Some(Value::Array(fields).to_string());
    }
    let operations = input["patch"].as_array()?;
    let mut plan = wulong();
    for operation in operations {
        patch(&mut plan, operation);
    }
    Some(plan.to_string())
}

/// Bytes written as hex pairs, spaces allowed: `"EF BB BF"`.
fn hex(value: &Value) -> Vec<u8> {
    let digits: Vec<u8> = text(value).bytes().filter(|b| *b != b' ').collect();
    digits
        .chunks(2)
        .map(|pair| {
            let pair = std::str::from_utf8(pair).expect("hex digits");
            u8::from_str_radix(pair, 16).expect("hex digits")
        })
        .collect()
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

/// Edits a JSON value as a fuzzer's bytes direct, for property tests and fuzzing of the
/// loader beyond syntax: each edit walks down by the bytes to one value, then removes,
/// replaces, duplicates or reorders it. Any bytes are a valid list of edits.
///
/// ```
/// let mut plan = serde_json::json!({"tasks": [{"number": 1}, {"number": 2}]});
/// srdi_plan_tests::mutate(&mut plan, &[0, 0, 1, 2, 9]);
/// assert_ne!(plan, serde_json::json!({"tasks": [{"number": 1}, {"number": 2}]}));
/// ```
pub fn mutate(value: &mut Value, bytes: &[u8]) {
    let mut bytes = bytes.iter().copied();
    while let Some(depth) = bytes.next() {
        edit(value, depth % 8, &mut bytes);
    }
}

/// Values that test the rules: empty, odd, out of range, ids and names of the plan.
const ODD_STRINGS: [&str; 12] = [
    "",
    " ",
    "x",
    "task-1",
    "goal-1",
    "区财政局",
    "finance-bureau",
    "srdi-enterprises",
    "2022-02-30",
    "\u{0}",
    "💥",
    "reward",
];
const ODD_NUMBERS: [f64; 9] = [0.0, -1.0, 1.0, 0.5, 32.0, 65_535.0, 65_536.0, 1e300, -1e300];

/// One edit `depth` levels down (or at a leaf, if that comes first).
fn edit(value: &mut Value, depth: u8, bytes: &mut impl Iterator<Item = u8>) {
    let choice = usize::from(bytes.next().unwrap_or(0));
    let len = match value {
        Value::Array(items) => items.len(),
        Value::Object(map) => map.len(),
        _ => 0,
    };
    if depth > 0 && len > 0 {
        let child = match value {
            Value::Array(items) => items.get_mut(choice % len),
            Value::Object(map) => map.values_mut().nth(choice % len),
            _ => None,
        };
        if let Some(child) = child {
            return edit(child, depth - 1, bytes);
        }
    }
    let pick = usize::from(bytes.next().unwrap_or(0));
    match (choice % 6, value) {
        (0, Value::Array(items)) if !items.is_empty() => {
            items.remove(pick % items.len());
        }
        (0, Value::Object(map)) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(pick % map.len())
                .cloned()
                .unwrap_or_default();
            map.shift_remove(&key);
        }
        (1, Value::Array(items)) if !items.is_empty() => {
            let copy = items[pick % items.len()].clone();
            items.push(copy);
        }
        (2, Value::Array(items)) if items.len() > 1 => {
            let len = items.len();
            items.swap(pick % len, len - 1);
        }
        (3, value) => *value = Value::from(ODD_STRINGS[pick % ODD_STRINGS.len()]),
        (4, value) => *value = Value::from(ODD_NUMBERS[pick % ODD_NUMBERS.len()]),
        (_, value) => {
            *value = match pick % 4 {
                0 => Value::Null,
                1 => Value::Bool(pick % 8 > 3),
                2 => Value::Array(Vec::new()),
                _ => Value::Object(Map::new()),
            }
        }
    }
}

/// The properties every loaded input must have, whatever its bytes (the property test and
/// both fuzz targets check them): an accepted plan's warnings are what validation reports
/// and it round-trips through `to_json` unchanged; a rejected one has an error among its
/// issues, and they are what validation reports.
///
/// ```
/// let json = srdi_plan::WULONG_JSON;
/// srdi_plan_tests::assert_loads_as_validated(srdi_plan::Plan::from_json(json), &srdi_plan::validate_json(json));
/// ```
pub fn assert_loads_as_validated(
    loaded: Result<srdi_plan::Plan, srdi_plan::PlanError>,
    issues: &[srdi_plan::Issue],
) {
    match loaded {
        Ok(plan) => {
            assert_eq!(plan.warnings(), issues);
            let written = plan.to_json();
            let again = srdi_plan::Plan::from_json(&written).expect("a written plan loads");
            assert_eq!(again.data(), plan.data());
            assert_eq!(again.to_json(), written);
        }
        Err(error) => {
            assert_eq!(error.issues(), issues);
            assert!(error.issues().iter().any(srdi_plan::Issue::is_error));
        }
    }
}
