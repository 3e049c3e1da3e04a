//! Hostile OpenAPI descriptions and user catalogs: recursive schemas, self-referring required
//! fields, schemas that are not objects, and raw control text in names. None crashes; each
//! imports or is refused with a clear message.

use std::path::Path;

use serde_json::{Value, json};

use crate::{cmd, path_str, scratch, scratch_dir};

fn spec(schemas: &Value, names: &[&str]) -> String {
    let mut webhooks = serde_json::Map::new();
    for name in names {
        webhooks.insert(
            (*name).to_owned(),
            json!({"post": {"requestBody": {"content": {"application/json": {"schema":
                {"$ref": "#/components/schemas/A"}}}}}}),
        );
    }
    json!({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "webhooks": webhooks,
           "components": {"schemas": schemas}})
    .to_string()
}

fn import(name: &str, text: &str, extra: &[&str]) -> (std::process::Output, std::path::PathBuf) {
    let path = scratch(&format!("{name}.json"), text.as_bytes());
    let out_dir = scratch_dir(&format!("{name}-catalog"));
    let _ = std::fs::remove_dir_all(&out_dir);
    let out = cmd()
        .args(["catalog", "import", path_str(&path), "--out", path_str(&out_dir), "--provider", "p"])
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("overflow"), "{stderr}");
    (out, out_dir)
}

fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir).into_iter().filter_map(Result::ok).map(walkdir::DirEntry::into_path).collect()
}

#[test]
fn a_schema_whose_all_of_refers_back_to_itself_imports_as_recursive() {
    for (name, schemas) in [
        (
            "self",
            json!({"A": {"allOf": [{"$ref": "#/components/schemas/A"}],
                              "properties": {"type": {"const": "a.created"}}, "required": ["type"]}}),
        ),
        (
            "pair",
            json!({"A": {"allOf": [{"$ref": "#/components/schemas/B"}],
                              "properties": {"type": {"const": "a.created"}}, "required": ["type"]},
                        "B": {"allOf": [{"$ref": "#/components/schemas/A"}]}}),
        ),
    ] {
        let (out, dir) = import(&format!("cycle-{name}"), &spec(&schemas, &["a.created"]), &[]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let schema_file = files_under(&dir)
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e == "json") && p.to_string_lossy().contains("schemas"))
            .unwrap();
        let schema: Value = serde_json::from_slice(&std::fs::read(&schema_file).unwrap()).unwrap();
        // The reference is kept, not unrolled.
        assert!(schema.to_string().contains("\"$ref\":\"#/$defs/"), "{name}: {schema}");
        let check = cmd().args(["catalog", "check", path_str(&dir)]).output().unwrap();
        assert!(!String::from_utf8_lossy(&check.stderr).contains("panicked"), "{name}");
    }
}

#[test]
fn samples_of_self_referring_required_fields_stop_at_a_limit() {
    let fields = ["a", "b", "c", "d", "e", "f"];
    let properties: serde_json::Map<String, Value> =
        std::iter::once(("type".to_owned(), json!({"const": "n"})))
            .chain(fields.iter().map(|f| ((*f).to_owned(), json!({"$ref": "#/components/schemas/A"}))))
            .collect();
    let required: Vec<&str> = std::iter::once("type").chain(fields).collect();
    let schemas = json!({"A": {"type": "object", "properties": properties, "required": required}});
    let (out, dir) = import("six-refs", &spec(&schemas, &["n"]), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let sample = files_under(&dir)
        .into_iter()
        .find(|p| p.to_string_lossy().contains("samples") && p.is_file())
        .unwrap();
    // Was 105 MB with three such fields; six exhausted 2 GB.
    let size = std::fs::metadata(&sample).unwrap().len();
    assert!(size < 64 * 1024, "{size} bytes");
    let value: Value = serde_json::from_slice(&std::fs::read(&sample).unwrap()).unwrap();
    assert_eq!(value["type"], "n");
    assert_eq!(value["a"]["a"], Value::Null, "the recursion is not unrolled again");
}

#[test]
fn a_user_schema_that_is_an_array_is_reported_not_a_panic() {
    let schemas = json!({"A": {"properties": {"type": {"const": "thing"}}, "required": ["type"]}});
    let (out, dir) = import("array-schema", &spec(&schemas, &["thing"]), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let schema_file = files_under(&dir)
        .into_iter()
        .find(|p| p.is_file() && p.to_string_lossy().contains("schemas"))
        .unwrap();
    let file_name = schema_file.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::write(&schema_file, format!("[{{\"$ref\": \"{file_name}\"}}]")).unwrap();
    let export = scratch_dir("array-schema-export");
    for args in [vec!["schema", "thing"], vec!["schema", "export", path_str(&export)]] {
        let out = cmd().args(["--catalog", path_str(&dir)]).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("must be a JSON object"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_description_or_secret_file_past_its_limit_is_refused_with_a_message() {
    let out = cmd()
        .args([
            "catalog",
            "import",
            "/dev/zero",
            "--out",
            "target/test-scratch/never",
            "--max-spec-bytes",
            "1000000",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("larger than the 976.6 KiB limit for a description (--max-spec-bytes)"),
        "{stderr}"
    );
    let help = cmd().args(["catalog", "import", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("[default: 67108864]"));
    let event = scratch("secret-limit.json", br#"{"type": "x"}"#);
    let out = cmd().args(["verify", "--secret-file", "/dev/zero", path_str(&event)]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--secret-file /dev/zero: larger than 64 KiB, the limit for a secret"),
        "{stderr}"
    );
}

#[test]
fn names_from_a_description_or_a_payload_never_reach_the_terminal_raw() {
    let name = "evil\u{1b}[31m\u{7}\u{202e}";
    let schemas = json!({"A": {"properties": {"type": {"const": name}}, "required": ["type"]}});
    let (out, dir) = import("control-names", &spec(&schemas, &[name]), &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report = files_under(&dir).into_iter().find(|p| p.ends_with("import-report.txt")).unwrap();
    let report = std::fs::read_to_string(report).unwrap();
    for (what, text) in
        [("stdout", stdout.as_ref()), ("stderr", &String::from_utf8_lossy(&out.stderr)), ("report", &report)]
    {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'),
            "{what}: {text:?}"
        );
    }
    assert!(report.contains("evil\\u{1b}"), "{report}");
    // catalog learn: the type field's pointer is built from a payload key.
    let key = "k\u{1b}]0;x\u{7}\u{2066}";
    let deliveries: String =
        (0..6).map(|i| json!({key: format!("t{}", i % 2), "n": i}).to_string() + "\n").collect();
    let path = scratch("control-key.ndjson", deliveries.as_bytes());
    let learned = scratch_dir("control-key-catalog");
    let out = cmd()
        .args(["catalog", "learn", path_str(&path), "--out", path_str(&learned), "--provider", "ctl"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(!stdout.contains('\u{1b}') && !stdout.contains('\u{2066}'), "{stdout:?}");
    assert!(stdout.contains("k\\u{1b}]0;x\\u{7}\\u{2066}"), "{stdout}");
}

#[test]
fn bidirectional_overrides_are_escaped_for_terminals_and_stay_valid_json() {
    let event = scratch("bidi.json", "{\"type\": \"x\", \"a\u{202e}b\": \"c\u{2067}d\"}\n".as_bytes());
    for command in ["validate", "inspect", "stats"] {
        let out = cmd().args([command, "--color", "never", path_str(&event)]).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(!stdout.contains('\u{202e}') && !stdout.contains('\u{2067}'), "{command}: {stdout}");
    }
    let out = cmd().args(["inspect", "--color", "never", path_str(&event)]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"c\\u2067d\""));
    let out = cmd().args(["validate", "--format", "json", path_str(&event)]).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["results"][0].is_object());
}

#[test]
fn learning_no_usable_type_is_a_finding_like_import() {
    let deliveries: String = (0..4).map(|i| json!({"kind": "a b/c", "n": i}).to_string() + "\n").collect();
    let path = scratch("no-usable-type.ndjson", deliveries.as_bytes());
    let learned = scratch_dir("no-usable-type-catalog");
    let out = cmd()
        .args([
            "catalog",
            "learn",
            path_str(&path),
            "--out",
            path_str(&learned),
            "--provider",
            "nut",
            "--type-at",
            "/kind",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no delivery has a usable event type"));
    assert!(!learned.join("nut").exists(), "no empty provider is written");
}
