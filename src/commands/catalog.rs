//! `hookscope catalog check DIR`: everything a user catalog needs to be trusted, each problem
//! named with its file.

use std::io::Write;

use crate::analyze::Analyzer;
use crate::catalog::{Catalog, Provider, TypeRef};
use crate::cli::{CatalogArgs, CatalogCommand, ImportArgs};
use crate::config::Config;
use crate::detect::Forced;
use crate::exit::Outcome;
use crate::input::Record;
use crate::model::Status;
use crate::output::Output;

pub(crate) fn run(args: &CatalogArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let dir = match &args.command {
        CatalogCommand::Check { dir } => dir,
        CatalogCommand::Import(a) => return import(a, config, out),
        CatalogCommand::Learn(a) => return super::learn::run(a, config, out),
        CatalogCommand::Drift(a) => return super::drift::run(a, config, out),
    };
    // A folder that cannot be read is not a catalog with problems: hookscope could not do its job.
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(super::UsageError(format!("{}: not a folder", dir.display())).into()),
        Err(e) => return Err(super::UsageError(format!("{}: {e}", dir.display())).into()),
    }
    let styles = out.styles;
    let mut problems: Vec<String> = Vec::new();
    let (providers, types, samples) = match Catalog::load_unresolved(false, std::slice::from_ref(dir)) {
        Ok(user) => check(&user, &config.catalog, &mut problems),
        Err(e) => {
            problems.push(e.to_string());
            (0, 0, 0)
        }
    };
    for problem in &problems {
        writeln!(out, "{}: {problem}", styles.error.style("problem"))?;
    }
    let verdict = if problems.is_empty() {
        styles.ok.style("ok".to_owned()).to_string()
    } else {
        styles.error.style(format!("{} problem(s)", problems.len())).to_string()
    };
    writeln!(
        out,
        "{}: {providers} provider(s), {types} event type(s), {samples} sample(s): {verdict}",
        dir.display()
    )?;
    Ok(Outcome { finding: !problems.is_empty(), error: false })
}

/// Runs every check; returns the counts of providers, types and samples looked at.
fn check(user: &Catalog, configured: &Catalog, problems: &mut Vec<String>) -> (usize, usize, usize) {
    let (mut types, mut samples) = (0, 0);
    for provider in user.providers() {
        let store = match provider.store() {
            Ok(s) => s,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        let file = |rel: &str| provider.origin.file(provider.id(), rel);
        // Every schema is a valid JSON Schema and compiles (so every reference resolves).
        let mut schemas: Vec<String> = provider
            .types()
            .flat_map(|(name, versions)| {
                versions.iter().map(move |v| crate::catalog::Provider::schema_rel(name, v))
            })
            .collect();
        schemas.extend(provider.desc.any_type.clone());
        for rel in &schemas {
            let uri = crate::catalog::schema_uri(provider.id(), rel);
            let Some(doc) = store.doc(&uri) else {
                problems.push(format!("{}: missing", file(rel)));
                continue;
            };
            if let Err(e) = jsonschema::meta::validate(doc) {
                problems.push(format!("{}: not a valid JSON Schema: {e}", file(rel)));
            } else if let Err(e) = store.validator(&uri) {
                problems.push(e.to_string());
            }
        }
        // Every x-warn declares what it tolerates in a form validation reads.
        for (file, doc) in store.documents() {
            for problem in crate::validate::x_warn_problems(doc) {
                problems.push(format!("{file}: {problem}"));
            }
        }
        // Every type has a sample, and every sample validates as its own type.
        for (name, versions) in provider.types() {
            types += 1;
            for version in versions {
                let rel = if version.is_empty() {
                    format!("{name}.json")
                } else {
                    format!("{version}/{name}.json")
                };
                match provider.sample(name, version) {
                    None => problems.push(format!(
                        "{}: missing (every event type needs a sample)",
                        file(&format!("samples/{rel}"))
                    )),
                    Some(text) => {
                        samples += 1;
                        let sample = file(&format!("samples/{rel}"));
                        // A schema that does not compile was reported above; its samples cannot be run.
                        if let Err(e) = check_sample(user, provider, name, version, text, &sample, problems) {
                            problems.push(format!("{sample}: cannot be checked: {e}"));
                        }
                    }
                }
            }
        }
    }
    // A named scheme exists here or in the configured catalog; a defined one clashes with none
    // that another configured provider defines.
    for (provider, problem) in user.unresolved_schemes(Some(configured)) {
        problems.push(format!("{}: {problem}", provider.origin.file(provider.id(), "provider.json")));
    }
    for scheme in user.schemes() {
        let definer = user.scheme_definer(scheme.name()).unwrap_or_default();
        if let Some(other) = configured.scheme_definer(scheme.name()).filter(|other| *other != definer) {
            problems.push(format!(
                "{}: signature: scheme {:?} is already defined by {other}; name it with {{\"scheme\": {:?}}}",
                user.provider(definer).map_or_else(String::new, |p| p.origin.file(p.id(), "provider.json")),
                scheme.name(),
                scheme.name()
            ));
        }
    }
    // Detection rules must not claim the samples of other providers, built in or in this catalog.
    let everyone: Vec<&Provider> =
        configured.providers().filter(|b| user.provider(b.id()).is_none()).chain(user.providers()).collect();
    for claimant in user.providers() {
        for other in everyone.iter().filter(|o| o.id() != claimant.id()) {
            for (rel, text) in other.samples() {
                let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { continue };
                if let Some(i) = claimant.desc.envelopes.iter().position(|e| e.score(&value, &[]).is_some()) {
                    problems.push(format!(
                        "{}: envelope {} claims {}'s sample {}; add a marker that tells them apart",
                        claimant.origin.file(claimant.id(), "provider.json"),
                        i + 1,
                        other.id(),
                        other.origin.file(other.id(), &format!("samples/{rel}"))
                    ));
                }
            }
        }
    }
    (user.providers().count(), types, samples)
}

fn check_sample(
    user: &Catalog,
    provider: &Provider,
    name: &str,
    version: &str,
    text: &str,
    file: &str,
    problems: &mut Vec<String>,
) -> anyhow::Result<()> {
    let engine = Analyzer::new(user);
    let mut record = Record::new(file.into(), 1, 1, text.as_bytes().to_vec());
    // A provider that names the type in a header is sent its samples with that header.
    if let Some(envelope) = provider.desc.envelopes.iter().find(|e| e.type_header.is_some())
        && let Some(header) = &envelope.type_header
    {
        let value: Option<serde_json::Value> = serde_json::from_str(text).ok();
        let sub = envelope
            .subtype_at
            .as_ref()
            .and_then(|p| value.as_ref().and_then(|v| p.find(v)))
            .and_then(serde_json::Value::as_str);
        let base = sub.and_then(|s| name.strip_suffix(&format!(".{s}"))).unwrap_or(name);
        record.headers.push((header.clone(), base.to_owned()));
    }
    let forced = Forced {
        provider: None,
        event_type: Some(TypeRef { provider, name }),
        api_version: (!version.is_empty()).then_some(version),
    };
    let checked = engine.analyze(record.clone(), &forced)?;
    if checked.result.status != Status::Valid {
        let why =
            checked.result.errors.first().map_or_else(
                String::new,
                |e| match crate::model::pointer_to_append(e) {
                    Some(pointer) => format!(": {} at {pointer}", e.message),
                    None => format!(": {}", e.message),
                },
            );
        problems.push(format!("{file}: does not validate as {name}{why}"));
    }
    // And it is recognised as this provider's, unforced.
    let detected = engine.analyze(record, &Forced::default())?;
    if detected.result.provider.as_deref() != Some(provider.id())
        || detected.result.event_type.as_deref() != Some(name)
    {
        problems.push(format!(
            "{file}: detected as {} {}, not {} {name}",
            detected.result.provider.as_deref().unwrap_or("no provider"),
            detected.result.event_type.as_deref().unwrap_or("(no type)"),
            provider.id()
        ));
    }
    Ok(())
}

/// The text of a file of at most `limit` bytes; a longer one (`/dev/zero`) is refused after
/// reading one byte past the limit, not read until memory runs out.
fn read_limited(path: &std::path::Path, limit: u64) -> Result<String, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "larger than the {} limit for a description (--max-spec-bytes)",
            crate::input::human_size(limit)
        ));
    }
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 text: {e}"))
}

/// `catalog import SPEC --out DIR`: the summary on stdout, each untranslated part on stderr and
/// in the provider folder's `import-report.txt`. Something left out is a finding (exit 1).
fn import(args: &ImportArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    use crate::authoring::import::{SampleOrigin, Spec, import};
    let name = args.spec.display().to_string();
    let text = read_limited(&args.spec, args.max_spec_bytes)
        .map_err(|e| super::UsageError(format!("{name}: {e}")))?;
    let spec = Spec::parse(&text).map_err(|e| super::UsageError(format!("{name}: {e}")))?;
    let imported = import(&spec, &name, &args.out, args.provider.as_deref(), args.force)
        .map_err(|e| super::UsageError(e.to_string()))?;
    for item in &imported.untranslated {
        config.diagnostics.warning(&format!("not translated: {item}"));
    }
    let folder = args.out.join(&imported.provider);
    let styles = out.styles;
    writeln!(
        out,
        "{} {} event type(s) from {name} into {} ({} files)",
        styles.ok.style("imported"),
        imported.types.len(),
        folder.display(),
        imported.files
    )?;
    writeln!(out, "  {}", crate::output::escape_controls(&imported.type_rule))?;
    let width = imported.types.iter().map(|(t, _)| t.len()).max().unwrap_or(0);
    for (event_type, origin) in &imported.types {
        let sample = match origin {
            SampleOrigin::Example => "sample: the description's example",
            SampleOrigin::Generated => "sample: generated from the schema (no example in the description)",
        };
        writeln!(out, "  {:width$}  {sample}", crate::output::escape_controls(event_type))?;
    }
    if !imported.untranslated.is_empty() {
        writeln!(
            out,
            "{} part(s) not translated: see {}",
            imported.untranslated.len(),
            folder.join("import-report.txt").display()
        )?;
    }
    Ok(Outcome { finding: !imported.untranslated.is_empty(), error: false })
}
