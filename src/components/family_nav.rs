//! The list of pages with per-family progress; the current page is marked for assistive tech.

use yew::prelude::*;

use crate::bank;
use crate::hooks::use_app;
use crate::state::Screen;
use crate::words::words;

#[component]
pub fn FamilyNav() -> Html {
    let app = use_app();
    let w = words();
    let item = |screen: Screen, label: String, progress: Option<(String, bool)>| {
        let current = app.screen == screen;
        let onclick = {
            let app = app.clone();
            Callback::from(move |_| app.go(screen))
        };
        html! {
            <li>
                <button type="button" class={classes!("nav-item", current.then_some("current"))}
                    aria-current={current.then_some("page")} {onclick}>
                    <span class="nav-label">{ label }</span>
                    if let Some((counts, complete)) = progress {
                        <span class="nav-progress">
                            if complete {
                                <span aria-hidden="true">{ "\u{2713} " }</span>
                                <span class="visually-hidden">{ format!("{}, ", w.family_complete()) }</span>
                            }
                            { counts }
                        </span>
                    }
                </button>
            </li>
        }
    };
    let families = bank()
        .families
        .iter()
        .zip(&app.scores.families)
        .enumerate()
        .map(|(index, (family, score))| {
            let tally = score.tally;
            let counts = w.family_progress(tally.answered(), tally.applicable);
            item(
                Screen::Family(index),
                family.title.clone(),
                Some((counts, tally.unanswered == 0)),
            )
        });
    html! {
        <nav class="family-nav" aria-label={w.nav_label()}>
            <ol>
                { item(Screen::Start, w.nav_start().into(), None) }
                { item(Screen::FirstPass, w.nav_first_pass().into(), None) }
                { item(Screen::Details, w.nav_details().into(), None) }
                { for families }
                { item(Screen::Summary, w.nav_summary().into(), None) }
                { item(Screen::Results, w.nav_results().into(), None) }
                { item(Screen::Library, w.nav_library().into(), None) }
                { item(Screen::Glossary, w.nav_glossary().into(), None) }
            </ol>
        </nav>
    }
}
