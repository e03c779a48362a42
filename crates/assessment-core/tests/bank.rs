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
