//! Download buttons for every report format. Each file is made at the moment of the click from the
//! current answers (see `crate::reports`) and offered as a download; while the first report loads
//! the generator, and if anything fails, a status line under the buttons says so in words.

use assessment_core::report::{self, ReportKind};
use yew::prelude::*;

use crate::state::use_assessment;
use crate::{download, edition, reports, text};

/// The stable test hook of each format's button.
fn test_id(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::Html => "download-html",
        ReportKind::Json => "download-json",
        ReportKind::Csv => "download-csv",
        ReportKind::Markdown => "download-md",
        ReportKind::Oscal => "download-oscal",
    }
}

/// What the status line under the buttons says.
#[derive(Clone, PartialEq)]
enum Progress {
    Idle,
    Making(ReportKind),
    Failed(String),
}

#[function_component(Downloads)]
pub fn downloads() -> Html {
    let state = use_assessment();
    let progress = use_state(|| Progress::Idle);
    let buttons = ReportKind::ALL.iter().map(|&kind| {
        let state = state.clone();
        let progress = progress.clone();
        let onclick = Callback::from(move |_| {
            // The handle holds the state of this render: the report is made from the answers as
            // they were at the click, without copying them.
            let state = state.clone();
            let progress = progress.clone();
            progress.set(Progress::Making(kind));
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = reports::generate(kind, &state, &edition()).await;
                let name = report::file_name_for(kind, &state.assessment);
                progress.set(match outcome {
                    Ok(contents) if download::download(&name, kind.mime(), &contents) => {
                        Progress::Idle
                    }
                    Ok(_) => Progress::Failed(text::DOWNLOAD_REFUSED.to_string()),
                    Err(reason) => Progress::Failed(text::report_failed(&reason)),
                });
            });
        });
        html! {
            <li key={test_id(kind)}>
                <button type="button" {onclick} data-testid={test_id(kind)}>{ kind.label() }</button>
            </li>
        }
    });
    let status = match &*progress {
        Progress::Idle => html! {},
        Progress::Making(kind) => html! { { text::report_making(kind.label()) } },
        Progress::Failed(message) => html! { <strong>{ message }</strong> },
    };
    html! {
        <section class="panel downloads" aria-labelledby="downloads-heading">
            <h3 id="downloads-heading">{ text::DOWNLOADS_HEADING }</h3>
            <p>{ text::DOWNLOADS_INTRO }</p>
            <ul class="download-list">{ for buttons }</ul>
            <p class="download-status" role="status" data-testid="download-status">{ status }</p>
        </section>
    }
}
