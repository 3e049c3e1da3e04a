//! The one way real output leaves hookscope: a buffered stdout with a style per token kind, and
//! the `hookscope: error: ...` diagnostics on stderr.

use std::io::{self, BufWriter, IsTerminal, Write};

use owo_colors::Style;

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, `NO_COLOR` is unset or empty and `TERM` is not `dumb`.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
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

/// Buffered stdout (or any writer, for tests) with its styles.
pub struct Output {
    out: Box<dyn Write>,
    pub(crate) styles: Styles,
}

impl Output {
    pub fn stdout(color: ColorChoice) -> Self {
        let stdout = io::stdout();
        let styles = Styles::new(color.enabled(stdout.is_terminal()));
        Self { out: Box::new(BufWriter::with_capacity(64 * 1024, stdout)), styles }
    }

    pub fn new(out: Box<dyn Write>, styles_on: bool) -> Self {
        Self { out, styles: Styles::new(styles_on) }
    }

    /// Machine formats are never coloured.
    pub(crate) fn plain(&mut self) {
        self.styles = Styles::plain();
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Diagnostics on stderr, which decides its colour for itself.
pub struct Diagnostics {
    styles: Styles,
}

impl Diagnostics {
    pub fn new(color: ColorChoice) -> Self {
        Self { styles: Styles::new(color.enabled(io::stderr().is_terminal())) }
    }

    pub fn error(&self, message: &dyn std::fmt::Display) {
        // A failing stderr leaves nowhere to report to.
        let _ = writeln!(io::stderr().lock(), "hookscope: {} {message}", self.styles.error.style("error:"));
    }

    pub fn note(&self, message: &dyn std::fmt::Display) {
        let _ = writeln!(io::stderr().lock(), "hookscope: {message}");
    }

    pub fn warning(&self, message: &dyn std::fmt::Display) {
        let _ =
            writeln!(io::stderr().lock(), "hookscope: {} {message}", self.styles.warning.style("warning:"));
    }
}

/// A table for people: `bordered` gives a grid with a header rule, otherwise a framed list of
/// rows. Off a terminal the width is fixed, so output does not depend on where it is piped.
pub(crate) fn table(bordered: bool) -> comfy_table::Table {
    use comfy_table::{ContentArrangement, presets};
    let mut table = comfy_table::Table::new();
    let style = if bordered { presets::UTF8_FULL_CONDENSED } else { presets::UTF8_BORDERS_ONLY };
    table.load_style(style).set_content_arrangement(ContentArrangement::Dynamic);
    if !io::stdout().is_terminal() {
        table.set_width(120);
    }
    table
}

/// A progress line on stderr for long runs, only when stderr is a terminal. It appears after a
/// second, updates a few times a second, and is erased at the end.
pub struct Progress {
    enabled: bool,
    start: std::time::Instant,
    last: std::time::Instant,
    shown: bool,
}

impl Progress {
    const DELAY: std::time::Duration = std::time::Duration::from_secs(1);
    const EVERY: std::time::Duration = std::time::Duration::from_millis(250);

    pub fn new() -> Self {
        let now = std::time::Instant::now();
        Self { enabled: io::stderr().is_terminal(), start: now, last: now, shown: false }
    }

    /// Called once per event; cheap when nothing is due.
    pub fn tick(&mut self, events: usize, sources: usize) {
        if !self.enabled || !events.is_multiple_of(256) {
            return;
        }
        let now = std::time::Instant::now();
        if now - self.start < Self::DELAY || now - self.last < Self::EVERY {
            return;
        }
        self.last = now;
        self.shown = true;
        let _ = write!(io::stderr().lock(), "\r\x1b[Khookscope: {}", progress_text(events, sources));
    }

    pub fn finish(&mut self) {
        if self.shown {
            let _ = write!(io::stderr().lock(), "\r\x1b[K");
            self.shown = false;
        }
    }
}

fn progress_text(events: usize, sources: usize) -> String {
    let plural = if sources == 1 { "" } else { "s" };
    format!("{events} events read from {sources} source{plural}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_text_counts() {
        assert_eq!(progress_text(1024, 1), "1024 events read from 1 source…");
        assert_eq!(progress_text(5, 3), "5 events read from 3 sources…");
    }

    #[test]
    fn plain_styles_add_no_escape_codes() {
        let styles = Styles::plain();
        assert_eq!(styles.error.style("x").to_string(), "x");
        assert_ne!(Styles::colored().error.style("x").to_string(), "x");
    }
}
