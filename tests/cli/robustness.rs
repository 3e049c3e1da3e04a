//! Hostile and broken input: every record is accounted for, nothing panics, and each bad input
//! gets its message and exit code.

use std::io::Write;

use serde_json::Value;

use crate::{cmd, path_str, results, root, scratch};

/// Runs `validate --format json` on stdin and checks the run did not crash.
fn run_stdin(input: &[u8], extra: &[&str]) -> (i32, Value, String) {
    let out = cmd().args(["validate", "--format", "json"]).args(extra).write_stdin(input).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"), "{stderr}");
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), report, stderr)
}

fn first_error(report: &Value) -> String {
    results(report)[0]["errors"][0]["message"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn the_bad_input_suite() {
    let meeting = std::fs::read_to_string(root().join("samples/daily/meeting.started.json")).unwrap();
    let compact = serde_json::to_string(&serde_json::from_str::<Value>(&meeting).unwrap()).unwrap();
    let deep = format!("{{\"a\": {}1{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let cases: Vec<(&str, Vec<u8>, i32, &str, &str)> = vec![
        ("truncated", compact.as_bytes()[..40].to_vec(), 1, "unparsable", "truncated JSON"),
        ("BOM", format!("\u{feff}{compact}").into_bytes(), 0, "valid", ""),
        ("invalid UTF-8", b"{\"a\": \"\xff\"}".to_vec(), 1, "unparsable", "invalid UTF-8: byte 0xff"),
        // A NUL byte in the first block makes input binary, as ripgrep decides.
        ("NUL bytes", b"{\"a\": 1}\x00\x00".to_vec(), 1, "unparsable", "binary file"),
        ("CRLF", format!("{compact}\r\n{compact}\r\n").into_bytes(), 0, "valid", ""),
        ("lone surrogate", br#"{"type": "\ud800"}"#.to_vec(), 1, "unparsable", "surrogate"),
        ("deep nesting", deep.into_bytes(), 1, "unparsable", "nested deeper than 128 levels"),
        ("duplicate keys", compact.replacen("\"room\"", "\"room\":\"x\",\"room\"", 1).into_bytes(), 0, "valid", ""),
        ("empty", Vec::new(), 1, "unparsable", "empty input"),
        ("huge number", br#"{"version":"1.0.0","type":"meeting.started","id":"x","payload":{"meeting_id":"m","room":"r","start_ts":1e999999},"event_ts":123456789012345678901234567890}"#.to_vec(), 0, "valid", ""),
    ];
    for (name, input, code, status, needle) in cases {
        let (got_code, report, _) = run_stdin(&input, &[]);
        assert_eq!(got_code, code, "{name}: {report}");
        assert_eq!(results(&report)[0]["status"], status, "{name}: {report}");
        assert!(first_error(&report).contains(needle), "{name}: {}", first_error(&report));
        let summary = &report["summary"];
        let sum: u64 =
            ["valid", "invalid", "unknown", "unparsable"].iter().map(|k| summary[k].as_u64().unwrap()).sum();
        assert_eq!(sum, summary["events"].as_u64().unwrap(), "{name}");
    }
}

#[test]
fn numbers_beyond_64_bits_are_quoted_as_sent() {
    let input = br#"{"version":"1.0.0","type":"meeting.started","id":"x","payload":{"meeting_id":"m","room":111111111111111111111111111111111},"event_ts":1}"#;
    let (code, report, _) = run_stdin(input, &[]);
    assert_eq!(code, 1);
    assert_eq!(first_error(&report), "expected a string, found the number 111111111111111111111111111111111");
}

#[test]
fn a_100_mb_line_is_reported_and_the_stream_goes_on() {
    let meeting = r#"{"version":"1.0.0","type":"meeting.started","id":"x","payload":{"meeting_id":"m","room":"r","start_ts":1},"event_ts":1}"#;
    let mut input = Vec::with_capacity(101 << 20);
    input.extend_from_slice(meeting.as_bytes());
    input.extend_from_slice(b"\n{\"blob\": \"");
    input.resize(input.len() + (100 << 20), b'a');
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(meeting.as_bytes());
    input.push(b'\n');
    let path = scratch("huge-line.ndjson", &input);
    drop(input);
    let out = cmd().args(["validate", "--format", "json", path_str(&path)]).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let statuses: Vec<&str> = results(&report).iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["valid", "unparsable", "valid"]);
    assert_eq!(
        results(&report)[1]["errors"][0]["message"],
        "event of 100 MiB exceeds the 64 MiB limit (--max-event-bytes)"
    );
}

#[test]
fn hostile_file_system() {
    let dir = root().join("target/test-scratch/hostile");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("tree/sub")).unwrap();
    std::fs::write(
        dir.join("tree/sub/ok.json"),
        r#"{"version":"1.0.0","type":"meeting.started","id":"x","payload":{"meeting_id":"m","room":"r","start_ts":1},"event_ts":1}"#,
    )
    .unwrap();
    std::fs::write(dir.join("tree/empty.json"), "").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("tree"), dir.join("tree/sub/loop")).unwrap();
    let out = cmd()
        .args([
            "validate",
            "--format",
            "json",
            path_str(&dir.join("tree")),
            path_str(&dir.join("missing.json")),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "unreadable paths win");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("missing.json: no such file or directory"), "{stderr}");
    #[cfg(unix)]
    assert!(stderr.contains("symbolic link loop"), "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["valid"], 1);
    assert_eq!(report["summary"]["unparsable"], 1, "the empty file is reported");
}

#[cfg(unix)]
#[test]
fn fifos_and_dev_stdin_are_read() {
    let dir = root().join("target/test-scratch/fifo");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("events.ndjson");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new().write(true).open(writer_path).unwrap();
        f.write_all(br#"{"version":"1.0.0","type":"meeting.started","id":"x","payload":{"meeting_id":"m","room":"r","start_ts":1},"event_ts":1}"#)
            .unwrap();
        f.write_all(b"\n").unwrap();
    });
    let out = cmd().args(["validate", "--format", "json", path_str(&fifo)]).output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = cmd()
        .args(["validate", "--format", "json", "/dev/stdin"])
        .write_stdin("{\"a\": 1}")
        .output()
        .unwrap();
    let (code, report) = (out.status.code().unwrap(), serde_json::from_slice::<Value>(&out.stdout).unwrap());
    assert_eq!((code, results(&report)[0]["status"].as_str()), (1, Some("unknown")));
}

#[test]
fn a_directory_given_where_a_file_is_expected() {
    let out = cmd().args(["diff", "samples", "samples/daily/meeting.started.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("samples"));
}

/// A small deterministic generator, so the property test needs no extra crate and fails the same
/// way every time.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from((self.0 >> 33) % below as u64).unwrap()
    }
}

#[test]
fn counts_always_add_up_to_the_records_read() {
    let valid = r#"{"version":"1.0.0","type":"meeting.started","id":"x","payload":{"meeting_id":"m","room":"r","start_ts":1},"event_ts":1}"#;
    let invalid = r#"{"version":"1.0.0","type":"meeting.started","id":"x","payload":{"meeting_id":"m","room":{}},"event_ts":1}"#;
    let unknown = r#"{"hello": "world"}"#;
    // No NUL byte: one would make the whole stream binary (tested in pipes.rs).
    let garbage: [&[u8]; 5] = [b"not json", b"{\"a\": [1, 2", b"\xff\xfe\x01", b"}", b"{\"a\": 1} trailing"];
    let mut rng = Lcg(0x5eed);
    for round in 0..40 {
        let (mut expected, mut input) = ([0usize; 4], Vec::new());
        for _ in 0..rng.next(30) {
            let (line, slot): (&[u8], usize) = match rng.next(4) {
                0 => (valid.as_bytes(), 0),
                1 => (invalid.as_bytes(), 1),
                2 => (unknown.as_bytes(), 2),
                _ => (garbage[rng.next(garbage.len())], 3),
            };
            // `{"a": 1} trailing` is one record, framed as two: an unknown object and garbage.
            if line == b"{\"a\": 1} trailing" {
                expected[2] += 1;
            }
            expected[slot] += 1;
            input.extend_from_slice(line);
            input.push(b'\n');
        }
        if input.is_empty() {
            continue;
        }
        let (_, report, _) = run_stdin(&input, &["--input", "ndjson"]);
        let s = &report["summary"];
        let got = [&s["valid"], &s["invalid"], &s["unknown"], &s["unparsable"]]
            .map(|v| usize::try_from(v.as_u64().unwrap()).unwrap());
        assert_eq!(got, expected, "round {round}: {}", String::from_utf8_lossy(&input));
        assert_eq!(usize::try_from(s["events"].as_u64().unwrap()).unwrap(), expected.iter().sum::<usize>());
    }
}
