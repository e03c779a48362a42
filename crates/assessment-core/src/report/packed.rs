//! Reports made from inputs that can cross into a separately loaded module: the bank's embedded
//! bytes, its guidance and the assessment file as text. The hosted app loads its report generator only when the
//! first report is asked for (docs/PERFORMANCE.md), and hands it these.

use chrono::NaiveDate;

use super::{render, ReportContext, ReportKind};
use crate::content::Bank;
use crate::dates::parse_iso;
use crate::evaluation::evaluate;
use crate::guidance::Guidance;
use crate::savefile;

/// Everything the report generator needs, as plain bytes and text.
#[derive(Debug, Clone, Copy)]
pub struct Packed<'a> {
    /// [`ReportKind::file_kind`] of the report wanted, e.g. `action-plan`.
    pub kind: &'a str,
    /// The bank without its guidance as the app embeds it ([`Bank::to_bytes`] of
    /// [`Bank::split_guidance`]'s bank), so the app never encodes a bank.
    pub bank: &'a [u8],
    /// The guidance ([`crate::guidance::Guidance::to_bytes`]), which the on-demand module embeds;
    /// reports quote it.
    pub guidance: &'a [u8],
    /// The assessment as [`savefile::save`] wrote it.
    pub assessment_file: &'a str,
    pub generated_at: &'a str,
    /// The day to evaluate for, `YYYY-MM-DD`.
    pub today: &'a str,
    pub app_version: &'a str,
    pub edition: &'a str,
}

/// The report `packed` asks for, or a sentence saying why it cannot be made.
pub fn render_packed(packed: &Packed) -> Result<String, String> {
    let kind = ReportKind::from_file_kind(packed.kind)
        .ok_or_else(|| format!("there is no report called \"{}\"", packed.kind))?;
    with_context(packed, |context| render(kind, context))
}

/// The editable file `packed` asks for (its `kind` an [`OfficeKind::extension`]), with `label` as
/// the Word document's confidentiality label, or a sentence saying why it cannot be made.
#[cfg(feature = "office")]
pub fn render_packed_office(packed: &Packed, label: &str) -> Result<Vec<u8>, String> {
    let kind = super::OfficeKind::from_extension(packed.kind)
        .ok_or_else(|| format!("there is no file called \"{}\"", packed.kind))?;
    with_context(packed, |context| super::render_office(kind, context, label))?
}

/// `make` applied to the report context `packed` describes, or why it cannot be read.
fn with_context<T>(packed: &Packed, make: impl FnOnce(&ReportContext) -> T) -> Result<T, String> {
    let today: NaiveDate =
        parse_iso(packed.today).ok_or_else(|| format!("\"{}\" is not a date", packed.today))?;
    let bank = Bank::from_bytes(packed.bank)
        .and_then(|bank| bank.with_guidance(Guidance::from_bytes(packed.guidance)?))
        .map_err(|e| e.to_string())?;
    let opened = savefile::open(packed.assessment_file.as_bytes(), &bank)
        .map_err(|e| format!("the assessment could not be read: {e}"))?;
    let evaluation = evaluate(&bank, &opened.assessment, today);
    let context = ReportContext {
        bank: &bank,
        assessment: &opened.assessment,
        evaluation: &evaluation,
        generated_at: packed.generated_at,
        today,
        app_version: packed.app_version,
        edition: packed.edition,
    };
    Ok(make(&context))
}
