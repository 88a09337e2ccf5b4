//! Every error the binding raises, mapped in one place to the documented Python classes of
//! `srdi_plan.errors` (defined in Python, so they are ordinary, typed exception classes).

use pyo3::exceptions::{PyImportError, PyValueError};
use pyo3::prelude::*;
use srdi_plan::{Code, PlanError, QueryError, RecordKind};

use crate::Issue;

/// Instantiates `srdi_plan.errors.<class>(*args)` as a Python exception.
fn raise<'py, A>(py: Python<'py>, class: &str, args: A) -> PyErr
where
    A: pyo3::call::PyCallArgs<'py>,
{
    let instance = py
        .import("srdi_plan.errors")
        .and_then(|module| module.getattr(class))
        .and_then(|class| class.call1(args));
    match instance {
        Ok(exception) => PyErr::from_value(exception),
        Err(error) => error,
    }
}

/// A plan that could not be loaded: `PlanSyntaxError` for JSON that does not parse,
/// `PlanValidationError` (with every issue) for everything else.
pub(crate) fn plan(py: Python<'_>, error: &PlanError) -> PyErr {
    let message = error.to_string();
    let issues: Vec<Issue> = error.issues().iter().cloned().map(Issue).collect();
    match error.issues() {
        [issue] if issue.code == Code::SyntaxError => raise(
            py,
            "PlanSyntaxError",
            (message, issue.line, issue.column, issues),
        ),
        _ => raise(py, "PlanValidationError", (message, issues)),
    }
}

/// A question that could not be answered: `UnknownNameError` (a `KeyError`) with the closest
/// names, or `QueryError` (a `ValueError`).
pub(crate) fn query(py: Python<'_>, error: &QueryError) -> PyErr {
    let message = error.to_string();
    match error {
        QueryError::UnknownName {
            kind,
            name,
            suggestions,
        } => raise(
            py,
            "UnknownNameError",
            (message, kind.to_string(), name.clone(), suggestions.clone()),
        ),
        _ => raise(py, "QueryError", (message, error.code())),
    }
}

/// A record kind by name.
pub(crate) fn record_kind(name: &str) -> PyResult<RecordKind> {
    RecordKind::from_name(name).ok_or_else(|| {
        let kinds: Vec<&str> = RecordKind::ALL.iter().map(|kind| kind.as_str()).collect();
        PyValueError::new_err(format!(
            "no record kind `{name}`; the kinds are {}",
            kinds.join(", ")
        ))
    })
}

pub(crate) fn missing_pandas() -> PyErr {
    PyImportError::new_err(
        "to_pandas needs pandas: pip install 'srdi-plan[pandas]' (or pip install pandas)",
    )
}
