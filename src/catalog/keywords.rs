//! The catalog's own JSON Schema keywords, compiled into every validator it builds: `x-expected`
//! lists documented fields a delivery may lack.

use jsonschema::ValidationError;
use serde_json::Value;

/// The custom keyword that lists documented fields a delivery may lack: each missing one is the
/// `missing-expected-field` warning (`required` is for the fields whose absence is an error).
pub(crate) const EXPECTED: &str = "x-expected";

/// The `x-expected` keyword, compiled: the field names to look for.
struct Expected(Vec<String>);

impl<'i> jsonschema::Keyword<'i> for Expected {
    fn validate(&self, instance: &'i Value) -> Result<(), ValidationError<'i>> {
        self.iter_errors(instance).next().map_or(Ok(()), Err)
    }

    fn is_valid(&self, instance: &'i Value) -> bool {
        instance.as_object().is_none_or(|o| self.0.iter().all(|f| o.contains_key(f)))
    }

    /// One error per object, however many fields it lacks (the validator copies the whole object
    /// into each error of a custom keyword); `validate` reads which from the object and the
    /// schema node's `x-expected` ([`super::KeywordNode::expected`]).
    fn iter_errors(&self, instance: &'i Value) -> Box<dyn Iterator<Item = ValidationError<'i>> + 'i> {
        let Some(object) = instance.as_object() else { return Box::new(std::iter::empty()) };
        if self.0.iter().all(|f| object.contains_key(f)) {
            return Box::new(std::iter::empty());
        }
        Box::new(std::iter::once(ValidationError::custom("missing documented fields")))
    }
}

/// Compiles `x-expected` (an array of field names) for the validator.
pub(super) fn expected_keyword<'a>(
    _parent: &'a serde_json::Map<String, Value>,
    value: &'a Value,
    _location: jsonschema::paths::Location,
) -> Result<Box<dyn for<'i> jsonschema::Keyword<'i>>, ValidationError<'a>> {
    let names = value
        .as_array()
        .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_owned)).collect::<Option<Vec<String>>>())
        .ok_or_else(|| ValidationError::schema(format!("{EXPECTED} must be an array of field names")))?;
    Ok(Box::new(Expected(names)))
}
