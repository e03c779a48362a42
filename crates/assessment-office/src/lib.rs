//! The editable reports, an Excel workbook of the action plan and the report as a Word document,
//! as their own WebAssembly module. Their writers are large (docs/PERFORMANCE.md), so the app
//! loads this module only on the first such download; the work is in the core
//! ([`assessment_core::report::render_packed_office`]), this crate only exposes it to JavaScript.

use assessment_core::report::{render_packed_office, Packed};
use wasm_bindgen::prelude::wasm_bindgen;

/// The file `kind` (`xlsx` or `docx`) for an assessment file, made with the bank's embedded bytes
/// and its guidance (which the app has from the reports module), `label` being the Word
/// document's confidentiality label. An error is a sentence for the user, thrown to JavaScript.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn render_office(
    kind: &str,
    bank: &[u8],
    guidance: &[u8],
    assessment_file: &str,
    generated_at: &str,
    today: &str,
    app_version: &str,
    edition: &str,
    label: &str,
) -> Result<Vec<u8>, String> {
    let packed = Packed {
        kind,
        bank,
        guidance,
        assessment_file,
        // The Word document has no "since the previous assessment" section (the HTML report
        // and the Markdown summary have).
        previous_file: "",
        history: &[],
        generated_at,
        today,
        app_version,
        edition,
    };
    render_packed_office(&packed, label)
}
