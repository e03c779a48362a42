//! The library of assessments stored in this browser: open, rename, duplicate, delete (with
//! confirmation), and delete everything this tool stored.

use assessment_core::library::Entry;
use yew::prelude::*;

use super::fields::TextField;
use super::file_actions::FileActions;
use crate::persistence;
use crate::state::{use_assessment, use_save_now, use_store, Action};
use crate::{format, text};

#[function_component(LibraryPage)]
pub fn library_page() -> Html {
    let state = use_assessment();
    let store = use_store();
    let entries = &state.library.entries;
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ text::LIBRARY_HEADING }</h2>
            <p>{ text::LIBRARY_INTRO }</p>
            if !store.is_available() {
                <p class="banner warning">{ text::LIBRARY_UNAVAILABLE }</p>
            } else if entries.is_empty() {
                <p data-testid="library-empty">{ text::LIBRARY_EMPTY }</p>
            } else {
                <table class="library-table" data-testid="library">
                    <caption class="visually-hidden">{ text::LIBRARY_CAPTION }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ text::COL_NAME }</th>
                            <th scope="col">{ text::COL_DATE }</th>
                            <th scope="col">{ text::COL_PROGRESS }</th>
                            <th scope="col">{ text::COL_SCORE }</th>
                            <th scope="col">{ text::COL_SAVED }</th>
                            <th scope="col">{ text::COL_ACTIONS }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for entries.iter().map(|e| html! { <LibraryRow key={e.id.clone()} entry={e.clone()} /> }) }
                    </tbody>
                </table>
            }
            <FileActions />
            <DeleteAll />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct LibraryRowProps {
    entry: Entry,
}

/// What a row is asking the user, if anything.
#[derive(Clone, PartialEq)]
enum RowMode {
    Normal,
    Renaming(String),
    ConfirmingDelete,
}

#[function_component(LibraryRow)]
fn library_row(props: &LibraryRowProps) -> Html {
    let state = use_assessment();
    let store = use_store();
    let mode = use_state(|| RowMode::Normal);
    let entry = &props.entry;
    let current = state.library.current.as_deref() == Some(entry.id.as_str());
    // Every library action writes storage first, then reports the new index (or the failure).
    let act =
        |operation: fn(
            &crate::storage::Store,
            &assessment_core::library::Index,
            &str,
        )
            -> Result<assessment_core::library::Index, crate::storage::StoreError>| {
            let state = state.clone();
            let store = store.clone();
            let id = entry.id.clone();
            let mode = mode.clone();
            Callback::from(move |_: MouseEvent| {
                match operation(&store, &state.library, &id) {
                    Ok(library) => state.dispatch(Action::Library(library)),
                    Err(error) => state.dispatch(Action::SaveFailed(error)),
                }
                mode.set(RowMode::Normal);
            })
        };
    let save_now = use_save_now();
    let open = {
        let state = state.clone();
        let store = store.clone();
        let id = entry.id.clone();
        Callback::from(move |_| {
            // The open assessment is saved first, under its own entry.
            save_now.run();
            match persistence::open_entry(&store, &state.bank, &state.library, &id) {
                Ok((library, opened)) => state.dispatch(Action::Open {
                    assessment: opened.assessment,
                    library,
                    notes: opened.notes,
                }),
                Err(reason) => state.dispatch(Action::ImportFailed(reason)),
            }
        })
    };
    let set_mode = |next: RowMode| {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(next.clone()))
    };
    let save_name = {
        let state = state.clone();
        let store = store.clone();
        let id = entry.id.clone();
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| {
            if let RowMode::Renaming(name) = &*mode {
                match persistence::rename(&store, &state.library, &id, name) {
                    Ok(library) => state.dispatch(Action::Library(library)),
                    Err(error) => state.dispatch(Action::SaveFailed(error)),
                }
            }
            mode.set(RowMode::Normal);
        })
    };
    let typing = {
        let mode = mode.clone();
        Callback::from(move |name: String| mode.set(RowMode::Renaming(name)))
    };
    let date = entry
        .assessed_on
        .map(format::date)
        .unwrap_or_else(|| text::UNDATED.to_string());
    html! {
        <tr data-entry-id={entry.id.clone()}>
            <th scope="row">
                { &entry.name }
                if current { { " " }<span class="muted">{ text::CURRENT_MARK }</span> }
            </th>
            <td>{ date }</td>
            <td>{ text::family_progress_long(entry.answered, entry.applicable) }</td>
            <td>{ format!("{}{}", entry.score, text::SCORE_OF) }</td>
            <td>{ format::date_time(&entry.saved_at) }</td>
            <td class="row-actions">
                {
                    match &*mode {
                        RowMode::Normal => html! {
                            <>
                                if !current {
                                    <button type="button" onclick={open} aria-label={text::action_label(text::OPEN, &entry.name)}>{ text::OPEN }</button>
                                }
                                <button type="button" onclick={set_mode(RowMode::Renaming(entry.name.clone()))}
                                    aria-label={text::action_label(text::RENAME, &entry.name)}>{ text::RENAME }</button>
                                <button type="button" onclick={act(persistence::duplicate)}
                                    aria-label={text::action_label(text::DUPLICATE, &entry.name)}>{ text::DUPLICATE }</button>
                                <button type="button" onclick={set_mode(RowMode::ConfirmingDelete)}
                                    aria-label={text::action_label(text::DELETE, &entry.name)}>{ text::DELETE }</button>
                            </>
                        },
                        RowMode::Renaming(name) => html! {
                            <>
                                <TextField id={format!("rename-{}", entry.id)} label={text::new_name_label(&entry.name)}
                                    value={name.clone()} on_change={typing} />
                                <button type="button" class="primary" onclick={save_name}>{ text::RENAME_SAVE }</button>
                                <button type="button" onclick={set_mode(RowMode::Normal)}>{ text::CANCEL }</button>
                            </>
                        },
                        RowMode::ConfirmingDelete => html! {
                            <div role="alert">
                                <p>{ text::confirm_delete(&entry.name) }</p>
                                <button type="button" class="danger" onclick={act(persistence::delete)}>{ text::CONFIRM_DELETE }</button>
                                <button type="button" onclick={set_mode(RowMode::Normal)}>{ text::CANCEL }</button>
                            </div>
                        },
                    }
                }
            </td>
        </tr>
    }
}

/// Deletes everything this tool stored, after a second, explicit confirmation.
#[function_component(DeleteAll)]
fn delete_all() -> Html {
    let state = use_assessment();
    let store = use_store();
    let confirming = use_state(|| false);
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    let save_now = use_save_now();
    let delete = {
        let confirming = confirming.clone();
        Callback::from(move |_| {
            // Write anything pending first, so no late save recreates data after the clear.
            save_now.run();
            store.clear_own();
            state.dispatch(Action::Cleared);
            confirming.set(false);
        })
    };
    html! {
        <section class="panel danger-zone" aria-labelledby="delete-all-heading">
            <h3 id="delete-all-heading">{ text::DELETE_ALL }</h3>
            <p>{ text::DELETE_ALL_WARNING }</p>
            if *confirming {
                <div class="button-row" role="alert">
                    <button type="button" class="danger" onclick={delete} data-testid="delete-all-confirm">{ text::DELETE_ALL_CONFIRM }</button>
                    <button type="button" onclick={cancel}>{ text::CANCEL }</button>
                </div>
            } else {
                <button type="button" onclick={ask} data-testid="delete-all">{ text::DELETE_ALL }</button>
            }
        </section>
    }
}
