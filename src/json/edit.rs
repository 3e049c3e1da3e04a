//! Editing JSON text in place: one value replaced (or one member added) with every other byte
//! kept, so key order, number spelling and escapes stay as they were.

use serde_json::Value;

use super::lexer::{Frame, frame_value};
use super::locate::{Pointer, locate_all};

/// Why a value cannot be set.
#[derive(Debug, thiserror::Error)]
pub(crate) enum EditError {
    #[error("the event has nothing at {0}")]
    NoParent(String),
    #[error("the event is not complete JSON")]
    Incomplete,
    #[error("there is no such member, and its parent is not an object")]
    NotAnObject,
    #[error(transparent)]
    Encode(#[from] serde_json::Error),
}

/// The body with the value at `pointer` replaced (or added to its object), every other byte
/// kept: key order, number spelling and escapes stay as sent.
pub(crate) fn set_field(body: &[u8], pointer: &str, value: &Value) -> Result<Vec<u8>, EditError> {
    let new = serde_json::to_vec(value)?;
    let splice = |start: usize, end: usize, with: &[u8]| {
        let mut out = Vec::with_capacity(body.len() + with.len());
        out.extend_from_slice(&body[..start]);
        out.extend_from_slice(with);
        out.extend_from_slice(&body[end..]);
        out
    };
    if let Some((offset, _)) = locate_all(body, &[pointer]).get(pointer)
        && let Frame::Complete { start, end } = frame_value(body, *offset)
    {
        return Ok(splice(start, end, &new));
    }
    let parsed = Pointer::from(pointer);
    let parent = parsed.parent().unwrap_or("");
    let key = parsed.last().unwrap_or(pointer).to_owned();
    let parent_at = if parent.is_empty() {
        body.iter().position(|b| !b.is_ascii_whitespace())
    } else {
        locate_all(body, &[parent]).get(parent).map(|(offset, _)| *offset)
    };
    let Some(parent_at) = parent_at else {
        return Err(EditError::NoParent(if parent.is_empty() { "/" } else { parent }.to_owned()));
    };
    let Frame::Complete { start, end } = frame_value(body, parent_at) else {
        return Err(EditError::Incomplete);
    };
    if body[start] != b'{' {
        return Err(EditError::NotAnObject);
    }
    let close = end - 1;
    let empty = body[start + 1..close].iter().all(u8::is_ascii_whitespace);
    let mut member = Vec::new();
    if !empty {
        member.push(b',');
    }
    member.extend(serde_json::to_vec(&Value::String(key))?);
    member.push(b':');
    member.extend(new);
    Ok(splice(close, close, &member))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_keep_every_other_byte() {
        let body = br#"{"b": 1, "a": {"x": 12345678901234567890, "s": "\u00e9"}}"#;
        let set = |p: &str, v: Value| String::from_utf8(set_field(body, p, &v).unwrap()).unwrap();
        assert_eq!(set("/b", Value::from(2)), r#"{"b": 2, "a": {"x": 12345678901234567890, "s": "\u00e9"}}"#);
        assert_eq!(
            set("/a/new", Value::from("v")),
            r#"{"b": 1, "a": {"x": 12345678901234567890, "s": "\u00e9","new":"v"}}"#
        );
        assert_eq!(
            String::from_utf8(set_field(b"{ }", "/k", &Value::Null).unwrap()).unwrap(),
            r#"{ "k":null}"#
        );
        assert!(set_field(body, "/nope/x", &Value::Null).is_err());
        assert!(set_field(br#"{"b": [1]}"#, "/b/x", &Value::Null).is_err());
    }
}
