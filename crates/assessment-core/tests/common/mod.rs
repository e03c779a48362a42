//! Helpers shared by the integration tests: building assessments change by change, as the app does.
#![allow(dead_code)] // each test file uses a different subset

use assessment_core::assessment::RecordEdit;
use assessment_core::{
    ActionStatus, Assessment, Bank, Change, DetailsEdit, Level, Response, RiskAcceptance,
};
use chrono::NaiveDate;

pub static SHIPPED: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    assessment_core::Bank::source_in(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content"
    )))
    .expect("the shipped bank can be read")
});

pub fn shipped_bank() -> Bank {
    Bank::from_toml(&SHIPPED).expect("shipped bank is valid")
}

pub fn fixture(text: &str) -> Bank {
    Bank::from_toml(text).expect("fixture bank is valid")
}

/// `yyyy-mm-dd`.
pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a yyyy-mm-dd date")
}

pub fn level(level: Level) -> Response {
    Response::Implemented { level }
}

pub fn not_applicable(reason: &str) -> Response {
    Response::NotApplicable {
        reason: reason.into(),
    }
}

pub fn respond(assessment: &mut Assessment, question: &str, response: Response) {
    assessment.apply(Change::Respond {
        question: question.into(),
        response: Some(response),
    });
}

pub fn edit(assessment: &mut Assessment, question: &str, edit: RecordEdit) {
    assessment.apply(Change::Record {
        question: question.into(),
        edit,
    });
}

pub fn target(assessment: &mut Assessment, question: &str, on: &str) {
    edit(assessment, question, RecordEdit::TargetDate(Some(date(on))));
}

pub fn status(assessment: &mut Assessment, question: &str, status: ActionStatus) {
    edit(assessment, question, RecordEdit::ActionStatus(status));
}

pub fn accept(
    assessment: &mut Assessment,
    question: &str,
    justification: &str,
    approver: &str,
    expires_on: Option<&str>,
) {
    let acceptance = RiskAcceptance {
        justification: justification.into(),
        approver: approver.into(),
        expires_on: expires_on.map(date),
    };
    edit(
        assessment,
        question,
        RecordEdit::RiskAcceptance(Some(acceptance)),
    );
}

pub fn notified(assessment: &mut Assessment, on: &str) {
    assessment.apply(Change::Details(DetailsEdit::NotifiedOn(Some(date(on)))));
}
