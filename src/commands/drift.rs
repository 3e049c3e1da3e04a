//! `hookscope catalog drift PATHS`: documented versus seen over a corpus of real deliveries,
//! per event type (`authoring::drift` gathers the report).

use std::io::Write;

use super::for_each_event;
use crate::authoring::drift::{Gatherer, render};
use crate::cli::DriftArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::Output;
use crate::report::format::Format;

pub(crate) fn run(args: &DriftArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    if args.format != Format::Human {
        out.plain();
    }
    let mut gatherer = Gatherer::default();
    let pass = for_each_event(config, &args.input, false, &mut |analyzed| {
        gatherer.add(&analyzed.result, analyzed.value.as_ref());
        Ok(())
    })?;
    let report = gatherer.finish();
    match args.format {
        Format::Json | Format::Ndjson => {
            serde_json::to_writer(&mut *out, &report)?;
            writeln!(out)?;
        }
        _ => render(out, &report)?,
    }
    Ok(pass.outcome)
}
