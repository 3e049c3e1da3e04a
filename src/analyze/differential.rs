//! The differential test of the two verdict paths: every record of the samples, the corpus, the
//! test fixtures and the fuzz corpus, and 40,000 events made by mutating the samples, analysed
//! along the fast path and along the reference path (jsonschema alone), must give the same result
//! to the byte: status, type, version, codes, pointers, messages and positions.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::analyze::Analyzer;
use crate::catalog::Catalog;
use crate::detect::Forced;
use crate::input::{ReadOptions, Record, Source, read_records};
use crate::validate::VerdictPath;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn records_of(path: &Path) -> Vec<Record> {
    let mut records = Vec::new();
    let _ = read_records(&Source::File(path.to_owned()), ReadOptions::default(), &mut |record| {
        records.push(record);
        Ok(())
    });
    records
}

/// Both paths' results for one record, serialised as every report format reads them.
fn both(fast: &Analyzer<'_>, reference: &Analyzer<'_>, record: Record) -> (String, String) {
    let forced = Forced::default();
    let a = fast.analyze(record.clone(), &forced).expect("the built-in catalog compiles");
    let b = reference.analyze(record, &forced).expect("the built-in catalog compiles");
    (
        serde_json::to_string(&a.result).expect("results serialise"),
        serde_json::to_string(&b.result).expect("results serialise"),
    )
}

fn compare(catalog: &Catalog, records: impl IntoIterator<Item = Record>) -> usize {
    let fast = Analyzer::new(catalog).verdict_path(VerdictPath::Fast);
    let reference = Analyzer::new(catalog).verdict_path(VerdictPath::Reference);
    let mut count = 0;
    for record in records {
        let what = format!("{}:{}", record.source, record.line);
        let text = String::from_utf8_lossy(record.text()).into_owned();
        let (a, b) = both(&fast, &reference, record);
        assert_eq!(a, b, "the fast and the reference path differ on {what}:\n{text}");
        count += 1;
    }
    count
}

#[test]
fn both_paths_agree_on_every_file_of_the_repository() {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let mut files = Vec::new();
    for dir in ["samples", "tests/corpus", "tests/fixtures", "fuzz/corpus/analyze", "docs"] {
        files_under(&root().join(dir), &mut files);
    }
    let records: Vec<Record> = files.iter().flat_map(|f| records_of(f)).collect();
    let count = compare(&catalog, records);
    assert!(count > 2_000, "only {count} records were compared");
    let (settled, left) = crate::validate::tally::read();
    assert!(settled > 20 * left, "the fast path settled {settled} walks and left {left}");
}

/// A small deterministic generator (xorshift), so the mutations are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

/// Values that stress every check: wrong types, numeric strings, near-miss and foreign enum
/// values, dates and ids that are not, empty containers.
fn replacement(rng: &mut Rng, old: &Value) -> Value {
    let spelled = match old {
        Value::Number(n) => Value::String(n.to_string()),
        Value::Bool(b) => Value::String(b.to_string()),
        Value::String(s) if !s.is_empty() => Value::String(format!("{s}x")),
        _ => Value::Null,
    };
    let choices = [
        spelled,
        Value::Null,
        Value::from(7),
        Value::from(2.5),
        Value::from("12s"),
        Value::from("2026-13-45T99:00:00Z"),
        Value::from("not-a-uuid"),
        Value::from(true),
        Value::Array(vec![Value::from(1)]),
        Value::Object(Map::new()),
        Value::from(""),
        Value::from("file_event"),
    ];
    choices[rng.below(choices.len())].clone()
}

/// Every object and array of a value, as pointers.
fn containers(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            out.push(at.to_owned());
            for (k, v) in map {
                containers(v, &crate::json::Pointer::join(at, k), out);
            }
        }
        Value::Array(items) => {
            out.push(at.to_owned());
            for (i, v) in items.iter().enumerate() {
                containers(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// One to three mutations of an event: a member removed, renamed (a near miss or a stranger),
/// retyped, or added.
fn mutate(rng: &mut Rng, mut event: Value) -> Value {
    for _ in 0..=rng.below(3) {
        let mut places = Vec::new();
        containers(&event, "", &mut places);
        if places.is_empty() {
            break;
        }
        let at = places[rng.below(places.len())].clone();
        let Some(target) = event.pointer_mut(&at) else { continue };
        match target {
            Value::Object(map) if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                let key = keys[rng.below(keys.len())].clone();
                match rng.below(4) {
                    0 => {
                        map.remove(&key);
                    }
                    1 => {
                        let value = map.remove(&key).unwrap_or(Value::Null);
                        let renamed =
                            if rng.below(2) == 0 { key.to_uppercase() } else { format!("{key}_extra") };
                        map.insert(renamed, value);
                    }
                    2 => {
                        let old = map[&key].clone();
                        map.insert(key, replacement(rng, &old));
                    }
                    _ => {
                        map.insert(format!("field{}", rng.below(5)), replacement(rng, &Value::Null));
                    }
                }
            }
            Value::Array(items) if !items.is_empty() => {
                let i = rng.below(items.len());
                let old = items[i].clone();
                items[i] = replacement(rng, &old);
            }
            other => *other = replacement(rng, other),
        }
    }
    event
}

#[test]
fn both_paths_agree_on_forty_thousand_mutated_events() {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let mut files = Vec::new();
    files_under(&root().join("samples"), &mut files);
    let events: Vec<Value> = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "json"))
        .filter_map(|f| serde_json::from_slice(&std::fs::read(f).ok()?).ok())
        .collect();
    assert!(events.len() > 50, "samples found: {}", events.len());
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let source: std::sync::Arc<str> = std::sync::Arc::from("mutated");
    let records = (0..40_000).map(|i| {
        let event = mutate(&mut rng, events[i % events.len()].clone());
        let text = serde_json::to_vec(&event).expect("values serialise");
        Record::new(std::sync::Arc::clone(&source), i + 1, 1, text)
    });
    assert_eq!(compare(&catalog, records), 40_000);
    let (settled, left) = crate::validate::tally::read();
    assert!(settled > 10 * left, "the fast path settled {settled} walks and left {left}");
}
