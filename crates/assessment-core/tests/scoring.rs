//! Hand-computed scoring cases on a fixed three-question bank (weights: critical 4, low 1, high 3),
//! and the rounding rule checked on the shipped bank.

use assessment_core::{score, Assessment, Bank, Change, Level, Response, Severity, Tally};

fn bank() -> Bank {
    Bank::from_toml(include_str!("fixtures/small_bank.toml")).expect("fixture bank is valid")
}

fn answer(assessment: &mut Assessment, question: &str, response: Response) {
    assessment.apply(Change::Respond {
        question: question.into(),
        response: Some(response),
    });
}

fn level(level: Level) -> Response {
    Response::Implemented { level }
}

#[test]
fn empty_assessment_scores_zero_with_everything_unanswered() {
    let card = score(&bank(), &Assessment::default());
    assert_eq!(card.overall.percent(), 0);
    assert_eq!(card.overall.applicable, 3);
    assert_eq!(card.overall.unanswered, 3);
    // possible = (4 + 1 + 3) * 3 thirds
    assert_eq!(card.overall.possible, 24);
}

#[test]
fn everything_fully_in_place_scores_100() {
    let mut a = Assessment::default();
    for id in ["AL-01", "AL-02", "BE-01"] {
        answer(&mut a, id, level(Level::Fully));
    }
    let card = score(&bank(), &a);
    assert_eq!(card.overall.percent(), 100);
    assert_eq!(card.overall.fully, 3);
}

#[test]
fn weights_follow_severity() {
    // Critical fully (4*3 = 12), low partly (1*1 = 1), high don't know (0): 13 of 24 = 54.17 -> 54.
    let mut a = Assessment::default();
    answer(&mut a, "AL-01", level(Level::Fully));
    answer(&mut a, "AL-02", level(Level::Partial));
    answer(&mut a, "BE-01", Response::DontKnow);
    let card = score(&bank(), &a);
    assert_eq!((card.overall.earned, card.overall.possible), (13, 24));
    assert_eq!(card.overall.percent(), 54);
    assert_eq!(card.overall.dont_know, 1);
    // Family alpha: 13 of 15 = 86.67 -> 87. Beta: 0 of 9.
    assert_eq!(card.families[0].tally.percent(), 87);
    assert_eq!(card.families[1].tally.percent(), 0);
}

#[test]
fn not_applicable_leaves_the_denominator() {
    // Critical largely (4*2 = 8), low N/A, high N/A by profile: 8 of 12 = 66.67 -> 67.
    let mut a = Assessment::default();
    answer(&mut a, "AL-01", level(Level::Largely));
    answer(
        &mut a,
        "AL-02",
        Response::NotApplicable {
            reason: "no such system".into(),
        },
    );
    a.apply(Change::Profile {
        question: "azure".into(),
        option: Some("no".into()),
    });
    let card = score(&bank(), &a);
    assert_eq!((card.overall.earned, card.overall.possible), (8, 12));
    assert_eq!(card.overall.percent(), 67);
    assert_eq!(card.overall.not_applicable, 2);
    assert_eq!(card.overall.applicable, 1);
}

#[test]
fn rounding_is_half_up() {
    // Low partly only, everything else none: 1 of 24 = 4.17 -> 4; critical partly: 4 of 24 = 16.67 -> 17.
    let mut a = Assessment::default();
    answer(&mut a, "AL-02", level(Level::Partial));
    assert_eq!(score(&bank(), &a).overall.percent(), 4);
    let mut b = Assessment::default();
    answer(&mut b, "AL-01", level(Level::Partial));
    assert_eq!(score(&bank(), &b).overall.percent(), 17);
}

#[test]
fn clearing_an_answer_makes_it_unanswered_again() {
    let mut a = Assessment::default();
    answer(&mut a, "AL-01", level(Level::Fully));
    a.apply(Change::Respond {
        question: "AL-01".into(),
        response: None,
    });
    assert_eq!(score(&bank(), &a).overall.unanswered, 3);
}

#[test]
fn not_applicable_without_a_reason_stays_in_the_score_as_unanswered() {
    // Low N/A with a blank reason: still 24 possible, counted as unanswered and as needing a reason.
    let mut a = Assessment::default();
    answer(&mut a, "AL-01", level(Level::Fully));
    answer(
        &mut a,
        "AL-02",
        Response::NotApplicable {
            reason: " \n ".into(),
        },
    );
    let overall = score(&bank(), &a).overall;
    assert_eq!((overall.earned, overall.possible), (12, 24));
    assert_eq!(overall.percent(), 50);
    assert_eq!(overall.applicable, 3);
    assert_eq!(overall.not_applicable, 0);
    assert_eq!((overall.unanswered, overall.needs_reason), (2, 1));
    assert_eq!(
        overall.summary(),
        "1 of 3 applicable measures fully in place (12 of 24 points); 2 not answered yet \
         (1 marked not applicable without a reason)."
    );
}

#[test]
fn a_hundred_is_kept_for_nothing_missing() {
    // 995 of 1000 is 99.5 and 769 of 771 is 99.74: both would round to 100 but something is missing.
    for (earned, possible) in [(995, 1000), (769, 771)] {
        let tally = Tally {
            earned,
            possible,
            ..Tally::default()
        };
        assert_eq!(tally.percent(), 99, "{earned} of {possible}");
    }
    let full = Tally {
        earned: 771,
        possible: 771,
        ..Tally::default()
    };
    assert_eq!(full.percent(), 100);
    // On the real bank: everything fully in place but one medium question largely.
    let bank = Bank::from_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content"
    )))
    .unwrap();
    let mut a = Assessment::default();
    for question in &bank.questions {
        answer(&mut a, &question.id, level(Level::Fully));
    }
    assert_eq!(score(&bank, &a).overall.percent(), 100);
    let medium = bank
        .questions
        .iter()
        .find(|q| {
            q.severity == Severity::Medium && q.answer == assessment_core::AnswerType::Coverage
        })
        .unwrap();
    answer(&mut a, &medium.id, level(Level::Largely));
    let overall = score(&bank, &a).overall;
    let possible: u32 = bank.questions.iter().map(|q| q.severity.weight() * 3).sum();
    // Largely is two thirds: one third of a medium question's weight (2) is missing.
    assert_eq!((overall.earned, overall.possible), (possible - 2, possible));
    assert_eq!(overall.percent(), 99);
}

#[test]
fn every_score_comes_with_its_counts() {
    let mut a = Assessment::default();
    answer(&mut a, "AL-01", level(Level::Fully));
    answer(&mut a, "AL-02", Response::DontKnow);
    a.apply(Change::Profile {
        question: "azure".into(),
        option: Some("no".into()),
    });
    let overall = score(&bank(), &a).overall;
    assert_eq!(
        overall.summary(),
        "1 of 2 applicable measures fully in place (12 of 15 points); 1 don't know."
    );
}
