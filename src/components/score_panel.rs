//! The live overall score with the counts behind it.

use yew::prelude::*;

use crate::state::AppState;
use crate::words::words;

/// The sidebar's score; a plain function, as it only reads the state App already has.
pub fn view(state: &AppState) -> Html {
    let overall = state.scores.overall;
    let w = words();
    html! {
        <section class="score-panel" aria-labelledby="score-heading">
            <h2 id="score-heading">{ w.overall_score() }</h2>
            <p class="score">
                <span data-testid="overall-score">{ overall.percent() }</span>
                <span class="score-of">{ w.score_of() }</span>
            </p>
            <p class="score-counts">
                { w.score_counts(overall.fully, overall.applicable, overall.answered(), overall.unanswered) }
            </p>
        </section>
    }
}
