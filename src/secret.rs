//! Signing secrets: where each one comes from (an environment variable, a file or standard
//! input, never the command line itself), which deliveries it applies to, and a `Debug` that
//! never shows it.

use std::io::Read;
use std::path::Path;

/// A secret could not be had, or a key names nothing (exit code 2). Messages name variables,
/// files and keys, never a secret's bytes.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct SecretError(pub String);

/// One secret and what it applies to.
pub(crate) struct Secret {
    /// A provider id or a signature scheme name; `None` applies to every delivery.
    pub key: Option<String>,
    /// Where it came from, for messages: `--secret-env DAILY_SECRET`.
    pub origin: String,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Secret")
            .field("key", &self.key)
            .field("origin", &self.origin)
            .field("bytes", &"<redacted>")
            .finish()
    }
}

/// `KEY=VALUE` or a bare `VALUE`: the key is taken only when it looks like one (a provider id or
/// scheme name has no `/`, `.` start or spaces), so `./a=b` stays a path.
pub(crate) fn split_key(text: &str) -> (Option<&str>, &str) {
    match text.split_once('=') {
        Some((key, value))
            if !key.is_empty()
                && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                && !key.starts_with('.') =>
        {
            (Some(key), value)
        }
        _ => (None, text),
    }
}

/// The value of an environment variable, which must be set and not blank.
pub(crate) fn from_env(flag: &str, name: &str) -> Result<Vec<u8>, SecretError> {
    let value = std::env::var_os(name)
        .ok_or_else(|| SecretError(format!("{flag} {name}: the environment variable is not set")))?;
    let value = value.into_string().map_err(|_| SecretError(format!("{flag} {name}: not UTF-8")))?;
    if value.trim().is_empty() {
        return Err(SecretError(format!("{flag} {name}: the environment variable is empty")));
    }
    Ok(value.into_bytes())
}

/// The largest secret file read: far above any signing key (a PEM key is a few kilobytes), so a
/// wrong path (`/dev/zero`, a log) is refused instead of read until memory runs out.
pub(crate) const MAX_SECRET_BYTES: u64 = 64 << 10;

/// The bytes of a file, or of standard input for `-`; surrounding whitespace is trimmed later.
pub(crate) fn from_file(flag: &str, path: &Path) -> Result<Vec<u8>, SecretError> {
    let shown = path.display();
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_SECRET_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| SecretError(format!("{flag} -: standard input: {e}")))?;
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_SECRET_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| SecretError(format!("{flag} {shown}: {e}")))?;
    }
    if bytes.len() as u64 > MAX_SECRET_BYTES {
        return Err(SecretError(format!(
            "{flag} {shown}: larger than {}, the limit for a secret (is it the right file?)",
            crate::input::human_size(MAX_SECRET_BYTES)
        )));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let what = if path.as_os_str() == "-" { "standard input" } else { "the file" };
        return Err(SecretError(format!("{flag} {shown}: {what} is empty")));
    }
    Ok(bytes)
}

/// The one unkeyed secret of `sign`, `listen` and `send` (`--secret-env NAME` or
/// `--secret-file PATH`), tried on every delivery.
pub(crate) fn single(env: Option<&str>, file: Option<&Path>) -> Result<Secret, SecretError> {
    let (origin, bytes) = match (env, file) {
        (Some(name), _) => (format!("--secret-env {name}"), from_env("--secret-env", name)?),
        (None, Some(path)) => {
            (format!("--secret-file {}", path.display()), from_file("--secret-file", path)?)
        }
        (None, None) => {
            return Err(SecretError(
                "give the secret with --secret-env NAME or --secret-file PATH".to_owned(),
            ));
        }
    };
    Ok(Secret { key: None, origin, bytes })
}

/// The one secret of `listen` and `send`, when one is given.
pub(crate) fn optional(env: Option<&str>, file: Option<&Path>) -> Result<Option<Secret>, SecretError> {
    if env.is_none() && file.is_none() {
        return Ok(None);
    }
    single(env, file).map(Some)
}

/// The secrets of a run, in the order given.
#[derive(Debug, Default)]
pub(crate) struct Secrets {
    pub list: Vec<Secret>,
    /// Keys whose project-file variable is not set: `(key, variable)`, for the message when a
    /// delivery of that key has no secret.
    pub unset: Vec<(String, String)>,
}

impl Secrets {
    /// The secrets to try on a delivery of `provider` (when known) signed with `scheme`: those
    /// keyed by either (first, most specific), then the unkeyed ones.
    pub(crate) fn for_delivery(&self, provider: Option<&str>, scheme: &str) -> Vec<&Secret> {
        let names =
            |k: &str| provider.is_some_and(|p| k.eq_ignore_ascii_case(p)) || k.eq_ignore_ascii_case(scheme);
        let keyed = self.list.iter().filter(|s| s.key.as_deref().is_some_and(names));
        keyed.chain(self.list.iter().filter(|s| s.key.is_none())).collect()
    }

    /// Why no secret applies to a delivery of `provider` / `scheme`, and how to give one.
    pub(crate) fn none_for(&self, provider: Option<&str>, scheme: &str) -> String {
        let names =
            |k: &str| provider.is_some_and(|p| k.eq_ignore_ascii_case(p)) || k.eq_ignore_ascii_case(scheme);
        let who = provider.unwrap_or(scheme);
        if let Some((_, var)) = self.unset.iter().find(|(k, _)| names(k)) {
            return format!("no secret for {who}: the project file names {var}, which is not set");
        }
        let also = match provider {
            Some(p) if !p.eq_ignore_ascii_case(scheme) => format!(" (or {scheme}=NAME)"),
            _ => String::new(),
        };
        format!(
            "no secret for {who}: give --secret-env {who}=NAME{also}, --secret-file {who}=PATH \
             or an unkeyed --secret-env NAME"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_split_only_when_they_look_like_keys() {
        assert_eq!(split_key("daily=DAILY_SECRET"), (Some("daily"), "DAILY_SECRET"));
        assert_eq!(split_key("standard-webhooks=K"), (Some("standard-webhooks"), "K"));
        assert_eq!(split_key("DAILY_SECRET"), (None, "DAILY_SECRET"));
        assert_eq!(split_key("./a=b"), (None, "./a=b"));
        assert_eq!(split_key("/tmp/x=y"), (None, "/tmp/x=y"));
        assert_eq!(split_key("=x"), (None, "=x"));
        assert_eq!(split_key("daily=-"), (Some("daily"), "-"));
    }

    #[test]
    fn keyed_secrets_come_first_and_unkeyed_ones_apply_everywhere() {
        let secret = |key: Option<&str>, origin: &str| Secret {
            key: key.map(str::to_owned),
            origin: origin.to_owned(),
            bytes: b"s3cr3t".to_vec(),
        };
        let secrets = Secrets {
            list: vec![
                secret(None, "any"),
                secret(Some("extend"), "ext"),
                secret(Some("Daily"), "daily"),
                secret(Some("standard-webhooks"), "std"),
            ],
            unset: vec![("alfred".to_owned(), "ALFRED_SECRET".to_owned())],
        };
        let origins = |p, s| secrets.for_delivery(p, s).iter().map(|s| s.origin.as_str()).collect::<Vec<_>>();
        assert_eq!(origins(Some("daily"), "daily"), ["daily", "any"]);
        assert_eq!(origins(Some("acme"), "standard-webhooks"), ["std", "any"]);
        assert_eq!(origins(None, "standard-webhooks"), ["std", "any"]);
        assert_eq!(origins(Some("extend"), "standard-webhooks"), ["ext", "std", "any"]);
        assert!(secrets.none_for(Some("alfred"), "x").contains("ALFRED_SECRET"));
        assert!(secrets.none_for(Some("acme"), "extend").contains("--secret-env acme=NAME (or extend=NAME)"));
        assert!(!format!("{secrets:?}").contains("s3cr3t"));
    }
}
