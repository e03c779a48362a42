//! What a scanner file would change, before anything does: the scan's facts and warnings, each
//! question it answers (with the choice where a hand answer differs), what it leaves to the
//! person, and what it checked that no question uses. The core worked all of it out
//! (`assessment_core::import::preview`); this page only shows it.

use assessment_core::import::{Preview, Reading, Row, RowKind, TenantOption, Undecided};
use assessment_core::{AnswerType, Response};
use yew::prelude::*;

use crate::bank;
use crate::hooks::{use_app, AppHandle};
use crate::words::words;

#[component]
pub fn ScanPreviewPage() -> Html {
    let app = use_app();
    let w = words();
    let Some(pending) = app.pending_scan.clone() else {
        return Html::default();
    };
    let cancel = {
        let app = app.clone();
        Callback::from(move |_| app.cancel_scan())
    };
    let body = match &pending.reading {
        Reading::Tenants { tenants } => tenant_picker(&app, tenants),
        Reading::Preview { preview } => preview_body(&app, &pending.name, preview),
    };
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ w.scan_preview_heading() }</h2>
            <p>{ w.scan_preview_intro() }</p>
            <div data-testid="scan-preview">{ body }</div>
            <div class="button-row">
                if let Reading::Preview { .. } = &pending.reading {
                    <button type="button" class="primary" data-testid="scan-confirm"
                        onclick={let app = app.clone(); Callback::from(move |_| app.confirm_scan())}>
                        { w.scan_confirm() }
                    </button>
                }
                <button type="button" onclick={cancel} data-testid="scan-cancel">{ w.cancel() }</button>
            </div>
        </>
    }
}

fn tenant_picker(app: &AppHandle, tenants: &[TenantOption]) -> Html {
    let w = words();
    let choose = |index: usize| {
        let app = app.clone();
        Callback::from(move |_| app.choose_scan_tenant(index))
    };
    html! {
        <section aria-labelledby="scan-tenants-heading">
            <h3 id="scan-tenants-heading">{ w.scan_tenants_heading() }</h3>
            <ul class="scan-tenants">
                for (index, option) in tenants.iter().enumerate() {
                    <li key={index}>
                        <button type="button" onclick={choose(index)} data-testid="scan-tenant">
                            { w.scan_tenant_choice(&option.tenant, option.scanned_at.as_deref(), option.checks) }
                        </button>
                    </li>
                }
            </ul>
        </section>
    }
}

fn preview_body(app: &AppHandle, file_name: &str, preview: &Preview) -> Html {
    let w = words();
    html! {
        <>
            { facts(file_name, preview) }
            { warnings(app, preview) }
            { changes(app, preview) }
            if !preview.undecided.is_empty() {
                { undecided(&preview.undecided) }
            }
            if !preview.unused.is_empty() {
                <details class="scan-unused" data-testid="scan-unused">
                    <summary>{ w.scan_unused_heading(preview.unused.len()) }</summary>
                    <ul>
                        for check in &preview.unused {
                            <li key={check.id.clone()}><code>{ &check.id }</code>{ ": " }{ &check.result }
                                if !check.title.is_empty() { { " \u{2014} " }{ &check.title } }
                            </li>
                        }
                    </ul>
                </details>
            }
        </>
    }
}

/// The scan's tool, version, tenant, date and report id.
fn facts(file_name: &str, preview: &Preview) -> Html {
    let w = words();
    let source = &preview.source;
    let unknown = || w.scan_unknown().to_string();
    let [file, tool, version, tenant, scanned, report] = w.scan_fact_labels();
    let rows = [
        (file, file_name.to_string()),
        (
            tool,
            format!(
                "{} \u{2014} {}",
                w.scan_tool(source.tool),
                w.scan_kind(&preview.kind)
            ),
        ),
        (version, source.tool_version.clone().unwrap_or_else(unknown)),
        (tenant, w.scan_tenant(&source.tenant)),
        (scanned, source.scanned_at.clone().unwrap_or_else(unknown)),
        (report, w.provenance_report(&source.report)),
    ];
    html! {
        <dl class="scan-facts" data-testid="scan-facts">
            for (label, value) in rows {
                <dt key={label}>{ label }</dt>
                <dd key={format!("{label}-value")}>{ value }</dd>
            }
        </dl>
    }
}

/// Age, tenant, damage, duplicates and unknown policies, called out before confirming.
fn warnings(app: &AppHandle, preview: &Preview) -> Html {
    let w = words();
    let mut lines = Vec::new();
    if preview.stale(app.today) {
        lines.push((
            "scan-stale",
            w.scan_stale(preview.age_days(app.today).unwrap_or_default()),
        ));
    }
    if let Some(earlier) = &preview.other_tenant {
        lines.push(("scan-other-tenant", w.scan_other_tenant(earlier)));
    }
    if preview.damaged {
        lines.push(("scan-damaged", w.scan_damaged().to_string()));
    }
    if !preview.duplicate_ids.is_empty() {
        lines.push(("scan-duplicates", w.scan_duplicates(&preview.duplicate_ids)));
    }
    if !preview.unknown_policies.is_empty() {
        lines.push((
            "scan-unknown-policies",
            w.scan_unknown_policies(&preview.unknown_policies),
        ));
    }
    if lines.is_empty() {
        return Html::default();
    }
    html! {
        <div class="banner warning" role="note" data-testid="scan-warnings">
            <ul>
                for (test_id, line) in lines {
                    <li key={test_id} data-testid={test_id}>
                        <span aria-hidden="true">{ "\u{26a0} " }</span>{ line }
                    </li>
                }
            </ul>
        </div>
    }
}

fn changes(app: &AppHandle, preview: &Preview) -> Html {
    let w = words();
    let conflicts = preview.conflicts().count();
    let [question, now, says, change, evidence, choice] = w.scan_columns();
    let all = |take: bool| {
        let app = app.clone();
        Callback::from(move |_| app.choose_all_scan_answers(take))
    };
    html! {
        <section aria-labelledby="scan-changes-heading">
            <h3 id="scan-changes-heading">{ w.scan_changes_heading(preview.rows.len()) }</h3>
            if preview.rows.is_empty() {
                <p>{ w.scan_no_changes() }</p>
            } else {
                if conflicts > 0 {
                    <p data-testid="scan-conflicts">{ w.scan_conflicts(conflicts) }</p>
                    <div class="button-row">
                        <button type="button" onclick={all(false)} data-testid="scan-keep-all">{ w.scan_keep_all() }</button>
                        <button type="button" onclick={all(true)} data-testid="scan-take-all">{ w.scan_take_all() }</button>
                    </div>
                }
                <div class="table-scroll">
                    <table class="scan-rows">
                        <thead><tr>
                            <th scope="col">{ question }</th><th scope="col">{ now }</th>
                            <th scope="col">{ says }</th><th scope="col">{ change }</th>
                            <th scope="col">{ evidence }</th>
                            <th scope="col">{ choice }</th>
                        </tr></thead>
                        <tbody>
                            for row in &preview.rows {
                                { change_row(app, row) }
                            }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

fn change_row(app: &AppHandle, row: &Row) -> Html {
    let w = words();
    let Some(question) = bank().question(&row.question) else {
        return Html::default();
    };
    let take = app
        .pending_scan
        .as_ref()
        .and_then(|p| p.choices.get(&row.question).copied())
        .unwrap_or(false);
    html! {
        <tr key={row.question.clone()} data-question-id={row.question.clone()} data-kind={assessment_core::Keyed::key(row.kind)}>
            <th scope="row"><span class="question-id">{ &question.id }</span>{ " " }{ &question.title }</th>
            <td data-testid="scan-from">{ response_label(question.answer, row.from.as_ref()) }</td>
            <td data-testid="scan-to">{ w.answer_label(question.answer, row.to) }</td>
            <td data-testid="scan-change">{ &row.change }</td>
            <td>
                <ul class="evidence">
                    for check in &row.checks {
                        <li key={check.id.clone()}>
                            <code>{ &check.id }</code>{ ": " }{ &check.verdict }
                            if check.earlier_wording {
                                <span class="flag" data-testid="earlier-wording">
                                    { " \u{26a0} " }{ w.scan_earlier_wording(&check.policy) }
                                </span>
                            }
                        </li>
                    }
                </ul>
            </td>
            <td>{ choice_cell(app, row, take) }</td>
        </tr>
    }
}

/// For a conflict, "keep mine" or "take the scan's" as a radio pair; otherwise what will happen.
fn choice_cell(app: &AppHandle, row: &Row, take: bool) -> Html {
    let w = words();
    if row.kind != RowKind::Conflict {
        return html! { { w.scan_row_kind(row.kind) } };
    }
    let name = format!("scan-choice-{}", row.question);
    let option = |value: bool, label: &'static str, test_id: &'static str| {
        let app = app.clone();
        let question = row.question.clone();
        let onchange = Callback::from(move |_| app.choose_scan_answer(&question, value));
        let id = format!("{name}-{test_id}");
        html! {
            <label for={id.clone()} class="choice">
                <input type="radio" {id} name={name.clone()} checked={take == value} {onchange}
                    data-testid={test_id} />
                { label }
            </label>
        }
    };
    html! {
        <fieldset class="scan-choice">
            <legend>{ w.scan_row_kind(row.kind) }</legend>
            { option(false, w.scan_keep_mine(), "scan-keep") }
            { option(true, w.scan_take_scan(), "scan-take") }
        </fieldset>
    }
}

fn response_label(answer: AnswerType, response: Option<&Response>) -> String {
    let w = words();
    match response {
        None => w.scan_unanswered().to_string(),
        Some(Response::Implemented { level }) => {
            w.answer_label(answer, answer.migrate(*level)).to_string()
        }
        Some(Response::NotApplicable { .. }) => w.not_applicable().to_string(),
        Some(Response::DontKnow) => w.dont_know().to_string(),
    }
}

fn undecided(list: &[Undecided]) -> Html {
    let w = words();
    html! {
        <section aria-labelledby="scan-undecided-heading" data-testid="scan-undecided">
            <h3 id="scan-undecided-heading">{ w.scan_undecided_heading(list.len()) }</h3>
            <p>{ w.scan_undecided_intro() }</p>
            <ul>
                for item in list {
                    <li key={item.question.clone()} data-question-id={item.question.clone()}>
                        <span class="question-id">{ &item.question }</span>{ " " }
                        { bank().question(&item.question).map(|q| q.title.clone()).unwrap_or_default() }
                        <ul>
                            for check in &item.checks {
                                <li key={check.check.id.clone()}><code>{ &check.check.id }</code>{ ": " }
                                    { w.scan_outcome(check.outcome, &check.check.verdict) }</li>
                            }
                            if !item.missing.is_empty() {
                                <li>{ w.scan_missing(&item.missing) }</li>
                            }
                        </ul>
                    </li>
                }
            </ul>
        </section>
    }
}
