//! The root reducer: what the app shows and the verbs that change it. `reduce` is pure: it asks
//! the core, moves between screens and keeps typed messages; storage, files and the DOM are
//! handled by the app handle (`hooks::handle`), which reports back with actions. It needs no
//! browser, so it is tested natively with plain `cargo test`.

use std::rc::Rc;

use assessment_core::import::{self, Choices, Reading, RowKind};
use assessment_core::library::Index;
use assessment_core::savefile::{OpenNote, Opened};
use assessment_core::scan::Tool;
use assessment_core::{score, Assessment, Change, PlanFilter, ScoreCard};
use chrono::NaiveDate;
use yew::Reducible;

use crate::bank;
use crate::browser::files::ImportError;
use crate::browser::persistence::StorageNotice;
use crate::browser::storage::StoreError;

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
    /// The first pass: profile, the most important questions, a provisional result.
    FirstPass,
    /// Every glossary term; "back" returns to [`AppState::glossary_return`].
    Glossary,
    /// What a scanner file would change, before anything does ([`AppState::pending_scan`]).
    ScanPreview,
    /// Two assessments compared, and the trend of a series.
    Compare,
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

/// A message for the banner, kept as data and put into words only when shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Something found while reading browser storage at start.
    Storage(StorageNotice),
    /// Something an opened file held that could not be kept.
    File(OpenNote),
    /// Everything this tool stored was deleted.
    DeletedAll,
    /// The guidance (why, how to verify, what to do) could not be loaded.
    GuidanceUnavailable,
    /// A scan was taken in: how many answers it gave, how many hand answers were kept against it.
    ScanImported {
        tool: Tool,
        answered: usize,
        kept: usize,
    },
}

/// A scanner file that was read, waiting for the person's choices and confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingScan {
    pub name: String,
    pub bytes: Rc<Vec<u8>>,
    pub reading: Reading,
    /// For each conflict, whether the person takes the scan's answer; absent means keep mine.
    pub choices: Choices,
    /// The page to go back to.
    pub from: Screen,
}

/// An assessment that was replaced by opening another, kept so the user can go back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub assessment: Assessment,
    pub library: Index,
}

/// What the app shows: the assessment, the score derived from it, and the page. The question
/// bank is static data ([`crate::bank`]), not state.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
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
    /// Messages for the banner (storage problems, what an opened file could not keep).
    pub notices: Vec<Notice>,
    /// A file that was read and checked, waiting for the user to confirm opening it.
    pub pending_import: Option<Rc<Opened>>,
    /// An encrypted file that was read, waiting for its passphrase.
    pub pending_decrypt: Option<Rc<Vec<u8>>>,
    /// Why the last file could not be opened.
    pub import_error: Option<ImportError>,
    /// The assessment that the last opening replaced.
    pub undo: Option<Rc<Undo>>,
    /// Which actions the results page shows; kept while the person moves between pages.
    pub plan_filter: PlanFilter,
    /// The page the glossary was opened from, where its "back" button returns.
    pub glossary_return: Screen,
    /// A scanner file waiting for confirmation (shown on [`Screen::ScanPreview`]).
    pub pending_scan: Option<Rc<PendingScan>>,
    /// The assessment as it was before the last confirmed scan import, for undo in one step.
    pub scan_undo: Option<Rc<Assessment>>,
    /// The bank's guidance is installed (`crate::has_guidance`); components that show it take
    /// this as a prop, so they show it once it arrives.
    pub guidance: bool,
    /// How many actions made this state: a new number for every value the reducer makes, so the
    /// app handle can tell states apart without comparing them field by field.
    pub revision: u64,
}

impl AppState {
    /// Leaves the current assessment (it stays in the library) for an empty one shown on `screen`.
    fn start_new(&mut self, screen: Screen) {
        let mut fresh = Assessment::default();
        fresh.details.assessed_on = Some(self.today);
        self.replace_assessment(fresh);
        self.library.current = None;
        self.save = SaveStatus::NotYet;
        self.plan_filter = PlanFilter::default();
        self.pending_scan = None;
        self.scan_undo = None;
        self.screen = screen;
        self.focus = None;
    }

    pub fn new(today: NaiveDate) -> Self {
        Self::restored(today, Index::default(), Assessment::default(), Vec::new())
    }

    /// The state at start-up, from what persistence loaded.
    pub fn restored(
        today: NaiveDate,
        library: Index,
        assessment: Assessment,
        notices: Vec<Notice>,
    ) -> Self {
        let scores = score(bank(), &assessment);
        // Restored work was saved when it was last changed; say when.
        let save = match library.current.as_deref().and_then(|id| library.entry(id)) {
            Some(entry) => SaveStatus::Saved(entry.saved_at.clone()),
            None => SaveStatus::NotYet,
        };
        AppState {
            assessment,
            scores,
            screen: Screen::Start,
            today,
            focus: None,
            library,
            save,
            notices,
            pending_import: None,
            pending_decrypt: None,
            import_error: None,
            undo: None,
            plan_filter: PlanFilter::default(),
            glossary_return: Screen::Start,
            pending_scan: None,
            scan_undo: None,
            guidance: crate::has_guidance(),
            revision: 0,
        }
    }

    /// Something has been recorded in the open assessment.
    pub fn has_work(&self) -> bool {
        self.assessment != Assessment::default()
    }

    fn replace_assessment(&mut self, assessment: Assessment) {
        self.assessment = assessment;
        self.scores = score(bank(), &self.assessment);
    }

    fn show_scan(&mut self, name: String, bytes: Rc<Vec<u8>>, reading: Reading) {
        // Choosing a tenant reads the file again: keep the page to go back to.
        let from = match (&self.pending_scan, self.screen) {
            (Some(pending), _) => pending.from,
            (None, Screen::ScanPreview) => Screen::Summary,
            (None, screen) => screen,
        };
        self.pending_scan = Some(Rc::new(PendingScan {
            name,
            bytes,
            reading,
            choices: Choices::new(),
            from,
        }));
        self.pending_import = None;
        self.pending_decrypt = None;
        self.import_error = None;
        self.screen = Screen::ScanPreview;
        self.focus = None;
    }

    fn choose(&mut self, edit: impl FnOnce(&mut Choices, &Reading)) {
        if let Some(pending) = &mut self.pending_scan {
            let pending = Rc::make_mut(pending);
            edit(&mut pending.choices, &pending.reading);
        }
    }

    /// Takes the pending scan in: the core applies the choices; the assessment before it is kept
    /// for undo.
    fn confirm_scan(&mut self) {
        let Some(pending) = self.pending_scan.take() else {
            return;
        };
        let Reading::Preview { preview } = &pending.reading else {
            self.pending_scan = Some(pending);
            return;
        };
        let next = import::apply(&self.assessment, preview, &pending.choices);
        let kept = preview
            .conflicts()
            .filter(|row| pending.choices.get(&row.question) != Some(&true))
            .count();
        let answered = preview
            .rows
            .iter()
            .filter(|row| row.kind != RowKind::Confirms)
            .count()
            - kept;
        self.scan_undo = Some(Rc::new(std::mem::replace(&mut self.assessment, next)));
        self.scores = score(bank(), &self.assessment);
        self.undo = None;
        self.notices = vec![Notice::ScanImported {
            tool: preview.source.tool,
            answered,
            kept,
        }];
        self.screen = Screen::Summary;
        self.focus = None;
    }
}

/// Verbs the app dispatches.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A change to the assessment, forwarded to the core.
    Change(Change),
    /// Show another page.
    Go(Screen),
    /// Show the family page of a question with the focus on it.
    GoToQuestion(String),
    /// Leave the current assessment (it stays in the library) and start an empty one.
    StartNew,
    /// The same, starting with the first pass instead of the full walk-through.
    StartFirstPass,
    /// The bank's guidance arrived (or could not be loaded: `false`).
    Guidance(bool),
    /// Show only the actions this filter keeps.
    FilterPlan(PlanFilter),
    /// The autosave stored the assessment; the library index as now stored.
    Saved {
        library: Index,
        at: String,
    },
    /// The autosave (or a library operation) could not write to storage.
    SaveFailed(StoreError),
    /// The library changed (rename, duplicate, delete).
    Library(Index),
    /// A file was read and checked; ask before opening it.
    ImportReady(Rc<Opened>),
    /// An encrypted file was read; ask for its passphrase.
    DecryptAsked(Rc<Vec<u8>>),
    /// The person declined to give the passphrase.
    DecryptCancelled,
    /// A file could not be opened, for this reason.
    ImportFailed(ImportError),
    /// The user declined to open the pending file.
    ImportCancelled,
    /// Replace the current assessment with another (confirmed import, or a library entry); the
    /// replaced one is kept for undo.
    Open {
        assessment: Assessment,
        library: Index,
        notes: Vec<OpenNote>,
    },
    /// Go back to the assessment the last opening replaced.
    UndoOpen,
    /// A scanner file was read: show what it would change.
    ScanReady {
        name: String,
        bytes: Rc<Vec<u8>>,
        reading: Reading,
    },
    /// For one conflict, take the scan's answer (`true`) or keep mine.
    ScanChoose {
        question: String,
        take: bool,
    },
    /// The same for every conflict.
    ScanChooseAll(bool),
    /// Take the scan in with the choices made.
    ScanConfirm,
    /// Leave the scan without changing anything.
    ScanCancel,
    /// Go back to the assessment as it was before the last scan import.
    UndoScan,
    /// Everything stored was deleted: start from nothing.
    Cleared,
    DismissNotices,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        // From this state's number, not the copy's: an action that resets the state still counts.
        next.revision = self.revision.wrapping_add(1);
        Rc::new(next)
    }
}

impl AppState {
    /// Applies one action in place; [`Reducible::reduce`] is this on a copy.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Change(change) => {
                self.assessment.apply(change);
                self.scores = score(bank(), &self.assessment);
                // Once the user works on the opened assessment, undoing the opening (or the
                // import) would lose that work; the replaced one stays in the library.
                self.undo = None;
                self.scan_undo = None;
            }
            Action::Go(screen) => {
                if screen == Screen::Glossary && self.screen != Screen::Glossary {
                    self.glossary_return = self.screen;
                }
                self.screen = screen;
                self.focus = None;
            }
            Action::GoToQuestion(question) => {
                if let Some(family) = bank().family_position_of(&question) {
                    self.screen = Screen::Family(family);
                    self.focus = Some(question);
                }
            }
            Action::StartNew => self.start_new(Screen::Details),
            Action::StartFirstPass => self.start_new(Screen::FirstPass),
            Action::Guidance(true) => self.guidance = true,
            Action::Guidance(false) => self.notices.push(Notice::GuidanceUnavailable),
            Action::FilterPlan(filter) => self.plan_filter = filter,
            Action::Saved { library, at } => {
                self.library = library;
                self.save = SaveStatus::Saved(at);
            }
            Action::SaveFailed(error) => self.save = SaveStatus::Failed(error),
            Action::Library(library) => self.library = library,
            Action::ImportReady(opened) => {
                self.pending_import = Some(opened);
                self.pending_decrypt = None;
                self.import_error = None;
            }
            Action::DecryptAsked(sealed) => {
                self.pending_decrypt = Some(sealed);
                self.pending_import = None;
                self.import_error = None;
            }
            Action::DecryptCancelled => self.pending_decrypt = None,
            Action::ImportFailed(reason) => {
                self.import_error = Some(reason);
                self.pending_import = None;
                self.pending_decrypt = None;
            }
            Action::ImportCancelled => self.pending_import = None,
            Action::Open {
                assessment,
                library,
                notes,
            } => {
                self.undo = Some(Rc::new(Undo {
                    assessment: self.assessment.clone(),
                    library: self.library.clone(),
                }));
                self.replace_assessment(assessment);
                self.library = library;
                self.notices = notes.into_iter().map(Notice::File).collect();
                self.pending_import = None;
                self.pending_scan = None;
                self.scan_undo = None;
                self.import_error = None;
                self.plan_filter = PlanFilter::default();
                self.screen = Screen::Summary;
                self.focus = None;
            }
            Action::UndoOpen => {
                if let Some(undo) = self.undo.take() {
                    self.replace_assessment(undo.assessment.clone());
                    self.library.current = undo.library.current.clone();
                    self.notices.clear();
                }
            }
            Action::ScanReady {
                name,
                bytes,
                reading,
            } => self.show_scan(name, bytes, reading),
            Action::ScanChoose { question, take } => self.choose(|choices, _| {
                choices.insert(question, take);
            }),
            Action::ScanChooseAll(take) => self.choose(|choices, reading| {
                if let Reading::Preview { preview } = reading {
                    for row in preview.conflicts() {
                        choices.insert(row.question.clone(), take);
                    }
                }
            }),
            Action::ScanConfirm => self.confirm_scan(),
            Action::ScanCancel => {
                if let Some(pending) = self.pending_scan.take() {
                    self.screen = pending.from;
                    self.focus = None;
                }
            }
            Action::UndoScan => {
                if let Some(before) = self.scan_undo.take() {
                    self.replace_assessment((*before).clone());
                    self.notices.clear();
                }
            }
            Action::Cleared => {
                *self = AppState::new(self.today);
                self.notices = vec![Notice::DeletedAll];
            }
            Action::DismissNotices => {
                self.notices.clear();
                self.import_error = None;
                self.undo = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use assessment_core::savefile::OpenError;
    use assessment_core::{Horizon, Level, Response, Severity};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn answer(question: &str, level: Level) -> Action {
        Action::Change(Change::Respond {
            question: question.into(),
            response: Some(Response::Implemented { level }),
        })
    }

    fn first_question() -> String {
        bank().questions[0].id.clone()
    }

    #[test]
    fn a_change_goes_to_the_core_and_rescores() {
        let mut state = AppState::new(today());
        state.apply(Action::StartNew);
        assert_eq!(state.assessment.details.assessed_on, Some(today()));
        assert_eq!(state.screen, Screen::Details);
        state.apply(answer(&first_question(), Level::Fully));
        assert_eq!(state.scores, score(bank(), &state.assessment));
        assert!(state.scores.overall.earned > 0);
        assert!(state.has_work());
    }

    #[test]
    fn going_to_a_question_finds_its_family_and_focuses_it() {
        let mut state = AppState::new(today());
        let last = bank().questions.last().unwrap();
        let family = bank()
            .families
            .iter()
            .position(|f| f.id == last.family)
            .unwrap();
        state.apply(Action::GoToQuestion(last.id.clone()));
        assert_eq!(state.screen, Screen::Family(family));
        assert_eq!(state.focus.as_deref(), Some(last.id.as_str()));
        // An unknown question moves nowhere.
        state.apply(Action::Go(Screen::Summary));
        state.apply(Action::GoToQuestion("NO-SUCH".into()));
        assert_eq!(state.screen, Screen::Summary);
    }

    #[test]
    fn the_plan_filter_stays_while_moving_between_pages_and_resets_for_new_work() {
        let mut state = AppState::new(today());
        let filter = PlanFilter {
            horizon: Some(Horizon::Now),
            severity: Some(Severity::High),
            status: None,
        };
        state.apply(Action::Go(Screen::Results));
        state.apply(Action::FilterPlan(filter));
        state.apply(Action::Go(Screen::Summary));
        state.apply(Action::Go(Screen::Results));
        assert_eq!(state.plan_filter, filter);
        state.apply(Action::StartNew);
        assert_eq!(state.plan_filter, PlanFilter::default());
    }

    #[test]
    fn opening_keeps_the_replaced_work_for_undo_until_the_next_change() {
        let mut state = AppState::new(today());
        state.apply(answer(&first_question(), Level::Partial));
        let before = state.assessment.clone();
        let mut opened = Assessment::default();
        opened.details.organisation = "Opened Org".into();
        state.apply(Action::Open {
            assessment: opened.clone(),
            library: Index::default(),
            notes: vec![OpenNote::UnknownQuestions {
                ids: vec!["OLD-01".into()],
            }],
        });
        assert_eq!(state.assessment, opened);
        assert_eq!(state.screen, Screen::Summary);
        assert!(matches!(state.notices[..], [Notice::File(_)]));
        state.apply(Action::UndoOpen);
        assert_eq!(state.assessment, before);
        assert!(state.undo.is_none());
        assert!(state.notices.is_empty());

        // A change after opening drops the undo: it would throw that change away.
        state.apply(Action::Open {
            assessment: opened,
            library: Index::default(),
            notes: Vec::new(),
        });
        state.apply(answer(&first_question(), Level::Fully));
        assert!(state.undo.is_none());
    }

    #[test]
    fn a_refused_file_keeps_its_typed_reason_and_leaves_the_work_alone() {
        let mut state = AppState::new(today());
        state.apply(answer(&first_question(), Level::Largely));
        let work = state.assessment.clone();
        state.apply(Action::ImportFailed(ImportError::Refused(OpenError::Empty)));
        assert_eq!(
            state.import_error,
            Some(ImportError::Refused(OpenError::Empty))
        );
        assert_eq!(state.assessment, work);
        state.apply(Action::DismissNotices);
        assert_eq!(state.import_error, None);
    }

    #[test]
    fn an_encrypted_file_waits_for_its_passphrase_without_touching_the_work() {
        let mut state = AppState::new(today());
        state.apply(answer(&first_question(), Level::Largely));
        let work = state.assessment.clone();
        let sealed = Rc::new(b"age-encryption.org/v1\n".to_vec());
        state.apply(Action::DecryptAsked(Rc::clone(&sealed)));
        assert_eq!(state.pending_decrypt, Some(sealed));
        assert_eq!(state.assessment, work);
        state.apply(Action::ImportReady(Rc::new(Opened {
            assessment: Assessment::default(),
            version: 1,
            app_version: String::new(),
            content_version: String::new(),
            notes: Vec::new(),
        })));
        assert_eq!(
            state.pending_decrypt, None,
            "decrypted: now the usual confirmation"
        );
        assert!(state.pending_import.is_some());
        assert_eq!(state.assessment, work, "nothing replaced before confirming");
    }

    #[test]
    fn deleting_everything_starts_from_nothing_and_says_so() {
        let mut state = AppState::new(today());
        state.apply(answer(&first_question(), Level::Fully));
        state.apply(Action::SaveFailed(StoreError::Full));
        state.apply(Action::Cleared);
        assert_eq!(state.assessment, Assessment::default());
        assert_eq!(state.save, SaveStatus::NotYet);
        assert_eq!(state.notices, vec![Notice::DeletedAll]);
    }

    // -----------------------------------------------------------------------------------------
    // Scanner evidence

    fn scan_of(checks: &[(&str, &str, assessment_core::scan::Outcome)]) -> Reading {
        use assessment_core::scan::{Check, ReportId, Scan, ScanKind, ScanSource, Tenant};
        let table = assessment_core::scuba::ScubaTable::from_bytes(include_bytes!(concat!(
            env!("OUT_DIR"),
            "/scuba.bin"
        )))
        .unwrap();
        let scan = Scan {
            source: ScanSource {
                tool: Tool::ScubaGear,
                tool_version: Some("1.8.0".into()),
                report: ReportId::Uuid("u1".into()),
                tenant: Tenant::default(),
                scanned_at: Some("2026-11-20T10:00:00Z".into()),
            },
            kind: ScanKind::ScubaGearMerged,
            checks: checks
                .iter()
                .map(|(id, result, outcome)| Check {
                    id: (*id).into(),
                    result: (*result).into(),
                    original: None,
                    outcome: *outcome,
                    criticality: None,
                    title: String::new(),
                    skipped_reason: None,
                    comment: None,
                    resolution_date: None,
                })
                .collect(),
            duplicate_ids: Vec::new(),
            damaged: false,
        };
        let preview = Box::new(import::preview(
            bank(),
            &table,
            &Assessment::default(),
            &scan,
        ));
        Reading::Preview { preview }
    }

    fn question_with(policy: &str) -> String {
        bank()
            .questions
            .iter()
            .find(|q| q.evidence.as_ref().is_some_and(|e| e.policies == [policy]))
            .map(|q| q.id.clone())
            .expect("a question evidenced by this policy alone")
    }

    #[test]
    fn a_scan_is_previewed_then_taken_in_with_the_choices_and_undone_in_one_step() {
        use assessment_core::scan::Outcome;
        let mut state = AppState::new(today());
        state.apply(Action::StartNew);
        let mine = question_with("MS.AAD.3.1v1");
        let other = question_with("MS.AAD.7.1v1");
        state.apply(answer(&mine, Level::None));
        let before = state.assessment.clone();
        let reading = scan_of(&[
            ("MS.AAD.3.1v1", "Pass", Outcome::Pass),
            ("MS.AAD.7.1v1", "Fail", Outcome::NotMet),
        ]);
        // The reading was made against an empty assessment: the hand answer given since is
        // still kept, as a conflict nobody chose to resolve.
        state.apply(Action::ScanReady {
            name: "ScubaResults.json".into(),
            bytes: Rc::new(b"{}".to_vec()),
            reading: reading.clone(),
        });
        assert_eq!(state.screen, Screen::ScanPreview);
        assert_eq!(
            state.assessment, before,
            "nothing changes before confirming"
        );
        state.apply(Action::ScanCancel);
        assert_eq!(state.screen, Screen::Details, "cancel goes back");
        assert!(state.pending_scan.is_none());
        state.apply(Action::ScanReady {
            name: "ScubaResults.json".into(),
            bytes: Rc::new(b"{}".to_vec()),
            reading,
        });
        state.apply(Action::ScanChooseAll(true));
        state.apply(Action::ScanConfirm);
        assert_eq!(state.screen, Screen::Summary);
        assert_eq!(
            state.assessment.response(&mine),
            Some(&Response::Implemented { level: Level::None }),
            "a hand answer is never replaced unless chosen"
        );
        let level_of = |state: &AppState, id: &str| state.assessment.response(id).cloned();
        assert_eq!(
            level_of(&state, &other),
            Some(Response::Implemented { level: Level::None })
        );
        let evidence = state
            .assessment
            .record(&mine)
            .unwrap()
            .evidence
            .clone()
            .unwrap();
        assert_eq!(evidence.checks[0].id, "MS.AAD.3.1v1");
        assert!(evidence.changed_by_hand);
        assert!(matches!(
            state.notices[..],
            [Notice::ScanImported {
                tool: Tool::ScubaGear,
                ..
            }]
        ));
        assert_eq!(state.scores, score(bank(), &state.assessment));
        state.apply(Action::UndoScan);
        assert_eq!(
            state.assessment, before,
            "undo restores the state before the import"
        );
        assert!(state.scan_undo.is_none());
    }

    #[test]
    fn a_change_after_an_import_ends_its_undo() {
        use assessment_core::scan::Outcome;
        let mut state = AppState::new(today());
        state.apply(Action::StartNew);
        state.apply(Action::ScanReady {
            name: "s.json".into(),
            bytes: Rc::new(Vec::new()),
            reading: scan_of(&[("MS.AAD.3.1v1", "Pass", Outcome::Pass)]),
        });
        state.apply(Action::ScanConfirm);
        assert!(state.scan_undo.is_some());
        state.apply(answer(&first_question(), Level::Fully));
        assert!(state.scan_undo.is_none());
    }
}
