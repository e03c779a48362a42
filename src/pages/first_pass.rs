//! The first pass: the profile, then the few most important questions that apply, with a
//! provisional score and tier, and a way on into the full assessment with nothing lost.

use assessment_core::first_pass::{self, MAX_QUESTIONS};
use yew::prelude::*;

use crate::bank;
use crate::components::profile_section::ProfileSection;
use crate::components::question_card::{scan_of, QuestionCard};
use crate::hooks::use_app;
use crate::state::Screen;
use crate::words::words;

#[component]
pub fn FirstPassPage() -> Html {
    let app = use_app();
    let w = words();
    // The core chooses the questions and scores them; the page only shows them.
    let questions = first_pass::questions(bank(), &app.assessment);
    let provisional = first_pass::provisional(bank(), &app.assessment, app.today);
    let dispatcher = app.dispatcher();
    let go_on = {
        let app = app.clone();
        Callback::from(move |_| app.go(Screen::Details))
    };
    let tier = &provisional.tier;
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ w.first_pass_heading() }</h2>
            <p>{ w.first_pass_intro(MAX_QUESTIONS) }</p>
            <ProfileSection />
            <h3>{ w.first_pass_questions_heading(questions.len()) }</h3>
            if questions.is_empty() {
                <p class="muted">{ w.first_pass_none() }</p>
            }
            <div class="questions" data-testid="first-pass-questions">
                for question in &questions {
                    <QuestionCard key={question.id.clone()}
                        index={bank().questions.iter().position(|q| q.id == question.id).unwrap_or_default()}
                        record={app.assessment.record(&question.id).cloned()} guidance={app.guidance}
                        scan={scan_of(&app.assessment, &question.id)} dispatcher={dispatcher.clone()} />
                }
            </div>
            <section class="panel provisional" aria-labelledby="provisional-heading" data-testid="provisional">
                <h3 id="provisional-heading">{ w.provisional_heading() }</h3>
                <p class="provisional-score" data-testid="provisional-score">
                    { w.provisional_score(provisional.tally.percent(), provisional.answered(), provisional.questions.len()) }
                </p>
                <p data-testid="provisional-tier">{ w.provisional_tier(&w.tier_label(tier.tier.number(), w.tier_name(tier))) }</p>
                <p class="muted">{ w.provisional_note() }</p>
            </section>
            <div class="pager">
                <button type="button" class="primary" onclick={go_on} data-testid="continue-full">{ w.first_pass_continue() }{ " \u{2192}" }</button>
            </div>
        </>
    }
}
