//! One provider's schema documents: the `$ref` registry over them and the compiled validators,
//! each built once, the first time its event type is seen.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use jsonschema::{Draft, Registry, Resource, Validator};
use serde_json::Value;

use super::{CatalogError, Origin};

/// Base of the URIs the catalog's documents are known by. `.invalid` can never resolve, and
/// hookscope has no network retriever anyway: a reference outside the catalog fails to compile.
pub(crate) const BASE_URI: &str = "https://catalog.hookscope.invalid/";

pub(crate) struct SchemaStore {
    provider: String,
    origin: Origin,
    docs: HashMap<String, Value>,
    registry: Registry<'static>,
    validators: Mutex<HashMap<String, Arc<Validator>>>,
}

impl SchemaStore {
    /// Parses every document of one provider (`files` are `(path inside the provider, text)`).
    pub(crate) fn load<'a>(
        provider: &str,
        origin: &Origin,
        files: impl Iterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, CatalogError> {
        let mut docs = HashMap::new();
        for (rel, text) in files {
            let value: Value = serde_json::from_str(text).map_err(|e| CatalogError::Json {
                file: origin.file(provider, rel),
                message: e.to_string(),
            })?;
            docs.insert(uri(provider, rel), value);
        }
        // Event schemas reference shared definitions, not one another: only the shared files go in
        // the registry, which keeps start-up from indexing every schema of the provider.
        let schemas_prefix = uri(provider, "schemas/");
        let resources = docs
            .iter()
            .filter(|(u, _)| !u.starts_with(&schemas_prefix))
            .map(|(u, v)| (u.clone(), Resource::from_contents(v.clone())));
        let registry = Registry::new()
            .draft(Draft::Draft202012)
            .retrieve_known_draft_meta_schemas(false)
            .extend(resources)
            .and_then(jsonschema::RegistryBuilder::prepare)
            .map_err(|e| CatalogError::Schema { file: origin.file(provider, ""), message: e.to_string() })?;
        Ok(Self {
            provider: provider.to_owned(),
            origin: origin.clone(),
            docs,
            registry,
            validators: Mutex::new(HashMap::new()),
        })
    }

    /// A catalog URI as the file people know.
    pub(crate) fn file_name(&self, uri: &str) -> String {
        let rel = uri.strip_prefix(BASE_URI).and_then(|r| r.strip_prefix(&self.provider)).unwrap_or(uri);
        self.origin.file(&self.provider, rel.trim_start_matches('/'))
    }

    pub(crate) fn doc(&self, uri: &str) -> Option<&Value> {
        self.docs.get(uri)
    }

    /// The compiled validator of one schema document, built on first use.
    pub(crate) fn validator(&self, uri: &str) -> Result<Arc<Validator>, CatalogError> {
        let mut cache = self.validators.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(v) = cache.get(uri) {
            return Ok(Arc::clone(v));
        }
        let schema = self.docs.get(uri).ok_or_else(|| CatalogError::Missing { file: uri.to_owned() })?;
        let validator = jsonschema::options()
            .with_draft(Draft::Draft202012)
            .with_registry(&self.registry)
            .with_base_uri(uri)
            .should_validate_formats(true)
            .with_keyword(crate::validate::EXPECTED, crate::validate::expected_keyword)
            .build(schema)
            .map_err(|e| CatalogError::Schema { file: self.file_name(uri), message: e.to_string() })?;
        let validator = Arc::new(validator);
        cache.insert(uri.to_owned(), Arc::clone(&validator));
        Ok(validator)
    }

    /// The schema object that holds the keyword at an absolute keyword location
    /// (`<document uri>#/json/pointer/keyword`).
    pub(crate) fn keyword_parent(&self, location: &str) -> Option<&Value> {
        let (doc, fragment) = location.split_once('#').unwrap_or((location, ""));
        let parent = fragment.rsplit_once('/').map_or("", |(p, _)| p);
        let parent = percent_decode(parent);
        crate::json::lookup(self.docs.get(doc)?, &parent)
    }
}

/// The URI a catalog file is known by.
pub(crate) fn uri(provider: &str, rel: &str) -> String {
    format!("{BASE_URI}{provider}/{rel}")
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
