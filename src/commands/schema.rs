//! `hookscope schema TYPE`: print the JSON Schema of one event type; `schema export DIR` writes
//! the whole catalog in the format `--catalog` reads.

use std::io::Write;
use std::path::Path;

use super::{UsageError, find_type};
use crate::catalog::Catalog;
use crate::cli::{SchemaArgs, SchemaCommand};
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::Output;

pub fn run(args: &SchemaArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    if let Some(SchemaCommand::Export { dir }) = &args.export {
        let written = export(&config.catalog, dir)?;
        config.diagnostics.note(&format_args!(
            "exported {} providers ({written} files) to {}",
            config.catalog.providers().count(),
            dir.display()
        ));
        return Ok(Outcome::default());
    }
    let Some(name) = &args.event_type else {
        return Err(UsageError(
            "name an event type (`hookscope schema TYPE`), or `hookscope schema export DIR`".to_owned(),
        )
        .into());
    };
    let found = find_type(&config.catalog, name, args.which.provider.as_deref())?;
    let version = super::sample::pick_version(found, args.which.api_version.as_deref())?;
    let schema = found
        .provider
        .schema(found.name, Some(&version))?
        .ok_or_else(|| UsageError(format!("no schema for {} {version}", found.name)))?;
    serde_json::to_writer_pretty(&mut *out, schema)?;
    writeln!(out)?;
    Ok(Outcome::default())
}

/// Writes every provider's files as they are (byte for byte) and its samples under `samples/`.
fn export(catalog: &Catalog, dir: &Path) -> anyhow::Result<usize> {
    let mut written = 0;
    for provider in catalog.providers() {
        let base = dir.join(provider.id());
        let files = std::iter::once(("provider.json".to_owned(), provider.description_text().to_owned()))
            .chain(provider.files().map(|(rel, text)| (rel.to_owned(), text.to_owned())))
            .chain(provider.samples().map(|(rel, text)| (format!("samples/{rel}"), text.to_owned())));
        for (rel, text) in files {
            let path = base.join(&rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| UsageError(format!("{}: {e}", parent.display())))?;
            }
            std::fs::write(&path, text).map_err(|e| UsageError(format!("{}: {e}", path.display())))?;
            written += 1;
        }
    }
    Ok(written)
}
