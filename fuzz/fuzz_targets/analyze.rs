//! Fuzzes detection and validation of one record (parse, detect provider/type/version, validate
//! against the schema, locate findings), as `validate` does for each event.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    hookscope::fuzzing::analyze(data);
});
