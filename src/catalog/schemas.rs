//! One provider's schema documents: the `$ref` registry over them and the compiled validators,
//! each built once, the first time its event type is seen.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use jsonschema::{Draft, Registry, Resource, ValidationError, Validator};
use serde_json::Value;

use super::shape::{Graph, Shape};
use super::{CatalogError, Origin};

/// Base of the URIs the catalog's documents are known by. `.invalid` can never resolve, and
/// hookscope has no network retriever anyway: a reference outside the catalog fails to compile.
pub(crate) const BASE_URI: &str = "https://catalog.hookscope.invalid/";

pub(crate) struct SchemaStore {
    provider: String,
    origin: Origin,
    docs: HashMap<String, Doc>,
    registry: Registry<'static>,
    validators: Mutex<HashMap<String, Arc<Compiled>>>,
    /// The same validators by event type, then API version: what each event asks for, found
    /// without building its schema's URI.
    by_type: Mutex<HashMap<String, Versions>>,
    /// What the schema node holding a failing keyword says, by absolute keyword location: the
    /// same few locations fail event after event, so each is looked up in its document once.
    nodes: Mutex<HashMap<String, Option<Arc<KeywordNode>>>>,
    /// The documents compiled for the fast path: the nodes, and each document's root by URI and
    /// by event type then API version.
    pub(crate) graph: RwLock<Graph>,
    shapes: Mutex<HashMap<String, Arc<Shape>>>,
    shapes_by_type: Mutex<HashMap<String, ShapeVersions>>,
}

/// What a failing keyword's schema node documents, for sorting the failure into error or drift.
#[derive(Debug)]
pub(crate) struct KeywordNode {
    /// The node's `x-warn`, which declares some of its keywords' failures as drift.
    pub(crate) x_warn: Option<Value>,
    /// The names the node documents under `properties`, in the order written.
    pub(crate) properties: Vec<String>,
    /// The node's `x-expected`: documented fields a delivery may lack, in the order written.
    pub(crate) expected: Vec<String>,
}

impl KeywordNode {
    /// A node that documents nothing.
    pub(crate) fn empty() -> Self {
        Self { x_warn: None, properties: Vec::new(), expected: Vec::new() }
    }

    pub(crate) fn documents(&self, name: &str) -> bool {
        self.properties.iter().any(|p| p == name)
    }
}

/// One event type's shapes, by API version.
type ShapeVersions = Vec<(String, Arc<Shape>)>;

/// One event type's compiled validators, by API version.
type Versions = Vec<(String, Arc<Compiled>)>;

/// One compiled schema document.
pub(crate) struct Compiled {
    validator: Validator,
    /// The schema's `x-docs`: the provider's page about the event.
    pub(crate) docs: Option<String>,
    /// Whether the latest event checked against it failed: a hint for the order of work only.
    last_failed: AtomicBool,
}

impl Compiled {
    /// Every way `instance` fails the schema; empty when it conforms.
    ///
    /// Most deliveries conform, and the allocation-free `is_valid` settles them before any error
    /// is built. Where the events of a type carry drift, nearly every one fails, and checking first
    /// would walk each event twice: after a failure the errors are collected straight away. The
    /// result is the same either way; only the amount of work depends on the order of events.
    pub(crate) fn failures<'i>(&'i self, instance: &'i serde_json::Value) -> Vec<ValidationError<'i>> {
        if !self.last_failed.load(Ordering::Relaxed) && self.validator.is_valid(instance) {
            return Vec::new();
        }
        let errors: Vec<ValidationError<'i>> = self.validator.iter_errors(instance).collect();
        self.last_failed.store(!errors.is_empty(), Ordering::Relaxed);
        errors
    }
}

/// One schema document of a provider.
struct Doc {
    /// The text of an event schema of the built-in catalog, parsed on first use: most runs see a
    /// few of a provider's types, and the test suite checks that every built-in document parses.
    text: Option<&'static str>,
    value: OnceLock<Value>,
}

impl Doc {
    fn parsed(value: Value) -> Self {
        Self { text: None, value: OnceLock::from(value) }
    }

    /// The document; a built-in text that does not parse reads as `null`, which no validator
    /// accepts as a schema, so the failure is still reported where the schema is used.
    fn value(&self) -> &Value {
        self.value.get_or_init(|| self.text.and_then(|t| serde_json::from_str(t).ok()).unwrap_or(Value::Null))
    }
}

impl SchemaStore {
    /// Reads one provider's documents (`files` are `(path inside the provider, text)`). Shared
    /// definitions and every document of a user catalog are parsed now, so that a broken file is
    /// reported as the catalog loads; the built-in catalog's event schemas wait for their type.
    pub(crate) fn load<'a>(
        provider: &str,
        origin: &Origin,
        files: impl Iterator<Item = (&'a str, &'a Cow<'static, str>)>,
    ) -> Result<Self, CatalogError> {
        let schemas_prefix = uri(provider, "schemas/");
        let mut docs = HashMap::new();
        for (rel, text) in files {
            let uri = uri(provider, rel);
            let doc = match text {
                Cow::Borrowed(text) if uri.starts_with(&schemas_prefix) => {
                    Doc { text: Some(text), value: OnceLock::new() }
                }
                _ => Doc::parsed(serde_json::from_str(text).map_err(|e| CatalogError::Json {
                    file: origin.file(provider, rel),
                    message: e.to_string(),
                })?),
            };
            docs.insert(uri, doc);
        }
        // Event schemas reference shared definitions, not one another: only the shared files go in
        // the registry, which keeps start-up from indexing every schema of the provider.
        let resources = docs
            .iter()
            .filter(|(u, _)| !u.starts_with(&schemas_prefix))
            .map(|(u, d)| (u.clone(), Resource::from_contents(d.value().clone())));
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
            by_type: Mutex::new(HashMap::new()),
            nodes: Mutex::new(HashMap::new()),
            graph: RwLock::new(Graph::default()),
            shapes: Mutex::new(HashMap::new()),
            shapes_by_type: Mutex::new(HashMap::new()),
        })
    }

    /// A catalog URI as the file people know.
    pub(crate) fn file_name(&self, uri: &str) -> String {
        let rel = uri.strip_prefix(BASE_URI).and_then(|r| r.strip_prefix(&self.provider)).unwrap_or(uri);
        self.origin.file(&self.provider, rel.trim_start_matches('/'))
    }

    pub(crate) fn doc(&self, uri: &str) -> Option<&Value> {
        self.docs.get(uri).map(Doc::value)
    }

    /// Every document of the provider with the file name people know it by, in name order.
    pub(crate) fn documents(&self) -> Vec<(String, &Value)> {
        let mut all: Vec<(String, &Value)> =
            self.docs.iter().map(|(u, d)| (self.file_name(u), d.value())).collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    }

    /// The compiled validator of one schema document, built on first use.
    pub(crate) fn validator(&self, uri: &str) -> Result<Arc<Compiled>, CatalogError> {
        let mut cache = self.validators.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(v) = cache.get(uri) {
            return Ok(Arc::clone(v));
        }
        let schema = self.doc(uri).ok_or_else(|| CatalogError::Missing { file: uri.to_owned() })?;
        let validator = jsonschema::options()
            .with_draft(Draft::Draft202012)
            .with_registry(&self.registry)
            .with_base_uri(uri)
            .should_validate_formats(true)
            .with_keyword(super::keywords::EXPECTED, super::keywords::expected_keyword)
            .build(schema)
            .map_err(|e| CatalogError::Schema { file: self.file_name(uri), message: self.plain(&e) })?;
        let docs = schema.get("x-docs").and_then(Value::as_str).map(str::to_owned);
        let validator = Arc::new(Compiled { validator, docs, last_failed: AtomicBool::new(false) });
        cache.insert(uri.to_owned(), Arc::clone(&validator));
        Ok(validator)
    }

    /// The compiled validator of an event type in one API version; `uri` names its schema the
    /// first time it is asked for.
    pub(crate) fn validator_of(
        &self,
        event_type: &str,
        version: &str,
        uri: impl FnOnce() -> String,
    ) -> Result<Arc<Compiled>, CatalogError> {
        let lock = || self.by_type.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, found)) = lock().get(event_type).and_then(|vs| vs.iter().find(|(v, _)| v == version))
        {
            return Ok(Arc::clone(found));
        }
        let compiled = self.validator(&uri())?;
        lock().entry(event_type.to_owned()).or_default().push((version.to_owned(), Arc::clone(&compiled)));
        Ok(compiled)
    }

    /// The shape of one schema document, compiled on first use.
    pub(crate) fn shape(&self, uri: &str) -> Arc<Shape> {
        let lock = || self.shapes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(found) = lock().get(uri) {
            return Arc::clone(found);
        }
        let shape = {
            let mut graph = self.graph.write().unwrap_or_else(std::sync::PoisonError::into_inner);
            Arc::new(graph.shape(self, uri))
        };
        lock().insert(uri.to_owned(), Arc::clone(&shape));
        shape
    }

    /// The shape of an event type in one API version; `uri` names its schema the first time.
    pub(crate) fn shape_of(
        &self,
        event_type: &str,
        version: &str,
        uri: impl FnOnce() -> String,
    ) -> Arc<Shape> {
        let lock = || self.shapes_by_type.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, found)) = lock().get(event_type).and_then(|vs| vs.iter().find(|(v, _)| v == version))
        {
            return Arc::clone(found);
        }
        let shape = self.shape(&uri());
        lock().entry(event_type.to_owned()).or_default().push((version.to_owned(), Arc::clone(&shape)));
        shape
    }

    /// A validator library error in the catalog's own terms: files as the author knows them,
    /// and what an unresolvable `$ref` means here.
    fn plain(&self, error: &jsonschema::ValidationError) -> String {
        if let jsonschema::error::ValidationErrorKind::Referencing(
            jsonschema::ReferencingError::Unretrievable { uri: target, .. },
        ) = error.kind()
        {
            return if target.starts_with(BASE_URI) {
                format!(
                    "$ref to {} does not resolve: no such file in the provider folder",
                    self.file_name(target)
                )
            } else {
                format!(
                    "$ref to {target} is outside the catalog: references must name files inside the provider folder (hookscope never fetches schemas)"
                )
            };
        }
        error.to_string().replace(&format!("{BASE_URI}{}/", self.provider), "")
    }

    /// One schema document with every shared definition it references copied into its `$defs`
    /// and each `$ref` pointing there, so that any JSON Schema validator can use it without the
    /// catalog's folders.
    pub(crate) fn bundled(&self, uri: &str) -> Result<Value, CatalogError> {
        let mut root = self.doc(uri).ok_or_else(|| CatalogError::Missing { file: uri.to_owned() })?.clone();
        if !root.is_object() {
            // `catalog check` says the same; a bundle needs an object to carry `$defs`.
            return Err(CatalogError::Schema {
                file: self.file_name(uri),
                message: "an event schema must be a JSON object".to_owned(),
            });
        }
        let mut names: HashMap<String, String> = HashMap::new();
        let mut defs = serde_json::Map::new();
        let mut pending = Vec::new();
        localise(&mut root, uri, true, &mut names, &mut pending)?;
        while let Some((target, name)) = pending.pop() {
            let (doc, fragment) = target.split_once('#').unwrap_or((target.as_str(), ""));
            let mut node =
                self.doc(doc).and_then(|d| crate::json::lookup(d, fragment)).cloned().ok_or_else(|| {
                    CatalogError::Schema {
                        file: self.file_name(uri),
                        message: format!("$ref to {target} does not resolve"),
                    }
                })?;
            localise(&mut node, doc, false, &mut names, &mut pending)?;
            defs.insert(name, node);
        }
        if !defs.is_empty() {
            let own = root
                .as_object_mut()
                .expect("an event schema is an object")
                .entry("$defs")
                .or_insert_with(|| Value::Object(serde_json::Map::new()));
            if let Value::Object(own) = own {
                own.extend(defs);
            }
        }
        Ok(root)
    }

    /// What the schema object holding the keyword at an absolute keyword location
    /// (`<document uri>#/json/pointer/keyword`) documents; `None` when the location is not in a
    /// catalog document.
    pub(crate) fn keyword_node(&self, location: &str) -> Option<Arc<KeywordNode>> {
        let mut cache = self.nodes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(node) = cache.get(location) {
            return node.clone();
        }
        let doc = location.split_once('#').map_or(location, |(d, _)| d);
        let node = self.keyword_parent(location).map(|n| Arc::new(self.keyword_node_of(n, doc)));
        cache.insert(location.to_owned(), node.clone());
        node
    }

    /// The field names a schema node documents: its own `properties`, then those of its
    /// `allOf`/`anyOf`/`oneOf` members, following `$ref` (in the order written, each once). An
    /// `unevaluatedProperties` failure names a field that a member documents when that member
    /// failed for another reason; the field is documented all the same.
    fn documented_names(&self, node: &Value, doc: &str, depth: usize, out: &mut Vec<String>) {
        if depth > 16 {
            return;
        }
        for name in node.get("properties").and_then(Value::as_object).into_iter().flatten().map(|(k, _)| k) {
            if !out.contains(name) {
                out.push(name.clone());
            }
        }
        if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            let (path, fragment) = reference.split_once('#').unwrap_or((reference, ""));
            let target_doc = if path.is_empty() { doc.to_owned() } else { resolve(doc, path) };
            if let Some(target) =
                self.doc(&target_doc).and_then(|d| crate::json::lookup(d, &percent_decode(fragment)))
            {
                self.documented_names(target, &target_doc, depth + 1, out);
            }
        }
        for key in ["allOf", "anyOf", "oneOf"] {
            for member in node.get(key).and_then(Value::as_array).into_iter().flatten() {
                self.documented_names(member, doc, depth + 1, out);
            }
        }
    }

    /// What the schema object `node` of document `doc` documents, as both verdict paths read it.
    pub(crate) fn keyword_node_of(&self, node: &Value, doc: &str) -> KeywordNode {
        let mut properties = Vec::new();
        self.documented_names(node, doc, 0, &mut properties);
        let expected = node
            .get(super::keywords::EXPECTED)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
            .unwrap_or_default();
        KeywordNode { x_warn: node.get("x-warn").cloned(), properties, expected }
    }

    fn keyword_parent(&self, location: &str) -> Option<&Value> {
        let (doc, fragment) = location.split_once('#').unwrap_or((location, ""));
        let parent = fragment.rsplit_once('/').map_or("", |(p, _)| p);
        let parent = percent_decode(parent);
        crate::json::lookup(self.doc(doc)?, &parent)
    }
}

/// Points every `$ref` of a node at the bundle's `$defs`, queueing the definitions it needs.
/// References inside the root document stay as they are.
fn localise(
    node: &mut Value,
    doc: &str,
    is_root: bool,
    names: &mut HashMap<String, String>,
    pending: &mut Vec<(String, String)>,
) -> Result<(), CatalogError> {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get_mut("$ref") {
                let (path, fragment) = reference.split_once('#').unwrap_or((reference.as_str(), ""));
                if !(is_root && path.is_empty()) {
                    let target_doc = if path.is_empty() { doc.to_owned() } else { resolve(doc, path) };
                    let target = format!("{target_doc}#{fragment}");
                    let next = names.len();
                    let name = names.entry(target.clone()).or_insert_with(|| {
                        let stem =
                            target_doc.rsplit('/').next().unwrap_or_default().trim_end_matches(".json");
                        let last = fragment.rsplit('/').next().filter(|s| !s.is_empty()).unwrap_or(stem);
                        let name = if last == stem { stem.to_owned() } else { format!("{stem}.{last}") };
                        pending.push((target.clone(), format!("{name}.{next}")));
                        format!("{name}.{next}")
                    });
                    *reference = format!("#/$defs/{name}");
                }
            }
            for (key, value) in map.iter_mut() {
                if key != "$ref" {
                    localise(value, doc, is_root, names, pending)?;
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                localise(item, doc, is_root, names, pending)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// A relative reference (`../defs/envelope.json`) resolved against the URI of the document it
/// is written in.
pub(super) fn resolve(base: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = base.rsplit_once('/').map_or(base, |(dir, _)| dir).split('/').collect();
    for segment in relative.split('/') {
        match segment {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
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
