//! Phase two of loading: the JSON value against the format's JSON Schema, every problem
//! collected with its JSON Pointer.
//!
//! The schema is the one generated from the Rust types and committed under
//! `policy-data/schema/` (a test keeps it current), so the checker and the types cannot
//! disagree. The checker knows the part of JSON Schema that generation emits: `$ref`, `type`,
//! `properties`, `required`, `additionalProperties: false`, `items`, `enum`, `const`,
//! `oneOf`/`anyOf` and integer ranges.
//!
//! Chosen on measurement over the `jsonschema` crate: on the Wulong plan this walker takes
//! 93 µs against its 73 µs, but that crate adds about 2.2 MB to a size-optimised binary (its
//! regex engines and formats), far more than the whole WASM package may weigh.
//!
//! It also prunes what it rejects, so that the semantic rules can still run on what could be
//! read: an unknown field is dropped, an invalid optional field is dropped, an invalid list
//! item is removed from its list (and [`Pruned`] maps later paths back to the file), and an
//! object missing a required field is invalid as a whole. A plan whose root is an object is
//! never dropped so: its required fields (and theirs), missing or invalid, get stand-ins, and
//! the rules say nothing of what is at or inside a stand-in.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::LazyLock;

use serde_json::{Map, Value};

use crate::error::{Code, Issue};
use crate::load::escape_token;

/// The committed JSON Schemas of the plan format, of profiles and of scenarios.
const PLAN_SCHEMA: &str = include_str!("../../data/plan.schema.json");
const PROFILE_SCHEMA: &str = include_str!("../../data/profile.schema.json");
const SCENARIO_SCHEMA: &str = include_str!("../../data/scenario.schema.json");
const OBSERVATIONS_SCHEMA: &str = include_str!("../../data/observations.schema.json");

static PLAN: LazyLock<Schema> = LazyLock::new(|| Schema::compile(PLAN_SCHEMA, "plan"));
static PROFILE: LazyLock<Schema> = LazyLock::new(|| Schema::compile(PROFILE_SCHEMA, "profile"));
static SCENARIO: LazyLock<Schema> = LazyLock::new(|| Schema::compile(SCENARIO_SCHEMA, "scenario"));
static OBSERVATIONS: LazyLock<Schema> =
    LazyLock::new(|| Schema::compile(OBSERVATIONS_SCHEMA, "observation"));

/// What the checker found in a plan value.
pub(crate) struct Checked {
    /// Every shape problem, in document order.
    pub(crate) issues: Vec<Issue>,
    /// What was removed, to map paths back and to quiet rules about removed items.
    pub(crate) pruned: Pruned,
    /// Whether what remains can be read as a plan.
    pub(crate) readable: bool,
}

/// Checks `value` against the plan format, pruning what is invalid. A plan whose root is
/// an object is read even where its required fields are missing or invalid: each gets a
/// stand-in (see [`Pruned::stood_in`]), so that one missing `document` does not hide every
/// other problem of the file.
pub(crate) fn check_plan(value: &mut Value) -> Checked {
    let checked = check(&PLAN, value);
    if checked.readable || !value.is_object() {
        return checked;
    }
    let mut filler = Checker {
        schema: &PLAN,
        issues: Vec::new(),
        pruned: checked.pruned,
    };
    filler.stand_in(&PLAN.root, value, &mut String::new());
    Checked {
        issues: checked.issues,
        pruned: filler.pruned,
        readable: true,
    }
}

/// Checks `value` against the format of a profile, a scenario or observations, pruning what
/// is invalid.
pub(crate) fn check_input(value: &mut Value, format: super::Format) -> Checked {
    let schema = match format {
        super::Format::Profile => &*PROFILE,
        super::Format::Scenario => &*SCENARIO,
        super::Format::Observations => &*OBSERVATIONS,
    };
    check(schema, value)
}

/// The fields of each record of a format that is a list of records (observations): every
/// field, and whether it is required, in the schema's order. What a CSV header may name.
pub(crate) fn record_fields(format: super::Format) -> Vec<(&'static str, bool)> {
    let schema: &'static Schema = match format {
        super::Format::Profile => &PROFILE,
        super::Format::Scenario => &SCENARIO,
        super::Format::Observations => &OBSERVATIONS,
    };
    let mut node = &schema.root;
    loop {
        match node {
            Node::Array(item) => node = item,
            Node::Ref(def) => match schema.defs.get(*def) {
                Some(def) => node = &def.node,
                None => return Vec::new(),
            },
            Node::Object { properties, .. } => {
                return properties
                    .iter()
                    .map(|property| (property.name.as_str(), property.required))
                    .collect();
            }
            _ => return Vec::new(),
        }
    }
}

fn check(schema: &Schema, value: &mut Value) -> Checked {
    let mut checker = Checker {
        schema,
        issues: Vec::new(),
        pruned: Pruned::default(),
    };
    let mut path = String::new();
    let readable = checker.check(&schema.root, value, &mut path);
    Checked {
        issues: checker.issues,
        pruned: checker.pruned,
        readable,
    }
}

/// What the checker set aside: items removed from lists, optional fields dropped for a wrong
/// value, and required fields given stand-ins.
#[derive(Debug, Default)]
pub(crate) struct Pruned {
    /// For each list (by its pointer in the file), the positions removed from it.
    removed: HashMap<String, Vec<usize>>,
    /// The ids of removed items, so that references to them are not reported as unknown.
    pub(crate) ids: HashSet<String>,
    /// The pointers (in the file) of optional fields dropped for a wrong value, so that rules
    /// do not report them missing as well.
    fields: HashSet<String>,
    /// The pointers of required fields, of the root or of the objects it requires, that were
    /// missing or invalid and hold stand-ins.
    stand_ins: Vec<String>,
    /// Whether a stand-in replaced a value holding text, which may have held the plan's texts.
    text_stood_in: bool,
}

impl Pruned {
    /// Whether nothing that may have held the plan's texts was set aside.
    pub(crate) fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.fields.is_empty() && !self.text_stood_in
    }

    /// Whether the field at `path` (in the pruned value) was dropped for a wrong value.
    pub(crate) fn dropped(&self, path: &str) -> bool {
        !self.fields.is_empty() && self.fields.contains(&self.original(path))
    }

    /// Notes the optional field at `pointer` (in the file) as dropped for a wrong value by a
    /// check the schema cannot make (a date not on the calendar).
    pub(crate) fn drop_field(&mut self, pointer: String) {
        self.fields.insert(pointer);
    }

    /// Whether the value at `pointer` (in the file) is, or is inside, a stand-in for a
    /// required field: the shape check reported it, and what rules would say of the
    /// stand-in is not about the file.
    pub(crate) fn stood_in(&self, pointer: &str) -> bool {
        self.stand_ins.iter().any(|stand_in| {
            pointer
                .strip_prefix(stand_in.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    }

    /// Whether items were removed from the list at `pointer`.
    pub(crate) fn touched(&self, pointer: &str) -> bool {
        self.removed.contains_key(pointer)
    }

    /// The pointer in the file of what is at `path` in the pruned value.
    pub(crate) fn original(&self, path: &str) -> String {
        if self.removed.is_empty() || path.is_empty() {
            return path.to_owned();
        }
        let mut out = String::new();
        for token in path.split('/').skip(1) {
            let mapped = match (self.removed.get(&out), token.parse::<usize>()) {
                (Some(removed), Ok(index)) => original_index(removed, index).to_string(),
                _ => token.to_owned(),
            };
            out.push('/');
            out.push_str(&mapped);
        }
        out
    }
}

/// The position in the original list of the item now at `index`, given the removed positions
/// (ascending).
fn original_index(removed: &[usize], index: usize) -> usize {
    let mut original = index;
    for &gone in removed {
        if gone <= original {
            original += 1;
        }
    }
    original
}

/// A compiled schema: definitions by position, and the root.
struct Schema {
    defs: Vec<Def>,
    root: Node,
    /// What the root is called in messages.
    root_name: &'static str,
}

/// A named object type.
struct Def {
    /// The type's name, e.g. `Task`.
    name: String,
    node: Node,
}

enum Node {
    Any,
    Null,
    Bool,
    Integer {
        min: Option<i64>,
        max: Option<u64>,
    },
    Number,
    String,
    /// One of these strings.
    Enum(Vec<String>),
    Array(Box<Node>),
    Object {
        /// The def this object is, for messages.
        name: Option<usize>,
        properties: Vec<Property>,
    },
    Ref(usize),
    /// The inner node, or `null`.
    Nullable(Box<Node>),
    /// An object of any keys, each value the inner node.
    Map(Box<Node>),
    /// An object of exactly one key, the variant's tag (an externally tagged enum).
    Variants(Vec<(String, Node)>),
    /// A value of one of these types.
    Either(Vec<Node>),
}

struct Property {
    name: String,
    node: Node,
    required: bool,
}

impl Schema {
    /// Compiles the schema text. The text is ours and fixed; a part this checker does not
    /// know becomes `Any` (and the schema test would show it).
    fn compile(text: &str, root_name: &'static str) -> Schema {
        let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        let empty = Map::new();
        let defs_json = value
            .get("$defs")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let names: Vec<&String> = defs_json.keys().collect();
        let position = |name: &str| names.iter().position(|n| *n == name);
        let compile = |json: &Value, own: Option<usize>| compile_node(json, own, &position);
        let defs = defs_json
            .iter()
            .enumerate()
            .map(|(i, (name, json))| Def {
                name: name.clone(),
                node: compile(json, Some(i)),
            })
            .collect();
        let root = compile(&value, None);
        Schema {
            defs,
            root,
            root_name,
        }
    }

    fn name_of(&self, def: Option<usize>) -> &str {
        def.and_then(|i| self.defs.get(i))
            .map_or(self.root_name, |def| def.name.as_str())
    }
}

fn compile_node(
    json: &Value,
    own: Option<usize>,
    position: &dyn Fn(&str) -> Option<usize>,
) -> Node {
    let child = |json: &Value| compile_node(json, None, position);
    if let Some(reference) = json.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or_default();
        return position(name).map_or(Node::Any, Node::Ref);
    }
    if let Some(branches) = json
        .get("oneOf")
        .or_else(|| json.get("anyOf"))
        .and_then(Value::as_array)
    {
        return compile_branches(branches, &child);
    }
    if let Some(values) = json.get("enum").and_then(Value::as_array) {
        return Node::Enum(
            values
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
        );
    }
    if let Some(value) = json.get("const").and_then(Value::as_str) {
        return Node::Enum(vec![value.to_owned()]);
    }
    let (kind, nullable) = match json.get("type") {
        Some(Value::String(kind)) => (kind.as_str(), false),
        Some(Value::Array(kinds)) => {
            let kinds: Vec<&str> = kinds.iter().filter_map(Value::as_str).collect();
            match kinds.as_slice() {
                [kind, "null"] | ["null", kind] => (*kind, true),
                _ => return Node::Any,
            }
        }
        _ => return Node::Any,
    };
    let node = match kind {
        "null" => Node::Null,
        "boolean" => Node::Bool,
        "number" => Node::Number,
        "string" => Node::String,
        "integer" => Node::Integer {
            min: json.get("minimum").and_then(Value::as_i64),
            // schemars bounds a `u16` with `maximum`, but a `u32` or `u64` by its format only.
            max: json.get("maximum").and_then(Value::as_u64).or_else(|| {
                match json.get("format").and_then(Value::as_str)? {
                    "uint8" => Some(u8::MAX.into()),
                    "uint16" => Some(u16::MAX.into()),
                    "uint32" => Some(u32::MAX.into()),
                    _ => None,
                }
            }),
        },
        "array" => Node::Array(Box::new(json.get("items").map_or(Node::Any, child))),
        "object"
            if json
                .get("additionalProperties")
                .is_some_and(Value::is_object) =>
        {
            Node::Map(Box::new(
                json.get("additionalProperties").map_or(Node::Any, child),
            ))
        }
        "object" => {
            let required: Vec<&str> = json
                .get("required")
                .and_then(Value::as_array)
                .map(|names| names.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let properties = json
                .get("properties")
                .and_then(Value::as_object)
                .map(|properties| {
                    properties
                        .iter()
                        .map(|(name, json)| Property {
                            name: name.clone(),
                            node: child(json),
                            required: required.contains(&name.as_str()),
                        })
                        .collect()
                })
                .unwrap_or_default();
            Node::Object {
                name: own,
                properties,
            }
        }
        _ => Node::Any,
    };
    if nullable {
        Node::Nullable(Box::new(node))
    } else {
        node
    }
}

/// A `oneOf`/`anyOf`: string constants (an enum), objects of one required key (an
/// externally tagged enum), a type or `null`, or a choice of types.
fn compile_branches(branches: &[Value], child: &dyn Fn(&Value) -> Node) -> Node {
    let consts: Option<Vec<String>> = branches
        .iter()
        .map(|b| b.get("const").and_then(Value::as_str).map(str::to_owned))
        .collect();
    if let Some(values) = consts {
        return Node::Enum(values);
    }
    let tags: Option<Vec<(String, Node)>> = branches
        .iter()
        .map(|branch| {
            let required = branch.get("required")?.as_array()?;
            let [tag] = required.as_slice() else {
                return None;
            };
            let tag = tag.as_str()?;
            let node = child(branch.get("properties")?.get(tag)?);
            Some((tag.to_owned(), node))
        })
        .collect();
    if let Some(tags) = tags {
        return Node::Variants(tags);
    }
    let is_null = |b: &Value| b.get("type").and_then(Value::as_str) == Some("null");
    if let [a, b] = branches {
        if is_null(b) {
            return Node::Nullable(Box::new(child(a)));
        }
        if is_null(a) {
            return Node::Nullable(Box::new(child(b)));
        }
    }
    Node::Either(branches.iter().map(child).collect())
}

struct Checker<'s> {
    schema: &'s Schema,
    issues: Vec<Issue>,
    pruned: Pruned,
}

impl<'s> Checker<'s> {
    fn report(&mut self, code: Code, path: &str, message: String) {
        self.issues.push(Issue::new(code, path, message));
    }

    /// Checks `value` at `path` against `node`; `false` if it is invalid as a whole.
    fn check(&mut self, node: &Node, value: &mut Value, path: &mut String) -> bool {
        match node {
            Node::Any => true,
            Node::Ref(def) => match self.schema.defs.get(*def) {
                Some(def) => self.check(&def.node, value, path),
                None => true,
            },
            Node::Nullable(inner) => value.is_null() || self.check(inner, value, path),
            Node::Null => self.expect(value.is_null(), "null", value, path),
            Node::Bool => self.expect(value.is_boolean(), "true or false", value, path),
            Node::Number => self.decimal(value, path),
            Node::String => self.expect(value.is_string(), "a string", value, path),
            Node::Integer { min, max } => self.integer(*min, *max, value, path),
            Node::Enum(values) => self.one_of(values, value, path),
            Node::Array(item) => self.array(item, value, path),
            Node::Object { name, properties } => self.object(*name, properties, value, path),
            Node::Map(inner) => self.map(inner, value, path),
            Node::Variants(tags) => self.variant(tags, value, path),
            Node::Either(branches) => self.either(branches, value, path),
        }
    }

    /// Fills each required field of the object `value` that `node` finds missing or invalid
    /// (after [`Checker::check`] pruned it): an invalid object in its own required fields,
    /// anything else with the simplest value its node allows. Nothing is reported: the check
    /// did.
    fn stand_in(&mut self, node: &Node, value: &mut Value, path: &mut String) {
        let node = self.resolved(node);
        let (Node::Object { properties, .. }, Value::Object(fields)) = (node, value) else {
            return;
        };
        let length = path.len();
        for property in properties.iter().filter(|property| property.required) {
            path.push('/');
            path.push_str(&escape_token(&property.name));
            let mut scratch = Checker {
                schema: self.schema,
                issues: Vec::new(),
                pruned: Pruned::default(),
            };
            let valid = (fields.get_mut(&property.name))
                .is_some_and(|field| scratch.check(&property.node, field, path));
            let object = matches!(self.resolved(&property.node), Node::Object { .. });
            match fields.get_mut(&property.name) {
                _ if valid => {}
                Some(field) if field.is_object() && object => {
                    self.stand_in(&property.node, field, path);
                }
                _ => {
                    let stand_in = self.simplest(&property.node, 0);
                    let replaced = fields.insert(property.name.clone(), stand_in);
                    self.pruned.text_stood_in |= replaced.as_ref().is_some_and(holds_text);
                    self.pruned.stand_ins.push(path.clone());
                }
            }
            path.truncate(length);
        }
    }

    /// The node a reference refers to, else the node.
    fn resolved<'n>(&self, node: &'n Node) -> &'n Node
    where
        's: 'n,
    {
        match node {
            Node::Ref(def) => self
                .schema
                .defs
                .get(*def)
                .map_or(node, |def| self.resolved(&def.node)),
            _ => node,
        }
    }

    /// The simplest value `node` allows: empty, zero (or a positive minimum), the first
    /// choice, an object of its required fields; `null` below [`MAX_DEPTH`](super::MAX_DEPTH)
    /// levels, where a schema that required itself would have led.
    fn simplest(&self, node: &Node, depth: usize) -> Value {
        if depth > super::MAX_DEPTH {
            return Value::Null;
        }
        let simplest = |node: &Node| self.simplest(node, depth + 1);
        match self.resolved(node) {
            Node::Any | Node::Null | Node::Nullable(_) | Node::Ref(_) => Value::Null,
            Node::Bool => Value::Bool(false),
            Node::Integer { min, .. } => Value::from(min.unwrap_or(0).max(0)),
            Node::Number => Value::from(0),
            Node::String => Value::from(""),
            Node::Enum(values) => values
                .first()
                .map_or(Value::Null, |v| Value::from(v.as_str())),
            Node::Array(_) => Value::Array(Vec::new()),
            Node::Map(_) => Value::Object(Map::new()),
            Node::Object { properties, .. } => Value::Object(
                properties
                    .iter()
                    .filter(|property| property.required)
                    .map(|property| (property.name.clone(), simplest(&property.node)))
                    .collect(),
            ),
            Node::Variants(tags) => tags.first().map_or(Value::Null, |(tag, node)| {
                Value::Object(Map::from_iter([(tag.clone(), simplest(node))]))
            }),
            Node::Either(branches) => branches.first().map_or(Value::Null, simplest),
        }
    }

    /// What a node expects, in a few words, for messages; a reference says what it refers to.
    fn noun(&self, node: &Node) -> &'static str {
        match node {
            Node::Ref(def) => self
                .schema
                .defs
                .get(*def)
                .map_or("a value", |def| self.noun(&def.node)),
            Node::Null => "null",
            Node::Bool => "true or false",
            Node::Integer { .. } => "a whole number",
            Node::Number => "a number",
            Node::String | Node::Enum(_) => "a string",
            Node::Array(_) => "an array",
            Node::Any => "a value",
            Node::Object { .. }
            | Node::Map(_)
            | Node::Variants(_)
            | Node::Either(_)
            | Node::Nullable(_) => "an object",
        }
    }

    fn map(&mut self, inner: &Node, value: &mut Value, path: &mut String) -> bool {
        let Value::Object(fields) = value else {
            return self.expect(false, "an object", value, path);
        };
        let length = path.len();
        let mut invalid = Vec::new();
        for (key, field) in fields.iter_mut() {
            path.push('/');
            path.push_str(&escape_token(key));
            if !self.check(inner, field, path) {
                invalid.push(key.clone());
            }
            path.truncate(length);
        }
        for key in invalid {
            fields.shift_remove(&key);
        }
        true
    }

    fn variant(&mut self, tags: &[(String, Node)], value: &mut Value, path: &mut String) -> bool {
        let names = || tags.iter().map(|(tag, _)| tag.as_str());
        let key = match value {
            Value::Object(fields) if fields.len() == 1 => fields.keys().next().cloned(),
            _ => None,
        };
        let Some(key) = key else {
            let expected = format!(
                "an object of one key, one of: {}",
                names().collect::<Vec<_>>().join(", ")
            );
            return self.expect(false, &expected, value, path);
        };
        let length = path.len();
        path.push('/');
        path.push_str(&escape_token(&key));
        let valid = if let (Some((_, node)), Some(inner)) = (
            tags.iter().find(|(tag, _)| *tag == key),
            value.get_mut(&key),
        ) {
            self.check(node, inner, path)
        } else {
            let message = format!(
                "unknown key `{key}`{}; expected one of: {}",
                did_you_mean(&key, names()),
                names().collect::<Vec<_>>().join(", ")
            );
            self.report(Code::UnknownField, path, message);
            false
        };
        path.truncate(length);
        valid
    }

    fn either(&mut self, branches: &[Node], value: &mut Value, path: &mut String) -> bool {
        let before = self.issues.len();
        for branch in branches {
            let mut copy = value.clone();
            if self.check(branch, &mut copy, path) && self.issues.len() == before {
                return true;
            }
            self.issues.truncate(before);
        }
        let expected: Vec<&str> = branches.iter().map(|branch| self.noun(branch)).collect();
        self.expect(false, &expected.join(" or "), value, path)
    }

    fn expect(&mut self, ok: bool, expected: &str, value: &Value, path: &str) -> bool {
        if !ok {
            let message = format!("expected {expected}, found {}", describe(value));
            self.report(Code::WrongType, path, message);
        }
        ok
    }

    /// A whole number within the node's range. One written with a point or an exponent
    /// (`2023.0`, `-0`, `1e3`) is that whole number, and is rewritten as one for the types:
    /// JSON's numbers have one kind, and JavaScript and Python hand over `2023.0` as `2023`.
    fn integer(
        &mut self,
        min: Option<i64>,
        max: Option<u64>,
        value: &mut Value,
        path: &str,
    ) -> bool {
        let range = match (min, max) {
            (Some(min), Some(max)) => format!("a whole number from {min} to {max}"),
            _ => "a whole number".to_owned(),
        };
        let whole = value.as_f64().filter(|float| {
            value.is_f64() && float.is_finite() && float.fract() == 0.0 && float.abs() < 1e38
        });
        #[allow(
            clippy::cast_possible_truncation,
            reason = "a whole float under 10^38 converts to i128 exactly"
        )]
        let Some(number) = (value.as_i64().map(i128::from))
            .or(value.as_u64().map(i128::from))
            .or(whole.map(|float| float as i128))
        else {
            return self.expect(false, &range, value, path);
        };
        let below = min.is_some_and(|min| number < i128::from(min));
        let above = max.is_some_and(|max| number > i128::from(max));
        let held = match (i64::try_from(number), u64::try_from(number)) {
            (Ok(number), _) => Some(Value::from(number)),
            (_, Ok(number)) => Some(Value::from(number)),
            _ => None,
        };
        let Some(held) = held.filter(|_| !below && !above) else {
            let message = format!("{number} is out of range: expected {range}");
            self.report(Code::OutOfRange, path, message);
            return false;
        };
        if whole.is_some() {
            *value = held;
        }
        true
    }

    /// A number, which every number of the formats is: a [`crate::Decimal`], so one it
    /// cannot hold exactly is out of range here, at its path, rather than unreadable later.
    fn decimal(&mut self, value: &Value, path: &str) -> bool {
        let Some(number) = value.as_number() else {
            return self.expect(false, "a number", value, path);
        };
        if <crate::Decimal as serde::Deserialize>::deserialize(value).is_err() {
            let message = format!(
                "{number} cannot be kept exactly: a number here is a whole number up to {} \
                 either way, or has at most 15 significant digits, 9 after the point",
                crate::LARGEST_NUMBER
            );
            self.report(Code::OutOfRange, path, message);
            return false;
        }
        true
    }

    fn one_of(&mut self, values: &[String], value: &Value, path: &str) -> bool {
        let Some(text) = value.as_str() else {
            return self.expect(false, "a string", value, path);
        };
        if values.iter().any(|allowed| allowed == text) {
            return true;
        }
        let message = format!(
            "unknown value `{text}`{}; expected one of: {}",
            did_you_mean(text, values.iter().map(String::as_str)),
            values.join(", ")
        );
        self.report(Code::UnknownValue, path, message);
        false
    }

    fn array(&mut self, item: &Node, value: &mut Value, path: &mut String) -> bool {
        let Value::Array(items) = value else {
            return self.expect(false, "an array", value, path);
        };
        let mut removed = Vec::new();
        let length = path.len();
        for (i, element) in items.iter_mut().enumerate() {
            let _ = write!(path, "/{i}");
            if !self.check(item, element, path) {
                removed.push(i);
                if let Some(id) = element.get("id").and_then(Value::as_str) {
                    self.pruned.ids.insert(id.to_owned());
                }
            }
            path.truncate(length);
        }
        if !removed.is_empty() {
            for &i in removed.iter().rev() {
                items.remove(i);
            }
            self.pruned.removed.insert(path.clone(), removed);
        }
        true
    }

    fn object(
        &mut self,
        name: Option<usize>,
        properties: &[Property],
        value: &mut Value,
        path: &mut String,
    ) -> bool {
        let Value::Object(fields) = value else {
            return self.expect(false, "an object", value, path);
        };
        let length = path.len();
        let mut valid = true;
        let mut unknown = Vec::new();
        for (key, field) in fields.iter_mut() {
            path.push('/');
            path.push_str(&escape_token(key));
            if let Some(property) = properties.iter().find(|property| property.name == *key) {
                if !self.check(&property.node, field, path) {
                    if property.required {
                        valid = false;
                    } else {
                        self.pruned.fields.insert(path.clone());
                        unknown.push(key.clone());
                    }
                }
            } else {
                let message = format!(
                    "unknown field `{key}`{}; {} has: {}",
                    did_you_mean(key, properties.iter().map(|p| p.name.as_str())),
                    with_article(&self.schema.name_of(name).to_ascii_lowercase()),
                    properties
                        .iter()
                        .map(|p| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                self.report(Code::UnknownField, path, message);
                unknown.push(key.clone());
            }
            path.truncate(length);
        }
        for key in unknown {
            fields.shift_remove(&key);
        }
        for property in properties.iter().filter(|p| p.required) {
            if !fields.contains_key(&property.name) {
                let pointer = format!("{path}/{}", escape_token(&property.name));
                let message = format!(
                    "the required field `{}` of {} is missing",
                    property.name,
                    with_article(&self.schema.name_of(name).to_ascii_lowercase())
                );
                self.report(Code::MissingField, &pointer, message);
                valid = false;
            }
        }
        valid
    }
}

/// Whether a JSON value is or holds a string.
fn holds_text(value: &Value) -> bool {
    match value {
        Value::String(_) => true,
        Value::Array(items) => items.iter().any(holds_text),
        Value::Object(fields) => fields.values().any(holds_text),
        _ => false,
    }
}

/// A JSON value in a few words, for messages.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 20 => "a string".to_owned(),
        Value::String(s) => format!("the string \"{s}\""),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// `; did you mean `x`?` for the closest of `candidates`, if one is close.
fn did_you_mean<'a>(typed: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    candidates
        .map(|candidate| (strsim::jaro_winkler(typed, candidate), candidate))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, best)| format!("; did you mean `{best}`?"))
        .unwrap_or_default()
}

/// `a` or `an` before a noun, by its first sound: an observation, a plan, a unit.
fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']) && !noun.starts_with("uni");
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn original_indexes_skip_removed_positions() {
        assert_eq!(original_index(&[3], 2), 2);
        assert_eq!(original_index(&[3], 3), 4);
        assert_eq!(original_index(&[0, 1], 0), 2);
        let mut pruned = Pruned::default();
        pruned.removed.insert("/tasks".into(), vec![3]);
        pruned.removed.insert("/tasks/5/measures".into(), vec![0]);
        assert_eq!(
            pruned.original("/tasks/4/measures/0/id"),
            "/tasks/5/measures/1/id"
        );
        assert_eq!(pruned.original("/tasks/2"), "/tasks/2");
        assert_eq!(pruned.original(""), "");
    }

    #[test]
    fn a_stand_in_covers_its_field_and_what_is_inside_it() {
        let mut pruned = Pruned::default();
        pruned.stand_ins.push("/document".into());
        assert!(pruned.stood_in("/document"));
        assert!(pruned.stood_in("/document/title/zh"));
        assert!(!pruned.stood_in("/documents/0"));
        assert!(!pruned.stood_in("/id"));
    }

    #[test]
    fn stand_ins_are_the_simplest_values_the_schema_allows() {
        let mut value: Value =
            serde_json::from_str(r#"{"id": 5, "document": {"title": {}}}"#).unwrap();
        let checked = check_plan(&mut value);
        assert!(checked.readable);
        assert_eq!(
            value,
            serde_json::json!({"id": "", "document": {"title": {"zh": ""}}})
        );
        assert!(checked.pruned.stood_in("/id") && checked.pruned.stood_in("/document/title/zh"));
        assert!(!checked.pruned.stood_in("/document/number"));
        // A number and a missing title held no text that rules on the texts could miss.
        assert!(checked.pruned.is_empty());
        let mut value: Value =
            serde_json::from_str(r#"{"id": "x", "document": ["武隆"]}"#).unwrap();
        assert!(!check_plan(&mut value).pruned.is_empty());
        let codes: Vec<_> = checked
            .issues
            .iter()
            .map(|i| (i.code, i.path.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                (Code::WrongType, "/id"),
                (Code::MissingField, "/document/title/zh")
            ]
        );
    }

    #[test]
    fn the_committed_schema_compiles_to_objects() {
        let schema = &*PLAN;
        assert!(matches!(schema.root, Node::Object { .. }));
        assert!(schema.defs.iter().any(|def| def.name == "Task"));
    }
}
