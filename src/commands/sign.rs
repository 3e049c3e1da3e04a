//! `hookscope sign PATH`: the signature headers a real delivery of this body would carry, so
//! people can build signed fixtures and test their receivers.

use std::io::Write;

use super::{UsageError, find_provider};
use crate::analyze::Analyzer;
use crate::cli::{SecretArgs, SignArgs, SignFormat};
use crate::config::Config;
use crate::detect::Forced;
use crate::exit::Outcome;
use crate::input::{ReadError, ReadOptions, Record, Source, read_records};
use crate::output::Output;
use crate::signature;

pub fn run(args: &SignArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let secret = read_secret(&args.secret, &args.path)?;
    let record = read_one(&args.path)?;
    let body = record.text().to_vec();
    let provider = if let Some(id) = &args.provider {
        find_provider(&config.catalog, id)?
    } else {
        let analyzed = Analyzer::new(&config.catalog).analyze(record, &Forced::default())?;
        let id = analyzed.result.provider.ok_or_else(|| {
            UsageError("cannot tell the provider from the body; name it with --provider".to_owned())
        })?;
        find_provider(&config.catalog, &id)?
    };
    let scheme = provider.desc.signature.as_ref().map(|s| s.scheme).ok_or_else(|| {
        UsageError(format!("{} declares no signature scheme in its description", provider.desc.name))
    })?;
    let timestamp = match args.timestamp {
        Some(t) => t,
        None => super::verify::unix_now()?,
    };
    let headers = signature::sign(scheme, &secret, &body, timestamp, args.id.as_deref()).map_err(|e| {
        let note = provider.desc.signature.as_ref().and_then(|s| s.note.clone()).unwrap_or_default();
        UsageError(format!("{}: {e} {note}", provider.desc.name).trim().to_owned())
    })?;
    out.plain();
    match args.format {
        SignFormat::Headers => {
            for (name, value) in &headers {
                writeln!(out, "{name}: {value}")?;
            }
        }
        SignFormat::Json => {
            let map: serde_json::Map<String, serde_json::Value> =
                headers.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({"headers": map}))?;
            writeln!(out)?;
        }
        SignFormat::Http => {
            write!(out, "POST /webhooks/{} HTTP/1.1\r\nContent-Type: application/json\r\n", provider.id())?;
            write!(out, "Content-Length: {}\r\n", body.len())?;
            for (name, value) in &headers {
                write!(out, "{name}: {value}\r\n")?;
            }
            out.write_all(b"\r\n")?;
            out.write_all(&body)?;
            out.write_all(b"\r\n")?;
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

/// The one secret to sign with, from the environment, a file or standard input.
fn read_secret(args: &SecretArgs, body: &std::path::Path) -> Result<Vec<u8>, UsageError> {
    let read = match (&args.secret_env, &args.secret_file) {
        (Some(name), _) => crate::secret::from_env("--secret-env", name),
        (None, Some(path)) if path.as_os_str() == "-" && body.as_os_str() == "-" => {
            return Err(UsageError(
                "--secret-file - and the body cannot both come from standard input".to_owned(),
            ));
        }
        (None, Some(path)) => crate::secret::from_file("--secret-file", path),
        (None, None) => {
            return Err(UsageError(
                "give the secret with --secret-env NAME or --secret-file PATH".to_owned(),
            ));
        }
    };
    read.map_err(|e| UsageError(e.0))
}
