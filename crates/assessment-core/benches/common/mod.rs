//! What both benchmarks build their assessments from: the shipped bank, dates counted from the
//! notification day, a typical Microsoft 365 profile, and the action fields spread over questions.

use assessment_core::{ActionStatus, Assessment, RiskAcceptance};
use chrono::{Days, NaiveDate};

pub static SHIPPED: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    assessment_core::Bank::source_in(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content"
    )))
    .expect("the shipped bank can be read")
});

/// `offset` days after the notification date of 2 April 2024.
pub fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 4, 2).unwrap() + Days::new(offset)
}

/// A typical Microsoft 365 tenant: Entra P1, no Azure, hybrid identity, notified by Microsoft.
pub fn set_typical_profile(assessment: &mut Assessment) {
    for (question, option) in [
        ("m365", "yes"),
        ("entra_licence", "m365-e3"),
        ("azure", "no"),
        ("hybrid", "yes"),
        ("ms_notified", "yes"),
        ("msp_customer", "no"),
    ] {
        assessment.profile.insert(question.into(), option.into());
    }
}

/// The action status of the `i`-th question: one in five in progress.
pub fn status(i: usize) -> ActionStatus {
    if i.is_multiple_of(5) {
        ActionStatus::InProgress
    } else {
        ActionStatus::Open
    }
}

/// The risk acceptance of the `i`-th question: one in fifteen.
pub fn acceptance(i: usize) -> Option<RiskAcceptance> {
    (i % 15 == 6).then(|| RiskAcceptance {
        justification: "Replacing the system next quarter".into(),
        approver: "CIO".into(),
        expires_on: Some(day(120)),
    })
}
