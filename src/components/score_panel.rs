//! The live overall score with the counts behind it.

use yew::prelude::*;

use crate::state::AppState;
use crate::text;

/// The sidebar's score; a plain function, as it only reads the state App already has.
pub fn score_panel(state: &AppState) -> Html {
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
