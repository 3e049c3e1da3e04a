//! Framing JSON documents incrementally from a reader: a stream of (pretty-printed, concatenated)
//! documents, or an export of events as one top-level array, one value held at a time and never
//! more than `--max-event-bytes` of it. Whitespace between values is counted, not kept, so memory
//! does not grow with blank lines, and a value that grows past the limit (also after
//! decompression) is one finding, not an allocation.

use std::io::{self, BufRead};
use std::sync::Arc;

use super::framing::{Place, emit, frame_buffer, trim_end};
use super::{Body, InputError, ReadError, ReadStats, Record, Sink, har, too_big};

/// How much whitespace around a lone document is kept for its exact bytes (what `verify` tries
/// and `filter` writes back); beyond it the record is the document alone.
const KEEP_AROUND: usize = 64 << 10;

/// How the values of one source are framed.
#[derive(Debug, Clone, Copy)]
pub(super) struct DocumentOptions {
    /// The largest value kept whole; a longer one is reported with its size.
    pub limit: usize,
    /// The source must be a HAR export (`--input har`).
    pub har: bool,
}

/// Frames the documents of `reader`, whose first byte is at `start` in the source, handing each
/// record to `sink` as soon as its value ends.
pub(super) fn frame_documents(
    reader: &mut dyn BufRead,
    name: &Arc<str>,
    start: Place,
    options: DocumentOptions,
    sink: &mut Sink<'_>,
    stats: &mut ReadStats,
) -> Result<(), ReadError> {
    let io_error = |e: &io::Error| ReadError::Input(InputError::io(name, e));
    let mut framer = Framer { reader, at: start, limit: options.limit };
    let not_har = || {
        ReadError::Input(InputError {
            path: name.to_string(),
            message: "not a HAR file (a JSON document with `log.entries`); leave out `--input har` to \
                      read it as JSON"
                .to_owned(),
        })
    };
    let mut lead = Kept::new(start, KEEP_AROUND);
    let mut first = true;
    loop {
        let next = framer.skip(first.then_some(&mut lead), false).map_err(|e| io_error(&e))?;
        let Some(byte) = next else {
            return if first && options.har { Err(not_har()) } else { Ok(()) };
        };
        if options.har && !(first && byte == b'{') {
            return Err(not_har());
        }
        let unit = match byte {
            b'[' => match framer.open_array().map_err(|e| io_error(&e))? {
                Opened::Export => {
                    framer.stream_export(name, sink).map_err(|e| match e {
                        Failed::Io(e) => io_error(&e),
                        Failed::Sink(e) => e,
                    })?;
                    first = false;
                    continue;
                }
                Opened::Value(unit) => unit,
            },
            b'{' => framer.take(Scan::value(), Unit::new(framer.at)).map_err(|e| io_error(&e))?,
            // Anything else is garbage up to the end of its line: one record.
            _ => framer.take(Scan::Line, Unit::new(framer.at)).map_err(|e| io_error(&e))?,
        };
        let lone = first && byte == b'{';
        first = false;
        match unit.state {
            State::Over => sink(oversized(name, &unit, framer.limit))?,
            State::Complete if lone => {
                // A lone document keeps the file's exact bytes (its final newline), for `filter`
                // to write back and `verify` to try; a HAR export is one document too.
                let mut trail = Kept::new(framer.at, KEEP_AROUND);
                if framer.skip(Some(&mut trail), false).map_err(|e| io_error(&e))?.is_none() {
                    return lone_document(name, lead, unit, &trail, options.har, sink, stats, not_har);
                }
                if options.har {
                    return Err(not_har());
                }
                emit(name, unit.place, &unit.text, sink)?;
            }
            State::Complete => {
                let mut text = unit.text;
                if byte != b'{' && byte != b'[' {
                    text.truncate(trim_end(&text));
                }
                emit(name, unit.place, &text, sink)?;
            }
            State::Open => {
                // Cut short by the end of the input: framed again as a whole, so a truncated
                // document does not swallow one that visibly begins after it.
                let (place, text, whole) = match lead.bytes.take() {
                    Some(mut bytes) if lone => {
                        bytes.extend_from_slice(&unit.text);
                        (lead.place, bytes, true)
                    }
                    _ => (unit.place, unit.text, false),
                };
                frame_buffer(name, &text, place, whole, sink)?;
            }
        }
    }
}

/// The only document of its source: its record holds the whitespace around it when that was
/// kept, and a HAR export is split into its requests.
#[allow(clippy::too_many_arguments)]
fn lone_document(
    name: &Arc<str>,
    lead: Kept,
    unit: Unit,
    trail: &Kept,
    har_only: bool,
    sink: &mut Sink<'_>,
    stats: &mut ReadStats,
    not_har: impl Fn() -> ReadError,
) -> Result<(), ReadError> {
    let len = unit.text.len();
    let (start, mut original, place) = match (lead.bytes, &trail.bytes) {
        (Some(mut bytes), Some(trail)) => {
            let start = bytes.len();
            bytes.extend_from_slice(&unit.text);
            bytes.extend_from_slice(trail);
            (start, bytes, lead.place)
        }
        _ => (0, unit.text, unit.place),
    };
    let end = start + len;
    // Browsers and proxies write `log` and `entries` plainly: without `--input har` a document
    // is only parsed to check when both appear in its text.
    let text = &original[start..end];
    let may_be_har = har_only
        || (memchr::memmem::find(text, b"\"entries\"").is_some()
            && memchr::memmem::find(text, b"\"log\"").is_some());
    let har = may_be_har
        .then(|| serde_json::from_slice::<serde_json::Value>(text).ok())
        .flatten()
        .filter(har::is_har);
    match har {
        // HAR positions count from the start of what is held.
        Some(doc) => har::frame(name, &original, place.offset, &doc, sink, stats),
        None if har_only => Err(not_har()),
        None => {
            original.shrink_to_fit();
            let mut record = Record::new(Arc::clone(name), unit.place.line, unit.place.column, original);
            record.body = Body::Span(start..end);
            record.byte_offset = place.offset;
            Ok(sink(record)?)
        }
    }
}

fn oversized(name: &Arc<str>, unit: &Unit, limit: usize) -> Record {
    let mut record = Record::new(Arc::clone(name), unit.place.line, unit.place.column, Vec::new());
    record.problem = Some(too_big(unit.size, limit));
    record.byte_offset = unit.place.offset;
    record
}

/// Whitespace kept while it stays short.
struct Kept {
    place: Place,
    /// `None` once it grew past `cap`.
    bytes: Option<Vec<u8>>,
    cap: usize,
}

impl Kept {
    fn new(place: Place, cap: usize) -> Self {
        Self { place, bytes: Some(Vec::new()), cap }
    }

    fn push(&mut self, bytes: &[u8]) {
        if let Some(kept) = &mut self.bytes {
            if kept.len() + bytes.len() > self.cap {
                self.bytes = None;
            } else {
                kept.extend_from_slice(bytes);
            }
        }
    }
}

/// How far a value has been read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// It ended.
    Complete,
    /// The input ended first.
    Open,
    /// It grew past the limit: its text was dropped, its size is counted.
    Over,
}

/// One value being read.
struct Unit {
    place: Place,
    text: Vec<u8>,
    size: u64,
    state: State,
}

impl Unit {
    fn new(place: Place) -> Self {
        Self { place, text: Vec::new(), size: 0, state: State::Open }
    }
}

/// Where a value ends, found a chunk at a time: the byte scan of `json::frame_value`.
#[derive(Debug, Clone, Copy)]
enum Scan {
    /// An object or array: brackets balanced outside strings.
    Value { depth: usize, in_string: bool, escaped: bool },
    /// Garbage: up to the end of its line.
    Line,
    /// A bare element of an export (`2`, `"x"`, `true`): up to a delimiter, or a whole string.
    Scalar { started: bool, in_string: bool, escaped: bool },
}

impl Scan {
    fn value() -> Self {
        Self::Value { depth: 0, in_string: false, escaped: false }
    }

    /// How many bytes of `chunk` belong to the value, and whether it ends with them.
    fn feed(&mut self, chunk: &[u8]) -> (usize, bool) {
        match self {
            Self::Value { depth, in_string, escaped } => {
                for (i, &b) in chunk.iter().enumerate() {
                    if *in_string {
                        if *escaped {
                            *escaped = false;
                        } else if b == b'\\' {
                            *escaped = true;
                        } else if b == b'"' {
                            *in_string = false;
                        }
                        continue;
                    }
                    match b {
                        b'"' => *in_string = true,
                        b'{' | b'[' => *depth += 1,
                        b'}' | b']' => {
                            *depth = depth.saturating_sub(1);
                            if *depth == 0 {
                                return (i + 1, true);
                            }
                        }
                        _ => {}
                    }
                }
                (chunk.len(), false)
            }
            Self::Line => match memchr::memchr(b'\n', chunk) {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            },
            Self::Scalar { started, in_string, escaped } => {
                for (i, &b) in chunk.iter().enumerate() {
                    if *in_string {
                        if *escaped {
                            *escaped = false;
                        } else if b == b'\\' {
                            *escaped = true;
                        } else if b == b'"' {
                            return (i + 1, true);
                        }
                        continue;
                    }
                    if !*started {
                        *started = true;
                        *in_string = b == b'"';
                        continue;
                    }
                    if matches!(
                        b,
                        b' ' | b'\t' | b'\n' | b'\r' | b',' | b']' | b'}' | b'[' | b'{' | b':' | b'"'
                    ) {
                        return (i, true);
                    }
                }
                (chunk.len(), false)
            }
        }
    }
}

/// What follows a top-level `[`.
enum Opened {
    /// An export of events (the first element is an object): its elements are streamed.
    Export,
    /// Any other array, read as one value.
    Value(Unit),
}

/// Why streaming an export stopped.
enum Failed {
    Io(io::Error),
    Sink(ReadError),
}

impl From<io::Error> for Failed {
    fn from(e: io::Error) -> Self {
        Self::Io(e)
    }
}

impl From<anyhow::Error> for Failed {
    fn from(e: anyhow::Error) -> Self {
        Self::Sink(ReadError::Sink(e))
    }
}

struct Framer<'r> {
    reader: &'r mut dyn BufRead,
    /// Where the next unread byte is.
    at: Place,
    limit: usize,
}

impl Framer<'_> {
    /// Consumes JSON whitespace (and commas between elements, when asked), keeping it in `keep`,
    /// and returns the next byte without consuming it, or `None` at the end of the input.
    fn skip(&mut self, mut keep: Option<&mut Kept>, commas: bool) -> io::Result<Option<u8>> {
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok(None);
            }
            let n = chunk
                .iter()
                .position(|b| !(matches!(b, b' ' | b'\t' | b'\n' | b'\r') || (commas && *b == b',')))
                .unwrap_or(chunk.len());
            let next = chunk.get(n).copied();
            if let Some(kept) = keep.as_deref_mut() {
                kept.push(&chunk[..n]);
            }
            self.at.advance(&chunk[..n]);
            self.reader.consume(n);
            if next.is_some() {
                return Ok(next);
            }
        }
    }

    /// Reads on into `unit` until `scan` says the value ends, keeping at most the limit.
    fn take(&mut self, mut scan: Scan, mut unit: Unit) -> io::Result<Unit> {
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                if unit.state != State::Over {
                    unit.state = State::Open;
                }
                return Ok(unit);
            }
            let (n, done) = scan.feed(chunk);
            let part = &chunk[..n];
            unit.size += n as u64;
            if unit.state != State::Over {
                if unit.text.len() + n > self.limit {
                    unit.state = State::Over;
                    unit.text = Vec::new();
                } else {
                    super::reserve_within(&mut unit.text, n, self.limit);
                    unit.text.extend_from_slice(part);
                }
            }
            self.at.advance(part);
            self.reader.consume(n);
            if done {
                if unit.state != State::Over {
                    unit.state = State::Complete;
                }
                return Ok(unit);
            }
        }
    }

    /// Consumes a top-level `[` and the whitespace after it, and decides what the array is.
    fn open_array(&mut self) -> io::Result<Opened> {
        let mut unit = Unit::new(self.at);
        let mut scan = Scan::value();
        scan.feed(b"[");
        self.reader.consume(1);
        self.at.advance(b"[");
        unit.text.push(b'[');
        unit.size = 1;
        let mut gap = Kept::new(self.at, self.limit);
        let before = self.at.offset;
        if self.skip(Some(&mut gap), false)? == Some(b'{') {
            return Ok(Opened::Export);
        }
        unit.size += self.at.offset - before;
        match gap.bytes {
            Some(bytes) if unit.text.len() + bytes.len() <= self.limit => unit.text.extend_from_slice(&bytes),
            _ => {
                unit.state = State::Over;
                unit.text = Vec::new();
            }
        }
        self.take(scan, unit).map(Opened::Value)
    }

    /// Hands over each element of an export as its own record, up to the closing `]`.
    fn stream_export(&mut self, name: &Arc<str>, sink: &mut Sink<'_>) -> Result<(), Failed> {
        loop {
            let Some(byte) = self.skip(None, true)? else {
                let mut record = Record::new(Arc::clone(name), self.at.line, self.at.column, Vec::new());
                record.problem = Some("truncated JSON: the array of events never closes (no `]`)".to_owned());
                record.byte_offset = self.at.offset;
                sink(record)?;
                return Ok(());
            };
            if byte == b']' {
                self.reader.consume(1);
                self.at.advance(b"]");
                return Ok(());
            }
            let scan = if matches!(byte, b'{' | b'[') {
                Scan::value()
            } else {
                Scan::Scalar { started: false, in_string: false, escaped: false }
            };
            let unit = self.take(scan, Unit::new(self.at))?;
            let place = unit.place;
            let record = match unit.state {
                State::Over => oversized(name, &unit, self.limit),
                State::Complete | State::Open => {
                    let mut record = Record::new(Arc::clone(name), place.line, place.column, unit.text);
                    record.byte_offset = place.offset;
                    record
                }
            };
            sink(record)?;
            if unit.state == State::Open {
                // The input ended inside this element: it is reported as cut short.
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line, column, offset, text and problem of each record framed from `text`, read through a
    /// reader that hands over `chunk` bytes at a time.
    fn framed(text: &str, chunk: usize, limit: usize) -> Vec<(usize, usize, u64, String, Option<String>)> {
        let mut reader = io::BufReader::with_capacity(chunk, text.as_bytes());
        let mut out = Vec::new();
        let mut stats = ReadStats::default();
        frame_documents(
            &mut reader,
            &Arc::from("t"),
            Place { line: 1, column: 1, offset: 0 },
            DocumentOptions { limit, har: false },
            &mut |r| {
                out.push((
                    r.line,
                    r.column,
                    r.byte_offset,
                    String::from_utf8(r.text().to_vec()).unwrap(),
                    r.problem.clone(),
                ));
                Ok(())
            },
            &mut stats,
        )
        .unwrap();
        out
    }

    #[test]
    fn every_chunk_size_frames_the_same() {
        let text = "\n {\"a\": \"}{\\\"\",\n  \"b\": [1, {\"c\": 2}]}\n\n[{\"x\": 1},\n {\"y\": \"]\"}, 3]  garbage here\n{\"z\": 0}";
        let want = framed(text, 1 << 16, 1 << 20);
        assert_eq!(
            want.iter().map(|r| (r.0, r.1, r.3.as_str())).collect::<Vec<_>>(),
            vec![
                (2, 2, "{\"a\": \"}{\\\"\",\n  \"b\": [1, {\"c\": 2}]}"),
                (5, 2, "{\"x\": 1}"),
                (6, 2, "{\"y\": \"]\"}"),
                (6, 14, "3"),
                (6, 18, "garbage here"),
                (7, 1, "{\"z\": 0}"),
            ]
        );
        assert_eq!(want[1].2, text.find("{\"x\"").unwrap() as u64);
        for chunk in 1..12 {
            assert_eq!(framed(text, chunk, 1 << 20), want, "chunks of {chunk} bytes");
        }
    }

    #[test]
    fn a_value_past_the_limit_is_one_finding_and_the_next_is_read() {
        let text = format!("{{\"a\": \"{}\"}}\n{{\"b\": 1}}\n", "x".repeat(100));
        let got = framed(&text, 7, 50);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].4.as_deref(), Some("event of 109 B exceeds the 50 B limit (--max-event-bytes)"));
        assert_eq!((got[1].0, got[1].3.as_str()), (2, "{\"b\": 1}"));
        // Elements of an export are limited one by one.
        let text = format!("[{{\"a\": \"{}\"}}, {{\"b\": 1}}]", "x".repeat(100));
        let got = framed(&text, 7, 50);
        assert_eq!(got.len(), 2);
        assert!(got[0].4.as_deref().unwrap().starts_with("event of 109 B exceeds"));
        assert_eq!(got[1].3, "{\"b\": 1}");
    }

    #[test]
    fn an_export_that_never_closes_says_so() {
        let got = framed("[{\"a\": 1},\n{\"b\": 2}\n", 4, 1 << 20);
        assert_eq!(got.len(), 3);
        assert_eq!(got[2].0, 3);
        assert!(got[2].4.as_deref().unwrap().contains("never closes"));
        // An element cut short is the one record that says so.
        let got = framed("[{\"a\": 1}, {\"b\": ", 4, 1 << 20);
        assert_eq!(got.iter().map(|r| r.3.as_str()).collect::<Vec<_>>(), ["{\"a\": 1}", "{\"b\": "]);
    }

    #[test]
    fn arrays_that_are_not_exports_are_one_value() {
        let got = framed("[1, {\"a\": 2}]\n[ ]\n", 3, 1 << 20);
        assert_eq!(got.iter().map(|r| r.3.as_str()).collect::<Vec<_>>(), ["[1, {\"a\": 2}]", "[ ]"]);
    }

    #[test]
    fn whitespace_is_counted_not_kept() {
        // Lines and offsets stay right across a long run of blank lines.
        let text = format!(
            "{}{{\"a\": 1}}\n{}  {{\"b\":\n{}2}}",
            "\n".repeat(100_000),
            " \r\n".repeat(1000),
            "\n".repeat(5000)
        );
        let got = framed(&text, 4096, 1 << 20);
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].0, got[0].1, got[0].2), (100_001, 1, 100_000));
        assert_eq!((got[1].0, got[1].1), (101_002, 3));
        assert_eq!(got[1].3.len(), 5008, "blank lines inside a value are part of it");
    }
}
