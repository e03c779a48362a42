//! When the work was last saved, always visible in the header.

use yew::prelude::*;

use crate::format;
use crate::state::{AppState, SaveStatus};
use crate::words::words;

/// The header's save line; a plain function, as it only reads the state App already has.
pub fn view(state: &AppState) -> Html {
    let w = words();
    let (mark, message, failed) = match &state.save {
        SaveStatus::NotYet => ("\u{25cb} ", w.save_not_yet().to_string(), false),
        SaveStatus::Saved(at) => ("\u{2714} ", w.saved_at(&format::time_of_day(at)), false),
        SaveStatus::Failed(error) => ("\u{26a0} ", w.store_error(*error).to_string(), true),
    };
    html! {
        <p class={classes!("save-status", failed.then_some("failed"))} data-testid="save-status" role="status">
            <span aria-hidden="true">{ mark }</span>
            { message }
        </p>
    }
}
