//! Extend: `x-extend-request-signature` = lowercase hex HMAC-SHA256 keyed with the whole `wss_`
//! secret text over `v0:<x-extend-request-timestamp>:<raw body>`.

use super::spec::{MessageForm, Parts, SecretForm, Spec, concat, decode_secret};

const PREFIX: &[u8] = b"wss_";

pub(super) const EXTEND: Spec = Spec {
    name: "Extend",
    signature_header: "x-extend-request-signature",
    timestamp_header: "x-extend-request-timestamp",
    id_header: None,
    construction: "`v0:<timestamp>:<raw body>`",
    signature_shape: "64 lowercase hex digits",
    secret_shape: "a non-empty `wss_` signing secret",
    key_use: "the whole `wss_` secret as text, not decoded",
    // Extend's SDKs: `maxAgeSeconds = 300`, and at most 60 s in the future.
    tolerance_past: 300,
    tolerance_future: 60,
    parse_signature,
    format_signature: hex_lower,
    key: |secret| (!secret.is_empty()).then(|| secret.to_vec()),
    other_keys,
    message: |parts: &Parts| concat(&[b"v0:", parts.timestamp.as_bytes(), b":", parts.body]),
    other_messages: |parts: &Parts| {
        vec![
            (MessageForm::WithoutVersion, concat(&[parts.timestamp.as_bytes(), b":", parts.body])),
            (MessageForm::TimestampDotBody, concat(&[parts.timestamp.as_bytes(), b".", parts.body])),
            (MessageForm::BodyOnly, parts.body.to_vec()),
        ]
    },
};

/// Extend's SDKs compare the hex text itself, so upper-case digits would be rejected by a real
/// receiver: only the lowercase form counts as well-formed.
fn parse_signature(value: &str) -> Option<Vec<Vec<u8>>> {
    let lowercase_hex = value.len() == 64 && value.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    lowercase_hex.then(|| hex::decode(value).ok()).flatten().map(|tag| vec![tag])
}

fn hex_lower(tag: &[u8]) -> String {
    hex::encode(tag)
}

fn other_keys(secret: &[u8]) -> Vec<(SecretForm, Vec<u8>)> {
    let mut keys = Vec::new();
    let bare = secret.strip_prefix(PREFIX);
    // People who know base64 secrets from other providers decode what follows the prefix.
    for text in [Some(secret), bare].into_iter().flatten() {
        if let Some(key) = decode_secret(text) {
            keys.push((SecretForm::Decoded, key));
        }
    }
    if let Some(bare) = bare {
        keys.push((SecretForm::WithoutPrefix, bare.to_vec()));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::super::reencode::BodyForm;
    use super::super::spec::SecretForm;
    use super::super::tests::{diagnosis, headers, verify_at};
    use super::super::{Problem, Verification, sign};
    use crate::catalog::SignatureScheme::Extend;

    const SECRET: &[u8] = b"wss_aG9va3Njb3BlLWV4dGVuZC10ZXN0";
    const BODY: &str = r#"{"eventId":"evt_abc","eventType":"extract_run.processed","payload":{"id":"exr_1","status":"PROCESSED"}}"#;
    const TS: i64 = 1_707_777_128;
    // python3 -c 'import hmac,hashlib;print(hmac.new(b"wss_aG9va3Njb3BlLWV4dGVuZC10ZXN0",
    // b"v0:1707777128:"+BODY,hashlib.sha256).hexdigest())'
    const SIG: &str = "fb89a61e4c6d54c5cc82a21263ee173950238e2b08aa23401132db8dcb9af0a9";
    // The same keyed with base64.b64decode("aG9va3Njb3BlLWV4dGVuZC10ZXN0") (the part after `wss_`, decoded).
    const SIG_DECODED_SECRET: &str = "0a33ed2f6e5ef58950d4fe96653ce8b00daef08f6e583587616b5fc249c8b9a6";
    // The same keyed with b"aG9va3Njb3BlLWV4dGVuZC10ZXN0" (the secret without `wss_`, not decoded).
    const SIG_NO_PREFIX: &str = "6c4cfe3d1cebfe3f486086c55d9683e90e2bda5ca67369ac4d6770ac1651f8d5";

    fn delivery(sig: &str, ts: i64) -> Vec<(String, String)> {
        headers(&[("x-extend-request-signature", sig), ("x-extend-request-timestamp", &ts.to_string())])
    }

    #[test]
    fn valid_delivery_verifies() {
        let v = verify_at(Extend, SECRET, &delivery(SIG, TS), BODY.as_bytes(), TS + 299);
        assert!(matches!(v, Verification::Valid { timestamp: TS, age: 299 }), "{v:?}");
        // Ahead by up to the 60 s future tolerance is clock skew, not an attack.
        assert!(verify_at(Extend, SECRET, &delivery(SIG, TS), BODY.as_bytes(), TS - 60).is_valid());
    }

    #[test]
    fn tampered_body_and_wrong_secret_match_nothing() {
        let tampered = BODY.replace("PROCESSED", "FAILED");
        assert_eq!(diagnosis(Extend, SECRET, &delivery(SIG, TS), tampered.as_bytes(), TS), Problem::NoMatch);
        let other = b"wss_someoneElsesSecret";
        assert_eq!(diagnosis(Extend, other, &delivery(SIG, TS), BODY.as_bytes(), TS), Problem::NoMatch);
    }

    #[test]
    fn stale_and_future_timestamps_are_reported() {
        let p = diagnosis(Extend, SECRET, &delivery(SIG, TS), BODY.as_bytes(), TS + 301);
        assert_eq!(p, Problem::TooOld { age: 301, tolerance: 300 });
        let p = diagnosis(Extend, SECRET, &delivery(SIG, TS), BODY.as_bytes(), TS - 75);
        assert_eq!(p, Problem::TooNew { ahead: 75, tolerance: 60 });
        assert_eq!(
            p.to_string(),
            "The timestamp is 75 s in the future, 15 s beyond the 60 s tolerance, so the sender's clock or this one is wrong."
        );
    }

    #[test]
    fn pretty_printed_after_signing_is_diagnosed() {
        let pretty = "{\n  \"eventId\": \"evt_abc\",\n  \"eventType\": \"extract_run.processed\",\n  \"payload\": {\n    \"id\": \"exr_1\",\n    \"status\": \"PROCESSED\"\n  }\n}";
        let p = diagnosis(Extend, SECRET, &delivery(SIG, TS), pretty.as_bytes(), TS);
        assert_eq!(p, Problem::BodyReencoded { form: BodyForm::Compact });
    }

    #[test]
    fn decoded_or_stripped_secret_is_diagnosed() {
        let p = diagnosis(Extend, SECRET, &delivery(SIG_DECODED_SECRET, TS), BODY.as_bytes(), TS);
        assert_eq!(
            p.to_string(),
            "The signature was made with the base64-decoded secret, but Extend signs with the whole `wss_` secret as text, not decoded."
        );
        let p = diagnosis(Extend, SECRET, &delivery(SIG_NO_PREFIX, TS), BODY.as_bytes(), TS);
        assert!(matches!(p, Problem::SecretMisused { used: SecretForm::WithoutPrefix, .. }), "{p:?}");
    }

    #[test]
    fn missing_and_malformed_headers_are_reported() {
        let hs = headers(&[("x-extend-request-signature", SIG)]);
        let p = diagnosis(Extend, SECRET, &hs, BODY.as_bytes(), TS);
        assert_eq!(
            p,
            Problem::MissingHeaders { scheme: "Extend", headers: vec!["x-extend-request-timestamp"] }
        );
        let p = diagnosis(Extend, SECRET, &delivery(&SIG.to_uppercase(), TS), BODY.as_bytes(), TS);
        assert_eq!(
            p.to_string(),
            "The x-extend-request-signature header is not 64 lowercase hex digits, the form Extend sends."
        );
    }

    #[test]
    fn sign_matches_the_independent_vector_and_verifies() {
        let out = sign(Extend, SECRET, BODY.as_bytes(), TS, None).expect("any secret signs");
        assert_eq!(
            out,
            headers(&[("x-extend-request-timestamp", "1707777128"), ("x-extend-request-signature", SIG)])
        );
        assert!(verify_at(Extend, SECRET, &out, BODY.as_bytes(), TS).is_valid());
    }
}
