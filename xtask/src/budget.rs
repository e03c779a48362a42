//! The size budgets, decided by the product owner, in bytes of gzip: what a first visit of the
//! hosted build loads, and the one-file edition at start and whole. Modules loaded on demand are
//! counted apart. Deterministic (sizes, not timings). `cargo xtask size` and `cargo xtask test`
//! both call [`check`], so they hold the same budgets; it prints every part, the ratio to the
//! floor app and, when over a budget, where the bytes go.

use std::fs;
use std::path::Path;

use crate::run::repo_root;
use crate::sizes::{self, gzip_len};

/// Gzip bytes each part of a build may reach (KB = 1,000 bytes).
pub struct Budget {
    /// Hosted build: everything `dist/` loads before the first screen (HTML, JS, wasm, CSS,
    /// icon), not its on-demand modules in `reports/`.
    pub first_visit: u64,
    /// One-file edition: the file without its embedded on-demand modules.
    pub single_start: u64,
    /// One-file edition: the whole file, embedded on-demand modules included.
    pub single_whole: u64,
}

/// The budgets decided by the product owner. Raise one only by their decision.
pub const BUDGET: Budget = Budget {
    first_visit: 280_000,
    single_start: 350_000,
    single_whole: 1_200_000,
};

/// The measured sizes the budgets are about, in gzip bytes.
pub struct Figures {
    pub first_visit: u64,
    pub single_start: u64,
    pub single_whole: u64,
}

impl Figures {
    pub fn of(hosted: &sizes::Report, single: &sizes::SingleReport) -> Self {
        Figures {
            first_visit: hosted.total_gzip(),
            single_start: single.start.gzip,
            single_whole: single.whole.gzip,
        }
    }
}

/// One budget held against its figure.
pub struct Line {
    pub budget: &'static str,
    pub size: u64,
    pub limit: u64,
}

impl Line {
    pub fn passes(&self) -> bool {
        self.size <= self.limit
    }
}

impl Budget {
    /// Each budget with its figure, in a fixed order.
    pub fn lines(&self, figures: &Figures) -> [Line; 3] {
        [
            Line {
                budget: "hosted build, first visit",
                size: figures.first_visit,
                limit: self.first_visit,
            },
            Line {
                budget: "one-file edition, start part",
                size: figures.single_start,
                limit: self.single_start,
            },
            Line {
                budget: "one-file edition, whole file",
                size: figures.single_whole,
                limit: self.single_whole,
            },
        ]
    }

    /// Passes when every figure is within its budget; else fails naming each budget exceeded.
    pub fn decide(&self, figures: &Figures) -> Result<(), String> {
        let over: Vec<String> = self
            .lines(figures)
            .iter()
            .filter(|line| !line.passes())
            .map(|line| {
                format!(
                    "{} is {} bytes gzip, over its budget of {}",
                    line.budget, line.size, line.limit
                )
            })
            .collect();
        if over.is_empty() {
            Ok(())
        } else {
            Err(format!("over the size budget: {}", over.join("; ")))
        }
    }
}

/// Measures the hosted build in `dist`, the floor app's build and the one-file edition, prints
/// every part and each budget's verdict, and fails when any of [`BUDGET`] is exceeded.
pub fn check(dist: &str, floor: &str, single_file: &str) -> Result<(), String> {
    let app = sizes::measure(dist)?;
    let single = sizes::measure_single_file(single_file)?;
    let floor_total = sizes::measure(floor).map(|r| r.total_gzip()).unwrap_or(0);
    print!("\nhosted build ({dist}):");
    app.print();
    println!("\none-file edition ({single_file}):");
    single.print();
    println!("\nfloor app: {floor_total} bytes gzip");
    let ratio = |v: u64| {
        if floor_total == 0 {
            "n/a".to_string()
        } else {
            format!("{:.2}x floor", v as f64 / floor_total as f64)
        }
    };
    let figures = Figures::of(&app, &single);
    println!("\nbudgets (bytes of gzip):");
    for line in BUDGET.lines(&figures) {
        println!(
            "  {:<4} {:<30} {:>9} of {:>9}  {}",
            if line.passes() { "ok" } else { "OVER" },
            line.budget,
            line.size,
            line.limit,
            ratio(line.size)
        );
    }
    let verdict = BUDGET.decide(&figures);
    if verdict.is_ok() {
        println!("within every size budget");
        return verdict;
    }
    println!("\nwhere the bytes go:");
    if let Some(wasm) = app.files.iter().find(|f| f.name.ends_with(".wasm")) {
        println!("  hosted build, {}:", wasm.name);
        print_wasm_sections(&repo_root().join(dist).join(&wasm.name))?;
    }
    let bank =
        assessment_core::Bank::from_dir(&repo_root().join("content")).map_err(|e| e.to_string())?;
    // The first visit embeds the bank without its guidance (build.rs), so that is what is measured.
    let (lite, _guidance) = bank.split_guidance();
    println!(
        "    of which the embedded question bank without guidance (postcard): {} bytes gzip",
        gzip_len(&lite.to_bytes())
    );
    verdict
}

/// Prints the size of the wasm's code and data sections, raw and gzip.
fn print_wasm_sections(path: &Path) -> Result<(), String> {
    let bytes = fs::read(path).map_err(|e| e.to_string())?;
    for (name, section) in wasm_sections(&bytes) {
        println!(
            "    wasm {name} section: {} bytes, {} gzip",
            section.len(),
            gzip_len(section)
        );
    }
    Ok(())
}

/// The code and data sections of a wasm module (ids 10 and 11), found by walking its sections.
fn wasm_sections(bytes: &[u8]) -> Vec<(&'static str, &[u8])> {
    let mut found = Vec::new();
    let mut at = 8; // magic and version
    while at < bytes.len() {
        let id = bytes[at];
        at += 1;
        let Some((size, used)) = leb128(&bytes[at..]) else {
            break;
        };
        at += used;
        let end = (at + size).min(bytes.len());
        match id {
            10 => found.push(("code", &bytes[at..end])),
            11 => found.push(("data", &bytes[at..end])),
            _ => {}
        }
        at = end;
    }
    found
}

/// An unsigned LEB128 number and how many bytes it took.
fn leb128(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut value = 0usize;
    for (i, byte) in bytes.iter().enumerate().take(5) {
        value |= usize::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Budget = Budget {
        first_visit: 100,
        single_start: 200,
        single_whole: 1_000,
    };

    fn figures(first_visit: u64, single_start: u64, single_whole: u64) -> Figures {
        Figures {
            first_visit,
            single_start,
            single_whole,
        }
    }

    #[test]
    fn within_every_budget_passes() {
        assert!(LIMITS.decide(&figures(100, 200, 1_000)).is_ok());
        assert!(LIMITS.decide(&figures(0, 150, 150)).is_ok());
    }

    #[test]
    fn over_a_budget_fails_naming_it() {
        let err = LIMITS.decide(&figures(101, 200, 1_000)).unwrap_err();
        assert!(err.contains("hosted build, first visit is 101 bytes gzip, over its budget of 100"));
        assert!(!err.contains("one-file"), "{err}");
        let err = LIMITS.decide(&figures(100, 201, 1_000)).unwrap_err();
        assert!(err.contains("one-file edition, start part"), "{err}");
        assert!(!err.contains("whole"), "{err}");
        let err = LIMITS.decide(&figures(100, 200, 1_001)).unwrap_err();
        assert!(err.contains("one-file edition, whole file"), "{err}");
        let err = LIMITS.decide(&figures(101, 201, 1_001)).unwrap_err();
        assert_eq!(err.matches("over its budget").count(), 3, "{err}");
    }

    #[test]
    fn the_decided_budgets() {
        assert_eq!(BUDGET.first_visit, 280_000);
        assert_eq!(BUDGET.single_start, 350_000);
        assert_eq!(BUDGET.single_whole, 1_200_000);
    }

    #[test]
    fn embedded_on_demand_modules_count_in_the_whole_file_not_the_start() {
        let hosted = sizes::Report {
            files: vec![sizes::FileSize {
                name: "app.wasm".into(),
                raw: 300,
                gzip: 90,
            }],
            on_demand: vec![sizes::FileSize {
                name: "reports/gen_bg.wasm".into(),
                raw: 5_000,
                gzip: 4_000,
            }],
        };
        let html = format!(
            "<html><head><script type=\"module\">start();</script></head><body>{}</body></html>",
            sizes::on_demand_element("scanner-parsers", 3_000)
        );
        let single = sizes::measure_single(&html).unwrap();
        let measured = Figures::of(&hosted, &single);
        assert_eq!(
            measured.first_visit, 90,
            "on-demand files are not in the first visit"
        );
        assert!(
            measured.single_start < 200,
            "start: {}",
            measured.single_start
        );
        assert!(
            measured.single_whole > 3_000,
            "whole: {}",
            measured.single_whole
        );
        assert!(
            measured.single_start + single.on_demand[0].gzip >= measured.single_whole - 50,
            "the parts make up the whole"
        );
        // The embedded module pushes the whole file over its budget, not the start part.
        let err = LIMITS.decide(&measured).unwrap_err();
        assert!(err.contains("whole file"), "{err}");
        assert!(!err.contains("start part"), "{err}");
        assert!(!err.contains("first visit"), "{err}");
    }

    #[test]
    fn finds_code_and_data_sections() {
        // magic, version, a type section (id 1, 1 byte), code (id 10, 2 bytes), data (id 11, 130 bytes).
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([1, 1, 0]);
        wasm.extend([10, 2, 7, 7]);
        wasm.extend([11, 0x82, 0x01]);
        wasm.extend(vec![9; 130]);
        let sections = wasm_sections(&wasm);
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0], ("code", &[7u8, 7][..]));
        assert_eq!(sections[1].1.len(), 130);
        assert_eq!(leb128(&[0xe5, 0x8e, 0x26]), Some((624_485, 3)));
    }
}
