//! The results: score and tier, the answers that hold the tier, a per-family chart with its
//! numbers in text, the ranked action plan and the accepted risks.

use assessment_core::evaluate;
use yew::prelude::*;

use crate::bank;
use crate::components::accepted_risks::AcceptedRisks;
use crate::components::action_plan::ActionPlan;
use crate::components::downloads::Downloads;
use crate::components::{family_chart, holding};
use crate::hooks::use_app;
use crate::words::words;

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

#[component]
pub fn ResultsPage() -> Html {
    let app = use_app();
    let w = words();
    // The plan quotes the guidance, so it is worked out again when the guidance arrives.
    let evaluation = use_memo(
        (app.assessment.clone(), app.today, app.guidance),
        |(assessment, today, _)| evaluate(bank(), assessment, *today),
    );
    let overall = evaluation.scores.overall;
    let tier = &evaluation.tier;
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ w.results_heading() }</h2>
            <section class="panel results-headline" aria-labelledby="tier-heading">
                <div class="headline-score">
                    <p class="big-number" data-testid="results-score">{ w.score_line(overall.percent()) }</p>
                    <p class="muted">{ w.tally(&overall) }</p>
                </div>
                <div class="headline-tier">
                    <h3 id="tier-heading">{ w.tier_heading() }</h3>
                    <p class={classes!("tier-badge", format!("tier-{}", tier.tier.number()))} data-testid="tier">
                        <span aria-hidden="true">{ tier_mark(tier.tier.number()) }{ " " }</span>
                        { w.tier_label(tier.tier.number(), w.tier_name(tier)) }
                    </p>
                    <p>{ w.tier_meaning(tier) }</p>
                </div>
            </section>
            <Downloads />
            { holding::view(&app, tier) }
            { family_chart::view(&evaluation) }
            <ActionPlan evaluation={evaluation.clone()} />
            <AcceptedRisks evaluation={evaluation.clone()} />
            <section class="panel" aria-labelledby="method-heading">
                <details>
                    <summary><h3 id="method-heading" class="inline-heading">{ w.method_heading() }</h3></summary>
                    for paragraph in w.method() {
                        <p>{ *paragraph }</p>
                    }
                </details>
            </section>
        </>
    }
}
