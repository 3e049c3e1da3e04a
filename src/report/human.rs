//! Reports for people: findings as source snippets or as `path:line:col: level: message`, like
//! a linter, each event's identity, and the closing summary line.

use std::borrow::Cow;
use std::io::{self, Write};

use super::snippet::Snippet;
use crate::json::Pointer;
use crate::model::{EventResult, Finding, Severity, SourceText, Status, Summary, code};
use crate::output::{Styles, escape_controls, push_escaped};

/// One finding on one line, clickable in editors and terminals:
/// `path:line:col: error: message at /pointer [code]`.
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
        styles.strong.style(format!("{}:{line}:{column}", escape_controls(&result.source))),
        escape_controls(&finding.message)
    )?;
    if let Some(pointer) = crate::model::pointer_to_append(finding) {
        let pointer = escape_controls(pointer);
        write!(out, " {}", styles.dim.style(format!("at {}", styles.pointer.style(&pointer))))?;
    }
    writeln!(out, " {}", styles.dim.style(format!("[{}]", finding.code)))
}

/// The findings as people read them: the missing fields of one object (same code and level) are
/// one finding, "missing 17 documented fields: output, initialOutput, …", where the first of them
/// stood. Only the human and `--brief` output group them; counts, machine formats and the project
/// file's levels stay per field.
pub(crate) fn grouped_for_people<'f>(findings: &[&'f Finding]) -> Vec<Cow<'f, Finding>> {
    const LISTED: usize = 10;
    let missing = |f: &Finding| matches!(f.code.as_str(), code::MISSING_FIELD | code::MISSING_EXPECTED_FIELD);
    let parent = |f: &Finding| f.pointer.rsplit_once('/').map_or("", |(p, _)| p).to_owned();
    let key = |f: &Finding| (f.code.clone(), f.severity == Severity::Error, parent(f));
    let mut out: Vec<Cow<'f, Finding>> = Vec::with_capacity(findings.len());
    let mut done = vec![false; findings.len()];
    for (i, first) in findings.iter().enumerate() {
        if done[i] {
            continue;
        }
        let group: Vec<usize> = if missing(first) {
            (i..findings.len())
                .filter(|&j| !done[j] && missing(findings[j]) && key(findings[j]) == key(first))
                .collect()
        } else {
            vec![i]
        };
        for &j in &group {
            done[j] = true;
        }
        if group.len() < 2 {
            out.push(Cow::Borrowed(*first));
            continue;
        }
        let names: Vec<String> = group
            .iter()
            .map(|&j| Pointer::from(findings[j].pointer.as_str()).last().unwrap_or_default().to_owned())
            .collect();
        let mut listed = names.iter().take(LISTED).cloned().collect::<Vec<_>>().join(", ");
        if names.len() > LISTED {
            listed.push_str(", …");
        }
        let what = if first.code == code::MISSING_FIELD { "required" } else { "documented" };
        let mut merged = (*first).clone();
        merged.pointer = parent(first);
        merged.message = format!("missing {} {what} fields: {listed}", names.len());
        out.push(Cow::Owned(merged));
    }
    out
}

/// One finding as a compiler shows it: the message, then the source line with the offending
/// value underlined. Falls back to the one-line form where the source cannot be shown.
pub(crate) fn render_snippet(
    out: &mut dyn Write,
    styles: &Styles,
    result: &EventResult,
    finding: &Finding,
    source: Option<SourceText>,
) -> io::Result<()> {
    let Some(snippet) = snippet_of(result, finding, source) else {
        return render_finding(out, styles, result, finding);
    };
    let mut text = String::with_capacity(512);
    snippet.render(styles.ansi, &mut text);
    text.push_str("\n\n");
    out.write_all(text.as_bytes())
}

/// What the snippet of `finding` shows: its whole source line, escaped, or `None` where the
/// source cannot be shown (no span, no source text, a line that is not UTF-8).
pub(crate) fn snippet_of<'a>(
    result: &'a EventResult,
    finding: &'a Finding,
    source: Option<SourceText<'a>>,
) -> Option<Snippet<'a>> {
    let (Some(span), Some(line), Some(source)) = (&finding.span, finding.line, source) else {
        return None;
    };
    let (original, body_start) = (source.original, source.body_start);
    let at = body_start + span.start;
    let begin = memchr::memrchr(b'\n', &original[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &original[at..]).map_or(original.len(), |i| at + i);
    let (begin, end) = crate::report::snippet::window(original, begin, end, at, body_start + span.end);
    let source = std::str::from_utf8(&original[begin..end]).ok()?;
    let source = source.strip_suffix('\r').unwrap_or(source);
    let from = (at - begin).min(source.len());
    let to = (body_start + span.end - begin).clamp(from, source.len());
    let (source, from, to) = escape_line(source, from, to);
    let label = if finding.pointer.is_empty() {
        Cow::Borrowed("")
    } else {
        Cow::Owned(format!("at {}", escape_controls(&finding.pointer)))
    };
    Some(Snippet {
        severity: finding.severity,
        title: escape_controls(&finding.message),
        code: &finding.code,
        path: escape_controls(&result.source),
        // The record may start mid-line (a document after another on the same line): count from there.
        line,
        source,
        span: from..to,
        column: finding.column.unwrap_or(result.column),
        label,
    })
}

/// A source line with its control characters escaped, and the byte range `from..to` moved along.
fn escape_line(source: &str, from: usize, to: usize) -> (Cow<'_, str>, usize, usize) {
    // Most lines hold no control character (C0, DEL, or C1, which UTF-8 spells 0xc2 0x80-0x9f):
    // the snippet shows them as they are.
    // Bidirectional overrides start with 0xe2.
    if !source.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2) {
        return (Cow::Borrowed(source), source.ceil_char_boundary(from), source.ceil_char_boundary(to));
    }
    let mut escaped = String::with_capacity(source.len());
    let (mut new_from, mut new_to) = (None, None);
    for (i, c) in source.char_indices() {
        if i >= from && new_from.is_none() {
            new_from = Some(escaped.len());
        }
        if i >= to && new_to.is_none() {
            new_to = Some(escaped.len());
        }
        push_escaped(&mut escaped, c);
    }
    let end = escaped.len();
    (Cow::Owned(escaped), new_from.unwrap_or(end), new_to.unwrap_or(end))
}

/// `3 events: 1 valid, 1 invalid, 0 unknown, 1 unparsable; 2 warnings`
pub(crate) fn render_summary_line(out: &mut dyn Write, styles: &Styles, summary: &Summary) -> io::Result<()> {
    let plural = |n: usize, word: &str| {
        if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") }
    };
    let count = |n: usize, word: &str, style: owo_colors::Style| {
        let text = format!("{n} {word}");
        if n > 0 { style.style(text).to_string() } else { text }
    };
    let expected = if summary.expected > 0 {
        format!("; {} failed as the project file expects", plural(summary.expected, "event"))
    } else {
        String::new()
    };
    let lines = summary.skipped.saturating_sub(summary.binary_files);
    let skipped = match (lines, summary.binary_files) {
        (0, 0) => String::new(),
        (lines, 0) => format!(" ({} skipped: no JSON)", plural(lines, "line")),
        (0, files) => format!(" ({} skipped)", plural(files, "binary file")),
        (lines, files) => {
            format!(" ({} skipped: no JSON; {} skipped)", plural(lines, "line"), plural(files, "binary file"))
        }
    };
    let foreign = if summary.foreign > 0 {
        format!("; {} skipped: not a webhook event", plural(summary.foreign, "document"))
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}: {}, {}, {}, {}; {}{skipped}{expected}{foreign}",
        plural(summary.events, "event"),
        count(summary.valid, "valid", styles.ok),
        count(summary.invalid, "invalid", styles.error),
        count(summary.unknown, "unknown", styles.error),
        count(summary.unparsable, "unparsable", styles.error),
        if summary.warnings > 0 {
            styles.warning.style(plural(summary.warnings, "warning")).to_string()
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
    escape_controls(&parts.join(" ")).into_owned()
}

/// `validate` for people: each event's findings as source snippets (one line each when
/// `brief`), after its status when `verbose`; then the summary line.
pub(crate) struct Findings {
    pub styles: Styles,
    pub verbose: bool,
    pub brief: bool,
}

impl super::reporter::Human for Findings {
    fn result(&self, out: &mut Vec<u8>, result: &EventResult, source: Option<SourceText>) -> io::Result<()> {
        let styles = &self.styles;
        let fails = result.fails();
        let expected_failure = result.expect.filter(|e| *e != Status::Valid);
        if self.verbose {
            let status = match (fails, expected_failure) {
                (true, _) => styles.error.style(result.status.as_str()).to_string(),
                (false, Some(_)) => format!("{} (as expected)", result.status.as_str()),
                (false, None) => styles.ok.style(result.status.as_str()).to_string(),
            };
            writeln!(out, "{}: {status} {}", styles.strong.style(result.label()), identity(result))?;
        }
        if let Some(expected) = expected_failure {
            if !fails {
                return Ok(());
            }
            writeln!(
                out,
                "{}: {}: expected to be {} (project file), but it is {}",
                styles.strong.style(result.label()),
                styles.error.style("error"),
                expected.as_str(),
                result.status.as_str()
            )?;
        }
        for finding in grouped_for_people(&result.findings_in_order()) {
            if self.brief {
                render_finding(out, styles, result, &finding)?;
            } else {
                render_snippet(out, styles, result, &finding, source)?;
            }
        }
        Ok(())
    }

    fn summary(&self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        render_summary_line(out, &self.styles, summary)
    }
}

/// `detect` for people: one line per event, its position and identity.
pub(crate) struct Identities {
    pub styles: Styles,
}

impl super::reporter::Human for Identities {
    fn result(&self, out: &mut Vec<u8>, result: &EventResult, _source: Option<SourceText>) -> io::Result<()> {
        let styles = &self.styles;
        let what = match result.status {
            Status::Unparsable => styles.error.style("not JSON".to_owned()).to_string(),
            Status::Unknown if result.provider.is_none() => {
                styles.error.style("unknown provider".to_owned()).to_string()
            }
            Status::Unknown => format!("{} {}", identity(result), styles.error.style("(unknown type)")),
            _ => identity(result),
        };
        writeln!(out, "{}  {what}", styles.strong.style(escape_controls(&result.label())))
    }
}

#[cfg(test)]
mod tests {
    use super::{Cow, escape_line};

    #[test]
    fn lines_without_control_characters_keep_their_spans() {
        // Offsets inside a character move to its end, as when escaping.
        let line = r#"{"name": "Zoë ✓", "n": 1}"#;
        let e = line.find('ë').unwrap();
        for (from, to) in [(0, 1), (9, 16), (e + 1, e + 2), (line.len(), line.len()), (3, 99)] {
            let (text, f, t) = escape_line(line, from, to);
            let escaped = format!("{line}\u{1}");
            let (slow, sf, st) = escape_line(&escaped, from, to.min(line.len()));
            assert_eq!((&*text, f, t.min(line.len())), (&slow[..line.len()], sf, st));
        }
        assert_eq!(escape_line("a\u{85}b", 0, 4), (Cow::Owned("a\\u{85}b".to_owned()), 0, 8));
    }
}
