//! Closed sets of named values (output formats, statuses, colour and input choices): how each
//! value is spelt, and the lists offered to the user with what each value means there. No
//! command-line parser here: `cli.rs` builds clap's value parsers from these lists.

/// A value of a closed set, with the one name it is written as on the command line and in
/// reports (`json`, `invalid`, `never`).
pub(crate) trait Named: Copy + Eq + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The name of each value of [`Named::ALL`], in the same order.
    const NAMES: &'static [&'static str];

    fn name(self) -> &'static str {
        let index = Self::ALL.iter().position(|&value| value == self);
        index.and_then(|i| Self::NAMES.get(i)).copied().unwrap_or_default()
    }
}

/// The values one option offers, in the order help lists them, each with what it means there
/// (`""` when it needs no words).
pub(crate) type Offer<T> = &'static [(T, &'static str)];

/// The offered value named `text`, if it is one of them.
pub(crate) fn parse<T: Named>(offer: Offer<T>, text: &str) -> Option<T> {
    offer.iter().map(|&(value, _)| value).find(|value| value.name() == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Side {
        Left,
        Right,
    }

    impl Named for Side {
        const ALL: &'static [Self] = &[Self::Left, Self::Right];
        const NAMES: &'static [&'static str] = &["left", "right"];
    }

    #[test]
    fn only_offered_names_parse() {
        const ONLY_LEFT: Offer<Side> = &[(Side::Left, "")];
        assert_eq!(parse(ONLY_LEFT, "left"), Some(Side::Left));
        assert_eq!(parse(ONLY_LEFT, "right"), None);
        assert_eq!(parse(ONLY_LEFT, "Left"), None);
        assert_eq!(Side::Right.name(), "right");
    }

    fn names_match_values<T: Named>() {
        assert_eq!(T::ALL.len(), T::NAMES.len());
        for (i, &value) in T::ALL.iter().enumerate() {
            assert_eq!(value.name(), T::NAMES[i]);
            assert!(!T::NAMES[..i].contains(&T::NAMES[i]), "{} is named twice", T::NAMES[i]);
        }
    }

    #[test]
    fn every_value_has_its_own_name() {
        names_match_values::<Side>();
        names_match_values::<crate::report::format::Format>();
        names_match_values::<crate::model::Status>();
        names_match_values::<crate::output::ColorChoice>();
        names_match_values::<crate::input::InputMode>();
    }
}
