//! Browser shell of the self-assessment: shows the core's state and forwards the user's changes.

mod components;
pub mod state;

use std::rc::Rc;

use assessment_core::Bank;
use yew::prelude::*;

use components::family_section::FamilySection;
use components::hidden_questions::HiddenQuestions;
use components::profile_section::ProfileSection;
use components::score_panel::ScorePanel;
use state::{AppState, AssessmentContext};

/// The question bank checked and converted to JSON by `build.rs`.
const BANK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bank.json"));

/// Parses the embedded bank. It was validated at build time, so failure here is a build defect.
pub fn embedded_bank() -> Rc<Bank> {
    Rc::new(Bank::from_json(BANK_JSON).expect("the embedded bank was validated at build time"))
}

/// The whole app: one reducer at the root, shared with components through context.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState::new(embedded_bank()));
    let families = state.bank.families.clone();
    html! {
        <ContextProvider<AssessmentContext> context={state}>
            <header class="site-header">
                <h1>{ "Midnight Blizzard response self-assessment" }</h1>
                <p class="lede">
                    { "Answer each question for your organisation. Everything stays in this browser." }
                </p>
            </header>
            <main id="main" class="layout">
                <ScorePanel />
                <div class="families">
                    <ProfileSection />
                    { for families.iter().map(|family| html! {
                        <FamilySection key={family.id.clone()} family_id={family.id.clone()} />
                    }) }
                    <HiddenQuestions />
                </div>
            </main>
        </ContextProvider<AssessmentContext>>
    }
}
