//! The one walker over every text of a plan, in document order.
//!
//! Validation (no empty Chinese, missing English), search and the fidelity tests all visit
//! texts through [`PlanData::visit_texts`], so none of them can miss a text that another sees.
//! A test compares the walk with every `{zh, en}` object of the serialized plan.

use std::fmt::Write as _;

use crate::model::{PlanData, Text};
use crate::refs::{
    EntityRef, ItemRef, MeasureRef, MechanismRef, PartRef, SectionRef, TargetRef, TaskRef, TermRef,
    TierRef, UnitRef,
};

/// One text of a plan: the item it belongs to, which field, and the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextRef<'a> {
    /// The item the text belongs to.
    pub item: ItemRef,
    /// The field inside the item, as a relative JSON Pointer (`text`,
    /// `beneficiary/condition`); empty when the item is the text itself (the preamble).
    pub field: &'static str,
    /// The position in the field, for lists of texts (addressees).
    pub position: Option<usize>,
    /// The text.
    pub text: &'a Text,
}

impl TextRef<'_> {
    /// The JSON Pointer of the text in the plan file, e.g. `/tasks/27/measures/0/text`.
    pub fn pointer(&self) -> String {
        let mut pointer = self.item.pointer();
        if !self.field.is_empty() {
            pointer.push('/');
            pointer.push_str(self.field);
        }
        if let Some(position) = self.position {
            let _ = write!(pointer, "/{position}");
        }
        pointer
    }

    /// The field as a dotted name, e.g. `beneficiary.condition` or `addressees.2`.
    pub fn field_name(&self) -> String {
        let mut name = if self.field.is_empty() {
            "text".to_owned()
        } else {
            self.field.replace('/', ".")
        };
        if let Some(position) = self.position {
            let _ = write!(name, ".{position}");
        }
        name
    }
}

impl PlanData {
    /// Calls `visit` with every text of the plan, in document order: header, preamble, parts,
    /// tiers and terms, goals, sections with their tasks, mechanisms, units, entities.
    pub fn visit_texts<'a>(&'a self, mut visit: impl FnMut(TextRef<'a>)) {
        let mut emit = |item, field, position, text| {
            visit(TextRef {
                item,
                field,
                position,
                text,
            });
        };
        let document = &self.document;
        let header = ItemRef::Document;
        emit(header, "masthead", None, &document.masthead);
        emit(header, "notice_title", None, &document.notice_title);
        for (position, addressee) in document.addressees.iter().enumerate() {
            emit(header, "addressees", Some(position), addressee);
        }
        emit(header, "notice", None, &document.notice);
        emit(header, "approval/meeting", None, &document.approval.meeting);
        emit(header, "disclosure/note", None, &document.disclosure.note);
        emit(header, "title", None, &document.title);
        emit(ItemRef::Preamble, "", None, &self.preamble);
        for (i, part) in self.parts.iter().enumerate() {
            let item = ItemRef::Part(PartRef::new(i));
            emit(item, "title", None, &part.title);
            if let Some(text) = &part.text {
                emit(item, "text", None, text);
            }
        }
        for (i, tier) in self.tiers.iter().enumerate() {
            emit(ItemRef::Tier(TierRef::new(i)), "name", None, &tier.name);
        }
        for (i, term) in self.defined_terms.iter().enumerate() {
            let item = ItemRef::Term(TermRef::new(i));
            emit(item, "term", None, &term.term);
            emit(item, "definition", None, &term.definition);
        }
        for (i, goal) in self.goals.iter().enumerate() {
            let item = ItemRef::Target(TargetRef::goal(i));
            emit(item, "indicator", None, &goal.indicator);
            emit(item, "text", None, &goal.text);
        }
        let mut placed = vec![false; self.tasks.len()];
        for (s, section) in self.sections.iter().enumerate() {
            let item = ItemRef::Section(SectionRef::new(s));
            emit(item, "title", None, &section.title);
            for (t, task) in self.tasks.iter().enumerate() {
                if task.section == section.number
                    && let Some(seen) = placed.get_mut(t)
                    && !*seen
                {
                    *seen = true;
                    self.visit_task(TaskRef::new(t), &mut emit);
                }
            }
            emit(
                item,
                "responsibility/text",
                None,
                &section.responsibility.text,
            );
        }
        // Tasks of no section (an invalid plan) are visited too: validation must see them.
        for (t, seen) in placed.into_iter().enumerate() {
            if !seen {
                self.visit_task(TaskRef::new(t), &mut emit);
            }
        }
        for (i, mechanism) in self.mechanisms.iter().enumerate() {
            let item = ItemRef::Mechanism(MechanismRef::new(i));
            emit(item, "title", None, &mechanism.title);
            emit(item, "text", None, &mechanism.text);
            emit(
                item,
                "responsibility/text",
                None,
                &mechanism.responsibility.text,
            );
        }
        for (i, unit) in self.units.iter().enumerate() {
            emit(ItemRef::Unit(UnitRef::new(i)), "name", None, &unit.name);
        }
        for (i, entity) in self.entities.iter().enumerate() {
            emit(
                ItemRef::Entity(EntityRef::new(i)),
                "name",
                None,
                &entity.name,
            );
        }
    }

    fn visit_task<'a>(
        &'a self,
        at: TaskRef,
        emit: &mut impl FnMut(ItemRef, &'static str, Option<usize>, &'a Text),
    ) {
        let Some(task) = self.tasks.get(at.index()) else {
            return;
        };
        let item = ItemRef::Task(at);
        if let Some(title) = &task.title {
            emit(item, "title", None, title);
        }
        emit(item, "text", None, &task.text);
        for (i, target) in task.targets.iter().enumerate() {
            let target_item = ItemRef::Target(TargetRef::of_task(at, i));
            emit(target_item, "indicator", None, &target.indicator);
            emit(target_item, "text", None, &target.text);
        }
        for (i, measure) in task.measures.iter().enumerate() {
            let measure_item = ItemRef::Measure(MeasureRef::new(at, i));
            emit(measure_item, "text", None, &measure.text);
            if let Some(condition) = &measure.beneficiary.condition {
                emit(measure_item, "beneficiary/condition", None, condition);
            }
        }
        if let Some(own) = &task.responsibility {
            emit(item, "responsibility/text", None, &own.text);
        }
    }

    /// Every text of the plan, in document order (see [`PlanData::visit_texts`]).
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let texts = plan.data().texts();
    /// assert_eq!(texts[0].field, "masthead");
    /// assert!(texts.iter().any(|t| t.pointer() == "/tasks/27/measures/1/beneficiary/condition"));
    /// ```
    pub fn texts(&self) -> Vec<TextRef<'_>> {
        let mut texts = Vec::new();
        self.visit_texts(|text| texts.push(text));
        texts
    }
}
