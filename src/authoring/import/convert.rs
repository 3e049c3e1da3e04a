//! Converting OpenAPI Schema Objects into JSON Schema 2020-12 under hookscope's policy, and
//! generating a minimal delivery a schema accepts.

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value, json};

use super::spec::Spec;
use crate::json::Pointer;

/// Turns OpenAPI Schema Objects into JSON Schema 2020-12 under hookscope's policy.
pub(super) struct Converter<'s> {
    pub(super) spec: &'s Spec,
    pub(super) composed: &'s BTreeSet<String>,
    /// `$ref` -> local definition name.
    pub(super) names: HashMap<String, String>,
    pub(super) pending: Vec<String>,
    pub(super) defs: Map<String, Value>,
    pub(super) notes: Vec<String>,
    pub(super) place: String,
}

impl<'s> Converter<'s> {
    pub(super) fn new(spec: &'s Spec, composed: &'s BTreeSet<String>, place: &str) -> Self {
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
    pub(super) fn event_schema(mut self, body: &Value) -> (Value, Vec<String>) {
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

    pub(super) fn local_name(&mut self, reference: &str) -> String {
        if let Some(name) = self.names.get(reference) {
            return name.clone();
        }
        let last = Pointer::unescape(reference.rsplit('/').next().unwrap_or("def"));
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
    pub(super) fn convert(&mut self, node: &Value, close: bool) -> Value {
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
pub(super) fn nullable(mut out: Map<String, Value>) -> Value {
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

/// A minimal delivery a schema accepts: its required fields with plain values, for event types
/// the description gives no example of. A recursive definition is not unrolled (its second
/// appearance is `null`), and a sample stops at [`SAMPLE_DEPTH`] levels and [`SAMPLE_VALUES`]
/// values, so six required self-references cost a few values, not gigabytes.
pub(super) fn generate(schema: &Value, defs: &Map<String, Value>, depth: usize) -> Value {
    sample(schema, &mut Sampler { defs, left: SAMPLE_VALUES, refs: Vec::new() }, depth)
}

fn sample(schema: &Value, sampler: &mut Sampler<'_>, depth: usize) -> Value {
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
            let mut base = sample(target, sampler, depth + 1);
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
            if let Value::Object(o) = sample(part, sampler, depth + 1) {
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
            return sample(first, sampler, depth + 1);
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
        out.insert(name.to_owned(), sample(&schema, sampler, depth + 1));
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
