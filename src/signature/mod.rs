//! Webhook signatures, pure and offline: verify a captured delivery against the scheme its
//! provider declares and say in one sentence why it fails, or sign a body the way the provider
//! would. Secrets come in as bytes and never leave in any output, error or `Debug`.

mod daily;
mod extend;
mod mac;
mod problem;
mod reencode;
mod spec;
mod standard;

use sha2::{Digest, Sha256};

use crate::catalog::SignatureScheme;

pub(crate) use problem::Problem;
use spec::{Parts, Spec, trim};

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
    /// `now` with the scheme's default window (see [`default_tolerances`]).
    pub(crate) fn for_scheme(scheme: SignatureScheme, now: i64) -> Self {
        let (tolerance_past, tolerance_future) = default_tolerances(scheme).unwrap_or((0, 0));
        Self { now, tolerance_past, tolerance_future }
    }
}

/// Seconds a timestamp may lie behind and ahead of now: Extend 300 / 60 (its SDKs), Standard
/// Webhooks 300 / 300 (the reference libraries), Daily 300 / 300 (undocumented; the common
/// convention). `None` for a scheme without signatures.
pub(crate) fn default_tolerances(scheme: SignatureScheme) -> Option<(i64, i64)> {
    spec(scheme).map(|spec| (spec.tolerance_past, spec.tolerance_future))
}

/// The headers a scheme reads, signature first, for help text and reports.
pub(crate) fn header_names(scheme: SignatureScheme) -> Vec<&'static str> {
    spec(scheme)
        .map(|spec| {
            [Some(spec.signature_header), Some(spec.timestamp_header), spec.id_header]
                .into_iter()
                .flatten()
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verification {
    /// Signed with the secret; `age` is now minus the timestamp (negative when ahead).
    Valid {
        timestamp: i64,
        age: i64,
    },
    Invalid {
        problem: Problem,
    },
    /// The scheme has no signature to check (the provider's own note says more).
    Unsupported {
        note: &'static str,
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
    #[error("the provider documents no webhook signature, so there is nothing to sign")]
    Unsupported,
    #[error("the secret is not in the form {scheme} uses ({expected})")]
    BadSecret { scheme: &'static str, expected: &'static str },
    #[error("a webhook id must be non-empty printable ASCII without spaces")]
    BadId,
    #[error("a signing timestamp must be a non-negative number of Unix seconds")]
    BadTimestamp,
}

const UNSUPPORTED: &str = "The provider documents no webhook signature, so there is nothing to verify.";

fn spec(scheme: SignatureScheme) -> Option<&'static Spec> {
    match scheme {
        SignatureScheme::Daily => Some(&daily::DAILY),
        SignatureScheme::Extend => Some(&extend::EXTEND),
        SignatureScheme::StandardWebhooks => Some(&standard::STANDARD_WEBHOOKS),
        SignatureScheme::None => None,
    }
}

/// Checks one delivery; on failure, finds the likeliest reason.
pub(crate) fn verify(
    scheme: SignatureScheme,
    secret: &[u8],
    delivery: &Delivery,
    clock: &Clock,
) -> Verification {
    let Some(spec) = spec(scheme) else {
        return Verification::Unsupported { note: UNSUPPORTED };
    };
    match check(spec, trim(secret), delivery, clock) {
        Ok((timestamp, age)) => Verification::Valid { timestamp, age },
        Err(problem) => Verification::Invalid { problem },
    }
}

fn check(spec: &Spec, secret: &[u8], delivery: &Delivery, clock: &Clock) -> Result<(i64, i64), Problem> {
    let find = |name: &str| header(delivery.headers, name);
    let signature = find(spec.signature_header);
    let timestamp = find(spec.timestamp_header);
    // Schemes without an id sign none, which reads as an empty id.
    let id = spec.id_header.map_or(Some(""), find);
    let (Some(signature), Some(timestamp), Some(id)) = (signature, timestamp, id) else {
        let headers = [Some(spec.signature_header), Some(spec.timestamp_header), spec.id_header]
            .into_iter()
            .flatten()
            .filter(|name| find(name).is_none())
            .collect();
        return Err(Problem::MissingHeaders { scheme: spec.name, headers });
    };
    let tags = (spec.parse_signature)(signature).ok_or(Problem::MalformedSignature {
        header: spec.signature_header,
        scheme: spec.name,
        expected: spec.signature_shape,
    })?;
    let seconds = parse_timestamp(timestamp).ok_or_else(|| Problem::TimestampNotNumber {
        header: spec.timestamp_header,
        value: timestamp.to_owned(),
    })?;
    let parts = Parts { id, timestamp, body: delivery.body };
    let key = (spec.key)(secret);
    match &key {
        // The window is judged only once the signature is known good, so a stale but genuine
        // delivery is reported as stale rather than as forged.
        Some(key) if mac::matches_any(key, &(spec.message)(&parts), &tags) => {
            window(spec, seconds, clock).map(|age| (seconds, age))
        }
        _ => Err(diagnose(spec, secret, key.as_deref(), &parts, &tags)),
    }
}

/// The first near miss that matches: the body rewritten, the secret misused, the message built
/// another way; otherwise the secret is wrong or the body was changed.
fn diagnose(spec: &Spec, secret: &[u8], key: Option<&[u8]>, parts: &Parts, tags: &[Vec<u8>]) -> Problem {
    if let Some(key) = key {
        for (form, body) in reencode::variants(parts.body) {
            let message = (spec.message)(&Parts { body: &body, ..*parts });
            if mac::matches_any(key, &message, tags) {
                return Problem::BodyReencoded { form };
            }
        }
    }
    let message = (spec.message)(parts);
    for (used, other) in (spec.other_keys)(secret) {
        if mac::matches_any(&other, &message, tags) {
            return Problem::SecretMisused { scheme: spec.name, used, expected: spec.key_use };
        }
    }
    let Some(key) = key else {
        return Problem::BadSecret { scheme: spec.name, expected: spec.secret_shape };
    };
    for (used, message) in (spec.other_messages)(parts) {
        if mac::matches_any(key, &message, tags) {
            return Problem::MessageMisbuilt { scheme: spec.name, used, expected: spec.construction };
        }
    }
    Problem::NoMatch
}

/// Now minus the timestamp, or why it falls outside the clock's window.
fn window(spec: &Spec, timestamp: i64, clock: &Clock) -> Result<i64, Problem> {
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
            return Err(Problem::Milliseconds { scheme: spec.name, timestamp });
        }
        return Err(Problem::TooNew { ahead, tolerance: clock.tolerance_future });
    }
    Ok(age)
}

/// Unix seconds as the schemes send them: plain decimal digits (no sign, fraction or exponent).
fn parse_timestamp(text: &str) -> Option<i64> {
    let digits = !text.is_empty() && text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().ok()).flatten()
}

/// The first header of that name, compared case-insensitively as HTTP does, value trimmed.
fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(key, _)| key.trim().eq_ignore_ascii_case(name)).map(|(_, value)| value.trim())
}

/// The headers a real delivery of `body` would carry, in the scheme's own spelling. Schemes
/// that sign an id (Standard Webhooks) use `id`, or without one derive `msg_` + the first 16
/// bytes of SHA-256(`<timestamp>.<body>`) in hex, so the same fixture signs the same way twice;
/// other schemes ignore `id`.
pub(crate) fn sign(
    scheme: SignatureScheme,
    secret: &[u8],
    body: &[u8],
    timestamp: i64,
    id: Option<&str>,
) -> Result<Vec<(String, String)>, SignError> {
    let spec = spec(scheme).ok_or(SignError::Unsupported)?;
    let key = (spec.key)(trim(secret))
        .ok_or(SignError::BadSecret { scheme: spec.name, expected: spec.secret_shape })?;
    if timestamp < 0 {
        return Err(SignError::BadTimestamp);
    }
    let timestamp = timestamp.to_string();
    let id = match (spec.id_header, id) {
        (None, _) => None,
        (Some(_), Some(id)) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_graphic()) => {
            Some(id.to_owned())
        }
        (Some(_), Some(_)) => return Err(SignError::BadId),
        (Some(_), None) => Some(derived_id(&timestamp, body)),
    };
    let parts = Parts { id: id.as_deref().unwrap_or_default(), timestamp: &timestamp, body };
    let tag = mac::tag(&key, &(spec.message)(&parts));
    let mut headers = Vec::with_capacity(3);
    if let (Some(name), Some(id)) = (spec.id_header, id) {
        headers.push((name.to_owned(), id));
    }
    headers.push((spec.timestamp_header.to_owned(), timestamp));
    headers.push((spec.signature_header.to_owned(), (spec.format_signature)(&tag)));
    Ok(headers)
}

fn derived_id(timestamp: &str, body: &[u8]) -> String {
    let digest = Sha256::new().chain_update(timestamp).chain_update(b".").chain_update(body).finalize();
    format!("msg_{}", hex::encode(&digest[..16]))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(crate) fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    /// Verifies with the scheme's default window around `now`.
    pub(crate) fn verify_at(
        scheme: SignatureScheme,
        secret: &[u8],
        headers: &[(String, String)],
        body: &[u8],
        now: i64,
    ) -> Verification {
        verify(scheme, secret, &Delivery { headers, body }, &Clock::for_scheme(scheme, now))
    }

    /// The problem found, failing the test when the delivery verifies.
    pub(crate) fn diagnosis(
        scheme: SignatureScheme,
        secret: &[u8],
        headers: &[(String, String)],
        body: &[u8],
        now: i64,
    ) -> Problem {
        match verify_at(scheme, secret, headers, body, now) {
            Verification::Invalid { problem } => problem,
            other => panic!("expected a problem, got {other:?}"),
        }
    }

    #[test]
    fn a_scheme_without_signatures_is_unsupported() {
        let v = verify_at(SignatureScheme::None, b"s", &[], b"{}", 0);
        assert_eq!(v, Verification::Unsupported { note: UNSUPPORTED });
        assert_eq!(sign(SignatureScheme::None, b"s", b"{}", 0, None), Err(SignError::Unsupported));
        assert_eq!(default_tolerances(SignatureScheme::None), None);
    }

    #[test]
    fn default_windows_per_scheme() {
        assert_eq!(default_tolerances(SignatureScheme::Extend), Some((300, 60)));
        assert_eq!(default_tolerances(SignatureScheme::Daily), Some((300, 300)));
        assert_eq!(default_tolerances(SignatureScheme::StandardWebhooks), Some((300, 300)));
        assert_eq!(
            header_names(SignatureScheme::StandardWebhooks),
            ["webhook-signature", "webhook-timestamp", "webhook-id"]
        );
    }

    #[test]
    fn timestamps_are_plain_digits() {
        assert_eq!(parse_timestamp("1708526033"), Some(1_708_526_033));
        for bad in ["", "+5", "-5", "1.5", "1e9", "0x10", "9999999999999999999"] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn millisecond_timestamps_are_recognised() {
        // Signed over the millisecond text, so only the window can object.
        let secret = b"wss_x";
        let out = sign(SignatureScheme::Extend, secret, b"{}", 1_707_777_128_000, None).expect("signs");
        let p = diagnosis(SignatureScheme::Extend, secret, &out, b"{}", 1_707_777_130);
        assert_eq!(p, Problem::Milliseconds { scheme: "Extend", timestamp: 1_707_777_128_000 });
    }

    #[test]
    fn unusable_secrets() {
        let daily = SignatureScheme::Daily;
        assert_eq!(
            sign(daily, b"not base64!", b"{}", 1, None),
            Err(SignError::BadSecret { scheme: "Daily", expected: "base64 text" })
        );
        let hs = headers(&[
            ("X-Webhook-Signature", "fHzUrXgKjfZ9IpXbkeHYWgvWUC7wFwjdxLW7vRDdxpw="),
            ("X-Webhook-Timestamp", "1"),
        ]);
        assert_eq!(
            diagnosis(daily, b"not base64!", &hs, b"{}", 1).to_string(),
            "The secret is not in the form Daily uses (base64 text), and no other reading of it matches the signature."
        );
    }

    #[test]
    fn problems_never_show_the_secret() {
        let secret = b"wss_topSecretValue";
        let hs =
            headers(&[("x-extend-request-signature", &"0".repeat(64)), ("x-extend-request-timestamp", "1")]);
        let p = diagnosis(SignatureScheme::Extend, secret, &hs, b"{}", 1);
        assert!(!p.to_string().contains("topSecret") && !format!("{p:?}").contains("topSecret"));
    }
}
