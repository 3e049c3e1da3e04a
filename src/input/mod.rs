//! Sources to records: choosing how each source is framed (JSON documents, NDJSON, log lines,
//! HTTP captures, HAR), reading gzip and UTF-16 transparently, bounded line reading. Where
//! sources come from is `source.rs`; the record every framing produces is `record.rs`.

mod documents;
mod framing;
pub(crate) mod gateway;
mod har;
mod http;
mod log;
mod record;
mod source;

pub(crate) use crate::model::InputError;
pub(crate) use record::{Body, Record};
pub(crate) use source::{Source, WalkOptions, expand};

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;

use documents::{DocumentOptions, frame_documents};
use framing::{Lines, Place, frame_line, holds_whole_values, is_blank};

/// How many non-blank lines are looked at to choose a framing.
const SNIFF_LINES: usize = 8;
/// How many bytes of lines are looked at, at most (past one long line), to choose a framing: a
/// run of blank lines does not hold the choice up.
const SNIFF_BYTES: usize = 64 << 10;

/// How a source is framed into records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputMode {
    #[default]
    Auto,
    Json,
    Ndjson,
    Log,
    Http,
    Har,
}

impl crate::named::Named for InputMode {
    const ALL: &'static [Self] = &[Self::Auto, Self::Json, Self::Ndjson, Self::Log, Self::Http, Self::Har];
    const NAMES: &'static [&'static str] = &["auto", "json", "ndjson", "log", "http", "har"];
}

impl InputMode {
    /// The modes `--input` offers, with what each reads.
    pub const OFFER: crate::named::Offer<Self> = &[
        (Self::Auto, "By file name ending, else by looking at the first lines"),
        (Self::Json, "One or more JSON documents (pretty or compact), or NDJSON"),
        (Self::Ndjson, "One JSON value per line"),
        (Self::Log, "Log lines with a prefix before the JSON; lines without JSON are skipped and counted"),
        (Self::Http, "Raw HTTP requests: the body is the event, the headers are kept"),
        (Self::Har, "A HAR export: each request with a JSON body is an event"),
    ];
}

/// How sources are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    pub mode: InputMode,
    /// Records larger than this are reported (unparsable) instead of parsed.
    pub max_event_bytes: usize,
    /// A binary source yields nothing (a file found by a directory walk) instead of one
    /// unparsable record (a file named on the command line, standard input).
    pub skip_binary: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self { mode: InputMode::Auto, max_event_bytes: DEFAULT_MAX_EVENT_BYTES, skip_binary: false }
    }
}

/// 64 MiB: far above any webhook delivery, far below what would exhaust memory.
pub(crate) const DEFAULT_MAX_EVENT_BYTES: usize = 64 << 20;

/// A size for people: `512 B`, `64 MiB`, `2.1 GiB`.
pub(crate) fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    #[allow(clippy::cast_precision_loss)]
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if (value - value.round()).abs() < 0.05 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// Counts a source's reading produces besides its records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ReadStats {
    /// Log lines (and HAR requests) without JSON, skipped on purpose.
    pub skipped: usize,
    /// The source is binary: the offset of the NUL byte in its first block that says so.
    pub binary: Option<u64>,
}

/// Why a binary source yields no event.
pub(crate) fn binary_file(nul_at: u64) -> String {
    format!(
        "binary file: a NUL byte at byte offset {nul_at} (in the first block, as ripgrep decides); not JSON text"
    )
}

/// Why reading a source stopped.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    #[error(transparent)]
    Input(InputError),
    /// The consumer failed (usually a closed stdout); not the input's fault.
    #[error(transparent)]
    Sink(#[from] anyhow::Error),
}

/// What receives records, in input order.
pub(crate) type Sink<'a> = dyn FnMut(Record) -> anyhow::Result<()> + 'a;

/// The records of an HTTP capture held in memory (a live delivery), framed exactly as a `.http`
/// file of the same bytes is, so a saved capture reads back as the same record.
pub(crate) fn http_records(name: &str, capture: &[u8]) -> Vec<Record> {
    let mut records = Vec::new();
    let _ = http::frame(&Arc::from(name), capture, 0, &mut |record| {
        records.push(record);
        Ok(())
    });
    records
}

/// Reads a source and hands each record to `sink`, in order, holding no more than one line at a
/// time for line-oriented input. A source with no JSON value at all yields one empty record, so
/// it is reported, not skipped. `sink` errors (a closed stdout) stop the reading.
pub(crate) fn read_records(
    source: &Source,
    options: ReadOptions,
    sink: &mut Sink<'_>,
) -> Result<ReadStats, ReadError> {
    let mut count = 0usize;
    let name: Arc<str> = Arc::from(source.name());
    let limit = options.max_event_bytes;
    let stats = read_source(source, &name, options, &mut |mut record| {
        count += 1;
        let size = record.text().len();
        if size > limit && record.problem.is_none() {
            record.problem = Some(too_big(size as u64, limit));
            record.original = Vec::new();
            record.body = Body::Span(0..0);
        }
        sink(record)
    })?;
    if let Some(nul_at) = stats.binary {
        if !options.skip_binary {
            let mut record = Record::new(name, 1, 1, Vec::new());
            record.problem = Some(binary_file(nul_at));
            sink(record)?;
        }
    } else if count == 0 && stats.skipped == 0 {
        sink(Record::new(name, 1, 1, Vec::new()))?;
    }
    Ok(stats)
}

fn open(source: &Source, name: &str) -> Result<Box<dyn BufRead>, ReadError> {
    let reader: Box<dyn Read> = match source {
        Source::Stdin => Box::new(io::stdin().lock()),
        Source::File(path) => match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return Err(ReadError::Input(InputError::io(name, &e))),
        },
    };
    let mut reader = BufReader::with_capacity(256 * 1024, reader);
    // gzip is recognised by its magic bytes, whatever the name.
    let head = reader.fill_buf().map_err(|e| ReadError::Input(InputError::io(name, &e)))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        return Ok(Box::new(BufReader::with_capacity(
            256 * 1024,
            flate2::bufread::MultiGzDecoder::new(reader),
        )));
    }
    // UTF-16 (what a PowerShell redirect writes) is known by its byte-order mark; it is decoded
    // to UTF-8 whole, as such files are small.
    if let Some(big_endian) = utf16_bom(head) {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(|e| ReadError::Input(InputError::io(name, &e)))?;
        let text = decode_utf16(&bytes[2..], big_endian)
            .map_err(|e| ReadError::Input(InputError { path: name.to_owned(), message: e.to_string() }))?;
        return Ok(Box::new(io::Cursor::new(text.into_bytes())));
    }
    Ok(Box::new(reader))
}

/// `Some(true)` for a big-endian UTF-16 byte-order mark, `Some(false)` for little-endian. The
/// first character after it must be ASCII, as every JSON, HTTP or log text starts, so stray
/// bytes `FF FE` in a binary or garbage input are not taken for a mark.
fn utf16_bom(head: &[u8]) -> Option<bool> {
    match head {
        [0xFE, 0xFF, 0, c, ..] if *c != 0 && c.is_ascii() => Some(true),
        [0xFF, 0xFE, c, 0, ..] if *c != 0 && c.is_ascii() => Some(false),
        _ => None,
    }
}

/// Why UTF-16 text does not decode.
#[derive(Debug, thiserror::Error)]
enum Utf16Error {
    #[error("UTF-16 text with an odd number of bytes (cut short?)")]
    OddLength,
    #[error("invalid UTF-16: a lone surrogate 0x{0:04x}")]
    LoneSurrogate(u16),
}

fn decode_utf16(bytes: &[u8], big_endian: bool) -> Result<String, Utf16Error> {
    if bytes.len() % 2 == 1 {
        return Err(Utf16Error::OddLength);
    }
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|e| Utf16Error::LoneSurrogate(e.unpaired_surrogate()))
}

fn too_big(size: u64, limit: usize) -> String {
    format!(
        "event of {} exceeds the {} limit (--max-event-bytes)",
        human_size(size),
        human_size(limit as u64)
    )
}

/// Makes room for `extra` more bytes in a buffer that never holds more than `limit`: past 1 MiB
/// the room for the whole limit is taken at once, so the buffer is not copied again as it grows
/// (a copy holds the old and the new buffer at once: half again the limit at the peak).
pub(super) fn reserve_within(buf: &mut Vec<u8>, extra: usize, limit: usize) {
    let needed = buf.len() + extra;
    if needed > buf.capacity() && needed > 1 << 20 {
        buf.reserve_exact(limit.max(needed) - buf.len());
    }
}

/// How much of a line longer than the limit is kept: enough to choose a framing by.
const LONG_LINE_PREFIX: usize = 1024;

/// Reads one line into `line` and returns the bytes consumed. A line longer than `limit` is not
/// kept: only its first [`LONG_LINE_PREFIX`] bytes are (the rest is consumed and counted), so a
/// 2 GB line costs no more memory than the limit.
fn read_line_limited(reader: &mut dyn BufRead, line: &mut Vec<u8>, limit: usize) -> io::Result<u64> {
    let mut consumed = 0u64;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(consumed);
        }
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let n = chunk.len();
        if consumed + n as u64 <= limit as u64 {
            reserve_within(line, n, limit);
            line.extend_from_slice(chunk);
        } else if line.len() > LONG_LINE_PREFIX || consumed <= limit as u64 {
            let room = LONG_LINE_PREFIX.saturating_sub(line.len());
            line.extend_from_slice(&chunk[..n.min(room)]);
            line.truncate(LONG_LINE_PREFIX);
            line.shrink_to(LONG_LINE_PREFIX);
        }
        consumed += n as u64;
        reader.consume(n);
        if done {
            return Ok(consumed);
        }
    }
}

fn read_source(
    source: &Source,
    name: &Arc<str>,
    options: ReadOptions,
    sink: &mut Sink<'_>,
) -> Result<ReadStats, ReadError> {
    let mode = options.mode;
    let limit = options.max_event_bytes;
    let mut reader = open(source, name)?;
    let input_error = |e: &io::Error| ReadError::Input(InputError::io(name, e));
    let mut stats = ReadStats::default();
    // Binary content is known as ripgrep knows it: a NUL byte in the first block, after gzip
    // is decompressed and UTF-16 decoded (text never holds one; executables, images and
    // UTF-16 without a byte-order mark do).
    let first_block = reader.fill_buf().map_err(|e| input_error(&e))?;
    if let Some(nul_at) = memchr::memchr(0, first_block) {
        stats.binary = Some(nul_at as u64);
        return Ok(stats);
    }

    // The first non-blank lines decide the framing when neither the user nor the name does.
    let mut head: Vec<Vec<u8>> = Vec::new();
    let mut non_blank = 0;
    let mut bom_len = 0u64;
    let mut head_sizes: Vec<u64> = Vec::new();
    let mut head_bytes = 0usize;
    while non_blank < SNIFF_LINES && head_bytes < SNIFF_BYTES {
        let mut line = Vec::new();
        let size = read_line_limited(&mut reader, &mut line, limit).map_err(|e| input_error(&e))?;
        if size == 0 {
            break;
        }
        head_sizes.push(size);
        head_bytes += line.len();
        if head.is_empty() && line.starts_with(b"\xEF\xBB\xBF") {
            // A byte-order mark is not part of the JSON; drop it.
            line.drain(..3);
            bom_len = 3;
        }
        if !is_blank(&line) {
            non_blank += 1;
        }
        head.push(line);
    }
    let sniffed: Vec<&Vec<u8>> = head.iter().filter(|l| !is_blank(l)).collect();
    let first = sniffed.first().copied();
    let second = sniffed.get(1).copied();
    let starts_like_json = |l: &[u8]| matches!(l.trim_ascii_start().first(), Some(b'{' | b'['));
    let mode = match (mode, source.mode_by_name()) {
        (InputMode::Auto, Some(by_name)) => by_name,
        (InputMode::Auto, None) => match first {
            Some(l) if http::is_request_line(l) => InputMode::Http,
            // Text lines, some carrying a JSON object after a prefix: a log.
            Some(l)
                if !starts_like_json(l)
                    && sniffed.iter().any(|l| !starts_like_json(l) && l.contains(&b'{')) =>
            {
                InputMode::Log
            }
            _ => InputMode::Auto,
        },
        (chosen, _) => chosen,
    };
    // A line longer than the limit was not kept whole, so it cannot be part of a document: it
    // is reported in place, line by line, with its real size.
    let cut_short = head_sizes.iter().any(|size| *size > limit as u64);
    let line_mode = cut_short
        || match mode {
            InputMode::Ndjson | InputMode::Log => true,
            InputMode::Auto => {
                first.is_some_and(|l| holds_whole_values(l))
                    || second.is_some_and(|l| matches!(l.first(), Some(b'{' | b'[')))
            }
            InputMode::Json | InputMode::Http | InputMode::Har => false,
        };

    if line_mode {
        // Unless the user chose the framing, each line's own form decides between JSON and a
        // log line (a piped log whose first line happens to be bare JSON).
        let lines = match mode {
            InputMode::Log => Lines::Log,
            _ if options.mode == InputMode::Auto => Lines::Auto,
            _ => Lines::Json,
        };
        let mut at = framing::LineAt { number: 0, offset: bom_len };
        let mut frame = |at: framing::LineAt, line: &[u8], size: u64, stats: &mut ReadStats| {
            if size > limit as u64 {
                // Too long to keep: reported in place of the line's event(s).
                let mut record = Record::new(Arc::clone(name), at.number, 1, Vec::new());
                record.problem = Some(too_big(size, limit));
                record.byte_offset = at.offset;
                return Ok(sink(record)?);
            }
            frame_line(name, at, line, lines, sink, stats)
        };
        for (line, size) in head.iter().zip(head_sizes) {
            at.number += 1;
            frame(at, line, size, &mut stats)?;
            at.offset += size;
        }
        let mut line = Vec::new();
        loop {
            line.clear();
            let size = read_line_limited(&mut reader, &mut line, limit).map_err(|e| input_error(&e))?;
            if size == 0 {
                return Ok(stats);
            }
            at.number += 1;
            frame(at, &line, size, &mut stats)?;
            at.offset += size;
        }
    }
    // The lines read so far are read again, then the rest of the source.
    let mut reader = io::Cursor::new(head.concat()).chain(reader);
    let start = Place { line: 1, column: 1, offset: bom_len };
    match mode {
        InputMode::Http => {
            let mut buf = Vec::new();
            reader.read_to_end(&mut buf).map_err(|e| input_error(&e))?;
            http::frame(name, &buf, bom_len, sink)?;
        }
        InputMode::Har | InputMode::Auto | InputMode::Json => {
            let options = DocumentOptions { limit, har: mode == InputMode::Har };
            frame_documents(&mut reader, name, start, options, sink, &mut stats)?;
        }
        InputMode::Ndjson | InputMode::Log => unreachable!("line modes return above"),
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(text: &str) -> Vec<(usize, usize, String)> {
        frames_as(text, "json", InputMode::Auto).into_iter().map(|(l, c, t, _)| (l, c, t)).collect()
    }

    /// Line, column, text and headers of each record.
    type Framed = (usize, usize, String, Vec<(String, String)>);

    fn frames_as(text: &str, ext: &str, mode: InputMode) -> Vec<Framed> {
        let dir = std::env::temp_dir().join(format!("hookscope-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("t{}-{}.{ext}", text.len(), text.bytes().map(u64::from).sum::<u64>()));
        std::fs::write(&path, text).unwrap();
        let mut out = Vec::new();
        read_records(&Source::File(path), ReadOptions { mode, ..ReadOptions::default() }, &mut |r| {
            out.push((r.line, r.column, String::from_utf8(r.text().to_vec()).unwrap(), r.headers.clone()));
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn ndjson_with_a_broken_line() {
        let got = frames("{\"a\":1}\n{\"b\":\n\n{\"c\":3}\n");
        assert_eq!(
            got,
            vec![(1, 1, "{\"a\":1}".into()), (2, 1, "{\"b\":".into()), (4, 1, "{\"c\":3}".into())]
        );
    }

    #[test]
    fn concatenated_pretty_documents() {
        let got = frames("{\n  \"a\": 1\n}\n  {\n  \"b\": [\n 2]\n}{\"c\":3}");
        assert_eq!(got.iter().map(|g| (g.0, g.1)).collect::<Vec<_>>(), vec![(1, 1), (4, 3), (7, 2)]);
    }

    #[test]
    fn truncated_document_does_not_swallow_the_next() {
        let got = frames("{\n  \"a\": [1,\n{\n  \"b\": 2\n}\n");
        assert_eq!(got.len(), 2);
        assert_eq!((got[1].0, got[1].2.as_str()), (3, "{\n  \"b\": 2\n}"));
    }

    #[test]
    fn garbage_lines_are_one_record_each() {
        let got = frames("{\"a\":1}\nnot json at all\n{\"b\":2}{\"c\":3}\n");
        let texts: Vec<&str> = got.iter().map(|g| g.2.as_str()).collect();
        assert_eq!(texts, ["{\"a\":1}", "not json at all", "{\"b\":2}", "{\"c\":3}"]);
        assert_eq!(got[3].1, 8);
    }

    #[test]
    fn bom_and_crlf() {
        let got = frames("\u{feff}{\"a\":1}\r\n{\"b\":2}\r\n");
        assert_eq!(got, vec![(1, 1, "{\"a\":1}".into()), (2, 1, "{\"b\":2}".into())]);
    }

    #[test]
    fn arrays_of_events_yield_one_record_per_element() {
        let got = frames("[\n  {\"a\": 1},\n  {\"b\": 2}\n]\n");
        assert_eq!(got, vec![(2, 3, "{\"a\": 1}".into()), (3, 3, "{\"b\": 2}".into())]);
        let got = frames("[{\"a\":1},{\"b\":2}]\n[3]\n");
        assert_eq!(got.iter().map(|g| (g.0, g.1)).collect::<Vec<_>>(), vec![(1, 2), (1, 10), (2, 1)]);
    }

    #[test]
    fn log_lines_yield_embedded_events_and_skip_the_rest() {
        let text = "2026-11-23T10:00:00Z INFO start\n2026-11-23T10:00:01Z INFO webhook: {\"type\":\"x\"}\n\nINFO bye\n";
        let got = frames_as(text, "log", InputMode::Auto);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0, got[0].1, got[0].2.as_str()), (2, 36, "{\"type\":\"x\"}"));
        // A log sniffed on a source without a telling name.
        assert_eq!(frames_as(text, "txt", InputMode::Auto).len(), 1);
    }

    #[test]
    fn http_and_har_by_name_or_flag() {
        let http = "POST /h HTTP/1.1\nX-A: 1\n\n{\"a\":1}\n";
        let got = frames_as(http, "http", InputMode::Auto);
        assert_eq!(got[0].2, "{\"a\":1}");
        assert_eq!(got[0].3, vec![("X-A".to_owned(), "1".to_owned())]);
        assert_eq!(frames_as(http, "txt", InputMode::Auto).len(), 1, "sniffed by its request line");
        let har = r#"{"log": {"entries": [
            {"request": {"method": "POST", "headers": [{"name": "X-B", "value": "2"}],
                         "postData": {"mimeType": "application/json", "text": "{\"b\":2}"}}},
            {"request": {"method": "GET", "headers": []}}]}}"#;
        let got = frames_as(har, "har", InputMode::Auto);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0, got[0].2.as_str()), (3, "{\"b\":2}"));
        assert_eq!(got[0].3, vec![("X-B".to_owned(), "2".to_owned())]);
        assert_eq!(frames_as(har, "json", InputMode::Auto).len(), 1, "a HAR is recognised by content");
    }

    #[test]
    fn oversized_lines_are_reported_without_being_kept() {
        let big = format!("{{\"a\": \"{}\"}}", "x".repeat(5000));
        let text = format!("{{\"ok\":1}}\n{big}\n{{\"ok\":2}}\n");
        let dir = std::env::temp_dir().join(format!("hookscope-big-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.ndjson");
        std::fs::write(&path, text).unwrap();
        let mut got = Vec::new();
        read_records(
            &Source::File(path),
            ReadOptions { mode: InputMode::Auto, max_event_bytes: 1000, skip_binary: false },
            &mut |r| {
                got.push((r.line, r.problem.clone(), r.original.len()));
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[1],
            (2, Some("event of 4.9 KiB exceeds the 1000 B limit (--max-event-bytes)".to_owned()), 0)
        );
        assert_eq!((got[2].0, got[2].1.is_none()), (3, true));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let text = "{\"a\":\"é\"}\r\n{\"b\":2}\r\n";
        for big_endian in [false, true] {
            let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
            for unit in text.encode_utf16() {
                bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
            }
            let path = std::env::temp_dir()
                .join(format!("hookscope-utf16-{}-{big_endian}.json", std::process::id()));
            std::fs::write(&path, bytes).unwrap();
            let mut got = Vec::new();
            read_records(&Source::File(path), ReadOptions::default(), &mut |r| {
                got.push((r.line, String::from_utf8(r.text().to_vec()).unwrap()));
                Ok(())
            })
            .unwrap();
            assert_eq!(got, vec![(1, "{\"a\":\"é\"}".to_owned()), (2, "{\"b\":2}".to_owned())]);
        }
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(64 << 20), "64 MiB");
        assert_eq!(human_size(2_254_857_830), "2.1 GiB");
    }

    #[test]
    fn gzip_is_read_transparently() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"{\"a\":1}\n{\"b\":2}\n").unwrap();
        let gz = enc.finish().unwrap();
        let dir = std::env::temp_dir().join(format!("hookscope-gz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("events.ndjson.gz");
        std::fs::write(&path, gz).unwrap();
        let mut n = 0;
        read_records(&Source::File(path), ReadOptions::default(), &mut |_| {
            n += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(n, 2);
    }
}
