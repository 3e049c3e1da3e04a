//! The faithful pretty-printer: re-indents JSON text token by token, so key order, number
//! spelling and string escapes are exactly what the sender wrote.

use std::io::{self, Write};

use super::lexer::{Lexer, Token};
use crate::output::Styles;

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PrettyOptions {
    pub compact: bool,
}

/// Writes `text` (one well-formed JSON value) re-indented with two spaces, or compact.
pub(crate) fn pretty_print(
    text: &[u8],
    styles: &Styles,
    options: PrettyOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut lexer = Lexer::new(text, 0);
    let mut depth = 0usize;
    // Inside an object, whether the next string is a key.
    let mut expect_key: Vec<bool> = Vec::new();
    let newline = |out: &mut dyn Write, depth: usize| -> io::Result<()> {
        if options.compact { Ok(()) } else { write!(out, "\n{:width$}", "", width = depth * 2) }
    };
    while let Some((token, start, end)) = lexer.next_token() {
        let raw = String::from_utf8_lossy(&text[start..end]);
        match token {
            Token::ObjectStart | Token::ArrayStart => {
                let close = if token == Token::ObjectStart { b'}' } else { b']' };
                let mut peek = Lexer::new(text, end);
                let next = peek.skip_whitespace();
                if text.get(next) == Some(&close) {
                    write!(out, "{}", styles.punct.style(format!("{raw}{}", close as char)))?;
                    lexer = Lexer::new(text, next + 1);
                    continue;
                }
                write!(out, "{}", styles.punct.style(&raw))?;
                depth += 1;
                expect_key.push(token == Token::ObjectStart);
                newline(out, depth)?;
            }
            Token::ObjectEnd | Token::ArrayEnd => {
                depth = depth.saturating_sub(1);
                expect_key.pop();
                newline(out, depth)?;
                write!(out, "{}", styles.punct.style(&raw))?;
            }
            Token::Comma => {
                write!(out, "{}", styles.punct.style(","))?;
                if let Some(k) = expect_key.last_mut() {
                    *k = true;
                }
                newline(out, depth)?;
            }
            Token::Colon => {
                write!(out, "{}", styles.punct.style(":"))?;
                if !options.compact {
                    out.write_all(b" ")?;
                }
            }
            Token::String if expect_key.last() == Some(&true) => {
                write!(out, "{}", styles.key.style(&json_controls(&raw)))?;
                if let Some(k) = expect_key.last_mut() {
                    *k = false;
                }
            }
            Token::String | Token::Unterminated => {
                write!(out, "{}", styles.string.style(&json_controls(&raw)))?;
            }
            Token::Scalar => {
                let style = if raw.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
                    styles.number
                } else {
                    styles.literal
                };
                write!(out, "{}", style.style(&raw))?;
            }
        }
    }
    if !options.compact {
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A string token with its raw control characters (DEL and C1 are legal unescaped in JSON, and
/// a terminal would obey them) and bidirectional overrides written as JSON escapes: the same
/// value, never a raw control byte.
fn json_controls(raw: &str) -> std::borrow::Cow<'_, str> {
    use std::fmt::Write as _;
    let escaped = |c: char| c.is_control() || crate::output::is_bidi_control(c);
    if !raw.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len() + 8);
    for c in raw.chars() {
        if escaped(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str, compact: bool) -> String {
        let mut out = Vec::new();
        pretty_print(text.as_bytes(), &Styles::plain(), PrettyOptions { compact }, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn keeps_spelling_and_order() {
        let text = r#"{"z":12345678901234567891,"a":[1.50,1e3,"\u00e9\n"],"e":{},"f":[]}"#;
        assert_eq!(
            render(text, false),
            "{\n  \"z\": 12345678901234567891,\n  \"a\": [\n    1.50,\n    1e3,\n    \"\\u00e9\\n\"\n  ],\n  \"e\": {},\n  \"f\": []\n}\n"
        );
        assert_eq!(render(text, true), text);
    }

    #[test]
    fn never_writes_a_raw_control_character() {
        // Escaped controls keep their spelling; DEL and C1, legal raw in JSON, become escapes.
        let text = "{\"a\\u001b\":\"\\u001b[2J\u{9b}2J\u{7f}\"}";
        let out = render(text, false);
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        assert_eq!(out, "{\n  \"a\\u001b\": \"\\u001b[2J\\u009b2J\\u007f\"\n}\n");
    }

    #[test]
    fn keys_and_values_are_styled_apart() {
        let styles = Styles::colored();
        let mut out = Vec::new();
        pretty_print(br#"{"k":"v"}"#, &styles, PrettyOptions { compact: true }, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(&styles.key.style("\"k\"").to_string()));
        assert!(out.contains(&styles.string.style("\"v\"").to_string()));
        assert_ne!(styles.key.style("x").to_string(), styles.string.style("x").to_string());
    }
}

/// A parsed-by-tokens view of a document that keeps every token's original bytes.
enum RawNode<'a> {
    Scalar(&'a [u8]),
    Object(Vec<(&'a [u8], RawNode<'a>)>),
    Array(Vec<RawNode<'a>>),
}

fn raw_node<'a>(text: &'a [u8], lexer: &mut Lexer<'a>) -> Option<RawNode<'a>> {
    let (token, start, end) = lexer.next_token()?;
    match token {
        Token::ObjectStart => {
            let mut members = Vec::new();
            loop {
                let (token, start, end) = lexer.next_token()?;
                match token {
                    Token::ObjectEnd => return Some(RawNode::Object(members)),
                    Token::Comma => {}
                    Token::String => {
                        let key = &text[start..end];
                        lexer.next_token()?; // the colon
                        members.push((key, raw_node(text, lexer)?));
                    }
                    _ => return None,
                }
            }
        }
        Token::ArrayStart => {
            let mut items = Vec::new();
            loop {
                let mut peek = Lexer::new(text, lexer.position());
                match peek.next_token()? {
                    (Token::ArrayEnd, _, _) => {
                        lexer.next_token();
                        return Some(RawNode::Array(items));
                    }
                    (Token::Comma, _, _) => {
                        lexer.next_token();
                    }
                    _ => items.push(raw_node(text, lexer)?),
                }
            }
        }
        _ => Some(RawNode::Scalar(&text[start..end])),
    }
}

fn write_sorted(node: &RawNode<'_>, out: &mut Vec<u8>) {
    match node {
        RawNode::Scalar(raw) => out.extend_from_slice(raw),
        RawNode::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_sorted(item, out);
            }
            out.push(b']');
        }
        RawNode::Object(members) => {
            let mut sorted: Vec<&(&[u8], RawNode<'_>)> = members.iter().collect();
            // Compare the keys as text (escapes decoded), stable for equal keys.
            sorted.sort_by_cached_key(|(key, _)| serde_json::from_slice::<String>(key).unwrap_or_default());
            out.push(b'{');
            for (i, (key, value)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(key);
                out.push(b':');
                write_sorted(value, out);
            }
            out.push(b'}');
        }
    }
}

/// The document with object keys sorted, every token still spelled as written (compact).
/// `None` when the text is not a well-formed document.
pub(crate) fn sort_keys(text: &[u8]) -> Option<Vec<u8>> {
    let mut lexer = Lexer::new(text, 0);
    let node = raw_node(text, &mut lexer)?;
    let mut out = Vec::with_capacity(text.len());
    write_sorted(&node, &mut out);
    Some(out)
}

#[cfg(test)]
mod sort_tests {
    use super::*;

    #[test]
    fn sorts_keys_at_every_depth_keeping_spelling() {
        let text = br#"{"b": 1.50, "a": {"z": [1e3, {"y": 1, "x": "\u00e9"}], "k": null}}"#;
        assert_eq!(
            String::from_utf8(sort_keys(text).unwrap()).unwrap(),
            r#"{"a":{"k":null,"z":[1e3,{"x":"\u00e9","y":1}]},"b":1.50}"#
        );
    }
}
