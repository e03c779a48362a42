//! Save to file and open from file. Dropping a file anywhere on the page is handled by the app
//! root (`on_drop` in lib.rs); this panel offers the same by button.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::notices::use_download_work;
use crate::import;
use crate::state::use_assessment;
use crate::text;

#[function_component(FileActions)]
pub fn file_actions() -> Html {
    let state = use_assessment();
    let save = use_download_work();
    let on_file = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                import::read_file(file, state.bank.clone(), state.clone());
            }
            // Let the same file be chosen again after a failed attempt.
            input.set_value("");
        })
    };
    html! {
        <section class="panel file-actions" aria-labelledby="file-actions-heading">
            <h3 id="file-actions-heading">{ text::SAVE_TO_FILE }{ " / " }{ text::OPEN_FROM_FILE }</h3>
            <div class="button-row">
                <button type="button" onclick={save} data-testid="save-file">{ text::SAVE_TO_FILE }</button>
                <label class="file-button" for="import-file">{ text::OPEN_FROM_FILE }</label>
                <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json"
                    data-testid="import-file" onchange={on_file} aria-describedby="import-hint" />
            </div>
            <p id="import-hint" class="help">{ text::OPEN_HINT }</p>
        </section>
    }
}
