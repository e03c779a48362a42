//! The live overall score with the counts behind it.

use yew::prelude::*;

use crate::state::use_assessment;
use crate::text;

#[function_component(ScorePanel)]
pub fn score_panel() -> Html {
    let state = use_assessment();
    let overall = state.scores.overall;
    html! {
        <section class="score-panel" aria-labelledby="score-heading">
            <h2 id="score-heading">{ text::OVERALL_SCORE }</h2>
            <p class="score">
                <span data-testid="overall-score">{ overall.percent() }</span>
                <span class="score-of">{ text::SCORE_OF }</span>
            </p>
            <p class="score-counts">
                { text::score_counts(overall.fully, overall.applicable, overall.answered(), overall.unanswered) }
            </p>
        </section>
    }
}
