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

pub(crate) fn run(args: &SchemaArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
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
    if found.provider.schema(found.name, Some(&version))?.is_none() {
        return Err(UsageError(format!("no schema for {} {version}", found.name)).into());
    }
    let schema = found.provider.bundled_schema(found.name, &version)?;
    serde_json::to_writer_pretty(&mut *out, &schema)?;
    writeln!(out)?;
    Ok(Outcome::default())
}

/// Writes every provider's files as they are (byte for byte) and its samples under `samples/`,
/// then a self-contained copy of each event schema under `bundled/<provider>/` for other
/// validators (a folder without `provider.json`, which `--catalog` does not read).
fn export(catalog: &Catalog, dir: &Path) -> anyhow::Result<usize> {
    let mut written = 0;
    let write = |path: &Path, text: &str| -> anyhow::Result<()> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| UsageError(format!("{}: {e}", parent.display())))?;
        }
        std::fs::write(path, text).map_err(|e| UsageError(format!("{}: {e}", path.display())))?;
        Ok(())
    };
    for provider in catalog.providers() {
        for (event_type, versions) in provider.types() {
            for version in versions {
                let schema = provider.bundled_schema(event_type, version)?;
                let rel = crate::catalog::Provider::schema_rel(event_type, version);
                let rel = rel.strip_prefix("schemas/").unwrap_or(&rel);
                write(
                    &dir.join("bundled").join(provider.id()).join(rel),
                    &serde_json::to_string_pretty(&schema)?,
                )?;
                written += 1;
            }
        }
    }
    for provider in catalog.providers() {
        let base = dir.join(provider.id());
        let files = std::iter::once(("provider.json".to_owned(), provider.description_text().to_owned()))
            .chain(provider.files().map(|(rel, text)| (rel.to_owned(), text.to_owned())))
            .chain(provider.samples().map(|(rel, text)| (format!("samples/{rel}"), text.to_owned())));
        for (rel, text) in files {
            write(&base.join(&rel), &text)?;
            written += 1;
        }
    }
    Ok(written)
}
