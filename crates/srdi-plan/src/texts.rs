//! The one walker over every text of a plan, in document order.
//!
//! Validation (no empty Chinese, missing English), search and the fidelity tests all visit
//! texts through [`PlanData::visit_texts`], so none of them can miss a text that another sees.
//! A test compares the walk with every `{zh, en}` object of the serialized plan.

use crate::model::{Lead, PlanData, Scheduled, Text};
use crate::refs::{
    EntityRef, FactRef, GroupRef, ItemRef, MeasureRef, MechanismRef, PartRef, SectionRef,
    TargetRef, TaskRef, TermRef, TierRef, UnitRef,
};

/// One text of a plan: the item it belongs to, which field, and the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextRef<'a> {
    /// The item the text belongs to.
    pub item: ItemRef,
    /// The field inside the item, as a relative JSON Pointer (`text`,
    /// `beneficiary/condition`, `leads/{}/clause` where `{}` is the position); empty when the
    /// item is the text itself (the preamble).
    pub field: &'static str,
    /// The position in a list of texts (addressees, lead clauses), put in place of `{}`.
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
            pointer.push_str(&self.field_path());
        }
        pointer
    }

    /// The field as a dotted name, e.g. `beneficiary.condition` or `addressees.2`.
    pub fn field_name(&self) -> String {
        field_name(self.field, self.position)
    }

    fn field_path(&self) -> String {
        field_path(self.field, self.position)
    }
}

/// [`TextRef::field_name`] of a text's field and position.
pub(crate) fn field_name(field: &str, position: Option<usize>) -> String {
    if field.is_empty() {
        "text".to_owned()
    } else {
        field_path(field, position).replace('/', ".")
    }
}

/// A text's field with its position in place of `{}`.
fn field_path(field: &str, position: Option<usize>) -> String {
    match position {
        Some(position) => field.replace("{}", &position.to_string()),
        None => field.to_owned(),
    }
}

impl PlanData {
    /// Calls `visit` with every text of the plan, in document order: header, preamble, parts,
    /// tiers, groups and terms, goals, sections with their tasks, mechanisms, units, entities.
    pub fn visit_texts<'a>(&'a self, mut visit: impl FnMut(TextRef<'a>)) {
        let mut emit = |item, field, position, text| {
            visit(TextRef {
                item,
                field,
                position,
                text,
            });
        };
        self.visit_document(&mut emit);
        let optional = |text: &'a Option<Text>| text.as_ref();
        if let Some(preamble) = optional(&self.preamble) {
            emit(ItemRef::Preamble, "", None, preamble);
        }
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
        for (i, group) in self.groups.iter().enumerate() {
            emit(ItemRef::Group(GroupRef::new(i)), "name", None, &group.name);
        }
        for (i, term) in self.defined_terms.iter().enumerate() {
            let item = ItemRef::Term(TermRef::new(i));
            emit(item, "term", None, &term.term);
            emit(item, "definition", None, &term.definition);
        }
        for (i, goal) in self.goals.iter().enumerate() {
            visit_target(ItemRef::Target(TargetRef::goal(i)), goal, &mut emit);
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
            if let Some(line) = section
                .responsibility
                .as_ref()
                .and_then(|r| r.text.as_ref())
            {
                emit(item, "responsibility/text", None, line);
            }
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
            visit_clauses(item, &mechanism.leads, &mechanism.schedule, &mut emit);
            if let Some(line) = mechanism
                .responsibility
                .as_ref()
                .and_then(|r| r.text.as_ref())
            {
                emit(item, "responsibility/text", None, line);
            }
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
        for (i, fact) in self.facts.iter().enumerate() {
            emit(ItemRef::Fact(FactRef::new(i)), "name", None, &fact.name);
        }
    }

    /// The header and footer, in the order they are printed, the title last.
    fn visit_document<'a>(
        &'a self,
        emit: &mut impl FnMut(ItemRef, &'static str, Option<usize>, &'a Text),
    ) {
        let document = &self.document;
        let header = ItemRef::Document;
        let optional = |text: &'a Option<Text>| text.as_ref();
        if let Some(masthead) = optional(&document.masthead) {
            emit(header, "masthead", None, masthead);
        }
        if let Some(title) = optional(&document.notice_title) {
            emit(header, "notice_title", None, title);
        }
        for (position, addressee) in document.addressees.iter().enumerate() {
            emit(header, "addressees/{}", Some(position), addressee);
        }
        if let Some(notice) = optional(&document.notice) {
            emit(header, "notice", None, notice);
        }
        if let Some(approval) = &document.approval {
            if let Some(meeting) = optional(&approval.meeting) {
                emit(header, "approval/meeting", None, meeting);
            }
            if let Some(statement) = optional(&approval.statement) {
                emit(header, "approval/statement", None, statement);
            }
        }
        if let Some(note) = document.disclosure.as_ref().and_then(|d| d.note.as_ref()) {
            emit(header, "disclosure/note", None, note);
        }
        emit(header, "title", None, &document.title);
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
        visit_clauses(item, &task.leads, &task.schedule, emit);
        if let Some(sectors) = &task.sectors {
            for (position, sector) in sectors.items.iter().enumerate() {
                emit(item, "sectors/items/{}", Some(position), sector);
            }
        }
        for (i, target) in task.targets.iter().enumerate() {
            visit_target(ItemRef::Target(TargetRef::of_task(at, i)), target, emit);
        }
        for (i, measure) in task.measures.iter().enumerate() {
            let measure_item = ItemRef::Measure(MeasureRef::new(at, i));
            emit(measure_item, "text", None, &measure.text);
            if let Some(condition) = &measure.beneficiary.condition {
                emit(measure_item, "beneficiary/condition", None, condition);
            }
        }
        if let Some(line) = task.responsibility.as_ref().and_then(|r| r.text.as_ref()) {
            emit(item, "responsibility/text", None, line);
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

fn visit_target<'a>(
    item: ItemRef,
    target: &'a crate::model::Target,
    emit: &mut impl FnMut(ItemRef, &'static str, Option<usize>, &'a Text),
) {
    emit(item, "indicator", None, &target.indicator);
    emit(item, "text", None, &target.text);
}

/// The clauses an item's leads and schedule quote.
fn visit_clauses<'a>(
    item: ItemRef,
    leads: &'a [Lead],
    schedule: &'a [Scheduled],
    emit: &mut impl FnMut(ItemRef, &'static str, Option<usize>, &'a Text),
) {
    for (position, lead) in leads.iter().enumerate() {
        emit(item, "leads/{}/clause", Some(position), &lead.clause);
    }
    for (position, scheduled) in schedule.iter().enumerate() {
        emit(
            item,
            "schedule/{}/clause",
            Some(position),
            &scheduled.clause,
        );
    }
}
