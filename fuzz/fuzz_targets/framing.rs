//! Fuzzes input framing: the first byte picks the `--input` mode (auto, json, ndjson, log, http,
//! har), the rest is the file's content.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, content)) = data.split_first() else { return };
    hookscope::fuzzing::framing(content, mode);
});
