//! When the work was last saved, always visible in the header.

use yew::prelude::*;

use crate::state::{AppState, SaveStatus};
use crate::{format, text};

/// The header's save line; a plain function, as it only reads the state App already has.
pub fn save_status_line(state: &AppState) -> Html {
    let (mark, message, failed) = match &state.save {
        SaveStatus::NotYet => ("\u{25cb} ", text::SAVE_NOT_YET.to_string(), false),
        SaveStatus::Saved(at) => ("\u{2714} ", text::saved_at(&format::time_of_day(at)), false),
        SaveStatus::Failed(error) => ("\u{26a0} ", text::store_error(*error).to_string(), true),
    };
    html! {
        <p class={classes!("save-status", failed.then_some("failed"))} data-testid="save-status" role="status">
            <span aria-hidden="true">{ mark }</span>
            { message }
        </p>
    }
}
