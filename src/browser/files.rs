//! Reading a file the person chose or dropped and checking it with the core. The current
//! assessment is never touched here: the caller gets the checked file or the reason it was refused.

use assessment_core::encrypted;
use assessment_core::savefile::{self, OpenError, Opened, MAX_FILE_BYTES};
use assessment_core::scan::MAX_SCAN_BYTES;
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
    /// The file's name says it is encrypted (`.age`), but its contents are not.
    NamedEncryptedButIsNot,
    /// A scanner's file that could not be used, with the core's sentence saying why.
    Scan(String),
    /// The module that reads scanner files could not be loaded.
    ScanReaderUnavailable,
}

/// A file that was read: an assessment checked by the core, an encrypted file whose
/// passphrase is needed first, or a file that may be a scanner's result, for the on-demand
/// module to read (with why it is not an assessment, shown if it is no scan either).
pub enum Read {
    Opened(Opened),
    Encrypted(Vec<u8>),
    MaybeScan {
        name: String,
        bytes: Vec<u8>,
        not_assessment: OpenError,
    },
}

/// Decides what a file's bytes are: an encrypted file (by its first line, whatever its name), or an
/// assessment file checked by the core.
pub fn classify(name: &str, bytes: Vec<u8>, bank: &Bank) -> Result<Read, ImportError> {
    if encrypted::is_encrypted(&bytes) {
        return Ok(Read::Encrypted(bytes));
    }
    if name.to_ascii_lowercase().ends_with(".age") {
        return Err(ImportError::NamedEncryptedButIsNot);
    }
    match savefile::open(&bytes, bank) {
        Ok(opened) => Ok(Read::Opened(opened)),
        Err(error) if may_be_scan(&error) => Ok(Read::MaybeScan {
            name: name.to_owned(),
            bytes,
            not_assessment: error,
        }),
        Err(error) => Err(ImportError::Refused(error)),
    }
}

/// The file is not recognisably an assessment (its `kind` was never read): a scanner's result
/// could look like this (UTF-16 text, a damaged tenant dump, several MB, other JSON).
fn may_be_scan(error: &OpenError) -> bool {
    matches!(
        error,
        OpenError::NotAnAssessment
            | OpenError::NotText
            | OpenError::NotJson { .. }
            | OpenError::Truncated { .. }
            | OpenError::TooManyValues
            | OpenError::TooLarge { .. }
    )
}

/// Reads `file` and hands the checked result to `done`, later.
pub fn read(
    file: File,
    bank: &'static Bank,
    done: impl FnOnce(Result<Read, ImportError>) + 'static,
) {
    // Refuse a huge file before reading it into memory; scanner results may be larger than any
    // assessment file.
    let size = file.size() as usize;
    if size > MAX_FILE_BYTES.max(MAX_SCAN_BYTES) {
        done(Err(ImportError::Refused(OpenError::TooLarge {
            bytes: size,
        })));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let result = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                classify(&file.name(), bytes, bank)
            }
            Err(_) => Err(ImportError::Unreadable),
        };
        done(result);
    });
}
