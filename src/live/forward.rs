//! The HTTP client behind `send` and `listen --forward-to`: one blocking POST of exact bytes
//! and headers, answered with the handler's status, body and latency. Redirects are relayed,
//! not followed; proxies from the environment are not used (handlers are local).

use std::time::{Duration, Instant};

/// Largest handler answer relayed; the rest of a larger one is cut off.
const MAX_ANSWER_BYTES: u64 = 4 << 20;

/// What a handler answered.
#[derive(Debug)]
pub(crate) struct Answered {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    pub latency: Duration,
}

/// Why a handler gave no answer.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PostError {
    #[error("no answer within {0} s")]
    Timeout(u64),
    #[error("cannot reach the handler: {0}")]
    Unreachable(String),
}

impl PostError {
    /// The status a relay answers in its place: 504 for a timeout, 502 otherwise.
    pub(crate) fn gateway_status(&self) -> u16 {
        match self {
            Self::Timeout(_) => 504,
            Self::Unreachable(_) => 502,
        }
    }
}

/// A client that keeps connections to the handler open between deliveries.
pub(crate) fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .proxy(None)
        .user_agent(concat!("hookscope/", env!("CARGO_PKG_VERSION")))
        .timeout_global(Some(timeout))
        .max_idle_connections(256)
        .max_idle_connections_per_host(256)
        .build()
        .into()
}

/// Posts `body` with `headers` (hop-by-hop ones left out) and reads the whole answer.
pub(crate) fn post(
    agent: &ureq::Agent,
    url: &str,
    headers: &[(String, Vec<u8>)],
    body: &[u8],
) -> Result<Answered, PostError> {
    let start = Instant::now();
    let mut request = agent.post(url);
    for (name, value) in headers {
        if !super::is_hop_by_hop(name) {
            request = request.header(name.as_str(), value.as_slice());
        }
    }
    let timeout = agent.config().timeouts().global.map_or(0, |t| t.as_secs());
    let classify = |e: ureq::Error| match e {
        ureq::Error::Timeout(_) => PostError::Timeout(timeout),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => PostError::Timeout(timeout),
        other => PostError::Unreachable(other.to_string()),
    };
    let mut response = request.send(body).map_err(classify)?;
    let status = response.status().as_u16();
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let body = match response.body_mut().with_config().limit(MAX_ANSWER_BYTES).read_to_vec() {
        Ok(body) => body,
        Err(ureq::Error::BodyExceedsLimit(_)) => Vec::new(),
        Err(e) => return Err(classify(e)),
    };
    Ok(Answered { status, content_type, body, latency: start.elapsed() })
}
