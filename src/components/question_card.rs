//! One question: the answer choices its type offers as a native radio group, what each means
//! where the bank defines it, the licence it needs, the terms it uses, the reason for "does not
//! apply", the expandable explanation, and the evidence / owner / target date fields.
//!
//! A card takes everything it shows as props and changes state through the reducer's dispatcher
//! (whose identity never changes), so answering one question re-renders that card only, not the
//! hundreds of others on a large page.

use assessment_core::assessment::Evidence;
use assessment_core::scan::ScanSource;
use assessment_core::{
    AnswerRecord, AnswerState, AnswerType, Assessment, Change, Level, Question, RecordEdit,
    Response,
};
use yew::prelude::*;

use super::fields::{DateField, TextField};
use crate::bank;
use crate::state::{Action, AppState, Screen};
use crate::words::words;

type Dispatcher = UseReducerDispatcher<AppState>;

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    /// Index of the question in the bank.
    pub index: usize,
    /// What is recorded for it; `None` when nothing is.
    pub record: Option<AnswerRecord>,
    /// The bank's guidance is installed; the card shows it once this turns true.
    pub guidance: bool,
    /// The scan the record's evidence came from, if it came from one.
    #[prop_or_default]
    pub scan: Option<ScanSource>,
    pub dispatcher: Dispatcher,
}

/// The scan the evidence of `question`'s answer names, for the card's `scan` prop.
pub fn scan_of(assessment: &Assessment, question: &str) -> Option<ScanSource> {
    let evidence = assessment.record(question)?.evidence.as_ref()?;
    assessment.scan(evidence).cloned()
}

/// The answer choices in the order they are offered, each with its stable test value.
#[derive(Clone, Copy, PartialEq)]
enum Choice {
    Level(Level),
    NotApplicable,
    DontKnow,
}

impl Choice {
    /// The choices a question of this type offers: its levels, then the two other answers.
    fn offered(answer: AnswerType) -> Vec<Choice> {
        let levels = answer.levels().iter().map(|level| Choice::Level(*level));
        levels
            .chain([Choice::NotApplicable, Choice::DontKnow])
            .collect()
    }

    fn of(response: Option<&Response>) -> Option<Choice> {
        match response? {
            Response::Implemented { level } => Some(Choice::Level(*level)),
            Response::NotApplicable { .. } => Some(Choice::NotApplicable),
            Response::DontKnow => Some(Choice::DontKnow),
        }
    }

    /// The level's key, as the file stores it, whatever the type calls it.
    fn value(self) -> &'static str {
        match self {
            Choice::Level(level) => level.key(),
            Choice::NotApplicable => "not-applicable",
            Choice::DontKnow => "dont-know",
        }
    }

    fn label(self, answer: AnswerType) -> &'static str {
        match self {
            Choice::Level(level) => words().answer_label(answer, level),
            Choice::NotApplicable => words().not_applicable(),
            Choice::DontKnow => words().dont_know(),
        }
    }

    /// The response this choice records; a reason already typed for "does not apply" is kept.
    fn response(self, previous: Option<&Response>) -> Response {
        match self {
            Choice::Level(level) => Response::Implemented { level },
            Choice::DontKnow => Response::DontKnow,
            Choice::NotApplicable => Response::NotApplicable {
                reason: match previous {
                    Some(Response::NotApplicable { reason }) => reason.clone(),
                    _ => String::new(),
                },
            },
        }
    }
}

#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let Some(question) = bank().questions.get(props.index) else {
        return Html::default();
    };
    let w = words();
    let record = props.record.as_ref();
    let response = record.and_then(|r| r.response.as_ref());
    let answer = question.answer;
    let current = Choice::of(response).map(|choice| match choice {
        Choice::Level(level) => Choice::Level(answer.migrate(level)),
        other => other,
    });
    let id = &question.id;
    let text_id = format!("q-{id}-text");
    // The card is only shown for questions in scope; the core says whether the answer is complete
    // ("does not apply" without a reason is not, exactly as the score counts it).
    let state = AnswerState::of(response, true);
    let complete = !state.is_pending();
    let status = match current {
        Some(_) if state == AnswerState::NeedsReason => w.status_needs_reason().to_string(),
        Some(choice) => w.answered_status(choice.label(answer)),
        None => w.status_unanswered().to_string(),
    };
    let dispatch = {
        let dispatcher = props.dispatcher.clone();
        move |change: Change| dispatcher.dispatch(Action::Change(change))
    };
    let choices = Choice::offered(answer).into_iter().map(|choice| {
        let input_id = format!("q-{id}-{}", choice.value());
        let onchange = {
            let dispatch = dispatch.clone();
            let change = Change::Respond {
                question: id.clone(),
                response: Some(choice.response(response)),
            };
            Callback::from(move |_| dispatch(change.clone()))
        };
        let extra = matches!(choice, Choice::NotApplicable | Choice::DontKnow);
        html! {
            <label class={classes!("choice", extra.then_some("choice-other"))} for={input_id.clone()} key={choice.value()}>
                <input
                    type="radio"
                    id={input_id}
                    name={format!("q-{id}")}
                    value={choice.value()}
                    checked={current == Some(choice)}
                    {onchange}
                />
                <span>{ choice.label(answer) }</span>
            </label>
        }
    });
    let clear = {
        let dispatch = dispatch.clone();
        let change = Change::Respond {
            question: id.clone(),
            response: None,
        };
        Callback::from(move |_| dispatch(change.clone()))
    };
    let answered_class = if complete { "answered" } else { "unanswered" };
    html! {
        <article class={classes!("question", answered_class)} data-question-id={id.clone()} data-answer-type={answer.key()}>
            <h3>
                <span class="question-id">{ id }</span>{ " " }{ &question.title }
            </h3>
            <p id={text_id.clone()} class="question-text">{ &question.text }</p>
            <fieldset class="choices" aria-describedby={text_id}>
                <legend class="visually-hidden">{ format!("{} {}", w.answer_legend_prefix(), question.title) }</legend>
                { for choices }
            </fieldset>
            { level_meanings(question) }
            { licence_note(question) }
            { terms_note(question, &props.dispatcher) }
            if let Some(evidence) = record.and_then(|r| r.evidence.as_ref()) {
                { provenance(answer, evidence, props.scan.as_ref()) }
            }
            if let Some(Response::NotApplicable { reason }) = response {
                <NotApplicableReason question_id={id.clone()} reason={reason.clone()} dispatcher={props.dispatcher.clone()} />
            }
            <p class="answer-status">
                <span class="status-mark" aria-hidden="true">{ if complete { "\u{2713} " } else { "\u{25cb} " } }</span>
                { status }
                if current.is_some() {
                    { " " }
                    <button type="button" class="link-button" onclick={clear}>{ w.clear_answer() }</button>
                }
            </p>
            <p class="question-meta">
                { w.severity_effort(w.severity(question.severity), w.effort(question.effort)) }
                if let Some(date) = &question.as_of {
                    { " \u{b7} " }{ w.facts_checked(date) }
                }
            </p>
            <QuestionDetails index={props.index} />
            <RecordFields question_id={id.clone()} record={props.record.clone().unwrap_or_default()} dispatcher={props.dispatcher.clone()} />
        </article>
    }
}

/// Where the answer came from: the scan (tool, version, tenant, time, report) and each check's
/// verdict as the tool gave it, and whether the person has changed the answer since.
fn provenance(answer: AnswerType, evidence: &Evidence, scan: Option<&ScanSource>) -> Html {
    let w = words();
    html! {
        <div class="provenance" data-testid="provenance">
            <p class="provenance-heading"><strong>{ w.provenance_heading() }</strong>{ ": " }
                if let Some(scan) = scan {
                    { w.provenance_source(scan) }{ ". " }{ w.provenance_report(&scan.report) }
                } else {
                    { w.provenance_missing_scan() }
                }
            </p>
            <ul class="evidence">
                for check in &evidence.checks {
                    <li key={check.id.clone()}><code>{ &check.id }</code>{ ": " }{ &check.verdict }
                        if check.earlier_wording {
                            <span class="flag">{ " \u{26a0} " }{ w.scan_earlier_wording(&check.policy) }</span>
                        }
                    </li>
                }
            </ul>
            if evidence.changed_by_hand {
                <p class="flag" data-testid="changed-by-hand">
                    <span aria-hidden="true">{ "\u{270e} " }</span>
                    { w.provenance_changed(w.answer_label(answer, evidence.level)) }
                </p>
            }
        </div>
    }
}

/// What each answer means for this question, where the bank defines it.
fn level_meanings(question: &Question) -> Html {
    if question.levels.is_empty() {
        return Html::default();
    }
    let w = words();
    let meanings = question.answer.levels().iter().filter_map(|level| {
        let meaning = question.levels.get(level.key())?;
        Some(html! {
            <>
                <dt>{ w.answer_label(question.answer, *level) }</dt>
                <dd>{ meaning }</dd>
            </>
        })
    });
    html! {
        <div class="level-meanings">
            <p class="level-meanings-heading">{ w.level_meanings() }</p>
            <dl>{ for meanings }</dl>
        </div>
    }
}

/// The licences the measure needs and what to do without them.
fn licence_note(question: &Question) -> Html {
    let w = words();
    let needs: Vec<Html> = bank()
        .licences_of(question)
        .map(|licence| html! { <p>{ w.needs_licence(&licence.name, &licence.included_in) }</p> })
        .collect();
    if needs.is_empty() {
        return Html::default();
    }
    html! {
        <div class="licence-note">
            { for needs }
            if let Some(alternative) = &question.free_alternative {
                <p><strong>{ w.free_alternative() }</strong>{ alternative }</p>
            }
        </div>
    }
}

/// The glossary entries for the jargon in the question, and a way to the whole glossary.
fn terms_note(question: &Question, dispatcher: &Dispatcher) -> Html {
    let terms = bank().terms_in(question);
    if terms.is_empty() {
        return Html::default();
    }
    let names: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
    // The glossary's "back" button returns to this page.
    let open_glossary = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| dispatcher.dispatch(Action::Go(Screen::Glossary)))
    };
    html! {
        <details class="terms">
            <summary>{ words().terms_used(&names.join(", ")) }</summary>
            <dl>
                for term in &terms {
                    <dt>{ &term.term }</dt>
                    <dd>{ &term.definition }</dd>
                }
            </dl>
            <button type="button" class="link-button" onclick={open_glossary}>{ words().open_glossary() }</button>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct NotApplicableReasonProps {
    question_id: String,
    reason: String,
    dispatcher: Dispatcher,
}

/// The required reason for "does not apply"; until it is given the question counts as unanswered.
#[component]
fn NotApplicableReason(props: &NotApplicableReasonProps) -> Html {
    let on_change = {
        let question = props.question_id.clone();
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |reason: String| {
            dispatcher.dispatch(Action::Change(Change::Respond {
                question: question.clone(),
                response: Some(Response::NotApplicable { reason }),
            }))
        })
    };
    let error = props
        .reason
        .trim()
        .is_empty()
        .then_some(words().na_reason_missing());
    html! {
        <TextField
            id={format!("q-{}-na-reason", props.question_id)}
            label={words().na_reason()}
            value={props.reason.clone()}
            multiline=true
            required=true
            error={error.map(AttrValue::from)}
            {on_change}
        />
    }
}

#[derive(Properties, PartialEq)]
struct RecordFieldsProps {
    question_id: String,
    record: AnswerRecord,
    dispatcher: Dispatcher,
}

/// Evidence note, owner and target date, folded away until needed.
#[component]
fn RecordFields(props: &RecordFieldsProps) -> Html {
    let w = words();
    let id = &props.question_id;
    let record = &props.record;
    let edit = |make: fn(String) -> RecordEdit| {
        let dispatcher = props.dispatcher.clone();
        let question = id.clone();
        Callback::from(move |value: String| {
            dispatcher.dispatch(Action::Change(Change::Record {
                question: question.clone(),
                edit: make(value),
            }))
        })
    };
    let on_date = {
        let dispatcher = props.dispatcher.clone();
        let question = id.clone();
        Callback::from(move |date| {
            dispatcher.dispatch(Action::Change(Change::Record {
                question: question.clone(),
                edit: RecordEdit::TargetDate(date),
            }))
        })
    };
    let filled =
        !record.note.is_empty() || !record.owner.is_empty() || record.target_date.is_some();
    html! {
        <details class="record" open={filled}>
            <summary>
                { w.record() }
                if filled { { " " }<span class="muted">{ w.record_filled() }</span> }
            </summary>
            <div class="record-fields">
                <TextField id={format!("q-{id}-note")} label={w.note()} value={record.note.clone()} multiline=true on_change={edit(RecordEdit::Note)} />
                <TextField id={format!("q-{id}-owner")} label={w.owner()} value={record.owner.clone()} on_change={edit(RecordEdit::Owner)} />
                <DateField id={format!("q-{id}-target")} label={w.target_date()} value={record.target_date} on_change={on_date} />
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct QuestionDetailsProps {
    index: usize,
}

/// The expandable explanation of a question: why, how to verify, what to do, references.
#[component]
fn QuestionDetails(props: &QuestionDetailsProps) -> Html {
    let Some(q) = bank().questions.get(props.index) else {
        return Html::default();
    };
    let w = words();
    let sources = q
        .sources
        .iter()
        .filter_map(|id| bank().source(id))
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
                <summary>{ w.why() }</summary>
                <p>{ &q.why }</p>
                if let Some(adaptation) = &q.adaptation {
                    <p class="adaptation"><strong>{ w.adaptation() }</strong>{ adaptation }</p>
                }
            </details>
            <details>
                <summary>{ w.verify() }</summary>
                <p>{ &q.verify }</p>
            </details>
            <details>
                <summary>{ w.remedy() }</summary>
                <p>{ &q.remedy }</p>
            </details>
            <details>
                <summary>{ w.references() }</summary>
                <dl class="refs">
                    for (name, ids) in refs.iter().filter(|(_, ids)| !ids.is_empty()) {
                        <dt>{ *name }</dt>
                        <dd>{ ids.join(", ") }</dd>
                    }
                    <dt>{ w.sources() }</dt>
                    <dd>
                        <ul>
                            for source in &sources {
                                <li>{ source }</li>
                            }
                        </ul>
                    </dd>
                </dl>
            </details>
        </div>
    }
}
