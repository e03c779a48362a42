//! Comparing two assessments of the library (or one from a file) and the trend of a series. The
//! on-demand module does the work and renders both views with the core's templates, which
//! escape every text; this page only picks the inputs and places what comes back.

use std::rc::Rc;

use assessment_core::library::Entry;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::download;
use crate::browser::reports::{self, ReportFailure};
use crate::components::action_plan::selected;
use crate::hooks::{use_app, AppHandle};
use crate::words::words;

/// The value of the "earlier" choice that stands for the file chosen below it.
const FROM_FILE: &str = "file";

/// What the page shows under the choices.
#[derive(Clone, PartialEq)]
enum Shown {
    Nothing,
    Working,
    Failed(ReportFailure),
    /// The comparison's fragment and CSV, and the two entries compared (the earlier one `None`
    /// when it came from a file).
    Comparison {
        html: Rc<str>,
        csv: Rc<str>,
        before: Option<String>,
        after: String,
    },
    Trend(Rc<str>),
}

/// The entry compared with `after` by default: the one it re-assesses, else the latest other.
fn default_before(entries: &[Entry], after: &str) -> String {
    let linked = entries
        .iter()
        .find(|e| e.id == after)
        .and_then(|e| e.previous.clone())
        .filter(|id| entries.iter().any(|e| &e.id == id));
    linked
        .or_else(|| {
            entries
                .iter()
                .filter(|e| e.id != after)
                .max_by(|a, b| a.saved_at.cmp(&b.saved_at))
                .map(|e| e.id.clone())
        })
        .unwrap_or_default()
}

#[component]
pub fn ComparePage() -> Html {
    let app = use_app();
    let w = words();
    let entries = &app.library.entries;
    let first = || {
        app.library
            .current
            .clone()
            .or_else(|| entries.first().map(|e| e.id.clone()))
            .unwrap_or_default()
    };
    let after = use_state(first);
    let before = use_state(|| default_before(entries, &after));
    let file = use_state(|| None::<Rc<str>>);
    let shown = use_state(|| Shown::Nothing);
    let pick = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: Event| state.set(selected(&event)))
    };
    let on_file = {
        let (file, before) = (file.clone(), before.clone());
        Callback::from(move |event: Event| {
            let input = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
            let Some(chosen) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) else {
                return;
            };
            let (file, before) = (file.clone(), before.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(chosen.text()).await.ok();
                file.set(text.and_then(|t| t.as_string()).map(Rc::from));
                before.set(FROM_FILE.to_owned());
            });
        })
    };
    let run = {
        let (app, before, after, file, shown) = (
            app.clone(),
            before.clone(),
            after.clone(),
            file.clone(),
            shown.clone(),
        );
        Callback::from(move |_| {
            let earlier = if *before == FROM_FILE {
                file.as_deref().map(str::to_owned)
            } else {
                app.entry_file(&before)
            };
            let (Some(earlier), Some(later)) = (earlier, app.entry_file(&after)) else {
                return shown.set(Shown::Failed(ReportFailure::NoText));
            };
            let before_id = (*before != FROM_FILE).then(|| (*before).clone());
            let (after_id, today, shown) = ((*after).clone(), app.today, shown.clone());
            shown.set(Shown::Working);
            wasm_bindgen_futures::spawn_local(async move {
                shown.set(match reports::compare(&earlier, &later, today).await {
                    Ok((html, csv)) => Shown::Comparison {
                        html: html.into(),
                        csv: csv.into(),
                        before: before_id,
                        after: after_id,
                    },
                    Err(failure) => Shown::Failed(failure),
                });
            });
        })
    };
    let series = app.library.series(&after);
    let show_trend = {
        let (app, shown) = (app.clone(), shown.clone());
        let ids: Vec<String> = series.iter().map(|e| e.id.clone()).collect();
        Callback::from(move |_| trend(&app, &ids, &shown))
    };
    let options = |chosen: &str, with_file: bool| {
        html! {
            <>
                for entry in entries {
                    <option value={entry.id.clone()} selected={entry.id == chosen}>{ w.entry_choice(entry) }</option>
                }
                if with_file && file.is_some() {
                    <option value={FROM_FILE} selected={chosen == FROM_FILE}>{ w.compare_from_file_choice() }</option>
                }
            </>
        }
    };
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ w.compare_heading() }</h2>
            <p>{ w.compare_intro() }</p>
            if entries.is_empty() {
                <p>{ w.library_empty() }</p>
            } else {
                <div class="compare-pick">
                    <label for="compare-before">{ w.compare_before() }</label>
                    <select id="compare-before" data-testid="compare-before" onchange={pick(&before)}>
                        { options(&before, true) }
                    </select>
                    <label for="compare-after">{ w.compare_after() }</label>
                    <select id="compare-after" data-testid="compare-after" onchange={pick(&after)}>
                        { options(&after, false) }
                    </select>
                    <label for="compare-file">{ w.compare_file() }</label>
                    <input type="file" id="compare-file" data-testid="compare-file" accept=".json,application/json" onchange={on_file} />
                </div>
                <div class="button-row">
                    <button type="button" class="primary" onclick={run} data-testid="compare-run">{ w.compare_run() }</button>
                    if series.len() > 1 {
                        <button type="button" onclick={show_trend} data-testid="trend-button">{ w.trend_button(series.len()) }</button>
                    }
                </div>
            }
            <div aria-live="polite">{ view(&app, &shown) }</div>
        </>
    }
}

/// Has the module draw the trend over the entries `ids` (oldest first).
fn trend(app: &AppHandle, ids: &[String], shown: &UseStateHandle<Shown>) {
    let mut names = Vec::new();
    let mut files = Vec::new();
    for id in ids {
        if let (Some(entry), Some(file)) = (app.library.entry(id), app.entry_file(id)) {
            names.push(entry.name.clone());
            files.push(file);
        }
    }
    let (today, shown) = (app.today, shown.clone());
    shown.set(Shown::Working);
    wasm_bindgen_futures::spawn_local(async move {
        shown.set(match reports::trend(names, files, today).await {
            Ok(html) => Shown::Trend(html.into()),
            Err(failure) => Shown::Failed(failure),
        });
    });
}

fn view(app: &AppHandle, shown: &UseStateHandle<Shown>) -> Html {
    let w = words();
    match &**shown {
        Shown::Nothing => html! {},
        Shown::Working => html! { <p>{ w.compare_working() }</p> },
        Shown::Failed(failure) => {
            html! { <p class="banner error" role="alert">{ w.report_failure(failure) }</p> }
        }
        Shown::Trend(html) => html! {
            <section class="panel" aria-labelledby="trend-heading">
                <h3 id="trend-heading">{ w.trend_heading() }</h3>
                // Escaped by the core's template (the module documentation says how).
                { Html::from_html_unchecked(AttrValue::from(html.to_string())) }
            </section>
        },
        Shown::Comparison {
            html,
            csv,
            before,
            after,
        } => {
            let csv = csv.clone();
            let name = w.changes_file_name(app.today);
            let download = Callback::from(move |_| {
                let _ = download::download(&name, "text/csv", &csv);
            });
            let linked = app.library.entry(after).and_then(|e| e.previous.clone());
            let link = before
                .clone()
                .filter(|b| linked.as_deref() != Some(b.as_str()) && b != after)
                .map(|b| link_button(app, b, after.clone(), shown));
            html! {
                <section class="panel" aria-labelledby="comparison-heading">
                    <h3 id="comparison-heading">{ w.comparison_heading() }</h3>
                    { Html::from_html_unchecked(AttrValue::from(html.to_string())) }
                    <div class="button-row">
                        <button type="button" onclick={download} data-testid="download-changes">{ w.download_changes() }</button>
                        { for link }
                    </div>
                </section>
            }
        }
    }
}

/// Records `before` as the assessment `after` re-assesses.
fn link_button(
    app: &AppHandle,
    before: String,
    after: String,
    shown: &UseStateHandle<Shown>,
) -> Html {
    let w = words();
    let label = match (app.library.entry(&before), app.library.entry(&after)) {
        (Some(b), Some(a)) => w.link_series(&b.name, &a.name),
        _ => return html! {},
    };
    let (app, shown) = (app.clone(), shown.clone());
    let onclick = Callback::from(move |_| {
        let shown = shown.clone();
        let done = Callback::from(move |ok: bool| {
            if !ok {
                shown.set(Shown::Failed(ReportFailure::NotLoaded));
            }
        });
        app.link_entries(before.clone(), after.clone(), done);
    });
    html! { <button type="button" {onclick} data-testid="link-series">{ label }</button> }
}
