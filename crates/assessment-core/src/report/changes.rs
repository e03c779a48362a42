//! What changed between two assessments, and the trend of a series, as the app shows them and the
//! reports include them: HTML fragments rendered by the compile-time templates
//! `templates/changes.html` and `templates/trend.html` (askama, auto-escaping on, so every text
//! a person or a scan wrote is text), the changes as CSV, and the Markdown section.

use askama::Template;

use super::csv::write_table;
use super::date_text;
use super::markdown::inline;
use crate::compare::{ChangeKind, Comparison};
use crate::content::Bank;
use crate::history::Incomparable;
use crate::library::Index;
use crate::series::Trend;
use crate::tier::Tier;

/// A question's id and title, with its answer before and after.
pub(crate) struct Row<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) before: &'static str,
    pub(crate) after: &'static str,
    pub(crate) change: String,
    /// The change kinds' keys, space-separated, for the row's `data-change`.
    pub(crate) keys: String,
}

pub(crate) struct IncomparableRow<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) reason: String,
}

pub(crate) struct FamilyDelta<'a> {
    pub(crate) title: &'a str,
    pub(crate) before: u32,
    pub(crate) after: u32,
    pub(crate) delta: String,
}

/// The comparison as a fragment (`data-testid="comparison"`) for the app's comparison view and
/// the reports' "Since the previous assessment" section.
#[derive(Template)]
#[template(path = "changes.html", whitespace = "minimize")]
pub struct ChangesView<'a> {
    pub(crate) overall_before: u32,
    pub(crate) overall_after: u32,
    pub(crate) overall_delta: String,
    pub(crate) tier_before: &'static str,
    pub(crate) tier_after: &'static str,
    pub(crate) tier_cause: String,
    pub(crate) versions_note: String,
    pub(crate) counts: Vec<(&'static str, usize)>,
    pub(crate) families: Vec<FamilyDelta<'a>>,
    pub(crate) plan: Vec<(&'static str, usize, String)>,
    pub(crate) rows: Vec<Row<'a>>,
    pub(crate) incomparable: Vec<IncomparableRow<'a>>,
    pub(crate) unchanged: Vec<Row<'a>>,
}

// Their output is HTML in which every text is already escaped (above).
impl askama::filters::HtmlSafe for ChangesView<'_> {}
impl askama::filters::HtmlSafe for TrendView<'_> {}

/// `+5`, `−3` or `±0`.
pub(crate) fn signed(delta: i64) -> String {
    match delta {
        0 => "±0".to_owned(),
        d if d > 0 => format!("+{d}"),
        d => format!("\u{2212}{}", -d),
    }
}

fn title_of<'a>(bank: &'a Bank, id: &str) -> &'a str {
    bank.question(id)
        .map_or("(not in this question bank)", |q| q.title.as_str())
}

fn answer_of(bank: &Bank, id: &str, state: crate::scoring::AnswerState) -> &'static str {
    bank.question(id)
        .map_or(state.label(), |q| state.label_for(q.answer))
}

/// The comparison's content, shared by the fragment, the CSV and the Markdown.
pub fn changes_view<'a>(bank: &'a Bank, comparison: &'a Comparison) -> ChangesView<'a> {
    let rows = comparison
        .questions
        .iter()
        .map(|change| Row {
            id: &change.question,
            title: title_of(bank, &change.question),
            before: answer_of(bank, &change.question, change.before),
            after: answer_of(bank, &change.question, change.after),
            change: change.kinds_text(),
            keys: change
                .kinds
                .iter()
                .map(|k| k.key())
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    let unchanged = comparison
        .unchanged
        .iter()
        .map(|(id, state)| Row {
            id,
            title: title_of(bank, id),
            before: answer_of(bank, id, *state),
            after: answer_of(bank, id, *state),
            change: String::new(),
            keys: String::new(),
        })
        .collect();
    let mut counts: Vec<(&'static str, usize)> = ChangeKind::ALL
        .iter()
        .map(|kind| (kind.label(), comparison.count(*kind)))
        .filter(|(_, n)| *n > 0)
        .collect();
    if !comparison.incomparable.is_empty() {
        counts.push(("Not compared", comparison.incomparable.len()));
    }
    ChangesView {
        overall_before: comparison.overall_before,
        overall_after: comparison.overall_after,
        overall_delta: signed(comparison.overall_delta()),
        tier_before: comparison.tier_before.name(),
        tier_after: comparison.tier_after.name(),
        tier_cause: tier_cause(bank, comparison),
        versions_note: versions_note(bank, comparison),
        counts,
        families: comparison
            .families
            .iter()
            .map(|f| FamilyDelta {
                title: bank
                    .family(&f.family)
                    .map_or(f.family.as_str(), |x| &x.title),
                before: f.before,
                after: f.after,
                delta: signed(f.delta()),
            })
            .collect(),
        plan: plan_lines(comparison),
        rows,
        incomparable: comparison
            .incomparable
            .iter()
            .map(|(id, reason)| IncomparableRow {
                id,
                title: title_of(bank, id),
                reason: reason.sentence(),
            })
            .collect(),
        unchanged,
    }
}

fn plan_lines(comparison: &Comparison) -> Vec<(&'static str, usize, String)> {
    let plan = &comparison.plan;
    vec![
        ("Actions closed", plan.closed.len(), plan.closed.join(", ")),
        ("New actions", plan.new.len(), plan.new.join(", ")),
        ("Still open", plan.still_open.len(), String::new()),
        ("Overdue", plan.overdue.len(), plan.overdue.join(", ")),
    ]
}

/// What moved the tier, in a phrase; empty when it did not move.
fn tier_cause(bank: &Bank, comparison: &Comparison) -> String {
    let (before, after) = (comparison.tier_before, comparison.tier_after);
    if before == after {
        return String::new();
    }
    let higher: Tier = before.max(after);
    let verb = if after > before {
        "now meet"
    } else {
        "no longer meet"
    };
    let mut parts = Vec::new();
    let cause = &comparison.tier_cause;
    if !cause.questions.is_empty() {
        let named: Vec<String> = cause
            .questions
            .iter()
            .map(|id| format!("{id} ({})", title_of(bank, id)))
            .collect();
        parts.push(format!(
            "{} {verb} what {} asks",
            named.join(", "),
            higher.name()
        ));
    }
    if let Some(needed) = cause.score_needed {
        let side = if after > before {
            "reached"
        } else {
            "fell below"
        };
        parts.push(format!("the overall score {side} the {needed} it needs"));
    }
    if parts.is_empty() {
        // A question the banks' differences keep out of the comparison moved it.
        parts.push("questions that are not compared moved it (see below)".to_owned());
    }
    parts.join("; ")
}

fn versions_note(bank: &Bank, comparison: &Comparison) -> String {
    if comparison.before_version == comparison.after_version {
        return String::new();
    }
    let unknown = comparison
        .incomparable
        .iter()
        .any(|(_, reason)| matches!(reason, Incomparable::UnknownVersion { .. }));
    let mut note = format!(
        "The earlier assessment was answered against question bank {} and the later one against {}. Both are scored with question bank {}, the one this version of the tool asks.",
        comparison.before_version, comparison.after_version, bank.version
    );
    if unknown {
        note.push_str(" One of those versions is not in this tool's record of changes, so no question is compared.");
    } else {
        note.push_str(&format!(
            " {} question(s) changed meaning between them and are listed as not compared.",
            comparison.incomparable.len()
        ));
    }
    note
}

impl ChangesView<'_> {
    /// The fragment's HTML.
    pub fn html(&self) -> String {
        self.render()
            .unwrap_or_else(|_| unreachable!("the template writes to a String and cannot fail"))
    }
}

/// The columns of the changes CSV.
pub(crate) const CHANGE_COLUMNS: [&str; 7] = [
    "id",
    "title",
    "family",
    "before",
    "after",
    "change",
    "why not compared",
];

/// The changed and the not-compared questions as CSV, in the plan CSV's dialect.
pub fn changes_csv(bank: &Bank, comparison: &Comparison) -> String {
    let view = changes_view(bank, comparison);
    let family = |id: &str| {
        bank.question(id)
            .and_then(|q| bank.family(&q.family))
            .map_or(String::new(), |f| f.title.clone())
    };
    let changed = view.rows.iter().map(|r| {
        vec![
            r.id.to_owned(),
            r.title.to_owned(),
            family(r.id),
            r.before.to_owned(),
            r.after.to_owned(),
            r.change.clone(),
            String::new(),
        ]
    });
    let incomparable = view.incomparable.iter().map(|r| {
        vec![
            r.id.to_owned(),
            r.title.to_owned(),
            family(r.id),
            String::new(),
            String::new(),
            "Not compared".to_owned(),
            r.reason.clone(),
        ]
    });
    write_table(&CHANGE_COLUMNS, changed.chain(incomparable))
}

/// The "Since the previous assessment" section of the Markdown summary.
pub(crate) fn markdown_section(bank: &Bank, comparison: &Comparison) -> String {
    let view = changes_view(bank, comparison);
    let mut out = String::from("## Since the previous assessment\n\n");
    out.push_str(&format!(
        "Overall score {} → {} ({}). Tier {} → {}{}.\n\n",
        view.overall_before,
        view.overall_after,
        view.overall_delta,
        view.tier_before,
        view.tier_after,
        if view.tier_cause.is_empty() {
            String::new()
        } else {
            format!(": {}", inline(&view.tier_cause))
        }
    ));
    if !view.versions_note.is_empty() {
        out.push_str(&format!("{}\n\n", inline(&view.versions_note)));
    }
    for (label, count) in &view.counts {
        out.push_str(&format!("- {label}: {count}\n"));
    }
    for (label, count, ids) in &view.plan {
        out.push_str(&format!("- {label}: {count}"));
        if !ids.is_empty() {
            out.push_str(&format!(" ({ids})"));
        }
        out.push('\n');
    }
    if !view.rows.is_empty() {
        out.push_str("\n| Question | Before | After | Change |\n|---|---|---|---|\n");
        for r in &view.rows {
            out.push_str(&format!(
                "| `{}` {} | {} | {} | {} |\n",
                r.id,
                inline(r.title),
                r.before,
                r.after,
                r.change
            ));
        }
    }
    if !view.incomparable.is_empty() {
        out.push_str(&format!(
            "\nNot compared ({}): {}.\n",
            view.incomparable.len(),
            view.incomparable
                .iter()
                .map(|r| r.id)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out.push('\n');
    out
}

/// One assessment on the trend chart.
pub(crate) struct TrendPoint {
    pub(crate) name: String,
    pub(crate) date: String,
    /// The date or the position, under the dot.
    pub(crate) short: String,
    pub(crate) overall: u32,
    pub(crate) tier: &'static str,
    pub(crate) families: Vec<u32>,
    pub(crate) x: u32,
    pub(crate) y: u32,
}

/// The trend as a fragment (`data-testid="trend"`): an SVG line of the overall score with a
/// title and description, the table of every number, the most improved and the concerns.
#[derive(Template)]
#[template(path = "trend.html", whitespace = "minimize")]
pub struct TrendView<'a> {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) left: u32,
    pub(crate) right: u32,
    pub(crate) grid: Vec<(u32, u32)>,
    pub(crate) line: String,
    pub(crate) description: String,
    pub(crate) points: Vec<TrendPoint>,
    pub(crate) families: Vec<&'a str>,
    pub(crate) improved: Vec<(&'a str, &'a str)>,
    pub(crate) concerns: Vec<(&'a str, &'a str, &'static str)>,
}

const CHART_TOP: u32 = 16;
const CHART_PLOT: u32 = 200;
const CHART_LEFT: u32 = 40;
/// Horizontal room per assessment, and the least plot width.
const CHART_STEP: u32 = 60;
const CHART_MIN_WIDTH: u32 = 480;

/// The trend's content.
pub fn trend_view<'a>(bank: &'a Bank, trend: &'a Trend) -> TrendView<'a> {
    let n = trend.points.len() as u32;
    let plot = (n.saturating_sub(1) * CHART_STEP).max(CHART_MIN_WIDTH);
    let step = if n > 1 { plot / (n - 1) } else { 0 };
    let y_of = |score: u32| CHART_TOP + CHART_PLOT - score * CHART_PLOT / 100;
    let points: Vec<TrendPoint> = trend
        .points
        .iter()
        .zip(0..)
        .map(|(p, i)| TrendPoint {
            name: p.name.clone(),
            date: date_text(p.assessed_on),
            short: p
                .assessed_on
                .map_or_else(|| format!("#{}", i + 1), |d| d.format("%Y-%m").to_string()),
            overall: p.overall,
            tier: p.tier.name(),
            families: p.families.clone(),
            x: CHART_LEFT + i * step,
            y: y_of(p.overall),
        })
        .collect();
    let line = points
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    let description = match (points.first(), points.last()) {
        (Some(first), Some(last)) if points.len() > 1 => format!(
            "From {} ({}) to {} ({}), the overall score went from {} to {}.",
            first.name, first.date, last.name, last.date, first.overall, last.overall
        ),
        (Some(only), _) => format!("One assessment, {}, scoring {}.", only.name, only.overall),
        _ => "No assessment.".to_owned(),
    };
    TrendView {
        width: CHART_LEFT + plot + 30,
        height: CHART_TOP + CHART_PLOT + 30,
        left: CHART_LEFT,
        right: CHART_LEFT + plot,
        grid: [0, 25, 50, 75, 100].iter().map(|&s| (s, y_of(s))).collect(),
        line,
        description,
        points,
        families: trend
            .families
            .iter()
            .map(|id| bank.family(id).map_or(id.as_str(), |f| f.title.as_str()))
            .collect(),
        improved: trend
            .improved
            .iter()
            .map(|id| (id.as_str(), title_of(bank, id)))
            .collect(),
        concerns: trend
            .concerns
            .iter()
            .map(|(id, why)| (id.as_str(), title_of(bank, id), why.label()))
            .collect(),
    }
}

impl TrendView<'_> {
    pub fn html(&self) -> String {
        self.render()
            .unwrap_or_else(|_| unreachable!("the template writes to a String and cannot fail"))
    }
}

/// One library entry as the comparison's choices name it.
pub(crate) struct PickerEntry<'a> {
    pub(crate) id: &'a str,
    pub(crate) label: String,
}

/// The comparison page's choices: the two assessments, the trend and a file.
#[derive(Template)]
#[template(path = "compare-picker.html", whitespace = "minimize")]
struct Picker<'a> {
    entries: Vec<PickerEntry<'a>>,
    before: &'a str,
    after: &'a str,
}

/// The comparison page's choices for `index`, with the open assessment (else the first) as the
/// later one and the one it re-assesses (else the latest saved other) as the earlier.
pub fn compare_picker(index: &Index) -> String {
    let after = index
        .current
        .as_deref()
        .or_else(|| index.entries.first().map(|e| e.id.as_str()))
        .unwrap_or_default();
    let entries = index
        .entries
        .iter()
        .map(|e| PickerEntry {
            id: &e.id,
            label: format!(
                "{} ({}, score {})",
                e.name,
                date_text(e.assessed_on),
                e.score
            ),
        })
        .collect();
    Picker {
        entries,
        before: default_before(index, after),
        after,
    }
    .render()
    .unwrap_or_else(|_| unreachable!("the template writes to a String and cannot fail"))
}

/// The entry compared with `after` by default: the one it re-assesses, else the latest other.
fn default_before<'a>(index: &'a Index, after: &str) -> &'a str {
    let linked = index
        .entry(after)
        .and_then(|e| e.previous.as_deref())
        .and_then(|id| index.entry(id));
    linked
        .or_else(|| {
            index
                .entries
                .iter()
                .filter(|e| e.id != after)
                .max_by(|a, b| a.saved_at.cmp(&b.saved_at))
        })
        .map_or("", |e| e.id.as_str())
}

/// A comparison as the page shows it, with the changes CSV download and, for two library entries
/// not linked yet, the button that records the later one as re-assessing the earlier.
#[derive(Template)]
#[template(path = "compare-result.html", whitespace = "minimize")]
struct CompareResult<'a> {
    before: &'a str,
    after: &'a str,
    changes: ChangesView<'a>,
    link: Option<(&'a str, &'a str)>,
}

/// What the page shows for a comparison of entries `before` (empty when the earlier assessment
/// came from a file) and `after` of `index`.
pub fn compare_result(
    bank: &Bank,
    index: &Index,
    before: &str,
    after: &str,
    comparison: &Comparison,
) -> String {
    let name = |id: &str| index.entry(id).map(|e| e.name.as_str());
    let after_name = name(after).unwrap_or("the later assessment");
    let before_name = name(before).unwrap_or("the assessment from the file");
    let linked = index.entry(after).and_then(|e| e.previous.as_deref()) == Some(before);
    let link = (name(before).is_some() && before != after && !linked).then_some((before, after));
    CompareResult {
        before: before_name,
        after: after_name,
        changes: changes_view(bank, comparison),
        link,
    }
    .render()
    .unwrap_or_else(|_| unreachable!("the template writes to a String and cannot fail"))
}

#[derive(Template)]
#[template(path = "trend-result.html", whitespace = "minimize")]
struct TrendResult<'a> {
    last: &'a str,
    trend: Option<TrendView<'a>>,
}

/// What the page shows for the trend of the series ending with `last`: the trend, or why there
/// is none (a series needs two assessments).
pub fn trend_result(bank: &Bank, last: &str, trend: &Trend) -> String {
    TrendResult {
        last,
        trend: (trend.points.len() > 1).then(|| trend_view(bank, trend)),
    }
    .render()
    .unwrap_or_else(|_| unreachable!("the template writes to a String and cannot fail"))
}
