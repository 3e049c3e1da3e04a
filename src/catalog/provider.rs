//! The provider description (`provider.json`): how a provider's deliveries are recognised and
//! where their type, version, id and time live.

use serde::Deserialize;
use serde_json::Value;

use crate::json::Pointer;
use crate::signature::SchemeDesc;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProviderDesc {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub docs: Option<String>,
    /// Generic envelopes (`CloudEvents`, Standard Webhooks) lose to specific providers.
    #[serde(default)]
    pub generic: bool,
    pub envelopes: Vec<Envelope>,
    #[serde(default)]
    pub version: Option<VersionRule>,
    #[serde(default)]
    pub id_at: Option<Pointer>,
    #[serde(default)]
    pub time: Option<TimeField>,
    #[serde(default)]
    pub summary: Vec<SummaryField>,
    #[serde(default)]
    pub volatile: Vec<String>,
    #[serde(default)]
    pub signature: Option<Signature>,
    #[serde(default)]
    pub notices: Vec<Notice>,
    /// A schema (path inside the provider folder) for event types without their own schema:
    /// generic envelopes accept any type and check the envelope.
    #[serde(default)]
    pub any_type: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Envelope {
    pub markers: Vec<Marker>,
    pub min_markers: usize,
    /// Where the event type string lives in the event (empty when a header names the type).
    #[serde(default)]
    pub type_at: Pointer,
    /// A delivery header that names the event type (`X-GitHub-Event`), for providers that say
    /// the type only there.
    #[serde(default)]
    pub type_header: Option<String>,
    /// With `type_header`: a field that refines the header's type (`/action`); the event type
    /// is then `<header>.<field>` when the field is a string.
    #[serde(default)]
    pub subtype_at: Option<Pointer>,
    /// For a provider whose deliveries carry no type at all (one event type): every document
    /// this envelope claims is of this type.
    #[serde(default, rename = "type")]
    pub fixed_type: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Marker {
    /// A JSON Pointer into the event...
    #[serde(default)]
    pub pointer: Option<Pointer>,
    /// ...or the name of a delivery header (case-insensitive), when the event came with headers.
    #[serde(default)]
    pub header: Option<String>,
    #[serde(default, rename = "type")]
    pub json_type: Option<JsonKind>,
    #[serde(default, rename = "const")]
    pub constant: Option<Value>,
    #[serde(default)]
    pub required: bool,
    /// Evidence that is this provider's own (its timestamp field, its header), not a field name
    /// any envelope has. An envelope with such markers claims a document only when one of them
    /// matches or the document's type is one the provider documents.
    #[serde(default)]
    pub distinctive: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum JsonKind {
    String,
    Number,
    Integer,
    Boolean,
    Object,
    Array,
    Null,
}

impl JsonKind {
    pub(crate) fn matches(self, value: &Value) -> bool {
        match self {
            Self::String => value.is_string(),
            Self::Number => value.is_number(),
            Self::Integer => value.is_i64() || value.is_u64(),
            Self::Boolean => value.is_boolean(),
            Self::Object => value.is_object(),
            Self::Array => value.is_array(),
            Self::Null => value.is_null(),
        }
    }
}

/// Delivery headers, as name/value pairs in order.
pub(crate) type Headers = [(String, String)];

impl Marker {
    pub(crate) fn matches(&self, event: &Value, headers: &Headers) -> bool {
        if let Some(name) = &self.header {
            return headers.iter().any(|(k, _)| k.eq_ignore_ascii_case(name));
        }
        let Some(pointer) = &self.pointer else {
            return false;
        };
        pointer.find(event).is_some_and(|v| {
            self.json_type.is_none_or(|k| k.matches(v)) && self.constant.as_ref().is_none_or(|c| c == v)
        })
    }
}

impl Envelope {
    /// The event type string of an event in this envelope: the value at `type_at`, or the type
    /// header's value (refined by `subtype_at`).
    pub(crate) fn event_type(&self, event: &Value, headers: &Headers) -> Option<String> {
        if let Some(fixed) = &self.fixed_type {
            return Some(fixed.clone());
        }
        let Some(name) = &self.type_header else {
            return self.type_at.find(event).and_then(Value::as_str).map(str::to_owned);
        };
        let base = headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim())?;
        let sub = self.subtype_at.as_ref().and_then(|p| p.find(event)).and_then(Value::as_str);
        Some(match sub {
            Some(sub) => format!("{base}.{sub}"),
            None => base.to_owned(),
        })
    }

    /// Where findings about the event type point: the type field, or the subtype field of a
    /// header-typed envelope.
    pub(crate) fn type_pointer(&self) -> &str {
        match (&self.type_header, &self.subtype_at) {
            (Some(_), Some(sub)) => sub.as_str(),
            _ => self.type_at.as_str(),
        }
    }

    /// The share of markers that match, when the envelope claims the event at all.
    pub(crate) fn score(&self, event: &Value, headers: &Headers) -> Option<f64> {
        let mut matched = 0usize;
        for marker in &self.markers {
            if marker.matches(event, headers) {
                matched += 1;
            } else if marker.required {
                return None;
            }
        }
        #[allow(clippy::cast_precision_loss)]
        (matched >= self.min_markers.max(1)).then(|| matched as f64 / self.markers.len() as f64)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub(crate) enum VersionRule {
    /// The version is a field of the event; `known` lists the versions the catalog documents
    /// (another one is the `unknown-version` warning).
    At {
        at: Pointer,
        #[serde(default)]
        known: Vec<String>,
    },
    /// The version is inferred from the per-version schemas (oldest first).
    Infer { infer: Vec<String> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum TimeUnit {
    Seconds,
    Milliseconds,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TimeField {
    pub at: Pointer,
    pub unit: TimeUnit,
}

impl TimeField {
    /// A time value (number or numeric string) in milliseconds since the Unix epoch.
    pub(crate) fn millis_of(&self, raw: &Value) -> Option<i64> {
        let number = match raw {
            Value::Number(n) => n.as_f64()?,
            Value::String(s) => s.trim().parse::<f64>().ok()?,
            _ => return None,
        };
        let millis = match self.unit {
            TimeUnit::Seconds => number * 1000.0,
            TimeUnit::Milliseconds => number,
        };
        // Beyond ±2^53 ms (±285,000 years) it is not a time anyway.
        #[allow(clippy::cast_possible_truncation)]
        (millis.is_finite() && millis.abs() < 9.0e15).then(|| millis.round() as i64)
    }

    /// The event's time, when it has one where the description says.
    pub(crate) fn event_millis(&self, event: &Value) -> Option<i64> {
        self.millis_of(self.at.find(event)?)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SummaryField {
    pub label: String,
    pub at: Pointer,
}

/// How a provider's deliveries are signed: a scheme it defines in full, or the name of a scheme
/// another provider defines (`none` for no signature), with a note of its own.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "Value")]
pub(crate) enum Signature {
    Defines(Box<SchemeDesc>),
    Uses { scheme: String, note: Option<String> },
}

impl Signature {
    /// The name of the provider's default scheme (`none` when it documents no signature).
    pub(crate) fn scheme_name(&self) -> &str {
        match self {
            Self::Defines(desc) => &desc.name,
            Self::Uses { scheme, .. } => scheme,
        }
    }

    pub(crate) fn note(&self) -> Option<&str> {
        match self {
            Self::Defines(desc) => desc.note.as_deref(),
            Self::Uses { note, .. } => note.as_deref(),
        }
    }
}

impl TryFrom<Value> for Signature {
    type Error = String;

    fn try_from(value: Value) -> Result<Self, String> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Uses {
            scheme: String,
            #[serde(default)]
            note: Option<String>,
        }
        if value.get("scheme").is_some() {
            let uses: Uses = serde_json::from_value(value).map_err(|e| {
                format!("signature: {e} (a signature naming another provider's scheme holds only `scheme` and `note`)")
            })?;
            Ok(Self::Uses { scheme: uses.scheme, note: uses.note })
        } else {
            let desc = serde_json::from_value(value).map_err(|e| {
                format!("signature: {e} (give `scheme` to name a scheme, or define one with `name`, `title`, `headers`, `signed`, `key`, `digest`, `tolerance`)")
            })?;
            Ok(Self::Defines(Box::new(desc)))
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Notice {
    pub markers: Vec<Marker>,
    pub message: String,
    /// What a receiver must answer to such a delivery (a handshake or a probe), for `listen`.
    #[serde(default)]
    pub reply: Option<Reply>,
}

/// A receiver's required answer: a status and an optional JSON body, whose strings that are
/// exactly `{/pointer}` take the event's value there (any JSON type), and whose other strings
/// have their `{/pointer}` placeholders filled as text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Reply {
    pub status: u16,
    #[serde(default)]
    pub body: Option<Value>,
}

impl Reply {
    /// The status and the body's bytes for this event.
    pub(crate) fn render(&self, event: &Value) -> (u16, Option<Vec<u8>>) {
        let body = self.body.as_ref().map(|b| serde_json::to_vec(&fill(b, event)).unwrap_or_default());
        (self.status, body)
    }
}

fn fill(template: &Value, event: &Value) -> Value {
    match template {
        Value::String(s) => {
            let whole = s.strip_prefix('{').and_then(|s| s.strip_suffix('}')).filter(|p| p.starts_with('/'));
            match whole.filter(|p| !p.contains('}')) {
                Some(pointer) => event.pointer(pointer).cloned().unwrap_or(Value::Null),
                None => Value::String(fill_text(s, event)),
            }
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| fill(v, event)).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), fill(v, event))).collect()),
        other => other.clone(),
    }
}

/// `text` with each `{/pointer}` replaced by the event's value there (strings without quotes).
fn fill_text(text: &str, event: &Value) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find("{/") {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push_str(&rest[..open]);
        let pointer = &rest[open + 1..open + close];
        match event.pointer(pointer) {
            Some(Value::String(s)) => out.push_str(s),
            Some(v) => out.push_str(&v.to_string()),
            None => out.push_str("(absent)"),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

impl Notice {
    /// The message with `{/pointer}` placeholders filled from the event, when every marker matches.
    pub(crate) fn render(&self, event: &Value) -> Option<String> {
        self.matches(event).then(|| fill_text(&self.message, event))
    }

    /// Whether every marker matches the event.
    pub(crate) fn matches(&self, event: &Value) -> bool {
        self.markers.iter().all(|m| m.matches(event, &[]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn envelope() -> Envelope {
        serde_json::from_value(json!({
            "markers": [
                {"pointer": "/type", "type": "string"},
                {"pointer": "/payload", "type": "object"},
                {"pointer": "/id", "type": "string"},
                {"pointer": "/kind", "const": "x", "required": true}
            ],
            "min_markers": 3,
            "type_at": "/type"
        }))
        .unwrap()
    }

    #[test]
    fn scores_by_share_of_markers() {
        let e = envelope();
        assert_eq!(e.score(&json!({"type": "a", "payload": {}, "kind": "x"}), &[]), Some(0.75));
        assert_eq!(e.score(&json!({"type": "a", "payload": [], "kind": "x"}), &[]), None);
        assert_eq!(e.score(&json!({"type": "a", "payload": {}, "id": "1"}), &[]), None, "required marker");
    }

    #[test]
    fn times_in_seconds_or_milliseconds() {
        let seconds = TimeField { at: "/t".into(), unit: TimeUnit::Seconds };
        assert_eq!(seconds.millis_of(&json!(1_708_526_033.049)), Some(1_708_526_033_049));
        assert_eq!(seconds.millis_of(&json!("1653240900.00")), Some(1_653_240_900_000));
        assert_eq!(seconds.millis_of(&json!("yesterday")), None);
        assert_eq!(seconds.millis_of(&json!(1e300)), None);
        let millis = TimeField { at: "/t".into(), unit: TimeUnit::Milliseconds };
        assert_eq!(millis.event_millis(&json!({"t": 1_708_526_033_049_i64})), Some(1_708_526_033_049));
    }

    #[test]
    fn header_markers_match_case_insensitively() {
        let marker: Marker = serde_json::from_value(json!({"header": "X-Webhook-Signature"})).unwrap();
        let headers = [("x-webhook-signature".to_owned(), "abc".to_owned())];
        assert!(marker.matches(&json!({}), &headers));
        assert!(!marker.matches(&json!({}), &[]));
    }

    #[test]
    fn header_typed_envelopes_read_the_type_from_the_header() {
        let e: Envelope = serde_json::from_value(json!({
            "markers": [{"header": "X-GitHub-Event", "required": true}],
            "min_markers": 1,
            "type_header": "X-GitHub-Event",
            "subtype_at": "/action"
        }))
        .unwrap();
        let headers = [("x-github-event".to_owned(), "repository".to_owned())];
        assert_eq!(
            e.event_type(&json!({"action": "deleted"}), &headers).as_deref(),
            Some("repository.deleted")
        );
        assert_eq!(e.event_type(&json!({"zen": "x"}), &headers).as_deref(), Some("repository"));
        assert_eq!(e.event_type(&json!({"action": "deleted"}), &[]), None);
        assert_eq!(e.type_pointer(), "/action");
    }

    #[test]
    fn notices_fill_placeholders() {
        let notice: Notice = serde_json::from_value(json!({
            "markers": [{"pointer": "/type", "const": "url_verification"}],
            "message": "answer with {/challenge} (token {/token})"
        }))
        .unwrap();
        let event = json!({"type": "url_verification", "challenge": "abc", "token": 7});
        assert_eq!(notice.render(&event).unwrap(), "answer with abc (token 7)");
        assert!(notice.render(&json!({"type": "other"})).is_none());
    }

    #[test]
    fn replies_take_values_from_the_event() {
        let reply: Reply = serde_json::from_value(json!({
            "status": 200,
            "body": {"challenge": "{/challenge}", "note": "got {/n}"}
        }))
        .unwrap();
        let (status, body) = reply.render(&json!({"challenge": "abc", "n": 7}));
        assert_eq!(status, 200);
        assert_eq!(body.unwrap(), br#"{"challenge":"abc","note":"got 7"}"#);
        let (_, body) = reply.render(&json!({"challenge": 12}));
        assert_eq!(body.unwrap(), br#"{"challenge":12,"note":"got (absent)"}"#);
        let empty: Reply = serde_json::from_value(json!({"status": 200})).unwrap();
        assert_eq!(empty.render(&json!({})), (200, None));
    }
}
