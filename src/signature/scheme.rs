//! A signature scheme as the catalog describes it (the `signature` object of a `provider.json`),
//! checked once when the catalog loads, and everything derived from that data: the signed
//! message, the key, the header layout, the sentences a diagnosis uses and the mistakes people
//! make with the scheme (the variants a diagnosis tries).

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_PAD_INDIFFERENT};
use serde::Deserialize;

/// The `signature` object of a provider that defines a scheme, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SchemeDesc {
    /// The key users write (`--scheme NAME`, `--secret-env NAME=VAR`).
    pub name: String,
    /// The scheme's name in sentences.
    pub title: String,
    pub headers: HeaderNames,
    /// What is signed: `{id}`, `{timestamp}` and `{body}` between literals (`v0:{timestamp}:{body}`).
    pub signed: String,
    pub key: KeyDesc,
    /// How the HMAC-SHA256 digest is written: `base64` or `hex` (lowercase).
    pub digest: Digest,
    #[serde(default)]
    pub layout: Layout,
    /// Asymmetric signatures beside the HMAC ones (Standard Webhooks `v1a`).
    #[serde(default)]
    pub ed25519: Option<Ed25519Desc>,
    pub tolerance: Tolerance,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HeaderNames {
    /// The header that identifies the delivery and is signed with it, for schemes that sign one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub timestamp: String,
    pub signature: String,
}

/// How the secret a user holds becomes the HMAC key.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct KeyDesc {
    pub encoding: KeyEncoding,
    /// A prefix the secret is shown with (`whsec_`, `wss_`): removed before decoding (and
    /// optional on input) unless `keep_prefix`, where the whole text is the key.
    #[serde(default)]
    pub prefix: Option<String>,
    #[serde(default)]
    pub keep_prefix: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum KeyEncoding {
    /// The secret is base64 text; the key is the decoded bytes.
    Base64,
    /// The secret text itself is the key.
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Digest {
    Base64,
    Hex,
}

/// What the signature header holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub(crate) enum Layout {
    /// One digest, nothing else.
    #[default]
    Plain,
    /// `<version>,<signature>` entries (one per secret while secrets rotate).
    Entries(EntriesDesc),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntriesDesc {
    #[serde(default = "space")]
    pub separator: String,
    /// The version labels of HMAC entries (the first one is written by `sign`).
    pub versions: Vec<String>,
}

fn space() -> String {
    " ".to_owned()
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Ed25519Desc {
    /// The version label of Ed25519 entries (`v1a`).
    pub version: String,
    /// The prefix of a base64 public key, used to verify (`whpk_`).
    pub public_key_prefix: String,
    /// The prefix of a base64 secret key, used to sign (`whsk_`).
    pub secret_key_prefix: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Tolerance {
    /// Seconds a signed timestamp may lie behind now.
    pub past: i64,
    /// Seconds it may lie ahead of now (clock skew).
    pub future: i64,
}

/// One piece of the signed message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Literal(String),
    Id,
    Timestamp,
    Body,
}

/// The signed pieces of one delivery, as sent (the timestamp is the header text, not a number,
/// because the sender signs the text).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts<'a> {
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
    /// The secret text without its prefix, where the scheme keeps the prefix.
    WithoutPrefix,
}

/// A signed message built differently from the scheme's template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MessageForm {
    /// The raw body alone, nothing in front.
    BodyOnly,
    /// `<timestamp>.<body>`, where the scheme signs something else.
    TimestampDotBody,
    /// The template without its leading literal (`v0:`): `rest` is what is left, for sentences.
    WithoutVersion { prefix: String, rest: String },
}

impl MessageForm {
    pub(crate) fn describe(&self) -> String {
        match self {
            Self::BodyOnly => "the raw body alone".to_owned(),
            Self::TimestampDotBody => "`<timestamp>.<raw body>`".to_owned(),
            Self::WithoutVersion { prefix, rest } => format!("{rest} (without the `{prefix}` prefix)"),
        }
    }
}

/// What a signature entry was made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryKind {
    Hmac,
    Ed25519,
}

/// One signature found in the signature header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// 1-based position among the header's entries (1 for a plain header).
    pub index: usize,
    pub kind: EntryKind,
    pub bytes: Vec<u8>,
}

/// A scheme ready to use: the description, checked, with its template parsed.
#[derive(Debug, Clone)]
pub(crate) struct Scheme {
    pub desc: SchemeDesc,
    pub(crate) template: Vec<Piece>,
}

const HMAC_LEN: usize = 32;
const ED25519_SIGNATURE_LEN: usize = 64;

/// What is wrong with a scheme description: the part of it (with its value where it has one) and
/// the problem, in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{part}: {problem}")]
pub(crate) struct SchemeError {
    pub part: String,
    pub problem: String,
}

fn bad(part: impl Into<String>, problem: impl Into<String>) -> SchemeError {
    SchemeError { part: part.into(), problem: problem.into() }
}

impl Scheme {
    /// Checks a description; the error is one sentence about the first problem.
    pub(crate) fn new(desc: SchemeDesc) -> Result<Self, SchemeError> {
        let signed = || format!("signed {:?}", desc.signed);
        let name_ok = !desc.name.is_empty()
            && desc.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !name_ok || desc.name == super::NO_SCHEME {
            return Err(bad(
                format!("name {:?}", desc.name),
                format!("use lowercase letters, digits and `-` (and not {:?})", super::NO_SCHEME),
            ));
        }
        if desc.title.trim().is_empty() {
            return Err(bad("title", "must not be empty"));
        }
        let names = [Some(&desc.headers.signature), Some(&desc.headers.timestamp), desc.headers.id.as_ref()];
        for name in names.iter().flatten() {
            let token = !name.is_empty()
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
            if !token {
                return Err(bad("headers", format!("{name:?} is not an HTTP header name")));
            }
        }
        let lower: Vec<String> = names.iter().flatten().map(|n| n.to_ascii_lowercase()).collect();
        if (1..lower.len()).any(|i| lower[..i].contains(&lower[i])) {
            return Err(bad("headers", "the signature, timestamp and id headers must differ"));
        }
        let template = parse_template(&desc.signed)?;
        let count = |p: &Piece| template.iter().filter(|q| *q == p).count();
        if count(&Piece::Body) != 1 || count(&Piece::Timestamp) != 1 {
            return Err(bad(signed(), "must hold `{body}` and `{timestamp}` once each"));
        }
        match (count(&Piece::Id), &desc.headers.id) {
            (1, Some(_)) | (0, None) => {}
            (0, Some(_)) => {
                return Err(bad(signed(), "the id header is named but `{id}` is not signed"));
            }
            (1, None) => return Err(bad(signed(), "`{id}` needs headers.id")),
            _ => return Err(bad(signed(), "`{id}` may appear once")),
        }
        match (&desc.key.prefix, desc.key.keep_prefix, desc.key.encoding) {
            (Some(p), _, _) if p.is_empty() || p.bytes().any(|b| b.is_ascii_whitespace()) => {
                return Err(bad("key.prefix", "must be non-empty and without spaces"));
            }
            (None, true, _) => return Err(bad("key.keep_prefix", "needs key.prefix")),
            (Some(_), true, KeyEncoding::Base64) => {
                return Err(bad("key.keep_prefix", "a base64 key is decoded without its prefix"));
            }
            _ => {}
        }
        if let Layout::Entries(entries) = &desc.layout {
            if entries.separator.is_empty() || entries.versions.is_empty() {
                return Err(bad("layout.entries", "needs a separator and at least one version"));
            }
            let odd = entries.versions.iter().find(|v| v.is_empty() || v.contains([',', ' ']));
            if let Some(v) = odd {
                return Err(bad("layout.entries.versions", format!("{v:?} is not a version label")));
            }
        }
        if let Some(ed) = &desc.ed25519 {
            let Layout::Entries(entries) = &desc.layout else {
                return Err(bad("ed25519", "needs layout {\"entries\": ...} to tell its signatures apart"));
            };
            if entries.versions.contains(&ed.version)
                || ed.version.is_empty()
                || ed.version.contains([',', ' '])
            {
                return Err(bad(format!("ed25519.version {:?}", ed.version), "must be a label of its own"));
            }
            if ed.public_key_prefix.is_empty()
                || ed.secret_key_prefix.is_empty()
                || ed.public_key_prefix == ed.secret_key_prefix
            {
                return Err(bad(
                    "ed25519",
                    "the public and secret key prefixes must be non-empty and differ",
                ));
            }
        }
        if desc.tolerance.past < 0 || desc.tolerance.future < 0 {
            return Err(bad("tolerance", "past and future are seconds, not negative"));
        }
        Ok(Self { desc, template })
    }

    pub(crate) fn name(&self) -> &str {
        &self.desc.name
    }

    pub(crate) fn title(&self) -> &str {
        &self.desc.title
    }

    /// The headers the scheme reads, in the order id, timestamp, signature.
    pub(crate) fn header_names(&self) -> Vec<&str> {
        let h = &self.desc.headers;
        h.id.iter().map(String::as_str).chain([h.timestamp.as_str(), h.signature.as_str()]).collect()
    }

    /// The message signed for these parts.
    pub(crate) fn message(&self, parts: &Parts) -> Vec<u8> {
        render(&self.template, parts)
    }

    /// `v0:<timestamp>:<raw body>`, in backquotes, for sentences.
    pub(crate) fn construction(&self) -> String {
        describe_template(&self.template)
    }

    /// What a well-formed signature header holds, for sentences.
    pub(crate) fn signature_shape(&self) -> String {
        let digest = match self.desc.digest {
            Digest::Base64 => "the base64 encoding of a 32-byte HMAC-SHA256".to_owned(),
            Digest::Hex => format!("{} lowercase hex digits", HMAC_LEN * 2),
        };
        match &self.desc.layout {
            Layout::Plain => digest,
            Layout::Entries(entries) => {
                let separated = if entries.separator == " " {
                    "space-separated".to_owned()
                } else {
                    format!("`{}`-separated", entries.separator)
                };
                let value = match self.desc.digest {
                    Digest::Base64 => "base64",
                    Digest::Hex => "hex",
                };
                let mut labels: Vec<String> =
                    entries.versions.iter().map(|v| format!("`{v},<{value}>`")).collect();
                if let Some(ed) = &self.desc.ed25519 {
                    labels.push(format!("`{},<base64>`", ed.version));
                }
                format!("{separated} {} entries", labels.join(" or "))
            }
        }
    }

    /// What a usable secret looks like, for sentences.
    pub(crate) fn secret_shape(&self) -> String {
        let key = &self.desc.key;
        let mut shape = match (key.encoding, &key.prefix) {
            (KeyEncoding::Base64, Some(prefix)) => format!("`{prefix}` followed by base64"),
            (KeyEncoding::Base64, None) => "base64 text".to_owned(),
            (KeyEncoding::Text, Some(prefix)) => format!("a non-empty `{prefix}` signing secret"),
            (KeyEncoding::Text, None) => "non-empty text".to_owned(),
        };
        if let Some(ed) = &self.desc.ed25519 {
            let _ = write!(
                shape,
                ", or a `{}` public key (`{}` secret key to sign)",
                ed.public_key_prefix, ed.secret_key_prefix
            );
        }
        shape
    }

    /// How the scheme turns the secret into the HMAC key, for sentences.
    pub(crate) fn key_use(&self) -> String {
        let key = &self.desc.key;
        match (key.encoding, &key.prefix, key.keep_prefix) {
            (KeyEncoding::Base64, Some(prefix), _) => format!("the base64-decoded part after `{prefix}`"),
            (KeyEncoding::Base64, None, _) => "the base64-decoded secret".to_owned(),
            (KeyEncoding::Text, Some(prefix), true) => {
                format!("the whole `{prefix}` secret as text, not decoded")
            }
            (KeyEncoding::Text, Some(prefix), false) => {
                format!("the secret text after `{prefix}`, not decoded")
            }
            (KeyEncoding::Text, None, _) => "the secret text as it is, not decoded".to_owned(),
        }
    }

    /// How the secret becomes the key, in a few words, for listings: `base64 after whsec_`.
    pub(crate) fn key_summary(&self) -> String {
        let key = &self.desc.key;
        let mut text = match (key.encoding, &key.prefix, key.keep_prefix) {
            (KeyEncoding::Base64, Some(prefix), _) => format!("base64 after {prefix}"),
            (KeyEncoding::Base64, None, _) => "base64".to_owned(),
            (KeyEncoding::Text, Some(prefix), true) => format!("text, {prefix} kept"),
            (KeyEncoding::Text, Some(prefix), false) => format!("text after {prefix}"),
            (KeyEncoding::Text, None, _) => "text".to_owned(),
        };
        if let Some(ed) = &self.desc.ed25519 {
            let _ =
                write!(text, "; Ed25519: {} public, {} secret", ed.public_key_prefix, ed.secret_key_prefix);
        }
        text
    }

    /// The secret without the scheme's prefix, when it has it and the prefix is not part of the key.
    fn bare<'s>(&self, secret: &'s [u8]) -> Option<&'s [u8]> {
        self.desc.key.prefix.as_ref().and_then(|p| secret.strip_prefix(p.as_bytes()))
    }

    /// The HMAC key the scheme derives from the secret; `None` when the secret is not usable.
    pub(crate) fn hmac_key(&self, secret: &[u8]) -> Option<Vec<u8>> {
        let key = &self.desc.key;
        // Reference libraries accept a prefixed secret with or without its prefix.
        let text = if key.keep_prefix { secret } else { self.bare(secret).unwrap_or(secret) };
        match key.encoding {
            KeyEncoding::Base64 => decode_secret(text),
            KeyEncoding::Text => (!text.is_empty()).then(|| text.to_vec()),
        }
    }

    /// The keys a confused signer may have used instead.
    pub(crate) fn other_keys(&self, secret: &[u8]) -> Vec<(SecretForm, Vec<u8>)> {
        let bare = self.bare(secret);
        let mut keys = Vec::new();
        match self.desc.key.encoding {
            KeyEncoding::Base64 => {
                keys.push((SecretForm::NotDecoded, secret.to_vec()));
                keys.extend(bare.map(|b| (SecretForm::NotDecoded, b.to_vec())));
            }
            KeyEncoding::Text => {
                // People who know base64 secrets from other providers decode it, or what
                // follows the prefix.
                for text in [Some(secret), bare].into_iter().flatten() {
                    keys.extend(decode_secret(text).map(|k| (SecretForm::Decoded, k)));
                }
                match bare {
                    Some(bare) if self.desc.key.keep_prefix => {
                        keys.push((SecretForm::WithoutPrefix, bare.to_vec()));
                    }
                    _ => {}
                }
            }
        }
        keys
    }

    /// Messages a confused signer may have built instead, each different from the template and
    /// from each other.
    pub(crate) fn other_messages(&self, parts: &Parts) -> Vec<(MessageForm, Vec<u8>)> {
        let mut forms: Vec<(MessageForm, Vec<Piece>)> = Vec::new();
        if let [Piece::Literal(prefix), rest @ ..] = self.template.as_slice()
            && !rest.is_empty()
        {
            let form = MessageForm::WithoutVersion { prefix: prefix.clone(), rest: describe_template(rest) };
            forms.push((form, rest.to_vec()));
        }
        let dotted = vec![Piece::Timestamp, Piece::Literal(".".to_owned()), Piece::Body];
        forms.push((MessageForm::TimestampDotBody, dotted));
        forms.push((MessageForm::BodyOnly, vec![Piece::Body]));
        let mut out: Vec<(MessageForm, Vec<Piece>)> = Vec::new();
        for (form, pieces) in forms {
            if pieces != self.template && out.iter().all(|(_, seen)| *seen != pieces) {
                out.push((form, pieces));
            }
        }
        out.into_iter().map(|(form, pieces)| (form, render(&pieces, parts))).collect()
    }

    /// The signatures of a header value; `None` when it holds none this scheme can use.
    pub(crate) fn parse_signature(&self, value: &str) -> Option<Vec<Entry>> {
        let entries = match &self.desc.layout {
            Layout::Plain => {
                let bytes = self.decode_digest(value)?;
                vec![Entry { index: 1, kind: EntryKind::Hmac, bytes }]
            }
            Layout::Entries(layout) => {
                let parts = split_entries(layout, value);
                let mut out = Vec::new();
                for (i, part) in parts.iter().enumerate() {
                    let Some((label, sig)) = part.split_once(',') else { continue };
                    // Other versions are skipped, as the Standard Webhooks specification says
                    // receivers should.
                    if layout.versions.iter().any(|v| v == label) {
                        if let Some(bytes) = self.decode_digest(sig) {
                            out.push(Entry { index: i + 1, kind: EntryKind::Hmac, bytes });
                        }
                    } else if self.desc.ed25519.as_ref().is_some_and(|ed| ed.version == label)
                        && let Some(bytes) =
                            STANDARD.decode(sig).ok().filter(|b| b.len() == ED25519_SIGNATURE_LEN)
                    {
                        out.push(Entry { index: i + 1, kind: EntryKind::Ed25519, bytes });
                    }
                }
                out
            }
        };
        (!entries.is_empty()).then_some(entries)
    }

    /// How many signatures the header holds (1 for a plain header), for reports.
    pub(crate) fn entry_count(&self, value: &str) -> usize {
        match &self.desc.layout {
            Layout::Plain => 1,
            Layout::Entries(layout) => split_entries(layout, value).len().max(1),
        }
    }

    /// A digest as the header carries it: strict base64 (as sent), or lowercase hex, which
    /// SDKs compare as text, so upper-case digits would be rejected by a real receiver.
    fn decode_digest(&self, text: &str) -> Option<Vec<u8>> {
        let bytes = match self.desc.digest {
            Digest::Base64 => STANDARD.decode(text).ok()?,
            Digest::Hex => {
                if !text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
                    return None;
                }
                hex::decode(text).ok()?
            }
        };
        (bytes.len() == HMAC_LEN).then_some(bytes)
    }

    /// The header value for one HMAC tag, for `sign`.
    pub(crate) fn format_hmac(&self, tag: &[u8]) -> String {
        let text = match self.desc.digest {
            Digest::Base64 => STANDARD.encode(tag),
            Digest::Hex => hex::encode(tag),
        };
        match &self.desc.layout {
            Layout::Plain => text,
            Layout::Entries(entries) => format!("{},{text}", entries.versions[0]),
        }
    }

    /// The header entry for one Ed25519 signature, for `sign`.
    pub(crate) fn format_ed25519(&self, signature: &[u8]) -> Option<String> {
        self.desc.ed25519.as_ref().map(|ed| format!("{},{}", ed.version, STANDARD.encode(signature)))
    }

    /// The Ed25519 public key a secret names: a public key, or the one of a secret key.
    pub(crate) fn ed25519_public(&self, secret: &[u8]) -> Option<[u8; 32]> {
        let ed = self.desc.ed25519.as_ref()?;
        if let Some(rest) = secret.strip_prefix(ed.public_key_prefix.as_bytes()) {
            return STANDARD_PAD_INDIFFERENT.decode(rest).ok()?.try_into().ok();
        }
        self.ed25519_seed(secret).map(|seed| super::crypto::ed25519_public(&seed))
    }

    /// The Ed25519 signing seed of a secret key: base64 of the 32-byte seed, or of the 64-byte
    /// seed-and-public-key form libsodium writes.
    pub(crate) fn ed25519_seed(&self, secret: &[u8]) -> Option<[u8; 32]> {
        let ed = self.desc.ed25519.as_ref()?;
        let rest = secret.strip_prefix(ed.secret_key_prefix.as_bytes())?;
        let bytes = STANDARD_PAD_INDIFFERENT.decode(rest).ok()?;
        match bytes.len() {
            32 | 64 => bytes[..32].try_into().ok(),
            _ => None,
        }
    }

    /// Whether the secret is meant for Ed25519 (one of its prefixes), whatever its content.
    pub(crate) fn is_ed25519_secret(&self, secret: &[u8]) -> bool {
        self.desc.ed25519.as_ref().is_some_and(|ed| {
            secret.starts_with(ed.public_key_prefix.as_bytes())
                || secret.starts_with(ed.secret_key_prefix.as_bytes())
        })
    }
}

fn split_entries<'v>(layout: &EntriesDesc, value: &'v str) -> Vec<&'v str> {
    if layout.separator == " " {
        value.split_ascii_whitespace().collect()
    } else {
        value.split(layout.separator.as_str()).map(str::trim).filter(|s| !s.is_empty()).collect()
    }
}

fn parse_template(text: &str) -> Result<Vec<Piece>, SchemeError> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(open) = rest.find(['{', '}']) else {
            pieces.push(Piece::Literal(rest.to_owned()));
            break;
        };
        if open > 0 {
            pieces.push(Piece::Literal(rest[..open].to_owned()));
        }
        let after = &rest[open..];
        let close = after.find('}').filter(|_| after.starts_with('{'));
        let Some(close) = close else {
            return Err(bad(format!("signed {text:?}"), "a `{` or `}` outside a placeholder"));
        };
        pieces.push(match &after[1..close] {
            "id" => Piece::Id,
            "timestamp" => Piece::Timestamp,
            "body" => Piece::Body,
            other => {
                return Err(bad(
                    format!("signed {text:?}"),
                    format!("unknown placeholder {{{other}}} (known: {{id}}, {{timestamp}}, {{body}})"),
                ));
            }
        });
        rest = &after[close + 1..];
    }
    Ok(pieces)
}

fn render(pieces: &[Piece], parts: &Parts) -> Vec<u8> {
    let mut out = Vec::with_capacity(parts.body.len() + 64);
    for piece in pieces {
        match piece {
            Piece::Literal(text) => out.extend_from_slice(text.as_bytes()),
            Piece::Id => out.extend_from_slice(parts.id.as_bytes()),
            Piece::Timestamp => out.extend_from_slice(parts.timestamp.as_bytes()),
            Piece::Body => out.extend_from_slice(parts.body),
        }
    }
    out
}

fn describe_template(pieces: &[Piece]) -> String {
    let inner: String = pieces
        .iter()
        .map(|p| match p {
            Piece::Literal(text) => text.as_str(),
            Piece::Id => "<id>",
            Piece::Timestamp => "<timestamp>",
            Piece::Body => "<raw body>",
        })
        .collect();
    format!("`{inner}`")
}

/// Base64 secrets are decoded whether or not their `=` padding survived copying.
fn decode_secret(text: &[u8]) -> Option<Vec<u8>> {
    STANDARD_PAD_INDIFFERENT.decode(text).ok().filter(|key| !key.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(json: serde_json::Value) -> Result<Scheme, String> {
        let desc: SchemeDesc = serde_json::from_value(json).map_err(|e| e.to_string())?;
        Scheme::new(desc).map_err(|e| e.to_string())
    }

    fn base() -> serde_json::Value {
        serde_json::json!({
            "name": "acme", "title": "Acme",
            "headers": {"signature": "x-acme-signature", "timestamp": "x-acme-timestamp"},
            "signed": "t={timestamp},{body}",
            "key": {"encoding": "text"}, "digest": "hex",
            "tolerance": {"past": 300, "future": 30}
        })
    }

    #[test]
    fn a_bad_description_names_its_part_and_the_problem() {
        let mut json = base();
        json["signed"] = serde_json::json!("{body}");
        let desc: SchemeDesc = serde_json::from_value(json).unwrap();
        let err = Scheme::new(desc).unwrap_err();
        assert_eq!(err.part, "signed \"{body}\"");
        assert_eq!(err.to_string(), "signed \"{body}\": must hold `{body}` and `{timestamp}` once each");
    }

    #[test]
    fn templates_parse_and_describe() {
        let scheme = desc(base()).unwrap();
        assert_eq!(scheme.construction(), "`t=<timestamp>,<raw body>`");
        let parts = Parts { id: "", timestamp: "17", body: b"{}" };
        assert_eq!(scheme.message(&parts), b"t=17,{}");
        let others: Vec<MessageForm> = scheme.other_messages(&parts).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            others,
            [
                MessageForm::WithoutVersion { prefix: "t=".into(), rest: "`<timestamp>,<raw body>`".into() },
                MessageForm::TimestampDotBody,
                MessageForm::BodyOnly
            ]
        );
    }

    #[test]
    fn bad_descriptions_are_named() {
        let with = |pointer: &str, value: serde_json::Value| {
            let mut json = base();
            *json.pointer_mut(pointer).unwrap() = value;
            desc(json).unwrap_err()
        };
        assert!(with("/signed", "{body}".into()).contains("`{timestamp}` once"));
        assert!(with("/signed", "{timestamp}{nonce}{body}".into()).contains("unknown placeholder {nonce}"));
        assert!(with("/signed", "{id}.{timestamp}.{body}".into()).contains("needs headers.id"));
        assert!(with("/name", "Acme Co".into()).contains("lowercase"));
        assert!(with("/headers/timestamp", "x-acme-signature".into()).contains("must differ"));
        assert!(with("/tolerance/past", (-1).into()).contains("negative"));
        assert!(with("/digest", "base32".into()).contains("unknown variant"));
        let mut json = base();
        json["ed25519"] =
            serde_json::json!({"version": "v1a", "public_key_prefix": "p_", "secret_key_prefix": "s_"});
        assert!(desc(json).unwrap_err().contains("layout"));
    }
}
