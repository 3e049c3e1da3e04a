//! `hookscope sample TYPE`: print the bundled sample payload of one event type.

use std::io::Write;

use super::{UsageError, find_type};
use crate::catalog::TypeRef;
use crate::cli::TypeArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::Output;

/// The API version to use for a type: the one asked for (checked), or the newest documenting it.
pub(crate) fn pick_version(found: TypeRef<'_>, asked: Option<&str>) -> Result<String, UsageError> {
    let versions = found.provider.versions_of(found.name);
    match asked {
        Some(v) if versions.iter().any(|x| x == v) => Ok(v.to_owned()),
        Some(v) if found.provider.versions().is_empty() => {
            Err(UsageError(format!("{} has no API versions (got --api-version {v})", found.provider.id())))
        }
        Some(v) => Err(UsageError(format!(
            "{} is not documented in API version {v} (it is in {})",
            found.name,
            versions.join(", ")
        ))),
        None => Ok(versions.last().cloned().unwrap_or_default()),
    }
}

pub(crate) fn run(args: &TypeArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let found = find_type(&config.catalog, &args.event_type, args.which.provider.as_deref())?;
    let version = pick_version(found, args.which.api_version.as_deref())?;
    let sample = config
        .catalog
        .sample(found.provider.id(), found.name, &version)
        .ok_or_else(|| UsageError(format!("no sample bundled for {} {}", found.provider.id(), found.name)))?;
    out.write_all(sample.as_bytes())?;
    if !sample.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(Outcome::default())
}
