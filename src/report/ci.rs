//! Reports for CI systems: JUnit XML (test dashboards), GitHub Actions workflow commands
//! (annotations on the diff) and SARIF 2.1.0 (code scanning).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde_json::{Value, json};

use crate::model::{EventResult, Finding, InputError, Severity, Status, pointer_to_append};

/// XML text with the five entities escaped and characters XML 1.0 forbids dropped.
fn xml_escape(text: &str) -> String {
    crate::output::escape_with(text, |out, c| match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&apos;"),
        '\t' | '\n' | '\r' => out.push(c),
        c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
        c => out.push(c),
    })
}

fn describe(finding: &Finding, result: &EventResult) -> String {
    let line = finding.line.unwrap_or(result.line);
    let column = finding.column.unwrap_or(result.column);
    let level = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let at = pointer_to_append(finding).map(|p| format!(" at {p}")).unwrap_or_default();
    format!("{}:{line}:{column}: {level}: {}{at} [{}]", result.source, finding.message, finding.code)
}

fn event_name(result: &EventResult) -> String {
    let who = [result.provider.as_deref(), result.event_type.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if who.is_empty() { result.label() } else { format!("{} {who}", result.label()) }
}

/// One testsuite per input file, one testcase per event; failing events carry every message.
/// Paths that could not be read are test suites with one `<error>` each, so a CI dashboard never
/// shows a green run that skipped an input.
pub(crate) fn write_junit(
    out: &mut dyn Write,
    results: &[EventResult],
    unreadable: &[InputError],
) -> io::Result<()> {
    let mut by_source: BTreeMap<&str, Vec<&EventResult>> = BTreeMap::new();
    for r in results {
        by_source.entry(r.source.as_str()).or_default().push(r);
    }
    let total_failures = results.iter().filter(|r| r.fails()).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="hookscope" tests="{}" failures="{total_failures}" errors="{}">"#,
        results.len() + unreadable.len(),
        unreadable.len()
    )?;
    for e in unreadable {
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="1" failures="0" errors="1" skipped="0">"#,
            xml_escape(&e.path)
        )?;
        writeln!(out, r#"    <testcase name="{}" classname="unreadable">"#, xml_escape(&e.path))?;
        writeln!(out, r#"      <error type="unreadable" message="{}"/>"#, xml_escape(&e.message))?;
        writeln!(out, "    </testcase>\n  </testsuite>")?;
    }
    for (source, events) in by_source {
        let failures = events.iter().filter(|r| r.fails()).count();
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{failures}" errors="0" skipped="0">"#,
            xml_escape(source),
            events.len()
        )?;
        for r in events {
            let classname = match (&r.provider, &r.event_type) {
                (Some(p), Some(t)) => format!("{p}.{t}"),
                (Some(p), None) => p.clone(),
                _ => "unknown".to_owned(),
            };
            write!(
                out,
                r#"    <testcase name="{}" classname="{}""#,
                xml_escape(&event_name(r)),
                xml_escape(&classname)
            )?;
            if r.fails() {
                let first = r.errors.first().or(r.warnings.first()).map_or_else(
                    || {
                        format!(
                            "expected {}, found {}",
                            r.expect.map_or("valid", |e| e.as_str()),
                            r.status.as_str()
                        )
                    },
                    |f| f.message.clone(),
                );
                let body: Vec<String> = r.findings_in_order().into_iter().map(|f| describe(f, r)).collect();
                writeln!(out, ">")?;
                writeln!(
                    out,
                    r#"      <failure type="{}" message="{}">{}</failure>"#,
                    r.status.as_str(),
                    xml_escape(&first),
                    xml_escape(&body.join("\n"))
                )?;
                writeln!(out, "    </testcase>")?;
            } else {
                writeln!(out, "/>")?;
            }
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// Escapes GitHub workflow-command data as the runner requires (`%`, CR, LF and, for properties,
/// `:` and `,`); other control characters get the visible escape of every human format.
fn gh_escape(text: &str, property: bool) -> String {
    crate::output::escape_with(text, |out, c| match c {
        '%' => out.push_str("%25"),
        '\r' => out.push_str("%0D"),
        '\n' => out.push_str("%0A"),
        ':' if property => out.push_str("%3A"),
        ',' if property => out.push_str("%2C"),
        c => crate::output::push_escaped(out, c),
    })
}

/// `::error file=…,line=…,col=…,title=…::message` per finding, streamed.
pub(crate) fn write_github(out: &mut dyn Write, result: &EventResult, strict: bool) -> io::Result<()> {
    let met_expectation = result.expect.is_some_and(|e| e == result.status) && !result.fails();
    if met_expectation && result.status != Status::Valid {
        return Ok(());
    }
    for finding in result.findings_in_order() {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning if strict => "error",
            Severity::Warning => "warning",
        };
        let title = format!("{} ({})", finding.code, event_name(result));
        let at = pointer_to_append(finding).map(|p| format!(" at {p}")).unwrap_or_default();
        writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            gh_escape(&result.source, true),
            finding.line.unwrap_or(result.line),
            finding.column.unwrap_or(result.column),
            gh_escape(&title, true),
            gh_escape(&format!("{}{at}", finding.message), false)
        )?;
    }
    if result.fails() && result.errors.is_empty() && result.warnings.is_empty() {
        let expected = result.expect.map_or("valid", |e| e.as_str());
        writeln!(
            out,
            "::error file={},line={},col={},title=expectation::expected {expected}, found {}",
            gh_escape(&result.source, true),
            result.line,
            result.column,
            result.status.as_str()
        )?;
    }
    Ok(())
}

/// A SARIF 2.1.0 log with one result per finding and a rule per finding code, plus a result for
/// each project-file expectation that failed and each path that could not be read. Locations are
/// relative URI references against `SRCROOT` (the working directory), percent-encoded.
pub(crate) fn write_sarif(
    out: &mut dyn Write,
    results: &[EventResult],
    unreadable: &[InputError],
    strict: bool,
) -> io::Result<()> {
    let mut rules: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    let mut sarif_results = Vec::new();
    for e in unreadable {
        rules.insert(UNREADABLE);
        sarif_results.push(json!({
            "ruleId": UNREADABLE,
            "level": "error",
            "message": {"text": format!("cannot be read: {}", e.message)},
            "locations": [{"physicalLocation": {"artifactLocation": artifact(&e.path)}}],
        }));
    }
    for r in results {
        if let Some(expected) = r.expect.filter(|e| *e != r.status) {
            rules.insert(EXPECTATION);
            sarif_results.push(json!({
                "ruleId": EXPECTATION,
                "level": "error",
                "message": {"text": format!(
                    "expected to be {} (project file), but it is {}",
                    expected.as_str(),
                    r.status.as_str()
                )},
                "locations": [{"physicalLocation": {
                    "artifactLocation": artifact(&r.source),
                    "region": {"startLine": r.line, "startColumn": r.column}
                }}],
            }));
        }
        for f in r.findings_in_order() {
            rules.insert(f.code.as_str());
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning if strict => "error",
                Severity::Warning => "warning",
            };
            let mut properties = json!({"pointer": f.pointer, "status": r.status.as_str()});
            for (key, value) in
                [("provider", &r.provider), ("eventType", &r.event_type), ("apiVersion", &r.api_version)]
            {
                if let Some(v) = value {
                    properties[key] = Value::String(v.clone());
                }
            }
            sarif_results.push(json!({
                "ruleId": f.code,
                "level": level,
                "message": {"text": pointer_to_append(f).map_or_else(|| f.message.clone(), |p| format!("{} at {p}", f.message))},
                "locations": [{"physicalLocation": {
                    "artifactLocation": artifact(&r.source),
                    "region": {"startLine": f.line.unwrap_or(r.line), "startColumn": f.column.unwrap_or(r.column)}
                }}],
                "properties": properties,
            }));
        }
    }
    let rules: Vec<Value> = rules
        .iter()
        .map(|id| json!({"id": id, "shortDescription": {"text": format!("webhook event check: {id}")}}))
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "hookscope",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/hookscope/hookscope",
                "rules": rules,
            }},
            "originalUriBaseIds": {"SRCROOT": {"uri": working_directory_uri()}},
            "results": sarif_results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// One `::error` annotation per path that could not be read.
pub(crate) fn write_github_unreadable(out: &mut dyn Write, unreadable: &[InputError]) -> io::Result<()> {
    for e in unreadable {
        writeln!(
            out,
            "::error file={},title={UNREADABLE}::{}",
            gh_escape(&e.path, true),
            gh_escape(&format!("cannot be read: {}", e.message), false)
        )?;
    }
    Ok(())
}

/// SARIF rule ids of the results that are not findings.
const UNREADABLE: &str = "unreadable";
const EXPECTATION: &str = "fixture-expectation";

/// A SARIF artifact location: a path under the working directory as a relative, percent-encoded
/// URI reference against `SRCROOT`; anything else (an absolute path elsewhere, `<stdin>`) as a
/// URI of its own.
fn artifact(source: &str) -> Value {
    let path = std::path::Path::new(source);
    let relative = if path.is_absolute() {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(cwd).ok().map(std::path::Path::to_path_buf))
    } else {
        Some(path.to_path_buf())
    };
    match relative {
        Some(rel) if source != "<stdin>" => {
            json!({"uri": percent_encode(&rel.to_string_lossy().replace('\\', "/")), "uriBaseId": "SRCROOT"})
        }
        _ if path.is_absolute() => {
            json!({"uri": format!("file://{}", percent_encode(&source.replace('\\', "/")))})
        }
        _ => json!({"uri": percent_encode(source)}),
    }
}

fn working_directory_uri() -> String {
    let cwd = std::env::current_dir().map(|d| d.to_string_lossy().replace('\\', "/")).unwrap_or_default();
    format!("file://{}/", percent_encode(cwd.trim_end_matches('/')))
}

/// Percent-encodes everything but RFC 3986's unreserved characters and `/`.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sarif_locations_are_uri_references() {
        assert_eq!(
            artifact("samples/daily/a b#.json"),
            json!({"uri": "samples/daily/a%20b%23.json", "uriBaseId": "SRCROOT"})
        );
        assert_eq!(artifact("<stdin>"), json!({"uri": "%3Cstdin%3E"}));
        assert_eq!(artifact("/elsewhere/x y.json")["uri"], "file:///elsewhere/x%20y.json");
    }

    #[test]
    fn xml_and_github_escaping() {
        assert_eq!(xml_escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(gh_escape("50%, a:b\nc", true), "50%25%2C a%3Ab%0Ac");
        assert_eq!(gh_escape("50%, a:b\nc", false), "50%25, a:b%0Ac");
        assert_eq!(gh_escape("\u{1b}]0;pwned\u{7}\r", true), "\\u{1b}]0;pwned\\u{7}%0D");
    }
}
