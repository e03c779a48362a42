//! The file format read back is what was written: `open(save(a)) == a` for generated assessments
//! touching every field and state (every response and level, "not applicable" with and without a
//! reason, hostile text everywhere, dates from 0000-01-01 to 9999-12-31 or none, every action
//! status, risk acceptances with and without expiry, profile answers from the bank's options),
//! and the same for the library index.

mod common;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use assessment_core::assessment::{Evidence, EvidenceCheck, PreviousLink};
use assessment_core::library::{Entry, Index, INDEX_VERSION};
use assessment_core::savefile::{self, CURRENT_VERSION};
use assessment_core::scan::{ReportId, ScanSource, Tenant, Tool};
use assessment_core::{
    ActionStatus, AnswerRecord, Assessment, Bank, Details, Keyed, Level, Response, RiskAcceptance,
};
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use common::{fixture, shipped_bank};

/// The shipped bank and two fixtures, parsed once.
fn banks() -> &'static [Arc<Bank>] {
    static BANKS: OnceLock<Vec<Arc<Bank>>> = OnceLock::new();
    BANKS.get_or_init(|| {
        vec![
            Arc::new(shipped_bank()),
            Arc::new(fixture(include_str!("fixtures/example_bank.toml"))),
            Arc::new(fixture(include_str!("fixtures/report_bank.toml"))),
        ]
    })
}

/// Text as people (and attackers) type it: quotes, backslashes, control characters, markup,
/// spreadsheet formulas, right-to-left overrides, emoji, JSON look-alikes, or anything at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("<script>alert(\"x\")</script>".to_owned()),
        Just("=HYPERLINK(\"http://evil\",\"click\")".to_owned()),
        Just("C:\\temp\\\"quoted\"\\".to_owned()),
        Just("\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}\t\r\n".to_owned()),
        Just("\u{feff}\u{202e}rtl\u{202c} \u{2028}\u{2029} 😀 ﷽ e\u{301}".to_owned()),
        Just("\"}, \"kind\": \"x\", \"a\": {\"".to_owned()),
        "[\"\\\\<>&'=+@\\-\\x00-\\x1f\\x7f\u{80}-\u{ff}\u{2028}a-z ]{0,24}",
        any::<String>(),
    ]
}

/// Any day the format writes: four-digit years, so 0000-01-01 to 9999-12-31.
fn day() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    prop_oneof![
        Just(first),
        Just(last),
        Just(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()),
        Just(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()),
        (first.num_days_from_ce()..=last.num_days_from_ce())
            .prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).unwrap()),
    ]
}

fn maybe_day() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(day())
}

fn response() -> impl Strategy<Value = Option<Response>> {
    let level = prop::sample::select(Level::ALL.to_vec());
    prop_oneof![
        Just(None),
        level.prop_map(|level| Some(Response::Implemented { level })),
        Just(Some(Response::NotApplicable {
            reason: String::new()
        })),
        text().prop_map(|reason| Some(Response::NotApplicable { reason })),
        Just(Some(Response::DontKnow)),
    ]
}

fn acceptance() -> impl Strategy<Value = RiskAcceptance> {
    (text(), text(), maybe_day()).prop_map(|(justification, approver, expires_on)| RiskAcceptance {
        justification,
        approver,
        expires_on,
    })
}

fn record() -> impl Strategy<Value = AnswerRecord> {
    (
        response(),
        text(),
        text(),
        maybe_day(),
        prop::sample::select(ActionStatus::ALL.to_vec()),
        prop::option::of(acceptance()),
    )
        .prop_map(
            |(response, note, owner, target_date, action_status, risk_acceptance)| AnswerRecord {
                response,
                note,
                owner,
                target_date,
                action_status,
                risk_acceptance,
                evidence: None,
            },
        )
}

fn scan_source() -> impl Strategy<Value = ScanSource> {
    let tenant = (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(|(id, name, domain)| Tenant { id, name, domain });
    let report = prop_oneof![
        "[0-9a-f-]{36}".prop_map(ReportId::Uuid),
        "[0-9a-f]{64}".prop_map(ReportId::Sha256),
    ];
    (
        prop::sample::select(vec![Tool::ScubaGear, Tool::Maester]),
        prop::option::of(text()),
        report,
        tenant,
        prop::option::of(text()),
    )
        .prop_map(
            |(tool, tool_version, report, tenant, scanned_at)| ScanSource {
                tool,
                tool_version,
                report,
                tenant,
                scanned_at,
            },
        )
}

fn evidence_checks() -> impl Strategy<Value = Vec<EvidenceCheck>> {
    prop::collection::vec(
        (text(), text(), text(), any::<bool>()).prop_map(
            |(id, policy, verdict, earlier_wording)| EvidenceCheck {
                id,
                policy,
                verdict,
                earlier_wording,
            },
        ),
        1..3,
    )
}

fn details() -> impl Strategy<Value = Details> {
    (text(), text(), maybe_day(), maybe_day()).prop_map(
        |(organisation, assessor, assessed_on, notified_on)| Details {
            organisation,
            assessor,
            assessed_on,
            notified_on,
        },
    )
}

/// An assessment of `bank`: records for some of its questions (never an empty record: those are
/// dropped by design) and options of its profile questions.
fn assessment_of(bank: &Bank) -> impl Strategy<Value = Assessment> {
    let ids: Vec<String> = bank.questions.iter().map(|q| q.id.clone()).collect();
    // Only levels each question's answer type offers; others are migrated on opening.
    let types: BTreeMap<String, assessment_core::AnswerType> = bank
        .questions
        .iter()
        .map(|q| (q.id.clone(), q.answer))
        .collect();
    let answers = prop::collection::vec((prop::sample::select(ids), record()), 0..24).prop_map(
        move |records| {
            records
                .into_iter()
                .filter(|(_, record)| *record != AnswerRecord::default())
                .map(|(id, mut record)| {
                    if let Some(Response::Implemented { level }) = &mut record.response {
                        *level = types[&id].migrate(*level);
                    }
                    (id, record)
                })
                .collect::<BTreeMap<_, _>>()
        },
    );
    let profile: Vec<BoxedStrategy<Option<(String, String)>>> = bank
        .profile
        .iter()
        .map(|question| {
            let options: Vec<String> = question.options.iter().map(|o| o.id.clone()).collect();
            let id = question.id.clone();
            prop::option::of(prop::sample::select(options).prop_map(move |o| (id.clone(), o)))
                .boxed()
        })
        .collect();
    let profile = profile.prop_map(|chosen| chosen.into_iter().flatten().collect());
    let scans = prop::collection::vec(scan_source(), 0..3);
    let evidence = prop::collection::vec((evidence_checks(), any::<bool>(), any::<usize>()), 24);
    let previous = prop::option::of((text(), "[0-9a-f]{64}", maybe_day()).prop_map(
        |(entry, fingerprint, assessed_on)| PreviousLink {
            entry,
            fingerprint,
            assessed_on,
        },
    ));
    // Boxed: the nested strategies otherwise need more stack than a test thread has.
    let extras = (evidence, previous).boxed();
    (
        details().boxed(),
        answers.boxed(),
        profile.boxed(),
        scans.boxed(),
        extras,
    )
        .prop_map(
            move |(details, mut answers, profile, mut scans, (evidence, previous))| {
                scans.sort_by(|a, b| a.report.cmp(&b.report));
                scans.dedup_by(|a, b| a.report == b.report);
                attach_evidence(&mut answers, &scans, evidence);
                let mut assessment = Assessment {
                    details,
                    answers,
                    profile,
                    scans,
                    previous,
                };
                // Opening forgets scans no answer names, by design.
                assessment.drop_unused_scans();
                assessment
            },
        )
}

/// Gives every other answered record evidence from one of `scans` (none when there are none),
/// at the level the record holds, so the file's rules hold.
fn attach_evidence(
    answers: &mut BTreeMap<String, AnswerRecord>,
    scans: &[ScanSource],
    evidence: Vec<(Vec<EvidenceCheck>, bool, usize)>,
) {
    if scans.is_empty() {
        return;
    }
    for ((record, (checks, changed_by_hand, pick)), index) in
        answers.values_mut().zip(evidence).zip(0..)
    {
        let Some(Response::Implemented { level }) = record.response else {
            continue;
        };
        if index % 2 == 0 {
            record.evidence = Some(Evidence {
                scan: scans[pick % scans.len()].report.text(),
                checks,
                level,
                changed_by_hand,
            });
        }
    }
}

fn case() -> impl Strategy<Value = (Arc<Bank>, Assessment)> {
    prop::sample::select(banks().to_vec())
        .prop_flat_map(|bank| (Just(Arc::clone(&bank)), assessment_of(&bank)))
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        (text(), text(), text()),
        maybe_day(),
        (any::<u32>(), any::<u32>(), any::<u32>()),
        (text(), prop::option::of(text())),
        (
            prop::option::of(0u32..5),
            prop::collection::vec(0u32..=100, 0..10),
            text(),
        ),
    )
        .prop_map(
            |(
                (id, name, organisation),
                assessed_on,
                (answered, applicable, score),
                (saved_at, previous),
                (tier, families, scored_with),
            )| {
                Entry {
                    id,
                    name,
                    organisation,
                    assessed_on,
                    answered,
                    applicable,
                    score,
                    saved_at,
                    previous,
                    tier,
                    families,
                    scored_with,
                }
            },
        )
}

fn index() -> impl Strategy<Value = Index> {
    (
        prop::collection::vec(entry(), 0..6),
        prop::option::of(text()),
        any::<u64>(),
    )
        .prop_map(|(entries, current, next_number)| Index {
            version: INDEX_VERSION,
            entries,
            current,
            next_number,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_saved_assessment_opens_as_it_was((bank, assessment) in case(), app_version in text()) {
        prop_assert!(savefile::problems(&assessment, &bank).is_empty());
        let file = savefile::save(&assessment, &bank, &app_version, "2026-01-01T00:00:00Z");
        let opened = savefile::open(file.as_bytes(), &bank);
        let opened = match opened {
            Ok(opened) => opened,
            Err(error) => return Err(TestCaseError::fail(format!("{error}\n{file}"))),
        };
        prop_assert_eq!(&opened.assessment, &assessment);
        prop_assert!(opened.notes.is_empty(), "{:?}", opened.notes);
        prop_assert_eq!(opened.version, CURRENT_VERSION);
        prop_assert_eq!(&opened.app_version, &app_version);
        prop_assert_eq!(&opened.content_version, &bank.version);
        // Written again, it is the same file, byte for byte.
        let again = savefile::save(&opened.assessment, &bank, &app_version, "2026-01-01T00:00:00Z");
        prop_assert_eq!(again, file);
    }

    #[test]
    fn a_stored_index_reads_back_as_it_was(index in index()) {
        prop_assert_eq!(Index::from_json(&index.to_json()), Some(index));
    }
}

/// The generators above reach every state; a sample is enough to show it.
#[test]
fn the_generators_reach_every_state() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let strategy = case();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..400 {
        let (_, assessment) = strategy.new_tree(&mut runner).unwrap().current();
        for record in assessment.answers.values() {
            seen.insert(match &record.response {
                None => "unanswered".to_owned(),
                Some(Response::Implemented { level }) => level.key().to_owned(),
                Some(Response::NotApplicable { reason }) if reason.is_empty() => "n/a".to_owned(),
                Some(Response::NotApplicable { .. }) => "n/a with reason".to_owned(),
                Some(Response::DontKnow) => "dont-know".to_owned(),
            });
            seen.insert(record.action_status.key().to_owned());
            if let Some(risk) = &record.risk_acceptance {
                seen.insert(format!("expiry {}", risk.expires_on.is_some()));
            }
        }
        if !assessment.profile.is_empty() {
            seen.insert("profile".to_owned());
        }
    }
    for state in [
        "unanswered",
        "none",
        "partial",
        "largely",
        "fully",
        "n/a",
        "n/a with reason",
        "dont-know",
        "open",
        "in-progress",
        "done",
        "expiry true",
        "expiry false",
        "profile",
    ] {
        assert!(seen.contains(state), "{state} never generated: {seen:?}");
    }
}
