//! `.http` captures of live deliveries: the request line, the headers as received (names in
//! lower case, as HTTP/1.1 servers normalise them) and the exact body bytes, framed by
//! `Content-Length` so `validate`, `verify`, `diff` and `send` read back the very same record.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::server::Received;

/// The capture of one delivery. A chunked body is stored de-chunked, with its length: the
/// transfer coding belongs to the hop, the bytes to the delivery.
pub(crate) fn capture(received: &Received) -> Vec<u8> {
    let mut out = Vec::with_capacity(received.body.len() + 512);
    out.extend_from_slice(received.method.as_bytes());
    out.push(b' ');
    out.extend_from_slice(received.target.as_bytes());
    out.extend_from_slice(b" HTTP/1.1\r\n");
    for (name, value) in &received.headers {
        if name.eq_ignore_ascii_case("content-length") || name.eq_ignore_ascii_case("transfer-encoding") {
            continue;
        }
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("content-length: {}\r\n\r\n", received.body.len()).as_bytes());
    out.extend_from_slice(&received.body);
    out.extend_from_slice(b"\r\n");
    out
}

/// Writes captures into one folder, named by the run's start time and the delivery's number,
/// so a folder sorts in arrival order and a second run never overwrites the first.
pub(crate) struct Saver {
    dir: PathBuf,
    run: String,
}

impl Saver {
    /// The folder, created if missing and checked for writing now, so a folder that cannot
    /// take captures stops `listen` before it answers anything.
    pub(crate) fn new(dir: &Path) -> Result<Self, String> {
        if std::fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
            return Err("a file is there, not a folder".to_owned());
        }
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create the folder: {e}"))?;
        let probe = dir.join(format!(".hookscope-write-check-{}", std::process::id()));
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)
            .and_then(|mut file| file.write_all(b"hookscope"))
            .map_err(|e| format!("cannot write in the folder: {e}"))?;
        let _ = std::fs::remove_file(&probe);
        let run = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
        Ok(Self { dir: dir.to_owned(), run })
    }

    /// Writes the capture of delivery `seq` and returns its path.
    pub(crate) fn write(&self, seq: u64, capture: &[u8]) -> io::Result<PathBuf> {
        let mut attempt = 0u32;
        loop {
            let name = if attempt == 0 {
                format!("{}-{seq:06}.http", self.run)
            } else {
                format!("{}-{seq:06}-{attempt}.http", self.run)
            };
            let path = self.dir.join(name);
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    file.write_all(capture)?;
                    return Ok(path);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_keep_the_body_and_frame_it_by_length() {
        let received = Received {
            peer: "127.0.0.1:1".parse().unwrap(),
            method: "POST".into(),
            target: "/hooks?x=1".into(),
            headers: vec![
                ("content-type".into(), b"application/json".to_vec()),
                ("transfer-encoding".into(), b"chunked".to_vec()),
            ],
            body: hyper::body::Bytes::from_static(b" {\"a\":1}\n"),
            at: std::time::SystemTime::UNIX_EPOCH,
        };
        assert_eq!(
            capture(&received),
            b"POST /hooks?x=1 HTTP/1.1\r\ncontent-type: application/json\r\ncontent-length: 9\r\n\r\n {\"a\":1}\n\r\n"
        );
    }
}
