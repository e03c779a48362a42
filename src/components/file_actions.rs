//! Save to file and open from file. Dropping a file anywhere on the page is handled by the app
//! root; this panel offers the same by button.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::encryption::SaveEncrypted;
use crate::hooks::use_app;
use crate::words::words;

#[component]
pub fn FileActions() -> Html {
    let app = use_app();
    let w = words();
    let save = {
        let app = app.clone();
        Callback::from(move |_| app.download_work())
    };
    let encrypting = use_state(|| false);
    let toggle = {
        let encrypting = encrypting.clone();
        Callback::from(move |_| encrypting.set(!*encrypting))
    };
    let on_file = Callback::from(move |event: Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            app.read_file(file);
        }
        // Let the same file be chosen again after a failed attempt.
        input.set_value("");
    });
    html! {
        <section class="panel file-actions" aria-labelledby="file-actions-heading">
            <h3 id="file-actions-heading">{ w.save_to_file() }{ " / " }{ w.open_from_file() }</h3>
            <div class="button-row">
                <button type="button" onclick={save} data-testid="save-file">{ w.save_to_file() }</button>
                <button type="button" onclick={toggle} data-testid="save-encrypted"
                    aria-expanded={(*encrypting).to_string()}>{ w.save_encrypted() }</button>
                <label class="file-button" for="import-file">{ w.open_from_file() }</label>
                <input type="file" id="import-file" class="visually-hidden" accept=".json,.age,application/json"
                    data-testid="import-file" onchange={on_file} aria-describedby="import-hint" />
            </div>
            <p id="import-hint" class="help">{ w.open_hint() }</p>
            if *encrypting {
                <SaveEncrypted />
            }
        </section>
    }
}
