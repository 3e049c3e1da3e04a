//! Writers for a diff: the human rendering, the summary line, JSON and the JSON Patch.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use super::core::{Change, Diff, Op};
use crate::output::{Styles, escape_controls};

/// One compared event, as detected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Side {
    /// `file:N`.
    pub label: String,
    pub provider: Option<String>,
    pub event_type: Option<String>,
    pub api_version: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Header {
    pub left: Side,
    pub right: Side,
}

/// Values longer than this (in characters, as compact JSON) are shortened with `…`.
const MAX_VALUE_CHARS: usize = 80;

pub(crate) fn human(out: &mut dyn Write, styles: &Styles, header: &Header, diff: &Diff) -> io::Result<()> {
    writeln!(
        out,
        "{} {} {}",
        styles.strong.style(describe(&header.left)),
        styles.dim.style("→"),
        styles.strong.style(describe(&header.right))
    )?;
    let (l, r) = (&header.left, &header.right);
    for (what, left, right) in [
        ("provider", &l.provider, &r.provider),
        ("type", &l.event_type, &r.event_type),
        ("version", &l.api_version, &r.api_version),
    ] {
        if left != right {
            writeln!(
                out,
                "{} {what} differs: {} {} {}",
                styles.warning.style("!"),
                escape_controls(or_unknown(left.as_deref())),
                styles.dim.style("→"),
                escape_controls(or_unknown(right.as_deref()))
            )?;
        }
    }
    for change in &diff.changes {
        let pointer = styles.pointer.style(escape_controls(display_pointer(&change.pointer)));
        match (change.op, &change.left, &change.right) {
            (Op::Added, _, Some(v)) => {
                writeln!(out, "{} {pointer}: {}", styles.ok.style("+"), value(styles, v))?;
            }
            (Op::Removed, Some(v), _) => {
                writeln!(out, "{} {pointer}: {}", styles.error.style("-"), value(styles, v))?;
            }
            (Op::Changed | Op::TypeChanged, Some(old), Some(new)) => writeln!(
                out,
                "{} {pointer}: {} {} {}",
                styles.warning.style("~"),
                value(styles, old),
                styles.dim.style("→"),
                value(styles, new)
            )?,
            // A change without the values its op implies is not something `diff` builds.
            _ => writeln!(out, "{} {pointer}", styles.warning.style("?"))?,
        }
    }
    stat(out, styles, diff)
}

/// The one-line summary: `2 changed, 1 added, 0 removed; 3 volatile fields differ, ignored`.
pub(crate) fn stat(out: &mut dyn Write, styles: &Styles, diff: &Diff) -> io::Result<()> {
    let count = |op| diff.changes.iter().filter(|c| c.op == op).count();
    let mut line = if diff.changes.is_empty() {
        styles.ok.style("no differences").to_string()
    } else {
        let typed = count(Op::TypeChanged);
        let mut parts = vec![format!("{} changed", count(Op::Changed))];
        if typed > 0 {
            parts.push(format!("{typed} type changed"));
        }
        parts.push(format!("{} added", count(Op::Added)));
        parts.push(format!("{} removed", count(Op::Removed)));
        styles.warning.style(parts.join(", ")).to_string()
    };
    if diff.volatile_ignored > 0 {
        let n = diff.volatile_ignored;
        let (noun, verb) = if n == 1 { ("field", "differs") } else { ("fields", "differ") };
        line.push_str(&styles.dim.style(format!("; {n} volatile {noun} {verb}, ignored")).to_string());
    }
    if diff.ignored > 0 {
        let n = diff.ignored;
        let noun = if n == 1 { "difference" } else { "differences" };
        line.push_str(&styles.dim.style(format!("; {n} ignored {noun}")).to_string());
    }
    writeln!(out, "{line}")
}

pub(crate) fn json(out: &mut dyn Write, header: &Header, diff: &Diff) -> io::Result<()> {
    #[derive(Serialize)]
    struct Document<'a> {
        left: &'a Side,
        right: &'a Side,
        changes: &'a [Change],
        ignored: usize,
        volatile_ignored: usize,
    }
    let document = Document {
        left: &header.left,
        right: &header.right,
        changes: &diff.changes,
        ignored: diff.ignored,
        volatile_ignored: diff.volatile_ignored,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}

pub(crate) fn patch(out: &mut dyn Write, patch_value: &Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, patch_value)?;
    out.write_all(b"\n")
}

/// `a.json:1 (alfred, order.created, 2024-06)`, or just the label when nothing was detected.
fn describe(side: &Side) -> String {
    let details: Vec<&str> = [&side.provider, &side.event_type, &side.api_version]
        .into_iter()
        .filter_map(|d| d.as_deref())
        .collect();
    let text = if details.is_empty() {
        side.label.clone()
    } else {
        format!("{} ({})", side.label, details.join(", "))
    };
    escape_controls(&text).into_owned()
}

fn or_unknown(v: Option<&str>) -> &str {
    v.unwrap_or("(unknown)")
}

/// The root pointer is the empty string, which would print as nothing.
fn display_pointer(pointer: &str) -> &str {
    if pointer.is_empty() { "(root)" } else { pointer }
}

/// A value as compact JSON, shortened, in the style of its kind.
fn value(styles: &Styles, v: &Value) -> String {
    let text = shorten(&escape_controls(&v.to_string()));
    let style = match v {
        Value::String(_) => styles.string,
        Value::Number(_) => styles.number,
        Value::Bool(_) | Value::Null => styles.literal,
        Value::Array(_) | Value::Object(_) => styles.punct,
    };
    style.style(text).to_string()
}

fn shorten(text: &str) -> String {
    crate::output::shorten(text, MAX_VALUE_CHARS).into_owned()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn side(label: &str, provider: &str, event_type: &str) -> Side {
        Side {
            label: label.to_owned(),
            provider: Some(provider.to_owned()),
            event_type: Some(event_type.to_owned()),
            api_version: None,
        }
    }

    fn header() -> Header {
        Header {
            left: side("a.json:1", "extend", "order.created"),
            right: side("b.json:2", "extend", "order.created"),
        }
    }

    fn sample() -> Diff {
        Diff {
            changes: vec![
                Change {
                    op: Op::Changed,
                    pointer: "/amount".into(),
                    left: Some(json!(100)),
                    right: Some(json!(200)),
                },
                Change {
                    op: Op::Added,
                    pointer: "/items/0".into(),
                    left: None,
                    right: Some(json!({"id": "z"})),
                },
                Change { op: Op::Removed, pointer: "/note".into(), left: Some(json!("hi")), right: None },
                Change {
                    op: Op::TypeChanged,
                    pointer: "/n".into(),
                    left: Some(json!(1)),
                    right: Some(json!("1")),
                },
            ],
            ignored: 1,
            volatile_ignored: 3,
        }
    }

    fn render(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn human_lists_changes_and_summary() {
        let text = render(|out| human(out, &Styles::plain(), &header(), &sample()));
        assert_eq!(
            text,
            "a.json:1 (extend, order.created) → b.json:2 (extend, order.created)\n\
             ~ /amount: 100 → 200\n\
             + /items/0: {\"id\":\"z\"}\n\
             - /note: \"hi\"\n\
             ~ /n: 1 → \"1\"\n\
             1 changed, 1 type changed, 1 added, 1 removed; 3 volatile fields differ, ignored; \
             1 ignored difference\n"
        );
    }

    #[test]
    fn human_says_when_provider_or_type_differ() {
        let header = Header {
            left: side("a.json:1", "extend", "order.created"),
            right: Side { label: "-:1".into(), ..Side::default() },
        };
        let text = render(|out| human(out, &Styles::plain(), &header, &Diff::default()));
        assert_eq!(
            text,
            "a.json:1 (extend, order.created) → -:1\n\
             ! provider differs: extend → (unknown)\n\
             ! type differs: order.created → (unknown)\n\
             no differences\n"
        );
    }

    #[test]
    fn human_shortens_long_values_and_names_the_root() {
        let long = "x".repeat(100);
        let diff = Diff {
            changes: vec![Change {
                op: Op::Changed,
                pointer: String::new(),
                left: Some(json!(long)),
                right: Some(json!("y")),
            }],
            ..Diff::default()
        };
        let text = render(|out| human(out, &Styles::plain(), &header(), &diff));
        let line = text.lines().nth(1).unwrap();
        assert_eq!(line, format!("~ (root): \"{}… → \"y\"", "x".repeat(78)));
    }

    #[test]
    fn shorten_keeps_values_up_to_the_limit() {
        let exact = "é".repeat(MAX_VALUE_CHARS);
        assert_eq!(shorten(&exact), exact);
        let over = "é".repeat(MAX_VALUE_CHARS + 1);
        assert_eq!(shorten(&over).chars().count(), MAX_VALUE_CHARS);
        assert!(shorten(&over).ends_with('…'));
    }

    #[test]
    fn stat_is_the_summary_line_only() {
        assert_eq!(render(|out| stat(out, &Styles::plain(), &Diff::default())), "no differences\n");
        let diff = Diff { volatile_ignored: 1, ..Diff::default() };
        assert_eq!(
            render(|out| stat(out, &Styles::plain(), &diff)),
            "no differences; 1 volatile field differs, ignored\n"
        );
        let mut diff = sample();
        diff.changes.truncate(1);
        diff.ignored = 2;
        diff.volatile_ignored = 0;
        assert_eq!(
            render(|out| stat(out, &Styles::plain(), &diff)),
            "1 changed, 0 added, 0 removed; 2 ignored differences\n"
        );
    }

    #[test]
    fn json_document() {
        let text = render(|out| json(out, &header(), &sample()));
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value,
            json!({
                "left": {"label": "a.json:1", "provider": "extend", "event_type": "order.created", "api_version": null},
                "right": {"label": "b.json:2", "provider": "extend", "event_type": "order.created", "api_version": null},
                "changes": [
                    {"op": "changed", "pointer": "/amount", "left": 100, "right": 200},
                    {"op": "added", "pointer": "/items/0", "right": {"id": "z"}},
                    {"op": "removed", "pointer": "/note", "left": "hi"},
                    {"op": "type_changed", "pointer": "/n", "left": 1, "right": "1"},
                ],
                "ignored": 1,
                "volatile_ignored": 3,
            })
        );
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn patch_is_pretty_json() {
        let p = json!([{"op": "remove", "path": "/a"}]);
        assert_eq!(
            render(|out| patch(out, &p)),
            "[\n  {\n    \"op\": \"remove\",\n    \"path\": \"/a\"\n  }\n]\n"
        );
    }
}
