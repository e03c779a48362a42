//! The ranked action plan with its filters, and each action's status and risk acceptance.
//!
//! The filter lives in the app state and the core decides what it keeps; every select shows the
//! choice it filters by, because each option says whether it is selected (Yew inserts options
//! last-first, so a select left to itself would show its last option).

use std::rc::Rc;

use assessment_core::{
    ActionStatus, Change, Evaluation, Flag, Keyed, PlanFilter, PlanItem, RecordEdit, RiskAcceptance,
};
use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::fields::{DateField, TextField};
use crate::format;
use crate::hooks::{use_app, AppHandle};
use crate::words::words;

#[derive(Properties, PartialEq)]
pub struct ActionPlanProps {
    pub evaluation: Rc<Evaluation>,
}

/// The value of a `<select>` change event.
pub(crate) fn selected(event: &Event) -> String {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// A select over the choices of `T` plus "All", showing `current`; `on_choose` gets the choice.
fn choice_select<T: Keyed>(
    id: &'static str,
    label: &'static str,
    current: Option<T>,
    name: impl Fn(T) -> &'static str,
    on_choose: Callback<Option<T>>,
) -> Html {
    let onchange =
        Callback::from(move |event: Event| on_choose.emit(T::from_key(&selected(&event))));
    html! {
        <>
            <label for={id}>{ label }</label>
            <select {id} {onchange} data-testid={id}>
                <option value="" selected={current.is_none()}>{ words().filter_all() }</option>
                for choice in T::ALL.iter().copied() {
                    <option value={choice.key()} selected={current == Some(choice)}>{ name(choice) }</option>
                }
            </select>
        </>
    }
}

/// A callback that sets one field of the plan filter the state holds.
fn set_filter<T: 'static>(
    app: &AppHandle,
    set: fn(&mut PlanFilter, Option<T>),
) -> Callback<Option<T>> {
    let app = app.clone();
    Callback::from(move |choice| {
        let mut next = app.plan_filter;
        set(&mut next, choice);
        app.filter_plan(next);
    })
}

#[component]
pub fn ActionPlan(props: &ActionPlanProps) -> Html {
    let app = use_app();
    let w = words();
    let filter = app.plan_filter;
    let shown = props.evaluation.plan.shown(&filter);
    let horizon = set_filter(&app, |f, horizon| f.horizon = horizon);
    let severity = set_filter(&app, |f, severity| f.severity = severity);
    let status = set_filter(&app, |f, status| f.status = status);
    html! {
        <section class="panel" aria-labelledby="plan-heading" data-testid="plan">
            <h3 id="plan-heading">{ w.plan_heading() }</h3>
            <p>{ w.plan_intro() }</p>
            if shown.total == 0 {
                <p>{ w.plan_empty() }</p>
            } else {
                <fieldset class="filters">
                    <legend>{ w.filter_heading() }</legend>
                    { choice_select("filter-horizon", w.filter_horizon(), filter.horizon, |h| w.horizon(h), horizon) }
                    { choice_select("filter-severity", w.filter_severity(), filter.severity, |s| w.severity(s), severity) }
                    { choice_select("filter-status", w.filter_status(), filter.status, |s| w.action_status_label(s), status) }
                </fieldset>
                <p role="status" data-testid="plan-count">{ w.plan_count(shown.shown, shown.total) }</p>
                if shown.shown == 0 {
                    <p>{ w.filter_none_match() }</p>
                }
                for group in &shown.groups {
                    <div class="plan-group" key={group.group.horizon.key()}>
                        <h4>{ w.horizon(group.group.horizon) }</h4>
                        <ol class="plan-items">
                            for item in &group.items {
                                <PlanEntry key={item.question.clone()} item={(*item).clone()} />
                            }
                        </ol>
                    </div>
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PlanEntryProps {
    item: PlanItem,
}

#[component]
fn PlanEntry(props: &PlanEntryProps) -> Html {
    let app = use_app();
    let w = words();
    let item = &props.item;
    let accepting = use_state(|| false);
    let on_status = {
        let app = app.clone();
        let question = item.question.clone();
        Callback::from(move |status: Option<ActionStatus>| {
            if let Some(status) = status {
                app.change(Change::Record {
                    question: question.clone(),
                    edit: RecordEdit::ActionStatus(status),
                });
            }
        })
    };
    let on_status = Callback::from(move |event: Event| {
        on_status.emit(ActionStatus::from_key(&selected(&event)))
    });
    let open_form = {
        let accepting = accepting.clone();
        Callback::from(move |_| accepting.set(true))
    };
    let status_id = format!("status-{}", item.question);
    html! {
        <li class={classes!("plan-item", format!("severity-{}", item.severity.key()))}
            data-action-id={item.question.clone()}>
            <h5>
                <span class="rank">{ w.rank(item.rank) }</span>{ " " }
                <span class="question-id">{ &item.question }</span>{ " " }{ &item.title }
            </h5>
            <p class="question-meta">
                { w.severity_effort(w.severity(item.severity), w.effort(item.effort)) }
                { " \u{b7} " }{ w.answer_state(item.state) }
            </p>
            if !item.flags.is_empty() {
                <ul class="flags">
                    for flag in &item.flags {
                        <li><span aria-hidden="true">{ "\u{26a0} " }</span>{ flag_text(flag) }</li>
                    }
                </ul>
            }
            if let Some(step) = &item.first_step {
                <p><strong>{ w.action_first() }</strong>{ w.first_step(step) }</p>
            }
            <p>{ &item.what }</p>
            <details>
                <summary>{ w.action_why() }</summary>
                <p>{ &item.why }</p>
            </details>
            <dl class="action-facts">
                <dt>{ w.action_owner() }</dt>
                <dd>{ if item.owner.is_empty() { w.action_no_owner() } else { item.owner.as_str() } }</dd>
                <dt>{ w.action_due() }</dt>
                <dd>{ w.due(&item.due) }</dd>
            </dl>
            <div class="button-row">
                <label for={status_id.clone()}>{ w.action_status() }</label>
                <select id={status_id} onchange={on_status} data-testid="action-status">
                    for status in ActionStatus::ALL.iter().copied() {
                        <option value={status.key()} selected={status == item.status}>{ w.action_status_label(status) }</option>
                    }
                </select>
                if !*accepting {
                    <button type="button" onclick={open_form} aria-label={w.action_label(w.accept_risk(), &item.question)}>{ w.accept_risk() }</button>
                }
            </div>
            if *accepting {
                <AcceptanceForm question={item.question.clone()} existing={item.risk_acceptance.clone()}
                    on_done={Callback::from(move |_| accepting.set(false))} />
            }
        </li>
    }
}

fn flag_text(flag: &Flag) -> String {
    let w = words();
    match flag {
        Flag::Overdue { due } => format!("{} (due {})", w.flag_overdue(), format::date(*due)),
        Flag::AcceptanceNotValid { problems } => {
            let problems: Vec<String> = problems.iter().map(|p| w.acceptance_problem(*p)).collect();
            format!("{}: {}", w.flag_acceptance(), problems.join("; "))
        }
        Flag::DoneButAnswerNotUpdated => w.flag_done_not_updated().to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct AcceptanceFormProps {
    question: String,
    existing: Option<RiskAcceptance>,
    on_done: Callback<()>,
}

/// Records a risk acceptance. What it still lacks is the core's rule, the same one the plan uses
/// to decide whether an acceptance holds.
#[component]
fn AcceptanceForm(props: &AcceptanceFormProps) -> Html {
    let app = use_app();
    let w = words();
    let draft = use_state(|| props.existing.clone().unwrap_or_default());
    let tried = use_state(|| false);
    let set = |apply: fn(&mut RiskAcceptance, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            apply(&mut next, value);
            draft.set(next);
        })
    };
    let on_expiry = {
        let draft = draft.clone();
        Callback::from(move |date: Option<NaiveDate>| {
            let mut next = (*draft).clone();
            next.expires_on = date;
            draft.set(next);
        })
    };
    let missing = draft.missing();
    let record = {
        let question = props.question.clone();
        let draft = draft.clone();
        let tried = tried.clone();
        let on_done = props.on_done.clone();
        let complete = missing.is_empty();
        Callback::from(move |_| {
            if complete {
                app.change(Change::Record {
                    question: question.clone(),
                    edit: RecordEdit::RiskAcceptance(Some((*draft).clone())),
                });
                on_done.emit(());
            } else {
                tried.set(true);
            }
        })
    };
    let cancel = {
        let on_done = props.on_done.clone();
        Callback::from(move |_| on_done.emit(()))
    };
    let id = &props.question;
    html! {
        <div class="acceptance-form" role="group" aria-labelledby={format!("accept-{id}-heading")}>
            <h6 id={format!("accept-{id}-heading")}>{ w.accept_heading() }</h6>
            <p class="help">{ w.accept_explain() }</p>
            <TextField id={format!("accept-{id}-justification")} label={w.justification()} multiline=true
                value={draft.justification.clone()} on_change={set(|r, v| r.justification = v)} required=true />
            <TextField id={format!("accept-{id}-approver")} label={w.approver()}
                value={draft.approver.clone()} on_change={set(|r, v| r.approver = v)} required=true />
            <DateField id={format!("accept-{id}-expires")} label={w.expires()} value={draft.expires_on} on_change={on_expiry} />
            if *tried && !missing.is_empty() {
                <p class="field-error" role="alert" data-testid="acceptance-missing">
                    { w.accept_incomplete() }{ " " }{ w.acceptance_missing(&missing) }
                </p>
            }
            <div class="button-row">
                <button type="button" class="primary" onclick={record}>{ w.record_acceptance() }</button>
                <button type="button" onclick={cancel}>{ w.cancel() }</button>
            </div>
        </div>
    }
}
