//! Answering a live delivery: hand it to the analysis threads, then answer with the handler's
//! reply (`--forward-to`, relayed, or 502/504 when there is none), the catalog's reply, a chosen
//! status for a bad delivery (`--reject-invalid`) or 200, and pass the report line on.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::client::{self, Client, PostError, Target};
use super::pool::{Examined, Job, SignatureVerdict};
use super::server::{Answer, InFlight, Log, Received};
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
    /// The answer went before the analysis finished (`--analysis-timeout`): as if valid.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub before_analysis: bool,
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
    /// Why `--save` could not write the capture.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub save_error: Option<String>,
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
    pub forward: Option<(Target, Client)>,
    pub reject: Option<u16>,
    /// How long an answer waits for the analysis (zero: never).
    pub analysis_timeout: Duration,
    pub in_flight: Arc<InFlight>,
    pub log: Arc<Log>,
    pub next: AtomicU64,
}

/// The analysis of a delivery, as the answer sees it.
type Analysis = Result<Result<Examined, String>, tokio::sync::oneshot::error::RecvError>;

impl Answering {
    pub(crate) async fn answer(self: Arc<Self>, received: Received) -> Answer {
        let start = Instant::now();
        let seq = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let received = Arc::new(received);
        let (done, mut examined) = tokio::sync::oneshot::channel();
        if self.jobs.send(Job { seq, received: Arc::clone(&received), done }).is_err() {
            return Answer::status(503);
        }
        // The handler's answer is relayed whatever the analysis finds: forward at once.
        let posted = match &self.forward {
            Some((target, client)) => Some(tokio::select! {
                posted = client.post(target, &received.headers, received.body.clone()) => posted,
                () = self.in_flight.hurried() => Err(PostError::Abandoned),
            }),
            None => None,
        };
        let analysis: Option<Analysis> = if self.analysis_timeout.is_zero() {
            None
        } else {
            tokio::time::timeout_at((start + self.analysis_timeout).into(), &mut examined).await.ok()
        };
        let examined_now = match analysis {
            Some(Ok(Ok(examined))) => Some(examined),
            Some(Ok(Err(why))) => {
                (self.log)(&format!("{}: 500: {why}", received.peer));
                return Answer::status(500);
            }
            Some(Err(_)) => return Answer::status(503),
            None => None,
        };
        let (mut answer, by, forward) = match (posted, &examined_now) {
            (Some(posted), _) => relay(posted),
            (None, Some(examined)) => self.decide(examined),
            // Past --analysis-timeout: answered as if valid.
            (None, None) => (Answer::status(200), AnsweredBy::Listen, None),
        };
        if examined_now.as_ref().is_some_and(|e| e.save_error.is_some()) && self.forward.is_none() {
            // Not kept: the sender should retry.
            answer = Answer::text(500, "the delivery could not be saved");
        }
        let answer_info = AnswerInfo { status: answer.status, by, before_analysis: examined_now.is_none() };
        let latency_ms = millis(start.elapsed());
        let report = {
            let reports = self.reports.clone();
            move |examined: Examined| {
                let Examined { result, save_error, signature, reply: _, reported } = examined;
                let _ = reports.send(Delivered {
                    result,
                    signature,
                    answer: answer_info,
                    forward,
                    save_error,
                    received_at: received
                        .at
                        .duration_since(std::time::UNIX_EPOCH)
                        .ok()
                        .and_then(|d| iso8601(i64::try_from(d.as_millis()).ok()?)),
                    latency_ms,
                    reported,
                });
            }
        };
        if let Some(examined) = examined_now {
            report(examined);
        } else {
            let log = Arc::clone(&self.log);
            self.in_flight.spawn(async move {
                match examined.await {
                    Ok(Ok(examined)) => report(examined),
                    Ok(Err(why)) => log(&why),
                    Err(_) => {}
                }
            });
        }
        answer
    }

    /// The answer without a handler: the catalog's reply, `--reject-invalid`, or 200.
    fn decide(&self, examined: &Examined) -> (Answer, AnsweredBy, Option<ForwardInfo>) {
        let bad = examined.result.fails() || examined.signature.as_ref().is_some_and(SignatureVerdict::fails);
        if let Some((status, body)) = &examined.reply {
            let mut answer = Answer::status(*status);
            if let Some(body) = body {
                answer.headers.push(("content-type".into(), "application/json".into()));
                answer.body.clone_from(body);
            }
            (answer, AnsweredBy::Catalog, None)
        } else if let (true, Some(status)) = (bad, self.reject) {
            (Answer::status(status), AnsweredBy::Reject, None)
        } else {
            (Answer::status(200), AnsweredBy::Listen, None)
        }
    }
}

pub(crate) fn millis(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e4).round() / 10.0
}

/// The handler's answer relayed, or 502/504 when there is none.
pub(crate) fn relay(
    posted: Result<client::Answered, PostError>,
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
            (Answer::text(e.gateway_status(), &e.to_string()), AnsweredBy::Gateway, Some(info))
        }
    }
}
