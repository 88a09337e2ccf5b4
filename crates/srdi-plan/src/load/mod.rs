//! Loading a plan from JSON, in phases that each own one thing:
//!
//! 1. limits: the size of the input;
//! 2. [`value`]: JSON text to a JSON value, within the depth limit, noting repeated keys;
//! 3. [`shape`]: the value against the format's schema, every problem with its pointer;
//! 4. the typed [`PlanData`], built from what the shape check let through (it cannot fail);
//! 5. the semantic rules of [`validate`](crate::validate), on what could be read.
//!
//! One path for every user file; the embedded plans, proven valid by the tests, skip it.

mod shape;
mod value;

pub(crate) use shape::Pruned;

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

/// What loading found: the data and its index if the file could be read as a plan, and
/// every issue.
struct Loaded {
    plan: Option<(PlanData, Index)>,
    issues: Vec<Issue>,
}

fn load(json: &str) -> Result<Loaded, PlanError> {
    if json.len() > MAX_INPUT_BYTES {
        let message = format!(
            "the input is {} bytes; plans are limited to {MAX_INPUT_BYTES} bytes",
            json.len()
        );
        return Err(PlanError::Limit(Issue::new(Code::TooLarge, "", message)));
    }
    let (mut value, mut issues) = value::parse(json)?;
    let checked = shape::check_plan(&mut value);
    issues.extend(checked.issues);
    if !checked.readable {
        return Ok(Loaded { plan: None, issues });
    }
    let data = match serde_json::from_value::<PlanData>(value) {
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

/// Escapes one reference token of a JSON Pointer (RFC 6901).
pub(crate) fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
