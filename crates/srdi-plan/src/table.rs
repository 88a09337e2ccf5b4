//! Flat tables of one kind of item, with typed cells, for CSV files and data frames.
//!
//! Every column says what its cells hold, so that each tabular surface keeps the types:
//! pandas gets integer and boolean columns, CSV gets numbers unquoted and empty cells for
//! missing values.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::entitle::Profile;
use crate::error::QueryError;
use crate::model::Text;
use crate::plan::Plan;
use crate::refs::{ItemRef, UnitRef};

/// What a table lists: one row per item of this kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
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
    /// One row per enterprise and measure ([`Plan::entitlement_table`]); as a kind of the
    /// plan alone, the columns without rows.
    Entitlements,
    /// One row per goal and target with its progress ([`Plan::progress_table`]); as a kind
    /// of the plan alone, the columns without rows.
    Progress,
}

names! {
    RecordKind {
        Tasks = "tasks",
        Measures = "measures",
        Targets = "targets",
        Units = "units",
        Entitlements = "entitlements",
        Progress = "progress",
    }
}

/// What the cells of a column hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    /// Whole numbers.
    Integer,
    /// Numbers with a fractional part.
    Decimal,
    /// Text.
    Text,
    /// Text from a small vocabulary (ids, statuses, currency codes), repeated down the
    /// column: a categorical column in data frames.
    Category,
    /// `true` or `false`.
    Bool,
    /// Lists of text (ids).
    List,
}

/// One named, typed column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Column {
    /// The column's name, e.g. `amount`.
    pub name: &'static str,
    /// What its cells hold; any cell may also be null.
    pub kind: CellKind,
}

/// One cell: a value of its column's kind, or null for a missing value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
#[allow(
    missing_docs,
    reason = "each variant holds a value of the kind of its name"
)]
pub enum Cell<'a> {
    Null,
    Bool(bool),
    Integer(i64),
    Decimal(crate::model::Decimal),
    Text(Cow<'a, str>),
    List(Vec<Cow<'a, str>>),
}

/// As a CSV field: empty for null, `true`/`false`, numbers as numbers, lists joined by `; `.
impl fmt::Display for Cell<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Null => Ok(()),
            Self::Bool(value) => write!(f, "{value}"),
            Self::Integer(value) => write!(f, "{value}"),
            Self::Decimal(value) => write!(f, "{value}"),
            Self::Text(value) => f.write_str(value),
            Self::List(items) => f.write_str(&items.join("; ")),
        }
    }
}

/// A flat table: typed columns and rows of cells. Its texts borrow from the plan where they
/// can, so that a large table (one row per enterprise and measure) costs no copy per cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Table<'a> {
    /// What the rows are.
    pub kind: RecordKind,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// One row per item, one cell per column.
    pub rows: Vec<Vec<Cell<'a>>>,
}

fn text(value: &str) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(value))
}

fn owned<'a>(value: String) -> Cell<'a> {
    Cell::Text(Cow::Owned(value))
}

fn optional(value: Option<&str>) -> Cell<'_> {
    value.map_or(Cell::Null, text)
}

fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> Cell<'a> {
    Cell::List(items.into_iter().map(Cow::Borrowed).collect())
}

/// Names joined as CSV lists are (`group; trigger`), null for none: few distinct values, so
/// a category column rather than a list per row.
fn joined<'a>(mut names: impl Iterator<Item = &'a str>) -> Cell<'a> {
    let Some(first) = names.next() else {
        return Cell::Null;
    };
    let Some(second) = names.next() else {
        return text(first);
    };
    let mut joined = format!("{first}; {second}");
    for name in names {
        joined.push_str("; ");
        joined.push_str(name);
    }
    owned(joined)
}

fn entitlement_columns() -> Vec<Column> {
    use CellKind::{Bool, Category, Integer, Text as T};
    columns(&[
        ("profile", Integer),
        ("id", T),
        ("measure", Category),
        ("status", Category),
        ("task", Integer),
        ("amount", Integer),
        ("currency", Category),
        ("one_time", Bool),
        ("missing", Category),
        ("failed", Category),
    ])
}

fn progress_columns() -> Vec<Column> {
    use CellKind::{Category, Decimal, Integer, Text as T};
    columns(&[
        ("target", T),
        ("task", Integer),
        ("kind", Category),
        ("status", Category),
        ("value", Decimal),
        ("unit", Category),
        ("deadline", Integer),
        ("latest", Decimal),
        ("latest_year", Integer),
        ("source", T),
        ("achieved", Decimal),
        ("expected", Decimal),
        ("gap", Decimal),
        ("pace_needed", Decimal),
        ("observations", Integer),
    ])
}

fn columns(spec: &[(&'static str, CellKind)]) -> Vec<Column> {
    spec.iter()
        .map(|&(name, kind)| Column { name, kind })
        .collect()
}

impl Plan {
    /// A flat table of one kind of item, for CSV files and data frames.
    ///
    /// ```
    /// use srdi_plan::{Cell, RecordKind};
    /// let table = srdi_plan::wulong().table(RecordKind::Measures);
    /// let amount = table.columns.iter().position(|c| c.name == "amount").unwrap();
    /// let total: i64 = table.rows.iter().filter_map(|row| match row[amount] {
    ///     Cell::Integer(value) => Some(value),
    ///     _ => None,
    /// }).sum();
    /// assert_eq!(total, 1_200_000);
    /// ```
    pub fn table(&self, kind: RecordKind) -> Table<'_> {
        let (columns, rows) = match kind {
            RecordKind::Tasks => self.task_records(),
            RecordKind::Measures => self.measure_records(),
            RecordKind::Targets => self.target_records(),
            RecordKind::Units => self.unit_records(),
            RecordKind::Entitlements => (entitlement_columns(), Vec::new()),
            RecordKind::Progress => (progress_columns(), Vec::new()),
        };
        Table {
            kind,
            columns,
            rows,
        }
    }

    /// Every measure evaluated for each profile: one row per profile and measure, for data
    /// frames (`profile` is the position in `profiles`, `id` the profile's own).
    ///
    /// ```
    /// use srdi_plan::{Cell, Profile};
    /// let plan = srdi_plan::wulong();
    /// let profiles = [Profile::default(), Profile::from_json(r#"{"tiers": []}"#).unwrap()];
    /// let table = plan.entitlement_table(&profiles).unwrap();
    /// assert_eq!(table.rows.len(), 2 * plan.measure_refs().count());
    /// assert_eq!(table.rows[0][3], Cell::Text("may_apply".into()));
    /// assert_eq!(table.rows[0][8], Cell::Text("tiers".into())); // what is missing
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::InvalidInput`] with every issue of every profile, each path starting
    /// with the profile's position.
    pub fn entitlement_table<'a>(
        &'a self,
        profiles: &'a [Profile],
    ) -> Result<Table<'a>, QueryError> {
        let catalog = self.catalog();
        let mut rows = Vec::with_capacity(profiles.len() * catalog.len());
        let mut issues = Vec::new();
        for (i, profile) in profiles.iter().enumerate() {
            let judgements = match self.judgements(&catalog, profile) {
                Ok(judgements) => judgements,
                Err(error) => {
                    issues.extend(error.issues().iter().cloned().map(|mut issue| {
                        issue.path = format!("/{i}{}", issue.path);
                        issue
                    }));
                    continue;
                }
            };
            for judged in judgements {
                let amount = judged.measure.amount.as_ref();
                rows.push(vec![
                    Cell::Integer(i64::try_from(i).unwrap_or(i64::MAX)),
                    optional(profile.id.as_deref()),
                    text(&judged.measure.id),
                    text(judged.status.as_str()),
                    Cell::Integer(i64::from(judged.task)),
                    amount.map_or(Cell::Null, |a| {
                        Cell::Integer(i64::try_from(a.value).unwrap_or(i64::MAX))
                    }),
                    optional(amount.map(|a| a.currency.as_str())),
                    Cell::Bool(judged.measure.one_time),
                    joined(judged.missing.iter().copied()),
                    joined(judged.failed.iter().map(|test| test.as_str())),
                ]);
            }
        }
        if !issues.is_empty() {
            return Err(QueryError::InvalidInput(issues));
        }
        Ok(Table {
            kind: RecordKind::Entitlements,
            columns: entitlement_columns(),
            rows,
        })
    }

    /// Every goal and target with its progress as of `as_of` (see [`Plan::progress`]): one
    /// row each, for data frames.
    ///
    /// ```
    /// use srdi_plan::{Cell, Date};
    /// let plan = srdi_plan::wulong();
    /// let observations = srdi_plan::read_observations(b"target,year,value,source\ngoal-2,2024,16,synthetic\n").unwrap();
    /// let table = plan.progress_table(&observations, Date::parse("2025-01-01").unwrap()).unwrap();
    /// assert_eq!(table.rows[1][0], Cell::Text("goal-2".into()));
    /// assert_eq!(table.rows[1][3], Cell::Text("met".into()));
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Plan::progress`].
    pub fn progress_table(
        &self,
        observations: &[crate::Observation],
        as_of: crate::Date,
    ) -> Result<Table<'_>, QueryError> {
        let decimal = |value: Option<f64>| {
            value
                .and_then(|v| crate::model::Decimal::parse(&v.to_string()))
                .map_or(Cell::Null, Cell::Decimal)
        };
        let rows = self
            .progress(observations, as_of)?
            .into_iter()
            .map(|p| {
                vec![
                    text(p.target),
                    p.task
                        .map_or(Cell::Null, |task| Cell::Integer(i64::from(task))),
                    text(p.kind.as_str()),
                    text(p.status.as_str()),
                    p.value.map_or(Cell::Null, Cell::Decimal),
                    optional(p.unit),
                    p.deadline
                        .map_or(Cell::Null, |year| Cell::Integer(i64::from(year))),
                    p.latest
                        .as_ref()
                        .map_or(Cell::Null, |l| Cell::Decimal(l.value)),
                    p.latest
                        .as_ref()
                        .map_or(Cell::Null, |l| Cell::Integer(i64::from(l.year))),
                    p.latest
                        .as_ref()
                        .map_or(Cell::Null, |l| owned(l.source.clone())),
                    decimal(p.achieved),
                    decimal(p.expected),
                    decimal(p.gap),
                    decimal(p.pace_needed),
                    Cell::Integer(i64::try_from(p.observations).unwrap_or(i64::MAX)),
                ]
            })
            .collect();
        Ok(Table {
            kind: RecordKind::Progress,
            columns: progress_columns(),
            rows,
        })
    }

    fn citation_cell(&self, item: ItemRef) -> Cell<'_> {
        self.citation(item)
            .map_or(Cell::Null, |citation| owned(citation.zh()))
    }

    fn task_records(&self) -> (Vec<Column>, Vec<Vec<Cell<'_>>>) {
        use CellKind::{Integer, List, Text as T};
        let columns = columns(&[
            ("number", Integer),
            ("id", T),
            ("section", Integer),
            ("citation", T),
            ("title_zh", T),
            ("title_en", T),
            ("text_zh", T),
            ("text_en", T),
            ("instruments", List),
            ("units", List),
            ("aimed_at", List),
            ("measures", List),
            ("targets", List),
            ("entities", List),
        ]);
        let rows = self
            .task_refs()
            .filter_map(|at| {
                let task = self.get(at)?;
                let item = ItemRef::Task(at);
                let title = task.title.as_ref();
                Some(vec![
                    Cell::Integer(task.number.into()),
                    owned(self.id_of(item)),
                    Cell::Integer(task.section.into()),
                    self.citation_cell(item),
                    optional(title.map(|t| t.zh.as_str())),
                    optional(title.map(|t| t.en.as_str())),
                    text(&task.text.zh),
                    text(&task.text.en),
                    list(task.instruments.iter().map(|i| i.as_str())),
                    list(self.unit_ids(self.responsible(at))),
                    list(task.aimed_at.iter().map(String::as_str)),
                    list(task.measures.iter().map(|m| m.id.as_str())),
                    list(task.targets.iter().map(|t| t.id.as_str())),
                    list(task.entities.iter().map(String::as_str)),
                ])
            })
            .collect();
        (columns, rows)
    }

    fn measure_records(&self) -> (Vec<Column>, Vec<Vec<Cell<'_>>>) {
        use CellKind::{Bool, Integer, List, Text as T};
        let columns = columns(&[
            ("id", T),
            ("task", Integer),
            ("citation", T),
            ("instrument", T),
            ("beneficiary", T),
            ("condition_zh", T),
            ("condition_en", T),
            ("trigger", T),
            ("amount", Integer),
            ("currency", T),
            ("one_time", Bool),
            ("approved_by", List),
            ("legal_basis", T),
            ("text_zh", T),
            ("text_en", T),
        ]);
        let rows = self
            .measure_refs()
            .filter_map(|at| {
                let m = self.get(at)?;
                let condition = m.beneficiary.condition.as_ref();
                let amount = m.amount.as_ref();
                Some(vec![
                    text(&m.id),
                    Cell::Integer(self.get(at.task())?.number.into()),
                    self.citation_cell(ItemRef::Measure(at)),
                    text(m.instrument.as_str()),
                    optional(m.beneficiary.group.as_deref()),
                    optional(condition.map(|c: &Text| c.zh.as_str())),
                    optional(condition.map(|c: &Text| c.en.as_str())),
                    optional(m.trigger.map(crate::model::Trigger::as_str)),
                    amount
                        .and_then(|a| i64::try_from(a.value).ok())
                        .map_or(Cell::Null, Cell::Integer),
                    optional(amount.map(|a| a.currency.as_str())),
                    Cell::Bool(m.one_time),
                    list(m.approved_by.iter().map(String::as_str)),
                    optional(m.legal_basis.as_deref()),
                    text(&m.text.zh),
                    text(&m.text.en),
                ])
            })
            .collect();
        (columns, rows)
    }

    fn target_records(&self) -> (Vec<Column>, Vec<Vec<Cell<'_>>>) {
        use CellKind::{Decimal, Integer, Text as T};
        let columns = columns(&[
            ("id", T),
            ("task", Integer),
            ("citation", T),
            ("indicator_zh", T),
            ("indicator_en", T),
            ("kind", T),
            ("value", Decimal),
            ("unit", T),
            ("printed", T),
            ("group", T),
            ("by_year", Integer),
            ("text_zh", T),
            ("text_en", T),
        ]);
        let rows = self
            .target_refs()
            .filter_map(|at| {
                let t = self.get(at)?;
                let task = match at.task() {
                    Some(task) => Cell::Integer(self.get(task)?.number.into()),
                    None => Cell::Null,
                };
                Some(vec![
                    text(&t.id),
                    task,
                    self.citation_cell(ItemRef::Target(at)),
                    text(&t.indicator.zh),
                    optional(Some(t.indicator.en.as_str()).filter(|en| !en.is_empty())),
                    text(t.kind.as_str()),
                    t.value.map_or(Cell::Null, Cell::Decimal),
                    optional(t.unit.as_deref()),
                    Some(crate::quantity::render(t).zh)
                        .filter(|zh| !zh.is_empty())
                        .map_or(Cell::Null, owned),
                    optional(t.group.as_deref()),
                    t.by_year.map_or(Cell::Null, |y| Cell::Integer(y.into())),
                    text(&t.text.zh),
                    optional(Some(t.text.en.as_str()).filter(|en| !en.is_empty())),
                ])
            })
            .collect();
        (columns, rows)
    }

    fn unit_records(&self) -> (Vec<Column>, Vec<Vec<Cell<'_>>>) {
        use CellKind::{List, Text as T};
        let columns = columns(&[
            ("id", T),
            ("name_zh", T),
            ("name_en", T),
            ("kind", T),
            ("tasks", List),
            ("mechanisms", List),
        ]);
        let rows = (0..self.data().units.len())
            .filter_map(|i| {
                let view = self.unit_view(UnitRef::new(i))?;
                let numbers = |numbers: &[u16]| {
                    Cell::List(numbers.iter().map(|n| Cow::Owned(n.to_string())).collect())
                };
                Some(vec![
                    text(&view.unit.id),
                    text(&view.unit.name.zh),
                    text(&view.unit.name.en),
                    text(view.unit.kind.as_str()),
                    numbers(&view.tasks),
                    numbers(&view.mechanisms),
                ])
            })
            .collect();
        (columns, rows)
    }
}
