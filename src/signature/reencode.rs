//! Re-encodings of a delivered body that a signature may match instead: the forms JSON takes
//! when a framework, proxy, logger or editor parses and rewrites it after it was signed.

use serde::de::IgnoredAny;

use crate::json::{PrettyOptions, pretty_print, sort_keys};
use crate::output::Styles;

/// Which rewriting of the delivered body the signature matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyForm {
    /// The delivered body ends with a newline that was not signed.
    WithoutFinalNewline,
    /// The signed body ended with a newline the delivered one lacks.
    WithFinalNewline,
    Compact,
    Pretty2,
    Pretty4,
    /// One line with `, ` and `: ` (Python's `json.dumps` default).
    Spaced,
    SortedKeys,
    /// Parsed and written back by a JSON library: keys sorted, escapes and numbers normalised.
    Reparsed,
}

impl BodyForm {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Self::WithoutFinalNewline => {
                "the body without its final newline, which an editor or the capture added"
            }
            Self::WithFinalNewline => "the body with a final newline, which was lost after signing",
            Self::Compact => {
                "its compact form without whitespace, so it was pretty-printed or reformatted later"
            }
            Self::Pretty2 => "its form indented with 2 spaces, so it was compacted or reformatted later",
            Self::Pretty4 => "its form indented with 4 spaces, so it was compacted or reformatted later",
            Self::Spaced => {
                "its one-line form with a space after each `,` and `:` (Python's `json.dumps` default)"
            }
            Self::SortedKeys => "its form with the object keys sorted, so the key order changed later",
            Self::Reparsed => {
                "its form after a JSON library parsed and rewrote it (keys sorted, escapes and numbers normalised)"
            }
        }
    }
}

/// The distinct rewritings of `body`, most specific first (a trailing newline explains more
/// precisely than "compact" why a compact body plus newline fails).
pub(super) fn variants(body: &[u8]) -> Vec<(BodyForm, Vec<u8>)> {
    let mut out: Vec<(BodyForm, Vec<u8>)> = Vec::new();
    let mut push = |form: BodyForm, bytes: Vec<u8>| {
        if bytes != body && out.iter().all(|(_, seen)| *seen != bytes) {
            out.push((form, bytes));
        }
    };
    match body.strip_suffix(b"\r\n").or_else(|| body.strip_suffix(b"\n")) {
        Some(stripped) => push(BodyForm::WithoutFinalNewline, stripped.to_vec()),
        None => push(BodyForm::WithFinalNewline, [body, b"\n"].concat()),
    }
    // The JSON rewritings need a well-formed document; other bodies are signed as opaque bytes.
    if serde_json::from_slice::<IgnoredAny>(body).is_err() {
        return out;
    }
    if let Some(compact) = render(body, true) {
        push(BodyForm::Compact, compact);
    }
    if let Some(pretty) = render(body, false) {
        // `pretty_print` ends with a newline; `JSON.stringify(v, null, 2)` and Python do not.
        let bare = pretty.strip_suffix(b"\n").unwrap_or(&pretty).to_vec();
        let four = reindent_double(&bare);
        push(BodyForm::Spaced, one_line_spaced(&bare));
        push(BodyForm::Pretty2, bare);
        push(BodyForm::Pretty2, pretty);
        push(BodyForm::Pretty4, [four.as_slice(), b"\n"].concat());
        push(BodyForm::Pretty4, four);
    }
    if let Some(sorted) = sort_keys(body) {
        push(BodyForm::SortedKeys, sorted);
    }
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) {
        for bytes in [serde_json::to_vec(&value), serde_json::to_vec_pretty(&value)].into_iter().flatten() {
            push(BodyForm::Reparsed, bytes);
        }
    }
    out
}

fn render(body: &[u8], compact: bool) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len() * 2);
    pretty_print(body, &Styles::plain(), PrettyOptions { compact }, &mut out).ok()?;
    Some(out)
}

/// The 2-space form re-indented with 4: JSON strings hold no raw newline, so every line's
/// leading spaces are indentation.
fn reindent_double(pretty: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(pretty.len() * 2);
    for (i, line) in pretty.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        out.extend(std::iter::repeat_n(b' ', indent * 2));
        out.extend_from_slice(&line[indent..]);
    }
    out
}

/// The 2-space form joined onto one line: a line break after `,` becomes a space, any other
/// (after an opening or before a closing bracket) disappears; `: ` is already spaced.
fn one_line_spaced(pretty: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(pretty.len());
    for line in pretty.split(|&b| b == b'\n') {
        if out.last() == Some(&b',') {
            out.push(b' ');
        }
        out.extend_from_slice(line.trim_ascii_start());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(body: &str) -> Vec<(BodyForm, String)> {
        variants(body.as_bytes())
            .into_iter()
            .map(|(form, bytes)| (form, String::from_utf8(bytes).expect("utf-8 in, utf-8 out")))
            .collect()
    }

    #[test]
    fn rewrites_json_the_usual_ways() {
        let got = forms(r#"{"b":[1,{}],"a":"\u00e9"}"#);
        let expect = [
            (BodyForm::WithFinalNewline, "{\"b\":[1,{}],\"a\":\"\\u00e9\"}\n"),
            (BodyForm::Spaced, r#"{"b": [1, {}], "a": "\u00e9"}"#),
            (BodyForm::Pretty2, "{\n  \"b\": [\n    1,\n    {}\n  ],\n  \"a\": \"\\u00e9\"\n}"),
            (BodyForm::Pretty2, "{\n  \"b\": [\n    1,\n    {}\n  ],\n  \"a\": \"\\u00e9\"\n}\n"),
            (
                BodyForm::Pretty4,
                "{\n    \"b\": [\n        1,\n        {}\n    ],\n    \"a\": \"\\u00e9\"\n}\n",
            ),
            (BodyForm::Pretty4, "{\n    \"b\": [\n        1,\n        {}\n    ],\n    \"a\": \"\\u00e9\"\n}"),
            (BodyForm::SortedKeys, r#"{"a":"\u00e9","b":[1,{}]}"#),
            (BodyForm::Reparsed, r#"{"a":"é","b":[1,{}]}"#),
            (BodyForm::Reparsed, "{\n  \"a\": \"é\",\n  \"b\": [\n    1,\n    {}\n  ]\n}"),
        ];
        let expect: Vec<(BodyForm, String)> = expect.iter().map(|(f, s)| (*f, (*s).to_owned())).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn non_json_bodies_only_vary_by_newline() {
        assert_eq!(forms("a=1&b=2\r\n"), vec![(BodyForm::WithoutFinalNewline, "a=1&b=2".to_owned())]);
    }
}
