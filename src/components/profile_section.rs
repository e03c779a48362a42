//! The organisation profile intake: a few questions whose answers decide which questions apply.

use assessment_core::{Change, ProfileQuestion};
use yew::prelude::*;

use crate::state::{use_assessment, Action};
use crate::text;

#[function_component(ProfileSection)]
pub fn profile_section() -> Html {
    let state = use_assessment();
    html! {
        <section class="panel profile" aria-labelledby="profile-heading">
            <h3 id="profile-heading">{ text::PROFILE_HEADING }</h3>
            <p class="muted">{ text::PROFILE_INTRO }</p>
            { for state.bank.profile.iter().map(|p| html! {
                <ProfileQuestionField key={p.id.clone()} question={p.clone()} />
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ProfileQuestionFieldProps {
    question: ProfileQuestion,
}

#[function_component(ProfileQuestionField)]
fn profile_question_field(props: &ProfileQuestionFieldProps) -> Html {
    let state = use_assessment();
    let question = &props.question;
    let chosen = state.assessment.profile.get(&question.id);
    let help_id = format!("profile-{}-help", question.id);
    html! {
        <fieldset class="profile-question" data-profile-id={question.id.clone()} aria-describedby={help_id.clone()}>
            <legend>{ &question.text }</legend>
            <p id={help_id} class="help">{ &question.help }</p>
            <div class="choices">
                { for question.options.iter().map(|option| {
                    let input_id = format!("profile-{}-{}", question.id, option.id);
                    let onchange = {
                        let state = state.clone();
                        let change = Change::Profile {
                            question: question.id.clone(),
                            option: Some(option.id.clone()),
                        };
                        Callback::from(move |_| state.dispatch(Action::Change(change.clone())))
                    };
                    html! {
                        <label class="choice" for={input_id.clone()} key={option.id.clone()}>
                            <input
                                type="radio"
                                id={input_id}
                                name={format!("profile-{}", question.id)}
                                value={option.id.clone()}
                                checked={chosen == Some(&option.id)}
                                {onchange}
                            />
                            <span>{ &option.label }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}
