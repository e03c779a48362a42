//! The banner area: storage failures with a download offer, problems found in stored data or an
//! opened file, a file that could not be opened, a file waiting to be confirmed, and undo.

use yew::prelude::*;

use super::encryption::DecryptPrompt;
use crate::browser::storage::StoreError;
use crate::hooks::use_app;
use crate::state::SaveStatus;
use crate::words::words;

#[component]
pub fn Notices() -> Html {
    let app = use_app();
    let w = words();
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dismiss_notices())
    };
    let download_work = {
        let app = app.clone();
        Callback::from(move |_| app.download_work())
    };
    html! {
        <div class="notices">
            if let SaveStatus::Failed(error) = &app.save {
                <div class="banner warning" role="alert" data-testid="storage-banner">
                    <p>
                        <strong><span aria-hidden="true">{ "\u{26a0} " }</span>{ w.store_error(*error) }</strong>
                        { ". " }{ w.banner_memory_only() }
                    </p>
                    if *error == StoreError::Full {
                        <p data-testid="storage-full-advice">{ w.make_room(&app.room()) }</p>
                    }
                    <button type="button" onclick={download_work} data-testid="download-work">{ w.download_work() }</button>
                </div>
            }
            if let Some(error) = &app.import_error {
                <div class="banner error" role="alert" data-testid="import-error">
                    <h2>{ w.import_failed_heading() }</h2>
                    <p>{ w.import_error(error) }</p>
                    <p>{ w.import_untouched() }</p>
                    <button type="button" onclick={dismiss.clone()}>{ w.dismiss() }</button>
                </div>
            }
            if app.pending_decrypt.is_some() {
                <DecryptPrompt />
            }
            if app.pending_import.is_some() {
                <ImportConfirm />
            }
            if !app.notices.is_empty() {
                <div class="banner info" role="status" data-testid="notices">
                    <ul>
                        for notice in &app.notices {
                            <li>{ w.notice(notice) }</li>
                        }
                    </ul>
                    <button type="button" onclick={dismiss}>{ w.dismiss() }</button>
                </div>
            }
            if app.undo.is_some() {
                <UndoBar />
            }
            if app.scan_undo.is_some() {
                <UndoScanBar />
            }
        </div>
    }
}

/// Asks before a checked file replaces the current assessment.
#[component]
fn ImportConfirm() -> Html {
    let app = use_app();
    let w = words();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let Some(opened) = app.pending_import.clone() else {
        return Html::default();
    };
    let confirm = {
        let app = app.clone();
        Callback::from(move |_| app.confirm_import())
    };
    let cancel = Callback::from(move |_| app.cancel_import());
    let summary = w.import_summary(
        &opened.assessment.details.organisation,
        opened.assessment.answers.len(),
        opened.version,
        &opened.app_version,
    );
    html! {
        <div class="banner confirm" role="alertdialog" aria-labelledby="import-confirm-heading"
            aria-describedby="import-confirm-summary" data-testid="import-confirm">
            <h2 id="import-confirm-heading" tabindex="-1" ref={heading}>{ w.import_confirm_heading() }</h2>
            <p id="import-confirm-summary">{ summary }</p>
            if !opened.notes.is_empty() {
                <p>{ w.import_notes_heading() }</p>
                <ul>
                    for note in &opened.notes {
                        <li>{ w.open_note(note) }</li>
                    }
                </ul>
            }
            <p>{ w.import_keeps_current() }</p>
            <div class="button-row">
                <button type="button" class="primary" onclick={confirm} data-testid="import-confirm-open">{ w.import_confirm() }</button>
                <button type="button" onclick={cancel} data-testid="import-cancel">{ w.cancel() }</button>
            </div>
        </div>
    }
}

/// After an opening, the way back.
#[component]
fn UndoBar() -> Html {
    let app = use_app();
    let w = words();
    let undo = Callback::from(move |_| app.undo_open());
    html! {
        <div class="banner info" role="status">
            <p>{ w.opened_notice() }</p>
            <button type="button" onclick={undo} data-testid="undo-open">{ w.undo_open() }</button>
        </div>
    }
}

/// After a scan import, the way back in one step.
#[component]
fn UndoScanBar() -> Html {
    let app = use_app();
    let w = words();
    let undo = Callback::from(move |_| app.undo_scan());
    html! {
        <div class="banner info" role="status">
            <button type="button" onclick={undo} data-testid="undo-scan">{ w.undo_scan() }</button>
        </div>
    }
}
