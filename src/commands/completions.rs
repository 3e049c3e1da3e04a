//! `hookscope completions SHELL` and `hookscope man`: generated from the command-line definition,
//! so they never drift from it (the copies in `completions/` are checked by the tests).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap::builder::{PossibleValue, PossibleValuesParser};

use crate::catalog::Catalog;
use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::exit::Outcome;
use crate::output::Output;

pub(crate) fn completions(args: &CompletionsArgs, out: &mut Output) -> anyhow::Result<Outcome> {
    let catalog = Catalog::load(true, &[])?;
    let mut command = with_catalog_values(Cli::command(), &catalog);
    clap_complete::generate(args.shell, &mut command, "hookscope", out);
    if args.shell == clap_complete::Shell::Fish {
        fish_positionals(&command, out)?;
    }
    Ok(Outcome::default())
}

/// Text safe inside a fish double-quoted string.
fn fish_escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| match c {
            '\\' | '"' | '$' => vec!['\\', c],
            c if c.is_control() => vec![' '],
            c => vec![c],
        })
        .collect()
}

/// clap's fish script completes options only: add the positional provider and type names
/// (`list PROVIDER`, `sample TYPE`, `schema TYPE`).
fn fish_positionals(command: &clap::Command, out: &mut Output) -> std::io::Result<()> {
    for sub in command.get_subcommands() {
        for arg in sub.get_positionals().filter(|a| matches!(a.get_id().as_str(), "provider" | "event_type"))
        {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .map(|v| {
                    let help = v.get_help().map(ToString::to_string).unwrap_or_default();
                    format!("{}\\t'{}'", fish_escape(v.get_name()), fish_escape(&help).replace('\'', "\\'"))
                })
                .collect();
            writeln!(
                out,
                "complete -c hookscope -n \"__fish_hookscope_using_subcommand {}\" -f -a \"{}\"",
                sub.get_name(),
                values.join("\n")
            )?;
        }
    }
    Ok(())
}

/// The command with the built-in catalog's provider ids and event types offered for every
/// `provider` and `event_type` argument. Only the completion scripts see these lists: parsing
/// still takes any name, since user catalogs add their own.
fn with_catalog_values(command: clap::Command, catalog: &Catalog) -> clap::Command {
    let providers: Vec<PossibleValue> = catalog
        .providers()
        .map(|p| PossibleValue::new(p.id().to_owned()).help(p.desc.name.clone()))
        .collect();
    let mut types: Vec<(String, String)> = catalog
        .providers()
        .flat_map(|p| p.types().map(move |(name, _)| (name.to_owned(), p.id().to_owned())))
        .collect();
    types.sort();
    types.dedup_by(|a, b| {
        // One entry per type name, naming every provider that has it.
        if a.0 == b.0 {
            b.1 = format!("{}, {}", b.1, a.1);
            true
        } else {
            false
        }
    });
    let types: Vec<PossibleValue> =
        types.into_iter().map(|(name, who)| PossibleValue::new(name).help(who)).collect();
    let schemes: Vec<PossibleValue> = catalog
        .schemes()
        .map(|s| PossibleValue::new(s.name().to_owned()).help(s.title().to_owned()))
        .collect();
    add_values(command, &[&providers, &types, &schemes])
}

/// Offers `[providers, types, schemes]` for the arguments of those names.
fn add_values(command: clap::Command, values: &[&[PossibleValue]; 3]) -> clap::Command {
    let command = command.mut_args(|arg| {
        let list = match arg.get_id().as_str() {
            "provider" => values[0],
            "event_type" => values[1],
            "scheme" => values[2],
            _ => return arg,
        };
        arg.value_parser(PossibleValuesParser::new(list.iter().cloned()))
    });
    command.mut_subcommands(|sub| add_values(sub, values))
}

pub(crate) fn man(args: &ManArgs, out: &mut Output) -> anyhow::Result<Outcome> {
    // Every `hookscope-<sub>(1)` a page names is a page `--dir` writes; `help` has none.
    let mut command = Cli::command().disable_help_subcommand(true);
    let Some(dir) = &args.dir else {
        clap_mangen::Man::new(command).render(out)?;
        return Ok(Outcome::default());
    };
    // Section 1 of a man tree, so `MANPATH=DIR man hookscope-validate` finds the pages.
    let section = dir.join("man1");
    std::fs::create_dir_all(&section)
        .map_err(|e| super::UsageError(format!("--dir {}: {e}", dir.display())))?;
    command.build();
    let mut written = Vec::new();
    write_pages(command, &section, &mut written)
        .map_err(|e| super::UsageError(format!("--dir {}: {e}", dir.display())))?;
    written.sort();
    for page in written {
        writeln!(out, "{}", page.display())?;
    }
    Ok(Outcome::default())
}

/// Writes the page of `command` and of each of its subcommands, at any depth.
fn write_pages(command: clap::Command, dir: &Path, written: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
        write_pages(sub, dir, written)?;
    }
    written.push(clap_mangen::Man::new(command).generate_to(dir)?);
    Ok(())
}
