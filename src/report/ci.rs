//! Reports for CI systems: JUnit XML (test dashboards), GitHub Actions workflow commands
//! (annotations on the diff) and step summary (Markdown), SARIF 2.1.0 (code scanning) and GitLab
//! Code Quality JSON (merge request widgets).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde_json::{Value, json};
use sha2::Digest as _;

use crate::model::{EventResult, Finding, InputError, Severity, Status, Summary, pointer_to_append};

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
            let warnings: Vec<String> = r.warnings.iter().map(|f| describe(f, r)).collect();
            if !r.fails() && warnings.is_empty() {
                writeln!(out, "/>")?;
                continue;
            }
            writeln!(out, ">")?;
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
                writeln!(
                    out,
                    r#"      <failure type="{}" message="{}">{}</failure>"#,
                    r.status.as_str(),
                    xml_escape(&first),
                    xml_escape(&body.join("\n"))
                )?;
            }
            // Warnings do not fail an event (without --strict), yet a dashboard should show them.
            if !warnings.is_empty() {
                writeln!(out, "      <system-out>{}</system-out>", xml_escape(&warnings.join("\n")))?;
            }
            writeln!(out, "    </testcase>")?;
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
/// relative URI references against `SRCROOT` (the working directory), percent-encoded. The
/// findings of an event that fails exactly as its `[[fixtures]]` entry expects are kept, each
/// with an external suppression naming that entry, so code scanning opens no alert for them.
pub(crate) fn write_sarif(
    out: &mut dyn Write,
    results: &[EventResult],
    unreadable: &[InputError],
    strict: bool,
    fixture: &super::FixtureName<'_>,
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
        let suppression = met_expectation(r).then(|| {
            let entry =
                fixture(&r.source).unwrap_or_else(|| "a [[fixtures]] entry of the project file".to_owned());
            let expected = r.expect.map_or("valid", Status::as_str);
            json!([{"kind": "external", "justification": format!("expected to be {expected} by {entry}")}])
        });
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
            let mut result = json!({
                "ruleId": f.code,
                "level": level,
                "message": {"text": one_line(f)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": artifact(&r.source),
                    "region": {"startLine": f.line.unwrap_or(r.line), "startColumn": f.column.unwrap_or(r.column)}
                }}],
                "properties": properties,
            });
            if let Some(suppressions) = &suppression {
                result["suppressions"] = suppressions.clone();
            }
            sarif_results.push(result);
        }
    }
    let rules: Vec<Value> = rules
        .iter()
        .map(|id| json!({"id": id, "shortDescription": {"text": format!("webhook event check: {id}")}}))
        .collect();
    let mut driver = json!({"name": "hookscope", "version": env!("CARGO_PKG_VERSION"), "rules": rules});
    // The project's address when Cargo.toml names one; never a made-up one.
    if let Some(uri) = INFORMATION_URI {
        driver["informationUri"] = Value::String(uri.to_owned());
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {"SRCROOT": {"uri": working_directory_uri()}},
            "results": sarif_results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// `Cargo.toml`'s `repository`, when it is set.
const INFORMATION_URI: Option<&str> = match env!("CARGO_PKG_REPOSITORY").as_bytes() {
    [] => None,
    _ => Some(env!("CARGO_PKG_REPOSITORY")),
};

/// Whether an event fails exactly as its project-file entry expects (so it passes).
fn met_expectation(result: &EventResult) -> bool {
    result.expect.is_some_and(|e| e != Status::Valid && e == result.status)
}

/// A finding's message with its pointer, on one line.
fn one_line(finding: &Finding) -> String {
    pointer_to_append(finding)
        .map_or_else(|| finding.message.clone(), |p| format!("{} at {p}", finding.message))
}

/// The GitLab Code Quality report: a JSON array of issues, one per finding of an event that
/// fails (an event that fails as its fixture entry expects passes, so it has none), one per
/// unmet expectation without findings and one per unreadable path. Each fingerprint hashes the
/// path, the code, the pointer and the event's index in its file (never a line number), so an
/// issue keeps its identity when lines move; a repeat within one event is numbered.
pub(crate) fn write_gitlab(
    out: &mut dyn Write,
    results: &[EventResult],
    unreadable: &[InputError],
    strict: bool,
) -> io::Result<()> {
    let mut issues = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut fingerprint = |parts: &[&str]| {
        for occurrence in 0u32.. {
            let mut hash = sha2::Sha256::new();
            for part in parts {
                hash.update(part.as_bytes());
                hash.update([0]);
            }
            if occurrence > 0 {
                hash.update(occurrence.to_string().as_bytes());
            }
            let hex = hex::encode(hash.finalize());
            if seen.insert(hex.clone()) {
                return hex;
            }
        }
        unreachable!("a fingerprint is found before the counter runs out")
    };
    for e in unreadable {
        let path = relative_path(&e.path);
        issues.push(json!({
            "description": format!("cannot be read: {}", e.message),
            "check_name": UNREADABLE,
            "fingerprint": fingerprint(&[&path, UNREADABLE]),
            "severity": "critical",
            "location": {"path": path, "lines": {"begin": 1}},
        }));
    }
    let mut index_in_file: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for r in results {
        let index = index_in_file.entry(&r.source).and_modify(|i| *i += 1).or_insert(0).to_string();
        if !r.fails() && (met_expectation(r) || r.warnings.is_empty()) {
            continue;
        }
        let path = relative_path(&r.source);
        if r.errors.is_empty() && r.warnings.is_empty() {
            let expected = r.expect.map_or("valid", Status::as_str);
            issues.push(json!({
                "description": format!("expected to be {expected} (project file), but it is {}", r.status.as_str()),
                "check_name": EXPECTATION,
                "fingerprint": fingerprint(&[&path, EXPECTATION, "", &index]),
                "severity": "major",
                "location": {"path": path, "lines": {"begin": r.line}},
            }));
        }
        for f in r.findings_in_order() {
            let severity = match f.severity {
                Severity::Warning if !strict => "minor",
                _ => "major",
            };
            let description = match (&r.provider, &r.event_type) {
                (Some(p), Some(t)) => format!("{} ({p} {t})", one_line(f)),
                _ => one_line(f),
            };
            issues.push(json!({
                "description": description,
                "check_name": f.code,
                "fingerprint": fingerprint(&[&path, &f.code, &f.pointer, &index]),
                "severity": severity,
                "location": {"path": path, "lines": {"begin": f.line.unwrap_or(r.line)}},
            }));
        }
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

/// A source path as CI systems want it: relative to the working directory when it lies under
/// it, with `/` separators.
fn relative_path(source: &str) -> String {
    let relative = under_working_directory(std::path::Path::new(source));
    relative.map_or_else(|| source.replace('\\', "/"), |rel| rel.to_string_lossy().replace('\\', "/"))
}

/// An absolute path made relative to the working directory, when it lies under it.
fn under_working_directory(path: &std::path::Path) -> Option<std::path::PathBuf> {
    if !path.is_absolute() {
        return None;
    }
    let cwd = std::env::current_dir().ok()?;
    path.strip_prefix(cwd).ok().map(std::path::Path::to_path_buf)
}

/// The Markdown summary a GitHub Actions job shows (`$GITHUB_STEP_SUMMARY`): the counts, then
/// each file with failing events and its first finding.
#[derive(Default)]
pub(crate) struct StepSummary {
    /// Each failing file: its path, how many of its events fail, and the first finding.
    failing: Vec<(String, usize, String)>,
    index: std::collections::HashMap<String, usize>,
}

impl StepSummary {
    /// The files shown in the table; more are counted.
    const SHOWN: usize = 50;

    pub(crate) fn add(&mut self, result: &EventResult) {
        if !result.fails() {
            return;
        }
        if let Some(&i) = self.index.get(&result.source) {
            self.failing[i].1 += 1;
            return;
        }
        let first = result.errors.first().or(result.warnings.first()).map_or_else(
            || {
                format!(
                    "{}:{}: expected {}, found {}",
                    result.line,
                    result.column,
                    result.expect.map_or("valid", Status::as_str),
                    result.status.as_str()
                )
            },
            |f| {
                let level = if f.severity == Severity::Error { "error" } else { "warning" };
                let (line, column) = (f.line.unwrap_or(result.line), f.column.unwrap_or(result.column));
                format!("{line}:{column}: {level}[{}]: {}", f.code, one_line(f))
            },
        );
        self.index.insert(result.source.clone(), self.failing.len());
        self.failing.push((result.source.clone(), 1, first));
    }

    pub(crate) fn write(
        &self,
        out: &mut dyn Write,
        summary: &Summary,
        unreadable: &[InputError],
    ) -> io::Result<()> {
        let verdict = if self.failing.is_empty() && unreadable.is_empty() { "passed" } else { "failed" };
        writeln!(out, "### hookscope validate: {verdict}\n")?;
        writeln!(out, "| events | valid | invalid | unknown | unparsable | warnings |")?;
        writeln!(out, "| ---: | ---: | ---: | ---: | ---: | ---: |")?;
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |\n",
            summary.events,
            summary.valid,
            summary.invalid,
            summary.unknown,
            summary.unparsable,
            summary.warnings
        )?;
        if !self.failing.is_empty() || !unreadable.is_empty() {
            writeln!(out, "| file | failing events | first finding |")?;
            writeln!(out, "| --- | ---: | --- |")?;
            for e in unreadable {
                writeln!(out, "| {} | | cannot be read: {} |", md_cell(&e.path), md_cell(&e.message))?;
            }
            for (path, count, first) in self.failing.iter().take(Self::SHOWN) {
                writeln!(out, "| {} | {count} | {} |", md_cell(path), md_cell(first))?;
            }
            if self.failing.len() > Self::SHOWN {
                writeln!(
                    out,
                    "\n… and {} more files with failing events.",
                    self.failing.len() - Self::SHOWN
                )?;
            }
            writeln!(out)?;
        }
        Ok(())
    }
}

/// Text for one Markdown table cell: what Markdown or HTML would read as markup is escaped, and
/// control characters get the visible escape of every human format.
fn md_cell(text: &str) -> String {
    crate::output::escape_with(text, |out, c| match c {
        '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '!' => {
            out.push('\\');
            out.push(c);
        }
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        '\n' | '\r' => out.push(' '),
        c => crate::output::push_escaped(out, c),
    })
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
    let relative = if path.is_absolute() { under_working_directory(path) } else { Some(path.to_path_buf()) };
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

    fn result(source: &str, line: usize, pointers: &[&str]) -> EventResult {
        let errors = pointers
            .iter()
            .map(|p| {
                let mut f = Finding::new(Severity::Error, *p, "type", "wrong-type", "m".to_owned());
                f.line = Some(line);
                f
            })
            .collect();
        EventResult {
            source: source.to_owned(),
            line,
            column: 1,
            provider: Some("daily".to_owned()),
            event_type: None,
            api_version: None,
            api_version_candidates: None,
            status: Status::Invalid,
            docs: None,
            errors,
            warnings: Vec::new(),
            expect: None,
        }
    }

    fn fingerprints(results: &[EventResult]) -> Vec<String> {
        let mut out = Vec::new();
        write_gitlab(&mut out, results, &[], false).unwrap();
        let issues: Value = serde_json::from_slice(&out).unwrap();
        issues.as_array().unwrap().iter().map(|i| i["fingerprint"].as_str().unwrap().to_owned()).collect()
    }

    #[test]
    fn gitlab_fingerprints_survive_moved_lines_and_are_unique() {
        let before = fingerprints(&[result("a.ndjson", 1, &["/x"]), result("a.ndjson", 2, &["/x", "/x"])]);
        assert_eq!(before.len(), 3);
        let unique: std::collections::HashSet<&String> = before.iter().collect();
        assert_eq!(unique.len(), 3, "same path, code and pointer in two events, and twice in one");
        // Lines inserted above: the same events, the same fingerprints.
        let after = fingerprints(&[result("a.ndjson", 7, &["/x"]), result("a.ndjson", 9, &["/x", "/x"])]);
        assert_eq!(before, after);
        // Another file or pointer: another fingerprint.
        assert_ne!(fingerprints(&[result("b.ndjson", 1, &["/x"])])[0], before[0]);
        assert_ne!(fingerprints(&[result("a.ndjson", 1, &["/y"])])[0], before[0]);
    }

    #[test]
    fn markdown_cells_hold_no_markup() {
        assert_eq!(md_cell("a|b <img> *x* `c`\nd"), "a\\|b &lt;img&gt; \\*x\\* \\`c\\` d");
    }

    #[test]
    fn xml_and_github_escaping() {
        assert_eq!(xml_escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(gh_escape("50%, a:b\nc", true), "50%25%2C a%3Ab%0Ac");
        assert_eq!(gh_escape("50%, a:b\nc", false), "50%25, a:b%0Ac");
        assert_eq!(gh_escape("\u{1b}]0;pwned\u{7}\r", true), "\\u{1b}]0;pwned\\u{7}%0D");
    }
}
