//! Overall progress, answered of applicable, always visible in the header.

use yew::prelude::*;

use crate::state::use_assessment;
use crate::text;

#[function_component(ProgressBar)]
pub fn progress_bar() -> Html {
    let state = use_assessment();
    let overall = state.scores.overall;
    let label = text::progress(overall.answered(), overall.applicable);
    html! {
        <div class="progress" data-testid="progress">
            <progress max={overall.applicable.max(1).to_string()} value={overall.answered().to_string()}
                aria-label={label.clone()} />
            <span class="progress-text">{ label }</span>
        </div>
    }
}
