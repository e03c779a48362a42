//! The live overall score with the counts behind it.

use yew::prelude::*;

use crate::state::use_assessment;

#[function_component(ScorePanel)]
pub fn score_panel() -> Html {
    let state = use_assessment();
    let overall = state.scores.overall;
    html! {
        <aside class="score-panel" aria-label="Overall score">
            <h2>{ "Overall score" }</h2>
            <p class="score" aria-live="polite">
                <span data-testid="overall-score">{ overall.percent() }</span>
                <span class="score-of">{ " / 100" }</span>
            </p>
            <p class="score-counts">
                { format!(
                    "{} of {} applicable measures fully in place; {} answered, {} not answered yet.",
                    overall.fully, overall.applicable, overall.answered(), overall.unanswered
                ) }
            </p>
        </aside>
    }
}
