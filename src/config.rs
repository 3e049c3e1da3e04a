//! Settings, free of clap types: the project file, the catalog and diagnostics, resolved once
//! at start-up, and the one place where a command's flags meet the project file and the
//! environment (strictness, finding levels, threads, diff ignores, secrets), so commands get
//! plain resolved values.

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::output::{ColorChoice, Diagnostics};
use crate::policy::Policy;
use crate::project::Project;
use crate::secret::{self, Secret, SecretError, Secrets, split_key};

pub struct Config {
    pub catalog: Catalog,
    pub project: Option<Project>,
    pub diagnostics: Diagnostics,
}

impl Config {
    /// Finds the project file, then loads the built-in catalog (unless `no_builtin`) and the
    /// user catalogs: the project file's `catalogs`, then `--catalog` / `HOOKSCOPE_CATALOG`.
    pub fn new(
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
    pub fn strict(&self, flag: bool) -> bool {
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
        let hint = crate::catalog::suggest(key, keys.iter().map(String::as_str))
            .first()
            .map(|h| format!("did you mean {h:?}? "))
            .unwrap_or_default();
        Err(SecretError(format!(
            "{flag}: {key:?} names no provider or signature scheme; {hint}(known: {})",
            keys.join(", ")
        )))
    }
}

/// Threads analysing events: as many as asked for, else one per core.
pub(crate) fn threads(requested: Option<usize>) -> usize {
    requested.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}
