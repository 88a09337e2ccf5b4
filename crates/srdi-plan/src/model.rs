//! The data model: one type per kind of thing the plan document contains.
//!
//! The shape follows the document. What the source says is stored where it says it
//! (a section's 责任单位 list on the section, a reward on its task); everything else
//! (a task's responsible units, citations, ids of numbered items) is derived by methods.
//!
//! Every Chinese string (`zh`) is a verbatim piece of the source text; every `en` is our own,
//! unofficial translation. Classifications that are ours rather than the text's (instrument
//! tags, unit kinds, entity kinds) are documented on their types; readings that go beyond the
//! letter of the text are spelled out in an `interpretation` note on the item.

use serde::{Deserialize, Serialize};

use crate::instrument::Instrument;

/// The id of a [`Unit`], e.g. `finance-bureau`.
pub type UnitId = String;
/// The id of a [`Tier`] (e.g. `little-giant`) or of a [`DefinedTerm`] that stands for tiers.
pub type GroupId = String;
/// The id of an [`Entity`], e.g. `doc-yufubanfa-2022-23`.
pub type EntityId = String;

/// A text as printed (`zh`) and in our unofficial English translation (`en`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Text {
    /// The source text, verbatim (page-break artifacts of the copy joined).
    pub zh: String,
    /// Our own English translation; not an official one.
    pub en: String,
}

/// A whole action plan as its file holds it: the document, its structure and everything it
/// names. This is the file format; a validated `Plan` is made from it by loading or
/// validating, and only a `Plan` answers questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct PlanData {
    /// The JSON Schema the file claims to follow; lets editors check and complete it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable ASCII id of the plan, e.g. `wulong-2022-48`.
    pub id: String,
    /// Header and footer metadata of the official document.
    pub document: Document,
    /// The years the plan covers, inclusive.
    pub period: Period,
    /// The opening paragraph: purpose and basis of the plan.
    pub preamble: Text,
    /// The numbered parts (一、二、三…) with their headings.
    pub parts: Vec<Part>,
    /// The ladder of enterprise tiers the plan cultivates, lowest first.
    pub tiers: Vec<Tier>,
    /// Terms the plan defines for itself (以下统称…).
    pub defined_terms: Vec<DefinedTerm>,
    /// The plan's development goals (part 一), as targets.
    pub goals: Vec<Target>,
    /// The task sections of part 二, numbered from 1.
    pub sections: Vec<Section>,
    /// All numbered tasks, numbered from 1 across sections.
    pub tasks: Vec<Task>,
    /// The guarantee mechanisms of part 三, numbered from 1.
    pub mechanisms: Vec<Mechanism>,
    /// Every organisation the document names.
    pub units: Vec<Unit>,
    /// Every named platform, fund, programme, event, document and other thing.
    pub entities: Vec<Entity>,
}

/// Header and footer of the official document (红头文件).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Document {
    /// Document number as printed, e.g. `武隆府办发〔2022〕48号`.
    pub number: String,
    /// The issuing unit.
    pub issuer: UnitId,
    /// The masthead line, e.g. `重庆市武隆区人民政府办公室文件`.
    pub masthead: Text,
    /// Title of the covering notice (通知).
    pub notice_title: Text,
    /// Title of the plan itself.
    pub title: Text,
    /// Addressees of the notice, in printed order.
    pub addressees: Vec<Text>,
    /// Body of the covering notice.
    pub notice: Text,
    /// The meeting that approved the plan.
    pub approval: Approval,
    /// Date of signature, ISO 8601 (`YYYY-MM-DD`).
    pub issued: String,
    /// Disclosure status.
    pub disclosure: Disclosure,
    /// The higher-level document this plan implements (an entity of kind `document`).
    pub based_on: EntityId,
    /// Units copied in (抄送), in printed order.
    pub cc: Vec<UnitId>,
    /// The unit that printed and distributed the document.
    pub printed_by: UnitId,
    /// Date of printing (印发), ISO 8601.
    pub printed: String,
}

/// Approval of the plan by a meeting of a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Approval {
    /// The approving unit.
    pub by: UnitId,
    /// The meeting as printed, e.g. `区政府第17次常务会议`.
    pub meeting: Text,
}

/// Whether, and how, the document is published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Disclosure {
    /// The disclosure status.
    pub status: DisclosureStatus,
    /// The printed note, e.g. `此件公开发布`.
    pub note: Text,
}

/// Disclosure status of a government document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// A span of years, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
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

/// A numbered part of the plan (一、发展目标 …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Part {
    /// 1-based number; printed as 一、二、三.
    pub number: u8,
    /// Heading, without its numeral.
    pub title: Text,
    /// What the part holds; citations of goals, tasks and mechanisms name their part.
    pub content: PartContent,
    /// Running text directly under the heading, if any (part 一 states the goals there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

/// What a [`Part`] of the plan holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PartContent {
    /// The development goals (发展目标).
    Goals,
    /// The task sections (重点任务).
    Tasks,
    /// The guarantee mechanisms (机制保障措施).
    Mechanisms,
}

/// One rung of the enterprise ladder (梯度培育).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Tier {
    /// Stable ASCII id, e.g. `little-giant`.
    pub id: GroupId,
    /// Position on the ladder, 1 = lowest.
    pub rank: u8,
    /// Name as printed.
    pub name: Text,
}

/// A term the plan defines for itself, standing for a set of tiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct DefinedTerm {
    /// Stable ASCII id, e.g. `srdi-enterprises`.
    pub id: GroupId,
    /// The term as printed.
    pub term: Text,
    /// The defining phrase as printed.
    pub definition: Text,
    /// The tiers the term covers.
    pub tiers: Vec<GroupId>,
}

/// A quantified target: a plan goal or a task-level target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Target {
    /// Stable ASCII id: `goal-N` for plan goals, `task-N-tM` for task targets.
    pub id: String,
    /// What is counted, as printed.
    pub indicator: Text,
    /// The clause that states the target, verbatim.
    pub text: Text,
    /// How many.
    pub value: u32,
    /// The counting word used.
    pub count_unit: CountUnit,
    /// What must happen to reach it.
    pub kind: TargetKind,
    /// The tier counted, when the indicator is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<GroupId>,
    /// The year by which it is due, when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_year: Option<u16>,
    /// What we read into the text beyond its letter, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<String>,
}

/// The Chinese counting word (量词) of a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CountUnit {
    /// 家: enterprises.
    Jia,
    /// 个: generic items (workshops, factories).
    Ge,
}

impl CountUnit {
    /// The counting word as printed: 家 or 个.
    pub fn as_zh(self) -> &'static str {
        match self {
            Self::Jia => "家",
            Self::Ge => "个",
        }
    }
}

/// The verb of a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetKind {
    /// A stock to reach (达到).
    Reach,
    /// Units to cultivate as a priority (重点培育, 纳入重点培育).
    Cultivate,
    /// Units to select into a pool (遴选…纳入).
    Select,
}

/// A section of part 二 (重点任务), with the units responsible for its tasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Section {
    /// 1-based number; printed as （一）…（五）.
    pub number: u8,
    /// Heading, without its numeral and closing 。.
    pub title: Text,
    /// The 责任单位 list printed after the section's tasks.
    pub responsibility: Responsibility,
}

/// A 责任单位 list: the printed line and the units it names, in printed order.
///
/// The text never says which unit leads; the first listed is not marked as the lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Responsibility {
    /// The line as printed, without its enclosing parentheses: `责任单位：…`.
    pub text: Text,
    /// The units named, in printed order.
    pub units: Vec<UnitId>,
}

/// A numbered task of part 二.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Task {
    /// 1-based number, continuous across sections.
    pub number: u8,
    /// The section the task belongs to.
    pub section: u8,
    /// The task's own heading, when printed (tasks 1–5), without its closing 。.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The task text after its number (and title).
    pub text: Text,
    /// The enterprises the task is aimed at, as tier or defined-term ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aimed_at: Vec<GroupId>,
    /// Policy instruments the task uses (our classification).
    pub instruments: Vec<Instrument>,
    /// Quantified targets the task sets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// Benefits the task offers enterprises.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Named things the task mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntityId>,
    /// A 责任单位 list printed for this task alone; overrides the section's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<Responsibility>,
}

/// A support measure: something an enterprise can get.
///
/// Structured so that an eligibility rule can be evaluated from it: who (`beneficiary`),
/// on what occasion (`trigger`), how much (`amount`), how often (`one_time`), on whose
/// approval (`approved_by`) and under which rules (`legal_basis`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Measure {
    /// Stable ASCII id, `task-N-mM`.
    pub id: String,
    /// The kind of benefit (our classification).
    pub instrument: Instrument,
    /// The clause that grants it, verbatim.
    pub text: Text,
    /// Who can get it.
    pub beneficiary: Beneficiary,
    /// The event that entitles an enterprise, if the text ties the benefit to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Trigger>,
    /// The sum, when the text states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// Paid once only (一次性).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_time: bool,
    /// Units whose approval each grant needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approved_by: Vec<UnitId>,
    /// The document whose rules govern the benefit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<EntityId>,
    /// What we read into the text beyond its letter, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<String>,
}

/// Who a measure is for: a tier (or defined term), narrowed by a printed condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Beneficiary {
    /// The tier or defined term named, if the beneficiary is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupId>,
    /// The printed qualifier, verbatim (e.g. `新获得认定的`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Text>,
}

/// The event that entitles an enterprise to a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Trigger {
    /// Being newly recognised as a tier (新获得认定).
    NewRecognition,
    /// Being quoted or listed on an exchange (挂牌、上市).
    Listing,
    /// Carrying out a qualifying project (改造, 建设, 打造…的).
    QualifyingProject,
    /// A case-by-case decision (一事一议).
    CaseByCase,
}

/// A sum of money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Amount {
    /// The sum in whole currency units (100 万元 = 1 000 000).
    pub value: u64,
    /// ISO 4217 code, e.g. `CNY`.
    pub currency: String,
}

/// One of the guarantee mechanisms of part 三 (机制保障措施).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Mechanism {
    /// 1-based number; printed as （一）…（四）.
    pub number: u8,
    /// Heading, without its numeral and closing 。.
    pub title: Text,
    /// The mechanism's text after its heading.
    pub text: Text,
    /// The 责任单位 list printed at its end.
    pub responsibility: Responsibility,
    /// The lead unit, only where the text says so (牵头).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<UnitId>,
    /// Policy instruments the mechanism uses (our classification).
    pub instruments: Vec<Instrument>,
    /// Named things the mechanism mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntityId>,
}

/// An organisation the document names, by the short name it prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Unit {
    /// Stable ASCII id, e.g. `finance-bureau`.
    pub id: UnitId,
    /// The name as printed (often a short form such as `区财政局`) and our translation.
    pub name: Text,
    /// What kind of body it is (our classification).
    pub kind: UnitKind,
    /// What we read into the text beyond its letter, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<String>,
}

/// The kind of an organisation (our classification, from its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnitKind {
    /// The people's government itself (区政府).
    Government,
    /// The general office of a government (政府办公室).
    GovernmentOffice,
    /// A department of the government (委, 局).
    GovernmentDepartment,
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
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Entity {
    /// Stable ASCII id, e.g. `yuqi-jinfu`.
    pub id: EntityId,
    /// What kind of thing it is (our classification).
    pub kind: EntityKind,
    /// The name as printed.
    pub name: Text,
    /// The document number, for documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

/// The kind of a named entity (our classification).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// A programme, pool, scheme or standing policy.
    Programme,
    /// A trade fair, expo or campaign.
    Event,
    /// A coordinating body, committee or institute.
    Body,
}

names! {
    DisclosureStatus {
        Public = "public",
        OnRequest = "on_request",
        NotPublic = "not_public",
    }
    PartContent {
        Goals = "goals",
        Tasks = "tasks",
        Mechanisms = "mechanisms",
    }
    CountUnit {
        Jia = "jia",
        Ge = "ge",
    }
    TargetKind {
        Reach = "reach",
        Cultivate = "cultivate",
        Select = "select",
    }
    Trigger {
        NewRecognition = "new_recognition",
        Listing = "listing",
        QualifyingProject = "qualifying_project",
        CaseByCase = "case_by_case",
    }
    UnitKind {
        Government = "government",
        GovernmentOffice = "government_office",
        GovernmentDepartment = "government_department",
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
            PartContent,
            CountUnit,
            TargetKind,
            Trigger,
            UnitKind,
            EntityKind
        );
    }
}
