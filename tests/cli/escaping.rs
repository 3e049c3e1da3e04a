//! Text from a payload never reaches a terminal raw: every human format escapes control
//! characters, and a key with a newline keeps one finding on one line.

use crate::{cmd, scratch};

/// A Daily event whose values and keys carry terminal escapes (JSON-escaped ones, and raw DEL
/// and C1 characters, which JSON allows unescaped), and a key with a newline in it.
const HOSTILE: &str = "{\"version\":\"1.0.0\",\"type\":\"meeting.started\",\
    \"id\":\"x\\u001b]0;pwned\\u0007\",\"payload\":{\"start_ts\":1708526032.672,\
    \"meeting_id\":\"f2aa1ade-ff80-464c-b46e-50ffa577d48d\",\"room\":\"r\\u001b[2J\u{9b}31m\u{7f}\",\
    \"weird\\nfield\":1,\"esc\\u001b[2J\":2},\"event_ts\":1708526033.049}\n";

/// Same envelope, an unknown event type that carries the escapes.
const HOSTILE_TYPE: &str = "{\"version\":\"1.0.0\",\"type\":\"meeting.x\\u001b[2J\\r\",\"id\":\"i\",\
    \"payload\":{},\"event_ts\":1708526033.049}\n";

fn assert_no_raw_controls(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(bad.is_empty(), "{what}: raw control characters {bad:?} in:\n{text}");
}

#[test]
fn no_human_format_writes_a_raw_control_character() {
    let event = scratch("hostile.json", HOSTILE.as_bytes());
    let unknown = scratch("hostile-type.json", HOSTILE_TYPE.as_bytes());
    let (event, unknown) = (event.to_str().unwrap(), unknown.to_str().unwrap());
    let runs: Vec<Vec<&str>> = vec![
        vec!["inspect", event, unknown],
        vec!["detect", event, unknown],
        vec!["stats", event, unknown],
        vec!["validate", event, unknown],
        vec!["validate", "--brief", event, unknown],
        vec!["validate", "--format", "github", event, unknown],
        vec!["diff", event, unknown],
        vec!["inspect", "--body-only", event],
    ];
    for args in runs {
        let out = cmd().args(&args).output().unwrap();
        assert_no_raw_controls(&format!("{args:?} stdout"), &out.stdout);
        assert_no_raw_controls(&format!("{args:?} stderr"), &out.stderr);
    }
    let out = cmd()
        .args(["verify", "--secret-env", "S", "-H", "X-Webhook-Signature: \u{1b}[2J", event])
        .env("S", "c2VjcmV0")
        .output()
        .unwrap();
    assert_no_raw_controls("verify", &out.stdout);
}

#[test]
fn a_key_with_a_newline_keeps_its_finding_on_one_line() {
    let event = scratch("hostile-key.json", HOSTILE.as_bytes());
    let out = cmd().args(["validate", "--brief", event.to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let weird: Vec<&str> = text.lines().filter(|l| l.contains("weird")).collect();
    assert_eq!(weird.len(), 1, "{text}");
    assert!(weird[0].contains("/payload/weird\\nfield"), "{text}");
    assert!(weird[0].ends_with(']'), "the finding is whole on its line: {text}");
    let out = cmd().args(["validate", "--format", "github", event.to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.starts_with("::")), "one workflow command per line: {text}");
    assert!(text.contains("weird%0Afield"), "{text}");
}
