//! What a new user trips over (issue 19): mistyped subcommands, byte-exact filtering, sign and
//! verify agreeing, limits and conflicting flags, each with the behaviour users expect.

use crate::cmd;

#[test]
fn a_mistyped_subcommand_is_a_usage_error_with_a_suggestion() {
    let out = cmd().args(["validat", "samples"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("did you mean `validate`?"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing was inspected");
    // A path is still inspected, existing or not.
    cmd().args(["samples/daily/meeting.started.json"]).assert().code(0);
    cmd().args(["no-such-file.json"]).assert().code(2).stderr(predicates::str::contains("no such file"));
}

/// `(line, column)` of each result of `detect --format ndjson` over `path`.
fn positions(path: &std::path::Path) -> Vec<(u64, u64)> {
    let out = cmd().args(["detect", "--format", "ndjson"]).arg(path).output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["line"].as_u64().unwrap(), v["column"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn a_large_array_export_is_split_with_each_element_in_place() {
    let event = r#"{"version":"1.0.0","type":"meeting.started","id":"é","payload":{"start_ts":1,"meeting_id":"m","room":"r"},"event_ts":1}"#;
    let n = 4000;
    // One line: each element starts one comma after the last; `é` is one column, two bytes.
    let one_line = format!("[{}]\n", vec![event; n].join(","));
    let got = positions(&crate::scratch("array-one-line.json", one_line.as_bytes()));
    let width = event.chars().count() as u64 + 1;
    let expected: Vec<(u64, u64)> = (0..n as u64).map(|i| (1, 2 + i * width)).collect();
    assert_eq!(got, expected);
    // Pretty: one element per line, indented.
    let pretty = format!("[\n  {}\n]\n", vec![event; n].join(",\n  "));
    let got = positions(&crate::scratch("array-pretty.json", pretty.as_bytes()));
    let expected: Vec<(u64, u64)> = (0..n as u64).map(|i| (i + 2, 3)).collect();
    assert_eq!(got, expected);
}
