//! Prints an overview of the embedded plan: the document, its goals, its sections with their
//! responsible units and task counts, and its mechanisms.
//!
//! Run with `cargo run -p srdi-plan --example overview`.

use std::io::{self, Write};

use srdi_plan::{Plan, Unit};

fn main() -> io::Result<()> {
    let plan = srdi_plan::wulong();
    let mut out = io::stdout().lock();
    let document = &plan.document;

    writeln!(out, "{}", document.title.zh)?;
    writeln!(out, "{}", document.title.en)?;
    let issuer = plan
        .unit(&document.issuer)
        .map_or("", |unit| unit.name.zh.as_str());
    writeln!(out, "{} · {issuer} · {}", document.number, document.issued)?;
    writeln!(
        out,
        "period {}–{} · {} tasks in {} sections · {} mechanisms · {} units · {} entities",
        plan.period.start,
        plan.period.end,
        plan.tasks.len(),
        plan.sections.len(),
        plan.mechanisms.len(),
        plan.units.len(),
        plan.entities.len()
    )?;

    writeln!(out, "\nGoals")?;
    for goal in &plan.goals {
        let year = goal
            .by_year
            .map(|year| format!(" by {year}"))
            .unwrap_or_default();
        writeln!(
            out,
            "  {:<7} {:>4}  {}{year}",
            goal.id, goal.value, goal.indicator.zh
        )?;
        writeln!(out, "  {:<7} {:>4}  {}", "", "", goal.indicator.en)?;
    }

    writeln!(out, "\nSections")?;
    for section in &plan.sections {
        let tasks: Vec<u8> = plan
            .tasks_in_section(section.number)
            .map(|task| task.number)
            .collect();
        let (first, last) = (
            tasks.first().copied().unwrap_or(0),
            tasks.last().copied().unwrap_or(0),
        );
        writeln!(out, "  {}  {}", cite(plan, &section.id()), section.title.zh)?;
        writeln!(out, "      {}", section.title.en)?;
        writeln!(out, "      {} tasks ({first}–{last})", tasks.len())?;
        writeln!(
            out,
            "      units: {}",
            names(plan, &section.responsibility.units)
        )?;
    }

    writeln!(out, "\nMechanisms")?;
    for mechanism in &plan.mechanisms {
        writeln!(
            out,
            "  {}  {}",
            cite(plan, &mechanism.id()),
            mechanism.title.zh
        )?;
        writeln!(out, "      {}", mechanism.title.en)?;
        writeln!(
            out,
            "      units: {}",
            names(plan, &mechanism.responsibility.units)
        )?;
    }
    Ok(())
}

/// The place of an item, without the document number.
fn cite(plan: &Plan, id: &str) -> String {
    let citation = plan.citation(id).unwrap_or_default();
    citation.rsplit(' ').next().unwrap_or_default().to_owned()
}

fn names(plan: &Plan, ids: &[String]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .filter_map(|id| plan.unit(id))
        .map(|unit: &Unit| unit.name.zh.as_str())
        .collect();
    names.join("、")
}
