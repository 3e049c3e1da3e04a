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
    let out = cmd().args(["send", "--to", "ftp://127.0.0.1/", "--sample", "test"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "only http:// and https:// handlers");
    let out = cmd().args(["listen", "--reject-invalid", "200"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = cmd().args(["listen", "--forward-to", "http://127.0.0.1:99999/"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("port 99999 is out of range"), "{out:?}");
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

/// Threads of a running process, from `/proc`.
fn threads_of(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status.lines().find_map(|l| l.strip_prefix("Threads:")).unwrap().trim().parse().unwrap()
}

/// A handler that reads `n` requests on `n` connections and holds every answer until all `n`
/// have arrived (so they are provably in flight at once), then calls `check`, then answers
/// each `200`.
fn holding_handler(n: usize, check: impl FnOnce() + Send + 'static) -> (String, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let held = std::thread::spawn(move || {
        let mut streams = Vec::new();
        for stream in listener.incoming().take(n) {
            let stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            streams.push(stream);
        }
        check();
        for mut stream in streams {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        }
    });
    (url, held)
}

#[test]
fn send_rejects_out_of_range_ports_and_rates_and_an_empty_standard_input() {
    let out = cmd().args(["send", "--to", "http://127.0.0.1:99999/", "--sample", "test"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("port 99999 is out of range"), "{out:?}");
    for rate in ["1e-300", "5e-324", "1e-19", "0", "-1", "NaN", "inf", "1e7"] {
        let out = cmd()
            .args(["send", "--to", "http://127.0.0.1:9/", "--sample", "test", &format!("--rate={rate}")])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--rate {rate}: {stderr}");
        assert!(stderr.contains("deliveries per second") && !stderr.contains("panicked"), "{stderr}");
    }
    let out = cmd().args(["send", "--to", "http://127.0.0.1:9/"]).write_stdin("").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to send"), "{out:?}");
    let out = cmd().args(["send", "--to", "http://127.0.0.1:9/", "-"]).write_stdin("").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "`-` alone too");
    for bad in ["no colon", "Bad Name: x", ": x"] {
        let out =
            cmd().args(["send", "--to", "http://127.0.0.1:9/", "--sample", "test", "--header", bad]).output();
        assert_eq!(out.unwrap().status.code(), Some(2), "--header {bad:?}");
    }
    for bad in ["yesterday", "now-", "now*3", "12.5"] {
        let out = cmd()
            .args(["send", "--to", "http://127.0.0.1:9/", "--sample", "test", "--timestamp", bad])
            .output();
        assert_eq!(out.unwrap().status.code(), Some(2), "--timestamp {bad:?}");
    }
}

#[test]
fn send_adds_headers_and_signs_at_the_given_time() {
    let (url, received) = handler(2);
    let (code, sent) = send(&[
        "--secret-env",
        "HS_SECRET",
        "--to",
        &url,
        "--sample",
        "meeting.started",
        "--timestamp",
        "1700000000",
        "--header",
        "X-Trace: abc 1",
        "-H",
        "content-type: application/json; charset=utf-8",
    ]);
    assert_eq!((code, sent[0]["status"].as_u64()), (0, Some(201)), "{sent:?}");
    let (head, _) = received.recv().unwrap();
    let head = head.to_ascii_lowercase();
    assert!(head.contains("x-webhook-timestamp: 1700000000\r\n"), "{head}");
    assert!(head.contains("x-trace: abc 1\r\n"), "{head}");
    assert_eq!(head.matches("content-type:").count(), 1, "--header replaces: {head}");
    assert!(head.contains("content-type: application/json; charset=utf-8"), "{head}");

    let (code, sent) = send(&[
        "--secret-env",
        "HS_SECRET",
        "--to",
        &url,
        "--sample",
        "meeting.started",
        "--timestamp",
        "now-300",
    ]);
    assert_eq!((code, sent[0]["status"].as_u64()), (0, Some(201)));
    let (head, _) = received.recv().unwrap();
    let at: i64 = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase().strip_prefix("x-webhook-timestamp:").map(|v| v.trim().to_owned())
        })
        .unwrap()
        .parse()
        .unwrap();
    let now =
        i64::try_from(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs())
            .unwrap();
    assert!((now - 400..now - 200).contains(&at), "five minutes back: {at} vs {now}");
}

#[test]
fn send_gives_a_header_typed_provider_its_type_header_so_listen_can_tell_the_event() {
    let catalog = scratch_dir("live-header-typed");
    let out = cmd()
        .args([
            "catalog",
            "import",
            "tests/fixtures/openapi/github-webhooks.json",
            "--provider",
            "github",
            "--out",
        ])
        .arg(&catalog)
        .output()
        .unwrap();
    assert!(catalog.join("github/provider.json").exists(), "{out:?}");
    let listen =
        Listen::start(&["--format", "ndjson", "--no-config", "--catalog", catalog.to_str().unwrap()]);
    let url = listen.url.clone();
    let out = cmd()
        .args([
            "--no-config",
            "--catalog",
            catalog.to_str().unwrap(),
            "send",
            "--format",
            "ndjson",
            "--to",
            &url,
        ])
        .args(["--sample", "repository.deleted", "--sample", "ping"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = listen.stop().stdout;
    let got: Vec<(String, String)> = stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|v| {
            (
                v["provider"].as_str().unwrap_or("?").to_owned(),
                v["event_type"].as_str().unwrap_or("?").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("github".to_owned(), "repository.deleted".to_owned()), ("github".to_owned(), "ping".to_owned())],
        "{stdout}"
    );
}

#[test]
fn a_thousand_send_slots_cost_tasks_not_threads() {
    const N: usize = 200;
    let pid = Arc::new(Mutex::new(None::<u32>));
    let seen = Arc::new(Mutex::new(0usize));
    let (url, held) = {
        let (pid, seen) = (Arc::clone(&pid), Arc::clone(&seen));
        holding_handler(N, move || *seen.lock().unwrap() = threads_of(pid.lock().unwrap().unwrap()))
    };
    // By host name, as a user would give it.
    let url = url.replace("127.0.0.1", "localhost");
    let mut args = vec!["send", "--format", "ndjson", "--concurrency", "1024", "--to", &url];
    for _ in 0..N {
        args.extend(["--sample", "test"]);
    }
    let child = Command::new(bin())
        .current_dir(root())
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    *pid.lock().unwrap() = Some(child.id());
    held.join().unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), N, "every delivery answered");
    let threads = *seen.lock().unwrap();
    assert!(threads < 16, "{N} deliveries in flight at once on {threads} threads");
}

/// A self-signed certificate for `localhost`, made here: its PEM file and the server's TLS
/// set-up.
fn self_signed(name: &str) -> (PathBuf, Arc<rustls::ServerConfig>) {
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let pem = super::scratch(&format!("{name}.pem"), made.cert.pem().as_bytes());
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(made.signing_key.serialize_der().into());
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![made.cert.der().clone()], key)
        .unwrap();
    (pem, Arc::new(config))
}

/// An https handler on loopback that answers `201 handled` to each request, one connection at
/// a time, and hands over each request's head; a failed handshake is skipped.
fn tls_handler(config: Arc<rustls::ServerConfig>) -> (u16, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let connection = rustls::ServerConnection::new(Arc::clone(&config)).unwrap();
            let mut tls = rustls::StreamOwned::new(connection, stream);
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") {
                match tls.read(&mut byte) {
                    Ok(1) => head.push(byte[0]),
                    _ => break,
                }
            }
            let head = String::from_utf8_lossy(&head).into_owned();
            let Some(length) = head.lines().find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-length:")
                    .map(|v| v.trim().parse::<usize>().unwrap())
            }) else {
                continue;
            };
            let mut body = vec![0; length];
            if tls.read_exact(&mut body).is_err() {
                continue;
            }
            let _ = tls.write_all(
                b"HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nContent-Length: 7\r\nConnection: close\r\n\r\nhandled",
            );
            let _ = tls.flush();
            tls.conn.send_close_notify();
            let _ = tls.flush();
            if tx.send(head).is_err() {
                return;
            }
        }
    });
    (port, rx)
}

#[test]
fn send_and_forward_to_reach_https_handlers_with_the_given_roots() {
    let (pem, config) = self_signed("live-tls");
    let (other, _) = self_signed("live-tls-other");
    let (port, heads) = tls_handler(config);
    let url = format!("https://localhost:{port}/app");
    // Trusted through --cacert.
    let out = cmd()
        .args(["send", "--format", "ndjson", "--sample", "test", "--to", &url, "--cacert"])
        .arg(&pem)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["status"], 201);
    assert!(heads.recv().unwrap().starts_with("POST /app HTTP/1.1"));
    // Without it, the system's roots (here: another certificate) do not vouch for it.
    let out = cmd()
        .env("SSL_CERT_FILE", &other)
        .env_remove("SSL_CERT_DIR")
        .args(["send", "--format", "ndjson", "--sample", "test", "--to", &url])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    let error = line["error"].as_str().unwrap();
    assert!(error.starts_with("cannot reach the handler: ") && error.contains("certificate"), "{error}");
    // A --cacert that is not PEM is a usage error.
    let out =
        cmd().args(["send", "--sample", "test", "--to", &url, "--cacert", "README.md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--cacert README.md"), "{out:?}");

    // listen forwards through the same client.
    let listen =
        Listen::start(&["--format", "ndjson", "--forward-to", &url, "--cacert", pem.to_str().unwrap()]);
    let (status, body) = post_json(&listen.url, r#"{"test":"test"}"#);
    assert_eq!((status, body.as_str()), (201, "handled"));
    let lines = listen.stop().lines();
    assert_eq!(lines[0]["answer"], json!({"status": 201, "by": "handler"}));
}

/// Runs `listen` with any arguments (not only on 127.0.0.1:0), its stderr read until it says
/// where it listens.
fn listen_with(args: &[&str]) -> Listen {
    let mut child = Command::new(bin())
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("TERM")
        .arg("listen")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
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
    let url = rx.recv_timeout(Duration::from_mins(1)).unwrap_or_else(|_| {
        let _ = child.kill();
        panic!("listen printed no address: {:?}", stderr.lock().unwrap())
    });
    Listen { child, url, stderr }
}

/// A handler that answers each of `n` requests with `status` and `body`.
fn answering_handler(n: usize, status: u16, body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(n) {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
            }
            let mut request = vec![0; length];
            reader.read_exact(&mut request).unwrap();
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/x-test\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    url
}

#[test]
fn a_client_that_half_closes_after_a_whole_request_is_answered_and_reported() {
    let listen = Listen::start(&["--format", "ndjson"]);
    let body = r#"{"test":"test"}"#;
    let request = format!("POST /hooks HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{body}", body.len());
    for _ in 0..20 {
        let mut stream = TcpStream::connect(listen.addr()).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        stream.shutdown(std::net::Shutdown::Write).unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        assert!(answer.starts_with("HTTP/1.1 200"), "answered after the half-close: {answer:?}");
    }
    let stopped = listen.stop();
    assert_eq!(stopped.lines().len(), 20, "every delivery reported:\n{}", stopped.stderr);
    assert!(!stopped.stderr.contains("before the request was complete"), "{}", stopped.stderr);
}

#[test]
fn a_second_signal_abandons_the_forward_but_still_reports_the_saved_delivery() {
    // The handler takes the delivery and never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let handler_url = format!("http://{}/", listener.local_addr().unwrap());
    let (reached_tx, reached) = mpsc::channel();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut buf = [0u8; 4096];
        let _ = stream.read(&mut buf).unwrap();
        reached_tx.send(()).unwrap();
        std::thread::sleep(Duration::from_mins(5));
        drop(stream);
    });
    let dir = scratch_dir("live-second-signal");
    let mut listen = Listen::start(&[
        "--forward-to",
        &handler_url,
        "--forward-timeout",
        "600",
        "--save",
        dir.to_str().unwrap(),
    ]);
    let target = listen.url.clone();
    std::thread::spawn(move || {
        let _ = agent().post(&target).send(r#"{"test":"test"}"#);
    });
    reached.recv().unwrap();
    let pid = listen.child.id().to_string();
    let said = |listen: &Listen, what: &str| {
        for _ in 0..1000 {
            if listen.stderr.lock().unwrap().iter().any(|l| l.contains(what)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("never said {what:?}: {:?}", listen.stderr.lock().unwrap());
    };
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    said(&listen, "stopping (SIGINT)");
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    said(&listen, "SIGTERM again: stopping now");
    // A generous bound so a hang fails instead of waiting out the forward timeout.
    let mut code = None;
    for _ in 0..3000 {
        if let Some(status) = listen.child.try_wait().unwrap() {
            code = status.code();
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let code = code.expect("stopped at the second signal, not after the forward timeout");
    let mut stdout = String::new();
    listen.child.stdout.take().unwrap().read_to_string(&mut stdout).unwrap();
    assert_eq!(files(&dir).len(), 1, "the delivery was saved");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].contains("listen was stopped before the handler answered"), "{}", lines[0]);
    assert_eq!(lines[1], "1 event: 1 valid, 0 invalid, 0 unknown, 0 unparsable; 0 warnings");
    assert_eq!(code, 0);
}

#[test]
fn a_save_folder_that_cannot_be_written_stops_listen_at_start_and_a_later_failure_is_counted() {
    let file = super::scratch("live-save-notadir", b"x");
    let out = cmd().args(["listen", "--addr", "127.0.0.1:0", "--save"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("a file is there, not a folder") && !stderr.contains("File exists"), "{stderr}");
    let out =
        cmd().args(["listen", "--addr", "127.0.0.1:0", "--save", "/proc/hookscope-cannot"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--save /proc/hookscope-cannot: cannot"),
        "{out:?}"
    );

    // The folder goes away after the start: each delivery says so, is counted, and exits 2.
    let dir = scratch_dir("live-save-gone");
    let listen = Listen::start(&["--save", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, "now a file").unwrap();
    let (status, _) = post_json(&listen.url, r#"{"test":"test"}"#);
    assert_eq!(status, 500, "not kept: the sender should retry");
    let stopped = listen.stop();
    std::fs::remove_file(&dir).unwrap();
    assert_eq!(stopped.code, 2);
    let lines: Vec<&str> = stopped.stdout.lines().collect();
    assert!(
        lines[0].starts_with("delivery 1: valid daily test") && lines[0].contains("; not saved: "),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "1 event: 1 valid, 0 invalid, 0 unknown, 0 unparsable; 0 warnings");
    assert!(stopped.stderr.contains("1 delivery of 1 not saved"), "{}", stopped.stderr);
}

#[test]
fn handler_answers_are_relayed_whole_up_to_the_limit_and_a_larger_one_is_a_502() {
    let big = vec![b'a'; 3000];
    let url = answering_handler(2, 201, big.clone());
    let listen = Listen::start(&["--format", "ndjson", "--forward-to", &url, "--max-answer-bytes", "3000"]);
    let (status, body) = post_json(&listen.url, r#"{"test":"test"}"#);
    assert_eq!((status, body.len()), (201, 3000), "relayed whole");
    let stopped = listen.stop();
    assert_eq!(stopped.lines()[0]["answer"], json!({"status": 201, "by": "handler"}));

    let url = answering_handler(1, 200, big);
    let listen = Listen::start(&["--format", "ndjson", "--forward-to", &url, "--max-answer-bytes", "2999"]);
    let (status, body) = post_json(&listen.url, r#"{"test":"test"}"#);
    assert_eq!(status, 502);
    assert!(body.contains("over --max-answer-bytes (2999 bytes)"), "{body}");
    let line = &listen.stop().lines()[0];
    assert_eq!(line["answer"], json!({"status": 502, "by": "gateway"}));
    assert!(
        line["forward"]["error"].as_str().unwrap().contains("the handler answered 200 with a body over"),
        "{line}"
    );
    let help = cmd().args(["listen", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    let default_of = |flag: &str| {
        let at = help.find(flag).unwrap_or_else(|| panic!("{flag} in:\n{help}"));
        let rest = &help[at..];
        rest[rest.find("[default: ").unwrap()..].split(']').next().unwrap().to_owned()
    };
    assert_eq!(default_of("--max-answer-bytes <BYTES>"), "[default: 4194304");
    assert_eq!(default_of("--analysis-timeout <SECONDS>"), "[default: 10");
}

#[test]
fn past_the_analysis_timeout_the_answer_goes_first_and_the_report_follows() {
    let listen = Listen::start(&["--format", "ndjson", "--reject-invalid", "--analysis-timeout", "0"]);
    // Invalid, but the answer does not wait to find out: as if valid.
    assert_eq!(post_json(&listen.url, "{}").0, 200);
    let stopped = listen.stop();
    let lines = stopped.lines();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["answer"], json!({"status": 200, "by": "listen", "before_analysis": true}));
    assert_eq!(lines[0]["status"], "unknown", "the analysis is still reported");
    assert_eq!(stopped.code, 1);

    let listen = Listen::start(&["--reject-invalid"]);
    assert_eq!(post_json(&listen.url, "{}").0, 400, "by default the answer waits for the analysis");
    let stopped = listen.stop();
    assert!(!stopped.stdout.contains("before its analysis"), "{}", stopped.stdout);
    let listen = Listen::start(&["--analysis-timeout", "0"]);
    assert_eq!(post_json(&listen.url, "{}").0, 200);
    let stopped = listen.stop();
    assert!(stopped.stdout.contains("answered 200 in "), "{}", stopped.stdout);
    assert!(
        stopped.stdout.contains(" before its analysis finished (--analysis-timeout)"),
        "{}",
        stopped.stdout
    );
}

#[test]
fn listen_takes_a_host_name_and_says_delivery_in_the_singular() {
    let listen = listen_with(&["--addr", "localhost:0", "--events", "nothing.*"]);
    assert!(listen.url.contains("127.0.0.1:") || listen.url.contains("[::1]:"), "{}", listen.url);
    assert_eq!(post_json(&listen.url, r#"{"test":"test"}"#).0, 200);
    let stopped = listen.stop();
    assert!(stopped.stderr.contains("1 delivery received; 1 not reported"), "{}", stopped.stderr);
    let out = cmd().args(["listen", "--addr", "no-such-host.invalid:8787"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot listen on no-such-host.invalid:8787"),
        "{out:?}"
    );
}

#[test]
fn an_unreachable_handler_is_named_once_in_the_human_line() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let listen = Listen::start(&["--forward-to", &format!("http://127.0.0.1:{port}/")]);
    assert_eq!(post_json(&listen.url, r#"{"test":"test"}"#).0, 502);
    let stopped = listen.stop();
    let line = stopped.stdout.lines().next().unwrap();
    assert!(
        line.contains("; cannot reach the handler: ") && !line.contains("handler cannot reach"),
        "{line}"
    );
}

#[test]
fn forwarding_costs_a_task_not_a_thread_per_delivery() {
    const N: usize = 60;
    let pid = Arc::new(Mutex::new(None::<u32>));
    let seen = Arc::new(Mutex::new(0usize));
    let (url, held) = {
        let (pid, seen) = (Arc::clone(&pid), Arc::clone(&seen));
        holding_handler(N, move || *seen.lock().unwrap() = threads_of(pid.lock().unwrap().unwrap()))
    };
    let listen = Listen::start(&["--format", "ndjson", "--forward-to", &url, "--max-connections", "128"]);
    *pid.lock().unwrap() = Some(listen.child.id());
    let mut args = vec!["send", "--format", "ndjson", "--concurrency", "64", "--to", &listen.url];
    for _ in 0..N {
        args.extend(["--sample", "test"]);
    }
    let out = cmd().args(&args).output().unwrap();
    held.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let stopped = listen.stop();
    assert_eq!(stopped.lines().len(), N);
    let threads = *seen.lock().unwrap();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    assert!(threads <= cores + 8, "{N} forwards in flight on {threads} threads ({cores} analysis threads)");
}
