//! Release artefacts: the hosted folder and the one-file edition, with SHA-256 checksums, built so
//! that the same commit always gives identical files (checked by building twice at two paths).

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::files::relative_files;
use crate::run::{cargo_bin, cmd, output, repo_root, run, step};
use crate::{single, sizes};

/// Name of the one-file edition inside a release folder.
pub const SINGLE_NAME: &str = "midnight-blizzard-self-assessment.html";

/// Builds the release of the source tree at `source` into `out` (emptied first), using `target`
/// as cargo's target folder, and returns the text of `out/SHA256SUMS`.
pub fn build(source: &Path, target: &Path, out: &Path) -> Result<String, String> {
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("cannot empty {}: {e}", out.display()))?;
    }
    let hosted = out.join("hosted");
    let trunk_build = |html: &str, dist: &Path| {
        run(cmd("trunk")
            .current_dir(source)
            .args(["build", "--release", "--offline", "--dist"])
            .arg(dist)
            .arg(html)
            .env("CARGO_TARGET_DIR", target)
            .env("CARGO_ENCODED_RUSTFLAGS", path_neutral_flags(source)))
    };
    trunk_build("index.html", &hosted)?;
    let parts = target.join("single-parts");
    trunk_build(single::SOURCE_HTML, &parts)?;
    single::build(&parts, &out.join(SINGLE_NAME))?;
    let sums = checksums(out)?;
    fs::write(out.join("SHA256SUMS"), &sums)
        .map_err(|e| format!("cannot write SHA256SUMS: {e}"))?;
    Ok(sums)
}

/// Rust flags that keep build paths out of the wasm, so where the source and the cargo registry
/// sit on disk does not change the output. Fields are separated by 0x1f, as cargo expects.
fn path_neutral_flags(source: &Path) -> String {
    remap_flags(source).join("\u{1f}")
}

/// `--remap-path-prefix` flags for the source tree, cargo's home and, last so that they win, each
/// registry's source folder (a crate's panic locations then read `/crates/yew-0.23.0/src/…`).
/// Besides making builds reproducible, this keeps the build machine's paths (a home folder's
/// name among them) out of what is shipped, and shortens the panic locations the wasm carries.
pub fn remap_flags(source: &Path) -> Vec<String> {
    let cargo_home = cargo_bin()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut flags = vec![
        format!("--remap-path-prefix={}=/source", source.display()),
        format!("--remap-path-prefix={}=/cargo", cargo_home.display()),
    ];
    if let Ok(registries) = fs::read_dir(cargo_home.join("registry/src")) {
        let mut registries: Vec<PathBuf> = registries.flatten().map(|e| e.path()).collect();
        registries.sort();
        for registry in registries {
            flags.push(format!(
                "--remap-path-prefix={}=/crates",
                registry.display()
            ));
        }
    }
    flags
}

/// `sha256sum`-compatible lines for every file below `folder`, sorted by path.
pub fn checksums(folder: &Path) -> Result<String, String> {
    let mut lines = String::new();
    for relative in relative_files(folder)? {
        if relative == "SHA256SUMS" {
            continue;
        }
        let bytes =
            fs::read(folder.join(&relative)).map_err(|e| format!("cannot read {relative}: {e}"))?;
        let digest = Sha256::digest(&bytes);
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        lines.push_str(&format!("{hex}  {relative}\n"));
    }
    Ok(lines)
}

/// `cargo xtask release`: builds `release/` from this checkout and prints what is in it.
pub fn release() -> Result<(), String> {
    let root = repo_root();
    step("Release artefacts (hosted folder, one-file edition, SHA256SUMS) into release/");
    let out = root.join("release");
    let sums = build(&root, &root.join("target/release-artefacts"), &out)?;
    print!("{sums}");
    let single = fs::read(out.join(SINGLE_NAME)).map_err(|e| e.to_string())?;
    println!(
        "\n{SINGLE_NAME}: {} bytes, {} gzip",
        single.len(),
        sizes::gzip_len(&single)
    );
    sizes::measure("release/hosted")?.print();
    Ok(())
}

/// Builds the release twice, from this checkout and from a copy of it at another path with its
/// own target folder, and fails unless every file is identical.
pub fn check_reproducible() -> Result<(), String> {
    let root = repo_root();
    let work = root.join("target/reproducibility");
    let copy = work.join("copy-of-source");
    copy_source(&root, &copy)?;
    let first = build(&root, &work.join("target-a"), &work.join("out-a"))?;
    let second = build(&copy, &work.join("target-b"), &work.join("out-b"))?;
    if first == second {
        println!("identical builds from two paths:\n{first}");
        Ok(())
    } else {
        Err(format!(
            "two builds of the same source differ:\n--- first\n{first}--- second\n{second}"
        ))
    }
}

/// Copies the files git knows (tracked, and untracked but not ignored) to `to`.
fn copy_source(from: &Path, to: &Path) -> Result<(), String> {
    if to.exists() {
        fs::remove_dir_all(to).map_err(|e| format!("cannot empty {}: {e}", to.display()))?;
    }
    let listing = output(cmd("git").current_dir(from).args([
        "ls-files",
        "--cached",
        "--others",
        "--exclude-standard",
    ]))
    .ok_or("git ls-files failed: the reproducibility check needs a git checkout")?;
    for relative in listing.lines() {
        let source: PathBuf = from.join(relative);
        if !source.is_file() {
            continue; // deleted in the working tree but still in the index
        }
        let target = to.join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        fs::copy(&source, &target).map_err(|e| format!("cannot copy {relative}: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::checksums;

    #[test]
    fn checksums_are_sorted_relative_and_skip_the_sums_file() {
        let dir = std::env::temp_dir().join(format!("xtask-sums-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("hosted")).unwrap();
        std::fs::write(dir.join("hosted/b.txt"), "b").unwrap();
        std::fs::write(dir.join("a.txt"), "a").unwrap();
        std::fs::write(dir.join("SHA256SUMS"), "old").unwrap();
        let sums = checksums(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            sums,
            "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a.txt\n\
             3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  hosted/b.txt\n"
        );
    }
}
