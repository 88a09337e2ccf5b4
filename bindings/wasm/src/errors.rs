//! Every error the package throws, built in one place: JS `Error`s whose `name` is the class
//! the core names (the Python class of the same error) and whose properties are the core's
//! error report (`code`, `kind`, `value`, `suggestions`, `issues`, `line`, `column`).

use js_sys::{Error, Object, Reflect, TypeError};
use srdi_plan::ErrorReport;
use wasm_bindgen::{JsCast, JsValue};

/// A JS `Error` carrying a core error report.
fn thrown(report: &ErrorReport) -> JsValue {
    let error = Error::new(&report.message);
    error.set_name(report.class());
    if let Ok(fields) = crate::args::to_js(report) {
        Object::assign(
            error.unchecked_ref::<Object>(),
            fields.unchecked_ref::<Object>(),
        );
    }
    error.into()
}

/// A core result as a JS result, its error thrown as an `Error` with the core's report.
pub(crate) trait IntoJsResult<T> {
    fn into_js(self) -> Result<T, JsValue>;
}

impl<T, E: Into<ErrorReport>> IntoJsResult<T> for Result<T, E> {
    fn into_js(self) -> Result<T, JsValue> {
        self.map_err(js_error)
    }
}

/// A core error as the `Error` the package throws.
pub(crate) fn js_error(error: impl Into<ErrorReport>) -> JsValue {
    thrown(&error.into())
}

/// A `TypeError` with code `invalid_argument`, for arguments of the wrong type or shape.
pub(crate) fn argument(message: &str) -> JsValue {
    let error = TypeError::new(message);
    let _ = Reflect::set(&error, &"code".into(), &"invalid_argument".into());
    error.into()
}
