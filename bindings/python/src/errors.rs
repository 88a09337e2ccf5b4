//! Every error the binding raises, mapped in one place to the documented Python classes of
//! `srdi_plan.errors` (defined in Python, so they are ordinary, typed exception classes). Each
//! exception is built from the core's error report, so it carries the same class, code and
//! fields on every surface; an argument of the wrong type, which only a binding sees, is a
//! coded `TypeError` on both (`invalid_argument`).

use std::path::Path;

use pyo3::exceptions::{PyImportError, PyOSError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use srdi_plan::ErrorReport;

use crate::Issue;

/// The core's error as the class it names.
fn raise(py: Python<'_>, report: &ErrorReport) -> PyErr {
    raise_as(py, report.class(), report)
}

/// An argument the binding cannot take (a `str` where a number belongs, a list for a date,
/// a date that is not `YYYY-MM-DD`): `srdi_plan.errors.InvalidArgumentError`, a `QueryError`
/// and a `TypeError` with code `invalid_argument`, as JavaScript throws a `TypeError` with
/// that code. `message` says what was expected.
pub(crate) fn invalid_argument(py: Python<'_>, message: String) -> PyErr {
    let report = ErrorReport::from(srdi_plan::QueryError::InvalidArgument(message));
    raise_as(py, "InvalidArgumentError", &report)
}

/// A keyword argument that `method` does not take (`others`, its `**` catch-all), as a coded
/// argument error worded as the JavaScript package words an option it does not know (serde's
/// message, naming those it does: `known`): a misspelt option is `invalid_argument` on every
/// surface, not Python's uncoded `TypeError`.
pub(crate) fn no_other_keywords(
    py: Python<'_>,
    method: &str,
    others: Option<&Bound<'_, PyDict>>,
    known: &'static [&'static str],
) -> PyResult<()> {
    let Some((key, _)) = others.and_then(|others| others.iter().next()) else {
        return Ok(());
    };
    let key: String = key.extract()?;
    let message = <serde_json::Error as serde::de::Error>::unknown_field(&key, known);
    Err(invalid_argument(py, format!("{method}: {message}")))
}

/// Instantiates `srdi_plan.errors.<class>(report, issues)` as a Python exception.
fn raise_as(py: Python<'_>, class: &str, report: &ErrorReport) -> PyErr {
    let issues: Vec<Issue> = report.issues.iter().flatten().cloned().map(Issue).collect();
    let instance = pythonize::pythonize(py, report)
        .map_err(|error| PyRuntimeError::new_err(error.to_string()))
        .and_then(|dict| {
            py.import("srdi_plan.errors")
                .and_then(|module| module.getattr(class))
                .and_then(|class| class.call1((dict, issues)))
        });
    match instance {
        Ok(exception) => PyErr::from_value(exception),
        Err(error) => error,
    }
}

/// A core result as a Python result, its error raised as its documented class.
pub(crate) trait IntoPyResult<T> {
    fn into_py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T, E: Into<ErrorReport>> IntoPyResult<T> for Result<T, E> {
    fn into_py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|error| raise(py, &error.into()))
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

/// Python's own `OSError` for a file that cannot be read (`FileNotFoundError`,
/// `IsADirectoryError`, … by its errno), with the file name, as `open()` raises it, and the
/// code every surface gives it (`unreadable`).
pub(crate) fn unreadable(py: Python<'_>, path: &Path, error: &std::io::Error) -> PyErr {
    let message = error.to_string();
    // Rust appends " (os error N)"; Python's own message is the C library's alone.
    let message = message
        .split(" (os error")
        .next()
        .unwrap_or_default()
        .to_owned();
    let filename = path.to_string_lossy().into_owned();
    coded_os_error(
        py,
        match error.raw_os_error() {
            Some(errno) => PyOSError::new_err((errno, message, filename)),
            None => PyOSError::new_err(format!("{filename}: {message}")),
        },
    )
}

/// An `OSError` with the code of what cannot be read, `unreadable`. (An exception's attribute
/// is always set; were it not, the `OSError` would still say what went wrong.)
pub(crate) fn coded_os_error(py: Python<'_>, error: PyErr) -> PyErr {
    let _ = error
        .value(py)
        .setattr("code", srdi_plan::Code::Unreadable.as_str());
    error
}
