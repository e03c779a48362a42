//! The organisation profile: intake answers become facts, facts decide which questions apply.

use std::collections::BTreeMap;

use crate::content::{Bank, Question};

/// What the intake answers establish: each fact is known true, known false, or absent (unknown).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts(BTreeMap<String, bool>);

impl Facts {
    /// Facts established by the chosen option of each profile question (question id → option id).
    /// Unknown question or option ids establish nothing.
    pub fn from_answers(bank: &Bank, answers: &BTreeMap<String, String>) -> Facts {
        let mut facts = BTreeMap::new();
        for question in &bank.profile {
            let chosen = answers
                .get(&question.id)
                .and_then(|option_id| question.options.iter().find(|o| &o.id == option_id));
            if let Some(option) = chosen {
                for fact in &option.sets_true {
                    facts.insert(fact.clone(), true);
                }
                for fact in &option.sets_false {
                    facts.insert(fact.clone(), false);
                }
            }
        }
        Facts(facts)
    }

    pub fn get(&self, fact: &str) -> Option<bool> {
        self.0.get(fact).copied()
    }

    /// A question applies unless a fact it requires is known false or a fact it excludes is
    /// known true. Unknown facts keep the question in, so nothing is hidden by a skipped intake.
    pub fn applies(&self, question: &Question) -> bool {
        self.reasons_not_applicable(question).is_empty()
    }

    /// The facts that take a question out of scope, as `(fact, value)` pairs; empty when it applies.
    pub fn reasons_not_applicable<'q>(&self, question: &'q Question) -> Vec<(&'q str, bool)> {
        let missing = question
            .requires
            .iter()
            .filter(|fact| self.get(fact) == Some(false))
            .map(|fact| (fact.as_str(), false));
        let excluded = question
            .unless
            .iter()
            .filter(|fact| self.get(fact) == Some(true))
            .map(|fact| (fact.as_str(), true));
        missing.chain(excluded).collect()
    }
}
