//! Every format hookscope writes, by name, and the formats each command offers (with what each
//! one writes there): the one place `--format` values come from.

use crate::named::{Named, Offer};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// For people (coloured on a terminal).
    #[default]
    Human,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// `JUnit` XML.
    Junit,
    /// GitHub Actions workflow commands.
    Github,
    /// SARIF 2.1.0.
    Sarif,
    /// GitLab Code Quality (a JSON array of issues).
    Gitlab,
    /// An RFC 6902 JSON Patch.
    Patch,
    /// `Name: value` header lines.
    Headers,
    /// A whole HTTP request.
    Http,
}

impl Named for Format {
    const ALL: &'static [Self] = &[
        Self::Human,
        Self::Json,
        Self::Ndjson,
        Self::Junit,
        Self::Github,
        Self::Sarif,
        Self::Gitlab,
        Self::Patch,
        Self::Headers,
        Self::Http,
    ];
    const NAMES: &'static [&'static str] =
        &["human", "json", "ndjson", "junit", "github", "sarif", "gitlab", "patch", "headers", "http"];
}

const JSON_DOCUMENT: &str = r#"One JSON document: {"summary": ..., "results": [...]}"#;
const NDJSON_RESULTS: &str = "One JSON result object per line, no summary";

/// `detect`, `verify`, `listen`, `send` and `catalog drift`: their results for people, or as
/// `validate`'s result objects.
pub(crate) const RESULTS: Offer<Format> = &[
    (Format::Human, "For people: findings like a linter, then a summary line"),
    (Format::Json, JSON_DOCUMENT),
    (Format::Ndjson, NDJSON_RESULTS),
];

/// `validate`: the results, or a report for a CI system.
pub(crate) const VALIDATE: Offer<Format> = &[
    (Format::Human, "For people: findings as source snippets, then a summary line"),
    (Format::Json, JSON_DOCUMENT),
    (Format::Ndjson, NDJSON_RESULTS),
    (Format::Junit, "`JUnit` XML: one testsuite per input file, one testcase per event"),
    (Format::Github, "GitHub Actions workflow commands (`::error` / `::warning` annotations)"),
    (Format::Sarif, "SARIF 2.1.0, one result per finding"),
    (Format::Gitlab, "GitLab Code Quality JSON, one issue per finding"),
];

impl Format {
    /// The formats a CI system reads (everything `validate` offers but the results themselves):
    /// with one of them on stdout, the summary line goes to stderr.
    pub fn is_ci(self) -> bool {
        matches!(self, Self::Junit | Self::Github | Self::Sarif | Self::Gitlab)
    }
}

/// One `--format` value: a format and where its report goes, `FORMAT=PATH` for a file
/// (`sarif=hookscope.sarif`), a bare `FORMAT` for stdout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub format: Format,
    pub path: Option<std::path::PathBuf>,
}

impl Target {
    /// The format that goes to stdout among `targets`: the bare one, else `human`.
    pub fn stdout(targets: &[Self]) -> Format {
        targets.iter().find(|t| t.path.is_none()).map_or(Format::Human, |t| t.format)
    }
}

/// `diff`.
pub(crate) const DIFF: Offer<Format> = &[
    (Format::Human, "Changed paths with old → new values, additions, removals and a summary"),
    (Format::Json, r#"{"left": ..., "right": ..., "changes": [...], "ignored": N}"#),
    (
        Format::Patch,
        "An RFC 6902 JSON Patch that turns A into B but for ignored and volatile fields (stderr says how many)",
    ),
];

/// `sign`.
pub(crate) const SIGN: Offer<Format> = &[
    (Format::Headers, "`Name: value` header lines"),
    (Format::Http, "A whole HTTP request (a capture `verify` and `inspect` read back)"),
    (Format::Json, r#"{"headers": {...}}"#),
];

/// `list` and `stats`: a table for people, or one JSON document.
pub(crate) const LIST: Offer<Format> = &[(Format::Human, ""), (Format::Json, "")];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::named::parse;

    #[test]
    fn every_offered_format_parses_by_its_name() {
        for offer in [RESULTS, VALIDATE, DIFF, SIGN, LIST] {
            for &(format, _) in offer {
                assert_eq!(parse(offer, format.name()), Some(format));
            }
        }
        assert_eq!(parse(RESULTS, "junit"), None);
        assert_eq!(parse(VALIDATE, "junit"), Some(Format::Junit));
    }
}
