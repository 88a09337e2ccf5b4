//! The semantic rules a plan must follow beyond its JSON shape.
//!
//! Every rule runs on every item and reports every violation; nothing stops at the first.

use std::collections::{HashMap, HashSet};

use crate::error::{Code, Issue};
use crate::load::escape_token;
use crate::model::{Measure, Plan, Responsibility, Target};

impl Plan {
    /// Checks the plan against every semantic rule and returns every issue found,
    /// warnings included. An empty list means the plan is valid and clean.
    ///
    /// ```
    /// let mut plan = srdi_plan::wulong().clone();
    /// assert!(plan.validate().is_empty());
    ///
    /// plan.tasks.remove(6); // task 7
    /// let issues = plan.validate();
    /// assert_eq!(issues[0].code, srdi_plan::Code::BadNumbering);
    /// assert_eq!(issues[0].path, "/tasks/6/number");
    /// ```
    pub fn validate(&self) -> Vec<Issue> {
        let mut check = Checker::new(self);
        check.ids();
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
}

struct Checker<'a> {
    plan: &'a Plan,
    issues: Vec<Issue>,
    units: HashSet<&'a str>,
    groups: HashSet<&'a str>,
    entities: HashSet<&'a str>,
    used_units: HashSet<&'a str>,
    used_entities: HashSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn new(plan: &'a Plan) -> Self {
        let groups = plan.tiers.iter().map(|tier| tier.id.as_str());
        let terms = plan.defined_terms.iter().map(|term| term.id.as_str());
        Self {
            plan,
            issues: Vec::new(),
            units: plan.units.iter().map(|unit| unit.id.as_str()).collect(),
            groups: groups.chain(terms).collect(),
            entities: plan
                .entities
                .iter()
                .map(|entity| entity.id.as_str())
                .collect(),
            used_units: HashSet::new(),
            used_entities: HashSet::new(),
        }
    }

    fn report(&mut self, code: Code, path: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue::new(code, path, message));
    }

    /// Every explicit id is a slug and unique across the whole plan.
    fn ids(&mut self) {
        let plan = self.plan;
        let mut ids: Vec<(String, &str)> = vec![("/id".to_owned(), plan.id.as_str())];
        let mut add = |path: String, id: &'a str| ids.push((path, id));
        for (i, tier) in plan.tiers.iter().enumerate() {
            add(format!("/tiers/{i}/id"), &tier.id);
        }
        for (i, term) in plan.defined_terms.iter().enumerate() {
            add(format!("/defined_terms/{i}/id"), &term.id);
        }
        for (i, goal) in plan.goals.iter().enumerate() {
            add(format!("/goals/{i}/id"), &goal.id);
        }
        for (i, task) in plan.tasks.iter().enumerate() {
            for (j, target) in task.targets.iter().enumerate() {
                add(format!("/tasks/{i}/targets/{j}/id"), &target.id);
            }
            for (j, measure) in task.measures.iter().enumerate() {
                add(format!("/tasks/{i}/measures/{j}/id"), &measure.id);
            }
        }
        for (i, unit) in plan.units.iter().enumerate() {
            add(format!("/units/{i}/id"), &unit.id);
        }
        for (i, entity) in plan.entities.iter().enumerate() {
            add(format!("/entities/{i}/id"), &entity.id);
        }
        let mut first_seen: HashMap<&str, String> = HashMap::new();
        for (path, id) in ids {
            if !is_slug(id) {
                let message = format!("id `{id}` must be lowercase ASCII letters, digits and `-`");
                self.report(Code::InvalidId, path.clone(), message);
            }
            match first_seen.get(id) {
                Some(first) => {
                    let message = format!("id `{id}` is already used at {first}");
                    self.report(Code::DuplicateId, path, message);
                }
                None => {
                    first_seen.insert(id, path);
                }
            }
        }
    }

    /// Parts, sections, tasks and mechanisms run 1, 2, 3… in order; tasks follow sections.
    fn numbering(&mut self) {
        let plan = self.plan;
        let parts = plan.parts.iter().map(|part| part.number);
        self.sequence("parts", "part", parts);
        let sections = plan.sections.iter().map(|section| section.number);
        self.sequence("sections", "section", sections);
        self.sequence("tasks", "task", plan.tasks.iter().map(|task| task.number));
        let mechanisms = plan.mechanisms.iter().map(|mechanism| mechanism.number);
        self.sequence("mechanisms", "mechanism", mechanisms);

        let mut previous = 0;
        for (i, task) in plan.tasks.iter().enumerate() {
            let path = format!("/tasks/{i}/section");
            if plan.section(task.section).is_none() {
                let message = format!(
                    "task {} names section {}, which does not exist",
                    task.number, task.section
                );
                self.report(Code::UnknownSection, path, message);
            } else if task.section < previous {
                let message = format!(
                    "task {} of section {} comes after a task of section {previous}; \
                     tasks must be listed section by section",
                    task.number, task.section
                );
                self.report(Code::SectionOrder, path, message);
            }
            previous = previous.max(task.section);
        }
        for (i, section) in plan.sections.iter().enumerate() {
            if plan.tasks_in_section(section.number).next().is_none() {
                let message = format!("section {} has no task", section.number);
                self.report(Code::EmptySection, format!("/sections/{i}"), message);
            }
        }
    }

    /// Reports each number that does not follow its predecessor by one, starting at 1.
    fn sequence(&mut self, list: &str, noun: &str, numbers: impl Iterator<Item = u8>) {
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
        let plan = self.plan;
        let document = &plan.document;
        if plan.period.start > plan.period.end {
            let message = format!(
                "the period ends ({}) before it starts ({})",
                plan.period.end, plan.period.start
            );
            self.report(Code::InvalidPeriod, "/period", message);
        }
        self.unit_ref("/document/issuer", &document.issuer);
        self.unit_ref("/document/approval/by", &document.approval.by);
        self.unit_ref("/document/printed_by", &document.printed_by);
        for (i, unit) in document.cc.iter().enumerate() {
            self.unit_ref(&format!("/document/cc/{i}"), unit);
        }
        self.entity_ref("/document/based_on", &document.based_on);
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
        for (i, term) in self.plan.defined_terms.iter().enumerate() {
            for (j, tier) in term.tiers.iter().enumerate() {
                if !self.plan.tiers.iter().any(|known| &known.id == tier) {
                    let message = format!("no tier has the id `{tier}`");
                    self.report(
                        Code::UnknownTier,
                        format!("/defined_terms/{i}/tiers/{j}"),
                        message,
                    );
                }
            }
        }
    }

    fn goals_and_tasks(&mut self) {
        let plan = self.plan;
        for (i, goal) in plan.goals.iter().enumerate() {
            self.target(&format!("/goals/{i}"), goal);
        }
        for (i, section) in plan.sections.iter().enumerate() {
            self.responsibility(
                &format!("/sections/{i}/responsibility"),
                &section.responsibility,
            );
        }
        for (i, task) in plan.tasks.iter().enumerate() {
            let path = format!("/tasks/{i}");
            if let Some(own) = &task.responsibility {
                self.responsibility(&format!("{path}/responsibility"), own);
            }
            if plan.responsible_units(task).is_empty() {
                let message = format!(
                    "task {} has no responsible unit: neither it nor its section lists one",
                    task.number
                );
                self.report(Code::NoResponsibleUnit, path.clone(), message);
            }
            for (j, group) in task.aimed_at.iter().enumerate() {
                self.group_ref(&format!("{path}/aimed_at/{j}"), group);
            }
            for (j, target) in task.targets.iter().enumerate() {
                self.target(&format!("{path}/targets/{j}"), target);
            }
            for (j, measure) in task.measures.iter().enumerate() {
                self.measure(&format!("{path}/measures/{j}"), measure);
            }
            for (j, entity) in task.entities.iter().enumerate() {
                self.entity_ref(&format!("{path}/entities/{j}"), entity);
            }
        }
    }

    fn target(&mut self, path: &str, target: &Target) {
        if target.value == 0 {
            self.report(
                Code::NotPositive,
                format!("{path}/value"),
                "a target must be at least 1",
            );
        }
        if let Some(tier) = &target.tier {
            self.group_ref(&format!("{path}/tier"), tier);
        }
        if let Some(year) = target.by_year {
            let period = self.plan.period;
            if !period.contains(year) {
                let message = format!(
                    "{year} lies outside the plan period {}–{}",
                    period.start, period.end
                );
                self.report(Code::YearOutsidePeriod, format!("{path}/by_year"), message);
            }
        }
    }

    fn measure(&mut self, path: &str, measure: &'a Measure) {
        if let Some(group) = &measure.beneficiary.group {
            self.group_ref(&format!("{path}/beneficiary/group"), group);
        }
        if let Some(amount) = &measure.amount {
            if amount.value == 0 {
                self.report(
                    Code::NotPositive,
                    format!("{path}/amount/value"),
                    "an amount must be positive",
                );
            }
            let currency = &amount.currency;
            if !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase())) {
                let message = format!("`{currency}` is not an ISO 4217 currency code such as CNY");
                self.report(
                    Code::InvalidCurrency,
                    format!("{path}/amount/currency"),
                    message,
                );
            }
        }
        for (i, unit) in measure.approved_by.iter().enumerate() {
            self.unit_ref(&format!("{path}/approved_by/{i}"), unit);
        }
        if let Some(basis) = &measure.legal_basis {
            self.entity_ref(&format!("{path}/legal_basis"), basis);
        }
    }

    fn mechanisms(&mut self) {
        for (i, mechanism) in self.plan.mechanisms.iter().enumerate() {
            let path = format!("/mechanisms/{i}");
            self.responsibility(&format!("{path}/responsibility"), &mechanism.responsibility);
            if let Some(lead) = &mechanism.lead {
                self.unit_ref(&format!("{path}/lead"), lead);
            }
            for (j, entity) in mechanism.entities.iter().enumerate() {
                self.entity_ref(&format!("{path}/entities/{j}"), entity);
            }
        }
    }

    /// Every listed unit exists, and the printed line (`责任单位：A、B、C`) names exactly
    /// these units, in this order.
    fn responsibility(&mut self, path: &str, responsibility: &'a Responsibility) {
        for (i, id) in responsibility.units.iter().enumerate() {
            self.unit_ref(&format!("{path}/units/{i}"), id);
        }
        let printed = responsibility.text.zh.as_str();
        let names = printed.split_once('：').map_or(printed, |(_, names)| names);
        let printed: Vec<&str> = names.split(['、', '，']).map(str::trim).collect();
        let plan = self.plan;
        let listed: Vec<&str> = responsibility
            .units
            .iter()
            .map(|id| {
                plan.unit(id)
                    .map_or(id.as_str(), |unit| unit.name.zh.as_str())
            })
            .collect();
        if printed != listed {
            let message = format!(
                "the units listed ({}) are not the ones the printed text names ({})",
                listed.join("、"),
                printed.join("、")
            );
            self.report(
                Code::ResponsibilityMismatch,
                format!("{path}/units"),
                message,
            );
        }
    }

    /// Unit names are unique, in Chinese and (ignoring case) in English; every unit is used.
    fn units(&mut self) {
        let plan = self.plan;
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, unit) in plan.units.iter().enumerate() {
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
        for (i, entity) in self.plan.entities.iter().enumerate() {
            if !self.used_entities.contains(entity.id.as_str()) {
                let message = format!("no item refers to entity `{}`", entity.id);
                self.report(Code::UnusedEntity, format!("/entities/{i}"), message);
            }
        }
    }

    /// Every text has Chinese; a missing English translation is a warning.
    fn texts(&mut self) {
        // The serialized plan reaches every `Text` field, including ones added later.
        let Ok(value) = serde_json::to_value(self.plan) else {
            return;
        };
        let mut found = Vec::new();
        collect_texts(&value, String::new(), &mut found);
        for (path, zh_empty, en_empty) in found {
            if zh_empty {
                self.report(
                    Code::EmptyText,
                    format!("{path}/zh"),
                    "the Chinese text is empty",
                );
            }
            if en_empty {
                self.report(
                    Code::MissingTranslation,
                    format!("{path}/en"),
                    "the English translation is empty",
                );
            }
        }
    }

    fn unit_ref(&mut self, path: &str, id: &'a str) {
        self.used_units.insert(id);
        if !self.units.contains(id) {
            self.report(
                Code::UnknownUnit,
                path,
                format!("no unit has the id `{id}`"),
            );
        }
    }

    fn group_ref(&mut self, path: &str, id: &str) {
        if !self.groups.contains(id) {
            let message = format!("no tier or defined term has the id `{id}`");
            self.report(Code::UnknownTier, path, message);
        }
    }

    fn entity_ref(&mut self, path: &str, id: &'a str) {
        self.used_entities.insert(id);
        if !self.entities.contains(id) {
            self.report(
                Code::UnknownEntity,
                path,
                format!("no entity has the id `{id}`"),
            );
        }
    }
}

/// Finds every `{zh, en}` object below `value`: its path and whether each side is blank.
fn collect_texts(value: &serde_json::Value, path: String, found: &mut Vec<(String, bool, bool)>) {
    use serde_json::Value;
    let blank = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .is_none_or(|s| s.trim().is_empty())
    };
    match value {
        Value::Object(map)
            if map.len() == 2 && map.contains_key("zh") && map.contains_key("en") =>
        {
            found.push((path, blank(map.get("zh")), blank(map.get("en"))));
        }
        Value::Object(map) => {
            for (key, child) in map {
                collect_texts(child, format!("{path}/{}", escape_token(key)), found);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                collect_texts(child, format!("{path}/{i}"), found);
            }
        }
        _ => {}
    }
}

fn is_slug(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `date` is a real calendar date written `YYYY-MM-DD`.
fn is_date(date: &str) -> bool {
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
    use super::{is_date, is_slug};

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
    fn slugs() {
        assert!(is_slug("task-8-t1"));
        for bad in ["", "Task", "8-task", "task_8", "任务"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
