//! Stable machine names for the choices the interface offers and the files store, so that an
//! option's value never depends on the language of its label.

/// A closed set of choices, each with a stable key (kebab-case, as in the files).
pub trait Keyed: Copy + PartialEq + 'static {
    /// Every choice, in the order they are offered.
    const ALL: &'static [Self];

    /// The stable key of this choice.
    fn key(self) -> &'static str;

    /// The choice with this key, if any.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|choice| choice.key() == key)
    }
}

/// The key of an optional choice, with `""` for "none chosen" (a select's "All").
pub fn optional_key<T: Keyed>(choice: Option<T>) -> &'static str {
    choice.map_or("", Keyed::key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActionStatus, Effort, Horizon, Level, Severity};

    fn round_trips<T: Keyed + std::fmt::Debug>() {
        let mut seen = std::collections::BTreeSet::new();
        for choice in T::ALL {
            assert_eq!(T::from_key(choice.key()), Some(*choice));
            assert!(
                seen.insert(choice.key()),
                "key {} given twice",
                choice.key()
            );
            assert!(!choice.key().is_empty());
        }
        assert_eq!(T::from_key("no such key"), None);
        assert_eq!(T::from_key(""), None);
    }

    #[test]
    fn every_key_names_one_choice() {
        round_trips::<Level>();
        round_trips::<ActionStatus>();
        round_trips::<Horizon>();
        round_trips::<Severity>();
        round_trips::<Effort>();
    }

    #[test]
    fn no_choice_is_the_empty_key() {
        assert_eq!(optional_key::<Horizon>(None), "");
        assert_eq!(optional_key(Some(Horizon::Within30Days)), "within-30-days");
    }
}
