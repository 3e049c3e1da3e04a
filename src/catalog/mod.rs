//! The catalog: providers as data (descriptions, per-type schemas, samples), their event types
//! and API versions, and looking a type up by any of its names.

mod builtin;
mod keywords;
mod provider;
mod schemas;
mod shape;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde_json::Value;

pub(crate) use crate::signature::DefaultScheme;
use crate::signature::{NO_SCHEME, Scheme, Signer};

pub(crate) use keywords::EXPECTED;
pub(crate) use provider::{Envelope, Headers, ProviderDesc, Signature, VersionRule};
pub(crate) use schemas::{Compiled, KeywordNode, SchemaStore};
pub(crate) use shape::{Additional, Check, Node, NodeId, Shape};

/// The URI a provider's catalog file is known by.
pub(crate) fn schema_uri(provider: &str, rel: &str) -> String {
    schemas::uri(provider, rel)
}

#[derive(Debug, Clone, thiserror::Error)]
pub(crate) enum CatalogError {
    #[error("catalog file {file}: not valid JSON: {message}")]
    Json { file: String, message: String },
    #[error("catalog file {file}: {message}")]
    Provider { file: String, message: String },
    #[error("catalog schema {file}: {message}")]
    Schema { file: String, message: String },
    #[error("catalog file {file} is missing")]
    Missing { file: String },
    #[error("catalog {file}: {message}")]
    Io { file: String, message: String },
}

type Text = Cow<'static, str>;

/// Descriptive fields of one event type's schema.
#[derive(Debug, Clone, Default)]
pub(crate) struct EventInfo {
    pub title: String,
    pub description: String,
    pub docs: Option<String>,
    pub aliases: Vec<String>,
}

pub(crate) struct Provider {
    pub desc: ProviderDesc,
    /// `provider.json` as written.
    description: Text,
    pub origin: Origin,
    /// Files below the provider folder, by path inside it (`schemas/x.json`, `defs/y.json`).
    files: Vec<(String, Text)>,
    /// Samples, by path inside the provider's sample folder (`x.json`, `<version>/x.json`).
    samples: Vec<(String, Text)>,
    /// Event type -> the API versions that document it (`[""]` for a provider without versions).
    types: BTreeMap<String, Vec<String>>,
    store: OnceLock<Result<SchemaStore, CatalogError>>,
}

impl Provider {
    fn from_files(read: ProviderFiles) -> Result<Self, CatalogError> {
        let ProviderFiles { id, origin, mut files, samples } = read;
        let Some(i) = files.iter().position(|(r, _)| r == "provider.json") else {
            return Err(CatalogError::Missing { file: origin.file(&id, "provider.json") });
        };
        let (_, text) = files.swap_remove(i);
        let file = origin.file(&id, "provider.json");
        let desc: ProviderDesc = serde_json::from_str(&text)
            .map_err(|e| CatalogError::Provider { file: file.clone(), message: e.to_string() })?;
        if desc.id != id {
            return Err(CatalogError::Provider {
                file,
                message: format!("id {:?} differs from its folder name {id:?}", desc.id),
            });
        }
        if let Some(any) = &desc.any_type
            && !files.iter().any(|(r, _)| r == any)
        {
            return Err(CatalogError::Missing { file: origin.file(&id, any) });
        }
        Self::new(desc, text, origin, files, samples)
    }

    fn new(
        desc: ProviderDesc,
        description: Text,
        origin: Origin,
        files: Vec<(String, Text)>,
        samples: Vec<(String, Text)>,
    ) -> Result<Self, CatalogError> {
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
                        file: origin.file(&desc.id, rel),
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
        Ok(Self { desc, description, origin, files, samples, types, store: OnceLock::new() })
    }

    /// `provider.json` as written.
    pub(crate) fn description_text(&self) -> &str {
        &self.description
    }

    /// The provider's files, by path inside its folder (for export and checks).
    pub(crate) fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(r, t)| (r.as_str(), t.as_ref()))
    }

    /// The provider's samples, by path inside its sample folder.
    pub(crate) fn samples(&self) -> impl Iterator<Item = (&str, &str)> {
        self.samples.iter().map(|(r, t)| (r.as_str(), t.as_ref()))
    }

    /// The sample of a type (`version` picks the API version's folder when there are several).
    pub(crate) fn sample(&self, event_type: &str, version: &str) -> Option<&str> {
        let name = if version.is_empty() {
            format!("{event_type}.json")
        } else {
            format!("{version}/{event_type}.json")
        };
        self.samples.iter().find(|(p, _)| *p == name).map(|(_, t)| t.as_ref())
    }

    pub(crate) fn id(&self) -> &str {
        &self.desc.id
    }

    /// Every event type, sorted, with the versions that document it.
    pub(crate) fn types(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.types.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    pub(crate) fn has_type(&self, event_type: &str) -> bool {
        self.types.contains_key(event_type)
    }

    /// The documented type a payload means when it sends another spelling: one of the type's
    /// `x-aliases` (another official SDK's name for it), or the wire name or an alias written
    /// loosely (case, separators, a trailing "event").
    pub(crate) fn resolve_alias(&self, sent: &str) -> Option<&str> {
        let wanted = loose(sent);
        if wanted.is_empty() {
            return None;
        }
        let mut hits = self.types.keys().filter(|k| {
            loose(k) == wanted || self.info(k).aliases.iter().any(|a| a == sent || loose(a) == wanted)
        });
        let first = hits.next()?;
        // A spelling that could mean two types means neither.
        hits.next().is_none().then_some(first.as_str())
    }

    /// The envelope versions the provider documents (`version.known`), empty when it lists none.
    pub(crate) fn known_versions(&self) -> &[String] {
        match &self.desc.version {
            Some(VersionRule::At { known, .. }) => known,
            _ => &[],
        }
    }

    /// The versions documenting `event_type` (oldest first; `[""]` without versions).
    pub(crate) fn versions_of(&self, event_type: &str) -> &[String] {
        self.types.get(event_type).map_or(&[], Vec::as_slice)
    }

    /// All API versions the provider knows, oldest first (empty without versions).
    pub(crate) fn versions(&self) -> &[String] {
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

    /// The schema an event type is validated with: its own, or the provider's `any_type` one.
    pub(crate) fn schema_uri(&self, event_type: &str, version: &str) -> String {
        match &self.desc.any_type {
            Some(any) if !self.has_type(event_type) => schemas::uri(&self.desc.id, any),
            _ => schemas::uri(&self.desc.id, &Self::schema_rel(event_type, version)),
        }
    }

    /// Whether any event type string is accepted (validated against the `any_type` schema).
    pub(crate) fn accepts_any_type(&self) -> bool {
        self.desc.any_type.is_some()
    }

    /// The compiled validator an event of this type is checked with in one API version.
    pub(crate) fn validator(&self, event_type: &str, version: &str) -> Result<Arc<Compiled>, CatalogError> {
        let store = self.store()?;
        if self.has_type(event_type) {
            store.validator_of(event_type, version, || self.schema_uri(event_type, version))
        } else {
            // Any type string goes to the `any_type` schema: not remembered by name, as a stream
            // may carry endlessly many.
            store.validator(&self.schema_uri(event_type, version))
        }
    }

    /// The compiled shape of a type's schema in one API version (the fast path's).
    pub(crate) fn shape(&self, event_type: &str, version: &str) -> Result<Arc<Shape>, CatalogError> {
        let store = self.store()?;
        if self.has_type(event_type) {
            Ok(store.shape_of(event_type, version, || self.schema_uri(event_type, version)))
        } else {
            Ok(store.shape(&self.schema_uri(event_type, version)))
        }
    }

    pub(crate) fn store(&self) -> Result<&SchemaStore, CatalogError> {
        self.store
            .get_or_init(|| {
                SchemaStore::load(
                    &self.desc.id,
                    &self.origin,
                    self.files.iter().map(|(r, t)| (r.as_str(), t)),
                )
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The schema document of a type (newest version when `version` is `None`).
    pub(crate) fn schema(
        &self,
        event_type: &str,
        version: Option<&str>,
    ) -> Result<Option<&Value>, CatalogError> {
        let Some(version) = version.or_else(|| self.versions_of(event_type).last().map(String::as_str))
        else {
            return Ok(None);
        };
        Ok(self.store()?.doc(&self.schema_uri(event_type, version)))
    }

    /// The schema of a type with its shared definitions embedded: self-contained, for other
    /// validators.
    pub(crate) fn bundled_schema(&self, event_type: &str, version: &str) -> Result<Value, CatalogError> {
        self.store()?.bundled(&self.schema_uri(event_type, version))
    }

    pub(crate) fn info(&self, event_type: &str) -> EventInfo {
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
pub(crate) struct TypeRef<'c> {
    pub provider: &'c Provider,
    pub name: &'c str,
}

/// Why a type name given on the command line does not name exactly one type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TypeLookup {
    NotFound { suggestions: Vec<String> },
    Ambiguous { providers: Vec<String> },
}

pub(crate) struct Catalog {
    providers: Vec<Arc<Provider>>,
    /// The signature schemes the providers define, each with the id of the provider defining it.
    schemes: Vec<(Arc<Scheme>, String)>,
}

/// One provider's files as read: the description, the rest of its folder, and its samples.
struct ProviderFiles {
    id: String,
    origin: Origin,
    files: Vec<(String, Text)>,
    samples: Vec<(String, Text)>,
}

impl Catalog {
    /// The built-in catalog, then user catalog folders in order; a later provider with the same
    /// id replaces an earlier one.
    pub(crate) fn load(builtin: bool, dirs: &[PathBuf]) -> Result<Self, CatalogError> {
        let catalog = Self::load_unresolved(builtin, dirs)?;
        if let Some((provider, message)) = catalog.unresolved_schemes(None).into_iter().next() {
            let file = provider.origin.file(provider.id(), "provider.json");
            return Err(CatalogError::Provider { file, message });
        }
        Ok(catalog)
    }

    /// The catalog with its schemes compiled but references to other providers' schemes not
    /// yet checked (`catalog check` checks them against the configured catalog too).
    pub(crate) fn load_unresolved(builtin: bool, dirs: &[PathBuf]) -> Result<Self, CatalogError> {
        let mut all = if builtin { Self::builtin_files() } else { Vec::new() };
        for dir in dirs {
            for provider in read_catalog_dir(dir)? {
                all.retain(|p| p.id != provider.id);
                all.push(provider);
            }
        }
        let mut providers = Vec::new();
        for files in all {
            providers.push(Arc::new(Provider::from_files(files)?));
        }
        // Specific providers are tried before generic envelopes.
        providers.sort_by_key(|p| p.desc.generic);
        let mut schemes: Vec<(Arc<Scheme>, String)> = Vec::new();
        for provider in &providers {
            let Some(Signature::Defines(desc)) = &provider.desc.signature else { continue };
            let file = provider.origin.file(provider.id(), "provider.json");
            let scheme = Scheme::new((**desc).clone()).map_err(|e| CatalogError::Provider {
                file: file.clone(),
                message: format!("signature: {e}"),
            })?;
            if let Some((_, other)) = schemes.iter().find(|(s, _)| s.name() == scheme.name()) {
                return Err(CatalogError::Provider {
                    file,
                    message: format!(
                        "signature: scheme {:?} is already defined by {other}; name it with {{\"scheme\": {:?}}}",
                        scheme.name(),
                        scheme.name()
                    ),
                });
            }
            schemes.push((Arc::new(scheme), provider.id().to_owned()));
        }
        Ok(Self { providers, schemes })
    }

    /// Providers whose `signature` names a scheme that neither this catalog nor `also` defines,
    /// each with a sentence.
    pub(crate) fn unresolved_schemes(&self, also: Option<&Catalog>) -> Vec<(&Provider, String)> {
        let known = |name: &str| {
            name == NO_SCHEME || self.scheme(name).is_some() || also.is_some_and(|c| c.scheme(name).is_some())
        };
        self.providers()
            .filter_map(|p| match &p.desc.signature {
                Some(Signature::Uses { scheme, .. }) if !known(scheme) => {
                    let mut names: Vec<&str> = self.schemes().map(Scheme::name).collect();
                    names.extend(also.iter().flat_map(|c| c.schemes().map(Scheme::name)));
                    names.sort_unstable();
                    names.dedup();
                    names.push(NO_SCHEME);
                    Some((
                        p,
                        format!(
                            "signature: no provider defines the scheme {scheme:?} (known: {})",
                            names.join(", ")
                        ),
                    ))
                }
                _ => None,
            })
            .collect()
    }

    /// Every signature scheme, in catalog order.
    pub(crate) fn schemes(&self) -> impl Iterator<Item = &Scheme> {
        self.schemes.iter().map(|(s, _)| s.as_ref())
    }

    /// A scheme by name (case-insensitive).
    pub(crate) fn scheme(&self, name: &str) -> Option<&Scheme> {
        self.schemes().find(|s| s.name().eq_ignore_ascii_case(name))
    }

    /// The provider that defines a scheme.
    pub(crate) fn scheme_definer(&self, name: &str) -> Option<&str> {
        self.schemes.iter().find(|(s, _)| s.name() == name).map(|(_, p)| p.as_str())
    }

    /// The providers whose default scheme this is.
    pub(crate) fn providers_using(&self, name: &str) -> Vec<&str> {
        self.providers()
            .filter(|p| p.desc.signature.as_ref().is_some_and(|s| s.scheme_name() == name))
            .map(Provider::id)
            .collect()
    }

    /// The scheme a provider declares for its deliveries.
    pub(crate) fn default_scheme<'c>(&'c self, provider: &'c Provider) -> DefaultScheme<'c> {
        match &provider.desc.signature {
            None => DefaultScheme::Undeclared,
            Some(signature) if signature.scheme_name() == NO_SCHEME => DefaultScheme::None(signature.note()),
            Some(signature) => match self.scheme(signature.scheme_name()) {
                Some(scheme) => DefaultScheme::Scheme(scheme),
                // Only an unresolved catalog (under `catalog check`) gets here.
                None => DefaultScheme::Undeclared,
            },
        }
    }

    /// A provider as far as its signatures go.
    pub(crate) fn signer<'c>(&'c self, provider: &'c Provider) -> Signer<'c> {
        Signer { id: provider.id(), name: &provider.desc.name, default: self.default_scheme(provider) }
    }

    /// The catalog compiled into the binary.
    #[cfg(test)]
    pub(crate) fn builtin() -> Result<Self, CatalogError> {
        Self::load(true, &[])
    }

    fn builtin_files() -> Vec<ProviderFiles> {
        let mut by_provider: BTreeMap<&str, ProviderFiles> = BTreeMap::new();
        let entry = |id: &'static str| ProviderFiles {
            id: id.to_owned(),
            origin: Origin::Builtin,
            files: Vec::new(),
            samples: Vec::new(),
        };
        for (path, text) in builtin::CATALOG {
            let (provider, rel) = path.split_once('/').unwrap_or(("", path));
            by_provider
                .entry(provider)
                .or_insert_with(|| entry(provider))
                .files
                .push((rel.to_owned(), Cow::Borrowed(*text)));
        }
        for (path, text) in builtin::SAMPLES {
            let (provider, rel) = path.split_once('/').unwrap_or(("", path));
            if let Some(p) = by_provider.get_mut(provider) {
                p.samples.push((rel.to_owned(), Cow::Borrowed(*text)));
            }
        }
        by_provider.into_values().collect()
    }

    pub(crate) fn providers(&self) -> impl Iterator<Item = &Provider> {
        self.providers.iter().map(AsRef::as_ref)
    }

    pub(crate) fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers().find(|p| p.desc.id == id)
    }

    /// The bundled sample of a type (`version` picks the API version's folder when there are several).
    pub(crate) fn sample(&self, provider: &str, event_type: &str, version: &str) -> Option<&str> {
        self.provider(provider)?.sample(event_type, version)
    }

    /// Resolves a type name as people write it: the wire name, a documented alias, or a loose
    /// spelling (case, spaces, `_`, `-`, `.` and a trailing "event" ignored).
    pub(crate) fn find_type(&self, name: &str, provider: Option<&str>) -> Result<TypeRef<'_>, TypeLookup> {
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
                suggestions: crate::near::suggest(
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

/// Where a provider comes from, for messages and export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    Builtin,
    Dir(PathBuf),
}

impl Origin {
    /// How to name one of the provider's files in a message.
    pub(crate) fn file(&self, provider: &str, rel: &str) -> String {
        match self {
            Self::Builtin => format!("{provider}/{rel} (built in)"),
            Self::Dir(dir) => dir.join(provider).join(rel).display().to_string(),
        }
    }
}

/// Reads a catalog folder: every subfolder holding a `provider.json` is a provider; its
/// `samples/` subfolder holds samples, everything else is catalog files.
fn read_catalog_dir(dir: &Path) -> Result<Vec<ProviderFiles>, CatalogError> {
    let io = |path: &Path, e: &dyn std::fmt::Display| CatalogError::Io {
        file: path.display().to_string(),
        message: e.to_string(),
    };
    let entries = std::fs::read_dir(dir).map_err(|e| io(dir, &e))?;
    let mut folders: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("provider.json").is_file())
        .collect();
    folders.sort();
    if folders.is_empty() {
        return Err(io(dir, &"no provider folder (a folder with a provider.json) in this catalog"));
    }
    let mut out = Vec::new();
    for folder in folders {
        let id = folder.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let mut provider = ProviderFiles {
            id,
            origin: Origin::Dir(dir.to_path_buf()),
            files: Vec::new(),
            samples: Vec::new(),
        };
        for entry in walkdir::WalkDir::new(&folder).follow_links(true).sort_by_file_name() {
            let entry = entry.map_err(|e| io(&folder, &e))?;
            let path = entry.path();
            if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let rel = path.strip_prefix(&folder).unwrap_or(path).to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(path).map_err(|e| io(path, &e))?;
            match rel.strip_prefix("samples/") {
                Some(sample) => provider.samples.push((sample.to_owned(), Cow::Owned(text))),
                None => provider.files.push((rel, Cow::Owned(text))),
            }
        }
        out.push(provider);
    }
    Ok(out)
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
        assert_eq!(catalog.providers().count(), 5);
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
}
