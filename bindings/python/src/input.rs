//! Arguments as Python gives them, converted once for every method: plan text as `str` or
//! `bytes`, item numbers as any `int`, and profiles, scenarios and observations as dicts
//! (JSON values for the core to check).

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyUnicodeEncodeError};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PyMapping,
    PySequence, PySet, PyString, PyTuple,
};
use serde_json::Value;
use srdi_plan as core;

use crate::errors::invalid_argument;

/// An argument of type `T`. A value of another type raises `InvalidArgumentError` (a
/// `TypeError` with code `invalid_argument`, see [`invalid_argument`]) instead of an uncoded
/// `TypeError`; any other error of the conversion (one raised by the value's own
/// `__fspath__`, say) passes through as it is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Arg<T>(pub(crate) T);

impl<T> Arg<T> {
    pub(crate) fn into_inner(self) -> T {
        self.0
    }
}

impl<'a, 'py, T: FromPyObject<'a, 'py>> FromPyObject<'a, 'py> for Arg<T> {
    type Error = PyErr;

    fn extract(value: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        T::extract(value)
            .map(Arg)
            .map_err(|error| coded(value.py(), error.into()))
    }
}

/// A `TypeError` as `InvalidArgumentError`, with its message, and so a `str` that is not
/// Unicode text (a lone surrogate, which Python's `str` may hold and UTF-8 may not); any
/// other error as it is.
pub(crate) fn coded(py: Python<'_>, error: PyErr) -> PyErr {
    if error.is_instance_of::<PyTypeError>(py) {
        invalid_argument(py, error.value(py).to_string())
    } else if error.is_instance_of::<PyUnicodeEncodeError>(py) {
        let message = format!("a lone surrogate is not Unicode text: {}", error.value(py));
        invalid_argument(py, message)
    } else {
        error
    }
}

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
        let message = format!("a plan is given as str or bytes, not {}", type_name(value));
        return Err(invalid_argument(value.py(), message));
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

/// An item number from Python: any `int` but a `bool`; one beyond 64 bits is saturated, so
/// that the core refuses it as beyond every item's (`srdi_plan::LARGEST_NUMBER`), as it
/// refuses any number beyond that, on every surface.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Whole(pub(crate) i64);

impl<'a, 'py> FromPyObject<'a, 'py> for Whole {
    type Error = PyErr;

    fn extract(number: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if number.is_instance_of::<PyBool>() {
            let message = "a number is an int, not bool".to_owned();
            return Err(invalid_argument(number.py(), message));
        }
        match number.extract::<i64>() {
            Ok(number) => Ok(Whole(number)),
            Err(error) if error.is_instance_of::<PyOverflowError>(number.py()) => {
                Ok(Whole(if number.gt(0)? { i64::MAX } else { i64::MIN }))
            }
            Err(error) if error.is_instance_of::<PyTypeError>(number.py()) => {
                let message = format!("a number is an int, not {}", type_name(&number));
                Err(invalid_argument(number.py(), message))
            }
            Err(error) => Err(error),
        }
    }
}

/// A task as a question names it: its number (an `int`), or the id answers give it (a `str`).
pub(crate) enum TaskKey {
    Number(i64),
    Id(String),
}

impl<'a, 'py> FromPyObject<'a, 'py> for TaskKey {
    type Error = PyErr;

    fn extract(task: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if task.is_instance_of::<PyString>() {
            let Arg(id) = task.extract::<Arg<String>>()?;
            return Ok(Self::Id(id));
        }
        // Anything else as a number, as every method reads one (a NumPy integer too).
        task.extract::<Whole>()
            .map(|Whole(number)| Self::Number(number))
    }
}

/// A row of a data frame or a dict as a JSON object, for the core to check: a missing cell
/// (`None`, NaN, `pandas.NA`, `NaT`) is left out (a whole number that a data frame turned
/// into a float, in a column of years with gaps, is whole to the core). `open` holds what
/// the row is read inside (see [`Open`]), and `holder` is the row as the caller gave it (of
/// which `row` may be a copy). Its items are read from a snapshot, which the caller's code
/// (a getter) cannot change while it is read.
pub(crate) fn row_json(
    row: &Bound<'_, PyDict>,
    holder: &Bound<'_, PyAny>,
    open: &mut Open,
) -> Result<Value, Refused> {
    let mut object = serde_json::Map::with_capacity(row.len());
    for pair in row.items().iter() {
        let (key, item): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair.extract()?;
        let key = key_text(&key)?;
        if is_missing(&item) {
            continue;
        }
        object.insert(key, inside(holder, &item, open)?);
    }
    Ok(Value::Object(object))
}

/// A dict's key as the text of a JSON object's key: only a `str` is one.
fn key_text(key: &Bound<'_, PyAny>) -> Result<String, Refused> {
    let Ok(key) = key.cast::<PyString>() else {
        return Err(Refused::Reason(format!(
            "a key is {}, not str",
            type_name(key)
        )));
    };
    Ok(key.to_cow()?.into_owned())
}

/// Why a Python value could not be read as JSON: a reason of ours, or what the value's own
/// code raised while it was read (a mapping's `items()`, say), passed on as it is.
#[derive(Debug)]
pub(crate) enum Refused {
    Reason(String),
    Raised(PyErr),
}

impl From<PyErr> for Refused {
    fn from(error: PyErr) -> Self {
        Refused::Raised(error)
    }
}

impl Refused {
    /// The error to raise for `what` (the input, the observations): a reason as a coded
    /// argument error; what the value raised as it is, a `TypeError` coded (see [`coded`]).
    pub(crate) fn into_error(self, py: Python<'_>, what: &str) -> PyErr {
        match self {
            Refused::Reason(reason) => {
                invalid_argument(py, format!("{what} cannot be read as JSON: {reason}"))
            }
            Refused::Raised(error) => coded(py, error),
        }
    }
}

/// The lists, dicts and other containers a value is read inside, outermost first: how deep
/// it sits, and whether it holds itself. Only compared, never followed: each is alive in a
/// caller's frame.
pub(crate) type Open = Vec<*mut pyo3::ffi::PyObject>;

/// `item`, read inside `container`.
fn inside(
    container: &Bound<'_, PyAny>,
    item: &Bound<'_, PyAny>,
    open: &mut Open,
) -> Result<Value, Refused> {
    open.push(container.as_ptr());
    let value = json_in(item, open);
    open.pop();
    value
}

/// A Python value as JSON, read inside `open`. The types JSON has are read here, containers
/// of every kind too, so that depth and cycles are bounded; what is left (a numpy number,
/// say) goes through pythonize. A container one level deeper than a text may nest is left
/// empty and not read: the core refuses the depth (`too_deep`) as it refuses a text's, and
/// as the JS package does. A container inside itself is refused, as JS refuses a cycle.
pub(crate) fn json_in(value: &Bound<'_, PyAny>, open: &mut Open) -> Result<Value, Refused> {
    if let Ok(text) = value.cast_exact::<PyString>() {
        return Ok(Value::String(text.to_cow()?.into_owned()));
    }
    if let Ok(flag) = value.cast_exact::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(number) = value.extract::<i64>() {
            return Ok(Value::from(number));
        }
        if let Ok(number) = value.extract::<u64>() {
            return Ok(Value::from(number));
        }
        // Beyond 64 bits: a double, as a JSON text's parser reads the same number, so that
        // the core says what is wrong with it, where.
        if let Ok(float) = value.extract::<f64>()
            && float.is_finite()
        {
            return Ok(Value::from(float));
        }
    }
    // A subclass too (`numpy.float64`), whose NaN pythonize would make null.
    if let Ok(float) = value.cast::<PyFloat>() {
        // JSON has no NaN or infinity, and `Value::from` would make them null: refused, as
        // in JS (a data frame's empty cell, a NaN, is left out before this, by `row_json`).
        let float = float.value();
        if !float.is_finite() {
            return Err(Refused::Reason(format!(
                "{float} is not a finite number, which JSON cannot hold"
            )));
        }
        return Ok(Value::from(float));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    let text = value.is_instance_of::<PyString>()
        || value.is_instance_of::<PyBytes>()
        || value.is_instance_of::<PyByteArray>();
    // Lists, tuples and sets first: asking them for a mapping (or anything for a sequence)
    // goes through `collections.abc`, a slow path.
    let sequence = !text
        && (value.is_instance_of::<PyList>()
            || value.is_instance_of::<PyTuple>()
            || value.is_instance_of::<PySet>()
            || value.is_instance_of::<PyFrozenSet>()
            || value.cast::<PySequence>().is_ok());
    let mapping = (!text && !sequence)
        .then(|| value.cast::<PyMapping>().ok())
        .flatten();
    if mapping.is_none() && !sequence {
        // pythonize reads a dataclass as a dict, with neither depth limit nor cycle check.
        if value.hasattr("__dataclass_fields__").unwrap_or(false) {
            return Err(Refused::Reason(format!(
                "a {} is not JSON data; give a dict",
                type_name(value)
            )));
        }
        return pythonize::depythonize(value).map_err(|error| Refused::Reason(error.to_string()));
    }
    // The depth first, as JS finds it first.
    let deepest = open.len() >= core::MAX_DEPTH;
    if !deepest && open.contains(&value.as_ptr()) {
        return Err(Refused::Reason(format!(
            "the {} holds itself",
            type_name(value)
        )));
    }
    match mapping {
        Some(_) if deepest => Ok(Value::Object(serde_json::Map::new())),
        None if deepest => Ok(Value::Array(Vec::new())),
        Some(mapping) => {
            let mut object = serde_json::Map::new();
            for pair in mapping.items()?.iter() {
                let (key, item): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair.extract()?;
                object.insert(key_text(&key)?, inside(value, &item, open)?);
            }
            Ok(Value::Object(object))
        }
        None => {
            let items = value.try_iter()?;
            items.map(|item| inside(value, &item?, open)).collect()
        }
    }
}

/// A cell a data frame leaves empty: `None`, a float NaN, `pandas.NA` or `NaT`.
fn is_missing(item: &Bound<'_, PyAny>) -> bool {
    item.is_none()
        || item.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan())
        || item
            .get_type()
            .name()
            .is_ok_and(|name| name == "NAType" || name == "NaTType")
}

pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "an object".to_owned(), |name| name.to_string())
}
