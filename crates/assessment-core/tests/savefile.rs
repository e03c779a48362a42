//! The assessment file: round trips, every kind of bad input with its plain-language message,
//! and property tests on mutated and random input (never a panic, never an invalid assessment).

use assessment_core::json::{ProblemKind, Shape};
use assessment_core::savefile::{self, OpenError, OpenNote, MAX_FILE_BYTES, MAX_TEXT_CHARS};
use assessment_core::{
    Assessment, Bank, Change, DetailsEdit, Level, RecordEdit, Response, RiskAcceptance,
};
use chrono::NaiveDate;
use proptest::prelude::*;

static SHIPPED: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    assessment_core::Bank::source_in(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content"
    )))
    .expect("the shipped bank can be read")
});

/// Parsed once: the property tests open hundreds of files against it.
fn bank() -> Bank {
    static BANK: std::sync::LazyLock<Bank> =
        std::sync::LazyLock::new(|| Bank::from_toml(&SHIPPED).unwrap());
    BANK.clone()
}

/// An assessment touching every kind of field, with hostile text in each.
fn sample(bank: &Bank) -> Assessment {
    let hostile =
        "<script>alert(1)</script> \"quoted\" =SUM(A1) \u{202e}rtl\u{202c} tab\there\nnew line";
    let mut a = Assessment::default();
    let edits = [
        Change::Details(DetailsEdit::Organisation(format!("Org {hostile}"))),
        Change::Details(DetailsEdit::Assessor("A. Assessor".into())),
        Change::Details(DetailsEdit::AssessedOn(NaiveDate::from_ymd_opt(
            2024, 4, 20,
        ))),
        Change::Details(DetailsEdit::NotifiedOn(NaiveDate::from_ymd_opt(
            2024, 4, 11,
        ))),
        Change::Profile {
            question: "azure".into(),
            option: Some("no".into()),
        },
    ];
    for edit in edits {
        a.apply(edit);
    }
    let ids: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    let responses = [
        Response::Implemented {
            level: Level::Fully,
        },
        Response::Implemented {
            level: Level::Partial,
        },
        Response::DontKnow,
        Response::NotApplicable {
            reason: hostile.into(),
        },
    ];
    for (id, response) in ids.iter().zip(responses) {
        // Only levels the question's answer type offers: others are migrated on opening.
        let response = match response {
            Response::Implemented { level } => Response::Implemented {
                level: bank.question(id).unwrap().answer.migrate(level),
            },
            other => other,
        };
        a.apply(Change::Respond {
            question: id.to_string(),
            response: Some(response),
        });
    }
    a.apply(Change::Record {
        question: ids[5].into(),
        edit: RecordEdit::Note(hostile.into()),
    });
    a.apply(Change::Record {
        question: ids[5].into(),
        edit: RecordEdit::RiskAcceptance(Some(RiskAcceptance {
            justification: hostile.into(),
            approver: "CISO".into(),
            expires_on: NaiveDate::from_ymd_opt(2025, 1, 31),
        })),
    });
    a
}

fn saved(bank: &Bank, assessment: &Assessment) -> String {
    savefile::save(assessment, bank, "0.1.0", "2026-11-25T08:00:00Z")
}

fn open(bytes: impl AsRef<[u8]>) -> Result<savefile::Opened, OpenError> {
    savefile::open(bytes.as_ref(), &bank())
}

#[test]
fn a_saved_assessment_reopens_identically() {
    let bank = bank();
    let original = sample(&bank);
    let opened = savefile::open(saved(&bank, &original).as_bytes(), &bank).unwrap();
    assert_eq!(opened.assessment, original);
    assert!(opened.notes.is_empty());
    assert_eq!(opened.version, savefile::CURRENT_VERSION);
    assert_eq!(opened.content_version, bank.version);
    // And the empty assessment too.
    let empty = savefile::open(saved(&bank, &Assessment::default()).as_bytes(), &bank).unwrap();
    assert_eq!(empty.assessment, Assessment::default());
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let bank = bank();
    let text = format!("\u{feff}{}", saved(&bank, &sample(&bank)));
    assert!(open(text).is_ok());
}

#[test]
fn each_bad_input_gets_its_own_plain_message() {
    let bank = bank();
    let good = saved(&bank, &sample(&bank));
    let cases: Vec<(&str, Vec<u8>, OpenError)> = vec![
        ("empty file", vec![], OpenError::Empty),
        ("only white space", b"  \n\t ".to_vec(), OpenError::Empty),
        (
            "PNG image",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            OpenError::NotText,
        ),
        (
            "invalid UTF-8",
            vec![b'{', 0xff, 0xfe, b'}'],
            OpenError::NotText,
        ),
        (
            "too large",
            vec![b' '; MAX_FILE_BYTES + 1],
            OpenError::TooLarge {
                bytes: MAX_FILE_BYTES + 1,
            },
        ),
        (
            "cut in half",
            good.as_bytes()[..good.len() / 2].to_vec(),
            OpenError::Truncated {
                line: good[..good.len() / 2].lines().count(),
            },
        ),
        (
            "not JSON",
            b"name,score\nexample,12\n".to_vec(),
            OpenError::NotJson { line: 1, column: 2 },
        ),
        (
            "millions of tiny values",
            format!("[{}]", vec!["0"; 300_000].join(",")).into_bytes(),
            OpenError::TooManyValues,
        ),
        (
            "a JSON list",
            b"[1, 2, 3]".to_vec(),
            OpenError::NotAnAssessment,
        ),
        (
            "other JSON",
            br#"{"MetaData": {"Tool": "ScubaGear"}}"#.to_vec(),
            OpenError::NotAnAssessment,
        ),
        (
            "newer version",
            good.replace("\"version\": 3", "\"version\": 7")
                .into_bytes(),
            OpenError::NewerVersion { version: 7 },
        ),
        (
            "version zero",
            good.replace("\"version\": 3", "\"version\": 0")
                .into_bytes(),
            OpenError::UnknownVersion,
        ),
        (
            "version as text",
            good.replace("\"version\": 3", "\"version\": \"1\"")
                .into_bytes(),
            OpenError::UnknownVersion,
        ),
    ];
    for (name, bytes, expected) in cases {
        let got = open(&bytes).expect_err(name);
        assert_eq!(got, expected, "{name}");
        let message = got.to_string();
        assert!(message.ends_with('.'), "{name}: {message}");
        assert!(!message.contains("serde"), "{name}: {message}");
    }
}

#[test]
fn wrong_types_name_the_place() {
    let bank = bank();
    let good = saved(&bank, &sample(&bank));
    let bad = good.replacen("\"level\": \"fully\"", "\"level\": \"mostly\"", 1);
    let error = open(bad).unwrap_err();
    let OpenError::Invalid { path, problem } = &error else {
        panic!("{error:?}")
    };
    // The response is read field by field, so the path names the level itself.
    assert!(
        path.starts_with("assessment.answers.") && path.ends_with(".response.level"),
        "{path}"
    );
    assert_eq!(
        problem,
        &ProblemKind::NotOneOf {
            value: "mostly".into(),
            allowed: vec!["none", "partial", "largely", "fully"]
        }
    );
    assert_eq!(
        error.to_string(),
        format!(
            "The file has a value this tool cannot use at {path}: \"mostly\" is not one of none, \
             partial, largely, fully."
        )
    );

    let bad_date = good.replace("\"2024-04-11\"", "\"11/04/2024\"");
    let error = open(bad_date).unwrap_err();
    assert!(
        matches!(&error, OpenError::Invalid { path, .. } if path == "assessment.details.notified_on"),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "The file has a value this tool cannot use at assessment.details.notified_on: \
         \"11/04/2024\" is not a date of the form yyyy-mm-dd."
    );

    let unknown_field = good.replacen("\"assessor\"", "\"assessr\"", 1);
    assert_eq!(
        open(&unknown_field).unwrap_err(),
        OpenError::Invalid {
            path: "assessment.details.assessr".into(),
            problem: ProblemKind::UnknownField {
                name: "assessr".into()
            }
        }
    );
    assert_eq!(
        open(unknown_field).unwrap_err().to_string(),
        "The file has a value this tool cannot use at assessment.details.assessr: this tool does \
         not know this field."
    );

    let text_as_number = good.replacen("\"owner\": \"\"", "\"owner\": 3", 1);
    let error = open(text_as_number).unwrap_err();
    assert_eq!(
        error,
        OpenError::Invalid {
            path: format!("assessment.answers.{}.owner", bank.questions[0].id),
            problem: ProblemKind::WrongType {
                expected: Shape::Text,
                found: Shape::Number
            }
        }
    );
    assert_eq!(
        error.to_string(),
        format!(
            "The file has a value this tool cannot use at assessment.answers.{}.owner: expected \
             text, found a number.",
            bank.questions[0].id
        )
    );

    let no_assessment = format!(r#"{{"kind": "{}", "version": 1}}"#, savefile::FILE_KIND);
    let error = open(no_assessment).unwrap_err();
    assert_eq!(
        error,
        OpenError::Invalid {
            path: "assessment".into(),
            problem: ProblemKind::Missing {
                field: "assessment"
            }
        }
    );
    assert_eq!(
        error.to_string(),
        "The file has a value this tool cannot use at assessment: this required field is missing."
    );
}

#[test]
fn a_question_answered_twice_is_refused() {
    let bank = bank();
    let id = &bank.questions[0].id;
    let text = format!(
        r#"{{"kind": "{}", "version": 1, "assessment": {{"answers": {{
            "{id}": {{"response": {{"state": "dont-know"}}}},
            "{id}": {{"response": {{"state": "implemented", "level": "fully"}}}}
        }}}}}}"#,
        savefile::FILE_KIND
    );
    assert_eq!(
        open(text).unwrap_err(),
        OpenError::DuplicateQuestion { id: id.clone() }
    );
}

#[test]
fn a_field_or_profile_answer_given_twice_is_refused_with_its_place() {
    let kind = savefile::FILE_KIND;
    let cases = [
        (
            format!(
                r#"{{"kind": "{kind}", "version": 1, "assessment": {{"details": {{"assessor": "a", "assessor": "b"}}}}}}"#
            ),
            "assessment.details.assessor",
        ),
        (
            format!(
                r#"{{"kind": "{kind}", "version": 1, "assessment": {{"profile": {{"azure": "yes", "azure": "no"}}}}}}"#
            ),
            "assessment.profile.azure",
        ),
        (
            format!(r#"{{"kind": "{kind}", "version": 1, "version": 1, "assessment": {{}}}}"#),
            "version",
        ),
    ];
    for (text, place) in cases {
        let error = open(&text).unwrap_err();
        match &error {
            OpenError::Invalid { path, problem } => {
                assert_eq!(path, place);
                let name = place.rsplit('.').next().unwrap().to_owned();
                assert!(
                    *problem == ProblemKind::DuplicateField { name: name.clone() }
                        || *problem == ProblemKind::DuplicateKey { key: name },
                    "{problem:?}"
                );
                assert!(error.to_string().contains("twice"), "{error}");
            }
            other => panic!("{place}: {other:?}"),
        }
    }
}

#[test]
fn a_response_holds_only_the_fields_of_its_state() {
    let bank = bank();
    let id = &bank.questions[0].id;
    let file = |response: &str| {
        format!(
            r#"{{"kind": "{}", "version": 1, "assessment": {{"answers": {{"{id}": {{"response": {response}}}}}}}}}"#,
            savefile::FILE_KIND
        )
    };
    let place = |field: &str| format!("assessment.answers.{id}.response.{field}");
    let cases = [
        (
            r#"{"state": "dont-know", "level": "fully"}"#,
            place("level"),
            ProblemKind::UnknownField {
                name: "level".into(),
            },
        ),
        (
            r#"{"state": "implemented", "level": "fully", "reason": "x"}"#,
            place("reason"),
            ProblemKind::UnknownField {
                name: "reason".into(),
            },
        ),
        (
            r#"{"state": "not-applicable"}"#,
            place("reason"),
            ProblemKind::Missing { field: "reason" },
        ),
        (
            r#"{"level": "fully"}"#,
            place("state"),
            ProblemKind::Missing { field: "state" },
        ),
        (
            r#"{"state": "maybe"}"#,
            place("state"),
            ProblemKind::NotOneOf {
                value: "maybe".into(),
                allowed: vec!["implemented", "not-applicable", "dont-know"],
            },
        ),
        (
            r#"{"state": "implemented", "level": 3}"#,
            place("level"),
            ProblemKind::WrongType {
                expected: Shape::Text,
                found: Shape::Number,
            },
        ),
    ];
    for (response, path, problem) in cases {
        assert_eq!(
            open(file(response)).unwrap_err(),
            OpenError::Invalid { path, problem },
            "{response}"
        );
    }
    let opened = open(file(r#"{"state": "not-applicable", "reason": ""}"#)).unwrap();
    assert_eq!(
        opened.assessment.response(id),
        Some(&Response::NotApplicable {
            reason: String::new()
        })
    );
}

#[test]
fn questions_and_profile_answers_the_bank_lacks_are_reported_not_silently_dropped() {
    let bank = bank();
    let text = format!(
        r#"{{"kind": "{}", "version": 1, "assessment": {{
            "answers": {{
                "OLD-01": {{"response": {{"state": "dont-know"}}}},
                "{}": {{"response": {{"state": "implemented", "level": "fully"}}}}
            }},
            "profile": {{"azure": "sometimes", "m365": "yes", "retired": "no"}}
        }}}}"#,
        savefile::FILE_KIND,
        bank.questions[0].id
    );
    let opened = open(text).unwrap();
    assert_eq!(opened.assessment.answers.len(), 1);
    assert_eq!(opened.assessment.profile.len(), 1);
    assert_eq!(
        opened.notes,
        [
            OpenNote::UnknownQuestions {
                ids: vec!["OLD-01".into()]
            },
            OpenNote::UnknownProfileAnswers {
                answers: vec![
                    ("azure".into(), "sometimes".into()),
                    ("retired".into(), "no".into())
                ]
            }
        ]
    );
    assert_eq!(
        opened.notes[0].to_string(),
        "1 answer(s) refer to questions this version of the question bank does not have, and \
         were not kept: OLD-01."
    );
    assert_eq!(
        opened.notes[1].to_string(),
        "2 organisation-profile answer(s) do not match this version's profile questions, and \
         were not kept: azure = sometimes, retired = no. Those questions are shown unanswered."
    );
}

#[test]
fn overlong_text_is_refused_with_its_place() {
    let bank = bank();
    let mut a = Assessment::default();
    a.apply(Change::Record {
        question: bank.questions[0].id.clone(),
        edit: RecordEdit::Note("x".repeat(MAX_TEXT_CHARS + 1)),
    });
    let error = open(saved(&bank, &a)).unwrap_err();
    assert_eq!(
        error,
        OpenError::TextTooLong {
            path: format!("assessment.answers.{}.note", bank.questions[0].id)
        }
    );
    // 20,000 characters, the longest text the reports are tested with, is fine.
    let mut b = Assessment::default();
    b.apply(Change::Record {
        question: bank.questions[0].id.clone(),
        edit: RecordEdit::Note("y".repeat(20_000)),
    });
    assert!(open(saved(&bank, &b)).is_ok());
}

/// One random edit to a byte string: flip, delete, insert or cut.
fn mutate(mut bytes: Vec<u8>, kind: u8, at: usize, value: u8) -> Vec<u8> {
    if bytes.is_empty() {
        return vec![value];
    }
    let at = at % bytes.len();
    match kind % 4 {
        0 => bytes[at] ^= value.max(1),
        1 => {
            bytes.remove(at);
        }
        2 => bytes.insert(at, value),
        _ => bytes.truncate(at),
    }
    bytes
}

proptest! {
    // 512 mutated files and 256 random byte strings per run: enough to exercise every error path
    // in well under a second.
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn mutated_files_open_cleanly_or_fail_cleanly(
        edits in prop::collection::vec((any::<u8>(), any::<usize>(), any::<u8>()), 1..6)
    ) {
        let bank = bank();
        let mut bytes = saved(&bank, &sample(&bank)).into_bytes();
        for (kind, at, value) in edits {
            bytes = mutate(bytes, kind, at, value);
        }
        if let Ok(opened) = savefile::open(&bytes, &bank) {
            prop_assert!(savefile::problems(&opened.assessment, &bank).is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let bank = bank();
        if let Ok(opened) = savefile::open(&bytes, &bank) {
            prop_assert!(savefile::problems(&opened.assessment, &bank).is_empty());
        }
    }

    #[test]
    fn random_json_shaped_input_never_panics(text in r#"\{"kind": "midnight-blizzard-self-assessment", "version": 1, "assessment": \{[ -~]{0,80}\}\}"#) {
        let bank = bank();
        if let Ok(opened) = savefile::open(text.as_bytes(), &bank) {
            prop_assert!(savefile::problems(&opened.assessment, &bank).is_empty());
        }
    }
}

/// A file from bank 2026.11 answered every question on the four-step scale; opened now, an
/// answer on a step the question's type no longer offers moves to the step that claims no more,
/// and the person is told which.
#[test]
fn answers_on_the_old_scale_are_migrated_with_a_note() {
    use assessment_core::AnswerType;
    let bank = bank();
    let of_type = |answer: AnswerType| {
        bank.questions
            .iter()
            .find(|q| q.answer == answer)
            .map(|q| q.id.clone())
            .unwrap_or_else(|| panic!("the bank has a {} question", answer.key()))
    };
    let (setting, action, coverage) = (
        of_type(AnswerType::Setting),
        of_type(AnswerType::Action),
        of_type(AnswerType::Coverage),
    );
    let file = format!(
        r#"{{"kind": "midnight-blizzard-self-assessment", "version": 1, "content_version": "2026.11.0",
            "assessment": {{"answers": {{
              "{setting}": {{"response": {{"state": "implemented", "level": "largely"}}}},
              "{action}": {{"response": {{"state": "implemented", "level": "largely"}}}},
              "{coverage}": {{"response": {{"state": "implemented", "level": "largely"}}}}
            }}}}}}"#
    );
    let opened = open(file).unwrap();
    let level_of = |id: &str| match opened.assessment.response(id) {
        Some(Response::Implemented { level }) => *level,
        other => panic!("{id}: {other:?}"),
    };
    assert_eq!(
        level_of(&setting),
        Level::None,
        "a setting not on for everyone is off"
    );
    assert_eq!(
        level_of(&action),
        Level::Partial,
        "largely done is under way"
    );
    assert_eq!(
        level_of(&coverage),
        Level::Largely,
        "coverage keeps its answer"
    );
    assert!(savefile::problems(&opened.assessment, &bank).is_empty());
    let [note] = opened.notes.as_slice() else {
        panic!("one note: {:?}", opened.notes)
    };
    let text = note.to_string();
    assert!(
        text.starts_with("2 answer(s) were given on a scale"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{setting} \u{201c}Largely in place\u{201d} is now \u{201c}Off\u{201d}"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{action} \u{201c}Largely in place\u{201d} is now \u{201c}Under way\u{201d}"
        )),
        "{text}"
    );
    // Saved again, the file holds the migrated answers and opens without a note.
    let again = open(saved(&bank, &opened.assessment)).unwrap();
    assert!(again.notes.is_empty());
    assert_eq!(again.assessment, opened.assessment);
}

// ---------------------------------------------------------------------------------------------
// Format 2: scan evidence

/// A version 1 file (the golden file as format 1 wrote it) opens as an assessment without
/// evidence, and saves in the current version with the same answer data.
#[test]
fn a_version_1_file_is_migrated_to_the_current_version() {
    let v1 = include_str!("fixtures/assessment-v1.json");
    assert!(v1.contains("\"version\": 1"));
    let report_bank = Bank::from_toml(include_str!("fixtures/report_bank.toml")).unwrap();
    let opened = savefile::open(v1.as_bytes(), &report_bank).unwrap();
    assert_eq!(opened.version, 1);
    assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    assert!(opened.assessment.scans.is_empty());
    assert!(opened
        .assessment
        .answers
        .values()
        .all(|r| r.evidence.is_none()));
    let v2 = savefile::save(
        &opened.assessment,
        &report_bank,
        "0.1.0",
        "2026-12-02T08:00:00Z",
    );
    assert!(v2.contains("\"version\": 3"), "{v2}");
    let reopened = savefile::open(v2.as_bytes(), &report_bank).unwrap();
    assert_eq!(reopened.version, 3);
    assert_eq!(reopened.assessment, opened.assessment);
    assert_eq!(
        assessment_core::report::fingerprint(&reopened.assessment),
        assessment_core::report::fingerprint(&opened.assessment),
    );
}

/// Version 1 never held evidence: a version 1 file naming it is refused with its place.
#[test]
fn a_version_1_file_with_evidence_fields_is_refused() {
    let file = r#"{"kind": "midnight-blizzard-self-assessment", "version": 1,
        "assessment": {"scans": []}}"#;
    assert_eq!(
        open(file).unwrap_err(),
        OpenError::Invalid {
            path: "assessment".into(),
            problem: ProblemKind::UnknownField {
                name: "scans".into()
            },
        }
    );
}

fn with_evidence(bank: &Bank) -> (Assessment, String) {
    use assessment_core::assessment::{Evidence, EvidenceCheck};
    use assessment_core::scan::{ReportId, ScanSource, Tenant, Tool};
    let question = bank
        .questions
        .iter()
        .find(|q| q.answer == assessment_core::AnswerType::Coverage)
        .unwrap()
        .id
        .clone();
    let mut a = Assessment::default();
    let hostile = "<b>x</b> =1+1 \"q\"";
    a.scans.push(ScanSource {
        tool: Tool::ScubaGear,
        tool_version: Some("1.8.0".into()),
        report: ReportId::Uuid("fa5589b7-d528-4f80-9a3c-000000000000".into()),
        tenant: Tenant {
            id: Some("00000000-1111-2222-3333-444444444444".into()),
            name: Some(hostile.into()),
            domain: Some("example.onmicrosoft.com".into()),
        },
        scanned_at: Some("2026-05-07T14:02:11Z".into()),
    });
    a.apply(Change::Respond {
        question: question.clone(),
        response: Some(Response::Implemented {
            level: Level::Partial,
        }),
    });
    a.answers.get_mut(&question).unwrap().evidence = Some(Evidence {
        scan: "fa5589b7-d528-4f80-9a3c-000000000000".into(),
        checks: vec![EvidenceCheck {
            id: "MS.AAD.3.2v1".into(),
            policy: "MS.AAD.3.2v2".into(),
            verdict: hostile.into(),
            earlier_wording: true,
        }],
        level: Level::Partial,
        changed_by_hand: false,
    });
    (a, question)
}

#[test]
fn evidence_round_trips_and_a_hand_change_keeps_it_marked() {
    let bank = bank();
    let (mut a, question) = with_evidence(&bank);
    assert!(savefile::problems(&a, &bank).is_empty());
    let opened = open(saved(&bank, &a)).unwrap();
    assert_eq!(opened.assessment, a);
    a.apply(Change::Respond {
        question: question.clone(),
        response: Some(Response::Implemented {
            level: Level::Fully,
        }),
    });
    let evidence = a.record(&question).unwrap().evidence.as_ref().unwrap();
    assert!(evidence.changed_by_hand, "the evidence stays, marked");
    assert_eq!(evidence.level, Level::Partial, "what the scan said is kept");
    assert_eq!(open(saved(&bank, &a)).unwrap().assessment, a);
}

#[test]
fn evidence_naming_no_scan_of_the_file_is_dropped_with_a_note() {
    let bank = bank();
    let (mut a, question) = with_evidence(&bank);
    a.scans.clear();
    let opened = open(saved(&bank, &a)).unwrap();
    let record = opened.assessment.record(&question).unwrap();
    assert!(record.evidence.is_none());
    assert_eq!(
        record.response,
        Some(Response::Implemented {
            level: Level::Partial
        }),
        "the answer itself is kept"
    );
    assert_eq!(
        opened.notes,
        vec![OpenNote::EvidenceDropped {
            ids: vec![question.clone()]
        }]
    );
    assert!(opened.notes[0].to_string().contains(&question));
}

/// Version 3 added the series link: a version 2 file reads without one and saves as version 3; a
/// link in a version 2 file is refused like any field that version does not know; a version 3
/// file keeps its link.
#[test]
fn the_series_link_is_version_3() {
    let report_bank = Bank::from_toml(include_str!("fixtures/report_bank.toml")).unwrap();
    let mut linked = sample(&report_bank);
    linked.previous = Some(assessment_core::PreviousLink {
        entry: "a7".to_owned(),
        fingerprint: "ab".repeat(32),
        assessed_on: NaiveDate::from_ymd_opt(2024, 1, 31),
    });
    let v3 = savefile::save(&linked, &report_bank, "0.1.0", "2026-12-02T08:00:00Z");
    assert!(
        v3.contains("\"version\": 3") && v3.contains("\"entry\": \"a7\""),
        "{v3}"
    );
    let reopened = savefile::open(v3.as_bytes(), &report_bank).unwrap();
    assert_eq!(reopened.assessment.previous, linked.previous);

    let as_v2 = v3.replace("\"version\": 3", "\"version\": 2");
    let error = savefile::open(as_v2.as_bytes(), &report_bank).unwrap_err();
    assert!(error.to_string().contains("assessment.previous"), "{error}");

    let unlinked = savefile::save(&sample(&report_bank), &report_bank, "0.1.0", "t")
        .replace("\"version\": 3", "\"version\": 2")
        .replace(",\n    \"previous\": null", "");
    let opened = savefile::open(unlinked.as_bytes(), &report_bank).unwrap();
    assert_eq!(opened.version, 2);
    assert_eq!(opened.assessment.previous, None);
}
