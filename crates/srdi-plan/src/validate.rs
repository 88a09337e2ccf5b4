//! The semantic rules a plan must follow beyond its JSON shape.
//!
//! Every rule runs on every item and reports every violation; nothing stops at the first.
//! Ids are checked while the plan's index is built ([`Index::build`]); the rest is here.
//! A partial plan (see [`Provenance`](crate::Provenance)) may have gaps in its numbering:
//! they are warnings that say what is missing.

use std::borrow::Cow;
use std::collections::hash_map::Entry;

use foldhash::{HashMap, HashSet};

use crate::error::{Code, Issue};
use crate::load::Pruned;
use crate::model::{
    CompletenessStatus, Lead, Measure, PlanData, Responsibility, Scheduled, Str, Target,
    TargetKind, TaskNumbering, Text,
};
use crate::plan::Index;
use crate::refs::ItemRef;
use crate::responsibility;

/// Every rule on `data`, whose index is `index`.
pub(crate) fn rules(data: &PlanData, index: &Index) -> Vec<Issue> {
    rules_after_pruning(data, index, &Pruned::default())
}

/// Every rule on `data`, from which the shape check removed what `pruned` says: rules about
/// lists that lost items, and references to removed items, stay quiet (the shape check
/// already reported them).
pub(crate) fn rules_after_pruning(data: &PlanData, index: &Index, pruned: &Pruned) -> Vec<Issue> {
    let partial = data
        .provenance
        .as_ref()
        .is_some_and(|p| p.completeness.status == CompletenessStatus::Partial);
    let mut check = Checker {
        data,
        index,
        pruned,
        partial,
        issues: Vec::new(),
        used_units: HashSet::default(),
        used_entities: HashSet::default(),
        printed_entities: HashSet::default(),
        amounts: std::collections::HashMap::default(),
        unit_names: std::cell::OnceCell::new(),
    };
    check.numbering();
    check.document();
    check.provenance();
    check.groups();
    check.goals_and_tasks();
    check.mechanisms();
    check.units();
    check.entities();
    check.facts();
    check.texts();
    check.names();
    check.issues
}

struct Checker<'a> {
    data: &'a PlanData,
    index: &'a Index,
    pruned: &'a Pruned,
    /// The plan is marked partial: gaps are expected.
    partial: bool,
    issues: Vec<Issue>,
    used_units: HashSet<&'a str>,
    used_entities: HashSet<&'a str>,
    /// The units' printed names, ready to read responsibility lines against.
    unit_names: std::cell::OnceCell<responsibility::Names<'a>>,
    /// Entities whose name a mention found printed: the names check need not look again.
    printed_entities: HashSet<&'a str>,
    /// The sum of the amounts so far, by currency.
    amounts: std::collections::HashMap<String, u64>,
}

/// Whether `quote` stands in `text`, whitespace aside (copies break lines inside sentences).
fn stands_in(quote: &str, text: &str) -> bool {
    contains(text, quote) || contains(&squash(text), &squash(quote))
}

/// Whether `text` contains `quote`. A quote mostly stands where one of the first few
/// occurrences of its first byte begins: comparing there is much cheaper than setting up a
/// substring searcher, which (`memchr::memmem`) takes over only in a text with more such
/// places than a task's text usually has.
fn contains(text: &str, quote: &str) -> bool {
    // A lead byte of Chinese text (0xE4–0xE9) starts a few dozen characters of a task's text;
    // past that, the searcher's linear time is the better bet.
    const PLACES: usize = 48;
    let (text, quote) = (text.as_bytes(), quote.as_bytes());
    let Some(&first) = quote.first() else {
        return true;
    };
    let mut places = memchr::memchr_iter(first, text);
    for at in places.by_ref().take(PLACES) {
        if text.get(at..).is_some_and(|rest| rest.starts_with(quote)) {
            return true;
        }
    }
    places.next().is_some() && memchr::memmem::find(text, quote).is_some()
}

/// `text` without whitespace; borrowed when it has none, as most Chinese texts.
fn squash(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(char::is_whitespace) {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `3–30`, `7`: a run of numbers for messages.
fn run(first: u16, last: u16) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    }
}

impl<'a> Checker<'a> {
    fn report(&mut self, code: Code, path: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue::new(code, path, message));
    }

    /// Parts, sections, tasks and mechanisms run 1, 2, 3… in order; tasks follow sections;
    /// declared totals hold.
    fn numbering(&mut self) {
        let data = self.data;
        let totals = data.totals.unwrap_or_default();
        let parts: Vec<u16> = data.parts.iter().map(|part| part.number).collect();
        self.sequence("/parts", "part", &parts, totals.parts);
        let sections: Vec<u16> = data.sections.iter().map(|section| section.number).collect();
        self.sequence("/sections", "section", &sections, totals.sections);
        let mechanisms: Vec<u16> = data.mechanisms.iter().map(|m| m.number).collect();
        self.sequence("/mechanisms", "mechanism", &mechanisms, totals.mechanisms);
        if data.task_numbering == TaskNumbering::PerSection {
            for section in data.sections.iter() {
                let numbers: Vec<u16> = data
                    .tasks
                    .iter()
                    .filter(|task| task.section == section.number)
                    .map(|task| task.number)
                    .collect();
                let noun = format!("task of section {}", section.number);
                self.sequence("/tasks", &noun, &numbers, None);
            }
        } else {
            let tasks: Vec<u16> = data.tasks.iter().map(|task| task.number).collect();
            self.sequence("/tasks", "task", &tasks, totals.tasks);
        }
        if let Some(goals) = totals.goals {
            let count = u16::try_from(data.goals.len()).unwrap_or(u16::MAX);
            self.total("/goals", "goal", count, goals);
        }

        let known: HashSet<u16> = data.sections.iter().map(|s| s.number).collect();
        let mut previous = 0;
        for (i, task) in data.tasks.iter().enumerate() {
            if !known.contains(&task.section) {
                if !self.pruned.touched("/sections") {
                    let message = format!(
                        "task {} names section {}, which does not exist",
                        task.number, task.section
                    );
                    self.report(Code::UnknownSection, format!("/tasks/{i}/section"), message);
                }
            } else if task.section < previous {
                let message = format!(
                    "task {} of section {} comes after a task of section {previous}; \
                     tasks must be listed section by section",
                    task.number, task.section
                );
                self.report(Code::SectionOrder, format!("/tasks/{i}/section"), message);
            }
            previous = previous.max(task.section);
        }
        if !self.pruned.touched("/tasks") && !self.partial {
            let used: HashSet<u16> = data.tasks.iter().map(|t| t.section).collect();
            for (i, section) in data.sections.iter().enumerate() {
                if !used.contains(&section.number) {
                    let message = format!("section {} has no task", section.number);
                    self.report(Code::EmptySection, format!("/sections/{i}"), message);
                }
            }
        }
    }

    /// Reports numbers that do not follow their predecessor by one, starting at 1: errors in a
    /// complete plan, one warning naming every missing number in a partial one.
    fn sequence(&mut self, list: &str, noun: &str, numbers: &[u16], total: Option<u16>) {
        if self.pruned.touched(list) {
            return;
        }
        let mut missing: Vec<String> = Vec::new();
        let mut previous = 0u16;
        for (i, &number) in numbers.iter().enumerate() {
            let expected = previous.saturating_add(1);
            if number > expected && self.partial {
                missing.push(run(expected, number - 1));
            } else if number != expected {
                let message = if previous == 0 {
                    format!("the first {noun} is numbered {number}; numbering starts at 1")
                } else if number > expected {
                    format!(
                        "{noun} {number} follows {noun} {previous}: {noun} {} is missing \
                         (a plan of which only part survives says so in \
                         provenance.completeness)",
                        run(expected, number - 1)
                    )
                } else {
                    format!("{noun} {number} follows {noun} {previous}: numbers must rise by one")
                };
                let index = self.index_of(noun, i);
                self.report(
                    Code::BadNumbering,
                    format!("{list}/{index}/number"),
                    message,
                );
            }
            previous = previous.max(number);
        }
        if let Some(total) = total {
            if self.partial && total > previous {
                missing.push(run(previous + 1, total));
            } else if !self.partial {
                let count = u16::try_from(numbers.len()).unwrap_or(u16::MAX);
                self.total(list, noun, count, total);
            }
        }
        if !missing.is_empty() {
            let plural = match missing.as_slice() {
                [one] if !one.contains('–') => format!("{noun} {one} is"),
                _ => format!("{noun}s {} are", missing.join(", ")),
            };
            self.report(
                Code::MissingItems,
                list,
                format!("{plural} missing from this partial plan"),
            );
        }
    }

    /// The position in the whole list of the `i`-th numbered item of `noun` (tasks numbered
    /// per section are checked a section at a time).
    fn index_of(&self, noun: &str, i: usize) -> usize {
        let Some(section) = noun.strip_prefix("task of section ") else {
            return i;
        };
        let section: u16 = section.parse().unwrap_or_default();
        self.data
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, task)| task.section == section)
            .nth(i)
            .map_or(i, |(index, _)| index)
    }

    /// A complete plan has as many items of a list as it declares.
    fn total(&mut self, list: &str, noun: &str, count: u16, total: u16) {
        if count != total {
            let message = format!(
                "the plan declares {total} {noun}s but has {count}; a plan of which only part \
                 survives says so in provenance.completeness"
            );
            self.report(Code::CountMismatch, format!("/totals{list}"), message);
        }
    }

    fn document(&mut self) {
        let data = self.data;
        let document = &data.document;
        if let Some(period) = data.period
            && period.start > period.end
        {
            let message = format!(
                "the period ends ({}) before it starts ({})",
                period.end, period.start
            );
            self.report(Code::InvalidPeriod, "/period", message);
        }
        if let Some(issuer) = &document.issuer {
            self.unit_ref(|| "/document/issuer".into(), issuer);
        }
        if let Some(approval) = &document.approval {
            if let Some(by) = &approval.by {
                self.unit_ref(|| "/document/approval/by".into(), by);
            }
            if approval.meeting.is_none() && approval.statement.is_none() {
                let message = "an approval names the meeting that adopted the plan or the \
                               printed statement of approval (已经…同意)";
                self.report(Code::InvalidApproval, "/document/approval", message);
            }
        }
        if let Some(printed_by) = &document.printed_by {
            self.unit_ref(|| "/document/printed_by".into(), printed_by);
        }
        for (i, unit) in document.cc.iter().enumerate() {
            self.unit_ref(|| format!("/document/cc/{i}"), unit);
        }
        for (i, basis) in document.based_on.iter().enumerate() {
            self.entity_ref(|| format!("/document/based_on/{i}"), basis);
        }
        for (path, date) in [
            ("/document/issued", &document.issued),
            ("/document/printed", &document.printed),
        ] {
            self.date(path, date.as_deref());
        }
    }

    fn date(&mut self, path: &str, date: Option<&str>) {
        if let Some(date) = date
            && !is_date(date)
        {
            let message = format!("`{date}` is not a valid date in the form YYYY-MM-DD");
            self.report(Code::InvalidDate, path, message);
        }
    }

    /// Inferred values point at values of this file; dates are dates.
    fn provenance(&mut self) {
        let Some(provenance) = &self.data.provenance else {
            return;
        };
        for (i, source) in provenance.sources.iter().enumerate() {
            self.date(
                &format!("/provenance/sources/{i}/accessed"),
                source.accessed.as_deref(),
            );
        }
        if let Some(registry) = &provenance.registry {
            self.date(
                "/provenance/registry/published",
                registry.published.as_deref(),
            );
        }
        if provenance.inferred.is_empty() {
            return;
        }
        // Through the text, which the file format is: one serializer for every surface.
        let value = serde_json::to_string(self.data)
            .and_then(|json| serde_json::from_str::<serde_json::Value>(&json));
        let Ok(value) = value else {
            return;
        };
        for (i, inference) in provenance.inferred.iter().enumerate() {
            if value.pointer(&inference.path).is_none() {
                let message = format!(
                    "`{}` points at no value of this plan; an inferred value is named by the \
                     JSON Pointer of its field, e.g. /document/number",
                    inference.path
                );
                self.report(
                    Code::UnknownPath,
                    format!("/provenance/inferred/{i}/path"),
                    message,
                );
            }
        }
    }

    /// Defined terms stand for known tiers and groups, and for at least one.
    fn groups(&mut self) {
        for (i, term) in self.data.defined_terms.iter().enumerate() {
            for (j, member) in term.stands_for.iter().enumerate() {
                self.group_ref(|| format!("/defined_terms/{i}/stands_for/{j}"), member);
            }
            if term.stands_for.is_empty() {
                let message = format!(
                    "the term `{}` stands for nothing, so questions about it answer nothing; \
                     list the tiers or groups it stands for",
                    term.term.zh
                );
                self.report(
                    Code::EmptyTerm,
                    format!("/defined_terms/{i}/stands_for"),
                    message,
                );
            }
            self.quote(
                &|| format!("/defined_terms/{i}/term"),
                &term.term,
                &term.definition.zh,
                "its definition",
            );
        }
    }

    fn goals_and_tasks(&mut self) {
        let data = self.data;
        let goals_text = data
            .parts
            .iter()
            .find(|part| part.content == crate::model::PartContent::Goals)
            .and_then(|part| part.text.as_ref());
        for (i, goal) in data.goals.iter().enumerate() {
            let path = || format!("/goals/{i}");
            self.target(&path, goal);
            if let Some(text) = goals_text {
                self.quote(
                    &|| format!("{}/text", path()),
                    &goal.text,
                    &text.zh,
                    "the goals' part",
                );
            }
        }
        for (i, section) in data.sections.iter().enumerate() {
            if let Some(responsibility) = &section.responsibility {
                self.responsibility(&|| format!("/sections/{i}/responsibility"), responsibility);
            }
        }
        for (i, task) in data.tasks.iter().enumerate() {
            let path = || format!("/tasks/{i}");
            let whole = match &task.title {
                Some(title) => Cow::Owned(format!("{}。{}", title.zh, task.text.zh)),
                None => Cow::Borrowed(task.text.zh.as_ref()),
            };
            if let Some(own) = &task.responsibility {
                self.responsibility(&|| format!("{}/responsibility", path()), own);
            }
            // A partial plan may have lost the line (it often follows the section's tasks).
            let none = self
                .index
                .responsible
                .get(i)
                .is_none_or(|units| units.is_empty());
            let quiet =
                self.partial || self.pruned.touched("/sections") || self.pruned.touched("/units");
            if none && !quiet {
                let message = format!(
                    "task {} has no responsible unit: neither it nor its section prints one",
                    task.number
                );
                self.report(Code::NoResponsibleUnit, path(), message);
            }
            for (j, group) in task.aimed_at.iter().enumerate() {
                self.group_ref(|| format!("{}/aimed_at/{j}", path()), group);
            }
            for (j, target) in task.targets.iter().enumerate() {
                let target_path = || format!("{}/targets/{j}", path());
                self.target(&target_path, target);
                self.quote(
                    &|| format!("{}/text", target_path()),
                    &target.text,
                    &whole,
                    "its task",
                );
            }
            for (j, measure) in task.measures.iter().enumerate() {
                let measure_path = || format!("{}/measures/{j}", path());
                self.measure(&measure_path, measure);
                self.quote(
                    &|| format!("{}/text", measure_path()),
                    &measure.text,
                    &whole,
                    "its task",
                );
            }
            self.mentions(&path, &task.entities, &whole);
            self.clauses(&path, &task.leads, &task.schedule, &whole);
            if let Some(sectors) = &task.sectors {
                for (j, sector) in sectors.items.iter().enumerate() {
                    let at = || format!("{}/sectors/items/{j}", path());
                    self.quote(&at, sector, &whole, "its task");
                }
            }
        }
    }

    /// A quoted text (`quote`, at `path`) stands inside the text it is taken from.
    fn quote(&mut self, path: &dyn Fn() -> String, quote: &Text, within: &str, what: &str) {
        if !quote.zh.trim().is_empty() && !stands_in(&quote.zh, within) {
            let message = format!(
                "`{}` does not stand in the text of {what}; a quoted clause is copied from it \
                 verbatim",
                quote.zh
            );
            self.report(Code::QuoteNotFound, format!("{}/zh", path()), message);
        }
    }

    /// The entities an item mentions are printed in its text, by their names.
    fn mentions(&mut self, path: &dyn Fn() -> String, entities: &'a [Str], text: &str) {
        for (j, id) in entities.iter().enumerate() {
            let at = || format!("{}/entities/{j}", path());
            self.entity_ref(at, id);
            let Some(ItemRef::Entity(entity)) = self.index.ids.get(id.as_ref()) else {
                continue;
            };
            let Some(entity) = self.data.entities.get(entity.index()) else {
                continue;
            };
            if stands_in(&entity.name.zh, text) {
                self.printed_entities.insert(id);
            } else {
                let message = format!(
                    "the entity `{id}` ({}) is not named in this item's text",
                    entity.name.zh
                );
                self.report(Code::QuoteNotFound, at(), message);
            }
        }
    }

    /// Leads and schedules quote clauses of the item's text, and leads name known units.
    fn clauses(
        &mut self,
        path: &dyn Fn() -> String,
        leads: &'a [Lead],
        schedule: &[Scheduled],
        text: &str,
    ) {
        for (j, lead) in leads.iter().enumerate() {
            self.unit_ref(|| format!("{}/leads/{j}/unit", path()), &lead.unit);
            self.quote(
                &|| format!("{}/leads/{j}/clause", path()),
                &lead.clause,
                text,
                "its item",
            );
        }
        for (j, scheduled) in schedule.iter().enumerate() {
            let at = || format!("{}/schedule/{j}/clause", path());
            self.quote(&at, &scheduled.clause, text, "its item");
        }
    }

    fn target(&mut self, path: &dyn Fn() -> String, target: &Target) {
        match target.value {
            None if target.kind != TargetKind::FullCoverage
                && !self.pruned.dropped(&format!("{}/value", path())) =>
            {
                let message = format!(
                    "a `{}` target needs a value; only `full_coverage` may go without",
                    target.kind
                );
                self.report(Code::MissingValue, format!("{}/value", path()), message);
            }
            Some(value) if !value.is_positive() && target.kind != TargetKind::Reduce => {
                let message = "a target's value must be positive";
                self.report(Code::NotPositive, format!("{}/value", path()), message);
            }
            _ => {}
        }
        if let (Some(value), Some(printed)) = (target.value, &target.printed) {
            self.printed_quantity(
                &|| format!("{}/printed", path()),
                printed,
                (value, target.unit.as_deref()),
                target.interpretation.is_some(),
            );
        }
        let quantity = crate::quantity::render(target);
        let positive = target.value.is_some_and(crate::model::Decimal::is_positive);
        if positive && !stands_in(&quantity.zh, &target.text.zh) {
            let message = format!(
                "the quantity `{}` is not in the target's clause `{}`; check the clause, the \
                 value, or `printed` (the form the text prints when it differs from the value \
                 and unit, e.g. 2.5万家)",
                quantity.zh, target.text.zh
            );
            self.report(Code::QuoteNotFound, format!("{}/value", path()), message);
        }
        self.quote(
            &|| format!("{}/indicator", path()),
            &target.indicator,
            &target.text.zh,
            "the target",
        );
        if let Some(group) = &target.group {
            self.group_ref(|| format!("{}/group", path()), group);
            self.group_named(&|| format!("{}/group", path()), group, target);
        }
        let mut years: Vec<(String, u16)> = target
            .milestones
            .iter()
            .enumerate()
            .map(|(j, m)| (format!("{}/milestones/{j}/year", path()), m.year))
            .collect();
        if let Some(year) = target.by_year {
            years.push((format!("{}/by_year", path()), year));
        }
        if let Some(baseline) = &target.baseline
            && target.by_year.is_some_and(|by| baseline.year >= by)
        {
            let message = "the baseline's year must come before the target's";
            self.report(
                Code::YearOutsidePeriod,
                format!("{}/baseline/year", path()),
                message,
            );
        }
        for (j, milestone) in target.milestones.iter().enumerate() {
            if let Some(printed) = &milestone.printed {
                let at = || format!("{}/milestones/{j}/printed", path());
                let quantity = (milestone.value, target.unit.as_deref());
                self.printed_quantity(&at, printed, quantity, target.interpretation.is_some());
            }
            if target.by_year.is_some_and(|by| milestone.year > by) {
                let message = format!(
                    "the milestone of {} comes after the target's year",
                    milestone.year
                );
                self.report(
                    Code::YearOutsidePeriod,
                    format!("{}/milestones/{j}/year", path()),
                    message,
                );
            }
        }
        if let Some(period) = self.data.period {
            for (at, year) in years {
                if !period.contains(year) {
                    let message = format!(
                        "{year} lies outside the plan period {}–{}",
                        period.start, period.end
                    );
                    self.report(Code::YearOutsidePeriod, at, message);
                }
            }
        }
    }

    /// A target's clause names the group it counts, by the printed name of the tier, group or
    /// term (a check against a group chosen by mistake).
    fn group_named(&mut self, path: &dyn Fn() -> String, group: &str, target: &Target) {
        let data = self.data;
        let name = match self.index.ids.get(group) {
            Some(ItemRef::Tier(at)) => data.tiers.get(at.index()).map(|t| &t.name),
            Some(ItemRef::Group(at)) => data.groups.get(at.index()).map(|g| &g.name),
            Some(ItemRef::Term(at)) => data.defined_terms.get(at.index()).map(|t| &t.term),
            _ => None,
        };
        if let Some(name) = name
            && !stands_in(&name.zh, &target.text.zh)
            && !stands_in(&name.zh, &target.indicator.zh)
        {
            let message = format!(
                "the target counts `{group}`, but its clause does not name {}; check `group`, \
                 or say in `interpretation` why it counts that group",
                name.zh
            );
            if target.interpretation.is_none() {
                self.report(Code::GroupNotNamed, path(), message);
            }
        }
    }

    /// A printed quantity reads as the value and unit stored beside it; one that is no
    /// number (翻一番) is a warning unless an interpretation (`explained`) says how it was read.
    fn printed_quantity(
        &mut self,
        path: &dyn Fn() -> String,
        printed: &str,
        (value, unit): (crate::model::Decimal, Option<&str>),
        explained: bool,
    ) {
        let Some((read, read_unit)) = crate::quantity::parse(printed) else {
            if !explained {
                let message = format!(
                    "`{printed}` reads as no number, so the value {value}{} is not checked \
                     against it; say in `interpretation` how the value was read",
                    unit.unwrap_or_default()
                );
                self.report(Code::UnreadQuantity, path(), message);
            }
            return;
        };
        // A printed number without its unit (奖励30万 for 300,000 元) names no other unit.
        let unit_differs = unit.is_some_and(|unit| unit != read_unit) && !read_unit.is_empty();
        if read != value || unit_differs {
            let magnitude = unit.and_then(crate::quantity::magnitude_of);
            let message = match magnitude {
                Some(word) => format!(
                    "`{printed}` reads as {read}{read_unit}: the unit must not carry the \
                     magnitude {word}; store the value {read} with the unit {read_unit}, \
                     and keep {printed} in `printed`"
                ),
                None => format!(
                    "`{printed}` reads as {read}{read_unit}, not as {value}{}",
                    unit.unwrap_or_default()
                ),
            };
            self.report(Code::QuantityMismatch, path(), message);
        }
    }

    fn measure(&mut self, path: &dyn Fn() -> String, measure: &'a Measure) {
        if let Some(group) = &measure.beneficiary.group {
            self.group_ref(|| format!("{}/beneficiary/group", path()), group);
        }
        if let Some(condition) = &measure.beneficiary.condition {
            let at = || format!("{}/beneficiary/condition", path());
            self.quote(&at, condition, &measure.text.zh, "the measure");
        }
        if let Some(amount) = &measure.amount {
            if amount.value == 0 {
                let message = "an amount must be positive";
                self.report(
                    Code::NotPositive,
                    format!("{}/amount/value", path()),
                    message,
                );
            }
            // Amounts add up to an enterprise's total: all of them together must stay exact.
            // Said once, where the sum passes the bound.
            let sum = self.amounts.entry(amount.currency.to_string()).or_default();
            let largest = crate::LARGEST_NUMBER.unsigned_abs();
            let before = *sum;
            *sum = before.saturating_add(amount.value);
            if before <= largest && *sum > largest {
                let message = format!(
                    "the plan's amounts in {} come to more than {}, the largest whole number \
                     every surface holds exactly",
                    amount.currency,
                    crate::LARGEST_NUMBER
                );
                let at = format!("{}/amount/value", path());
                self.report(Code::OutOfRange, at, message);
            }
            let currency = &amount.currency;
            if !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase())) {
                let message = format!("`{currency}` is not an ISO 4217 currency code such as CNY");
                let at = format!("{}/amount/currency", path());
                self.report(Code::InvalidCurrency, at, message);
            }
            if let Some(printed) = &amount.printed {
                let value = i64::try_from(amount.value).map(crate::model::Decimal::whole);
                if let Ok(value) = value {
                    let at = || format!("{}/amount/printed", path());
                    let explained = measure.interpretation.is_some();
                    self.printed_quantity(&at, printed, (value, Some("元")), explained);
                    if !stands_in(printed, &measure.text.zh) {
                        let message = format!("`{printed}` is not printed in the measure's text");
                        self.report(Code::QuoteNotFound, at(), message);
                    }
                }
            }
        }
        for (i, unit) in measure.approved_by.iter().enumerate() {
            self.unit_ref(|| format!("{}/approved_by/{i}", path()), unit);
        }
        if let Some(basis) = &measure.legal_basis {
            self.entity_ref(|| format!("{}/legal_basis", path()), basis);
        }
        if let Some(years) = measure.years
            && years.end < years.start
        {
            let message = format!(
                "the years end ({}) before they start ({})",
                years.end, years.start
            );
            self.report(Code::InvalidPeriod, format!("{}/years", path()), message);
        }
        if let Some(conditions) = &measure.conditions {
            for id in conditions.facts() {
                let Some(fact) = self.data.facts.iter().find(|fact| fact.id == id) else {
                    let message = format!(
                        "the conditions name the fact `{id}`, which `facts` does not declare"
                    );
                    self.report(Code::UnknownFact, format!("{}/conditions", path()), message);
                    continue;
                };
                let compared = conditions.compares(id);
                let number = fact.kind == crate::model::FactKind::Number;
                if compared != number || (number && conditions.asks(id)) {
                    let message = if compared && !number {
                        format!(
                            "the conditions compare `{id}`, a yes-or-no fact; declare it `\"kind\": \"number\"`"
                        )
                    } else {
                        format!(
                            "the conditions ask whether `{id}` holds, but it is a number; compare it with `at_least` or `at_most`"
                        )
                    };
                    self.report(Code::WrongType, format!("{}/conditions", path()), message);
                }
            }
        }
    }

    /// Each fact is named by words printed in a measure that asks about it (its id is checked
    /// with every other id).
    fn facts(&mut self) {
        for (i, fact) in self.data.facts.iter().enumerate() {
            let path = format!("/facts/{i}");
            let askers: Vec<&Measure> = self
                .data
                .tasks
                .iter()
                .flat_map(|task| task.measures.iter())
                .filter(|m| {
                    m.conditions
                        .as_ref()
                        .is_some_and(|c| c.facts().contains(&fact.id.as_ref()))
                })
                .collect();
            let printed = askers.iter().any(|m| {
                stands_in(&fact.name.zh, &m.text.zh)
                    || m.beneficiary
                        .condition
                        .as_ref()
                        .is_some_and(|c| stands_in(&fact.name.zh, &c.zh))
            });
            if !askers.is_empty() && !printed {
                let message = format!(
                    "`{}` does not stand in the text of a measure that asks about the fact; a fact is \
                     named by the printed words that state it",
                    fact.name.zh
                );
                self.report(Code::QuoteNotFound, format!("{path}/name/zh"), message);
            }
        }
    }

    fn mechanisms(&mut self) {
        for (i, mechanism) in self.data.mechanisms.iter().enumerate() {
            let path = || format!("/mechanisms/{i}");
            if let Some(responsibility) = &mechanism.responsibility {
                self.responsibility(&|| format!("{}/responsibility", path()), responsibility);
            }
            self.mentions(&path, &mechanism.entities, &mechanism.text.zh);
            self.clauses(
                &path,
                &mechanism.leads,
                &mechanism.schedule,
                &mechanism.text.zh,
            );
        }
    }

    /// Every listed unit exists, and the printed line names exactly these units, in these
    /// roles and this order.
    fn responsibility(&mut self, path: &dyn Fn() -> String, responsibility: &'a Responsibility) {
        for (role, list) in [
            ("lead", &responsibility.lead),
            ("units", &responsibility.units),
            ("cooperating", &responsibility.cooperating),
        ] {
            for (i, id) in list.iter().enumerate() {
                self.unit_ref(|| format!("{}/{role}/{i}", path()), id);
            }
        }
        let Some(line) = &responsibility.text else {
            return;
        };
        if self.pruned.touched("/units") {
            return;
        }
        let units = &self.data.units;
        let names: Vec<&str> = units.iter().map(|unit| unit.name.zh.as_ref()).collect();
        let read = self
            .unit_names
            .get_or_init(|| responsibility::Names::new(&names))
            .read(&line.zh);
        let ids = |positions: &[usize]| -> Vec<&str> {
            positions
                .iter()
                .filter_map(|&i| units.get(i).map(|unit| unit.id.as_ref()))
                .collect()
        };
        let mut problems: Vec<String> = Vec::new();
        for (role, printed, listed) in [
            ("lead", ids(&read.lead), &responsibility.lead),
            ("units", ids(&read.units), &responsibility.units),
            (
                "cooperating",
                ids(&read.cooperating),
                &responsibility.cooperating,
            ),
        ] {
            let listed: Vec<&str> = listed.iter().map(AsRef::as_ref).collect();
            if printed != listed {
                problems.push(format!(
                    "{role}: the line reads [{}], the list gives [{}]",
                    self.names_of(&printed),
                    self.names_of(&listed)
                ));
            }
        }
        for unread in &read.unread {
            let hint = crate::query::closest_name(unread, &names)
                .map(|near| format!(" (the nearest unit name is `{near}`)"))
                .unwrap_or_default();
            problems.push(format!(
                "`{unread}` is not the printed name of a unit{hint}"
            ));
        }
        if !problems.is_empty() {
            let message = format!(
                "the printed line `{}` does not match: {}",
                line.zh,
                problems.join("; ")
            );
            self.report(Code::ResponsibilityMismatch, path(), message);
        }
    }

    fn names_of(&self, ids: &[&str]) -> String {
        let name = |id: &str| match self.index.ids.get(id) {
            Some(ItemRef::Unit(unit)) => self
                .data
                .units
                .get(unit.index())
                .map_or_else(|| id.to_owned(), |unit| format!("{} ({id})", unit.name.zh)),
            _ => id.to_owned(),
        };
        ids.iter().map(|id| name(id)).collect::<Vec<_>>().join("、")
    }

    /// Unit names are unique, in Chinese and in English, as lookups by name read them; every
    /// unit is used.
    fn units(&mut self) {
        let data = self.data;
        self.distinct_names("units", data.units.iter().map(|unit| &unit.name));
        for (i, unit) in data.units.iter().enumerate() {
            if !self.used_units.contains(unit.id.as_ref()) {
                let message = format!("no item refers to unit `{}`", unit.id);
                self.report(Code::UnusedUnit, format!("/units/{i}"), message);
            }
        }
    }

    /// Entity names are unique as unit names are; every entity is used.
    fn entities(&mut self) {
        let data = self.data;
        self.distinct_names("entities", data.entities.iter().map(|entity| &entity.name));
        for (i, entity) in data.entities.iter().enumerate() {
            if !self.used_entities.contains(entity.id.as_ref()) {
                let message = format!("no item refers to entity `{}`", entity.id);
                self.report(Code::UnusedEntity, format!("/entities/{i}"), message);
            }
        }
    }

    /// Names of the items at `/{list}` that a lookup by name cannot tell apart: the same in
    /// one language once it sets aside what it sets aside (spaces, quotation marks and the
    /// case of ASCII letters).
    fn distinct_names<'n>(&mut self, list: &str, names: impl Iterator<Item = &'n Text>) {
        let mut seen: HashMap<(&str, String), (usize, &'n str)> = HashMap::default();
        for (i, name) in names.enumerate() {
            for (language, shown) in [("zh", name.zh.as_ref()), ("en", name.en.as_ref())] {
                let key = crate::query::normalize(shown);
                if key.is_empty() {
                    continue;
                }
                match seen.entry((language, key)) {
                    Entry::Vacant(entry) => {
                        entry.insert((i, shown));
                    }
                    Entry::Occupied(entry) => {
                        let (first, other) = *entry.get();
                        let message = if other == shown {
                            format!("the name `{shown}` is also the name of /{list}/{first}")
                        } else {
                            format!(
                                "the name `{shown}` is that of /{list}/{first}, `{other}`, but for \
                                 spaces, quotation marks or case, which lookups by name set aside"
                            )
                        };
                        self.report(Code::DuplicateName, format!("/{list}/{i}/name"), message);
                    }
                }
            }
        }
    }

    /// Every text has Chinese; a missing English translation is a warning.
    fn texts(&mut self) {
        let mut found = Vec::new();
        self.data.visit_texts(|text| {
            let blank = |s: &str| s.trim().is_empty();
            if blank(&text.text.zh) || blank(&text.text.en) {
                found.push((text.pointer(), blank(&text.text.zh), blank(&text.text.en)));
            }
        });
        for (pointer, zh_empty, en_empty) in found {
            if zh_empty {
                let message = "the Chinese text is empty";
                self.report(Code::EmptyText, format!("{pointer}/zh"), message);
            }
            if en_empty {
                let message = "no English translation yet";
                self.report(Code::MissingTranslation, format!("{pointer}/en"), message);
            }
        }
    }

    /// The names of tiers, groups and entities, and the definitions of terms, are printed in
    /// the plan's texts (units are not checked: the header prints some only in lines the
    /// format keeps as references, such as the signature).
    fn names(&mut self) {
        // Texts set aside by the shape check may hold the names: stay quiet then.
        if !self.pruned.is_empty() {
            return;
        }
        let mut body = String::new();
        self.data.visit_texts(|text| {
            use crate::answer::ItemKind as K;
            let own_name = matches!(
                text.item.kind(),
                K::Tier | K::Group | K::Term | K::Unit | K::Entity
            );
            if !own_name {
                body.push_str(&text.text.zh);
                body.push('\u{0}');
            }
        });
        // Whitespace aside, as in every quote: squashed only if a name is not found as is.
        let squashed_body = std::cell::OnceCell::new();
        let printed = |name: &str| {
            let found =
                |text: &str, name: &str| memchr::memmem::find(text.as_bytes(), name.as_bytes());
            found(&body, name).is_some()
                || found(
                    squashed_body.get_or_init(|| squash(&body).into_owned()),
                    &squash(name),
                )
                .is_some()
        };
        let data = self.data;
        let names = data
            .tiers
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("/tiers/{i}/name/zh"), &t.name))
            .chain(
                data.groups
                    .iter()
                    .enumerate()
                    .map(|(i, g)| (format!("/groups/{i}/name/zh"), &g.name)),
            )
            .chain(
                data.defined_terms
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (format!("/defined_terms/{i}/definition/zh"), &t.definition)),
            )
            .chain(
                data.entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| !self.printed_entities.contains(e.id.as_ref()))
                    .map(|(i, e)| (format!("/entities/{i}/name/zh"), &e.name)),
            );
        let mut missing = Vec::new();
        for (path, name) in names {
            if !squash(&name.zh).is_empty() && !printed(&name.zh) {
                missing.push((path, name.zh.clone()));
            }
        }
        for (path, name) in missing {
            let message = format!(
                "`{name}` is not printed in any text of the plan; a name or definition is copied \
                 from the text verbatim"
            );
            self.report(Code::QuoteNotFound, path, message);
        }
    }

    fn unit_ref(&mut self, path: impl FnOnce() -> String, id: &'a str) {
        self.used_units.insert(id);
        let known = matches!(self.index.ids.get(id), Some(ItemRef::Unit(_)));
        if !known && !self.pruned.ids.contains(id) {
            self.report(
                Code::UnknownUnit,
                path(),
                format!("no unit has the id `{id}`"),
            );
        }
    }

    fn group_ref(&mut self, path: impl FnOnce() -> String, id: &str) {
        let known = matches!(
            self.index.ids.get(id),
            Some(ItemRef::Tier(_) | ItemRef::Term(_) | ItemRef::Group(_))
        );
        if !known && !self.pruned.ids.contains(id) {
            let message = format!("no tier, group or defined term has the id `{id}`");
            self.report(Code::UnknownGroup, path(), message);
        }
    }

    fn entity_ref(&mut self, path: impl FnOnce() -> String, id: &'a str) {
        self.used_entities.insert(id);
        let known = matches!(self.index.ids.get(id), Some(ItemRef::Entity(_)));
        if !known && !self.pruned.ids.contains(id) {
            let message = format!("no entity has the id `{id}`");
            self.report(Code::UnknownEntity, path(), message);
        }
    }
}

/// Whether `date` is a real calendar date written `YYYY-MM-DD`.
pub(crate) fn is_date(date: &str) -> bool {
    crate::progress::Date::parse(date).is_some()
}

#[cfg(test)]
mod tests {
    use super::{contains, is_date, run, stands_in};

    #[test]
    fn dates() {
        assert!(is_date("2022-07-07"));
        assert!(is_date("2024-02-29"));
        for bad in [
            "2023-02-29",
            "2022-13-01",
            "2022-7-7",
            "2022-07-07-01",
            "",
            "2022年7月7日",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn quotes_and_runs() {
        assert!(stands_in("100万元", "给予 100 万元奖励"));
        assert!(!stands_in("200万元", "给予 100 万元奖励"));
        assert_eq!(run(3, 30), "3–30");
        assert_eq!(run(7, 7), "7");
    }

    #[test]
    fn a_quote_is_found_past_many_false_starts() {
        // Each 企 starts a place where the quote could stand: more than the quick look tries.
        let text = format!("{}企业发展", "企".repeat(100));
        assert!(contains(&text, "企业发展"));
        assert!(!contains(&text, "企业家"));
        assert!(contains(&text, ""));
        assert!(!contains("", "企"));
    }
}
