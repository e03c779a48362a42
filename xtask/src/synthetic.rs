//! Synthetic data for benchmarks that must show how the app behaves at scale: a question bank of
//! any size, made from the shipped one (issue: 2,000 questions), and libraries of assessments as
//! the app stores them (many customers' assessments; a long series of complete ones).

use assessment_core::library::Index;
use assessment_core::{
    dates, savefile, series, ActionStatus, AnswerRecord, Assessment, Bank, Details, Level,
    Response, RiskAcceptance,
};

/// The shipped bank with its questions repeated, under new ids, until there are `count` of them.
/// Ids run `XAA-01` … `XZZ-99`; every copy keeps its family, so pages grow evenly.
pub fn bank(shipped: &Bank, count: usize) -> Bank {
    let mut bank = shipped.clone();
    bank.version = format!("{}-synthetic-{count}", shipped.version);
    // Closing rules name questions by id, and the copies have new ids.
    for family in &mut bank.families {
        family.closes = None;
    }
    bank.questions = (0..count)
        .map(|i| {
            let mut question = shipped.questions[i % shipped.questions.len()].clone();
            question.id = synthetic_id(i);
            question
        })
        .collect();
    bank
}

fn synthetic_id(index: usize) -> String {
    let letters = |n: usize| char::from(b'A' + u8::try_from(n % 26).expect("n % 26 < 26"));
    let block = index / 99;
    format!(
        "X{}{}-{:02}",
        letters(block / 26),
        letters(block),
        index % 99 + 1
    )
}

/// The storage keys the app uses (`INDEX_KEY` and `assessment_key` in src/browser/storage.rs;
/// a test below checks they still agree).
pub const INDEX_KEY: &str = "mbsa.v1.index";

/// The key of entry `id`'s stored assessment file.
pub fn assessment_key(id: &str) -> String {
    format!("mbsa.v1.assessment.{id}")
}

/// A library of assessments as the app keeps it in `localStorage`: the index and each entry's
/// assessment file, written with the core exactly as the app writes them.
pub struct Library {
    pub index: Index,
    /// (entry id, assessment file), in index order.
    pub files: Vec<(String, String)>,
    /// How many of the assessments answer every question of the bank.
    pub complete: usize,
}

impl Library {
    /// Every stored text under its storage key, the index first.
    pub fn storage(&self) -> Vec<(String, String)> {
        std::iter::once((INDEX_KEY.to_owned(), self.index.to_json()))
            .chain(
                self.files
                    .iter()
                    .map(|(id, file)| (assessment_key(id), file.clone())),
            )
            .collect()
    }

    /// Characters stored, keys included: what the browser's per-origin quota (about 5 MB) is
    /// counted in.
    pub fn stored_chars(&self) -> usize {
        self.storage()
            .iter()
            .map(|(key, text)| key.chars().count() + text.chars().count())
            .sum()
    }

    /// What the browser benchmarks read: `{ entries, complete, chars, storage: { key: text } }`.
    pub fn to_json(&self) -> String {
        let storage: serde_json::Map<String, serde_json::Value> = self
            .storage()
            .into_iter()
            .map(|(key, text)| (key, serde_json::Value::String(text)))
            .collect();
        serde_json::json!({
            "entries": self.index.entries.len(),
            "complete": self.complete,
            "chars": self.stored_chars(),
            "storage": storage,
        })
        .to_string()
    }
}

/// Adds assessments to a library one after another, as the app saves them.
struct Builder<'a> {
    bank: &'a Bank,
    library: Library,
}

impl<'a> Builder<'a> {
    fn new(bank: &'a Bank) -> Self {
        Builder {
            bank,
            library: Library {
                index: Index::default(),
                files: Vec::new(),
                complete: 0,
            },
        }
    }

    /// Stores `assessment` as a new entry, linked as re-assessing entry `previous` (its id and
    /// assessment) when given, and returns the new entry's id. The new entry is the current one.
    fn add(&mut self, mut assessment: Assessment, previous: Option<(&str, &Assessment)>) -> String {
        if let Some((id, earlier)) = previous {
            assessment.previous = Some(series::link_to(earlier, id));
        }
        let day = assessment.details.assessed_on.map(dates::iso);
        let saved_at = format!("{}T09:30:00Z", day.unwrap_or_else(|| "2026-11-30".into()));
        let id = self.library.index.add(self.bank, &assessment, &saved_at);
        let file = savefile::save(&assessment, self.bank, APP_VERSION, &saved_at);
        if assessment.answers.len() == self.bank.questions.len() {
            self.library.complete += 1;
        }
        self.library.files.push((id.clone(), file));
        id
    }
}

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The day `months_back` months before November 2026, on day `day` (1 to 28).
fn month_back(months_back: usize, day: usize) -> String {
    let months = 2026 * 12 + 10 - months_back;
    format!("{:04}-{:02}-{:02}", months / 12, months % 12 + 1, day)
}

/// The day `months` months after `day` (`yyyy-mm-dd`, day of month 28 at most).
fn months_after(day: &str, months: usize) -> String {
    let year: usize = day[0..4].parse().unwrap_or(2026);
    let month: usize = day[5..7].parse().unwrap_or(1);
    let total = year * 12 + month - 1 + months;
    format!("{:04}-{:02}-{}", total / 12, total % 12 + 1, &day[8..10])
}

/// An assessment of `organisation` on `assessed_on` (`yyyy-mm-dd`) that answers the bank's first
/// `answered` questions (all of them when it is the bank's size or more), in round `round` of
/// its series. A complete one has an owner on every answer and notes on most, a partial one on
/// some;
/// one answer in four has a target date, one in fifteen a risk acceptance for six months. From one round to the next about half the answers change,
/// and answers that were not in place become fully in place as rounds go by, so a series
/// improves with some regressions.
pub fn assessment(
    bank: &Bank,
    organisation: &str,
    assessed_on: &str,
    answered: usize,
    round: usize,
) -> Assessment {
    let mut assessment = Assessment {
        details: Details {
            organisation: organisation.to_owned(),
            assessor: format!("Analyst {} (managed security)", round % 7 + 1),
            assessed_on: dates::parse_iso(assessed_on),
            notified_on: dates::parse_iso("2024-04-02"),
        },
        ..Assessment::default()
    };
    for (question, option) in [
        ("m365", "yes"),
        ("entra_licence", "m365-e3"),
        ("azure", "no"),
        ("hybrid", "yes"),
        ("ms_notified", "yes"),
        ("msp_customer", "yes"),
    ] {
        assessment.profile.insert(question.into(), option.into());
    }
    // A complete assessment is documented: a note on three answers in four and an owner on each. A
    // partly answered one is a quick first pass: a note on one answer in four, an owner on half.
    let complete = answered >= bank.questions.len();
    for (i, question) in bank.questions.iter().take(answered).enumerate() {
        let pattern = if (i + round) % 4 < 2 {
            (i * 7 + round) % 10
        } else {
            (i * 7) % 10
        };
        let level = |level: Level| Response::Implemented {
            level: question.answer.migrate(level),
        };
        let response = match pattern {
            // Gaps closed over the rounds: question i's by round i % 40.
            6..=8 if round > i % 40 => level(Level::Fully),
            0..=4 => level(Level::Fully),
            5 => level(Level::Largely),
            6 => level(Level::Partial),
            7 => level(Level::None),
            8 => Response::DontKnow,
            _ => Response::NotApplicable {
                reason: "We do not run this service; checked with the platform team.".into(),
            },
        };
        let record = AnswerRecord {
            response: Some(response),
            note: if (i % 4 == 3) != complete {
                format!(
                    "Checked on {assessed_on} in the tenant's admin centre ({}). Evidence in the customer folder.",
                    question.id
                )
            } else {
                String::new()
            },
            owner: if complete || i % 2 == 0 {
                ["IT operations", "Security team", "Identity team"][i % 3].into()
            } else {
                String::new()
            },
            target_date: if i % 4 == 0 {
                dates::parse_iso(&months_after(assessed_on, 3))
            } else {
                None
            },
            action_status: match i % 5 {
                0 => ActionStatus::InProgress,
                1 if round % 2 == 1 => ActionStatus::Done,
                _ => ActionStatus::Open,
            },
            risk_acceptance: (i % 15 == 6).then(|| RiskAcceptance {
                justification: "Replacing the system next quarter".into(),
                approver: "CIO".into(),
                expires_on: dates::parse_iso(&months_after(assessed_on, 6)),
            }),
            evidence: None,
        };
        assessment.answers.insert(question.id.clone(), record);
    }
    assessment
}

/// A series of `count` complete assessments of one organisation, one a month up to November 2026,
/// each linked to the one before it; the last is the open one.
pub fn series(bank: &Bank, count: usize) -> Library {
    let mut builder = Builder::new(bank);
    let mut previous: Option<(String, Assessment)> = None;
    for round in 0..count {
        let day = month_back(count - 1 - round, 1);
        let made = assessment(bank, "Example Health Trust", &day, usize::MAX, round);
        let link = previous.as_ref().map(|(id, a)| (id.as_str(), a));
        let id = builder.add(made.clone(), link);
        previous = Some((id, made));
    }
    builder.library
}

/// A managed service provider's library: `customers` organisations with `rounds` assessments
/// each, a quarter apart up to November 2026, each linked to the customer's one before. Saved in
/// date order, so customers interleave. Most are partly answered (10 to 26 answers); one customer
/// in `complete_every` has its latest assessment complete.
pub fn msp_library(bank: &Bank, customers: usize, rounds: usize, complete_every: usize) -> Library {
    let names: Vec<String> = (0..customers).map(customer_name).collect();
    let mut builder = Builder::new(bank);
    let mut last: Vec<Option<(String, Assessment)>> = vec![None; customers];
    for round in 0..rounds {
        for (c, name) in names.iter().enumerate() {
            let day = month_back((rounds - 1 - round) * 3, c % 28 + 1);
            let complete = round + 1 == rounds && c % complete_every == 0;
            let answered = if complete {
                usize::MAX
            } else {
                10 + (c * 7 + round * 11) % 17
            };
            let made = assessment(bank, name, &day, answered, round);
            let link = last[c].as_ref().map(|(id, a)| (id.as_str(), a));
            let id = builder.add(made.clone(), link);
            last[c] = Some((id, made));
        }
    }
    builder.library
}

/// The `n`-th customer's name, e.g. "Northwind Dental Practice"; unique for n below 400.
fn customer_name(n: usize) -> String {
    const FIRST: [&str; 20] = [
        "Northwind",
        "Fabrikam",
        "Contoso",
        "Tailspin",
        "Litware",
        "Adatum",
        "Proseware",
        "Woodgrove",
        "Lucerne",
        "Wingtip",
        "Alpine",
        "Coho",
        "Fourth Coffee",
        "Margie's",
        "Trey",
        "Relecloud",
        "Humongous",
        "Graphic Design",
        "Blue Yonder",
        "Southridge",
    ];
    const KIND: [&str; 20] = [
        "Dental Practice",
        "Law Firm",
        "Accountants",
        "Builders",
        "Veterinary Clinic",
        "Architects",
        "School Trust",
        "Logistics",
        "Pharmacy",
        "Estate Agents",
        "Insurance",
        "Engineering",
        "Charity",
        "Medical Centre",
        "Surveyors",
        "Printing",
        "Hotels",
        "Recruitment",
        "Opticians",
        "Council",
    ];
    format!("{} {}", FIRST[n % 20], KIND[(n / 20 + n) % 20])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synthetic_bank_is_valid_and_as_large_as_asked() {
        let shipped = Bank::from_dir(&crate::run::repo_root().join("content")).unwrap();
        let big = bank(&shipped, 2000);
        assert_eq!(big.questions.len(), 2000);
        assert!(big.problems().is_empty(), "{:?}", big.problems());
        assert_eq!(big.questions[0].id, "XAA-01");
        assert_eq!(big.questions[1999].id, "XAU-20");
    }

    #[test]
    fn the_storage_keys_are_the_apps() {
        let storage =
            std::fs::read_to_string(crate::run::repo_root().join("src/browser/storage.rs"))
                .unwrap();
        assert!(storage.contains(&format!("pub const INDEX_KEY: &str = \"{INDEX_KEY}\";")));
        assert!(storage.contains("pub const PREFIX: &str = \"mbsa.v1.\";"));
        assert!(storage.contains("format!(\"{PREFIX}assessment.{id}\")"));
    }

    #[test]
    fn a_series_is_complete_linked_and_opens_cleanly() {
        let shipped = Bank::from_dir(&crate::run::repo_root().join("content")).unwrap();
        let library = series(&shipped, 3);
        assert_eq!(library.complete, 3);
        let ids: Vec<&str> = library
            .index
            .entries
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        let last = *ids.last().unwrap();
        assert_eq!(library.index.current.as_deref(), Some(last));
        let chain: Vec<&str> = library
            .index
            .series(last)
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(chain, ids);
        let days: Vec<_> = library
            .index
            .entries
            .iter()
            .map(|e| e.assessed_on)
            .collect();
        assert!(days.windows(2).all(|w| w[0] < w[1]), "{days:?}");
        let mut opened = Vec::new();
        for (id, file) in &library.files {
            let file = savefile::open(file.as_bytes(), &shipped).unwrap();
            assert!(file.notes.is_empty(), "{id}: {:?}", file.notes);
            assert!(savefile::problems(&file.assessment, &shipped).is_empty());
            opened.push(file.assessment);
        }
        for (before, after) in opened.iter().zip(&opened[1..]) {
            let link = after.previous.as_ref().unwrap();
            assert_eq!(
                link.fingerprint,
                assessment_core::report::fingerprint(before)
            );
            let differ = before
                .answers
                .iter()
                .filter(|(q, r)| after.answers[*q] != **r)
                .count();
            assert!(
                differ > 10 && differ < shipped.questions.len(),
                "{differ} answers differ"
            );
        }
    }

    #[test]
    fn an_msp_library_varies_and_fits_in_browser_storage() {
        let shipped = Bank::from_dir(&crate::run::repo_root().join("content")).unwrap();
        let library = msp_library(&shipped, 100, 5, 10);
        assert_eq!(library.index.entries.len(), 500);
        assert_eq!(library.complete, 10);
        let organisations: std::collections::BTreeSet<&str> = library
            .index
            .entries
            .iter()
            .map(|e| e.organisation.as_str())
            .collect();
        assert_eq!(organisations.len(), 100);
        assert!(
            library.stored_chars() < 4_000_000,
            "{}",
            library.stored_chars()
        );
        let storage = library.storage();
        assert_eq!(storage.len(), 501);
        assert_eq!(Index::from_json(&storage[0].1), Some(library.index.clone()));
        let partial = library
            .index
            .entries
            .iter()
            .filter(|e| e.answered < 40)
            .count();
        assert_eq!(partial, 490);
    }
}
