//! Running child processes with the project's tools on PATH, failing with a readable message.

use std::path::PathBuf;
use std::process::Command;

/// A command with `node_modules/.bin` and the cargo bin folder ahead of the inherited PATH, run
/// from the repository root.
pub fn cmd(program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(repo_root()).env("PATH", tool_path());
    command
}

/// Runs a command to completion, turning a non-zero exit into an error naming the command.
pub fn run(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("could not start {}: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(command)))
    }
}

/// Runs a command and returns its standard output, or `None` when it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Prints a visible heading for the next step.
pub fn step(title: &str) {
    println!("\n==> {title}");
}

/// The repository root: the parent of this crate's folder.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the repository")
        .to_path_buf()
}

/// The user's cargo bin folder, where `cargo install` puts tools.
pub fn cargo_bin() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home).join("bin"),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo/bin"),
    }
}

fn tool_path() -> std::ffi::OsString {
    let mut paths = vec![repo_root().join("node_modules/.bin"), cargo_bin()];
    if let Some(existing) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&existing));
    }
    std::env::join_paths(paths).expect("PATH entries contain no separator")
}

fn describe(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    format!("`{}`", words.join(" "))
}
