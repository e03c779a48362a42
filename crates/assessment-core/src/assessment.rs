//! The state of one assessment and the changes a user can make to it.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::answers::{Level, Response};
use crate::scan::ScanSource;

/// Who is assessed, by whom and when.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Details {
    pub organisation: String,
    pub assessor: String,
    /// The day the assessment describes.
    pub assessed_on: Option<NaiveDate>,
    /// When Microsoft notified the organisation, or it learned of possible exposure; due dates of
    /// the directive's timeline are counted from it.
    pub notified_on: Option<NaiveDate>,
}

/// Progress of the action that closes a gap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
}

impl crate::keys::Keyed for ActionStatus {
    const ALL: &'static [ActionStatus] = &[
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
    ];

    fn key(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
        }
    }
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
        }
    }
}

/// A gap the organisation has decided to live with, for now. It never counts as implemented.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RiskAcceptance {
    pub justification: String,
    pub approver: String,
    pub expires_on: Option<NaiveDate>,
}

/// Why a recorded risk acceptance does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AcceptanceProblem {
    /// Nobody wrote down why the risk is acceptable.
    NoJustification,
    /// Nobody is named as having approved it.
    NoApprover,
    /// No expiry date: an acceptance must come up for review on a set day.
    NoExpiry,
    /// It lapsed on this date (an acceptance holds up to the day before `expires_on`).
    Expired { on: NaiveDate },
}

impl AcceptanceProblem {
    /// Plain-language clause, e.g. "the acceptance expired on 2024-04-15".
    pub fn label(self) -> String {
        match self {
            AcceptanceProblem::NoJustification => "the acceptance gives no justification".into(),
            AcceptanceProblem::NoApprover => "the acceptance names no approver".into(),
            AcceptanceProblem::NoExpiry => "the acceptance has no expiry date".into(),
            AcceptanceProblem::Expired { on } => format!("the acceptance expired on {on}"),
        }
    }
}

impl RiskAcceptance {
    /// What makes this acceptance invalid on `today`; empty when it holds. An acceptance needs a
    /// justification, an approver and an expiry date, and lapses on that date so it is reviewed
    /// on time. The form that records one asks for the same (see [`RiskAcceptance::missing`]).
    pub fn problems(&self, today: NaiveDate) -> Vec<AcceptanceProblem> {
        let mut problems = self.missing();
        if let Some(on) = self.expires_on.filter(|on| *on <= today) {
            problems.push(AcceptanceProblem::Expired { on });
        }
        problems
    }

    /// What the acceptance lacks to be complete, whatever the date: the form's check.
    pub fn missing(&self) -> Vec<AcceptanceProblem> {
        let mut problems = Vec::new();
        if self.justification.trim().is_empty() {
            problems.push(AcceptanceProblem::NoJustification);
        }
        if self.approver.trim().is_empty() {
            problems.push(AcceptanceProblem::NoApprover);
        }
        if self.expires_on.is_none() {
            problems.push(AcceptanceProblem::NoExpiry);
        }
        problems
    }

    /// The acceptance holds on `today`.
    pub fn is_valid(&self, today: NaiveDate) -> bool {
        self.problems(today).is_empty()
    }
}

/// Everything recorded against one question.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerRecord {
    /// The answer; `None` means unanswered.
    pub response: Option<Response>,
    /// Evidence or remarks.
    pub note: String,
    /// Who is responsible for the measure or its action.
    pub owner: String,
    pub target_date: Option<NaiveDate>,
    pub action_status: ActionStatus,
    pub risk_acceptance: Option<RiskAcceptance>,
    /// What a scan said about the question, when the answer came from one (docs/IMPORT.md).
    pub evidence: Option<Evidence>,
}

/// What a scan said about a question, kept with the answer it gave: the provenance shown on the
/// card and in every report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The scan, by its report id (`ReportId::text`): an entry of [`Assessment::scans`].
    pub scan: String,
    /// The checks that decided it, as the tool printed them.
    pub checks: Vec<EvidenceCheck>,
    /// The answer the scan's verdicts gave.
    pub level: Level,
    /// The person has since changed the answer by hand; the evidence stays for the record.
    pub changed_by_hand: bool,
}

/// One check behind an imported answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceCheck {
    /// The id as the tool printed it (`MS.AAD.3.2v1`, `CISA.MS.AAD.3.2`).
    pub id: String,
    /// The SCuBA policy as the question cites it (`MS.AAD.3.2v2`).
    pub policy: String,
    /// The tool's own verdict (`Pass`, `Fail`, `Warning`, `Passed`, …).
    pub verdict: String,
    /// The scan checked an earlier wording of the policy than the one the question cites.
    pub earlier_wording: bool,
}

impl AnswerRecord {
    fn is_empty(&self) -> bool {
        self == &AnswerRecord::default()
    }
}

/// Everything the user has said in one assessment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assessment {
    pub details: Details,
    /// Question id → what was recorded. Absent means nothing recorded (unanswered).
    pub answers: BTreeMap<String, AnswerRecord>,
    /// Profile question id → chosen option id.
    pub profile: BTreeMap<String, String>,
    /// The scans whose evidence answers hold, oldest import first.
    pub scans: Vec<ScanSource>,
    /// The assessment this one re-assesses, when it belongs to a series.
    pub previous: Option<PreviousLink>,
}

/// The link from a re-assessment to the assessment it follows (docs/FORMATS.md, "Series").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousLink {
    /// The previous assessment's library entry id in the browser that made the link.
    pub entry: String,
    /// The previous assessment's answer-data fingerprint (`report::fingerprint`) when linked:
    /// tells the right file from another, and whether it was changed after the link was made.
    pub fingerprint: String,
    /// Its assessment date, to name it when it is not at hand.
    pub assessed_on: Option<NaiveDate>,
}

/// A change to one question's record other than its response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordEdit {
    Note(String),
    Owner(String),
    TargetDate(Option<NaiveDate>),
    ActionStatus(ActionStatus),
    RiskAcceptance(Option<RiskAcceptance>),
}

/// A change to the assessment details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailsEdit {
    Organisation(String),
    Assessor(String),
    AssessedOn(Option<NaiveDate>),
    NotifiedOn(Option<NaiveDate>),
}

/// A change the user makes. The app's reducer forwards these unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Give, replace or (with `None`) clear the response to a question.
    Respond {
        question: String,
        response: Option<Response>,
    },
    /// Edit the note, owner, date, status or risk acceptance of a question.
    Record { question: String, edit: RecordEdit },
    /// Choose or (with `None`) clear the option of a profile question.
    Profile {
        question: String,
        option: Option<String>,
    },
    /// Edit the assessment details.
    Details(DetailsEdit),
    /// Link it to (or, with `None`, unlink it from) the assessment it re-assesses.
    Previous(Option<PreviousLink>),
}

impl Assessment {
    /// Applies one change in place. Records left with nothing in them are dropped, so an
    /// assessment's stored form does not depend on what was typed and then erased.
    pub fn apply(&mut self, change: Change) {
        match change {
            Change::Respond { question, response } => {
                self.edit_record(question, |record| {
                    if let Some(evidence) = &mut record.evidence {
                        let imported = Response::Implemented {
                            level: evidence.level,
                        };
                        evidence.changed_by_hand = response.as_ref() != Some(&imported);
                    }
                    record.response = response;
                });
            }
            Change::Record { question, edit } => {
                self.edit_record(question, |record| match edit {
                    RecordEdit::Note(note) => record.note = note,
                    RecordEdit::Owner(owner) => record.owner = owner,
                    RecordEdit::TargetDate(date) => record.target_date = date,
                    RecordEdit::ActionStatus(status) => record.action_status = status,
                    RecordEdit::RiskAcceptance(risk) => record.risk_acceptance = risk,
                });
            }
            Change::Profile {
                question,
                option: Some(option),
            } => {
                self.profile.insert(question, option);
            }
            Change::Profile {
                question,
                option: None,
            } => {
                self.profile.remove(&question);
            }
            Change::Details(edit) => match edit {
                DetailsEdit::Organisation(name) => self.details.organisation = name,
                DetailsEdit::Assessor(name) => self.details.assessor = name,
                DetailsEdit::AssessedOn(date) => self.details.assessed_on = date,
                DetailsEdit::NotifiedOn(date) => self.details.notified_on = date,
            },
            Change::Previous(link) => self.previous = link,
        }
    }

    fn edit_record(&mut self, question: String, edit: impl FnOnce(&mut AnswerRecord)) {
        let record = self.answers.entry(question.clone()).or_default();
        edit(record);
        if record.is_empty() {
            self.answers.remove(&question);
        }
    }

    /// The response to a question, if any.
    pub fn response(&self, question: &str) -> Option<&Response> {
        self.answers.get(question)?.response.as_ref()
    }

    /// The full record of a question, if anything was recorded.
    pub fn record(&self, question: &str) -> Option<&AnswerRecord> {
        self.answers.get(question)
    }

    /// The scan an answer's evidence names.
    pub fn scan(&self, evidence: &Evidence) -> Option<&ScanSource> {
        self.scans.iter().find(|s| s.report.text() == evidence.scan)
    }

    /// Forgets the scans no answer's evidence names any more.
    pub fn drop_unused_scans(&mut self) {
        let used: std::collections::BTreeSet<&str> = self
            .answers
            .values()
            .filter_map(|r| r.evidence.as_ref())
            .map(|e| e.scan.as_str())
            .collect();
        self.scans
            .retain(|scan| used.contains(scan.report.text().as_str()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Level;

    #[test]
    fn erasing_everything_leaves_no_record_behind() {
        let mut a = Assessment::default();
        a.apply(Change::Record {
            question: "MFA-01".into(),
            edit: RecordEdit::Note("checked in CA".into()),
        });
        a.apply(Change::Respond {
            question: "MFA-01".into(),
            response: Some(Response::Implemented {
                level: Level::Fully,
            }),
        });
        assert_eq!(a.record("MFA-01").unwrap().note, "checked in CA");
        a.apply(Change::Respond {
            question: "MFA-01".into(),
            response: None,
        });
        assert!(a.record("MFA-01").is_some(), "the note keeps the record");
        a.apply(Change::Record {
            question: "MFA-01".into(),
            edit: RecordEdit::Note(String::new()),
        });
        assert_eq!(a, Assessment::default());
    }
}
