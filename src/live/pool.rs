//! The analysis threads behind `listen`: a fixed pool fed by a channel, each saving a delivery
//! (with `--save`), analysing it by the same entry as `validate`, checking its signature (with a
//! secret) and finding the catalog's reply to a handshake or probe.

use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex, PoisonError};

use globset::GlobSet;
use serde::Serialize;

use super::save::{Saver, capture};
use super::server::Received;
use crate::analyze::Analyzer;
use crate::detect::Forced;
use crate::input::{Record, http_records};
use crate::model::EventResult;
use crate::policy::Policy;
use crate::secret::Secrets;
use crate::signature::{CheckOptions, Verdict, VerifyStatus, check_delivery, unix_now};

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
    pub(crate) fn fails(&self) -> bool {
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

/// What the analysis threads make of a delivery.
pub(crate) struct Examined {
    pub result: EventResult,
    /// Why the capture could not be written (`--save`); the delivery is analysed all the same.
    pub save_error: Option<String>,
    pub signature: Option<SignatureVerdict>,
    /// The catalog's required answer: status and body.
    pub reply: Option<(u16, Option<Vec<u8>>)>,
    pub reported: bool,
}

pub(crate) struct Job {
    pub seq: u64,
    pub received: Arc<Received>,
    pub done: tokio::sync::oneshot::Sender<Result<Examined, String>>,
}

/// Everything the analysis threads need.
pub(crate) struct Examiner<'c> {
    pub engine: Analyzer<'c>,
    pub policy: Policy,
    pub secrets: Option<Secrets>,
    pub saver: Option<Saver>,
    pub events: Option<GlobSet>,
}

impl Examiner<'_> {
    /// Saves, analyses and checks one delivery.
    fn examine(&self, seq: u64, received: &Received) -> Result<Examined, String> {
        let bytes = capture(received);
        let (source, save_error) = match self.saver.as_ref().map(|saver| saver.write(seq, &bytes)) {
            Some(Ok(path)) => (path.display().to_string(), None),
            Some(Err(e)) => (format!("delivery {seq}"), Some(format!("not saved: {e}"))),
            None => (format!("delivery {seq}"), None),
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
            Err(e) => return Err(format!("delivery {seq}: {e}")),
        };
        let mut result = analyzed.result;
        self.policy.apply(&mut result);
        let catalog = self.engine.catalog;
        let provider = result.provider.as_deref().and_then(|p| catalog.provider(p));
        let signature = self.secrets.as_ref().map(|secrets| {
            let options = CheckOptions { scheme: None, now: unix_now().unwrap_or_default(), tolerance: None };
            let (headers, body) = (&analyzed.record.headers, analyzed.record.text());
            let signer = provider.map(|p| catalog.signer(p));
            SignatureVerdict::from(check_delivery(
                catalog.schemes(),
                signer,
                secrets,
                headers,
                body,
                None,
                &options,
            ))
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
        Ok(Examined { result, save_error, signature, reply, reported })
    }

    pub(crate) fn work(&self, jobs: &Mutex<Receiver<Job>>) {
        loop {
            let next = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
            let Ok(job) = next else { return };
            // The server may have given up on the delivery (a second Ctrl-C); nothing to do then.
            let _ = job.done.send(self.examine(job.seq, &job.received));
        }
    }
}
