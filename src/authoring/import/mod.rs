//! `catalog import`: a user catalog from an OpenAPI description's webhooks (3.1 `webhooks`, 3.0
//! `x-webhooks`, callbacks), one JSON Schema per event type with every `$ref` made local, and
//! whatever cannot be translated listed, never dropped in silence.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde_json::{Map, Value, json};

mod convert;
mod spec;

use convert::{Converter, generate};
pub(crate) use spec::Spec;
use spec::{Operation, TypeRule, type_rule};

use super::{ProviderOut, slug, usable_type_name};
use crate::json::Pointer;

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

/// The envelope markers: top-level fields every event documents (required ones first), with
/// their JSON type where it is one.
fn markers(spec: &Spec, ops: &[Operation<'_>], rule: &TypeRule) -> (Vec<Value>, usize) {
    let mut per_op: Vec<Vec<(String, &Value, bool)>> = Vec::new();
    for op in ops {
        let mut props = Vec::new();
        spec.top_properties(op.schema, &mut props);
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
        let pointer = Pointer::join("", &name);
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
    replace: bool,
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

    let mut files = ProviderOut::create(out, &id, replace, "give --force to replace it whole")?;
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
            files.json(&format!("samples/{type_id}.json"), &generate(&schema, &defs, 0))?;
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
    use super::convert::*;
    use super::spec::*;
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
        assert!(err.to_string().contains("line"), "{err}");
        assert!(Spec::parse(r#"{"swagger": "2.0"}"#).err().unwrap().to_string().contains("OpenAPI 2"));
    }
}
