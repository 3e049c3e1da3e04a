//! Framing text into records: line by line (NDJSON, logs), or as a stream of (pretty-printed,
//! concatenated) documents; and splitting a top-level array of events into one record each.

use std::sync::Arc;

use super::{Body, ReadError, ReadStats, Record, Sink, log};
use crate::json::{Frame, Lexer, Token, frame_value};

pub(super) fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// True when `text` is only JSON whitespace (a form feed is not).
pub(super) fn is_json_blank(text: &[u8]) -> bool {
    trim_end(text) == 0
}

/// True when the line's values are all complete on it (as in NDJSON).
pub(super) fn holds_whole_values(line: &[u8]) -> bool {
    let mut pos = 0;
    loop {
        match frame_value(line, pos) {
            Frame::Empty => return pos > 0,
            Frame::Incomplete { .. } => return false,
            Frame::Complete { end, .. } => pos = end,
        }
    }
}

/// 1-based character column of `offset` in `line`.
pub(super) fn column_of(line: &[u8], offset: usize) -> usize {
    line[..offset].iter().filter(|b| (**b & 0xC0) != 0x80).count() + 1
}

/// The end of `text` without trailing JSON whitespace: the lexer's own set, so a byte a value
/// starts at (a form feed is ASCII whitespace but not JSON's) is never trimmed off and framing
/// always moves forward.
pub(super) fn trim_end(text: &[u8]) -> usize {
    text.iter().rposition(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r')).map_or(0, |i| i + 1)
}

/// Where a line is: its 1-based number and the byte offset of its start in the source.
#[derive(Debug, Clone, Copy)]
pub(super) struct LineAt {
    pub number: usize,
    pub offset: u64,
}

/// How the lines of a line-framed source are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lines {
    /// One or more JSON values per line (NDJSON).
    Json,
    /// Log lines: the JSON follows a prefix; a line without JSON is skipped.
    Log,
    /// Decided line by line (`--input auto`): a line that does not start like JSON but carries
    /// a whole JSON object after a prefix is a log line, whatever the lines before it were.
    Auto,
}

/// Frames one line: usually one value; several when they are concatenated; the rest of the line
/// when it does not start like a JSON object or array (so garbage is one record). In a log, the
/// JSON may follow a prefix, and a line without JSON is counted as skipped.
pub(super) fn frame_line(
    name: &Arc<str>,
    at: LineAt,
    line: &[u8],
    lines: Lines,
    sink: &mut Sink<'_>,
    stats: &mut ReadStats,
) -> Result<(), ReadError> {
    let whole = line;
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut pos = 0;
    let log_line = match lines {
        Lines::Json => None,
        Lines::Log => Some(log::json_start(line)),
        Lines::Auto if matches!(line.trim_ascii_start().first(), Some(b'{' | b'[') | None) => None,
        Lines::Auto => log::embedded_json(line).map(Some),
    };
    if let Some(start) = log_line {
        let Some(start) = start else {
            if !is_blank(line) {
                stats.skipped += 1;
            }
            return Ok(());
        };
        pos = start;
    }
    let first = pos;
    let mut cursor = Cursor::new(at.number, 1);
    loop {
        let (start, end) = match frame_value(line, pos) {
            Frame::Empty => return Ok(()),
            Frame::Complete { start, end } if matches!(line[start], b'{' | b'[') => (start, end),
            Frame::Complete { start, .. } | Frame::Incomplete { start } => (start, trim_end(line)),
        };
        let (_, column) = cursor.advance(line, start);
        let alone = (pos == first) && end == trim_end(line);
        if alone && split_array(&line[start..end]).is_none() {
            // The only value on its line: the record is the whole line (prefix and line ending
            // included), so `filter` can write it back byte for byte.
            let mut record = Record::new(Arc::clone(name), at.number, column, whole.to_vec());
            record.body = Body::Span(start..end);
            record.byte_offset = at.offset;
            sink(record)?;
        } else {
            let place = Place { line: at.number, column, offset: at.offset + start as u64 };
            emit(name, place, &line[start..end], sink)?;
        }
        pos = end;
    }
}

/// Line and column of offsets in a text, asked in increasing order: each byte is looked at once,
/// so positioning every element of a huge one-line array stays linear.
struct Cursor {
    /// Line and column of the byte at `at`.
    line: usize,
    column: usize,
    at: usize,
}

impl Cursor {
    fn new(line: usize, column: usize) -> Self {
        Self { line, column, at: 0 }
    }

    /// The position of `offset` (not before the last one asked) in `text`.
    fn advance(&mut self, text: &[u8], offset: usize) -> (usize, usize) {
        let skipped = &text[self.at..offset];
        if let Some(last) = memchr::memrchr(b'\n', skipped) {
            self.line += memchr::memchr_iter(b'\n', skipped).count();
            self.column = column_of(&skipped[last + 1..], skipped.len() - last - 1);
        } else {
            self.column += column_of(skipped, skipped.len()) - 1;
        }
        self.at = offset;
        (self.line, self.column)
    }
}

/// Frames a buffer of one or more (possibly pretty-printed) documents whose first byte is at
/// `at` in the source. With `whole`, the buffer is the whole source and a lone document keeps its
/// exact bytes (its final newline), for `filter` to write back and `verify` to try.
pub(super) fn frame_buffer(
    name: &Arc<str>,
    buf: &[u8],
    at: Place,
    whole: bool,
    sink: &mut Sink<'_>,
) -> Result<(), ReadError> {
    let mut pos = 0;
    let mut cursor = Cursor::new(at.line, at.column);
    loop {
        let (start, end) = match frame_value(buf, pos) {
            Frame::Empty => return Ok(()),
            Frame::Complete { start, end } if matches!(buf[start], b'{' | b'[') => (start, end),
            Frame::Complete { start, .. } => (start, end_of_line(buf, start)),
            // A truncated document ends where the next one visibly begins (a line opening with
            // `{` or `[`), so one broken document does not swallow the rest.
            Frame::Incomplete { start } => (start, next_document(buf, start).unwrap_or(buf.len())),
        };
        let (line, column) = cursor.advance(buf, start);
        if whole && pos == 0 && buf[start] == b'{' && is_json_blank(&buf[end..]) {
            let mut record = Record::new(Arc::clone(name), line, column, buf.to_vec());
            record.body = Body::Span(start..end);
            record.byte_offset = at.offset;
            return Ok(sink(record)?);
        }
        emit(name, Place { line, column, offset: at.offset + start as u64 }, &buf[start..end], sink)?;
        pos = end;
    }
}

/// Where a framed value starts in its source: 1-based line and character column, and byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Place {
    pub line: usize,
    pub column: usize,
    pub offset: u64,
}

impl Place {
    /// Moves past `bytes`.
    pub(super) fn advance(&mut self, bytes: &[u8]) {
        self.offset += bytes.len() as u64;
        if let Some(last) = memchr::memrchr(b'\n', bytes) {
            self.line += memchr::memchr_iter(b'\n', bytes).count();
            self.column = column_of(&bytes[last + 1..], bytes.len() - last - 1);
        } else {
            self.column += column_of(bytes, bytes.len()) - 1;
        }
    }
}

fn record_at(name: &Arc<str>, place: Place, text: &[u8]) -> Record {
    let mut record = Record::new(Arc::clone(name), place.line, place.column, text.to_vec());
    record.byte_offset = place.offset;
    record
}

/// Hands over one framed value, split into its elements when it is an array of objects.
pub(super) fn emit(name: &Arc<str>, place: Place, text: &[u8], sink: &mut Sink<'_>) -> Result<(), ReadError> {
    let Some(elements) = split_array(text) else {
        return Ok(sink(record_at(name, place, text))?);
    };
    let mut cursor = Cursor::new(place.line, place.column);
    for (start, end) in elements {
        let (line, column) = cursor.advance(text, start);
        let element = Place { line, column, offset: place.offset + start as u64 };
        sink(record_at(name, element, &text[start..end]))?;
    }
    Ok(())
}

/// The byte ranges of the elements of a top-level array whose elements are all objects (an
/// export of events); `None` for anything else, which stays one record.
pub(super) fn split_array(text: &[u8]) -> Option<Vec<(usize, usize)>> {
    if text.first() != Some(&b'[') {
        return None;
    }
    let mut lexer = Lexer::new(text, 1);
    let mut elements = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    while let Some((token, from, to)) = lexer.next_token() {
        match token {
            Token::ObjectStart | Token::ArrayStart => {
                if depth == 0 {
                    if token == Token::ArrayStart {
                        return None;
                    }
                    start = Some(from);
                }
                depth += 1;
            }
            Token::ObjectEnd | Token::ArrayEnd => {
                if depth == 0 {
                    // The closing bracket of the array itself.
                    return (token == Token::ArrayEnd && !elements.is_empty() && to == text.len())
                        .then_some(elements);
                }
                depth -= 1;
                if depth == 0 {
                    elements.push((start.take()?, to));
                }
            }
            Token::Comma | Token::Colon => {}
            Token::String | Token::Scalar | Token::Unterminated => {
                if depth == 0 {
                    return None;
                }
            }
        }
    }
    None
}

fn end_of_line(buf: &[u8], from: usize) -> usize {
    let end = memchr::memchr(b'\n', &buf[from..]).map_or(buf.len(), |i| from + i);
    from + trim_end(&buf[from..end])
}

fn next_document(buf: &[u8], from: usize) -> Option<usize> {
    buf[from..].windows(2).position(|w| w[0] == b'\n' && matches!(w[1], b'{' | b'[')).map(|i| from + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_counts_lines_and_characters() {
        let text = "ab\ncé{x\n\n  {".as_bytes();
        let mut cursor = Cursor::new(3, 5);
        assert_eq!(cursor.advance(text, 0), (3, 5));
        assert_eq!(cursor.advance(text, 2), (3, 7));
        assert_eq!(cursor.advance(text, 6), (4, 3), "é is one column");
        assert_eq!(cursor.advance(text, 7), (4, 4));
        assert_eq!(cursor.advance(text, text.len() - 1), (6, 3));
    }

    #[test]
    fn arrays_of_objects_split_others_do_not() {
        assert_eq!(split_array(br#"[{"a":1}, {"b":[2]}]"#), Some(vec![(1, 8), (10, 19)]));
        assert_eq!(split_array(b"[1, 2, 3]"), None);
        assert_eq!(split_array(br#"[{"a":1}, 2]"#), None);
        assert_eq!(split_array(b"[]"), None);
        assert_eq!(split_array(br#"[{"a":1}"#), None);
        assert_eq!(split_array(br#"{"a":1}"#), None);
    }
}
