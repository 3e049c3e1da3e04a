//! Live deliveries: the HTTP server under `listen` (limits, timeouts, bounded connections, clean
//! shutdown), its analysis threads and how each delivery is answered, the client that `send`
//! and `--forward-to` post with, and the `.http` captures that `--save` writes and every command
//! reads back.

pub(crate) mod client;
pub(crate) mod pool;
pub(crate) mod relay;
pub(crate) mod save;
pub(crate) mod server;

/// Headers that describe one hop, not the delivery: never forwarded, never replayed.
const HOP_BY_HOP: &[&str] = &[
    "connection",
    "content-length",
    "expect",
    "host",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

/// Whether a header belongs to the connection rather than to the delivery.
pub(crate) fn is_hop_by_hop(name: &str) -> bool {
    HOP_BY_HOP.iter().any(|h| h.eq_ignore_ascii_case(name))
}
