//! The summary when the walk-through is done: progress and score per family, what is left.

use assessment_core::Progress;
use yew::prelude::*;

use crate::bank;
use crate::components::hidden_questions;
use crate::hooks::use_app;
use crate::state::Screen;
use crate::words::words;

#[component]
pub fn SummaryPage() -> Html {
    let app = use_app();
    let w = words();
    // The core decides what is still open, by the same rule as the score.
    let progress = Progress::of(bank(), &app.assessment);
    let needs_reason = progress.needing_reason().count();
    let to_results = {
        let app = app.clone();
        Callback::from(move |_| app.go(Screen::Results))
    };
    let go_to = |question: &str| {
        let app = app.clone();
        let question = question.to_owned();
        Callback::from(move |_| app.go_to_question(&question))
    };
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ w.summary_heading() }</h2>
            <p data-testid="summary-status">
                if progress.is_complete() {
                    { w.summary_done() }
                } else {
                    { w.summary_remaining(progress.pending.len()) }
                }
            </p>
            if needs_reason > 0 {
                <p class="field-error" data-testid="summary-needs-reason">{ w.summary_needs_reason(needs_reason) }</p>
            }
            <div class="pager">
                <button type="button" class="primary" onclick={to_results} data-testid="to-results">{ w.to_results() }</button>
            </div>
            <table class="summary-table">
                <caption>{ w.summary_caption() }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ w.summary_family() }</th>
                        <th scope="col">{ w.summary_answered() }</th>
                        <th scope="col">{ w.summary_score() }</th>
                    </tr>
                </thead>
                <tbody>
                    for (family, score) in bank().families.iter().zip(&app.scores.families) {
                        <tr key={family.id.clone()}>
                            <th scope="row">{ &family.title }</th>
                            <td>{ w.family_progress_long(score.tally.answered(), score.tally.applicable) }</td>
                            <td>{ format!("{}{}", score.tally.percent(), w.score_of()) }</td>
                        </tr>
                    }
                </tbody>
            </table>
            if !progress.is_complete() {
                <h3>{ w.summary_unanswered_heading() }</h3>
                <ul class="unanswered-list" data-testid="unanswered">
                    for pending in &progress.pending {
                        <li key={pending.question.id.clone()}>
                            <button type="button" class="link-button" onclick={go_to(&pending.question.id)}>
                                { format!("{} {}", pending.question.id, pending.question.title) }
                            </button>
                        </li>
                    }
                </ul>
            }
            { hidden_questions::view(&app.assessment) }
        </>
    }
}
