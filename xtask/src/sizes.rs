//! Measures what a first visit downloads: each file of the build, raw and gzip-compressed, apart
//! from the report generator in `reports/`, which the page loads only on the first download.

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

/// One file of the build and its sizes in bytes.
pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
}

/// The sub-folder of a hosted build that is loaded on demand, not on the first visit.
pub const ON_DEMAND_DIR: &str = "reports";

/// Sizes of every file in a build folder, largest gzip first: those a first visit loads, and
/// those under [`ON_DEMAND_DIR`].
pub struct Report {
    pub files: Vec<FileSize>,
    pub on_demand: Vec<FileSize>,
}

impl Report {
    pub fn total_gzip(&self) -> u64 {
        self.files.iter().map(|f| f.gzip).sum()
    }

    pub fn print(&self) {
        println!("\n{:<40} {:>10} {:>10}", "file", "bytes", "gzip");
        for file in &self.files {
            println!("{:<40} {:>10} {:>10}", file.name, file.raw, file.gzip);
        }
        let raw: u64 = self.files.iter().map(|f| f.raw).sum();
        println!(
            "{:<40} {:>10} {:>10}",
            "first visit",
            raw,
            self.total_gzip()
        );
        for file in &self.on_demand {
            println!(
                "{:<40} {:>10} {:>10}  (on demand)",
                file.name, file.raw, file.gzip
            );
        }
    }
}

/// Measures every file below `dir` (relative to the repository root).
pub fn measure(dir: &str) -> Result<Report, String> {
    let folder = crate::run::repo_root().join(dir);
    let mut files = crate::release::relative_files(&folder)?
        .iter()
        .map(|relative| measure_file(&folder, relative))
        .collect::<Result<Vec<_>, _>>()?;
    files.sort_by(|a, b| b.gzip.cmp(&a.gzip).then(a.name.cmp(&b.name)));
    let prefix = format!("{ON_DEMAND_DIR}/");
    let (on_demand, files) = files.into_iter().partition(|f| f.name.starts_with(&prefix));
    Ok(Report { files, on_demand })
}

/// Sizes of the file at `relative` (a `/`-separated path below `root`).
fn measure_file(root: &Path, relative: &str) -> Result<FileSize, String> {
    let bytes =
        fs::read(root.join(relative)).map_err(|e| format!("cannot read {relative}: {e}"))?;
    Ok(FileSize {
        name: relative.to_string(),
        raw: bytes.len() as u64,
        gzip: gzip_len(&bytes),
    })
}

/// Size after gzip at the highest level, as a well-configured server would send it.
pub fn gzip_len(bytes: &[u8]) -> u64 {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing to memory cannot fail");
    encoder
        .finish()
        .expect("writing to memory cannot fail")
        .len() as u64
}

#[cfg(test)]
mod tests {
    use super::{gzip_len, measure};
    use std::fs;

    #[test]
    fn repetitive_data_compresses() {
        let data = vec![b'a'; 10_000];
        let size = gzip_len(&data);
        assert!(
            size > 0 && size < 100,
            "gzip of 10 000 identical bytes was {size}"
        );
    }

    #[test]
    fn the_report_generator_is_not_counted_in_the_first_visit() {
        let dir = crate::run::repo_root().join("target/sizes-test");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("reports")).unwrap();
        fs::create_dir_all(dir.join("snippets/app")).unwrap();
        fs::write(dir.join("app.wasm"), vec![1u8; 500]).unwrap();
        fs::write(
            dir.join("snippets/app/inline0.js"),
            "export function f() {}",
        )
        .unwrap();
        fs::write(dir.join("reports/gen_bg.wasm"), vec![2u8; 500]).unwrap();
        let report = measure("target/sizes-test").unwrap();
        let names =
            |files: &[super::FileSize]| files.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
        let mut first = names(&report.files);
        first.sort();
        assert_eq!(first, ["app.wasm", "snippets/app/inline0.js"]);
        assert_eq!(names(&report.on_demand), ["reports/gen_bg.wasm"]);
        assert_eq!(
            report.total_gzip(),
            report.files.iter().map(|f| f.gzip).sum::<u64>()
        );
    }
}
