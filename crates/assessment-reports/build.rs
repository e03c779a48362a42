//! Embeds the question bank's guidance (see `assessment_core::guidance`): the hosted app leaves it
//! out of the module every visit loads and asks this module for it after the first screen.

use std::{env, fs, path::PathBuf};

use assessment_core::guidance::bank_for_build;

fn main() {
    let (_, guidance) = bank_for_build("../../content".as_ref()).split_guidance();
    let path = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("guidance.bin");
    fs::write(&path, guidance.to_bytes()).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
}
