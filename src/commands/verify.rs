//! `hookscope verify`: checks each captured delivery's signature, offline, with the scheme its
//! signature headers name (else its provider's), and says in one sentence why a check fails.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{UsageError, for_each_event, scheme_option};
use crate::cli::VerifyArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::{Output, escape_controls};
use crate::report::{Items, styles_for};
use crate::signature::{CheckOptions, VerifyStatus, check_delivery, unix_now};

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

pub(crate) fn run(args: &VerifyArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let paths = &args.input.paths;
    let events_from_stdin = paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-");
    let secrets =
        config.verify_secrets(&args.secret.secret_env, &args.secret.secret_file, events_from_stdin)?;
    let forced = args.scheme.as_deref().map(|name| scheme_option(&config.catalog, name)).transpose()?;
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
            config.catalog.schemes(),
            provider.map(|p| config.catalog.signer(p)),
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
