//! Installs the toolchain the build and the tests need, skipping whatever is already in place.

use std::fs;
use std::path::Path;

use crate::run::{cmd, output, repo_root, run, step};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
/// Debian's age (the Go reference implementation), the independent check of encrypted files.
pub const AGE: &str = "/usr/bin/age";
pub const GECKODRIVER_VERSION: &str = "0.37.1";

/// Which tools a command needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Building and serving the app.
    Build,
    /// Building plus every test (adds Chromium and chromedriver).
    Everything,
}

/// Installs every missing tool for `needs`, in the order the build uses them.
pub fn ensure_all(needs: Needs) -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, &["--locked"])?;
    let bindgen = wasm_bindgen_version()?;
    // Its lock file names a crate version the registry no longer has, so no --locked here.
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &bindgen, &[])?;
    ensure_node_packages()?;
    if needs == Needs::Everything {
        ensure_debian_packages(
            &[CHROMIUM, CHROMEDRIVER, FIREFOX, AGE],
            &["chromium", "chromium-driver", "firefox-esr", "age"],
            false,
        )?;
        ensure_cargo_tool(
            "geckodriver",
            "geckodriver",
            GECKODRIVER_VERSION,
            &["--locked"],
        )?;
    }
    Ok(())
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output(cmd("rustup").args(["target", "list", "--installed"]))
        .ok_or("rustup is needed to add the wasm32 target; install Rust with rustup")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(());
    }
    step("Adding the wasm32-unknown-unknown target");
    run(cmd("rustup").args(["target", "add", WASM_TARGET]))
}

/// Installs `krate` at exactly `version` unless `binary --version` already reports it.
fn ensure_cargo_tool(
    binary: &str,
    krate: &str,
    version: &str,
    extra: &[&str],
) -> Result<(), String> {
    let reported = output(cmd(binary).arg("--version")).unwrap_or_default();
    if reported.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    step(&format!(
        "Installing {krate} {version} with cargo (a few minutes, once)"
    ));
    run(cmd("cargo")
        .args(["install", krate, "--version", version])
        .args(extra))
}

/// The exact wasm-bindgen version in Cargo.lock, which the CLI must match.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = fs::read_to_string(repo_root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    locked_version(&lock, "wasm-bindgen").ok_or_else(|| "Cargo.lock has no wasm-bindgen".into())
}

/// The version of `package` in a Cargo.lock text.
fn locked_version(lock: &str, package: &str) -> Option<String> {
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim();
            return version
                .strip_prefix("version = \"")
                .and_then(|v| v.strip_suffix('"'))
                .map(str::to_owned);
        }
    }
    None
}

/// Runs `npm ci` when node_modules does not match package-lock.json.
fn ensure_node_packages() -> Result<(), String> {
    let root = repo_root();
    let lock = fs::read(root.join("package-lock.json"))
        .map_err(|e| format!("cannot read package-lock.json: {e}"))?;
    let stamp = root.join("node_modules/.xtask-installed-lock");
    if fs::read(&stamp).is_ok_and(|installed| installed == lock) {
        return Ok(());
    }
    step("Installing npm dev dependencies (npm ci)");
    run(cmd("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    fs::write(&stamp, lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))
}

/// Browsers come from Debian (Chromium, chromedriver, Firefox ESR); a test tool never downloads
/// its own browser. Installs `packages` with apt when any of `paths` is missing, or always when
/// `force` is set (the caller found them unusable).
pub fn ensure_debian_packages(
    paths: &[&str],
    packages: &[&str],
    force: bool,
) -> Result<(), String> {
    if !force && paths.iter().all(|p| Path::new(p).exists()) {
        return Ok(());
    }
    let list = packages.join(" ");
    let is_root =
        output(std::process::Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    if !is_root {
        return Err(format!(
            "the browser tests need {}. Install them with:\n  \
             sudo apt-get update && sudo apt-get install -y --no-install-recommends {list}\n\
             then run this command again.",
            paths.join(", ")
        ));
    }
    step(&format!("Installing {list} from Debian (apt-get)"));
    run(cmd("apt-get").arg("update"))?;
    run(cmd("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn reads_a_version_from_a_lock_file() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\n\
                    [[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.131\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version(lock, "wasm-bindgen-macro").as_deref(),
            Some("0.2.131")
        );
        assert_eq!(locked_version(lock, "yew"), None);
    }
}
