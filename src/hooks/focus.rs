//! Keyboard focus after navigation: on the question the person was sent to, or on the new page's
//! heading, but not on first load, so the first Tab still reaches the skip link.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::AppState;

/// Moves the focus when the person navigates.
#[hook]
pub fn use_focus_on_navigation(state: &AppState) {
    let first_render = use_mut_ref(|| true);
    let target = (state.screen, state.focus.clone());
    use_effect_with(target, move |(_, focus)| {
        if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
            move_focus(focus.as_deref());
        }
    });
}

/// Puts the keyboard focus on a question's first answer control, or on the page heading, and
/// brings it into view.
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
