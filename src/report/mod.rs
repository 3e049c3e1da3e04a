//! The result of checking one event (status, findings with positions) and the run's summary,
//! with the reporters that turn them into human, JSON, NDJSON and CI reports.

mod ci;
pub mod format;
mod human;
mod machine;
mod reporter;

use serde::Serialize;

pub(crate) use ci::{write_github, write_github_unreadable, write_junit, write_sarif};
pub(crate) use human::{
    Findings, Identities, grouped_for_people, identity, render_snippet, render_summary_line,
};
pub(crate) use machine::{JsonReport, write_ndjson_result};
pub(crate) use reporter::{Items, Reporter, Shape, styles_for};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Valid,
    Invalid,
    Unknown,
    Unparsable,
}

impl crate::named::Named for Status {
    const ALL: &'static [Self] = &[Self::Valid, Self::Invalid, Self::Unknown, Self::Unparsable];
    const NAMES: &'static [&'static str] = &["valid", "invalid", "unknown", "unparsable"];
}

impl Status {
    /// The statuses `filter --status` offers.
    pub const OFFER: crate::named::Offer<Self> =
        &[(Self::Valid, ""), (Self::Invalid, ""), (Self::Unknown, ""), (Self::Unparsable, "")];

    pub fn as_str(self) -> &'static str {
        crate::named::Named::name(self)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// RFC 6901 pointer into the event.
    pub pointer: String,
    /// 1-based position in the source, when the value could be found there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub keyword: String,
    /// The stable name of this kind of finding (see [`code`]); what the project file silences or
    /// promotes.
    pub code: String,
    pub message: String,
    #[serde(skip)]
    pub severity: Severity,
    /// Byte span of the offending token in the record's text, for source snippets.
    #[serde(skip)]
    pub span: Option<std::ops::Range<usize>>,
}

impl Finding {
    pub(crate) fn new(
        severity: Severity,
        pointer: impl Into<String>,
        keyword: &str,
        code: &str,
        message: String,
    ) -> Self {
        Self {
            pointer: pointer.into(),
            line: None,
            column: None,
            keyword: keyword.to_owned(),
            code: code.to_owned(),
            message,
            severity,
            span: None,
        }
    }
}

/// The stable codes of findings, listed with their policy in docs/catalog.md. A catalog may name
/// codes of its own for the drift it declares (`x-warn`); these are the ones hookscope gives.
pub mod code {
    // Errors: the event breaks the documented contract.
    pub const PARSE: &str = "parse";
    pub const UNKNOWN_PROVIDER: &str = "unknown-provider";
    pub const UNKNOWN_TYPE: &str = "unknown-type";
    pub const MISSING_FIELD: &str = "missing-field";
    pub const WRONG_TYPE: &str = "wrong-type";
    pub const WRONG_VALUE: &str = "wrong-value";
    pub const CLOSED_ENUM: &str = "closed-enum";
    pub const BAD_DATE: &str = "bad-date";
    pub const CONSTRAINT: &str = "constraint";
    // Warnings: drift that real deliveries or the documentation's own examples show.
    pub const MISSING_EXPECTED_FIELD: &str = "missing-expected-field";
    pub const UNDOCUMENTED_FIELD: &str = "undocumented-field";
    pub const MISSPELT_FIELD: &str = "misspelt-field";
    pub const NUMERIC_STRING: &str = "numeric-string";
    pub const FORMAT: &str = "format";
    pub const OPEN_ENUM: &str = "open-enum";
    pub const PATTERN_DRIFT: &str = "pattern-drift";
    pub const DOCUMENTED_DRIFT: &str = "documented-drift";
    pub const UNKNOWN_VERSION: &str = "unknown-version";
    pub const DUPLICATE_KEY: &str = "duplicate-key";
    pub const TYPE_ALIAS: &str = "type-alias";

    /// Every code hookscope itself gives, for `hookscope.toml` checks and the docs.
    pub const ALL: &[&str] = &[
        PARSE,
        UNKNOWN_PROVIDER,
        UNKNOWN_TYPE,
        MISSING_FIELD,
        WRONG_TYPE,
        WRONG_VALUE,
        CLOSED_ENUM,
        BAD_DATE,
        CONSTRAINT,
        MISSING_EXPECTED_FIELD,
        UNDOCUMENTED_FIELD,
        MISSPELT_FIELD,
        NUMERIC_STRING,
        FORMAT,
        OPEN_ENUM,
        PATTERN_DRIFT,
        DOCUMENTED_DRIFT,
        UNKNOWN_VERSION,
        DUPLICATE_KEY,
        TYPE_ALIAS,
    ];
}

/// The pointer a one-line rendering appends as ` at POINTER`: none for the root, nor when the
/// message already names it ("missing the event type at /type").
pub(crate) fn pointer_to_append(finding: &Finding) -> Option<&str> {
    let pointer = finding.pointer.as_str();
    (!pointer.is_empty() && !finding.message.contains(pointer)).then_some(pointer)
}

/// Everything known about one event (or one record that failed to be an event).
#[derive(Debug, Clone, Serialize)]
pub struct EventResult {
    pub source: String,
    pub line: usize,
    pub column: usize,
    pub provider: Option<String>,
    pub event_type: Option<String>,
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_version_candidates: Option<Vec<String>>,
    pub status: Status,
    /// The documentation page of the event type, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
    /// The status a project fixture entry expects of this event (`hookscope.toml`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expect: Option<Status>,
}

impl EventResult {
    pub fn label(&self) -> String {
        format!("{}:{}:{}", self.source, self.line, self.column)
    }

    /// Errors and warnings together, in source order.
    pub fn findings_in_order(&self) -> Vec<&Finding> {
        let mut all: Vec<&Finding> = self.errors.iter().chain(&self.warnings).collect();
        all.sort_by_key(|f| (f.line, f.column));
        all
    }

    /// Whether this event fails the run. The status already says whether `--strict` made its
    /// warnings fail (`policy.rs`); an event expected to be invalid, unknown or unparsable
    /// passes when it is exactly that.
    pub fn fails(&self) -> bool {
        match self.expect {
            Some(expected) if expected != Status::Valid => self.status != expected,
            _ => self.status != Status::Valid,
        }
    }
}

/// Counts over a run.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub events: usize,
    pub valid: usize,
    pub invalid: usize,
    pub unknown: usize,
    pub unparsable: usize,
    pub warnings: usize,
    /// Events whose fixture entry expected them to fail (invalid, unknown, unparsable), and did.
    #[serde(skip_serializing_if = "is_zero")]
    pub expected: usize,
    /// Log lines without JSON (and HAR requests without a JSON body), skipped on purpose.
    #[serde(skip_serializing_if = "is_zero")]
    pub skipped: usize,
    /// JSON documents of no known provider, skipped on request (`validate --skip-foreign`).
    #[serde(skip_serializing_if = "is_zero")]
    pub foreign: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    pub fn add(&mut self, result: &EventResult) {
        self.events += 1;
        match result.status {
            Status::Valid => self.valid += 1,
            Status::Invalid => self.invalid += 1,
            Status::Unknown => self.unknown += 1,
            Status::Unparsable => self.unparsable += 1,
        }
        self.warnings += result.warnings.len();
        if result.expect.is_some_and(|e| e != Status::Valid && e == result.status) {
            self.expected += 1;
        }
    }
}

/// A time as ISO 8601 in UTC (`2024-02-21T14:33:53.049Z`).
pub(crate) fn iso8601(millis: i64) -> Option<String> {
    jiff::Timestamp::from_millisecond(millis).ok().map(|t| t.to_string())
}

/// An event result as `detect` reports it: where, who, what, which version.
#[derive(Debug, Serialize)]
pub struct Detected<'a> {
    pub source: &'a str,
    pub line: usize,
    pub column: usize,
    pub provider: Option<&'a str>,
    pub event_type: Option<&'a str>,
    pub api_version: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_version_candidates: Option<&'a [String]>,
    pub status: Status,
}

impl EventResult {
    pub fn detected(&self) -> Detected<'_> {
        Detected {
            source: &self.source,
            line: self.line,
            column: self.column,
            provider: self.provider.as_deref(),
            event_type: self.event_type.as_deref(),
            api_version: self.api_version.as_deref(),
            api_version_candidates: self.api_version_candidates.as_deref(),
            status: self.status,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_times() {
        assert_eq!(super::iso8601(1_708_526_033_049).unwrap(), "2024-02-21T14:33:53.049Z");
        assert_eq!(super::iso8601(1_653_240_900_000).unwrap(), "2022-05-22T17:35:00Z");
    }
}
