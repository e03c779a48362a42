//! The library of assessments stored in this browser: open, rename, duplicate, delete (with
//! confirmation), and delete everything this tool stored.

use assessment_core::library::Entry;
use yew::prelude::*;

use crate::components::fields::TextField;
use crate::components::file_actions::FileActions;
use crate::format;
use crate::hooks::use_app;
use crate::words::words;

#[component]
pub fn LibraryPage() -> Html {
    let app = use_app();
    let w = words();
    let entries = &app.library.entries;
    let compare = {
        let app = app.clone();
        Callback::from(move |_| app.go(crate::state::Screen::Compare))
    };
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ w.library_heading() }</h2>
            <p>{ w.library_intro() }</p>
            if !app.storage_available() {
                <p class="banner warning">{ w.library_unavailable() }</p>
            } else if entries.is_empty() {
                <p data-testid="library-empty">{ w.library_empty() }</p>
            } else {
                <table class="library-table" data-testid="library">
                    <caption class="visually-hidden">{ w.library_caption() }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ w.col_name() }</th>
                            <th scope="col">{ w.col_date() }</th>
                            <th scope="col">{ w.col_progress() }</th>
                            <th scope="col">{ w.col_score() }</th>
                            <th scope="col">{ w.col_saved() }</th>
                            <th scope="col">{ w.col_actions() }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for entry in entries {
                            <LibraryRow key={entry.id.clone()} entry={entry.clone()} />
                        }
                    </tbody>
                </table>
                <button type="button" onclick={compare} data-testid="compare-button">{ w.compare_button() }</button>
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

/// What a row is asking the person, if anything.
#[derive(Clone, PartialEq)]
enum RowMode {
    Normal,
    Renaming(String),
    ConfirmingDelete,
}

#[component]
fn LibraryRow(props: &LibraryRowProps) -> Html {
    let app = use_app();
    let w = words();
    let mode = use_state(|| RowMode::Normal);
    let entry = &props.entry;
    let current = app.library.current.as_deref() == Some(entry.id.as_str());
    // Each button runs one intent of the handle on this entry, then the row goes back to normal.
    let act = |intent: fn(&crate::hooks::AppHandle, &str, &RowMode)| {
        let app = app.clone();
        let id = entry.id.clone();
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| {
            intent(&app, &id, &mode);
            mode.set(RowMode::Normal);
        })
    };
    let set_mode = |next: RowMode| {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(next.clone()))
    };
    let typing = {
        let mode = mode.clone();
        Callback::from(move |name: String| mode.set(RowMode::Renaming(name)))
    };
    let date = entry
        .assessed_on
        .map(format::date)
        .unwrap_or_else(|| w.undated().to_string());
    let name = &entry.name;
    html! {
        <tr data-entry-id={entry.id.clone()}>
            <th scope="row">
                { name }
                if current { { " " }<span class="muted">{ w.current_mark() }</span> }
            </th>
            <td>{ date }</td>
            <td>{ w.family_progress_long(entry.answered, entry.applicable) }</td>
            <td>{ format!("{}{}", entry.score, w.score_of()) }</td>
            <td>{ format::date_time(&entry.saved_at) }</td>
            <td class="row-actions">
                {
                    match &*mode {
                        RowMode::Normal => html! {
                            <>
                                if !current {
                                    <button type="button" onclick={act(|app, id, _| app.open_entry(id))}
                                        aria-label={w.action_label(w.open(), name)}>{ w.open() }</button>
                                }
                                <button type="button" onclick={set_mode(RowMode::Renaming(name.clone()))}
                                    aria-label={w.action_label(w.rename(), name)}>{ w.rename() }</button>
                                <button type="button" onclick={act(|app, id, _| app.duplicate_entry(id))}
                                    aria-label={w.action_label(w.duplicate(), name)}>{ w.duplicate() }</button>
                                <button type="button" onclick={set_mode(RowMode::ConfirmingDelete)}
                                    aria-label={w.action_label(w.delete(), name)}>{ w.delete() }</button>
                            </>
                        },
                        RowMode::Renaming(typed) => html! {
                            <>
                                <TextField id={format!("rename-{}", entry.id)} label={w.new_name_label(name)}
                                    value={typed.clone()} on_change={typing} />
                                <button type="button" class="primary" onclick={act(|app, id, mode| {
                                    if let RowMode::Renaming(typed) = mode {
                                        app.rename_entry(id, typed);
                                    }
                                })}>{ w.rename_save() }</button>
                                <button type="button" onclick={set_mode(RowMode::Normal)}>{ w.cancel() }</button>
                            </>
                        },
                        RowMode::ConfirmingDelete => html! {
                            <div role="alert">
                                <p>{ w.confirm_delete(name) }</p>
                                <button type="button" class="danger" onclick={act(|app, id, _| app.delete_entry(id))}>{ w.confirm_delete_button() }</button>
                                <button type="button" onclick={set_mode(RowMode::Normal)}>{ w.cancel() }</button>
                            </div>
                        },
                    }
                }
            </td>
        </tr>
    }
}

/// Deletes everything this tool stored, after a second, explicit confirmation.
#[component]
fn DeleteAll() -> Html {
    let app = use_app();
    let w = words();
    let confirming = use_state(|| false);
    let set = |value: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(value))
    };
    let delete = {
        let confirming = confirming.clone();
        Callback::from(move |_| {
            app.delete_everything();
            confirming.set(false);
        })
    };
    html! {
        <section class="panel danger-zone" aria-labelledby="delete-all-heading">
            <h3 id="delete-all-heading">{ w.delete_all() }</h3>
            <p>{ w.delete_all_warning() }</p>
            if *confirming {
                <div class="button-row" role="alert">
                    <button type="button" class="danger" onclick={delete} data-testid="delete-all-confirm">{ w.delete_all_confirm() }</button>
                    <button type="button" onclick={set(false)}>{ w.cancel() }</button>
                </div>
            } else {
                <button type="button" onclick={set(true)} data-testid="delete-all">{ w.delete_all() }</button>
            }
        </section>
    }
}
