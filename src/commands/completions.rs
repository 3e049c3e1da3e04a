//! `hookscope completions SHELL` and `hookscope man`: generated from the command-line definition,
//! so they never drift from it (the copies in `completions/` are checked by the tests).

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::exit::Outcome;
use crate::output::Output;

pub fn completions(args: &CompletionsArgs, out: &mut Output) -> Outcome {
    clap_complete::generate(args.shell, &mut Cli::command(), "hookscope", out);
    Outcome::default()
}

pub fn man(out: &mut Output) -> anyhow::Result<Outcome> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(Outcome::default())
}
