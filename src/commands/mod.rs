//! The subcommands, one per file, and the loop over input events that most of them share.

pub mod catalog;
pub mod completions;
pub mod detect;
pub mod diff;
pub mod filter;
pub mod inspect;
pub mod list;
pub mod listen;
pub mod sample;
pub mod schema;
pub mod send;
pub mod sign;
pub mod stats;
pub mod validate;
pub mod verify;

use std::io::IsTerminal;
use std::sync::Arc;

use crate::analyze::{Analyzed, Analyzer};
use crate::catalog::{Catalog, Provider, TypeLookup, TypeRef};
use crate::cli::InputArgs;
use crate::config::Config;
use crate::detect::Forced;
use crate::exit::Outcome;
use crate::input::{InputError, ReadError, Source, expand, read_records};
use crate::output::Progress;
use crate::pipeline::{Job, Pipeline, Render};
use crate::report::Status;

/// hookscope was asked for something it cannot do (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// A provider named on the command line: ids are lower case, and `Daily` means `daily`.
pub(crate) fn find_provider<'c>(catalog: &'c Catalog, id: &str) -> Result<&'c Provider, UsageError> {
    let found =
        catalog.provider(id).or_else(|| catalog.providers().find(|p| p.id().eq_ignore_ascii_case(id)));
    found.ok_or_else(|| {
        let known: Vec<&str> = catalog.providers().map(Provider::id).collect();
        UsageError(format!("unknown provider {id:?} (known: {})", known.join(", ")))
    })
}

pub(crate) fn find_type<'c>(
    catalog: &'c Catalog,
    name: &str,
    provider: Option<&str>,
) -> Result<TypeRef<'c>, UsageError> {
    catalog.find_type(name, provider).map_err(|e| match e {
        TypeLookup::NotFound { suggestions } if suggestions.is_empty() => {
            UsageError(format!("unknown event type {name:?} (see `hookscope list`)"))
        }
        TypeLookup::NotFound { suggestions } => UsageError(format!(
            "unknown event type {name:?}; did you mean {}?",
            suggestions.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(" or ")
        )),
        TypeLookup::Ambiguous { providers } => UsageError(format!(
            "event type {name:?} exists for several providers ({}); choose one with --provider",
            providers.join(", ")
        )),
    })
}

/// The API or envelope versions a provider documents: inferred ones (Extend) or stated ones
/// (`version.known`, Daily).
fn documented_versions(provider: &Provider) -> &[String] {
    if provider.versions().is_empty() { provider.known_versions() } else { provider.versions() }
}

fn check_version(provider: &Provider, version: &str) -> Result<(), UsageError> {
    let known = documented_versions(provider);
    if known.iter().any(|v| v == version) {
        Ok(())
    } else if known.is_empty() {
        Err(UsageError(format!("{} documents no API versions; --api-version does not apply", provider.id())))
    } else {
        Err(UsageError(format!(
            "unknown API version {version:?} for {} (known: {})",
            provider.id(),
            known.join(", ")
        )))
    }
}

/// What to force instead of detecting, checked against the catalog.
fn resolve_forced<'c>(
    catalog: &'c Catalog,
    provider: Option<&'c str>,
    event_type: Option<&'c str>,
    api_version: Option<&'c str>,
) -> Result<Forced<'c>, UsageError> {
    let provider = provider.map(|id| find_provider(catalog, id)).transpose()?;
    let event_type = event_type.map(|t| find_type(catalog, t, provider.map(Provider::id))).transpose()?;
    if let Some(version) = api_version {
        let owners: Vec<&Provider> = match (event_type, provider) {
            (Some(t), _) => vec![t.provider],
            (None, Some(p)) => vec![p],
            (None, None) => catalog.providers().filter(|p| !documented_versions(p).is_empty()).collect(),
        };
        if let [only] = owners.as_slice() {
            check_version(only, version)?;
        } else if owners.iter().all(|p| check_version(p, version).is_err()) {
            let known: Vec<String> =
                owners.iter().map(|p| format!("{} {}", p.id(), documented_versions(p).join(", "))).collect();
            return Err(UsageError(format!(
                "unknown API version {version:?} (known: {}); it applies to the provider that documents it",
                known.join("; ")
            )));
        }
    }
    Ok(Forced { provider, event_type, api_version })
}

/// How one source is read: forced choices and the status its fixture entry expects.
#[derive(Clone, Copy, Default)]
struct Selection<'c> {
    forced: Forced<'c>,
    expect: Option<Status>,
}

/// The command line's choices, then each `[[fixtures]]` entry of the project file, resolved once.
struct Selections<'c> {
    command_line: Selection<'c>,
    forced_on_command_line: bool,
    fixtures: Vec<Selection<'c>>,
}

impl<'c> Selections<'c> {
    fn new(config: &'c Config, input: &'c InputArgs) -> Result<Self, UsageError> {
        let catalog = &config.catalog;
        let forced = resolve_forced(
            catalog,
            input.provider.as_deref(),
            input.event_type.as_deref(),
            input.api_version.as_deref(),
        )?;
        let mut fixtures = Vec::new();
        for (i, f) in config.project.iter().flat_map(|p| p.file.fixtures.iter()).enumerate() {
            let forced = resolve_forced(
                catalog,
                f.provider.as_deref(),
                f.event_type.as_deref(),
                f.api_version.as_deref(),
            )
            .map_err(|e| UsageError(format!("project file, fixtures[{i}]: {e}")))?;
            fixtures.push(Selection { forced, expect: f.expect });
        }
        Ok(Self {
            command_line: Selection { forced, expect: None },
            forced_on_command_line: input.provider.is_some()
                || input.event_type.is_some()
                || input.api_version.is_some(),
            fixtures,
        })
    }

    /// The selection for a source: the command line's forcing wins over a fixture entry's, and a
    /// fixture entry's expectation applies either way.
    fn for_source(&self, config: &Config, source: &Source) -> Selection<'c> {
        let fixture = match (source, &config.project) {
            (Source::File(path), Some(project)) => project.fixture_index(path).map(|i| self.fixtures[i]),
            _ => None,
        };
        match fixture {
            Some(f) if self.forced_on_command_line => Selection { expect: f.expect, ..self.command_line },
            Some(f) => f,
            None => self.command_line,
        }
    }
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
    let engine = Analyzer::new(&config.catalog).detect_only(work.detect_only);
    let selections = Selections::new(config, input)?;
    let mut pass = Pass { outcome: Outcome::default(), skipped: 0, unreadable: Vec::new() };
    let sources = sources(config, input, &mut pass)?;
    let threads = crate::config::threads(input.read.threads);
    let mut progress = Progress::new();
    let mut events = 0usize;
    let outcome = std::thread::scope(|scope| -> anyhow::Result<()> {
        let mut pipeline = Pipeline::new(scope, &engine, work.render, threads, handle);
        for (i, source) in sources.iter().enumerate() {
            let selection = selections.for_source(config, source);
            let path = match source {
                Source::File(path) => Some(path.as_path()),
                Source::Stdin => None,
            };
            let policy = Arc::new(config.policy(strict, path));
            let result = read_records(source, input.read_options(), &mut |record| {
                events += 1;
                progress.tick(events, i + 1);
                pipeline.push(Job {
                    record,
                    forced: selection.forced,
                    expect: selection.expect,
                    policy: Arc::clone(&policy),
                })
            });
            match result {
                Ok(stats) => pass.skipped += stats.skipped,
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
