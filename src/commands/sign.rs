//! `hookscope sign PATH`: the signature headers a real delivery of this body would carry, so
//! people can build signed fixtures and test their receivers.

use std::io::{Read, Write};

use super::{UsageError, find_provider};
use crate::analyze::Analyzer;
use crate::cli::{SecretArgs, SignArgs, SignFormat};
use crate::config::Config;
use crate::detect::Forced;
use crate::exit::Outcome;
use crate::input::Record;
use crate::output::Output;
use crate::signature;

pub fn run(args: &SignArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let secret = read_secret(&args.secret, &args.path)?;
    let body = if args.path.as_os_str() == "-" {
        let mut body = Vec::new();
        std::io::stdin().read_to_end(&mut body)?;
        body
    } else {
        std::fs::read(&args.path).map_err(|e| UsageError(format!("{}: {e}", args.path.display())))?
    };
    let provider = if let Some(id) = &args.provider {
        find_provider(&config.catalog, id)?
    } else {
        let record = Record::new(args.path.display().to_string().into(), 1, 1, body.clone());
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
