//! The list of pages with per-family progress; the current page is marked for assistive tech.

use yew::prelude::*;

use crate::state::{use_assessment, Action, Screen};
use crate::text;

#[function_component(FamilyNav)]
pub fn family_nav() -> Html {
    let state = use_assessment();
    let item = |screen: Screen, label: String, progress: Option<(String, bool)>| {
        let current = state.screen == screen;
        let onclick = {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(Action::Go(screen)))
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
                                <span class="visually-hidden">{ format!("{}, ", text::FAMILY_COMPLETE) }</span>
                            }
                            { counts }
                        </span>
                    }
                </button>
            </li>
        }
    };
    let families = state
        .bank
        .families
        .iter()
        .enumerate()
        .map(|(index, family)| {
            let tally = state.scores.families[index].tally;
            let complete = tally.unanswered == 0;
            let counts = text::family_progress(tally.answered(), tally.applicable);
            item(
                Screen::Family(index),
                family.title.clone(),
                Some((counts, complete)),
            )
        });
    html! {
        <nav class="family-nav" aria-label={text::NAV_LABEL}>
            <ol>
                { item(Screen::Start, text::NAV_START.into(), None) }
                { item(Screen::Details, text::NAV_DETAILS.into(), None) }
                { for families }
                { item(Screen::Summary, text::NAV_SUMMARY.into(), None) }
                { item(Screen::Results, text::NAV_RESULTS.into(), None) }
                { item(Screen::Library, text::NAV_LIBRARY.into(), None) }
            </ol>
        </nav>
    }
}
