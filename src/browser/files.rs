//! Reading a file the person chose or dropped and checking it with the core. The current
//! assessment is never touched here: the caller gets the checked file or the reason it was refused.

use assessment_core::savefile::{self, OpenError, Opened, MAX_FILE_BYTES};
use assessment_core::Bank;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use crate::browser::storage::StoreError;

/// Why a file or a stored assessment could not be opened. Kept as data; words come from the
/// interface table when it is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The core refused the contents.
    Refused(OpenError),
    /// The browser could not read the file.
    Unreadable,
    /// The library lists the assessment but its stored data is gone.
    EntryMissing,
    /// Opening needed a write to storage that did not happen.
    Storage(StoreError),
}

/// Reads `file` and hands the checked result to `done`, later.
pub fn read(
    file: File,
    bank: &'static Bank,
    done: impl FnOnce(Result<Opened, ImportError>) + 'static,
) {
    // Refuse a huge file before reading it into memory.
    let size = file.size() as usize;
    if size > MAX_FILE_BYTES {
        done(Err(ImportError::Refused(OpenError::TooLarge {
            bytes: size,
        })));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let result = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                savefile::open(&bytes, bank).map_err(ImportError::Refused)
            }
            Err(_) => Err(ImportError::Unreadable),
        };
        done(result);
    });
}
