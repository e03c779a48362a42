//! The root reducer: app state and the actions the UI dispatches. `reduce` only delegates to the
//! core and moves between screens; storage and the DOM are touched in effects and handlers, which
//! report back with actions.

use std::rc::Rc;

use assessment_core::library::Index;
use assessment_core::savefile::Opened;
use assessment_core::{score, Assessment, Bank, Change, Facts, ScoreCard};
use chrono::NaiveDate;
use yew::prelude::*;

use crate::storage::StoreError;

/// The bank, shared by pointer. Two handles are equal when they are the same bank, so comparing
/// component props never walks the bank's contents.
#[derive(Debug, Clone)]
pub struct SharedBank(pub Rc<Bank>);

impl PartialEq for SharedBank {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Which page is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Details,
    /// A family page, by index into the bank's families.
    Family(usize),
    Summary,
    Results,
    Library,
}

/// Where the current assessment stands with browser storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing worth saving yet.
    NotYet,
    /// Saved at this RFC 3339 instant.
    Saved(String),
    /// The last save did not happen; the work is in memory only.
    Failed(StoreError),
}

/// An assessment that was replaced by opening another, kept so the user can go back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub assessment: Assessment,
    pub library: Index,
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
    /// The stored library as last read or written.
    pub library: Index,
    pub save: SaveStatus,
    /// Plain-language messages for the banner (storage problems, what an import did not keep).
    pub notices: Vec<String>,
    /// A file that was read and checked, waiting for the user to confirm opening it.
    pub pending_import: Option<Rc<Opened>>,
    /// Why the last file could not be opened.
    pub import_error: Option<String>,
    /// The assessment that the last opening replaced.
    pub undo: Option<Rc<Undo>>,
}

impl AppState {
    pub fn new(bank: Rc<Bank>, today: NaiveDate) -> Self {
        Self::restored(
            bank,
            today,
            Index::default(),
            Assessment::default(),
            Vec::new(),
        )
    }

    /// The state at start-up, from what persistence loaded.
    pub fn restored(
        bank: Rc<Bank>,
        today: NaiveDate,
        library: Index,
        assessment: Assessment,
        notices: Vec<String>,
    ) -> Self {
        let scores = score(&bank, &assessment);
        // Restored work was saved when it was last changed; say when.
        let save = match library.current.as_deref().and_then(|id| library.entry(id)) {
            Some(entry) => SaveStatus::Saved(entry.saved_at.clone()),
            None => SaveStatus::NotYet,
        };
        AppState {
            bank,
            assessment,
            scores,
            screen: Screen::Start,
            today,
            focus: None,
            library,
            save,
            notices,
            pending_import: None,
            import_error: None,
            undo: None,
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

    fn replace_assessment(&mut self, assessment: Assessment) {
        self.assessment = assessment;
        self.scores = score(&self.bank, &self.assessment);
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
    /// Leave the current assessment (it stays in the library) and start an empty one.
    StartNew,
    /// The autosave stored the assessment; the library index as now stored.
    Saved {
        library: Index,
        at: String,
    },
    /// The autosave could not store the assessment.
    SaveFailed(StoreError),
    /// The library changed (rename, duplicate, delete).
    Library(Index),
    /// A file was read and checked; ask before opening it.
    ImportReady(Rc<Opened>),
    /// A file could not be opened, for this reason.
    ImportFailed(String),
    /// The user declined to open the pending file.
    ImportCancelled,
    /// Replace the current assessment with another (confirmed import, or a library entry); the
    /// replaced one is kept for undo.
    Open {
        assessment: Assessment,
        library: Index,
        notes: Vec<String>,
    },
    /// Go back to the assessment the last opening replaced.
    UndoOpen,
    /// Everything stored was deleted: start from nothing.
    Cleared,
    DismissNotices,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Change(change) => {
                next.assessment.apply(change);
                next.scores = score(&next.bank, &next.assessment);
                // Once the user works on the opened assessment, undoing the opening would lose
                // that work; the replaced one stays in the library.
                next.undo = None;
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
                let mut fresh = Assessment::default();
                fresh.details.assessed_on = Some(next.today);
                next.replace_assessment(fresh);
                next.library.current = None;
                next.save = SaveStatus::NotYet;
                next.screen = Screen::Details;
                next.focus = None;
            }
            Action::Saved { library, at } => {
                next.library = library;
                next.save = SaveStatus::Saved(at);
            }
            Action::SaveFailed(error) => next.save = SaveStatus::Failed(error),
            Action::Library(library) => next.library = library,
            Action::ImportReady(opened) => {
                next.pending_import = Some(opened);
                next.import_error = None;
            }
            Action::ImportFailed(reason) => {
                next.import_error = Some(reason);
                next.pending_import = None;
            }
            Action::ImportCancelled => next.pending_import = None,
            Action::Open {
                assessment,
                library,
                notes,
            } => {
                next.undo = Some(Rc::new(Undo {
                    assessment: next.assessment.clone(),
                    library: next.library.clone(),
                }));
                next.replace_assessment(assessment);
                next.library = library;
                next.notices = notes;
                next.pending_import = None;
                next.import_error = None;
                next.screen = Screen::Summary;
                next.focus = None;
            }
            Action::UndoOpen => {
                if let Some(undo) = next.undo.take() {
                    next.replace_assessment(undo.assessment.clone());
                    next.library.current = undo.library.current.clone();
                    next.notices.clear();
                }
            }
            Action::Cleared => {
                let mut fresh = AppState::new(Rc::clone(&next.bank), next.today);
                fresh.notices = vec![crate::text::DELETED_ALL.to_string()];
                return Rc::new(fresh);
            }
            Action::DismissNotices => {
                next.notices.clear();
                next.import_error = None;
                next.undo = None;
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

/// Access to browser storage from any component below the root.
#[hook]
pub fn use_store() -> Rc<crate::storage::Store> {
    use_context::<Rc<crate::storage::Store>>().expect("components are rendered inside App")
}

/// Writes the change the autosave is still waiting to write, at once. Called before anything
/// replaces the open assessment (start new, open a file or a library entry, undo, delete all), so
/// the replaced work is saved under its own entry first and a late save cannot land on the new one.
#[derive(Clone)]
pub struct SaveNow(pub Rc<dyn Fn()>);

impl PartialEq for SaveNow {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SaveNow {
    pub fn run(&self) {
        (self.0)();
    }
}

/// The pending-autosave flush from any component below the root.
#[hook]
pub fn use_save_now() -> SaveNow {
    use_context::<SaveNow>().expect("components are rendered inside App")
}
