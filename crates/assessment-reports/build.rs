//! Embeds the question bank's guidance (see `assessment_core::guidance`), which the app leaves out
//! of the module every visit loads and asks this module for after the first screen, and the SCuBA
//! policy table (`content/scuba.toml`) the scanner import matches ids against, and the bank's
//! history of changes (`content/history.toml`) that comparisons of assessments on different bank
//! versions need.

use std::{env, fs, path::PathBuf};

use assessment_core::guidance::bank_for_build;
use assessment_core::history::History;
use assessment_core::scuba::ScubaTable;

fn main() {
    let (_, guidance) = bank_for_build("../../content".as_ref()).split_guidance();
    let table = ScubaTable::for_build("../../content".as_ref());
    let history = History::for_build("../../content".as_ref());
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, bytes) in [
        ("guidance.bin", guidance.to_bytes()),
        ("scuba.bin", table.to_bytes()),
        ("history.bin", history.to_bytes()),
    ] {
        let path = out.join(name);
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
    }
}
