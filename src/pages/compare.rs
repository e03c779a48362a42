//! Comparing two assessments of the library (or one from a file) and the trend of a series.
//!
//! The on-demand module does the work and also writes this page's choices and results, with the
//! core's templates, which escape every text. Written as Yew markup they would cost the first
//! visit about 12 KB gzip (docs/PERFORMANCE.md); here the page only places that HTML and passes
//! each button's `data-action` to the module.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::browser::download;
use crate::browser::reports::{self, ReportFailure};
use crate::hooks::use_app;
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
    let index = app.library.to_json();
    {
        let (picker, csv, index) = (picker.clone(), csv.clone(), index.clone());
        use_effect_with(index.clone(), move |_| {
            show(vec!["picker".into(), index], picker, csv);
        });
    }
    let today = assessment_core::dates::iso(app.today);
    let onclick = {
        let (app, result, csv, index, today) = (
            app.clone(),
            result.clone(),
            csv.clone(),
            index.clone(),
            today.clone(),
        );
        Callback::from(move |event: MouseEvent| {
            let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
            let Some(button) = target.and_then(|t| t.closest("[data-action]").ok().flatten())
            else {
                return;
            };
            let attribute = |name: &str| button.get_attribute(name).unwrap_or_default();
            let mut args = vec![attribute("data-action"), today.clone(), index.clone()];
            let after = chosen("compare-after");
            match args[0].as_str() {
                "compare" => {
                    let before = chosen("compare-before");
                    let (Some(earlier), Some(later)) =
                        (app.entry_file(&before), app.entry_file(&after))
                    else {
                        let missing = ReportFailure::Refused(w.entry_missing().to_owned());
                        return result.set(Shown::Failed(missing));
                    };
                    args.extend([before, earlier, after, later]);
                }
                "trend" => {
                    let series = app.library.series(&after);
                    let ids: Vec<&str> = series.iter().map(|e| e.id.as_str()).collect();
                    let version = &crate::bank().version;
                    for id in &ids {
                        // The index summarises the others: only these files are read.
                        let needed = app.library.trend_needs_file(&ids, id, version);
                        let file = needed.then(|| app.entry_file(id)).flatten();
                        args.extend([id.to_string(), file.unwrap_or_default()]);
                    }
                }
                "download-changes" => {
                    let name = w.changes_file_name(app.today);
                    let _ = download::download(&name, "text/csv", &csv.borrow());
                    return;
                }
                "link" => {
                    let failed = result.clone();
                    let done = Callback::from(move |ok: bool| {
                        if !ok {
                            failed.set(Shown::Failed(ReportFailure::NotLoaded));
                        }
                    });
                    return app.link_entries(
                        attribute("data-before"),
                        attribute("data-after"),
                        done,
                    );
                }
                _ => return,
            }
            show(args, result.clone(), csv.clone());
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
            let after = chosen("compare-after");
            let mut args = vec![
                "compare".into(),
                today.clone(),
                index.clone(),
                String::new(),
            ];
            let later = app.entry_file(&after).unwrap_or_default();
            let (result, csv) = (result.clone(), csv.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string());
                args.extend([text.unwrap_or_default(), after, later]);
                show(args, result, csv);
            });
        })
    };
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ w.compare_heading() }</h2>
            // One listener for the module's buttons, in the choices and in the result alike.
            <div class="compare" {onclick} {onchange}>
                { picker.view() }
                <div aria-live="polite" data-testid="compare-output">{ result.view() }</div>
            </div>
        </>
    }
}

/// Asks the module for the view `args` name and shows it in `shown`, keeping a comparison's CSV.
fn show(args: Vec<String>, shown: UseStateHandle<Shown>, csv: Rc<RefCell<String>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = reports::compare_page(args).await.map(|mut texts| {
            if let Some(changes) = texts.get_mut(1) {
                *csv.borrow_mut() = std::mem::take(changes);
            }
            texts.swap_remove(0)
        });
        shown.set(Shown::of(outcome));
    });
}
