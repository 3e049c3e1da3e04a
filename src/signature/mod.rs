//! Webhook signatures (work in progress).
