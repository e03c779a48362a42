//! Browser storage that never panics: probed once, every failure returned as a value.
//!
//! `localStorage` can be missing (sandboxed frames, privacy settings), can throw on access, can be
//! full, or can hold data another version wrote. Callers keep working in memory on any error.

use web_sys::Storage;

/// Every key this app writes starts with this, so "delete all my data" can find them all and
/// nothing else on the same origin is touched. The `v1` is the storage layout version.
pub const PREFIX: &str = "mbsa.v1.";
pub const INDEX_KEY: &str = "mbsa.v1.index";

/// The key of a stored assessment.
pub fn assessment_key(id: &str) -> String {
    format!("{PREFIX}assessment.{id}")
}

/// The key under which unreadable data found at `key` is kept instead of being overwritten.
pub fn rescue_key(key: &str, stamp: &str) -> String {
    format!(
        "{PREFIX}unreadable.{stamp}.{}",
        key.trim_start_matches(PREFIX)
    )
}

/// Why a write did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreError {
    /// The browser offers no storage here (private mode, sandboxed frame, blocked by settings).
    Unavailable,
    /// Storage is full.
    Full,
    /// Any other refusal.
    Failed,
}

/// Access to `localStorage`, or the knowledge that there is none. There is one per app, so two
/// handles are equal when they point to the same storage.
#[derive(PartialEq)]
pub struct Store {
    storage: Option<Storage>,
}

impl Store {
    /// Finds storage and checks it can really be written (some browsers hand out a storage object
    /// that throws on every write).
    pub fn open() -> Store {
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .filter(|s| {
                let probe = format!("{PREFIX}probe");
                let works = s.set_item(&probe, "1").is_ok();
                let _ = s.remove_item(&probe);
                works
            });
        Store { storage }
    }

    /// A store with no storage behind it, for when the browser offers none.
    pub fn unavailable() -> Store {
        Store { storage: None }
    }

    pub fn is_available(&self) -> bool {
        self.storage.is_some()
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let storage = self.storage.as_ref().ok_or(StoreError::Unavailable)?;
        storage.set_item(key, value).map_err(|error| {
            let name = js_sys::Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                StoreError::Full
            } else {
                StoreError::Failed
            }
        })
    }

    pub fn remove(&self, key: &str) {
        if let Some(storage) = &self.storage {
            let _ = storage.remove_item(key);
        }
    }

    /// Every key this app wrote.
    pub fn own_keys(&self) -> Vec<String> {
        let Some(storage) = &self.storage else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|key| key.starts_with(PREFIX))
            .collect()
    }

    /// Removes everything this app stored. Returns how many entries were removed.
    pub fn clear_own(&self) -> usize {
        let keys = self.own_keys();
        for key in &keys {
            self.remove(key);
        }
        keys.len()
    }
}
