//! The action plan: every gap becomes an action, ranked by risk reduction per effort and grouped
//! into horizons, with due dates; gaps with a valid risk acceptance are listed apart.
//!
//! The rules are written out for people in `docs/SCORING.md`; keep the two in step.

use std::cmp::Ordering;

use chrono::{Days, NaiveDate};

use crate::answers::{AnswerType, Level};
use crate::assessment::{AcceptanceProblem, ActionStatus, AnswerRecord, Details, RiskAcceptance};
use crate::content::{DirectivePhase, Effort, References, Severity};
use crate::scoring::{AnswerState, Assessed};

/// Days from notification to the due date of a `within-30-days` question. ED 24-02 gave agencies
/// about four weeks (issued 2 April 2024, actions due 30 April 2024).
pub const DIRECTIVE_WINDOW_DAYS: u64 = 28;

/// Label carried by every due date derived from the directive's timeline.
pub const DIRECTIVE_TIMELINE_LABEL: &str =
    "ED 24-02 timeline, adapted; not an obligation for non-federal organisations";

/// When to act on a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Horizon {
    /// Critical gaps and questions the directive asked to act on immediately.
    Now,
    /// High-severity gaps and questions the directive gave about four weeks.
    Within30Days,
    /// Everything else.
    Within90Days,
}

impl Horizon {
    /// Every horizon, soonest first.
    pub const ALL: [Horizon; 3] = [Horizon::Now, Horizon::Within30Days, Horizon::Within90Days];

    /// The horizon of a gap: the sooner of what its severity and its directive phase call for.
    pub fn of(severity: Severity, directive: Option<DirectivePhase>) -> Horizon {
        match (severity, directive) {
            (Severity::Critical, _) | (_, Some(DirectivePhase::Immediate)) => Horizon::Now,
            (Severity::High, _) | (_, Some(DirectivePhase::Within30Days)) => Horizon::Within30Days,
            _ => Horizon::Within90Days,
        }
    }

    /// Heading of the horizon's group, e.g. "Do now".
    pub fn label(self) -> &'static str {
        match self {
            Horizon::Now => "Do now",
            Horizon::Within30Days => "Within 30 days",
            Horizon::Within90Days => "Within 90 days",
        }
    }
}

impl crate::keys::Keyed for Horizon {
    const ALL: &'static [Horizon] = &Horizon::ALL;

    fn key(self) -> &'static str {
        match self {
            Horizon::Now => "now",
            Horizon::Within30Days => "within-30-days",
            Horizon::Within90Days => "within-90-days",
        }
    }
}

/// Which date an action is due by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DueBasis {
    /// The target date the organisation entered; it wins over the directive's timeline.
    TargetDate,
    /// Derived from the notification date and the directive's timeline.
    DirectiveTimeline,
}

/// A due date derived from the directive's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectiveDue {
    pub date: NaiveDate,
    pub phase: DirectivePhase,
}

/// When an action is due, and why. Both candidate dates stay visible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// The date that applies, if any.
    pub date: Option<NaiveDate>,
    pub basis: Option<DueBasis>,
    /// The date entered by the organisation.
    pub target_date: Option<NaiveDate>,
    /// The date the directive's timeline gives, when the question has a phase and a notification
    /// date is known.
    pub directive: Option<DirectiveDue>,
}

impl Due {
    /// Due dates of a question with directive phase `phase`, given the record's target date.
    pub fn new(
        target_date: Option<NaiveDate>,
        phase: Option<DirectivePhase>,
        notified_on: Option<NaiveDate>,
    ) -> Due {
        let directive = phase
            .zip(notified_on)
            .and_then(|(phase, notified)| directive_due(phase, notified));
        let (date, basis) = match (target_date, &directive) {
            (Some(date), _) => (Some(date), Some(DueBasis::TargetDate)),
            (None, Some(derived)) => (Some(derived.date), Some(DueBasis::DirectiveTimeline)),
            (None, None) => (None, None),
        };
        Due {
            date,
            basis,
            target_date,
            directive,
        }
    }

    /// Which date applies and why, in one English sentence (the reports' wording; the interface
    /// renders the same data through its own table of words).
    pub fn explanation(&self) -> String {
        explain(self.target_date, self.directive.as_ref())
    }
}

fn directive_due(phase: DirectivePhase, notified: NaiveDate) -> Option<DirectiveDue> {
    let date = match phase {
        DirectivePhase::Immediate => notified,
        DirectivePhase::Within30Days => {
            notified.checked_add_days(Days::new(DIRECTIVE_WINDOW_DAYS))?
        }
    };
    Some(DirectiveDue { date, phase })
}

fn explain(target_date: Option<NaiveDate>, directive: Option<&DirectiveDue>) -> String {
    let timeline = |d: &DirectiveDue| {
        let when = match d.phase {
            DirectivePhase::Immediate => "immediately on notification".to_string(),
            DirectivePhase::Within30Days => {
                format!("{DIRECTIVE_WINDOW_DAYS} days after notification")
            }
        };
        format!("{}, {when} ({DIRECTIVE_TIMELINE_LABEL})", d.date)
    };
    match (target_date, directive) {
        (Some(target), Some(d)) => format!(
            "Your target date {target} applies; without it: {}.",
            timeline(d)
        ),
        (Some(target), None) => format!("Your target date {target} applies."),
        (None, Some(d)) => format!("Due {}.", timeline(d)),
        (None, None) => "No due date yet: set a target date.".into(),
    }
}

/// Something about an action that needs attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// The due date has passed and the action is not done.
    Overdue { due: NaiveDate },
    /// A risk acceptance is recorded but does not hold, so the gap is back in the open plan.
    AcceptanceNotValid { problems: Vec<AcceptanceProblem> },
    /// The action is marked done but the answer still says the measure is not fully in place.
    DoneButAnswerNotUpdated,
}

/// One gap and what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanItem {
    /// Position in its list, from 1: reading order, horizon by horizon.
    pub rank: u32,
    pub question: String,
    pub title: String,
    pub family: String,
    /// Where the question stands now.
    pub state: AnswerState,
    /// The kind of answer the question takes, which names its state.
    pub answer: AnswerType,
    /// When the answer is unknown: find out first, and how.
    pub first_step: Option<FirstStep>,
    /// What to do (the question's remedy).
    pub what: String,
    /// Why it matters.
    pub why: String,
    pub severity: Severity,
    pub effort: Effort,
    /// Severity weight times the missing credit in thirds: the points closing the gap adds.
    pub risk_reduction: u32,
    /// [`Effort::cost`] of the effort.
    pub cost: u32,
    pub horizon: Horizon,
    pub owner: String,
    pub status: ActionStatus,
    pub due: Due,
    /// The recorded risk acceptance, valid or not.
    pub risk_acceptance: Option<RiskAcceptance>,
    pub flags: Vec<Flag>,
    /// Ids of the sources the question cites.
    pub sources: Vec<String>,
    pub references: References,
}

impl PlanItem {
    /// The current answer in the words of the question's type, e.g. "Off" or "Under way".
    pub fn answer_label(&self) -> &'static str {
        self.state.label_for(self.answer)
    }

    /// Risk reduction per unit of effort, for display (ranking compares exact integers).
    pub fn ratio(&self) -> f64 {
        f64::from(self.risk_reduction) / f64::from(self.cost)
    }
}

/// Open actions of one horizon, ranked.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanGroup {
    pub horizon: Horizon,
    pub items: Vec<PlanItem>,
}

/// The open action plan: three groups, soonest horizon first, each ranked.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub groups: Vec<PlanGroup>,
}

impl Plan {
    /// Every open action, in reading (rank) order.
    pub fn items(&self) -> impl Iterator<Item = &PlanItem> {
        self.groups.iter().flat_map(|group| &group.items)
    }

    /// Number of open actions.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|group| group.items.len()).sum()
    }

    /// No open action.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Which actions of the plan to show; `None` in a field means "all".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanFilter {
    pub horizon: Option<Horizon>,
    pub severity: Option<Severity>,
    pub status: Option<ActionStatus>,
}

impl PlanFilter {
    /// The action passes every filter that is set.
    pub fn keeps(&self, item: &PlanItem) -> bool {
        self.horizon.is_none_or(|h| h == item.horizon)
            && self.severity.is_none_or(|s| s == item.severity)
            && self.status.is_none_or(|s| s == item.status)
    }
}

/// A horizon's group with only the actions a filter keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownGroup<'a> {
    pub group: &'a PlanGroup,
    pub items: Vec<&'a PlanItem>,
}

/// The plan as a filter shows it: the groups that keep at least one action, and the counts.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownPlan<'a> {
    pub groups: Vec<ShownGroup<'a>>,
    /// Actions shown.
    pub shown: usize,
    /// Open actions in the whole plan.
    pub total: usize,
}

impl Plan {
    /// The plan filtered by `filter`, in rank order.
    pub fn shown(&self, filter: &PlanFilter) -> ShownPlan<'_> {
        let groups: Vec<ShownGroup> = self
            .groups
            .iter()
            .map(|group| ShownGroup {
                group,
                items: group.items.iter().filter(|i| filter.keeps(i)).collect(),
            })
            .filter(|shown| !shown.items.is_empty())
            .collect();
        ShownPlan {
            shown: groups.iter().map(|g| g.items.len()).sum(),
            total: self.len(),
            groups,
        }
    }
}

/// The open plan and the accepted risks of an assessment.
pub(crate) fn plan_of(
    assessed: &[Assessed],
    details: &Details,
    today: NaiveDate,
) -> (Plan, Vec<PlanItem>) {
    let mut gaps: Vec<Gap> = assessed
        .iter()
        .filter_map(|item| gap(item, details, today))
        .collect();
    gaps.sort_by(rank_order);
    let (accepted, open): (Vec<Gap>, Vec<Gap>) = gaps.into_iter().partition(|gap| gap.accepted);
    let mut groups: Vec<PlanGroup> = Horizon::ALL
        .into_iter()
        .map(|horizon| PlanGroup {
            horizon,
            items: Vec::new(),
        })
        .collect();
    for item in numbered(open) {
        if let Some(group) = groups.iter_mut().find(|g| g.horizon == item.horizon) {
            group.items.push(item);
        }
    }
    (Plan { groups }, numbered(accepted))
}

/// A plan item before ranking, with what ranking and sorting need.
struct Gap {
    item: PlanItem,
    /// Position of the question in the bank.
    index: usize,
    /// A risk acceptance is recorded and holds.
    accepted: bool,
}

/// Horizon first; then risk reduction per effort, highest first (compared exactly by
/// cross-multiplying); then higher severity; then bank order.
fn rank_order(a: &Gap, b: &Gap) -> Ordering {
    let (x, y) = (&a.item, &b.item);
    x.horizon
        .cmp(&y.horizon)
        .then_with(|| (y.risk_reduction * x.cost).cmp(&(x.risk_reduction * y.cost)))
        .then_with(|| y.severity.cmp(&x.severity))
        .then_with(|| a.index.cmp(&b.index))
}

fn numbered(gaps: Vec<Gap>) -> Vec<PlanItem> {
    gaps.into_iter()
        .zip(1..)
        .map(|(gap, rank)| PlanItem { rank, ..gap.item })
        .collect()
}

/// The gap `item` leaves, or `None` when it leaves none (fully in place or not counted).
fn gap(item: &Assessed, details: &Details, today: NaiveDate) -> Option<Gap> {
    let credit = item.state.credit()?;
    let missing = Level::MAX_CREDIT - credit;
    if missing == 0 {
        return None;
    }
    let question = item.question;
    let nothing = AnswerRecord::default();
    let record = item.record.unwrap_or(&nothing);
    let problems = record
        .risk_acceptance
        .as_ref()
        .map(|acceptance| acceptance.problems(today));
    let accepted = problems.as_ref().is_some_and(Vec::is_empty);
    let due = Due::new(record.target_date, question.directive, details.notified_on);
    let flags = flags(problems, accepted, record.action_status, &due, today);
    let plan_item = PlanItem {
        rank: 0,
        question: question.id.clone(),
        title: question.title.clone(),
        family: question.family.clone(),
        state: item.state,
        answer: question.answer,
        first_step: first_step(item.state, &question.verify),
        what: question.remedy.clone(),
        why: question.why.clone(),
        severity: question.severity,
        effort: question.effort,
        risk_reduction: question.severity.weight() * missing,
        cost: question.effort.cost(),
        horizon: Horizon::of(question.severity, question.directive),
        owner: record.owner.clone(),
        status: record.action_status,
        due,
        risk_acceptance: record.risk_acceptance.clone(),
        flags,
        sources: question.sources.clone(),
        references: question.refs.clone(),
    };
    Some(Gap {
        item: plan_item,
        index: item.index,
        accepted,
    })
}

/// What needs attention on a gap. `problems` are those of its risk acceptance, if one is recorded.
fn flags(
    problems: Option<Vec<AcceptanceProblem>>,
    accepted: bool,
    status: ActionStatus,
    due: &Due,
    today: NaiveDate,
) -> Vec<Flag> {
    let mut flags = Vec::new();
    if let Some(problems) = problems.filter(|problems| !problems.is_empty()) {
        flags.push(Flag::AcceptanceNotValid { problems });
    }
    // An accepted risk is not overdue: the expiry of its acceptance is what brings it back.
    if let Some(due) = due.date.filter(|due| *due < today) {
        if status != ActionStatus::Done && !accepted {
            flags.push(Flag::Overdue { due });
        }
    }
    if status == ActionStatus::Done {
        flags.push(Flag::DoneButAnswerNotUpdated);
    }
    flags
}

/// The step before the remedy when nobody has said how far a measure is in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FirstStep {
    /// Not answered yet: find out and answer, using the question's check.
    Answer { how_to_check: String },
    /// Answered "don't know": find out whether it is in place, using the question's check.
    FindOut { how_to_check: String },
    /// Marked not applicable without a reason: give the reason, or answer.
    GiveReason,
}

impl FirstStep {
    /// The step in one English sentence (the reports' wording).
    pub fn sentence(&self) -> String {
        match self {
            FirstStep::Answer { how_to_check } => {
                format!("Not answered yet: find out and answer. How to check: {how_to_check}")
            }
            FirstStep::FindOut { how_to_check } => {
                format!("Not known: find out whether it is in place. How to check: {how_to_check}")
            }
            FirstStep::GiveReason => {
                "Marked not applicable without a reason: give the reason, or answer the question."
                    .into()
            }
        }
    }
}

/// For an unknown answer, the step before the remedy: find out, using the question's check.
fn first_step(state: AnswerState, verify: &str) -> Option<FirstStep> {
    let how_to_check = verify.to_owned();
    match state {
        AnswerState::Unanswered => Some(FirstStep::Answer { how_to_check }),
        AnswerState::DontKnow => Some(FirstStep::FindOut { how_to_check }),
        AnswerState::NeedsReason => Some(FirstStep::GiveReason),
        _ => None,
    }
}
