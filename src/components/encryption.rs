//! Passphrase-protected files: the form that saves one, and the prompt that opens one. The
//! passphrase lives only in these fields while typed, is handed to the encryption once, and is
//! cleared from the form after use; it is never stored, logged or put in the URL.

use assessment_core::encrypted::{check_new_passphrase, PassphraseProblem};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::reports::CryptFailure;
use crate::hooks::use_app;
use crate::words::words;

/// What a form's status line says.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Working,
    Done,
    Refused(PassphraseProblem),
    Failed(CryptFailure),
}

/// A labelled password field bound to `value`.
fn password_field(
    id: &'static str,
    label: &'static str,
    value: &UseStateHandle<String>,
    autocomplete: &'static str,
) -> Html {
    let oninput = {
        let value = value.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                value.set(input.value());
            }
        })
    };
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <input type="password" {id} data-testid={id} value={(**value).clone()} {oninput} {autocomplete}
                required=true />
        </div>
    }
}

fn status_line(status: &Status, working: &'static str) -> Html {
    let w = words();
    let (text, alert) = match status {
        Status::Idle => {
            return html! { <p class="download-status" role="status" data-testid="crypt-status"></p> }
        }
        Status::Working => (working.to_string(), false),
        Status::Done => (w.encrypted_saved().to_string(), false),
        Status::Refused(problem) => (w.passphrase_problem(*problem), true),
        Status::Failed(failure) => (w.crypt_failure(failure), true),
    };
    html! {
        <p class={classes!("download-status", alert.then_some("field-error"))} role="status" data-testid="crypt-status">
            if alert { <span aria-hidden="true">{ "\u{26a0} " }</span> }
            { text }
        </p>
    }
}

/// Saves the open assessment encrypted, after the passphrase is typed twice.
#[component]
pub fn SaveEncrypted() -> Html {
    let app = use_app();
    let w = words();
    let first = use_state(String::new);
    let second = use_state(String::new);
    let status = use_state(|| Status::Idle);
    let onsubmit = {
        let (first, second, status) = (first.clone(), second.clone(), status.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Err(problem) = check_new_passphrase(&first, &second) {
                status.set(Status::Refused(problem));
                return;
            }
            status.set(Status::Working);
            let passphrase = (*first).clone();
            first.set(String::new());
            second.set(String::new());
            let status = status.clone();
            app.save_encrypted(
                passphrase,
                Callback::from(move |outcome: Result<(), CryptFailure>| {
                    status.set(match outcome {
                        Ok(()) => Status::Done,
                        Err(failure) => Status::Failed(failure),
                    })
                }),
            );
        })
    };
    html! {
        <form class="encrypt-form" {onsubmit} data-testid="encrypt-form" aria-labelledby="encrypt-heading">
            <h4 id="encrypt-heading">{ w.encrypt_heading() }</h4>
            <p class="help">{ w.encrypt_explain() }</p>
            { password_field("passphrase", w.passphrase(), &first, "new-password") }
            { password_field("passphrase-again", w.passphrase_again(), &second, "new-password") }
            <button type="submit" class="primary" data-testid="encrypt-submit"
                disabled={*status == Status::Working}>{ w.encrypt_submit() }</button>
            { status_line(&status, w.encrypting()) }
        </form>
    }
}

/// Asks for the passphrase of an encrypted file that was opened.
#[component]
pub fn DecryptPrompt() -> Html {
    let app = use_app();
    let w = words();
    let passphrase = use_state(String::new);
    let status = use_state(|| Status::Idle);
    let onsubmit = {
        let (app, passphrase, status) = (app.clone(), passphrase.clone(), status.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            status.set(Status::Working);
            let typed = (*passphrase).clone();
            passphrase.set(String::new());
            let status = status.clone();
            app.decrypt_pending(
                typed,
                Callback::from(move |failure: Option<CryptFailure>| {
                    status.set(failure.map_or(Status::Idle, Status::Failed))
                }),
            );
        })
    };
    let cancel = Callback::from(move |_| app.cancel_decrypt());
    html! {
        <form class="banner confirm" {onsubmit} data-testid="decrypt-form" aria-labelledby="decrypt-heading">
            <h2 id="decrypt-heading">{ w.decrypt_heading() }</h2>
            <p>{ w.decrypt_explain() }</p>
            { password_field("decrypt-passphrase", w.passphrase(), &passphrase, "current-password") }
            <div class="button-row">
                <button type="submit" class="primary" data-testid="decrypt-submit"
                    disabled={*status == Status::Working}>{ w.decrypt_submit() }</button>
                <button type="button" onclick={cancel}>{ w.cancel() }</button>
            </div>
            { status_line(&status, w.decrypting()) }
        </form>
    }
}
