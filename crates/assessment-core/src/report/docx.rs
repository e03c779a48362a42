//! The report as a Word document (.docx): the content of the printable HTML report
//! ([`super::html::report`], the same sentences from [`super::prose`]) in WordprocessingML.
//!
//! Real heading styles (Title, Heading 1–3, with outline levels) so Word's navigation pane and the
//! table-of-contents field at the top work; tables whose header row repeats on every page; the
//! family scores as a table and as a native bar chart (DrawingML, its numbers cached in the
//! part, so nothing is embedded or loaded); a header and footer with the organisation, the date
//! and the person's confidentiality label; and an approval block at the end.
//!
//! The XML is written here, on the same zip crate that writes the workbook, because the Word
//! writers on crates.io either cannot mark a repeated header row or bring a second zip of
//! another major version (docs/ARCHITECTURE.md). Every text goes through [`clean`] and [`escape`],
//! so nothing a person or a scan wrote can become markup.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::html::{report, Report};
use super::{clean, cut, prose, Action, ReportContext};

/// Text width of an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: u32 = 9638;
/// English Metric Units per twentieth of a point.
const EMU_PER_TWIP: u64 = 635;

/// The document for `ctx`, its header and footer carrying `label`.
pub(crate) fn render(ctx: &ReportContext, label: &str) -> Result<Vec<u8>, String> {
    let content = report(ctx);
    let label = clean(label).trim().to_owned();
    let mut body = Body::default();
    write_body(&mut body, &content);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", PACKAGE_RELS.to_owned()),
        ("docProps/core.xml", core_properties(&content, ctx)),
        ("docProps/app.xml", APP_PROPERTIES.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/document.xml", document(&body.xml)),
        ("word/styles.xml", STYLES.to_owned()),
        ("word/settings.xml", SETTINGS.to_owned()),
        ("word/numbering.xml", NUMBERING.to_owned()),
        ("word/header1.xml", header(&content, &label)),
        ("word/footer1.xml", footer(&label)),
        ("word/charts/chart1.xml", chart(&content)),
    ];
    package(&parts).map_err(|e| format!("the document could not be written: {e}"))
}

/// The parts in a zip container, each deflated and dated 1980-01-01 so the same report gives the
/// same bytes.
fn package(parts: &[(&str, String)]) -> zip::result::ZipResult<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, xml) in parts {
        zip.start_file(*name, options)?;
        zip.write_all(xml.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// `text` safe inside XML character data and attribute values: the five special characters
/// escaped, and the characters XML 1.0 cannot hold at all dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The most characters of one text in the document. Longer texts (a field holds up to 50,000)
/// are cut with an ellipsis: thousands of characters in a narrow table column make hundreds of
/// pages that word processors take minutes to lay out. The workbook and the assessment file keep
/// them (the workbook up to Excel's 32,767 per cell).
pub(crate) const TEXT_LIMIT: usize = 2_000;

/// A run of `text` (cleaned and cut to [`TEXT_LIMIT`]), with its line breaks and tabs as Word's
/// own, optionally bold.
fn run(text: &str, bold: bool) -> String {
    let style = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    let mut out = format!("<w:r>{style}");
    for (i, line) in cut(&clean(text), TEXT_LIMIT).split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            out.push_str(&format!(
                "<w:t xml:space=\"preserve\">{}</w:t>",
                escape(piece)
            ));
        }
    }
    out.push_str("</w:r>");
    out
}

/// A paragraph of `style` (a style id, or `None` for Normal) holding `runs`.
fn paragraph(style: Option<&str>, runs: &str) -> String {
    match style {
        Some(style) => format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{runs}</w:p>"),
        None => format!("<w:p>{runs}</w:p>"),
    }
}

/// One table cell: its paragraphs, the first of them bold when asked.
#[derive(Default)]
struct Cell {
    paragraphs: Vec<String>,
    bold: bool,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            paragraphs: vec![text.into()],
            bold: false,
        }
    }

    fn bold(text: impl Into<String>) -> Cell {
        Cell {
            paragraphs: vec![text.into()],
            bold: true,
        }
    }

    /// `text`, or "not recorded" when it is blank, as the HTML report says it.
    fn recorded(text: &str) -> Cell {
        Cell::text(or_not_recorded(text))
    }

    fn xml(&self, width: u32, header: bool) -> String {
        let shade = if header {
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9E2F3\"/>"
        } else {
            ""
        };
        let mut out =
            format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shade}</w:tcPr>");
        if self.paragraphs.is_empty() {
            out.push_str("<w:p/>");
        }
        for (i, text) in self.paragraphs.iter().enumerate() {
            out.push_str(&paragraph(
                Some("TableText"),
                &run(text, header || (self.bold && i == 0)),
            ));
        }
        out.push_str("</w:tc>");
        out
    }
}

/// The document body as it is written, block by block.
#[derive(Default)]
struct Body {
    xml: String,
}

impl Body {
    fn heading(&mut self, level: u8, text: &str) {
        let style = format!("Heading{level}");
        self.xml
            .push_str(&paragraph(Some(&style), &run(text, false)));
    }

    fn styled(&mut self, style: &str, text: &str) {
        self.xml
            .push_str(&paragraph(Some(style), &run(text, false)));
    }

    fn text(&mut self, text: &str) {
        self.xml.push_str(&paragraph(None, &run(text, false)));
    }

    /// A paragraph that starts with a bold lead, e.g. "Score 62 / 100." then the rest.
    fn lead(&mut self, lead: &str, rest: &str) {
        let runs = format!("{}{}", run(lead, true), run(&format!(" {rest}"), false));
        self.xml.push_str(&paragraph(None, &runs));
    }

    fn bullets<'t>(&mut self, items: impl IntoIterator<Item = (&'t str, String)>) {
        for (lead, rest) in items {
            let runs = format!("{}{}", run(lead, true), run(&format!(" {rest}"), false));
            self.xml.push_str(&paragraph(Some("ListBullet"), &runs));
        }
    }

    /// A table: its header row repeats on every page and never splits; `weights` share the text
    /// width between the columns.
    fn table(&mut self, header: &[&str], weights: &[u32], rows: Vec<Vec<Cell>>) {
        let total: u32 = weights.iter().sum();
        let widths: Vec<u32> = weights.iter().map(|w| TEXT_WIDTH * w / total).collect();
        self.xml.push_str(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>\
             <w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" \
             w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        );
        for width in &widths {
            self.xml.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
        }
        self.xml
            .push_str("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (title, width) in header.iter().zip(&widths) {
            self.xml.push_str(&Cell::text(*title).xml(*width, true));
        }
        self.xml.push_str("</w:tr>");
        for row in rows {
            self.xml.push_str("<w:tr>");
            for (cell, width) in row.iter().zip(&widths) {
                self.xml.push_str(&cell.xml(*width, false));
            }
            self.xml.push_str("</w:tr>");
        }
        // Two tables in a row would merge into one: a paragraph keeps them apart.
        self.xml.push_str("</w:tbl><w:p/>");
    }

    /// A two-column table of labels and values.
    fn fields(&mut self, rows: Vec<(&str, Cell)>) {
        let rows = rows
            .into_iter()
            .map(|(label, value)| vec![Cell::bold(label), value])
            .collect();
        self.table(&["Field", "Value"], &[1, 3], rows);
    }

    /// The table-of-contents field over Heading 1–2, its result filled with the headings so the
    /// list shows before anyone updates the field (Word offers to on opening, settings.xml).
    fn contents(&mut self, headings: &[&str]) {
        self.styled("TOCHeading", "Contents");
        let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
                     <w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>\
                     <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
        let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        let last = headings.len().saturating_sub(1);
        for (i, heading) in headings.iter().enumerate() {
            let mut runs = String::new();
            if i == 0 {
                runs.push_str(begin);
            }
            runs.push_str(&run(heading, false));
            if i == last {
                runs.push_str(end);
            }
            self.xml.push_str(&paragraph(Some("TOC1"), &runs));
        }
    }

    /// The family chart, inline, with the numbers as its alternative text.
    fn chart(&mut self, description: &str, height_emu: u64) {
        let width_emu = u64::from(TEXT_WIDTH) * EMU_PER_TWIP;
        self.xml.push_str(&format!(
            "<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
             <wp:extent cx=\"{width_emu}\" cy=\"{height_emu}\"/><wp:docPr id=\"1\" name=\"Score by family\" descr=\"{}\"/>\
             <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">\
             <c:chart r:id=\"rIdChart\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
            escape(&clean(description))
        ));
    }
}

/// The sections' Heading 1 titles, in order.
const SECTIONS: [&str; 10] = [
    "Executive summary",
    "Results by family",
    "Action plan",
    "Accepted risks",
    "Every answer",
    "What does not apply, and why",
    "How the results are worked out",
    "Sources",
    "About this report",
    "Approval",
];

fn write_body(body: &mut Body, content: &Report) {
    body.styled("Title", prose::TITLE);
    body.styled("Subtitle", prose::INTRO);
    body.contents(&SECTIONS);
    summary(body, content);
    families(body, content);
    plan(body, content);
    risks(body, content);
    answers(body, content);
    not_applicable(body, content);
    method(body, content);
    sources(body, content);
    about(body, content);
    approval(body);
}

fn summary(body: &mut Body, content: &Report) {
    body.heading(1, SECTIONS[0]);
    body.fields(vec![
        ("Organisation", Cell::recorded(&content.organisation)),
        ("Assessment date", Cell::recorded(&content.assessed_on)),
        ("Assessor", Cell::recorded(&content.assessor)),
        (
            "Notified of possible exposure",
            Cell::recorded(&content.notified_on),
        ),
        (
            "Generated at",
            Cell::text(format!(
                "{} (results as of {})",
                content.generated_at, content.today
            )),
        ),
    ]);
    let tier = content.tier;
    body.lead(&format!("Score {} / 100.", content.score), &content.summary);
    body.lead(
        &format!("Tier {} of 4: {}.", tier.tier.number(), tier.name),
        tier.meaning,
    );
    match tier.next {
        Some(next) => {
            body.heading(2, "What holds the organisation at this tier");
            body.text(&format!(
                "To reach tier {}, {}, every item below must change.",
                next.number(),
                next.name()
            ));
            if let Some(gate) = &tier.score_gate {
                body.text(&format!(
                    "The overall score is {}; tier {} needs at least {}.",
                    gate.score,
                    next.number(),
                    gate.needed
                ));
            }
            if !tier.gating.is_empty() {
                let rows = tier
                    .gating
                    .iter()
                    .map(|gate| {
                        vec![
                            Cell::bold(gate.question.as_str()),
                            Cell::text(gate.title.as_str()),
                            Cell::text(gate.severity.label()),
                            Cell::text(gate.answer_label()),
                            Cell::text(gate.needed_label()),
                            Cell::text(if gate.risk_accepted {
                                "yes (still counts as a gap)"
                            } else {
                                "no"
                            }),
                        ]
                    })
                    .collect();
                body.table(
                    &[
                        "Question",
                        "Title",
                        "Severity",
                        "Now",
                        "Needs",
                        "Risk accepted",
                    ],
                    &[2, 5, 2, 2, 2, 2],
                    rows,
                );
            }
        }
        None => body.text("This is the highest tier."),
    }
    body.heading(2, "Top actions");
    if content.top.is_empty() {
        body.text("No open actions.");
        return;
    }
    body.text(&format!(
        "The first {} of {} open actions, in the order of the action plan.",
        content.top.len(),
        content.open_count
    ));
    let rows = content
        .top
        .iter()
        .map(|a| {
            let mut status = a.status.to_owned();
            if !a.flags.is_empty() {
                status.push_str(" (flagged)");
            }
            vec![
                Cell::text(a.item.rank.to_string()),
                Cell::bold(a.item.question.as_str()),
                Cell::text(a.item.title.as_str()),
                Cell::text(a.item.horizon.label()),
                Cell::text(a.item.severity.label()),
                Cell::text(a.owner.as_ref()),
                Cell::text(a.due.as_str()),
                Cell::text(status),
            ]
        })
        .collect();
    body.table(
        &[
            "#", "Question", "Action", "Horizon", "Severity", "Owner", "Due", "Status",
        ],
        &[1, 2, 5, 2, 2, 2, 2, 2],
        rows,
    );
}

fn families(body: &mut Body, content: &Report) {
    body.heading(1, SECTIONS[1]);
    let numbers: Vec<String> = content
        .families
        .iter()
        .map(|f| format!("{} {}", f.title, f.percent))
        .collect();
    let height = 400_000 * content.families.len() as u64 + 600_000;
    body.chart(
        &format!("Score by family, 0 to 100: {}.", numbers.join("; ")),
        height,
    );
    let rows = content
        .families
        .iter()
        .map(|f| {
            vec![
                Cell::bold(format!("{} ({})", f.title, f.id)),
                Cell::text(format!("{} / 100", f.percent)),
                Cell::text(f.summary.as_str()),
            ]
        })
        .collect();
    body.table(&["Family", "Score", "Counts"], &[4, 2, 5], rows);
}

fn plan(body: &mut Body, content: &Report) {
    body.heading(1, SECTIONS[2]);
    body.text(prose::PLAN_INTRO);
    for group in &content.groups {
        body.heading(2, &format!("{} ({})", group.label, group.items.len()));
        if group.items.is_empty() {
            body.text("Nothing in this horizon.");
        }
        for action in &group.items {
            plan_card(body, action);
        }
    }
}

fn plan_card(body: &mut Body, a: &Action) {
    let item = a.item;
    body.heading(
        3,
        &format!("{}. {}: {}", item.rank, item.question, item.title),
    );
    let mut rows = vec![
        ("Now", Cell::text(item.answer_label())),
        ("What to do", Cell::text(a.action.as_str())),
        ("Why it matters", Cell::text(item.why.as_str())),
        (
            "Severity, effort",
            Cell::text(format!(
                "{}; {}; closing it adds {} points",
                item.severity.label(),
                item.effort.label(),
                item.risk_reduction
            )),
        ),
        ("Family", Cell::text(a.family)),
        ("Owner", Cell::recorded(&a.owner)),
        ("Status", Cell::text(a.status)),
        ("Due", Cell::text(item.due.explanation())),
    ];
    rows.extend(
        a.flags
            .iter()
            .map(|flag| ("Flag", Cell::text(flag.as_str()))),
    );
    if item.risk_acceptance.is_some() {
        let expires = expiry(a);
        rows.push((
            "Risk acceptance (not valid)",
            Cell::text(format!(
                "Justification: {}; approved by: {}; expires: {expires}",
                or_not_recorded(&a.justification),
                or_not_recorded(&a.approver)
            )),
        ));
    }
    rows.push(("Sources", Cell::text(a.sources.as_str())));
    if !a.references.is_empty() {
        rows.push(("References", Cell::text(a.references.as_str())));
    }
    body.fields(rows);
}

/// The acceptance's expiry date, or "no expiry date", as the HTML report says it.
fn expiry<'a>(a: &'a Action) -> &'a str {
    if a.expires.is_empty() {
        "no expiry date"
    } else {
        a.expires.as_str()
    }
}

/// `text`, or "not recorded" when it is blank, as the HTML report says it.
fn or_not_recorded(text: &str) -> &str {
    if text.trim().is_empty() {
        "not recorded"
    } else {
        text
    }
}

fn risks(body: &mut Body, content: &Report) {
    body.heading(1, SECTIONS[3]);
    body.text(prose::RISKS_INTRO);
    if content.accepted.is_empty() {
        body.text("No risks have been accepted.");
        return;
    }
    let rows = content
        .accepted
        .iter()
        .map(|a| {
            vec![
                Cell::bold(a.item.question.as_str()),
                Cell::text(a.item.title.as_str()),
                Cell::text(a.item.severity.label()),
                Cell::text(a.item.answer_label()),
                Cell::text(a.justification.as_ref()),
                Cell::text(a.approver.as_ref()),
                Cell::text(expiry(a)),
            ]
        })
        .collect();
    body.table(
        &[
            "Question",
            "Title",
            "Severity",
            "Now",
            "Justification",
            "Approved by",
            "Expires",
        ],
        &[2, 4, 2, 2, 4, 2, 2],
        rows,
    );
}

fn answers(body: &mut Body, content: &Report) {
    body.heading(1, SECTIONS[4]);
    for family in &content.answers {
        body.heading(2, family.title);
        let rows = family
            .rows
            .iter()
            .map(|row| {
                let mut answer = row.answer.answer.to_owned();
                if !row.reason.trim().is_empty() {
                    answer = format!("{answer}: {}", row.reason);
                }
                let mut paragraphs = vec![answer];
                if let Some(evidence) = &row.answer.evidence {
                    paragraphs.push(evidence.summary());
                    if evidence.changed_by_hand {
                        paragraphs.push(evidence.changed_text());
                    }
                }
                vec![
                    Cell::bold(row.id),
                    Cell::text(row.title),
                    Cell {
                        paragraphs,
                        bold: false,
                    },
                    Cell::text(row.note.as_ref()),
                    Cell::text(row.owner.as_ref()),
                    Cell::text(row.target.as_str()),
                    Cell::text(row.status),
                ]
            })
            .collect();
        body.table(
            &[
                "Question",
                "Title",
                "Answer",
                "Note",
                "Owner",
                "Target date",
                "Action",
            ],
            &[2, 4, 4, 4, 2, 2, 2],
            rows,
        );
    }
}

fn not_applicable(body: &mut Body, content: &Report) {
    body.heading(1, SECTIONS[5]);
    body.heading(
        2,
        &format!(
            "Out of scope for the organisation's profile ({})",
            content.excluded.len()
        ),
    );
    if content.excluded.is_empty() {
        body.text("None: every question applies.");
    }
    body.bullets(
        content
            .excluded
            .iter()
            .map(|q| (q.id, format!("{}. {}", q.title, q.reason))),
    );
    body.heading(
        2,
        &format!(
            "Marked not applicable, with a reason ({})",
            content.not_applicable.len()
        ),
    );
    if content.not_applicable.is_empty() {
        body.text("None.");
    }
    body.bullets(
        content
            .not_applicable
            .iter()
            .map(|q| (q.id, format!("{}. Reason: {}", q.title, q.reason))),
    );
    body.heading(
        2,
        &format!(
            "Marked not applicable without a reason ({})",
            content.needs_reason.len()
        ),
    );
    if content.needs_reason.is_empty() {
        body.text("None.");
    } else {
        body.text("These count as not answered until a reason is given.");
    }
    body.bullets(
        content
            .needs_reason
            .iter()
            .map(|q| (q.question.as_str(), q.title.clone())),
    );
}

fn method(body: &mut Body, content: &Report) {
    body.heading(1, SECTIONS[6]);
    body.heading(2, "The score");
    body.text(prose::SCORE_INTRO);
    let mut credits: Vec<Vec<Cell>> = content
        .credits
        .iter()
        .map(|(label, credit)| vec![Cell::bold(*label), Cell::text(credit.to_string())])
        .collect();
    credits.push(vec![
        Cell::bold("Don't know, not answered, or not applicable without a reason"),
        Cell::text("0"),
    ]);
    body.table(&["Answer", "Credit (thirds)"], &[3, 1], credits);
    let weights = content
        .weights
        .iter()
        .map(|(label, weight)| vec![Cell::bold(*label), Cell::text(weight.to_string())])
        .collect();
    body.table(&["Severity", "Weight"], &[3, 1], weights);
    body.text(prose::SCORE_RULE);
    body.heading(2, "The tier");
    body.text(prose::TIER_RULE);
    let mut header = vec!["Tier"];
    header.extend(content.weights.iter().map(|(label, _)| *label));
    header.push("Overall score");
    let mut weights = vec![3];
    weights.extend(content.weights.iter().map(|_| 2));
    weights.push(2);
    let rows = content
        .tiers
        .iter()
        .map(|t| {
            let mut row = vec![Cell::bold(format!("{} {}", t.number, t.name))];
            row.extend(t.minimums.iter().map(|m| Cell::text(*m)));
            row.push(Cell::text(t.score.as_str()));
            row
        })
        .collect();
    body.table(&header, &weights, rows);
    body.bullets(content.tiers.iter().map(|t| (t.name, t.meaning.to_owned())));
    body.heading(2, "The action plan");
    body.text(prose::PLAN_RULE);
}

fn sources(body: &mut Body, content: &Report) {
    body.heading(1, SECTIONS[7]);
    let rows = content
        .sources
        .iter()
        .map(|s| {
            let mut title = Cell::text(s.title.as_str());
            title.paragraphs.extend(s.url.clone());
            vec![
                Cell::bold(s.id.as_str()),
                Cell::text(s.publisher.as_str()),
                title,
                Cell::text(s.date.as_str()),
            ]
        })
        .collect();
    body.table(&["Id", "Publisher", "Title", "Date"], &[2, 3, 7, 2], rows);
}

fn about(body: &mut Body, content: &Report) {
    body.heading(1, SECTIONS[8]);
    let bank = content.bank;
    let mut fingerprint = Cell::text(format!("SHA-256 {}", content.fingerprint));
    fingerprint.paragraphs.push(prose::FINGERPRINT.to_owned());
    body.fields(vec![
        (
            "Question bank",
            Cell::text(format!(
                "version {}, checked against its sources on {}",
                bank.version, bank.reviewed_on
            )),
        ),
        (
            "Framework versions",
            Cell::text(format!(
                "{}; {}; {}; {}; {}",
                bank.csf_version,
                bank.cis_version,
                bank.cpg_version,
                bank.scuba_baselines,
                bank.attack_version
            )),
        ),
        (
            "App",
            Cell::text(format!(
                "version {}, {} edition",
                content.app_version, content.edition
            )),
        ),
        ("Generated at", Cell::text(content.generated_at)),
        ("Answer data fingerprint", fingerprint),
    ]);
    body.text(prose::PRIVACY);
}

/// Where the person who approves the report signs.
fn approval(body: &mut Body) {
    body.heading(1, SECTIONS[9]);
    body.text("Reviewed and approved for the organisation by:");
    let mut rows: Vec<Vec<Cell>> = ["Name", "Role", "Date"]
        .into_iter()
        .map(|label| vec![Cell::bold(label), Cell::default()])
        .collect();
    // Three empty lines: room to sign by hand on paper.
    let space = Cell {
        paragraphs: vec![String::new(); 3],
        bold: false,
    };
    rows.push(vec![Cell::bold("Signature"), space]);
    body.table(&["Approval", "To be filled in"], &[1, 3], rows);
}

/// The most characters of one typed text in the header or footer, which must stay one line: a
/// header taller than the page is more than word processors can lay out.
const HEADER_TEXT_LIMIT: usize = 80;

/// `text` on one line and at most [`HEADER_TEXT_LIMIT`] characters, cut with an ellipsis.
fn short(text: &str) -> String {
    cut(&crate::report::one_line(text), HEADER_TEXT_LIMIT)
}

/// "Organisation · assessment of 2024-05-01 · Confidential", as far as each is given.
fn header(content: &Report, label: &str) -> String {
    let date = if content.assessed_on.is_empty() {
        "undated".to_owned()
    } else {
        format!("assessment of {}", content.assessed_on)
    };
    let organisation = if content.organisation.trim().is_empty() {
        "Organisation not recorded"
    } else {
        content.organisation.as_ref()
    };
    let mut parts = vec![short(organisation), date];
    if !label.is_empty() {
        parts.push(short(label));
    }
    let text = parts.join(" · ");
    format!(
        "{XML_DECLARATION}<w:hdr {WORD_NAMESPACES}>{}</w:hdr>",
        paragraph(Some("Header"), &run(&text, false))
    )
}

/// "Confidential · Page 2 of 9".
fn footer(label: &str) -> String {
    let field = |name: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {name} </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    let lead = if label.is_empty() {
        String::new()
    } else {
        run(&format!("{} · ", short(label)), false)
    };
    let runs = format!(
        "{lead}{}{}{}{}",
        run("Page ", false),
        field("PAGE"),
        run(" of ", false),
        field("NUMPAGES")
    );
    format!(
        "{XML_DECLARATION}<w:ftr {WORD_NAMESPACES}>{}</w:ftr>",
        paragraph(Some("Footer"), &runs)
    )
}

fn document(body: &str) -> String {
    format!(
        "{XML_DECLARATION}<w:document {WORD_NAMESPACES}><w:body>{body}\
         <w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>\
         <w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
         <w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
         </w:sectPr></w:body></w:document>"
    )
}

/// The family scores as a horizontal bar chart; the numbers are cached in the part, which is all
/// Word and LibreOffice need to draw it.
fn chart(content: &Report) -> String {
    let count = content.families.len();
    let mut names = String::new();
    let mut values = String::new();
    for (i, family) in content.families.iter().enumerate() {
        names.push_str(&format!(
            "<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>",
            escape(family.title)
        ));
        values.push_str(&format!(
            "<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>",
            family.percent
        ));
    }
    let last = count + 1;
    format!(
        "{XML_DECLARATION}<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" \
         xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
         <c:roundedCorners val=\"0\"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Score by family, 0 to 100</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>\
         <c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/><c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>\
         <c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:v>Score</c:v></c:tx>\
         <c:spPr><a:solidFill><a:srgbClr val=\"2F5597\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>\
         <c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>\
         <c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last}</c:f><c:strCache><c:ptCount val=\"{count}\"/>{names}</c:strCache></c:strRef></c:cat>\
         <c:val><c:numRef><c:f>Sheet1!$B$2:$B${last}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"{count}\"/>{values}</c:numCache></c:numRef></c:val>\
         </c:ser><c:gapWidth val=\"60\"/><c:axId val=\"1\"/><c:axId val=\"2\"/></c:barChart>\
         <c:catAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/>\
         <c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>\
         <c:crossAx val=\"2\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>\
         <c:valAx><c:axId val=\"2\"/><c:scaling><c:orientation val=\"minMax\"/><c:max val=\"100\"/><c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"t\"/>\
         <c:majorGridlines/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>\
         <c:crossAx val=\"1\"/><c:crosses val=\"max\"/><c:crossBetween val=\"between\"/><c:majorUnit val=\"20\"/></c:valAx>\
         </c:plotArea><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>"
    )
}

fn core_properties(content: &Report, ctx: &ReportContext) -> String {
    let title = if content.organisation.trim().is_empty() {
        prose::TITLE.to_owned()
    } else {
        format!(
            "{}: {}",
            prose::TITLE,
            crate::report::one_line(&content.organisation)
        )
    };
    format!(
        "{XML_DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator>\
         <dc:description>Made by the Midnight Blizzard / ED 24-02 self-assessment, version {}</dc:description>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{}</dcterms:created></cp:coreProperties>",
        escape(&title),
        escape(&crate::report::one_line(&content.assessor)),
        escape(ctx.app_version),
        escape(ctx.generated_at)
    )
}

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const WORD_NAMESPACES: &str =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
    xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
    xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
    xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
    xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/word/charts/chart1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>\
<Relationship Id=\"rIdChart\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"charts/chart1.xml\"/>\
</Relationships>";

const APP_PROPERTIES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>Midnight Blizzard / ED 24-02 self-assessment</Application></Properties>";

/// Word asks to update the fields (the table of contents, page numbers) when the file opens.
const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>";

/// One bulleted list definition, for the ListBullet style.
const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>\
<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/>\
<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/// Word's built-in style names (lower-case "heading 1" is how Word knows its own headings), each
/// heading with its outline level for the navigation pane and the table of contents.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>\
<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:rPr><w:i/><w:color w:val=\"404040\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>\
<w:rPr><w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/></w:pPr>\
<w:rPr><w:b/><w:color w:val=\"2F5597\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/></w:pPr>\
<w:rPr><w:b/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>\
<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"28\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TOC2\"><w:name w:val=\"toc 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"220\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:color w:val=\"404040\"/><w:sz w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:color w:val=\"404040\"/><w:sz w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/>\
<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>\
<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>\
<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/></w:tblBorders></w:tblPr></w:style>\
</w:styles>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_texts_stay_on_one_short_line() {
        assert_eq!(short("Example\nHealth"), "Example Health");
        let long = short(&"x".repeat(500));
        assert_eq!(long.chars().count(), HEADER_TEXT_LIMIT);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn text_cannot_become_markup() {
        assert_eq!(
            escape("<w:t>&\"'\u{0}\u{ffff}ok"),
            "&lt;w:t&gt;&amp;&quot;&apos;ok"
        );
    }

    #[test]
    fn line_breaks_and_tabs_are_words_own() {
        assert_eq!(
            run("a\nb\tc", false),
            "<w:r><w:t xml:space=\"preserve\">a</w:t><w:br/><w:t xml:space=\"preserve\">b</w:t>\
             <w:tab/><w:t xml:space=\"preserve\">c</w:t></w:r>"
        );
    }
}
