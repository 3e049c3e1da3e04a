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
