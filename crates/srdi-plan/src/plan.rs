//! Lookups and derived views over a [`Plan`]: items by number or id, a task's responsible
//! units, the tiers behind a defined term, and human citations.

use crate::model::{
    DefinedTerm, Entity, Mechanism, Part, PartContent, Plan, Section, Target, Task, Tier, Unit,
    UnitId,
};

impl Plan {
    /// The task numbered `number`.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// assert_eq!(plan.task(28).unwrap().section, 5);
    /// ```
    pub fn task(&self, number: u8) -> Option<&Task> {
        self.tasks.iter().find(|task| task.number == number)
    }

    /// The section numbered `number`.
    pub fn section(&self, number: u8) -> Option<&Section> {
        self.sections
            .iter()
            .find(|section| section.number == number)
    }

    /// The mechanism numbered `number`.
    pub fn mechanism(&self, number: u8) -> Option<&Mechanism> {
        self.mechanisms
            .iter()
            .find(|mechanism| mechanism.number == number)
    }

    /// The tasks of section `number`, in order.
    pub fn tasks_in_section(&self, number: u8) -> impl Iterator<Item = &Task> {
        self.tasks.iter().filter(move |task| task.section == number)
    }

    /// The unit with id `id`.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|unit| unit.id == id)
    }

    /// The entity with id `id`.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|entity| entity.id == id)
    }

    /// The plan goal with id `id` (e.g. `goal-2`).
    pub fn goal(&self, id: &str) -> Option<&Target> {
        self.goals.iter().find(|goal| goal.id == id)
    }

    /// The units responsible for a task: its own 责任单位 list if printed, else its section's.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let units = plan.responsible_units(plan.task(28).unwrap());
    /// assert!(units.iter().any(|unit| unit.name.zh == "区财政局"));
    /// ```
    pub fn responsible_units(&self, task: &Task) -> Vec<&Unit> {
        self.responsible_ids(task)
            .iter()
            .filter_map(|id| self.unit(id))
            .collect()
    }

    /// The ids of the units responsible for a task, as [`Plan::responsible_units`] finds them.
    pub fn responsible_ids<'a>(&'a self, task: &'a Task) -> &'a [UnitId] {
        match (&task.responsibility, self.section(task.section)) {
            (Some(own), _) => &own.units,
            (None, Some(section)) => &section.responsibility.units,
            (None, None) => &[],
        }
    }

    /// The tiers a tier or defined-term id stands for: the tier itself, or every tier the
    /// term covers (“专精特新”企业 = all three). Empty for an unknown id.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// assert_eq!(plan.tiers_of("srdi-enterprises").len(), 3);
    /// assert_eq!(plan.tiers_of("little-giant").len(), 1);
    /// ```
    pub fn tiers_of(&self, group: &str) -> Vec<&Tier> {
        if let Some(tier) = self.tiers.iter().find(|tier| tier.id == group) {
            return vec![tier];
        }
        self.defined_term(group)
            .map(|term| {
                self.tiers
                    .iter()
                    .filter(|tier| term.tiers.contains(&tier.id))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The defined term with id `id`.
    pub fn defined_term(&self, id: &str) -> Option<&DefinedTerm> {
        self.defined_terms.iter().find(|term| term.id == id)
    }

    /// A human citation for the item with id `id`: the document number and the item's place,
    /// as in `武隆府办发〔2022〕48号 二（五）28`. Targets and measures cite their task.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// assert_eq!(plan.citation("task-28").unwrap(), "武隆府办发〔2022〕48号 二（五）28");
    /// assert_eq!(plan.citation("goal-2").unwrap(), "武隆府办发〔2022〕48号 一");
    /// assert_eq!(plan.citation("mech-3").unwrap(), "武隆府办发〔2022〕48号 三（三）");
    /// ```
    pub fn citation(&self, id: &str) -> Option<String> {
        self.locate(id)
            .map(|place| format!("{} {place}", self.document.number))
    }

    /// The place of an item inside the document, e.g. `二（五）28`.
    fn locate(&self, id: &str) -> Option<String> {
        let numbered = |prefix: &str| id.strip_prefix(prefix)?.parse::<u8>().ok();
        let part = |content| self.part_with(content).map(|part| numeral(part.number));
        if let Some(number) = numbered("part-") {
            let part = self.parts.iter().find(|part| part.number == number)?;
            return Some(numeral(part.number));
        }
        if self.goal(id).is_some() {
            return part(PartContent::Goals);
        }
        if let Some(section) = numbered("sec-").and_then(|n| self.section(n)) {
            return Some(format!(
                "{}（{}）",
                part(PartContent::Tasks)?,
                numeral(section.number)
            ));
        }
        if let Some(mechanism) = numbered("mech-").and_then(|n| self.mechanism(n)) {
            return Some(format!(
                "{}（{}）",
                part(PartContent::Mechanisms)?,
                numeral(mechanism.number)
            ));
        }
        let task = numbered("task-").and_then(|n| self.task(n)).or_else(|| {
            self.tasks.iter().find(|task| {
                task.targets.iter().any(|target| target.id == id)
                    || task.measures.iter().any(|measure| measure.id == id)
            })
        })?;
        Some(format!(
            "{}（{}）{}",
            part(PartContent::Tasks)?,
            numeral(task.section),
            task.number
        ))
    }

    /// The first part holding `content`.
    fn part_with(&self, content: PartContent) -> Option<&Part> {
        self.parts.iter().find(|part| part.content == content)
    }
}

/// A number in Chinese numerals, as the document numbers its parts and sections
/// (Arabic digits from 100 on, which no plan reaches).
fn numeral(number: u8) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: u8| DIGITS.get(usize::from(d)).copied().unwrap_or_default();
    match (number / 10, number % 10) {
        (10.., _) => number.to_string(),
        (0, units) => digit(units).to_owned(),
        (1, 0) => "十".to_owned(),
        (1, units) => format!("十{}", digit(units)),
        (tens, 0) => format!("{}十", digit(tens)),
        (tens, units) => format!("{}十{}", digit(tens), digit(units)),
    }
}

#[cfg(test)]
mod tests {
    use super::numeral;

    #[test]
    fn numerals() {
        let cases = [
            (1, "一"),
            (5, "五"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (32, "三十二"),
        ];
        for (number, expected) in cases {
            assert_eq!(numeral(number), expected);
        }
    }
}
