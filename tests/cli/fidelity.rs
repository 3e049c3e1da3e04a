//! Verdicts on real deliveries: the third-party corpus, presence derived from evidence, and each
//! false error and false pass of issue 20, with the stable codes and the project file's levels.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::{Value, json};

use crate::{cmd, path_str, results, root, scratch, validate_json};

/// Validates one event value (written to a scratch file) and returns the exit code and result.
fn verdict_of(name: &str, event: &Value, extra: &[&str]) -> (i32, Value) {
    let path = scratch(name, serde_json::to_string_pretty(event).unwrap().as_bytes());
    let mut args = extra.to_vec();
    args.push(path_str(&path));
    let (code, report) = validate_json(&args);
    (code, results(&report)[0].clone())
}

fn sample(rel: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(rel)).unwrap()).unwrap()
}

fn codes(result: &Value, list: &str) -> BTreeSet<String> {
    result[list].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_owned()).collect()
}

fn finding<'a>(result: &'a Value, list: &str, pointer: &str) -> Option<&'a Value> {
    result[list].as_array().unwrap().iter().find(|f| f["pointer"] == pointer)
}

#[test]
fn real_corpus_verdicts_hold() {
    let expected: Value = sample("tests/corpus/real/verdicts.json");
    let expected: BTreeMap<&str, &Value> =
        expected["verdicts"].as_array().unwrap().iter().map(|v| (v["file"].as_str().unwrap(), v)).collect();
    let sources = std::fs::read_to_string(root().join("tests/corpus/real/SOURCES.md")).unwrap();
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(root().join("tests/corpus/real")).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "json") && entry.file_name() != "verdicts.json" {
            let rel = entry.path().strip_prefix(root()).unwrap().to_str().unwrap().to_owned();
            let name = entry.file_name().to_str().unwrap().to_owned();
            assert!(
                sources.contains(&format!("`{name}`")) || sources.contains(&format!("| {name} |")),
                "{name} has no source row"
            );
            files.push(rel);
        }
    }
    assert!(files.len() >= 30, "{} third-party payloads", files.len());
    assert_eq!(files.len(), expected.len(), "every corpus file has exactly one verdict");
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let (_, report) = validate_json(&args);
    assert_eq!(results(&report).len(), files.len(), "one result per corpus file");
    let mut wrong = Vec::new();
    for r in results(&report) {
        let file = r["source"].as_str().unwrap();
        let want = expected[file];
        // The whole verdict, normalised: who, what, how, and every finding as (code, pointer).
        let normal = |v: &Value| {
            let findings = |list: &str| {
                let mut pairs: Vec<(String, String)> = v[list]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| match f {
                        Value::Array(pair) => {
                            (pair[0].as_str().unwrap().to_owned(), pair[1].as_str().unwrap().to_owned())
                        }
                        _ => (
                            f["code"].as_str().unwrap().to_owned(),
                            f["pointer"].as_str().unwrap().to_owned(),
                        ),
                    })
                    .collect();
                pairs.sort();
                pairs
            };
            (
                v["provider"].clone(),
                v["event_type"].clone(),
                v["api_version"].clone(),
                v["status"].clone(),
                findings("errors"),
                findings("warnings"),
            )
        };
        if normal(r) != normal(want) {
            wrong.push(format!("{file}:\n  want {:?}\n  got  {:?}", normal(want), normal(r)));
        }
        // Only the files the corpus names as known-broken may have errors (partial bodies are unknown).
        if r["status"] == "invalid" {
            assert!(want.get("known_broken").is_some(), "{file} is invalid but not named known-broken");
        }
    }
    assert!(wrong.is_empty(), "{} verdict(s) differ:\n{}", wrong.len(), wrong.join("\n"));
}

/// A field that identifies an event's subject or state: its ids, the room, the status, the
/// object discriminator, the event's own name.
fn identity(name: &str) -> bool {
    matches!(name, "id" | "object" | "status" | "room" | "room_name" | "event_name") || name.ends_with("_id")
}

/// Every payload a provider's presence rule may rest on: samples and documented examples, the real
/// corpus (not the known-broken), and the fixture cases expected to be valid, by event type.
fn evidence(provider: &str, type_at: &str) -> BTreeMap<String, Vec<Value>> {
    let mut files: Vec<String> = Vec::new();
    for dir in [format!("samples/{provider}"), format!("tests/corpus/real/{provider}")] {
        // Alfred has no third-party corpus (SOURCES.md says why).
        if !root().join(&dir).is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(root().join(dir)) {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "json") {
                files.push(entry.path().to_str().unwrap().to_owned());
            }
        }
    }
    // Known-broken mocks and partial bodies (not deliveries) are no evidence.
    let verdicts = sample("tests/corpus/real/verdicts.json");
    let broken: BTreeSet<String> = verdicts["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["status"] != "valid")
        .map(|v| root().join(v["file"].as_str().unwrap()).to_str().unwrap().to_owned())
        .collect();
    let cases = sample(&format!("tests/fixtures/{provider}/cases.json"));
    for case in cases["cases"].as_array().unwrap() {
        if case["expect"] == "valid" {
            files.push(root().join(case["file"].as_str().unwrap()).to_str().unwrap().to_owned());
        }
    }
    let mut by_type: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for file in files.iter().filter(|f| !broken.contains(*f)) {
        let Ok(value) = serde_json::from_str::<Value>(&std::fs::read_to_string(file).unwrap()) else {
            continue;
        };
        if let Some(t) = value.pointer(type_at).and_then(Value::as_str) {
            by_type.entry(t.to_owned()).or_default().push(value);
        }
    }
    by_type
}

/// The presence rule, derived again from the evidence: a documented field is required exactly when
/// it is an identity field that every piece of evidence carries; every other one is expected.
#[test]
fn presence_is_derived_from_the_evidence() {
    for (provider, body, type_at) in [("daily", "payload", "/type"), ("alfred", "event", "/event/event_name")]
    {
        let evidence = evidence(provider, type_at);
        let mut wrong = Vec::new();
        for entry in std::fs::read_dir(root().join(format!("catalog/{provider}/schemas"))).unwrap() {
            let path = entry.unwrap().path();
            let event_type = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let schema = sample(path.strip_prefix(root()).unwrap().to_str().unwrap());
            let Some(node) = schema["properties"].get(body).filter(|n| n.get("properties").is_some()) else {
                continue;
            };
            let list = |key: &str| -> BTreeSet<String> {
                node.get(key).and_then(Value::as_array).map_or_else(BTreeSet::new, |a| {
                    a.iter().map(|v| v.as_str().unwrap().to_owned()).collect()
                })
            };
            let documented: BTreeSet<String> =
                node["properties"].as_object().unwrap().keys().cloned().collect();
            let seen = evidence.get(&event_type).map_or(&[][..], Vec::as_slice);
            let carried = |f: &str| !seen.is_empty() && seen.iter().all(|e| e[body].get(f).is_some());
            let want_required: BTreeSet<String> =
                documented.iter().filter(|f| identity(f) && carried(f)).cloned().collect();
            let want_expected: BTreeSet<String> = documented.difference(&want_required).cloned().collect();
            if list("required") != want_required || list("x-expected") != want_expected {
                wrong.push(format!(
                    "{provider} {event_type}: required {:?} (derived {want_required:?}), x-expected {:?} (derived {want_expected:?})",
                    list("required"),
                    list("x-expected")
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}

/// Extend's presence. In 2026-02-09, whose generated TypeScript types are recorded in
/// `tests/fixtures/extend/sdk-types-2026-02-09.json` (repository, commits, files): `required` is
/// exactly the fields every generated revision since the version's release declares non-optional,
/// `x-expected` exactly those added later or "not returned for runs created before" a date, and a
/// field the SDK marks optional is in neither. In the older versions, which have no generated types
/// of their own, only an object's discriminator, id and status are errors when missing.
#[test]
fn extend_presence_follows_the_sdk_types() {
    fn walk(node: &Value, at: &str, wrong: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if let Some(object) =
                    map.get("properties").and_then(|p| p.get("object")).and_then(|o| o.get("const"))
                {
                    // The signed-URL wrapper's identity is the URL it carries.
                    let wrapper = object == "signed_data_url";
                    for r in map.get("required").and_then(Value::as_array).into_iter().flatten() {
                        if !(matches!(r.as_str(), Some("object" | "id" | "status")) || wrapper && r == "data")
                        {
                            wrong.push(format!("{at}: requires {r}"));
                        }
                    }
                }
                for (k, v) in map {
                    walk(v, &format!("{at}/{k}"), wrong);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, at, wrong)),
            _ => {}
        }
    }
    let mut wrong = Vec::new();
    for version in ["2024-12-23", "2025-04-21", "common"] {
        walk(&sample(&format!("catalog/extend/defs/{version}.json")), version, &mut wrong);
    }
    let sdk = sample("tests/fixtures/extend/sdk-types-2026-02-09.json");
    let defs = sample("catalog/extend/defs/2026-02-09.json");
    let names = |v: Option<&Value>| -> BTreeSet<String> {
        v.and_then(Value::as_array).into_iter().flatten().map(|s| s.as_str().unwrap().to_owned()).collect()
    };
    let mut checked = 0;
    for (name, node) in defs["$defs"].as_object().unwrap() {
        let Some(documented) = node.get("properties").and_then(Value::as_object) else { continue };
        let documented: BTreeSet<String> = documented.keys().cloned().collect();
        let types = &sdk["types"][name];
        assert!(types.is_object(), "2026-02-09 {name}: no generated SDK type recorded");
        let later: BTreeSet<String> = names(types.get("added_after_release"))
            .union(&names(types.get("not_returned_for_older_runs")))
            .cloned()
            .collect();
        let want_required: BTreeSet<String> =
            names(types.get("non_optional")).intersection(&documented).cloned().collect();
        let want_expected: BTreeSet<String> = later.intersection(&documented).cloned().collect();
        if names(node.get("required")) != want_required || names(node.get("x-expected")) != want_expected {
            wrong.push(format!(
                "2026-02-09 {name}: required {:?} (SDK {want_required:?}), x-expected {:?} (SDK {want_expected:?})",
                names(node.get("required")),
                names(node.get("x-expected"))
            ));
        }
        for optional in names(types.get("optional")) {
            if names(node.get("required")).contains(&optional)
                || names(node.get("x-expected")).contains(&optional)
            {
                wrong.push(format!("2026-02-09 {name}: the SDK marks {optional} optional"));
            }
        }
        checked += 1;
    }
    assert!(checked >= 25, "{checked} object types checked");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Removing one documented field at a time from every bundled sample: an error exactly for the
/// required ones, a `missing-expected-field` warning at the same pointer for the others. The
/// figures are printed for the record (`cargo test removing -- --nocapture`).
#[test]
#[allow(clippy::print_stderr)]
fn removing_a_field_is_an_error_exactly_when_it_is_required() {
    // The fields the 2026-02-09 SDK types require, by the `object` value of their type.
    let sdk = sample("tests/fixtures/extend/sdk-types-2026-02-09.json");
    let defs = sample("catalog/extend/defs/2026-02-09.json");
    let sdk_required: BTreeMap<String, BTreeSet<String>> = defs["$defs"]
        .as_object()
        .unwrap()
        .iter()
        // Summaries share their object's `object` value; the full type is what an event carries.
        .filter(|(name, _)| !name.ends_with("Summary"))
        .filter_map(|(name, node)| {
            let object = node.pointer("/properties/object/const")?.as_str()?.to_owned();
            let fields = sdk["types"][name]["non_optional"].as_array()?;
            Some((object, fields.iter().map(|f| f.as_str().unwrap().to_owned()).collect()))
        })
        .collect();
    for (provider, body) in [("daily", "payload"), ("alfred", "event"), ("extend", "payload")] {
        let mut lines = Vec::new();
        let mut removed = Vec::new();
        for entry in walkdir::WalkDir::new(root().join(format!("samples/{provider}"))).sort_by_file_name() {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(root()).unwrap().to_str().unwrap().to_owned();
            if entry.path().extension().is_none_or(|e| e != "json") || rel.contains("/examples/") {
                continue;
            }
            let event = sample(&rel);
            let Some(fields) = event.get(body).and_then(Value::as_object) else { continue };
            // What the type's schema documents (Extend's payloads are references into defs).
            let event_type = event
                .pointer(if provider == "alfred" { "/event/event_name" } else { "" })
                .and_then(Value::as_str)
                .or_else(|| event.get("type").and_then(Value::as_str))
                .unwrap_or_default()
                .to_owned();
            let documented: Option<BTreeSet<String>> = (provider != "extend").then(|| {
                let schema = sample(&format!("catalog/{provider}/schemas/{event_type}.json"));
                schema["properties"][body]["properties"]
                    .as_object()
                    .map(|p| p.keys().cloned().collect())
                    .unwrap_or_default()
            });
            if fields.get("object").is_some_and(|o| o == "signed_data_url") {
                continue;
            }
            for field in fields.keys() {
                let mut changed = event.clone();
                changed[body].as_object_mut().unwrap().remove(field);
                lines.push(serde_json::to_string(&changed).unwrap());
                let is_documented = documented.as_ref().is_none_or(|d| d.contains(field));
                removed.push((rel.clone(), field.clone(), is_documented));
            }
        }
        let input = scratch(&format!("removals-{provider}.ndjson"), (lines.join("\n") + "\n").as_bytes());
        let out = cmd().args(["validate", "--format", "ndjson", path_str(&input)]).output().unwrap();
        let results: Vec<Value> = out
            .stdout
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!(results.len(), removed.len());
        let (mut errors, mut warnings) = (0, 0);
        let mut wrong = Vec::new();
        let mut undocumented = 0;
        for (result, (rel, field, is_documented)) in results.iter().zip(&removed) {
            let pointer = format!("/{body}/{field}");
            let error = finding(result, "errors", &pointer);
            let warning = finding(result, "warnings", &pointer);
            match (error, warning) {
                (Some(e), None) if e["code"] == "missing-field" => errors += 1,
                (None, Some(w)) if w["code"] == "missing-expected-field" => warnings += 1,
                // An undocumented field, or one the SDK types mark optional (Extend), goes silently.
                (None, None) if !is_documented || provider == "extend" => undocumented += 1,
                _ => wrong.push(format!("{rel} without {field}: {result}")),
            }
            if error.is_none() && result["status"] != "valid" {
                wrong.push(format!("{rel} without {field} fails for another reason: {result}"));
            }
            // Extend: in 2026-02-09 the generated SDK types decide, elsewhere only identity and state.
            let required = if rel.contains("/2026-02-09/") {
                let object = sample(rel)[body]["object"].as_str().map(str::to_owned).unwrap_or_default();
                sdk_required.get(&object).is_some_and(|r| r.contains(field))
            } else {
                matches!(field.as_str(), "object" | "id" | "status")
            };
            if provider == "extend" && error.is_some() != required {
                wrong.push(format!("{rel} without {field}: an Extend error exactly for the required fields"));
            }
        }
        eprintln!(
            "{provider}: {} removals: {errors} errors, {warnings} expected-field warnings, {undocumented} silent (undocumented or optional)",
            removed.len()
        );
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert!(errors > 0, "{provider}: some field must be required");
    }
}

#[test]
fn null_will_eject_at_and_fractional_times_are_not_errors() {
    for rel in [
        "samples/daily/participant.joined.json",
        "samples/daily/participant.left.json",
        "samples/daily/waiting-participant.joined.json",
        "samples/daily/waiting-participant.left.json",
    ] {
        let mut event = sample(rel);
        event["payload"]["will_eject_at"] = Value::Null;
        event["payload"]["joined_at"] = json!(1_708_972_291.567);
        let (code, r) = verdict_of("will-eject-null.json", &event, &[]);
        assert_eq!((code, r["status"].as_str()), (0, Some("valid")), "{rel}: {r}");
        let w = finding(&r, "warnings", "/payload/will_eject_at").unwrap_or_else(|| panic!("{rel}: {r}"));
        assert_eq!(w["code"], "documented-drift");
        // A float where a revision documents an integer is not an error either.
        event["payload"]["will_eject_at"] = json!(1_708_972_291.5);
        let (code, r) = verdict_of("will-eject-float.json", &event, &[]);
        assert_eq!(code, 0, "{rel}: {r}");
    }
    let mut started = sample("samples/daily/transcript.started.json");
    started["payload"]["duration"] = json!(12.5);
    let (code, r) = verdict_of("transcript-float.json", &started, &[]);
    assert_eq!(code, 0, "{r}");
}

#[test]
fn open_enums_warn_with_the_known_values_and_fail_under_strict() {
    let mut event = sample("samples/extend/2026-02-09/extract_run.processed.json");
    event["payload"]["status"] = json!("QUEUED_FOR_REVIEW");
    let (code, r) = verdict_of("open-enum.json", &event, &[]);
    assert_eq!((code, r["status"].as_str()), (0, Some("valid")), "{r}");
    let w = finding(&r, "warnings", "/payload/status").unwrap();
    assert_eq!(w["code"], "open-enum");
    let message = w["message"].as_str().unwrap();
    assert!(message.contains("QUEUED_FOR_REVIEW") && message.contains("\"PROCESSED\""), "{message}");
    let (code, r) = verdict_of("open-enum.json", &event, &["--strict"]);
    assert_eq!((code, r["status"].as_str()), (1, Some("invalid")), "the report agrees with the exit code");

    let mut transcript = sample("samples/daily/transcript.ready-to-download.json");
    transcript["payload"]["status"] = json!("t_archived");
    let (code, r) = verdict_of("open-enum-daily.json", &transcript, &[]);
    assert_eq!(code, 0, "{r}");
    assert_eq!(finding(&r, "warnings", "/payload/status").unwrap()["code"], "open-enum");
}

#[test]
fn the_daily_verification_probe_is_recognised() {
    let path = scratch("probe.json", br#"{"test":"test"}"#);
    let (code, report) = validate_json(&[path_str(&path)]);
    let r = &results(&report)[0];
    assert_eq!(
        (code, r["provider"].as_str(), r["status"].as_str()),
        (0, Some("daily"), Some("valid")),
        "{r}"
    );
    let out = cmd().args(["inspect", path_str(&path)]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("verification probe") && text.contains("200"), "{text}");
    // Anything else under "test" is no probe.
    let other = scratch("not-probe.json", br#"{"test":"something else"}"#);
    let (code, report) = validate_json(&[path_str(&other)]);
    assert_eq!((code, results(&report)[0]["provider"].as_str()), (1, None));
}

#[test]
fn alfred_sdk_spellings_and_families_are_warnings() {
    let mut event = sample("samples/alfred/job_finished_event.json");
    event["event"]["event_name"] = json!("alfred_event_job_finished");
    event["event_type"] = json!("job_event");
    let (code, r) = verdict_of("alfred-sdk.json", &event, &[]);
    assert_eq!((code, r["status"].as_str()), (0, Some("valid")), "{r}");
    assert_eq!(r["event_type"], "job_finished_event", "the documented wire name is reported");
    let alias = finding(&r, "warnings", "/event/event_name").unwrap();
    assert_eq!(alias["code"], "type-alias");
    assert!(alias["message"].as_str().unwrap().contains("alfred_event_job_finished"));
    assert_eq!(finding(&r, "warnings", "/event_type").unwrap()["code"], "documented-drift");
    // An unknown name is still unknown.
    event["event"]["event_name"] = json!("alfred_event_job_exploded");
    let (code, r) = verdict_of("alfred-unknown.json", &event, &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("unknown")));
}

#[test]
fn extend_step_runs_and_splitter_outputs_follow_the_sdk_types() {
    let mut step = sample("samples/extend/2026-02-09/workflow_run.step_run.processed.json");
    step["payload"].as_object_mut().unwrap().remove("stepType");
    let (code, r) = verdict_of("step-run.json", &step, &[]);
    // Every generated StepRun variant declares stepType: it is required in 2026-02-09.
    assert_eq!(code, 1, "{r}");
    assert_eq!(finding(&r, "errors", "/payload/stepType").unwrap()["code"], "missing-field");

    let mut run = sample("samples/extend/2025-04-21/processor_run.processed.json");
    run["payload"]["type"] = json!("SPLITTER");
    run["payload"]["output"] = json!({});
    let (code, r) = verdict_of("splitter.json", &run, &["--api-version", "2025-04-21"]);
    assert_eq!((code, r["status"].as_str()), (0, Some("valid")), "{r}");
}

#[test]
fn signed_url_wrappers_are_recognised_only_by_their_documented_shapes() {
    let envelope = |payload: Value| json!({"eventId": "evt_1", "eventType": "extract_run.processed", "payload": payload});
    let (code, r) =
        verdict_of("signed-loose.json", &envelope(json!({"id": "exr_1", "data": "not a url"})), &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("invalid")), "{r}");
    assert!(finding(&r, "errors", "/payload/object").is_some(), "validated as the run it claims: {r}");
    let docs = envelope(json!({"data": "https://files.extend.ai/run.json?sig=1"}));
    assert_eq!(verdict_of("signed-docs.json", &docs, &[]).0, 0);
    let sdk = envelope(
        json!({"object": "signed_data_url", "id": "exr_1", "data": "https://files.extend.ai/r?sig=1"}),
    );
    assert_eq!(verdict_of("signed-sdk.json", &sdk, &[]).0, 0);
    let sdk_without_id = envelope(json!({"object": "signed_data_url", "data": "https://files.extend.ai/r"}));
    let (code, r) = verdict_of("signed-sdk-no-id.json", &sdk_without_id, &[]);
    assert_eq!((code, finding(&r, "errors", "/payload/id").is_some()), (1, true), "{r}");
}

#[test]
fn an_unknown_envelope_version_is_a_warning_naming_the_known_ones() {
    let mut event = sample("samples/daily/meeting.started.json");
    event["version"] = json!("2.0.0");
    let (code, r) = verdict_of("version.json", &event, &[]);
    assert_eq!((code, r["status"].as_str()), (0, Some("valid")), "{r}");
    let w = finding(&r, "warnings", "/version").unwrap();
    assert_eq!(w["code"], "unknown-version");
    assert!(w["message"].as_str().unwrap().contains("1.0.0, 1.1.0"), "{w}");
    assert_eq!(verdict_of("version.json", &event, &["--strict"]).0, 1);
}

#[test]
fn a_misspelt_documented_key_is_named() {
    let mut event = sample("samples/daily/recording.ready-to-download.json");
    let payload = event["payload"].as_object_mut().unwrap();
    let key = payload.remove("s3_key").unwrap();
    payload.insert("s3Key".into(), key);
    let (_, r) = verdict_of("misspelt.json", &event, &[]);
    let w = finding(&r, "warnings", "/payload/s3Key").unwrap();
    assert_eq!(w["code"], "misspelt-field");
    assert!(w["message"].as_str().unwrap().contains("did you mean \"s3_key\"?"), "{w}");
    let missing = finding(&r, "warnings", "/payload/s3_key").unwrap();
    assert!(missing["message"].as_str().unwrap().contains("sent as \"s3Key\"?"), "{missing}");

    let mut extend = sample("samples/extend/2026-02-09/extract_run.processed.json");
    let id = extend.as_object_mut().unwrap().remove("eventId").unwrap();
    extend.as_object_mut().unwrap().insert("eventID".into(), id);
    let (code, r) = verdict_of("misspelt-extend.json", &extend, &[]);
    assert_eq!(code, 1, "eventId is an envelope field: {r}");
    assert!(
        finding(&r, "errors", "/eventId").unwrap()["message"]
            .as_str()
            .unwrap()
            .contains("sent as \"eventID\"?")
    );
    assert!(
        finding(&r, "warnings", "/eventID").unwrap()["message"]
            .as_str()
            .unwrap()
            .contains("did you mean \"eventId\"?")
    );
}

#[test]
fn identity_fields_are_required() {
    let mut meeting = sample("samples/daily/meeting.started.json");
    meeting["payload"] = json!({});
    let (code, r) = verdict_of("empty-payload.json", &meeting, &[]);
    assert_eq!(code, 1, "{r}");
    assert!(finding(&r, "errors", "/payload/meeting_id").is_some());
    let mut recording = sample("samples/daily/recording.ready-to-download.json");
    recording["payload"].as_object_mut().unwrap().remove("recording_id");
    assert_eq!(verdict_of("no-recording-id.json", &recording, &[]).0, 1);
    let mut job = sample("samples/alfred/job_finished_event.json");
    job["event"].as_object_mut().unwrap().remove("job_id");
    let (code, r) = verdict_of("no-job-id.json", &job, &[]);
    assert_eq!(
        (code, finding(&r, "errors", "/event/job_id").unwrap()["code"].as_str()),
        (1, Some("missing-field"))
    );
}

#[test]
fn the_project_file_silences_and_promotes_codes_per_path() {
    let dir = root().join("target/test-scratch/findings-project");
    std::fs::create_dir_all(dir.join("strict")).unwrap();
    std::fs::copy(root().join("samples/daily/recording.ready-to-download.json"), dir.join("rec.json"))
        .unwrap();
    std::fs::copy(root().join("samples/daily/recording.ready-to-download.json"), dir.join("strict/rec.json"))
        .unwrap();
    std::fs::write(
        dir.join("hookscope.toml"),
        "[[findings]]\ncode = \"undocumented-field\"\nlevel = \"off\"\npointers = [\"/payload/share_token\"]\n\n\
         [[findings]]\ncode = \"undocumented-field\"\nlevel = \"error\"\npaths = [\"strict/**\"]\n",
    )
    .unwrap();
    let out = cmd()
        .current_dir(&dir)
        .args(["validate", "--format", "json", "rec.json", "strict/rec.json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = results(&report);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(r[0]["status"], "valid");
    assert!(finding(&r[0], "warnings", "/payload/share_token").is_none(), "silenced: {}", r[0]);
    assert_eq!(r[1]["status"], "invalid");
    assert_eq!(finding(&r[1], "errors", "/payload/share_token").unwrap()["code"], "undocumented-field");
    assert_eq!(
        report["summary"]["warnings"],
        r[0]["warnings"].as_array().unwrap().len() + r[1]["warnings"].as_array().unwrap().len()
    );

    std::fs::write(
        dir.join("hookscope.toml"),
        "[[findings]]\ncode = \"undocumented-feild\"\nlevel = \"off\"\n",
    )
    .unwrap();
    let out = cmd().current_dir(&dir).args(["validate", "rec.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown finding code") && err.contains("undocumented-field"), "{err}");
}

#[test]
fn every_format_shows_the_code() {
    let file = "tests/fixtures/daily/tampered/meeting.started.room-object.json";
    let (_, report) = validate_json(&[file]);
    assert_eq!(results(&report)[0]["errors"][0]["code"], "wrong-type");
    for (format, needle) in [
        ("human", "error[wrong-type]"),
        ("github", "title=wrong-type"),
        ("sarif", "\"ruleId\":\"wrong-type\""),
    ] {
        let out = cmd().args(["validate", "--format", format, file]).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap().replace(": ", ":");
        assert!(text.contains(needle), "{format}: {text}");
    }
    let out = cmd().args(["validate", "--brief", file]).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("[wrong-type]"));
}

#[test]
fn corpus_sources_name_a_commit_or_the_index() {
    let sources = std::fs::read_to_string(Path::new(&root()).join("tests/corpus/real/SOURCES.md")).unwrap();
    for row in
        sources.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| file") && !l.starts_with("|---"))
    {
        let has_commit = row
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| word.len() == 40 && word.chars().all(|c| c.is_ascii_hexdigit()));
        assert!(has_commit || row.contains("search index"), "no provenance: {row}");
    }
}

/// Real raw-tracks deliveries spell the track key `s3Key` (reflector's production receiver reads
/// it so); the OpenAPI description says `s3key`. Both are documented, neither is a warning.
#[test]
fn raw_track_keys_are_accepted_as_real_deliveries_spell_them() {
    let mut event = sample("samples/daily/recording.ready-to-download.json");
    event["payload"]["type"] = json!("raw-tracks");
    event["payload"]["tracks"] = json!([
        {"type": "audio", "s3Key": "domain/room/1760988935484-cam-audio", "size": 831_843},
        {"type": "video", "s3key": "domain/room/1760988935484-cam-video", "size": 30_000_000}
    ]);
    let (code, r) = verdict_of("raw-tracks.json", &event, &[]);
    assert_eq!(code, 0, "{r}");
    assert!(
        r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| !w["pointer"].as_str().unwrap().starts_with("/payload/tracks")),
        "{r}"
    );
}

/// The shape of Tagshelf's own SDK mocks (alfred-node `tests/mock-utils.ts`: the family as the
/// real-time channel name, the socket spelling of the event name, no inner `event_type`): valid,
/// with each difference named by its own warning.
#[test]
fn alfred_sdk_shaped_events_are_valid_with_their_differences_named() {
    let event = json!({
        "event_id": "k3j5x9q2",
        "event_type": "job_event",
        "event_time": 1_713_157_080.123,
        "event": {
            "event_name": "alfred_event_job_start",
            "company_id": "3b241101-e2bb-4255-8caf-4136c566a962",
            "company_name": "TAGSHELF",
            "job_id": "9f1c7a52-6c0e-4d8b-9a4f-2e5b8c7d1a03",
            "creation_date": "2024-04-15T04:58:00.123Z",
            "update_date": "2024-04-15T04:58:00.123Z"
        }
    });
    let (code, r) = verdict_of("alfred-sdk-mock.json", &event, &[]);
    assert_eq!(
        (code, r["status"].as_str(), r["event_type"].as_str()),
        (0, Some("valid"), Some("job_start_event")),
        "{r}"
    );
    let codes: BTreeSet<String> = codes(&r, "warnings");
    for expected in ["documented-drift", "missing-expected-field", "type-alias"] {
        assert!(codes.contains(expected), "{expected} in {r}");
    }
}

// Issue 27: tolerate exactly the evidence, choose the API version by fit.

fn code_at(result: &Value, list: &str, pointer: &str) -> Option<String> {
    finding(result, list, pointer).map(|f| f["code"].as_str().unwrap().to_owned())
}

#[test]
fn numeric_strings_are_drift_only_where_the_evidence_sends_them() {
    // Where no documented example or corpus payload sends the string, it is another type.
    let mut left = sample("samples/daily/participant.left.json");
    left["payload"]["duration"] = json!("11.4");
    let (code, r) = verdict_of("left-duration-string.json", &left, &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("invalid")), "{r}");
    assert_eq!(code_at(&r, "errors", "/payload/duration").as_deref(), Some("wrong-type"), "{r}");
    let mut run = sample("samples/extend/2026-02-09/extract_run.processed.json");
    run["payload"]["usage"] = json!({"credits": "3"});
    let (code, r) = verdict_of("usage-credits-string.json", &run, &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("invalid")), "{r}");
    assert_eq!(code_at(&r, "errors", "/payload/usage/credits").as_deref(), Some("wrong-type"), "{r}");
    let mut streaming = sample("samples/daily/streaming.started.json");
    streaming["payload"]["timestamp"] = json!("1692124183");
    let (code, r) = verdict_of("streaming-timestamp-string.json", &streaming, &[]);
    assert_eq!(
        (code, code_at(&r, "errors", "/payload/timestamp").as_deref()),
        (1, Some("wrong-type")),
        "{r}"
    );
    // Where the docs' examples send it so, it is the numeric-string warning.
    let (code, r) =
        verdict_of("dialout-timestamp.json", &sample("samples/daily/dialout.connected.json"), &[]);
    assert_eq!((code, r["status"].as_str()), (0, Some("valid")), "{r}");
    assert_eq!(code_at(&r, "warnings", "/payload/timestamp").as_deref(), Some("numeric-string"));
    let (code, r) = verdict_of("alfred-event-time.json", &sample("samples/alfred/file_done_event.json"), &[]);
    assert_eq!((code, code_at(&r, "warnings", "/event_time").as_deref()), (0, Some("numeric-string")), "{r}");
}

#[test]
fn x_warn_tolerates_the_named_values_only() {
    let mut event = sample("samples/alfred/file_done_event.json");
    event["event_type"] = json!("job_event_type");
    event["event"]["event_type"] = json!("job_event_type");
    let (code, r) = verdict_of("file-under-job-family.json", &event, &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("invalid")), "{r}");
    assert_eq!(code_at(&r, "errors", "/event_type").as_deref(), Some("wrong-value"), "{r}");
    assert_eq!(code_at(&r, "errors", "/event/event_type").as_deref(), Some("wrong-value"), "{r}");
    // The SDKs' spelling of the family is the tolerated value.
    event["event_type"] = json!("file_event");
    event["event"]["event_type"] = json!("file_event");
    let (code, r) = verdict_of("file-event-family.json", &event, &[]);
    assert_eq!((code, r["status"].as_str()), (0, Some("valid")), "{r}");
    let w = finding(&r, "warnings", "/event_type").unwrap();
    assert_eq!(w["code"], "documented-drift");
    assert!(w["message"].as_str().unwrap().contains("the SDKs' real-time channel says file_event"), "{w}");
    // A stage other than the docs' own 'processing' is outside the documented list: an error.
    let mut stage = sample("samples/alfred/job_stage_update_event.json");
    assert_eq!(
        code_at(&verdict_of("stage.json", &stage, &[]).1, "warnings", "/event/stage").as_deref(),
        Some("open-enum")
    );
    stage["event"]["stage"] = json!("exploded");
    let (code, r) = verdict_of("stage-foreign.json", &stage, &[]);
    assert_eq!((code, code_at(&r, "errors", "/event/stage").as_deref()), (1, Some("closed-enum")), "{r}");
}

#[test]
fn extend_fields_the_sdk_types_declare_are_required() {
    let run = sample("samples/extend/2026-02-09/extract_run.processed.json");
    for field in ["output", "config", "file", "extractor", "dashboardUrl"] {
        let mut event = run.clone();
        event["payload"].as_object_mut().unwrap().remove(field);
        let (code, r) = verdict_of("extract-run-without.json", &event, &[]);
        assert_eq!(code, 1, "{field}: {r}");
        assert_eq!(
            code_at(&r, "errors", &format!("/payload/{field}")).as_deref(),
            Some("missing-field"),
            "{r}"
        );
    }
    // "Not returned for runs created before October 7, 2025": a warning.
    let mut event = run.clone();
    event["payload"].as_object_mut().unwrap().remove("usage");
    let (code, r) = verdict_of("extract-run-without-usage.json", &event, &[]);
    assert_eq!(
        (code, code_at(&r, "warnings", "/payload/usage").as_deref()),
        (0, Some("missing-expected-field")),
        "{r}"
    );
    // Nullable is not optional: null is accepted where the type says `| null`.
    let mut event = run;
    event["payload"]["file"] = Value::Null;
    assert_eq!(verdict_of("extract-run-null-file.json", &event, &[]).0, 0);
    let workflow_run = sample("samples/extend/2026-02-09/workflow_run.completed.json");
    for field in ["workflow", "files", "metadata"] {
        let mut event = workflow_run.clone();
        event["payload"].as_object_mut().unwrap().remove(field);
        let (code, r) = verdict_of("workflow-run-without.json", &event, &[]);
        assert_eq!(code, 1, "{field}: {r}");
        assert_eq!(
            code_at(&r, "errors", &format!("/payload/{field}")).as_deref(),
            Some("missing-field"),
            "{r}"
        );
    }
    // The Java SDK's three-field mock is no delivery: invalid, and named known-broken.
    let (code, report) =
        validate_json(&["tests/corpus/real/extend/extract_run.processed.java-sdk-test.json"]);
    assert_eq!((code, results(&report)[0]["status"].as_str()), (1, Some("invalid")));
}

#[test]
fn a_generic_envelope_is_not_daily() {
    let event = json!({"version": "2.0", "type": "app.deploy", "id": "x", "payload": {}});
    let (code, r) = verdict_of("generic-envelope.json", &event, &[]);
    assert_eq!((code, r["provider"].as_str(), r["status"].as_str()), (1, None, Some("unknown")), "{r}");
    let path = scratch("generic-envelope.json", event.to_string().as_bytes());
    let (code, report) = validate_json(&["--skip-foreign", path_str(&path)]);
    assert_eq!((code, report["summary"]["foreign"].as_u64()), (0, Some(1)), "{report}");
    // Daily's own evidence still claims it: its timestamp field, or a type it documents.
    let with_ts = json!({"version": "1.0.0", "type": "app.deploy", "id": "x", "payload": {}, "event_ts": 1});
    let (_, r) = verdict_of("daily-undocumented.json", &with_ts, &[]);
    assert_eq!((r["provider"].as_str(), r["status"].as_str()), (Some("daily"), Some("unknown")), "{r}");
    let mut documented = sample("samples/daily/meeting.started.json");
    documented.as_object_mut().unwrap().remove("event_ts");
    let (_, r) = verdict_of("daily-no-ts.json", &documented, &[]);
    assert_eq!(r["provider"], "daily", "{r}");
}

#[test]
fn the_api_version_is_the_one_the_fields_fit() {
    let mut event = sample("samples/extend/2026-02-09/workflow.created.json");
    event["payload"]["createdAt"] = json!({"at": "2024-03-21T16:45:00Z"});
    let (code, r) = verdict_of("workflow-created-object.json", &event, &[]);
    assert_eq!((code, r["status"].as_str()), (1, Some("invalid")), "{r}");
    assert_eq!(r["api_version"], "2026-02-09", "draftVersion proves the version: {r}");
    assert_eq!(code_at(&r, "errors", "/payload/createdAt").as_deref(), Some("wrong-type"), "{r}");
    // Equal fit keeps today's answer: no version, the candidates listed.
    let (code, report) =
        validate_json(&["tests/corpus/real/extend/workflow_run.completed.java-sdk-test.json"]);
    let r = &results(&report)[0];
    assert_eq!((code, r["api_version"].is_null()), (0, true), "{r}");
    assert_eq!(r["api_version_candidates"], json!(["2024-12-23", "2025-04-21"]), "{r}");
}

#[test]
fn missing_fields_of_one_object_are_one_finding_for_people_only() {
    let mock = "tests/corpus/real/extend/extract_run.processed.java-sdk-test.json";
    let out = cmd().args(["--no-config", "validate", "--brief", mock]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let errors: Vec<&str> = text.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 1, "{text}");
    assert!(errors[0].contains("missing 17 required fields: output, initialOutput,"), "{text}");
    assert!(errors[0].ends_with("at /payload [missing-field]"), "{text}");
    let out = cmd().args(["--no-config", "validate", mock]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("error[missing-field]").count(), 1, "{text}");
    // Machine formats, counts and the project file stay per field.
    let (_, report) = validate_json(&["--no-config", mock]);
    let r = &results(&report)[0];
    assert_eq!(r["errors"].as_array().unwrap().iter().filter(|e| e["code"] == "missing-field").count(), 17);
    let dir = crate::scratch_dir("group-silence");
    std::fs::write(
        dir.join("hookscope.toml"),
        "[[findings]]\ncode = \"missing-field\"\nlevel = \"off\"\npointers = [\"/payload/output\"]\n",
    )
    .unwrap();
    let config = dir.join("hookscope.toml");
    let (_, report) = validate_json(&["--config", path_str(&config), mock]);
    let r = &results(&report)[0];
    assert_eq!(r["errors"].as_array().unwrap().len(), 16, "{r}");
    assert!(finding(r, "errors", "/payload/output").is_none());
}

/// The pointers of every number and boolean in a value.
fn scalars(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Number(_) | Value::Bool(_) => out.push(at.to_owned()),
        Value::Object(map) => {
            for (k, v) in map {
                scalars(v, &format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                scalars(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// `numeric-string` is declared only where the evidence is: every number and boolean of every
/// sample, sent as a string one at a time, is the `numeric-string` warning exactly at the places
/// (event type and pointer, array positions folded) where a sample, documented example or corpus
/// delivery sends a string; anywhere else it is not tolerated.
#[test]
fn numeric_strings_are_tolerated_exactly_where_the_evidence_is() {
    let fold = |p: &str| {
        p.split('/')
            .map(|s| if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) { "*" } else { s })
            .collect::<Vec<_>>()
            .join("/")
    };
    let place =
        |r: &Value, pointer: &str| format!("{} {}", r["event_type"].as_str().unwrap_or("-"), fold(pointer));
    let (_, report) = validate_json(&["samples", "tests/corpus/real"]);
    let evidence: BTreeSet<String> = results(&report)
        .iter()
        .flat_map(|r| {
            r["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|w| w["code"] == "numeric-string")
                .map(|w| place(r, w["pointer"].as_str().unwrap()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(evidence.contains("job_finished_event /event_time"), "{evidence:?}");

    let mut lines = Vec::new();
    let mut changed = Vec::new();
    for entry in walkdir::WalkDir::new(root().join("samples")).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "json") {
            continue;
        }
        let event: Value = serde_json::from_str(&std::fs::read_to_string(entry.path()).unwrap()).unwrap();
        let mut pointers = Vec::new();
        scalars(&event, "", &mut pointers);
        for pointer in pointers {
            let mut mutated = event.clone();
            let target = mutated.pointer_mut(&pointer).unwrap();
            let spelt = target.to_string();
            *target = Value::String(spelt);
            lines.push(serde_json::to_string(&mutated).unwrap());
            changed.push(pointer);
        }
    }
    let input = scratch("numeric-strings.ndjson", (lines.join("\n") + "\n").as_bytes());
    let out = cmd().args(["validate", "--format", "ndjson", path_str(&input)]).output().unwrap();
    let results: Vec<Value> = out
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(results.len(), changed.len());
    let mut wrong = Vec::new();
    for (r, pointer) in results.iter().zip(&changed) {
        let warned = finding(r, "warnings", pointer).is_some_and(|w| w["code"] == "numeric-string");
        let backed = evidence.contains(&place(r, pointer));
        if warned != backed {
            wrong.push(format!("{} {pointer}: warned {warned}, evidence {backed}", r["event_type"]));
        }
    }
    // The tolerated places already hold strings in the samples (see the test above for them).
    assert!(changed.len() > 200, "{} numbers and booleans", changed.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
