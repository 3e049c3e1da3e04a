//! The JSON tokenizer over raw bytes, and framing: where one top-level value ends.

/// One lexical token with the byte range it covers in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token {
    ObjectStart,
    ObjectEnd,
    ArrayStart,
    ArrayEnd,
    Colon,
    Comma,
    String,
    /// A number, `true`, `false`, `null`, or any other bare word (validated by the parser, not here).
    Scalar,
    /// A string that never closes before the end of the input.
    Unterminated,
}

pub(crate) struct Lexer<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    pub(crate) fn new(bytes: &'a [u8], start: usize) -> Self {
        Self { bytes, pos: start }
    }

    /// Continues from `offset`.
    pub(crate) fn seek(&mut self, offset: usize) {
        self.pos = offset;
    }

    /// Skips JSON whitespace and returns the offset of the next byte (or the end).
    pub(crate) fn skip_whitespace(&mut self) -> usize {
        while let Some(b) = self.bytes.get(self.pos) {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.pos += 1;
            } else {
                break;
            }
        }
        self.pos
    }

    /// The next token and its byte range, or `None` at the end of the input.
    pub(crate) fn next_token(&mut self) -> Option<(Token, usize, usize)> {
        let start = self.skip_whitespace();
        let b = *self.bytes.get(start)?;
        let token = match b {
            b'{' => Token::ObjectStart,
            b'}' => Token::ObjectEnd,
            b'[' => Token::ArrayStart,
            b']' => Token::ArrayEnd,
            b':' => Token::Colon,
            b',' => Token::Comma,
            b'"' => return Some(self.string(start)),
            _ => {
                let len = self.bytes[start..]
                    .iter()
                    .position(|b| is_delimiter(*b))
                    .unwrap_or(self.bytes.len() - start);
                // A delimiter that is not whitespace still has to make progress.
                self.pos = start + len.max(1);
                return Some((Token::Scalar, start, self.pos));
            }
        };
        self.pos = start + 1;
        Some((token, start, self.pos))
    }

    fn string(&mut self, start: usize) -> (Token, usize, usize) {
        let mut i = start + 1;
        while i < self.bytes.len() {
            match self.bytes[i] {
                b'\\' => i += 2,
                b'"' => {
                    self.pos = i + 1;
                    return (Token::String, start, self.pos);
                }
                _ => i += 1,
            }
        }
        self.pos = self.bytes.len();
        (Token::Unterminated, start, self.pos)
    }
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'{' | b'}' | b'[' | b']' | b':' | b',' | b'"')
}

/// Where a top-level value found by [`frame_value`] lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// A balanced value from `start` to `end` (exclusive).
    Complete { start: usize, end: usize },
    /// A value starts at `start` but the input ends before it closes.
    Incomplete { start: usize },
    /// Only whitespace remains.
    Empty,
}

/// Finds the extent of the value that starts at the first non-whitespace byte from `from`.
///
/// Brackets are balanced without checking that the value inside is valid JSON: the parser does
/// that. A stray closing bracket or separator frames as a one-byte value, so the parser reports it.
pub(crate) fn frame_value(bytes: &[u8], from: usize) -> Frame {
    let mut lexer = Lexer::new(bytes, from);
    let Some((first, start, end)) = lexer.next_token() else {
        return Frame::Empty;
    };
    match first {
        Token::ObjectStart | Token::ArrayStart => {}
        Token::Unterminated => return Frame::Incomplete { start },
        _ => return Frame::Complete { start, end },
    }
    // Inside the value only brackets and strings matter: scalars, separators and whitespace
    // cannot change the depth, and brackets inside strings do not count.
    let mut depth = 1usize;
    let mut in_string = false;
    let mut i = end;
    while let Some(&b) = bytes.get(i) {
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        return Frame::Complete { start, end: i + 1 };
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    Frame::Incomplete { start }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_objects_arrays_and_scalars() {
        let text = br#"  {"a": [1, "}"]} [2] 3 "x""#;
        assert_eq!(frame_value(text, 0), Frame::Complete { start: 2, end: 17 });
        assert_eq!(frame_value(text, 17), Frame::Complete { start: 18, end: 21 });
        assert_eq!(frame_value(text, 21), Frame::Complete { start: 22, end: 23 });
        assert_eq!(frame_value(text, 23), Frame::Complete { start: 24, end: 27 });
        assert_eq!(frame_value(text, 27), Frame::Empty);
    }

    #[test]
    fn reports_truncation() {
        assert_eq!(frame_value(br#"{"a": [1, 2"#, 0), Frame::Incomplete { start: 0 });
        assert_eq!(frame_value(br#" "abc"#, 0), Frame::Incomplete { start: 1 });
    }

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let text = br#"{"a": "x\"}"} tail"#;
        assert_eq!(frame_value(text, 0), Frame::Complete { start: 0, end: 13 });
    }

    #[test]
    fn stray_delimiters_make_progress() {
        assert_eq!(frame_value(b"} {}", 0), Frame::Complete { start: 0, end: 1 });
        assert_eq!(frame_value(b",", 0), Frame::Complete { start: 0, end: 1 });
    }

    /// Framing by the lexer's tokens, the definition the byte scan must agree with.
    fn frame_by_tokens(bytes: &[u8], from: usize) -> Frame {
        let mut lexer = Lexer::new(bytes, from);
        let Some((first, start, end)) = lexer.next_token() else { return Frame::Empty };
        match first {
            Token::ObjectStart | Token::ArrayStart => {}
            Token::Unterminated => return Frame::Incomplete { start },
            _ => return Frame::Complete { start, end },
        }
        let mut depth = 1usize;
        while let Some((token, _, end)) = lexer.next_token() {
            match token {
                Token::ObjectStart | Token::ArrayStart => depth += 1,
                Token::ObjectEnd | Token::ArrayEnd => {
                    depth -= 1;
                    if depth == 0 {
                        return Frame::Complete { start, end };
                    }
                }
                Token::Unterminated => return Frame::Incomplete { start },
                _ => {}
            }
        }
        Frame::Incomplete { start }
    }

    #[test]
    fn the_byte_scan_frames_as_the_tokens_do() {
        let texts: [&[u8]; 8] = [
            br#"{"a": [1, "}"], "b\\": "x\"]", "c": {"d": [true, null, -1.5e3]}} [2] "tail\"#,
            br#"[{"k": "v"}, ["]", "["], {}, []]{"#,
            br#"{"s3Key": "a\\\"b", "n": 12}  {"x": "\u00e9{"}"#,
            b"{\"unterminated: [1, 2}",
            br#"{"a": tru, "b": }, ]"#,
            "{\"caf\u{e9}\": \"\u{1F600}]\"}".as_bytes(),
            br#"["a\", "b"]"#,
            b"  \n\t{ }  ",
        ];
        for text in texts {
            // Every prefix truncates the input somewhere new; every start offset begins mid-way.
            for len in 0..=text.len() {
                let text = &text[..len];
                for from in 0..=len {
                    assert_eq!(
                        frame_value(text, from),
                        frame_by_tokens(text, from),
                        "{:?} from {from}",
                        String::from_utf8_lossy(text)
                    );
                }
            }
        }
    }
}
