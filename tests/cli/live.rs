//! `listen` and `send`: the real binary on an ephemeral loopback port, driven by a real HTTP
//! client (and raw TCP for malformed requests). Machine output is parsed and compared as values;
//! nothing here measures time.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use super::{cmd, root};

/// A base64 text: a valid secret for Daily (base64-decoded), Extend (its text) and Standard
/// Webhooks alike.
const SECRET: &str = "aG9va3Njb3BlLWxpdmUtdGVzdC1zZWNyZXQtMDAwMQ==";

/// A running `hookscope listen`, its address read from the line it prints on stderr.
struct Listen {
    child: Child,
    url: String,
    stderr: Arc<Mutex<Vec<String>>>,
}

impl Drop for Listen {
    /// A failed test leaves no server behind.
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// What `listen` left when it stopped.
struct Stopped {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Stopped {
    fn lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
            .collect()
    }
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("hookscope")
}

impl Listen {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(bin())
            .current_dir(root())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("TERM")
            .env("HS_SECRET", SECRET)
            .args(["listen", "--addr", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("listen starts");
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        let lines = BufReader::new(child.stderr.take().unwrap());
        let kept = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in lines.lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("hookscope: listening on ") {
                    let _ = tx.send(url.to_owned());
                }
                kept.lock().unwrap().push(line);
            }
        });
        // A generous bound so a broken build fails instead of hanging; not a timing assertion.
        let url = rx.recv_timeout(Duration::from_mins(1)).unwrap_or_else(|_| {
            let _ = child.kill();
            panic!("listen printed no address: {:?}", stderr.lock().unwrap())
        });
        Self { child, url, stderr }
    }

    fn addr(&self) -> &str {
        self.url.trim_start_matches("http://").split('/').next().unwrap()
    }

    /// SIGINT, then everything it printed.
    fn stop(mut self) -> Stopped {
        let status = Command::new("kill").args(["-INT", &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
        let mut stdout = String::new();
        self.child.stdout.take().unwrap().read_to_string(&mut stdout).unwrap();
        let code = self.child.wait().unwrap().code().expect("exited, not killed");
        // The stderr thread ends with the pipe.
        for _ in 0..100 {
            if self.stderr.lock().unwrap().iter().any(|l| l.contains("stopping (")) {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let stderr = self.stderr.lock().unwrap().join("\n");
        Stopped { code, stdout, stderr }
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).proxy(None).build().into()
}

/// Posts `body` with `headers`; the status and the answer's body.
fn post(url: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
    let mut request = agent().post(url);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let mut response = request.send(body).expect("an answer");
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap())
}

fn post_json(url: &str, body: &str) -> (u16, String) {
    post(url, &[("content-type", "application/json")], body.as_bytes())
}

/// Writes raw bytes and reads the whole answer (the server closes or answers once).
fn raw(addr: &str, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

fn send(args: &[&str]) -> (i32, Vec<Value>) {
    let out =
        cmd().env("HS_SECRET", SECRET).arg("send").args(["--format", "ndjson"]).args(args).output().unwrap();
    let lines = String::from_utf8(out.stdout).unwrap();
    let lines = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (out.status.code().unwrap(), lines)
}

fn sample(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = root().join("target").join("test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

#[test]
fn send_round_trips_every_sample_with_valid_signatures() {
    let listen = Listen::start(&["--format", "ndjson", "--secret-env", "HS_SECRET"]);
    let (code, sent) =
        send(&["--secret-env", "HS_SECRET", "--to", &listen.url, "--concurrency", "4", "samples"]);
    let stopped = listen.stop();
    assert_eq!(code, 0, "{sent:?}");
    assert_eq!(stopped.code, 0, "{}", stopped.stdout);
    let received = stopped.lines();
    assert!(sent.len() > 60, "every sample is sent: {}", sent.len());
    assert_eq!(received.len(), sent.len(), "one report line per delivery");
    for line in &sent {
        assert_eq!(line["status"], 200, "{line}");
        assert_eq!(line["signed"], line["provider"] != "alfred", "{line}");
    }
    for line in &received {
        assert_eq!(line["status"], "valid", "{line}");
        let expected = if line["provider"] == "alfred" { "unsigned" } else { "valid" };
        assert_eq!(line["signature"]["status"], expected, "{line}");
        assert_eq!(line["answer"]["status"], 200);
    }
    let mut types: Vec<&str> = received.iter().filter_map(|l| l["event_type"].as_str()).collect();
    types.sort_unstable();
    let mut sent_types: Vec<&str> = sent.iter().filter_map(|l| l["event_type"].as_str()).collect();
    sent_types.sort_unstable();
    assert_eq!(types, sent_types, "nothing lost or duplicated");
    assert!(stopped.stderr.contains("signatures: "), "{}", stopped.stderr);
}

#[test]
fn unsigned_and_badly_signed_deliveries_are_told_apart() {
    let listen = Listen::start(&["--format", "ndjson", "--secret-env", "HS_SECRET"]);
    let daily = sample("samples/daily/meeting.started.json");
    assert_eq!(post_json(&listen.url, &daily).0, 200);
    let forged = [
        ("content-type", "application/json"),
        ("X-Webhook-Signature", "fHzUrXgKjfZ9IpXbkeHYWgvWUC7wFwjdxLW7vRDdxpw="),
        ("X-Webhook-Timestamp", "1700000000"),
    ];
    assert_eq!(post(&listen.url, &forged, daily.as_bytes()).0, 200, "200 unless --reject-invalid");
    assert_eq!(post_json(&listen.url, &sample("samples/alfred/job_finished_event.json")).0, 200);
    let extend = sample("samples/extend/2026-02-09/extract_run.processed.json");
    assert_eq!(post_json(&listen.url, &extend).0, 200);
    let stopped = listen.stop();
    assert_eq!(stopped.code, 1, "a bad signature is a finding");
    let lines = stopped.lines();
    let verdicts: Vec<(&str, &str)> = lines
        .iter()
        .map(|l| (l["provider"].as_str().unwrap(), l["signature"]["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        verdicts,
        [("daily", "invalid"), ("daily", "invalid"), ("alfred", "unsigned"), ("extend", "invalid")]
    );
    assert_eq!(lines[0]["signature"]["problem"], "missing-header");
    assert!(lines.iter().all(|l| l["status"] == "valid"), "the event itself is fine");
    for text in [&stopped.stdout, &stopped.stderr] {
        assert!(!text.contains(SECRET) && !text.contains("hookscope-live-test-secret"), "secret echoed");
    }
}

#[test]
fn alfred_handshake_and_daily_probe_are_answered_from_the_catalog() {
    let listen = Listen::start(&["--format", "ndjson"]);
    let (status, body) =
        post_json(&listen.url, r#"{"type": "url_verification", "challenge": "c-123", "token": "t"}"#);
    assert_eq!(status, 200);
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap(), json!({"challenge": "c-123"}));
    let (status, body) = post_json(&listen.url, r#"{"test":"test"}"#);
    assert_eq!((status, body.as_str()), (200, ""));
    let stopped = listen.stop();
    let lines = stopped.lines();
    assert_eq!(lines[0]["provider"], "alfred");
    assert_eq!(lines[0]["event_type"], "url_verification");
    assert_eq!(lines[0]["answer"], json!({"status": 200, "by": "catalog"}));
    assert_eq!(lines[1]["provider"], "daily");
    assert_eq!(lines[1]["event_type"], "test");
    assert_eq!(lines[1]["answer"], json!({"status": 200, "by": "catalog"}));
    assert_eq!(lines[1]["signature"], Value::Null, "no secret, no check");
}

#[test]
fn malformed_requests_get_a_4xx_and_a_log_line_and_the_server_goes_on() {
    let listen = Listen::start(&["--format", "ndjson"]);
    let answer = raw(listen.addr(), b"NOT AN HTTP REQUEST\r\n\r\n");
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    let answer = raw(listen.addr(), b"POST /hooks HTTP/1.1\r\nHost: x\r\nContent-Length: zz\r\n\r\n{}");
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    let answer = raw(
        listen.addr(),
        b"POST /hooks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
    );
    assert!(answer.starts_with("HTTP/1.1 400"), "a broken chunked body: {answer}");
    assert_eq!(agent().get(&listen.url).call().unwrap().status().as_u16(), 405);
    let elsewhere = listen.url.replace("/hooks", "/other");
    assert_eq!(post_json(&elsewhere, "{}").0, 404);
    // A body that is not JSON is still a delivery: answered, reported unparsable.
    assert_eq!(post_json(&listen.url, "{not json").0, 200);
    assert_eq!(post_json(&listen.url, &sample("samples/daily/meeting.ended.json")).0, 200);
    let stopped = listen.stop();
    let lines = stopped.lines();
    assert_eq!(lines.len(), 2, "{}", stopped.stdout);
    assert_eq!(lines[0]["status"], "unparsable");
    assert_eq!(lines[1]["status"], "valid");
    assert_eq!(stopped.code, 1, "an unparsable delivery is a finding");
    for expected in ["malformed request", "405 for GET /hooks", "404 for POST /other", "could not be read"] {
        assert!(stopped.stderr.contains(expected), "{expected:?} in:\n{}", stopped.stderr);
    }
}

#[test]
fn oversized_bodies_get_413() {
    let listen = Listen::start(&["--format", "ndjson", "--max-event-bytes", "1000"]);
    let big = format!(r#"{{"test": "{}"}}"#, "x".repeat(2000));
    assert_eq!(post_json(&listen.url, &big).0, 413);
    let chunked = format!(
        "POST /hooks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{big}\r\n0\r\n\r\n",
        big.len()
    );
    let answer = raw(listen.addr(), chunked.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 413"), "without a Content-Length too: {answer}");
    assert_eq!(post_json(&listen.url, r#"{"test":"test"}"#).0, 200, "the server goes on");
    let stopped = listen.stop();
    assert_eq!(stopped.lines().len(), 1);
    assert_eq!(stopped.stderr.matches(": 413 for POST /hooks").count(), 2, "{}", stopped.stderr);
}

/// A handler that answers `201 handled` to each request and hands over what it received.
fn handler(requests: usize) -> (String, mpsc::Receiver<(String, Vec<u8>)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/app", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                    break;
                }
                head.push_str(&line);
            }
            let length = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_owned())
                })
                .map_or(0, |v| v.parse().unwrap());
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            stream
                .write_all(b"HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nContent-Length: 7\r\nConnection: close\r\n\r\nhandled")
                .unwrap();
            tx.send((head, body)).unwrap();
        }
    });
    (url, rx)
}

#[test]
fn forward_to_relays_the_handlers_status_and_body() {
    let (url, received) = handler(1);
    let listen = Listen::start(&["--format", "ndjson", "--forward-to", &url]);
    let body = sample("samples/daily/recording.ready-to-download.json");
    let (status, answer) =
        post(&listen.url, &[("content-type", "application/json"), ("X-Custom", "kept")], body.as_bytes());
    assert_eq!((status, answer.as_str()), (201, "handled"));
    let (head, forwarded) = received.recv().unwrap();
    assert_eq!(forwarded, body.as_bytes(), "the exact bytes");
    assert!(head.starts_with("POST /app HTTP/1.1"), "{head}");
    assert!(head.to_ascii_lowercase().contains("x-custom: kept"), "{head}");
    let stopped = listen.stop();
    let lines = stopped.lines();
    assert_eq!(lines[0]["forward"]["status"], 201);
    assert!(lines[0]["forward"]["latency_ms"].is_number());
    assert_eq!(lines[0]["answer"], json!({"status": 201, "by": "handler"}));
    assert_eq!(lines[0]["status"], "valid");
}

#[test]
fn an_unreachable_handler_is_a_502() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let listen = Listen::start(&["--format", "ndjson", "--forward-to", &format!("http://127.0.0.1:{port}/")]);
    assert_eq!(post_json(&listen.url, r#"{"test":"test"}"#).0, 502);
    let lines = listen.stop().lines();
    assert_eq!(lines[0]["answer"]["by"], "gateway");
    assert!(lines[0]["forward"]["error"].as_str().unwrap().contains("cannot reach"));
}

#[test]
fn reject_invalid_answers_bad_deliveries_with_the_chosen_status() {
    let listen = Listen::start(&["--reject-invalid", "422", "--secret-env", "HS_SECRET"]);
    let mut invalid: Value = serde_json::from_str(&sample("samples/daily/meeting.started.json")).unwrap();
    invalid["payload"].as_object_mut().unwrap().remove("room");
    assert_eq!(post_json(&listen.url, &invalid.to_string()).0, 422, "invalid");
    assert_eq!(post_json(&listen.url, &sample("samples/daily/meeting.started.json")).0, 422, "unsigned");
    assert_eq!(post_json(&listen.url, &sample("samples/alfred/job_finished_event.json")).0, 200, "valid");
    let stopped = listen.stop();
    assert_eq!(stopped.code, 1);
    let lines: Vec<&str> = stopped.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "three lines and the summary:\n{}", stopped.stdout);
    assert!(
        lines[0].contains("invalid daily meeting.started")
            && lines[0].contains("answered 422 (--reject-invalid)")
    );
    assert!(lines[1].contains("signature invalid"), "{}", lines[1]);
    assert!(lines[2].contains("valid alfred job_finished_event") && lines[2].contains("answered 200"));
    assert_eq!(lines[3], "3 events: 2 valid, 1 invalid, 0 unknown, 0 unparsable; 4 warnings");
    let default = Listen::start(&["--reject-invalid"]);
    assert_eq!(post_json(&default.url, "{}").0, 400, "400 unless a status is named");
    assert_eq!(default.stop().code, 1);
}

#[test]
fn sigint_finishes_and_prints_the_summary() {
    let listen = Listen::start(&[]);
    assert_eq!(post_json(&listen.url, &sample("samples/daily/meeting.started.json")).0, 200);
    assert_eq!(post_json(&listen.url, &sample("samples/alfred/job_finished_event.json")).0, 200);
    let stopped = listen.stop();
    assert_eq!(stopped.code, 0);
    let lines: Vec<&str> = stopped.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", stopped.stdout);
    assert!(
        lines[0].starts_with("delivery 1: valid daily meeting.started 1.0.0; answered 200"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[2], "2 events: 2 valid, 0 invalid, 0 unknown, 0 unparsable; 4 warnings");
    assert!(stopped.stderr.contains("stopping (SIGINT)"), "{}", stopped.stderr);
}

#[test]
fn events_globs_filter_the_report_only() {
    let listen = Listen::start(&["--format", "ndjson", "--events", "meeting.*"]);
    assert_eq!(post_json(&listen.url, &sample("samples/daily/meeting.started.json")).0, 200);
    assert_eq!(post_json(&listen.url, &sample("samples/daily/participant.joined.json")).0, 200);
    let stopped = listen.stop();
    let lines = stopped.lines();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["event_type"], "meeting.started");
    assert!(stopped.stderr.contains("2 deliveries received; 1 not reported"), "{}", stopped.stderr);
}

#[test]
fn saved_captures_read_back_unchanged_and_replay_identically() {
    let first = scratch_dir("live-save-1");
    let listen = Listen::start(&[
        "--format",
        "ndjson",
        "--secret-env",
        "HS_SECRET",
        "--save",
        first.to_str().unwrap(),
    ]);
    let (code, _) =
        send(&["--secret-env", "HS_SECRET", "--to", &listen.url, "--sample", "recording.ready-to-download"]);
    assert_eq!(code, 0);
    let live = listen.stop().lines();
    let saved = files(&first);
    assert_eq!(saved.len(), 1);
    assert!(saved[0].extension().is_some_and(|e| e == "http"));

    // validate reads the capture as listen analysed it.
    let (code, report) = super::validate_json(&[saved[0].to_str().unwrap()]);
    assert_eq!(code, 0);
    let validated = &report["results"][0];
    for field in
        ["source", "line", "column", "provider", "event_type", "api_version", "status", "errors", "warnings"]
    {
        assert_eq!(validated[field], live[0][field], "{field}");
    }
    // verify accepts its signature.
    let out = cmd()
        .env("HS_SECRET", SECRET)
        .args(["verify", "--secret-env", "HS_SECRET", "--format", "json"])
        .arg(&saved[0])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));

    // Replayed with its own signature, it arrives byte for byte the same.
    let second = scratch_dir("live-save-2");
    let listen = Listen::start(&[
        "--format",
        "ndjson",
        "--secret-env",
        "HS_SECRET",
        "--save",
        second.to_str().unwrap(),
    ]);
    let (code, sent) = send(&["--keep-signature", "--to", &listen.url, saved[0].to_str().unwrap()]);
    assert_eq!(code, 0, "{sent:?}");
    let replayed = listen.stop().lines();
    assert_eq!(replayed[0]["signature"]["status"], "valid");
    let without_host = |path: &Path| {
        let text = std::fs::read_to_string(path).unwrap();
        text.lines().filter(|l| !l.starts_with("host:")).map(str::to_owned).collect::<Vec<_>>()
    };
    assert_eq!(without_host(&files(&second)[0]), without_host(&saved[0]));

    // diff sees no difference between the two.
    let out = cmd().arg("diff").arg(&saved[0]).arg(&files(&second)[0]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn send_sets_fields_resigns_captures_and_reports_errors() {
    let listen =
        Listen::start(&["--format", "ndjson", "--secret-env", "HS_SECRET", "--reject-invalid", "409"]);
    let (code, sent) = send(&[
        "--secret-env",
        "HS_SECRET",
        "--to",
        &listen.url,
        "--sample",
        "meeting.started",
        "--set",
        "/payload/room=renamed",
        "--set",
        "/payload/extra=1",
    ]);
    assert_eq!(code, 0, "{sent:?}");
    let (code, sent) = send(&["--to", &listen.url, "--sample", "meeting.started"]);
    assert_eq!(code, 1, "409 for an unsigned delivery is an error answer");
    assert_eq!(sent[0]["status"], 409);
    let stopped = listen.stop();
    let lines = stopped.lines();
    assert_eq!(lines[0]["signature"]["status"], "valid", "signed after the override");
    assert_eq!(lines[0]["warnings"][0]["pointer"], "/payload/extra");
    assert_eq!(lines[1]["signature"]["status"], "invalid");

    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let (code, sent) = send(&["--to", &format!("http://127.0.0.1:{port}/"), "--sample", "test"]);
    assert_eq!(code, 1, "no answer is a finding");
    assert!(sent[0]["error"].as_str().unwrap().contains("cannot reach"));
}

#[test]
fn usage_errors() {
    let out =
        cmd().args(["send", "--to", "http://127.0.0.1:9/", "--sample", "no.such.type"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = cmd().args(["send", "--to", "https://example.com/", "--sample", "test"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "only local http handlers");
    let out = cmd().args(["listen", "--reject-invalid", "200"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let out = cmd().args(["listen", "--addr", &taken.local_addr().unwrap().to_string()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot listen on"));
}

#[test]
fn beyond_the_connection_bound_a_delivery_gets_503_with_retry_after() {
    let listen = Listen::start(&["--format", "ndjson", "--max-connections", "1"]);
    // An open connection that sends nothing holds the only slot.
    let holder = TcpStream::connect(listen.addr()).unwrap();
    let mut response = agent().post(&listen.url).send(r#"{"test":"test"}"#).unwrap();
    assert_eq!(response.status().as_u16(), 503);
    assert_eq!(response.headers().get("retry-after").unwrap(), "1");
    drop(holder);
    let _ = response.body_mut().read_to_string();
    let stopped = listen.stop();
    assert!(stopped.stderr.contains("503 for POST /hooks: all 1 connections busy"), "{}", stopped.stderr);
    assert!(stopped.lines().is_empty(), "a refused delivery is not received");
}

#[test]
fn sigterm_finishes_a_delivery_in_flight_before_stopping() {
    // The handler tells when the delivery reached it, then waits for the go-ahead to answer.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let (reached_tx, reached) = mpsc::channel();
    let (go_tx, go) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut buf = [0u8; 4096];
        let _ = stream.read(&mut buf).unwrap();
        reached_tx.send(()).unwrap();
        go.recv().unwrap();
        stream
            .write_all(b"HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
            .unwrap();
    });
    let listen = Listen::start(&["--format", "ndjson", "--forward-to", &url]);
    let target = listen.url.clone();
    let client = std::thread::spawn(move || post_json(&target, r#"{"test":"test"}"#));
    reached.recv().unwrap();
    let pid = listen.child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    // The signal lands while the handler still holds the delivery.
    for _ in 0..500 {
        if listen.stderr.lock().unwrap().iter().any(|l| l.contains("stopping (SIGTERM)")) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    go_tx.send(()).unwrap();
    assert_eq!(client.join().unwrap(), (202, "ok".to_owned()));
    let mut listen = listen;
    let mut stdout = String::new();
    listen.child.stdout.take().unwrap().read_to_string(&mut stdout).unwrap();
    assert_eq!(listen.child.wait().unwrap().code(), Some(0));
    let line: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(line["answer"], json!({"status": 202, "by": "handler"}));
}

#[test]
fn slow_requests_time_out_and_idle_connections_close_quietly() {
    let listen = Listen::start(&["--format", "ndjson", "--read-timeout", "1", "--idle-timeout", "1"]);
    let answer = raw(listen.addr(), b"POST /hooks HTTP/1.1\r\nHost: x\r\nContent-Length: 15\r\n\r\n{\"te");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    let answer = raw(listen.addr(), b"POST /hooks HTTP/1.1\r\nHo");
    assert!(answer.is_empty(), "headers never completed: closed without an answer");
    let kept = raw(
        listen.addr(),
        b"POST /hooks HTTP/1.1\r\nHost: x\r\nContent-Length: 15\r\n\r\n{\"test\":\"test\"}",
    );
    assert!(kept.starts_with("HTTP/1.1 200"), "answered, then closed once idle: {kept}");
    let stopped = listen.stop();
    assert_eq!(stopped.lines().len(), 1);
    assert!(
        stopped.stderr.contains("408 for POST /hooks: body not received within 1 s"),
        "{}",
        stopped.stderr
    );
    assert_eq!(stopped.stderr.matches("headers not received").count(), 1, "{}", stopped.stderr);
}

#[test]
fn the_405_log_line_shortens_a_huge_method() {
    let listen = Listen::start(&["--format", "ndjson"]);
    let method = "X".repeat(70_000);
    let request = format!("{method} /hooks HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    let answer = raw(listen.addr(), request.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 405"), "{}", &answer[..answer.len().min(200)]);
    let stopped = listen.stop();
    assert!(
        stopped.stderr.contains(&format!("405 for {}… /hooks", "X".repeat(39))),
        "{}",
        stopped.stderr.len()
    );
    assert!(!stopped.stderr.contains(&"X".repeat(41)));
}
