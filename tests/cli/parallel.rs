//! The parallel path writes exactly what one thread writes: the same bytes in the same order, for
//! every command and format over a mixed input (every sample, every input form of the fixtures,
//! and a log long enough for several batches on several threads). Nothing here is timed.

use std::path::PathBuf;
use std::process::Output;

use crate::{cmd, path_str, root, scratch};

/// The inputs: the samples, the fixture input forms (HAR, HTTP, log, arrays, concatenated values,
/// a gateway wrapper) and a log of every sample repeated, with a broken line and a blank one.
fn mixed_inputs() -> Vec<String> {
    let mut samples: Vec<PathBuf> = walk(&root().join("samples"));
    samples.sort();
    let mut log = Vec::new();
    for round in 0..4 {
        for (i, sample) in samples.iter().enumerate() {
            let text = std::fs::read_to_string(sample).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            log.extend_from_slice(value.to_string().as_bytes());
            log.push(b'\n');
            if round == 1 && i == 7 {
                log.extend_from_slice(b"{\"type\": \"truncated\n\n");
            }
        }
    }
    let log = scratch("parallel-mixed.ndjson", &log);
    vec!["samples".to_owned(), "tests/fixtures/input".to_owned(), path_str(&log).to_owned()]
}

fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
    found
}

fn run(args: &[&str], inputs: &[String], threads: &str) -> Output {
    cmd().args(args).args(["--threads", threads]).args(inputs).output().unwrap()
}

fn assert_same(args: &[&str], inputs: &[String]) {
    let one = run(args, inputs, "1");
    let two = run(args, inputs, "2");
    assert!(!one.stdout.is_empty(), "{args:?} wrote nothing: {}", String::from_utf8_lossy(&one.stderr));
    assert!(one.stdout == two.stdout, "{args:?}: stdout differs between --threads 1 and -j 2");
    assert_eq!(
        String::from_utf8_lossy(&one.stderr),
        String::from_utf8_lossy(&two.stderr),
        "{args:?}: stderr"
    );
    assert_eq!(one.status.code(), two.status.code(), "{args:?}: exit code");
}

#[test]
fn every_command_and_format_writes_the_same_bytes_on_one_thread_and_on_two() {
    let inputs = mixed_inputs();
    let secret = scratch("parallel-secret.txt", b"not-the-real-secret\n");
    let verify = ["verify", "--now", "1700000000", "--secret-file", path_str(&secret)];
    let commands: &[&[&str]] = &[
        &["validate"],
        &["validate", "--brief"],
        &["validate", "--verbose"],
        &["validate", "--color", "always"],
        &["validate", "--brief", "--color", "always"],
        &["validate", "--skip-foreign"],
        &["validate", "--strict", "--format", "ndjson"],
        &["validate", "--format", "json"],
        &["validate", "--format", "ndjson"],
        &["validate", "--format", "github"],
        &["validate", "--format", "junit"],
        &["validate", "--format", "sarif"],
        &["detect"],
        &["detect", "--format", "json"],
        &["detect", "--format", "ndjson"],
        &["inspect"],
        &["inspect", "--color", "always"],
        &["inspect", "--body-only"],
        &["inspect", "--compact", "--sort-keys"],
        &["stats"],
        &["stats", "--format", "json"],
        &["filter", "--type", "recording.*"],
        &["filter", "--provider", "daily"],
        &["filter", "--provider", "extend", "--invert"],
        &["filter", "--status", "invalid", "--status", "unparsable"],
        &verify,
        &[&verify[..], &["--format", "json"]].concat(),
        &[&verify[..], &["--format", "ndjson"]].concat(),
        &["catalog", "drift"],
        &["catalog", "drift", "--format", "json"],
    ];
    for args in commands {
        assert_same(args, &inputs);
    }
}

/// `filter --type`/`--provider` without `--status` only detects (no validation, a partial
/// parse); it must pass and drop exactly what the full analysis does. With `--report` it
/// validates every record (the report gives each dropped record's status), so that run is the
/// reference, and its report is checked against the records written.
#[test]
fn filtering_by_type_or_provider_without_validation_keeps_the_same_records() {
    let inputs = mixed_inputs();
    let selections: &[&[&str]] = &[
        &["--type", "recording.*"],
        &["--type", "meeting.started"],
        &["--provider", "daily"],
        &["--provider", "extend"],
        &["--provider", "extend", "--type", "extract_run.*"],
        &["--type", "*", "--invert"],
    ];
    for (i, selection) in selections.iter().enumerate() {
        for threads in ["1", "2"] {
            let fast =
                cmd().arg("filter").args(*selection).args(["-j", threads]).args(&inputs).output().unwrap();
            let report = scratch(&format!("parallel-filter-report-{i}-{threads}.ndjson"), b"");
            let full = cmd()
                .arg("filter")
                .args(*selection)
                .args(["-j", threads, "--report", path_str(&report)])
                .args(&inputs)
                .output()
                .unwrap();
            assert!(fast.stdout == full.stdout, "{selection:?}: detection alone wrote other records");
            assert_eq!(fast.status.code(), full.status.code(), "{selection:?}");
            assert_eq!(String::from_utf8_lossy(&fast.stderr), String::from_utf8_lossy(&full.stderr));
            let entries: Vec<serde_json::Value> = std::fs::read_to_string(&report)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            let summary = &entries.last().unwrap()["summary"];
            assert_eq!(summary["dropped"].as_u64(), u64::try_from(entries.len() - 1).ok(), "{selection:?}");
            assert!(summary["written"].as_u64().unwrap() > 0, "{selection:?} wrote nothing");
        }
    }
}
