//! The first pass and the closing rule on the shipped bank: what is chosen for real profiles,
//! how the provisional result is scored, and that nothing answered in it is lost afterwards.

mod common;

use assessment_core::first_pass::{self, MAX_QUESTIONS};
use assessment_core::{evaluate, AnswerState, Assessment, Change, Level, Progress, Severity};
use common::{date, level, respond, shipped_bank};

fn profile(answers: &[(&str, &str)]) -> Assessment {
    let mut assessment = Assessment::default();
    for (question, option) in answers {
        assessment.apply(Change::Profile {
            question: (*question).into(),
            option: Some((*option).into()),
        });
    }
    assessment
}

/// Three organisations people actually run this for.
fn profiles() -> Vec<(&'static str, Assessment)> {
    vec![
        (
            "cloud-only company on Business Premium",
            profile(&[
                ("m365", "yes"),
                ("entra_licence", "business-premium"),
                ("azure", "no"),
                ("hybrid", "no"),
                ("exchange_onprem", "no"),
                ("ms_correspondence", "no"),
                ("ms_notified", "no"),
                ("msp_provider", "no"),
                ("msp_customer", "yes"),
                ("organisation", "business"),
            ]),
        ),
        (
            "notified managed service provider on E5 with hybrid identity and Azure",
            profile(&[
                ("m365", "yes"),
                ("entra_licence", "m365-e5"),
                ("azure", "yes"),
                ("hybrid", "yes"),
                ("exchange_onprem", "yes"),
                ("ms_correspondence", "yes"),
                ("ms_notified", "yes"),
                ("msp_provider", "yes"),
                ("msp_customer", "no"),
                ("organisation", "business"),
            ]),
        ),
        (
            "public school district on A3, hybrid, no Azure",
            profile(&[
                ("m365", "yes"),
                ("entra_licence", "education-a3"),
                ("azure", "no"),
                ("hybrid", "yes"),
                ("exchange_onprem", "no"),
                ("ms_correspondence", "yes"),
                ("ms_notified", "no"),
                ("msp_provider", "no"),
                ("msp_customer", "no"),
                ("organisation", "public-school"),
            ]),
        ),
    ]
}

#[test]
fn the_first_pass_is_short_important_and_applicable_for_real_profiles() {
    let bank = shipped_bank();
    for (name, assessment) in profiles() {
        let chosen = first_pass::questions(&bank, &assessment);
        println!("first pass for a {name}: {} questions", chosen.len());
        assert!(
            (10..=MAX_QUESTIONS).contains(&chosen.len()),
            "{name}: {} questions",
            chosen.len()
        );
        let facts = assessment_core::Facts::from_answers(&bank, &assessment.profile);
        for question in &chosen {
            assert!(
                question.severity >= Severity::High,
                "{name}: {}",
                question.id
            );
            assert!(
                facts.applies(question),
                "{name}: {} does not apply",
                question.id
            );
        }
        let positions: Vec<usize> = chosen
            .iter()
            .map(|q| bank.questions.iter().position(|b| b.id == q.id).unwrap())
            .collect();
        assert!(
            positions.windows(2).all(|p| p[0] < p[1]),
            "{name}: bank order"
        );
    }
}

#[test]
fn the_provisional_result_scores_only_the_first_pass_and_nothing_is_lost() {
    let bank = shipped_bank();
    let (_, mut assessment) = profiles().remove(0);
    let today = date("2026-12-02");
    let empty = first_pass::provisional(&bank, &assessment, today);
    assert_eq!(empty.tally.percent(), 0);
    assert_eq!(empty.answered(), 0);
    for id in &empty.questions {
        respond(&mut assessment, id, level(Level::Fully));
    }
    let full = first_pass::provisional(&bank, &assessment, today);
    assert_eq!(full.tally.percent(), 100);
    assert_eq!(full.answered() as usize, full.questions.len());
    // The same answers count in the full assessment, which asks more and so scores lower.
    let evaluation = evaluate(&bank, &assessment, today);
    assert_eq!(
        evaluation.scores.overall.fully as usize,
        full.questions.len()
    );
    assert!(evaluation.scores.overall.percent() < 100);
    let pending = Progress::of(&bank, &assessment);
    assert!(pending
        .pending
        .iter()
        .all(|p| !full.questions.contains(&p.question.id)));
}

#[test]
fn the_exposure_family_closes_without_notification_once_every_credential_is_rotated() {
    let bank = shipped_bank();
    let rule = bank
        .family("exposure")
        .and_then(|f| f.closes.as_ref())
        .expect("the exposure family has a closing rule");
    let mut assessment = profile(&[
        ("m365", "yes"),
        ("ms_correspondence", "yes"),
        ("ms_notified", "no"),
    ]);
    let exposure_states = |assessment: &Assessment| -> Vec<AnswerState> {
        assessment_core::scoring::assess(&bank, assessment)
            .iter()
            .filter(|item| item.question.family == "exposure")
            .map(|item| item.state)
            .collect()
    };
    assert!(exposure_states(&assessment)
        .iter()
        .all(|s| *s != AnswerState::Closed));
    for id in &rule.done {
        respond(&mut assessment, id, level(Level::Partial));
    }
    assert!(
        exposure_states(&assessment)
            .iter()
            .all(|s| *s != AnswerState::Closed),
        "under way does not close"
    );
    for id in &rule.done {
        respond(&mut assessment, id, level(Level::Fully));
    }
    let states = exposure_states(&assessment);
    assert!(
        states
            .iter()
            .all(|s| matches!(s, AnswerState::Closed | AnswerState::OutOfScope)),
        "{states:?}"
    );
    let progress = Progress::of(&bank, &assessment);
    assert!(progress
        .pending
        .iter()
        .all(|p| p.question.family != "exposure"));
    let exposure = bank
        .families
        .iter()
        .position(|f| f.id == "exposure")
        .unwrap();
    let tally = evaluate(&bank, &assessment, date("2026-12-02"))
        .scores
        .families[exposure]
        .tally;
    assert_eq!(tally.percent(), 100, "a closed family is complete");
    assert_eq!(tally.fully, tally.applicable);
    // A notification reopens it: the rule needs "no notification" to be known.
    assessment.apply(Change::Profile {
        question: "ms_notified".into(),
        option: Some("yes".into()),
    });
    assert!(exposure_states(&assessment)
        .iter()
        .all(|s| *s != AnswerState::Closed));
}
