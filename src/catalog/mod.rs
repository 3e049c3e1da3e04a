//! The catalog: providers as data (descriptions, per-type schemas, samples), their event types
//! and API versions, and looking a type up by any of its names.

mod builtin;
mod provider;
mod schemas;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde_json::Value;

pub use provider::{Envelope, Headers, ProviderDesc, VersionRule};
pub(crate) use schemas::SchemaStore;

#[derive(Debug, Clone, thiserror::Error)]
pub enum CatalogError {
    #[error("catalog file {file}: not valid JSON: {message}")]
    Json { file: String, message: String },
    #[error("catalog file {file}: {message}")]
    Provider { file: String, message: String },
    #[error("catalog schema {file}: {message}")]
    Schema { file: String, message: String },
    #[error("catalog file {file} is missing")]
    Missing { file: String },
}

type Text = Cow<'static, str>;

/// Descriptive fields of one event type's schema.
#[derive(Debug, Clone, Default)]
pub struct EventInfo {
    pub title: String,
    pub description: String,
    pub docs: Option<String>,
    pub aliases: Vec<String>,
}

pub struct Provider {
    pub desc: ProviderDesc,
    /// Files below the provider folder, by path inside it (`schemas/x.json`, `defs/y.json`).
    files: Vec<(String, Text)>,
    /// Event type -> the API versions that document it (`[""]` for a provider without versions).
    types: BTreeMap<String, Vec<String>>,
    store: OnceLock<Result<SchemaStore, CatalogError>>,
}

impl Provider {
    fn new(desc: ProviderDesc, files: Vec<(String, Text)>) -> Result<Self, CatalogError> {
        let versions = match &desc.version {
            Some(VersionRule::Infer { infer }) => infer.clone(),
            _ => Vec::new(),
        };
        let mut types: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (rel, _) in &files {
            let Some(rest) = rel.strip_prefix("schemas/") else {
                continue;
            };
            let Some(rest) = rest.strip_suffix(".json") else {
                continue;
            };
            let (version, name) = match rest.split_once('/') {
                Some((v, n)) if versions.iter().any(|x| x == v) => (v.to_owned(), n),
                Some(_) => {
                    return Err(CatalogError::Provider {
                        file: format!("{}/{rel}", desc.id),
                        message: format!(
                            "schema folder is not one of the provider's versions ({})",
                            versions.join(", ")
                        ),
                    });
                }
                None => (String::new(), rest),
            };
            types.entry(name.to_owned()).or_default().push(version);
        }
        for list in types.values_mut() {
            list.sort_by_key(|v| versions.iter().position(|x| x == v));
        }
        Ok(Self { desc, files, types, store: OnceLock::new() })
    }

    pub fn id(&self) -> &str {
        &self.desc.id
    }

    /// Every event type, sorted, with the versions that document it.
    pub fn types(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.types.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    pub fn has_type(&self, event_type: &str) -> bool {
        self.types.contains_key(event_type)
    }

    /// The versions documenting `event_type` (oldest first; `[""]` without versions).
    pub fn versions_of(&self, event_type: &str) -> &[String] {
        self.types.get(event_type).map_or(&[], Vec::as_slice)
    }

    /// All API versions the provider knows, oldest first (empty without versions).
    pub fn versions(&self) -> &[String] {
        match &self.desc.version {
            Some(VersionRule::Infer { infer }) => infer,
            _ => &[],
        }
    }

    pub(crate) fn schema_rel(event_type: &str, version: &str) -> String {
        if version.is_empty() {
            format!("schemas/{event_type}.json")
        } else {
            format!("schemas/{version}/{event_type}.json")
        }
    }

    pub(crate) fn schema_uri(&self, event_type: &str, version: &str) -> String {
        schemas::uri(&self.desc.id, &Self::schema_rel(event_type, version))
    }

    pub(crate) fn store(&self) -> Result<&SchemaStore, CatalogError> {
        self.store
            .get_or_init(|| {
                SchemaStore::load(&self.desc.id, self.files.iter().map(|(r, t)| (r.as_str(), t.as_ref())))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The schema document of a type (newest version when `version` is `None`).
    pub fn schema(&self, event_type: &str, version: Option<&str>) -> Result<Option<&Value>, CatalogError> {
        let Some(version) = version.or_else(|| self.versions_of(event_type).last().map(String::as_str))
        else {
            return Ok(None);
        };
        Ok(self.store()?.doc(&self.schema_uri(event_type, version)))
    }

    pub fn info(&self, event_type: &str) -> EventInfo {
        let Ok(Some(schema)) = self.schema(event_type, None) else {
            return EventInfo::default();
        };
        let text = |k: &str| schema.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
        EventInfo {
            title: text("title"),
            description: text("description"),
            docs: schema.get("x-docs").and_then(Value::as_str).map(str::to_owned),
            aliases: schema
                .get("x-aliases")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                .unwrap_or_default(),
        }
    }
}

/// A reference to one event type of one provider.
#[derive(Clone, Copy)]
pub struct TypeRef<'c> {
    pub provider: &'c Provider,
    pub name: &'c str,
}

/// Why a type name given on the command line does not name exactly one type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeLookup {
    NotFound { suggestions: Vec<String> },
    Ambiguous { providers: Vec<String> },
}

pub struct Catalog {
    providers: Vec<Arc<Provider>>,
    samples: Vec<(String, Text)>,
}

impl Catalog {
    /// The catalog compiled into the binary.
    pub fn builtin() -> Result<Self, CatalogError> {
        let mut by_provider: BTreeMap<&str, Vec<(String, Text)>> = BTreeMap::new();
        for (path, text) in builtin::CATALOG {
            let (provider, rel) = path.split_once('/').unwrap_or(("", path));
            by_provider.entry(provider).or_default().push((rel.to_owned(), Cow::Borrowed(*text)));
        }
        let samples = builtin::SAMPLES.iter().map(|(p, t)| ((*p).to_owned(), Cow::Borrowed(*t))).collect();
        Self::from_files(by_provider.into_iter().map(|(p, f)| (p.to_owned(), f)), samples)
    }

    fn from_files(
        providers: impl Iterator<Item = (String, Vec<(String, Text)>)>,
        samples: Vec<(String, Text)>,
    ) -> Result<Self, CatalogError> {
        let mut out = Vec::new();
        for (dir, mut files) in providers {
            let Some(i) = files.iter().position(|(r, _)| r == "provider.json") else {
                continue;
            };
            let (_, text) = files.swap_remove(i);
            let file = format!("{dir}/provider.json");
            let desc: ProviderDesc = serde_json::from_str(&text)
                .map_err(|e| CatalogError::Provider { file: file.clone(), message: e.to_string() })?;
            if desc.id != dir {
                return Err(CatalogError::Provider {
                    file,
                    message: format!("id {:?} differs from its folder name {dir:?}", desc.id),
                });
            }
            out.push(Arc::new(Provider::new(desc, files)?));
        }
        // Specific providers are tried before generic envelopes.
        out.sort_by_key(|p| p.desc.generic);
        Ok(Self { providers: out, samples })
    }

    pub fn providers(&self) -> impl Iterator<Item = &Provider> {
        self.providers.iter().map(AsRef::as_ref)
    }

    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers().find(|p| p.desc.id == id)
    }

    /// The bundled sample of a type (`version` picks the API version's folder when there are several).
    pub fn sample(&self, provider: &str, event_type: &str, version: &str) -> Option<&str> {
        let name = if version.is_empty() {
            format!("{provider}/{event_type}.json")
        } else {
            format!("{provider}/{version}/{event_type}.json")
        };
        self.samples.iter().find(|(p, _)| *p == name).map(|(_, t)| t.as_ref())
    }

    /// Resolves a type name as people write it: the wire name, a documented alias, or a loose
    /// spelling (case, spaces, `_`, `-`, `.` and a trailing "event" ignored).
    pub fn find_type(&self, name: &str, provider: Option<&str>) -> Result<TypeRef<'_>, TypeLookup> {
        let candidates: Vec<&Provider> =
            self.providers().filter(|p| provider.is_none_or(|id| p.desc.id == id)).collect();
        let exact: Vec<TypeRef<'_>> = candidates
            .iter()
            .filter_map(|p| p.types.get_key_value(name).map(|(k, _)| TypeRef { provider: p, name: k }))
            .collect();
        let matches = if exact.is_empty() {
            let wanted = loose(name);
            candidates
                .iter()
                .flat_map(|p| {
                    let wanted = &wanted;
                    p.types.keys().filter_map(move |k| {
                        let hit = loose(k) == *wanted
                            || p.info(k).aliases.iter().any(|a| a == name || loose(a) == *wanted);
                        hit.then_some(TypeRef { provider: p, name: k.as_str() })
                    })
                })
                .collect()
        } else {
            exact
        };
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => Err(TypeLookup::NotFound {
                suggestions: suggest(
                    name,
                    candidates.iter().flat_map(|p| p.types.keys().map(String::as_str)),
                ),
            }),
            many => Err(TypeLookup::Ambiguous {
                providers: many.iter().map(|t| t.provider.desc.id.clone()).collect(),
            }),
        }
    }
}

/// A name reduced to what people agree on: lowercase letters and digits, no trailing "event".
fn loose(name: &str) -> String {
    let mut s: String =
        name.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    if s.len() > 5 && s.ends_with("event") {
        s.truncate(s.len() - 5);
    }
    s
}

/// The closest known names to `name`, best first ("did you mean").
pub(crate) fn suggest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> =
        known.map(|k| (strsim::jaro_winkler(&loose(name), &loose(k)), k)).filter(|(s, _)| *s > 0.8).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, k)| k.to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_names_ignore_case_separators_and_event_suffix() {
        assert_eq!(loose("JobFinishedEvent"), loose("job_finished_event"));
        assert_eq!(loose("job_finished"), loose("job_finished_event"));
        assert_eq!(loose("File Done"), loose("file_done_event"));
        assert_eq!(loose("recording.ready-to-download"), "recordingreadytodownload");
    }

    #[test]
    fn every_builtin_schema_is_valid_and_compiles() {
        let catalog = Catalog::builtin().unwrap();
        assert_eq!(catalog.providers().count(), 3);
        let mut compiled = 0;
        for provider in catalog.providers() {
            let store = provider.store().unwrap();
            for (name, versions) in provider.types() {
                for version in versions {
                    let uri = provider.schema_uri(name, version);
                    let schema = store.doc(&uri).unwrap();
                    if let Err(e) = jsonschema::meta::validate(schema) {
                        panic!("{uri}: not a valid JSON Schema: {e}");
                    }
                    assert_eq!(
                        schema.get("$schema").and_then(Value::as_str),
                        Some("https://json-schema.org/draft/2020-12/schema"),
                        "{uri}"
                    );
                    store.validator(&uri).unwrap_or_else(|e| panic!("{e}"));
                    compiled += 1;
                }
            }
        }
        assert!(compiled > 33 + 25 + 40);
    }

    #[test]
    fn type_lookup_by_alias_and_ambiguity() {
        let catalog = Catalog::builtin().unwrap();
        let found = catalog.find_type("JobFinishedEvent", None).ok().unwrap();
        assert_eq!((found.provider.id(), found.name), ("alfred", "job_finished_event"));
        let found = catalog.find_type("recording.ready-to-download", Some("daily")).ok().unwrap();
        assert_eq!(found.name, "recording.ready-to-download");
        assert!(matches!(catalog.find_type("nothing.like.it", None), Err(TypeLookup::NotFound { .. })));
    }

    #[test]
    fn suggestions_rank_close_names_first() {
        let known = ["recording.error", "recording.started", "meeting.ended"];
        let s = suggest("recording.eror", known.into_iter());
        assert_eq!(s.first().map(String::as_str), Some("recording.error"));
        assert!(suggest("zzzz", known.into_iter()).is_empty());
    }
}
