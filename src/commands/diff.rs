//! `hookscope diff A B`: a semantic diff of two events that ignores what the provider says is
//! noise (event ids, delivery times, signed URLs). The diff core is pure (`crate::diff`).

use std::path::PathBuf;

use super::UsageError;
use crate::analyze::{Analyzed, Analyzer};
use crate::cli::DiffArgs;
use crate::config::Config;
use crate::detect::Forced;
use crate::diff::{self, DiffOptions, Header, PointerPattern, Side};
use crate::exit::Outcome;
use crate::input::{InputMode, ReadError, ReadOptions, Source, read_records};
use crate::model::Status;
use crate::output::Output;
use crate::report::format::Format;

/// `FILE`, `-`, or `FILE:N` (an existing file named with a colon wins over the `:N` reading).
fn parse_operand(operand: &str) -> (Source, usize) {
    if operand == "-" {
        return (Source::Stdin, 1);
    }
    if !std::path::Path::new(operand).exists()
        && let Some((path, n)) = operand.rsplit_once(':')
        && let Ok(n) = n.parse::<usize>()
    {
        let source = if path == "-" { Source::Stdin } else { Source::File(PathBuf::from(path)) };
        return (source, n);
    }
    (Source::File(PathBuf::from(operand)), 1)
}

/// Reads the Nth event of an operand, analysed (detected and validated).
fn load(config: &Config, operand: &str, mode: InputMode, at: &[String]) -> anyhow::Result<Analyzed> {
    let (source, n) = parse_operand(operand);
    if n == 0 {
        return Err(UsageError(format!("{operand}: events are numbered from 1")).into());
    }
    let engine = Analyzer::new(&config.catalog).at(config.at(at));
    let mut count = 0;
    let mut found = None;
    let read = read_records(&source, ReadOptions { mode, ..ReadOptions::default() }, &mut |record| {
        count += 1;
        if count == n {
            found = Some(engine.analyze(record, &Forced::default())?);
        }
        Ok(())
    });
    match read {
        Ok(_) => {}
        Err(ReadError::Input(e)) => return Err(UsageError(e.to_string()).into()),
        Err(ReadError::Sink(e)) => return Err(e),
    }
    let found = found.ok_or_else(|| UsageError(format!("{operand}: has {count} event(s), not {n}")))?;
    if found.result.status == Status::Unparsable {
        let why = found.result.errors.first().map_or("", |e| e.message.as_str());
        return Err(UsageError(format!("{operand}: not JSON: {why}")).into());
    }
    if count > 1 && !operand.contains(':') {
        config
            .diagnostics
            .note(&format_args!("{operand} holds {count} events; comparing event {n} (use {operand}:N)"));
    }
    Ok(found)
}

/// How a compared event is named and what it was detected as. An event picked by number keeps
/// the name the user gave it (`captures.ndjson:3`).
fn side(operand: &str, analyzed: &Analyzed) -> Side {
    let r = &analyzed.result;
    let by_number = operand.contains(':') && !std::path::Path::new(operand).exists();
    Side {
        label: if by_number { operand.to_owned() } else { format!("{}:{}", r.source, r.line) },
        provider: r.provider.clone(),
        event_type: r.event_type.clone(),
        api_version: r.api_version.clone().or_else(|| r.api_version_candidates.as_ref().map(|c| c.join("|"))),
    }
}

fn patterns(list: &[String], what: &str) -> Result<Vec<PointerPattern>, UsageError> {
    list.iter()
        .map(|p| PointerPattern::parse(p).map_err(|e| UsageError(format!("{what} {p:?}: {e}"))))
        .collect()
}

/// What a patch leaves out of "turns A into B", and how to include it: said on stderr, since a
/// patch has no room for it.
fn left_out(result: &diff::Diff, ignore: &[String]) -> Vec<String> {
    let differences = |n: usize| if n == 1 { "1 difference".to_owned() } else { format!("{n} differences") };
    let mut notes = Vec::new();
    if result.volatile_ignored > 0 {
        notes.push(format!(
            "the patch leaves out {} in the provider's volatile fields (event ids, delivery times); \
             --include-volatile includes them",
            differences(result.volatile_ignored)
        ));
    }
    if result.ignored > 0 {
        notes.push(format!(
            "the patch leaves out {} at ignored paths ({}, from --ignore or [diff] ignore in \
             hookscope.toml); leave those patterns out to include them",
            differences(result.ignored),
            ignore.join(", ")
        ));
    }
    notes
}

pub(crate) fn run(args: &DiffArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    if args.left == "-" && args.right == "-" {
        return Err(UsageError("only one of A and B can be standard input".to_owned()).into());
    }
    let left = load(config, &args.left, args.input, &args.at)?;
    let right = load(config, &args.right, args.input, &args.at)?;
    let (Some(a), Some(b)) = (&left.value, &right.value) else {
        unreachable!("unparsable events were refused by load");
    };
    // The volatile fields of whichever provider(s) the two events belong to.
    let mut volatile = Vec::new();
    for id in [&left.result.provider, &right.result.provider].into_iter().flatten() {
        if let Some(provider) = config.catalog.provider(id) {
            for p in &provider.desc.volatile {
                if !volatile.contains(p) {
                    volatile.push(p.clone());
                }
            }
        }
    }
    let ignore = config.diff_ignore(&args.ignore);
    let options = DiffOptions {
        array_key: args.array_key.clone(),
        ignore: patterns(&ignore, "--ignore")?,
        only: patterns(&args.only, "--only")?,
        volatile: patterns(&volatile, "volatile field")?,
        include_volatile: args.include_volatile,
        shape: args.shape,
    };
    let result = diff::diff(a, b, &options);
    let header = Header { left: side(&args.left, &left), right: side(&args.right, &right) };
    let styles = out.styles;
    if args.stat {
        diff::stat(out, &styles, &result)?;
    } else {
        match args.format {
            Format::Json => {
                out.plain();
                diff::json(out, &header, &result)?;
            }
            Format::Patch => {
                out.plain();
                diff::patch(out, &diff::to_patch(a, b, &options))?;
                for note in left_out(&result, &ignore) {
                    config.diagnostics.note(&note);
                }
            }
            _ => diff::human(out, &styles, &header, &result)?,
        }
    }
    Ok(Outcome { finding: !result.is_empty(), error: false })
}
