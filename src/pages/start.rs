//! The start screen: what the tool is, what it covers, the privacy promise, how long it takes.

use assessment_core::first_pass::MAX_QUESTIONS;
use yew::prelude::*;

use crate::bank;
use crate::components::file_actions::FileActions;
use crate::hooks::use_app;
use crate::state::Screen;
use crate::words::words;

/// The sources shown on the start screen, by id: the incident, the directive, the advisory, SCuBA.
const HEADLINE_SOURCES: [&str; 5] = ["S9", "S10", "S1", "S14", "S15"];

#[component]
pub fn StartScreen() -> Html {
    let app = use_app();
    let w = words();
    let start_new = {
        let app = app.clone();
        Callback::from(move |_| app.start_new())
    };
    let start_first_pass = {
        let app = app.clone();
        Callback::from(move |_| app.start_first_pass())
    };
    let go = |screen: Screen| {
        let app = app.clone();
        Callback::from(move |_| app.go(screen))
    };
    let stored = app.library.entries.len();
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ w.start_what_heading() }</h2>
            <p class="privacy">{ w.privacy_promise() }</p>
            <p>{ w.start_what() }</p>
            <p>{ w.start_who() }</p>
            <h3>{ w.start_covers_heading() }</h3>
            <p>{ w.start_sources_intro(bank().sources.len()) }</p>
            <ul class="source-list">
                for source in HEADLINE_SOURCES.iter().filter_map(|id| bank().source(id)) {
                    <li key={source.id.clone()}>
                        { format!("{}: ", source.publisher) }<cite>{ &source.title }</cite>{ format!(" ({})", source.date) }
                    </li>
                }
            </ul>
            <h3>{ w.start_time_heading() }</h3>
            <p>{ w.start_time(bank().questions.len()) }</p>
            <p id="first-pass-hint">{ w.start_first_pass_hint(MAX_QUESTIONS) }</p>
            <div class="pager start-actions">
                if app.has_work() {
                    <button type="button" class="primary" onclick={go(Screen::Details)} data-testid="continue">{ w.start_continue() }</button>
                    <button type="button" onclick={go(Screen::FirstPass)} data-testid="first-pass"
                        aria-describedby="first-pass-hint">{ w.start_first_pass() }</button>
                    <button type="button" onclick={start_new} data-testid="start-new"
                        aria-describedby="replace-warning">{ w.start_new() }</button>
                    <p id="replace-warning" class="muted">{ w.start_replace_warning() }</p>
                } else {
                    <button type="button" class="primary" onclick={start_new} data-testid="start-new">{ w.start_new() }</button>
                    <button type="button" onclick={start_first_pass} data-testid="first-pass"
                        aria-describedby="first-pass-hint">{ w.start_first_pass() }</button>
                }
                if stored > 0 {
                    <button type="button" onclick={go(Screen::Library)} data-testid="open-library">{ w.nav_library() }{ format!(" ({stored})") }</button>
                }
            </div>
            <FileActions />
        </>
    }
}
