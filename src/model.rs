//! The result model: what analysis produces and every reporter reads. One event's result
//! (status, findings with positions, the stable finding codes), the run's summary, and the
//! paths that could not be read.

use serde::Serialize;

/// A path that could not be read (exit code 2 once everything else is done).
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub(crate) struct InputError {
    pub path: String,
    pub message: String,
}

/// Where an event's text lies in the bytes it was read from, so a reporter can show the source
/// line of a finding (a finding's span counts from `body_start`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct SourceText<'a> {
    pub original: &'a [u8],
    pub body_start: usize,
}

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
pub(crate) enum Severity {
    Error,
    Warning,
}

/// One problem in one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Finding {
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
pub(crate) mod code {
    // Errors: the event breaks the documented contract.
    pub(crate) const PARSE: &str = "parse";
    pub(crate) const UNKNOWN_PROVIDER: &str = "unknown-provider";
    pub(crate) const UNKNOWN_TYPE: &str = "unknown-type";
    pub(crate) const MISSING_FIELD: &str = "missing-field";
    pub(crate) const WRONG_TYPE: &str = "wrong-type";
    pub(crate) const WRONG_VALUE: &str = "wrong-value";
    pub(crate) const CLOSED_ENUM: &str = "closed-enum";
    pub(crate) const BAD_DATE: &str = "bad-date";
    pub(crate) const CONSTRAINT: &str = "constraint";
    // Warnings: drift that real deliveries or the documentation's own examples show.
    pub(crate) const MISSING_EXPECTED_FIELD: &str = "missing-expected-field";
    pub(crate) const UNDOCUMENTED_FIELD: &str = "undocumented-field";
    pub(crate) const MISSPELT_FIELD: &str = "misspelt-field";
    pub(crate) const NUMERIC_STRING: &str = "numeric-string";
    pub(crate) const FORMAT: &str = "format";
    pub(crate) const OPEN_ENUM: &str = "open-enum";
    pub(crate) const PATTERN_DRIFT: &str = "pattern-drift";
    pub(crate) const DOCUMENTED_DRIFT: &str = "documented-drift";
    pub(crate) const UNKNOWN_VERSION: &str = "unknown-version";
    pub(crate) const DUPLICATE_KEY: &str = "duplicate-key";
    pub(crate) const TYPE_ALIAS: &str = "type-alias";

    /// Every code hookscope itself gives, for `hookscope.toml` checks and the docs.
    pub(crate) const ALL: &[&str] = &[
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
pub(crate) struct EventResult {
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
    pub(crate) fn label(&self) -> String {
        format!("{}:{}:{}", self.source, self.line, self.column)
    }

    /// Errors and warnings together, in source order.
    pub(crate) fn findings_in_order(&self) -> Vec<&Finding> {
        let mut all: Vec<&Finding> = self.errors.iter().chain(&self.warnings).collect();
        all.sort_by_key(|f| (f.line, f.column));
        all
    }

    /// Whether this event fails the run. The status already says whether `--strict` made its
    /// warnings fail (`policy.rs`); an event expected to be invalid, unknown or unparsable
    /// passes when it is exactly that.
    pub(crate) fn fails(&self) -> bool {
        match self.expect {
            Some(expected) if expected != Status::Valid => self.status != expected,
            _ => self.status != Status::Valid,
        }
    }
}

/// Counts over a run.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub(crate) struct Summary {
    pub events: usize,
    pub valid: usize,
    pub invalid: usize,
    pub unknown: usize,
    pub unparsable: usize,
    pub warnings: usize,
    /// Events whose fixture entry expected them to fail (invalid, unknown, unparsable), and did.
    #[serde(skip_serializing_if = "is_zero")]
    pub expected: usize,
    /// Log lines without JSON (and HAR requests without a JSON body), and binary files a
    /// directory walk met, skipped on purpose.
    #[serde(skip_serializing_if = "is_zero")]
    pub skipped: usize,
    /// Of `skipped`, the binary files.
    #[serde(skip_serializing_if = "is_zero")]
    pub binary_files: usize,
    /// JSON documents of no known provider, skipped on request (`validate --skip-foreign`).
    #[serde(skip_serializing_if = "is_zero")]
    pub foreign: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    pub(crate) fn add(&mut self, result: &EventResult) {
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

/// An event result as `detect` reports it: where, who, what, which version.
#[derive(Debug, Serialize)]
pub(crate) struct Detected<'a> {
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
    pub(crate) fn detected(&self) -> Detected<'_> {
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
