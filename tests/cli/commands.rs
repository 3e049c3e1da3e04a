//! The commands' contracts: exit codes, formats, colour, closed pipes, usage errors.

use std::io::Read;
use std::process::Stdio;

use serde_json::Value;

use crate::{cmd, results};

#[test]
fn exit_codes_zero_one_two() {
    cmd().args(["validate", "samples/daily/meeting.started.json"]).assert().code(0);
    cmd()
        .args(["validate", "tests/fixtures/daily/tampered/meeting.started.room-object.json"])
        .assert()
        .code(1);
    cmd().args(["validate", "--type", "no.such.type", "samples/daily/meeting.started.json"]).assert().code(2);
    cmd().args(["validate", "--provider", "nope", "samples"]).assert().code(2);
    cmd().args(["validate", "--bogus-flag"]).assert().code(2);
    // A finding and an error in one run: the error wins.
    cmd()
        .args(["validate", "tests/fixtures/daily/tampered/meeting.started.room-object.json", "missing.json"])
        .assert()
        .code(2);
}

#[test]
fn human_validate_output_shows_the_source_with_the_value_underlined() {
    let out = cmd()
        .args(["validate", "tests/fixtures/daily/tampered/meeting.started.room-object.json"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let expected = "error[wrong-type]: expected a string, found an object
  ╭▸ tests/fixtures/daily/tampered/meeting.started.room-object.json:8:13
  │
8 │     \"room\": {
  ╰╴            ━ at /payload/room

1 event: 0 valid, 1 invalid, 0 unknown, 0 unparsable; 0 warnings
";
    assert_eq!(text, expected);
}

#[test]
fn brief_validate_output_reads_like_a_linter() {
    let out = cmd()
        .args(["validate", "--brief", "tests/fixtures/daily/tampered/meeting.started.room-object.json"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "tests/fixtures/daily/tampered/meeting.started.room-object.json:8:13: error: expected a string, \
         found an object at /payload/room [wrong-type]\n1 event: 0 valid, 1 invalid, 0 unknown, 0 unparsable; 0 warnings\n"
    );
    assert!(!text.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn verbose_lists_every_event() {
    let out = cmd().args(["validate", "--verbose", "samples/daily"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("samples/daily/meeting.started.json:1:1: valid daily meeting.started 1.0.0"),
        "{text}"
    );
}

#[test]
fn ndjson_format_is_one_result_per_line_without_summary() {
    let out = cmd().args(["validate", "--format", "ndjson", "samples/daily"]).output().unwrap();
    let lines: Vec<Value> = out
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert!(lines.len() >= 33);
    assert!(lines.iter().all(|l| l.get("status").is_some() && l.get("summary").is_none()));
}

#[test]
fn detect_reports_without_findings() {
    let out = cmd()
        .args(["detect", "--format", "json", "samples/extend/2024-12-23/processor.created.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &results(&report)[0];
    assert_eq!(r["provider"], "extend");
    assert_eq!(r["event_type"], "processor.created");
    assert!(r.get("errors").is_none() && r.get("warnings").is_none());
    assert!(r["api_version_candidates"].is_array());
}

#[test]
fn inspect_shows_summary_findings_and_the_event() {
    let out = cmd().args(["inspect", "samples/daily/meeting.started.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "daily (Daily)",
        "meeting.started",
        "2024-02-21T14:33:53.049Z (1708526033.049)",
        "\"start_ts\": 1708526032.672",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    // The default subcommand is inspect.
    let default = cmd().arg("samples/daily/meeting.started.json").output().unwrap();
    assert_eq!(default.stdout, text.as_bytes());
}

#[test]
fn inspect_body_only_keeps_every_value_as_written() {
    let input = r#"{"big":12345678901234567891,"dec":1.50,"exp":1e3,"esc":"\u00e9\/\n","k":[]}"#;
    let out = cmd().args(["inspect", "--body-only", "--compact"]).write_stdin(input).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{input}\n"));
    let out = cmd().args(["inspect", "--body-only"]).write_stdin(input).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\"big\": 12345678901234567891,\n") && text.contains("\"esc\": \"\\u00e9\\/\\n\""),
        "{text}"
    );
}

#[test]
fn inspect_names_the_handshake_answer() {
    let out = cmd().args(["inspect", "samples/alfred/url_verification.json"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("note:") && text.contains("challenge"), "{text}");
}

#[test]
fn color_always_never_and_no_color() {
    let colored =
        cmd().args(["--color", "always", "inspect", "samples/daily/meeting.started.json"]).output().unwrap();
    assert!(colored.stdout.contains(&0x1b));
    let plain =
        cmd().args(["--color", "never", "inspect", "samples/daily/meeting.started.json"]).output().unwrap();
    assert!(!plain.stdout.contains(&0x1b));
    // NO_COLOR only affects `auto`; an explicit flag wins.
    let forced = cmd()
        .env("NO_COLOR", "1")
        .args(["--color", "always", "inspect", "samples/daily/meeting.started.json"])
        .output()
        .unwrap();
    assert!(forced.stdout.contains(&0x1b));
    // Machine formats are never coloured.
    let json =
        cmd().args(["--color", "always", "validate", "--format", "json", "samples/daily"]).output().unwrap();
    assert!(!json.stdout.contains(&0x1b));
}

#[test]
fn closed_stdout_ends_quietly() {
    let line = std::fs::read_to_string(crate::root().join("samples/daily/meeting.started.json")).unwrap();
    let compact: Value = serde_json::from_str(&line).unwrap();
    let input = format!("{compact}\n").repeat(20_000);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hookscope"))
        .args(["inspect", "--color", "never"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = std::io::Write::write_all(&mut stdin, input.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1024];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    writer.join().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn schema_and_sample_print_json() {
    let schema = cmd().args(["schema", "recording.ready-to-download"]).output().unwrap();
    let schema: Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert!(schema["x-docs"].as_str().unwrap().contains("recording-ready-to-download"));
    let sample = cmd().args(["sample", "extract_run.processed"]).output().unwrap();
    let sample: Value = serde_json::from_slice(&sample.stdout).unwrap();
    assert_eq!(sample["eventType"], "extract_run.processed");
    cmd().args(["sample", "processor_run.processed", "--api-version", "2026-02-09"]).assert().code(2);
    let unknown = cmd().args(["schema", "recording.eror"]).output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("did you mean \"recording.error\""));
}

#[test]
fn without_paths_a_piped_empty_stdin_is_read() {
    // Without a terminal stdin is read; an empty one is reported, not silently accepted.
    let out = cmd().args(["validate"]).write_stdin("").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "an empty stdin is one unparsable (empty) record");
}

#[test]
fn parallel_validation_gives_the_same_results_in_the_same_order() {
    let mut lines = Vec::new();
    for entry in walkdir::WalkDir::new(crate::root().join("samples")).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "json") {
            let value: Value = serde_json::from_str(&std::fs::read_to_string(entry.path()).unwrap()).unwrap();
            lines.push(value.to_string());
        }
    }
    let mut input = String::new();
    for i in 0..3000 {
        if i % 101 == 0 {
            input.push_str("not json\n");
        }
        input.push_str(&lines[(i * 7) % lines.len()]);
        input.push('\n');
    }
    let path = crate::scratch("parallel.ndjson", input.as_bytes());
    let run = |threads: &str| {
        cmd()
            .args(["validate", "--format", "ndjson", "--threads", threads, crate::path_str(&path)])
            .output()
            .unwrap()
    };
    let one = run("1");
    let four = run("4");
    assert_eq!(one.status.code(), four.status.code());
    assert_eq!(String::from_utf8_lossy(&one.stdout).lines().count(), 3000 + 30);
    assert!(one.stdout == four.stdout, "the parallel run differs from the sequential one");
}
