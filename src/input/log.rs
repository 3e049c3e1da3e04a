//! Log lines: finding the JSON event embedded after a prefix (timestamp, level, `key=value`
//! pairs, syslog headers).

use crate::json::{Frame, frame_value};

/// How many `{` a prefix may contain before hookscope stops looking for the JSON on a line.
const MAX_CANDIDATES: usize = 8;

/// The offset where the line's JSON object starts: the first `{` from which a complete object
/// parses. A line with a `{` but no complete object still yields its first `{` (so it is
/// reported as broken JSON); a line with no `{` at all has no JSON.
pub(super) fn json_start(line: &[u8]) -> Option<usize> {
    let first = memchr::memchr(b'{', line)?;
    let mut candidate = first;
    for _ in 0..MAX_CANDIDATES {
        if let Frame::Complete { start, end } = frame_value(line, candidate)
            && serde_json::from_slice::<serde::de::IgnoredAny>(&line[start..end]).is_ok()
        {
            return Some(start);
        }
        match memchr::memchr(b'{', &line[candidate + 1..]) {
            Some(next) => candidate += 1 + next,
            None => break,
        }
    }
    Some(first)
}

/// The offset of a complete JSON object after a prefix on a line that does not itself start
/// like JSON: what makes a line a log line when the framing is decided line by line.
pub(super) fn embedded_json(line: &[u8]) -> Option<usize> {
    let start = json_start(line)?;
    let complete = matches!(frame_value(line, start), Frame::Complete { start: s, end }
        if s == start && serde_json::from_slice::<serde::de::IgnoredAny>(&line[s..end]).is_ok());
    complete.then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_json_after_common_prefixes() {
        let cases: [&[u8]; 4] = [
            br#"2026-11-23T10:00:00Z INFO webhook received: {"type":"x"}"#,
            br#"<14>Nov 23 10:00:00 host app[123]: {"type":"x"}"#,
            br#"level=info msg="got it" ctx={broken} body={"type":"x"}"#,
            br#"{"type":"x"}"#,
        ];
        for line in cases {
            let start = json_start(line).unwrap();
            assert_eq!(&line[start..], br#"{"type":"x"}"#, "{}", String::from_utf8_lossy(line));
        }
    }

    #[test]
    fn embedded_json_needs_a_whole_object() {
        assert_eq!(embedded_json(br#"2026-11-23 INFO webhook: {"type":"x"}"#), Some(25));
        assert_eq!(embedded_json(b"ERROR payload {\"type\": tru"), None);
        assert_eq!(embedded_json(b"INFO started"), None);
    }

    #[test]
    fn lines_without_json() {
        assert_eq!(json_start(b"2026-11-23 INFO server started on :8080"), None);
        assert_eq!(json_start(b"ERROR payload {\"type\": tru"), Some(14));
    }
}
