//! Did the plan deliver? Observed values of its goals and targets, read from CSV or JSON
//! and checked against the plan, and each target's status as of a date: `met`, `missed`,
//! `on_track`, `behind`, `no_baseline` or `no_data`, with the gap and the yearly pace still
//! needed.
//!
//! Time is counted in years: a value observed for a year stands at that year's end, one
//! observed on a date at that date, and a target is due at the end of its year (the plan's
//! last year when it states none). `on_track` compares the latest value with the straight
//! path from the start — the stated baseline, else the earliest observation — through any
//! milestones to the target at its deadline. One value and no stated baseline draw no path
//! (the value would be its own start, always on it) unless a milestone falls at or before
//! it: that is `no_baseline`, not `on_track`. An increase with one value and no baseline
//! has nothing to count from, so its figures are unknown and it stays `no_baseline`.

use foldhash::{HashMap, HashSet};
use serde::{Deserialize, Serialize};

use crate::error::{Code, Issue, QueryError};
use crate::load::{Input, Partial, Pruned};
use crate::model::{Decimal, Milestone, Period, Target, TargetKind, Text};
use crate::plan::Plan;
use crate::refs::{Citation, ItemRef, TargetRef};

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date written `YYYY-MM-DD`, if it is one.
    ///
    /// ```
    /// let date = srdi_plan::Date::parse("2024-02-29").unwrap();
    /// assert_eq!(date.year(), 2024);
    /// assert!(srdi_plan::Date::parse("2023-02-29").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        if !(1..=12).contains(&month) {
            return None;
        }
        let date = Self {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        };
        (1..=u16::from(date.days_in_month()))
            .contains(&day)
            .then_some(date)
    }

    /// The date `days` days after 1970-01-01 (what a clock gives), for callers that read one.
    ///
    /// ```
    /// assert_eq!(srdi_plan::Date::from_unix_days(19_723).to_string(), "2024-01-01");
    /// ```
    pub fn from_unix_days(days: i64) -> Self {
        // Howard Hinnant's civil-from-days, on days of years 0 to 65535.
        let z = days.clamp(-719_468, 23_936_000) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self {
            year: u16::try_from(year).unwrap_or(u16::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// The last day of `year`.
    pub fn end_of(year: u16) -> Self {
        Self {
            year,
            month: 12,
            day: 31,
        }
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    fn is_leap(self) -> bool {
        self.year.is_multiple_of(4)
            && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400))
    }

    fn days_in_month(self) -> u8 {
        match self.month {
            2 if self.is_leap() => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// The end of the date as a point in time, in years: the end of 2024-12-31 is 2025.0.
    fn as_years(self) -> f64 {
        let before: u16 = (1..self.month)
            .map(|month| u16::from(Self { month, ..self }.days_in_month()))
            .sum();
        let length = if self.is_leap() { 366.0 } else { 365.0 };
        f64::from(self.year) + f64::from(before + u16::from(self.day)) / length
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A date given as an argument (`--as-of`, `as_of`, `{ asOf }`), with the same error on every
/// surface.
///
/// ```
/// let error = "2023-13-01".parse::<srdi_plan::Date>().unwrap_err();
/// assert_eq!(error.code(), srdi_plan::Code::InvalidArgument);
/// assert_eq!(error.to_string(), "`2023-13-01` is not a date written YYYY-MM-DD");
/// ```
impl std::str::FromStr for Date {
    type Err = QueryError;

    fn from_str(text: &str) -> Result<Self, QueryError> {
        Self::parse(text).ok_or_else(|| {
            QueryError::InvalidArgument(format!("`{text}` is not a date written YYYY-MM-DD"))
        })
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A calendar date, YYYY-MM-DD.",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

/// One observed value of a goal or target, with where it was published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The goal or target id (`goal-2`, `task-8-t1`).
    pub target: String,
    /// The year the value is for (its end), when no `date` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// The date the value is for, when it is known to the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The value, in the target's unit (`家`, `个`, `%`).
    pub value: Decimal,
    /// The unit the value is in, when given: it must be the target's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Where the figure was published: a document, a page, a statistical yearbook.
    pub source: String,
    /// Anything a reader should know about the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Observation {
    /// The day the value stands on: its date, or the last day of its year.
    fn day(&self) -> Option<Date> {
        self.date.or(self.year.map(Date::end_of))
    }

    /// When the value stands, in years (see [`Date::as_years`]).
    fn time(&self) -> f64 {
        self.day().map_or(f64::NAN, Date::as_years)
    }

    /// The year the value is for.
    fn year_of(&self) -> Option<u16> {
        self.date.map(Date::year).or(self.year)
    }
}

/// Observations, read from JSON (a list of objects) or CSV (a header row naming the fields,
/// then one row per value), each problem reported with its path, line and column.
///
/// ```
/// let csv = "target,year,value,source\ngoal-2,2023,9,synthetic example\n";
/// let observations = srdi_plan::read_observations(csv.as_bytes()).unwrap();
/// assert_eq!(observations[0].target, "goal-2");
/// let error = srdi_plan::read_observations(b"target,year,value\ngoal-2,2023,nine\n").unwrap_err();
/// let codes: Vec<_> = error.issues().iter().map(|i| (i.code, i.path.as_str())).collect();
/// // The header lacks `source` (once, on line 1); the value of row 1 is not a number.
/// assert_eq!(codes, [(srdi_plan::Code::MissingField, ""), (srdi_plan::Code::WrongType, "/0/value")]);
/// assert_eq!((error.issues()[1].line, error.issues()[1].column), (Some(2), Some(3)));
/// ```
///
/// # Errors
///
/// [`QueryError::InvalidInput`] with every issue: size, encoding, syntax, shape.
pub fn read_observations(bytes: &[u8]) -> Result<Vec<Observation>, QueryError> {
    observations(Input::Bytes(bytes), |_, _| Vec::new())
}

/// Observations from a JSON value (a list of objects: a Python list of dicts, say), checked
/// as [`read_observations`] checks a file.
///
/// # Errors
///
/// [`QueryError::InvalidInput`] with every issue of the shape.
pub fn observations_from_value(value: serde_json::Value) -> Result<Vec<Observation>, QueryError> {
    observations(Input::Value(value), |_, _| Vec::new())
}

/// Observations read as far as their shape lets them be, then `check`ed (see
/// [`Partial::finish`]); the issues of CSV rows located by line and column.
fn observations(
    input: Input<'_>,
    check: impl FnOnce(&Vec<Observation>, &Pruned) -> Vec<Issue>,
) -> Result<Vec<Observation>, QueryError> {
    let (partial, cells) = match input {
        Input::Bytes(bytes) => partial_observations(bytes)?,
        Input::Value(value) => {
            let (value, issues) = crate::load::in_memory(value)?;
            (checked(value, issues), None)
        }
    };
    let read = partial.finish(check);
    match cells {
        Some(cells) => read.map_err(|error| cells.locate(&error)),
        None => read,
    }
}

/// The observations of a file, read as far as their shape lets them be, and where the cells
/// of CSV rows are.
fn partial_observations(
    bytes: &[u8],
) -> Result<(Partial<Vec<Observation>>, Option<Cells>), QueryError> {
    let text = crate::load::read_text(bytes)?;
    let start = text.trim_start();
    if start.is_empty() {
        let message = "the input is empty: observations are a JSON list, or CSV with a header row";
        let issue = Issue::new(Code::SyntaxError, "", message).at(1, 1);
        return Err(QueryError::InvalidInput(vec![issue]));
    }
    // JSON if it looks like a list or an object (its syntax errors are JSON's), or is any
    // JSON at all (`null`, `42`), which the schema then refuses, rather than a CSV header.
    let parsed = crate::load::parse_input(text);
    match parsed {
        Ok((value, issues)) => Ok((checked(value, issues), None)),
        Err(error) if matches!(start.chars().next(), Some('[' | '{')) => Err(error),
        Err(_) => read_csv(text).map(|(partial, cells)| (partial, Some(cells))),
    }
}

/// Observations from their JSON value: every date on the calendar, and the shape against
/// the schema.
fn checked(mut value: serde_json::Value, mut issues: Vec<Issue>) -> Partial<Vec<Observation>> {
    let dates = bad_dates(&mut value);
    let dropped = dates.iter().map(|issue| issue.path.clone()).collect();
    issues.extend(dates);
    crate::load::partial_value(value, issues, crate::load::Format::Observations).dropping(dropped)
}

/// Each `date` that is not a day written `YYYY-MM-DD`, or not one on the calendar
/// (`2023-02-30`), with its path; each is dropped from its row, so that the rest of the row
/// is still read. The schema checks the pattern, and only the calendar knows the rest.
fn bad_dates(value: &mut serde_json::Value) -> Vec<Issue> {
    let rows = value.as_array_mut().map_or(&mut [][..], Vec::as_mut_slice);
    rows.iter_mut()
        .enumerate()
        .filter_map(|(i, row)| {
            let date = row.get("date")?.as_str()?;
            if Date::parse(date).is_some() {
                return None;
            }
            let pattern = date.len() == 10 && date.bytes().filter(|b| *b == b'-').count() == 2;
            let message = if pattern {
                format!("`{date}` is not a day of the calendar")
            } else {
                format!("`{date}` is not a date written YYYY-MM-DD")
            };
            row.as_object_mut()?.remove("date");
            Some(Issue::new(Code::InvalidDate, format!("/{i}/date"), message))
        })
        .collect()
}

/// CSV rows as the JSON objects they stand for, checked by the same schema as JSON: numbers
/// in the `year` and `value` columns are numbers, empty cells are left out. A line with no
/// value in any cell (blank, spaces, or only commas, as a spreadsheet writes an empty row)
/// is skipped.
fn read_csv(text: &str) -> Result<(Partial<Vec<Observation>>, Cells), QueryError> {
    if let Some((line, column)) = unclosed_quote(text) {
        let message = "not CSV: a quoted cell is never closed";
        let issue = Issue::new(Code::SyntaxError, "", message).at(line, column);
        return Err(QueryError::InvalidInput(vec![issue]));
    }
    let mut records = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .into_records()
        .filter(|record| !record.as_ref().is_ok_and(|r| r.iter().all(str::is_empty)));
    let mut counted = Lines::new(text);
    let (header, line) = match records.next().transpose() {
        Ok(Some(record)) => {
            let line = counted.cells(&record).first().copied().unwrap_or(1);
            (record.iter().map(str::to_owned).collect(), line)
        }
        Ok(None) => (Vec::new(), 1),
        Err(error) => return Err(csv_error(&error)),
    };
    let columns = last_columns(&header);
    let mut issues = header_issues(&header, &columns, line);
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for (i, record) in records.enumerate() {
        let record = record.map_err(|error| csv_error(&error))?;
        let cells = counted.cells(&record);
        let line_of = |column: usize| cells.get(column).or(cells.last()).copied().unwrap_or(1);
        if record.len() > header.len() {
            let message = format!(
                "the row has {} cells, the header {}",
                record.len(),
                header.len()
            );
            let issue = Issue::new(Code::WrongType, format!("/{i}"), message);
            issues.push(issue.at(line_of(header.len()), header.len() + 1));
        }
        let mut row = serde_json::Map::new();
        for (column, (name, cell)) in header.iter().zip(record.iter()).enumerate() {
            if cell.is_empty() {
                continue;
            }
            if let Some(message) = crate::load::control_character(cell) {
                let path = format!("/{i}/{}", crate::load::escape_token(name));
                let issue = Issue::new(Code::ControlCharacter, path, message);
                issues.push(issue.at(line_of(column), column + 1));
            }
            let number = matches!(name.as_str(), "year" | "value")
                .then(|| serde_json::from_str::<serde_json::Number>(cell).ok())
                .flatten();
            let value =
                number.map_or_else(|| serde_json::Value::from(cell), serde_json::Value::Number);
            row.insert(name.clone(), value);
        }
        rows.push(serde_json::Value::Object(row));
        lines.push(cells);
    }
    if !issues.is_empty() && rows.is_empty() {
        return Err(QueryError::InvalidInput(issues));
    }
    let mut partial = checked(serde_json::Value::Array(rows), issues);
    partial.retain_issues(|issue| !said_of_the_header(issue, &columns));
    Ok((partial, Cells { columns, lines }))
}

/// The column of each name of a CSV header: the last, where the header repeats a name (as a
/// field is read from the last). A map, so that no question about a row costs a walk of the
/// header, however wide.
fn last_columns(header: &[String]) -> HashMap<String, usize> {
    header
        .iter()
        .enumerate()
        .map(|(column, name)| (name.clone(), column))
        .collect()
}

/// Where the cells of a CSV file are: the column of each name of its header, and the line of
/// each cell of each row.
struct Cells {
    columns: HashMap<String, usize>,
    lines: Vec<Vec<usize>>,
}

impl Cells {
    /// The error with each issue of a row located by line and column.
    fn locate(&self, error: &QueryError) -> QueryError {
        QueryError::InvalidInput(
            error
                .issues()
                .iter()
                .map(|issue| at_cell(issue, &self.columns, &self.lines))
                .collect(),
        )
    }
}

/// Whether a row's issue is one the header's already says: a field that no column has, or a
/// column that is no field, once for the file rather than once per row.
fn said_of_the_header(issue: &Issue, columns: &HashMap<String, usize>) -> bool {
    let mut tokens = issue.path.split('/').skip(1);
    let (Some(_row), Some(field), None) = (tokens.next(), tokens.next(), tokens.next()) else {
        return false;
    };
    match issue.code {
        Code::MissingField => !columns.contains_key(field),
        Code::UnknownField => true,
        _ => false,
    }
}

/// The problems of a CSV header (its `columns` by name), on its `line`: a column named twice,
/// or one that no field of an observation has, or a required field with no column. A file
/// whose first row is data has no header, and says so here, even with no row after it.
fn header_issues(header: &[String], columns: &HashMap<String, usize>, line: usize) -> Vec<Issue> {
    let fields = crate::load::record_fields(crate::load::Format::Observations);
    let known: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
    let mut issues = Vec::new();
    let mut seen = HashSet::default();
    for (column, name) in header.iter().enumerate() {
        let at = |issue: Issue| issue.at(line, column + 1);
        if !seen.insert(name) {
            let message = format!("the header names the column `{name}` twice");
            issues.push(at(Issue::new(Code::DuplicateKey, "", message)));
        } else if !known.contains(&name.as_str()) {
            let message = format!(
                "the header's column `{name}` is not a field of an observation ({})",
                known.join(", ")
            );
            issues.push(at(Issue::new(Code::UnknownField, "", message)));
        }
    }
    for (name, _) in fields.iter().filter(|(_, required)| *required) {
        if !columns.contains_key(*name) {
            let message =
                format!("the header has no column `{name}`, which every observation needs");
            issues.push(Issue::new(Code::MissingField, "", message).at(line, 1));
        }
    }
    issues
}

/// Where a quoted cell opens that no quote closes (line and column, from 1). The CSV reader
/// would take the rest of the file as that cell. As for the reader, a quote opens a quoted
/// cell only at the cell's start; inside one, `""` is a quote and `"` closes it; anywhere
/// else it is a character like any other (`the 5" report`).
fn unclosed_quote(text: &str) -> Option<(usize, usize)> {
    let (mut line, mut column) = (1, 0);
    let (mut open, mut at_start) = (None, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        if open.is_some() {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    column += 1;
                } else {
                    open = None;
                }
            }
        } else if c == '"' && at_start {
            open = Some((line, column));
        }
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            (line, column) = (line + 1, 0);
        }
        at_start = open.is_none() && matches!(c, ',' | '\n' | '\r');
    }
    open
}

/// An issue of a CSV row with the line and column of its cell: of the column a field is
/// read from (the last of a name the header repeats), else of the row's first.
fn at_cell(issue: &Issue, columns: &HashMap<String, usize>, lines: &[Vec<usize>]) -> Issue {
    let mut tokens = issue.path.split('/').skip(1);
    let row = tokens.next().and_then(|t| t.parse::<usize>().ok());
    let column = tokens
        .next()
        .and_then(|name| columns.get(name).copied())
        .unwrap_or(0);
    let cells = row.and_then(|row| lines.get(row));
    match cells.and_then(|cells| cells.get(column).or(cells.first())) {
        Some(&line) if issue.line.is_none() => issue.clone().at(line, column + 1),
        _ => issue.clone(),
    }
}

/// The lines of a CSV text, counted forward as its records are read: each record's line costs
/// the bytes since the one before (counted from the start each time, a file of n rows took
/// time n²).
struct Lines<'t> {
    bytes: &'t [u8],
    /// How far the count has come, and the line there (from 1).
    at: usize,
    line: usize,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line (from 1) of each cell of a record: the reader's own count of lines leaves out
    /// the blank lines it skips, so lines are counted in the text up to where the record
    /// starts, then through the line breaks inside its quoted cells.
    fn cells(&mut self, record: &csv::StringRecord) -> Vec<usize> {
        let bytes = self.bytes;
        let from = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        // The reader starts a record where the previous one ended, before any blank lines.
        let start = bytes
            .iter()
            .skip(from)
            .position(|b| !matches!(b, b'\r' | b'\n'))
            .map_or(bytes.len(), |skipped| from + skipped);
        let mut line = self.line_at(start);
        record
            .iter()
            .map(|cell| {
                let this = line;
                line += line_breaks(cell.as_bytes());
                this
            })
            .collect()
    }

    /// The line at byte `offset`, at or after the last asked (records are read in order). A
    /// record starts after a line break and on a byte that is none, so no `\r\n` is split
    /// between two counts.
    fn line_at(&mut self, offset: usize) -> usize {
        debug_assert!(offset >= self.at, "records are read in order");
        let between = self.bytes.get(self.at..offset).unwrap_or_default();
        self.line += line_breaks(between);
        self.at = offset.min(self.bytes.len());
        self.line
    }
}

/// How many lines `bytes` break: at `\n`, `\r\n`, or a `\r` alone, as the reader breaks them.
fn line_breaks(bytes: &[u8]) -> usize {
    let lone_returns = memchr::memchr_iter(b'\r', bytes)
        .filter(|&at| bytes.get(at + 1) != Some(&b'\n'))
        .count();
    memchr::memchr_iter(b'\n', bytes).count() + lone_returns
}

/// The problems of the time of the observation at `row`: none given (unless one was given
/// and `dropped` by its shape), a year that is not its date's, or one far from the plan's
/// `period`, at the field it was read from.
fn time_issues(
    observation: &Observation,
    row: &str,
    dropped: bool,
    period: Option<Period>,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    match (observation.year, observation.date) {
        (None, None) if !dropped => {
            let message = "an observation needs a `year` or a `date`";
            issues.push(Issue::new(
                Code::MissingField,
                format!("{row}/year"),
                message,
            ));
        }
        (Some(year), Some(date)) if date.year() != year => {
            let message = format!("the year {year} is not the year of the date {date}");
            issues.push(Issue::new(
                Code::InvalidDate,
                format!("{row}/year"),
                message,
            ));
        }
        _ => {}
    }
    if let (Some(year), Some(period)) = (observation.year_of(), period)
        && (year.saturating_add(10) < period.start || year > period.end.saturating_add(10))
    {
        let message = format!(
            "{year} is more than ten years from the plan's period {}–{}",
            period.start, period.end
        );
        let field = if observation.date.is_some() {
            "date"
        } else {
            "year"
        };
        issues.push(Issue::new(
            Code::YearOutsidePeriod,
            format!("{row}/{field}"),
            message,
        ));
    }
    issues
}

fn csv_error(error: &csv::Error) -> QueryError {
    let line = error
        .position()
        .map_or(1, |p| usize::try_from(p.line()).unwrap_or(1));
    let issue = Issue::new(Code::SyntaxError, "", format!("not CSV: {error}")).at(line, 1);
    QueryError::InvalidInput(vec![issue])
}

/// How a target stands as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProgressStatus {
    /// The latest value reaches the target.
    Met,
    /// The deadline has passed and the latest value does not reach the target.
    Missed,
    /// Not reached yet, but at or ahead of the straight path to the target.
    OnTrack,
    /// Not reached, and short of the straight path to the target.
    Behind,
    /// Not reached and not yet due, with no path to judge the value against: the plan states
    /// no baseline, only one value is observed on or before the date, and no milestone falls
    /// at or before it. An earlier value would give a path. The gap and the pace needed are
    /// given. An increase (新增) with one value and no baseline is `no_baseline` at any date,
    /// with no figures: how much was added is unknown.
    NoBaseline,
    /// No value observed on or before the date.
    NoData,
}

names! {
    ProgressStatus {
        Met = "met",
        Missed = "missed",
        OnTrack = "on_track",
        Behind = "behind",
        NoBaseline = "no_baseline",
        NoData = "no_data",
    }
}

/// A value at a point in time, as the progress of a target uses it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Point {
    /// The year the value is for.
    pub year: u16,
    /// The date, when the observation gives one.
    pub date: Option<Date>,
    /// The value.
    pub value: Decimal,
    /// Where it comes from: the observation's source, or `baseline` / `milestone` of the plan.
    pub source: String,
}

/// A target's progress as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Progress<'a> {
    /// The goal or target id.
    pub target: &'a str,
    /// The id of the task that sets it; `null` for a plan goal.
    pub task: Option<&'a str>,
    /// Where it is stated.
    pub citation: Option<Citation>,
    /// What is counted, as printed.
    pub indicator: &'a Text,
    /// What the target asks: reach, increase, reduce, …
    pub kind: TargetKind,
    /// The target value; `null` for full coverage (100 %).
    pub value: Option<Decimal>,
    /// Its unit.
    pub unit: Option<&'a str>,
    /// What the achieved value is measured against: the target value, or 100 (per cent)
    /// for full coverage; `null` when the target states no number.
    pub goal: Option<f64>,
    /// The last year of the target: its own, or the plan's last.
    pub deadline: Option<u16>,
    /// How it stands.
    pub status: ProgressStatus,
    /// The latest value observed on or before the date.
    pub latest: Option<Point>,
    /// The stated baseline, else the earliest value: where the path to the target starts,
    /// unless it is the only value (then a milestone at or before it starts the path, or
    /// there is none: `no_baseline`).
    pub start: Option<Point>,
    /// What counts towards the target: the latest value, or for an increase (新增) the
    /// latest minus the start; `null` for an increase with one value and no baseline.
    pub achieved: Option<f64>,
    /// Where the straight path stands at the latest value's time; `null` without a path, or
    /// once met or missed.
    pub expected: Option<f64>,
    /// How far the achieved value is from the target (0 when met); `null` where `achieved` is.
    pub gap: Option<f64>,
    /// The achieved value over the target (for a reduction, the target over the value), from
    /// 0 to 1 and 1 only once met: what a bar shows. `null` without an achieved value or a
    /// target value, or short of a target at or below zero.
    pub share: Option<f64>,
    /// The gap divided by the years left to the deadline; `null` without a gap, once met, or
    /// past the deadline.
    pub pace_needed: Option<f64>,
    /// How many values were observed on or before the date.
    pub observations: usize,
}

/// Whether a plan is in force on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Before it was issued, or before its first year.
    NotYetInForce,
    /// Issued, and within its period.
    InForce,
    /// After its last year.
    Ended,
    /// The plan states neither an issue date nor a period.
    Unknown,
}

names! {
    Standing {
        NotYetInForce = "not_yet_in_force",
        InForce = "in_force",
        Ended = "ended",
        Unknown = "unknown",
    }
}

/// A plan's standing on a date, and its targets due by then.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlanStatus<'a> {
    /// The plan's id.
    pub plan: &'a str,
    /// The date asked about.
    pub as_of: Date,
    /// Whether the plan is in force.
    pub standing: Standing,
    /// The date it was issued, if known.
    pub issued: Option<Date>,
    /// Its first and last years, if known.
    pub period: Option<Period>,
    /// The goals and targets whose deadline is on or before the date.
    pub due: Vec<&'a str>,
}

/// Rounds a computed figure for display: four decimals are more than any plan prints.
fn round(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

impl Plan {
    /// The plan's standing on `as_of`, and its targets due by then.
    ///
    /// ```
    /// use srdi_plan::{Date, Standing};
    /// let plan = srdi_plan::wulong();
    /// let status = plan.status(Date::parse("2026-01-01").unwrap());
    /// assert_eq!(status.standing, Standing::Ended);
    /// assert!(status.due.contains(&"goal-2"));
    /// assert_eq!(plan.status(Date::parse("2022-03-01").unwrap()).standing, Standing::NotYetInForce);
    /// ```
    pub fn status(&self, as_of: Date) -> PlanStatus<'_> {
        let data = self.data();
        let issued = data.document.issued.as_deref().and_then(Date::parse);
        let period = data.period;
        let first_day = period.map(|p| Date {
            year: p.start,
            month: 1,
            day: 1,
        });
        let starts = match (issued, first_day) {
            (Some(issued), Some(first)) => Some(issued.max(first)),
            (issued, first) => issued.or(first),
        };
        let standing = match (starts, period) {
            (None, _) => Standing::Unknown,
            (Some(starts), _) if as_of < starts => Standing::NotYetInForce,
            (_, Some(period)) if as_of > Date::end_of(period.end) => Standing::Ended,
            _ => Standing::InForce,
        };
        let due = self
            .target_refs()
            .filter_map(|at| {
                let target = self.get(at)?;
                let deadline = self.deadline(target)?;
                (Date::end_of(deadline) <= as_of).then_some(target.id.as_ref())
            })
            .collect();
        PlanStatus {
            plan: &data.id,
            as_of,
            standing,
            issued,
            period,
            due,
        }
    }

    /// Every goal and target with its progress as of `as_of`, from `observations`.
    ///
    /// ```
    /// use srdi_plan::{Date, ProgressStatus};
    /// let plan = srdi_plan::wulong();
    /// // Synthetic figures, for the example only.
    /// let csv = "target,year,value,source\ngoal-2,2022,4,synthetic\ngoal-2,2024,12,synthetic\n";
    /// let observations = srdi_plan::read_observations(csv.as_bytes()).unwrap();
    /// let progress = plan.progress(&observations, Date::parse("2025-01-01").unwrap()).unwrap();
    /// let goal = progress.iter().find(|p| p.target == "goal-2").unwrap();
    /// assert_eq!(goal.status, ProgressStatus::OnTrack);
    /// assert_eq!(goal.gap, Some(3.0));
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::InvalidInput`] with every problem of the observations: an unknown
    /// target (with the closest ids), a unit other than the target's, a count that is not a
    /// whole number or is negative, a year far outside the plan's period, a value given
    /// twice for the same target and time.
    pub fn progress(
        &self,
        observations: &[Observation],
        as_of: Date,
    ) -> Result<Vec<Progress<'_>>, QueryError> {
        let issues = self.observation_issues(observations, &Pruned::default());
        if !issues.is_empty() {
            return Err(QueryError::InvalidInput(issues));
        }
        Ok(self
            .target_refs()
            .filter_map(|at| self.progress_of(at, observations, as_of))
            .collect())
    }

    /// The last year of a target: its own, or the plan's last.
    fn deadline(&self, target: &Target) -> Option<u16> {
        target.by_year.or(self.data().period.map(|p| p.end))
    }

    /// Reads observations for this plan (a CSV or JSON file's bytes, or a JSON value), and
    /// reports every problem at once: those of their shape (as [`read_observations`]) and
    /// those [`Plan::progress`] finds in the rows that could be read.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let csv = "target,year,value,source\ngoal-2,twenty,9,a\ngoal-9,2023,9,b\n";
    /// let error = plan.read_observations(csv).unwrap_err();
    /// let found: Vec<_> = error.issues().iter().map(|i| (i.code.as_str(), i.path.as_str(), i.line)).collect();
    /// assert_eq!(found, [("wrong_type", "/0/year", Some(2)), ("unknown_target", "/1/target", Some(3))]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::InvalidInput`] with every issue found.
    pub fn read_observations<'a>(
        &self,
        input: impl Into<Input<'a>>,
    ) -> Result<Vec<Observation>, QueryError> {
        observations(input.into(), |observations, pruned| {
            self.observation_issues(observations, pruned)
        })
    }

    /// Every problem of observations that only the plan can tell; `pruned` is what reading
    /// them left out (for a pointer to another row, and a time that was given but dropped).
    fn observation_issues(&self, observations: &[Observation], pruned: &Pruned) -> Vec<Issue> {
        let mut issues = Vec::new();
        let ids: Vec<&str> = self
            .target_refs()
            .filter_map(|at| self.get(at).map(|t| t.id.as_ref()))
            .collect();
        let period = self.data().period;
        // The time of a row whose `year` or `date` was dropped is not known: it repeats none.
        let time_dropped: Vec<bool> = (0..observations.len())
            .map(|i| {
                ["year", "date"]
                    .iter()
                    .any(|f| pruned.dropped(&format!("/{i}/{f}")))
            })
            .collect();
        let timed: Vec<Option<Date>> = (observations.iter().zip(&time_dropped))
            .map(|(observation, &dropped)| observation.day().filter(|_| !dropped))
            .collect();
        for (i, observation) in observations.iter().enumerate() {
            let path = |field: &str| format!("/{i}/{field}");
            let target = match self.item(&observation.target) {
                Some(ItemRef::Target(at)) => self.get(at),
                _ => None,
            };
            let Some(target) = target else {
                let suggestion = crate::query::closest_name(&observation.target, &ids)
                    .map_or_else(String::new, |best| format!("; did you mean `{best}`?"));
                let message = format!(
                    "the plan has no goal or target `{}`{suggestion}",
                    observation.target
                );
                issues.push(Issue::new(Code::UnknownTarget, path("target"), message));
                continue;
            };
            let dropped = time_dropped.get(i).copied().unwrap_or_default();
            issues.extend(time_issues(observation, &format!("/{i}"), dropped, period));
            if let Some(unit) = &observation.unit
                && target.unit.as_deref() != Some(unit.as_str())
            {
                let message = format!(
                    "the value is in `{unit}`, but `{}` counts in `{}`",
                    target.id,
                    target.unit.as_deref().unwrap_or("no unit")
                );
                issues.push(Issue::new(Code::UnitMismatch, path("unit"), message));
            }
            let counts = target
                .unit
                .as_deref()
                .is_some_and(crate::quantity::is_classifier);
            if counts
                && (observation.value.as_whole().is_none()
                    || observation.value < Decimal::default())
            {
                let message = format!(
                    "`{}` counts in `{}`: a value is a whole number of them, at least 0, not {}",
                    target.id,
                    target.unit.as_deref().unwrap_or_default(),
                    observation.value
                );
                issues.push(Issue::new(Code::InvalidValue, path("value"), message));
            }
            // A value for a year stands at its end: `2023` and `2023-12-31` are one time.
            let again = timed.get(i).copied().flatten().and_then(|day| {
                (observations.iter().zip(&timed).take(i)).position(|(other, time)| {
                    other.target == observation.target && *time == Some(day)
                })
            });
            if let Some(first) = again {
                let message = format!(
                    "`{}` has a value for this time already ({})",
                    observation.target,
                    pruned.original(&format!("/{first}"))
                );
                issues.push(Issue::new(
                    Code::DuplicateObservation,
                    path("target"),
                    message,
                ));
            }
        }
        issues
    }

    fn progress_of<'a>(
        &'a self,
        at: TargetRef,
        observations: &[Observation],
        as_of: Date,
    ) -> Option<Progress<'a>> {
        let target = self.get(at)?;
        let deadline = self.deadline(target);
        let now = as_of.as_years();
        let mut seen: Vec<&Observation> = observations
            .iter()
            .filter(|o| o.target == target.id && o.time() <= now)
            .collect();
        seen.sort_by(|a, b| a.time().total_cmp(&b.time()));
        let point = |o: &Observation| Point {
            year: o.year_of().unwrap_or_default(),
            date: o.date,
            value: o.value,
            source: o.source.clone(),
        };
        let stated = |m: &Milestone, source: &str| Point {
            year: m.year,
            date: None,
            value: m.value,
            source: source.to_owned(),
        };
        let latest = seen.last().map(|o| point(o));
        // The path starts at the stated baseline, else at the earliest value if a later one is
        // observed: one value alone would be its own start, always on its path.
        let from = target
            .baseline
            .as_ref()
            .map(|b| stated(b, "baseline"))
            .or_else(|| seen.first().filter(|_| seen.len() > 1).map(|o| point(o)));
        let start = from.clone().or_else(|| seen.first().map(|o| point(o)));
        let course = Course {
            target,
            from: from.as_ref(),
            goal: match (target.kind, target.value) {
                (TargetKind::FullCoverage, None) => Some(100.0),
                (_, value) => value.map(Decimal::to_f64),
            },
            due: deadline.map(|d| f64::from(d) + 1.0),
        };
        let achieved = latest
            .as_ref()
            .and_then(|l| Some(l.value.to_f64() - course.origin()?));
        let judged = match (&latest, achieved) {
            (None, _) => Judged::default(),
            // An increase with nothing to count from: how much was added is unknown.
            (Some(_), None) => Judged {
                status: ProgressStatus::NoBaseline,
                ..Judged::default()
            },
            (Some(_), Some(value)) => {
                course.judge(value, now, seen.last().map_or(now, |o| o.time()))
            }
        };
        let share = achieved.and_then(|value| course.share(value));
        let view = self.target_view(at)?;
        Some(Progress {
            target: &target.id,
            task: view.task,
            citation: view.citation,
            indicator: &target.indicator,
            kind: target.kind,
            value: target.value,
            unit: target.unit.as_deref(),
            goal: course.goal,
            deadline,
            status: judged.status,
            observations: seen.len(),
            latest,
            start,
            achieved: achieved.map(round),
            expected: judged.expected.map(round),
            gap: judged.gap.map(round),
            share: share.map(round),
            pace_needed: judged.pace.map(round),
        })
    }
}

/// A target, where its path starts and where it ends: what a status is judged against.
struct Course<'a> {
    target: &'a Target,
    /// The path's first point, when it has one: a stated baseline, or an earlier value.
    from: Option<&'a Point>,
    /// The target value (100 for full coverage); `None` when the target states none.
    goal: Option<f64>,
    /// The end of the deadline year, in years.
    due: Option<f64>,
}

/// A status with its figures, before rounding.
struct Judged {
    status: ProgressStatus,
    expected: Option<f64>,
    gap: Option<f64>,
    pace: Option<f64>,
}

impl Default for Judged {
    fn default() -> Self {
        Self {
            status: ProgressStatus::NoData,
            expected: None,
            gap: None,
            pace: None,
        }
    }
}

impl Course<'_> {
    /// What an increase (新增) counts from: the path's first point (none without one);
    /// other targets count from zero.
    fn origin(&self) -> Option<f64> {
        match self.target.kind {
            TargetKind::Increase => self.from.map(|from| from.value.to_f64()),
            _ => Some(0.0),
        }
    }

    /// The achieved `value` over the goal (the goal over the value for a reduction), from 0
    /// to 1. Short of the goal stays short of 1 once rounded to four places.
    fn share(&self, value: f64) -> Option<f64> {
        let goal = self.goal?;
        if self.reaches(value, goal) {
            return Some(1.0);
        }
        if goal <= 0.0 {
            return None;
        }
        // Short of a reduction's goal, the value is above the goal, so above zero.
        let share = if self.target.kind == TargetKind::Reduce {
            goal / value
        } else {
            value / goal
        };
        Some(share.clamp(0.0, 0.9999))
    }

    /// Whether `value` is at or beyond `bound` in the target's direction.
    fn reaches(&self, value: f64, bound: f64) -> bool {
        if self.target.kind == TargetKind::Reduce {
            value <= bound
        } else {
            value >= bound
        }
    }

    /// The status of the achieved `value`, observed at time `at`, on date `now`.
    fn judge(&self, value: f64, now: f64, at: f64) -> Judged {
        let Some(goal) = self.goal else {
            return Judged::default();
        };
        let gap = if self.target.kind == TargetKind::Reduce {
            value - goal
        } else {
            goal - value
        }
        .max(0.0);
        let judged = |status, expected, pace| Judged {
            status,
            expected,
            gap: Some(gap),
            pace,
        };
        if self.reaches(value, goal) {
            return judged(ProgressStatus::Met, None, None);
        }
        if self.due.is_some_and(|due| now > due) {
            return judged(ProgressStatus::Missed, None, None);
        }
        let left = self.due.map(|due| due - now).filter(|left| *left > 0.0);
        let pace = left.map(|left| gap / left);
        let Some(expected) = self.path(goal, at) else {
            // No path: none to start from, or (with a start) no deadline to end at, which
            // judges nothing behind, as ever.
            let status = if self.from.is_none() {
                ProgressStatus::NoBaseline
            } else {
                ProgressStatus::OnTrack
            };
            return judged(status, None, pace);
        };
        let status = if !self.reaches(value, expected) && (value - expected).abs() > 1e-9 {
            ProgressStatus::Behind
        } else {
            ProgressStatus::OnTrack
        };
        judged(status, Some(expected), pace)
    }

    /// Where the straight path from the start through the target's milestones to `goal` at
    /// the deadline stands at time `at`, counted as `achieved` is.
    fn path(&self, goal: f64, at: f64) -> Option<f64> {
        let origin = self.origin()?;
        let mut points: Vec<(f64, f64)> = Vec::new();
        if let Some(from) = self.from {
            points.push((
                from.date.map_or(f64::from(from.year) + 1.0, Date::as_years),
                from.value.to_f64() - origin,
            ));
        }
        for milestone in self.target.milestones.iter() {
            points.push((
                f64::from(milestone.year) + 1.0,
                milestone.value.to_f64() - origin,
            ));
        }
        points.push((self.due?, goal));
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        let after = points.iter().position(|(time, _)| *time >= at)?;
        let (t1, v1) = *points.get(after)?;
        let Some(&(t0, v0)) = after.checked_sub(1).and_then(|before| points.get(before)) else {
            // Before the path's first point: a value before a stated baseline is compared with
            // the baseline; without a start, a milestone or the target still ahead says
            // nothing of where the value should be.
            return (self.from.is_some() || t1 <= at).then_some(v1);
        };
        Some(if t1 > t0 {
            v0 + (v1 - v0) * (at - t0) / (t1 - t0)
        } else {
            v1
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bar's share: the value over the target (the target over the value for a reduction),
    /// 1 only once met, none short of a target at or below zero.
    #[test]
    fn a_share_is_short_of_one_until_met() {
        let share = |kind: &str, goal: f64, value: f64| {
            let target: Target = serde_json::from_value(serde_json::json!({
                "id": "t", "indicator": {"zh": "户数", "en": "count"},
                "text": {"zh": "达到", "en": "reach"}, "kind": kind, "value": 1,
            }))
            .unwrap();
            let course = Course {
                target: &target,
                from: None,
                goal: Some(goal),
                due: None,
            };
            course.share(value)
        };
        assert_eq!(share("reach", 200.0, 150.0), Some(0.75));
        assert_eq!(share("reach", 200.0, 199.999), Some(0.9999));
        assert_eq!(share("reach", 200.0, 250.0), Some(1.0));
        assert_eq!(share("reach", 200.0, -5.0), Some(0.0));
        assert_eq!(share("reduce", 4.0, 5.0), Some(0.8));
        assert_eq!(share("reduce", 4.0, 0.0), Some(1.0));
        for goal in [0.0, -5.0] {
            assert_eq!(share("reach", goal, goal), Some(1.0));
            assert_eq!(share("reduce", goal, goal), Some(1.0));
            assert_eq!(share("reach", goal, -10.0), None);
            assert_eq!(share("reduce", goal, 3.0), None);
        }
    }

    /// One value and no stated baseline draw no path: neither on track nor behind, though
    /// the gap and the pace needed stand; met and missed need no path, a milestone at or
    /// before the value starts one, and an increase with nothing to count from has no gap.
    #[test]
    fn one_value_without_a_baseline_is_no_baseline_not_on_track() {
        let judge = |plan: &Plan, csv: &str, target: &str, as_of: &str| {
            let csv = format!("target,year,value,source\n{csv}");
            let observations = read_observations(csv.as_bytes()).unwrap();
            let progress = plan
                .progress(&observations, Date::parse(as_of).unwrap())
                .unwrap();
            let p = progress.into_iter().find(|p| p.target == target).unwrap();
            (p.status, p.expected, p.gap, p.pace_needed)
        };
        let wulong = crate::wulong();
        let one = "goal-1,2023,10,synthetic\n";
        assert_eq!(
            judge(wulong, one, "goal-1", "2024-01-01"),
            (ProgressStatus::NoBaseline, None, Some(190.0), Some(95.13))
        );
        // A value after the date is not observed yet.
        let later = format!("{one}goal-1,2025,150,synthetic\n");
        assert_eq!(
            judge(wulong, &later, "goal-1", "2024-01-01").0,
            ProgressStatus::NoBaseline
        );
        let two = format!("{one}goal-1,2022,5,synthetic\n");
        assert_eq!(
            judge(wulong, &two, "goal-1", "2024-01-01").0,
            ProgressStatus::Behind
        );
        assert_eq!(
            judge(wulong, one, "goal-1", "2026-06-01").0,
            ProgressStatus::Missed
        );
        let met = "goal-1,2023,200,synthetic\n";
        assert_eq!(
            judge(wulong, met, "goal-1", "2024-01-01").0,
            ProgressStatus::Met
        );
        // 新增上市企业25家, no baseline: one level says nothing of how many were added.
        let observations =
            read_observations(b"target,year,value,source\ngoal-4,2024,200,s\n").unwrap();
        let increase = crate::chongqing()
            .progress(&observations, Date::parse("2026-06-01").unwrap())
            .unwrap()
            .into_iter()
            .find(|p| p.target == "goal-4")
            .unwrap();
        assert_eq!(increase.status, ProgressStatus::NoBaseline);
        assert_eq!(
            (
                increase.achieved,
                increase.gap,
                increase.share,
                increase.pace_needed
            ),
            (None, None, None, None)
        );
        // Reach 150 by 2027, 100 by 2025 (synthetic): the milestone is the path's start.
        let monitoring =
            Plan::from_json(include_str!("../../../tests/plans/monitoring.json")).unwrap();
        let at_milestone = |value: u32| {
            judge(
                &monitoring,
                &format!("goal-3,2025,{value},synthetic\n"),
                "goal-3",
                "2026-01-01",
            )
        };
        let (status, expected, ..) = at_milestone(110);
        assert_eq!((status, expected), (ProgressStatus::OnTrack, Some(100.0)));
        let (status, expected, ..) = at_milestone(90);
        assert_eq!((status, expected), (ProgressStatus::Behind, Some(100.0)));
        // Before the milestone there is no path yet; between it and the deadline, the path
        // runs from the milestone to the target.
        let before = judge(&monitoring, "goal-3,2024,90,s\n", "goal-3", "2025-01-01");
        assert_eq!(before.0, ProgressStatus::NoBaseline);
        let between = judge(&monitoring, "goal-3,2026,120,s\n", "goal-3", "2027-01-01");
        assert_eq!(
            (between.0, between.1),
            (ProgressStatus::Behind, Some(125.0))
        );
        // Without a deadline (no period, no year) there is no path even from a stated
        // baseline: nothing is judged behind, as before this status.
        let mut undated: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/plans/monitoring.json")).unwrap();
        undated.as_object_mut().unwrap().remove("period");
        undated["goals"][0]
            .as_object_mut()
            .unwrap()
            .remove("by_year");
        let undated = Plan::from_json(&undated.to_string()).unwrap();
        let (status, expected, ..) = judge(&undated, "goal-1,2024,5,s\n", "goal-1", "2025-01-01");
        assert_eq!((status, expected), (ProgressStatus::OnTrack, None));
    }

    #[test]
    fn dates_are_checked_to_the_day() {
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-1-01",
            "24-01-01",
            "2024-01-32",
            "２０２４-01-01",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(
            Date::parse("2000-02-29").map(|d| d.to_string()).as_deref(),
            Some("2000-02-29")
        );
        assert!(Date::parse("1900-02-29").is_none());
        assert_eq!(Date::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix_days(11_016).to_string(), "2000-02-29");
        assert!((Date::end_of(2024).as_years() - 2025.0).abs() < 1e-12);
    }

    #[test]
    fn years_at_the_edge_of_the_type_are_errors_not_panics() {
        let plan = crate::wulong();
        let text = r#"[{"target": "goal-2", "year": 65535, "value": 1, "source": "synthetic"}]"#;
        let observations = read_observations(text.as_bytes()).unwrap();
        let error = plan
            .progress(&observations, Date::end_of(2025))
            .unwrap_err();
        assert_eq!(error.issues()[0].code, Code::YearOutsidePeriod);
    }

    /// What holds no observations, or holds them in a way the reader would have to guess,
    /// is an error with a code: never zero observations, and never a silent pick.
    #[test]
    fn files_that_are_not_observations_are_errors() {
        let codes = |text: &str| -> Vec<(Code, Option<usize>)> {
            let error = read_observations(text.as_bytes()).expect_err(text);
            error.issues().iter().map(|i| (i.code, i.line)).collect()
        };
        let header = "target,year,value,source\n";
        for empty in ["", " \n\t"] {
            assert_eq!(codes(empty), [(Code::SyntaxError, Some(1))]);
        }
        for scalar in ["null", "42", "true", "\"x\""] {
            assert_eq!(codes(scalar), [(Code::WrongType, None)], "{scalar}");
        }
        // A first row of data is no header, even with no row after it.
        assert!(codes("goal-2,2023,6,x\n").contains(&(Code::MissingField, Some(1))));
        assert_eq!(
            codes("target,year,source,value,value\ngoal-2,2023,x,6,7\n"),
            [(Code::DuplicateKey, Some(1))]
        );
        assert_eq!(
            codes(&format!("{header}goal-2,2023,6,\"x\n")),
            [(Code::SyntaxError, Some(2))]
        );
        // A quote inside a cell, and a quote written twice inside a quoted cell, are text.
        for quoted in [r#"the 5" report"#, r#""a ""b"", c""#] {
            let text = format!("{header}goal-2,2023,6,{quoted}\n");
            assert_eq!(
                read_observations(text.as_bytes()).unwrap().len(),
                1,
                "{quoted}"
            );
        }
        assert_eq!(
            codes(&format!("{header}goal-2,2023,6,a\u{1}b\n")),
            [(Code::ControlCharacter, Some(2))]
        );
        assert_eq!(read_observations(header.as_bytes()).unwrap(), []);
    }

    /// The plan's checks run on what the shape lets through, and say nothing about what the
    /// shape check said or dropped: a time written wrong is neither missing nor a repeat.
    #[test]
    fn the_plan_checks_what_could_be_read_and_no_more() {
        use std::fmt::Write as _;

        let plan = crate::wulong();
        let found = |text: &str| -> Vec<(Code, String, Option<usize>)> {
            let error = plan.read_observations(text).expect_err(text);
            let issues = error.issues().iter();
            issues.map(|i| (i.code, i.path.clone(), i.line)).collect()
        };
        let issue = |code, path: &str, line| (code, path.to_owned(), line);
        // Dates off the calendar or not written YYYY-MM-DD are dropped from their rows.
        let dates = r#"[{"target": "goal-2", "date": "2023-02-30", "value": 1, "source": "s"},
            {"target": "goal-9", "year": 2023, "value": 1, "source": "s"},
            {"target": "goal-2", "date": 20230101, "value": 1, "source": "s"}]"#;
        assert_eq!(
            found(dates),
            [
                issue(Code::InvalidDate, "/0/date", None),
                issue(Code::WrongType, "/2/date", None),
                issue(Code::UnknownTarget, "/1/target", None),
            ]
        );
        // Two years written as words are two wrong types, not a repeated time.
        let words = "target,year,value,source\ngoal-2,twenty,5,s\ngoal-2,thirty,6,s\n";
        assert_eq!(
            found(words),
            [
                issue(Code::WrongType, "/0/year", Some(2)),
                issue(Code::WrongType, "/1/year", Some(3)),
            ]
        );
        // No time at all is the plan's to say, whatever columns the header has.
        for header in ["target,date,value,source", "target,value,source"] {
            let text = format!(
                "{header}\ngoal-2,{}5,s\n",
                if header.contains("date") { "," } else { "" }
            );
            assert_eq!(
                found(&text),
                [issue(Code::MissingField, "/0/year", Some(2))]
            );
        }
        // A time is judged at the field it was read from, and a row whose time was dropped
        // repeats no other.
        let far = r#"[{"target": "goal-2", "date": "2050-01-01", "value": 1, "source": "s"}]"#;
        assert_eq!(
            found(far),
            [issue(Code::YearOutsidePeriod, "/0/date", None)]
        );
        let dropped =
            "target,year,value,source,date\ngoal-2,2023,1,s,2023-02-30\ngoal-2,2023,1,s,\n";
        assert_eq!(
            found(dropped),
            [issue(Code::InvalidDate, "/0/date", Some(2))]
        );
        // A repeated column is read, and located, at its last cell; a cell at its own line.
        let repeated = "target,year,value,source,year\ngoal-2,2023,1,s,twenty\n";
        assert_eq!(
            found(repeated),
            [
                issue(Code::DuplicateKey, "", Some(1)),
                issue(Code::WrongType, "/0/year", Some(2))
            ]
        );
        assert_eq!(
            plan.read_observations(repeated).unwrap_err().issues()[1].column,
            Some(5)
        );
        let spanning = "source,target,year,value\n\"two\nlines\",goal-2,twenty,5\n";
        assert_eq!(
            found(spanning),
            [issue(Code::WrongType, "/0/year", Some(3))]
        );
        // Lines with no value in any cell are skipped, as blank lines are; a lone CR breaks a
        // line as LF does.
        let sparse = "  \ntarget,year,value,source\n ,\t\ngoal-9,2023,1,s\n,,,\rgoal-8,2023,1,s\n";
        assert_eq!(
            found(sparse),
            [
                issue(Code::UnknownTarget, "/0/target", Some(4)),
                issue(Code::UnknownTarget, "/1/target", Some(6)),
            ]
        );
        // Rows after blank lines are located on their own lines, CRLF or not.
        let blank = "target,year,value,source\r\n\r\ngoal-9,2023,1,s\r\n\ngoal-8,2023,1,s\n";
        assert_eq!(
            found(blank),
            [
                issue(Code::UnknownTarget, "/0/target", Some(3)),
                issue(Code::UnknownTarget, "/1/target", Some(5)),
            ]
        );
        // Lines are counted on through many rows, lone CRs and blank lines among them.
        let mut many = String::from("target,year,value,source\n");
        for goal in 1..=4 {
            for year in 2022..=2025 {
                let _ = write!(many, "goal-{goal},{year},1,s\r\r\n");
            }
        }
        many.push_str("goal-9,2023,1,s\n");
        assert_eq!(
            found(&many),
            [issue(Code::UnknownTarget, "/16/target", Some(34))]
        );
    }
}
