//! The hookscope binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

use hookscope::{Cli, Diagnostics, Outcome};

// Validation allocates many small, short-lived values on every thread; mimalloc's per-thread
// heaps keep that from serialising on the system allocator's locks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse_args(std::env::args_os());
    let diagnostics = Diagnostics::new(cli.color);
    match hookscope::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.code()),
        // A closed stdout (`hookscope ... | head`) is the reader's choice, not a failure.
        Err(err) if hookscope::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            diagnostics.error(&format_args!("{err:#}"));
            ExitCode::from(Outcome::error().code())
        }
    }
}
