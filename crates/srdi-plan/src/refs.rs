//! Typed references to the items of a plan, and the places and citations they have.
//!
//! A reference says what kind of item it is and where it stands in its plan's data; only a
//! [`Plan`](crate::Plan) makes them, and a plan is immutable, so a reference of a plan always
//! points at the same item. Nothing parses an id or a citation string to find the structure
//! again: ids are looked up in the plan's index, and citations are built from references.

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::model::PlanData;

macro_rules! position_refs {
    ($($(#[doc = $doc:literal])* $name:ident => $field:ident: $item:ty,)*) => {$(
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
        pub struct $name(pub(crate) u32);

        impl $name {
            pub(crate) fn new(position: usize) -> Self {
                Self(u32::try_from(position).unwrap_or(u32::MAX))
            }

            /// The position of the item in its list, from 0.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl PlanRef for $name {
            type Item = $item;

            fn resolve(self, data: &PlanData) -> Option<&$item> {
                data.$field.get(self.index())
            }
        }
    )*};
}

position_refs! {
    /// A numbered part of the plan (一、二、三…).
    PartRef => parts: crate::Part,
    /// A tier of the enterprise ladder.
    TierRef => tiers: crate::Tier,
    /// A named group that is not a tier.
    GroupRef => groups: crate::Group,
    /// A term the plan defines.
    TermRef => defined_terms: crate::DefinedTerm,
    /// A section of the tasks part.
    SectionRef => sections: crate::Section,
    /// A task.
    TaskRef => tasks: crate::Task,
    /// A mechanism.
    MechanismRef => mechanisms: crate::Mechanism,
    /// A unit.
    UnitRef => units: crate::Unit,
    /// An entity.
    EntityRef => entities: crate::Entity,
    /// A fact the conditions of measures ask about.
    FactRef => facts: crate::Fact,
}

/// A plan goal (`task` is `None`) or a target of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
pub struct TargetRef {
    pub(crate) task: Option<TaskRef>,
    pub(crate) index: u32,
}

impl TargetRef {
    pub(crate) fn goal(position: usize) -> Self {
        Self {
            task: None,
            index: u32::try_from(position).unwrap_or(u32::MAX),
        }
    }

    pub(crate) fn of_task(task: TaskRef, position: usize) -> Self {
        Self {
            task: Some(task),
            index: u32::try_from(position).unwrap_or(u32::MAX),
        }
    }

    /// The task that sets the target; `None` for a plan goal.
    pub fn task(self) -> Option<TaskRef> {
        self.task
    }

    /// The position of the target among the goals, or among its task's targets.
    pub fn index(self) -> usize {
        self.index as usize
    }
}

impl PlanRef for TargetRef {
    type Item = crate::Target;

    fn resolve(self, data: &PlanData) -> Option<&crate::Target> {
        match self.task {
            None => data.goals.get(self.index()),
            Some(task) => task.resolve(data)?.targets.get(self.index()),
        }
    }
}

/// A support measure of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
pub struct MeasureRef {
    pub(crate) task: TaskRef,
    pub(crate) index: u32,
}

impl MeasureRef {
    pub(crate) fn new(task: TaskRef, position: usize) -> Self {
        Self {
            task,
            index: u32::try_from(position).unwrap_or(u32::MAX),
        }
    }

    /// The task that offers the measure.
    pub fn task(self) -> TaskRef {
        self.task
    }

    /// The position of the measure among its task's measures.
    pub fn index(self) -> usize {
        self.index as usize
    }
}

impl PlanRef for MeasureRef {
    type Item = crate::Measure;

    fn resolve(self, data: &PlanData) -> Option<&crate::Measure> {
        self.task.resolve(data)?.measures.get(self.index())
    }
}

/// A reference that finds its item in a plan's data: see [`Plan::get`](crate::Plan::get).
pub trait PlanRef: Copy {
    /// The kind of item referred to.
    type Item;

    /// The item in `data`, or `None` if `data` is not the plan the reference came from.
    fn resolve(self, data: &PlanData) -> Option<&Self::Item>;
}

/// Any item of a plan that has an id or a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[non_exhaustive]
pub enum ItemRef {
    /// The document's header and footer.
    Document,
    /// The opening paragraph.
    Preamble,
    /// A part.
    Part(PartRef),
    /// A tier.
    Tier(TierRef),
    /// A group.
    Group(GroupRef),
    /// A defined term.
    Term(TermRef),
    /// A plan goal or a task target.
    Target(TargetRef),
    /// A section.
    Section(SectionRef),
    /// A task.
    Task(TaskRef),
    /// A support measure.
    Measure(MeasureRef),
    /// A mechanism.
    Mechanism(MechanismRef),
    /// A unit.
    Unit(UnitRef),
    /// An entity.
    Entity(EntityRef),
    /// A fact the conditions of measures ask about.
    Fact(FactRef),
}

impl ItemRef {
    /// What kind of item this is.
    pub fn kind(self) -> crate::ItemKind {
        use crate::ItemKind as K;
        match self {
            Self::Document => K::Document,
            Self::Preamble => K::Preamble,
            Self::Part(_) => K::Part,
            Self::Tier(_) => K::Tier,
            Self::Group(_) => K::Group,
            Self::Term(_) => K::Term,
            Self::Target(target) if target.task().is_none() => K::Goal,
            Self::Target(_) => K::Target,
            Self::Section(_) => K::Section,
            Self::Task(_) => K::Task,
            Self::Measure(_) => K::Measure,
            Self::Mechanism(_) => K::Mechanism,
            Self::Unit(_) => K::Unit,
            Self::Entity(_) => K::Entity,
            Self::Fact(_) => K::Fact,
        }
    }

    /// The JSON Pointer of the item in the plan file, e.g. `/tasks/27/measures/0`.
    pub fn pointer(self) -> String {
        let task = |task: TaskRef| format!("/tasks/{}", task.index());
        match self {
            Self::Document => "/document".to_owned(),
            Self::Preamble => "/preamble".to_owned(),
            Self::Part(at) => format!("/parts/{}", at.index()),
            Self::Tier(at) => format!("/tiers/{}", at.index()),
            Self::Group(at) => format!("/groups/{}", at.index()),
            Self::Term(at) => format!("/defined_terms/{}", at.index()),
            Self::Target(at) => match at.task() {
                None => format!("/goals/{}", at.index()),
                Some(owner) => format!("{}/targets/{}", task(owner), at.index()),
            },
            Self::Section(at) => format!("/sections/{}", at.index()),
            Self::Task(at) => task(at),
            Self::Measure(at) => format!("{}/measures/{}", task(at.task()), at.index()),
            Self::Mechanism(at) => format!("/mechanisms/{}", at.index()),
            Self::Unit(at) => format!("/units/{}", at.index()),
            Self::Entity(at) => format!("/entities/{}", at.index()),
            Self::Fact(at) => format!("/facts/{}", at.index()),
        }
    }
}

/// Where an item stands in the document: its part (一、二…), the numbered division inside
/// the part (a section or mechanism, （一）（二）…) and the item's own number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Place {
    /// The part's number, printed 一、二、三.
    pub part: Option<u32>,
    /// The section or mechanism, printed （一）（二）.
    pub division: Option<Division>,
    /// The task's number, printed in Arabic digits.
    pub task: Option<u32>,
}

/// A numbered division of a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Division {
    /// A section of the tasks part.
    Section(u32),
    /// A mechanism of the mechanisms part.
    Mechanism(u32),
}

impl Place {
    /// As the document prints it: `二（五）28`.
    pub fn zh(&self) -> String {
        self.to_string()
    }

    /// As English translations of such documents number it: `II (5) 28` (parts in Roman
    /// numerals, divisions in parentheses).
    pub fn en(&self) -> String {
        rendered(|out| self.write_en(out)).to_string()
    }

    fn write_zh(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        if let Some(part) = self.part {
            write_numeral(out, part)?;
        }
        if let Some(Division::Section(n) | Division::Mechanism(n)) = self.division {
            out.write_char('（')?;
            write_numeral(out, n)?;
            out.write_char('）')?;
        }
        if let Some(task) = self.task {
            write!(out, "{task}")?;
        }
        Ok(())
    }

    fn write_en(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let mut separator = "";
        if let Some(part) = self.part {
            write_roman(out, part)?;
            separator = " ";
        }
        if let Some(Division::Section(n) | Division::Mechanism(n)) = self.division {
            write!(out, "{separator}({n})")?;
            separator = " ";
        }
        if let Some(task) = self.task {
            write!(out, "{separator}{task}")?;
        }
        Ok(())
    }

    fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_zh(f)
    }
}

/// Serialized as its two renderings, `{"zh": "二（五）28", "en": "II (5) 28"}`.
impl Serialize for Place {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Place", 2)?;
        out.serialize_field("zh", &rendered(|out| self.write_zh(out)))?;
        out.serialize_field("en", &rendered(|out| self.write_en(out)))?;
        out.end()
    }
}

/// A rendering written straight into its destination (a string, a formatter, a serializer's
/// output), so that a citation is built without a string of its own for each part.
struct Rendered<F>(F);

/// A [`Rendered`] of `write`. Through this function's bound, a closure's argument is inferred
/// as `&mut dyn fmt::Write` (as `Rendered(…)`, a closure would take one writer type only).
fn rendered<F: Fn(&mut dyn fmt::Write) -> fmt::Result>(write: F) -> Rendered<F> {
    Rendered(write)
}

impl<F: Fn(&mut dyn fmt::Write) -> fmt::Result> fmt::Display for Rendered<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}

impl<F: Fn(&mut dyn fmt::Write) -> fmt::Result> Serialize for Rendered<F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Where an item comes from: the document number and the item's place in it, as in
/// `武隆府办发〔2022〕48号 二（五）28`. Either may be unknown, never both.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Citation {
    /// The document number, when the plan has one.
    pub document: Option<String>,
    /// The item's place, when it has one.
    pub place: Option<Place>,
}

impl Citation {
    /// A citation of `place` in the document numbered `document`; `None` if both are unknown.
    pub(crate) fn new(document: Option<&str>, place: Option<Place>) -> Option<Self> {
        let place = place.filter(|place| !place.is_empty());
        let document = document.filter(|number| !number.is_empty());
        (document.is_some() || place.is_some()).then(|| Self {
            document: document.map(str::to_owned),
            place,
        })
    }

    /// As printed in Chinese: `武隆府办发〔2022〕48号 二（五）28`.
    pub fn zh(&self) -> String {
        self.to_string()
    }

    /// In English: `武隆府办发〔2022〕48号, II (5) 28`.
    pub fn en(&self) -> String {
        rendered(|out| self.write_en(out)).to_string()
    }

    fn write_zh(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        self.write(out, " ", Place::write_zh)
    }

    fn write_en(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        self.write(out, ", ", Place::write_en)
    }

    fn write(
        &self,
        out: &mut dyn fmt::Write,
        separator: &str,
        place: fn(&Place, &mut dyn fmt::Write) -> fmt::Result,
    ) -> fmt::Result {
        if let Some(document) = &self.document {
            out.write_str(document)?;
        }
        if let Some(at) = &self.place {
            if self.document.is_some() {
                out.write_str(separator)?;
            }
            place(at, out)?;
        }
        Ok(())
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_zh(f)
    }
}

/// Serialized with its renderings: `{"zh", "en", "document", "place": {"zh", "en"}}`.
impl Serialize for Citation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Citation", 4)?;
        out.serialize_field("zh", &rendered(|out| self.write_zh(out)))?;
        out.serialize_field("en", &rendered(|out| self.write_en(out)))?;
        out.serialize_field("document", &self.document)?;
        out.serialize_field("place", &self.place)?;
        out.end()
    }
}

#[cfg(feature = "schema")]
mod schema {
    use std::borrow::Cow;

    use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

    impl JsonSchema for super::Place {
        fn schema_name() -> Cow<'static, str> {
            "Place".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "Where an item stands in the document, as printed and in English.",
                "type": "object",
                "properties": {
                    "zh": { "type": "string", "description": "As printed, e.g. 二（五）28." },
                    "en": { "type": "string", "description": "In English, e.g. II (5) 28." }
                },
                "required": ["zh", "en"],
                "additionalProperties": false
            })
        }
    }

    impl JsonSchema for super::Citation {
        fn schema_name() -> Cow<'static, str> {
            "Citation".into()
        }

        fn json_schema(generator: &mut SchemaGenerator) -> Schema {
            let place = generator.subschema_for::<Option<super::Place>>();
            json_schema!({
                "description": "Where an item comes from: the document number and the item's place.",
                "type": "object",
                "properties": {
                    "zh": { "type": "string", "description": "E.g. 武隆府办发〔2022〕48号 二（五）28." },
                    "en": { "type": "string", "description": "E.g. 武隆府办发〔2022〕48号, II (5) 28." },
                    "document": { "type": ["string", "null"], "description": "The document number, if known." },
                    "place": place
                },
                "required": ["zh", "en", "document", "place"],
                "additionalProperties": false
            })
        }
    }
}

/// Writes `number` in Roman numerals (Arabic digits from 40 on, which no part reaches).
fn write_roman(out: &mut dyn fmt::Write, number: u32) -> fmt::Result {
    const TENS: [&str; 4] = ["", "X", "XX", "XXX"];
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    match (
        TENS.get((number / 10) as usize),
        UNITS.get((number % 10) as usize),
    ) {
        (Some(tens), Some(units)) if number > 0 => write!(out, "{tens}{units}"),
        _ => write!(out, "{number}"),
    }
}

/// Writes `number` in Chinese numerals, as documents number their parts and sections
/// (Arabic digits from 100 on).
fn write_numeral(out: &mut dyn fmt::Write, number: u32) -> fmt::Result {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: u32| DIGITS.get(d as usize).copied().unwrap_or_default();
    match (number / 10, number % 10) {
        (10.., _) => write!(out, "{number}"),
        (0, units) => out.write_str(digit(units)),
        (1, 0) => out.write_str("十"),
        (1, units) => write!(out, "十{}", digit(units)),
        (tens, 0) => write!(out, "{}十", digit(tens)),
        (tens, units) => write!(out, "{}十{}", digit(tens), digit(units)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let cases = [
            (1, "一"),
            (5, "五"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (32, "三十二"),
            (100, "100"),
        ];
        for (number, expected) in cases {
            assert_eq!(
                rendered(|out| write_numeral(out, number)).to_string(),
                expected
            );
        }
    }

    #[test]
    fn roman_numerals() {
        let cases = [
            (1, "I"),
            (4, "IV"),
            (9, "IX"),
            (14, "XIV"),
            (39, "XXXIX"),
            (40, "40"),
        ];
        for (number, expected) in cases {
            assert_eq!(
                rendered(|out| write_roman(out, number)).to_string(),
                expected
            );
        }
    }

    #[test]
    fn places_render_only_the_parts_they_have() {
        let place = |part, division: Option<u32>, task| Place {
            part,
            division: division.map(Division::Section),
            task,
        };
        let cases = [
            (place(Some(2), None, None), "二", "II"),
            (place(None, Some(5), None), "（五）", "(5)"),
            (place(None, None, Some(28)), "28", "28"),
            (place(None, Some(5), Some(28)), "（五）28", "(5) 28"),
            (place(Some(2), None, Some(28)), "二28", "II 28"),
            (place(Some(2), Some(5), None), "二（五）", "II (5)"),
        ];
        for (place, zh, en) in cases {
            assert_eq!((place.zh().as_str(), place.en().as_str()), (zh, en));
        }
    }

    #[test]
    fn citations_render_without_dangling_separators() {
        let place = Place {
            part: Some(2),
            division: Some(Division::Section(5)),
            task: Some(28),
        };
        let full = Citation::new(Some("武隆府办发〔2022〕48号"), Some(place)).unwrap();
        assert_eq!(full.zh(), "武隆府办发〔2022〕48号 二（五）28");
        assert_eq!(full.en(), "武隆府办发〔2022〕48号, II (5) 28");
        let no_number = Citation::new(None, Some(place)).unwrap();
        assert_eq!(no_number.zh(), "二（五）28");
        assert_eq!(no_number.en(), "II (5) 28");
        let no_place = Citation::new(Some("渝府办发〔2022〕23号"), None).unwrap();
        assert_eq!(no_place.to_string(), "渝府办发〔2022〕23号");
        assert_eq!(no_place.en(), "渝府办发〔2022〕23号");
        assert_eq!(
            serde_json::to_value(&full).unwrap(),
            serde_json::json!({
                "zh": "武隆府办发〔2022〕48号 二（五）28",
                "en": "武隆府办发〔2022〕48号, II (5) 28",
                "document": "武隆府办发〔2022〕48号",
                "place": {"zh": "二（五）28", "en": "II (5) 28"},
            })
        );
        assert!(Citation::new(None, None).is_none());
        assert!(Citation::new(Some(""), Some(Place::default())).is_none());
    }
}
