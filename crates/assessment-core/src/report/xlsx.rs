//! The action plan as an Excel workbook a manager can assign and track: sheets "Action plan",
//! "Accepted risks", "Answers" and "About", written by rust_xlsxwriter (docs/ARCHITECTURE.md).
//!
//! Every sheet has a bold, frozen header row, an autofilter, set column widths and wrapped text;
//! dates are real date cells; the action plan's status column offers a drop-down of the three
//! statuses; a severity is a word on a fill of its own, so it never rests on colour alone.
//!
//! Every text a person or a scan wrote is written as a string cell, which a spreadsheet never
//! evaluates, whatever it starts with: no formula is ever written. Texts are [`clean`]ed first,
//! and [`cut`] to Excel's limit of 32,767 characters per cell.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    FormatPattern, Workbook, Worksheet, XlsxError,
};

use super::html::{report, Report};
use super::{clean, cut, Action, Provenance, ReportContext};
use crate::content::Severity;
use crate::dates::parse_iso;

/// The most characters Excel keeps in one cell.
pub(crate) const CELL_LIMIT: usize = 32_767;

/// The most characters of the file's title and author, which office suites show on one line.
const PROPERTY_LIMIT: usize = 255;

/// Excel's paper size number for A3.
const A3: u8 = 8;

/// The statuses the action plan's drop-down offers, as the other formats name them.
const STATUSES: [&str; 3] = ["Open", "In progress", "Done"];

/// A sheet's column: its header and its width in characters.
type Column = (&'static str, f64);

const PLAN_COLUMNS: [Column; 18] = [
    ("Rank", 8.0),
    ("Question", 11.0),
    ("Title", 30.0),
    ("Action", 50.0),
    ("Family", 20.0),
    ("Severity", 11.0),
    ("Effort", 10.0),
    ("Horizon", 14.0),
    ("Current answer", 16.0),
    ("Evidence", 28.0),
    ("Evidence source", 28.0),
    ("Owner", 18.0),
    ("Due date", 12.0),
    ("Due date basis", 26.0),
    ("Status", 13.0),
    ("Flags", 22.0),
    ("References", 26.0),
    ("Sources", 16.0),
];

/// The column of the action plan that offers the status drop-down ("Status").
const STATUS_COLUMN: u16 = 14;

const RISK_COLUMNS: [Column; 12] = [
    ("Question", 11.0),
    ("Title", 36.0),
    ("Family", 24.0),
    ("Severity", 11.0),
    ("Current answer", 18.0),
    ("Justification", 48.0),
    ("Approved by", 20.0),
    ("Expires", 12.0),
    ("Risk reduction (points)", 12.0),
    ("Owner", 20.0),
    ("Evidence", 40.0),
    ("Evidence source", 40.0),
];

const ANSWER_COLUMNS: [Column; 11] = [
    ("Question", 11.0),
    ("Title", 40.0),
    ("Family", 24.0),
    ("Answer", 18.0),
    ("Reason not applicable", 36.0),
    ("Note", 48.0),
    ("Owner", 20.0),
    ("Target date", 12.0),
    ("Status", 13.0),
    ("Evidence", 40.0),
    ("Evidence source", 40.0),
];

const ABOUT_COLUMNS: [Column; 2] = [("Field", 30.0), ("Value", 80.0)];

/// One cell's value, before it is written.
enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    /// A date cell, or an empty cell when there is no date.
    Date(Option<NaiveDate>),
    Severity(Severity),
}

impl<'a> Cell<'a> {
    fn text(text: impl Into<Cow<'a, str>>) -> Cell<'a> {
        Cell::Text(text.into())
    }

    /// A date given as `yyyy-mm-dd` (empty for none), as the report's content holds them.
    fn iso_date(text: &str) -> Cell<'a> {
        Cell::Date(parse_iso(text))
    }
}

/// The formats the cells use, made once per workbook.
struct Formats {
    header: Format,
    text: Format,
    date: Format,
    severity: [Format; 4],
}

impl Formats {
    fn new() -> Formats {
        let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xD9E2F3))
                .set_pattern(FormatPattern::Solid)
                .set_border_bottom(FormatBorder::Medium),
            date: body.clone().set_num_format("yyyy-mm-dd"),
            severity: [0xF4B6B6, 0xF9D3A8, 0xFBEBA5, 0xD9EAD3].map(|rgb| {
                body.clone()
                    .set_bold()
                    .set_background_color(Color::RGB(rgb))
                    .set_pattern(FormatPattern::Solid)
            }),
            text: body,
        }
    }

    fn severity(&self, severity: Severity) -> &Format {
        &self.severity[match severity {
            Severity::Critical => 0,
            Severity::High => 1,
            Severity::Medium => 2,
            Severity::Low => 3,
        }]
    }
}

/// The workbook for `ctx`, or why it could not be written. The same context gives the same bytes:
/// the file's creation time is the report's, not the clock's.
pub(crate) fn render(ctx: &ReportContext) -> Result<Vec<u8>, String> {
    build(ctx).map_err(|e| format!("the workbook could not be written: {e}"))
}

fn build(ctx: &ReportContext) -> Result<Vec<u8>, XlsxError> {
    let content = report(ctx);
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(&content, ctx));
    let actions = Action::all(ctx);
    let (open, accepted): (Vec<&Action>, Vec<&Action>) = actions.iter().partition(|a| !a.accepted);

    let rows = open.iter().map(|a| plan_row(ctx, a)).collect();
    let sheet = add_sheet(&mut workbook, "Action plan", &PLAN_COLUMNS, rows, &formats)?;
    if !open.is_empty() {
        let choices = DataValidation::new()
            .allow_list_strings(&STATUSES)?
            .set_error_message("Choose Open, In progress or Done.")?;
        let last = open.len() as u32;
        sheet.add_data_validation(1, STATUS_COLUMN, last, STATUS_COLUMN, &choices)?;
    }
    let rows = accepted.iter().map(|a| risk_row(ctx, a)).collect();
    add_sheet(
        &mut workbook,
        "Accepted risks",
        &RISK_COLUMNS,
        rows,
        &formats,
    )?;
    add_sheet(
        &mut workbook,
        "Answers",
        &ANSWER_COLUMNS,
        answer_rows(&content),
        &formats,
    )?;
    add_sheet(
        &mut workbook,
        "About",
        &ABOUT_COLUMNS,
        about_rows(&content),
        &formats,
    )?;
    workbook.save_to_buffer()
}

/// Title, author and creation time of the file, from the report (never the clock).
fn properties(content: &Report, ctx: &ReportContext) -> DocProperties {
    let mut properties = DocProperties::new()
        .set_title(cut(
            &format!("Action plan: {}", content.organisation),
            PROPERTY_LIMIT,
        ))
        .set_author(cut(&content.assessor, PROPERTY_LIMIT))
        .set_comment(format!(
            "Made by the Midnight Blizzard / ED 24-02 self-assessment, version {}",
            ctx.app_version
        ));
    if let Ok(created) = ExcelDateTime::parse_from_str(ctx.generated_at.get(..19).unwrap_or("")) {
        properties = properties.set_creation_datetime(&created);
    }
    properties
}

/// Adds a sheet with a frozen, filtered header row and `rows` below it.
fn add_sheet<'w>(
    workbook: &'w mut Workbook,
    name: &str,
    columns: &[Column],
    rows: Vec<Vec<Cell>>,
    formats: &Formats,
) -> Result<&'w mut Worksheet, XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    for (col, (header, width)) in (0u16..).zip(columns) {
        sheet.set_column_width(col, *width)?;
        sheet.write_string_with_format(0, col, *header, &formats.header)?;
    }
    for (row, cells) in (1u32..).zip(&rows) {
        for (col, cell) in (0u16..).zip(cells) {
            write_cell(sheet, row, col, cell, formats)?;
        }
        sheet.set_row_height(row, row_height(columns, cells))?;
    }
    let last_col = columns.len() as u16 - 1;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, last_col)?;
    // Printed: A3 landscape, one page wide, the header row on every page.
    sheet.set_landscape();
    sheet.set_paper_size(A3);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    Ok(sheet)
}

/// Points per line of wrapped text at the default font size.
const LINE_HEIGHT: f64 = 15.0;
/// The tallest row Excel allows, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// A height that shows every line of the row's wrapped texts. Spreadsheets do not grow a row
/// written by a library to fit its text, so the lines are estimated from the column widths.
fn row_height(columns: &[Column], cells: &[Cell]) -> f64 {
    let lines = columns
        .iter()
        .zip(cells)
        .map(|((_, width), cell)| match cell {
            Cell::Text(text) => clean(text)
                .split('\n')
                .map(|line| {
                    (line.chars().count() as f64 / (width * 1.15))
                        .ceil()
                        .max(1.0)
                })
                .sum(),
            _ => 1.0,
        })
        .fold(1.0, f64::max);
    (lines * LINE_HEIGHT).min(MAX_ROW_HEIGHT)
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) => {
            sheet.write_string_with_format(
                row,
                col,
                cut(&clean(text), CELL_LIMIT),
                &formats.text,
            )?;
        }
        Cell::Number(number) => {
            sheet.write_number_with_format(row, col, *number, &formats.text)?;
        }
        Cell::Date(Some(date)) => {
            sheet.write_datetime_with_format(row, col, excel_date(*date)?, &formats.date)?;
        }
        Cell::Date(None) => {
            sheet.write_blank(row, col, &formats.date)?;
        }
        Cell::Severity(severity) => {
            let format = formats.severity(*severity);
            sheet.write_string_with_format(row, col, severity.label(), format)?;
        }
    }
    Ok(())
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    // Excel's dates start in 1900; a year it cannot show is refused here, as a write error.
    let year =
        u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}

/// The evidence's checks (with "changed by hand" when it was) and its source, or two empty cells.
fn evidence_cells<'a>(evidence: Option<Provenance>) -> [Cell<'a>; 2] {
    match evidence {
        None => [Cell::text(""), Cell::text("")],
        Some(p) => {
            let mut checks = p.checks.clone();
            if p.changed_by_hand {
                checks = format!("{checks}. {}", p.changed_text());
            }
            [Cell::text(checks), Cell::text(p.source)]
        }
    }
}

fn plan_row<'a>(ctx: &ReportContext, action: &'a Action) -> Vec<Cell<'a>> {
    let item = action.item;
    let evidence = Provenance::of(ctx.assessment, &item.question, item.answer);
    let mut row = vec![
        Cell::Number(f64::from(item.rank)),
        Cell::text(item.question.as_str()),
        Cell::text(item.title.as_str()),
        Cell::text(action.action.as_str()),
        Cell::text(action.family),
        Cell::Severity(item.severity),
        Cell::text(item.effort.label()),
        Cell::text(item.horizon.label()),
        Cell::text(item.answer_label()),
    ];
    row.extend(evidence_cells(evidence));
    row.extend([
        Cell::text(action.owner.as_ref()),
        Cell::Date(item.due.date),
        Cell::text(item.due.explanation()),
        Cell::text(action.status),
        Cell::text(action.flags.join("; ")),
        Cell::text(action.references.as_str()),
        Cell::text(action.sources.as_str()),
    ]);
    row
}

fn risk_row<'a>(ctx: &ReportContext, action: &'a Action) -> Vec<Cell<'a>> {
    let item = action.item;
    let evidence = Provenance::of(ctx.assessment, &item.question, item.answer);
    let mut row = vec![
        Cell::text(item.question.as_str()),
        Cell::text(item.title.as_str()),
        Cell::text(action.family),
        Cell::Severity(item.severity),
        Cell::text(item.answer_label()),
        Cell::text(action.justification.as_ref()),
        Cell::text(action.approver.as_ref()),
        Cell::iso_date(&action.expires),
        Cell::Number(f64::from(item.risk_reduction)),
        Cell::text(action.owner.as_ref()),
    ];
    row.extend(evidence_cells(evidence));
    row
}

fn answer_rows<'a>(content: &'a Report) -> Vec<Vec<Cell<'a>>> {
    content
        .answers
        .iter()
        .flat_map(|family| {
            family.rows.iter().map(|row| {
                let mut cells = vec![
                    Cell::text(row.id),
                    Cell::text(row.title),
                    Cell::text(family.title),
                    Cell::text(row.answer.answer),
                    Cell::text(row.reason.as_ref()),
                    Cell::text(row.note.as_ref()),
                    Cell::text(row.owner.as_ref()),
                    Cell::iso_date(&row.target),
                    Cell::text(row.status),
                ];
                cells.extend(evidence_cells(row.answer.evidence.clone()));
                cells
            })
        })
        .collect()
}

fn about_rows<'a>(content: &'a Report) -> Vec<Vec<Cell<'a>>> {
    let bank = content.bank;
    let tier = content.tier;
    let text = |label: &'static str, value: String| vec![Cell::text(label), Cell::text(value)];
    let date = |label: &'static str, value: &str| vec![Cell::text(label), Cell::iso_date(value)];
    let number =
        |label: &'static str, value: usize| vec![Cell::text(label), Cell::Number(value as f64)];
    vec![
        text("Organisation", content.organisation.to_string()),
        text("Assessor", content.assessor.to_string()),
        date("Assessment date", &content.assessed_on),
        date("Notified of possible exposure", &content.notified_on),
        text("Generated at", content.generated_at.to_owned()),
        date("Results as of", &content.today),
        vec![Cell::text("Score"), Cell::Number(f64::from(content.score))],
        text("Score in detail", content.summary.clone()),
        text(
            "Tier",
            format!("{} of 4: {}", tier.tier.number(), tier.name),
        ),
        number("Open actions", content.open_count),
        number("Accepted risks", content.accepted.len()),
        text(
            "Question bank version",
            format!(
                "{}, checked against its sources on {}",
                bank.version, bank.reviewed_on
            ),
        ),
        text(
            "App version",
            format!("{}, {} edition", content.app_version, content.edition),
        ),
        text("Answer data fingerprint", content.fingerprint.clone()),
        text(
            "About the fingerprint",
            super::prose::FINGERPRINT.to_owned(),
        ),
    ]
}
