//! One record end to end: parse, detect, validate, and place every finding in the source.

use serde_json::Value;

use crate::catalog::{Catalog, CatalogError};
use crate::detect::{Forced, detect};
use crate::input::Record;
use crate::json::{Position, Positions, duplicate_keys, locate_all, parse};
use crate::report::{EventResult, Finding, Severity, Status};
use crate::validate::validate;

/// What a run needs to analyse records.
pub struct Analyzer<'c> {
    pub catalog: &'c Catalog,
    pub forced: Forced<'c>,
    known_providers: String,
}

/// A record's result, with its parsed value when it was JSON.
pub struct Analyzed {
    pub result: EventResult,
    pub value: Option<Value>,
}

impl<'c> Analyzer<'c> {
    pub fn new(catalog: &'c Catalog, forced: Forced<'c>) -> Self {
        let ids: Vec<&str> = catalog
            .providers()
            .map(crate::catalog::Provider::id)
            .collect();
        Self {
            catalog,
            forced,
            known_providers: ids.join(", "),
        }
    }

    pub fn analyze(&self, record: &Record) -> Result<Analyzed, CatalogError> {
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
        };
        if record.text.is_empty() {
            let message = "empty input: no JSON value in this source".to_owned();
            result.errors.push(Finding {
                line: Some(record.line),
                column: Some(record.column),
                ..Finding::new(Severity::Error, "", "parse", message)
            });
            return Ok(Analyzed {
                result,
                value: None,
            });
        }
        let parsed = match parse(&record.text) {
            Ok(p) => p,
            Err(e) => {
                let mut finding = Finding::new(Severity::Error, "", "parse", e.message);
                place(&mut finding, e.position, record);
                result.errors.push(finding);
                return Ok(Analyzed {
                    result,
                    value: None,
                });
            }
        };
        let detection = detect(self.catalog, &parsed.value, &self.forced);
        let verdict = validate(
            &detection,
            &parsed.value,
            self.forced.api_version,
            &self.known_providers,
        )?;
        result.provider = detection.provider.map(|p| p.id().to_owned());
        result.event_type = detection.event_type;
        result.api_version = verdict.api_version;
        result.api_version_candidates = verdict.api_version_candidates;
        result.status = verdict.status;
        result.docs = verdict.docs;
        let mut findings = verdict.findings;
        if parsed.has_duplicate_keys {
            let positions = Positions::new(&record.text);
            for dup in duplicate_keys(&record.text) {
                let first = absolute(positions.at(dup.first), record);
                let key = dup
                    .pointer
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .replace("~1", "/")
                    .replace("~0", "~");
                let message = format!(
                    "duplicate key {key:?}: first at line {}, column {}; the last value is the one consumers usually keep",
                    first.line, first.column
                );
                let mut finding =
                    Finding::new(Severity::Warning, dup.pointer, "duplicate-key", message);
                place(&mut finding, positions.at(dup.second), record);
                findings.push(finding);
            }
        }
        locate(&mut findings, record);
        findings.sort_by_key(|f| (f.line, f.column));
        for finding in findings {
            match finding.severity {
                Severity::Error => result.errors.push(finding),
                Severity::Warning => result.warnings.push(finding),
            }
        }
        Ok(Analyzed {
            result,
            value: Some(parsed.value),
        })
    }
}

/// A position inside the record's text, made absolute in the source.
fn absolute(relative: Position, record: &Record) -> Position {
    if relative.line == 1 {
        Position {
            line: record.line,
            column: record.column + relative.column - 1,
        }
    } else {
        Position {
            line: record.line + relative.line - 1,
            column: relative.column,
        }
    }
}

fn place(finding: &mut Finding, relative: Position, record: &Record) {
    let at = absolute(relative, record);
    finding.line = Some(at.line);
    finding.column = Some(at.column);
}

/// Gives each unplaced finding the position of its value, or of the nearest enclosing value that
/// exists (a missing field is shown at its object).
fn locate(findings: &mut [Finding], record: &Record) {
    let mut wanted: Vec<String> = Vec::new();
    for f in findings.iter().filter(|f| f.line.is_none()) {
        let mut p = f.pointer.as_str();
        loop {
            wanted.push(p.to_owned());
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => break,
            }
        }
    }
    if wanted.is_empty() {
        return;
    }
    wanted.sort();
    wanted.dedup();
    let refs: Vec<&str> = wanted.iter().map(String::as_str).collect();
    let found = locate_all(&record.text, &refs);
    let positions = Positions::new(&record.text);
    for f in findings.iter_mut().filter(|f| f.line.is_none()) {
        let mut p = f.pointer.as_str();
        loop {
            if let Some((offset, _)) = found.get(p) {
                place(f, positions.at(*offset), record);
                break;
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => break,
            }
        }
    }
}
