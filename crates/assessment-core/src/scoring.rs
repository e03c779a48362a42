//! Scores: severity-weighted credit over the questions that apply, per family and overall.
//!
//! The method is written out for people in `docs/SCORING.md`; keep the two in step.

use serde::{Deserialize, Serialize};

use crate::answers::{Level, Response};
use crate::assessment::Assessment;
use crate::content::{Bank, Question};
use crate::profile::Facts;

/// The counts behind one score, so every percentage can be shown with what it is made of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Weighted credit earned, in thirds.
    pub earned: u32,
    /// Weighted credit possible over applicable questions, in thirds.
    pub possible: u32,
    /// Questions that count: in scope for the profile and not answered "not applicable".
    pub applicable: u32,
    /// Applicable questions answered as fully in place.
    pub fully: u32,
    /// Applicable questions answered "don't know" (scored as not in place).
    pub dont_know: u32,
    /// Applicable questions not answered yet (scored as not in place).
    pub unanswered: u32,
    /// Questions answered "not applicable" or out of scope for the profile.
    pub not_applicable: u32,
}

impl Tally {
    /// Score from 0 to 100, rounded half up. Nothing applicable scores 0.
    pub fn percent(&self) -> u32 {
        if self.possible == 0 {
            return 0;
        }
        (200 * self.earned + self.possible) / (2 * self.possible)
    }

    /// Applicable questions with any answer (a level or "don't know").
    pub fn answered(&self) -> u32 {
        self.applicable - self.unanswered
    }

    fn add(&mut self, question: &Question, response: Option<&Response>, in_scope: bool) {
        let credit = match (in_scope, response) {
            (false, _) | (true, Some(Response::NotApplicable { .. })) => {
                self.not_applicable += 1;
                return;
            }
            (true, None) => {
                self.unanswered += 1;
                0
            }
            (true, Some(Response::DontKnow)) => {
                self.dont_know += 1;
                0
            }
            (true, Some(Response::Implemented { level })) => {
                if *level == Level::Fully {
                    self.fully += 1;
                }
                level.credit()
            }
        };
        let weight = question.severity.weight();
        self.applicable += 1;
        self.earned += weight * credit;
        self.possible += weight * Level::MAX_CREDIT;
    }
}

/// Score of one family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyScore {
    pub family: String,
    pub tally: Tally,
}

/// Overall and per-family scores of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreCard {
    pub overall: Tally,
    pub families: Vec<FamilyScore>,
}

/// Scores an assessment against a bank.
pub fn score(bank: &Bank, assessment: &Assessment) -> ScoreCard {
    let facts = Facts::from_answers(bank, &assessment.profile);
    let mut overall = Tally::default();
    let families = bank
        .families
        .iter()
        .map(|family| {
            let mut tally = Tally::default();
            for question in bank.questions_in(&family.id) {
                let in_scope = facts.applies(question);
                let response = assessment.response(&question.id);
                tally.add(question, response, in_scope);
                overall.add(question, response, in_scope);
            }
            FamilyScore {
                family: family.id.clone(),
                tally,
            }
        })
        .collect();
    ScoreCard { overall, families }
}
