//! Loading a plan from JSON, in phases that each own one thing:
//!
//! 1. [`input`]: the size of the input, checked before it is read, and its encoding (UTF-8,
//!    a byte order mark ignored with a warning);
//! 2. [`value`]: JSON text to a JSON value, within the depth limit, noting repeated keys and
//!    control characters;
//! 3. [`shape`]: the value against the format's schema, every problem with its pointer;
//! 4. the typed [`PlanData`], built from what the shape check let through (it cannot fail);
//! 5. the semantic rules of [`validate`](crate::validate), on what could be read.
//!
//! One path for every user file; the embedded plans, proven valid by the tests, skip it.

mod input;
mod shape;
mod strict;
mod value;

use std::path::Path;

pub use input::{FileError, check_size, check_text_size, read_file, read_input_file};
pub(crate) use shape::{Pruned, record_fields};
pub(crate) use value::control_character;

use serde::Deserialize;

use crate::error::{Code, Issue, PlanError};
use crate::model::PlanData;
use crate::plan::{Index, Plan};

/// The largest input accepted, in bytes (8 MiB; the Wulong plan is about 80 KiB).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// The deepest nesting of arrays and objects accepted (the format needs 8).
pub const MAX_DEPTH: usize = 64;

impl Plan {
    /// Loads a plan from JSON and validates it.
    ///
    /// Warnings do not stop loading; [`Plan::warnings`] lists them.
    ///
    /// # Errors
    ///
    /// [`PlanError::Limit`] if the input is too large or too deep, [`PlanError::Syntax`] if
    /// it is not JSON, [`PlanError::Invalid`] with every issue found if it is JSON but not a
    /// valid plan.
    ///
    /// ```
    /// let error = srdi_plan::Plan::from_json("{").unwrap_err();
    /// assert_eq!(error.issues()[0].code, srdi_plan::Code::SyntaxError);
    /// assert_eq!(error.issues()[0].line, Some(1));
    /// ```
    pub fn from_json(json: &str) -> Result<Plan, PlanError> {
        let loaded = load(json)?;
        match loaded.plan {
            Some((data, index)) => Plan::checked(data, index, loaded.issues),
            None => Err(PlanError::Invalid(loaded.issues)),
        }
    }

    /// Loads a plan from the bytes of a file: UTF-8 JSON, checked for size before it is
    /// decoded. Otherwise as [`Plan::from_json`].
    ///
    /// # Errors
    ///
    /// As [`Plan::from_json`], and [`PlanError::Syntax`] with code `invalid_encoding` (and the
    /// byte offset) for bytes that are not UTF-8.
    ///
    /// ```
    /// let error = srdi_plan::Plan::from_bytes(b"{\"id\": \"caf\xE9\"}").unwrap_err();
    /// assert_eq!(error.code(), srdi_plan::Code::InvalidEncoding);
    /// assert_eq!(error.issues()[0].offset, Some(11));
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Plan, PlanError> {
        Plan::from_json(input::decode(bytes)?)
    }

    /// Loads a plan file. A file over the size limit is refused before it is read.
    ///
    /// # Errors
    ///
    /// [`FileError::Unreadable`] if the file cannot be read, else the errors of
    /// [`Plan::from_bytes`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<Plan, FileError> {
        Ok(Plan::from_bytes(&read_file(path.as_ref())?)?)
    }

    /// The plan as pretty-printed JSON, in the format [`Plan::from_json`] reads.
    pub fn to_json(&self) -> String {
        self.data().to_json()
    }
}

impl PlanData {
    /// The data as pretty-printed JSON, in the plan file format.
    pub fn to_json(&self) -> String {
        // Plan data holds only strings, numbers, lists and structs: serializing cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Every problem with a plan file: limits, syntax, shape and semantic rules, warnings
/// included. An empty list means the plan is valid and clean.
///
/// ```
/// let issues = srdi_plan::validate_json(r#"{"id": "x"}"#);
/// assert_eq!(issues[0].code, srdi_plan::Code::MissingField);
/// ```
pub fn validate_json(json: &str) -> Vec<Issue> {
    match load(json) {
        Ok(loaded) => loaded.issues,
        Err(error) => error.issues().to_vec(),
    }
}

/// Every problem with a plan file, found by the phases alone, without the fast path that
/// reads a well-formed plan straight into its types. Tests and fuzzing prove the two agree.
#[doc(hidden)]
pub fn validate_json_in_phases(json: &str) -> Vec<Issue> {
    let checked = check_size(json.len()).and_then(|()| {
        let (json, bom) = input::strip_bom(json);
        thorough(json, bom)
    });
    match checked {
        Ok(loaded) => loaded.issues,
        Err(error) => error.issues().to_vec(),
    }
}

/// Every problem with the bytes of a plan file, its encoding included (see
/// [`validate_json`]).
///
/// ```
/// let issues = srdi_plan::validate_bytes(&[0xFF, 0xFE, b'{', 0, b'}', 0]);
/// assert_eq!(issues[0].code, srdi_plan::Code::InvalidEncoding);
/// assert!(issues[0].message.contains("UTF-16"));
/// ```
pub fn validate_bytes(bytes: &[u8]) -> Vec<Issue> {
    match input::decode(bytes) {
        Ok(json) => validate_json(json),
        Err(error) => error.issues().to_vec(),
    }
}

/// Every problem with a plan file (see [`validate_json`]); a file over the size limit is
/// refused before it is read.
///
/// # Errors
///
/// [`FileError::Unreadable`] if the file cannot be read; whatever its content, it is
/// reported as issues.
pub fn validate_file(path: impl AsRef<Path>) -> Result<Vec<Issue>, FileError> {
    match read_file(path.as_ref()) {
        Ok(bytes) => Ok(validate_bytes(&bytes)),
        Err(FileError::Plan(error)) => Ok(error.issues().to_vec()),
        Err(error) => Err(error),
    }
}

/// What loading found: the data and its index if the file could be read as a plan, and
/// every issue.
struct Loaded {
    plan: Option<(PlanData, Index)>,
    issues: Vec<Issue>,
}

fn load(json: &str) -> Result<Loaded, PlanError> {
    check_size(json.len())?;
    let (json, bom) = input::strip_bom(json);
    if let Some(data) = typed(json) {
        let (index, mut issues) = Index::build(&data);
        issues.splice(0..0, bom);
        issues.extend(crate::validate::rules(&data, &index));
        return Ok(Loaded {
            plan: Some((data, index)),
            issues,
        });
    }
    thorough(json, bom)
}

/// The plan's data straight from its text, if the text is well-formed in every way the
/// phases of [`thorough`] check before the rules: then those phases would find nothing, and
/// the types read it directly. The types deny unknown fields and repeated keys and bound the
/// nesting; [`strict::Strict`] refuses arrays for structs; an escape that may hold a control
/// character, or a DEL (which JSON lets a string hold unescaped), sends the text to the
/// phases, which say where. `None` sends any other text to the phases, which report every
/// problem.
fn typed(json: &str) -> Option<PlanData> {
    let bytes = json.as_bytes();
    let control_escape = memchr::memchr_iter(b'\\', bytes)
        .any(|at| matches!(bytes.get(at + 1), Some(b'b' | b'f' | b'u')));
    if control_escape || memchr::memchr(0x7f, bytes).is_some() {
        return None;
    }
    read_typed(json).ok()
}

/// The data of a plan text, read exactly as the format says.
fn read_typed(json: &str) -> serde_json::Result<PlanData> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let data = PlanData::deserialize(strict::Strict(&mut deserializer))?;
    deserializer.end()?;
    Ok(data)
}

/// Loading in phases, each problem reported with its path: the value, its shape, the data,
/// the rules.
fn thorough(json: &str, bom: Option<Issue>) -> Result<Loaded, PlanError> {
    let (mut value, mut issues) = value::parse(json)?;
    issues.splice(0..0, bom);
    let checked = shape::check_plan(&mut value);
    issues.extend(checked.issues);
    if !checked.readable {
        return Ok(Loaded { plan: None, issues });
    }
    // Read through the text rather than the value, so that one deserializer serves both
    // paths (it halves the WebAssembly module's deserialization code).
    let data = match read_typed(&value.to_string()) {
        Ok(data) => data,
        // The shape check lets through only what the types read; this would be a bug.
        Err(error) => {
            issues.push(Issue::new(Code::WrongType, "", error.to_string()));
            return Ok(Loaded { plan: None, issues });
        }
    };
    let (index, mut semantic) = Index::build(&data);
    semantic.extend(crate::validate::rules_after_pruning(
        &data,
        &index,
        &checked.pruned,
    ));
    for issue in &mut semantic {
        issue.path = checked.pruned.original(&issue.path);
    }
    issues.extend(semantic);
    Ok(Loaded {
        plan: Some((data, index)),
        issues,
    })
}

/// The inputs other than plans that the loader reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// An enterprise's [`Profile`](crate::Profile).
    Profile,
    /// A [`Scenario`](crate::Scenario) of counts.
    Scenario,
    /// A list of [`Observation`](crate::Observation)s.
    Observations,
}

pub(crate) fn invalid_input(error: &PlanError) -> crate::QueryError {
    crate::QueryError::InvalidInput(error.issues().to_vec())
}

/// The text of an input file: its size and encoding checked as a plan's are, a byte order
/// mark dropped.
pub(crate) fn read_text(bytes: &[u8]) -> Result<&str, crate::QueryError> {
    check_size(bytes.len()).map_err(|error| invalid_input(&error))?;
    let text = input::decode(bytes).map_err(|error| invalid_input(&error))?;
    Ok(input::strip_bom(text).0)
}

/// An input (profile, scenario, observations) from the bytes of a file: its size and
/// encoding checked first, as a plan's are.
pub(crate) fn read_input_bytes<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    format: Format,
) -> Result<T, crate::QueryError> {
    check_size(bytes.len()).map_err(|error| invalid_input(&error))?;
    read_input(
        input::decode(bytes).map_err(|error| invalid_input(&error))?,
        format,
    )
}

/// An input from JSON, through the same phases as a plan (size, JSON, shape
/// against its committed schema), every problem reported at once.
pub(crate) fn read_input<T: serde::de::DeserializeOwned>(
    json: &str,
    format: Format,
) -> Result<T, crate::QueryError> {
    let (value, issues) = parse_input(json)?;
    read_value(value, issues, format)
}

/// The JSON value of an input other than a plan, its size checked and a byte order mark
/// dropped, with the issues of the parse (repeated keys, control characters).
pub(crate) fn parse_input(
    json: &str,
) -> Result<(serde_json::Value, Vec<Issue>), crate::QueryError> {
    check_size(json.len()).map_err(|error| invalid_input(&error))?;
    let (json, _) = input::strip_bom(json);
    value::parse(json).map_err(|error| invalid_input(&error))
}

/// An input from a JSON value (a Python dict, say), checked against its schema, and against
/// the depth a text may nest to.
pub(crate) fn read_value<T: serde::de::DeserializeOwned>(
    mut value: serde_json::Value,
    mut issues: Vec<Issue>,
    format: Format,
) -> Result<T, crate::QueryError> {
    if value::nests_too_deep(&value) {
        return Err(crate::QueryError::InvalidInput(vec![value::too_deep()]));
    }
    issues.extend(shape::check_input(&mut value, format));
    if !issues.is_empty() {
        return Err(crate::QueryError::InvalidInput(issues));
    }
    serde_json::from_value(value).map_err(|error| {
        crate::QueryError::InvalidInput(vec![Issue::new(Code::WrongType, "", error.to_string())])
    })
}

/// Escapes one reference token of a JSON Pointer (RFC 6901).
pub(crate) fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
