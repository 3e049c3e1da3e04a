//! `hookscope validate`: the CI gate. Findings for people, or reports for machines (JSON,
//! NDJSON, JUnit, GitHub annotations, SARIF, GitLab Code Quality) on stdout and in files from
//! the same run, a GitHub step summary, and an exit code.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{Work, for_each_event_with};
use crate::analyze::Analyzed;
use crate::cli::ValidateArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::model::{EventResult, Status, Summary};
use crate::output::{Output, Styles};
use crate::report::{
    FileReports, Findings, FixtureName, Reporter, Shape, StepSummary, render_summary_line, styles_for,
};

/// The variable GitHub Actions sets to the file a job step's Markdown summary is appended to.
const STEP_SUMMARY: &str = "GITHUB_STEP_SUMMARY";

pub(crate) fn run(args: &ValidateArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let strict = config.strict(args.strict);
    let stdout_format = args.stdout_format();
    let fixture_name = |source: &str| config.project.as_ref().and_then(|p| p.fixture_name(Path::new(source)));
    let fixture_name: &FixtureName<'_> = &fixture_name;
    let human = Findings { styles: styles_for(stdout_format, out), verbose: args.verbose, brief: args.brief };
    let reporter = Reporter::new(stdout_format, &human, Shape::Full, strict).with_fixture_names(fixture_name);
    let mut report = reporter.report();
    // Reports written to files (`--format sarif=hookscope.sarif`), from the same results.
    let plain = Findings { styles: Styles::plain(), verbose: args.verbose, brief: args.brief };
    let file_reporters: Vec<(Reporter<'_>, PathBuf)> = args
        .format
        .iter()
        .filter_map(|t| t.path.clone().map(|p| (t.format, p)))
        .map(|(format, path)| {
            (Reporter::new(format, &plain, Shape::Full, strict).with_fixture_names(fixture_name), path)
        })
        .collect();
    let mut files = FileReports::create(&file_reporters)?;
    let step_summary = (!args.no_step_summary)
        .then(|| std::env::var_os(STEP_SUMMARY))
        .flatten()
        .filter(|p| !p.is_empty())
        .map(PathBuf::from);
    let mut failing = StepSummary::default();
    let mut summary = Summary::default();
    let mut failed = false;
    // Each skipped document's label (`path:line:col`) and source.
    let mut foreign: Vec<(String, String)> = Vec::new();
    // Each record's report is rendered on the analysis threads; here it is only written, in order.
    let render = |analyzed: &Analyzed, buf: &mut Vec<u8>| -> std::io::Result<()> {
        if args.skip_foreign && is_foreign(&analyzed.result) {
            return Ok(());
        }
        reporter.render(&analyzed.result, analyzed.record.source_text(), buf)
    };
    let work = Work { render: Some(&render), ..Work::default() };
    let pass = for_each_event_with(config, &args.input, strict, work, &mut |analyzed| {
        let result = &analyzed.result;
        if args.skip_foreign && is_foreign(result) {
            foreign.push((result.label(), result.source.clone()));
            return Ok(());
        }
        summary.add(result);
        failing.add(result);
        failed |= result.fails();
        report.write(out, &analyzed.result, &analyzed.rendered)?;
        files.write(result, analyzed.record.source_text())?;
        Ok(())
    })?;
    pass.skipped_into(&mut summary);
    summary.foreign = foreign.len();
    if !foreign.is_empty() {
        config.diagnostics.note(&skipped_note(&foreign));
    }
    report.finish(out, &summary, &pass.unreadable)?;
    files.finish(&summary, &pass.unreadable)?;
    if stdout_format.is_ci() {
        // The report on stdout is for the CI system; the log shows people the counts.
        // After the report, so a log that merges the two streams reads in order.
        out.flush()?;
        let mut line = Vec::new();
        render_summary_line(&mut line, &Styles::plain(), &summary)?;
        let _ = std::io::stderr().lock().write_all(&line);
    }
    if let Some(path) = step_summary {
        let appended = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .and_then(|mut file| failing.write(&mut file, &summary, &pass.unreadable));
        if let Err(e) = appended {
            config.diagnostics.warning(&format!(
                "cannot append the step summary to {} ({STEP_SUMMARY}): {e}",
                path.display()
            ));
        }
    }
    Ok(Outcome { finding: failed, ..pass.outcome })
}

/// A document that is JSON but no webhook event of any known provider (`package.json`), and
/// that no project fixture entry expects anything of.
fn is_foreign(result: &EventResult) -> bool {
    result.status == Status::Unknown && result.provider.is_none() && result.expect.is_none()
}

/// `skipped 1 file that is not a webhook event: package.json`, naming at most ten.
fn skipped_note(foreign: &[(String, String)]) -> String {
    const SHOWN: usize = 10;
    // Whole files are named by their path; documents of files that hold several, by position.
    let files = foreign.iter().all(|(label, source)| *label == format!("{source}:1:1"));
    let what = if files { "file" } else { "document" };
    let (noun, verb) = if foreign.len() == 1 { (what.to_owned(), "is") } else { (format!("{what}s"), "are") };
    let mut names: Vec<String> = foreign
        .iter()
        .take(SHOWN)
        .map(|(label, source)| escape(if files { source } else { label }))
        .collect();
    if foreign.len() > SHOWN {
        names.push(format!("and {} more", foreign.len() - SHOWN));
    }
    format!("skipped {} {noun} that {verb} not a webhook event: {}", foreign.len(), names.join(", "))
}

/// A file name as one line of text (names may hold control characters).
fn escape(name: &str) -> String {
    name.chars()
        .flat_map(|c| if c.is_control() { c.escape_default().collect::<Vec<_>>() } else { vec![c] })
        .collect()
}
