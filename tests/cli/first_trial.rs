//! Defects a new user met in a first trial (issue 19): versions checked against the provider they
//! belong to, patches that honour `--ignore`, self-contained schemas, CI reports that carry every
//! failure.

use serde_json::{Value, json};

use crate::{cmd, path_str, results, root, scratch, validate_json};

fn stderr_of(args: &[&str]) -> (i32, String) {
    let out = cmd().args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn an_api_version_is_checked_against_the_provider_it_belongs_to() {
    // A Daily envelope version applies to Daily events and leaves Extend alone.
    let (code, report) = validate_json(&["--api-version", "1.0.0", "samples/daily/meeting.started.json"]);
    assert_eq!(code, 0);
    assert_eq!(results(&report)[0]["api_version"], "1.0.0");
    // An Extend version forced on a Daily event does not apply to it, and is not an error.
    let (code, report) =
        validate_json(&["--api-version", "2025-04-21", "samples/daily/meeting.started.json"]);
    assert_eq!((code, results(&report)[0]["api_version"].as_str()), (0, Some("1.0.0")));
    let (code, err) =
        stderr_of(&["validate", "--provider", "daily", "--api-version", "2025-04-21", "samples/daily"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown API version \"2025-04-21\" for daily (known: 1.0.0, 1.1.0)"), "{err}");
    let (code, err) = stderr_of(&["validate", "--api-version", "9.9", "samples/daily"]);
    assert_eq!(code, 2);
    assert!(err.contains("daily 1.0.0, 1.1.0") && err.contains("extend 2024-12-23"), "{err}");
    let (code, err) =
        stderr_of(&["validate", "--provider", "alfred", "--api-version", "1", "samples/alfred"]);
    assert_eq!(code, 2);
    assert!(err.contains("alfred documents no API versions"), "{err}");
}

#[test]
fn the_patch_leaves_out_ignored_and_volatile_fields() {
    let a = root().join("samples/daily/meeting.started.json");
    let mut changed: Value = serde_json::from_str(&std::fs::read_to_string(&a).unwrap()).unwrap();
    changed["id"] = json!("met-sta-other");
    changed["event_ts"] = json!(1);
    changed["payload"]["room"] = json!("other-room");
    let b = scratch("patch-volatile.json", changed.to_string().as_bytes());
    let run = |extra: &[&str]| {
        let mut args = vec!["diff", "--format", "patch"];
        args.extend_from_slice(extra);
        args.extend([path_str(&a), path_str(&b)]);
        let out = cmd().args(&args).output().unwrap();
        let patch: Value = serde_json::from_slice(&out.stdout).unwrap();
        let paths: Vec<String> =
            patch.as_array().unwrap().iter().map(|op| op["path"].as_str().unwrap().to_owned()).collect();
        (out.status.code().unwrap(), paths)
    };
    assert_eq!(run(&[]), (1, vec!["/payload/room".to_owned()]), "volatile /id and /event_ts are left out");
    assert_eq!(run(&["--ignore", "/payload/room"]), (0, vec![]), "the exit code and the patch agree");
    let (code, paths) = run(&["--include-volatile"]);
    assert_eq!(code, 1);
    assert!(paths.contains(&"/id".to_owned()) && paths.contains(&"/event_ts".to_owned()), "{paths:?}");
}

#[test]
fn printed_and_exported_schemas_are_self_contained() {
    for args in [
        vec!["schema", "participant.joined"],
        vec!["schema", "extract_run.processed"],
        vec!["schema", "job_finished_event"],
        vec!["schema", "workflow_run.completed", "--api-version", "2025-04-21"],
    ] {
        let out = cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut refs = Vec::new();
        collect_refs(&schema, &mut refs);
        assert!(!refs.is_empty(), "{args:?} uses shared definitions");
        for r in &refs {
            let fragment = r.strip_prefix('#').unwrap_or_else(|| panic!("{args:?}: external $ref {r}"));
            assert!(schema.pointer(fragment).is_some(), "{args:?}: {r} does not resolve inside the document");
        }
    }
    let dir = root().join("target/test-scratch/bundled-export");
    let _ = std::fs::remove_dir_all(&dir);
    let out = cmd().args(["schema", "export", path_str(&dir)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let bundled = dir.join("bundled/extend/2026-02-09/extract_run.processed.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&bundled).unwrap()).unwrap();
    let mut refs = Vec::new();
    collect_refs(&schema, &mut refs);
    assert!(refs.iter().all(|r| r.starts_with('#')), "{refs:?}");
    // The export still loads as a catalog: the bundled folder has no provider.json.
    let out = cmd()
        .args(["--no-builtin", "--catalog", path_str(&dir), "validate", "samples/daily/meeting.started.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                out.push(r.clone());
            }
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

#[test]
fn ci_reports_carry_expectation_failures_and_unreadable_paths() {
    let dir = root().join("target/test-scratch/ci-expectations");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root().join("samples/daily/meeting.started.json"), dir.join("good name.json")).unwrap();
    std::fs::write(
        dir.join("hookscope.toml"),
        "[[fixtures]]\npaths = [\"good name.json\"]\nexpect = \"invalid\"\n",
    )
    .unwrap();
    let run = |format: &str| {
        let out = cmd()
            .current_dir(&dir)
            .args(["validate", "--format", format, "good name.json", "missing.json"])
            .output()
            .unwrap();
        (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, sarif) = run("sarif");
    assert_eq!(code, 2, "an unreadable path wins");
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let rule =
        |id: &str| results.iter().find(|r| r["ruleId"] == id).unwrap_or_else(|| panic!("no {id} in {sarif}"));
    assert!(
        rule("fixture-expectation")["message"]["text"].as_str().unwrap().contains("expected to be invalid")
    );
    let location = &rule("fixture-expectation")["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(
        (location["uri"].as_str(), location["uriBaseId"].as_str()),
        (Some("good%20name.json"), Some("SRCROOT"))
    );
    assert!(
        sarif["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"].as_str().unwrap().starts_with("file:///")
    );
    assert_eq!(
        rule("unreadable")["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "missing.json"
    );

    let (code, junit) = run("junit");
    assert_eq!(code, 2);
    let doc = roxmltree::Document::parse(&junit).unwrap();
    let suites = doc.root_element();
    assert_eq!(
        (suites.attribute("tests"), suites.attribute("errors"), suites.attribute("failures")),
        (Some("2"), Some("1"), Some("1"))
    );
    assert!(
        doc.descendants()
            .any(|n| n.has_tag_name("error") && n.attribute("message") == Some("no such file or directory"))
    );

    let (code, github) = run("github");
    assert_eq!(code, 2);
    assert!(
        github.contains(
            "::error file=missing.json,title=unreadable::cannot be read: no such file or directory"
        ),
        "{github}"
    );
}

#[test]
fn messages_say_what_happened_in_plain_words() {
    let out = cmd()
        .args(["--no-builtin", "validate", "--brief", "samples/daily/meeting.started.json"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("no provider is loaded (--no-builtin without a --catalog)") && !text.contains("()"),
        "{text}"
    );

    let foreign = scratch("verify-foreign.json", br#"{"a": 1}"#);
    let out = cmd()
        .env("HS_SECRET", "c2VjcmV0")
        .args(["verify", "--secret-env", "HS_SECRET", path_str(&foreign)])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(": unknown: no known provider") && !text.contains("bad :"), "{text}");

    let dir = root().join("target/test-scratch/message-catalog/acme");
    std::fs::create_dir_all(dir.join("schemas")).unwrap();
    std::fs::write(
        dir.join("provider.json"),
        r#"{"id":"acme","name":"Acme","description":"x","envelopes":[{"markers":[{"pointer":"/event","type":"string"}],"min_markers":1,"type_at":"/event"}]}"#,
    )
    .unwrap();
    std::fs::write(dir.join("schemas/remote.json"), r#"{"$ref": "https://example.com/x.json"}"#).unwrap();
    std::fs::write(
        dir.join("schemas/local.json"),
        r#"{"properties": {"x": {"$ref": "../defs/missing.json"}}}"#,
    )
    .unwrap();
    let out = cmd().args(["catalog", "check", path_str(dir.parent().unwrap())]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("$ref to https://example.com/x.json is outside the catalog"), "{text}");
    assert!(text.contains("defs/missing.json does not resolve"), "{text}");
    for internal in ["resolve-http", "catalog.hookscope.invalid", " at \n", " at :"] {
        assert!(!text.contains(internal), "{internal:?} in {text}");
    }

    let out = cmd().args(["inspect", "samples/alfred/job_finished_event.json"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("alfred (Alfred by Tagshelf)") && !text.contains("(Alfred (Tagshelf))"), "{text}");
    let out =
        cmd().args(["inspect", "samples/extend/2026-02-09/extract_run.processed.json"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let id_rows = text.lines().filter(|l| l.trim_start_matches(['│', ' ']).starts_with("id ")).count();
    assert_eq!(id_rows, 1, "one id row (the event's own is `event id`): {text}");
    assert!(text.contains("event id"), "{text}");
}

#[test]
fn filter_types_take_aliases_and_say_when_a_glob_matches_nothing() {
    let out = cmd().args(["filter", "--type", "JobFinishedEvent", "samples/alfred"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"job_finished_event\"") && !text.contains("job_start_event"), "{text}");
    let out =
        cmd().args(["filter", "--provider", "daily", "--type", "recordng.*", "samples"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("matches no documented event type; did you mean \"recording."), "{err}");
    let out = cmd().args(["filter", "--type", "recordng.*", "samples"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "generic envelopes may still match: nothing written");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("warning: --type \"recordng.*\" matches no documented event type")
    );
}

#[test]
fn filter_reads_with_the_same_flags_as_every_command() {
    let report = root().join("target/test-scratch/filter-flags-report.jsonl");
    let out = cmd()
        .args([
            "filter",
            "--threads",
            "1",
            "--max-event-bytes",
            "1000",
            "--report",
            path_str(&report),
            "samples/daily",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&report).unwrap();
    // Samples larger than 1000 bytes are unparsable under the limit, and say so.
    assert!(text.contains("exceeds the") && text.contains("unparsable"), "{text}");
    let out = cmd().args(["filter", "-j", "0", "samples/daily"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "the thread count is checked as everywhere");
}
