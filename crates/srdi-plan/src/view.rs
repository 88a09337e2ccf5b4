//! Answers in the shape every surface shows: items with their id and citation attached,
//! a summary of the plan, and flat records for tables (CSV, data frames).

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Plan, Task, Text, UnitId};

/// A task with what is derived about it: its id, citation and responsible units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TaskView<'a> {
    /// `task-N`.
    pub id: String,
    /// E.g. `武隆府办发〔2022〕48号 二（五）28`.
    pub citation: String,
    /// The responsible units' ids: the task's own list, or its section's.
    pub responsible_units: &'a [UnitId],
    /// The task as stored.
    #[serde(flatten)]
    pub task: &'a Task,
}

/// An item with its citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(rename = "Cited{T}")]
pub struct Cited<'a, T> {
    /// Where the item stands in the document.
    pub citation: Option<String>,
    /// The item as stored.
    #[serde(flatten)]
    pub item: &'a T,
}

/// The plan at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Summary<'a> {
    /// The plan's id.
    pub id: &'a str,
    /// The document number.
    pub number: &'a str,
    /// The plan's title.
    pub title: &'a Text,
    /// The issuing unit's printed name.
    pub issuer: &'a str,
    /// Date of signature.
    pub issued: &'a str,
    /// First and last year.
    pub period: [u16; 2],
    /// How many goals, sections, tasks, … the plan has.
    pub counts: Counts,
}

/// How many items of each kind a plan has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
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

/// What a table of [`Plan::records`] lists: one row per item of this kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordKind {
    /// One row per task.
    Tasks,
    /// One row per support measure.
    Measures,
    /// One row per goal and task-level target.
    Targets,
    /// One row per unit.
    Units,
}

impl RecordKind {
    /// Every kind, in order.
    pub const ALL: [RecordKind; 4] = [Self::Tasks, Self::Measures, Self::Targets, Self::Units];

    /// The kind named `name` (`tasks`, `measures`, `targets` or `units`).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    /// The kind's name: `tasks`, `measures`, `targets` or `units`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Tasks => "tasks",
            Self::Measures => "measures",
            Self::Targets => "targets",
            Self::Units => "units",
        }
    }
}

/// A flat table: named columns and rows of strings, lists joined with `; `.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Records {
    /// Column names.
    pub columns: Vec<&'static str>,
    /// One row per item, one cell per column.
    pub rows: Vec<Vec<String>>,
}

impl Plan {
    /// A task with its id, citation and responsible units.
    pub fn view<'a>(&'a self, task: &'a Task) -> TaskView<'a> {
        let id = task.id();
        TaskView {
            citation: self.citation(&id).unwrap_or_default(),
            id,
            responsible_units: self.responsible_ids(task),
            task,
        }
    }

    /// An item with the citation of `id`.
    pub fn cited<'a, T>(&self, id: &str, item: &'a T) -> Cited<'a, T> {
        Cited {
            citation: self.citation(id),
            item,
        }
    }

    /// The plan at a glance.
    ///
    /// ```
    /// let summary = srdi_plan::wulong().summary();
    /// assert_eq!(summary.counts.tasks, 32);
    /// assert_eq!(summary.period, [2022, 2025]);
    /// ```
    pub fn summary(&self) -> Summary<'_> {
        let document = &self.document;
        Summary {
            id: &self.id,
            number: &document.number,
            title: &document.title,
            issuer: self
                .unit(&document.issuer)
                .map_or("", |unit| unit.name.zh.as_str()),
            issued: &document.issued,
            period: [self.period.start, self.period.end],
            counts: Counts {
                goals: self.goals.len(),
                sections: self.sections.len(),
                tasks: self.tasks.len(),
                targets: self.targets().len(),
                measures: self.tasks.iter().map(|task| task.measures.len()).sum(),
                mechanisms: self.mechanisms.len(),
                units: self.units.len(),
                entities: self.entities.len(),
            },
        }
    }

    /// A flat table of one kind of item, for CSV files and data frames.
    ///
    /// ```
    /// use srdi_plan::RecordKind;
    /// let table = srdi_plan::wulong().records(RecordKind::Tasks);
    /// assert_eq!(table.rows.len(), 32);
    /// assert_eq!(table.columns[0], "number");
    /// ```
    pub fn records(&self, kind: RecordKind) -> Records {
        let (columns, rows) = match kind {
            RecordKind::Tasks => self.task_records(),
            RecordKind::Measures => self.measure_records(),
            RecordKind::Targets => self.target_records(),
            RecordKind::Units => self.unit_records(),
        };
        Records { columns, rows }
    }

    fn task_records(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        (
            vec![
                "number",
                "id",
                "section",
                "citation",
                "title_zh",
                "title_en",
                "text_zh",
                "text_en",
                "instruments",
                "units",
                "aimed_at",
                "measures",
                "targets",
                "entities",
            ],
            self.tasks
                .iter()
                .map(|task| {
                    let title = task.title.as_ref();
                    vec![
                        task.number.to_string(),
                        task.id(),
                        task.section.to_string(),
                        self.citation(&task.id()).unwrap_or_default(),
                        title.map(|t| t.zh.clone()).unwrap_or_default(),
                        title.map(|t| t.en.clone()).unwrap_or_default(),
                        task.text.zh.clone(),
                        task.text.en.clone(),
                        join(task.instruments.iter().map(ToString::to_string)),
                        join(self.responsible_ids(task).iter().cloned()),
                        join(task.aimed_at.iter().cloned()),
                        join(task.measures.iter().map(|m| m.id.clone())),
                        join(task.targets.iter().map(|t| t.id.clone())),
                        join(task.entities.iter().cloned()),
                    ]
                })
                .collect(),
        )
    }

    fn measure_records(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        (
            vec![
                "id",
                "task",
                "citation",
                "instrument",
                "beneficiary",
                "condition_zh",
                "condition_en",
                "trigger",
                "amount",
                "currency",
                "one_time",
                "approved_by",
                "legal_basis",
                "text_zh",
                "text_en",
            ],
            self.tasks
                .iter()
                .flat_map(|task| task.measures.iter().map(move |m| (task, m)))
                .map(|(task, m)| {
                    let condition = m.beneficiary.condition.as_ref();
                    let trigger = m.trigger.map(|t| serde_name(&t)).unwrap_or_default();
                    vec![
                        m.id.clone(),
                        task.number.to_string(),
                        self.citation(&m.id).unwrap_or_default(),
                        m.instrument.to_string(),
                        m.beneficiary.group.clone().unwrap_or_default(),
                        condition.map(|c| c.zh.clone()).unwrap_or_default(),
                        condition.map(|c| c.en.clone()).unwrap_or_default(),
                        trigger,
                        m.amount
                            .as_ref()
                            .map(|a| a.value.to_string())
                            .unwrap_or_default(),
                        m.amount
                            .as_ref()
                            .map(|a| a.currency.clone())
                            .unwrap_or_default(),
                        m.one_time.to_string(),
                        join(m.approved_by.iter().cloned()),
                        m.legal_basis.clone().unwrap_or_default(),
                        m.text.zh.clone(),
                        m.text.en.clone(),
                    ]
                })
                .collect(),
        )
    }

    fn target_records(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        (
            vec![
                "id",
                "citation",
                "indicator_zh",
                "indicator_en",
                "value",
                "count_unit",
                "kind",
                "tier",
                "by_year",
                "text_zh",
                "text_en",
            ],
            self.targets()
                .into_iter()
                .map(|t| {
                    vec![
                        t.id.clone(),
                        self.citation(&t.id).unwrap_or_default(),
                        t.indicator.zh.clone(),
                        t.indicator.en.clone(),
                        t.value.to_string(),
                        serde_name(&t.count_unit),
                        serde_name(&t.kind),
                        t.tier.clone().unwrap_or_default(),
                        t.by_year.map(|y| y.to_string()).unwrap_or_default(),
                        t.text.zh.clone(),
                        t.text.en.clone(),
                    ]
                })
                .collect(),
        )
    }

    fn unit_records(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        (
            vec!["id", "name_zh", "name_en", "kind", "tasks", "mechanisms"],
            self.units
                .iter()
                .map(|unit| {
                    let duties = self.duties(unit);
                    vec![
                        unit.id.clone(),
                        unit.name.zh.clone(),
                        unit.name.en.clone(),
                        serde_name(&unit.kind),
                        join(duties.tasks.iter().map(ToString::to_string)),
                        join(duties.mechanisms.iter().map(ToString::to_string)),
                    ]
                })
                .collect(),
        )
    }
}

/// Joins list items into one cell.
fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

/// The serde name of a unit-like enum value, e.g. `new_recognition`.
fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}
