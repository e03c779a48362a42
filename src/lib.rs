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

/// The question bank, checked and encoded by `build.rs`.
pub(crate) const BANK_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bank.bin"));

/// The question bank: static data, decoded once on first use and never changed, so state and
/// props never carry or compare it.
pub fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| {
        Bank::from_bytes(BANK_BYTES)
            .unwrap_or_else(|_| unreachable!("the embedded bank was validated at build time"))
    })
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
