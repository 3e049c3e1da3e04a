//! Why a delivery failed verification, each reason one plain sentence (and a stable code for
//! machine output). No variant holds the secret or anything derived from it.

use std::fmt;

use super::reencode::BodyForm;
use super::scheme::{MessageForm, SecretForm};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The headers the scheme needs that the delivery lacks (looked up case-insensitively).
    MissingHeaders {
        scheme: String,
        headers: Vec<String>,
    },
    MalformedSignature {
        header: String,
        scheme: String,
        expected: String,
    },
    TimestampNotNumber {
        header: String,
        value: String,
    },
    /// The signature is right but the timestamp lies further back than the tolerance.
    TooOld {
        age: i64,
        tolerance: i64,
    },
    /// The signature is right but the timestamp lies further ahead than the tolerance.
    TooNew {
        ahead: i64,
        tolerance: i64,
    },
    /// The signature is right and the timestamp would be inside the window read as seconds.
    Milliseconds {
        scheme: String,
        timestamp: i64,
    },
    /// The signature matches a rewriting of the body, not the body delivered.
    BodyReencoded {
        form: BodyForm,
    },
    /// The signature matches when the secret is turned into a key the wrong way.
    SecretMisused {
        scheme: String,
        used: SecretForm,
        expected: String,
    },
    /// The signature matches a message built other than the scheme's way.
    MessageMisbuilt {
        scheme: String,
        used: MessageForm,
        expected: String,
    },
    /// The secret cannot be a key of this scheme, and no variant matched either.
    BadSecret {
        scheme: String,
        expected: String,
    },
    /// The header carries no signature of the kind the secret checks (an HMAC secret and only
    /// Ed25519 entries, or the other way round).
    NoEntryForKey {
        header: String,
        wanted: String,
        key: &'static str,
    },
    NoMatch,
}

impl Problem {
    /// A stable identifier for JSON output and tests.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            Self::MissingHeaders { .. } => "missing-header",
            Self::MalformedSignature { .. } => "malformed-signature",
            Self::TimestampNotNumber { .. } => "timestamp-not-a-number",
            Self::TooOld { .. } => "timestamp-too-old",
            Self::TooNew { .. } => "timestamp-in-future",
            Self::Milliseconds { .. } => "timestamp-in-milliseconds",
            Self::BodyReencoded { .. } => "body-re-encoded",
            Self::SecretMisused { .. } => "secret-misused",
            Self::MessageMisbuilt { .. } => "message-misbuilt",
            Self::BadSecret { .. } => "bad-secret",
            Self::NoEntryForKey { .. } => "no-entry-for-key",
            Self::NoMatch => "no-match",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingHeaders { scheme, headers } => {
                let names = match headers.split_last() {
                    Some((last, [])) => last.clone(),
                    Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                    None => String::from("signature"),
                };
                write!(f, "The delivery has no {names} header, which {scheme} sends with every signed delivery.")
            }
            Self::MalformedSignature { header, scheme, expected } => {
                write!(f, "The {header} header is not {expected}, the form {scheme} sends.")
            }
            Self::TimestampNotNumber { header, value } => {
                write!(f, "The {header} header is {:?}, not a whole number of Unix seconds.", shorten(value))
            }
            Self::TooOld { age, tolerance } => write!(
                f,
                "The timestamp is {age} s old, {} s older than the {tolerance} s tolerance, so the delivery is treated as a replay.",
                age.saturating_sub(*tolerance)
            ),
            Self::TooNew { ahead, tolerance } => write!(
                f,
                "The timestamp is {ahead} s in the future, {} s beyond the {tolerance} s tolerance, so the sender's clock or this one is wrong.",
                ahead.saturating_sub(*tolerance)
            ),
            Self::Milliseconds { scheme, timestamp } => write!(
                f,
                "The timestamp {timestamp} is in milliseconds, but {scheme} timestamps are Unix seconds."
            ),
            Self::BodyReencoded { form } => {
                write!(f, "The body was re-encoded after it was signed: the signature matches {}.", form.describe())
            }
            Self::SecretMisused { scheme, used, expected } => {
                let used = match used {
                    SecretForm::NotDecoded => "the secret text itself, not base64-decoded",
                    SecretForm::Decoded => "the base64-decoded secret",
                    SecretForm::WithoutPrefix => "the secret without its prefix",
                };
                write!(f, "The signature was made with {used}, but {scheme} signs with {expected}.")
            }
            Self::MessageMisbuilt { scheme, used, expected } => write!(
                f,
                "The signature covers {}, but {scheme} signs {expected}.",
                used.describe()
            ),
            Self::BadSecret { scheme, expected } => write!(
                f,
                "The secret is not in the form {scheme} uses ({expected}), and no other reading of it matches the signature."
            ),
            Self::NoEntryForKey { header, wanted, key } => {
                write!(f, "The {header} header has no {wanted} entry, the kind {key} checks.")
            }
            Self::NoMatch => f.write_str(
                "The signature matches no variant of the body, secret or timestamp: the secret is wrong or the body was changed after it was signed.",
            ),
        }
    }
}

/// Header values come from outside; a sentence quotes only the start of a long one.
fn shorten(value: &str) -> String {
    crate::output::shorten(value, 41).into_owned()
}
