//! Inputs found by the fuzz targets in `fuzz/` (see `fuzz/README.md`), minimised and kept as byte
//! literals: each runs through the real binary, which must end with a documented exit code and
//! message, never a panic or a hang; crashes of a library entry point also replay it directly.

use std::time::Duration;

use serde_json::Value;

use crate::{cmd, path_str, results, scratch};

/// Runs `hookscope ARGS` (killed after a minute, so a hang fails instead of blocking the suite)
/// and checks it ended by itself, without a panic. Returns the exit code, stdout and stderr.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = cmd().args(args).timeout(Duration::from_mins(1)).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code().unwrap_or_else(|| panic!("killed (a hang?): {stderr}"));
    assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"), "{stderr}");
    assert!(matches!(code, 0..=2), "exit code {code} is not one of DESIGN.md's: {stderr}");
    (code, stdout, stderr)
}

/// `validate --format json` over a scratch file holding `content`: the exit code and the report,
/// whose summary must account for every result.
fn validate(name: &str, content: &[u8], extra: &[&str]) -> (i32, Value) {
    let path = scratch(name, content);
    let mut args = vec!["validate", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(path_str(&path));
    let (code, stdout, _) = run(&args);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    let summary = &report["summary"];
    let by_status: u64 =
        ["valid", "invalid", "unknown", "unparsable"].iter().map(|k| summary[k].as_u64().unwrap()).sum();
    assert_eq!(by_status, summary["events"].as_u64().unwrap(), "{report}");
    assert_eq!(results(&report).len() as u64, by_status, "{report}");
    (code, report)
}

fn statuses(report: &Value) -> Vec<&str> {
    results(report).iter().map(|r| r["status"].as_str().unwrap()).collect()
}

fn messages(report: &Value) -> Vec<&str> {
    results(report)
        .iter()
        .flat_map(|r| r["errors"].as_array().unwrap())
        .map(|e| e["message"].as_str().unwrap())
        .collect()
}

/// locator, crash 1 (`cargo fuzz tmin`, 2 bytes): an object member without a key hit
/// `expect("a key precedes an object value")` in the pointer walk. The command line parses the
/// record first, so there it was always a parse error; the walk itself is replayed too.
#[test]
fn locator_value_without_a_key() {
    const CRASH: &[u8] = b"{\xff";
    hookscope::fuzzing::locator(CRASH, "");
    hookscope::fuzzing::locator(b"{1}", "/0");
    let (code, report) = validate("fuzz-locator-no-key.json", CRASH, &[]);
    assert_eq!((code, statuses(&report)), (1, vec!["unparsable"]));
    assert!(messages(&report)[0].starts_with("invalid UTF-8: byte 0xff"), "{report}");
    let (code, report) = validate("fuzz-locator-no-key-2.json", b"{1}", &[]);
    assert_eq!((code, statuses(&report)), (1, vec!["unparsable"]));
    assert!(messages(&report)[0].starts_with("key must be a string"), "{report}");
}

/// framing, timeout 1 (found in `--input log`, minimised by hand to these lines): a form feed
/// after a value is ASCII whitespace to `trim_end` but not JSON whitespace to the lexer, so
/// framing went back to where it was and emitted empty records forever (NDJSON, log and
/// document framing alike). A trailing form feed now stays in the record it follows, or is a
/// garbage record of its own.
#[test]
fn form_feed_after_a_value_does_not_loop() {
    // File name, `--input` mode, the fuzz target's mode byte, input, statuses.
    type Case = (&'static str, &'static str, u8, &'static [u8], Vec<&'static str>);
    let cases: [Case; 4] = [
        ("fuzz-ff-after.ndjson", "ndjson", 2, b"{\"a\":1}\x0c\n", vec!["unknown", "unparsable"]),
        ("fuzz-ff-alone.ndjson", "ndjson", 2, b"\x0c\n", vec!["unparsable"]),
        ("fuzz-ff-document.json", "json", 1, b"{}\n\x0c", vec!["unknown", "unparsable"]),
        (
            "fuzz-ff-log.log",
            "log",
            3,
            b"<14>Nov\x0c\x0c\\\"extract\x0c\x0co\x0cr\\\":{\\\"obje\x0c\x0c\x0c\x0c\x0c\n",
            vec!["unparsable"],
        ),
    ];
    for (name, mode, mode_byte, input, expected) in cases {
        // The binary first: it runs under a timeout, the library call below does not.
        let (code, report) = validate(name, input, &["--input", mode]);
        assert_eq!((code, &statuses(&report)), (1, &expected), "{name}: {report}");
        // The fuzz target's first byte picks the mode in this order: auto, json, ndjson, log, ...
        assert_eq!(hookscope::fuzzing::framing(input, mode_byte), expected.len(), "{name}");
    }
}

/// framing, found by reading `http.rs` while writing the target (the 4-minute run did not reach
/// it): a Content-Length near `usize::MAX` overflowed `body_start + len` (a panic in debug
/// builds, a slice out of range in release). It is a truncated body like any other.
#[test]
fn http_content_length_overflow() {
    const INPUT: &[u8] = b"POST / HTTP/1.1\nContent-Length: 18446744073709551615\n\n{}";
    assert_eq!(hookscope::fuzzing::framing(INPUT, 4), 1);
    let (code, report) = validate("fuzz-content-length.http", INPUT, &[]);
    assert_eq!((code, statuses(&report)), (1, vec!["unparsable"]));
    assert_eq!(
        messages(&report),
        ["truncated HTTP body: Content-Length says 18446744073709551615 bytes, 2 are present"]
    );
}

/// analyze, no crash in its run: the corpus entry whose findings are the most varied (a mutated
/// Extend `workflow_run.completed`: seven keywords, an escaped `~` in a pointer, a 33-digit
/// number), from `fuzz/corpus/analyze/b1b4ecb9c246125d8fa6567aee6ad445fdb34e65`.
#[test]
fn analyze_corpus_entry_with_every_kind_of_finding() {
    const ENTRY: &[u8] = br#"{
  "eventTyeventId": "evt_Ck3Dl4Em5Fn6",
  "eventType": "workflow_run.completed",
  "payload": {
    "object": "workflvw_run",
    "id": "workflow_run_Nq2Mw5Le8Kr1Jt4Hy7Gu0",
    "metaname": "invoice-77.plf",
    "ur1l": "https://dashboard.extendp/workflow-runs/workflow_run_Nq2Mw5Le8Kr1Jt4Hy7Gu0",
    "status": null,
    "reviewedAt": null,
    "startTime": "2025-06-10T10:00:02(",
    "endTime": "2068-06-10T10:00:41Z",
    "outputs": [
      {
        "object": "document_processor_dpr_Zx9Cv8Bn7Mq6Wr5Et4Yu3",
        "usadge": {
          "credits": 2
        }
      }
    ],
    "stepRuns": [111111111111111111111111111111111],
    "workflow": {
      "object": "workflow",
      "id": "workfvow_1234",
      "version": "3",
      "n~me": "Invoice Processing"
    },
    "usage": {
      "credits": 2
    }
  }
}
"#;
    let (code, report) = validate("fuzz-analyze.json", ENTRY, &[]);
    assert_eq!((code, statuses(&report)), (1, vec!["invalid"]));
    let result = &results(&report)[0];
    assert_eq!(
        (result["provider"].as_str(), result["event_type"].as_str()),
        (Some("extend"), Some("workflow_run.completed"))
    );
    let findings: Vec<&Value> =
        result["errors"].as_array().unwrap().iter().chain(result["warnings"].as_array().unwrap()).collect();
    let mut keywords: Vec<&str> = findings.iter().map(|f| f["keyword"].as_str().unwrap()).collect();
    keywords.sort_unstable();
    keywords.dedup();
    assert_eq!(
        keywords,
        ["additionalProperties", "const", "enum", "format", "pattern", "required", "type", "x-expected"]
    );
    // Every finding is placed in the source.
    assert!(findings.iter().all(|f| f["line"].as_u64().is_some_and(|l| (1..=33).contains(&l))), "{report}");
    assert!(findings.iter().any(|f| f["pointer"] == "/payload/workflow/n~0me"), "{report}");
}

/// diff, no crash in its run: a corpus entry with arrays that change length and type and
/// integers past 2^53, from `fuzz/corpus/diff/4eff2ece21849629d83000dc867adca5743b5836` (split at
/// its NUL byte, as the target does). The patch must turn A into B.
#[test]
fn diff_corpus_entry_with_big_numbers_and_reshaped_arrays() {
    const A: &[u8] = b"[1,{\"a\":[1.659747583430656,61312,107370955,1844674200,9184659747583456,10737095516161,1844674225516161,18446742009156,1918465974758342]}]";
    const B: &[u8] = b"[3,2,{\"a\":[2]},11,184,1844674200918430656,18446,\"-\"]";
    assert_eq!(hookscope::fuzzing::diff(A, B), 8);
    let (a, b) = (scratch("fuzz-diff-a.json", A), scratch("fuzz-diff-b.json", B));
    let (code, stdout, _) = run(&["diff", "--format", "json", path_str(&a), path_str(&b)]);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!((code, report["changes"].as_array().unwrap().len()), (1, 8), "{report}");
    assert_eq!(report["changes"][5]["right"].to_string(), "1844674200918430656");
    let (code, stdout, _) = run(&["diff", "--format", "patch", path_str(&a), path_str(&b)]);
    assert_eq!(code, 1);
    let patch: json_patch::Patch = serde_json::from_str(&stdout).unwrap();
    let mut doc: Value = serde_json::from_slice(A).unwrap();
    json_patch::patch(&mut doc, &patch).unwrap();
    assert_eq!(doc, serde_json::from_slice::<Value>(B).unwrap());
}

/// `project_file`, no crash in its run: a corpus entry whose glob has an empty alternative and an
/// unclosed class, from `fuzz/corpus/project_file/261e96775e13c068e5e18178d997431c3ec9b28e`. A bad
/// project file is exit 2 with the entry named, before any event is read.
#[test]
fn project_file_corpus_entry_with_a_broken_glob() {
    const ENTRY: &[u8] = b"[[fixtures]]\npaths = [\"{,ab}/[n\"]\nprovider = \"dWily\"\n";
    assert!(!hookscope::fuzzing::project_file(std::str::from_utf8(ENTRY).unwrap()));
    let dir = crate::root().join("target/test-scratch/fuzz-project");
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("hookscope.toml");
    std::fs::write(&config, ENTRY).unwrap();
    let (code, stdout, stderr) =
        run(&["validate", "--config", path_str(&config), "samples/daily/meeting.started.json"]);
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert!(stderr.contains("hookscope.toml: fixtures[0]: bad glob \"{,ab}/[n\""), "{stderr}");
}

/// The framing entry point wrote every call's input to one path per process, so two tests
/// framing at once read each other's bytes now and then. Each call has its own file now.
#[test]
fn framing_calls_on_many_threads_read_their_own_input() {
    let threads: Vec<_> = (1..=8usize)
        .map(|n| {
            std::thread::spawn(move || {
                let input = "{\"a\": 1}\n".repeat(n);
                (0..40).all(|_| hookscope::fuzzing::framing(input.as_bytes(), 2) == n)
            })
        })
        .collect();
    assert!(threads.into_iter().all(|t| t.join().unwrap()));
}

/// `catalog_import`: a schema whose `allOf` refers back to itself overflowed the stack.
#[test]
fn catalog_import_of_a_recursive_all_of() {
    let spec = std::fs::read(crate::root().join("fuzz/corpus/catalog_import/allof-cycle.json")).unwrap();
    assert_eq!(hookscope::fuzzing::catalog_import(&spec), 1);
}
