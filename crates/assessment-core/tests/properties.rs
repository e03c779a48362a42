//! Properties of scoring, tier and plan over random assessments of the shipped bank and of random
//! small banks: scores stay in range, improving an answer never lowers anything, "not applicable"
//! touches no other question's weight, the order of changes does not matter, and an empty
//! assessment scores 0 with every applicable question in the plan.

mod common;

use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use assessment_core::scoring::assess;
use assessment_core::{
    evaluate, ActionStatus, AnswerState, Assessment, Bank, Change, DetailsEdit, DirectivePhase,
    Effort, Evaluation, Level, RecordEdit, Response, RiskAcceptance, Severity, Tally, Tier,
};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use common::{fixture, shipped_bank};

/// A bank, the changes that build an assessment of it (in the order the user made them), today.
type Case = (Shown, Vec<Change>, NaiveDate);

/// A shared bank that a failing case prints in one line per question, not in full.
#[derive(Clone)]
struct Shown(Arc<Bank>);

impl Deref for Shown {
    type Target = Bank;

    fn deref(&self) -> &Bank {
        &self.0
    }
}

impl fmt::Debug for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.version == shipped().version {
            return write!(f, "the shipped bank");
        }
        let questions: Vec<String> = self
            .questions
            .iter()
            .map(|q| {
                let (s, e, d, r) = (q.severity, q.effort, q.directive, &q.requires);
                format!("{} {} {s:?} {e:?} {d:?} requires {r:?}", q.id, q.family)
            })
            .collect();
        f.debug_list().entries(questions).finish()
    }
}

fn shipped() -> Shown {
    static BANK: OnceLock<Shown> = OnceLock::new();
    BANK.get_or_init(|| Shown(Arc::new(shipped_bank()))).clone()
}

fn day() -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    (0u64..400).prop_map(move |offset| start + Days::new(offset))
}

fn response() -> impl Strategy<Value = Option<Response>> {
    prop_oneof![
        3 => Just(None),
        6 => prop::sample::select(Level::ALL.to_vec())
            .prop_map(|level| Some(Response::Implemented { level })),
        1 => Just(Some(Response::DontKnow)),
        1 => prop::sample::select(vec!["", "  ", "No such system"])
            .prop_map(|reason| Some(Response::NotApplicable { reason: reason.into() })),
    ]
}

fn acceptance() -> impl Strategy<Value = RiskAcceptance> {
    (
        prop::sample::select(vec!["", "Replacing it next quarter"]),
        prop::sample::select(vec!["", "CIO"]),
        prop::option::of(day()),
    )
        .prop_map(|(justification, approver, expires_on)| RiskAcceptance {
            justification: justification.into(),
            approver: approver.into(),
            expires_on,
        })
}

/// The changes one question may receive, at most one of each kind so that they commute.
fn record_changes(id: String) -> impl Strategy<Value = Vec<Change>> {
    let status = prop::sample::select(vec![
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
    ]);
    (
        response(),
        prop::option::of(day()),
        status,
        prop::option::weighted(0.2, acceptance()),
    )
        .prop_map(move |(response, target, status, acceptance)| {
            let record = |edit| Change::Record {
                question: id.clone(),
                edit,
            };
            let mut changes = Vec::new();
            if response.is_some() {
                changes.push(Change::Respond {
                    question: id.clone(),
                    response,
                });
            }
            if target.is_some() {
                changes.push(record(RecordEdit::TargetDate(target)));
            }
            if status != ActionStatus::Open {
                changes.push(record(RecordEdit::ActionStatus(status)));
            }
            if acceptance.is_some() {
                changes.push(record(RecordEdit::RiskAcceptance(acceptance)));
            }
            changes
        })
}

/// Profile choices (each profile question answered with one of its options, or not at all).
fn profile_changes(bank: &Bank) -> Vec<BoxedStrategy<Option<Change>>> {
    bank.profile
        .iter()
        .map(|question| {
            let id = question.id.clone();
            let options: Vec<String> = question.options.iter().map(|o| o.id.clone()).collect();
            (0..=options.len())
                .prop_map(move |i| {
                    options.get(i).map(|option| Change::Profile {
                        question: id.clone(),
                        option: Some(option.clone()),
                    })
                })
                .boxed()
        })
        .collect()
}

fn changes(bank: &Bank) -> impl Strategy<Value = Vec<Change>> {
    let records: Vec<_> = bank
        .questions
        .iter()
        .map(|q| record_changes(q.id.clone()))
        .collect();
    (records, profile_changes(bank), prop::option::of(day())).prop_map(
        |(records, profile, notified)| {
            let mut all: Vec<Change> = records.into_iter().flatten().collect();
            all.extend(profile.into_iter().flatten());
            if let Some(date) = notified {
                all.push(Change::Details(DetailsEdit::NotifiedOn(Some(date))));
            }
            all
        },
    )
}

fn shipped_case() -> impl Strategy<Value = Case> {
    let bank = shipped();
    (Just(bank.clone()), changes(&bank), day())
}

/// A random bank of 1 to 12 questions in three families, some depending on the `azure` fact.
fn small_bank() -> impl Strategy<Value = Shown> {
    let question = (
        0..3usize,
        prop::sample::select(vec![
            Severity::Low,
            Severity::Medium,
            Severity::High,
            Severity::Critical,
        ]),
        prop::sample::select(vec![Effort::Low, Effort::Medium, Effort::High]),
        prop::sample::select(vec![
            None,
            Some(DirectivePhase::Immediate),
            Some(DirectivePhase::Within30Days),
        ]),
        prop::bool::weighted(0.3),
    );
    prop::collection::vec(question, 1..=12).prop_map(|specs| {
        let mut bank = fixture(include_str!("fixtures/small_bank.toml"));
        let mut gamma = bank.families[1].clone();
        gamma.id = "gamma".into();
        bank.families.push(gamma);
        let template = bank.questions[0].clone();
        let families: Vec<String> = bank.families.iter().map(|f| f.id.clone()).collect();
        bank.questions = specs
            .into_iter()
            .enumerate()
            .map(|(i, (family, severity, effort, directive, azure))| {
                let mut q = template.clone();
                q.id = format!("QQ-{:02}", i + 1);
                q.family = families[family].clone();
                q.severity = severity;
                q.effort = effort;
                q.directive = directive;
                q.requires = if azure { vec!["azure".into()] } else { vec![] };
                q
            })
            .collect();
        Shown(Arc::new(bank))
    })
}

fn small_case() -> impl Strategy<Value = Case> {
    small_bank().prop_flat_map(|bank| (Just(bank.clone()), changes(&bank), day()))
}

fn any_case() -> impl Strategy<Value = Case> {
    prop_oneof![shipped_case(), small_case()]
}

fn build(changes: &[Change]) -> Assessment {
    let mut assessment = Assessment::default();
    for change in changes {
        assessment.apply(change.clone());
    }
    assessment
}

/// Every score of an evaluation: overall first, then each family.
fn tallies(e: &Evaluation) -> Vec<Tally> {
    std::iter::once(e.scores.overall)
        .chain(e.scores.families.iter().map(|f| f.tally))
        .collect()
}

fn states(bank: &Bank, assessment: &Assessment) -> Vec<AnswerState> {
    assess(bank, assessment)
        .iter()
        .map(|item| item.state)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn scores_stay_between_0_and_100((bank, changes, today) in any_case()) {
        let e = evaluate(&bank, &build(&changes), today);
        for tally in tallies(&e) {
            prop_assert!(tally.percent() <= 100);
            prop_assert!(tally.earned <= tally.possible);
            prop_assert_eq!(tally.percent() == 100, tally.possible > 0 && tally.earned == tally.possible);
        }
    }

    #[test]
    fn improving_one_answer_never_lowers_a_score_or_the_tier(
        (bank, changes, today) in any_case(),
        to in prop::sample::select(Level::ALL.to_vec()),
    ) {
        // Each question in turn, from the same starting point.
        let before = build(&changes);
        let old = evaluate(&bank, &before, today);
        for question in &bank.questions {
            let improved = match before.response(&question.id) {
                Some(Response::Implemented { level }) => (*level).max(to),
                // Not on the improvement scale.
                Some(Response::NotApplicable { reason }) if !reason.trim().is_empty() => continue,
                // Unanswered, don't know, or not applicable without a reason.
                _ => to,
            };
            let mut after = before.clone();
            after.apply(Change::Respond {
                question: question.id.clone(),
                response: Some(Response::Implemented { level: improved }),
            });
            let new = evaluate(&bank, &after, today);
            for (old, new) in tallies(&old).into_iter().zip(tallies(&new)) {
                prop_assert!(new.earned >= old.earned && new.percent() >= old.percent(),
                    "{} -> {:?}: {:?} became {:?}", question.id, improved, old, new);
            }
            prop_assert!(new.tier.tier >= old.tier.tier, "{} -> {:?}", question.id, improved);
        }
    }

    #[test]
    fn not_applicable_never_changes_another_questions_weight(
        (bank, changes, today) in any_case(),
    ) {
        // Each question in turn, from the same starting point.
        let before = build(&changes);
        let old = evaluate(&bank, &before, today);
        let old_states = states(&bank, &before);
        // A question a family's closing rule names decides other questions' state by design.
        let closers: Vec<&str> = bank
            .families
            .iter()
            .filter_map(|f| f.closes.as_ref())
            .flat_map(|rule| rule.done.iter().map(String::as_str))
            .collect();
        for (index, question) in bank.questions.iter().enumerate() {
            if closers.contains(&question.id.as_str()) {
                continue;
            }
            let mut after = before.clone();
            after.apply(Change::Respond {
                question: question.id.clone(),
                response: Some(Response::NotApplicable { reason: "Not used here".into() }),
            });
            let new_states = states(&bank, &after);
            for (i, (old, new)) in old_states.iter().zip(&new_states).enumerate() {
                if i != index {
                    prop_assert_eq!(old, new);
                }
            }
            // Exactly this question's own contribution leaves its family and the overall score.
            let weight = question.severity.weight();
            // A closed family's questions stay closed whatever is answered: nothing moves.
            let (earned, possible) = match old_states[index] {
                AnswerState::Closed => (0, 0),
                state => match state.credit() {
                    Some(credit) => (weight * credit, weight * Level::MAX_CREDIT),
                    None => (0, 0),
                },
            };
            let new = evaluate(&bank, &after, today);
            prop_assert_eq!(old.scores.overall.earned - new.scores.overall.earned, earned);
            prop_assert_eq!(old.scores.overall.possible - new.scores.overall.possible, possible);
            for (o, n) in old.scores.families.iter().zip(&new.scores.families) {
                if o.family == question.family {
                    prop_assert_eq!(o.tally.earned - n.tally.earned, earned);
                    prop_assert_eq!(o.tally.possible - n.tally.possible, possible);
                } else {
                    prop_assert_eq!(o, n);
                }
            }
        }
    }

    #[test]
    fn the_order_of_changes_does_not_matter(
        (bank, changes, shuffled, today) in any_case().prop_flat_map(|(bank, changes, today)| {
            (Just(bank), Just(changes.clone()), Just(changes).prop_shuffle(), Just(today))
        }),
    ) {
        let (a, b) = (build(&changes), build(&shuffled));
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(evaluate(&bank, &a, today), evaluate(&bank, &b, today));
    }

    #[test]
    fn an_empty_assessment_scores_0_and_every_applicable_question_is_an_action(
        (bank, changes, today) in any_case(),
    ) {
        // Keep only the profile: nothing is answered.
        let profile: Vec<Change> = changes
            .into_iter()
            .filter(|c| matches!(c, Change::Profile { .. }))
            .collect();
        let assessment = build(&profile);
        let e = evaluate(&bank, &assessment, today);
        prop_assert_eq!(e.scores.overall.percent(), 0);
        prop_assert!(e.accepted_risks.is_empty());
        let applicable: Vec<&str> = assess(&bank, &assessment)
            .iter()
            .filter(|item| item.state.is_applicable())
            .map(|item| item.question.id.as_str())
            .collect();
        let mut planned: Vec<&str> = e.plan.items().map(|i| i.question.as_str()).collect();
        planned.sort_unstable();
        let mut expected = applicable.clone();
        expected.sort_unstable();
        prop_assert_eq!(planned, expected);
        prop_assert!(e.plan.items().all(|i| i.state == AnswerState::Unanswered));
        let critical = assess(&bank, &assessment)
            .iter()
            .any(|item| item.state.is_applicable() && item.question.severity == Severity::Critical);
        // No critical question applies: tier 2 asks nothing else, tier 3 needs a score of 75.
        let expected_tier = if critical { Tier::Exposed } else { Tier::Foundational };
        prop_assert_eq!(e.tier.tier, expected_tier);
    }
}
