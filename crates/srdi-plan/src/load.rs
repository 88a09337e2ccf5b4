//! Loading a plan from JSON: limits, syntax, shape, then the semantic rules of
//! [`validate`](crate::validate). One path for the embedded plan and for user files.

use crate::error::{Code, Issue, PlanError};
use crate::model::Plan;

/// The largest input accepted, in bytes (8 MiB; the Wulong plan is about 100 KiB).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// The deepest nesting of arrays and objects accepted (the format needs 8).
pub const MAX_DEPTH: usize = 64;

impl Plan {
    /// Loads a plan from JSON and validates it.
    ///
    /// Unknown fields are errors. Warnings do not stop loading; [`Plan::validate`] lists them.
    ///
    /// # Errors
    ///
    /// [`PlanError::Unreadable`] if the input is too large, too deep or not JSON;
    /// [`PlanError::Invalid`] with every issue found if it is JSON but not a valid plan.
    ///
    /// ```
    /// let error = srdi_plan::Plan::from_json("{").unwrap_err();
    /// assert_eq!(error.issues()[0].code, srdi_plan::Code::SyntaxError);
    /// assert_eq!(error.issues()[0].line, Some(1));
    /// ```
    pub fn from_json(json: &str) -> Result<Plan, PlanError> {
        let (plan, mut issues) = parse(json)?;
        issues.extend(plan.validate());
        if issues.iter().any(Issue::is_error) {
            Err(PlanError::Invalid(issues))
        } else {
            Ok(plan)
        }
    }

    /// The plan as pretty-printed JSON, in the format [`Plan::from_json`] reads.
    pub fn to_json(&self) -> String {
        // A plan holds only strings, numbers, lists and structs: serializing cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Every problem with a plan file: limits, syntax, shape, unknown fields and semantic rules,
/// warnings included. An empty list means the plan is valid and clean.
///
/// ```
/// let issues = srdi_plan::validate_json(r#"{"id": "x"}"#);
/// assert_eq!(issues[0].code, srdi_plan::Code::InvalidShape);
/// ```
pub fn validate_json(json: &str) -> Vec<Issue> {
    match parse(json) {
        Ok((plan, mut issues)) => {
            issues.extend(plan.validate());
            issues
        }
        Err(error) => error.issues().to_vec(),
    }
}

/// Parses `json` into a plan, collecting unknown fields as issues instead of stopping at them.
fn parse(json: &str) -> Result<(Plan, Vec<Issue>), PlanError> {
    if json.len() > MAX_INPUT_BYTES {
        return Err(PlanError::Unreadable(Issue::new(
            Code::TooLarge,
            "",
            format!(
                "the input is {} bytes; plans are limited to {MAX_INPUT_BYTES} bytes",
                json.len()
            ),
        )));
    }
    check_depth(json)?;

    let mut unknown = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let mut record_unknown = |path: serde_ignored::Path<'_>| {
        let path = ignored_pointer(&path);
        let field = path.rsplit('/').next().unwrap_or_default().to_owned();
        unknown.push(Issue::new(
            Code::UnknownField,
            path,
            format!("unknown field `{field}`; the schema lists the fields a plan may have"),
        ));
    };
    let tracked = serde_ignored::Deserializer::new(&mut deserializer, &mut record_unknown);
    let parsed = match serde_path_to_error::deserialize::<_, Plan>(tracked) {
        Ok(plan) => deserializer
            .end()
            .map(|()| plan)
            .map_err(|error| (String::new(), error)),
        Err(error) => Err((path_pointer(error.path()), error.into_inner())),
    };
    let (pointer, error) = match parsed {
        Ok(plan) => return Ok((plan, unknown)),
        Err(failure) => failure,
    };
    let location = (error.line(), error.column());
    let message = strip_location(&error.to_string());
    if error.is_data() {
        let issue = Issue::new(Code::InvalidShape, pointer, message).at(location.0, location.1);
        unknown.push(issue);
        Err(PlanError::Invalid(unknown))
    } else {
        let issue = Issue::new(Code::SyntaxError, "", format!("not valid JSON: {message}"));
        Err(PlanError::Unreadable(issue.at(location.0, location.1)))
    }
}

/// Rejects inputs nested deeper than [`MAX_DEPTH`] before the parser recurses into them.
fn check_depth(json: &str) -> Result<(), PlanError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut line, mut column) = (1usize, 0usize);
    for c in json.chars() {
        column += 1;
        match c {
            '\n' => (line, column) = (line + 1, 0),
            _ if in_string => match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            },
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(PlanError::Unreadable(
                        Issue::new(
                            Code::TooDeep,
                            "",
                            format!("arrays and objects nest deeper than {MAX_DEPTH} levels"),
                        )
                        .at(line, column),
                    ));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// `serde_json` appends " at line L column C"; we report those as fields instead.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Escapes one reference token of a JSON Pointer (RFC 6901).
pub(crate) fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn path_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(format!("/{index}")),
            Segment::Map { key } => Some(format!("/{}", escape_token(key))),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

fn ignored_pointer(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}/{index}", ignored_pointer(parent)),
        Path::Map { parent, key } => format!("{}/{}", ignored_pointer(parent), escape_token(key)),
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => ignored_pointer(parent),
    }
}
