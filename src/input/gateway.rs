//! Gateway and logger records: the delivery carried as a JSON string inside a record of their
//! own (`{"headers": {...}, "body": "{\"type\": ...}"}`), taken out with its headers.

use serde_json::Value;

use super::{Body, Record};
use crate::json::{Position, Positions, locate_all};

/// Keys under which gateways and loggers carry the delivery body as a JSON string.
pub(crate) const WRAPPED_BODY_KEYS: &[&str] = &["body", "payload", "message", "msg", "data"];
/// Keys under which they carry the delivery's headers.
pub(crate) const HEADER_KEYS: &[&str] = &["headers", "multiValueHeaders"];

/// The event carried as a JSON string inside a wrapper record, with the wrapper's headers.
pub(crate) fn unwrap(value: &Value, record: &Record) -> Option<Record> {
    let object = value.as_object()?;
    let (key, text) = WRAPPED_BODY_KEYS.iter().find_map(|k| {
        let s = object.get(*k)?.as_str()?;
        matches!(s.trim_start().as_bytes().first(), Some(b'{' | b'[')).then_some((*k, s))
    })?;
    let pointer = format!("/{key}");
    let at = if record.exact_positions() {
        locate_all(record.text(), &[&pointer])
            .get(&pointer)
            .map(|(offset, _)| record.absolute(Positions::new(record.text()).at(*offset)))
    } else {
        None
    };
    let at = at.unwrap_or(Position { line: record.line, column: record.column });
    let mut inner = Record::new(record.source.clone(), at.line, at.column, text.as_bytes().to_vec());
    inner.body = Body::Decoded;
    inner.headers.clone_from(&record.headers);
    for headers_key in HEADER_KEYS {
        if let Some(map) = object.get(*headers_key).and_then(Value::as_object) {
            for (name, v) in map {
                let value = match v {
                    Value::String(s) => s.clone(),
                    Value::Array(a) => a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
                    other => other.to_string(),
                };
                if inner.header(name).is_none() {
                    inner.headers.push((name.clone(), value));
                }
            }
        }
    }
    Some(inner)
}
