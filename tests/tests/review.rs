//! The facts the line-by-line review of the Wulong plan settled
//! (`shared/review/plan-data-review.md`), pinned so that none can silently regress. Each test
//! names the findings it holds; the reasons stand in the items' `interpretation` notes.

use srdi_plan::{Frequency, Instrument, PlanData, TargetKind, UnitKind};

fn plan() -> &'static PlanData {
    srdi_plan::wulong().data()
}

fn instruments(list: &[Instrument]) -> Vec<&'static str> {
    list.iter().map(|i| i.as_str()).collect()
}

/// C9, C10, C13, G34: every measure and its instrument, in file order. 32 measures: the 24
/// of the first edition, the bond pipeline of task 17, the rewards of task 19, five
/// benefits the text grants without a measure before, and the selection into the pool of
/// task 19 (found when the measures became evaluable).
#[test]
fn every_measure_has_its_reviewed_instrument() {
    let measures: Vec<(&str, &str)> = plan()
        .tasks
        .iter()
        .flat_map(|t| t.measures.iter())
        .map(|m| (m.id.as_ref(), m.instrument.as_str()))
        .collect();
    assert_eq!(
        measures,
        [
            ("task-11-m1", "equity_fund"),
            ("task-12-m1", "platform"),
            ("task-13-m1", "relending"),
            ("task-14-m1", "loan"),
            ("task-14-m2", "loan"),
            ("task-15-m1", "loan"),
            ("task-16-m1", "loan"),
            ("task-16-m2", "loan"),
            ("task-17-m1", "guarantee"),
            ("task-17-m2", "enterprise_cultivation"),
            ("task-18-m1", "listing_support"),
            ("task-19-m1", "listing_support"),
            ("task-19-m2", "reward"),
            ("task-19-m3", "listing_support"),
            ("task-20-m1", "advisory_service"),
            ("task-22-m1", "advisory_service"),
            ("task-22-m2", "advisory_service"),
            ("task-23-m1", "advisory_service"),
            ("task-24-m1", "talent"),
            ("task-24-m2", "talent"),
            ("task-25-m1", "procurement"),
            ("task-26-m1", "market_access"),
            ("task-26-m2", "market_access"),
            ("task-27-m1", "market_access"),
            ("task-28-m1", "reward"),
            ("task-28-m2", "reward"),
            ("task-29-m1", "grant"),
            ("task-29-m2", "grant"),
            ("task-30-m1", "grant"),
            ("task-30-m2", "tax_incentive"),
            ("task-31-m1", "reward"),
            ("task-32-m1", "grant"),
        ]
    );
}

/// C9, C13, D15, D16: the retagged tasks and mechanism.
#[test]
fn retagged_items_carry_their_reviewed_instruments() {
    let data = plan();
    let task = |n: usize| instruments(&data.tasks[n - 1].instruments);
    assert_eq!(task(7), ["research_capacity", "challenge", "platform"]);
    assert_eq!(task(17), ["enterprise_cultivation", "guarantee"]);
    assert_eq!(
        task(19),
        ["listing_support", "enterprise_cultivation", "reward"]
    );
    assert_eq!(task(30), ["grant", "tax_incentive"]);
    assert_eq!(
        instruments(&data.mechanisms[3].instruments),
        ["advisory_service", "awareness"]
    );
    // Consultation stays where the plan hears enterprises: mechanism 1.
    assert_eq!(
        instruments(&data.mechanisms[0].instruments),
        ["coordination", "consultation"]
    );
}

/// D17, D18: the official STIP labels, and a note wherever the nearest type is loose.
#[test]
fn stip_labels_are_the_official_ones() {
    let label = |i: Instrument| (i.stip().code, i.stip().name);
    assert_eq!(
        label(Instrument::Reward),
        (
            "PI020",
            "Science and innovation challenges, prizes and awards"
        )
    );
    assert_eq!(label(Instrument::Challenge), label(Instrument::Reward));
    assert_eq!(
        label(Instrument::TaxIncentive).1,
        "Tax or social contributions relief for firms investing in R&D and innovation"
    );
    assert_eq!(
        label(Instrument::Guarantee).1,
        "Debt guarantees and risk sharing schemes"
    );
    assert_eq!(
        label(Instrument::Monitoring).1,
        "Policy intelligence (e.g. evaluations, benchmarking and forecasts)"
    );
    assert_eq!(
        label(Instrument::Awareness).1,
        "Public awareness campaigns and other outreach activities"
    );
    let noted: Vec<&str> = Instrument::ALL
        .iter()
        .filter(|i| i.stip().note.is_some())
        .map(|i| i.as_str())
        .collect();
    assert_eq!(noted, ["tax_incentive", "talent", "accountability"]);
}

/// E19, E20, E21: unit names follow the official English pattern; 区税务局 is a branch of a
/// vertically managed agency.
#[test]
fn units_have_their_reviewed_names_and_kinds() {
    let unit = |id: &str| plan().units.iter().find(|u| u.id == id).unwrap();
    for (id, english) in [
        (
            "economy-info-commission",
            "District Commission of Economy and Information Technology",
        ),
        (
            "agriculture-commission",
            "District Commission of Agriculture and Rural Affairs",
        ),
        (
            "market-regulation-bureau",
            "District Administration for Market Regulation",
        ),
        ("commerce-commission", "District Commission of Commerce"),
        ("tax-bureau", "District Tax Service"),
        ("district-government", "District Government"),
        ("district-party-committee", "District Party Committee"),
    ] {
        assert_eq!(unit(id).name.en, english, "{id}");
    }
    assert_eq!(unit("tax-bureau").kind, UnitKind::CentralAgencyBranch);
    assert!(unit("tax-bureau").interpretation.is_some());
}

/// B2, B3, B5, B6: what each target counts, and how.
#[test]
fn targets_have_their_reviewed_kinds_and_groups() {
    let data = plan();
    let targets: Vec<(&str, TargetKind, Option<&str>)> = data
        .goals
        .iter()
        .chain(data.tasks.iter().flat_map(|t| t.targets.iter()))
        .map(|t| (t.id.as_ref(), t.kind, t.group.as_deref()))
        .collect();
    assert_eq!(
        targets,
        [
            ("goal-1", TargetKind::Reach, Some("innovative-sme")),
            ("goal-2", TargetKind::Reach, Some("srdi-sme")),
            ("goal-3", TargetKind::Cultivate, Some("little-giant")),
            ("goal-4", TargetKind::Cultivate, None),
            (
                "task-6-t1",
                TargetKind::FullCoverage,
                Some("srdi-enterprises")
            ),
            ("task-8-t1", TargetKind::Cultivate, None),
            ("task-8-t2", TargetKind::Cultivate, None),
            ("task-8-t3", TargetKind::Cultivate, None),
            ("task-19-t1", TargetKind::Select, Some("srdi-enterprises")),
        ]
    );
    assert_eq!(data.tasks[18].targets[0].indicator.zh, "“专精特新”企业");
    assert!(data.tasks[5].targets[0].value.is_none());
    // B2, B7: the readings are stated, not silent.
    for target in [&data.goals[2], &data.tasks[18].targets[0]] {
        assert!(target.interpretation.is_some(), "{}", target.id);
    }
}

/// E22, G31, G32: the lead on its clause, the sector list, the frequencies.
#[test]
fn leads_sectors_and_schedules_are_structure() {
    let data = plan();
    let lead = &data.mechanisms[1].leads;
    assert_eq!(lead.len(), 1);
    assert_eq!(lead[0].unit, "economy-info-commission");
    assert!(lead[0].clause.zh.starts_with("定期将"));
    let sectors = data.tasks[6].sectors.as_ref().unwrap();
    let items: Vec<&str> = sectors.items.iter().map(|s| s.zh.as_ref()).collect();
    assert_eq!(
        items,
        ["清洁能源", "绿色建材", "新能源汽车", "旅游装备及消费品"]
    );
    assert!(sectors.open);
    let frequencies: Vec<Vec<Frequency>> = data
        .mechanisms
        .iter()
        .map(|m| m.schedule.iter().map(|s| s.frequency).collect())
        .collect();
    assert_eq!(
        frequencies,
        [
            vec![Frequency::Regular],
            vec![Frequency::Annual, Frequency::Regular],
            vec![Frequency::WhenAppropriate],
            vec![],
        ]
    );
}

/// G33: the named mechanisms are entities of the items that print them.
#[test]
fn named_mechanisms_are_entities() {
    let data = plan();
    let task = |n: usize| data.tasks[n - 1].entities.to_vec();
    assert_eq!(task(4), ["five-haves-standard"]);
    assert_eq!(
        task(7),
        [
            "industrial-tech-innovation-alliance",
            "jiebang-guashuai",
            "horse-race"
        ]
    );
    assert_eq!(task(17), ["srdi-bond-financing-mechanism"]);
    assert_eq!(
        task(23),
        [
            "srdi-service-liaison-mechanism",
            "one-enterprise-one-policy-one-person"
        ]
    );
    assert_eq!(
        task(24),
        ["srdi-recruitment-mechanism", "live-streaming-recruitment"]
    );
    assert_eq!(
        data.mechanisms[3].entities.to_vec(),
        [
            "municipal-expert-matching-mechanism",
            "municipal-sme-expert-committee"
        ]
    );
}

/// C11, C12: a measure's English translates its whole `zh`, so it says what the Chinese
/// says: the beneficiary, the condition and the document cited.
#[test]
fn measure_english_translates_the_whole_clause() {
    let measure = |id: &str| {
        plan()
            .tasks
            .iter()
            .flat_map(|t| t.measures.iter())
            .find(|m| m.id == id)
            .unwrap()
    };
    let english = &measure("task-31-m1").text.en;
    assert!(
        english.starts_with("SRDI enterprises that are quoted or listed")
            && english.contains("(武隆财政发〔2020〕89号)"),
        "{english}"
    );
    let english = &measure("task-28-m2").text.en;
    assert!(
        english.contains("1,000,000 yuan and 200,000 yuan respectively"),
        "{english}"
    );
    let english = &measure("task-13-m1").text.en;
    assert!(
        english.starts_with("encourage the banking sector"),
        "{english}"
    );
}
