//! Cost of comparing two complete assessments and of the trend of a series of 50, on the shipped
//! bank: the core's work alone, and the whole on-demand module call the comparison page makes
//! (decoding the bank, its history, the index and every file, then the work and the HTML).
//! Figures go in `docs/PERFORMANCE.md`.

use std::hint::black_box;

use assessment_core::compare::{compare, Side};
use assessment_core::history::History;
use assessment_core::library::Index;
use assessment_core::report::compare_page_packed;
use assessment_core::series::{self, trend, Member};
use assessment_core::{savefile, AnswerRecord, Assessment, Bank, Details, Level, Response};
use chrono::{Datelike, Months, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};

mod common;

use common::{acceptance, day, set_typical_profile, status, SHIPPED};

/// Round `round` of a series: every question answered, each with a note and an owner; from one
/// round to the next about half the answers change, and gaps close as rounds go by.
fn complete_assessment(bank: &Bank, round: usize, assessed_on: NaiveDate) -> Assessment {
    let mut assessment = Assessment {
        details: Details {
            organisation: "Example Health Trust".into(),
            assessor: "Sam Example (IT security)".into(),
            assessed_on: Some(assessed_on),
            notified_on: Some(day(0)),
        },
        ..Assessment::default()
    };
    set_typical_profile(&mut assessment);
    for (i, question) in bank.questions.iter().enumerate() {
        let pattern = if (i + round) % 4 < 2 {
            (i * 7 + round) % 10
        } else {
            (i * 7) % 10
        };
        let level = |level: Level| Response::Implemented {
            level: question.answer.migrate(level),
        };
        let response = match pattern {
            6..=8 if round > i % 40 => level(Level::Fully),
            0..=4 => level(Level::Fully),
            5 => level(Level::Largely),
            6 => level(Level::Partial),
            7 => level(Level::None),
            8 => Response::DontKnow,
            _ => Response::NotApplicable {
                reason: "We do not run this service; checked with the platform team.".into(),
            },
        };
        let record = AnswerRecord {
            response: Some(response),
            note: format!("Checked in the tenant's admin centre ({}).", question.id),
            owner: ["IT operations", "Security team", "Identity team"][i % 3].into(),
            target_date: (i % 4 == 0).then(|| assessed_on + Months::new(3)),
            action_status: status(i),
            risk_acceptance: acceptance(i),
            evidence: None,
        };
        assessment.answers.insert(question.id.clone(), record);
    }
    assessment
}

/// A series of `count` complete assessments, one a month up to November 2026, each linked to the
/// one before: the library index and each entry's (id, assessment, file).
fn series_of(bank: &Bank, count: usize) -> (Index, Vec<(String, Assessment, String)>) {
    let last = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let mut index = Index::default();
    let mut members: Vec<(String, Assessment, String)> = Vec::new();
    for round in 0..count {
        let day = last - Months::new((count - 1 - round) as u32);
        let mut assessment = complete_assessment(bank, round, day);
        if let Some((id, previous, _)) = members.last() {
            assessment.previous = Some(series::link_to(previous, id));
        }
        let saved_at = format!("{}-{:02}-01T09:30:00Z", day.year(), day.month());
        let id = index.add(bank, &assessment, &saved_at);
        let file = savefile::save(&assessment, bank, "0.1.0", &saved_at);
        members.push((id, assessment, file));
    }
    (index, members)
}

fn benches(c: &mut Criterion) {
    let bank = Bank::from_toml(&SHIPPED).expect("shipped bank is valid");
    let history_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/history.toml"
    ))
    .expect("the bank's history can be read");
    let history = History::from_toml(&history_text).expect("the history is valid");
    // What the page passes the module: the bank without its guidance, and the history, encoded.
    let (bank_bytes, history_bytes) = (
        bank.clone().split_guidance().0.to_bytes(),
        history.to_bytes(),
    );
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let n = bank.questions.len();

    let (pair_index, pair) = series_of(&bank, 2);
    let side = |a| Side {
        assessment: a,
        bank_version: &bank.version,
    };
    c.bench_function(
        &format!("compare two complete assessments, shipped bank ({n} questions)"),
        |b| {
            b.iter(|| {
                compare(
                    black_box(&bank),
                    &history,
                    side(&pair[0].1),
                    side(&pair[1].1),
                    today,
                )
            })
        },
    );
    let mut args = vec![
        "compare".to_owned(),
        "2026-12-02".into(),
        pair_index.to_json(),
    ];
    for (id, _, file) in &pair {
        args.extend([id.clone(), file.clone()]);
    }
    c.bench_function(
        "compare page module call, two complete assessments (decode, compare, HTML)",
        |b| {
            b.iter(|| {
                compare_page_packed(black_box(&bank_bytes), &history_bytes, black_box(&args))
                    .expect("the comparison is made")
            })
        },
    );

    let (series_index, members) = series_of(&bank, 50);
    let named: Vec<Member> = members
        .iter()
        .map(|(id, assessment, _)| Member {
            name: id,
            side: side(assessment),
        })
        .collect();
    c.bench_function("trend of a series of 50 complete assessments", |b| {
        b.iter(|| trend(black_box(&bank), &history, black_box(&named), today))
    });
    let mut args = vec![
        "trend".to_owned(),
        "2026-12-02".into(),
        series_index.to_json(),
    ];
    for (id, _, file) in &members {
        args.extend([id.clone(), file.clone()]);
    }
    c.bench_function(
        "trend page module call, 50 complete assessments (decode, trend, HTML)",
        |b| {
            b.iter(|| {
                compare_page_packed(black_box(&bank_bytes), &history_bytes, black_box(&args))
                    .expect("the trend is made")
            })
        },
    );
    let files: Vec<&str> = members.iter().map(|(_, _, file)| file.as_str()).collect();
    c.bench_function("open 50 complete assessment files (savefile::open)", |b| {
        b.iter(|| {
            for file in &files {
                black_box(savefile::open(file.as_bytes(), &bank).expect("the file opens"));
            }
        })
    });
}

criterion_group!(compare_benches, benches);
criterion_main!(compare_benches);
