//! The encrypted file format checked against an independent implementation: Debian's `age`
//! command-line tool (the Go reference implementation) decrypts what this crate encrypts, and this
//! crate decrypts what `age` encrypts. `age` reads passphrases only from a terminal, so it runs
//! under `script`, which gives it one. Ignored by plain `cargo test` (it needs the tool);
//! `cargo xtask test` installs `age` and runs it with `--ignored`.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use assessment_core::encrypted::{decrypt, encrypt, Randomness, MAX_WORK_FACTOR, WORK_FACTOR};

const PASSPHRASE: &str = "interop passphrase 2026";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("age-interop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Runs `age <args>` in a pseudo-terminal, typing `answers` (one passphrase per line).
fn age(args: &str, answers: &str) {
    let mut child = Command::new("script")
        .args(["-qec", &format!("age {args}"), "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("`script` and `age` are installed (cargo xtask test installs them)");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answers.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success(), "age {args} failed");
}

fn random_bytes() -> [u8; 48] {
    // Any bytes do for the test; the app takes them from crypto.getRandomValues.
    std::array::from_fn(|i| (i as u8).wrapping_mul(97).wrapping_add(13))
}

#[test]
#[ignore = "needs Debian's age and script; run by cargo xtask test"]
fn age_decrypts_what_this_crate_encrypts() {
    let plain = format!(
        "{{\"kind\":\"test\",\"text\":\"{}\"}}",
        "é<>\"".repeat(40_000)
    );
    let sealed = encrypt(
        plain.as_bytes(),
        PASSPHRASE,
        WORK_FACTOR,
        Randomness::from_bytes(random_bytes()),
    );
    let input = scratch("ours.json.age");
    let output = scratch("ours.json");
    std::fs::write(&input, &sealed).unwrap();
    age(
        &format!("-d -o {} {}", output.display(), input.display()),
        &format!("{PASSPHRASE}\n"),
    );
    assert_eq!(std::fs::read_to_string(&output).unwrap(), plain);
}

#[test]
#[ignore = "needs Debian's age and script; run by cargo xtask test"]
fn this_crate_decrypts_what_age_encrypts() {
    let plain = "{\"kind\":\"from age\"}".repeat(5000);
    let input = scratch("theirs.json");
    let output = scratch("theirs.json.age");
    std::fs::write(&input, &plain).unwrap();
    age(
        &format!("-p -o {} {}", output.display(), input.display()),
        &format!("{PASSPHRASE}\n{PASSPHRASE}\n"),
    );
    let sealed = std::fs::read(&output).unwrap();
    assert_eq!(
        decrypt(&sealed, PASSPHRASE, MAX_WORK_FACTOR).unwrap(),
        plain.as_bytes()
    );
}
