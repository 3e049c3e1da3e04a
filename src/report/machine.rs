//! Machine reports: one streamed JSON document (`{"results": [...], "summary": {...}}`) or one
//! JSON object per line. Never coloured, never mixed with diagnostics.

use std::io::{self, Write};

use serde::Serialize;

/// Writes a JSON report as results arrive, so memory stays flat on long streams.
pub(crate) struct JsonReport {
    started: bool,
    count: usize,
}

impl JsonReport {
    pub(crate) fn new() -> Self {
        Self { started: false, count: 0 }
    }

    pub(crate) fn result(&mut self, out: &mut dyn Write, result: &impl Serialize) -> io::Result<()> {
        self.rendered(out, &serde_json::to_vec(result)?)
    }

    /// Adds a result already serialised (on an analysis thread) as one line of JSON.
    pub(crate) fn rendered(&mut self, out: &mut dyn Write, json: &[u8]) -> io::Result<()> {
        if !self.started {
            out.write_all(b"{\"results\": [\n")?;
            self.started = true;
        }
        if self.count > 0 {
            out.write_all(b",\n")?;
        }
        self.count += 1;
        out.write_all(b"  ")?;
        out.write_all(json)
    }

    pub(crate) fn finish(self, out: &mut dyn Write, summary: &impl Serialize) -> io::Result<()> {
        if self.started {
            out.write_all(b"\n],\n")?;
        } else {
            out.write_all(b"{\"results\": [],\n")?;
        }
        out.write_all(b"\"summary\": ")?;
        serde_json::to_writer(&mut *out, summary)?;
        out.write_all(b"}\n")
    }
}

pub(crate) fn write_ndjson_result(out: &mut dyn Write, result: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, result)?;
    out.write_all(b"\n")
}
