//! Learning a user catalog from captured deliveries (`catalog learn`). Deliveries are grouped by
//! event type; each group's shape is accumulated like genson does (types, presence, small value
//! sets, formats, nulls, array items), and an accumulated shape can be rebuilt from a schema it
//! wrote, so that learning again with more captures refines the catalog (`--merge`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::{Map, Value, json};

use super::{ProviderOut, string_format, usable_type_name};
use crate::json::Pointer;

/// A string field becomes an (open) enum when it takes at most this many values...
pub(crate) const ENUM_MAX_VALUES: usize = 5;
/// ...and each value was seen this many times on average: ids and names never qualify.
pub(crate) const ENUM_MIN_PER_VALUE: usize = 3;
/// An object with more distinct keys than this is a map (ids as keys), not a record.
const MAP_KEYS: usize = 50;
/// Names that say a field carries the event type, preferred when guessing.
const TYPE_NAMES: &[&str] = &["type", "event", "event_type", "eventtype", "action", "kind", "topic"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Format {
    #[default]
    Unset,
    One(&'static str),
    Mixed,
}

/// What was seen at one place of the deliveries.
#[derive(Debug, Default, Clone)]
struct Node {
    null: usize,
    boolean: usize,
    integer: usize,
    number: usize,
    strings: usize,
    /// The distinct strings, until there are too many to be an enum.
    values: Option<BTreeSet<String>>,
    open: bool,
    format: Format,
    objects: usize,
    /// Key, deliveries carrying it, and its node, in first-seen order.
    properties: Vec<(String, usize, Node)>,
    arrays: usize,
    items: Option<Box<Node>>,
}

impl Node {
    fn add(&mut self, value: &Value) {
        match value {
            Value::Null => self.null += 1,
            Value::Bool(_) => self.boolean += 1,
            Value::Number(n) if n.is_i64() || n.is_u64() => self.integer += 1,
            Value::Number(_) => self.number += 1,
            Value::String(s) => {
                self.strings += 1;
                self.note_format(string_format(s));
                if !self.open {
                    let values = self.values.get_or_insert_with(BTreeSet::new);
                    values.insert(s.clone());
                    if values.len() > ENUM_MAX_VALUES {
                        self.values = None;
                        self.open = true;
                    }
                }
            }
            Value::Array(items) => {
                self.arrays += 1;
                for item in items {
                    self.items.get_or_insert_with(Box::default).add(item);
                }
            }
            Value::Object(map) => {
                self.objects += 1;
                for (key, v) in map {
                    self.property(key).add(v);
                }
            }
        }
    }

    fn property(&mut self, key: &str) -> &mut Node {
        let i = self.properties.iter().position(|(k, _, _)| k == key).unwrap_or_else(|| {
            self.properties.push((key.to_owned(), 0, Node::default()));
            self.properties.len() - 1
        });
        self.properties[i].1 += 1;
        &mut self.properties[i].2
    }

    fn note_format(&mut self, found: Option<&'static str>) {
        self.format = match (self.format, found) {
            (Format::Unset, Some(f)) => Format::One(f),
            (Format::One(a), Some(b)) if a == b => Format::One(a),
            _ => Format::Mixed,
        };
    }

    /// Takes in a schema this module wrote, standing for `n` deliveries.
    fn add_schema(&mut self, schema: &Value, n: usize) {
        let types: Vec<&str> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            _ if schema.get("const").is_some() => vec!["string"],
            _ => Vec::new(),
        };
        for t in types {
            match t {
                "null" => self.null += n,
                "boolean" => self.boolean += n,
                "integer" => self.integer += n,
                "number" => self.number += n,
                "string" => {
                    self.strings += n;
                    let listed: Option<BTreeSet<String>> = schema
                        .get("enum")
                        .and_then(Value::as_array)
                        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                        .or_else(|| {
                            schema
                                .get("const")
                                .and_then(Value::as_str)
                                .map(|c| BTreeSet::from([c.to_owned()]))
                        });
                    match listed {
                        Some(values) if !self.open => {
                            self.values.get_or_insert_with(BTreeSet::new).extend(values);
                            if self.values.as_ref().is_some_and(|v| v.len() > ENUM_MAX_VALUES) {
                                self.values = None;
                                self.open = true;
                            }
                        }
                        _ => {
                            self.values = None;
                            self.open = true;
                        }
                    }
                    let format = schema
                        .get("format")
                        .and_then(Value::as_str)
                        .and_then(|f| ["uuid", "date-time", "email", "uri"].into_iter().find(|k| *k == f));
                    self.note_format(format);
                }
                "array" => {
                    self.arrays += n;
                    if let Some(items) = schema.get("items") {
                        self.items.get_or_insert_with(Box::default).add_schema(items, n);
                    }
                }
                "object" => {
                    self.objects += n;
                    let required = super::required_names(schema.get("required"));
                    for (key, sub) in
                        schema.get("properties").and_then(Value::as_object).into_iter().flatten()
                    {
                        // A field that was not in every delivery stays expected.
                        let present = if required.contains(key.as_str()) { n } else { 0 };
                        let node = self.property(key);
                        node.add_schema(sub, n);
                        let entry =
                            self.properties.iter_mut().find(|(k, _, _)| k == key).expect("just added");
                        entry.1 = entry.1 - 1 + present;
                    }
                }
                _ => {}
            }
        }
    }

    fn to_schema(&self) -> Value {
        let mut out = Map::new();
        let mut types = Vec::new();
        if self.objects > 0 {
            types.push("object");
        }
        if self.arrays > 0 {
            types.push("array");
        }
        if self.strings > 0 {
            types.push("string");
        }
        if self.number > 0 {
            types.push("number");
        } else if self.integer > 0 {
            types.push("integer");
        }
        if self.boolean > 0 {
            types.push("boolean");
        }
        if self.null > 0 {
            types.push("null");
        }
        match types.as_slice() {
            [] => {}
            [one] => {
                out.insert("type".to_owned(), json!(one));
            }
            many => {
                out.insert("type".to_owned(), json!(many));
            }
        }
        if self.strings > 0 {
            if let Format::One(f) = self.format {
                out.insert("format".to_owned(), json!(f));
            } else if let Some(values) = &self.values
                && !self.open
                && self.strings >= ENUM_MIN_PER_VALUE * values.len()
            {
                let mut list: Vec<Value> = values.iter().map(|v| json!(v)).collect();
                if self.null > 0 {
                    list.push(Value::Null);
                }
                out.insert("enum".to_owned(), Value::Array(list));
                out.insert(
                    "x-warn".to_owned(),
                    json!({"enum": {"code": "open-enum", "message": "a value not seen in the captured deliveries"}}),
                );
            }
        }
        if self.objects > 0 {
            if self.properties.len() > MAP_KEYS {
                // Keys that are ids: a map, whose values share one shape.
                let mut values = Node::default();
                for (_, _, node) in &self.properties {
                    values.merge(node);
                }
                out.insert("additionalProperties".to_owned(), values.to_schema());
            } else {
                let mut properties = Map::new();
                let mut required = Vec::new();
                let mut expected = Vec::new();
                for (key, present, node) in &self.properties {
                    properties.insert(key.clone(), node.to_schema());
                    if *present >= self.objects {
                        required.push(json!(key));
                    } else {
                        expected.push(json!(key));
                    }
                }
                out.insert("properties".to_owned(), Value::Object(properties));
                if !required.is_empty() {
                    out.insert("required".to_owned(), Value::Array(required));
                }
                if !expected.is_empty() {
                    out.insert(crate::catalog::EXPECTED.to_owned(), Value::Array(expected));
                }
                out.insert("additionalProperties".to_owned(), json!(false));
            }
        }
        if let Some(items) = &self.items {
            out.insert("items".to_owned(), items.to_schema());
        }
        Value::Object(out)
    }

    /// Adds everything another node saw.
    fn merge(&mut self, other: &Node) {
        self.null += other.null;
        self.boolean += other.boolean;
        self.integer += other.integer;
        self.number += other.number;
        self.strings += other.strings;
        self.open |= other.open;
        match (&mut self.values, &other.values) {
            (Some(a), Some(b)) => a.extend(b.iter().cloned()),
            (None, Some(b)) if !self.open => self.values = Some(b.clone()),
            _ => {}
        }
        if self.values.as_ref().is_some_and(|v| v.len() > ENUM_MAX_VALUES) || self.open {
            self.values = None;
            self.open = true;
        }
        self.format = match (self.format, other.format) {
            (Format::Unset, f) | (f, Format::Unset) => f,
            (a, b) if a == b => a,
            _ => Format::Mixed,
        };
        self.objects += other.objects;
        for (key, present, node) in &other.properties {
            let mine = self.property(key);
            mine.merge(node);
            let entry = self.properties.iter_mut().find(|(k, _, _)| k == key).expect("just added");
            entry.1 = entry.1 - 1 + present;
        }
        self.arrays += other.arrays;
        if let Some(items) = &other.items {
            self.items.get_or_insert_with(Box::default).merge(items);
        }
    }
}

/// How deliveries are grouped into event types.
#[derive(Debug, Clone)]
pub(crate) enum Grouping {
    Field(String),
    Header(String),
}

pub(crate) struct Delivery {
    pub value: Value,
    pub headers: Vec<(String, String)>,
}

fn type_of(grouping: &Grouping, d: &Delivery) -> Option<String> {
    match grouping {
        Grouping::Field(p) => crate::json::lookup(&d.value, p).and_then(Value::as_str).map(str::to_owned),
        Grouping::Header(h) => {
            d.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(h)).map(|(_, v)| v.trim().to_owned())
        }
    }
}

/// String fields (not inside arrays, at most three deep) of an object.
fn string_fields(value: &Value, prefix: &str, depth: usize, out: &mut Vec<(String, String)>) {
    let Some(map) = value.as_object() else { return };
    for (key, v) in map {
        let pointer = Pointer::join(prefix, key);
        match v {
            Value::String(s) => out.push((pointer, s.clone())),
            Value::Object(_) if depth < 3 => string_fields(v, &pointer, depth + 1, out),
            _ => {}
        }
    }
}

fn looks_like_a_type(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || "_.:-/".contains(c))
        && string_format(s).is_none()
}

/// The string field that best partitions the corpus: present in every delivery, spelt like an
/// identifier, few distinct values, and within each group the deliveries share one shape.
fn guess_type_field(deliveries: &[&Delivery]) -> Option<String> {
    let n = deliveries.len();
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in deliveries {
        let mut fields = Vec::new();
        string_fields(&d.value, "", 0, &mut fields);
        for (p, v) in fields {
            seen.entry(p).or_default().push(v);
        }
    }
    let mut best: Option<(f64, String)> = None;
    for (pointer, values) in seen {
        if values.len() != n || !values.iter().all(|v| looks_like_a_type(v)) {
            continue;
        }
        let distinct: BTreeSet<&String> = values.iter().collect();
        if n >= 4 && distinct.len() * 2 > n {
            continue;
        }
        // Shape purity: the share of deliveries whose top-level keys are their group's commonest.
        let mut shapes: BTreeMap<&String, BTreeMap<Vec<&String>, usize>> = BTreeMap::new();
        for (d, v) in deliveries.iter().zip(&values) {
            let keys: Vec<&String> = d.value.as_object().map(|o| o.keys().collect()).unwrap_or_default();
            *shapes.entry(v).or_default().entry(keys).or_default() += 1;
        }
        let pure: usize = shapes.values().map(|s| s.values().max().copied().unwrap_or(0)).sum();
        #[allow(clippy::cast_precision_loss)]
        let mut score = pure as f64 / n as f64;
        let last = pointer.rsplit('/').next().unwrap_or_default().to_ascii_lowercase();
        if TYPE_NAMES.contains(&last.as_str()) {
            score += 0.25;
        }
        if distinct.len() == 1 {
            score -= 0.5;
        }
        #[allow(clippy::cast_precision_loss)]
        let depth = pointer.matches('/').count() as f64;
        score -= depth * 0.01;
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, pointer));
        }
    }
    best.map(|(_, p)| p)
}

/// Each learned type's schema and sample text.
type Learned = BTreeMap<String, (Value, Option<String>)>;

/// Reads a provider learned before: its grouping and each type's schema.
pub(crate) fn previous(dir: &std::path::Path, id: &str) -> anyhow::Result<(Option<Grouping>, Learned)> {
    let folder = dir.join(id);
    let read = |path: &std::path::Path| -> anyhow::Result<Value> {
        let text = std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("{}: not JSON: {e}", path.display()))
    };
    let desc = read(&folder.join("provider.json"))?;
    let envelope = &desc["envelopes"][0];
    let grouping = match (
        envelope.get("type_header").and_then(Value::as_str),
        envelope.get("type_at").and_then(Value::as_str),
    ) {
        (Some(h), _) => Some(Grouping::Header(h.to_owned())),
        (None, Some(p)) if !p.is_empty() => Some(Grouping::Field(p.to_owned())),
        _ => None,
    };
    let mut types = BTreeMap::new();
    let entries = std::fs::read_dir(folder.join("schemas"))
        .map_err(|e| anyhow::anyhow!("{}: {e}", folder.join("schemas").display()))?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        let sample = std::fs::read_to_string(folder.join("samples").join(format!("{name}.json"))).ok();
        types.insert(name.to_owned(), (read(&path)?, sample));
    }
    Ok((grouping, types))
}

/// No field tells the event types apart, and none was named.
#[derive(Debug, thiserror::Error)]
#[error(
    "no string field tells the event types apart in every delivery; give --type-at POINTER or --type-header NAME"
)]
pub(crate) struct NoTypeField;

/// Deliveries grouped by event type, each group's shape accumulated.
pub(crate) struct Groups {
    pub grouping: Grouping,
    /// The grouping was guessed, not given.
    pub guessed: bool,
    /// Per type: the accumulated shape, the deliveries seen, and a sample.
    by_type: BTreeMap<String, (Node, usize, Option<String>)>,
    /// Deliveries without an event type there (or one that cannot be a file name).
    pub untyped: usize,
}

impl Groups {
    /// Each event type and how many deliveries it was learned from.
    pub(crate) fn types(&self) -> impl Iterator<Item = (&str, usize)> {
        self.by_type.iter().map(|(name, (_, n, _))| (name.as_str(), *n))
    }
}

impl Groups {
    /// No delivery yet, on top of what a previous run learned (`old`).
    pub(crate) fn new(grouping: Grouping, guessed: bool, old: &Learned) -> Self {
        let mut by_type = BTreeMap::new();
        for (name, (schema, sample)) in old {
            let n = schema
                .pointer("/x-learned/deliveries")
                .and_then(Value::as_u64)
                .map_or(1, |n| usize::try_from(n).unwrap_or(1));
            let mut node = Node::default();
            node.add_schema(schema, n);
            by_type.insert(name.clone(), (node, n, sample.clone()));
        }
        Self { grouping, guessed, by_type, untyped: 0 }
    }

    /// Folds one delivery into its type's shape (the first of a type gives its sample, `text`):
    /// memory follows the shapes, not the number of deliveries.
    pub(crate) fn add(&mut self, delivery: &Delivery, text: impl FnOnce() -> String) {
        match type_of(&self.grouping, delivery).filter(|t| usable_type_name(t)) {
            Some(t) => {
                let entry = self.by_type.entry(t).or_insert_with(|| (Node::default(), 0, None));
                entry.0.add(&delivery.value);
                entry.1 += 1;
                if entry.2.is_none() {
                    entry.2 = Some(text());
                }
            }
            None => self.untyped += 1,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.by_type.is_empty()
    }
}

/// The string field that best tells `deliveries` apart.
pub(crate) fn guess(deliveries: &[&Delivery]) -> Result<Grouping, NoTypeField> {
    guess_type_field(deliveries).map(Grouping::Field).ok_or(NoTypeField)
}

/// Writes the learned provider into `out/<provider>/`: its description (the envelope markers are
/// the top-level fields every type carries in every delivery), a schema per type, and samples.
/// Writes the learned provider into `out/<provider>/`, replacing a folder already there only
/// with `replace`.
pub(crate) fn write(provider: &str, groups: &Groups, out: &Path, replace: bool) -> anyhow::Result<()> {
    let Groups { grouping, by_type: groups, .. } = groups;
    // Envelope markers: the top-level fields every type carries in every delivery.
    let mut common: Option<Vec<(String, Option<&'static str>)>> = None;
    for (node, _, _) in groups.values() {
        let here: Vec<(String, Option<&'static str>)> = node
            .properties
            .iter()
            .filter(|(_, present, _)| *present >= node.objects)
            .map(|(k, _, n)| (k.clone(), single_type(n)))
            .collect();
        common = Some(match common {
            None => here,
            Some(before) => {
                before.into_iter().filter(|(k, t)| here.iter().any(|(k2, t2)| k == k2 && t == t2)).collect()
            }
        });
    }
    let mut markers = Vec::new();
    let type_field = match grouping {
        Grouping::Field(p) => {
            markers.push(json!({"pointer": p, "type": "string", "required": true}));
            Some(p.as_str())
        }
        Grouping::Header(h) => {
            markers.push(json!({"header": h, "required": true}));
            None
        }
    };
    for (key, kind) in common.unwrap_or_default().into_iter().take(6) {
        let pointer = Pointer::join("", &key);
        if Some(pointer.as_str()) == type_field {
            continue;
        }
        let mut marker = json!({"pointer": pointer});
        if let Some(kind) = kind {
            marker["type"] = json!(kind);
        }
        markers.push(marker);
    }
    let min_markers = markers.len() / 2 + 1;
    let mut envelope = json!({"markers": markers, "min_markers": min_markers.min(markers.len())});
    match grouping {
        Grouping::Field(p) => envelope["type_at"] = json!(p),
        Grouping::Header(h) => envelope["type_header"] = json!(h),
    }
    let desc = json!({
        "id": provider,
        "name": provider,
        "description": "Learned from captured deliveries by hookscope catalog learn.",
        "envelopes": [envelope],
    });
    let mut files = ProviderOut::create(
        out,
        provider,
        replace,
        &format!("give --merge {} to refine it, or --force to replace it whole", out.display()),
    )?;
    files.json("provider.json", &desc)?;
    for (name, (node, n, sample)) in groups {
        let mut schema = Map::new();
        schema.insert("$schema".to_owned(), json!("https://json-schema.org/draft/2020-12/schema"));
        schema.insert("title".to_owned(), json!(name));
        schema.insert("description".to_owned(), json!(format!("Learned from {n} captured deliveries.")));
        schema.insert("x-learned".to_owned(), json!({"deliveries": n}));
        if let Value::Object(body) = node.to_schema() {
            schema.extend(body);
        }
        let mut schema = Value::Object(schema);
        if let Grouping::Field(p) = grouping {
            pin_type(&mut schema, p, name);
        }
        files.json(&format!("schemas/{name}.json"), &schema)?;
        if let Some(sample) = sample {
            let text = if sample.ends_with('\n') { sample.clone() } else { format!("{sample}\n") };
            files.text(&format!("samples/{name}.json"), &text)?;
        }
    }
    Ok(())
}

/// The JSON type of a node when it is exactly one (for envelope markers).
fn single_type(node: &Node) -> Option<&'static str> {
    let kinds = [
        (node.objects, "object"),
        (node.arrays, "array"),
        (node.strings, "string"),
        (node.integer + node.number, "number"),
        (node.boolean, "boolean"),
        (node.null, "null"),
    ];
    let mut present = kinds.iter().filter(|(n, _)| *n > 0);
    let (_, first) = present.next()?;
    present.next().is_none().then_some(*first)
}

/// The type field of a type's schema is that type's name: a `const`.
fn pin_type(schema: &mut Value, pointer: &str, name: &str) {
    let mut node = schema;
    let pointer = Pointer::from(pointer);
    let segments: Vec<&str> = pointer.tokens().collect();
    for (i, key) in segments.iter().enumerate() {
        let Some(next) = node.get_mut("properties").and_then(|p| p.get_mut(key)) else { return };
        if i + 1 == segments.len() {
            *next = json!({"type": "string", "const": name});
            return;
        }
        node = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learn(values: &[Value]) -> Value {
        let mut node = Node::default();
        for v in values {
            node.add(v);
        }
        node.to_schema()
    }

    #[test]
    fn presence_nulls_formats_and_enums_are_inferred() {
        let status = ["open", "closed", "open"];
        let values: Vec<Value> = (0..9)
            .map(|i| {
                let mut v = json!({
                    "id": format!("6f1d7a2e-3c4b-4d5e-8f90-a1b2c3d4e5f{i}"),
                    "status": status[i % 3],
                    "note": if i % 2 == 0 { Value::Null } else { json!("x") },
                    "tags": [i, 1.5],
                });
                if i % 3 == 0 {
                    v["extra"] = json!(true);
                }
                v
            })
            .collect();
        let s = learn(&values);
        assert_eq!(s["required"], json!(["id", "note", "status", "tags"]));
        assert_eq!(s["x-expected"], json!(["extra"]));
        assert_eq!(s["properties"]["id"], json!({"type": "string", "format": "uuid"}));
        assert_eq!(s["properties"]["status"]["enum"], json!(["closed", "open"]));
        assert_eq!(s["properties"]["note"]["type"], json!(["string", "null"]));
        assert_eq!(s["properties"]["tags"]["items"], json!({"type": "number"}));
        assert_eq!(s["additionalProperties"], json!(false));
    }

    #[test]
    fn a_learned_schema_merges_like_its_deliveries() {
        let first = [json!({"a": "x", "b": 1}), json!({"a": "y", "b": 2}), json!({"a": "x"})];
        let second = [json!({"a": "x", "b": 1, "c": null}), json!({"a": "y", "b": 2})];
        let all: Vec<Value> = first.iter().chain(&second).cloned().collect();
        let mut merged = Node::default();
        merged.add_schema(&learn(&first), first.len());
        for v in &second {
            merged.add(v);
        }
        let direct = learn(&all);
        assert_eq!(merged.to_schema()["required"], direct["required"]);
        assert_eq!(merged.to_schema()["x-expected"], direct["x-expected"]);
        assert_eq!(merged.to_schema()["properties"]["c"], direct["properties"]["c"]);
    }

    #[test]
    fn the_type_field_is_guessed() {
        let region = ["eu", "us"];
        let deliveries: Vec<Delivery> = (0..12)
            .map(|i| {
                let kind = ["order.created", "order.paid", "refund.issued"][i % 3];
                let mut value = json!({"id": format!("evt_{i}"), "kind": kind, "region": region[i % 2]});
                if i % 3 == 2 {
                    value["refund"] = json!({"amount": 1});
                }
                Delivery { value, headers: Vec::new() }
            })
            .collect();
        assert_eq!(guess_type_field(&deliveries.iter().collect::<Vec<_>>()).as_deref(), Some("/kind"));
    }
}
