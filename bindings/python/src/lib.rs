//! The native module `srdi_plan._native`: thin newtypes over the core's types.
//!
//! Every method is one call into `srdi_plan`; results hold a shared handle on their plan and
//! an index, so a query returns in microseconds and attributes are read on access. Errors are
//! mapped in `errors.rs` to the Python classes of `srdi_plan.errors`.

mod errors;

use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict};
use pythonize::pythonize;
use serde::Serialize;
use srdi_plan as core;

/// Converts a core value to Python in its serde shape (dicts, lists, strings).
fn py_value<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize(py, value).map_err(|error| pyo3::exceptions::PyValueError::new_err(error.to_string()))
}

/// Task and mechanism numbers as a Python `list[int]` (pyo3 turns `Vec<u8>` into `bytes`).
fn numbers(items: Vec<u8>) -> Vec<u32> {
    items.into_iter().map(u32::from).collect()
}

/// The position of `item` in `items`, found by identity.
fn index_of<T>(items: &[T], item: &T) -> usize {
    items
        .iter()
        .position(|candidate| std::ptr::eq(candidate, item))
        .unwrap_or_default()
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

/// An action plan: the document, its goals, sections, tasks, measures and mechanisms.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone)]
struct Plan(Arc<core::Plan>);

/// Plans are equal when their data is; results of the same plan compare without a deep look.
impl PartialEq for Plan {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

#[pymethods]
impl Plan {
    /// Loads and validates a plan from JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        core::Plan::from_json(text)
            .map(|plan| Self(Arc::new(plan)))
            .map_err(|error| errors::plan(py, &error))
    }

    fn to_json(&self) -> String {
        self.0.to_json()
    }

    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    #[getter]
    fn number(&self) -> &str {
        &self.0.document.number
    }

    #[getter]
    fn title(&self) -> Text {
        text(&self.0.document.title)
    }

    #[getter]
    fn period(&self) -> (u16, u16) {
        (self.0.period.start, self.0.period.end)
    }

    #[getter]
    fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.document)
    }

    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.summary())
    }

    #[pyo3(signature = (unit=None, section=None, instrument=None, tier=None, text=None))]
    fn tasks(
        &self,
        py: Python<'_>,
        unit: Option<String>,
        section: Option<u8>,
        instrument: Option<String>,
        tier: Option<String>,
        text: Option<String>,
    ) -> PyResult<Vec<Task>> {
        let filter = core::TaskFilter {
            unit,
            section,
            instrument,
            tier,
            text,
        };
        let found = self
            .0
            .tasks_where(&filter)
            .map_err(|error| errors::query(py, &error))?;
        Ok(found.into_iter().map(|task| self.task_of(task)).collect())
    }

    fn task(&self, py: Python<'_>, number: u8) -> PyResult<Task> {
        let task = self
            .0
            .find_task(number)
            .map_err(|error| errors::query(py, &error))?;
        Ok(self.task_of(task))
    }

    fn search(&self, py: Python<'_>, query: &str) -> PyResult<Vec<Hit>> {
        let hits = self
            .0
            .search(query)
            .map_err(|error| errors::query(py, &error))?;
        Ok(hits.into_iter().map(Hit).collect())
    }

    fn units(&self) -> Vec<Unit> {
        (0..self.0.units.len())
            .map(|index| Unit {
                plan: self.clone(),
                index,
            })
            .collect()
    }

    fn unit(&self, py: Python<'_>, name: &str) -> PyResult<Unit> {
        let unit = self
            .0
            .find_unit(name)
            .map_err(|error| errors::query(py, &error))?;
        Ok(Unit {
            plan: self.clone(),
            index: index_of(&self.0.units, unit),
        })
    }

    fn goals(&self) -> Vec<Target> {
        self.0
            .goals
            .iter()
            .map(|goal| Target {
                plan: self.clone(),
                target: goal.clone(),
            })
            .collect()
    }

    fn goal(&self, py: Python<'_>, id: &str) -> PyResult<Target> {
        let target = self
            .0
            .find_target(id)
            .map_err(|error| errors::query(py, &error))?;
        Ok(Target {
            plan: self.clone(),
            target: target.clone(),
        })
    }

    fn targets(&self) -> Vec<Target> {
        let targets = self.0.targets().into_iter();
        targets
            .map(|target| Target {
                plan: self.clone(),
                target: target.clone(),
            })
            .collect()
    }

    #[pyo3(signature = (tier=None, instrument=None))]
    fn measures(
        &self,
        py: Python<'_>,
        tier: Option<&str>,
        instrument: Option<&str>,
    ) -> PyResult<Vec<Measure>> {
        let found = self
            .0
            .measures_where(tier, instrument)
            .map_err(|error| errors::query(py, &error))?;
        Ok(found
            .into_iter()
            .map(|measure| self.measure_of(measure))
            .collect())
    }

    fn mechanisms(&self) -> Vec<Mechanism> {
        (0..self.0.mechanisms.len())
            .map(|index| Mechanism {
                plan: self.clone(),
                index,
            })
            .collect()
    }

    fn mechanism(&self, py: Python<'_>, number: u8) -> PyResult<Mechanism> {
        let mechanism = self
            .0
            .find_mechanism(number)
            .map_err(|error| errors::query(py, &error))?;
        Ok(Mechanism {
            plan: self.clone(),
            index: index_of(&self.0.mechanisms, mechanism),
        })
    }

    fn entities(&self) -> Vec<Entity> {
        (0..self.0.entities.len())
            .map(|index| Entity {
                plan: self.clone(),
                index,
            })
            .collect()
    }

    fn entity(&self, py: Python<'_>, name: &str) -> PyResult<Entity> {
        let entity = self
            .0
            .find_entity(name)
            .map_err(|error| errors::query(py, &error))?;
        Ok(Entity {
            plan: self.clone(),
            index: index_of(&self.0.entities, entity),
        })
    }

    fn documents(&self) -> Vec<Entity> {
        let cited = self.0.documents_cited().into_iter();
        cited
            .map(|entity| Entity {
                plan: self.clone(),
                index: index_of(&self.0.entities, entity),
            })
            .collect()
    }

    /// The accountability matrix as `{unit id: [task numbers]}`, units in order of listing.
    fn matrix<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = PyDict::new(py);
        for row in self.0.matrix().rows {
            rows.set_item(&row.unit.id, numbers(row.tasks))?;
        }
        Ok(rows)
    }

    /// Flat rows of one kind (`tasks`, `measures`, `targets`, `units`), lists joined by `; `.
    fn records<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let kind = errors::record_kind(kind)?;
        let table = self.0.records(kind);
        table
            .rows
            .iter()
            .map(|row| {
                let record = PyDict::new(py);
                for (column, cell) in table.columns.iter().zip(row) {
                    record.set_item(column, cell)?;
                }
                Ok(record)
            })
            .collect()
    }

    /// The records of one kind as a pandas `DataFrame` (needs `pip install 'srdi-plan[pandas]'`).
    fn to_pandas<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas").map_err(|_| errors::missing_pandas())?;
        let records = self.records(py, kind)?;
        let columns = self.0.records(errors::record_kind(kind)?).columns;
        pandas
            .getattr("DataFrame")?
            .call((records,), Some(&[("columns", columns)].into_py_dict(py)?))
    }

    fn __repr__(&self) -> String {
        format!(
            "Plan(id={:?}, number={:?}, tasks={})",
            self.0.id,
            self.0.document.number,
            self.0.tasks.len()
        )
    }
}

impl Plan {
    fn task_of(&self, task: &core::Task) -> Task {
        Task {
            plan: self.clone(),
            index: index_of(&self.0.tasks, task),
        }
    }

    fn measure_of(&self, measure: &core::Measure) -> Measure {
        for (task, owner) in self.0.tasks.iter().enumerate() {
            if let Some(index) = owner.measures.iter().position(|m| std::ptr::eq(m, measure)) {
                return Measure {
                    plan: self.clone(),
                    task,
                    index,
                };
            }
        }
        Measure {
            plan: self.clone(),
            task: 0,
            index: 0,
        }
    }
}

/// A numbered task of the plan.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone, PartialEq)]
struct Task {
    plan: Plan,
    index: usize,
}

impl Task {
    fn get(&self) -> &core::Task {
        &self.plan.0.tasks[self.index]
    }
}

#[pymethods]
impl Task {
    #[getter]
    fn number(&self) -> u8 {
        self.get().number
    }

    #[getter]
    fn id(&self) -> String {
        self.get().id()
    }

    #[getter]
    fn section(&self) -> u8 {
        self.get().section
    }

    #[getter]
    fn citation(&self) -> String {
        self.plan.0.citation(&self.get().id()).unwrap_or_default()
    }

    #[getter]
    fn title(&self) -> Option<Text> {
        self.get().title.as_ref().map(text)
    }

    #[getter]
    fn text(&self) -> Text {
        text(&self.get().text)
    }

    /// The ids of the responsible units: the task's own list, or its section's.
    #[getter]
    fn units(&self) -> Vec<String> {
        self.plan.0.responsible_ids(self.get()).to_vec()
    }

    #[getter]
    fn aimed_at(&self) -> Vec<String> {
        self.get().aimed_at.clone()
    }

    #[getter]
    fn instruments(&self) -> Vec<&'static str> {
        self.get().instruments.iter().map(|i| i.as_str()).collect()
    }

    #[getter]
    fn measures(&self) -> Vec<Measure> {
        let count = self.get().measures.len();
        (0..count)
            .map(|index| Measure {
                plan: self.plan.clone(),
                task: self.index,
                index,
            })
            .collect()
    }

    #[getter]
    fn targets(&self) -> Vec<Target> {
        let targets = self.get().targets.iter();
        targets
            .map(|target| Target {
                plan: self.plan.clone(),
                target: target.clone(),
            })
            .collect()
    }

    #[getter]
    fn entities(&self) -> Vec<String> {
        self.get().entities.clone()
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.plan.0.view(self.get()))
    }

    fn __repr__(&self) -> String {
        format!(
            "Task(number={}, citation={:?})",
            self.get().number,
            self.citation()
        )
    }
}

/// A support measure: something an enterprise can get.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone, PartialEq)]
struct Measure {
    plan: Plan,
    task: usize,
    index: usize,
}

impl Measure {
    fn get(&self) -> &core::Measure {
        &self.plan.0.tasks[self.task].measures[self.index]
    }
}

#[pymethods]
impl Measure {
    #[getter]
    fn id(&self) -> &str {
        &self.get().id
    }

    /// The number of the task that offers it.
    #[getter]
    fn task(&self) -> u8 {
        self.plan.0.tasks[self.task].number
    }

    #[getter]
    fn citation(&self) -> String {
        self.plan.0.citation(&self.get().id).unwrap_or_default()
    }

    #[getter]
    fn instrument(&self) -> &'static str {
        self.get().instrument.as_str()
    }

    #[getter]
    fn text(&self) -> Text {
        text(&self.get().text)
    }

    /// The tier or defined term the beneficiary belongs to, if the text names one.
    #[getter]
    fn group(&self) -> Option<&str> {
        self.get().beneficiary.group.as_deref()
    }

    #[getter]
    fn condition(&self) -> Option<Text> {
        self.get().beneficiary.condition.as_ref().map(text)
    }

    #[getter]
    fn trigger<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.get().trigger)
    }

    /// The amount in whole currency units, when the text states one.
    #[getter]
    fn amount(&self) -> Option<u64> {
        self.get().amount.as_ref().map(|amount| amount.value)
    }

    #[getter]
    fn currency(&self) -> Option<&str> {
        self.get()
            .amount
            .as_ref()
            .map(|amount| amount.currency.as_str())
    }

    #[getter]
    fn one_time(&self) -> bool {
        self.get().one_time
    }

    #[getter]
    fn approved_by(&self) -> Vec<String> {
        self.get().approved_by.clone()
    }

    #[getter]
    fn legal_basis(&self) -> Option<&str> {
        self.get().legal_basis.as_deref()
    }

    #[getter]
    fn interpretation(&self) -> Option<&str> {
        self.get().interpretation.as_deref()
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.plan.0.cited(&self.get().id, self.get()))
    }

    fn __repr__(&self) -> String {
        format!(
            "Measure(id={:?}, instrument={:?})",
            self.get().id,
            self.instrument()
        )
    }
}

/// A quantified target: a plan goal or a task-level target.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone, PartialEq)]
struct Target {
    plan: Plan,
    target: core::Target,
}

#[pymethods]
impl Target {
    #[getter]
    fn id(&self) -> &str {
        &self.target.id
    }

    #[getter]
    fn citation(&self) -> String {
        self.plan.0.citation(&self.target.id).unwrap_or_default()
    }

    #[getter]
    fn indicator(&self) -> Text {
        text(&self.target.indicator)
    }

    #[getter]
    fn text(&self) -> Text {
        text(&self.target.text)
    }

    #[getter]
    fn value(&self) -> u32 {
        self.target.value
    }

    #[getter]
    fn count_unit(&self) -> &'static str {
        self.target.count_unit.as_zh()
    }

    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.target.kind)
    }

    #[getter]
    fn tier(&self) -> Option<&str> {
        self.target.tier.as_deref()
    }

    #[getter]
    fn by_year(&self) -> Option<u16> {
        self.target.by_year
    }

    #[getter]
    fn interpretation(&self) -> Option<&str> {
        self.target.interpretation.as_deref()
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.plan.0.cited(&self.target.id, &self.target))
    }

    fn __repr__(&self) -> String {
        format!(
            "Target(id={:?}, value={})",
            self.target.id, self.target.value
        )
    }
}

/// An organisation the plan names, with what it answers for.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone, PartialEq)]
struct Unit {
    plan: Plan,
    index: usize,
}

impl Unit {
    fn get(&self) -> &core::Unit {
        &self.plan.0.units[self.index]
    }

    fn duties(&self) -> core::Duties<'_> {
        self.plan.0.duties(self.get())
    }
}

#[pymethods]
impl Unit {
    #[getter]
    fn id(&self) -> &str {
        &self.get().id
    }

    #[getter]
    fn name(&self) -> Text {
        text(&self.get().name)
    }

    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.get().kind)
    }

    #[getter]
    fn interpretation(&self) -> Option<&str> {
        self.get().interpretation.as_deref()
    }

    /// Numbers of the tasks it is responsible for.
    #[getter]
    fn tasks(&self) -> Vec<u32> {
        numbers(self.duties().tasks)
    }

    /// Numbers of the mechanisms it is responsible for.
    #[getter]
    fn mechanisms(&self) -> Vec<u32> {
        numbers(self.duties().mechanisms)
    }

    /// Numbers of the mechanisms it leads, where the text says so.
    #[getter]
    fn leads(&self) -> Vec<u32> {
        numbers(self.duties().leads)
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.duties())
    }

    fn __repr__(&self) -> String {
        format!(
            "Unit(id={:?}, name={:?})",
            self.get().id,
            self.get().name.zh
        )
    }
}

/// One of the plan's safeguard mechanisms.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone, PartialEq)]
struct Mechanism {
    plan: Plan,
    index: usize,
}

impl Mechanism {
    fn get(&self) -> &core::Mechanism {
        &self.plan.0.mechanisms[self.index]
    }
}

#[pymethods]
impl Mechanism {
    #[getter]
    fn number(&self) -> u8 {
        self.get().number
    }

    #[getter]
    fn id(&self) -> String {
        self.get().id()
    }

    #[getter]
    fn citation(&self) -> String {
        self.plan.0.citation(&self.get().id()).unwrap_or_default()
    }

    #[getter]
    fn title(&self) -> Text {
        text(&self.get().title)
    }

    #[getter]
    fn text(&self) -> Text {
        text(&self.get().text)
    }

    #[getter]
    fn units(&self) -> Vec<String> {
        self.get().responsibility.units.clone()
    }

    #[getter]
    fn lead(&self) -> Option<&str> {
        self.get().lead.as_deref()
    }

    #[getter]
    fn instruments(&self) -> Vec<&'static str> {
        self.get().instruments.iter().map(|i| i.as_str()).collect()
    }

    #[getter]
    fn entities(&self) -> Vec<String> {
        self.get().entities.clone()
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.plan.0.cited(&self.get().id(), self.get()))
    }

    fn __repr__(&self) -> String {
        format!(
            "Mechanism(number={}, title={:?})",
            self.get().number,
            self.get().title.zh
        )
    }
}

/// A named platform, fund, programme, event or document, with where it is mentioned.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone, PartialEq)]
struct Entity {
    plan: Plan,
    index: usize,
}

impl Entity {
    fn get(&self) -> &core::Entity {
        &self.plan.0.entities[self.index]
    }
}

#[pymethods]
impl Entity {
    #[getter]
    fn id(&self) -> &str {
        &self.get().id
    }

    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.get().kind)
    }

    #[getter]
    fn name(&self) -> Text {
        text(&self.get().name)
    }

    #[getter]
    fn number(&self) -> Option<&str> {
        self.get().number.as_deref()
    }

    #[getter]
    fn tasks(&self) -> Vec<u32> {
        numbers(self.plan.0.mentions_of(self.get()).tasks)
    }

    #[getter]
    fn mechanisms(&self) -> Vec<u32> {
        numbers(self.plan.0.mentions_of(self.get()).mechanisms)
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.plan.0.mentions_of(self.get()))
    }

    fn __repr__(&self) -> String {
        format!(
            "Entity(id={:?}, name={:?})",
            self.get().id,
            self.get().name.zh
        )
    }
}

/// One place where a search phrase occurs.
#[pyclass(frozen, eq, module = "srdi_plan")]
#[derive(Clone, PartialEq)]
struct Hit(core::Hit);

#[pymethods]
impl Hit {
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.kind)
    }

    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    #[getter]
    fn citation(&self) -> Option<&str> {
        self.0.citation.as_deref()
    }

    #[getter]
    fn field(&self) -> &str {
        &self.0.field
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
    fn severity<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_value(py, &self.0.severity)
    }

    #[getter]
    fn line(&self) -> Option<usize> {
        self.0.line
    }

    #[getter]
    fn column(&self) -> Option<usize> {
        self.0.column
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

/// The embedded Wulong plan, 武隆府办发〔2022〕48号 (shared, parsed once).
#[pyfunction]
fn wulong() -> Plan {
    static WULONG: OnceLock<Plan> = OnceLock::new();
    WULONG
        .get_or_init(|| Plan(Arc::new(core::wulong().clone())))
        .clone()
}

/// Every problem with a plan file: syntax, shape, unknown fields and rules; warnings included.
#[pyfunction]
fn validate(text: &str) -> Vec<Issue> {
    core::validate_json(text).into_iter().map(Issue).collect()
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(wulong, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_class::<Plan>()?;
    module.add_class::<Text>()?;
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
