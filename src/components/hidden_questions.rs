//! The questions the profile takes out of scope, each with the answers that took it out.

use assessment_core::profile::exclusions;
use assessment_core::Facts;
use yew::prelude::*;

use crate::state::use_assessment;

#[function_component(HiddenQuestions)]
pub fn hidden_questions() -> Html {
    let state = use_assessment();
    let facts = Facts::from_answers(&state.bank, &state.assessment.profile);
    let hidden = exclusions(&state.bank, &facts);
    if hidden.is_empty() {
        return Html::default();
    }
    html! {
        <section class="hidden-questions" aria-labelledby="hidden-heading">
            <h2 id="hidden-heading">{ format!("{} questions do not apply to you", hidden.len()) }</h2>
            <details>
                <summary>{ "Show which ones and why" }</summary>
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
