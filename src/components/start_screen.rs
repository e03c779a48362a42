//! The start screen: what the tool is, what it covers, the privacy promise, how long it takes.

use yew::prelude::*;

use super::file_actions::FileActions;
use crate::state::{use_assessment, use_save_now, Action, Screen};
use crate::text;

/// The sources shown on the start screen, by id: the incident, the directive, the advisory, SCuBA.
const HEADLINE_SOURCES: [&str; 5] = ["S9", "S10", "S1", "S14", "S15"];

#[function_component(StartScreen)]
pub fn start_screen() -> Html {
    let state = use_assessment();
    let has_work = state.assessment != Default::default();
    let save_now = use_save_now();
    let start_new = {
        let state = state.clone();
        Callback::from(move |_| {
            save_now.run();
            state.dispatch(Action::StartNew)
        })
    };
    let resume = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Go(Screen::Details)))
    };
    let library = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Go(Screen::Library)))
    };
    let stored = state.library.entries.len();
    let sources = HEADLINE_SOURCES
        .iter()
        .filter_map(|id| state.bank.source(id));
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ text::START_WHAT_HEADING }</h2>
            <p class="privacy">{ text::PRIVACY_PROMISE }</p>
            <p>{ text::START_WHAT }</p>
            <p>{ text::START_WHO }</p>
            <h3>{ text::START_COVERS_HEADING }</h3>
            <p>{ text::start_sources_intro(state.bank.sources.len()) }</p>
            <ul class="source-list">
                { for sources.map(|s| html! {
                    <li key={s.id.clone()}>
                        { format!("{}: ", s.publisher) }<cite>{ &s.title }</cite>{ format!(" ({})", s.date) }
                    </li>
                }) }
            </ul>
            <h3>{ text::START_TIME_HEADING }</h3>
            <p>{ text::start_time(state.bank.questions.len()) }</p>
            <div class="pager start-actions">
                if has_work {
                    <button type="button" class="primary" onclick={resume} data-testid="continue">{ text::START_CONTINUE }</button>
                    <button type="button" onclick={start_new} data-testid="start-new"
                        aria-describedby="replace-warning">{ text::START_NEW }</button>
                    <p id="replace-warning" class="muted">{ text::START_REPLACE_WARNING }</p>
                } else {
                    <button type="button" class="primary" onclick={start_new} data-testid="start-new">{ text::START_NEW }</button>
                }
                if stored > 0 {
                    <button type="button" onclick={library} data-testid="open-library">{ text::NAV_LIBRARY }{ format!(" ({stored})") }</button>
                }
            </div>
            <FileActions />
        </>
    }
}
