//! One family of questions with its heading and its score.

use assessment_core::Facts;
use yew::prelude::*;

use super::question_card::QuestionCard;
use crate::state::use_assessment;

#[derive(Properties, PartialEq)]
pub struct FamilySectionProps {
    pub family_id: String,
}

#[function_component(FamilySection)]
pub fn family_section(props: &FamilySectionProps) -> Html {
    let state = use_assessment();
    let Some(family) = state.bank.family(&props.family_id) else {
        return Html::default();
    };
    let facts = Facts::from_answers(&state.bank, &state.assessment.profile);
    let heading_id = format!("family-{}", family.id);
    let tally = state
        .scores
        .families
        .iter()
        .find(|f| f.family == family.id)
        .map(|f| f.tally)
        .unwrap_or_default();
    html! {
        <section class="family" aria-labelledby={heading_id.clone()} data-family-id={family.id.clone()}>
            <h2 id={heading_id}>{ &family.title }</h2>
            <p class="family-summary">{ &family.summary }</p>
            <p class="family-score">
                { format!("Family score: {} / 100 ({} of {} answered)", tally.percent(), tally.answered(), tally.applicable) }
            </p>
            { for state.bank.questions_in(&family.id).filter(|q| facts.applies(q)).map(|q| html! {
                <QuestionCard key={q.id.clone()} question_id={q.id.clone()} />
            }) }
        </section>
    }
}
