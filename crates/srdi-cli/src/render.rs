//! Human output: each answer as a table or a short listing, in the chosen language.
//!
//! Presentation only; every fact printed comes from a core answer. Names of units are looked
//! up by id in the plan; nothing is composed or counted here.

use std::fmt::Write as _;
use std::io::Write;

use clap::ValueEnum;
use srdi_plan::{
    Answer, Citation, CompletenessStatus, Corpus, CorpusAnswer, Cost, Entitlement, EntityView,
    GoalRow, GroupView, Hit, InstrumentView, Issue, ItemKind, ItemRef, Language, Matrix,
    MeasureView, MechanismView, Plan, PlanEntry, PlanStatus, Progress, Summary, TargetKind,
    TargetView, TaskView, Text, Total, UnitView, money,
};

use crate::Failure;
use crate::grid::{self, Grid};

/// Which language tables show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Lang {
    /// The source text.
    Zh,
    /// Our unofficial translation.
    En,
    /// Both, Chinese first.
    Both,
}

impl Lang {
    /// The one language shown, if only one is.
    pub(crate) fn language(self) -> Option<Language> {
        match self {
            Self::Zh => Some(Language::Zh),
            Self::En => Some(Language::En),
            Self::Both => None,
        }
    }

    fn pick(self, text: &Text) -> String {
        self.choose(&text.zh, &text.en)
    }

    fn choose(self, zh: &str, en: &str) -> String {
        match self {
            Self::Zh => zh.to_owned(),
            Self::En if en.is_empty() => zh.to_owned(),
            Self::En => en.to_owned(),
            Self::Both => format!("{zh}\n{en}"),
        }
    }

    /// One language only, for names inside lists: Chinese unless English was asked for.
    fn pick_short(self, text: &Text) -> String {
        if self == Self::En && !text.en.is_empty() {
            text.en.to_string()
        } else {
            text.zh.to_string()
        }
    }

    /// A unit's name by its id.
    fn unit(self, plan: &Plan, id: &str) -> String {
        match plan.item(id) {
            Some(ItemRef::Unit(unit)) => plan
                .get(unit)
                .map_or_else(|| id.to_owned(), |unit| self.pick_short(&unit.name)),
            _ => id.to_owned(),
        }
    }

    fn units(self, plan: &Plan, ids: &[&str]) -> String {
        let names: Vec<String> = ids.iter().map(|id| self.unit(plan, id)).collect();
        names.join(if self == Self::En { "; " } else { "、" })
    }

    /// The place of a citation (`二（五）28`), in the chosen language.
    fn place(self, citation: Option<&Citation>) -> String {
        let place = citation.and_then(|c| c.place.as_ref());
        place.map_or_else(String::new, |place| match self {
            Self::Zh => place.zh(),
            Self::En => place.en(),
            Self::Both => format!("{}\n{}", place.zh(), place.en()),
        })
    }

    fn citation(self, citation: Option<&Citation>) -> String {
        citation.map_or_else(String::new, |c| self.choose(&c.zh(), &c.en()))
    }
}

/// Prints any answer for people.
pub(crate) fn answer(answer: &Answer<'_>, plan: &Plan, lang: Lang) -> String {
    match answer {
        Answer::Summary(summary) => self::summary(summary, plan, lang),
        Answer::Tasks(tasks) => self::tasks(tasks, plan, lang),
        Answer::Task(task) => self::task(task, plan, lang),
        Answer::Units(units) => self::units(units, plan, lang),
        Answer::Unit(unit) => self::unit(unit, plan, lang),
        Answer::Targets(targets) => self::targets(targets, lang),
        Answer::Target(target) => self::targets(std::slice::from_ref(target), lang),
        Answer::Measures(measures) => self::measures(measures, lang),
        Answer::Mechanisms(mechanisms) => self::mechanisms(mechanisms, plan, lang),
        Answer::Mechanism(mechanism) => self::mechanism(mechanism, plan, lang),
        Answer::Entities(entities) => self::entities(entities, plan, lang),
        Answer::Entity(entity) => self::entities(std::slice::from_ref(entity), plan, lang),
        Answer::Hits(hits) => self::hits(hits, lang),
        Answer::Matrix(matrix) => self::matrix(matrix, plan, lang),
        Answer::Instruments(instruments) => self::instruments(instruments, plan),
        Answer::Tiers(tiers) => self::tiers(tiers, lang),
        Answer::Entitlements(entitlements) => self::entitlements(entitlements, plan, lang),
        Answer::Totals(totals) => self::totals(totals),
        Answer::Cost(cost) => self::cost(cost, lang),
        Answer::Progress(progress) => self::progress(progress, lang),
        Answer::Status(status) => self::status(status),
        // Tables go out as JSON or CSV; `export` never renders them for people.
        Answer::Table(_) | _ => String::new(),
    }
}

/// Prints the answer to a question of several plans for people.
pub(crate) fn corpus(answer: &CorpusAnswer<'_>, corpus: &Corpus, lang: Lang) -> String {
    match answer {
        CorpusAnswer::Plans(plans) => self::plans(plans, lang),
        CorpusAnswer::Hits(hits) => {
            let mut rows = Grid::new(&["plan", "id", "place", "snippet"]);
            for hit in hits {
                rows.add_row(vec![
                    hit.plan.to_owned(),
                    hit.hit.id.clone(),
                    lang.place(hit.hit.citation.as_ref()),
                    hit.hit.snippet.clone(),
                ]);
            }
            finish(&rows, hits.len(), "hit")
        }
        CorpusAnswer::Goals(goals) => compared_goals(goals, corpus, lang),
        CorpusAnswer::Measures(measures) => {
            let mut rows = Grid::new(&["for", "measure", "trigger", "amount"]);
            for row in measures {
                let m = row.measure.measure;
                rows.add_row(vec![
                    m.beneficiary
                        .group
                        .as_deref()
                        .unwrap_or_default()
                        .to_owned(),
                    format!(
                        "{}\n{} {}",
                        row.plan,
                        m.id,
                        lang.place(row.measure.citation.as_ref())
                    ),
                    m.trigger.map(|t| t.as_str().to_owned()).unwrap_or_default(),
                    m.amount
                        .as_ref()
                        .map(|a| money(a.value, &a.currency))
                        .unwrap_or_default(),
                ]);
            }
            finish(&rows, measures.len(), "measure")
        }
        CorpusAnswer::Instruments(types) => {
            let mut header = vec!["STIP".to_owned(), "STIP type".to_owned()];
            header.extend(
                corpus
                    .plans()
                    .iter()
                    .map(|p| format!("{}\ntasks/measures/mechanisms", p.id())),
            );
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let mut rows = Grid::new(&header);
            for stip in types {
                let mut cells = vec![stip.code.to_owned(), stip.name.to_owned()];
                cells.extend(stip.plans.iter().map(|p| {
                    match (p.tasks, p.measures, p.mechanisms) {
                        (0, 0, 0) => "—".to_owned(),
                        (tasks, measures, mechanisms) => format!("{tasks}/{measures}/{mechanisms}"),
                    }
                }));
                rows.add_row(cells);
            }
            finish(&rows, types.len(), "instrument type")
        }
        _ => String::new(),
    }
}

fn plans(plans: &[PlanEntry<'_>], lang: Lang) -> String {
    let mut rows = Grid::new(&["plan", "period", "title", "based on"]);
    for entry in plans {
        let based_on: Vec<String> = entry
            .based_on
            .iter()
            .map(|basis| {
                basis
                    .plan
                    .map_or_else(|| lang.pick_short(basis.name), ToOwned::to_owned)
            })
            .collect();
        rows.add_row(vec![
            format!("{}\n{}", entry.plan, entry.number.unwrap_or_default()),
            entry
                .period
                .map(|p| format!("{}–{}", p.start, p.end))
                .unwrap_or_default(),
            lang.pick_short(entry.title),
            based_on.join("\n"),
        ]);
    }
    finish(&rows, plans.len(), "plan")
}

/// Goals side by side: what they count, then each plan's number and the parent's.
fn compared_goals(goals: &[GoalRow<'_>], corpus: &Corpus, lang: Lang) -> String {
    let mut rows = Grid::new(&["counts", "plan", "value", "by", "of parent"]);
    for row in goals {
        let target = row.goal.target;
        let counts = corpus
            .plan(row.plan)
            .and_then(|plan| target.group.as_deref().and_then(|g| group_name(plan, g)))
            .map_or_else(
                || lang.pick_short(&target.indicator),
                |name| lang.pick_short(name),
            );
        let parent = row.localises.as_ref().map_or_else(String::new, |parent| {
            let value = parent.value.map(|v| v.to_string()).unwrap_or_default();
            let share = parent
                .share
                .map(|share| format!("{:.1}% of ", share * 100.0))
                .unwrap_or_default();
            // The parent's kind where it differs: cultivating one is no share of reaching 300.
            let kind = if parent.kind == target.kind {
                String::new()
            } else {
                format!(" ({})", kind(parent.kind))
            };
            format!("{share}{value}{kind}\n{} {}", parent.plan, parent.goal)
        });
        rows.add_row(vec![
            counts,
            format!("{}\n{}", row.plan, target.id),
            format!(
                "{}\n{}",
                lang.pick_short(&row.goal.quantity),
                kind(target.kind)
            ),
            target.by_year.map(|y| y.to_string()).unwrap_or_default(),
            parent,
        ]);
    }
    finish(&rows, goals.len(), "goal")
}

/// The name of a tier, group or defined term of `plan`.
fn group_name<'p>(plan: &'p Plan, id: &str) -> Option<&'p Text> {
    match plan.item(id)? {
        ItemRef::Tier(at) => plan.get(at).map(|tier| &tier.name),
        ItemRef::Group(at) => plan.get(at).map(|group| &group.name),
        ItemRef::Term(at) => plan.get(at).map(|term| &term.term),
        _ => None,
    }
}

/// A table, then a count line, so that an empty answer still says something.
fn finish(table: &Grid, count: usize, noun: &str) -> String {
    if count == 0 {
        format!("no {}\n", plural(noun, 0))
    } else {
        format!("{table}{count} {}\n", plural(noun, count))
    }
}

/// `3 tasks`, `1 entity`.
fn count(number: usize, noun: &str) -> String {
    format!("{number} {}", plural(noun, number))
}

/// `task` → `tasks`, `entity` → `entities`.
fn plural(noun: &str, count: usize) -> String {
    match (count, noun.strip_suffix('y')) {
        (1, _) => noun.to_owned(),
        (_, Some(stem)) => format!("{stem}ies"),
        _ => format!("{noun}s"),
    }
}

/// `11–19, 28–32`: numbers as runs.
fn runs(numbers: &[u16]) -> String {
    runs_of(numbers.iter().map(|&number| (None, number)))
}

/// The tasks of `ids` by number, as runs: `11–19, 28–32`, or `1.1–1.3, 2.1` (section and
/// number) in a plan whose task numbering starts again in each section.
fn task_runs<'a>(plan: &Plan, ids: impl IntoIterator<Item = &'a str>) -> String {
    runs_of(ids.into_iter().filter_map(|id| task_mark(plan, id)))
}

/// A task's number, with its section in a plan whose numbering starts again in each.
fn task_mark(plan: &Plan, id: &str) -> Option<(Option<u16>, u16)> {
    let Some(ItemRef::Task(at)) = plan.item(id) else {
        return None;
    };
    let task = plan.get(at)?;
    let per_section = plan.data().task_numbering == srdi_plan::TaskNumbering::PerSection;
    Some((per_section.then_some(task.section), task.number))
}

/// A task's mark as the runs print it: `28`, or `2.1`.
fn mark((section, number): (Option<u16>, u16)) -> String {
    match section {
        Some(section) => format!("{section}.{number}"),
        None => number.to_string(),
    }
}

/// Marks as runs of consecutive numbers (within a section, where they have one).
fn runs_of(marks: impl Iterator<Item = (Option<u16>, u16)>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut iter = marks.peekable();
    while let Some(start) = iter.next() {
        let mut end = start;
        while iter.peek() == Some(&(end.0, end.1.saturating_add(1))) {
            end = iter.next().unwrap_or(end);
        }
        parts.push(if end == start {
            mark(start)
        } else {
            format!("{}–{}", mark(start), mark(end))
        });
    }
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join(", ")
    }
}

fn summary(summary: &Summary<'_>, plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let document = summary.document;
    let counts = summary.counts;
    let _ = writeln!(out, "{}", lang.pick(&document.title));
    let issuer = summary
        .issuer
        .map(|unit| lang.pick_short(&unit.name))
        .unwrap_or_default();
    let header = [
        document.number.as_deref().map(str::to_owned),
        Some(issuer),
        document.issued.as_deref().map(str::to_owned),
    ];
    let header: Vec<String> = header
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    let _ = writeln!(out, "{}", header.join(" · "));
    let mut line: Vec<String> = Vec::new();
    if let Some(period) = summary.period {
        line.push(format!("{}–{}", period.start, period.end));
    }
    let totals = summary.totals.copied().unwrap_or_default();
    let of = |number: usize, total: Option<u16>, noun: &str| match total {
        Some(total) if usize::from(total) != number => {
            format!("{number} of {total} {}", plural(noun, usize::from(total)))
        }
        _ => count(number, noun),
    };
    line.push(of(counts.goals, totals.goals, "goal"));
    line.push(format!(
        "{} in {}",
        of(counts.tasks, totals.tasks, "task"),
        of(counts.sections, totals.sections, "section")
    ));
    for (number, noun) in [
        (counts.measures, "measure"),
        (counts.mechanisms, "mechanism"),
        (counts.units, "unit"),
        (counts.entities, "entity"),
    ] {
        line.push(count(number, noun));
    }
    let _ = writeln!(out, "{}", line.join(" · "));
    if summary.completeness.status == CompletenessStatus::Partial {
        let missing = summary.completeness.missing.join("; ");
        let _ = writeln!(out, "partial plan; missing: {missing}");
    }
    let _ = writeln!(out);
    let mut goals = Grid::new(&["goal", "kind", "value", "indicator", "by"]);
    for goal in &summary.goals {
        let target = goal.target;
        goals.add_row(vec![
            target.id.to_string(),
            kind(target.kind),
            lang.pick_short(&goal.quantity),
            lang.pick(&target.indicator),
            target.by_year.map(|y| y.to_string()).unwrap_or_default(),
        ]);
    }
    // A plan may state no goals (a set of policy measures): the count above says so.
    if !summary.goals.is_empty() {
        let _ = writeln!(out, "{goals}\n");
    }
    let mut sections = Grid::new(&["section", "title", "tasks", "responsible units"]);
    for section in &summary.sections {
        sections.add_row(vec![
            lang.place(section.citation.as_ref()),
            lang.pick(&section.section.title),
            format!(
                "{} ({})",
                section.tasks.len(),
                task_runs(plan, section.tasks.iter().copied())
            ),
            lang.units(plan, &section.responsible_units),
        ]);
    }
    let _ = writeln!(out, "{sections}");
    out
}

fn tasks(tasks: &[TaskView<'_>], plan: &Plan, lang: Lang) -> String {
    let mut rows = Grid::new(&["task", "place", "text", "instruments"]);
    for view in tasks {
        let task = view.task;
        let text = task.title.as_ref().unwrap_or(&task.text);
        let instruments: Vec<&str> = task.instruments.iter().map(|i| i.as_str()).collect();
        rows.add_row(vec![
            task_runs(plan, [view.id]),
            lang.place(view.citation.as_ref()),
            lang.pick(text),
            instruments.join(", "),
        ]);
    }
    finish(&rows, tasks.len(), "task")
}

fn task(view: &TaskView<'_>, plan: &Plan, lang: Lang) -> String {
    let task = view.task;
    let mut rows = Grid::bare();
    let mut row = |label: &str, value: String| {
        if !value.is_empty() {
            rows.add_row(vec![label.to_owned(), value]);
        }
    };
    row("task", format!("{} ({})", task.number, view.id));
    row("citation", lang.citation(view.citation.as_ref()));
    if let Some(title) = &task.title {
        row("title", lang.pick(title));
    }
    row("text", lang.pick(&task.text));
    row("units", lang.units(plan, &view.responsible_units));
    for lead in task.leads.iter() {
        row(
            "lead",
            format!(
                "{}: {}",
                lang.unit(plan, &lead.unit),
                lang.pick(&lead.clause)
            ),
        );
    }
    row("instruments", instrument_list(&task.instruments));
    if let Some(sectors) = &task.sectors {
        let mut items: Vec<String> = sectors.items.iter().map(|s| lang.pick_short(s)).collect();
        if sectors.open {
            items.push("…".to_owned());
        }
        row(
            "sectors",
            items.join(if lang == Lang::En { ", " } else { "、" }),
        );
    }
    for scheduled in task.schedule.iter() {
        row(scheduled.frequency.as_str(), lang.pick(&scheduled.clause));
    }
    for measure in task.measures.iter() {
        row(&format!("measure {}", measure.id), describe(measure, lang));
    }
    for target in task.targets.iter() {
        row(&format!("target {}", target.id), lang.pick(&target.text));
    }
    row("mentions", mentions(plan, &task.entities, lang));
    if let Some(reading) = &task.interpretation {
        row("reading", reading.to_string());
    }
    format!("{rows}\n")
}

fn mechanism(view: &MechanismView<'_>, plan: &Plan, lang: Lang) -> String {
    let mechanism = view.mechanism;
    let mut rows = Grid::bare();
    let mut row = |label: &str, value: String| {
        if !value.is_empty() {
            rows.add_row(vec![label.to_owned(), value]);
        }
    };
    row("mechanism", format!("{} ({})", mechanism.number, view.id));
    row("citation", lang.citation(view.citation.as_ref()));
    row("title", lang.pick(&mechanism.title));
    row("text", lang.pick(&mechanism.text));
    row("units", lang.units(plan, &view.responsible_units));
    for lead in mechanism.leads.iter() {
        row(
            "lead",
            format!(
                "{}: {}",
                lang.unit(plan, &lead.unit),
                lang.pick(&lead.clause)
            ),
        );
    }
    row("instruments", instrument_list(&mechanism.instruments));
    for scheduled in mechanism.schedule.iter() {
        row(scheduled.frequency.as_str(), lang.pick(&scheduled.clause));
    }
    row("mentions", mentions(plan, &mechanism.entities, lang));
    if let Some(reading) = &mechanism.interpretation {
        row("reading", reading.to_string());
    }
    format!("{rows}\n")
}

fn instrument_list(instruments: &[srdi_plan::Instrument]) -> String {
    let names: Vec<&str> = instruments.iter().map(|i| i.as_str()).collect();
    names.join(", ")
}

/// The names of the entities an item mentions, in the chosen language.
fn mentions(plan: &Plan, ids: &[srdi_plan::Str], lang: Lang) -> String {
    let names: Vec<String> = ids
        .iter()
        .filter_map(|id| match plan.item(id) {
            Some(ItemRef::Entity(entity)) => plan.get(entity),
            _ => None,
        })
        .map(|e| lang.pick_short(&e.name))
        .collect();
    names.join(if lang == Lang::En { "; " } else { "、" })
}

fn describe(measure: &srdi_plan::Measure, lang: Lang) -> String {
    let mut parts = vec![measure.instrument.to_string()];
    if let Some(group) = &measure.beneficiary.group {
        parts.push(format!("for {group}"));
    }
    if let Some(amount) = &measure.amount {
        parts.push(money(amount.value, &amount.currency));
    }
    if measure.one_time {
        parts.push("one-time".to_owned());
    }
    format!("{}: {}", parts.join(", "), lang.pick(&measure.text))
}

fn units(units: &[UnitView<'_>], plan: &Plan, lang: Lang) -> String {
    let mut rows = Grid::new(&["unit", "name", "tasks", "mechanisms"]);
    for view in units {
        rows.add_row(vec![
            view.unit.id.to_string(),
            lang.pick(&view.unit.name),
            task_runs(plan, view.tasks.iter().copied()),
            runs(&view.mechanisms),
        ]);
    }
    finish(&rows, units.len(), "unit")
}

fn unit(view: &UnitView<'_>, plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", lang.pick(&view.unit.name), view.unit.id);
    let _ = writeln!(out, "kind: {}", view.unit.kind);
    if let Some(reading) = &view.unit.interpretation {
        let _ = writeln!(out, "reading: {reading}");
    }
    let filter = srdi_plan::TaskFilter {
        unit: Some(view.unit.id.to_string()),
        ..srdi_plan::TaskFilter::default()
    };
    let tasks = plan.tasks(&filter).unwrap_or_default();
    let _ = writeln!(
        out,
        "tasks: {}",
        task_runs(plan, view.tasks.iter().copied())
    );
    if !tasks.is_empty() {
        let mut rows = Grid::new(&["task", "place", "title", "leads"]);
        for task in &tasks {
            let title = task.task.title.as_ref().unwrap_or(&task.task.text);
            let leads = view.lead_tasks.contains(&task.id);
            rows.add_row(vec![
                task_runs(plan, [task.id]),
                lang.place(task.citation.as_ref()),
                lang.pick(title),
                if leads { "lead" } else { "" }.to_owned(),
            ]);
        }
        let _ = write!(out, "{rows}");
    }
    for number in &view.mechanisms {
        let lead = if view.lead_mechanisms.contains(number) {
            " — lead"
        } else {
            ""
        };
        let title = plan
            .mechanism_numbered(*number)
            .and_then(|at| plan.get(at))
            .map(|mechanism| lang.pick_short(&mechanism.title))
            .unwrap_or_default();
        let _ = writeln!(out, "mechanism {number}: {title}{lead}");
    }
    if view.mechanisms.is_empty() {
        let _ = writeln!(out, "mechanisms: —");
    }
    out
}

/// A name of an answer's (`full_coverage`, `may_apply`) in words, as tables print it.
fn words(name: &str) -> String {
    name.replace('_', " ")
}

/// What a target asks, in words: to cultivate one is not to reach one (重点培育上市企业1家
/// asks for one enterprise cultivated towards listing, not a listed company), so a goal's
/// number is never shown without it.
fn kind(kind: TargetKind) -> String {
    words(kind.as_str())
}

fn targets(targets: &[TargetView<'_>], lang: Lang) -> String {
    let mut rows = Grid::new(&["target", "kind", "value", "indicator", "by", "place"]);
    for view in targets {
        let target = view.target;
        rows.add_row(vec![
            target.id.to_string(),
            kind(target.kind),
            lang.pick_short(&view.quantity),
            lang.pick(&target.indicator),
            target.by_year.map(|y| y.to_string()).unwrap_or_default(),
            lang.place(view.citation.as_ref()),
        ]);
    }
    finish(&rows, targets.len(), "target")
}

fn measures(measures: &[MeasureView<'_>], lang: Lang) -> String {
    // Id over place, and instrument over group: narrow enough for the text at 80 columns.
    let mut rows = Grid::new(&["measure", "instrument", "amount", "text"]);
    for view in measures {
        let m = view.measure;
        let amount = m
            .amount
            .as_ref()
            .map(|a| money(a.value, &a.currency))
            .unwrap_or_default();
        rows.add_row(vec![
            format!("{}\n{}", m.id, lang.place(view.citation.as_ref())),
            format!(
                "{}\n{}",
                m.instrument,
                m.beneficiary.group.as_deref().unwrap_or_default()
            ),
            amount,
            lang.pick(&m.text),
        ]);
    }
    finish(&rows, measures.len(), "measure")
}

fn entitlements(entitlements: &[Entitlement<'_>], plan: &Plan, lang: Lang) -> String {
    // The clause is left to `--explain`: a table of it would be too wide to read. Id over
    // place, and status over instrument and amount, so that what decides the rest (the facts
    // or tests of the last column) has the room to show its ids whole.
    let mut rows = Grid::new(&["measure", "status", "missing or failed"]);
    for e in entitlements {
        let mut status = vec![words(e.status.as_str()), e.instrument.to_string()];
        if let Some(a) = e.amount {
            let once = if e.one_time { ", once" } else { "" };
            status.push(format!("{}{once}", money(a.value, &a.currency)));
        }
        let why = if e.failed.is_empty() {
            e.missing.join(", ")
        } else {
            let failed: Vec<&str> = e.failed.iter().map(|test| test.as_str()).collect();
            failed.join(", ")
        };
        rows.add_row(vec![
            format!("{}\n{}", e.measure, lang.place(e.citation.as_ref())),
            status.join("\n"),
            why,
        ]);
    }
    let mut out = finish(&rows, entitlements.len(), "measure");
    out.push_str(&totals(&plan.entitlement_total(entitlements)));
    out
}

fn totals(totals: &[Total]) -> String {
    if totals.is_empty() {
        return "Total that applies: none stated\n".to_owned();
    }
    let mut out = String::new();
    for t in totals {
        let _ = writeln!(
            out,
            "Total that applies: {} ({})",
            money(t.value, &t.currency),
            t.measures.join(", ")
        );
    }
    out
}

fn progress(progress: &[Progress<'_>], lang: Lang) -> String {
    let mut rows = Grid::new(&[
        "target",
        "place",
        "status",
        "latest",
        "target value",
        "gap",
        "pace/yr",
    ]);
    let number = |value: Option<f64>| value.map_or_else(String::new, |v| format!("{v}"));
    for p in progress {
        let unit = p.unit.unwrap_or_default();
        let latest = p
            .latest
            .as_ref()
            .map_or_else(String::new, |l| format!("{}{unit} ({})", l.value, l.year));
        let goal = match (p.value, p.goal) {
            (Some(value), _) => format!("{value}{unit}"),
            (None, Some(goal)) => format!("{goal}%"),
            (None, None) => String::new(),
        };
        rows.add_row(vec![
            p.target.to_owned(),
            lang.place(p.citation.as_ref()),
            words(p.status.as_str()),
            latest,
            match p.deadline {
                Some(year) => format!("{} {goal} by {year}", kind(p.kind)),
                None => format!("{} {goal}", kind(p.kind)),
            },
            number(p.gap),
            number(p.pace_needed),
        ]);
    }
    finish(&rows, progress.len(), "target")
}

fn status(status: &PlanStatus<'_>) -> String {
    let mut out = format!(
        "{}, as of {}: {}\n",
        status.plan,
        status.as_of,
        words(status.standing.as_str())
    );
    if let Some(issued) = status.issued {
        let _ = writeln!(out, "issued: {issued}");
    }
    if let Some(period) = status.period {
        let _ = writeln!(out, "period: {}–{}", period.start, period.end);
    }
    let due = if status.due.is_empty() {
        "none".to_owned()
    } else {
        status.due.join(", ")
    };
    let _ = writeln!(out, "due by then: {due}");
    out
}

fn cost(cost: &Cost, lang: Lang) -> String {
    let mut rows = Grid::new(&["measure", "place", "year", "count", "amount", "cost"]);
    for line in &cost.lines {
        rows.add_row(vec![
            line.measure.clone(),
            lang.place(line.citation.as_ref()),
            line.year.to_string(),
            line.count.to_string(),
            money(line.amount, &line.currency),
            money(line.value, &line.currency),
        ]);
    }
    let mut out = finish(&rows, cost.lines.len(), "line");
    for sum in &cost.by_year {
        let year = sum.year.map_or_else(String::new, |y| y.to_string());
        let _ = writeln!(out, "{year}: {}", money(sum.value, &sum.currency));
    }
    for sum in &cost.total {
        let _ = writeln!(out, "total: {}", money(sum.value, &sum.currency));
    }
    for left in &cost.not_costed {
        let _ = writeln!(out, "not costed: {} ({})", left.measure, left.reason);
    }
    for assumption in &cost.assumptions {
        let _ = writeln!(out, "assumed: {assumption}");
    }
    out
}

fn mechanisms(mechanisms: &[MechanismView<'_>], plan: &Plan, lang: Lang) -> String {
    let mut rows = Grid::new(&["mechanism", "place", "title", "responsible units", "lead"]);
    for view in mechanisms {
        let m = view.mechanism;
        rows.add_row(vec![
            m.number.to_string(),
            lang.place(view.citation.as_ref()),
            lang.pick(&m.title),
            lang.units(plan, &view.responsible_units),
            lang.units(plan, &view.leading_units),
        ]);
    }
    finish(&rows, mechanisms.len(), "mechanism")
}

fn entities(entities: &[EntityView<'_>], plan: &Plan, lang: Lang) -> String {
    let mut rows = Grid::new(&["entity", "name", "tasks", "mechanisms"]);
    for view in entities {
        rows.add_row(vec![
            format!("{}\n{}", view.entity.id, view.entity.kind.as_str()),
            lang.pick(&view.entity.name),
            task_runs(plan, view.tasks.iter().copied()),
            runs(view.mechanisms),
        ]);
    }
    finish(&rows, entities.len(), "entity")
}

fn hits(hits: &[Hit], lang: Lang) -> String {
    let mut rows = Grid::new(&["id", "place", "field", "snippet"]);
    for hit in hits {
        let language = match hit.language {
            Language::Zh => "zh",
            Language::En => "en",
        };
        rows.add_row(vec![
            hit.id.clone(),
            lang.place(hit.citation.as_ref()),
            format!("{}.{language}", hit.field),
            hit.snippet.clone(),
        ]);
    }
    finish(&rows, hits.len(), "hit")
}

fn tiers(tiers: &[GroupView<'_>], lang: Lang) -> String {
    let mut rows = Grid::new(&["id", "name", "description", "measures"]);
    for view in tiers {
        let kind = match (view.kind, view.rank) {
            (ItemKind::Tier, Some(rank)) => format!("tier {rank}"),
            (ItemKind::Term, _) => "defined term".to_owned(),
            _ => "group".to_owned(),
        };
        let description = match view.definition {
            Some(definition) => format!(
                "{}\n= {}",
                lang.pick_short(definition),
                view.stands_for.join(", ")
            ),
            None if view.within.is_empty() => String::new(),
            None => format!("in {}", view.within.join(", ")),
        };
        rows.add_row(vec![
            format!("{}\n{kind}", view.id),
            lang.pick(view.name),
            description,
            view.measures.len().to_string(),
        ]);
    }
    finish(&rows, tiers.len(), "name")
}

fn instruments(instruments: &[InstrumentView], plan: &Plan) -> String {
    let mut rows = Grid::new(&["instrument", "STIP", "STIP type", "used in", "measures"]);
    for view in instruments {
        // Tasks and mechanisms in one cell: a column each would squeeze the STIP type.
        let tasks = task_runs(plan, view.tasks.iter().map(String::as_str));
        let mechanisms = runs(&view.mechanisms);
        let used: Vec<String> = [
            ("task", view.tasks.len(), tasks),
            ("mechanism", view.mechanisms.len(), mechanisms),
        ]
        .into_iter()
        .filter(|&(_, count, _)| count > 0)
        .map(|(noun, count, runs)| format!("{} {runs}", plural(noun, count)))
        .collect();
        rows.add_row(vec![
            view.id.as_str().to_owned(),
            view.stip.code.to_owned(),
            view.stip.name.to_owned(),
            if used.is_empty() {
                "—".to_owned()
            } else {
                used.join("; ")
            },
            view.measures.len().to_string(),
        ]);
    }
    finish(&rows, instruments.len(), "instrument")
}

/// The matrix in blocks of as many tasks as fit the width side by side with the units.
fn matrix(matrix: &Matrix<'_>, plan: &Plan, lang: Lang) -> String {
    let names: Vec<String> = matrix
        .rows
        .iter()
        .map(|row| lang.pick_short(&row.unit.name))
        .collect();
    let name_width = names
        .iter()
        .map(|n| grid::text_width(n))
        .chain(["unit".len()])
        .max()
        .unwrap_or(0);
    let marks: Vec<String> = matrix
        .tasks
        .iter()
        .map(|id| task_mark(plan, id).map_or_else(|| (*id).to_owned(), mark))
        .collect();
    let mark_width = marks.iter().map(String::len).max().unwrap_or(1);
    // "│ " + names + ("   " + a task's mark) per task + " │"
    let per_block = (grid::width().saturating_sub(name_width + 4) / (mark_width + 3)).max(1);
    let mut out = String::new();
    for (tasks, marks) in matrix.tasks.chunks(per_block).zip(marks.chunks(per_block)) {
        let mut header = vec!["unit".to_owned()];
        header.extend(marks.iter().cloned());
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut rows = Grid::new(&header);
        for (row, name) in matrix.rows.iter().zip(&names) {
            let mut cells = vec![name.clone()];
            cells.extend(
                tasks
                    .iter()
                    .map(|id| if row.tasks.contains(id) { "●" } else { "" }.to_owned()),
            );
            rows.add_row(cells);
        }
        out.push_str(&rows.to_string());
    }
    if matrix.rows.is_empty() {
        return finish(&Grid::bare(), 0, "unit");
    }
    let _ = writeln!(out, "{}", count(matrix.rows.len(), "unit"));
    out
}

pub(crate) fn matrix_csv(out: &mut dyn Write, matrix: &Matrix<'_>) -> Result<(), Failure> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header = vec![
        "unit".to_owned(),
        "name_zh".to_owned(),
        "name_en".to_owned(),
    ];
    header.extend(matrix.tasks.iter().map(|&id| id.to_owned()));
    writer.write_record(&header)?;
    for row in &matrix.rows {
        let unit = row.unit;
        let mut record = vec![
            unit.id.to_string(),
            unit.name.zh.to_string(),
            unit.name.en.to_string(),
        ];
        record.extend(
            matrix
                .tasks
                .iter()
                .map(|id| if row.tasks.contains(id) { "1" } else { "0" }.to_owned()),
        );
        writer.write_record(&record)?;
    }
    Ok(writer.flush()?)
}

/// A table as CSV: a header of column names, then one line per row, each cell as
/// [`srdi_plan::Cell`] prints itself.
pub(crate) fn table_csv(out: &mut dyn Write, table: &srdi_plan::Table) -> Result<(), Failure> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(table.columns.iter().map(|column| column.name))?;
    for row in table.rows() {
        writer.write_record(row.iter().map(ToString::to_string))?;
    }
    Ok(writer.flush()?)
}

/// Records as JSON Lines: one object a line.
pub(crate) fn json_lines<'t>(
    out: &mut dyn Write,
    records: impl Iterator<Item = srdi_plan::Record<'t>>,
) -> Result<(), Failure> {
    for record in records {
        serde_json::to_writer(&mut *out, &record).map_err(std::io::Error::from)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Every issue, except that a code reported more than five times shows its first ones
/// and a count of the rest (a plan without English has hundreds of `missing_translation`).
pub(crate) fn issues(issues: &[Issue]) -> String {
    const SHOWN: usize = 5;
    let mut out = String::new();
    // Codes in the order first seen, with how often each came.
    let mut counts: Vec<(srdi_plan::Code, usize)> = Vec::new();
    for issue in issues {
        let position = counts.iter().position(|(code, _)| *code == issue.code);
        let position = position.unwrap_or_else(|| {
            counts.push((issue.code, 0));
            counts.len() - 1
        });
        let Some((_, count)) = counts.get_mut(position) else {
            continue;
        };
        *count += 1;
        if *count <= SHOWN {
            let _ = writeln!(out, "{issue}");
        }
    }
    for (code, count) in counts.into_iter().filter(|(_, count)| *count > SHOWN) {
        let more = count - SHOWN;
        let _ = writeln!(out, "… and {more} more {code} (`--json` lists every issue)");
    }
    let errors = issues.iter().filter(|issue| issue.is_error()).count();
    let warnings = issues.len() - errors;
    let _ = match (errors, warnings) {
        (0, 0) => writeln!(out, "valid: no problems found"),
        (0, _) => writeln!(
            out,
            "valid, with {warnings} {}",
            plural("warning", warnings)
        ),
        _ => writeln!(
            out,
            "invalid: {errors} {}, {warnings} {}",
            plural("error", errors),
            plural("warning", warnings)
        ),
    };
    out
}
