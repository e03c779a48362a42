//! The report generator as its own WebAssembly module. The hosted app loads it on the first
//! download instead of carrying the report code (templates, CSV, OSCAL, hashing) in the module
//! every visit loads; see docs/PERFORMANCE.md. All the work is in the core's
//! [`assessment_core::report::render_packed`]; this crate only exposes it to JavaScript.

use assessment_core::report::{render_packed, Packed};
use wasm_bindgen::prelude::wasm_bindgen;

/// The report `kind` (a file kind such as `action-plan`) for an assessment file, made with the
/// bank's embedded bytes. An error is a sentence for the user, thrown to JavaScript as a string.
#[wasm_bindgen]
pub fn render_report(
    kind: &str,
    bank: &[u8],
    assessment_file: &str,
    generated_at: &str,
    today: &str,
    app_version: &str,
    edition: &str,
) -> Result<String, String> {
    render_packed(&Packed {
        kind,
        bank,
        assessment_file,
        generated_at,
        today,
        app_version,
        edition,
    })
}
