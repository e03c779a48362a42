//! What each scanner fixture does to a new assessment through the shipped mapping: how many
//! questions it pre-fills, how many it leaves to the person and why. The figures are pinned, so a
//! change to the mapping, the parsers or the bank shows up here (and in the closing note of the
//! scanner issue, which quotes them).

mod common;

use std::collections::BTreeMap;

use assessment_core::import::{self, Reading};
use assessment_core::scuba::ScubaTable;
use assessment_core::Assessment;

use common::shipped_bank;

fn table() -> ScubaTable {
    ScubaTable::from_toml(include_str!("../../../content/scuba.toml")).unwrap()
}

/// `pre-filled N; left M (Manual a, NotRun b, …, not in the scan c)` for a fixture, against a
/// new assessment (tenant `tenant` of a multi-tenant file).
fn summary(path: &str, tenant: Option<usize>) -> String {
    let full = format!(
        "{}/tests/fixtures/scanners/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&full).unwrap();
    let name = path.rsplit('/').next().unwrap();
    let bank = shipped_bank();
    let reading = import::read_scan(
        &bank,
        &table(),
        &Assessment::default(),
        &bytes,
        name,
        tenant,
    )
    .unwrap();
    let Reading::Preview { preview } = reading else {
        panic!("{path}: expected a preview");
    };
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for item in &preview.undecided {
        // One reason per question: the first undecided check's outcome, else a missing policy.
        let reason = item
            .checks
            .first()
            .map(|check| format!("{:?}", check.outcome))
            .unwrap_or_else(|| "not in the scan".to_owned());
        *reasons.entry(reason).or_default() += 1;
    }
    let reasons: Vec<String> = reasons
        .iter()
        .map(|(reason, n)| format!("{reason} {n}"))
        .collect();
    format!(
        "pre-filled {}; left {} ({})",
        preview.rows.len(),
        preview.undecided.len(),
        reasons.join(", ")
    )
}

#[test]
fn each_fixture_pre_fills_what_its_checks_decide() {
    let cases: &[(&str, Option<usize>, &str)] = &[
        (
            "scubagear-v1.8.0/ScubaResults_fa5589b7-d528-4f80.json",
            None,
            "pre-filled 20; left 2 (Manual 2)",
        ),
        (
            "scubagear-v1.8.0/TestResults.json",
            None,
            "pre-filled 20; left 2 (Manual 2)",
        ),
        (
            "maester/TestResults-sample.json",
            None,
            "pre-filled 17; left 3 (NotRun 3)",
        ),
        (
            "scubagear-v1.1/TestResults.json",
            None,
            "pre-filled 5; left 1 (not in the scan 1)",
        ),
        (
            "scubagear-v1.2/AADReport.json",
            None,
            "pre-filled 3; left 2 (Error 1, not in the scan 1)",
        ),
        (
            "scubagear-v1.3/EXOReport.json",
            None,
            "pre-filled 1; left 0 ()",
        ),
        (
            "scubagear-v1.5/ScubaResults_3c1f6a2e-8b4d-4e21.json",
            None,
            "pre-filled 6; left 1 (not in the scan 1)",
        ),
        (
            "scubagear-v1.7/ScubaResults_7e2d90b1-41c6-4f0a.json",
            None,
            "pre-filled 3; left 3 (Omitted 2, not in the scan 1)",
        ),
        (
            "scubagear-main/ScubaResults_b41e7c09-2a5d-4c83.json",
            None,
            "pre-filled 1; left 0 ()",
        ),
        (
            "scubagear-main/RegoOutput.json",
            None,
            "pre-filled 1; left 0 ()",
        ),
        (
            "maester-2025/TestResults-2025-02-11-093000.json",
            None,
            "pre-filled 4; left 1 (NotRun 1)",
        ),
        (
            "maester-multi/TestResults-merged.json",
            Some(0),
            "pre-filled 2; left 2 (not in the scan 2)",
        ),
        (
            "maester-multi/TestResults-merged.json",
            Some(1),
            "pre-filled 1; left 0 ()",
        ),
    ];
    let mut wrong = Vec::new();
    for (path, tenant, expected) in cases {
        let got = summary(path, *tenant);
        println!("{path} {tenant:?}: {got}");
        if got != *expected {
            wrong.push(format!("{path} {tenant:?}: {got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
