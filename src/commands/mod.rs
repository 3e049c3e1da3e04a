//! The subcommands, one per file, and the loop over input events that most of them share.

pub(crate) mod catalog;
pub(crate) mod completions;
pub(crate) mod detect;
pub(crate) mod diff;
pub(crate) mod drift;
pub(crate) mod filter;
pub(crate) mod inspect;
pub(crate) mod learn;
pub(crate) mod list;
pub(crate) mod listen;
pub(crate) mod sample;
pub(crate) mod schema;
pub(crate) mod send;
pub(crate) mod sign;
pub(crate) mod stats;
pub(crate) mod validate;
pub(crate) mod verify;

use std::io::IsTerminal;
use std::sync::Arc;

use crate::analyze::{Analyzed, Analyzer};
use crate::cli::InputArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::input::{InputError, ReadError, Source, expand, read_records};
use crate::output::Progress;
use crate::pipeline::{Job, Pipeline, Render};

use crate::catalog::Catalog;
pub(crate) use crate::config::{UsageError, find_provider, find_type};
use crate::signature::{Scheme, find_scheme};

/// The scheme `--scheme NAME` names (case-insensitive).
fn scheme_option<'c>(catalog: &'c Catalog, name: &str) -> Result<&'c Scheme, UsageError> {
    find_scheme(catalog.schemes(), name).map_err(|e| UsageError(format!("--scheme {name:?}: {e}")))
}

/// The sources named by PATHS, or standard input when none are given and it is not a terminal.
fn sources(config: &Config, input: &InputArgs, pass: &mut Pass) -> Result<Vec<Source>, UsageError> {
    if input.paths.is_empty() {
        if std::io::stdin().is_terminal() {
            return Err(UsageError(
                "no input: give PATHS (files, directories, or - for standard input), or pipe events in\n  \
                 e.g. hookscope validate captures/  or  cat events.ndjson | hookscope validate"
                    .to_owned(),
            ));
        }
        return Ok(vec![Source::Stdin]);
    }
    let (sources, errors) =
        expand(&input.paths, &input.walk.options()).map_err(|e| UsageError(e.to_string()))?;
    for error in errors {
        pass.unreadable(config, error);
    }
    Ok(sources)
}

/// What a pass over the input leaves besides the events: the outcome so far and the count of
/// lines skipped on purpose (log lines without JSON).
pub(crate) struct Pass {
    pub outcome: Outcome,
    pub skipped: usize,
    /// The paths that could not be read, for the reports that list every input (JUnit, SARIF,
    /// GitHub); each was also said on stderr as it was met.
    pub unreadable: Vec<InputError>,
    /// Binary files a directory walk met, skipped (each named on stderr).
    pub binary_files: usize,
}

impl Pass {
    /// The summary's count of what was skipped on purpose, and of the binary files among it.
    pub(crate) fn skipped_into(&self, summary: &mut crate::model::Summary) {
        summary.skipped = self.skipped + self.binary_files;
        summary.binary_files = self.binary_files;
    }
}

impl Pass {
    fn unreadable(&mut self, config: &Config, error: InputError) {
        config.diagnostics.error(&error);
        self.outcome.error = true;
        self.unreadable.push(error);
    }
}

/// Reads every event of the input in order and hands each analysed record to `handle`.
/// Unreadable paths are reported on stderr as they are met and make the outcome an error;
/// the run goes on with the rest.
pub(crate) fn for_each_event(
    config: &Config,
    input: &InputArgs,
    strict: bool,
    handle: &mut dyn FnMut(&Analyzed) -> anyhow::Result<()>,
) -> anyhow::Result<Pass> {
    for_each_event_with(config, input, strict, Work::default(), handle)
}

/// What the analysis threads do for a command besides the full analysis.
#[derive(Default, Clone, Copy)]
pub(crate) struct Work<'r> {
    /// Renders each record's output on the analysis threads (`Analyzed::rendered`).
    pub render: Option<&'r Render<'r>>,
    /// Detection only: provider and type, no validation (the status is not computed).
    pub detect_only: bool,
}

/// [`for_each_event`], with the per-record work the command hands to the analysis threads.
pub(crate) fn for_each_event_with(
    config: &Config,
    input: &InputArgs,
    strict: bool,
    work: Work<'_>,
    handle: &mut dyn FnMut(&Analyzed) -> anyhow::Result<()>,
) -> anyhow::Result<Pass> {
    let engine = Analyzer::new(&config.catalog).detect_only(work.detect_only).at(config.at(&input.read.at));
    let selections = config.selections(
        input.provider.as_deref(),
        input.event_type.as_deref(),
        input.api_version.as_deref(),
    )?;
    let mut pass = Pass { outcome: Outcome::default(), skipped: 0, unreadable: Vec::new(), binary_files: 0 };
    let sources = sources(config, input, &mut pass)?;
    let threads = crate::config::threads(input.read.threads);
    let mut progress = Progress::new();
    let mut events = 0usize;
    // How far through input of known size the run is: files' sizes (not standard input's; a
    // gzip file counts when done, as offsets inside it are of the decompressed text).
    let sizes: Option<Vec<(u64, bool)>> = sources
        .iter()
        .map(|s| match s {
            Source::File(path) => std::fs::metadata(path).ok().map(|m| {
                let gzip = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"));
                (m.len(), gzip)
            }),
            Source::Stdin => None,
        })
        .collect();
    let total: Option<u64> = sizes.as_ref().map(|s| s.iter().map(|(len, _)| len).sum());
    let mut finished = 0u64;
    let outcome = std::thread::scope(|scope| -> anyhow::Result<()> {
        let mut pipeline = Pipeline::new(scope, &engine, work.render, threads, handle);
        for (i, source) in sources.iter().enumerate() {
            let selection = selections.for_source(source);
            let path = match source {
                Source::File(path) => Some(path.as_path()),
                Source::Stdin => None,
            };
            let policy = Arc::new(config.policy(strict, path));
            let size = sizes.as_ref().map(|s| s[i]);
            // Only a file that the user named is reported when binary; one a walk met is skipped.
            let named = match source {
                Source::File(path) => input.paths.contains(path),
                Source::Stdin => true,
            };
            let options = crate::input::ReadOptions { skip_binary: !named, ..input.read_options() };
            let result = read_records(source, options, &mut |record| {
                events += 1;
                let within = match size {
                    Some((len, false)) => (record.byte_offset + record.original.len() as u64).min(len),
                    _ => 0,
                };
                progress.tick(events, i + 1, total.map(|t| (finished + within, t)));
                pipeline.push(Job {
                    record,
                    forced: selection.forced,
                    expect: selection.expect,
                    policy: Arc::clone(&policy),
                })
            });
            finished += size.map_or(0, |(len, _)| len);
            match result {
                Ok(stats) => {
                    pass.skipped += stats.skipped;
                    if let Some(nul_at) = stats.binary.filter(|_| !named) {
                        pass.binary_files += 1;
                        config.diagnostics.note(&format_args!(
                            "skipped {}: a binary file (a NUL byte at byte offset {nul_at})",
                            source.name()
                        ));
                    }
                }
                Err(ReadError::Input(e)) => pass.unreadable(config, e),
                Err(ReadError::Sink(e)) => return Err(e),
            }
        }
        pipeline.finish()
    });
    progress.finish();
    outcome?;
    Ok(pass)
}
