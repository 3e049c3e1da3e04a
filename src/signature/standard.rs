//! Standard Webhooks (<https://www.standardwebhooks.com>): `webhook-signature` holds
//! space-separated `v1,<base64>` entries of HMAC-SHA256(base64-decoded `whsec_` secret,
//! `<webhook-id>.<webhook-timestamp>.<raw body>`); any one entry matching is enough.

use super::spec::{
    MessageForm, Parts, SecretForm, Spec, concat, decode_secret, decode_tag_base64, encode_base64,
};

const PREFIX: &[u8] = b"whsec_";

pub(super) const STANDARD_WEBHOOKS: Spec = Spec {
    name: "Standard Webhooks",
    signature_header: "webhook-signature",
    timestamp_header: "webhook-timestamp",
    id_header: Some("webhook-id"),
    construction: "`<id>.<timestamp>.<raw body>`",
    signature_shape: "space-separated `v1,<base64>` entries",
    secret_shape: "`whsec_` followed by base64",
    key_use: "the base64-decoded part after `whsec_`",
    // The specification's reference libraries allow five minutes either way.
    tolerance_past: 300,
    tolerance_future: 300,
    parse_signature,
    format_signature: |tag| format!("v1,{}", encode_base64(tag)),
    // The reference libraries accept the secret with or without its prefix.
    key: |secret| decode_secret(secret.strip_prefix(PREFIX).unwrap_or(secret)),
    other_keys: |secret| {
        let mut keys = vec![(SecretForm::NotDecoded, secret.to_vec())];
        if let Some(bare) = secret.strip_prefix(PREFIX) {
            keys.push((SecretForm::NotDecoded, bare.to_vec()));
        }
        keys
    },
    message: |parts: &Parts| {
        concat(&[parts.id.as_bytes(), b".", parts.timestamp.as_bytes(), b".", parts.body])
    },
    other_messages: |parts: &Parts| {
        vec![
            (MessageForm::TimestampDotBody, concat(&[parts.timestamp.as_bytes(), b".", parts.body])),
            (MessageForm::BodyOnly, parts.body.to_vec()),
        ]
    },
};

/// The `v1` tags; other versions (`v1a` is an asymmetric signature) are not HMACs and are
/// skipped, as the specification says receivers should. `None` when no `v1` tag is usable.
fn parse_signature(value: &str) -> Option<Vec<Vec<u8>>> {
    let tags: Vec<Vec<u8>> = value
        .split_ascii_whitespace()
        .filter_map(|entry| entry.strip_prefix("v1,"))
        .filter_map(decode_tag_base64)
        .collect();
    (!tags.is_empty()).then_some(tags)
}

#[cfg(test)]
mod tests {
    use super::super::reencode::BodyForm;
    use super::super::spec::MessageForm;
    use super::super::tests::{diagnosis, headers, verify_at};
    use super::super::{Problem, SignError, Verification, sign};
    use crate::catalog::SignatureScheme::StandardWebhooks;

    // The example secret, id, timestamp and body of the specification's own test vector.
    const SECRET: &[u8] = b"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    const BODY: &str = r#"{"test": 2432232314}"#;
    const TS: i64 = 1_614_265_330;
    // python3 -c 'import hmac,hashlib,base64;print(base64.b64encode(hmac.new(base64.b64decode(
    // "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),b"msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330."+BODY,
    // hashlib.sha256).digest()).decode())' — also the value the specification publishes.
    const SIG: &str = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    // The same keyed with b"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" (the secret text, not decoded).
    const SIG_RAW_SECRET: &str = "TcxlhK9b6UD6iVI1ZU2tTqp8PEVfYRseNNfa6b+LcUg=";
    // python3 -c 'import hashlib;print("msg_"+hashlib.sha256(b"1614265330."+BODY).hexdigest()[:32])'
    const DERIVED_ID: &str = "msg_8d429cafa506b7c09b45bfd39df3816d";
    // SIG's one-liner with DERIVED_ID in place of ID.
    const SIG_DERIVED_ID: &str = "rC7uO0+RimKKj7yGLpMAr4oAnrvEkQUAy0SX7mMy+qQ=";

    fn delivery(sig: &str, ts: i64) -> Vec<(String, String)> {
        headers(&[("webhook-id", ID), ("webhook-timestamp", &ts.to_string()), ("webhook-signature", sig)])
    }

    #[test]
    fn valid_delivery_verifies_with_any_matching_entry() {
        let v = verify_at(StandardWebhooks, SECRET, &delivery(&format!("v1,{SIG}"), TS), BODY.as_bytes(), TS);
        assert!(matches!(v, Verification::Valid { timestamp: TS, age: 0 }), "{v:?}");
        // Rotation sends one entry per secret; an asymmetric v1a entry is skipped.
        let several = format!("v1a,c29tZXRoaW5nIGVsc2U= v1,{SIG_RAW_SECRET} v1,{SIG}");
        assert!(verify_at(StandardWebhooks, SECRET, &delivery(&several, TS), BODY.as_bytes(), TS).is_valid());
        // The reference libraries accept the secret without its prefix.
        let bare = b"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assert!(
            verify_at(StandardWebhooks, bare, &delivery(&format!("v1,{SIG}"), TS), BODY.as_bytes(), TS)
                .is_valid()
        );
    }

    #[test]
    fn tampered_body_and_wrong_secret_match_nothing() {
        let sig = format!("v1,{SIG}");
        let p = diagnosis(StandardWebhooks, SECRET, &delivery(&sig, TS), br#"{"test": 2432232315}"#, TS);
        assert_eq!(p, Problem::NoMatch);
        let other = b"whsec_c29tZW9uZSBlbHNlJ3Mgc2VjcmV0";
        assert_eq!(
            diagnosis(StandardWebhooks, other, &delivery(&sig, TS), BODY.as_bytes(), TS),
            Problem::NoMatch
        );
    }

    #[test]
    fn stale_and_future_timestamps_are_reported() {
        let sig = format!("v1,{SIG}");
        let p = diagnosis(StandardWebhooks, SECRET, &delivery(&sig, TS), BODY.as_bytes(), TS + 301);
        assert_eq!(p, Problem::TooOld { age: 301, tolerance: 300 });
        let p = diagnosis(StandardWebhooks, SECRET, &delivery(&sig, TS), BODY.as_bytes(), TS - 400);
        assert_eq!(p, Problem::TooNew { ahead: 400, tolerance: 300 });
    }

    #[test]
    fn pretty_printed_after_signing_is_diagnosed() {
        // The signed body is Python's spaced compact form, so the plain compact form does not match.
        let pretty = "{\n  \"test\": 2432232314\n}\n";
        let p =
            diagnosis(StandardWebhooks, SECRET, &delivery(&format!("v1,{SIG}"), TS), pretty.as_bytes(), TS);
        assert_eq!(p, Problem::BodyReencoded { form: BodyForm::Spaced });
    }

    #[test]
    fn secret_used_without_decoding_is_diagnosed() {
        let sig = format!("v1,{SIG_RAW_SECRET}");
        let p = diagnosis(StandardWebhooks, SECRET, &delivery(&sig, TS), BODY.as_bytes(), TS);
        assert_eq!(
            p.to_string(),
            "The signature was made with the secret text itself, not base64-decoded, but Standard Webhooks signs with the base64-decoded part after `whsec_`."
        );
    }

    #[test]
    fn signing_without_the_id_is_diagnosed() {
        // python3 -c 'import hmac,hashlib,base64;print(base64.b64encode(hmac.new(base64.b64decode(
        // "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),b"1614265330."+BODY,hashlib.sha256).digest()).decode())'
        let sig = "v1,6WIDxt6FDn3B/edInvYUC0AtOlpk/iUM0u75gw+sHO8=";
        let p = diagnosis(StandardWebhooks, SECRET, &delivery(sig, TS), BODY.as_bytes(), TS);
        assert_eq!(
            p,
            Problem::MessageMisbuilt {
                scheme: "Standard Webhooks",
                used: MessageForm::TimestampDotBody,
                expected: "`<id>.<timestamp>.<raw body>`"
            }
        );
    }

    #[test]
    fn missing_and_malformed_headers_are_reported() {
        let hs = headers(&[("webhook-timestamp", "1614265330"), ("webhook-signature", SIG)]);
        let p = diagnosis(StandardWebhooks, SECRET, &hs, BODY.as_bytes(), TS);
        assert_eq!(p, Problem::MissingHeaders { scheme: "Standard Webhooks", headers: vec!["webhook-id"] });
        let p = diagnosis(StandardWebhooks, SECRET, &delivery(SIG, TS), BODY.as_bytes(), TS);
        assert!(matches!(p, Problem::MalformedSignature { header: "webhook-signature", .. }), "{p:?}");
    }

    #[test]
    fn sign_matches_the_independent_vectors_and_verifies() {
        let out =
            sign(StandardWebhooks, SECRET, BODY.as_bytes(), TS, Some(ID)).expect("a whsec_ secret signs");
        assert_eq!(out, delivery(&format!("v1,{SIG}"), TS));
        assert!(verify_at(StandardWebhooks, SECRET, &out, BODY.as_bytes(), TS).is_valid());
        let derived = sign(StandardWebhooks, SECRET, BODY.as_bytes(), TS, None).expect("signs");
        assert_eq!(
            derived,
            headers(&[
                ("webhook-id", DERIVED_ID),
                ("webhook-timestamp", "1614265330"),
                ("webhook-signature", &format!("v1,{SIG_DERIVED_ID}"))
            ])
        );
        assert!(matches!(
            sign(StandardWebhooks, b"whsec_not base64!", BODY.as_bytes(), TS, None),
            Err(SignError::BadSecret { .. })
        ));
        assert!(matches!(
            sign(StandardWebhooks, SECRET, BODY.as_bytes(), TS, Some("has space")),
            Err(SignError::BadId)
        ));
    }
}
