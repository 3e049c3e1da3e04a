//! Fuzzes the project-file parser (`hookscope.toml`: TOML, fixture entries, their globs); inputs
//! that are not UTF-8 are skipped, as the file is read as text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    hookscope::fuzzing::project_file(text);
});
