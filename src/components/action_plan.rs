//! The ranked action plan with filters, each action's status and risk acceptance, and the list
//! of accepted risks.

use assessment_core::{
    ActionStatus, Change, Flag, Horizon, PlanItem, RecordEdit, RiskAcceptance, Severity,
};
use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::fields::{DateField, TextField};
use super::results_page::EvaluationProps;
use crate::state::{use_assessment, Action};
use crate::{format, text};

/// What the plan is filtered to; `None` means "all".
#[derive(Clone, Default, PartialEq)]
struct Filters {
    horizon: Option<Horizon>,
    severity: Option<Severity>,
    status: Option<ActionStatus>,
}

impl Filters {
    fn keeps(&self, item: &PlanItem) -> bool {
        self.horizon.is_none_or(|h| h == item.horizon)
            && self.severity.is_none_or(|s| s == item.severity)
            && self.status.is_none_or(|s| s == item.status)
    }
}

const SEVERITIES: [Severity; 4] = [
    Severity::Critical,
    Severity::High,
    Severity::Medium,
    Severity::Low,
];
const STATUSES: [ActionStatus; 3] = [
    ActionStatus::Open,
    ActionStatus::InProgress,
    ActionStatus::Done,
];

fn status_key(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "open",
        ActionStatus::InProgress => "in-progress",
        ActionStatus::Done => "done",
    }
}

/// The value of a `<select>` change event.
fn selected(event: &Event) -> String {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

#[function_component(ActionPlan)]
pub fn action_plan(props: &EvaluationProps) -> Html {
    let filters = use_state(Filters::default);
    let plan = &props.evaluation.plan;
    let total = plan.len();
    let shown = plan.items().filter(|i| filters.keeps(i)).count();
    let on_filter = |apply: fn(&mut Filters, &str)| {
        let filters = filters.clone();
        Callback::from(move |event: Event| {
            let mut next = (*filters).clone();
            apply(&mut next, &selected(&event));
            filters.set(next);
        })
    };
    let horizon_filter = on_filter(|f, v| {
        f.horizon = Horizon::ALL.into_iter().find(|h| h.label() == v);
    });
    let severity_filter = on_filter(|f, v| {
        f.severity = SEVERITIES.into_iter().find(|s| s.label() == v);
    });
    let status_filter = on_filter(|f, v| {
        f.status = STATUSES.into_iter().find(|s| status_key(*s) == v);
    });
    html! {
        <section class="panel" aria-labelledby="plan-heading" data-testid="plan">
            <h3 id="plan-heading">{ text::PLAN_HEADING }</h3>
            <p>{ text::PLAN_INTRO }</p>
            if plan.is_empty() {
                <p>{ text::PLAN_EMPTY }</p>
            } else {
                <fieldset class="filters">
                    <legend>{ text::FILTER_HEADING }</legend>
                    <label for="filter-horizon">{ text::FILTER_HORIZON }</label>
                    <select id="filter-horizon" onchange={horizon_filter} data-testid="filter-horizon">
                        <option value="">{ text::FILTER_ALL }</option>
                        { for Horizon::ALL.iter().map(|h| html! { <option value={h.label()}>{ h.label() }</option> }) }
                    </select>
                    <label for="filter-severity">{ text::FILTER_SEVERITY }</label>
                    <select id="filter-severity" onchange={severity_filter} data-testid="filter-severity">
                        <option value="">{ text::FILTER_ALL }</option>
                        { for SEVERITIES.iter().map(|s| html! { <option value={s.label()}>{ s.label() }</option> }) }
                    </select>
                    <label for="filter-status">{ text::FILTER_STATUS }</label>
                    <select id="filter-status" onchange={status_filter} data-testid="filter-status">
                        <option value="">{ text::FILTER_ALL }</option>
                        { for STATUSES.iter().map(|s| html! { <option value={status_key(*s)}>{ text::action_status_label(*s) }</option> }) }
                    </select>
                </fieldset>
                <p role="status" data-testid="plan-count">{ text::plan_count(shown, total) }</p>
                if shown == 0 {
                    <p>{ text::FILTER_NONE_MATCH }</p>
                }
                { for plan.groups.iter().filter(|g| g.items.iter().any(|i| filters.keeps(i))).map(|group| html! {
                    <div class="plan-group" key={group.label}>
                        <h4>{ group.label }</h4>
                        <ol class="plan-items">
                            { for group.items.iter().filter(|i| filters.keeps(i)).map(|item| html! {
                                <PlanEntry key={item.question.clone()} item={item.clone()} />
                            }) }
                        </ol>
                    </div>
                }) }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PlanEntryProps {
    item: PlanItem,
}

#[function_component(PlanEntry)]
fn plan_entry(props: &PlanEntryProps) -> Html {
    let state = use_assessment();
    let item = &props.item;
    let accepting = use_state(|| false);
    let on_status = {
        let state = state.clone();
        let question = item.question.clone();
        Callback::from(move |event: Event| {
            if let Some(status) = STATUSES
                .into_iter()
                .find(|s| status_key(*s) == selected(&event))
            {
                state.dispatch(Action::Change(Change::Record {
                    question: question.clone(),
                    edit: RecordEdit::ActionStatus(status),
                }));
            }
        })
    };
    let open_form = {
        let accepting = accepting.clone();
        Callback::from(move |_| accepting.set(true))
    };
    let status_id = format!("status-{}", item.question);
    html! {
        <li class={classes!("plan-item", format!("severity-{}", item.severity.label().to_lowercase()))}
            data-action-id={item.question.clone()}>
            <h5>
                <span class="rank">{ text::rank(item.rank) }</span>{ " " }
                <span class="question-id">{ &item.question }</span>{ " " }{ &item.title }
            </h5>
            <p class="question-meta">
                { text::severity_effort(item.severity.label(), item.effort.label()) }
                { " \u{b7} " }{ item.state.label() }
            </p>
            if !item.flags.is_empty() {
                <ul class="flags">
                    { for item.flags.iter().map(|f| html! { <li><span aria-hidden="true">{ "\u{26a0} " }</span>{ flag_text(f) }</li> }) }
                </ul>
            }
            if let Some(step) = &item.first_step {
                <p><strong>{ text::ACTION_FIRST }</strong>{ step }</p>
            }
            <p>{ &item.what }</p>
            <details>
                <summary>{ text::ACTION_WHY }</summary>
                <p>{ &item.why }</p>
            </details>
            <dl class="action-facts">
                <dt>{ text::ACTION_OWNER }</dt>
                <dd>{ if item.owner.is_empty() { text::ACTION_NO_OWNER } else { item.owner.as_str() } }</dd>
                <dt>{ text::ACTION_DUE }</dt>
                <dd>{ &item.due.explanation }</dd>
            </dl>
            <div class="button-row">
                <label for={status_id.clone()}>{ text::ACTION_STATUS }</label>
                <select id={status_id} onchange={on_status}>
                    { for STATUSES.iter().map(|s| html! {
                        <option value={status_key(*s)} selected={*s == item.status}>{ text::action_status_label(*s) }</option>
                    }) }
                </select>
                if !*accepting {
                    <button type="button" onclick={open_form} aria-label={text::action_label(text::ACCEPT_RISK, &item.question)}>{ text::ACCEPT_RISK }</button>
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
    match flag {
        Flag::Overdue { due } => format!("{} (due {})", text::FLAG_OVERDUE, format::date(*due)),
        Flag::AcceptanceNotValid { problems } => {
            let problems: Vec<String> = problems.iter().map(|p| p.label()).collect();
            format!("{}: {}", text::FLAG_ACCEPTANCE, problems.join("; "))
        }
        Flag::DoneButAnswerNotUpdated => text::FLAG_DONE_NOT_UPDATED.to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct AcceptanceFormProps {
    question: String,
    existing: Option<RiskAcceptance>,
    on_done: Callback<()>,
}

/// Records a risk acceptance; all three fields are required.
#[function_component(AcceptanceForm)]
fn acceptance_form(props: &AcceptanceFormProps) -> Html {
    let state = use_assessment();
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
    let complete = !draft.justification.trim().is_empty()
        && !draft.approver.trim().is_empty()
        && draft.expires_on.is_some();
    let record = {
        let state = state.clone();
        let question = props.question.clone();
        let draft = draft.clone();
        let tried = tried.clone();
        let on_done = props.on_done.clone();
        Callback::from(move |_| {
            if complete {
                state.dispatch(Action::Change(Change::Record {
                    question: question.clone(),
                    edit: RecordEdit::RiskAcceptance(Some((*draft).clone())),
                }));
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
            <h6 id={format!("accept-{id}-heading")}>{ text::ACCEPT_HEADING }</h6>
            <p class="help">{ text::ACCEPT_EXPLAIN }</p>
            <TextField id={format!("accept-{id}-justification")} label={text::JUSTIFICATION} multiline=true
                value={draft.justification.clone()} on_change={set(|r, v| r.justification = v)} required=true />
            <TextField id={format!("accept-{id}-approver")} label={text::APPROVER}
                value={draft.approver.clone()} on_change={set(|r, v| r.approver = v)} required=true />
            <DateField id={format!("accept-{id}-expires")} label={text::EXPIRES} value={draft.expires_on} on_change={on_expiry} />
            if *tried && !complete {
                <p class="field-error" role="alert">{ text::ACCEPT_INCOMPLETE }</p>
            }
            <div class="button-row">
                <button type="button" class="primary" onclick={record}>{ text::RECORD_ACCEPTANCE }</button>
                <button type="button" onclick={cancel}>{ text::CANCEL }</button>
            </div>
        </div>
    }
}

/// Gaps the organisation accepted as risks: listed apart, never counted as in place.
#[function_component(AcceptedRisks)]
pub fn accepted_risks(props: &EvaluationProps) -> Html {
    let state = use_assessment();
    let risks = &props.evaluation.accepted_risks;
    html! {
        <section class="panel" aria-labelledby="risks-heading" data-testid="accepted-risks">
            <h3 id="risks-heading">{ text::RISKS_HEADING }</h3>
            if risks.is_empty() {
                <p>{ text::RISKS_NONE }</p>
            } else {
                <p>{ text::accepted_count(risks.len()) }</p>
                <ul class="risk-list">
                    { for risks.iter().map(|item| {
                        let acceptance = item.risk_acceptance.clone().unwrap_or_default();
                        let withdraw = {
                            let state = state.clone();
                            let question = item.question.clone();
                            Callback::from(move |_| state.dispatch(Action::Change(Change::Record {
                                question: question.clone(),
                                edit: RecordEdit::RiskAcceptance(None),
                            })))
                        };
                        html! {
                            <li key={item.question.clone()} data-risk-id={item.question.clone()}>
                                <strong>{ format!("{} {}", item.question, item.title) }</strong>
                                { format!(" ({}; {})", item.severity.label(), item.state.label()) }
                                <br />{ text::RISK_JUSTIFICATION }{ &acceptance.justification }
                                <br />{ text::RISK_APPROVER }{ &acceptance.approver }
                                <br />{ text::RISK_EXPIRES }{ acceptance.expires_on.map(format::date).unwrap_or_else(|| text::RISK_NO_EXPIRY.to_string()) }
                                <br /><button type="button" class="link-button" onclick={withdraw}>{ text::WITHDRAW }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}
