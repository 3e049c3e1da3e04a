//! hookscope's integration tests: the real binary, run as users run it. Machine output is parsed
//! and compared as values.

mod bounded;
mod catalog;
mod catalog_tools;
mod ci;
mod commands;
mod diff;
mod escaping;
mod fidelity;
mod first_trial;
mod fuzz_regressions;
mod hostile_specs;
mod input;
mod layers;
mod live;
mod new_user;
mod parallel;
mod pipes;
mod readme;
mod robustness;
mod signatures;
mod user_catalog;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The binary with a clean colour environment, run from the repository root.
pub fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("hookscope").expect("binary is built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE").env_remove("TERM").current_dir(root());
    cmd
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `validate --format json` over `args` and returns the exit code and the report.
pub fn validate_json(args: &[&str]) -> (i32, Value) {
    let out = cmd().arg("validate").arg("--format").arg("json").args(args).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), report)
}

pub fn results(report: &Value) -> &Vec<Value> {
    report["results"].as_array().expect("results array")
}

/// A scratch file with `content` under the target directory (removed with `cargo clean`).
pub fn scratch(name: &str, content: &[u8]) -> PathBuf {
    let dir = root().join("target").join("test-scratch");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// A fresh, empty scratch folder.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = root().join("target").join("test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}
