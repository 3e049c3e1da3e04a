//! `hookscope list`: the catalog's providers, event types and the API versions documenting them.

use std::io::Write;

use serde_json::json;

use super::find_provider;
use crate::catalog::Provider;
use crate::cli::{ListArgs, ListFormat};
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::{Output, add_row, escape_controls};

pub fn run(args: &ListArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let providers: Vec<&Provider> = match &args.provider {
        Some(id) => vec![find_provider(&config.catalog, id)?],
        None => config.catalog.providers().collect(),
    };
    if args.format == ListFormat::Json {
        let doc: Vec<serde_json::Value> = providers
            .iter()
            .map(|p| {
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
                           "scheme": s.scheme, "note": s.note,
                           "headers": crate::signature::header_names(s.scheme)})),
                       "event_types": types})
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)?;
        return Ok(Outcome::default());
    }
    let styles = out.styles;
    for (i, provider) in providers.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
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
            continue;
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
        writeln!(out, "{table}")?;
    }
    Ok(Outcome::default())
}
