//! The plan format beyond the Wulong document's shape, one small synthetic plan per
//! capability (`tests/plans/`): responsibility lines with roles, tasks numbered per section,
//! partial plans, quantities and target kinds, groups and terms for places, approval by
//! statement and inferred values; and a Chinese-only plan. `county.json` is a whole sibling
//! plan of another shape (synthetic, written for a probe of the format): tasks numbered per
//! section, each with its own 牵头/配合 line, banks among its units, goals that are rates
//! and sums of money beside counts, based on the municipal plan.

use serde_json::{Value, json};
use srdi_plan::{Code, Issue, ItemRef, Plan, PlanData, validate_json};

fn read(name: &str) -> String {
    let path = format!("{}/plans/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load(name: &str) -> Plan {
    Plan::from_json(&read(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The issues of `name` after `change` to its JSON.
fn issues_after(name: &str, change: impl FnOnce(&mut Value)) -> Vec<Issue> {
    let mut value: Value = serde_json::from_str(&read(name)).unwrap();
    change(&mut value);
    validate_json(&value.to_string())
}

fn codes(issues: &[Issue]) -> Vec<(Code, &str)> {
    issues.iter().map(|i| (i.code, i.path.as_str())).collect()
}

#[test]
fn every_capability_plan_is_valid_and_clean_unless_partial() {
    for name in [
        "roles.json",
        "per-section.json",
        "quantities.json",
        "groups.json",
        "county.json",
    ] {
        assert_eq!(load(name).warnings(), [], "{name}");
    }
}

#[test]
fn responsibility_lines_read_in_every_printed_form() {
    let plan = load("roles.json");
    let roles = |n: i64| {
        let task = plan.task(n).unwrap();
        (task.responsible_units, task.leading_units)
    };
    let (units, leads) = roles(1);
    assert_eq!(
        units,
        [
            "economy-info-commission",
            "finance-bureau",
            "science-tech-bureau"
        ]
    );
    assert_eq!(leads, ["economy-info-commission"]);
    assert_eq!(roles(2).0, ["economy-info-commission", "finance-bureau"]);
    assert_eq!(roles(3).1, ["science-tech-bureau"]);
    assert_eq!(roles(4).0, ["planning-resources-bureau", "finance-bureau"]);
    // The lead the mechanism's text names for one clause.
    let mechanism = plan.mechanism(1).unwrap();
    assert_eq!(mechanism.leading_units, ["economy-info-commission"]);
    let unit = plan.unit("区经济信息委").unwrap();
    assert_eq!(unit.lead_mechanisms, [1]);
    assert_eq!(unit.lead_tasks, ["task-1", "task-2"]);
}

#[test]
fn a_mismatched_line_says_what_it_read_and_what_is_listed() {
    let issues = issues_after("roles.json", |plan| {
        plan["tasks"][0]["responsibility"]["cooperating"] = json!(["finance-bureau"]);
        plan["tasks"][3]["responsibility"]["text"]["zh"] =
            json!("责任单位:区规划自然资源局,区财政局");
    });
    let mismatches: Vec<&Issue> = issues
        .iter()
        .filter(|i| i.code == Code::ResponsibilityMismatch)
        .collect();
    assert_eq!(mismatches.len(), 2, "{issues:#?}");
    assert_eq!(mismatches[0].path, "/tasks/0/responsibility");
    assert!(
        mismatches[0].message.contains(
            "cooperating: the line reads [区财政局 (finance-bureau)、区科技局 (science-tech-bureau)], \
             the list gives [区财政局 (finance-bureau)]"
        ),
        "{}",
        mismatches[0].message
    );
    assert!(
        mismatches[1]
            .message
            .contains("`区规划自然资源局` is not the printed name of a unit (the nearest unit name is `区规划和自然资源局`)"),
        "{}",
        mismatches[1].message
    );
}

#[test]
fn tasks_numbered_per_section_have_their_own_ids_and_places() {
    let plan = load("per-section.json");
    let ids: Vec<&str> = plan
        .tasks(&srdi_plan::TaskFilter::default())
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(ids, ["task-1-1", "task-1-2", "task-2-1"]);
    let task = plan.task_in(Some(2), 1).unwrap();
    assert_eq!(task.citation.unwrap().zh(), "某府办发〔2023〕1号 一（二）1");
    assert_eq!(plan.task_in(Some(1), 2).unwrap().id, "task-1-2");
    assert_eq!(plan.task_with_id("task-2-1"), plan.task_in(Some(2), 1));
    let both = plan.find_task_by(Some(1), Some(2), Some("task-2-1"));
    assert_eq!(both.unwrap_err().code(), Code::InvalidArgument);
    let neither: srdi_plan::Query = serde_json::from_str(r#"{"op": "task"}"#).unwrap();
    assert_eq!(
        plan.answer(&neither).unwrap_err().code(),
        Code::InvalidArgument
    );
    let error = plan.task_in(Some(2), 5).unwrap_err();
    assert_eq!(error.suggestions(), ["1"]);
    // Without a section: a number one section has is enough; one that two have is not.
    assert_eq!(plan.task_in(None, 2).unwrap().id, "task-1-2");
    let error = plan.task_in(None, 1).unwrap_err();
    assert_eq!(error.code(), Code::InvalidArgument);
    assert!(error.to_string().contains("sections 1 and 2"), "{error}");
    // Every answer names a task by its id, which a number alone would not do here.
    let unit = plan.unit("区经济信息委").unwrap();
    assert_eq!(unit.tasks, ["task-1-1", "task-1-2"]);
    let matrix = plan.matrix();
    assert_eq!(matrix.tasks, ["task-1-1", "task-1-2", "task-2-1"]);
    assert_eq!(matrix.rows[1].tasks, ["task-2-1"]);
    let instruments = plan.instruments();
    let research = instruments
        .iter()
        .find(|i| i.id.as_str() == "research_capacity");
    assert_eq!(research.unwrap().tasks, ["task-2-1"]);
    let section = &plan.summary().sections[1];
    assert_eq!(section.tasks, ["task-2-1"]);
    // Two tasks numbered 1 that mention one entity are two mentions.
    let park = plan.entity("mou-industrial-park").unwrap();
    assert_eq!(park.tasks, ["task-1-1", "task-2-1"]);
    let hits = plan.search("某工业园区").unwrap();
    let tasks: Vec<Option<&str>> = hits.iter().map(|hit| hit.task.as_deref()).collect();
    assert_eq!(tasks, [Some("task-1-1"), Some("task-2-1"), None]);
    // Numbering restarts in each section, so a gap is one within a section.
    let issues = issues_after("per-section.json", |plan| {
        plan["tasks"][1]["number"] = json!(3);
    });
    assert_eq!(codes(&issues), [(Code::BadNumbering, "/tasks/1/number")]);
}

#[test]
fn a_partial_plan_says_what_is_missing() {
    let plan = load("partial.json");
    let found: Vec<(Code, &str, &str)> = plan
        .warnings()
        .iter()
        .map(|i| (i.code, i.path.as_str(), i.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                Code::MissingItems,
                "/sections",
                "sections 2–3 are missing from this partial plan"
            ),
            (
                Code::MissingItems,
                "/tasks",
                "tasks 3–4, 6–10 are missing from this partial plan"
            ),
        ]
    );
    assert!(plan.task(5).unwrap().task.text.truncated);
    // Marked complete, the same gaps and totals are errors.
    let mut issues = issues_after("partial.json", |plan| {
        plan["provenance"]["completeness"] = json!({"status": "complete"});
    });
    issues.retain(Issue::is_error);
    assert_eq!(
        codes(&issues),
        [
            (Code::CountMismatch, "/totals/sections"),
            (Code::BadNumbering, "/tasks/2/number"),
            (Code::CountMismatch, "/totals/tasks"),
        ]
    );
}

#[test]
fn quantities_keep_their_printed_form_and_read_back_exactly() {
    let plan = load("quantities.json");
    let goal = plan.goal("goal-1").unwrap();
    assert_eq!(goal.target.value.unwrap().as_whole(), Some(25_000));
    assert_eq!(
        (goal.quantity.zh.as_ref(), goal.quantity.en.as_ref()),
        ("2.5万家", "25,000")
    );
    assert_eq!(plan.goal("goal-2").unwrap().quantity.en, "30%");
    assert_eq!(plan.goal("goal-5").unwrap().quantity.zh, "");
    assert_eq!(plan.goal("goal-1").unwrap().target.milestones[0].year, 2023);
    let json = serde_json::to_value(plan.goal("goal-1").unwrap()).unwrap();
    assert_eq!(json["value"], 25_000);

    let issues = issues_after("quantities.json", |plan| {
        plan["goals"][0]["value"] = json!(2500);
        plan["goals"][1]["value"] = json!(3);
        plan["goals"][2].as_object_mut().unwrap().remove("value");
        plan["goals"][0]["milestones"][0]["year"] = json!(2030);
        plan["tasks"][0]["measures"][0]["amount"]["value"] = json!(15_000_000);
    });
    assert_eq!(
        codes(&issues),
        [
            (Code::QuantityMismatch, "/goals/0/printed"),
            (Code::YearOutsidePeriod, "/goals/0/milestones/0/year"),
            (Code::YearOutsidePeriod, "/goals/0/milestones/0/year"),
            (Code::QuoteNotFound, "/goals/1/value"),
            (Code::MissingValue, "/goals/2/value"),
            (Code::QuantityMismatch, "/tasks/0/measures/0/amount/printed"),
        ]
    );
}

#[test]
fn terms_can_stand_for_places_and_must_stand_for_something() {
    let plan = load("groups.json");
    let members = plan.members_of("districts-counties");
    assert!(matches!(members.as_slice(), [ItemRef::Group(_)]));
    assert_eq!(
        plan.tasks(&srdi_plan::TaskFilter {
            tier: None,
            ..Default::default()
        })
        .unwrap()
        .len(),
        1
    );
    let issues = issues_after("groups.json", |plan| {
        plan["defined_terms"][0]["stands_for"] = json!([]);
    });
    assert_eq!(
        codes(&issues),
        [(Code::EmptyTerm, "/defined_terms/0/stands_for")]
    );
}

#[test]
fn approval_by_statement_based_on_a_list_and_inferred_values() {
    let plan = load("groups.json");
    let document = &plan.data().document;
    assert_eq!(
        document
            .approval
            .as_ref()
            .unwrap()
            .statement
            .as_ref()
            .unwrap()
            .zh,
        "已经市政府同意"
    );
    assert_eq!(document.based_on.to_vec(), ["doc-a", "doc-b"]);
    let issues = issues_after("groups.json", |plan| {
        plan["document"]["approval"] = json!({"by": "city-government"});
        plan["provenance"]["inferred"][0]["path"] = json!("/document/numbr");
    });
    assert_eq!(
        codes(&issues),
        [
            (Code::InvalidApproval, "/document/approval"),
            (Code::UnknownPath, "/provenance/inferred/0/path"),
        ]
    );
}

#[test]
fn a_chinese_only_plan_loads_with_warnings_and_answers() {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if map.contains_key("zh") {
                    map.remove("en");
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value: Value = serde_json::from_str(srdi_plan::WULONG_JSON).unwrap();
    strip(&mut value);
    let plan = Plan::from_json(&value.to_string()).unwrap();
    assert!(
        plan.warnings()
            .iter()
            .all(|i| i.code == Code::MissingTranslation)
    );
    assert!(plan.warnings().len() > 100);
    assert_eq!(plan.task(28).unwrap().task.measures.len(), 2);
    // Names are still found by their Chinese.
    assert_eq!(plan.unit("区财政局").unwrap().unit.id, "finance-bureau");
}

#[test]
fn the_minimal_plan_is_valid() {
    let data = PlanData::new("p", srdi_plan::Text::new("计划", "Plan"));
    let plan = Plan::from_data(data).unwrap();
    assert_eq!(plan.warnings(), []);
    assert_eq!(plan.summary().counts.tasks, 0);
}

#[test]
fn names_must_be_printed_and_groups_named_in_their_clause() {
    let issues = issues_after("quantities.json", |plan| {
        plan["tiers"][0]["name"]["zh"] = json!("创新中小企业");
        plan["goals"][0]["group"] = json!("innovative-sme");
        plan["goals"][2]["group"] = json!("innovative-sme");
        plan["goals"][0]["unit"] = json!("万家");
        plan["goals"][0]["value"] = json!(2.5);
    });
    let found: Vec<(Code, &str)> = codes(&issues);
    assert!(
        found.contains(&(Code::QuoteNotFound, "/tiers/0/name/zh")),
        "{issues:#?}"
    );
    assert!(
        found.contains(&(Code::GroupNotNamed, "/goals/2/group")),
        "{issues:#?}"
    );
    let magnitude = issues
        .iter()
        .find(|i| i.code == Code::QuantityMismatch)
        .unwrap();
    assert!(
        magnitude
            .message
            .contains("must not carry the magnitude 万"),
        "{}",
        magnitude.message
    );
    // A value of the wrong type is reported once, not again as missing.
    let issues = issues_after("quantities.json", |plan| {
        plan["goals"][0]["value"] = json!("25000");
    });
    assert_eq!(codes(&issues), [(Code::WrongType, "/goals/0/value")]);
}

/// `tiers()` lists for each tier, group and term the measures that `measures(tier: id)` finds:
/// a term reaches what the tiers it stands for reach.
#[test]
fn the_tiers_listing_and_the_measure_filter_agree() {
    let shipped =
        srdi_plan::embedded_ids().map(|id| Plan::clone(srdi_plan::embedded_plan(id).unwrap()));
    let plans: Vec<Plan> = shipped
        .chain(["groups.json", "rewards.json", "roles.json"].map(load))
        .collect();
    let terms = plans
        .iter()
        .flat_map(Plan::tiers)
        .filter(|t| !t.stands_for.is_empty());
    assert!(terms.count() > 0, "no plan has a term to check");
    for plan in &plans {
        for group in plan.tiers() {
            let filter = srdi_plan::MeasureFilter {
                tier: Some(group.id.to_owned()),
                ..Default::default()
            };
            let found: Vec<String> = plan
                .measures(&filter)
                .unwrap()
                .iter()
                .map(|m| m.measure.id.to_string())
                .collect();
            assert_eq!(group.measures, found, "{}: {}", plan.id(), group.id);
        }
    }
}

#[test]
fn a_listing_reward_waits_for_a_listing_and_a_quotation_reward_for_a_quotation() {
    use srdi_plan::{Outcome, Profile, Test};
    let trigger = |plan: &Plan, measure: &str, event: &str| -> Outcome {
        let profile = Profile::from_json(&format!(
            r#"{{"events": [{{"kind": "{event}", "year": 2024}}]}}"#
        ))
        .unwrap();
        let answer = plan.entitlements(&profile).unwrap();
        let found = answer.iter().find(|e| e.measure == measure).unwrap();
        found
            .trace
            .iter()
            .find(|s| s.test == Test::Trigger)
            .unwrap()
            .outcome
    };
    // 在境内外证券交易所上市的: a listing, not a quotation on an equity exchange centre.
    let rewards = load("rewards.json");
    assert_eq!(trigger(&rewards, "task-1-m3", "listing"), Outcome::Pass);
    assert_eq!(trigger(&rewards, "task-1-m3", "quotation"), Outcome::Fail);
    // 挂牌、上市的: either.
    let wulong = srdi_plan::wulong();
    for event in ["listing", "quotation"] {
        assert_eq!(
            trigger(wulong, "task-31-m1", event),
            Outcome::Pass,
            "{event}"
        );
    }
}

#[test]
fn goals_that_count_no_enterprises_are_no_recognitions_and_localise_no_count() {
    use srdi_plan::{Corpus, CorpusAnswer, CorpusQuery, Scenario};
    use std::sync::Arc;
    // A county plan (synthetic) based on the municipal plan: a count of innovative SMEs
    // (新增…60家), a growth rate (增长50%) and a loan balance (贷款余额突破20亿元) of SRDI SMEs.
    let county = load("county.json");
    let (scenario, assumed) = Scenario::from_goals(&county);
    let counted: Vec<(&str, u32)> = scenario
        .recognitions
        .iter()
        .map(|r| (r.tier.as_str(), r.count))
        .collect();
    assert_eq!(counted, [("innovative-sme", 60)]);
    assert!(
        assumed.contains(&"goal-1: not counted (`50%` is no number of enterprises)".to_owned()),
        "{assumed:?}"
    );
    assert!(
        assumed.contains(
            &"goal-4: not counted (`2000000000元` is no number of enterprises)".to_owned()
        ),
        "{assumed:?}"
    );

    let corpus = Corpus::with_shipped(vec![Arc::new(county)]);
    let CorpusAnswer::Goals(rows) = corpus.answer(&CorpusQuery::CompareGoals).unwrap() else {
        panic!("not goals");
    };
    let localised: std::collections::BTreeMap<&str, Option<&str>> = rows
        .iter()
        .filter(|row| row.plan == "qingshi-2023-15")
        .map(|row| {
            (
                row.goal.target.id.as_ref(),
                row.localises.as_ref().map(|l| l.goal),
            )
        })
        .collect();
    // Counts localise counts of the same tier (60 innovative SMEs, 2 “little giants”); the
    // rate and the loan balance of SRDI SMEs localise no count of them.
    assert_eq!(
        localised.into_iter().collect::<Vec<_>>(),
        [
            ("goal-1", None),
            ("goal-2", Some("goal-1")),
            ("goal-3", None),
            ("goal-4", None),
            ("goal-5", Some("goal-3")),
        ]
    );
}

#[test]
fn a_printed_quantity_that_is_no_number_is_a_warning_unless_explained() {
    let spelt = |value: &mut Value| {
        let text = value.to_string().replace("2.5万家", "两万五千家");
        *value = serde_json::from_str(&text).unwrap();
    };
    let issues = issues_after("quantities.json", spelt);
    assert_eq!(
        codes(&issues),
        [(Code::UnreadQuantity, "/goals/0/printed")],
        "{issues:?}"
    );
    let issues = issues_after("quantities.json", |value| {
        spelt(value);
        value["goals"][0]["interpretation"] = json!("两万五千 is 25,000.");
    });
    assert_eq!(codes(&issues), [], "{issues:?}");
}

#[test]
fn a_printed_sum_without_its_unit_reads_as_the_amount() {
    // 奖励30万: the text leaves 元 out; the amount's currency says it. (The plan's one
    // warning, a task with no responsible unit, stays.)
    let before = issues_after("rewards.json", |_| {});
    let issues = issues_after("rewards.json", |value| {
        let text = value.to_string().replace("50万元", "50万");
        *value = serde_json::from_str(&text).unwrap();
    });
    assert_eq!(issues, before);
    // A printed number still reads as the value: 60万 is not 500,000.
    let issues = issues_after("rewards.json", |value| {
        let text = value.to_string().replace("50万元", "60万");
        *value = serde_json::from_str(&text).unwrap();
    });
    assert!(
        codes(&issues)
            .iter()
            .any(|(code, _)| *code == Code::QuantityMismatch),
        "{issues:?}"
    );
}
