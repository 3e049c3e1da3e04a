//! Writing catalogs instead of reading them: importing one from an OpenAPI description,
//! learning one from captured deliveries, and reporting where deliveries drift from one.

pub(crate) mod drift;
pub(crate) mod import;
pub(crate) mod learn;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The files of one provider being written into a catalog folder.
pub(crate) struct ProviderOut {
    pub dir: PathBuf,
    written: usize,
}

impl ProviderOut {
    /// `catalog/<provider>/`, new: one already there is replaced whole with `replace` (so no
    /// file of the old provider is left behind), else refused with `hint` (exit 2, as every error).
    pub(crate) fn create(catalog: &Path, provider: &str, replace: bool, hint: &str) -> anyhow::Result<Self> {
        let dir = catalog.join(provider);
        let fail = |e: std::io::Error| anyhow::anyhow!("{}: {e}", dir.display());
        if std::fs::symlink_metadata(&dir).is_ok() {
            if !replace {
                anyhow::bail!("{}: a provider folder is already there; {hint}", dir.display());
            }
            if dir.is_dir() { std::fs::remove_dir_all(&dir) } else { std::fs::remove_file(&dir) }
                .map_err(fail)?;
        }
        std::fs::create_dir_all(&dir).map_err(fail)?;
        Ok(Self { dir, written: 0 })
    }

    /// Writes a JSON file (pretty, two spaces, final newline) at a path inside the provider.
    pub(crate) fn json(&mut self, rel: &str, value: &Value) -> anyhow::Result<()> {
        let mut text = serde_json::to_string_pretty(value)?;
        text.push('\n');
        self.text(rel, &text)
    }

    pub(crate) fn text(&mut self, rel: &str, text: &str) -> anyhow::Result<()> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| anyhow::anyhow!("{}: cannot create: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
        self.written += 1;
        Ok(())
    }

    pub(crate) fn written(&self) -> usize {
        self.written
    }
}

/// Whether an event type string can be a schema file name (it is the type's id).
pub(crate) fn usable_type_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.chars().any(|c| c == '/' || c == '\\' || c.is_control())
        && name.len() <= 200
}

/// A provider id made from a title: lower case letters, digits and `-`.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "imported".to_owned() } else { out }
}

/// The names in a schema node's `required` list (`node.get("required")`).
pub(crate) fn required_names(required: Option<&Value>) -> std::collections::BTreeSet<&str> {
    required.and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect()
}

/// The `format` a string has, of those learn and drift recognise.
pub(crate) fn string_format(s: &str) -> Option<&'static str> {
    if is_uuid(s) {
        Some("uuid")
    } else if s.len() >= 20 && s.parse::<jiff::Timestamp>().is_ok() {
        Some("date-time")
    } else if is_email(s) {
        Some("email")
    } else if is_uri(s) {
        Some("uri")
    } else {
        None
    }
}

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter()
            .enumerate()
            .all(|(i, c)| if [8, 13, 18, 23].contains(&i) { *c == b'-' } else { c.is_ascii_hexdigit() })
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !s.contains(char::is_whitespace)
}

fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once("://") else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        && !rest.is_empty()
        && !s.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_recognised() {
        assert_eq!(string_format("6f1d7a2e-3c4b-4d5e-8f90-a1b2c3d4e5f6"), Some("uuid"));
        assert_eq!(string_format("2026-11-23T10:00:00Z"), Some("date-time"));
        assert_eq!(string_format("2026-11-23T10:00:00.123+01:00"), Some("date-time"));
        assert_eq!(string_format("ada@example.com"), Some("email"));
        assert_eq!(string_format("https://example.com/x?y=1"), Some("uri"));
        assert_eq!(string_format("hello world"), None);
        assert_eq!(string_format("2026-11-23"), None);
    }

    #[test]
    fn slugs_and_type_names() {
        assert_eq!(slug("GitHub v3 REST API"), "github-v3-rest-api");
        assert_eq!(slug("!!"), "imported");
        assert!(usable_type_name("repository.deleted"));
        assert!(!usable_type_name("a/b"));
        assert!(!usable_type_name(".hidden"));
    }
}
