//! Drift: documented versus seen over a corpus of real deliveries, per event type. It gathers the
//! findings of the same analysis as `validate` by kind and place, so the two always agree;
//! positions in arrays are folded into `*`.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;
use serde_json::Value;

use crate::model::{EventResult, Finding, Status, code};
use crate::output::{Output, escape_controls};

/// Where something was first seen.
#[derive(Debug, Clone, Serialize)]
struct Example {
    source: String,
    line: usize,
    column: usize,
}

/// One place, how often, and where it was first seen.
#[derive(Debug, Serialize)]
struct Seen {
    pointer: String,
    count: usize,
    example: Example,
    /// What was seen there, in words (the first finding's message).
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

/// Any other finding `validate` reports (formats, dates, constraints, patterns, declared drift,
/// duplicate keys, versions, aliases) at one place: its code, how often, where first seen.
#[derive(Debug, Serialize)]
struct OtherSeen {
    code: String,
    #[serde(flatten)]
    seen: Seen,
}

/// Values seen outside a documented enum at one place, with their counts.
#[derive(Debug, Serialize)]
struct OutsideValues {
    pointer: String,
    values: BTreeMap<String, usize>,
    example: Example,
}

/// Documented versus seen for one event type (and API version).
#[derive(Debug, Default, Serialize)]
struct TypeDrift {
    provider: String,
    event_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_version: Option<String>,
    deliveries: usize,
    /// Documented fields missing from every delivery of the type.
    never_seen: Vec<String>,
    /// Documented fields some deliveries lack: pointer and how many lack it.
    sometimes_missing: BTreeMap<String, usize>,
    undocumented: Vec<Seen>,
    /// A JSON type other than the documented one (numbers as strings included).
    types: Vec<Seen>,
    /// Values outside a documented enum or constant.
    values: Vec<OutsideValues>,
    /// Every other finding, by code and place.
    other: Vec<OtherSeen>,
    /// How many findings of each code the type's deliveries have: what `validate` counts.
    findings: BTreeMap<String, usize>,
    #[serde(skip)]
    missing: BTreeMap<String, usize>,
    #[serde(skip)]
    undocumented_at: BTreeMap<String, Seen>,
    #[serde(skip)]
    types_at: BTreeMap<String, Seen>,
    #[serde(skip)]
    values_at: BTreeMap<String, OutsideValues>,
    #[serde(skip)]
    other_at: BTreeMap<(String, String), OtherSeen>,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct Report {
    deliveries: usize,
    /// Records of no known provider, or that are not JSON.
    unrecognised: usize,
    /// How many findings of each code the whole corpus has, the unrecognised records' included:
    /// the counts `validate` reports.
    findings: BTreeMap<String, usize>,
    types: Vec<TypeDrift>,
}

/// Gathers the findings of analysed deliveries into a drift report, by event type.
#[derive(Default)]
pub(crate) struct Gatherer {
    by_type: BTreeMap<(String, String, Option<String>), TypeDrift>,
    report: Report,
}

impl Gatherer {
    /// Adds one delivery: its result, and its value when it parsed (for the values seen).
    pub(crate) fn add(&mut self, r: &EventResult, value: Option<&Value>) {
        let report = &mut self.report;
        report.deliveries += 1;
        for f in r.errors.iter().chain(&r.warnings) {
            *report.findings.entry(f.code.clone()).or_default() += 1;
        }
        let (Some(provider), Some(event_type), Status::Valid | Status::Invalid) =
            (&r.provider, &r.event_type, r.status)
        else {
            report.unrecognised += 1;
            return;
        };
        let key = (provider.clone(), event_type.clone(), r.api_version.clone());
        let drift = self.by_type.entry(key).or_insert_with(|| TypeDrift {
            provider: provider.clone(),
            event_type: event_type.clone(),
            api_version: r.api_version.clone(),
            ..TypeDrift::default()
        });
        drift.deliveries += 1;
        let example = |f: &Finding| Example {
            source: r.source.clone(),
            line: f.line.unwrap_or(r.line),
            column: f.column.unwrap_or(r.column),
        };
        for f in r.errors.iter().chain(&r.warnings) {
            *drift.findings.entry(f.code.clone()).or_default() += 1;
            let at = fold(&f.pointer);
            match f.code.as_str() {
                code::MISSING_FIELD | code::MISSING_EXPECTED_FIELD => {
                    *drift.missing.entry(at).or_default() += 1;
                }
                code::UNDOCUMENTED_FIELD | code::MISSPELT_FIELD => {
                    let seen = drift.undocumented_at.entry(at.clone()).or_insert_with(|| Seen {
                        pointer: at,
                        count: 0,
                        example: example(f),
                        detail: (f.code == code::MISSPELT_FIELD).then(|| f.message.clone()),
                    });
                    seen.count += 1;
                }
                code::WRONG_TYPE | code::NUMERIC_STRING => {
                    let seen = drift.types_at.entry(at.clone()).or_insert_with(|| Seen {
                        pointer: at,
                        count: 0,
                        example: example(f),
                        detail: Some(f.message.clone()),
                    });
                    seen.count += 1;
                }
                code::OPEN_ENUM | code::CLOSED_ENUM | code::WRONG_VALUE => {
                    let value = value.and_then(|v| v.pointer(&f.pointer)).map_or_else(
                        || "?".to_owned(),
                        |v| match v {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        },
                    );
                    let values = drift.values_at.entry(at.clone()).or_insert_with(|| OutsideValues {
                        pointer: at,
                        values: BTreeMap::new(),
                        example: example(f),
                    });
                    *values.values.entry(value).or_default() += 1;
                }
                other => {
                    let seen =
                        drift.other_at.entry((other.to_owned(), at.clone())).or_insert_with(|| OtherSeen {
                            code: other.to_owned(),
                            seen: Seen {
                                pointer: at,
                                count: 0,
                                example: example(f),
                                detail: Some(f.message.clone()),
                            },
                        });
                    seen.seen.count += 1;
                }
            }
        }
    }

    /// The report, each type's missing fields sorted into never seen and sometimes missing.
    pub(crate) fn finish(mut self) -> Report {
        for (_, mut drift) in self.by_type {
            for (pointer, missing) in std::mem::take(&mut drift.missing) {
                if missing == drift.deliveries {
                    drift.never_seen.push(pointer);
                } else {
                    drift.sometimes_missing.insert(pointer, missing);
                }
            }
            drift.undocumented = std::mem::take(&mut drift.undocumented_at).into_values().collect();
            drift.types = std::mem::take(&mut drift.types_at).into_values().collect();
            drift.values = std::mem::take(&mut drift.values_at).into_values().collect();
            drift.other = std::mem::take(&mut drift.other_at).into_values().collect();
            self.report.types.push(drift);
        }
        self.report
    }
}

/// A pointer with array positions folded (`/tracks/0/s3key` → `/tracks/*/s3key`).
fn fold(pointer: &str) -> String {
    pointer
        .split('/')
        .map(
            |segment| {
                if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) { "*" } else { segment }
            },
        )
        .collect::<Vec<_>>()
        .join("/")
}

pub(crate) fn render(out: &mut Output, report: &Report) -> std::io::Result<()> {
    let styles = out.styles;
    for t in &report.types {
        let version = t.api_version.as_deref().map(|v| format!(" {v}")).unwrap_or_default();
        let plural = if t.deliveries == 1 { "delivery" } else { "deliveries" };
        writeln!(
            out,
            "{} {}{version} ({} {plural})",
            styles.strong.style(escape_controls(&t.provider)),
            styles.strong.style(escape_controls(&t.event_type)),
            t.deliveries
        )?;
        let clean = t.never_seen.is_empty()
            && t.sometimes_missing.is_empty()
            && t.undocumented.is_empty()
            && t.types.is_empty()
            && t.values.is_empty()
            && t.other.is_empty();
        if clean {
            writeln!(out, "  as documented")?;
        }
        for p in &t.never_seen {
            writeln!(out, "  documented, never seen: {}", escape_controls(p))?;
        }
        for (p, n) in &t.sometimes_missing {
            writeln!(out, "  documented, missing in {n} of {}: {}", t.deliveries, escape_controls(p))?;
        }
        for s in &t.undocumented {
            let detail = s.detail.as_deref().map(|d| format!(" ({})", escape_controls(d)));
            seen_line(out, "undocumented, seen", s, &detail.unwrap_or_default())?;
        }
        for s in &t.types {
            let detail = s.detail.as_deref().map(escape_controls).unwrap_or_default();
            seen_line(out, "other type,", s, &format!(": {detail}"))?;
        }
        for v in &t.values {
            let values: Vec<String> = v
                .values
                .iter()
                .map(|(value, n)| format!("{} ×{n}", escape_controls(&format!("{value:?}"))))
                .collect();
            writeln!(
                out,
                "  undocumented values: {}: {} (first at {})",
                escape_controls(&v.pointer),
                values.join(", "),
                at(&v.example)
            )?;
        }
        for o in &t.other {
            let detail = o.seen.detail.as_deref().map(escape_controls).unwrap_or_default();
            seen_line(out, &format!("{},", o.code), &o.seen, &format!(": {detail}"))?;
        }
    }
    let types = report.types.len();
    writeln!(
        out,
        "{} {} of {types} event type{}; {} not recognised",
        report.deliveries,
        if report.deliveries == 1 { "delivery" } else { "deliveries" },
        if types == 1 { "" } else { "s" },
        report.unrecognised
    )
}

/// `  LABEL N×: POINTER DETAIL (first at path:line:col)`.
fn seen_line(out: &mut Output, label: &str, seen: &Seen, detail: &str) -> std::io::Result<()> {
    let pointer = escape_controls(&seen.pointer);
    writeln!(out, "  {label} {}×: {pointer}{detail} (first at {})", seen.count, at(&seen.example))
}

fn at(example: &Example) -> String {
    escape_controls(&format!("{}:{}:{}", example.source, example.line, example.column)).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn array_positions_are_folded() {
        assert_eq!(super::fold("/payload/tracks/0/s3key"), "/payload/tracks/*/s3key");
        assert_eq!(super::fold("/payload/room"), "/payload/room");
        assert_eq!(super::fold(""), "");
    }
}
