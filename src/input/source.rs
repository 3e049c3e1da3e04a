//! Where records come from: PATHS expanded into files (directory walks that honour `.gitignore`,
//! `.ignore` and hidden files) or standard input, and the error for a path that cannot be read.

use std::io;
use std::path::{Path, PathBuf};

use super::InputMode;
use crate::model::InputError;

/// File name endings searched for when a directory is given (also with `.gz`).
const EXTENSIONS: &[&str] = &["json", "jsonl", "ndjson", "log", "http", "har"];

/// Where records come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub(crate) fn name(&self) -> String {
        match self {
            Self::Stdin => "<stdin>".to_owned(),
            Self::File(p) => p.display().to_string(),
        }
    }

    /// The mode the file name asks for (`x.ndjson.gz` counts as `.ndjson`).
    pub(super) fn mode_by_name(&self) -> Option<InputMode> {
        let Self::File(path) = self else { return None };
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "ndjson" | "jsonl" => Some(InputMode::Ndjson),
            "log" => Some(InputMode::Log),
            "http" => Some(InputMode::Http),
            "har" => Some(InputMode::Har),
            _ => None,
        }
    }
}

impl InputError {
    pub(super) fn io(path: &str, err: &io::Error) -> Self {
        let message = match err.kind() {
            io::ErrorKind::NotFound => "no such file or directory".to_owned(),
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            io::ErrorKind::IsADirectory => "is a directory".to_owned(),
            io::ErrorKind::InvalidData => format!("cannot be decompressed: {err}"),
            _ => err.to_string(),
        };
        Self { path: path.to_owned(), message }
    }
}

/// How directories are walked: which ignore rules apply and what else to leave out.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Skip nothing: `.gitignore`, `.ignore` and the like are not read.
    pub no_ignore: bool,
    /// Walk hidden files and folders too.
    pub hidden: bool,
    /// Gitignore-style globs to leave out, relative to each directory given.
    pub exclude: Vec<String>,
    /// A directory with no event files is fine (otherwise it is an error).
    pub allow_empty: bool,
}

/// An `--exclude` glob that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("bad --exclude glob {glob:?}: {message}")]
pub(crate) struct BadGlob {
    pub glob: String,
    pub message: String,
}

/// Expands PATHS into sources: directories are searched recursively (sorted, so runs are
/// repeatable) for the known file endings, honouring `.gitignore`, `.ignore` and hidden files as
/// ripgrep and fd do; `-` is standard input. Files named explicitly are always read.
pub(crate) fn expand(
    paths: &[PathBuf],
    walk: &WalkOptions,
) -> Result<(Vec<Source>, Vec<InputError>), BadGlob> {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => errors.push(InputError::io(&path.display().to_string(), &e)),
            Ok(meta) if meta.is_dir() => {
                let before = sources.len();
                walk_dir(path, walk, &mut sources, &mut errors)?;
                if sources.len() == before && !walk.allow_empty {
                    errors
                        .push(InputError { path: path.display().to_string(), message: no_event_files(walk) });
                }
            }
            Ok(_) => sources.push(Source::File(path.clone())),
        }
    }
    Ok((sources, errors))
}

fn no_event_files(walk: &WalkOptions) -> String {
    let endings = EXTENSIONS.iter().map(|e| format!("*.{e}")).collect::<Vec<_>>().join(", ");
    let skipped = match (walk.no_ignore, walk.hidden) {
        (false, false) => " outside ignored and hidden paths (--no-ignore, --hidden)",
        (false, true) => " outside ignored paths (--no-ignore)",
        (true, false) => " outside hidden paths (--hidden)",
        (true, true) => "",
    };
    let excluded = if walk.exclude.is_empty() {
        String::new()
    } else {
        let globs: Vec<String> = walk.exclude.iter().map(|g| format!("--exclude {g:?}")).collect();
        let verb = if globs.len() == 1 { "leaves" } else { "leave" };
        let joint = if skipped.is_empty() { " outside" } else { " and" };
        format!("{joint} what {} {verb} out (is the glob too broad?)", globs.join(" "))
    };
    format!(
        "no event files ({endings}, also .gz){skipped}{excluded}; a check of nothing would pass, so this \
         is an error (--allow-empty accepts it)"
    )
}

/// Adds the event files under `dir` to `sources`, in file-name order.
fn walk_dir(
    dir: &Path,
    walk: &WalkOptions,
    sources: &mut Vec<Source>,
    errors: &mut Vec<InputError>,
) -> Result<(), BadGlob> {
    let mut overrides = ignore::overrides::OverrideBuilder::new(dir);
    for glob in &walk.exclude {
        overrides
            .add(&format!("!{glob}"))
            .map_err(|e| BadGlob { glob: glob.clone(), message: ignore_message(&e) })?;
    }
    let overrides = overrides
        .build()
        .map_err(|e| BadGlob { glob: walk.exclude.join(" "), message: ignore_message(&e) })?;
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(!walk.no_ignore)
        // A folder named on the command line is walked even when its parents' ignore rules or
        // its name (`.fixtures`) leave it out; then only its own rules apply inside it.
        .parents(walk.no_ignore || !ignored_by_ancestors(dir, walk))
        .hidden(!walk.hidden)
        // `.gitignore` applies outside a git work tree too (a fixtures folder copied out of one
        // must be read the same way).
        .require_git(false)
        .follow_links(true)
        .overrides(overrides)
        .build();
    let (mut files, mut failed) = (Vec::new(), Vec::new());
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && has_known_extension(e.path()) => {
                files.push(e.into_path());
            }
            Ok(_) => {}
            Err(e) => failed.push(walk_error(dir, &e)),
        }
    }
    // Sorted once at the end, by path components: the order of a walk that visits each folder's
    // entries by name, without comparing names through the walker for every folder.
    files.sort_by_cached_key(|p| walk_order(p));
    failed.sort_by_cached_key(|e| walk_order(Path::new(&e.path)));
    sources.extend(files.into_iter().map(Source::File));
    errors.extend(failed);
    Ok(())
}

/// The key that orders paths as a depth-first walk with each folder's entries sorted by name.
fn walk_order(path: &Path) -> Vec<std::ffi::OsString> {
    path.components().map(|c| c.as_os_str().to_owned()).collect()
}

/// Whether a walk of `dir`'s parent would leave `dir` out (ignored or hidden).
fn ignored_by_ancestors(dir: &Path, walk: &WalkOptions) -> bool {
    let Some(name) = dir.file_name().map(std::ffi::OsStr::to_os_string) else {
        return false;
    };
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut listing = ignore::WalkBuilder::new(parent);
    listing.hidden(!walk.hidden).require_git(false).max_depth(Some(1));
    let seen = listing
        .filter_entry(move |e| e.depth() == 0 || e.file_name() == name)
        .build()
        .filter_map(Result::ok)
        .any(|e| e.depth() == 1);
    !seen
}

/// A walk error as one path and one sentence.
fn walk_error(dir: &Path, err: &ignore::Error) -> InputError {
    let mut at = dir.display().to_string();
    let mut err = err;
    loop {
        match err {
            ignore::Error::WithPath { path, err: inner } => {
                at = path.display().to_string();
                err = inner;
            }
            ignore::Error::WithDepth { err: inner, .. }
            | ignore::Error::WithLineNumber { err: inner, .. } => {
                err = inner;
            }
            ignore::Error::Loop { child, .. } => {
                return InputError {
                    path: child.display().to_string(),
                    message: "symbolic link loop".to_owned(),
                };
            }
            ignore::Error::Io(io) => return InputError::io(&at, io),
            other => return InputError { path: at, message: ignore_message(other) },
        }
    }
}

fn ignore_message(err: &ignore::Error) -> String {
    match err {
        ignore::Error::Glob { err, .. } => err.clone(),
        other => other.to_string(),
    }
}

fn has_known_extension(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.').is_some_and(|(_, ext)| EXTENSIONS.contains(&ext))
}
