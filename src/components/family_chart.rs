//! A bar per family, drawn in SVG, with the same numbers in a table beside it.

use assessment_core::{Evaluation, Tally};
use yew::prelude::*;

use crate::bank;
use crate::words::words;

const ROW: u32 = 28;
const LABEL: u32 = 330;
const BAR: u32 = 300;

/// A plain view function, like `holding::view`.
pub fn view(evaluation: &Evaluation) -> Html {
    let w = words();
    let rows: Vec<(&str, Tally)> = bank()
        .families
        .iter()
        .zip(&evaluation.scores.families)
        .map(|(family, score)| (family.title.as_str(), score.tally))
        .collect();
    let height = ROW * rows.len() as u32 + 10;
    html! {
        <section class="panel" aria-labelledby="chart-heading">
            <h3 id="chart-heading">{ w.chart_heading() }</h3>
            <div class="chart-and-table">
                <svg class="bar-chart" viewBox={format!("0 0 {} {height}", LABEL + BAR + 60)} role="img"
                    aria-labelledby="chart-title" focusable="false">
                    <title id="chart-title">{ w.chart_title() }</title>
                    for (i, (title, tally)) in rows.iter().enumerate() {
                        { bar(i as u32, title, tally) }
                    }
                </svg>
                <table class="summary-table" data-testid="family-scores">
                    <caption>{ w.summary_caption() }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ w.summary_family() }</th>
                            <th scope="col">{ w.summary_score() }</th>
                            <th scope="col">{ w.summary_answered() }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for (title, tally) in &rows {
                            <tr>
                                <th scope="row">{ *title }</th>
                                <td>{ w.score_line(tally.percent()) }</td>
                                <td>{ w.tally(tally) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn bar(row: u32, title: &str, tally: &Tally) -> Html {
    let y = ROW * row + 5;
    let width = BAR * tally.percent() / 100;
    html! {
        <g key={row}>
            <text x={(LABEL - 8).to_string()} y={(y + 17).to_string()} class="bar-label" text-anchor="end">{ title.to_owned() }</text>
            <rect x={LABEL.to_string()} y={y.to_string()} width={BAR.to_string()} height="20" class="bar-track" />
            <rect x={LABEL.to_string()} y={y.to_string()} width={width.to_string()} height="20" class="bar-fill" />
            <text x={(LABEL + BAR + 8).to_string()} y={(y + 17).to_string()} class="bar-value">{ tally.percent() }</text>
        </g>
    }
}
