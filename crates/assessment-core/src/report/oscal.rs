//! OSCAL 1.2 assessment results (JSON), built from serde structures.
//!
//! Each question becomes an observation (method INTERVIEW: the answers are the organisation's own
//! account; TEST for an answer taken from a scan, with the scan as its relevant evidence), each numbered measure of the bank a finding on the objective `measure-<n>`, satisfied
//! only when every applicable question of the measure is fully in place, and each gap a risk
//! (status `deviation-approved` when a valid risk acceptance holds, `remediating` when its action
//! is in progress, `open` otherwise). Every id is a UUID version 5 derived from
//! [`UUID_NAMESPACE`] and a name built from the answer data's [`fingerprint`](super::fingerprint),
//! so the same assessment always exports the same ids. Empty lists are left out, never written as
//! `[]`; titles are one line and carry no user text; user text appears only in descriptions and
//! remarks, escaped as Markdown (OSCAL's markup-multiline).

use serde::Serialize;
use sha1::{Digest, Sha1};

use super::markdown::{block, inline};
use super::{date_text, one_line, status_label, Provenance, ReportContext};
use crate::answers::{Level, Response};
use crate::assessment::ActionStatus;
use crate::plan::{Horizon, PlanItem};
use crate::profile::Facts;
use crate::scoring::{assess, AnswerState, Assessed};

/// The OSCAL version the output conforms to.
pub const OSCAL_VERSION: &str = "1.2.2";

/// The project's UUID namespace: every OSCAL id is `uuid_v5(UUID_NAMESPACE, name)`. Never change
/// it: ids would no longer match earlier exports.
pub const UUID_NAMESPACE: [u8; 16] = [
    0xca, 0x1f, 0xbd, 0xf2, 0x7c, 0x61, 0x40, 0xfd, 0x9e, 0x00, 0x0b, 0x45, 0xf7, 0x5e, 0x52, 0x7c,
];

/// The namespace of this tool's properties: the URN of [`UUID_NAMESPACE`].
const NS: &str = "urn:uuid:ca1fbdf2-7c61-40fd-9e00-0b45f75e527c";

const TITLE: &str = "Midnight Blizzard / ED 24-02 self-assessment results";

/// A name-based UUID (RFC 9562 version 5: SHA-1 of the namespace and the name), in the usual
/// lower-case 8-4-4-4-12 form.
pub fn uuid_v5(namespace: &[u8; 16], name: &str) -> String {
    let mut hasher = Sha1::new();
    hasher.update(namespace);
    hasher.update(name.as_bytes());
    let digest = hasher.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = super::hex(&bytes);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

fn id(name: &str) -> String {
    uuid_v5(&UUID_NAMESPACE, name)
}

#[derive(Serialize)]
struct Document {
    #[serde(rename = "assessment-results")]
    assessment_results: AssessmentResults,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct AssessmentResults {
    uuid: String,
    metadata: Metadata,
    import_ap: Href,
    results: Vec<AssessmentResult>,
    back_matter: BackMatter,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Metadata {
    title: &'static str,
    last_modified: String,
    version: String,
    oscal_version: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    remarks: String,
}

#[derive(Serialize)]
struct Prop {
    name: &'static str,
    ns: &'static str,
    value: String,
}

/// A property, or nothing when the value is blank (OSCAL values are one non-blank line).
fn prop(name: &'static str, value: &str) -> Option<Prop> {
    let value = one_line(value).trim().to_owned();
    (!value.is_empty()).then_some(Prop {
        name,
        ns: NS,
        value,
    })
}

#[derive(Serialize)]
struct Href {
    href: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct AssessmentResult {
    uuid: String,
    title: &'static str,
    description: String,
    start: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    reviewed_controls: ReviewedControls,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    observations: Vec<Observation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    risks: Vec<Risk>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    findings: Vec<Finding>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ReviewedControls {
    description: String,
    control_selections: [ControlSelection; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ControlSelection {
    #[serde(skip_serializing_if = "Option::is_none")]
    include_all: Option<Empty>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    include_controls: Vec<ControlId>,
}

#[derive(Serialize)]
struct Empty {}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ControlId {
    control_id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Observation {
    uuid: String,
    title: String,
    description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    methods: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relevant_evidence: Vec<RelevantEvidence>,
    collected: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    remarks: Option<String>,
}

/// What an observation rests on besides the organisation's word: the scan an answer came from.
#[derive(Serialize)]
struct RelevantEvidence {
    description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Risk {
    uuid: String,
    title: String,
    description: String,
    statement: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    status: &'static str,
    remediations: [Remediation; 1],
    related_observations: [ObservationRef; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Remediation {
    uuid: String,
    lifecycle: &'static str,
    title: String,
    description: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ObservationRef {
    observation_uuid: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct RiskRef {
    risk_uuid: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Finding {
    uuid: String,
    title: String,
    description: String,
    target: Target,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_observations: Vec<ObservationRef>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_risks: Vec<RiskRef>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Target {
    #[serde(rename = "type")]
    kind: &'static str,
    target_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    implementation_status: Option<State>,
    status: State,
}

#[derive(Serialize)]
struct State {
    state: &'static str,
}

#[derive(Serialize)]
struct BackMatter {
    resources: Vec<Resource>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Resource {
    uuid: String,
    title: String,
    description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    #[serde(skip_serializing_if = "Option::is_none")]
    citation: Option<Citation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rlinks: Vec<Href>,
}

#[derive(Serialize)]
struct Citation {
    text: String,
}

pub(crate) fn render(ctx: &ReportContext) -> String {
    let document = Document {
        assessment_results: assessment_results(ctx),
    };
    serde_json::to_string_pretty(&document)
        .unwrap_or_else(|_| unreachable!("OSCAL output always serialises"))
}

fn assessment_results(ctx: &ReportContext) -> AssessmentResults {
    let (bank, assessment, evaluation) = (ctx.bank, ctx.assessment, ctx.evaluation);
    let details = &assessment.details;
    let fp = super::fingerprint(assessment);
    let content = bank.version.as_str();
    let assessed = assess(bank, assessment);
    let facts = Facts::from_answers(bank, &assessment.profile);
    let gaps: Vec<(&PlanItem, bool)> = evaluation
        .plan
        .items()
        .map(|item| (item, false))
        .chain(evaluation.accepted_risks.iter().map(|item| (item, true)))
        .collect();
    let plan_uuid = id(&format!("assessment-plan/{content}"));

    let observations = assessed
        .iter()
        .map(|item| {
            let question = item.question;
            let evidence = Provenance::of(assessment, &question.id, question.answer);
            observation(item, evidence, &facts, &fp, ctx.generated_at)
        })
        .collect();
    let risks = gaps
        .iter()
        .map(|(item, accepted)| risk(item, *accepted, &fp))
        .collect();
    let findings = bank
        .measures
        .iter()
        .map(|measure| {
            let of_measure: Vec<&Assessed> = assessed
                .iter()
                .filter(|a| a.question.measures.contains(&measure.number))
                .collect();
            let applicable: Vec<&&Assessed> = of_measure
                .iter()
                .filter(|a| a.state.is_applicable())
                .collect();
            let satisfied = applicable
                .iter()
                .all(|a| a.state.credit() == Some(Level::MAX_CREDIT));
            let some_credit = applicable.iter().any(|a| a.state.credit() > Some(0));
            let implementation = match (applicable.is_empty(), satisfied, some_credit) {
                (true, _, _) => Some("not-applicable"),
                (false, true, _) => Some("implemented"),
                (false, false, true) => Some("partial"),
                (false, false, false) => None,
            };
            let lines: Vec<String> = of_measure
                .iter()
                .map(|a| {
                    format!(
                        "- {} {}: {}",
                        inline(&a.question.id),
                        inline(&a.question.title),
                        inline(a.answer_label())
                    )
                })
                .collect();
            let verdict = match (applicable.is_empty(), satisfied) {
                (true, _) => "No question of this measure applies: it is satisfied as not applicable.",
                (false, true) => "Satisfied: every applicable question of this measure is fully in place.",
                (false, false) => "Not satisfied: at least one applicable question of this measure is not fully in place (unknown and unanswered count as not in place).",
            };
            let target_id = format!("measure-{}", measure.number);
            Finding {
                uuid: id(&format!("finding/{target_id}/{fp}")),
                title: format!("Measure {}: {}", measure.number, one_line(&measure.title)),
                description: format!("{verdict}\n\n{}", lines.join("\n")),
                target: Target {
                    kind: "objective-id",
                    target_id,
                    implementation_status: implementation.map(|state| State { state }),
                    status: State {
                        state: if satisfied { "satisfied" } else { "not-satisfied" },
                    },
                },
                related_observations: of_measure
                    .iter()
                    .map(|a| ObservationRef {
                        observation_uuid: id(&format!("observation/{}/{fp}", a.question.id)),
                    })
                    .collect(),
                related_risks: gaps
                    .iter()
                    .filter(|(item, _)| of_measure.iter().any(|a| a.question.id == item.question))
                    .map(|(item, _)| RiskRef {
                        risk_uuid: id(&format!("risk/{}/{fp}", item.question)),
                    })
                    .collect(),
            }
        })
        .collect();

    let overall = &evaluation.scores.overall;
    let tier = &evaluation.tier;
    let mut description = format!(
        "Self-assessment of the measures recommended after the Midnight Blizzard compromise of Microsoft's corporate email (CISA Emergency Directive 24-02, adapted for non-federal organisations).\n\nScore: {} / 100. {}\n\nTier {} of 4, {}: {}",
        overall.percent(),
        inline(&overall.summary()),
        tier.tier.number(),
        inline(tier.name),
        inline(tier.meaning)
    );
    if evaluation.excluded > 0 {
        description.push_str(&format!(
            "\n\n{} question(s) are out of scope for the organisation's profile.",
            evaluation.excluded
        ));
    }
    let result = AssessmentResult {
        uuid: id(&format!("result/{content}/{fp}")),
        title: "Self-assessment against the Midnight Blizzard / ED 24-02 measures",
        description,
        start: ctx.generated_at.to_owned(),
        props: [
            prop("score", &overall.percent().to_string()),
            prop("tier", &tier.tier.number().to_string()),
            prop("assessment-date", &date_text(details.assessed_on)),
            prop("notification-date", &date_text(details.notified_on)),
        ]
        .into_iter()
        .flatten()
        .collect(),
        reviewed_controls: ReviewedControls {
            description: format!(
                "The numbered measures of the question bank, version {}; each is a control whose objective is that every applicable question asking it is fully in place.",
                inline(content)
            ),
            control_selections: [ControlSelection {
                include_all: bank.measures.is_empty().then_some(Empty {}),
                include_controls: bank
                    .measures
                    .iter()
                    .map(|m| ControlId {
                        control_id: format!("measure-{}", m.number),
                    })
                    .collect(),
            }],
        },
        observations,
        risks,
        findings,
    };

    let mut resources = vec![Resource {
        uuid: plan_uuid.clone(),
        title: format!("Question bank, version {}", one_line(content)),
        description: format!(
            "The assessment plan: the questions, the numbered measures they ask and the scoring method of the self-assessment, content version {}, checked against its sources on {}. Framework references: {}; {}; {}; {}; {}.",
            inline(content),
            inline(&bank.reviewed_on),
            inline(&bank.csf_version),
            inline(&bank.cis_version),
            inline(&bank.cpg_version),
            inline(&bank.scuba_baselines),
            inline(&bank.attack_version)
        ),
        props: Vec::new(),
        citation: None,
        rlinks: Vec::new(),
    }];
    resources.extend(bank.sources.iter().map(|source| {
        Resource {
            uuid: id(&format!("source/{}/{content}", source.id)),
            title: one_line(&source.title),
            description: format!("{}, {}", inline(&source.publisher), inline(&source.date)),
            props: prop("source-id", &source.id).into_iter().collect(),
            citation: Some(Citation {
                text: format!(
                    "{}. {}. {}.",
                    one_line(&source.publisher),
                    one_line(&source.title),
                    one_line(&source.date)
                ),
            }),
            rlinks: source
                .url
                .iter()
                .map(|url| Href { href: url.clone() })
                .collect(),
        }
    }));

    let not_recorded = |text: String| {
        if text.trim().is_empty() {
            "not recorded".to_owned()
        } else {
            text
        }
    };
    AssessmentResults {
        uuid: id(&format!("assessment-results/{content}/{fp}")),
        metadata: Metadata {
            title: TITLE,
            last_modified: ctx.generated_at.to_owned(),
            version: format!("answers-{}", &fp[..16]),
            oscal_version: OSCAL_VERSION,
            props: [
                prop("content-version", content),
                prop("app-version", ctx.app_version),
                prop("edition", ctx.edition),
                prop("answers-sha256", &fp),
            ]
            .into_iter()
            .flatten()
            .collect(),
            remarks: format!(
                "Organisation: {}\n\nAssessor: {}\n\nAssessment date: {}",
                not_recorded(inline(&details.organisation)),
                not_recorded(inline(&details.assessor)),
                not_recorded(date_text(details.assessed_on))
            ),
        },
        import_ap: Href {
            href: format!("#{plan_uuid}"),
        },
        results: vec![result],
        back_matter: BackMatter { resources },
    }
}

/// Machine name of a horizon, as in the JSON of the plan.
fn horizon_key(horizon: Horizon) -> &'static str {
    match horizon {
        Horizon::Now => "now",
        Horizon::Within30Days => "within-30-days",
        Horizon::Within90Days => "within-90-days",
    }
}

/// Machine name of an answer state, as used in the assessment file where it has one.
fn state_key(state: AnswerState) -> &'static str {
    match state {
        AnswerState::OutOfScope => "out-of-scope",
        AnswerState::Closed => "closed",
        AnswerState::NotApplicable => "not-applicable",
        AnswerState::Unanswered => "unanswered",
        AnswerState::NeedsReason => "not-applicable-without-reason",
        AnswerState::DontKnow => "dont-know",
        AnswerState::Implemented { level } => level.key(),
    }
}

fn observation(
    item: &Assessed,
    evidence: Option<Provenance>,
    facts: &Facts,
    fp: &str,
    collected: &str,
) -> Observation {
    let question = item.question;
    let mut description = format!(
        "Question: {}\n\nAnswer: {}.",
        inline(&question.text),
        inline(item.answer_label())
    );
    if item.state == AnswerState::OutOfScope {
        if let Some(exclusion) = facts.exclusion(question) {
            description.push_str(&format!(" {}", inline(&exclusion.reason())));
        }
    }
    let mut remarks = Vec::new();
    if let Some(record) = item.record {
        if let Some(Response::NotApplicable { reason }) = &record.response {
            if !reason.trim().is_empty() {
                remarks.push(format!("Reason it does not apply:\n\n{}", block(reason)));
            }
        }
        if !record.note.trim().is_empty() {
            remarks.push(format!("Note:\n\n{}", block(&record.note)));
        }
        if !record.owner.trim().is_empty() {
            remarks.push(format!("Owner: {}", inline(&record.owner)));
        }
        if let Some(date) = record.target_date {
            remarks.push(format!("Target date: {}", date_text(Some(date))));
        }
        if record.action_status != ActionStatus::Open {
            remarks.push(format!(
                "Action status: {}",
                status_label(record.action_status)
            ));
        }
    }
    let mut props: Vec<Prop> = [
        prop("question-id", &question.id),
        prop("family", &question.family),
        prop("severity", &question.severity.label().to_ascii_lowercase()),
        prop("answer", state_key(item.state)),
    ]
    .into_iter()
    .flatten()
    .collect();
    props.extend(
        question
            .measures
            .iter()
            .filter_map(|m| prop("measure", &m.to_string())),
    );
    Observation {
        uuid: id(&format!("observation/{}/{fp}", question.id)),
        title: format!("{}: {}", one_line(&question.id), one_line(&question.title)),
        description,
        props,
        methods: methods(evidence.as_ref()),
        relevant_evidence: evidence
            .iter()
            .map(|evidence| RelevantEvidence {
                description: inline(&evidence.sentence()),
                props: evidence
                    .tool
                    .and_then(|tool| prop("scan-tool", tool.key()))
                    .into_iter()
                    .collect(),
            })
            .collect(),
        collected: collected.to_owned(),
        remarks: (!remarks.is_empty()).then(|| remarks.join("\n\n")),
    }
}

/// How the answer was found: an answer taken from a scan was tested (TEST); one given by hand is
/// the organisation's account (INTERVIEW), and one changed by hand after an import is both.
fn methods(evidence: Option<&Provenance>) -> Vec<&'static str> {
    match evidence {
        None => vec!["INTERVIEW"],
        Some(evidence) if evidence.changed_by_hand => vec!["INTERVIEW", "TEST"],
        Some(_) => vec!["TEST"],
    }
}

fn risk(item: &PlanItem, accepted: bool, fp: &str) -> Risk {
    let status = if accepted {
        "deviation-approved"
    } else if item.status == ActionStatus::InProgress {
        "remediating"
    } else {
        "open"
    };
    let mut statement = format!(
        "Current answer: {}. Closing the gap adds {} point(s) to the score. Severity {}, effort {}, horizon: {}.",
        inline(item.answer_label()),
        item.risk_reduction,
        item.severity.label().to_ascii_lowercase(),
        item.effort.label().to_ascii_lowercase(),
        inline(&item.horizon.label().to_ascii_lowercase())
    );
    if !item.owner.trim().is_empty() {
        statement.push_str(&format!("\n\nOwner: {}", inline(&item.owner)));
    }
    statement.push_str(&format!(
        "\n\nAction status: {}. {}",
        status_label(item.status),
        inline(&item.due.explanation())
    ));
    for flag in &item.flags {
        statement.push_str(&format!("\n\n{}.", inline(&super::flag_text(flag))));
    }
    if let Some(acceptance) = &item.risk_acceptance {
        statement.push_str(&format!(
            "\n\nRisk acceptance{}: justification: {}; approved by: {}; expires: {}.",
            if accepted { "" } else { " (not valid)" },
            inline(&acceptance.justification),
            inline(&acceptance.approver),
            acceptance
                .expires_on
                .map_or_else(|| "no expiry date".to_owned(), crate::dates::iso)
        ));
    }
    let mut what = String::new();
    if let Some(step) = &item.first_step {
        what.push_str(&format!("First step: {}\n\n", inline(&step.sentence())));
    }
    what.push_str(&inline(&item.what));
    Risk {
        uuid: id(&format!("risk/{}/{fp}", item.question)),
        title: format!(
            "{}: {} ({})",
            one_line(&item.question),
            one_line(&item.title),
            item.answer_label().to_ascii_lowercase()
        ),
        description: inline(&item.why),
        statement,
        props: [
            prop("question-id", &item.question),
            prop("severity", &item.severity.label().to_ascii_lowercase()),
            prop("horizon", horizon_key(item.horizon)),
            prop("due-date", &date_text(item.due.date)),
        ]
        .into_iter()
        .flatten()
        .collect(),
        status,
        remediations: [Remediation {
            uuid: id(&format!("remediation/{}/{fp}", item.question)),
            lifecycle: "recommendation",
            title: format!("Close the gap of {}", one_line(&item.question)),
            description: what,
        }],
        related_observations: [ObservationRef {
            observation_uuid: id(&format!("observation/{}/{fp}", item.question)),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_v5_matches_the_rfc_algorithm() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        let dns = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ];
        assert_eq!(
            uuid_v5(&dns, "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d"
        );
    }

    #[test]
    fn namespace_and_its_urn_agree() {
        let hex = super::super::hex(&UUID_NAMESPACE);
        assert_eq!(
            NS.replace('-', ""),
            format!("urn:uuid:{hex}").replace('-', "")
        );
    }
}
