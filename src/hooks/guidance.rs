//! Loads the bank's guidance once the person leaves the first screen, which needs none of it.

use yew::prelude::*;

use crate::browser::reports::load_guidance;
use crate::state::{Action, AppState, Screen};

/// Starts loading the guidance when the screen is not the start screen and it is not there yet;
/// reports `Action::Guidance` with the outcome.
#[hook]
pub fn use_guidance(state: &UseReducerHandle<AppState>) {
    let wanted = state.screen != Screen::Start && !state.guidance;
    let dispatcher = state.dispatcher();
    use_effect_with(wanted, move |wanted| {
        if *wanted {
            wasm_bindgen_futures::spawn_local(async move {
                dispatcher.dispatch(Action::Guidance(load_guidance().await));
            });
        }
    });
}
