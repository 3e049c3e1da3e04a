//! "Did you mean": the one rule that decides a name nearly matches a known one, for field names
//! (`misspelt-field`), event types, providers, schemes, finding codes, project keys and
//! subcommands alike.
//!
//! A name nearly matches another when both are the same name in another case or separator style
//! (`s3Key` for `s3_key`, `eventID` for `eventId`), or when both have five characters or more and
//! lie within two edits (Levenshtein) of each other.

/// Names compared without case and without `_` and `-`; no allocation, as this runs per finding.
fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| *c != '_' && *c != '-').flat_map(char::to_lowercase)
}

/// How near `name` is to `known`: `Some(0)` for the same name in another style, the edit
/// distance when within the rule, `None` when too far apart.
pub(crate) fn distance(name: &str, known: &str) -> Option<usize> {
    if folded(name).eq(folded(known)) {
        return Some(0);
    }
    // Within two edits needs lengths within two, and names of five characters or more.
    let (a, b) = (name.chars().count(), known.chars().count());
    if a.abs_diff(b) > 2 || a.min(b) < 5 || bag_distance(name, known) > 2 {
        return None;
    }
    let distance = strsim::levenshtein(name, known);
    (distance <= 2).then_some(distance)
}

/// The known name `name` most likely meant (the nearest; on a tie, the first in alphabetical
/// order).
pub(crate) fn nearest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known.into_iter().filter_map(|k| Some((distance(name, k)?, k))).min().map(|(_, k)| k)
}

/// The known names near `name`, nearest first (then in alphabetical order), at most three.
pub(crate) fn suggest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut near: Vec<(usize, &str)> =
        known.into_iter().filter_map(|k| Some((distance(name, k)?, k))).collect();
    near.sort_unstable();
    near.dedup();
    near.into_iter().take(3).map(|(_, k)| k.to_owned()).collect()
}

/// The known names that start near `stem` (a glob's fixed part: `recordng.` for
/// `recordng.*`), nearest first, at most three: the rule applied to each name's start.
pub(crate) fn suggest_start<'a>(stem: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let n = stem.chars().count();
    let mut near: Vec<(usize, &str)> = known
        .into_iter()
        .filter_map(|k| {
            // The stem may lack up to two characters of the name's start, or hold two more.
            let starts = (n.saturating_sub(2)..=n + 2)
                .map(|len| k.char_indices().nth(len).map_or(k, |(i, _)| &k[..i]));
            Some((starts.filter_map(|start| distance(stem, start)).min()?, k))
        })
        .collect();
    near.sort_unstable();
    near.dedup();
    near.into_iter().take(3).map(|(_, k)| k.to_owned()).collect()
}

/// A lower bound of the edit distance, cheap to compute: how many characters one name has that
/// the other lacks (counted with multiplicity, the larger side; exact for ASCII, and 0 for other
/// text so that the full distance decides).
fn bag_distance(a: &str, b: &str) -> usize {
    if !a.is_ascii() || !b.is_ascii() {
        return 0;
    }
    let mut counts = [0i32; 128];
    for c in a.bytes() {
        counts[usize::from(c)] += 1;
    }
    for c in b.bytes() {
        counts[usize::from(c)] -= 1;
    }
    let (more, fewer) = counts.iter().fold((0, 0), |(p, n), &c| if c > 0 { (p + c, n) } else { (p, n - c) });
    usize::try_from(more.max(fewer)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_name_in_another_style_is_nearest() {
        assert_eq!(distance("s3Key", "s3_key"), Some(0));
        assert_eq!(distance("eventID", "event-id"), Some(0));
    }

    #[test]
    fn two_edits_for_names_of_five_or_more() {
        assert_eq!(distance("recording.eror", "recording.error"), Some(1));
        assert_eq!(distance("validat", "validate"), Some(1));
        assert_eq!(distance("duration", "durtaion"), Some(2));
        assert_eq!(distance("abcdefgh", "abxyzfgh"), None);
        // Short names only match in another style.
        assert_eq!(distance("lsit", "list"), None);
        assert_eq!(distance("ID", "id"), Some(0));
    }

    #[test]
    fn suggestions_rank_nearest_first() {
        let known = ["recording.error", "recording.started", "meeting.ended", "recording.errors"];
        assert_eq!(suggest("recording.eror", known), ["recording.error", "recording.errors"]);
        assert!(suggest("zzzz", known).is_empty());
    }

    #[test]
    fn a_glob_stem_is_compared_with_the_start_of_each_name() {
        let known = ["recording.started", "recording.error", "meeting.ended"];
        assert_eq!(suggest_start("recordng.", known), ["recording.error", "recording.started"]);
        assert!(suggest_start("zzzzzz", known).is_empty());
    }

    #[test]
    fn the_bag_distance_never_exceeds_the_edit_distance() {
        let names =
            ["recording_id", "recordng_id", "s3Key", "s3_key", "duration", "room_name", "roomName", "ab", ""];
        for a in names {
            for b in names {
                assert!(bag_distance(a, b) <= strsim::levenshtein(a, b), "{a} {b}");
            }
        }
        assert_eq!(bag_distance("duration", "status"), 5);
    }

    #[test]
    fn near_misses_cover_case_separators_and_small_typos() {
        assert_eq!(nearest("s3Key", ["s3_key", "duration"]), Some("s3_key"));
        assert_eq!(nearest("eventID", ["eventId", "eventType"]), Some("eventId"));
        assert_eq!(nearest("recordng_id", ["recording_id"]), Some("recording_id"));
        assert_eq!(nearest("share_token", ["s3_key", "status"]), None);
        // Short names are too easily two edits apart to guess.
        assert_eq!(nearest("ip", ["id"]), None);
    }
}
