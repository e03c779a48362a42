//! A short summary in (GitHub-flavoured) Markdown, for tickets and wikis: headline numbers, the
//! tier and what holds it there, the top actions and the accepted risks.
//!
//! Every text, from the bank or from the user, goes through [`inline`]: it is put on one line and
//! Markdown's and HTML's special characters are backslash-escaped, so it shows as typed and can
//! never add a table column, a link, a heading or markup.
//!
//! Answers imported from a scan get a section of their own, after the accepted risks: each with
//! the scan and the tool's verdicts beside the answer. Without such answers it is left out.

use std::fmt::Write;

use super::{date_text, one_line, Action, Provenance, ReportContext};
use crate::scoring::assess;
use crate::tier::ScoreGate;

/// How many actions the summary lists.
pub(crate) const TOP_ACTIONS: usize = 10;

/// `text` as literal inline Markdown on one line.
pub(crate) fn inline(text: &str) -> String {
    escape_markdown(&one_line(text))
}

/// Backslash-escapes every character that could start markup anywhere in a line. The start of a
/// line is handled by the callers, which never put text there unescaped.
pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '$' | '@'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` as literal Markdown keeping its lines: each line [`clean`](super::clean)ed, stripped of
/// leading white space (no code blocks), escaped, and with a character that would start a list,
/// a heading underline or a thematic break at the start of the line escaped too.
pub(crate) fn block(text: &str) -> String {
    let cleaned = super::clean(text);
    let lines: Vec<String> = cleaned
        .split('\n')
        .map(|line| {
            let escaped = escape_markdown(line.trim_start());
            let ordered = escaped
                .find(|c: char| !c.is_ascii_digit())
                .filter(|&end| end > 0 && escaped[end..].starts_with(['.', ')']));
            match ordered {
                Some(end) => format!("{}\\{}", &escaped[..end], &escaped[end..]),
                None if escaped.starts_with(['-', '+', '=']) => format!("\\{escaped}"),
                None => escaped,
            }
        })
        .collect();
    lines.join("\n")
}

/// A table cell: [`inline`], or a dash when empty.
fn cell(text: &str) -> String {
    let text = inline(text);
    if text.trim().is_empty() {
        "–".into()
    } else {
        text
    }
}

pub(crate) fn render(ctx: &ReportContext) -> String {
    let (bank, assessment, evaluation) = (ctx.bank, ctx.assessment, ctx.evaluation);
    let details = &assessment.details;
    let overall = &evaluation.scores.overall;
    let tier = &evaluation.tier;
    let mut md = String::new();
    let not_recorded = |text: String| {
        if text.trim().is_empty() {
            "not recorded".to_owned()
        } else {
            text
        }
    };
    // Writing to a String cannot fail.
    let _ = writeln!(
        md,
        "# Midnight Blizzard / ED 24-02 self-assessment: summary\n"
    );
    let _ = writeln!(
        md,
        "- **Organisation:** {}",
        not_recorded(inline(&details.organisation))
    );
    let _ = writeln!(
        md,
        "- **Assessor:** {}",
        not_recorded(inline(&details.assessor))
    );
    let _ = writeln!(
        md,
        "- **Assessment date:** {}",
        not_recorded(date_text(details.assessed_on))
    );
    let _ = writeln!(md, "- **Generated:** {}", inline(ctx.generated_at));
    let _ = writeln!(
        md,
        "- **Question bank:** version {}, checked against its sources on {}; app version {} ({} edition)\n",
        inline(&bank.version),
        inline(&bank.reviewed_on),
        inline(ctx.app_version),
        inline(ctx.edition)
    );

    let _ = writeln!(md, "## Headline\n");
    let _ = writeln!(
        md,
        "- **Score: {} / 100.** {}",
        overall.percent(),
        inline(&overall.summary())
    );
    let _ = writeln!(
        md,
        "- **Tier {} of 4: {}.** {}",
        tier.tier.number(),
        inline(tier.name),
        inline(tier.meaning)
    );
    let groups: Vec<String> = evaluation
        .plan
        .groups
        .iter()
        .map(|g| {
            format!(
                "{} {}",
                inline(g.horizon.label()).to_ascii_lowercase(),
                g.items.len()
            )
        })
        .collect();
    let _ = writeln!(
        md,
        "- **Open actions:** {} ({}); **accepted risks:** {}; **out of scope:** {} question(s).\n",
        evaluation.plan.len(),
        groups.join(", "),
        evaluation.accepted_risks.len(),
        evaluation.excluded
    );

    let _ = writeln!(md, "| Family | Score | Counts |\n|---|---|---|");
    for family in &evaluation.scores.families {
        let title = bank
            .family(&family.family)
            .map_or(family.family.as_str(), |f| f.title.as_str());
        let _ = writeln!(
            md,
            "| {} | {} / 100 | {} |",
            cell(title),
            family.tally.percent(),
            cell(&family.tally.summary())
        );
    }
    md.push('\n');

    if let Some(since) = ctx.since {
        md.push_str(&super::changes::markdown_section(bank, since));
    }
    let _ = writeln!(md, "## What holds the tier\n");
    match tier.next {
        None => {
            let _ = writeln!(md, "Nothing: this is the highest tier.\n");
        }
        Some(next) => {
            let _ = writeln!(
                md,
                "To reach tier {} ({}), these must change:\n",
                next.number(),
                inline(next.name())
            );
            if let Some(ScoreGate { score, needed }) = tier.score_gate {
                let _ = writeln!(
                    md,
                    "- The overall score is {score}; it needs to be at least {needed}.\n"
                );
            }
            if !tier.gating.is_empty() {
                let _ = writeln!(
                    md,
                    "| Question | Title | Severity | Now | Needs | Risk accepted |\n|---|---|---|---|---|---|"
                );
                for gate in &tier.gating {
                    let _ = writeln!(
                        md,
                        "| {} | {} | {} | {} | {} | {} |",
                        cell(&gate.question),
                        cell(&gate.title),
                        gate.severity.label(),
                        cell(gate.answer_label()),
                        cell(gate.needed_label()),
                        if gate.risk_accepted { "yes" } else { "no" }
                    );
                }
                md.push('\n');
            }
        }
    }

    let _ = writeln!(md, "## Top actions\n");
    let top: Vec<Action> = evaluation
        .plan
        .items()
        .take(TOP_ACTIONS)
        .map(|item| Action::new(bank, item, false))
        .collect();
    if top.is_empty() {
        let _ = writeln!(md, "No open actions.\n");
    } else {
        let _ = writeln!(
            md,
            "| # | Question | Action | Horizon | Severity | Now | Owner | Due | Status |\n|---|---|---|---|---|---|---|---|---|"
        );
        for action in &top {
            let item = action.item;
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                item.rank,
                cell(&item.question),
                cell(&item.title),
                cell(item.horizon.label()),
                item.severity.label(),
                cell(item.answer_label()),
                cell(&action.owner),
                cell(&action.due),
                cell(&status_with_flags(action)),
            );
        }
        if evaluation.plan.len() > TOP_ACTIONS {
            let _ = writeln!(
                md,
                "\n{} more in the full action plan (HTML report or CSV).",
                evaluation.plan.len() - TOP_ACTIONS
            );
        }
        md.push('\n');
    }

    let _ = writeln!(md, "## Accepted risks\n");
    if evaluation.accepted_risks.is_empty() {
        let _ = writeln!(md, "No risks have been accepted.\n");
    } else {
        let _ = writeln!(
            md,
            "They still count as not in place in the score and the tier.\n\n| Question | Title | Severity | Now | Justification | Approved by | Expires |\n|---|---|---|---|---|---|---|"
        );
        for item in &evaluation.accepted_risks {
            let action = Action::new(bank, item, true);
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} | {} | {} |",
                cell(&item.question),
                cell(&item.title),
                item.severity.label(),
                cell(item.answer_label()),
                cell(&action.justification),
                cell(&action.approver),
                cell(&action.expires),
            );
        }
        md.push('\n');
    }

    evidence_section(ctx, &mut md);

    let _ = writeln!(
        md,
        "Answer data fingerprint (SHA-256): `{}`",
        super::fingerprint(assessment)
    );
    md
}

/// "Evidence from scans": every answer that holds scan evidence, in bank order.
fn evidence_section(ctx: &ReportContext, md: &mut String) {
    let rows: Vec<String> = assess(ctx.bank, ctx.assessment)
        .iter()
        .filter_map(|item| {
            let question = item.question;
            let evidence = Provenance::of(ctx.assessment, &question.id, question.answer)?;
            Some(format!(
                "| {} | {} | {} | {} |",
                cell(&question.id),
                cell(&question.title),
                cell(item.answer_label()),
                cell(&evidence.sentence())
            ))
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        md,
        "## Evidence from scans\n\n| Question | Title | Answer | Evidence |\n|---|---|---|---|\n{}\n",
        rows.join("\n")
    );
}

/// "Open", or "Open; overdue: it was due on …" when the action is flagged.
fn status_with_flags(action: &Action) -> String {
    let mut text = action.status.to_owned();
    for flag in &action.flags {
        text.push_str("; ");
        text.push_str(flag);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            inline("| # * [x](http://evil) <b>\n_y_"),
            r"\| \# \* \[x\](http://evil) \<b\> \_y\_"
        );
        assert_eq!(
            inline("a\\b `c` ~d~ &amp; $x$ @me"),
            r"a\\b \`c\` \~d\~ \&amp; \$x\$ \@me"
        );
    }

    #[test]
    fn blocks_keep_lines_but_start_no_markup() {
        assert_eq!(
            block("- item\n  # head\n1. one\n12) twelve\n===\nplain 3. x"),
            "\\- item\n\\# head\n1\\. one\n12\\) twelve\n\\===\nplain 3. x"
        );
    }
}
