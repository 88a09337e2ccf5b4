//! Errors and validation issues.
//!
//! Loading gives a [`Plan`](crate::Plan) or a [`PlanError`]; every problem found in a plan
//! file is an [`Issue`] with a stable [`Code`], a JSON Pointer `path` and a message, so that
//! tools can act on the code and people can read the message. A question that cannot be
//! answered is a [`QueryError`]. Every code of either kind is one [`Code`]: the bindings'
//! type declarations are generated from [`Code::ALL`].

use crate::answer::NameKind;

/// How bad an issue is: errors make a plan unusable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The plan is rejected.
    Error,
    /// The plan loads, but something looks wrong.
    Warning,
}

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// A stable, machine-readable code: of an [`Issue`] in a plan file, or of an error.
        /// Serialized in `snake_case`; never renamed.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Self::$variant,)*];

            /// The `snake_case` name, as serialized.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }
        }
    };
}

codes! {
    // Reading the input.
    /// The input is larger than [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    TooLarge = "too_large",
    /// The input nests arrays and objects deeper than [`MAX_DEPTH`](crate::MAX_DEPTH).
    TooDeep = "too_deep",
    /// The input is not UTF-8 text (the issue gives the byte `offset`).
    InvalidEncoding = "invalid_encoding",
    /// The input starts with a byte order mark, which was ignored (a warning).
    ByteOrderMark = "byte_order_mark",
    /// The input is not well-formed JSON.
    SyntaxError = "syntax_error",
    /// A string holds a control character (U+0000–U+001F other than tab, line feed and
    /// carriage return, or U+007F), which no text of a plan prints.
    ControlCharacter = "control_character",
    // The shape of the JSON.
    /// A value has the wrong JSON type, e.g. an array where the format has an object.
    WrongType = "wrong_type",
    /// A required field is missing.
    MissingField = "missing_field",
    /// A field the format does not define.
    UnknownField = "unknown_field",
    /// A string that is not one of the values the field allows.
    UnknownValue = "unknown_value",
    /// A number outside the range of its field.
    OutOfRange = "out_of_range",
    /// An object names the same key twice.
    DuplicateKey = "duplicate_key",
    // The rules of a plan.
    /// Two items share an id.
    DuplicateId = "duplicate_id",
    /// An id is not a lowercase ASCII slug, or looks like the id of another item.
    InvalidId = "invalid_id",
    /// Numbered items do not run 1, 2, 3… without gaps.
    BadNumbering = "bad_numbering",
    /// A partial plan lacks numbered items (a warning saying which).
    MissingItems = "missing_items",
    /// A complete plan has more or fewer items than its declared totals.
    CountMismatch = "count_mismatch",
    /// A task names a section that does not exist.
    UnknownSection = "unknown_section",
    /// A task comes after a task of a later section.
    SectionOrder = "section_order",
    /// A section has no task.
    EmptySection = "empty_section",
    /// A reference to a unit that does not exist.
    UnknownUnit = "unknown_unit",
    /// A reference to a tier, group or defined term that does not exist.
    UnknownGroup = "unknown_group",
    /// A defined term that stands for nothing.
    EmptyTerm = "empty_term",
    /// A reference to an entity that does not exist.
    UnknownEntity = "unknown_entity",
    /// A task ends up with no responsible unit.
    NoResponsibleUnit = "no_responsible_unit",
    /// A responsibility line does not name exactly the listed units, in their roles and order.
    ResponsibilityMismatch = "responsibility_mismatch",
    /// A quoted clause, name or quantity does not stand in the text it is taken from.
    QuoteNotFound = "quote_not_found",
    /// A target counts a group its clause does not name (a warning: check `group`).
    GroupNotNamed = "group_not_named",
    /// A target without a value, though its kind needs one.
    MissingValue = "missing_value",
    /// A printed quantity that does not read as the value and unit stored beside it.
    QuantityMismatch = "quantity_mismatch",
    /// A printed quantity that is no number (翻一番, 一百万元), so its value is unchecked and
    /// no interpretation says how it was read (a warning).
    UnreadQuantity = "unread_quantity",
    /// An approval that names neither a meeting nor a statement.
    InvalidApproval = "invalid_approval",
    /// A JSON Pointer (of an inferred value) that points at nothing in the file.
    UnknownPath = "unknown_path",
    /// A count or amount that must be positive is zero.
    NotPositive = "not_positive",
    /// A year outside the plan's period.
    YearOutsidePeriod = "year_outside_period",
    /// A period that ends before it starts.
    InvalidPeriod = "invalid_period",
    /// A date that is not a valid `YYYY-MM-DD`.
    InvalidDate = "invalid_date",
    /// A currency that is not an ISO 4217 code.
    InvalidCurrency = "invalid_currency",
    /// A text whose Chinese is empty.
    EmptyText = "empty_text",
    /// A text whose English is empty.
    MissingTranslation = "missing_translation",
    /// Two units, or two entities, share a name as lookups read names (setting aside spaces,
    /// quotation marks and case), so lookups by name would be ambiguous.
    DuplicateName = "duplicate_name",
    /// A unit no item refers to.
    UnusedUnit = "unused_unit",
    /// An entity no item refers to.
    UnusedEntity = "unused_entity",
    /// A condition or profile names a fact the plan does not declare.
    UnknownFact = "unknown_fact",
    // Observations of progress.
    /// An observation names a goal or target the plan does not have.
    UnknownTarget = "unknown_target",
    /// An observation's unit is not its target's.
    UnitMismatch = "unit_mismatch",
    /// A value that cannot be one of its target's: a negative or fractional count.
    InvalidValue = "invalid_value",
    /// Two observations of the same target for the same year or date.
    DuplicateObservation = "duplicate_observation",
    // Errors of the API.
    /// The input is JSON, but not a valid plan (the error carries every issue).
    InvalidPlan = "invalid_plan",
    /// A unit, tier, instrument, task, … that the plan does not have.
    UnknownName = "unknown_name",
    /// A search for nothing.
    EmptySearch = "empty_search",
    /// An argument of the wrong type or out of range, or an unknown option.
    InvalidArgument = "invalid_argument",
    /// A plan file could not be read (missing, a directory, no permission).
    Unreadable = "unreadable",
    /// A profile, scenario or set of observations that is not valid for the plan (the error
    /// carries every issue).
    InvalidInput = "invalid_input",
}

impl Code {
    /// The severity of an issue with this code. Warnings: the plan loads, but look.
    pub fn severity(self) -> Severity {
        match self {
            Self::ByteOrderMark
            | Self::EmptySection
            | Self::MissingItems
            | Self::EmptyTerm
            | Self::GroupNotNamed
            | Self::UnreadQuantity
            | Self::NoResponsibleUnit
            | Self::MissingTranslation
            | Self::UnusedUnit
            | Self::UnusedEntity => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a plan file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = srdi_plan))]
pub struct Issue {
    /// What kind of problem.
    pub code: Code,
    /// Where: a JSON Pointer (RFC 6901) into the input, `""` for the whole document.
    pub path: String,
    /// What is wrong, for people.
    pub message: String,
    /// Error or warning; always `code.severity()`.
    pub severity: Severity,
    /// 1-based line in the input, for problems found while parsing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column in the input, for problems found while parsing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// 0-based byte offset in the input, for an `invalid_encoding`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<usize>,
}

impl Issue {
    /// An issue at `path`, with the severity of its code.
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code,
            path: path.into(),
            message: message.into(),
            severity: code.severity(),
            line: None,
            column: None,
            offset: None,
        }
    }

    /// The same issue, located at a line and column of the input.
    #[must_use]
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Whether the issue makes the plan unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}[{}]", self.code)?;
        // The whole input has the empty pointer; `/` would be the pointer of a key "".
        if !self.path.is_empty() {
            write!(f, " {}", self.path)?;
        }
        write!(f, ": {}", self.message)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

/// Why a plan could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PlanError {
    /// The input is over a limit (too large or too deep) and was not read. Holds the one
    /// issue that says which.
    #[error("{0}")]
    Limit(Issue),
    /// The input is not text or not well-formed JSON. Holds the one issue that says where.
    #[error("{0}")]
    Syntax(Issue),
    /// The input is JSON, but not a valid plan. Holds every issue found, warnings included.
    #[error("{}", summarize("plan", .0))]
    Invalid(Vec<Issue>),
}

impl PlanError {
    /// Every issue behind the error, in the order found.
    pub fn issues(&self) -> &[Issue] {
        match self {
            Self::Limit(issue) | Self::Syntax(issue) => std::slice::from_ref(issue),
            Self::Invalid(issues) => issues,
        }
    }

    /// The error's code: `too_large`, `too_deep`, `invalid_encoding`, `syntax_error` or
    /// `invalid_plan`.
    pub fn code(&self) -> Code {
        match self {
            Self::Limit(issue) | Self::Syntax(issue) => issue.code,
            Self::Invalid(_) => Code::InvalidPlan,
        }
    }
}

fn summarize(what: &str, issues: &[Issue]) -> String {
    let errors: Vec<&Issue> = issues.iter().filter(|issue| issue.is_error()).collect();
    match errors.as_slice() {
        [] => format!("invalid {what}"),
        [only] => format!("invalid {what}: {only}"),
        [first, rest @ ..] => format!(
            "invalid {what}: {first} (and {} more error{})",
            rest.len(),
            if rest.len() == 1 { "" } else { "s" }
        ),
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
        /// The closest valid names, best first (at most three); every name of a short list
        /// (instruments, tiers) when none is close; or the valid range.
        suggestions: Vec<String>,
    },
    /// A search for nothing.
    #[error("the search text is empty")]
    EmptySearch,
    /// An argument of the wrong type or out of range, or an unknown option.
    #[error("{0}")]
    InvalidArgument(String),
    /// A profile, scenario or set of observations with problems: every issue, each with its
    /// JSON Pointer.
    #[error("{}", summarize("input", .0))]
    InvalidInput(Vec<Issue>),
}

/// The issues of the input at `position` of a list, each path starting with the position.
pub(crate) fn at_position(issues: Vec<Issue>, position: usize) -> Vec<Issue> {
    issues
        .into_iter()
        .map(|mut issue| {
            issue.path = format!("/{position}{}", issue.path);
            issue
        })
        .collect()
}

/// The issues of a check of an input: none if it passed.
pub(crate) fn issues_of<T>(checked: Result<T, QueryError>) -> Vec<Issue> {
    checked
        .err()
        .map(|error| error.issues().to_vec())
        .unwrap_or_default()
}

impl QueryError {
    /// The error of the input at `position` of a list: the path of each issue starts with
    /// the position (`/1/tiers/0`). Any other error is as it is.
    ///
    /// ```
    /// let error = srdi_plan::wulong().read_profile(r#"{"tiers": ["srdi"]}"#).unwrap_err();
    /// assert_eq!(error.at_position(1).issues()[0].path, "/1/tiers/0");
    /// ```
    #[must_use]
    pub fn at_position(self, position: usize) -> Self {
        match self {
            Self::InvalidInput(issues) => Self::InvalidInput(at_position(issues, position)),
            other => other,
        }
    }

    /// The error's code: `unknown_name`, `empty_search`, `invalid_argument` or
    /// `invalid_input`.
    pub fn code(&self) -> Code {
        match self {
            Self::UnknownName { .. } => Code::UnknownName,
            Self::EmptySearch => Code::EmptySearch,
            Self::InvalidArgument(_) => Code::InvalidArgument,
            Self::InvalidInput(_) => Code::InvalidInput,
        }
    }

    /// Every issue of an invalid profile, scenario or set of observations.
    pub fn issues(&self) -> &[Issue] {
        match self {
            Self::InvalidInput(issues) => issues,
            _ => &[],
        }
    }

    /// The closest valid names, for an unknown name.
    pub fn suggestions(&self) -> &[String] {
        match self {
            Self::UnknownName { suggestions, .. } => suggestions,
            _ => &[],
        }
    }
}

/// An error as every surface shows it: the CLI prints it with `--json`, Python's exceptions
/// and JS's errors carry these fields. Fields that do not apply are left out.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorReport {
    /// The error's code.
    pub code: Code,
    /// What went wrong, for people.
    pub message: String,
    /// For `unknown_name`: what kind of name was looked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<NameKind>,
    /// For `unknown_name`: the name as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// For `unknown_name`: the closest valid names, or the valid range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Vec<String>>,
    /// For a plan that could not be loaded: every issue found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issues: Option<Vec<Issue>>,
    /// For a syntax error: the 1-based line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// For a syntax error: the 1-based column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// For an encoding error: the 0-based byte offset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<usize>,
}

impl ErrorReport {
    /// The name of the exception class that carries this error in Python and JavaScript:
    /// `PlanLimitError`, `PlanSyntaxError`, `PlanValidationError`, `UnknownNameError` or
    /// `QueryError`. (An argument of the wrong type, which a binding finds before the core
    /// sees it, is a `TypeError` with code `invalid_argument`: in Python, the
    /// `InvalidArgumentError` subclass of `QueryError`.)
    pub fn class(&self) -> &'static str {
        match self.code {
            Code::TooLarge | Code::TooDeep => "PlanLimitError",
            Code::SyntaxError | Code::InvalidEncoding => "PlanSyntaxError",
            Code::UnknownName => "UnknownNameError",
            // Python raises its own `OSError` for a file it cannot read; JavaScript reads none.
            Code::Unreadable => "OSError",
            Code::EmptySearch | Code::InvalidArgument => "QueryError",
            Code::InvalidInput => "InputError",
            _ => "PlanValidationError",
        }
    }

    fn new(code: Code, message: String) -> Self {
        Self {
            code,
            message,
            kind: None,
            value: None,
            suggestions: None,
            issues: None,
            line: None,
            column: None,
            offset: None,
        }
    }
}

impl PlanError {
    /// The error as every surface shows it.
    pub fn report(&self) -> ErrorReport {
        let mut report = ErrorReport::new(self.code(), self.to_string());
        report.issues = Some(self.issues().to_vec());
        if let Self::Syntax(issue) = self {
            report.line = issue.line;
            report.column = issue.column;
            report.offset = issue.offset;
        }
        report
    }
}

impl crate::FileError {
    /// The error as every surface shows it; a file that cannot be read has code `unreadable`.
    pub fn report(&self) -> ErrorReport {
        match self {
            Self::Plan(error) => error.report(),
            Self::Input(error) => error.report(),
            Self::Unreadable { .. } => ErrorReport::new(Code::Unreadable, self.to_string()),
        }
    }
}

impl From<crate::FileError> for ErrorReport {
    fn from(error: crate::FileError) -> Self {
        error.report()
    }
}

impl QueryError {
    /// The error as every surface shows it.
    pub fn report(&self) -> ErrorReport {
        let mut report = ErrorReport::new(self.code(), self.to_string());
        if let Self::UnknownName {
            kind,
            name,
            suggestions,
        } = self
        {
            report.kind = Some(*kind);
            report.value = Some(name.clone());
            report.suggestions = Some(suggestions.clone());
        }
        if let Self::InvalidInput(issues) = self {
            report.issues = Some(issues.clone());
        }
        report
    }
}

impl From<PlanError> for ErrorReport {
    fn from(error: PlanError) -> Self {
        error.report()
    }
}

impl From<QueryError> for ErrorReport {
    fn from(error: QueryError) -> Self {
        error.report()
    }
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        few if few.len() <= 3 => format!("; did you mean one of {}?", few.join(", ")),
        all => format!("; the names there are: {}", all.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_str_is_the_serde_name() {
        for code in Code::ALL {
            assert_eq!(
                serde_json::to_string(code).unwrap(),
                format!("\"{}\"", code.as_str())
            );
        }
    }

    #[test]
    fn invalid_error_names_the_first_error_and_counts_the_rest() {
        let error = PlanError::Invalid(vec![
            Issue::new(Code::UnusedUnit, "/units/0", "never used"),
            Issue::new(
                Code::UnknownUnit,
                "/sections/0/responsibility/units/1",
                "no unit `x`",
            ),
            Issue::new(Code::BadNumbering, "/tasks/6/number", "task 6 is missing"),
        ]);
        assert_eq!(
            error.to_string(),
            "invalid plan: error[unknown_unit] /sections/0/responsibility/units/1: no unit `x` \
             (and 1 more error)"
        );
        assert_eq!(error.code(), Code::InvalidPlan);
    }
}
