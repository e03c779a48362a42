//! The first pass: the few most important questions that apply, answered in about twenty
//! minutes for a provisional score and tier, before the full walk-through.

use chrono::NaiveDate;

use crate::assessment::Assessment;
use crate::content::{Bank, Question, Severity};
use crate::scoring::{assess, score_assessed, AnswerState, Assessed, Tally};
use crate::tier::{tier_of, TierResult};

/// The most questions a first pass asks: at roughly 45 seconds each, about twenty minutes.
pub const MAX_QUESTIONS: usize = 25;

/// The first-pass questions for this assessment's profile, in bank (walk-through) order: the
/// questions the bank marks `first_pass` that apply and are not closed. Should more than
/// [`MAX_QUESTIONS`] apply, critical ones are kept before high ones, each in bank order.
pub fn questions<'a>(bank: &'a Bank, assessment: &'a Assessment) -> Vec<&'a Question> {
    let assessed = assess(bank, assessment);
    chosen(&assessed)
        .into_iter()
        .map(|item| item.question)
        .collect()
}

fn chosen<'a, 'b>(assessed: &'b [Assessed<'a>]) -> Vec<&'b Assessed<'a>> {
    let mut candidates: Vec<&Assessed> = assessed
        .iter()
        .filter(|item| {
            item.question.first_pass
                && !matches!(item.state, AnswerState::OutOfScope | AnswerState::Closed)
        })
        .collect();
    candidates.sort_by_key(|item| (item.question.severity != Severity::Critical, item.index));
    candidates.truncate(MAX_QUESTIONS);
    candidates.sort_by_key(|item| item.index);
    candidates
}

/// What the first pass shows: a score and tier over its questions only, marked provisional
/// wherever it is displayed, since most of the bank is not yet answered.
#[derive(Debug, Clone, PartialEq)]
pub struct Provisional {
    /// Ids of the first-pass questions, in order.
    pub questions: Vec<String>,
    /// The score over the first-pass questions.
    pub tally: Tally,
    pub tier: TierResult,
}

impl Provisional {
    /// First-pass questions answered so far (any answer, including "don't know").
    pub fn answered(&self) -> u32 {
        self.tally.answered() + self.tally.not_applicable
    }
}

/// The provisional result of the first pass as of `today`.
pub fn provisional(bank: &Bank, assessment: &Assessment, today: NaiveDate) -> Provisional {
    let assessed = assess(bank, assessment);
    let subset: Vec<Assessed> = chosen(&assessed).into_iter().copied().collect();
    let tally = score_assessed(bank, &subset).overall;
    let tier = tier_of(&subset, &tally, today);
    Provisional {
        questions: subset.iter().map(|item| item.question.id.clone()).collect(),
        tally,
        tier,
    }
}
