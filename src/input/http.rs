//! Raw HTTP captures: one or more requests (request line, headers, blank line, body) in a file,
//! CRLF or LF. The body is the event; the headers travel with it for detection and signatures.

use std::sync::Arc;

use super::{ReadError, Record, Sink};
use crate::json::Positions;

const METHODS: &[&str] = &["POST", "PUT", "PATCH", "GET", "DELETE", "OPTIONS", "HEAD"];

/// True when `line` looks like an HTTP/1.x request line.
pub(super) fn is_request_line(line: &[u8]) -> bool {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let Ok(text) = std::str::from_utf8(line) else {
        return false;
    };
    let mut parts = text.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    METHODS.contains(&method) && !target.is_empty() && version.starts_with("HTTP/1")
}

/// Offset of the next request line that starts after `from` (at the start of a line).
fn next_request(buf: &[u8], from: usize) -> Option<usize> {
    let mut pos = from;
    while let Some(nl) = memchr::memchr(b'\n', &buf[pos..]) {
        let start = pos + nl + 1;
        let end = memchr::memchr(b'\n', &buf[start..]).map_or(buf.len(), |i| start + i);
        if is_request_line(&buf[start..end]) {
            return Some(start);
        }
        pos = start;
    }
    None
}

pub(super) fn frame(name: &Arc<str>, buf: &[u8], base: u64, sink: &mut Sink<'_>) -> Result<(), ReadError> {
    let positions = Positions::new(buf);
    let position = |offset: usize| {
        let at = positions.at(offset);
        (at.line, at.column)
    };
    let mut pos = 0;
    while pos < buf.len() {
        // Skip blank lines between requests.
        while pos < buf.len() && buf[pos].is_ascii_whitespace() {
            pos += 1;
        }
        if pos >= buf.len() {
            break;
        }
        let (line, column) = position(pos);
        let mut headers = [httparse::EMPTY_HEADER; 128];
        let mut request = httparse::Request::new(&mut headers);
        let parsed = request.parse(&buf[pos..]);
        let header_len = match parsed {
            Ok(httparse::Status::Complete(len)) => len,
            Ok(httparse::Status::Partial) | Err(_) => {
                let end = next_request(buf, pos).unwrap_or(buf.len());
                let why = match parsed {
                    Err(e) => format!("not an HTTP request ({e})"),
                    _ => "an HTTP request whose headers never end (no blank line)".to_owned(),
                };
                let mut record = Record::new(Arc::clone(name), line, column, buf[pos..end].to_vec());
                record.problem = Some(why);
                record.byte_offset = base + pos as u64;
                sink(record)?;
                pos = end;
                continue;
            }
        };
        let header_pairs: Vec<(String, String)> = request
            .headers
            .iter()
            .map(|h| (h.name.to_owned(), String::from_utf8_lossy(h.value).trim().to_owned()))
            .collect();
        let body_start = pos + header_len;
        let declared = header_pairs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse::<usize>().ok());
        let chunked = header_pairs.iter().any(|(k, v)| {
            k.eq_ignore_ascii_case("transfer-encoding") && v.to_ascii_lowercase().contains("chunked")
        });
        if chunked {
            // The event is the body after de-chunking; the record keeps the request as captured.
            let (line, column) = position(body_start);
            let (decoded, next, problem) = match dechunk(buf, body_start) {
                Ok((body, end)) => (body, end, None),
                Err(why) => (Vec::new(), next_request(buf, body_start).unwrap_or(buf.len()), Some(why)),
            };
            let mut record = Record::new(Arc::clone(name), line, column, decoded);
            record.body = super::Body::Decoded;
            record.byte_offset = base + pos as u64;
            record.headers = header_pairs;
            record.problem = problem;
            sink(record)?;
            pos = next;
            continue;
        }
        let (body_end, next) = if let Some(len) = declared {
            // A Content-Length near `usize::MAX` must not overflow: it is a truncated body.
            let end = body_start.saturating_add(len).min(buf.len());
            (end, end)
        } else {
            // Without a length the body runs to the next request line.
            let next = next_request(buf, body_start.saturating_sub(1)).unwrap_or(buf.len());
            let trimmed = buf[body_start..next]
                .iter()
                .rposition(|b| !b.is_ascii_whitespace())
                .map_or(body_start, |i| body_start + i + 1);
            (trimmed, next)
        };
        let (body_line, body_column) = position(body_start);
        let original = buf[pos..body_end].to_vec();
        let mut record = Record::new(Arc::clone(name), body_line, body_column, original);
        record.body = super::Body::Span(body_start - pos..body_end - pos);
        record.byte_offset = base + pos as u64;
        record.headers = header_pairs;
        if declared.is_some_and(|len| len > buf.len() - body_start) {
            record.problem = Some(format!(
                "truncated HTTP body: Content-Length says {} bytes, {} are present",
                declared.unwrap_or_default(),
                buf.len() - body_start
            ));
        }
        sink(record)?;
        pos = next;
    }
    Ok(())
}

/// Decodes a `Transfer-Encoding: chunked` body starting at `from`: the body, and where the
/// request ends (after the last chunk and any trailers).
fn dechunk(buf: &[u8], from: usize) -> Result<(Vec<u8>, usize), String> {
    let mut body = Vec::new();
    let mut pos = from;
    let line_end = |pos: usize| memchr::memchr(b'\n', &buf[pos..]).map(|i| pos + i);
    loop {
        let end = line_end(pos).ok_or("malformed chunked body: a chunk size line never ends")?;
        let size_line = String::from_utf8_lossy(&buf[pos..end]);
        let size_text = size_line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("malformed chunked body: {size_text:?} is not a hexadecimal chunk size"))?;
        pos = end + 1;
        if size == 0 {
            // Trailers, up to an empty line (or the end of the capture).
            while let Some(end) = line_end(pos) {
                let blank = buf[pos..end].trim_ascii().is_empty();
                pos = end + 1;
                if blank {
                    break;
                }
            }
            return Ok((body, pos.min(buf.len())));
        }
        let data_end = pos
            .checked_add(size)
            .filter(|e| *e <= buf.len())
            .ok_or_else(|| format!("truncated chunked body: a chunk of {size} bytes is cut short"))?;
        body.extend_from_slice(&buf[pos..data_end]);
        pos = data_end;
        // The CRLF that closes the chunk's data.
        if buf[pos..].starts_with(b"\r\n") {
            pos += 2;
        } else if buf[pos..].starts_with(b"\n") {
            pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> Vec<Record> {
        let mut out = Vec::new();
        frame(&Arc::from("t.http"), text.as_bytes(), 0, &mut |r| {
            out.push(r);
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn two_requests_with_and_without_content_length() {
        let text = "POST /hook HTTP/1.1\r\nHost: a\r\nContent-Length: 8\r\n\r\n{\"a\":1}\n\r\nPOST /hook HTTP/1.1\nX-Webhook-Timestamp: 5\n\n{\"b\":\n 2}\n\n";
        let got = records(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].text(), b"{\"a\":1}\n");
        assert_eq!((got[0].line, got[0].column), (5, 1));
        assert_eq!(got[1].text(), b"{\"b\":\n 2}");
        assert_eq!(got[1].headers, vec![("X-Webhook-Timestamp".to_owned(), "5".to_owned())]);
        assert_eq!(got[1].line, 10);
    }

    #[test]
    fn truncated_body_is_named() {
        let got = records("POST / HTTP/1.1\nContent-Length: 100\n\n{\"a\":1}");
        assert!(got[0].problem.as_deref().unwrap().contains("Content-Length says 100 bytes, 7 are present"));
    }

    #[test]
    fn chunked_bodies_are_decoded() {
        let text = "POST /h HTTP/1.1\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\n\r\n7\r\n{\"a\":1,\r\n6;ext=1\r\n\"b\":2}\r\n0\r\n\r\nPOST /h HTTP/1.1\nContent-Length: 2\n\n{}";
        let got = records(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].text(), b"{\"a\":1,\"b\":2}");
        assert_eq!(got[0].problem, None);
        assert_eq!(got[1].text(), b"{}");
        let bad = records("POST /h HTTP/1.1\nTransfer-Encoding: chunked\n\nzz\n{}\n0\n\n");
        assert!(bad[0].problem.as_deref().unwrap().contains("not a hexadecimal chunk size"));
    }

    #[test]
    fn request_lines() {
        assert!(is_request_line(b"POST /webhooks/daily?x=1 HTTP/1.1\r\n"));
        assert!(!is_request_line(b"{\"type\": \"POST / HTTP/1.1\"}"));
        assert!(!is_request_line(b"HTTP/1.1 200 OK"));
    }
}
