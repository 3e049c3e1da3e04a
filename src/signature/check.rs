//! Checking a captured delivery: which scheme applies to it (`--scheme`, the signature headers
//! present, else its provider's default), which secrets to try, and the verdict in one sentence,
//! as `verify`, `listen` and `send` give it.

use serde::Serialize;

use super::{Clock, Delivery, Reason, Scheme, Verification};
use crate::secret::Secrets;

/// What a provider says about its signatures.
#[derive(Clone, Copy)]
pub(crate) enum DefaultScheme<'c> {
    Scheme(&'c Scheme),
    /// `"scheme": "none"`: the provider documents no signature (the note says more).
    None(Option<&'c str>),
    /// No `signature` object at all.
    Undeclared,
}

/// The provider of a delivery, as far as its signature goes.
#[derive(Clone, Copy)]
pub(crate) struct Signer<'c> {
    pub id: &'c str,
    /// Its display name, for messages.
    pub name: &'c str,
    pub default: DefaultScheme<'c>,
}

/// A scheme named on the command line (`--scheme`) is not among `known`.
#[derive(Debug, thiserror::Error)]
#[error("no such signature scheme; {}(known: {})", hint.as_ref().map(|h| format!("did you mean {h:?}? ")).unwrap_or_default(), known.join(", "))]
pub(crate) struct UnknownScheme {
    pub known: Vec<String>,
    /// The nearest known name.
    pub hint: Option<String>,
}

/// A scheme by name (case-insensitive), as `--scheme` names it.
pub(crate) fn find_scheme<'s>(
    schemes: impl IntoIterator<Item = &'s Scheme>,
    name: &str,
) -> Result<&'s Scheme, UnknownScheme> {
    let schemes: Vec<&Scheme> = schemes.into_iter().collect();
    if let Some(scheme) = schemes.iter().find(|s| s.name().eq_ignore_ascii_case(name)) {
        return Ok(scheme);
    }
    let known: Vec<String> = schemes.iter().map(|s| s.name().to_owned()).collect();
    let hint = crate::near::nearest(name, known.iter().map(String::as_str)).map(str::to_owned);
    Err(UnknownScheme { known, hint })
}

/// The clock, in Unix seconds (signature timestamps are judged and made against it).
pub(crate) fn unix_now() -> anyhow::Result<i64> {
    Ok(i64::try_from(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs())?)
}

/// How a delivery's signature came out. Serialised in lowercase (`"valid"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum VerifyStatus {
    Valid,
    Invalid,
    /// The provider documents no signature, and the delivery carries none of a known scheme.
    Unsigned,
    /// No provider and no signature header of a known scheme, so no scheme applies.
    Unknown,
    /// No secret applies to it.
    Unchecked,
}

/// What to check a delivery with besides its secrets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CheckOptions<'a> {
    /// `--scheme`: this scheme for every delivery.
    pub scheme: Option<&'a Scheme>,
    pub now: i64,
    /// `--tolerance`: this many seconds either way instead of the scheme's window.
    pub tolerance: Option<i64>,
}

/// One delivery's verdict, without where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub status: VerifyStatus,
    pub problem: Option<&'static str>,
    /// One sentence (the valid case says how old the timestamp is and what matched).
    pub message: String,
    /// The scheme used and why it was chosen.
    pub scheme: Option<(String, Reason)>,
    /// Where the matching secret came from (`--secret-env NAME`), never the secret.
    pub secret: Option<String>,
    /// The 1-based signature entry that matched, and how many the header holds.
    pub entry: Option<(usize, usize)>,
    /// The match was over the file's exact bytes, not the JSON value.
    pub over_exact: bool,
}

impl Verdict {
    fn without_scheme(status: VerifyStatus, message: String) -> Self {
        Self { status, problem: None, message, scheme: None, secret: None, entry: None, over_exact: false }
    }
}

/// Verifies one delivery: chooses its scheme (`--scheme`, else the signature headers present,
/// else the provider's default) and tries each secret that applies over the body and then, for
/// a signer of the whole file, over the file's exact bytes.
pub(crate) fn check_delivery<'s>(
    schemes: impl IntoIterator<Item = &'s Scheme>,
    provider: Option<Signer<'s>>,
    secrets: &Secrets,
    headers: &[(String, String)],
    body: &[u8],
    exact: Option<&[u8]>,
    options: &CheckOptions<'s>,
) -> Verdict {
    let default = provider.map(|p| p.default);
    let declared = match default {
        Some(DefaultScheme::Scheme(scheme)) => Some(scheme),
        _ => None,
    };
    let chosen = match options.scheme {
        Some(scheme) => Some((scheme, Reason::Forced)),
        None => super::choose(schemes, headers, declared),
    };
    let Some((scheme, reason)) = chosen else {
        return match (provider, default) {
            (None, _) => Verdict::without_scheme(
                VerifyStatus::Unknown,
                "no known provider and no signature header of a known scheme, so no scheme applies \
                 (use --provider or --scheme)"
                    .to_owned(),
            ),
            (Some(_), Some(DefaultScheme::None(note))) => Verdict::without_scheme(
                VerifyStatus::Unsigned,
                format!("{UNSUPPORTED} {}", note.unwrap_or_default()).trim().to_owned(),
            ),
            (Some(p), _) => Verdict::without_scheme(
                VerifyStatus::Unsigned,
                format!("{} declares no signature scheme in its description", p.name),
            ),
        };
    };
    let mut clock = Clock::for_scheme(scheme, options.now);
    if let Some(t) = options.tolerance {
        clock.tolerance_past = t;
        clock.tolerance_future = t;
    }
    let delivery = Delivery { headers, body };
    let provider_id = provider.map(|p| p.id);
    // Any secret that matches wins; otherwise the most specific secret's failure explains best.
    let mut verdict = None;
    for secret in secrets.for_delivery(provider_id, scheme.name()) {
        let verification = super::verify(scheme, &secret.bytes, &delivery, &clock);
        if matches!(verification, Verification::Valid { .. }) {
            verdict = Some((verification, secret, false));
            break;
        }
        if let Some(exact) = exact {
            let retry = super::verify(scheme, &secret.bytes, &Delivery { body: exact, ..delivery }, &clock);
            if matches!(retry, Verification::Valid { .. }) {
                verdict = Some((retry, secret, true));
                break;
            }
        }
        if verdict.is_none() {
            verdict = Some((verification, secret, false));
        }
    }
    let used = Some((scheme.name().to_owned(), reason));
    match verdict {
        None => Verdict {
            scheme: used,
            ..Verdict::without_scheme(VerifyStatus::Unchecked, secrets.none_for(provider_id, scheme.name()))
        },
        Some((Verification::Valid { age, entry, entries, .. }, secret, over_exact)) => {
            let when = if age >= 0 { format!("{age} s old") } else { format!("{} s ahead", -age) };
            let which = if entries > 1 {
                format!(", entry {entry} of {entries} in {}", scheme.desc.headers.signature)
            } else {
                String::new()
            };
            let with =
                if secrets.list.len() > 1 { format!(" with {}", secret.origin) } else { String::new() };
            let over = if over_exact {
                ", over the file's exact bytes (the whitespace around the JSON value included)"
            } else {
                ""
            };
            Verdict {
                status: VerifyStatus::Valid,
                problem: None,
                message: format!("signature valid (timestamp {when}{which}){with}{over}"),
                scheme: used,
                secret: Some(secret.origin.clone()),
                entry: Some((entry, entries)),
                over_exact,
            }
        }
        Some((Verification::Invalid { problem }, _, _)) => Verdict {
            status: VerifyStatus::Invalid,
            problem: Some(problem.code()),
            message: problem.to_string(),
            scheme: used,
            secret: None,
            entry: None,
            over_exact: false,
        },
    }
}

const UNSUPPORTED: &str = "The provider documents no webhook signature, so there is nothing to verify.";
