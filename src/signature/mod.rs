//! Webhook signatures, pure and offline: pick the scheme a delivery was signed with, verify it
//! and say in one sentence why it fails, or sign a body the way the scheme would. Schemes are
//! catalog data ([`Scheme`]); this module knows only the primitives and how to combine them,
//! and (`check.rs`) how a delivery's verdict follows from its provider, headers and secrets.
//! Secrets come in as bytes and never leave in any output, error or `Debug`.

mod check;
mod crypto;
mod problem;
mod reencode;
mod scheme;

use std::fmt;

use sha2::{Digest as _, Sha256};

pub(crate) use check::{
    CheckOptions, DefaultScheme, Signer, Verdict, VerifyStatus, check_delivery, find_scheme, unix_now,
};
pub(crate) use problem::Problem;
pub(crate) use scheme::{Digest, Scheme, SchemeDesc};
use scheme::{Entry, EntryKind, Parts};

/// The scheme name a provider uses to say it documents no signature.
pub(crate) const NO_SCHEME: &str = "none";

/// One captured delivery: its headers in order (names in any case) and the raw body bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Delivery<'a> {
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// The moment to judge timestamps against (Unix seconds) and how far back and ahead of it a
/// signed timestamp may lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock {
    pub now: i64,
    pub tolerance_past: i64,
    pub tolerance_future: i64,
}

impl Clock {
    /// `now` with the scheme's own window.
    pub(crate) fn for_scheme(scheme: &Scheme, now: i64) -> Self {
        let t = scheme.desc.tolerance;
        Self { now, tolerance_past: t.past, tolerance_future: t.future }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verification {
    /// Signed with the secret; `age` is now minus the timestamp (negative when ahead); `entry`
    /// is the 1-based position of the matching signature among the header's `entries`.
    Valid {
        timestamp: i64,
        age: i64,
        entry: usize,
        entries: usize,
    },
    Invalid {
        problem: Problem,
    },
}

impl Verification {
    #[cfg(test)]
    pub(crate) fn is_valid(&self) -> bool {
        matches!(self, Self::Valid { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum SignError {
    #[error("the secret is not in the form {scheme} uses ({expected})")]
    BadSecret { scheme: String, expected: String },
    #[error("a public key can only verify; sign with the `{prefix}` secret key")]
    PublicKey { prefix: String },
    #[error("a webhook id must be non-empty printable ASCII without spaces")]
    BadId,
    #[error("a signing timestamp must be a non-negative number of Unix seconds")]
    BadTimestamp,
}

/// Why a delivery is checked with the scheme it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reason {
    /// `--scheme NAME`.
    Forced,
    /// The delivery carries the scheme's headers (these, in the scheme's order and spelling).
    Headers(Vec<String>),
    /// No scheme's signature header is present; the provider declares this one.
    ProviderDefault,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Forced => f.write_str("--scheme"),
            Self::Headers(seen) => write!(f, "headers seen: {}", seen.join(", ")),
            Self::ProviderDefault => f.write_str("provider default"),
        }
    }
}

/// The scheme of a delivery: the one whose signature header it carries (most of its headers
/// present wins; on a tie the provider's default, then catalog order); without any, `default`.
pub(crate) fn choose<'s>(
    schemes: impl IntoIterator<Item = &'s Scheme>,
    headers: &[(String, String)],
    default: Option<&'s Scheme>,
) -> Option<(&'s Scheme, Reason)> {
    let mut best: Option<(&Scheme, Vec<String>)> = None;
    for scheme in schemes {
        if header(headers, &scheme.desc.headers.signature).is_none() {
            continue;
        }
        let seen: Vec<String> = scheme
            .header_names()
            .into_iter()
            .filter(|name| header(headers, name).is_some())
            .map(str::to_owned)
            .collect();
        let is_default = default.is_some_and(|d| d.name() == scheme.name());
        let better = match &best {
            None => true,
            Some((_, got)) => seen.len() > got.len() || (seen.len() == got.len() && is_default),
        };
        if better {
            best = Some((scheme, seen));
        }
    }
    match best {
        Some((scheme, seen)) => Some((scheme, Reason::Headers(seen))),
        None => default.map(|d| (d, Reason::ProviderDefault)),
    }
}

/// Checks one delivery against one secret; on failure, finds the likeliest reason.
pub(crate) fn verify(scheme: &Scheme, secret: &[u8], delivery: &Delivery, clock: &Clock) -> Verification {
    match check(scheme, trim(secret), delivery, clock) {
        Ok(valid) => valid,
        Err(problem) => Verification::Invalid { problem },
    }
}

/// The keys one secret gives for a scheme: an HMAC key and an Ed25519 public key, either or both
/// absent.
struct Keys {
    hmac: Option<Vec<u8>>,
    ed25519: Option<[u8; 32]>,
}

impl Keys {
    fn of(scheme: &Scheme, secret: &[u8]) -> Self {
        let ed25519 = scheme.ed25519_public(secret);
        // A key marked as Ed25519 is never also read as an HMAC secret.
        let hmac = if scheme.is_ed25519_secret(secret) { None } else { scheme.hmac_key(secret) };
        Self { hmac, ed25519 }
    }

    /// The first entry signed over `message` with these keys.
    fn first_match<'e>(&self, message: &[u8], entries: &'e [Entry]) -> Option<&'e Entry> {
        entries.iter().find(|entry| match entry.kind {
            EntryKind::Hmac => {
                self.hmac.as_deref().is_some_and(|k| crypto::hmac_matches(k, message, &entry.bytes))
            }
            EntryKind::Ed25519 => {
                self.ed25519.as_ref().is_some_and(|k| crypto::ed25519_matches(k, message, &entry.bytes))
            }
        })
    }
}

fn check(
    scheme: &Scheme,
    secret: &[u8],
    delivery: &Delivery,
    clock: &Clock,
) -> Result<Verification, Problem> {
    let names = &scheme.desc.headers;
    let find = |name: &str| header(delivery.headers, name);
    let signature = find(&names.signature);
    let timestamp = find(&names.timestamp);
    // Schemes without an id sign none, which reads as an empty id.
    let id = names.id.as_deref().map_or(Some(""), find);
    let (Some(signature), Some(timestamp), Some(id)) = (signature, timestamp, id) else {
        let mut missing: Vec<String> =
            scheme.header_names().into_iter().filter(|n| find(n).is_none()).map(str::to_owned).collect();
        // Named signature first: it is the one that makes a delivery signed.
        missing.sort_by_key(|n| *n != names.signature);
        return Err(Problem::MissingHeaders { scheme: scheme.title().to_owned(), headers: missing });
    };
    let entries = scheme.parse_signature(signature).ok_or_else(|| Problem::MalformedSignature {
        header: names.signature.clone(),
        scheme: scheme.title().to_owned(),
        expected: scheme.signature_shape(),
    })?;
    let total = scheme.entry_count(signature);
    let seconds = parse_timestamp(timestamp).ok_or_else(|| Problem::TimestampNotNumber {
        header: names.timestamp.clone(),
        value: timestamp.to_owned(),
    })?;
    let parts = Parts { id, timestamp, body: delivery.body };
    let keys = Keys::of(scheme, secret);
    if let Some(entry) = keys.first_match(&scheme.message(&parts), &entries) {
        // The window is judged only once the signature is known good, so a stale but genuine
        // delivery is reported as stale rather than as forged.
        let age = window(scheme, seconds, clock)?;
        return Ok(Verification::Valid { timestamp: seconds, age, entry: entry.index, entries: total });
    }
    Err(diagnose(scheme, secret, &keys, &parts, &entries))
}

/// The first near miss that matches: the body rewritten, the secret misused, the message built
/// another way; otherwise the secret is wrong or the body was changed.
fn diagnose(scheme: &Scheme, secret: &[u8], keys: &Keys, parts: &Parts, entries: &[Entry]) -> Problem {
    let has = |kind| entries.iter().any(|e| e.kind == kind);
    let header = &scheme.desc.headers.signature;
    if let Some(ed) = &scheme.desc.ed25519 {
        let hmac_label = || match &scheme.desc.layout {
            scheme::Layout::Entries(e) => format!("`{}`", e.versions.join("` or `")),
            scheme::Layout::Plain => "HMAC".to_owned(),
        };
        if keys.ed25519.is_some() && !has(EntryKind::Ed25519) {
            let wanted = format!("`{}`", ed.version);
            return Problem::NoEntryForKey { header: header.clone(), wanted, key: "an Ed25519 key" };
        }
        if keys.hmac.is_some() && keys.ed25519.is_none() && !has(EntryKind::Hmac) {
            return Problem::NoEntryForKey {
                header: header.clone(),
                wanted: hmac_label(),
                key: "an HMAC secret",
            };
        }
    }
    if keys.hmac.is_some() || keys.ed25519.is_some() {
        for (form, body) in reencode::variants(parts.body) {
            let message = scheme.message(&Parts { body: &body, ..*parts });
            if keys.first_match(&message, entries).is_some() {
                return Problem::BodyReencoded { form };
            }
        }
    }
    let message = scheme.message(parts);
    if !scheme.is_ed25519_secret(secret) {
        for (used, other) in scheme.other_keys(secret) {
            let other = Keys { hmac: Some(other), ed25519: None };
            if other.first_match(&message, entries).is_some() {
                return Problem::SecretMisused {
                    scheme: scheme.title().to_owned(),
                    used,
                    expected: scheme.key_use(),
                };
            }
        }
    }
    if keys.hmac.is_none() && keys.ed25519.is_none() {
        return Problem::BadSecret { scheme: scheme.title().to_owned(), expected: scheme.secret_shape() };
    }
    for (used, message) in scheme.other_messages(parts) {
        if keys.first_match(&message, entries).is_some() {
            return Problem::MessageMisbuilt {
                scheme: scheme.title().to_owned(),
                used,
                expected: scheme.construction(),
            };
        }
    }
    Problem::NoMatch
}

/// Now minus the timestamp, or why it falls outside the clock's window.
fn window(scheme: &Scheme, timestamp: i64, clock: &Clock) -> Result<i64, Problem> {
    let age = clock.now.saturating_sub(timestamp);
    if age > clock.tolerance_past {
        return Err(Problem::TooOld { age, tolerance: clock.tolerance_past });
    }
    let ahead = age.saturating_neg();
    if ahead > clock.tolerance_future {
        // Thirteen digits is a JavaScript `Date.now()`: far in the future read as seconds.
        let as_seconds = timestamp / 1000;
        let window = clock.tolerance_past.max(clock.tolerance_future).unsigned_abs();
        if timestamp >= 100_000_000_000 && clock.now.saturating_sub(as_seconds).unsigned_abs() <= window {
            return Err(Problem::Milliseconds { scheme: scheme.title().to_owned(), timestamp });
        }
        return Err(Problem::TooNew { ahead, tolerance: clock.tolerance_future });
    }
    Ok(age)
}

/// Unix seconds as the schemes send them: plain decimal digits (no sign, fraction or exponent).
/// A whole number past the 64-bit range is still one: it stands as the furthest future.
fn parse_timestamp(text: &str) -> Option<i64> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().unwrap_or(i64::MAX))
}

/// The first header of that name, compared case-insensitively as HTTP does, value trimmed.
pub(crate) fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(key, _)| key.trim().eq_ignore_ascii_case(name)).map(|(_, value)| value.trim())
}

/// Secrets are copied from dashboards and files, so surrounding whitespace (a file's final
/// newline) is never part of them.
fn trim(secret: &[u8]) -> &[u8] {
    secret.trim_ascii()
}

/// The headers a real delivery of `body` would carry, in the scheme's own spelling. A secret
/// with the scheme's Ed25519 secret-key prefix signs with Ed25519, any other one with HMAC.
/// Schemes that sign an id use `id`, or without one derive `msg_` + the first 16 bytes of
/// SHA-256(`<timestamp>.<body>`) in hex, so the same fixture signs the same way twice.
pub(crate) fn sign(
    scheme: &Scheme,
    secret: &[u8],
    body: &[u8],
    timestamp: i64,
    id: Option<&str>,
) -> Result<Vec<(String, String)>, SignError> {
    let secret = trim(secret);
    let bad_secret =
        || SignError::BadSecret { scheme: scheme.title().to_owned(), expected: scheme.secret_shape() };
    if timestamp < 0 {
        return Err(SignError::BadTimestamp);
    }
    let names = &scheme.desc.headers;
    let timestamp = timestamp.to_string();
    let id = match (&names.id, id) {
        (None, _) => None,
        (Some(_), Some(id)) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_graphic()) => {
            Some(id.to_owned())
        }
        (Some(_), Some(_)) => return Err(SignError::BadId),
        (Some(_), None) => Some(derived_id(&timestamp, body)),
    };
    let parts = Parts { id: id.as_deref().unwrap_or_default(), timestamp: &timestamp, body };
    let message = scheme.message(&parts);
    let value = match &scheme.desc.ed25519 {
        Some(ed) if secret.starts_with(ed.public_key_prefix.as_bytes()) => {
            return Err(SignError::PublicKey { prefix: ed.secret_key_prefix.clone() });
        }
        Some(ed) if secret.starts_with(ed.secret_key_prefix.as_bytes()) => {
            let seed = scheme.ed25519_seed(secret).ok_or_else(bad_secret)?;
            scheme.format_ed25519(&crypto::ed25519_sign(&seed, &message)).ok_or_else(bad_secret)?
        }
        _ => scheme.format_hmac(&crypto::hmac(&scheme.hmac_key(secret).ok_or_else(bad_secret)?, &message)),
    };
    let mut headers = Vec::with_capacity(3);
    if let (Some(name), Some(id)) = (&names.id, id) {
        headers.push((name.clone(), id));
    }
    headers.push((names.timestamp.clone(), timestamp));
    headers.push((names.signature.clone(), value));
    Ok(headers)
}

fn derived_id(timestamp: &str, body: &[u8]) -> String {
    let digest = Sha256::new().chain_update(timestamp).chain_update(b".").chain_update(body).finalize();
    format!("msg_{}", hex::encode(&digest[..16]))
}

#[cfg(test)]
mod tests;
