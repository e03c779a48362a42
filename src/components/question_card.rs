//! One question with its answer choices as a native radio group.

use assessment_core::{Bank, Change, Level, Question, Response};
use yew::prelude::*;

use crate::state::{use_assessment, Action};

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    pub question_id: String,
}

#[function_component(QuestionCard)]
pub fn question_card(props: &QuestionCardProps) -> Html {
    let state = use_assessment();
    let Some(question) = state.bank.question(&props.question_id) else {
        return Html::default();
    };
    let current = match state.assessment.response(&question.id) {
        Some(Response::Implemented { level }) => Some(*level),
        _ => None,
    };
    let title_id = format!("q-{}-title", question.id);
    let text_id = format!("q-{}-text", question.id);
    let status = match current {
        Some(level) => format!("Answered: {}", level.label()),
        None => "Not answered yet".to_string(),
    };
    let choices = Level::ALL.iter().map(|&level| {
        let input_id = format!("q-{}-{}", question.id, level.key());
        let onchange = {
            let state = state.clone();
            let question_id = question.id.clone();
            Callback::from(move |_| {
                state.dispatch(Action::Change(Change::Respond {
                    question: question_id.clone(),
                    response: Some(Response::Implemented { level }),
                }))
            })
        };
        html! {
            <label class="choice" for={input_id.clone()} key={level.key()}>
                <input
                    type="radio"
                    id={input_id}
                    name={format!("q-{}", question.id)}
                    value={level.key()}
                    checked={current == Some(level)}
                    {onchange}
                />
                <span>{ level.label() }</span>
            </label>
        }
    });
    let answered_class = if current.is_some() {
        "answered"
    } else {
        "unanswered"
    };
    html! {
        <article class={classes!("question", answered_class)} data-question-id={question.id.clone()}>
            <h3 id={title_id.clone()}>
                <span class="question-id">{ &question.id }</span>{ " " }{ &question.title }
            </h3>
            <p id={text_id.clone()} class="question-text">{ &question.text }</p>
            <fieldset class="choices" aria-describedby={text_id}>
                <legend class="visually-hidden">{ format!("Answer to {}", question.title) }</legend>
                { for choices }
            </fieldset>
            <p class="answer-status">{ status }</p>
            <p class="question-meta">
                { format!("Severity: {} \u{b7} Effort: {}", question.severity.label(), question.effort.label()) }
            </p>
            <QuestionDetails question={question.clone()} bank={state.bank.clone()} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct QuestionDetailsProps {
    question: Question,
    bank: std::rc::Rc<Bank>,
}

/// The expandable explanation of a question: why, how to verify, what to do, references.
#[function_component(QuestionDetails)]
fn question_details(props: &QuestionDetailsProps) -> Html {
    let q = &props.question;
    let sources = q
        .sources
        .iter()
        .filter_map(|id| props.bank.source(id))
        .map(|s| format!("{}, \u{201c}{}\u{201d} ({})", s.publisher, s.title, s.date))
        .collect::<Vec<_>>();
    let refs = [
        ("NIST CSF 2.0", &q.refs.csf),
        ("CIS Controls v8", &q.refs.cis),
        ("CISA CPG v1.0.1", &q.refs.cpg),
        ("CISA SCuBA", &q.refs.scuba),
        ("MITRE ATT&CK", &q.refs.attack),
    ];
    html! {
        <div class="question-details">
            <details>
                <summary>{ "Why it matters" }</summary>
                <p>{ &q.why }</p>
                if let Some(adaptation) = &q.adaptation {
                    <p class="adaptation"><strong>{ "For non-federal organisations: " }</strong>{ adaptation }</p>
                }
            </details>
            <details>
                <summary>{ "How to verify" }</summary>
                <p>{ &q.verify }</p>
            </details>
            <details>
                <summary>{ "What to do if it is not in place" }</summary>
                <p>{ &q.remedy }</p>
            </details>
            <details>
                <summary>{ "References and sources" }</summary>
                <dl class="refs">
                    { for refs.iter().filter(|(_, ids)| !ids.is_empty()).map(|(name, ids)| html! {
                        <>
                            <dt>{ *name }</dt>
                            <dd>{ ids.join(", ") }</dd>
                        </>
                    }) }
                    <dt>{ "Sources" }</dt>
                    <dd>
                        <ul>{ for sources.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                    </dd>
                </dl>
            </details>
        </div>
    }
}
