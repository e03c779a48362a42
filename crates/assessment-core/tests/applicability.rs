//! For a few organisation profiles, the applicable questions are exactly what the conditions say.

use std::collections::{BTreeMap, BTreeSet};

use assessment_core::profile::exclusions;
use assessment_core::{Bank, Facts};

static SHIPPED: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    assessment_core::Bank::source_in(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content"
    )))
    .expect("the shipped bank can be read")
});

fn bank() -> Bank {
    Bank::from_toml(&SHIPPED).unwrap()
}

fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(q, o)| (q.to_string(), o.to_string()))
        .collect()
}

fn applicable(bank: &Bank, profile: &BTreeMap<String, String>) -> BTreeSet<String> {
    let facts = Facts::from_answers(bank, profile);
    bank.questions
        .iter()
        .filter(|q| facts.applies(q))
        .map(|q| q.id.clone())
        .collect()
}

/// Independent restatement of the rule, used to cross-check the core on whole profiles.
fn expected(bank: &Bank, truths: &[&str], falsities: &[&str]) -> BTreeSet<String> {
    bank.questions
        .iter()
        .filter(|q| q.requires.iter().all(|f| !falsities.contains(&f.as_str())))
        .filter(|q| q.unless.iter().all(|f| !truths.contains(&f.as_str())))
        .map(|q| q.id.clone())
        .collect()
}

#[test]
fn an_unanswered_profile_hides_nothing() {
    let bank = bank();
    assert_eq!(
        applicable(&bank, &BTreeMap::new()).len(),
        bank.questions.len()
    );
}

#[test]
fn a_cloud_only_company_without_microsoft_correspondence() {
    let bank = bank();
    let profile = answers(&[
        ("m365", "yes"),
        ("entra_licence", "m365-e3"),
        ("azure", "no"),
        ("hybrid", "no"),
        ("exchange_onprem", "no"),
        ("ms_correspondence", "no"),
        ("ms_notified", "no"),
        ("msp_provider", "no"),
        ("msp_customer", "no"),
        ("defender_apps", "no"),
    ]);
    let got = applicable(&bank, &profile);
    let truths = ["m365", "entra_p1"];
    let falsities = [
        "entra_p2",
        "audit_premium",
        "azure",
        "hybrid",
        "exchange_onprem",
        "ms_correspondence",
        "ms_notified",
        "msp_provider",
        "msp_customer",
        "defender_apps",
    ];
    assert_eq!(got, expected(&bank, &truths, &falsities));
    // Spot checks a reader can follow in the bank.
    assert!(got.contains("MFA-01"));
    assert!(
        !got.contains("EXP-01"),
        "no correspondence with Microsoft: exposure review hidden"
    );
    assert!(!got.contains("SEC-01"));
    assert!(
        !got.contains("MFA-10"),
        "risk-based blocking needs Entra ID P2"
    );
    assert!(
        got.contains("MFA-12"),
        "the compensating question for tenants without P2 shows"
    );
    assert!(!got.contains("PRV-12"), "no Azure");
    assert!(
        got.contains("SEC-05"),
        "the rule against emailing secrets applies to everyone"
    );
}

#[test]
fn a_notified_msp_with_e5_and_hybrid_identity() {
    let bank = bank();
    let profile = answers(&[
        ("m365", "yes"),
        ("entra_licence", "m365-e5"),
        ("azure", "yes"),
        ("hybrid", "yes"),
        ("exchange_onprem", "yes"),
        ("ms_notified", "yes"),
        ("msp_provider", "yes"),
        ("msp_customer", "no"),
        ("defender_apps", "yes"),
    ]);
    let got = applicable(&bank, &profile);
    assert!(
        got.contains("EXP-02"),
        "notification implies correspondence"
    );
    assert!(got.contains("PRV-16") && got.contains("IR-07"));
    assert!(!got.contains("PRV-15"), "not a customer of an MSP");
    assert!(
        !got.contains("MFA-12") && !got.contains("PRV-08"),
        "P2 compensations hidden"
    );
    assert!(got.contains("MFA-10") && got.contains("PRV-05"));
    assert!(got.contains("APP-13") && !got.contains("APP-15"));
    assert!(got.contains("TEN-11") && got.contains("PRV-13"));
}

#[test]
fn no_microsoft_365_leaves_only_general_practice() {
    let bank = bank();
    let profile = answers(&[("m365", "no"), ("ms_correspondence", "no"), ("azure", "no")]);
    let got = applicable(&bank, &profile);
    for id in &got {
        let q = bank.question(id).unwrap();
        assert!(
            !q.requires
                .iter()
                .any(|f| ["m365", "ms_correspondence", "azure"].contains(&f.as_str())),
            "{id} should be hidden"
        );
    }
    assert!(got.contains("IR-01"));
}

#[test]
fn exclusions_say_which_answer_took_a_question_out() {
    let bank = bank();
    let profile = answers(&[("azure", "no")]);
    let facts = Facts::from_answers(&bank, &profile);
    let list = exclusions(&bank, &facts);
    let prv12 = list
        .iter()
        .find(|e| e.question.id == "PRV-12")
        .expect("PRV-12 excluded");
    let azure = bank.profile.iter().find(|p| p.id == "azure").unwrap();
    let no = azure.options.iter().find(|o| o.id == "no").unwrap();
    assert_eq!(
        prv12.reason(),
        format!(
            "You answered \u{201c}{}\u{201d} to \u{201c}{}\u{201d}.",
            no.label, azure.text
        )
    );
    assert!(list.iter().all(|e| !e.because.is_empty()));
}

#[test]
fn unknown_profile_answers_establish_nothing() {
    let bank = bank();
    let profile = answers(&[("azure", "maybe"), ("no-such-question", "yes")]);
    assert_eq!(applicable(&bank, &profile).len(), bank.questions.len());
}
