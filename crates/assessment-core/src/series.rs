//! A series of assessments of one organisation over time: how re-assessments link back to the
//! one they follow, and the trend across them (scores, tier, what improved most, what to worry
//! about).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::assessment::{Assessment, PreviousLink};
use crate::compare::{compare, ChangeKind, Comparison, Side};
use crate::content::Bank;
use crate::history::History;
use crate::tier::Tier;

/// How many questions the trend names as most improved, and as concerns.
pub const TOP: usize = 5;

/// One assessment of a series, as the trend needs it.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    /// What the person calls it (the library entry's name).
    pub name: &'a str,
    pub side: Side<'a>,
}

/// One assessment's place on the trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub name: String,
    pub assessed_on: Option<NaiveDate>,
    pub overall: u32,
    pub tier: Tier,
    /// Family scores in bank order.
    pub families: Vec<u32>,
}

/// Why a question is named as a concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConcernKind {
    /// Its answer got worse since the assessment before the last.
    Regressed,
    /// A risk acceptance lapsed since the assessment before the last.
    AcceptanceExpired,
    /// It was already on the action plan in the first assessment and still is.
    OpenSinceFirst,
}

impl ConcernKind {
    pub fn label(self) -> &'static str {
        match self {
            ConcernKind::Regressed => "Got worse since the assessment before",
            ConcernKind::AcceptanceExpired => "Its risk acceptance has expired",
            ConcernKind::OpenSinceFirst => "Open since the first assessment",
        }
    }
}

/// The trend of a series, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub points: Vec<Point>,
    /// Family ids in bank order, matching [`Point::families`].
    pub families: Vec<String>,
    /// Questions improved from the first assessment to the last, most weighty first.
    pub improved: Vec<String>,
    /// Questions to worry about, most weighty first, with why.
    pub concerns: Vec<(String, ConcernKind)>,
}

/// The trend over `members` (oldest first), scored with `bank`, as of `today`.
pub fn trend(bank: &Bank, history: &History, members: &[Member], today: NaiveDate) -> Trend {
    let points = members.iter().map(|m| point(bank, m, today)).collect();
    let ends = match members {
        [first, .., before, last] => Some((first.side, before.side, last.side)),
        [first, last] => Some((first.side, first.side, last.side)),
        _ => None,
    };
    trend_of(bank, history, points, ends, today)
}

/// The trend through `points` (oldest first), with the most improved and the concerns worked out
/// from `ends`: the first, the one before the last, and the last assessment.
pub fn trend_of(
    bank: &Bank,
    history: &History,
    points: Vec<Point>,
    ends: Option<(Side, Side, Side)>,
    today: NaiveDate,
) -> Trend {
    let families = bank.families.iter().map(|f| f.id.clone()).collect();
    let (improved, concerns) = match ends {
        Some((first, before, last)) => {
            let whole = compare(bank, history, first, last, today);
            let latest = compare(bank, history, before, last, today);
            (improved(bank, &whole), concerns(bank, &whole, &latest))
        }
        None => (Vec::new(), Vec::new()),
    };
    Trend {
        points,
        families,
        improved,
        concerns,
    }
}

/// One assessment's place on the trend, from its opened file.
pub fn point(bank: &Bank, member: &Member, today: NaiveDate) -> Point {
    let assessment = member.side.assessment;
    let day = assessment.details.assessed_on.unwrap_or(today);
    let evaluation = crate::evaluation::evaluate(bank, assessment, day);
    let card = &evaluation.scores;
    Point {
        name: member.name.to_owned(),
        assessed_on: assessment.details.assessed_on,
        overall: card.overall.percent(),
        tier: evaluation.tier.tier,
        families: card.families.iter().map(|f| f.tally.percent()).collect(),
    }
}

/// Severity weight of a question, for ranking; 0 for one the bank does not have.
fn weight(bank: &Bank, id: &str) -> u32 {
    bank.question(id).map_or(0, |q| q.severity.weight())
}

fn improved(bank: &Bank, whole: &Comparison) -> Vec<String> {
    let mut found: Vec<(u32, u32, &str)> = whole
        .questions
        .iter()
        .filter(|q| q.kinds.contains(&ChangeKind::Improved))
        .map(|q| {
            let gain = q.after.credit().unwrap_or(0) - q.before.credit().unwrap_or(0);
            (
                weight(bank, &q.question) * gain,
                weight(bank, &q.question),
                q.question.as_str(),
            )
        })
        .collect();
    // Stable sort: bank order breaks ties.
    found.sort_by_key(|&(points, weight, _)| std::cmp::Reverse((points, weight)));
    found
        .into_iter()
        .take(TOP)
        .map(|(_, _, id)| id.to_owned())
        .collect()
}

fn concerns(bank: &Bank, whole: &Comparison, latest: &Comparison) -> Vec<(String, ConcernKind)> {
    let mut found: Vec<(String, ConcernKind)> = Vec::new();
    let mut named: BTreeSet<String> = BTreeSet::new();
    let with = |kind: ChangeKind| {
        latest
            .questions
            .iter()
            .filter(move |q| q.kinds.contains(&kind))
            .map(|q| q.question.clone())
    };
    let candidates = with(ChangeKind::Regressed)
        .map(|id| (id, ConcernKind::Regressed))
        .chain(
            with(ChangeKind::RiskAcceptanceExpired).map(|id| (id, ConcernKind::AcceptanceExpired)),
        );
    let mut urgent: Vec<(String, ConcernKind)> = candidates.collect();
    urgent.sort_by_key(|(id, _)| std::cmp::Reverse(weight(bank, id)));
    let mut open: Vec<String> = whole.plan.still_open.clone();
    open.sort_by_key(|id| std::cmp::Reverse(weight(bank, id)));
    let rest = open.into_iter().map(|id| (id, ConcernKind::OpenSinceFirst));
    for (id, kind) in urgent.into_iter().chain(rest) {
        if found.len() == TOP {
            break;
        }
        if named.insert(id.clone()) {
            found.push((id, kind));
        }
    }
    found
}

/// The link a re-assessment keeps to `previous`, stored as library entry `entry`.
pub fn link_to(previous: &Assessment, entry: &str) -> PreviousLink {
    PreviousLink {
        entry: entry.to_owned(),
        fingerprint: crate::report::fingerprint(previous),
        assessed_on: previous.details.assessed_on,
    }
}

/// The library entries of the series that ends at `last`, oldest first, following each entry's
/// link to the one before it (`previous_of`) while that entry exists; a loop ends the walk.
pub fn chain<'a>(last: &'a str, previous_of: impl Fn(&str) -> Option<&'a str>) -> Vec<&'a str> {
    let mut chain = vec![last];
    let mut seen: BTreeSet<&str> = BTreeSet::from([last]);
    while let Some(previous) = previous_of(chain[chain.len() - 1]) {
        if !seen.insert(previous) {
            break;
        }
        chain.push(previous);
    }
    chain.reverse();
    chain
}
