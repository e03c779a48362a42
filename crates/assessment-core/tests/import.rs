//! Taking a scan in: the preview's rows, conflicts with hand answers, undecided questions, unused
//! checks, the tenant and age warnings, and what applying the person's choices leaves behind.
//!
//! The evidence rules are set here on the shipped bank's questions, so these tests pin the rules
//! themselves; the shipped mapping is checked in `content_quality.rs` and against the real
//! samples in `scan_files.rs`.

mod common;

use assessment_core::answers::{AnswerType, Level};
use assessment_core::content::{Combine, EvidenceRule};
use assessment_core::import::{self, Choices, RowKind};
use assessment_core::scan::{Check, Outcome, ReportId, Scan, ScanKind, ScanSource, Tenant, Tool};
use assessment_core::scuba::ScubaTable;
use assessment_core::{Assessment, Bank, Change};
use chrono::NaiveDate;

use common::{date, level, shipped_bank};

fn table() -> ScubaTable {
    ScubaTable::from_toml(include_str!("../../../content/scuba.toml")).unwrap()
}

/// The shipped bank with exactly these rules: (question of this type, policies, combine).
fn bank_with(rules: &[(AnswerType, &[&str], Combine)]) -> (Bank, Vec<String>) {
    let mut bank = shipped_bank();
    for question in &mut bank.questions {
        question.evidence = None;
    }
    let mut ids = Vec::new();
    for (answer, policies, combine) in rules {
        let question = bank
            .questions
            .iter_mut()
            .find(|q| q.answer == *answer && q.requires == ["m365"] && q.evidence.is_none())
            .unwrap();
        question.evidence = Some(EvidenceRule {
            policies: policies.iter().map(|p| p.to_string()).collect(),
            combine: *combine,
        });
        ids.push(question.id.clone());
    }
    (bank, ids)
}

fn check(id: &str, result: &str, outcome: Outcome) -> Check {
    Check {
        id: id.into(),
        result: result.into(),
        original: None,
        outcome,
        criticality: Some("Shall".into()),
        title: format!("title of {id}"),
        skipped_reason: None,
        comment: None,
        resolution_date: None,
    }
}

fn scan(report: &str, tenant: &str, at: &str, checks: Vec<Check>) -> Scan {
    Scan {
        source: ScanSource {
            tool: Tool::ScubaGear,
            tool_version: Some("1.8.0".into()),
            report: ReportId::Uuid(report.into()),
            tenant: Tenant {
                id: Some(tenant.into()),
                name: Some("Contoso".into()),
                domain: Some("contoso.onmicrosoft.com".into()),
            },
            scanned_at: Some(at.into()),
        },
        kind: ScanKind::ScubaGearMerged,
        checks,
        duplicate_ids: Vec::new(),
        damaged: false,
    }
}

const TODAY: &str = "2026-06-01";
const RECENT: &str = "2026-05-07T14:02:11.123Z";

fn pass(id: &str) -> Check {
    check(id, "Pass", Outcome::Pass)
}

fn fail(id: &str) -> Check {
    check(id, "Fail", Outcome::NotMet)
}

#[test]
fn verdicts_combine_into_answers_by_the_rule() {
    let (bank, ids) = bank_with(&[
        (
            AnswerType::Coverage,
            &["MS.AAD.3.1v1", "MS.AAD.3.3v2"],
            Combine::All,
        ),
        (
            AnswerType::Coverage,
            &["MS.AAD.5.1v1", "MS.AAD.5.2v1"],
            Combine::All,
        ),
        (
            AnswerType::Coverage,
            &["MS.AAD.7.1v1", "MS.AAD.7.2v1"],
            Combine::All,
        ),
        (
            AnswerType::Setting,
            &["MS.AAD.1.1v1", "MS.AAD.6.1v1"],
            Combine::All,
        ),
        (
            AnswerType::Coverage,
            &["MS.AAD.4.1v1", "MS.AAD.2.1v1"],
            Combine::Any,
        ),
    ]);
    let scan = scan(
        "u1",
        "t1",
        RECENT,
        vec![
            pass("MS.AAD.3.1v1"),
            pass("MS.AAD.3.3v2"),
            pass("MS.AAD.5.1v1"),
            check("MS.AAD.5.2v1", "Warning", Outcome::NotMet),
            fail("MS.AAD.7.1v1"),
            fail("MS.AAD.7.2v1"),
            pass("MS.AAD.1.1v1"),
            fail("MS.AAD.6.1v1"),
            fail("MS.AAD.4.1v1"),
            pass("MS.AAD.2.1v1"),
        ],
    );
    let preview = import::preview(&bank, &table(), &Assessment::default(), &scan);
    let got: Vec<(&str, Level, RowKind)> = preview
        .rows
        .iter()
        .map(|r| (r.question.as_str(), r.to, r.kind))
        .collect();
    let mut expected = vec![
        (ids[0].as_str(), Level::Fully, RowKind::New),
        (ids[1].as_str(), Level::Partial, RowKind::New),
        (ids[2].as_str(), Level::None, RowKind::New),
        (ids[3].as_str(), Level::None, RowKind::New),
        (ids[4].as_str(), Level::Fully, RowKind::New),
    ];
    let order = |id: &str| bank.questions.iter().position(|q| q.id == id);
    expected.sort_by_key(|(id, ..)| order(id));
    assert_eq!(got, expected, "a setting with some policies failing is off");
    assert!(preview.undecided.is_empty());
    assert!(preview.unused.is_empty());
    assert_eq!(preview.age_days(date(TODAY)), Some(25));
    assert!(!preview.stale(date(TODAY)));
}

#[test]
fn undecided_checks_and_missing_policies_leave_the_question_to_the_person() {
    let (bank, ids) = bank_with(&[
        (
            AnswerType::Coverage,
            &["MS.AAD.3.1v1", "MS.AAD.3.3v2"],
            Combine::All,
        ),
        (
            AnswerType::Coverage,
            &["MS.AAD.5.1v1", "MS.AAD.5.2v1"],
            Combine::All,
        ),
        (AnswerType::Coverage, &["MS.AAD.7.1v1"], Combine::All),
    ]);
    let mut licence = check("CISA.MS.AAD.7.1", "Skipped", Outcome::LicenceMissing);
    licence.skipped_reason = Some("NotLicensedEntraIDP2".into());
    let scan = scan(
        "u1",
        "t1",
        RECENT,
        vec![
            pass("MS.AAD.3.1v1"),
            check("MS.AAD.3.3v2", "N/A", Outcome::Manual),
            pass("MS.AAD.5.1v1"),
            licence,
            check("MS.AAD.99.1v1", "Pass", Outcome::Pass),
            check("MT.1001", "Passed", Outcome::Pass),
        ],
    );
    let preview = import::preview(&bank, &table(), &Assessment::default(), &scan);
    assert!(preview.rows.is_empty(), "{:?}", preview.rows);
    let undecided: Vec<(&str, Vec<Outcome>, Vec<String>)> = preview
        .undecided
        .iter()
        .map(|u| {
            (
                u.question.as_str(),
                u.checks.iter().map(|c| c.outcome).collect(),
                u.missing.clone(),
            )
        })
        .collect();
    let find = |id: &str| undecided.iter().find(|u| u.0 == id).unwrap().clone();
    assert_eq!(
        find(&ids[0]),
        (ids[0].as_str(), vec![Outcome::Manual], vec![])
    );
    assert_eq!(
        find(&ids[1]),
        (ids[1].as_str(), vec![], vec!["MS.AAD.5.2v1".to_string()])
    );
    assert_eq!(
        find(&ids[2]),
        (ids[2].as_str(), vec![Outcome::LicenceMissing], vec![])
    );
    let unused: Vec<&str> = preview.unused.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(unused, ["MS.AAD.99.1v1", "MT.1001"]);
    assert_eq!(preview.unknown_policies, ["MS.AAD.99.1v1"]);
}

#[test]
fn an_earlier_wording_is_flagged_and_maester_ids_match_by_base() {
    let (bank, ids) = bank_with(&[
        (AnswerType::Coverage, &["MS.AAD.3.2v2"], Combine::All),
        (AnswerType::Coverage, &["MS.AAD.3.1v1"], Combine::All),
    ]);
    let scan = scan(
        "u1",
        "t1",
        RECENT,
        vec![
            pass("MS.AAD.3.2v1"),
            check("CISA.MS.AAD.3.1", "Passed", Outcome::Pass),
        ],
    );
    let preview = import::preview(&bank, &table(), &Assessment::default(), &scan);
    let row = |id: &str| preview.rows.iter().find(|r| r.question == id).unwrap();
    let earlier = &row(&ids[0]).checks[0];
    assert_eq!(
        (earlier.id.as_str(), earlier.policy.as_str()),
        ("MS.AAD.3.2v1", "MS.AAD.3.2v2")
    );
    assert!(earlier.earlier_wording);
    let maester = &row(&ids[1]).checks[0];
    assert_eq!(maester.policy, "MS.AAD.3.1v1");
    assert!(!maester.earlier_wording);
}

#[test]
fn hand_answers_conflict_and_are_kept_unless_the_person_takes_the_scan() {
    let (bank, ids) = bank_with(&[
        (AnswerType::Coverage, &["MS.AAD.3.1v1"], Combine::All),
        (AnswerType::Coverage, &["MS.AAD.5.1v1"], Combine::All),
        (AnswerType::Coverage, &["MS.AAD.7.1v1"], Combine::All),
    ]);
    let mut mine = Assessment::default();
    for (id, answer) in [
        (&ids[0], Level::Largely),
        (&ids[1], Level::Partial),
        (&ids[2], Level::Fully),
    ] {
        mine.apply(Change::Respond {
            question: id.clone(),
            response: Some(level(answer)),
        });
    }
    let scan = scan(
        "u1",
        "t1",
        RECENT,
        vec![
            pass("MS.AAD.3.1v1"),
            pass("MS.AAD.5.1v1"),
            pass("MS.AAD.7.1v1"),
        ],
    );
    let preview = import::preview(&bank, &table(), &mine, &scan);
    let kinds: Vec<RowKind> = ids
        .iter()
        .map(|id| {
            preview
                .rows
                .iter()
                .find(|r| &r.question == id)
                .unwrap()
                .kind
        })
        .collect();
    assert_eq!(
        kinds,
        [RowKind::Conflict, RowKind::Conflict, RowKind::Confirms]
    );
    let choices: Choices = [(ids[1].clone(), true)].into_iter().collect();
    let after = import::apply(&mine, &preview, &choices);
    assert_eq!(
        after.response(&ids[0]),
        Some(&level(Level::Largely)),
        "kept"
    );
    assert_eq!(after.response(&ids[1]), Some(&level(Level::Fully)), "taken");
    let kept = after.record(&ids[0]).unwrap().evidence.as_ref().unwrap();
    assert!(
        kept.changed_by_hand,
        "a kept hand answer records what the scan said"
    );
    assert_eq!(kept.level, Level::Fully);
    let taken = after.record(&ids[1]).unwrap().evidence.as_ref().unwrap();
    assert!(!taken.changed_by_hand);
    assert_eq!(after.scans.len(), 1);
    assert_eq!(
        after.scan(taken).unwrap().report,
        ReportId::Uuid("u1".into())
    );
    assert!(assessment_core::savefile::problems(&after, &bank).is_empty());
}

#[test]
fn a_newer_scan_updates_what_came_from_scans_and_leaves_hand_changes() {
    let (bank, ids) = bank_with(&[
        (AnswerType::Coverage, &["MS.AAD.3.1v1"], Combine::All),
        (AnswerType::Coverage, &["MS.AAD.5.1v1"], Combine::All),
    ]);
    let first = scan(
        "u1",
        "t1",
        "2026-04-01T08:00:00Z",
        vec![fail("MS.AAD.3.1v1"), fail("MS.AAD.5.1v1")],
    );
    let preview = import::preview(&bank, &table(), &Assessment::default(), &first);
    let mut after = import::apply(&Assessment::default(), &preview, &Choices::new());
    after.apply(Change::Respond {
        question: ids[1].clone(),
        response: Some(level(Level::Largely)),
    });
    let second = scan(
        "u2",
        "t1",
        RECENT,
        vec![pass("MS.AAD.3.1v1"), pass("MS.AAD.5.1v1")],
    );
    let preview = import::preview(&bank, &table(), &after, &second);
    let kind = |id: &str| preview.rows.iter().find(|r| r.question == id).unwrap().kind;
    assert_eq!(kind(&ids[0]), RowKind::Update);
    assert_eq!(
        kind(&ids[1]),
        RowKind::Conflict,
        "changed by hand since the first scan"
    );
    let last = import::apply(&after, &preview, &Choices::new());
    assert_eq!(last.response(&ids[0]), Some(&level(Level::Fully)));
    assert_eq!(last.response(&ids[1]), Some(&level(Level::Largely)));
    let reports: Vec<&ReportId> = last.scans.iter().map(|s| &s.report).collect();
    assert_eq!(
        reports,
        [&ReportId::Uuid("u2".into())],
        "the first scan backs nothing now"
    );
}

#[test]
fn another_tenant_and_an_old_scan_are_called_out() {
    let (bank, _) = bank_with(&[(AnswerType::Coverage, &["MS.AAD.3.1v1"], Combine::All)]);
    let first = scan("u1", "t1", RECENT, vec![pass("MS.AAD.3.1v1")]);
    let preview = import::preview(&bank, &table(), &Assessment::default(), &first);
    assert_eq!(preview.other_tenant, None);
    let after = import::apply(&Assessment::default(), &preview, &Choices::new());
    let other = scan(
        "u2",
        "t2",
        "2025-12-01T00:00:00Z",
        vec![pass("MS.AAD.3.1v1")],
    );
    let preview = import::preview(&bank, &table(), &after, &other);
    assert_eq!(
        preview.other_tenant.as_ref().unwrap().id.as_deref(),
        Some("t1")
    );
    assert_eq!(preview.age_days(date(TODAY)), Some(182));
    assert!(preview.stale(date(TODAY)));
}

#[test]
fn scan_dates_are_read_from_every_form_the_tools_write() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    assert_eq!(
        import::scan_date(Some("2026-05-07T14:02:11.4Z")),
        day(2026, 5, 7)
    );
    assert_eq!(
        import::scan_date(Some("2025-03-01T10:00:00+01:00")),
        day(2025, 3, 1)
    );
    assert_eq!(
        import::scan_date(Some("11/15/2023 11:32:22 Central Standard Time")),
        day(2023, 11, 15)
    );
    assert_eq!(import::scan_date(Some("yesterday")), None);
    assert_eq!(import::scan_date(None), None);
}

#[test]
fn a_question_that_does_not_apply_is_not_answered_by_a_scan() {
    let (bank, ids) = bank_with(&[(AnswerType::Coverage, &["MS.AAD.3.1v1"], Combine::All)]);
    let mut not_m365 = Assessment::default();
    not_m365.apply(Change::Profile {
        question: "m365".into(),
        option: Some("no".into()),
    });
    let scan = scan("u1", "t1", RECENT, vec![pass("MS.AAD.3.1v1")]);
    let preview = import::preview(&bank, &table(), &not_m365, &scan);
    assert!(preview.rows.iter().all(|r| r.question != ids[0]));
}

#[test]
fn a_blank_file_is_left_to_the_assessment_reader() {
    let bank = shipped_bank();
    let (lite, _) = bank.clone().split_guidance();
    let file = assessment_core::savefile::save(&Assessment::default(), &bank, "0.0.0", "");
    let table = table().to_bytes();
    let packed = |bytes: &[u8]| {
        import::read_packed(&lite.to_bytes(), &table, &file, bytes, "x.json", -1).unwrap_err()
    };
    assert_eq!(packed(&vec![b' '; 6 * 1024 * 1024]), import::NOT_A_SCAN);
    assert_eq!(packed(b""), import::NOT_A_SCAN);
    assert!(packed(b"{\"Tests\": [").contains("cut short"));
}
