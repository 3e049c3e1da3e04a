//! The project file (`hookscope.toml` or `.hookscope.toml`, found in the current directory or
//! above, or named by `--config`): fixture expectations and per-command defaults.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::model::{Status, code};
use crate::policy::{Level, Policy, Rule};

pub(crate) const FILE_NAMES: &[&str] = &["hookscope.toml", ".hookscope.toml"];

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct ProjectFile {
    /// User catalogs to load, relative to the project file.
    pub catalogs: Vec<PathBuf>,
    /// JSON Pointers to the event inside each record (`--at`), the first that exists winning.
    pub at: Vec<String>,
    pub validate: ValidateSection,
    pub diff: DiffSection,
    pub verify: VerifySection,
    pub fixtures: Vec<Fixture>,
    /// Per-code levels: silence a finding code, or make it a warning or an error.
    pub findings: Vec<FindingEntry>,
}

/// `[[findings]]`: the level of one finding code, in the files matched by `paths` (every file
/// when empty) and at the pointers matched by `pointers` (every pointer when empty).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FindingEntry {
    pub code: String,
    pub level: Level,
    #[serde(default)]
    pub paths: Vec<String>,
    #[serde(default)]
    pub pointers: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct ValidateSection {
    pub strict: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct DiffSection {
    pub ignore: Vec<String>,
}

/// `[verify]`: which environment variable holds the secret of each provider or scheme. Names
/// only: a secret's value never belongs in a file that is committed.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct VerifySection {
    pub secret_env: std::collections::BTreeMap<String, String>,
}

/// Files matched by `paths` are read as this provider/type/version, and must end with this status.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Fixture {
    pub paths: Vec<String>,
    pub provider: Option<String>,
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    pub api_version: Option<String>,
    pub expect: Option<Status>,
}

/// A malformed or unreadable project file (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub(crate) struct ProjectError {
    pub path: String,
    pub message: String,
}

pub(crate) struct Project {
    /// The folder the project file's relative paths and globs start from.
    pub dir: PathBuf,
    /// The project file's name as the user knows it (`hookscope.toml`).
    name: String,
    pub file: ProjectFile,
    globs: Vec<GlobSet>,
    /// The `[[findings]]` entries, compiled, each with the files it applies to (`None`: all).
    rules: Vec<(Option<GlobSet>, Arc<Rule>)>,
}

impl Project {
    /// The project file to use: the one named, else the nearest one upward from the current
    /// directory, unless disabled.
    pub(crate) fn find(explicit: Option<&Path>, disabled: bool) -> Result<Option<Self>, ProjectError> {
        if disabled {
            return Ok(None);
        }
        if let Some(path) = explicit {
            return Self::load(path).map(Some);
        }
        let Ok(cwd) = std::env::current_dir() else { return Ok(None) };
        for dir in cwd.ancestors() {
            for name in FILE_NAMES {
                let candidate = dir.join(name);
                if candidate.is_file() {
                    return Self::load(&candidate).map(Some);
                }
            }
        }
        Ok(None)
    }

    pub(crate) fn load(path: &Path) -> Result<Self, ProjectError> {
        let error = |message: String| ProjectError { path: path.display().to_string(), message };
        let text = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
        Self::parse(path, &text).map_err(error)
    }

    fn parse(path: &Path, text: &str) -> Result<Self, String> {
        // toml's messages name the line and column and quote the line.
        let file: ProjectFile = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_owned())?;
        let mut globs = Vec::new();
        for (i, fixture) in file.fixtures.iter().enumerate() {
            if fixture.paths.is_empty() {
                return Err(format!("fixtures[{i}]: `paths` is empty"));
            }
            let mut set = GlobSetBuilder::new();
            for pattern in &fixture.paths {
                let glob = Glob::new(pattern.trim_start_matches("./"))
                    .map_err(|e| format!("fixtures[{i}]: bad glob {pattern:?}: {e}"))?;
                set.add(glob);
            }
            globs.push(set.build().map_err(|e| format!("fixtures[{i}]: {e}"))?);
        }
        for pointer in &file.at {
            crate::json::pointer_syntax(pointer).map_err(|e| format!("at: {pointer:?}: {e}"))?;
        }
        for (key, name) in &file.verify.secret_env {
            // The value is not quoted back: it may be a secret pasted by mistake.
            let is_name = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !is_name {
                return Err(format!(
                    "verify.secret_env.{key}: not an environment variable name (the project file names \
                     the variable that holds a secret, never the secret itself)"
                ));
            }
        }
        let mut rules = Vec::new();
        for (i, entry) in file.findings.iter().enumerate() {
            if !code::ALL.contains(&entry.code.as_str()) {
                let hints = crate::near::suggest(&entry.code, code::ALL.iter().copied());
                let hint = hints.first().map(|h| format!("; did you mean {h:?}?")).unwrap_or_default();
                return Err(format!("findings[{i}]: unknown finding code {:?}{hint}", entry.code));
            }
            let paths = if entry.paths.is_empty() {
                None
            } else {
                Some(
                    glob_set(&entry.paths, |p| p.trim_start_matches("./").to_owned(), false)
                        .map_err(|e| format!("findings[{i}]: {e}"))?,
                )
            };
            let pointers = if entry.pointers.is_empty() {
                None
            } else {
                Some(
                    glob_set(&entry.pointers, str::to_owned, true)
                        .map_err(|e| format!("findings[{i}]: {e}"))?,
                )
            };
            rules.push((paths, Arc::new(Rule { code: entry.code.clone(), level: entry.level, pointers })));
        }
        let absolute = lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
        let dir = absolute.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        let name = path
            .file_name()
            .map_or_else(|| "hookscope.toml".to_owned(), |n| n.to_string_lossy().into_owned());
        Ok(Self { dir, name, file, globs, rules })
    }

    /// The settings for the events of one source: `strict`, and the `[[findings]]` entries whose
    /// paths match it (`None` for standard input, which only the path-less entries reach).
    pub(crate) fn policy(&self, strict: bool, source: Option<&Path>) -> Policy {
        let relative = source
            .and_then(|s| std::path::absolute(s).ok())
            .map(|a| lexical(&a))
            .and_then(|a| a.strip_prefix(&self.dir).ok().map(Path::to_path_buf));
        let rules = self
            .rules
            .iter()
            .filter(|(paths, _)| match (paths, &relative) {
                (None, _) => true,
                (Some(globs), Some(rel)) => globs.is_match(rel),
                (Some(_), None) => false,
            })
            .map(|(_, rule)| Arc::clone(rule))
            .collect();
        Policy { strict, rules }
    }

    /// Whether `text` is a valid project file (the fuzz target's entry).
    pub(crate) fn parse_for_fuzzing(text: &str) -> bool {
        Self::parse(Path::new("/fuzz/hookscope.toml"), text).is_ok()
    }

    /// The index of the fixture entry that applies to a source path (relative to the project
    /// file): the last one whose globs match it. The same rule as `[[findings]]`, where the last
    /// matching entry sets a finding's level: a later entry refines an earlier, broader one.
    pub(crate) fn fixture_index(&self, source: &Path) -> Option<usize> {
        let absolute = lexical(&std::path::absolute(source).ok()?);
        let relative = absolute.strip_prefix(&self.dir).ok()?;
        self.globs.iter().rposition(|g| g.is_match(relative))
    }

    /// The fixture entry that applies to a source, named for reports:
    /// `hookscope.toml [[fixtures]] #2 (paths = ["bad/**"])`.
    pub(crate) fn fixture_name(&self, source: &Path) -> Option<String> {
        let i = self.fixture_index(source)?;
        let paths: Vec<String> = self.file.fixtures[i].paths.iter().map(|p| format!("{p:?}")).collect();
        Some(format!("{} [[fixtures]] #{} (paths = [{}])", self.name, i + 1, paths.join(", ")))
    }

    /// A path from the project file, made relative to where it stands.
    pub(crate) fn resolve(&self, path: &Path) -> PathBuf {
        self.dir.join(path)
    }
}

/// A set of globs; `literal_separator` keeps `*` within one `/` segment (for JSON Pointers).
fn glob_set(
    patterns: &[String],
    normalise: impl Fn(&str) -> String,
    literal_separator: bool,
) -> Result<GlobSet, String> {
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = globset::GlobBuilder::new(&normalise(pattern))
            .literal_separator(literal_separator)
            .build()
            .map_err(|e| format!("bad glob {pattern:?}: {e}"))?;
        set.add(glob);
    }
    set.build().map_err(|e| e.to_string())
}

/// An absolute path with `.` and `..` resolved by their names alone, as the user wrote them
/// (symbolic links are not followed, so `bad/**` means the folder the user sees).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fixtures_and_sections() {
        let text = r#"
[validate]
strict = true

[diff]
ignore = ["/payload/**/createdAt"]

[[fixtures]]
paths = ["bad/**"]
expect = "invalid"

[[fixtures]]
paths = ["extend/*.json"]
provider = "extend"
api_version = "2025-04-21"
"#;
        let project = Project::parse(Path::new("/repo/hookscope.toml"), text).unwrap();
        assert!(project.file.validate.strict);
        assert_eq!(project.file.diff.ignore, ["/payload/**/createdAt"]);
        let fixture = |p: &str| project.fixture_index(Path::new(p)).map(|i| &project.file.fixtures[i]);
        assert_eq!(fixture("/repo/bad/x/y.json").unwrap().expect, Some(Status::Invalid));
        assert_eq!(fixture("/repo/extend/a.json").unwrap().provider.as_deref(), Some("extend"));
        assert!(fixture("/repo/good/a.json").is_none());
        assert!(fixture("/elsewhere/bad/a.json").is_none());
        assert!(fixture("/repo/good/../bad/a.json").is_some());
        assert_eq!(
            project.fixture_name(Path::new("/repo/bad/a.json")).unwrap(),
            "hookscope.toml [[fixtures]] #1 (paths = [\"bad/**\"])"
        );
    }

    #[test]
    fn the_last_matching_fixture_entry_applies() {
        let text = "[[fixtures]]\npaths = [\"bad/**\"]\nexpect = \"invalid\"\n\n\
                    [[fixtures]]\npaths = [\"bad/unparsable/*\"]\nexpect = \"unparsable\"\n";
        let project = Project::parse(Path::new("/repo/hookscope.toml"), text).unwrap();
        let expect =
            |p: &str| project.fixture_index(Path::new(p)).and_then(|i| project.file.fixtures[i].expect);
        assert_eq!(expect("/repo/bad/a.json"), Some(Status::Invalid));
        assert_eq!(expect("/repo/bad/unparsable/b.json"), Some(Status::Unparsable), "the later entry wins");
    }

    #[test]
    fn verify_secrets_are_variable_names_never_values() {
        let text = "[verify]\nsecret_env = {daily = \"DAILY_SECRET\", standard-webhooks = \"_K2\"}\n";
        let project = Project::parse(Path::new("/repo/hookscope.toml"), text).unwrap();
        assert_eq!(project.file.verify.secret_env["daily"], "DAILY_SECRET");
        let text = "[verify]\nsecret_env = {daily = \"whsec_abc+/=\"}\n";
        let err = Project::parse(Path::new("h.toml"), text).err().unwrap();
        assert!(err.contains("verify.secret_env.daily") && !err.contains("whsec_abc"), "{err}");
    }

    #[test]
    fn errors_name_the_line() {
        let err = Project::parse(Path::new("h.toml"), "[validate]\nstrict = yes\n").err().unwrap();
        assert!(err.contains("line 2"), "{err}");
        let err = Project::parse(Path::new("h.toml"), "[[fixtures]]\npaths = [\"a\"]\nexpect = \"great\"\n")
            .err()
            .unwrap();
        assert!(err.contains("line 3") && err.contains("great"), "{err}");
        let err = Project::parse(Path::new("h.toml"), "[validat]\n").err().unwrap();
        assert!(err.contains("line 1") && err.contains("validat"), "{err}");
    }
}
