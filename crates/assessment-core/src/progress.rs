//! Where an assessment stands as a walk-through: which applicable questions still need an answer,
//! which "does not apply" answers still need a reason, and where the next unanswered one is.
//!
//! These use the same [`AnswerState`] as the score, so the walk-through and the score can never
//! disagree about whether a question is answered.

use crate::assessment::Assessment;
use crate::content::{Bank, Question};
use crate::scoring::{assess, AnswerState};

impl AnswerState {
    /// The question is in scope and still needs an answer: nothing recorded, or "does not apply"
    /// without a reason (which the score counts as unanswered too).
    pub fn is_pending(self) -> bool {
        matches!(self, AnswerState::Unanswered | AnswerState::NeedsReason)
    }
}

/// A question that still needs the person's attention, with where to find it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pending<'a> {
    /// Index of the question's family in the bank.
    pub family: usize,
    pub question: &'a Question,
    /// `Unanswered` or `NeedsReason`.
    pub state: AnswerState,
}

/// The walk-through's progress: every pending question in bank order, family by family.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress<'a> {
    pub pending: Vec<Pending<'a>>,
}

impl<'a> Progress<'a> {
    /// The pending questions of `assessment`, family by family in bank order.
    pub fn of(bank: &'a Bank, assessment: &'a Assessment) -> Progress<'a> {
        // The score's own states, so the walk-through and the score cannot disagree.
        let mut pending: Vec<Pending> = assess(bank, assessment)
            .into_iter()
            .filter(|item| item.state.is_pending())
            .filter_map(|item| {
                Some(Pending {
                    family: bank
                        .families
                        .iter()
                        .position(|f| f.id == item.question.family)?,
                    question: item.question,
                    state: item.state,
                })
            })
            .collect();
        // Stable: bank order is kept within each family.
        pending.sort_by_key(|p| p.family);
        Progress { pending }
    }

    /// Every applicable question has a complete answer.
    pub fn is_complete(&self) -> bool {
        self.pending.is_empty()
    }

    /// Applicable questions answered "does not apply" without a reason.
    pub fn needing_reason(&self) -> impl Iterator<Item = &Pending<'a>> {
        self.pending
            .iter()
            .filter(|p| p.state == AnswerState::NeedsReason)
    }

    /// The first pending question from family `from` onwards, wrapping round to the start.
    pub fn next_from(&self, from: usize) -> Option<&Pending<'a>> {
        self.pending
            .iter()
            .find(|p| p.family >= from)
            .or_else(|| self.pending.first())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Level, Response};
    use crate::assessment::Change;
    use crate::scoring::score;

    fn bank() -> Bank {
        Bank::from_toml(include_str!("../tests/fixtures/small_bank.toml")).unwrap()
    }

    fn respond(a: &mut Assessment, id: &str, response: Response) {
        a.apply(Change::Respond {
            question: id.into(),
            response: Some(response),
        });
    }

    #[test]
    fn a_reasonless_not_applicable_is_pending_like_the_score_says() {
        let bank = bank();
        let mut a = Assessment::default();
        for q in &bank.questions {
            respond(
                &mut a,
                &q.id,
                Response::Implemented {
                    level: Level::Fully,
                },
            );
        }
        let first = bank.questions[0].id.clone();
        respond(
            &mut a,
            &first,
            Response::NotApplicable {
                reason: "  ".into(),
            },
        );
        let progress = Progress::of(&bank, &a);
        assert!(!progress.is_complete());
        assert_eq!(
            progress.pending.len() as u32,
            score(&bank, &a).overall.unanswered
        );
        assert_eq!(progress.needing_reason().count(), 1);
        assert_eq!(progress.next_from(0).unwrap().question.id, first);
        // Wrapping: from the last family the first pending question is still found.
        let last = bank.families.len() - 1;
        assert_eq!(progress.next_from(last).unwrap().question.id, first);
    }

    #[test]
    fn a_question_out_of_scope_needs_no_reason() {
        let bank = bank();
        let mut a = Assessment::default();
        a.apply(Change::Profile {
            question: "azure".into(),
            option: Some("no".into()),
        });
        respond(
            &mut a,
            "BE-01",
            Response::NotApplicable {
                reason: String::new(),
            },
        );
        let progress = Progress::of(&bank, &a);
        assert_eq!(progress.needing_reason().count(), 0);
        assert!(progress.pending.iter().all(|p| p.question.id != "BE-01"));
    }
}
