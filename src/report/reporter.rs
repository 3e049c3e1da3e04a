//! The one way results reach stdout: a [`Reporter`] renders each event result in the chosen
//! format (on the analysis threads, into bytes) and a [`Report`] writes those bytes in input
//! order, then what a format writes once at the end (the JSON summary, `JUnit`, SARIF, GitHub's
//! unreadable paths, the human summary line); [`Items`] does the same for other results
//! (signature checks, deliveries). Commands produce results; they never match a format.

use std::io::{self, Write};

use serde::Serialize;

use super::format::Format;
use super::{
    JsonReport, write_github, write_github_unreadable, write_gitlab, write_junit, write_ndjson_result,
    write_sarif,
};
use crate::model::{EventResult, InputError, SourceText, Summary};
use crate::output::{Output, Styles};

/// The styles output in `format` gets: machine formats are never coloured, so stdout goes plain.
pub(crate) fn styles_for(format: Format, out: &mut Output) -> Styles {
    if format != Format::Human {
        out.plain();
    }
    out.styles
}

/// What a command shows people: each result, then (for some) a closing summary. The machine
/// formats are the same for every command.
pub(crate) trait Human: Sync {
    /// One result; `source` is the text it was read from, where positions in it are exact.
    fn result(&self, out: &mut Vec<u8>, result: &EventResult, source: Option<SourceText>) -> io::Result<()>;

    fn summary(&self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

/// The object the JSON formats write for each result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// The whole result, findings included (`validate`).
    Full,
    /// Where, who, what and which version, without findings (`detect`).
    Detected,
}

/// Renders results in one format; shared by the analysis threads.
pub(crate) struct Reporter<'h> {
    format: Format,
    human: &'h dyn Human,
    shape: Shape,
    /// Warnings fail: GitHub and SARIF call them errors.
    strict: bool,
    /// The project-file entry that expects a source's events to fail, named (SARIF's
    /// suppressions say which entry let a finding pass).
    fixture: Option<&'h FixtureName<'h>>,
}

/// Names the project-file entry whose expectation applies to a source, if any.
pub(crate) type FixtureName<'a> = dyn Fn(&str) -> Option<String> + Sync + 'a;

impl<'h> Reporter<'h> {
    pub(crate) fn new(format: Format, human: &'h dyn Human, shape: Shape, strict: bool) -> Self {
        Self { format, human, shape, strict, fixture: None }
    }

    /// Names each source's fixture entry in the reports that say why a finding passes.
    #[must_use]
    pub(crate) fn with_fixture_names(mut self, fixture: &'h FixtureName<'h>) -> Self {
        self.fixture = Some(fixture);
        self
    }

    /// One result's bytes (nothing for the formats that group results at the end).
    pub(crate) fn render(
        &self,
        result: &EventResult,
        source: Option<SourceText>,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        match self.format {
            Format::Json | Format::Ndjson => {
                match self.shape {
                    Shape::Full => serde_json::to_writer(&mut *out, result),
                    Shape::Detected => serde_json::to_writer(&mut *out, &result.detected()),
                }
                .map_err(io::Error::from)?;
                if self.format == Format::Ndjson {
                    out.push(b'\n');
                }
                Ok(())
            }
            Format::Github => write_github(out, result, self.strict),
            Format::Junit | Format::Sarif | Format::Gitlab => Ok(()),
            _ => self.human.result(out, result, source),
        }
    }

    /// The writer of this run's report.
    pub(crate) fn report(&self) -> Report<'_, 'h> {
        Report { reporter: self, json: JsonReport::new(), kept: Vec::new() }
    }
}

/// One run's report, written in input order.
pub(crate) struct Report<'r, 'h> {
    reporter: &'r Reporter<'h>,
    json: JsonReport,
    /// `JUnit`, SARIF and GitLab group results, so they are kept until the end.
    kept: Vec<EventResult>,
}

impl Report<'_, '_> {
    /// Writes one result, rendered by [`Reporter::render`].
    pub(crate) fn write(
        &mut self,
        out: &mut dyn Write,
        result: &EventResult,
        rendered: &[u8],
    ) -> io::Result<()> {
        match self.reporter.format {
            Format::Json => self.json.rendered(out, rendered),
            Format::Junit | Format::Sarif | Format::Gitlab => {
                self.kept.push(result.clone());
                Ok(())
            }
            _ => out.write_all(rendered),
        }
    }

    /// Writes what comes after the last result.
    pub(crate) fn finish(
        self,
        out: &mut dyn Write,
        summary: &Summary,
        unreadable: &[InputError],
    ) -> io::Result<()> {
        let reporter = self.reporter;
        match reporter.format {
            Format::Json => self.json.finish(out, summary),
            Format::Ndjson => Ok(()),
            Format::Github => write_github_unreadable(out, unreadable),
            Format::Junit => write_junit(out, &self.kept, unreadable),
            Format::Sarif => {
                let no_names = |_: &str| None;
                let fixture = reporter.fixture.unwrap_or(&no_names);
                write_sarif(out, &self.kept, unreadable, reporter.strict, fixture)
            }
            Format::Gitlab => write_gitlab(out, &self.kept, unreadable, reporter.strict),
            _ => reporter.human.summary(out, summary),
        }
    }
}

/// The reports written to files (`--format sarif=hookscope.sarif`), from the same results as
/// the one on stdout: rendered on the writing thread, never coloured. Each file is created (its
/// folder too) before the run, so a path that cannot be written stops it at once.
pub(crate) struct FileReports<'r, 'h> {
    files: Vec<(Report<'r, 'h>, io::BufWriter<std::fs::File>, &'r std::path::Path)>,
    rendered: Vec<u8>,
}

impl<'r, 'h> FileReports<'r, 'h> {
    /// Opens the file of each of `reporters`.
    pub(crate) fn create(reporters: &'r [(Reporter<'h>, std::path::PathBuf)]) -> anyhow::Result<Self> {
        let mut files = Vec::new();
        for (reporter, path) in reporters {
            let create = || {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir)?;
                }
                std::fs::File::create(path)
            };
            let file = create().map_err(|e| {
                anyhow::anyhow!(
                    "--format {}={}: cannot write the report: {e}",
                    crate::named::Named::name(reporter.format),
                    path.display()
                )
            })?;
            files.push((reporter.report(), io::BufWriter::new(file), path.as_path()));
        }
        Ok(Self { files, rendered: Vec::new() })
    }

    /// Adds one result to every file's report.
    pub(crate) fn write(&mut self, result: &EventResult, source: Option<SourceText>) -> anyhow::Result<()> {
        for (report, file, path) in &mut self.files {
            self.rendered.clear();
            report.reporter.render(result, source, &mut self.rendered)?;
            report.write(file, result, &self.rendered).map_err(|e| written(path, &e))?;
        }
        Ok(())
    }

    /// Writes what comes after the last result to every file, and flushes it.
    pub(crate) fn finish(self, summary: &Summary, unreadable: &[InputError]) -> anyhow::Result<()> {
        for (report, mut file, path) in self.files {
            report.finish(&mut file, summary, unreadable).map_err(|e| written(path, &e))?;
            file.flush().map_err(|e| written(path, &e))?;
        }
        Ok(())
    }
}

fn written(path: &std::path::Path, error: &io::Error) -> anyhow::Error {
    anyhow::anyhow!("{}: cannot write the report: {error}", path.display())
}

/// Writes something for people.
pub(crate) trait ForPeople: FnOnce(&mut dyn Write) -> io::Result<()> {}

impl<F: FnOnce(&mut dyn Write) -> io::Result<()>> ForPeople for F {}

/// The report of results that are not event results (verify's checked deliveries, listen's and
/// send's deliveries): each one for people or as a JSON result object, then a summary.
pub(crate) struct Items {
    format: Format,
    json: JsonReport,
}

impl Items {
    pub(crate) fn new(format: Format) -> Self {
        Self { format, json: JsonReport::new() }
    }

    /// Writes one item: as JSON for machines, else as `human` writes it for people.
    pub(crate) fn item(
        &mut self,
        out: &mut dyn Write,
        item: &impl Serialize,
        human: impl ForPeople,
    ) -> io::Result<()> {
        match self.format {
            Format::Json => self.json.result(out, item),
            Format::Ndjson => write_ndjson_result(out, item),
            _ => human(out),
        }
    }

    /// Writes what comes after the last item: the JSON document's summary, nothing for NDJSON,
    /// else the summary as `human` writes it.
    pub(crate) fn finish(
        &mut self,
        out: &mut dyn Write,
        summary: &impl Serialize,
        human: impl ForPeople,
    ) -> io::Result<()> {
        let json = std::mem::replace(&mut self.json, JsonReport::new());
        if self.format == Format::Json {
            json.finish(out, summary)
        } else if self.format == Format::Ndjson {
            Ok(())
        } else {
            human(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::model::{Finding, Severity, Status};
    use crate::named::Named;
    use crate::output::Styles;
    use crate::report::format::{RESULTS, VALIDATE};
    use crate::report::{Findings, Identities};

    const TYPE: &str = "recording.ready-to-download";
    const POINTER: &str = "/payload/duration";

    const TEXT: &[u8] = br#"{"type": "recording.ready-to-download", "payload": {"duration": "12s"}}"#;

    fn result() -> EventResult {
        let mut error = Finding::new(
            Severity::Error,
            POINTER,
            "type",
            "wrong-type",
            "expected a number, found a string \"12s\"".to_owned(),
        );
        (error.line, error.column) = (Some(3), Some(17));
        let mut warning = Finding::new(
            Severity::Warning,
            "/payload/s3key",
            "drift",
            "misspelt-field",
            "did you mean s3_key?".into(),
        );
        (warning.line, warning.column) = (Some(5), Some(9));
        EventResult {
            source: "captures/rec.json".to_owned(),
            line: 1,
            column: 1,
            provider: Some("daily".to_owned()),
            event_type: Some(TYPE.to_owned()),
            api_version: Some("1.0.0".to_owned()),
            api_version_candidates: None,
            status: Status::Invalid,
            docs: None,
            errors: vec![error],
            warnings: vec![warning],
            expect: None,
        }
    }

    /// The whole output of a run of one result through `reporter`, as text.
    fn run(reporter: &Reporter<'_>) -> String {
        let result = result();
        let mut rendered = Vec::new();
        reporter.render(&result, Some(SourceText { original: TEXT, body_start: 0 }), &mut rendered).unwrap();
        let mut summary = Summary::default();
        summary.add(&result);
        let mut out = Vec::new();
        let mut report = reporter.report();
        report.write(&mut out, &result, &rendered).unwrap();
        report.finish(&mut out, &summary, &[]).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_result_through_every_format() {
        let human = Findings { styles: Styles::plain(), verbose: true, brief: false };
        for &(format, _) in VALIDATE {
            let out = run(&Reporter::new(format, &human, Shape::Full, false));
            let name = format.name();
            assert!(out.contains(TYPE), "{name}: no event type in {out}");
            assert!(out.contains(POINTER), "{name}: no pointer in {out}");
            match format {
                Format::Human => {
                    assert!(out.starts_with(&format!("captures/rec.json:1:1: invalid daily {TYPE} 1.0.0\n")));
                    assert!(out.contains("captures/rec.json:3:17: error: expected a number"), "{out}");
                    assert!(
                        out.ends_with("1 event: 0 valid, 1 invalid, 0 unknown, 0 unparsable; 1 warning\n")
                    );
                }
                Format::Json => {
                    let doc: Value = serde_json::from_str(&out).unwrap();
                    assert_eq!(doc["results"][0]["errors"][0]["pointer"], POINTER);
                    assert_eq!(doc["results"][0]["status"], "invalid");
                    assert_eq!(doc["summary"]["invalid"], 1);
                }
                Format::Ndjson => {
                    assert_eq!(out.lines().count(), 1);
                    let line: Value = serde_json::from_str(&out).unwrap();
                    assert_eq!(line["event_type"], TYPE);
                    assert_eq!(line["warnings"][0]["code"], "misspelt-field");
                }
                Format::Junit => {
                    let xml = roxmltree::Document::parse(&out).unwrap();
                    let case = xml.descendants().find(|n| n.has_tag_name("testcase")).unwrap();
                    assert_eq!(case.attribute("classname"), Some(&*format!("daily.{TYPE}")));
                    let failure = case.children().find(|n| n.has_tag_name("failure")).unwrap();
                    assert_eq!(failure.attribute("type"), Some("invalid"));
                }
                Format::Github => {
                    let lines: Vec<&str> = out.lines().collect();
                    assert_eq!(lines.len(), 2, "{out}");
                    assert!(lines[0].starts_with("::error file=captures/rec.json,line=3,col=17,"));
                    assert!(lines[1].starts_with("::warning "));
                }
                Format::Sarif => {
                    let log: Value = serde_json::from_str(&out).unwrap();
                    let run = &log["runs"][0];
                    assert_eq!(run["results"][0]["ruleId"], "wrong-type");
                    assert_eq!(run["results"][1]["level"], "warning");
                    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|r| r["id"].as_str().unwrap())
                        .collect();
                    assert_eq!(rules, ["misspelt-field", "wrong-type"]);
                }
                Format::Gitlab => {
                    let issues: Value = serde_json::from_str(&out).unwrap();
                    assert_eq!(issues[0]["check_name"], "wrong-type");
                    assert_eq!(issues[0]["severity"], "major");
                    assert_eq!(
                        issues[0]["location"],
                        serde_json::json!({"path": "captures/rec.json", "lines": {"begin": 3}})
                    );
                    assert_eq!(issues[1]["severity"], "minor");
                    assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
                }
                _ => panic!("validate offers {name}, which the test does not check"),
            }
        }
    }

    #[test]
    fn strict_makes_warnings_errors_for_ci() {
        let human = Findings { styles: Styles::plain(), verbose: false, brief: true };
        let github = run(&Reporter::new(Format::Github, &human, Shape::Full, true));
        assert!(github.lines().all(|l| l.starts_with("::error ")), "{github}");
        let sarif: Value =
            serde_json::from_str(&run(&Reporter::new(Format::Sarif, &human, Shape::Full, true))).unwrap();
        assert_eq!(sarif["runs"][0]["results"][1]["level"], "error");
    }

    #[test]
    fn detection_leaves_the_findings_out() {
        let human = Identities { styles: Styles::plain() };
        for &(format, _) in RESULTS {
            let out = run(&Reporter::new(format, &human, Shape::Detected, false));
            assert!(out.contains(TYPE), "{}: {out}", format.name());
            assert!(!out.contains(POINTER), "{}: {out}", format.name());
            match format {
                Format::Human => assert_eq!(out, format!("captures/rec.json:1:1  daily {TYPE} 1.0.0\n")),
                Format::Json => {
                    let doc: Value = serde_json::from_str(&out).unwrap();
                    assert_eq!(doc["results"][0]["api_version"], "1.0.0");
                    assert_eq!(doc["summary"]["events"], 1);
                }
                _ => {
                    let line: Value = serde_json::from_str(&out).unwrap();
                    assert_eq!(line["provider"], "daily");
                    assert!(line.get("errors").is_none());
                }
            }
        }
    }

    #[test]
    fn other_results_go_through_items_in_every_format() {
        let outputs: Vec<String> = RESULTS
            .iter()
            .map(|&(format, _)| {
                let mut items = Items::new(format);
                let mut out = Vec::new();
                for n in [1, 2] {
                    items
                        .item(&mut out, &serde_json::json!({"n": n}), |out| writeln!(out, "item {n}"))
                        .unwrap();
                }
                items
                    .finish(&mut out, &serde_json::json!({"items": 2}), |out| writeln!(out, "2 items"))
                    .unwrap();
                String::from_utf8(out).unwrap()
            })
            .collect();
        assert_eq!(outputs[0], "item 1\nitem 2\n2 items\n");
        let doc: Value = serde_json::from_str(&outputs[1]).unwrap();
        assert_eq!(doc, serde_json::json!({"results": [{"n": 1}, {"n": 2}], "summary": {"items": 2}}));
        assert_eq!(outputs[2], "{\"n\":1}\n{\"n\":2}\n");
    }
}
