//! `hookscope schema TYPE`: print the JSON Schema of one event type.

use std::io::Write;

use super::{UsageError, find_type};
use crate::cli::TypeArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::Output;

pub fn run(args: &TypeArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let found = find_type(&config.catalog, &args.event_type, args.provider.as_deref())?;
    let version = super::sample::pick_version(found, args.api_version.as_deref())?;
    let schema = found
        .provider
        .schema(found.name, Some(&version))?
        .ok_or_else(|| UsageError(format!("no schema for {} {version}", found.name)))?;
    serde_json::to_writer_pretty(&mut *out, schema)?;
    writeln!(out)?;
    Ok(Outcome::default())
}
