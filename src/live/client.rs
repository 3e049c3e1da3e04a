//! The one HTTP client behind `send` and `listen --forward-to`: asynchronous (hyper's pooled
//! client on the caller's tokio runtime, so a delivery in flight costs a task, not a thread),
//! `http://` and `https://` (rustls, the system's roots or `--cacert FILE`), one POST of exact
//! bytes and headers answered with the handler's status, body (up to a limit) and latency.
//! Redirects are relayed, not followed; proxies from the environment are not used.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Bytes;
use hyper::{Request, Uri};
use hyper_rustls::{ConfigBuilderExt, HttpsConnector};
use hyper_util::client::legacy::Client as Pooled;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;

/// Threads that look up host names (the resolver blocks), per runtime.
pub(crate) const LOOKUP_THREADS: usize = 4;

/// A handler's address: an `http://` or `https://` URL with a host and a port in range.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    uri: Uri,
}

impl Target {
    /// Checks a URL given on the command line.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        let uri: Uri = text.parse().map_err(|e| format!("not a URL: {e}"))?;
        match uri.scheme_str() {
            Some("http" | "https") => {}
            _ => return Err("expected an http:// or https:// URL".to_owned()),
        }
        let authority = uri.authority().ok_or("the URL names no host")?;
        if authority.host().is_empty() {
            return Err("the URL names no host".to_owned());
        }
        if authority.as_str().contains('@') {
            return Err(
                "a user name or password in the URL is not supported; send a header instead".to_owned()
            );
        }
        if let Some(port) = authority.as_str().rsplit_once(':').map(|(_, p)| p).filter(|p| !p.contains(']')) {
            match port.parse::<u16>() {
                Ok(1..) => {}
                _ => return Err(format!("port {port} is out of range (1 to 65535)")),
            }
        }
        Ok(Self { uri })
    }

    pub(crate) fn is_https(&self) -> bool {
        self.uri.scheme_str() == Some("https")
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.uri.fmt(f)
    }
}

/// What a handler answered.
#[derive(Debug)]
pub(crate) struct Answered {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    pub latency: Duration,
}

/// Why a handler gave no usable answer.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PostError {
    #[error("no answer from the handler within {0} s")]
    Timeout(u64),
    #[error("cannot reach the handler: {0}")]
    Unreachable(String),
    #[error("the handler answered {status} with a body over --max-answer-bytes ({limit} bytes); not relayed")]
    TooLarge { status: u16, limit: usize },
    #[error("the handler's answer broke off: {0}")]
    Broken(String),
    #[error("listen was stopped before the handler answered")]
    Abandoned,
}

impl PostError {
    /// The status a relay answers in its place: 504 for a timeout, 502 otherwise.
    pub(crate) fn gateway_status(&self) -> u16 {
        match self {
            Self::Timeout(_) => 504,
            Self::Unreachable(_) | Self::TooLarge { .. } | Self::Broken(_) => 502,
            Self::Abandoned => 503,
        }
    }
}

/// Why the client could not be built.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ClientError {
    #[error("--cacert {path}: {why}")]
    CaCert { path: String, why: String },
    #[error("no system root certificates to check {0} against; give --cacert FILE")]
    NoRoots(String),
    #[error("TLS set-up: {0}")]
    Tls(#[from] rustls::Error),
}

/// One client for a run: its connection pool, TLS set-up, timeout and answer limit.
pub(crate) struct Client {
    pooled: Pooled<HttpsConnector<HttpConnector>, Full<Bytes>>,
    timeout: Duration,
    max_answer: Option<usize>,
}

/// How to build the client.
pub(crate) struct Settings<'a> {
    pub timeout: Duration,
    /// The largest answer body kept; `None` reads and drops it (only the status matters).
    pub max_answer: Option<usize>,
    /// PEM certificates to trust instead of the system's roots.
    pub cacert: Option<&'a Path>,
}

impl Client {
    /// Builds the client for `target`; the roots are only read when it is an `https://` URL.
    pub(crate) fn new(target: &Target, settings: &Settings<'_>) -> Result<Self, ClientError> {
        // ring rather than aws-lc-rs keeps the build free of a large C library; its provider
        // lacks only the post-quantum key exchange, which a local handler does not need.
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder =
            rustls::ClientConfig::builder_with_provider(provider).with_safe_default_protocol_versions()?;
        let tls = match (settings.cacert, target.is_https()) {
            (Some(path), _) => builder.with_root_certificates(roots_from(path)?).with_no_client_auth(),
            (None, true) => builder
                .with_native_roots()
                .map_err(|_| ClientError::NoRoots(target.to_string()))?
                .with_no_client_auth(),
            (None, false) => {
                builder.with_root_certificates(rustls::RootCertStore::empty()).with_no_client_auth()
            }
        };
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(Some(settings.timeout));
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        let pooled = Pooled::builder(TokioExecutor::new())
            .timer(TokioTimer::new())
            .pool_timer(TokioTimer::new())
            .pool_idle_timeout(Duration::from_secs(30))
            .pool_max_idle_per_host(256)
            .build(connector);
        Ok(Self { pooled, timeout: settings.timeout, max_answer: settings.max_answer })
    }

    /// Posts `body` with `headers` (hop-by-hop ones left out) and reads the whole answer, all
    /// within the timeout.
    pub(crate) async fn post(
        &self,
        target: &Target,
        headers: &[(String, Vec<u8>)],
        body: Bytes,
    ) -> Result<Answered, PostError> {
        let start = Instant::now();
        let mut request = Request::post(target.uri.clone());
        let mut agent = true;
        for (name, value) in headers {
            if super::is_hop_by_hop(name) {
                continue;
            }
            agent &= !name.eq_ignore_ascii_case("user-agent");
            request = request.header(name.as_str(), value.as_slice());
        }
        if agent {
            request = request.header("user-agent", concat!("hookscope/", env!("CARGO_PKG_VERSION")));
        }
        let request = request.body(Full::new(body)).map_err(|e| PostError::Unreachable(e.to_string()))?;
        let exchange = async {
            let response =
                self.pooled.request(request).await.map_err(|e| PostError::Unreachable(cause(&e)))?;
            let status = response.status().as_u16();
            let content_type =
                response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
            let mut body = response.into_body();
            let Some(limit) = self.max_answer else {
                while let Some(frame) = body.frame().await {
                    frame.map_err(|e| PostError::Broken(cause(&e)))?;
                }
                return Ok(Answered { status, content_type, body: Vec::new(), latency: start.elapsed() });
            };
            let body = match Limited::new(body, limit).collect().await {
                Ok(collected) => collected.to_bytes().to_vec(),
                Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => {
                    return Err(PostError::TooLarge { status, limit });
                }
                Err(e) => return Err(PostError::Broken(cause(e.as_ref()))),
            };
            Ok(Answered { status, content_type, body, latency: start.elapsed() })
        };
        tokio::time::timeout(self.timeout, exchange)
            .await
            .map_err(|_| PostError::Timeout(self.timeout.as_secs()))?
    }
}

/// Certificates to trust, from a PEM file.
fn roots_from(path: &Path) -> Result<rustls::RootCertStore, ClientError> {
    let fail = |why: String| ClientError::CaCert { path: path.display().to_string(), why };
    let mut roots = rustls::RootCertStore::empty();
    let certs = CertificateDer::pem_file_iter(path).map_err(|e| fail(pem_error(e)))?;
    for cert in certs {
        let cert = cert.map_err(|e| fail(pem_error(e)))?;
        roots.add(cert).map_err(|e| fail(format!("not a usable certificate: {e}")))?;
    }
    if roots.is_empty() {
        return Err(fail("no PEM certificate in it".to_owned()));
    }
    Ok(roots)
}

fn pem_error(e: rustls_pki_types::pem::Error) -> String {
    match e {
        rustls_pki_types::pem::Error::Io(io) => io.to_string(),
        other => format!("not PEM: {other}"),
    }
}

/// The innermost cause of an error, which names what went wrong ("connection refused",
/// "invalid peer certificate: `UnknownIssuer`") where the outer ones only say "client error".
fn cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut inner = error;
    while let Some(source) = inner.source() {
        inner = source;
    }
    inner.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_need_a_scheme_a_host_and_a_port_in_range() {
        assert!(Target::parse("http://127.0.0.1:8787/hooks").is_ok());
        assert!(Target::parse("https://localhost/hooks").is_ok());
        assert!(Target::parse("http://[::1]:8080/").is_ok());
        assert!(Target::parse("http://[::1]/").is_ok());
        assert_eq!(
            Target::parse("http://127.0.0.1:99999/").unwrap_err(),
            "port 99999 is out of range (1 to 65535)"
        );
        assert_eq!(Target::parse("http://127.0.0.1:0/").unwrap_err(), "port 0 is out of range (1 to 65535)");
        assert!(Target::parse("ftp://host/").is_err());
        assert!(Target::parse("http:///x").is_err());
        assert!(Target::parse("localhost:8787").is_err());
    }
}
