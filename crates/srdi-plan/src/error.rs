//! Errors and validation issues.
//!
//! Loading either gives a [`Plan`](crate::Plan) or a [`PlanError`]; every problem found in a
//! plan file is an [`Issue`] with a stable [`Code`], a JSON Pointer `path` and a message, so
//! tools can act on the code and people can read the message.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How bad an issue is: errors make a plan unusable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The plan is rejected.
    Error,
    /// The plan loads, but something looks wrong.
    Warning,
}

/// A stable, machine-readable issue code. Serialized in `snake_case`; never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// The input is larger than [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    TooLarge,
    /// The input nests arrays and objects deeper than [`MAX_DEPTH`](crate::MAX_DEPTH).
    TooDeep,
    /// The input is not well-formed JSON.
    SyntaxError,
    /// A value has the wrong type, or a required field is missing.
    InvalidShape,
    /// A field the format does not define.
    UnknownField,
    /// Two items share an id.
    DuplicateId,
    /// An id is not a lowercase ASCII slug (`a-z`, `0-9`, `-`).
    InvalidId,
    /// Numbered items do not run 1, 2, 3… without gaps.
    BadNumbering,
    /// A task names a section that does not exist.
    UnknownSection,
    /// A task comes after a task of a later section.
    SectionOrder,
    /// A section has no task.
    EmptySection,
    /// A reference to a unit that does not exist.
    UnknownUnit,
    /// A reference to a tier or defined term that does not exist.
    UnknownTier,
    /// A reference to an entity that does not exist.
    UnknownEntity,
    /// A task ends up with no responsible unit.
    NoResponsibleUnit,
    /// A 责任单位 list does not name exactly the units of its printed text, in its order.
    ResponsibilityMismatch,
    /// A count or amount that must be positive is zero.
    NotPositive,
    /// A year outside the plan's period.
    YearOutsidePeriod,
    /// A period that ends before it starts.
    InvalidPeriod,
    /// A date that is not a valid `YYYY-MM-DD`.
    InvalidDate,
    /// A currency that is not an ISO 4217 code.
    InvalidCurrency,
    /// A text whose Chinese is empty.
    EmptyText,
    /// A text whose English is empty.
    MissingTranslation,
    /// Two units share a name, so lookups by name would be ambiguous.
    DuplicateName,
    /// A unit no item refers to.
    UnusedUnit,
    /// An entity no item refers to.
    UnusedEntity,
}

impl Code {
    /// The severity every issue of this code has.
    pub fn severity(self) -> Severity {
        match self {
            Self::EmptySection
            | Self::MissingTranslation
            | Self::UnusedUnit
            | Self::UnusedEntity => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The `snake_case` name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TooLarge => "too_large",
            Self::TooDeep => "too_deep",
            Self::SyntaxError => "syntax_error",
            Self::InvalidShape => "invalid_shape",
            Self::UnknownField => "unknown_field",
            Self::DuplicateId => "duplicate_id",
            Self::InvalidId => "invalid_id",
            Self::BadNumbering => "bad_numbering",
            Self::UnknownSection => "unknown_section",
            Self::SectionOrder => "section_order",
            Self::EmptySection => "empty_section",
            Self::UnknownUnit => "unknown_unit",
            Self::UnknownTier => "unknown_tier",
            Self::UnknownEntity => "unknown_entity",
            Self::NoResponsibleUnit => "no_responsible_unit",
            Self::ResponsibilityMismatch => "responsibility_mismatch",
            Self::NotPositive => "not_positive",
            Self::YearOutsidePeriod => "year_outside_period",
            Self::InvalidPeriod => "invalid_period",
            Self::InvalidDate => "invalid_date",
            Self::InvalidCurrency => "invalid_currency",
            Self::EmptyText => "empty_text",
            Self::MissingTranslation => "missing_translation",
            Self::DuplicateName => "duplicate_name",
            Self::UnusedUnit => "unused_unit",
            Self::UnusedEntity => "unused_entity",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a plan file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}[{}] {path}: {}", self.code, self.message)?;
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
    /// The input was not read as JSON at all: too large, too deep or not well-formed.
    /// Holds the one issue that says why.
    #[error("{0}")]
    Unreadable(Issue),
    /// The input is JSON, but not a valid plan. Holds every issue found, warnings included.
    #[error("{}", summarize(.0))]
    Invalid(Vec<Issue>),
}

impl PlanError {
    /// Every issue behind the error, in the order found.
    pub fn issues(&self) -> &[Issue] {
        match self {
            Self::Unreadable(issue) => std::slice::from_ref(issue),
            Self::Invalid(issues) => issues,
        }
    }
}

fn summarize(issues: &[Issue]) -> String {
    let errors: Vec<&Issue> = issues.iter().filter(|issue| issue.is_error()).collect();
    match errors.as_slice() {
        [] => "invalid plan".to_owned(),
        [only] => format!("invalid plan: {only}"),
        [first, rest @ ..] => format!(
            "invalid plan: {first} (and {} more error{})",
            rest.len(),
            if rest.len() == 1 { "" } else { "s" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_str_is_the_serde_name() {
        let code = Code::ResponsibilityMismatch;
        assert_eq!(
            serde_json::to_string(&code).unwrap(),
            format!("\"{}\"", code.as_str())
        );
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
    }
}
