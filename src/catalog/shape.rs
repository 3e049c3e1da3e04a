//! The schemas of a provider compiled once into a graph for the fast verdict path
//! (`validate::fast`): one node per schema object, every `$ref` resolved to a node, the checks of
//! each node in the order the reference validator runs them, and what each node documents
//! (`properties`, `x-warn`). A keyword the walk does not evaluate compiles to
//! [`Check::Unsupported`]: an event that reaches it takes the reference path.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::{Draft, JsonType, JsonTypeSet, Validator};
use serde_json::{Map, Value};

use super::schemas::{KeywordNode, SchemaStore, resolve};

/// Index of a node in its shape.
pub(crate) type NodeId = usize;

/// One schema document, compiled for the direct walk: its root in the provider's graph.
pub(crate) struct Shape {
    pub(crate) root: NodeId,
    /// The document's `x-docs`: the provider's page about the event.
    pub(crate) docs: Option<String>,
}

/// Every schema node of one provider compiled so far, shared by the shapes of all its event types
/// and versions (they reference the same definitions). Nodes are only ever added.
#[derive(Default)]
pub(crate) struct Graph {
    pub(crate) nodes: Vec<Node>,
    /// Nodes by the address of their schema value (documents never move once parsed), so that a
    /// definition is compiled once and a recursive reference closes a cycle.
    seen: HashMap<usize, NodeId>,
}

/// One schema object (or boolean schema).
pub(crate) struct Node {
    /// What the node documents, for classifying its keywords' failures.
    pub(crate) info: Arc<KeywordNode>,
    /// `Some` for a boolean schema.
    pub(crate) boolean: Option<bool>,
    /// The node's checks, in the reference validator's order.
    pub(crate) checks: Vec<Check>,
}

/// One keyword of a node (or the fused `properties`/`patternProperties`/`additionalProperties`).
pub(crate) enum Check {
    /// `type`: the set, and whether it was written as one name (the error says so).
    Type {
        set: JsonTypeSet,
        single: Option<JsonType>,
    },
    Const(Arc<Value>),
    Enum(Arc<Value>),
    Required(Vec<String>),
    /// `pattern` on strings.
    Pattern {
        pattern: String,
        matcher: Matcher,
    },
    /// `format` on strings.
    Format {
        format: String,
        matcher: Matcher,
    },
    /// Any other assertion, settled by the reference validator on the keyword alone.
    Leaf {
        keyword: String,
        matcher: Matcher,
    },
    Object {
        properties: Vec<(String, NodeId)>,
        patterns: Vec<(Matcher, NodeId)>,
        additional: Additional,
    },
    Items(NodeId),
    AllOf(Vec<NodeId>),
    AnyOf(Vec<NodeId>),
    OneOf(Vec<NodeId>),
    Not(NodeId),
    If {
        condition: NodeId,
        then: Option<NodeId>,
        otherwise: Option<NodeId>,
    },
    Ref(NodeId),
    /// The catalog's `x-expected`.
    Expected(Vec<String>),
    /// A keyword the walk does not evaluate: an event that reaches it takes the reference path.
    Unsupported,
}

/// What `additionalProperties` says of the keys neither `properties` nor `patternProperties` name.
pub(crate) enum Additional {
    Any,
    Forbidden,
    Schema(NodeId),
}

/// A string test: a literal prefix checked directly, or the reference validator compiled for the
/// one keyword (so formats and regular expressions mean exactly what they mean there).
#[derive(Clone)]
pub(crate) enum Matcher {
    Prefix(String),
    Validator(Arc<Validator>),
}

impl Matcher {
    pub(crate) fn accepts(&self, value: &Value) -> bool {
        match self {
            Self::Prefix(prefix) => value.as_str().is_none_or(|s| s.starts_with(prefix.as_str())),
            Self::Validator(v) => v.is_valid(value),
        }
    }

    /// Whether a property name matches (for `patternProperties`).
    pub(crate) fn matches_key(&self, key: &str) -> bool {
        match self {
            Self::Prefix(prefix) => key.starts_with(prefix.as_str()),
            Self::Validator(v) => v.is_valid(&Value::String(key.to_owned())),
        }
    }

    fn pattern(pattern: &str) -> Option<Self> {
        if let Some(literal) = pattern.strip_prefix('^')
            && literal.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return Some(Self::Prefix(literal.to_owned()));
        }
        Self::keyword("pattern", &Value::String(pattern.to_owned()))
    }

    /// The reference validator for `{keyword: value}` alone, built once per distinct keyword.
    fn keyword(keyword: &str, value: &Value) -> Option<Self> {
        static CACHE: OnceLock<Mutex<HashMap<String, Option<Arc<Validator>>>>> = OnceLock::new();
        let mut schema = Map::new();
        schema.insert(keyword.to_owned(), value.clone());
        let schema = Value::Object(schema);
        let key = schema.to_string();
        let mut cache =
            CACHE.get_or_init(Mutex::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .entry(key)
            .or_insert_with(|| {
                jsonschema::options()
                    .with_draft(Draft::Draft202012)
                    .should_validate_formats(true)
                    .build(&schema)
                    .ok()
                    .map(Arc::new)
            })
            .clone()
            .map(Self::Validator)
    }
}

/// Keywords with no effect on validity: annotations and the catalog's own words.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$comment",
    "$defs",
    "definitions",
    "title",
    "description",
    "examples",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "x-docs",
    "x-warn",
    "x-aliases",
    "contentMediaType",
    "contentEncoding",
    "contentSchema",
    "then",
    "else",
];

/// Assertions on the instance alone, answered by the reference validator for the keyword.
const LEAVES: &[&str] = &[
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "uniqueItems",
    "dependentRequired",
];

/// The reference validator's order of keywords (its priority; custom keywords last).
fn priority(check: &Check) -> u8 {
    match check {
        Check::Type { .. } => 1,
        Check::Const(_) => 5,
        Check::Enum(_) => 6,
        Check::Leaf { keyword, .. } => match keyword.as_str() {
            "minimum" => 10,
            "maximum" => 11,
            "exclusiveMinimum" => 12,
            "exclusiveMaximum" => 13,
            "multipleOf" => 14,
            "minLength" => 20,
            "maxLength" => 21,
            "minItems" => 22,
            "maxItems" => 23,
            "minProperties" => 24,
            "maxProperties" => 25,
            "dependentRequired" => 27,
            "uniqueItems" => 35,
            _ => 43,
        },
        Check::Required(_) => 26,
        Check::Pattern { .. } => 30,
        Check::Format { .. } => 31,
        Check::Object { .. } => 40,
        Check::Items(_) => 44,
        Check::AllOf(_) => 50,
        Check::AnyOf(_) => 51,
        Check::OneOf(_) => 52,
        Check::Not(_) => 53,
        Check::If { .. } => 54,
        Check::Ref(_) => 70,
        Check::Expected(_) => 80,
        Check::Unsupported => 0,
    }
}

impl Graph {
    /// The shape of the document at `uri`, compiling what the graph does not hold yet.
    pub(crate) fn shape(&mut self, store: &SchemaStore, uri: &str) -> Shape {
        let doc = store.doc(uri);
        let is_2020 = doc
            .and_then(|d| d.get("$schema"))
            .and_then(Value::as_str)
            .is_none_or(|s| s.trim_end_matches('#') == "https://json-schema.org/draft/2020-12/schema");
        let docs = doc.and_then(|d| d.get("x-docs")).and_then(Value::as_str).map(str::to_owned);
        let root = match doc {
            // Another draft gives some keywords other meanings: its events take the reference path.
            Some(_) if !is_2020 => self.unsupported(),
            Some(schema) => Compiler { store, graph: self }.node(uri, schema),
            None => self.unsupported(),
        };
        Shape { root, docs }
    }

    fn unsupported(&mut self) -> NodeId {
        self.nodes.push(Node {
            info: Arc::new(KeywordNode::empty()),
            boolean: None,
            checks: vec![Check::Unsupported],
        });
        self.nodes.len() - 1
    }
}

struct Compiler<'s, 'g> {
    store: &'s SchemaStore,
    graph: &'g mut Graph,
}

impl<'s> Compiler<'s, '_> {
    /// The node of `schema`, a value inside document `doc`.
    fn node(&mut self, doc: &str, schema: &'s Value) -> NodeId {
        let address = std::ptr::from_ref(schema) as usize;
        if let Some(&id) = self.graph.seen.get(&address) {
            return id;
        }
        let id = self.graph.nodes.len();
        self.graph.seen.insert(address, id);
        let info = Arc::new(self.store.keyword_node_of(schema, doc));
        self.graph.nodes.push(Node { info, boolean: schema.as_bool(), checks: Vec::new() });
        let checks = match schema {
            Value::Object(map) => self.checks(doc, map),
            Value::Bool(_) => Vec::new(),
            _ => vec![Check::Unsupported],
        };
        self.graph.nodes[id].checks = checks;
        id
    }

    fn checks(&mut self, doc: &str, map: &'s Map<String, Value>) -> Vec<Check> {
        let mut checks = Vec::new();
        for (keyword, value) in map {
            let check = match keyword.as_str() {
                k if ANNOTATIONS.contains(&k) => continue,
                "type" => {
                    type_set(value).map_or(Check::Unsupported, |(set, single)| Check::Type { set, single })
                }
                "const" => Check::Const(Arc::new(value.clone())),
                "enum" if value.is_array() => Check::Enum(Arc::new(value.clone())),
                "required" => names(value).map_or(Check::Unsupported, Check::Required),
                super::keywords::EXPECTED => names(value).map_or(Check::Unsupported, Check::Expected),
                "pattern" => match value.as_str().and_then(|p| Some((p, Matcher::pattern(p)?))) {
                    Some((pattern, matcher)) => Check::Pattern { pattern: pattern.to_owned(), matcher },
                    None => Check::Unsupported,
                },
                "format" => {
                    match value.as_str().and_then(|f| Some((f, Matcher::keyword("format", value)?))) {
                        Some((format, matcher)) => Check::Format { format: format.to_owned(), matcher },
                        None => Check::Unsupported,
                    }
                }
                k if LEAVES.contains(&k) || (k == "propertyNames" && !value.to_string().contains("$ref")) => {
                    Matcher::keyword(k, value)
                        .map_or(Check::Unsupported, |matcher| Check::Leaf { keyword: k.to_owned(), matcher })
                }
                "properties" | "patternProperties" | "additionalProperties" => {
                    if checks.iter().any(|c| matches!(c, Check::Object { .. })) {
                        continue;
                    }
                    self.object(doc, map).unwrap_or(Check::Unsupported)
                }
                "items" if value.is_object() || value.is_boolean() => Check::Items(self.node(doc, value)),
                "allOf" | "anyOf" | "oneOf" => {
                    let Some(list) = value.as_array().filter(|l| !l.is_empty()) else {
                        checks.push(Check::Unsupported);
                        continue;
                    };
                    let ids = list.iter().map(|v| self.node(doc, v)).collect();
                    match keyword.as_str() {
                        "allOf" => Check::AllOf(ids),
                        "anyOf" => Check::AnyOf(ids),
                        _ => Check::OneOf(ids),
                    }
                }
                "not" => Check::Not(self.node(doc, value)),
                "if" => {
                    let condition = self.node(doc, value);
                    let then = map.get("then").map(|t| self.node(doc, t));
                    let otherwise = map.get("else").map(|e| self.node(doc, e));
                    if then.is_none() && otherwise.is_none() {
                        continue;
                    }
                    Check::If { condition, then, otherwise }
                }
                "$ref" => {
                    value.as_str().and_then(|r| self.reference(doc, r)).map_or(Check::Unsupported, Check::Ref)
                }
                // Anything else the reference validator might evaluate is not walked.
                k if is_schema_keyword(k) => Check::Unsupported,
                // Unknown keywords are annotations there as well.
                _ => continue,
            };
            checks.push(check);
        }
        checks.sort_by_key(priority);
        checks
    }

    /// The node a `$ref` written in document `doc` points at, if it is inside the provider.
    fn reference(&mut self, doc: &str, reference: &str) -> Option<NodeId> {
        let (path, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        if path.contains(':') || fragment.contains('%') || !(fragment.is_empty() || fragment.starts_with('/'))
        {
            return None;
        }
        let target = if path.is_empty() { doc.to_owned() } else { resolve(doc, path) };
        let store = self.store;
        let schema = crate::json::lookup(store.doc(&target)?, fragment)?;
        Some(self.node(&target, schema))
    }

    /// `properties`, `patternProperties` and `additionalProperties` of one node, as one check.
    fn object(&mut self, doc: &str, map: &'s Map<String, Value>) -> Option<Check> {
        let mut properties = Vec::new();
        if let Some(props) = map.get("properties") {
            for (name, schema) in props.as_object()? {
                properties.push((name.clone(), self.node(doc, schema)));
            }
        }
        let mut patterns = Vec::new();
        if let Some(pats) = map.get("patternProperties") {
            for (pattern, schema) in pats.as_object()? {
                patterns.push((Matcher::pattern(pattern)?, self.node(doc, schema)));
            }
        }
        let additional = match map.get("additionalProperties") {
            None | Some(Value::Bool(true)) => Additional::Any,
            Some(Value::Bool(false)) => Additional::Forbidden,
            Some(schema) => Additional::Schema(self.node(doc, schema)),
        };
        Some(Check::Object { properties, patterns, additional })
    }
}

/// Whether a keyword means something to a 2020-12 validator (so an unknown one is an annotation).
fn is_schema_keyword(keyword: &str) -> bool {
    matches!(
        keyword,
        "$id"
            | "$anchor"
            | "$dynamicAnchor"
            | "$dynamicRef"
            | "$recursiveRef"
            | "$recursiveAnchor"
            | "$vocabulary"
            | "items"
            | "prefixItems"
            | "contains"
            | "minContains"
            | "maxContains"
            | "additionalItems"
            | "unevaluatedItems"
            | "unevaluatedProperties"
            | "dependentSchemas"
            | "dependencies"
            | "propertyNames"
            | "discriminator"
            | "enum"
    )
}

fn type_set(value: &Value) -> Option<(JsonTypeSet, Option<JsonType>)> {
    match value {
        Value::String(name) => {
            let t: JsonType = name.parse().ok()?;
            Some((JsonTypeSet::empty().insert(t), Some(t)))
        }
        Value::Array(items) if items.len() == 1 => type_set(&items[0]),
        Value::Array(items) => {
            let mut set = JsonTypeSet::empty();
            for item in items {
                set = set.insert(item.as_str()?.parse().ok()?);
            }
            Some((set, None))
        }
        _ => None,
    }
}

fn names(value: &Value) -> Option<Vec<String>> {
    value.as_array()?.iter().map(|v| v.as_str().map(str::to_owned)).collect()
}
