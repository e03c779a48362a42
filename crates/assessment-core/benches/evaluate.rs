//! Cost of `evaluate` (score, tier and plan): on the shipped bank with a realistic mixed
//! assessment, and on a synthetic bank of 2,000 questions. Figures go in `docs/PERFORMANCE.md`.

use std::hint::black_box;

use assessment_core::{evaluate, score, AnswerRecord, Assessment, Bank, Level, Response};
use criterion::{criterion_group, criterion_main, Criterion};

mod common;

use common::{acceptance, day, set_typical_profile, status, SHIPPED};

/// A mid-way assessment: a typical Microsoft 365 tenant, about half the measures fully in place,
/// the rest spread over the other answers, with owners, target dates and a few accepted risks.
fn mixed_assessment(bank: &Bank) -> Assessment {
    let mut assessment = Assessment::default();
    assessment.details.notified_on = Some(day(0));
    set_typical_profile(&mut assessment);
    for (i, question) in bank.questions.iter().enumerate() {
        let response = match i % 10 {
            0..=4 => Some(Response::Implemented {
                level: Level::Fully,
            }),
            5 => Some(Response::Implemented {
                level: Level::Largely,
            }),
            6 => Some(Response::Implemented {
                level: Level::Partial,
            }),
            7 => Some(Response::DontKnow),
            8 => None,
            _ => Some(Response::NotApplicable {
                reason: if i % 20 == 9 { "Not used here" } else { "" }.into(),
            }),
        };
        let record = AnswerRecord {
            response,
            owner: if i % 3 == 0 {
                "IT".into()
            } else {
                String::new()
            },
            target_date: (i % 4 == 0).then(|| day(i as u64)),
            action_status: status(i),
            risk_acceptance: acceptance(i),
            ..AnswerRecord::default()
        };
        assessment.answers.insert(question.id.clone(), record);
    }
    assessment
}

/// The shipped questions repeated, with fresh ids, up to `size` questions.
fn synthetic_bank(shipped: &Bank, size: usize) -> Bank {
    let mut bank = shipped.clone();
    bank.questions = (0..size)
        .map(|i| {
            let mut question = shipped.questions[i % shipped.questions.len()].clone();
            question.id = format!("SYN-{i:04}");
            question
        })
        .collect();
    bank
}

fn benches(c: &mut Criterion) {
    let shipped = Bank::from_toml(&SHIPPED).expect("shipped bank is valid");
    let today = day(29);
    let assessment = mixed_assessment(&shipped);
    c.bench_function("evaluate, shipped bank (96 questions)", |b| {
        b.iter(|| evaluate(black_box(&shipped), black_box(&assessment), today))
    });
    c.bench_function("score only, shipped bank (96 questions)", |b| {
        b.iter(|| score(black_box(&shipped), black_box(&assessment)))
    });
    let large = synthetic_bank(&shipped, 2_000);
    let large_assessment = mixed_assessment(&large);
    c.bench_function("evaluate, synthetic bank (2,000 questions)", |b| {
        b.iter(|| evaluate(black_box(&large), black_box(&large_assessment), today))
    });
}

criterion_group!(evaluate_benches, benches);
criterion_main!(evaluate_benches);
