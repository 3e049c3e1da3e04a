//! JSON Pointer patterns (`/payload/**/createdAt`): parsing and matching against escaped pointers.

/// One segment of a pattern. Segments stay RFC 6901-escaped, as in the pointers they match, so
/// `~1` in a pattern matches a key holding `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    /// `*`: exactly one segment.
    One,
    /// `**`: any number of segments, including none.
    Any,
}

/// A JSON Pointer in which a `*` segment stands for any one segment and `**` for any depth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PointerPattern {
    text: String,
    segments: Vec<Segment>,
}

/// Why a text is not a pointer pattern.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum PatternError {
    #[error("`{0}` is not a JSON Pointer pattern: it must start with `/` (or be empty)")]
    NoSlash(String),
    #[error("`{0}`: `~` must be followed by `0` or `1`")]
    BadEscape(String),
}

impl PointerPattern {
    pub(crate) fn parse(text: &str) -> Result<Self, PatternError> {
        if !text.is_empty() && !text.starts_with('/') {
            return Err(PatternError::NoSlash(text.to_owned()));
        }
        let mut segments = Vec::new();
        for raw in split(text) {
            segments.push(match raw {
                "*" => Segment::One,
                "**" => Segment::Any,
                _ if !escapes_are_whole(raw) => return Err(PatternError::BadEscape(text.to_owned())),
                _ => Segment::Literal(raw.to_owned()),
            });
        }
        Ok(Self { text: text.to_owned(), segments })
    }

    /// The pattern as written.
    #[cfg(test)]
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the (escaped) pointer matches the whole pattern.
    pub(crate) fn matches(&self, pointer: &str) -> bool {
        let states = self.run(pointer);
        states.last().copied().unwrap_or(false)
    }

    /// Whether some pointer below this one (or this one) could still match: the walk uses it to
    /// know which subtrees `--only` needs it to enter.
    pub(crate) fn may_match_below(&self, pointer: &str) -> bool {
        self.run(pointer).contains(&true)
    }

    /// Runs the pointer through the pattern as a set of positions (a small NFA): `states[j]` is
    /// true when the first `j` pattern segments can match the pointer's segments read so far. A
    /// set, not backtracking, so `/**/**/x` stays linear in the pointer's length.
    fn run(&self, pointer: &str) -> Vec<bool> {
        let n = self.segments.len();
        let mut states = vec![false; n + 1];
        states[0] = true;
        self.close(&mut states);
        for seg in split(pointer) {
            let mut next = vec![false; n + 1];
            for (j, pattern) in self.segments.iter().enumerate() {
                if !states[j] {
                    continue;
                }
                match pattern {
                    Segment::Literal(lit) if lit == seg => next[j + 1] = true,
                    Segment::Literal(_) => {}
                    Segment::One => next[j + 1] = true,
                    // `**` consumes the segment and stays put; leaving it is the closure below.
                    Segment::Any => next[j] = true,
                }
            }
            self.close(&mut next);
            if !next.contains(&true) {
                return next;
            }
            states = next;
        }
        states
    }

    /// A `**` may match nothing, so reaching it also reaches the position after it.
    fn close(&self, states: &mut [bool]) {
        for (j, pattern) in self.segments.iter().enumerate() {
            if states[j] && *pattern == Segment::Any {
                states[j + 1] = true;
            }
        }
    }
}

impl std::fmt::Display for PointerPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The segments of a pointer or pattern: `""` has none, `"/"` has one empty segment.
fn split(pointer: &str) -> impl Iterator<Item = &str> {
    pointer.split('/').skip(1)
}

/// A `~` must be followed by `0` or `1` (RFC 6901), or the pattern could never match.
fn escapes_are_whole(segment: &str) -> bool {
    let mut chars = segment.chars();
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> PointerPattern {
        PointerPattern::parse(text).unwrap()
    }

    #[test]
    fn parse_rejects_relative_and_bad_escapes() {
        assert!(PointerPattern::parse("payload").is_err());
        assert!(PointerPattern::parse("/a~2b").is_err());
        assert!(PointerPattern::parse("/a~").is_err());
        assert!(PointerPattern::parse("").is_ok());
        assert!(PointerPattern::parse("/").is_ok());
        assert_eq!(p("/a/**").as_str(), "/a/**");
        assert_eq!(p("/a/*").to_string(), "/a/*");
    }

    #[test]
    fn literal() {
        assert!(p("/eventId").matches("/eventId"));
        assert!(!p("/eventId").matches("/eventIdx"));
        assert!(!p("/eventId").matches("/eventId/x"));
        assert!(!p("/eventId").matches(""));
        assert!(p("").matches(""));
        assert!(!p("").matches("/a"));
        assert!(p("/").matches("/"));
        assert!(!p("/").matches(""));
    }

    #[test]
    fn star_is_exactly_one_segment() {
        let pat = p("/payload/*/id");
        assert!(pat.matches("/payload/0/id"));
        assert!(pat.matches("/payload/items/id"));
        assert!(pat.matches("/payload//id"));
        assert!(!pat.matches("/payload/id"));
        assert!(!pat.matches("/payload/a/b/id"));
    }

    #[test]
    fn double_star_is_any_depth_including_none() {
        let pat = p("/payload/**/createdAt");
        assert!(pat.matches("/payload/createdAt"));
        assert!(pat.matches("/payload/a/createdAt"));
        assert!(pat.matches("/payload/a/0/b/createdAt"));
        assert!(!pat.matches("/createdAt"));
        assert!(!pat.matches("/payload/createdAt/x"));
        assert!(p("/**/createdAt").matches("/createdAt"));
        assert!(p("/**").matches(""));
        assert!(p("/**").matches("/a/b"));
        assert!(p("/a/**").matches("/a"));
        assert!(p("/**/**/x").matches("/x"));
        assert!(p("/**/a/*/b").matches("/q/a/a/a/b"));
        assert!(!p("/**/a/*/b").matches("/q/a/b"));
    }

    #[test]
    fn escaped_segments_match_literally() {
        assert!(p("/a~1b").matches("/a~1b"));
        assert!(!p("/a~1b").matches("/a/b"));
        assert!(p("/m~0n/*").matches("/m~0n/x"));
    }

    #[test]
    fn may_match_below_reports_ancestors_of_possible_matches() {
        let pat = p("/payload/*/id");
        assert!(pat.may_match_below(""));
        assert!(pat.may_match_below("/payload"));
        assert!(pat.may_match_below("/payload/3"));
        assert!(pat.may_match_below("/payload/3/id"));
        assert!(!pat.may_match_below("/other"));
        assert!(!pat.may_match_below("/payload/3/name"));
        assert!(p("/**/x").may_match_below("/anything/at/all"));
    }
}
