//! The native module `srdi_plan._native`: thin newtypes over the core's answers.
//!
//! A result object holds a shared handle on its plan and a typed reference to its item; its
//! attributes read the core's view of the item on access, and `to_dict()` is that view in its
//! serde shape — the same JSON `srdi --json` prints. Every method is one call into the core.
//! Errors are mapped in `errors.rs` to the Python classes of `srdi_plan.errors`.

mod errors;
mod input;

use std::path::PathBuf;
use std::sync::Arc;

use foldhash::HashMap;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict, PyIterator, PyMapping};
use pythonize::pythonize;
use serde::Serialize;
use srdi_plan as core;

use crate::errors::{IntoPyResult, invalid_argument, no_other_keywords, stale};
use crate::input::{Arg, Open, TaskKey, Whole, coded, json_in, read_input, row_json, type_name};

/// Converts a core value to Python in its serde shape (dicts, lists, strings, numbers).
fn py_value<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize(py, value).map_err(|error| pyo3::exceptions::PyValueError::new_err(error.to_string()))
}

/// Ids as owned strings, for a Python `list[str]`.
fn owned(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|&id| id.to_owned()).collect()
}

/// Item numbers as a Python `list[int]` (pyo3 turns `Vec<u8>` into `bytes`).
fn numbers(items: &[u16]) -> Vec<u32> {
    items.iter().copied().map(u32::from).collect()
}

/// A text as printed (`zh`) and in our unofficial English translation (`en`).
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone, PartialEq)]
struct Text(core::Text);

#[pymethods]
impl Text {
    #[getter]
    fn zh(&self) -> &str {
        &self.0.zh
    }

    #[getter]
    fn en(&self) -> &str {
        &self.0.en
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0)
    }

    fn __str__(&self) -> &str {
        &self.0.zh
    }

    fn __repr__(&self) -> String {
        format!("Text(zh={:?}, en={:?})", self.0.zh, self.0.en)
    }
}

fn text(value: &core::Text) -> Text {
    Text(value.clone())
}

/// Where an item comes from: the document number and the item's place in it.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone, PartialEq)]
struct Citation(core::Citation);

#[pymethods]
impl Citation {
    /// As printed: `武隆府办发〔2022〕48号 二（五）28`.
    #[getter]
    fn zh(&self) -> String {
        self.0.zh()
    }

    /// In English: `武隆府办发〔2022〕48号, II (5) 28`.
    #[getter]
    fn en(&self) -> String {
        self.0.en()
    }

    #[getter]
    fn document(&self) -> Option<&str> {
        self.0.document.as_deref()
    }

    /// The place alone, as printed and in English.
    #[getter]
    fn place(&self) -> Option<Text> {
        self.0
            .place
            .map(|place| Text(core::Text::new(place.zh(), place.en())))
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0)
    }

    fn __str__(&self) -> String {
        self.0.zh()
    }

    fn __repr__(&self) -> String {
        format!("Citation({:?})", self.0.zh())
    }
}

fn citation(value: Option<&core::Citation>) -> Option<Citation> {
    value.cloned().map(Citation)
}

/// An action plan: the document, its goals, sections, tasks, measures and mechanisms.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone)]
struct Plan(Arc<core::Plan>);

/// Plans are equal as the core's are; results of the same plan compare without a deep look.
impl PartialEq for Plan {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 hands each argument over converted and owned (`Arg`)"
)]
#[pymethods]
impl Plan {
    /// Loads and validates a plan from JSON: `str`, or `bytes` of UTF-8.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let plan = read_input(text, core::Plan::from_bytes, Err)?.into_py(py)?;
        Ok(Self(Arc::new(plan)))
    }

    fn to_json(&self) -> String {
        self.0.to_json()
    }

    #[getter]
    fn id(&self) -> &str {
        self.0.id()
    }

    /// The document number, if the plan has one.
    #[getter]
    fn number(&self) -> Option<&str> {
        self.0.data().document.number.as_deref()
    }

    #[getter]
    fn title(&self) -> Text {
        text(&self.0.data().document.title)
    }

    /// The first and last year, if known.
    #[getter]
    fn period(&self) -> Option<(u16, u16)> {
        self.0
            .data()
            .period
            .map(|period| (period.start, period.end))
    }

    /// Where the text comes from and how complete it is, as a dict (or `None`).
    #[getter]
    fn provenance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.data().provenance)
    }

    #[getter]
    fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.data().document)
    }

    /// The warnings found when the plan was loaded.
    #[getter]
    fn warnings(&self) -> Vec<Issue> {
        self.0.warnings().iter().cloned().map(Issue).collect()
    }

    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.summary())
    }

    #[pyo3(signature = (unit=None, section=None, instrument=None, tier=None, text=None, **others))]
    #[allow(
        clippy::too_many_arguments,
        reason = "Python's keyword arguments: one parameter each"
    )]
    fn tasks(
        &self,
        py: Python<'_>,
        unit: Option<Arg<String>>,
        section: Option<Whole>,
        instrument: Option<Arg<String>>,
        tier: Option<Arg<String>>,
        text: Option<Arg<String>>,
        others: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Vec<Task>> {
        no_other_keywords(
            py,
            "tasks",
            others,
            &["unit", "section", "instrument", "tier", "text"],
        )?;
        let filter = core::TaskFilter {
            unit: unit.map(Arg::into_inner),
            section: section.map(|Whole(section)| section),
            instrument: instrument.map(Arg::into_inner),
            tier: tier.map(Arg::into_inner),
            text: text.map(Arg::into_inner),
        };
        let views = self.0.tasks(&filter).into_py(py)?;
        Ok(views.iter().map(|view| self.task_at(view.at)).collect())
    }

    /// One task by number (`section` too in a plan that numbers tasks per section), or by
    /// the id answers give it (`"task-28"`).
    #[pyo3(signature = (number, section=None, **others))]
    fn task(
        &self,
        py: Python<'_>,
        number: TaskKey,
        section: Option<Whole>,
        others: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Task> {
        no_other_keywords(py, "task", others, &["section"])?;
        let section = section.map(|Whole(section)| section);
        let (number, id) = match number {
            TaskKey::Number(number) => (Some(number), None),
            TaskKey::Id(id) => (None, Some(id)),
        };
        let at = self.0.find_task_by(number, section, id.as_deref());
        Ok(self.task_at(at.into_py(py)?))
    }

    /// Every hit, or with `language="zh"` or `"en"` the hits a reader of that language wants.
    #[pyo3(signature = (text, language=None, **others))]
    fn search(
        &self,
        py: Python<'_>,
        text: Arg<String>,
        language: Option<Arg<String>>,
        others: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Vec<Hit>> {
        no_other_keywords(py, "search", others, &["language"])?;
        let language = language
            .map(|Arg(language)| language.parse::<core::Language>())
            .transpose()
            .into_py(py)?;
        let hits = self.0.search_in(&text.0, language).into_py(py)?;
        Ok(hits.into_iter().map(Hit).collect())
    }

    fn units(&self) -> Vec<Unit> {
        let views = self.0.units();
        views.iter().map(|view| self.unit_at(view.at)).collect()
    }

    fn unit(&self, py: Python<'_>, name: Arg<String>) -> PyResult<Unit> {
        Ok(self.unit_at(self.0.unit(&name.0).into_py(py)?.at))
    }

    fn goals(&self) -> Vec<Target> {
        let views = self.0.goals();
        views.iter().map(|view| self.target_at(view.at)).collect()
    }

    fn goal(&self, py: Python<'_>, id: Arg<String>) -> PyResult<Target> {
        Ok(self.target_at(self.0.goal(&id.0).into_py(py)?.at))
    }

    fn targets(&self) -> Vec<Target> {
        let views = self.0.targets();
        views.iter().map(|view| self.target_at(view.at)).collect()
    }

    #[pyo3(signature = (tier=None, instrument=None, **others))]
    fn measures(
        &self,
        py: Python<'_>,
        tier: Option<Arg<String>>,
        instrument: Option<Arg<String>>,
        others: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Vec<Measure>> {
        no_other_keywords(py, "measures", others, &["tier", "instrument"])?;
        let filter = core::MeasureFilter {
            tier: tier.map(Arg::into_inner),
            instrument: instrument.map(Arg::into_inner),
        };
        let views = self.0.measures(&filter).into_py(py)?;
        Ok(views.iter().map(|view| self.measure_at(view.at)).collect())
    }

    fn mechanisms(&self) -> Vec<Mechanism> {
        let views = self.0.mechanisms();
        views
            .iter()
            .map(|view| self.mechanism_at(view.at))
            .collect()
    }

    fn mechanism(&self, py: Python<'_>, number: Whole) -> PyResult<Mechanism> {
        Ok(self.mechanism_at(self.0.mechanism(number.0).into_py(py)?.at))
    }

    fn entities(&self) -> Vec<Entity> {
        let views = self.0.entities();
        views.iter().map(|view| self.entity_at(view.at)).collect()
    }

    fn entity(&self, py: Python<'_>, name: Arg<String>) -> PyResult<Entity> {
        Ok(self.entity_at(self.0.entity(&name.0).into_py(py)?.at))
    }

    fn documents(&self) -> Vec<Entity> {
        let views = self.0.documents();
        views.iter().map(|view| self.entity_at(view.at)).collect()
    }

    /// The instrument taxonomy: `[{"id", "description", "stip", "tasks", "measures", "mechanisms"}]`.
    fn instruments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.instruments())
    }

    /// Every tier (by rank), group and defined term: `[{"kind", "id", "name", "rank",
    /// "definition", "stands_for", "within", "measures"}]`, the names `tier=` takes.
    fn tiers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.tiers())
    }

    /// The accountability matrix: `{"tasks": [...], "rows": [{"unit": {...}, "tasks": [...]}]}`.
    fn matrix<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.matrix())
    }

    /// One kind of item as a typed table: `{"kind", "columns": [{"name", "kind"}], "rows"}`.
    fn table<'py>(&self, py: Python<'py>, kind: Arg<String>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.table(kind.0.parse().into_py(py)?))
    }

    /// The rows of `table(kind)` as dicts, one per item, each naming its plan as `srdi export`
    /// writes them, with Python values (`None` if missing).
    fn records<'py>(&self, py: Python<'py>, kind: Arg<String>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let table = self.0.table(kind.0.parse().into_py(py)?);
        table
            .records(self.0.id())
            .map(|record| py_value(py, &record))
            .collect()
    }

    /// `table(kind)` as a pandas `DataFrame` with nullable dtypes (needs pandas).
    fn to_pandas<'py>(&self, py: Python<'py>, kind: Arg<String>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, &self.0.table(kind.0.parse().into_py(py)?))
    }

    /// What an enterprise can get: every measure evaluated for `profile` (a dict, or its JSON
    /// as str or bytes), as the list of dicts `srdi --json entitlements` prints. With
    /// `explain=True` it also prints each step in words, citing the text.
    #[pyo3(
        signature = (profile, explain = Arg(false), language = Arg(String::from("zh")), **others),
        text_signature = "($self, profile, explain=False, language='zh')"
    )]
    fn entitlements<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyAny>,
        explain: Arg<bool>,
        language: Arg<String>,
        others: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        no_other_keywords(py, "entitlements", others, &["explain", "language"])?;
        // The language is checked whether or not it is used, as every argument is.
        let language: core::Language = language.0.parse().into_py(py)?;
        let profile = read_profile(&self.0, profile)?;
        let answer = self.0.entitlements(&profile).into_py(py)?;
        if explain.0 {
            let totals = self.0.entitlement_total(&answer);
            let text = core::explain(&answer, &totals, language);
            py.import("builtins")?
                .getattr("print")?
                .call1((text.trim_end(),))?;
        }
        py_value(py, &answer)
    }

    /// The sums of the amounts that apply to `profile`, by currency.
    fn entitlement_total<'py>(
        &self,
        py: Python<'py>,
        profile: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let profile = read_profile(&self.0, profile)?;
        py_value(
            py,
            &self
                .0
                .answer(&core::Query::EntitlementTotal { profile })
                .into_py(py)?,
        )
    }

    /// Many enterprises at once: `profiles` is a list of profiles or a pandas `DataFrame`
    /// with one row per enterprise (columns named as the profile's keys; a missing cell is
    /// left out). Returns a `DataFrame` with one row per enterprise and measure (needs pandas).
    /// Raises `InputError` with every problem of every profile, each path starting with the
    /// profile's position.
    fn entitlements_table<'py>(
        &self,
        py: Python<'py>,
        profiles: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        // Each row, or the error of a text over the size limit, refused before it is copied.
        let mut rows = Vec::new();
        for row in rows_of(profiles, "profiles are a list or a pandas DataFrame")? {
            rows.push(try_read_json(&row?, |input| Ok(ProfileRow::from(input)))?);
        }
        let inputs = rows.iter_mut().map(|row| {
            row.as_mut()
                .map(ProfileRow::input)
                .map_err(|error| error.clone())
        });
        let read = self.0.read_profiles(inputs);
        frame(
            py,
            &self.0.entitlement_table(&read.into_py(py)?).into_py(py)?,
        )
    }

    /// What the one-time rewards tied to a recognition or an event cost, by year: for
    /// `scenario` (a dict, or JSON as str or bytes: `{"recognitions": [{"tier", "year",
    /// "count"}], "events": [{"kind", "year", "count"}]}`), or without one for the plan's goals.
    #[pyo3(signature = (scenario=None, **others))]
    fn cost<'py>(
        &self,
        py: Python<'py>,
        scenario: Option<&Bound<'py, PyAny>>,
        others: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        no_other_keywords(py, "cost", others, &["scenario"])?;
        let scenario = scenario
            .map(|value| read_json(value, |input| self.0.read_scenario(input)))
            .transpose()?;
        py_value(
            py,
            &self.0.answer(&core::Query::Cost { scenario }).into_py(py)?,
        )
    }

    /// Did the plan deliver? Every goal and target as of `as_of` (a `datetime.date` or
    /// `YYYY-MM-DD`; today if left out), from `observations`: a list of dicts, a data frame
    /// (one row per value), or the path of a CSV or JSON file. Dicts in the JSON shape of
    /// `srdi --json progress`.
    #[pyo3(signature = (observations, as_of=None, **others))]
    fn progress<'py>(
        &self,
        py: Python<'py>,
        observations: &Bound<'py, PyAny>,
        as_of: Option<&Bound<'py, PyAny>>,
        others: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        no_other_keywords(py, "progress", others, &["as_of"])?;
        let observations = read_observations(&self.0, observations)?;
        let as_of = read_date(py, as_of)?;
        py_value(py, &self.0.progress(&observations, as_of).into_py(py)?)
    }

    /// `progress(observations, as_of)` as a pandas `DataFrame`, one row per goal and target
    /// (needs pandas).
    #[pyo3(signature = (observations, as_of=None, **others))]
    fn progress_table<'py>(
        &self,
        py: Python<'py>,
        observations: &Bound<'py, PyAny>,
        as_of: Option<&Bound<'py, PyAny>>,
        others: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        no_other_keywords(py, "progress_table", others, &["as_of"])?;
        let observations = read_observations(&self.0, observations)?;
        let as_of = read_date(py, as_of)?;
        frame(
            py,
            &self.0.progress_table(&observations, as_of).into_py(py)?,
        )
    }

    /// Whether the plan is in force on `as_of` (today if left out), and which goals and
    /// targets are due by then.
    #[pyo3(signature = (as_of=None, **others))]
    fn status<'py>(
        &self,
        py: Python<'py>,
        as_of: Option<&Bound<'py, PyAny>>,
        others: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        no_other_keywords(py, "status", others, &["as_of"])?;
        py_value(py, &self.0.status(read_date(py, as_of)?))
    }

    fn __repr__(&self) -> String {
        let data = self.0.data();
        format!(
            "Plan(id={:?}, number={:?}, tasks={})",
            data.id,
            data.document.number.as_deref().unwrap_or_default(),
            data.tasks.len()
        )
    }
}

impl Plan {
    fn task_at(&self, at: core::TaskRef) -> Task {
        Task {
            plan: self.clone(),
            at,
        }
    }

    fn measure_at(&self, at: core::MeasureRef) -> Measure {
        Measure {
            plan: self.clone(),
            at,
        }
    }

    fn target_at(&self, at: core::TargetRef) -> Target {
        Target {
            plan: self.clone(),
            at,
        }
    }

    fn unit_at(&self, at: core::UnitRef) -> Unit {
        Unit {
            plan: self.clone(),
            at,
        }
    }

    fn mechanism_at(&self, at: core::MechanismRef) -> Mechanism {
        Mechanism {
            plan: self.clone(),
            at,
        }
    }

    fn entity_at(&self, at: core::EntityRef) -> Entity {
        Entity {
            plan: self.clone(),
            at,
        }
    }
}

/// A typed table as a pandas `DataFrame` with nullable dtypes (needs pandas). Each column
/// goes over whole: numbers and booleans as arrays of values and a mask of missing cells, a
/// category column as its codes and distinct texts, text once per distinct value.
fn frame<'py>(py: Python<'py>, table: &core::Table) -> PyResult<Bound<'py, PyAny>> {
    let pandas = py.import("pandas").map_err(|_| errors::missing_pandas())?;
    let numpy = py.import("numpy")?;
    let arrays = pandas.getattr("arrays")?;
    // A writable `numpy` array over `bytes`.
    let array = |bytes: &[u8], dtype: &str| {
        numpy.call_method1(
            "frombuffer",
            (pyo3::types::PyByteArray::new(py, bytes), dtype),
        )
    };
    // Values and mask, each cell's value as bytes (zero where missing).
    let masked = |cells: Vec<Option<[u8; 8]>>, dtype: &str, class: &str| {
        let mask: Vec<u8> = cells.iter().map(|c| u8::from(c.is_none())).collect();
        let values: Vec<u8> = cells.iter().flat_map(|c| c.unwrap_or_default()).collect();
        arrays.call_method1(class, (array(&values, dtype)?, array(&mask, "bool")?))
    };
    let columns = PyDict::new(py);
    for (column, values) in table.columns.iter().zip(table.values()) {
        let series = match values {
            core::Values::Integer(cells) => masked(
                cells.iter().map(|c| c.map(i64::to_ne_bytes)).collect(),
                "int64",
                "IntegerArray",
            )?,
            core::Values::Decimal(cells) => masked(
                cells
                    .iter()
                    .map(|c| c.map(|d| d.to_f64().to_ne_bytes()))
                    .collect(),
                "float64",
                "FloatingArray",
            )?,
            core::Values::Bool(cells) => {
                let mask: Vec<u8> = cells.iter().map(|c| u8::from(c.is_none())).collect();
                let values: Vec<u8> = cells.iter().map(|c| u8::from(*c == Some(true))).collect();
                arrays.call_method1(
                    "BooleanArray",
                    (array(&values, "bool")?, array(&mask, "bool")?),
                )?
            }
            core::Values::Category { names, codes } => {
                let codes: Vec<u8> = codes
                    .iter()
                    .flat_map(|code| {
                        code.and_then(|c| i32::try_from(c).ok())
                            .unwrap_or(-1)
                            .to_ne_bytes()
                    })
                    .collect();
                let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
                pandas
                    .getattr("Categorical")?
                    .call_method1("from_codes", (array(&codes, "int32")?, names))?
            }
            core::Values::Text(cells) => {
                let mut made: HashMap<&str, Bound<'py, PyAny>> = HashMap::default();
                let objects: Vec<Bound<'py, PyAny>> = cells
                    .iter()
                    .map(|cell| match cell {
                        Some(text) => made
                            .entry(text)
                            .or_insert_with(|| pyo3::types::PyString::new(py, text).into_any())
                            .clone(),
                        None => py.None().into_bound(py),
                    })
                    .collect();
                let options = [("dtype", "string")].into_py_dict(py)?;
                pandas.getattr("array")?.call((objects,), Some(&options))?
            }
            core::Values::List(cells) => {
                let objects = cells
                    .iter()
                    .map(|cell| match cell {
                        Some(items) => pyo3::types::PyList::new(py, items).map(Bound::into_any),
                        None => Ok(py.None().into_bound(py)),
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                let options = [("dtype", "object")].into_py_dict(py)?;
                pandas.getattr("array")?.call((objects,), Some(&options))?
            }
        };
        columns.set_item(column.name, series)?;
    }
    pandas.getattr("DataFrame")?.call1((columns,))
}

/// A profile of a batch as Python gives it, held until the core reads them all: a dict read
/// into a JSON value, or JSON text.
enum ProfileRow {
    Value(serde_json::Value),
    Text(Vec<u8>),
}

impl From<core::Input<'_>> for ProfileRow {
    fn from(input: core::Input<'_>) -> Self {
        match input {
            core::Input::Value(value) => Self::Value(value),
            core::Input::Bytes(bytes) => Self::Text(bytes.to_vec()),
        }
    }
}

impl ProfileRow {
    /// The row for the core to read (a value is moved out: each row is read once).
    fn input(&mut self) -> core::Input<'_> {
        match self {
            Self::Value(value) => core::Input::Value(std::mem::take(value)),
            Self::Text(text) => core::Input::Bytes(text),
        }
    }
}

/// A profile from Python for `plan`: a dict (a `None` or NaN value, as a data frame gives for
/// a missing cell, is left out), or its JSON as str or bytes.
fn read_profile(plan: &core::Plan, value: &Bound<'_, PyAny>) -> PyResult<core::Profile> {
    read_json(value, |input| plan.read_profile(input))
}

/// A profile or scenario from a dict or its JSON, handed to the plan's reader (`read`), which
/// reports every problem with its path.
fn read_json<T>(
    value: &Bound<'_, PyAny>,
    read: impl Fn(core::Input<'_>) -> Result<T, core::QueryError>,
) -> PyResult<T> {
    try_read_json(value, read)?.into_py(value.py())
}

/// As [`read_json`], the core's error returned rather than raised, so that a batch can
/// collect every row's.
fn try_read_json<T>(
    value: &Bound<'_, PyAny>,
    read: impl Fn(core::Input<'_>) -> Result<T, core::QueryError>,
) -> PyResult<Result<T, core::QueryError>> {
    // Always through a JSON value and the core's checks: read straight into the type,
    // pythonize would take a string for a list of its characters.
    let py = value.py();
    if let Ok(mapping) = value.cast::<PyMapping>() {
        let dict = PyDict::new(py);
        dict.update(mapping).map_err(|error| coded(py, error))?;
        return match row_json(&dict, value, &mut Open::new()) {
            Ok(json) => Ok(read(core::Input::Value(json))),
            Err(refused) => Err(refused.into_error(py, "the input")),
        };
    }
    if !value.is_instance_of::<pyo3::types::PyString>()
        && !value.is_instance_of::<pyo3::types::PyBytes>()
    {
        let message = format!(
            "expected a mapping (a dict), or JSON as str or bytes, not {}",
            type_name(value)
        );
        return Err(invalid_argument(py, message));
    }
    read_input(
        value,
        |bytes| read(core::Input::Bytes(bytes)),
        |error| Err(core::QueryError::InvalidInput(error.issues().to_vec())),
    )
}

/// The rows of a pandas `DataFrame` as dicts, or the items of any other iterable; `what` they
/// are (and may be) words the error about anything else.
fn rows_of<'py>(value: &Bound<'py, PyAny>, what: &str) -> PyResult<Bound<'py, PyIterator>> {
    let refused = |value: &Bound<'py, PyAny>| {
        let message = format!("{what}, not {}", type_name(value));
        invalid_argument(value.py(), message)
    };
    // Iterable, but not rows: a string's characters, a dict's keys.
    if value.is_instance_of::<pyo3::types::PyString>()
        || value.is_instance_of::<pyo3::types::PyBytes>()
        || value.cast::<PyMapping>().is_ok()
    {
        return Err(refused(value));
    }
    let rows = if value.hasattr("columns")? && value.hasattr("to_dict")? {
        value
            .call_method1("to_dict", ("records",))
            .map_err(|error| coded(value.py(), error))?
    } else {
        value.clone()
    };
    rows.try_iter().map_err(|_| refused(value))
}

/// Observations from Python for `plan`: the path of a CSV or JSON file (`str` or
/// `os.PathLike`), its bytes, a data frame, or a list of dicts (a `None` or NaN cell is left
/// out).
fn read_observations(
    plan: &core::Plan,
    value: &Bound<'_, PyAny>,
) -> PyResult<Vec<core::Observation>> {
    let py = value.py();
    if let Ok(bytes) = value.cast::<pyo3::types::PyBytes>() {
        return plan.read_observations(bytes.as_bytes()).into_py(py);
    }
    if let Ok(path) = value.extract::<PathBuf>() {
        return match core::read_input_file(&path) {
            Ok(bytes) => plan.read_observations(bytes.as_slice()).into_py(py),
            Err(core::FileError::Unreadable { error, .. }) => {
                Err(errors::unreadable(py, &path, &error))
            }
            // Too large: the same error as for the same bytes given directly.
            Err(error) => Err(error).into_py(py),
        };
    }
    // The rows are read inside the list (or frame) that holds them.
    let mut open: Open = vec![value.as_ptr()];
    let rows = rows_of(
        value,
        "observations are a list, a pandas DataFrame, a file path or bytes",
    )?
    .map(|row| {
        let row = row?;
        Ok(match row.cast::<PyDict>() {
            Ok(dict) => row_json(dict, dict, &mut open),
            Err(_) => json_in(&row, &mut open),
        })
    })
    .collect::<PyResult<Result<Vec<_>, _>>>()?;
    match rows {
        Ok(rows) => plan
            .read_observations(serde_json::Value::Array(rows))
            .into_py(py),
        Err(refused) => Err(refused.into_error(py, "the observations")),
    }
}

/// A date from Python: a `datetime.date` (or the day of a `datetime.datetime`), `YYYY-MM-DD`,
/// or today in UTC, as on every surface, for `None`.
fn read_date(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<core::Date> {
    let datetime = py.import("datetime")?;
    let moment = datetime.getattr("datetime")?;
    let day = match value {
        Some(value) if !value.is_none() => value.clone(),
        _ => moment.call_method1("now", (datetime.getattr("timezone")?.getattr("utc")?,))?,
    };
    let text: String = if day.is_instance_of::<pyo3::types::PyString>() {
        day.extract::<Arg<String>>()?.into_inner()
    } else if day.is_instance(&moment)? {
        day.call_method0("date")?
            .call_method0("isoformat")?
            .extract()?
    } else if day.is_instance(&datetime.getattr("date")?)? {
        day.call_method0("isoformat")?.extract()?
    } else {
        let message = format!(
            "a date is a datetime.date or a str written YYYY-MM-DD, not {}",
            type_name(&day)
        );
        return Err(invalid_argument(py, message));
    };
    text.parse::<core::Date>()
        .map_err(|error| invalid_argument(py, error.to_string()))
}

/// An item of a plan: the plan, shared, and a typed reference into it. Its attributes read the
/// core's view of the item; `to_dict()` is that view.
macro_rules! item {
    ($(#[doc = $doc:literal])* $name:ident($reference:ty) => $view:ident -> $view_type:ident) => {
        $(#[doc = $doc])*
        #[pyclass(frozen, eq, module = "srdi_plan")]
        #[derive(Clone, PartialEq)]
        struct $name {
            plan: Plan,
            at: $reference,
        }

        impl $name {
            fn view(&self) -> PyResult<core::$view_type<'_>> {
                self.plan.0.$view(self.at).ok_or_else(stale)
            }
        }
    };
}

item! {
    /// A numbered task of the plan.
    Task(core::TaskRef) => task_view -> TaskView
}

#[pymethods]
impl Task {
    #[getter]
    fn number(&self) -> PyResult<u16> {
        Ok(self.view()?.task.number)
    }

    /// The sectors the task names, as a dict (or `None`).
    #[getter]
    fn sectors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.task.sectors)
    }

    /// The units its text names to lead a clause, as dicts.
    #[getter]
    fn leads<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.task.leads)
    }

    /// When its text says things happen, as dicts.
    #[getter]
    fn schedule<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.task.schedule)
    }

    #[getter]
    fn id(&self) -> PyResult<String> {
        Ok(self.view()?.id.to_owned())
    }

    #[getter]
    fn section(&self) -> PyResult<u16> {
        Ok(self.view()?.task.section)
    }

    #[getter]
    fn citation(&self) -> PyResult<Option<Citation>> {
        Ok(citation(self.view()?.citation.as_ref()))
    }

    #[getter]
    fn title(&self) -> PyResult<Option<Text>> {
        Ok(self.view()?.task.title.as_ref().map(text))
    }

    #[getter]
    fn text(&self) -> PyResult<Text> {
        Ok(text(&self.view()?.task.text))
    }

    /// The ids of the responsible units, every role: the task's own line, or its section's.
    #[getter]
    fn responsible_units(&self) -> PyResult<Vec<String>> {
        Ok(owned(&self.view()?.responsible_units))
    }

    /// The ids of the units that lead it.
    #[getter]
    fn leading_units(&self) -> PyResult<Vec<String>> {
        Ok(owned(&self.view()?.leading_units))
    }

    /// The task's own responsibility line and its units by role, as a dict (or `None`).
    #[getter]
    fn responsibility<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.task.responsibility)
    }

    #[getter]
    fn interpretation(&self) -> PyResult<Option<core::Str>> {
        Ok(self.view()?.task.interpretation.clone())
    }

    #[getter]
    fn aimed_at(&self) -> PyResult<Vec<core::Str>> {
        Ok(self.view()?.task.aimed_at.to_vec())
    }

    #[getter]
    fn instruments(&self) -> PyResult<Vec<&'static str>> {
        Ok(self
            .view()?
            .task
            .instruments
            .iter()
            .map(|i| i.as_str())
            .collect())
    }

    #[getter]
    fn measures(&self) -> Vec<Measure> {
        let measures = self.plan.0.measures_of(self.at);
        measures
            .into_iter()
            .map(|at| self.plan.measure_at(at))
            .collect()
    }

    #[getter]
    fn targets(&self) -> Vec<Target> {
        let targets = self.plan.0.targets_of(self.at);
        targets
            .into_iter()
            .map(|at| self.plan.target_at(at))
            .collect()
    }

    #[getter]
    fn entities(&self) -> PyResult<Vec<core::Str>> {
        Ok(self.view()?.task.entities.to_vec())
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?)
    }

    fn __repr__(&self) -> PyResult<String> {
        let view = self.view()?;
        Ok(format!(
            "Task(number={}, id={:?})",
            view.task.number, view.id
        ))
    }
}

item! {
    /// A support measure: something an enterprise can get.
    Measure(core::MeasureRef) => measure_view -> MeasureView
}

#[pymethods]
impl Measure {
    #[getter]
    fn id(&self) -> PyResult<core::Str> {
        Ok(self.view()?.measure.id.clone())
    }

    /// The years it applies in, as a dict (or `None`: the plan's period).
    #[getter]
    fn years<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.measure.years)
    }

    /// The conditions an enterprise must meet, as a dict (or `None`).
    #[getter]
    fn conditions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.measure.conditions)
    }

    /// The id of the task that offers it (`task-28`).
    #[getter]
    fn task(&self) -> PyResult<String> {
        Ok(self.view()?.task.to_owned())
    }

    #[getter]
    fn citation(&self) -> PyResult<Option<Citation>> {
        Ok(citation(self.view()?.citation.as_ref()))
    }

    #[getter]
    fn instrument(&self) -> PyResult<&'static str> {
        Ok(self.view()?.measure.instrument.as_str())
    }

    #[getter]
    fn text(&self) -> PyResult<Text> {
        Ok(text(&self.view()?.measure.text))
    }

    /// Who can get it: `{"group": …, "condition": {"zh", "en"}}`, each part when printed.
    #[getter]
    fn beneficiary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.measure.beneficiary)
    }

    #[getter]
    fn trigger(&self) -> PyResult<Option<&'static str>> {
        Ok(self.view()?.measure.trigger.map(core::Trigger::as_str))
    }

    /// The sum, `{"value": …, "currency": …}`, when the text states one.
    #[getter]
    fn amount<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.measure.amount)
    }

    #[getter]
    fn one_time(&self) -> PyResult<bool> {
        Ok(self.view()?.measure.one_time)
    }

    #[getter]
    fn approved_by(&self) -> PyResult<Vec<core::Str>> {
        Ok(self.view()?.measure.approved_by.to_vec())
    }

    #[getter]
    fn legal_basis(&self) -> PyResult<Option<core::Str>> {
        Ok(self.view()?.measure.legal_basis.clone())
    }

    #[getter]
    fn interpretation(&self) -> PyResult<Option<core::Str>> {
        Ok(self.view()?.measure.interpretation.clone())
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?)
    }

    fn __repr__(&self) -> PyResult<String> {
        let view = self.view()?;
        Ok(format!(
            "Measure(id={:?}, instrument={:?})",
            view.measure.id,
            view.measure.instrument.as_str()
        ))
    }
}

item! {
    /// A quantified target: a plan goal or a task-level target.
    Target(core::TargetRef) => target_view -> TargetView
}

#[pymethods]
impl Target {
    #[getter]
    fn id(&self) -> PyResult<core::Str> {
        Ok(self.view()?.target.id.clone())
    }

    /// The value as printed, e.g. `200家` (or `None`).
    #[getter]
    fn printed(&self) -> PyResult<Option<core::Str>> {
        Ok(self.view()?.target.printed.clone())
    }

    /// Where it starts, as a dict (or `None`).
    #[getter]
    fn baseline<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.target.baseline)
    }

    /// The values it must reach on the way, as dicts.
    #[getter]
    fn milestones<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.target.milestones)
    }

    /// The id of the task that sets it; `None` for a plan goal.
    #[getter]
    fn task(&self) -> PyResult<Option<String>> {
        Ok(self.view()?.task.map(str::to_owned))
    }

    #[getter]
    fn citation(&self) -> PyResult<Option<Citation>> {
        Ok(citation(self.view()?.citation.as_ref()))
    }

    #[getter]
    fn indicator(&self) -> PyResult<Text> {
        Ok(text(&self.view()?.target.indicator))
    }

    #[getter]
    fn text(&self) -> PyResult<Text> {
        Ok(text(&self.view()?.target.text))
    }

    /// The value in `unit` (an int, or a float for a decimal), or `None` for full coverage.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.target.value)
    }

    /// The unit of `value` as printed (家, 个, %, 元).
    #[getter]
    fn unit(&self) -> PyResult<Option<core::Str>> {
        Ok(self.view()?.target.unit.clone())
    }

    /// The quantity as printed and in English: `200家` / `200`.
    #[getter]
    fn quantity(&self) -> PyResult<Text> {
        Ok(Text(self.view()?.quantity))
    }

    #[getter]
    fn kind(&self) -> PyResult<&'static str> {
        Ok(self.view()?.target.kind.as_str())
    }

    /// The tier, defined term or group counted.
    #[getter]
    fn group(&self) -> PyResult<Option<core::Str>> {
        Ok(self.view()?.target.group.clone())
    }

    #[getter]
    fn by_year(&self) -> PyResult<Option<u16>> {
        Ok(self.view()?.target.by_year)
    }

    #[getter]
    fn interpretation(&self) -> PyResult<Option<core::Str>> {
        Ok(self.view()?.target.interpretation.clone())
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?)
    }

    fn __repr__(&self) -> PyResult<String> {
        let view = self.view()?;
        Ok(format!(
            "Target(id={:?}, quantity={:?})",
            view.target.id, view.quantity.zh
        ))
    }
}

item! {
    /// An organisation the plan names, with what it answers for.
    Unit(core::UnitRef) => unit_view -> UnitView
}

#[pymethods]
impl Unit {
    #[getter]
    fn id(&self) -> PyResult<core::Str> {
        Ok(self.view()?.unit.id.clone())
    }

    #[getter]
    fn name(&self) -> PyResult<Text> {
        Ok(text(&self.view()?.unit.name))
    }

    #[getter]
    fn kind(&self) -> PyResult<&'static str> {
        Ok(self.view()?.unit.kind.as_str())
    }

    #[getter]
    fn interpretation(&self) -> PyResult<Option<core::Str>> {
        Ok(self.view()?.unit.interpretation.clone())
    }

    /// Ids of the tasks it is responsible for.
    #[getter]
    fn tasks(&self) -> PyResult<Vec<String>> {
        Ok(owned(&self.view()?.tasks))
    }

    /// Numbers of the mechanisms it is responsible for.
    #[getter]
    fn mechanisms(&self) -> PyResult<Vec<u32>> {
        Ok(numbers(&self.view()?.mechanisms))
    }

    /// Ids of the tasks it leads, where a responsibility line or the text says so.
    #[getter]
    fn lead_tasks(&self) -> PyResult<Vec<String>> {
        Ok(owned(&self.view()?.lead_tasks))
    }

    /// Numbers of the mechanisms it leads, where a responsibility line or the text says so.
    #[getter]
    fn lead_mechanisms(&self) -> PyResult<Vec<u32>> {
        Ok(numbers(&self.view()?.lead_mechanisms))
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?)
    }

    fn __repr__(&self) -> PyResult<String> {
        let view = self.view()?;
        Ok(format!(
            "Unit(id={:?}, name={:?})",
            view.unit.id, view.unit.name.zh
        ))
    }
}

item! {
    /// One of the plan's safeguard mechanisms.
    Mechanism(core::MechanismRef) => mechanism_view -> MechanismView
}

#[pymethods]
impl Mechanism {
    #[getter]
    fn number(&self) -> PyResult<u16> {
        Ok(self.view()?.mechanism.number)
    }

    /// The units its text names to lead a clause, as dicts.
    #[getter]
    fn leads<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.mechanism.leads)
    }

    /// When its text says things happen, as dicts.
    #[getter]
    fn schedule<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.mechanism.schedule)
    }

    #[getter]
    fn id(&self) -> PyResult<String> {
        Ok(self.view()?.id)
    }

    #[getter]
    fn citation(&self) -> PyResult<Option<Citation>> {
        Ok(citation(self.view()?.citation.as_ref()))
    }

    #[getter]
    fn title(&self) -> PyResult<Text> {
        Ok(text(&self.view()?.mechanism.title))
    }

    #[getter]
    fn text(&self) -> PyResult<Text> {
        Ok(text(&self.view()?.mechanism.text))
    }

    /// The printed 责任单位 line and the units it names: `{"text": {"zh", "en"}, "units": [...]}`.
    #[getter]
    fn responsibility<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?.mechanism.responsibility)
    }

    /// The ids of the responsible units, every role.
    #[getter]
    fn responsible_units(&self) -> PyResult<Vec<String>> {
        Ok(owned(&self.view()?.responsible_units))
    }

    /// The ids of the units that lead it: by role, or named for a clause.
    #[getter]
    fn leading_units(&self) -> PyResult<Vec<String>> {
        Ok(owned(&self.view()?.leading_units))
    }

    #[getter]
    fn interpretation(&self) -> PyResult<Option<core::Str>> {
        Ok(self.view()?.mechanism.interpretation.clone())
    }

    #[getter]
    fn instruments(&self) -> PyResult<Vec<&'static str>> {
        let view = self.view()?;
        Ok(view
            .mechanism
            .instruments
            .iter()
            .map(|i| i.as_str())
            .collect())
    }

    #[getter]
    fn entities(&self) -> PyResult<Vec<core::Str>> {
        Ok(self.view()?.mechanism.entities.to_vec())
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?)
    }

    fn __repr__(&self) -> PyResult<String> {
        let view = self.view()?;
        Ok(format!(
            "Mechanism(number={}, title={:?})",
            view.mechanism.number, view.mechanism.title.zh
        ))
    }
}

item! {
    /// A named platform, fund, programme, event or document, with where it is mentioned.
    Entity(core::EntityRef) => entity_view -> EntityView
}

#[pymethods]
impl Entity {
    #[getter]
    fn id(&self) -> PyResult<core::Str> {
        Ok(self.view()?.entity.id.clone())
    }

    #[getter]
    fn interpretation(&self) -> PyResult<Option<core::Str>> {
        Ok(self.view()?.entity.interpretation.clone())
    }

    #[getter]
    fn kind(&self) -> PyResult<&'static str> {
        Ok(self.view()?.entity.kind.as_str())
    }

    #[getter]
    fn name(&self) -> PyResult<Text> {
        Ok(text(&self.view()?.entity.name))
    }

    #[getter]
    fn number(&self) -> PyResult<Option<core::Str>> {
        Ok(self.view()?.entity.number.clone())
    }

    /// Ids of the tasks that mention it.
    #[getter]
    fn tasks(&self) -> PyResult<Vec<String>> {
        Ok(owned(&self.view()?.tasks))
    }

    #[getter]
    fn mechanisms(&self) -> PyResult<Vec<u32>> {
        Ok(numbers(self.view()?.mechanisms))
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.view()?)
    }

    fn __repr__(&self) -> PyResult<String> {
        let view = self.view()?;
        Ok(format!(
            "Entity(id={:?}, name={:?})",
            view.entity.id, view.entity.name.zh
        ))
    }
}

/// One place where a search phrase occurs.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone, PartialEq)]
struct Hit(core::Hit);

#[pymethods]
impl Hit {
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The id of the task the item is or belongs to (or `None`).
    #[getter]
    fn task(&self) -> Option<&str> {
        self.0.task.as_deref()
    }

    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    #[getter]
    fn citation(&self) -> Option<Citation> {
        citation(self.0.citation.as_ref())
    }

    #[getter]
    fn field(&self) -> &str {
        &self.0.field
    }

    #[getter]
    fn language(&self) -> &'static str {
        self.0.language.as_str()
    }

    #[getter]
    fn snippet(&self) -> &str {
        &self.0.snippet
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "Hit(id={:?}, field={:?}, snippet={:?})",
            self.0.id, self.0.field, self.0.snippet
        )
    }
}

/// One problem found in a plan file.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone, PartialEq)]
struct Issue(core::Issue);

#[pymethods]
impl Issue {
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    #[getter]
    fn path(&self) -> &str {
        &self.0.path
    }

    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    #[getter]
    fn severity(&self) -> &'static str {
        match self.0.severity {
            core::Severity::Error => "error",
            core::Severity::Warning => "warning",
        }
    }

    #[getter]
    fn line(&self) -> Option<usize> {
        self.0.line
    }

    #[getter]
    fn column(&self) -> Option<usize> {
        self.0.column
    }

    #[getter]
    fn offset(&self) -> Option<usize> {
        self.0.offset
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "Issue(code={:?}, path={:?}, message={:?})",
            self.0.code.as_str(),
            self.0.path,
            self.0.message
        )
    }
}

/// The embedded Wulong plan, 武隆府办发〔2022〕48号 (baked into the module, shared).
#[pyfunction]
fn wulong() -> Plan {
    Plan(Arc::clone(core::wulong()))
}

/// A plan shipped with the package, by id; `embedded_ids()` lists them.
#[pyfunction]
#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 hands each argument over converted and owned (`Arg`)"
)]
fn embedded(py: Python<'_>, id: Arg<String>) -> PyResult<Plan> {
    core::embedded_plan(&id.0)
        .map(|plan| Plan(Arc::clone(plan)))
        .into_py(py)
}

/// The ids of the plans shipped with the package.
#[pyfunction]
fn embedded_ids() -> Vec<&'static str> {
    core::embedded_ids().collect()
}

/// Every problem with a plan (`str`, or `bytes` of UTF-8): encoding, syntax, shape, unknown
/// fields and rules; warnings included.
#[pyfunction]
fn validate(text: &Bound<'_, PyAny>) -> PyResult<Vec<Issue>> {
    let issues = read_input(text, core::validate_bytes, |error| error.issues().to_vec())?;
    Ok(issues.into_iter().map(Issue).collect())
}

/// Loads and validates a plan file; a file over the size limit is refused before it is read.
#[pyfunction]
#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 hands each argument over converted and owned (`Arg`)"
)]
fn load(py: Python<'_>, path: Arg<PathBuf>) -> PyResult<Plan> {
    match core::Plan::from_file(&path.0) {
        Ok(plan) => Ok(Plan(Arc::new(plan))),
        Err(core::FileError::Unreadable { error, .. }) => {
            Err(errors::unreadable(py, &path.0, &error))
        }
        Err(error) => Err(error).into_py(py),
    }
}

/// Several plans side by side: every answer names the plan of each row.
#[pyclass(frozen, module = "srdi_plan")]
struct Corpus(core::Corpus);

#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 hands each argument over converted and owned (`Arg`)"
)]
#[pymethods]
impl Corpus {
    /// The plans, in order.
    #[getter]
    fn plans(&self) -> Vec<Plan> {
        self.0.plans().iter().map(|p| Plan(Arc::clone(p))).collect()
    }

    /// The ids of the plans, in order.
    #[getter]
    fn ids(&self) -> Vec<&str> {
        self.0.plans().iter().map(|p| p.id()).collect()
    }

    /// One plan by id; raises `UnknownNameError` with the closest ids.
    fn plan(&self, py: Python<'_>, id: Arg<String>) -> PyResult<Plan> {
        self.0
            .find(&id.0)
            .map(|plan| Plan(Arc::clone(plan)))
            .into_py(py)
    }

    /// Each plan as a dict: id, document number, title, period and the plans it is based on.
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.ask(py, &core::CorpusQuery::Plans)
    }

    /// A phrase in every text of every plan, as dicts; each hit names its plan.
    #[pyo3(signature = (text, language=None, **others))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        text: Arg<String>,
        language: Option<Arg<String>>,
        others: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        no_other_keywords(py, "search", others, &["language"])?;
        let language = language
            .map(|Arg(language)| language.parse())
            .transpose()
            .into_py(py)?;
        self.ask(
            py,
            &core::CorpusQuery::Search {
                text: text.0,
                language,
            },
        )
    }

    /// The plans compared, as dicts: `"goals"` side by side by the tier they count, each with
    /// the parent plan's goal it localises; `"measures"` that name an amount, by the group they
    /// reach; `"instruments"`: each STIP instrument type and how many tasks, measures and
    /// mechanisms of each plan use it.
    fn compare<'py>(&self, py: Python<'py>, what: Arg<String>) -> PyResult<Bound<'py, PyAny>> {
        self.ask(py, &core::CorpusQuery::compare(&what.0).into_py(py)?)
    }

    fn __len__(&self) -> usize {
        self.0.plans().len()
    }

    fn __repr__(&self) -> String {
        format!("Corpus({:?})", self.ids())
    }
}

impl Corpus {
    fn ask<'py>(&self, py: Python<'py>, query: &core::CorpusQuery) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.answer(query).into_py(py)?)
    }
}

/// Every plan file under a folder (each `*.json` but JSON Schemas, in subfolders too), then
/// each shipped plan none of them is. Raises the error of the first file that cannot be
/// loaded (its `filename` names it), whose `failures` lists every such file's error, as
/// `srdi --plans DIR plans` does.
#[pyfunction]
#[allow(
    clippy::needless_pass_by_value,
    reason = "pyo3 hands each argument over converted and owned (`Arg`)"
)]
fn load_dir(py: Python<'_>, path: Arg<PathBuf>) -> PyResult<Corpus> {
    let error = match core::Corpus::load_dir(&path.0) {
        Ok(corpus) => return Ok(Corpus(corpus)),
        Err(error) => error,
    };
    let message = error.to_string();
    let failures = error
        .failures
        .into_iter()
        .map(|(file, failure)| file_error(py, &file, failure))
        .collect::<PyResult<Vec<_>>>()?;
    let Some(first) = failures.first() else {
        return Err(errors::coded_os_error(
            py,
            pyo3::exceptions::PyOSError::new_err(message),
        ));
    };
    let every = pyo3::types::PyList::new(py, failures.iter().map(|error| error.value(py)))?;
    first.value(py).setattr("failures", every)?;
    Err(first.clone_ref(py))
}

/// The error of a plan file, as Python raises it: its own `OSError` for a file that cannot be
/// read, else the core's error, with `filename` naming the file.
fn file_error(py: Python<'_>, file: &std::path::Path, failure: core::FileError) -> PyResult<PyErr> {
    Ok(match failure {
        core::FileError::Unreadable { error, .. } => errors::unreadable(py, file, &error),
        other => {
            let raised = Err::<(), _>(other).into_py(py).unwrap_err();
            raised
                .value(py)
                .setattr("filename", file.to_string_lossy())?;
            raised
        }
    })
}

/// The plans shipped with the package, side by side.
#[pyfunction]
fn corpus() -> Corpus {
    Corpus(core::Corpus::embedded())
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(load_dir, module)?)?;
    module.add_function(wrap_pyfunction!(corpus, module)?)?;
    module.add_class::<Corpus>()?;
    module.add_function(wrap_pyfunction!(wulong, module)?)?;
    module.add_function(wrap_pyfunction!(embedded, module)?)?;
    module.add_function(wrap_pyfunction!(embedded_ids, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(load, module)?)?;
    let codes: Vec<&str> = core::Code::ALL.iter().map(|code| code.as_str()).collect();
    module.add("CODES", codes)?;
    module.add_class::<Plan>()?;
    module.add_class::<Text>()?;
    module.add_class::<Citation>()?;
    module.add_class::<Task>()?;
    module.add_class::<Measure>()?;
    module.add_class::<Target>()?;
    module.add_class::<Unit>()?;
    module.add_class::<Mechanism>()?;
    module.add_class::<Entity>()?;
    module.add_class::<Hit>()?;
    module.add_class::<Issue>()?;
    Ok(())
}
