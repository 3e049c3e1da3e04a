//! One-line source snippets for the human output: a finding's title, its place and its source line
//! with the offending value underlined, drawn byte for byte as `annotate-snippets` 0.12 draws one
//! primary annotation on one line (Unicode decor, its default width, plain or its default ANSI
//! styles), without that crate's general layout engine, which cost more than the analysis.
//!
//! The layout rules below (margins, `…` cuts, display widths, cells) are the crate's own; each is
//! kept where it decides a byte, however odd. A test renders every finding of the samples, corpus
//! and fixtures, and the edge cases, both ways and requires the same bytes.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::model::Severity;

/// The width the crate renders within by default (`DEFAULT_TERM_WIDTH`).
const TERM_WIDTH: usize = 140;
/// Room the crate leaves around spans for the `…` of a cut line.
const ELLIPSIS_PASSING: usize = 6;
/// Leading blanks wider than this are cut, keeping [`LONG_WHITESPACE_PADDING`] of them.
const LONG_WHITESPACE: usize = 20;
const LONG_WHITESPACE_PADDING: usize = 4;
/// What a span too long to show keeps on either side of the `…` in its middle, at least.
const MIN_PAD: usize = 5;
/// The crate's `…` (Unicode decor's margin), one column wide.
const MARGIN: char = '…';

/// One finding to draw: `title` and `code` head it, `path:line:column` places it, and `span` (byte
/// offsets on char boundaries, `start <= end <= source.len() + 1`) is underlined in `source`, one
/// line without `\n`, with `label` after the underline.
pub(crate) struct Snippet<'a> {
    pub severity: Severity,
    pub title: Cow<'a, str>,
    pub code: &'a str,
    pub path: Cow<'a, str>,
    pub line: usize,
    /// The column shown after the line: the finding's, as every format reports it.
    pub column: usize,
    pub source: Cow<'a, str>,
    pub span: Range<usize>,
    pub label: Cow<'a, str>,
}

/// How a part of the snippet is painted: the crate's styles, which differ from one another
/// whenever colour is on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Paint {
    /// Source text, paths, blanks.
    Plain,
    /// The gutter: line number, rules, `…`.
    Gutter,
    /// The title's message.
    Emphasis,
    /// The level's colour: `error[code]`, the underline and its label.
    Level,
}

const RESET: &str = "\x1b[0m";

impl Snippet<'_> {
    /// Appends the snippet to `out`, without a final line break, in the crate's default ANSI
    /// styles when `ansi`.
    pub(crate) fn render(&self, ansi: bool, out: &mut String) {
        let (level, level_code) = match self.severity {
            Severity::Error => ("error", "\x1b[1m\x1b[91m"),
            Severity::Warning => ("warning", "\x1b[1m\x1b[33m"),
        };
        let codes = if ansi { ["", "\x1b[1m\x1b[94m", "\x1b[1m", level_code] } else { [""; 4] };
        let mut p = Painter { out, codes, current: "" };
        let digits = decimal_digits(self.line);

        // The title, its continuation lines aligned after `error[code]: `.
        let title = normalize(&self.title);
        let mut title_lines = title.split('\n');
        p.put(level, Paint::Level);
        p.put("[", Paint::Level);
        p.put(self.code, Paint::Level);
        p.put("]", Paint::Level);
        p.put(": ", Paint::Emphasis);
        p.put(title_lines.next().unwrap_or_default(), Paint::Emphasis);
        for text in title_lines {
            p.end_line();
            for _ in 0..str_width(level) + str_width(self.code) + 4 {
                p.put(" ", Paint::Plain);
            }
            p.put(text, Paint::Emphasis);
        }
        p.end_line();

        let at = Located::new(&self.source, &self.span);
        for _ in 0..digits {
            p.put(" ", Paint::Plain);
        }
        p.put(" ╭▸ ", Paint::Gutter);
        p.switch(Paint::Plain);
        let _ = write!(p.out, "{}:{}:{}", self.path, self.line, self.column);
        p.end_line();
        for _ in 0..=digits {
            p.put(" ", Paint::Plain);
        }
        p.put("│", Paint::Gutter);
        p.end_line();

        let [source, underline] = self.cells(&at, digits);
        p.put_cells(&source);
        p.end_line();
        p.put_cells(&underline);
        p.end();
    }

    /// The source line and the underline line as the crate's buffer holds them: one cell per
    /// character, placed by display column (so a wide character takes one cell where the columns
    /// after it count two).
    fn cells(&self, at: &Located, digits: usize) -> [Cells; 2] {
        let code_offset = digits + 3;
        let column_width = TERM_WIDTH.saturating_sub(code_offset);
        let label_right = at.end + str_width(&self.label) + 1;
        let margin = Margin::new(
            leading_blanks(&self.source),
            at.start,
            at.end,
            label_right,
            column_width,
            str_width(&self.source),
        );

        // The source line, cut to the margin's window, with `…` where it was cut.
        let text = normalize(&self.source);
        let line_len = str_width(&text);
        let mut left = margin.left(line_len);
        let right = margin.right(line_len);
        let (mut skipped, mut taken) = (0, 0);
        let (mut from, mut to) = (text.len(), text.len());
        if is_plain(&text) {
            // One byte, one column: the window is the byte range itself.
            (skipped, from, to) = (left, left, right);
        } else {
            for (i, c) in text.char_indices() {
                if skipped < left {
                    skipped += char_width(c);
                } else {
                    from = i;
                    break;
                }
            }
            for (i, c) in text[from..].char_indices() {
                taken += char_width(c);
                if taken > right - left {
                    to = from + i;
                    break;
                }
            }
        }
        let code = &text[from..to];
        left = left.max(skipped);

        let mut source = Cells::default();
        let (mut width_taken, mut bytes_taken) = (0, 0);
        if margin.was_cut_left() {
            for c in code.chars() {
                width_taken += char_width(c);
                bytes_taken += c.len_utf8();
                if width_taken >= 1 {
                    break;
                }
            }
            source.put(code_offset, MARGIN, Paint::Gutter);
        }
        let shown = &code[bytes_taken..];
        source.puts(code_offset + width_taken, shown, Paint::Plain);
        if line_len > right {
            let (mut chars_taken, mut width) = (0, 0);
            for c in code.chars().rev() {
                width += char_width(c);
                chars_taken += 1;
                if width >= 1 {
                    break;
                }
            }
            source.put(
                code_offset + width_taken + shown.chars().count() - chars_taken,
                MARGIN,
                Paint::Gutter,
            );
        }
        let mut number = self.line;
        for at in (0..digits).rev() {
            source.put(at, char::from(b"0123456789"[number % 10]), Paint::Gutter);
            number /= 10;
        }
        source.put(digits + 1, '│', Paint::Gutter);

        // The underline, closing the window, with the label one column after it.
        let mut underline = Cells::default();
        underline.put(digits + 1, '╰', Paint::Gutter);
        underline.put(digits + 2, '╴', Paint::Gutter);
        underline.puts(code_offset + (at.end + 1).saturating_sub(left), &self.label, Paint::Level);
        for column in at.start..at.end {
            underline.put((code_offset + column).saturating_sub(left), '━', Paint::Level);
        }

        // A span too wide to show loses its middle to a `…`, in both lines.
        let width = at.end - at.start;
        if width > column_width * 2 && width > MIN_PAD * 2 + 1 {
            let pad = (column_width / 3).max(MIN_PAD);
            let cut = code_offset + (at.start + pad).saturating_sub(left)
                ..code_offset + (at.end - pad).saturating_sub(left);
            source.replace(cut.clone());
            underline.replace(cut);
        }
        [source, underline]
    }
}

/// The span's place as the crate measures it on the source line: display columns of its start
/// and end (an empty span is widened to one column).
struct Located {
    start: usize,
    end: usize,
}

impl Located {
    fn new(source: &str, span: &Range<usize>) -> Self {
        if is_plain(source) {
            // One byte, one character, one column.
            let start = span.start.min(source.len());
            let mut end = if span.end == span.start { start } else { span.end.min(source.len()) };
            if end == start {
                end += 1;
            }
            return Self { start, end };
        }
        let before = &source[..span.start.min(source.len())];
        let start = str_width(before);
        let mut end =
            if span.end == span.start { start } else { str_width(&source[..span.end.min(source.len())]) };
        if end == start {
            end += 1;
        }
        Self { start, end }
    }
}

/// The display columns of leading blanks (a tab counts four), or 0 when the line is all blanks.
fn leading_blanks(source: &str) -> usize {
    if !source.chars().any(|c| !c.is_whitespace()) {
        return 0;
    }
    source.chars().take_while(|c| c.is_whitespace()).map(|c| if c == '\t' { 4 } else { 1 }).sum()
}

/// Which columns of the line are shown: the crate's `Margin` for one line.
struct Margin {
    whitespace_left: usize,
    span_left: usize,
    span_right: usize,
    computed_left: usize,
    computed_right: usize,
    term_width: usize,
    label_right: usize,
}

impl Margin {
    fn new(
        whitespace_left: usize,
        span_left: usize,
        span_right: usize,
        label_right: usize,
        term_width: usize,
        max_line_len: usize,
    ) -> Self {
        let whitespace_left = whitespace_left.min(span_left);
        let mut m = Self {
            whitespace_left: whitespace_left.saturating_sub(ELLIPSIS_PASSING),
            span_left: span_left.saturating_sub(ELLIPSIS_PASSING),
            span_right: span_right + ELLIPSIS_PASSING,
            computed_left: 0,
            computed_right: 0,
            term_width,
            label_right: label_right + ELLIPSIS_PASSING,
        };
        m.compute(max_line_len);
        m
    }

    fn compute(&mut self, max_line_len: usize) {
        self.computed_left = if self.whitespace_left > LONG_WHITESPACE {
            self.whitespace_left - (LONG_WHITESPACE - LONG_WHITESPACE_PADDING)
        } else {
            0
        };
        self.computed_right = max_line_len.max(self.computed_left);
        if self.computed_right - self.computed_left > self.term_width {
            if self.label_right.saturating_sub(self.whitespace_left) <= self.term_width
                && self.label_right >= self.whitespace_left
            {
                self.computed_left = self.whitespace_left;
                self.computed_right = self.computed_left + self.term_width;
            } else if self.label_right - self.span_left <= self.term_width {
                let padding_left = (self.term_width - (self.label_right - self.span_left)) / 2;
                self.computed_left = self.span_left.saturating_sub(padding_left);
                self.computed_right = self.computed_left + self.term_width;
            } else if self.span_right - self.span_left <= self.term_width {
                let padding_left = (self.term_width - (self.span_right - self.span_left)) / 5 * 2;
                self.computed_left = self.span_left.saturating_sub(padding_left);
                self.computed_right = self.computed_left + self.term_width;
            } else {
                self.computed_left = self.span_left;
                self.computed_right = self.span_right;
            }
        }
    }

    fn was_cut_left(&self) -> bool {
        self.computed_left > 0
    }

    fn left(&self, line_len: usize) -> usize {
        self.computed_left.min(line_len)
    }

    fn right(&self, line_len: usize) -> usize {
        if line_len.saturating_sub(self.computed_left) <= self.term_width {
            line_len
        } else {
            line_len.min(self.computed_right)
        }
    }
}

/// One line of the crate's buffer: a character and its paint per cell, blanks where nothing was
/// put.
#[derive(Default)]
struct Cells(Vec<(char, Paint)>);

impl Cells {
    fn put(&mut self, at: usize, c: char, paint: Paint) {
        if at >= self.0.len() {
            self.0.resize(at + 1, (' ', Paint::Plain));
        }
        self.0[at] = (c, paint);
    }

    fn puts(&mut self, at: usize, text: &str, paint: Paint) {
        if text.is_empty() {
            return;
        }
        for (at, c) in (at..).zip(text.chars()) {
            if at < self.0.len() {
                self.0[at] = (c, paint);
            } else {
                self.0.resize(at, (' ', Paint::Plain));
                self.0.push((c, paint));
            }
        }
    }

    /// The cells `range` become one `…` (nothing happens when the range is not all there).
    fn replace(&mut self, range: Range<usize>) {
        if range.start == range.end || range.start > self.0.len() || range.end > self.0.len() {
            return;
        }
        self.0.splice(range, [(MARGIN, Paint::Gutter)]);
    }
}

/// Writes text in paints, with the crate's escapes: a paint's codes where the paint changes, a
/// reset where a painted run ends or its line does.
struct Painter<'o> {
    out: &'o mut String,
    codes: [&'static str; 4],
    current: &'static str,
}

impl Painter<'_> {
    fn switch(&mut self, paint: Paint) {
        let code = self.codes[paint as usize];
        if code != self.current {
            if !self.current.is_empty() {
                self.out.push_str(RESET);
            }
            self.out.push_str(code);
            self.current = code;
        }
    }

    fn put(&mut self, text: &str, paint: Paint) {
        if !text.is_empty() {
            self.switch(paint);
            self.out.push_str(text);
        }
    }

    fn put_cells(&mut self, cells: &Cells) {
        for &(c, paint) in &cells.0 {
            self.switch(paint);
            self.out.push(c);
        }
    }

    fn end(&mut self) {
        if !self.current.is_empty() {
            self.out.push_str(RESET);
            self.current = "";
        }
    }

    fn end_line(&mut self) {
        self.end();
        self.out.push('\n');
    }
}

/// The crate's `num_decimal_digits`: how wide the line numbers are.
fn decimal_digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// How many columns the crate gives a character: a tab four, the control characters it shows as
/// symbols one, the rest their Unicode width (one when it has none).
fn char_width(c: char) -> usize {
    match c {
        '\t' => 4,
        '\0'..='\u{8}'
        | '\u{b}'..='\u{1f}'
        | '\u{7f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => 1,
        _ => c.width().unwrap_or(1),
    }
}

/// Whether `text` is printable ASCII only: one byte, one character, one column, drawn as is.
fn is_plain(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

fn str_width(text: &str) -> usize {
    if is_plain(text) {
        return text.len();
    }
    text.chars().map(char_width).sum()
}

/// What the crate draws instead of a character, if anything: control characters as their symbols
/// (`␛`), a tab as four blanks, text-direction controls as `�`, a zero-width joiner as nothing.
fn replacement(c: char) -> Option<&'static str> {
    const PICTURES: [&str; 32] = [
        "␀", "␁", "␂", "␃", "␄", "␅", "␆", "␇", "␈", "    ", "\n", "␋", "␌", "␍", "␎", "␏", "␐", "␑", "␒",
        "␓", "␔", "␕", "␖", "␗", "␘", "␙", "␚", "␛", "␜", "␝", "␞", "␟",
    ];
    match c {
        '\n' => None,
        '\0'..='\u{1f}' => Some(PICTURES[c as usize]),
        '\u{7f}' => Some("␡"),
        '\u{200d}' => Some(""),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some("\u{fffd}"),
        _ => None,
    }
}

/// `text` as the crate draws it (see [`replacement`]).
fn normalize(text: &str) -> Cow<'_, str> {
    // Every character replaced is ASCII or starts with 0xe2 in UTF-8 (U+2000 to U+2FFF).
    if !text.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xe2)
        || !text.chars().any(|c| replacement(c).is_some())
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match replacement(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::ops::Range;

    use annotate_snippets::renderer::DecorStyle;
    use annotate_snippets::{AnnotationKind, Level, Renderer};

    use super::{Severity, Snippet};
    use crate::analyze::Analyzer;
    use crate::catalog::Catalog;
    use crate::detect::Forced;
    use crate::input::{ReadOptions, Source, read_records};
    use crate::report::human::{grouped_for_people, snippet_of};

    /// The crate's drawing of `snippet` on its whole line, as the human output called it before
    /// this renderer (without the cut of long lines, see [`reference`]).
    fn crate_render(snippet: &Snippet, source: &str, span: Range<usize>, ansi: bool) -> String {
        let level = match snippet.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let report = &[level.primary_title(&*snippet.title).id(snippet.code).element(
            annotate_snippets::Snippet::source(source)
                .line_start(snippet.line)
                .path(&*snippet.path)
                .annotation(AnnotationKind::Primary.span(span).label(&*snippet.label)),
        )];
        let renderer = if ansi { Renderer::styled() } else { Renderer::plain() };
        renderer.decor_style(DecorStyle::Unicode).render(report)
    }

    /// Exactly what the human output drew before this renderer: the crate, given only the part
    /// of a long printable-ASCII line it shows, with the column put back.
    fn reference(snippet: &Snippet, ansi: bool) -> String {
        with_column(&reference_window(snippet, ansi), snippet)
    }

    /// The human output's setting of the column to the finding's, after the crate drew it.
    fn with_column(rendered: &str, snippet: &Snippet) -> String {
        let location = format!("{}:{}:", snippet.path, snippet.line);
        let Some(at) = rendered.find(&location).map(|i| i + location.len()) else {
            return rendered.to_owned();
        };
        let digits = rendered[at..].bytes().take_while(u8::is_ascii_digit).count();
        format!("{}{}{}", &rendered[..at], snippet.column, &rendered[at + digits..])
    }

    fn reference_window(snippet: &Snippet, ansi: bool) -> String {
        const SLACK: usize = 24;
        let (source, span) = (&*snippet.source, snippet.span.clone());
        let bytes = source.as_bytes();
        let reach = annotate_snippets::renderer::DEFAULT_TERM_WIDTH + SLACK;
        if bytes.len() <= 2 * reach
            || bytes.first().is_none_or(u8::is_ascii_whitespace)
            || !bytes.iter().all(|b| (0x20..0x7f).contains(b))
        {
            return crate_render(snippet, source, span, ansi);
        }
        let mut start = span.start.saturating_sub(reach);
        while start > 0 && bytes[start] == b' ' {
            start -= 1;
        }
        let end = (span.end + reach).min(source.len());
        if start == 0 {
            return crate_render(snippet, &source[..end], span, ansi);
        }
        let shifted = span.start - start..span.end - start;
        let rendered = crate_render(snippet, &source[start..end], shifted.clone(), ansi);
        let located = |column: usize| format!("{}:{}:{column}", snippet.path, snippet.line);
        let (cut, whole) = (located(shifted.start + 1), located(span.start + 1));
        if rendered.contains(&cut) {
            rendered.replacen(&cut, &whole, 1)
        } else {
            crate_render(snippet, source, span, ansi)
        }
    }

    fn ours(snippet: &Snippet, ansi: bool) -> String {
        let mut out = String::new();
        snippet.render(ansi, &mut out);
        out
    }

    /// Requires our drawing of `snippet` to be the reference's, plain and styled; returns the
    /// plain one.
    #[track_caller]
    fn same(snippet: &Snippet) -> String {
        for ansi in [false, true] {
            let (ours, theirs) = (ours(snippet, ansi), reference(snippet, ansi));
            assert_eq!(
                ours, theirs,
                "ansi {ansi}, span {:?} of {:?} ({:?})",
                snippet.span, snippet.source, snippet.label
            );
        }
        ours(snippet, false)
    }

    fn snippet<'a>(source: &'a str, span: Range<usize>, label: &'a str) -> Snippet<'a> {
        Snippet {
            severity: Severity::Warning,
            title: Cow::Borrowed("undocumented field"),
            code: "undocumented-field",
            path: Cow::Borrowed("events.ndjson"),
            line: 12,
            column: 7,
            source: Cow::Borrowed(source),
            span,
            label: Cow::Borrowed(label),
        }
    }

    /// Every char-boundary span of `source` from the given starts, with and without a label.
    fn every_span(source: &str, starts: impl IntoIterator<Item = usize>) -> usize {
        let bounds: Vec<usize> = (0..=source.len()).filter(|&i| source.is_char_boundary(i)).collect();
        let mut count = 0;
        for start in starts.into_iter().filter(|s| source.is_char_boundary(*s)) {
            for &end in bounds.iter().filter(|&&e| e >= start) {
                for label in ["", "at /data/x"] {
                    same(&snippet(source, start..end, label));
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn a_short_line_is_drawn_whole() {
        let drawn = same(&snippet(r#"{"type": "x", "extra": 1}"#, 14..21, "at /extra"));
        assert_eq!(
            drawn,
            "warning[undocumented-field]: undocumented field\n   \
             ╭▸ events.ndjson:12:7\n   \
             │\n\
             12 │ {\"type\": \"x\", \"extra\": 1}\n   \
             ╰╴              ━━━━━━━ at /extra"
        );
        let styled = ours(&snippet("{}", 0..2, ""), true);
        assert!(
            styled.starts_with("\x1b[1m\x1b[33mwarning[undocumented-field]\x1b[0m\x1b[1m: "),
            "{styled:?}"
        );
        let mut error = snippet("{}", 0..2, "");
        error.severity = Severity::Error;
        assert!(ours(&error, true).contains("\x1b[1m\x1b[91m━━\x1b[0m"));
        same(&error);
    }

    #[test]
    fn every_span_of_short_lines_is_drawn_as_the_crate_draws_it() {
        let lines = [
            r#"{"a": 1, "b": [true, null], "c": "x"}"#,
            "",
            " ",
            "   \u{3000} {\"indented\": 1}",
            r#"{"name": "Zoë ✓ 日本語 🎉", "n": 1}"#,
            "{\"zwj\": \"👩\u{200d}💻\", \"mark\": \"e\u{301}\", \"rtl\": \"\u{202e}abc\"}",
            r#"{"escaped": "tab\there, esc \u{1b}[31m, nul \u{0}"}"#,
        ];
        let mut count = 0;
        for line in lines {
            count += every_span(line, 0..=line.len());
        }
        assert!(count > 2000, "{count}");
    }

    #[test]
    fn control_characters_and_tabs_are_drawn_as_the_crate_draws_them() {
        // The human output escapes them first; drawn raw, they still match.
        let line = "\t{\"a\":\t\"\u{1}\u{1b}\u{7f}\r\u{b}\", \"b\": \u{2066}1\u{2069}}\t";
        let count = every_span(line, 0..=line.len());
        assert!(count > 500, "{count}");
        let mut titled = snippet(line, 3..9, "at /a\tb\u{1b}");
        titled.title = Cow::Borrowed("tab\there\u{0}, line\nbreak \u{200d}, \u{202e}rtl");
        titled.path = Cow::Borrowed("a\tb.ndjson");
        same(&titled);
    }

    #[test]
    fn long_lines_are_cut_as_the_crate_cuts_them() {
        // A minified event several times wider than the terminal, with blanks after separators.
        let fields: Vec<String> = (0..120).map(|i| format!("\"field_{i}\": {}", i * 7)).collect();
        let minified = format!("{{{}}}", fields.join(", "));
        // The same with wide characters, and with long leading blanks.
        let wide = minified.replace("field", "字段");
        let indented = format!("{}{}", " ".repeat(60), &minified[..400]);
        let tabbed = format!("{}{}", "\t".repeat(9), &minified[..300]);
        for line in [&minified, &wide, &indented, &tabbed] {
            let starts: Vec<usize> = (0..line.len()).step_by(97).chain([line.len()]).collect();
            for &start in &starts {
                for width in [0, 1, 9, 120, 280, 600, line.len()] {
                    let end = line.len().min(start + width);
                    for (s, e) in
                        [(start, end), (start.saturating_sub(1), end), (start, end.saturating_sub(1))]
                    {
                        let s = line.floor_char_boundary(s);
                        let e = line.floor_char_boundary(e).max(s);
                        for label in ["", "at /payload/field", &"at /long".repeat(20)] {
                            same(&snippet(line, s..e, label));
                        }
                    }
                }
            }
        }
        // A span wider than twice the shown width loses its middle.
        let drawn = same(&snippet(&minified, 2..1400, "at /payload"));
        assert!(drawn.lines().nth(3).is_some_and(|l| l.contains('…')), "{drawn}");
    }

    #[test]
    fn a_column_past_the_end_and_big_line_numbers_are_drawn_as_the_crate_draws_them() {
        for line in ["{\"a\": 1}", "", "日本", "abc\u{301}"] {
            for (start, end) in
                [(line.len(), line.len()), (line.len(), line.len() + 1), (line.len() + 1, line.len() + 1)]
            {
                same(&snippet(line, start..end, "at /a"));
                same(&snippet(line, start..end, ""));
            }
        }
        for number in [0, 1, 9, 10, 99_999, 1_234_567_890, usize::MAX] {
            let mut numbered = snippet("{\"a\": 1}", 1..4, "at /a");
            numbered.line = number;
            same(&numbered);
        }
    }

    /// Every finding the human output draws for every file of the samples, the corpus, the test
    /// fixtures and the analysis fuzz corpus, drawn both ways.
    #[test]
    fn every_finding_of_the_samples_corpus_and_fixtures_is_drawn_as_before() {
        let catalog = Catalog::load(true, &[]).expect("the built-in catalog loads");
        let engine = Analyzer::new(&catalog);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut files, mut drawn, mut wide) = (0, 0, 0);
        for dir in ["samples", "tests/corpus", "tests/fixtures", "fuzz/corpus/analyze"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
                let entry = entry.expect("the test files can be listed");
                if !entry.file_type().is_file() {
                    continue;
                }
                files += 1;
                let source = Source::File(entry.path().to_owned());
                // A file that cannot be read as input has no snippet to draw.
                let _ = read_records(&source, ReadOptions::default(), &mut |record| {
                    let analyzed = engine.analyze(record, &Forced::default()).expect("the analysis runs");
                    let result = &analyzed.result;
                    for finding in grouped_for_people(&result.findings_in_order()) {
                        if let Some(snippet) = snippet_of(result, &finding, analyzed.record.source_text()) {
                            same(&snippet);
                            drawn += 1;
                            wide += usize::from(snippet.source.len() > 300);
                        }
                    }
                    Ok(())
                });
            }
        }
        assert!(
            files > 1500 && drawn > 3000 && wide > 30,
            "{files} files, {drawn} snippets, {wide} long lines"
        );
    }
}
