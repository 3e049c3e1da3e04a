//! The parsing limit for `benches/run.sh`: reads NDJSON line by line and parses every line into a
//! `serde_json::Value` with its keys in order (what hookscope keeps of each event), and nothing else.

use std::io::{BufRead, BufReader, Write};

fn main() {
    let path = std::env::args().nth(1).expect("usage: parse_only FILE");
    let file = std::fs::File::open(&path).expect("readable file");
    let mut reader = BufReader::with_capacity(256 * 1024, file);
    let mut line = Vec::new();
    let (mut ok, mut bad) = (0u64, 0u64);
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).expect("read") == 0 {
            break;
        }
        match serde_json::from_slice::<serde_json::Value>(&line) {
            Ok(_) => ok += 1,
            Err(_) => bad += 1,
        }
    }
    // Printed so the work cannot be optimised away.
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{ok} parsed, {bad} not JSON").expect("stdout");
}
