//! Fidelity of the data to the source document, proved against the source file itself.
//!
//! 1. The source copy in `policy-data/` is the published text, byte for byte.
//! 2. The document rebuilt from the data, in reading order, *is* the source: nothing lost,
//!    nothing added, nothing reordered (whitespace and the copy's Markdown aside).
//! 3. Every Chinese string anywhere in the data is a verbatim piece of the source, and every
//!    quoted clause (goal, target, measure, condition) stands inside the text it quotes.
//! 4. The numbers in the data (goals, targets, amounts) are the numbers the text prints.

use serde_json::Value;
use sha2::{Digest, Sha256};
use srdi_plan::{Part, PartContent, PlanData, Task};

const SOURCE: &str = include_str!("../../policy-data/wulong-2022-48/source.txt");
const SOURCE_SHA256: &str = "df9acdc78b0da41305cf1ddab67839d02ce8f9ae823674b98c1fbe634fdefab8";
const NUMERALS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

fn plan() -> &'static PlanData {
    srdi_plan::wulong().data()
}

fn tasks_in_section(plan: &PlanData, number: u8) -> impl Iterator<Item = &Task> {
    plan.tasks.iter().filter(move |task| task.section == number)
}

fn entity_name(id: &str) -> &'static str {
    let entity = plan().entities.iter().find(|entity| entity.id == id);
    entity.map_or("?", |entity| entity.name.zh.as_str())
}

/// Removes all whitespace: the copy breaks lines and pages inside sentences.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The source as one string: Markdown of the copy (`#`, `**`, `---`) and whitespace removed.
/// The copy prints section 3's label with ASCII parentheses, `(三)`; the other labels use
/// full-width ones, as does the data's citation form.
fn source_text() -> String {
    let text: String = SOURCE
        .lines()
        .map(str::trim)
        .filter(|line| *line != "---")
        .map(|line| line.trim_start_matches('#').replace("**", ""))
        .collect();
    squash(&text).replace("(三)", "（三）")
}

fn unit_name(id: &str) -> &'static str {
    let unit = plan().units.iter().find(|unit| unit.id == id);
    unit.map_or("?", |unit| unit.name.zh.as_str())
}

/// `2022-07-07` as printed: `2022年7月7日`.
fn printed_date(iso: &str) -> String {
    let parts: Vec<u32> = iso.split('-').map(|part| part.parse().unwrap()).collect();
    format!("{}年{}月{}日", parts[0], parts[1], parts[2])
}

fn numeral(number: u8) -> &'static str {
    NUMERALS[usize::from(number)]
}

/// The whole document rebuilt from the data, in reading order.
fn rebuilt() -> String {
    let plan = plan();
    let doc = &plan.document;
    let mut out = vec![
        doc.masthead.zh.clone(),
        doc.number.clone(),
        doc.notice_title.zh.clone(),
    ];
    let addressees: Vec<&str> = doc.addressees.iter().map(|a| a.zh.as_str()).collect();
    out.push(format!("{}：", addressees.join("，")));
    out.push(doc.notice.zh.clone());
    out.push(unit_name(&doc.issuer).to_owned());
    out.push(printed_date(&doc.issued));
    out.push(format!("（{}）", doc.disclosure.note.zh));
    out.push(doc.title.zh.clone());
    out.push(plan.preamble.zh.clone());
    for part in &plan.parts {
        out.push(format!("{}、{}", numeral(part.number), part.title.zh));
        out.extend(part.text.iter().map(|text| text.zh.clone()));
        part_body(plan, part, &mut out);
    }
    let cc: Vec<&str> = doc.cc.iter().map(|id| unit_name(id)).collect();
    out.push(format!("抄送：{}。", cc.join("，")));
    out.push(unit_name(&doc.printed_by).to_owned());
    out.push(format!("{}印发", printed_date(&doc.printed)));
    squash(&out.concat())
}

fn part_body(plan: &PlanData, part: &Part, out: &mut Vec<String>) {
    match part.content {
        PartContent::Tasks => {
            for section in &plan.sections {
                out.push(format!(
                    "（{}）{}。",
                    numeral(section.number),
                    section.title.zh
                ));
                for task in tasks_in_section(plan, section.number) {
                    out.push(format!("{}.{}", task.number, task_text(task)));
                    if let Some(own) = &task.responsibility {
                        out.push(format!("（{}）", own.text.zh));
                    }
                }
                out.push(format!("（{}）", section.responsibility.text.zh));
            }
        }
        PartContent::Mechanisms => {
            for mechanism in &plan.mechanisms {
                out.push(format!(
                    "（{}）{}。{}（{}）",
                    numeral(mechanism.number),
                    mechanism.title.zh,
                    mechanism.text.zh,
                    mechanism.responsibility.text.zh
                ));
            }
        }
        _ => {}
    }
}

/// A task's printed text: its title (closed by 。) and its body.
fn task_text(task: &Task) -> String {
    match &task.title {
        Some(title) => format!("{}。{}", title.zh, task.text.zh),
        None => task.text.zh.clone(),
    }
}

/// Every text of the plan, by the walker that validation and search use: its JSON path and
/// its Chinese.
fn all_texts() -> Vec<(String, String)> {
    plan()
        .texts()
        .into_iter()
        .map(|text| (text.pointer(), text.text.zh.clone()))
        .collect()
}

/// Every `{zh, en}` object in the serialized plan, with its JSON path: what the walker must
/// visit, found without it.
fn serialized_texts() -> Vec<String> {
    fn walk(value: &Value, path: &str, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if map.contains_key("zh") && map.contains_key("en") {
                    out.push(path.to_owned());
                }
                for (key, child) in map {
                    walk(child, &format!("{path}/{key}"), out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{path}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(plan()).unwrap(), "", &mut out);
    out
}

#[test]
fn the_walker_visits_every_text_once() {
    let mut walked: Vec<String> = all_texts().into_iter().map(|(path, _)| path).collect();
    let mut serialized = serialized_texts();
    walked.sort();
    serialized.sort();
    assert_eq!(walked, serialized);
}

#[test]
#[allow(
    clippy::print_stderr,
    reason = "says which check ran when shared/ is absent"
)]
fn source_copy_is_the_published_text() {
    let digest = format!("{:x}", Sha256::digest(SOURCE.as_bytes()));
    assert_eq!(
        digest, SOURCE_SHA256,
        "policy-data/wulong-2022-48/source.txt was changed"
    );

    let shared = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/source/000_f8787228df4a2866.txt"
    );
    match std::fs::read_to_string(shared) {
        Ok(original) => assert_eq!(original, SOURCE, "the copy differs from {shared}"),
        // Outside the project's workspace only the pinned digest above can speak.
        Err(_) => eprintln!("note: {shared} not present; checked the pinned SHA-256 only"),
    }
}

#[test]
fn the_data_rebuilds_the_source_exactly() {
    let (rebuilt, source) = (rebuilt(), source_text());
    if rebuilt != source {
        let (a, b): (Vec<char>, Vec<char>) = (rebuilt.chars().collect(), source.chars().collect());
        let at = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let window = |s: &[char]| {
            s[at.saturating_sub(30)..(at + 30).min(s.len())]
                .iter()
                .collect::<String>()
        };
        panic!(
            "the data and the source part at character {at}:\n  data:   …{}…\n  source: …{}…",
            window(&a),
            window(&b)
        );
    }
}

#[test]
fn every_chinese_string_is_a_verbatim_piece_of_the_source() {
    let source = source_text();
    let texts = all_texts();
    for deepest in [
        "/tasks/27/measures/1/beneficiary/condition",
        "/document/addressees/3",
    ] {
        assert!(
            texts.iter().any(|(path, _)| path == deepest),
            "the walk missed {deepest}"
        );
    }
    for (path, zh) in texts {
        assert!(!zh.trim().is_empty(), "{path}: empty");
        assert_eq!(zh.trim(), zh, "{path}: leading or trailing whitespace");
        assert!(
            !zh.contains(['\n', '\r', '\t']) && !zh.contains("  "),
            "{path}: page-break artifact left in {zh:?}"
        );
        assert!(
            source.contains(&squash(&zh)),
            "{path}: not in the source: {zh}"
        );
    }
}

#[test]
fn quoted_clauses_stand_inside_the_text_they_quote() {
    let plan = plan();
    let inside = |quote: &str, text: &str, what: &str| {
        assert!(
            squash(text).contains(&squash(quote)),
            "{what}: {quote:?} is not in {text:?}"
        );
    };
    let goals_text = plan
        .parts
        .iter()
        .find_map(|part| part.text.as_ref())
        .unwrap();
    for goal in &plan.goals {
        inside(&goal.text.zh, &goals_text.zh, &goal.id);
        inside(&goal.indicator.zh, &goal.text.zh, &goal.id);
    }
    for term in &plan.defined_terms {
        inside(&term.definition.zh, &goals_text.zh, &term.id);
        inside(&term.term.zh, &term.definition.zh, &term.id);
    }
    for task in &plan.tasks {
        let text = task_text(task);
        for target in &task.targets {
            inside(&target.text.zh, &text, &target.id);
            inside(&target.indicator.zh, &target.text.zh, &target.id);
        }
        for measure in &task.measures {
            inside(&measure.text.zh, &text, &measure.id);
            if let Some(condition) = &measure.beneficiary.condition {
                inside(&condition.zh, &measure.text.zh, &measure.id);
            }
        }
        for id in &task.entities {
            inside(entity_name(id), &text, &format!("task {}", task.number));
        }
    }
    for mechanism in &plan.mechanisms {
        for id in &mechanism.entities {
            inside(entity_name(id), &mechanism.text.zh, id);
        }
    }
}

#[test]
fn responsibility_lists_are_the_printed_lists() {
    let plan = plan();
    let lists = plan
        .sections
        .iter()
        .map(|section| &section.responsibility)
        .chain(
            plan.mechanisms
                .iter()
                .map(|mechanism| &mechanism.responsibility),
        );
    for list in lists {
        let printed: Vec<&str> = list
            .text
            .zh
            .trim_start_matches("责任单位：")
            .split(['、', '，'])
            .collect();
        let named: Vec<&str> = list.units.iter().map(|id| unit_name(id)).collect();
        assert_eq!(named, printed);
    }
}

#[test]
fn numbers_are_the_printed_numbers() {
    let plan = plan();
    let counted =
        |value: u32, unit: &str, text: &str| squash(text).contains(&format!("{value}{unit}"));
    for goal in &plan.goals {
        assert!(
            counted(goal.value, goal.count_unit.as_zh(), &goal.text.zh),
            "{}: {}",
            goal.id,
            goal.text.zh
        );
        assert_eq!(goal.by_year, Some(2025));
    }
    assert!(source_text().contains("到2025年"));
    for target in plan.tasks.iter().flat_map(|task| &task.targets) {
        assert!(
            counted(target.value, target.count_unit.as_zh(), &target.text.zh),
            "{}",
            target.id
        );
    }
    for measure in plan.tasks.iter().flat_map(|task| &task.measures) {
        if let Some(amount) = &measure.amount {
            assert_eq!(amount.currency, "CNY");
            let wan = amount.value / 10_000;
            assert_eq!(amount.value % 10_000, 0);
            assert!(
                squash(&measure.text.zh).contains(&format!("{wan}万元")),
                "{}",
                measure.id
            );
        }
    }
}

#[test]
fn the_structure_has_the_printed_counts() {
    let plan = plan();
    assert_eq!(plan.parts.len(), 3);
    assert_eq!(plan.goals.len(), 4);
    assert_eq!(plan.sections.len(), 5);
    assert_eq!(plan.tasks.len(), 32);
    assert_eq!(plan.mechanisms.len(), 4);
    assert_eq!(plan.tiers.len(), 3);
    let values: Vec<u32> = plan.goals.iter().map(|goal| goal.value).collect();
    assert_eq!(values, [200, 15, 1, 1]);
    let titled: Vec<u8> = plan
        .tasks
        .iter()
        .filter(|task| task.title.is_some())
        .map(|task| task.number)
        .collect();
    assert_eq!(titled, [1, 2, 3, 4, 5]);
    let per_section: Vec<usize> = (1..=5).map(|n| tasks_in_section(plan, n).count()).collect();
    assert_eq!(per_section, [5, 5, 9, 8, 5]);
}

#[test]
fn the_task_28_rewards_are_one_time_on_new_recognition() {
    let plan = plan();
    let rewards: Vec<(&str, u64)> = plan.tasks[27]
        .measures
        .iter()
        .map(|m| {
            (
                m.beneficiary.group.as_deref().unwrap(),
                m.amount.as_ref().unwrap().value,
            )
        })
        .collect();
    assert_eq!(
        rewards,
        [("little-giant", 1_000_000), ("srdi-sme", 200_000)]
    );
    assert!(plan.tasks[27].measures.iter().all(|m| m.one_time));
}

#[test]
fn the_statistics_bureau_answers_only_for_mechanism_3() {
    let plan = plan();
    let wulong = srdi_plan::wulong();
    let in_tasks = wulong.task_refs().any(|task| {
        wulong
            .responsible(task)
            .iter()
            .any(|&unit| wulong.get(unit).unwrap().name.zh == "区统计局")
    });
    assert!(!in_tasks);
    let in_mechanisms: Vec<u8> = plan
        .mechanisms
        .iter()
        .filter(|m| {
            m.responsibility
                .units
                .iter()
                .any(|id| unit_name(id) == "区统计局")
        })
        .map(|m| m.number)
        .collect();
    assert_eq!(in_mechanisms, [3]);
}
