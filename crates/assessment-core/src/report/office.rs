//! The editable reports: the action plan as an Excel workbook and the report as a Word document.
//!
//! They are files in zip containers made by large writers, so the app never links them: the kinds
//! below (names, file names, media types) are all it needs, and the on-demand module
//! `crates/assessment-office` makes the files with the `office` feature.

use crate::assessment::Assessment;

/// The editable formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OfficeKind {
    /// The action plan, accepted risks, answers and details as an Excel workbook (.xlsx).
    Workbook,
    /// The printable report as a Word document (.docx).
    Document,
}

impl OfficeKind {
    /// Every editable format, in the order the app offers them.
    pub const ALL: [OfficeKind; 2] = [OfficeKind::Workbook, OfficeKind::Document];

    /// The kind part of the file name, as the other formats name the same content.
    pub fn file_kind(self) -> &'static str {
        match self {
            OfficeKind::Workbook => "action-plan",
            OfficeKind::Document => "report",
        }
    }

    /// File extension, without the dot; also the name the module is asked for the file by.
    pub fn extension(self) -> &'static str {
        match self {
            OfficeKind::Workbook => "xlsx",
            OfficeKind::Document => "docx",
        }
    }

    /// The kind whose [`OfficeKind::extension`] is `name`.
    pub fn from_extension(name: &str) -> Option<OfficeKind> {
        OfficeKind::ALL.into_iter().find(|k| k.extension() == name)
    }

    /// Media type for the download.
    pub fn mime(self) -> &'static str {
        match self {
            OfficeKind::Workbook => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            OfficeKind::Document => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    /// `<organisation-slug>_<yyyy-mm-dd>_<kind>.<ext>`, as [`super::file_name_for`] names the others.
    pub fn file_name_for(self, assessment: &Assessment) -> String {
        crate::files::file_name(
            &assessment.details.organisation,
            assessment.details.assessed_on,
            self.file_kind(),
            self.extension(),
        )
    }
}

/// The file of `kind` for `ctx`; `label` is the confidentiality label the Word document's header
/// and footer carry. An error is a sentence for the person.
#[cfg(feature = "office")]
pub fn render_office(
    kind: OfficeKind,
    ctx: &super::ReportContext,
    label: &str,
) -> Result<Vec<u8>, String> {
    match kind {
        OfficeKind::Workbook => super::xlsx::render(ctx),
        OfficeKind::Document => super::docx::render(ctx, label),
    }
}
