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
use foldhash::HashMap;

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

/// A flat table: typed columns, stored column by column. Its texts borrow from the plan
/// where they can, and a column of few distinct texts keeps each once with a code per row:
/// a batch table (one row per enterprise and measure) has hundreds of thousands of rows,
/// and a data frame takes each column whole.
///
/// Serialized as `{"kind", "columns": [{"name", "kind"}], "rows": [[cell, …], …]}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Table<'a> {
    /// What the rows are.
    pub kind: RecordKind,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The cells of each column, in the order of `columns`.
    values: Vec<Values<'a>>,
    len: usize,
}

/// The cells of one column, of its [`CellKind`]; `None` is a missing value.
#[derive(Debug, Clone, PartialEq)]
#[allow(
    missing_docs,
    reason = "each variant holds the cells of the kind of its name"
)]
pub enum Values<'a> {
    Integer(Vec<Option<i64>>),
    Decimal(Vec<Option<crate::model::Decimal>>),
    Bool(Vec<Option<bool>>),
    Text(Vec<Option<Cow<'a, str>>>),
    /// Each distinct text once, in order of first appearance, and per row a code into them.
    Category {
        names: Vec<Cow<'a, str>>,
        codes: Vec<Option<u32>>,
    },
    List(Vec<Option<Vec<Cow<'a, str>>>>),
}

impl Values<'_> {
    fn new(kind: CellKind, rows: usize) -> Self {
        match kind {
            CellKind::Integer => Self::Integer(Vec::with_capacity(rows)),
            CellKind::Decimal => Self::Decimal(Vec::with_capacity(rows)),
            CellKind::Bool => Self::Bool(Vec::with_capacity(rows)),
            CellKind::Text => Self::Text(Vec::with_capacity(rows)),
            CellKind::Category => Self::Category {
                names: Vec::new(),
                codes: Vec::with_capacity(rows),
            },
            CellKind::List => Self::List(Vec::with_capacity(rows)),
        }
    }

    /// The cell of `row`, borrowing its text.
    fn cell(&self, row: usize) -> Cell<'_> {
        fn borrowed(text: &str) -> Cell<'_> {
            Cell::Text(Cow::Borrowed(text))
        }
        let cell = match self {
            Self::Integer(cells) => cells.get(row).copied().flatten().map(Cell::Integer),
            Self::Decimal(cells) => cells.get(row).copied().flatten().map(Cell::Decimal),
            Self::Bool(cells) => cells.get(row).copied().flatten().map(Cell::Bool),
            Self::Text(cells) => cells
                .get(row)
                .and_then(Option::as_ref)
                .map(|text| borrowed(text)),
            Self::Category { names, codes } => codes
                .get(row)
                .copied()
                .flatten()
                .and_then(|code| names.get(code as usize))
                .map(|text| borrowed(text)),
            Self::List(cells) => cells
                .get(row)
                .and_then(Option::as_ref)
                .map(|items| Cell::List(items.iter().map(|i| Cow::Borrowed(i.as_ref())).collect())),
        };
        cell.unwrap_or(Cell::Null)
    }
}

impl<'a> Table<'a> {
    /// The number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the table has no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The cells of each column, in the order of [`Table::columns`].
    #[must_use]
    pub fn values(&self) -> &[Values<'a>] {
        &self.values
    }

    /// The cell at `row` and `column` (null outside the table).
    #[must_use]
    pub fn cell(&self, row: usize, column: usize) -> Cell<'_> {
        self.values
            .get(column)
            .map_or(Cell::Null, |values| values.cell(row))
    }

    /// Each row as its cells, in column order.
    pub fn rows(&self) -> impl Iterator<Item = Vec<Cell<'_>>> {
        (0..self.len).map(|row| self.values.iter().map(|values| values.cell(row)).collect())
    }
}

/// One row of a table as a JSON object, named by its plan: `{"plan": "…", "id": …, …}`, one
/// key per column. What JSON Lines exports hold, for `DuckDB`, Spark or `jq`.
#[derive(Debug, Clone, PartialEq)]
pub struct Record<'t> {
    plan: &'t str,
    columns: &'t [Column],
    cells: Vec<Cell<'t>>,
}

impl Serialize for Record<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut record = serializer.serialize_map(Some(self.cells.len() + 1))?;
        record.serialize_entry("plan", self.plan)?;
        for (column, cell) in self.columns.iter().zip(&self.cells) {
            record.serialize_entry(column.name, cell)?;
        }
        record.end()
    }
}

impl Table<'_> {
    /// Each row as a [`Record`] of the plan `plan` (its id).
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let table = plan.table(srdi_plan::RecordKind::Measures);
    /// let first = table.records(plan.id()).next().unwrap();
    /// let json = serde_json::to_value(&first).unwrap();
    /// assert_eq!(json["plan"], "wulong-2022-48");
    /// assert_eq!(json["id"], "task-11-m1");
    /// ```
    pub fn records<'t>(&'t self, plan: &'t str) -> impl Iterator<Item = Record<'t>> {
        self.rows().map(move |cells| Record {
            plan,
            columns: &self.columns,
            cells,
        })
    }
}

impl Serialize for Table<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Rows<'t, 'a>(&'t Table<'a>);
        impl Serialize for Rows<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.rows())
            }
        }
        let mut table = serializer.serialize_struct("Table", 3)?;
        table.serialize_field("kind", &self.kind)?;
        table.serialize_field("columns", &self.columns)?;
        table.serialize_field("rows", &Rows(self))?;
        table.end()
    }
}

// The JSON shape of a `Table`, for its schema (its doc comment is the schema's description).
/// A flat table: typed columns and rows of cells.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[schemars(rename = "Table")]
#[allow(dead_code, reason = "only its schema is used")]
struct TableShape {
    /// What the rows are.
    kind: RecordKind,
    /// The columns, in order.
    columns: Vec<Column>,
    /// One row per item, one cell per column.
    rows: Vec<Vec<Cell<'static>>>,
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Table<'_> {
    fn schema_name() -> Cow<'static, str> {
        TableShape::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        TableShape::json_schema(generator)
    }
}

/// Builds a table row by row, each cell into its column.
struct Builder<'a> {
    table: Table<'a>,
    /// Per category column, the code of each text seen.
    codes: Vec<HashMap<Cow<'a, str>, u32>>,
}

impl<'a> Builder<'a> {
    fn new(kind: RecordKind, columns: Vec<Column>, rows: usize) -> Self {
        let values = columns.iter().map(|c| Values::new(c.kind, rows)).collect();
        Self {
            codes: columns.iter().map(|_| HashMap::default()).collect(),
            table: Table {
                kind,
                columns,
                values,
                len: 0,
            },
        }
    }

    /// Adds a row: a cell per column, of the column's kind or null.
    fn push<const N: usize>(&mut self, row: [Cell<'a>; N]) {
        debug_assert_eq!(N, self.table.columns.len(), "a cell per column");
        for (column, cell) in row.into_iter().enumerate() {
            self.push_cell(column, cell);
        }
        self.table.len += 1;
    }

    /// Adds `count` rows that repeat the cells of the rows from `first` on, except in the
    /// columns `own`, whose cells `cell(column, row)` gives: the rows of a profile judged like
    /// an earlier one, under its own position and id.
    fn repeat(
        &mut self,
        first: usize,
        count: usize,
        own: &[usize],
        mut cell: impl FnMut(usize, usize) -> Cell<'a>,
    ) {
        for column in 0..self.table.columns.len() {
            if own.contains(&column) {
                for row in 0..count {
                    self.push_cell(column, cell(column, row));
                }
            } else if let Some(values) = self.table.values.get_mut(column) {
                values.repeat(first..first + count);
            }
        }
        self.table.len += count;
    }

    /// Adds `cell` to the end of `column`.
    fn push_cell(&mut self, column: usize, cell: Cell<'a>) {
        let (Some(values), Some(codes)) = (
            self.table.values.get_mut(column),
            self.codes.get_mut(column),
        ) else {
            return;
        };
        match (values, cell) {
            (Values::Integer(cells), Cell::Integer(value)) => cells.push(Some(value)),
            (Values::Decimal(cells), Cell::Decimal(value)) => cells.push(Some(value)),
            (Values::Bool(cells), Cell::Bool(value)) => cells.push(Some(value)),
            (Values::Text(cells), Cell::Text(text)) => cells.push(Some(text)),
            (Values::List(cells), Cell::List(items)) => cells.push(Some(items)),
            (
                Values::Category {
                    names,
                    codes: row_codes,
                },
                Cell::Text(text),
            ) => {
                // Rows often repeat the text above them (one enterprise's measures).
                let above = row_codes.last().copied().flatten();
                let code = match above.filter(|&c| names.get(c as usize) == Some(&text)) {
                    Some(code) => code,
                    None => *codes.entry(text).or_insert_with_key(|text| {
                        names.push(text.clone());
                        u32::try_from(names.len() - 1).unwrap_or(u32::MAX)
                    }),
                };
                row_codes.push(Some(code));
            }
            (values, cell) => {
                debug_assert_eq!(cell, Cell::Null, "a cell of its column's kind");
                values.push_null();
            }
        }
    }

    fn finish(self) -> Table<'a> {
        self.table
    }
}

impl Values<'_> {
    /// Adds a copy of the cells in `rows` at the end.
    fn repeat(&mut self, rows: std::ops::Range<usize>) {
        match self {
            Self::Integer(cells) => cells.extend_from_within(rows),
            Self::Decimal(cells) => cells.extend_from_within(rows),
            Self::Bool(cells) => cells.extend_from_within(rows),
            Self::Text(cells) => cells.extend_from_within(rows),
            Self::Category { codes, .. } => codes.extend_from_within(rows),
            Self::List(cells) => cells.extend_from_within(rows),
        }
    }

    fn push_null(&mut self) {
        match self {
            Self::Integer(cells) => cells.push(None),
            Self::Decimal(cells) => cells.push(None),
            Self::Bool(cells) => cells.push(None),
            Self::Text(cells) => cells.push(None),
            Self::Category { codes, .. } => codes.push(None),
            Self::List(cells) => cells.push(None),
        }
    }
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
    use CellKind::{Bool, Category, Integer};
    columns(&[
        ("profile", Integer),
        ("id", Category),
        ("measure", Category),
        ("status", Category),
        ("task", Category),
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
        ("task", T),
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
        ("share", Decimal),
        ("pace_needed", Decimal),
        ("observations", Integer),
    ])
}

/// A profile as the plan judges it: all but its `id`.
struct Judged<'p>(&'p Profile);

impl PartialEq for Judged<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0, other.0);
        (&a.tiers, &a.groups, &a.recognitions, &a.events, &a.facts)
            == (&b.tiers, &b.groups, &b.recognitions, &b.events, &b.facts)
    }
}

impl Eq for Judged<'_> {}

impl std::hash::Hash for Judged<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let p = self.0;
        (&p.tiers, &p.groups, &p.recognitions, &p.events, &p.facts).hash(state);
    }
}

/// A table of `rows`.
fn collect<'a, const N: usize>(
    kind: RecordKind,
    columns: Vec<Column>,
    rows: impl Iterator<Item = [Cell<'a>; N]>,
) -> Table<'a> {
    let mut table = Builder::new(kind, columns, rows.size_hint().0);
    rows.for_each(|row| table.push(row));
    table.finish()
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
    /// let total: i64 = table.rows().filter_map(|row| match row[amount] {
    ///     Cell::Integer(value) => Some(value),
    ///     _ => None,
    /// }).sum();
    /// assert_eq!(total, 1_200_000);
    /// ```
    pub fn table(&self, kind: RecordKind) -> Table<'_> {
        match kind {
            RecordKind::Tasks => self.task_records(),
            RecordKind::Measures => self.measure_records(),
            RecordKind::Targets => self.target_records(),
            RecordKind::Units => self.unit_records(),
            RecordKind::Entitlements => Builder::new(kind, entitlement_columns(), 0).finish(),
            RecordKind::Progress => Builder::new(kind, progress_columns(), 0).finish(),
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
    /// assert_eq!(table.len(), 2 * plan.measure_refs().count());
    /// assert_eq!(table.cell(0, 3), Cell::Text("may_apply".into()));
    /// assert_eq!(table.cell(0, 8), Cell::Text("tiers".into())); // what is missing
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
        self.entitlement_rows(&catalog, profiles)
            .map(Builder::finish)
            .map_err(QueryError::InvalidInput)
    }

    /// The rows of [`Plan::entitlement_table`], or the issues of the profiles that the plan
    /// cannot judge.
    fn entitlement_rows<'a>(
        &'a self,
        catalog: &[crate::entitle::Listed<'a>],
        profiles: &'a [Profile],
    ) -> Result<Builder<'a>, Vec<crate::Issue>> {
        let mut rows = Builder::new(
            RecordKind::Entitlements,
            entitlement_columns(),
            profiles.len() * catalog.len(),
        );
        let mut issues = Vec::new();
        // Profiles that differ only in their id are judged once: a batch of enterprises
        // repeats few combinations of tiers, years, events and facts.
        let mut judged: HashMap<Judged<'_>, Result<usize, Vec<crate::Issue>>> = HashMap::default();
        for (i, profile) in profiles.iter().enumerate() {
            let number = Cell::Integer(i64::try_from(i).unwrap_or(i64::MAX));
            let id = optional(profile.id.as_deref());
            let found = if let Some(earlier) = judged.get(&Judged(profile)) {
                earlier.clone().map(|first| {
                    let own = |column, _| {
                        if column == 0 {
                            number.clone()
                        } else {
                            id.clone()
                        }
                    };
                    rows.repeat(first, catalog.len(), &[0, 1], own);
                })
            } else {
                let found = self.judged_rows(&mut rows, catalog, profile, [number, id]);
                judged.insert(Judged(profile), found.clone());
                found.map(|_| ())
            };
            if let Err(found) = found {
                issues.extend(crate::error::at_position(found, i));
            }
        }
        if issues.is_empty() {
            Ok(rows)
        } else {
            Err(issues)
        }
    }

    /// The rows of one profile, under its position and id (`own`), added to `rows`: the
    /// position of the first, or the issues of a profile the plan cannot judge.
    fn judged_rows<'a>(
        &'a self,
        rows: &mut Builder<'a>,
        catalog: &[crate::entitle::Listed<'a>],
        profile: &Profile,
        own: [Cell<'a>; 2],
    ) -> Result<usize, Vec<crate::Issue>> {
        let judgements = self
            .judgements(catalog, profile)
            .map_err(|error| error.issues().to_vec())?;
        let first = rows.table.len();
        let [number, id] = own;
        for judged in judgements {
            let amount = judged.measure.amount.as_ref();
            rows.push([
                number.clone(),
                id.clone(),
                text(&judged.measure.id),
                text(judged.status.as_str()),
                text(judged.task),
                amount.map_or(Cell::Null, |a| {
                    Cell::Integer(i64::try_from(a.value).unwrap_or(i64::MAX))
                }),
                optional(amount.map(|a| a.currency.as_ref())),
                Cell::Bool(judged.measure.one_time),
                joined(judged.missing.iter().copied()),
                joined(judged.failed.iter().map(|test| test.as_str())),
            ]);
        }
        Ok(first)
    }

    /// Every goal and target with its progress as of `as_of` (see [`Plan::progress`]): one
    /// row each, for data frames.
    ///
    /// ```
    /// use srdi_plan::{Cell, Date};
    /// let plan = srdi_plan::wulong();
    /// let observations = srdi_plan::read_observations(b"target,year,value,source\ngoal-2,2024,16,synthetic\n").unwrap();
    /// let table = plan.progress_table(&observations, Date::parse("2025-01-01").unwrap()).unwrap();
    /// assert_eq!(table.cell(1, 0), Cell::Text("goal-2".into()));
    /// assert_eq!(table.cell(1, 3), Cell::Text("met".into()));
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
        let rows = self.progress(observations, as_of)?.into_iter().map(|p| {
            [
                text(p.target),
                optional(p.task),
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
                decimal(p.share),
                decimal(p.pace_needed),
                Cell::Integer(i64::try_from(p.observations).unwrap_or(i64::MAX)),
            ]
        });
        Ok(collect(RecordKind::Progress, progress_columns(), rows))
    }

    fn citation_cell(&self, item: ItemRef) -> Cell<'_> {
        self.citation(item)
            .map_or(Cell::Null, |citation| owned(citation.zh()))
    }

    fn task_records(&self) -> Table<'_> {
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
        let rows = self.task_refs().filter_map(|at| {
            let task = self.get(at)?;
            let item = ItemRef::Task(at);
            let title = task.title.as_ref();
            Some([
                Cell::Integer(task.number.into()),
                owned(self.id_of(item)),
                Cell::Integer(task.section.into()),
                self.citation_cell(item),
                optional(title.map(|t| t.zh.as_ref())),
                optional(title.map(|t| t.en.as_ref())),
                text(&task.text.zh),
                text(&task.text.en),
                list(task.instruments.iter().map(|i| i.as_str())),
                list(self.unit_ids(self.responsible(at))),
                list(task.aimed_at.iter().map(AsRef::as_ref)),
                list(task.measures.iter().map(|m| m.id.as_ref())),
                list(task.targets.iter().map(|t| t.id.as_ref())),
                list(task.entities.iter().map(AsRef::as_ref)),
            ])
        });
        collect(RecordKind::Tasks, columns, rows)
    }

    fn measure_records(&self) -> Table<'_> {
        use CellKind::{Bool, Integer, List, Text as T};
        let columns = columns(&[
            ("id", T),
            ("task", T),
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
        let rows = self.measure_refs().filter_map(|at| {
            let m = self.get(at)?;
            let condition = m.beneficiary.condition.as_ref();
            let amount = m.amount.as_ref();
            Some([
                text(&m.id),
                text(self.task_id(at.task())),
                self.citation_cell(ItemRef::Measure(at)),
                text(m.instrument.as_str()),
                optional(m.beneficiary.group.as_deref()),
                optional(condition.map(|c: &Text| c.zh.as_ref())),
                optional(condition.map(|c: &Text| c.en.as_ref())),
                optional(m.trigger.map(crate::model::Trigger::as_str)),
                amount
                    .and_then(|a| i64::try_from(a.value).ok())
                    .map_or(Cell::Null, Cell::Integer),
                optional(amount.map(|a| a.currency.as_ref())),
                Cell::Bool(m.one_time),
                list(m.approved_by.iter().map(AsRef::as_ref)),
                optional(m.legal_basis.as_deref()),
                text(&m.text.zh),
                text(&m.text.en),
            ])
        });
        collect(RecordKind::Measures, columns, rows)
    }

    fn target_records(&self) -> Table<'_> {
        use CellKind::{Decimal, Integer, Text as T};
        let columns = columns(&[
            ("id", T),
            ("task", T),
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
        let rows = self.target_refs().filter_map(|at| {
            let t = self.get(at)?;
            Some([
                text(&t.id),
                optional(at.task().map(|task| self.task_id(task))),
                self.citation_cell(ItemRef::Target(at)),
                text(&t.indicator.zh),
                optional(Some(t.indicator.en.as_ref()).filter(|en| !en.is_empty())),
                text(t.kind.as_str()),
                t.value.map_or(Cell::Null, Cell::Decimal),
                optional(t.unit.as_deref()),
                Some(crate::quantity::render(t).zh)
                    .filter(|zh| !zh.is_empty())
                    .map_or(Cell::Null, |zh| owned(zh.into_owned())),
                optional(t.group.as_deref()),
                t.by_year.map_or(Cell::Null, |y| Cell::Integer(y.into())),
                text(&t.text.zh),
                optional(Some(t.text.en.as_ref()).filter(|en| !en.is_empty())),
            ])
        });
        collect(RecordKind::Targets, columns, rows)
    }

    fn unit_records(&self) -> Table<'_> {
        use CellKind::{List, Text as T};
        let columns = columns(&[
            ("id", T),
            ("name_zh", T),
            ("name_en", T),
            ("kind", T),
            ("tasks", List),
            ("mechanisms", List),
        ]);
        let rows = (0..self.data().units.len()).filter_map(|i| {
            let view = self.unit_view(UnitRef::new(i))?;
            let mechanisms = view.mechanisms.iter().map(|n| Cow::Owned(n.to_string()));
            Some([
                text(&view.unit.id),
                text(&view.unit.name.zh),
                text(&view.unit.name.en),
                text(view.unit.kind.as_str()),
                list(view.tasks.iter().copied()),
                Cell::List(mechanisms.collect()),
            ])
        });
        collect(RecordKind::Units, columns, rows)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Cell, Profile, QueryError};

    fn profile(json: &str) -> Profile {
        Profile::from_json(json).expect("a valid profile")
    }

    #[test]
    fn a_batch_judges_each_profile_as_it_would_alone() {
        let plan = crate::wulong();
        let a = r#"{"tiers": ["srdi-sme"], "recognitions": [{"tier": "srdi-sme", "year": 2023}], "events": []"#;
        let profiles = [
            profile(&format!(r#"{a}, "id": "first"}}"#)),
            profile(r#"{"id": "second", "tiers": []}"#),
            profile(&format!(r#"{a}, "id": "third"}}"#)),
            profile(&format!("{a}}}")),
        ];
        let batch = plan.entitlement_table(&profiles).unwrap();
        let rows: Vec<Vec<Cell<'_>>> = batch.rows().collect();
        let per_profile = rows.len() / profiles.len();
        for (i, profile) in profiles.iter().enumerate() {
            let alone = plan
                .entitlement_table(std::slice::from_ref(profile))
                .unwrap();
            for (n, row) in alone.rows().enumerate() {
                let in_batch = &rows[i * per_profile + n];
                assert_eq!(in_batch[0], Cell::Integer(i64::try_from(i).unwrap()));
                assert_eq!(in_batch[1..], row[1..], "profile {i}, row {n}");
            }
        }
    }

    #[test]
    fn a_batch_names_every_bad_profile_even_when_they_repeat() {
        let plan = crate::wulong();
        let bad = r#"{"tiers": ["nowhere"]}"#;
        let profiles = [profile(bad), profile(r#"{"tiers": []}"#), profile(bad)];
        let Err(QueryError::InvalidInput(issues)) = plan.entitlement_table(&profiles) else {
            panic!("two bad profiles");
        };
        let paths: Vec<&str> = issues.iter().map(|issue| issue.path.as_str()).collect();
        assert_eq!(paths, ["/0/tiers/0", "/2/tiers/0"]);
    }
}
