//! The catalogs, checked case by case: every sample and documented example validates, every
//! tampered fixture fails where it should, drift is a warning.

use std::collections::HashMap;

use serde_json::Value;

use crate::{cmd, results, root, validate_json};

/// Runs every case of `tests/fixtures/<provider>/cases.json` in one call and checks each.
fn check_cases(provider: &str) {
    let text = std::fs::read_to_string(root().join(format!("tests/fixtures/{provider}/cases.json"))).unwrap();
    let cases: Value = serde_json::from_str(&text).unwrap();
    let cases = cases["cases"].as_array().unwrap();
    assert!(cases.len() > 10, "{provider}: too few cases");
    let files: Vec<&str> = cases.iter().map(|c| c["file"].as_str().unwrap()).collect();
    let (_, report) = validate_json(&files);
    let by_source: HashMap<&str, &Value> =
        results(&report).iter().map(|r| (r["source"].as_str().unwrap(), r)).collect();
    let mut failures = Vec::new();
    for case in cases {
        let file = case["file"].as_str().unwrap();
        let Some(result) = by_source.get(file) else {
            failures.push(format!("{file}: no result"));
            continue;
        };
        let mut fail = |what: String| failures.push(format!("{file}: {what}\n    got {result}"));
        if result["status"] != case["expect"] {
            fail(format!("status {} (expected {})", result["status"], case["expect"]));
        }
        if result["provider"] != provider {
            fail(format!("provider {}", result["provider"]));
        }
        if let Some(t) = case.get("type")
            && result["event_type"] != *t
        {
            fail(format!("event_type {} (expected {t})", result["event_type"]));
        }
        if case["expect"] == "valid" && !result["errors"].as_array().unwrap().is_empty() {
            fail("has errors".into());
        }
        // Every finding is stated, as "code pointer": an unexpected extra one fails as a missing one does.
        for key in ["errors", "warnings"] {
            let mut got: Vec<String> = result[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| format!("{} {}", f["code"].as_str().unwrap(), f["pointer"].as_str().unwrap()))
                .collect();
            got.sort();
            let mut wanted: Vec<String> = case
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|w| w.as_str().unwrap().to_owned())
                .collect();
            wanted.sort();
            if got != wanted {
                let extra: Vec<&String> = got.iter().filter(|g| !wanted.contains(g)).collect();
                let missing: Vec<&String> = wanted.iter().filter(|w| !got.contains(w)).collect();
                fail(format!("{key}: unexpected {extra:?}, missing {missing:?}"));
            }
        }
        let inferred: Vec<&str> = result["api_version"]
            .as_str()
            .into_iter()
            .chain(
                result["api_version_candidates"].as_array().into_iter().flatten().filter_map(Value::as_str),
            )
            .collect();
        for v in case.get("versions").and_then(Value::as_array).into_iter().flatten() {
            if !inferred.contains(&v.as_str().unwrap()) {
                fail(format!("version {v} not inferred (got {inferred:?})"));
            }
        }
        for v in case.get("not_versions").and_then(Value::as_array).into_iter().flatten() {
            if inferred.contains(&v.as_str().unwrap()) {
                fail(format!("version {v} wrongly inferred"));
            }
        }
    }
    assert!(failures.is_empty(), "{} failing case(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn daily_cases() {
    check_cases("daily");
}

#[test]
fn alfred_cases() {
    check_cases("alfred");
}

#[test]
fn extend_cases() {
    check_cases("extend");
}

#[test]
fn every_bundled_sample_validates() {
    let (code, report) = validate_json(&["samples"]);
    assert_eq!(code, 0, "{report}");
    let summary = &report["summary"];
    assert_eq!(summary["events"], summary["valid"], "{summary}");
    for result in results(&report) {
        let source = result["source"].as_str().unwrap();
        // samples/<provider>/[<version>/]<type>.json names its own provider and type.
        let parts: Vec<&str> = source.trim_end_matches(".json").split('/').collect();
        assert_eq!(result["provider"], parts[1], "{source}");
        if parts.len() == 3 {
            assert_eq!(result["event_type"], parts[2], "{source}");
        } else if parts[2] != "examples" {
            assert_eq!(result["event_type"], parts[3], "{source}");
            let v = parts[2];
            let fits = result["api_version"] == v
                || result["api_version_candidates"].as_array().is_some_and(|c| c.iter().any(|x| x == v));
            assert!(fits, "{source}: version {v} not among {result}");
        }
    }
}

#[test]
fn every_type_has_a_schema_and_a_sample() {
    let out = cmd().args(["list", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let providers: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut counts = HashMap::new();
    for p in providers.as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let types = p["event_types"].as_array().unwrap();
        counts.insert(id.to_owned(), types.len());
        for t in types {
            let name = t["type"].as_str().unwrap();
            assert!(!t["title"].as_str().unwrap().is_empty(), "{id} {name}: no title");
            assert!(
                t["docs"].as_str().is_some_and(|d| d.starts_with("https://")),
                "{id} {name}: no docs link"
            );
            let versions: Vec<&str> =
                t["api_versions"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            let samples: Vec<String> = if versions.is_empty() {
                vec![format!("samples/{id}/{name}.json")]
            } else {
                versions.iter().map(|v| format!("samples/{id}/{v}/{name}.json")).collect()
            };
            for sample in samples {
                assert!(root().join(&sample).is_file(), "missing {sample}");
                let schema = cmd().args(["schema", name, "--provider", id]).output().unwrap();
                assert!(schema.status.success(), "schema {id} {name}");
            }
        }
    }
    assert_eq!(counts["daily"], 34, "33 events and the endpoint verification probe");
    assert_eq!(counts["alfred"], 25, "24 events and url_verification");
}

#[test]
fn extend_lists_its_events_per_version() {
    let out = cmd().args(["list", "extend", "--format", "json"]).output().unwrap();
    let providers: Value = serde_json::from_slice(&out.stdout).unwrap();
    let types = providers[0]["event_types"].as_array().unwrap();
    let in_version = |v: &str| {
        types.iter().filter(|t| t["api_versions"].as_array().unwrap().iter().any(|x| x == v)).count()
    };
    assert_eq!(in_version("2026-02-09"), 40);
    assert!(in_version("2025-04-21") >= 15);
    assert!(in_version("2024-12-23") >= 13);
}

#[test]
fn strict_fails_the_documented_drift() {
    let out =
        cmd().args(["validate", "--strict", "samples/alfred/job_finished_event.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = cmd().args(["validate", "samples/alfred/job_finished_event.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn foreign_json_is_never_misattributed() {
    let (code, report) = validate_json(&["tests/fixtures/foreign"]);
    assert_eq!(code, 1);
    let results = results(&report);
    assert_eq!(results.len(), 4);
    for r in results {
        assert_eq!(r["status"], "unknown", "{r}");
        assert_eq!(r["provider"], Value::Null, "{r}");
    }
}

#[test]
fn unknown_type_of_a_known_provider_suggests_a_name() {
    let event = r#"{"version":"1.0.0","type":"recording.eror","id":"x","payload":{},"event_ts":1}"#;
    let (code, report) = {
        let out = cmd().args(["validate", "--format", "json", "-"]).write_stdin(event).output().unwrap();
        (out.status.code().unwrap(), serde_json::from_slice::<Value>(&out.stdout).unwrap())
    };
    assert_eq!(code, 1);
    let r = &results(&report)[0];
    assert_eq!((r["status"].as_str(), r["provider"].as_str()), (Some("unknown"), Some("daily")));
    let message = r["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("did you mean \"recording.error\""), "{message}");
}

#[test]
fn extend_version_inference() {
    let (_, report) = validate_json(&[
        "samples/extend/2026-02-09/extract_run.processed.json",
        "samples/extend/2025-04-21/processor_run.processed.json",
        "samples/extend/2024-12-23/workflow_run.completed.json",
    ]);
    let r = results(&report);
    assert_eq!(r[0]["api_version"], "2026-02-09");
    assert_ne!(r[1]["api_version"], "2026-02-09");
    assert!(r[1]["api_version_candidates"].as_array().is_none_or(|c| !c.iter().any(|v| v == "2026-02-09")));
    assert_eq!(r[2]["api_version"], Value::Null);
    assert_eq!(r[2]["api_version_candidates"], serde_json::json!(["2024-12-23", "2025-04-21"]));
}

#[test]
fn type_aliases_resolve_to_wire_names() {
    for alias in ["JobFinishedEvent", "Job Finished", "job_finished", "job_finished_event"] {
        let out = cmd().args(["sample", alias]).output().unwrap();
        assert!(out.status.success(), "{alias}");
        let sample: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(sample["event"]["event_name"], "job_finished_event", "{alias}");
    }
    let out = cmd()
        .args(["validate", "--format", "json", "--type", "File Done", "samples/alfred/file_done_event.json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(results(&report)[0]["event_type"], "file_done_event");
}
