//! Scores: severity-weighted credit over the questions that apply, per family and overall.
//!
//! The method is written out for people in `docs/SCORING.md`; keep the two in step.

use std::collections::BTreeMap;

use crate::answers::{AnswerType, Level, Response};
use crate::assessment::{AnswerRecord, Assessment};
use crate::content::{Bank, Question};
use crate::profile::Facts;

/// Where one question stands once the scoring rules are applied to its response and the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnswerState {
    /// The organisation profile takes the question out of scope.
    OutOfScope,
    /// The family's closing rule holds (e.g. no notification and every credential rotated): the
    /// question needs no answer and counts as fully in place, so closing a family can only raise
    /// a score, never lower it.
    Closed,
    /// Answered "not applicable" with a reason: the question leaves the score.
    NotApplicable,
    /// Nothing answered yet: scored as not in place.
    Unanswered,
    /// Answered "not applicable" without a reason: scored as unanswered until a reason is given.
    NeedsReason,
    /// "Don't know": scored as not in place.
    DontKnow,
    /// In place to this level.
    Implemented { level: Level },
}

impl AnswerState {
    /// The state of a question given its response and whether the profile keeps it in scope.
    pub fn of(response: Option<&Response>, in_scope: bool) -> AnswerState {
        match (in_scope, response) {
            (false, _) => AnswerState::OutOfScope,
            (true, None) => AnswerState::Unanswered,
            (true, Some(r)) if r.needs_reason() => AnswerState::NeedsReason,
            (true, Some(Response::NotApplicable { .. })) => AnswerState::NotApplicable,
            (true, Some(Response::DontKnow)) => AnswerState::DontKnow,
            (true, Some(Response::Implemented { level })) => {
                AnswerState::Implemented { level: *level }
            }
        }
    }

    /// The state with its level brought within what `answer` offers, so a level the question's
    /// type does not have can never earn more than the type allows.
    pub fn within(self, answer: AnswerType) -> AnswerState {
        match self {
            AnswerState::Implemented { level } => AnswerState::Implemented {
                level: answer.migrate(level),
            },
            other => other,
        }
    }

    /// Credit in thirds, or `None` when the question does not count (out of scope or N/A).
    pub fn credit(self) -> Option<u32> {
        match self {
            AnswerState::OutOfScope | AnswerState::NotApplicable => None,
            AnswerState::Closed => Some(Level::MAX_CREDIT),
            AnswerState::Unanswered | AnswerState::NeedsReason | AnswerState::DontKnow => Some(0),
            AnswerState::Implemented { level } => Some(level.credit()),
        }
    }

    /// The question counts in the score.
    pub fn is_applicable(self) -> bool {
        self.credit().is_some()
    }

    /// Nobody has said how far the measure is in place: unanswered, don't know, or N/A unexplained.
    pub fn is_unknown(self) -> bool {
        matches!(
            self,
            AnswerState::Unanswered | AnswerState::NeedsReason | AnswerState::DontKnow
        )
    }

    /// The question counts and is in place at least to `level`. Unknown answers meet nothing.
    pub fn meets(self, level: Level) -> bool {
        match self {
            AnswerState::Implemented { level: have } => have >= level,
            AnswerState::Closed => true,
            _ => false,
        }
    }

    /// Plain-language label in the words of the question's answer type, e.g. "On",
    /// "Largely in place", "Under way" or "Don't know".
    pub fn label_for(self, answer: AnswerType) -> &'static str {
        match self {
            AnswerState::Implemented { level } => answer.label(level),
            other => other.label(),
        }
    }

    /// Plain-language label on the four-step scale, e.g. "Largely in place" or "Don't know".
    pub fn label(self) -> &'static str {
        match self {
            AnswerState::OutOfScope => "Out of scope for your organisation",
            AnswerState::Closed => "Closed: nothing more to do",
            AnswerState::NotApplicable => "Not applicable",
            AnswerState::Unanswered => "Not answered yet",
            AnswerState::NeedsReason => "Marked not applicable without a reason",
            AnswerState::DontKnow => "Don't know",
            AnswerState::Implemented { level } => level.label(),
        }
    }
}

/// One question of the bank with what the assessment says about it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessed<'a> {
    pub question: &'a Question,
    pub state: AnswerState,
    /// Everything recorded against the question, if anything was.
    pub record: Option<&'a AnswerRecord>,
    /// Position of the question in the bank; the last tie-breaker wherever order matters.
    pub index: usize,
}

impl Assessed<'_> {
    /// The current answer in the words of the question's type, e.g. "On" or "Under way".
    pub fn answer_label(&self) -> &'static str {
        self.state.label_for(self.question.answer)
    }
}

/// Every question of the bank, in bank order, with its state in `assessment`.
pub fn assess<'a>(bank: &'a Bank, assessment: &'a Assessment) -> Vec<Assessed<'a>> {
    let facts = Facts::from_answers(bank, &assessment.profile);
    let mut assessed: Vec<Assessed> = bank
        .questions
        .iter()
        .enumerate()
        .map(|(index, question)| Assessed {
            question,
            state: AnswerState::of(assessment.response(&question.id), facts.applies(question))
                .within(question.answer),
            record: assessment.record(&question.id),
            index,
        })
        .collect();
    let closed = closed_families(bank, &facts, &assessed);
    for item in &mut assessed {
        let in_closed = closed.contains(&item.question.family.as_str());
        if in_closed && item.state != AnswerState::OutOfScope {
            item.state = AnswerState::Closed;
        }
    }
    assessed
}

/// Ids of the families of `assessment` whose closing rule holds, in bank order.
pub fn closed<'a>(bank: &'a Bank, assessment: &Assessment) -> Vec<&'a str> {
    let facts = Facts::from_answers(bank, &assessment.profile);
    closed_families(bank, &facts, &assess(bank, assessment))
}

/// Families whose closing rule holds: each named fact known false and each named question in
/// scope and fully in place. The bank's checks keep a rule from naming a question of its own
/// family, so a rule never depends on what it closes.
pub fn closed_families<'a>(bank: &'a Bank, facts: &Facts, assessed: &[Assessed]) -> Vec<&'a str> {
    bank.families
        .iter()
        .filter(|family| {
            family.closes.as_ref().is_some_and(|rule| {
                let facts_false = rule.facts_false.iter().all(|f| facts.get(f) == Some(false));
                let done = rule.done.iter().all(|id| {
                    assessed
                        .iter()
                        .find(|item| &item.question.id == id)
                        .is_some_and(|item| item.state.meets(Level::Fully))
                });
                facts_false && done
            })
        })
        .map(|family| family.id.as_str())
        .collect()
}

/// The counts behind one score, so every percentage can be shown with what it is made of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Weighted credit earned, in points (thirds of a fully implemented measure, times weight).
    pub earned: u32,
    /// Weighted credit possible over applicable questions, in points.
    pub possible: u32,
    /// Questions that count: in scope for the profile and not answered "not applicable".
    pub applicable: u32,
    /// Applicable questions answered as fully in place.
    pub fully: u32,
    /// Applicable questions answered "don't know" (scored as not in place).
    pub dont_know: u32,
    /// Applicable questions not answered yet (scored as not in place), including `needs_reason`.
    pub unanswered: u32,
    /// Questions answered "not applicable" or out of scope for the profile.
    pub not_applicable: u32,
    /// Questions answered "not applicable" without a reason; counted in `unanswered` too.
    pub needs_reason: u32,
}

impl Tally {
    /// Score from 0 to 100, rounded half up, except that 100 is kept for "nothing missing": a score
    /// that would round up to 100 while some credit is missing shows 99. Nothing applicable scores 0.
    pub fn percent(&self) -> u32 {
        if self.possible == 0 {
            return 0;
        }
        // u64 so that very large banks cannot overflow the intermediate product.
        let (earned, possible) = (u64::from(self.earned), u64::from(self.possible));
        let rounded = (200 * earned + possible) / (2 * possible);
        // At most 100, since earned never exceeds possible.
        let percent = u32::try_from(rounded.min(100)).unwrap_or(100);
        if self.earned < self.possible {
            percent.min(99)
        } else {
            percent
        }
    }

    /// Applicable questions with any answer (a level or "don't know").
    pub fn answered(&self) -> u32 {
        self.applicable - self.unanswered
    }

    /// The counts behind the percentage in one sentence, e.g. "12 of 18 applicable measures fully
    /// in place (40 of 54 points); 1 don't know; 2 not answered yet."
    pub fn summary(&self) -> String {
        let measures = if self.applicable == 1 {
            "measure"
        } else {
            "measures"
        };
        let mut text = format!(
            "{} of {} applicable {measures} fully in place ({} of {} points)",
            self.fully, self.applicable, self.earned, self.possible
        );
        if self.dont_know > 0 {
            text.push_str(&format!("; {} don't know", self.dont_know));
        }
        if self.unanswered > 0 {
            text.push_str(&format!("; {} not answered yet", self.unanswered));
        }
        if self.needs_reason > 0 {
            text.push_str(&format!(
                " ({} marked not applicable without a reason)",
                self.needs_reason
            ));
        }
        text.push('.');
        text
    }

    /// Adds one question. Its contribution depends on nothing but its own weight and state.
    fn add(&mut self, question: &Question, state: AnswerState) {
        let Some(credit) = state.credit() else {
            self.not_applicable += 1;
            return;
        };
        match state {
            AnswerState::Unanswered => self.unanswered += 1,
            AnswerState::NeedsReason => {
                self.unanswered += 1;
                self.needs_reason += 1;
            }
            AnswerState::DontKnow => self.dont_know += 1,
            AnswerState::Implemented {
                level: Level::Fully,
            }
            | AnswerState::Closed => self.fully += 1,
            _ => {}
        }
        let weight = question.severity.weight();
        self.applicable += 1;
        self.earned += weight * credit;
        self.possible += weight * Level::MAX_CREDIT;
    }
}

/// Score of one family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyScore {
    pub family: String,
    pub tally: Tally,
}

/// Overall and per-family scores of an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreCard {
    pub overall: Tally,
    pub families: Vec<FamilyScore>,
}

/// Scores an assessment against a bank.
pub fn score(bank: &Bank, assessment: &Assessment) -> ScoreCard {
    score_assessed(bank, &assess(bank, assessment))
}

/// Scores questions already assessed; families come in bank order.
pub(crate) fn score_assessed(bank: &Bank, assessed: &[Assessed]) -> ScoreCard {
    let position: BTreeMap<&str, usize> = bank
        .families
        .iter()
        .enumerate()
        .map(|(i, family)| (family.id.as_str(), i))
        .collect();
    let mut families: Vec<FamilyScore> = bank
        .families
        .iter()
        .map(|family| FamilyScore {
            family: family.id.clone(),
            tally: Tally::default(),
        })
        .collect();
    let mut overall = Tally::default();
    for item in assessed {
        // A valid bank has no question outside its families; such a question would not count.
        let Some(&i) = position.get(item.question.family.as_str()) else {
            continue;
        };
        families[i].tally.add(item.question, item.state);
        overall.add(item.question, item.state);
    }
    ScoreCard { overall, families }
}
