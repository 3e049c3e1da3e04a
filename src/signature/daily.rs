//! Daily: `X-Webhook-Signature` = base64(HMAC-SHA256(base64-decoded secret,
//! `<X-Webhook-Timestamp>.<raw body>`)).

use super::spec::{
    MessageForm, Parts, SecretForm, Spec, concat, decode_secret, decode_tag_base64, encode_base64,
};

pub(super) const DAILY: Spec = Spec {
    name: "Daily",
    signature_header: "X-Webhook-Signature",
    timestamp_header: "X-Webhook-Timestamp",
    id_header: None,
    construction: "`<timestamp>.<raw body>`",
    signature_shape: "the base64 encoding of a 32-byte HMAC-SHA256",
    secret_shape: "base64 text",
    key_use: "the base64-decoded secret",
    // Daily documents no replay window; five minutes either way is the common convention
    // (Standard Webhooks, Extend's past limit), wide enough for ordinary clock skew.
    tolerance_past: 300,
    tolerance_future: 300,
    parse_signature: |value| decode_tag_base64(value).map(|tag| vec![tag]),
    format_signature: encode_base64,
    key: decode_secret,
    other_keys: |secret| vec![(SecretForm::NotDecoded, secret.to_vec())],
    message: |parts: &Parts| concat(&[parts.timestamp.as_bytes(), b".", parts.body]),
    other_messages: |parts: &Parts| vec![(MessageForm::BodyOnly, parts.body.to_vec())],
};

#[cfg(test)]
mod tests {
    use super::super::reencode::BodyForm;
    use super::super::spec::SecretForm;
    use super::super::tests::{diagnosis, headers, verify_at};
    use super::super::{Problem, Verification, sign};
    use crate::catalog::SignatureScheme::Daily;

    // The secret is `base64.b64encode(b"hookscope-daily-test-secret-0001")`.
    const SECRET: &[u8] = b"aG9va3Njb3BlLWRhaWx5LXRlc3Qtc2VjcmV0LTAwMDE=";
    const BODY: &str =
        r#"{"type":"meeting.started","id":"evt_1","payload":{"room":"demo","start_ts":1708526032.672}}"#;
    const TS: i64 = 1_708_526_033;
    // python3 -c 'import hmac,hashlib,base64;print(base64.b64encode(hmac.new(base64.b64decode(
    // "aG9va3Njb3BlLWRhaWx5LXRlc3Qtc2VjcmV0LTAwMDE="),b"1708526033."+BODY,hashlib.sha256).digest()).decode())'
    const SIG: &str = "fHzUrXgKjfZ9IpXbkeHYWgvWUC7wFwjdxLW7vRDdxpw=";
    // The same with the secret text as the key: hmac.new(b"aG9va3Njb3BlLWRhaWx5LXRlc3Qtc2VjcmV0LTAwMDE=", ...).
    const SIG_RAW_SECRET: &str = "DAFCh9brxL+V7wHm9urpcjThzaC8buuuhNQcgISdhUs=";
    // The same over `json.dumps(json.loads(BODY), indent=4).encode()` (Python's 4-space pretty form).
    const SIG_INDENT4: &str = "M2piDkYupqRsKOj+q8iA+XIlhp1kRGHefP4vtpYSryg=";

    fn delivery(sig: &str, ts: i64) -> Vec<(String, String)> {
        headers(&[("X-Webhook-Signature", sig), ("X-Webhook-Timestamp", &ts.to_string())])
    }

    #[test]
    fn valid_delivery_verifies() {
        let v = verify_at(Daily, SECRET, &delivery(SIG, TS), BODY.as_bytes(), TS + 7);
        assert!(matches!(v, Verification::Valid { timestamp: TS, age: 7 }), "{v:?}");
    }

    #[test]
    fn header_names_are_case_insensitive() {
        let hs = headers(&[("x-webhook-signature", SIG), ("x-webhook-timestamp", "1708526033")]);
        assert!(verify_at(Daily, SECRET, &hs, BODY.as_bytes(), TS).is_valid());
    }

    #[test]
    fn tampered_body_and_wrong_secret_match_nothing() {
        let tampered = BODY.replace("demo", "demo2");
        let p = diagnosis(Daily, SECRET, &delivery(SIG, TS), tampered.as_bytes(), TS);
        assert_eq!(p, Problem::NoMatch);
        assert_eq!(
            p.to_string(),
            "The signature matches no variant of the body, secret or timestamp: the secret is wrong or the body was changed after it was signed."
        );
        let other = b"d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC13cm9uZyE=";
        assert_eq!(diagnosis(Daily, other, &delivery(SIG, TS), BODY.as_bytes(), TS), Problem::NoMatch);
    }

    #[test]
    fn stale_delivery_is_reported_as_stale() {
        let p = diagnosis(Daily, SECRET, &delivery(SIG, TS), BODY.as_bytes(), TS + 612);
        assert_eq!(p, Problem::TooOld { age: 612, tolerance: 300 });
        assert_eq!(
            p.to_string(),
            "The timestamp is 612 s old, 312 s older than the 300 s tolerance, so the delivery is treated as a replay."
        );
    }

    #[test]
    fn pretty_printed_after_signing_is_diagnosed() {
        let pretty = "{\n  \"type\": \"meeting.started\",\n  \"id\": \"evt_1\",\n  \"payload\": {\n    \"room\": \"demo\",\n    \"start_ts\": 1708526032.672\n  }\n}\n";
        let p = diagnosis(Daily, SECRET, &delivery(SIG, TS), pretty.as_bytes(), TS);
        assert_eq!(p, Problem::BodyReencoded { form: BodyForm::Compact });
        assert!(p.to_string().starts_with("The body was re-encoded after it was signed: "), "{p}");
    }

    #[test]
    fn signed_four_space_form_is_diagnosed() {
        let p = diagnosis(Daily, SECRET, &delivery(SIG_INDENT4, TS), BODY.as_bytes(), TS);
        assert_eq!(p, Problem::BodyReencoded { form: BodyForm::Pretty4 });
    }

    #[test]
    fn secret_used_without_decoding_is_diagnosed() {
        let p = diagnosis(Daily, SECRET, &delivery(SIG_RAW_SECRET, TS), BODY.as_bytes(), TS);
        assert_eq!(
            p,
            Problem::SecretMisused {
                scheme: "Daily",
                used: SecretForm::NotDecoded,
                expected: "the base64-decoded secret"
            }
        );
        assert_eq!(
            p.to_string(),
            "The signature was made with the secret text itself, not base64-decoded, but Daily signs with the base64-decoded secret."
        );
    }

    #[test]
    fn missing_headers_are_named() {
        let p =
            diagnosis(Daily, SECRET, &headers(&[("X-Webhook-Timestamp", "1708526033")]), BODY.as_bytes(), TS);
        assert_eq!(p, Problem::MissingHeaders { scheme: "Daily", headers: vec!["X-Webhook-Signature"] });
        let p = diagnosis(Daily, SECRET, &[], BODY.as_bytes(), TS);
        assert_eq!(
            p.to_string(),
            "The delivery has no X-Webhook-Signature or X-Webhook-Timestamp header, which Daily sends with every signed delivery."
        );
    }

    #[test]
    fn malformed_values_are_reported() {
        let p = diagnosis(Daily, SECRET, &delivery("not base64!", TS), BODY.as_bytes(), TS);
        assert!(matches!(p, Problem::MalformedSignature { header: "X-Webhook-Signature", .. }), "{p:?}");
        let hs = headers(&[("X-Webhook-Signature", SIG), ("X-Webhook-Timestamp", "yesterday")]);
        let p = diagnosis(Daily, SECRET, &hs, BODY.as_bytes(), TS);
        assert!(matches!(p, Problem::TimestampNotNumber { header: "X-Webhook-Timestamp", .. }), "{p:?}");
    }

    #[test]
    fn sign_matches_the_independent_vector_and_verifies() {
        let out = sign(Daily, SECRET, BODY.as_bytes(), TS, None).expect("a base64 secret signs");
        assert_eq!(out, headers(&[("X-Webhook-Timestamp", "1708526033"), ("X-Webhook-Signature", SIG)]));
        assert!(verify_at(Daily, SECRET, &out, BODY.as_bytes(), TS).is_valid());
        // A secret file's final newline is not part of the secret.
        assert!(
            verify_at(Daily, b"aG9va3Njb3BlLWRhaWx5LXRlc3Qtc2VjcmV0LTAwMDE=\n", &out, BODY.as_bytes(), TS)
                .is_valid()
        );
    }
}
