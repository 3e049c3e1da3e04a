//! Parsing one framed record into a `serde_json::Value`, noticing duplicate keys on the way.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::locate::{Pointer, Position, Positions};

/// A parsed record.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub value: Value,
    /// True when some object repeats a key (the last one wins in `value`, as in most parsers).
    pub has_duplicate_keys: bool,
}

/// Why a record is not JSON, and where (relative to the record's own text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub position: Position,
    /// Byte offset of the error in the record's text.
    pub offset: usize,
    pub message: String,
}

pub(crate) fn parse(text: &[u8]) -> Result<Parsed, ParseError> {
    match parse_exact(text) {
        // JSON has no range limit on numbers: `1e400` is a number, beyond what an f64 holds. The
        // value gets the largest f64 of its sign; the text (what is printed and quoted) keeps the
        // spelling that was sent.
        Err(e) if e.is_syntax() => match clamp_huge_numbers(text) {
            Some(clamped) => parse_exact(&clamped).map_err(|_| describe(text, &e)),
            None => Err(describe(text, &e)),
        },
        other => other.map_err(|e| describe(text, &e)),
    }
}

fn parse_exact(text: &[u8]) -> Result<Parsed, serde_json::Error> {
    let duplicates = Cell::new(false);
    let value = with_deserializer(text, ValueSeed(&duplicates))?;
    Ok(Parsed { value, has_duplicate_keys: duplicates.get() })
}

/// Runs `seed` over the whole of `text`. Text that is UTF-8 throughout (nearly all of it) is
/// checked once, up front, rather than string by string as the parser goes; other text is
/// parsed as bytes, so the error names the place of the bad byte.
fn with_deserializer<'de, S: DeserializeSeed<'de>>(
    text: &'de [u8],
    seed: S,
) -> Result<S::Value, serde_json::Error> {
    fn whole<'de, R: serde_json::de::Read<'de>, S: DeserializeSeed<'de>>(
        mut de: serde_json::Deserializer<R>,
        seed: S,
    ) -> Result<S::Value, serde_json::Error> {
        let value = seed.deserialize(&mut de)?;
        de.end()?;
        Ok(value)
    }
    match std::str::from_utf8(text) {
        Ok(text) => whole(serde_json::Deserializer::from_str(text), seed),
        Err(_) => whole(serde_json::Deserializer::from_slice(text), seed),
    }
}

/// `text` with every number too large for an f64 replaced by the largest f64 of its sign; `None`
/// when it holds none.
fn clamp_huge_numbers(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    let mut lexer = super::Lexer::new(text, 0);
    let mut copied = 0;
    while let Some((token, start, end)) = lexer.next_token() {
        let huge = token == super::Token::Scalar
            && std::str::from_utf8(&text[start..end])
                .ok()
                .and_then(|s| s.parse::<f64>().ok())
                .is_some_and(f64::is_infinite);
        if huge {
            out.extend_from_slice(&text[copied..start]);
            let max = if text[start] == b'-' { "-1.7976931348623157e308" } else { "1.7976931348623157e308" };
            out.extend_from_slice(max.as_bytes());
            copied = end;
        }
    }
    if copied == 0 {
        return None;
    }
    out.extend_from_slice(&text[copied..]);
    Some(out)
}

fn describe(text: &[u8], err: &serde_json::Error) -> ParseError {
    let full = err.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    };
    // serde_json counts columns in bytes; report characters like everything else.
    let positions = Positions::new(text);
    let line = err.line().max(1);
    let line_start = text.split_inclusive(|b| *b == b'\n').take(line - 1).map(<[u8]>::len).sum::<usize>();
    let mut offset = (line_start + err.column().saturating_sub(1)).min(text.len());
    let mut message = match err.classify() {
        serde_json::error::Category::Eof => format!("truncated JSON: {message}"),
        _ if message == "unexpected end of hex escape" || message.starts_with("lone leading surrogate") => {
            "lone UTF-16 surrogate in a \\u escape (they must come in pairs)".to_owned()
        }
        _ if message == "expected value" => {
            "not JSON: expected a value (an object, array, string, number, true, false or null)".to_owned()
        }
        _ if message == "expected ident" => "not JSON: expected true, false or null".to_owned(),
        _ if message == "trailing characters" => "trailing characters after the JSON value".to_owned(),
        _ if message == "recursion limit exceeded" => {
            "nested deeper than 128 levels (hookscope's limit for one event)".to_owned()
        }
        _ => message,
    };
    // Name the byte when it is one no JSON text may hold there.
    if let Err(utf8) = std::str::from_utf8(text)
        && utf8.valid_up_to() <= offset
    {
        offset = utf8.valid_up_to();
        message =
            format!("invalid UTF-8: byte 0x{:02x} does not start or continue a character", text[offset]);
    } else if let Some(&b) = text.get(offset).filter(|b| b.is_ascii_control() && !b.is_ascii_whitespace()) {
        let name = if b == 0 { " (NUL)".to_owned() } else { String::new() };
        message = format!("{message}: found the control byte 0x{b:02x}{name}");
    }
    ParseError { position: positions.at(offset), offset, message }
}

/// The parts of a document that detection reads: object keys and array indices along the
/// pointers of markers, type fields and version fields. Everything else is skipped while parsing,
/// so commands that only detect do not build the whole tree.
#[derive(Debug, Default)]
pub(crate) struct Keep {
    /// The whole value is kept (a marker compares it with a constant, or it is read whole).
    whole: bool,
    children: HashMap<String, Keep>,
}

impl Keep {
    /// Keeps the values along `pointer` (RFC 6901): the containers on the way with only the
    /// members the pointer names, and at its end the scalar, or the container's kind, or with
    /// `whole` all of it.
    pub(crate) fn add(&mut self, pointer: &str, whole: bool) {
        let mut node = self;
        for key in Pointer::from(pointer).tokens() {
            node = node.children.entry(key.to_owned()).or_default();
        }
        node.whole |= whole;
    }
}

/// `text` parsed into a `Value` that holds only what `keep` names (skipped array items are
/// `null`, so indices stay where they were). Looking a kept pointer up in it gives what it gives
/// in the full value. `None` when the text is not accepted as it stands; [`parse`] then says why.
pub(crate) fn parse_pruned(text: &[u8], keep: &Keep) -> Option<Value> {
    with_deserializer(text, Pruned(keep)).ok()
}

/// Parses a value and keeps what a [`Keep`] node names.
struct Pruned<'k>(&'k Keep);

/// The scalar half of a visitor that builds a `Value`: the same for the full and the pruned parse.
macro_rules! scalar_values {
    () => {
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }

        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(Value::Number(v.into()))
        }

        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(Value::Number(v.into()))
        }

        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
        }

        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }

        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }

        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
    };
}

impl<'de> DeserializeSeed<'de> for Pruned<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        if self.0.whole {
            let duplicates = Cell::new(false);
            return ValueSeed(&duplicates).deserialize(deserializer);
        }
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Pruned<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    scalar_values!();

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        if self.0.children.is_empty() {
            while seq.next_element_seed(Skip)?.is_some() {}
            return Ok(Value::Array(items));
        }
        loop {
            let kept = self.0.children.get(&items.len().to_string());
            let item = match kept {
                Some(child) => seq.next_element_seed(Pruned(child))?,
                None => seq.next_element_seed(Skip)?.map(|()| Value::Null),
            };
            let Some(item) = item else { break };
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key_seed(Key)? {
            match self.0.children.get(key.as_ref()) {
                Some(child) => {
                    let value = map.next_value_seed(Pruned(child))?;
                    object.insert(key.into_owned(), value);
                }
                None => map.next_value_seed(Skip)?,
            }
        }
        Ok(Value::Object(object))
    }
}

/// An object key, borrowed from the text when it holds no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
}

/// Checks a value as the full parse would (strings, numbers, nesting depth) and keeps nothing.
struct Skip;

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Skip)?.is_some() {
            map.next_value_seed(Skip)?;
        }
        Ok(())
    }
}

struct ValueSeed<'a>(&'a Cell<bool>);

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    scalar_values!();

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(ValueSeed(self.0))? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(ValueSeed(self.0))?;
            if object.insert(key, value).is_some() {
                self.0.set(true);
            }
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pruned_parses_keep_what_the_pointers_read() {
        let mut keep = Keep::default();
        keep.add("/type", false);
        keep.add("/payload", false);
        keep.add("/data/1/kind", false);
        keep.add("/a~1b", false);
        keep.add("/meta", true);
        let text = br#"{"type": "x.y", "payload": {"big": [1, 2, {"deep": "s"}]}, "data": [{"kind": 1}, {"kind": "k", "n": 2}],
            "a/b": "\u00e9", "meta": {"v": [1, {"w": null}]}, "other": {"q": "\ud83d\ude00", "r": 1e300}}"#;
        let pruned = parse_pruned(text, &keep).unwrap();
        let full = parse(text).unwrap().value;
        for pointer in ["/type", "/data/1/kind", "/a~1b", "/meta", "/meta/v/1/w"] {
            assert_eq!(
                super::super::lookup(&pruned, pointer),
                super::super::lookup(&full, pointer),
                "{pointer}"
            );
        }
        assert_eq!(pruned["payload"], serde_json::json!({}), "a container's kind, not its members");
        assert!(pruned.get("other").is_none());
        // What the full parse does not accept as it stands is not accepted here either: a bad byte,
        // a lone surrogate, too deep a nesting or a number beyond f64 in a skipped part.
        for bad in [
            &b"{\"other\": \"\xff\"}"[..],
            br#"{"other": "\ud800"}"#,
            br#"{"other": 1e400}"#,
            br#"{"type": "a"} x"#,
        ] {
            assert!(parse_pruned(bad, &keep).is_none(), "{}", String::from_utf8_lossy(bad));
        }
        let deep = format!("{{\"other\": {}{}}}", "[".repeat(200), "]".repeat(200));
        assert!(parse_pruned(deep.as_bytes(), &keep).is_none());
        assert!(parse(deep.as_bytes()).is_err());
    }

    #[test]
    fn parses_and_flags_duplicates() {
        let parsed = parse(br#"{"a": 1, "a": 2}"#).unwrap();
        assert!(parsed.has_duplicate_keys);
        assert_eq!(parsed.value["a"], 2);
        assert!(!parse(br#"{"a": {"a": 1}}"#).unwrap().has_duplicate_keys);
    }

    /// `describe` rewords these `serde_json` messages, and its error type gives no finer kind than
    /// syntax or end of input: an upgrade that changes the wording must fail here, not change
    /// hookscope's messages silently.
    #[test]
    fn serde_json_wording_that_describe_matches_is_pinned() {
        let cases: &[(&[u8], &str)] = &[
            (b"x", "expected value at line 1 column 1"),
            (b"tru ", "expected ident at line 1 column 4"),
            (b"{} x", "trailing characters at line 1 column 4"),
            (br#""\ud800""#, "unexpected end of hex escape at line 1 column 8"),
            (br#""\ud800\u0041""#, "lone leading surrogate in hex escape at line 1 column 13"),
        ];
        for (text, wording) in cases {
            let err = serde_json::from_slice::<serde_json::Value>(text).unwrap_err();
            assert_eq!(err.to_string(), *wording, "{}", String::from_utf8_lossy(text));
        }
        let deep = "[".repeat(200);
        let err = serde_json::from_str::<serde_json::Value>(&deep).unwrap_err();
        assert!(err.to_string().starts_with("recursion limit exceeded"), "{err}");
    }

    #[test]
    fn errors_carry_positions_in_characters() {
        let err = parse("{\n  \"é\": tru }".as_bytes()).unwrap_err();
        assert_eq!(err.position, Position { line: 2, column: 11 });
        assert_eq!(err.message, "not JSON: expected true, false or null");
    }

    #[test]
    fn bad_bytes_are_named() {
        let err = parse(b"{\"a\": \"\xff\"}").unwrap_err();
        assert_eq!(
            (err.offset, err.message.as_str()),
            (7, "invalid UTF-8: byte 0xff does not start or continue a character")
        );
        let err = parse(b"{\"a\": 1}\x00").unwrap_err();
        assert_eq!(err.offset, 8);
        assert!(err.message.ends_with("found the control byte 0x00 (NUL)"), "{}", err.message);
    }

    #[test]
    fn deep_nesting_is_named_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = parse(deep.as_bytes()).unwrap_err();
        assert!(err.message.starts_with("nested deeper than 128 levels"), "{}", err.message);
    }

    #[test]
    fn truncation_is_named() {
        let err = parse(br#"{"a": [1"#).unwrap_err();
        assert!(err.message.starts_with("truncated JSON"), "{}", err.message);
    }

    #[test]
    fn numbers_beyond_f64_are_numbers() {
        let parsed = parse(br#"{"a": 1e400, "b": [-2E+999], "c": "1e400"}"#).unwrap();
        assert_eq!(parsed.value["a"].as_f64(), Some(f64::MAX));
        assert_eq!(parsed.value["b"][0].as_f64(), Some(f64::MIN));
        assert_eq!(parsed.value["c"], "1e400");
        assert!(parse(b"[1e400, x]").is_err(), "other errors stay errors");
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        assert_eq!(parse(b"{} x").unwrap_err().message, "trailing characters after the JSON value");
    }
}
