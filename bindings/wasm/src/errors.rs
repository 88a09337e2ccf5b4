//! Every error the package throws, built in one place: JS `Error`s whose `name` and `code`
//! match the Python classes and the core's codes, with the details as properties.

use js_sys::{Error, Reflect, TypeError};
use srdi_plan::{Code, PlanError, QueryError};
use wasm_bindgen::JsValue;

/// Sets a property on an error object; setting a property on a fresh `Error` cannot fail.
fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// A 1-based line or column as a JS number, or `null` when unknown.
fn position(value: Option<usize>) -> JsValue {
    value
        .and_then(|n| u32::try_from(n).ok())
        .map_or(JsValue::NULL, JsValue::from)
}

fn error(name: &str, code: &str, message: &str) -> Error {
    let error = Error::new(message);
    error.set_name(name);
    set(&error, "code", &JsValue::from_str(code));
    error
}

/// `PlanSyntaxError` (with `line`, `column`) for text that is not JSON, else
/// `PlanValidationError`; both carry every issue in `issues`.
pub(crate) fn plan_error(failure: &PlanError) -> JsValue {
    let issues = crate::to_js(failure.issues()).unwrap_or(JsValue::NULL);
    let message = failure.to_string();
    let thrown = match failure.issues() {
        [issue] if issue.code == Code::SyntaxError => {
            let thrown = error("PlanSyntaxError", "syntax_error", &message);
            set(&thrown, "line", &position(issue.line));
            set(&thrown, "column", &position(issue.column));
            thrown
        }
        _ => error("PlanValidationError", "invalid_plan", &message),
    };
    set(&thrown, "issues", &issues);
    thrown.into()
}

/// `UnknownNameError` with `kind`, `value` (the name given) and `suggestions`, or
/// `QueryError` for a question that cannot be asked.
pub(crate) fn query_error(failure: &QueryError) -> JsValue {
    let message = failure.to_string();
    match failure {
        QueryError::UnknownName {
            kind,
            name,
            suggestions,
        } => {
            let thrown = error("UnknownNameError", failure.code(), &message);
            set(&thrown, "kind", &JsValue::from_str(&kind.to_string()));
            set(&thrown, "value", &JsValue::from_str(name));
            let list: js_sys::Array = suggestions.iter().map(|s| JsValue::from_str(s)).collect();
            set(&thrown, "suggestions", &list);
            thrown.into()
        }
        _ => error("QueryError", failure.code(), &message).into(),
    }
}

/// A `TypeError` for arguments of the wrong shape (unknown option keys, fractional numbers).
pub(crate) fn argument(message: &str) -> JsValue {
    let thrown = TypeError::new(message);
    set(&thrown, "code", &JsValue::from_str("invalid_argument"));
    thrown.into()
}
