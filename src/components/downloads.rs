//! Download buttons for every report format. Each file is made at the moment of the click from the
//! current answers (see `browser::reports`) and offered as a download; while the first report
//! loads the generator, and if anything fails, a status line under the buttons says so in words.

use assessment_core::report::{self, ReportKind};
use yew::prelude::*;

use crate::browser::download;
use crate::browser::reports::{self, ReportFailure};
use crate::edition;
use crate::hooks::use_app;
use crate::words::words;

/// The stable test hook of each format's button.
fn test_id(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::Html => "download-html",
        ReportKind::Json => "download-json",
        ReportKind::Csv => "download-csv",
        ReportKind::Markdown => "download-md",
        ReportKind::Oscal => "download-oscal",
        ReportKind::ScubaGearConfig => "download-scubagear",
    }
}

/// What the status line under the buttons says.
#[derive(Clone, PartialEq)]
enum Progress {
    Idle,
    Making(ReportKind),
    Failed(ReportFailure),
}

#[component]
pub fn Downloads() -> Html {
    let app = use_app();
    let progress = use_state(|| Progress::Idle);
    let w = words();
    let button = |kind: ReportKind| {
        let app = app.clone();
        let progress = progress.clone();
        let onclick = Callback::from(move |_| {
            // The handle holds the state of this render: the report is made from the answers as
            // they were at the click, without copying them.
            let app = app.clone();
            let progress = progress.clone();
            progress.set(Progress::Making(kind));
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = reports::generate(kind, &app.assessment, app.today, &edition()).await;
                let name = report::file_name_for(kind, &app.assessment);
                progress.set(match outcome {
                    Ok(contents) if download::download(&name, kind.mime(), &contents) => {
                        Progress::Idle
                    }
                    Ok(_) => Progress::Failed(ReportFailure::DownloadRefused),
                    Err(failure) => Progress::Failed(failure),
                });
            });
        });
        html! {
            <li key={test_id(kind)}>
                <button type="button" {onclick} data-testid={test_id(kind)}>{ w.report_kind(kind) }</button>
            </li>
        }
    };
    let status = match &*progress {
        Progress::Idle => html! {},
        Progress::Making(kind) => html! { { w.report_making(w.report_kind(*kind)) } },
        Progress::Failed(failure) => html! { <strong>{ w.report_failure(failure) }</strong> },
    };
    html! {
        <section class="panel downloads" aria-labelledby="downloads-heading">
            <h3 id="downloads-heading">{ w.downloads_heading() }</h3>
            <p>{ w.downloads_intro() }</p>
            <ul class="download-list">{ for ReportKind::ALL.map(button) }</ul>
            <p class="download-status" role="status" data-testid="download-status">{ status }</p>
        </section>
    }
}
