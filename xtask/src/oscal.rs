//! `cargo xtask oscal`: checks the OSCAL export with an independent implementation.
//!
//! The core writes OSCAL assessment results for a few fixed assessments (a test in
//! `crates/assessment-core/tests/reports.rs`); `tests/oscal/validate.py` then loads each file with
//! compliance-trestle's pydantic models, which are generated from NIST's OSCAL schemas and refuse
//! unknown keys. Trestle lives in a virtual environment under the git-ignored `.tools/`, installed
//! from PyPI on first use.

use std::fs;
use std::path::PathBuf;

use crate::run::{cmd, repo_root, run, step};

/// The compliance-trestle release the validation uses.
pub const TRESTLE_VERSION: &str = "5.2.0";

/// Where the virtual environment goes, relative to the repository root.
const VENV: &str = ".tools/trestle-venv";

/// Where the sample files go, relative to the repository root.
const SAMPLES: &str = "target/oscal-samples";

/// Sets up trestle if needed, writes the samples and validates every one of them.
pub fn validate() -> Result<(), String> {
    let python = crate::python::ensure_venv(VENV, &[("compliance-trestle", TRESTLE_VERSION)])?;
    let samples = repo_root().join(SAMPLES);
    if samples.exists() {
        fs::remove_dir_all(&samples)
            .map_err(|e| format!("could not clear {}: {e}", samples.display()))?;
    }
    step("Writing OSCAL samples (assessment-core test write_oscal_samples)");
    run(cmd("cargo")
        .args([
            "test",
            "--locked",
            "--quiet",
            "--package",
            "assessment-core",
            "--test",
            "reports",
            "--",
            "--exact",
            "write_oscal_samples",
        ])
        .env("OSCAL_SAMPLES_DIR", &samples))?;
    let mut files: Vec<PathBuf> = fs::read_dir(&samples)
        .map_err(|e| format!("no samples in {}: {e}", samples.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("the sample writer left no .json file in {SAMPLES}"));
    }
    step(&format!(
        "Validating {} OSCAL file(s) with compliance-trestle {TRESTLE_VERSION}",
        files.len()
    ));
    run(cmd(&python.to_string_lossy())
        .arg("tests/oscal/validate.py")
        .args(&files))
}
