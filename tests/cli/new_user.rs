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

/// `sign` of `input` (a path, or `-` with `stdin`), then `verify` of the same with those headers.
fn sign_then_verify(input: &str, stdin: Option<&[u8]>, extra_verify: &[&str]) -> (i32, serde_json::Value) {
    // A Daily secret is base64.
    let secret = "YW4gaW5kZXBlbmRlbnQgZGFpbHkgc2VjcmV0";
    let mut sign = cmd();
    sign.env("S", secret).args(["sign", "--secret-env", "S", "--timestamp", "1700000000", input]);
    if let Some(bytes) = stdin {
        sign.write_stdin(bytes);
    }
    let out = sign.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut verify = cmd();
    verify.env("S", secret).args(["verify", "--format", "json", "--secret-env", "S", "--now", "1700000001"]);
    for header in String::from_utf8(out.stdout).unwrap().lines() {
        verify.args(["-H", header]);
    }
    verify.args(extra_verify).arg(input);
    if let Some(bytes) = stdin {
        verify.write_stdin(bytes);
    }
    let out = verify.output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (out.status.code().unwrap(), report)
}

#[test]
fn sign_and_verify_agree_on_a_file_that_ends_with_a_newline() {
    let sample = "samples/daily/meeting.started.json";
    let bytes = std::fs::read(crate::root().join(sample)).unwrap();
    assert!(bytes.ends_with(b"\n"), "the sample ends like every editor's file");
    let (code, report) = sign_then_verify(sample, None, &[]);
    assert_eq!((code, report["results"][0]["status"].as_str()), (0, Some("valid")), "{report}");
    let (code, report) = sign_then_verify("-", Some(&bytes), &[]);
    assert_eq!((code, report["results"][0]["status"].as_str()), (0, Some("valid")), "{report}");
}

#[test]
fn verify_accepts_a_signature_over_the_files_exact_bytes_and_says_so() {
    // Signed by another tool over the whole file, final newline included.
    use hmac::{KeyInit, Mac};
    let sample = "samples/daily/meeting.started.json";
    let bytes = std::fs::read(crate::root().join(sample)).unwrap();
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(b"an independent daily secret").unwrap();
    mac.update(&[b"1700000000.".as_slice(), &bytes].concat());
    let sig = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, mac.finalize().into_bytes());
    let out = cmd()
        .env("S", "YW4gaW5kZXBlbmRlbnQgZGFpbHkgc2VjcmV0")
        .args(["verify", "--secret-env", "S", "--now", "1700000001", "-H", "X-Webhook-Timestamp: 1700000000"])
        .args(["-H", &format!("X-Webhook-Signature: {sig}"), sample])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("over the file's exact bytes"), "{text}");
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

#[test]
fn too_many_threads_is_a_usage_error_not_a_panic() {
    let out = cmd().args(["validate", "-j", "30000", "samples/daily"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("from 1 to 256") && !stderr.contains("panicked"), "{stderr}");
    cmd().args(["validate", "-j", "256", "samples/daily"]).assert().code(0);
}

#[test]
#[allow(clippy::cast_precision_loss)]
fn an_oversized_line_is_reported_with_its_real_size() {
    let event = r#"{"version":"1.0.0","type":"meeting.started","id":"x","payload":{},"event_ts":1}"#;
    let line = format!("[{}]\n", vec![event; 3000].join(","));
    let path = crate::scratch("oversized-array.json", line.as_bytes());
    let (code, report) = crate::validate_json(&["--max-event-bytes", "100000", crate::path_str(&path)]);
    assert_eq!(code, 1);
    let message = report["results"][0]["errors"][0]["message"].as_str().unwrap().to_owned();
    let size = format!("{:.1} KiB", line.len() as f64 / 1024.0);
    assert!(message.starts_with(&format!("event of {size} exceeds the 97.7 KiB limit")), "{message}");
}

#[test]
fn a_number_beyond_f64_is_a_number_kept_as_sent() {
    let text = "{\"version\":\"1.0.0\",\"type\":\"meeting.started\",\"id\":\"x\",\"payload\":{\"start_ts\":1e400,\
                \"meeting_id\":\"m\",\"room\":\"r\"},\"event_ts\":1708526033.049}";
    let path = crate::scratch("huge-number.json", text.as_bytes());
    let (_, report) = crate::validate_json(&[crate::path_str(&path)]);
    assert_eq!(report["summary"]["unparsable"], 0, "{report}");
    assert_eq!(report["results"][0]["provider"], "daily", "{report}");
    let out = cmd().args(["inspect", "--body-only", "--compact"]).arg(&path).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{text}\n"));
}

#[test]
fn a_finding_names_its_pointer_once() {
    let path = crate::scratch(
        "no-type.json",
        br#"{"version":"1.0.0","id":"x","payload":{"room":"r"},"event_ts":1708526033.049}"#,
    );
    for format in [&["--brief"][..], &["--format", "github"]] {
        let out =
            cmd().arg("validate").args(format).args(["--provider", "daily"]).arg(&path).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("missing the event type at /type"), "{text}");
        assert!(!text.contains("at /type at /type"), "{text}");
    }
}

#[test]
fn conflicting_flags_are_usage_errors() {
    for args in [
        &["validate", "--format", "json", "--brief", "samples/daily"][..],
        &[
            "diff",
            "--stat",
            "--format",
            "json",
            "samples/daily/meeting.started.json",
            "samples/daily/meeting.ended.json",
        ],
    ] {
        let out = cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be used with"), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    cmd().args(["validate", "--brief", "samples/daily/meeting.started.json"]).assert().code(0);
}

#[test]
fn provider_names_are_case_insensitive() {
    let upper = cmd().args(["list", "Daily"]).output().unwrap();
    assert_eq!(upper.status.code(), Some(0));
    assert_eq!(upper.stdout, cmd().args(["list", "daily"]).output().unwrap().stdout);
    let out =
        cmd().args(["filter", "--provider", "DAILY", "samples/daily/meeting.started.json"]).output().unwrap();
    assert_eq!(out.stdout, std::fs::read(crate::root().join("samples/daily/meeting.started.json")).unwrap());
}

#[test]
fn input_har_on_a_plain_document_says_it_is_not_har() {
    let out =
        cmd().args(["validate", "--input", "har", "samples/daily/meeting.started.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("not a HAR file"), "{stderr}");
}

#[test]
fn every_command_keeps_the_exit_code_table() {
    // stats: a finding (here an unparsable event) is 1, all valid is 0.
    cmd().args(["stats", "-"]).write_stdin("not json\n").assert().code(1);
    cmd().args(["stats", "samples/daily/meeting.started.json"]).assert().code(0);
    // catalog check: a folder that cannot be read is 2, not a finding.
    let out = cmd().args(["catalog", "check", "/nonexistent"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent"));
}

#[test]
fn chunked_captures_and_utf16_files_are_decoded() {
    let sample = std::fs::read_to_string(crate::root().join("samples/daily/meeting.started.json")).unwrap();
    let (head, tail) = sample.split_at(sample.len() / 2);
    let capture = format!(
        "POST /hooks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{head}\r\n{:x}\r\n{tail}\r\n0\r\n\r\n",
        head.len(),
        tail.len()
    );
    let path = crate::scratch("chunked.http", capture.as_bytes());
    let (code, report) = crate::validate_json(&[crate::path_str(&path)]);
    assert_eq!((code, report["results"][0]["status"].as_str()), (0, Some("valid")), "{report}");
    // A PowerShell redirect: UTF-16 little-endian with a byte-order mark.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(sample.encode_utf16().flat_map(u16::to_le_bytes));
    let path = crate::scratch("powershell.json", &utf16);
    let (code, report) = crate::validate_json(&[crate::path_str(&path)]);
    assert_eq!((code, report["results"][0]["status"].as_str()), (0, Some("valid")), "{report}");
}
