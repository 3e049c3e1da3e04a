//! hookscope: inspect, validate and detect webhook events from a catalog of providers.
//!
//! The data flows one way: `cli` -> `config` -> `input` (records with positions) -> `analyze`
//! (`json` parse, `detect`, `validate`) -> `model` (the results) -> `report` / `output`. Commands
//! live in `commands/`; `tests/cli/layers.rs` keeps the modules' dependences pointing down.

mod analyze;
mod authoring;
mod catalog;
mod cli;
mod commands;
mod config;
mod detect;
mod diff;
mod exit;
#[doc(hidden)]
pub mod fuzzing;
mod input;
mod json;
mod live;
mod model;
mod named;
mod near;
mod output;
mod pipeline;
mod policy;
mod project;
mod report;
mod secret;
mod signature;
mod validate;

pub use cli::Cli;
pub use exit::{Outcome, is_broken_pipe};
pub use output::{ColorChoice, Diagnostics, Output};

/// Runs one invocation and tells how it ended; errors that stop the whole run come back as `Err`.
///
/// Meant to run once per process: the settings and the catalog's compiled validators are left
/// for the process exit to free, which is instant where their destructors are not.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let mut out = Output::stdout(cli.color);
    // Generated text needs neither the catalog nor a project file.
    match &cli.command {
        cli::Command::Completions(args) => {
            return finish(commands::completions::completions(args, &mut out), out);
        }
        cli::Command::Man(args) => return finish(commands::completions::man(args, &mut out), out),
        _ => {}
    }
    let config = std::mem::ManuallyDrop::new(config::Config::new(
        cli.color,
        cli.config.as_deref(),
        cli.no_config,
        &cli.catalogs,
        cli.no_builtin,
    )?);
    let outcome = match cli.command {
        cli::Command::Inspect(args) => commands::inspect::run(&args, &config, &mut out),
        cli::Command::Validate(args) => commands::validate::run(&args, &config, &mut out),
        cli::Command::Detect(args) => commands::detect::run(&args, &config, &mut out),
        cli::Command::Filter(args) => commands::filter::run(&args, &config, &mut out),
        cli::Command::Stats(args) => commands::stats::run(&args, &config, &mut out),
        cli::Command::List(args) => commands::list::run(&args, &config, &mut out),
        cli::Command::Diff(args) => commands::diff::run(&args, &config, &mut out),
        cli::Command::Verify(args) => commands::verify::run(&args, &config, &mut out),
        cli::Command::Sign(args) => commands::sign::run(&args, &config, &mut out),
        cli::Command::Schema(args) => commands::schema::run(&args, &config, &mut out),
        cli::Command::Sample(args) => commands::sample::run(&args, &config, &mut out),
        cli::Command::Catalog(args) => commands::catalog::run(&args, &config, &mut out),
        cli::Command::Listen(args) => commands::listen::run(&args, &config, &mut out),
        cli::Command::Send(args) => commands::send::run(&args, &config, &mut out),
        cli::Command::Completions(_) | cli::Command::Man(_) => unreachable!("handled above"),
    };
    finish(outcome, out)
}

/// Flushes stdout, so a write error (a closed pipe) surfaces instead of vanishing in a drop.
fn finish(outcome: anyhow::Result<Outcome>, mut out: Output) -> anyhow::Result<Outcome> {
    let outcome = outcome?;
    std::io::Write::flush(&mut out)?;
    Ok(outcome)
}
