//! Checks the question bank at build time and embeds it in postcard's compact binary form, so the
//! browser needs neither a TOML parser nor the bank's JSON decoder, and a broken bank fails the
//! build with the offending items named.
//!
//! `ASSESSMENT_BANK=<path>` builds with another bank (TOML, or JSON as written by
//! `cargo xtask bench` for its synthetic 2,000-question bank); by default the shipped bank in `content/` (see `Bank::from_dir`).

use std::{
    env, fs,
    path::{Path, PathBuf},
};

use assessment_core::Bank;

fn main() {
    println!("cargo:rerun-if-env-changed=ASSESSMENT_BANK");
    let bank = match env::var("ASSESSMENT_BANK") {
        Ok(source) => {
            println!("cargo:rerun-if-changed={source}");
            let text =
                fs::read_to_string(&source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
            let bank = if source.ends_with(".json") {
                Bank::from_json(&text)
            } else {
                Bank::from_toml(&text)
            };
            bank.unwrap_or_else(|e| panic!("{source}: {e}"))
        }
        Err(_) => {
            let dir = Path::new("content");
            println!("cargo:rerun-if-changed=content/questions");
            for file in Bank::files_in(dir) {
                println!("cargo:rerun-if-changed={}", file.display());
            }
            Bank::from_dir(dir).unwrap_or_else(|e| panic!("content/: {e}"))
        }
    };
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bank.bin");
    fs::write(&out, bank.to_bytes()).unwrap_or_else(|e| panic!("cannot write {out:?}: {e}"));
}
