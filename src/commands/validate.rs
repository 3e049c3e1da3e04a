//! `hookscope validate`: the CI gate. Findings for people or a JSON report, and an exit code.

use std::io::Write;

use super::for_each_event;
use crate::cli::{ReportFormat, ValidateArgs};
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::Output;
use crate::report::{
    JsonReport, Summary, identity, render_finding, render_snippet, render_summary_line, write_ndjson_result,
};

pub fn run(args: &ValidateArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    if args.format != ReportFormat::Human {
        out.plain();
    }
    let styles = out.styles;
    let mut summary = Summary::default();
    let mut failed = false;
    let mut json = JsonReport::new();
    let pass = for_each_event(config, &args.input, &mut |analyzed| {
        let result = &analyzed.result;
        summary.add(result);
        failed |= result.fails(args.strict);
        match args.format {
            ReportFormat::Json => json.result(out, result)?,
            ReportFormat::Ndjson => write_ndjson_result(out, result)?,
            ReportFormat::Human => {
                if args.verbose {
                    let status = if result.fails(args.strict) {
                        styles.error.style(result.status.as_str())
                    } else {
                        styles.ok.style(result.status.as_str())
                    };
                    writeln!(out, "{}: {status} {}", styles.strong.style(result.label()), identity(result))?;
                }
                for finding in result.findings_in_order() {
                    if args.brief {
                        render_finding(out, &styles, result, finding)?;
                    } else {
                        render_snippet(out, &styles, result, finding, &analyzed.record)?;
                    }
                }
            }
        }
        Ok(())
    })?;
    summary.skipped = pass.skipped;
    match args.format {
        ReportFormat::Json => json.finish(out, &summary)?,
        ReportFormat::Ndjson => {}
        ReportFormat::Human => render_summary_line(out, &styles, &summary)?,
    }
    Ok(Outcome { finding: failed, ..pass.outcome })
}
