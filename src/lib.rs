//! Browser shell of the self-assessment: shows the core's state and forwards the user's changes.

mod components;
pub mod format;
pub mod state;
pub mod text;

use std::rc::Rc;

use assessment_core::Bank;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use components::details_page::DetailsPage;
use components::family_nav::FamilyNav;
use components::family_page::FamilyPage;
use components::hidden_questions::HiddenQuestions;
use components::progress_bar::ProgressBar;
use components::score_panel::ScorePanel;
use components::start_screen::StartScreen;
use components::summary_page::SummaryPage;
use state::{AppState, AssessmentContext, Screen};

/// The question bank checked and converted to JSON by `build.rs`.
const BANK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bank.json"));

/// Parses the embedded bank. It was validated at build time, so failure here is a build defect.
pub fn embedded_bank() -> Rc<Bank> {
    Rc::new(Bank::from_json(BANK_JSON).expect("the embedded bank was validated at build time"))
}

/// The whole app: one reducer at the root, shared with components through context.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState::new(embedded_bank(), format::today()));
    {
        // Focus moves only when the user navigates, not when the page first loads, so the first
        // Tab still reaches the skip link.
        let first_render = use_mut_ref(|| true);
        let target = (state.screen, state.focus.clone());
        use_effect_with(target, move |(_, focus)| {
            if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
                move_focus(focus.as_deref());
            }
        });
    }
    let page = match state.screen {
        Screen::Start => html! { <StartScreen /> },
        Screen::Details => html! { <><DetailsPage /><HiddenQuestions /></> },
        Screen::Family(index) => html! { <FamilyPage {index} /> },
        Screen::Summary => html! { <><SummaryPage /><HiddenQuestions /></> },
    };
    let started = state.screen != Screen::Start;
    html! {
        <ContextProvider<AssessmentContext> context={state.clone()}>
            <a class="skip-link" href="#main">{ text::SKIP_LINK }</a>
            <header class="site-header">
                <h1>{ text::APP_TITLE }</h1>
                <p class="lede">{ text::APP_TAGLINE }</p>
                <ProgressBar />
            </header>
            <div class={classes!("layout", started.then_some("with-sidebar"))}>
                if started {
                    <aside class="sidebar">
                        <FamilyNav />
                        <ScorePanel />
                    </aside>
                }
                <main id="main" tabindex="-1">{ page }</main>
            </div>
            <footer class="site-footer">
                <p>{ text::footer(env!("CARGO_PKG_VERSION"), &state.bank.version) }</p>
                <p>{ text::PRIVACY_PROMISE }</p>
            </footer>
        </ContextProvider<AssessmentContext>>
    }
}

/// After a page change, puts the keyboard focus where the user continues: on a question's first
/// answer control, or on the new page's heading, and brings it into view.
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
