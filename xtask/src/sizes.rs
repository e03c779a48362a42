//! Measures what a first visit downloads: each file of the build, raw and gzip-compressed.

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

/// Sizes of every file in a build folder, largest gzip first.
pub struct Report {
    pub files: Vec<FileSize>,
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
        println!("{:<40} {:>10} {:>10}", "total", raw, self.total_gzip());
    }
}

/// Measures every regular file directly inside `dir` (relative to the repository root).
pub fn measure(dir: &str) -> Result<Report, String> {
    let folder = crate::run::repo_root().join(dir);
    let entries = fs::read_dir(&folder).map_err(|e| format!("cannot list {dir}: {e}"))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("cannot list {dir}: {e}"))?.path();
        if path.is_file() {
            files.push(measure_file(&path)?);
        }
    }
    files.sort_by(|a, b| b.gzip.cmp(&a.gzip).then(a.name.cmp(&b.name)));
    Ok(Report { files })
}

fn measure_file(path: &Path) -> Result<FileSize, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(FileSize {
        name: path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
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
    use super::gzip_len;

    #[test]
    fn repetitive_data_compresses() {
        let data = vec![b'a'; 10_000];
        let size = gzip_len(&data);
        assert!(
            size > 0 && size < 100,
            "gzip of 10 000 identical bytes was {size}"
        );
    }
}
