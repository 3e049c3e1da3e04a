//! `hookscope send`: posts events (files, logs, NDJSON, `.http` captures, HAR) or catalog samples
//! to a handler as the provider would: its headers and a fresh signature made by the same code
//! as `sign`. Each answer's status and latency is reported in input order; an error answer (or
//! none) is a finding.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::Value;

use super::sample::pick_version;
use super::{UsageError, find_type, for_each_event};
use crate::analyze::Analyzed;
use crate::catalog::{Catalog, DefaultScheme, Provider};
use crate::cli::{SendArgs, SignTime};
use crate::config::Config;
use crate::exit::Outcome;
use crate::json::set_field;
use crate::live::client::{Client, Settings, Target};
use crate::live::is_hop_by_hop;
use crate::output::{Output, Styles, escape_controls};
use crate::report::Items;
use crate::report::format::Format;
use crate::report::styles_for;
use crate::signature::{self, unix_now};

/// One delivery to post, or why it cannot be.
struct Outgoing {
    index: usize,
    source: String,
    line: usize,
    column: usize,
    provider: Option<String>,
    event_type: Option<String>,
    prepared: Result<Prepared, String>,
}

struct Prepared {
    headers: Vec<(String, Vec<u8>)>,
    body: hyper::body::Bytes,
    signed: bool,
}

/// One line of the report.
#[derive(Debug, Serialize)]
struct Sent {
    source: String,
    line: usize,
    column: usize,
    provider: Option<String>,
    event_type: Option<String>,
    /// The handler's HTTP status; `null` when it gave none.
    status: Option<u16>,
    latency_ms: Option<f64>,
    signed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl Sent {
    fn failed(&self) -> bool {
        self.status.is_none_or(|s| s >= 400)
    }
}

#[derive(Debug, Default, Serialize)]
struct SendSummary {
    deliveries: usize,
    succeeded: usize,
    failed: usize,
    unsent: usize,
}

/// An override from `--set /pointer=value`.
struct Override {
    pointer: String,
    value: Value,
}

fn parse_override(text: &str) -> Result<Override, UsageError> {
    let (pointer, value) = text
        .split_once('=')
        .filter(|(p, _)| p.starts_with('/'))
        .ok_or_else(|| UsageError(format!("--set {text:?}: expected /pointer=value")))?;
    let value = serde_json::from_str(value).unwrap_or_else(|_| Value::String(value.to_owned()));
    Ok(Override { pointer: pointer.to_owned(), value })
}

/// What is done to every body before it goes: overrides, then a fresh signature, then the
/// headers given with `--header`.
#[derive(Clone, Copy)]
struct Signing<'a> {
    overrides: &'a [Override],
    secret: Option<&'a [u8]>,
    keep_signature: bool,
    now: i64,
    extra: &'a [(String, String)],
}

/// Builds the headers and body to post: the capture's own headers (hop-by-hop ones left out) or
/// a JSON content type, the headers the provider's envelope names (the event type header of a
/// header-typed provider), the overrides applied, a fresh signature when there is a secret, and
/// the `--header` ones last.
fn prepare(
    catalog: &Catalog,
    (provider, event_type): (Option<&str>, Option<&str>),
    captured: &[(String, String)],
    body: &[u8],
    signing: &Signing<'_>,
) -> Result<Prepared, String> {
    let Signing { overrides, secret, keep_signature, now, extra } = *signing;
    let mut body = body.to_vec();
    for o in overrides {
        body = set_field(&body, &o.pointer, &o.value).map_err(|e| format!("--set {}: {e}", o.pointer))?;
    }
    let provider = provider.and_then(|p| catalog.provider(p));
    // The provider's default scheme signs, the one `verify` falls back to.
    let scheme = provider.and_then(|p| match catalog.default_scheme(p) {
        DefaultScheme::Scheme(scheme) => Some(scheme),
        DefaultScheme::None(_) | DefaultScheme::Undeclared => None,
    });
    let resign = secret.is_some() && scheme.is_some() && (captured.is_empty() || !keep_signature);
    let signature_headers = scheme.map(|s| s.header_names()).unwrap_or_default();
    let mut headers: Vec<(String, Vec<u8>)> = captured
        .iter()
        .filter(|(name, _)| !is_hop_by_hop(name))
        .filter(|(name, _)| !(resign && signature_headers.iter().any(|h| h.eq_ignore_ascii_case(name))))
        .map(|(name, value)| (name.clone(), value.clone().into_bytes()))
        .collect();
    if !headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("content-type")) {
        headers.insert(0, ("Content-Type".to_owned(), b"application/json".to_vec()));
    }
    if let (Some(provider), Some(event_type)) = (provider, event_type) {
        envelope_headers(provider, event_type, &body, &signature_headers, &mut headers);
    }
    let mut signed = !captured.is_empty() && !resign && scheme.is_some();
    if let (true, Some(scheme), Some(secret)) = (resign, scheme, secret) {
        let fresh =
            signature::sign(scheme, secret, &body, now, None).map_err(|e| format!("cannot sign: {e}"))?;
        headers.extend(fresh.into_iter().map(|(name, value)| (name, value.into_bytes())));
        signed = true;
    }
    for (name, value) in extra {
        headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        headers.push((name.clone(), value.clone().into_bytes()));
    }
    Ok(Prepared { headers, body: body.into(), signed })
}

/// Adds the delivery headers the provider's envelope needs to recognise the event, when they
/// are missing: the type header of a header-typed provider (its value is the event type, less
/// the refining field's value), and any other header its markers require (a placeholder value;
/// signature headers are left to the signing).
fn envelope_headers(
    provider: &Provider,
    event_type: &str,
    body: &[u8],
    signature_headers: &[&str],
    headers: &mut Vec<(String, Vec<u8>)>,
) {
    let has =
        |headers: &[(String, Vec<u8>)], name: &str| headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
    let Some(envelope) = provider.desc.envelopes.iter().find(|e| e.type_header.is_some()) else { return };
    let Some(type_header) = envelope.type_header.as_deref() else { return };
    if !has(headers, type_header) {
        let value: Option<Value> =
            envelope.subtype_at.as_ref().and_then(|_| serde_json::from_slice(body).ok());
        let sub = envelope
            .subtype_at
            .as_ref()
            .zip(value.as_ref())
            .and_then(|(p, v)| p.find(v))
            .and_then(Value::as_str);
        let base = sub
            .and_then(|sub| event_type.strip_suffix(sub).and_then(|rest| rest.strip_suffix('.')))
            .unwrap_or(event_type);
        headers.push((type_header.to_owned(), base.as_bytes().to_vec()));
    }
    for marker in envelope.markers.iter().filter(|m| m.required) {
        if let Some(name) = marker.header.as_deref()
            && !has(headers, name)
            && !signature_headers.iter().any(|h| h.eq_ignore_ascii_case(name))
        {
            headers.push((name.to_owned(), b"hookscope-send".to_vec()));
        }
    }
}

/// Whether standard input is read and holds nothing (it is then peeked, never consumed).
fn stdin_is_empty() -> bool {
    use std::io::BufRead;
    std::io::stdin().lock().fill_buf().is_ok_and(<[u8]>::is_empty)
}

pub(crate) fn run(args: &SendArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let secret =
        crate::secret::optional(args.secret.secret_env.as_deref(), args.secret.secret_file.as_deref())?
            .map(|secret| secret.bytes);
    let overrides: Vec<Override> = args.set.iter().map(|s| parse_override(s)).collect::<Result<_, _>>()?;
    let target = Arc::new(Target::parse(&args.to).map_err(|e| UsageError(format!("--to {}: {e}", args.to)))?);
    // Samples are checked before anything is sent.
    let mut samples = Vec::new();
    for name in &args.sample {
        let found = find_type(&config.catalog, name, args.input.provider.as_deref())?;
        let version = pick_version(found, args.input.api_version.as_deref())?;
        let text = config.catalog.sample(found.provider.id(), found.name, &version).ok_or_else(|| {
            UsageError(format!("no sample bundled for {} {}", found.provider.id(), found.name))
        })?;
        samples.push((
            found.provider.id().to_owned(),
            found.name.to_owned(),
            text.trim_ascii().as_bytes().to_vec(),
        ));
    }
    let paths = &args.input.paths;
    let from_stdin = paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-");
    let read_input = !paths.is_empty() || (samples.is_empty() && !std::io::stdin().is_terminal());
    let only_stdin = paths.iter().all(|p| p.as_os_str() == "-");
    if samples.is_empty() && (!read_input || (from_stdin && only_stdin && stdin_is_empty())) {
        let why = if read_input { "nothing to send: standard input is empty" } else { "nothing to send" };
        return Err(UsageError(format!(
            "{why}: give PATHS (files, directories, or - for standard input) or --sample TYPE"
        ))
        .into());
    }
    let client = Client::new(
        &target,
        &Settings {
            timeout: Duration::from_secs(args.timeout),
            max_answer: None,
            cacert: args.cacert.as_deref(),
        },
    )
    .map_err(|e| UsageError(e.to_string()))?;
    if secret.is_none() {
        config.diagnostics.note(&"no secret given (--secret-env / --secret-file): events go unsigned, captures keep their own signature headers");
    }
    let now = match args.timestamp {
        None => unix_now()?,
        Some(SignTime::Unix(at)) => at,
        Some(SignTime::Now(offset)) => unix_now()?.saturating_add(offset),
    };
    let styles = styles_for(args.format, out);
    let signing = Signing {
        overrides: &overrides,
        secret: secret.as_deref(),
        keep_signature: args.keep_signature,
        now,
        extra: &args.headers,
    };
    let concurrency = args.concurrency as usize;
    // Host names are looked up on blocking threads: a few, however many deliveries are in flight.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .max_blocking_threads(crate::live::client::LOOKUP_THREADS)
        .build()?;
    let (jobs_tx, jobs_rx) = tokio::sync::mpsc::channel::<Outgoing>(concurrency);
    let (sent_tx, sent_rx) = mpsc::channel::<(usize, Sent)>();
    let pacer = args.rate.map(|rate| {
        Arc::new(Pacer { every: Duration::from_secs_f64(1.0 / rate), next: Mutex::new(Instant::now()) })
    });
    let mut report = Report::new(args.format, styles);
    let mut error = false;
    let sending = Sending { client: Arc::new(client), target, pacer, answers: sent_tx };
    std::thread::scope(|scope| -> anyhow::Result<()> {
        // One thread posts everything, each delivery in flight a task on it.
        let poster = std::thread::Builder::new()
            .name("send".to_owned())
            .spawn_scoped(scope, move || runtime.block_on(sending.dispatch(jobs_rx, concurrency)))?;
        let mut index = 0usize;
        let queue = |outgoing: Outgoing, report: &mut Report, out: &mut Output| -> anyhow::Result<()> {
            jobs_tx.blocking_send(outgoing).map_err(|_| anyhow::anyhow!("the sending thread stopped"))?;
            report.drain(out, &sent_rx, false)
        };
        for (provider, event_type, body) in &samples {
            let prepared = prepare(
                &config.catalog,
                (Some(provider), Some(event_type)),
                &[],
                body,
                &Signing { keep_signature: false, ..signing },
            );
            index += 1;
            let outgoing = Outgoing {
                index,
                source: format!("sample {provider} {event_type}"),
                line: 1,
                column: 1,
                provider: Some(provider.clone()),
                event_type: Some(event_type.clone()),
                prepared,
            };
            queue(outgoing, &mut report, out)?;
        }
        if read_input {
            let pass = for_each_event(config, &args.input, false, &mut |analyzed: &Analyzed| {
                index += 1;
                let outgoing = outgoing_of(config, analyzed, index, &signing);
                queue(outgoing, &mut report, out)
            })?;
            error |= pass.outcome.error;
        }
        drop(jobs_tx);
        report.drain(out, &sent_rx, true)?;
        poster.join().map_err(|_| anyhow::anyhow!("the sending thread panicked"))
    })?;
    report.finish(out)?;
    Ok(Outcome { finding: report.summary.failed + report.summary.unsent > 0, error })
}

fn outgoing_of(config: &Config, analyzed: &Analyzed, index: usize, signing: &Signing<'_>) -> Outgoing {
    let (record, result) = (&analyzed.record, &analyzed.result);
    let prepared = match &record.problem {
        Some(problem) => Err(problem.clone()),
        None => prepare(
            &config.catalog,
            (result.provider.as_deref(), result.event_type.as_deref()),
            &record.headers,
            record.text(),
            signing,
        ),
    };
    Outgoing {
        index,
        source: result.source.clone(),
        line: result.line,
        column: result.column,
        provider: result.provider.clone(),
        event_type: result.event_type.clone(),
        prepared,
    }
}

/// Spaces the start of deliveries by `every`, across all deliveries in flight.
struct Pacer {
    every: Duration,
    next: Mutex<Instant>,
}

impl Pacer {
    async fn wait(&self) {
        let slot = {
            let mut next = self.next.lock().unwrap_or_else(PoisonError::into_inner);
            let slot = (*next).max(Instant::now());
            *next = slot + self.every;
            slot
        };
        tokio::time::sleep_until(slot.into()).await;
    }
}

/// What every delivery task shares.
struct Sending {
    client: Arc<Client>,
    target: Arc<Target>,
    pacer: Option<Arc<Pacer>>,
    answers: Sender<(usize, Sent)>,
}

impl Sending {
    /// Posts each delivery as it is queued, at most `concurrency` at once, each a task.
    async fn dispatch(self, mut jobs: tokio::sync::mpsc::Receiver<Outgoing>, concurrency: usize) {
        let mut tasks = tokio::task::JoinSet::new();
        while let Some(job) = jobs.recv().await {
            while tasks.len() >= concurrency {
                tasks.join_next().await;
            }
            let (client, target, pacer) =
                (Arc::clone(&self.client), Arc::clone(&self.target), self.pacer.clone());
            let answers = self.answers.clone();
            tasks.spawn(async move {
                let index = job.index;
                let line = deliver(job, &client, &target, pacer.as_deref()).await;
                let _ = answers.send((index, line));
            });
        }
        while tasks.join_next().await.is_some() {}
    }
}

async fn deliver(job: Outgoing, client: &Client, target: &Target, pacer: Option<&Pacer>) -> Sent {
    let (status, latency_ms, signed, error) = match job.prepared {
        Err(why) => (None, None, false, Some(format!("not sent: {why}"))),
        Ok(prepared) => {
            if let Some(pacer) = pacer {
                pacer.wait().await;
            }
            match client.post(target, &prepared.headers, prepared.body).await {
                Ok(answered) => {
                    let ms = (answered.latency.as_secs_f64() * 1e4).round() / 10.0;
                    (Some(answered.status), Some(ms), prepared.signed, None)
                }
                Err(e) => (None, None, prepared.signed, Some(e.to_string())),
            }
        }
    };
    Sent {
        source: job.source,
        line: job.line,
        column: job.column,
        provider: job.provider,
        event_type: job.event_type,
        status,
        latency_ms,
        signed,
        error,
    }
}

/// Prints answers in input order as they come back.
struct Report {
    items: Items,
    styles: Styles,
    summary: SendSummary,
    waiting: BTreeMap<usize, Sent>,
    next: usize,
}

impl Report {
    fn new(format: Format, styles: Styles) -> Self {
        Self {
            items: Items::new(format),
            styles,
            summary: SendSummary::default(),
            waiting: BTreeMap::new(),
            next: 1,
        }
    }

    /// Prints what is ready; with `all`, waits for every answer.
    fn drain(
        &mut self,
        out: &mut Output,
        answers: &Receiver<(usize, Sent)>,
        all: bool,
    ) -> anyhow::Result<()> {
        loop {
            while let Some(sent) = self.waiting.remove(&self.next) {
                self.next += 1;
                self.print(out, &sent)?;
            }
            let next = if all { answers.recv().ok() } else { answers.try_recv().ok() };
            let Some((index, sent)) = next else { return Ok(()) };
            self.waiting.insert(index, sent);
        }
    }

    fn print(&mut self, out: &mut Output, sent: &Sent) -> anyhow::Result<()> {
        self.summary.deliveries += 1;
        match (sent.status, sent.failed()) {
            (None, _) if sent.error.as_deref().is_some_and(|e| e.starts_with("not sent")) => {
                self.summary.unsent += 1;
            }
            (_, true) => self.summary.failed += 1,
            (_, false) => self.summary.succeeded += 1,
        }
        let styles = &self.styles;
        self.items.item(out, sent, |out| {
            let who = [sent.provider.as_deref(), sent.event_type.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let label = if sent.source.starts_with("sample ") {
                sent.source.clone()
            } else {
                format!("{}:{}:{}", sent.source, sent.line, sent.column)
            };
            write!(out, "{}: ", styles.strong.style(escape_controls(&label)))?;
            if !sent.source.starts_with("sample ") && !who.is_empty() {
                write!(out, "{} ", escape_controls(&who))?;
            }
            match (sent.status, sent.latency_ms, &sent.error) {
                (Some(status), latency, _) => {
                    let text = status.to_string();
                    let status = if sent.failed() { styles.error.style(text) } else { styles.ok.style(text) };
                    write!(out, "{status} in {} ms", latency.unwrap_or_default())?;
                }
                (None, _, error) => {
                    write!(
                        out,
                        "{}",
                        styles.error.style(escape_controls(error.as_deref().unwrap_or("no answer")))
                    )?;
                }
            }
            writeln!(out, "{}", if sent.signed { " (signed)" } else { "" })
        })?;
        Ok(())
    }

    fn finish(&mut self, out: &mut Output) -> anyhow::Result<()> {
        let s = &self.summary;
        self.items.finish(out, s, |out| {
            writeln!(
                out,
                "{} {} sent: {} answered 2xx/3xx, {} answered an error or not at all, {} not sent",
                s.deliveries,
                if s.deliveries == 1 { "delivery" } else { "deliveries" },
                s.succeeded,
                s.failed,
                s.unsent
            )
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_values_are_json_or_text() {
        assert_eq!(parse_override("/a=12").unwrap().value, Value::from(12));
        assert_eq!(parse_override("/a=hello").unwrap().value, Value::from("hello"));
        assert_eq!(parse_override("/a=\"12\"").unwrap().value, Value::from("12"));
        assert!(parse_override("a=1").is_err());
    }
}
