//! `verify` and `sign`: deliveries signed independently with the documented algorithms verify;
//! broken ones fail with the right diagnosis; secrets never travel on the command line.

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{KeyInit, Mac};
use serde_json::Value;

use crate::{cmd, path_str, results, scratch};

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

const DAILY_SECRET_RAW: &[u8] = b"an independent daily secret";
const EXTEND_SECRET: &str = "wss_an-independent-extend-secret";
const STANDARD_KEY: &[u8] = b"an independent standard key";
const NOW: i64 = 1_763_892_000;

fn hmac(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut mac = HmacSha256::new_from_slice(key).unwrap();
    mac.update(message);
    mac.finalize().into_bytes().to_vec()
}

fn body(provider: &str) -> String {
    let sample = match provider {
        "daily" => "samples/daily/meeting.started.json",
        "extend" => "samples/extend/2026-02-09/extract_run.processed.json",
        _ => unreachable!(),
    };
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(crate::root().join(sample)).unwrap()).unwrap();
    v.to_string()
}

/// An HTTP capture of `body` with `headers`, as a proxy would save it.
fn capture(name: &str, body: &str, headers: &[(&str, String)]) -> std::path::PathBuf {
    let mut text = format!(
        "POST /hooks HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        let _ = write!(text, "{k}: {v}\r\n");
    }
    text.push_str("\r\n");
    text.push_str(body);
    scratch(name, text.as_bytes())
}

fn daily_capture(name: &str, signed_body: &str, sent_body: &str, ts: i64) -> std::path::PathBuf {
    let sig = B64.encode(hmac(DAILY_SECRET_RAW, format!("{ts}.{signed_body}").as_bytes()));
    capture(name, sent_body, &[("X-Webhook-Signature", sig), ("X-Webhook-Timestamp", ts.to_string())])
}

fn extend_capture(name: &str, body: &str, ts: i64) -> std::path::PathBuf {
    let sig = hex::encode(hmac(EXTEND_SECRET.as_bytes(), format!("v0:{ts}:{body}").as_bytes()));
    capture(
        name,
        body,
        &[("x-extend-request-signature", sig), ("x-extend-request-timestamp", ts.to_string())],
    )
}

/// Runs `verify --format json` with the secret in an environment variable.
fn verify(path: &std::path::Path, secret: &str, extra: &[&str]) -> (i32, Value) {
    let out = cmd()
        .env("HOOK_SECRET", secret)
        .args(["verify", "--format", "json", "--secret-env", "HOOK_SECRET", "--now", &NOW.to_string()])
        .args(extra)
        .arg(path_str(path))
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), report)
}

fn verdict(report: &Value) -> (String, String) {
    let r = &results(report)[0];
    (r["status"].as_str().unwrap().to_owned(), r["problem"].as_str().unwrap_or("").to_owned())
}

#[test]
fn independently_signed_deliveries_verify() {
    let daily_secret = B64.encode(DAILY_SECRET_RAW);
    let daily = daily_capture("daily-ok.http", &body("daily"), &body("daily"), NOW - 10);
    assert_eq!(verify(&daily, &daily_secret, &[]).0, 0);
    let extend = extend_capture("extend-ok.http", &body("extend"), NOW - 10);
    assert_eq!(verify(&extend, EXTEND_SECRET, &[]).0, 0);
    // Standard Webhooks, declared by the generic provider of the same name.
    let event = r#"{"type":"invoice.paid","timestamp":"2025-11-23T10:00:00Z","data":{"id":"in_1"}}"#;
    let sig = B64.encode(hmac(STANDARD_KEY, format!("msg_1.{}.{event}", NOW - 5).as_bytes()));
    let standard = capture(
        "standard-ok.http",
        event,
        &[
            ("webhook-id", "msg_1".to_owned()),
            ("webhook-timestamp", (NOW - 5).to_string()),
            ("webhook-signature", format!("v1,bm90IGl0 v1,{sig}")),
        ],
    );
    let (code, report) = verify(&standard, &format!("whsec_{}", B64.encode(STANDARD_KEY)), &[]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(results(&report)[0]["provider"], "standard-webhooks");
}

#[test]
fn each_failure_gets_its_diagnosis() {
    let secret = B64.encode(DAILY_SECRET_RAW);
    let good = body("daily");
    let tampered = daily_capture(
        "daily-tampered.http",
        &good,
        &good.replace("TrPmUX1DzjSwDaAFDfNj", "TrPmUX1DzjSwDaAFDfNx"),
        NOW,
    );
    let (code, report) = verify(&tampered, &secret, &[]);
    assert_eq!((code, verdict(&report)), (1, ("invalid".into(), "no-match".into())));

    let ok = daily_capture("daily-wrong-secret.http", &good, &good, NOW);
    let (code, report) = verify(&ok, &B64.encode(b"some other secret"), &[]);
    assert_eq!((code, verdict(&report)), (1, ("invalid".into(), "no-match".into())));

    let stale = daily_capture("daily-stale.http", &good, &good, NOW - 900);
    let (code, report) = verify(&stale, &secret, &[]);
    assert_eq!((code, verdict(&report)), (1, ("invalid".into(), "timestamp-too-old".into())));
    assert!(results(&report)[0]["message"].as_str().unwrap().contains("600 s older"), "{report}");
    assert_eq!(verify(&stale, &secret, &["--tolerance", "1000"]).0, 0);

    // Signed compact, delivered pretty-printed: the body was re-encoded after signing.
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(&good).unwrap()).unwrap();
    let reencoded = daily_capture("daily-pretty.http", &good, &pretty, NOW);
    let (code, report) = verify(&reencoded, &secret, &[]);
    assert_eq!((code, verdict(&report)), (1, ("invalid".into(), "body-re-encoded".into())));

    // The Daily secret used without base64-decoding.
    let sig = B64.encode(hmac(secret.as_bytes(), format!("{NOW}.{good}").as_bytes()));
    let undecoded = capture(
        "daily-undecoded.http",
        &good,
        &[("X-Webhook-Signature", sig), ("X-Webhook-Timestamp", NOW.to_string())],
    );
    let (code, report) = verify(&undecoded, &secret, &[]);
    assert_eq!((code, verdict(&report)), (1, ("invalid".into(), "secret-misused".into())));

    // Extend: a future timestamp beyond 60 s, and a missing header named as such.
    let extend = extend_capture("extend-future.http", &body("extend"), NOW + 120);
    assert_eq!(
        verdict(&verify(&extend, EXTEND_SECRET, &[]).1),
        ("invalid".into(), "timestamp-in-future".into())
    );
    let bare = scratch("extend-bare.json", body("extend").as_bytes());
    let (code, report) = verify(&bare, EXTEND_SECRET, &[]);
    assert_eq!((code, verdict(&report)), (1, ("invalid".into(), "missing-header".into())));
    assert!(
        results(&report)[0]["message"].as_str().unwrap().contains("x-extend-request-signature"),
        "{report}"
    );
}

#[test]
fn a_body_file_with_headers_on_the_command_line() {
    let good = body("extend");
    let path = scratch("extend-body.json", good.as_bytes());
    let sig = hex::encode(hmac(EXTEND_SECRET.as_bytes(), format!("v0:{NOW}:{good}").as_bytes()));
    let (code, _) = verify(
        &path,
        EXTEND_SECRET,
        &[
            "--header",
            &format!("x-extend-request-signature: {sig}"),
            "-H",
            &format!("x-extend-request-timestamp: {NOW}"),
        ],
    );
    assert_eq!(code, 0);
}

#[test]
fn alfred_is_said_to_have_no_signature() {
    let (code, report) = verify(std::path::Path::new("samples/alfred/job_finished_event.json"), "x", &[]);
    assert_eq!((code, verdict(&report).0.as_str()), (0, "unsigned"));
    assert!(results(&report)[0]["message"].as_str().unwrap().contains("URL-verification"), "{report}");
    assert_eq!(
        verify(std::path::Path::new("samples/alfred/job_finished_event.json"), "x", &["--strict"]).0,
        1
    );
}

#[test]
fn sign_matches_the_documented_algorithms_and_verifies() {
    let good = body("daily");
    let path = scratch("to-sign.json", good.as_bytes());
    let secret = B64.encode(DAILY_SECRET_RAW);
    let out = cmd()
        .env("HOOK_SECRET", &secret)
        .args(["sign", "--secret-env", "HOOK_SECRET", "--timestamp", &NOW.to_string(), path_str(&path)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = B64.encode(hmac(DAILY_SECRET_RAW, format!("{NOW}.{good}").as_bytes()));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("X-Webhook-Timestamp: {NOW}\nX-Webhook-Signature: {expected}\n")
    );
    // `--format http` is a capture that `verify` accepts.
    let out = cmd()
        .env("HOOK_SECRET", &secret)
        .args([
            "sign",
            "--format",
            "http",
            "--secret-env",
            "HOOK_SECRET",
            "--timestamp",
            &NOW.to_string(),
            path_str(&path),
        ])
        .output()
        .unwrap();
    let capture = scratch("signed.http", &out.stdout);
    assert_eq!(verify(&capture, &secret, &[]).0, 0);
    // Extend, by provider name.
    let extend = scratch("to-sign-extend.json", body("extend").as_bytes());
    let out = cmd()
        .env("HOOK_SECRET", EXTEND_SECRET)
        .args([
            "sign",
            "--provider",
            "extend",
            "--secret-env",
            "HOOK_SECRET",
            "--timestamp",
            &NOW.to_string(),
            path_str(&extend),
        ])
        .output()
        .unwrap();
    let sig = hex::encode(hmac(EXTEND_SECRET.as_bytes(), format!("v0:{NOW}:{}", body("extend")).as_bytes()));
    assert!(String::from_utf8(out.stdout).unwrap().contains(&format!("x-extend-request-signature: {sig}")));
}

#[test]
fn secrets_never_come_from_the_command_line() {
    for flag in ["--secret", "--secret-value", "--key"] {
        let out = cmd().args(["verify", flag, "abc", "samples/daily"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag} must not exist");
    }
    let out = cmd().args(["verify", "samples/daily"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a secret source is required");
    let help = String::from_utf8(cmd().args(["verify", "--help"]).output().unwrap().stdout).unwrap();
    assert!(help.contains("--secret-env <NAME>") && help.contains("--secret-file <PATH>"));
    let out =
        cmd().args(["verify", "--secret-env", "HOOKSCOPE_SURELY_UNSET", "samples/daily"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HOOKSCOPE_SURELY_UNSET"));
}

/// One log of signed deliveries from two providers: a Daily one, then an Extend one.
fn mixed_log(name: &str) -> std::path::PathBuf {
    let daily = daily_capture(&format!("{name}-daily.http"), &body("daily"), &body("daily"), NOW - 10);
    let extend = extend_capture(&format!("{name}-extend.http"), &body("extend"), NOW - 10);
    let mut text = std::fs::read(daily).unwrap();
    text.extend_from_slice(b"\r\n");
    text.extend(std::fs::read(extend).unwrap());
    scratch(&format!("{name}.http"), &text)
}

/// Runs `verify --format json` with `env` set and returns the code, the report and stderr.
fn verify_with(env: &[(&str, &str)], args: &[&str], stdin: &str) -> (i32, Value, String) {
    let mut command = cmd();
    for (k, v) in env {
        command.env(k, v);
    }
    let out = command
        .args(["verify", "--format", "json", "--now", &NOW.to_string()])
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    for (_, secret) in env {
        assert!(!stdout.contains(secret) && !stderr.contains(secret), "a secret was printed");
    }
    let report = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap(), report, stderr)
}

fn statuses(report: &Value) -> Vec<(String, String)> {
    results(report)
        .iter()
        .map(|r| (r["provider"].as_str().unwrap().to_owned(), r["status"].as_str().unwrap().to_owned()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
}

#[test]
fn one_run_verifies_several_providers_with_keyed_and_unkeyed_secrets() {
    let log = mixed_log("mixed-providers");
    let daily_secret = B64.encode(DAILY_SECRET_RAW);
    let env = [("D_SECRET", daily_secret.as_str()), ("E_SECRET", EXTEND_SECRET)];
    let both = pairs(&[("daily", "valid"), ("extend", "valid")]);
    let keyed = ["--secret-env", "daily=D_SECRET", "--secret-env", "extend=E_SECRET", path_str(&log)];
    let (code, report, stderr) = verify_with(&env, &keyed, "");
    assert_eq!((code, statuses(&report)), (0, both.clone()), "{stderr}");
    // Unkeyed secrets are tried on every delivery.
    let mixed = ["--secret-env", "E_SECRET", "--secret-env", "daily=D_SECRET", path_str(&log)];
    assert_eq!(verify_with(&env, &mixed, "").0, 0);
    let unkeyed = ["--secret-env", "D_SECRET", "--secret-env", "E_SECRET", path_str(&log)];
    assert_eq!(verify_with(&env, &unkeyed, "").0, 0);
    // A keyed secret never applies to another provider's deliveries.
    let crossed = ["--secret-env", "daily=E_SECRET", "--secret-env", "extend=D_SECRET", path_str(&log)];
    let (code, report, _) = verify_with(&env, &crossed, "");
    assert_eq!((code, statuses(&report)), (1, pairs(&[("daily", "invalid"), ("extend", "invalid")])));
    // From a file, keyed.
    let file = scratch("extend-secret.txt", format!("{EXTEND_SECRET}\n").as_bytes());
    let from_file = [
        "--secret-env",
        "daily=D_SECRET",
        "--secret-file",
        &format!("extend={}", path_str(&file)),
        path_str(&log),
    ];
    assert_eq!(verify_with(&env, &from_file, "").0, 0);
}

#[test]
fn a_provider_without_a_secret_is_unchecked_and_named() {
    let log = mixed_log("mixed-missing");
    let daily_secret = B64.encode(DAILY_SECRET_RAW);
    let env = [("D_SECRET", daily_secret.as_str())];
    let (code, report, stderr) = verify_with(&env, &["--secret-env", "daily=D_SECRET", path_str(&log)], "");
    assert_eq!(code, 2, "the run could not check everything");
    assert_eq!(statuses(&report), pairs(&[("daily", "valid"), ("extend", "unchecked")]));
    assert_eq!(report["summary"]["unchecked"], 1);
    assert!(
        stderr.contains("no secret for extend") && stderr.contains("--secret-env extend=NAME"),
        "{stderr}"
    );
    // A key that names nothing is a usage error with a hint.
    let (code, _, stderr) = verify_with(&env, &["--secret-env", "dayly=D_SECRET", path_str(&log)], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("\"dayly\"") && stderr.contains("did you mean \"daily\""), "{stderr}");
}

#[test]
fn the_secret_can_come_from_standard_input_but_then_the_events_cannot() {
    let daily = daily_capture("stdin-secret.http", &body("daily"), &body("daily"), NOW - 10);
    let secret = B64.encode(DAILY_SECRET_RAW);
    let env = [("UNUSED", "an unused value")];
    let (code, report, stderr) =
        verify_with(&env, &["--secret-file", "-", path_str(&daily)], &format!("{secret}\n"));
    assert_eq!((code, statuses(&report)), (0, pairs(&[("daily", "valid")])), "{stderr}");
    assert!(!String::from_utf8_lossy(&serde_json::to_vec(&report).unwrap()).contains(&secret));
    for args in [&["--secret-file", "-"][..], &["--secret-file", "daily=-", "-"][..]] {
        let (code, _, stderr) = verify_with(&env, args, &secret);
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.contains("cannot come from it too"), "{stderr}");
    }
    let (code, _, stderr) =
        verify_with(&env, &["--secret-file", "-", "--secret-file", "extend=-", path_str(&daily)], &secret);
    assert_eq!(code, 2);
    assert!(stderr.contains("only one secret"), "{stderr}");
}

#[test]
fn the_project_file_names_the_variables_of_each_provider() {
    let log = mixed_log("mixed-project");
    let project = scratch(
        "verify-secrets.toml",
        b"[verify]\nsecret_env = {daily = \"PROJECT_DAILY\", extend = \"PROJECT_EXTEND\"}\n",
    );
    let daily_secret = B64.encode(DAILY_SECRET_RAW);
    let env = [("PROJECT_DAILY", daily_secret.as_str()), ("PROJECT_EXTEND", EXTEND_SECRET)];
    let config = ["--config", path_str(&project), path_str(&log)];
    let (code, report, stderr) = verify_with(&env, &config, "");
    assert_eq!((code, statuses(&report)), (0, pairs(&[("daily", "valid"), ("extend", "valid")])), "{stderr}");
    // An unset variable is named when a delivery needs it.
    let (code, report, stderr) = verify_with(&env[..1], &config, "");
    assert_eq!((code, statuses(&report)), (2, pairs(&[("daily", "valid"), ("extend", "unchecked")])));
    assert!(stderr.contains("PROJECT_EXTEND, which is not set"), "{stderr}");
}

/// A Standard Webhooks capture of `body`, signed `v1` with each key in turn (rotation).
fn standard_capture(name: &str, body: &str, keys: &[&[u8]], ts: i64) -> std::path::PathBuf {
    let entries: Vec<String> = keys
        .iter()
        .map(|key| format!("v1,{}", B64.encode(hmac(key, format!("msg_gw1.{ts}.{body}").as_bytes()))))
        .collect();
    capture(
        name,
        body,
        &[
            ("webhook-id", "msg_gw1".to_owned()),
            ("webhook-timestamp", ts.to_string()),
            ("webhook-signature", entries.join(" ")),
        ],
    )
}

#[test]
fn an_extend_event_relayed_with_standard_webhooks_headers_verifies() {
    let secret = format!("whsec_{}", B64.encode(STANDARD_KEY));
    let path = standard_capture("extend-via-gateway.http", &body("extend"), &[STANDARD_KEY], NOW - 5);
    let (code, report) = verify(&path, &secret, &[]);
    assert_eq!(code, 0, "{report}");
    let r = &results(&report)[0];
    assert_eq!((r["provider"].as_str(), r["status"].as_str()), (Some("extend"), Some("valid")));
    assert_eq!(r["scheme"], "standard-webhooks");
    assert_eq!(r["scheme_reason"], "headers seen: webhook-id, webhook-timestamp, webhook-signature");
    assert_eq!((r["secret"].as_str(), r["entry"].as_u64()), (Some("--secret-env HOOK_SECRET"), Some(1)));
    // The same delivery with one byte of the body changed.
    let text = std::fs::read_to_string(&path).unwrap().replacen("\"eventId\":\"", "\"eventId\":\"x", 1);
    let changed = scratch("extend-via-gateway-changed.http", text.as_bytes());
    let (code, report) = verify(&changed, &secret, &[]);
    assert_eq!((code, verdict(&report)), (1, ("invalid".into(), "no-match".into())), "{report}");
    assert!(results(&report)[0]["message"].as_str().unwrap().contains("body was changed"), "{report}");
    // The provider's own scheme, forced, finds its headers missing.
    let (code, report) = verify(&path, &secret, &["--scheme", "extend"]);
    assert_eq!((code, verdict(&report)), (1, ("invalid".into(), "missing-header".into())));
    assert_eq!(results(&report)[0]["scheme_reason"], "--scheme");
    // Without signature headers, the provider's default applies and says so.
    let bare = extend_capture("extend-default.http", &body("extend"), NOW);
    let report = verify(&bare, EXTEND_SECRET, &[]).1;
    let r = &results(&report)[0];
    assert_eq!((r["scheme"].as_str(), r["status"].as_str()), (Some("extend"), Some("valid")));
    let bare_body = scratch("extend-default.json", body("extend").as_bytes());
    let report = verify(&bare_body, EXTEND_SECRET, &[]).1;
    let r = &results(&report)[0];
    assert_eq!(
        (r["scheme"].as_str(), r["scheme_reason"].as_str()),
        (Some("extend"), Some("provider default"))
    );
}

/// Keys signing the header, secrets given -> status, matched entry, matching secret's source.
type Row<'a> = (&'a [&'a [u8]], &'a [&'a str], &'a str, Option<u64>, Option<&'a str>);

#[test]
fn rotation_two_signatures_two_secrets_every_combination() {
    const OLD: &[u8] = b"the old standard key";
    const NEW: &[u8] = b"the new standard key";
    const OTHER: &[u8] = b"nobody's standard key";
    let event = body("extend");
    let whsec = |key: &[u8]| format!("whsec_{}", B64.encode(key));
    let (old, new, other) = (whsec(OLD), whsec(NEW), whsec(OTHER));
    let env = [("OLD", old.as_str()), ("NEW", new.as_str()), ("OTHER", other.as_str())];
    let table: &[Row] = &[
        (&[OLD, NEW], &["NEW"], "valid", Some(2), Some("--secret-env NEW")),
        (&[OLD, NEW], &["OLD"], "valid", Some(1), Some("--secret-env OLD")),
        (&[OLD, NEW], &["OTHER"], "invalid", None, None),
        (&[NEW], &["OTHER", "NEW"], "valid", Some(1), Some("--secret-env NEW")),
        (&[OLD], &["OTHER", "NEW"], "invalid", None, None),
        (&[OTHER, NEW], &["OLD", "NEW"], "valid", Some(2), Some("--secret-env NEW")),
        (&[OLD, NEW], &["NEW", "OLD"], "valid", Some(2), Some("--secret-env NEW")),
    ];
    for (i, (keys, secrets, status, entry, secret)) in table.iter().enumerate() {
        let path = standard_capture(&format!("rotation-{i}.http"), &event, keys, NOW);
        let mut args: Vec<&str> = secrets.iter().flat_map(|s| ["--secret-env", s]).collect();
        args.push(path_str(&path));
        let (_, report, stderr) = verify_with(&env, &args, "");
        let r = &results(&report)[0];
        assert_eq!(r["status"].as_str(), Some(*status), "row {i}: {report} {stderr}");
        assert_eq!(r["entry"].as_u64(), *entry, "row {i}: {report}");
        assert_eq!(r["secret"].as_str(), *secret, "row {i}: {report}");
    }
    // The human report says which entry and which secret, never the secret.
    let path = standard_capture("rotation-human.http", &event, &[OLD, NEW], NOW);
    let out = cmd()
        .env("OLD", &old)
        .env("NEW", &new)
        .args([
            "verify",
            "--now",
            &NOW.to_string(),
            "--secret-env",
            "OLD",
            "--secret-env",
            "NEW",
            path_str(&path),
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("entry 1 of 2 in webhook-signature) with --secret-env OLD")
            && text.contains(
                "[scheme standard-webhooks, headers seen: webhook-id, webhook-timestamp, webhook-signature]"
            ),
        "{text}"
    );
    assert!(!text.contains(&old) && !text.contains(&new));
}

#[test]
fn v1a_signatures_sign_and_verify_round_trip() {
    let seed = [42u8; 32];
    let public = ed25519_dalek::SigningKey::from_bytes(&seed).verifying_key().to_bytes();
    let (sk, pk) = (format!("whsk_{}", B64.encode(seed)), format!("whpk_{}", B64.encode(public)));
    let path = scratch("to-sign-v1a.json", body("extend").as_bytes());
    let sign = |secret: &str, format: &str| {
        let out = cmd()
            .env("HOOK_SECRET", secret)
            .args(["sign", "--scheme", "standard-webhooks", "--secret-env", "HOOK_SECRET"])
            .args(["--timestamp", &NOW.to_string(), "--id", "msg_v1a", "--format", format, path_str(&path)])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let headers = String::from_utf8(sign(&sk, "headers")).unwrap();
    assert!(headers.contains("webhook-id: msg_v1a\nwebhook-timestamp: "), "{headers}");
    let value = headers.lines().find_map(|l| l.strip_prefix("webhook-signature: v1a,")).unwrap();
    // An independent check of the signature with the public key.
    let signature = ed25519_dalek::Signature::from_slice(&B64.decode(value).unwrap()).unwrap();
    let message = format!("msg_v1a.{NOW}.{}", body("extend"));
    ed25519_dalek::VerifyingKey::from_bytes(&public)
        .unwrap()
        .verify_strict(message.as_bytes(), &signature)
        .unwrap();
    // The capture `sign --format http` writes verifies with the public key, as v1a.
    let capture = scratch("signed-v1a.http", &sign(&sk, "http"));
    let (code, report) = verify(&capture, &pk, &[]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(results(&report)[0]["scheme"], "standard-webhooks");
    // v1 from a whsec_ secret, and a public key cannot sign.
    let whsec = format!("whsec_{}", B64.encode(STANDARD_KEY));
    assert!(String::from_utf8(sign(&whsec, "headers")).unwrap().contains("webhook-signature: v1,"));
    let out = cmd()
        .env("HOOK_SECRET", &pk)
        .args(["sign", "--scheme", "standard-webhooks", "--secret-env", "HOOK_SECRET", path_str(&path)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sign with the `whsk_` secret key"));
    // A stale v1a delivery is stale, by how much.
    let (code, report) = verify(&capture, &pk, &["--tolerance", "0"]);
    assert_eq!(code, 0, "{report}");
    let stale = scratch(
        "signed-v1a-stale.http",
        &String::from_utf8(sign(&sk, "http"))
            .unwrap()
            .replace(&format!("webhook-timestamp: {NOW}"), &format!("webhook-timestamp: {}", NOW - 400))
            .into_bytes(),
    );
    let (code, report) = verify(&stale, &pk, &[]);
    assert_eq!((code, verdict(&report).0.as_str()), (1, "invalid"));
}

#[test]
fn list_schemes_and_unknown_scheme_names() {
    let out = cmd().args(["list", "--schemes", "--format", "json"]).output().unwrap();
    let schemes: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = schemes.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["daily", "extend", "standard-webhooks"]);
    let sw = &schemes[2];
    assert_eq!(sw["signed"], "{id}.{timestamp}.{body}");
    assert_eq!(sw["headers"]["id"], "webhook-id");
    assert_eq!(sw["default_for"], serde_json::json!(["standard-webhooks"]));
    let out = cmd()
        .env("K", "x")
        .args(["verify", "--scheme", "standard-webhook", "--secret-env", "K", "samples/daily"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean \"standard-webhooks\""));
}

/// The example catalog copied to a scratch folder with `signature` replaced.
fn catalog_with_signature(name: &str, signature: &Value) -> std::path::PathBuf {
    let dir = crate::scratch_dir(name);
    for entry in walkdir::WalkDir::new(crate::root().join("docs/example-catalog")) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(crate::root().join("docs/example-catalog")).unwrap();
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(dir.join(rel)).unwrap();
        } else {
            std::fs::copy(entry.path(), dir.join(rel)).unwrap();
        }
    }
    let provider = dir.join("acme/provider.json");
    let mut desc: Value = serde_json::from_str(&std::fs::read_to_string(&provider).unwrap()).unwrap();
    desc["signature"] = signature.clone();
    std::fs::write(&provider, serde_json::to_vec_pretty(&desc).unwrap()).unwrap();
    dir
}

#[test]
fn a_user_catalog_adds_an_hmac_scheme_without_rust() {
    let signature = serde_json::json!({
        "name": "acme", "title": "Acme",
        "headers": {"timestamp": "Acme-Timestamp", "signature": "Acme-Signature"},
        "signed": "t={timestamp};{body}",
        "key": {"encoding": "text", "prefix": "acme_sk_", "keep_prefix": true},
        "digest": "hex",
        "tolerance": {"past": 120, "future": 10}
    });
    let dir = catalog_with_signature("acme-hmac-catalog", &signature);
    let out = cmd().args(["catalog", "check", path_str(&dir)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let event = std::fs::read_to_string(dir.join("acme/samples/payment.succeeded.json")).unwrap();
    let event: Value = serde_json::from_str(&event).unwrap();
    let event = event.to_string();
    let secret = "acme_sk_independent";
    let sig = hex::encode(hmac(secret.as_bytes(), format!("t={NOW};{event}").as_bytes()));
    let path = capture("acme.http", &event, &[("Acme-Signature", sig), ("Acme-Timestamp", NOW.to_string())]);
    let catalog = ["--catalog", path_str(&dir)];
    let (code, report) = verify(&path, secret, &catalog);
    assert_eq!(code, 0, "{report}");
    assert_eq!(
        (results(&report)[0]["provider"].as_str(), results(&report)[0]["scheme"].as_str()),
        (Some("acme"), Some("acme"))
    );
    // Its diagnoses come from the same data: stale by how much, signed without the literal prefix.
    let sig = hex::encode(hmac(secret.as_bytes(), format!("t={};{event}", NOW - 150).as_bytes()));
    let stale = capture(
        "acme-stale.http",
        &event,
        &[("Acme-Signature", sig), ("Acme-Timestamp", (NOW - 150).to_string())],
    );
    let (_, report) = verify(&stale, secret, &catalog);
    assert!(
        results(&report)[0]["message"].as_str().unwrap().contains("30 s older than the 120 s"),
        "{report}"
    );
    let sig = hex::encode(hmac(secret.as_bytes(), format!("{NOW};{event}").as_bytes()));
    let path = capture(
        "acme-noprefix.http",
        &event,
        &[("Acme-Signature", sig), ("Acme-Timestamp", NOW.to_string())],
    );
    let message = results(&verify(&path, secret, &catalog).1)[0]["message"].as_str().unwrap().to_owned();
    assert_eq!(
        message,
        "The signature covers `<timestamp>;<raw body>` (without the `t=` prefix), but Acme signs `t=<timestamp>;<raw body>`."
    );
    // A mistake in the description is named by `catalog check`, and a scheme no one defines too.
    let broken = catalog_with_signature(
        "acme-broken-catalog",
        &serde_json::json!({
            "name": "acme", "title": "Acme",
            "headers": {"timestamp": "Acme-Timestamp", "signature": "Acme-Signature"},
            "signed": "{timestamp}.{payload}", "key": {"encoding": "text"}, "digest": "hex",
            "tolerance": {"past": 120, "future": 10}
        }),
    );
    let out = cmd().args(["catalog", "check", path_str(&broken)]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("unknown placeholder {payload}"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let unknown = catalog_with_signature("acme-unknown-scheme", &serde_json::json!({"scheme": "acme-v2"}));
    let out = cmd().args(["catalog", "check", path_str(&unknown)]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no provider defines the scheme \"acme-v2\""));
}

#[test]
fn timestamps_and_now_at_the_64_bit_limits() {
    let secret = format!("whsec_{}", B64.encode(STANDARD_KEY));
    for ts in [i64::MAX.to_string(), "99999999999999999999999".to_owned()] {
        let body = body("extend");
        let entry =
            format!("v1,{}", B64.encode(hmac(STANDARD_KEY, format!("msg_gw1.{ts}.{body}").as_bytes())));
        let path = capture(
            "timestamp-limit.http",
            &body,
            &[
                ("webhook-id", "msg_gw1".to_owned()),
                ("webhook-timestamp", ts.clone()),
                ("webhook-signature", entry),
            ],
        );
        let (code, report) = verify(&path, &secret, &[]);
        assert_eq!(code, 1, "{report}");
        let message = results(&report)[0]["message"].as_str().unwrap().to_owned();
        assert!(message.contains("in the future") && !message.contains("not a whole number"), "{message}");
    }
    let path = standard_capture("now-limit.http", &body("extend"), &[STANDARD_KEY], NOW);
    for now in [i64::MAX.to_string(), i64::MIN.to_string()] {
        let out = cmd()
            .env("HOOK_SECRET", &secret)
            .args(["verify", "--secret-env", "HOOK_SECRET", &format!("--now={now}"), path_str(&path)])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--now {now}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--now"), "--now {now}");
    }
}

#[test]
fn a_capture_cut_short_is_called_truncated_not_a_wrong_secret() {
    let body = body("extend");
    let whole = extend_capture("verify-whole.http", &body, NOW);
    let text = std::fs::read_to_string(&whole).unwrap();
    // The saved file lost its last 40 bytes; its Content-Length still tells the whole size.
    let cut = scratch("verify-cut.http", &text.as_bytes()[..text.len() - 40]);
    assert_eq!(verdict(&verify(&whole, EXTEND_SECRET, &[]).1), ("valid".to_owned(), String::new()));
    let (code, report) = verify(&cut, EXTEND_SECRET, &[]);
    assert_eq!(code, 1);
    assert_eq!(verdict(&report), ("invalid".to_owned(), "truncated-body".to_owned()));
    let message = results(&report)[0]["message"].as_str().unwrap();
    assert!(message.contains("truncated HTTP body: Content-Length says"), "{message}");
    assert!(!message.contains("secret is wrong"), "{message}");
}
