//! The semantic diff of two events (work in progress).
