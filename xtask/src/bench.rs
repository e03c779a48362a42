//! `cargo xtask bench`: every performance figure in one run, written into docs/PERFORMANCE.md.
//! Benchmarks, not tests: nothing fails because a machine is slow.

use std::fs;
use std::path::Path;
use std::time::SystemTime;

use assessment_core::Bank;
use serde_json::Value;

use crate::budget::BUDGET;
use crate::run::{cmd, output, repo_root, run, step};
use crate::{docs, sizes, synthetic};

const SYNTHETIC_QUESTIONS: usize = 2000;

/// The generated libraries the browser benchmarks load into `localStorage`, as files under
/// `target/bench/` (see [`write_libraries`]).
const LIBRARIES: [&str; 3] = ["library-500.json", "library-compare.json", "series-50.json"];

/// Where the floor app is built.
pub const FLOOR_DIST: &str = "target/floor-dist";

/// Builds the floor app (`benchmarks/floor/`) into [`FLOOR_DIST`].
pub fn build_floor() -> Result<(), String> {
    step("Floor app (minimal Yew app, same toolchain and profile)");
    run(cmd("trunk").args([
        "build",
        "benchmarks/floor/index.html",
        "--release",
        "--offline",
        "--dist",
        FLOOR_DIST,
    ]))
}

/// Builds what the benchmarks need, runs them, and rewrites the figures table.
pub fn bench(single_file: &str) -> Result<(), String> {
    let root = repo_root();
    build_floor()?;

    step("App built with a synthetic bank of 2,000 questions");
    let shipped = Bank::from_dir(&root.join("content")).map_err(|e| e.to_string())?;
    let big = synthetic::bank(&shipped, SYNTHETIC_QUESTIONS);
    fs::create_dir_all(root.join("target/bench")).map_err(|e| e.to_string())?;
    let bank_path = root.join("target/bench/synthetic-bank.json");
    fs::write(&bank_path, big.to_json()).map_err(|e| e.to_string())?;
    run(cmd("trunk")
        .args([
            "build",
            "--release",
            "--offline",
            "--dist",
            "target/bench/dist-synthetic",
        ])
        .env("ASSESSMENT_BANK", &bank_path))?;

    write_libraries(&shipped)?;

    step("Browser benchmarks (headless Chromium)");
    let browser = output(
        cmd("node")
            .arg("tests/bench/browser.mjs")
            .env("CHROMIUM", crate::tools::CHROMIUM),
    )
    .ok_or("the browser benchmarks failed")?;
    let browser: Value = serde_json::from_str(browser.lines().last().unwrap_or_default())
        .map_err(|e| format!("unreadable browser benchmark output: {e}"))?;

    step("Native benchmarks (cargo bench -p assessment-core)");
    let started = SystemTime::now();
    run(cmd("cargo").args(["bench", "-p", "assessment-core"]))?;
    let native = criterion_estimates(&root.join("target/criterion"), started)?;

    let app = sizes::measure("dist")?;
    let floor = sizes::measure(FLOOR_DIST)?;
    let single = sizes::measure_single_file(single_file)?;
    let table = figures_table(&browser, &native, &app, &single, floor.total_gzip());
    println!("{table}");
    docs::replace_in("docs/PERFORMANCE.md", "figures", &table)
}

/// Writes the libraries the browser benchmarks load (see [`LIBRARIES`]) into `target/bench/`:
/// 500 assessments of 100 customers (10 complete, the rest partly answered), two complete
/// assessments one re-assessing the other, and a series of 50 complete ones.
pub fn write_libraries(shipped: &Bank) -> Result<(), String> {
    step("Libraries of assessments for the scale benchmarks");
    let dir = repo_root().join("target/bench");
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let libraries = [
        synthetic::msp_library(shipped, 100, 5, 10),
        synthetic::series(shipped, 2),
        synthetic::series(shipped, 50),
    ];
    for (name, library) in LIBRARIES.iter().zip(&libraries) {
        let path = dir.join(name);
        fs::write(&path, library.to_json()).map_err(|e| e.to_string())?;
        println!(
            "{}: {} assessments ({} complete), {:.2} million characters stored",
            path.display(),
            library.index.entries.len(),
            library.complete,
            library.stored_chars() as f64 / 1e6
        );
    }
    Ok(())
}

/// `cargo xtask bench-data`: only the libraries, for running `node tests/bench/browser.mjs`
/// on its own.
pub fn bench_data() -> Result<(), String> {
    let shipped = Bank::from_dir(&repo_root().join("content")).map_err(|e| e.to_string())?;
    write_libraries(&shipped)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// (benchmark title, median in nanoseconds) for every criterion benchmark that has run since
/// `since`: a benchmark renamed or removed leaves its old results behind, which are not listed.
fn criterion_estimates(dir: &Path, since: SystemTime) -> Result<Vec<(String, f64)>, String> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(found);
    };
    for entry in entries.flatten() {
        let new = entry.path().join("new");
        let fresh = fs::metadata(new.join("estimates.json"))
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified >= since);
        if !fresh {
            continue;
        }
        let (Ok(meta), Ok(estimates)) = (
            read(&new.join("benchmark.json")),
            read(&new.join("estimates.json")),
        ) else {
            continue;
        };
        let meta: Value = serde_json::from_str(&meta).map_err(|e| e.to_string())?;
        let estimates: Value = serde_json::from_str(&estimates).map_err(|e| e.to_string())?;
        let title = meta["title"].as_str().unwrap_or_default().to_owned();
        if let Some(median) = estimates["median"]["point_estimate"].as_f64() {
            found.push((title, median));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(found)
}

fn ms(value: &Value) -> String {
    value
        .as_f64()
        .map_or_else(|| "n/a".into(), |v| format!("{v:.1} ms"))
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

fn ratio(value: f64, floor: f64) -> String {
    if floor > 0.0 {
        format!("{:.2}×", value / floor)
    } else {
        "n/a".into()
    }
}

/// "≤ N KB" for a budget in bytes.
fn at_most(bytes: u64) -> String {
    format!("≤ {} KB", bytes / 1000)
}

/// The scale figures: a library of 500 assessments, comparing two complete ones, the trend of a
/// series of 50 (each library as `cargo xtask bench-data` wrote it).
fn scale_rows(scale: &Value) -> Vec<(String, String, String, String)> {
    let count = |library: &Value, key: &str| library[key].as_u64().unwrap_or(0);
    let stored = |library: &Value| library["chars"].as_f64().unwrap_or(0.0) / 1e6;
    let (library, compare, trend) = (&scale["library"], &scale["compare"], &scale["trend"]);
    let entries = count(library, "entries");
    let complete = count(library, "complete");
    vec![
        (
            format!(
                "Start-up with a library of {entries} assessments ({:.1} MB stored: {complete} complete, {} partly answered) until the start screen offers it (median)",
                stored(library),
                entries.saturating_sub(complete),
            ),
            ms(&library["startupMs"]),
            "–".into(),
            "–".into(),
        ),
        (
            format!(
                "Open that library and list it (click → {entries} rows laid out, median; of which layout {})",
                ms(&library["listLayoutMs"])
            ),
            ms(&library["listMs"]),
            "< 200 ms".into(),
            "–".into(),
        ),
        (
            format!(
                "Compare two complete assessments, one re-assessing the other (click → comparison shown, median after the first of the visit, which took {}; of which layout {})",
                ms(&compare["firstMs"]),
                ms(&compare["layoutMs"])
            ),
            ms(&compare["ms"]),
            "< 20 ms".into(),
            "–".into(),
        ),
        (
            format!(
                "Trend of a series of {} complete assessments ({:.1} MB stored), each re-assessing the one before (click → trend shown, median after the first of the visit, which took {}; of which layout {})",
                count(trend, "entries"),
                stored(trend),
                ms(&trend["firstMs"]),
                ms(&trend["layoutMs"])
            ),
            ms(&trend["ms"]),
            "< 50 ms".into(),
            "–".into(),
        ),
    ]
}

fn figures_table(
    browser: &Value,
    native: &[(String, f64)],
    app: &sizes::Report,
    single: &sizes::SingleReport,
    floor_gzip: u64,
) -> String {
    let startup = browser["startupMs"].as_f64().unwrap_or(0.0);
    let floor_startup = browser["floorStartupMs"].as_f64().unwrap_or(0.0);
    let of_floor = |gzip: u64| ratio(gzip as f64, floor_gzip as f64);
    let app_gzip = app.total_gzip();
    let mut rows = vec![
        (
            "Gzip size of a first visit (HTML, JS, wasm, CSS, icon)".to_string(),
            kb(app_gzip),
            at_most(BUDGET.first_visit),
            of_floor(app_gzip),
        ),
        (
            "Gzip size of the floor app".into(),
            kb(floor_gzip),
            "–".into(),
            "1.00×".into(),
        ),
        (
            "Gzip size of the one-file edition, start part (all but embedded on-demand modules)"
                .into(),
            kb(single.start.gzip),
            at_most(BUDGET.single_start),
            of_floor(single.start.gzip),
        ),
    ];
    for (dir, what) in [
        (
            "reports",
            "guidance, report generator, encryption, scanner reader",
        ),
        ("office", "Excel and Word writers"),
    ] {
        let prefix = format!("{dir}/");
        let gzip = app
            .on_demand
            .iter()
            .filter(|f| f.name.starts_with(&prefix))
            .map(|f| f.gzip)
            .sum();
        rows.insert(
            rows.len() - 2,
            (
                format!(
                    "Gzip size of the on-demand module {dir}/: {what} (loaded on first use, not in the first visit)"
                ),
                kb(gzip),
                "–".into(),
                "–".into(),
            ),
        );
    }
    for part in &single.on_demand {
        rows.push((
            format!(
                "Gzip size of the one-file edition's embedded on-demand module {}",
                part.name
            ),
            kb(part.gzip),
            "–".into(),
            "–".into(),
        ));
    }
    rows.extend([
        (
            "Gzip size of the one-file edition, whole file".into(),
            kb(single.whole.gzip),
            at_most(BUDGET.single_whole),
            of_floor(single.whole.gzip),
        ),
        (
            "Start-up until interactive (median)".into(),
            ms(&browser["startupMs"]),
            "≤ 1.5× floor".into(),
            ratio(startup, floor_startup),
        ),
        (
            "Floor app start-up (median)".into(),
            ms(&browser["floorStartupMs"]),
            "–".into(),
            "1.00×".into(),
        ),
        (
            format!(
                "Answer → repaint, shipped bank ({} questions on the page)",
                browser["repaint"]["questionsOnPage"]
            ),
            ms(&browser["repaint"]["ms"]),
            "< 16 ms".into(),
            "–".into(),
        ),
        (
            format!(
                "Answer → repaint, {SYNTHETIC_QUESTIONS}-question bank ({} questions on the page)",
                browser["repaintSynthetic"]["questionsOnPage"]
            ),
            ms(&browser["repaintSynthetic"]["ms"]),
            "< 16 ms".into(),
            "–".into(),
        ),
    ]);
    rows.push((
        "First report of a visit (csv), including fetching and compiling the report generator"
            .into(),
        ms(&browser["journey"]["firstReportMs"]),
        "–".into(),
        "–".into(),
    ));
    rows.push((
        "First editable file of a visit (xlsx), including fetching and compiling the office module"
            .into(),
        ms(&browser["journey"]["firstOfficeMs"]),
        "< 300 ms".into(),
        "–".into(),
    ));
    if let Some(downloads) = browser["journey"]["downloadsMs"].as_object() {
        for (kind, value) in downloads {
            // The editable files are zip containers made by larger writers.
            let goal = if ["xlsx", "docx"].contains(&kind.as_str()) {
                "< 300 ms"
            } else {
                "< 50 ms"
            };
            rows.push((
                format!("Generate the {kind} report in the browser (click → file ready, median)"),
                ms(value),
                goal.into(),
                "–".into(),
            ));
        }
    }
    rows.push((
        "Open the real ScubaGear v1.8.0 sample (1.9 MB) against the complete assessment: read, parse, preview, show (median)"
            .into(),
        ms(&browser["journey"]["scanPreviewMs"]),
        "< 200 ms".into(),
        "–".into(),
    ));
    for (label, key) in [
        (
            "Encrypt the complete assessment (passphrase, work factor 17)",
            "encryptMs",
        ),
        ("Decrypt it again, up to the confirmation", "decryptMs"),
    ] {
        rows.push((
            label.into(),
            ms(&browser["journey"][key]),
            "about 1 s".into(),
            "–".into(),
        ));
    }
    rows.extend(scale_rows(&browser["scale"]));
    let heap = browser["journey"]["jsHeapBytes"].as_f64().unwrap_or(0.0) as u64;
    let wasm = browser["journey"]["wasmMemoryBytes"]
        .as_f64()
        .unwrap_or(0.0) as u64;
    rows.push((
        "Memory after a full journey: JS heap used".into(),
        kb(heap),
        "–".into(),
        "–".into(),
    ));
    rows.push((
        "Memory after a full journey: wasm linear memory".into(),
        kb(wasm),
        "–".into(),
        "–".into(),
    ));
    for (title, nanos) in native {
        // The goal is about scoring and planning the shipped bank; other rows are for comparison.
        let goal = if title.starts_with("evaluate, shipped") || title.starts_with("score only") {
            "< 1 ms"
        } else {
            "–"
        };
        rows.push((
            format!("Native: {title} (median)"),
            format!("{:.1} µs", nanos / 1000.0),
            goal.into(),
            "–".into(),
        ));
    }
    let mut table = String::from("| Figure | Value | Goal | Ratio to floor |\n|---|---|---|---|\n");
    for (what, value, goal, ratio) in rows {
        table.push_str(&format!("| {what} | {value} | {goal} | {ratio} |\n"));
    }
    let runs = browser["runs"].as_u64().unwrap_or(0);
    table.push_str(&format!(
        "\nBrowser figures are medians of {runs} runs in headless Chromium on this 2-core machine; \
         start-up is the median of {} runs of the app and of the floor app, taken in turn.\n",
        runs * 2
    ));
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_rows_say_what_each_library_holds() {
        let scale = serde_json::json!({
            "library": { "entries": 500, "complete": 10, "chars": 3_781_508, "startupMs": 190.0, "listMs": 185.74, "listLayoutMs": 101.1 },
            "compare": { "entries": 2, "complete": 2, "chars": 87_975, "firstMs": 21.6, "ms": 8.1, "layoutMs": 3.2 },
            "trend": { "entries": 50, "complete": 50, "chars": 2_211_628, "ms": 64.8, "layoutMs": 12.3 },
        });
        let rows = scale_rows(&scale);
        assert_eq!(rows.len(), 4);
        assert!(
            rows[0]
                .0
                .contains("500 assessments (3.8 MB stored: 10 complete, 490 partly answered)"),
            "{}",
            rows[0].0
        );
        assert_eq!(
            (rows[1].1.as_str(), rows[1].2.as_str()),
            ("185.7 ms", "< 200 ms")
        );
        assert!(rows[1].0.contains("500 rows laid out"));
        assert_eq!(
            (rows[2].1.as_str(), rows[2].2.as_str()),
            ("8.1 ms", "< 20 ms")
        );
        assert!(rows[3]
            .0
            .contains("series of 50 complete assessments (2.2 MB stored)"));
        assert_eq!(
            (rows[3].1.as_str(), rows[3].2.as_str()),
            ("64.8 ms", "< 50 ms")
        );
        let missing = scale_rows(&Value::Null);
        assert_eq!(missing[1].1, "n/a");
    }
}
