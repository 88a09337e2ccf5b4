//! In-process cost of loading a plan, of each query kind, and of the core work behind each
//! call of the bindings (`binding/…`: the JSON a call sends, the positions a question gets).
//!
//! `make bench` runs this and the plain-JSON baselines side by side (`benches/compare.py`);
//! the tables are in `benches/README.md`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use srdi_plan::{MeasureFilter, Plan, Profile, TaskFilter};

fn filter(unit: Option<&str>, tier: Option<&str>, text: Option<&str>) -> TaskFilter {
    TaskFilter {
        unit: unit.map(Into::into),
        tier: tier.map(Into::into),
        text: text.map(Into::into),
        ..TaskFilter::default()
    }
}

fn queries(c: &mut Criterion) {
    let plan = srdi_plan::wulong();
    let by_unit = filter(Some("区财政局"), None, None);
    let by_tier = filter(None, Some("little-giant"), None);
    let by_text = filter(None, None, Some("首台"));
    let combined = TaskFilter {
        instrument: Some("reward".into()),
        ..filter(Some("区财政局"), Some("little-giant"), None)
    };

    c.bench_function("load/parse_and_validate", |b| {
        b.iter(|| Plan::from_json(black_box(srdi_plan::WULONG_JSON)));
    });
    c.bench_function("tasks/unit", |b| {
        b.iter(|| plan.tasks(black_box(&by_unit)));
    });
    c.bench_function("tasks/tier", |b| {
        b.iter(|| plan.tasks(black_box(&by_tier)));
    });
    c.bench_function("tasks/text", |b| {
        b.iter(|| plan.tasks(black_box(&by_text)));
    });
    c.bench_function("tasks/combined", |b| {
        b.iter(|| plan.tasks(black_box(&combined)));
    });
    c.bench_function("task/number", |b| b.iter(|| plan.task(black_box(28))));
    c.bench_function("unit/duties", |b| {
        b.iter(|| plan.unit(black_box("区统计局")));
    });
    c.bench_function("unit/unknown_with_suggestions", |b| {
        b.iter(|| plan.find_unit(black_box("区财政")));
    });
    let by_measure_tier = MeasureFilter {
        tier: Some("srdi-sme".into()),
        ..MeasureFilter::default()
    };
    c.bench_function("measures/tier", |b| {
        b.iter(|| plan.measures(black_box(&by_measure_tier)));
    });
    c.bench_function("targets/all", |b| b.iter(|| black_box(plan).targets()));
    c.bench_function("entities/mentions", |b| {
        b.iter(|| black_box(plan).entities());
    });
    c.bench_function("matrix/all", |b| b.iter(|| black_box(plan).matrix()));
    c.bench_function("search/zh", |b| b.iter(|| plan.search(black_box("首台"))));
    let profile = Profile::from_json(
        r#"{"tiers": ["srdi-sme"], "recognitions": [{"tier": "srdi-sme", "year": 2023}],
            "events": [], "facts": {"rd-deduction-filing-threshold": true}}"#,
    )
    .expect("a valid profile");
    c.bench_function("entitlements/one_profile", |b| {
        b.iter(|| plan.entitlements(black_box(&profile)));
    });
    // The batch of benches/python_compare.py: 10,000 enterprises of two tiers, recognised
    // in 2021–2026, half of them above a threshold.
    let profiles: Vec<Profile> = (0..10_000)
        .map(|i| {
            let tier = if i % 2 == 1 { "srdi-sme" } else { "innovative-sme" };
            Profile::from_json(&format!(
                r#"{{"id": "e{i}", "tiers": ["{tier}"], "recognitions": [{{"tier": "srdi-sme", "year": {}}}],
                    "events": [], "facts": {{"rd-deduction-filing-threshold": {}}}}}"#,
                2021 + i % 6,
                i % 3 == 0
            ))
            .expect("a valid profile")
        })
        .collect();
    c.bench_function("entitlements/table_of_10000", |b| {
        b.iter(|| plan.entitlement_table(black_box(&profiles)));
    });
    c.bench_function("search/en", |b| {
        b.iter(|| plan.search(black_box("white list")));
    });

    // What the bindings add: answers as JSON, and questions as positions of items.
    c.bench_function("binding/views_json/tasks", |b| {
        b.iter(|| serde_json::to_string(&plan.tasks(&TaskFilter::default()).unwrap()));
    });
    c.bench_function("binding/positions/tasks_unit", |b| {
        b.iter(|| {
            let tasks = plan.task_matches(black_box(&by_unit)).unwrap();
            tasks.iter().map(|at| at.index()).collect::<Vec<_>>()
        });
    });
    c.bench_function("binding/search_json/zh", |b| {
        b.iter(|| serde_json::to_string(&plan.search(black_box("首台")).unwrap()));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = queries
}
criterion_main!(benches);
