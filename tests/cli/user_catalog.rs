//! User catalogs: a provider added as data, checked, exported and reloaded; generic envelopes.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{cmd, path_str, results, root};

const EXAMPLE: &str = "docs/example-catalog";

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the example catalog under the scratch folder, changed by `edit`.
fn broken(name: &str, edit: impl FnOnce(&Path)) -> PathBuf {
    let dir = root().join("target/test-scratch/catalogs").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&root().join(EXAMPLE), &dir);
    edit(&dir.join("acme"));
    dir
}

fn check(dir: &str) -> (i32, String) {
    let out = cmd().args(["catalog", "check", dir]).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn a_hand_written_provider_is_detected_validated_listed_and_diffed() {
    assert_eq!(check(EXAMPLE), (0, format!("{EXAMPLE}: 1 provider(s), 2 event type(s), 2 sample(s): ok\n")));
    let out = cmd()
        .args(["--catalog", EXAMPLE, "validate", "--format", "json", "docs/example-catalog/acme/samples"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    for r in results(&report) {
        assert_eq!(
            (r["provider"].as_str(), r["status"].as_str(), r["api_version"].as_str()),
            (Some("acme"), Some("valid"), Some("2024-01"))
        );
    }
    let out = cmd().args(["--catalog", EXAMPLE, "list", "acme"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("payment.refunded") && text.contains("payment.succeeded"), "{text}");
    // The same through the environment variable, and diffed with its volatile fields ignored.
    let out = cmd()
        .env("HOOKSCOPE_CATALOG", EXAMPLE)
        .args([
            "diff",
            "--format",
            "json",
            "docs/example-catalog/acme/samples/payment.succeeded.json",
            "docs/example-catalog/acme/samples/payment.refunded.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let diff: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(diff["left"]["provider"], "acme");
    assert_eq!(diff["volatile_ignored"], 2, "id and created are volatile for acme");
    // A tampered event is caught by the user schema.
    let bad = r#"{"acme_version": "2024-01", "event": "payment.succeeded", "id": "evt_1", "created": 1, "data": {"payment_id": "pay_1", "amount": -5, "currency": "XXX"}}"#;
    let out =
        cmd().args(["--catalog", EXAMPLE, "validate", "--format", "json"]).write_stdin(bad).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let pointers: Vec<&str> = results(&report)[0]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(pointers, ["/data/amount", "/data/currency"]);
}

#[test]
fn broken_catalogs_are_rejected_naming_the_file() {
    let bad_schema = broken("bad-schema", |p| {
        std::fs::write(p.join("schemas/payment.refunded.json"), r#"{"type": "objekt", "title": "x"}"#)
            .unwrap();
    });
    let (code, text) = check(path_str(&bad_schema));
    assert_eq!(code, 1);
    assert!(
        text.contains("acme/schemas/payment.refunded.json") && text.contains("not a valid JSON Schema"),
        "{text}"
    );

    let missing = broken("missing-file", |p| std::fs::remove_file(p.join("defs/envelope.json")).unwrap());
    let (code, text) = check(path_str(&missing));
    assert_eq!(code, 1);
    assert!(text.contains("defs/envelope.json"), "{text}");

    let claims = broken("claims-daily", |p| {
        let desc = std::fs::read_to_string(p.join("provider.json")).unwrap();
        // A looser rule: any event with a string `version` and an `id`.
        let desc = desc
            .replace(
                r#"{"pointer": "/acme_version", "type": "string", "required": true},"#,
                r#"{"pointer": "/version", "type": "string"},"#,
            )
            .replace(r#""min_markers": 3"#, r#""min_markers": 2"#);
        std::fs::write(p.join("provider.json"), desc).unwrap();
    });
    let (code, text) = check(path_str(&claims));
    assert_eq!(code, 1);
    assert!(text.contains("acme/provider.json") && text.contains("claims daily's sample"), "{text}");

    let no_sample =
        broken("no-sample", |p| std::fs::remove_file(p.join("samples/payment.refunded.json")).unwrap());
    let (code, text) = check(path_str(&no_sample));
    assert_eq!(code, 1);
    assert!(text.contains("samples/payment.refunded.json: missing"), "{text}");

    let (code, _) = check("no/such/catalog");
    assert_eq!(code, 2, "a folder that cannot be read is an error, not a finding");
}

#[test]
fn export_then_reload_reproduces_the_builtin_results() {
    let dir = root().join("target/test-scratch/export");
    let _ = std::fs::remove_dir_all(&dir);
    let out = cmd().args(["schema", "export", path_str(&dir)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(check(path_str(&dir)).0, 0, "{}", check(path_str(&dir)).1);
    let builtin = cmd().args(["validate", "--format", "json", "samples", "tests/fixtures"]).output().unwrap();
    let exported = cmd()
        .args([
            "--no-builtin",
            "--catalog",
            path_str(&dir),
            "validate",
            "--format",
            "json",
            "samples",
            "tests/fixtures",
        ])
        .output()
        .unwrap();
    assert_eq!(builtin.status.code(), exported.status.code());
    let a: Value = serde_json::from_slice(&builtin.stdout).unwrap();
    let b: Value = serde_json::from_slice(&exported.stdout).unwrap();
    assert_eq!(a, b);
}

#[test]
fn generic_envelopes_are_detected_and_never_win_over_specific_providers() {
    let cloud = r#"{"specversion": "1.0", "type": "com.example.object.created", "source": "/objects", "id": "A-1", "time": "2026-11-23T10:00:00Z", "data": {"x": 1}}"#;
    let standard =
        r#"{"type": "invoice.paid", "timestamp": "2026-11-23T10:00:00.5Z", "data": {"id": "in_1"}}"#;
    for (event, provider) in [(cloud, "cloudevents"), (standard, "standard-webhooks")] {
        let out = cmd().args(["detect", "--format", "json"]).write_stdin(event).output().unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(results(&report)[0]["provider"], provider);
        assert_eq!(results(&report)[0]["status"], "valid");
    }
    let out = cmd().args(["detect", "--format", "json", "samples"]).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    for r in results(&report) {
        assert!(!["cloudevents", "standard-webhooks"].contains(&r["provider"].as_str().unwrap()), "{r}");
    }
    // And the built-in catalog passes its own check, generic envelopes included.
    let dir = root().join("target/test-scratch/export-check");
    let _ = std::fs::remove_dir_all(&dir);
    cmd().args(["schema", "export", path_str(&dir)]).assert().success();
    assert_eq!(check(path_str(&dir)).0, 0);
}

#[test]
fn the_project_file_names_catalogs_relative_to_itself() {
    let dir = root().join("target/test-scratch/project-catalog");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    copy_dir(&root().join(EXAMPLE), &dir.join("catalog"));
    std::fs::write(dir.join("hookscope.toml"), "catalogs = [\"catalog\"]\n").unwrap();
    std::fs::copy(
        root().join("docs/example-catalog/acme/samples/payment.refunded.json"),
        dir.join("sub/event.json"),
    )
    .unwrap();
    let out = cmd()
        .current_dir(dir.join("sub"))
        .args(["detect", "--format", "json", "event.json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(results(&report)[0]["provider"], "acme");
    let out = cmd()
        .current_dir(dir.join("sub"))
        .args(["--no-config", "detect", "--format", "json", "event.json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(results(&report)[0]["provider"], Value::Null);
}
