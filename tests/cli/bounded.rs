//! Bounded memory and linear time on hostile input sizes: blank lines, values that inflate past
//! the limit, pretty-printed streams on standard input, and keys repeated many times. Memory is
//! checked with a generous address-space cap (`ulimit -v`), far above what the run needs and far
//! below what the unbounded reading took; nothing is timed.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

use serde_json::Value;

use crate::{path_str, root, scratch};

/// 1 GiB of address space: the bounded reading needs a fraction of it; the unbounded one took
/// several gigabytes on these inputs.
const CAP_KIB: u64 = 1 << 20;

fn gzip(parts: &[(&[u8], usize)]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    for (bytes, times) in parts {
        for _ in 0..*times {
            enc.write_all(bytes).unwrap();
        }
    }
    enc.finish().unwrap()
}

/// Runs `hookscope ARGS` under the address-space cap and returns its exit code and NDJSON results.
fn capped(args: &str) -> (i32, Vec<Value>) {
    let bin = assert_cmd::cargo::cargo_bin("hookscope");
    let script = format!("ulimit -v {CAP_KIB} && exec {} {args}", bin.display());
    let out = std::process::Command::new("sh").args(["-c", &script]).current_dir(root()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("memory allocation"), "{stderr}");
    let results = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (out.status.code().unwrap_or(-1), results)
}

#[test]
fn memory_does_not_grow_with_blank_lines() {
    let mib = vec![b'\n'; 1 << 20];
    // 64 MiB of newlines, compressed, as a document file and as NDJSON (this took 5 GB).
    let blank = gzip(&[(&mib, 64)]);
    for name in ["blank.json.gz", "blank.ndjson.gz"] {
        let path = scratch(name, &blank);
        let (code, results) = capped(&format!("validate --format ndjson {}", path_str(&path)));
        assert_eq!(code, 1, "{name}");
        assert_eq!(results.len(), 1, "{name}");
        assert!(results[0]["errors"][0]["message"].as_str().unwrap().contains("no JSON value"), "{name}");
    }
    // 50 MiB of newlines inside one object: one event, its lines counted.
    let inside = gzip(&[(b"{", 1), (&mib, 50), (b"\"a\": 1}\n{\"b\": 2}\n", 1)]);
    let path = scratch("blank-inside.json.gz", &inside);
    let (code, results) = capped(&format!("validate --format ndjson {}", path_str(&path)));
    assert_eq!(code, 1);
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["status"], "unknown");
    assert_eq!(
        (&results[1]["line"], &results[1]["column"]),
        (&Value::from(50 * 1024 * 1024 + 2), &Value::from(1))
    );
}

#[test]
fn a_value_that_inflates_past_the_limit_is_one_finding() {
    let mib = vec![b' '; 1 << 20];
    let bomb = gzip(&[(b"{\"a\": ", 1), (&mib, 200), (b"1}\n{\"b\": 2}\n", 1)]);
    let path = scratch("spaces.json.gz", &bomb);
    let (code, results) =
        capped(&format!("validate --format ndjson --max-event-bytes 8388608 {}", path_str(&path)));
    assert_eq!(code, 1);
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[0]["errors"][0]["message"],
        "event of 200 MiB exceeds the 8 MiB limit (--max-event-bytes)"
    );
    assert_eq!((&results[1]["line"], &results[1]["status"]), (&Value::from(2), &Value::from("unknown")));
    // An export of events is limited element by element, and streamed.
    let half = [&b"\""[..], &vec![b'x'; 1 << 19], b"\",\n"].concat();
    let export =
        gzip(&[(b"[\n  {\"a\": 1},\n  {\"big\": [\n", 1), (&half, 40), (b"\"\"]},\n  {\"c\": 3}\n]", 1)]);
    let path = scratch("export.json.gz", &export);
    let (_, results) =
        capped(&format!("validate --format ndjson --max-event-bytes 1048576 {}", path_str(&path)));
    let lines: Vec<_> =
        results.iter().map(|r| (r["line"].as_u64().unwrap(), r["status"].as_str().unwrap())).collect();
    assert_eq!(lines, [(2, "unknown"), (3, "unparsable"), (45, "unknown")]);
}

#[test]
fn pretty_printed_events_on_stdin_are_reported_before_the_input_ends() {
    let sample = std::fs::read_to_string(root().join("samples/daily/meeting.started.json")).unwrap();
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(&sample).unwrap()).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hookscope"))
        .args(["validate", "--format", "ndjson", "-j1", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let closed = Arc::new(AtomicBool::new(false));
    let (first_read, wait) = mpsc::channel::<()>();
    let writer = {
        let closed = Arc::clone(&closed);
        std::thread::spawn(move || {
            // Enough documents to fill the output buffer, then the input stays open until the
            // first result is read (or, should it never be, for a long while).
            for _ in 0..2000 {
                writeln!(stdin, "{pretty}").unwrap();
            }
            stdin.flush().unwrap();
            let _ = wait.recv_timeout(std::time::Duration::from_mins(5));
            closed.store(true, Ordering::SeqCst);
            drop(stdin);
        })
    };
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first: Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    assert!(!closed.load(Ordering::SeqCst), "the first result came only once the input ended");
    first_read.send(()).unwrap();
    assert_eq!(first["status"], "valid");
    assert_eq!(lines.count(), 1999);
    writer.join().unwrap();
    assert!(child.wait().unwrap().success());
}

#[test]
fn repeated_keys_are_found_in_linear_time() {
    // Quadratic before: 120,000 repeats took 103 s, these 400,000 would take most of an hour.
    let members = (0..400_000).map(|i| format!("\"id\":{i}")).collect::<Vec<_>>().join(",");
    let text = format!("{{{members},\"end\":1}}\n");
    let path = scratch("repeats.json", text.as_bytes());
    let (code, results) = capped(&format!("validate --format ndjson {}", path_str(&path)));
    assert_eq!(code, 1);
    let warnings = results[0]["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 399_999);
    assert_eq!(warnings[399_998]["column"], Value::from(text.rfind("\"id\"").unwrap() + 1));
    assert!(warnings.iter().all(|w| w["code"] == "duplicate-key"));
}
