//! Every error the binding raises, mapped in one place to the documented Python classes of
//! `srdi_plan.errors` (defined in Python, so they are ordinary, typed exception classes). Each
//! exception is built from the core's error report, so it carries the same code and fields on
//! every surface.

use pyo3::exceptions::{PyImportError, PyRuntimeError};
use pyo3::prelude::*;
use srdi_plan::{Code, ErrorReport, PlanError, QueryError};

use crate::Issue;

/// Instantiates `srdi_plan.errors.<class>(report, issues)` as a Python exception.
fn raise(py: Python<'_>, class: &str, report: &ErrorReport) -> PyErr {
    let issues: Vec<Issue> = report.issues.iter().flatten().cloned().map(Issue).collect();
    let instance = pythonize::pythonize(py, report)
        .map_err(|error| PyRuntimeError::new_err(error.to_string()))
        .and_then(|report| {
            py.import("srdi_plan.errors")
                .and_then(|module| module.getattr(class))
                .and_then(|class| class.call1((report, issues)))
        });
    match instance {
        Ok(exception) => PyErr::from_value(exception),
        Err(error) => error,
    }
}

/// The Python class of each core error.
trait PythonClass {
    fn class(&self) -> &'static str;
    fn report(&self) -> ErrorReport;
}

impl PythonClass for PlanError {
    fn class(&self) -> &'static str {
        match self {
            PlanError::Limit(_) => "PlanLimitError",
            PlanError::Syntax(_) => "PlanSyntaxError",
            _ => "PlanValidationError",
        }
    }

    fn report(&self) -> ErrorReport {
        PlanError::report(self)
    }
}

impl PythonClass for QueryError {
    fn class(&self) -> &'static str {
        match self.code() {
            Code::UnknownName => "UnknownNameError",
            _ => "QueryError",
        }
    }

    fn report(&self) -> ErrorReport {
        QueryError::report(self)
    }
}

/// A core result as a Python result, its error raised as its documented class.
pub(crate) trait IntoPyResult<T> {
    fn into_py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T, E: PythonClass> IntoPyResult<T> for Result<T, E> {
    fn into_py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|error| raise(py, error.class(), &error.report()))
    }
}

/// A reference that does not resolve in its own plan: impossible, reported rather than a panic.
pub(crate) fn stale() -> PyErr {
    PyRuntimeError::new_err("srdi_plan: an item no longer resolves in its plan")
}

pub(crate) fn missing_pandas() -> PyErr {
    PyImportError::new_err(
        "to_pandas needs pandas: pip install 'srdi-plan[pandas]' (or pip install pandas)",
    )
}
