//! Comparing two assessments and the trend of a series: every change kind, plan progress, the
//! tier and its cause, assessments on different bank versions, and the outputs (fragment, CSV,
//! report section) read back with independent parsers.

mod common;

use assessment_core::assessment::{Evidence, EvidenceCheck};
use assessment_core::compare::{compare, ChangeKind, Comparison, Side};
use assessment_core::history::{History, Incomparable};
use assessment_core::report::{self, ReportKind};
use assessment_core::scan::{ReportId, ScanSource, Tenant, Tool};
use assessment_core::series::{chain, trend, ConcernKind, Member};
use assessment_core::tier::Tier;
use assessment_core::{savefile, Assessment, Bank, Change, DetailsEdit, Level, Response};

use chrono::NaiveDate;
use common::{accept, date, level, not_applicable, respond, shipped_bank, target};

const BANK_VERSION: &str = "2026.12.0";

fn history() -> History {
    History::from_toml(include_str!("../../../content/history.toml")).unwrap()
}

fn dated(assessment: &mut Assessment, on: &str) {
    assessment.apply(Change::Details(DetailsEdit::AssessedOn(Some(date(on)))));
}

/// Every question answered `answer` (or the nearest step its type offers).
fn answered_all(bank: &Bank, answer: Level) -> Assessment {
    let mut assessment = Assessment::default();
    for question in &bank.questions {
        respond(
            &mut assessment,
            &question.id,
            level(question.answer.migrate(answer)),
        );
    }
    assessment
}

fn scan(report: &str) -> ScanSource {
    ScanSource {
        tool: Tool::ScubaGear,
        tool_version: Some("1.8.0".into()),
        report: ReportId::from_text(report),
        tenant: Tenant::default(),
        scanned_at: Some("2026-11-30T10:00:00Z".into()),
    }
}

fn with_evidence(assessment: &mut Assessment, question: &str, report: &str, printed: &str) {
    if !assessment.scans.iter().any(|s| s.report.text() == report) {
        assessment.scans.push(scan(report));
    }
    let record = assessment.answers.get_mut(question).unwrap();
    let Some(Response::Implemented { level }) = record.response else {
        panic!("{question} has no level");
    };
    record.evidence = Some(Evidence {
        scan: report.into(),
        checks: vec![EvidenceCheck {
            id: printed.into(),
            policy: "MS.AAD.3.2v2".into(),
            verdict: "Pass".into(),
            earlier_wording: false,
        }],
        level,
        changed_by_hand: false,
    });
}

fn side(assessment: &Assessment) -> Side<'_> {
    Side {
        assessment,
        bank_version: BANK_VERSION,
    }
}

/// `before` compared with `after`, both on this bank version, as of `today`.
fn compared(bank: &Bank, before: &Assessment, after: &Assessment, today: NaiveDate) -> Comparison {
    compare(bank, &history(), side(before), side(after), today)
}

fn kinds(comparison: &Comparison, question: &str) -> Vec<ChangeKind> {
    comparison
        .questions
        .iter()
        .find(|q| q.question == question)
        .map(|q| q.kinds.clone())
        .unwrap_or_default()
}

/// A base assessment and a re-assessment with one question for every kind of change.
fn pair(bank: &Bank) -> (Assessment, Assessment) {
    let mut before = answered_all(bank, Level::Partial);
    dated(&mut before, "2026-06-01");
    before.answers.remove("MFA-06");
    with_evidence(&mut before, "MFA-03", "scan-1", "MS.AAD.3.5v1");
    with_evidence(&mut before, "MFA-04", "scan-1", "MS.AAD.3.3v1");
    accept(
        &mut before,
        "PRV-05",
        "Vendor fix due",
        "CISO",
        Some("2026-09-30"),
    );
    let mut after = before.clone();
    dated(&mut after, "2026-11-30");
    respond(&mut after, "MFA-01", level(Level::Fully));
    respond(&mut after, "MFA-02", level(Level::None));
    respond(&mut after, "MFA-07", not_applicable("No such accounts"));
    respond(&mut after, "MFA-06", level(Level::Largely));
    with_evidence(&mut after, "MFA-03", "scan-2", "MS.AAD.3.5v1");
    with_evidence(&mut after, "MFA-04", "scan-1", "MS.AAD.3.3v2");
    accept(
        &mut after,
        "PRV-06",
        "Approved exception",
        "CISO",
        Some("2027-06-30"),
    );
    target(&mut after, "SES-01", "2026-10-01");
    (before, after)
}

#[test]
fn every_kind_of_change_is_classified() {
    let bank = shipped_bank();
    let (before, after) = pair(&bank);
    let today = date("2026-12-01");
    let c = compared(&bank, &before, &after, today);
    assert_eq!(kinds(&c, "MFA-01"), [ChangeKind::Improved]);
    assert_eq!(kinds(&c, "MFA-02"), [ChangeKind::Regressed]);
    assert_eq!(kinds(&c, "MFA-07"), [ChangeKind::NewlyNotApplicable]);
    assert_eq!(
        kinds(&c, "MFA-06"),
        [ChangeKind::Improved, ChangeKind::NewlyAnswered]
    );
    assert_eq!(kinds(&c, "MFA-03"), [ChangeKind::EvidenceChanged]);
    assert_eq!(kinds(&c, "MFA-04"), [ChangeKind::PolicyVersionChanged]);
    assert_eq!(kinds(&c, "PRV-06"), [ChangeKind::RiskAccepted]);
    // Valid on the earlier assessment's day, lapsed by today.
    assert_eq!(kinds(&c, "PRV-05"), [ChangeKind::RiskAcceptanceExpired]);
    assert_eq!(c.questions.len(), 8, "{:?}", c.questions);
    assert!(c.unchanged.iter().any(|(id, _)| id == "MFA-05"));
    assert!(c.incomparable.is_empty());
    assert_eq!(c.count(ChangeKind::Improved), 2);
    // The due date set in the past makes SES-01 overdue; MFA-01 left the plan... it is fully in
    // place now.
    assert!(c.plan.overdue.contains(&"SES-01".to_owned()));
    assert!(c.plan.closed.contains(&"MFA-01".to_owned()));
    assert!(c.plan.still_open.contains(&"SES-01".to_owned()));
    assert!(
        !c.plan.new.contains(&"MFA-02".to_owned()),
        "MFA-02 was open before"
    );
}

#[test]
fn nothing_changed_is_an_empty_comparison() {
    let bank = shipped_bank();
    let (before, _) = pair(&bank);
    let c = compared(&bank, &before, &before, date("2026-06-01"));
    assert!(c.questions.is_empty());
    assert_eq!(c.overall_delta(), 0);
    assert!(c.plan.closed.is_empty() && c.plan.new.is_empty());
}

#[test]
fn the_tier_change_names_what_caused_it() {
    let bank = shipped_bank();
    let before = answered_all(&bank, Level::Fully);
    let critical = bank
        .questions
        .iter()
        .find(|q| q.severity == assessment_core::Severity::Critical)
        .unwrap();
    let mut after = before.clone();
    respond(&mut after, &critical.id, level(Level::None));
    let today = date("2026-12-01");
    let c = compared(&bank, &before, &after, today);
    assert_eq!(c.tier_before, Tier::Hardened);
    assert_eq!(c.tier_after, Tier::Exposed);
    assert_eq!(c.tier_cause.questions, std::slice::from_ref(&critical.id));
    let html = report::changes_view(&bank, &c).html();
    let page = scraper::Html::parse_fragment(&html);
    let tier = text_of(&page, "[data-testid=tier-change]");
    assert_eq!(tier, "Hardened → Exposed");
    let summary = text_of(&page, "[data-testid=comparison-summary]");
    assert!(
        summary.contains(&format!(
            "{} ({}) no longer meet what Hardened asks",
            critical.id, critical.title
        )),
        "{summary}"
    );
}

fn text_of(page: &scraper::Html, selector: &str) -> String {
    let selector = scraper::Selector::parse(selector).unwrap();
    page.select(&selector)
        .next()
        .unwrap_or_else(|| panic!("no {selector:?}"))
        .text()
        .collect()
}

#[test]
fn the_history_matches_the_shipped_bank() {
    let bank = shipped_bank();
    let history = history();
    assert_eq!(history.problems(&bank), Vec::<String>::new());
    let last = history.versions.last().unwrap();
    assert_eq!(last.version, bank.version);
    assert_eq!(last.follows, "2026.11.0");
    assert_eq!(
        (last.added.len(), last.retyped.len(), last.split.len()),
        (12, 20, 8)
    );
}

#[test]
fn different_bank_versions_are_compared_honestly() {
    let bank = shipped_bank();
    let (before, after) = pair(&bank);
    let old = Side {
        assessment: &before,
        bank_version: "2026.11.0",
    };
    let c = compare(&bank, &history(), old, side(&after), date("2026-12-01"));
    let reason = |id: &str| {
        c.incomparable
            .iter()
            .find(|(q, _)| q == id)
            .map(|(_, r)| r.clone())
    };
    assert!(matches!(reason("APP-18"), Some(Incomparable::Added { .. })));
    assert!(matches!(
        reason("MFA-04"),
        Some(Incomparable::Retyped { .. })
    ));
    let Some(Incomparable::Split { from, into, .. }) = reason("MFA-14") else {
        panic!("MFA-14 is a split part: {:?}", reason("MFA-14"));
    };
    assert_eq!((from.as_str(), into.len()), ("MFA-08", 2));
    assert!(matches!(reason("MFA-08"), Some(Incomparable::Split { .. })));
    // 12 added, 20 retyped, and 8 splits touching 16 questions (8 split, 5 new parts, 3
    // existing questions that took a part).
    assert_eq!(c.incomparable.len(), 12 + 20 + 16, "{:?}", c.incomparable);
    for (id, _) in &c.incomparable {
        assert!(
            c.questions.iter().all(|q| &q.question != id),
            "{id} compared"
        );
        assert!(
            c.unchanged.iter().all(|(q, _)| q != id),
            "{id} listed unchanged"
        );
    }
    // MFA-01 and MFA-02 did not change meaning: still compared.
    assert_eq!(kinds(&c, "MFA-01"), [ChangeKind::Improved]);
    assert_eq!(kinds(&c, "MFA-02"), [ChangeKind::Regressed]);
    let sentence = reason("MFA-04").unwrap().sentence();
    assert!(
        sentence.contains("2026.12.0") && sentence.contains("setting"),
        "{sentence}"
    );
    let html = report::changes_view(&bank, &c).html();
    assert!(
        html.contains("answered against question bank 2026.11.0"),
        "{html}"
    );
}

#[test]
fn an_unknown_bank_version_compares_nothing() {
    let bank = shipped_bank();
    let (before, after) = pair(&bank);
    let odd = Side {
        assessment: &before,
        bank_version: "1999.1.0",
    };
    let c = compare(&bank, &history(), odd, side(&after), date("2026-12-01"));
    assert!(c.questions.is_empty() && c.unchanged.is_empty());
    assert_eq!(c.incomparable.len(), bank.questions.len());
    assert!(c.incomparable.iter().all(
        |(_, r)| matches!(r, Incomparable::UnknownVersion { version } if version == "1999.1.0")
    ));
}

#[test]
fn the_fragment_and_the_csv_read_back() {
    let bank = shipped_bank();
    let (before, after) = pair(&bank);
    let c = compared(&bank, &before, &after, date("2026-12-01"));
    let page = scraper::Html::parse_fragment(&report::changes_view(&bank, &c).html());
    let rows = scraper::Selector::parse("[data-testid=change-rows] tbody tr").unwrap();
    let ids: Vec<&str> = page
        .select(&rows)
        .map(|r| r.value().attr("data-question-id").unwrap())
        .collect();
    assert_eq!(ids.len(), 8);
    assert!(ids.contains(&"MFA-04"));
    let mfa06 = page
        .select(&rows)
        .find(|r| r.value().attr("data-question-id") == Some("MFA-06"))
        .unwrap();
    let cells: Vec<String> = mfa06
        .children()
        .filter_map(scraper::ElementRef::wrap)
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(
        cells[1..],
        [
            "Not answered yet",
            "Largely in place",
            "Improved, newly answered"
        ]
    );
    assert_eq!(
        mfa06.value().attr("data-change"),
        Some("improved newly-answered")
    );
    let overall = text_of(&page, "[data-testid=overall-change]");
    assert_eq!(
        overall,
        format!(
            "{} → {} ({})",
            c.overall_before,
            c.overall_after,
            report_delta(&c)
        )
    );

    let csv = report::changes_csv(&bank, &c);
    assert!(csv.starts_with('\u{feff}'));
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[..3], ["id", "title", "family"]);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 8);
    let row = records.iter().find(|r| &r[0] == "PRV-05").unwrap();
    assert_eq!(&row[5], "Risk acceptance expired");
}

fn report_delta(c: &Comparison) -> String {
    match c.overall_delta() {
        0 => "±0".to_owned(),
        d if d > 0 => format!("+{d}"),
        d => format!("\u{2212}{}", -d),
    }
}

#[test]
fn the_reports_say_what_changed_since_the_previous_assessment() {
    let bank = shipped_bank();
    let (before, after) = pair(&bank);
    let (lite, guidance) = bank.clone().split_guidance();
    let packing = (lite.to_bytes(), guidance.to_bytes());
    let file = savefile::save(&after, &bank, "0.1.0", "2026-12-01T09:00:00Z");
    let previous = savefile::save(&before, &bank, "0.1.0", "2026-06-01T09:00:00Z");
    let history = history().to_bytes();
    let packed = |kind: ReportKind, previous_file: &'static str| report::Packed {
        kind: kind.file_kind(),
        bank: &packing.0,
        guidance: &packing.1,
        assessment_file: Box::leak(file.clone().into_boxed_str()),
        previous_file,
        history: &history,
        generated_at: "2026-12-01T09:00:00Z",
        today: "2026-12-01",
        app_version: "0.1.0",
        edition: "hosted",
    };
    let previous: &'static str = Box::leak(previous.into_boxed_str());
    let html = report::render_packed(&packed(ReportKind::Html, previous)).unwrap();
    let page = scraper::Html::parse_document(&html);
    let heading = text_of(&page, "#since h2");
    assert_eq!(heading, "Since the previous assessment");
    let rows = scraper::Selector::parse("#since [data-question-id]").unwrap();
    assert!(page
        .select(&rows)
        .any(|r| r.value().attr("data-question-id") == Some("PRV-06")));
    let markdown = report::render_packed(&packed(ReportKind::Markdown, previous)).unwrap();
    let section = markdown
        .split("## Since the previous assessment")
        .nth(1)
        .expect("the Markdown has the section");
    assert!(section.contains("| `MFA-02` "), "{section}");
    assert!(section.contains("Risk accepted"), "{section}");
    let plain = report::render_packed(&packed(ReportKind::Html, "")).unwrap();
    assert!(!plain.contains("Since the previous assessment"));
}

#[test]
fn the_trend_follows_the_series() {
    let bank = shipped_bank();
    let (first, last) = pair(&bank);
    let mut middle = first.clone();
    dated(&mut middle, "2026-09-01");
    respond(&mut middle, "MFA-01", level(Level::Fully));
    respond(&mut middle, "MFA-02", level(Level::Fully));
    let history = history();
    let members = [
        Member {
            name: "Baseline",
            side: side(&first),
        },
        Member {
            name: "After fixes <b>",
            side: side(&middle),
        },
        Member {
            name: "Board",
            side: side(&last),
        },
    ];
    let t = trend(&bank, &history, &members, date("2026-12-01"));
    let overall: Vec<u32> = t.points.iter().map(|p| p.overall).collect();
    let scored: Vec<u32> = [&first, &middle, &last]
        .iter()
        .map(|a| assessment_core::score(&bank, a).overall.percent())
        .collect();
    assert_eq!(overall, scored);
    assert_eq!(t.points[0].families.len(), bank.families.len());
    assert!(
        t.improved.contains(&"MFA-01".to_owned()),
        "{:?}",
        t.improved
    );
    assert_eq!(t.concerns[0], ("MFA-02".to_owned(), ConcernKind::Regressed));
    let html = report::trend_view(&bank, &t).html();
    assert!(
        html.contains("After fixes &#60;b&#62;") || html.contains("After fixes &lt;b&gt;"),
        "{html}"
    );
    let page = scraper::Html::parse_fragment(&html);
    assert_eq!(
        text_of(&page, "svg title"),
        "Overall score over 3 assessments, 0 to 100"
    );
    let cells =
        scraper::Selector::parse("[data-testid=trend-table] tbody tr td:nth-of-type(2)").unwrap();
    let shown: Vec<String> = page.select(&cells).map(|c| c.text().collect()).collect();
    assert_eq!(shown, scored.iter().map(u32::to_string).collect::<Vec<_>>());
}

#[test]
fn a_chain_stops_at_a_loop() {
    let links = |id: &str| match id {
        "a3" => Some("a2"),
        "a2" => Some("a1"),
        "a1" => Some("a3"),
        _ => None,
    };
    assert_eq!(chain("a3", links), ["a1", "a2", "a3"]);
    assert_eq!(chain("a9", links), ["a9"]);
}

/// Opening a scan shows, per row, what taking it would change, in the comparison's own words.
#[test]
fn the_scan_preview_classifies_each_row_as_a_comparison_would() {
    use assessment_core::import::{self, Reading};
    let bank = shipped_bank();
    let table =
        assessment_core::scuba::ScubaTable::from_toml(include_str!("../../../content/scuba.toml"))
            .unwrap();
    let mut assessment = Assessment::default();
    respond(&mut assessment, "MFA-05", level(Level::None));
    respond(&mut assessment, "PRV-02", level(Level::Fully));
    let bytes =
        include_bytes!("fixtures/scanners/scubagear-v1.8.0/ScubaResults_fa5589b7-d528-4f80.json");
    let Reading::Preview { preview } =
        import::read_scan(&bank, &table, &assessment, bytes, "ScubaResults.json", None).unwrap()
    else {
        panic!("a preview");
    };
    let change = |id: &str| {
        preview
            .rows
            .iter()
            .find(|r| r.question == id)
            .map(|r| r.change.clone())
            .unwrap()
    };
    assert_eq!(change("MFA-05"), "Improved, evidence changed");
    assert_eq!(change("PRV-02"), "Evidence changed");
    assert_eq!(change("MFA-02"), "Newly answered, evidence changed");
    let text = import::Reading::Preview {
        preview: preview.clone(),
    }
    .to_text();
    let back = Reading::from_text(&text).unwrap();
    assert_eq!(back, Reading::Preview { preview });
}

/// The trend draws the middle of a series from the library's saved summaries and gives the same
/// page as when every file is opened; a stale summary (another bank) needs its file.
#[test]
fn the_trend_from_the_library_summaries_is_the_trend_from_the_files() {
    use assessment_core::library::Index;
    let bank = shipped_bank();
    let (first, last) = pair(&bank);
    let mut middle = first.clone();
    dated(&mut middle, "2026-09-01");
    respond(&mut middle, "MFA-01", level(Level::Fully));
    let mut index = Index::default();
    let ids: Vec<String> = [&first, &middle, &last]
        .iter()
        .map(|a| index.add(&bank, a, "2026-12-01T00:00:00Z"))
        .collect();
    index.set_previous(&ids[1], Some(&ids[0]));
    index.set_previous(&ids[2], Some(&ids[1]));
    index.current = None;
    let files: Vec<String> = [&first, &middle, &last]
        .iter()
        .map(|a| savefile::save(a, &bank, "0.1.0", "t"))
        .collect();
    let series: Vec<&str> = index
        .series(&ids[2])
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(series, ids.iter().map(String::as_str).collect::<Vec<_>>());
    let needed: Vec<bool> = series
        .iter()
        .map(|id| index.trend_needs_file(&series, id, &bank.version))
        .collect();
    // Three assessments: all three are compared (first, before the last, last).
    assert_eq!(needed, [true, true, true]);
    let history = history().to_bytes();
    let lite = bank.clone().split_guidance().0.to_bytes();
    let trend = |files: Vec<String>| {
        report::trend_packed(
            &lite,
            &history,
            &index.to_json(),
            &ids,
            &files,
            "2026-12-01",
        )
        .unwrap()
    };
    let all = trend(files.clone());
    // With four, the second is drawn from its summary.
    let mut four = index.clone();
    let extra = four.add(&bank, &middle, "t");
    four.set_previous(&extra, Some(&ids[2]));
    four.current = None;
    let series4: Vec<String> = four.series(&extra).iter().map(|e| e.id.clone()).collect();
    let refs: Vec<&str> = series4.iter().map(String::as_str).collect();
    let needed4: Vec<bool> = refs
        .iter()
        .map(|id| four.trend_needs_file(&refs, id, &bank.version))
        .collect();
    assert_eq!(needed4, [true, false, true, true]);
    let mut files4 = files.clone();
    files4.push(savefile::save(&middle, &bank, "0.1.0", "t"));
    let full = report::trend_packed(
        &lite,
        &history,
        &four.to_json(),
        &series4,
        &files4,
        "2026-12-01",
    )
    .unwrap();
    files4[1] = String::new();
    let summarised = report::trend_packed(
        &lite,
        &history,
        &four.to_json(),
        &series4,
        &files4,
        "2026-12-01",
    )
    .unwrap();
    assert_eq!(summarised, full);
    assert!(all.contains("Overall score over 3 assessments"));
    assert!(!four.trend_needs_file(&refs, refs[1], &bank.version));
    assert!(
        four.trend_needs_file(&refs, refs[1], "1999.1.0"),
        "a summary from another bank is not used"
    );
}
