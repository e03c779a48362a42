//! The banner area: storage failures with a download offer, problems found in stored data or an
//! opened file, a file that could not be opened, a file waiting to be confirmed, and undo.

use std::rc::Rc;

use assessment_core::files::file_name;
use assessment_core::savefile::Opened;
use yew::prelude::*;

use crate::persistence;
use crate::state::{use_assessment, use_save_now, use_store, Action, SaveStatus};
use crate::{download, text};

/// Offers the current assessment as a file.
#[hook]
pub fn use_download_work() -> Callback<MouseEvent> {
    let state = use_assessment();
    Callback::from(move |_| {
        let details = &state.assessment.details;
        let name = file_name(
            &details.organisation,
            details.assessed_on,
            "assessment",
            "json",
        );
        let file = persistence::as_file(&state.bank, &state.assessment);
        download::download(&name, "application/json", &file);
    })
}

#[function_component(Notices)]
pub fn notices() -> Html {
    let state = use_assessment();
    let download_work = use_download_work();
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotices))
    };
    let memory_only = matches!(state.save, SaveStatus::Failed(_));
    html! {
        <div class="notices">
            if memory_only {
                <div class="banner warning" role="alert" data-testid="storage-banner">
                    <p>
                        <strong><span aria-hidden="true">{ "\u{26a0} " }</span>
                        { if let SaveStatus::Failed(e) = &state.save { text::store_error(*e) } else { "" } }</strong>
                        { ". " }{ text::BANNER_MEMORY_ONLY }
                    </p>
                    <button type="button" onclick={download_work.clone()} data-testid="download-work">{ text::DOWNLOAD_WORK }</button>
                </div>
            }
            if let Some(error) = &state.import_error {
                <div class="banner error" role="alert" data-testid="import-error">
                    <h2>{ text::IMPORT_FAILED_HEADING }</h2>
                    <p>{ error }</p>
                    <p>{ text::IMPORT_UNTOUCHED }</p>
                    <button type="button" onclick={dismiss.clone()}>{ text::DISMISS }</button>
                </div>
            }
            if let Some(opened) = &state.pending_import {
                <ImportConfirm opened={Rc::clone(opened)} />
            }
            if !state.notices.is_empty() {
                <div class="banner info" role="status" data-testid="notices">
                    <ul>{ for state.notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                    <button type="button" onclick={dismiss}>{ text::DISMISS }</button>
                </div>
            }
            if state.undo.is_some() {
                <UndoBar />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ImportConfirmProps {
    opened: Rc<Opened>,
}

/// Asks before a checked file replaces the current assessment.
#[function_component(ImportConfirm)]
fn import_confirm(props: &ImportConfirmProps) -> Html {
    let state = use_assessment();
    let store = use_store();
    let save_now = use_save_now();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let opened = &props.opened;
    let confirm = {
        let state = state.clone();
        let opened = Rc::clone(opened);
        Callback::from(move |_| {
            save_now.run();
            // Storage failure is not fatal: the opened work stays in memory and the banner says so.
            let library = persistence::add_opened(&store, &state.bank, &state.library, &opened)
                .unwrap_or_else(|_| state.library.clone());
            state.dispatch(Action::Open {
                assessment: opened.assessment.clone(),
                library,
                notes: opened.notes.clone(),
            });
        })
    };
    let cancel = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ImportCancelled))
    };
    let summary = text::import_summary(
        &opened.assessment.details.organisation,
        opened.assessment.answers.len(),
        opened.version,
        &opened.app_version,
    );
    html! {
        <div class="banner confirm" role="alertdialog" aria-labelledby="import-confirm-heading"
            aria-describedby="import-confirm-summary" data-testid="import-confirm">
            <h2 id="import-confirm-heading" tabindex="-1" ref={heading}>{ text::IMPORT_CONFIRM_HEADING }</h2>
            <p id="import-confirm-summary">{ summary }</p>
            if !opened.notes.is_empty() {
                <p>{ text::IMPORT_NOTES_HEADING }</p>
                <ul>{ for opened.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
            <p>{ text::IMPORT_KEEPS_CURRENT }</p>
            <div class="button-row">
                <button type="button" class="primary" onclick={confirm} data-testid="import-confirm-open">{ text::IMPORT_CONFIRM }</button>
                <button type="button" onclick={cancel} data-testid="import-cancel">{ text::CANCEL }</button>
            </div>
        </div>
    }
}

/// After an opening, the way back.
#[function_component(UndoBar)]
fn undo_bar() -> Html {
    let state = use_assessment();
    let save_now = use_save_now();
    let undo = Callback::from(move |_| {
        save_now.run();
        state.dispatch(Action::UndoOpen)
    });
    html! {
        <div class="banner info" role="status">
            <p>{ text::OPENED_NOTICE }</p>
            <button type="button" onclick={undo} data-testid="undo-open">{ text::UNDO_OPEN }</button>
        </div>
    }
}
