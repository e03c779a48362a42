//! The one handle components use: it reads as the app state and offers the person's intents as
//! methods. Every intent that touches storage or files, and the rule "write pending work before
//! anything replaces it", is written here once; components never call storage.

use std::ops::Deref;
use std::rc::Rc;

use assessment_core::files::file_name;
use assessment_core::library::Index;
use assessment_core::{savefile, Change, PlanFilter};
use yew::prelude::*;

use super::autosave::SaveNow;
use crate::bank;
use crate::browser::files::{self, ImportError, Read};
use crate::browser::reports::{self, CryptFailure, ScanFailure};
use crate::browser::storage::{Store, StoreError};
use crate::browser::{download, persistence};
use crate::state::{Action, AppState, Screen};
use crate::words::words;

/// The app state with the person's intents.
#[derive(Clone)]
pub struct AppHandle {
    state: UseReducerHandle<AppState>,
    store: Rc<Store>,
    save_now: SaveNow,
    /// The state's revision when this handle was made. The reducer handle always reads the
    /// latest state, so this is what tells an old handle from a new one.
    revision: u64,
}

/// Two handles are equal when they were made for the same state: every action gives a new
/// revision, so comparing revisions says what comparing the states field by field would, without
/// the code (a few kilobytes of the browser build) that compares a whole state.
impl PartialEq for AppHandle {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
            && Rc::ptr_eq(&self.store, &other.store)
            && self.save_now == other.save_now
    }
}

impl Deref for AppHandle {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.state
    }
}

impl AppHandle {
    pub fn new(state: UseReducerHandle<AppState>, store: Rc<Store>, save_now: SaveNow) -> Self {
        AppHandle {
            revision: state.revision,
            state,
            store,
            save_now,
        }
    }

    /// Dispatches changes without holding the state: its identity never changes, so a component
    /// that takes it as a prop re-renders only when its other props change.
    pub fn dispatcher(&self) -> UseReducerDispatcher<AppState> {
        self.state.dispatcher()
    }

    fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// Writes what the autosave is waiting to write, then replaces the open assessment: the
    /// replaced work is saved under its own entry first, and no late save lands on the new one.
    fn replace(&self, action: Action) {
        self.save_now.run();
        self.dispatch(action);
    }

    pub fn change(&self, change: Change) {
        self.dispatch(Action::Change(change));
    }

    pub fn go(&self, screen: Screen) {
        self.dispatch(Action::Go(screen));
    }

    /// Shows the question's page with the focus on it.
    pub fn go_to_question(&self, question: &str) {
        self.dispatch(Action::GoToQuestion(question.to_owned()));
    }

    pub fn filter_plan(&self, filter: PlanFilter) {
        self.dispatch(Action::FilterPlan(filter));
    }

    pub fn dismiss_notices(&self) {
        self.dispatch(Action::DismissNotices);
    }

    /// Keeps the open assessment in the library and starts an empty one.
    pub fn start_new(&self) {
        self.replace(Action::StartNew);
    }

    /// Starts an empty assessment with the first pass.
    pub fn start_first_pass(&self) {
        self.replace(Action::StartFirstPass);
    }

    /// Reads a chosen or dropped file and asks before opening it (an assessment) or taking it in
    /// (a scanner's result); the work is not touched.
    pub fn read_file(&self, file: web_sys::File) {
        let state = self.state.clone();
        files::read(file, bank(), move |result| match result {
            Ok(Read::Opened(opened)) => state.dispatch(Action::ImportReady(Rc::new(opened))),
            Ok(Read::Encrypted(sealed)) => state.dispatch(Action::DecryptAsked(Rc::new(sealed))),
            Ok(Read::MaybeScan {
                name,
                bytes,
                not_assessment,
            }) => read_scan(state, name, Rc::new(bytes), None, Some(not_assessment)),
            Err(error) => state.dispatch(Action::ImportFailed(error)),
        });
    }

    /// Reads the pending multi-tenant scanner file again for the tenant at `index`.
    pub fn choose_scan_tenant(&self, index: usize) {
        if let Some(pending) = &self.pending_scan {
            let (name, bytes) = (pending.name.clone(), pending.bytes.clone());
            read_scan(self.state.clone(), name, bytes, Some(index), None);
        }
    }

    /// For one conflict, take the scan's answer or keep mine.
    pub fn choose_scan_answer(&self, question: &str, take: bool) {
        self.dispatch(Action::ScanChoose {
            question: question.to_owned(),
            take,
        });
    }

    pub fn choose_all_scan_answers(&self, take: bool) {
        self.dispatch(Action::ScanChooseAll(take));
    }

    pub fn confirm_scan(&self) {
        self.dispatch(Action::ScanConfirm);
    }

    pub fn cancel_scan(&self) {
        self.dispatch(Action::ScanCancel);
    }

    pub fn undo_scan(&self) {
        self.dispatch(Action::UndoScan);
    }

    /// Opens the encrypted file waiting for its passphrase: once decrypted it is checked like any
    /// assessment file and waits for confirmation. `done` hears why not, if it could not; the
    /// file stays waiting, so another passphrase can be tried.
    pub fn decrypt_pending(&self, passphrase: String, done: Callback<Option<CryptFailure>>) {
        let Some(sealed) = self.pending_decrypt.clone() else {
            return;
        };
        let state = self.state.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // Let the page show that the work has started: the key derivation takes a second.
            gloo_timers::future::TimeoutFuture::new(0).await;
            match reports::decrypt(&sealed, &passphrase).await {
                Ok(file) => {
                    done.emit(None);
                    state.dispatch(match savefile::open(&file, bank()) {
                        Ok(opened) => Action::ImportReady(Rc::new(opened)),
                        Err(error) => Action::ImportFailed(ImportError::Refused(error)),
                    });
                }
                Err(failure) => done.emit(Some(failure)),
            }
        });
    }

    pub fn cancel_decrypt(&self) {
        self.dispatch(Action::DecryptCancelled);
    }

    /// Saves the open assessment as a file protected by `passphrase` (checked by the caller with
    /// the core's rule); `done` hears whether it worked.
    pub fn save_encrypted(&self, passphrase: String, done: Callback<Result<(), CryptFailure>>) {
        let details = &self.assessment.details;
        let name = file_name(
            &details.organisation,
            details.assessed_on,
            "assessment",
            "json.age",
        );
        let file = persistence::as_file(bank(), &self.assessment);
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(0).await;
            let outcome = reports::encrypt(file.as_bytes(), &passphrase).await;
            done.emit(outcome.map(|sealed| {
                // A refused download leaves nothing to undo; the button can be pressed again.
                let _ = download::download_bytes(&name, "application/octet-stream", &sealed);
            }));
        });
    }

    /// Opens the file waiting for confirmation, as a new library entry.
    pub fn confirm_import(&self) {
        let Some(opened) = self.pending_import.clone() else {
            return;
        };
        self.save_now.run();
        // Storage failure is not fatal: the opened work stays in memory and the banner says so.
        let library = persistence::add_opened(&self.store, bank(), &self.library, &opened)
            .unwrap_or_else(|_| self.library.clone());
        self.dispatch(Action::Open {
            assessment: opened.assessment.clone(),
            library,
            notes: opened.notes.clone(),
        });
    }

    pub fn cancel_import(&self) {
        self.dispatch(Action::ImportCancelled);
    }

    /// Opens a stored assessment of the library in place of the open one.
    pub fn open_entry(&self, id: &str) {
        self.save_now.run();
        match persistence::open_entry(&self.store, bank(), &self.library, id) {
            Ok((library, opened)) => self.dispatch(Action::Open {
                assessment: opened.assessment,
                library,
                notes: opened.notes,
            }),
            Err(error) => self.dispatch(Action::ImportFailed(error)),
        }
    }

    /// Goes back to the assessment the last opening replaced.
    pub fn undo_open(&self) {
        self.replace(Action::UndoOpen);
    }

    pub fn rename_entry(&self, id: &str, name: &str) {
        self.report_library(persistence::rename(&self.store, &self.library, id, name));
    }

    /// Copies entry `id` for a re-assessment, linked to it (in the index at once, in the copy's
    /// file once the on-demand module has worked out the link's fingerprint).
    pub fn duplicate_entry(&self, id: &str) {
        // The copy is made from storage: write what the autosave is waiting to write first.
        self.save_now.run();
        let copy = persistence::duplicate(&self.store, &self.library, id, words().copy_suffix());
        if let Ok((_, new_id)) = &copy {
            self.link_entries(id.to_owned(), new_id.clone(), Callback::noop());
        }
        let copy = copy.map(|(library, _)| library);
        self.report_library(copy);
    }

    /// The assessment of entry `id` as a file: the open one as it is now, any other as stored.
    pub fn entry_file(&self, id: &str) -> Option<String> {
        if self.library.current.as_deref() == Some(id) {
            Some(persistence::as_file(bank(), &self.assessment))
        } else {
            persistence::stored_file(&self.store, id)
        }
    }

    /// The previous assessment of the open one's series as a file, or empty when it has none at
    /// hand.
    pub fn previous_file(&self) -> String {
        let previous = self.assessment.previous.as_ref();
        previous
            .and_then(|link| self.entry_file(&link.entry))
            .unwrap_or_default()
    }

    /// Records entry `before` as the assessment entry `after` re-assesses, in `after`'s file and
    /// the index (the open assessment is changed in place, and the autosave stores it); `done`
    /// hears whether it worked.
    pub fn link_entries(&self, before: String, after: String, done: Callback<bool>) {
        let (Some(previous), Some(file)) = (self.entry_file(&before), self.entry_file(&after))
        else {
            return done.emit(false);
        };
        let state = self.state.clone();
        let store = self.store.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(linked) = reports::link(&file, &previous, &before).await else {
                return done.emit(false);
            };
            if state.library.current.as_deref() == Some(after.as_str()) {
                if let Ok(opened) = savefile::open(linked.as_bytes(), bank()) {
                    let link = Change::Previous(opened.assessment.previous);
                    state.dispatch(Action::Change(link));
                }
            } else {
                state.dispatch(
                    match persistence::store_linked(
                        &store,
                        &state.library,
                        &after,
                        &linked,
                        &before,
                    ) {
                        Ok(library) => Action::Library(library),
                        Err(error) => Action::SaveFailed(error),
                    },
                );
            }
            done.emit(true);
        });
    }

    pub fn delete_entry(&self, id: &str) {
        self.report_library(persistence::delete(&self.store, &self.library, id));
    }

    fn report_library(&self, result: Result<Index, StoreError>) {
        match result {
            Ok(library) => self.dispatch(Action::Library(library)),
            Err(error) => self.dispatch(Action::SaveFailed(error)),
        }
    }

    /// Deletes everything this tool stored and starts from nothing.
    pub fn delete_everything(&self) {
        // Write anything pending first, so no late save recreates data after the clear.
        self.save_now.run();
        self.store.clear_own();
        self.dispatch(Action::Cleared);
    }

    /// Offers the open assessment as a file.
    pub fn download_work(&self) {
        let details = &self.assessment.details;
        let name = file_name(
            &details.organisation,
            details.assessed_on,
            "assessment",
            "json",
        );
        let file = persistence::as_file(bank(), &self.assessment);
        // A refused download leaves nothing to undo; the button can simply be pressed again.
        let _ = download::download(&name, "application/json", &file);
    }

    /// What to save to a file and remove to make room in full storage.
    pub fn room(&self) -> assessment_core::library::Room<'_> {
        let size = |id: &str| persistence::stored_file(&self.store, id).map_or(0, |f| f.len());
        self.library.make_room(size)
    }

    /// The browser offers storage, so a library can be kept.
    pub fn storage_available(&self) -> bool {
        self.store.is_available()
    }
}

/// The app handle from any component below the root.
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("components are rendered inside App")
}

/// Has the on-demand module read a scanner file and preview it against the state's assessment,
/// then shows the preview, or why it could not (an assessment file's own reason when the file is
/// no scan either).
fn read_scan(
    state: UseReducerHandle<AppState>,
    name: String,
    bytes: Rc<Vec<u8>>,
    tenant: Option<usize>,
    not_assessment: Option<savefile::OpenError>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = reports::read_scan(&bytes, &name, &state.assessment, tenant).await;
        state.dispatch(match outcome {
            Ok(reading) => Action::ScanReady {
                name,
                bytes,
                reading,
            },
            Err(ScanFailure::NotAScan) => Action::ImportFailed(match not_assessment {
                Some(error) => ImportError::Refused(error),
                None => ImportError::Refused(savefile::OpenError::NotAnAssessment),
            }),
            Err(ScanFailure::Refused(reason)) => Action::ImportFailed(ImportError::Scan(reason)),
            Err(ScanFailure::NotLoaded) => Action::ImportFailed(ImportError::ScanReaderUnavailable),
        });
    });
}
