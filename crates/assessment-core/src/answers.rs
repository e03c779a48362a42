//! What an organisation says about each question: the answer types, the credit scale they map
//! onto, and the other states.

/// How far a measure is in place. The order is the order of improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    None,
    Partial,
    Largely,
    Fully,
}

impl Level {
    /// Every level, worst first.
    pub const ALL: [Level; 4] = [Level::None, Level::Partial, Level::Largely, Level::Fully];

    /// The highest credit a level can earn; credits are counted in thirds so sums stay exact.
    pub const MAX_CREDIT: u32 = 3;

    /// Credit in thirds of a fully implemented measure.
    pub fn credit(self) -> u32 {
        match self {
            Level::None => 0,
            Level::Partial => 1,
            Level::Largely => 2,
            Level::Fully => 3,
        }
    }

    /// Stable machine name, used in files and test hooks.
    pub fn key(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Partial => "partial",
            Level::Largely => "largely",
            Level::Fully => "fully",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::None => "Not in place",
            Level::Partial => "Partly in place",
            Level::Largely => "Largely in place",
            Level::Fully => "Fully in place",
        }
    }
}

impl crate::keys::Keyed for Level {
    const ALL: &'static [Level] = &Level::ALL;

    fn key(self) -> &'static str {
        Level::key(self)
    }
}

/// The kind of answer a question takes. Each kind offers only the steps that make sense for it and
/// maps them onto [`Level`], the one credit scale behind every score (docs/SCORING.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerType {
    /// A tenant setting: on or off. Off earns nothing, on earns full credit.
    Setting,
    /// A measure that covers some share of users, apps or systems: none, partly, largely, fully.
    Coverage,
    /// A one-off piece of work: not started, under way, done. Under way earns a third, as
    /// "partly"; a plan or budget alone is "not started".
    Action,
}

impl AnswerType {
    /// The levels this type offers, worst first.
    pub fn levels(self) -> &'static [Level] {
        match self {
            AnswerType::Setting => &[Level::None, Level::Fully],
            AnswerType::Coverage => &Level::ALL,
            AnswerType::Action => &[Level::None, Level::Partial, Level::Fully],
        }
    }

    /// The type offers `level`.
    pub fn allows(self, level: Level) -> bool {
        self.levels().contains(&level)
    }

    /// How this type names `level`, e.g. "On", "Largely in place", "Under way". A level the type
    /// does not offer is named as the level it migrates to.
    pub fn label(self, level: Level) -> &'static str {
        match (self, self.migrate(level)) {
            (AnswerType::Setting, Level::Fully) => "On",
            (AnswerType::Setting, _) => "Off",
            (AnswerType::Action, Level::Fully) => "Done",
            (AnswerType::Action, Level::None) => "Not started",
            (AnswerType::Action, _) => "Under way",
            (AnswerType::Coverage, level) => level.label(),
        }
    }

    /// The level an answer on the old four-step scale becomes under this type: the highest level
    /// the type offers that does not claim more than the old answer did. "Largely" on a setting
    /// becomes "Off", since a setting that is not on for everyone is not on; on a one-off action
    /// it becomes "Under way".
    pub fn migrate(self, old: Level) -> Level {
        self.levels()
            .iter()
            .copied()
            .filter(|level| *level <= old)
            .max()
            .unwrap_or(Level::None)
    }

    /// The lowest level this type offers that meets `needed`: "On" meets "Largely in place".
    pub fn at_least(self, needed: Level) -> Level {
        self.levels()
            .iter()
            .copied()
            .find(|level| *level >= needed)
            .unwrap_or(Level::Fully)
    }

    /// Stable machine name of the type.
    pub fn key(self) -> &'static str {
        match self {
            AnswerType::Setting => "setting",
            AnswerType::Coverage => "coverage",
            AnswerType::Action => "action",
        }
    }
}

/// An answer given to a question. A question with no `Response` is unanswered.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Response {
    /// The measure is in place to this level.
    Implemented { level: Level },
    /// The measure does not apply to this organisation, for the stated reason.
    NotApplicable { reason: String },
    /// The person answering does not know; scored as not in place and counted separately.
    DontKnow,
}

impl Response {
    /// Credit in thirds, or `None` when the question leaves the denominator. A "not applicable"
    /// without a reason stays in the denominator with no credit (see [`Response::needs_reason`]).
    pub fn credit(&self) -> Option<u32> {
        match self {
            Response::Implemented { level } => Some(level.credit()),
            Response::NotApplicable { .. } if self.needs_reason() => Some(0),
            Response::NotApplicable { .. } => None,
            Response::DontKnow => Some(0),
        }
    }

    /// A "not applicable" whose reason is blank. It does not take the question out of the score:
    /// otherwise marking everything not applicable would be a way to skip questions unseen.
    pub fn needs_reason(&self) -> bool {
        matches!(self, Response::NotApplicable { reason } if reason.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_offers_none_and_fully_in_order() {
        for answer in [
            AnswerType::Setting,
            AnswerType::Coverage,
            AnswerType::Action,
        ] {
            let levels = answer.levels();
            assert_eq!(levels.first(), Some(&Level::None));
            assert_eq!(levels.last(), Some(&Level::Fully));
            assert!(levels.windows(2).all(|pair| pair[0] < pair[1]));
            for level in levels {
                assert_eq!(answer.migrate(*level), *level);
            }
        }
    }

    #[test]
    fn migration_never_claims_more_than_the_old_answer() {
        assert_eq!(AnswerType::Setting.migrate(Level::Largely), Level::None);
        assert_eq!(AnswerType::Setting.migrate(Level::Partial), Level::None);
        assert_eq!(AnswerType::Action.migrate(Level::Largely), Level::Partial);
        assert_eq!(AnswerType::Coverage.migrate(Level::Largely), Level::Largely);
        for answer in [
            AnswerType::Setting,
            AnswerType::Coverage,
            AnswerType::Action,
        ] {
            for old in Level::ALL {
                assert!(answer.migrate(old) <= old);
                assert!(answer.allows(answer.migrate(old)));
            }
        }
    }

    #[test]
    fn labels_name_the_step_in_the_words_of_the_type() {
        assert_eq!(AnswerType::Setting.label(Level::Fully), "On");
        assert_eq!(AnswerType::Setting.label(Level::None), "Off");
        assert_eq!(AnswerType::Action.label(Level::Partial), "Under way");
        assert_eq!(AnswerType::Action.label(Level::None), "Not started");
        assert_eq!(
            AnswerType::Coverage.label(Level::Partial),
            "Partly in place"
        );
        assert_eq!(AnswerType::Setting.at_least(Level::Largely), Level::Fully);
        assert_eq!(AnswerType::Action.at_least(Level::Partial), Level::Partial);
    }
}
