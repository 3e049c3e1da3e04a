//! Checking one detected event against its type's schema: running the validator, inferring the
//! API version where the provider leaves it unstated, and sorting failures into errors and drift.

use std::fmt::Write as _;
use std::sync::Arc;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, ValidationError};
use serde_json::Value;

use crate::catalog::{CatalogError, EXPECTED, KeywordNode, Provider, SchemaStore, VersionRule};
use crate::detect::Detection;
use crate::json::Pointer;
use crate::model::{Finding, Severity, Status, code};
use crate::near;

mod fast;

#[cfg(test)]
pub(crate) use fast::tally;

/// What validation concluded about one event.
pub(crate) struct Verdict {
    pub status: Status,
    /// The documented type, when the event sent another spelling of it (an alias).
    pub event_type: Option<String>,
    pub api_version: Option<String>,
    pub api_version_candidates: Option<Vec<String>>,
    pub docs: Option<String>,
    pub findings: Vec<Finding>,
}

impl Verdict {
    fn unknown(finding: Finding, api_version: Option<String>) -> Self {
        Self {
            status: Status::Unknown,
            event_type: None,
            api_version,
            api_version_candidates: None,
            docs: None,
            findings: vec![finding],
        }
    }
}

/// Which of the two ways to the same verdict a run takes: the fast walk of the schema's compiled
/// shape (`fast`), or jsonschema's errors alone (the reference the fast path is tested against).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum VerdictPath {
    #[default]
    Fast,
    Reference,
}

pub(crate) fn validate(
    detection: &Detection<'_>,
    event: &Value,
    forced_version: Option<&str>,
    known_providers: &str,
    path: VerdictPath,
) -> Result<Verdict, CatalogError> {
    let Some(provider) = detection.provider else {
        return Ok(Verdict::unknown(unknown_provider(event, known_providers), None));
    };
    // A forced version applies to the provider that documents it: it pins an inferred API
    // version, or stands for the version a provider states in its envelope.
    let forced_version = forced_version
        .filter(|v| provider.versions().iter().chain(provider.known_versions()).any(|known| known == v));
    let stated_version = match forced_version {
        Some(v) if provider.versions().is_empty() => Some(v.to_owned()),
        _ => detection.stated_version.clone(),
    };
    let type_pointer = detection.type_pointer.unwrap_or_default();
    let Some(sent_type) = &detection.event_type else {
        return Ok(missing_type(event, type_pointer, stated_version));
    };
    let (event_type, alias) = match documented_type(provider, sent_type, type_pointer) {
        Ok(found) => found,
        Err(finding) => return Ok(Verdict::unknown(*finding, stated_version)),
    };
    let versions = match versions_to_try(provider, event_type, forced_version, type_pointer) {
        Ok(versions) => versions,
        Err(unknown) => {
            let (finding, version) = *unknown;
            return Ok(Verdict::unknown(finding, Some(version.to_owned())));
        }
    };

    let store = provider.store()?;
    // One run per candidate version; the versions whose schema the event satisfies are the candidates.
    let mut runs = Vec::with_capacity(versions.len());
    let mut docs = Vec::with_capacity(versions.len());
    for version in &versions {
        let shape = provider.shape(event_type, version)?;
        let fast = match path {
            VerdictPath::Fast => fast::failures(store, &shape, event),
            VerdictPath::Reference => None,
        };
        let mut findings: Vec<Finding> = if let Some(failures) = fast {
            docs.push(shape.docs.clone());
            failures.iter().flat_map(classify).collect()
        } else {
            let compiled = provider.validator(event_type, version)?;
            docs.push(compiled.docs.clone());
            compiled.failures(event).iter().flat_map(|e| classify(&Failure::from_error(e, store))).collect()
        };
        if let Some(sent) = alias {
            // The schema pins the documented spelling; the alias is reported once, as what it is.
            findings.retain(|f| f.pointer != type_pointer);
            findings.push(Finding::new(
                Severity::Warning,
                type_pointer,
                "event-type",
                code::TYPE_ALIAS,
                format!("event type sent as {sent:?}, another spelling of {event_type:?}"),
            ));
        }
        runs.push((*version, findings));
    }
    let (chosen, api_version, candidates) = if provider.versions().is_empty() {
        (0, stated_version.clone(), None)
    } else {
        choose_version(&runs)
    };
    let (_, mut findings) = runs.swap_remove(chosen);
    if let Some(finding) = unknown_version(provider, stated_version.as_deref()) {
        findings.push(finding);
    }
    let status = if has_errors(&findings) { Status::Invalid } else { Status::Valid };
    let docs = docs.swap_remove(chosen);
    Ok(Verdict {
        status,
        event_type: alias.map(|_| event_type.to_owned()),
        api_version,
        api_version_candidates: candidates,
        docs,
        findings,
    })
}

/// The finding on an event no provider's envelope matches.
fn unknown_provider(event: &Value, known_providers: &str) -> Finding {
    let what = match event {
        Value::Object(_) => "not a webhook event of a known provider",
        Value::Array(_) => "an array, not a webhook event of a known provider",
        _ => "a bare JSON value, not a webhook event of a known provider",
    };
    Finding::new(
        Severity::Error,
        "",
        "provider",
        code::UNKNOWN_PROVIDER,
        if known_providers.is_empty() {
            format!("{what}: no provider is loaded (--no-builtin without a --catalog)")
        } else {
            format!("{what} ({known_providers})")
        },
    )
}

/// The documented type an event's type string names, and the alias it was sent as, if any; or
/// the finding that it is not a documented type (with the nearest names).
fn documented_type<'p, 's>(
    provider: &'p Provider,
    sent_type: &'s str,
    type_pointer: &str,
) -> Result<(&'s str, Option<&'s str>), Box<Finding>>
where
    'p: 's,
{
    if provider.has_type(sent_type) || provider.accepts_any_type() {
        return Ok((sent_type, None));
    }
    if let Some(documented) = documented_alias(provider, sent_type) {
        return Ok((documented, Some(sent_type)));
    }
    let mut message = format!("{sent_type:?} is not a documented {} event type", provider.desc.name);
    let hints = near::suggest(sent_type, provider.types().map(|(t, _)| t));
    if !hints.is_empty() {
        let quoted: Vec<String> = hints.iter().map(|h| format!("{h:?}")).collect();
        let _ = write!(message, "; did you mean {}?", quoted.join(" or "));
    }
    Err(Box::new(Finding::new(Severity::Error, type_pointer, "event-type", code::UNKNOWN_TYPE, message)))
}

/// The API versions to check an event against: the one forced, or every version documenting
/// its type. A forced version that does not document the type is a finding.
fn versions_to_try<'p, 'f>(
    provider: &'p Provider,
    event_type: &str,
    forced_version: Option<&'f str>,
    type_pointer: &str,
) -> Result<Vec<&'p str>, Box<(Finding, &'f str)>>
where
    'f: 'p,
{
    const ANY_TYPE: &[String] = &[String::new()];
    let documented = if provider.has_type(event_type) { provider.versions_of(event_type) } else { ANY_TYPE };
    match forced_version {
        Some(v) if !provider.versions().is_empty() => {
            if documented.iter().any(|d| d == v) {
                return Ok(vec![v]);
            }
            let message = format!(
                "{event_type:?} is not documented in API version {v} (it is in {})",
                documented.join(", ")
            );
            Err(Box::new((
                Finding::new(Severity::Error, type_pointer, "event-type", code::UNKNOWN_TYPE, message),
                v,
            )))
        }
        _ => Ok(documented.iter().map(String::as_str).collect()),
    }
}

/// Which run to report, the version inferred and the candidates when it cannot be told. The
/// versions are first compared by structural fit: the fields the event carries that a version
/// does not document ([`shape_distance`]); the fewest wins, whether or not the event has errors
/// there, so a field that fails against the version its other fields prove never makes an older
/// version fit. A missing field is no evidence (real deliveries omit documented fields). Among
/// versions that fit equally, today's rule decides: those the event satisfies without errors are
/// the candidates (all of them when none does); one gives `api_version`, several give none, the
/// candidates listed and the findings of the newest of them.
fn choose_version(runs: &[(&str, Vec<Finding>)]) -> (usize, Option<String>, Option<Vec<String>>) {
    if runs.len() == 1 {
        return (0, Some(runs[0].0.to_owned()), None);
    }
    let best_shape = runs.iter().map(|(_, f)| shape_distance(f)).min().unwrap_or(0);
    let fits: Vec<usize> = (0..runs.len()).filter(|&i| shape_distance(&runs[i].1) == best_shape).collect();
    let clean: Vec<usize> = fits.iter().copied().filter(|&i| !has_errors(&runs[i].1)).collect();
    let fits = if clean.is_empty() { fits } else { clean };
    if let [only] = fits[..] {
        return (only, Some(runs[only].0.to_owned()), None);
    }
    let newest = *fits.last().expect("at least one version fits best");
    (newest, None, Some(fits.iter().map(|&i| runs[i].0.to_owned()).collect()))
}

/// The documented type a sent type string is another spelling of, when it is not documented
/// under its own name (what the verdict reports as the event type).
pub(crate) fn documented_alias<'p>(provider: &'p Provider, sent_type: &str) -> Option<&'p str> {
    if provider.has_type(sent_type) || provider.accepts_any_type() {
        return None;
    }
    provider.resolve_alias(sent_type)
}

/// The verdict on an event of a known provider without a type string: names the outermost
/// missing part of the path to the type, or what stands there instead.
fn missing_type(event: &Value, type_pointer: &str, stated_version: Option<String>) -> Verdict {
    let mut missing = type_pointer;
    let mut at = type_pointer;
    while let Some(i) = at.rfind('/') {
        at = &at[..i];
        if event.pointer(at).is_some() {
            break;
        }
        missing = if at.is_empty() { missing } else { at };
    }
    let (code, message) = match event.pointer(type_pointer) {
        Some(found) => {
            (code::WRONG_TYPE, format!("the event type must be a string, found {}", describe(found)))
        }
        None if missing == type_pointer => (code::MISSING_FIELD, "missing the event type".to_owned()),
        None => {
            (code::MISSING_FIELD, format!("missing {missing}, where the event type lives ({type_pointer})"))
        }
    };
    let finding = Finding::new(Severity::Error, missing, "required", code, message);
    Verdict {
        status: Status::Invalid,
        event_type: None,
        api_version: stated_version,
        api_version_candidates: None,
        docs: None,
        findings: vec![finding],
    }
}

/// An envelope version the catalog does not list: the shape may have changed under a new
/// version, so the reader is told which versions the catalog describes.
fn unknown_version(provider: &Provider, stated: Option<&str>) -> Option<Finding> {
    let known = provider.known_versions();
    let stated = stated?;
    if known.is_empty() || known.iter().any(|k| k == stated) {
        return None;
    }
    let Some(VersionRule::At { at, .. }) = &provider.desc.version else { return None };
    Some(Finding::new(
        Severity::Warning,
        at.as_str(),
        "version",
        code::UNKNOWN_VERSION,
        format!(
            "version {stated:?} is not one the catalog documents ({}); the payload may have changed shape",
            known.join(", ")
        ),
    ))
}

fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// How far an event is from a version's documented shape: the fields it carries that the
/// version does not document.
fn shape_distance(findings: &[Finding]) -> usize {
    let shape = [code::UNDOCUMENTED_FIELD, code::MISSPELT_FIELD];
    findings.iter().filter(|f| shape.contains(&f.code.as_str())).count()
}

/// One way an event fails a schema, as both verdict paths describe it: the reference path reads
/// it off a jsonschema error ([`Failure::from_error`]), the fast path builds it as it walks.
pub(crate) struct Failure<'i> {
    /// The instance location (an RFC 6901 pointer into the event).
    pub(crate) pointer: String,
    pub(crate) instance: &'i Value,
    pub(crate) kind: ValidationErrorKind,
    /// The schema node holding the failing keyword.
    pub(crate) node: Option<Arc<KeywordNode>>,
    /// The validator's own words, for the keywords [`classify`] has no message of its own for;
    /// `None` where the fast path knows the schema declares a message (see `fast`).
    pub(crate) display: Option<String>,
}

impl<'i> Failure<'i> {
    pub(crate) fn from_error(error: &'i ValidationError<'i>, store: &SchemaStore) -> Self {
        let kind = error.kind();
        let described = matches!(
            kind,
            ValidationErrorKind::AdditionalProperties { .. }
                | ValidationErrorKind::UnevaluatedProperties { .. }
                | ValidationErrorKind::Required { .. }
                | ValidationErrorKind::Type { .. }
                | ValidationErrorKind::Enum { .. }
                | ValidationErrorKind::Constant { .. }
                | ValidationErrorKind::Format { .. }
                | ValidationErrorKind::Pattern { .. }
        ) || matches!(kind, ValidationErrorKind::Custom { keyword, .. } if keyword == EXPECTED);
        Self {
            pointer: error.instance_path().as_str().to_owned(),
            instance: error.instance().as_ref(),
            kind: kind_copy(kind),
            node: error.absolute_keyword_location().and_then(|l| store.keyword_node(l.as_str())),
            display: (!described).then(|| error.to_string()),
        }
    }
}

/// The parts of an error kind [`classify`] reads, as an owned value.
fn kind_copy(kind: &ValidationErrorKind) -> ValidationErrorKind {
    use ValidationErrorKind as K;
    match kind {
        K::AdditionalProperties { unexpected } => K::AdditionalProperties { unexpected: unexpected.clone() },
        K::UnevaluatedProperties { unexpected } => {
            K::UnevaluatedProperties { unexpected: unexpected.clone() }
        }
        K::Required { property } => K::Required { property: property.clone() },
        K::Type { kind: TypeKind::Single(t) } => K::Type { kind: TypeKind::Single(*t) },
        K::Type { kind: TypeKind::Multiple(set) } => K::Type { kind: TypeKind::Multiple(*set) },
        K::Enum { options } => K::Enum { options: Arc::clone(options) },
        K::Constant { expected_value } => K::Constant { expected_value: Arc::clone(expected_value) },
        K::Format { format } => K::Format { format: format.clone() },
        K::Pattern { pattern } => K::Pattern { pattern: pattern.clone() },
        K::Custom { keyword, message } => K::Custom { keyword: keyword.clone(), message: message.clone() },
        other => K::Custom { keyword: other.keyword().to_owned(), message: String::new() },
    }
}

/// Turns one failure into findings, deciding error or drift (docs/catalog.md).
pub(crate) fn classify(failure: &Failure<'_>) -> Vec<Finding> {
    let pointer = failure.pointer.clone();
    let instance = failure.instance;
    let keyword = failure.kind.keyword().to_owned();
    let node = failure.node.as_ref();
    let x_warn = node.and_then(|n| n.x_warn.as_ref());
    let declared = x_warn.and_then(|w| declared_warning(w, &keyword, instance));
    let found = || describe(instance);
    let finding = |severity, pointer: String, code: &str, message: String| {
        Finding::new(severity, pointer, &keyword, code, message)
    };
    // An error, unless the schema declares this keyword's failure here as drift (`x-warn`).
    let drift_or_error =
        |pointer: String, error_code: &str, drift_code: &str, message: String| match &declared {
            Some(d) => finding(
                Severity::Warning,
                pointer,
                d.code.as_deref().unwrap_or(drift_code),
                d.message.as_ref().map_or(message, |m| format!("{m} (found {})", found())),
            ),
            None => finding(Severity::Error, pointer, error_code, message),
        };

    let message = match &failure.kind {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let absent: Vec<&str> = node
                .iter()
                .flat_map(|n| n.properties.iter().map(String::as_str))
                .filter(|d| instance.get(*d).is_none())
                .collect();
            // `unevaluatedProperties` also names a field whose `allOf` member failed for another
            // reason (reported on its own): a field any member documents is not undocumented.
            let unevaluated = matches!(failure.kind, ValidationErrorKind::UnevaluatedProperties { .. });
            return unexpected
                .iter()
                .filter(|name| !(unevaluated && node.as_ref().is_some_and(|n| n.documents(name))))
                .map(|name| match near::nearest(name, absent.iter().copied()) {
                    Some(meant) => finding(
                        Severity::Warning,
                        Pointer::join(&pointer, name),
                        code::MISSPELT_FIELD,
                        format!("undocumented field {name:?}; did you mean {meant:?}?"),
                    ),
                    None => finding(
                        Severity::Warning,
                        Pointer::join(&pointer, name),
                        code::UNDOCUMENTED_FIELD,
                        format!("undocumented field {name:?}"),
                    ),
                })
                .collect();
        }
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().map_or_else(|| property.to_string(), str::to_owned);
            let message = format!(
                "missing required field {name:?}{}",
                sent_as(&name, instance, node.map(AsRef::as_ref))
            );
            return vec![drift_or_error(
                Pointer::join(&pointer, &name),
                code::MISSING_FIELD,
                code::MISSING_EXPECTED_FIELD,
                message,
            )];
        }
        ValidationErrorKind::Custom { keyword, .. } if keyword == EXPECTED => {
            let (Some(object), Some(expecting)) = (instance.as_object(), node) else {
                return Vec::new();
            };
            return expecting
                .expected
                .iter()
                .filter(|name| !object.contains_key(*name))
                .map(|name| {
                    let message = format!(
                        "missing documented field {name:?}{}",
                        sent_as(name, instance, node.map(AsRef::as_ref))
                    );
                    finding(
                        Severity::Warning,
                        Pointer::join(&pointer, name),
                        code::MISSING_EXPECTED_FIELD,
                        message,
                    )
                })
                .collect();
        }
        ValidationErrorKind::Type { kind } => {
            let expected = expected_types(kind);
            // A number or boolean spelt as a string is drift only where the schema node says
            // the evidence sends it so (`x-warn` naming `numeric-string`, or `type`); the
            // message of a `numeric-string` entry records that evidence for the catalog's reader.
            let tolerated = x_warn
                .and_then(|w| declared_warning(w, NUMERIC_STRING, instance))
                .or_else(|| declared.as_ref().map(|_| Drift::default()));
            if let (Some(spelled), Some(tolerated)) = (spelled_scalar(instance, kind), tolerated) {
                return vec![Finding::new(
                    Severity::Warning,
                    pointer,
                    "drift",
                    tolerated.code.as_deref().unwrap_or(code::NUMERIC_STRING),
                    format!("documented as {expected}; sent as {spelled} {}", quoted(instance)),
                )];
            }
            let message = format!("expected {expected}, found {}", found());
            return vec![drift_or_error(pointer, code::WRONG_TYPE, code::DOCUMENTED_DRIFT, message)];
        }
        ValidationErrorKind::Enum { options } => {
            let message = match declared.as_ref().and_then(|d| d.message.as_ref()) {
                // An enum the provider may extend: what is documented is named beside what was sent.
                Some(m) => format!("{m} (found {}; documented: {})", found(), list_values(options)),
                None if declared.is_some() => format!(
                    "found {}, not among the documented values ({}); the provider may add values",
                    found(),
                    list_values(options)
                ),
                None => format!("found {}; expected one of {}", found(), list_values(options)),
            };
            let code = match &declared {
                Some(d) => d.code.as_deref().unwrap_or(code::OPEN_ENUM),
                None => code::CLOSED_ENUM,
            };
            let severity = if declared.is_some() { Severity::Warning } else { Severity::Error };
            return vec![finding(severity, pointer, code, message)];
        }
        ValidationErrorKind::Constant { expected_value } => {
            let message = format!("expected {}, found {}", short(&expected_value.to_string()), found());
            return vec![drift_or_error(pointer, code::WRONG_VALUE, code::DOCUMENTED_DRIFT, message)];
        }
        ValidationErrorKind::Format { format } => {
            let looks_like_date = instance.as_str().is_some_and(|s| {
                s.len() >= 10
                    && s.as_bytes()[..10]
                        .iter()
                        .enumerate()
                        .all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() })
            });
            let message = format!("{} is not a valid {format}", found());
            if matches!(format.as_str(), "date" | "date-time") && !looks_like_date && declared.is_none() {
                return vec![finding(Severity::Error, pointer, code::BAD_DATE, message)];
            }
            // Formats are drift whether or not the schema says so.
            let code = declared.as_ref().and_then(|d| d.code.as_deref()).unwrap_or(code::FORMAT);
            let message = match declared.as_ref().and_then(|d| d.message.as_ref()) {
                Some(m) => format!("{m} (found {})", found()),
                None => message,
            };
            return vec![finding(Severity::Warning, pointer, code, message)];
        }
        ValidationErrorKind::Pattern { pattern } => {
            let message = format!("{} does not match the pattern {pattern}", found());
            return vec![drift_or_error(pointer, code::CONSTRAINT, code::PATTERN_DRIFT, message)];
        }
        _ => failure.display.clone().unwrap_or_default(),
    };
    vec![drift_or_error(pointer, code::CONSTRAINT, code::DOCUMENTED_DRIFT, message)]
}

/// A keyword the schema declares as drift (`x-warn`): the catalog's own message and code, if any.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Drift {
    pub(crate) message: Option<String>,
    pub(crate) code: Option<String>,
}

/// The name `x-warn` gives a number or boolean sent as a string, tolerated at that node only:
/// `"x-warn": ["numeric-string"]` or `{"numeric-string": "message"}`. Without it a numeric
/// string is `wrong-type`, like any other type failure.
pub(crate) const NUMERIC_STRING: &str = "numeric-string";

/// Reads `x-warn`, the one place where a schema turns a failure into drift: a keyword, a list of
/// keywords, or an object from keyword to a message or to `{"code": ..., "message": ...,
/// "values": [...]}`. With `values`, only those values are tolerated (the spellings the evidence
/// shows); any other value fails as if `x-warn` were not there. The keyword may also be
/// [`NUMERIC_STRING`], which is no JSON Schema keyword: it tolerates a `type` failure where the
/// value spells the documented number or boolean.
pub(crate) fn declared_warning(x_warn: &Value, keyword: &str, instance: &Value) -> Option<Drift> {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned);
    let listed = match x_warn {
        Value::Array(list) => list.iter().any(|k| k == keyword),
        Value::String(k) => k == keyword,
        Value::Object(map) => {
            return match map.get(keyword)? {
                Value::Object(o) => {
                    let tolerated =
                        o.get("values").and_then(Value::as_array).is_none_or(|v| v.contains(instance));
                    tolerated.then(|| Drift { message: text(o.get("message")), code: text(o.get("code")) })
                }
                other => Some(Drift { message: text(Some(other)), code: None }),
            };
        }
        _ => false,
    };
    listed.then_some(Drift::default())
}

/// What is wrong with the `x-warn` declarations of a schema document, for `catalog check`: each
/// one must be a keyword, a list of keywords or an object, and an object entry's `values` a list
/// of the tolerated values (a mistyped `values` would otherwise tolerate any value).
pub(crate) fn x_warn_problems(doc: &Value) -> Vec<String> {
    fn walk(node: &Value, at: &str, out: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if let Some(x_warn) = map.get("x-warn") {
                    let place = if at.is_empty() { "the root" } else { at };
                    match x_warn {
                        Value::String(_) => {}
                        Value::Array(list) if list.iter().all(Value::is_string) => {}
                        Value::Object(entries) => {
                            for (keyword, entry) in entries {
                                let values = entry.get("values");
                                if values.is_some_and(|v| !v.is_array()) {
                                    out.push(format!(
                                        "x-warn at {place}: {keyword:?} has \"values\" that is not a list of the tolerated values"
                                    ));
                                }
                                if !(entry.is_string() || entry.is_object()) {
                                    out.push(format!(
                                        "x-warn at {place}: {keyword:?} must be a message or an object with code, message, values"
                                    ));
                                }
                            }
                        }
                        _ => out.push(format!(
                            "x-warn at {place}: must be a keyword, a list of keywords or an object from keyword to a message"
                        )),
                    }
                }
                for (key, value) in map {
                    if key != "x-warn" {
                        walk(value, &Pointer::join(at, key), out);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, "", &mut out);
    out
}

/// ` (sent as "s3Key"?)` when the object holds an undocumented key that is a near miss of the
/// missing documented one.
fn sent_as(missing: &str, instance: &Value, node: Option<&KeywordNode>) -> String {
    let (Some(object), Some(node)) = (instance.as_object(), node) else { return String::new() };
    object
        .keys()
        .filter(|k| !node.documents(k))
        .filter_map(|k| Some((near::distance(k, missing)?, k)))
        .min()
        .map(|(_, k)| k)
        .map_or_else(String::new, |k| format!(" (sent as {k:?}?)"))
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

/// Values quoted in messages: their first 60 characters.
fn short(text: &str) -> String {
    crate::output::shorten(text, 61).into_owned()
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
        let any = json!("x");
        assert_eq!(
            declared_warning(&json!(["enum"]), "enum", &any),
            Some(Drift { message: None, code: None })
        );
        assert_eq!(declared_warning(&json!(["enum"]), "type", &any), None);
        assert_eq!(
            declared_warning(&json!({"not": "sent as null"}), "not", &any),
            Some(Drift { message: Some("sent as null".into()), code: None })
        );
        assert_eq!(
            declared_warning(
                &json!({"enum": {"code": "open-enum", "message": "new statuses appear"}}),
                "enum",
                &any
            ),
            Some(Drift { message: Some("new statuses appear".into()), code: Some("open-enum".into()) })
        );
    }

    #[test]
    fn catalog_check_names_malformed_x_warn() {
        assert!(
            x_warn_problems(
                &json!({"x-warn": ["enum"], "properties": {"a": {"x-warn": {"const": {"values": ["x"]}}}}})
            )
            .is_empty()
        );
        let problems =
            x_warn_problems(&json!({"properties": {"a": {"x-warn": {"const": {"values": "file_event"}}}}}));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("/properties/a") && problems[0].contains("values"), "{problems:?}");
        assert_eq!(x_warn_problems(&json!({"x-warn": 3})).len(), 1);
    }

    #[test]
    fn x_warn_values_tolerate_exactly_the_values_named() {
        let x_warn = json!({"const": {"values": ["file_event"], "message": "the SDKs say file_event"}});
        assert_eq!(
            declared_warning(&x_warn, "const", &json!("file_event")),
            Some(Drift { message: Some("the SDKs say file_event".into()), code: None })
        );
        assert_eq!(declared_warning(&x_warn, "const", &json!("job_event_type")), None);
        assert_eq!(
            declared_warning(&json!(["numeric-string"]), NUMERIC_STRING, &json!("3")),
            Some(Drift::default())
        );
        assert_eq!(declared_warning(&json!(["pattern"]), NUMERIC_STRING, &json!("3")), None);
    }

    #[test]
    fn values_are_described_in_words() {
        assert_eq!(describe(&json!("12s")), "a string \"12s\"");
        assert_eq!(describe(&json!({"a": 1})), "an object");
        assert_eq!(describe(&json!(5)), "the number 5");
    }
}
