//! Settings, free of clap types: the project file, the catalog and diagnostics, resolved once
//! at start-up, and the one place where a command's flags meet the project file and the
//! environment (strictness, finding levels, threads, forced provider/type/version and fixture
//! entries, diff ignores, secrets), so commands get plain resolved values.

use std::path::{Path, PathBuf};

use crate::catalog::{Catalog, Provider, TypeLookup, TypeRef};
use crate::detect::Forced;
use crate::input::Source;
use crate::model::Status;
use crate::output::{ColorChoice, Diagnostics};
use crate::policy::Policy;
use crate::project::Project;
use crate::secret::{self, Secret, SecretError, Secrets, split_key};

pub(crate) struct Config {
    pub catalog: Catalog,
    pub project: Option<Project>,
    pub diagnostics: Diagnostics,
}

impl Config {
    /// Finds the project file, then loads the built-in catalog (unless `no_builtin`) and the
    /// user catalogs: the project file's `catalogs`, then `--catalog` / `HOOKSCOPE_CATALOG`.
    pub(crate) fn new(
        color: ColorChoice,
        project_file: Option<&Path>,
        no_project: bool,
        catalogs: &[PathBuf],
        no_builtin: bool,
    ) -> anyhow::Result<Self> {
        let project = Project::find(project_file, no_project)?;
        let mut dirs: Vec<PathBuf> =
            project.iter().flat_map(|p| p.file.catalogs.iter().map(|c| p.resolve(c))).collect();
        dirs.extend(catalogs.iter().filter(|c| !c.as_os_str().is_empty()).cloned());
        let catalog = Catalog::load(!no_builtin, &dirs)?;
        Ok(Self { catalog, project, diagnostics: Diagnostics::new(color) })
    }

    /// `validate --strict`, or `[validate] strict = true` in the project file.
    pub(crate) fn strict(&self, flag: bool) -> bool {
        flag || self.project.as_ref().is_some_and(|p| p.file.validate.strict)
    }

    /// What the settings do to the verdict on events of `source` (a file, or `None` for standard
    /// input and live deliveries): strictness and the project file's `[[findings]]` levels.
    pub(crate) fn policy(&self, strict: bool, source: Option<&Path>) -> Policy {
        match &self.project {
            Some(project) => project.policy(strict, source),
            None => Policy { strict, rules: Vec::new() },
        }
    }

    /// What to force instead of detecting, from the command line (`--provider`, `--type`,
    /// `--api-version`), then from each `[[fixtures]]` entry of the project file, checked
    /// against the catalog once.
    pub(crate) fn selections<'c>(
        &'c self,
        provider: Option<&'c str>,
        event_type: Option<&'c str>,
        api_version: Option<&'c str>,
    ) -> Result<Selections<'c>, UsageError> {
        Selections::new(self, provider, event_type, api_version)
    }

    /// Where each record's event is (`--at`): the command line's pointers, else the project
    /// file's `at`.
    pub(crate) fn at(&self, given: &[String]) -> Vec<String> {
        if given.is_empty() {
            self.project.iter().flat_map(|p| p.file.at.iter().cloned()).collect()
        } else {
            given.to_vec()
        }
    }

    /// `diff --ignore` patterns, then the project file's `[diff] ignore`.
    pub(crate) fn diff_ignore(&self, given: &[String]) -> Vec<String> {
        let project = self.project.iter().flat_map(|p| p.file.diff.ignore.iter());
        given.iter().chain(project).cloned().collect()
    }

    /// `verify`'s secrets: keyed and unkeyed ones from the command line (`--secret-env [KEY=]NAME`,
    /// `--secret-file [KEY=]PATH`), then the project file's `[verify] secret_env` for keys the
    /// command line did not give. Every key must name a provider or a signature scheme of the
    /// catalog. `events_from_stdin`: standard input is taken, so no secret can come from it.
    pub(crate) fn verify_secrets(
        &self,
        env: &[String],
        files: &[String],
        events_from_stdin: bool,
    ) -> Result<Secrets, SecretError> {
        let stdin_secrets = files.iter().filter(|f| split_key(f).1 == "-").count();
        if stdin_secrets > 1 {
            return Err(SecretError("--secret-file -: standard input can hold only one secret".to_owned()));
        }
        if stdin_secrets == 1 && events_from_stdin {
            return Err(SecretError(
                "--secret-file - reads the secret from standard input, so the events cannot come from it too: \
                 name the files to verify"
                    .to_owned(),
            ));
        }
        let mut secrets = Secrets::default();
        for text in env {
            let (key, name) = split_key(text);
            let key = key.map(|k| self.secret_key(&format!("--secret-env {text}"), k)).transpose()?;
            let bytes = secret::from_env("--secret-env", name)?;
            secrets.list.push(Secret { key, origin: format!("--secret-env {name}"), bytes });
        }
        for text in files {
            let (key, path) = split_key(text);
            let key = key.map(|k| self.secret_key(&format!("--secret-file {text}"), k)).transpose()?;
            let bytes = secret::from_file("--secret-file", Path::new(path))?;
            secrets.list.push(Secret { key, origin: format!("--secret-file {path}"), bytes });
        }
        for (key, name) in self.project.iter().flat_map(|p| &p.file.verify.secret_env) {
            let key = self.secret_key(&format!("project file, verify.secret_env.{key}"), key)?;
            if secrets.list.iter().any(|s| s.key.as_deref() == Some(key.as_str())) {
                continue;
            }
            match secret::from_env("--secret-env", name) {
                Ok(bytes) => {
                    let origin = format!("{name} (project file)");
                    secrets.list.push(Secret { key: Some(key), origin, bytes });
                }
                // Unset is fine until a delivery of that key needs it.
                Err(_) => secrets.unset.push((key, name.clone())),
            }
        }
        if secrets.list.is_empty() {
            let unset: Vec<&str> = secrets.unset.iter().map(|(_, name)| name.as_str()).collect();
            let why = if unset.is_empty() {
                String::new()
            } else {
                format!(" (the project file names {}, not set)", unset.join(", "))
            };
            return Err(SecretError(format!(
                "no secret{why}: give it with --secret-env [KEY=]NAME or --secret-file [KEY=]PATH, or name \
                 the variable in hookscope.toml under [verify] secret_env"
            )));
        }
        Ok(secrets)
    }

    /// A secret's key, which must name a provider or a signature scheme (any case): lower-cased.
    fn secret_key(&self, flag: &str, key: &str) -> Result<String, SecretError> {
        let mut keys: Vec<String> = self.catalog.providers().map(|p| p.id().to_owned()).collect();
        keys.extend(self.catalog.schemes().map(|s| s.name().to_owned()));
        keys.sort();
        keys.dedup();
        if keys.iter().any(|k| k.eq_ignore_ascii_case(key)) {
            return Ok(key.to_ascii_lowercase());
        }
        let hint = crate::near::suggest(key, keys.iter().map(String::as_str))
            .first()
            .map(|h| format!("did you mean {h:?}? "))
            .unwrap_or_default();
        Err(SecretError(format!(
            "{flag}: {key:?} names no provider or signature scheme; {hint}(known: {})",
            keys.join(", ")
        )))
    }
}

/// hookscope was asked for something it cannot do (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct UsageError(pub String);

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
        // Known, but to another provider than the one named.
        TypeLookup::NotFound { .. }
            if let Some(p) = provider
                && let Ok(found) = catalog.find_type(name, None) =>
        {
            UsageError(format!(
                "event type {name:?} is {}'s, not {p}'s: leave out --provider {p}, or give --provider {}",
                found.provider.id(),
                found.provider.id()
            ))
        }
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
pub(crate) struct Selection<'c> {
    pub forced: Forced<'c>,
    pub expect: Option<Status>,
}

/// The command line's choices, then each `[[fixtures]]` entry of the project file, resolved once.
pub(crate) struct Selections<'c> {
    config: &'c Config,
    command_line: Selection<'c>,
    forced_on_command_line: bool,
    fixtures: Vec<Selection<'c>>,
}

impl<'c> Selections<'c> {
    fn new(
        config: &'c Config,
        provider: Option<&'c str>,
        event_type: Option<&'c str>,
        api_version: Option<&'c str>,
    ) -> Result<Self, UsageError> {
        let catalog = &config.catalog;
        let forced = resolve_forced(catalog, provider, event_type, api_version)?;
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
            config,
            command_line: Selection { forced, expect: None },
            forced_on_command_line: provider.is_some() || event_type.is_some() || api_version.is_some(),
            fixtures,
        })
    }

    /// The selection for a source: the command line's forcing wins over a fixture entry's, and a
    /// fixture entry's expectation applies either way.
    pub(crate) fn for_source(&self, source: &Source) -> Selection<'c> {
        let fixture = match (source, &self.config.project) {
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

/// Threads analysing events: as many as asked for, else one per core.
pub(crate) fn threads(requested: Option<usize>) -> usize {
    requested.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}
