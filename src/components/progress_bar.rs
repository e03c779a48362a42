//! Overall progress, answered of applicable, always visible in the header.

use yew::prelude::*;

use crate::state::AppState;
use crate::words::words;

/// The header's progress line; a plain function, as it only reads the state App already has.
pub fn view(state: &AppState) -> Html {
    let overall = state.scores.overall;
    let label = words().progress(overall.answered(), overall.applicable);
    html! {
        <div class="progress" data-testid="progress">
            <progress max={overall.applicable.max(1).to_string()} value={overall.answered().to_string()}
                aria-label={label.clone()} />
            <span class="progress-text">{ label }</span>
        </div>
    }
}
