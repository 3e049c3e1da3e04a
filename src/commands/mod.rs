//! The subcommands, one per file, and the loop over input events that most of them share.

pub mod detect;
pub mod inspect;
pub mod list;
pub mod sample;
pub mod schema;
pub mod validate;

use std::io::IsTerminal;

use crate::analyze::{Analyzed, Analyzer};
use crate::catalog::{Catalog, Provider, TypeLookup, TypeRef};
use crate::cli::InputArgs;
use crate::config::Config;
use crate::detect::Forced;
use crate::exit::Outcome;
use crate::input::{ReadError, Source, expand, read_records};

/// hookscope was asked for something it cannot do (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

pub(crate) fn find_provider<'c>(catalog: &'c Catalog, id: &str) -> Result<&'c Provider, UsageError> {
    catalog.provider(id).ok_or_else(|| {
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

fn check_version(provider: &Provider, version: &str) -> Result<(), UsageError> {
    if provider.versions().is_empty() || provider.versions().iter().any(|v| v == version) {
        Ok(())
    } else {
        Err(UsageError(format!(
            "unknown API version {version:?} for {} (known: {})",
            provider.id(),
            provider.versions().join(", ")
        )))
    }
}

/// The choices forced on the command line, checked against the catalog.
pub(crate) fn forced<'c>(catalog: &'c Catalog, input: &'c InputArgs) -> Result<Forced<'c>, UsageError> {
    let provider = input.provider.as_deref().map(|id| find_provider(catalog, id)).transpose()?;
    let event_type =
        input.event_type.as_deref().map(|t| find_type(catalog, t, provider.map(Provider::id))).transpose()?;
    if let Some(version) = input.api_version.as_deref() {
        let owners: Vec<&Provider> = match (event_type, provider) {
            (Some(t), _) => vec![t.provider],
            (None, Some(p)) => vec![p],
            (None, None) => catalog.providers().filter(|p| !p.versions().is_empty()).collect(),
        };
        if !owners.is_empty() && owners.iter().all(|p| check_version(p, version).is_err()) {
            return Err(check_version(owners[0], version).unwrap_err());
        }
    }
    Ok(Forced { provider, event_type, api_version: input.api_version.as_deref() })
}

/// The sources named by PATHS, or standard input when none are given and it is not a terminal.
fn sources(config: &Config, input: &InputArgs, outcome: &mut Outcome) -> Result<Vec<Source>, UsageError> {
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
    let (sources, errors) = expand(&input.paths);
    for error in errors {
        config.diagnostics.error(&error);
        outcome.error = true;
    }
    Ok(sources)
}

/// What a pass over the input leaves besides the events: the outcome so far and the count of
/// lines skipped on purpose (log lines without JSON).
pub(crate) struct Pass {
    pub outcome: Outcome,
    pub skipped: usize,
}

/// Reads every event of the input in order and hands each analysed record to `handle`.
/// Unreadable paths are reported on stderr as they are met and make the outcome an error;
/// the run goes on with the rest.
pub(crate) fn for_each_event(
    config: &Config,
    input: &InputArgs,
    handle: &mut dyn FnMut(&Analyzed) -> anyhow::Result<()>,
) -> anyhow::Result<Pass> {
    let engine = Analyzer::new(&config.catalog, forced(&config.catalog, input)?);
    let mut pass = Pass { outcome: Outcome::default(), skipped: 0 };
    for source in sources(config, input, &mut pass.outcome)? {
        let result = read_records(&source, input.input, &mut |record| {
            let analyzed = engine.analyze(record)?;
            handle(&analyzed)
        });
        match result {
            Ok(stats) => pass.skipped += stats.skipped,
            Err(ReadError::Input(e)) => {
                config.diagnostics.error(&e);
                pass.outcome.error = true;
            }
            Err(ReadError::Sink(e)) => return Err(e),
        }
    }
    Ok(pass)
}
