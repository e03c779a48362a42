//! The answers (and the score, if it is short) that keep the organisation from the next tier.

use assessment_core::TierResult;
use yew::prelude::*;

use crate::hooks::AppHandle;
use crate::words::words;

/// A plain view function rather than a component: it changes only with the evaluation, which
/// re-renders the whole page anyway, and each component costs code (docs/PERFORMANCE.md).
pub fn view(app: &AppHandle, tier: &TierResult) -> Html {
    let w = words();
    let go_to = |question: &str| {
        let app = app.clone();
        let question = question.to_owned();
        Callback::from(move |_| app.go_to_question(&question))
    };
    html! {
        <section class="panel" aria-labelledby="holding-heading" data-testid="gating">
            <h3 id="holding-heading">{ w.holding_heading() }</h3>
            if tier.next.is_none() {
                <p>{ w.holding_none() }</p>
            } else {
                <ul class="gating-list">
                    for g in &tier.gating {
                        <li key={g.question.clone()} data-gating-id={g.question.clone()}>
                            <button type="button" class="link-button" onclick={go_to(&g.question)}>
                                { format!("{} {}", g.question, g.title) }
                            </button>
                            { format!(" ({}): ", w.severity(g.severity)) }
                            { w.gating_line(g.answer_label(), g.needed_label()) }
                        </li>
                    }
                    if let Some(gate) = tier.score_gate {
                        <li>{ w.score_gate(gate.score, gate.needed) }</li>
                    }
                </ul>
            }
        </section>
    }
}
