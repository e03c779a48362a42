//! The root reducer: app state and the actions the UI dispatches. `reduce` only delegates to the
//! core; storage and the DOM are never touched here.

use std::rc::Rc;

use assessment_core::{score, Assessment, Bank, Change, ScoreCard};
use yew::prelude::*;

/// What the app shows: the bank, the assessment, and the score derived from both.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub bank: Rc<Bank>,
    pub assessment: Assessment,
    pub scores: ScoreCard,
}

impl AppState {
    pub fn new(bank: Rc<Bank>) -> Self {
        let assessment = Assessment::default();
        let scores = score(&bank, &assessment);
        AppState {
            bank,
            assessment,
            scores,
        }
    }
}

/// Verbs the UI can dispatch.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Change(Change),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let Action::Change(change) = action;
        let mut assessment = self.assessment.clone();
        assessment.apply(change);
        let scores = score(&self.bank, &assessment);
        Rc::new(AppState {
            bank: Rc::clone(&self.bank),
            assessment,
            scores,
        })
    }
}

/// The reducer handle shared through context.
pub type AssessmentContext = UseReducerHandle<AppState>;

/// Access to the assessment state from any component below the root.
#[hook]
pub fn use_assessment() -> AssessmentContext {
    use_context::<AssessmentContext>().expect("components are rendered inside App's provider")
}
