//! Rules the shipped bank's wording must keep (docs/CONTENT.md): short questions, jargon in the
//! glossary, time-sensitive facts dated, licences named, SCuBA policies stated as binding only on
//! federal agencies. Each test names every offending question so a failure says what to fix.

use assessment_core::{AnswerType, Bank};

static SHIPPED: std::sync::LazyLock<Bank> = std::sync::LazyLock::new(|| {
    Bank::from_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content"
    )))
    .unwrap_or_else(|e| panic!("{e}"))
});

/// The longest a question's text may be, in words.
const MAX_QUESTION_WORDS: usize = 40;

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn offenders(rule: impl Fn(&assessment_core::Question) -> bool) -> Vec<String> {
    SHIPPED
        .questions
        .iter()
        .filter(|q| rule(q))
        .map(|q| q.id.clone())
        .collect()
}

#[test]
fn no_question_text_is_longer_than_the_limit() {
    let long: Vec<String> = SHIPPED
        .questions
        .iter()
        .filter(|q| words(&q.text) > MAX_QUESTION_WORDS)
        .map(|q| format!("{} ({} words)", q.id, words(&q.text)))
        .collect();
    assert!(long.is_empty(), "over {MAX_QUESTION_WORDS} words: {long:?}");
}

#[test]
fn the_word_count_rule_counts_words() {
    assert_eq!(words("Is MFA  on\nfor everyone?"), 5);
    assert_eq!(words(""), 0);
}

/// Jargon a reader may not know. Wherever a question's text uses one, the glossary explains it.
const JARGON: &[&str] = &[
    "service principal",
    "workload identit",
    "authentication strength",
    "continuous access evaluation",
    "GDAP",
    "RBAC for Applications",
    "PIM",
    "Privileged Identity Management",
    "SIEM",
    "Conditional Access",
    "security defaults",
    "legacy authentication",
    "SMTP AUTH",
    "phishing-resistant",
    "break-glass",
    "device code",
    "refresh token",
    "EWS",
    "OAuth",
    "MailItemsAccessed",
    "token protection",
    "password spray",
];

#[test]
fn jargon_in_question_text_is_in_the_glossary() {
    let mut missing = Vec::new();
    for question in &SHIPPED.questions {
        let text = question.text.to_lowercase();
        for jargon in JARGON {
            if !text.contains(&jargon.to_lowercase()) {
                continue;
            }
            let explained = SHIPPED.terms_in(question).iter().any(|entry| {
                entry.appears_in(&question.text) && {
                    let forms = std::iter::once(&entry.term).chain(&entry.forms);
                    forms.map(|f| f.to_lowercase()).any(|f| {
                        f.contains(&jargon.to_lowercase()) || jargon.to_lowercase().contains(&f)
                    })
                }
            });
            if !explained {
                missing.push(format!("{}: {jargon}", question.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "jargon without a glossary entry: {missing:?}"
    );
}

#[test]
fn every_glossary_term_is_used_by_some_question() {
    let unused: Vec<&str> = SHIPPED
        .glossary
        .iter()
        .filter(|entry| !SHIPPED.questions.iter().any(|q| entry.appears_in(&q.text)))
        .map(|entry| entry.id.as_str())
        .collect();
    assert!(
        unused.is_empty(),
        "glossary terms no question text uses: {unused:?}"
    );
}

/// Words that mark a fact that changes with time: such a question says when it was checked.
const TIME_SENSITIVE: &[&str] = &[
    "retire",
    "retirement",
    "deprecat",
    "shut down",
    "shutdown",
    "deadline",
    "no longer available",
    "end of support",
    "2025",
    "2026",
    "2027",
];

#[test]
fn time_sensitive_questions_carry_an_as_of_date() {
    let undated = offenders(|q| {
        let all = [&q.text, &q.why, &q.verify, &q.remedy]
            .iter()
            .map(|t| t.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        q.as_of.is_none() && TIME_SENSITIVE.iter().any(|w| all.contains(w))
    });
    assert!(
        undated.is_empty(),
        "time-sensitive but no as_of: {undated:?}"
    );
}

#[test]
fn every_licence_gated_question_names_its_licence() {
    let licences: Vec<&str> = SHIPPED.licences.iter().map(|l| l.id.as_str()).collect();
    let unnamed = offenders(|q| {
        q.requires.iter().any(|f| licences.contains(&f.as_str())) && q.licences.is_empty()
    });
    assert!(
        unnamed.is_empty(),
        "licence-gated without naming it: {unnamed:?}"
    );
    for licence in ["entra_p1", "entra_p2", "workload_id", "audit_premium"] {
        assert!(licences.contains(&licence), "licence {licence} is defined");
    }
}

#[test]
fn scuba_policies_are_not_presented_as_binding_on_everyone() {
    let binding = [
        "cisa requires",
        "cisa forbids",
        "cisa caps",
        "cisa mandates",
        "cisa's baseline requires",
    ];
    let unqualified = offenders(|q| {
        let why = q.why.to_lowercase();
        binding.iter().any(|b| why.contains(b)) && !why.contains("federal")
    });
    assert!(
        unqualified.is_empty(),
        "SCuBA stated as binding on all: {unqualified:?}"
    );
}

#[test]
fn every_answer_type_is_used() {
    for answer in [
        AnswerType::Setting,
        AnswerType::Coverage,
        AnswerType::Action,
    ] {
        assert!(
            SHIPPED.questions.iter().any(|q| q.answer == answer),
            "no question takes a {} answer",
            answer.key()
        );
    }
}

#[test]
fn the_bank_says_when_it_was_reviewed() {
    assert!(
        SHIPPED.reviewed_on.as_str() >= "2026-12-01",
        "{}",
        SHIPPED.reviewed_on
    );
}

#[test]
fn every_scuba_reference_resolves_in_the_version_table() {
    let table =
        assessment_core::scuba::ScubaTable::from_toml(include_str!("../../../content/scuba.toml"))
            .unwrap_or_else(|e| panic!("{e}"));
    let unresolved: Vec<String> = SHIPPED
        .questions
        .iter()
        .flat_map(|q| q.refs.scuba.iter().map(move |id| (q, id)))
        .filter(|(_, id)| table.policy(id).is_none())
        .map(|(q, id)| format!("{}: {id}", q.id))
        .collect();
    assert!(
        unresolved.is_empty(),
        "SCuBA ids not in content/scuba.toml: {unresolved:?}"
    );
    assert!(SHIPPED.questions.iter().any(|q| !q.refs.scuba.is_empty()));
}

#[test]
fn every_evidence_policy_is_a_current_policy_the_question_cites() {
    let table =
        assessment_core::scuba::ScubaTable::from_toml(include_str!("../../../content/scuba.toml"))
            .unwrap_or_else(|e| panic!("{e}"));
    let mut wrong = Vec::new();
    for q in &SHIPPED.questions {
        let Some(rule) = &q.evidence else {
            continue;
        };
        for id in &rule.policies {
            match table.policy(id) {
                None => wrong.push(format!("{}: {id} is not in content/scuba.toml", q.id)),
                Some(policy) if policy.removed.is_some() => {
                    wrong.push(format!("{}: {id} was removed from the baseline", q.id))
                }
                Some(policy) if &policy.id != id => wrong.push(format!(
                    "{}: {id} is an earlier id of {}; cite the current one",
                    q.id, policy.id
                )),
                Some(_) => {}
            }
            if !q.refs.scuba.contains(id) {
                wrong.push(format!("{}: {id} is not in its refs.scuba", q.id));
            }
        }
    }
    assert!(wrong.is_empty(), "evidence policies: {wrong:?}");
    assert!(SHIPPED.questions.iter().any(|q| q.evidence.is_some()));
}

/// The longest each explanation may be, in words: a busy reader gets the fact, the check and the fix.
const FIELD_LIMITS: &[(&str, usize)] = &[
    ("why", 40),
    ("verify", 45),
    ("remedy", 35),
    ("free_alternative", 35),
];

#[test]
fn explanations_stay_within_their_word_limits() {
    let mut long = Vec::new();
    for q in &SHIPPED.questions {
        for (field, limit) in FIELD_LIMITS {
            let text = match *field {
                "why" => q.why.as_str(),
                "verify" => q.verify.as_str(),
                "remedy" => q.remedy.as_str(),
                _ => q.free_alternative.as_deref().unwrap_or(""),
            };
            if words(text) > *limit {
                long.push(format!("{} {field} ({} words)", q.id, words(text)));
            }
        }
    }
    assert!(long.is_empty(), "over the limit: {long:?}");
}
