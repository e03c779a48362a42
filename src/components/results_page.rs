//! The results: score and tier, the answers that hold the tier, a per-family chart with its
//! numbers in text, the ranked action plan and the accepted risks.

use std::rc::Rc;

use assessment_core::{evaluate, Bank, Evaluation, Tally, TierResult};
use yew::prelude::*;

use super::action_plan::{AcceptedRisks, ActionPlan};
use super::downloads::Downloads;
use crate::state::{use_assessment, Action, AssessmentContext};
use crate::text;

#[function_component(ResultsPage)]
pub fn results_page() -> Html {
    let state = use_assessment();
    let evaluation = {
        let state = state.clone();
        use_memo(state.assessment.clone(), move |assessment| {
            evaluate(&state.bank, assessment, state.today)
        })
    };
    let overall = evaluation.scores.overall;
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ text::RESULTS_HEADING }</h2>
            <section class="panel results-headline" aria-labelledby="tier-heading">
                <div class="headline-score">
                    <p class="big-number" data-testid="results-score">{ text::score_line(overall.percent()) }</p>
                    <p class="muted">{ overall.summary() }</p>
                </div>
                <div class="headline-tier">
                    <h3 id="tier-heading">{ text::TIER_HEADING }</h3>
                    <p class={classes!("tier-badge", format!("tier-{}", evaluation.tier.tier.number()))} data-testid="tier">
                        <span aria-hidden="true">{ tier_mark(evaluation.tier.tier.number()) }{ " " }</span>
                        { text::tier_label(evaluation.tier.tier.number(), evaluation.tier.name) }
                    </p>
                    <p>{ evaluation.tier.meaning }</p>
                </div>
            </section>
            <Downloads />
            { holding(&state, &evaluation.tier) }
            { family_chart(&state.bank, &evaluation) }
            <ActionPlan evaluation={Rc::clone(&evaluation)} />
            <AcceptedRisks evaluation={Rc::clone(&evaluation)} />
            <section class="panel" aria-labelledby="method-heading">
                <details>
                    <summary><h3 id="method-heading" class="inline-heading">{ text::METHOD_HEADING }</h3></summary>
                    { for text::METHOD.iter().map(|p| html! { <p>{ *p }</p> }) }
                </details>
            </section>
        </>
    }
}

/// A shape per tier, so the tier never depends on colour alone.
fn tier_mark(number: u32) -> &'static str {
    match number {
        0 => "\u{2716}",
        1 => "\u{25b2}",
        2 => "\u{25c6}",
        3 => "\u{2714}",
        _ => "\u{2605}",
    }
}

#[derive(Properties, PartialEq)]
pub struct EvaluationProps {
    pub evaluation: Rc<Evaluation>,
}

/// The answers (and the score, if it is short) that keep the organisation from the next tier.
/// A plain view function rather than a component: it changes only with the evaluation, which
/// re-renders the whole page anyway, and each component costs code (docs/PERFORMANCE.md).
fn holding(state: &AssessmentContext, tier: &TierResult) -> Html {
    let go_to = |question: &str| {
        let state = state.clone();
        let question = question.to_owned();
        Callback::from(move |_| {
            let family = state
                .bank
                .question(&question)
                .and_then(|q| state.bank.families.iter().position(|f| f.id == q.family));
            if let Some(family) = family {
                state.dispatch(Action::GoToQuestion(family, question.clone()));
            }
        })
    };
    html! {
        <section class="panel" aria-labelledby="holding-heading" data-testid="gating">
            <h3 id="holding-heading">{ text::HOLDING_HEADING }</h3>
            if tier.next.is_none() {
                <p>{ text::HOLDING_NONE }</p>
            } else {
                <ul class="gating-list">
                    { for tier.gating.iter().map(|g| html! {
                        <li key={g.question.clone()} data-gating-id={g.question.clone()}>
                            <button type="button" class="link-button" onclick={go_to(&g.question)}>
                                { format!("{} {}", g.question, g.title) }
                            </button>
                            { format!(" ({}): ", g.severity.label()) }
                            { text::gating_line(g.state.label(), text::level_label(g.needed)) }
                        </li>
                    }) }
                    if let Some(gate) = tier.score_gate {
                        <li>{ text::score_gate(gate.score, gate.needed) }</li>
                    }
                </ul>
            }
        </section>
    }
}

/// A bar per family, drawn in SVG, with the same numbers in a table beside it. A plain view
/// function, like [`holding`].
fn family_chart(bank: &Bank, evaluation: &Evaluation) -> Html {
    let rows: Vec<(&str, Tally)> = bank
        .families
        .iter()
        .zip(&evaluation.scores.families)
        .map(|(family, score)| (family.title.as_str(), score.tally))
        .collect();
    const ROW: u32 = 28;
    const LABEL: u32 = 330;
    const BAR: u32 = 300;
    let height = ROW * rows.len() as u32 + 10;
    html! {
        <section class="panel" aria-labelledby="chart-heading">
            <h3 id="chart-heading">{ text::CHART_HEADING }</h3>
            <div class="chart-and-table">
                <svg class="bar-chart" viewBox={format!("0 0 {} {height}", LABEL + BAR + 60)} role="img"
                    aria-labelledby="chart-title" focusable="false">
                    <title id="chart-title">{ text::CHART_TITLE }</title>
                    { for rows.iter().enumerate().map(|(i, (title, tally))| {
                        let y = ROW * i as u32 + 5;
                        let width = BAR * tally.percent() / 100;
                        html! {
                            <g key={i}>
                                <text x={(LABEL - 8).to_string()} y={(y + 17).to_string()} class="bar-label" text-anchor="end">{ *title }</text>
                                <rect x={LABEL.to_string()} y={y.to_string()} width={BAR.to_string()} height="20" class="bar-track" />
                                <rect x={LABEL.to_string()} y={y.to_string()} width={width.to_string()} height="20" class="bar-fill" />
                                <text x={(LABEL + BAR + 8).to_string()} y={(y + 17).to_string()} class="bar-value">{ tally.percent() }</text>
                            </g>
                        }
                    }) }
                </svg>
                <table class="summary-table" data-testid="family-scores">
                    <caption>{ text::SUMMARY_CAPTION }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ text::SUMMARY_FAMILY }</th>
                            <th scope="col">{ text::SUMMARY_SCORE }</th>
                            <th scope="col">{ text::SUMMARY_ANSWERED }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|(title, tally)| html! {
                            <tr>
                                <th scope="row">{ *title }</th>
                                <td>{ text::score_line(tally.percent()) }</td>
                                <td>{ tally.summary() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
