//! Pipes: structured logs (`--at`), logs framed line by line, binary files, ANSI prefixes, and
//! `stats` ranking findings by level.

use serde_json::Value;

use crate::{cmd, path_str, results, scratch, scratch_dir};

/// A Daily event whose `payload.room` is an object (an error).
const BROKEN: &str = r#"{"version":"1.0.0","type":"meeting.started","id":"met-sta-1","payload":{"start_ts":1708526032.672,"meeting_id":"f2aa1ade-ff80-464c-b46e-50ffa577d48d","room":{"a":1}},"event_ts":1708526033.049}"#;
const MEETING: &str = r#"{"version":"1.0.0","type":"meeting.started","id":"met-sta-1","payload":{"start_ts":1708526032.672,"meeting_id":"f2aa1ade-ff80-464c-b46e-50ffa577d48d","room":"r"},"event_ts":1708526033.049}"#;

static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn structured_log() -> (std::path::PathBuf, Vec<String>) {
    let escaped = serde_json::to_string(MEETING).unwrap();
    let lines = vec![
        format!(r#"{{"ts":"2026-11-23T10:00:00Z","msg":"delivery","body":{BROKEN}}}"#),
        format!(r#"{{"ts":"2026-11-23T10:00:01Z","msg":"delivery","event":{escaped}}}"#),
        r#"{"ts":"2026-11-23T10:00:02Z","msg":"started"}"#.to_owned(),
    ];
    // A file per call: tests run at once.
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = scratch(&format!("structured-{n}.ndjson"), (lines.join("\n") + "\n").as_bytes());
    (path, lines)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = cmd().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn at_takes_the_event_from_inside_each_record_with_file_positions() {
    let (path, lines) = structured_log();
    let (code, stdout, _) =
        run(&["validate", "--format", "json", "--at", "/body", "--at", "/event", path_str(&path)]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let r = results(&report);
    assert_eq!(r.len(), 3);
    // An object in the record: positions are the file's.
    let body_column = lines[0].find(r#""body":"#).unwrap() + r#""body":"#.len() + 1;
    assert_eq!((r[0]["line"].as_u64(), r[0]["column"].as_u64()), (Some(1), Some(body_column as u64)));
    assert_eq!(r[0]["status"], "invalid");
    let error = &r[0]["errors"][0];
    assert_eq!(error["pointer"], "/payload/room");
    let room_column = lines[0].find(r#""room":{"#).unwrap() + r#""room":"#.len() + 1;
    assert_eq!((error["line"].as_u64(), error["column"].as_u64()), (Some(1), Some(room_column as u64)));
    // A string holding JSON, the second pointer: decoded, placed at the string.
    assert_eq!(
        (r[1]["status"].as_str(), r[1]["event_type"].as_str()),
        (Some("valid"), Some("meeting.started"))
    );
    let event_column = lines[1].find(r#""event":"#).unwrap() + r#""event":"#.len() + 1;
    assert_eq!(r[1]["column"].as_u64(), Some(event_column as u64));
    // Neither: unknown, and the finding names the pointers.
    assert_eq!(r[2]["status"], "unknown");
    assert_eq!(
        r[2]["errors"][0]["message"],
        r#"no event in this record: nothing at any of --at "/body", "/event""#
    );
    // Without --at, the structured record is no event.
    let (_, stdout, _) = run(&["validate", "--format", "json", path_str(&path)]);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["summary"]["unknown"], 3, "{report}");
}

#[test]
fn at_applies_to_detect_stats_filter_diff_and_inspect() {
    let (path, lines) = structured_log();
    let at = ["--at", "/body", "--at", "/event"];
    let with = |command: &[&str]| {
        let mut args = command.to_vec();
        args.extend(at);
        args.push(path_str(&path));
        run(&args)
    };
    let (_, stdout, _) = with(&["detect", "--format", "ndjson"]);
    let types: Vec<Value> =
        stdout.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["event_type"].clone()).collect();
    assert_eq!(types, [Value::from("meeting.started"), Value::from("meeting.started"), Value::Null]);
    let (_, stdout, _) = with(&["stats", "--format", "json"]);
    let stats: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(stats["types"]["daily"]["meeting.started"], 2);
    // filter writes the whole record, not the event inside it.
    let (code, stdout, _) = with(&["filter", "--status", "valid"]);
    assert_eq!((code, stdout), (0, format!("{}\n", lines[1])));
    let (code, stdout, _) = with(&["filter", "--type", "meeting.*"]);
    assert_eq!((code, stdout), (0, format!("{}\n{}\n", lines[0], lines[1])));
    let (code, stdout, _) = run(&[
        "diff",
        "--at",
        "/body",
        "--at",
        "/event",
        &format!("{}:1", path_str(&path)),
        &format!("{}:2", path_str(&path)),
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("~ /payload/room: {\"a\":1} → \"r\""), "{stdout}");
    let (_, stdout, _) = with(&["inspect", "--body-only"]);
    assert!(stdout.starts_with("{\n  \"version\": \"1.0.0\",\n  \"type\": \"meeting.started\""), "{stdout}");
}

#[test]
fn at_comes_from_the_project_file_unless_given() {
    let dir = scratch_dir("at-project");
    let (path, _) = structured_log();
    std::fs::copy(&path, dir.join("log.ndjson")).unwrap();
    std::fs::write(dir.join("hookscope.toml"), "at = [\"/body\", \"/event\"]\n").unwrap();
    let summary = |args: &[&str]| {
        let out = cmd()
            .current_dir(&dir)
            .args(["validate", "--format", "json"])
            .args(args)
            .arg("log.ndjson")
            .output()
            .unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["summary"].clone()
    };
    assert_eq!(summary(&[])["valid"], 1);
    assert_eq!(summary(&["--at", "/nowhere"])["unknown"], 3, "the command line wins");
    std::fs::write(dir.join("hookscope.toml"), "at = [\"body\"]\n").unwrap();
    let out = cmd().current_dir(&dir).args(["validate", "log.ndjson"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `/body`?"));
    let (code, _, stderr) = run(&["validate", "--at", "body", "samples/daily"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `/body`?"), "{stderr}");
}

#[test]
fn a_column_after_ansi_colour_codes_is_the_same_in_every_format() {
    let line = format!("\u{1b}[32mINFO\u{1b}[0m webhook: {BROKEN}\n");
    let path = scratch("ansi.log", line.as_bytes());
    let column = line.chars().position(|c| c == '{').unwrap()
        + BROKEN.find(r#""room":{"#).unwrap()
        + r#""room":"#.len()
        + 1;
    let (_, json, _) = run(&["validate", "--format", "json", path_str(&path)]);
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(results(&report)[0]["errors"][0]["column"].as_u64(), Some(column as u64));
    let (_, brief, _) = run(&["validate", "--brief", path_str(&path)]);
    assert!(brief.starts_with(&format!("{}:1:{column}: error:", path_str(&path))), "{brief}");
    let (_, human, _) = run(&["validate", path_str(&path)]);
    assert!(human.contains(&format!("╭▸ {}:1:{column}\n", path_str(&path))), "{human}");
}

#[test]
fn stats_ranks_errors_before_warnings() {
    // Many warnings of one kind, few errors: the errors still come first.
    let drift =
        std::fs::read_to_string(crate::root().join("samples/alfred/job_finished_event.json")).unwrap();
    let drift = drift.replace('\n', "");
    let mut lines = vec![drift; 6];
    lines.push(BROKEN.to_owned());
    lines.push("{not json".to_owned());
    let path = scratch("ranked.ndjson", (lines.join("\n") + "\n").as_bytes());
    let (_, stdout, _) = run(&["stats", "--format", "json", "--top", "3", path_str(&path)]);
    let stats: Value = serde_json::from_str(&stdout).unwrap();
    let top: Vec<(&str, &str, u64)> = stats["top_findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["severity"].as_str().unwrap(), f["code"].as_str().unwrap(), f["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(top[0].0, "error");
    assert_eq!(top[1].0, "error");
    assert_eq!(top[2], ("warning", top[2].1, 6), "{top:?}");
}

#[test]
fn a_patch_says_what_it_left_out_and_compares_numbers_by_value() {
    let out = cmd()
        .args([
            "diff",
            "--format",
            "patch",
            "samples/daily/meeting.started.json",
            "docs/examples/redelivery.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let patch: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(patch.as_array().unwrap().len(), 1);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "hookscope: the patch leaves out 2 differences in the provider's volatile fields (event ids, delivery \
         times); --include-volatile includes them\n"
    );
    let out = cmd()
        .args([
            "diff",
            "--format",
            "patch",
            "--include-volatile",
            "samples/daily/meeting.started.json",
            "docs/examples/redelivery.json",
        ])
        .output()
        .unwrap();
    assert_eq!(serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().len(), 3);
    assert!(out.stderr.is_empty());
    // 1 and 1.0: the same number in the human diff and in the patch.
    let a = scratch("one.json", br#"{"n": 1, "m": "x"}"#);
    let b = scratch("one-float.json", br#"{"n": 1.0, "m": "y"}"#);
    let (code, human, _) = run(&["diff", path_str(&a), path_str(&b)]);
    assert_eq!(code, 1);
    assert!(!human.contains("/n"), "{human}");
    let (_, patch, stderr) =
        run(&["diff", "--format", "patch", "--ignore", "/m", path_str(&a), path_str(&b)]);
    assert_eq!(patch, "[]\n");
    assert!(stderr.contains("leaves out 1 difference at ignored paths (/m"), "{stderr}");
}

#[test]
fn messages_say_what_to_do() {
    // A type of another provider than the one named.
    let (code, _, stderr) =
        run(&["filter", "--type", "meeting.started", "--provider", "alfred", "samples/daily"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "event type \"meeting.started\" is daily's, not alfred's: leave out --provider alfred, or give --provider daily"
        ),
        "{stderr}"
    );
    // A folder emptied by --exclude names the glob.
    let (code, _, stderr) = run(&["validate", "--exclude", "*.json", "samples/daily"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("and what --exclude \"*.json\" leaves out (is the glob too broad?)"), "{stderr}");
    let (_, _, stderr) =
        run(&["validate", "--no-ignore", "--hidden", "--exclude", "*.json", "samples/daily"]);
    assert!(stderr.contains("also .gz) outside what --exclude \"*.json\" leaves out"), "{stderr}");
    let (_, help, _) = run(&["validate", "--help"]);
    assert!(help.contains("Read no .gitignore, .ignore or git exclude file"), "{help}");
    assert!(!help.contains("files of nothing"));
}

/// A log piped in whose first line is bare JSON and whose later lines carry a prefix.
#[test]
fn piped_logs_are_framed_line_by_line() {
    let sample = |name: &str| {
        let text = std::fs::read_to_string(crate::root().join(format!("samples/daily/{name}.json"))).unwrap();
        serde_json::to_string(&serde_json::from_str::<Value>(&text).unwrap()).unwrap()
    };
    let mut lines = vec![sample("meeting.started")];
    for i in 0..5 {
        lines.push(format!("2026-11-23T10:00:0{i}Z INFO webhook: {}", sample("recording.started")));
    }
    lines.push(BROKEN.to_owned());
    let log = lines.join("\n") + "\n";
    let out = cmd().args(["validate", "--format", "json"]).write_stdin(log.clone()).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["events"], 7, "{report}");
    assert_eq!(report["summary"]["unparsable"], 0, "{report}");
    assert_eq!(report["summary"]["valid"], 6);
    let second = &results(&report)[1];
    assert_eq!((second["line"].as_u64(), second["column"].as_u64()), (Some(2), Some(36)), "after the prefix");
    // The same as the file by name.
    let path = scratch("mixed-prefix.log", log.as_bytes());
    let out = cmd().args(["validate", "--format", "json", path_str(&path)]).output().unwrap();
    let by_name: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(by_name["summary"], report["summary"]);
    // Forced NDJSON stays strict: a prefixed line is not JSON.
    let out =
        cmd().args(["validate", "--format", "json", "--input", "ndjson"]).write_stdin(log).output().unwrap();
    let strict: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(strict["summary"]["unparsable"], 5);
}

fn elf() -> Vec<u8> {
    let mut blob = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec();
    blob.extend(b"{\"type\": \"x\"}\n".repeat(50));
    blob
}

#[test]
fn binary_files_are_skipped_in_a_walk_and_reported_when_named() {
    let dir = scratch_dir("binary");
    std::fs::write(dir.join("blob.json"), elf()).unwrap();
    std::fs::copy(crate::root().join("samples/daily/meeting.started.json"), dir.join("event.json")).unwrap();
    // Binary after decompression too, and UTF-16 without a byte-order mark.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &elf()).unwrap();
    std::fs::write(dir.join("blob.json.gz"), gz.finish().unwrap()).unwrap();
    let utf16: Vec<u8> = MEETING.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(dir.join("utf16.json"), &utf16).unwrap();
    // With a byte-order mark UTF-16 is text.
    let mut bom = vec![0xFF, 0xFE];
    bom.extend(&utf16);
    std::fs::write(dir.join("utf16-bom.json"), &bom).unwrap();
    let out = cmd().args(["validate", "--format", "json", path_str(&dir)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["events"], 2, "{report}");
    assert_eq!(report["summary"]["skipped"], 3);
    assert_eq!(report["summary"]["binary_files"], 3);
    let stderr = String::from_utf8(out.stderr).unwrap();
    for name in ["blob.json", "blob.json.gz", "utf16.json"] {
        assert!(
            stderr.contains(&format!("skipped {}: a binary file", path_str(&dir.join(name)))),
            "{stderr}"
        );
    }
    let (_, human, _) = run(&["validate", path_str(&dir)]);
    assert!(
        human.ends_with(
            "2 events: 2 valid, 0 invalid, 0 unknown, 0 unparsable; 0 warnings (3 binary files skipped)\n"
        ),
        "{human}"
    );
    // Named on the command line, or piped: one unparsable finding.
    let (code, stdout, _) = run(&["validate", "--format", "json", path_str(&dir.join("blob.json"))]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["summary"]["events"], 1);
    assert_eq!(results(&report)[0]["status"], "unparsable");
    let message = results(&report)[0]["errors"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("binary file: a NUL byte at byte offset 7"), "{message}");
    let out = cmd().args(["validate", "--format", "json"]).write_stdin(elf()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["unparsable"], 1);
    assert!(results(&report)[0]["errors"][0]["message"].as_str().unwrap().starts_with("binary file"));
}

#[test]
fn detect_writes_several_reports_from_one_run_too() {
    let dir = scratch_dir("detect-formats");
    let json = dir.join("detected.json");
    let target = format!("json={}", path_str(&json));
    let (code, stdout, _) =
        run(&["detect", "--format", "ndjson", "--format", &target, "samples/daily/meeting.started.json"]);
    assert_eq!(code, 0);
    let line: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(line["event_type"], "meeting.started");
    let doc: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(doc["results"][0], line);
    assert_eq!(doc["summary"]["events"], 1);
    let (code, _, stderr) = run(&["detect", "--format", "json", "--format", "ndjson", "samples/daily"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("only one report can go to stdout"), "{stderr}");
}
