//! The organisation profile intake: a few questions whose answers decide which questions apply.

use assessment_core::{Change, ProfileQuestion};
use yew::prelude::*;

use crate::bank;
use crate::hooks::use_app;
use crate::words::words;

#[component]
pub fn ProfileSection() -> Html {
    let w = words();
    html! {
        <section class="panel profile" aria-labelledby="profile-heading">
            <h3 id="profile-heading">{ w.profile_heading() }</h3>
            <p class="muted">{ w.profile_intro() }</p>
            for question in &bank().profile {
                <ProfileQuestionField key={question.id.clone()} {question} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ProfileQuestionFieldProps {
    /// A question of the static bank.
    question: &'static ProfileQuestion,
}

#[component]
fn ProfileQuestionField(props: &ProfileQuestionFieldProps) -> Html {
    let app = use_app();
    let question = props.question;
    let chosen = app.assessment.profile.get(&question.id);
    let help_id = format!("profile-{}-help", question.id);
    html! {
        <fieldset class="profile-question" data-profile-id={question.id.clone()} aria-describedby={help_id.clone()}>
            <legend>{ &question.text }</legend>
            <p id={help_id} class="help">{ &question.help }</p>
            <div class="choices">
                for option in &question.options {
                    <label class="choice" for={format!("profile-{}-{}", question.id, option.id)} key={option.id.clone()}>
                        <input
                            type="radio"
                            id={format!("profile-{}-{}", question.id, option.id)}
                            name={format!("profile-{}", question.id)}
                            value={option.id.clone()}
                            checked={chosen == Some(&option.id)}
                            onchange={
                                let app = app.clone();
                                let change = Change::Profile {
                                    question: question.id.clone(),
                                    option: Some(option.id.clone()),
                                };
                                Callback::from(move |_| app.change(change.clone()))
                            }
                        />
                        <span>{ &option.label }</span>
                    </label>
                }
            </div>
        </fieldset>
    }
}
