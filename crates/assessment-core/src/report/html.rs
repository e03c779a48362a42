//! The printable report: one self-contained HTML file, rendered by the compile-time template
//! `templates/report.html` (askama, HTML auto-escaping on).
//!
//! It loads nothing: the style is inline and pinned by its SHA-256 in a Content-Security-Policy
//! that allows nothing else, the chart is inline SVG, there are no scripts, images or fonts.

use std::borrow::Cow;

use askama::Template;
use sha2::{Digest, Sha256};

use super::{clean, date_text, status_label, Action, Provenance, ReportContext};
use crate::answers::{Level, Response};
use crate::assessment::ActionStatus;
use crate::content::{Bank, Severity, Source};
use crate::evaluation::QuestionRef;
use crate::profile::{exclusions, Facts};
use crate::scoring::{assess, AnswerState};
use crate::tier::{Tier, TierResult};

/// The report's whole style sheet.
const STYLE: &str = include_str!("report.css");

/// How many actions the executive summary lists.
const TOP_ACTIONS: usize = 10;

/// Severities, most severe first, for the method's tables.
const SEVERITIES: [Severity; 4] = [
    Severity::Critical,
    Severity::High,
    Severity::Medium,
    Severity::Low,
];

#[derive(Template)]
#[template(path = "report.html", whitespace = "minimize")]
pub(crate) struct Report<'a> {
    pub(crate) bank: &'a Bank,
    pub(crate) generated_at: &'a str,
    pub(crate) app_version: &'a str,
    pub(crate) edition: &'a str,
    pub(crate) style: &'static str,
    pub(crate) csp: String,
    pub(crate) organisation: Cow<'a, str>,
    pub(crate) assessor: Cow<'a, str>,
    pub(crate) assessed_on: String,
    pub(crate) notified_on: String,
    pub(crate) today: String,
    pub(crate) score: u32,
    pub(crate) summary: String,
    pub(crate) tier: &'a TierResult,
    pub(crate) top: Vec<Action<'a>>,
    pub(crate) open_count: usize,
    pub(crate) families: Vec<FamilyRow<'a>>,
    pub(crate) chart_height: u32,
    pub(crate) groups: Vec<Group<'a>>,
    pub(crate) accepted: Vec<Action<'a>>,
    pub(crate) answers: Vec<FamilyAnswers<'a>>,
    pub(crate) excluded: Vec<Listed<'a>>,
    pub(crate) not_applicable: Vec<Listed<'a>>,
    pub(crate) needs_reason: &'a [QuestionRef],
    pub(crate) weights: Vec<(&'static str, u32)>,
    pub(crate) credits: Vec<(&'static str, u32)>,
    pub(crate) tiers: Vec<TierRow>,
    pub(crate) sources: &'a [Source],
    pub(crate) fingerprint: String,
    pub(crate) since: Option<super::ChangesView<'a>>,
}

/// One family's score, with the geometry of its bar in the chart.
pub(crate) struct FamilyRow<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) percent: u32,
    pub(crate) summary: String,
    pub(crate) label_y: u32,
    pub(crate) bar_y: u32,
    pub(crate) width: u32,
}

pub(crate) struct Group<'a> {
    pub(crate) label: &'static str,
    /// CSS class of the group's cards.
    pub(crate) class: &'static str,
    pub(crate) items: Vec<Action<'a>>,
}

pub(crate) struct FamilyAnswers<'a> {
    pub(crate) title: &'a str,
    pub(crate) rows: Vec<AnswerRow<'a>>,
}

pub(crate) struct AnswerRow<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) answer: AnswerCell,
    pub(crate) reason: Cow<'a, str>,
    pub(crate) note: Cow<'a, str>,
    pub(crate) owner: Cow<'a, str>,
    pub(crate) target: String,
    pub(crate) status: &'static str,
}

/// The answer of a question in "Every answer", with what a scan said beside it.
///
/// A small template of its own (auto-escaping on, like the report's), rendered where the report
/// shows the answer: every text in it, the scan's included, is escaped here, and the result is
/// marked safe so the report does not escape it a second time.
#[derive(Template)]
#[template(
    source = r#"{{ answer }}{% if let Some(p) = evidence %}<p class="evidence">{{ p.summary() }}{% if p.changed_by_hand %} <strong>{{ p.changed_text() }}</strong>{% endif %}</p>{% endif %}"#,
    ext = "html"
)]
pub(crate) struct AnswerCell {
    pub(crate) answer: &'static str,
    pub(crate) evidence: Option<Provenance>,
}

// Its output is HTML in which every text is already escaped (above).
impl askama::filters::HtmlSafe for AnswerCell {}

/// A question in a list, with why it is there.
pub(crate) struct Listed<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) reason: Cow<'a, str>,
}

pub(crate) struct TierRow {
    pub(crate) number: u32,
    pub(crate) name: &'static str,
    pub(crate) meaning: &'static str,
    /// The least level per severity, most severe first.
    pub(crate) minimums: Vec<&'static str>,
    pub(crate) score: String,
}

/// Bar length in chart units per score point (a full bar is 500 units).
const BAR_SCALE: u32 = 5;
/// Height of one family's row in the chart.
const ROW_HEIGHT: u32 = 34;

pub(crate) fn render(ctx: &ReportContext) -> String {
    report(ctx)
        .render()
        .unwrap_or_else(|_| unreachable!("the report template writes to a String and cannot fail"))
}

/// The report's content, which the Word document ([`super::docx`]) and the workbook
/// ([`super::xlsx`]) are also made from.
pub(crate) fn report<'a>(ctx: &ReportContext<'a>) -> Report<'a> {
    let (bank, assessment, evaluation) = (ctx.bank, ctx.assessment, ctx.evaluation);
    let details = &assessment.details;
    let family_title = |id: &'a str| bank.family(id).map_or(id, |f| f.title.as_str());

    let families = evaluation
        .scores
        .families
        .iter()
        .zip(0..)
        .map(|(family, i)| {
            let percent = family.tally.percent();
            FamilyRow {
                id: &family.family,
                title: family_title(&family.family),
                percent,
                summary: family.tally.summary(),
                label_y: i * ROW_HEIGHT + 13,
                bar_y: i * ROW_HEIGHT + 18,
                width: percent * BAR_SCALE,
            }
        })
        .collect::<Vec<_>>();
    let chart_height = families.len() as u32 * ROW_HEIGHT + 4;

    let groups = evaluation
        .plan
        .groups
        .iter()
        .map(|group| Group {
            label: group.horizon.label(),
            class: match group.horizon {
                crate::plan::Horizon::Now => "now",
                crate::plan::Horizon::Within30Days => "d30",
                crate::plan::Horizon::Within90Days => "d90",
            },
            items: group
                .items
                .iter()
                .map(|item| Action::new(bank, item, false))
                .collect(),
        })
        .collect::<Vec<_>>();
    let top = groups
        .iter()
        .flat_map(|group| group.items.iter().cloned())
        .take(TOP_ACTIONS)
        .collect();

    let assessed = assess(bank, assessment);
    let answers = bank
        .families
        .iter()
        .map(|family| FamilyAnswers {
            title: &family.title,
            rows: assessed
                .iter()
                .filter(|item| item.question.family == family.id)
                .map(|item| {
                    let record = item.record;
                    let text = |get: fn(&'a crate::AnswerRecord) -> &'a str| {
                        record.map_or(Cow::Borrowed(""), |r| clean(get(r)))
                    };
                    AnswerRow {
                        id: &item.question.id,
                        title: &item.question.title,
                        answer: AnswerCell {
                            answer: item.answer_label(),
                            evidence: Provenance::of(
                                assessment,
                                &item.question.id,
                                item.question.answer,
                            ),
                        },
                        reason: match record.and_then(|r| r.response.as_ref()) {
                            Some(Response::NotApplicable { reason }) => clean(reason),
                            _ => Cow::Borrowed(""),
                        },
                        note: text(|r| &r.note),
                        owner: text(|r| &r.owner),
                        target: date_text(record.and_then(|r| r.target_date)),
                        status: match record.map(|r| r.action_status) {
                            None | Some(ActionStatus::Open) => "",
                            Some(status) => status_label(status),
                        },
                    }
                })
                .collect(),
        })
        .collect();

    let facts = Facts::from_answers(bank, &assessment.profile);
    let excluded = exclusions(bank, &facts)
        .into_iter()
        .map(|exclusion| Listed {
            id: &exclusion.question.id,
            title: &exclusion.question.title,
            reason: Cow::Owned(exclusion.reason()),
        })
        .collect();
    let not_applicable = assessed
        .iter()
        .filter(|item| item.state == AnswerState::NotApplicable)
        .filter_map(|item| match item.record?.response.as_ref()? {
            Response::NotApplicable { reason } => Some(Listed {
                id: &item.question.id,
                title: &item.question.title,
                reason: clean(reason),
            }),
            _ => None,
        })
        .collect();

    let tiers = Tier::ALL
        .into_iter()
        .skip(1)
        .map(|tier| TierRow {
            number: tier.number(),
            name: tier.name(),
            meaning: tier.meaning(),
            minimums: SEVERITIES
                .iter()
                .map(|s| match tier.minimum(*s) {
                    Some(Level::Fully) => "fully",
                    Some(Level::Largely) => "at least largely",
                    Some(Level::Partial) => "at least partly",
                    Some(Level::None) | None => "–",
                })
                .collect(),
            score: tier
                .minimum_score()
                .map_or_else(|| "–".to_owned(), |s| format!("at least {s}")),
        })
        .collect();

    let overall = &evaluation.scores.overall;
    Report {
        bank,
        generated_at: ctx.generated_at,
        app_version: ctx.app_version,
        edition: ctx.edition,
        style: STYLE,
        csp: content_security_policy(),
        organisation: clean(&details.organisation),
        assessor: clean(&details.assessor),
        assessed_on: date_text(details.assessed_on),
        notified_on: date_text(details.notified_on),
        today: date_text(Some(ctx.today)),
        score: overall.percent(),
        summary: overall.summary(),
        tier: &evaluation.tier,
        top,
        open_count: evaluation.plan.len(),
        families,
        chart_height,
        groups,
        accepted: evaluation
            .accepted_risks
            .iter()
            .map(|item| Action::new(bank, item, true))
            .collect(),
        answers,
        excluded,
        not_applicable,
        needs_reason: &evaluation.needs_reason,
        weights: SEVERITIES.iter().map(|s| (s.label(), s.weight())).collect(),
        credits: Level::ALL
            .iter()
            .rev()
            .map(|l| (l.label(), l.credit()))
            .collect(),
        tiers,
        sources: &bank.sources,
        fingerprint: super::fingerprint(assessment),
        since: ctx.since.map(|since| super::changes_view(bank, since)),
    }
}

/// Nothing may load; the one inline style element is allowed by its hash.
fn content_security_policy() -> String {
    let hash = base64(&Sha256::digest(STYLE.as_bytes()));
    format!("default-src 'none'; style-src 'sha256-{hash}'; base-uri 'none'; form-action 'none'")
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}
