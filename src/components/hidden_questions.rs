//! The questions the profile takes out of scope, each with the answers that took it out.

use assessment_core::profile::exclusions;
use assessment_core::Facts;
use yew::prelude::*;

use crate::state::AppState;
use crate::text;

/// A plain view function rather than a component: it reads only the state, and each component
/// costs code (docs/PERFORMANCE.md).
pub fn hidden_questions(state: &AppState) -> Html {
    let facts = Facts::from_answers(&state.bank, &state.assessment.profile);
    let hidden = exclusions(&state.bank, &facts);
    if hidden.is_empty() {
        return Html::default();
    }
    html! {
        <section class="panel hidden-questions" aria-labelledby="hidden-heading">
            <h3 id="hidden-heading">{ text::hidden_heading(hidden.len()) }</h3>
            <details>
                <summary>{ text::HIDDEN_SHOW }</summary>
                <ul data-testid="hidden-questions">
                    { for hidden.iter().map(|e| html! {
                        <li key={e.question.id.clone()} data-hidden-id={e.question.id.clone()}>
                            <strong>{ format!("{} {}", e.question.id, e.question.title) }</strong>
                            { ": " }{ e.reason() }
                        </li>
                    }) }
                </ul>
            </details>
        </section>
    }
}
