//! Entry points for the fuzz targets in `fuzz/` (not a stable API): each takes arbitrary bytes
//! and runs one front end of hookscope on them, exactly as a command would.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::analyze::Analyzer;
use crate::catalog::Catalog;
use crate::detect::Forced;
use crate::input::{InputMode, ReadOptions, Record, Source, read_records};

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::load(true, &[]).expect("the built-in catalog loads"))
}

/// A temporary path of its own for each call, so calls on several threads (the test suite) never
/// read each other's files.
fn scratch_path(what: &str) -> PathBuf {
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("hookscope-fuzz-{what}-{}-{n}", std::process::id()))
}

/// Frames `data` in every input mode (through a temporary file, as a user's file would be read)
/// and returns how many records came out.
pub fn framing(data: &[u8], mode: u8) -> usize {
    let modes = [
        InputMode::Auto,
        InputMode::Json,
        InputMode::Ndjson,
        InputMode::Log,
        InputMode::Http,
        InputMode::Har,
    ];
    let mode = modes[usize::from(mode) % modes.len()];
    let path = scratch_path("framing");
    if std::fs::write(&path, data).is_err() {
        return 0;
    }
    let mut count = 0;
    let options = ReadOptions { mode, max_event_bytes: 1 << 20, skip_binary: false };
    let _ = read_records(&Source::File(path.clone()), options, &mut |record| {
        let _ = record.text();
        count += 1;
        Ok(())
    });
    let _ = std::fs::remove_file(path);
    count
}

/// Imports `data` as an OpenAPI description (JSON or YAML), as `catalog import` does, into a
/// temporary folder; returns how many event types were imported.
pub fn catalog_import(data: &[u8]) -> usize {
    let Ok(text) = std::str::from_utf8(data) else { return 0 };
    let Ok(spec) = crate::authoring::import::Spec::parse(text) else { return 0 };
    let out = scratch_path("import");
    let imported = crate::authoring::import::import(&spec, "fuzz.yaml", &out, Some("fuzz"), true);
    let _ = std::fs::remove_dir_all(&out);
    imported.map_or(0, |i| i.types.len())
}

/// Looks up positions of pointers and duplicate keys in `data` (well-formed or not).
pub fn locator(data: &[u8], pointer: &str) -> usize {
    let found = crate::json::locate_all(data, &[pointer, "", "/a", "/0"]);
    let duplicates = crate::json::duplicate_keys(data);
    let positions = crate::json::Positions::new(data);
    for (offset, _) in found.values() {
        let _ = positions.at(*offset);
    }
    found.len() + duplicates.len()
}

/// Parses, detects and validates one record, as `validate` does.
pub fn analyze(data: &[u8]) -> bool {
    let engine = Analyzer::new(catalog());
    let record = Record::new("fuzz".into(), 1, 1, data.to_vec());
    engine.analyze(record, &Forced::default()).is_ok_and(|a| a.result.errors.is_empty())
}

/// Diffs two JSON documents (when both parse), with the patch too.
pub fn diff(a: &[u8], b: &[u8]) -> usize {
    let (Ok(a), Ok(b)) = (serde_json::from_slice(a), serde_json::from_slice(b)) else { return 0 };
    let options = crate::diff::DiffOptions::default();
    let result = crate::diff::diff(&a, &b, &options);
    let _ = crate::diff::to_patch(&a, &b, &options);
    result.changes.len()
}

/// Parses a project file.
pub fn project_file(text: &str) -> bool {
    crate::project::Project::parse_for_fuzzing(text)
}
