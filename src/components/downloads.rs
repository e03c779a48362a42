//! Download buttons for every report format. Each file is generated in the core from the same
//! evaluation the results page shows, at the moment of the click, and offered as a download.

use assessment_core::evaluate;
use assessment_core::report::{self, ReportContext, ReportKind};
use yew::prelude::*;

use crate::state::use_assessment;
use crate::{download, edition, format, text};

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

#[function_component(Downloads)]
pub fn downloads() -> Html {
    let state = use_assessment();
    let buttons = ReportKind::ALL.iter().map(|&kind| {
        let state = state.clone();
        let onclick = Callback::from(move |_| {
            let evaluation = evaluate(&state.bank, &state.assessment, state.today);
            let generated_at = format::now_rfc3339();
            let edition = edition();
            let context = ReportContext {
                bank: &state.bank,
                assessment: &state.assessment,
                evaluation: &evaluation,
                generated_at: &generated_at,
                today: state.today,
                app_version: env!("CARGO_PKG_VERSION"),
                edition: &edition,
            };
            let contents = report::render(kind, &context);
            let name = report::file_name_for(kind, &state.assessment);
            download::download(&name, kind.mime(), &contents);
        });
        html! {
            <li key={test_id(kind)}>
                <button type="button" {onclick} data-testid={test_id(kind)}>{ kind.label() }</button>
            </li>
        }
    });
    html! {
        <section class="panel downloads" aria-labelledby="downloads-heading">
            <h3 id="downloads-heading">{ text::DOWNLOADS_HEADING }</h3>
            <p>{ text::DOWNLOADS_INTRO }</p>
            <ul class="download-list">{ for buttons }</ul>
        </section>
    }
}
