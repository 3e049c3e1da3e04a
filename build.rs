//! Embeds the built-in catalog (`catalog/`) and the bundled samples (`samples/`) into the binary.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mut out = String::new();
    for dir in ["catalog", "samples"] {
        println!("cargo:rerun-if-changed={dir}");
        let mut files = Vec::new();
        collect(&root.join(dir), &mut files);
        files.sort();
        writeln!(out, "pub(crate) static {}: &[(&str, &str)] = &[", dir.to_uppercase()).unwrap();
        for file in files {
            let rel = file.strip_prefix(root.join(dir)).unwrap();
            let rel = rel.to_str().expect("catalog paths are UTF-8").replace('\\', "/");
            println!("cargo:rerun-if-changed={}", file.display());
            writeln!(out, "    ({rel:?}, include_str!({:?})),", file.display().to_string()).unwrap();
        }
        out.push_str("];\n");
    }
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("builtin.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
}
