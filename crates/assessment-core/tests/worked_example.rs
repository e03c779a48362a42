//! The worked example of `docs/SCORING.md`, computed by the core. The numbers asserted here are the
//! ones worked out by hand in the document, and the tables there must be exactly the ones rendered
//! below, so the document cannot drift from the code.

mod common;

use assessment_core::scoring::assess;
use assessment_core::{
    evaluate, ActionStatus, AnswerState, Assessment, Bank, Evaluation, Flag, Level, PlanItem,
    RecordEdit, Response, Tally, Tier,
};
use common::*;

const DOC: &str = include_str!("../../../docs/SCORING.md");
const TODAY: &str = "2024-05-01";

fn bank() -> Bank {
    fixture(include_str!("fixtures/example_bank.toml"))
}

/// The example assessment, exactly as the document describes it.
fn assessment() -> Assessment {
    let mut a = Assessment::default();
    notified(&mut a, "2024-04-02");
    respond(&mut a, "ID-01", level(Level::Largely));
    edit(&mut a, "ID-01", RecordEdit::Owner("Sam (IT)".into()));
    respond(&mut a, "ID-02", level(Level::Fully));
    respond(&mut a, "ID-03", level(Level::Partial));
    target(&mut a, "ID-03", "2024-06-30");
    accept(
        &mut a,
        "ID-03",
        "Waiting for keys",
        "CIO",
        Some("2024-04-15"),
    );
    respond(&mut a, "ID-04", level(Level::None));
    accept(
        &mut a,
        "ID-04",
        "Scanner replaced in Q3",
        "CIO",
        Some("2024-09-30"),
    );
    respond(&mut a, "LG-01", level(Level::Fully));
    respond(&mut a, "LG-02", Response::DontKnow);
    target(&mut a, "LG-02", "2024-05-15");
    status(&mut a, "LG-02", ActionStatus::InProgress);
    respond(
        &mut a,
        "LG-03",
        not_applicable("No Exchange servers on premises"),
    );
    respond(&mut a, "LG-05", level(Level::None));
    a
}

fn example() -> Evaluation {
    evaluate(&bank(), &assessment(), date(TODAY))
}

#[test]
fn the_numbers_worked_out_by_hand() {
    let e = example();
    let overall = e.scores.overall;
    assert_eq!((overall.earned, overall.possible), (32, 63));
    assert_eq!(overall.percent(), 51);
    assert_eq!((overall.applicable, overall.fully), (8, 2));
    assert_eq!((overall.dont_know, overall.unanswered), (1, 1));
    assert_eq!(overall.not_applicable, 1);
    let families: Vec<(&str, u32, u32, u32)> = e
        .scores
        .families
        .iter()
        .map(|f| {
            let t = f.tally;
            (f.family.as_str(), t.earned, t.possible, t.percent())
        })
        .collect();
    assert_eq!(
        families,
        [("identity", 20, 36, 56), ("logging", 12, 27, 44)]
    );

    assert_eq!(e.tier.tier, Tier::BaselineGaps);
    assert_eq!(e.tier.next, Some(Tier::Foundational));
    let gating: Vec<(&str, AnswerState, Level)> = e
        .tier
        .gating
        .iter()
        .map(|g| (g.question.as_str(), g.state, g.needed))
        .collect();
    assert_eq!(
        gating,
        [(
            "ID-01",
            AnswerState::Implemented {
                level: Level::Largely
            },
            Level::Fully
        )]
    );
    assert_eq!(e.tier.score_gate, None);

    let order: Vec<(u32, &str, u32, u32)> = e
        .plan
        .items()
        .map(|i| (i.rank, i.question.as_str(), i.risk_reduction, i.cost))
        .collect();
    assert_eq!(
        order,
        [
            (1, "ID-01", 4, 2),
            (2, "LG-02", 6, 2),
            (3, "ID-03", 6, 4),
            (4, "LG-05", 6, 2),
            (5, "LG-04", 3, 1),
        ]
    );
    let sizes: Vec<usize> = e.plan.groups.iter().map(|g| g.items.len()).collect();
    assert_eq!(sizes, [1, 2, 2]);
    let due: Vec<Option<String>> = e
        .plan
        .items()
        .map(|i| i.due.date.map(|d| d.to_string()))
        .collect();
    assert_eq!(
        due,
        [
            Some("2024-04-02".into()),
            Some("2024-05-15".into()),
            Some("2024-06-30".into()),
            None,
            None
        ]
    );
    let lg02 = e.plan.items().find(|i| i.question == "LG-02").unwrap();
    assert_eq!(
        lg02.due.directive.as_ref().map(|d| d.date),
        Some(date("2024-04-30"))
    );
    let accepted: Vec<&str> = e
        .accepted_risks
        .iter()
        .map(|i| i.question.as_str())
        .collect();
    assert_eq!(accepted, ["ID-04"]);
    assert!(e.needs_reason.is_empty());
    assert_eq!(e.excluded, 0);
}

/// Renders one table of the document and checks the document holds it between its markers.
fn assert_in_doc(name: &str, table: &str) {
    let block = format!("<!-- {name}:start -->\n{table}<!-- {name}:end -->");
    assert!(
        DOC.contains(&block),
        "docs/SCORING.md's {name} block is out of date; it should read:\n\n{block}\n"
    );
}

#[test]
fn the_document_shows_the_score_computed_here() {
    let bank = bank();
    let assessment = assessment();
    let mut table = String::from(
        "| Question | Severity (weight) | Answer | Credit (thirds) | Earned | Possible |\n\
         |---|---|---|---|---|---|\n",
    );
    let (mut earned, mut possible) = (0, 0);
    for item in assess(&bank, &assessment) {
        let q = item.question;
        let weight = q.severity.weight();
        let answer = item.state.label();
        let row = match item.state.credit() {
            Some(credit) => {
                earned += weight * credit;
                possible += weight * 3;
                format!(
                    "| {} | {} ({weight}) | {answer} | {credit} | {weight} × {credit} = {} | {weight} × 3 = {} |\n",
                    q.id,
                    q.severity.label(),
                    weight * credit,
                    weight * 3
                )
            }
            None => format!(
                "| {} | {} ({weight}) | {answer} | not counted | – | – |\n",
                q.id,
                q.severity.label()
            ),
        };
        table.push_str(&row);
    }
    let overall = example().scores.overall;
    assert_eq!((earned, possible), (overall.earned, overall.possible));
    table.push_str(&format!(
        "| **Total** | | | | **{earned}** | **{possible}** |\n"
    ));
    assert_in_doc("example-score", &table);

    let mut lines = String::new();
    let e = example();
    lines.push_str(&score_line("Overall", &e.scores.overall));
    for family in &e.scores.families {
        lines.push_str(&score_line(&family.family, &family.tally));
    }
    assert_in_doc("example-percent", &lines);

    let (earned, possible) = (overall.earned, overall.possible);
    let (numerator, denominator) = (200 * earned + possible, 2 * possible);
    let in_whole_numbers = format!(
        "(200 × {earned} + {possible}) ÷ (2 × {possible}) = {numerator} ÷ {denominator} = {} remainder {}, so {}.",
        numerator / denominator,
        numerator % denominator,
        overall.percent()
    );
    assert!(DOC.contains(&in_whole_numbers), "{in_whole_numbers}");
}

fn score_line(what: &str, tally: &Tally) -> String {
    let exact = 100.0 * f64::from(tally.earned) / f64::from(tally.possible);
    format!(
        "- {what}: 100 × {} ÷ {} = {exact:.2}, shown as **{}**. {}\n",
        tally.earned,
        tally.possible,
        tally.percent(),
        tally.summary()
    )
}

#[test]
fn the_document_shows_the_tier_and_plan_computed_here() {
    let e = example();
    let mut tier = format!(
        "Tier {} **{}**: {}\n\nHeld there, for tier {} {}, by:\n\n",
        e.tier.tier.number(),
        e.tier.name,
        e.tier.meaning,
        e.tier.next.unwrap().number(),
        e.tier.next.unwrap().name()
    );
    for g in &e.tier.gating {
        tier.push_str(&format!(
            "- {} ({}): {}; needs {}.\n",
            g.question,
            g.severity.label(),
            g.state.label(),
            g.needed.label()
        ));
    }
    assert_in_doc("example-tier", &tier);

    let mut plan = String::from(
        "| Rank | Horizon | Question | Severity | Missing (thirds) | Risk reduction | Effort (cost) | Per unit of effort | Due | Flags |\n\
         |---|---|---|---|---|---|---|---|---|---|\n",
    );
    for item in e.plan.items() {
        plan.push_str(&plan_row(item));
    }
    assert_in_doc("example-plan", &plan);

    let mut accepted = String::new();
    for item in &e.accepted_risks {
        let acceptance = item.risk_acceptance.as_ref().unwrap();
        accepted.push_str(&format!(
            "- {} ({}): accepted by {} until {}: \u{201c}{}\u{201d}. Still counted as {}.\n",
            item.question,
            item.severity.label(),
            acceptance.approver,
            acceptance.expires_on.unwrap(),
            acceptance.justification,
            item.state.label().to_lowercase()
        ));
    }
    assert_in_doc("example-accepted", &accepted);
}

fn plan_row(item: &PlanItem) -> String {
    let weight = item.severity.weight();
    let missing = item.risk_reduction / weight;
    let due = match &item.due.date {
        Some(date) => format!("{date} ({})", basis(item)),
        None => "none set".into(),
    };
    let flags: Vec<String> = item.flags.iter().map(flag).collect();
    format!(
        "| {} | {} | {} | {} | {missing} | {weight} × {missing} = {} | {} ({}) | {} ÷ {} = {:.2} | {due} | {} |\n",
        item.rank,
        item.horizon.label(),
        item.question,
        item.severity.label(),
        item.risk_reduction,
        item.effort.label(),
        item.cost,
        item.risk_reduction,
        item.cost,
        item.ratio(),
        if flags.is_empty() { "–".to_string() } else { flags.join("; ") }
    )
}

fn basis(item: &PlanItem) -> String {
    match (&item.due.target_date, &item.due.directive) {
        (Some(_), Some(d)) => format!("target date; directive timeline: {}", d.date),
        (Some(_), None) => "target date".into(),
        (None, Some(_)) => "directive timeline".into(),
        (None, None) => unreachable!("a due date has a basis"),
    }
}

fn flag(flag: &Flag) -> String {
    match flag {
        Flag::Overdue { due } => format!("overdue since {due}"),
        Flag::AcceptanceNotValid { problems } => {
            let problems: Vec<String> = problems.iter().map(|p| p.label()).collect();
            format!("back in the plan: {}", problems.join(", "))
        }
        Flag::DoneButAnswerNotUpdated => "marked done, answer not updated".into(),
    }
}
