//! `hookscope inspect` (the default): for each event a summary, its findings, any notice the
//! provider attaches, then the event itself, pretty-printed without changing a byte of any value.

use std::io::Write;

use comfy_table::Table;
use serde_json::Value;

use super::{Work, for_each_event_with};
use crate::analyze::Analyzed;
use crate::catalog::Provider;
use crate::cli::InspectArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::json::{PrettyOptions, pretty_print, sort_keys};
use crate::model::Status;
use crate::output::{Output, add_row, escape_controls};
use crate::report::{grouped_for_people, iso8601, render_snippet};

pub(crate) fn run(args: &InspectArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let styles = out.styles;
    let strict = config.strict(args.strict);
    let options = PrettyOptions { compact: args.compact };
    let mut failed = false;
    let mut first = true;
    let print = |text: &[u8], out: &mut Vec<u8>| -> std::io::Result<()> {
        match args.sort_keys.then(|| sort_keys(text)).flatten() {
            Some(sorted) => pretty_print(&sorted, &styles, options, out)?,
            None => pretty_print(text, &styles, options, out)?,
        }
        // The compact form is one line per event, so events never run together (`}{`).
        if options.compact { out.write_all(b"\n") } else { Ok(()) }
    };
    // Each event is rendered on the analysis threads; here it is only written, in order.
    let render = |analyzed: &Analyzed, out: &mut Vec<u8>| -> std::io::Result<()> {
        let record = &analyzed.record;
        let result = &analyzed.result;
        if args.body_only {
            return if analyzed.value.is_some() { print(record.text(), out) } else { Ok(()) };
        }
        let heading = format!("── {} ", escape_controls(&result.label()));
        writeln!(out, "{}", styles.strong.style(format!("{heading:─<72}")))?;
        let provider = result.provider.as_deref().and_then(|id| config.catalog.provider(id));
        writeln!(out, "{}", summary_table(analyzed, provider))?;
        for finding in grouped_for_people(&result.findings_in_order()) {
            render_snippet(out, &styles, result, &finding, record.source_text())?;
        }
        if let (Some(p), Some(value)) = (provider, analyzed.value.as_ref()) {
            for notice in p.desc.notices.iter().filter_map(|n| n.render(value)) {
                writeln!(out, "{}: {}", styles.ok.style("note"), escape_controls(&notice))?;
            }
        }
        if analyzed.value.is_some() {
            print(record.text(), out)?;
        }
        Ok(())
    };
    let work = Work { render: Some(&render), ..Work::default() };
    let pass = for_each_event_with(config, &args.input, strict, work, &mut |analyzed| {
        let result = &analyzed.result;
        failed |= result.fails();
        if args.body_only {
            if analyzed.value.is_none() {
                // Diagnostics stay on this thread, in input order.
                for finding in &result.errors {
                    config.diagnostics.error(&format_args!(
                        "{}:{}:{}: {}",
                        escape_controls(&result.source),
                        finding.line.unwrap_or(result.line),
                        finding.column.unwrap_or(result.column),
                        escape_controls(&finding.message)
                    ));
                }
            }
            out.write_all(&analyzed.rendered)?;
            return Ok(());
        }
        if !first {
            writeln!(out)?;
        }
        first = false;
        out.write_all(&analyzed.rendered)?;
        Ok(())
    })?;
    Ok(Outcome { finding: failed, ..pass.outcome })
}

fn summary_table(analyzed: &Analyzed, provider: Option<&Provider>) -> Table {
    let (result, value) = (&analyzed.result, analyzed.value.as_ref());
    let mut table = crate::output::table(false);
    let mut row = |key: &str, value: String| add_row(&mut table, [key, &value]);
    match provider {
        Some(p) => row("provider", format!("{} ({})", p.id(), p.desc.name)),
        None => row("provider", "unknown".to_owned()),
    }
    if let Some(t) = &result.event_type {
        let title = provider.map(|p| p.info(t).title).filter(|t| !t.is_empty());
        row("type", title.map_or_else(|| t.clone(), |title| format!("{t} ({title})")));
    }
    if let Some(v) = &result.api_version {
        row("version", v.clone());
    } else if let Some(c) = &result.api_version_candidates {
        row("version", format!("one of {}", c.join(", ")));
    }
    let verdict = match result.status {
        Status::Valid if result.warnings.is_empty() => "valid".to_owned(),
        Status::Valid => format!("valid, {} warning(s)", result.warnings.len()),
        Status::Invalid => {
            format!("invalid: {} error(s), {} warning(s)", result.errors.len(), result.warnings.len())
        }
        s => s.as_str().to_owned(),
    };
    row("verdict", verdict);
    if let (Some(p), Some(value)) = (provider, value) {
        if let Some(id) = p.desc.id_at.as_ref().and_then(|at| at.find(value)) {
            row("event id", scalar(id));
        }
        if let Some(time) = &p.desc.time
            && let Some(raw) = time.at.find(value)
        {
            let shown = time
                .millis_of(raw)
                .and_then(iso8601)
                .map_or_else(|| scalar(raw), |iso| format!("{iso} ({})", scalar(raw)));
            row("time", shown);
        }
        for field in &p.desc.summary {
            if let Some(v) = field.at.find(value) {
                row(&field.label, scalar(v));
            }
        }
    }
    let headers = &analyzed.record.headers;
    if !headers.is_empty() {
        // Names only: header values can be signatures or credentials.
        let names: Vec<&str> = headers.iter().map(|(k, _)| k.as_str()).collect();
        row("headers", names.join(", "));
    }
    if let Some(docs) = &result.docs {
        row("docs", docs.clone());
    }
    table
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Object(_) | Value::Array(_) => {
            let text = value.to_string();
            if text.len() > 60 { format!("{}…", &text[..text.floor_char_boundary(60)]) } else { text }
        }
        other => other.to_string(),
    }
}
