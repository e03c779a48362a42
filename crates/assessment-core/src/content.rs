//! The question bank: the content model, its parsing and its structural validation.
//!
//! The bank is written by people in `content/bank.toml`; the app receives it in a compact binary
//! form (postcard) produced by its build script, so the browser never carries a TOML parser.
//! Postcard is positional, so no field here may be skipped when serialising: optional fields are
//! written as `null` in the JSON form rather than left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::answers::{AnswerType, Level};

/// The bank file format this code reads. A bank with another `format` is refused.
pub const BANK_FORMAT: u32 = 1;

/// The whole question bank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// File format version; must equal [`BANK_FORMAT`].
    pub format: u32,
    /// Content version, shown in the app and in reports.
    pub version: String,
    /// The day the content was last checked against its sources (`yyyy-mm-dd`), shown in the
    /// app and in reports. docs/CONTENT.md says how to re-review.
    pub reviewed_on: String,
    pub cpg_version: String,
    /// Which SCuBA baselines the `refs.scuba` ids cite: a released ScubaGear version and the
    /// baseline documents on its main branch (see `content/scuba.toml`).
    pub scuba_baselines: String,
    pub attack_version: String,
    pub csf_version: String,
    pub cis_version: String,
    pub sources: Vec<Source>,
    pub families: Vec<Family>,
    pub measures: Vec<Measure>,
    pub profile: Vec<ProfileQuestion>,
    /// Licences questions may need; each id is also a profile fact.
    #[serde(default)]
    pub licences: Vec<Licence>,
    /// Plain-language explanations of the jargon questions use.
    #[serde(default)]
    pub glossary: Vec<GlossaryTerm>,
    pub questions: Vec<Question>,
}

/// A licence some questions need, named as people buy it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// The profile fact that says the organisation holds it, e.g. `entra_p1`.
    pub id: String,
    /// e.g. "Microsoft Entra ID P1".
    pub name: String,
    /// The plans that include it, e.g. "Microsoft 365 E3 and E5, Business Premium, A3, A5".
    pub included_in: String,
}

/// One glossary entry. A question uses the term when its text contains `term` or one of `forms`
/// (ignoring ASCII case: the terms are English, and ASCII-only matching keeps Unicode case tables
/// out of the browser build).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    /// Anchor-safe id, e.g. `service-principal`.
    pub id: String,
    pub term: String,
    /// Other spellings to recognise: plurals, abbreviations.
    #[serde(default)]
    pub forms: Vec<String>,
    pub definition: String,
}

impl GlossaryTerm {
    /// The term or one of its forms appears in `text` as whole words, ignoring ASCII case.
    pub fn appears_in(&self, text: &str) -> bool {
        let text = text.to_ascii_lowercase();
        std::iter::once(&self.term)
            .chain(&self.forms)
            .any(|form| contains_words(&text, &form.to_ascii_lowercase()))
    }
}

/// `needle` occurs in `haystack` with no ASCII letter or digit directly before or after it.
fn contains_words(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    haystack.match_indices(needle).any(|(start, _)| {
        let before = haystack[..start].chars().next_back();
        let after = haystack[start + needle.len()..].chars().next();
        let word = |c: char| c.is_ascii_alphanumeric();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// When a family is finished by circumstance rather than by answering each question: every fact
/// in `facts_false` is known false and every question in `done` is answered fully in place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosingRule {
    #[serde(default)]
    pub facts_false: Vec<String>,
    #[serde(default)]
    pub done: Vec<String>,
    /// Shown when the rule closes the family, e.g. why nothing more is needed.
    pub reason: String,
}

/// A published document that questions cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    /// ISO date (`yyyy-mm-dd`, or `yyyy-mm` / `yyyy` when only that is known).
    pub date: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// A group of related questions, shown as one page of the walk-through.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The rule that closes the family's remaining questions, if it has one.
    #[serde(default)]
    pub closes: Option<ClosingRule>,
}

/// One of the numbered recommended measures the bank must cover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub number: u32,
    pub family: String,
    pub title: String,
}

/// An intake question about the organisation that decides which questions apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileQuestion {
    pub id: String,
    pub text: String,
    pub help: String,
    pub options: Vec<ProfileOption>,
}

/// One answer to a profile question and the facts it establishes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileOption {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub sets_true: Vec<String>,
    #[serde(default)]
    pub sets_false: Vec<String>,
}

/// How much a gap matters; drives the question's weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    /// Weight of a question of this severity in every score.
    pub fn weight(self) -> u32 {
        match self {
            Severity::Low => 1,
            Severity::Medium => 2,
            Severity::High => 3,
            Severity::Critical => 4,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Severity::Low => "Low",
            Severity::Medium => "Medium",
            Severity::High => "High",
            Severity::Critical => "Critical",
        }
    }
}

impl crate::keys::Keyed for Severity {
    /// Most severe first, the order filters offer them.
    const ALL: &'static [Severity] = &[
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ];

    fn key(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// Rough effort to close a gap: hours, days or weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Effort {
    Low,
    Medium,
    High,
}

impl Effort {
    /// Relative cost used to rank the action plan: hours 1, days 2, weeks 4. Effort classes are
    /// rough, so each step doubles the cost rather than pretending to measure hours.
    pub fn cost(self) -> u32 {
        match self {
            Effort::Low => 1,
            Effort::Medium => 2,
            Effort::High => 4,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Effort::Low => "Hours",
            Effort::Medium => "Days",
            Effort::High => "Weeks",
        }
    }
}

impl crate::keys::Keyed for Effort {
    const ALL: &'static [Effort] = &[Effort::Low, Effort::Medium, Effort::High];

    fn key(self) -> &'static str {
        match self {
            Effort::Low => "low",
            Effort::Medium => "medium",
            Effort::High => "high",
        }
    }
}

/// Where a question sits on the directive's timeline, adapted for non-federal organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DirectivePhase {
    Immediate,
    #[serde(rename = "within-30-days")]
    Within30Days,
}

/// Cross-references to frameworks; each list may be empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct References {
    #[serde(default)]
    pub csf: Vec<String>,
    #[serde(default)]
    pub cis: Vec<String>,
    #[serde(default)]
    pub cpg: Vec<String>,
    #[serde(default)]
    pub scuba: Vec<String>,
    #[serde(default)]
    pub attack: Vec<String>,
}

/// One assessment question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub family: String,
    pub title: String,
    pub text: String,
    /// The kind of answer the question takes.
    pub answer: AnswerType,
    /// What each answer means for this question, keyed by the level it maps onto (`none`,
    /// `partial`, `largely`, `fully`; an action's "under way" is `partial`), where the general
    /// meaning is not precise enough.
    #[serde(default)]
    pub levels: BTreeMap<String, String>,
    pub why: String,
    pub verify: String,
    pub remedy: String,
    /// The licences (ids in the bank's `licences`) the measure needs; the question then requires
    /// each of those facts.
    #[serde(default)]
    pub licences: Vec<String>,
    /// What an organisation without those licences can do instead, if anything.
    #[serde(default)]
    pub free_alternative: Option<String>,
    /// The day the time-sensitive facts in this question (retirements, deadlines, licence rules)
    /// were last checked, `yyyy-mm-dd`.
    #[serde(default)]
    pub as_of: Option<String>,
    pub severity: Severity,
    pub effort: Effort,
    /// Among the few most important questions asked in the first pass (critical or high only).
    #[serde(default)]
    pub first_pass: bool,
    /// Facts that must not be known false for the question to apply.
    #[serde(default)]
    pub requires: Vec<String>,
    /// Facts that, when known true, make the question not apply.
    #[serde(default)]
    pub unless: Vec<String>,
    pub measures: Vec<u32>,
    #[serde(default)]
    pub directive: Option<DirectivePhase>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub adaptation: Option<String>,
    #[serde(default)]
    pub refs: References,
    /// Which scanner checks are evidence for this question and how their verdicts combine into an
    /// answer (docs/IMPORT.md). `None`: no scan can answer it.
    #[serde(default)]
    pub evidence: Option<EvidenceRule>,
}

/// How scan results answer a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRule {
    /// SCuBA policy ids as the current baseline names them (entries of `content/scuba.toml`).
    /// ScubaGear reports them under these or earlier ids, Maester as `CISA.<base id>`.
    pub policies: Vec<String>,
    #[serde(default)]
    pub combine: Combine,
}

/// How the verdicts of a question's policies combine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Combine {
    /// The measure is in place when every policy passes; partly when some do.
    #[default]
    All,
    /// Any one passing policy is enough (the policies are alternatives).
    Any,
}

/// Why a bank could not be read or is not sound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentError {
    /// The text is not a bank at all (syntax or shape).
    Parse(String),
    /// The bank parsed but breaks one or more rules; each entry names the offending item.
    Invalid(Vec<String>),
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Parse(message) => {
                write!(f, "the question bank cannot be read: {message}")
            }
            ContentError::Invalid(problems) => {
                writeln!(f, "the question bank has {} problem(s):", problems.len())?;
                for problem in problems {
                    writeln!(f, "  - {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ContentError {}

impl Bank {
    /// Parses the human-edited TOML source and checks it.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Bank, ContentError> {
        let bank: Bank = toml::from_str(text).map_err(|e| ContentError::Parse(e.to_string()))?;
        bank.checked()
    }

    /// Reads and checks the shipped bank from its folder (`content/`): `bank.toml` holds the header,
    /// sources, families, measures, profile and licences; `glossary.toml` the glossary;
    /// `questions/<family>.toml` holds
    /// each family's questions, read in family order so the bank order is the walk-through order.
    #[cfg(feature = "toml")]
    pub fn from_dir(dir: &std::path::Path) -> Result<Bank, ContentError> {
        Bank::from_toml(&Bank::source_in(dir)?)
    }

    /// The shipped bank as one TOML text: `bank.toml`, `glossary.toml`, then every family's
    /// question file.
    #[cfg(feature = "toml")]
    pub fn source_in(dir: &std::path::Path) -> Result<String, ContentError> {
        let read = |path: std::path::PathBuf| {
            std::fs::read_to_string(&path)
                .map_err(|e| ContentError::Parse(format!("cannot read {}: {e}", path.display())))
        };
        let mut text = read(dir.join("bank.toml"))?;
        #[derive(Deserialize)]
        struct Families {
            families: Vec<FamilyId>,
        }
        #[derive(Deserialize)]
        struct FamilyId {
            id: String,
        }
        let header: Families =
            toml::from_str(&text).map_err(|e| ContentError::Parse(e.to_string()))?;
        text.push('\n');
        text.push_str(&read(dir.join("glossary.toml"))?);
        for family in header.families {
            text.push('\n');
            text.push_str(&read(
                dir.join("questions").join(format!("{}.toml", family.id)),
            )?);
        }
        Ok(text)
    }

    /// The files [`Bank::source_in`] reads, for build scripts that must rerun when one changes.
    #[cfg(feature = "toml")]
    pub fn files_in(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files = vec![dir.join("bank.toml"), dir.join("glossary.toml")];
        if let Ok(entries) = std::fs::read_dir(dir.join("questions")) {
            files.extend(entries.flatten().map(|e| e.path()));
        }
        files
    }

    /// Parses the JSON form embedded in the app and checks it.
    pub fn from_json(text: &str) -> Result<Bank, ContentError> {
        let bank: Bank =
            serde_json::from_str(text).map_err(|e| ContentError::Parse(e.to_string()))?;
        bank.checked()
    }

    /// Decodes the binary form the app embeds (see [`Bank::to_bytes`]). It does not re-check the
    /// bank: the build script only encodes a bank that passed [`Bank::problems`], and skipping the
    /// check keeps the validation code out of the browser.
    pub fn from_bytes(bytes: &[u8]) -> Result<Bank, ContentError> {
        postcard::from_bytes(bytes).map_err(|e| ContentError::Parse(e.to_string()))
    }

    /// The binary form the app embeds: postcard, fields in declaration order. Smaller to decode
    /// than JSON (no field names, no number or escape parsing); see docs/PERFORMANCE.md.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a bank always serialises")
    }

    /// The compact JSON form (the synthetic benchmark bank is written this way).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a bank always serialises")
    }

    fn checked(self) -> Result<Bank, ContentError> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(ContentError::Invalid(problems))
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn family(&self, id: &str) -> Option<&Family> {
        self.families.iter().find(|f| f.id == id)
    }

    /// Position in `families` of the family question `id` belongs to.
    pub fn family_position_of(&self, id: &str) -> Option<usize> {
        let family = &self.question(id)?.family;
        self.families.iter().position(|f| &f.id == family)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Questions of one family, in bank order.
    pub fn questions_in<'a>(&'a self, family: &'a str) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions.iter().filter(move |q| q.family == family)
    }

    /// Every rule the bank breaks, as readable sentences naming the item. Empty when sound.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.format != BANK_FORMAT {
            problems.push(format!(
                "format is {}, this version of the app reads format {BANK_FORMAT}",
                self.format
            ));
        }
        for (field, value) in [
            ("version", &self.version),
            ("cpg_version", &self.cpg_version),
            ("scuba_baselines", &self.scuba_baselines),
            ("attack_version", &self.attack_version),
            ("csf_version", &self.csf_version),
            ("cis_version", &self.cis_version),
        ] {
            require_text(&mut problems, "bank", field, value);
        }
        if !is_full_iso_date(&self.reviewed_on) {
            problems.push(format!(
                "bank: reviewed_on {:?} is not yyyy-mm-dd",
                self.reviewed_on
            ));
        }
        self.check_sources(&mut problems);
        self.check_families(&mut problems);
        self.check_licences(&mut problems);
        self.check_glossary(&mut problems);
        self.check_measures(&mut problems);
        self.check_profile(&mut problems);
        self.check_questions(&mut problems);
        problems
    }

    fn check_sources(&self, problems: &mut Vec<String>) {
        let mut seen = BTreeSet::new();
        for source in &self.sources {
            let item = format!("source {}", source.id);
            if !seen.insert(source.id.as_str()) {
                problems.push(format!("{item} is defined twice"));
            }
            require_text(problems, &item, "id", &source.id);
            require_text(problems, &item, "publisher", &source.publisher);
            require_text(problems, &item, "title", &source.title);
            if !is_iso_date_prefix(&source.date) {
                problems.push(format!(
                    "{item}: date {:?} is not yyyy-mm-dd, yyyy-mm or yyyy",
                    source.date
                ));
            }
        }
    }

    fn check_families(&self, problems: &mut Vec<String>) {
        let mut seen = BTreeSet::new();
        for family in &self.families {
            let item = format!("family {}", family.id);
            if !seen.insert(family.id.as_str()) {
                problems.push(format!("{item} is defined twice"));
            }
            require_text(problems, &item, "id", &family.id);
            require_text(problems, &item, "title", &family.title);
            require_text(problems, &item, "summary", &family.summary);
            if self.questions_in(&family.id).next().is_none() {
                problems.push(format!("{item} has no questions"));
            }
            if let Some(rule) = &family.closes {
                self.check_closing_rule(problems, &item, rule);
            }
        }
    }

    fn check_closing_rule(&self, problems: &mut Vec<String>, item: &str, rule: &ClosingRule) {
        require_text(problems, item, "closing reason", &rule.reason);
        if rule.facts_false.is_empty() && rule.done.is_empty() {
            problems.push(format!("{item}: closing rule has no condition"));
        }
        let facts = self.known_facts();
        for fact in &rule.facts_false {
            if !facts.contains(fact.as_str()) {
                problems.push(format!(
                    "{item}: closing rule names fact {fact:?} no profile answer decides"
                ));
            }
        }
        for id in &rule.done {
            match self.question(id) {
                None => problems.push(format!("{item}: closing rule names unknown question {id}")),
                Some(q) if format!("family {}", q.family) == item => problems.push(format!(
                    "{item}: closing rule names its own question {id}, which it would close"
                )),
                Some(_) => {}
            }
        }
    }

    fn check_licences(&self, problems: &mut Vec<String>) {
        let facts = self.known_facts();
        let mut seen = BTreeSet::new();
        for licence in &self.licences {
            let item = format!("licence {}", licence.id);
            if !seen.insert(licence.id.as_str()) {
                problems.push(format!("{item} is defined twice"));
            }
            require_text(problems, &item, "name", &licence.name);
            require_text(problems, &item, "included_in", &licence.included_in);
            if !facts.contains(licence.id.as_str()) {
                problems.push(format!("{item}: no profile answer decides it"));
            }
        }
    }

    fn check_glossary(&self, problems: &mut Vec<String>) {
        let mut seen = BTreeSet::new();
        for entry in &self.glossary {
            let item = format!("glossary term {}", entry.id);
            if !seen.insert(entry.id.as_str()) {
                problems.push(format!("{item} is defined twice"));
            }
            if entry.id.is_empty()
                || !entry
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                problems.push(format!(
                    "{item}: id must be lower-case letters, digits and dashes"
                ));
            }
            require_text(problems, &item, "term", &entry.term);
            require_text(problems, &item, "definition", &entry.definition);
        }
    }

    /// The licences a question needs, in the question's order.
    pub fn licences_of<'a>(&'a self, question: &'a Question) -> impl Iterator<Item = &'a Licence> {
        question
            .licences
            .iter()
            .filter_map(|id| self.licences.iter().find(|l| &l.id == id))
    }

    /// The glossary entries whose term appears in the question's text, in glossary order.
    pub fn terms_in<'a>(&'a self, question: &Question) -> Vec<&'a GlossaryTerm> {
        self.glossary
            .iter()
            .filter(|entry| entry.appears_in(&question.text))
            .collect()
    }

    fn check_measures(&self, problems: &mut Vec<String>) {
        for (index, measure) in self.measures.iter().enumerate() {
            let item = format!("measure {}", measure.number);
            if measure.number as usize != index + 1 {
                problems.push(format!(
                    "{item} is out of order: expected number {}",
                    index + 1
                ));
            }
            require_text(problems, &item, "title", &measure.title);
            if self.family(&measure.family).is_none() {
                problems.push(format!("{item}: unknown family {:?}", measure.family));
            }
        }
    }

    fn check_profile(&self, problems: &mut Vec<String>) {
        let mut seen = BTreeSet::new();
        for profile in &self.profile {
            let item = format!("profile question {}", profile.id);
            if !seen.insert(profile.id.as_str()) {
                problems.push(format!("{item} is defined twice"));
            }
            require_text(problems, &item, "id", &profile.id);
            require_text(problems, &item, "text", &profile.text);
            require_text(problems, &item, "help", &profile.help);
            if profile.options.len() < 2 {
                problems.push(format!("{item} needs at least two options"));
            }
            let mut option_ids = BTreeSet::new();
            for option in &profile.options {
                if !option_ids.insert(option.id.as_str()) {
                    problems.push(format!("{item}: option {} is defined twice", option.id));
                }
                require_text(problems, &item, "option label", &option.label);
            }
        }
    }

    fn check_questions(&self, problems: &mut Vec<String>) {
        let facts = self.known_facts();
        let mut seen = BTreeSet::new();
        for question in &self.questions {
            let item = format!("question {}", question.id);
            if !seen.insert(question.id.as_str()) {
                problems.push(format!("{item} is defined twice"));
            }
            if !is_question_id(&question.id) {
                problems.push(format!("{item}: id is not of the form ABC-01"));
            }
            for (field, value) in [
                ("title", &question.title),
                ("text", &question.text),
                ("why", &question.why),
                ("verify", &question.verify),
                ("remedy", &question.remedy),
            ] {
                require_text(problems, &item, field, value);
            }
            if question.title.contains('\n') {
                problems.push(format!("{item}: title must be one line"));
            }
            if self.family(&question.family).is_none() {
                problems.push(format!("{item}: unknown family {:?}", question.family));
            }
            if question.measures.is_empty() {
                problems.push(format!("{item}: names no measure"));
            }
            for number in &question.measures {
                if !self.measures.iter().any(|m| m.number == *number) {
                    problems.push(format!("{item}: unknown measure {number}"));
                }
            }
            if question.sources.is_empty() {
                problems.push(format!("{item}: cites no source"));
            }
            for source in &question.sources {
                if self.source(source).is_none() {
                    problems.push(format!("{item}: unknown source {source:?}"));
                }
            }
            for fact in question.requires.iter().chain(&question.unless) {
                if !facts.contains(fact.as_str()) {
                    problems.push(format!("{item}: no profile answer decides fact {fact:?}"));
                }
            }
            self.check_answer_type(problems, &item, question);
            if question.first_pass && question.severity < Severity::High {
                problems.push(format!(
                    "{item}: first_pass needs severity high or critical"
                ));
            }
            self.check_licence_of(problems, &item, question);
            if let Some(rule) = &question.evidence {
                check_evidence(problems, &item, question.answer, rule);
            }
            if let Some(date) = &question.as_of {
                if !is_full_iso_date(date) {
                    problems.push(format!("{item}: as_of {date:?} is not yyyy-mm-dd"));
                }
            }
        }
    }

    fn check_answer_type(&self, problems: &mut Vec<String>, item: &str, question: &Question) {
        for (key, meaning) in &question.levels {
            let level = crate::answers::Level::ALL
                .into_iter()
                .find(|l| l.key() == key);
            if !level.is_some_and(|level| question.answer.allows(level)) {
                problems.push(format!(
                    "{item}: levels names {key:?}, which a {} question does not offer",
                    question.answer.key()
                ));
            }
            require_text(problems, item, &format!("levels.{key}"), meaning);
        }
    }

    /// A question that needs a licence says so, and is hidden when the licence is known absent.
    fn check_licence_of(&self, problems: &mut Vec<String>, item: &str, question: &Question) {
        for id in &question.licences {
            if !self.licences.iter().any(|l| &l.id == id) {
                problems.push(format!("{item}: unknown licence {id:?}"));
            } else if !question.requires.contains(id) {
                problems.push(format!(
                    "{item}: needs licence {id} but does not require it"
                ));
            }
        }
        for licence in &self.licences {
            let named = question
                .licences
                .iter()
                .any(|id| id == &licence.id || self.includes(id, &licence.id));
            if question.requires.contains(&licence.id) && !named {
                problems.push(format!(
                    "{item}: requires {} but does not name it among its licences",
                    licence.id
                ));
            }
        }
        if let Some(text) = &question.free_alternative {
            require_text(problems, item, "free_alternative", text);
            if question.licences.is_empty() {
                problems.push(format!("{item}: free_alternative without a licence"));
            }
        }
    }

    /// Holding licence `higher` implies holding `lower`: every profile option that establishes
    /// `higher` also establishes `lower` (P2 plans include P1).
    fn includes(&self, higher: &str, lower: &str) -> bool {
        let options: Vec<&ProfileOption> = self
            .profile
            .iter()
            .flat_map(|p| &p.options)
            .filter(|o| o.sets_true.iter().any(|f| f == higher))
            .collect();
        !options.is_empty()
            && options
                .iter()
                .all(|o| o.sets_true.iter().any(|f| f == lower))
    }

    /// For each measure, in order, the ids of the questions that ask it.
    pub fn coverage(&self) -> Vec<(&Measure, Vec<&str>)> {
        self.measures
            .iter()
            .map(|measure| {
                let ids = self
                    .questions
                    .iter()
                    .filter(|q| q.measures.contains(&measure.number))
                    .map(|q| q.id.as_str())
                    .collect();
                (measure, ids)
            })
            .collect()
    }

    /// The coverage table and per-family counts as Markdown, as kept in `docs/CONTENT.md`.
    pub fn coverage_markdown(&self) -> String {
        let mut out =
            String::from("| # | Family | Measure | Questions that ask it |\n|---|---|---|---|\n");
        for (measure, ids) in self.coverage() {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                measure.number,
                measure.family,
                measure.title,
                ids.join(", ")
            ));
        }
        out.push_str("\n| Family | Questions | of which critical |\n|---|---|---|\n");
        for family in &self.families {
            let questions: Vec<&Question> = self.questions_in(&family.id).collect();
            let critical = questions
                .iter()
                .filter(|q| q.severity == Severity::Critical)
                .count();
            out.push_str(&format!(
                "| {} ({}) | {} | {} |\n",
                family.title,
                family.id,
                questions.len(),
                critical
            ));
        }
        out.push_str(&format!(
            "| **All** | **{}** | **{}** |\n",
            self.questions.len(),
            self.questions
                .iter()
                .filter(|q| q.severity == Severity::Critical)
                .count()
        ));
        out
    }

    /// The questions a scan can answer, as kept in `docs/IMPORT.md`: for each, the SCuBA policies
    /// that are its evidence, how their verdicts combine, and the answer that every policy
    /// passing, some failing or all failing gives under the question's answer type. A policy
    /// the scan leaves undecided or does not report is not in these columns: it leaves the
    /// question for the person (see docs/IMPORT.md).
    pub fn evidence_markdown(&self) -> String {
        let mut out = String::from(
            "| Question | Title | Answer | Policies | Combined | All pass | Some fail | All fail |\n\
             |---|---|---|---|---|---|---|---|\n",
        );
        for question in &self.questions {
            let Some(rule) = &question.evidence else {
                continue;
            };
            let answer = question.answer;
            let policies: Vec<String> = rule.policies.iter().map(|p| format!("`{p}`")).collect();
            let (combined, some_fail) = match rule.combine {
                Combine::All if rule.policies.len() == 1 => ("the one policy decides", "—"),
                Combine::All => ("every policy must pass", answer.label(Level::Partial)),
                Combine::Any => ("one passing policy is enough", answer.label(Level::Fully)),
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} | {combined} | {} | {some_fail} | {} |\n",
                question.id,
                question.title.replace('|', "\\|"),
                answer.key(),
                policies.join(", "),
                answer.label(Level::Fully),
                answer.label(Level::None),
            ));
        }
        out
    }

    /// The source register as a Markdown table, as kept in `docs/CONTENT.md`.
    pub fn sources_markdown(&self) -> String {
        let mut out = String::from("| id | publisher | title | date |\n|---|---|---|---|\n");
        for source in &self.sources {
            let title = match &source.url {
                Some(url) => format!("[{}]({url})", source.title),
                None => source.title.clone(),
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                source.id, source.publisher, title, source.date
            ));
        }
        out
    }

    /// Every fact some profile answer can decide.
    pub fn known_facts(&self) -> BTreeSet<&str> {
        self.profile
            .iter()
            .flat_map(|p| &p.options)
            .flat_map(|o| o.sets_true.iter().chain(&o.sets_false))
            .map(String::as_str)
            .collect()
    }
}

/// A question's evidence rule is one a scan can apply: on a question whose answer a setting can
/// show (an action is work done, which no scan proves), naming each policy once by a versioned
/// SCuBA id, and offering alternatives only when there are at least two.
fn check_evidence(problems: &mut Vec<String>, item: &str, answer: AnswerType, rule: &EvidenceRule) {
    if answer == AnswerType::Action {
        problems.push(format!(
            "{item}: evidence on an action question, which no scan can prove done"
        ));
    }
    if rule.policies.is_empty() {
        problems.push(format!("{item}: evidence names no policy"));
    }
    let mut seen = BTreeSet::new();
    for policy in &rule.policies {
        if !seen.insert(policy.as_str()) {
            problems.push(format!("{item}: evidence names {policy} twice"));
        }
        if crate::scuba::PolicyId::parse(policy).is_none() {
            problems.push(format!(
                "{item}: evidence policy {policy:?} is not a SCuBA id such as MS.AAD.3.1v1"
            ));
        }
    }
    if rule.combine == Combine::Any && rule.policies.len() < 2 {
        problems.push(format!(
            "{item}: evidence combines \"any\" with fewer than two policies"
        ));
    }
}

fn require_text(problems: &mut Vec<String>, item: &str, field: &str, value: &str) {
    if value.trim().is_empty() {
        problems.push(format!("{item}: {field} is empty"));
    }
}

/// `ABC-01`: two to four capital letters, a dash, two digits.
fn is_question_id(id: &str) -> bool {
    let Some((prefix, number)) = id.split_once('-') else {
        return false;
    };
    (2..=4).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_uppercase())
        && number.len() == 2
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// `yyyy-mm-dd` with plausible month and day numbers.
fn is_full_iso_date(date: &str) -> bool {
    date.len() == 10 && is_iso_date_prefix(date)
}

/// `yyyy`, `yyyy-mm` or `yyyy-mm-dd` with plausible month and day numbers.
fn is_iso_date_prefix(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let all_digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let in_range = |s: &str, max: u32| s.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    match parts.as_slice() {
        [y] => all_digits(y, 4),
        [y, m] => all_digits(y, 4) && all_digits(m, 2) && in_range(m, 12),
        [y, m, d] => {
            all_digits(y, 4)
                && all_digits(m, 2)
                && in_range(m, 12)
                && all_digits(d, 2)
                && in_range(d, 31)
        }
        _ => false,
    }
}

/// The content file `content_dir/name`, parsed by `parse`, for a build script: it asks Cargo to
/// rebuild when the file changes, and panics naming the file and the problem.
#[cfg(feature = "toml")]
pub fn read_for_build<T>(
    content_dir: &std::path::Path,
    name: &str,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> T {
    let path = content_dir.join(name);
    println!("cargo::rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| parse(&text))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_ids_have_a_stable_shape() {
        assert!(is_question_id("MFA-01"));
        assert!(is_question_id("IR-12"));
        assert!(!is_question_id("mfa-01"));
        assert!(!is_question_id("MFA-1"));
        assert!(!is_question_id("MFA01"));
        assert!(!is_question_id("ABCDE-01"));
    }

    #[test]
    fn glossary_terms_match_whole_words_only() {
        let term = GlossaryTerm {
            id: "pim".into(),
            term: "Privileged Identity Management".into(),
            forms: vec!["PIM".into()],
            definition: "d".into(),
        };
        assert!(term.appears_in("Do you use PIM for admins?"));
        assert!(term.appears_in("Is privileged identity management on?"));
        assert!(!term.appears_in("A pimple is not PIMS"));
        assert!(!term.appears_in(""));
    }

    fn evidence_problems(answer: AnswerType, policies: &[&str], combine: Combine) -> Vec<String> {
        let rule = EvidenceRule {
            policies: policies.iter().map(|p| p.to_string()).collect(),
            combine,
        };
        let mut problems = Vec::new();
        check_evidence(&mut problems, "question Q-01", answer, &rule);
        problems
    }

    #[test]
    fn sound_evidence_rules_pass() {
        assert!(evidence_problems(AnswerType::Setting, &["MS.AAD.5.1v1"], Combine::All).is_empty());
        assert!(evidence_problems(
            AnswerType::Coverage,
            &["MS.AAD.3.2v2", "MS.AAD.3.1v1"],
            Combine::Any
        )
        .is_empty());
        assert!(evidence_problems(
            AnswerType::Coverage,
            &["MS.SECURITYSUITE.4.1v1", "MS.TEAMS.2.1v2"],
            Combine::All
        )
        .is_empty());
    }

    #[test]
    fn evidence_is_refused_on_an_action_question() {
        assert_eq!(
            evidence_problems(AnswerType::Action, &["MS.AAD.5.5v1"], Combine::All),
            ["question Q-01: evidence on an action question, which no scan can prove done"]
        );
    }

    #[test]
    fn evidence_names_each_policy_once() {
        assert_eq!(
            evidence_problems(AnswerType::Setting, &[], Combine::All),
            ["question Q-01: evidence names no policy"]
        );
        assert_eq!(
            evidence_problems(
                AnswerType::Coverage,
                &["MS.AAD.7.4v1", "MS.AAD.7.5v1", "MS.AAD.7.4v1"],
                Combine::All
            ),
            ["question Q-01: evidence names MS.AAD.7.4v1 twice"]
        );
    }

    #[test]
    fn evidence_policies_are_versioned_scuba_ids() {
        for bad in [
            "MS.AAD.3.1",
            "CISA.MS.AAD.3.1",
            "MS.AAD.3v1",
            "MS.AAD.3.1.2v1",
            "MS.NOPE.3.1v1",
            "ms.aad.3.1v1",
            "MT.1001",
            " MS.AAD.3.1v1",
            "",
        ] {
            let problems = evidence_problems(AnswerType::Setting, &[bad], Combine::All);
            assert_eq!(problems.len(), 1, "{bad:?}: {problems:?}");
            assert!(problems[0].contains("is not a SCuBA id"), "{bad:?}");
        }
    }

    #[test]
    fn alternatives_need_at_least_two_policies() {
        assert_eq!(
            evidence_problems(AnswerType::Coverage, &["MS.AAD.3.1v1"], Combine::Any),
            ["question Q-01: evidence combines \"any\" with fewer than two policies"]
        );
    }

    #[test]
    fn dates_must_be_iso() {
        assert!(is_full_iso_date("2026-12-01"));
        assert!(!is_full_iso_date("2026-12"));
        assert!(is_iso_date_prefix("2024-04-11"));
        assert!(is_iso_date_prefix("2024-04"));
        assert!(is_iso_date_prefix("2024"));
        assert!(!is_iso_date_prefix("11 Apr 2024"));
        assert!(!is_iso_date_prefix("2024-13"));
        assert!(!is_iso_date_prefix("2024-04-32"));
    }
}
