//! The RFC 6902 JSON Patch that turns one event into the other, exactly.
//!
//! The walk recurses once per nesting level; events are at most 128 levels deep (`serde_json`'s
//! recursion limit when parsing), so the stack is never at risk.

use serde_json::{Map, Value};

use super::core::{DiffOptions, identity_match, scalars_equal};
use crate::json::Pointer;

/// A patch (`[{"op": "add"|"remove"|"replace", "path", "value"?}]`) that reproduces `right` from
/// `left` when applied in order, except at the pointers the diff leaves out (`--ignore` and the
/// provider's volatile fields, as in every other format). `array_key` makes an element inserted
/// into an identified array one `add`. Numbers compare by value, as in every other format (`1` and
/// `1.0` are the same number).
pub(crate) fn to_patch(left: &Value, right: &Value, options: &DiffOptions) -> Value {
    let mut ops = Vec::new();
    let mut pointer = String::new();
    walk(&mut pointer, left, right, &options.array_key, &mut ops);
    ops.retain(|op| !op["path"].as_str().is_some_and(|path| options.leaves_out(path)));
    Value::Array(ops)
}

fn walk(pointer: &mut String, left: &Value, right: &Value, key: &str, ops: &mut Vec<Value>) {
    if left == right || (left.is_number() && scalars_equal(left, right)) {
        return;
    }
    match (left, right) {
        (Value::Object(l), Value::Object(r)) => object(pointer, l, r, key, ops),
        (Value::Array(l), Value::Array(r)) => match identity_match(l, r, key) {
            Some(matched) => identified(pointer, l, r, &matched, key, ops),
            None => positional(pointer, l, r, key, ops),
        },
        _ => ops.push(op("replace", pointer.to_owned(), Some(right))),
    }
}

fn object(
    pointer: &mut String,
    l: &Map<String, Value>,
    r: &Map<String, Value>,
    key: &str,
    ops: &mut Vec<Value>,
) {
    for (k, lv) in l {
        let len = pointer.len();
        pointer.push('/');
        Pointer::escape(k, pointer);
        match r.get(k) {
            Some(rv) => walk(pointer, lv, rv, key, ops),
            None => ops.push(op("remove", pointer.to_owned(), None)),
        }
        pointer.truncate(len);
    }
    for (k, rv) in r.iter().filter(|(k, _)| !l.contains_key(*k)) {
        ops.push(op("add", Pointer::join(pointer, k), Some(rv)));
    }
}

/// One operation: `op`, `path` and, for `add` and `replace`, `value`.
fn op(kind: &str, path: String, value: Option<&Value>) -> Value {
    let mut map = Map::new();
    map.insert("op".to_owned(), Value::String(kind.to_owned()));
    map.insert("path".to_owned(), Value::String(path));
    if let Some(value) = value {
        map.insert("value".to_owned(), value.clone());
    }
    Value::Object(map)
}

fn index(pointer: &str, i: usize) -> String {
    format!("{pointer}/{i}")
}

/// Common prefix element by element, then the tail: removed from the end backwards so each
/// index is still valid, or added in ascending order.
fn positional(pointer: &mut String, l: &[Value], r: &[Value], key: &str, ops: &mut Vec<Value>) {
    for (i, (lv, rv)) in l.iter().zip(r).enumerate() {
        let len = pointer.len();
        pointer.push('/');
        pointer.push_str(&i.to_string());
        walk(pointer, lv, rv, key, ops);
        pointer.truncate(len);
    }
    for i in (r.len()..l.len()).rev() {
        ops.push(op("remove", index(pointer, i), None));
    }
    for (i, rv) in r.iter().enumerate().skip(l.len()) {
        ops.push(op("add", index(pointer, i), Some(rv)));
    }
}

/// Elements matched by identity. The patch keeps the longest run of matched elements that are
/// already in the right order and patches them in place; every other left element is removed
/// (highest index first) and every other right element added (ascending), which also moves
/// reordered elements, as RFC 6902's `move` is not in our vocabulary.
fn identified(
    pointer: &mut String,
    l: &[Value],
    r: &[Value],
    matched: &[Option<usize>],
    key: &str,
    ops: &mut Vec<Value>,
) {
    // Matched (left index, right index) pairs in left order.
    let mut pairs: Vec<(usize, usize)> =
        matched.iter().enumerate().filter_map(|(j, m)| m.map(|i| (i, j))).collect();
    pairs.sort_unstable();
    let kept = increasing_run(&pairs);
    let mut keep_left = vec![false; l.len()];
    let mut keep_right = vec![false; r.len()];
    for &(i, j) in &kept {
        keep_left[i] = true;
        keep_right[j] = true;
    }
    for i in (0..l.len()).rev().filter(|i| !keep_left[*i]) {
        ops.push(op("remove", index(pointer, i), None));
    }
    // After the removals the kept elements sit at 0..kept.len(), in order.
    for (position, &(i, j)) in kept.iter().enumerate() {
        let len = pointer.len();
        pointer.push('/');
        pointer.push_str(&position.to_string());
        walk(pointer, &l[i], &r[j], key, ops);
        pointer.truncate(len);
    }
    // Ascending: when index j is added, everything before it in `right` is already in place.
    for (j, rv) in r.iter().enumerate().filter(|(j, _)| !keep_right[*j]) {
        ops.push(op("add", index(pointer, j), Some(rv)));
    }
}

/// The longest subsequence of `pairs` (sorted by left index) whose right indices increase:
/// patience sorting, O(n log n), so a large reordered array stays cheap.
fn increasing_run(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: index into `pairs` of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (n, &(_, j)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < j);
        previous[n] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(n);
        } else {
            tails[k] = n;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(n) = at {
        run.push(pairs[n]);
        at = previous[n];
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn opts() -> DiffOptions {
        DiffOptions::default()
    }

    /// Applies the patch with an independent implementation and checks it reproduces `right`.
    fn roundtrip(left: &Value, right: &Value) -> Value {
        let p = to_patch(left, right, &opts());
        let patch: json_patch::Patch = serde_json::from_value(p.clone()).expect("a valid RFC 6902 patch");
        let mut doc = left.clone();
        json_patch::patch(&mut doc, &patch).unwrap_or_else(|e| panic!("{e}: {p:#}"));
        assert_eq!(&doc, right, "patch {p:#}");
        p
    }

    #[test]
    fn equal_documents_give_an_empty_patch() {
        assert_eq!(roundtrip(&json!({"a": [1]}), &json!({"a": [1]})), json!([]));
    }

    #[test]
    fn object_insertions_removals_replacements() {
        let p = roundtrip(&json!({"a": 1, "b": 2, "c": {"d": 1}}), &json!({"a": 1, "c": {"d": 2}, "e/f": 3}));
        assert_eq!(
            p,
            json!([
                {"op": "remove", "path": "/b"},
                {"op": "replace", "path": "/c/d", "value": 2},
                {"op": "add", "path": "/e~1f", "value": 3},
            ])
        );
    }

    #[test]
    fn type_changes_and_numbers_by_value() {
        roundtrip(&json!({"a": 1, "b": [1], "c": null}), &json!({"a": "1", "b": {"x": 1}, "c": false}));
        let one: Value = serde_json::from_str("{\"n\": 1}").unwrap();
        let one_float: Value = serde_json::from_str("{\"n\": 1.0}").unwrap();
        assert_eq!(
            to_patch(&one, &one_float, &opts()),
            json!([]),
            "1 and 1.0 are one number, as in the human diff"
        );
        let two: Value = serde_json::from_str("{\"n\": 2}").unwrap();
        assert_eq!(roundtrip(&one_float, &two).as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn root_replacement() {
        assert_eq!(
            roundtrip(&json!([1]), &json!({"a": 1})),
            json!([{"op": "replace", "path": "", "value": {"a": 1}}])
        );
        roundtrip(&json!("x"), &json!(null));
    }

    #[test]
    fn positional_arrays() {
        roundtrip(&json!([1, 2, 3]), &json!([1]));
        roundtrip(&json!([1]), &json!([0, 1, 2, 3]));
        roundtrip(&json!([1, 2, 3]), &json!([3, 2, 1]));
        roundtrip(&json!([]), &json!([1, 2]));
        roundtrip(&json!([1, 2]), &json!([]));
    }

    #[test]
    fn nested_arrays() {
        roundtrip(&json!({"m": [[1, 2], [3], []]}), &json!({"m": [[1], [3, 4, 5], [[6]]]}));
        roundtrip(
            &json!({"a": [{"id": 1, "tags": [{"id": "x"}, {"id": "y"}]}]}),
            &json!({"a": [{"id": 1, "tags": [{"id": "y"}, {"id": "z", "n": 1}]}]}),
        );
    }

    #[test]
    fn id_insert_at_front_is_one_add() {
        let l = json!({"items": [{"id": "a", "n": 1}, {"id": "b", "n": 2}]});
        let r = json!({"items": [{"id": "z"}, {"id": "a", "n": 1}, {"id": "b", "n": 2}]});
        assert_eq!(roundtrip(&l, &r), json!([{"op": "add", "path": "/items/0", "value": {"id": "z"}}]));
    }

    #[test]
    fn id_insert_in_middle_and_end_and_removal() {
        let l = json!([{"id": 1}, {"id": 2}, {"id": 3}]);
        roundtrip(&l, &json!([{"id": 1}, {"id": 9}, {"id": 2}, {"id": 3}]));
        roundtrip(&l, &json!([{"id": 1}, {"id": 2}, {"id": 3}, {"id": 9}]));
        assert_eq!(roundtrip(&l, &json!([{"id": 1}, {"id": 3}])), json!([{"op": "remove", "path": "/1"}]));
        roundtrip(&l, &json!([{"id": 0}, {"id": 2, "x": 1}, {"id": 4}]));
        roundtrip(&l, &json!([]));
    }

    #[test]
    fn reordered_id_arrays() {
        let l = json!([{"id": 1, "v": "a"}, {"id": 2, "v": "b"}, {"id": 3, "v": "c"}, {"id": 4, "v": "d"}]);
        roundtrip(
            &l,
            &json!([{"id": 4, "v": "d"}, {"id": 3, "v": "c"}, {"id": 2, "v": "b"}, {"id": 1, "v": "a"}]),
        );
        roundtrip(&l, &json!([{"id": 2, "v": "B"}, {"id": 5}, {"id": 1, "v": "a"}, {"id": 4, "v": "D"}]));
        // Moving one element is one remove and one add.
        let p = roundtrip(
            &l,
            &json!([{"id": 2, "v": "b"}, {"id": 3, "v": "c"}, {"id": 4, "v": "d"}, {"id": 1, "v": "a"}]),
        );
        assert_eq!(p.as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn increasing_run_is_longest() {
        let pairs = [(0, 3), (1, 0), (2, 1), (3, 4), (4, 2)];
        assert_eq!(increasing_run(&pairs), [(1, 0), (2, 1), (4, 2)]);
        assert!(increasing_run(&[]).is_empty());
    }
}
