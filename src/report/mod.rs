//! The reporters that turn results (`crate::model`) into human, JSON, NDJSON and CI reports.

mod ci;
pub(crate) mod format;
mod human;
mod machine;
mod reporter;
mod snippet;

pub(crate) use ci::{
    StepSummary, write_github, write_github_unreadable, write_gitlab, write_junit, write_sarif,
};
pub(crate) use human::{
    Findings, Identities, grouped_for_people, identity, render_snippet, render_summary_line,
};
pub(crate) use machine::{JsonReport, write_ndjson_result};
pub(crate) use reporter::{FileReports, FixtureName, Items, Reporter, Shape, styles_for};

/// A time as ISO 8601 in UTC (`2024-02-21T14:33:53.049Z`).
pub(crate) fn iso8601(millis: i64) -> Option<String> {
    jiff::Timestamp::from_millisecond(millis).ok().map(|t| t.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_times() {
        assert_eq!(super::iso8601(1_708_526_033_049).unwrap(), "2024-02-21T14:33:53.049Z");
        assert_eq!(super::iso8601(1_653_240_900_000).unwrap(), "2022-05-22T17:35:00Z");
    }
}
