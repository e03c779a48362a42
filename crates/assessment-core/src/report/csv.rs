//! The action plan as a spreadsheet, POA&M style: one row per open action in reading order, then
//! one row per accepted risk (status "Risk accepted").
//!
//! Written for Excel and LibreOffice: UTF-8 with a byte-order mark, CRLF line endings, fields
//! quoted when they need it, and every cell that starts with `=`, `+`, `-`, `@`, a tab, a carriage
//! return or a line feed prefixed with an apostrophe so that no cell is read as a formula (OWASP's
//! advice on CSV injection). Text is [`clean`](super::clean)ed first.
//!
//! The last three columns say where an answer imported from a scan came from; they come after the
//! original twenty so that readers which take columns by position keep working.

use super::{Action, Provenance, ReportContext};

/// The header row.
pub(crate) const COLUMNS: [&str; 23] = [
    "rank",
    "id",
    "title",
    "action",
    "family",
    "severity",
    "effort",
    "horizon",
    "current answer",
    "owner",
    "due date",
    "due date basis",
    "status",
    "flags",
    "risk justification",
    "risk approved by",
    "risk acceptance expires",
    "risk reduction (points)",
    "sources",
    "references",
    "evidence source",
    "evidence checks",
    "evidence changed by hand",
];

pub(crate) fn render(ctx: &ReportContext) -> String {
    write_table(
        &COLUMNS,
        Action::all(ctx).into_iter().map(|action| row(ctx, action)),
    )
}

/// One plan row.
fn row(ctx: &ReportContext, action: Action) -> Vec<String> {
    {
        let item = action.item;
        let evidence = Provenance::of(ctx.assessment, &item.question, item.answer);
        let rank = if action.accepted {
            String::new()
        } else {
            item.rank.to_string()
        };
        [
            rank,
            item.question.clone(),
            item.title.clone(),
            action.action,
            action.family.to_owned(),
            item.severity.label().to_owned(),
            item.effort.label().to_owned(),
            item.horizon.label().to_owned(),
            item.answer_label().to_owned(),
            action.owner.into_owned(),
            action.due,
            item.due.explanation(),
            action.status.to_owned(),
            action.flags.join("; "),
            action.justification.into_owned(),
            action.approver.into_owned(),
            action.expires,
            item.risk_reduction.to_string(),
            action.sources,
            action.references,
        ]
        .into_iter()
        .chain(evidence_cells(evidence.as_ref()))
        .collect()
    }
}

/// `header` and `rows` as a CSV file in this module's dialect (see the module documentation).
pub(crate) fn write_table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    write_row(&mut writer, header.iter().map(|c| c.to_string()));
    for row in rows {
        write_row(&mut writer, row);
    }
    let bytes = writer
        .into_inner()
        .unwrap_or_else(|_| unreachable!("writing to memory cannot fail"));
    let body = String::from_utf8(bytes).unwrap_or_else(|_| unreachable!("every cell is UTF-8"));
    format!("\u{feff}{body}")
}

/// Where the answer came from, or three empty cells for an answer given by hand.
fn evidence_cells(evidence: Option<&Provenance>) -> [String; 3] {
    let Some(evidence) = evidence else {
        return Default::default();
    };
    let changed = if evidence.changed_by_hand {
        evidence.changed_text()
    } else {
        "no".to_owned()
    };
    [evidence.source.clone(), evidence.checks.clone(), changed]
}

fn write_row(writer: &mut csv::Writer<Vec<u8>>, cells: impl IntoIterator<Item = String>) {
    let cells = cells
        .into_iter()
        .map(|cell| neutralise(&super::clean(&cell)));
    writer
        .write_record(cells)
        .unwrap_or_else(|_| unreachable!("writing to memory cannot fail"));
}

/// A cell a spreadsheet will show as text: prefixed with `'` when it starts like a formula.
pub(crate) fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text() {
        for hostile in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1"] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"));
        }
        assert_eq!(neutralise("1-1"), "1-1");
        assert_eq!(neutralise(""), "");
    }
}
