//! What changed between two assessments of the same organisation: the overall and per-family
//! scores, the tier and what moved it, each question's answer (classified: improved, regressed,
//! newly not applicable, newly answered, new evidence, a policy version changed under a kept
//! answer, a risk accepted, an acceptance expired) and the progress of the action plan.
//!
//! Both are scored with the bank this version ships. When they were answered against different
//! bank versions, the bank's [`History`] says which questions those versions added, removed,
//! retyped or split: each is listed with that reason and never compared, since its id no longer
//! means what it meant. The earlier one is evaluated on its own assessment date (or `today`
//! without one), the later one as of `today`, so an acceptance that lapsed in between shows as
//! expired.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::assessment::{AcceptanceProblem, AnswerRecord, Assessment, EvidenceCheck};
use crate::content::Bank;
use crate::evaluation::{evaluate, Evaluation};
use crate::history::{History, Incomparable};
use crate::plan::Flag;
use crate::scoring::{assess, AnswerState, Assessed};
use crate::tier::Tier;

/// One of the two assessments compared, with the bank version it was answered against (as its
/// file names it).
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub assessment: &'a Assessment,
    pub bank_version: &'a str,
}

/// How a question's answer changed. A question can change in more than one way at once (newly
/// answered and improved, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// More of the measure is in place (more credit).
    Improved,
    /// Less of the measure is in place.
    Regressed,
    /// Now not applicable (with a reason) or out of scope, and not before.
    NewlyNotApplicable,
    /// Answered now, not before (unanswered or "not applicable" without a reason).
    NewlyAnswered,
    /// The answer now rests on another scan's evidence.
    EvidenceChanged,
    /// The answer stayed, but the scan behind it checked another version of the policy.
    PolicyVersionChanged,
    /// A valid risk acceptance now, none before.
    RiskAccepted,
    /// Accepted before; the acceptance has lapsed since.
    RiskAcceptanceExpired,
}

impl ChangeKind {
    /// Every kind, in the order rows list them.
    pub const ALL: [ChangeKind; 8] = [
        ChangeKind::Improved,
        ChangeKind::Regressed,
        ChangeKind::NewlyNotApplicable,
        ChangeKind::NewlyAnswered,
        ChangeKind::EvidenceChanged,
        ChangeKind::PolicyVersionChanged,
        ChangeKind::RiskAccepted,
        ChangeKind::RiskAcceptanceExpired,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Improved => "Improved",
            ChangeKind::Regressed => "Regressed",
            ChangeKind::NewlyNotApplicable => "Newly not applicable",
            ChangeKind::NewlyAnswered => "Newly answered",
            ChangeKind::EvidenceChanged => "Evidence changed",
            ChangeKind::PolicyVersionChanged => "Policy version changed",
            ChangeKind::RiskAccepted => "Risk accepted",
            ChangeKind::RiskAcceptanceExpired => "Risk acceptance expired",
        }
    }

    /// Stable machine name, for files and test hooks.
    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Improved => "improved",
            ChangeKind::Regressed => "regressed",
            ChangeKind::NewlyNotApplicable => "newly-not-applicable",
            ChangeKind::NewlyAnswered => "newly-answered",
            ChangeKind::EvidenceChanged => "evidence-changed",
            ChangeKind::PolicyVersionChanged => "policy-version-changed",
            ChangeKind::RiskAccepted => "risk-accepted",
            ChangeKind::RiskAcceptanceExpired => "risk-acceptance-expired",
        }
    }
}

/// A question whose answer changed.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionChange {
    pub question: String,
    pub before: AnswerState,
    pub after: AnswerState,
    /// In [`ChangeKind`] order, never empty.
    pub kinds: Vec<ChangeKind>,
}

impl QuestionChange {
    /// The kinds as one phrase, e.g. "Newly answered, improved".
    pub fn kinds_text(&self) -> String {
        let mut text = String::new();
        for (i, kind) in self.kinds.iter().enumerate() {
            if i == 0 {
                text.push_str(kind.label());
            } else {
                text.push_str(", ");
                text.push_str(&kind.label().to_lowercase());
            }
        }
        text
    }
}

/// A family's score (0–100) before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyChange {
    pub family: String,
    pub before: u32,
    pub after: u32,
}

impl FamilyChange {
    pub fn delta(&self) -> i64 {
        i64::from(self.after) - i64::from(self.before)
    }
}

/// What moved the tier: the changed questions that now meet (or no longer meet) what the higher
/// of the two tiers asks, and the overall score where that tier needs one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TierCause {
    pub questions: Vec<String>,
    /// The score the higher tier needs, when one side is below it and the other is not.
    pub score_needed: Option<u32>,
}

/// The action plan, then and now, by question id in plan order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanProgress {
    /// Open then, not in the plan now.
    pub closed: Vec<String>,
    /// In the plan now, not then.
    pub new: Vec<String>,
    /// Open then and now.
    pub still_open: Vec<String>,
    /// In the plan now and past its due date.
    pub overdue: Vec<String>,
}

/// Everything that changed from `before` to `after`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub overall_before: u32,
    pub overall_after: u32,
    pub tier_before: Tier,
    pub tier_after: Tier,
    pub tier_cause: TierCause,
    pub families: Vec<FamilyChange>,
    /// Changed questions, in bank order.
    pub questions: Vec<QuestionChange>,
    /// Comparable questions whose answer did not change, with that answer, in bank order.
    pub unchanged: Vec<(String, AnswerState)>,
    /// Questions that cannot be compared, with the reason, in bank order (then any the bank no
    /// longer has).
    pub incomparable: Vec<(String, Incomparable)>,
    pub plan: PlanProgress,
    pub before_version: String,
    pub after_version: String,
}

impl Comparison {
    pub fn overall_delta(&self) -> i64 {
        i64::from(self.overall_after) - i64::from(self.overall_before)
    }

    /// How many changed questions show `kind`.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.questions
            .iter()
            .filter(|q| q.kinds.contains(&kind))
            .count()
    }
}

/// Compares `before` with `after` as described in the module documentation.
pub fn compare(
    bank: &Bank,
    history: &History,
    before: Side,
    after: Side,
    today: NaiveDate,
) -> Comparison {
    let before_day = before.assessment.details.assessed_on.unwrap_or(today);
    let then = evaluate(bank, before.assessment, before_day);
    let now = evaluate(bank, after.assessment, today);
    let earlier = assess(bank, before.assessment);
    let later = assess(bank, after.assessment);
    let incomparable = incomparable(bank, history, before, after);
    let skipped: BTreeSet<&str> = incomparable.iter().map(|(q, _)| q.as_str()).collect();
    let marks = Marks {
        accepted_then: accepted(&then),
        accepted_now: accepted(&now),
        expired_now: expired(&now),
    };
    let mut questions = Vec::new();
    let mut unchanged = Vec::new();
    for (old, new) in earlier.iter().zip(&later) {
        let id = new.question.id.as_str();
        if skipped.contains(id) {
            continue;
        }
        let kinds = kinds_of(old, new, &marks);
        if kinds.is_empty() {
            unchanged.push((id.to_owned(), new.state));
        } else {
            questions.push(QuestionChange {
                question: id.to_owned(),
                before: old.state,
                after: new.state,
                kinds,
            });
        }
    }
    let tier_cause = tier_cause(bank, &then, &now, &questions);
    Comparison {
        overall_before: then.scores.overall.percent(),
        overall_after: now.scores.overall.percent(),
        tier_before: then.tier.tier,
        tier_after: now.tier.tier,
        tier_cause,
        families: family_changes(&then, &now),
        questions,
        unchanged,
        incomparable,
        plan: plan_progress(&then, &now),
        before_version: before.bank_version.to_owned(),
        after_version: after.bank_version.to_owned(),
    }
}

/// The questions the history rules out, in bank order, then those the bank no longer asks.
fn incomparable(
    bank: &Bank,
    history: &History,
    before: Side,
    after: Side,
) -> Vec<(String, Incomparable)> {
    let found = match history.incomparable(before.bank_version, after.bank_version) {
        Ok(found) => found,
        Err(reason) => {
            return bank
                .questions
                .iter()
                .map(|q| (q.id.clone(), reason.clone()))
                .collect()
        }
    };
    let mut ordered: Vec<(String, Incomparable)> = bank
        .questions
        .iter()
        .filter_map(|q| found.iter().find(|(id, _)| *id == q.id).cloned())
        .collect();
    ordered.extend(
        found
            .into_iter()
            .filter(|(id, _)| bank.question(id).is_none()),
    );
    ordered
}

/// Which questions had a valid acceptance then and now, and which have a lapsed one now.
struct Marks<'a> {
    accepted_then: BTreeSet<&'a str>,
    accepted_now: BTreeSet<&'a str>,
    expired_now: BTreeSet<&'a str>,
}

fn kinds_of(old: &Assessed, new: &Assessed, marks: &Marks) -> Vec<ChangeKind> {
    let id = new.question.id.as_str();
    let mut kinds = state_kinds(old.state, new.state);
    kinds.extend(evidence_kinds(old.record, new.record, old.state, new.state));
    if marks.accepted_now.contains(id) && !marks.accepted_then.contains(id) {
        kinds.push(ChangeKind::RiskAccepted);
    }
    if marks.accepted_then.contains(id) && marks.expired_now.contains(id) {
        kinds.push(ChangeKind::RiskAcceptanceExpired);
    }
    kinds.sort();
    kinds.dedup();
    kinds
}

fn state_kinds(before: AnswerState, after: AnswerState) -> Vec<ChangeKind> {
    let mut kinds = Vec::new();
    match (before.credit(), after.credit()) {
        (Some(b), Some(a)) if a > b => kinds.push(ChangeKind::Improved),
        (Some(b), Some(a)) if a < b => kinds.push(ChangeKind::Regressed),
        (Some(_), None) => kinds.push(ChangeKind::NewlyNotApplicable),
        _ => {}
    }
    let unanswered = matches!(before, AnswerState::Unanswered | AnswerState::NeedsReason);
    let answered = matches!(
        after,
        AnswerState::Implemented { .. } | AnswerState::DontKnow
    );
    if unanswered && answered {
        kinds.push(ChangeKind::NewlyAnswered);
    }
    kinds
}

/// New evidence (another scan), and a kept answer over another version of the policy.
fn evidence_kinds(
    before: Option<&AnswerRecord>,
    after: Option<&AnswerRecord>,
    before_state: AnswerState,
    after_state: AnswerState,
) -> Vec<ChangeKind> {
    let Some(after) = after.and_then(|r| r.evidence.as_ref()) else {
        return Vec::new();
    };
    let Some(before) = before.and_then(|r| r.evidence.as_ref()) else {
        return vec![ChangeKind::EvidenceChanged];
    };
    let printed = |checks: &[EvidenceCheck]| -> BTreeSet<String> {
        checks.iter().map(|c| c.id.clone()).collect()
    };
    let mut kinds = Vec::new();
    if before.scan != after.scan {
        kinds.push(ChangeKind::EvidenceChanged);
    }
    if before_state == after_state && printed(&before.checks) != printed(&after.checks) {
        kinds.push(ChangeKind::PolicyVersionChanged);
    }
    kinds
}

fn accepted(evaluation: &Evaluation) -> BTreeSet<&str> {
    evaluation
        .accepted_risks
        .iter()
        .map(|item| item.question.as_str())
        .collect()
}

fn expired(evaluation: &Evaluation) -> BTreeSet<&str> {
    let lapsed = |flag: &Flag| match flag {
        Flag::AcceptanceNotValid { problems } => problems
            .iter()
            .any(|p| matches!(p, AcceptanceProblem::Expired { .. })),
        _ => false,
    };
    evaluation
        .plan
        .items()
        .filter(|item| item.flags.iter().any(lapsed))
        .map(|item| item.question.as_str())
        .collect()
}

fn tier_cause(
    bank: &Bank,
    then: &Evaluation,
    now: &Evaluation,
    changes: &[QuestionChange],
) -> TierCause {
    let higher = then.tier.tier.max(now.tier.tier);
    if then.tier.tier == now.tier.tier {
        return TierCause::default();
    }
    let severity = |id: &str| bank.question(id).map(|q| q.severity);
    let questions = changes
        .iter()
        .filter(|change| {
            severity(&change.question).is_some_and(|severity| {
                higher.accepts(severity, change.before) != higher.accepts(severity, change.after)
            })
        })
        .map(|change| change.question.clone())
        .collect();
    let score_needed = higher.minimum_score().filter(|needed| {
        let (b, a) = (then.scores.overall.percent(), now.scores.overall.percent());
        (b >= *needed) != (a >= *needed)
    });
    TierCause {
        questions,
        score_needed,
    }
}

fn family_changes(then: &Evaluation, now: &Evaluation) -> Vec<FamilyChange> {
    then.scores
        .families
        .iter()
        .zip(&now.scores.families)
        .map(|(before, after)| FamilyChange {
            family: after.family.clone(),
            before: before.tally.percent(),
            after: after.tally.percent(),
        })
        .collect()
}

fn plan_progress(then: &Evaluation, now: &Evaluation) -> PlanProgress {
    let open_then: BTreeSet<&str> = then.plan.items().map(|i| i.question.as_str()).collect();
    let open_now: BTreeSet<&str> = now.plan.items().map(|i| i.question.as_str()).collect();
    let mut progress = PlanProgress::default();
    for item in now.plan.items() {
        let id = item.question.clone();
        if item.flags.iter().any(|f| matches!(f, Flag::Overdue { .. })) {
            progress.overdue.push(id.clone());
        }
        if open_then.contains(id.as_str()) {
            progress.still_open.push(id);
        } else {
            progress.new.push(id);
        }
    }
    progress.closed = then
        .plan
        .items()
        .map(|i| i.question.as_str())
        .filter(|id| !open_now.contains(id))
        .map(str::to_owned)
        .collect();
    progress
}
