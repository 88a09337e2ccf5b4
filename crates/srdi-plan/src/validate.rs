//! The semantic rules a plan must follow beyond its JSON shape.
//!
//! Every rule runs on every item and reports every violation; nothing stops at the first.
//! Ids are checked while the plan's index is built ([`Index::build`]); the rest is here.

use std::collections::{HashMap, HashSet};

use crate::error::{Code, Issue};
use crate::load::Pruned;
use crate::model::{Measure, PlanData, Responsibility, Target};
use crate::plan::Index;
use crate::refs::ItemRef;

/// Every rule on `data`, whose index is `index`.
pub(crate) fn rules(data: &PlanData, index: &Index) -> Vec<Issue> {
    rules_after_pruning(data, index, &Pruned::default())
}

/// Every rule on `data`, from which the shape check removed what `pruned` says: rules about
/// lists that lost items, and references to removed items, stay quiet (the shape check
/// already reported them).
pub(crate) fn rules_after_pruning(data: &PlanData, index: &Index, pruned: &Pruned) -> Vec<Issue> {
    let mut check = Checker {
        data,
        index,
        pruned,
        issues: Vec::new(),
        used_units: HashSet::new(),
        used_entities: HashSet::new(),
    };
    check.numbering();
    check.document();
    check.tiers();
    check.goals_and_tasks();
    check.mechanisms();
    check.units();
    check.entities();
    check.texts();
    check.issues
}

struct Checker<'a> {
    data: &'a PlanData,
    index: &'a Index,
    pruned: &'a Pruned,
    issues: Vec<Issue>,
    used_units: HashSet<&'a str>,
    used_entities: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, code: Code, path: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue::new(code, path, message));
    }

    /// Parts, sections, tasks and mechanisms run 1, 2, 3… in order; tasks follow sections.
    fn numbering(&mut self) {
        let data = self.data;
        let parts = data.parts.iter().map(|part| part.number);
        self.sequence("parts", "part", parts);
        let sections = data.sections.iter().map(|section| section.number);
        self.sequence("sections", "section", sections);
        self.sequence("tasks", "task", data.tasks.iter().map(|task| task.number));
        let mechanisms = data.mechanisms.iter().map(|mechanism| mechanism.number);
        self.sequence("mechanisms", "mechanism", mechanisms);

        let known: HashSet<u8> = data.sections.iter().map(|s| s.number).collect();
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
        if !self.pruned.touched("/tasks") {
            let used: HashSet<u8> = data.tasks.iter().map(|t| t.section).collect();
            for (i, section) in data.sections.iter().enumerate() {
                if !used.contains(&section.number) {
                    let message = format!("section {} has no task", section.number);
                    self.report(Code::EmptySection, format!("/sections/{i}"), message);
                }
            }
        }
    }

    /// Reports each number that does not follow its predecessor by one, starting at 1.
    fn sequence(&mut self, list: &str, noun: &str, numbers: impl Iterator<Item = u8>) {
        if self.pruned.touched(&format!("/{list}")) {
            return;
        }
        let mut previous = 0u8;
        for (i, number) in numbers.enumerate() {
            let expected = previous.saturating_add(1);
            if number != expected {
                let message = if previous == 0 {
                    format!("the first {noun} is numbered {number}; numbering starts at 1")
                } else if number > expected {
                    format!(
                        "{noun} {number} follows {noun} {previous}: {noun} {expected} is missing"
                    )
                } else {
                    format!("{noun} {number} follows {noun} {previous}: numbers must rise by one")
                };
                self.report(Code::BadNumbering, format!("/{list}/{i}/number"), message);
            }
            previous = number;
        }
    }

    fn document(&mut self) {
        let data = self.data;
        let document = &data.document;
        if data.period.start > data.period.end {
            let message = format!(
                "the period ends ({}) before it starts ({})",
                data.period.end, data.period.start
            );
            self.report(Code::InvalidPeriod, "/period", message);
        }
        self.unit_ref(|| "/document/issuer".into(), &document.issuer);
        self.unit_ref(|| "/document/approval/by".into(), &document.approval.by);
        self.unit_ref(|| "/document/printed_by".into(), &document.printed_by);
        for (i, unit) in document.cc.iter().enumerate() {
            self.unit_ref(|| format!("/document/cc/{i}"), unit);
        }
        self.entity_ref(|| "/document/based_on".into(), &document.based_on);
        for (path, date) in [
            ("/document/issued", &document.issued),
            ("/document/printed", &document.printed),
        ] {
            if !is_date(date) {
                let message = format!("`{date}` is not a valid date in the form YYYY-MM-DD");
                self.report(Code::InvalidDate, path, message);
            }
        }
    }

    fn tiers(&mut self) {
        for (i, term) in self.data.defined_terms.iter().enumerate() {
            for (j, tier) in term.tiers.iter().enumerate() {
                let known = matches!(self.index.ids.get(tier.as_str()), Some(ItemRef::Tier(_)));
                if !known && !self.pruned.ids.contains(tier) {
                    let message = format!("no tier has the id `{tier}`");
                    let path = format!("/defined_terms/{i}/tiers/{j}");
                    self.report(Code::UnknownTier, path, message);
                }
            }
        }
    }

    fn goals_and_tasks(&mut self) {
        let data = self.data;
        for (i, goal) in data.goals.iter().enumerate() {
            self.target(&|| format!("/goals/{i}"), goal);
        }
        for (i, section) in data.sections.iter().enumerate() {
            let path = || format!("/sections/{i}/responsibility");
            self.responsibility(&path, &section.responsibility);
        }
        for (i, task) in data.tasks.iter().enumerate() {
            let path = || format!("/tasks/{i}");
            if let Some(own) = &task.responsibility {
                self.responsibility(&|| format!("{}/responsibility", path()), own);
            }
            let none = self.index.responsible.get(i).is_none_or(Vec::is_empty);
            if none && !self.pruned.touched("/sections") && !self.pruned.touched("/units") {
                let message = format!(
                    "task {} has no responsible unit: neither it nor its section lists one",
                    task.number
                );
                self.report(Code::NoResponsibleUnit, path(), message);
            }
            for (j, group) in task.aimed_at.iter().enumerate() {
                self.group_ref(|| format!("{}/aimed_at/{j}", path()), group);
            }
            for (j, target) in task.targets.iter().enumerate() {
                self.target(&|| format!("{}/targets/{j}", path()), target);
            }
            for (j, measure) in task.measures.iter().enumerate() {
                self.measure(&|| format!("{}/measures/{j}", path()), measure);
            }
            for (j, entity) in task.entities.iter().enumerate() {
                self.entity_ref(|| format!("{}/entities/{j}", path()), entity);
            }
        }
    }

    fn target(&mut self, path: &dyn Fn() -> String, target: &Target) {
        if target.value == 0 {
            let message = "a target must be at least 1";
            self.report(Code::NotPositive, format!("{}/value", path()), message);
        }
        if let Some(tier) = &target.tier {
            self.group_ref(|| format!("{}/tier", path()), tier);
        }
        if let Some(year) = target.by_year {
            let period = self.data.period;
            if !period.contains(year) {
                let message = format!(
                    "{year} lies outside the plan period {}–{}",
                    period.start, period.end
                );
                self.report(
                    Code::YearOutsidePeriod,
                    format!("{}/by_year", path()),
                    message,
                );
            }
        }
    }

    fn measure(&mut self, path: &dyn Fn() -> String, measure: &'a Measure) {
        if let Some(group) = &measure.beneficiary.group {
            self.group_ref(|| format!("{}/beneficiary/group", path()), group);
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
            let currency = &amount.currency;
            if !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase())) {
                let message = format!("`{currency}` is not an ISO 4217 currency code such as CNY");
                let at = format!("{}/amount/currency", path());
                self.report(Code::InvalidCurrency, at, message);
            }
        }
        for (i, unit) in measure.approved_by.iter().enumerate() {
            self.unit_ref(|| format!("{}/approved_by/{i}", path()), unit);
        }
        if let Some(basis) = &measure.legal_basis {
            self.entity_ref(|| format!("{}/legal_basis", path()), basis);
        }
    }

    fn mechanisms(&mut self) {
        for (i, mechanism) in self.data.mechanisms.iter().enumerate() {
            let path = || format!("/mechanisms/{i}");
            self.responsibility(
                &|| format!("{}/responsibility", path()),
                &mechanism.responsibility,
            );
            if let Some(lead) = &mechanism.lead {
                self.unit_ref(|| format!("{}/lead", path()), lead);
            }
            for (j, entity) in mechanism.entities.iter().enumerate() {
                self.entity_ref(|| format!("{}/entities/{j}", path()), entity);
            }
        }
    }

    /// Every listed unit exists, and the printed line (`责任单位：A、B、C`) names exactly
    /// these units, in this order.
    fn responsibility(&mut self, path: &dyn Fn() -> String, responsibility: &'a Responsibility) {
        for (i, id) in responsibility.units.iter().enumerate() {
            self.unit_ref(|| format!("{}/units/{i}", path()), id);
        }
        let printed = responsibility.text.zh.as_str();
        let names = printed.split_once('：').map_or(printed, |(_, names)| names);
        let printed: Vec<&str> = names.split(['、', '，']).map(str::trim).collect();
        let data = self.data;
        let listed: Vec<&str> = responsibility
            .units
            .iter()
            .map(|id| match self.index.ids.get(id.as_str()) {
                Some(ItemRef::Unit(unit)) => data
                    .units
                    .get(unit.index())
                    .map_or(id.as_str(), |unit| unit.name.zh.as_str()),
                _ => id.as_str(),
            })
            .collect();
        if printed != listed && !self.pruned.touched("/units") {
            let message = format!(
                "the units listed ({}) are not the ones the printed text names ({})",
                listed.join("、"),
                printed.join("、")
            );
            self.report(
                Code::ResponsibilityMismatch,
                format!("{}/units", path()),
                message,
            );
        }
    }

    /// Unit names are unique, in Chinese and (ignoring case) in English; every unit is used.
    fn units(&mut self) {
        let data = self.data;
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, unit) in data.units.iter().enumerate() {
            for (key, shown) in [
                (format!("zh:{}", unit.name.zh), &unit.name.zh),
                (format!("en:{}", unit.name.en.to_lowercase()), &unit.name.en),
            ] {
                if let Some(first) = seen.get(&key) {
                    let message = format!("the name `{shown}` is also the name of /units/{first}");
                    self.report(Code::DuplicateName, format!("/units/{i}/name"), message);
                } else {
                    seen.insert(key, i);
                }
            }
            if !self.used_units.contains(unit.id.as_str()) {
                let message = format!("no item refers to unit `{}`", unit.id);
                self.report(Code::UnusedUnit, format!("/units/{i}"), message);
            }
        }
    }

    fn entities(&mut self) {
        for (i, entity) in self.data.entities.iter().enumerate() {
            if !self.used_entities.contains(entity.id.as_str()) {
                let message = format!("no item refers to entity `{}`", entity.id);
                self.report(Code::UnusedEntity, format!("/entities/{i}"), message);
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
                let message = "the English translation is empty";
                self.report(Code::MissingTranslation, format!("{pointer}/en"), message);
            }
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
            Some(ItemRef::Tier(_) | ItemRef::Term(_))
        );
        if !known && !self.pruned.ids.contains(id) {
            let message = format!("no tier or defined term has the id `{id}`");
            self.report(Code::UnknownTier, path(), message);
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
    let mut fields = date.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(y, 4), number(m, 2), number(d, 2)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::is_date;

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
}
