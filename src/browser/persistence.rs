//! Loading and saving assessments in browser storage, around the core's file format and library
//! index. Unreadable stored data is never overwritten: it is copied aside and reported.

use assessment_core::library::Index;
use assessment_core::savefile::{self, OpenError, OpenNote, Opened};
use assessment_core::{Assessment, Bank};

use crate::browser::clock;
use crate::browser::files::ImportError;
use crate::browser::storage::{assessment_key, rescue_key, Store, StoreError, INDEX_KEY};

/// Something found while reading storage at start, for the banner.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageNotice {
    /// Data that could not be read was copied to this key, untouched.
    Rescued { key: String },
    /// Data that could not be read was left where it was: there was no room for a copy.
    NotRescued,
    /// The assessment that was open last could not be opened, for this reason.
    Unreadable(OpenError),
}

/// What the app starts with.
pub struct Loaded {
    pub library: Index,
    pub assessment: Assessment,
    /// Problems found in storage.
    pub notices: Vec<StorageNotice>,
    /// What the stored assessment held that this version could not keep.
    pub notes: Vec<OpenNote>,
}

/// Reads the library and the assessment that was open last. Never fails: whatever cannot be
/// read is copied aside (unless it was already) and the app starts from what is left.
pub fn load(store: &Store, bank: &Bank) -> Loaded {
    let mut notices = Vec::new();
    let mut notes = Vec::new();
    let stamp = clock::now_stamp();
    let mut library = match store.get(INDEX_KEY) {
        None => Index::default(),
        Some(text) => Index::from_json(&text).unwrap_or_else(|| {
            notices.push(rescue(store, INDEX_KEY, &text, &stamp));
            Index::default()
        }),
    };
    let mut assessment = Assessment::default();
    if let Some(id) = library.current.clone() {
        let key = assessment_key(&id);
        match store
            .get(&key)
            .map(|t| (savefile::open(t.as_bytes(), bank), t))
        {
            Some((Ok(opened), _)) => {
                notes = opened.notes;
                assessment = opened.assessment;
            }
            Some((Err(error), raw)) => {
                notices.push(rescue(store, &key, &raw, &stamp));
                notices.push(StorageNotice::Unreadable(error));
                // The unreadable entry stays in the list (its data is kept); new work gets a new one.
                library.current = None;
            }
            None => library.current = None,
        }
    }
    Loaded {
        library,
        assessment,
        notices,
        notes,
    }
}

/// Copies unreadable data to a key of its own so no later save can overwrite it.
fn rescue(store: &Store, key: &str, raw: &str, stamp: &str) -> StorageNotice {
    let copy = rescue_key(key, stamp);
    match store.set(&copy, raw) {
        Ok(()) => StorageNotice::Rescued { key: copy },
        Err(_) => StorageNotice::NotRescued,
    }
}

/// The library as stored now, or `known` when storage has none (or cannot be read). Operations
/// start from the stored index because an autosave may have written it since `known` was read.
fn latest(store: &Store, known: &Index) -> Index {
    store
        .get(INDEX_KEY)
        .and_then(|text| Index::from_json(&text))
        .unwrap_or_else(|| known.clone())
}

/// Writes `assessment` as the current library entry (creating one if there is none) and the
/// updated index. Returns the new index, or why nothing could be stored.
pub fn save_current(
    store: &Store,
    bank: &Bank,
    library: &Index,
    assessment: &Assessment,
) -> Result<Index, StoreError> {
    if !store.is_available() {
        return Err(StoreError::Unavailable);
    }
    let saved_at = clock::now_rfc3339();
    // Entries as stored now (a rename or duplicate may have happened since), but the entry this
    // app instance has open, which storage may not know yet (a new assessment has none).
    let mut library = Index {
        current: library.current.clone(),
        ..latest(store, library)
    };
    let id = match library.current.clone() {
        Some(id) if library.entry(&id).is_some() => {
            library.update(&id, bank, assessment, &saved_at);
            id
        }
        _ => library.add(bank, assessment, &saved_at),
    };
    let file = savefile::save(assessment, bank, env!("CARGO_PKG_VERSION"), &saved_at);
    store.set(&assessment_key(&id), &file)?;
    store.set(INDEX_KEY, &library.to_json())?;
    Ok(library)
}

/// Adds an opened file to the library as a new entry and makes it current.
pub fn add_opened(
    store: &Store,
    bank: &Bank,
    library: &Index,
    opened: &Opened,
) -> Result<Index, StoreError> {
    let mut library = latest(store, library);
    library.current = None;
    save_current(store, bank, &library, &opened.assessment)
}

/// Stores a copy of entry `id` under a new entry placed after it, named with `copy_suffix`.
/// Returns the index and the copy's id.
pub fn duplicate(
    store: &Store,
    library: &Index,
    id: &str,
    copy_suffix: &str,
) -> Result<(Index, String), StoreError> {
    let raw = store.get(&assessment_key(id)).ok_or(StoreError::Failed)?;
    let mut library = latest(store, library);
    let new_id = library
        .duplicate(id, copy_suffix)
        .ok_or(StoreError::Failed)?;
    store.set(&assessment_key(&new_id), &raw)?;
    store.set(INDEX_KEY, &library.to_json())?;
    Ok((library, new_id))
}

/// The stored assessment file of entry `id`.
pub fn stored_file(store: &Store, id: &str) -> Option<String> {
    store.get(&assessment_key(id))
}

/// Stores `file` (entry `id`'s assessment, now linked to entry `previous`) and the link in the
/// index.
pub fn store_linked(
    store: &Store,
    library: &Index,
    id: &str,
    file: &str,
    previous: &str,
) -> Result<Index, StoreError> {
    let mut library = latest(store, library);
    library.set_previous(id, Some(previous));
    store.set(&assessment_key(id), file)?;
    store.set(INDEX_KEY, &library.to_json())?;
    Ok(library)
}

/// Renames entry `id`.
pub fn rename(store: &Store, library: &Index, id: &str, name: &str) -> Result<Index, StoreError> {
    let mut library = latest(store, library);
    library.rename(id, name);
    store.set(INDEX_KEY, &library.to_json())?;
    Ok(library)
}

/// Deletes entry `id` and its stored assessment.
pub fn delete(store: &Store, library: &Index, id: &str) -> Result<Index, StoreError> {
    let mut library = latest(store, library);
    library.delete(id);
    store.set(INDEX_KEY, &library.to_json())?;
    store.remove(&assessment_key(id));
    Ok(library)
}

/// The current assessment as a file, for "save to file" and "download your work".
pub fn as_file(bank: &Bank, assessment: &Assessment) -> String {
    savefile::save(
        assessment,
        bank,
        env!("CARGO_PKG_VERSION"),
        &clock::now_rfc3339(),
    )
}

/// Makes entry `id` the current one and returns it opened, with the updated index.
pub fn open_entry(
    store: &Store,
    bank: &Bank,
    library: &Index,
    id: &str,
) -> Result<(Index, Opened), ImportError> {
    let raw = store
        .get(&assessment_key(id))
        .ok_or(ImportError::EntryMissing)?;
    let opened = savefile::open(raw.as_bytes(), bank).map_err(ImportError::Refused)?;
    let mut library = latest(store, library);
    library.current = Some(id.to_owned());
    store
        .set(INDEX_KEY, &library.to_json())
        .map_err(ImportError::Storage)?;
    Ok((library, opened))
}
