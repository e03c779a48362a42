//! `cargo xtask <command>`: the project's two front doors (`serve`, `test`) and their helpers.
//!
//! Each command first installs whatever is missing (idempotently), then does its work. Tools go to
//! the user's cargo bin (`~/.cargo/bin`) or the git-ignored `node_modules`; nothing is downloaded
//! from anywhere but the package registries.

mod bench;
mod budget;
mod csp;
mod docs;
mod files;
mod glue;
mod office;
mod oscal;
mod python;
mod release;
mod run;
mod single;
mod sizes;
mod synthetic;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve   install what is missing, build the release app and serve it at http://127.0.0.1:8080/
  test    install what is missing and run every test: lints, native, browser component, end to end
  build   install what is missing and build the release app into dist/, printing gzip sizes
  release build release/: the hosted folder, the one-file edition and SHA256SUMS
  reproducible  build the release twice from two paths and fail unless identical
  setup   only install what is missing
  docs    regenerate the tables in docs/CONTENT.md from the bank in content/
  size    check the gzip size budgets (first visit <= 280 KB; one-file edition: start <= 350 KB, whole <= 1.2 MB)
  bench   run every benchmark (sizes, start-up, repaint, reports, memory, scale, native) into docs/PERFORMANCE.md
  bench-data  only write the libraries the browser benchmarks load into target/bench/
  oscal   validate the OSCAL export with compliance-trestle (installed into .tools/ on first use)
  office  check the Excel and Word reports with openpyxl, python-docx (.tools/) and LibreOffice
  csp     (run by Trunk after each build) write the Content-Security-Policy into index.html";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test(),
        Some("build") => build().map(|_| ()),
        Some("reproducible") => {
            tools::ensure_all(tools::Needs::Build).and_then(|()| release::check_reproducible())
        }
        Some("release") => tools::ensure_all(tools::Needs::Build).and_then(|()| release::release()),
        Some("setup") => tools::ensure_all(tools::Needs::Everything),
        Some("docs") => docs::regenerate(),
        Some("size") => build()
            .and_then(|_| bench::build_floor())
            .and_then(|()| budget::check("dist", bench::FLOOR_DIST, SINGLE_FILE)),
        Some("bench") => build().and_then(|_| bench::bench(SINGLE_FILE)),
        Some("bench-data") => bench::bench_data(),
        Some("oscal") => oscal::validate(),
        Some("office") => office::check(),
        Some("csp") => csp::apply_to_staging(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the release app and serves it on 127.0.0.1:8080 (see `Trunk.toml`).
fn serve() -> Result<(), String> {
    tools::ensure_all(tools::Needs::Build)?;
    run::step("Serving the release build at http://127.0.0.1:8080/ (Ctrl+C to stop)");
    run::run(run::cmd("trunk").args(["serve", "--release", "--offline"]))
}

/// Where the one-file edition is written by `build`.
pub const SINGLE_FILE: &str = "dist-single/midnight-blizzard-self-assessment.html";

/// Where the Trunk build of the one-file edition's parts goes.
const SINGLE_PARTS: &str = "target/single-parts";

/// Builds the hosted app into `dist/` and the one-file edition, printing sizes.
fn build() -> Result<sizes::Report, String> {
    tools::ensure_all(tools::Needs::Build)?;
    run::step("Release build (trunk build --release --offline)");
    let trunk = || {
        let mut trunk = run::cmd("trunk");
        // The wasm only (host tools and build scripts keep their flags, so nothing else is
        // rebuilt): the same build paths as a release, measured as shipped.
        if let Some(flags) = wasm_remap_flags() {
            trunk.env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", flags);
        }
        trunk
    };
    run::run(trunk().args(["build", "--release", "--offline"]))?;
    let report = sizes::measure("dist")?;
    report.print();
    run::step("One-file edition (trunk build --release --offline single.html)");
    let root = run::repo_root();
    run::run(trunk().args([
        "build",
        "--release",
        "--offline",
        "--dist",
        SINGLE_PARTS,
        single::SOURCE_HTML,
    ]))?;
    let html = single::build(&root.join(SINGLE_PARTS), &root.join(SINGLE_FILE))?;
    println!(
        "{SINGLE_FILE}: {} bytes, {} gzip",
        html.len(),
        sizes::gzip_len(html.as_bytes())
    );
    Ok(report)
}

/// [`release::remap_flags`] as one space-separated value, when no path holds a space (the
/// variable cannot quote one); otherwise the build keeps its paths.
fn wasm_remap_flags() -> Option<String> {
    let flags = release::remap_flags(&run::repo_root());
    (!flags.iter().any(|flag| flag.contains(' '))).then(|| flags.join(" "))
}

/// Every check the project has, in order of speed, stopping at the first failure.
fn test() -> Result<(), String> {
    tools::ensure_all(tools::Needs::Everything)?;

    run::step("Formatting (cargo fmt --check)");
    run::run(run::cmd("cargo").args(["fmt", "--all", "--", "--check"]))?;

    run::step("Lints, native (cargo clippy -D warnings)");
    run::run(run::cmd("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]))?;

    // Both ways of making reports: loaded on demand (hosted) and linked in (one-file edition).
    for features in ["", "assessment-web/bundled-reports"] {
        run::step(&format!(
            "Lints, wasm32 (cargo clippy -D warnings, features: {})",
            if features.is_empty() {
                "none"
            } else {
                features
            }
        ));
        run::run(run::cmd("cargo").args([
            "clippy",
            "--package",
            "assessment-web",
            "--package",
            "assessment-reports",
            "--package",
            "assessment-office",
            "--all-targets",
            "--target",
            "wasm32-unknown-unknown",
            "--features",
            features,
            "--locked",
            "--",
            "-D",
            "warnings",
        ]))?;
    }

    // With the core's office writers, so their own tests run too.
    run::step("Native tests (core with its office writers, the app's reducer and tooling)");
    run::run(run::cmd("cargo").args([
        "test",
        "--locked",
        "--package",
        "assessment-core",
        "--package",
        "assessment-web",
        "--package",
        "xtask",
        "--features",
        "assessment-core/office",
    ]))?;

    run::step("Encrypted files against Debian's age, both ways");
    run::run(run::cmd("cargo").args([
        "test",
        "--locked",
        "--package",
        "assessment-core",
        "--test",
        "age_interop",
        "--",
        "--ignored",
    ]))?;

    run::step("OSCAL validation (compliance-trestle)");
    oscal::validate()?;

    run::step("Editable reports against independent readers (openpyxl, python-docx, LibreOffice)");
    office::check()?;

    // With the generator linked in, as in the one-file edition, so the guidance is there from the
    // start; the hosted build's loading of it after the first screen is covered end to end.
    run::step("Browser component tests (wasm-bindgen-test in headless Chromium)");
    run::run(
        run::cmd("cargo")
            .args([
                "test",
                "--locked",
                "--package",
                "assessment-web",
                "--target",
                "wasm32-unknown-unknown",
                "--features",
                "bundled-reports",
            ])
            .env("CHROMEDRIVER", tools::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )?;

    build()?;

    run::step(
        "Size budgets (gzip of a first visit, and of the one-file edition at start and whole)",
    );
    bench::build_floor()?;
    budget::check("dist", bench::FLOOR_DIST, SINGLE_FILE)?;

    run::step("End-to-end tests (playwright-core driving Chromium against dist/)");
    run::run(
        run::cmd("node")
            .args(["--test", "--test-concurrency=1", "tests/e2e/"])
            .env("CHROMIUM", tools::CHROMIUM)
            .env("DIST_DIR", "dist")
            .env("SINGLE_FILE", SINGLE_FILE)
            .env("FIREFOX", tools::FIREFOX)
            .env("GECKODRIVER", run::cargo_bin().join("geckodriver")),
    )?;

    run::step("Reproducible build (the release built twice, from two paths, must be identical)");
    release::check_reproducible()?;

    run::step("All checks passed");
    Ok(())
}
