//! The validated plan: immutable, indexed, and the only thing that answers questions.
//!
//! A [`Plan`] is made from [`PlanData`] by loading ([`Plan::from_json`]) or by
//! [`Plan::from_data`]; both run every rule first, so a `Plan` is always valid. Its index
//! resolves every id (explicit or derived) to an [`ItemRef`], every task to its responsible
//! units, and every item to its [`Citation`].

use std::borrow::Cow;
use std::collections::hash_map::Entry;

use foldhash::HashMap;

use crate::error::{Code, Issue, PlanError};
use crate::model::{List, PartContent, PlanData, Str, Task, TaskNumbering, Tier};
use crate::refs::{
    Citation, Division, EntityRef, FactRef, GroupRef, ItemRef, MeasureRef, MechanismRef, PartRef,
    Place, PlanRef, SectionRef, TargetRef, TaskRef, TermRef, TierRef, UnitRef,
};
use crate::search::Searches;

/// A valid action plan. Made only by loading or validating, and immutable after.
///
/// ```
/// let plan = srdi_plan::wulong();
/// let task = plan.task(28).unwrap();
/// assert_eq!(task.citation.unwrap().zh(), "武隆府办发〔2022〕48号 二（五）28");
/// assert_eq!(plan.data().tasks.len(), 32);
/// ```
#[derive(Debug, Clone)]
pub struct Plan {
    /// Borrowed from the program for a shipped plan (see `src/baked.rs`), owned otherwise.
    data: Cow<'static, PlanData>,
    index: Cow<'static, Index>,
    /// Found when loading; for a shipped plan, found when it was baked.
    warnings: Vec<Issue>,
    /// Its searches so far, and its search index once it pays (see [`crate::search`]).
    search: Searches,
}

/// Plans are equal when their data are. The index follows from the data; the warnings may
/// also tell how its file was written (a byte order mark), and whether a plan has been
/// searched yet is no part of it.
impl PartialEq for Plan {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data
    }
}

impl Eq for Plan {}

impl Plan {
    /// Validates `data` and makes a plan of it.
    ///
    /// # Errors
    ///
    /// [`PlanError::Invalid`] with every issue found, warnings included, if any is an error.
    pub fn from_data(data: PlanData) -> Result<Plan, PlanError> {
        let (index, mut issues) = Index::build(&data);
        issues.extend(crate::validate::rules(&data, &index));
        Self::checked(data, index, issues)
    }

    /// A plan of `data` whose index is built and whose rules were checked, with what they found.
    pub(crate) fn checked(
        data: PlanData,
        index: Index,
        issues: Vec<Issue>,
    ) -> Result<Plan, PlanError> {
        if issues.iter().any(Issue::is_error) {
            return Err(PlanError::Invalid(issues));
        }
        Ok(Self {
            data: Cow::Owned(data),
            index: Cow::Owned(index),
            warnings: issues,
            search: Searches::default(),
        })
    }

    /// A plan of data the test suite has proven valid, with its index and the warnings its
    /// rules give (the shipped plans, baked): neither checked nor indexed again. While baking,
    /// there are no baked plans.
    #[cfg(not(feature = "bake"))]
    pub(crate) fn trusted(
        data: Cow<'static, PlanData>,
        index: Cow<'static, Index>,
        warnings: Vec<Issue>,
    ) -> Plan {
        Self {
            data,
            index,
            warnings,
            search: Searches::default(),
        }
    }

    /// The plan's data, in the file format.
    pub fn data(&self) -> &PlanData {
        &self.data
    }

    /// The plan's id, e.g. `wulong-2022-48`.
    pub fn id(&self) -> &str {
        &self.data.id
    }

    /// The warnings about the plan: it is valid, but something looks wrong (or, for a partial
    /// plan, is missing).
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    /// The plan's index of ids, numbers and mentions.
    pub(crate) fn index(&self) -> &Index {
        &self.index
    }

    /// How this plan is searched (see [`crate::search`]).
    pub(crate) fn searches(&self) -> &Searches {
        &self.search
    }

    /// The item a reference of this plan points to.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let at = plan.task(28).unwrap().at;
    /// assert_eq!(plan.get(at).unwrap().number, 28);
    /// ```
    pub fn get<R: PlanRef>(&self, at: R) -> Option<&R::Item> {
        at.resolve(&self.data)
    }

    /// The item with id `id`, explicit (`finance-bureau`, `goal-2`) or derived (`task-28`).
    ///
    /// ```
    /// use srdi_plan::ItemKind;
    /// let plan = srdi_plan::wulong();
    /// assert_eq!(plan.item("sec-5").unwrap().kind(), ItemKind::Section);
    /// assert_eq!(plan.item("task-28-m1").unwrap().kind(), ItemKind::Measure);
    /// ```
    pub fn item(&self, id: &str) -> Option<ItemRef> {
        self.index.ids.get(id)
    }

    /// The id of an item: its own, or the one derived from its number (`task-28`, `sec-5`).
    pub fn id_of(&self, item: ItemRef) -> String {
        id_of(&self.data, item).into_owned()
    }

    /// The id of a task (`task-28`; `task-2-1` where numbering starts again in each section),
    /// as [`Plan::id_of`] gives it, without building it.
    pub fn task_id(&self, at: TaskRef) -> &str {
        self.index
            .task_ids
            .get(at.index())
            .map_or("", AsRef::as_ref)
    }

    /// The task numbered `number` (in `section`, for a plan whose numbering starts again in
    /// each section; the section is ignored otherwise).
    pub fn task_numbered(&self, section: Option<u16>, number: u16) -> Option<TaskRef> {
        let key = match self.data.task_numbering {
            TaskNumbering::PerSection => (section?, number),
            _ => (0, number),
        };
        self.index.task(key)
    }

    /// The section numbered `number`.
    pub fn section_numbered(&self, number: u16) -> Option<SectionRef> {
        self.index.section(number)
    }

    /// The mechanism numbered `number`.
    pub fn mechanism_numbered(&self, number: u16) -> Option<MechanismRef> {
        self.index.mechanism(number)
    }

    /// The units responsible for a task: its own 责任单位 list if printed, else its section's.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let task = plan.task_numbered(None, 23).unwrap();
    /// let first = plan.responsible(task)[0];
    /// assert_eq!(plan.get(first).unwrap().name.zh, "区经济信息委");
    /// ```
    pub fn responsible(&self, task: TaskRef) -> &[UnitRef] {
        self.index
            .responsible
            .get(task.index())
            .map_or(&[], |units| units.as_ref())
    }

    /// The tasks of a section, in order.
    pub fn tasks_in(&self, section: SectionRef) -> impl Iterator<Item = TaskRef> + '_ {
        let number = self.get(section).map(|section| section.number);
        self.task_refs()
            .filter(move |&task| self.get(task).map(|t| t.section) == number)
    }

    /// Every task, in order.
    pub fn task_refs(&self) -> impl Iterator<Item = TaskRef> + use<> {
        (0..self.data.tasks.len()).map(TaskRef::new)
    }

    /// Every unit, in order.
    pub fn unit_refs(&self) -> impl Iterator<Item = UnitRef> + use<> {
        (0..self.data.units.len()).map(UnitRef::new)
    }

    /// Every mechanism, in order.
    pub fn mechanism_refs(&self) -> impl Iterator<Item = MechanismRef> + use<> {
        (0..self.data.mechanisms.len()).map(MechanismRef::new)
    }

    /// Every entity, in order.
    pub fn entity_refs(&self) -> impl Iterator<Item = EntityRef> + use<> {
        (0..self.data.entities.len()).map(EntityRef::new)
    }

    /// Every support measure, task by task.
    pub fn measure_refs(&self) -> impl Iterator<Item = MeasureRef> + '_ {
        self.data.tasks.iter().enumerate().flat_map(|(t, task)| {
            (0..task.measures.len()).map(move |m| MeasureRef::new(TaskRef::new(t), m))
        })
    }

    /// The measures of a task, in order.
    pub fn measures_of(&self, task: TaskRef) -> Vec<MeasureRef> {
        let count = self.get(task).map_or(0, |t| t.measures.len());
        (0..count).map(|i| MeasureRef::new(task, i)).collect()
    }

    /// The targets of a task, in order.
    pub fn targets_of(&self, task: TaskRef) -> Vec<TargetRef> {
        let count = self.get(task).map_or(0, |t| t.targets.len());
        (0..count).map(|i| TargetRef::of_task(task, i)).collect()
    }

    /// Every target: the plan goals, then the task-level targets in task order.
    pub fn target_refs(&self) -> impl Iterator<Item = TargetRef> + '_ {
        let goals = (0..self.data.goals.len()).map(TargetRef::goal);
        let tasks = self.data.tasks.iter().enumerate().flat_map(|(t, task)| {
            (0..task.targets.len()).map(move |i| TargetRef::of_task(TaskRef::new(t), i))
        });
        goals.chain(tasks)
    }

    /// The tiers and groups a tier, group or defined-term id stands for: the tier or group
    /// itself, or everything the term stands for (“专精特新”企业 = all three tiers). Empty for
    /// an unknown id.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// assert_eq!(plan.members_of("srdi-enterprises").len(), 3);
    /// assert_eq!(plan.members_of("little-giant").len(), 1);
    /// ```
    pub fn members_of(&self, group: &str) -> Vec<ItemRef> {
        match self.item(group) {
            Some(item @ (ItemRef::Tier(_) | ItemRef::Group(_))) => vec![item],
            Some(ItemRef::Term(term)) => self.get(term).map_or_else(Vec::new, |term| {
                let mut members: Vec<ItemRef> = Vec::new();
                for id in term.stands_for.iter() {
                    match self.item(id) {
                        Some(item @ (ItemRef::Tier(_) | ItemRef::Group(_)))
                            if !members.contains(&item) =>
                        {
                            members.push(item);
                        }
                        _ => {}
                    }
                }
                members
            }),
            _ => Vec::new(),
        }
    }

    /// The tiers a tier or defined-term id stands for (see [`Plan::members_of`]).
    pub fn tiers_of(&self, group: &str) -> Vec<TierRef> {
        self.members_of(group)
            .into_iter()
            .filter_map(|item| match item {
                ItemRef::Tier(tier) => Some(tier),
                _ => None,
            })
            .collect()
    }

    /// Where an item stands in the document, e.g. `二（五）28`.
    pub fn place(&self, item: ItemRef) -> Option<Place> {
        let part_of = |content| {
            self.index
                .part(content)
                .and_then(|part| self.get(part))
                .map(|part| u32::from(part.number))
        };
        let place = match item {
            ItemRef::Part(part) => Place {
                part: Some(u32::from(self.get(part)?.number)),
                ..Place::default()
            },
            ItemRef::Tier(_) | ItemRef::Term(_) | ItemRef::Group(_) => Place {
                part: part_of(PartContent::Goals),
                ..Place::default()
            },
            ItemRef::Target(target) => match target.task() {
                None => Place {
                    part: part_of(PartContent::Goals),
                    ..Place::default()
                },
                Some(task) => return self.place(ItemRef::Task(task)),
            },
            ItemRef::Section(section) => Place {
                part: part_of(PartContent::Tasks),
                division: Some(Division::Section(u32::from(self.get(section)?.number))),
                task: None,
            },
            ItemRef::Task(task) => {
                let task = self.get(task)?;
                Place {
                    part: part_of(PartContent::Tasks),
                    division: Some(Division::Section(u32::from(task.section))),
                    task: Some(u32::from(task.number)),
                }
            }
            ItemRef::Measure(measure) => return self.place(ItemRef::Task(measure.task())),
            ItemRef::Mechanism(mechanism) => Place {
                part: part_of(PartContent::Mechanisms),
                division: Some(Division::Mechanism(u32::from(self.get(mechanism)?.number))),
                task: None,
            },
            ItemRef::Document
            | ItemRef::Preamble
            | ItemRef::Unit(_)
            | ItemRef::Entity(_)
            | ItemRef::Fact(_) => {
                return None;
            }
        };
        Some(place)
    }

    /// The citation of an item: the document number and the item's place, as in
    /// `武隆府办发〔2022〕48号 二（五）28`. Targets and measures cite their task; units and
    /// entities have no place of their own and are not cited.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let cite = |id| plan.citation(plan.item(id).unwrap()).unwrap().zh();
    /// assert_eq!(cite("task-28"), "武隆府办发〔2022〕48号 二（五）28");
    /// assert_eq!(cite("goal-2"), "武隆府办发〔2022〕48号 一");
    /// assert_eq!(cite("mech-3"), "武隆府办发〔2022〕48号 三（三）");
    /// ```
    pub fn citation(&self, item: ItemRef) -> Option<Citation> {
        if matches!(
            item,
            ItemRef::Unit(_) | ItemRef::Entity(_) | ItemRef::Group(_) | ItemRef::Fact(_)
        ) {
            return None;
        }
        Citation::new(self.data.document.number.as_deref(), self.place(item))
    }
}

impl PlanData {
    /// Checks the data against every semantic rule and returns every issue found, warnings
    /// included. An empty list means the data makes a valid and clean plan.
    ///
    /// ```
    /// let mut data = srdi_plan::wulong().data().clone();
    /// assert!(data.validate().is_empty());
    ///
    /// data.tasks.to_mut().remove(6); // task 7
    /// let issues = data.validate();
    /// assert_eq!(issues[0].code, srdi_plan::Code::BadNumbering);
    /// assert_eq!(issues[0].path, "/tasks/6/number");
    /// ```
    pub fn validate(&self) -> Vec<Issue> {
        let (index, mut issues) = Index::build(self);
        issues.extend(crate::validate::rules(self, &index));
        issues
    }
}

/// What the plan knows about itself beyond its data: ids, numbers and responsibilities.
///
/// Numbers are kept as lists sorted by number and searched, and ids in a table of their own
/// ([`Ids`]), so that a shipped plan's index, like its data, is baked into the program and
/// borrowed from it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan::plan))]
pub(crate) struct Index {
    /// Every id, explicit or derived, and the item it names.
    pub(crate) ids: Ids,
    /// Tasks by (section, number) for per-section numbering, by (0, number) otherwise.
    pub(crate) task_numbers: List<((u16, u16), TaskRef)>,
    pub(crate) section_numbers: List<(u16, SectionRef)>,
    pub(crate) mechanism_numbers: List<(u16, MechanismRef)>,
    /// The first part holding each kind of content, in the order of the parts.
    pub(crate) parts: List<(PartContent, PartRef)>,
    /// The units responsible for each task, by task position.
    pub(crate) responsible: List<List<UnitRef>>,
    /// The derived id of each task, by task position: asked for with every task.
    pub(crate) task_ids: List<Str>,
    /// The tasks, and the numbers of the mechanisms, that mention each entity (as a named
    /// thing or, for tasks, as the legal basis of a measure), by entity position.
    pub(crate) mentions: List<(List<TaskRef>, List<u16>)>,
}

/// The ids of a plan, hashed: in a hash map when a plan is loaded, in a table baked into the
/// program for a shipped plan (a static cannot hold a hash map).
#[derive(Debug, Clone)]
pub(crate) enum Ids {
    /// Hashed by foldhash, as fast here as `FxHash` and seeded at random for each map where
    /// the platform allows (from addresses and the clock), so that a file cannot bring ids
    /// prepared to collide as it could against `FxHash`'s fixed function. Not a cryptographic
    /// defence; in WebAssembly the seed repeats from run to run.
    Loaded(HashMap<Str, ItemRef>),
    /// Open addressing: a power-of-two number of slots, at least twice the ids, each id in
    /// the first free slot from its [`probe`] on.
    #[cfg_attr(
        feature = "bake",
        expect(
            dead_code,
            reason = "only src/baked.rs makes it, and baking leaves it out"
        )
    )]
    Baked(&'static [Option<(&'static str, ItemRef)>]),
}

/// A hash of an id: `FxHash`'s step over its bytes, eight at a time (the last zero-padded), in 64
/// bits on every target. Any hash would do, so long as baking and reading share it: a table
/// baked on a 64-bit machine is read by the 32-bit WebAssembly module.
fn hash(id: &str) -> u64 {
    id.as_bytes().chunks(8).fold(0, |hash: u64, chunk| {
        let mut word = [0; 8];
        word.iter_mut()
            .zip(chunk)
            .for_each(|(to, &byte)| *to = byte);
        (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95)
    })
}

/// The slots from `id`'s own on, around a table of `len` slots (a power of two). The slot is
/// taken from the hash's high bits, where a multiplying hash mixes best.
fn probe(id: &str, len: usize) -> impl Iterator<Item = usize> {
    let bits = len.trailing_zeros();
    let start = hash(id).checked_shr(64 - bits).unwrap_or(0);
    #[allow(clippy::cast_possible_truncation, reason = "below `len`, a usize")]
    let start = start as usize;
    let mask = len.saturating_sub(1);
    (0..len).map(move |step| (start + step) & mask)
}

impl Ids {
    /// The item with id `id`.
    pub(crate) fn get(&self, id: &str) -> Option<ItemRef> {
        match self {
            Ids::Loaded(ids) => ids.get(id).copied(),
            Ids::Baked(slots) => probe(id, slots.len())
                .map_while(|at| slots.get(at).copied().flatten())
                .find(|&(key, _)| key == id)
                .map(|(_, item)| item),
        }
    }

    fn len(&self) -> usize {
        match self {
            Ids::Loaded(ids) => ids.len(),
            Ids::Baked(slots) => slots.iter().flatten().count(),
        }
    }

    fn entries(&self) -> Vec<(&str, ItemRef)> {
        let mut entries: Vec<(&str, ItemRef)> = match self {
            Ids::Loaded(ids) => ids.iter().map(|(id, &item)| (id.as_ref(), item)).collect(),
            Ids::Baked(slots) => slots.iter().flatten().copied().collect(),
        };
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        entries
    }
}

/// The same ids for the same items, however they are kept: each of one found by the other's
/// lookup (which also proves a baked table readable).
impl PartialEq for Ids {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && other
                .entries()
                .into_iter()
                .all(|(id, item)| self.get(id) == Some(item))
    }
}

#[cfg(feature = "bake")]
impl databake::Bake for Ids {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        let entries = self.entries();
        let mut slots: Vec<Option<(&str, ItemRef)>> =
            vec![None; (2 * entries.len()).next_power_of_two()];
        for (id, item) in entries {
            // Always found: there are twice as many slots as ids.
            let free =
                probe(id, slots.len()).find(|&at| slots.get(at).is_some_and(Option::is_none));
            if let Some(slot) = free.and_then(|at| slots.get_mut(at)) {
                *slot = Some((id, item));
            }
        }
        let slots = slots.as_slice().bake(env);
        databake::quote! { srdi_plan::plan::Ids::Baked(&#slots) }
    }
}

/// The value of `key` in a list sorted by key.
fn find<K: Ord, V: Copy>(list: &[(K, V)], key: &K) -> Option<V> {
    let at = list.binary_search_by(|(k, _)| k.cmp(key)).ok()?;
    list.get(at).map(|&(_, value)| value)
}

/// `pairs` sorted by key, the first of each key kept.
fn sorted<K: Ord + Clone, V: Clone>(pairs: impl Iterator<Item = (K, V)>) -> List<(K, V)> {
    let mut pairs: Vec<(K, V)> = pairs.collect();
    // Stable, so that the first of each key stays first and `dedup_by` keeps it.
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs.dedup_by(|later, first| later.0 == first.0);
    pairs.into()
}

impl Index {
    /// Indexes `data`, reporting ids that are not slugs, taken twice, or shaped like the id of
    /// another item (`task-3-m1` for a measure of task 28).
    pub(crate) fn build(data: &PlanData) -> (Index, Vec<Issue>) {
        let mut issues = Vec::new();
        // The plan's own id names it in a corpus, a command line and a citation.
        if !is_id(&data.id) {
            let message = format!(
                "the plan's id `{}` must be lowercase ASCII letters, digits and `-`, starting with a letter",
                data.id
            );
            issues.push(Issue::new(Code::InvalidId, "/id", message));
        }
        let mut parts: Vec<(PartContent, PartRef)> = Vec::new();
        for (i, part) in data.parts.iter().enumerate() {
            if !parts.iter().any(|(content, _)| *content == part.content) {
                parts.push((part.content, PartRef::new(i)));
            }
        }
        let numbering = data.task_numbering;
        let tasks = data.tasks.iter().enumerate();
        let sections = data.sections.iter().enumerate();
        let mechanisms = data.mechanisms.iter().enumerate();

        // Derived ids first, so that an explicit id cannot take one.
        let mut ids: HashMap<Str, ItemRef> = HashMap::default();
        ids.reserve(numbered_items(data).count() + explicit_items(data).count());
        let mut task_ids = Vec::with_capacity(data.tasks.len());
        for item in numbered_items(data) {
            let id = id_of(data, item);
            if let ItemRef::Task(_) = item {
                task_ids.push(id.clone());
            }
            ids.entry(id).or_insert(item);
        }
        for item in explicit_items(data) {
            let id = id_of(data, item);
            let path = || format!("{}/id", item.pointer());
            if !is_id(&id) {
                let message = format!("id `{id}` must be lowercase ASCII letters, digits and `-`");
                issues.push(Issue::new(Code::InvalidId, path(), message));
            }
            if let Some(owner) = derived_owner(&ids, &id)
                && !is_inside(item, owner)
            {
                let message = format!(
                    "id `{id}` reads as part of {}, but this {} is not",
                    id_of(data, owner),
                    item.kind().noun()
                );
                issues.push(Issue::new(Code::InvalidId, path(), message));
            }
            match ids.entry(id) {
                Entry::Occupied(first) => {
                    let message = format!(
                        "id `{}` is already the id of {} ({})",
                        first.key(),
                        first.get().kind().noun(),
                        first.get().pointer()
                    );
                    issues.push(Issue::new(Code::DuplicateId, path(), message));
                }
                Entry::Vacant(free) => {
                    free.insert(item);
                }
            }
        }

        let mut index = Index {
            ids: Ids::Loaded(ids),
            task_numbers: sorted(
                tasks.map(|(i, task)| (task_key(numbering, task), TaskRef::new(i))),
            ),
            section_numbers: sorted(sections.map(|(i, s)| (s.number, SectionRef::new(i)))),
            mechanism_numbers: sorted(mechanisms.map(|(i, m)| (m.number, MechanismRef::new(i)))),
            parts: parts.into(),
            responsible: List::default(),
            task_ids: task_ids.into(),
            mentions: List::default(),
        };
        index.responsible = data
            .tasks
            .iter()
            .map(|task| index.responsible_for(data, task))
            .collect();
        index.mentions = mentions(data, &index.ids);
        (index, issues)
    }

    /// The task with key `key` (see [`task_key`]).
    pub(crate) fn task(&self, key: (u16, u16)) -> Option<TaskRef> {
        find(&self.task_numbers, &key)
    }

    /// The section numbered `number`.
    pub(crate) fn section(&self, number: u16) -> Option<SectionRef> {
        find(&self.section_numbers, &number)
    }

    /// The mechanism numbered `number`.
    pub(crate) fn mechanism(&self, number: u16) -> Option<MechanismRef> {
        find(&self.mechanism_numbers, &number)
    }

    /// The first part holding `content`.
    pub(crate) fn part(&self, content: PartContent) -> Option<PartRef> {
        self.parts
            .iter()
            .find(|(held, _)| *held == content)
            .map(|&(_, part)| part)
    }

    fn responsible_for(&self, data: &PlanData, task: &Task) -> List<UnitRef> {
        let listed = match &task.responsibility {
            Some(own) => Some(own),
            None => self
                .section(task.section)
                .and_then(|section| section.resolve(data))
                .and_then(|section| section.responsibility.as_ref()),
        };
        listed
            .into_iter()
            .flat_map(crate::model::Responsibility::all)
            .filter_map(|id| match self.ids.get(id) {
                Some(ItemRef::Unit(unit)) => Some(unit),
                _ => None,
            })
            .collect()
    }
}

/// The numbered item whose derived id `id` extends with `-…` (`task-3` for `task-3-m1`).
fn derived_owner(ids: &HashMap<Str, ItemRef>, id: &str) -> Option<ItemRef> {
    id.match_indices('-').find_map(|(at, _)| {
        let prefix = id.get(..at)?;
        let owner = *ids.get(prefix)?;
        let numbered = matches!(
            owner,
            ItemRef::Part(_) | ItemRef::Section(_) | ItemRef::Task(_) | ItemRef::Mechanism(_)
        );
        numbered.then_some(owner)
    })
}

/// The tasks, and the numbers of the mechanisms, that mention each entity, by entity position
/// (see [`Index::mentions`]).
fn mentions(data: &PlanData, ids: &Ids) -> List<(List<TaskRef>, List<u16>)> {
    let mut mentions: Vec<(Vec<TaskRef>, Vec<u16>)> =
        vec![(Vec::new(), Vec::new()); data.entities.len()];
    let entity = |id: &Str| match ids.get(id) {
        Some(ItemRef::Entity(at)) => Some(at.index()),
        _ => None,
    };
    for (position, task) in data.tasks.iter().enumerate() {
        let mentioning = TaskRef::new(position);
        let legal = task.measures.iter().filter_map(|m| m.legal_basis.as_ref());
        for at in task.entities.iter().chain(legal).filter_map(entity) {
            if let Some((tasks, _)) = mentions.get_mut(at)
                && tasks.last() != Some(&mentioning)
            {
                tasks.push(mentioning);
            }
        }
    }
    for mechanism in data.mechanisms.iter() {
        for at in mechanism.entities.iter().filter_map(entity) {
            if let Some((_, mechanisms)) = mentions.get_mut(at)
                && mechanisms.last() != Some(&mechanism.number)
            {
                mechanisms.push(mechanism.number);
            }
        }
    }
    mentions
        .into_iter()
        .map(|(tasks, mechanisms)| (tasks.into(), mechanisms.into()))
        .collect()
}

/// The items whose ids are derived from their numbers.
fn numbered_items(data: &PlanData) -> impl Iterator<Item = ItemRef> + '_ {
    let parts = (0..data.parts.len()).map(|i| ItemRef::Part(PartRef::new(i)));
    let sections = (0..data.sections.len()).map(|i| ItemRef::Section(SectionRef::new(i)));
    let tasks = (0..data.tasks.len()).map(|i| ItemRef::Task(TaskRef::new(i)));
    let mechanisms = (0..data.mechanisms.len()).map(|i| ItemRef::Mechanism(MechanismRef::new(i)));
    [ItemRef::Document, ItemRef::Preamble]
        .into_iter()
        .chain(parts)
        .chain(sections)
        .chain(tasks)
        .chain(mechanisms)
}

/// The items whose ids the file states.
fn explicit_items(data: &PlanData) -> impl Iterator<Item = ItemRef> + '_ {
    let tiers = (0..data.tiers.len()).map(|i| ItemRef::Tier(TierRef::new(i)));
    let groups = (0..data.groups.len()).map(|i| ItemRef::Group(GroupRef::new(i)));
    let terms = (0..data.defined_terms.len()).map(|i| ItemRef::Term(TermRef::new(i)));
    let goals = (0..data.goals.len()).map(|i| ItemRef::Target(TargetRef::goal(i)));
    let nested = data.tasks.iter().enumerate().flat_map(|(t, task)| {
        let task_ref = TaskRef::new(t);
        let targets =
            (0..task.targets.len()).map(move |i| ItemRef::Target(TargetRef::of_task(task_ref, i)));
        let measures =
            (0..task.measures.len()).map(move |i| ItemRef::Measure(MeasureRef::new(task_ref, i)));
        targets.chain(measures)
    });
    let units = (0..data.units.len()).map(|i| ItemRef::Unit(UnitRef::new(i)));
    let entities = (0..data.entities.len()).map(|i| ItemRef::Entity(EntityRef::new(i)));
    let facts = (0..data.facts.len()).map(|i| ItemRef::Fact(FactRef::new(i)));
    tiers
        .chain(groups)
        .chain(terms)
        .chain(goals)
        .chain(nested)
        .chain(units)
        .chain(entities)
        .chain(facts)
}

/// Whether `item` belongs to `owner` (a measure or target of a task).
fn is_inside(item: ItemRef, owner: ItemRef) -> bool {
    let task = match item {
        ItemRef::Measure(measure) => Some(measure.task()),
        ItemRef::Target(target) => target.task(),
        _ => None,
    };
    task.is_some_and(|task| owner == ItemRef::Task(task))
}

/// The id of an item in `data`: its own (borrowed from a shipped plan), or derived from its
/// number.
fn id_of(data: &PlanData, item: ItemRef) -> Str {
    let explicit = |id: Option<&Str>| id.cloned().unwrap_or_default();
    match item {
        ItemRef::Document => data.id.clone(),
        ItemRef::Preamble => Str::Borrowed("preamble"),
        ItemRef::Part(at) => numbered("part", at.resolve(data).map(|p| p.number)),
        ItemRef::Section(at) => numbered("sec", at.resolve(data).map(|s| s.number)),
        ItemRef::Task(at) => match (data.task_numbering, at.resolve(data)) {
            (TaskNumbering::PerSection, Some(task)) => {
                format!("task-{}-{}", task.section, task.number).into()
            }
            (_, task) => numbered("task", task.map(|t| t.number)),
        },
        ItemRef::Mechanism(at) => numbered("mech", at.resolve(data).map(|m| m.number)),
        ItemRef::Tier(at) => explicit(at.resolve(data).map(|tier: &Tier| &tier.id)),
        ItemRef::Group(at) => explicit(at.resolve(data).map(|group| &group.id)),
        ItemRef::Term(at) => explicit(at.resolve(data).map(|term| &term.id)),
        ItemRef::Target(at) => explicit(at.resolve(data).map(|target| &target.id)),
        ItemRef::Measure(at) => explicit(at.resolve(data).map(|measure| &measure.id)),
        ItemRef::Unit(at) => explicit(at.resolve(data).map(|unit| &unit.id)),
        ItemRef::Entity(at) => explicit(at.resolve(data).map(|entity| &entity.id)),
        ItemRef::Fact(at) => explicit(at.resolve(data).map(|fact| &fact.id)),
    }
}

/// The key of a task in the index: its number, with its section if numbering restarts.
fn task_key(numbering: TaskNumbering, task: &Task) -> (u16, u16) {
    match numbering {
        TaskNumbering::PerSection => (task.section, task.number),
        _ => (0, task.number),
    }
}

fn numbered(prefix: &str, number: Option<u16>) -> Str {
    number.map_or_else(Str::default, |n| format!("{prefix}-{n}").into())
}

/// Whether `id` can be the id of a plan or of an item in it: a lowercase ASCII slug, a letter
/// and then letters, digits and `-`.
///
/// ```
/// assert!(srdi_plan::is_id("wulong-2022-48"));
/// assert!(!srdi_plan::is_id("Wulong 48") && !srdi_plan::is_id("武隆") && !srdi_plan::is_id(""));
/// ```
pub fn is_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::is_id;

    #[test]
    fn slugs() {
        assert!(is_id("task-8-t1"));
        for bad in ["", "Task", "8-task", "task_8", "任务"] {
            assert!(!is_id(bad), "{bad}");
        }
    }
}
