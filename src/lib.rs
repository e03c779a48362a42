//! Browser shell of the self-assessment: shows the core's state and forwards the user's changes.
//! Storage, files and the clock are handled here, never in the core or the reducer.

mod components;
pub mod download;
pub mod failure;
pub mod format;
mod import;
pub mod persistence;
mod reports;
pub mod state;
pub mod storage;
pub mod text;

use std::rc::Rc;

use assessment_core::{Assessment, Bank};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use components::details_page::DetailsPage;
use components::family_nav::FamilyNav;
use components::family_page::FamilyPage;
use components::hidden_questions::hidden_questions;
use components::library_page::LibraryPage;
use components::notices::Notices;
use components::progress_bar::progress_bar;
use components::results_page::ResultsPage;
use components::save_status::save_status_line;
use components::score_panel::score_panel;
use components::start_screen::StartScreen;
use components::summary_page::SummaryPage;
use state::{Action, AppState, AssessmentContext, Screen};
use storage::Store;

/// The question bank, checked and encoded by `build.rs`.
pub(crate) const BANK_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bank.bin"));

/// Decodes the embedded bank. It was validated at build time, so failure here is a build defect.
pub fn embedded_bank() -> Rc<Bank> {
    Rc::new(
        Bank::from_bytes(BANK_BYTES)
            .unwrap_or_else(|_| unreachable!("the embedded bank was validated at build time")),
    )
}

/// Which edition this page is, from its `mbsa-edition` meta element: "hosted" for the
/// multi-file build, "single-file" for the one-file edition.
pub fn edition() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=mbsa-edition]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "hosted".to_owned())
}

/// The whole app: one reducer at the root, shared with components through context, with browser
/// storage beside it.
#[function_component(App)]
pub fn app() -> Html {
    let store = use_memo((), |_| Store::open());
    let state = {
        let store = Rc::clone(&store);
        use_reducer(move || {
            let bank = embedded_bank();
            let loaded = persistence::load(&store, &bank);
            AppState::restored(
                bank,
                format::today(),
                loaded.library,
                loaded.assessment,
                loaded.notices,
            )
        })
    };
    use_focus_on_navigation(&state);
    let save_now = use_autosave(&state, Rc::clone(&store));
    use_effect_with((), |_| failure::simulate_if_asked());

    let page = match state.screen {
        Screen::Start => html! { <StartScreen /> },
        Screen::Details => html! { <><DetailsPage />{ hidden_questions(&state) }</> },
        Screen::Family(index) => html! { <FamilyPage {index} /> },
        Screen::Summary => html! { <><SummaryPage />{ hidden_questions(&state) }</> },
        Screen::Results => html! { <ResultsPage /> },
        Screen::Library => html! { <LibraryPage /> },
    };
    let started = !matches!(state.screen, Screen::Start);
    let on_drop = {
        let state = state.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let file = event
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                import::read_file(file, Rc::clone(&state.bank), state.clone());
            }
        })
    };
    // Without this the browser would open a dropped file in place of the app.
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    html! {
        <ContextProvider<Rc<Store>> context={Rc::clone(&store)}>
        <ContextProvider<state::SaveNow> context={save_now}>
        <ContextProvider<AssessmentContext> context={state.clone()}>
            <div class="app" ondrop={on_drop} ondragover={on_drag_over}>
                <a class="skip-link" href="#main">{ text::SKIP_LINK }</a>
                <header class="site-header">
                    <h1>{ text::APP_TITLE }</h1>
                    <p class="lede">{ text::APP_TAGLINE }</p>
                    <div class="header-status">
                        { progress_bar(&state) }
                        { save_status_line(&state) }
                    </div>
                </header>
                <div class={classes!("layout", started.then_some("with-sidebar"))}>
                    if started {
                        <aside class="sidebar">
                            <FamilyNav />
                            { score_panel(&state) }
                        </aside>
                    }
                    <main id="main" tabindex="-1">
                        <Notices />
                        { page }
                    </main>
                </div>
                <footer class="site-footer">
                    <p data-testid="version">{ text::footer(env!("CARGO_PKG_VERSION"), &state.bank.version, &edition()) }</p>
                    <p>{ text::PRIVACY_PROMISE }</p>
                </footer>
            </div>
        </ContextProvider<AssessmentContext>>
        </ContextProvider<state::SaveNow>>
        </ContextProvider<Rc<Store>>>
    }
}

/// How long the autosave waits after a change before writing, so a burst of keystrokes or clicks
/// is written once instead of once per keystroke. Leaving the page writes at once.
const AUTOSAVE_DELAY_MS: u32 = 250;

/// Saves the assessment after every change (debounced), and at once when the page is hidden or
/// closed. An untouched, never-saved assessment is not stored.
#[hook]
fn use_autosave(state: &UseReducerHandle<AppState>, store: Rc<Store>) -> state::SaveNow {
    let last_saved = use_mut_ref(|| None::<Assessment>);
    // The save waiting to run; dropping the timer cancels it.
    let pending = use_mut_ref(|| None::<(gloo_timers::callback::Timeout, Rc<dyn Fn()>)>);
    let flush = {
        let pending = pending.clone();
        use_memo((), move |_| {
            move || {
                // Take the save out first: it dispatches, and the borrow must be over by then.
                let waiting = pending.borrow_mut().take();
                if let Some((timer, save)) = waiting {
                    drop(timer);
                    save();
                }
            }
        })
    };
    {
        let flush = Rc::clone(&flush);
        use_effect_with((), move |_| {
            let listener = on_page_hide(move || flush());
            move || drop(listener)
        });
    }
    let handle = state.clone();
    use_effect_with(state.assessment.clone(), move |assessment| {
        let unchanged = last_saved.borrow().as_ref() == Some(assessment);
        let nothing_yet = handle.library.current.is_none() && *assessment == Assessment::default();
        if !unchanged && !nothing_yet {
            let assessment = assessment.clone();
            let save: Rc<dyn Fn()> = Rc::new(move || {
                match persistence::save_current(&store, &handle.bank, &handle.library, &assessment)
                {
                    Ok(library) => handle.dispatch(Action::Saved {
                        library,
                        at: format::now_rfc3339(),
                    }),
                    Err(error) => handle.dispatch(Action::SaveFailed(error)),
                }
            });
            let run_later = {
                let pending = pending.clone();
                move || {
                    let waiting = pending.borrow_mut().take();
                    if let Some((_, save)) = waiting {
                        save();
                    }
                }
            };
            let timer = gloo_timers::callback::Timeout::new(AUTOSAVE_DELAY_MS, run_later);
            *pending.borrow_mut() = Some((timer, save));
        }
        *last_saved.borrow_mut() = Some(assessment.clone());
    });
    state::SaveNow(flush)
}

/// Runs `flush` when the page is hidden or about to go away (tab switch, close, reload).
fn on_page_hide(flush: impl Fn() + 'static) -> Option<PageHideListener> {
    let window = web_sys::window()?;
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(flush);
    let function: &js_sys::Function = callback.as_ref().unchecked_ref();
    for event in ["pagehide", "visibilitychange"] {
        window
            .add_event_listener_with_callback(event, function)
            .ok()?;
    }
    Some(PageHideListener { window, callback })
}

/// Removes its listeners when dropped.
struct PageHideListener {
    window: web_sys::Window,
    callback: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl Drop for PageHideListener {
    fn drop(&mut self) {
        let function: &js_sys::Function = self.callback.as_ref().unchecked_ref();
        for event in ["pagehide", "visibilitychange"] {
            let _ = self
                .window
                .remove_event_listener_with_callback(event, function);
        }
    }
}

/// Moves the focus when the user navigates, not when the page first loads, so the first Tab
/// still reaches the skip link.
#[hook]
fn use_focus_on_navigation(state: &UseReducerHandle<AppState>) {
    let first_render = use_mut_ref(|| true);
    let target = (state.screen, state.focus.clone());
    use_effect_with(target, move |(_, focus)| {
        if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
            move_focus(focus.as_deref());
        }
    });
}

/// Puts the keyboard focus where the user continues: on a question's first answer control, or
/// on the new page's heading, and brings it into view.
fn move_focus(question: Option<&str>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = match question {
        Some(id) => format!("[data-question-id=\"{id}\"] input[type=radio]"),
        None => "#main .page-heading".to_string(),
    };
    let target = document
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = target {
        let _ = element.focus();
        element.scroll_into_view();
    }
}
