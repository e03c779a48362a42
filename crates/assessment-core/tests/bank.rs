//! The shipped question bank parses, passes every structural rule, and survives the binary round
//! trip the app's build performs (and the JSON one the benchmark's synthetic bank uses).

use assessment_core::{Bank, ContentError};

static SHIPPED: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    assessment_core::Bank::source_in(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content"
    )))
    .expect("the shipped bank can be read")
});

#[test]
fn shipped_bank_parses_and_is_sound() {
    let bank = Bank::from_toml(&SHIPPED).unwrap_or_else(|e| panic!("{e}"));
    assert!(!bank.questions.is_empty());
    assert!(!bank.families.is_empty());
}

#[test]
fn json_round_trip_keeps_every_field() {
    let bank = Bank::from_toml(&SHIPPED).unwrap();
    let again = Bank::from_json(&bank.to_json()).unwrap();
    assert_eq!(bank, again);
}

#[test]
fn binary_round_trip_keeps_every_field() {
    let bank = Bank::from_toml(&SHIPPED).unwrap();
    let again = Bank::from_bytes(&bank.to_bytes()).unwrap();
    assert_eq!(bank, again);
}

#[test]
fn truncated_binary_bank_is_an_error_not_a_panic() {
    let bytes = Bank::from_toml(&SHIPPED).unwrap().to_bytes();
    for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            matches!(Bank::from_bytes(&bytes[..cut]), Err(ContentError::Parse(_))),
            "a bank cut at byte {cut} was accepted"
        );
    }
}

#[test]
fn broken_banks_are_refused_with_the_offending_item_named() {
    let duplicated = SHIPPED.replace("id = \"MFA-02\"", "id = \"MFA-01\"");
    match Bank::from_toml(&duplicated) {
        Err(ContentError::Invalid(problems)) => {
            assert!(problems
                .iter()
                .any(|p| p == "question MFA-01 is defined twice"));
        }
        other => panic!("expected a duplicate-id error, got {other:?}"),
    }
    let unknown_source = SHIPPED.replace("sources = [\"S15\"]", "sources = [\"S99\"]");
    match Bank::from_toml(&unknown_source) {
        Err(ContentError::Invalid(problems)) => {
            assert!(problems
                .iter()
                .any(|p| p.contains("unknown source \"S99\"")));
        }
        other => panic!("expected an unknown-source error, got {other:?}"),
    }
    assert!(matches!(
        Bank::from_toml("format = 1"),
        Err(ContentError::Parse(_))
    ));
}

/// The bank's own text with the first `from` after question `id`'s id line replaced by `to`.
fn edit_question(id: &str, from: &str, to: &str) -> String {
    let start = SHIPPED
        .find(&format!("id = \"{id}\""))
        .unwrap_or_else(|| panic!("{id} is in the bank"));
    let at = start + SHIPPED[start..].find(from).expect("the text to edit");
    format!("{}{to}{}", &SHIPPED[..at], &SHIPPED[at + from.len()..])
}

fn problems_of(text: &str) -> Vec<String> {
    match Bank::from_toml(text) {
        Err(ContentError::Invalid(problems)) => problems,
        other => panic!("expected the bank to be refused, got {other:?}"),
    }
}

#[test]
fn broken_evidence_rules_are_refused_with_the_question_named() {
    let twice = edit_question(
        "MFA-14",
        "policies = [\"MS.AAD.6.1v1\"]",
        "policies = [\"MS.AAD.6.1v1\", \"MS.AAD.6.1v1\"]",
    );
    assert!(
        problems_of(&twice).contains(&"question MFA-14: evidence names MS.AAD.6.1v1 twice".into())
    );
    let action = edit_question("MFA-14", "answer = \"setting\"", "answer = \"action\"");
    assert!(problems_of(&action).contains(
        &"question MFA-14: evidence on an action question, which no scan can prove done".into()
    ));
    let lone_any = edit_question("MFA-14", "combine = \"all\"", "combine = \"any\"");
    assert!(problems_of(&lone_any).contains(
        &"question MFA-14: evidence combines \"any\" with fewer than two policies".into()
    ));
    let unversioned = edit_question(
        "MFA-14",
        "[\"MS.AAD.6.1v1\"]\ncombine",
        "[\"MS.AAD.6.1\"]\ncombine",
    );
    assert!(problems_of(&unversioned)
        .iter()
        .any(|p| p.starts_with("question MFA-14: evidence policy \"MS.AAD.6.1\"")));
}
