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

    /// What the file is, in a few words, e.g. "Action plan (Excel)".
    pub fn label(self) -> &'static str {
        match self {
            OfficeKind::Workbook => "Action plan (Excel)",
            OfficeKind::Document => "Report (Word)",
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

/// Every file the app offers for download: a report in one of the text formats, or an editable
/// file. One list, so the app has one way of making and offering any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Download {
    Report(super::ReportKind),
    Office(OfficeKind),
}

impl Download {
    /// Every download, in the order the app offers them: the text formats, then the editable ones.
    pub const ALL: [Download; 8] = {
        use super::ReportKind as R;
        [
            Download::Report(R::Html),
            Download::Report(R::Json),
            Download::Report(R::Csv),
            Download::Report(R::Markdown),
            Download::Report(R::Oscal),
            Download::Report(R::ScubaGearConfig),
            Download::Office(OfficeKind::Workbook),
            Download::Office(OfficeKind::Document),
        ]
    };

    /// What the file is, in a few words, e.g. "Action plan (Excel)".
    pub fn label(self) -> &'static str {
        match self {
            Download::Report(kind) => kind.label(),
            Download::Office(kind) => kind.label(),
        }
    }

    /// Media type for the download.
    pub fn mime(self) -> &'static str {
        match self {
            Download::Report(kind) => kind.mime(),
            Download::Office(kind) => kind.mime(),
        }
    }

    /// The file's name, e.g. `acme_2024-05-01_action-plan.xlsx`.
    pub fn file_name_for(self, assessment: &Assessment) -> String {
        match self {
            Download::Report(kind) => super::file_name_for(kind, assessment),
            Download::Office(kind) => kind.file_name_for(assessment),
        }
    }

    /// The name the report module is asked for the file by ([`super::Packed::kind`]).
    pub fn packed_kind(self) -> &'static str {
        match self {
            Download::Report(kind) => kind.file_kind(),
            Download::Office(kind) => kind.extension(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ReportKind;

    #[test]
    fn every_format_is_offered_once() {
        for kind in ReportKind::ALL {
            assert_eq!(
                Download::ALL
                    .iter()
                    .filter(|d| **d == Download::Report(kind))
                    .count(),
                1
            );
        }
        for kind in OfficeKind::ALL {
            assert_eq!(
                Download::ALL
                    .iter()
                    .filter(|d| **d == Download::Office(kind))
                    .count(),
                1
            );
            assert_eq!(OfficeKind::from_extension(kind.extension()), Some(kind));
        }
    }

    #[test]
    fn editable_files_are_named_like_the_others() {
        let mut assessment = Assessment::default();
        assessment.details.organisation = "Example Health Trust".into();
        assessment.details.assessed_on = chrono::NaiveDate::from_ymd_opt(2024, 5, 1);
        assert_eq!(
            Download::Office(OfficeKind::Workbook).file_name_for(&assessment),
            "example-health-trust_2024-05-01_action-plan.xlsx"
        );
        assert_eq!(
            Download::Office(OfficeKind::Document).file_name_for(&assessment),
            "example-health-trust_2024-05-01_report.docx"
        );
    }
}
