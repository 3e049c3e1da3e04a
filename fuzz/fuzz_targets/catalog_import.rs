//! Fuzzes `catalog import`: an OpenAPI description (JSON or YAML) parsed, its webhooks found,
//! their schemas converted (recursive ones included) and samples generated, written to a
//! temporary folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    hookscope::fuzzing::catalog_import(data);
});
