//! Reading a file the user chose or dropped, checking it with the core, and reporting back.

use std::rc::Rc;

use assessment_core::savefile::{self, OpenError, MAX_FILE_BYTES};
use assessment_core::Bank;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;
use yew::UseReducerHandle;

use crate::state::{Action, AppState};

/// Reads `file` and dispatches either `ImportReady` (ask before opening) or `ImportFailed`.
/// The current assessment is never touched here.
pub fn read_file(file: File, bank: Rc<Bank>, state: UseReducerHandle<AppState>) {
    // Refuse a huge file before reading it into memory.
    let size = file.size() as usize;
    if size > MAX_FILE_BYTES {
        state.dispatch(Action::ImportFailed(
            OpenError::TooLarge { bytes: size }.to_string(),
        ));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let action = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                match savefile::open(&bytes, &bank) {
                    Ok(opened) => Action::ImportReady(Rc::new(opened)),
                    Err(error) => Action::ImportFailed(error.to_string()),
                }
            }
            Err(_) => Action::ImportFailed(crate::text::FILE_UNREADABLE.to_string()),
        };
        state.dispatch(action);
    });
}
