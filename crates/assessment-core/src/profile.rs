//! The organisation profile: intake answers become facts, facts decide which questions apply.

use std::collections::BTreeMap;

use crate::content::{Bank, ProfileOption, ProfileQuestion, Question};

/// A fact's value and the intake answer that established it.
#[derive(Debug, Clone, PartialEq)]
struct Established<'b> {
    value: bool,
    question: &'b ProfileQuestion,
    option: &'b ProfileOption,
}

/// What the intake answers establish: each fact is known true, known false, or absent (unknown).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts<'b>(BTreeMap<&'b str, Established<'b>>);

/// Why a question is out of scope: the intake answers that took it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Exclusion<'b> {
    pub question: &'b Question,
    /// `(profile question, chosen option)` pairs, in the order of the question's conditions.
    pub because: Vec<(&'b ProfileQuestion, &'b ProfileOption)>,
}

impl<'b> Exclusion<'b> {
    /// A plain-language sentence, e.g. `You answered "No" to "Does your organisation use Azure?"`.
    pub fn reason(&self) -> String {
        let parts: Vec<String> = self
            .because
            .iter()
            .map(|(question, option)| {
                format!(
                    "You answered \u{201c}{}\u{201d} to \u{201c}{}\u{201d}",
                    option.label, question.text
                )
            })
            .collect();
        format!("{}.", parts.join("; "))
    }
}

impl<'b> Facts<'b> {
    /// Facts established by the chosen option of each profile question (question id → option id).
    /// Unknown question or option ids establish nothing. Later profile questions win on conflict.
    pub fn from_answers(bank: &'b Bank, answers: &BTreeMap<String, String>) -> Facts<'b> {
        let mut facts = BTreeMap::new();
        for question in &bank.profile {
            let chosen = answers
                .get(&question.id)
                .and_then(|option_id| question.options.iter().find(|o| &o.id == option_id));
            let Some(option) = chosen else { continue };
            let settings = option
                .sets_true
                .iter()
                .map(|fact| (fact, true))
                .chain(option.sets_false.iter().map(|fact| (fact, false)));
            for (fact, value) in settings {
                let established = Established {
                    value,
                    question,
                    option,
                };
                facts.insert(fact.as_str(), established);
            }
        }
        Facts(facts)
    }

    pub fn get(&self, fact: &str) -> Option<bool> {
        self.0.get(fact).map(|e| e.value)
    }

    /// A question applies unless a fact it requires is known false or a fact it excludes is
    /// known true. Unknown facts keep the question in, so nothing is hidden by a skipped intake.
    pub fn applies(&self, question: &Question) -> bool {
        self.exclusion(question).is_none()
    }

    /// Why `question` is out of scope, or `None` when it applies.
    pub fn exclusion<'q>(&self, question: &'q Question) -> Option<Exclusion<'q>>
    where
        'b: 'q,
    {
        let missing = question
            .requires
            .iter()
            .filter_map(|f| self.decided(f, false));
        let excluded = question.unless.iter().filter_map(|f| self.decided(f, true));
        let mut because: Vec<_> = missing.chain(excluded).collect();
        because.dedup();
        (!because.is_empty()).then_some(Exclusion { question, because })
    }

    fn decided(&self, fact: &str, value: bool) -> Option<(&'b ProfileQuestion, &'b ProfileOption)> {
        self.0
            .get(fact)
            .filter(|e| e.value == value)
            .map(|e| (e.question, e.option))
    }
}

/// Every question the profile takes out of scope, in bank order, with the reason.
pub fn exclusions<'b>(bank: &'b Bank, facts: &Facts<'b>) -> Vec<Exclusion<'b>> {
    bank.questions
        .iter()
        .filter_map(|question| facts.exclusion(question))
        .collect()
}
