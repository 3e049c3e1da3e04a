//! The one way real output leaves hookscope: a buffered stdout with a style per token kind, and
//! the `hookscope: error: ...` diagnostics on stderr.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::{Mutex, PoisonError};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use owo_colors::Style;

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`.
    #[default]
    Auto,
    Always,
    Never,
}

impl crate::named::Named for ColorChoice {
    const ALL: &'static [Self] = &[Self::Auto, Self::Always, Self::Never];
    const NAMES: &'static [&'static str] = &["auto", "always", "never"];
}

impl ColorChoice {
    /// The choices `--color` offers.
    pub const OFFER: crate::named::Offer<Self> = &[
        (
            Self::Auto,
            "Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`",
        ),
        (Self::Always, ""),
        (Self::Never, ""),
    ];

    /// Decides once whether a stream gets colour.
    pub(crate) fn enabled(self, is_terminal: bool) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                is_terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }
}

/// One style per kind of token. With colour off every style is plain, so printing code never
/// asks whether colour is on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Styles {
    pub key: Style,
    pub string: Style,
    pub number: Style,
    pub literal: Style,
    pub punct: Style,
    pub error: Style,
    pub warning: Style,
    pub ok: Style,
    pub dim: Style,
    pub strong: Style,
    pub pointer: Style,
    /// For renderers from other crates, which take a yes/no instead of styles.
    pub ansi: bool,
}

impl Styles {
    pub(crate) fn plain() -> Self {
        let p = Style::new();
        Self {
            key: p,
            string: p,
            number: p,
            literal: p,
            punct: p,
            error: p,
            warning: p,
            ok: p,
            dim: p,
            strong: p,
            pointer: p,
            ansi: false,
        }
    }

    pub(crate) fn colored() -> Self {
        Self {
            key: Style::new().blue().bold(),
            string: Style::new().green(),
            number: Style::new().cyan(),
            literal: Style::new().magenta(),
            punct: Style::new(),
            error: Style::new().red().bold(),
            warning: Style::new().yellow().bold(),
            ok: Style::new().green().bold(),
            dim: Style::new().dimmed(),
            strong: Style::new().bold(),
            pointer: Style::new().cyan(),
            ansi: true,
        }
    }

    pub(crate) fn new(color: bool) -> Self {
        if color { Self::colored() } else { Self::plain() }
    }
}

/// The progress bar while one is shown (it draws on stderr, which may be the terminal stdout
/// writes to): every write to the terminal happens with the bar suspended, so the two never
/// share a line.
static BAR: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Runs `write` with the progress bar (if any) taken off the screen, then puts it back.
fn suspended<R>(write: impl FnOnce() -> R) -> R {
    let bar = BAR.lock().unwrap_or_else(PoisonError::into_inner).clone();
    match bar {
        Some(bar) => bar.suspend(write),
        None => write(),
    }
}

/// Buffered stdout (or any writer, for tests) with its styles.
pub struct Output {
    out: Box<dyn Write>,
    pub(crate) styles: Styles,
    /// stdout is a terminal, where the progress line is too: it is erased before each write.
    shares_terminal: bool,
}

impl Output {
    pub fn stdout(color: ColorChoice) -> Self {
        let stdout = io::stdout();
        let terminal = stdout.is_terminal();
        let styles = Styles::new(color.enabled(terminal));
        // On a terminal, stdout's own line buffering keeps every finished line on screen before
        // the progress line is drawn again; elsewhere a large buffer is faster.
        let out: Box<dyn Write> =
            if terminal { Box::new(stdout) } else { Box::new(BufWriter::with_capacity(64 * 1024, stdout)) };
        Self { out, styles, shares_terminal: terminal }
    }

    #[cfg(test)]
    pub(crate) fn new(out: Box<dyn Write>, styles_on: bool) -> Self {
        Self { out, styles: Styles::new(styles_on), shares_terminal: false }
    }

    /// Machine formats are never coloured.
    pub(crate) fn plain(&mut self) {
        self.styles = Styles::plain();
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.shares_terminal {
            let out = &mut self.out;
            // Flushed inside, so nothing of it is left to appear under the redrawn bar.
            return suspended(|| out.write(buf).and_then(|n| out.flush().map(|()| n)));
        }
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        if self.shares_terminal {
            let out = &mut self.out;
            return suspended(|| out.write_all(buf).and_then(|()| out.flush()));
        }
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Diagnostics on stderr, which decides its colour for itself.
#[derive(Clone)]
pub struct Diagnostics {
    styles: Styles,
}

impl Diagnostics {
    pub fn new(color: ColorChoice) -> Self {
        Self { styles: Styles::new(color.enabled(io::stderr().is_terminal())) }
    }

    // Messages may quote paths and payload text, so they are escaped like every human format;
    // only the line breaks of hookscope's own multi-line hints are kept.
    pub fn error(&self, message: &dyn std::fmt::Display) {
        let message = diagnostic_text(message);
        // A failing stderr leaves nowhere to report to.
        let _ = writeln!(io::stderr().lock(), "hookscope: {} {}", self.styles.error.style("error:"), message);
    }

    pub fn note(&self, message: &dyn std::fmt::Display) {
        let message = diagnostic_text(message);
        let _ = writeln!(io::stderr().lock(), "hookscope: {message}");
    }

    pub fn warning(&self, message: &dyn std::fmt::Display) {
        let message = diagnostic_text(message);
        let _ =
            writeln!(io::stderr().lock(), "hookscope: {} {}", self.styles.warning.style("warning:"), message);
    }
}

/// A text of at most `max` characters: a longer one keeps `max - 1` and ends with `…`. The one
/// truncation every message and renderer uses for values that come from outside.
pub(crate) fn shorten(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if text.chars().nth(max).is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let cut = text.char_indices().nth(max.saturating_sub(1)).map_or(text.len(), |(i, _)| i);
    std::borrow::Cow::Owned(format!("{}…", &text[..cut]))
}

/// Text that came from a payload (values, keys, pointers, file names), made safe for a terminal:
/// every control character (C0, DEL, C1) becomes a visible escape (`\n`, `\r`, `\t`, `\u{1b}`),
/// so a payload can neither drive the terminal nor break one finding over two lines. The one
/// place this is decided; every human renderer calls it.
pub(crate) fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(escape_with(text, push_escaped))
}

/// `text` with each character pushed by `push` (itself, or an escape of it, or nothing).
pub(crate) fn escape_with(text: &str, push: impl Fn(&mut String, char)) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push(&mut out, c);
    }
    out
}

/// Pushes `c`, or its visible escape when it is a control character.
pub(crate) fn push_escaped(out: &mut String, c: char) {
    use std::fmt::Write as _;
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if is_escaped(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// Whether a character is shown escaped to a terminal: control characters, and the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what a
/// terminal shows (Trojan Source), escaped as rustc does.
pub(crate) fn is_escaped(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// U+202A–U+202E and U+2066–U+2069.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Adds a row of cells to a table for people, each escaped as payload text.
pub(crate) fn add_row<S: AsRef<str>>(table: &mut comfy_table::Table, cells: impl IntoIterator<Item = S>) {
    table.add_row(cells.into_iter().map(|c| escape_controls(c.as_ref()).into_owned()).collect::<Vec<_>>());
}

/// A diagnostic's text with control characters escaped, line breaks kept.
fn diagnostic_text(message: &dyn std::fmt::Display) -> String {
    message.to_string().split('\n').map(escape_controls).collect::<Vec<_>>().join("\n")
}

/// A table for people: `bordered` gives a grid with a header rule, otherwise a framed list of
/// rows. Off a terminal the width is fixed, so output does not depend on where it is piped.
pub(crate) fn table(bordered: bool) -> comfy_table::Table {
    use comfy_table::{ContentArrangement, presets};
    let mut table = comfy_table::Table::new();
    let style = if bordered { presets::UTF8_FULL_CONDENSED } else { presets::UTF8_BORDERS_ONLY };
    table.load_style(style).set_content_arrangement(ContentArrangement::Dynamic);
    let width = table_width(io::stdout().is_terminal(), table.width());
    table.set_width(width);
    table
}

/// Off a terminal a fixed 120 columns; on one its width, or 80 when it reports none or a
/// useless one (0 columns, as some terminals and CI pseudo-terminals do).
fn table_width(is_terminal: bool, reported: Option<u16>) -> u16 {
    match (is_terminal, reported) {
        (false, _) => 120,
        (true, Some(width)) if width >= 20 => width,
        (true, _) => 80,
    }
}

/// A progress line on stderr for long runs (indicatif), only when stderr is a terminal. It
/// appears after a second, redraws a few times a second, and is cleared at the end.
pub(crate) struct Progress {
    enabled: bool,
    start: std::time::Instant,
}

impl Progress {
    const DELAY: std::time::Duration = std::time::Duration::from_secs(1);

    pub(crate) fn new() -> Self {
        Self { enabled: io::stderr().is_terminal(), start: std::time::Instant::now() }
    }

    /// Called once per event; cheap when nothing is due. `bytes` is how far the run is through
    /// input of known size (read, total), when every source has one.
    pub(crate) fn tick(&mut self, events: usize, sources: usize, bytes: Option<(u64, u64)>) {
        if !self.enabled || !events.is_multiple_of(256) || self.start.elapsed() < Self::DELAY {
            return;
        }
        let mut slot = BAR.lock().unwrap_or_else(PoisonError::into_inner);
        let bar = slot.get_or_insert_with(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
            bar.set_style(
                ProgressStyle::with_template("hookscope: {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        });
        bar.set_message(progress_text(events, sources, bytes, self.start.elapsed()));
    }

    pub(crate) fn finish(&mut self) {
        if !self.enabled {
            return;
        }
        if let Some(bar) = BAR.lock().unwrap_or_else(PoisonError::into_inner).take() {
            bar.finish_and_clear();
        }
    }
}

fn progress_text(
    events: usize,
    sources: usize,
    bytes: Option<(u64, u64)>,
    elapsed: std::time::Duration,
) -> String {
    let plural = if sources == 1 { "" } else { "s" };
    let counts = format!("{events} events read from {sources} source{plural}");
    let Some((read, total)) = bytes.filter(|(read, total)| *total > 0 && read <= total) else {
        return format!("{counts}…");
    };
    #[allow(clippy::cast_precision_loss)]
    let done = read as f64 / total as f64;
    let left = if done > 0.0 {
        let seconds = elapsed.as_secs_f64() * (1.0 - done) / done;
        format!(", about {} left", seconds_for_people(seconds))
    } else {
        String::new()
    };
    format!(
        "{} of {} ({:.0} %){left}; {counts}…",
        indicatif::HumanBytes(read),
        indicatif::HumanBytes(total),
        (done * 100.0).floor()
    )
}

/// `8 s`, `3 min 20 s`, `1 h 5 min`.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn seconds_for_people(seconds: f64) -> String {
    let s = seconds.round().max(0.0) as u64;
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min {} s", s / 60, s % 60),
        _ => format!("{} h {} min", s / 3600, s % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_text_counts() {
        let second = std::time::Duration::from_secs(1);
        assert_eq!(progress_text(1024, 1, None, second), "1024 events read from 1 source…");
        assert_eq!(progress_text(5, 3, None, second), "5 events read from 3 sources…");
    }

    #[test]
    fn progress_on_input_of_known_size_shows_bytes_percent_and_time_left() {
        let elapsed = std::time::Duration::from_secs(10);
        assert_eq!(
            progress_text(4096, 1, Some((25 << 20, 100 << 20)), elapsed),
            "25.00 MiB of 100.00 MiB (25 %), about 30 s left; 4096 events read from 1 source…"
        );
        assert_eq!(
            progress_text(9, 2, Some((1 << 20, 1000 << 20)), elapsed),
            "1.00 MiB of 1000.00 MiB (0 %), about 2 h 46 min left; 9 events read from 2 sources…"
        );
        assert_eq!(seconds_for_people(200.0), "3 min 20 s");
    }

    #[test]
    fn tables_fall_back_to_80_columns() {
        assert_eq!(table_width(true, Some(0)), 80);
        assert_eq!(table_width(true, None), 80);
        assert_eq!(table_width(true, Some(200)), 200);
        assert_eq!(table_width(false, Some(0)), 120);
    }

    #[test]
    fn terminal_output_is_written_whole_around_the_progress_bar() {
        struct Shared(std::sync::Arc<Mutex<Vec<u8>>>);
        impl Write for Shared {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let sink = std::sync::Arc::new(Mutex::new(Vec::new()));
        let mut out = Output { shares_terminal: true, ..Output::new(Box::new(Shared(sink.clone())), false) };
        *BAR.lock().unwrap() = Some(ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()));
        out.write_all(b"finding 1\n").unwrap();
        writeln!(out, "finding {}", 2).unwrap();
        Progress { enabled: true, start: std::time::Instant::now() }.finish();
        assert!(BAR.lock().unwrap().is_none(), "finishing takes the bar down");
        assert_eq!(sink.lock().unwrap().as_slice(), b"finding 1\nfinding 2\n");
    }

    #[test]
    fn control_characters_are_escaped_visibly() {
        assert_eq!(escape_controls("plain"), "plain");
        assert_eq!(
            escape_controls("\u{1b}[2J\u{1b}]0;pwned\u{7}\r\nweird\tfield\u{7f}\u{9b}"),
            "\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\r\\nweird\\tfield\\u{7f}\\u{9b}"
        );
        assert_eq!(escape_controls("é → ✓"), "é → ✓");
    }

    #[test]
    fn plain_styles_add_no_escape_codes() {
        let styles = Styles::plain();
        assert_eq!(styles.error.style("x").to_string(), "x");
        assert_ne!(Styles::colored().error.style("x").to_string(), "x");
    }
}
