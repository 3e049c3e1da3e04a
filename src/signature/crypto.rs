//! The primitives, and all the Rust the schemes need: HMAC-SHA256 with its constant-time check,
//! and Ed25519 signing and strict verification.

use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
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
pub(super) fn hmac(key: &[u8], message: &[u8]) -> Vec<u8> {
    keyed(key, message).finalize().into_bytes().to_vec()
}

/// Whether `tag` is the HMAC of `message`, compared in constant time by `verify_slice` so a
/// forger learns nothing from how long a rejection takes.
pub(super) fn hmac_matches(key: &[u8], message: &[u8], tag: &[u8]) -> bool {
    keyed(key, message).verify_slice(tag).is_ok()
}

pub(super) fn ed25519_public(seed: &[u8; 32]) -> [u8; 32] {
    SigningKey::from_bytes(seed).verifying_key().to_bytes()
}

pub(super) fn ed25519_sign(seed: &[u8; 32], message: &[u8]) -> Vec<u8> {
    SigningKey::from_bytes(seed).sign(message).to_bytes().to_vec()
}

/// Strict verification: rejects the malleable and small-order forms a lax check would accept.
pub(super) fn ed25519_matches(public: &[u8; 32], message: &[u8], signature: &[u8]) -> bool {
    let Ok(key) = VerifyingKey::from_bytes(public) else {
        return false;
    };
    Signature::from_slice(signature).is_ok_and(|sig| key.verify_strict(message, &sig).is_ok())
}
