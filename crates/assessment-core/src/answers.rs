//! What an organisation says about each question: the implementation scale and the other states.

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
