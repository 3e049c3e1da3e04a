//! The built-in catalog and samples, embedded at build time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
