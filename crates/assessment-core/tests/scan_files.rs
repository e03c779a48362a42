//! Scanner files of every version read as what they are: the real ScubaGear and Maester samples,
//! small files in the shape of each older or newer version (tests/fixtures/scanners/README.md),
//! damaged and truncated copies, and files that are not scanner results at all.

use std::collections::BTreeMap;

use assessment_core::scan::{
    read, Outcome, ReportId, Scan, ScanError, ScanFile, ScanKind, Tool, MAX_SCAN_BYTES,
    MAX_SCAN_TEXT,
};
use sha2::{Digest, Sha256};

const SCUBA_V18: &str = "scubagear-v1.8.0/ScubaResults_fa5589b7-d528-4f80.json";
const REGO_V18: &str = "scubagear-v1.8.0/TestResults.json";
const MAESTER: &str = "maester/TestResults-sample.json";

fn bytes(path: &str) -> Vec<u8> {
    let full = format!(
        "{}/tests/fixtures/scanners/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&full).unwrap_or_else(|error| panic!("{full}: {error}"))
}

fn base_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The one scan a file holds.
fn scan_of(file: &[u8], name: &str) -> Scan {
    match read(file, name) {
        Ok(ScanFile::One(scan)) => scan,
        other => panic!("{name}: expected one scan, got {other:?}"),
    }
}

fn scan(path: &str) -> Scan {
    scan_of(&bytes(path), base_name(path))
}

fn sha256(file: &[u8], suffix: &str) -> ReportId {
    let digest = Sha256::new()
        .chain_update(file)
        .chain_update(suffix)
        .finalize();
    ReportId::Sha256(digest.iter().map(|byte| format!("{byte:02x}")).collect())
}

/// The outcomes of a scan as text, in the order of [`Outcome`]: `Pass 2, NotMet 1`.
fn counts(scan: &Scan) -> String {
    let mut counts = BTreeMap::new();
    for check in &scan.checks {
        *counts.entry(check.outcome).or_insert(0) += 1;
    }
    let counts: Vec<String> = counts
        .iter()
        .map(|(outcome, n)| format!("{outcome:?} {n}"))
        .collect();
    counts.join(", ")
}

fn outcome(scan: &Scan, id: &str) -> Outcome {
    let check = scan.checks.iter().find(|check| check.id == id);
    check.unwrap_or_else(|| panic!("no check {id}")).outcome
}

/// What a fixture must read as.
struct Expected {
    path: &'static str,
    kind: ScanKind,
    version: Option<&'static str>,
    /// The report UUID; `None` for the SHA-256 of the file.
    uuid: Option<&'static str>,
    tenant: [Option<&'static str>; 3],
    scanned_at: Option<&'static str>,
    /// As [`counts`] writes them.
    counts: &'static str,
    /// Some checks' outcomes: `MS.AAD.1.1v1 Pass, MS.AAD.3.1v1 NotMet`.
    named: &'static str,
}

impl Expected {
    /// A merged file of Contoso Health: `[path, version, report UUID, time]`.
    fn contoso(file: [&'static str; 4], counts: &'static str, named: &'static str) -> Expected {
        let [path, version, uuid, time] = file;
        let (kind, tenant) = (ScanKind::ScubaGearMerged, CONTOSO);
        let (version, uuid, scanned_at) = (Some(version), Some(uuid), Some(time));
        Expected {
            path,
            kind,
            version,
            uuid,
            tenant,
            scanned_at,
            counts,
            named,
        }
    }

    /// A per-product file of Contoso Health: `[path, product, version, time]`.
    fn product(file: [&'static str; 4], counts: &'static str, named: &'static str) -> Expected {
        let [path, product, version, time] = file;
        let kind = ScanKind::ScubaGearProduct(product.into());
        let tenant = [None, Some("Contoso Health"), None];
        let (version, scanned_at) = (Some(version), Some(time));
        Expected {
            path,
            kind,
            version,
            uuid: None,
            tenant,
            scanned_at,
            counts,
            named,
        }
    }

    /// A Rego output: no version, tenant or time, and the file's SHA-256 as its report id.
    fn rego(path: &'static str, counts: &'static str, named: &'static str) -> Expected {
        let (kind, tenant) = (ScanKind::ScubaGearRego, [None; 3]);
        Expected {
            path,
            kind,
            version: None,
            uuid: None,
            tenant,
            scanned_at: None,
            counts,
            named,
        }
    }

    fn check(&self) {
        let file = bytes(self.path);
        let scan = scan_of(&file, base_name(self.path));
        let (path, source) = (self.path, &scan.source);
        assert_eq!(scan.kind, self.kind, "{path}");
        assert_eq!(source.tool_version.as_deref(), self.version, "{path}");
        let report = self
            .uuid
            .map_or_else(|| sha256(&file, ""), |uuid| ReportId::Uuid(uuid.into()));
        assert_eq!(source.report, report, "{path}");
        let tenant = [
            &source.tenant.id,
            &source.tenant.name,
            &source.tenant.domain,
        ];
        assert_eq!(tenant.map(Option::as_deref), self.tenant, "{path}");
        assert_eq!(source.scanned_at.as_deref(), self.scanned_at, "{path}");
        assert_eq!(counts(&scan), self.counts, "{path}");
        for named in self.named.split(", ") {
            let (id, expected) = named.split_once(' ').expect("id and outcome");
            assert_eq!(format!("{:?}", outcome(&scan, id)), expected, "{path} {id}");
        }
        assert!(!scan.damaged, "{path}");
    }
}

const CONTOSO: [Option<&str>; 3] = [
    Some("5b1f0c2e-7a43-4d0e-9c1a-2f6e8d4b3a10"),
    Some("Contoso Health"),
    Some("contosohealth.onmicrosoft.com"),
];

fn expectations() -> Vec<Expected> {
    vec![
        Expected {
            path: SCUBA_V18,
            kind: ScanKind::ScubaGearMerged,
            version: Some("1.8.0"),
            uuid: Some("fa5589b7-d528-4f80-8e7d-5c20eda7b6d8"),
            tenant: [
                Some("ca08493a-c9c8-4db0-a9e8-d3b4bafac269"),
                Some("tqhjy"),
                Some("tqhjy.onmicrosoft.com"),
            ],
            scanned_at: Some("2026-05-04T17:15:48.307Z"),
            counts: "Pass 57, NotMet 26, Manual 9",
            named: "MS.AAD.1.1v1 Pass, MS.AAD.3.1v1 NotMet, MS.AAD.3.7v1 NotMet, MS.AAD.2.2v1 Manual",
        },
        Expected::rego(
            REGO_V18,
            "Pass 57, NotMet 27, Manual 9",
            "MS.AAD.7.3v1 Pass, MS.AAD.3.1v1 NotMet, MS.AAD.2.2v1 Manual",
        ),
        Expected {
            path: MAESTER,
            kind: ScanKind::Maester,
            version: Some("Next"),
            uuid: None,
            tenant: [Some("0817c655-a853-4d8f-9723-3a333b5b9235"), Some("Pora Inc."), None],
            scanned_at: Some("2025-11-27T21:29:02.460848+11:00"),
            counts: "Pass 74, NotMet 70, Manual 3, NotRun 168, Error 2",
            named: "CISA.MS.AAD.1.1 NotMet, CISA.MS.AAD.2.1 Pass, CISA.MS.EXO.1.1 NotRun, MT.1084 Error",
        },
        Expected::rego(
            "scubagear-v1.1/TestResults.json",
            "Pass 4, NotMet 4, Manual 2",
            "MS.AAD.3.4v1 NotMet, MS.EXO.8.1v1 Manual, MS.AAD.3.2v1 Pass",
        ),
        Expected::product(
            ["scubagear-v1.2/AADReport.json", "AAD", "1.2.0", "04/16/2024 09:41:07 Eastern Daylight Time"],
            "Pass 2, NotMet 3, Manual 1, Error 1",
            "MS.AAD.3.2v1 Pass, MS.AAD.3.4v1 NotMet, MS.AAD.5.1v1 Error",
        ),
        Expected::product(
            ["scubagear-v1.3/EXOReport.json", "EXO", "1.3.0", "06/12/2024 14:03:55 Pacific Daylight Time"],
            "Pass 4, NotMet 3, Manual 1, Omitted 1",
            "MS.EXO.5.1v1 Omitted, MS.EXO.2.1v1 Manual, MS.EXO.4.4v1 NotMet",
        ),
        Expected::contoso(
            [
                "scubagear-v1.5/ScubaResults_3c1f6a2e-8b4d-4e21.json",
                "1.5.0",
                "3c1f6a2e-8b4d-4e21-9a57-0d6f2b8c41e9",
                "2025-01-14T15:22:10.512Z",
            ],
            "Pass 5, NotMet 3",
            "MS.AAD.3.2v1 Pass, MS.AAD.3.5v1 NotMet, MS.EXO.1.1v1 Pass",
        ),
        Expected::contoso(
            [
                "scubagear-v1.7/ScubaResults_7e2d90b1-41c6-4f0a.json",
                "1.7.0",
                "7e2d90b1-41c6-4f0a-b3d8-5a9c2e1f6b47",
                "2025-08-05T09:12:44.031Z",
            ],
            "Pass 2, NotMet 2, Manual 1, Omitted 2, Error 1",
            "MS.AAD.3.6v1 Omitted, MS.AAD.7.1v1 Omitted, MS.SHAREPOINT.1.1v1 Error",
        ),
        Expected::contoso(
            [
                "scubagear-main/ScubaResults_b41e7c09-2a5d-4c83.json",
                "2.0.0",
                "b41e7c09-2a5d-4c83-8f61-3d0a9e7b52c4",
                "2026-08-18T11:40:02.877Z",
            ],
            "Pass 3, NotMet 2, Manual 1",
            "MS.SECURITYSUITE.1.3v1 NotMet, MS.SECURITYSUITE.3.1v1 Manual, MS.POWERBI.1.1v1 Pass",
        ),
        Expected::rego(
            "scubagear-main/RegoOutput.json",
            "Pass 3, NotMet 2, Manual 1",
            "MS.SECURITYSUITE.2.1v1 NotMet, MS.SECURITYSUITE.3.1v1 Manual",
        ),
        Expected {
            path: "scubagear-markup/ScubaResults_markup.json",
            kind: ScanKind::ScubaGearMerged,
            version: Some("1.8.0"),
            uuid: None,
            tenant: CONTOSO,
            scanned_at: Some("2026-05-04T17:15:48.307Z"),
            counts: "NotMet 1, Unknown 1",
            named: "MS.AAD.1.1v1 NotMet, MS.AAD.2.1v1 Unknown",
        },
        Expected {
            path: "maester-2025/TestResults-2025-02-11-093000.json",
            kind: ScanKind::Maester,
            version: Some("1.0.0"),
            uuid: None,
            tenant: [CONTOSO[0], CONTOSO[1], None],
            scanned_at: Some("2025-02-11T09:30:00.1234567+01:00"),
            counts: "Pass 2, NotMet 2, LicenceMissing 1, NotRun 2",
            named: "CISA.MS.AAD.2.1 LicenceMissing, CISA.MS.EXO.1.1 NotRun, EIDSCA.AF01 NotMet",
        },
    ]
}

#[test]
fn every_version_reads_as_what_it_is() {
    for expected in expectations() {
        expected.check();
    }
}

#[test]
fn titles_are_plain_text_and_cut() {
    let real = scan(SCUBA_V18);
    for check in &real.checks {
        assert!(
            !check.title.is_empty() && check.title.chars().count() <= MAX_SCAN_TEXT,
            "{}",
            check.id
        );
        assert!(
            !check.title.contains('<') && !check.title.contains("Automated Check"),
            "{}",
            check.title
        );
    }
    let first = &real.checks[0];
    assert_eq!(first.title, "Legacy authentication SHALL be blocked.");
    assert_eq!(
        first.original, None,
        "OriginalResult equal to Result is not kept"
    );
    assert_eq!(
        (first.comment.as_deref(), first.resolution_date.as_deref()),
        (None, None)
    );
    let maester = scan(MAESTER);
    let cisa = maester
        .checks
        .iter()
        .filter(|check| check.id.starts_with("CISA."))
        .count();
    assert_eq!(cisa, 73);
    assert!(
        scan(REGO_V18)
            .checks
            .iter()
            .all(|check| check.title.is_empty()),
        "ReportDetails is never kept"
    );
}

#[test]
fn user_names_in_maester_titles_are_not_kept() {
    let file = bytes(MAESTER);
    let text = String::from_utf8_lossy(&file);
    let addresses: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "\"()<>,".contains(c))
        .filter(|word| word.contains('@') && word.contains(".com"))
        .collect();
    assert!(
        addresses.contains(&"IsaiahL@elapora.com"),
        "the sample names users in its titles"
    );
    let kept = format!("{:?}", scan(MAESTER));
    for address in addresses {
        assert!(!kept.contains(address), "{address} was kept");
    }
}

#[test]
fn annotations_of_v1_7_are_kept() {
    let scan = scan("scubagear-v1.7/ScubaResults_7e2d90b1-41c6-4f0a.json");
    let check = |id: &str| scan.checks.iter().find(|check| check.id == id).expect(id);
    let annotated = check("MS.AAD.3.1v1");
    assert_eq!(
        annotated.comment.as_deref(),
        Some("Phishing-resistant MFA rollout in progress / Owner: identity team")
    );
    assert_eq!(annotated.resolution_date.as_deref(), Some("2025-09-30"));
    let incorrect = check("MS.AAD.3.6v1");
    assert_eq!(
        (incorrect.result.as_str(), incorrect.original.as_deref()),
        ("Incorrect result", Some("Fail"))
    );
    assert_eq!(incorrect.verdict(), "Fail");
    assert_eq!(incorrect.resolution_date, None, "\"N/A\" is no date");
    assert_eq!(check("MS.AAD.7.1v1").original, None);
}

#[test]
fn markup_in_free_text_stays_inert_text() {
    let scan = scan("scubagear-markup/ScubaResults_markup.json");
    let check = &scan.checks[0];
    assert_eq!(
        check.title,
        "Legacy authentication SHALL be blocked. <script>alert(2)</script> & \"logged\""
    );
    assert!(
        !check.title.contains("alert(1)"),
        "a script's content is not text"
    );
    let comment = check.comment.as_deref().expect("comments");
    assert_eq!(
        comment,
        "<script>alert(1)</script> / =HYPERLINK(\"https://evil.example/\",\"Click\") / line one line two"
    );
    assert_eq!(check.resolution_date.as_deref(), Some("2026-12-31"));
    assert_eq!(
        scan.checks[1].result, "Partially passed",
        "an unknown result is kept as printed"
    );
    assert_eq!(scan.duplicate_ids, ["MS.AAD.1.1v1"]);
    assert_eq!(
        check.result, "Fail",
        "the first of two entries with one id is kept"
    );
}

#[test]
fn a_merged_maester_file_gives_each_tenant() {
    let path = "maester-multi/TestResults-merged.json";
    let file = bytes(path);
    let Ok(ScanFile::Tenants(tenants)) = read(&file, base_name(path)) else {
        panic!("tenants")
    };
    let names: Vec<_> = tenants
        .iter()
        .map(|scan| scan.source.tenant.name.as_deref())
        .collect();
    assert_eq!(names, [Some("Contoso East"), Some("Contoso West")]);
    assert_eq!(tenants[0].source.report, sha256(&file, ":0"));
    assert_eq!(tenants[1].source.report, sha256(&file, ":1"));
    let versions: Vec<_> = tenants
        .iter()
        .map(|scan| scan.source.tool_version.as_deref())
        .collect();
    assert_eq!(
        versions,
        [Some("1.1.0"), Some("1.1.1")],
        "a tenant without a version takes the file's"
    );
    assert_eq!(outcome(&tenants[0], "CISA.MS.AAD.3.1"), Outcome::NotMet);
    // Below ConvertTo-Json's depth the detail is a string, so the licence reason is lost.
    assert_eq!(outcome(&tenants[1], "CISA.MS.AAD.2.1"), Outcome::NotRun);
    assert!(tenants
        .iter()
        .all(|scan| scan.kind == ScanKind::Maester && scan.checks.len() == 3));
}

#[test]
fn utf16_big_endian_reads_like_little_endian() {
    let little = bytes("scubagear-v1.2/AADReport.json");
    let mut big = vec![0xFE, 0xFF];
    big.extend(
        little[2..]
            .chunks_exact(2)
            .flat_map(|pair| [pair[1], pair[0]]),
    );
    let (a, b) = (
        scan_of(&little, "AADReport.json"),
        scan_of(&big, "AADReport.json"),
    );
    assert_eq!(a.checks, b.checks);
    assert_eq!(a.kind, b.kind);
}

#[test]
fn a_per_product_file_not_named_for_its_product_takes_it_from_the_ids() {
    let scan = scan_of(&bytes("scubagear-v1.3/EXOReport.json"), "results (2).json");
    assert_eq!(scan.kind, ScanKind::ScubaGearProduct("EXO".into()));
}

#[test]
fn nothing_personal_is_kept() {
    // From the real sample's Raw (privileged users, DMARC contacts) and Maester's SystemInfo,
    // Account and logos; then from the synthetic files' Raw, ReportDetails and test results.
    let cases: [(&str, &[&str]); 6] = [
        (
            SCUBA_V18,
            &[
                "John Doe",
                "Jane Doe",
                "johndoe@example.org",
                "cloudsecurity@example.org",
                "data:image",
            ],
        ),
        (
            MAESTER,
            &["DESKTOP-ABC123", "merill", "data:image", "iVBORw0KGgo"],
        ),
        (
            "scubagear-v1.1/TestResults.json",
            &["Jordan Example", "jordan.example"],
        ),
        ("scubagear-v1.2/AADReport.json", &["Pat Example"]),
        (
            "scubagear-v1.5/ScubaResults_3c1f6a2e-8b4d-4e21.json",
            &["Avery Sample", "Morgan Placeholder", "avery.sample"],
        ),
        (
            "maester-2025/TestResults-2025-02-11-093000.json",
            &["Riley Admin", "riley.admin", "C:\\Users"],
        ),
    ];
    for (path, secrets) in cases {
        let shown = format!("{:?}", scan(path));
        for secret in secrets {
            assert!(!shown.contains(secret), "{path} keeps {secret}");
        }
    }
}

/// The real sample with its text changed as `edit` says.
fn edited(edit: impl Fn(&str) -> String) -> Vec<u8> {
    let file = bytes(SCUBA_V18);
    let text = std::str::from_utf8(&file[3..]).expect("UTF-8 after the BOM");
    [&file[..3], edit(text).as_bytes()].concat()
}

#[test]
fn a_scan_damaged_inside_raw_keeps_its_results() {
    let damaged = edited(|text| {
        text.replacen(
            "\"license_information\":  ",
            "\"license_information\": ,",
            1,
        )
    });
    assert_ne!(damaged, bytes(SCUBA_V18));
    let scan = scan_of(&damaged, "ScubaResults.json");
    assert!(scan.damaged);
    assert_eq!(scan.checks, self::scan(SCUBA_V18).checks);
    assert_eq!(
        scan.source.report,
        ReportId::Uuid("fa5589b7-d528-4f80-8e7d-5c20eda7b6d8".into())
    );
}

#[test]
fn a_scan_cut_short_is_used_only_when_its_results_are_whole() {
    let file = bytes(SCUBA_V18);
    let text = std::str::from_utf8(&file).expect("UTF-8");
    let at = |needle: &str| text.find(needle).expect(needle);
    // The last cut stops just before the brace that closes `Results`.
    // Cut before its first key is whole, nothing says a scanner wrote it.
    assert_eq!(read(&file[..10], "x.json"), Err(ScanError::NotAScan));
    for cut in [300, at("\"Results\"") + 5_000, at("\n},\n    \"Raw\"")] {
        assert_eq!(
            read(&file[..cut], "x.json"),
            Err(ScanError::Truncated),
            "cut at {cut}"
        );
    }
    for cut in [at("\"Raw\""), file.len() / 2, file.len() - 4] {
        let scan = scan_of(&file[..cut], "x.json");
        assert!(scan.damaged, "cut at {cut}");
        assert_eq!(scan.checks.len(), 92);
    }
    let cut = read(&file[..300], "x.json").expect_err("cut");
    assert_eq!(
        cut.to_string(),
        "This scanner file ends before its results do: it was probably cut short while being \
         copied or saved. Copy it again from the scanner's output folder. Nothing was changed."
    );
    let maester = bytes(MAESTER);
    let tests = std::str::from_utf8(&maester)
        .expect("UTF-8")
        .find("\"Blocks\"")
        .expect("Blocks");
    assert_eq!(
        read(&maester[..tests / 2], "m.json"),
        Err(ScanError::Truncated)
    );
    assert!(scan_of(&maester[..tests + 20], "m.json").damaged);
}

#[test]
fn broken_results_say_where() {
    let broken =
        edited(|text| text.replacen("\"Control ID\":  \"MS.EXO.2.2v3\"", "\"Control ID\":  ,", 1));
    let error = read(&broken, "ScubaResults.json").expect_err("damaged");
    assert_eq!(
        error,
        ScanError::Damaged {
            tool: Tool::ScubaGear,
            what: "Results.EXO".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "This ScubaGear file is damaged in its results (in Results.EXO), so none of them could be \
         used. Run the scan again or copy the file again. Nothing was changed."
    );
}

#[test]
fn what_is_not_a_scanner_result_is_refused_in_plain_words() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    let invalid_utf8 = b"{\"Results\": \"\xC0\xAF\"}".to_vec();
    let not_text = "This file is not text (it may be a PDF, a spreadsheet or a picture). Open a \
                    ScubaGear or Maester JSON result, or an assessment file. Nothing was changed.";
    for file in [png, pdf, invalid_utf8] {
        let error = read(&file, "x").expect_err("refused");
        assert_eq!(
            (error.clone(), error.to_string().as_str()),
            (ScanError::NotText, not_text)
        );
    }
    let empty = read(b"", "x").expect_err("empty");
    assert_eq!(
        (empty.clone(), empty.to_string()),
        (
            ScanError::Empty,
            "This file is empty. Nothing was changed.".into()
        )
    );
    let huge = vec![b' '; 17 * 1024 * 1024];
    let too_large = read(&huge, "x").expect_err("too large");
    assert_eq!(too_large, ScanError::TooLarge { bytes: huge.len() });
    assert_eq!(
        too_large.to_string(),
        "This file is 17.0 MB; scanner results are at most a few MB, so it was not read. Nothing was changed."
    );
    assert!(read(&vec![b' '; MAX_SCAN_BYTES], "x").is_err_and(|error| error == ScanError::Empty));
}

#[test]
fn json_that_is_no_scan_is_refused() {
    let golden = format!(
        "{}/tests/golden/example-health-trust_2024-05-01_assessment.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let assessment = std::fs::read(golden).expect("the golden assessment file");
    let inline = br#"{"kind": "midnight-blizzard-self-assessment", "version": 2, "assessment": {"answers": {}}}"#;
    let random =
        br#"{"name": "x", "items": [1, 2, {"Result": "Pass"}], "nested": {"MetaDataX": null}}"#;
    for file in [
        &assessment[..],
        inline,
        random,
        b"[]",
        b"42",
        b"[{\"PolicyId\": \"MS.AAD.1.1v1\"}]",
    ] {
        let error = read(file, "x.json").expect_err("not a scan");
        assert_eq!(
            error,
            ScanError::NotAScan,
            "{}",
            String::from_utf8_lossy(&file[..file.len().min(60)])
        );
        assert!(error
            .to_string()
            .starts_with("This file is JSON but not a ScubaGear or Maester result"));
    }
    let not_json = read(
        b"Control ID,Result\nMS.AAD.1.1v1,Pass\n",
        "ScubaResults.csv",
    )
    .expect_err("csv");
    assert_eq!(not_json, ScanError::NotJson { at: 0 });
    assert_eq!(
        not_json.to_string(),
        "This file is text but not JSON, so it is neither a scanner result nor an assessment \
         file. Open ScubaGear's or Maester's JSON results (not their CSV or HTML reports), or an \
         assessment file. Nothing was changed."
    );
}

#[test]
fn a_maester_file_without_cisa_tests_is_refused() {
    let error = read(
        &bytes("maester-mt-only/TestResults-2026-04-01-100000.json"),
        "t.json",
    )
    .expect_err("no CISA");
    assert_eq!(error, ScanError::NoCisaTests);
    assert_eq!(
        error.to_string(),
        "This Maester file holds no CISA SCuBA tests (those named CISA.…), so none of its results \
         answer a question here. Run Maester with its CISA tests included. Nothing was changed."
    );
    let empty = br#"{"ExecutedAt": "2026-01-01T00:00:00Z", "Tests": []}"#;
    assert_eq!(
        read(empty, "t.json"),
        Err(ScanError::NoChecks {
            tool: Tool::Maester
        })
    );
}

#[test]
fn every_refusal_ends_by_saying_nothing_changed() {
    let errors = [
        ScanError::TooLarge { bytes: 21_076_377 },
        ScanError::Empty,
        ScanError::NotText,
        ScanError::NotJson { at: 12 },
        ScanError::Truncated,
        ScanError::NotAScan,
        ScanError::Damaged {
            tool: Tool::Maester,
            what: String::new(),
        },
        ScanError::NoChecks {
            tool: Tool::ScubaGear,
        },
        ScanError::NoCisaTests,
    ];
    for error in errors {
        let text = error.to_string();
        assert!(
            text.starts_with("This ") && text.ends_with(". Nothing was changed."),
            "{text}"
        );
        for jargon in ["Err", "serde", "None", "{", "utf", "UTF"] {
            assert!(!text.contains(jargon), "{text}");
        }
    }
    assert!(ScanError::TooLarge { bytes: 21_076_377 }
        .to_string()
        .starts_with("This file is 20.1 MB;"));
}
