//! Human output: each answer as a table or a short listing, in the chosen language.
//!
//! Presentation only; every fact printed comes from a core query.

use std::fmt::Write as _;
use std::io::Write;

use clap::ValueEnum;
use comfy_table::{ContentArrangement, Table, presets};
use srdi_plan::{
    Cited, Duties, Hit, Issue, Matrix, Measure, Mechanism, Mentions, Plan, Records, Summary,
    Target, TaskView, Text,
};

use crate::Failure;

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
    fn pick(self, text: &Text) -> String {
        match self {
            Self::Zh => text.zh.clone(),
            Self::En => text.en.clone(),
            Self::Both => format!("{}\n{}", text.zh, text.en),
        }
    }

    fn name(self, plan: &Plan, unit_id: &str) -> String {
        plan.unit(unit_id)
            .map_or_else(|| unit_id.to_owned(), |unit| self.pick_short(&unit.name))
    }

    /// One language only, for names inside lists: Chinese unless English was asked for.
    fn pick_short(self, text: &Text) -> String {
        if self == Self::En {
            text.en.clone()
        } else {
            text.zh.clone()
        }
    }
}

/// Width for tables when no terminal says how wide it is (pipes, files).
const DEFAULT_WIDTH: u16 = 100;

/// A table in `preset`, wrapped to the terminal or to [`DEFAULT_WIDTH`].
fn styled(preset: &str) -> Table {
    let mut table = Table::new();
    table
        .load_preset(preset)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if table.width().is_none() {
        table.set_width(DEFAULT_WIDTH);
    }
    table
}

fn table(header: &[&str]) -> Table {
    let mut table = styled(presets::UTF8_BORDERS_ONLY);
    table.set_header(header);
    table
}

/// A table, then a count line, so that an empty answer still says something.
fn finish(table: &Table, count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    if count == 0 {
        format!("no {noun}s\n")
    } else {
        format!("{table}\n{count} {noun}{plural}\n")
    }
}

/// `11–19, 28–32`: numbers as runs.
fn runs(numbers: &[u8]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut iter = numbers.iter().copied().peekable();
    while let Some(start) = iter.next() {
        let mut end = start;
        while iter.peek() == Some(&end.saturating_add(1)) {
            end = iter.next().unwrap_or(end);
        }
        parts.push(if end == start {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
    }
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join(", ")
    }
}

fn place(citation: Option<&str>) -> &str {
    citation.and_then(|c| c.rsplit(' ').next()).unwrap_or("")
}

pub(crate) fn summary(summary: &Summary<'_>, plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let counts = summary.counts;
    let _ = writeln!(out, "{}", lang.pick(summary.title));
    let _ = writeln!(
        out,
        "{} · {} · {}",
        summary.number, summary.issuer, summary.issued
    );
    let _ = writeln!(
        out,
        "{}–{} · {} goals · {} tasks in {} sections · {} measures · {} mechanisms · {} units · {} entities\n",
        summary.period[0],
        summary.period[1],
        counts.goals,
        counts.tasks,
        counts.sections,
        counts.measures,
        counts.mechanisms,
        counts.units,
        counts.entities
    );
    let mut goals = table(&["goal", "value", "indicator", "by"]);
    for goal in &plan.goals {
        let by = goal.by_year.map(|y| y.to_string()).unwrap_or_default();
        goals.add_row(vec![
            goal.id.clone(),
            format!("{} {}", goal.value, goal.count_unit.as_zh()),
            lang.pick(&goal.indicator),
            by,
        ]);
    }
    let _ = writeln!(out, "{goals}\n");
    let mut sections = table(&["section", "title", "tasks", "responsible units"]);
    for section in &plan.sections {
        let tasks: Vec<u8> = plan
            .tasks_in_section(section.number)
            .map(|t| t.number)
            .collect();
        let units: Vec<String> = section
            .responsibility
            .units
            .iter()
            .map(|id| lang.name(plan, id))
            .collect();
        sections.add_row(vec![
            place(plan.citation(&section.id()).as_deref()).to_owned(),
            lang.pick(&section.title),
            format!("{} ({})", tasks.len(), runs(&tasks)),
            units.join("、"),
        ]);
    }
    let _ = writeln!(out, "{sections}");
    out
}

pub(crate) fn tasks(tasks: &[TaskView<'_>], _: &Plan, lang: Lang) -> String {
    let mut rows = table(&["task", "place", "text", "instruments"]);
    for view in tasks {
        let task = view.task;
        let text = task.title.as_ref().unwrap_or(&task.text);
        let instruments: Vec<String> = task.instruments.iter().map(ToString::to_string).collect();
        rows.add_row(vec![
            task.number.to_string(),
            place(Some(&view.citation)).to_owned(),
            lang.pick(text),
            instruments.join(", "),
        ]);
    }
    finish(&rows, tasks.len(), "task")
}

pub(crate) fn task(view: &TaskView<'_>, plan: &Plan, lang: Lang) -> String {
    let task = view.task;
    let mut rows = styled(presets::NOTHING);
    rows.add_row(vec![
        "task".to_owned(),
        format!("{} ({})", task.number, view.id),
    ]);
    rows.add_row(vec!["citation".to_owned(), view.citation.clone()]);
    if let Some(title) = &task.title {
        rows.add_row(vec!["title".to_owned(), lang.pick(title)]);
    }
    rows.add_row(vec!["text".to_owned(), lang.pick(&task.text)]);
    let units: Vec<String> = view
        .responsible_units
        .iter()
        .map(|id| lang.name(plan, id))
        .collect();
    rows.add_row(vec!["units".to_owned(), units.join("、")]);
    let instruments: Vec<String> = task.instruments.iter().map(ToString::to_string).collect();
    rows.add_row(vec!["instruments".to_owned(), instruments.join(", ")]);
    for measure in &task.measures {
        rows.add_row(vec![
            format!("measure {}", measure.id),
            describe(measure, lang),
        ]);
    }
    for target in &task.targets {
        rows.add_row(vec![
            format!("target {}", target.id),
            lang.pick(&target.text),
        ]);
    }
    let entities: Vec<String> = task
        .entities
        .iter()
        .filter_map(|id| plan.entity(id))
        .map(|e| lang.pick_short(&e.name))
        .collect();
    if !entities.is_empty() {
        rows.add_row(vec!["mentions".to_owned(), entities.join("、")]);
    }
    format!("{rows}\n")
}

fn describe(measure: &Measure, lang: Lang) -> String {
    let mut parts = vec![measure.instrument.to_string()];
    if let Some(group) = &measure.beneficiary.group {
        parts.push(format!("for {group}"));
    }
    if let Some(amount) = &measure.amount {
        parts.push(format!("{} {}", amount.value, amount.currency));
    }
    if measure.one_time {
        parts.push("one-time".to_owned());
    }
    format!("{}: {}", parts.join(", "), lang.pick(&measure.text))
}

pub(crate) fn units(duties: &[Duties<'_>], _: &Plan, lang: Lang) -> String {
    let mut rows = table(&["unit", "name", "tasks", "mechanisms"]);
    for duty in duties {
        rows.add_row(vec![
            duty.unit.id.clone(),
            lang.pick(&duty.unit.name),
            runs(&duty.tasks),
            runs(&duty.mechanisms),
        ]);
    }
    finish(&rows, duties.len(), "unit")
}

pub(crate) fn unit(duties: &Duties<'_>, plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", lang.pick(&duties.unit.name), duties.unit.id);
    let _ = writeln!(out, "tasks: {}", runs(&duties.tasks));
    for number in &duties.mechanisms {
        let lead = if duties.leads.contains(number) {
            " — lead"
        } else {
            ""
        };
        if let Some(mechanism) = plan.mechanism(*number) {
            let _ = writeln!(
                out,
                "mechanism {number}: {}{lead}",
                lang.pick_short(&mechanism.title)
            );
        }
    }
    if duties.mechanisms.is_empty() {
        let _ = writeln!(out, "mechanisms: —");
    }
    out
}

pub(crate) fn targets(targets: &[Cited<'_, Target>], _: &Plan, lang: Lang) -> String {
    let mut rows = table(&["target", "value", "indicator", "by", "place"]);
    for cited in targets {
        let target = cited.item;
        rows.add_row(vec![
            target.id.clone(),
            format!("{} {}", target.value, target.count_unit.as_zh()),
            lang.pick(&target.indicator),
            target.by_year.map(|y| y.to_string()).unwrap_or_default(),
            place(cited.citation.as_deref()).to_owned(),
        ]);
    }
    finish(&rows, targets.len(), "target")
}

pub(crate) fn measures(measures: &[Cited<'_, Measure>], _: &Plan, lang: Lang) -> String {
    let mut rows = table(&["measure", "place", "instrument", "for", "amount", "text"]);
    for cited in measures {
        let m = cited.item;
        let amount = m
            .amount
            .as_ref()
            .map(|a| format!("{} {}", a.value, a.currency))
            .unwrap_or_default();
        rows.add_row(vec![
            m.id.clone(),
            place(cited.citation.as_deref()).to_owned(),
            m.instrument.to_string(),
            m.beneficiary.group.clone().unwrap_or_default(),
            amount,
            lang.pick(&m.text),
        ]);
    }
    finish(&rows, measures.len(), "measure")
}

pub(crate) fn mechanisms(mechanisms: &[Cited<'_, Mechanism>], plan: &Plan, lang: Lang) -> String {
    let mut rows = table(&["mechanism", "place", "title", "responsible units", "lead"]);
    for cited in mechanisms {
        let m = cited.item;
        let units: Vec<String> = m
            .responsibility
            .units
            .iter()
            .map(|id| lang.name(plan, id))
            .collect();
        rows.add_row(vec![
            m.number.to_string(),
            place(cited.citation.as_deref()).to_owned(),
            lang.pick(&m.title),
            units.join("、"),
            m.lead
                .as_deref()
                .map(|id| lang.name(plan, id))
                .unwrap_or_default(),
        ]);
    }
    finish(&rows, mechanisms.len(), "mechanism")
}

pub(crate) fn entities(mentions: &[Mentions<'_>], _: &Plan, lang: Lang) -> String {
    let mut rows = table(&["entity", "kind", "name", "tasks", "mechanisms"]);
    for mention in mentions {
        let kind = serde_json::to_value(mention.entity.kind).ok();
        rows.add_row(vec![
            mention.entity.id.clone(),
            kind.as_ref()
                .and_then(|k| k.as_str())
                .unwrap_or_default()
                .to_owned(),
            lang.pick(&mention.entity.name),
            runs(&mention.tasks),
            runs(&mention.mechanisms),
        ]);
    }
    finish(&rows, mentions.len(), "entity")
}

/// Hits in the chosen language; an item that matched only in the other language is kept.
pub(crate) fn hits(hits: &[Hit], _: &Plan, lang: Lang) -> String {
    let language = |hit: &Hit| hit.field.rsplit('.').next().unwrap_or_default().to_owned();
    let preferred = match lang {
        Lang::Zh => Some("zh"),
        Lang::En => Some("en"),
        Lang::Both => None,
    };
    let shown: Vec<&Hit> = hits
        .iter()
        .filter(|hit| {
            preferred.is_none_or(|wanted| {
                language(hit) == wanted
                    || !hits
                        .iter()
                        .any(|other| other.id == hit.id && language(other) == wanted)
            })
        })
        .collect();
    let mut rows = table(&["id", "place", "field", "snippet"]);
    for hit in &shown {
        rows.add_row(vec![
            hit.id.clone(),
            place(hit.citation.as_deref()).to_owned(),
            hit.field.clone(),
            hit.snippet.clone(),
        ]);
    }
    finish(&rows, shown.len(), "hit")
}

pub(crate) fn matrix(matrix: &Matrix<'_>, _: &Plan, lang: Lang) -> String {
    let mut header = vec!["unit".to_owned()];
    header.extend(matrix.tasks.iter().map(ToString::to_string));
    let mut rows = Table::new();
    rows.load_preset(presets::UTF8_BORDERS_ONLY)
        .set_header(header);
    for row in &matrix.rows {
        let mut cells = vec![lang.pick_short(&row.unit.name)];
        cells.extend(
            matrix
                .tasks
                .iter()
                .map(|n| if row.tasks.contains(n) { "●" } else { "" }.to_owned()),
        );
        rows.add_row(cells);
    }
    finish(&rows, matrix.rows.len(), "unit")
}

pub(crate) fn matrix_csv(out: &mut dyn Write, matrix: &Matrix<'_>) -> Result<(), Failure> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header = vec![
        "unit".to_owned(),
        "name_zh".to_owned(),
        "name_en".to_owned(),
    ];
    header.extend(matrix.tasks.iter().map(ToString::to_string));
    writer.write_record(&header)?;
    for row in &matrix.rows {
        let unit = row.unit;
        let mut record = vec![unit.id.clone(), unit.name.zh.clone(), unit.name.en.clone()];
        record.extend(
            matrix
                .tasks
                .iter()
                .map(|n| if row.tasks.contains(n) { "1" } else { "0" }.to_owned()),
        );
        writer.write_record(&record)?;
    }
    Ok(writer.flush()?)
}

pub(crate) fn records_csv(out: &mut dyn Write, records: &Records) -> Result<(), Failure> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(&records.columns)?;
    for row in &records.rows {
        writer.write_record(row)?;
    }
    Ok(writer.flush()?)
}

pub(crate) fn issues(issues: &[Issue]) -> String {
    let mut out = String::new();
    for issue in issues {
        let _ = writeln!(out, "{issue}");
    }
    let errors = issues.iter().filter(|issue| issue.is_error()).count();
    let warnings = issues.len() - errors;
    let _ = match (errors, warnings) {
        (0, 0) => writeln!(out, "valid: no problems found"),
        (0, _) => writeln!(out, "valid, with {warnings} warning(s)"),
        _ => writeln!(out, "invalid: {errors} error(s), {warnings} warning(s)"),
    };
    out
}
