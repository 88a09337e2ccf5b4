//! Arguments as Python gives them, converted once for every method: plan text as `str` or
//! `bytes`, and item numbers as any `int`.

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use srdi_plan as core;

/// Hands a plan's text to `read` as bytes: `bytes` as they are, so that the core checks their
/// size and encoding; a `str` is refused by its length before it is encoded (`refuse`), and
/// one that cannot be encoded (a lone surrogate) is handed over with its surrogates, so that
/// the core says where.
pub(crate) fn read_input<T>(
    value: &Bound<'_, PyAny>,
    read: impl FnOnce(&[u8]) -> T,
    refuse: impl FnOnce(core::PlanError) -> T,
) -> PyResult<T> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(read(bytes.as_bytes()));
    }
    let Ok(text) = value.cast::<PyString>() else {
        let kind = value.get_type().name()?;
        return Err(PyTypeError::new_err(format!(
            "a plan is given as str or bytes, not {kind}"
        )));
    };
    if let Err(error) = core::check_text_size(text.code_point_len()?) {
        return Ok(refuse(error));
    }
    if let Ok(text) = text.to_cow() {
        return Ok(read(text.as_bytes()));
    }
    let bytes = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
    Ok(read(bytes.cast::<PyBytes>()?.as_bytes()))
}

/// An item number from Python: any `int`; one beyond 64 bits is saturated, so that a number
/// no plan has (`task(10**30)`) is an unknown name like any other, not an `OverflowError`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Whole(pub(crate) i64);

impl<'a, 'py> FromPyObject<'a, 'py> for Whole {
    type Error = PyErr;

    fn extract(number: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match number.extract::<i64>() {
            Ok(number) => Ok(Whole(number)),
            Err(error) if error.is_instance_of::<PyOverflowError>(number.py()) => {
                Ok(Whole(if number.gt(0)? { i64::MAX } else { i64::MIN }))
            }
            Err(error) => Err(error),
        }
    }
}
