//! JSON as text: one lexer shared by framing, position lookup, duplicate-key detection and the
//! faithful pretty-printer and the byte-preserving field editor, plus the parse into a
//! `serde_json::Value`.

mod edit;
mod lexer;
mod locate;
mod parse;
mod pretty;

pub(crate) use edit::set_field;
pub(crate) use lexer::{Frame, Lexer, Token, frame_value};
pub(crate) use locate::{Pointer, Position, Positions, duplicate_keys, locate_all, lookup};
pub(crate) use parse::{Keep, parse, parse_pruned};
pub(crate) use pretty::{PrettyOptions, pretty_print, sort_keys};

/// An RFC 6901 JSON Pointer: empty (the whole record) or `/`-separated keys.
pub(crate) fn pointer_syntax(text: &str) -> Result<String, String> {
    if text.is_empty() || text.starts_with('/') {
        Ok(text.to_owned())
    } else {
        Err(format!("expected a JSON Pointer starting with `/` (did you mean `/{text}`?)"))
    }
}
