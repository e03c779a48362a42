//! `cargo xtask oscal`: checks the OSCAL export with an independent implementation.
//!
//! The core writes OSCAL assessment results for a few fixed assessments (a test in
//! `crates/assessment-core/tests/reports.rs`); `tests/oscal/validate.py` then loads each file with
//! compliance-trestle's pydantic models, which are generated from NIST's OSCAL schemas and refuse
//! unknown keys. Trestle lives in a virtual environment under the git-ignored `.tools/`, installed
//! from PyPI on first use.

use std::fs;
use std::path::PathBuf;

use crate::run::{cmd, output, repo_root, run, step};

/// The compliance-trestle release the validation uses.
pub const TRESTLE_VERSION: &str = "5.2.0";

/// Where the virtual environment goes, relative to the repository root.
const VENV: &str = ".tools/trestle-venv";

/// Where the sample files go, relative to the repository root.
const SAMPLES: &str = "target/oscal-samples";

/// Sets up trestle if needed, writes the samples and validates every one of them.
pub fn validate() -> Result<(), String> {
    let python = ensure_trestle()?;
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

/// The virtual environment's Python, with compliance-trestle installed at the pinned version.
fn ensure_trestle() -> Result<PathBuf, String> {
    let venv = repo_root().join(VENV);
    let python = venv.join(if cfg!(windows) {
        "Scripts/python.exe"
    } else {
        "bin/python"
    });
    if !python.exists() {
        step(&format!("Creating a Python virtual environment in {VENV}"));
        if run(cmd("python3").args(["-m", "venv", VENV])).is_err() {
            // A machine without Python, or Debian's python3 without its venv module.
            let _ = std::fs::remove_dir_all(&venv);
            crate::tools::ensure_debian_packages(
                &["/usr/bin/python3", "/usr/lib/python3/dist-packages"],
                &["python3", "python3-venv", "python3-pip"],
                true,
            )?;
            run(cmd("python3").args(["-m", "venv", VENV]))
                .map_err(|e| format!("{e}; python3 with the venv module is needed"))?;
        }
    }
    let shown = output(cmd(&python.to_string_lossy()).args([
        "-m",
        "pip",
        "show",
        "--disable-pip-version-check",
        "compliance-trestle",
    ]));
    if shown.as_deref().and_then(shown_version) == Some(TRESTLE_VERSION) {
        return Ok(python);
    }
    step(&format!(
        "Installing compliance-trestle {TRESTLE_VERSION} into {VENV}"
    ));
    run(cmd(&python.to_string_lossy()).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        &format!("compliance-trestle=={TRESTLE_VERSION}"),
    ]))?;
    Ok(python)
}

/// The `Version:` line of `pip show` output.
fn shown_version(text: &str) -> Option<&str> {
    text.lines()
        .find_map(|line| line.strip_prefix("Version:"))
        .map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_version_pip_shows() {
        let shown = "Name: compliance-trestle\nVersion: 5.2.0\nSummary: Tools\n";
        assert_eq!(shown_version(shown), Some("5.2.0"));
        assert_eq!(shown_version("WARNING: Package(s) not found"), None);
    }
}
