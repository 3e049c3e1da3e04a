//! `hookscope sign PATH`: the signature headers a real delivery of this body would carry, so
//! people can build signed fixtures and test their receivers.

use std::io::Write;

use super::{UsageError, find_provider};
use crate::analyze::Analyzer;
use crate::catalog::DefaultScheme;
use crate::cli::{SecretArgs, SignArgs};
use crate::config::Config;
use crate::detect::Forced;
use crate::exit::Outcome;
use crate::input::{ReadError, ReadOptions, Record, Source, read_records};
use crate::output::Output;
use crate::report::format::Format;
use crate::signature;

pub(crate) fn run(args: &SignArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let secret = read_secret(&args.secret, &args.path)?;
    let record = read_one(&args.path)?;
    let body = record.text().to_vec();
    let provider = if let Some(id) = &args.provider {
        Some(find_provider(&config.catalog, id)?)
    } else {
        let analyzed = Analyzer::new(&config.catalog).analyze(record, &Forced::default())?;
        analyzed.result.provider.map(|id| find_provider(&config.catalog, &id)).transpose()?
    };
    let scheme = match (&args.scheme, provider) {
        (Some(name), _) => super::scheme_option(&config.catalog, name)?,
        (None, None) => {
            return Err(UsageError(
                "cannot tell the provider from the body; name it with --provider, or the scheme with --scheme"
                    .to_owned(),
            )
            .into());
        }
        (None, Some(p)) => match config.catalog.default_scheme(p) {
            DefaultScheme::Scheme(scheme) => scheme,
            DefaultScheme::None(note) => {
                let note = note.unwrap_or_default();
                return Err(UsageError(
                    format!("{}: documents no webhook signature, so there is nothing to sign; name a scheme with --scheme. {note}", p.desc.name)
                        .trim()
                        .to_owned(),
                )
                .into());
            }
            DefaultScheme::Undeclared => {
                return Err(UsageError(format!(
                    "{} declares no signature scheme in its description; name one with --scheme",
                    p.desc.name
                ))
                .into());
            }
        },
    };
    let timestamp = match args.timestamp {
        Some(t) => t,
        None => crate::signature::unix_now()?,
    };
    let headers = signature::sign(scheme, &secret, &body, timestamp, args.id.as_deref())
        .map_err(|e| UsageError(format!("{}: {e}", scheme.title())))?;
    out.plain();
    match args.format {
        Format::Json => {
            let map: serde_json::Map<String, serde_json::Value> =
                headers.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({"headers": map}))?;
            writeln!(out)?;
        }
        Format::Http => {
            let path = provider.map_or(scheme.name(), |p| p.id());
            write!(out, "POST /webhooks/{path} HTTP/1.1\r\nContent-Type: application/json\r\n")?;
            write!(out, "Content-Length: {}\r\n", body.len())?;
            for (name, value) in &headers {
                write!(out, "{name}: {value}\r\n")?;
            }
            out.write_all(b"\r\n")?;
            out.write_all(&body)?;
            out.write_all(b"\r\n")?;
        }
        _ => {
            for (name, value) in &headers {
                writeln!(out, "{name}: {value}")?;
            }
        }
    }
    Ok(Outcome::default())
}

/// The one record of PATH, framed as every command frames it, so `sign` signs the body that
/// `verify` checks: the JSON value without the whitespace around it, or a capture's exact body.
fn read_one(path: &std::path::Path) -> anyhow::Result<Record> {
    let source = if path.as_os_str() == "-" { Source::Stdin } else { Source::File(path.to_owned()) };
    let mut records = Vec::new();
    read_records(&source, ReadOptions::default(), &mut |record| {
        records.push(record);
        Ok(())
    })
    .map_err(|e| match e {
        ReadError::Input(e) => anyhow::Error::from(UsageError(e.to_string())),
        ReadError::Sink(e) => e,
    })?;
    let count = records.len();
    let record = records
        .pop()
        .filter(|_| count == 1)
        .ok_or_else(|| UsageError(format!("{}: holds {count} events; sign signs one body", source.name())))?;
    if let Some(problem) = &record.problem {
        return Err(UsageError(format!("{}: {problem}", source.name())).into());
    }
    Ok(record)
}

/// The one secret to sign with, from the environment, a file or standard input (not both the
/// secret and the body).
fn read_secret(args: &SecretArgs, body: &std::path::Path) -> Result<Vec<u8>, UsageError> {
    let file = args.secret_file.as_deref();
    if args.secret_env.is_none() && file.is_some_and(|f| f.as_os_str() == "-") && body.as_os_str() == "-" {
        return Err(UsageError(
            "--secret-file - and the body cannot both come from standard input".to_owned(),
        ));
    }
    crate::secret::single(args.secret_env.as_deref(), file)
        .map(|secret| secret.bytes)
        .map_err(|e| UsageError(e.0))
}
