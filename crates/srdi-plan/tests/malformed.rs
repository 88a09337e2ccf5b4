//! Malformed input: every case gets a clear error, none panics.

use srdi_plan::{Code, Issue, MAX_DEPTH, MAX_INPUT_BYTES, Plan, PlanError, validate_json};

/// Loads `json`, expecting a failure whose first issue has `code`.
#[track_caller]
fn rejected_with(json: &str, code: Code) -> PlanError {
    let error = Plan::from_json(json).expect_err("malformed input must not load");
    assert_eq!(error.issues()[0].code, code, "{error}");
    assert!(!error.issues()[0].message.is_empty());
    assert_eq!(validate_json(json), error.issues());
    error
}

#[test]
fn empty_input() {
    let error = rejected_with("", Code::SyntaxError);
    assert!(error.to_string().contains("the input is empty"), "{error}");
    assert_eq!(
        (error.issues()[0].line, error.issues()[0].column),
        (Some(1), Some(1))
    );
    rejected_with("   \n", Code::SyntaxError);
}

#[test]
fn truncated_input_at_many_points_is_a_syntax_error() {
    let json = srdi_plan::WULONG_JSON;
    let cuts = json.char_indices().map(|(at, _)| at).step_by(397);
    for cut in cuts.skip(1) {
        let error = rejected_with(&json[..cut], Code::SyntaxError);
        assert!(error.issues()[0].line.is_some(), "{error}");
    }
}

#[test]
fn trailing_garbage_is_a_syntax_error() {
    let json = format!("{} x", srdi_plan::WULONG_JSON);
    let error = rejected_with(&json, Code::SyntaxError);
    assert!(error.to_string().contains("more follows"), "{error}");
}

#[test]
fn wrong_types() {
    for json in ["null", "[]", "42", "\"plan\"", "true"] {
        let error = rejected_with(json, Code::WrongType);
        assert_eq!(error.issues()[0].path, "", "{error}");
        assert_eq!(error.issues().len(), 1, "{error}");
    }
    let error = rejected_with(r#"{"id": 48}"#, Code::WrongType);
    assert_eq!(error.issues()[0].path, "/id", "{error}");
}

#[test]
fn missing_fields_name_the_field() {
    let error = rejected_with("{}", Code::MissingField);
    assert!(error.to_string().contains("`id`"), "{error}");
    // Every missing field at once, not one per run: only the id and the document are required.
    let paths: Vec<&str> = error.issues().iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["/id", "/document"]);
    let error = rejected_with(r#"{"id": "p", "document": {}}"#, Code::MissingField);
    assert_eq!(error.issues()[0].path, "/document/title");
}

#[test]
fn unknown_field_before_a_shape_error_is_reported_too() {
    let error = Plan::from_json(r#"{"colour": "red", "id": 48}"#).unwrap_err();
    let codes: Vec<Code> = error.issues().iter().map(|issue| issue.code).collect();
    assert_eq!(codes[..2], [Code::UnknownField, Code::WrongType]);
    assert_eq!(error.issues()[0].path, "/colour");
}

#[test]
fn deeply_nested_input_is_too_deep() {
    let depth = MAX_DEPTH + 1;
    let json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let error = rejected_with(&json, Code::TooDeep);
    assert_eq!(error.issues()[0].column, Some(depth));

    // Far deeper than any stack would survive if parsed recursively.
    rejected_with(&"{\"a\":".repeat(1_000_000), Code::TooDeep);
}

/// Conditions nest without bound in the format: a plan valid in every other way but nested
/// too deep is refused as too deep, as a plan with another problem beside it is.
#[test]
fn conditions_nested_too_deep_are_too_deep() {
    let condition = r#""conditions": {
            "fact": "rd-deduction-filing-threshold"
          }"#;
    assert!(srdi_plan::WULONG_JSON.contains(condition));
    // The condition stands at depth 6 (plan, tasks, task, measures, measure, conditions);
    // each `all` adds an object and an array.
    let nested = |levels: usize| {
        let inner = r#"{"fact": "rd-deduction-filing-threshold"}"#;
        let deep = (0..levels).fold(inner.to_owned(), |inner, _| {
            format!(r#"{{"all": [{inner}]}}"#)
        });
        srdi_plan::WULONG_JSON.replacen(condition, &format!(r#""conditions": {deep}"#), 1)
    };
    let deepest = (MAX_DEPTH - 6) / 2;
    assert!(Plan::from_json(&nested(deepest)).is_ok());
    // One level past the limit: a `not` adds an object alone.
    let fact = r#"{"fact": "rd-deduction-filing-threshold"}"#;
    let one_past = nested(deepest).replacen(fact, &format!(r#"{{"not": {fact}}}"#), 1);
    assert!(serde_json::from_str::<serde_json::Value>(&one_past).is_ok());
    for too_deep in [one_past, nested(deepest + 1)] {
        rejected_with(&too_deep, Code::TooDeep);
        assert_eq!(
            validate_json(&too_deep),
            srdi_plan::validate_json_in_phases(&too_deep)
        );
    }
}

/// A variant without data written as an object (`{"reach": null}`), which JSON libraries
/// read, is not the format: refused as the phases refuse it, where it stands.
#[test]
fn a_variant_without_data_is_written_as_a_string() {
    let kind = r#""kind": "reach""#;
    assert!(srdi_plan::WULONG_JSON.contains(kind));
    let json = srdi_plan::WULONG_JSON.replacen(kind, r#""kind": {"reach": null}"#, 1);
    let error = rejected_with(&json, Code::WrongType);
    assert_eq!(error.issues()[0].path, "/goals/0/kind");
    assert_eq!(
        validate_json(&json),
        srdi_plan::validate_json_in_phases(&json)
    );
}

#[test]
fn brackets_inside_strings_do_not_count_as_nesting() {
    let json = format!(r#"{{"id": "{}"}}"#, "[".repeat(MAX_DEPTH * 2));
    rejected_with(&json, Code::MissingField);
}

#[test]
fn very_large_input_is_too_large() {
    let json = format!(r#"{{"id": "{}"}}"#, "x".repeat(MAX_INPUT_BYTES));
    let error = rejected_with(&json, Code::TooLarge);
    assert!(error.to_string().contains("bytes"), "{error}");
}

#[test]
fn non_json_text_is_a_syntax_error() {
    rejected_with("<plan/>", Code::SyntaxError);
    rejected_with("id: wulong", Code::SyntaxError);
}

#[test]
fn a_byte_order_mark_is_ignored_with_a_warning() {
    let error = Plan::from_json("\u{feff}{}").unwrap_err();
    let codes: Vec<Code> = error.issues().iter().map(|issue| issue.code).collect();
    assert_eq!(
        codes,
        [Code::ByteOrderMark, Code::MissingField, Code::MissingField]
    );
    let plan = Plan::from_json(&format!("\u{feff}{}", srdi_plan::WULONG_JSON)).unwrap();
    assert_eq!(plan.warnings()[0].code, Code::ByteOrderMark);
}

#[test]
fn corrupted_bytes_are_answered_with_coded_issues() {
    // A fixed linear congruential generator: the same corruptions on every run.
    let mut seed: u64 = 0x5eed_0048;
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        usize::try_from(seed >> 33).unwrap()
    };
    let original = srdi_plan::WULONG_JSON.as_bytes();
    let replacements = b"{}[]\":,0-9e.tfnx \\";
    for _ in 0..300 {
        let mut bytes = original.to_vec();
        for _ in 0..3 {
            let at = next() % bytes.len();
            bytes[at] = replacements[next() % replacements.len()];
        }
        let text = String::from_utf8_lossy(&bytes);
        match Plan::from_json(&text) {
            // A corruption inside a text can leave a valid plan: then it round-trips.
            Ok(plan) => assert_eq!(Plan::from_json(&plan.to_json()).unwrap(), plan),
            Err(error) => {
                assert!(error.issues().iter().any(Issue::is_error));
                assert!(error.issues().iter().all(|issue| !issue.message.is_empty()));
                assert_eq!(validate_json(&text), error.issues());
            }
        }
    }
}

#[test]
fn round_trip_gives_an_equal_plan() {
    let plan = srdi_plan::wulong();
    let json = plan.to_json();
    let again = Plan::from_json(&json).unwrap();
    assert_eq!(again.data(), plan.data());
    assert_eq!(again.to_json(), json);
}

#[test]
fn a_value_built_in_memory_meets_the_depth_a_text_meets() {
    let nested = |depth: usize| {
        let mut value = serde_json::json!(true);
        for _ in 0..depth {
            value = serde_json::json!({ "facts": value });
        }
        value
    };
    let codes = |depth| match srdi_plan::Profile::from_value(nested(depth)) {
        Ok(_) => Vec::new(),
        Err(error) => error.issues().iter().map(|i| i.code).collect(),
    };
    assert_eq!(codes(MAX_DEPTH + 1), [Code::TooDeep]);
    // As deep as a text may be: its shape is what is wrong.
    assert_eq!(codes(MAX_DEPTH), [Code::WrongType]);
    let text = nested(MAX_DEPTH + 1).to_string();
    let from_text = srdi_plan::Profile::from_json(&text).unwrap_err();
    assert_eq!(from_text.issues()[0].code, Code::TooDeep);
}

#[test]
fn a_value_built_in_memory_meets_the_size_a_text_meets() {
    // A profile of many tiers, written as JSON just at or just over the limit.
    let profile = |text_len: usize| {
        let tier = serde_json::Value::from("x".repeat(998));
        let mut tiers = vec![tier; text_len / 1001];
        let written = serde_json::json!({ "tiers": tiers }).to_string().len();
        // One more tier: a comma and two quotes, and the rest.
        tiers.push(serde_json::Value::from("y".repeat(text_len - written - 3)));
        serde_json::json!({ "tiers": tiers })
    };
    for len in [MAX_INPUT_BYTES, MAX_INPUT_BYTES + 1] {
        let value = profile(len);
        let text = value.to_string();
        assert_eq!(text.len(), len);
        let code = |read: Result<_, srdi_plan::QueryError>| read.err().map(|e| e.issues()[0].code);
        let from_text = code(srdi_plan::Profile::from_json(&text));
        let from_value = code(srdi_plan::Profile::from_value(value));
        let expected = (len > MAX_INPUT_BYTES).then_some(Code::TooLarge);
        assert_eq!((from_text, from_value), (expected, expected), "{len} bytes");
    }
}

#[test]
fn a_whole_number_is_whole_however_it_is_written() {
    // JSON's numbers have one kind: `4.0`, `4e0` and `-0` are whole, as JavaScript and
    // Python hand them over; a fraction is not, and a whole number past the field's range
    // is out of range.
    let read = |count: &str| {
        let json = format!(
            r#"{{"recognitions": [{{"tier": "srdi-sme", "year": 2023.0, "count": {count}}}]}}"#
        );
        srdi_plan::Scenario::from_json(&json).map_err(|e| e.issues()[0].code)
    };
    for (count, whole) in [("4", 4), ("4.0", 4), ("4e0", 4), ("-0", 0), ("-0.0", 0)] {
        let scenario = read(count).unwrap();
        assert_eq!(
            (
                scenario.recognitions[0].count,
                scenario.recognitions[0].year
            ),
            (whole, 2023)
        );
    }
    assert_eq!(read("2.5").unwrap_err(), Code::WrongType);
    assert_eq!(read("1e30").unwrap_err(), Code::OutOfRange);
    assert_eq!(read("-1").unwrap_err(), Code::OutOfRange);
    // And in a plan file: a task numbered `28.0` is task 28.
    let plan = srdi_plan::WULONG_JSON.replacen("\"number\": 28,", "\"number\": 28.0,", 1);
    assert_ne!(plan, srdi_plan::WULONG_JSON);
    assert_eq!(
        Plan::from_json(&plan)
            .unwrap()
            .task(28)
            .unwrap()
            .task
            .number,
        28
    );
}
