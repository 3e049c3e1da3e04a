//! The direction of dependence between the crate's top-level modules, read from the `crate::`
//! paths of `src/` (in `use` lines and in code; test modules left out): no cycle, and at most
//! one path from a module to one in a higher layer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, highest first. A module may use any module of a lower layer, or of its own layer
/// as long as no cycle forms; a new top-level module must be placed here.
///
/// - the fuzzing entry points, then the commands, which wire everything together;
/// - what commands run on: the clap declarations, the live server, the analysis pipeline and
///   the catalog authoring library;
/// - the resolved settings, then the project file;
/// - the analysis of one event (`analyze` over `validate` over `detect`) and the catalog it reads;
/// - signatures, policy, the reporters and the diff core;
/// - secrets and input framing; then JSON text and the result model that everything above
///   produces and reads;
/// - the writer and the near-miss rule; named values and exit codes at the bottom.
const LAYERS: &[&[&str]] = &[
    &["fuzzing"],
    &["commands"],
    &["cli", "live", "pipeline", "authoring"],
    &["config"],
    &["project"],
    &["analyze"],
    &["validate"],
    &["detect"],
    &["catalog"],
    &["signature", "policy", "report", "diff"],
    &["secret", "input"],
    &["json", "model"],
    &["output", "near"],
    &["named", "exit"],
];

/// How many paths may run from a lower layer up to a higher one.
const MAX_UPWARD: usize = 1;

/// The top-level modules each file of `src/` names through `crate::`, by file.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            let is_root = rel == "lib.rs" || rel == "main.rs";
            let is_rust = path.extension().is_some_and(|e| e == "rs");
            if !is_rust || is_root || rel.ends_with("/tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            found.insert(rel, named_modules(&text));
        }
    }
    found
}

/// The first segment of every `crate::` path outside comments and the test module.
fn named_modules(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]\nmod ").next().unwrap_or_default();
    let code: String =
        code.lines().map(|l| l.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n");
    let mut names = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a::b, c}`: the first segment of each item at the group's own depth.
            let (mut depth, mut item_start) = (1, true);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 1 => item_start = true,
                    c if item_start && depth == 1 && (c.is_alphanumeric() || c == '_') => {
                        names.insert(ident(&group[i..]));
                        item_start = false;
                    }
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
            }
        } else {
            names.insert(ident(rest));
        }
    }
    names
}

fn ident(text: &str) -> String {
    text.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

fn top(file: &str) -> &str {
    let first = file.split('/').next().unwrap_or_default();
    first.strip_suffix(".rs").unwrap_or(first)
}

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| l.contains(&module))
        .unwrap_or_else(|| panic!("src/{module}: place the module in a layer of tests/cli/layers.rs"))
}

#[test]
fn every_module_has_a_layer() {
    let modules: BTreeSet<&str> = LAYERS.iter().flat_map(|l| l.iter().copied()).collect();
    assert_eq!(modules.len(), LAYERS.iter().map(|l| l.len()).sum::<usize>(), "a module is listed twice");
    let files = imports();
    for file in files.keys() {
        layer(top(file));
    }
    for module in modules {
        assert!(files.keys().any(|f| top(f) == module), "{module} is listed but not in src/");
    }
}

#[test]
fn imports_run_down_the_layers() {
    let mut upward = Vec::new();
    for (file, names) in imports() {
        let from = top(&file);
        for name in names.iter().filter(|n| n.as_str() != from) {
            if layer(name) < layer(from) {
                upward.push(format!("{file} -> {name}"));
            }
        }
    }
    assert!(upward.len() <= MAX_UPWARD, "imports back up a layer: {upward:#?}");
}

/// Depth-first search; a module met again while still on the path closes a cycle.
fn visit<'a>(
    module: &'a str,
    edges: &'a BTreeMap<String, BTreeSet<String>>,
    path: &mut Vec<&'a str>,
    done: &mut BTreeSet<&'a str>,
) {
    if let Some(at) = path.iter().position(|m| *m == module) {
        panic!("import cycle: {} -> {module}", path[at..].join(" -> "));
    }
    if !done.insert(module) {
        return;
    }
    path.push(module);
    for next in edges.get(module).into_iter().flatten() {
        visit(next, edges, path, done);
    }
    path.pop();
}

#[test]
fn no_cycle_between_top_level_modules() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, names) in imports() {
        let from = top(&file).to_owned();
        let to: Vec<String> = names.into_iter().filter(|n| *n != from).collect();
        edges.entry(from).or_default().extend(to);
    }
    let mut done = BTreeSet::new();
    for module in edges.keys() {
        visit(module, &edges, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_reader_finds_paths_in_groups_and_code_but_not_in_comments_or_tests() {
    let text = "use crate::a::B;\nuse crate::{b::C, c, d::{e, f}};\n// crate::g\nlet x = crate::h::i();\n\
                pub(crate) fn j() {}\n#[cfg(test)]\nmod tests { use crate::k; }\n";
    let names: Vec<String> = named_modules(text).into_iter().collect();
    assert_eq!(names, ["a", "b", "c", "d", "h"]);
}
