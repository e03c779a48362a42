//! The root component: one reducer, browser storage beside it, and the app handle shared with
//! every page through one context.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::{clock, persistence, storage::Store};
use crate::components::family_nav::FamilyNav;
use crate::components::notices::Notices;
use crate::components::{progress_bar, save_status, score_panel};
use crate::failure;
use crate::hooks::autosave::use_autosave;
use crate::hooks::focus::use_focus_on_navigation;
use crate::hooks::guidance::use_guidance;
use crate::hooks::AppHandle;
use crate::pages::{
    compare::ComparePage, details::DetailsPage, family::FamilyPage, first_pass::FirstPassPage,
    glossary::GlossaryPage, library::LibraryPage, results::ResultsPage,
    scan_preview::ScanPreviewPage, start::StartScreen, summary::SummaryPage,
};
use crate::state::{AppState, Notice, Screen};
use crate::words::words;
use crate::{bank, edition};

/// The state at start: the library and the assessment that was open last, with what was found.
fn restore(store: &Store) -> AppState {
    let loaded = persistence::load(store, bank());
    let notices = loaded
        .notices
        .into_iter()
        .map(Notice::Storage)
        .chain(loaded.notes.into_iter().map(Notice::File))
        .collect();
    AppState::restored(clock::today(), loaded.library, loaded.assessment, notices)
}

#[component]
pub fn App() -> Html {
    let store = use_memo((), |_| Store::open());
    let state = {
        let store = Rc::clone(&store);
        use_reducer(move || restore(&store))
    };
    use_focus_on_navigation(&state);
    use_guidance(&state);
    let save_now = use_autosave(&state, Rc::clone(&store));
    use_effect_with((), |_| failure::simulate_if_asked());
    let app = AppHandle::new(state.clone(), Rc::clone(&store), save_now);

    let page = match state.screen {
        Screen::Start => html! { <StartScreen /> },
        Screen::Details => html! { <DetailsPage /> },
        Screen::Family(index) => html! { <FamilyPage {index} /> },
        Screen::Summary => html! { <SummaryPage /> },
        Screen::Results => html! { <ResultsPage /> },
        Screen::Library => html! { <LibraryPage /> },
        Screen::FirstPass => html! { <FirstPassPage /> },
        Screen::Glossary => html! { <GlossaryPage /> },
        Screen::ScanPreview => html! { <ScanPreviewPage /> },
        Screen::Compare => html! { <ComparePage /> },
    };
    let started = !matches!(state.screen, Screen::Start);
    let on_drop = {
        let app = app.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let file = event
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                app.read_file(file);
            }
        })
    };
    // Without this the browser would open a dropped file in place of the app.
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let w = words();
    html! {
        <ContextProvider<AppHandle> context={app}>
            <div class="app" ondrop={on_drop} ondragover={on_drag_over}>
                <a class="skip-link" href="#main">{ w.skip_link() }</a>
                <header class="site-header">
                    <h1>{ w.app_title() }</h1>
                    <p class="lede">{ w.app_tagline() }</p>
                    <div class="header-status">
                        { progress_bar::view(&state) }
                        { save_status::view(&state) }
                    </div>
                </header>
                <div class={classes!("layout", started.then_some("with-sidebar"))}>
                    if started {
                        <aside class="sidebar">
                            <FamilyNav />
                            { score_panel::view(&state) }
                        </aside>
                    }
                    <main id="main" tabindex="-1">
                        <Notices />
                        { page }
                    </main>
                </div>
                <footer class="site-footer">
                    <p data-testid="version">{ w.footer(env!("CARGO_PKG_VERSION"), &bank().version, &bank().reviewed_on, &edition()) }</p>
                    <p>{ w.privacy_promise() }</p>
                </footer>
            </div>
        </ContextProvider<AppHandle>>
    }
}
