//! Questions people ask of a plan, each one call: which tasks a unit answers for, which
//! measures reach a tier, where the plan mentions a phrase, who answers for a task.
//!
//! Names are resolved leniently (a unit by id, printed short name or English name) and
//! strictly: a name that matches nothing is a [`QueryError::UnknownName`] with the closest
//! valid names, never an empty answer. A valid question with no answer is an empty list.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::Serialize;

use crate::instrument::Instrument;
use crate::model::{Entity, EntityKind, Measure, Plan, Target, Task, Tier, Unit};

/// A filter over tasks. Every field that is set must match; an empty filter matches all.
///
/// ```
/// use srdi_plan::TaskFilter;
/// let plan = srdi_plan::wulong();
/// let filter = TaskFilter { unit: Some("区财政局".into()), ..TaskFilter::default() };
/// let numbers: Vec<u8> = plan.tasks_where(&filter).unwrap().iter().map(|t| t.number).collect();
/// assert_eq!(numbers, [11, 12, 13, 14, 15, 16, 17, 18, 19, 28, 29, 30, 31, 32]);
/// ```
///
/// Deserializes from an object of the same fields (unknown ones rejected), so a binding can
/// read a filter straight from its language's options object.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TaskFilter {
    /// A responsible unit: id, printed short name or English name (any case).
    pub unit: Option<String>,
    /// A section number.
    pub section: Option<u8>,
    /// An instrument, e.g. `loan` or `listing_support`.
    pub instrument: Option<String>,
    /// A tier or defined term: id or name. “专精特新”企业 covers all three tiers.
    pub tier: Option<String>,
    /// A phrase in the task's Chinese or English text (English: any case).
    pub text: Option<String>,
}

/// What kind of name failed to resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
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
    /// A task number.
    Task,
    /// A goal or target id.
    Target,
    /// A mechanism number.
    Mechanism,
    /// An entity id.
    Entity,
}

impl NameKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Unit => "unit",
            Self::Tier => "tier",
            Self::Instrument => "instrument",
            Self::Section => "section",
            Self::Task => "task",
            Self::Target => "goal or target",
            Self::Mechanism => "mechanism",
            Self::Entity => "entity",
        }
    }
}

impl std::fmt::Display for NameKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a question could not be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// A name or number matches nothing in the plan.
    #[error("no {kind} is called `{name}`{}", did_you_mean(.suggestions))]
    UnknownName {
        /// What was looked for.
        kind: NameKind,
        /// The name as given.
        name: String,
        /// The closest valid names, best first (at most three).
        suggestions: Vec<String>,
    },
    /// A search for nothing.
    #[error("the search text is empty")]
    EmptySearch,
}

impl QueryError {
    /// A stable, `snake_case` code for the error: `unknown_name` or `empty_search`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownName { .. } => "unknown_name",
            Self::EmptySearch => "empty_search",
        }
    }

    /// The closest valid names, for an unknown name.
    pub fn suggestions(&self) -> &[String] {
        match self {
            Self::UnknownName { suggestions, .. } => suggestions,
            Self::EmptySearch => &[],
        }
    }
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        many => format!("; did you mean one of {}?", many.join(", ")),
    }
}

/// The kind of item a search hit or citation points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ItemKind {
    /// The document header, title or notice.
    Document,
    /// The preamble.
    Preamble,
    /// A part heading or its text.
    Part,
    /// A plan goal.
    Goal,
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
}

/// One place where a search phrase occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Hit {
    /// What kind of item.
    pub kind: ItemKind,
    /// The item's id, e.g. `task-25`.
    pub id: String,
    /// Where the item stands in the document, if it has a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// Which text matched, e.g. `text.zh`.
    pub field: String,
    /// The matching text around the phrase, with `…` where cut.
    pub snippet: String,
}

/// What a unit answers for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Duties<'a> {
    /// The unit.
    pub unit: &'a Unit,
    /// Numbers of the tasks it is responsible for.
    pub tasks: Vec<u8>,
    /// Numbers of the mechanisms it is responsible for.
    pub mechanisms: Vec<u8>,
    /// Numbers of the mechanisms it leads, where the text says so.
    pub leads: Vec<u8>,
}

/// The accountability matrix: which unit answers for which task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Matrix<'a> {
    /// The task numbers, in order: the columns.
    pub tasks: Vec<u8>,
    /// One row per unit responsible for at least one task, in order of first listing.
    pub rows: Vec<MatrixRow<'a>>,
}

/// One unit's row of the [`Matrix`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MatrixRow<'a> {
    /// The unit.
    pub unit: &'a Unit,
    /// The tasks it answers for.
    pub tasks: Vec<u8>,
}

/// An entity with the items that mention it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Mentions<'a> {
    /// The entity.
    pub entity: &'a Entity,
    /// Numbers of the tasks that mention it (as a named thing or as a legal basis).
    pub tasks: Vec<u8>,
    /// Numbers of the mechanisms that mention it.
    pub mechanisms: Vec<u8>,
}

impl Plan {
    /// The tasks that pass `filter`, in order.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if the unit, tier, instrument or section names nothing.
    pub fn tasks_where(&self, filter: &TaskFilter) -> Result<Vec<&Task>, QueryError> {
        let unit = filter
            .unit
            .as_deref()
            .map(|name| self.find_unit(name))
            .transpose()?;
        let tiers = filter
            .tier
            .as_deref()
            .map(|name| self.find_tiers(name))
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
            .tasks
            .iter()
            .filter(|task| filter.section.is_none_or(|n| task.section == n))
            .filter(|task| unit.is_none_or(|unit| self.responsible_ids(task).contains(&unit.id)))
            .filter(|task| instrument.is_none_or(|i| task.instruments.contains(&i)))
            .filter(|task| {
                tiers
                    .as_ref()
                    .is_none_or(|tiers| self.task_reaches(task, tiers))
            })
            .filter(|task| {
                text.as_ref()
                    .is_none_or(|needle| task_texts(task).any(|t| needle.found_in(t)))
            })
            .collect())
    }

    /// The task numbered `number`, or an error naming the valid range.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if there is no such task.
    pub fn find_task(&self, number: u8) -> Result<&Task, QueryError> {
        self.task(number).ok_or_else(|| {
            unknown_number(NameKind::Task, number, self.tasks.iter().map(|t| t.number))
        })
    }

    /// The mechanism numbered `number`.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if there is no such mechanism.
    pub fn find_mechanism(&self, number: u8) -> Result<&crate::Mechanism, QueryError> {
        self.mechanism(number).ok_or_else(|| {
            unknown_number(
                NameKind::Mechanism,
                number,
                self.mechanisms.iter().map(|m| m.number),
            )
        })
    }

    fn find_section(&self, number: u8) -> Result<&crate::Section, QueryError> {
        self.section(number).ok_or_else(|| {
            unknown_number(
                NameKind::Section,
                number,
                self.sections.iter().map(|s| s.number),
            )
        })
    }

    /// A goal or task-level target by id (`goal-2`, `task-8-t1`); a bare number means a goal.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if no target has that id.
    pub fn find_target(&self, id: &str) -> Result<&Target, QueryError> {
        let id = if id.bytes().all(|b| b.is_ascii_digit()) {
            format!("goal-{id}")
        } else {
            id.to_owned()
        };
        self.targets()
            .into_iter()
            .find(|target| target.id == id)
            .ok_or_else(|| {
                unknown(
                    NameKind::Target,
                    &id,
                    self.targets().iter().map(|t| t.id.as_str()),
                )
            })
    }

    /// An entity by id or printed name.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if nothing matches.
    pub fn find_entity(&self, name: &str) -> Result<&Entity, QueryError> {
        self.entities
            .iter()
            .find(|e| is_called(&e.id, &e.name, name))
            .ok_or_else(|| {
                let names = self
                    .entities
                    .iter()
                    .flat_map(|e| [e.id.as_str(), e.name.zh.as_str()]);
                unknown(NameKind::Entity, name, names)
            })
    }

    /// A unit by id, printed short name (`区财政局`) or English name (any case).
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// assert_eq!(plan.find_unit("district finance bureau").unwrap().name.zh, "区财政局");
    /// let error = plan.find_unit("区财政").unwrap_err();
    /// assert_eq!(error.suggestions()[0], "区财政局");
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] with the closest names if nothing matches.
    pub fn find_unit(&self, name: &str) -> Result<&Unit, QueryError> {
        self.units
            .iter()
            .find(|u| is_called(&u.id, &u.name, name))
            .ok_or_else(|| {
                let names = self
                    .units
                    .iter()
                    .map(|u| preferred_name(name, &u.name.zh, &u.name.en));
                unknown(NameKind::Unit, name, names)
            })
    }

    /// The tiers a tier or defined term stands for, by id or name. “专精特新”企业 (the defined
    /// term) gives all three; the quotation marks may be left out.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// assert_eq!(plan.find_tiers("专精特新企业").unwrap().len(), 3);
    /// assert_eq!(plan.find_tiers("little-giant").unwrap()[0].rank, 3);
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] with the closest names if nothing matches.
    pub fn find_tiers(&self, name: &str) -> Result<Vec<&Tier>, QueryError> {
        let tier = self
            .tiers
            .iter()
            .find(|t| is_called(&t.id, &t.name, name))
            .map(|tier| tier.id.as_str());
        let term = self
            .defined_terms
            .iter()
            .find(|t| is_called(&t.id, &t.term, name))
            .map(|term| term.id.as_str());
        if let Some(group) = tier.or(term) {
            return Ok(self.tiers_of(group));
        }
        let tiers = self
            .tiers
            .iter()
            .map(|t| preferred_name(name, &t.name.zh, &t.name.en));
        let terms = self
            .defined_terms
            .iter()
            .map(|t| preferred_name(name, &t.term.zh, &t.term.en));
        Err(unknown(NameKind::Tier, name, tiers.chain(terms)))
    }

    /// Where the plan says `phrase`: every text of every item, Chinese and English
    /// (English in any case). One hit per item and field, in document order.
    ///
    /// ```
    /// let hits = srdi_plan::wulong().search("首台").unwrap();
    /// assert_eq!(hits[0].id, "task-25");
    /// assert_eq!(hits[0].citation.as_deref(), Some("武隆府办发〔2022〕48号 二（四）25"));
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
        let mut hits = Vec::new();
        self.each_text(|place| {
            for (language, text) in [("zh", &place.text.zh), ("en", &place.text.en)] {
                if let Some(snippet) = needle.snippet(text) {
                    let id = place.id();
                    hits.push(Hit {
                        kind: place.kind,
                        citation: self.citation(&id),
                        id,
                        field: format!("{}.{language}", place.field),
                        snippet,
                    });
                }
            }
        });
        Ok(hits)
    }

    /// Calls `visit` with every searchable text, in document order.
    fn each_text<'a>(&'a self, mut visit: impl FnMut(Place<'a>)) {
        use ItemKind as K;
        let mut add = |kind, id, number, field, text| {
            visit(Place {
                kind,
                id,
                number,
                field,
                text,
            });
        };
        add(K::Document, &self.id, 0, "title", &self.document.title);
        add(K::Document, &self.id, 0, "notice", &self.document.notice);
        add(K::Preamble, "preamble", 0, "text", &self.preamble);
        for part in &self.parts {
            add(K::Part, "", part.number, "title", &part.title);
            if let Some(text) = &part.text {
                add(K::Part, "", part.number, "text", text);
            }
        }
        for goal in &self.goals {
            add(K::Goal, &goal.id, 0, "text", &goal.text);
        }
        for section in &self.sections {
            add(K::Section, "", section.number, "title", &section.title);
            add(
                K::Section,
                "",
                section.number,
                "responsibility",
                &section.responsibility.text,
            );
            for task in self.tasks_in_section(section.number) {
                if let Some(title) = &task.title {
                    add(K::Task, "", task.number, "title", title);
                }
                add(K::Task, "", task.number, "text", &task.text);
                for measure in &task.measures {
                    add(K::Measure, &measure.id, 0, "text", &measure.text);
                }
            }
        }
        for mechanism in &self.mechanisms {
            add(
                K::Mechanism,
                "",
                mechanism.number,
                "title",
                &mechanism.title,
            );
            add(K::Mechanism, "", mechanism.number, "text", &mechanism.text);
            add(
                K::Mechanism,
                "",
                mechanism.number,
                "responsibility",
                &mechanism.responsibility.text,
            );
        }
        for unit in &self.units {
            add(K::Unit, &unit.id, 0, "name", &unit.name);
        }
        for entity in &self.entities {
            add(K::Entity, &entity.id, 0, "name", &entity.name);
        }
    }

    /// What a unit answers for: tasks (through its own or its section's list) and mechanisms.
    pub fn duties<'a>(&'a self, unit: &'a Unit) -> Duties<'a> {
        let tasks = self
            .tasks
            .iter()
            .filter(|task| self.responsible_ids(task).contains(&unit.id))
            .map(|task| task.number)
            .collect();
        let mechanisms = self
            .mechanisms
            .iter()
            .filter(|m| m.responsibility.units.contains(&unit.id))
            .map(|m| m.number)
            .collect();
        let leads = self
            .mechanisms
            .iter()
            .filter(|m| m.lead.as_ref() == Some(&unit.id))
            .map(|m| m.number)
            .collect();
        Duties {
            unit,
            tasks,
            mechanisms,
            leads,
        }
    }

    /// The accountability matrix, unit × task.
    pub fn matrix(&self) -> Matrix<'_> {
        let mut rows: Vec<MatrixRow<'_>> = Vec::new();
        for task in &self.tasks {
            for id in self.responsible_ids(task) {
                match rows.iter_mut().find(|row| &row.unit.id == id) {
                    Some(row) => row.tasks.push(task.number),
                    None => {
                        if let Some(unit) = self.unit(id) {
                            rows.push(MatrixRow {
                                unit,
                                tasks: vec![task.number],
                            });
                        }
                    }
                }
            }
        }
        Matrix {
            tasks: self.tasks.iter().map(|task| task.number).collect(),
            rows,
        }
    }

    /// Every target: the plan goals, then the task-level targets in task order.
    pub fn targets(&self) -> Vec<&Target> {
        self.goals
            .iter()
            .chain(self.tasks.iter().flat_map(|task| &task.targets))
            .collect()
    }

    /// The support measures that reach a tier (or defined term) and use an instrument;
    /// either filter may be left out. A measure reaches a tier when its beneficiary group
    /// covers it: a measure for “专精特新”企业 reaches each of the three tiers.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let rewards = plan.measures_where(Some("little-giant"), Some("reward")).unwrap();
    /// let ids: Vec<&str> = rewards.iter().map(|m| m.id.as_str()).collect();
    /// assert_eq!(ids, ["task-28-m1", "task-31-m1"]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if the tier or instrument names nothing.
    pub fn measures_where(
        &self,
        tier: Option<&str>,
        instrument: Option<&str>,
    ) -> Result<Vec<&Measure>, QueryError> {
        let tiers = tier.map(|name| self.find_tiers(name)).transpose()?;
        let instrument = instrument.map(find_instrument).transpose()?;
        Ok(self
            .tasks
            .iter()
            .flat_map(|task| &task.measures)
            .filter(|m| instrument.is_none_or(|i| m.instrument == i))
            .filter(|m| {
                tiers.as_ref().is_none_or(|tiers| {
                    m.beneficiary
                        .group
                        .as_deref()
                        .is_some_and(|group| overlap(&self.tiers_of(group), tiers))
                })
            })
            .collect())
    }

    /// The task a measure or target belongs to.
    pub fn task_of(&self, item_id: &str) -> Option<&Task> {
        self.tasks.iter().find(|task| {
            task.measures.iter().any(|m| m.id == item_id)
                || task.targets.iter().any(|t| t.id == item_id)
        })
    }

    /// Every entity with the tasks and mechanisms that mention it.
    pub fn mentions(&self) -> Vec<Mentions<'_>> {
        self.entities
            .iter()
            .map(|entity| self.mentions_of(entity))
            .collect()
    }

    /// The tasks and mechanisms that mention one entity.
    pub fn mentions_of<'a>(&'a self, entity: &'a Entity) -> Mentions<'a> {
        let id = &entity.id;
        let tasks = self
            .tasks
            .iter()
            .filter(|t| {
                t.entities.contains(id)
                    || t.measures
                        .iter()
                        .any(|m| m.legal_basis.as_ref() == Some(id))
            })
            .map(|t| t.number)
            .collect();
        let mechanisms = self
            .mechanisms
            .iter()
            .filter(|m| m.entities.contains(id))
            .map(|m| m.number)
            .collect();
        Mentions {
            entity,
            tasks,
            mechanisms,
        }
    }

    /// The documents the plan cites, its basis first.
    pub fn documents_cited(&self) -> Vec<&Entity> {
        self.entities
            .iter()
            .filter(|entity| entity.kind == EntityKind::Document)
            .collect()
    }

    /// Whether a task is aimed at, or offers a measure to, any of `tiers`.
    fn task_reaches(&self, task: &Task, tiers: &[&Tier]) -> bool {
        let groups = task.aimed_at.iter().chain(
            task.measures
                .iter()
                .filter_map(|m| m.beneficiary.group.as_ref()),
        );
        groups
            .map(|group| self.tiers_of(group))
            .any(|reached| overlap(&reached, tiers))
    }
}

/// A searchable text and the item it belongs to.
struct Place<'a> {
    kind: ItemKind,
    /// The id of items that carry one; empty for numbered items.
    id: &'a str,
    /// The number of numbered items (parts, sections, tasks, mechanisms).
    number: u8,
    field: &'static str,
    text: &'a crate::Text,
}

impl Place<'_> {
    /// The item's id, built only for places that match.
    fn id(&self) -> String {
        let number = self.number;
        match self.kind {
            ItemKind::Part => format!("part-{number}"),
            ItemKind::Section => format!("sec-{number}"),
            ItemKind::Task => format!("task-{number}"),
            ItemKind::Mechanism => format!("mech-{number}"),
            _ => self.id.to_owned(),
        }
    }
}

/// An instrument by its `snake_case` name; `-`, spaces and case are forgiven.
fn find_instrument(name: &str) -> Result<Instrument, QueryError> {
    let key = name.trim().to_lowercase().replace(['-', ' '], "_");
    Instrument::ALL
        .into_iter()
        .find(|instrument| instrument.as_str() == key)
        .ok_or_else(|| {
            unknown(
                NameKind::Instrument,
                name,
                Instrument::ALL.iter().map(|i| i.as_str()),
            )
        })
}

fn overlap(a: &[&Tier], b: &[&Tier]) -> bool {
    a.iter().any(|tier| b.contains(tier))
}

fn task_texts(task: &Task) -> impl Iterator<Item = &str> {
    task.title
        .iter()
        .chain([&task.text])
        .flat_map(|text| [text.zh.as_str(), text.en.as_str()])
}

/// A search phrase. ASCII letters match in any case; everything else matches exactly
/// (Chinese has no case). Matching works on bytes and allocates nothing.
struct Needle<'a> {
    phrase: &'a [u8],
    exact: memchr::memmem::Finder<'a>,
    /// Whether the phrase has ASCII letters, so that case must be folded.
    fold: bool,
}

impl<'a> Needle<'a> {
    fn new(phrase: &'a str) -> Self {
        let phrase = phrase.trim().as_bytes();
        Self {
            phrase,
            exact: memchr::memmem::Finder::new(phrase),
            fold: phrase.iter().any(u8::is_ascii_alphabetic),
        }
    }

    /// The byte offset of the first match. A match always starts on a character boundary:
    /// the phrase starts with an ASCII or a leading byte, which no continuation byte equals.
    fn find(&self, text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        if !self.fold {
            return self.exact.find(bytes);
        }
        let first = *self.phrase.first()?;
        let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
        memchr::memchr2_iter(lower, upper, bytes).find(|&at| {
            bytes
                .get(at..at + self.phrase.len())
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(self.phrase))
        })
    }

    fn found_in(&self, text: &str) -> bool {
        self.find(text).is_some()
    }

    /// The match with up to 24 characters either side, `…` marking the cuts.
    fn snippet(&self, text: &str) -> Option<String> {
        const CONTEXT: usize = 24;
        let at = self.find(text)?;
        let end = at + self.phrase.len();
        let before = text.get(..at)?;
        let after = text.get(end..)?;
        let start = before
            .char_indices()
            .rev()
            .nth(CONTEXT - 1)
            .map_or(0, |(i, _)| i);
        let stop = after
            .char_indices()
            .nth(CONTEXT)
            .map_or(text.len(), |(i, _)| end + i);
        let mut snippet = String::new();
        if start > 0 {
            snippet.push('…');
        }
        snippet.push_str(text.get(start..stop)?);
        if stop < text.len() {
            snippet.push('…');
        }
        Some(snippet)
    }
}

/// A name reduced for comparison (see [`name_chars`]).
fn normalize(name: &str) -> String {
    name_chars(name).collect()
}

/// The characters of a name that count when comparing: no quotation marks or spaces,
/// lowercase.
fn name_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| {
            !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」') && !c.is_whitespace()
        })
        .flat_map(char::to_lowercase)
}

/// Whether an item with this id and name is called `name`: by its id exactly, or by its
/// Chinese or English name with quotation marks, spaces and case set aside.
fn is_called(id: &str, names: &crate::Text, name: &str) -> bool {
    let same = |known: &str| known == name || name_chars(known).eq(name_chars(name));
    id == name || same(&names.zh) || same(&names.en)
}

/// Suggest names in the script the user typed: Chinese for Chinese, English otherwise.
fn preferred_name<'a>(typed: &str, zh: &'a str, en: &'a str) -> &'a str {
    if typed.is_ascii() { en } else { zh }
}

fn unknown<'a>(
    kind: NameKind,
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> QueryError {
    QueryError::UnknownName {
        kind,
        name: name.to_owned(),
        suggestions: closest(name, candidates),
    }
}

fn unknown_number(kind: NameKind, number: u8, valid: impl Iterator<Item = u8>) -> QueryError {
    let valid: BTreeSet<u8> = valid.collect();
    let range = match (valid.first(), valid.last()) {
        (Some(first), Some(last)) => vec![format!("{first}–{last}")],
        _ => Vec::new(),
    };
    QueryError::UnknownName {
        kind,
        name: number.to_string(),
        suggestions: range,
    }
}

/// The (at most three) candidates closest to `name`: those that contain it or that it
/// contains first, then those within a small edit distance.
fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let key = normalize(name);
    if key.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let other = normalize(candidate);
            let score = if other.contains(&key) || key.contains(&other) {
                1.0 + strsim::normalized_levenshtein(&key, &other)
            } else {
                strsim::normalized_levenshtein(&key, &other)
            };
            (score >= 0.5).then_some((score, candidate))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut seen = BTreeSet::new();
    scored
        .into_iter()
        .filter(|(_, candidate)| seen.insert(*candidate))
        .take(3)
        .map(|(_, candidate)| candidate.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Needle, closest, normalize};

    #[test]
    fn normalize_forgives_quotes_space_and_case() {
        assert_eq!(normalize("“专精特新” 企业"), "专精特新企业");
        assert_eq!(
            normalize("District Finance Bureau"),
            "districtfinancebureau"
        );
    }

    #[test]
    fn closest_prefers_containment_then_edit_distance() {
        let names = ["区财政局", "区科技局", "区税务局"];
        assert_eq!(closest("区财政", names), ["区财政局"]);
        assert_eq!(closest("区材政局", names)[0], "区财政局");
        assert!(closest("zzz", names).is_empty());
    }

    #[test]
    fn snippet_marks_cuts() {
        let needle = Needle::new("b");
        assert_eq!(needle.snippet("abc").unwrap(), "abc");
        let long = format!("{}b{}", "a".repeat(30), "c".repeat(30));
        let snippet = needle.snippet(&long).unwrap();
        assert!(snippet.starts_with('…') && snippet.ends_with('…'));
        assert_eq!(snippet.chars().count(), 24 * 2 + 1 + 2);
    }
}
