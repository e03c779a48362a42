//! Download buttons for every report format. Each file is made at the moment of the click from the
//! current answers (see `browser::reports`) and offered as a download; while the first report
//! loads the generator, and if anything fails, a status line under the buttons says so in words.
//! The editable formats (Excel, Word) come from a second module, loaded on their first download;
//! the Word report carries the confidentiality label typed here.

use assessment_core::report::{Download, OfficeKind, ReportKind};
use yew::prelude::*;

use crate::browser::download;
use crate::browser::reports::{self, ReportFailure};
use crate::components::fields::TextField;
use crate::edition;
use crate::hooks::use_app;
use crate::words::words;

/// The stable test hook of each download's button.
fn test_id(download: Download) -> &'static str {
    match download {
        Download::Report(ReportKind::Html) => "download-html",
        Download::Report(ReportKind::Json) => "download-json",
        Download::Report(ReportKind::Csv) => "download-csv",
        Download::Report(ReportKind::Markdown) => "download-md",
        Download::Report(ReportKind::Oscal) => "download-oscal",
        Download::Report(ReportKind::ScubaGearConfig) => "download-scubagear",
        Download::Office(OfficeKind::Workbook) => "download-xlsx",
        Download::Office(OfficeKind::Document) => "download-docx",
    }
}

/// What the status line under the buttons says.
#[derive(Clone, PartialEq)]
enum Progress {
    Idle,
    Making(Download),
    Failed(ReportFailure),
}

#[component]
pub fn Downloads() -> Html {
    let app = use_app();
    let progress = use_state(|| Progress::Idle);
    let w = words();
    let label = use_state(|| w.confidentiality_default().to_owned());
    let button = |kind: Download| {
        let app = app.clone();
        let progress = progress.clone();
        let label = label.clone();
        let onclick = Callback::from(move |_| {
            // The handle holds the state of this render: the report is made from the answers as
            // they were at the click, without copying them.
            let app = app.clone();
            let progress = progress.clone();
            let label = (*label).clone();
            progress.set(Progress::Making(kind));
            wasm_bindgen_futures::spawn_local(async move {
                let previous = app.previous_file();
                let outcome = reports::generate(
                    kind,
                    &app.assessment,
                    app.today,
                    &edition(),
                    &label,
                    &previous,
                )
                .await;
                let name = kind.file_name_for(&app.assessment);
                progress.set(match outcome {
                    Ok(contents) if download::download_bytes(&name, kind.mime(), &contents) => {
                        Progress::Idle
                    }
                    Ok(_) => Progress::Failed(ReportFailure::DownloadRefused),
                    Err(failure) => Progress::Failed(failure),
                });
            });
        });
        html! {
            <li key={test_id(kind)}>
                <button type="button" {onclick} data-testid={test_id(kind)}>{ w.download_label(kind) }</button>
            </li>
        }
    };
    let on_label = {
        let label = label.clone();
        Callback::from(move |text: String| label.set(text))
    };
    let status = match &*progress {
        Progress::Idle => html! {},
        Progress::Making(kind) => html! { { w.report_making(w.download_label(*kind)) } },
        Progress::Failed(failure) => html! { <strong>{ w.report_failure(failure) }</strong> },
    };
    html! {
        <section class="panel downloads" aria-labelledby="downloads-heading">
            <h3 id="downloads-heading">{ w.downloads_heading() }</h3>
            <p>{ w.downloads_intro() }</p>
            <ul class="download-list">{ for Download::ALL.map(button) }</ul>
            <TextField id="confidentiality-label" testid="confidentiality-label"
                label={w.confidentiality_label()} value={(*label).clone()} on_change={on_label} />
            <p class="download-status" role="status" data-testid="download-status">{ status }</p>
        </section>
    }
}
