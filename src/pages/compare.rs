//! Comparing two assessments of the library (or one from a file) and the trend of a series.
//!
//! The on-demand module does the work and also writes this page's choices and results, with the
//! core's templates, which escape every text. Written as Yew markup they would cost the first
//! visit about 12 KB gzip (docs/PERFORMANCE.md); here the page only places that HTML and passes
//! each button's `data-action` to the module.

use std::cell::RefCell;
use std::rc::Rc;

use assessment_core::report::ComparedFiles;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::browser::download;
use crate::browser::reports::{self, ReportFailure};
use crate::hooks::{use_app, AppHandle};
use crate::words::words;

/// What the page shows: the module's HTML, or why there is none.
#[derive(Clone, PartialEq)]
enum Shown {
    Nothing,
    Html(AttrValue),
    Failed(ReportFailure),
}

impl Shown {
    fn of(result: Result<String, ReportFailure>) -> Shown {
        result.map_or_else(Shown::Failed, |html| Shown::Html(html.into()))
    }

    fn view(&self) -> Html {
        match self {
            Shown::Nothing => html! {},
            // The core's templates escaped every text in it.
            Shown::Html(html) => Html::from_html_unchecked(html.clone()),
            Shown::Failed(failure) => {
                html! { <p class="banner error" role="alert">{ words().report_failure(failure) }</p> }
            }
        }
    }
}

/// The value of the page's `<select>` with this id.
fn chosen(id: &str) -> String {
    document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

#[component]
pub fn ComparePage() -> Html {
    let app = use_app();
    let w = words();
    let picker = use_state(|| Shown::Nothing);
    let result = use_state(|| Shown::Nothing);
    // The last comparison's CSV, for its download button.
    let csv = use_mut_ref(String::new);
    {
        let (picker, index) = (picker.clone(), app.library.to_json());
        use_effect_with(index.clone(), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                picker.set(Shown::of(reports::compare_picker(&index).await));
            });
        });
    }
    let onclick = {
        let (app, result, csv) = (app.clone(), result.clone(), csv.clone());
        Callback::from(move |event: MouseEvent| {
            let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
            let Some(button) = target.and_then(|t| t.closest("[data-action]").ok().flatten())
            else {
                return;
            };
            let attribute = |name: &str| button.get_attribute(name).unwrap_or_default();
            match attribute("data-action").as_str() {
                "compare" => compare(&app, chosen("compare-before"), None, &result, &csv),
                "trend" => trend(&app, &chosen("compare-after"), &result),
                "download-changes" => {
                    let name = w.changes_file_name(app.today);
                    let _ = download::download(&name, "text/csv", &csv.borrow());
                }
                "link" => {
                    let failed = result.clone();
                    let done = Callback::from(move |ok: bool| {
                        if !ok {
                            failed.set(Shown::Failed(ReportFailure::NotLoaded));
                        }
                    });
                    app.link_entries(attribute("data-before"), attribute("data-after"), done);
                }
                _ => {}
            }
        })
    };
    let onchange = {
        let (app, result, csv) = (app.clone(), result.clone(), csv.clone());
        Callback::from(move |event: Event| {
            let input = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
            let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) else {
                return;
            };
            let (app, result, csv) = (app.clone(), result.clone(), csv.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string());
                compare(
                    &app,
                    String::new(),
                    Some(text.unwrap_or_default()),
                    &result,
                    &csv,
                );
            });
        })
    };
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ w.compare_heading() }</h2>
            <p>{ w.compare_intro() }</p>
            <div class="compare" {onclick} {onchange}>{ picker.view() }</div>
            <div aria-live="polite" data-testid="compare-output">{ result.view() }</div>
        </>
    }
}

/// Compares entry `before` (or, with `file`, the assessment in that file) with the chosen later
/// entry, and keeps the CSV for its button.
fn compare(
    app: &AppHandle,
    before: String,
    file: Option<String>,
    result: &UseStateHandle<Shown>,
    csv: &Rc<RefCell<String>>,
) {
    let after = chosen("compare-after");
    let earlier = file.or_else(|| app.entry_file(&before));
    let (Some(earlier), Some(later)) = (earlier, app.entry_file(&after)) else {
        return result.set(Shown::Failed(ReportFailure::NoText));
    };
    let (index, today) = (app.library.to_json(), app.today);
    let (result, csv) = (result.clone(), csv.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let files = ComparedFiles {
            before_entry: &before,
            before: &earlier,
            after_entry: &after,
            after: &later,
        };
        let outcome = reports::compare(&index, files, today).await;
        result.set(Shown::of(outcome.map(|(html, changes)| {
            *csv.borrow_mut() = changes;
            html
        })));
    });
}

/// Has the module draw the trend of the series that ends with entry `last`.
fn trend(app: &AppHandle, last: &str, result: &UseStateHandle<Shown>) {
    let (mut entries, mut files) = (Vec::new(), Vec::new());
    for entry in app.library.series(last) {
        if let Some(file) = app.entry_file(&entry.id) {
            entries.push(entry.id.clone());
            files.push(file);
        }
    }
    let (index, today, result) = (app.library.to_json(), app.today, result.clone());
    wasm_bindgen_futures::spawn_local(async move {
        result.set(Shown::of(
            reports::trend(&index, entries, files, today).await,
        ));
    });
}
