//! One record end to end: parse, detect, validate, and place every finding in the source. A
//! record that is only a wrapper (a gateway's `{"headers": ..., "body": "<json>"}`) is unwrapped.

use serde_json::Value;

use crate::catalog::{Catalog, CatalogError};
use crate::detect::{Forced, detect};
use crate::input::{Body, Record};
use crate::json::{
    Keep, Lexer, Pointer, Position, Positions, duplicate_keys, locate_all, parse, parse_pruned,
};
use crate::model::{EventResult, Finding, Severity, Status, code};
use crate::validate::{VerdictPath, documented_alias, validate};

#[cfg(test)]
mod differential;

/// What a run needs to analyse records.
pub(crate) struct Analyzer<'c> {
    pub catalog: &'c Catalog,
    known_providers: String,
    /// Detection only (`filter` by provider or type): what detection reads, without validation.
    detect_only: Option<Keep>,
    /// How verdicts are reached (the same either way; the reference path is for testing).
    path: VerdictPath,
    /// `--at`: JSON Pointers to the event inside each record; the first that exists wins.
    at: Vec<String>,
}

/// A record's result, with its parsed value when it was JSON.
pub(crate) struct Analyzed {
    /// The record the result is about (the unwrapped body when the input was a wrapper).
    pub record: Record,
    pub result: EventResult,
    pub value: Option<Value>,
    /// The record as read, when the event was unwrapped from it.
    pub wrapper: Option<Record>,
    /// What the command writes for this record, when it renders on the analysis threads.
    pub rendered: Vec<u8>,
}

impl Analyzed {
    /// The bytes that stand for this event in the input (what `filter` writes back).
    pub(crate) fn original(&self) -> &[u8] {
        &self.wrapper.as_ref().unwrap_or(&self.record).original
    }
}

impl<'c> Analyzer<'c> {
    pub(crate) fn new(catalog: &'c Catalog) -> Self {
        let ids: Vec<&str> = catalog.providers().map(crate::catalog::Provider::id).collect();
        // A testing aid, kept out of the options: `HOOKSCOPE_VERDICT_PATH=reference` takes the
        // reference path, so that both paths can be compared on any input from the command line.
        let path = match std::env::var_os("HOOKSCOPE_VERDICT_PATH") {
            Some(v) if v == "reference" => VerdictPath::Reference,
            _ => VerdictPath::Fast,
        };
        Self { catalog, known_providers: ids.join(", "), detect_only: None, path, at: Vec::new() }
    }

    /// An analyzer that detects provider and type but does not validate: the status of a
    /// parsed event is left `unknown` and it has no findings. It parses only the parts of each
    /// event that detection reads.
    #[must_use]
    pub(crate) fn detect_only(mut self, on: bool) -> Self {
        self.detect_only = on.then(|| detection_paths(self.catalog));
        self
    }

    /// An analyzer that reaches its verdicts along `path` (the differential test runs both).
    #[cfg(test)]
    #[must_use]
    pub(crate) fn verdict_path(mut self, path: VerdictPath) -> Self {
        self.path = path;
        self
    }

    /// An analyzer that takes each record's event from the first of `pointers` that exists in
    /// it (`--at`); none means the record is the event.
    #[must_use]
    pub(crate) fn at(mut self, pointers: Vec<String>) -> Self {
        self.at = pointers;
        self
    }

    /// Analyses one record; `forced` holds what the user chose instead of detection.
    pub(crate) fn analyze(&self, record: Record, forced: &Forced<'c>) -> Result<Analyzed, CatalogError> {
        self.analyze_at_depth(record, forced, 0)
    }

    fn analyze_at_depth(
        &self,
        record: Record,
        forced: &Forced<'c>,
        depth: usize,
    ) -> Result<Analyzed, CatalogError> {
        let mut result = EventResult {
            source: record.source.to_string(),
            line: record.line,
            column: record.column,
            provider: None,
            event_type: None,
            api_version: None,
            api_version_candidates: None,
            status: Status::Unparsable,
            docs: None,
            errors: Vec::new(),
            warnings: Vec::new(),
            expect: None,
        };
        // `at` is where the parser stopped: its position and byte offset in the record's text.
        let unparsable =
            |mut result: EventResult, message: String, at: Option<(Position, usize)>, record: Record| {
                let mut finding = Finding::new(Severity::Error, "", "parse", code::PARSE, message);
                let (position, offset) =
                    at.map_or((Position { line: 1, column: 1 }, None), |(p, o)| (p, Some(o)));
                place(&mut finding, position, offset, &record);
                result.errors.push(finding);
                Ok(Analyzed { record, result, value: None, wrapper: None, rendered: Vec::new() })
            };
        if let Some(problem) = record.problem.clone() {
            return unparsable(result, problem, None, record);
        }
        if record.text().trim_ascii().is_empty() {
            return unparsable(result, "empty input: no JSON value in this source".to_owned(), None, record);
        }
        let at_pointer = depth == 0 && !self.at.is_empty();
        if let Some(keep) = &self.detect_only
            && !at_pointer
            && let Some(value) = parse_pruned(record.text(), keep)
        {
            return self.detected_only(value, record, forced, depth, result);
        }
        // Not accepted by the pruned parse (or not pruning): the full parse says why.
        let parsed = match parse(record.text()) {
            Ok(p) => p,
            Err(e) => {
                let message = if record.exact_positions() {
                    let body_start = match &record.body {
                        Body::Span(range) => range.start,
                        Body::Decoded => 0,
                    };
                    let at = record.byte_offset + (body_start + e.offset) as u64;
                    format!("{} (byte offset {at})", e.message)
                } else {
                    e.message
                };
                return unparsable(result, message, Some((e.position, e.offset)), record);
            }
        };
        if at_pointer {
            return self.inner(parsed.value, record, forced, result);
        }
        if self.detect_only.is_some() {
            return self.detected_only(parsed.value, record, forced, depth, result);
        }
        let detection = detect(self.catalog, &parsed.value, &record.headers, forced);
        let record = match detection.provider {
            Some(_) => record,
            None => match self.unwrapped(&parsed.value, record, forced, depth)? {
                Ok(inner) => return Ok(inner),
                Err(record) => record,
            },
        };
        let verdict =
            validate(&detection, &parsed.value, forced.api_version, &self.known_providers, self.path)?;
        result.provider = detection.provider.map(|p| p.id().to_owned());
        result.event_type = verdict.event_type.or(detection.event_type);
        result.api_version = verdict.api_version;
        result.api_version_candidates = verdict.api_version_candidates;
        result.status = verdict.status;
        result.docs = verdict.docs;
        let mut findings = verdict.findings;
        if parsed.has_duplicate_keys {
            let text = record.text();
            let duplicates = duplicate_keys(text);
            // Every place at once, in one pass: thousands of repeats on one long line stay linear.
            let mut offsets: Vec<usize> = duplicates.iter().flat_map(|d| [d.first, d.second]).collect();
            offsets.sort_unstable();
            offsets.dedup();
            let found = Positions::new(text).at_sorted(&offsets);
            let position = |offset: usize| found[offsets.binary_search(&offset).unwrap_or_default()];
            for dup in duplicates {
                let first = record.absolute(position(dup.first));
                let key = Pointer::from(dup.pointer.as_str()).last().unwrap_or_default().to_owned();
                let message = format!(
                    "duplicate key {key:?}: first at line {}, column {}; consumers usually keep the last value",
                    first.line, first.column
                );
                let mut finding = Finding::new(
                    Severity::Warning,
                    dup.pointer,
                    "duplicate-key",
                    code::DUPLICATE_KEY,
                    message,
                );
                place(&mut finding, position(dup.second), Some(dup.second), &record);
                findings.push(finding);
            }
        }
        // Without repeated keys, the parsed value says which pointers exist in the text.
        let exists = (!parsed.has_duplicate_keys).then_some(&parsed.value);
        locate(&mut findings, &record, exists);
        for finding in &mut findings {
            spell_number_as_sent(finding, record.text());
        }
        findings.sort_by_key(|f| (f.line, f.column));
        for finding in findings {
            match finding.severity {
                Severity::Error => result.errors.push(finding),
                Severity::Warning => result.warnings.push(finding),
            }
        }
        Ok(Analyzed { record, result, value: Some(parsed.value), wrapper: None, rendered: Vec::new() })
    }

    /// For a record that is no provider's event: the event a gateway's record carries, analysed
    /// (the record kept as its wrapper), or the record back when it carries none of a known provider.
    fn unwrapped(
        &self,
        value: &Value,
        record: Record,
        forced: &Forced<'c>,
        depth: usize,
    ) -> Result<Result<Analyzed, Record>, CatalogError> {
        if depth == 0
            && let Some(inner) = crate::input::gateway::unwrap(value, &record)
        {
            let mut inner = self.analyze_at_depth(inner, forced, depth + 1)?;
            if inner.result.provider.is_some() {
                inner.wrapper = Some(record);
                return Ok(Ok(inner));
            }
        }
        Ok(Err(record))
    }

    /// The event at the first `--at` pointer that exists in a record, analysed with the record
    /// kept as its wrapper (so `filter` writes the whole record) and positions in the file; or,
    /// when none exists, the record reported `unknown` with a finding naming the pointers.
    fn inner(
        &self,
        value: Value,
        record: Record,
        forced: &Forced<'c>,
        mut result: EventResult,
    ) -> Result<Analyzed, CatalogError> {
        let Some((pointer, inner)) =
            self.at.iter().find_map(|p| crate::json::lookup(&value, p).map(|v| (p, v)))
        else {
            let pointers: Vec<String> = self.at.iter().map(|p| format!("{p:?}")).collect();
            let any = if pointers.len() == 1 { "" } else { "any of " };
            let message = format!("no event in this record: nothing at {any}--at {}", pointers.join(", "));
            let mut finding = Finding::new(Severity::Error, "", "at", code::UNKNOWN_PROVIDER, message);
            place(&mut finding, Position { line: 1, column: 1 }, Some(0), &record);
            result.status = Status::Unknown;
            result.errors.push(finding);
            return Ok(Analyzed { record, result, value: Some(value), wrapper: None, rendered: Vec::new() });
        };
        let text = record.text();
        let start = if pointer.is_empty() {
            Some(text.len() - text.trim_ascii_start().len())
        } else {
            crate::json::locate_all(text, &[pointer.as_str()])
                .get(pointer.as_str())
                .map(|(offset, _)| *offset)
        };
        let located = start.filter(|_| record.exact_positions());
        let mut event = match (inner, located, &record.body) {
            // JSON held in a string: decoded, placed at the string.
            (Value::String(json), _, _) => {
                let at = located.map_or(Position { line: record.line, column: record.column }, |offset| {
                    record.absolute(Positions::new(text).at(offset))
                });
                let mut event =
                    Record::new(record.source.clone(), at.line, at.column, json.as_bytes().to_vec());
                event.body = Body::Decoded;
                event
            }
            // A value in the record's text: the same bytes, narrowed to it, so every position
            // inside it is the file's.
            (_, Some(offset), Body::Span(range)) => {
                let end = match crate::json::frame_value(text, offset) {
                    crate::json::Frame::Complete { end, .. } => end,
                    _ => text.len(),
                };
                let at = record.absolute(Positions::new(text).at(offset));
                let mut event =
                    Record::new(record.source.clone(), at.line, at.column, record.original.clone());
                event.body = Body::Span(range.start + offset..range.start + end);
                event.byte_offset = record.byte_offset;
                event
            }
            (other, _, _) => {
                let mut event = Record::new(
                    record.source.clone(),
                    record.line,
                    record.column,
                    other.to_string().into_bytes(),
                );
                event.body = Body::Decoded;
                event
            }
        };
        event.headers.clone_from(&record.headers);
        let mut analyzed = self.analyze_at_depth(event, forced, 1)?;
        analyzed.wrapper = Some(record);
        Ok(analyzed)
    }

    /// The result of detection alone, unwrapping as the full analysis does.
    fn detected_only(
        &self,
        value: Value,
        record: Record,
        forced: &Forced<'c>,
        depth: usize,
        mut result: EventResult,
    ) -> Result<Analyzed, CatalogError> {
        let detection = detect(self.catalog, &value, &record.headers, forced);
        let record = match detection.provider {
            Some(_) => record,
            None => match self.unwrapped(&value, record, forced, depth)? {
                Ok(inner) => return Ok(inner),
                Err(record) => record,
            },
        };
        result.provider = detection.provider.map(|p| p.id().to_owned());
        let alias = match (detection.provider, &detection.event_type) {
            (Some(p), Some(sent)) => documented_alias(p, sent).map(str::to_owned),
            _ => None,
        };
        result.event_type = alias.or(detection.event_type);
        // Not validated: nothing is known of the status beyond "parsed".
        result.status = Status::Unknown;
        Ok(Analyzed { record, result, value: Some(value), wrapper: None, rendered: Vec::new() })
    }
}

/// Every place in an event that detection and unwrapping read.
fn detection_paths(catalog: &Catalog) -> Keep {
    let mut keep = Keep::default();
    for provider in catalog.providers() {
        for envelope in &provider.desc.envelopes {
            for marker in &envelope.markers {
                if let Some(pointer) = &marker.pointer {
                    keep.add(pointer.as_str(), marker.constant.is_some());
                }
            }
            keep.add(envelope.type_at.as_str(), false);
            if let Some(sub) = &envelope.subtype_at {
                keep.add(sub.as_str(), false);
            }
        }
        if let Some(crate::catalog::VersionRule::At { at, .. }) = &provider.desc.version {
            keep.add(at.as_str(), false);
        }
    }
    for key in crate::input::gateway::WRAPPED_BODY_KEYS {
        keep.add(&format!("/{key}"), false);
    }
    for key in crate::input::gateway::HEADER_KEYS {
        keep.add(&format!("/{key}"), true);
    }
    keep
}

/// Gives a finding its absolute position and, where positions are exact, the byte span of the
/// offending token in the record's text (for source snippets).
fn place(finding: &mut Finding, relative: Position, offset: Option<usize>, record: &Record) {
    let at = record.absolute(relative);
    finding.line = Some(at.line);
    finding.column = Some(at.column);
    if record.exact_positions()
        && let Some(offset) = offset
    {
        let end = Lexer::new(record.text(), offset).next_token().map_or(offset + 1, |(_, _, end)| end);
        // A container is marked by its opening bracket only.
        let end = if matches!(record.text().get(offset), Some(b'{' | b'[')) { offset + 1 } else { end };
        finding.span = Some(offset..end.max(offset + 1));
    }
}

/// Messages quote values as parsed; a number beyond 64-bit range was parsed as a float, so its
/// digits are put back as the sender wrote them.
fn spell_number_as_sent(finding: &mut Finding, text: &[u8]) {
    let Some(raw) = finding.span.clone().and_then(|span| text.get(span)) else { return };
    if !raw.first().is_some_and(|b| *b == b'-' || b.is_ascii_digit()) {
        return;
    }
    let Some(raw) = std::str::from_utf8(raw).ok() else { return };
    let parsed = raw.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(|n| n.to_string());
    if let Some(parsed) = parsed
        && parsed != raw
    {
        finding.message = finding.message.replacen(&parsed, raw, 1);
    }
}

/// Gives each unplaced finding the position of its value, or of the nearest enclosing value that
/// exists (a missing field is shown at its object). With the event's value at hand, only that
/// nearest existing value is looked for: the text is then read no further than to reach it,
/// rather than to the end of an object in search of a field it lacks.
fn locate(findings: &mut [Finding], record: &Record, value: Option<&Value>) {
    let mut wanted: Vec<&str> = Vec::new();
    for f in findings.iter().filter(|f| f.line.is_none()) {
        let mut p = f.pointer.as_str();
        loop {
            let exists = value.map(|v| crate::json::lookup(v, p).is_some());
            if exists != Some(false) {
                wanted.push(p);
            }
            if exists == Some(true) {
                break;
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => break,
            }
        }
    }
    if wanted.is_empty() {
        return;
    }
    wanted.sort_unstable();
    wanted.dedup();
    let text = record.text();
    let found = locate_all(text, &wanted);
    let positions = Positions::new(text);
    let spots: Vec<Option<usize>> = findings
        .iter()
        .map(|f| {
            if f.line.is_some() {
                return None;
            }
            let mut p = f.pointer.as_str();
            loop {
                if let Some((offset, _)) = found.get(p) {
                    return Some(*offset);
                }
                p = &p[..p.rfind('/')?];
            }
        })
        .collect();
    for (f, spot) in findings.iter_mut().zip(spots) {
        if f.line.is_none() {
            let offset = spot.unwrap_or(0);
            place(f, positions.at(offset), Some(offset), record);
        }
    }
}
