//! The report generator, the file encryption and the scanner import as their own WebAssembly
//! module. The hosted app
//! loads it on the first download or the first encrypted file instead of carrying the report code
//! (templates, CSV, OSCAL, hashing) and the ciphers in the module every visit loads; see
//! docs/PERFORMANCE.md. All the work is in the core ([`assessment_core::report::render_packed`],
//! [`assessment_core::encrypted`]); this crate only exposes it to JavaScript.

use assessment_core::content::Bank;
use assessment_core::encrypted::{self, Randomness};
use assessment_core::guidance::Guidance;
use assessment_core::import::read_packed;
use assessment_core::report::{compare_page_packed, link_packed, render_packed, Packed};
use wasm_bindgen::prelude::wasm_bindgen;

/// The guidance this module embeds (`build.rs`).
const GUIDANCE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/guidance.bin"));

/// The bank's history of changes (`build.rs`), for comparisons across bank versions.
const HISTORY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/history.bin"));

/// The report `kind` (a file kind such as `action-plan`) for an assessment file, made with the
/// bank's embedded bytes (without guidance: this module adds its own), with what changed since
/// `previous_file` (empty for none). An error is a sentence for the user, thrown to JavaScript
/// as a string.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn render_report(
    kind: &str,
    bank: &[u8],
    assessment_file: &str,
    generated_at: &str,
    today: &str,
    app_version: &str,
    edition: &str,
    previous_file: &str,
) -> Result<String, String> {
    render_packed(&Packed {
        kind,
        bank,
        guidance: GUIDANCE,
        history: HISTORY,
        previous_file,
        assessment_file,
        generated_at,
        today,
        app_version,
        edition,
    })
}

/// The question bank's guidance (`assessment_core::guidance::Guidance`, postcard), which the app
/// hands to the office module with a workbook or Word document to make.
#[wasm_bindgen]
pub fn guidance() -> Vec<u8> {
    GUIDANCE.to_vec()
}

/// `bank` (the bank without its guidance, as the app embeds it) with this module's guidance
/// merged in, in the same binary form: the app installs it once the person leaves the first
/// screen, and so needs no guidance decoder of its own.
#[wasm_bindgen]
pub fn guided_bank(bank: &[u8]) -> Result<Vec<u8>, String> {
    Bank::from_bytes(bank)
        .and_then(|bank| bank.with_guidance(Guidance::from_bytes(GUIDANCE)?))
        .map(|bank| bank.to_bytes())
        .map_err(|e| e.to_string())
}

/// Reads a scanner file and previews it against the assessment in `assessment_file`
/// (`assessment_core::import::read_packed`): the reading as JSON text, or the reason as a
/// sentence, or `not-a-scan` when the file is no scanner file. `tenant` picks a tenant of a
/// multi-tenant file by its place; negative for none.
#[wasm_bindgen]
pub fn read_scan(
    bank: &[u8],
    assessment_file: &str,
    scan: &[u8],
    file_name: &str,
    tenant: i32,
) -> Result<String, String> {
    let table = include_bytes!(concat!(env!("OUT_DIR"), "/scuba.bin"));
    read_packed(bank, table, assessment_file, scan, file_name, tenant)
}

/// `file` encrypted under `passphrase` in the age format, with the 48 random bytes `random`.
#[wasm_bindgen]
pub fn encrypt_file(file: &[u8], passphrase: &str, random: &[u8]) -> Result<Vec<u8>, String> {
    let random: [u8; 48] = random
        .try_into()
        .map_err(|_| "48 random bytes are needed".to_string())?;
    Ok(encrypted::encrypt(
        file,
        passphrase,
        encrypted::WORK_FACTOR,
        Randomness::from_bytes(random),
    ))
}

/// The contents of an age file protected by `passphrase`. An error is thrown as the stable key
/// of an [`encrypted::DecryptError`].
#[wasm_bindgen]
pub fn decrypt_file(sealed: &[u8], passphrase: &str) -> Result<Vec<u8>, String> {
    encrypted::decrypt(sealed, passphrase, encrypted::MAX_WORK_FACTOR).map_err(|e| e.key())
}

/// What the comparison page shows for `args`
/// (`assessment_core::report::compare_page_packed` lists the views).
#[wasm_bindgen]
pub fn compare_page(bank: &[u8], args: Vec<String>) -> Result<Vec<String>, String> {
    compare_page_packed(bank, HISTORY, &args)
}

/// `file` linked to `previous` (library entry `entry`) as the assessment it re-assesses, saved
/// anew at `saved_at`.
#[wasm_bindgen]
pub fn link_previous(
    bank: &[u8],
    file: &str,
    previous: &str,
    entry: &str,
    app_version: &str,
    saved_at: &str,
) -> Result<String, String> {
    link_packed(bank, file, previous, entry, app_version, saved_at)
}
