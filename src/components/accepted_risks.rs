//! Gaps the organisation accepted as risks: listed apart, never counted as in place.

use std::rc::Rc;

use assessment_core::{Change, Evaluation, RecordEdit};
use yew::prelude::*;

use crate::format;
use crate::hooks::use_app;
use crate::words::words;

#[derive(Properties, PartialEq)]
pub struct AcceptedRisksProps {
    pub evaluation: Rc<Evaluation>,
}

#[component]
pub fn AcceptedRisks(props: &AcceptedRisksProps) -> Html {
    let app = use_app();
    let w = words();
    let risks = &props.evaluation.accepted_risks;
    let withdraw = |question: &str| {
        let app = app.clone();
        let question = question.to_owned();
        Callback::from(move |_| {
            app.change(Change::Record {
                question: question.clone(),
                edit: RecordEdit::RiskAcceptance(None),
            })
        })
    };
    html! {
        <section class="panel" aria-labelledby="risks-heading" data-testid="accepted-risks">
            <h3 id="risks-heading">{ w.risks_heading() }</h3>
            if risks.is_empty() {
                <p>{ w.risks_none() }</p>
            } else {
                <p>{ w.accepted_count(risks.len()) }</p>
                <ul class="risk-list">
                    for item in risks {
                        <li key={item.question.clone()} data-risk-id={item.question.clone()}>
                            <strong>{ format!("{} {}", item.question, item.title) }</strong>
                            { format!(" ({}; {})", w.severity(item.severity), w.answer_state(item.state)) }
                            if let Some(acceptance) = &item.risk_acceptance {
                                <br />{ w.risk_justification() }{ &acceptance.justification }
                                <br />{ w.risk_approver() }{ &acceptance.approver }
                                <br />{ w.risk_expires() }{ acceptance.expires_on.map(format::date).unwrap_or_default() }
                            }
                            <br /><button type="button" class="link-button" onclick={withdraw(&item.question)}>{ w.withdraw() }</button>
                        </li>
                    }
                </ul>
            }
        </section>
    }
}
