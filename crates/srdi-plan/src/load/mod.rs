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

/// The plan's data straight from its text, if the text is well-formed in every way the phases
/// of [`thorough`] check before the rules: then those phases would find nothing, and the types
/// read it directly. The types deny unknown fields and repeated keys; [`strict::Strict`]
/// refuses arrays for structs and nesting deeper than [`MAX_DEPTH`] (the types bound it, but
/// for conditions, which nest as deep as written); an escape that may hold a control character,
/// or a DEL (which JSON lets a string hold unescaped), sends the text to the phases, which say
/// where. `None` sends any other text to the phases, which report every problem.
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
    let data = PlanData::deserialize(strict::Strict::new(&mut deserializer))?;
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
    semantic.retain(|issue| !checked.pruned.stood_in(&issue.path));
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

/// An input other than a plan, as a surface holds it: the bytes of a file (JSON, or CSV for
/// observations), or a JSON value built from a host language's objects (a Python dict, say).
///
/// ```
/// use srdi_plan::Input;
/// let text = r#"{"tiers": ["srdi-sme"]}"#;
/// assert_eq!(Input::from(text), Input::Bytes(text.as_bytes()));
/// let value: serde_json::Value = serde_json::from_str(text).unwrap();
/// assert_eq!(Input::from(value.clone()), Input::Value(value));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Input<'a> {
    /// The bytes of a file: its size and encoding are checked, then it is parsed.
    Bytes(&'a [u8]),
    /// A JSON value: it is checked as its text would be (size, depth, control characters),
    /// then read.
    Value(serde_json::Value),
}

impl<'a> From<&'a [u8]> for Input<'a> {
    fn from(bytes: &'a [u8]) -> Self {
        Self::Bytes(bytes)
    }
}

impl<'a> From<&'a str> for Input<'a> {
    fn from(json: &'a str) -> Self {
        Self::Bytes(json.as_bytes())
    }
}

impl From<serde_json::Value> for Input<'_> {
    fn from(value: serde_json::Value) -> Self {
        Self::Value(value)
    }
}

/// An input read as far as its shape lets it be, as a plan is: what is ill-shaped was pruned
/// (an invalid list item removed, an invalid optional field dropped), so that the plan's
/// checks can still run on the rest and every problem be reported at once.
pub(crate) struct Partial<T> {
    /// What could be read; `None` if the input as a whole is ill-shaped.
    read: Option<T>,
    /// Every problem of the text and the shape.
    issues: Vec<Issue>,
    /// What was pruned, to map paths in what was read back to the input.
    pruned: Pruned,
}

impl<T> Partial<T> {
    /// Notes optional fields (by their pointers in the input) dropped for a wrong value by a
    /// check the schema cannot make.
    pub(crate) fn dropping(mut self, pointers: Vec<String>) -> Self {
        for pointer in pointers {
            self.pruned.drop_field(pointer);
        }
        self
    }

    /// Keeps only the issues of the text and shape that `keep` says.
    pub(crate) fn retain_issues(&mut self, keep: impl Fn(&Issue) -> bool) {
        self.issues.retain(keep);
    }

    /// The input, if neither its shape nor `check` (the plan's rules, run on what could be
    /// read) finds a problem; else every problem. `check` gets what was read and what was
    /// pruned from it, to map a pointer it writes in a message and to tell a field that was
    /// dropped from one never given; the paths of its issues are mapped here, and an issue
    /// at a dropped field (a year written as a word is not also missing) is left out.
    pub(crate) fn finish(
        self,
        check: impl FnOnce(&T, &Pruned) -> Vec<Issue>,
    ) -> Result<T, crate::QueryError> {
        let Partial {
            read,
            mut issues,
            pruned,
        } = self;
        if let Some(read) = &read {
            let said = check(read, &pruned)
                .into_iter()
                .filter(|issue| !pruned.dropped(&issue.path))
                .map(|mut issue| {
                    issue.path = pruned.original(&issue.path);
                    issue
                });
            issues.extend(said);
        }
        match read {
            Some(read) if issues.is_empty() => Ok(read),
            _ => Err(crate::QueryError::InvalidInput(issues)),
        }
    }
}

/// An input (profile, scenario, observations) read as far as its shape lets it be. A file's
/// size and encoding are checked first, as a plan's are; a problem with them, or JSON
/// syntax, stops reading.
pub(crate) fn read_partial<T: serde::de::DeserializeOwned>(
    input: Input<'_>,
    format: Format,
) -> Result<Partial<T>, crate::QueryError> {
    let (value, issues) = match input {
        Input::Bytes(bytes) => parse_input(read_text(bytes)?)?,
        Input::Value(value) => in_memory(value)?,
    };
    Ok(partial_value(value, issues, format))
}

/// An input checked for its shape alone, every problem at once (the plan's checks of the
/// names it uses come later, or at once through the plan's readers).
pub(crate) fn read_input<T: serde::de::DeserializeOwned>(
    input: Input<'_>,
    format: Format,
) -> Result<T, crate::QueryError> {
    read_partial(input, format)?.finish(|_, _| Vec::new())
}

/// The JSON value of an input's text, with the issues of the parse (repeated keys, control
/// characters).
pub(crate) fn parse_input(
    json: &str,
) -> Result<(serde_json::Value, Vec<Issue>), crate::QueryError> {
    value::parse(json).map_err(|error| invalid_input(&error))
}

/// A value built in memory (a Python dict, say), checked as [`parse_input`] checks its text:
/// within the limits (its size written as JSON, `too_large`, then its depth, `too_deep`),
/// with an issue for each string that holds a control character.
pub(crate) fn in_memory(
    value: serde_json::Value,
) -> Result<(serde_json::Value, Vec<Issue>), crate::QueryError> {
    check_text_size(value::written_len(&value, MAX_INPUT_BYTES))
        .map_err(|error| invalid_input(&error))?;
    if value::nests_too_deep(&value) {
        return Err(crate::QueryError::InvalidInput(vec![value::too_deep()]));
    }
    let issues = value::control_characters(&value);
    Ok((value, issues))
}

/// An input from its JSON value (within the limits), `issues` those of its text: checked
/// against its schema, pruning what is ill-shaped.
pub(crate) fn partial_value<T: serde::de::DeserializeOwned>(
    mut value: serde_json::Value,
    mut issues: Vec<Issue>,
    format: Format,
) -> Partial<T> {
    let checked = shape::check_input(&mut value, format);
    issues.extend(checked.issues);
    let read = if checked.readable {
        match serde_json::from_value(value) {
            Ok(read) => Some(read),
            // The shape check lets through only what the types read; this would be a bug.
            Err(error) => {
                issues.push(Issue::new(Code::WrongType, "", error.to_string()));
                None
            }
        }
    } else {
        None
    };
    Partial {
        read,
        issues,
        pruned: checked.pruned,
    }
}

/// Escapes one reference token of a JSON Pointer (RFC 6901).
pub(crate) fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::{MAX_DEPTH, typed};

    /// Valid plans are read straight into their types, as deep as the limit allows: the fast
    /// path refuses no more than it must (the phases would accept, slowly, what it refused).
    #[test]
    fn valid_plans_take_the_fast_path_up_to_the_depth_limit() {
        assert!(typed(crate::WULONG_JSON).is_some());
        assert!(typed(crate::CHONGQING_JSON).is_some());
        // A condition at depth 6 (plan, tasks, task, measures, measure, conditions); each
        // `all` adds an object and an array, a `not` an object.
        let condition = r#""conditions": {
            "fact": "rd-deduction-filing-threshold"
          }"#;
        assert!(crate::WULONG_JSON.contains(condition));
        let fact = r#"{"fact": "rd-deduction-filing-threshold"}"#;
        let nested = |levels: usize, inner: &str| {
            let all = |inner: String, _| format!(r#"{{"all": [{inner}]}}"#);
            let deep = (0..levels).fold(inner.to_owned(), all);
            crate::WULONG_JSON.replacen(condition, &format!(r#""conditions": {deep}"#), 1)
        };
        let deepest = (MAX_DEPTH - 6) / 2;
        assert!(typed(&nested(deepest, fact)).is_some());
        assert!(typed(&nested(deepest, &format!(r#"{{"not": {fact}}}"#))).is_none());
    }
}
