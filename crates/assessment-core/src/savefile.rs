//! The assessment file: the versioned JSON the app saves, exports and re-opens.
//!
//! Every file is hostile until checked. `open` either returns an assessment that passes every
//! rule, together with a plain account of anything it could not keep, or an error in plain
//! language naming the problem. It never panics, whatever the bytes.
//!
//! The format is described once, below: each stored type's fields in one `json::object!` (or
//! `json::tagged!`) list that both reads a file and writes one.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use crate::answers::{Level, Response};
use crate::assessment::{
    ActionStatus, AnswerRecord, Assessment, Details, Evidence, EvidenceCheck, PreviousLink,
    RiskAcceptance,
};
use crate::content::Bank;
use crate::json::{self, Codec, Json, ParseError, Problem, ProblemKind};
use crate::scan::{ReportId, ScanSource, Tenant, Tool};

/// What every assessment file says it is, so other JSON is recognised at once.
pub const FILE_KIND: &str = "midnight-blizzard-self-assessment";

/// The file format version this code writes. Older versions are migrated on opening.
pub const CURRENT_VERSION: u32 = 3;

/// Files larger than this are refused before parsing: a real assessment is well under 1 MB.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The longest text accepted in any one field.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// The envelope around an assessment, format version 3 (the current one), 2 and 1. Version 2 added
/// scan evidence (`assessment.scans`, `evidence` on an answer); version 3 the link to the
/// previous assessment of a series (`assessment.previous`). An older file has none of the newer
/// fields and reads as an assessment without them. `kind` and `version` are checked by [`open`] before
/// the rest is read.
struct FileV2<'a> {
    kind: String,
    version: u32,
    app_version: String,
    content_version: String,
    /// When the file was written (RFC 3339, supplied by the caller: the core has no clock).
    saved_at: String,
    assessment: Cow<'a, Assessment>,
}

json::object!(FileV2<'a> {
    kind: required,
    version: required,
    app_version: optional,
    content_version: optional,
    saved_at: optional,
    assessment: required,
});

json::object!(Assessment {
    details: optional,
    answers: optional,
    profile: optional,
    scans: optional,
    previous: optional,
});

json::object!(PreviousLink {
    entry: required,
    fingerprint: required,
    assessed_on: optional,
});

json::object!(Details {
    organisation: optional,
    assessor: optional,
    assessed_on: optional,
    notified_on: optional,
});

json::object!(AnswerRecord {
    response: optional,
    note: optional,
    owner: optional,
    target_date: optional,
    action_status: optional,
    risk_acceptance: optional,
    evidence: optional,
});

json::object!(Evidence {
    scan: required,
    checks: required,
    level: required,
    changed_by_hand: optional,
});

json::object!(EvidenceCheck {
    id: required,
    policy: required,
    verdict: required,
    earlier_wording: optional,
});

json::object!(ScanSource {
    tool: required,
    tool_version: optional,
    report: required,
    tenant: optional,
    scanned_at: optional,
});

json::object!(Tenant {
    id: optional,
    name: optional,
    domain: optional,
});

/// A report id is stored as its text: the tool's UUID, or `sha256:<hex>`.
impl Codec for ReportId {
    fn read(value: &Json, path: &str) -> Result<ReportId, Problem> {
        String::read(value, path).map(|text| ReportId::from_text(&text))
    }

    fn write(&self) -> Json {
        Json::Text(self.text())
    }
}

json::tagged!(Response by "state" {
    "implemented" => Implemented { level: required },
    "not-applicable" => NotApplicable { reason: required },
    "dont-know" => DontKnow {},
});

json::object!(RiskAcceptance {
    justification: required,
    approver: required,
    expires_on: optional,
});

json::keyed!(Level, ActionStatus, Tool);

/// Writes an assessment in the current format, pretty-printed so people can read and diff it.
pub fn save(assessment: &Assessment, bank: &Bank, app_version: &str, saved_at: &str) -> String {
    FileV2 {
        kind: FILE_KIND.to_owned(),
        version: CURRENT_VERSION,
        app_version: app_version.to_owned(),
        content_version: bank.version.clone(),
        saved_at: saved_at.to_owned(),
        assessment: Cow::Borrowed(assessment),
    }
    .write()
    .to_pretty_text()
}

/// A successfully opened file: the assessment, and what could not be kept, in plain words.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub assessment: Assessment,
    /// The format version the file was written in.
    pub version: u32,
    /// The app and content versions the file names, for display.
    pub app_version: String,
    pub content_version: String,
    /// One note per thing that was not kept or was changed on the way in. Empty when the file
    /// was taken over whole.
    pub notes: Vec<OpenNote>,
}

/// Something in an opened file that was not kept. `Display` gives the sentence shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenNote {
    /// Answers to questions the current bank does not have, by question id.
    UnknownQuestions { ids: Vec<String> },
    /// Profile answers (question id, option id) that do not match the current profile questions.
    UnknownProfileAnswers { answers: Vec<(String, String)> },
    /// Answers on a step the question no longer offers (files from bank 2026.11 and earlier used
    /// one four-step scale for every question), moved to the step that claims no more:
    /// (question id, old label, new label).
    AnswersMigrated {
        changes: Vec<(String, String, String)>,
    },
    /// Scan evidence that names no scan of the file, or an answer the question does not offer,
    /// by question id: the answers were kept, the evidence was not.
    EvidenceDropped { ids: Vec<String> },
}

impl fmt::Display for OpenNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenNote::UnknownQuestions { ids } => write!(
                f,
                "{} answer(s) refer to questions this version of the question bank does not have, and were not kept: {}.",
                ids.len(),
                ids.join(", ")
            ),
            OpenNote::UnknownProfileAnswers { answers } => {
                let answers: Vec<String> = answers
                    .iter()
                    .map(|(question, option)| format!("{question} = {option}"))
                    .collect();
                write!(
                    f,
                    "{} organisation-profile answer(s) do not match this version's profile questions, and were not kept: {}. Those questions are shown unanswered.",
                    answers.len(),
                    answers.join(", ")
                )
            }
            OpenNote::AnswersMigrated { changes } => {
                let changes: Vec<String> = changes
                    .iter()
                    .map(|(id, old, new)| format!("{id} \u{201c}{old}\u{201d} is now \u{201c}{new}\u{201d}"))
                    .collect();
                write!(
                    f,
                    "{} answer(s) were given on a scale these questions no longer use and were moved to the answer that claims no more: {}. Check them.",
                    changes.len(),
                    changes.join("; ")
                )
            }
            OpenNote::EvidenceDropped { ids } => write!(
                f,
                "The scan evidence of {} answer(s) did not match a scan in the file and was not kept; the answers themselves were: {}.",
                ids.len(),
                ids.join(", ")
            ),
        }
    }
}

/// Why a file could not be opened. `Display` gives the message shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    NotText,
    Truncated {
        line: usize,
    },
    NotJson {
        line: usize,
        column: usize,
    },
    /// More values than any assessment holds (see `json::MAX_VALUES`).
    TooManyValues,
    NotAnAssessment,
    NewerVersion {
        version: u32,
    },
    UnknownVersion,
    /// A value the format does not allow: where (a dotted path, empty for the top level) and
    /// what is wrong with it.
    Invalid {
        path: String,
        problem: ProblemKind,
    },
    DuplicateQuestion {
        id: String,
    },
    TextTooLong {
        path: String,
    },
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Empty => write!(f, "The file is empty."),
            OpenError::TooLarge { bytes } => write!(
                f,
                "The file is too large ({} MB). Assessment files are far smaller; the limit is {} MB.",
                bytes.div_ceil(1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            OpenError::NotText => write!(
                f,
                "This is not a text file. Choose a .json file saved by this tool."
            ),
            OpenError::Truncated { line } => write!(
                f,
                "The file ends too early (at line {line}): it looks cut off, perhaps by an incomplete download or copy."
            ),
            OpenError::NotJson { line, column } => write!(
                f,
                "The file is not valid JSON (problem at line {line}, column {column}). Choose a .json file saved by this tool."
            ),
            OpenError::TooManyValues => write!(
                f,
                "The file holds far more entries than any assessment has, so it is not an assessment saved by this tool."
            ),
            OpenError::NotAnAssessment => write!(
                f,
                "This JSON file is not an assessment saved by this tool."
            ),
            OpenError::NewerVersion { version } => write!(
                f,
                "This file was saved by a newer version of the tool (file format {version}; this version reads up to {CURRENT_VERSION}). Open it with the newer version."
            ),
            OpenError::UnknownVersion => write!(
                f,
                "The file does not say which format version it uses, or names one that never existed."
            ),
            OpenError::Invalid { path, problem } => {
                let path = if path.is_empty() { "the top level" } else { path };
                write!(f, "The file has a value this tool cannot use at {path}: {problem}.")
            }
            OpenError::DuplicateQuestion { id } => write!(
                f,
                "The file answers question {id} twice, so it is not clear which answer is meant."
            ),
            OpenError::TextTooLong { path } => write!(
                f,
                "The text at {path} is longer than {MAX_TEXT_CHARS} characters."
            ),
        }
    }
}

impl std::error::Error for OpenError {}

impl From<Problem> for OpenError {
    /// A question answered twice gets its own message; any other problem names its place.
    fn from(Problem { path, kind }: Problem) -> OpenError {
        match kind {
            ProblemKind::DuplicateKey { key } if path == json::join(ANSWERS, &key) => {
                OpenError::DuplicateQuestion { id: key }
            }
            problem => OpenError::Invalid { path, problem },
        }
    }
}

/// Where the answers sit in a file.
const ANSWERS: &str = "assessment.answers";

/// Opens an assessment file against the current bank. See the module documentation.
pub fn open(bytes: &[u8], bank: &Bank) -> Result<Opened, OpenError> {
    let text = decode(bytes)?;
    let root = Json::parse(text).map_err(json_error)?;
    if root.get("kind") != Some(&Json::Text(FILE_KIND.to_owned())) {
        return Err(OpenError::NotAnAssessment);
    }
    let version = match root.get("version") {
        Some(&Json::Whole(v)) if v > u64::from(CURRENT_VERSION) => {
            return Err(OpenError::NewerVersion {
                version: u32::try_from(v).unwrap_or(u32::MAX),
            })
        }
        Some(Json::Whole(1)) => 1,
        Some(Json::Whole(2)) => 2,
        Some(Json::Whole(3)) => 3,
        _ => return Err(OpenError::UnknownVersion),
    };
    // Each version is the next without its additions, so one description reads all three; an
    // older file that names a newer version's field is refused like any unknown field.
    if version == 1 {
        refuse_v2_fields(&root)?;
    }
    if version < 3 {
        refuse_v3_fields(&root)?;
    }
    let file = FileV2::read(&root, "")?;
    // Not `into_owned`, which would link a copy of the whole assessment into the browser build.
    let Cow::Owned(assessment) = file.assessment else {
        unreachable!("a file read holds its own assessment")
    };
    let mut notes = Vec::new();
    let assessment = fit_to_bank(assessment, bank, &mut notes);
    check_text_lengths(&assessment)?;
    Ok(Opened {
        assessment,
        version,
        app_version: file.app_version,
        content_version: file.content_version,
        notes,
    })
}

fn unknown_field(path: &str, field: &str) -> Problem {
    Problem::new(
        path,
        ProblemKind::UnknownField {
            name: field.to_owned(),
        },
    )
}

/// A version 1 or 2 file has no series link: the field only version 3 knows is unknown there.
fn refuse_v3_fields(root: &Json) -> Result<(), Problem> {
    match root.get("assessment").and_then(|a| a.get("previous")) {
        Some(_) => Err(unknown_field(
            &json::join("assessment", "previous"),
            "previous",
        )),
        None => Ok(()),
    }
}

/// A version 1 file holds no evidence: a field that only version 2 knows is unknown there.
fn refuse_v2_fields(root: &Json) -> Result<(), Problem> {
    let assessment = root.get("assessment");
    if assessment.and_then(|a| a.get("scans")).is_some() {
        return Err(unknown_field("assessment", "scans"));
    }
    if let Some(Json::Object(answers)) = assessment.and_then(|a| a.get("answers")) {
        if let Some((id, _)) = answers.iter().find(|(_, r)| r.get("evidence").is_some()) {
            return Err(unknown_field(&json::join(ANSWERS, id), "evidence"));
        }
    }
    Ok(())
}

/// Checks size, emptiness and encoding, and strips a UTF-8 byte-order mark.
fn decode(bytes: &[u8]) -> Result<&str, OpenError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(OpenError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| OpenError::NotText)?;
    if text.contains('\0') {
        return Err(OpenError::NotText);
    }
    if text.trim().is_empty() {
        return Err(OpenError::Empty);
    }
    Ok(text)
}

fn json_error(error: ParseError) -> OpenError {
    let error = match error {
        ParseError::TooManyValues => return OpenError::TooManyValues,
        ParseError::Syntax(error) => error,
    };
    match error.classify() {
        serde_json::error::Category::Eof => OpenError::Truncated { line: error.line() },
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            OpenError::NotJson {
                line: error.line(),
                column: error.column(),
            }
        }
        // The tree takes any JSON, so serde_json reports no data errors.
        serde_json::error::Category::Data => OpenError::NotAnAssessment,
    }
}

/// Drops what the current bank cannot hold, saying what and why, so nothing disappears silently.
fn fit_to_bank(mut assessment: Assessment, bank: &Bank, notes: &mut Vec<OpenNote>) -> Assessment {
    let unknown: Vec<String> = assessment
        .answers
        .keys()
        .filter(|id| bank.question(id).is_none())
        .cloned()
        .collect();
    if !unknown.is_empty() {
        for id in &unknown {
            assessment.answers.remove(id);
        }
        notes.push(OpenNote::UnknownQuestions { ids: unknown });
    }
    let empty: Vec<String> = assessment
        .answers
        .iter()
        .filter(|(_, record)| **record == AnswerRecord::default())
        .map(|(id, _)| id.clone())
        .collect();
    for id in empty {
        assessment.answers.remove(&id);
    }
    migrate_levels(&mut assessment, bank, notes);
    fit_evidence(&mut assessment, bank, notes);
    let mut dropped_profile = Vec::new();
    let known_profile: BTreeSet<(&str, &str)> = bank
        .profile
        .iter()
        .flat_map(|p| {
            p.options
                .iter()
                .map(move |o| (p.id.as_str(), o.id.as_str()))
        })
        .collect();
    assessment.profile.retain(|question, option| {
        let keep = known_profile.contains(&(question.as_str(), option.as_str()));
        if !keep {
            dropped_profile.push((question.clone(), option.clone()));
        }
        keep
    });
    if !dropped_profile.is_empty() {
        notes.push(OpenNote::UnknownProfileAnswers {
            answers: dropped_profile,
        });
    }
    assessment
}

/// Moves every answer on a level its question's answer type does not offer to the level that
/// claims no more (see `AnswerType::migrate` and docs/SCORING.md), and says which.
fn migrate_levels(assessment: &mut Assessment, bank: &Bank, notes: &mut Vec<OpenNote>) {
    let mut changes = Vec::new();
    for (id, record) in &mut assessment.answers {
        let Some(question) = bank.question(id) else {
            continue;
        };
        if let Some(Response::Implemented { level }) = &mut record.response {
            if !question.answer.allows(*level) {
                let new = question.answer.migrate(*level);
                changes.push((
                    id.clone(),
                    level.label().to_owned(),
                    question.answer.label(new).to_owned(),
                ));
                *level = new;
            }
        }
    }
    if !changes.is_empty() {
        notes.push(OpenNote::AnswersMigrated { changes });
    }
}

/// Drops evidence that no scan of the file backs or that gives an answer the question does not
/// offer, saying for which questions; then forgets scans nothing refers to.
fn fit_evidence(assessment: &mut Assessment, bank: &Bank, notes: &mut Vec<OpenNote>) {
    let mut dropped = Vec::new();
    let scans = assessment.scans.clone();
    for (id, record) in &mut assessment.answers {
        let Some(evidence) = &record.evidence else {
            continue;
        };
        if evidence_problem(evidence, id, bank, &scans).is_some() {
            record.evidence = None;
            dropped.push(id.clone());
        }
    }
    assessment
        .answers
        .retain(|_, record| *record != AnswerRecord::default());
    assessment.drop_unused_scans();
    if !dropped.is_empty() {
        notes.push(OpenNote::EvidenceDropped { ids: dropped });
    }
}

/// What is wrong with one answer's evidence, if anything.
fn evidence_problem(
    evidence: &Evidence,
    id: &str,
    bank: &Bank,
    scans: &[ScanSource],
) -> Option<String> {
    let question = bank.question(id)?;
    if !scans.iter().any(|s| s.report.text() == evidence.scan) {
        return Some(format!(
            "{id}: evidence names scan {} the file does not hold",
            evidence.scan
        ));
    }
    if evidence.checks.is_empty() {
        return Some(format!("{id}: evidence without checks"));
    }
    if !question.answer.allows(evidence.level) {
        return Some(format!(
            "{id}: evidence gives an answer the question does not offer"
        ));
    }
    None
}

/// Every rule an assessment must meet to be used with `bank`; empty when it is sound. `open`
/// only ever returns assessments for which this is empty.
pub fn problems(assessment: &Assessment, bank: &Bank) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, record) in &assessment.answers {
        if bank.question(id).is_none() {
            problems.push(format!("answer to unknown question {id}"));
        }
        if *record == AnswerRecord::default() {
            problems.push(format!("empty record for {id}"));
        }
        if let Some(evidence) = &record.evidence {
            problems.extend(evidence_problem(evidence, id, bank, &assessment.scans));
        }
        if let (Some(question), Some(Response::Implemented { level })) =
            (bank.question(id), &record.response)
        {
            if !question.answer.allows(*level) {
                problems.push(format!(
                    "{id} is a {} question and has no {:?} answer",
                    question.answer.key(),
                    level.key()
                ));
            }
        }
    }
    for (question, option) in &assessment.profile {
        let known = bank
            .profile
            .iter()
            .any(|p| &p.id == question && p.options.iter().any(|o| &o.id == option));
        if !known {
            problems.push(format!("unknown profile answer {question} = {option}"));
        }
    }
    if let Err(error) = check_text_lengths(assessment) {
        problems.push(error.to_string());
    }
    problems
}

fn check_text_lengths(assessment: &Assessment) -> Result<(), OpenError> {
    let too_long = |text: &str| text.chars().count() > MAX_TEXT_CHARS;
    let details = &assessment.details;
    for (name, value) in [
        ("assessment.details.organisation", &details.organisation),
        ("assessment.details.assessor", &details.assessor),
    ] {
        if too_long(value) {
            return Err(OpenError::TextTooLong { path: name.into() });
        }
    }
    for (id, record) in &assessment.answers {
        let mut texts = vec![("note", &record.note), ("owner", &record.owner)];
        if let Some(Response::NotApplicable { reason }) = &record.response {
            texts.push(("response.reason", reason));
        }
        if let Some(risk) = &record.risk_acceptance {
            texts.push(("risk_acceptance.justification", &risk.justification));
            texts.push(("risk_acceptance.approver", &risk.approver));
        }
        if let Some(evidence) = &record.evidence {
            texts.push(("evidence.scan", &evidence.scan));
            for check in &evidence.checks {
                texts.push(("evidence.checks.id", &check.id));
                texts.push(("evidence.checks.policy", &check.policy));
                texts.push(("evidence.checks.verdict", &check.verdict));
            }
        }
        if let Some((field, _)) = texts.into_iter().find(|(_, text)| too_long(text)) {
            return Err(OpenError::TextTooLong {
                path: format!("assessment.answers.{id}.{field}"),
            });
        }
    }
    for (index, scan) in assessment.scans.iter().enumerate() {
        let tenant = &scan.tenant;
        let texts = [
            &scan.tool_version,
            &tenant.id,
            &tenant.name,
            &tenant.domain,
            &scan.scanned_at,
        ];
        let report = scan.report.text();
        if too_long(&report) || texts.into_iter().flatten().any(|t| too_long(t)) {
            return Err(OpenError::TextTooLong {
                path: format!("assessment.scans.{index}"),
            });
        }
    }
    for (index, scan) in assessment.scans.iter().enumerate() {
        let tenant = &scan.tenant;
        let texts = [
            &scan.tool_version,
            &tenant.id,
            &tenant.name,
            &tenant.domain,
            &scan.scanned_at,
        ];
        let report = scan.report.text();
        if too_long(&report) || texts.into_iter().flatten().any(|t| too_long(t)) {
            return Err(OpenError::TextTooLong {
                path: format!("assessment.scans.{index}"),
            });
        }
    }
    Ok(())
}
