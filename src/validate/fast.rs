//! The fast verdict path: an event walked once along its schema's compiled shape
//! (`catalog::Shape`), collecting the failures the reference validator would report, without
//! building its error objects. Only failures that become drift warnings are settled here; the
//! first one that could be an error, or that needs the validator's own words, sends the event to
//! the reference path (jsonschema), which stays the judge of every invalid event. The
//! differential test in `tests` holds both paths to the same results.

use std::fmt::Write as _;
use std::sync::Arc;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::json::JsonNumber as _;
use jsonschema::json::cmp::equal;
use jsonschema::{JsonType, JsonTypeSet};
use serde_json::Value;

use super::{Failure, declared_warning};
use crate::catalog::{Additional, Check, EXPECTED, Node, NodeId, SchemaStore, Shape};

/// Nested schema applications deeper than this are left to the reference path (a reference that
/// loops without descending into the event would never end).
const MAX_DEPTH: usize = 256;

/// The failures of `event` against `shape`, as the reference validator reports them; `None` when
/// the reference path must decide (an unsupported document, a failure that may be an error or
/// whose message only the validator has).
pub(crate) fn failures<'i>(store: &SchemaStore, shape: &Shape, event: &'i Value) -> Option<Vec<Failure<'i>>> {
    let graph = store.graph.read().unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut walk =
        Walk { nodes: &graph.nodes, path: Vec::new(), failures: Vec::new(), bail: false, depth: 0 };
    walk.node(shape.root, event, true);
    #[cfg(test)]
    tally::count(walk.bail);
    (!walk.bail).then_some(walk.failures)
}

/// How many walks settled their event and how many left it to the reference path, on this
/// thread: the differential test checks that the fast path is the one taken.
#[cfg(test)]
pub(crate) mod tally {
    use std::cell::Cell;

    thread_local! {
        static SETTLED: Cell<usize> = const { Cell::new(0) };
        static LEFT: Cell<usize> = const { Cell::new(0) };
    }

    pub(crate) fn count(left: bool) {
        let cell = if left { &LEFT } else { &SETTLED };
        cell.with(|c| c.set(c.get() + 1));
    }

    /// (settled, left to the reference path) since the thread started.
    pub(crate) fn read() -> (usize, usize) {
        (SETTLED.with(Cell::get), LEFT.with(Cell::get))
    }
}

/// One step of the path from the event's root to the value being checked.
#[derive(Clone, Copy)]
enum Token<'i> {
    Key(&'i str),
    Index(usize),
}

struct Walk<'s, 'i> {
    nodes: &'s [Node],
    path: Vec<Token<'i>>,
    failures: Vec<Failure<'i>>,
    /// Set when the reference path must decide; the walk then stops.
    bail: bool,
    depth: usize,
}

impl<'s, 'i> Walk<'s, 'i> {
    /// Checks `value` against node `id`; returns whether it conforms. With `collect`, every
    /// failure is recorded; without, the walk stops at the first (a validity test, as `if`,
    /// `anyOf`, `oneOf` and `not` ask).
    fn node(&mut self, id: NodeId, value: &'i Value, collect: bool) -> bool {
        if self.bail {
            return false;
        }
        let node = &self.nodes[id];
        if let Some(accepts) = node.boolean {
            if !accepts && collect {
                self.bail = true;
            }
            return accepts;
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.bail = true;
        }
        let mut valid = true;
        for check in &node.checks {
            if self.bail {
                valid = false;
                break;
            }
            if !self.check(node, check, value, collect) {
                valid = false;
                if !collect {
                    break;
                }
            }
        }
        self.depth -= 1;
        valid
    }

    fn check(&mut self, node: &'s Node, check: &'s Check, value: &'i Value, collect: bool) -> bool {
        match check {
            Check::Type { set, single } => {
                if has_type(*set, value) {
                    return true;
                }
                let kind = single.map_or(TypeKind::Multiple(*set), TypeKind::Single);
                self.fail(node, value, collect, ValidationErrorKind::Type { kind })
            }
            Check::Const(expected) => {
                equal(value, expected)
                    || self.fail(
                        node,
                        value,
                        collect,
                        ValidationErrorKind::Constant { expected_value: Arc::clone(expected) },
                    )
            }
            Check::Enum(options) => {
                let listed = options.as_array().is_some_and(|o| o.iter().any(|v| equal(value, v)));
                listed
                    || self.fail(
                        node,
                        value,
                        collect,
                        ValidationErrorKind::Enum { options: Arc::clone(options) },
                    )
            }
            Check::Required(names) => {
                let Some(object) = value.as_object() else { return true };
                let mut valid = true;
                for name in names {
                    if !object.keys().any(|key| same(key, name)) {
                        valid = false;
                        if !collect {
                            break;
                        }
                        let property = Value::String(name.clone());
                        self.fail(node, value, collect, ValidationErrorKind::Required { property });
                    }
                }
                valid
            }
            Check::Pattern { pattern, matcher } => {
                matcher.accepts(value)
                    || self.fail(
                        node,
                        value,
                        collect,
                        ValidationErrorKind::Pattern { pattern: pattern.clone() },
                    )
            }
            Check::Format { format, matcher } => {
                matcher.accepts(value)
                    || self.fail(node, value, collect, ValidationErrorKind::Format { format: format.clone() })
            }
            Check::Leaf { matcher, .. } => matcher.accepts(value) || self.unsettled(collect),
            Check::Object { properties, patterns, additional } => {
                let Some(object) = value.as_object() else { return true };
                let mut valid = true;
                let mut unexpected = Vec::new();
                for (key, member) in object {
                    let mut named = false;
                    if let Some((_, id)) = properties.iter().find(|(name, _)| same(name, key)) {
                        named = true;
                        valid &= self.child(*id, Token::Key(key), member, collect);
                    }
                    for (matcher, id) in patterns {
                        if matcher.matches_key(key) {
                            named = true;
                            valid &= self.child(*id, Token::Key(key), member, collect);
                        }
                    }
                    if !named {
                        match additional {
                            Additional::Any => {}
                            Additional::Forbidden => {
                                valid = false;
                                unexpected.push(key.clone());
                            }
                            Additional::Schema(id) => {
                                valid &= self.child(*id, Token::Key(key), member, collect);
                            }
                        }
                    }
                    if !valid && !collect {
                        return false;
                    }
                }
                if !unexpected.is_empty() {
                    self.fail(node, value, collect, ValidationErrorKind::AdditionalProperties { unexpected });
                }
                valid
            }
            Check::Items(id) => {
                let Some(items) = value.as_array() else { return true };
                let mut valid = true;
                for (i, item) in items.iter().enumerate() {
                    valid &= self.child(*id, Token::Index(i), item, collect);
                    if !valid && !collect {
                        return false;
                    }
                }
                valid
            }
            Check::AllOf(ids) => {
                let mut valid = true;
                for id in ids {
                    valid &= self.node(*id, value, collect);
                    if !valid && !collect {
                        return false;
                    }
                }
                valid
            }
            Check::AnyOf(ids) => ids.iter().any(|id| self.node(*id, value, false)) || self.unsettled(collect),
            Check::OneOf(ids) => {
                let passing = ids.iter().filter(|id| self.node(**id, value, false)).count();
                passing == 1 || self.unsettled(collect)
            }
            Check::Not(id) => {
                if !self.node(*id, value, false) {
                    return true;
                }
                // The reference path words a failing `not` itself, unless the schema declares
                // a message for it.
                let declared = node.info.x_warn.as_ref().and_then(|w| declared_warning(w, "not", value));
                if declared.is_some_and(|d| d.message.is_some()) {
                    let kind =
                        ValidationErrorKind::Custom { keyword: "not".to_owned(), message: String::new() };
                    self.fail(node, value, collect, kind)
                } else {
                    self.unsettled(collect)
                }
            }
            Check::If { condition, then, otherwise } => {
                let branch = if self.node(*condition, value, false) { then } else { otherwise };
                branch.is_none_or(|id| self.node(id, value, collect))
            }
            Check::Ref(id) => self.node(*id, value, collect),
            Check::Unsupported => {
                self.bail = true;
                false
            }
            Check::Expected(names) => {
                let Some(object) = value.as_object() else { return true };
                // One failure per object, as the catalog's keyword reports it; `classify` reads
                // which fields are missing from the object and the node.
                names.iter().all(|n| object.keys().any(|key| same(key, n))) || {
                    let message = "missing documented fields".to_owned();
                    let kind = ValidationErrorKind::Custom { keyword: EXPECTED.to_owned(), message };
                    self.fail(node, value, collect, kind)
                }
            }
        }
    }

    /// Checks a member or item, one step down the path.
    fn child(&mut self, id: NodeId, token: Token<'i>, value: &'i Value, collect: bool) -> bool {
        self.path.push(token);
        let valid = self.node(id, value, collect);
        self.path.pop();
        valid
    }

    /// Records a failure at the current path (when collecting); always `false`, the check's answer.
    fn fail(&mut self, node: &Node, value: &'i Value, collect: bool, kind: ValidationErrorKind) -> bool {
        if collect {
            self.failures.push(Failure {
                pointer: self.pointer(),
                instance: value,
                kind,
                node: Some(Arc::clone(&node.info)),
                display: None,
            });
        }
        false
    }

    /// A failure only the reference path can describe: when collecting, the walk gives up.
    fn unsettled(&mut self, collect: bool) -> bool {
        if collect {
            self.bail = true;
        }
        false
    }

    fn pointer(&self) -> String {
        let mut out = String::new();
        for token in &self.path {
            out.push('/');
            match token {
                Token::Key(key) => crate::json::Pointer::escape(key, &mut out),
                Token::Index(i) => {
                    let _ = write!(out, "{i}");
                }
            }
        }
        out
    }
}

/// Whether two names are equal, settled by length and first byte before the bytes are compared
/// (most names differ there): the walk compares every member of an object with the documented ones.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// Whether a value has one of the types of `set` (an integral number counts as an integer).
fn has_type(set: JsonTypeSet, value: &Value) -> bool {
    match value {
        Value::Null => set.contains(JsonType::Null),
        Value::Bool(_) => set.contains(JsonType::Boolean),
        Value::Number(n) => {
            set.contains(JsonType::Number) || (set.contains(JsonType::Integer) && n.is_integer())
        }
        Value::String(_) => set.contains(JsonType::String),
        Value::Array(_) => set.contains(JsonType::Array),
        Value::Object(_) => set.contains(JsonType::Object),
    }
}
