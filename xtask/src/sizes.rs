//! Measures what a build costs in gzip: each file a first visit of the hosted build downloads,
//! apart from its on-demand modules in `reports/` and `office/`; and the one-file edition, its start part apart
//! from the on-demand modules embedded in it (see [`crate::single::ON_DEMAND_ATTRIBUTE`]).

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::files::relative_files;
use crate::run::repo_root;
use crate::single::{ON_DEMAND_ATTRIBUTE, ON_DEMAND_TYPE};

/// One file of the build, or one part of the one-file edition, and its sizes in bytes.
#[derive(Debug)]
pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
}

impl FileSize {
    fn of(name: &str, bytes: &[u8]) -> Self {
        FileSize {
            name: name.to_string(),
            raw: bytes.len() as u64,
            gzip: gzip_len(bytes),
        }
    }
}

/// The sub-folders of a hosted build that are loaded on demand, not on the first visit: the
/// reports module and the office module (workbook and Word document writers).
pub const ON_DEMAND_DIRS: [&str; 2] = ["reports", "office"];

/// Sizes of every file in a build folder, largest gzip first: those a first visit loads, and
/// those under [`ON_DEMAND_DIRS`].
pub struct Report {
    pub files: Vec<FileSize>,
    pub on_demand: Vec<FileSize>,
}

impl Report {
    /// Gzip bytes of the first visit: every file but the on-demand ones.
    pub fn total_gzip(&self) -> u64 {
        self.files.iter().map(|f| f.gzip).sum()
    }

    pub fn print(&self) {
        println!("\n{:<48} {:>10} {:>10}", "file", "bytes", "gzip");
        for file in &self.files {
            println!("{:<48} {:>10} {:>10}", file.name, file.raw, file.gzip);
        }
        let raw: u64 = self.files.iter().map(|f| f.raw).sum();
        println!(
            "{:<48} {:>10} {:>10}",
            "first visit",
            raw,
            self.total_gzip()
        );
        for file in &self.on_demand {
            println!(
                "{:<48} {:>10} {:>10}  (on demand, not in the first visit)",
                file.name, file.raw, file.gzip
            );
        }
    }
}

/// Measures every file below `dir` (relative to the repository root, or absolute).
pub fn measure(dir: &str) -> Result<Report, String> {
    let folder = repo_root().join(dir);
    let mut files = relative_files(&folder)?
        .iter()
        .map(|relative| measure_file(&folder, relative))
        .collect::<Result<Vec<_>, _>>()?;
    files.sort_by(|a, b| b.gzip.cmp(&a.gzip).then(a.name.cmp(&b.name)));
    let (on_demand, files) = files.into_iter().partition(|f| {
        ON_DEMAND_DIRS
            .iter()
            .any(|dir| f.name.starts_with(&format!("{dir}/")))
    });
    Ok(Report { files, on_demand })
}

/// Sizes of the file at `relative` (a `/`-separated path below `root`).
fn measure_file(root: &Path, relative: &str) -> Result<FileSize, String> {
    let bytes =
        fs::read(root.join(relative)).map_err(|e| format!("cannot read {relative}: {e}"))?;
    Ok(FileSize::of(relative, &bytes))
}

/// The one-file edition in parts: what it loads at start (the file without its embedded
/// on-demand modules), each embedded on-demand module (the element as it stands in the file,
/// named by its `data-on-demand` value), and the whole file.
#[derive(Debug)]
pub struct SingleReport {
    pub start: FileSize,
    pub on_demand: Vec<FileSize>,
    pub whole: FileSize,
}

impl SingleReport {
    pub fn print(&self) {
        println!("{:<48} {:>10} {:>10}", "part", "bytes", "gzip");
        let row = |f: &FileSize, note: &str| {
            println!("{:<48} {:>10} {:>10}{note}", f.name, f.raw, f.gzip);
        };
        row(&self.start, "");
        for part in &self.on_demand {
            row(part, "  (embedded, on demand, not in the start part)");
        }
        row(&self.whole, "");
    }
}

/// Reads and measures the one-file edition at `relative` (from the repository root, or absolute).
pub fn measure_single_file(relative: &str) -> Result<SingleReport, String> {
    let html = fs::read_to_string(repo_root().join(relative))
        .map_err(|e| format!("cannot read {relative}: {e}"))?;
    measure_single(&html)
}

/// Measures a one-file edition: the gzip of each embedded on-demand element, of the file without
/// them (the start part), and of the whole file.
pub fn measure_single(html: &str) -> Result<SingleReport, String> {
    let parts = on_demand_elements(html)?;
    let mut start = String::with_capacity(html.len());
    let mut at = 0;
    let mut on_demand = Vec::new();
    for (name, range) in parts {
        start.push_str(&html[at..range.start]);
        on_demand.push(FileSize::of(&name, html[range.clone()].as_bytes()));
        at = range.end;
    }
    start.push_str(&html[at..]);
    on_demand.sort_by(|a, b| b.gzip.cmp(&a.gzip).then(a.name.cmp(&b.name)));
    Ok(SingleReport {
        start: FileSize::of("start part (all but embedded on-demand)", start.as_bytes()),
        on_demand,
        whole: FileSize::of("whole file", html.as_bytes()),
    })
}

/// Every `<script … data-on-demand="NAME">…</script>` element of `html`, in order: its name and
/// where it stands (from `<script` to the end of `</script>`). Fails on an element that breaks
/// the convention: no name, a name used twice, a type other than [`ON_DEMAND_TYPE`] (which the
/// browser would run at start), or no end tag.
fn on_demand_elements(html: &str) -> Result<Vec<(String, std::ops::Range<usize>)>, String> {
    const END: &str = "</script>";
    let marker = format!("{ON_DEMAND_ATTRIBUTE}=\"");
    let mut found: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    let mut from = 0;
    while let Some(offset) = html[from..].find("<script") {
        let start = from + offset;
        let tag_end = html[start..]
            .find('>')
            .map(|i| start + i)
            .ok_or("an unterminated <script> tag")?;
        let tag = &html[start..tag_end];
        let close = html[tag_end..]
            .find(END)
            .map(|i| tag_end + i + END.len())
            .ok_or_else(|| format!("a <script> without {END}: {tag}>"))?;
        from = close;
        let Some(at) = tag.find(&marker) else {
            continue;
        };
        let name = &tag[at + marker.len()..];
        let name = &name[..name.find('"').unwrap_or(0)];
        if name.is_empty() {
            return Err(format!("an on-demand element without a name: {tag}>"));
        }
        if !tag.contains(&format!("type=\"{ON_DEMAND_TYPE}\"")) {
            return Err(format!(
                "the on-demand element {name:?} is not type=\"{ON_DEMAND_TYPE}\", so the \
                 browser would not leave it for later"
            ));
        }
        if found.iter().any(|(n, _)| n == name) {
            return Err(format!("two on-demand elements are named {name:?}"));
        }
        found.push((name.to_string(), start..close));
    }
    Ok(found)
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

/// Test data: an embedded on-demand element holding `len` bytes that do not compress.
#[cfg(test)]
pub fn on_demand_element(name: &str, len: usize) -> String {
    use base64::Engine;
    // xorshift, seeded by the name so that two elements never share their bytes.
    let mut state = name.bytes().fold(0x2545_f491_4f6c_dd1d_u64, |s, b| {
        (s ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let bytes: Vec<u8> = (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect();
    format!(
        "<script type=\"{ON_DEMAND_TYPE}\" {ON_DEMAND_ATTRIBUTE}=\"{name}\">{}</script>",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(files: &[FileSize]) -> Vec<String> {
        files.iter().map(|f| f.name.clone()).collect()
    }

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
    fn the_on_demand_modules_are_not_counted_in_the_first_visit() {
        let dir = std::env::temp_dir().join(format!("xtask-sizes-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("reports")).unwrap();
        fs::create_dir_all(dir.join("office")).unwrap();
        fs::write(dir.join("office/office_bg.wasm"), vec![3u8; 400]).unwrap();
        fs::create_dir_all(dir.join("snippets/app")).unwrap();
        fs::write(dir.join("app.wasm"), vec![1u8; 500]).unwrap();
        fs::write(
            dir.join("snippets/app/inline0.js"),
            "export function f() {}",
        )
        .unwrap();
        fs::write(dir.join("reports/gen_bg.wasm"), vec![2u8; 500]).unwrap();
        let report = measure(dir.to_str().unwrap());
        fs::remove_dir_all(&dir).unwrap();
        let report = report.unwrap();
        let mut first = names(&report.files);
        first.sort();
        assert_eq!(first, ["app.wasm", "snippets/app/inline0.js"]);
        let mut on_demand = names(&report.on_demand);
        on_demand.sort();
        assert_eq!(on_demand, ["office/office_bg.wasm", "reports/gen_bg.wasm"]);
        assert_eq!(
            report.total_gzip(),
            report.files.iter().map(|f| f.gzip).sum::<u64>()
        );
    }

    #[test]
    fn without_embedded_modules_the_start_part_is_the_whole_file() {
        let html = "<html><head><script type=\"module\">init();</script></head></html>";
        let single = measure_single(html).unwrap();
        assert!(single.on_demand.is_empty());
        assert_eq!(single.start.raw, single.whole.raw);
        assert_eq!(single.start.gzip, single.whole.gzip);
    }

    #[test]
    fn embedded_on_demand_modules_are_measured_apart_from_the_start_part() {
        let app = "<script type=\"module\">const wasm = atob(\"AAAA\");</script>";
        let writer = on_demand_element("office-writers", 20_000);
        let crypto = on_demand_element("encryption", 5_000);
        let html = format!("<html><head>{app}</head><body>{writer}\n{crypto}</body></html>");
        let single = measure_single(&html).unwrap();
        assert_eq!(names(&single.on_demand), ["office-writers", "encryption"]);
        assert_eq!(single.on_demand[0].raw, writer.len() as u64);
        assert_eq!(
            single.start.raw,
            (html.len() - writer.len() - crypto.len()) as u64
        );
        assert!(single.start.gzip < 200, "start was {}", single.start.gzip);
        assert!(single.on_demand[0].gzip > 20_000);
        assert!(single.whole.gzip > single.on_demand[0].gzip + single.on_demand[1].gzip);
    }

    #[test]
    fn an_on_demand_element_breaking_the_convention_is_refused() {
        let runnable = format!("<script type=\"module\" {ON_DEMAND_ATTRIBUTE}=\"x\">1</script>");
        assert!(measure_single(&runnable)
            .unwrap_err()
            .contains(ON_DEMAND_TYPE));
        let twice = format!(
            "{}{}",
            on_demand_element("x", 10),
            on_demand_element("x", 10)
        );
        assert!(measure_single(&twice).unwrap_err().contains("two"));
        let unnamed = format!("<script type=\"{ON_DEMAND_TYPE}\" {ON_DEMAND_ATTRIBUTE}=\"\">");
        assert!(measure_single(&format!("{unnamed}</script>")).is_err());
        assert!(measure_single(&unnamed).is_err());
    }
}
