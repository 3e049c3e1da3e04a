//! Reading an OpenAPI description for `catalog import`: JSON or YAML, its webhook (and callback)
//! operations with a JSON body, their examples, headers and constants, and how the event type
//! of a delivery is told.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::json::Pointer;

/// HTTP methods a webhook or callback path item may describe.
pub(super) const METHODS: &[&str] = &["post", "put", "patch", "get", "delete", "options", "head", "trace"];

/// Names that say a property or header carries the event type, preferred when several fit.
pub(super) const TYPE_NAMES: &[&str] =
    &["type", "event", "event_type", "eventType", "action", "kind", "topic"];

/// Why a text is not an OpenAPI description to import.
#[derive(Debug, thiserror::Error)]
pub(crate) enum SpecError {
    #[error("not valid JSON at line {line}, column {column}: {source}", line = .0.line(), column = .0.column(), source = .0)]
    Json(serde_json::Error),
    #[error("{}", yaml_message(.0))]
    Yaml(serde_norway::Error),
    /// What it says it is instead.
    #[error("not an OpenAPI 3.0 or 3.1 description (found {0})")]
    NotOpenApi3(String),
}

fn yaml_message(e: &serde_norway::Error) -> String {
    match e.location() {
        Some(l) => format!("not valid YAML at line {}, column {}: {e}", l.line(), l.column()),
        None => format!("not valid YAML: {e}"),
    }
}

/// A description read from JSON or YAML.
pub(crate) struct Spec {
    pub(super) root: Value,
}

/// One webhook (or callback) operation with a JSON body.
pub(super) struct Operation<'s> {
    /// Where it is in the description (`x-webhooks.ping.post`).
    pub(super) place: String,
    pub(super) name: String,
    pub(super) op: &'s Value,
    pub(super) schema: &'s Value,
    pub(super) examples: Vec<(String, Value)>,
    /// Header parameters: name and example.
    pub(super) headers: Vec<(String, Option<String>)>,
    pub(super) consts: BTreeMap<String, String>,
}

impl Spec {
    /// Reads JSON (a text starting with `{`) or YAML.
    pub(crate) fn parse(text: &str) -> Result<Self, SpecError> {
        let root: Value = if text.trim_start().starts_with('{') {
            serde_json::from_str(text).map_err(SpecError::Json)?
        } else {
            serde_norway::from_str(text).map_err(SpecError::Yaml)?
        };
        let version = root.get("openapi").and_then(Value::as_str).unwrap_or_default();
        if !(version.starts_with("3.0") || version.starts_with("3.1")) {
            let found = root
                .get("swagger")
                .map_or_else(|| format!("openapi {version:?}"), |v| format!("swagger {v} (OpenAPI 2)"));
            return Err(SpecError::NotOpenApi3(found));
        }
        Ok(Self { root })
    }

    /// Follows local `$ref`s (`#/components/...`) to the node they name.
    pub(super) fn resolve<'a>(&'a self, mut node: &'a Value) -> &'a Value {
        for _ in 0..32 {
            match node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')) {
                Some(pointer) => match self.root.pointer(pointer) {
                    Some(target) => node = target,
                    None => return node,
                },
                None => return node,
            }
        }
        node
    }

    pub(super) fn operations(&self, untranslated: &mut Vec<String>) -> Vec<Operation<'_>> {
        let mut ops = Vec::new();
        let mut items: Vec<(String, String, &Value)> = Vec::new();
        for section in ["webhooks", "x-webhooks"] {
            if let Some(map) = self.root.get(section).and_then(Value::as_object) {
                for (name, item) in map {
                    items.push((format!("{section}.{name}"), name.clone(), self.resolve(item)));
                }
            }
        }
        // Callbacks: requests the API sends back, described under the operation that registers them.
        let mut callbacks: Vec<(String, &Value)> = Vec::new();
        if let Some(paths) = self.root.get("paths").and_then(Value::as_object) {
            for (path, item) in paths {
                for method in METHODS {
                    if let Some(map) = self.resolve(item).get(*method).and_then(|o| o.get("callbacks")) {
                        for (name, cb) in map.as_object().into_iter().flatten() {
                            callbacks.push((format!("paths.{path}.{method}.callbacks.{name}"), cb));
                        }
                    }
                }
            }
        }
        for (place, cb) in callbacks {
            let name = place.rsplit('.').next().unwrap_or_default().to_owned();
            for (expression, item) in self.resolve(cb).as_object().into_iter().flatten() {
                items.push((format!("{place}.{expression}"), name.clone(), self.resolve(item)));
            }
        }
        for (place, name, item) in items {
            let path_params = item.get("parameters");
            for method in METHODS {
                let Some(op) = item.get(*method) else { continue };
                let place = format!("{place}.{method}");
                if let Some(op) = self.operation(place, name.clone(), op, path_params, untranslated) {
                    ops.push(op);
                }
            }
        }
        ops
    }

    pub(super) fn operation<'s>(
        &'s self,
        place: String,
        name: String,
        op: &'s Value,
        path_params: Option<&'s Value>,
        untranslated: &mut Vec<String>,
    ) -> Option<Operation<'s>> {
        let Some(content) = op.get("requestBody").map(|b| self.resolve(b)).and_then(|b| b.get("content"))
        else {
            untranslated.push(format!("{place}: no request body, so no event to describe"));
            return None;
        };
        let content = content.as_object()?;
        let json_type = content
            .keys()
            .find(|k| *k == "application/json")
            .or_else(|| content.keys().find(|k| k.contains("json")));
        for other in content.keys().filter(|k| Some(*k) != json_type) {
            untranslated
                .push(format!("{place}: the {other} body is not imported (hookscope reads JSON bodies)"));
        }
        let Some(media) = json_type.and_then(|k| content.get(k)) else {
            untranslated.push(format!("{place}: no JSON body"));
            return None;
        };
        let Some(schema) = media.get("schema") else {
            untranslated.push(format!("{place}: the JSON body has no schema"));
            return None;
        };
        let mut examples = Vec::new();
        if let Some(example) = media.get("example") {
            examples.push(("example".to_owned(), example.clone()));
        }
        for (key, example) in media.get("examples").and_then(Value::as_object).into_iter().flatten() {
            let example = self.resolve(example);
            match example.get("value") {
                Some(v) => examples.push((key.clone(), v.clone())),
                None => untranslated.push(format!(
                    "{place}: example {key:?} has no inline value (externalValue is never fetched)"
                )),
            }
        }
        let mut headers = Vec::new();
        for param in op.get("parameters").into_iter().chain(path_params).filter_map(Value::as_array).flatten()
        {
            let param = self.resolve(param);
            if param.get("in").and_then(Value::as_str) == Some("header")
                && let Some(name) = param.get("name").and_then(Value::as_str)
            {
                let example = param.get("example").and_then(Value::as_str).map(str::to_owned);
                headers.push((name.to_owned(), example));
            }
        }
        let mut consts = BTreeMap::new();
        self.collect_consts(schema, "", 0, &mut consts);
        Some(Operation { place, name, op, schema, examples, headers, consts })
    }

    /// Properties whose value is fixed for this event (`const`, or an `enum` of one string),
    /// at the top level and one level down, through `$ref` and `allOf`.
    pub(super) fn collect_consts(
        &self,
        schema: &Value,
        prefix: &str,
        depth: usize,
        out: &mut BTreeMap<String, String>,
    ) {
        self.collect_consts_in(schema, prefix, depth, &mut Vec::new(), out);
    }

    /// `reading` holds the schemas being read: one that refers back to itself (through `allOf`
    /// and `$ref`) is read once, not until the stack overflows.
    fn collect_consts_in<'a>(
        &'a self,
        schema: &'a Value,
        prefix: &str,
        depth: usize,
        reading: &mut Vec<&'a Value>,
        out: &mut BTreeMap<String, String>,
    ) {
        let schema = self.resolve(schema);
        if reading.iter().any(|r| std::ptr::eq(*r, schema)) {
            return;
        }
        reading.push(schema);
        for part in schema.get("allOf").and_then(Value::as_array).into_iter().flatten() {
            self.collect_consts_in(part, prefix, depth, reading, out);
        }
        for (key, property) in schema.get("properties").and_then(Value::as_object).into_iter().flatten() {
            let property = self.resolve(property);
            let pointer = Pointer::join(prefix, key);
            let fixed = property.get("const").and_then(Value::as_str).or_else(|| {
                match property.get("enum").and_then(Value::as_array).map(Vec::as_slice) {
                    Some([one]) => one.as_str(),
                    _ => None,
                }
            });
            if let Some(value) = fixed {
                out.insert(pointer, value.to_owned());
            } else if depth == 0 {
                self.collect_consts_in(property, &pointer, depth + 1, reading, out);
            }
        }
        reading.pop();
    }

    /// The top-level properties of a body schema: name, schema, whether required.
    pub(super) fn top_properties<'a>(&'a self, schema: &'a Value, out: &mut Vec<(String, &'a Value, bool)>) {
        self.top_properties_in(schema, &mut Vec::new(), out);
    }

    /// `reading` holds the schemas being read, so a cycle through `allOf` is read once.
    fn top_properties_in<'a>(
        &'a self,
        schema: &'a Value,
        reading: &mut Vec<&'a Value>,
        out: &mut Vec<(String, &'a Value, bool)>,
    ) {
        let schema = self.resolve(schema);
        if reading.iter().any(|r| std::ptr::eq(*r, schema)) {
            return;
        }
        reading.push(schema);
        for part in schema.get("allOf").and_then(Value::as_array).into_iter().flatten() {
            self.top_properties_in(part, reading, out);
        }
        let required = crate::authoring::required_names(schema.get("required"));
        for (key, property) in schema.get("properties").and_then(Value::as_object).into_iter().flatten() {
            out.push((key.clone(), self.resolve(property), required.contains(&key.as_str())));
        }
        reading.pop();
    }

    /// The refs used directly as members of an `allOf`: their objects must stay open, as the
    /// other members add properties.
    pub(super) fn composed_refs(&self) -> BTreeSet<String> {
        fn walk(node: &Value, out: &mut BTreeSet<String>) {
            match node {
                Value::Object(map) => {
                    if let Some(Value::Array(parts)) = map.get("allOf") {
                        for part in parts {
                            if let Some(r) = part.get("$ref").and_then(Value::as_str) {
                                out.insert(r.to_owned());
                            }
                        }
                    }
                    map.values().for_each(|v| walk(v, out));
                }
                Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let mut out = BTreeSet::new();
        walk(&self.root, &mut out);
        out
    }
}

/// How the event type of a delivery is told.
pub(super) enum TypeRule {
    Field(String),
    Header {
        name: String,
        subtype: Option<String>,
    },
    /// One webhook and nothing in it that names its type: the envelope's fixed `type`.
    Single(String),
}

impl TypeRule {
    pub(super) fn describe(&self) -> String {
        match self {
            Self::Field(p) => format!("the event type is the value at {p}"),
            Self::Single(name) => {
                format!("one webhook, {name}: every delivery the envelope's markers claim is of that type")
            }
            Self::Header { name, subtype: None } => format!("the event type is the {name} header"),
            Self::Header { name, subtype: Some(p) } => {
                format!(
                    "the event type is the {name} header, then \".\" and the value at {p} where there is one"
                )
            }
        }
    }
}

pub(super) fn preference(pointer: &str) -> (usize, usize, String) {
    let last = pointer.rsplit('/').next().unwrap_or_default();
    let rank = TYPE_NAMES.iter().position(|n| n.eq_ignore_ascii_case(last)).unwrap_or(TYPE_NAMES.len());
    (pointer.matches('/').count(), rank, pointer.to_owned())
}

/// Works out the type rule and each operation's type id.
pub(super) fn type_rule(ops: &[Operation<'_>]) -> Result<(TypeRule, Vec<String>), String> {
    // A field fixed in every event with a different value in each.
    let mut candidates: Vec<&String> =
        ops[0].consts.keys().filter(|p| ops.iter().all(|o| o.consts.contains_key(*p))).collect();
    candidates.retain(|p| {
        let values: BTreeSet<&String> = ops.iter().map(|o| &o.consts[*p]).collect();
        values.len() == ops.len()
    });
    candidates.sort_by_key(|p| preference(p));
    if let Some(pointer) = candidates.first() {
        let ids = ops.iter().map(|o| o.consts[*pointer].clone()).collect();
        return Ok((TypeRule::Field((*pointer).clone()), ids));
    }
    // A header named like an event type, in every event.
    let header = ops[0].headers.iter().map(|(n, _)| n).find(|name| {
        let lower = name.to_ascii_lowercase();
        (lower.ends_with("-event") || lower.ends_with("-event-type") || lower.ends_with("-topic"))
            && ops.iter().all(|o| o.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
    });
    if let Some(header) = header {
        let bases: Vec<String> = ops
            .iter()
            .map(|o| {
                o.headers
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(header))
                    .and_then(|(_, e)| e.clone())
                    .unwrap_or_else(|| o.name.clone())
            })
            .collect();
        let unique: BTreeSet<&String> = bases.iter().collect();
        if unique.len() == bases.len() {
            return Ok((TypeRule::Header { name: header.clone(), subtype: None }, bases));
        }
        // Several events share a header value: a fixed field tells them apart.
        let mut subtypes: Vec<&String> = ops.iter().flat_map(|o| o.consts.keys()).collect();
        subtypes.sort_by_key(|p| preference(p));
        subtypes.dedup();
        for pointer in subtypes {
            let ids: Vec<String> = ops
                .iter()
                .zip(&bases)
                .map(|(o, b)| o.consts.get(pointer).map_or_else(|| b.clone(), |v| format!("{b}.{v}")))
                .collect();
            if ids.iter().collect::<BTreeSet<_>>().len() == ids.len() {
                return Ok((TypeRule::Header { name: header.clone(), subtype: Some(pointer.clone()) }, ids));
            }
        }
    }
    // A description with one webhook needs no type field: the envelope names its one type.
    if let [only] = ops {
        return Ok((TypeRule::Single(only.name.clone()), vec![only.name.clone()]));
    }
    Err(format!(
        "cannot tell the {} events apart: no property is a const (or one-value enum) with a different value in each, \
         and no header parameter names the event type (like X-GitHub-Event)",
        ops.len()
    ))
}
