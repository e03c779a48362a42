//! The root reducer: app state and the actions the UI dispatches. `reduce` only delegates to the
//! core and moves between screens; storage and the DOM are never touched here.

use std::rc::Rc;

use assessment_core::{score, Assessment, Bank, Change, Facts, ScoreCard};
use chrono::NaiveDate;
use yew::prelude::*;

/// Which page of the walk-through is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Details,
    /// A family page, by index into the bank's families.
    Family(usize),
    Summary,
}

/// What the app shows: the bank, the assessment, the score derived from both, and the page.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub bank: Rc<Bank>,
    pub assessment: Assessment,
    pub scores: ScoreCard,
    pub screen: Screen,
    /// The browser's date when the app started; used as the default assessment date.
    pub today: NaiveDate,
    /// After navigating, the question whose first answer control takes the keyboard focus; `None`
    /// puts the focus on the page heading.
    pub focus: Option<String>,
}

impl AppState {
    pub fn new(bank: Rc<Bank>, today: NaiveDate) -> Self {
        let assessment = Assessment::default();
        let scores = score(&bank, &assessment);
        AppState {
            bank,
            assessment,
            scores,
            screen: Screen::Start,
            today,
            focus: None,
        }
    }

    /// The first applicable question without an answer, from family `from` onwards, wrapping.
    pub fn next_unanswered(&self, from: usize) -> Option<(usize, String)> {
        let facts = Facts::from_answers(&self.bank, &self.assessment.profile);
        let families = self.bank.families.len();
        (0..families)
            .map(|offset| (from + offset) % families)
            .find_map(|index| {
                let family = &self.bank.families[index].id;
                self.bank
                    .questions_in(family)
                    .find(|q| facts.applies(q) && self.assessment.response(&q.id).is_none())
                    .map(|q| (index, q.id.clone()))
            })
    }
}

/// Verbs the UI can dispatch.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A change to the assessment, forwarded to the core.
    Change(Change),
    /// Show another page.
    Go(Screen),
    /// Show a family page with the focus on one of its questions.
    GoToQuestion(usize, String),
    /// Discard the current assessment and start again at the details page.
    StartNew,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Change(change) => {
                next.assessment.apply(change);
                next.scores = score(&next.bank, &next.assessment);
            }
            Action::Go(screen) => {
                next.screen = screen;
                next.focus = None;
            }
            Action::GoToQuestion(family, question) => {
                next.screen = Screen::Family(family);
                next.focus = Some(question);
            }
            Action::StartNew => {
                next.assessment = Assessment::default();
                next.assessment.details.assessed_on = Some(next.today);
                next.scores = score(&next.bank, &next.assessment);
                next.screen = Screen::Details;
                next.focus = None;
            }
        }
        Rc::new(next)
    }
}

/// The reducer handle shared through context.
pub type AssessmentContext = UseReducerHandle<AppState>;

/// Access to the assessment state from any component below the root.
#[hook]
pub fn use_assessment() -> AssessmentContext {
    use_context::<AssessmentContext>().expect("components are rendered inside App's provider")
}
