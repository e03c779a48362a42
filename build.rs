//! Checks the question bank at build time and embeds it as compact JSON, so the browser needs no
//! TOML parser and a broken bank fails the build with the offending items named.

use std::{env, fs, path::PathBuf};

use assessment_core::Bank;

fn main() {
    let source = "content/bank.toml";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
    let bank = Bank::from_toml(&text).unwrap_or_else(|e| panic!("{source}: {e}"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bank.json");
    fs::write(&out, bank.to_json()).unwrap_or_else(|e| panic!("cannot write {out:?}: {e}"));
}
