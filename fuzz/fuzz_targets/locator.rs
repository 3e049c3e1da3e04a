//! Fuzzes the position locator (JSON Pointer -> line/column, duplicate keys): the input up to the
//! first newline is a pointer, the rest is the document (well-formed or not).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (pointer, document) = match memchr(b'\n', data) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&b""[..], data),
    };
    let pointer = String::from_utf8_lossy(pointer);
    hookscope::fuzzing::locator(document, &pointer);
});

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}
