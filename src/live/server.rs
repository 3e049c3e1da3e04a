//! The HTTP/1.1 server under `listen`, on hyper and a single-threaded tokio runtime (the
//! analysis runs on threads of its own). It owns the limits: the body size (413), the time to
//! send a request (408) and to stay idle, a bounded number of connections (beyond it a
//! connection waits briefly, then gets 503 with `Retry-After`), and a clean stop on SIGINT or
//! SIGTERM that finishes every delivery in flight (each one a task the connection cannot cancel,
//! counted in [`InFlight`] until it is reported). Each refusal gets a line in the log.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, watch};

/// Connections beyond the bound that may wait for a slot at once; past them a connection is
/// refused with 503 at once, so a flood cannot pile up tasks.
const MAX_WAITING: usize = 1024;

/// Seconds a refused sender is asked to wait before retrying.
const RETRY_AFTER_SECONDS: u64 = 1;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub max_body: usize,
    pub max_connections: usize,
    /// Time to send a request's headers, and its body.
    pub read_timeout: Duration,
    pub idle_timeout: Duration,
    /// How long a connection beyond the bound waits for a free slot before its 503.
    pub queue_wait: Duration,
}

/// One delivery as received: the request line, the headers in order, the exact body bytes.
#[derive(Debug)]
pub(crate) struct Received {
    pub peer: SocketAddr,
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Bytes,
    pub at: SystemTime,
}

/// What to send back.
#[derive(Debug, Default)]
pub(crate) struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub(crate) fn status(status: u16) -> Self {
        Self { status, ..Self::default() }
    }

    /// A short plain-text answer, for the refusals the server makes itself.
    pub(crate) fn text(status: u16, text: &str) -> Self {
        Self {
            status,
            headers: vec![("content-type".into(), "text/plain; charset=utf-8".into())],
            body: format!("{text}\n").into_bytes(),
        }
    }
}

pub(crate) type Handler = dyn Fn(Received) -> Pin<Box<dyn Future<Output = Answer> + Send>> + Send + Sync;
pub(crate) type Log = dyn Fn(&str) + Send + Sync;

/// The deliveries still being answered or reported: each is a task of its own, so a client that
/// goes away (or half-closes) cannot cancel the report of a delivery already received, and a stop
/// waits for every one. A second signal tells them to hurry (`hurry`): forwards give up.
pub(crate) struct InFlight {
    count: AtomicUsize,
    idle: Notify,
    hurry: watch::Sender<bool>,
}

/// One delivery's place in [`InFlight`], given back when dropped (also on a panic).
struct Place(Arc<InFlight>);

impl Drop for Place {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl InFlight {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(Self { count: AtomicUsize::new(0), idle: Notify::new(), hurry: watch::Sender::new(false) })
    }

    /// Runs `work` as a task of its own, counted until it ends.
    pub(crate) fn spawn<F>(self: &Arc<Self>, work: F) -> tokio::task::JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.count.fetch_add(1, Ordering::AcqRel);
        let place = Place(Arc::clone(self));
        tokio::spawn(async move {
            let _place = place;
            work.await
        })
    }

    /// Resolves once told to hurry (a second signal).
    pub(crate) async fn hurried(&self) {
        let _ = self.hurry.subscribe().wait_for(|h| *h).await;
    }

    async fn drained(&self) {
        loop {
            let idle = self.idle.notified();
            tokio::pin!(idle);
            idle.as_mut().enable();
            if self.count.load(Ordering::Acquire) == 0 {
                return;
            }
            idle.await;
        }
    }
}

struct Shared {
    path: String,
    limits: Limits,
    handler: Arc<Handler>,
    log: Arc<Log>,
    slots: Arc<Semaphore>,
    in_flight: Arc<InFlight>,
}

impl Shared {
    fn log(&self, message: &str) {
        (self.log)(message);
    }

    fn path_matches(&self, path: &str) -> bool {
        self.path.is_empty()
            || path == self.path
            || path.strip_prefix(self.path.as_str()).is_some_and(|rest| rest.starts_with('/'))
    }
}

/// What `serve` needs besides the listener.
pub(crate) struct Serving {
    pub path: String,
    pub limits: Limits,
    pub handler: Arc<Handler>,
    pub log: Arc<Log>,
    pub in_flight: Arc<InFlight>,
}

/// Serves deliveries on `listener` until SIGINT or SIGTERM (or `stop`), then finishes every
/// delivery in flight and returns. A second signal while finishing drops the connections and
/// hurries the deliveries in flight (a forward gives up), which are still reported.
pub(crate) fn serve(listener: std::net::TcpListener, serving: Serving, stop: &Notify) -> std::io::Result<()> {
    // Host names are looked up on blocking threads: a few, however many deliveries are in flight.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .max_blocking_threads(crate::live::client::LOOKUP_THREADS)
        .build()?;
    let Serving { path, limits, handler, log, in_flight } = serving;
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let shared = Arc::new(Shared { path, limits, handler, log, slots, in_flight });
    runtime.block_on(accept_loop(listener, shared, stop))
}

/// SIGINT or SIGTERM, whichever comes first.
struct Signals {
    interrupt: tokio::signal::unix::Signal,
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    fn new() -> std::io::Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Self { interrupt: signal(SignalKind::interrupt())?, terminate: signal(SignalKind::terminate())? })
    }

    async fn recv(&mut self) -> &'static str {
        tokio::select! {
            _ = self.interrupt.recv() => "SIGINT",
            _ = self.terminate.recv() => "SIGTERM",
        }
    }
}

async fn accept_loop(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    stop: &Notify,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = TcpListener::from_std(listener)?;
    let mut signals = Signals::new()?;
    let (stopping, stopped) = watch::channel(false);
    let mut tasks = tokio::task::JoinSet::new();
    let why = loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    if tasks.len() >= shared.limits.max_connections + MAX_WAITING {
                        refuse_now(&shared, &stream, peer);
                        continue;
                    }
                    tasks.spawn(connection(Arc::clone(&shared), stream, peer, stopped.clone()));
                }
                Err(e) => {
                    // Out of file descriptors and the like: say so, breathe, go on.
                    shared.log(&format!("cannot accept a connection: {e}"));
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            signal = signals.recv() => break signal,
            () = stop.notified() => break "the end of the report",
            Some(_) = tasks.join_next(), if !tasks.is_empty() => {}
        }
    };
    drop(listener);
    let open = tasks.len();
    shared.log(&format!(
        "stopping ({why}): finishing the deliveries in flight on {open} open connection{}",
        if open == 1 { "" } else { "s" }
    ));
    let _ = stopping.send(true);
    let signal = loop {
        tokio::select! {
            _ = tasks.join_next(), if !tasks.is_empty() => {}
            () = shared.in_flight.drained(), if tasks.is_empty() => return Ok(()),
            signal = signals.recv() => break signal,
        }
    };
    shared.log(&format!(
        "{signal} again: stopping now; connections are dropped, forwards abandoned, deliveries already received still reported"
    ));
    shared.in_flight.hurry.send_replace(true);
    tasks.abort_all();
    while tasks.join_next().await.is_some() {}
    tokio::select! {
        () = shared.in_flight.drained() => {}
        signal = signals.recv() => shared.log(&format!("{signal} a third time: not waiting for the reports")),
    }
    Ok(())
}

/// Beyond every bound: a best-effort 503 written without reading the request, then close.
fn refuse_now(shared: &Shared, stream: &TcpStream, peer: SocketAddr) {
    shared.log(&format!(
        "{peer}: 503: too many connections waiting; told to retry after {RETRY_AFTER_SECONDS} s"
    ));
    let answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\nretry-after: {RETRY_AFTER_SECONDS}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"
    );
    let _ = stream.try_write(answer.as_bytes());
}

/// When the connection last finished a request, and how many are in progress.
struct Activity {
    in_flight: AtomicUsize,
    served: AtomicUsize,
    last: Mutex<Instant>,
}

impl Activity {
    fn touch(&self) {
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Instant::now();
    }

    fn idle_since(&self) -> Option<Instant> {
        (self.in_flight.load(Ordering::Acquire) == 0)
            .then(|| *self.last.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

async fn connection(
    shared: Arc<Shared>,
    stream: TcpStream,
    peer: SocketAddr,
    mut stopped: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let permit = match Arc::clone(&shared.slots).try_acquire_owned() {
        Ok(permit) => Some(permit),
        Err(_) => wait_for_slot(&shared, &mut stopped).await,
    };
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(shared.limits.read_timeout)
        .max_buf_size(64 * 1024)
        // A client that shuts its writing side after a whole request (`nc -N`, some proxies)
        // still gets its answer.
        .half_close(true);
    let io = TokioIo::new(stream);
    let Some(permit) = permit else {
        refuse(&shared, &builder, io, peer).await;
        return;
    };
    serve_connection(&shared, &builder, io, peer, stopped, permit).await;
}

async fn wait_for_slot(shared: &Shared, stopped: &mut watch::Receiver<bool>) -> Option<OwnedSemaphorePermit> {
    let slots = Arc::clone(&shared.slots);
    tokio::select! {
        permit = tokio::time::timeout(shared.limits.queue_wait, slots.acquire_owned()) => permit.ok()?.ok(),
        _ = stopped.wait_for(|s| *s) => None,
    }
}

/// Answers every request on the connection with 503 and `Retry-After`, then closes it.
async fn refuse(shared: &Arc<Shared>, builder: &http1::Builder, io: TokioIo<TcpStream>, peer: SocketAddr) {
    let log_shared = Arc::clone(shared);
    let service = service_fn(move |request: Request<Incoming>| {
        let shared = Arc::clone(&log_shared);
        async move {
            shared.log(&format!(
                "{peer}: 503 for {} {}: all {} connections busy for {} ms; told to retry after {RETRY_AFTER_SECONDS} s",
                request.method(),
                request.uri().path(),
                shared.limits.max_connections,
                shared.limits.queue_wait.as_millis()
            ));
            let mut answer = Answer::text(503, "busy: too many connections; retry shortly");
            answer.headers.push(("retry-after".into(), RETRY_AFTER_SECONDS.to_string()));
            answer.headers.push(("connection".into(), "close".into()));
            Ok::<_, Infallible>(response(answer))
        }
    });
    let mut builder = builder.clone();
    if let Err(e) = builder.keep_alive(false).serve_connection(io, service).await {
        log_connection_error(shared, peer, &e);
    }
}

async fn serve_connection(
    shared: &Arc<Shared>,
    builder: &http1::Builder,
    io: TokioIo<TcpStream>,
    peer: SocketAddr,
    mut stopped: watch::Receiver<bool>,
    _permit: OwnedSemaphorePermit,
) {
    let activity = Arc::new(Activity {
        in_flight: AtomicUsize::new(0),
        served: AtomicUsize::new(0),
        last: Mutex::new(Instant::now()),
    });
    let service = {
        let shared = Arc::clone(shared);
        let activity = Arc::clone(&activity);
        service_fn(move |request: Request<Incoming>| {
            let shared = Arc::clone(&shared);
            let activity = Arc::clone(&activity);
            activity.in_flight.fetch_add(1, Ordering::AcqRel);
            async move {
                let answer = deliver(&shared, peer, request).await;
                activity.touch();
                activity.served.fetch_add(1, Ordering::AcqRel);
                activity.in_flight.fetch_sub(1, Ordering::AcqRel);
                Ok::<_, Infallible>(response(answer))
            }
        })
    };
    let connection = builder.serve_connection(io, service);
    tokio::pin!(connection);
    let mut closing = false;
    loop {
        let idle_check = activity.idle_since().map_or(shared.limits.idle_timeout, |since| {
            shared.limits.idle_timeout.saturating_sub(since.elapsed())
        });
        tokio::select! {
            result = connection.as_mut() => {
                match result {
                    // hyper's header timeout also ends a kept-alive connection waiting for its
                    // next request: that is the normal end of an idle connection, not a failure.
                    Err(e) if e.is_timeout() && activity.served.load(Ordering::Acquire) > 0 => {}
                    Err(e) => log_connection_error(shared, peer, &e),
                    Ok(()) => {}
                }
                return;
            }
            _ = stopped.wait_for(|s| *s), if !closing => {
                closing = true;
                connection.as_mut().graceful_shutdown();
            }
            () = tokio::time::sleep(idle_check.max(Duration::from_millis(10))), if !closing => {
                if activity.idle_since().is_some_and(|since| since.elapsed() >= shared.limits.idle_timeout) {
                    closing = true;
                    connection.as_mut().graceful_shutdown();
                }
            }
        }
    }
}

fn log_connection_error(shared: &Shared, peer: SocketAddr, error: &hyper::Error) {
    let what = if error.is_parse() || error.is_parse_status() {
        format!("malformed request, answered 400 ({error})")
    } else if error.is_parse_too_large() {
        format!("request headers too large, answered 431 ({error})")
    } else if error.is_timeout() {
        format!("headers not received within {} s; connection closed", shared.limits.read_timeout.as_secs())
    } else if error.is_incomplete_message() {
        "the client closed the connection before the request was complete".to_owned()
    } else {
        format!("connection error: {error}")
    };
    shared.log(&format!("{peer}: {what}"));
}

/// One request: checks the path, method and size, reads the body within the limits, and hands
/// the delivery to the handler.
async fn deliver(shared: &Shared, peer: SocketAddr, request: Request<Incoming>) -> Answer {
    let method = request.method().as_str().to_owned();
    let target = request.uri().path_and_query().map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
    let refuse = |status: u16, why: &str, close: bool| {
        shared.log(&format!("{peer}: {status} for {} {target}: {why}", crate::output::shorten(&method, 40)));
        let mut answer = Answer::text(status, why);
        if close {
            answer.headers.push(("connection".into(), "close".into()));
        }
        answer
    };
    if !shared.path_matches(request.uri().path()) {
        let path = if shared.path.is_empty() { "/" } else { &shared.path };
        return refuse(404, &format!("not found: deliveries go to {path}"), false);
    }
    if request.method() != hyper::Method::POST {
        let mut answer = refuse(405, "method not allowed: deliveries are POST requests", false);
        answer.headers.push(("allow".into(), "POST".into()));
        return answer;
    }
    let max = shared.limits.max_body;
    let declared = request
        .headers()
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > max as u64) {
        let why = format!("body of {} bytes is over the limit of {max} bytes", declared.unwrap_or_default());
        return refuse(413, &why, true);
    }
    let headers: Vec<(String, Vec<u8>)> =
        request.headers().iter().map(|(k, v)| (k.as_str().to_owned(), v.as_bytes().to_vec())).collect();
    let read =
        tokio::time::timeout(shared.limits.read_timeout, Limited::new(request.into_body(), max).collect());
    let body = match read.await {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => {
            return refuse(413, &format!("body is over the limit of {max} bytes"), true);
        }
        Ok(Err(e)) => return refuse(400, &format!("the body could not be read: {e}"), true),
        Err(_) => {
            let why = format!("body not received within {} s", shared.limits.read_timeout.as_secs());
            return refuse(408, &why, true);
        }
    };
    let received = Received { peer, method, target, headers, body, at: SystemTime::now() };
    // A task of its own: the delivery is answered and reported even if the connection goes away.
    match shared.in_flight.spawn((shared.handler)(received)).await {
        Ok(answer) => answer,
        Err(e) => {
            shared.log(&format!("{peer}: 500: the delivery's task failed: {e}"));
            Answer::status(500)
        }
    }
}

fn response(answer: Answer) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    for (name, value) in answer.headers {
        if let (Ok(name), Ok(value)) =
            (hyper::header::HeaderName::try_from(name), hyper::header::HeaderValue::try_from(value))
        {
            headers.append(name, value);
        }
    }
    response
}
