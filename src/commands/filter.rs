//! `hookscope filter`: passes matching events through byte for byte (the original line or
//! document, never re-serialised) and accounts for every record it drops.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde_json::json;

use super::{UsageError, Work, find_provider, for_each_event_with};
use crate::analyze::Analyzed;
use crate::catalog::{Catalog, Provider};
use crate::cli::{FilterArgs, InputArgs};
use crate::config::Config;
use crate::exit::Outcome;
use crate::model::Status;
use crate::output::Output;

/// What an event must be to pass.
struct Criteria {
    provider: Option<String>,
    types: Option<GlobSet>,
    statuses: Vec<Status>,
}

impl Criteria {
    /// Why the event does not match, or `None` when it matches.
    fn mismatch(&self, analyzed: &Analyzed) -> Option<String> {
        let result = &analyzed.result;
        if let Some(p) = &self.provider
            && result.provider.as_deref() != Some(p)
        {
            return Some(format!("provider is {}, not {p}", result.provider.as_deref().unwrap_or("unknown")));
        }
        if let Some(types) = &self.types
            && !result.event_type.as_deref().is_some_and(|t| types.is_match(t))
        {
            return Some(format!("type {} does not match", result.event_type.as_deref().unwrap_or("(none)")));
        }
        if !self.statuses.is_empty() && !self.statuses.contains(&result.status) {
            return Some(format!("status is {}", result.status.as_str()));
        }
        None
    }
}

/// The `--type` selection: a glob is matched against the documented wire names (and must match
/// at least one of the provider's, or any provider's, types); a plain name is resolved like
/// `--type` elsewhere (wire name, documented alias, loose spelling) to its wire name.
fn type_globs(
    catalog: &Catalog,
    diagnostics: &crate::output::Diagnostics,
    patterns: &[String],
    provider: Option<&Provider>,
) -> Result<Option<GlobSet>, UsageError> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let known: Vec<&str> = catalog
        .providers()
        .filter(|p| provider.is_none_or(|only| only.id() == p.id()))
        .flat_map(|p| p.types().map(|(t, _)| t))
        .collect();
    let mut set = GlobSetBuilder::new();
    for p in patterns {
        let glob = if p.contains(['*', '?', '[', '{']) {
            // Event types have no path separators: `*` may cross `.` and `/` alike.
            let glob = Glob::new(p).map_err(|e| UsageError(format!("bad --type glob {p:?}: {e}")))?;
            let matcher = glob.compile_matcher();
            if !known.iter().any(|t| matcher.is_match(t)) {
                let stem: String = p.chars().filter(|c| !"*?[]{}".contains(*c)).collect();
                let hints = crate::near::suggest_start(&stem, known.iter().copied());
                let hint = hints.first().map(|h| format!("; did you mean {h:?}?")).unwrap_or_default();
                let message = format!("--type {p:?} matches no documented event type{hint}");
                // Generic envelopes take any type string, so for them the glob may still match.
                let open = catalog
                    .providers()
                    .any(|c| provider.is_none_or(|only| only.id() == c.id()) && c.accepts_any_type());
                if !open {
                    return Err(UsageError(message));
                }
                diagnostics.warning(&format_args!("{message} (it can still match generic envelopes)"));
            }
            glob
        } else {
            let found = super::find_type(catalog, p, provider.map(Provider::id))?;
            Glob::new(&globset::escape(found.name)).map_err(|e| UsageError(e.to_string()))?
        };
        set.add(glob);
    }
    set.build().map(Some).map_err(|e| UsageError(e.to_string()))
}

pub(crate) fn run(args: &FilterArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let provider = args.provider.as_deref().map(|p| find_provider(&config.catalog, p)).transpose()?;
    let criteria = Criteria {
        provider: provider.map(|p| p.id().to_owned()),
        types: type_globs(&config.catalog, &config.diagnostics, &args.event_type, provider)?,
        statuses: args.status.clone(),
    };
    let mut report = match &args.report {
        Some(path) => Some(BufWriter::new(
            File::create(path).map_err(|e| UsageError(format!("--report {}: {e}", path.display())))?,
        )),
        None => None,
    };
    let (mut written, mut dropped, mut unparsable) = (0usize, 0usize, 0usize);
    let input = InputArgs {
        paths: args.paths.clone(),
        walk: args.walk.clone(),
        read: args.read.clone(),
        ..InputArgs::default()
    };
    // Matching by provider and type needs detection only; a status, and the report's status
    // of every dropped record, need validation.
    let work = Work { detect_only: args.status.is_empty() && args.report.is_none(), ..Work::default() };
    let pass = for_each_event_with(config, &input, config.strict(args.strict), work, &mut |analyzed| {
        let result = &analyzed.result;
        let original = analyzed.original();
        // An empty source or an oversized record has no bytes to pass on: it is only accounted for.
        let mismatch = if original.is_empty() {
            Some("nothing to write: the record is empty or was not kept".to_owned())
        } else {
            criteria.mismatch(analyzed)
        };
        if mismatch.is_none() != args.invert && !original.is_empty() {
            // Lines and files keep their own line ending; a value framed out of a longer line
            // gets one.
            out.write_all(original)?;
            if !original.ends_with(b"\n") {
                out.write_all(b"\n")?;
            }
            written += 1;
            return Ok(());
        }
        dropped += 1;
        if result.status == Status::Unparsable {
            unparsable += 1;
        }
        if let Some(report) = report.as_mut() {
            let reason = match (&mismatch, result.status) {
                (_, Status::Unparsable) => {
                    format!("unparsable: {}", result.errors.first().map_or("", |f| f.message.as_str()))
                }
                (Some(why), _) => why.clone(),
                (None, _) => "matches, and --invert drops matches".to_owned(),
            };
            let entry = json!({
                "source": result.source, "line": result.line, "column": result.column,
                "provider": result.provider, "event_type": result.event_type,
                "status": result.status, "reason": reason,
            });
            serde_json::to_writer(&mut *report, &entry)?;
            report.write_all(b"\n")?;
        }
        Ok(())
    })?;
    let total = written + dropped;
    if let Some(mut report) = report {
        let entry = json!({"summary": {"records": total, "written": written, "dropped": dropped,
                                       "unparsable": unparsable, "skipped_lines": pass.skipped}});
        serde_json::to_writer(&mut report, &entry)?;
        report.write_all(b"\n")?;
        report.flush()?;
    }
    if std::io::stderr().is_terminal() {
        config.diagnostics.note(&format_args!(
            "filter: wrote {written} of {total} records ({dropped} dropped, {unparsable} of them unparsable)"
        ));
    }
    // Like grep: 1 when nothing passed.
    Ok(Outcome { finding: written == 0, ..pass.outcome })
}
