//! The plan format: one type per kind of thing an action plan of this family contains.
//!
//! The shape follows the documents. What a text says is stored where it says it (a section's
//! 责任单位 line on the section, a reward on its task); what follows from it (a task's
//! responsible units, citations, ids of numbered items) is derived by the [`Plan`](crate::Plan).
//!
//! Only what every plan has is required: an `id` and the document's `title`. Everything else
//! may be left out, and a left-out field means "not printed, or not known" — never a
//! placeholder. Where a value is known but not printed, [`Provenance::inferred`] says so; a
//! plan of which only part survives says so in [`Provenance::completeness`].
//!
//! Every Chinese string (`zh`) is a verbatim piece of the source; every `en` is our own,
//! unofficial translation. Classifications that are ours rather than the text's (instrument
//! tags, unit kinds, entity kinds) are documented on their types; readings that go beyond the
//! letter of the text are spelled out in an `interpretation` note on the item.

mod text;

use serde::{Deserialize, Serialize};

use crate::instrument::Instrument;
pub use text::{Decimal, List, Str, Text};

/// The id of a [`Unit`], e.g. `finance-bureau`.
pub type UnitId = Str;
/// The id of a [`Tier`], a [`DefinedTerm`] or a [`Group`], e.g. `little-giant`.
pub type GroupId = Str;
/// The id of an [`Entity`], e.g. `doc-yufubanfa-2022-23`.
pub type EntityId = Str;

/// A whole action plan as its file holds it: the document, its structure and everything it
/// names. This is the file format; a validated `Plan` is made from it by loading or
/// validating, and only a `Plan` answers questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct PlanData {
    /// The JSON Schema the file claims to follow; lets editors check and complete it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<Str>,
    /// Stable ASCII id of the plan, e.g. `wulong-2022-48`.
    pub id: Str,
    /// Header and footer of the official document.
    pub document: Document,
    /// Where the text comes from, how complete it is, and what is inferred rather than printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// The years the plan covers, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The opening paragraph: purpose and basis of the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preamble: Option<Text>,
    /// The numbered parts (一、二、三…) with their headings.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub parts: List<Part>,
    /// The ladder of enterprise tiers the plan cultivates, lowest first.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub tiers: List<Tier>,
    /// Other named groups the plan speaks of (districts and counties, parks, …).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub groups: List<Group>,
    /// Terms the plan defines for itself (以下统称…, 以下简称…).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub defined_terms: List<DefinedTerm>,
    /// The plan's development goals, as targets.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub goals: List<Target>,
    /// The sections of the tasks part, numbered from 1.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub sections: List<Section>,
    /// How the tasks are numbered.
    #[serde(default, skip_serializing_if = "TaskNumbering::is_default")]
    pub task_numbering: TaskNumbering,
    /// The numbered tasks, section by section.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub tasks: List<Task>,
    /// The safeguard mechanisms (保障措施), numbered from 1.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub mechanisms: List<Mechanism>,
    /// Every organisation the document names.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub units: List<Unit>,
    /// Every named platform, fund, programme, event, document and other thing.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub entities: List<Entity>,
    /// The facts about an enterprise that the measures' conditions ask about.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub facts: List<Fact>,
    /// How many items of each kind the whole document has, where a source says so (a partial
    /// plan: “30 项任务，五个方面”).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totals: Option<Totals>,
}

impl PlanData {
    /// The smallest valid plan: an id and a title. Everything else is added as the text is
    /// transcribed; `srdi new` prints this.
    ///
    /// ```
    /// use srdi_plan::{PlanData, Text};
    /// let data = PlanData::new("my-plan", Text::new("某区推进“专精特新”企业高质量发展专项行动计划", ""));
    /// assert!(srdi_plan::Plan::from_data(data).is_ok());
    /// ```
    pub fn new(id: impl Into<Str>, title: Text) -> Self {
        Self {
            schema: None,
            id: id.into(),
            document: Document {
                title,
                ..Document::default()
            },
            provenance: None,
            period: None,
            preamble: None,
            parts: List::default(),
            tiers: List::default(),
            groups: List::default(),
            defined_terms: List::default(),
            goals: List::default(),
            sections: List::default(),
            task_numbering: TaskNumbering::default(),
            tasks: List::default(),
            mechanisms: List::default(),
            units: List::default(),
            entities: List::default(),
            facts: List::default(),
            totals: None,
        }
    }
}

/// Header and footer of the official document (红头文件). Only the title is required.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Document number as printed, e.g. `武隆府办发〔2022〕48号`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<Str>,
    /// The issuing unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<UnitId>,
    /// The masthead line, e.g. `重庆市武隆区人民政府办公室文件`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub masthead: Option<Text>,
    /// Title of the covering notice (通知).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_title: Option<Text>,
    /// Title of the plan itself.
    pub title: Text,
    /// Addressees of the notice, in printed order.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub addressees: List<Text>,
    /// Body of the covering notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Text>,
    /// How the plan was approved: by a meeting, or by a printed statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    /// Date of signature, ISO 8601 (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Str>,
    /// Disclosure status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<Disclosure>,
    /// The higher-level documents this plan implements (entities of kind `document`).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub based_on: List<EntityId>,
    /// Units copied in (抄送), in printed order.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub cc: List<UnitId>,
    /// The unit that printed and distributed the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_by: Option<UnitId>,
    /// Date of printing (印发), ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<Str>,
}

/// Approval of the plan: a meeting that adopted it (区政府第17次常务会议), or the printed
/// statement of approval (已经市政府同意). At least one of the two.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The approving unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<UnitId>,
    /// The meeting as printed, e.g. `区政府第17次常务会议`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Text>,
    /// The statement as printed, e.g. `已经市政府同意`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<Text>,
}

/// Whether, and how, the document is published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Disclosure {
    /// The disclosure status.
    pub status: DisclosureStatus,
    /// The printed note, e.g. `此件公开发布`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Disclosure status of a government document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DisclosureStatus {
    /// Published for the public (公开发布).
    Public,
    /// Disclosed on request (依申请公开).
    OnRequest,
    /// Not for publication (不予公开).
    NotPublic,
}

/// Where a plan's text comes from, how complete it is, and what in it is inferred.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The copies the text was taken from, the best first.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub sources: List<Source>,
    /// Whether the whole document is here.
    #[serde(default)]
    pub completeness: Completeness,
    /// How the text was taken from the sources: what was joined, normalised or left as found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcription: Option<Str>,
    /// Values the file holds that the text does not print, each with where it comes from.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub inferred: List<Inference>,
    /// The government registry's metadata of the document (信息公开目录).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<Registry>,
}

/// One copy of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What kind of copy it is.
    pub kind: SourceKind,
    /// Its title or a short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Str>,
    /// Where it was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Str>,
    /// When it was read, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<Str>,
    /// Anything a reader of the data should know about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Str>,
}

/// What kind of copy a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourceKind {
    /// Published by the issuer (its website, gazette, registry).
    Official,
    /// A reprint by a third party.
    Reprint,
    /// A news report about the document.
    News,
    /// An archive or a collection.
    Archive,
    /// Anything else.
    Other,
}

/// Whether the whole document is in the file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Completeness {
    /// Complete or partial.
    pub status: CompletenessStatus,
    /// What is missing, for a partial plan, e.g. “tasks 3–30 and the headings of sections
    /// （二）–（五）”.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub missing: List<Str>,
}

/// Complete or partial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CompletenessStatus {
    /// The whole document.
    #[default]
    Complete,
    /// Only part of it survives or is known: numbering may have gaps, texts may break off.
    Partial,
}

/// A value the file holds that the text does not print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Inference {
    /// The JSON Pointer of the value in this file, e.g. `/document/number`.
    pub path: Str,
    /// Where the value comes from.
    pub reason: Str,
}

/// The registry metadata of a government document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Registry {
    /// 索引号, the registry index number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_number: Option<Str>,
    /// 发布日期, the publication date, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Str>,
    /// 主题分类, the subject category as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Str>,
    /// 发布机构, the publishing body as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Str>,
}

/// A span of years, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First year.
    pub start: u16,
    /// Last year.
    pub end: u16,
}

impl Period {
    /// Whether `year` falls inside the period.
    pub fn contains(self, year: u16) -> bool {
        (self.start..=self.end).contains(&year)
    }
}

/// How many items of each kind the whole document has, where known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs, reason = "each field counts the items its name says")]
pub struct Totals {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goals: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sections: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanisms: Option<u16>,
}

/// A numbered part of the plan (一、发展目标 …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// 1-based number; printed as 一、二、三.
    pub number: u16,
    /// Heading, without its numeral.
    pub title: Text,
    /// What the part holds; citations of goals, tasks and mechanisms name their part.
    pub content: PartContent,
    /// Running text directly under the heading, if any (the goals are often stated there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

/// What a [`Part`] of the plan holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PartContent {
    /// The development goals (发展目标).
    Goals,
    /// The task sections (重点任务).
    Tasks,
    /// The safeguard mechanisms (保障措施).
    Mechanisms,
    /// Running text only (指导思想, 基本原则 …).
    Other,
}

/// How tasks are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TaskNumbering {
    /// 1, 2, 3… across all sections; a task's id is `task-N`.
    #[default]
    Continuous,
    /// Starting again at 1 in each section; a task's id is `task-S-N`.
    PerSection,
}

impl TaskNumbering {
    #[allow(
        clippy::trivially_copy_pass_by_ref,
        reason = "serde's skip_serializing_if passes a reference"
    )]
    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// A section of the tasks part, with the units responsible for its tasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// 1-based number; printed as （一）（二）….
    pub number: u16,
    /// Heading, without its numeral and closing 。.
    pub title: Text,
    /// The 责任单位 line printed for the section's tasks, if one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<Responsibility>,
    /// What we read into the text beyond its letter, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<Str>,
}

/// A printed responsibility line and the units it names, by role, in printed order.
///
/// The line is printed in many ways — `责任单位：A、B`, `牵头单位：A；配合单位：B、C`,
/// `A牵头，B、C配合`, `责任单位：A（牵头）、B` — and is checked against the lists.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    /// The line as printed, without its enclosing parentheses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// Units that lead (牵头).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub lead: List<UnitId>,
    /// Units responsible without a stated role (责任单位).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub units: List<UnitId>,
    /// Units that cooperate (配合).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub cooperating: List<UnitId>,
}

impl Responsibility {
    /// Every unit named, leads first, then plain, then cooperating, each once.
    pub fn all(&self) -> impl Iterator<Item = &UnitId> {
        let mut seen = Vec::new();
        self.lead
            .iter()
            .chain(self.units.iter())
            .chain(self.cooperating.iter())
            .filter(move |id| {
                let first = !seen.contains(id);
                seen.push(*id);
                first
            })
    }
}

/// A lead the running text names (`区经济信息委牵头，…`), with the clause it governs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Lead {
    /// The leading unit.
    pub unit: UnitId,
    /// The clause it leads, verbatim from the item's text.
    pub clause: Text,
}

/// Something the text says happens at a frequency, with the clause that says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Scheduled {
    /// The clause, verbatim from the item's text.
    pub clause: Text,
    /// How often.
    pub frequency: Frequency,
}

/// How often something happens, as the text puts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Frequency {
    /// 定期: regularly, the interval not stated.
    Regular,
    /// 每年, 年度: yearly.
    Annual,
    /// 每半年: twice a year.
    Semiannual,
    /// 每季度: every quarter.
    Quarterly,
    /// 每月: every month.
    Monthly,
    /// 适时: at times judged suitable, not recurring.
    WhenAppropriate,
}

/// A list the text prints (sectors, industries), each item verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// The items, in printed order.
    pub items: List<Text>,
    /// The list ends in 等 (and others): it is not closed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open: bool,
}

/// A numbered task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// 1-based number: across sections, or within its section (see [`TaskNumbering`]).
    pub number: u16,
    /// The section the task belongs to.
    pub section: u16,
    /// The task's own heading, when printed, without its closing 。.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The task text after its number (and title).
    pub text: Text,
    /// The enterprises or groups the task is aimed at (tiers, defined terms, groups).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub aimed_at: List<GroupId>,
    /// Policy instruments the task uses (our classification).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub instruments: List<Instrument>,
    /// Quantified targets the task sets.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub targets: List<Target>,
    /// Benefits the task offers enterprises.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub measures: List<Measure>,
    /// Named things the task mentions.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub entities: List<EntityId>,
    /// A responsibility line printed for this task alone; else its section's applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<Responsibility>,
    /// Leads the task's text names for one of its clauses.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub leads: List<Lead>,
    /// What the text says happens at a frequency.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub schedule: List<Scheduled>,
    /// The sectors or industries the task names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sectors: Option<Listing>,
    /// What we read into the text beyond its letter, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<Str>,
}

/// One of the safeguard mechanisms (保障措施).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Mechanism {
    /// 1-based number; printed as （一）（二）….
    pub number: u16,
    /// Heading, without its numeral and closing 。.
    pub title: Text,
    /// The mechanism's text after its heading.
    pub text: Text,
    /// The responsibility line printed at its end, if one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<Responsibility>,
    /// Leads the text names for one of its clauses (`区经济信息委牵头，…`).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub leads: List<Lead>,
    /// Policy instruments the mechanism uses (our classification).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub instruments: List<Instrument>,
    /// Named things the mechanism mentions.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub entities: List<EntityId>,
    /// What the text says happens at a frequency.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub schedule: List<Scheduled>,
    /// What we read into the text beyond its letter, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<Str>,
}

/// A quantified target: a plan goal or a task-level target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Stable ASCII id, e.g. `goal-1` or `task-8-t1`.
    pub id: Str,
    /// What is counted, as printed.
    pub indicator: Text,
    /// The clause that states the target, verbatim.
    pub text: Text,
    /// What must happen to reach it.
    pub kind: TargetKind,
    /// How many, in `unit`: 2.5万家 is 25000 家. Required unless the kind is `full_coverage`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
    /// The unit of `value` as printed, without a magnitude: 家, 个, 项, %, 元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Str>,
    /// The quantity as printed when it differs from `value` and `unit` (`2.5万家`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<Str>,
    /// The tier, defined term or group counted (for a `cultivate` target, the tier the
    /// cultivation aims at).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupId>,
    /// The year by which it is due, when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_year: Option<u16>,
    /// The starting value the text states, if it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Milestone>,
    /// Values the text sets for years before the deadline.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub milestones: List<Milestone>,
    /// What we read into the text beyond its letter, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<Str>,
}

/// A value of a target's indicator in a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// The year.
    pub year: u16,
    /// The value, in the target's unit.
    pub value: Decimal,
    /// The quantity as printed, when it differs from the value and unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<Str>,
}

/// The verb of a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetKind {
    /// A stock to reach (达到).
    Reach,
    /// New ones to add (新增): counted from a baseline.
    Increase,
    /// Units to cultivate as a priority (重点培育, 纳入重点培育).
    Cultivate,
    /// Units to select into a pool (遴选…纳入).
    Select,
    /// Things to establish (组建, 建成, 打造).
    Establish,
    /// A stock to bring down (降低, 减少): lower is better.
    Reduce,
    /// Every member of a group (全覆盖); no number is printed.
    FullCoverage,
}

/// A support measure: something an enterprise can get.
///
/// Structured so that an eligibility rule can be evaluated from it: who (`beneficiary`),
/// on what occasion (`trigger`), how much (`amount`), how often (`one_time`), on whose
/// approval (`approved_by`) and under which rules (`legal_basis`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable ASCII id, e.g. `task-28-m1`.
    pub id: Str,
    /// The kind of benefit (our classification).
    pub instrument: Instrument,
    /// The clause that grants it, verbatim.
    pub text: Text,
    /// Who can get it.
    #[serde(default)]
    pub beneficiary: Beneficiary,
    /// The event that entitles an enterprise, if the text ties the benefit to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Trigger>,
    /// The years in which the trigger counts, when they differ from the plan's period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<Period>,
    /// The beneficiary's printed condition as an expression over named facts, beside the
    /// verbatim text it stands for (`beneficiary.condition`), so that it can be evaluated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Condition>,
    /// The sum, when the text states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// Paid once only (一次性).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_time: bool,
    /// Units whose approval each grant needs.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub approved_by: List<UnitId>,
    /// The document whose rules govern the benefit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<EntityId>,
    /// What we read into the text beyond its letter, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<Str>,
}

/// Who a measure is for: a tier, defined term or group, narrowed by a printed condition.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Beneficiary {
    /// The tier, defined term or group named, if the beneficiary is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupId>,
    /// The printed qualifier, verbatim (e.g. `新获得认定的`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Text>,
}

/// The event that entitles an enterprise to a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Trigger {
    /// Being newly recognised as a tier (新获得认定).
    NewRecognition,
    /// Being listed on a stock exchange (上市).
    Listing,
    /// Being quoted on an equity exchange centre (挂牌).
    Quotation,
    /// Being quoted or listed, either (挂牌、上市).
    QuotationOrListing,
    /// Carrying out a qualifying project (改造, 建设, 打造…的).
    QualifyingProject,
    /// A case-by-case decision (一事一议).
    CaseByCase,
    /// Being taken into a pool of enterprises preparing for listing (纳入拟上市企业储备库).
    PreListingPool,
}

/// A fact about an enterprise that a measure's conditions ask about, named by the words of
/// the text that state it (`研发费用加计扣除备案达到一定额度`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Stable ASCII id, the key of the fact in a profile, e.g. `rd-deduction-filing-threshold`.
    pub id: Str,
    /// The words of the condition that state the fact, verbatim, and our translation.
    pub name: Text,
    /// Whether a profile gives it as yes or no (the default) or as a number.
    #[serde(default, skip_serializing_if = "FactKind::is_yes_no")]
    pub kind: FactKind,
    /// What we read into the text beyond its letter, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<Str>,
}

/// How a profile gives a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// `true` or `false`, asked with `{"fact": id}`.
    #[default]
    YesNo,
    /// A number, compared with `at_least` and `at_most`.
    Number,
}

impl FactKind {
    #[allow(
        clippy::trivially_copy_pass_by_ref,
        reason = "serde's skip_serializing_if passes a reference"
    )]
    fn is_yes_no(&self) -> bool {
        *self == Self::YesNo
    }
}

/// A condition over the facts of a profile: `{"fact": id}` holds when the fact is true;
/// `at_least` and `at_most` compare a number; `all`, `any` and `not` combine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The fact (yes or no) holds.
    Fact(Str),
    /// The fact (a number) is at least the value.
    AtLeast(Comparison),
    /// The fact (a number) is at most the value.
    AtMost(Comparison),
    /// Every condition holds.
    All(List<Condition>),
    /// One condition holds.
    Any(List<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
}

/// A fact compared with a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The fact's id.
    pub fact: Str,
    /// The bound.
    pub value: Decimal,
}

impl Condition {
    /// The ids of the facts the condition names, in order, each once.
    pub fn facts(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        self.visit(&mut |condition| {
            let id = match condition {
                Self::Fact(id) => id.as_ref(),
                Self::AtLeast(c) | Self::AtMost(c) => c.fact.as_ref(),
                _ => return,
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        });
        ids
    }

    /// Whether the condition asks whether the fact `id` holds (`{"fact": id}`).
    pub fn asks(&self, id: &str) -> bool {
        let mut found = false;
        self.visit(&mut |condition| {
            if let Self::Fact(fact) = condition {
                found |= fact == id;
            }
        });
        found
    }

    /// Whether the condition compares the fact `id` as a number.
    pub fn compares(&self, id: &str) -> bool {
        let mut found = false;
        self.visit(&mut |condition| {
            if let Self::AtLeast(c) | Self::AtMost(c) = condition {
                found |= c.fact == id;
            }
        });
        found
    }

    /// The bounds the condition compares the fact `id` with: (`true` for at least, the bound).
    pub fn comparisons<'a>(&'a self, id: &'a str) -> impl Iterator<Item = (bool, Decimal)> + 'a {
        let mut found = Vec::new();
        self.visit(&mut |condition| match condition {
            Self::AtLeast(c) if c.fact == id => found.push((true, c.value)),
            Self::AtMost(c) if c.fact == id => found.push((false, c.value)),
            _ => {}
        });
        found.into_iter()
    }

    /// Whether the condition has a `not` anywhere in it: the one part of a plan held in a
    /// `Box`, which a static cannot hold (see [`crate::bake`]).
    #[cfg(feature = "bake")]
    pub(crate) fn negates(&self) -> bool {
        let mut found = false;
        self.visit(&mut |condition| found |= matches!(condition, Self::Not(_)));
        found
    }

    fn visit<'a>(&'a self, f: &mut impl FnMut(&'a Self)) {
        f(self);
        match self {
            Self::All(list) | Self::Any(list) => list.iter().for_each(|c| c.visit(f)),
            Self::Not(inner) => inner.visit(f),
            Self::Fact(_) | Self::AtLeast(_) | Self::AtMost(_) => {}
        }
    }
}

/// A sum of money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Amount {
    /// The sum in whole currency units (100 万元 = 1 000 000).
    pub value: u64,
    /// ISO 4217 code, e.g. `CNY`.
    pub currency: Str,
    /// The sum as printed when it differs from the value (`100 万元`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<Str>,
}

/// One rung of the enterprise ladder (梯度培育).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Stable ASCII id, e.g. `little-giant`.
    pub id: GroupId,
    /// Position on the ladder, 1 = lowest.
    pub rank: u16,
    /// Name as printed.
    pub name: Text,
}

/// A named group other than a tier: places, institutions, kinds of enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stable ASCII id, e.g. `districts-and-counties`.
    pub id: GroupId,
    /// What the group is made of (our classification).
    pub kind: GroupKind,
    /// Name as printed.
    pub name: Text,
}

/// What a [`Group`] is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GroupKind {
    /// Enterprises (中小微企业, 上市企业).
    Enterprises,
    /// Places (区县, 园区).
    Places,
    /// Institutions (高等院校, 科研院所).
    Institutions,
    /// People (人才, 科学家团队).
    People,
}

/// A term the plan defines for itself (以下统称…, 以下简称…), and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct DefinedTerm {
    /// Stable ASCII id, e.g. `srdi-enterprises`.
    pub id: GroupId,
    /// The term as printed.
    pub term: Text,
    /// The defining phrase as printed.
    pub definition: Text,
    /// The tiers and groups the term stands for.
    pub stands_for: List<GroupId>,
}

/// An organisation the document names, by the short name it prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable ASCII id, e.g. `finance-bureau`.
    pub id: UnitId,
    /// The name as printed (often a short form such as `区财政局`) and our translation.
    pub name: Text,
    /// What kind of body it is (our classification).
    pub kind: UnitKind,
    /// What we read into the text beyond its letter, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<Str>,
}

/// The kind of an organisation (our classification, from its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnitKind {
    /// The people's government itself (区政府).
    Government,
    /// The general office of a government (政府办公室).
    GovernmentOffice,
    /// A department of the government (委, 局).
    GovernmentDepartment,
    /// A local branch of a vertically managed central agency (区税务局).
    CentralAgencyBranch,
    /// The management committee of an industrial park (管委会).
    ParkCommittee,
    /// A public service institution (事业单位), e.g. a service centre.
    PublicInstitution,
    /// A state-owned company.
    StateOwnedCompany,
    /// A financial regulator or central-bank branch.
    FinancialRegulator,
    /// A Communist Party organ (区委 and its offices).
    PartyOrgan,
    /// The people's congress or its standing committee.
    PeoplesCongress,
    /// The political consultative conference.
    PoliticalConsultative,
    /// The supervisory commission (监委).
    SupervisoryCommission,
    /// A court or procuratorate.
    Judicial,
    /// A military body (人武部).
    Military,
    /// A collective reference to several units (有关部门和单位).
    Collective,
}

/// A named thing other than an organisation with duties: platform, fund, document, event….
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Stable ASCII id, e.g. `yuqi-jinfu`.
    pub id: EntityId,
    /// What kind of thing it is (our classification).
    pub kind: EntityKind,
    /// The name as printed.
    pub name: Text,
    /// The document number, for documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<Str>,
    /// What we read into the text beyond its letter, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<Str>,
}

/// The kind of a named entity (our classification).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// An official document (policy, measures, notice).
    Document,
    /// An investment or development fund.
    Fund,
    /// A service, financing or cooperation platform.
    Platform,
    /// A capital market or trading venue.
    Market,
    /// A financial product or product line.
    FinancialProduct,
    /// A programme, pool, scheme, standard or standing policy.
    Programme,
    /// A trade fair, expo or campaign.
    Event,
    /// A coordinating body, committee, alliance or institute.
    Body,
}

names! {
    DisclosureStatus {
        Public = "public",
        OnRequest = "on_request",
        NotPublic = "not_public",
    }
    SourceKind {
        Official = "official",
        Reprint = "reprint",
        News = "news",
        Archive = "archive",
        Other = "other",
    }
    CompletenessStatus {
        Complete = "complete",
        Partial = "partial",
    }
    PartContent {
        Goals = "goals",
        Tasks = "tasks",
        Mechanisms = "mechanisms",
        Other = "other",
    }
    TaskNumbering {
        Continuous = "continuous",
        PerSection = "per_section",
    }
    Frequency {
        Regular = "regular",
        Annual = "annual",
        Semiannual = "semiannual",
        Quarterly = "quarterly",
        Monthly = "monthly",
        WhenAppropriate = "when_appropriate",
    }
    TargetKind {
        Reach = "reach",
        Increase = "increase",
        Cultivate = "cultivate",
        Select = "select",
        Establish = "establish",
        Reduce = "reduce",
        FullCoverage = "full_coverage",
    }
    Trigger {
        NewRecognition = "new_recognition",
        Listing = "listing",
        Quotation = "quotation",
        QuotationOrListing = "quotation_or_listing",
        QualifyingProject = "qualifying_project",
        CaseByCase = "case_by_case",
        PreListingPool = "pre_listing_pool",
    }
    GroupKind {
        Enterprises = "enterprises",
        Places = "places",
        Institutions = "institutions",
        People = "people",
    }
    UnitKind {
        Government = "government",
        GovernmentOffice = "government_office",
        GovernmentDepartment = "government_department",
        CentralAgencyBranch = "central_agency_branch",
        ParkCommittee = "park_committee",
        PublicInstitution = "public_institution",
        StateOwnedCompany = "state_owned_company",
        FinancialRegulator = "financial_regulator",
        PartyOrgan = "party_organ",
        PeoplesCongress = "peoples_congress",
        PoliticalConsultative = "political_consultative",
        SupervisoryCommission = "supervisory_commission",
        Judicial = "judicial",
        Military = "military",
        Collective = "collective",
    }
    EntityKind {
        Document = "document",
        Fund = "fund",
        Platform = "platform",
        Market = "market",
        FinancialProduct = "financial_product",
        Programme = "programme",
        Event = "event",
        Body = "body",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_name<T: serde::Serialize>(value: T) -> String {
        serde_json::to_value(value)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn as_str_is_the_serde_name() {
        macro_rules! check {
            ($($name:ident),*) => {$(
                for value in $name::ALL {
                    assert_eq!(value.as_str(), serde_name(value));
                }
            )*};
        }
        check!(
            DisclosureStatus,
            SourceKind,
            CompletenessStatus,
            PartContent,
            TaskNumbering,
            Frequency,
            TargetKind,
            Trigger,
            GroupKind,
            UnitKind,
            EntityKind
        );
    }

    #[test]
    fn a_plan_needs_only_an_id_and_a_title() {
        let data: PlanData =
            serde_json::from_str(r#"{"id": "p", "document": {"title": {"zh": "计划"}}}"#).unwrap();
        assert_eq!(data.document.title.zh, "计划");
        assert!(data.tasks.is_empty() && data.period.is_none());
        assert_eq!(
            serde_json::to_string(&data).unwrap(),
            r#"{"id":"p","document":{"title":{"zh":"计划"}}}"#
        );
    }
}
