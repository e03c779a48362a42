//! Assessment details (organisation, assessor, dates) followed by the organisation profile.

use assessment_core::{Change, DetailsEdit};
use yew::prelude::*;

use super::fields::{DateField, TextField};
use super::profile_section::ProfileSection;
use crate::state::{use_assessment, Action, Screen};
use crate::text;

#[function_component(DetailsPage)]
pub fn details_page() -> Html {
    let state = use_assessment();
    let details = &state.assessment.details;
    let edit = |make: fn(String) -> DetailsEdit| {
        let state = state.clone();
        Callback::from(move |value: String| {
            state.dispatch(Action::Change(Change::Details(make(value))))
        })
    };
    let edit_date = |make: fn(Option<chrono::NaiveDate>) -> DetailsEdit| {
        let state = state.clone();
        Callback::from(move |value| state.dispatch(Action::Change(Change::Details(make(value)))))
    };
    let to_questions = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Go(Screen::Family(0))))
    };
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ text::DETAILS_HEADING }</h2>
            <section class="panel" aria-labelledby="details-heading">
                <h3 id="details-heading" class="visually-hidden">{ text::DETAILS_HEADING }</h3>
                <p class="muted">{ text::DETAILS_INTRO }</p>
                <div class="form-grid">
                    <TextField id="organisation" label={text::ORGANISATION} value={details.organisation.clone()}
                        testid="organisation" on_change={edit(DetailsEdit::Organisation)} />
                    <TextField id="assessor" label={text::ASSESSOR} value={details.assessor.clone()}
                        testid="assessor" on_change={edit(DetailsEdit::Assessor)} />
                    <DateField id="assessed-on" label={text::ASSESSED_ON} value={details.assessed_on}
                        testid="assessed-on" on_change={edit_date(DetailsEdit::AssessedOn)} />
                    <DateField id="notified-on" label={text::NOTIFIED_ON} value={details.notified_on}
                        help={text::NOTIFIED_ON_HELP} testid="notified-on" on_change={edit_date(DetailsEdit::NotifiedOn)} />
                </div>
            </section>
            <ProfileSection />
            <div class="pager">
                <button type="button" class="primary" onclick={to_questions} data-testid="to-questions">
                    { text::DETAILS_CONTINUE }
                </button>
            </div>
        </>
    }
}
