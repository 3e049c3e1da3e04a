//! `hookscope verify`: checks each captured delivery's signature, offline, with the scheme its
//! signature headers name (else its provider's), and says in one sentence why a check fails.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{UsageError, for_each_event};
use crate::catalog::{Catalog, DefaultScheme, Provider};
use crate::cli::VerifyArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::{Output, escape_controls};
use crate::report::{Items, styles_for};
use crate::secret::Secrets;
use crate::signature::{self, Clock, Delivery, Reason, Scheme, Verification};

/// A scheme named on the command line (`--scheme`), case-insensitive.
pub(crate) fn find_scheme<'c>(catalog: &'c Catalog, name: &str) -> Result<&'c Scheme, UsageError> {
    catalog.scheme(name).ok_or_else(|| {
        let known: Vec<&str> = catalog.schemes().map(Scheme::name).collect();
        let hint = crate::catalog::suggest(name, known.iter().copied())
            .first()
            .map(|h| format!("did you mean {h:?}? "))
            .unwrap_or_default();
        UsageError(format!(
            "--scheme {name:?}: no such signature scheme; {hint}(known: {})",
            known.join(", ")
        ))
    })
}

/// The clock, in Unix seconds (signature timestamps are judged and made against it).
pub(crate) fn unix_now() -> anyhow::Result<i64> {
    Ok(i64::try_from(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs())?)
}

fn parse_header(text: &str) -> Result<(String, String), UsageError> {
    let (name, value) = text
        .split_once(':')
        .ok_or_else(|| UsageError(format!("--header {text:?}: expected `Name: value`")))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(UsageError(format!("--header {text:?}: the name is empty")));
    }
    Ok((name.to_owned(), value.trim().to_owned()))
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
pub(crate) fn check_delivery(
    catalog: &Catalog,
    provider: Option<&Provider>,
    secrets: &Secrets,
    headers: &[(String, String)],
    body: &[u8],
    exact: Option<&[u8]>,
    options: &CheckOptions,
) -> Verdict {
    let default = provider.map(|p| catalog.default_scheme(p));
    let declared = match default {
        Some(DefaultScheme::Scheme(scheme)) => Some(scheme),
        _ => None,
    };
    let chosen = match options.scheme {
        Some(scheme) => Some((scheme, Reason::Forced)),
        None => signature::choose(catalog.schemes(), headers, declared),
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
                format!("{} declares no signature scheme in its description", p.desc.name),
            ),
        };
    };
    let mut clock = Clock::for_scheme(scheme, options.now);
    if let Some(t) = options.tolerance {
        clock.tolerance_past = t;
        clock.tolerance_future = t;
    }
    let delivery = Delivery { headers, body };
    let provider_id = provider.map(Provider::id);
    // Any secret that matches wins; otherwise the most specific secret's failure explains best.
    let mut verdict = None;
    for secret in secrets.for_delivery(provider_id, scheme.name()) {
        let verification = signature::verify(scheme, &secret.bytes, &delivery, &clock);
        if matches!(verification, Verification::Valid { .. }) {
            verdict = Some((verification, secret, false));
            break;
        }
        if let Some(exact) = exact {
            let retry =
                signature::verify(scheme, &secret.bytes, &Delivery { body: exact, ..delivery }, &clock);
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

/// One delivery's verdict, where it came from, for the reports.
#[derive(Debug, Serialize)]
struct Checked<'a> {
    source: &'a str,
    line: usize,
    column: usize,
    provider: Option<&'a str>,
    event_type: Option<&'a str>,
    scheme: Option<&'a str>,
    /// Why that scheme: `headers seen: ...`, `provider default` or `--scheme`.
    #[serde(skip_serializing_if = "Option::is_none")]
    scheme_reason: Option<String>,
    status: VerifyStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<&'static str>,
    message: String,
    /// Where the secret that matched came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<&'a str>,
    /// The 1-based signature entry that matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    entry: Option<usize>,
}

pub fn run(args: &VerifyArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let paths = &args.input.paths;
    let events_from_stdin = paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-");
    let secrets =
        config.verify_secrets(&args.secret.secret_env, &args.secret.secret_file, events_from_stdin)?;
    let forced = args.scheme.as_deref().map(|name| find_scheme(&config.catalog, name)).transpose()?;
    let extra: Vec<(String, String)> =
        args.headers.iter().map(|h| parse_header(h)).collect::<Result<_, _>>()?;
    let now = match args.now {
        Some(now) => now,
        None => unix_now()?,
    };
    let options = CheckOptions { scheme: forced, now, tolerance: args.tolerance };
    let styles = styles_for(args.format, out);
    let (mut bad, mut total) = (false, 0usize);
    let mut items = Items::new(args.format);
    let mut counts = VerifySummary::default();
    // Why deliveries went unchecked, once each (exit code 2 at the end).
    let mut unchecked = BTreeSet::new();
    let pass = for_each_event(config, &args.input, false, &mut |analyzed| {
        total += 1;
        let result = &analyzed.result;
        let record = &analyzed.record;
        let provider = result.provider.as_deref().and_then(|p| config.catalog.provider(p));
        let mut headers = record.headers.clone();
        for (name, value) in &extra {
            headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
            headers.push((name.clone(), value.clone()));
        }
        let mut verdict = check_delivery(
            &config.catalog,
            provider,
            &secrets,
            &headers,
            record.text(),
            record.exact_bytes(),
            &options,
        );
        // A capture cut short cannot match its signature: that is the capture's fault, not the
        // secret's, as `validate` says.
        if verdict.status == VerifyStatus::Invalid
            && let Some(cut) = record.problem.as_deref().filter(|p| p.starts_with("truncated"))
        {
            verdict.problem = Some("truncated-body");
            verdict.message =
                format!("{cut}: a body cut short cannot match its signature (the secret may be right)");
        }
        let status = verdict.status;
        if status == VerifyStatus::Unchecked {
            unchecked.insert(verdict.message.clone());
        }
        counts.add(status);
        bad |= matches!(status, VerifyStatus::Invalid | VerifyStatus::Unknown)
            || (args.strict && status == VerifyStatus::Unsigned);
        let checked = Checked {
            source: &result.source,
            line: result.line,
            column: result.column,
            provider: result.provider.as_deref(),
            event_type: result.event_type.as_deref(),
            scheme: verdict.scheme.as_ref().map(|(name, _)| name.as_str()),
            scheme_reason: verdict.scheme.as_ref().map(|(_, reason)| reason.to_string()),
            status,
            problem: verdict.problem,
            message: verdict.message.clone(),
            secret: verdict.secret.as_deref(),
            entry: verdict.entry.map(|(entry, _)| entry),
        };
        items.item(out, &checked, |out| {
            let mark = match status {
                VerifyStatus::Valid => styles.ok.style("ok"),
                VerifyStatus::Unsigned => styles.warning.style("unsigned"),
                VerifyStatus::Unknown => styles.error.style("unknown"),
                VerifyStatus::Unchecked => styles.warning.style("unchecked"),
                VerifyStatus::Invalid => styles.error.style("bad"),
            };
            let who = [checked.provider, checked.event_type].into_iter().flatten().fold(
                String::new(),
                |mut who, part| {
                    who.push(' ');
                    who.push_str(&escape_controls(part));
                    who
                },
            );
            let scheme = match &verdict.scheme {
                Some((name, reason)) => format!(" [scheme {name}, {reason}]"),
                None => String::new(),
            };
            writeln!(
                out,
                "{}: {mark}{who}: {}{}",
                styles.strong.style(escape_controls(&result.label())),
                escape_controls(&checked.message),
                styles.dim.style(escape_controls(&scheme))
            )
        })?;
        Ok(())
    })?;
    items.finish(out, &counts, |out| {
        writeln!(
            out,
            "{total} {}: {} valid, {} invalid, {} unsigned, {} unknown provider{}",
            if total == 1 { "delivery" } else { "deliveries" },
            counts.valid,
            counts.invalid,
            counts.unsigned,
            counts.unknown,
            if counts.unchecked > 0 {
                format!(", {} without a secret", counts.unchecked)
            } else {
                String::new()
            }
        )
    })?;
    for why in &unchecked {
        config.diagnostics.error(why);
    }
    Ok(Outcome { finding: bad, error: pass.outcome.error || !unchecked.is_empty() })
}

#[derive(Debug, Default, Serialize)]
struct VerifySummary {
    deliveries: usize,
    valid: usize,
    invalid: usize,
    unsigned: usize,
    unknown: usize,
    #[serde(skip_serializing_if = "is_zero")]
    unchecked: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl VerifySummary {
    fn add(&mut self, status: VerifyStatus) {
        self.deliveries += 1;
        match status {
            VerifyStatus::Valid => self.valid += 1,
            VerifyStatus::Invalid => self.invalid += 1,
            VerifyStatus::Unsigned => self.unsigned += 1,
            VerifyStatus::Unchecked => self.unchecked += 1,
            VerifyStatus::Unknown => self.unknown += 1,
        }
    }
}
