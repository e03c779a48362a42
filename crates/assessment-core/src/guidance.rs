//! The bank's guidance (the question's text, why it matters, how to verify, what to do, what each
//! answer means, the free alternative, the adaptation, the glossary's definitions) split from the rest, so that the
//! browser can load it after the first screen: scoring, applicability and files need none of it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::{Bank, ContentError, Measure, References};

/// The guidance of every question and glossary term, in bank order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Guidance {
    /// The content version it belongs to; merging with another version's bank is refused.
    pub version: String,
    pub questions: Vec<QuestionGuidance>,
    /// Glossary definitions, in glossary order.
    pub definitions: Vec<String>,
    /// The directive's measures the questions cover: only reports and the coverage table name
    /// them.
    pub measures: Vec<Measure>,
    /// Each family's summary, in bank order: only its page, after the first screen, shows it.
    pub family_summaries: Vec<String>,
    /// Each source's address, in bank order: only the reports link to them.
    pub source_urls: Vec<Option<String>>,
    /// Each profile question's help, in bank order (shown under the question once it arrives).
    pub profile_help: Vec<String>,
}

/// One question's guidance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuestionGuidance {
    /// The question as asked: only the question pages show it, and they come after the first
    /// screen, so it need not be in the first visit (7 KB gzip of the bank).
    pub text: String,
    pub why: String,
    pub verify: String,
    pub remedy: String,
    pub adaptation: Option<String>,
    pub free_alternative: Option<String>,
    pub levels: BTreeMap<String, String>,
    /// Cross-references, shown with the guidance on the card and in reports.
    pub refs: References,
}

impl Bank {
    /// The bank without its guidance, and the guidance. [`Bank::with_guidance`] undoes it.
    pub fn split_guidance(mut self) -> (Bank, Guidance) {
        let questions = self
            .questions
            .iter_mut()
            .map(|q| QuestionGuidance {
                text: std::mem::take(&mut q.text),
                why: std::mem::take(&mut q.why),
                verify: std::mem::take(&mut q.verify),
                remedy: std::mem::take(&mut q.remedy),
                adaptation: q.adaptation.take(),
                free_alternative: q.free_alternative.take(),
                levels: std::mem::take(&mut q.levels),
                refs: std::mem::take(&mut q.refs),
            })
            .collect();
        let definitions = self
            .glossary
            .iter_mut()
            .map(|term| std::mem::take(&mut term.definition))
            .collect();
        let guidance = Guidance {
            version: self.version.clone(),
            questions,
            definitions,
            measures: std::mem::take(&mut self.measures),
            family_summaries: self
                .families
                .iter_mut()
                .map(|f| std::mem::take(&mut f.summary))
                .collect(),
            source_urls: self.sources.iter_mut().map(|s| s.url.take()).collect(),
            profile_help: self
                .profile
                .iter_mut()
                .map(|p| std::mem::take(&mut p.help))
                .collect(),
        };
        (self, guidance)
    }

    /// Puts guidance split from the same bank back. Guidance of another content version, or
    /// with another number of questions or terms, is refused: it would attach to the wrong ones.
    pub fn with_guidance(mut self, guidance: Guidance) -> Result<Bank, ContentError> {
        if guidance.version != self.version
            || guidance.questions.len() != self.questions.len()
            || guidance.definitions.len() != self.glossary.len()
            || guidance.family_summaries.len() != self.families.len()
            || guidance.source_urls.len() != self.sources.len()
            || guidance.profile_help.len() != self.profile.len()
        {
            return Err(ContentError::Parse(format!(
                "the guidance (content version {}) does not belong to this question bank (version {})",
                guidance.version, self.version
            )));
        }
        for (q, g) in self.questions.iter_mut().zip(guidance.questions) {
            q.text = g.text;
            q.why = g.why;
            q.verify = g.verify;
            q.remedy = g.remedy;
            q.adaptation = g.adaptation;
            q.free_alternative = g.free_alternative;
            q.levels = g.levels;
            q.refs = g.refs;
        }
        self.measures = guidance.measures;
        for (family, summary) in self.families.iter_mut().zip(guidance.family_summaries) {
            family.summary = summary;
        }
        for (source, url) in self.sources.iter_mut().zip(guidance.source_urls) {
            source.url = url;
        }
        for (question, help) in self.profile.iter_mut().zip(guidance.profile_help) {
            question.help = help;
        }
        for (term, definition) in self.glossary.iter_mut().zip(guidance.definitions) {
            term.definition = definition;
        }
        Ok(self)
    }
}

impl Guidance {
    /// The binary form (postcard), as the bank's.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("guidance always serialises")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Guidance, ContentError> {
        postcard::from_bytes(bytes).map_err(|e| ContentError::Parse(e.to_string()))
    }
}

/// For build scripts: the bank to embed, from `ASSESSMENT_BANK=<path>` (TOML, or JSON as written
/// by `cargo xtask bench`) or else the shipped bank in `content_dir`, with the `cargo:` lines that
/// rerun the build when any of its files changes. Panics, naming the problem, on a broken bank:
/// a build script has no better way to fail.
#[cfg(feature = "toml")]
pub fn bank_for_build(content_dir: &std::path::Path) -> Bank {
    println!("cargo:rerun-if-env-changed=ASSESSMENT_BANK");
    if let Ok(source) = std::env::var("ASSESSMENT_BANK") {
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
        let bank = if source.ends_with(".json") {
            Bank::from_json(&text)
        } else {
            Bank::from_toml(&text)
        };
        return bank.unwrap_or_else(|e| panic!("{source}: {e}"));
    }
    println!(
        "cargo:rerun-if-changed={}",
        content_dir.join("questions").display()
    );
    for file in Bank::files_in(content_dir) {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    Bank::from_dir(content_dir).unwrap_or_else(|e| panic!("{}: {e}", content_dir.display()))
}
