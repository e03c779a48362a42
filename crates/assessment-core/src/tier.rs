//! Posture tiers: a named level that counts only when everything it requires is in place.
//!
//! In the spirit of C2M2's maturity rule, a high score cannot hide a missing critical measure: each
//! tier requires a minimum level per severity (and, higher up, a minimum overall score), and every
//! tier's requirements include those of the tiers below it. `docs/SCORING.md` explains it.

use chrono::NaiveDate;

use crate::answers::{AnswerType, Level};
use crate::content::Severity;
use crate::scoring::{AnswerState, Assessed, Tally};

/// A posture tier, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    Exposed,
    BaselineGaps,
    Foundational,
    Managed,
    Hardened,
}

impl Tier {
    /// Every tier, worst first.
    pub const ALL: [Tier; 5] = [
        Tier::Exposed,
        Tier::BaselineGaps,
        Tier::Foundational,
        Tier::Managed,
        Tier::Hardened,
    ];

    /// 0 for Exposed up to 4 for Hardened.
    pub fn number(self) -> u32 {
        match self {
            Tier::Exposed => 0,
            Tier::BaselineGaps => 1,
            Tier::Foundational => 2,
            Tier::Managed => 3,
            Tier::Hardened => 4,
        }
    }

    /// Plain-language name, e.g. "Baseline gaps".
    pub fn name(self) -> &'static str {
        match self {
            Tier::Exposed => "Exposed",
            Tier::BaselineGaps => "Baseline gaps",
            Tier::Foundational => "Foundational",
            Tier::Managed => "Managed",
            Tier::Hardened => "Hardened",
        }
    }

    /// What the tier means, in one line.
    pub fn meaning(self) -> &'static str {
        match self {
            Tier::Exposed => {
                "At least one critical measure is missing, only partly in place, or not known to be in place."
            }
            Tier::BaselineGaps => {
                "Every critical measure is at least largely in place, but not all of them fully."
            }
            Tier::Foundational => "Every critical measure is fully in place.",
            Tier::Managed => {
                "Critical measures fully and high-severity measures at least largely in place; overall score 75 or more."
            }
            Tier::Hardened => {
                "Critical and high-severity measures fully, all others at least largely in place; overall score 90 or more."
            }
        }
    }

    /// The least an applicable question of `severity` must reach for this tier; `None` when the
    /// tier asks nothing of that severity. Each tier asks at least what the tier below asks.
    pub fn minimum(self, severity: Severity) -> Option<Level> {
        use Level::{Fully, Largely};
        match (self, severity) {
            (Tier::Exposed, _) => None,
            (Tier::BaselineGaps, Severity::Critical) => Some(Largely),
            (Tier::Foundational, Severity::Critical) => Some(Fully),
            (Tier::Managed, Severity::Critical) => Some(Fully),
            (Tier::Managed, Severity::High) => Some(Largely),
            (Tier::Hardened, Severity::Critical | Severity::High) => Some(Fully),
            (Tier::Hardened, Severity::Medium | Severity::Low) => Some(Largely),
            _ => None,
        }
    }

    /// The least overall score (as shown, 0-100) this tier needs, if any.
    pub fn minimum_score(self) -> Option<u32> {
        match self {
            Tier::Managed => Some(75),
            Tier::Hardened => Some(90),
            _ => None,
        }
    }

    /// Whether a question of `severity` standing at `state` meets what this tier asks of it.
    pub fn accepts(self, severity: Severity, state: AnswerState) -> bool {
        self.minimum(severity)
            .is_none_or(|needed| !state.is_applicable() || state.meets(needed))
    }

    /// The tier above, if any.
    pub fn next(self) -> Option<Tier> {
        Tier::ALL.get(self.number() as usize + 1).copied()
    }
}

/// An answer that keeps the organisation below the next tier.
#[derive(Debug, Clone, PartialEq)]
pub struct GatingAnswer {
    pub question: String,
    pub title: String,
    pub severity: Severity,
    /// Where the question stands now.
    pub state: AnswerState,
    /// The kind of answer the question takes, which names its state and the level needed.
    pub answer: AnswerType,
    /// The level it must reach for the next tier.
    pub needed: Level,
    /// A valid risk acceptance is recorded; it does not count as implemented, so it still gates.
    pub risk_accepted: bool,
}

impl GatingAnswer {
    /// The current answer in the words of the question's type.
    pub fn answer_label(&self) -> &'static str {
        self.state.label_for(self.answer)
    }

    /// The least answer of the question's type that meets what the next tier needs, e.g. "On"
    /// where a coverage question would need "Largely in place".
    pub fn needed_label(&self) -> &'static str {
        self.answer.label(self.answer.at_least(self.needed))
    }
}

/// The overall score is below what the next tier needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreGate {
    pub score: u32,
    pub needed: u32,
}

/// The tier reached and exactly what holds the organisation there.
#[derive(Debug, Clone, PartialEq)]
pub struct TierResult {
    pub tier: Tier,
    pub name: &'static str,
    pub meaning: &'static str,
    /// The tier above, or `None` at the top.
    pub next: Option<Tier>,
    /// Answers below the next tier's minimum for their severity, in bank order.
    pub gating: Vec<GatingAnswer>,
    /// Set when the overall score is below the next tier's minimum.
    pub score_gate: Option<ScoreGate>,
}

/// The highest tier whose requirements, and those of every tier below, are all met.
pub(crate) fn tier_of(assessed: &[Assessed], overall: &Tally, today: NaiveDate) -> TierResult {
    let score = overall.percent();
    let tier = reached(assessed, score);
    let next = tier.next();
    let gating = next
        .map(|next| gating_answers(next, assessed, today))
        .unwrap_or_default();
    let score_gate = next
        .and_then(Tier::minimum_score)
        .filter(|needed| score < *needed)
        .map(|needed| ScoreGate { score, needed });
    TierResult {
        tier,
        name: tier.name(),
        meaning: tier.meaning(),
        next,
        gating,
        score_gate,
    }
}

/// The highest tier met, without what holds the organisation there.
pub(crate) fn reached(assessed: &[Assessed], score: u32) -> Tier {
    Tier::ALL
        .into_iter()
        .take_while(|tier| meets(*tier, assessed, score))
        .last()
        .unwrap_or(Tier::Exposed)
}

fn meets(tier: Tier, assessed: &[Assessed], score: u32) -> bool {
    let score_ok = tier.minimum_score().is_none_or(|needed| score >= needed);
    score_ok && assessed.iter().all(|item| shortfall(tier, item).is_none())
}

/// The level `item` is missing for `tier`, if it counts and falls short.
fn shortfall(tier: Tier, item: &Assessed) -> Option<Level> {
    let needed = tier.minimum(item.question.severity)?;
    (!tier.accepts(item.question.severity, item.state)).then_some(needed)
}

fn gating_answers(tier: Tier, assessed: &[Assessed], today: NaiveDate) -> Vec<GatingAnswer> {
    assessed
        .iter()
        .filter_map(|item| {
            let needed = shortfall(tier, item)?;
            let risk_accepted = item
                .record
                .and_then(|record| record.risk_acceptance.as_ref())
                .is_some_and(|acceptance| acceptance.is_valid(today));
            Some(GatingAnswer {
                question: item.question.id.clone(),
                title: item.question.title.clone(),
                severity: item.question.severity,
                state: item.state,
                answer: item.question.answer,
                needed,
                risk_accepted,
            })
        })
        .collect()
}
