//! Checks the question bank at build time and embeds it in postcard's compact binary form, so the
//! browser needs neither a TOML parser nor the bank's JSON decoder, and a broken bank fails the
//! build with the offending items named.
//!
//! Five files: `bank.bin`, the bank without its guidance, which every visit loads, and
//! `guidance.bin`, `guided-bank.bin` (the bank with its guidance), `scuba.bin` (the SCuBA
//! policy table) and `history.bin` (the bank's history of changes), which only a build with the `bundled-reports` feature embeds (the editions get them from the on-demand module; see
//! `assessment_core::guidance`).
//! `ASSESSMENT_BANK=<path>` builds with another bank (see `guidance::bank_for_build`).

use std::{env, fs, path::PathBuf};

use assessment_core::guidance::bank_for_build;
use assessment_core::history::History;
use assessment_core::scuba::ScubaTable;

fn main() {
    let full = bank_for_build("content".as_ref());
    let guided = full.to_bytes();
    let (bank, guidance) = full.split_guidance();
    let table = ScubaTable::for_build("content".as_ref());
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, bytes) in [
        ("bank.bin", bank.to_bytes()),
        ("guidance.bin", guidance.to_bytes()),
        ("guided-bank.bin", guided),
        ("scuba.bin", table.to_bytes()),
        (
            "history.bin",
            History::for_build("content".as_ref()).to_bytes(),
        ),
    ] {
        let path = out.join(name);
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
    }
}
