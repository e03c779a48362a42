//! The state of one assessment and the changes a user can make to it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answers::Response;

/// Everything the user has said in one assessment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Question id → the response given. Absent means unanswered.
    pub responses: BTreeMap<String, Response>,
    /// Profile question id → chosen option id.
    pub profile: BTreeMap<String, String>,
}

/// A change the user makes. The app's reducer forwards these unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Give, replace or (with `None`) clear the response to a question.
    Respond {
        question: String,
        response: Option<Response>,
    },
    /// Choose or (with `None`) clear the option of a profile question.
    Profile {
        question: String,
        option: Option<String>,
    },
}

impl Assessment {
    /// Applies one change in place.
    pub fn apply(&mut self, change: Change) {
        match change {
            Change::Respond {
                question,
                response: Some(response),
            } => {
                self.responses.insert(question, response);
            }
            Change::Respond {
                question,
                response: None,
            } => {
                self.responses.remove(&question);
            }
            Change::Profile {
                question,
                option: Some(option),
            } => {
                self.profile.insert(question, option);
            }
            Change::Profile {
                question,
                option: None,
            } => {
                self.profile.remove(&question);
            }
        }
    }

    pub fn response(&self, question: &str) -> Option<&Response> {
        self.responses.get(question)
    }
}
