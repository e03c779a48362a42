//! The summary when the walk-through is done: progress and score per family, what is left.

use assessment_core::{Facts, Response};
use yew::prelude::*;

use crate::state::{use_assessment, Action, Screen};
use crate::text;

#[function_component(SummaryPage)]
pub fn summary_page() -> Html {
    let state = use_assessment();
    let facts = Facts::from_answers(&state.bank, &state.assessment.profile);
    let overall = state.scores.overall;
    let unanswered: Vec<(usize, &assessment_core::Question)> = state
        .bank
        .families
        .iter()
        .enumerate()
        .flat_map(|(index, family)| state.bank.questions_in(&family.id).map(move |q| (index, q)))
        .filter(|(_, q)| facts.applies(q) && state.assessment.response(&q.id).is_none())
        .collect();
    let needs_reason = state
        .assessment
        .answers
        .values()
        .filter(|r| r.response.as_ref().is_some_and(Response::needs_reason))
        .count();
    let to_results = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Go(Screen::Results)))
    };
    let rows = state
        .bank
        .families
        .iter()
        .zip(&state.scores.families)
        .map(|(family, score)| {
            let t = score.tally;
            html! {
                <tr key={family.id.clone()}>
                    <th scope="row">{ &family.title }</th>
                    <td>{ text::family_progress_long(t.answered(), t.applicable) }</td>
                    <td>{ format!("{}{}", t.percent(), text::SCORE_OF) }</td>
                </tr>
            }
        });
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ text::SUMMARY_HEADING }</h2>
            <p data-testid="summary-status">
                if unanswered.is_empty() {
                    { text::SUMMARY_DONE }
                } else {
                    { text::summary_remaining(overall.unanswered) }
                }
            </p>
            if needs_reason > 0 {
                <p class="field-error">{ text::summary_needs_reason(needs_reason) }</p>
            }
            <div class="pager">
                <button type="button" class="primary" onclick={to_results} data-testid="to-results">{ text::TO_RESULTS }</button>
            </div>
            <table class="summary-table">
                <caption>{ text::SUMMARY_CAPTION }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ text::SUMMARY_FAMILY }</th>
                        <th scope="col">{ text::SUMMARY_ANSWERED }</th>
                        <th scope="col">{ text::SUMMARY_SCORE }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            if !unanswered.is_empty() {
                <h3>{ text::SUMMARY_UNANSWERED_HEADING }</h3>
                <ul class="unanswered-list">
                    { for unanswered.iter().map(|(index, q)| {
                        let onclick = {
                            let state = state.clone();
                            let target = (*index, q.id.clone());
                            Callback::from(move |_| state.dispatch(Action::GoToQuestion(target.0, target.1.clone())))
                        };
                        html! {
                            <li key={q.id.clone()}>
                                <button type="button" class="link-button" {onclick}>
                                    { format!("{} {}", q.id, q.title) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </>
    }
}
