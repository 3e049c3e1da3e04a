//! HMAC-SHA256, the primitive all three schemes share, and its constant-time check.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

fn keyed(key: &[u8], message: &[u8]) -> HmacSha256 {
    // HMAC hashes long keys and pads short ones, so no key length is an error.
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(message);
    mac
}

/// The 32-byte tag, for `sign` (verification never compares tags by hand).
pub(super) fn tag(key: &[u8], message: &[u8]) -> Vec<u8> {
    keyed(key, message).finalize().into_bytes().to_vec()
}

/// Whether any of the delivered tags is the HMAC of `message`, each compared in constant time by
/// `verify_slice` so a forger learns nothing from how long a rejection takes.
pub(super) fn matches_any(key: &[u8], message: &[u8], tags: &[Vec<u8>]) -> bool {
    tags.iter().any(|tag| keyed(key, message).verify_slice(tag).is_ok())
}
