//! The pure semantic diff of two JSON values: what changed, at which pointer, and how many
//! differences the ignore and volatile rules suppressed.
//!
//! The walks recurse once per nesting level; events are at most 128 levels deep (`serde_json`'s
//! recursion limit when parsing), so the stack is never at risk.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use serde_json::{Map, Number, Value};

use super::pattern::PointerPattern;
use crate::json::Pointer;

/// What to compare, resolved from the command line and the provider description.
#[derive(Debug, Clone)]
pub(crate) struct DiffOptions {
    /// Array elements that are objects carrying this key are matched by identity, so an
    /// insertion is one `added` rather than a cascade of changes.
    pub array_key: String,
    /// Matching paths are not compared; their differences are counted in `Diff::ignored`.
    pub ignore: Vec<PointerPattern>,
    /// When non-empty, only matching paths (and everything below them) are compared.
    pub only: Vec<PointerPattern>,
    /// The provider's volatile fields: skipped unless `include_volatile`, and counted.
    pub volatile: Vec<PointerPattern>,
    pub include_volatile: bool,
    /// Compare which fields exist and their JSON types, not values.
    pub shape: bool,
}

impl DiffOptions {
    /// Whether the value at `pointer` is left out of the comparison: `--ignore`d, or volatile
    /// for its provider (unless volatile fields are included).
    fn mute(&self, pointer: &str) -> Option<Mute> {
        if self.ignore.iter().any(|p| p.matches(pointer)) {
            Some(Mute::Ignore)
        } else if !self.include_volatile && self.volatile.iter().any(|p| p.matches(pointer)) {
            Some(Mute::Volatile)
        } else {
            None
        }
    }

    /// Whether a change at `pointer` is left out: the pointer or one of its parents is muted.
    pub(crate) fn leaves_out(&self, pointer: &str) -> bool {
        let mut at = pointer;
        loop {
            if self.mute(at).is_some() {
                return true;
            }
            match at.rfind('/') {
                Some(i) => at = &at[..i],
                None => return false,
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Op {
    Added,
    Removed,
    Changed,
    TypeChanged,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Change {
    pub op: Op,
    pub pointer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right: Option<Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct Diff {
    pub changes: Vec<Change>,
    /// Differences suppressed by `ignore`.
    pub ignored: usize,
    /// Volatile fields that differ and were skipped.
    pub volatile_ignored: usize,
}

impl Diff {
    pub(crate) fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Compares `left` (the old event) with `right` (the new one). Changes come in document order:
/// object keys sorted (`serde_json`'s `Map` keeps them sorted, and key order never counts anyway),
/// array elements by index.
pub(crate) fn diff(left: &Value, right: &Value, options: &DiffOptions) -> Diff {
    let mut walker = Walker::new(options, true);
    let mut pointer = String::new();
    let scope = if options.only.is_empty() { Scope::In } else { Scope::Searching };
    if options.shape {
        let (l, r) = (Shape::of(left), Shape::of(right));
        walker.walk(&mut pointer, Some(&l), Some(&r), scope, None);
    } else {
        walker.walk(&mut pointer, Some(left), Some(right), scope, None);
    }
    Diff { changes: walker.changes, ignored: walker.ignored, volatile_ignored: walker.volatile_ignored }
}

/// Whether the walk is inside an `--only` pattern yet, or still looking for one below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    In,
    Searching,
}

/// Why a subtree is not compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mute {
    Ignore,
    Volatile,
}

enum Step {
    Skip,
    /// Muted and in scope: count one difference if the two sides differ at all.
    Count(Mute),
    /// Not in scope yet: go down looking for it, remembering a mute found on the way.
    Search(Option<Mute>),
    Compare,
}

struct Walker<'o> {
    options: &'o DiffOptions,
    /// Off for the probes that decide whether a muted subtree differs at all.
    filtering: bool,
    changes: Vec<Change>,
    ignored: usize,
    volatile_ignored: usize,
}

impl<'o> Walker<'o> {
    fn new(options: &'o DiffOptions, filtering: bool) -> Self {
        Self { options, filtering, changes: Vec::new(), ignored: 0, volatile_ignored: 0 }
    }

    fn step(&self, pointer: &str, scope: Scope, muted: Option<Mute>) -> Step {
        if !self.filtering {
            return Step::Compare;
        }
        let o = self.options;
        let in_scope = scope == Scope::In || o.only.iter().any(|p| p.matches(pointer));
        if !in_scope && !o.only.iter().any(|p| p.may_match_below(pointer)) {
            return Step::Skip;
        }
        let muted = muted.or_else(|| o.mute(pointer));
        match (in_scope, muted) {
            (true, Some(mute)) => Step::Count(mute),
            (true, None) => Step::Compare,
            (false, muted) => Step::Search(muted),
        }
    }

    fn count(&mut self, mute: Mute, differs: bool) {
        if differs {
            match mute {
                Mute::Ignore => self.ignored += 1,
                Mute::Volatile => self.volatile_ignored += 1,
            }
        }
    }

    fn record(&mut self, op: Op, pointer: &str, left: Option<Value>, right: Option<Value>) {
        self.changes.push(Change { op, pointer: pointer.to_owned(), left, right });
    }

    fn descend(&self, paired: bool) -> Descend<'o> {
        Descend { array_key: &self.options.array_key, paired }
    }

    /// Compares two nodes (values, or shapes with `--shape`) at `pointer` and everything below.
    fn walk<N: Node>(
        &mut self,
        pointer: &mut String,
        l: Option<&N>,
        r: Option<&N>,
        scope: Scope,
        muted: Option<Mute>,
    ) {
        match self.step(pointer, scope, muted) {
            Step::Skip => {}
            Step::Count(mute) => {
                let mut probe = Walker::new(self.options, false);
                probe.walk(&mut String::new(), l, r, Scope::In, None);
                self.count(mute, !probe.changes.is_empty());
            }
            Step::Search(muted) => {
                for (segment, lc, rc) in N::children(l, r, self.descend(false)) {
                    with_segment(pointer, &segment, |p| self.walk(p, lc, rc, Scope::Searching, muted));
                }
            }
            Step::Compare => match (l, r) {
                (None, None) => {}
                (None, Some(r)) => self.record(Op::Added, pointer, None, Some(r.reported())),
                (Some(l), None) => self.record(Op::Removed, pointer, Some(l.reported()), None),
                (Some(ls), Some(rs)) => {
                    if N::compare(self, pointer, ls, rs) {
                        for (segment, lc, rc) in N::children(l, r, self.descend(true)) {
                            with_segment(pointer, &segment, |p| self.walk(p, lc, rc, Scope::In, None));
                        }
                    }
                }
            },
        }
    }
}

/// How a walk goes down from a node to its children.
#[derive(Clone, Copy)]
struct Descend<'o> {
    /// Matches array elements that are objects by this key.
    array_key: &'o str,
    /// Only children of containers both sides have; else also one-sided ones (where only the
    /// `--only` search goes).
    paired: bool,
}

/// What a walk compares: JSON values, or their shapes (`--shape`).
trait Node: Sized {
    /// The pairs of children to compare under two nodes.
    fn children<'n>(l: Option<&'n Self>, r: Option<&'n Self>, how: Descend<'_>) -> Pairs<'n, Self>;

    /// Records how two nodes differ themselves; says whether their children are compared too.
    fn compare(walker: &mut Walker<'_>, pointer: &str, l: &Self, r: &Self) -> bool;

    /// What a change reports for this side.
    fn reported(&self) -> Value;
}

impl Node for Value {
    fn children<'n>(l: Option<&'n Self>, r: Option<&'n Self>, how: Descend<'_>) -> Pairs<'n, Self> {
        value_children(l, r, how.array_key)
    }

    fn compare(walker: &mut Walker<'_>, pointer: &str, l: &Self, r: &Self) -> bool {
        if Kind::of(l) != Kind::of(r) {
            walker.record(Op::TypeChanged, pointer, Some(l.clone()), Some(r.clone()));
            false
        } else if l.is_object() || l.is_array() {
            true
        } else {
            if !scalars_equal(l, r) {
                walker.record(Op::Changed, pointer, Some(l.clone()), Some(r.clone()));
            }
            false
        }
    }

    fn reported(&self) -> Value {
        self.clone()
    }
}

impl Node for Shape {
    fn children<'n>(l: Option<&'n Self>, r: Option<&'n Self>, how: Descend<'_>) -> Pairs<'n, Self> {
        shape_children(l, r, how.paired)
            .into_iter()
            .map(|(segment, lc, rc)| (segment.to_owned(), lc, rc))
            .collect()
    }

    fn compare(walker: &mut Walker<'_>, pointer: &str, l: &Self, r: &Self) -> bool {
        if l.kinds != r.kinds {
            walker.record(Op::TypeChanged, pointer, Some(l.type_name()), Some(r.type_name()));
        }
        true
    }

    fn reported(&self) -> Value {
        self.type_name()
    }
}

/// Appends one escaped segment to the pointer for the duration of `f`, so the walk reuses one
/// buffer instead of allocating a pointer per node.
fn with_segment<R>(pointer: &mut String, segment: &str, f: impl FnOnce(&mut String) -> R) -> R {
    let len = pointer.len();
    pointer.push('/');
    Pointer::escape(segment, pointer);
    let result = f(pointer);
    pointer.truncate(len);
    result
}

/// Pairs of children to compare, each with its pointer segment.
type Pairs<'n, N> = Vec<(String, Option<&'n N>, Option<&'n N>)>;

type Children<'v> = Pairs<'v, Value>;

/// The pairs of children to compare under two values. Containers of different kinds (or a
/// missing side) contribute their children one-sided: only the `--only` search goes there.
fn value_children<'v>(l: Option<&'v Value>, r: Option<&'v Value>, array_key: &str) -> Children<'v> {
    match (l, r) {
        (Some(Value::Object(lm)), Some(Value::Object(rm))) => object_pairs(lm, rm),
        (Some(Value::Array(la)), Some(Value::Array(ra))) => array_pairs(la, ra, array_key)
            .into_iter()
            .map(|(index, lc, rc)| (index.to_string(), lc, rc))
            .collect(),
        _ => {
            let mut children = one_sided(l, true);
            children.extend(one_sided(r, false));
            children
        }
    }
}

fn object_pairs<'v>(lm: &'v Map<String, Value>, rm: &'v Map<String, Value>) -> Children<'v> {
    let keys: BTreeSet<&String> = lm.keys().chain(rm.keys()).collect();
    keys.into_iter().map(|k| (k.clone(), lm.get(k), rm.get(k))).collect()
}

fn one_sided(v: Option<&Value>, is_left: bool) -> Children<'_> {
    let entries: Vec<(String, &Value)> = match v {
        Some(Value::Object(m)) => m.iter().map(|(k, c)| (k.clone(), c)).collect(),
        Some(Value::Array(a)) => a.iter().enumerate().map(|(i, c)| (i.to_string(), c)).collect(),
        _ => Vec::new(),
    };
    entries.into_iter().map(|(k, c)| if is_left { (k, Some(c), None) } else { (k, None, Some(c)) }).collect()
}

/// Array elements paired for comparison, each with the index its pointer uses: the right index
/// for matched and added elements, the left index for removed ones. In index order, a removal
/// before an addition at the same index.
pub(super) fn array_pairs<'v>(
    la: &'v [Value],
    ra: &'v [Value],
    array_key: &str,
) -> Vec<(usize, Option<&'v Value>, Option<&'v Value>)> {
    let Some(matched) = identity_match(la, ra, array_key) else {
        return (0..la.len().max(ra.len())).map(|i| (i, la.get(i), ra.get(i))).collect();
    };
    let mut kept = vec![false; la.len()];
    let mut pairs: Vec<_> = ra
        .iter()
        .zip(&matched)
        .enumerate()
        .map(|(j, (rv, m))| {
            if let Some(i) = *m {
                kept[i] = true;
            }
            (j, m.map(|i| &la[i]), Some(rv))
        })
        .collect();
    pairs.extend(la.iter().enumerate().filter(|(i, _)| !kept[*i]).map(|(i, lv)| (i, Some(lv), None)));
    // Stable, and `false < true` puts the removal (no right side) first among equal indices.
    pairs.sort_by_key(|(index, _, r)| (*index, r.is_some()));
    pairs
}

/// For each right element, the index of the left element with the same identity, when both
/// arrays consist of objects carrying `key` with distinct values. `None` means "compare by
/// position": without unique identities there is nothing sound to match on.
pub(super) fn identity_match(la: &[Value], ra: &[Value], key: &str) -> Option<Vec<Option<usize>>> {
    if la.is_empty() && ra.is_empty() {
        return None;
    }
    let mut left_ids = HashMap::with_capacity(la.len());
    for (i, v) in la.iter().enumerate() {
        if left_ids.insert(identity(v, key)?, i).is_some() {
            return None;
        }
    }
    let mut seen = BTreeSet::new();
    let mut matched = Vec::with_capacity(ra.len());
    for v in ra {
        let id = identity(v, key)?;
        matched.push(left_ids.get(&id).copied());
        if !seen.insert(id) {
            return None;
        }
    }
    Some(matched)
}

/// A hashable rendering of an element's identity, equal for semantically equal ids (`1` and
/// `1.0` are the same id).
fn identity(v: &Value, key: &str) -> Option<String> {
    let id = v.as_object()?.get(key)?;
    Some(match id {
        Value::String(s) => format!("s{s}"),
        Value::Number(n) => match exact_integer(n) {
            Some(i) => format!("i{i}"),
            None => format!("f{}", n.as_f64().unwrap_or(f64::NAN)),
        },
        other => format!("j{other}"),
    })
}

pub(crate) fn scalars_equal(l: &Value, r: &Value) -> bool {
    match (l, r) {
        (Value::Number(a), Value::Number(b)) => numbers_equal(a, b),
        _ => l == r,
    }
}

/// By value: `1.0` equals `1`, and integers compare exactly even beyond f64's 53 bits.
// Exact float equality is the point: two JSON numbers are the same value or not.
#[allow(clippy::float_cmp)]
fn numbers_equal(a: &Number, b: &Number) -> bool {
    match (exact_integer(a), exact_integer(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a.as_f64() == b.as_f64(),
    }
}

/// The number as an integer when it is one, including integral floats such as `1.0`.
// Guarded: only integral floats below 2^100 are cast, and those convert to i128 exactly.
#[allow(clippy::cast_possible_truncation)]
fn exact_integer(n: &Number) -> Option<i128> {
    if let Some(i) = n.as_i64() {
        return Some(i128::from(i));
    }
    if let Some(u) = n.as_u64() {
        return Some(i128::from(u));
    }
    let f = n.as_f64()?;
    // Larger integral floats stay floats and compare as such.
    (f.fract() == 0.0 && f.abs() < 1e30).then_some(f as i128)
}

/// The JSON types, in the order their names are listed when several occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

impl Kind {
    pub(crate) fn of(v: &Value) -> Self {
        match v {
            Value::Null => Self::Null,
            Value::Bool(_) => Self::Boolean,
            Value::Number(_) => Self::Number,
            Value::String(_) => Self::String,
            Value::Array(_) => Self::Array,
            Value::Object(_) => Self::Object,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Boolean => "boolean",
            Self::Number => "number",
            Self::String => "string",
            Self::Array => "array",
            Self::Object => "object",
        }
    }
}

/// The structure of a value, with the elements of an array merged into one shape: shape mode
/// compares what kinds of elements an array holds, not where.
#[derive(Debug, Default)]
struct Shape {
    kinds: BTreeSet<Kind>,
    fields: BTreeMap<String, Shape>,
    /// `None` until some array here has an element.
    items: Option<Box<Shape>>,
}

/// The segment shape mode uses for "any element": the pattern syntax, so a reported pointer can
/// be passed back to `--ignore` as is.
const ANY_ELEMENT: &str = "*";

impl Shape {
    fn of(v: &Value) -> Self {
        let mut shape = Self::default();
        shape.add(v);
        shape
    }

    fn add(&mut self, v: &Value) {
        self.kinds.insert(Kind::of(v));
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    self.fields.entry(k.clone()).or_default().add(c);
                }
            }
            Value::Array(a) => {
                for c in a {
                    self.items.get_or_insert_default().add(c);
                }
            }
            _ => {}
        }
    }

    /// `"string"`, or `"null|string"` for an array whose elements vary.
    fn type_name(&self) -> Value {
        let names: Vec<&str> = self.kinds.iter().map(|k| k.name()).collect();
        Value::String(names.join("|"))
    }
}

type ShapeChildren<'s> = Vec<(&'s str, Option<&'s Shape>, Option<&'s Shape>)>;

/// Fields and elements to compare under two shapes. When comparing, only what both sides hold
/// as containers is paired (a type change is reported once, at the parent); when searching for
/// `--only`, either side is enough.
fn shape_children<'s>(l: Option<&'s Shape>, r: Option<&'s Shape>, paired: bool) -> ShapeChildren<'s> {
    let has = |s: Option<&Shape>, kind| s.is_some_and(|s| s.kinds.contains(&kind));
    let mut children = Vec::new();
    let (lo, ro) = (has(l, Kind::Object), has(r, Kind::Object));
    if (lo && ro) || (!paired && (lo || ro)) {
        let lf = l.map(|s| &s.fields);
        let rf = r.map(|s| &s.fields);
        let keys: BTreeSet<&String> = lf.into_iter().chain(rf).flat_map(BTreeMap::keys).collect();
        for k in keys {
            children.push((k.as_str(), lf.and_then(|f| f.get(k)), rf.and_then(|f| f.get(k))));
        }
    }
    let (la, ra) = (has(l, Kind::Array), has(r, Kind::Array));
    if (la && ra) || (!paired && (la || ra)) {
        let li = l.and_then(|s| s.items.as_deref());
        let ri = r.and_then(|s| s.items.as_deref());
        // An empty array says nothing about its elements, so it is compatible with any.
        let unknown = (la && li.is_none()) || (ra && ri.is_none());
        if (!unknown || !paired) && (li.is_some() || ri.is_some()) {
            children.push((ANY_ELEMENT, li, ri));
        }
    }
    children
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn opts() -> DiffOptions {
        DiffOptions::default()
    }

    fn patterns(list: &[&str]) -> Vec<PointerPattern> {
        list.iter().map(|p| PointerPattern::parse(p).unwrap()).collect()
    }

    fn change(op: Op, pointer: &str, left: Option<Value>, right: Option<Value>) -> Change {
        Change { op, pointer: pointer.to_owned(), left, right }
    }

    #[test]
    fn default_options_match_identities_on_id_and_mute_nothing_of_their_own() {
        let o = DiffOptions::default();
        assert_eq!(o.array_key, "id");
        assert!(o.ignore.is_empty() && o.only.is_empty() && o.volatile.is_empty());
        assert!(!o.include_volatile && !o.shape);
    }

    #[test]
    fn two_deliveries_of_one_event_differ_only_in_volatile_fields() {
        // Extend's volatile fields, as its provider description lists them.
        let volatile =
            patterns(&["/eventId", "/**/createdAt", "/**/updatedAt", "/**/presignedUrl", "/payload/data"]);
        let options = DiffOptions { volatile, ..opts() };
        let l = json!({"eventId": "a", "eventType": "card.created", "payload": {"id": "c1", "createdAt": "t1",
            "receipts": [{"id": "r1", "presignedUrl": "https://x/1?sig=a", "updatedAt": "t1"}]}});
        let r = json!({"eventType": "card.created", "eventId": "b", "payload": {"createdAt": "t2", "id": "c1",
            "receipts": [{"id": "r1", "presignedUrl": "https://x/1?sig=b", "updatedAt": "t2"}]}});
        let d = diff(&l, &r, &options);
        assert!(d.is_empty());
        assert_eq!(d.volatile_ignored, 4);
        let d = diff(&l, &r, &DiffOptions { include_volatile: true, ..options });
        let pointers: Vec<&str> = d.changes.iter().map(|c| c.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/eventId",
                "/payload/createdAt",
                "/payload/receipts/0/presignedUrl",
                "/payload/receipts/0/updatedAt"
            ]
        );
    }

    #[test]
    fn equal_documents_have_no_changes() {
        let d = diff(&json!({"a": [1, {"b": null}]}), &json!({"a": [1, {"b": null}]}), &opts());
        assert_eq!(d, Diff::default());
        assert!(d.is_empty());
    }

    #[test]
    fn key_order_never_counts() {
        let l: Value = serde_json::from_str(r#"{"a": 1, "b": {"x": true, "y": [1, 2]}}"#).unwrap();
        let r: Value = serde_json::from_str(r#"{"b": {"y": [1, 2], "x": true}, "a": 1}"#).unwrap();
        assert!(diff(&l, &r, &opts()).is_empty());
    }

    #[test]
    fn numbers_compare_by_value() {
        let l: Value = serde_json::from_str(r#"{"a": 1.0, "b": 100, "c": 1e2, "d": -0.0}"#).unwrap();
        let r: Value = serde_json::from_str(r#"{"a": 1, "b": 1e2, "c": 100.0, "d": 0}"#).unwrap();
        assert!(diff(&l, &r, &opts()).is_empty());
        let l: Value = serde_json::from_str(r#"{"a": 1.5}"#).unwrap();
        let r: Value = serde_json::from_str(r#"{"a": 1}"#).unwrap();
        assert_eq!(
            diff(&l, &r, &opts()).changes,
            [change(Op::Changed, "/a", Some(json!(1.5)), Some(json!(1)))]
        );
    }

    #[test]
    fn big_integers_compare_exactly() {
        // Both round to the same f64; as integers they differ.
        let l: Value = serde_json::from_str("[9007199254740993, 18446744073709551615]").unwrap();
        let r: Value = serde_json::from_str("[9007199254740992, 18446744073709551615]").unwrap();
        let d = diff(&l, &r, &opts());
        assert_eq!(d.changes.len(), 1);
        assert_eq!(d.changes[0].pointer, "/0");
        let neg: Value = serde_json::from_str("[-9223372036854775808]").unwrap();
        assert!(diff(&neg, &neg.clone(), &opts()).is_empty());
    }

    #[test]
    fn each_op() {
        let l = json!({"same": 1, "changed": "a", "typed": 1, "gone": [1], "nested": {"x": false}});
        let r = json!({"same": 1, "changed": "b", "typed": "1", "new": {"k": 1}, "nested": {"x": null}});
        assert_eq!(
            diff(&l, &r, &opts()).changes,
            [
                change(Op::Changed, "/changed", Some(json!("a")), Some(json!("b"))),
                change(Op::Removed, "/gone", Some(json!([1])), None),
                change(Op::TypeChanged, "/nested/x", Some(json!(false)), Some(Value::Null)),
                change(Op::Added, "/new", None, Some(json!({"k": 1}))),
                change(Op::TypeChanged, "/typed", Some(json!(1)), Some(json!("1"))),
            ]
        );
    }

    #[test]
    fn container_type_change_is_reported_once() {
        let d = diff(&json!({"a": {"x": 1}}), &json!({"a": [1]}), &opts());
        assert_eq!(d.changes, [change(Op::TypeChanged, "/a", Some(json!({"x": 1})), Some(json!([1])))]);
        let d = diff(&json!(1), &json!("x"), &opts());
        assert_eq!(d.changes, [change(Op::TypeChanged, "", Some(json!(1)), Some(json!("x")))]);
    }

    #[test]
    fn pointers_are_escaped() {
        let d = diff(&json!({"a/b": {"m~n": 1}}), &json!({"a/b": {"m~n": 2}}), &opts());
        assert_eq!(d.changes[0].pointer, "/a~1b/m~0n");
    }

    #[test]
    fn arrays_by_position_without_ids() {
        let d = diff(&json!([1, 2, 3]), &json!([0, 1, 2, 3]), &opts());
        let ops: Vec<(Op, &str)> = d.changes.iter().map(|c| (c.op, c.pointer.as_str())).collect();
        assert_eq!(ops, [(Op::Changed, "/0"), (Op::Changed, "/1"), (Op::Changed, "/2"), (Op::Added, "/3")]);
        let d = diff(&json!([1, 2]), &json!([1]), &opts());
        assert_eq!(d.changes, [change(Op::Removed, "/1", Some(json!(2)), None)]);
    }

    #[test]
    fn insert_at_front_with_ids_is_one_added() {
        let l = json!({"items": [{"id": "a", "n": 1}, {"id": "b", "n": 2}]});
        let r = json!({"items": [{"id": "z", "n": 0}, {"id": "a", "n": 1}, {"id": "b", "n": 2}]});
        let d = diff(&l, &r, &opts());
        assert_eq!(d.changes, [change(Op::Added, "/items/0", None, Some(json!({"id": "z", "n": 0})))]);
    }

    #[test]
    fn identity_arrays_removal_move_and_inner_change() {
        let l = json!([{"id": 1, "v": "a"}, {"id": 2, "v": "b"}, {"id": 3, "v": "c"}]);
        // 2 removed, 3 moved to the front and changed, 1 unchanged but moved.
        let r = json!([{"id": 3, "v": "C"}, {"id": 1.0, "v": "a"}]);
        let d = diff(&l, &r, &opts());
        assert_eq!(
            d.changes,
            [
                change(Op::Changed, "/0/v", Some(json!("c")), Some(json!("C"))),
                change(Op::Removed, "/1", Some(json!({"id": 2, "v": "b"})), None),
            ]
        );
        // A pure reorder is no change.
        let r = json!([{"id": 3, "v": "c"}, {"id": 1, "v": "a"}, {"id": 2, "v": "b"}]);
        assert!(diff(&l, &r, &opts()).is_empty());
    }

    #[test]
    fn array_key_is_configurable_and_needs_unique_ids_everywhere() {
        let l = json!([{"sku": "a"}, {"sku": "b"}]);
        let r = json!([{"sku": "c"}, {"sku": "a"}, {"sku": "b"}]);
        assert_eq!(diff(&l, &r, &opts()).changes.len(), 3, "by position with the default key");
        let options = DiffOptions { array_key: "sku".to_owned(), ..opts() };
        assert_eq!(diff(&l, &r, &options).changes.len(), 1);
        // Duplicate ids or an element without one: back to positions.
        let dup = json!([{"sku": "c"}, {"sku": "a"}, {"sku": "a"}]);
        assert_eq!(diff(&l, &dup, &options).changes.len(), 3);
        let mixed = json!([{"sku": "c"}, {"sku": "a"}, 5]);
        assert_eq!(diff(&l, &mixed, &options).changes.len(), 3);
    }

    #[test]
    fn volatile_fields_are_counted_not_compared() {
        let options = DiffOptions { volatile: patterns(&["/eventId", "/**/createdAt"]), ..opts() };
        let l = json!({"eventId": "e1", "payload": {"createdAt": 1, "a": {"createdAt": 5}, "x": 1}, "k": 1});
        let r = json!({"eventId": "e2", "payload": {"createdAt": 2, "a": {"createdAt": 5}, "x": 1}, "k": 1});
        let d = diff(&l, &r, &options);
        assert!(d.is_empty());
        assert_eq!((d.ignored, d.volatile_ignored), (0, 2));
        let d = diff(&l, &r, &DiffOptions { include_volatile: true, ..options.clone() });
        assert_eq!(d.changes.len(), 2);
        assert_eq!(d.volatile_ignored, 0);
        // A volatile field present on one side only differs too.
        let d = diff(&json!({}), &json!({"eventId": "e"}), &options);
        assert_eq!((d.changes.len(), d.volatile_ignored), (0, 1));
    }

    #[test]
    fn ignore_star_and_double_star() {
        let l = json!({"a": [{"t": 1, "u": 1}, {"t": 2, "u": 2}], "b": {"c": {"t": 3}}, "t": 4});
        let r = json!({"a": [{"t": 9, "u": 1}, {"t": 9, "u": 9}], "b": {"c": {"t": 9}}, "t": 9});
        let options = DiffOptions { ignore: patterns(&["/a/*/t"]), ..opts() };
        let d = diff(&l, &r, &options);
        let pointers: Vec<&str> = d.changes.iter().map(|c| c.pointer.as_str()).collect();
        assert_eq!(pointers, ["/a/1/u", "/b/c/t", "/t"]);
        assert_eq!(d.ignored, 2);
        let options = DiffOptions { ignore: patterns(&["/**/t"]), ..opts() };
        let d = diff(&l, &r, &options);
        let pointers: Vec<&str> = d.changes.iter().map(|c| c.pointer.as_str()).collect();
        assert_eq!(pointers, ["/a/1/u"]);
        assert_eq!(d.ignored, 4);
        // A whole ignored subtree counts as one difference.
        let options = DiffOptions { ignore: patterns(&["/a"]), ..opts() };
        assert_eq!(diff(&l, &r, &options).ignored, 1);
    }

    #[test]
    fn only_restricts_the_comparison() {
        let l = json!({"a": {"x": 1, "y": 1}, "b": 1, "c": [{"id": 1, "v": 1}]});
        let r = json!({"a": {"x": 2, "y": 2}, "b": 2, "c": [{"id": 0, "v": 0}, {"id": 1, "v": 2}]});
        let d = diff(&l, &r, &DiffOptions { only: patterns(&["/a/x", "/c/*/v"]), ..opts() });
        let pointers: Vec<&str> = d.changes.iter().map(|c| c.pointer.as_str()).collect();
        assert_eq!(pointers, ["/a/x", "/c/0/v", "/c/1/v"]);
        // Descendants of a match are compared; ignore still applies inside.
        let options = DiffOptions { only: patterns(&["/a"]), ignore: patterns(&["/a/y", "/b"]), ..opts() };
        let d = diff(&l, &r, &options);
        let pointers: Vec<&str> = d.changes.iter().map(|c| c.pointer.as_str()).collect();
        assert_eq!(pointers, ["/a/x"]);
        assert_eq!(d.ignored, 1, "/b is outside --only, so not counted");
        // An ignore above the --only scope still mutes (and counts) what is inside it.
        let options = DiffOptions { only: patterns(&["/a/x"]), ignore: patterns(&["/a"]), ..opts() };
        let d = diff(&l, &r, &options);
        assert_eq!((d.changes.len(), d.ignored), (0, 1));
        // A missing ancestor: the matching field inside the present side is reported.
        let d = diff(
            &json!({}),
            &json!({"a": {"x": 1, "y": 2}}),
            &DiffOptions { only: patterns(&["/a/x"]), ..opts() },
        );
        assert_eq!(d.changes, [change(Op::Added, "/a/x", None, Some(json!(1)))]);
    }

    #[test]
    fn shape_mode_compares_structure_and_types() {
        let options = DiffOptions { shape: true, ..opts() };
        let l = json!({"a": 1, "b": "x", "c": {"d": true}, "gone": null, "e": [1, 2]});
        let r = json!({"a": 2, "b": 3, "c": {"d": false, "new": "s"}, "e": [3]});
        assert_eq!(
            diff(&l, &r, &options).changes,
            [
                change(Op::TypeChanged, "/b", Some(json!("string")), Some(json!("number"))),
                change(Op::Added, "/c/new", None, Some(json!("string"))),
                change(Op::Removed, "/gone", Some(json!("null")), None),
            ]
        );
    }

    #[test]
    fn shape_mode_merges_array_elements() {
        let options = DiffOptions { shape: true, ..opts() };
        // Positions do not matter, only the union of element shapes.
        let l = json!({"items": [{"id": 1}, {"id": 2, "note": "x"}]});
        let r = json!({"items": [{"id": 7, "note": "y"}]});
        assert!(diff(&l, &r, &options).is_empty());
        let r = json!({"items": [{"id": "7", "extra": [1]}, {"id": 8, "note": "y"}]});
        assert_eq!(
            diff(&l, &r, &options).changes,
            [
                change(Op::Added, "/items/*/extra", None, Some(json!("array"))),
                change(Op::TypeChanged, "/items/*/id", Some(json!("number")), Some(json!("number|string"))),
            ]
        );
        // An empty array is compatible with any elements.
        assert!(diff(&json!({"t": []}), &json!({"t": [1, "a"]}), &options).is_empty());
        // Ignore patterns apply to the `*` element segment too.
        let options = DiffOptions { ignore: patterns(&["/items/*/id"]), ..options };
        let d = diff(&l, &json!({"items": [{"id": "s", "note": "n"}]}), &options);
        assert_eq!((d.changes.len(), d.ignored), (0, 1));
    }

    #[test]
    fn changes_inside_matched_elements_use_the_right_index() {
        let l = json!({"x": [{"id": "a", "v": 1}, {"id": "b", "v": 1}]});
        let r = json!({"x": [{"id": "n"}, {"id": "b", "v": 2}, {"id": "a", "v": 1}]});
        let d = diff(&l, &r, &opts());
        assert_eq!(
            d.changes,
            [
                change(Op::Added, "/x/0", None, Some(json!({"id": "n"}))),
                change(Op::Changed, "/x/1/v", Some(json!(1)), Some(json!(2)))
            ]
        );
    }
}
