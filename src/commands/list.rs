//! `hookscope list`: the catalog's providers, event types and the API versions documenting them.

use std::io::Write;

use serde_json::json;

use super::find_provider;
use crate::catalog::{Catalog, Provider};
use crate::cli::ListArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::{Output, add_row, escape_controls};
use crate::report::format::Format;
use crate::signature::Scheme;

pub(crate) fn run(args: &ListArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let catalog = &config.catalog;
    if args.schemes {
        let schemes: Vec<&Scheme> = catalog.schemes().collect();
        return listing(
            out,
            args.format,
            &schemes,
            |s| scheme_json(catalog, s),
            |out, s| scheme_human(catalog, out, s),
        );
    }
    let providers: Vec<&Provider> = match &args.provider {
        Some(id) => vec![find_provider(catalog, id)?],
        None => catalog.providers().collect(),
    };
    listing(out, args.format, &providers, |p| provider_json(catalog, p), |out, p| provider_human(out, p))
}

/// The items as one JSON array, or for people one block each with a blank line between.
fn listing<T>(
    out: &mut Output,
    format: Format,
    items: &[T],
    json: impl Fn(&T) -> serde_json::Value,
    mut human: impl FnMut(&mut Output, &T) -> std::io::Result<()>,
) -> anyhow::Result<Outcome> {
    if format == Format::Json {
        let doc: Vec<serde_json::Value> = items.iter().map(json).collect();
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)?;
        return Ok(Outcome::default());
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        human(out, item)?;
    }
    Ok(Outcome::default())
}

fn provider_json(catalog: &Catalog, p: &Provider) -> serde_json::Value {
    let types: Vec<serde_json::Value> = p
        .types()
        .map(|(name, versions)| {
            let info = p.info(name);
            let versions: Vec<&String> = versions.iter().filter(|v| !v.is_empty()).collect();
            json!({"type": name, "title": info.title, "description": info.description,
                   "api_versions": versions, "docs": info.docs})
        })
        .collect();
    json!({"id": p.id(), "name": p.desc.name, "description": p.desc.description,
           "docs": p.desc.docs, "api_versions": p.versions(), "volatile": p.desc.volatile,
           "signature": p.desc.signature.as_ref().map(|s| json!({
               "scheme": s.scheme_name(), "note": s.note(),
               "headers": catalog.scheme(s.scheme_name()).map(Scheme::header_names)
                   .unwrap_or_default()})),
           "event_types": types})
}

/// A provider's line, then a table of its event types (with the API versions documenting each).
fn provider_human(out: &mut Output, provider: &Provider) -> std::io::Result<()> {
    let styles = out.styles;
    let count = provider.types().count();
    let types = match (count, provider.accepts_any_type()) {
        (0, true) => "any event type; the envelope is checked".to_owned(),
        (n, true) => format!("{n} event types, and any other with its envelope checked"),
        (1, false) => "1 event type".to_owned(),
        (n, false) => format!("{n} event types"),
    };
    writeln!(
        out,
        "{} {} — {} ({types})",
        styles.strong.style(escape_controls(provider.id())),
        styles.dim.style(format!("({})", escape_controls(&provider.desc.name))),
        escape_controls(&provider.desc.description)
    )?;
    if count == 0 {
        return Ok(());
    }
    let versioned = !provider.versions().is_empty();
    let mut table = crate::output::table(true);
    let mut header = vec!["event type", "title"];
    if versioned {
        header.extend(provider.versions().iter().map(String::as_str));
    }
    table.set_header(header);
    for (name, versions) in provider.types() {
        let info = provider.info(name);
        let mut row = vec![name.to_owned(), info.title];
        if versioned {
            for v in provider.versions() {
                row.push(if versions.contains(v) { "✓".to_owned() } else { String::new() });
            }
        }
        add_row(&mut table, row);
    }
    writeln!(out, "{table}")
}

/// `list --schemes`: a signature scheme as the catalog describes it.
fn scheme_json(catalog: &Catalog, s: &Scheme) -> serde_json::Value {
    let d = &s.desc;
    json!({"name": s.name(), "title": s.title(), "defined_by": catalog.scheme_definer(s.name()),
           "headers": d.headers, "signed": d.signed, "key": s.key_summary(), "digest": d.digest,
           "signature": s.signature_shape(), "tolerance": d.tolerance,
           "default_for": catalog.providers_using(s.name()), "note": d.note})
}

fn scheme_human(catalog: &Catalog, out: &mut Output, s: &Scheme) -> std::io::Result<()> {
    let styles = out.styles;
    let d = &s.desc;
    let users = catalog.providers_using(s.name());
    let users =
        if users.is_empty() { String::new() } else { format!(" — default for {}", users.join(", ")) };
    writeln!(
        out,
        "{} {}{}",
        styles.strong.style(escape_controls(s.name())),
        styles.dim.style(format!("({})", escape_controls(s.title()))),
        escape_controls(&users)
    )?;
    let digest = match d.digest {
        crate::signature::Digest::Base64 => "base64",
        crate::signature::Digest::Hex => "hex",
    };
    let ed25519 = d.ed25519.as_ref().map_or(String::new(), |e| format!(", or {} Ed25519", e.version));
    let rows = [
        ("headers", s.header_names().join(", ")),
        ("signed", d.signed.clone()),
        ("key", s.key_summary()),
        ("digest", format!("{digest} HMAC-SHA256{ed25519}")),
        ("header", s.signature_shape()),
        ("tolerance", format!("{} s back, {} s ahead", d.tolerance.past, d.tolerance.future)),
    ];
    for (label, value) in rows {
        writeln!(out, "  {:<10} {}", styles.dim.style(label), escape_controls(&value))?;
    }
    Ok(())
}
