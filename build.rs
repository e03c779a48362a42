//! Checks the question bank at build time and embeds it in postcard's compact binary form, so the
//! browser needs neither a TOML parser nor the bank's JSON decoder, and a broken bank fails the
//! build with the offending items named.
//!
//! Two files: `bank.bin`, the bank without its guidance, which every visit loads, and
//! `guidance.bin`, which only the one-file edition embeds (the hosted build gets it from the
//! on-demand module after the first screen; see `assessment_core::guidance`).
//! `ASSESSMENT_BANK=<path>` builds with another bank (see `guidance::bank_for_build`).

use std::{env, fs, path::PathBuf};

use assessment_core::guidance::bank_for_build;

fn main() {
    let (bank, guidance) = bank_for_build("content".as_ref()).split_guidance();
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, bytes) in [
        ("bank.bin", bank.to_bytes()),
        ("guidance.bin", guidance.to_bytes()),
    ] {
        let path = out.join(name);
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
    }
}
