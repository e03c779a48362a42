//! Pure core of the Midnight Blizzard / ED 24-02 self-assessment.
//!
//! Everything that decides something lives here: the question bank, the organisation profile,
//! answers, scores, the posture tier and the action plan. It has no browser, UI or clock
//! dependency, so it is tested natively.

pub mod answers;
pub mod assessment;
pub mod compare;
pub mod content;
pub mod dates;
pub mod encrypted;
pub mod evaluation;
pub mod files;
pub mod first_pass;
pub mod guidance;
pub mod history;
pub mod import;
pub mod json;
pub mod keys;
pub mod library;
pub mod plan;
pub mod profile;
pub mod progress;
pub mod report;
pub mod savefile;
pub mod scan;
pub mod scoring;
pub mod scuba;
pub mod scuba_config;
pub mod series;
pub mod tier;

pub use answers::{AnswerType, Level, Response};
pub use assessment::{
    AcceptanceProblem, ActionStatus, AnswerRecord, Assessment, Change, Details, DetailsEdit,
    PreviousLink, RecordEdit, RiskAcceptance,
};
pub use content::{
    Bank, ClosingRule, ContentError, DirectivePhase, Effort, GlossaryTerm, Licence, ProfileOption,
    ProfileQuestion, Question, Severity,
};
pub use evaluation::{evaluate, Evaluation, QuestionRef};
pub use keys::Keyed;
pub use plan::{
    DirectiveDue, Due, DueBasis, FirstStep, Flag, Horizon, Plan, PlanFilter, PlanGroup, PlanItem,
    ShownGroup, ShownPlan,
};
pub use profile::Facts;
pub use progress::{Pending, Progress};
pub use scoring::{score, AnswerState, FamilyScore, ScoreCard, Tally};
pub use tier::{GatingAnswer, ScoreGate, Tier, TierResult};
