//! One test per validation rule: the embedded plan with one defect, and the code and JSON
//! path the validator must report for it.

use serde_json::{Value, json};
use srdi_plan::{Code, Decimal, Issue, Plan, PlanData, Severity, validate_json};

/// Validates the embedded plan after `defect`, checking that the typed and the JSON entry
/// points agree.
fn issues_after(defect: impl FnOnce(&mut PlanData)) -> Vec<Issue> {
    let mut plan = srdi_plan::wulong().data().clone();
    defect(&mut plan);
    let issues = plan.validate();
    assert_eq!(validate_json(&plan.to_json()), issues);
    issues
}

/// Validates the embedded plan's JSON after `defect`.
fn json_issues_after(defect: impl FnOnce(&mut Value)) -> Vec<Issue> {
    let mut value: Value = serde_json::from_str(srdi_plan::WULONG_JSON).unwrap();
    defect(&mut value);
    validate_json(&value.to_string())
}

#[track_caller]
fn assert_reported(issues: &[Issue], code: Code, path: &str) {
    assert!(
        issues
            .iter()
            .any(|issue| issue.code == code && issue.path == path),
        "expected {code} at {path}, got:\n{}",
        issues
            .iter()
            .map(|issue| format!("  {issue}"))
            .collect::<Vec<_>>()
            .join(
                "
"
            )
    );
}

#[test]
fn the_embedded_plan_is_valid_and_clean() {
    assert_eq!(srdi_plan::wulong().data().validate(), []);
    assert_eq!(
        Plan::from_json(srdi_plan::WULONG_JSON).unwrap().warnings(),
        []
    );
    assert_eq!(validate_json(srdi_plan::WULONG_JSON), []);
}

#[test]
fn syntax_error_has_line_and_column() {
    let issues = validate_json("{\n  \"id\": \"x\",\n  oops\n}");
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].code, Code::SyntaxError);
    assert_eq!((issues[0].line, issues[0].column), (Some(3), Some(3)));
}

#[test]
fn wrong_types_and_ranges_point_at_the_field() {
    let issues = json_issues_after(|plan| plan["tasks"][3]["number"] = json!("four"));
    assert_reported(&issues, Code::WrongType, "/tasks/3/number");
    let issues = json_issues_after(|plan| plan["tasks"][0]["number"] = json!(-1));
    assert_reported(&issues, Code::OutOfRange, "/tasks/0/number");
    let issues = json_issues_after(|plan| plan["goals"][0]["value"] = json!(-200));
    assert_reported(&issues, Code::NotPositive, "/goals/0/value");
    assert_eq!(issues.len(), 1, "{issues:?}");
    let issues = json_issues_after(|plan| plan["tasks"][3]["section"] = json!(2.5));
    assert_reported(&issues, Code::WrongType, "/tasks/3/section");
    let issues = json_issues_after(|plan| plan["goals"][0]["kind"] = json!("increse"));
    assert_reported(&issues, Code::UnknownValue, "/goals/0/kind");
}

#[test]
fn missing_field_points_at_the_field() {
    let issues = json_issues_after(|plan| {
        plan["units"][2].as_object_mut().unwrap().remove("kind");
    });
    assert_reported(&issues, Code::MissingField, "/units/2/kind");
    assert!(issues[0].message.contains("`kind`"), "{}", issues[0]);
}

#[test]
fn semantic_rules_still_run_beside_shape_problems_with_file_paths() {
    let issues = json_issues_after(|plan| {
        plan["tasks"][2]["number"] = json!("3");
        plan["tasks"][27]["measures"][0]["beneficiary"]["group"] = json!("giant");
    });
    assert_reported(&issues, Code::WrongType, "/tasks/2/number");
    // Task 3 is set aside, yet the path of a problem further on is the file's, not shifted.
    assert_reported(
        &issues,
        Code::UnknownGroup,
        "/tasks/27/measures/0/beneficiary/group",
    );
    // And the set-aside task is not reported missing from the numbering.
    assert!(
        !issues.iter().any(|issue| issue.code == Code::BadNumbering),
        "{issues:#?}"
    );
}

#[test]
fn ids_inside_their_own_task_are_fine() {
    // `sec-1` as a goal and `task-3-m1` in task 28 are in the shared error vectors.
    let issues =
        issues_after(|plan| plan.tasks.to_mut()[27].measures.to_mut()[0].id = "task-28-x".into());
    assert!(issues.is_empty(), "{issues:?}");
}

#[test]
fn unknown_field() {
    let issues = json_issues_after(|plan| plan["tasks"][3]["colour"] = json!("red"));
    assert_reported(&issues, Code::UnknownField, "/tasks/3/colour");
    let issues =
        json_issues_after(|plan| plan["document"]["approval"]["meeting"]["fr"] = json!(""));
    assert_reported(&issues, Code::UnknownField, "/document/approval/meeting/fr");
}

#[test]
fn duplicate_id() {
    let issues = issues_after(|plan| {
        let id = plan.entities[0].id.clone();
        plan.entities.to_mut()[1].id = id;
    });
    assert_reported(&issues, Code::DuplicateId, "/entities/1/id");
}

#[test]
fn invalid_id() {
    let issues =
        issues_after(|plan| plan.tasks.to_mut()[7].targets.to_mut()[0].id = "Task 8 / T1".into());
    assert_reported(&issues, Code::InvalidId, "/tasks/7/targets/0/id");
}

#[test]
fn bad_numbering_reports_the_gap_once() {
    let issues = issues_after(|plan| {
        plan.tasks.to_mut().remove(6);
    });
    let gaps = issues
        .iter()
        .filter(|i| i.code == Code::BadNumbering)
        .count();
    assert_eq!(gaps, 1, "{issues:?}");
    assert_reported(&issues, Code::BadNumbering, "/tasks/6/number");
    // Task 7 was the only one to mention these entities, and the only text to print them.
    assert_reported(&issues, Code::UnusedEntity, "/entities/6");
    assert_reported(&issues, Code::QuoteNotFound, "/entities/6/name/zh");
    assert!(
        issues[0].message.contains("task 7 is missing"),
        "{}",
        issues[0]
    );

    let issues = issues_after(|plan| plan.sections.to_mut().swap(1, 2));
    assert_reported(&issues, Code::BadNumbering, "/sections/1/number");
    let issues = issues_after(|plan| plan.mechanisms.to_mut()[0].number = 0);
    assert_reported(&issues, Code::BadNumbering, "/mechanisms/0/number");
}

#[test]
fn unknown_section() {
    let issues = issues_after(|plan| plan.tasks.to_mut()[31].section = 9);
    assert_reported(&issues, Code::UnknownSection, "/tasks/31/section");
}

#[test]
fn section_order() {
    let issues = issues_after(|plan| plan.tasks.to_mut()[10].section = 1);
    assert_reported(&issues, Code::SectionOrder, "/tasks/10/section");
}

#[test]
fn empty_section_is_a_warning_and_the_plan_still_loads() {
    let mut plan = srdi_plan::wulong().data().clone();
    for task in plan
        .tasks
        .to_mut()
        .iter_mut()
        .filter(|task| task.section == 2)
    {
        task.section = 1;
    }
    let issues = plan.validate();
    assert_reported(&issues, Code::EmptySection, "/sections/1");
    assert!(
        issues
            .iter()
            .all(|issue| issue.severity == Severity::Warning)
    );
    let loaded = Plan::from_json(&plan.to_json()).unwrap();
    assert_eq!(loaded.data(), &plan);
    assert_eq!(loaded.warnings(), issues);
}

#[test]
fn unknown_unit() {
    let issues = issues_after(|plan| {
        plan.sections.to_mut()[0]
            .responsibility
            .as_mut()
            .unwrap()
            .units
            .to_mut()[1] = "nobody".into();
    });
    assert_reported(
        &issues,
        Code::UnknownUnit,
        "/sections/0/responsibility/units/1",
    );
    let issues = issues_after(|plan| plan.document.cc.to_mut()[6] = "nobody".into());
    assert_reported(&issues, Code::UnknownUnit, "/document/cc/6");
}

#[test]
fn unknown_tier() {
    let issues = issues_after(|plan| {
        plan.tasks.to_mut()[27].measures.to_mut()[0]
            .beneficiary
            .group = Some("giant".into());
    });
    assert_reported(
        &issues,
        Code::UnknownGroup,
        "/tasks/27/measures/0/beneficiary/group",
    );
    let issues =
        issues_after(|plan| plan.defined_terms.to_mut()[0].stands_for.to_mut()[2] = "giant".into());
    assert_reported(&issues, Code::UnknownGroup, "/defined_terms/0/stands_for/2");
}

#[test]
fn unknown_entity() {
    let issues = issues_after(|plan| {
        plan.tasks.to_mut()[30].measures.to_mut()[0].legal_basis = Some("doc-x".into());
    });
    assert_reported(
        &issues,
        Code::UnknownEntity,
        "/tasks/30/measures/0/legal_basis",
    );
}

#[test]
fn no_responsible_unit_unless_the_task_lists_its_own() {
    let mut plan = srdi_plan::wulong().data().clone();
    let own = plan.sections.to_mut()[0].responsibility.take();
    let issues = plan.validate();
    for i in 0..5 {
        assert_reported(&issues, Code::NoResponsibleUnit, &format!("/tasks/{i}"));
    }

    plan.tasks.to_mut()[0].responsibility = own;
    let issues = plan.validate();
    assert!(
        !issues.iter().any(|issue| issue.path == "/tasks/0"),
        "{issues:?}"
    );
}

#[test]
fn a_task_list_overrides_its_section() {
    let mut plan = srdi_plan::wulong().data().clone();
    let mut own = plan.mechanisms[2].responsibility.clone().unwrap();
    own.units.to_mut().truncate(1);
    own.text.as_mut().unwrap().zh = "责任单位：区经济信息委".into();
    plan.tasks.to_mut()[20].responsibility = Some(own);
    assert_eq!(plan.validate(), []);
    let plan = Plan::from_data(plan).unwrap();
    let units = plan.responsible(plan.task_numbered(None, 21).unwrap());
    assert_eq!(units.len(), 1);
    assert_eq!(plan.get(units[0]).unwrap().name.zh, "区经济信息委");
}

#[test]
fn responsibility_mismatch() {
    let issues = issues_after(|plan| {
        plan.sections.to_mut()[1]
            .responsibility
            .as_mut()
            .unwrap()
            .units
            .to_mut()
            .swap(0, 1);
    });
    assert_reported(
        &issues,
        Code::ResponsibilityMismatch,
        "/sections/1/responsibility",
    );
}

#[test]
fn not_positive() {
    let issues = issues_after(|plan| plan.goals.to_mut()[0].value = Some(Decimal::whole(0)));
    assert_reported(&issues, Code::NotPositive, "/goals/0/value");
    let issues = issues_after(|plan| {
        if let Some(amount) = plan.tasks.to_mut()[27].measures.to_mut()[0].amount.as_mut() {
            amount.value = 0;
        }
    });
    assert_reported(
        &issues,
        Code::NotPositive,
        "/tasks/27/measures/0/amount/value",
    );
}

#[test]
fn year_outside_period() {
    let issues = issues_after(|plan| plan.goals.to_mut()[3].by_year = Some(2030));
    assert_reported(&issues, Code::YearOutsidePeriod, "/goals/3/by_year");
}

#[test]
fn invalid_period() {
    let issues = issues_after(|plan| plan.period.as_mut().unwrap().start = 2026);
    assert_reported(&issues, Code::InvalidPeriod, "/period");
}

#[test]
fn invalid_date() {
    let issues = issues_after(|plan| plan.document.issued = Some("2022-02-30".into()));
    assert_reported(&issues, Code::InvalidDate, "/document/issued");
}

#[test]
fn invalid_currency() {
    let issues = issues_after(|plan| {
        if let Some(amount) = plan.tasks.to_mut()[27].measures.to_mut()[1].amount.as_mut() {
            amount.currency = "yuan".into();
        }
    });
    assert_reported(
        &issues,
        Code::InvalidCurrency,
        "/tasks/27/measures/1/amount/currency",
    );
}

#[test]
fn empty_text() {
    let issues = issues_after(|plan| plan.tasks.to_mut()[0].text.zh = "  ".into());
    assert_reported(&issues, Code::EmptyText, "/tasks/0/text/zh");
}

#[test]
fn missing_translation_is_a_warning() {
    let issues = issues_after(|plan| plan.preamble.as_mut().unwrap().en = "".into());
    assert_reported(&issues, Code::MissingTranslation, "/preamble/en");
    assert_eq!(issues[0].severity, Severity::Warning);
}

#[test]
fn duplicate_name() {
    let issues = issues_after(|plan| {
        let shouted = plan.units[9].name.en.to_uppercase();
        plan.units.to_mut()[16].name.en = shouted.into();
    });
    assert_reported(&issues, Code::DuplicateName, "/units/16/name");
}

/// Names that lookups cannot tell apart (they set aside spaces, quotation marks and case) are
/// duplicates, of units and of entities alike.
#[test]
fn names_alike_but_for_spaces_quotation_marks_or_case_are_duplicates() {
    let issues = issues_after(|plan| {
        let squeezed = plan.units[9].name.en.replace(' ', "");
        plan.units.to_mut()[16].name.en = squeezed.into();
        let quoted = format!("“{}”", plan.entities[0].name.zh);
        plan.entities.to_mut()[1].name.zh = quoted.into();
    });
    assert_reported(&issues, Code::DuplicateName, "/units/16/name");
    assert_reported(&issues, Code::DuplicateName, "/entities/1/name");
    let message = &issues
        .iter()
        .find(|i| i.path == "/units/16/name")
        .unwrap()
        .message;
    assert!(
        message.contains("which lookups by name set aside"),
        "{message}"
    );
}

#[test]
fn unused_unit_and_entity_are_warnings() {
    let issues = issues_after(|plan| {
        let mut unit = plan.units[0].clone();
        unit.id = "spare-unit".into();
        unit.name.zh = "区某局".into();
        unit.name.en = "Spare Bureau".into();
        plan.units.to_mut().push(unit);
        let mut entity = plan.entities[0].clone();
        entity.id = "spare-entity".into();
        // A name the text prints, as every entity's is, that no other entity has.
        entity.name.zh = "武隆区".into();
        entity.name.en = "Wulong District".into();
        plan.entities.to_mut().push(entity);
    });
    let data = srdi_plan::wulong().data();
    let (units, entities) = (data.units.len(), data.entities.len());
    assert_reported(&issues, Code::UnusedUnit, &format!("/units/{units}"));
    assert_reported(
        &issues,
        Code::UnusedEntity,
        &format!("/entities/{entities}"),
    );
    assert!(
        issues
            .iter()
            .all(|issue| issue.severity == Severity::Warning),
        "{issues:?}"
    );
}
