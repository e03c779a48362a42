//! Python virtual environments for the independent checkers (compliance-trestle; openpyxl and
//! python-docx): created under the git-ignored `.tools/` on first use, with each package installed
//! from PyPI at its pinned release, and left alone while `pip show` reports those releases.

use std::fs;
use std::path::PathBuf;

use crate::run::{cmd, output, repo_root, run, step};

/// The Python of the virtual environment `venv` (relative to the repository root), with every
/// `(PyPI name, version)` of `packages` installed at that version.
pub fn ensure_venv(venv: &str, packages: &[(&str, &str)]) -> Result<PathBuf, String> {
    let folder = repo_root().join(venv);
    let python = folder.join(if cfg!(windows) {
        "Scripts/python.exe"
    } else {
        "bin/python"
    });
    if !python.exists() {
        step(&format!("Creating a Python virtual environment in {venv}"));
        if run(cmd("python3").args(["-m", "venv", venv])).is_err() {
            // A machine without Python, or Debian's python3 without its venv module.
            let _ = fs::remove_dir_all(&folder);
            crate::tools::ensure_debian_packages(
                &["/usr/bin/python3", "/usr/lib/python3/dist-packages"],
                &["python3", "python3-venv", "python3-pip"],
                true,
            )?;
            run(cmd("python3").args(["-m", "venv", venv]))
                .map_err(|e| format!("{e}; python3 with the venv module is needed"))?;
        }
    }
    // pip show fails when any package is missing, which reads the same as a wrong version.
    let shown = output(
        cmd(&python.to_string_lossy())
            .args(["-m", "pip", "show", "--disable-pip-version-check"])
            .args(packages.iter().map(|(name, _)| name)),
    )
    .unwrap_or_default();
    if packages
        .iter()
        .all(|&(name, version)| shown_version(&shown, name) == Some(version))
    {
        return Ok(python);
    }
    let pins: Vec<String> = packages
        .iter()
        .map(|(name, version)| format!("{name}=={version}"))
        .collect();
    step(&format!("Installing {} into {venv}", pins.join(" ")));
    run(cmd(&python.to_string_lossy())
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(&pins))?;
    Ok(python)
}

/// The version `pip show` reports for `package`, from its output for one or more packages
/// (blocks of `Name:` and `Version:` lines, separated by `---`).
fn shown_version<'a>(text: &'a str, package: &str) -> Option<&'a str> {
    let mut name = None;
    for line in text.lines() {
        if let Some(value) = line.strip_prefix("Name:") {
            name = Some(value.trim());
        } else if let Some(value) = line.strip_prefix("Version:") {
            if name.is_some_and(|n| n.eq_ignore_ascii_case(package)) {
                return Some(value.trim());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_version_pip_shows() {
        let shown = "Name: openpyxl\nVersion: 3.1.5\nSummary: xlsx\n---\n\
                     Name: python-docx\nVersion: 1.2.0\nSummary: docx\n";
        assert_eq!(shown_version(shown, "openpyxl"), Some("3.1.5"));
        assert_eq!(shown_version(shown, "python-docx"), Some("1.2.0"));
        assert_eq!(shown_version(shown, "lxml"), None);
        assert_eq!(
            shown_version("WARNING: Package(s) not found", "openpyxl"),
            None
        );
        let trestle = "Name: compliance-trestle\nVersion: 5.2.0\nSummary: Tools\n";
        assert_eq!(shown_version(trestle, "compliance-trestle"), Some("5.2.0"));
    }
}
