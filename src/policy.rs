//! What the user's settings do to a verdict, in one place for every command: the project file's
//! per-code levels (`[[findings]]`: silence a code, keep it a warning or make it an error, per
//! path and pointer) and `--strict` (every warning fails, so the status says `invalid`).

use std::sync::Arc;

use globset::GlobSet;

use crate::model::{EventResult, Severity, Status};

/// The level a `[[findings]]` entry gives a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Level {
    /// Gone from the report and the counts.
    Off,
    Warning,
    Error,
}

/// One `[[findings]]` entry, compiled: which code, where in the event, and the level it gets.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub code: String,
    pub level: Level,
    /// JSON Pointer globs (`*` one segment, `**` any depth); `None` matches every pointer.
    pub pointers: Option<GlobSet>,
}

/// The settings that apply to the events of one source.
#[derive(Debug, Clone, Default)]
pub(crate) struct Policy {
    pub strict: bool,
    /// In file order; a later entry overrides an earlier one for the same finding.
    pub rules: Vec<Arc<Rule>>,
}

impl Policy {
    /// Applies the rules to every finding, then settles the status: an event of a known type is
    /// `invalid` when errors remain, or, under `--strict`, when any warning does.
    pub(crate) fn apply(&self, result: &mut EventResult) {
        if !self.rules.is_empty() {
            let findings =
                std::mem::take(&mut result.errors).into_iter().chain(std::mem::take(&mut result.warnings));
            for mut finding in findings {
                let level = self
                    .rules
                    .iter()
                    .rev()
                    .find(|r| {
                        r.code == finding.code
                            && r.pointers.as_ref().is_none_or(|p| p.is_match(&finding.pointer))
                    })
                    .map(|r| r.level);
                match level {
                    Some(Level::Off) => continue,
                    Some(Level::Warning) => finding.severity = Severity::Warning,
                    Some(Level::Error) => finding.severity = Severity::Error,
                    None => {}
                }
                match finding.severity {
                    Severity::Error => result.errors.push(finding),
                    Severity::Warning => result.warnings.push(finding),
                }
            }
            result.errors.sort_by_key(|f| (f.line, f.column));
            result.warnings.sort_by_key(|f| (f.line, f.column));
        }
        if matches!(result.status, Status::Valid | Status::Invalid) {
            let fails = !result.errors.is_empty() || (self.strict && !result.warnings.is_empty());
            result.status = if fails { Status::Invalid } else { Status::Valid };
        }
    }
}

#[cfg(test)]
mod tests {
    use globset::{Glob, GlobSetBuilder};

    use super::*;
    use crate::model::{Finding, code};

    fn result(errors: Vec<Finding>, warnings: Vec<Finding>) -> EventResult {
        EventResult {
            source: "a.json".into(),
            line: 1,
            column: 1,
            provider: Some("daily".into()),
            event_type: Some("meeting.started".into()),
            api_version: None,
            api_version_candidates: None,
            status: if errors.is_empty() { Status::Valid } else { Status::Invalid },
            docs: None,
            errors,
            warnings,
            expect: None,
        }
    }

    fn warning(pointer: &str, code: &str) -> Finding {
        Finding::new(Severity::Warning, pointer, "k", code, "m".into())
    }

    fn rule(code: &str, level: Level, pointer: Option<&str>) -> Arc<Rule> {
        let pointers = pointer.map(|p| {
            let mut set = GlobSetBuilder::new();
            set.add(Glob::new(p).unwrap());
            set.build().unwrap()
        });
        Arc::new(Rule { code: code.into(), level, pointers })
    }

    #[test]
    fn strict_makes_warnings_fail_in_the_status() {
        let mut r = result(vec![], vec![warning("/payload/x", code::UNDOCUMENTED_FIELD)]);
        Policy { strict: false, rules: vec![] }.apply(&mut r);
        assert_eq!(r.status, Status::Valid);
        Policy { strict: true, rules: vec![] }.apply(&mut r);
        assert_eq!(r.status, Status::Invalid);
    }

    #[test]
    fn rules_silence_and_promote_by_code_and_pointer() {
        let base = || {
            result(
                vec![],
                vec![
                    warning("/payload/share_token", code::UNDOCUMENTED_FIELD),
                    warning("/payload/a", code::FORMAT),
                ],
            )
        };
        let mut r = base();
        Policy {
            strict: true,
            rules: vec![
                rule(code::UNDOCUMENTED_FIELD, Level::Off, None),
                rule(code::FORMAT, Level::Off, None),
            ],
        }
        .apply(&mut r);
        assert!(r.warnings.is_empty());
        assert_eq!(r.status, Status::Valid, "nothing left to fail under --strict");

        let mut r = base();
        Policy { strict: false, rules: vec![rule(code::FORMAT, Level::Error, Some("/payload/*"))] }
            .apply(&mut r);
        assert_eq!(r.errors.len(), 1);
        assert_eq!(r.status, Status::Invalid);

        let mut r = base();
        let rules = vec![
            rule(code::FORMAT, Level::Error, None),
            rule(code::FORMAT, Level::Warning, Some("/payload/a")),
        ];
        Policy { strict: false, rules }.apply(&mut r);
        assert_eq!(r.status, Status::Valid, "the later, narrower entry wins");
    }

    #[test]
    fn unknown_and_unparsable_keep_their_status() {
        let mut r = result(vec![warning("", code::UNKNOWN_TYPE)], vec![]);
        r.status = Status::Unknown;
        Policy { strict: true, rules: vec![rule(code::UNKNOWN_TYPE, Level::Off, None)] }.apply(&mut r);
        assert_eq!(r.status, Status::Unknown);
    }
}
