//! The shipped bank covers every measure of the fact base, in the families it names, and the tables in
//! `docs/CONTENT.md` and `docs/IMPORT.md` are the ones the bank generates (regenerate with
//! `cargo xtask docs`).

use assessment_core::{Bank, Severity};

static SHIPPED: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    assessment_core::Bank::source_in(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content"
    )))
    .expect("the shipped bank can be read")
});
const CONTENT_DOC: &str = include_str!("../../../docs/CONTENT.md");
const IMPORT_DOC: &str = include_str!("../../../docs/IMPORT.md");

const FAMILIES: [&str; 9] = [
    "exposure",
    "secrets",
    "mfa",
    "tenants",
    "privileged",
    "apps",
    "logging",
    "sessions",
    "response",
];

fn bank() -> Bank {
    Bank::from_toml(&SHIPPED).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_nine_families_come_in_the_fact_base_order() {
    let bank = bank();
    let ids: Vec<&str> = bank.families.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, FAMILIES);
}

#[test]
fn all_measures_are_listed_and_each_is_asked_by_a_question() {
    let bank = bank();
    // The fact base numbers 29; measure 30 (chat from unknown tenants) came with bank 2026.12,
    // after the 2026-12 review found Midnight Blizzard's 2023 Teams campaign uncovered.
    assert_eq!(
        bank.measures.len(),
        30,
        "29 from the fact base, plus measure 30"
    );
    let uncovered: Vec<u32> = bank
        .coverage()
        .iter()
        .filter(|(_, ids)| ids.is_empty())
        .map(|(measure, _)| measure.number)
        .collect();
    assert!(
        uncovered.is_empty(),
        "measures no question asks: {uncovered:?}"
    );
}

#[test]
fn each_question_sits_in_the_family_of_its_prefix() {
    let prefixes = ["EXP", "SEC", "MFA", "TEN", "PRV", "APP", "LOG", "SES", "IR"];
    for q in &bank().questions {
        let prefix = q.id.split('-').next().unwrap();
        let family = FAMILIES[prefixes
            .iter()
            .position(|p| *p == prefix)
            .unwrap_or_else(|| panic!("{}: unknown prefix", q.id))];
        assert_eq!(q.family, family, "{}", q.id);
    }
}

#[test]
fn the_bank_is_substantial_and_critical_is_kept_for_gating_measures() {
    let bank = bank();
    // One thing per question makes the bank longer; the first pass keeps the quick path short.
    assert!(
        (60..=130).contains(&bank.questions.len()),
        "{} questions",
        bank.questions.len()
    );
    let critical: Vec<&str> = bank
        .questions
        .iter()
        .filter(|q| q.severity == Severity::Critical)
        .map(|q| q.id.as_str())
        .collect();
    assert!(
        (6..=12).contains(&critical.len()),
        "critical questions: {critical:?}"
    );
}

#[test]
fn content_doc_tables_match_the_bank() {
    let bank = bank();
    for (name, table) in [
        ("coverage", bank.coverage_markdown()),
        ("sources", bank.sources_markdown()),
    ] {
        let block = format!("<!-- {name}:start -->\n{table}<!-- {name}:end -->");
        assert!(
            CONTENT_DOC.contains(&block),
            "docs/CONTENT.md's {name} table is out of date: run `cargo xtask docs`"
        );
    }
}

#[test]
fn import_doc_mapping_table_matches_the_bank() {
    let table = bank().evidence_markdown();
    let block = format!("<!-- evidence:start -->\n{table}<!-- evidence:end -->");
    assert!(
        IMPORT_DOC.contains(&block),
        "docs/IMPORT.md's evidence table is out of date: run `cargo xtask docs`"
    );
    assert!(table.contains("| MFA-01 | MFA required for every user | coverage |"));
}

#[test]
fn every_question_cites_a_dated_source_and_names_no_federal_duty_without_adaptation() {
    let bank = bank();
    for q in &bank.questions {
        for source in &q.sources {
            assert!(!bank.source(source).unwrap().date.is_empty(), "{}", q.id);
        }
        // Federal-only instruments may be mentioned only in a question that explains its adaptation.
        let text = format!("{} {} {}", q.text, q.verify, q.remedy);
        for federal in ["OMB M-21-31", "BOD 25-01", "report to CISA"] {
            if text.contains(federal) {
                assert!(
                    q.adaptation.is_some(),
                    "{} mentions {federal} without adaptation",
                    q.id
                );
            }
        }
    }
}
