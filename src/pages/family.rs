//! One family of questions per page, with previous / next and a jump to the next unanswered one.

use assessment_core::{Facts, Progress};
use yew::prelude::*;

use crate::bank;
use crate::components::question_card::{scan_of, QuestionCard};
use crate::hooks::use_app;
use crate::state::Screen;
use crate::words::words;

#[derive(Properties, PartialEq)]
pub struct FamilyPageProps {
    pub index: usize,
}

#[component]
pub fn FamilyPage(props: &FamilyPageProps) -> Html {
    let app = use_app();
    let w = words();
    let Some(family) = bank().families.get(props.index) else {
        return Html::default();
    };
    let facts = Facts::from_answers(bank(), &app.assessment.profile);
    let (shown, hidden): (Vec<_>, Vec<_>) = bank()
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.family == family.id)
        .partition(|(_, q)| facts.applies(q));
    let closed =
        assessment_core::scoring::closed(bank(), &app.assessment).contains(&family.id.as_str());
    let dispatcher = app.dispatcher();
    let tally = app.scores.families[props.index].tally;
    let last = bank().families.len() - 1;
    let go = |screen: Screen| {
        let app = app.clone();
        Callback::from(move |_| app.go(screen))
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
    // The core decides what is still unanswered, by the same rule as the score.
    let progress = Progress::of(bank(), &app.assessment);
    let next_unanswered = progress
        .next_from(props.index)
        .map(|p| p.question.id.clone());
    let jump = {
        let app = app.clone();
        let target = next_unanswered.clone();
        Callback::from(move |_| {
            if let Some(question) = &target {
                app.go_to_question(question);
            }
        })
    };
    html! {
        <>
            <h2 class="page-heading" tabindex="-1" data-family-id={family.id.clone()}>{ &family.title }</h2>
            <p class="family-summary">{ &family.summary }</p>
            <p class="family-score">{ w.family_score(tally.percent(), tally.answered(), tally.applicable) }</p>
            if let Some(rule) = family.closes.as_ref().filter(|_| closed) {
                <p class="notice notice-info" role="status" data-testid="family-closed">
                    <span aria-hidden="true">{ "\u{2713} " }</span>{ w.family_closed(&rule.reason) }
                </p>
            }
            if !hidden.is_empty() {
                <p class="muted">{ w.family_hidden(hidden.len()) }</p>
            }
            <div class="questions">
                for (index, q) in &shown {
                    <QuestionCard key={q.id.clone()} index={*index}
                        record={app.assessment.record(&q.id).cloned()} guidance={app.guidance}
                        scan={scan_of(&app.assessment, &q.id)} dispatcher={dispatcher.clone()} />
                }
            </div>
            <div class="pager">
                <button type="button" onclick={go(previous)} data-testid="previous">{ "\u{2190} " }{ w.previous() }</button>
                if next_unanswered.is_some() {
                    <button type="button" onclick={jump} data-testid="next-unanswered">{ w.next_unanswered() }</button>
                } else {
                    <p class="muted" data-testid="all-answered">{ w.all_answered() }</p>
                }
                <button type="button" class="primary" onclick={go(next)} data-testid="next">{ w.next() }{ " \u{2192}" }</button>
            </div>
        </>
    }
}
