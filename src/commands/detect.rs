//! `hookscope detect`: the provider, event type and API version of each event, on stdout and in
//! files from the same run.

use super::{Work, for_each_event_with};
use crate::analyze::Analyzed;
use crate::cli::DetectArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::model::{Status, Summary};
use crate::output::{Output, Styles};
use crate::report::format::Target;
use crate::report::{FileReports, Identities, Reporter, Shape, styles_for};

pub(crate) fn run(args: &DetectArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let stdout_format = Target::stdout(&args.format);
    let human = Identities { styles: styles_for(stdout_format, out) };
    let reporter = Reporter::new(stdout_format, &human, Shape::Detected, false);
    let mut report = reporter.report();
    // Reports written to files (`--format ndjson=detected.ndjson`), from the same results.
    let plain = Identities { styles: Styles::plain() };
    let file_reporters: Vec<(Reporter<'_>, std::path::PathBuf)> = args
        .format
        .iter()
        .filter_map(|t| t.path.clone().map(|p| (Reporter::new(t.format, &plain, Shape::Detected, false), p)))
        .collect();
    let mut files = FileReports::create(&file_reporters)?;
    let mut summary = Summary::default();
    let mut undetected = false;
    let render = |analyzed: &Analyzed, buf: &mut Vec<u8>| {
        reporter.render(&analyzed.result, analyzed.record.source_text(), buf)
    };
    let work = Work { render: Some(&render), ..Work::default() };
    let pass = for_each_event_with(config, &args.input, false, work, &mut |analyzed| {
        let result = &analyzed.result;
        summary.add(result);
        undetected |= matches!(result.status, Status::Unknown | Status::Unparsable);
        report.write(out, &analyzed.result, &analyzed.rendered)?;
        files.write(result, analyzed.record.source_text())?;
        Ok(())
    })?;
    pass.skipped_into(&mut summary);
    report.finish(out, &summary, &pass.unreadable)?;
    files.finish(&summary, &pass.unreadable)?;
    Ok(Outcome { finding: undetected, ..pass.outcome })
}
