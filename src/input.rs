//! Sources to records: expanding PATHS (files, directories, `-`), then framing each source into
//! one record per JSON value, with the line and column where it starts.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::json::{Frame, frame_value};

/// File name endings searched for when a directory is given.
const EXTENSIONS: &[&str] = &["json", "jsonl", "ndjson", "log", "http", "har"];

/// Where records come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Self::Stdin => "<stdin>".to_owned(),
            Self::File(p) => p.display().to_string(),
        }
    }
}

/// A path that could not be read (exit code 2 once everything else is done).
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct InputError {
    pub path: String,
    pub message: String,
}

impl InputError {
    fn io(path: &str, err: &io::Error) -> Self {
        let message = match err.kind() {
            io::ErrorKind::NotFound => "no such file or directory".to_owned(),
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => err.to_string(),
        };
        Self {
            path: path.to_owned(),
            message,
        }
    }
}

/// One framed JSON value (or what stands where one should be) and where it starts.
#[derive(Debug, Clone)]
pub struct Record {
    pub source: Arc<str>,
    /// 1-based line and column of the record's first byte in the source.
    pub line: usize,
    pub column: usize,
    pub text: Vec<u8>,
}

/// Expands PATHS into sources: directories are searched recursively (sorted, so runs are
/// repeatable) for the known file endings; `-` is standard input.
pub fn expand(paths: &[PathBuf]) -> (Vec<Source>, Vec<InputError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => errors.push(InputError::io(&path.display().to_string(), &e)),
            Ok(meta) if meta.is_dir() => {
                let walker = walkdir::WalkDir::new(path)
                    .follow_links(true)
                    .sort_by_file_name();
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_file() && has_known_extension(e.path()) => {
                            sources.push(Source::File(e.into_path()));
                        }
                        Ok(_) => {}
                        Err(e) => {
                            let at = e.path().unwrap_or(path).display().to_string();
                            let message = if e.loop_ancestor().is_some() {
                                "symbolic link loop".to_owned()
                            } else {
                                e.io_error().map_or_else(
                                    || e.to_string(),
                                    |io| InputError::io(&at, io).message,
                                )
                            };
                            errors.push(InputError { path: at, message });
                        }
                    }
                }
            }
            Ok(_) => sources.push(Source::File(path.clone())),
        }
    }
    (sources, errors)
}

fn has_known_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|k| k.eq_ignore_ascii_case(e)))
}

/// Whether the source is framed line by line (NDJSON, logs) or as a stream of documents.
fn line_oriented_by_name(source: &Source) -> bool {
    let Source::File(path) = source else {
        return false;
    };
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["jsonl", "ndjson", "log"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(e))
    })
}

/// Reads a source and hands each record to `sink`, in order, without holding more than one
/// line at a time for line-oriented input. `sink` errors (a closed stdout) stop the reading.
/// A source with no JSON value at all yields one empty record, so it is reported, not skipped.
pub fn read_records(
    source: &Source,
    sink: &mut dyn FnMut(Record) -> anyhow::Result<()>,
) -> Result<(), ReadError> {
    let mut count = 0usize;
    let name: Arc<str> = Arc::from(source.name());
    read_source(source, &name, &mut |record| {
        count += 1;
        sink(record)
    })?;
    if count == 0 {
        sink(Record {
            source: name,
            line: 1,
            column: 1,
            text: Vec::new(),
        })?;
    }
    Ok(())
}

fn read_source(
    source: &Source,
    name: &Arc<str>,
    sink: &mut dyn FnMut(Record) -> anyhow::Result<()>,
) -> Result<(), ReadError> {
    let reader: Box<dyn Read> = match source {
        Source::Stdin => Box::new(io::stdin().lock()),
        Source::File(path) => match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return Err(ReadError::Input(InputError::io(name, &e))),
        },
    };
    let mut reader = BufReader::with_capacity(256 * 1024, reader);
    let input_error = |e: &io::Error| ReadError::Input(InputError::io(name, e));

    // Look at the first two non-blank lines to choose the framing.
    let mut head: Vec<Vec<u8>> = Vec::new();
    let mut non_blank = 0;
    while non_blank < 2 {
        let mut line = Vec::new();
        if reader
            .read_until(b'\n', &mut line)
            .map_err(|e| input_error(&e))?
            == 0
        {
            break;
        }
        if head.is_empty() && line.starts_with(b"\xEF\xBB\xBF") {
            // A byte-order mark is not part of the JSON; drop it.
            line.drain(..3);
        }
        if !is_blank(&line) {
            non_blank += 1;
        }
        head.push(line);
    }
    let mut non_blank_lines = head.iter().filter(|l| !is_blank(l));
    let first = non_blank_lines.next();
    let second = non_blank_lines.next();
    let line_mode = line_oriented_by_name(source)
        || first.is_some_and(|l| holds_whole_values(l))
        || second.is_some_and(|l| matches!(l.first(), Some(b'{' | b'[')));

    if line_mode {
        let mut number = 0;
        for line in head {
            number += 1;
            frame_line(name, number, &line, sink)?;
        }
        let mut line = Vec::new();
        loop {
            line.clear();
            if reader
                .read_until(b'\n', &mut line)
                .map_err(|e| input_error(&e))?
                == 0
            {
                return Ok(());
            }
            number += 1;
            frame_line(name, number, &line, sink)?;
        }
    }
    let mut buf: Vec<u8> = head.concat();
    reader.read_to_end(&mut buf).map_err(|e| input_error(&e))?;
    frame_document_stream(name, &buf, sink)
}

/// Why reading a source stopped.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Input(InputError),
    /// The consumer failed (usually a closed stdout); not the input's fault.
    #[error(transparent)]
    Sink(#[from] anyhow::Error),
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// True when the line's values are all complete on it (as in NDJSON).
fn holds_whole_values(line: &[u8]) -> bool {
    let mut pos = 0;
    loop {
        match frame_value(line, pos) {
            Frame::Empty => return pos > 0,
            Frame::Incomplete { .. } => return false,
            Frame::Complete { end, .. } => pos = end,
        }
    }
}

fn column_of(text: &[u8], offset: usize) -> usize {
    text[..offset]
        .iter()
        .filter(|b| (**b & 0xC0) != 0x80)
        .count()
        + 1
}

/// Frames one line: usually one value; several when they are concatenated; the rest of the
/// line when it does not start like a JSON object or array (so garbage is one record).
fn frame_line(
    name: &Arc<str>,
    number: usize,
    line: &[u8],
    sink: &mut dyn FnMut(Record) -> anyhow::Result<()>,
) -> Result<(), ReadError> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut pos = 0;
    loop {
        let (start, end) = match frame_value(line, pos) {
            Frame::Empty => return Ok(()),
            Frame::Complete { start, end } if matches!(line[start], b'{' | b'[') => (start, end),
            Frame::Complete { start, .. } | Frame::Incomplete { start } => (start, trim_end(line)),
        };
        let record = Record {
            source: Arc::clone(name),
            line: number,
            column: column_of(line, start),
            text: line[start..end].to_vec(),
        };
        sink(record)?;
        pos = end;
    }
}

fn trim_end(text: &[u8]) -> usize {
    text.iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1)
}

/// Frames a buffer of one or more (possibly pretty-printed) documents.
fn frame_document_stream(
    name: &Arc<str>,
    buf: &[u8],
    sink: &mut dyn FnMut(Record) -> anyhow::Result<()>,
) -> Result<(), ReadError> {
    let mut pos = 0;
    // Newlines are counted once, up to the start of each record in turn.
    let mut line = 1;
    let mut counted_to = 0;
    loop {
        let (start, end) = match frame_value(buf, pos) {
            Frame::Empty => return Ok(()),
            Frame::Complete { start, end } if matches!(buf[start], b'{' | b'[') => (start, end),
            Frame::Complete { start, .. } => (start, end_of_line(buf, start)),
            // A truncated document ends where the next one visibly begins (a line opening with
            // `{` or `[`), so one broken document does not swallow the rest.
            Frame::Incomplete { start } => (start, next_document(buf, start).unwrap_or(buf.len())),
        };
        line += memchr::memchr_iter(b'\n', &buf[counted_to..start]).count();
        counted_to = start;
        let line_begin = buf[..start]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let record = Record {
            source: Arc::clone(name),
            line,
            column: column_of(&buf[line_begin..], start - line_begin),
            text: buf[start..end].to_vec(),
        };
        sink(record)?;
        pos = end;
    }
}

fn end_of_line(buf: &[u8], from: usize) -> usize {
    let end = buf[from..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(buf.len(), |i| from + i);
    from + trim_end(&buf[from..end])
}

fn next_document(buf: &[u8], from: usize) -> Option<usize> {
    buf[from..]
        .windows(2)
        .position(|w| w[0] == b'\n' && matches!(w[1], b'{' | b'['))
        .map(|i| from + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(text: &str) -> Vec<(usize, usize, String)> {
        let dir = std::env::temp_dir().join(format!("hookscope-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("t{}.json", text.len()));
        std::fs::write(&path, text).unwrap();
        let mut out = Vec::new();
        read_records(&Source::File(path), &mut |r| {
            out.push((r.line, r.column, String::from_utf8(r.text).unwrap()));
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
            vec![
                (1, 1, "{\"a\":1}".into()),
                (2, 1, "{\"b\":".into()),
                (4, 1, "{\"c\":3}".into())
            ]
        );
    }

    #[test]
    fn concatenated_pretty_documents() {
        let got = frames("{\n  \"a\": 1\n}\n  {\n  \"b\": [\n 2]\n}{\"c\":3}");
        assert_eq!(
            got.iter().map(|g| (g.0, g.1)).collect::<Vec<_>>(),
            vec![(1, 1), (4, 3), (7, 2)]
        );
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
        assert_eq!(
            texts,
            ["{\"a\":1}", "not json at all", "{\"b\":2}", "{\"c\":3}"]
        );
        assert_eq!(got[3].1, 8);
    }

    #[test]
    fn bom_and_crlf() {
        let got = frames("\u{feff}{\"a\":1}\r\n{\"b\":2}\r\n");
        assert_eq!(
            got,
            vec![(1, 1, "{\"a\":1}".into()), (2, 1, "{\"b\":2}".into())]
        );
    }
}
