//! Checking one detected event against its type's schema: running the validator, inferring the
//! API version where the provider leaves it unstated, and sorting failures into errors and drift.

use std::fmt::Write as _;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, ValidationError};
use serde_json::Value;

use crate::catalog::{CatalogError, SchemaStore, suggest};
use crate::detect::Detection;
use crate::report::{Finding, Severity, Status};

/// What validation concluded about one event.
pub struct Verdict {
    pub status: Status,
    pub api_version: Option<String>,
    pub api_version_candidates: Option<Vec<String>>,
    pub docs: Option<String>,
    pub findings: Vec<Finding>,
}

impl Verdict {
    fn unknown(finding: Finding, api_version: Option<String>) -> Self {
        Self {
            status: Status::Unknown,
            api_version,
            api_version_candidates: None,
            docs: None,
            findings: vec![finding],
        }
    }
}

pub fn validate(
    detection: &Detection<'_>,
    event: &Value,
    forced_version: Option<&str>,
    known_providers: &str,
) -> Result<Verdict, CatalogError> {
    let Some(provider) = detection.provider else {
        let what = match event {
            Value::Object(_) => "not a webhook event of a known provider",
            Value::Array(_) => "an array, not a webhook event of a known provider",
            _ => "a bare JSON value, not a webhook event of a known provider",
        };
        let finding = Finding::new(Severity::Error, "", "provider", format!("{what} ({known_providers})"));
        return Ok(Verdict::unknown(finding, None));
    };
    let type_pointer = detection.type_pointer.unwrap_or_default();
    let Some(event_type) = &detection.event_type else {
        // Name the outermost missing part of the path to the type, or what stands there instead.
        let mut missing = type_pointer;
        let mut at = type_pointer;
        while let Some(i) = at.rfind('/') {
            at = &at[..i];
            if event.pointer(at).is_some() {
                break;
            }
            missing = if at.is_empty() { missing } else { at };
        }
        let message = match event.pointer(type_pointer) {
            Some(found) => {
                format!("the event type at {type_pointer} must be a string, found {}", describe(found))
            }
            None if missing == type_pointer => format!("missing the event type at {type_pointer}"),
            None => format!("missing {missing}, where the event type lives ({type_pointer})"),
        };
        let finding = Finding::new(Severity::Error, missing, "required", message);
        return Ok(Verdict {
            status: Status::Invalid,
            api_version: detection.stated_version.clone(),
            api_version_candidates: None,
            docs: None,
            findings: vec![finding],
        });
    };
    if !provider.has_type(event_type) && !provider.accepts_any_type() {
        let mut message = format!("{event_type:?} is not a documented {} event type", provider.desc.name);
        let hints = suggest(event_type, provider.types().map(|(t, _)| t));
        if !hints.is_empty() {
            let quoted: Vec<String> = hints.iter().map(|h| format!("{h:?}")).collect();
            let _ = write!(message, "; did you mean {}?", quoted.join(" or "));
        }
        let finding = Finding::new(Severity::Error, type_pointer, "event-type", message);
        return Ok(Verdict::unknown(finding, detection.stated_version.clone()));
    }

    let any_type = [String::new()];
    let documented =
        if provider.has_type(event_type) { provider.versions_of(event_type) } else { &any_type[..] };
    let versions: Vec<&str> = match forced_version {
        Some(v) if !provider.versions().is_empty() => {
            if !documented.iter().any(|d| d == v) {
                let finding = Finding::new(
                    Severity::Error,
                    type_pointer,
                    "event-type",
                    format!(
                        "{event_type:?} is not documented in API version {v} (it is in {})",
                        documented.join(", ")
                    ),
                );
                return Ok(Verdict::unknown(finding, Some(v.to_owned())));
            }
            vec![v]
        }
        _ => documented.iter().map(String::as_str).collect(),
    };

    let store = provider.store()?;
    // One run per candidate version; the versions whose schema the event satisfies are the candidates.
    let mut runs = Vec::with_capacity(versions.len());
    for version in &versions {
        let uri = provider.schema_uri(event_type, version);
        let validator = store.validator(&uri)?;
        // Most deliveries conform: the allocation-free check settles them before errors are built.
        let findings: Vec<Finding> = if validator.is_valid(event) {
            Vec::new()
        } else {
            validator.iter_errors(event).flat_map(|e| classify(&e, store)).collect()
        };
        runs.push((*version, findings));
    }
    let fits: Vec<usize> = (0..runs.len()).filter(|&i| !has_errors(&runs[i].1)).collect();
    let (chosen, api_version, candidates) = if provider.versions().is_empty() {
        (0, detection.stated_version.clone(), None)
    } else if runs.len() == 1 {
        (0, Some(runs[0].0.to_owned()), None)
    } else if fits.len() == 1 {
        (fits[0], Some(runs[fits[0]].0.to_owned()), None)
    } else if fits.is_empty() {
        // Report against the version it comes closest to (the newest on a tie).
        let best = (0..runs.len()).rev().min_by_key(|&i| error_count(&runs[i].1)).unwrap_or(0);
        (best, None, Some(versions.iter().map(|v| (*v).to_owned()).collect()))
    } else {
        let newest = *fits.last().expect("not empty");
        (newest, None, Some(fits.iter().map(|&i| runs[i].0.to_owned()).collect()))
    };
    let (version, findings) = runs.swap_remove(chosen);
    let status = if has_errors(&findings) { Status::Invalid } else { Status::Valid };
    let docs = store
        .doc(&provider.schema_uri(event_type, version))
        .and_then(|s| s.get("x-docs"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    Ok(Verdict { status, api_version, api_version_candidates: candidates, docs, findings })
}

fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

fn error_count(findings: &[Finding]) -> usize {
    findings.iter().filter(|f| f.severity == Severity::Error).count()
}

/// Turns one validator failure into findings, deciding error or drift (docs/catalog.md).
fn classify(error: &ValidationError<'_>, store: &SchemaStore) -> Vec<Finding> {
    let pointer = error.instance_path().as_str().to_owned();
    let instance = error.instance().as_ref();
    let keyword = error.kind().keyword().to_owned();
    let node = error.absolute_keyword_location().and_then(|l| store.keyword_parent(l.as_str()));
    let declared = node.and_then(|n| n.get("x-warn")).and_then(|w| declared_warning(w, &keyword));
    let found = describe(instance);
    let error_at = |pointer: String, keyword: &str, message: String| {
        Finding::new(Severity::Error, pointer, keyword, message)
    };
    let warning_at = |pointer: String, keyword: &str, message: String| {
        Finding::new(Severity::Warning, pointer, keyword, message)
    };

    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            return unexpected
                .iter()
                .map(|name| {
                    warning_at(child(&pointer, name), &keyword, format!("undocumented field {name:?}"))
                })
                .collect();
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().map_or_else(|| property.to_string(), str::to_owned);
            let message = format!("missing required field {name:?}");
            let finding = if declared.is_some() {
                warning_at(child(&pointer, &name), &keyword, message)
            } else {
                error_at(child(&pointer, &name), &keyword, message)
            };
            return vec![finding];
        }
        _ => {}
    }

    let message = match error.kind() {
        ValidationErrorKind::Type { kind } => {
            let expected = expected_types(kind);
            if let Some(spelled) = spelled_scalar(instance, kind) {
                return vec![warning_at(
                    pointer,
                    "drift",
                    format!("documented as {expected}; sent as {spelled} {}", quoted(instance)),
                )];
            }
            format!("expected {expected}, found {found}")
        }
        ValidationErrorKind::Enum { options } => {
            format!("found {found}; expected one of {}", list_values(options))
        }
        ValidationErrorKind::Constant { expected_value } => {
            format!("expected {}, found {found}", short(&expected_value.to_string()))
        }
        ValidationErrorKind::Format { format } => {
            let looks_like_date = instance.as_str().is_some_and(|s| {
                s.len() >= 10
                    && s.as_bytes()[..10]
                        .iter()
                        .enumerate()
                        .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() })
            });
            let message = format!("{found} is not a valid {format}");
            if matches!(format.as_str(), "date" | "date-time") && !looks_like_date && declared.is_none() {
                return vec![error_at(pointer, &keyword, message)];
            }
            let message = match declared {
                Some(drift) => drift.message(message, &found),
                None => message,
            };
            return vec![warning_at(pointer, &keyword, message)];
        }
        ValidationErrorKind::Pattern { pattern } => {
            format!("{found} does not match the pattern {pattern}")
        }
        _ => error.to_string(),
    };
    match declared {
        Some(drift) => vec![warning_at(pointer, &keyword, drift.message(message, &found))],
        None => vec![error_at(pointer, &keyword, message)],
    }
}

/// A keyword the schema declares as drift (`x-warn`), with the catalog's own message if any.
#[derive(Debug, PartialEq, Eq)]
struct Drift {
    message: Option<String>,
}

impl Drift {
    /// The message to show: the catalog's, with what was found, or hookscope's own.
    fn message(self, default: String, found: &str) -> String {
        self.message.map_or(default, |m| format!("{m} (found {found})"))
    }
}

fn declared_warning(x_warn: &Value, keyword: &str) -> Option<Drift> {
    let listed = match x_warn {
        Value::Array(list) => list.iter().any(|k| k == keyword),
        Value::String(k) => k == keyword,
        Value::Object(map) => {
            return map
                .get(keyword)
                .map(|m| Drift { message: m.as_str().filter(|s| !s.is_empty()).map(str::to_owned) });
        }
        _ => false,
    };
    listed.then_some(Drift { message: None })
}

fn child(pointer: &str, name: &str) -> String {
    let mut out = pointer.to_owned();
    out.push('/');
    crate::json::escape_segment(name, &mut out);
    out
}

fn types_of(kind: &TypeKind) -> Vec<JsonType> {
    match kind {
        TypeKind::Single(t) => vec![*t],
        TypeKind::Multiple(set) => set.iter().collect(),
    }
}

fn expected_types(kind: &TypeKind) -> String {
    let names: Vec<&str> = types_of(kind)
        .into_iter()
        .map(|t| match t {
            JsonType::Array => "an array",
            JsonType::Boolean => "a boolean",
            JsonType::Integer => "an integer",
            JsonType::Null => "null",
            JsonType::Number => "a number",
            JsonType::Object => "an object",
            JsonType::String => "a string",
        })
        .collect();
    names.join(" or ")
}

/// "a numeric string" when a string spells the number or boolean the schema documents.
fn spelled_scalar(instance: &Value, kind: &TypeKind) -> Option<&'static str> {
    let s = instance.as_str()?.trim();
    let types = types_of(kind);
    let number = !s.is_empty() && s.parse::<f64>().is_ok_and(f64::is_finite) && !s.starts_with('+');
    if types.contains(&JsonType::Integer) && number && !s.contains(['.', 'e', 'E']) {
        return Some("a numeric string");
    }
    if types.contains(&JsonType::Number) && number {
        return Some("a numeric string");
    }
    if types.contains(&JsonType::Boolean) && matches!(s, "true" | "false") {
        return Some("a string");
    }
    None
}

/// A value described in words, for messages: `a string "12s"`, `an object`, `the number 5`.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(_) => format!("a string {}", quoted(value)),
        Value::Array(a) if a.is_empty() => "an empty array".to_owned(),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(o) if o.is_empty() => "an empty object".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

fn quoted(value: &Value) -> String {
    short(&value.to_string())
}

fn short(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

fn list_values(options: &Value) -> String {
    let items: Vec<String> =
        options.as_array().map(|a| a.iter().map(|v| short(&v.to_string())).collect()).unwrap_or_default();
    if items.len() > 8 {
        format!("{}, … ({} values)", items[..8].join(", "), items.len())
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numeric_strings_are_recognised_per_documented_type() {
        let int = TypeKind::Single(JsonType::Integer);
        let num = TypeKind::Single(JsonType::Number);
        let boolean = TypeKind::Single(JsonType::Boolean);
        assert_eq!(spelled_scalar(&json!("150"), &int), Some("a numeric string"));
        assert_eq!(spelled_scalar(&json!("1.5"), &int), None);
        assert_eq!(spelled_scalar(&json!("1653240900.00"), &num), Some("a numeric string"));
        assert_eq!(spelled_scalar(&json!("yesterday"), &num), None);
        assert_eq!(spelled_scalar(&json!("NaN"), &num), None);
        assert_eq!(spelled_scalar(&json!("true"), &boolean), Some("a string"));
        assert_eq!(spelled_scalar(&json!({}), &num), None);
    }

    #[test]
    fn x_warn_accepts_lists_and_messages() {
        assert_eq!(declared_warning(&json!(["enum"]), "enum"), Some(Drift { message: None }));
        assert_eq!(declared_warning(&json!(["enum"]), "type"), None);
        assert_eq!(
            declared_warning(&json!({"not": "sent as null"}), "not"),
            Some(Drift { message: Some("sent as null".into()) })
        );
    }

    #[test]
    fn values_are_described_in_words() {
        assert_eq!(describe(&json!("12s")), "a string \"12s\"");
        assert_eq!(describe(&json!({"a": 1})), "an object");
        assert_eq!(describe(&json!(5)), "the number 5");
    }
}
