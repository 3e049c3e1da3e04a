//! From JSON Pointers to places in the source text: line/column of values, and duplicate keys.

use std::collections::HashMap;

use super::lexer::{Frame, Lexer, Token, frame_value};

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub(crate) struct Position {
    pub line: usize,
    pub column: usize,
}

/// Bytes per block of [`Positions`]: a line count is kept per block, not per line, so a text of
/// millions of blank lines costs kilobytes.
const BLOCK: usize = 4096;

/// Turns byte offsets of one text into line/column positions.
pub(crate) struct Positions<'a> {
    text: &'a [u8],
    /// How many lines end before each block of [`BLOCK`] bytes.
    lines_before: Vec<usize>,
}

impl<'a> Positions<'a> {
    pub(crate) fn new(text: &'a [u8]) -> Self {
        let mut lines_before = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut lines = 0;
        for block in text.chunks(BLOCK) {
            lines_before.push(lines);
            lines += memchr::memchr_iter(b'\n', block).count();
        }
        Self { text, lines_before }
    }

    pub(crate) fn at(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let block = (offset / BLOCK).min(self.lines_before.len().saturating_sub(1));
        let from = block * BLOCK;
        let before = self.lines_before.get(block).copied().unwrap_or_default();
        let line = before + memchr::memchr_iter(b'\n', &self.text[from..offset]).count();
        let start = memchr::memrchr(b'\n', &self.text[..offset]).map_or(0, |i| i + 1);
        let column = self.text[start..offset].iter().filter(|b| (**b & 0xC0) != 0x80).count() + 1;
        Position { line: line + 1, column }
    }

    /// The positions of `offsets`, given in increasing order, in one pass over the text: each
    /// byte is looked at once however many offsets lie on one long line.
    pub(crate) fn at_sorted(&self, offsets: &[usize]) -> Vec<Position> {
        let mut out = Vec::with_capacity(offsets.len());
        let (mut line, mut column, mut at) = (1, 1, 0);
        for &offset in offsets {
            let offset = offset.min(self.text.len()).max(at);
            let skipped = &self.text[at..offset];
            if let Some(last) = memchr::memrchr(b'\n', skipped) {
                line += memchr::memchr_iter(b'\n', skipped).count();
                column = skipped[last + 1..].iter().filter(|b| (**b & 0xC0) != 0x80).count() + 1;
            } else {
                column += skipped.iter().filter(|b| (**b & 0xC0) != 0x80).count();
            }
            at = offset;
            out.push(Position { line, column });
        }
        out
    }
}

/// Escapes one reference token for a JSON Pointer (RFC 6901).
fn escape_segment(segment: &str, into: &mut String) {
    if !segment.contains(['~', '/']) {
        into.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => into.push_str("~0"),
            '/' => into.push_str("~1"),
            c => into.push(c),
        }
    }
}

/// The pointer to a member of the value at `pointer` (`/payload` + `s3/key` = `/payload/s3~1key`).
fn child_pointer(pointer: &str, key: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + key.len() + 1);
    out.push_str(pointer);
    out.push('/');
    escape_segment(key, &mut out);
    out
}

/// Appends a key (its raw token, quotes included) to a pointer, unescaping only when it must.
fn push_key(raw: &[u8], into: &mut String) {
    let inner = &raw[1..raw.len() - 1];
    match std::str::from_utf8(inner) {
        Ok(plain) if !inner.contains(&b'\\') => escape_segment(plain, into),
        _ => escape_segment(&key_text(raw), into),
    }
}

fn key_text(raw: &[u8]) -> String {
    if raw.contains(&b'\\') {
        serde_json::from_slice(raw).unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned())
    } else {
        String::from_utf8_lossy(&raw[1..raw.len() - 1]).into_owned()
    }
}

struct Container {
    is_object: bool,
    /// Length of the pointer of this container inside the shared pointer buffer.
    base_len: usize,
    index: usize,
    /// The byte range of the current member's key token.
    key: Option<(usize, usize)>,
    /// Keys seen so far and where each first appeared.
    seen: HashMap<String, usize>,
}

/// What the walk does after visiting a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// Go on, into the value when it is an object or array.
    Enter,
    /// Go on after the value, without looking inside it.
    Skip,
    Stop,
}

/// Walks every value of a (well-formed) document, calling `visit(pointer, value_offset,
/// key_offset)`; `on_duplicate(pointer, first_key_offset, second_key_offset)` for repeated keys.
/// Iterative, so depth costs heap, not stack.
fn walk(
    text: &[u8],
    track_duplicates: bool,
    mut visit: impl FnMut(&str, usize, Option<usize>) -> Next,
    mut on_duplicate: impl FnMut(&str, usize, usize),
) {
    let mut lexer = Lexer::new(text, 0);
    let mut stack: Vec<Container> = Vec::new();
    let mut pointer = String::new();
    while let Some((token, start, end)) = lexer.next_token() {
        let starts_value = match token {
            Token::ObjectStart | Token::ArrayStart | Token::Scalar => true,
            Token::String => !matches!(stack.last(), Some(c) if c.is_object && c.key.is_none()),
            Token::ObjectEnd | Token::ArrayEnd => {
                stack.pop();
                false
            }
            Token::Comma => {
                if let Some(top) = stack.last_mut() {
                    top.index += 1;
                    top.key = None;
                }
                false
            }
            Token::Colon | Token::Unterminated => false,
        };
        if token == Token::String && !starts_value {
            let top = stack.last_mut().expect("an object is open");
            if track_duplicates {
                let key = key_text(&text[start..end]);
                if let Some(first) = top.seen.get(&key) {
                    pointer.truncate(top.base_len);
                    pointer.push('/');
                    escape_segment(&key, &mut pointer);
                    on_duplicate(&pointer, *first, start);
                } else {
                    top.seen.insert(key, start);
                }
            }
            top.key = Some((start, end));
            continue;
        }
        if !starts_value {
            continue;
        }
        let key_offset = match stack.last() {
            None => {
                pointer.clear();
                None
            }
            Some(top) => {
                pointer.truncate(top.base_len);
                pointer.push('/');
                if top.is_object {
                    // A value without a key (`{1}`) has no pointer: malformed text, stop there.
                    let Some((key_start, key_end)) = top.key else { return };
                    push_key(&text[key_start..key_end], &mut pointer);
                    Some(key_start)
                } else {
                    pointer.push_str(&top.index.to_string());
                    None
                }
            }
        };
        let next = visit(&pointer, start, key_offset);
        if next == Next::Stop {
            return;
        }
        if next == Next::Skip && matches!(token, Token::ObjectStart | Token::ArrayStart) {
            // Jumps to the closing bracket, scanning only for brackets and quotes.
            match frame_value(text, start) {
                Frame::Complete { end, .. } => lexer.seek(end),
                Frame::Incomplete { .. } | Frame::Empty => return,
            }
        } else if matches!(token, Token::ObjectStart | Token::ArrayStart) {
            stack.push(Container {
                is_object: token == Token::ObjectStart,
                base_len: pointer.len(),
                index: 0,
                key: None,
                seen: HashMap::new(),
            });
        }
    }
}

/// Byte offsets of the values at `pointers` (and of their keys, for object members). Values
/// that hold none of the pointers are skipped over, not walked.
pub(crate) fn locate_all(text: &[u8], pointers: &[&str]) -> HashMap<String, (usize, Option<usize>)> {
    let mut found = HashMap::new();
    if pointers.is_empty() {
        return found;
    }
    let inside = |pointer: &str, within: &str| {
        pointer.strip_prefix(within).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    walk(
        text,
        false,
        |pointer, value, key| {
            if pointers.contains(&pointer) {
                found.insert(pointer.to_owned(), (value, key));
            }
            if found.len() == pointers.len() {
                Next::Stop
            } else if pointers.iter().any(|p| inside(p, pointer)) {
                Next::Enter
            } else {
                Next::Skip
            }
        },
        |_, _, _| {},
    );
    found
}

/// A key that appears twice in the same object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DuplicateKey {
    pub pointer: String,
    pub first: usize,
    pub second: usize,
}

/// Every repeated key of the document, in source order.
pub(crate) fn duplicate_keys(text: &[u8]) -> Vec<DuplicateKey> {
    let mut out = Vec::new();
    walk(
        text,
        true,
        |_, _, _| Next::Enter,
        |pointer, first, second| {
            out.push(DuplicateKey { pointer: pointer.to_owned(), first, second });
        },
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"a\": {\"b/c\": [10, {\"d\": \"é\"}]},\n  \"x\": \"é\", \"y\": null\n}";

    fn pos(text: &str, pointer: &str) -> Position {
        let (offset, _) = locate_all(text.as_bytes(), &[pointer])[pointer];
        Positions::new(text.as_bytes()).at(offset)
    }

    #[test]
    fn finds_values_by_pointer() {
        assert_eq!(pos(DOC, ""), Position { line: 1, column: 1 });
        assert_eq!(pos(DOC, "/a"), Position { line: 2, column: 8 });
        assert_eq!(pos(DOC, "/a/b~1c/0"), Position { line: 2, column: 17 });
        assert_eq!(pos(DOC, "/a/b~1c/1/d"), Position { line: 2, column: 27 });
        // columns count characters: the "é" before it is one column
        assert_eq!(pos(DOC, "/y"), Position { line: 3, column: 18 });
    }

    #[test]
    fn positions_across_blocks_agree_with_counting_from_the_start() {
        // Lines of varied lengths (some blank, some with multi-byte characters) over many blocks.
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(&"é".repeat(i % 7));
            text.push_str(&"x".repeat((i * 37) % 50));
            text.push('\n');
        }
        let text = text.as_bytes();
        let positions = Positions::new(text);
        for offset in (0..=text.len()).step_by(97).chain([0, BLOCK, BLOCK - 1, 2 * BLOCK, text.len()]) {
            let before = &text[..offset];
            let line = memchr::memchr_iter(b'\n', before).count() + 1;
            let start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = before[start..].iter().filter(|b| (**b & 0xC0) != 0x80).count() + 1;
            assert_eq!(positions.at(offset), Position { line, column }, "offset {offset}");
        }
        assert_eq!(Positions::new(b"").at(0), Position { line: 1, column: 1 });
        let offsets: Vec<usize> = (0..text.len()).step_by(13).collect();
        let one_pass = positions.at_sorted(&offsets);
        assert!(offsets.iter().zip(one_pass).all(|(o, p)| positions.at(*o) == p));
    }

    #[test]
    fn values_beside_the_path_are_skipped_whole() {
        // Brackets and quotes inside skipped values must not end the skip early.
        let text = br#"{"a": {"x": "}]", "y": [[{"z": "\"}"}]]}, "b": [1, {"c": 2}], "d": {"e": 3}}"#;
        let found = locate_all(text, &["", "/b", "/b/1", "/b/1/c", "/d/e", "/d"]);
        assert_eq!(found["/b/1/c"].0, 57);
        assert_eq!(found["/d/e"].0, 73);
        assert!(!found.contains_key("/a"));
        assert_eq!(found.len(), 6);
    }

    #[test]
    fn escaped_keys_are_unescaped_before_they_join_the_pointer() {
        let text = br#"{"\u0041~": {"b\"c": 1, "d/e": 2}}"#;
        assert_eq!(locate_all(text, &["/A~0/b\"c"])["/A~0/b\"c"].0, 21);
        assert_eq!(locate_all(text, &["/A~0/d~1e"])["/A~0/d~1e"].0, 31);
    }

    #[test]
    fn missing_pointers_are_absent() {
        assert!(locate_all(DOC.as_bytes(), &["/nope"]).is_empty());
    }

    #[test]
    fn reports_duplicate_keys_with_both_places() {
        let text = br#"{"p": {"room_id": 1, "x": 2, "room_id": "r"}, "q": {"room_id": 3}}"#;
        let dups = duplicate_keys(text);
        assert_eq!(dups.len(), 1);
        assert_eq!(dups[0].pointer, "/p/room_id");
        assert_eq!((dups[0].first, dups[0].second), (7, 29));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let text = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        assert!(duplicate_keys(text.as_bytes()).is_empty());
    }
}

/// `value.pointer(p)` without allocating for segments that need no unescaping.
pub(crate) fn lookup<'v>(value: &'v serde_json::Value, pointer: &str) -> Option<&'v serde_json::Value> {
    if pointer.is_empty() {
        return Some(value);
    }
    let rest = pointer.strip_prefix('/')?;
    let mut current = value;
    for raw in rest.split('/') {
        let unescaped;
        let segment = if raw.contains('~') {
            unescaped = unescape_token(raw);
            unescaped.as_str()
        } else {
            raw
        };
        current = step(current, segment, || array_index(segment))?;
    }
    Some(current)
}

/// One reference token of a pointer as the key it names (RFC 6901: `~1` is `/`, `~0` is `~`).
fn unescape_token(raw: &str) -> String {
    raw.replace("~1", "/").replace("~0", "~")
}

/// The array index a reference token names: digits without a sign or a leading zero.
fn array_index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    token.parse().ok()
}

fn step<'v>(
    value: &'v serde_json::Value,
    key: &str,
    index: impl FnOnce() -> Option<usize>,
) -> Option<&'v serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map.get(key),
        serde_json::Value::Array(items) => items.get(index()?),
        _ => None,
    }
}

/// A JSON Pointer of the catalog, read once: detection looks the same few pointers up in every
/// event, so they are split and unescaped when the catalog loads, not per event.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(from = "String")]
pub(crate) struct Pointer {
    text: String,
    /// The keys it names, with the array index each stands for; `None` when the text is not a
    /// pointer (it does not start with `/`), which finds nothing.
    tokens: Option<Vec<(String, Option<usize>)>>,
}

impl From<String> for Pointer {
    fn from(text: String) -> Self {
        let tokens = if text.is_empty() {
            Some(Vec::new())
        } else {
            text.strip_prefix('/').map(|rest| {
                rest.split('/')
                    .map(|raw| {
                        let key = unescape_token(raw);
                        let index = array_index(&key);
                        (key, index)
                    })
                    .collect()
            })
        };
        Self { text, tokens }
    }
}

impl From<&str> for Pointer {
    fn from(text: &str) -> Self {
        Self::from(text.to_owned())
    }
}

impl Pointer {
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The keys it names, unescaped; none at the root, nor when the text is not a pointer.
    pub(crate) fn tokens(&self) -> impl Iterator<Item = &str> {
        self.tokens.iter().flatten().map(|(key, _)| key.as_str())
    }

    /// The key of its last token, unescaped; none at the root.
    pub(crate) fn last(&self) -> Option<&str> {
        self.tokens().last()
    }

    /// The pointer to the value that holds this one, as text; none at the root.
    pub(crate) fn parent(&self) -> Option<&str> {
        self.tokens.as_ref().filter(|t| !t.is_empty())?;
        self.text.rsplit_once('/').map(|(parent, _)| parent)
    }

    /// The text of the pointer to a member (or item) of the value `pointer` names
    /// (`/payload` + `s3/key` = `/payload/s3~1key`).
    pub(crate) fn join(pointer: &str, key: &str) -> String {
        child_pointer(pointer, key)
    }

    /// One reference token as the key it names (RFC 6901: `~1` is `/`, `~0` is `~`).
    pub(crate) fn unescape(token: &str) -> std::borrow::Cow<'_, str> {
        if token.contains('~') { unescape_token(token).into() } else { token.into() }
    }

    /// Appends one key to pointer text as a reference token (the reverse of [`Pointer::unescape`]).
    pub(crate) fn escape(key: &str, into: &mut String) {
        escape_segment(key, into);
    }

    /// The value the pointer names in `value`, as [`lookup`] finds it.
    pub(crate) fn find<'v>(&self, value: &'v serde_json::Value) -> Option<&'v serde_json::Value> {
        self.tokens.as_ref()?.iter().try_fold(value, |current, (key, index)| step(current, key, || *index))
    }
}

#[cfg(test)]
mod lookup_tests {
    use super::Pointer;

    #[test]
    fn a_pointer_knows_its_tokens_parent_and_children() {
        let p = Pointer::from("/a~1b/c~0d/0");
        assert_eq!(p.tokens().collect::<Vec<_>>(), ["a/b", "c~d", "0"]);
        assert_eq!(p.last(), Some("0"));
        assert_eq!(p.parent(), Some("/a~1b/c~0d"));
        assert_eq!(Pointer::from("/k").parent(), Some(""));
        assert_eq!(Pointer::from("").parent(), None);
        assert_eq!(Pointer::from("").last(), None);
        assert_eq!(Pointer::from("no-slash").tokens().count(), 0);
        assert_eq!(Pointer::join("/a", "s3/key~"), "/a/s3~1key~0");
        assert_eq!(Pointer::from(Pointer::join("/a", "s3/key~")).last(), Some("s3/key~"));
        assert_eq!(Pointer::unescape("x~1y~0z"), "x/y~z");
        let mut text = String::new();
        Pointer::escape("x/y~z", &mut text);
        assert_eq!(text, "x~1y~0z");
    }

    #[test]
    fn a_pointer_read_once_finds_what_lookup_finds() {
        let doc = serde_json::json!({"a": {"b/c": [10, {"d~": "x"}], "": 1, "01": 2}, "n": null});
        for text in [
            "",
            "/a",
            "/a/b~1c",
            "/a/b~1c/0",
            "/a/b~1c/1/d~0",
            "/a/b~1c/01",
            "/a/b~1c/+1",
            "/a/b~1c/2",
            "/a/",
            "/a/01",
            "/n",
            "/n/x",
            "a",
            "/missing",
        ] {
            let pointer = super::Pointer::from(text.to_owned());
            assert_eq!(pointer.find(&doc), super::lookup(&doc, text), "{text}");
            assert_eq!(pointer.as_str(), text);
        }
    }

    use serde_json::json;

    #[test]
    fn agrees_with_serde_json() {
        let v = json!({"a": {"b/c": [1, {"~d": 2}]}, "": 3, "0": 4});
        for p in ["", "/a", "/a/b~1c", "/a/b~1c/1/~0d", "/a/b~1c/01", "/a/b~1c/9", "/", "/0", "/x/y", "a"] {
            assert_eq!(super::lookup(&v, p), v.pointer(p), "{p}");
        }
    }
}
