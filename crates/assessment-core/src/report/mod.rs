//! Reports: the assessment as files to download, print, file in a ticket or feed to other tools.
//!
//! One entry point, [`render`], turns a [`ReportContext`] into one of five formats ([`ReportKind`]):
//! a self-contained printable HTML report, the assessment JSON the app re-opens, a POA&M-style CSV
//! action plan, a Markdown summary and OSCAL 1.2 assessment results. The formats and the
//! [`fingerprint`] are described for people in `docs/FORMATS.md`; keep the two in step.
//!
//! # Text typed by users
//!
//! Organisation, assessor, notes, owners, "not applicable" reasons and risk acceptances are
//! hostile until shown otherwise. Every format keeps them as text, never as markup or formulas:
//!
//! - The assessment JSON keeps them byte for byte (JSON escaping only), so the file re-opens to the
//!   identical assessment.
//! - The human-readable formats (HTML, CSV, Markdown and the descriptions of the OSCAL file) first
//!   pass them through [`clean`]: control characters other than tab and line feed are dropped,
//!   carriage returns become line feeds, and bidirectional embedding, override and isolate
//!   characters (U+202A–U+202E, U+2066–U+2069) are dropped so a name cannot reverse the text
//!   around it. Then each format escapes for itself: HTML by the template engine, CSV by quoting
//!   and a leading apostrophe on cells that a spreadsheet would read as a formula, Markdown and
//!   OSCAL markup by backslash escapes (and no line breaks inside table cells).
//!
//! Text from scanner files (tool versions, tenant names and domains, scan times, check ids and
//! verdicts) is treated the same way: it is the file's author's text, not ours. It reaches the
//! reports only through [`Provenance`], already cleaned and on one line, and each format escapes it
//! as it escapes user text.
//!
//! # Writes that cannot fail
//!
//! Writing to memory cannot fail, so those results are unwrapped with `unreachable!` rather than
//! `expect`: `expect` prints the error with `Debug`, which puts each error type's formatting code
//! into the browser build (5.7 KB gzip in all, docs/PERFORMANCE.md).

mod changes;
mod csv;
#[cfg(feature = "office")]
mod docx;
mod html;
mod markdown;
mod office;
mod oscal;
mod packed;
mod prose;
#[cfg(feature = "office")]
mod xlsx;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::borrow::Cow;

use crate::answers::AnswerType;
use crate::assessment::{ActionStatus, Assessment, Evidence};
use crate::content::{Bank, References};
use crate::dates::iso;
use crate::evaluation::Evaluation;
use crate::json::Json;
use crate::plan::{Flag, PlanItem};
use crate::scan::{ReportId, ScanSource, Tenant, Tool};

pub use changes::{changes_csv, changes_view, trend_view, ChangesView, TrendView};
#[cfg(feature = "office")]
pub use office::render_office;
pub use office::{Download, OfficeKind};
pub use oscal::{uuid_v5, OSCAL_VERSION, UUID_NAMESPACE};
#[cfg(feature = "office")]
pub use packed::render_packed_office;
pub use packed::{
    compare_packed, compare_page_packed, compare_picker_packed, link_packed, render_packed,
    trend_packed, ComparedFiles, Packed,
};

/// Everything a report is made from. The core has no clock: the caller supplies the time.
#[derive(Debug, Clone, Copy)]
pub struct ReportContext<'a> {
    pub bank: &'a Bank,
    pub assessment: &'a Assessment,
    /// `evaluate(bank, assessment, today)`: the results the report shows.
    pub evaluation: &'a Evaluation,
    /// When the report was made: RFC 3339 with a time zone, e.g. `2026-11-25T08:00:00Z`.
    pub generated_at: &'a str,
    /// The day the evaluation was made for (overdue actions, expired acceptances).
    pub today: NaiveDate,
    pub app_version: &'a str,
    /// Which build made the report: `"hosted"` or `"single-file"`.
    pub edition: &'a str,
    /// What changed since the previous assessment of its series, when it has one at hand.
    pub since: Option<&'a crate::compare::Comparison>,
}

/// The formats a report comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportKind {
    /// The printable report: one self-contained HTML file.
    Html,
    /// The assessment file the app re-opens ([`crate::savefile::save`]).
    Json,
    /// The action plan and accepted risks as a spreadsheet (POA&M style).
    Csv,
    /// A short summary for tickets and wikis.
    Markdown,
    /// OSCAL 1.2 assessment results, for compliance tooling.
    Oscal,
    /// The accepted risks as a ScubaGear configuration fragment (`OmitPolicy`), so the next scan
    /// honours the same decisions ([`crate::scuba_config`]).
    ScubaGearConfig,
}

impl ReportKind {
    /// Every format, in the order the app offers them.
    pub const ALL: [ReportKind; 6] = [
        ReportKind::Html,
        ReportKind::Json,
        ReportKind::Csv,
        ReportKind::Markdown,
        ReportKind::Oscal,
        ReportKind::ScubaGearConfig,
    ];

    /// The kind part of the file name, e.g. `action-plan`.
    pub fn file_kind(self) -> &'static str {
        match self {
            ReportKind::Html => "report",
            ReportKind::Json => "assessment",
            ReportKind::Csv => "action-plan",
            ReportKind::Markdown => "summary",
            ReportKind::Oscal => "oscal-assessment-results",
            ReportKind::ScubaGearConfig => "scubagear-omit",
        }
    }

    /// The kind whose [`ReportKind::file_kind`] is `name`.
    pub fn from_file_kind(name: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.file_kind() == name)
    }

    /// File extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ReportKind::Html => "html",
            ReportKind::Csv => "csv",
            ReportKind::Markdown => "md",
            ReportKind::Json | ReportKind::Oscal => "json",
            ReportKind::ScubaGearConfig => "yaml",
        }
    }

    /// Media type for the download.
    pub fn mime(self) -> &'static str {
        match self {
            ReportKind::Html => "text/html;charset=utf-8",
            ReportKind::Csv => "text/csv;charset=utf-8",
            ReportKind::Markdown => "text/markdown;charset=utf-8",
            ReportKind::Json | ReportKind::Oscal => "application/json",
            ReportKind::ScubaGearConfig => "application/yaml",
        }
    }

    /// What the file is, in a few words, e.g. "Action plan (CSV)".
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::Html => "Printable report (HTML)",
            ReportKind::Json => "Assessment file (JSON)",
            ReportKind::Csv => "Action plan (CSV)",
            ReportKind::Markdown => "Summary (Markdown)",
            ReportKind::Oscal => "OSCAL assessment results (JSON)",
            ReportKind::ScubaGearConfig => "Accepted risks for ScubaGear (YAML)",
        }
    }
}

/// The report of `kind` for `ctx`. The same context always gives the same bytes.
pub fn render(kind: ReportKind, ctx: &ReportContext) -> String {
    match kind {
        ReportKind::Html => html::render(ctx),
        ReportKind::Json => {
            crate::savefile::save(ctx.assessment, ctx.bank, ctx.app_version, ctx.generated_at)
        }
        ReportKind::Csv => csv::render(ctx),
        ReportKind::Markdown => markdown::render(ctx),
        ReportKind::Oscal => oscal::render(ctx),
        ReportKind::ScubaGearConfig => {
            let omissions = crate::scuba_config::omissions(ctx.bank, ctx.assessment, ctx.today);
            crate::scuba_config::omit_policy_yaml(&omissions, ctx.today, ctx.app_version)
        }
    }
}

/// `<organisation-slug>_<yyyy-mm-dd>_<kind>.<ext>`, dated by the assessment date (`undated`
/// without one), e.g. `acme_2024-05-01_action-plan.csv`.
pub fn file_name_for(kind: ReportKind, assessment: &Assessment) -> String {
    crate::files::file_name(
        &assessment.details.organisation,
        assessment.details.assessed_on,
        kind.file_kind(),
        kind.extension(),
    )
}

/// SHA-256, as 64 lower-case hex digits, of [`canonical_json`]: identifies the answer data
/// exactly, whatever the file it was saved in, when or by which version.
pub fn fingerprint(assessment: &Assessment) -> String {
    hex(&Sha256::digest(canonical_json(assessment).as_bytes()))
}

/// The canonical form of the answer data that [`fingerprint`] hashes.
///
/// It is the `assessment` object of the assessment file (details, answers and profile, every
/// field present, absent values as `null`; scan evidence only where there is some: an answer's
/// `evidence` is left out when it has none and `scans` when it is empty, so answer data without
/// evidence keeps the fingerprint it had before format 2; the series link `previous` is never in
/// it, as it says where the assessment sits, not what was answered, and linking must not change
/// the fingerprint another link names) written as JSON with:
///
/// - no whitespace between tokens;
/// - the keys of every object sorted by Unicode code point (byte order of their UTF-8);
/// - strings as serde_json writes them: UTF-8, with only `"`, `\` and U+0000–U+001F escaped, the
///   last as `\b \f \n \r \t` or `\u00xx` (lower-case hex); nothing else escaped, `/` included.
///
/// Python's `json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` gives
/// the same text for any assessment file's `assessment` value with those fields removed.
///
/// Written from the file's own description (`json::Codec`), so a field added to the file is in
/// the fingerprint; a test checks it against a generic key-sorting writer.
pub fn canonical_json(assessment: &Assessment) -> String {
    let mut value = crate::json::Codec::write(assessment);
    leave_out_absent_evidence(&mut value);
    let mut out = String::new();
    sorted(&value, &mut out);
    out
}

/// Removes `"evidence": null` from every answer, `"scans": []` and `previous` from the
/// assessment.
fn leave_out_absent_evidence(assessment: &mut Json) {
    let Json::Object(fields) = assessment else {
        return;
    };
    fields.retain(|(name, value)| {
        !(name == "scans" && *value == Json::List(Vec::new()) || name == "previous")
    });
    for (name, answers) in fields.iter_mut() {
        if let (true, Json::Object(answers)) = (name == "answers", answers) {
            for (_, record) in answers.iter_mut() {
                if let Json::Object(record) = record {
                    record.retain(|(name, value)| !(name == "evidence" && *value == Json::Null));
                }
            }
        }
    }
}

/// `value` as compact JSON with every object's keys sorted.
fn sorted(value: &Json, out: &mut String) {
    match value {
        Json::Object(fields) => {
            let mut fields: Vec<&(String, Json)> = fields.iter().collect();
            fields.sort_by(|a, b| a.0.cmp(&b.0));
            out.push('{');
            for (i, (name, value)) in fields.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, name);
                out.push(':');
                sorted(value, out);
            }
            out.push('}');
        }
        Json::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                sorted(item, out);
            }
            out.push(']');
        }
        Json::Text(text) => string(out, text),
        Json::Whole(number) => out.push_str(&number.to_string()),
        Json::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Json::Null | Json::OtherNumber => out.push_str("null"),
    }
}

/// A JSON string, escaped as serde_json escapes.
fn string(out: &mut String, text: &str) {
    out.push_str(
        &serde_json::to_string(text).unwrap_or_else(|_| unreachable!("a string serialises")),
    );
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 0xf)] as char);
    }
    out
}

/// User-typed text made safe to show in a human-readable format (see the module documentation):
/// drops control characters except tab and line feed, turns `\r\n` and `\r` into `\n`, and drops
/// bidirectional embedding, override and isolate characters. Borrowed when nothing changes.
pub fn clean(text: &str) -> Cow<'_, str> {
    let unwanted = |c: char| (c.is_control() && c != '\t' && c != '\n') || is_bidi_control(c);
    if !text.contains(unwanted) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            c if unwanted(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` on one line: cleaned, with every run of line breaks and tabs turned into one space.
pub fn one_line(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len());
    let mut gap = false;
    for c in cleaned.chars() {
        if c == '\n' || c == '\t' {
            gap = true;
        } else {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        }
    }
    out
}

/// `text` with at most `limit` characters, cut on a character boundary with an ellipsis. A field
/// holds up to [`crate::savefile::MAX_TEXT_CHARS`] characters and a scan's evidence joins several
/// texts, so the editable files, which have limits of their own, cut; the assessment file and the
/// other reports keep the text whole.
#[cfg(feature = "office")]
pub(crate) fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let mut kept: String = text.chars().take(limit - 1).collect();
    kept.push('…');
    kept
}

/// `yyyy-mm-dd`, or the empty string.
pub(crate) fn date_text(date: Option<NaiveDate>) -> String {
    date.map(iso).unwrap_or_default()
}

/// "Open", "In progress" or "Done".
pub(crate) fn status_label(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "Open",
        ActionStatus::InProgress => "In progress",
        ActionStatus::Done => "Done",
    }
}

/// A flag in one sentence, with its detail.
pub(crate) fn flag_text(flag: &Flag) -> String {
    match flag {
        Flag::Overdue { due } => format!("Overdue: it was due on {}", iso(*due)),
        Flag::AcceptanceNotValid { problems } => {
            let reasons: Vec<String> = problems.iter().map(|p| p.label()).collect();
            format!("Risk acceptance not valid: {}", reasons.join("; "))
        }
        Flag::DoneButAnswerNotUpdated => {
            "Marked done, but the answer still says not fully in place".into()
        }
    }
}

/// Framework references in one line, e.g. `CSF PR.AA-03; CIS 6.3`.
pub(crate) fn references_text(refs: &References) -> String {
    let lists = [
        ("CSF", &refs.csf),
        ("CIS", &refs.cis),
        ("CPG", &refs.cpg),
        ("ScubaGear", &refs.scuba),
        ("ATT&CK", &refs.attack),
    ];
    let parts: Vec<String> = lists
        .into_iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(name, ids)| format!("{name} {}", ids.join(", ")))
        .collect();
    parts.join("; ")
}

/// Where an imported answer came from, in the words every format shows (those of the question
/// card, docs/IMPORT.md): each text cleaned and on one line, escaped by the format that shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Provenance {
    /// The tool that made the scan, when the scan is recorded.
    pub tool: Option<Tool>,
    /// The scan: tool and version, report id or file hash, tenant and scan time, e.g. "ScubaGear
    /// 1.8.0 scan (report fa55…), tenant Contoso (contoso.example, id 0f3c…), scanned
    /// 2026-05-04T17:15:48Z".
    pub source: String,
    /// Each check with the tool's verdict, e.g. "MS.AAD.3.1v1 Fail; MS.AAD.3.2v1 Pass (the scan
    /// checked an earlier wording of MS.AAD.3.2v2)".
    pub checks: String,
    /// The person has changed the answer by hand since the import.
    pub changed_by_hand: bool,
    /// The answer the scan gave, in the question's words.
    pub scan_answer: &'static str,
}

impl Provenance {
    /// The provenance of `question`'s answer (of type `answer`), when it holds scan evidence.
    pub fn of(assessment: &Assessment, question: &str, answer: AnswerType) -> Option<Provenance> {
        let evidence = assessment.record(question)?.evidence.as_ref()?;
        Some(Provenance::new(evidence, assessment.scan(evidence), answer))
    }

    fn new(evidence: &Evidence, scan: Option<&ScanSource>, answer: AnswerType) -> Provenance {
        let source = match scan {
            Some(scan) => scan_text(scan),
            // Only a hand-edited file can name a scan it does not record: say so, with the id.
            None => format!("unrecorded scan (report {})", one_line(&evidence.scan)),
        };
        let checks: Vec<String> = evidence
            .checks
            .iter()
            .map(|check| {
                let mut text = format!("{} {}", one_line(&check.id), one_line(&check.verdict));
                if check.earlier_wording {
                    text.push_str(&format!(
                        " (the scan checked an earlier wording of {})",
                        one_line(&check.policy)
                    ));
                }
                text
            })
            .collect();
        Provenance {
            tool: scan.map(|scan| scan.tool),
            source,
            checks: checks.join("; "),
            changed_by_hand: evidence.changed_by_hand,
            scan_answer: answer.label(evidence.level),
        }
    }

    /// The scan and its verdicts in one sentence: "From the ScubaGear 1.8.0 scan (…), …:
    /// MS.AAD.3.1v1 Fail; MS.AAD.3.2v2 Pass."
    pub fn summary(&self) -> String {
        format!("From the {}: {}.", self.source, self.checks)
    }

    /// "Changed by hand since the import; the scan said “On”."
    pub fn changed_text(&self) -> String {
        format!(
            "Changed by hand since the import; the scan said \u{201c}{}\u{201d}.",
            self.scan_answer
        )
    }

    /// [`Provenance::summary`], then [`Provenance::changed_text`] when the answer was changed by
    /// hand: the whole provenance as the Markdown and OSCAL formats show it.
    pub fn sentence(&self) -> String {
        let mut text = self.summary();
        if self.changed_by_hand {
            text.push(' ');
            text.push_str(&self.changed_text());
        }
        text
    }
}

/// A part of a scan's description as far as the file gives it: on one line, `None` when blank.
fn given(part: &Option<String>) -> Option<String> {
    part.as_deref()
        .map(one_line)
        .filter(|text| !text.trim().is_empty())
}

/// "ScubaGear 1.8.0 scan (report …), tenant …, scanned …"; what the file does not give is
/// said to be not given rather than left out, so a reader knows it was not lost.
fn scan_text(scan: &ScanSource) -> String {
    let mut report = match &scan.report {
        ReportId::Uuid(uuid) => format!("report {}", one_line(uuid)),
        ReportId::Sha256(hex) => format!("file SHA-256 {}", one_line(hex)),
    };
    let version = match given(&scan.tool_version) {
        Some(version) => format!(" {version}"),
        None => {
            report.push_str(", version not given");
            String::new()
        }
    };
    let scanned = given(&scan.scanned_at).map_or_else(
        || "scan time not given".to_owned(),
        |at| format!("scanned {at}"),
    );
    format!(
        "{}{version} scan ({report}), {}, {scanned}",
        scan.tool.label(),
        tenant_text(&scan.tenant)
    )
}

/// "tenant Contoso (contoso.example, id 0f3c…)", each part as far as the file gives it.
fn tenant_text(tenant: &Tenant) -> String {
    let (name, domain, id) = (
        given(&tenant.name),
        given(&tenant.domain),
        given(&tenant.id),
    );
    let mut details: Vec<String> = Vec::new();
    let lead = match (name, domain) {
        (Some(name), domain) => {
            details.extend(domain);
            Some(name)
        }
        (None, domain) => domain,
    };
    details.extend(id.map(|id| format!("id {id}")));
    match (lead, details.is_empty()) {
        (None, true) => "tenant not given".to_owned(),
        (None, false) => format!("tenant {}", details.join(", ")),
        (Some(lead), true) => format!("tenant {lead}"),
        (Some(lead), false) => format!("tenant {lead} ({})", details.join(", ")),
    }
}

/// One row of the action plan or of the accepted risks, with every text ready to show.
#[derive(Debug, Clone)]
pub(crate) struct Action<'a> {
    pub item: &'a PlanItem,
    /// Listed among the accepted risks rather than the open plan.
    pub accepted: bool,
    pub family: &'a str,
    /// The first step (for unknown answers) and the remedy, as one text.
    pub action: String,
    pub owner: Cow<'a, str>,
    /// "Open", "In progress", "Done" or, for accepted risks, "Risk accepted".
    pub status: &'static str,
    pub due: String,
    pub flags: Vec<String>,
    pub sources: String,
    pub references: String,
    pub justification: Cow<'a, str>,
    pub approver: Cow<'a, str>,
    pub expires: String,
}

impl<'a> Action<'a> {
    pub fn new(bank: &'a Bank, item: &'a PlanItem, accepted: bool) -> Action<'a> {
        let action = match &item.first_step {
            Some(step) => format!("First step: {} Then: {}", step.sentence(), item.what),
            None => item.what.clone(),
        };
        let acceptance = item.risk_acceptance.as_ref();
        Action {
            item,
            accepted,
            family: bank
                .family(&item.family)
                .map_or(item.family.as_str(), |f| f.title.as_str()),
            action,
            owner: clean(&item.owner),
            status: if accepted {
                "Risk accepted"
            } else {
                status_label(item.status)
            },
            due: date_text(item.due.date),
            flags: item.flags.iter().map(flag_text).collect(),
            sources: item.sources.join(", "),
            references: references_text(&item.references),
            justification: acceptance.map_or(Cow::Borrowed(""), |a| clean(&a.justification)),
            approver: acceptance.map_or(Cow::Borrowed(""), |a| clean(&a.approver)),
            expires: date_text(acceptance.and_then(|a| a.expires_on)),
        }
    }

    /// Every open action in reading order, then every accepted risk.
    pub fn all(ctx: &ReportContext<'a>) -> Vec<Action<'a>> {
        let evaluation = ctx.evaluation;
        evaluation
            .plan
            .items()
            .map(|item| Action::new(ctx.bank, item, false))
            .chain(
                evaluation
                    .accepted_risks
                    .iter()
                    .map(|item| Action::new(ctx.bank, item, true)),
            )
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_keeps_text_and_drops_controls() {
        assert!(matches!(clean("plain text\twith\nlines"), Cow::Borrowed(_)));
        assert_eq!(clean("a\u{0}b\u{7}c\u{1b}[31m"), "abc[31m");
        assert_eq!(clean("one\r\ntwo\rthree"), "one\ntwo\nthree");
        assert_eq!(clean("\u{202e}evil\u{2066}x\u{2069}"), "evilx");
        assert_eq!(clean("\u{7f}\u{85}ok"), "ok");
        assert_eq!(clean("שלום עליכם"), "שלום עליכם");
    }

    #[test]
    fn one_line_joins_lines() {
        assert_eq!(one_line("a\n\n b\tc\r\n"), "a  b c");
        assert_eq!(one_line("\nlead"), "lead");
    }

    #[test]
    fn a_tenant_is_named_as_far_as_the_file_gives_it() {
        let tenant = |name: Option<&str>, domain: Option<&str>, id: Option<&str>| {
            tenant_text(&Tenant {
                id: id.map(str::to_owned),
                name: name.map(str::to_owned),
                domain: domain.map(str::to_owned),
            })
        };
        assert_eq!(
            tenant(Some("Contoso"), Some("contoso.example"), Some("0f3c")),
            "tenant Contoso (contoso.example, id 0f3c)"
        );
        assert_eq!(tenant(Some("Contoso"), None, None), "tenant Contoso");
        assert_eq!(
            tenant(None, Some("contoso.example"), Some("0f3c")),
            "tenant contoso.example (id 0f3c)"
        );
        assert_eq!(
            tenant(None, Some("contoso.example"), None),
            "tenant contoso.example"
        );
        assert_eq!(tenant(None, None, Some("0f3c")), "tenant id 0f3c");
        assert_eq!(tenant(Some(" "), Some("\n"), None), "tenant not given");
        assert_eq!(
            tenant(Some("Con\u{202e}toso\r\nHealth"), None, None),
            "tenant Contoso Health"
        );
    }

    #[cfg(feature = "office")]
    #[test]
    fn long_text_is_cut_to_the_limit() {
        let long = "é".repeat(110);
        let kept = cut(&long, 100);
        assert_eq!(kept.chars().count(), 100);
        assert!(kept.ends_with('…'));
        assert_eq!(cut("short", 5), "short");
    }

    #[test]
    fn hex_is_lower_case() {
        assert_eq!(hex(&[0x00, 0xab, 0x7f]), "00ab7f");
    }
}
