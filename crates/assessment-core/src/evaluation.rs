//! The one entry point the results page and the reports use: scores, tier, plan and the lists
//! around them, all derived from the bank, the assessment and the date passed in.

use chrono::NaiveDate;

use crate::assessment::Assessment;
use crate::content::Bank;
use crate::plan::{plan_of, Plan, PlanItem};
use crate::scoring::{assess, score_assessed, AnswerState, ScoreCard};
use crate::tier::{tier_of, TierResult};

/// A question named in a list, with its title for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRef {
    pub question: String,
    pub title: String,
}

/// Everything the results page and the reports show about an assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Overall and per-family scores with the counts behind them.
    pub scores: ScoreCard,
    /// The posture tier and what holds the organisation there.
    pub tier: TierResult,
    /// Open actions, grouped by horizon and ranked.
    pub plan: Plan,
    /// Gaps with a valid risk acceptance, ranked like the plan. They still count as not in place.
    pub accepted_risks: Vec<PlanItem>,
    /// Questions marked "not applicable" without a reason, in bank order; scored as unanswered.
    pub needs_reason: Vec<QuestionRef>,
    /// Questions the organisation profile takes out of scope.
    pub excluded: u32,
}

/// Evaluates `assessment` against `bank` as of `today` (which decides overdue actions and expired
/// risk acceptances; the core never reads a clock).
pub fn evaluate(bank: &Bank, assessment: &Assessment, today: NaiveDate) -> Evaluation {
    let assessed = assess(bank, assessment);
    let scores = score_assessed(bank, &assessed);
    let tier = tier_of(&assessed, &scores.overall, today);
    let (plan, accepted_risks) = plan_of(&assessed, &assessment.details, today);
    let needs_reason = assessed
        .iter()
        .filter(|item| item.state == AnswerState::NeedsReason)
        .map(|item| QuestionRef {
            question: item.question.id.clone(),
            title: item.question.title.clone(),
        })
        .collect();
    let excluded = assessed
        .iter()
        .filter(|item| item.state == AnswerState::OutOfScope)
        .count() as u32;
    Evaluation {
        scores,
        tier,
        plan,
        accepted_risks,
        needs_reason,
        excluded,
    }
}
