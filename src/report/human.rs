//! Reports for people: findings as `path:line:col: level: message`, like a linter, and the
//! closing summary line.

use std::io::{self, Write};

use super::{EventResult, Finding, Severity, Summary};
use crate::output::Styles;

/// One finding on one line, clickable in editors and terminals.
pub(crate) fn render_finding(
    out: &mut dyn Write,
    styles: &Styles,
    result: &EventResult,
    finding: &Finding,
) -> io::Result<()> {
    let line = finding.line.unwrap_or(result.line);
    let column = finding.column.unwrap_or(result.column);
    let level = match finding.severity {
        Severity::Error => styles.error.style("error"),
        Severity::Warning => styles.warning.style("warning"),
    };
    write!(
        out,
        "{}: {level}: {}",
        styles
            .strong
            .style(format!("{}:{line}:{column}", result.source)),
        finding.message
    )?;
    if !finding.pointer.is_empty() {
        write!(
            out,
            " {}",
            styles
                .dim
                .style(format!("at {}", styles.pointer.style(&finding.pointer)))
        )?;
    }
    writeln!(
        out,
        " {}",
        styles.dim.style(format!("[{}]", finding.keyword))
    )
}

/// `3 events: 1 valid, 1 invalid, 0 unknown, 1 unparsable; 2 warnings`
pub(crate) fn render_summary_line(
    out: &mut dyn Write,
    styles: &Styles,
    summary: &Summary,
) -> io::Result<()> {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let count = |n: usize, word: &str, style: owo_colors::Style| {
        let text = format!("{n} {word}");
        if n > 0 {
            style.style(text).to_string()
        } else {
            text
        }
    };
    writeln!(
        out,
        "{}: {}, {}, {}, {}; {}",
        plural(summary.events, "event"),
        count(summary.valid, "valid", styles.ok),
        count(summary.invalid, "invalid", styles.error),
        count(summary.unknown, "unknown", styles.error),
        count(summary.unparsable, "unparsable", styles.error),
        if summary.warnings > 0 {
            styles
                .warning
                .style(plural(summary.warnings, "warning"))
                .to_string()
        } else {
            plural(summary.warnings, "warning")
        }
    )
}

/// The one-line identity of an event: `daily recording.ready-to-download 1.0.0`.
pub(crate) fn identity(result: &EventResult) -> String {
    let mut parts = vec![
        result.provider.clone().unwrap_or_else(|| "?".to_owned()),
        result.event_type.clone().unwrap_or_else(|| "?".to_owned()),
    ];
    if let Some(v) = &result.api_version {
        parts.push(v.clone());
    } else if let Some(c) = &result.api_version_candidates {
        parts.push(format!("({})", c.join(" | ")));
    }
    parts.join(" ")
}
