//! HAR files (browser and proxy exports): each request with a JSON body is an event, with its
//! request headers.

use std::sync::Arc;

use serde_json::Value;

use super::{Body, ReadError, ReadStats, Record, Sink};
use crate::json::{Positions, locate_all};

/// Whether a parsed document is a HAR log.
pub(super) fn is_har(doc: &Value) -> bool {
    doc.pointer("/log/entries").is_some_and(Value::is_array)
}

pub(super) fn frame(
    name: &Arc<str>,
    buf: &[u8],
    base: u64,
    doc: &Value,
    sink: &mut Sink<'_>,
    stats: &mut ReadStats,
) -> Result<(), ReadError> {
    let entries = doc.pointer("/log/entries").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    let pointers: Vec<String> =
        (0..entries.len()).map(|i| format!("/log/entries/{i}/request/postData/text")).collect();
    let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
    let found = locate_all(buf, &refs);
    let positions = Positions::new(buf);
    for (i, entry) in entries.iter().enumerate() {
        let request = &entry["request"];
        let Some(text) = request.pointer("/postData/text").and_then(Value::as_str) else {
            stats.skipped += 1;
            continue;
        };
        let mime = request.pointer("/postData/mimeType").and_then(Value::as_str).unwrap_or_default();
        let trimmed = text.trim_start();
        if !(mime.contains("json") || trimmed.starts_with('{') || trimmed.starts_with('[')) {
            stats.skipped += 1;
            continue;
        }
        let offset = found.get(&pointers[i]).map_or(0, |(o, _)| *o);
        let at = positions.at(offset);
        let mut record = Record::new(Arc::clone(name), at.line, at.column, text.as_bytes().to_vec());
        record.byte_offset = base + offset as u64;
        record.body = Body::Decoded;
        record.headers = request
            .get("headers")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|h| Some((h.get("name")?.as_str()?.to_owned(), h.get("value")?.as_str()?.to_owned())))
            .collect();
        sink(record)?;
    }
    Ok(())
}
