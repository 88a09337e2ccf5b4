//! Loading and validating plans, and a plan's batch tables: the `loader` feature, the
//! package's `srdi-plan/loader` module. (The tables are analysts' questions, which the small
//! module for web pages need not link.) Input is refused by its length before it is copied
//! into WebAssembly memory, and text that is not well-formed Unicode is an error, never
//! repaired.

use std::sync::Arc;

use srdi_plan as core;
use wasm_bindgen::prelude::*;

use crate::Plan;
use crate::args::{argument, array_copy, bytes_copy, json_bytes, text_bytes, to_js};
use crate::errors::{IntoJsResult, js_error};

/// A plan's text as the core's bytes, from a string or a `Uint8Array`, either refused by its
/// length before it is copied into WASM memory. A string that is not well-formed UTF-16 (a
/// lone surrogate) is encoded with its surrogates, so that the core says where, instead of
/// being silently repaired. `Ok(Err(…))` is the core's `too_large`.
fn input_bytes(value: &JsValue, what: &str) -> Result<Result<Vec<u8>, core::PlanError>, JsValue> {
    if let Some(bytes) = bytes_copy(value, what)? {
        return Ok(core::check_size(bytes.length() as usize).map(|()| bytes.to_vec()));
    }
    let Some(text) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(argument(&format!(
            "{what} must be a string or a Uint8Array"
        )));
    };
    if let Err(error) = core::check_text_size(text.length() as usize) {
        return Ok(Err(error));
    }
    Ok(Ok(text_bytes(text)))
}

#[wasm_bindgen]
impl Plan {
    /// Loads and validates a plan from JSON text.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &JsValue) -> Result<Plan, JsValue> {
        if !text.is_string() {
            return Err(argument("the plan text must be a string"));
        }
        Self::from_bytes(text)
    }

    /// Loads and validates a plan from the bytes of a file (UTF-8 JSON), or from text.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &JsValue) -> Result<Plan, JsValue> {
        let bytes = input_bytes(bytes, "the plan")?.into_js()?;
        let plan = core::Plan::from_bytes(&bytes).into_js()?;
        Ok(Plan(Arc::new(plan)))
    }

    /// Every measure evaluated for each of many profiles (an array of objects, or of their
    /// JSON texts): a table with a row per profile and measure.
    #[wasm_bindgen(js_name = entitlementsTable)]
    pub fn entitlements_table(&self, profiles: &JsValue) -> Result<JsValue, JsValue> {
        let Some(items) = array_copy(profiles, "the profiles")? else {
            return Err(argument("the profiles must be an array"));
        };
        let texts = items
            .iter()
            .map(|profile| json_bytes(&profile, "a profile"))
            .collect::<Result<Vec<_>, _>>()?;
        let inputs = texts.iter().map(|text| Ok(core::Input::Bytes(text)));
        let profiles = self.0.read_profiles(inputs).into_js()?;
        to_js(
            &self
                .0
                .answer(&core::Query::EntitlementTable { profiles })
                .into_js()?,
        )
    }

    /// [`Plan::progress`] as a table, a row per goal and target.
    #[wasm_bindgen(js_name = progressTable)]
    pub fn progress_table(
        &self,
        observations: &JsValue,
        as_of: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let observations = self.observations(observations)?;
        let as_of = crate::args::day(as_of, "progressTable")?;
        to_js(
            &self
                .0
                .answer(&core::Query::ProgressTable {
                    observations,
                    as_of,
                })
                .into_js()?,
        )
    }
}

/// `error` with the position of the text it is about, as `index`.
fn at(error: JsValue, index: usize) -> JsValue {
    let _ = js_sys::Reflect::set(&error, &"index".into(), &JsValue::from(index));
    error
}

/// Every problem with a plan, as text or as the bytes of a file (encoding, syntax, shape,
/// unknown fields, rules), warnings included.
#[wasm_bindgen(skip_typescript)]
pub fn validate(text: &JsValue) -> Result<JsValue, JsValue> {
    let issues = match input_bytes(text, "the plan")? {
        Ok(bytes) => core::validate_bytes(&bytes),
        Err(error) => error.issues().to_vec(),
    };
    to_js(&issues)
}

/// Several plans side by side: the plans given, then each shipped plan whose id none of them
/// has. The package's JavaScript wraps it as `Corpus`.
#[wasm_bindgen(skip_typescript)]
#[derive(Debug)]
pub struct Corpus(core::Corpus);

#[wasm_bindgen]
impl Corpus {
    /// Loads and validates each plan text (or file bytes); throws the error of the first
    /// that is not a valid plan or has the id of an earlier one (`duplicate_id`), with its
    /// position in `index`, and in `failures` the error of every such text (each with its
    /// `index`), as `srdi --plans DIR plans` lists them.
    #[wasm_bindgen(js_name = fromTexts)]
    pub fn from_texts(texts: &JsValue) -> Result<Corpus, JsValue> {
        let Some(texts) = array_copy(texts, "Corpus.fromTexts")? else {
            return Err(argument(
                "Corpus.fromTexts takes a list of plan texts (strings or Uint8Arrays)",
            ));
        };
        let mut loaded = Vec::with_capacity(texts.length() as usize);
        for (index, text) in texts.iter().enumerate() {
            // Something other than a text is the caller's mistake, not a file's: thrown at once.
            let bytes = input_bytes(&text, "each plan").map_err(|error| at(error, index))?;
            let plan = bytes.and_then(|bytes| core::Plan::from_bytes(&bytes));
            loaded.push((index, plan));
        }
        let failures = match core::Corpus::from_loaded(loaded, |i| format!("the text at {i}")) {
            Ok(corpus) => return Ok(Corpus(corpus)),
            Err(failures) => failures,
        };
        let every: Vec<JsValue> = failures
            .into_iter()
            .map(|(index, error)| at(js_error(error), index))
            .collect();
        let first = every.first().cloned().unwrap_or(JsValue::UNDEFINED);
        let _ = js_sys::Reflect::set(
            &first,
            &"failures".into(),
            &every.into_iter().collect::<js_sys::Array>(),
        );
        Err(first)
    }

    /// The ids of the plans, in order.
    #[wasm_bindgen(getter)]
    pub fn ids(&self) -> Vec<String> {
        self.0.plans().iter().map(|p| p.id().to_owned()).collect()
    }

    /// One plan by id.
    pub fn plan(&self, id: &JsValue) -> Result<Plan, JsValue> {
        let id = crate::args::string(id, "a plan id")?;
        Ok(Plan(Arc::clone(self.0.find(&id).into_js()?)))
    }

    /// Each plan: id, number, title, period and the plans it is based on.
    pub fn entries(&self) -> Result<JsValue, JsValue> {
        self.ask(&core::CorpusQuery::Plans)
    }

    /// A phrase in every text of every plan; each hit names its plan.
    pub fn search(&self, text: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
        let text = crate::args::string(text, "the search text")?;
        let crate::SearchOptions { language } = crate::args::options(options, "search")?;
        self.ask(&core::CorpusQuery::Search { text, language })
    }

    /// The plans compared: `goals`, `measures` or `instruments`.
    pub fn compare(&self, what: &JsValue) -> Result<JsValue, JsValue> {
        let what = crate::args::string(what, "what to compare")?;
        self.ask(&core::CorpusQuery::compare(&what).into_js()?)
    }

    fn ask(&self, query: &core::CorpusQuery) -> Result<JsValue, JsValue> {
        to_js(&self.0.answer(query).into_js()?)
    }
}
