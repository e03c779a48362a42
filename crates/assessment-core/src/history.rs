//! How the question bank changed between versions (`content/history.toml`): which questions each
//! version added, removed, retyped or split. Comparing two assessments answered against different
//! versions uses it to say which questions cannot be compared, and why, instead of matching ids
//! whose meaning changed.

use serde::{Deserialize, Serialize};

use crate::answers::AnswerType;
use crate::content::Bank;

/// Every recorded version after the first, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    pub versions: Vec<BankVersion>,
}

/// What one bank version changed relative to the version it follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankVersion {
    pub version: String,
    pub follows: String,
    /// New questions that were not split from another.
    #[serde(default)]
    pub added: Vec<String>,
    /// Questions this version no longer asks.
    #[serde(default)]
    pub removed: Vec<String>,
    #[serde(default)]
    pub retyped: Vec<Retyped>,
    #[serde(default)]
    pub split: Vec<Split>,
}

/// A question whose answer type changed: its steps no longer mean what they meant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retyped {
    pub question: String,
    pub from: AnswerType,
    pub to: AnswerType,
}

/// A question whose parts are now asked separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Split {
    pub from: String,
    /// The questions that now ask its parts; holds `from` when the old id kept one part.
    pub into: Vec<String>,
    /// Where each part went, in a sentence.
    pub what: String,
}

/// Why a question cannot be compared between two bank versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incomparable {
    /// `version` added it: the assessment on the earlier version was not asked it.
    Added { version: String },
    /// `version` removed it: the later assessment was not asked it.
    Removed { version: String },
    /// `version` changed its answer type.
    Retyped {
        version: String,
        from: AnswerType,
        to: AnswerType,
    },
    /// `version` split `from` into `into`.
    Split {
        version: String,
        from: String,
        into: Vec<String>,
        what: String,
    },
    /// A side was answered against a bank version this history does not know, so nothing about
    /// its questions can be assumed.
    UnknownVersion { version: String },
}

impl Incomparable {
    /// The reason as a sentence.
    pub fn sentence(&self) -> String {
        match self {
            Incomparable::Added { version } => {
                format!("Added in question bank {version}: the earlier assessment did not ask it.")
            }
            Incomparable::Removed { version } => {
                format!("Removed in question bank {version}: the later assessment did not ask it.")
            }
            Incomparable::Retyped { version, from, to } => format!(
                "Its answer changed from a {} to a {} in question bank {version}, so the steps do not mean the same.",
                type_name(*from),
                type_name(*to)
            ),
            Incomparable::Split {
                version, from, into, what,
            } => format!(
                "Question bank {version} split {from} into {}. {what}",
                into.join(" and ")
            ),
            Incomparable::UnknownVersion { version } => format!(
                "One assessment was answered against question bank {version}, which this version of the tool has no record of."
            ),
        }
    }
}

fn type_name(answer: AnswerType) -> &'static str {
    match answer {
        AnswerType::Setting => "setting (on or off)",
        AnswerType::Coverage => "coverage scale",
        AnswerType::Action => "one-off action",
    }
}

impl History {
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<History, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The history of `content_dir/history.toml` for a build script, which panics with the
    /// problem.
    #[cfg(feature = "toml")]
    pub fn for_build(content_dir: &std::path::Path) -> History {
        crate::content::read_for_build(content_dir, "history.toml", History::from_toml)
    }

    /// The binary form the on-demand module embeds (postcard).
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a history always serialises")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<History, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }

    /// Position of `version` in the line of versions: 0 for the first bank, `None` when unknown.
    fn position(&self, version: &str) -> Option<usize> {
        if self.versions.first().is_some_and(|v| v.follows == version) {
            return Some(0);
        }
        self.versions
            .iter()
            .position(|v| v.version == version)
            .map(|i| i + 1)
    }

    /// The questions that cannot be compared between an assessment on bank `a` and one on bank
    /// `b` (in either order), each with the reason of the latest version that changed it; or,
    /// when the history does not know one of the versions, that reason for every question.
    pub fn incomparable(
        &self,
        a: &str,
        b: &str,
    ) -> Result<Vec<(String, Incomparable)>, Incomparable> {
        if a == b {
            return Ok(Vec::new());
        }
        let (Some(pa), Some(pb)) = (self.position(a), self.position(b)) else {
            let unknown = if self.position(a).is_none() { a } else { b };
            return Err(Incomparable::UnknownVersion {
                version: unknown.to_owned(),
            });
        };
        let (from, to) = (pa.min(pb), pa.max(pb));
        let mut found: Vec<(String, Incomparable)> = Vec::new();
        for step in &self.versions[from..to] {
            for (question, reason) in step.changes() {
                found.retain(|(q, _)| *q != question);
                found.push((question, reason));
            }
        }
        Ok(found)
    }

    /// Problems with the history against the bank it ends with: the last version must be the
    /// bank's, and every question it names as now asked must be in the bank with that type.
    pub fn problems(&self, bank: &Bank) -> Vec<String> {
        let mut problems = Vec::new();
        let Some(last) = self.versions.last() else {
            return vec!["the history records no version".to_owned()];
        };
        if last.version != bank.version {
            problems.push(format!(
                "the history ends at {} but the bank is {}",
                last.version, bank.version
            ));
        }
        for pair in self.versions.windows(2) {
            if pair[1].follows != pair[0].version {
                problems.push(format!(
                    "{} follows {}, not {}",
                    pair[1].version, pair[1].follows, pair[0].version
                ));
            }
        }
        let now_asked = last
            .added
            .iter()
            .chain(last.retyped.iter().map(|r| &r.question))
            .chain(last.split.iter().flat_map(|s| &s.into));
        for id in now_asked {
            if bank.question(id).is_none() {
                problems.push(format!(
                    "{id} is named as asked in {} but the bank has no such question",
                    last.version
                ));
            }
        }
        for retyped in &last.retyped {
            if let Some(question) = bank.question(&retyped.question) {
                if question.answer != retyped.to {
                    problems.push(format!(
                        "{} is recorded as retyped to {:?} but the bank asks it as {:?}",
                        retyped.question, retyped.to, question.answer
                    ));
                }
            }
        }
        for id in &last.removed {
            if bank.question(id).is_some() {
                problems.push(format!(
                    "{id} is recorded as removed but the bank still asks it"
                ));
            }
        }
        problems
    }
}

impl BankVersion {
    /// Each question this version changed, with why it cannot be compared across it.
    fn changes(&self) -> Vec<(String, Incomparable)> {
        let version = || self.version.clone();
        let mut changes: Vec<(String, Incomparable)> = Vec::new();
        for id in &self.added {
            changes.push((id.clone(), Incomparable::Added { version: version() }));
        }
        for id in &self.removed {
            changes.push((id.clone(), Incomparable::Removed { version: version() }));
        }
        for retyped in &self.retyped {
            changes.push((
                retyped.question.clone(),
                Incomparable::Retyped {
                    version: version(),
                    from: retyped.from,
                    to: retyped.to,
                },
            ));
        }
        for split in &self.split {
            let reason = Incomparable::Split {
                version: version(),
                from: split.from.clone(),
                into: split.into.clone(),
                what: split.what.clone(),
            };
            let parts = std::iter::once(&split.from).chain(&split.into);
            for id in parts {
                if !changes.iter().any(|(q, _)| q == id) {
                    changes.push((id.clone(), reason.clone()));
                }
            }
        }
        changes
    }
}
