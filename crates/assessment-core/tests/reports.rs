//! Reports: golden files for one fixed assessment in every format, and for the same assessment
//! after importing the real ScubaGear v1.8.0 sample; the scan evidence in each format; hostile
//! text in every user-typed field and every scan field read back with independent parsers
//! (html5ever via scraper, the csv crate, pulldown-cmark, serde_json, the app's own file reader),
//! OSCAL structure rules, and the OSCAL samples that `cargo xtask oscal` validates with
//! compliance-trestle.
//!
//! The golden files live in `tests/golden/`, named as the app names the downloads. After a
//! deliberate change, rewrite them with
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test -p assessment-core --test reports
//! ```
//!
//! and review the diff.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assessment_core::assessment::{Evidence, EvidenceCheck, RecordEdit};
use assessment_core::content::{Combine, EvidenceRule};
use assessment_core::import;
use assessment_core::report::{
    self, clean, fingerprint, render, ReportContext, ReportKind, OSCAL_VERSION,
};
use assessment_core::savefile;
use assessment_core::scan::{self, ReportId, ScanFile, ScanSource, Tenant, Tool};
use assessment_core::scuba::ScubaTable;
use assessment_core::{
    evaluate, ActionStatus, Assessment, Bank, Change, DetailsEdit, Evaluation, Level, Response,
};
use common::*;
use serde_json::Value;

const GENERATED_AT: &str = "2024-05-01T09:30:00Z";
const TODAY: &str = "2024-05-01";
const APP_VERSION: &str = "0.0.0-golden";
const EDITION: &str = "hosted";

fn report_bank() -> Bank {
    fixture(include_str!("fixtures/report_bank.toml"))
}

fn shipped() -> &'static Bank {
    static BANK: std::sync::OnceLock<Bank> = std::sync::OnceLock::new();
    BANK.get_or_init(shipped_bank)
}

fn details(a: &mut Assessment, organisation: &str, assessor: &str, on: &str) {
    a.apply(Change::Details(DetailsEdit::Organisation(
        organisation.into(),
    )));
    a.apply(Change::Details(DetailsEdit::Assessor(assessor.into())));
    a.apply(Change::Details(DetailsEdit::AssessedOn(Some(date(on)))));
}

fn note(a: &mut Assessment, question: &str, text: &str) {
    edit(a, question, RecordEdit::Note(text.into()));
}

fn owner(a: &mut Assessment, question: &str, text: &str) {
    edit(a, question, RecordEdit::Owner(text.into()));
}

/// The golden assessment: the worked example of docs/SCORING.md with details, notes, owners, a
/// profile answer that takes a question out, a "not applicable" without a reason and an action
/// marked done although the answer still shows a gap.
fn golden_assessment() -> Assessment {
    let mut a = Assessment::default();
    details(
        &mut a,
        "Example Health Trust",
        "Sam Example (IT)",
        "2024-05-01",
    );
    notified(&mut a, "2024-04-02");
    a.apply(Change::Profile {
        question: "exchange_onprem".into(),
        option: Some("no".into()),
    });
    respond(&mut a, "ID-01", level(Level::Largely));
    owner(&mut a, "ID-01", "Sam (IT)");
    note(
        &mut a,
        "ID-01",
        "Enforced for staff.\nContractors still on SMS codes.",
    );
    respond(&mut a, "ID-02", level(Level::Fully));
    note(
        &mut a,
        "ID-02",
        "Checked the Conditional Access policy on 30 April.",
    );
    respond(&mut a, "ID-03", level(Level::Partial));
    target(&mut a, "ID-03", "2024-06-30");
    accept(
        &mut a,
        "ID-03",
        "Waiting for keys",
        "CIO",
        Some("2024-04-15"),
    );
    respond(&mut a, "ID-04", level(Level::None));
    accept(
        &mut a,
        "ID-04",
        "Scanner replaced in Q3",
        "CIO",
        Some("2024-09-30"),
    );
    respond(&mut a, "LG-01", level(Level::Fully));
    respond(&mut a, "LG-02", Response::DontKnow);
    target(&mut a, "LG-02", "2024-05-15");
    status(&mut a, "LG-02", ActionStatus::InProgress);
    owner(&mut a, "LG-02", "Logging team");
    respond(
        &mut a,
        "LG-03",
        not_applicable("No Exchange servers on premises"),
    );
    respond(&mut a, "LG-04", not_applicable(" "));
    respond(&mut a, "LG-05", level(Level::None));
    status(&mut a, "LG-05", ActionStatus::Done);
    a
}

/// Renders every format of `assessment` against `bank`.
struct Rendered {
    evaluation: Evaluation,
}

impl Rendered {
    fn new(bank: &Bank, assessment: &Assessment) -> Rendered {
        Rendered {
            evaluation: evaluate(bank, assessment, date(TODAY)),
        }
    }

    fn context<'a>(&'a self, bank: &'a Bank, assessment: &'a Assessment) -> ReportContext<'a> {
        ReportContext {
            bank,
            assessment,
            evaluation: &self.evaluation,
            generated_at: GENERATED_AT,
            today: date(TODAY),
            app_version: APP_VERSION,
            edition: EDITION,
            since: None,
        }
    }
}

fn render_all(bank: &Bank, assessment: &Assessment) -> Vec<(ReportKind, String)> {
    let rendered = Rendered::new(bank, assessment);
    let ctx = rendered.context(bank, assessment);
    ReportKind::ALL
        .into_iter()
        .map(|kind| (kind, render(kind, &ctx)))
        .collect()
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

#[test]
fn golden_files() {
    check_golden(&golden_dir(), &report_bank(), &golden_assessment());
}

/// The golden assessment after importing the real ScubaGear v1.8.0 sample: its goldens are in
/// `tests/golden/scan-evidence/`, under the same names.
#[test]
fn golden_files_with_scan_evidence() {
    let (bank, assessment) = scanned_golden();
    check_golden(&golden_dir().join("scan-evidence"), &bank, &assessment);
}

/// Compares every format of `assessment` with its golden file in `dir`, or rewrites them all
/// with `UPDATE_GOLDEN=1`.
fn check_golden(dir: &Path, bank: &Bank, assessment: &Assessment) {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for (kind, output) in render_all(bank, assessment) {
        let path = dir.join(report::file_name_for(kind, assessment));
        if update {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&path, &output).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
        if expected != output {
            let line = expected
                .lines()
                .zip(output.lines())
                .position(|(a, b)| a != b)
                .map_or_else(|| "length".to_owned(), |i| format!("line {}", i + 1));
            failures.push(format!("{} differs at {line}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nIf the change is intended: UPDATE_GOLDEN=1 cargo test -p assessment-core --test reports",
        failures.join("\n")
    );
}

#[test]
fn golden_file_names_follow_the_pattern() {
    let names: Vec<String> = ReportKind::ALL
        .into_iter()
        .map(|kind| report::file_name_for(kind, &golden_assessment()))
        .collect();
    assert_eq!(
        names,
        [
            "example-health-trust_2024-05-01_report.html",
            "example-health-trust_2024-05-01_assessment.json",
            "example-health-trust_2024-05-01_action-plan.csv",
            "example-health-trust_2024-05-01_summary.md",
            "example-health-trust_2024-05-01_oscal-assessment-results.json",
            "example-health-trust_2024-05-01_scubagear-omit.yaml",
        ]
    );
    assert_eq!(
        report::file_name_for(ReportKind::Csv, &Assessment::default()),
        "assessment_undated_action-plan.csv"
    );
}

#[test]
fn reports_are_deterministic() {
    let bank = report_bank();
    let assessment = golden_assessment();
    assert_eq!(
        render_all(&bank, &assessment),
        render_all(&bank, &assessment)
    );
}

/// The bank as the app embeds it (without guidance) and the guidance the module embeds.
struct Packing(Vec<u8>, Vec<u8>);

fn packing(bank: &Bank) -> Packing {
    let (lite, guidance) = bank.clone().split_guidance();
    Packing(lite.to_bytes(), guidance.to_bytes())
}

/// What the app hands to its on-demand report generator for `kind`.
fn packed<'a>(kind: ReportKind, bank: &'a Packing, file: &'a str) -> report::Packed<'a> {
    report::Packed {
        kind: kind.file_kind(),
        bank: &bank.0,
        guidance: &bank.1,
        assessment_file: file,
        previous_file: "",
        history: &[],
        generated_at: GENERATED_AT,
        today: TODAY,
        app_version: APP_VERSION,
        edition: EDITION,
    }
}

#[test]
fn packed_inputs_give_the_same_reports_as_the_app_state() {
    let bank = report_bank();
    let assessment = golden_assessment();
    let bank_bytes = packing(&bank);
    let file = savefile::save(&assessment, &bank, APP_VERSION, GENERATED_AT);
    for (kind, direct) in render_all(&bank, &assessment) {
        let made = report::render_packed(&packed(kind, &bank_bytes, &file));
        assert_eq!(made.as_deref(), Ok(direct.as_str()), "{kind:?}");
    }
}

#[test]
fn packed_inputs_that_do_not_fit_are_refused_with_a_reason() {
    let bank = report_bank();
    let bank_bytes = packing(&bank);
    let file = savefile::save(&golden_assessment(), &bank, APP_VERSION, GENERATED_AT);
    let good = packed(ReportKind::Html, &bank_bytes, &file);
    let refused = |packed: report::Packed| report::render_packed(&packed).unwrap_err();
    assert!(refused(report::Packed {
        kind: "poster",
        ..good
    })
    .contains("\"poster\""));
    assert!(refused(report::Packed {
        today: "tomorrow",
        ..good
    })
    .contains("not a date"));
    assert!(refused(report::Packed {
        bank: &bank_bytes.0[..10],
        ..good
    })
    .contains("question bank"));
    assert!(refused(report::Packed {
        guidance: &bank_bytes.1[..10],
        ..good
    })
    .contains("question bank"));
    assert!(refused(report::Packed {
        assessment_file: "{}",
        ..good
    })
    .starts_with("the assessment could not be read"));
}

#[test]
fn the_fingerprint_hashes_the_canonical_answer_data() {
    let assessment = golden_assessment();
    let canonical = report::canonical_json(&assessment);
    assert!(canonical.starts_with(r#"{"answers":{"ID-01":{"action_status":"open","note":"#));
    assert!(canonical.contains(r#""details":{"assessed_on":"2024-05-01","assessor":"Sam Example (IT)","notified_on":"2024-04-02","organisation":"Example Health Trust"}"#));
    assert!(canonical.ends_with(r#""profile":{"exchange_onprem":"no"}}"#));
    assert!(!canonical.contains(": ") && !canonical.contains(", "));
    let fp = fingerprint(&assessment);
    assert_eq!(fp.len(), 64);
    assert!(fp
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    // The same answers read back from the saved file give the same fingerprint.
    let bank = report_bank();
    let saved = savefile::save(&assessment, &bank, "other", "2030-01-01T00:00:00Z");
    let reopened = savefile::open(saved.as_bytes(), &bank).unwrap().assessment;
    assert_eq!(fingerprint(&reopened), fp);
    // Any change to the answer data changes it.
    let mut changed = assessment.clone();
    note(&mut changed, "LG-05", "x");
    assert_ne!(fingerprint(&changed), fp);
}

/// The canonical form written generically: every object's keys sorted, compact. The core writes
/// it field by field (smaller in the browser build); this keeps the two identical, so a field
/// added to the assessment cannot be left out of the fingerprint unnoticed.
fn generic_canonical(assessment: &Assessment) -> String {
    fn write(value: &Value, out: &mut String) {
        match value {
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                out.push('{');
                for (i, (key, value)) in entries.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(key).unwrap());
                    out.push(':');
                    write(value, out);
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    let file = savefile::save(assessment, &report_bank(), APP_VERSION, GENERATED_AT);
    let mut file: Value = serde_json::from_str(&file).unwrap();
    // Absent evidence and the series link are left out of the canonical form (docs/FORMATS.md).
    let assessment = file["assessment"].as_object_mut().unwrap();
    if assessment["scans"] == Value::Array(Vec::new()) {
        assessment.remove("scans");
    }
    assessment.remove("previous");
    for record in assessment["answers"].as_object_mut().unwrap().values_mut() {
        let record = record.as_object_mut().unwrap();
        if record["evidence"].is_null() {
            record.remove("evidence");
        }
    }
    write(&file["assessment"], &mut out);
    out
}

#[test]
fn the_canonical_form_sorts_every_key() {
    let mut every_kind = golden_assessment();
    note(&mut every_kind, "LG-06", "a note without an answer");
    accept(&mut every_kind, "LG-05", "no expiry", "CISO", None);
    let mut linked = golden_assessment();
    linked.previous = Some(assessment_core::PreviousLink {
        entry: "a1".to_owned(),
        fingerprint: "0".repeat(64),
        assessed_on: None,
    });
    assert_eq!(
        report::fingerprint(&linked),
        report::fingerprint(&golden_assessment()),
        "linking leaves the fingerprint as it was"
    );
    let mut cases = vec![
        Assessment::default(),
        golden_assessment(),
        every_kind,
        linked,
    ];
    cases.extend(hostile_cases().iter().map(|case| case.assessment.clone()));
    for assessment in &cases {
        assert_eq!(
            report::canonical_json(assessment),
            generic_canonical(assessment)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Scan evidence

/// The real ScubaGear v1.8.0 sample (tests/fixtures/scanners/README.md).
const SAMPLE: &[u8] =
    include_bytes!("fixtures/scanners/scubagear-v1.8.0/ScubaResults_fa5589b7-d528-4f80.json");
const SAMPLE_REPORT: &str = "fa5589b7-d528-4f80-8e7d-5c20eda7b6d8";
const SAMPLE_TENANT_ID: &str = "ca08493a-c9c8-4db0-a9e8-d3b4bafac269";
const SAMPLE_SCANNED_AT: &str = "2026-05-04T17:15:48.307Z";

fn scuba_table() -> ScubaTable {
    ScubaTable::from_toml(include_str!("../../../content/scuba.toml")).unwrap()
}

fn sample_scan() -> scan::Scan {
    match scan::read(SAMPLE, "ScubaResults_fa5589b7-d528-4f80.json").unwrap() {
        ScanFile::One(scan) => scan,
        ScanFile::Tenants(_) => panic!("one tenant"),
    }
}

/// The report bank with evidence rules on four questions, and the golden assessment after
/// importing the sample into it. In the sample MS.AAD.3.1v1 fails and MS.AAD.3.2v2, MS.AAD.1.1v1
/// and MS.SHAREPOINT.3.3v1 (an earlier wording of MS.SHAREPOINT.3.3v2) pass; MS.AAD.7.2v1 fails.
/// So ID-01 (answered "largely" by hand) conflicts with the scan's "partly" and is kept, its
/// evidence marked changed by hand; ID-02, ID-04 and LG-01 are confirmed by the scan.
fn scanned_golden() -> (Bank, Assessment) {
    let mut bank = report_bank();
    let rules: [(&str, &[&str]); 4] = [
        ("ID-01", &["MS.AAD.3.1v1", "MS.AAD.3.2v2"]),
        ("ID-02", &["MS.AAD.1.1v1"]),
        ("ID-04", &["MS.AAD.7.2v1"]),
        ("LG-01", &["MS.SHAREPOINT.3.3v2"]),
    ];
    for (id, policies) in rules {
        let question = bank.questions.iter_mut().find(|q| q.id == id).unwrap();
        question.evidence = Some(EvidenceRule {
            policies: policies.iter().map(|p| p.to_string()).collect(),
            combine: Combine::All,
        });
    }
    let golden = golden_assessment();
    let preview = import::preview(&bank, &scuba_table(), &golden, &sample_scan());
    let kinds: Vec<(&str, import::RowKind)> = preview
        .rows
        .iter()
        .map(|row| (row.question.as_str(), row.kind))
        .collect();
    use import::RowKind::{Confirms, Conflict};
    assert_eq!(
        kinds,
        [
            ("ID-01", Conflict),
            ("ID-02", Confirms),
            ("ID-04", Confirms),
            ("LG-01", Confirms)
        ]
    );
    let keep_mine = import::Choices::from([("ID-01".to_owned(), false)]);
    let scanned = import::apply(&golden, &preview, &keep_mine);
    (bank, scanned)
}

/// What each format must say of the sample's evidence on ID-01: the tool, version, report id,
/// tenant (name, domain, id), scan time, the checks with the tool's verdicts, and that the answer
/// was changed by hand since.
const ID01_EVIDENCE: [&str; 8] = [
    "ScubaGear 1.8.0 scan",
    SAMPLE_REPORT,
    "tenant tqhjy (tqhjy.onmicrosoft.com, id ca08493a-c9c8-4db0-a9e8-d3b4bafac269)",
    SAMPLE_SCANNED_AT,
    "MS.AAD.3.1v1 Fail; MS.AAD.3.2v2 Pass",
    "Changed by hand since the import; the scan said \u{201c}Partly in place\u{201d}.",
    SAMPLE_TENANT_ID,
    "tqhjy.onmicrosoft.com",
];

/// LG-01's check is an earlier wording of the policy the question cites.
const LG01_EARLIER: &str =
    "MS.SHAREPOINT.3.3v1 Pass (the scan checked an earlier wording of MS.SHAREPOINT.3.3v2)";

fn assert_id01(text: &str, format: &str) {
    for part in ID01_EVIDENCE {
        assert!(
            text.contains(part),
            "{format}: {part:?} missing from {text:?}"
        );
    }
}

/// Evidence of a confirmed answer says so by not saying it was changed.
fn assert_unchanged(text: &str, format: &str) {
    assert!(text.contains("ScubaGear 1.8.0 scan"), "{format}: {text:?}");
    assert!(!text.contains("Changed by hand"), "{format}: {text:?}");
}

#[test]
fn the_import_keeps_the_scan_and_marks_the_kept_answer() {
    let (_, scanned) = scanned_golden();
    assert_eq!(scanned.scans.len(), 1);
    assert_eq!(
        scanned.scans[0].report,
        ReportId::Uuid(SAMPLE_REPORT.into())
    );
    let evidence = |id: &str| scanned.record(id).unwrap().evidence.clone().unwrap();
    assert!(evidence("ID-01").changed_by_hand);
    assert_eq!(scanned.response("ID-01"), Some(&level(Level::Largely)));
    assert!(!evidence("ID-02").changed_by_hand);
    assert!(evidence("LG-01").checks[0].earlier_wording);
    assert!(scanned.record("LG-02").unwrap().evidence.is_none());
}

#[test]
fn html_shows_the_evidence_beside_the_answer() {
    use scraper::{ElementRef, Html, Selector};
    let (bank, scanned) = scanned_golden();
    let outputs = render_all(&bank, &scanned);
    let document = Html::parse_document(output(&outputs, ReportKind::Html));
    assert!(document.errors.is_empty(), "{:?}", document.errors);
    let answers = Selector::parse("#answers tbody tr").unwrap();
    let th = Selector::parse("th").unwrap();
    let answer_cell = Selector::parse("td:nth-of-type(2)").unwrap();
    let evidence = Selector::parse("p.evidence").unwrap();
    let strong = Selector::parse("strong").unwrap();
    let text = |e: ElementRef| e.text().collect::<String>();
    let mut seen = Vec::new();
    for row in document.select(&answers) {
        let id = text(row.select(&th).next().unwrap());
        let cell = row.select(&answer_cell).next().unwrap();
        let blocks: Vec<ElementRef> = cell.select(&evidence).collect();
        let Some(block) = blocks.first() else {
            continue;
        };
        assert_eq!(blocks.len(), 1, "{id}");
        seen.push(id.clone());
        let shown = text(*block);
        match id.as_str() {
            "ID-01" => {
                assert!(text(cell).starts_with("Largely in place"), "{}", text(cell));
                assert_id01(&shown, "HTML");
                let changed = text(block.select(&strong).next().expect("set apart"));
                assert!(changed.starts_with("Changed by hand since the import"));
            }
            "LG-01" => {
                assert_unchanged(&shown, "HTML");
                assert!(shown.contains(LG01_EARLIER), "{shown}");
            }
            _ => assert_unchanged(&shown, "HTML"),
        }
    }
    assert_eq!(seen, ["ID-01", "ID-02", "ID-04", "LG-01"]);
    // Nothing else changes: the same report without the evidence has no such block.
    let plain = render_all(&bank, &golden_assessment());
    assert!(!output(&plain, ReportKind::Html).contains("class=\"evidence\""));
}

#[test]
fn markdown_lists_the_evidence_beside_the_answer() {
    let (bank, scanned) = scanned_golden();
    let outputs = render_all(&bank, &scanned);
    let tables = markdown_tables(output(&outputs, ReportKind::Markdown));
    let evidence = tables
        .iter()
        .find(|t| t[0] == ["Question", "Title", "Answer", "Evidence"])
        .expect("an evidence table");
    let ids: Vec<&str> = evidence[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["ID-01", "ID-02", "ID-04", "LG-01"]);
    assert_eq!(evidence[1][2], "Largely in place");
    assert_id01(&evidence[1][3], "Markdown");
    assert_unchanged(&evidence[2][3], "Markdown");
    assert!(evidence[4][3].contains(LG01_EARLIER), "{}", evidence[4][3]);
    let plain = render_all(&bank, &golden_assessment());
    assert!(!output(&plain, ReportKind::Markdown).contains("Evidence from scans"));
}

#[test]
fn csv_ends_with_the_evidence_columns() {
    let (bank, scanned) = scanned_golden();
    let outputs = render_all(&bank, &scanned);
    let (header, rows) = read_csv(output(&outputs, ReportKind::Csv));
    let header: Vec<&str> = header.iter().collect();
    assert_eq!(
        header[20..],
        [
            "evidence source",
            "evidence checks",
            "evidence changed by hand"
        ]
    );
    let row = |id: &str| rows.iter().find(|r| &r[1] == id).unwrap();
    let id01 = row("ID-01");
    let evidence: Vec<&str> = id01.iter().skip(20).collect();
    assert_id01(&evidence.join(" "), "CSV");
    assert_eq!(&id01[21], "MS.AAD.3.1v1 Fail; MS.AAD.3.2v2 Pass");
    // ID-04 is an accepted risk the scan confirmed.
    let id04 = row("ID-04");
    assert_eq!(&id04[12], "Risk accepted");
    assert_unchanged(&id04[20], "CSV");
    assert_eq!(&id04[22], "no");
    // An answer given by hand alone leaves the columns empty.
    assert!(row("LG-02").iter().skip(20).all(str::is_empty));
}

#[test]
fn oscal_observations_rest_on_the_scan() {
    let (bank, scanned) = scanned_golden();
    let outputs = render_all(&bank, &scanned);
    let json: Value = serde_json::from_str(output(&outputs, ReportKind::Oscal)).unwrap();
    check_oscal(&json);
    let observations = json["assessment-results"]["results"][0]["observations"]
        .as_array()
        .unwrap();
    let observation = |id: &str| {
        observations
            .iter()
            .find(|o| o["title"].as_str().unwrap().starts_with(&format!("{id}:")))
            .unwrap()
    };
    let evidence = |id: &str| -> String {
        let evidence = observation(id)["relevant-evidence"].as_array().unwrap();
        assert_eq!(evidence.len(), 1, "{id}");
        assert_eq!(
            evidence[0]["props"],
            serde_json::json!([{"name": "scan-tool", "ns": NS, "value": "scubagear"}])
        );
        evidence[0]["description"].as_str().unwrap().to_owned()
    };
    // Kept by hand against the scan: the organisation's account, and the scan's test.
    assert_eq!(
        observation("ID-01")["methods"],
        serde_json::json!(["INTERVIEW", "TEST"])
    );
    assert_id01(&evidence("ID-01"), "OSCAL");
    for id in ["ID-02", "ID-04", "LG-01"] {
        assert_eq!(
            observation(id)["methods"],
            serde_json::json!(["TEST"]),
            "{id}"
        );
        assert_unchanged(&evidence(id), "OSCAL");
    }
    assert!(evidence("LG-01").contains(LG01_EARLIER));
    let by_hand = observation("LG-02");
    assert_eq!(by_hand["methods"], serde_json::json!(["INTERVIEW"]));
    assert!(by_hand.get("relevant-evidence").is_none());
}

#[test]
fn evidence_of_a_scan_the_file_does_not_hold_is_still_shown() {
    let (bank, mut scanned) = scanned_golden();
    scanned.scans.clear();
    let outputs = render_all(&bank, &scanned);
    let md = output(&outputs, ReportKind::Markdown);
    assert!(md.contains(&format!(
        "From the unrecorded scan (report {SAMPLE_REPORT})"
    )));
}

#[test]
fn scan_facts_the_file_does_not_give_are_said_to_be_missing() {
    let (bank, mut scanned) = scanned_golden();
    scanned.scans[0] = ScanSource {
        tool: Tool::Maester,
        tool_version: None,
        report: ReportId::Uuid(SAMPLE_REPORT.into()),
        tenant: Tenant::default(),
        scanned_at: Some(" ".into()),
    };
    let outputs = render_all(&bank, &scanned);
    let (_, rows) = read_csv(output(&outputs, ReportKind::Csv));
    let id01 = rows.iter().find(|r| &r[1] == "ID-01").unwrap();
    assert_eq!(
        &id01[20],
        &format!("Maester scan (report {SAMPLE_REPORT}, version not given), tenant not given, scan time not given")
    );
    scanned.scans[0].tenant.id = Some(SAMPLE_TENANT_ID.into());
    scanned.scans[0].report = ReportId::Sha256("ab".repeat(32));
    for record in scanned.answers.values_mut() {
        if let Some(evidence) = &mut record.evidence {
            evidence.scan = scanned.scans[0].report.text();
        }
    }
    let outputs = render_all(&bank, &scanned);
    let (_, rows) = read_csv(output(&outputs, ReportKind::Csv));
    let id01 = rows.iter().find(|r| &r[1] == "ID-01").unwrap();
    assert!(
        id01[20].contains(&format!(
            "(file SHA-256 {}, version not given), tenant id {SAMPLE_TENANT_ID},",
            "ab".repeat(32)
        )),
        "{}",
        &id01[20]
    );
}

/// The CSV's header and rows, read with the csv crate.
fn read_csv(text: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte-order mark");
    let mut reader = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows = reader.records().map(|r| r.unwrap()).collect();
    (header, rows)
}

/// Every table of a Markdown text as rows of cell texts, header first.
fn markdown_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                tables.last_mut().unwrap().push(Vec::new())
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => tables
                .last_mut()
                .unwrap()
                .last_mut()
                .unwrap()
                .push(cell.take().unwrap()),
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    tables
}

/// The namespace of the project's OSCAL properties.
const NS: &str = "urn:uuid:ca1fbdf2-7c61-40fd-9e00-0b45f75e527c";

// ---------------------------------------------------------------------------------------------
// Hostile text

const LONG_LEN: usize = 20_000;

/// The hostile strings, each of which fills every user-typed field of one assessment.
fn hostile_strings() -> Vec<String> {
    let mut strings: Vec<String> = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'\"",
        "=HYPERLINK(\"http://x\")",
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "nul\u{0}bell\u{7}esc\u{1b}[31m",
        "\u{202e}gnp.exe",
        "| # * [x](http://evil)",
        "line one\r\n# heading\n- item\n| a | b |",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let unit = "<b>&amp;|=x</b> ";
    strings.push(unit.repeat(LONG_LEN / unit.len()));
    assert_eq!(strings.last().unwrap().chars().count(), LONG_LEN);
    strings
}

/// Every user-typed field of an assessment of the report bank set to `text`: organisation,
/// assessor, notes, owners, "not applicable" reasons, and risk justifications and approvers
/// (one valid acceptance, one expired so that it shows in the plan).
fn hostile_assessment(text: &str) -> Assessment {
    let mut a = Assessment::default();
    details(&mut a, text, text, "2024-05-01");
    notified(&mut a, "2024-04-02");
    let answers = [
        ("ID-01", level(Level::Largely)),
        ("ID-02", level(Level::Fully)),
        ("ID-03", level(Level::Partial)),
        ("ID-04", level(Level::None)),
        ("LG-01", level(Level::Fully)),
        ("LG-02", Response::DontKnow),
        ("LG-03", not_applicable(text)),
        ("LG-05", level(Level::None)),
        ("LG-06", level(Level::Partial)),
    ];
    for (question, response) in answers {
        respond(&mut a, question, response);
        note(&mut a, question, text);
        owner(&mut a, question, text);
    }
    note(&mut a, "LG-04", text);
    owner(&mut a, "LG-04", text);
    accept(&mut a, "ID-04", text, text, Some("2025-01-31"));
    accept(&mut a, "ID-03", text, text, Some("2024-04-15"));
    hostile_evidence(&mut a, text, ["ID-01", "ID-04"]);
    a
}

/// Scan evidence on two answered questions from a scan whose every text is `text`: the tool
/// version, report id, tenant name, domain and id, scan time, and the check's id, policy and
/// verdict. The first answer was changed by hand since, the second not.
fn hostile_evidence(a: &mut Assessment, text: &str, questions: [&str; 2]) {
    let source = ScanSource {
        tool: Tool::ScubaGear,
        tool_version: Some(text.into()),
        report: ReportId::Uuid(text.into()),
        tenant: Tenant {
            id: Some(text.into()),
            name: Some(text.into()),
            domain: Some(text.into()),
        },
        scanned_at: Some(text.into()),
    };
    for (question, changed_by_hand) in questions.into_iter().zip([true, false]) {
        a.answers.get_mut(question).unwrap().evidence = Some(Evidence {
            scan: source.report.text(),
            checks: vec![EvidenceCheck {
                id: text.into(),
                policy: text.into(),
                verdict: text.into(),
                earlier_wording: true,
            }],
            level: Level::None,
            changed_by_hand,
        });
    }
    a.scans.push(source);
}

/// The evidence hostile `text` gives, as every format must show it: the scan, and the check.
fn hostile_provenance(text: &str) -> (String, String) {
    let t = flat(text);
    (
        format!("ScubaGear {t} scan (report {t}), tenant {t} ({t}, id {t}), scanned {t}"),
        format!("{t} {t} (the scan checked an earlier wording of {t})"),
    )
}

/// What the first hostile answer's evidence adds: the scan of `hostile_evidence` said "not in
/// place" of a "largely" answer.
const HOSTILE_CHANGED: &str =
    "Changed by hand since the import; the scan said \u{201c}Not in place\u{201d}.";

/// The cleaned text as the human-readable formats must show it.
fn shown(text: &str) -> String {
    clean(text).into_owned()
}

/// One hostile string, the assessment it fills and every format rendered from it.
struct HostileCase {
    text: String,
    assessment: Assessment,
    outputs: Vec<(ReportKind, String)>,
}

/// Rendered once and shared by the tests below.
fn hostile_cases() -> &'static [HostileCase] {
    static CASES: std::sync::OnceLock<Vec<HostileCase>> = std::sync::OnceLock::new();
    CASES.get_or_init(|| {
        let bank = report_bank();
        hostile_strings()
            .into_iter()
            .map(|text| {
                let assessment = hostile_assessment(&text);
                let outputs = render_all(&bank, &assessment);
                HostileCase {
                    text,
                    assessment,
                    outputs,
                }
            })
            .collect()
    })
}

fn output(outputs: &[(ReportKind, String)], kind: ReportKind) -> &str {
    &outputs.iter().find(|(k, _)| *k == kind).unwrap().1
}

#[test]
fn hostile_text_stays_text_in_html() {
    use scraper::{Html, Selector};
    let user = Selector::parse(".user").unwrap();
    let everything = Selector::parse("*").unwrap();
    let style = Selector::parse("style").unwrap();
    let csp = Selector::parse(r#"meta[http-equiv="Content-Security-Policy"]"#).unwrap();
    for HostileCase { text, outputs, .. } in hostile_cases() {
        let html = output(outputs, ReportKind::Html);
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{text:?}"
        );
        let document = Html::parse_document(html);
        assert!(
            document.errors.is_empty(),
            "{text:?}: HTML parse errors {:?}",
            document.errors
        );
        for element in document.select(&everything) {
            let name = element.value().name();
            assert!(
                !["script", "img", "iframe", "object", "embed", "link", "base", "form"]
                    .contains(&name),
                "{text:?}: <{name}> in the report"
            );
            for (attribute, value) in element.value().attrs() {
                assert!(!attribute.starts_with("on"), "{text:?}: {attribute}");
                assert!(!value.contains("javascript:"), "{text:?}: {attribute}");
                if attribute == "href" {
                    assert!(
                        value.starts_with('#') || value.starts_with("https://"),
                        "{text:?}: href {value}"
                    );
                }
            }
        }
        let expected = shown(text);
        let texts: Vec<String> = document
            .select(&user)
            .map(|e| e.text().collect::<String>())
            .collect();
        // organisation, assessor, 10 notes, 10 owners, the N/A reason twice (answer and list),
        // owners of open actions, and the valid acceptance's justification and approver.
        assert!(texts.len() >= 25, "{text:?}: {} user fields", texts.len());
        for shown_text in &texts {
            assert_eq!(shown_text, &expected, "{text:?}");
        }
        // The style is allowed by its hash and nothing else may load.
        let policy = document
            .select(&csp)
            .next()
            .unwrap()
            .value()
            .attr("content")
            .unwrap();
        assert!(policy.starts_with("default-src 'none'; style-src 'sha256-"));
        let css: String = document.select(&style).next().unwrap().text().collect();
        assert!(
            policy.contains(&style_hash(&css)),
            "the style hash is stale"
        );
        let title: String = document
            .select(&Selector::parse("title").unwrap())
            .next()
            .unwrap()
            .text()
            .collect();
        assert_eq!(title, format!("Self-assessment report: {expected}"));
        // The scan's text is text too, beside ID-01's and ID-04's answers.
        let (source, checks) = hostile_provenance(text);
        let summary = format!("From the {source}: {checks}.");
        let evidence: Vec<String> = document
            .select(&Selector::parse("#answers td > p.evidence").unwrap())
            .map(|e| e.text().collect())
            .collect();
        assert_eq!(
            evidence,
            [format!("{summary} {HOSTILE_CHANGED}"), summary],
            "{text:?}"
        );
    }
}

/// `sha256-<base64>` of `css`, computed independently of the core.
fn style_hash(css: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(css.as_bytes());
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = String::new();
    for byte in digest.iter() {
        bits.push_str(&format!("{byte:08b}"));
    }
    while !bits.len().is_multiple_of(6) {
        bits.push('0');
    }
    let mut out: String = bits
        .as_bytes()
        .chunks(6)
        .map(|c| {
            alphabet[usize::from_str_radix(std::str::from_utf8(c).unwrap(), 2).unwrap()] as char
        })
        .collect();
    while !out.len().is_multiple_of(4) {
        out.push('=');
    }
    format!("sha256-{out}")
}

#[test]
fn hostile_text_stays_text_in_csv() {
    let columns = |row: &csv::StringRecord, name: &str, header: &csv::StringRecord| {
        let i = header.iter().position(|h| h == name).unwrap();
        row.get(i).unwrap().to_owned()
    };
    for HostileCase { text, outputs, .. } in hostile_cases() {
        let csv_text = output(outputs, ReportKind::Csv);
        let body = csv_text
            .strip_prefix('\u{feff}')
            .expect("a UTF-8 byte-order mark");
        assert!(body.ends_with("\r\n"));
        assert!(
            body.lines().next().unwrap().len() < 400,
            "header on one line"
        );
        let mut reader = csv::ReaderBuilder::new().from_reader(body.as_bytes());
        let header = reader.headers().unwrap().clone();
        assert_eq!(header.len(), 23);
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        // ID-01, ID-03 (expired acceptance), LG-02, LG-05, LG-06, LG-04 open; ID-04 accepted.
        assert_eq!(rows.len(), 7, "{text:?}");
        let expected = shown(text);
        let formula = expected.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']);
        let neutralised = if formula {
            format!("'{expected}")
        } else {
            expected.clone()
        };
        for row in &rows {
            assert_eq!(row.len(), 23, "{text:?}");
            for cell in row.iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']),
                    "{text:?}: cell {cell:?}"
                );
                assert!(!cell.contains(|c: char| c.is_control() && c != '\n' && c != '\t'));
            }
            assert_eq!(columns(row, "owner", &header), neutralised, "{text:?}");
        }
        let accepted: Vec<&csv::StringRecord> = rows
            .iter()
            .filter(|r| columns(r, "status", &header) == "Risk accepted")
            .collect();
        assert_eq!(accepted.len(), 1);
        for column in ["risk justification", "risk approved by"] {
            assert_eq!(columns(accepted[0], column, &header), neutralised);
        }
        assert_eq!(columns(accepted[0], "rank", &header), "");
        // The scan's text: ID-01 (open, changed by hand) and ID-04 (accepted), formulas defused.
        let (source, checks) = hostile_provenance(text);
        let checks = if checks.starts_with(['=', '+', '-', '@']) {
            format!("'{checks}")
        } else {
            checks
        };
        let row = |id: &str| rows.iter().find(|r| &r[1] == id).unwrap();
        for (id, changed) in [("ID-01", HOSTILE_CHANGED), ("ID-04", "no")] {
            let evidence: Vec<&str> = row(id).iter().skip(20).collect();
            assert_eq!(evidence, [source.as_str(), &checks, changed], "{text:?}");
        }
    }
}

#[test]
fn hostile_text_stays_text_in_markdown() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    for HostileCase { text, outputs, .. } in hostile_cases() {
        let md = output(outputs, ReportKind::Markdown);
        let tables = markdown_tables(md);
        let mut headings = 0;
        for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::Heading { .. }) => headings += 1,
                Event::Start(Tag::Link { .. } | Tag::Image { .. })
                | Event::Html(_)
                | Event::InlineHtml(_)
                | Event::SoftBreak
                | Event::HardBreak => panic!("{text:?}: unexpected {event:?}"),
                // Only the fingerprint is code.
                Event::Code(code) => assert_eq!(code.len(), 64, "{text:?}: code {code}"),
                _ => {}
            }
        }
        assert_eq!(headings, 6, "{text:?}: headings");
        // family scores, gating answers, top actions, accepted risks, scan evidence
        assert_eq!(tables.len(), 5, "{text:?}");
        for table in &tables {
            let width = table[0].len();
            assert!(
                table.iter().all(|row| row.len() == width),
                "{text:?}: {table:?}"
            );
        }
        let expected = report_one_line(text);
        let actions = &tables[2];
        let owner = actions[0].iter().position(|h| h == "Owner").unwrap();
        for row in &actions[1..] {
            assert_eq!(row[owner], expected, "{text:?}");
        }
        let risks = &tables[3];
        assert_eq!(risks[1][4], expected);
        assert_eq!(risks[1][5], expected);
        let (source, checks) = hostile_provenance(text);
        let summary = format!("From the {source}: {checks}.");
        let evidence = &tables[4];
        assert_eq!(evidence[0], ["Question", "Title", "Answer", "Evidence"]);
        assert_eq!(evidence[1][3], format!("{summary} {HOSTILE_CHANGED}"));
        assert_eq!(evidence[2][3], summary);
    }
}

/// The text as a Markdown reader shows it: cleaned, on one line, trimmed as table cells are.
fn report_one_line(text: &str) -> String {
    flat(text).trim().to_owned()
}

/// The text cleaned and on one line, each run of line breaks and tabs one space.
fn flat(text: &str) -> String {
    let cleaned = shown(text);
    let words: Vec<&str> = cleaned
        .split(['\n', '\t'])
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

#[test]
fn hostile_text_round_trips_through_the_assessment_file() {
    let bank = report_bank();
    for HostileCase {
        text,
        assessment,
        outputs,
    } in hostile_cases()
    {
        let json = output(outputs, ReportKind::Json);
        let opened = savefile::open(json.as_bytes(), &bank).unwrap();
        assert_eq!(&opened.assessment, assessment, "{text:?}");
        assert!(opened.notes.is_empty());
        assert_eq!(opened.app_version, APP_VERSION);
    }
}

#[test]
fn hostile_text_stays_in_oscal_descriptions() {
    for HostileCase { text, outputs, .. } in hostile_cases() {
        let json: Value = serde_json::from_str(output(outputs, ReportKind::Oscal)).unwrap();
        check_oscal(&json);
        let distinctive = shown(text).trim().chars().count() >= 5;
        let needle = report_one_line(text).replace('\\', "");
        let mut in_markup = 0;
        walk(&json, "", &mut |key, value| {
            let Value::String(s) = value else { return };
            assert!(
                !s.contains(|c: char| c.is_control() && c != '\n' && c != '\t'),
                "{text:?}: control character at {key}"
            );
            // Markdown escapes are backslashes; the text is there when it is there without them.
            let contains = s.len() >= needle.len() && s.replace('\\', "").contains(&needle);
            if ["description", "remarks", "statement"].contains(&key) {
                in_markup += usize::from(contains);
            } else if distinctive {
                assert!(!contains, "{text:?}: user text at {key}");
            }
        });
        assert!(
            in_markup > 0 || !distinctive,
            "{text:?} not found in any description"
        );
        // The scan's text is in the relevant evidence of ID-01 and ID-04, as Markdown text.
        let (source, checks) = hostile_provenance(text);
        let observations = json["assessment-results"]["results"][0]["observations"]
            .as_array()
            .unwrap();
        let with_evidence: Vec<&Value> = observations
            .iter()
            .filter(|o| o.get("relevant-evidence").is_some())
            .collect();
        assert_eq!(with_evidence.len(), 2, "{text:?}");
        for observation in with_evidence {
            let description = observation["relevant-evidence"][0]["description"]
                .as_str()
                .unwrap();
            let parsed = markdown_text(description);
            assert!(
                parsed.starts_with(&format!("From the {source}: {checks}.")),
                "{text:?}: {parsed:?}"
            );
        }
    }
}

/// The text a Markdown reader shows for `md`, which must hold no markup: no link, image, HTML,
/// code or emphasis.
fn markdown_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut text = String::new();
    for event in Parser::new(md) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            other => panic!("markup in {md:?}: {other:?}"),
        }
    }
    text
}

/// Calls `f` with every (key, value) in `value`, depth first; array items get their array's key.
fn walk(value: &Value, key: &str, f: &mut impl FnMut(&str, &Value)) {
    f(key, value);
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, k, f)),
        Value::Array(items) => items.iter().for_each(|v| walk(v, key, f)),
        _ => {}
    }
}

/// The OSCAL rules this project holds its output to (the schema itself is checked by
/// compliance-trestle in `cargo xtask oscal`).
fn check_oscal(json: &Value) {
    let root = &json["assessment-results"];
    assert_eq!(json.as_object().unwrap().len(), 1);
    assert_eq!(root["metadata"]["oscal-version"], OSCAL_VERSION);
    assert_eq!(root["metadata"]["last-modified"], GENERATED_AT);
    let mut uuids = BTreeSet::new();
    let mut references = Vec::new();
    walk(json, "", &mut |key, value| match value {
        Value::Array(items) => assert!(!items.is_empty(), "empty array at {key}"),
        Value::Object(map) => assert!(!map.is_empty() || key == "include-all", "{key}"),
        Value::String(s) => {
            if key == "title" || key == "text" {
                assert!(!s.contains('\n') && !s.trim().is_empty(), "{key}: {s:?}");
            }
            if key == "uuid" {
                assert!(is_uuid_v5(s), "{s}");
                assert!(uuids.insert(s.clone()), "duplicate uuid {s}");
            }
            if key.ends_with("-uuid") {
                references.push(s.clone());
            }
            if key == "value" {
                assert!(!s.is_empty() && s.trim() == s && !s.contains('\n'), "{s:?}");
            }
        }
        Value::Null => panic!("null at {key}"),
        _ => {}
    });
    for reference in references {
        assert!(uuids.contains(&reference), "dangling reference {reference}");
    }
    let href = root["import-ap"]["href"].as_str().unwrap();
    assert!(uuids.contains(href.strip_prefix('#').unwrap()));
}

fn is_uuid_v5(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| [8, 13, 18, 23].contains(&i) || matches!(c, b'0'..=b'9' | b'a'..=b'f'))
        && b[14] == b'5'
        && matches!(b[19], b'8' | b'9' | b'a' | b'b')
}

#[test]
fn oscal_results_follow_the_answers() {
    let bank = report_bank();
    let outputs = render_all(&bank, &golden_assessment());
    let json: Value = serde_json::from_str(output(&outputs, ReportKind::Oscal)).unwrap();
    check_oscal(&json);
    let result = &json["assessment-results"]["results"][0];
    assert_eq!(result["observations"].as_array().unwrap().len(), 10);
    assert!(result["observations"]
        .as_array()
        .unwrap()
        .iter()
        .all(|o| o["methods"] == serde_json::json!(["INTERVIEW"])));
    let states: Vec<(&str, &str)> = result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["target"]["target-id"].as_str().unwrap(),
                f["target"]["status"]["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("measure-1", "not-satisfied"),
            ("measure-2", "not-satisfied"),
            ("measure-3", "not-satisfied")
        ]
    );
    let risks: Vec<(&str, &str)> = result["risks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["title"].as_str().unwrap(), r["status"].as_str().unwrap()))
        .collect();
    assert_eq!(risks.len(), 6);
    assert!(risks.contains(&(
        "ID-04: Dormant accounts disabled (not in place)",
        "deviation-approved"
    )));
    assert!(risks
        .iter()
        .any(|(t, s)| t.starts_with("LG-02") && *s == "remediating"));
    assert!(risks
        .iter()
        .any(|(t, s)| t.starts_with("ID-03") && *s == "open"));

    // A measure whose every applicable question is fully in place is satisfied.
    let mut all_fully = golden_assessment();
    for q in &bank.questions {
        respond(&mut all_fully, &q.id, level(Level::Fully));
    }
    let outputs = render_all(&bank, &all_fully);
    let json: Value = serde_json::from_str(output(&outputs, ReportKind::Oscal)).unwrap();
    check_oscal(&json);
    let result = &json["assessment-results"]["results"][0];
    assert!(result.get("risks").is_none(), "no gaps, no risks key");
    assert!(result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["target"]["status"]["state"] == "satisfied"));
}

#[test]
fn oscal_ids_depend_on_the_answers_only() {
    let bank = report_bank();
    let assessment = golden_assessment();
    let evaluation = evaluate(&bank, &assessment, date(TODAY));
    let ids = |generated_at: &str, app_version: &str| -> BTreeSet<String> {
        let ctx = ReportContext {
            bank: &bank,
            assessment: &assessment,
            evaluation: &evaluation,
            generated_at,
            today: date(TODAY),
            app_version,
            edition: EDITION,
            since: None,
        };
        let json: Value = serde_json::from_str(&render(ReportKind::Oscal, &ctx)).unwrap();
        let mut ids = BTreeSet::new();
        walk(&json, "", &mut |key, value| {
            if key == "uuid" {
                ids.insert(value.as_str().unwrap().to_owned());
            }
        });
        ids
    };
    assert_eq!(
        ids(GENERATED_AT, "1"),
        ids("2031-12-31T23:59:59+01:00", "2")
    );
}

// ---------------------------------------------------------------------------------------------
// OSCAL samples for the independent validator

/// Writes the OSCAL output of four assessments of the shipped bank (empty, partly answered, the
/// same after importing the real ScubaGear sample, and hostile text everywhere, scan evidence
/// included) to `$OSCAL_SAMPLES_DIR`, or `target/oscal-samples/` of the workspace. `cargo xtask
/// oscal` runs this test, then validates the files with compliance-trestle.
#[test]
fn write_oscal_samples() {
    let bank = shipped();
    let dir = std::env::var_os("OSCAL_SAMPLES_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/oscal-samples"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&dir).unwrap();
    let hostile = hostile_strings().concat();
    let mut hostile_partial = partial_assessment(bank, &hostile);
    let [first, second, ..] = &bank.questions[..] else {
        panic!("a bank of at least two questions")
    };
    hostile_evidence(&mut hostile_partial, &hostile, [&first.id, &second.id]);
    let partial = partial_assessment(bank, "Example Health Trust\nIT");
    let preview = import::preview(bank, &scuba_table(), &partial, &sample_scan());
    // Every kind of row, conflicts kept (no choice made): both methods and both marks show.
    assert!(preview.conflicts().count() > 0 && preview.rows.len() > preview.conflicts().count());
    let scanned = import::apply(&partial, &preview, &import::Choices::new());
    for (name, assessment) in [
        ("empty", Assessment::default()),
        ("partial", partial),
        ("scanned", scanned),
        ("hostile", hostile_partial),
    ] {
        let rendered = Rendered::new(bank, &assessment);
        let oscal = render(ReportKind::Oscal, &rendered.context(bank, &assessment));
        check_oscal(&serde_json::from_str(&oscal).unwrap());
        std::fs::write(dir.join(format!("{name}.json")), oscal).unwrap();
    }
}

/// A partly answered assessment of the shipped bank with `text` in every user-typed field.
fn partial_assessment(bank: &Bank, text: &str) -> Assessment {
    let mut a = Assessment::default();
    details(&mut a, text, text, "2024-05-01");
    notified(&mut a, "2024-04-02");
    for (question, option) in [("m365", "yes"), ("azure", "no"), ("hybrid", "yes")] {
        a.apply(Change::Profile {
            question: question.into(),
            option: Some(option.into()),
        });
    }
    for (i, question) in bank.questions.iter().enumerate() {
        let id = question.id.as_str();
        match i % 6 {
            0 | 1 => respond(&mut a, id, level(Level::Fully)),
            2 => respond(&mut a, id, level(Level::Partial)),
            3 => respond(&mut a, id, Response::DontKnow),
            4 => respond(&mut a, id, not_applicable(text)),
            _ => continue,
        }
        if i % 4 == 0 {
            note(&mut a, id, text);
            owner(&mut a, id, text);
        }
    }
    for (i, question) in bank
        .questions
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 6 == 2)
    {
        if i % 12 == 2 {
            accept(&mut a, &question.id, text, text, Some("2025-01-31"));
        } else {
            status(&mut a, &question.id, ActionStatus::InProgress);
        }
    }
    a
}

#[test]
fn full_bank_reports_are_sound() {
    let bank = shipped();
    let assessment = partial_assessment(bank, "Example Health Trust");
    for (kind, output) in render_all(bank, &assessment) {
        assert!(!output.is_empty(), "{kind:?}");
    }
}

/// Writes the workbook and the Word document of four assessments (complete, partial, scanned and
/// one whose every text is hostile) into `OFFICE_SAMPLES_DIR`, with `expectations.json` saying
/// what each must hold, for the independent readers of `cargo xtask office` (openpyxl,
/// python-docx, LibreOffice). Also checks that the same context gives the same bytes.
/// The longest text the Word document keeps whole (`report::docx::TEXT_LIMIT`).
#[cfg(feature = "office")]
const DOCUMENT_TEXT_LIMIT: usize = 2_000;

/// The longest organisation or label the Word document's header and footer show whole.
#[cfg(feature = "office")]
const HEADER_TEXT_LIMIT: usize = 80;

#[cfg(feature = "office")]
#[test]
fn write_office_samples() {
    use assessment_core::report::{one_line, render_office, OfficeKind};
    use assessment_core::scoring::assess;

    let bank = shipped();
    let dir = std::env::var_os("OFFICE_SAMPLES_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/office-samples"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&dir).unwrap();
    let hostile_parts: Vec<String> = hostile_strings();
    let hostile = hostile_parts.concat();
    let mut hostile_partial = partial_assessment(bank, &hostile);
    let [first, second, ..] = &bank.questions[..] else {
        panic!("a bank of at least two questions")
    };
    hostile_evidence(&mut hostile_partial, &hostile, [&first.id, &second.id]);
    let partial = partial_assessment(bank, "Example Health Trust\nIT");
    let preview = import::preview(bank, &scuba_table(), &partial, &sample_scan());
    let scanned = import::apply(&partial, &preview, &import::Choices::new());
    let mut complete = partial_assessment(bank, "Example Health Trust");
    for question in &bank.questions {
        if complete
            .record(&question.id)
            .and_then(|r| r.response.as_ref())
            .is_none()
        {
            respond(&mut complete, &question.id, level(Level::Largely));
        }
    }
    let label = "Confidential: board and IT only";
    let hostile_label = "<b>Restricted</b> & \"=1+1\" 'x'";
    let mut samples = serde_json::Map::new();
    for (name, assessment, label) in [
        ("complete", complete, label),
        ("partial", partial, label),
        ("scanned", scanned, label),
        ("hostile", hostile_partial, hostile_label),
    ] {
        let rendered = Rendered::new(bank, &assessment);
        let ctx = rendered.context(bank, &assessment);
        for kind in OfficeKind::ALL {
            let bytes = render_office(kind, &ctx, label).unwrap();
            assert!(bytes.starts_with(b"PK\x03\x04"), "{name} {kind:?} is a zip");
            assert_eq!(
                bytes,
                render_office(kind, &ctx, label).unwrap(),
                "{name} {kind:?} is reproducible"
            );
            std::fs::write(dir.join(format!("{name}.{}", kind.extension())), bytes).unwrap();
        }
        let details = &assessment.details;
        samples.insert(
            name.into(),
            serde_json::json!({
                "organisation": one_line(&details.organisation),
                "date": details.assessed_on.map_or("undated".to_owned(), |d| d.to_string()),
                "label": label,
                "actions": rendered.evaluation.plan.len(),
                "accepted": rendered.evaluation.accepted_risks.len(),
                "answers": assess(bank, &assessment).len(),
                "hostile": name == "hostile",
                "document_text_limit": DOCUMENT_TEXT_LIMIT,
                "header_text_limit": HEADER_TEXT_LIMIT,
            }),
        );
    }
    let strings: Vec<String> = hostile_parts
        .iter()
        .map(|s| clean(s).into_owned())
        .filter(|s| !s.trim().is_empty())
        .collect();
    let expectations = serde_json::json!({ "samples": samples, "hostile_strings": strings });
    std::fs::write(
        dir.join("expectations.json"),
        serde_json::to_string_pretty(&expectations).unwrap(),
    )
    .unwrap();
}
