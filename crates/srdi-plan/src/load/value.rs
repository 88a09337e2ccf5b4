//! Phase one of loading: JSON text to a JSON value, within the depth limit, noting every key
//! an object repeats (which a plain parse would silently drop) and every string that holds a
//! control character (which a plain parse would silently keep).

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::error::{Code, Issue, PlanError};
use crate::load::{MAX_DEPTH, escape_token};

/// The value of `json`, and an issue for each repeated key and each string with a control
/// character.
///
/// # Errors
///
/// [`PlanError::Syntax`] for text that is not JSON, [`PlanError::Limit`] for nesting
/// deeper than [`MAX_DEPTH`].
pub(crate) fn parse(json: &str) -> Result<(Value, Vec<Issue>), PlanError> {
    let state = State::default();
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let node = Node {
        path: &Path::Root,
        depth: 0,
        state: &state,
    };
    let parsed = node
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    match parsed {
        Ok(value) => Ok((value, state.issues.into_inner())),
        Err(error) => {
            let (line, column) = (error.line(), error.column().max(1));
            if json.trim().is_empty() {
                let message = "the input is empty, not JSON";
                let issue = Issue::new(Code::SyntaxError, "", message).at(line, column);
                return Err(PlanError::Syntax(issue));
            }
            if state.too_deep.into_inner() {
                // The parser stops just past the bracket that opens one level too many.
                let bracket = column.saturating_sub(1).max(1);
                return Err(PlanError::Limit(too_deep().at(line, bracket)));
            }
            let message = explain(&strip_location(&error.to_string()));
            let issue = Issue::new(Code::SyntaxError, "", message).at(line, column);
            Err(PlanError::Syntax(issue))
        }
    }
}

/// The issue of a value that nests arrays and objects deeper than [`MAX_DEPTH`].
pub(crate) fn too_deep() -> Issue {
    let message = format!("arrays and objects nest deeper than {MAX_DEPTH} levels");
    Issue::new(Code::TooDeep, "", message)
}

/// Whether a value built in memory (a Python dict, say) nests arrays and objects deeper than
/// [`MAX_DEPTH`], counted as [`parse`] counts a text's, so that it meets the same limit.
pub(crate) fn nests_too_deep(value: &Value) -> bool {
    let mut open = vec![(value, 1)];
    while let Some((value, depth)) = open.pop() {
        if !(value.is_array() || value.is_object()) {
            continue;
        }
        if depth > MAX_DEPTH {
            return true;
        }
        match value {
            Value::Array(items) => open.extend(items.iter().map(|item| (item, depth + 1))),
            Value::Object(fields) => open.extend(fields.values().map(|item| (item, depth + 1))),
            _ => {}
        }
    }
    false
}

/// The length of `value` written as compact JSON by `serde_json` (as `JSON.stringify`
/// writes an object, but for how a number is written), counted without writing it and
/// without recursion, up to just past `limit`: so that a value built in memory (a Python
/// dict, say) meets the size limit its text would.
pub(crate) fn written_len(value: &Value, limit: usize) -> usize {
    let mut count = Count(0);
    let mut open = vec![value];
    while let Some(value) = open.pop() {
        if count.0 > limit {
            break;
        }
        match value {
            // Brackets and commas.
            Value::Array(items) => {
                count.0 += 1 + items.len().max(1);
                open.extend(items);
            }
            // Braces, commas and colons, and the quoted keys.
            Value::Object(fields) => {
                count.0 += 1 + fields.len().max(1) + fields.len();
                for (key, item) in fields {
                    count.write(key);
                    open.push(item);
                }
            }
            leaf => count.write(leaf),
        }
    }
    count.0
}

/// A writer that only counts the bytes written.
struct Count(usize);

impl Count {
    /// Counts `value` as `serde_json` writes it (a leaf: no recursion).
    fn write(&mut self, value: &impl serde::Serialize) {
        // Counting cannot fail, and a string or a number always serializes.
        let _ = serde_json::to_writer(&mut *self, value);
    }
}

impl std::io::Write for Count {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[derive(Default)]
struct State {
    issues: RefCell<Vec<Issue>>,
    too_deep: RefCell<bool>,
}

impl State {
    fn report(&self, code: Code, path: &Path<'_>, message: String) {
        self.issues
            .borrow_mut()
            .push(Issue::new(code, path.pointer(), message));
    }

    /// How many issues have been reported so far.
    fn mark(&self) -> usize {
        self.issues.borrow().len()
    }

    /// Forgets the issues reported before `mark` at or under `pointer`: those of a value that
    /// a repeated key replaced, which no longer stands there.
    fn forget_replaced(&self, mark: usize, pointer: &str) {
        let mut at = 0;
        self.issues.borrow_mut().retain(|issue| {
            let under = issue
                .path
                .strip_prefix(pointer)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
            at += 1;
            at > mark || !under
        });
    }
}

/// Where a value stands, as a chain of keys and indexes; rendered only when reported.
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn pointer(&self) -> String {
        match self {
            Self::Root => String::new(),
            Self::Key(parent, key) => format!("{}/{}", parent.pointer(), escape_token(key)),
            Self::Index(parent, index) => format!("{}/{index}", parent.pointer()),
        }
    }
}

/// Why `text` cannot be a printed text, if it holds a control character (tab, line feed and
/// carriage return aside): a `control_character` message.
pub(crate) fn control_character(text: &str) -> Option<String> {
    // Bytes, not characters: a control character is one ASCII byte, and no byte of a
    // multi-byte character is ASCII.
    let control = text
        .bytes()
        .find(|&b| b.is_ascii_control() && !matches!(b, b'\t' | b'\n' | b'\r'))?;
    Some(format!(
        "the string holds the control character U+{:04X}, which no printed text has",
        u32::from(control)
    ))
}

/// The issue of each string of a value built in memory that holds a control character, in
/// document order, as [`parse`] reports a text's.
pub(crate) fn control_characters(value: &Value) -> Vec<Issue> {
    let mut strings = vec![value];
    let mut any = false;
    while let Some(value) = strings.pop() {
        match value {
            Value::String(text) => any |= control_character(text).is_some(),
            Value::Array(items) => strings.extend(items),
            Value::Object(fields) => strings.extend(fields.values()),
            _ => {}
        }
    }
    if !any {
        return Vec::new();
    }
    // Found one: walk again, with paths, in document order.
    let mut issues = Vec::new();
    let mut open = vec![(value, String::new())];
    while let Some((value, path)) = open.pop() {
        match value {
            Value::String(text) => {
                if let Some(message) = control_character(text) {
                    issues.push(Issue::new(Code::ControlCharacter, path, message));
                }
            }
            Value::Array(items) => open.extend(
                (items.iter().enumerate().rev()).map(|(i, item)| (item, format!("{path}/{i}"))),
            ),
            Value::Object(fields) => open.extend(
                (fields.iter().rev())
                    .map(|(key, item)| (item, format!("{path}/{}", escape_token(key)))),
            ),
            _ => {}
        }
    }
    issues
}

/// A value to read at `path`.
struct Node<'a> {
    path: &'a Path<'a>,
    depth: usize,
    state: &'a State,
}

impl Node<'_> {
    fn enter<E: de::Error>(&self) -> Result<usize, E> {
        let depth = self.depth + 1;
        if depth > MAX_DEPTH {
            *self.state.too_deep.borrow_mut() = true;
            return Err(E::custom("too deep"));
        }
        Ok(depth)
    }

    /// A string value, noting a control character in it.
    fn string(&self, value: String) -> Value {
        if let Some(message) = control_character(&value) {
            self.state
                .report(Code::ControlCharacter, self.path, message);
        }
        Value::String(value)
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(self.string(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(self.string(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let depth = self.enter()?;
        let mut items = Vec::new();
        loop {
            let path = Path::Index(self.path, items.len());
            let node = Node {
                path: &path,
                depth,
                state: self.state,
            };
            match seq.next_element_seed(node)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let depth = self.enter()?;
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = Path::Key(self.path, &key);
            let node = Node {
                path: &path,
                depth,
                state: self.state,
            };
            let mark = self.state.mark();
            let value = map.next_value_seed(node)?;
            if object.contains_key(&key) {
                self.state.forget_replaced(mark, &path.pointer());
                let message = format!("the key `{key}` appears twice; the last one counts");
                self.state.report(Code::DuplicateKey, &path, message);
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// The parser's message, said for people who wrote a plan by hand.
fn explain(message: &str) -> String {
    if message.contains("surrogate") || message == "unexpected end of hex escape" {
        return "not valid JSON: a \\u escape names a lone UTF-16 surrogate (\\ud800–\\udfff) \
                or is cut short; a surrogate escape must come in a high–low pair"
            .to_owned();
    }
    if message == "trailing characters" {
        return "not valid JSON: more follows the plan's closing brace (two plans in one \
                file?)"
            .to_owned();
    }
    format!("not valid JSON: {message}")
}

/// `serde_json` appends " at line L column C"; we report those as fields instead.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message.get(..at).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}
