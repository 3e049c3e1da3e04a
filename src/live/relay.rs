//! Answering a live delivery: hand it to the analysis threads, then answer with the handler's
//! reply (`--forward-to`, relayed, or 502/504 when there is none), the catalog's reply, a chosen
//! status for a bad delivery (`--reject-invalid`) or 200, and pass the report line on.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::forward::{self, PostError};
use super::pool::{Examined, Job, SignatureVerdict};
use super::server::{Answer, Log, Received};
use crate::model::EventResult;
use crate::report::iso8601;

/// Who decided the answer.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum AnsweredBy {
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
pub(crate) struct AnswerInfo {
    pub status: u16,
    pub by: AnsweredBy,
}

#[derive(Debug, Serialize)]
pub(crate) struct ForwardInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    pub latency_ms: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One delivery's line in the report: `validate`'s result object plus the signature verdict,
/// the answer, and the handler's status and latency.
#[derive(Debug, Serialize)]
pub(crate) struct Delivered {
    #[serde(flatten)]
    pub result: EventResult,
    pub signature: Option<SignatureVerdict>,
    pub answer: AnswerInfo,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forward: Option<ForwardInfo>,
    pub received_at: Option<String>,
    pub latency_ms: f64,
    /// Matches `--events` (or there is none).
    #[serde(skip)]
    pub reported: bool,
}

/// What the handler closure needs, owned, for every delivery.
pub(crate) struct Answering {
    pub jobs: Sender<Job>,
    pub reports: Sender<Delivered>,
    pub forward: Option<(String, ureq::Agent)>,
    pub reject: Option<u16>,
    pub log: Arc<Log>,
    pub next: AtomicU64,
}

impl Answering {
    pub(crate) async fn answer(self: Arc<Self>, received: Received) -> Answer {
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
        let (answer, by, forward) = if let Some((url, agent)) = &self.forward {
            let (url, agent) = (url.clone(), agent.clone());
            let (headers, body) = (received.headers, received.body);
            let posted =
                tokio::task::spawn_blocking(move || forward::post(&agent, &url, &headers, &body)).await;
            let posted = posted.unwrap_or_else(|e| Err(PostError::Unreachable(e.to_string())));
            relay(posted)
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

pub(crate) fn millis(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e4).round() / 10.0
}

/// The handler's answer relayed, or 502/504 when there is none.
pub(crate) fn relay(
    posted: Result<forward::Answered, PostError>,
) -> (Answer, AnsweredBy, Option<ForwardInfo>) {
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
