//! `hookscope listen`: a local receiver for live deliveries. Each delivery is saved (with
//! `--save`), analysed by the same entry as `validate`, its signature checked (with a secret),
//! answered (the catalog's reply for handshakes and probes, the handler's answer with
//! `--forward-to`, a chosen status for bad deliveries with `--reject-invalid`, else 200) and
//! reported in one line. Ctrl-C or SIGTERM finishes the deliveries in flight, then prints the
//! summary `validate` prints.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Serialize;

use super::UsageError;
use super::verify::{CheckOptions, Verdict, VerifyStatus, check_delivery, unix_now};
use crate::analyze::Analyzer;
use crate::cli::ListenArgs;
use crate::config::Config;
use crate::detect::Forced;
use crate::exit::Outcome;
use crate::input::{Record, http_records};
use crate::live::client::{self, Client, PostError, Target};
use crate::live::save::{Saver, capture};
use crate::live::server::{Answer, Handler, Limits, Log, Received, serve};
use crate::output::{Output, Styles, escape_controls};
use crate::policy::Policy;
use crate::report::format::Format;
use crate::report::styles_for;
use crate::report::{EventResult, Items, Summary, identity, iso8601, render_summary_line};
use crate::secret::Secrets;

/// How long a connection beyond `--max-connections` waits for a free slot before its 503.
const QUEUE_WAIT: Duration = Duration::from_secs(2);

/// A signature verdict, as `verify` gives it (`verify::check_delivery`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SignatureVerdict {
    pub status: VerifyStatus,
    /// The scheme used: chosen by the signature headers present, else the provider's default.
    pub scheme: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<&'static str>,
    pub message: String,
}

impl SignatureVerdict {
    fn fails(&self) -> bool {
        matches!(self.status, VerifyStatus::Invalid | VerifyStatus::Unknown)
    }
}

/// A delivery's signature checked exactly as `verify` does (`verify::check_delivery`).
impl From<Verdict> for SignatureVerdict {
    fn from(verdict: Verdict) -> Self {
        Self {
            status: verdict.status,
            scheme: verdict.scheme.map(|(name, _)| name),
            problem: verdict.problem,
            message: verdict.message,
        }
    }
}

/// Who decided the answer.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "kebab-case")]
enum AnsweredBy {
    /// The default 200.
    Listen,
    /// The catalog's reply to a handshake or probe.
    Catalog,
    /// `--reject-invalid`.
    Reject,
    /// The handler behind `--forward-to`.
    Handler,
    /// The handler could not be reached (502) or did not answer in time (504).
    Gateway,
}

#[derive(Debug, Serialize)]
struct AnswerInfo {
    status: u16,
    by: AnsweredBy,
}

#[derive(Debug, Serialize)]
struct ForwardInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    latency_ms: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// One delivery's line in the report: `validate`'s result object plus the signature verdict,
/// the answer, and the handler's status and latency.
#[derive(Debug, Serialize)]
struct Delivered {
    #[serde(flatten)]
    result: EventResult,
    signature: Option<SignatureVerdict>,
    answer: AnswerInfo,
    #[serde(skip_serializing_if = "Option::is_none")]
    forward: Option<ForwardInfo>,
    received_at: Option<String>,
    latency_ms: f64,
    /// Matches `--events` (or there is none).
    #[serde(skip)]
    reported: bool,
}

/// What the analysis threads make of a delivery.
struct Examined {
    received: Received,
    result: EventResult,
    signature: Option<SignatureVerdict>,
    /// The catalog's required answer: status and body.
    reply: Option<(u16, Option<Vec<u8>>)>,
    reported: bool,
}

struct Job {
    seq: u64,
    received: Received,
    done: tokio::sync::oneshot::Sender<Result<Examined, Box<(Received, String)>>>,
}

/// Everything the analysis threads need.
struct Examiner<'c> {
    engine: Analyzer<'c>,
    policy: Policy,
    secrets: Option<Secrets>,
    saver: Option<Saver>,
    events: Option<GlobSet>,
}

impl Examiner<'_> {
    /// Saves, analyses and checks one delivery.
    fn examine(&self, seq: u64, received: Received) -> Result<Examined, Box<(Received, String)>> {
        let bytes = capture(&received);
        let source = match &self.saver {
            Some(saver) => match saver.write(seq, &bytes) {
                Ok(path) => path.display().to_string(),
                Err(e) => return Err(Box::new((received, format!("cannot save delivery {seq}: {e}")))),
            },
            None => format!("delivery {seq}"),
        };
        let mut records = http_records(&source, &bytes);
        let record = match records.len() {
            1 => records.pop().expect("one record"),
            n => {
                let mut record = Record::new(source.as_str().into(), 1, 1, Vec::new());
                record.problem = Some(format!("the delivery frames as {n} requests, not one"));
                record
            }
        };
        let analyzed = match self.engine.analyze(record, &Forced::default()) {
            Ok(analyzed) => analyzed,
            Err(e) => return Err(Box::new((received, format!("delivery {seq}: {e}")))),
        };
        let mut result = analyzed.result;
        self.policy.apply(&mut result);
        let catalog = self.engine.catalog;
        let provider = result.provider.as_deref().and_then(|p| catalog.provider(p));
        let signature = self.secrets.as_ref().map(|secrets| {
            let options = CheckOptions { scheme: None, now: unix_now().unwrap_or_default(), tolerance: None };
            let (headers, body) = (&analyzed.record.headers, analyzed.record.text());
            SignatureVerdict::from(check_delivery(catalog, provider, secrets, headers, body, None, &options))
        });
        let reply = match (provider, &analyzed.value) {
            (Some(p), Some(value)) => p
                .desc
                .notices
                .iter()
                .filter(|n| n.matches(value))
                .find_map(|n| n.reply.as_ref())
                .map(|r| r.render(value)),
            _ => None,
        };
        let reported = match (&self.events, &result.event_type) {
            (None, _) => true,
            (Some(set), Some(t)) => set.is_match(t),
            (Some(_), None) => false,
        };
        Ok(Examined { received, result, signature, reply, reported })
    }

    fn work(&self, jobs: &Mutex<Receiver<Job>>) {
        loop {
            let next = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
            let Ok(job) = next else { return };
            // The server may have given up on the delivery (a second Ctrl-C); nothing to do then.
            let _ = job.done.send(self.examine(job.seq, job.received));
        }
    }
}

fn glob_set(globs: &[String]) -> Result<Option<GlobSet>, UsageError> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut set = GlobSetBuilder::new();
    for glob in globs {
        set.add(Glob::new(glob).map_err(|e| UsageError(format!("--events {glob:?}: {e}")))?);
    }
    set.build().map(Some).map_err(|e| UsageError(format!("--events: {e}")))
}

/// What the handler closure needs, owned, for every delivery.
struct Answering {
    jobs: Sender<Job>,
    reports: Sender<Delivered>,
    forward: Option<(Target, Client)>,
    reject: Option<u16>,
    log: Arc<Log>,
    next: AtomicU64,
}

impl Answering {
    async fn answer(self: Arc<Self>, received: Received) -> Answer {
        let start = Instant::now();
        let seq = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let (done, examined) = tokio::sync::oneshot::channel();
        if self.jobs.send(Job { seq, received, done }).is_err() {
            return Answer::status(503);
        }
        let examined = match examined.await {
            Ok(Ok(examined)) => examined,
            Ok(Err(failed)) => {
                let (received, why) = *failed;
                (self.log)(&format!("{}: 500: {why}", received.peer));
                return Answer::status(500);
            }
            Err(_) => return Answer::status(503),
        };
        let Examined { received, result, signature, reply, reported } = examined;
        let bad = result.fails() || signature.as_ref().is_some_and(SignatureVerdict::fails);
        let (answer, by, forward) = if let Some((target, client)) = &self.forward {
            let (headers, body) = (received.headers, received.body);
            relay(client.post(target, &headers, body.into()).await)
        } else if let Some((status, body)) = reply {
            let mut answer = Answer::status(status);
            if let Some(body) = body {
                answer.headers.push(("content-type".into(), "application/json".into()));
                answer.body = body;
            }
            (answer, AnsweredBy::Catalog, None)
        } else if let (true, Some(status)) = (bad, self.reject) {
            (Answer::status(status), AnsweredBy::Reject, None)
        } else {
            (Answer::status(200), AnsweredBy::Listen, None)
        };
        let delivered = Delivered {
            result,
            signature,
            answer: AnswerInfo { status: answer.status, by },
            forward,
            received_at: received
                .at
                .duration_since(std::time::UNIX_EPOCH)
                .ok()
                .and_then(|d| iso8601(i64::try_from(d.as_millis()).ok()?)),
            latency_ms: millis(start.elapsed()),
            reported,
        };
        let _ = self.reports.send(delivered);
        answer
    }
}

fn millis(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e4).round() / 10.0
}

/// The handler's answer relayed, or 502/504 when there is none.
fn relay(posted: Result<client::Answered, PostError>) -> (Answer, AnsweredBy, Option<ForwardInfo>) {
    match posted {
        Ok(answered) => {
            let info = ForwardInfo {
                status: Some(answered.status),
                latency_ms: millis(answered.latency),
                error: None,
            };
            let mut answer = Answer::status(answered.status);
            if let Some(content_type) = answered.content_type {
                answer.headers.push(("content-type".into(), content_type));
            }
            answer.body = answered.body;
            (answer, AnsweredBy::Handler, Some(info))
        }
        Err(e) => {
            let info = ForwardInfo { status: None, latency_ms: 0.0, error: Some(e.to_string()) };
            (Answer::status(e.gateway_status()), AnsweredBy::Gateway, Some(info))
        }
    }
}

pub fn run(args: &ListenArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let secret =
        crate::secret::optional(args.secret.secret_env.as_deref(), args.secret.secret_file.as_deref())?;
    let secrets = secret.map(|secret| Secrets { list: vec![secret], unset: Vec::new() });
    let events = glob_set(&args.events)?;
    let saver = args
        .save
        .as_deref()
        .map(|dir| Saver::new(dir).map_err(|e| UsageError(format!("--save {}: {e}", dir.display()))))
        .transpose()?;
    let styles = styles_for(args.format, out);
    let listener = std::net::TcpListener::bind(args.addr.as_str())
        .map_err(|e| UsageError(format!("cannot listen on {}: {e}", args.addr)))?;
    let local = listener.local_addr()?;
    if !local.ip().is_loopback() {
        config.diagnostics.warning(&format!(
            "listening on {local}, beyond loopback: anyone who can reach it can post deliveries"
        ));
    }
    let path = if args.path.is_empty() { "/" } else { &args.path };
    config.diagnostics.note(&format!("listening on http://{local}{path}"));
    if let Some(url) = &args.forward_to {
        config.diagnostics.note(&format!("forwarding deliveries to {url}"));
    }
    let strict = config.strict(args.strict);
    let policy = config.policy(strict, None);
    let examiner = Examiner { engine: Analyzer::new(&config.catalog), policy, secrets, saver, events };
    let limits = Limits {
        max_body: args.max_event_bytes,
        max_connections: args.max_connections as usize,
        read_timeout: Duration::from_secs(args.read_timeout),
        idle_timeout: Duration::from_secs(args.idle_timeout),
        queue_wait: QUEUE_WAIT,
    };
    let (jobs_tx, jobs_rx) = mpsc::channel::<Job>();
    let (reports_tx, reports) = mpsc::channel::<Delivered>();
    let log_colour = config.diagnostics.clone();
    let log: Arc<Log> = Arc::new(move |message: &str| log_colour.note(&message));
    let forward = match &args.forward_to {
        Some(url) => {
            let target = Target::parse(url).map_err(|e| UsageError(format!("--forward-to {url}: {e}")))?;
            let settings = client::Settings {
                timeout: Duration::from_secs(args.forward_timeout),
                max_answer: Some(args.max_answer_bytes),
                cacert: args.cacert.as_deref(),
            };
            let client = Client::new(&target, &settings).map_err(|e| UsageError(e.to_string()))?;
            Some((target, client))
        }
        None => None,
    };
    let answering = Arc::new(Answering {
        jobs: jobs_tx,
        reports: reports_tx,
        forward,
        reject: args.reject_invalid,
        log: Arc::clone(&log),
        next: AtomicU64::new(0),
    });
    let handler: Arc<Handler> = Arc::new(move |received| Box::pin(Arc::clone(&answering).answer(received)));
    let stop = Arc::new(tokio::sync::Notify::new());
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let jobs_rx = Mutex::new(jobs_rx);
    let mut printer = Printer::new(args.format, styles);
    let served = std::thread::scope(|scope| -> anyhow::Result<()> {
        for _ in 0..threads {
            std::thread::Builder::new().spawn_scoped(scope, || examiner.work(&jobs_rx))?;
        }
        let server = {
            let stop = Arc::clone(&stop);
            let path = args.path.clone();
            std::thread::Builder::new()
                .spawn_scoped(scope, move || serve(listener, path, limits, handler, log, &stop))?
        };
        let mut failed_output = None;
        for delivered in reports {
            if failed_output.is_none()
                && let Err(e) = printer.print(out, &delivered)
            {
                // Nowhere to report to (a closed pipe): stop receiving, finish what is in flight.
                stop.notify_one();
                failed_output = Some(e);
            }
        }
        let stopped = server.join().map_err(|_| anyhow::anyhow!("the server thread panicked"))?;
        if let Some(e) = failed_output {
            return Err(e);
        }
        stopped.map_err(|e| anyhow::anyhow!("the server stopped: {e}"))
    });
    served?;
    printer.finish(out, &config.diagnostics)?;
    Ok(printer.outcome)
}

/// The report: one line (or object) per reported delivery, then the summary.
struct Printer {
    items: Items,
    styles: Styles,
    summary: Summary,
    received: usize,
    signatures: [usize; 4],
    outcome: Outcome,
}

impl Printer {
    fn new(format: Format, styles: Styles) -> Self {
        Self {
            items: Items::new(format),
            styles,
            summary: Summary::default(),
            received: 0,
            signatures: [0; 4],
            outcome: Outcome::default(),
        }
    }

    fn print(&mut self, out: &mut Output, delivered: &Delivered) -> anyhow::Result<()> {
        self.received += 1;
        if !delivered.reported {
            return Ok(());
        }
        self.summary.add(&delivered.result);
        if let Some(signature) = &delivered.signature {
            let i = match signature.status {
                VerifyStatus::Valid => 0,
                VerifyStatus::Invalid => 1,
                VerifyStatus::Unsigned => 2,
                VerifyStatus::Unknown | VerifyStatus::Unchecked => 3,
            };
            self.signatures[i] += 1;
        }
        self.outcome.finding |=
            delivered.result.fails() || delivered.signature.as_ref().is_some_and(SignatureVerdict::fails);
        let styles = &self.styles;
        self.items.item(out, delivered, |out| human_line(out, styles, delivered))?;
        // A live report is read as it happens.
        out.flush()?;
        Ok(())
    }

    fn finish(&mut self, out: &mut Output, diagnostics: &crate::output::Diagnostics) -> anyhow::Result<()> {
        let (styles, summary) = (&self.styles, &self.summary);
        self.items.finish(out, summary, |out| render_summary_line(out, styles, summary))?;
        let left_out = self.received - self.summary.events;
        if left_out > 0 {
            diagnostics.note(&format!(
                "{} deliveries received; {left_out} not reported (their type matches no --events)",
                self.received
            ));
        }
        if self.signatures.iter().sum::<usize>() > 0 {
            let [valid, invalid, unsigned, unknown] = self.signatures;
            diagnostics.note(&format!(
                "signatures: {valid} valid, {invalid} invalid, {unsigned} unsigned, {unknown} unknown provider"
            ));
        }
        Ok(())
    }
}

/// `delivery 3: valid daily meeting.started 1.0.0; signature valid; answered 200 in 1.2 ms`
fn human_line(out: &mut dyn Write, styles: &Styles, delivered: &Delivered) -> std::io::Result<()> {
    let result = &delivered.result;
    let status = result.status.as_str();
    let status = if result.fails() { styles.error.style(status) } else { styles.ok.style(status) };
    write!(out, "{}: {status} {}", styles.strong.style(escape_controls(&result.source)), identity(result))?;
    let (errors, warnings) = (result.errors.len(), result.warnings.len());
    if let Some(first) = result.errors.first().or(result.warnings.first()) {
        let plural =
            |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
        let at = crate::report::pointer_to_append(first).map(|p| format!(" at {p}")).unwrap_or_default();
        write!(
            out,
            " ({}, {}: {}{})",
            plural(errors, "error"),
            plural(warnings, "warning"),
            escape_controls(&first.message),
            escape_controls(&at)
        )?;
    }
    if let Some(signature) = &delivered.signature {
        let mark = match signature.status {
            VerifyStatus::Valid => styles.ok.style("valid").to_string(),
            VerifyStatus::Unsigned => styles.warning.style("unsigned").to_string(),
            VerifyStatus::Unchecked => styles.warning.style("unchecked").to_string(),
            VerifyStatus::Invalid => styles.error.style("invalid").to_string(),
            VerifyStatus::Unknown => styles.error.style("unknown").to_string(),
        };
        write!(out, "; signature {mark}")?;
        if signature.status == VerifyStatus::Invalid {
            write!(out, ": {}", escape_controls(&signature.message))?;
        }
    }
    if let Some(forward) = &delivered.forward {
        match (&forward.status, &forward.error) {
            (Some(status), _) => write!(out, "; handler {status} in {} ms", forward.latency_ms)?,
            (None, Some(error)) => write!(out, "; {}", styles.error.style(escape_controls(error)))?,
            (None, None) => {}
        }
    }
    let how = match delivered.answer.by {
        AnsweredBy::Catalog => " (the catalog's reply)",
        AnsweredBy::Reject => " (--reject-invalid)",
        _ => "",
    };
    writeln!(out, "; answered {}{how} in {} ms", delivered.answer.status, delivered.latency_ms)
}
