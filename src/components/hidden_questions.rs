//! The questions the profile takes out of scope, each with the answers that took it out.

use assessment_core::profile::exclusions;
use assessment_core::{Assessment, Facts};
use yew::prelude::*;

use crate::bank;
use crate::words::words;

/// A plain view function rather than a component: it reads only the assessment, and each
/// component costs code (docs/PERFORMANCE.md).
pub fn view(assessment: &Assessment) -> Html {
    let facts = Facts::from_answers(bank(), &assessment.profile);
    let hidden = exclusions(bank(), &facts);
    if hidden.is_empty() {
        return Html::default();
    }
    let w = words();
    html! {
        <section class="panel hidden-questions" aria-labelledby="hidden-heading">
            <h3 id="hidden-heading">{ w.hidden_heading(hidden.len()) }</h3>
            <details>
                <summary>{ w.hidden_show() }</summary>
                <ul data-testid="hidden-questions">
                    for e in hidden.iter() {
                        <li key={e.question.id.clone()} data-hidden-id={e.question.id.clone()}>
                            <strong>{ format!("{} {}", e.question.id, e.question.title) }</strong>
                            { ": " }{ e.reason() }
                        </li>
                    }
                </ul>
            </details>
        </section>
    }
}
