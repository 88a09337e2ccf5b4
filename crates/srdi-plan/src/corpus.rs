//! Several plans at once: a district plan and the municipal plan it implements, or every plan
//! of a folder. A corpus resolves what one plan says of another — its `based_on` documents —
//! by the document numbers the plans carry, and answers questions across its plans: each
//! answer names the plan of every row.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::answer::{Hit, InstrumentView, Language, MeasureView, TargetView};
use crate::error::{Code, Issue, PlanError, QueryError};
use crate::instrument::Instrument;
use crate::load::FileError;
use crate::model::{Decimal, Entity, Period, TargetKind, Text};
use crate::plan::Plan;
use crate::query::MeasureFilter;
use crate::refs::ItemRef;

/// Plans loaded side by side.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    plans: Vec<Arc<Plan>>,
    /// Each plan's position by its id.
    ids: HashMap<String, usize>,
    /// Each plan's position by its document number, for `based_on`.
    numbered: HashMap<String, usize>,
}

/// A document a plan is based on, and the plan of the corpus that is that document, if any.
#[derive(Debug, Clone)]
pub struct Basis<'a> {
    /// The document as the plan names it.
    pub entity: &'a Entity,
    /// The plan of the corpus whose document number is the entity's, if one is loaded.
    pub plan: Option<&'a Arc<Plan>>,
}

/// The plan files of a folder that could not be loaded, each with why.
#[derive(Debug, thiserror::Error)]
#[error("{} plan file(s) cannot be loaded: {}", .failures.len(), self.files())]
pub struct FolderError {
    /// Each file (or the folder itself) and its error, in path order.
    pub failures: Vec<(PathBuf, FileError)>,
}

impl FolderError {
    fn files(&self) -> String {
        let files: Vec<String> = self
            .failures
            .iter()
            .map(|(path, _)| path.display().to_string())
            .collect();
        files.join(", ")
    }
}

/// A question asked of every plan of a corpus. In JSON, `{"op": "compare_goals"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum CorpusQuery {
    /// Each plan: id, number, title, period and the documents it is based on.
    Plans,
    /// A phrase in every text of every plan ([`Plan::search_in`]).
    Search {
        /// The phrase.
        text: String,
        /// The language whose hits to show; both if left out.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<Language>,
    },
    /// Every plan's development goals side by side, by the tier or indicator they count,
    /// each with the goal of its parent plan that it localises.
    CompareGoals,
    /// Every measure that names an amount, by the group it reaches.
    CompareMeasures,
    /// How many tasks, measures and mechanisms of each plan use each OECD STIP Compass
    /// instrument type.
    CompareInstruments,
}

impl CorpusQuery {
    /// What can be compared, by the names `compare` takes.
    pub const COMPARED: [&'static str; 3] = ["goals", "measures", "instruments"];

    /// The comparison called `what`: `goals`, `measures` or `instruments`.
    ///
    /// # Errors
    ///
    /// [`QueryError::InvalidArgument`] naming the comparisons there are.
    pub fn compare(what: &str) -> Result<Self, QueryError> {
        match what.trim().to_ascii_lowercase().as_str() {
            "goals" => Ok(Self::CompareGoals),
            "measures" => Ok(Self::CompareMeasures),
            "instruments" => Ok(Self::CompareInstruments),
            _ => Err(QueryError::InvalidArgument(format!(
                "plans compare by {}, not `{what}`",
                Self::COMPARED.join(", ")
            ))),
        }
    }
}

/// The answer to a [`CorpusQuery`]; each row names its plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
#[non_exhaustive]
#[allow(missing_docs, reason = "each variant answers the query of its name")]
pub enum CorpusAnswer<'a> {
    Plans(Vec<PlanEntry<'a>>),
    Hits(Vec<PlanHit<'a>>),
    Goals(Vec<GoalRow<'a>>),
    Measures(Vec<MeasureRow<'a>>),
    Instruments(Vec<StipCoverage>),
}

/// A plan of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanEntry<'a> {
    /// The plan's id.
    pub plan: &'a str,
    /// Its document number, e.g. `武隆府办发〔2022〕48号`.
    pub number: Option<&'a str>,
    /// Its title.
    pub title: &'a Text,
    /// The years it covers.
    pub period: Option<Period>,
    /// The documents it is based on, each with the plan of the corpus it resolves to.
    pub based_on: Vec<BasisEntry<'a>>,
}

/// A document a plan is based on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BasisEntry<'a> {
    /// The document's name as the plan prints it.
    pub name: &'a Text,
    /// Its number, if the plan gives one.
    pub number: Option<&'a str>,
    /// The id of the plan of the corpus that is this document, if one is loaded.
    pub plan: Option<&'a str>,
}

/// A search hit and its plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanHit<'a> {
    /// The plan's id.
    pub plan: &'a str,
    /// The hit.
    #[serde(flatten)]
    pub hit: Hit,
}

/// A development goal of one plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GoalRow<'a> {
    /// The plan's id.
    pub plan: &'a str,
    /// The goal, with its citation.
    #[serde(flatten)]
    pub goal: TargetView<'a>,
    /// The goal of a plan this one is based on that counts the same tier (or, without one,
    /// the same indicator), one of the same kind first, if that plan is loaded.
    pub localises: Option<Localised<'a>>,
}

/// The parent plan's goal that a goal localises.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Localised<'a> {
    /// The parent plan's id.
    pub plan: &'a str,
    /// Its goal's id.
    pub goal: &'a str,
    /// What its goal asks.
    pub kind: TargetKind,
    /// Its goal's number, in its unit.
    pub value: Option<Decimal>,
    /// The local goal's number as a share of the parent's (0.006 for 15 of 2,500), when
    /// both count the same way: the same kind, in the same unit, not a percentage.
    pub share: Option<f64>,
}

/// A measure that names an amount, and its plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureRow<'a> {
    /// The plan's id.
    pub plan: &'a str,
    /// The measure, with its citation.
    #[serde(flatten)]
    pub measure: MeasureView<'a>,
}

/// One OECD STIP Compass instrument type and how each plan uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StipCoverage {
    /// The STIP code, e.g. `PI020`.
    pub code: &'static str,
    /// Its official label.
    pub name: &'static str,
    /// Per plan, in corpus order: what it tags with an instrument of this type.
    pub plans: Vec<PlanCoverage>,
}

/// How one plan uses one STIP instrument type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanCoverage {
    /// The plan's id.
    pub plan: String,
    /// Its instruments of this type.
    pub instruments: Vec<Instrument>,
    /// How many of its tasks are tagged with one of them.
    pub tasks: usize,
    /// How many of its measures are one of them.
    pub measures: usize,
    /// How many of its mechanisms (the guarantees of carrying it out) are tagged with one.
    pub mechanisms: usize,
}

impl Corpus {
    /// A corpus of `plans`, in the order given.
    pub fn new(plans: impl IntoIterator<Item = Arc<Plan>>) -> Self {
        let plans: Vec<Arc<Plan>> = plans.into_iter().collect();
        let mut ids = HashMap::new();
        let mut numbered = HashMap::new();
        for (i, plan) in plans.iter().enumerate() {
            ids.entry(plan.id().to_owned()).or_insert(i);
            if let Some(number) = &plan.data().document.number {
                numbered.entry(number.to_string()).or_insert(i);
            }
        }
        Self {
            plans,
            ids,
            numbered,
        }
    }

    /// `plans`, then each shipped plan whose id none of them has: a folder of district plans
    /// beside the municipal plan they implement.
    pub fn with_shipped(mut plans: Vec<Arc<Plan>>) -> Self {
        let shipped: Vec<Arc<Plan>> = crate::embedded_ids()
            .filter(|id| plans.iter().all(|plan| plan.id() != *id))
            .filter_map(crate::embedded)
            .cloned()
            .collect();
        plans.extend(shipped);
        Self::new(plans)
    }

    /// The plans shipped inside the crate.
    pub fn embedded() -> Self {
        Self::new(crate::embedded_ids().filter_map(crate::embedded).cloned())
    }

    /// Every plan file under `folder` (each `*.json` file, in subfolders too, except JSON
    /// Schemas `*.schema.json` and hidden files and folders; a link to a folder is not
    /// followed), in path order, then each shipped plan whose id none of them has: a folder of
    /// district plans is read beside the municipal plan they implement.
    ///
    /// ```
    /// let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/plans");
    /// let corpus = srdi_plan::Corpus::load_dir(folder).unwrap();
    /// assert!(corpus.plan("wulong-2022-48").is_some());
    /// assert!(corpus.plans().len() > srdi_plan::embedded_ids().count());
    /// ```
    ///
    /// # Errors
    ///
    /// [`FolderError`] with every file that is not a valid plan (or cannot be read, or has
    /// the id of an earlier file: `duplicate_id`) and why.
    pub fn load_dir(folder: impl AsRef<Path>) -> Result<Self, FolderError> {
        let mut files = Vec::new();
        let mut failures = Vec::new();
        plan_files(folder.as_ref(), &mut files, &mut failures);
        files.sort();
        let loaded = files.into_iter().map(|path| {
            let plan = Plan::from_file(&path);
            (path, plan)
        });
        let corpus = Self::from_loaded(loaded, |path| path.display().to_string());
        match corpus {
            Ok(corpus) if failures.is_empty() => return Ok(corpus),
            Ok(_) => {}
            Err(more) => failures.extend(more),
        }
        failures.sort_by(|a, b| a.0.cmp(&b.0));
        Err(FolderError { failures })
    }

    /// A corpus of plans loaded from several sources (files, texts), each with its source,
    /// then each shipped plan whose id none of them has. Or every source that failed, in
    /// order: with its load error, or `duplicate_id` when an earlier plan has its id (which
    /// `describe` names in the message).
    ///
    /// ```
    /// use srdi_plan::{Code, Corpus, Plan, WULONG_JSON};
    /// let texts = [WULONG_JSON, "{", WULONG_JSON];
    /// let loaded = texts.iter().enumerate().map(|(i, text)| (i, Plan::from_json(text)));
    /// let failures = Corpus::from_loaded(loaded, |i| format!("text {i}")).unwrap_err();
    /// let codes: Vec<_> = failures.iter().map(|(i, e)| (*i, e.issues()[0].code)).collect();
    /// assert_eq!(codes, [(1, Code::SyntaxError), (2, Code::DuplicateId)]);
    /// ```
    ///
    /// # Errors
    ///
    /// Every source that is not a valid plan, or not the only plan of its id, with why.
    pub fn from_loaded<S, E: From<PlanError>>(
        loaded: impl IntoIterator<Item = (S, Result<Plan, E>)>,
        describe: impl Fn(&S) -> String,
    ) -> Result<Self, Vec<(S, E)>> {
        let mut plans: Vec<Arc<Plan>> = Vec::new();
        let mut failures = Vec::new();
        let mut first_of: HashMap<String, String> = HashMap::new();
        for (source, plan) in loaded {
            let plan = match plan {
                Ok(plan) => plan,
                Err(error) => {
                    failures.push((source, error));
                    continue;
                }
            };
            if let Some(first) = first_of.get(plan.id()) {
                let message = format!(
                    "the plan id `{}` is also that of {first}; each plan needs its own",
                    plan.id(),
                );
                let issue = Issue::new(Code::DuplicateId, "/id", message);
                failures.push((source, PlanError::Invalid(vec![issue]).into()));
                continue;
            }
            first_of.insert(plan.id().to_owned(), describe(&source));
            plans.push(Arc::new(plan));
        }
        if failures.is_empty() {
            Ok(Self::with_shipped(plans))
        } else {
            Err(failures)
        }
    }

    /// The plans, in order.
    pub fn plans(&self) -> &[Arc<Plan>] {
        &self.plans
    }

    /// The plan with id `id`.
    pub fn plan(&self, id: &str) -> Option<&Arc<Plan>> {
        self.ids.get(id).and_then(|&i| self.plans.get(i))
    }

    /// The plan with id `id`.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] with the closest ids.
    pub fn find(&self, id: &str) -> Result<&Arc<Plan>, QueryError> {
        self.plan(id).ok_or_else(|| {
            crate::query::unknown(crate::NameKind::Plan, id, self.plans.iter().map(|p| p.id()))
        })
    }

    /// The plan whose document is numbered `number` (e.g. `渝府办发〔2022〕23号`).
    pub fn numbered(&self, number: &str) -> Option<&Arc<Plan>> {
        self.numbered.get(number).and_then(|&i| self.plans.get(i))
    }

    /// The documents `plan` is based on, each with the plan of this corpus it resolves to.
    ///
    /// ```
    /// let corpus = srdi_plan::Corpus::embedded();
    /// let wulong = corpus.plan("wulong-2022-48").unwrap();
    /// let bases = corpus.based_on(wulong);
    /// assert_eq!(bases[0].plan.unwrap().id(), "chongqing-2022-23");
    /// ```
    pub fn based_on<'a>(&'a self, plan: &'a Plan) -> Vec<Basis<'a>> {
        plan.data()
            .document
            .based_on
            .iter()
            .filter_map(|id| match plan.item(id) {
                Some(ItemRef::Entity(entity)) => plan.get(entity),
                _ => None,
            })
            .map(|entity| Basis {
                entity,
                plan: entity.number.as_deref().and_then(|n| self.numbered(n)),
            })
            .collect()
    }

    /// Answers `query` across every plan.
    ///
    /// ```
    /// use srdi_plan::{Corpus, CorpusAnswer, CorpusQuery};
    /// let corpus = Corpus::embedded();
    /// let CorpusAnswer::Goals(goals) = corpus.answer(&CorpusQuery::CompareGoals).unwrap() else {
    ///     unreachable!()
    /// };
    /// let local = goals.iter().find(|g| g.plan == "wulong-2022-48" && g.goal.target.id == "goal-2").unwrap();
    /// let parent = local.localises.as_ref().unwrap();
    /// assert_eq!((parent.plan, parent.goal), ("chongqing-2022-23", "goal-2"));
    /// assert_eq!(parent.share, Some(0.006)); // 15 of 2,500
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::EmptySearch`] for a blank search.
    pub fn answer(&self, query: &CorpusQuery) -> Result<CorpusAnswer<'_>, QueryError> {
        Ok(match query {
            CorpusQuery::Plans => CorpusAnswer::Plans(self.entries()),
            CorpusQuery::Search { text, language } => {
                CorpusAnswer::Hits(self.search(text, *language)?)
            }
            CorpusQuery::CompareGoals => CorpusAnswer::Goals(self.compare_goals()),
            CorpusQuery::CompareMeasures => CorpusAnswer::Measures(self.compare_measures()),
            CorpusQuery::CompareInstruments => {
                CorpusAnswer::Instruments(self.compare_instruments())
            }
        })
    }

    fn entries(&self) -> Vec<PlanEntry<'_>> {
        self.plans
            .iter()
            .map(|plan| {
                let data = plan.data();
                PlanEntry {
                    plan: plan.id(),
                    number: data.document.number.as_deref(),
                    title: &data.document.title,
                    period: data.period,
                    based_on: self
                        .based_on(plan)
                        .into_iter()
                        .map(|basis| BasisEntry {
                            name: &basis.entity.name,
                            number: basis.entity.number.as_deref(),
                            plan: basis.plan.map(|p| p.id()),
                        })
                        .collect(),
                }
            })
            .collect()
    }

    /// Hits of every plan, plan by plan.
    fn search(
        &self,
        text: &str,
        language: Option<Language>,
    ) -> Result<Vec<PlanHit<'_>>, QueryError> {
        let mut hits = Vec::new();
        for plan in &self.plans {
            let found = plan.search_in(text, language)?;
            hits.extend(found.into_iter().map(|hit| PlanHit {
                plan: plan.id(),
                hit,
            }));
        }
        Ok(hits)
    }

    /// Goals grouped by what they count (tier, else indicator), plans in corpus order.
    fn compare_goals(&self) -> Vec<GoalRow<'_>> {
        let goals: Vec<Vec<TargetView<'_>>> = self.plans.iter().map(|p| p.goals()).collect();
        let mut rows: Vec<GoalRow<'_>> = Vec::new();
        for (plan, own) in self.plans.iter().zip(&goals) {
            let parents: Vec<(&Arc<Plan>, &Vec<TargetView<'_>>)> = self
                .based_on(plan)
                .into_iter()
                .filter_map(|basis| basis.plan)
                .filter_map(|parent| Some((parent, goals.get(*self.ids.get(parent.id())?)?)))
                .collect();
            for goal in own.iter().cloned() {
                let localises = parents.iter().find_map(|(parent, goals)| {
                    let counted = goals
                        .iter()
                        .filter(|other| counts_the_same(goal.target, other.target));
                    // A goal of the same kind (both `reach`), else any that counts the same.
                    let theirs = counted
                        .clone()
                        .find(|other| other.target.kind == goal.target.kind)
                        .or_else(|| counted.clone().next())?;
                    Some(Localised {
                        plan: parent.id(),
                        goal: &theirs.target.id,
                        kind: theirs.target.kind,
                        value: theirs.target.value,
                        share: share(goal.target, theirs.target),
                    })
                });
                rows.push(GoalRow {
                    plan: plan.id(),
                    goal,
                    localises,
                });
            }
        }
        // First appearance of what is counted orders the groups; a stable sort keeps the
        // plans in corpus order within each.
        let mut order: Vec<String> = Vec::new();
        for row in &rows {
            let key = counted(row.goal.target);
            if !order.contains(&key) {
                order.push(key);
            }
        }
        rows.sort_by_cached_key(|row| {
            let key = counted(row.goal.target);
            order.iter().position(|k| *k == key)
        });
        rows
    }

    /// Measures with an amount, by the group they reach (first appearance), then plan.
    fn compare_measures(&self) -> Vec<MeasureRow<'_>> {
        let mut rows: Vec<MeasureRow<'_>> = Vec::new();
        for plan in &self.plans {
            let measures = plan.measures(&MeasureFilter::default()).unwrap_or_default();
            rows.extend(
                measures
                    .into_iter()
                    .filter(|view| view.measure.amount.is_some())
                    .map(|measure| MeasureRow {
                        plan: plan.id(),
                        measure,
                    }),
            );
        }
        let group = |row: &MeasureRow<'_>| row.measure.measure.beneficiary.group.clone();
        let mut order: Vec<Option<crate::model::Str>> = Vec::new();
        for row in &rows {
            if !order.contains(&group(row)) {
                order.push(group(row));
            }
        }
        rows.sort_by_cached_key(|row| order.iter().position(|g| *g == group(row)));
        rows
    }

    /// STIP types in the order of the taxonomy, each with every plan's use of it.
    fn compare_instruments(&self) -> Vec<StipCoverage> {
        let views: Vec<Vec<InstrumentView>> =
            self.plans.iter().map(|plan| plan.instruments()).collect();
        let mut coverage: Vec<StipCoverage> = Vec::new();
        for instrument in Instrument::ALL {
            let stip = instrument.stip();
            if coverage.iter().any(|c| c.code == stip.code) {
                continue;
            }
            let plans = self
                .plans
                .iter()
                .zip(&views)
                .map(|(plan, views)| {
                    let of_type: Vec<&InstrumentView> = views
                        .iter()
                        .filter(|view| view.stip.code == stip.code)
                        .filter(|view| {
                            !(view.tasks.is_empty()
                                && view.measures.is_empty()
                                && view.mechanisms.is_empty())
                        })
                        .collect();
                    PlanCoverage {
                        plan: plan.id().to_owned(),
                        instruments: of_type.iter().map(|v| v.id).collect(),
                        tasks: distinct(&of_type, |v| &v.tasks),
                        measures: of_type.iter().map(|v| v.measures.len()).sum(),
                        mechanisms: distinct(&of_type, |v| &v.mechanisms),
                    }
                })
                .collect();
            coverage.push(StipCoverage {
                code: stip.code,
                name: stip.name,
                plans,
            });
        }
        coverage
    }
}

/// How many tasks (by id), or mechanisms (by number), `views` name between them: one tagged
/// with two instruments of a type counts once.
fn distinct<T: Ord>(views: &[&InstrumentView], items: fn(&InstrumentView) -> &[T]) -> usize {
    let mut all: Vec<&T> = views.iter().flat_map(|&view| items(view)).collect();
    all.sort_unstable();
    all.dedup();
    all.len()
}

/// What a goal counts: its tier or group, else its indicator as printed.
fn counted(goal: &crate::model::Target) -> String {
    goal.group
        .as_deref()
        .unwrap_or(&goal.indicator.zh)
        .to_owned()
}

/// Whether two plans' goals count the same thing: the same tier (or indicator), in units
/// that measure alike (a loan balance in 元 of SRDI enterprises is no number of them).
fn counts_the_same(ours: &crate::model::Target, theirs: &crate::model::Target) -> bool {
    let same_what = match (&ours.group, &theirs.group) {
        (Some(a), Some(b)) => a == b,
        (None, None) => ours.indicator.zh == theirs.indicator.zh,
        _ => false,
    };
    let alike = |a: &str, b: &str| {
        a == b || (crate::quantity::is_classifier(a) && crate::quantity::is_classifier(b))
    };
    let same_unit = if let (Some(a), Some(b)) = (ours.unit.as_deref(), theirs.unit.as_deref()) {
        alike(a, b)
    } else {
        true
    };
    same_what && same_unit
}

/// `ours` as a share of `theirs`, when both count the same way (the same kind, in the same
/// unit, not a percentage): 1 cultivated of 300 reached is no share.
fn share(ours: &crate::model::Target, theirs: &crate::model::Target) -> Option<f64> {
    let (Some(a), Some(b)) = (ours.value, theirs.value) else {
        return None;
    };
    let percent = ours.unit.as_deref().is_some_and(|unit| unit.contains('%'));
    if ours.kind != theirs.kind || ours.unit != theirs.unit || percent || b.to_f64() == 0.0 {
        return None;
    }
    // Rounded to 6 decimals, so that every surface prints the same number.
    Some((a.to_f64() / b.to_f64() * 1e6).round() / 1e6)
}

/// Collects the plan files under `folder` (and the folders it cannot read, as failures).
fn plan_files(folder: &Path, files: &mut Vec<PathBuf>, failures: &mut Vec<(PathBuf, FileError)>) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            let path = folder.to_owned();
            failures.push((path.clone(), FileError::Unreadable { path, error }));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = folder.to_owned();
                failures.push((path.clone(), FileError::Unreadable { path, error }));
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        // The entry itself, not what a link points to: a link to a folder could loop.
        if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
            plan_files(&path, files, failures);
        } else if name.ends_with(".json") && !name.ends_with(".schema.json") && !path.is_dir() {
            files.push(path);
        }
    }
}
