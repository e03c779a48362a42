//! The assessment file: the versioned JSON the app saves, exports and re-opens.
//!
//! Every file is hostile until checked. `open` either returns an assessment that passes every
//! rule, together with a plain account of anything it could not keep, or an error in plain
//! language naming the problem. It never panics, whatever the bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use crate::answers::{Level, Response};
use crate::assessment::{ActionStatus, AnswerRecord, Assessment, Details, RiskAcceptance};
use crate::content::Bank;
use crate::dates;
use crate::json::{self, Fields, Json, ParseError, Problem};

/// What every assessment file says it is, so other JSON is recognised at once.
pub const FILE_KIND: &str = "midnight-blizzard-self-assessment";

/// The file format version this code writes. Older versions are migrated on opening.
pub const CURRENT_VERSION: u32 = 1;

/// Files larger than this are refused before parsing: a real assessment is well under 1 MB.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The longest text accepted in any one field.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// The envelope written around an assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SaveFile<'a> {
    pub kind: &'static str,
    pub version: u32,
    pub app_version: &'a str,
    pub content_version: &'a str,
    /// When the file was written (RFC 3339, supplied by the caller: the core has no clock).
    pub saved_at: &'a str,
    pub assessment: &'a Assessment,
}

/// Writes an assessment in the current format, pretty-printed so people can read and diff it.
pub fn save(assessment: &Assessment, bank: &Bank, app_version: &str, saved_at: &str) -> String {
    let file = SaveFile {
        kind: FILE_KIND,
        version: CURRENT_VERSION,
        app_version,
        content_version: &bank.version,
        saved_at,
        assessment,
    };
    // Not `expect`, which would put serde_json's Debug formatting into the browser build (see
    // `report`): serialising these types to memory cannot fail.
    serde_json::to_string_pretty(&file)
        .unwrap_or_else(|_| unreachable!("an assessment always serialises"))
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
    /// One sentence per thing that was not kept or was changed on the way in. Empty when the file
    /// was taken over whole.
    pub notes: Vec<String>,
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
    Invalid {
        path: String,
        problem: String,
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
        _ => return Err(OpenError::UnknownVersion),
    };
    let file = read_v1(&root).map_err(|problem| match problem {
        Problem { path, problem } if problem == DUPLICATE_KEY && path.starts_with(ANSWERS) => {
            OpenError::DuplicateQuestion {
                id: path[ANSWERS.len()..].to_owned(),
            }
        }
        Problem { path, problem } => OpenError::Invalid {
            path: if path.is_empty() {
                "the top level".into()
            } else {
                path
            },
            problem,
        },
    })?;
    let mut notes = Vec::new();
    let assessment = fit_to_bank(file.assessment, bank, &mut notes);
    check_text_lengths(&assessment)?;
    Ok(Opened {
        assessment,
        version,
        app_version: file.app_version,
        content_version: file.content_version,
        notes,
    })
}

/// What format version 1 holds besides its kind and version.
struct FileV1 {
    app_version: String,
    content_version: String,
    assessment: Assessment,
}

/// Reads format version 1, which is the current one: no migration needed.
fn read_v1(root: &Json) -> Result<FileV1, Problem> {
    let top = Fields::of(
        root,
        "",
        &[
            "kind",
            "version",
            "app_version",
            "content_version",
            "saved_at",
            "assessment",
        ],
    )?;
    top.optional("saved_at", json::text)?;
    Ok(FileV1 {
        app_version: top.optional("app_version", json::text)?,
        content_version: top.optional("content_version", json::text)?,
        assessment: top.required("assessment", read_assessment)?,
    })
}

fn read_assessment(value: &Json, path: &str) -> Result<Assessment, Problem> {
    let fields = Fields::of(value, path, &["details", "answers", "profile"])?;
    Ok(Assessment {
        details: fields.optional("details", read_details)?,
        answers: fields.optional("answers", |value, path| read_map(value, path, read_record))?,
        profile: fields.optional("profile", |value, path| read_map(value, path, json::text))?,
    })
}

/// An object read into a map, refusing a key given twice (it would not be clear which value is
/// meant).
fn read_map<T>(
    value: &Json,
    path: &str,
    read: impl Fn(&Json, &str) -> Result<T, Problem>,
) -> Result<BTreeMap<String, T>, Problem> {
    let mut map = BTreeMap::new();
    for (key, value) in json::entries(value, path)? {
        let place = json::join(path, key);
        if map.insert(key.clone(), read(value, &place)?).is_some() {
            return Err(Problem::new(&place, DUPLICATE_KEY));
        }
    }
    Ok(map)
}

fn read_details(value: &Json, path: &str) -> Result<Details, Problem> {
    let fields = Fields::of(
        value,
        path,
        &["organisation", "assessor", "assessed_on", "notified_on"],
    )?;
    Ok(Details {
        organisation: fields.optional("organisation", json::text)?,
        assessor: fields.optional("assessor", json::text)?,
        assessed_on: fields.optional("assessed_on", read_date)?,
        notified_on: fields.optional("notified_on", read_date)?,
    })
}

fn read_record(value: &Json, path: &str) -> Result<AnswerRecord, Problem> {
    let fields = Fields::of(
        value,
        path,
        &[
            "response",
            "note",
            "owner",
            "target_date",
            "action_status",
            "risk_acceptance",
        ],
    )?;
    Ok(AnswerRecord {
        response: fields.optional("response", |value, path| {
            json::nullable(value, path, read_response)
        })?,
        note: fields.optional("note", json::text)?,
        owner: fields.optional("owner", json::text)?,
        target_date: fields.optional("target_date", read_date)?,
        action_status: fields.optional("action_status", |value, path| {
            json::one_of(
                value,
                path,
                &[
                    ("open", ActionStatus::Open),
                    ("in-progress", ActionStatus::InProgress),
                    ("done", ActionStatus::Done),
                ],
            )
        })?,
        risk_acceptance: fields.optional("risk_acceptance", |value, path| {
            json::nullable(value, path, read_acceptance)
        })?,
    })
}

fn read_response(value: &Json, path: &str) -> Result<Response, Problem> {
    #[derive(Clone, Copy)]
    enum State {
        Implemented,
        NotApplicable,
        DontKnow,
    }
    let fields = Fields::of(value, path, &["state", "level", "reason"])?;
    let state = fields.required("state", |value, path| {
        json::one_of(
            value,
            path,
            &[
                ("implemented", State::Implemented),
                ("not-applicable", State::NotApplicable),
                ("dont-know", State::DontKnow),
            ],
        )
    })?;
    Ok(match state {
        State::Implemented => Response::Implemented {
            level: fields.required("level", |value, path| {
                let levels = Level::ALL.map(|level| (level.key(), level));
                json::one_of(value, path, &levels)
            })?,
        },
        State::NotApplicable => Response::NotApplicable {
            reason: fields.required("reason", json::text)?,
        },
        State::DontKnow => Response::DontKnow,
    })
}

fn read_acceptance(value: &Json, path: &str) -> Result<RiskAcceptance, Problem> {
    let fields = Fields::of(value, path, &["justification", "approver", "expires_on"])?;
    Ok(RiskAcceptance {
        justification: fields.required("justification", json::text)?,
        approver: fields.required("approver", json::text)?,
        expires_on: fields.optional("expires_on", read_date)?,
    })
}

/// A date written `yyyy-mm-dd`, or `null` for none.
pub(crate) fn read_date(value: &Json, path: &str) -> Result<Option<NaiveDate>, Problem> {
    json::nullable(value, path, |value, path| {
        let text = json::text(value, path)?;
        dates::parse_iso(&text).ok_or_else(|| {
            Problem::new(
                path,
                format!("\"{text}\" is not a date of the form yyyy-mm-dd"),
            )
        })
    })
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
fn fit_to_bank(mut assessment: Assessment, bank: &Bank, notes: &mut Vec<String>) -> Assessment {
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
        notes.push(format!(
            "{} answer(s) refer to questions this version of the question bank does not have, and were not kept: {}.",
            unknown.len(),
            unknown.join(", ")
        ));
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
            dropped_profile.push(format!("{question} = {option}"));
        }
        keep
    });
    if !dropped_profile.is_empty() {
        notes.push(format!(
            "{} organisation-profile answer(s) do not match this version's profile questions, and were not kept: {}. Those questions are shown unanswered.",
            dropped_profile.len(),
            dropped_profile.join(", ")
        ));
    }
    assessment
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
        if let Some((field, _)) = texts.into_iter().find(|(_, text)| too_long(text)) {
            return Err(OpenError::TextTooLong {
                path: format!("assessment.answers.{id}.{field}"),
            });
        }
    }
    Ok(())
}

/// The problem recorded for a key given twice in a map.
const DUPLICATE_KEY: &str = "the same key is given twice";

/// Where the answers sit, as the start of a path.
const ANSWERS: &str = "assessment.answers.";
