//! The questions people ask of a plan and their answers: the one place answers are composed.
//!
//! Each question is a method of [`Plan`] returning an answer type (a view of an item with its
//! id, citation and what is derived about it, or a composite such as the [`Summary`]), and a
//! variant of [`Query`], so that a program can ask by data ([`Plan::answer`]). Every surface
//! (the CLI's `--json`, Python's `to_dict()`, the JS package) shows exactly the serde shape of
//! these types.

use serde::{Deserialize, Serialize};

use crate::entitle::{Cost, Entitlement, EventKind, Profile, Scenario, Total};
use crate::error::QueryError;
use crate::instrument::{Instrument, StipType};
use crate::model::Text;
use crate::model::{
    Completeness, Document, Entity, EntityKind, Fact, Group, Lead, Measure, Mechanism, Period,
    Responsibility, Section, Target, Task, Tier, Totals, Unit,
};
use crate::plan::Plan;
use crate::progress::{Date, Observation, PlanStatus, Progress};
use crate::query::{MeasureFilter, Needle, TaskFilter, find_instrument};
use crate::refs::{
    Citation, EntityRef, ItemRef, MeasureRef, MechanismRef, SectionRef, TargetRef, TaskRef, UnitRef,
};
use crate::table::{RecordKind, Table};

/// The kind of item a reference, search hit or citation points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ItemKind {
    /// The document's header and footer.
    Document,
    /// The preamble.
    Preamble,
    /// A part heading or its text.
    Part,
    /// A tier of the enterprise ladder.
    Tier,
    /// A named group.
    Group,
    /// A defined term.
    Term,
    /// A plan goal.
    Goal,
    /// A task-level target.
    Target,
    /// A section heading or its 责任单位 line.
    Section,
    /// A task.
    Task,
    /// A support measure.
    Measure,
    /// A mechanism.
    Mechanism,
    /// A unit.
    Unit,
    /// An entity.
    Entity,
    /// A fact the conditions of measures ask about.
    Fact,
}

names! {
    Language {
        Zh = "zh",
        En = "en",
    }
    ItemKind {
        Document = "document",
        Preamble = "preamble",
        Part = "part",
        Tier = "tier",
        Group = "group",
        Term = "term",
        Goal = "goal",
        Target = "target",
        Section = "section",
        Task = "task",
        Measure = "measure",
        Mechanism = "mechanism",
        Unit = "unit",
        Entity = "entity",
        Fact = "fact",
    }
}

impl ItemKind {
    /// The kind in a word, for messages: `task`, `defined term`, ….
    pub fn noun(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Preamble => "preamble",
            Self::Part => "part",
            Self::Tier => "tier",
            Self::Group => "group",
            Self::Term => "defined term",
            Self::Goal => "goal",
            Self::Target => "target",
            Self::Section => "section",
            Self::Task => "task",
            Self::Measure => "measure",
            Self::Mechanism => "mechanism",
            Self::Unit => "unit",
            Self::Entity => "entity",
            Self::Fact => "fact",
        }
    }
}

/// What kind of name failed to resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NameKind {
    /// A unit.
    Unit,
    /// A tier or defined term.
    Tier,
    /// An instrument.
    Instrument,
    /// A section number.
    Section,
    /// A task number or id.
    Task,
    /// A goal or target id.
    Target,
    /// A mechanism number.
    Mechanism,
    /// An entity id or name.
    Entity,
    /// A plan id.
    Plan,
}

impl std::fmt::Display for NameKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Unit => "unit",
            Self::Tier => "tier",
            Self::Instrument => "instrument",
            Self::Section => "section",
            Self::Task => "task",
            Self::Target => "goal or target",
            Self::Mechanism => "mechanism",
            Self::Entity => "entity",
            Self::Plan => "plan",
        })
    }
}

/// A task with its id, citation and responsible units.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskView<'a> {
    /// The task, for bindings that keep a handle on it.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub at: TaskRef,
    /// `task-28`, or `task-2-1` in a plan that numbers tasks per section: what every answer
    /// names the task by.
    pub id: &'a str,
    /// E.g. `武隆府办发〔2022〕48号 二（五）28`.
    pub citation: Option<Citation>,
    /// The responsible units' ids, every role: the task's own line, or its section's.
    pub responsible_units: Vec<&'a str>,
    /// The ids of the units that lead: by their role in the line, or named for a clause.
    pub leading_units: Vec<&'a str>,
    /// The task as stored.
    #[serde(flatten)]
    pub task: &'a Task,
}

/// A support measure with its citation and task.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureView<'a> {
    /// The measure, for bindings that keep a handle on it.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub at: MeasureRef,
    /// Where the measure's task stands.
    pub citation: Option<Citation>,
    /// The id of the task that offers it (`task-28`).
    pub task: &'a str,
    /// The measure as stored.
    #[serde(flatten)]
    pub measure: &'a Measure,
}

/// A goal or task-level target with its citation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TargetView<'a> {
    /// The target, for bindings that keep a handle on it.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub at: TargetRef,
    /// Where the target is stated.
    pub citation: Option<Citation>,
    /// The id of the task that sets it; `null` for a plan goal.
    pub task: Option<&'a str>,
    /// The quantity as printed (`200家`, `2.5万家`) and in English (`200`, `25,000`);
    /// empty for a target without a number (full coverage).
    pub quantity: Text,
    /// The target as stored.
    #[serde(flatten)]
    pub target: &'a Target,
}

/// A mechanism with its id and citation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MechanismView<'a> {
    /// The mechanism, for bindings that keep a handle on it.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub at: MechanismRef,
    /// `mech-N`.
    pub id: String,
    /// E.g. `武隆府办发〔2022〕48号 三（三）`.
    pub citation: Option<Citation>,
    /// The responsible units' ids, every role.
    pub responsible_units: Vec<&'a str>,
    /// The ids of the units that lead: by their role in the line, or named for a clause.
    pub leading_units: Vec<&'a str>,
    /// The mechanism as stored.
    #[serde(flatten)]
    pub mechanism: &'a Mechanism,
}

/// A unit with what it answers for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitView<'a> {
    /// The unit, for bindings that keep a handle on it.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub at: UnitRef,
    /// The unit as stored.
    #[serde(flatten)]
    pub unit: &'a Unit,
    /// Ids of the tasks it is responsible for.
    pub tasks: Vec<&'a str>,
    /// Numbers of the mechanisms it is responsible for.
    pub mechanisms: Vec<u16>,
    /// Ids of the tasks it leads, where a responsibility line or the text says so.
    pub lead_tasks: Vec<&'a str>,
    /// Numbers of the mechanisms it leads, where a responsibility line or the text says so.
    pub lead_mechanisms: Vec<u16>,
}

/// An entity with the items that mention it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EntityView<'a> {
    /// The entity, for bindings that keep a handle on it.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub at: EntityRef,
    /// The entity as stored.
    #[serde(flatten)]
    pub entity: &'a Entity,
    /// Ids of the tasks that mention it (as a named thing or as a legal basis).
    pub tasks: Vec<&'a str>,
    /// Numbers of the mechanisms that mention it.
    pub mechanisms: &'a [u16],
}

/// A section with its tasks and the units that answer for them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SectionView<'a> {
    /// The section, for bindings that keep a handle on it.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub at: SectionRef,
    /// `sec-N`.
    pub id: String,
    /// E.g. `武隆府办发〔2022〕48号 二（五）`.
    pub citation: Option<Citation>,
    /// The ids of its tasks.
    pub tasks: Vec<&'a str>,
    /// Every unit responsible for one of its tasks, in order of first listing.
    pub responsible_units: Vec<&'a str>,
    /// The section as stored.
    #[serde(flatten)]
    pub section: &'a Section,
}

/// The plan at a glance: its document, goals and sections.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary<'a> {
    /// The plan's id.
    pub id: &'a str,
    /// The document's header and footer.
    pub document: &'a Document,
    /// The issuing unit, resolved.
    pub issuer: Option<&'a Unit>,
    /// The years the plan covers, if known.
    pub period: Option<&'a Period>,
    /// Whether the whole document is here, and what is missing if not.
    pub completeness: Completeness,
    /// How many goals, sections, tasks, … the plan has.
    pub counts: Counts,
    /// How many the whole document has, where a source says so (a partial plan).
    pub totals: Option<&'a Totals>,
    /// The plan's goals.
    pub goals: Vec<TargetView<'a>>,
    /// The sections, with their tasks and units.
    pub sections: Vec<SectionView<'a>>,
    /// The tiers of the enterprise ladder, lowest first: what a profile holds.
    pub tiers: &'a [Tier],
    /// The other groups the plan names.
    pub groups: &'a [Group],
    /// The facts the conditions of its measures ask about: what a profile can give.
    pub facts: &'a [Fact],
    /// The kinds of event its measures wait for, in the order the plan first asks about
    /// them: the events a profile can give that matter to this plan.
    pub events: Vec<EventKind>,
}

/// How many items of each kind a plan has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[allow(missing_docs, reason = "each field counts the items its name says")]
pub struct Counts {
    pub goals: usize,
    pub sections: usize,
    pub tasks: usize,
    pub targets: usize,
    pub measures: usize,
    pub mechanisms: usize,
    pub units: usize,
    pub entities: usize,
}

/// One place where a search phrase occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Hit {
    /// What kind of item.
    pub kind: ItemKind,
    /// The item's id, e.g. `task-25`.
    pub id: String,
    /// Where the item stands in the document, if it has a place.
    pub citation: Option<Citation>,
    /// The id of the task the item is or belongs to, for tasks and their measures and
    /// targets.
    pub task: Option<String>,
    /// Which text of the item matched, e.g. `text` or `beneficiary.condition`.
    pub field: String,
    /// Which language of the text matched.
    pub language: Language,
    /// The matching text around the phrase, with `…` where cut.
    pub snippet: String,
}

/// An instrument of the taxonomy, with its OECD STIP Compass type and where the plan uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InstrumentView {
    /// The instrument's name, e.g. `listing_support`.
    pub id: Instrument,
    /// What it covers.
    pub description: &'static str,
    /// The nearest OECD STIP Compass instrument type.
    pub stip: StipType,
    /// Ids of the tasks tagged with it.
    pub tasks: Vec<String>,
    /// Ids of the measures of this kind.
    pub measures: Vec<String>,
    /// Numbers of the mechanisms tagged with it.
    pub mechanisms: Vec<u16>,
}

/// A tier of the enterprise ladder, another group, or a defined term: the names a measure's
/// beneficiary, a target or a profile can give.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroupView<'a> {
    /// `tier`, `group` or `term`.
    pub kind: ItemKind,
    /// Its id, e.g. `little-giant`.
    pub id: &'a str,
    /// Its name as printed (a term: the term).
    pub name: &'a Text,
    /// A tier's place on the ladder, 1 = lowest.
    pub rank: Option<u16>,
    /// A term's defining phrase as printed.
    pub definition: Option<&'a Text>,
    /// What a term stands for.
    pub stands_for: Vec<&'a str>,
    /// The terms that stand for a tier or group.
    pub within: Vec<&'a str>,
    /// The measures that reach it: named for it, or for a term that stands for it.
    pub measures: Vec<&'a str>,
}

/// A language of the plan's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// The source text.
    Zh,
    /// Our translation.
    En,
}

/// The accountability matrix: which unit answers for which task.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Matrix<'a> {
    /// The task ids, in order: the columns.
    pub tasks: Vec<&'a str>,
    /// One row per unit responsible for at least one task, in order of first listing.
    pub rows: Vec<MatrixRow<'a>>,
}

/// One unit's row of the [`Matrix`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatrixRow<'a> {
    /// The unit.
    pub unit: &'a Unit,
    /// The ids of the tasks it answers for.
    pub tasks: Vec<&'a str>,
}

/// A question, as data: what [`Plan::answer`] answers. Serialized with its name in `op`,
/// e.g. `{"op": "tasks", "unit": "区财政局"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Query {
    /// [`Plan::summary`].
    Summary,
    /// [`Plan::tasks`].
    Tasks(TaskFilter),
    /// [`Plan::task_in`] by number, or [`Plan::task_with_id`] by id: one or the other.
    Task {
        /// The task number (or `id` instead: one or the other).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<i64>,
        /// The section, for a plan whose task numbering starts again in each section.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        section: Option<i64>,
        /// The task's id (`task-28`, `task-2-1`), as answers name it, instead of its number.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    /// [`Plan::units`].
    Units,
    /// [`Plan::unit`].
    Unit {
        /// Id, printed name or English name.
        name: String,
    },
    /// [`Plan::goals`].
    Goals,
    /// [`Plan::goal`].
    Goal {
        /// A goal or target id, or a goal number.
        id: String,
    },
    /// [`Plan::targets`].
    Targets,
    /// [`Plan::measures`].
    Measures(MeasureFilter),
    /// [`Plan::mechanisms`].
    Mechanisms,
    /// [`Plan::mechanism`].
    Mechanism {
        /// The mechanism number.
        number: i64,
    },
    /// [`Plan::entities`].
    Entities,
    /// [`Plan::entity`].
    Entity {
        /// Id or printed name.
        name: String,
    },
    /// [`Plan::documents`].
    Documents,
    /// [`Plan::search`], or [`Plan::search_in`] a language.
    Search {
        /// The phrase.
        text: String,
        /// The language whose hits to show (see [`Plan::search_in`]); both if left out.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<Language>,
    },
    /// [`Plan::matrix`].
    Matrix,
    /// [`Plan::instruments`].
    Instruments,
    /// [`Plan::tiers`].
    Tiers,
    /// [`Plan::table`].
    Table {
        /// Which items.
        kind: RecordKind,
    },
    /// [`Plan::entitlements`].
    Entitlements {
        /// The enterprise.
        profile: Profile,
    },
    /// [`Plan::entitlement_total`] of [`Plan::entitlements`].
    EntitlementTotal {
        /// The enterprise.
        profile: Profile,
    },
    /// [`Plan::entitlement_table`]: many enterprises at once, a row per enterprise and
    /// measure.
    EntitlementTable {
        /// The enterprises.
        profiles: Vec<Profile>,
    },
    /// [`Plan::progress`] of every goal and target as of a date.
    Progress {
        /// The observed values.
        observations: Vec<Observation>,
        /// The date the progress is judged on.
        as_of: Date,
    },
    /// [`Plan::progress_table`]: [`Query::Progress`] as a table, a row per goal and target.
    ProgressTable {
        /// The observed values.
        observations: Vec<Observation>,
        /// The date the progress is judged on.
        as_of: Date,
    },
    /// [`Plan::status`]: whether the plan is in force on a date, and what is due by then.
    Status {
        /// The date.
        as_of: Date,
    },
    /// [`Plan::cost`] of a scenario, or without one of the plan's goals
    /// ([`Scenario::from_goals`]).
    Cost {
        /// Counts of enterprises by tier recognised and by event, by year.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        scenario: Option<Scenario>,
    },
}

/// The answer to a [`Query`]. Serialized as the answer itself, without a tag: the JSON of
/// `plan.answer(&Query::Summary)` is the JSON of `plan.summary()`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
#[allow(
    missing_docs,
    reason = "each variant holds the answer of the query of its name"
)]
pub enum Answer<'a> {
    Summary(Box<Summary<'a>>),
    Tasks(Vec<TaskView<'a>>),
    Task(TaskView<'a>),
    Units(Vec<UnitView<'a>>),
    Unit(UnitView<'a>),
    Targets(Vec<TargetView<'a>>),
    Target(TargetView<'a>),
    Measures(Vec<MeasureView<'a>>),
    Mechanisms(Vec<MechanismView<'a>>),
    Mechanism(MechanismView<'a>),
    Entities(Vec<EntityView<'a>>),
    Entity(EntityView<'a>),
    Hits(Vec<Hit>),
    Matrix(Matrix<'a>),
    Instruments(Vec<InstrumentView>),
    Tiers(Vec<GroupView<'a>>),
    Table(Table<'a>),
    Entitlements(Vec<Entitlement<'a>>),
    Totals(Vec<Total>),
    Cost(Cost),
    Progress(Vec<Progress<'a>>),
    Status(PlanStatus<'a>),
}

impl Plan {
    /// Answers a question given as data.
    ///
    /// ```
    /// use srdi_plan::{Answer, Query};
    /// let plan = srdi_plan::wulong();
    /// let query: Query = serde_json::from_str(r#"{"op": "task", "number": 28}"#).unwrap();
    /// let Answer::Task(task) = plan.answer(&query).unwrap() else { unreachable!() };
    /// assert_eq!(task.id, "task-28");
    /// ```
    ///
    /// # Errors
    ///
    /// The error of the question's method.
    pub fn answer<'a>(&'a self, query: &'a Query) -> Result<Answer<'a>, QueryError> {
        Ok(match query {
            Query::Summary => Answer::Summary(Box::new(self.summary())),
            Query::Tasks(filter) => Answer::Tasks(self.tasks(filter)?),
            Query::Task {
                number,
                section,
                id,
            } => {
                let at = self.find_task_by(*number, *section, id.as_deref())?;
                Answer::Task(self.task_view(at).ok_or_else(|| missing(&at))?)
            }
            Query::Units => Answer::Units(self.units()),
            Query::Unit { name } => Answer::Unit(self.unit(name)?),
            Query::Goals => Answer::Targets(self.goals()),
            Query::Goal { id } => Answer::Target(self.goal(id)?),
            Query::Targets => Answer::Targets(self.targets()),
            Query::Measures(filter) => Answer::Measures(self.measures(filter)?),
            Query::Mechanisms => Answer::Mechanisms(self.mechanisms()),
            Query::Mechanism { number } => Answer::Mechanism(self.mechanism(*number)?),
            Query::Entities => Answer::Entities(self.entities()),
            Query::Entity { name } => Answer::Entity(self.entity(name)?),
            Query::Documents => Answer::Entities(self.documents()),
            Query::Search { text, language } => Answer::Hits(self.search_in(text, *language)?),
            Query::Matrix => Answer::Matrix(self.matrix()),
            Query::Instruments => Answer::Instruments(self.instruments()),
            Query::Tiers => Answer::Tiers(self.tiers()),
            Query::Table { kind } => Answer::Table(self.table(*kind)),
            Query::Entitlements { profile } => Answer::Entitlements(self.entitlements(profile)?),
            Query::EntitlementTotal { profile } => {
                Answer::Totals(self.entitlement_total(&self.entitlements(profile)?))
            }
            Query::EntitlementTable { profiles } => {
                Answer::Table(self.entitlement_table(profiles)?)
            }
            Query::Progress {
                observations,
                as_of,
            } => Answer::Progress(self.progress(observations, *as_of)?),
            Query::ProgressTable {
                observations,
                as_of,
            } => Answer::Table(self.progress_table(observations, *as_of)?),
            Query::Status { as_of } => Answer::Status(self.status(*as_of)),
            Query::Cost {
                scenario: Some(scenario),
            } => Answer::Cost(self.cost(scenario)?),
            Query::Cost { scenario: None } => Answer::Cost(self.goals_cost()?),
        })
    }

    /// The plan at a glance: its document, counts, goals, and sections with their units.
    ///
    /// ```
    /// let summary = srdi_plan::wulong().summary();
    /// assert_eq!(summary.counts.tasks, 32);
    /// assert_eq!(summary.goals[0].quantity.zh, "200家");
    /// // The events its measures wait for: what a profile's `events` may give.
    /// let events: Vec<_> = summary.events.iter().map(|kind| kind.as_str()).collect();
    /// assert_eq!(events, ["pre_listing_pool", "listing", "quotation", "approval"]);
    /// ```
    pub fn summary(&self) -> Summary<'_> {
        let data = self.data();
        let issuer = match data.document.issuer.as_deref().and_then(|id| self.item(id)) {
            Some(ItemRef::Unit(unit)) => self.get(unit),
            _ => None,
        };
        Summary {
            id: &data.id,
            document: &data.document,
            issuer,
            period: data.period.as_ref(),
            completeness: data
                .provenance
                .as_ref()
                .map(|p| p.completeness.clone())
                .unwrap_or_default(),
            counts: Counts {
                goals: data.goals.len(),
                sections: data.sections.len(),
                tasks: data.tasks.len(),
                targets: self.target_refs().count(),
                measures: self.measure_refs().count(),
                mechanisms: data.mechanisms.len(),
                units: data.units.len(),
                entities: data.entities.len(),
            },
            totals: data.totals.as_ref(),
            goals: self.goals(),
            sections: (0..data.sections.len())
                .filter_map(|i| self.section_view(SectionRef::new(i)))
                .collect(),
            tiers: &data.tiers,
            groups: &data.groups,
            facts: &data.facts,
            events: self.event_kinds(),
        }
    }

    /// The tasks that pass `filter`, in order.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if the unit, tier, instrument or section names nothing.
    pub fn tasks(&self, filter: &TaskFilter) -> Result<Vec<TaskView<'_>>, QueryError> {
        let matches = self.task_matches(filter)?;
        Ok(matches
            .into_iter()
            .filter_map(|at| self.task_view(at))
            .collect())
    }

    /// The tasks that pass `filter`, in order, as references: the answer of [`Plan::tasks`]
    /// without building its views, for a caller that has them already (the JS package).
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let filter = srdi_plan::TaskFilter {
    ///     unit: Some("区财政局".into()),
    ///     section: Some(5),
    ///     ..Default::default()
    /// };
    /// let matches = plan.task_matches(&filter).unwrap();
    /// let numbers: Vec<u16> = matches.iter().map(|&at| plan.get(at).unwrap().number).collect();
    /// assert_eq!(numbers, [28, 29, 30, 31, 32]);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Plan::tasks`].
    pub fn task_matches(&self, filter: &TaskFilter) -> Result<Vec<TaskRef>, QueryError> {
        let unit = filter
            .unit
            .as_deref()
            .map(|name| self.find_unit(name))
            .transpose()?;
        let mut tiers = filter
            .tier
            .as_deref()
            .map(|name| self.find_group(name).map(|tiers| Reach::new(self, tiers)))
            .transpose()?;
        let instrument = filter
            .instrument
            .as_deref()
            .map(find_instrument)
            .transpose()?;
        if let Some(number) = filter.section {
            self.find_section(number)?;
        }
        let text = filter.text.as_deref().map(Needle::new);
        Ok(self
            .task_refs()
            .filter(|&at| {
                let Some(task) = self.get(at) else {
                    return false;
                };
                filter.section.is_none_or(|n| i64::from(task.section) == n)
                    && unit.is_none_or(|unit| self.responsible(at).contains(&unit))
                    && instrument.is_none_or(|i| task.instruments.contains(&i))
                    && tiers.as_mut().is_none_or(|reach| reach.task(task))
                    && text.as_ref().is_none_or(|needle| {
                        task.title
                            .iter()
                            .chain([&task.text])
                            .any(|t| needle.found_in(&t.zh) || needle.found_in(&t.en))
                    })
            })
            .collect())
    }

    /// The task numbered `number`.
    ///
    /// ```
    /// let task = srdi_plan::wulong().task(28).unwrap();
    /// assert_eq!(task.responsible_units[1], "finance-bureau");
    /// assert_eq!(task.task.measures[0].amount.as_ref().unwrap().value, 1_000_000);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Plan::find_task`]: [`QueryError::UnknownName`], naming the valid range, if there
    /// is no such task; [`QueryError::InvalidArgument`] for a number beyond any item's, or
    /// one that several sections have.
    pub fn task(&self, number: i64) -> Result<TaskView<'_>, QueryError> {
        let at = self.find_task(None, number)?;
        self.task_view(at).ok_or_else(|| missing(&at))
    }

    /// The task numbered `number` in `section`, for a plan whose task numbering starts again
    /// in each section; otherwise the section must exist but does not narrow the search.
    ///
    /// # Errors
    ///
    /// As [`Plan::find_task`].
    pub fn task_in(&self, section: Option<i64>, number: i64) -> Result<TaskView<'_>, QueryError> {
        let at = self.find_task(section, number)?;
        self.task_view(at).ok_or_else(|| missing(&at))
    }

    /// The task of `id` (`task-28`; `task-2-1` where numbering starts again in each section):
    /// the id by which every answer names a task.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let hit = &plan.search("首台").unwrap()[0];
    /// let task = plan.task_with_id(hit.task.as_deref().unwrap()).unwrap();
    /// assert_eq!(task.task.number, 25);
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Plan::find_task_id`].
    pub fn task_with_id(&self, id: &str) -> Result<TaskView<'_>, QueryError> {
        let at = self.find_task_id(id)?;
        self.task_view(at).ok_or_else(|| missing(&at))
    }

    /// Every unit, with what it answers for.
    pub fn units(&self) -> Vec<UnitView<'_>> {
        self.unit_refs()
            .filter_map(|at| self.unit_view(at))
            .collect()
    }

    /// One unit, by id, printed name or English name, with what it answers for.
    ///
    /// ```
    /// let unit = srdi_plan::wulong().unit("区统计局").unwrap();
    /// assert!(unit.tasks.is_empty());
    /// assert_eq!(unit.mechanisms, [3]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] with the closest names if nothing matches.
    pub fn unit(&self, name: &str) -> Result<UnitView<'_>, QueryError> {
        let at = self.find_unit(name)?;
        self.unit_view(at).ok_or_else(|| missing(&at))
    }

    /// The plan's goals.
    pub fn goals(&self) -> Vec<TargetView<'_>> {
        (0..self.data().goals.len())
            .filter_map(|i| self.target_view(TargetRef::goal(i)))
            .collect()
    }

    /// One goal or task-level target by id (`goal-2`, `task-8-t1`); a bare number is a goal.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if no target has that id.
    pub fn goal(&self, id: &str) -> Result<TargetView<'_>, QueryError> {
        let at = self.find_target(id)?;
        self.target_view(at).ok_or_else(|| missing(&at))
    }

    /// Every target: the plan goals, then the task-level targets in task order.
    pub fn targets(&self) -> Vec<TargetView<'_>> {
        self.target_refs()
            .filter_map(|at| self.target_view(at))
            .collect()
    }

    /// The support measures that reach a tier (or defined term) and use an instrument;
    /// either filter may be left out. A measure reaches a tier when its beneficiary group
    /// covers it: a measure for a defined term reaches each tier the term stands for.
    ///
    /// ```
    /// use srdi_plan::MeasureFilter;
    /// let plan = srdi_plan::wulong();
    /// let filter = MeasureFilter { tier: Some("little-giant".into()), instrument: Some("reward".into()) };
    /// let ids: Vec<&str> = plan.measures(&filter).unwrap().iter().map(|m| m.measure.id.as_ref()).collect();
    /// assert_eq!(ids, ["task-19-m2", "task-28-m1", "task-31-m1"]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if the tier or instrument names nothing.
    pub fn measures(&self, filter: &MeasureFilter) -> Result<Vec<MeasureView<'_>>, QueryError> {
        let matches = self.measure_matches(filter)?;
        Ok(matches
            .into_iter()
            .filter_map(|at| self.measure_view(at))
            .collect())
    }

    /// The measures that pass `filter`, in order, as references: the answer of
    /// [`Plan::measures`] without building its views.
    ///
    /// # Errors
    ///
    /// As [`Plan::measures`].
    pub fn measure_matches(&self, filter: &MeasureFilter) -> Result<Vec<MeasureRef>, QueryError> {
        let mut tiers = filter
            .tier
            .as_deref()
            .map(|name| self.find_group(name).map(|tiers| Reach::new(self, tiers)))
            .transpose()?;
        let instrument = filter
            .instrument
            .as_deref()
            .map(find_instrument)
            .transpose()?;
        Ok(self
            .measure_refs()
            .filter(|&at| {
                self.get(at).is_some_and(|m| {
                    instrument.is_none_or(|i| m.instrument == i)
                        && tiers.as_mut().is_none_or(|reach| {
                            m.beneficiary
                                .group
                                .as_deref()
                                .is_some_and(|group| reach.group(group))
                        })
                })
            })
            .collect())
    }

    /// The safeguard mechanisms.
    pub fn mechanisms(&self) -> Vec<MechanismView<'_>> {
        self.mechanism_refs()
            .filter_map(|at| self.mechanism_view(at))
            .collect()
    }

    /// The mechanism numbered `number`.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`], naming the valid range, if there is no such mechanism.
    pub fn mechanism(&self, number: i64) -> Result<MechanismView<'_>, QueryError> {
        let at = self.find_mechanism(number)?;
        self.mechanism_view(at).ok_or_else(|| missing(&at))
    }

    /// Every entity, with the tasks and mechanisms that mention it.
    pub fn entities(&self) -> Vec<EntityView<'_>> {
        self.entity_refs()
            .filter_map(|at| self.entity_view(at))
            .collect()
    }

    /// One entity, by id or printed name, with the items that mention it.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if nothing matches.
    pub fn entity(&self, name: &str) -> Result<EntityView<'_>, QueryError> {
        let at = self.find_entity(name)?;
        self.entity_view(at).ok_or_else(|| missing(&at))
    }

    /// The documents the plan cites, in order.
    pub fn documents(&self) -> Vec<EntityView<'_>> {
        self.entities()
            .into_iter()
            .filter(|view| view.entity.kind == EntityKind::Document)
            .collect()
    }

    /// Where the plan says `phrase`: every text of the plan, Chinese and English (English in
    /// any case). One hit per text and language, in document order.
    ///
    /// ```
    /// let hits = srdi_plan::wulong().search("首台").unwrap();
    /// assert_eq!(hits[0].id, "task-25");
    /// assert_eq!(hits[0].citation.as_ref().unwrap().zh(), "武隆府办发〔2022〕48号 二（四）25");
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::EmptySearch`] if `phrase` is blank.
    pub fn search(&self, phrase: &str) -> Result<Vec<Hit>, QueryError> {
        if phrase.trim().is_empty() {
            return Err(QueryError::EmptySearch);
        }
        let needle = Needle::new(phrase);
        let hits = self
            .searches()
            .find(self.data(), &needle)
            .into_iter()
            .map(|found| Hit {
                kind: found.item.kind(),
                id: self.id_of(found.item),
                citation: self.citation(found.item),
                task: self.task_of(found.item).map(str::to_owned),
                field: found.field,
                language: found.language,
                snippet: found.snippet,
            })
            .collect();
        Ok(hits)
    }

    /// [`Plan::search`] for a reader of one language: the hits in `language`, and the hits
    /// of items that matched only in the other one (an English reader searching 首台 still
    /// finds task 25). `None` keeps every hit.
    ///
    /// ```
    /// use srdi_plan::Language;
    /// let plan = srdi_plan::wulong();
    /// let hits = plan.search_in("首台", Some(Language::En)).unwrap();
    /// assert_eq!(hits[0].id, "task-25"); // matched in Chinese only, so kept
    /// let hits = plan.search_in("APEC", Some(Language::Zh)).unwrap();
    /// assert!(hits.iter().all(|hit| hit.language == Language::Zh));
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::EmptySearch`] if `phrase` is blank.
    pub fn search_in(
        &self,
        phrase: &str,
        language: Option<Language>,
    ) -> Result<Vec<Hit>, QueryError> {
        let hits = self.search(phrase)?;
        let Some(wanted) = language else {
            return Ok(hits);
        };
        let keep: Vec<bool> = hits
            .iter()
            .map(|hit| {
                hit.language == wanted
                    || !hits
                        .iter()
                        .any(|other| other.id == hit.id && other.language == wanted)
            })
            .collect();
        Ok(hits
            .into_iter()
            .zip(keep)
            .filter_map(|(hit, keep)| keep.then_some(hit))
            .collect())
    }

    /// The accountability matrix, unit × task.
    pub fn matrix(&self) -> Matrix<'_> {
        let mut rows: Vec<(UnitRef, Vec<&str>)> = Vec::new();
        let count = self.data().tasks.len();
        for at in self.task_refs() {
            let task = self.task_id(at);
            for &unit in self.responsible(at) {
                if let Some((_, tasks)) = rows.iter_mut().find(|(known, _)| *known == unit) {
                    tasks.push(task);
                } else {
                    // A row's tasks, sized once: most units answer for many tasks.
                    let mut tasks = Vec::with_capacity(count);
                    tasks.push(task);
                    rows.push((unit, tasks));
                }
            }
        }
        Matrix {
            tasks: self.task_refs().map(|at| self.task_id(at)).collect(),
            rows: rows
                .into_iter()
                .filter_map(|(unit, tasks)| {
                    Some(MatrixRow {
                        unit: self.get(unit)?,
                        tasks,
                    })
                })
                .collect(),
        }
    }

    /// Every instrument of the taxonomy, with its STIP type and the tasks, measures and
    /// mechanisms that use it (empty where the plan does not).
    ///
    /// ```
    /// let instruments = srdi_plan::wulong().instruments();
    /// let guarantee = instruments.iter().find(|i| i.id.as_str() == "guarantee").unwrap();
    /// assert_eq!(guarantee.stip.code, "PI029");
    /// assert!(!guarantee.tasks.is_empty());
    /// ```
    pub fn instruments(&self) -> Vec<InstrumentView> {
        let data = self.data();
        Instrument::ALL
            .iter()
            .copied()
            .map(|instrument| InstrumentView {
                id: instrument,
                description: instrument.description(),
                stip: instrument.stip(),
                tasks: self
                    .task_refs()
                    .zip(data.tasks.iter())
                    .filter(|(_, t)| t.instruments.contains(&instrument))
                    .map(|(at, _)| self.task_id(at).to_owned())
                    .collect(),
                measures: data
                    .tasks
                    .iter()
                    .flat_map(|t| t.measures.iter())
                    .filter(|m| m.instrument == instrument)
                    .map(|m| m.id.to_string())
                    .collect(),
                mechanisms: data
                    .mechanisms
                    .iter()
                    .filter(|m| m.instruments.contains(&instrument))
                    .map(|m| m.number)
                    .collect(),
            })
            .collect()
    }

    /// Every tier (by rank), group and defined term, with the measures that reach each.
    ///
    /// ```
    /// let tiers = srdi_plan::wulong().tiers();
    /// let giant = tiers.iter().find(|t| t.id == "little-giant").unwrap();
    /// assert_eq!(giant.within, ["srdi-enterprises"]);
    /// assert!(giant.measures.contains(&"task-28-m1"));
    /// ```
    pub fn tiers<'p>(&'p self) -> Vec<GroupView<'p>> {
        let data = self.data();
        let measures = data.tasks.iter().flat_map(|t| t.measures.iter());
        // As `measures(tier: id)` answers: a term reaches what each tier it stands for does.
        let reaching = |id: &str| -> Vec<&str> {
            let mut reach = Reach::new(self, self.members_of(id));
            measures
                .clone()
                .filter(|m| {
                    m.beneficiary
                        .group
                        .as_deref()
                        .is_some_and(|group| reach.group(group))
                })
                .map(|m| m.id.as_ref())
                .collect()
        };
        let within = |id: &str| -> Vec<&str> {
            data.defined_terms
                .iter()
                .filter(|term| term.stands_for.iter().any(|member| member == id))
                .map(|term| term.id.as_ref())
                .collect()
        };
        let mut tiers: Vec<&crate::model::Tier> = data.tiers.iter().collect();
        tiers.sort_by_key(|tier| tier.rank);
        let member = |kind, id: &'p str, name: &'p Text, rank| GroupView {
            kind,
            id,
            name,
            rank,
            definition: None,
            stands_for: Vec::new(),
            within: within(id),
            measures: reaching(id),
        };
        let tiers = tiers
            .into_iter()
            .map(|tier| member(ItemKind::Tier, &tier.id, &tier.name, Some(tier.rank)));
        let groups = data
            .groups
            .iter()
            .map(|group| member(ItemKind::Group, &group.id, &group.name, None));
        let terms = data.defined_terms.iter().map(|term| GroupView {
            kind: ItemKind::Term,
            id: &term.id,
            name: &term.term,
            rank: None,
            definition: Some(&term.definition),
            stands_for: term.stands_for.iter().map(AsRef::as_ref).collect(),
            within: Vec::new(),
            measures: reaching(&term.id),
        });
        tiers.chain(groups).chain(terms).collect()
    }

    /// A task with its id, citation and responsible units.
    pub fn task_view(&self, at: TaskRef) -> Option<TaskView<'_>> {
        let item = ItemRef::Task(at);
        Some(TaskView {
            at,
            id: self.task_id(at),
            citation: self.citation(item),
            responsible_units: self.unit_ids(self.responsible(at)),
            leading_units: self.task_leads(at),
            task: self.get(at)?,
        })
    }

    /// A measure with its citation and task.
    pub fn measure_view(&self, at: MeasureRef) -> Option<MeasureView<'_>> {
        Some(MeasureView {
            at,
            citation: self.citation(ItemRef::Measure(at)),
            task: self.task_id(at.task()),
            measure: self.get(at)?,
        })
    }

    /// A goal or target with its citation.
    pub fn target_view(&self, at: TargetRef) -> Option<TargetView<'_>> {
        let target = self.get(at)?;
        Some(TargetView {
            at,
            citation: self.citation(ItemRef::Target(at)),
            task: at.task().map(|task| self.task_id(task)),
            quantity: crate::quantity::render(target),
            target,
        })
    }

    /// A mechanism with its id and citation.
    pub fn mechanism_view(&self, at: MechanismRef) -> Option<MechanismView<'_>> {
        let item = ItemRef::Mechanism(at);
        let mechanism = self.get(at)?;
        let line = mechanism.responsibility.as_ref();
        Some(MechanismView {
            at,
            id: self.id_of(item),
            citation: self.citation(item),
            responsible_units: line
                .map(|line| line.all().map(AsRef::as_ref).collect())
                .unwrap_or_default(),
            leading_units: leads(line, &mechanism.leads),
            mechanism,
        })
    }

    /// A unit with the tasks and mechanisms it answers for.
    pub fn unit_view(&self, at: UnitRef) -> Option<UnitView<'_>> {
        let unit = self.get(at)?;
        let mechanisms = &self.data().mechanisms;
        let numbers = |keep: &dyn Fn(&Mechanism) -> bool| {
            mechanisms
                .iter()
                .filter(|m| keep(m))
                .map(|m| m.number)
                .collect()
        };
        Some(UnitView {
            at,
            unit,
            tasks: self
                .task_refs()
                .filter(|&task| self.responsible(task).contains(&at))
                .map(|task| self.task_id(task))
                .collect(),
            mechanisms: numbers(&|m| {
                m.responsibility
                    .as_ref()
                    .is_some_and(|r| r.all().any(|id| *id == unit.id))
            }),
            lead_tasks: self
                .task_refs()
                .filter(|&task| self.task_leads(task).contains(&unit.id.as_ref()))
                .map(|task| self.task_id(task))
                .collect(),
            lead_mechanisms: numbers(&|m| {
                m.leads.iter().any(|lead| lead.unit == unit.id)
                    || m.responsibility
                        .as_ref()
                        .is_some_and(|r| r.lead.contains(&unit.id))
            }),
        })
    }

    /// An entity with the tasks and mechanisms that mention it.
    pub fn entity_view(&self, at: EntityRef) -> Option<EntityView<'_>> {
        let (tasks, mechanisms) = self.index().mentions.get(at.index())?;
        Some(EntityView {
            at,
            entity: self.get(at)?,
            tasks: tasks.iter().map(|&task| self.task_id(task)).collect(),
            mechanisms,
        })
    }

    /// A section with its tasks and their units.
    pub fn section_view(&self, at: SectionRef) -> Option<SectionView<'_>> {
        let item = ItemRef::Section(at);
        let mut units: Vec<UnitRef> = Vec::new();
        let mut tasks = Vec::new();
        for task in self.tasks_in(at) {
            tasks.push(self.task_id(task));
            for unit in self.responsible(task) {
                if !units.contains(unit) {
                    units.push(*unit);
                }
            }
        }
        Some(SectionView {
            at,
            id: self.id_of(item),
            citation: self.citation(item),
            tasks,
            responsible_units: self.unit_ids(&units),
            section: self.get(at)?,
        })
    }

    /// The id of the task an item is or belongs to.
    fn task_of(&self, item: ItemRef) -> Option<&str> {
        let task = match item {
            ItemRef::Task(task) => task,
            ItemRef::Measure(measure) => measure.task(),
            ItemRef::Target(target) => target.task()?,
            _ => return None,
        };
        Some(self.task_id(task))
    }

    pub(crate) fn unit_ids(&self, units: &[UnitRef]) -> Vec<&str> {
        let mut ids = Vec::with_capacity(units.len());
        ids.extend(
            units
                .iter()
                .filter_map(|&unit| self.get(unit).map(|u| u.id.as_ref())),
        );
        ids
    }

    /// Whether a tier, group or defined term reaches one of `tiers` (see [`Plan::members_of`],
    /// which this answers without building the list).
    fn group_reaches(&self, group: &str, tiers: &[ItemRef]) -> bool {
        match self.item(group) {
            Some(item @ (ItemRef::Tier(_) | ItemRef::Group(_))) => tiers.contains(&item),
            Some(ItemRef::Term(term)) => self.get(term).is_some_and(|term| {
                term.stands_for.iter().any(|id| {
                    self.item(id).is_some_and(|item| {
                        matches!(item, ItemRef::Tier(_) | ItemRef::Group(_))
                            && tiers.contains(&item)
                    })
                })
            }),
            _ => false,
        }
    }

    /// The units that lead a task: its responsibility line's lead role, then the leads its
    /// text names for a clause.
    fn task_leads(&self, at: TaskRef) -> Vec<&str> {
        let Some(task) = self.get(at) else {
            return Vec::new();
        };
        let line = task.responsibility.as_ref().or_else(|| {
            let section = self.section_numbered(task.section)?;
            self.get(section)?.responsibility.as_ref()
        });
        leads(line, &task.leads)
    }
}

/// Which groups reach a question's tiers (tiers and groups, see [`Plan::members_of`]). A
/// question asks it of every task or measure, and they name a few groups between them: each
/// group is looked up in the plan once per question, not once per item.
struct Reach<'p> {
    plan: &'p Plan,
    tiers: Vec<ItemRef>,
    known: Vec<(&'p str, bool)>,
}

impl<'p> Reach<'p> {
    fn new(plan: &'p Plan, tiers: Vec<ItemRef>) -> Self {
        Self {
            plan,
            tiers,
            known: Vec::new(),
        }
    }

    /// Whether a tier, group or defined term reaches one of the tiers.
    fn group(&mut self, group: &'p str) -> bool {
        if let Some(&(_, reaches)) = self.known.iter().find(|(known, _)| *known == group) {
            return reaches;
        }
        let reaches = self.plan.group_reaches(group, &self.tiers);
        self.known.push((group, reaches));
        reaches
    }

    /// Whether a task is aimed at, or offers a measure to, any of the tiers.
    fn task(&mut self, task: &'p Task) -> bool {
        let measures = task.measures.iter();
        let mut groups = task
            .aimed_at
            .iter()
            .map(AsRef::as_ref)
            .chain(measures.filter_map(|measure| measure.beneficiary.group.as_deref()));
        groups.any(|group| self.group(group))
    }
}

/// The units that lead an item: the lead role of its responsibility line, then the leads its
/// text names for a clause, each once.
fn leads<'a>(line: Option<&'a Responsibility>, clauses: &'a [Lead]) -> Vec<&'a str> {
    let mut ids: Vec<&str> = Vec::new();
    let named = line.into_iter().flat_map(|line| line.lead.iter());
    for id in named.chain(clauses.iter().map(|lead| &lead.unit)) {
        if !ids.contains(&id.as_ref()) {
            ids.push(id);
        }
    }
    ids
}

/// A reference the plan itself just resolved did not resolve: impossible for a valid plan,
/// reported rather than panicking.
fn missing(at: &dyn std::fmt::Debug) -> QueryError {
    QueryError::InvalidArgument(format!("{at:?} is not an item of this plan"))
}
