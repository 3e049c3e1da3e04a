//! `hookscope validate`: the CI gate. Findings for people, or a report for machines (JSON,
//! NDJSON, JUnit, GitHub annotations, SARIF), and an exit code.

use std::io::Write;

use super::{Work, for_each_event_with};
use crate::analyze::Analyzed;
use crate::cli::ValidateArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::{Output, Styles};
use crate::report::format::Format;
use crate::report::{
    EventResult, JsonReport, Status, Summary, identity, render_finding, render_snippet, render_summary_line,
    write_github, write_github_unreadable, write_junit, write_ndjson_result, write_sarif,
};

pub fn run(args: &ValidateArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    if args.format != Format::Human {
        out.plain();
    }
    let styles = out.styles;
    let strict = config.strict(args.strict);
    let mut summary = Summary::default();
    let mut failed = false;
    let mut json = JsonReport::new();
    // JUnit and SARIF group results, so they are kept until the end.
    let mut kept: Vec<EventResult> = Vec::new();
    // Each skipped document's label (`path:line:col`) and source.
    let mut foreign: Vec<(String, String)> = Vec::new();
    // Each record's report is rendered on the analysis threads; here it is only written, in order.
    let render = |analyzed: &Analyzed, buf: &mut Vec<u8>| -> std::io::Result<()> {
        let result = &analyzed.result;
        if args.skip_foreign && is_foreign(result) {
            return Ok(());
        }
        match args.format {
            Format::Json => serde_json::to_writer(&mut *buf, result).map_err(std::io::Error::from),
            Format::Ndjson => write_ndjson_result(buf, result),
            Format::Github => write_github(buf, result, strict),
            Format::Junit | Format::Sarif => Ok(()),
            _ => render_human(buf, args, &styles, analyzed),
        }
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
        match args.format {
            Format::Json => json.rendered(out, &analyzed.rendered)?,
            Format::Junit | Format::Sarif => kept.push(result.clone()),
            _ => out.write_all(&analyzed.rendered)?,
        }
        Ok(())
    })?;
    summary.skipped = pass.skipped;
    summary.foreign = foreign.len();
    if !foreign.is_empty() {
        config.diagnostics.note(&skipped_note(&foreign));
    }
    match args.format {
        Format::Json => json.finish(out, &summary)?,
        Format::Ndjson => {}
        Format::Github => write_github_unreadable(out, &pass.unreadable)?,
        Format::Junit => write_junit(out, &kept, &pass.unreadable)?,
        Format::Sarif => write_sarif(out, &kept, &pass.unreadable, strict)?,
        _ => render_summary_line(out, &styles, &summary)?,
    }
    Ok(Outcome { finding: failed, ..pass.outcome })
}

/// One event for people: its findings with source snippets (or one line each with `--brief`),
/// after its status with `--verbose`.
fn render_human(
    out: &mut dyn Write,
    args: &ValidateArgs,
    styles: &Styles,
    analyzed: &Analyzed,
) -> std::io::Result<()> {
    let result = &analyzed.result;
    let fails = result.fails();
    let expected_failure = result.expect.filter(|e| *e != Status::Valid);
    if args.verbose {
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
    for finding in result.findings_in_order() {
        if args.brief {
            render_finding(out, styles, result, finding)?;
        } else {
            render_snippet(out, styles, result, finding, &analyzed.record)?;
        }
    }
    Ok(())
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
