//! The `srdi` command as a user runs it: spawned as a process, checked by its output and
//! exit code.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn srdi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_srdi"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Runs `srdi --json ARGS`, expecting success, and parses the output.
fn json(args: &[&str]) -> Value {
    let output = srdi(&[&["--json"], args].concat());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        stderr(&output)
    );
    serde_json::from_str(&stdout(&output)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn numbers(value: &Value) -> Vec<u64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["number"].as_u64().unwrap())
        .collect()
}

/// A plan file in a fresh temporary folder.
fn plan_file(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("srdi-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn tasks_of_the_finance_bureau() {
    let tasks = json(&["tasks", "--unit", "区财政局"]);
    let expected: Vec<u64> = (11..=19).chain(28..=32).collect();
    assert_eq!(numbers(&tasks), expected);
    assert_eq!(
        tasks[0]["citation"]["zh"],
        "武隆府办发〔2022〕48号 二（三）11"
    );
    assert_eq!(tasks[0]["id"], "task-11");
}

#[test]
fn tasks_with_every_filter() {
    let tasks = json(&[
        "tasks",
        "--unit",
        "finance-bureau",
        "--section",
        "5",
        "--instrument",
        "reward",
        "--tier",
        "little-giant",
        "--text",
        "奖励",
    ]);
    assert_eq!(numbers(&tasks), [28, 31]);
}

#[test]
fn an_empty_answer_succeeds() {
    assert_eq!(json(&["tasks", "--unit", "区统计局"]), Value::Array(vec![]));
    let output = srdi(&["tasks", "--text", "区块链"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "no tasks\n");
}

#[test]
fn an_unknown_unit_exits_1_with_a_suggestion() {
    let output = srdi(&["tasks", "--unit", "区财政"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(
        message.starts_with("error: no unit is called `区财政`"),
        "{message}"
    );
    assert!(message.contains("did you mean 区财政局?"), "{message}");
}

#[test]
fn unknown_names_of_every_kind_exit_1() {
    for args in [
        &["tasks", "--tier", "小巨人"][..],
        &["tasks", "--instrument", "loans"],
        &["tasks", "--section", "9"],
        &["task", "99"],
        &["task", "task-99"],
        &["unit", "nobody"],
        &["goal", "goal-9"],
        &["goal", "-1"],
        &["mechanism", "7"],
        &["entity", "nothing"],
        &["measures", "--tier", "中小微企业"],
        &["search", "  "],
    ] {
        let output = srdi(args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).starts_with("error: "),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["tasks", "--colour", "red"][..],
        &["task", "二十"],
        &["frobnicate"],
        &[],
    ] {
        let output = srdi(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}

/// With `--json`, a value the command line cannot take is `invalid_argument`, as in Python
/// and JavaScript; a negative number is a name no item has.
#[test]
fn bad_values_with_json_are_coded_errors() {
    for args in [
        &["--json", "task", "1.5"][..],
        &["--json", "task", "100000000000000000000"],
        &["--json", "status", "--as-of", "2025-02-30"],
        &["--json", "--lang", "xx", "summary"],
    ] {
        let output = srdi(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let answer: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        assert_eq!(answer["error"]["code"], "invalid_argument", "{args:?}");
    }
    let output = srdi(&["--json", "task", "-1"]);
    let answer: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(answer["error"]["code"], "unknown_name");
}

#[test]
fn search_finds_task_25() {
    let hits = json(&["search", "首台"]);
    assert_eq!(hits[0]["id"], "task-25");
    assert_eq!(
        hits[0]["citation"]["zh"],
        "武隆府办发〔2022〕48号 二（四）25"
    );
    let output = srdi(&["search", "首台"]);
    assert!(stdout(&output).contains("task-25"));
}

#[test]
fn the_statistics_bureau_answers_for_mechanism_3_only() {
    let output = srdi(&["unit", "区统计局"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("tasks: —"), "{text}");
    assert!(text.contains("mechanism 3: 开展监测评价"), "{text}");
    let duties = json(&["unit", "区统计局"]);
    assert_eq!(duties["tasks"], Value::Array(vec![]));
    assert_eq!(duties["mechanisms"][0], 3);
}

#[test]
fn one_task_says_who_answers_for_it() {
    let task = json(&["task", "23"]);
    assert_eq!(task["number"], 23);
    assert_eq!(task["responsible_units"][2], "hr-social-security-bureau");
    let text = stdout(&srdi(&["task", "23", "--lang", "both"]));
    assert!(
        text.contains("区人力社保局") && text.contains("service liaison mechanism"),
        "{text}"
    );
}

#[test]
fn every_listing_subcommand_answers_in_json() {
    assert_eq!(json(&["summary"])["counts"]["tasks"], 32);
    assert_eq!(json(&["units"]).as_array().unwrap().len(), 28);
    assert_eq!(json(&["goals"]).as_array().unwrap().len(), 4);
    assert_eq!(json(&["goal", "2"])["value"], 15);
    assert_eq!(json(&["targets"]).as_array().unwrap().len(), 9);
    let rewards = json(&["measures", "--tier", "srdi-sme", "--instrument", "reward"]);
    let ids: Vec<&str> = rewards
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["task-19-m2", "task-28-m2", "task-31-m1"]);
    assert_eq!(json(&["mechanisms"]).as_array().unwrap().len(), 4);
    assert_eq!(
        json(&["mechanism", "2"])["leading_units"][0],
        "economy-info-commission"
    );
    assert_eq!(json(&["entities"]).as_array().unwrap().len(), 45);
    assert_eq!(json(&["entity", "yuqi-jinfu"])["tasks"][0], "task-12");
    assert_eq!(json(&["documents"])[0]["number"], "渝府办发〔2022〕23号");
    assert_eq!(json(&["matrix"])["rows"].as_array().unwrap().len(), 16);
    assert_eq!(json(&["schema"])["title"], "PlanData");
}

#[test]
fn every_subcommand_prints_its_answer_for_people() {
    // Each command, and what its table must show in Chinese, in English and in both.
    let cases: [(&[&str], &str, &str); 14] = [
        (&["summary"], "二（三）", "II (3)"),
        (&["tasks", "--unit", "区统计局"], "no tasks", "no tasks"),
        (&["tasks", "--section", "5"], "28", "II (5) 28"),
        (
            &["task", "28"],
            "武隆府办发〔2022〕48号 二（五）28",
            "II (5) 28",
        ),
        (&["units"], "区财政局", "District Finance Bureau"),
        (
            &["unit", "区财政局"],
            "tasks: 11–19, 28–32",
            "tasks: 11–19, 28–32",
        ),
        (&["goals"], "200家", "innovative SMEs"),
        (&["targets"], "task-19-t1", "task-19-t1"),
        (
            &["measures", "--instrument", "guarantee"],
            "担保",
            "guarantee",
        ),
        (&["mechanisms"], "三（二）", "III (2)"),
        (&["entities"], "渝企金服", "45 entities"),
        (&["search", "APEC"], "task-26", "task-26"),
        (&["matrix"], "●", "●"),
        (&["instruments"], "PI029", "Debt guarantees"),
    ];
    for (args, zh, en) in cases {
        for (lang, expected) in [("zh", zh), ("en", en), ("both", zh)] {
            let output = srdi(&[args, &["--lang", lang]].concat());
            assert_eq!(output.status.code(), Some(0), "{args:?} {lang}");
            let text = stdout(&output);
            assert!(
                text.contains(expected),
                "{args:?} --lang {lang} lacks {expected}:\n{text}"
            );
        }
    }
    let english = stdout(&srdi(&["goals", "--lang", "en"]));
    assert!(
        english.contains("innovative SMEs") && !english.contains("创新型中小企业"),
        "{english}"
    );
    assert!(stdout(&srdi(&["entity", "yuqi-jinfu"])).contains("1 entity\n"));
}

#[test]
fn detail_views_show_structure_and_readings() {
    let mechanism = stdout(&srdi(&["mechanism", "2", "--lang", "en"]));
    for expected in [
        "lead         District Commission of Economy and Information Technology: regularly sort",
        "instruments  accountability, coordination",
        "annual       make the cultivation",
        "reading      区经济信息委牵头 governs only the last sentence",
    ] {
        assert!(mechanism.contains(expected), "{expected}:\n{mechanism}");
    }
    let task = stdout(&srdi(&["task", "7"]));
    assert!(
        task.contains("sectors      清洁能源、绿色建材、新能源汽车、旅游装备及消费品、…"),
        "{task}"
    );
    let unit = stdout(&srdi(&["unit", "区税务局", "--lang", "en"]));
    assert!(
        unit.starts_with("District Tax Service (tax-bureau)\nkind: central_agency_branch\n"),
        "{unit}"
    );
}

#[test]
fn matrix_and_export_as_csv() {
    let matrix = stdout(&srdi(&["matrix", "--csv"]));
    let mut lines = matrix.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("unit,name_zh,name_en,task-1,task-2,task-3")
    );
    let finance = matrix
        .lines()
        .find(|line| line.starts_with("finance-bureau,"))
        .unwrap();
    assert_eq!(finance.matches(",1").count(), 14);

    let tasks = stdout(&srdi(&["export", "--format", "csv", "--kind", "tasks"]));
    assert_eq!(
        tasks.lines().next().unwrap().split(',').next(),
        Some("number")
    );
    let measures = stdout(&srdi(&["export", "--format", "csv", "--kind", "measures"]));
    let reward = measures
        .lines()
        .find(|line| line.starts_with("task-28-m1,"))
        .unwrap();
    // Numbers and booleans unquoted, missing values empty.
    assert!(
        reward.contains(",new_recognition,1000000,CNY,true,,"),
        "{reward}"
    );
    // CSV without saying which items is a usage error.
    assert_eq!(srdi(&["export", "--format", "csv"]).status.code(), Some(2));
}

#[test]
fn export_records_as_json_lines_json_and_csv_for_excel() {
    let lines = stdout(&srdi(&[
        "export", "--format", "jsonl", "--kind", "measures",
    ]));
    let records: Vec<Value> = lines
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let plan = srdi_plan::wulong();
    assert_eq!(records.len(), plan.measure_refs().count());
    assert!(records.iter().all(|r| r["plan"] == plan.id()));
    let total: i64 = records.iter().filter_map(|r| r["amount"].as_i64()).sum();
    let expected: u64 = plan
        .measure_refs()
        .filter_map(|at| plan.get(at)?.amount.as_ref().map(|a| a.value))
        .sum();
    assert_eq!(total, i64::try_from(expected).unwrap());
    assert!(records.iter().all(|r| r["one_time"].is_boolean()));

    // JSON: the same records as a list; never the whole plan.
    let json: Vec<Value> =
        serde_json::from_str(&stdout(&srdi(&["export", "--kind", "measures"]))).unwrap();
    assert_eq!(json, records);

    let excel = srdi(&["export", "--kind", "measures", "--excel"]).stdout;
    assert!(excel.starts_with("\u{feff}id,task,".as_bytes()));
    let with_format = srdi(&["export", "--kind", "measures", "--format", "csv", "--excel"]);
    assert_eq!(with_format.stdout, excel, "--excel is CSV, named or not");
    let output = srdi(&["export", "--excel"]);
    assert_eq!(output.status.code(), Some(2), "--excel needs a kind");
    let output = srdi(&[
        "--json", "export", "--kind", "measures", "--format", "jsonl", "--excel",
    ]);
    assert_eq!(output.status.code(), Some(2), "--excel is not JSON Lines");
    let error: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(error["error"]["code"], "invalid_argument");
    let output = srdi(&["--json", "export", "--kind", "measures", "--excel"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "--excel is not the answer as JSON"
    );
}

#[test]
fn export_entitlements_takes_a_profile_file_per_enterprise_and_names_the_bad_ones() {
    let good = input_file(&serde_json::json!({"id": "a", "tiers": ["srdi-sme"]}));
    let bad = input_file(&serde_json::json!({"tiers": ["srdi"]}));
    let csv = stdout(&srdi(&[
        "export",
        "--kind",
        "entitlements",
        "--format",
        "csv",
        "--profiles",
        &good,
        &good,
    ]));
    assert!(csv.starts_with("profile,id,measure,status,"), "{csv}");
    assert_eq!(
        csv.lines().count(),
        1 + 2 * 32,
        "a row per enterprise and measure"
    );
    let batch = [
        "export",
        "--kind",
        "entitlements",
        "--profiles",
        &good,
        &bad,
    ];
    let output = srdi(&batch);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!("{bad}: error[unknown_group] /tiers/0")),
        "{}",
        stderr(&output)
    );
    let output = srdi(&[&["--json"][..], &batch].concat());
    let error: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(error["error"]["issues"][0]["path"], "/1/tiers/0");
    // Each input only for the kind whose rows it gives.
    let output = srdi(&["export", "--kind", "tasks", "--profiles", &good]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        srdi(&["export", "--kind", "entitlements"]).status.code(),
        Some(2)
    );
}

#[test]
fn export_json_round_trips() {
    let exported = stdout(&srdi(&["export"]));
    assert!(
        !exported.contains("$schema"),
        "the source file's relative schema path means nothing elsewhere"
    );
    let path = plan_file("exported.json", &exported);
    let output = srdi(&["validate", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "valid: no problems found\n");
}

#[test]
fn a_user_plan_answers_instead_of_the_embedded_one() {
    let mut plan: Value = serde_json::from_str(srdi_plan::WULONG_JSON).unwrap();
    plan["sections"][2]["title"]["en"] = Value::from("Money, money, money");
    let path = plan_file("custom.json", plan.to_string());
    let output = srdi(&["--plan", path.to_str().unwrap(), "summary", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("Money, money, money"));
}

#[test]
fn every_bad_input_vector_gets_its_code_and_issues_at_the_shell() {
    let pairs = |issues: &Value, severity: &str| -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = issues
            .as_array()
            .unwrap()
            .iter()
            .filter(|issue| issue["severity"] == severity)
            .map(|issue| {
                let text = |key: &str| issue[key].as_str().unwrap().to_owned();
                (text("code"), text("path"))
            })
            .collect();
        pairs.sort();
        pairs
    };
    for (i, case) in srdi_plan_tests::error_cases().into_iter().enumerate() {
        let path = plan_file(&format!("bad-{i}.json"), &case.input);
        let path = path.to_str().unwrap();
        let output = srdi(&["--json", "validate", path]);
        let exit = i32::from(case.error.is_some());
        assert_eq!(output.status.code(), Some(exit), "{}", case.name);
        let issues: Value = serde_json::from_str(&stdout(&output)).unwrap();
        let mut expected = case.issues.clone();
        expected.sort();
        assert_eq!(pairs(&issues, "error"), expected, "{}", case.name);
        if let Some(mut warnings) = case.warnings.clone() {
            warnings.sort();
            assert_eq!(pairs(&issues, "warning"), warnings, "{}", case.name);
        }
        let Some(code) = &case.error else { continue };

        // Asking such a plan a question: the error object, with the same code.
        let output = srdi(&["--json", "--plan", path, "summary"]);
        assert_eq!(output.status.code(), Some(1), "{}", case.name);
        let error: Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(error["error"]["code"], code.as_str(), "{}", case.name);
        // And for people, on stderr, every issue.
        let output = srdi(&["--plan", path, "summary"]);
        let message = stderr(&output);
        assert!(
            message.starts_with(&format!("error: {path} is not a valid plan")),
            "{message}"
        );
        for (code, _) in &case.issues {
            assert!(
                message.contains(code.as_str()),
                "{code} missing from {message}"
            );
        }
    }
}

#[test]
fn validate_json_lists_the_issues() {
    let path = plan_file("truncated.json", "{\"id\": ");
    let output = srdi(&["validate", "--json", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let issues: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(issues[0]["code"], "syntax_error");
    assert_eq!(issues[0]["line"], 1);
}

#[test]
fn unreadable_files_exit_1() {
    let output = srdi(&["--plan", "/no/such/plan.json", "summary"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("error: cannot read /no/such/plan.json"));
    // With --json, even a file that cannot be read gets a JSON answer with a code.
    let output = srdi(&["--json", "validate", "/no/such/plan.json"]);
    assert_eq!(output.status.code(), Some(1));
    let answer: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(answer["error"]["code"], "unreadable");
    // A file that is not UTF-8 is read, and its encoding reported as an issue.
    let binary = plan_file("binary.json", "");
    std::fs::write(&binary, [0xff, 0xfe, b'{', 0x00]).unwrap();
    let output = srdi(&["validate", binary.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).starts_with("error[invalid_encoding]: the input looks like UTF-16"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_unknown_plan_id_gets_the_closest_ids() {
    let output = srdi(&["--json", "--plan", "wulong-2022-4", "summary"]);
    assert_eq!(output.status.code(), Some(1));
    let error: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(error["error"]["code"], "unknown_name");
    assert_eq!(error["error"]["kind"], "plan");
    assert_eq!(
        error["error"]["suggestions"],
        serde_json::json!(["wulong-2022-48"])
    );
    let output = srdi(&["--plan", "nope", "summary"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: no plan is called `nope` (`srdi plans` lists them)\n"
    );
    // A name with a folder or a dot is a file that is not there.
    for path in ["nope.json", "nope/", "plans/nope"] {
        let output = srdi(&["--json", "--plan", path, "summary"]);
        let error: Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(error["error"]["code"], "unreadable", "{path}");
    }
    // With --plans, the hint names the folder.
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../policy-data");
    let output = srdi(&["--plans", folder, "--plan", "nope", "summary"]);
    assert!(
        stderr(&output).ends_with(&format!("(`srdi --plans {folder} plans` lists them)\n")),
        "{}",
        stderr(&output)
    );
}

/// The command line that asks a query of the vectors.
fn argv(query: &Value) -> Vec<String> {
    let op = query["op"].as_str().unwrap();
    let text = |value: &Value| match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let flags = |keys: &[&str]| -> Vec<String> {
        keys.iter()
            .filter(|key| !query[**key].is_null())
            .flat_map(|key| [format!("--{key}"), text(&query[*key])])
            .collect()
    };
    let mut args = vec![op.to_owned()];
    match op {
        "tasks" => args.extend(flags(&["unit", "section", "instrument", "tier", "text"])),
        "measures" => args.extend(flags(&["tier", "instrument"])),
        "task" => {
            // By id or by number; neither leaves the argument out, as a user would.
            let task = ["id", "number"]
                .into_iter()
                .find(|key| !query[*key].is_null());
            args.extend(task.map(|key| text(&query[key])));
            args.extend(flags(&["section"]));
        }
        "mechanism" => args.push(text(&query["number"])),
        "unit" | "entity" => args.push(text(&query["name"])),
        "goal" => args.push(text(&query["id"])),
        "search" => {
            args.push(text(&query["text"]));
            if let Some(language) = query["language"].as_str() {
                args.extend(["--lang".to_owned(), language.to_owned()]);
            }
        }
        "table" => args = vec!["export".into(), "--kind".into(), text(&query["kind"])],
        "entitlement_table" => {
            args = vec!["export".into(), "--kind".into(), "entitlements".into()];
            args.push("--profiles".into());
            args.extend(query["profiles"].as_array().unwrap().iter().map(input_file));
        }
        "progress_table" => {
            args = vec!["export".into(), "--kind".into(), "progress".into()];
            args.extend(["--observations".into(), input_file(&query["observations"])]);
            args.extend(["--as-of".into(), text(&query["as_of"])]);
        }
        "entitlements" => args.extend(["--profile".into(), input_file(&query["profile"])]),
        "entitlement_total" => {
            let file = input_file(&query["profile"]);
            args = vec![
                "entitlements".into(),
                "--profile".into(),
                file,
                "--total".into(),
            ];
        }
        "cost" if !query["scenario"].is_null() => {
            args.extend(["--scenario".into(), input_file(&query["scenario"])]);
        }
        "progress" => {
            args.extend(["--observations".into(), input_file(&query["observations"])]);
            args.extend(
                flags(&["as_of"])
                    .into_iter()
                    .map(|flag| flag.replace('_', "-")),
            );
        }
        "status" => args.extend(
            flags(&["as_of"])
                .into_iter()
                .map(|flag| flag.replace('_', "-")),
        ),
        _ => {}
    }
    args
}

/// A profile or scenario of a vector, written to a file for `--profile` or `--scenario`.
fn input_file(value: &Value) -> String {
    let text = value.to_string();
    let name = format!("input-{:016x}.json", fxhash(&text));
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// A stable name for a text (FNV-1a), so that equal inputs share a file.
fn fxhash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn every_conformance_vector_gives_the_whole_answer_at_the_shell() {
    let answers = srdi_plan_tests::answers();
    for case in srdi_plan_tests::cases() {
        let args = argv(&case.query);
        let plan = srdi_plan_tests::plan_path(&case);
        let args: Vec<&str> = ["--json", "--plan", plan.as_str()]
            .into_iter()
            .chain(args.iter().map(String::as_str))
            .collect();
        let output = srdi(&args);
        let expected_code = i32::from(case.expect.contains_key("error"));
        assert_eq!(
            output.status.code(),
            Some(expected_code),
            "{}: {args:?}",
            case.name
        );
        let answer: Value =
            serde_json::from_str(&stdout(&output)).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        srdi_plan_tests::check_facts(&case, &answer).unwrap();
        assert_eq!(answer, answers[&case.name], "{}: {args:?}", case.name);
    }
}

#[test]
fn json_errors_are_objects_with_the_core_code() {
    let output = srdi(&["--json", "tasks", "--unit", "区财政"]);
    assert_eq!(output.status.code(), Some(1));
    let error: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(error["error"]["code"], "unknown_name");
    assert_eq!(error["error"]["kind"], "unit");
    assert_eq!(error["error"]["value"], "区财政");
    assert_eq!(error["error"]["suggestions"][0], "区财政局");
}

#[test]
fn json_usage_errors_are_objects_too() {
    for (args, message) in [
        (&["--json", "bogus"][..], "unrecognized subcommand 'bogus'"),
        (
            &["--json", "tasks", "--bogus"],
            "unexpected argument '--bogus' found",
        ),
        (
            &["--json", "entitlements"],
            "the following required arguments were not provided: --profile <FILE>",
        ),
    ] {
        let output = srdi(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let error: Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(error["error"]["code"], "invalid_argument");
        assert_eq!(error["error"]["message"], message);
    }
    // Help is still help, and a `--json` after `--` is no option.
    let output = srdi(&["--json", "tasks", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("Usage: srdi tasks"));
    let output = srdi(&["search", "--", "--json", "extra"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).starts_with("error: unexpected argument 'extra'"));
}

#[test]
fn a_new_plan_validates() {
    let output = srdi(&["new"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("authoring guide"),
        "{}",
        stderr(&output)
    );
    let path = plan_file("new.json", stdout(&output));
    let output = srdi(&["validate", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn the_parent_plan_validates_and_summarises() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../policy-data/chongqing-2022-23/plan.json"
    );
    let output = srdi(&["validate", file]);
    assert_eq!(output.status.code(), Some(0));
    assert!(!stdout(&output).contains("error["), "{}", stdout(&output));
    let summary = stdout(&srdi(&["--plan", file, "summary"]));
    for expected in [
        "渝府办发〔2022〕23号",
        "2.5万家",
        "2500家",
        "300家",
        "25家",
        "2 of 30 tasks in 1 of 5 sections",
    ] {
        assert!(
            summary.contains(expected),
            "{expected} missing from\n{summary}"
        );
    }
    let english = stdout(&srdi(&[
        "--plan",
        "chongqing-2022-23",
        "summary",
        "--lang",
        "en",
    ]));
    assert!(
        english.contains("25,000") && english.contains("General Office of the Chongqing"),
        "{english}"
    );
}

/// A profile file in the test's temporary folder.
fn profile_file(name: &str, json: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, json).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn entitlements_for_people_with_the_total_and_explained_in_words() {
    let file = profile_file(
        "srdi-sme-2023.json",
        r#"{"tiers": ["srdi-sme"], "recognitions": [{"tier": "srdi-sme", "year": 2023}], "events": []}"#,
    );
    let table = stdout(&srdi(&["entitlements", "--profile", &file, "--lang", "en"]));
    assert!(table.contains("task-28-m2"), "{table}");
    assert!(table.contains("200,000 CNY"), "{table}");
    assert!(
        table.contains("Total that applies: 200,000 CNY (task-28-m2)"),
        "{table}"
    );

    let explained = stdout(&srdi(&["entitlements", "--profile", &file, "--explain"]));
    assert!(
        explained
            .contains("task-28-m2  applies  200,000 CNY once  武隆府办发〔2022〕48号 二（五）28"),
        "{explained}"
    );
    assert!(
        explained.contains(
            "[yes] trigger: recognised as `srdi-sme` in 2023, within 2022–2025 — “新获得认定的”"
        ),
        "{explained}"
    );
    assert!(
        explained.contains("Total that applies: 200,000 CNY (task-28-m2)"),
        "{explained}"
    );

    let total = json(&["entitlements", "--profile", &file, "--total"]);
    assert_eq!(total[0]["value"], 200_000);

    let answer = json(&["entitlements", "--profile", &file]);
    for entry in answer.as_array().unwrap() {
        for key in ["measure", "status", "amount", "citation"] {
            assert!(entry.get(key).is_some(), "{key} missing in {entry}");
        }
    }
}

#[test]
fn a_bad_profile_reports_every_problem_with_its_path() {
    let file = profile_file(
        "bad-profile.json",
        r#"{"tier": ["srdi-sme"], "recognitions": [{"tier": "srdi-sme", "year": "2023"}]}"#,
    );
    let output = srdi(&["entitlements", "--profile", &file]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("error[unknown_field] /tier: unknown field `tier`; did you mean `tiers`?"),
        "{message}"
    );
    assert!(message.contains("/recognitions/0/year"), "{message}");

    let output = srdi(&["--json", "entitlements", "--profile", &file]);
    let error: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(error["error"]["code"], "invalid_input");
    assert_eq!(error["error"]["issues"].as_array().unwrap().len(), 2);

    let file = profile_file("unknown-tier.json", r#"{"tiers": ["srdi"]}"#);
    let error: Value = serde_json::from_str(&stdout(&srdi(&[
        "--json",
        "entitlements",
        "--profile",
        &file,
    ])))
    .unwrap();
    assert_eq!(error["error"]["issues"][0]["code"], "unknown_group");
    assert_eq!(error["error"]["issues"][0]["path"], "/tiers/0");

    let output = srdi(&[
        "--json",
        "entitlements",
        "--profile",
        "/no/such/profile.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let error: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(error["error"]["code"], "unreadable");
}

#[test]
fn cost_of_the_goals_and_of_a_scenario() {
    let goals = stdout(&srdi(&["cost"]));
    assert!(goals.contains("total: 3,000,000 CNY"), "{goals}");
    assert!(
        goals.contains("assumed: goal-2: 15 srdi-sme counted as newly recognised in 2025"),
        "{goals}"
    );
    assert!(
        goals.contains("not costed: task-31-m1 (the text states no amount)"),
        "{goals}"
    );
    let file = profile_file(
        "scenario.json",
        r#"{"recognitions": [{"tier": "little-giant", "year": 2024, "count": 2}]}"#,
    );
    let cost = json(&["cost", "--scenario", &file]);
    assert_eq!(cost["total"][0]["value"], 2_000_000);
    assert_eq!(cost["by_year"][0]["year"], 2024);
}

#[test]
fn the_profile_and_scenario_schemas_are_printed() {
    assert_eq!(json(&["schema", "--profile"])["title"], "Profile");
    assert_eq!(json(&["schema", "--scenario"])["title"], "Scenario");
}

#[test]
fn progress_from_a_csv_file_and_the_status_of_the_plan() {
    // Synthetic figures, for the test only.
    let file = profile_file(
        "observations.csv",
        "target,year,value,source\ngoal-2,2023,6,synthetic\ngoal-2,2025,14,synthetic\n",
    );
    let table = stdout(&srdi(&[
        "progress",
        "--observations",
        &file,
        "--as-of",
        "2025-12-31",
    ]));
    assert!(table.contains("goal-2"), "{table}");
    assert!(table.contains("behind"), "{table}");
    let answer = json(&["progress", "--observations", &file, "--as-of", "2026-01-01"]);
    let goal = answer
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["target"] == "goal-2")
        .unwrap();
    assert_eq!(goal["status"], "missed");
    assert_eq!(goal["gap"], 1.0);

    let status = json(&["status", "--as-of", "2024-05-01"]);
    assert_eq!(status["standing"], "in_force");
    assert_eq!(status["due"], serde_json::json!([]));
    let output = srdi(&["status", "--as-of", "2024-13-01"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a date"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn progress_names_a_missing_file_and_an_unknown_target() {
    let output = srdi(&["progress", "--observations", "/no/such/figures.csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("/no/such/figures.csv"),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("shipped"), "{}", stderr(&output));

    let file = profile_file(
        "unknown-target.csv",
        "target,year,value,source\ngoal-9,2023,6,synthetic\n",
    );
    let output = srdi(&["progress", "--observations", &file]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("error[unknown_target] /0/target: the plan has no goal or target `goal-9`; did you mean `goal-1`?"), "{message}");

    let file = profile_file(
        "bad-cell.csv",
        "target,year,value,source\ngoal-2,2023,six,synthetic\n",
    );
    let output = srdi(&["--json", "progress", "--observations", &file]);
    let error: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let issue = &error["error"]["issues"][0];
    assert_eq!(
        (
            issue["code"].as_str(),
            issue["line"].as_u64(),
            issue["column"].as_u64()
        ),
        (Some("wrong_type"), Some(2), Some(3))
    );
}

/// The repository's folder of plans, as a user passes it to `--plans`.
fn policy_data() -> String {
    format!("{}/../../policy-data", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn goals_of_a_folder_of_plans_side_by_side_with_the_parent_each_localises() {
    let output = srdi(&["--plans", &policy_data(), "compare", "goals", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let goals: Vec<Value> = serde_json::from_str(&stdout(&output)).unwrap();
    let of = |plan: &str| -> Vec<&Value> { goals.iter().filter(|g| g["plan"] == plan).collect() };
    // 一、发展目标 of each document: four goals each.
    assert_eq!(of("wulong-2022-48").len(), 4);
    assert_eq!(of("chongqing-2022-23").len(), 4);
    // 武隆 counts 15 of the city's 2,500 municipal SRDI SMEs (渝府办发〔2022〕23号 一).
    let local = of("wulong-2022-48")
        .into_iter()
        .find(|g| g["group"] == "srdi-sme")
        .unwrap();
    assert_eq!(local["value"], 15);
    assert_eq!(local["localises"]["plan"], "chongqing-2022-23");
    assert_eq!(local["localises"]["value"], 2500);
    assert_eq!(local["localises"]["share"], 0.006);
    // The parent plan's goals localise nothing loaded.
    assert!(
        of("chongqing-2022-23")
            .iter()
            .all(|g| g["localises"].is_null())
    );

    let table = stdout(&srdi(&["--plans", &policy_data(), "compare", "goals"]));
    assert!(table.contains("0.6% of 2500"), "{table}");
}

#[test]
fn plans_measures_instruments_and_search_across_plans() {
    let plans: Vec<Value> = serde_json::from_str(&stdout(&srdi(&["--json", "plans"]))).unwrap();
    let wulong = plans
        .iter()
        .find(|p| p["plan"] == "wulong-2022-48")
        .unwrap();
    assert_eq!(wulong["based_on"][0]["plan"], "chongqing-2022-23");

    let measures: Vec<Value> =
        serde_json::from_str(&stdout(&srdi(&["--json", "compare", "measures"]))).unwrap();
    let amounts: Vec<(&str, i64)> = measures
        .iter()
        .map(|m| {
            let group = m["beneficiary"]["group"].as_str().unwrap_or("");
            (group, m["amount"]["value"].as_i64().unwrap())
        })
        .collect();
    assert!(
        amounts.contains(&("little-giant", 1_000_000)),
        "{amounts:?}"
    );
    assert!(amounts.contains(&("srdi-sme", 200_000)), "{amounts:?}");
    assert!(measures.iter().all(|m| m["plan"].is_string()));

    let types: Vec<Value> =
        serde_json::from_str(&stdout(&srdi(&["--json", "compare", "instruments"]))).unwrap();
    let prizes = types.iter().find(|t| t["code"] == "PI020").unwrap();
    assert_eq!(prizes["plans"].as_array().unwrap().len(), plans.len());
    // The core reads what to compare, as Python and JS do: any case, spaces around.
    assert_eq!(
        json(&["compare", " Instruments "]),
        json(&["compare", "instruments"])
    );

    let folder = format!("{}/../../tests/plans", env!("CARGO_MANIFEST_DIR"));
    let hits: Vec<Value> = serde_json::from_str(&stdout(&srdi(&[
        "--plans", &folder, "--json", "search", "奖励",
    ])))
    .unwrap();
    let named: std::collections::BTreeSet<&str> =
        hits.iter().filter_map(|h| h["plan"].as_str()).collect();
    assert!(
        named.contains("wulong-2022-48") && named.contains("test-rewards"),
        "{named:?}"
    );
}

#[test]
fn a_folder_with_bad_plans_reports_every_file() {
    let dir = std::env::temp_dir().join(format!("srdi-cli-plans-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.json"), "{").unwrap();
    std::fs::write(dir.join("sub/b.json"), r#"{"id": "b"}"#).unwrap();
    std::fs::write(dir.join("plan.schema.json"), "not a plan, skipped").unwrap();
    // Two files of one plan id: the second is refused. A link back to the folder is not
    // followed (it would loop).
    std::fs::write(dir.join("c.json"), srdi_plan::WULONG_JSON).unwrap();
    std::fs::write(dir.join("sub/d.json"), srdi_plan::WULONG_JSON).unwrap();
    let _ = std::os::unix::fs::symlink(&dir, dir.join("sub/loop"));
    let output = srdi(&["--plans", dir.to_str().unwrap(), "--json", "plans"]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let files: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 3, "{report}");
    assert!(files[0].ends_with("a.json") && files[1].ends_with("b.json"));
    assert!(files[2].ends_with("d.json"));
    assert_eq!(
        report["errors"][2]["error"]["issues"][0]["code"],
        "duplicate_id"
    );
    assert_eq!(report["errors"][0]["error"]["code"], "syntax_error");
    assert_eq!(
        report["errors"][1]["error"]["issues"][0]["code"],
        "missing_field"
    );
}

#[test]
fn a_file_given_as_the_plans_folder_is_unreadable_as_on_every_surface() {
    // The core's code (Python's `load_dir` raises it too), with a hint at the shell.
    let file = format!("{}/wulong-2022-48/plan.json", policy_data());
    let output = srdi(&["--plans", &file, "--json", "plans"]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        report["errors"][0]["error"]["code"], "unreadable",
        "{report}"
    );
    let output = srdi(&["--plans", &file, "plans"]);
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("--plans takes a folder of plan files, --plan one plan file"),
        "{message}"
    );
}

/// The arguments of `srdi` that ask a question of several plans.
fn corpus_argv(query: &Value) -> Vec<String> {
    let op = query["op"].as_str().unwrap();
    match op.strip_prefix("compare_") {
        Some(what) => vec!["compare".into(), what.into()],
        None if op == "search" => vec!["search".into(), query["text"].as_str().unwrap().into()],
        None => vec![op.into()],
    }
}

#[test]
fn every_question_of_several_plans_gives_the_whole_answer_at_the_shell() {
    let answers = srdi_plan_tests::corpus_answers();
    for case in srdi_plan_tests::corpus_cases() {
        let mut args = vec!["--json".to_owned()];
        if let Some(folder) = srdi_plan_tests::corpus_folder(&case) {
            args.extend(["--plans".to_owned(), folder]);
        }
        args.extend(corpus_argv(&case.query));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = srdi(&args);
        let answer: Value =
            serde_json::from_str(&stdout(&output)).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        srdi_plan_tests::check_facts(&case, &answer).unwrap();
        assert_eq!(answer, answers[&case.name], "{}: {args:?}", case.name);
    }
}

/// `srdi` with `COLUMNS` set, as a shell with an 80-column terminal runs it.
fn srdi_in_columns(columns: &str, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_srdi"))
        .env("COLUMNS", columns)
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        stderr(&output)
    );
    stdout(&output)
}

#[test]
fn every_listing_fits_80_columns_with_ids_and_amounts_whole() {
    use unicode_width::UnicodeWidthStr;
    let rewards = srdi_in_columns(
        "80",
        &["measures", "--instrument", "reward", "--lang", "en"],
    );
    for whole in [
        "task-19-m2",
        "task-28-m1",
        "1,000,000 CNY",
        "200,000 CNY",
        "little-giant",
        "srdi-enterprises",
    ] {
        assert!(rewards.contains(whole), "{whole} is cut:\n{rewards}");
    }
    // What decides a measure is named whole: the facts a profile leaves open.
    let profile = std::env::temp_dir().join(format!("srdi-80-{}.json", std::process::id()));
    std::fs::write(&profile, r#"{"tiers": ["srdi-sme"], "facts": {}}"#).unwrap();
    let open = srdi_in_columns(
        "80",
        &["entitlements", "--profile", profile.to_str().unwrap()],
    );
    std::fs::remove_file(&profile).unwrap();
    for whole in [
        "rd-deduction-filing-threshold",
        "renewal-without-repayment-products",
    ] {
        assert!(open.contains(whole), "{whole} is cut:\n{open}");
    }
    // Every instrument says where it is used, mechanisms too.
    let instruments = srdi_in_columns("100", &["instruments"]);
    assert!(
        instruments
            .lines()
            .any(|l| l.starts_with("│ monitoring ") && l.contains("mechanism 3")),
        "{instruments}"
    );
    let observations = std::env::temp_dir().join(format!("srdi-80-{}.csv", std::process::id()));
    std::fs::write(
        &observations,
        "target,year,value,source\ngoal-2,2023,6,synthetic\ngoal-2,2025,14,synthetic\n",
    )
    .unwrap();
    let observations = observations.to_str().unwrap();
    let listings: [&[&str]; 23] = [
        &[
            "progress",
            "--observations",
            observations,
            "--as-of",
            "2026-01-01",
        ],
        &["status", "--as-of", "2026-01-01"],
        &["cost"],
        &["summary"],
        &["tasks"],
        &["task", "28"],
        &["units"],
        &["unit", "区科技局"],
        &["goals"],
        &["targets"],
        &["measures"],
        &["mechanisms"],
        &["mechanism", "1"],
        &["entities"],
        &["documents"],
        &["search", "首台"],
        &["instruments"],
        &["tiers"],
        &["matrix"],
        &["plans"],
        &["compare", "goals"],
        &["compare", "measures"],
        &["compare", "instruments"],
    ];
    for listing in listings {
        for lang in ["zh", "en", "both"] {
            let args: Vec<&str> = listing.iter().copied().chain(["--lang", lang]).collect();
            let text = srdi_in_columns("80", &args);
            let widest = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
            assert!(widest <= 80, "{args:?} is {widest} columns wide:\n{text}");
        }
    }
    std::fs::remove_file(observations).unwrap();
    // Chinese breaks at sensible places: no line of a table cell starts with 、 or 。.
    let tasks = srdi_in_columns("80", &["tasks"]);
    assert!(
        !tasks
            .lines()
            .any(|l| l.starts_with("│ ")
                && l.trim_start_matches(['│', ' ']).starts_with(['、', '。']))
    );
}

#[test]
fn unknown_names_list_the_valid_ones_and_units_show_task_titles() {
    let output = srdi(&["measures", "--instrument", "奖励"]);
    assert_eq!(output.status.code(), Some(1));
    let error = stderr(&output);
    for name in ["reward", "loan", "listing_support", "tax_incentive"] {
        assert!(error.contains(name), "{error}");
    }
    let tiers = srdi_in_columns("80", &["tiers", "--lang", "en"]);
    assert!(
        tiers.contains("little-giant") && tiers.contains("tier 3"),
        "{tiers}"
    );
    let unit = srdi_in_columns("80", &["unit", "区科技局", "--lang", "en"]);
    assert!(
        unit.contains("Raise enterprises' capacity for independent"),
        "{unit}"
    );
}

/// Every `srdi` command of the README's console examples prints what the README shows: the
/// files it `cat`s are written first, the exit code it `echo`es is checked, an output elided
/// with lines of `…` prints each run of lines shown between them whole and in order, and a
/// command piped into another tool is left to the other tests.
#[test]
fn the_readme_console_examples_print_what_they_show() {
    let readme = include_str!("../../../README.md");
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let folder = plan_file(".readme", "").with_file_name("");
    let mut ran = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap_or_default();
        let mut last_code = None;
        for command in block.split("$ ").skip(1) {
            let (line, shown) = command.split_once('\n').unwrap_or((command, ""));
            if let Some(name) = line.strip_prefix("cat ") {
                plan_file(name, shown);
                continue;
            }
            if line == "echo $?" {
                assert_eq!(
                    Some(shown.trim()),
                    last_code.as_deref(),
                    "exit code in {block}"
                );
                continue;
            }
            let (columns, line) = match line.strip_prefix("COLUMNS=") {
                Some(rest) => rest.split_once(' ').unwrap_or_default(),
                None => ("100", line),
            };
            let Some(args) = line.strip_prefix("srdi ") else {
                panic!("a README example runs `{line}`, which this test cannot");
            };
            if line.contains('|') {
                continue;
            }
            let args: Vec<String> = args
                .split_whitespace()
                .map(|arg| {
                    let file = folder.join(arg);
                    if file.exists() {
                        file.display().to_string()
                    } else {
                        arg.to_owned()
                    }
                })
                .collect();
            let output = Command::new(env!("CARGO_BIN_EXE_srdi"))
                .args(&args)
                .env("COLUMNS", columns)
                .current_dir(root)
                .output()
                .unwrap();
            let printed = stdout(&output) + &stderr(&output);
            if shown.lines().any(|shown| shown == "…") {
                // Each run of lines between the `…` lines, whole and in order.
                let lines: Vec<&str> = printed.lines().collect();
                let mut from = 0;
                for run in shown.split("…\n").filter(|run| !run.is_empty()) {
                    let run: Vec<&str> = run.lines().collect();
                    let at = lines[from..]
                        .windows(run.len())
                        .position(|window| window == run.as_slice())
                        .unwrap_or_else(|| {
                            panic!("`{line}` does not print, where the README shows it:\n{}\n\nIt prints:\n{printed}", run.join("\n"))
                        });
                    from += at + run.len();
                }
            } else {
                assert_eq!(
                    printed, shown,
                    "`{line}` prints otherwise than the README shows"
                );
            }
            last_code = output.status.code().map(|code| code.to_string());
            ran += 1;
        }
    }
    assert!(ran >= 5, "only {ran} README examples ran");
}

#[test]
fn a_task_by_id_is_the_task_by_number() {
    assert_eq!(json(&["task", "task-28"]), json(&["task", "28"]));
    let plan = format!(
        "{}/../../tests/plans/per-section.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = stdout(&srdi(&["--plan", &plan, "task", "task-2-1"]));
    assert!(text.starts_with("task         1 (task-2-1)\n"), "{text}");
}

#[test]
fn tasks_numbered_per_section_print_with_their_section() {
    let plan = format!(
        "{}/../../tests/plans/per-section.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let units = stdout(&srdi(&["--plan", &plan, "units"]));
    assert!(units.contains("1.1–1.2"), "{units}");
    let tasks = stdout(&srdi(&["--plan", &plan, "tasks"]));
    assert!(tasks.contains("│ 2.1    一（二）1 "), "{tasks}");
    let matrix = stdout(&srdi(&["--plan", &plan, "matrix"]));
    assert!(matrix.contains("1.1   1.2   2.1"), "{matrix}");
    let csv = stdout(&srdi(&["--plan", &plan, "matrix", "--csv"]));
    assert!(
        csv.starts_with("unit,name_zh,name_en,task-1-1,task-1-2,task-2-1\n"),
        "{csv}"
    );
}
