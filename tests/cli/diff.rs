//! `hookscope diff`: semantic comparison, volatile fields, ignore rules, JSON and patch output.

use serde_json::{Value, json};

use crate::{cmd, path_str, scratch};

const MEETING: &str = "samples/daily/meeting.started.json";

fn diff(args: &[&str]) -> (i32, String) {
    let out = cmd().arg("diff").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

fn variant(name: &str, change: impl FnOnce(&mut Value)) -> std::path::PathBuf {
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(crate::root().join(MEETING)).unwrap()).unwrap();
    change(&mut v);
    scratch(name, serde_json::to_string(&v).unwrap().as_bytes())
}

#[test]
fn reordered_keys_and_whitespace_are_no_difference() {
    let text = std::fs::read_to_string(crate::root().join(MEETING)).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let obj = v.as_object().unwrap();
    // Reverse the key order and write compact.
    let reversed: String = format!(
        "{{{}}}",
        obj.iter().rev().map(|(k, v)| format!("{}:{v}", json!(k))).collect::<Vec<_>>().join(",")
    );
    let path = scratch("reordered.json", reversed.as_bytes());
    let (code, text) = diff(&[MEETING, path_str(&path)]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("no differences"));
    // Numbers compare by value.
    let path = scratch("float.json", reversed.replace("1708526033.049", "1708526033.0490").as_bytes());
    assert_eq!(diff(&[MEETING, path_str(&path)]).0, 0);
}

#[test]
fn one_changed_value_is_one_change_at_its_pointer() {
    let path = variant("room.json", |v| v["payload"]["room"] = json!("other-room"));
    let (code, text) = diff(&["--format", "json", MEETING, path_str(&path)]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        report["changes"],
        json!([{"op": "changed", "pointer": "/payload/room", "left": "TrPmUX1DzjSwDaAFDfNj", "right": "other-room"}])
    );
    assert_eq!(report["left"]["provider"], "daily");
    assert_eq!(report["right"]["event_type"], "meeting.started");
}

#[test]
fn volatile_fields_differ_only_with_include_volatile() {
    let path = variant("redelivery.json", |v| {
        v["id"] = json!("met-sta-other-1708526999");
        v["event_ts"] = json!(1_708_526_999.5);
    });
    let (code, text) = diff(&[MEETING, path_str(&path)]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("2 volatile fields differ, ignored"), "{text}");
    let (code, text) = diff(&["--include-volatile", MEETING, path_str(&path)]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("/event_ts") && text.contains("/id"));
}

#[test]
fn ignore_patterns_suppress_exactly_the_matching_paths() {
    let path = variant("several.json", |v| {
        v["payload"]["room"] = json!("r2");
        v["payload"]["meeting_id"] = json!("m2");
        v["payload"]["extra"] = json!({"createdAt": "x", "keep": 1});
    });
    let changes = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        all.extend_from_slice(&[MEETING, path_str(&path)]);
        let (_, text) = diff(&all);
        let report: Value = serde_json::from_str(&text).unwrap();
        report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["pointer"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(changes(&[]), ["/payload/extra", "/payload/meeting_id", "/payload/room"]);
    assert_eq!(changes(&["--ignore", "/payload/room"]), ["/payload/extra", "/payload/meeting_id"]);
    assert_eq!(changes(&["--ignore", "/*/room", "--ignore", "/**/meeting_id"]), ["/payload/extra"]);
    assert_eq!(changes(&["--only", "/payload/room"]), ["/payload/room"]);
}

#[test]
fn the_patch_turns_a_into_b() {
    let a = json!({"items": [{"id": 1, "v": "a"}, {"id": 2, "v": "b"}], "list": [1, 2, 3], "keep": true, "gone": 1});
    let b = json!({"items": [{"id": 0, "v": "new"}, {"id": 1, "v": "a2"}], "list": [1, 3, 4, 5], "keep": true, "added": {"x": [1]}});
    let pa = scratch("patch-a.json", a.to_string().as_bytes());
    let pb = scratch("patch-b.json", b.to_string().as_bytes());
    let (code, text) = diff(&["--format", "patch", path_str(&pa), path_str(&pb)]);
    assert_eq!(code, 1);
    let patch: json_patch::Patch = serde_json::from_str(&text).unwrap();
    let mut doc = a.clone();
    json_patch::patch(&mut doc, &patch).unwrap();
    assert_eq!(doc, b);
}

#[test]
fn an_element_inserted_at_the_front_of_an_id_array_is_one_addition() {
    let a = json!({"tracks": [{"id": "t1", "type": "audio"}, {"id": "t2", "type": "video"}]});
    let b = json!({"tracks": [{"id": "t0", "type": "audio"}, {"id": "t1", "type": "audio"}, {"id": "t2", "type": "video"}]});
    let pa = scratch("front-a.json", a.to_string().as_bytes());
    let pb = scratch("front-b.json", b.to_string().as_bytes());
    let (code, text) = diff(&["--format", "json", path_str(&pa), path_str(&pb)]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        report["changes"],
        json!([{"op": "added", "pointer": "/tracks/0", "right": {"id": "t0", "type": "audio"}}])
    );
}

#[test]
fn picks_the_nth_event_of_a_file_and_says_when_types_differ() {
    let (code, text) =
        diff(&["tests/fixtures/input/export-array.json:1", "tests/fixtures/input/export-array.json:2"]);
    assert_eq!(code, 1);
    assert!(text.contains("meeting.started") && text.contains("recording.started"), "{text}");
    let (code, text) = diff(&["--stat", "tests/fixtures/input/export-array.json:1", MEETING]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(text.lines().count(), 1);
    assert_eq!(diff(&["tests/fixtures/input/export-array.json:9", MEETING]).0, 2);
    assert_eq!(diff(&["missing.json", MEETING]).0, 2);
}

#[test]
fn shape_mode_compares_types_not_values() {
    let path = variant("values.json", |v| v["payload"]["room"] = json!("another"));
    assert_eq!(diff(&["--shape", MEETING, path_str(&path)]).0, 0);
    let path = variant("types.json", |v| v["payload"]["room"] = json!(42));
    let (code, text) = diff(&["--shape", MEETING, path_str(&path)]);
    assert_eq!(code, 1);
    assert!(text.contains("/payload/room"), "{text}");
}
