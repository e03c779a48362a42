//! One family of questions per page, with previous / next and a jump to the next unanswered one.

use assessment_core::Facts;
use yew::prelude::*;

use super::question_card::QuestionCard;
use crate::state::{use_assessment, Action, Screen, SharedBank};
use crate::text;

#[derive(Properties, PartialEq)]
pub struct FamilyPageProps {
    pub index: usize,
}

#[function_component(FamilyPage)]
pub fn family_page(props: &FamilyPageProps) -> Html {
    let state = use_assessment();
    let Some(family) = state.bank.families.get(props.index) else {
        return Html::default();
    };
    let facts = Facts::from_answers(&state.bank, &state.assessment.profile);
    let (shown, hidden): (Vec<_>, Vec<_>) = state
        .bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.family == family.id)
        .partition(|(_, q)| facts.applies(q));
    let bank = SharedBank(state.bank.clone());
    let dispatcher = state.dispatcher();
    let tally = state.scores.families[props.index].tally;
    let last = state.bank.families.len() - 1;
    let go = |screen: Screen| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Go(screen)))
    };
    let previous = match props.index {
        0 => Screen::Details,
        n => Screen::Family(n - 1),
    };
    let next = if props.index == last {
        Screen::Summary
    } else {
        Screen::Family(props.index + 1)
    };
    let next_unanswered = state.next_unanswered(props.index);
    let jump = {
        let state = state.clone();
        let target = next_unanswered.clone();
        Callback::from(move |_| {
            if let Some((index, question)) = target.clone() {
                state.dispatch(Action::GoToQuestion(index, question));
            }
        })
    };
    html! {
        <>
            <h2 class="page-heading" tabindex="-1" data-family-id={family.id.clone()}>{ &family.title }</h2>
            <p class="family-summary">{ &family.summary }</p>
            <p class="family-score">{ text::family_score(tally.percent(), tally.answered(), tally.applicable) }</p>
            if !hidden.is_empty() {
                <p class="muted">{ text::family_hidden(hidden.len()) }</p>
            }
            <div class="questions">
                { for shown.iter().map(|(index, q)| html! {
                    <QuestionCard key={q.id.clone()} bank={bank.clone()} index={*index}
                        record={state.assessment.record(&q.id).cloned()} dispatcher={dispatcher.clone()} />
                }) }
            </div>
            <div class="pager">
                <button type="button" onclick={go(previous)} data-testid="previous">{ "\u{2190} " }{ text::PREVIOUS }</button>
                if next_unanswered.is_some() {
                    <button type="button" onclick={jump} data-testid="next-unanswered">{ text::NEXT_UNANSWERED }</button>
                } else {
                    <p class="muted">{ text::ALL_ANSWERED }</p>
                }
                <button type="button" class="primary" onclick={go(next)} data-testid="next">{ text::NEXT }{ " \u{2192}" }</button>
            </div>
        </>
    }
}
