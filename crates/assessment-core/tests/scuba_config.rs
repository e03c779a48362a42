//! The ScubaGear `OmitPolicy` fragment for risk acceptances on the shipped bank, read back with an
//! independent YAML parser (yaml-rust2): the expected policies, each rationale exactly as meant
//! whatever text people typed, the expected expiry, and nothing from a lapsed acceptance.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use assessment_core::scuba_config::{omissions, omit_policy_yaml, MAX_RATIONALE_CHARS};
use assessment_core::{Assessment, Bank, Question};
use common::*;
use yaml_rust2::{Yaml, YamlLoader};

const TODAY: &str = "2026-09-01";
const ORIGIN: &str = "Risk accepted in the Midnight Blizzard self-assessment";
const EXPIRED_WHY: &str = "EXPIRED acceptance, must not be written";
const OPEN_ENDED_WHY: &str = "OPEN-ENDED acceptance, must not be written";

/// Text that would change a YAML document's structure if written unescaped, with the strings the
/// report tests use (tests/reports.rs) for HTML, CSV and Markdown.
fn hostile_strings() -> Vec<String> {
    let mut strings: Vec<String> = [
        "\"\n  MS.AAD.1.1v1:\n    Rationale: \"injected",
        "Rationale: forged\nExpiration: \"2099-12-31\"",
        "key: value # comment",
        "- item\n- &anchor x\n- *alias",
        "{a: 1, b: [2]}",
        "!!python/object/apply:os.system [\"id\"]",
        "%YAML 1.1\n---\nOmitPolicy: {}\n...",
        "@here `whoami` \\ back\\slash \\\" \\x41 \\u0041",
        "\u{2028}line\u{2029}para\u{85}nel\u{feff}bom",
        "   spaces around   ",
        "#!/bin/sh\n# not a comment",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'\"",
        "=HYPERLINK(\"http://x\")",
        "-1",
        "\t=1",
        "\r=1",
        "nul\u{0}bell\u{7}esc\u{1b}[31m",
        "\u{202e}gnp.exe",
        "| # * [x](http://evil)",
        "line one\r\n# heading\n- item\n| a | b |",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    // Last and alone in its pair (see `choose`): the one justification long enough to be cut.
    strings.push("<b>&amp;|=x</b> ".repeat(1_250));
    assert_eq!(strings.len() % 2, 1);
    strings
}

/// The policies a question stands for, restated from the rule: its evidence rule's, else its
/// references'.
fn policies(question: &Question) -> BTreeSet<&str> {
    let ids = match &question.evidence {
        Some(rule) if !rule.policies.is_empty() => &rule.policies,
        _ => &question.refs.scuba,
    };
    ids.iter().map(String::as_str).collect()
}

/// Who accepts what: two questions sharing a policy, one lapsed and one without expiry (neither
/// of which may omit anything), and others carrying the hostile strings, two each (justification
/// and approver). Apart from the shared pair no two of them share a policy, so each hostile string
/// has a rationale of its own and nothing valid names a policy of the two that must not show.
struct Choice<'a> {
    valid: Vec<(&'a Question, String, String, &'static str)>,
    expired: &'a Question,
    open_ended: &'a Question,
}

fn choose(bank: &Bank) -> Choice<'_> {
    let mapped: Vec<&Question> = bank
        .questions
        .iter()
        .filter(|q| !policies(q).is_empty())
        .collect();
    let (a, b) = shared_pair(&mapped);
    let mut taken: BTreeSet<&str> = policies(a).union(&policies(b)).copied().collect();
    let mut apart = mapped
        .iter()
        .copied()
        .filter(|q| q.id != a.id && q.id != b.id);
    let mut next = || {
        let q = apart
            .find(|q| policies(q).is_disjoint(&taken))
            .expect("enough mapped questions apart from each other");
        taken.extend(policies(q));
        q
    };
    let expired = next();
    let open_ended = next();
    let mut valid = vec![
        (
            a,
            "shared, first".to_owned(),
            "Approver A".to_owned(),
            "2027-03-31",
        ),
        (
            b,
            "shared, second".to_owned(),
            "Approver B".to_owned(),
            "2026-12-31",
        ),
    ];
    for pair in hostile_strings().chunks(2) {
        let approver = pair.get(1).map_or("Approver", String::as_str).to_owned();
        valid.push((next(), pair[0].clone(), approver, "2027-01-31"));
    }
    Choice {
        valid,
        expired,
        open_ended,
    }
}

fn shared_pair<'a>(mapped: &[&'a Question]) -> (&'a Question, &'a Question) {
    for (i, a) in mapped.iter().enumerate() {
        if let Some(b) = mapped[i + 1..]
            .iter()
            .find(|b| !policies(a).is_disjoint(&policies(b)))
        {
            return (a, b);
        }
    }
    panic!("two mapped questions share a policy");
}

fn assessment(choice: &Choice<'_>) -> Assessment {
    let mut a = Assessment::default();
    for (q, why, who, until) in &choice.valid {
        accept(&mut a, &q.id, why, who, Some(until));
    }
    accept(
        &mut a,
        &choice.expired.id,
        EXPIRED_WHY,
        "Someone",
        Some(TODAY),
    );
    accept(
        &mut a,
        &choice.open_ended.id,
        OPEN_ENDED_WHY,
        "Someone",
        None,
    );
    a
}

/// What ScubaGear should read for each policy: its rationale and expiry.
fn expected(bank: &Bank, choice: &Choice<'_>) -> BTreeMap<String, (String, String)> {
    let mut by_policy: BTreeMap<&str, Vec<&(&Question, String, String, &str)>> = BTreeMap::new();
    for question in &bank.questions {
        for accepted in choice.valid.iter().filter(|v| v.0.id == question.id) {
            for policy in policies(question) {
                by_policy.entry(policy).or_default().push(accepted);
            }
        }
    }
    by_policy
        .into_iter()
        .map(|(policy, named)| {
            let rationale = match named.as_slice() {
                [(q, why, who, _)] => format!("{ORIGIN} ({}, approved by {who}): {why}", q.id),
                _ => {
                    let ids: Vec<&str> = named.iter().map(|v| v.0.id.as_str()).collect();
                    let parts: Vec<String> = named
                        .iter()
                        .map(|(q, why, who, _)| format!("{}, approved by {who}: {why}", q.id))
                        .collect();
                    format!("{ORIGIN} for {}. {}", ids.join(", "), parts.join("; "))
                }
            };
            let until = named.iter().map(|v| v.3).min().unwrap().to_owned();
            (policy.to_owned(), (cut(&rationale), until))
        })
        .collect()
}

fn cut(text: &str) -> String {
    if text.chars().count() <= MAX_RATIONALE_CHARS {
        return text.to_owned();
    }
    let kept: String = text.chars().take(MAX_RATIONALE_CHARS - 1).collect();
    format!("{kept}…")
}

/// The one document's `OmitPolicy` mapping, checking that nothing else is at the top level.
fn omit_policy(yaml: &str) -> yaml_rust2::yaml::Hash {
    let docs = YamlLoader::load_from_str(yaml).expect("the fragment is YAML");
    assert_eq!(docs.len(), 1, "one document");
    let top = docs[0].as_hash().expect("a mapping at the top");
    let keys: Vec<&Yaml> = top.keys().collect();
    assert_eq!(keys, [&Yaml::String("OmitPolicy".into())]);
    top[&Yaml::String("OmitPolicy".into())]
        .as_hash()
        .expect("OmitPolicy is a mapping")
        .clone()
}

/// A policy's entry as (rationale, expiration), checking it has exactly those keys, as text.
fn entry(value: &Yaml) -> (String, String) {
    let entry = value.as_hash().expect("each policy maps to a mapping");
    let keys: Vec<&str> = entry.keys().filter_map(Yaml::as_str).collect();
    assert_eq!(keys, ["Rationale", "Expiration"]);
    let text = |key: &str| {
        entry[&Yaml::String(key.into())]
            .as_str()
            .expect("a string")
            .to_owned()
    };
    (text("Rationale"), text("Expiration"))
}

#[test]
fn risk_acceptances_read_back_as_scuba_config_omissions() {
    let bank = shipped_bank();
    let choice = choose(&bank);
    let written = omissions(&bank, &assessment(&choice), date(TODAY));
    let yaml = omit_policy_yaml(&written, date(TODAY), "0.0.0-test");

    let read: BTreeMap<String, (String, String)> = omit_policy(&yaml)
        .iter()
        .map(|(key, value)| {
            (
                key.as_str().expect("policy ids are text").to_owned(),
                entry(value),
            )
        })
        .collect();
    let want = expected(&bank, &choice);
    assert_eq!(
        read.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>()
    );
    for (policy, (rationale, until)) in &want {
        assert_eq!(
            &read[policy].0, rationale,
            "{policy}: the rationale, in\n{yaml}"
        );
        assert_eq!(&read[policy].1, until, "{policy}: the expiry");
    }

    // Neither the lapsed acceptance nor the one without an expiry left a trace.
    for gone in [choice.expired, choice.open_ended] {
        assert!(
            policies(gone).iter().all(|p| !read.contains_key(*p)),
            "{}",
            gone.id
        );
        assert!(written.iter().all(|o| !o.questions.contains(&gone.id)));
    }
    assert!(!yaml.contains(EXPIRED_WHY) && !yaml.contains(OPEN_ENDED_WHY));

    // Every hostile string short enough not to be cut reached ScubaGear whole.
    let rationales: Vec<&String> = read.values().map(|(r, _)| r).collect();
    for text in hostile_strings().iter().filter(|t| t.len() < 100) {
        assert!(
            rationales.iter().any(|r| r.contains(text.as_str())),
            "{text:?}"
        );
    }
    assert!(rationales
        .iter()
        .any(|r| r.chars().count() == MAX_RATIONALE_CHARS));
}

#[test]
fn no_acceptances_read_back_as_an_empty_scuba_config_fragment() {
    let bank = shipped_bank();
    let written = omissions(&bank, &Assessment::default(), date(TODAY));
    let yaml = omit_policy_yaml(&written, date(TODAY), "0.0.0-test");
    assert!(omit_policy(&yaml).is_empty());
}
