//! `hookscope detect`: the provider, event type and API version of each event.

use std::io::Write;

use super::{Work, for_each_event_with};
use crate::analyze::Analyzed;
use crate::cli::DetectArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::{Output, escape_controls};
use crate::report::format::Format;
use crate::report::{JsonReport, Status, Summary, identity, write_ndjson_result};

pub fn run(args: &DetectArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    if args.format != Format::Human {
        out.plain();
    }
    let styles = out.styles;
    let mut summary = Summary::default();
    let mut json = JsonReport::new();
    let mut undetected = false;
    let render = |analyzed: &Analyzed, buf: &mut Vec<u8>| -> std::io::Result<()> {
        let result = &analyzed.result;
        match args.format {
            Format::Json => {
                serde_json::to_writer(&mut *buf, &result.detected()).map_err(std::io::Error::from)
            }
            Format::Ndjson => write_ndjson_result(buf, &result.detected()),
            _ => {
                let what = match result.status {
                    Status::Unparsable => styles.error.style("not JSON".to_owned()).to_string(),
                    Status::Unknown if result.provider.is_none() => {
                        styles.error.style("unknown provider".to_owned()).to_string()
                    }
                    Status::Unknown => {
                        format!("{} {}", identity(result), styles.error.style("(unknown type)"))
                    }
                    _ => identity(result),
                };
                writeln!(buf, "{}  {what}", styles.strong.style(escape_controls(&result.label())))
            }
        }
    };
    let work = Work { render: Some(&render), ..Work::default() };
    let pass = for_each_event_with(config, &args.input, false, work, &mut |analyzed| {
        let result = &analyzed.result;
        summary.add(result);
        undetected |= matches!(result.status, Status::Unknown | Status::Unparsable);
        match args.format {
            Format::Json => json.rendered(out, &analyzed.rendered)?,
            _ => out.write_all(&analyzed.rendered)?,
        }
        Ok(())
    })?;
    summary.skipped = pass.skipped;
    if args.format == Format::Json {
        json.finish(out, &summary)?;
    }
    Ok(Outcome { finding: undetected, ..pass.outcome })
}
