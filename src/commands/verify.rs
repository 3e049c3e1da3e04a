//! `hookscope verify`: checks each captured delivery's signature with the scheme its provider
//! declares in the catalog, offline, and says in one sentence why a check fails.

use std::io::Write;

use serde::Serialize;

use super::{UsageError, for_each_event};
use crate::catalog::SignatureScheme;
use crate::cli::{ReportFormat, SecretArgs, VerifyArgs};
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::{Output, escape_controls};
use crate::report::{JsonReport, write_ndjson_result};
use crate::signature::{self, Clock, Delivery, Verification};

/// The secret's bytes, from the environment or a file: never from the command line itself.
pub(crate) fn read_secret(args: &SecretArgs) -> Result<Vec<u8>, UsageError> {
    if let Some(name) = &args.secret_env {
        let value = std::env::var_os(name)
            .ok_or_else(|| UsageError(format!("--secret-env {name}: the environment variable is not set")))?;
        let value = value.into_string().map_err(|_| UsageError(format!("--secret-env {name}: not UTF-8")))?;
        if value.trim().is_empty() {
            return Err(UsageError(format!("--secret-env {name}: the environment variable is empty")));
        }
        return Ok(value.into_bytes());
    }
    if let Some(path) = &args.secret_file {
        let bytes =
            std::fs::read(path).map_err(|e| UsageError(format!("--secret-file {}: {e}", path.display())))?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(UsageError(format!("--secret-file {}: the file is empty", path.display())));
        }
        return Ok(bytes);
    }
    Err(UsageError("give the secret with --secret-env NAME or --secret-file PATH".to_owned()))
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

/// One delivery's verdict.
#[derive(Debug, Serialize)]
struct Checked<'a> {
    source: &'a str,
    line: usize,
    column: usize,
    provider: Option<&'a str>,
    event_type: Option<&'a str>,
    scheme: Option<SignatureScheme>,
    /// `valid`, `invalid`, `unsigned` (the provider documents no signature) or `unknown` (no
    /// provider, so no scheme).
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<&'static str>,
    message: String,
}

pub fn run(args: &VerifyArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let secret = read_secret(&args.secret)?;
    let extra: Vec<(String, String)> =
        args.headers.iter().map(|h| parse_header(h)).collect::<Result<_, _>>()?;
    let now = match args.now {
        Some(now) => now,
        None => unix_now()?,
    };
    if args.format != ReportFormat::Human {
        out.plain();
    }
    let styles = out.styles;
    let (mut bad, mut total) = (false, 0usize);
    let mut json = JsonReport::new();
    let mut counts = VerifySummary::default();
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
        let scheme = provider.and_then(|p| p.desc.signature.as_ref()).map(|s| s.scheme);
        let (status, problem, message) = match (provider, scheme) {
            (None, _) => (
                "unknown",
                None,
                "no known provider, so no signature scheme applies (use --provider)".to_owned(),
            ),
            (Some(p), None) => {
                ("unsigned", None, format!("{} declares no signature scheme in its description", p.desc.name))
            }
            (Some(p), Some(scheme)) => {
                let mut clock = Clock::for_scheme(scheme, now);
                if let Some(t) = args.tolerance {
                    clock.tolerance_past = t;
                    clock.tolerance_future = t;
                }
                let delivery = Delivery { headers: &headers, body: record.text() };
                let mut verdict = signature::verify(scheme, &secret, &delivery, &clock);
                // The body is the JSON value; a signer of the whole file signed its exact bytes.
                let mut over_exact = false;
                if let (Verification::Invalid { .. }, Some(exact)) = (&verdict, record.exact_bytes()) {
                    let retry =
                        signature::verify(scheme, &secret, &Delivery { body: exact, ..delivery }, &clock);
                    if let Verification::Valid { .. } = retry {
                        (verdict, over_exact) = (retry, true);
                    }
                }
                match verdict {
                    Verification::Valid { age, .. } => {
                        let when =
                            if age >= 0 { format!("{age} s old") } else { format!("{} s ahead", -age) };
                        let over = if over_exact {
                            ", over the file's exact bytes (the whitespace around the JSON value included)"
                        } else {
                            ""
                        };
                        ("valid", None, format!("signature valid (timestamp {when}){over}"))
                    }
                    Verification::Invalid { problem } => {
                        ("invalid", Some(problem.code()), problem.to_string())
                    }
                    Verification::Unsupported { note } => {
                        let own = p.desc.signature.as_ref().and_then(|s| s.note.clone()).unwrap_or_default();
                        ("unsigned", None, format!("{note} {own}").trim().to_owned())
                    }
                }
            }
        };
        counts.add(status);
        bad |= matches!(status, "invalid" | "unknown") || (args.strict && status == "unsigned");
        let checked = Checked {
            source: &result.source,
            line: result.line,
            column: result.column,
            provider: result.provider.as_deref(),
            event_type: result.event_type.as_deref(),
            scheme,
            status,
            problem,
            message,
        };
        match args.format {
            ReportFormat::Json => json.result(out, &checked)?,
            ReportFormat::Ndjson => write_ndjson_result(out, &checked)?,
            ReportFormat::Human => {
                let mark = match status {
                    "valid" => styles.ok.style("ok"),
                    "unsigned" => styles.warning.style("unsigned"),
                    "unknown" => styles.error.style("unknown"),
                    _ => styles.error.style("bad"),
                };
                let who = [checked.provider, checked.event_type].into_iter().flatten().fold(
                    String::new(),
                    |mut who, part| {
                        who.push(' ');
                        who.push_str(&escape_controls(part));
                        who
                    },
                );
                writeln!(
                    out,
                    "{}: {mark}{who}: {}",
                    styles.strong.style(escape_controls(&result.label())),
                    escape_controls(&checked.message)
                )?;
            }
        }
        Ok(())
    })?;
    match args.format {
        ReportFormat::Json => json.finish(out, &counts)?,
        ReportFormat::Ndjson => {}
        ReportFormat::Human => writeln!(
            out,
            "{total} {}: {} valid, {} invalid, {} unsigned, {} unknown provider",
            if total == 1 { "delivery" } else { "deliveries" },
            counts.valid,
            counts.invalid,
            counts.unsigned,
            counts.unknown
        )?,
    }
    Ok(Outcome { finding: bad, ..pass.outcome })
}

#[derive(Debug, Default, Serialize)]
struct VerifySummary {
    deliveries: usize,
    valid: usize,
    invalid: usize,
    unsigned: usize,
    unknown: usize,
}

impl VerifySummary {
    fn add(&mut self, status: &str) {
        self.deliveries += 1;
        match status {
            "valid" => self.valid += 1,
            "invalid" => self.invalid += 1,
            "unsigned" => self.unsigned += 1,
            _ => self.unknown += 1,
        }
    }
}
