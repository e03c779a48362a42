//! Every cross-reference in the shipped bank is a real, current identifier, checked against the
//! official identifier lists in `fixtures/vocab/` (sources and licences in its README).
//! A failure names the question and the offending id.

use std::collections::BTreeSet;

use assessment_core::Bank;
use serde_json::Value;

static SHIPPED: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    assessment_core::Bank::source_in(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content"
    )))
    .expect("the shipped bank can be read")
});

fn vocab(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/vocab/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Ids of the entries of `list` for which `keep` holds.
fn ids(list: &Value, keep: impl Fn(&Value) -> bool) -> BTreeSet<String> {
    list.as_array()
        .expect("an identifier list")
        .iter()
        .filter(|entry| keep(entry))
        .map(|entry| {
            entry["id"]
                .as_str()
                .expect("every entry has an id")
                .to_owned()
        })
        .collect()
}

struct Vocabularies {
    attack: BTreeSet<String>,
    scuba: BTreeSet<String>,
    csf: BTreeSet<String>,
    cis: BTreeSet<String>,
    cpg: BTreeSet<String>,
}

impl Vocabularies {
    fn load() -> Self {
        let attack = vocab("attack-enterprise-techniques.json");
        let scuba = vocab("scuba-policies.json");
        let csf = vocab("csf-2.0-subcategories.json");
        let cis = vocab("cis-controls-v8-safeguards.json");
        let cpg = vocab("cisa-cpg.json");
        Vocabularies {
            attack: ids(&attack["techniques"], |t| t["deprecated"] == false),
            scuba: ids(&scuba["policies"], |_| true),
            csf: ids(&csf["subcategories"], |_| true),
            cis: ids(&cis["safeguards"], |_| true),
            // A goal whose letter the sources disagree on is not a reliable reference.
            cpg: ids(&cpg["goals"], |g| g["letter_uncertain"] == false),
        }
    }

    /// Every unknown id in the bank, as "question: kind id".
    fn unknown_in(&self, bank: &Bank) -> Vec<String> {
        let mut unknown = Vec::new();
        for q in &bank.questions {
            let lists = [
                ("ATT&CK", &q.refs.attack, &self.attack),
                ("SCuBA", &q.refs.scuba, &self.scuba),
                ("CSF 2.0", &q.refs.csf, &self.csf),
                ("CIS v8", &q.refs.cis, &self.cis),
                ("CPG v1.0.1", &q.refs.cpg, &self.cpg),
            ];
            for (kind, used, known) in lists {
                for id in used.iter().filter(|id| !known.contains(*id)) {
                    unknown.push(format!("{}: {kind} {id}", q.id));
                }
            }
        }
        unknown
    }
}

#[test]
fn every_cross_reference_is_a_real_current_id() {
    let bank = Bank::from_toml(&SHIPPED).unwrap();
    let unknown = Vocabularies::load().unknown_in(&bank);
    assert!(
        unknown.is_empty(),
        "unknown or deprecated ids:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn the_vocabularies_reject_what_they_should() {
    let vocabularies = Vocabularies::load();
    // Sanity: the lists are the real ones, so the check above can fail.
    assert!(vocabularies.attack.contains("T1110.003"));
    assert!(
        !vocabularies.attack.contains("T1002"),
        "deprecated technique is excluded"
    );
    assert!(vocabularies.csf.contains("PR.AA-03"));
    assert!(
        !vocabularies.csf.contains("PR.AC-01"),
        "CSF 1.1 id is not CSF 2.0"
    );
    assert!(vocabularies.scuba.contains("MS.AAD.3.6v1"));
    assert!(vocabularies.cis.contains("6.5"));
    assert!(vocabularies.cpg.contains("2.H"));
    assert!(
        !vocabularies.cpg.contains("1.E"),
        "uncertain CPG letter is excluded"
    );

    let mut bank = Bank::from_toml(&SHIPPED).unwrap();
    let first = bank.questions[0].id.clone();
    bank.questions[0].refs.attack.push("T1002".into());
    bank.questions[0].refs.csf.push("PR.AC-01".into());
    let unknown = vocabularies.unknown_in(&bank);
    assert_eq!(
        unknown,
        vec![
            format!("{first}: ATT&CK T1002"),
            format!("{first}: CSF 2.0 PR.AC-01")
        ]
    );
}
