//! The small library of assessments kept in browser storage: an index of entries, and the pure
//! operations on it (add, rename, duplicate, delete). The shell stores each assessment as an
//! assessment file under a key derived from its entry id.

use chrono::NaiveDate;

use crate::assessment::Assessment;
use crate::content::Bank;
use crate::json::{self, Codec, Json};

/// The index format version this code writes. Version 2 added each entry's `previous`; a
/// version 1 index reads as one without series links. Any other version is treated as
/// unreadable.
pub const INDEX_VERSION: u32 = 2;

/// What the library list shows about one assessment without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable id, unique within this browser's library; names the storage key.
    pub id: String,
    /// A name the user can change; starts as the organisation name.
    pub name: String,
    pub organisation: String,
    pub assessed_on: Option<NaiveDate>,
    pub answered: u32,
    pub applicable: u32,
    pub score: u32,
    /// When it was last saved (RFC 3339 from the shell's clock).
    pub saved_at: String,
    /// The entry its assessment re-assesses (its `previous` link), so series are found from
    /// the index alone.
    pub previous: Option<String>,
    /// The tier (`Tier::number`) and each family's score in bank order, as of the last save,
    /// scored with bank `scored_with`: a trend draws every assessment of a series from these
    /// and opens only the files it compares.
    pub tier: Option<u32>,
    pub families: Vec<u32>,
    pub scored_with: String,
}

/// The list of stored assessments and which one is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Index {
    pub version: u32,
    pub entries: Vec<Entry>,
    /// The entry open in the app, if any.
    pub current: Option<String>,
    /// Next number for a new id; ids are never reused, so a deleted entry's key is never revived.
    pub next_number: u64,
}

// The stored form, described once for reading and writing: every field is required.
json::object!(Entry {
    id: required,
    name: required,
    organisation: required,
    assessed_on: required,
    answered: required,
    applicable: required,
    score: required,
    saved_at: required,
    previous: optional,
    tier: optional,
    families: optional,
    scored_with: optional,
});

json::object!(Index {
    version: required,
    entries: required,
    current: optional,
    next_number: required,
});

impl Default for Index {
    fn default() -> Self {
        Index {
            version: INDEX_VERSION,
            entries: Vec::new(),
            current: None,
            next_number: 1,
        }
    }
}

/// What the library uses and which entries to save to a file and remove to make room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Room<'a> {
    /// Bytes the library's assessments take in storage.
    pub total: usize,
    /// Entries to save and remove, with their stored size, largest first.
    pub suggested: Vec<(&'a Entry, usize)>,
}

/// The name shown for an assessment without an organisation name.
pub const UNNAMED: &str = "Unnamed assessment";

impl Index {
    /// Reads a stored index; `None` when it is not a readable index of this version.
    pub fn from_json(text: &str) -> Option<Index> {
        let mut index = Index::read(&Json::parse(text).ok()?, "").ok()?;
        match index.version {
            INDEX_VERSION => Some(index),
            1 if index.entries.iter().all(|e| e.previous.is_none()) => {
                index.version = INDEX_VERSION;
                Some(index)
            }
            _ => None,
        }
    }

    /// The index as compact JSON, for storage.
    pub fn to_json(&self) -> String {
        self.write().to_text()
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Whether drawing the trend of `series` (entry ids, oldest first) needs entry `id`'s file,
    /// scored with bank `bank_version`: the first, the one before the last and the last are
    /// compared, and the open entry (whose latest answers may not be saved yet) and an entry
    /// whose saved summary is missing or from another bank are scored anew.
    pub fn trend_needs_file(&self, series: &[&str], id: &str, bank_version: &str) -> bool {
        let n = series.len();
        let compared = [0, n.saturating_sub(2), n.saturating_sub(1)];
        let summarised = self
            .entry(id)
            .is_some_and(|e| e.tier.is_some() && e.scored_with == bank_version);
        let open = self.current.as_deref() == Some(id);
        compared.iter().any(|&i| series.get(i) == Some(&id)) || open || !summarised
    }

    /// The entries of the series ending at `id`, oldest first (just `id` when it follows none).
    pub fn series(&self, id: &str) -> Vec<&Entry> {
        let previous_of = |id: &str| {
            let previous = self.entry(id)?.previous.as_deref()?;
            self.entry(previous).map(|e| e.id.as_str())
        };
        match self.entry(id) {
            Some(entry) => crate::series::chain(&entry.id, previous_of)
                .into_iter()
                .filter_map(|id| self.entry(id))
                .collect(),
            None => Vec::new(),
        }
    }

    /// Adds a new entry for `assessment`, makes it current, and returns its id.
    pub fn add(&mut self, bank: &Bank, assessment: &Assessment, saved_at: &str) -> String {
        let id = format!("a{}", self.next_number);
        self.next_number += 1;
        let name = default_name(assessment);
        self.entries
            .push(summarise(&id, name, bank, assessment, saved_at));
        self.current = Some(id.clone());
        id
    }

    /// Refreshes the summary of entry `id` after its assessment was saved. Keeps a renamed entry's
    /// name; an entry still carrying its default name follows the organisation name.
    pub fn update(&mut self, id: &str, bank: &Bank, assessment: &Assessment, saved_at: &str) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            let renamed = entry.name != default_name_of(&entry.organisation);
            let name = if renamed {
                entry.name.clone()
            } else {
                default_name(assessment)
            };
            *entry = summarise(id, name, bank, assessment, saved_at);
        }
    }

    /// Renames an entry; a blank name restores the default.
    pub fn rename(&mut self, id: &str, name: &str) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            let name = name.trim();
            entry.name = if name.is_empty() {
                default_name_of(&entry.organisation)
            } else {
                name.to_owned()
            };
        }
    }

    /// Records that entry `id` re-assesses entry `previous` (or, with `None`, none).
    pub fn set_previous(&mut self, id: &str, previous: Option<&str>) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            entry.previous = previous.map(str::to_owned);
        }
    }

    /// Copies entry `id` (for a re-assessment) and returns the new id, placed right after it and
    /// linked to it as the assessment it re-assesses.
    pub fn duplicate(&mut self, id: &str, copy_suffix: &str) -> Option<String> {
        let position = self.entries.iter().position(|e| e.id == id)?;
        let new_id = format!("a{}", self.next_number);
        self.next_number += 1;
        let mut copy = self.entries[position].clone();
        copy.id = new_id.clone();
        copy.name = format!("{}{copy_suffix}", copy.name);
        copy.previous = Some(id.to_owned());
        self.entries.insert(position + 1, copy);
        Some(new_id)
    }

    /// What to save to a file and remove when storage is full: the entries other than the open
    /// one, largest first (`size` gives each entry's stored size), as many as it takes to free a
    /// tenth of what the library uses, at least one and at most five. Empty when there is nothing
    /// but the open assessment.
    pub fn make_room(&self, size: impl Fn(&str) -> usize) -> Room<'_> {
        let sized: Vec<(&Entry, usize)> = self.entries.iter().map(|e| (e, size(&e.id))).collect();
        let total: usize = sized.iter().map(|(_, bytes)| bytes).sum();
        let open = self.current.as_deref();
        let mut suggested: Vec<(&Entry, usize)> = Vec::new();
        let mut freed = 0;
        // Picked one by one rather than sorted: a sort of its own would cost the browser build
        // more than the few comparisons made here.
        while freed * 10 < total && suggested.len() < 5 {
            let largest = sized
                .iter()
                .filter(|(e, _)| Some(e.id.as_str()) != open)
                .filter(|(e, _)| suggested.iter().all(|(s, _)| s.id != e.id))
                .max_by_key(|(_, bytes)| *bytes);
            let Some(&(entry, bytes)) = largest else {
                break;
            };
            freed += bytes;
            suggested.push((entry, bytes));
        }
        Room { total, suggested }
    }

    /// Removes an entry; if it was current, nothing is current any more.
    pub fn delete(&mut self, id: &str) {
        self.entries.retain(|e| e.id != id);
        if self.current.as_deref() == Some(id) {
            self.current = None;
        }
    }
}

fn default_name(assessment: &Assessment) -> String {
    default_name_of(&assessment.details.organisation)
}

fn default_name_of(organisation: &str) -> String {
    match organisation.trim() {
        "" => UNNAMED.to_owned(),
        name => name.to_owned(),
    }
}

fn summarise(
    id: &str,
    name: String,
    bank: &Bank,
    assessment: &Assessment,
    saved_at: &str,
) -> Entry {
    let assessed = crate::scoring::assess(bank, assessment);
    let card = crate::scoring::score_assessed(bank, &assessed);
    let overall = card.overall;
    Entry {
        id: id.to_owned(),
        name,
        organisation: assessment.details.organisation.clone(),
        assessed_on: assessment.details.assessed_on,
        answered: overall.answered(),
        applicable: overall.applicable,
        score: overall.percent(),
        saved_at: saved_at.to_owned(),
        previous: assessment.previous.as_ref().map(|link| link.entry.clone()),
        tier: Some(crate::tier::reached(&assessed, overall.percent()).number()),
        families: card.families.iter().map(|f| f.tally.percent()).collect(),
        scored_with: bank.version.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Change, DetailsEdit};

    fn bank() -> Bank {
        Bank::from_json(
            &serde_json::to_string(&serde_json::json!({
                "format": 1, "version": "t", "cpg_version": "t", "scuba_baselines": "t", "reviewed_on": "2026-12-02",
                "attack_version": "t", "csf_version": "t", "cis_version": "t",
                "sources": [{"id": "S1", "publisher": "p", "title": "t", "date": "2024"}],
                "families": [{"id": "f", "title": "F", "summary": "s"}],
                "measures": [{"number": 1, "family": "f", "title": "m"}],
                "profile": [],
                "questions": [{"id": "AB-01", "family": "f", "title": "t", "text": "t", "answer": "coverage",
                    "why": "w", "verify": "v", "remedy": "r", "severity": "high",
                    "effort": "low", "measures": [1], "sources": ["S1"]}]
            }))
            .unwrap(),
        )
        .unwrap()
    }

    fn named(name: &str) -> Assessment {
        let mut a = Assessment::default();
        a.apply(Change::Details(DetailsEdit::Organisation(name.into())));
        a
    }

    #[test]
    fn ids_are_never_reused_and_the_new_entry_is_current() {
        let bank = bank();
        let mut index = Index::default();
        let first = index.add(&bank, &named("Acme"), "t1");
        index.delete(&first);
        let second = index.add(&bank, &named("Acme"), "t2");
        assert_ne!(first, second);
        assert_eq!(index.current.as_deref(), Some(second.as_str()));
    }

    #[test]
    fn names_follow_the_organisation_until_renamed() {
        let bank = bank();
        let mut index = Index::default();
        let id = index.add(&bank, &Assessment::default(), "t1");
        assert_eq!(index.entry(&id).unwrap().name, UNNAMED);
        index.update(&id, &bank, &named("Acme"), "t2");
        assert_eq!(index.entry(&id).unwrap().name, "Acme");
        index.rename(&id, "Acme 2024 baseline");
        index.update(&id, &bank, &named("Acme Ltd"), "t3");
        assert_eq!(index.entry(&id).unwrap().name, "Acme 2024 baseline");
        index.rename(&id, "  ");
        assert_eq!(index.entry(&id).unwrap().name, "Acme Ltd");
    }

    #[test]
    fn duplicate_places_a_copy_after_the_original() {
        let bank = bank();
        let mut index = Index::default();
        let a = index.add(&bank, &named("Acme"), "t1");
        let b = index.add(&bank, &named("Beta"), "t1");
        let copy = index.duplicate(&a, " (copy)").unwrap();
        let order: Vec<&str> = index.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(order, [a.as_str(), copy.as_str(), b.as_str()]);
        assert_eq!(index.entry(&copy).unwrap().name, "Acme (copy)");
        assert_eq!(
            index.entry(&copy).unwrap().previous.as_deref(),
            Some(a.as_str())
        );
        let twice = index.duplicate(&copy, " (copy)").unwrap();
        let series: Vec<&str> = index.series(&twice).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(series, [a.as_str(), copy.as_str(), twice.as_str()]);
        index.delete(&copy);
        let series: Vec<&str> = index.series(&twice).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(series, [twice.as_str()], "a deleted entry ends the series");
        assert!(index.duplicate("missing", " (copy)").is_none());
    }

    #[test]
    fn room_is_made_from_the_largest_entries_but_never_the_open_one() {
        let bank = bank();
        let mut index = Index::default();
        let ids: Vec<String> = (0..8)
            .map(|i| index.add(&bank, &named(&format!("Org {i}")), "t"))
            .collect();
        let sizes = |id: &str| {
            if id == ids[7] {
                900
            } else {
                100 + ids.iter().position(|i| i == id).unwrap() * 10
            }
        };
        // The open one (the last added) is the largest but is never suggested.
        let room = index.make_room(sizes);
        assert_eq!(
            room.total,
            900 + (0..7).map(|i| 100 + i * 10).sum::<usize>()
        );
        let names: Vec<&str> = room
            .suggested
            .iter()
            .map(|(e, _)| e.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["Org 6", "Org 5"],
            "enough to free a tenth of {}",
            room.total
        );
        index.current = None;
        assert_eq!(index.make_room(sizes).suggested[0].0.name, "Org 7");
        let mut alone = Index::default();
        alone.add(&bank, &named("Only"), "t");
        assert!(alone.make_room(|_| 10).suggested.is_empty());
    }

    #[test]
    fn a_stored_index_of_another_version_is_not_read() {
        let index = Index::default();
        assert_eq!(Index::from_json(&index.to_json()), Some(index.clone()));
        let other = index.to_json().replace("\"version\":2", "\"version\":3");
        assert_eq!(Index::from_json(&other), None);
        assert_eq!(Index::from_json("garbage"), None);
    }
}
