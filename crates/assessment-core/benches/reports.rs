//! Cost of rendering each report format, and all five, for the shipped bank with a complete
//! assessment (every question answered, with notes, owners, dates and a few risk acceptances).
//! Figures go in `docs/PERFORMANCE.md`.

use std::hint::black_box;

use assessment_core::report::{render, ReportContext, ReportKind};
use assessment_core::{evaluate, AnswerRecord, Assessment, Bank, Details, Level, Response};
use criterion::{criterion_group, criterion_main, Criterion};

mod common;

use common::{acceptance, day, set_typical_profile, status, SHIPPED};

/// Every question answered: most fully in place, the rest spread over the other answers, each
/// with a note and an owner, target dates on a quarter, and a few accepted risks.
fn complete_assessment(bank: &Bank) -> Assessment {
    let mut assessment = Assessment {
        details: Details {
            organisation: "Example Health Trust".into(),
            assessor: "Sam Example (IT security)".into(),
            assessed_on: Some(day(29)),
            notified_on: Some(day(0)),
        },
        ..Assessment::default()
    };
    set_typical_profile(&mut assessment);
    for (i, question) in bank.questions.iter().enumerate() {
        let response = match i % 10 {
            0..=4 => Response::Implemented {
                level: Level::Fully,
            },
            5 => Response::Implemented {
                level: Level::Largely,
            },
            6 => Response::Implemented {
                level: Level::Partial,
            },
            7 => Response::Implemented { level: Level::None },
            8 => Response::DontKnow,
            _ => Response::NotApplicable {
                reason: "We do not run this service; checked with the platform team.".into(),
            },
        };
        let record = AnswerRecord {
            response: Some(response),
            note: format!(
                "Checked on 2024-05-01 against the tenant configuration ({}).\nEvidence in the audit folder.",
                question.id
            ),
            owner: ["IT operations", "Security team", "Identity team"][i % 3].into(),
            target_date: (i % 4 == 0).then(|| day(i as u64 + 30)),
            action_status: status(i),
            risk_acceptance: acceptance(i),
            evidence: None,
        };
        assessment.answers.insert(question.id.clone(), record);
    }
    assessment
}

fn benches(c: &mut Criterion) {
    let bank = Bank::from_toml(&SHIPPED).expect("shipped bank is valid");
    let assessment = complete_assessment(&bank);
    let today = day(29);
    let evaluation = evaluate(&bank, &assessment, today);
    let ctx = ReportContext {
        bank: &bank,
        assessment: &assessment,
        evaluation: &evaluation,
        generated_at: "2024-05-01T09:30:00Z",
        today,
        app_version: "0.1.0",
        edition: "hosted",
        since: None,
    };
    for kind in ReportKind::ALL {
        let size = render(kind, &ctx).len();
        c.bench_function(
            &format!("render {kind:?}, shipped bank, complete assessment ({size} bytes)"),
            |b| b.iter(|| render(black_box(kind), black_box(&ctx))),
        );
    }
    c.bench_function("render all five formats, with evaluate", |b| {
        b.iter(|| {
            let evaluation = evaluate(black_box(&bank), black_box(&assessment), today);
            let ctx = ReportContext {
                evaluation: &evaluation,
                ..ctx
            };
            ReportKind::ALL.map(|kind| render(kind, &ctx).len())
        })
    });
}

criterion_group!(report_benches, benches);
criterion_main!(report_benches);
