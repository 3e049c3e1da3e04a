//! `hookscope validate`: the CI gate. Findings for people, or a report for machines (JSON,
//! NDJSON, JUnit, GitHub annotations, SARIF), and an exit code.

use super::{Work, for_each_event_with};
use crate::analyze::Analyzed;
use crate::cli::ValidateArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::model::{EventResult, Status, Summary};
use crate::output::Output;
use crate::report::{Findings, Reporter, Shape, styles_for};

pub(crate) fn run(args: &ValidateArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let strict = config.strict(args.strict);
    let human = Findings { styles: styles_for(args.format, out), verbose: args.verbose, brief: args.brief };
    let reporter = Reporter::new(args.format, &human, Shape::Full, strict);
    let mut report = reporter.report();
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
        failed |= result.fails();
        report.write(out, &analyzed.result, &analyzed.rendered)?;
        Ok(())
    })?;
    summary.skipped = pass.skipped;
    summary.foreign = foreign.len();
    if !foreign.is_empty() {
        config.diagnostics.note(&skipped_note(&foreign));
    }
    report.finish(out, &summary, &pass.unreadable)?;
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
