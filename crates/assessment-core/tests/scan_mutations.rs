//! Whatever the bytes, reading a scanner file never panics, and what it keeps stays within its
//! limits: the real samples and the small fixtures cut short, with bytes flipped, inserted,
//! deleted or spliced in from elsewhere, and random JSON built from the keys the parsers know.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use assessment_core::scan::{read, ScanFile, MAX_CHECKS, MAX_SCAN_TEXT};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;

/// The small fixtures, and the real Rego output (92 KB: short enough for many cases).
const FIXTURES: [&str; 12] = [
    "scubagear-v1.1/TestResults.json",
    "scubagear-v1.2/AADReport.json",
    "scubagear-v1.3/EXOReport.json",
    "scubagear-v1.5/ScubaResults_3c1f6a2e-8b4d-4e21.json",
    "scubagear-v1.7/ScubaResults_7e2d90b1-41c6-4f0a.json",
    "scubagear-main/ScubaResults_b41e7c09-2a5d-4c83.json",
    "scubagear-main/RegoOutput.json",
    "scubagear-markup/ScubaResults_markup.json",
    "scubagear-v1.8.0/TestResults.json",
    "maester-2025/TestResults-2025-02-11-093000.json",
    "maester-multi/TestResults-merged.json",
    "maester-mt-only/TestResults-2026-04-01-100000.json",
];

fn bytes(path: &str) -> Vec<u8> {
    let full = format!(
        "{}/tests/fixtures/scanners/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&full).unwrap_or_else(|error| panic!("{full}: {error}"))
}

static SCUBAGEAR: LazyLock<Vec<u8>> =
    LazyLock::new(|| bytes("scubagear-v1.8.0/ScubaResults_fa5589b7-d528-4f80.json"));
static MAESTER: LazyLock<Vec<u8>> = LazyLock::new(|| bytes("maester/TestResults-sample.json"));
static SMALL: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| FIXTURES.map(bytes).to_vec());

/// One change to a file's bytes; positions are picked within the file as it is by then.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(Index),
    Flip(Index, u8),
    Insert(Index, u8),
    Delete(Index, u16),
    /// Copies `len` bytes from `from` (in the other file when splicing two files) to `to`.
    Splice {
        from: Index,
        len: u16,
        to: Index,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), 0..8u8).prop_map(|(at, bit)| Mutation::Flip(at, bit)),
        (any::<Index>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Insert(at, byte)),
        (any::<Index>(), 1..512u16).prop_map(|(at, len)| Mutation::Delete(at, len)),
        (any::<Index>(), 1..4096u16, any::<Index>()).prop_map(|(from, len, to)| Mutation::Splice {
            from,
            len,
            to
        }),
    ]
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(mutation(), 1..5)
}

/// A position in `file`, which may be empty (then 0).
fn at(index: &Index, len: usize) -> usize {
    if len == 0 {
        0
    } else {
        index.index(len)
    }
}

fn apply(file: &mut Vec<u8>, donor: &[u8], mutation: &Mutation) {
    let len = file.len();
    match mutation {
        Mutation::Truncate(index) => file.truncate(at(index, len)),
        Mutation::Flip(index, bit) if len > 0 => file[at(index, len)] ^= 1 << bit,
        Mutation::Flip(..) => {}
        Mutation::Insert(index, byte) => file.insert(at(index, len + 1), *byte),
        Mutation::Delete(index, count) => {
            let start = at(index, len);
            file.drain(start..len.min(start + usize::from(*count)));
        }
        Mutation::Splice {
            from,
            len: count,
            to,
        } => {
            let start = at(from, donor.len());
            let piece = donor[start..donor.len().min(start + usize::from(*count))].to_vec();
            let to = at(to, len + 1);
            file.splice(to..to, piece);
        }
    }
}

fn mutated(file: &[u8], donor: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut file = file.to_vec();
    for mutation in mutations {
        let donor = if donor.is_empty() {
            file.clone()
        } else {
            donor.to_vec()
        };
        apply(&mut file, &donor, mutation);
    }
    file
}

/// Reads `file` (it must not panic) and checks what it gave: a refusal in a whole sentence, or
/// scans whose every kept text is short, clean and trimmed, with unique ids.
fn sound(file: &[u8], name: &str) -> Result<(), TestCaseError> {
    let scans = match read(file, name) {
        Ok(ScanFile::One(scan)) => vec![scan],
        Ok(ScanFile::Tenants(tenants)) => tenants,
        Err(error) => {
            prop_assert!(
                error.to_string().ends_with(" Nothing was changed."),
                "{error:?}"
            );
            return Ok(());
        }
    };
    prop_assert!(!scans.is_empty());
    for scan in scans {
        prop_assert!(!scan.checks.is_empty() && scan.checks.len() <= MAX_CHECKS);
        let mut ids = BTreeSet::new();
        for check in &scan.checks {
            prop_assert!(
                !check.id.is_empty() && ids.insert(check.id.clone()),
                "{}",
                check.id
            );
            let optional = [
                &check.original,
                &check.criticality,
                &check.skipped_reason,
                &check.comment,
                &check.resolution_date,
            ];
            let texts = [&check.id, &check.result, &check.title]
                .into_iter()
                .chain(optional.into_iter().flatten());
            for text in texts {
                prop_assert!(text.chars().count() <= MAX_SCAN_TEXT, "{text}");
                prop_assert!(!text.chars().any(char::is_control), "{text:?}");
                prop_assert_eq!(text.trim(), text.as_str());
            }
        }
    }
    Ok(())
}

/// A random JSON value made of the keys and values the parsers look for, nested at random.
fn value() -> BoxedStrategy<String> {
    let keys = prop::sample::select(vec![
        "MetaData",
        "Results",
        "Raw",
        "Controls",
        "Control ID",
        "Result",
        "Requirement",
        "Comments",
        "OriginalResult",
        "ResolutionDate",
        "PolicyId",
        "RequirementMet",
        "Criticality",
        "Tests",
        "Tenants",
        "ExecutedAt",
        "TenantId",
        "CurrentVersion",
        "Id",
        "Tag",
        "ResultDetail",
        "SkippedReason",
        "ReportUUID",
        "AAD",
    ]);
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        Just("-1.5e3".to_owned()),
        "[a-zA-Z0-9 <>&#;./:\u{202e}-]{0,12}"
            .prop_map(|text| serde_json::to_string(&text).expect("a JSON string")),
        prop::sample::select(vec![
            "\"Pass\"",
            "\"Skipped\"",
            "\"N/A\"",
            "\"CISA.MS.AAD.1.1\"",
            "\"MS.AAD.1.1v1\""
        ])
        .prop_map(str::to_owned),
    ];
    leaf.prop_recursive(5, 48, 5, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5)
                .prop_map(|items| format!("[{}]", items.join(","))),
            prop::collection::vec((keys.clone(), inner), 0..5).prop_map(|entries| object(&entries)),
        ]
    })
    .boxed()
}

/// An object of `entries`, each key once (serde refuses a field given twice, and scanners never
/// write one twice).
fn object(entries: &[(&str, String)]) -> String {
    let mut seen = BTreeSet::new();
    let entries: Vec<String> = entries
        .iter()
        .filter(|(key, _)| seen.insert(*key))
        .map(|(key, value)| format!("{key:?}:{value}"))
        .collect();
    format!("{{{}}}", entries.join(","))
}

/// Mostly one of a few real-looking values, now and then any value.
fn mostly(values: &[&'static str]) -> BoxedStrategy<String> {
    let usual = prop::sample::select(values.to_vec()).prop_map(str::to_owned);
    prop_oneof![3 => usual, 1 => value()].boxed()
}

fn an_id() -> BoxedStrategy<String> {
    mostly(&[
        "\"MS.AAD.1.1v1\"",
        "\"CISA.MS.AAD.1.1\"",
        "\"MT.1001\"",
        "\" x \"",
    ])
}

/// A list of up to three objects, each with `id` and some of `keys` with random values.
fn records(id: &'static str, keys: Vec<&'static str>) -> BoxedStrategy<String> {
    let fields = prop::collection::vec((prop::sample::select(keys), value()), 0..5);
    let record = (an_id(), fields).prop_map(move |(value_of_id, mut entries)| {
        entries.insert(0, (id, value_of_id));
        object(&entries)
    });
    prop::collection::vec(record, 0..4)
        .prop_map(|items| format!("[{}]", items.join(",")))
        .boxed()
}

/// Random JSON in the outline of a scanner file (merged, per-product, Rego, Maester, several
/// tenants) with random values in its places, so that the readers behind the outline run.
fn scannerish() -> impl Strategy<Value = String> {
    let control = [
        "Result",
        "Requirement",
        "Comments",
        "OriginalResult",
        "ResolutionDate",
        "Criticality",
    ];
    let controls = records("Control ID", control.to_vec());
    let tests = records(
        "Id",
        vec!["Result", "Title", "Name", "Tag", "Severity", "ResultDetail"],
    );
    let row = (an_id(), mostly(&["true", "false"]), value()).prop_map(|(id, met, level)| {
        format!("{{\"PolicyId\":{id},\"RequirementMet\":{met},\"Criticality\":{level}}}")
    });
    let rows = prop::collection::vec(row, 0..4).prop_map(|rows| format!("[{}]", rows.join(",")));
    let meta = prop_oneof![Just("{\"ToolVersion\":\"1.8.0\"}".to_owned()), value()];
    prop_oneof![
        (meta.clone(), controls.clone(), value()).prop_map(|(meta, controls, raw)| {
            format!("{{\"MetaData\":{meta},\"Results\":{{\"AAD\":[{{\"Controls\":{controls}}}]}},\"Raw\":{raw}}}")
        }),
        (meta, controls).prop_map(|(meta, controls)| format!("[{{\"Results\":{controls},\"MetaData\":{meta}}}]")),
        rows,
        (mostly(&["\"2026-01-01T00:00:00Z\""]), tests.clone()).prop_map(|(at, tests)| format!("{{\"ExecutedAt\":{at},\"Tests\":{tests}}}")),
        prop::collection::vec(tests, 0..3).prop_map(|runs| {
            let runs: Vec<String> = runs.iter().map(|tests| format!("{{\"TenantId\":\"t\",\"Tests\":{tests}}}")).collect();
            format!("{{\"Tenants\":[{}]}}", runs.join(","))
        }),
        value(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_real_scubagear_sample_survives_any_damage(mutations in mutations()) {
        sound(&mutated(&SCUBAGEAR, &[], &mutations), "ScubaResults_fa5589b7-d528-4f80.json")?;
    }

    #[test]
    fn the_real_maester_sample_survives_any_damage(mutations in mutations()) {
        sound(&mutated(&MAESTER, &[], &mutations), "TestResults-sample.json")?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn small_files_survive_any_damage(file in any::<Index>(), mutations in mutations()) {
        let index = file.index(FIXTURES.len());
        sound(&mutated(&SMALL[index], &[], &mutations), FIXTURES[index])?;
    }

    #[test]
    fn two_files_spliced_together_are_read_or_refused(
        file in any::<Index>(),
        donor in any::<Index>(),
        mutations in mutations(),
    ) {
        let (file, donor) = (&SMALL[file.index(FIXTURES.len())], &SMALL[donor.index(FIXTURES.len())]);
        sound(&mutated(file, donor, &mutations), "spliced.json")?;
    }

    #[test]
    fn random_bytes_are_refused_or_read(file in prop::collection::vec(any::<u8>(), 0..2048)) {
        sound(&file, "random.json")?;
    }

    #[test]
    fn random_json_with_scanner_keys_is_read_or_refused(json in scannerish()) {
        sound(json.as_bytes(), "AADReport.json")?;
    }
}
