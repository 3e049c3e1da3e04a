//! `hookscope detect`: the provider, event type and API version of each event.

use super::{Work, for_each_event_with};
use crate::analyze::Analyzed;
use crate::cli::DetectArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::model::{Status, Summary};
use crate::output::Output;
use crate::report::{Identities, Reporter, Shape, styles_for};

pub(crate) fn run(args: &DetectArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let human = Identities { styles: styles_for(args.format, out) };
    let reporter = Reporter::new(args.format, &human, Shape::Detected, false);
    let mut report = reporter.report();
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
        Ok(())
    })?;
    summary.skipped = pass.skipped;
    report.finish(out, &summary, &pass.unreadable)?;
    Ok(Outcome { finding: undetected, ..pass.outcome })
}
