//! Pure core of the Midnight Blizzard / ED 24-02 self-assessment.
//!
//! Everything that decides something lives here: the question bank, the organisation profile,
//! answers and scores. It has no browser, UI or clock dependency, so it is tested natively.

pub mod answers;
pub mod assessment;
pub mod content;
pub mod dates;
pub mod files;
pub mod library;
pub mod profile;
pub mod savefile;
pub mod scoring;

pub use answers::{Level, Response};
pub use assessment::{
    ActionStatus, AnswerRecord, Assessment, Change, Details, DetailsEdit, RecordEdit,
    RiskAcceptance,
};
pub use content::{Bank, ContentError, Effort, ProfileOption, ProfileQuestion, Question, Severity};
pub use profile::Facts;
pub use scoring::{score, FamilyScore, ScoreCard, Tally};
