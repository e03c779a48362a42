//! Taking a scan into an assessment: the preview of what it would change, and applying the
//! person's choices.
//!
//! Nothing here changes an assessment until [`apply`]: [`preview`] works out, for each question
//! whose evidence rule (`Question::evidence`) the scan settles, the answer it gives and how that
//! meets what is recorded; which mapped questions it cannot settle and why; and what it checked
//! that no question uses. Answers given by hand are never replaced unless the person takes the
//! scan's answer for that question (docs/IMPORT.md).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::answers::{Level, Response};
use crate::assessment::{AnswerRecord, Assessment, Evidence, EvidenceCheck};
use crate::content::{Bank, Combine, EvidenceRule, Question};
use crate::json::{self, Codec, Json, Problem, ProblemKind};
use crate::profile::Facts;
use crate::scan::{Check, Outcome, Scan, ScanKind, ScanSource, Tenant};
use crate::scuba::{PolicyId, Recognised, ScubaTable};

/// A scan older than this many days is called out before it is taken in.
pub const STALE_AFTER_DAYS: i64 = 90;

/// Everything an import would do, for the person to check before anything changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub source: ScanSource,
    pub kind: ScanKind,
    /// The file was damaged after its results; what came before was used.
    pub damaged: bool,
    /// Questions the scan answers, in bank order.
    pub rows: Vec<Row>,
    /// Questions the scan has checks for but cannot settle, in bank order.
    pub undecided: Vec<Undecided>,
    /// Checks no question uses, in file order.
    pub unused: Vec<UnusedCheck>,
    /// Ids that look like SCuBA policies but are not in the policy table.
    pub unknown_policies: Vec<String>,
    /// Ids the file gives more than once (the first was used).
    pub duplicate_ids: Vec<String>,
    /// A tenant of an earlier scan of this assessment that is not the scan's tenant.
    pub other_tenant: Option<Tenant>,
    /// The day the scan ran, when the file's date can be read.
    pub scanned_on: Option<NaiveDate>,
}

impl Preview {
    /// Days from the scan to `today`, when the file's date can be read.
    pub fn age_days(&self, today: NaiveDate) -> Option<i64> {
        self.scanned_on.map(|day| (today - day).num_days())
    }

    /// The scan is older than [`STALE_AFTER_DAYS`] on `today`.
    pub fn stale(&self, today: NaiveDate) -> bool {
        self.age_days(today)
            .is_some_and(|days| days > STALE_AFTER_DAYS)
    }

    /// The rows where a hand answer and the scan disagree.
    pub fn conflicts(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|row| row.kind == RowKind::Conflict)
    }

    /// The rows that would change an answer if taken (every row but confirmations).
    pub fn changes(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|row| row.kind != RowKind::Confirms)
    }
}

/// One question the scan answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub question: String,
    /// What is recorded now.
    pub from: Option<Response>,
    /// The answer the scan gives.
    pub to: Level,
    /// The checks that decided it.
    pub checks: Vec<EvidenceCheck>,
    pub kind: RowKind,
    /// What taking the scan's answer would change, classified as comparing two assessments
    /// does (`compare::QuestionChange::kinds_text`), e.g. "Newly answered, improved"; empty when
    /// it changes nothing the comparison counts.
    pub change: String,
}

/// How the scan's answer meets what is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Unanswered so far.
    New,
    /// The answer came from an earlier scan and was not changed by hand: a newer scan updates it.
    Update,
    /// The recorded answer is the scan's answer; only the evidence is added or refreshed.
    Confirms,
    /// Answered by hand, differently: the person chooses.
    Conflict,
}

/// A question the scan has checks for but cannot settle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undecided {
    pub question: String,
    /// The mapped checks the scan holds that decide nothing, with what they say.
    pub checks: Vec<UndecidedCheck>,
    /// Mapped policies the scan does not report at all.
    pub missing: Vec<String>,
}

/// A mapped check that decides nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndecidedCheck {
    pub check: EvidenceCheck,
    pub outcome: Outcome,
}

/// A check no question uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnusedCheck {
    pub id: String,
    pub result: String,
    pub title: String,
}

/// For each conflict row, whether the person takes the scan's answer (`true`) or keeps theirs.
pub type Choices = BTreeMap<String, bool>;

/// What `scan` would do to `assessment`, as of `today`.
pub fn preview(bank: &Bank, table: &ScubaTable, assessment: &Assessment, scan: &Scan) -> Preview {
    let matched = match_checks(table, &scan.checks);
    let facts = Facts::from_answers(bank, &assessment.profile);
    let mut used = BTreeSet::new();
    let mut rows = Vec::new();
    let mut undecided = Vec::new();
    for question in &bank.questions {
        let Some(rule) = &question.evidence else {
            continue;
        };
        if !facts.applies(question) {
            continue;
        }
        let found: Vec<Option<&Matched>> = rule
            .policies
            .iter()
            .map(|policy| matched.get(policy.as_str()))
            .collect();
        if found.iter().all(Option::is_none) {
            continue;
        }
        used.extend(found.iter().flatten().map(|m| m.check.id.as_str()));
        match settle(question, rule, &found) {
            Some(level) => rows.push(row(
                question,
                assessment.record(&question.id),
                level,
                &found,
            )),
            None => undecided.push(unsettled(rule, &found, &question.id)),
        }
    }
    Preview {
        source: scan.source.clone(),
        kind: scan.kind.clone(),
        damaged: scan.damaged,
        rows,
        undecided,
        unused: unused_checks(&scan.checks, &used),
        unknown_policies: unknown_policies(table, &scan.checks),
        duplicate_ids: scan.duplicate_ids.clone(),
        other_tenant: assessment
            .scans
            .iter()
            .find(|earlier| earlier.tenant.differs_from(&scan.source.tenant))
            .map(|earlier| earlier.tenant.clone()),
        scanned_on: scan_date(scan.source.scanned_at.as_deref()),
    }
}

/// A scan check recognised as a SCuBA policy.
struct Matched<'a> {
    check: &'a Check,
    recognised: Recognised<'a>,
}

impl Matched<'_> {
    fn evidence(&self) -> EvidenceCheck {
        EvidenceCheck {
            id: self.check.id.clone(),
            policy: self.recognised.policy.id.clone(),
            verdict: self.check.verdict().to_owned(),
            earlier_wording: self.recognised.differs(),
        }
    }
}

/// The scan's checks by the current id of the policy they check; the first check of a policy wins.
fn match_checks<'a>(table: &'a ScubaTable, checks: &'a [Check]) -> BTreeMap<&'a str, Matched<'a>> {
    let mut matched = BTreeMap::new();
    for check in checks {
        if let Some(recognised) = table.recognise(&check.id) {
            matched
                .entry(recognised.policy.id.as_str())
                .or_insert(Matched { check, recognised });
        }
    }
    matched
}

/// The answer the checks give under the question's rule, or `None` when they do not settle it.
fn settle(question: &Question, rule: &EvidenceRule, found: &[Option<&Matched>]) -> Option<Level> {
    let outcomes: Vec<Option<Outcome>> = found.iter().map(|m| m.map(|m| m.check.outcome)).collect();
    let passes = outcomes
        .iter()
        .filter(|o| **o == Some(Outcome::Pass))
        .count();
    let all_decide = outcomes.iter().all(|o| o.is_some_and(Outcome::decides));
    let level = match rule.combine {
        Combine::All if !all_decide => return None,
        Combine::All if passes == outcomes.len() => Level::Fully,
        Combine::All if passes > 0 => Level::Partial,
        Combine::Any if passes > 0 => Level::Fully,
        Combine::Any if !all_decide => return None,
        Combine::All | Combine::Any => Level::None,
    };
    Some(question.answer.migrate(level))
}

fn row(
    question: &Question,
    record: Option<&AnswerRecord>,
    to: Level,
    found: &[Option<&Matched>],
) -> Row {
    let from = record.and_then(|r| r.response.clone());
    let from_scan = record
        .and_then(|r| r.evidence.as_ref())
        .is_some_and(|e| !e.changed_by_hand);
    let kind = match &from {
        None => RowKind::New,
        Some(Response::Implemented { level }) if *level == to => RowKind::Confirms,
        Some(_) if from_scan => RowKind::Update,
        Some(_) => RowKind::Conflict,
    };
    Row {
        question: question.id.clone(),
        from,
        to,
        checks: found.iter().flatten().map(|m| m.evidence()).collect(),
        kind,
        change: String::new(),
    }
}

fn unsettled(rule: &EvidenceRule, found: &[Option<&Matched>], id: &str) -> Undecided {
    let checks = found
        .iter()
        .flatten()
        .filter(|m| !m.check.outcome.decides())
        .map(|m| UndecidedCheck {
            check: m.evidence(),
            outcome: m.check.outcome,
        })
        .collect();
    let missing = rule
        .policies
        .iter()
        .zip(found)
        .filter(|(_, m)| m.is_none())
        .map(|(policy, _)| policy.clone())
        .collect();
    Undecided {
        question: id.to_owned(),
        checks,
        missing,
    }
}

fn unused_checks(checks: &[Check], used: &BTreeSet<&str>) -> Vec<UnusedCheck> {
    checks
        .iter()
        .filter(|check| !used.contains(check.id.as_str()))
        .map(|check| UnusedCheck {
            id: check.id.clone(),
            result: check.result.clone(),
            title: check.title.clone(),
        })
        .collect()
}

/// Ids shaped like SCuBA policies (`MS.AAD.3.1v1`, `CISA.MS.AAD.3.1`) the table does not know.
fn unknown_policies(table: &ScubaTable, checks: &[Check]) -> Vec<String> {
    checks
        .iter()
        .map(|check| check.id.trim())
        .filter(|id| {
            let id = id.strip_prefix("CISA.").unwrap_or(id);
            PolicyId::parse(id).is_some() || PolicyId::parse_base(id).is_some()
        })
        .filter(|id| table.recognise(id).is_none())
        .map(str::to_owned)
        .collect()
}

/// The day a scan ran, from an ISO 8601 time (`2026-05-07T14:02:11Z`, `2026-05-07T16:02:11+02:00`)
/// or a US local date string as ScubaGear v1.0–v1.3 wrote it (`11/15/2023 11:32:22 ...`).
pub fn scan_date(scanned_at: Option<&str>) -> Option<NaiveDate> {
    let text = scanned_at?.trim();
    if let Some(date) = text.get(..10).and_then(crate::dates::parse_iso) {
        return Some(date);
    }
    let first = text.split_whitespace().next()?;
    NaiveDate::parse_from_str(first, "%m/%d/%Y").ok()
}

/// The assessment after taking the scan in: every row but the conflicts the person keeps gets
/// the scan's answer and evidence; a kept conflict keeps its answer and gets the evidence marked
/// as changed by hand, so the record shows what the scan said. The scan is recorded in
/// `Assessment::scans` (replacing an earlier import of the same report), and scans no answer
/// names any more are forgotten.
pub fn apply(assessment: &Assessment, preview: &Preview, take: &Choices) -> Assessment {
    let mut next = assessment.clone();
    let scan = preview.source.report.text();
    for row in &preview.rows {
        let record = next.answers.entry(row.question.clone()).or_default();
        // An answer changed since the preview was made is a conflict too: never replaced unchosen.
        let unchanged = record.response == row.from;
        let chosen = take.get(&row.question) == Some(&true);
        let taken = chosen || (row.kind != RowKind::Conflict && unchanged);
        if taken {
            record.response = Some(Response::Implemented { level: row.to });
        }
        record.evidence = Some(Evidence {
            scan: scan.clone(),
            checks: row.checks.clone(),
            level: row.to,
            changed_by_hand: !taken,
        });
    }
    next.scans
        .retain(|earlier| earlier.report != preview.source.report);
    next.scans.push(preview.source.clone());
    next.drop_unused_scans();
    next
}

// ---------------------------------------------------------------------------------------------
// The preview as JSON: the on-demand module reads the scan and works out the preview, and hands
// it to the app in the assessment file's own JSON code, so one description serves both sides.

/// What reading a scanner file gave: a preview, or the tenants of a multi-tenant file to choose
/// from first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Boxed: a preview is far larger than a list of tenants.
    Preview {
        preview: Box<Preview>,
    },
    Tenants {
        tenants: Vec<TenantOption>,
    },
}

/// One tenant of a multi-tenant Maester file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantOption {
    pub tenant: Tenant,
    pub scanned_at: Option<String>,
    /// How many checks the tenant's result holds.
    pub checks: u32,
}

/// Reads a scanner file and previews it against `assessment`. For a file holding several
/// tenants, `tenant` picks one by its place in the file; without it the tenants are listed.
pub fn read_scan(
    bank: &Bank,
    table: &ScubaTable,
    assessment: &Assessment,
    bytes: &[u8],
    file_name: &str,
    tenant: Option<usize>,
) -> Result<Reading, crate::scan::ScanError> {
    let scan = match crate::scan::read(bytes, file_name)? {
        crate::scan::ScanFile::One(scan) => scan,
        crate::scan::ScanFile::Tenants(scans) => match tenant.and_then(|i| scans.get(i)) {
            Some(scan) => scan.clone(),
            None => {
                let tenants = scans.iter().map(tenant_option).collect();
                return Ok(Reading::Tenants { tenants });
            }
        },
    };
    let mut preview = Box::new(preview(bank, table, assessment, &scan));
    classify(bank, assessment, &mut preview);
    Ok(Reading::Preview { preview })
}

/// Says on each row what taking the scan's answer would change, with the comparison's own
/// classification: the assessment as it is against the assessment with every row taken.
fn classify(bank: &Bank, assessment: &Assessment, preview: &mut Preview) {
    let every: Choices = preview
        .rows
        .iter()
        .map(|row| (row.question.clone(), true))
        .collect();
    // Both sides on one day (the earlier side would otherwise be taken on its assessment date),
    // so only the scan's answers and evidence tell them apart.
    let mut now = assessment.clone();
    now.details.assessed_on = None;
    let taken = apply(&now, preview, &every);
    let side = |assessment| crate::compare::Side {
        assessment,
        bank_version: &bank.version,
    };
    let day = preview.scanned_on.unwrap_or_default();
    let history = crate::history::History::default();
    let comparison = crate::compare::compare(bank, &history, side(&now), side(&taken), day);
    for row in &mut preview.rows {
        if let Some(change) = comparison
            .questions
            .iter()
            .find(|q| q.question == row.question)
        {
            row.change = change.kinds_text();
        }
    }
}

/// The answer to the app's "read this scanner file" (the on-demand module's `read_scan`), in
/// the plain types that cross to JavaScript: the reading as JSON text ([`Reading::to_text`]), or
/// a sentence for the person, or [`NOT_A_SCAN`].
pub fn read_packed(
    bank: &[u8],
    table: &[u8],
    assessment_file: &str,
    scan: &[u8],
    file_name: &str,
    tenant: i32,
) -> Result<String, String> {
    let bank = Bank::from_bytes(bank).map_err(|e| e.to_string())?;
    let table = ScubaTable::from_bytes(table)?;
    let assessment = crate::savefile::open(assessment_file.as_bytes(), &bank)
        .map_err(|e| e.to_string())?
        .assessment;
    let tenant = usize::try_from(tenant).ok();
    match read_scan(&bank, &table, &assessment, scan, file_name, tenant) {
        Ok(reading) => Ok(reading.to_text()),
        // An empty (or blank) file says nothing of a scanner: the app gives the assessment
        // reader's own reason, which also covers a blank file over its size limit.
        Err(crate::scan::ScanError::NotAScan | crate::scan::ScanError::Empty) => {
            Err(NOT_A_SCAN.to_owned())
        }
        Err(error) => Err(error.to_string()),
    }
}

/// What `read_packed` answers for a file that is no scanner file.
pub const NOT_A_SCAN: &str = "not-a-scan";

fn tenant_option(scan: &Scan) -> TenantOption {
    TenantOption {
        tenant: scan.source.tenant.clone(),
        scanned_at: scan.source.scanned_at.clone(),
        checks: u32::try_from(scan.checks.len()).unwrap_or(u32::MAX),
    }
}

impl crate::keys::Keyed for Outcome {
    const ALL: &'static [Outcome] = &[
        Outcome::Pass,
        Outcome::NotMet,
        Outcome::Manual,
        Outcome::Omitted,
        Outcome::LicenceMissing,
        Outcome::NotRun,
        Outcome::Error,
        Outcome::Unknown,
    ];

    fn key(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::NotMet => "not-met",
            Outcome::Manual => "manual",
            Outcome::Omitted => "omitted",
            Outcome::LicenceMissing => "licence-missing",
            Outcome::NotRun => "not-run",
            Outcome::Error => "error",
            Outcome::Unknown => "unknown",
        }
    }
}

impl crate::keys::Keyed for RowKind {
    const ALL: &'static [RowKind] = &[
        RowKind::New,
        RowKind::Update,
        RowKind::Confirms,
        RowKind::Conflict,
    ];

    fn key(self) -> &'static str {
        match self {
            RowKind::New => "new",
            RowKind::Update => "update",
            RowKind::Confirms => "confirms",
            RowKind::Conflict => "conflict",
        }
    }
}

/// A scan kind as text: `scubagear-merged`, `scubagear-product:AAD`, `scubagear-rego`, `maester`.
impl Codec for ScanKind {
    fn read(value: &Json, path: &str) -> Result<ScanKind, Problem> {
        let text = String::read(value, path)?;
        Ok(match text.as_str() {
            "scubagear-merged" => ScanKind::ScubaGearMerged,
            "scubagear-rego" => ScanKind::ScubaGearRego,
            "maester" => ScanKind::Maester,
            other => match other.strip_prefix("scubagear-product:") {
                Some(product) => ScanKind::ScubaGearProduct(product.to_owned()),
                None => {
                    let allowed = vec![
                        "scubagear-merged",
                        "scubagear-product:…",
                        "scubagear-rego",
                        "maester",
                    ];
                    let kind = ProblemKind::NotOneOf {
                        value: text,
                        allowed,
                    };
                    return Err(Problem::new(path, kind));
                }
            },
        })
    }

    fn write(&self) -> Json {
        Json::Text(match self {
            ScanKind::ScubaGearMerged => "scubagear-merged".to_owned(),
            ScanKind::ScubaGearProduct(product) => format!("scubagear-product:{product}"),
            ScanKind::ScubaGearRego => "scubagear-rego".to_owned(),
            ScanKind::Maester => "maester".to_owned(),
        })
    }
}

json::keyed!(Outcome, RowKind);

json::tagged!(Reading by "reading" {
    "preview" => Preview { preview: required },
    "tenants" => Tenants { tenants: required },
});

json::object!(TenantOption {
    tenant: required,
    scanned_at: optional,
    checks: required,
});

json::object!(Preview {
    source: required,
    kind: required,
    damaged: optional,
    rows: optional,
    undecided: optional,
    unused: optional,
    unknown_policies: optional,
    duplicate_ids: optional,
    other_tenant: optional,
    scanned_on: optional,
});

json::object!(Row {
    question: required,
    from: optional,
    to: required,
    checks: required,
    kind: required,
    change: optional,
});

json::object!(Undecided {
    question: required,
    checks: optional,
    missing: optional,
});

json::object!(UndecidedCheck {
    check: required,
    outcome: required,
});

json::object!(UnusedCheck {
    id: required,
    result: required,
    title: optional,
});

impl Reading {
    /// The reading as JSON text, for the app.
    pub fn to_text(&self) -> String {
        self.write().to_text()
    }

    /// Reads what [`Reading::to_text`] wrote.
    pub fn from_text(text: &str) -> Option<Reading> {
        let value = Json::parse(text).ok()?;
        Reading::read(&value, "").ok()
    }
}
