//! The record every framing produces: where an event's text is in its source, what came with it
//! (headers), and why it cannot be an event when framing already knows.

use std::ops::Range;
use std::sync::Arc;

use crate::json::Position;
use crate::model::SourceText;

/// Where the JSON text of a record is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Body {
    /// A byte range of `original`, so positions inside it are exact.
    Span(Range<usize>),
    /// All of `original`, decoded from a JSON string (HAR, a gateway's `"body"`): positions
    /// inside it are those of the string in the source.
    Decoded,
}

/// One framed event (or what stands where one should be), where it starts, and what came with it.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub source: Arc<str>,
    /// 1-based line and column of the JSON text's first byte in the source.
    pub line: usize,
    pub column: usize,
    /// The record as it stands in the input: a line, a document, an HTTP request.
    pub original: Vec<u8>,
    pub body: Body,
    /// Delivery headers (HTTP captures, HAR, gateway records), in order.
    pub headers: Vec<(String, String)>,
    /// Why the record cannot be an event, found while framing (it is then `unparsable`).
    pub problem: Option<String>,
    /// Offset of `original`'s first byte in the (decompressed) source.
    pub byte_offset: u64,
}

impl Record {
    pub(crate) fn new(source: Arc<str>, line: usize, column: usize, text: Vec<u8>) -> Self {
        let len = text.len();
        Self {
            source,
            line,
            column,
            original: text,
            body: Body::Span(0..len),
            headers: Vec::new(),
            problem: None,
            byte_offset: 0,
        }
    }

    /// The JSON text of the event.
    pub(crate) fn text(&self) -> &[u8] {
        match &self.body {
            Body::Span(range) => &self.original[range.clone()],
            Body::Decoded => &self.original,
        }
    }

    /// The source bytes around the text, for snippets: only where positions are exact.
    pub(crate) fn source_text(&self) -> Option<SourceText<'_>> {
        match &self.body {
            Body::Span(range) => Some(SourceText { original: &self.original, body_start: range.start }),
            Body::Decoded => None,
        }
    }

    /// Whether positions inside the text are positions in the source.
    pub(crate) fn exact_positions(&self) -> bool {
        matches!(self.body, Body::Span(_))
    }

    /// The record's exact bytes, where they differ from its body only by the whitespace around
    /// it (a document file's final newline): what a signer of the whole file signed. Captures
    /// (with headers) have no other body than the one received.
    pub(crate) fn exact_bytes(&self) -> Option<&[u8]> {
        let Body::Span(range) = &self.body else { return None };
        let o = &self.original;
        let around_is_blank = super::framing::is_json_blank(&o[..range.start])
            && super::framing::is_json_blank(&o[range.end..]);
        (self.headers.is_empty() && o.len() != range.len() && around_is_blank).then_some(o.as_slice())
    }

    /// A header's value, by case-insensitive name.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// A position inside the record's text, made absolute in the source.
    pub(crate) fn absolute(&self, relative: Position) -> Position {
        if !self.exact_positions() {
            Position { line: self.line, column: self.column }
        } else if relative.line == 1 {
            Position { line: self.line, column: self.column + relative.column - 1 }
        } else {
            Position { line: self.line + relative.line - 1, column: relative.column }
        }
    }
}
