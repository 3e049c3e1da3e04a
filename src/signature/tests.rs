//! The schemes of the built-in catalog, driven through the generic code: each scheme ×
//! {valid, wrong secret, changed body, stale timestamp, missing header}, the providers'
//! documented constructions as independent vectors, the Standard Webhooks published vector,
//! rotation, and the near misses the diagnosis names.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;

use super::reencode::BodyForm;
use super::scheme::{MessageForm, SecretForm};
use super::*;
use crate::catalog::Catalog;

fn scheme(name: &str) -> Scheme {
    Catalog::builtin().unwrap().scheme(name).unwrap_or_else(|| panic!("no scheme {name}")).clone()
}

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

fn verify_at(
    scheme: &Scheme,
    secret: &[u8],
    headers: &[(String, String)],
    body: &[u8],
    now: i64,
) -> Verification {
    verify(scheme, secret, &Delivery { headers, body }, &Clock::for_scheme(scheme, now))
}

/// The problem found, failing the test when the delivery verifies.
fn diagnosis(scheme: &Scheme, secret: &[u8], headers: &[(String, String)], body: &[u8], now: i64) -> Problem {
    match verify_at(scheme, secret, headers, body, now) {
        Verification::Invalid { problem } => problem,
        other @ Verification::Valid { .. } => panic!("expected a problem, got {other:?}"),
    }
}

/// An Ed25519 key pair in the Standard Webhooks spelling: (`whsk_` secret key, `whpk_` public key).
fn ed25519_keys(seed: u8) -> (String, String) {
    let seed = [seed; 32];
    (format!("whsk_{}", B64.encode(seed)), format!("whpk_{}", B64.encode(crypto::ed25519_public(&seed))))
}

/// One row of the table: how to sign and verify with a scheme, and a wrong secret for it.
struct Case {
    label: &'static str,
    scheme: &'static str,
    sign_with: String,
    verify_with: String,
    wrong: String,
    body: &'static str,
}

fn cases() -> Vec<Case> {
    let (sk, pk) = ed25519_keys(7);
    let (_, other_pk) = ed25519_keys(8);
    let body = r#"{"type":"meeting.started","id":"evt_1","payload":{"room":"demo"}}"#;
    vec![
        Case {
            label: "daily",
            scheme: "daily",
            sign_with: B64.encode("hookscope-daily-test-secret-0001"),
            verify_with: B64.encode("hookscope-daily-test-secret-0001"),
            wrong: B64.encode("someone else's secret"),
            body,
        },
        Case {
            label: "extend",
            scheme: "extend",
            sign_with: "wss_aG9va3Njb3BlLWV4dGVuZC10ZXN0".into(),
            verify_with: "wss_aG9va3Njb3BlLWV4dGVuZC10ZXN0".into(),
            wrong: "wss_someoneElsesSecret".into(),
            body,
        },
        Case {
            label: "standard-webhooks v1",
            scheme: "standard-webhooks",
            sign_with: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into(),
            verify_with: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into(),
            wrong: "whsec_c29tZW9uZSBlbHNlJ3Mgc2VjcmV0".into(),
            body,
        },
        Case {
            label: "standard-webhooks v1a",
            scheme: "standard-webhooks",
            sign_with: sk,
            verify_with: pk,
            wrong: other_pk,
            body,
        },
    ]
}

const TS: i64 = 1_708_526_033;

#[test]
fn every_scheme_valid_wrong_secret_changed_body_stale_and_missing_header() {
    for case in cases() {
        let scheme = scheme(case.scheme);
        let label = case.label;
        let body = case.body.as_bytes();
        let signed = sign(&scheme, case.sign_with.as_bytes(), body, TS, None).expect(label);
        let secret = case.verify_with.as_bytes();
        // valid
        let v = verify_at(&scheme, secret, &signed, body, TS + 10);
        assert!(
            matches!(v, Verification::Valid { timestamp: TS, age: 10, entry: 1, entries: 1 }),
            "{label}: {v:?}"
        );
        // wrong secret
        let p = diagnosis(&scheme, case.wrong.as_bytes(), &signed, body, TS);
        assert_eq!(p, Problem::NoMatch, "{label}");
        // changed body: one byte, and re-encodings
        let changed = case.body.replace("demo", "demx");
        assert_eq!(diagnosis(&scheme, secret, &signed, changed.as_bytes(), TS), Problem::NoMatch, "{label}");
        let pretty = "{\n  \"type\": \"meeting.started\",\n  \"id\": \"evt_1\",\n  \"payload\": {\n    \"room\": \"demo\"\n  }\n}\n";
        let p = diagnosis(&scheme, secret, &signed, pretty.as_bytes(), TS);
        assert_eq!(p, Problem::BodyReencoded { form: BodyForm::Compact }, "{label}");
        let p = diagnosis(&scheme, secret, &signed, format!("{}\n", case.body).as_bytes(), TS);
        assert_eq!(p, Problem::BodyReencoded { form: BodyForm::WithoutFinalNewline }, "{label}");
        // stale timestamp, by how much
        let past = scheme.desc.tolerance.past;
        let p = diagnosis(&scheme, secret, &signed, body, TS + past + 12);
        assert_eq!(p, Problem::TooOld { age: past + 12, tolerance: past }, "{label}");
        assert!(p.to_string().contains("12 s older than"), "{label}: {p}");
        // missing signature header, named
        let sig = &scheme.desc.headers.signature;
        let without: Vec<(String, String)> = signed.iter().filter(|(k, _)| k != sig).cloned().collect();
        let p = diagnosis(&scheme, secret, &without, body, TS);
        assert_eq!(
            p,
            Problem::MissingHeaders { scheme: scheme.title().to_owned(), headers: vec![sig.clone()] },
            "{label}"
        );
        // malformed signature header
        let mut malformed = signed.clone();
        malformed.iter_mut().filter(|(k, _)| k == sig).for_each(|(_, v)| *v = "not a signature!".into());
        let p = diagnosis(&scheme, secret, &malformed, body, TS);
        assert_eq!(p.code(), "malformed-signature", "{label}");
    }
}

#[test]
fn schemes_come_from_the_catalog_not_from_code() {
    let catalog = Catalog::builtin().unwrap();
    let names: Vec<&str> = catalog.schemes().map(Scheme::name).collect();
    assert_eq!(names, ["daily", "extend", "standard-webhooks"]);
    let extend = catalog.scheme("extend").unwrap();
    assert_eq!((extend.desc.tolerance.past, extend.desc.tolerance.future), (300, 60));
    assert_eq!(
        catalog.scheme("standard-webhooks").unwrap().header_names(),
        ["webhook-id", "webhook-timestamp", "webhook-signature"]
    );
}

// Daily: the secret is `base64.b64encode(b"hookscope-daily-test-secret-0001")`.
const DAILY_SECRET: &[u8] = b"aG9va3Njb3BlLWRhaWx5LXRlc3Qtc2VjcmV0LTAwMDE=";
const DAILY_BODY: &str =
    r#"{"type":"meeting.started","id":"evt_1","payload":{"room":"demo","start_ts":1708526032.672}}"#;
// python3 -c 'import hmac,hashlib,base64;print(base64.b64encode(hmac.new(base64.b64decode(
// "aG9va3Njb3BlLWRhaWx5LXRlc3Qtc2VjcmV0LTAwMDE="),b"1708526033."+BODY,hashlib.sha256).digest()).decode())'
const DAILY_SIG: &str = "fHzUrXgKjfZ9IpXbkeHYWgvWUC7wFwjdxLW7vRDdxpw=";
// The same with the secret text as the key.
const DAILY_SIG_RAW_SECRET: &str = "DAFCh9brxL+V7wHm9urpcjThzaC8buuuhNQcgISdhUs=";
// The same over `json.dumps(json.loads(BODY), indent=4).encode()` (Python's 4-space pretty form).
const DAILY_SIG_INDENT4: &str = "M2piDkYupqRsKOj+q8iA+XIlhp1kRGHefP4vtpYSryg=";

fn daily_delivery(sig: &str) -> Vec<(String, String)> {
    headers(&[("X-Webhook-Signature", sig), ("X-Webhook-Timestamp", "1708526033")])
}

#[test]
fn daily_documented_construction() {
    let daily = scheme("daily");
    let out = sign(&daily, DAILY_SECRET, DAILY_BODY.as_bytes(), TS, None).unwrap();
    assert_eq!(out, headers(&[("X-Webhook-Timestamp", "1708526033"), ("X-Webhook-Signature", DAILY_SIG)]));
    // Header names are case-insensitive; a secret file's final newline is not part of the secret.
    let lower = headers(&[("x-webhook-signature", DAILY_SIG), ("x-webhook-timestamp", "1708526033")]);
    assert!(
        verify_at(
            &daily,
            b"aG9va3Njb3BlLWRhaWx5LXRlc3Qtc2VjcmV0LTAwMDE=\n",
            &lower,
            DAILY_BODY.as_bytes(),
            TS
        )
        .is_valid()
    );
    let p = diagnosis(&daily, DAILY_SECRET, &daily_delivery(DAILY_SIG_INDENT4), DAILY_BODY.as_bytes(), TS);
    assert_eq!(p, Problem::BodyReencoded { form: BodyForm::Pretty4 });
    let p = diagnosis(&daily, DAILY_SECRET, &daily_delivery(DAILY_SIG_RAW_SECRET), DAILY_BODY.as_bytes(), TS);
    assert_eq!(
        p.to_string(),
        "The signature was made with the secret text itself, not base64-decoded, but Daily signs with the base64-decoded secret."
    );
    let p = diagnosis(&daily, DAILY_SECRET, &[], DAILY_BODY.as_bytes(), TS);
    assert_eq!(
        p.to_string(),
        "The delivery has no X-Webhook-Signature or X-Webhook-Timestamp header, which Daily sends with every signed delivery."
    );
    let hs = headers(&[("X-Webhook-Signature", DAILY_SIG), ("X-Webhook-Timestamp", "yesterday")]);
    assert_eq!(
        diagnosis(&daily, DAILY_SECRET, &hs, DAILY_BODY.as_bytes(), TS).code(),
        "timestamp-not-a-number"
    );
    assert_eq!(
        sign(&daily, b"not base64!", b"{}", 1, None),
        Err(SignError::BadSecret { scheme: "Daily".into(), expected: "base64 text".into() })
    );
    assert_eq!(
        diagnosis(&daily, b"not base64!", &daily_delivery(DAILY_SIG), DAILY_BODY.as_bytes(), TS).to_string(),
        "The secret is not in the form Daily uses (base64 text), and no other reading of it matches the signature."
    );
}

const EXTEND_SECRET: &[u8] = b"wss_aG9va3Njb3BlLWV4dGVuZC10ZXN0";
const EXTEND_BODY: &str = r#"{"eventId":"evt_abc","eventType":"extract_run.processed","payload":{"id":"exr_1","status":"PROCESSED"}}"#;
const EXTEND_TS: i64 = 1_707_777_128;
// python3 -c 'import hmac,hashlib;print(hmac.new(b"wss_aG9va3Njb3BlLWV4dGVuZC10ZXN0",
// b"v0:1707777128:"+BODY,hashlib.sha256).hexdigest())'
const EXTEND_SIG: &str = "fb89a61e4c6d54c5cc82a21263ee173950238e2b08aa23401132db8dcb9af0a9";
// Keyed with base64.b64decode("aG9va3Njb3BlLWV4dGVuZC10ZXN0") (the part after `wss_`, decoded).
const EXTEND_SIG_DECODED_SECRET: &str = "0a33ed2f6e5ef58950d4fe96653ce8b00daef08f6e583587616b5fc249c8b9a6";
// Keyed with b"aG9va3Njb3BlLWV4dGVuZC10ZXN0" (the secret without `wss_`, not decoded).
const EXTEND_SIG_NO_PREFIX: &str = "6c4cfe3d1cebfe3f486086c55d9683e90e2bda5ca67369ac4d6770ac1651f8d5";

fn extend_delivery(sig: &str, ts: i64) -> Vec<(String, String)> {
    headers(&[("x-extend-request-signature", sig), ("x-extend-request-timestamp", &ts.to_string())])
}

#[test]
fn extend_documented_construction() {
    let extend = scheme("extend");
    let out = sign(&extend, EXTEND_SECRET, EXTEND_BODY.as_bytes(), EXTEND_TS, None).unwrap();
    assert_eq!(
        out,
        headers(&[("x-extend-request-timestamp", "1707777128"), ("x-extend-request-signature", EXTEND_SIG)])
    );
    let body = EXTEND_BODY.as_bytes();
    // Ahead by up to the 60 s future tolerance is clock skew; beyond, it is reported.
    assert!(
        verify_at(&extend, EXTEND_SECRET, &extend_delivery(EXTEND_SIG, EXTEND_TS), body, EXTEND_TS - 60)
            .is_valid()
    );
    let p = diagnosis(&extend, EXTEND_SECRET, &extend_delivery(EXTEND_SIG, EXTEND_TS), body, EXTEND_TS - 75);
    assert_eq!(
        p.to_string(),
        "The timestamp is 75 s in the future, 15 s beyond the 60 s tolerance, so the sender's clock or this one is wrong."
    );
    let p = diagnosis(
        &extend,
        EXTEND_SECRET,
        &extend_delivery(EXTEND_SIG_DECODED_SECRET, EXTEND_TS),
        body,
        EXTEND_TS,
    );
    assert_eq!(
        p.to_string(),
        "The signature was made with the base64-decoded secret, but Extend signs with the whole `wss_` secret as text, not decoded."
    );
    let p =
        diagnosis(&extend, EXTEND_SECRET, &extend_delivery(EXTEND_SIG_NO_PREFIX, EXTEND_TS), body, EXTEND_TS);
    assert!(matches!(p, Problem::SecretMisused { used: SecretForm::WithoutPrefix, .. }), "{p:?}");
    let p = diagnosis(
        &extend,
        EXTEND_SECRET,
        &extend_delivery(&EXTEND_SIG.to_uppercase(), EXTEND_TS),
        body,
        EXTEND_TS,
    );
    assert_eq!(
        p.to_string(),
        "The x-extend-request-signature header is not 64 lowercase hex digits, the form Extend sends."
    );
    // Signed without the `v0:` prefix, or the Daily way: named from the template alone.
    for (message, form) in [
        (format!("{EXTEND_TS}:{EXTEND_BODY}"), "`<timestamp>:<raw body>` (without the `v0:` prefix)"),
        (format!("{EXTEND_TS}.{EXTEND_BODY}"), "`<timestamp>.<raw body>`"),
    ] {
        let sig = hex::encode(crypto::hmac(EXTEND_SECRET, message.as_bytes()));
        let p = diagnosis(&extend, EXTEND_SECRET, &extend_delivery(&sig, EXTEND_TS), body, EXTEND_TS);
        assert_eq!(
            p.to_string(),
            format!("The signature covers {form}, but Extend signs `v0:<timestamp>:<raw body>`.")
        );
    }
    // Milliseconds are recognised as such.
    let out = sign(&extend, b"wss_x", b"{}", 1_707_777_128_000, None).unwrap();
    let p = diagnosis(&extend, b"wss_x", &out, b"{}", 1_707_777_130);
    assert_eq!(p, Problem::Milliseconds { scheme: "Extend".into(), timestamp: 1_707_777_128_000 });
    // Problems never show the secret.
    let p = diagnosis(&extend, b"wss_topSecretValue", &extend_delivery(&"0".repeat(64), 1), b"{}", 1);
    assert!(!p.to_string().contains("topSecret") && !format!("{p:?}").contains("topSecret"));
}

// The Standard Webhooks specification's own test vector, from its reference libraries:
// standard-webhooks/standard-webhooks, libraries/go/webhook_test.go, TestWebhookSign (also in
// the C#, Java and Python tests): key `whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`, id
// `msg_p5jXN8AQM9LWM0D4loKWxJek`, timestamp 1614265330, payload `{"test": 2432232314}`,
// expected `v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=`.
const SW_SECRET: &[u8] = b"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SW_ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const SW_BODY: &str = r#"{"test": 2432232314}"#;
const SW_TS: i64 = 1_614_265_330;
const SW_SIG: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
// Keyed with the secret text, not decoded.
const SW_SIG_RAW_SECRET: &str = "v1,TcxlhK9b6UD6iVI1ZU2tTqp8PEVfYRseNNfa6b+LcUg=";

fn sw_delivery(sig: &str) -> Vec<(String, String)> {
    headers(&[("webhook-id", SW_ID), ("webhook-timestamp", "1614265330"), ("webhook-signature", sig)])
}

#[test]
fn standard_webhooks_published_vector() {
    let sw = scheme("standard-webhooks");
    let out = sign(&sw, SW_SECRET, SW_BODY.as_bytes(), SW_TS, Some(SW_ID)).unwrap();
    assert_eq!(out, sw_delivery(SW_SIG));
    let v = verify_at(&sw, SW_SECRET, &sw_delivery(SW_SIG), SW_BODY.as_bytes(), SW_TS);
    assert!(v.is_valid(), "{v:?}");
    // The reference libraries accept the secret without its prefix.
    assert!(
        verify_at(&sw, b"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", &sw_delivery(SW_SIG), SW_BODY.as_bytes(), SW_TS)
            .is_valid()
    );
    // Without an id, one is derived from the body, so a fixture signs the same way twice.
    let derived = sign(&sw, SW_SECRET, SW_BODY.as_bytes(), SW_TS, None).unwrap();
    assert_eq!(derived[0], ("webhook-id".into(), "msg_8d429cafa506b7c09b45bfd39df3816d".into()));
    assert_eq!(sign(&sw, SW_SECRET, b"{}", SW_TS, Some("has space")), Err(SignError::BadId));
    let p = diagnosis(&sw, SW_SECRET, &sw_delivery(SW_SIG_RAW_SECRET), SW_BODY.as_bytes(), SW_TS);
    assert_eq!(
        p.to_string(),
        "The signature was made with the secret text itself, not base64-decoded, but Standard Webhooks signs with the base64-decoded part after `whsec_`."
    );
    // Signed without the id: `<timestamp>.<body>`.
    let key = B64.decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
    let sig = format!("v1,{}", B64.encode(crypto::hmac(&key, format!("{SW_TS}.{SW_BODY}").as_bytes())));
    let p = diagnosis(&sw, SW_SECRET, &sw_delivery(&sig), SW_BODY.as_bytes(), SW_TS);
    assert!(matches!(p, Problem::MessageMisbuilt { used: MessageForm::TimestampDotBody, .. }), "{p:?}");
    // Python's `json.dumps` spacing was signed, the body arrived pretty-printed.
    let p = diagnosis(&sw, SW_SECRET, &sw_delivery(SW_SIG), b"{\n  \"test\": 2432232314\n}\n", SW_TS);
    assert_eq!(p, Problem::BodyReencoded { form: BodyForm::Spaced });
    let hs = headers(&[("webhook-timestamp", "1614265330"), ("webhook-signature", SW_SIG)]);
    let p = diagnosis(&sw, SW_SECRET, &hs, SW_BODY.as_bytes(), SW_TS);
    assert_eq!(
        p,
        Problem::MissingHeaders { scheme: "Standard Webhooks".into(), headers: vec!["webhook-id".into()] }
    );
}

#[test]
fn rotation_any_entry_matches_and_says_which() {
    let sw = scheme("standard-webhooks");
    let body = SW_BODY.as_bytes();
    let (sk, pk) = ed25519_keys(7);
    let v1a = sign(&sw, sk.as_bytes(), body, SW_TS, Some(SW_ID)).unwrap().pop().unwrap().1;
    assert!(v1a.starts_with("v1a,"), "{v1a}");
    // The old secret's entry first, the current one second; then an Ed25519 entry.
    let header = format!("{SW_SIG_RAW_SECRET} {SW_SIG} {v1a}");
    let valid = |secret: &[u8]| match verify_at(&sw, secret, &sw_delivery(&header), body, SW_TS) {
        Verification::Valid { entry, entries, .. } => (entry, entries),
        other @ Verification::Invalid { .. } => panic!("{other:?}"),
    };
    assert_eq!(valid(SW_SECRET), (2, 3));
    assert_eq!(valid(pk.as_bytes()), (3, 3));
    // A secret key verifies too (its public half does the checking).
    assert_eq!(valid(sk.as_bytes()), (3, 3));
    // Unknown versions are skipped, but still counted in the positions.
    let header = format!("v2,abc {SW_SIG}");
    assert!(matches!(
        verify_at(&sw, SW_SECRET, &sw_delivery(&header), body, SW_TS),
        Verification::Valid { entry: 2, .. }
    ));
}

#[test]
fn a_key_of_the_other_kind_is_named() {
    let sw = scheme("standard-webhooks");
    let body = SW_BODY.as_bytes();
    let (sk, pk) = ed25519_keys(7);
    let p = diagnosis(&sw, pk.as_bytes(), &sw_delivery(SW_SIG), body, SW_TS);
    assert_eq!(
        p.to_string(),
        "The webhook-signature header has no `v1a` entry, the kind an Ed25519 key checks."
    );
    let v1a = sign(&sw, sk.as_bytes(), body, SW_TS, Some(SW_ID)).unwrap().pop().unwrap().1;
    let p = diagnosis(&sw, SW_SECRET, &sw_delivery(&v1a), body, SW_TS);
    assert_eq!(
        p.to_string(),
        "The webhook-signature header has no `v1` entry, the kind an HMAC secret checks."
    );
    assert_eq!(
        sign(&sw, pk.as_bytes(), body, SW_TS, None),
        Err(SignError::PublicKey { prefix: "whsk_".into() })
    );
}

#[test]
fn the_scheme_follows_the_headers_then_the_provider() {
    let catalog = Catalog::builtin().unwrap();
    let extend = catalog.scheme("extend");
    let chosen = |hs: &[(String, String)]| {
        choose(catalog.schemes(), hs, extend).map(|(s, reason)| (s.name().to_owned(), reason.to_string()))
    };
    assert_eq!(
        chosen(&sw_delivery(SW_SIG)),
        Some((
            "standard-webhooks".into(),
            "headers seen: webhook-id, webhook-timestamp, webhook-signature".into()
        ))
    );
    assert_eq!(chosen(&[]), Some(("extend".into(), "provider default".into())));
    // Only the signature header decides; a lone timestamp header is not a signature.
    assert_eq!(chosen(&headers(&[("webhook-timestamp", "1")])).unwrap().1, "provider default");
    assert!(choose(catalog.schemes(), &[], None).is_none());
}
