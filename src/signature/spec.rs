//! What a signature scheme is made of: its headers, how its secret becomes a key, what it signs,
//! and the mistakes people make with it (the variants the diagnosis tries).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_PAD_INDIFFERENT};

/// The signed pieces of one delivery, as sent (the timestamp is the header text, not a number,
/// because the sender signs the text).
pub(super) struct Parts<'a> {
    pub id: &'a str,
    pub timestamp: &'a str,
    pub body: &'a [u8],
}

/// How a signer may have used the secret instead of the way the scheme says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SecretForm {
    /// The secret text as the key, where the scheme base64-decodes it first.
    NotDecoded,
    /// The base64-decoded secret as the key, where the scheme uses the text as it is.
    Decoded,
    /// The secret text without its prefix (`wss_`), where the scheme keeps the prefix.
    WithoutPrefix,
}

/// A signed message built differently from the scheme's construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MessageForm {
    /// The raw body alone, no timestamp (or id) in front.
    BodyOnly,
    /// `<timestamp>.<body>`: the Daily construction, used where the scheme signs something else.
    TimestampDotBody,
    /// `<timestamp>:<body>`: Extend's construction without its `v0:` version prefix.
    WithoutVersion,
}

impl MessageForm {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Self::BodyOnly => "the raw body alone",
            Self::TimestampDotBody => "`<timestamp>.<raw body>`",
            Self::WithoutVersion => "`<timestamp>:<raw body>` (without the `v0:` prefix)",
        }
    }
}

/// Alternatives a diagnosis tries, each with what it stands for.
pub(super) type Variants<T> = Vec<(T, Vec<u8>)>;

/// One scheme, as data plus the few functions that differ between schemes.
pub(super) struct Spec {
    /// The scheme's name in sentences ("Daily").
    pub name: &'static str,
    pub signature_header: &'static str,
    pub timestamp_header: &'static str,
    /// Schemes that sign a delivery id name its header.
    pub id_header: Option<&'static str>,
    /// What the scheme signs, for sentences ("`<timestamp>.<raw body>`").
    pub construction: &'static str,
    /// What a well-formed signature header looks like, for sentences.
    pub signature_shape: &'static str,
    /// What a usable secret looks like, for sentences.
    pub secret_shape: &'static str,
    /// How the scheme turns the secret into the HMAC key, for sentences.
    pub key_use: &'static str,
    /// Seconds a timestamp may lie behind / ahead of now by default.
    pub tolerance_past: i64,
    pub tolerance_future: i64,
    /// The delivered tags (several for Standard Webhooks); `None` when the header is malformed.
    pub parse_signature: fn(&str) -> Option<Vec<Vec<u8>>>,
    /// The header value for a tag, for `sign`.
    pub format_signature: fn(&[u8]) -> String,
    /// The HMAC key the scheme derives from the secret; `None` when the secret is not usable.
    pub key: fn(&[u8]) -> Option<Vec<u8>>,
    /// The keys a confused signer may have used instead.
    pub other_keys: fn(&[u8]) -> Variants<SecretForm>,
    pub message: fn(&Parts) -> Vec<u8>,
    /// Messages a confused signer may have built instead.
    pub other_messages: fn(&Parts) -> Variants<MessageForm>,
}

/// Pieces joined into one message.
pub(super) fn concat(pieces: &[&[u8]]) -> Vec<u8> {
    pieces.concat()
}

/// Secrets are copied from dashboards and files, so surrounding whitespace (a file's final
/// newline) is never part of them: none of the schemes' secrets contains whitespace.
pub(super) fn trim(secret: &[u8]) -> &[u8] {
    secret.trim_ascii()
}

/// Base64 secrets are decoded whether or not their `=` padding survived copying.
pub(super) fn decode_secret(text: &[u8]) -> Option<Vec<u8>> {
    STANDARD_PAD_INDIFFERENT.decode(text).ok().filter(|key| !key.is_empty())
}

/// A base64 header value that must hold exactly one HMAC-SHA256 tag (strict padding, as sent).
pub(super) fn decode_tag_base64(text: &str) -> Option<Vec<u8>> {
    STANDARD.decode(text).ok().filter(|tag| tag.len() == 32)
}

pub(super) fn encode_base64(tag: &[u8]) -> String {
    STANDARD.encode(tag)
}
