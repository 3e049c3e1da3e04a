//! `hookscope catalog learn PATHS`: a user catalog inferred from captured deliveries
//! (`authoring::learn` groups and writes it).

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::Value;

use super::UsageError;
use crate::authoring::learn::{Delivery, Grouping, Groups, guess, previous, write};
use crate::authoring::usable_type_name;
use crate::cli::LearnArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::input::{ReadError, ReadOptions, expand, read_records};
use crate::output::{Output, escape_controls};

/// How many deliveries the type field is guessed from, when it is not given.
const GUESS_FROM: usize = 10_000;

pub(crate) fn run(args: &LearnArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    if !usable_type_name(&args.provider) || args.provider.contains(char::is_whitespace) {
        return Err(UsageError(format!(
            "{:?} cannot be a provider id (a folder name without spaces or slashes)",
            args.provider
        ))
        .into());
    }
    let (mut grouping, old) = match &args.merge {
        Some(dir) => previous(dir, &args.provider).map_err(|e| UsageError(format!("--merge: {e}")))?,
        None => (None, BTreeMap::new()),
    };
    if let Some(p) = &args.type_at {
        grouping = Some(Grouping::Field(p.clone()));
    }
    if let Some(h) = &args.type_header {
        grouping = Some(Grouping::Header(h.clone()));
    }
    let mut outcome = Outcome::default();
    let (sources, errors) =
        expand(&args.paths, &args.walk.options()).map_err(|e| UsageError(e.to_string()))?;
    for e in errors {
        config.diagnostics.error(&e);
        outcome.error = true;
    }
    // Deliveries are folded into their type's shape as they are read; only when the type field
    // must be guessed are the first ones held, to guess it from.
    let guessed = grouping.is_none();
    let mut groups = grouping.map(|g| Groups::new(g, false, &old));
    let mut held: Vec<(Delivery, String)> = Vec::new();
    let (mut seen, mut unparsable) = (0usize, 0usize);
    let settle = |held: &mut Vec<(Delivery, String)>| -> Result<Groups, UsageError> {
        let deliveries: Vec<&Delivery> = held.iter().map(|(d, _)| d).collect();
        let mut groups = Groups::new(guess(&deliveries).map_err(|e| UsageError(e.to_string()))?, true, &old);
        for (d, text) in held.drain(..) {
            groups.add(&d, || text);
        }
        Ok(groups)
    };
    for source in &sources {
        let options = ReadOptions { mode: args.input, ..ReadOptions::default() };
        let result = read_records(source, options, &mut |record| {
            match serde_json::from_slice::<Value>(record.text()) {
                Ok(value) if value.is_object() && record.problem.is_none() => {
                    seen += 1;
                    let delivery = Delivery { value, headers: record.headers.clone() };
                    let text = || String::from_utf8_lossy(record.text()).into_owned();
                    if let Some(groups) = &mut groups {
                        groups.add(&delivery, text);
                    } else {
                        held.push((delivery, text()));
                        if held.len() >= GUESS_FROM {
                            groups = Some(settle(&mut held)?);
                        }
                    }
                }
                Ok(_) => {
                    unparsable += 1;
                    config.diagnostics.warning(&format!(
                        "{}:{}:{}: not a JSON object; left out",
                        record.source, record.line, record.column
                    ));
                }
                Err(e) => {
                    unparsable += 1;
                    let why = record.problem.clone().unwrap_or_else(|| e.to_string());
                    config.diagnostics.warning(&format!(
                        "{}:{}:{}: {why}; left out",
                        record.source, record.line, record.column
                    ));
                }
            }
            Ok(())
        });
        match result {
            Ok(_) => {}
            Err(ReadError::Input(e)) => {
                config.diagnostics.error(&e);
                outcome.error = true;
            }
            Err(ReadError::Sink(e)) => return Err(e),
        }
    }
    if seen == 0 && old.is_empty() {
        return Err(UsageError("no deliveries to learn from".to_owned()).into());
    }
    let groups = match groups {
        Some(groups) => groups,
        None => settle(&mut held)?,
    };
    debug_assert!(groups.guessed == guessed);
    let untyped = groups.untyped;
    if untyped > 0 {
        config.diagnostics.warning(&format!("{untyped} delivery(ies) without an event type there (or one that cannot be a file name); left out"));
    }
    if groups.is_empty() {
        // As `catalog import` does when nothing can be imported: a finding, and no empty provider.
        config.diagnostics.error(&"no delivery has a usable event type; nothing learned");
        outcome.finding = true;
        return Ok(outcome);
    }
    // Merging into the folder it read from rewrites it whole, the old types included.
    let merging_here = args.merge.as_deref().is_some_and(|dir| same_folder(dir, &args.out));
    write(&args.provider, &groups, &args.out, args.force || merging_here)?;
    let styles = out.styles;
    let folder = args.out.join(&args.provider);
    writeln!(
        out,
        "{} {} event type(s) from {} into {}",
        styles.ok.style("learned"),
        groups.types().count(),
        deliveries_text(seen),
        folder.display()
    )?;
    let rule = match &groups.grouping {
        Grouping::Field(p) if groups.guessed => format!(
            "the event type is the value at {} (the string field that best partitions the deliveries; --type-at to choose another)",
            escape_controls(p)
        ),
        Grouping::Field(p) => format!("the event type is the value at {}", escape_controls(p)),
        Grouping::Header(h) => format!("the event type is the {} header", escape_controls(h)),
    };
    writeln!(out, "  {rule}")?;
    let width = groups.types().map(|(name, _)| name.len()).max().unwrap_or(0);
    for (name, n) in groups.types() {
        writeln!(out, "  {:width$}  {}", escape_controls(name), deliveries_text(n))?;
    }
    outcome.finding |= unparsable > 0;
    Ok(outcome)
}

/// Whether two paths name the same folder (a missing one is compared as written).
fn same_folder(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// `1 delivery`, `2 deliveries`.
fn deliveries_text(n: usize) -> String {
    if n == 1 { "1 delivery".to_owned() } else { format!("{n} deliveries") }
}
