//! Reading events: stdin and `-`, NDJSON with broken lines, concatenated documents, bad bytes,
//! empty input, unreadable paths. Nothing is dropped and nothing panics.

use serde_json::Value;

use crate::{cmd, path_str, results, scratch, scratch_dir, validate_json};

const MEETING: &str = r#"{"version":"1.0.0","type":"meeting.started","id":"met-sta-1","payload":{"start_ts":1708526032.672,"meeting_id":"f2aa1ade-ff80-464c-b46e-50ffa577d48d","room":"r"},"event_ts":1708526033.049}"#;

fn stdin_report(input: &[u8], args: &[&str]) -> (i32, Value) {
    let out = cmd().args(["validate", "--format", "json"]).args(args).write_stdin(input).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap(), serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn stdin_without_paths_and_with_dash() {
    for args in [&[][..], &["-"][..]] {
        let (code, report) = stdin_report(MEETING.as_bytes(), args);
        assert_eq!(code, 0);
        let r = &results(&report)[0];
        assert_eq!((r["source"].as_str(), r["status"].as_str()), (Some("<stdin>"), Some("valid")));
    }
}

#[test]
fn ndjson_with_a_broken_line_reports_it_and_the_rest() {
    let input = format!("{MEETING}\n{{\"version\": \"1.0.0\", \"type\": \n{MEETING}\n\n{MEETING}\n");
    let (code, report) = stdin_report(input.as_bytes(), &[]);
    assert_eq!(code, 1);
    let r = results(&report);
    let statuses: Vec<(&str, u64)> =
        r.iter().map(|r| (r["status"].as_str().unwrap(), r["line"].as_u64().unwrap())).collect();
    assert_eq!(statuses, [("valid", 1), ("unparsable", 2), ("valid", 3), ("valid", 5)]);
    assert_eq!(r[1]["errors"][0]["line"], 2);
    assert_eq!(report["summary"]["events"], 4);
    assert_eq!(report["summary"]["unparsable"], 1);
}

#[test]
fn concatenated_pretty_documents_and_their_positions() {
    let pretty: Value = serde_json::from_str(MEETING).unwrap();
    let one = serde_json::to_string_pretty(&pretty).unwrap();
    let input = format!("{one}\n{one}{MEETING}\n");
    let (code, report) = stdin_report(input.as_bytes(), &[]);
    assert_eq!(code, 0);
    let lines: Vec<u64> = results(&report).iter().map(|r| r["line"].as_u64().unwrap()).collect();
    let n = one.lines().count() as u64;
    assert_eq!(lines, [1, n + 1, 2 * n]);
}

#[test]
fn truncated_binary_and_empty_inputs_are_unparsable_with_a_message() {
    for (input, needle) in [
        (&br#"{"version": "1.0.0", "type": "meeting.st"#[..], "truncated"),
        (&b"\x00\x01\xff\xfe garbage"[..], ""),
        (&b""[..], "empty"),
        (&b"\n  \n"[..], "empty"),
    ] {
        let (code, report) = stdin_report(input, &[]);
        assert_eq!(code, 1, "{input:?}");
        let r = &results(&report)[0];
        assert_eq!(r["status"], "unparsable", "{input:?}");
        let message = r["errors"][0]["message"].as_str().unwrap();
        assert!(!message.is_empty() && message.contains(needle), "{message}");
    }
}

#[test]
fn an_error_deep_in_a_pretty_document_has_the_value_position() {
    let (_, report) = validate_json(&["tests/fixtures/daily/tampered/meeting.started.room-object.json"]);
    let error = &results(&report)[0]["errors"][0];
    assert_eq!(error["pointer"], "/payload/room");
    let text = std::fs::read_to_string(
        crate::root().join("tests/fixtures/daily/tampered/meeting.started.room-object.json"),
    )
    .unwrap();
    let line = usize::try_from(error["line"].as_u64().unwrap()).unwrap();
    let column = usize::try_from(error["column"].as_u64().unwrap()).unwrap();
    let at: String = text.lines().nth(line - 1).unwrap().chars().skip(column - 1).collect();
    assert!(at.starts_with('{'), "position points at {at:?}");
    assert!(text.lines().nth(line - 1).unwrap().contains("\"room\""));
}

#[test]
fn duplicate_keys_are_warnings_with_both_positions() {
    let input = r#"{"version":"1.1.0","type":"transcript.started","id":"x","payload":{"room_id":"a","room_id":"b"},"event_ts":1}"#;
    let (_, report) = stdin_report(input.as_bytes(), &[]);
    let warnings = results(&report)[0]["warnings"].as_array().unwrap();
    let dup = warnings.iter().find(|w| w["keyword"] == "duplicate-key").expect("duplicate-key warning");
    assert_eq!(dup["pointer"], "/payload/room_id");
    assert_eq!(dup["column"], 82);
    assert!(dup["message"].as_str().unwrap().contains("first at line 1, column 68"), "{dup}");
}

#[test]
fn missing_and_unreadable_paths_exit_2_after_the_rest() {
    let out = cmd()
        .args(["validate", "--format", "json", "no/such/file.json", "samples/daily/meeting.started.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["valid"], 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("hookscope: error: no/such/file.json: no such file or directory"), "{stderr}");
}

#[test]
fn directories_are_searched_recursively_for_known_endings() {
    let dir = crate::root().join("target/test-scratch/tree");
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    std::fs::write(dir.join("nested/a.json"), MEETING).unwrap();
    std::fs::write(dir.join("b.ndjson"), format!("{MEETING}\n{MEETING}\n")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not an event").unwrap();
    let (code, report) = validate_json(&[path_str(&dir)]);
    assert_eq!(code, 0);
    assert_eq!(report["summary"]["events"], 3);
}

#[test]
fn crlf_and_bom_are_read() {
    let path = scratch("crlf.ndjson", format!("\u{feff}{MEETING}\r\n{MEETING}\r\n").as_bytes());
    let (code, report) = validate_json(&[path_str(&path)]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["summary"]["valid"], 2);
}

/// `(provider, event_type, line)` of every result.
fn identities(report: &Value) -> Vec<(String, String, u64)> {
    results(report)
        .iter()
        .map(|r| {
            (
                r["provider"].as_str().unwrap_or("-").to_owned(),
                r["event_type"].as_str().unwrap_or("-").to_owned(),
                r["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn owned(list: &[(&str, &str, u64)]) -> Vec<(String, String, u64)> {
    list.iter().map(|(p, t, l)| ((*p).to_owned(), (*t).to_owned(), *l)).collect()
}

#[test]
fn log_lines_with_prefixes_yield_their_events_and_count_the_rest() {
    let (code, report) = validate_json(&["tests/fixtures/input/webhooks.log"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(
        identities(&report),
        owned(&[
            ("daily", "meeting.started", 2),
            ("daily", "recording.started", 3),
            ("extend", "extract_run.processed", 5)
        ])
    );
    assert_eq!(report["summary"]["skipped"], 2);
    assert_eq!(results(&report)[0]["column"], 45, "the column where the JSON starts");
}

#[test]
fn real_world_containers_yield_the_right_events() {
    type Expected<'a> = &'a [(&'a str, &'a str, u64)];
    let cases: [(&str, Expected<'_>); 5] = [
        ("concatenated.json", &[("daily", "meeting.started", 1), ("extend", "extract_run.processed", 12)]),
        (
            "export-array.json",
            &[
                ("daily", "meeting.started", 2),
                ("daily", "recording.started", 13),
                ("alfred", "job_finished_event", 29),
            ],
        ),
        ("two-requests.http", &[("daily", "meeting.started", 8), ("daily", "recording.started", 13)]),
        ("capture.har", &[("extend", "extract_run.processed", 21), ("alfred", "job_finished_event", 45)]),
        ("gateway-record.json", &[("daily", "meeting.started", 12)]),
    ];
    for (file, expected) in cases {
        let path = format!("tests/fixtures/input/{file}");
        let (code, report) = validate_json(&[&path]);
        assert_eq!(code, 0, "{file}: {report}");
        assert_eq!(identities(&report), owned(expected), "{file}");
    }
}

#[test]
fn input_mode_can_be_forced() {
    // Read as plain NDJSON, the log's prefixed lines are not JSON.
    let (code, report) = validate_json(&["--input", "ndjson", "tests/fixtures/input/webhooks.log"]);
    assert_eq!(code, 1);
    assert_eq!(report["summary"]["unparsable"], 5);
    // A log on stdin is recognised by its lines, or forced.
    let log = std::fs::read(crate::root().join("tests/fixtures/input/webhooks.log")).unwrap();
    for args in [&[][..], &["--input", "log"][..]] {
        let (code, report) = stdin_report(&log, args);
        assert_eq!((code, report["summary"]["valid"].as_u64()), (0, Some(3)));
    }
}

#[test]
fn gzip_files_and_gzip_on_stdin() {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(format!("{MEETING}\n{MEETING}\n").as_bytes()).unwrap();
    let gz = enc.finish().unwrap();
    let path = scratch("events.ndjson.gz", &gz);
    let (code, report) = validate_json(&[path_str(&path)]);
    assert_eq!((code, report["summary"]["valid"].as_u64()), (0, Some(2)));
    let (code, report) = stdin_report(&gz, &[]);
    assert_eq!((code, report["summary"]["valid"].as_u64()), (0, Some(2)));
    // Found in directories too.
    let dir = path.parent().unwrap().join("gzdir");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("e.json.gz"), &gz).unwrap();
    let (_, report) = validate_json(&[path_str(&dir)]);
    assert_eq!(report["summary"]["valid"], 2);
}

#[test]
fn unwrapped_bodies_report_the_string_position() {
    let input = r#"{"headers": {"x-webhook-timestamp": "1"}, "body": "{\"version\":\"1.0.0\",\"type\":\"meeting.started\",\"id\":\"x\",\"payload\":{\"meeting_id\":\"m\",\"room\":{}},\"event_ts\":1}"}"#;
    let (code, report) = stdin_report(input.as_bytes(), &[]);
    assert_eq!(code, 1);
    let r = &results(&report)[0];
    assert_eq!((r["provider"].as_str(), r["status"].as_str()), (Some("daily"), Some("invalid")));
    let error = &r["errors"][0];
    assert_eq!(error["pointer"], "/payload/room");
    assert_eq!((error["line"].as_u64(), error["column"].as_u64()), (Some(1), Some(51)), "the body string");
}

/// A folder laid out like a repository: ignore files, hidden files, a build folder.
fn ignore_tree(name: &str) -> std::path::PathBuf {
    let dir = crate::root().join("target/test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["events", "target/debug", "node_modules/pkg", ".cache", "drafts"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    for file in [
        "events/a.json",
        "events/b.json",
        "events/scratch.json",
        "target/debug/build.json",
        "node_modules/pkg/package.json",
        ".cache/c.json",
        ".hidden.json",
        "drafts/d.json",
    ] {
        std::fs::write(dir.join(file), MEETING).unwrap();
    }
    // No `.git` here: `.gitignore` applies all the same, as `.ignore` does.
    std::fs::write(dir.join(".gitignore"), "target/\nnode_modules\n").unwrap();
    std::fs::write(dir.join("events/.ignore"), "scratch.json\n").unwrap();
    dir
}

/// The sources `detect` reads, relative to `dir`.
fn walked(dir: &std::path::Path, args: &[&str]) -> (i32, Vec<String>) {
    let out = cmd().args(["detect", "--format", "ndjson"]).args(args).arg(dir).output().unwrap();
    let prefix = format!("{}/", dir.display());
    let sources = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["source"].as_str().unwrap().trim_start_matches(&prefix).to_owned()
        })
        .collect();
    (out.status.code().unwrap(), sources)
}

#[test]
fn directory_walks_honour_gitignore_ignore_and_hidden_files() {
    let dir = ignore_tree("walk-ignore");
    assert_eq!(walked(&dir, &[]), (0, owned_names(&["drafts/d.json", "events/a.json", "events/b.json"])));
    assert_eq!(
        walked(&dir, &["--no-ignore"]).1,
        owned_names(&[
            "drafts/d.json",
            "events/a.json",
            "events/b.json",
            "events/scratch.json",
            "node_modules/pkg/package.json",
            "target/debug/build.json",
        ])
    );
    assert_eq!(
        walked(&dir, &["--hidden"]).1,
        owned_names(&[".cache/c.json", ".hidden.json", "drafts/d.json", "events/a.json", "events/b.json"])
    );
    assert_eq!(
        walked(&dir, &["--exclude", "drafts", "--exclude", "b.json"]).1,
        owned_names(&["events/a.json"])
    );
}

#[test]
fn directory_walks_go_depth_first_with_each_folders_entries_by_name() {
    let dir = scratch_dir("walk-order");
    for name in ["b.json", "a.json", "a-b.json", "B.json", "a/z.json", "a/y/x.json", "b/c/d.json"] {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "{}").unwrap();
    }
    // A folder's files come right after the entries named before it: `a/...` before `a-b.json`,
    // although `-` sorts before `/` in the paths as text.
    assert_eq!(
        walked(&dir, &[]).1,
        owned_names(&["B.json", "a/y/x.json", "a/z.json", "a-b.json", "a.json", "b/c/d.json", "b.json"])
    );
}

fn owned_names(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

#[test]
fn named_files_and_folders_are_read_even_when_ignored() {
    let dir = ignore_tree("walk-named");
    let out = cmd()
        .args(["detect", "--format", "ndjson"])
        .arg(dir.join("target/debug/build.json"))
        .arg(dir.join("node_modules"))
        .arg(dir.join(".cache"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
}

#[test]
fn filter_takes_the_same_walk_options() {
    let dir = ignore_tree("walk-filter");
    let out = cmd().args(["filter", "--exclude", "drafts"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{MEETING}\n{MEETING}\n"));
}

#[test]
fn a_folder_without_event_files_is_an_error_unless_allowed() {
    let dir = crate::root().join("target/test-scratch/walk-empty");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("target")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not an event").unwrap();
    std::fs::write(dir.join("target/x.json"), MEETING).unwrap();
    std::fs::write(dir.join(".gitignore"), "target/\n").unwrap();
    let out = cmd().args(["validate", "--format", "json"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("no event files") && stderr.contains("--allow-empty"), "{stderr}");
    let (code, report) = validate_json(&["--allow-empty", path_str(&dir)]);
    assert_eq!(code, 0);
    assert_eq!(report["summary"]["events"], 0);
    let out = cmd().args(["validate", "--exclude", "["]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad --exclude glob"));
}
