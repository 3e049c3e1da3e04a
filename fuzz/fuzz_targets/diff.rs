//! Fuzzes the diff core and the JSON Patch writer: the input is split in two documents at the
//! first NUL byte (or in the middle when there is none), which are diffed when both parse.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => data.split_at(data.len() / 2),
    };
    hookscope::fuzzing::diff(a, b);
});
