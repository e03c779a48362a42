//! Assessment details (organisation, assessor, dates) followed by the organisation profile.

use assessment_core::{Change, DetailsEdit};
use yew::prelude::*;

use crate::components::fields::{DateField, TextField};
use crate::components::hidden_questions;
use crate::components::profile_section::ProfileSection;
use crate::hooks::use_app;
use crate::state::Screen;
use crate::words::words;

#[component]
pub fn DetailsPage() -> Html {
    let app = use_app();
    let w = words();
    let details = &app.assessment.details;
    let edit = |make: fn(String) -> DetailsEdit| {
        let app = app.clone();
        Callback::from(move |value: String| app.change(Change::Details(make(value))))
    };
    let edit_date = |make: fn(Option<chrono::NaiveDate>) -> DetailsEdit| {
        let app = app.clone();
        Callback::from(move |value| app.change(Change::Details(make(value))))
    };
    let to_questions = {
        let app = app.clone();
        Callback::from(move |_| app.go(Screen::Family(0)))
    };
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ w.details_heading() }</h2>
            <section class="panel" aria-labelledby="details-heading">
                <h3 id="details-heading" class="visually-hidden">{ w.details_heading() }</h3>
                <p class="muted">{ w.details_intro() }</p>
                <div class="form-grid">
                    <TextField id="organisation" label={w.organisation()} value={details.organisation.clone()}
                        testid="organisation" on_change={edit(DetailsEdit::Organisation)} />
                    <TextField id="assessor" label={w.assessor()} value={details.assessor.clone()}
                        testid="assessor" on_change={edit(DetailsEdit::Assessor)} />
                    <DateField id="assessed-on" label={w.assessed_on()} value={details.assessed_on}
                        testid="assessed-on" on_change={edit_date(DetailsEdit::AssessedOn)} />
                    <DateField id="notified-on" label={w.notified_on()} value={details.notified_on}
                        help={w.notified_on_help()} testid="notified-on" on_change={edit_date(DetailsEdit::NotifiedOn)} />
                </div>
            </section>
            <ProfileSection />
            <div class="pager">
                <button type="button" class="primary" onclick={to_questions} data-testid="to-questions">
                    { w.details_continue() }
                </button>
            </div>
            { hidden_questions::view(&app.assessment) }
        </>
    }
}
