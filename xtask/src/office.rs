//! `cargo xtask office`: checks the editable reports (.xlsx, .docx) with independent readers.
//!
//! The core writes an Excel action plan and a Word report for a few fixed assessments (a test in
//! `crates/assessment-core/tests/reports.rs`, which also writes what each file must hold to
//! `expectations.json`); `tests/office/check.py` then reads every file with openpyxl and
//! python-docx, and LibreOffice must turn each one into a PDF. The Python readers live in a
//! virtual environment under the git-ignored `.tools/`, installed from PyPI on first use;
//! LibreOffice comes from Debian. A picture of the first page of each complete sample is left in
//! `test-artifacts/office/` for a person to look at.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::run::{cmd, output, repo_root, run, step};

/// The readers and the exact releases the check uses (PyPI project names).
pub const READERS: [(&str, &str); 2] = [("openpyxl", "3.1.5"), ("python-docx", "1.2.0")];

/// Debian's LibreOffice without a desktop. Draw's package carries the graphic export filters
/// (writer_png_Export, calc_png_Export) the pictures need; Writer and Calc alone only make PDFs.
const LIBREOFFICE: [&str; 3] = [
    "libreoffice-writer-nogui",
    "libreoffice-calc-nogui",
    "libreoffice-draw-nogui",
];

/// What the packages above install: the program, and the filters Draw's package adds.
const LIBREOFFICE_FILES: [&str; 2] = [
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/share/registry/graphicfilter.xcd",
];

/// Where the virtual environment goes, relative to the repository root.
const VENV: &str = ".tools/office-venv";

/// Where the sample files go, relative to the repository root.
const SAMPLES: &str = "target/office-samples";

/// Where the pictures for a person go, relative to the repository root.
const PICTURES: &str = "test-artifacts/office";

/// A PDF smaller than this has no page worth the name.
const MIN_PDF_BYTES: usize = 1024;

/// Sets up the readers if needed, writes the samples and checks every one of them.
pub fn check() -> Result<(), String> {
    let python = crate::python::ensure_venv(VENV, &READERS)?;
    crate::tools::ensure_debian_packages(&LIBREOFFICE_FILES, &LIBREOFFICE, false)?;
    let samples = write_samples()?;
    let readers = READERS.map(|(name, version)| format!("{name} {version}"));
    step(&format!(
        "Reading the samples with {}",
        readers.join(" and ")
    ));
    run(cmd(&python.to_string_lossy())
        .arg("tests/office/check.py")
        .arg(&samples))?;
    convert_to_pdf(&samples)?;
    draw_first_pages(&samples)
}

/// Clears the samples folder and has the core's test fill it.
fn write_samples() -> Result<PathBuf, String> {
    let samples = repo_root().join(SAMPLES);
    if samples.exists() {
        fs::remove_dir_all(&samples)
            .map_err(|e| format!("could not clear {}: {e}", samples.display()))?;
    }
    step("Writing Excel and Word samples (assessment-core test write_office_samples)");
    run(cmd("cargo")
        .args([
            "test",
            "--locked",
            "--quiet",
            "--package",
            "assessment-core",
            "--features",
            "toml,office",
            "--test",
            "reports",
            "--",
            "--exact",
            "write_office_samples",
        ])
        .env("OFFICE_SAMPLES_DIR", &samples))?;
    // A filter that matches no test passes too: the file the test writes tells it ran.
    if !samples.join("expectations.json").is_file() {
        return Err(format!(
            "write_office_samples left no expectations.json in {SAMPLES}: is the test there?"
        ));
    }
    Ok(samples)
}

/// Every sample LibreOffice must open, turned into a PDF in `<samples>/pdf`.
fn convert_to_pdf(samples: &Path) -> Result<(), String> {
    let files = office_files(samples)?;
    if !files.iter().any(|f| f.ends_with(".xlsx")) || !files.iter().any(|f| f.ends_with(".docx")) {
        return Err(format!(
            "the sample writer left no .xlsx or no .docx in {SAMPLES} (found {files:?})"
        ));
    }
    // complete.xlsx and complete.docx would both become complete.pdf: renamed copies keep both.
    let inputs = renamed_copies(samples, &files, &samples.join("renamed"))?;
    let pdf = samples.join("pdf");
    step(&format!(
        "Converting {} file(s) to PDF with LibreOffice",
        inputs.len()
    ));
    let ran = soffice("pdf", &pdf, &inputs);
    let failures: Vec<String> = inputs
        .iter()
        .filter_map(|input| {
            let out = pdf.join(converted_name(input, "pdf"));
            let problem = match fs::read(&out) {
                Ok(bytes) => pdf_problem(&bytes)?,
                Err(_) => "not written".to_owned(),
            };
            Some(format!("{}: {problem}", out.display()))
        })
        .collect();
    match ran {
        Ok(()) if failures.is_empty() => {
            println!("{} PDF(s) written to {}", inputs.len(), pdf.display());
            Ok(())
        }
        ran => Err(format!(
            "LibreOffice could not convert every sample{} (it takes them in this order):\n  {}",
            ran.err().map(|e| format!(" ({e})")).unwrap_or_default(),
            failures.join("\n  ")
        )),
    }
}

/// The first page of the complete workbook and document as PNG, for a person to look at.
fn draw_first_pages(samples: &Path) -> Result<(), String> {
    let pictures = repo_root().join(PICTURES);
    if pictures.exists() {
        fs::remove_dir_all(&pictures)
            .map_err(|e| format!("could not clear {}: {e}", pictures.display()))?;
    }
    let names = ["complete.xlsx".to_owned(), "complete.docx".to_owned()];
    let inputs = renamed_copies(samples, &names, &samples.join("renamed"))?;
    step("Drawing the first page of complete.xlsx and complete.docx (LibreOffice, PNG)");
    soffice("png", &pictures, &inputs)?;
    for input in &inputs {
        let out = pictures.join(converted_name(input, "png"));
        let bytes = fs::read(&out).unwrap_or_default();
        if !bytes.starts_with(b"\x89PNG") {
            return Err(format!("LibreOffice drew no PNG at {}", out.display()));
        }
        println!("{} ({} bytes)", out.display(), bytes.len());
    }
    Ok(())
}

/// The .xlsx and .docx file names in `folder`, sorted.
fn office_files(folder: &Path) -> Result<Vec<String>, String> {
    let mut files: Vec<String> = fs::read_dir(folder)
        .map_err(|e| format!("no samples in {}: {e}", folder.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".xlsx") || name.ends_with(".docx"))
        .collect();
    files.sort();
    Ok(files)
}

/// Copies each of `names` from `from` into `to` under its [`renamed`] name.
fn renamed_copies(from: &Path, names: &[String], to: &Path) -> Result<Vec<PathBuf>, String> {
    fs::create_dir_all(to).map_err(|e| format!("could not create {}: {e}", to.display()))?;
    names
        .iter()
        .map(|name| {
            let copy = to.join(renamed(name));
            fs::copy(from.join(name), &copy)
                .map_err(|e| format!("could not copy {name} to {}: {e}", copy.display()))?;
            Ok(copy)
        })
        .collect()
}

/// `complete.xlsx` as `complete-xlsx.xlsx`: the kind stays in the name of what it turns into.
fn renamed(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}-{extension}.{extension}"),
        None => name.to_owned(),
    }
}

/// The name LibreOffice gives the `format` conversion of `input` (its extension replaced).
fn converted_name(input: &Path, format: &str) -> String {
    let stem = input.file_stem().unwrap_or_default().to_string_lossy();
    format!("{stem}.{format}")
}

/// Why `bytes` is not a plausible PDF, if it is not.
fn pdf_problem(bytes: &[u8]) -> Option<String> {
    if !bytes.starts_with(b"%PDF") {
        Some("does not start with %PDF".into())
    } else if bytes.len() <= MIN_PDF_BYTES {
        Some(format!("only {} bytes", bytes.len()))
    } else {
        None
    }
}

/// How long one LibreOffice run may take. A pass over every sample takes seconds; a file whose
/// layout does not end (LibreOffice 7.4 spent minutes on one table cell 360,000 characters long)
/// must fail the check, not hang the tests.
const SOFFICE_DEADLINE: Duration = Duration::from_secs(180);

/// One LibreOffice run converting every one of `inputs` to `format` into `outdir`: it takes
/// seconds to start, so files go together. A profile of its own, removed after, means a stale
/// or running instance (which would take the job over, or lock the profile) never interferes.
fn soffice(format: &str, outdir: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    let profile = std::env::temp_dir().join(format!("lo-profile-{}", std::process::id()));
    let mut command = cmd(LIBREOFFICE_FILES[0]);
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            format,
            "--outdir",
        ])
        .arg(outdir)
        .args(inputs);
    let started = Instant::now();
    let result = run_with_deadline(&mut command, SOFFICE_DEADLINE);
    let _ = fs::remove_dir_all(&profile);
    println!(
        "LibreOffice: {} file(s) to {format}, {:.1} s",
        inputs.len(),
        started.elapsed().as_secs_f64()
    );
    result
}

/// Runs `command`, ending it and everything it started once `deadline` has passed.
fn run_with_deadline(command: &mut Command, deadline: Duration) -> Result<(), String> {
    // soffice starts oosplash, which starts soffice.bin: a group of their own ends all three.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(command, 0);
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not start LibreOffice: {e}"))?;
    let started = Instant::now();
    loop {
        let exited = child
            .try_wait()
            .map_err(|e| format!("could not wait for LibreOffice: {e}"))?;
        if let Some(status) = exited {
            return if status.success() {
                Ok(())
            } else {
                Err(format!("LibreOffice failed ({status})"))
            };
        }
        if started.elapsed() > deadline {
            #[cfg(unix)]
            let _ = output(Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]));
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "LibreOffice had not finished after {} s and was stopped",
                deadline.as_secs()
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_kind_in_the_converted_name() {
        assert_eq!(renamed("complete.xlsx"), "complete-xlsx.xlsx");
        assert_eq!(renamed("complete.docx"), "complete-docx.docx");
        let input = Path::new("/x/renamed/complete-docx.docx");
        assert_eq!(converted_name(input, "pdf"), "complete-docx.pdf");
    }

    #[test]
    fn tells_a_pdf_from_a_stub() {
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.resize(2048, b' ');
        assert_eq!(pdf_problem(&pdf), None);
        assert!(pdf_problem(b"%PDF-1.7\n%%EOF").is_some_and(|p| p.contains("bytes")));
        assert!(pdf_problem(&[b' '; 4096]).is_some_and(|p| p.contains("%PDF")));
    }
}
