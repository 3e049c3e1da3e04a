//! `hookscope verify`: checks each captured delivery's signature with the scheme its provider
//! declares in the catalog, offline, and says in one sentence why a check fails.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{UsageError, for_each_event};
use crate::catalog::SignatureScheme;
use crate::cli::{ReportFormat, VerifyArgs};
use crate::config::Config;
use crate::exit::Outcome;
use crate::output::{Output, escape_controls};
use crate::report::{JsonReport, write_ndjson_result};
use crate::secret::{self, Secret, Secrets, split_key};
use crate::signature::{self, Clock, Delivery, Verification};

/// The secrets of a run: keyed and unkeyed ones from the command line, then the project file's
/// `[verify] secret_env` for keys the command line did not give. Every key must name a provider
/// or a signature scheme of the catalog.
fn resolve_secrets(args: &VerifyArgs, config: &Config) -> Result<Secrets, UsageError> {
    let stdin_secrets = args.secret.secret_file.iter().filter(|f| split_key(f).1 == "-").count();
    if stdin_secrets > 1 {
        return Err(UsageError("--secret-file -: standard input can hold only one secret".to_owned()));
    }
    if stdin_secrets == 1
        && (args.input.paths.is_empty() || args.input.paths.iter().any(|p| p.as_os_str() == "-"))
    {
        return Err(UsageError(
            "--secret-file - reads the secret from standard input, so the events cannot come from it too: \
             name the files to verify"
                .to_owned(),
        ));
    }
    let mut keys: Vec<String> = config.catalog.providers().map(|p| p.id().to_owned()).collect();
    keys.extend(
        config.catalog.providers().filter_map(|p| p.desc.signature.as_ref()).map(|s| scheme_name(s.scheme)),
    );
    keys.sort();
    keys.dedup();
    let check_key = |flag: &str, key: &str| -> Result<String, UsageError> {
        if keys.iter().any(|k| k.eq_ignore_ascii_case(key)) {
            return Ok(key.to_ascii_lowercase());
        }
        let hint = crate::catalog::suggest(key, keys.iter().map(String::as_str))
            .first()
            .map(|h| format!("did you mean {h:?}? "))
            .unwrap_or_default();
        Err(UsageError(format!(
            "{flag}: {key:?} names no provider or signature scheme; {hint}(known: {})",
            keys.join(", ")
        )))
    };
    let mut secrets = Secrets::default();
    for text in &args.secret.secret_env {
        let (key, name) = split_key(text);
        let key = key.map(|k| check_key(&format!("--secret-env {text}"), k)).transpose()?;
        let bytes = secret::from_env("--secret-env", name).map_err(|e| UsageError(e.0))?;
        secrets.list.push(Secret { key, origin: format!("--secret-env {name}"), bytes });
    }
    for text in &args.secret.secret_file {
        let (key, path) = split_key(text);
        let key = key.map(|k| check_key(&format!("--secret-file {text}"), k)).transpose()?;
        let bytes = secret::from_file("--secret-file", Path::new(path)).map_err(|e| UsageError(e.0))?;
        secrets.list.push(Secret { key, origin: format!("--secret-file {path}"), bytes });
    }
    for (key, name) in config.project.iter().flat_map(|p| &p.file.verify.secret_env) {
        let key = check_key(&format!("project file, verify.secret_env.{key}"), key)?;
        if secrets.list.iter().any(|s| s.key.as_deref() == Some(key.as_str())) {
            continue;
        }
        match secret::from_env("--secret-env", name) {
            Ok(bytes) => {
                let origin = format!("{name} (project file)");
                secrets.list.push(Secret { key: Some(key), origin, bytes });
            }
            // Unset is fine until a delivery of that key needs it.
            Err(_) => secrets.unset.push((key, name.clone())),
        }
    }
    if secrets.list.is_empty() {
        let unset: Vec<&str> = secrets.unset.iter().map(|(_, name)| name.as_str()).collect();
        let why = if unset.is_empty() {
            String::new()
        } else {
            format!(" (the project file names {}, not set)", unset.join(", "))
        };
        return Err(UsageError(format!(
            "no secret{why}: give it with --secret-env [KEY=]NAME or --secret-file [KEY=]PATH, or name \
             the variable in hookscope.toml under [verify] secret_env"
        )));
    }
    Ok(secrets)
}

/// A scheme's name as the catalog spells it (`standard-webhooks`).
fn scheme_name(scheme: SignatureScheme) -> String {
    match serde_json::to_value(scheme) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
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
    /// `valid`, `invalid`, `unsigned` (the provider documents no signature), `unknown` (no
    /// provider, so no scheme) or `unchecked` (no secret applies to it).
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<&'static str>,
    message: String,
}

pub fn run(args: &VerifyArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let secrets = resolve_secrets(args, config)?;
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
                let candidates = secrets.for_delivery(p.id(), &scheme_name(scheme));
                // Any secret that matches wins, over the body or, for a signer of the whole file,
                // over the file's exact bytes; otherwise the most specific secret's failure
                // explains best.
                let mut verdict = None;
                for secret in &candidates {
                    let verification = signature::verify(scheme, &secret.bytes, &delivery, &clock);
                    if matches!(verification, Verification::Valid { .. }) {
                        verdict = Some((verification, secret, false));
                        break;
                    }
                    if let Some(exact) = record.exact_bytes() {
                        let over_exact = Delivery { body: exact, ..delivery };
                        let retry = signature::verify(scheme, &secret.bytes, &over_exact, &clock);
                        if matches!(retry, Verification::Valid { .. }) {
                            verdict = Some((retry, secret, true));
                            break;
                        }
                    }
                    if verdict.is_none() {
                        verdict = Some((verification, secret, false));
                    }
                }
                match verdict {
                    None => {
                        let why = secrets.none_for(p.id(), &scheme_name(scheme));
                        unchecked.insert(why.clone());
                        ("unchecked", None, why)
                    }
                    Some((Verification::Valid { age, .. }, secret, over_exact)) => {
                        let when =
                            if age >= 0 { format!("{age} s old") } else { format!("{} s ahead", -age) };
                        let with = if secrets.list.len() > 1 {
                            format!(" with {}", secret.origin)
                        } else {
                            String::new()
                        };
                        let over = if over_exact {
                            ", over the file's exact bytes (the whitespace around the JSON value included)"
                        } else {
                            ""
                        };
                        ("valid", None, format!("signature valid (timestamp {when}){with}{over}"))
                    }
                    Some((Verification::Invalid { problem }, _, _)) => {
                        ("invalid", Some(problem.code()), problem.to_string())
                    }
                    Some((Verification::Unsupported { note }, _, _)) => {
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
                    "unchecked" => styles.warning.style("unchecked"),
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
        )?,
    }
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
    fn add(&mut self, status: &str) {
        self.deliveries += 1;
        match status {
            "valid" => self.valid += 1,
            "invalid" => self.invalid += 1,
            "unsigned" => self.unsigned += 1,
            "unchecked" => self.unchecked += 1,
            _ => self.unknown += 1,
        }
    }
}
