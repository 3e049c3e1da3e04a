//! `hookscope listen`: a local receiver for live deliveries. Each delivery is saved (with
//! `--save`), analysed by the same entry as `validate`, its signature checked (with a secret),
//! answered (the catalog's reply for handshakes and probes, the handler's answer with
//! `--forward-to`, a chosen status for bad deliveries with `--reject-invalid`, else 200) and
//! reported in one line. Ctrl-C or SIGTERM finishes the deliveries in flight, then prints the
//! summary `validate` prints.

use std::io::Write;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::UsageError;
use crate::analyze::Analyzer;
use crate::cli::ListenArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::live::client::{self, Client, Target};
use crate::live::pool::{Examiner, Job, SignatureVerdict};
use crate::live::relay::{AnsweredBy, Answering, Delivered};
use crate::live::save::Saver;
use crate::live::server::{Handler, InFlight, Limits, Log, Serving, serve};
use crate::model::Summary;
use crate::output::{Output, Styles, escape_controls};
use crate::report::format::Format;
use crate::report::styles_for;
use crate::report::{Items, identity, render_summary_line};
use crate::secret::Secrets;
use crate::signature::VerifyStatus;

/// How long a connection beyond `--max-connections` waits for a free slot before its 503.
const QUEUE_WAIT: Duration = Duration::from_secs(2);

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

pub(crate) fn run(args: &ListenArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
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
    let in_flight = InFlight::new();
    let answering = Arc::new(Answering {
        jobs: jobs_tx,
        reports: reports_tx,
        forward,
        reject: args.reject_invalid,
        analysis_timeout: Duration::from_secs(args.analysis_timeout),
        in_flight: Arc::clone(&in_flight),
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
            let serving = Serving { path: args.path.clone(), limits, handler, log, in_flight };
            std::thread::Builder::new().spawn_scoped(scope, move || serve(listener, serving, &stop))?
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
    /// Deliveries whose capture `--save` could not write.
    not_saved: usize,
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
            not_saved: 0,
            outcome: Outcome::default(),
        }
    }

    fn print(&mut self, out: &mut Output, delivered: &Delivered) -> anyhow::Result<()> {
        self.received += 1;
        if delivered.save_error.is_some() {
            // The tool could not do its job for this delivery, whatever --events says.
            self.not_saved += 1;
            self.outcome.error = true;
        }
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
        let deliveries = |n: usize| if n == 1 { "1 delivery".to_owned() } else { format!("{n} deliveries") };
        if left_out > 0 {
            diagnostics.note(&format!(
                "{} received; {left_out} not reported (their type matches no --events)",
                deliveries(self.received)
            ));
        }
        if self.not_saved > 0 {
            diagnostics.error(&format!(
                "{} of {} not saved (--save): see each one's line",
                deliveries(self.not_saved),
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
        let at = crate::model::pointer_to_append(first).map(|p| format!(" at {p}")).unwrap_or_default();
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
    if let Some(error) = &delivered.save_error {
        write!(out, "; {}", styles.error.style(escape_controls(error)))?;
    }
    let how = match delivered.answer.by {
        AnsweredBy::Catalog => " (the catalog's reply)",
        AnsweredBy::Reject => " (--reject-invalid)",
        _ => "",
    };
    write!(out, "; answered {}{how} in {} ms", delivered.answer.status, delivered.latency_ms)?;
    if delivered.answer.before_analysis {
        write!(out, " before its analysis finished (--analysis-timeout)")?;
    }
    writeln!(out)
}
