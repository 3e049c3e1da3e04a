//! `hookscope stats`: counts per provider, type, API version and status over any stream, the
//! first and last event time, and the most frequent findings (errors first, then warnings).

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use serde::Serialize;

use super::for_each_event;
use crate::cli::StatsArgs;
use crate::config::Config;
use crate::exit::Outcome;
use crate::model::{Severity, Summary};
use crate::output::Output;
use crate::report::format::Format;
use crate::report::iso8601;

#[derive(Debug, Default, Serialize)]
struct Stats {
    summary: Summary,
    /// provider -> event type -> count (`-` when unknown).
    types: BTreeMap<String, BTreeMap<String, usize>>,
    /// provider -> API version -> count.
    api_versions: BTreeMap<String, BTreeMap<String, usize>>,
    first_event_time: Option<String>,
    last_event_time: Option<String>,
    top_findings: Vec<FindingCount>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
struct FindingCount {
    severity: &'static str,
    code: String,
    pointer: String,
    count: usize,
    example: String,
}

pub(crate) fn run(args: &StatsArgs, config: &Config, out: &mut Output) -> anyhow::Result<Outcome> {
    let mut stats = Stats::default();
    let (mut first, mut last): (Option<i64>, Option<i64>) = (None, None);
    let mut findings: HashMap<(&'static str, String, String), (usize, String)> = HashMap::new();
    let strict = config.strict(false);
    let mut failed = false;
    let pass = for_each_event(config, &args.input, strict, &mut |analyzed| {
        let r = &analyzed.result;
        stats.summary.add(r);
        failed |= r.fails();
        let provider = r.provider.clone().unwrap_or_else(|| "-".to_owned());
        let event_type = r.event_type.clone().unwrap_or_else(|| "-".to_owned());
        *stats.types.entry(provider.clone()).or_default().entry(event_type).or_default() += 1;
        if let Some(v) = &r.api_version {
            *stats.api_versions.entry(provider).or_default().entry(v.clone()).or_default() += 1;
        } else if let Some(c) = &r.api_version_candidates {
            *stats.api_versions.entry(provider).or_default().entry(c.join(" | ")).or_default() += 1;
        }
        let time = r
            .provider
            .as_deref()
            .and_then(|p| config.catalog.provider(p))
            .and_then(|p| p.desc.time.as_ref())
            .zip(analyzed.value.as_ref())
            .and_then(|(t, v)| t.event_millis(v));
        if let Some(t) = time {
            first = Some(first.map_or(t, |f| f.min(t)));
            last = Some(last.map_or(t, |l| l.max(t)));
        }
        for f in r.errors.iter().chain(&r.warnings) {
            let severity = if f.severity == Severity::Error { "error" } else { "warning" };
            // Array indices would split one problem into many rows.
            let pointer = f
                .pointer
                .split('/')
                .map(|s| if s.parse::<usize>().is_ok() { "*" } else { s })
                .collect::<Vec<_>>()
                .join("/");
            let entry = findings.entry((severity, f.code.clone(), pointer)).or_insert((0, f.message.clone()));
            entry.0 += 1;
        }
        Ok(())
    })?;
    pass.skipped_into(&mut stats.summary);
    stats.first_event_time = first.and_then(iso8601);
    stats.last_event_time = last.and_then(iso8601);
    let mut top: Vec<FindingCount> = findings
        .into_iter()
        .map(|((severity, code, pointer), (count, example))| FindingCount {
            severity,
            code,
            pointer,
            count,
            example,
        })
        .collect();
    // Errors first, then warnings, each by count: a few errors outrank many warnings of drift.
    let rank = |f: &FindingCount| u8::from(f.severity != "error");
    top.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| (&a.code, &a.pointer).cmp(&(&b.code, &b.pointer)))
    });
    top.truncate(args.top);
    stats.top_findings = top;

    if args.format == Format::Json {
        out.plain();
        serde_json::to_writer_pretty(&mut *out, &stats)?;
        writeln!(out)?;
    } else {
        render(out, &stats)?;
    }
    // Counting is not checking, but an invalid, unknown or unparsable event is a finding in
    // every command, so a job can gate on `stats` as on `validate`.
    Ok(Outcome { finding: failed, ..pass.outcome })
}

/// One row per provider and key (event type, API version) with its count.
fn counts_table(what: &str, counts: &BTreeMap<String, BTreeMap<String, usize>>) -> comfy_table::Table {
    let mut table = crate::output::table(true);
    table.set_header(vec!["provider", what, "events"]);
    for (provider, by_key) in counts {
        for (key, n) in by_key {
            crate::output::add_row(&mut table, [provider.clone(), key.clone(), n.to_string()]);
        }
    }
    table
}

fn render(out: &mut Output, stats: &Stats) -> std::io::Result<()> {
    let styles = out.styles;
    crate::report::render_summary_line(out, &styles, &stats.summary)?;
    if let (Some(first), Some(last)) = (&stats.first_event_time, &stats.last_event_time) {
        writeln!(out, "event times: {first} … {last}")?;
    }
    writeln!(out, "\n{}", counts_table("event type", &stats.types))?;
    if !stats.api_versions.is_empty() {
        writeln!(out, "\n{}", counts_table("API version", &stats.api_versions))?;
    }
    if !stats.top_findings.is_empty() {
        let mut findings = crate::output::table(true);
        findings.set_header(vec!["count", "level", "code", "where", "for example"]);
        for f in &stats.top_findings {
            crate::output::add_row(
                &mut findings,
                [
                    f.count.to_string(),
                    f.severity.to_owned(),
                    f.code.clone(),
                    f.pointer.clone(),
                    f.example.clone(),
                ],
            );
        }
        writeln!(out, "\ntop findings\n{findings}")?;
    }
    Ok(())
}
