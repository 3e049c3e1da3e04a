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

#[test]
fn filter_writes_records_back_byte_for_byte() {
    let crlf = b"{\"version\":\"1.0.0\",\"type\":\"meeting.started\"}\r\n{\"a\":1}\r\n";
    let path = crate::scratch("filter-crlf.ndjson", crlf);
    let out = cmd().args(["filter"]).arg(&path).output().unwrap();
    assert_eq!(out.stdout, crlf);
    // Empty standard input: nothing to write, and the report says so.
    let report = crate::root().join("target").join("test-scratch").join("filter-empty-report.ndjson");
    let out = cmd().args(["filter", "--report"]).arg(&report).arg("-").write_stdin("").output().unwrap();
    assert_eq!(out.stdout, b"");
    let text = std::fs::read_to_string(&report).unwrap();
    let summary: serde_json::Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(summary["summary"]["written"], 0, "{text}");
    // A pretty file is written back as it is, final newline and all.
    let sample = std::fs::read(crate::root().join("samples/daily/meeting.started.json")).unwrap();
    let out = cmd().args(["filter", "samples/daily/meeting.started.json"]).output().unwrap();
    assert_eq!(out.stdout, sample);
}

#[test]
fn compact_body_only_ends_each_event_with_a_newline() {
    let out = cmd()
        .args(["inspect", "--compact", "--body-only", "samples/daily/meeting.started.json"])
        .args(["samples/daily/meeting.ended.json"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(text.ends_with("}\n"), "{text}");
    for line in lines {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
}
