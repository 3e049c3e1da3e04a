//! `catalog import`: a user catalog from an OpenAPI description's webhooks (3.1 `webhooks`, 3.0
//! `x-webhooks`, callbacks), one JSON Schema per event type with every `$ref` made local, and
//! whatever cannot be translated listed, never dropped in silence.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::{ProviderOut, slug, usable_type_name};

/// HTTP methods a webhook or callback path item may describe.
const METHODS: &[&str] = &["post", "put", "patch", "get", "delete", "options", "head", "trace"];

/// Names that say a property or header carries the event type, preferred when several fit.
const TYPE_NAMES: &[&str] = &["type", "event", "event_type", "eventType", "action", "kind", "topic"];

/// A description read from JSON or YAML.
pub(crate) struct Spec {
    root: Value,
}

/// What importing wrote and what it left out.
pub(crate) struct Imported {
    pub provider: String,
    pub type_rule: String,
    /// Each event type and where its sample came from.
    pub types: Vec<(String, SampleOrigin)>,
    pub untranslated: Vec<String>,
    pub files: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SampleOrigin {
    Example,
    Generated,
}

/// One webhook (or callback) operation with a JSON body.
struct Operation<'s> {
    /// Where it is in the description (`x-webhooks.ping.post`).
    place: String,
    name: String,
    op: &'s Value,
    schema: &'s Value,
    examples: Vec<(String, Value)>,
    /// Header parameters: name and example.
    headers: Vec<(String, Option<String>)>,
    consts: BTreeMap<String, String>,
}

impl Spec {
    /// Reads JSON (a text starting with `{`) or YAML.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        let root: Value = if text.trim_start().starts_with('{') {
            serde_json::from_str(text)
                .map_err(|e| format!("not valid JSON at line {}, column {}: {e}", e.line(), e.column()))?
        } else {
            serde_norway::from_str(text).map_err(|e| match e.location() {
                Some(l) => format!("not valid YAML at line {}, column {}: {e}", l.line(), l.column()),
                None => format!("not valid YAML: {e}"),
            })?
        };
        let version = root.get("openapi").and_then(Value::as_str).unwrap_or_default();
        if !(version.starts_with("3.0") || version.starts_with("3.1")) {
            let found = root
                .get("swagger")
                .map_or_else(|| format!("openapi {version:?}"), |v| format!("swagger {v} (OpenAPI 2)"));
            return Err(format!("not an OpenAPI 3.0 or 3.1 description (found {found})"));
        }
        Ok(Self { root })
    }

    /// Follows local `$ref`s (`#/components/...`) to the node they name.
    fn resolve<'a>(&'a self, mut node: &'a Value) -> &'a Value {
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

    fn operations(&self, untranslated: &mut Vec<String>) -> Vec<Operation<'_>> {
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

    fn operation<'s>(
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
        self.collect_consts(schema, "", 0, &mut Vec::new(), &mut consts);
        Some(Operation { place, name, op, schema, examples, headers, consts })
    }

    /// Properties whose value is fixed for this event (`const`, or an `enum` of one string),
    /// at the top level and one level down, through `$ref` and `allOf`.
    /// `reading` holds the schemas being read: one that refers back to itself (through `allOf`
    /// and `$ref`) is read once.
    fn collect_consts<'a>(
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
            self.collect_consts(part, prefix, depth, reading, out);
        }
        for (key, property) in schema.get("properties").and_then(Value::as_object).into_iter().flatten() {
            let property = self.resolve(property);
            let pointer = crate::json::child_pointer(prefix, key);
            let fixed = property.get("const").and_then(Value::as_str).or_else(|| {
                match property.get("enum").and_then(Value::as_array).map(Vec::as_slice) {
                    Some([one]) => one.as_str(),
                    _ => None,
                }
            });
            if let Some(value) = fixed {
                out.insert(pointer, value.to_owned());
            } else if depth == 0 {
                self.collect_consts(property, &pointer, depth + 1, reading, out);
            }
        }
        reading.pop();
    }

    /// The top-level properties of a body schema: name, schema, whether required.
    /// `reading` holds the schemas being read, so a cycle through `allOf` is read once.
    fn top_properties<'a>(
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
            self.top_properties(part, reading, out);
        }
        let required = super::required_names(schema.get("required"));
        for (key, property) in schema.get("properties").and_then(Value::as_object).into_iter().flatten() {
            out.push((key.clone(), self.resolve(property), required.contains(&key.as_str())));
        }
        reading.pop();
    }

    /// The refs used directly as members of an `allOf`: their objects must stay open, as the
    /// other members add properties.
    fn composed_refs(&self) -> BTreeSet<String> {
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
enum TypeRule {
    Field(String),
    Header {
        name: String,
        subtype: Option<String>,
    },
    /// One webhook and nothing in it that names its type: the envelope's fixed `type`.
    Single(String),
}

impl TypeRule {
    fn describe(&self) -> String {
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

fn preference(pointer: &str) -> (usize, usize, String) {
    let last = pointer.rsplit('/').next().unwrap_or_default();
    let rank = TYPE_NAMES.iter().position(|n| n.eq_ignore_ascii_case(last)).unwrap_or(TYPE_NAMES.len());
    (pointer.matches('/').count(), rank, pointer.to_owned())
}

/// Works out the type rule and each operation's type id.
fn type_rule(ops: &[Operation<'_>]) -> Result<(TypeRule, Vec<String>), String> {
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

/// Turns OpenAPI Schema Objects into JSON Schema 2020-12 under hookscope's policy.
struct Converter<'s> {
    spec: &'s Spec,
    composed: &'s BTreeSet<String>,
    /// `$ref` -> local definition name.
    names: HashMap<String, String>,
    pending: Vec<String>,
    defs: Map<String, Value>,
    notes: Vec<String>,
    place: String,
}

impl<'s> Converter<'s> {
    fn new(spec: &'s Spec, composed: &'s BTreeSet<String>, place: &str) -> Self {
        Self {
            spec,
            composed,
            names: HashMap::new(),
            pending: Vec::new(),
            defs: Map::new(),
            notes: Vec::new(),
            place: place.to_owned(),
        }
    }

    /// The event schema: the body schema with every definition it reaches in `$defs`.
    fn event_schema(mut self, body: &Value) -> (Value, Vec<String>) {
        // A body that is one reference is inlined: the event's own fields at the top.
        let (root, closed) = match body.get("$ref").and_then(Value::as_str) {
            Some(r) if r.starts_with('#') && body.as_object().is_some_and(|o| o.len() == 1) => {
                (self.spec.resolve(body), !self.composed.contains(r))
            }
            _ => (body, true),
        };
        let mut root = self.convert(root, closed);
        while let Some(reference) = self.pending.pop() {
            let name = self.names[&reference].clone();
            let target =
                reference.strip_prefix('#').and_then(|p| self.spec.root.pointer(p)).unwrap_or(&Value::Null);
            let closed = !self.composed.contains(&reference);
            let converted = self.convert(target, closed);
            self.defs.insert(name, converted);
        }
        if !self.defs.is_empty()
            && let Some(map) = root.as_object_mut()
        {
            map.insert("$defs".to_owned(), Value::Object(std::mem::take(&mut self.defs)));
        }
        (root, self.notes)
    }

    fn local_name(&mut self, reference: &str) -> String {
        if let Some(name) = self.names.get(reference) {
            return name.clone();
        }
        let last = reference.rsplit('/').next().unwrap_or("def").replace("~1", "/").replace("~0", "~");
        let mut name: String = last
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || "-_.".contains(c) { c } else { '_' })
            .collect();
        while self.names.values().any(|n| *n == name) {
            name.push('_');
        }
        self.names.insert(reference.to_owned(), name.clone());
        self.pending.push(reference.to_owned());
        name
    }

    /// One schema node; `close` says whether an object with documented fields gets
    /// `unevaluatedProperties: false` (not for members of an `allOf`, which others extend).
    fn convert(&mut self, node: &Value, close: bool) -> Value {
        let Some(map) = node.as_object() else {
            // `true`/`false` schemas (3.1) stay as they are.
            return if node.is_boolean() { node.clone() } else { json!({}) };
        };
        let mut out = Map::new();
        for (key, value) in map {
            match key.as_str() {
                "$ref" => {
                    let Some(reference) = value.as_str() else { continue };
                    if reference.starts_with('#') && self.spec.root.pointer(&reference[1..]).is_some() {
                        let name = self.local_name(reference);
                        out.insert(key.clone(), Value::String(format!("#/$defs/{name}")));
                    } else {
                        self.notes.push(format!(
                            "{}: $ref {reference:?} is outside the description (or missing); any value is accepted there",
                            self.place
                        ));
                    }
                }
                "properties" | "patternProperties" | "$defs" | "definitions" | "dependentSchemas" => {
                    let converted: Map<String, Value> = value
                        .as_object()
                        .into_iter()
                        .flatten()
                        .map(|(k, v)| (k.clone(), self.convert(v, true)))
                        .collect();
                    let key = if key == "definitions" { "$defs" } else { key.as_str() };
                    out.insert(key.to_owned(), Value::Object(converted));
                }
                "allOf" => {
                    let parts =
                        value.as_array().into_iter().flatten().map(|v| self.convert(v, false)).collect();
                    out.insert(key.clone(), Value::Array(parts));
                }
                "anyOf" | "oneOf" | "prefixItems" => {
                    let parts =
                        value.as_array().into_iter().flatten().map(|v| self.convert(v, true)).collect();
                    out.insert(key.clone(), Value::Array(parts));
                }
                "items" if value.is_array() => {
                    // OpenAPI 3.0 never allowed tuple items; 2020-12 spells them prefixItems.
                    let parts =
                        value.as_array().into_iter().flatten().map(|v| self.convert(v, true)).collect();
                    out.insert("prefixItems".to_owned(), Value::Array(parts));
                }
                "items"
                | "additionalProperties"
                | "not"
                | "contains"
                | "propertyNames"
                | "if"
                | "then"
                | "else"
                | "unevaluatedItems"
                | "unevaluatedProperties"
                | "additionalItems" => {
                    let converted = self.convert(value, true);
                    out.insert(key.clone(), converted);
                }
                "nullable" | "example" | "discriminator" | "xml" | "externalDocs" => {}
                "exclusiveMinimum" | "exclusiveMaximum" if value.is_boolean() => {}
                k if k.starts_with("x-") => {}
                _ => {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        if let Some(example) = map.get("example") {
            out.insert("examples".to_owned(), json!([example]));
        }
        if map.contains_key("discriminator") {
            self.notes.push(format!(
                "{}: a discriminator is not enforced as such; its oneOf/anyOf decides",
                self.place
            ));
        }
        // OpenAPI 3.0 booleans: `exclusiveMaximum: true` qualifies `maximum`.
        for (flag, bound) in [("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")] {
            if map.get(flag) == Some(&Value::Bool(true))
                && let Some(limit) = out.remove(bound)
            {
                out.insert(flag.to_owned(), limit);
            }
        }
        // OpenAPI formats are annotations: a date that is not one fails no spec-valid payload,
        // so it stays a `format` warning here (hookscope's built-in catalogs make it an error).
        if map.get("format").and_then(Value::as_str).is_some_and(|f| matches!(f, "date" | "date-time")) {
            out.insert("x-warn".to_owned(), json!(["format"]));
        }
        // The spec's own meaning: `required` stays required, every other documented field is
        // optional (no `x-expected`), and undocumented ones are warnings.
        let open = map.contains_key("additionalProperties") || map.contains_key("unevaluatedProperties");
        if close && !open && (map.contains_key("properties") || map.contains_key("allOf")) {
            out.insert("unevaluatedProperties".to_owned(), Value::Bool(false));
        }
        if map.get("nullable") == Some(&Value::Bool(true)) {
            return nullable(out);
        }
        Value::Object(out)
    }
}

/// OpenAPI 3.0 `nullable: true` as JSON Schema: `null` joins the types (and the enum), or the
/// schema becomes one of two choices.
fn nullable(mut out: Map<String, Value>) -> Value {
    if let Some(values) = out.get_mut("enum").and_then(Value::as_array_mut)
        && !values.contains(&Value::Null)
    {
        values.push(Value::Null);
    }
    match out.get_mut("type") {
        Some(Value::String(t)) => {
            let t = std::mem::take(t);
            out.insert("type".to_owned(), json!([t, "null"]));
            Value::Object(out)
        }
        Some(Value::Array(types)) => {
            if !types.contains(&json!("null")) {
                types.push(json!("null"));
            }
            Value::Object(out)
        }
        _ => {
            let mut wrapper = Map::new();
            for key in ["title", "description"] {
                if let Some(v) = out.remove(key) {
                    wrapper.insert(key.to_owned(), v);
                }
            }
            wrapper.insert("anyOf".to_owned(), json!([Value::Object(out), {"type": "null"}]));
            Value::Object(wrapper)
        }
    }
}

/// How deep a generated sample goes, and how many values it holds at most.
const SAMPLE_DEPTH: usize = 16;
const SAMPLE_VALUES: usize = 2_000;

/// What a sample is generated from and how much of it is left to generate.
struct Sampler<'d> {
    defs: &'d Map<String, Value>,
    /// Values left to generate.
    left: usize,
    /// The definitions being generated: one required inside itself is not unrolled again.
    refs: Vec<String>,
}

impl<'d> Sampler<'d> {
    fn new(defs: &'d Map<String, Value>) -> Self {
        Self { defs, left: SAMPLE_VALUES, refs: Vec::new() }
    }
}

/// A minimal delivery a schema accepts: its required fields with plain values, for event types
/// the description gives no example of. A recursive definition is not unrolled (its second
/// appearance is `null`), and a sample stops at [`SAMPLE_DEPTH`] levels and [`SAMPLE_VALUES`]
/// values, so six required self-references cost a few values, not gigabytes.
fn generate(schema: &Value, sampler: &mut Sampler<'_>, depth: usize) -> Value {
    if depth > SAMPLE_DEPTH || sampler.left == 0 {
        return Value::Null;
    }
    sampler.left -= 1;
    let Some(map) = schema.as_object() else { return Value::Null };
    if let Some(r) = map.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        if sampler.refs.iter().any(|n| n == name) {
            return Value::Null;
        }
        if let Some(target) = sampler.defs.get(name) {
            sampler.refs.push(name.to_owned());
            let mut base = generate(target, sampler, depth + 1);
            if map.contains_key("properties")
                && let (Value::Object(extra), Some(obj)) =
                    (generate_object(map, sampler, depth), base.as_object_mut())
            {
                obj.extend(extra);
            }
            sampler.refs.pop();
            return base;
        }
    }
    if let Some(c) = map.get("const") {
        return c.clone();
    }
    if let Some(first) =
        map.get("enum").and_then(Value::as_array).and_then(|a| a.iter().find(|v| !v.is_null()))
    {
        return first.clone();
    }
    if let Some(Value::Array(parts)) = map.get("allOf") {
        let mut merged = Map::new();
        for part in parts {
            if let Value::Object(o) = generate(part, sampler, depth + 1) {
                merged.extend(o);
            }
        }
        if let Value::Object(o) = generate_object(map, sampler, depth) {
            merged.extend(o);
        }
        return Value::Object(merged);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(first) = map.get(key).and_then(Value::as_array).and_then(|a| a.first()) {
            return generate(first, sampler, depth + 1);
        }
    }
    let kind = match map.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(types)) => {
            types.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("null")
        }
        _ if map.contains_key("properties") => "object",
        _ => "null",
    };
    match kind {
        "object" => generate_object(map, sampler, depth),
        "array" => json!([]),
        "string" => json!(match map.get("format").and_then(Value::as_str) {
            Some("date-time") => "2024-01-01T00:00:00Z",
            Some("date") => "2024-01-01",
            Some("uri" | "url") => "https://example.invalid/",
            Some("email") => "user@example.invalid",
            Some("uuid") => "00000000-0000-4000-8000-000000000000",
            _ => "string",
        }),
        "integer" | "number" => json!(map.get("minimum").and_then(Value::as_i64).unwrap_or(0)),
        "boolean" => json!(false),
        _ => Value::Null,
    }
}

fn generate_object(map: &Map<String, Value>, sampler: &mut Sampler<'_>, depth: usize) -> Value {
    let mut out = Map::new();
    let properties = map.get("properties").and_then(Value::as_object);
    for name in map.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str)
    {
        let schema = properties.and_then(|p| p.get(name)).cloned().unwrap_or(json!({"type": "string"}));
        out.insert(name.to_owned(), generate(&schema, sampler, depth + 1));
    }
    // A fixed value is part of what the event is (the `const` an `allOf` member pins its type
    // with), required or not.
    for (name, schema) in properties.into_iter().flatten() {
        if let Some(fixed) = schema.get("const") {
            out.insert(name.clone(), fixed.clone());
        }
    }
    Value::Object(out)
}

/// The envelope markers: top-level fields every event documents (required ones first), with
/// their JSON type where it is one.
fn markers(spec: &Spec, ops: &[Operation<'_>], rule: &TypeRule) -> (Vec<Value>, usize) {
    let mut per_op: Vec<Vec<(String, &Value, bool)>> = Vec::new();
    for op in ops {
        let mut props = Vec::new();
        spec.top_properties(op.schema, &mut Vec::new(), &mut props);
        per_op.push(props);
    }
    let mut common: Vec<(String, Option<&str>, bool)> = Vec::new();
    for (name, schema, _) in per_op.first().into_iter().flatten() {
        let everywhere = per_op.iter().all(|props| props.iter().any(|(n, _, _)| n == name));
        if !everywhere {
            continue;
        }
        let required = per_op.iter().all(|props| props.iter().any(|(n, _, r)| n == name && *r));
        let nullable = schema.get("nullable") == Some(&Value::Bool(true));
        let kind = schema.get("type").and_then(Value::as_str).filter(|_| !nullable);
        if !common.iter().any(|(n, _, _)| n == name) {
            common.push((name.clone(), kind, required));
        }
    }
    common.sort_by_key(|(_, _, required)| !*required);
    let mut markers = Vec::new();
    let type_field = match rule {
        TypeRule::Field(p) => Some(p.as_str()),
        TypeRule::Header { name, .. } => {
            markers.push(json!({"header": name, "required": true}));
            None
        }
        TypeRule::Single(_) => None,
    };
    if let Some(pointer) = type_field {
        markers.push(json!({"pointer": pointer, "type": "string", "required": true}));
    }
    for (name, kind, _) in common.into_iter().take(6) {
        let pointer = crate::json::child_pointer("", &name);
        if Some(pointer.as_str()) == type_field {
            continue;
        }
        let mut marker = json!({"pointer": pointer});
        if let Some(kind) =
            kind.filter(|k| ["string", "number", "integer", "boolean", "object", "array"].contains(k))
        {
            marker["type"] = json!(kind);
        }
        markers.push(marker);
    }
    // More than half of the markers must match; the type marker always does.
    let min = (markers.len() / 2 + 1).min(markers.len());
    (markers, min)
}

/// Imports every webhook of the description into `out/<provider>/`.
pub(crate) fn import(
    spec: &Spec,
    source_name: &str,
    out: &std::path::Path,
    provider: Option<&str>,
) -> anyhow::Result<Imported> {
    let mut untranslated = Vec::new();
    let ops = spec.operations(&mut untranslated);
    if ops.is_empty() {
        anyhow::bail!(
            "{source_name}: no webhook with a JSON body to import (looked in webhooks, x-webhooks and callbacks)"
        );
    }
    let (rule, ids) = type_rule(&ops).map_err(|e| anyhow::anyhow!("{source_name}: {e}"))?;
    let info = spec.root.get("info");
    let title = info.and_then(|i| i.get("title")).and_then(Value::as_str).unwrap_or("Imported provider");
    let id = provider.map_or_else(|| slug(title), str::to_owned);
    if !usable_type_name(&id) || id.contains(char::is_whitespace) {
        anyhow::bail!("{id:?} cannot be a provider id (a folder name without spaces or slashes)");
    }
    let (markers, min_markers) = markers(spec, &ops, &rule);
    let mut envelope = json!({"markers": markers, "min_markers": min_markers});
    match &rule {
        TypeRule::Field(p) => envelope["type_at"] = json!(p),
        TypeRule::Single(name) => envelope["type"] = json!(name),
        TypeRule::Header { name, subtype } => {
            envelope["type_header"] = json!(name);
            if let Some(sub) = subtype {
                envelope["subtype_at"] = json!(sub);
            }
        }
    }
    let description = info
        .and_then(|i| i.get("description"))
        .and_then(Value::as_str)
        .and_then(|d| d.lines().map(str::trim).find(|l| !l.is_empty()))
        .map_or_else(|| format!("Imported from {title}"), str::to_owned);
    let mut desc = json!({
        "id": id,
        "name": title,
        "description": description,
        "envelopes": [envelope],
    });
    if let Some(docs) = spec.root.pointer("/externalDocs/url").and_then(Value::as_str) {
        desc["docs"] = json!(docs);
    }

    let mut files = ProviderOut::create(out, &id)?;
    files.json("provider.json", &desc)?;
    let composed = spec.composed_refs();
    let mut types = Vec::new();
    let mut seen = BTreeSet::new();
    for (op, type_id) in ops.iter().zip(ids) {
        if !usable_type_name(&type_id) {
            untranslated
                .push(format!("{}: event type {type_id:?} cannot be a file name; left out", op.place));
            continue;
        }
        if !seen.insert(type_id.clone()) {
            untranslated
                .push(format!("{}: event type {type_id:?} is described twice; the first kept", op.place));
            continue;
        }
        let converter = Converter::new(spec, &composed, &op.place);
        let (body, notes) = converter.event_schema(op.schema);
        untranslated.extend(notes);
        let mut schema = Map::new();
        schema.insert("$schema".to_owned(), json!("https://json-schema.org/draft/2020-12/schema"));
        let title =
            op.op.get("summary").and_then(Value::as_str).filter(|s| s.len() <= 80).unwrap_or(&op.name);
        schema.insert("title".to_owned(), json!(title));
        if let Some(d) = op.op.get("description").or_else(|| op.op.get("summary")).and_then(Value::as_str) {
            schema.insert("description".to_owned(), json!(d));
        }
        if let Some(url) = op.op.pointer("/externalDocs/url").and_then(Value::as_str) {
            schema.insert("x-docs".to_owned(), json!(url));
        }
        if let Some(op_id) = op.op.get("operationId").and_then(Value::as_str).filter(|o| *o != type_id) {
            schema.insert("x-aliases".to_owned(), json!([op_id]));
        }
        match body {
            Value::Object(map) => schema.extend(map.into_iter().filter(|(k, _)| k != "$schema")),
            other => {
                schema.insert("allOf".to_owned(), json!([other]));
            }
        }
        let schema = Value::Object(schema);
        files.json(&format!("schemas/{type_id}.json"), &schema)?;
        let origin = if let Some((_, first)) = op.examples.first() {
            files.json(&format!("samples/{type_id}.json"), first)?;
            for (i, (key, example)) in op.examples.iter().enumerate().skip(1) {
                let key: String = key
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
                    .collect();
                files.json(&format!("samples/examples/{type_id}.{i}-{key}.json"), example)?;
            }
            SampleOrigin::Example
        } else {
            let defs = schema.get("$defs").and_then(Value::as_object).cloned().unwrap_or_default();
            files
                .json(&format!("samples/{type_id}.json"), &generate(&schema, &mut Sampler::new(&defs), 0))?;
            SampleOrigin::Generated
        };
        types.push((type_id, origin));
    }
    untranslated.sort();
    untranslated.dedup();
    let mut report = format!("hookscope catalog import of {source_name}: what was not translated\n\n");
    if untranslated.is_empty() {
        report.push_str("(nothing)\n");
    }
    for item in &untranslated {
        let _ = writeln!(report, "- {item}");
    }
    let generated: Vec<&str> =
        types.iter().filter(|(_, o)| *o == SampleOrigin::Generated).map(|(t, _)| t.as_str()).collect();
    if !generated.is_empty() {
        let _ = writeln!(
            report,
            "\nSamples generated from the schema (the description has no example): {}",
            generated.join(", ")
        );
    }
    // Names and places come from the description: never raw control text in the report.
    let report: Vec<String> =
        report.split('\n').map(|line| crate::output::escape_controls(line).into_owned()).collect();
    files.text("import-report.txt", &report.join("\n"))?;
    Ok(Imported { provider: id, type_rule: rule.describe(), types, untranslated, files: files.written() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nullable_becomes_a_null_type_or_a_choice() {
        assert_eq!(
            nullable(json!({"type": "string"}).as_object().unwrap().clone()),
            json!({"type": ["string", "null"]})
        );
        assert_eq!(
            nullable(json!({"type": "string", "enum": ["a"]}).as_object().unwrap().clone()),
            json!({"type": ["string", "null"], "enum": ["a", null]})
        );
        assert_eq!(
            nullable(json!({"$ref": "#/$defs/x"}).as_object().unwrap().clone()),
            json!({"anyOf": [{"$ref": "#/$defs/x"}, {"type": "null"}]})
        );
    }

    #[test]
    fn schemas_follow_the_fidelity_policy() {
        let spec = Spec::parse(
            r##"{"openapi": "3.0.3", "components": {"schemas": {
                "base": {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]},
                "ev": {"allOf": [{"$ref": "#/components/schemas/base"},
                                 {"type": "object", "properties": {"n": {"type": "integer", "maximum": 5, "exclusiveMaximum": true}}}]}
            }}}"##,
        )
        .unwrap();
        let composed = spec.composed_refs();
        let (schema, notes) =
            Converter::new(&spec, &composed, "t").event_schema(&json!({"$ref": "#/components/schemas/ev"}));
        assert!(notes.is_empty());
        assert_eq!(schema["unevaluatedProperties"], json!(false), "{schema}");
        assert_eq!(schema["allOf"][1]["properties"]["n"]["exclusiveMaximum"], json!(5));
        assert!(schema["allOf"][1].get("x-expected").is_none(), "not in `required` is optional");
        assert_eq!(schema["$defs"]["base"]["required"], json!(["id"]));
        assert!(schema["$defs"]["base"].get("unevaluatedProperties").is_none(), "an allOf member stays open");
    }

    #[test]
    fn yaml_and_errors_with_positions() {
        let spec = Spec::parse("openapi: 3.1.0\ninfo: {title: T, version: '1'}\nwebhooks: {}\n").unwrap();
        assert_eq!(spec.root["openapi"], "3.1.0");
        let err = Spec::parse("openapi: [\n").err().unwrap();
        assert!(err.contains("line"), "{err}");
        assert!(Spec::parse(r#"{"swagger": "2.0"}"#).err().unwrap().contains("OpenAPI 2"));
    }
}
