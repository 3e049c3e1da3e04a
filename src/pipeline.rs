//! Spreading the analysis of records over threads while handing the results back strictly in
//! input order, with memory bounded by a fixed number of batches in flight.

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, Sender, SyncSender, TryRecvError, channel, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::Scope;

use crate::analyze::{Analyzed, Analyzer};
use crate::detect::Forced;
use crate::input::Record;
use crate::model::Status;
use crate::policy::Policy;

/// Records per batch: large enough that channel traffic is noise next to validation, small
/// enough that a short stream still reaches every thread.
const BATCH: usize = 128;

/// A record with what to force on it, the status its project fixture expects, and the settings
/// that shape its verdict.
pub(crate) struct Job<'c> {
    pub record: Record,
    pub forced: Forced<'c>,
    pub expect: Option<Status>,
    pub policy: Arc<Policy>,
}

type Results = anyhow::Result<Vec<Analyzed>>;

/// Turns one analysed record into the bytes a command writes for it. It runs on the analysis
/// threads, so rendering (snippets, JSON) scales with them; the calling thread only writes the
/// bytes in input order.
pub(crate) type Render<'r> = dyn Fn(&Analyzed, &mut Vec<u8>) -> std::io::Result<()> + Sync + 'r;

/// Analyses jobs in order on the calling thread, or on worker threads once there is enough work.
pub(crate) struct Pipeline<'s, 'c, 'h> {
    engine: &'c Analyzer<'c>,
    render: Option<&'c Render<'c>>,
    threads: usize,
    handle: &'h mut dyn FnMut(&Analyzed) -> anyhow::Result<()>,
    batch: Vec<Job<'c>>,
    workers: Option<Workers<'c>>,
    scope: &'s Scope<'s, 'c>,
}

struct Workers<'c> {
    jobs: SyncSender<(u64, Vec<Job<'c>>)>,
    done: Receiver<(u64, Results)>,
    sent: u64,
    next: u64,
    finished: BTreeMap<u64, Results>,
}

fn analyze_all(engine: &Analyzer<'_>, render: Option<&Render<'_>>, batch: Vec<Job<'_>>) -> Results {
    batch
        .into_iter()
        .map(|job| {
            let mut analyzed = engine.analyze(job.record, &job.forced)?;
            analyzed.result.expect = job.expect;
            job.policy.apply(&mut analyzed.result);
            if let Some(render) = render {
                let mut bytes = Vec::new();
                render(&analyzed, &mut bytes)?;
                analyzed.rendered = bytes;
            }
            Ok(analyzed)
        })
        .collect()
}

impl<'s, 'c: 's, 'h> Pipeline<'s, 'c, 'h> {
    pub(crate) fn new(
        scope: &'s Scope<'s, 'c>,
        engine: &'c Analyzer<'c>,
        render: Option<&'c Render<'c>>,
        threads: usize,
        handle: &'h mut dyn FnMut(&Analyzed) -> anyhow::Result<()>,
    ) -> Self {
        Self {
            engine,
            render,
            threads: threads.max(1),
            handle,
            batch: Vec::with_capacity(BATCH),
            workers: None,
            scope,
        }
    }

    pub(crate) fn push(&mut self, job: Job<'c>) -> anyhow::Result<()> {
        if self.threads == 1 {
            let analyzed = analyze_all(self.engine, self.render, vec![job])?;
            return analyzed.iter().try_for_each(|a| (self.handle)(a));
        }
        self.batch.push(job);
        if self.batch.len() >= BATCH {
            self.dispatch()?;
        }
        Ok(())
    }

    fn dispatch(&mut self) -> anyhow::Result<()> {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        if self.workers.is_none() {
            self.workers = Some(self.start()?);
        }
        let workers = self.workers.as_mut().expect("just started");
        workers.jobs.send((workers.sent, batch)).map_err(|_| anyhow::anyhow!("analysis threads stopped"))?;
        workers.sent += 1;
        // Keep a bounded number of batches in flight; hand over whatever is ready, in order.
        let limit = (self.threads * 2) as u64;
        self.drain(|w| w.sent - w.next > limit)
    }

    fn start(&self) -> anyhow::Result<Workers<'c>> {
        let (jobs, queue) = sync_channel::<(u64, Vec<Job<'c>>)>(self.threads * 2);
        let queue = Arc::new(Mutex::new(queue));
        let (done_tx, done): (Sender<(u64, Results)>, _) = channel();
        for i in 0..self.threads {
            let queue = Arc::clone(&queue);
            let done_tx = done_tx.clone();
            let engine = self.engine;
            let render = self.render;
            let spawned = std::thread::Builder::new().spawn_scoped(self.scope, move || {
                loop {
                    let next = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    let Ok((seq, batch)) = next else { return };
                    if done_tx.send((seq, analyze_all(engine, render, batch))).is_err() {
                        return;
                    }
                }
            });
            // The system may allow fewer threads than asked for: go on with those it gave.
            match spawned {
                Ok(_) => {}
                Err(e) if i == 0 => return Err(anyhow::anyhow!("cannot start an analysis thread: {e}")),
                Err(_) => break,
            }
        }
        Ok(Workers { jobs, done, sent: 0, next: 0, finished: BTreeMap::new() })
    }

    /// Hands finished batches to `handle` in order; blocks while `wait` says too much is pending.
    fn drain(&mut self, wait: impl Fn(&Workers<'c>) -> bool) -> anyhow::Result<()> {
        let Some(workers) = self.workers.as_mut() else { return Ok(()) };
        loop {
            while let Some(results) = workers.finished.remove(&workers.next) {
                workers.next += 1;
                results?.iter().try_for_each(|a| (self.handle)(a))?;
            }
            let message = if wait(workers) {
                workers.done.recv().map_err(|_| TryRecvError::Disconnected)
            } else {
                workers.done.try_recv()
            };
            match message {
                Ok((seq, results)) => {
                    workers.finished.insert(seq, results);
                }
                Err(TryRecvError::Empty) => return Ok(()),
                Err(TryRecvError::Disconnected) => {
                    return if workers.next == workers.sent {
                        Ok(())
                    } else {
                        Err(anyhow::anyhow!("analysis threads stopped"))
                    };
                }
            }
        }
    }

    /// Analyses what is left and hands every remaining result over.
    pub(crate) fn finish(mut self) -> anyhow::Result<()> {
        if self.workers.is_none() {
            // Too little for threads to pay off.
            let batch = std::mem::take(&mut self.batch);
            return analyze_all(self.engine, self.render, batch)?.iter().try_for_each(|a| (self.handle)(a));
        }
        if !self.batch.is_empty() {
            self.dispatch()?;
        }
        self.drain(|w| w.next < w.sent)
    }
}
