//! Browser shell of the self-assessment: shows the core's state and forwards the person's intents.
//!
//! Layers, each importing only those below it: `app` (the root) and `failure` (the panic screen)
//! → `pages` → `components` → `hooks` (the app handle, autosave, focus) → `words` (the interface
//! table) → `state` (the pure reducer) → `browser` (storage, files, downloads, clock) → the core.
//! `format` is a leaf any layer may use.

mod app;
pub mod browser;
mod components;
pub mod failure;
pub mod format;
pub mod hooks;
mod pages;
pub mod state;
pub mod words;

use std::sync::OnceLock;

use assessment_core::Bank;

pub use app::App;

/// The question bank without its guidance, checked and encoded by `build.rs`. The on-demand
/// module is handed these bytes as they are (it adds the guidance it embeds itself).
pub(crate) const BANK_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bank.bin"));

/// The bank with its guidance, once it is there.
static FULL_BANK: OnceLock<Bank> = OnceLock::new();

/// The question bank: static data, decoded once on first use and never changed, so state and
/// props never carry or compare it. Until the guidance is installed (see [`has_guidance`]) its
/// questions carry no why, verify, remedy, meanings or alternatives, and its terms no
/// definitions; everything that scores, filters or opens files needs none of those.
pub fn bank() -> &'static Bank {
    #[cfg(feature = "bundled-reports")]
    install_guided_bank(include_bytes!(concat!(env!("OUT_DIR"), "/guided-bank.bin")));
    FULL_BANK.get().unwrap_or_else(lite_bank)
}

/// The embedded bank without its guidance, decoded once.
fn lite_bank() -> &'static Bank {
    static LITE_BANK: OnceLock<Bank> = OnceLock::new();
    LITE_BANK.get_or_init(|| {
        Bank::from_bytes(BANK_BYTES)
            .unwrap_or_else(|_| unreachable!("the embedded bank was validated at build time"))
    })
}

/// The bank's guidance is installed: both editions load it from the on-demand module after the
/// first screen (a build with `bundled-reports`, as the component tests use, embeds it).
pub fn has_guidance() -> bool {
    FULL_BANK.get().is_some()
}

/// Installs the bank with its guidance (postcard, as the on-demand module encodes it from the
/// bank the app embeds). False when it cannot be read or is another bank; nothing changes then.
/// The module does the merging, so the app carries no decoder of the guidance on its own.
pub fn install_guided_bank(bytes: &[u8]) -> bool {
    if has_guidance() {
        return true;
    }
    // Not `bank()`, which installs the guided bank first in a bundled build.
    let lite = lite_bank();
    match Bank::from_bytes(bytes) {
        Ok(full)
            if full.version == lite.version && full.questions.len() == lite.questions.len() =>
        {
            FULL_BANK.get_or_init(|| full);
            true
        }
        _ => false,
    }
}

/// Which edition this page is, from its `mbsa-edition` meta element: "hosted" for the
/// multi-file build, "single-file" for the one-file edition.
pub fn edition() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=mbsa-edition]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "hosted".to_owned())
}
