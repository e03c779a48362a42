//! ScubaGear configuration written from the assessment: risk acceptances as `OmitPolicy` entries, so the next scan honours the same decisions.
//!
//! ScubaGear reads a YAML configuration file (`Invoke-SCuBA -ConfigFilePath`); its `OmitPolicy`
//! key maps a policy id to a `Rationale` and an optional `Expiration` (`yyyy-mm-dd`), and the
//! report then shows the policy as omitted with that rationale. We write only that key, as a
//! fragment the organisation merges into its own file: the rest of the file (products, tenant,
//! credentials) is theirs.
//!
//! The rationale carries text people typed (justification, approver), so every string is written
//! as a double-quoted YAML scalar with everything that could end it, break its line or read as
//! something else escaped: no text can add a key, an anchor or a tag.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::assessment::{Assessment, RiskAcceptance};
use crate::content::{Bank, Question};
use crate::dates::iso;

/// Longest rationale, in characters. ScubaGear shows it in one cell of its report, so a long
/// justification is cut there rather than stretching the report (the full text stays in the
/// assessment and its reports).
pub const MAX_RATIONALE_CHARS: usize = 500;

/// How each rationale begins, so a reader of the ScubaGear report knows where the omission came from.
const ORIGIN: &str = "Risk accepted in the Midnight Blizzard self-assessment";

/// One policy ScubaGear is to omit, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Omission {
    /// The SCuBA policy id as the current baseline names it (an entry of `content/scuba.toml`).
    pub policy: String,
    /// The questions whose risk acceptances cover the policy, in bank order.
    pub questions: Vec<String>,
    /// What ScubaGear shows as the reason: each question, its approver and its justification.
    pub rationale: String,
    /// The earliest expiry among those acceptances: the omission must end when the first of them
    /// lapses, or the scan would keep hiding a gap nobody still accepts. [`omissions`] always sets
    /// it (an acceptance without an expiry does not hold); `None` writes no `Expiration`.
    pub expires_on: Option<NaiveDate>,
}

/// The policies to omit: every SCuBA policy of each question with a risk acceptance that holds on
/// `today`, once each, sorted by policy id. A question's policies are those of its evidence rule
/// when it has one (the policies a scan uses to answer it), else the ones its references cite.
pub fn omissions(bank: &Bank, assessment: &Assessment, today: NaiveDate) -> Vec<Omission> {
    let mut by_policy: BTreeMap<&str, Vec<Accepted<'_>>> = BTreeMap::new();
    for accepted in accepted(bank, assessment, today) {
        for policy in policies(accepted.0) {
            let entry = by_policy.entry(policy).or_default();
            // A question citing a policy twice still counts once.
            if !entry.iter().any(|(q, _)| q.id == accepted.0.id) {
                entry.push(accepted);
            }
        }
    }
    by_policy
        .into_iter()
        .map(|(policy, accepted)| omission(policy, &accepted))
        .collect()
}

/// A question and the acceptance recorded against it.
type Accepted<'a> = (&'a Question, &'a RiskAcceptance);

/// The questions, in bank order, whose risk acceptance holds on `today`.
fn accepted<'a>(
    bank: &'a Bank,
    assessment: &'a Assessment,
    today: NaiveDate,
) -> impl Iterator<Item = Accepted<'a>> {
    bank.questions.iter().filter_map(move |question| {
        let acceptance = assessment.record(&question.id)?.risk_acceptance.as_ref()?;
        acceptance.is_valid(today).then_some((question, acceptance))
    })
}

/// The policies a question stands for in ScubaGear. The evidence rule is the considered choice of
/// which policies prove the question; `refs.scuba` may also cite related ones, which an accepted
/// risk on this question should not silence.
fn policies(question: &Question) -> impl Iterator<Item = &str> {
    let ids = match &question.evidence {
        Some(rule) if !rule.policies.is_empty() => &rule.policies,
        _ => &question.refs.scuba,
    };
    ids.iter().map(String::as_str)
}

fn omission(policy: &str, accepted: &[Accepted<'_>]) -> Omission {
    Omission {
        policy: policy.to_owned(),
        questions: accepted.iter().map(|(q, _)| q.id.clone()).collect(),
        rationale: cut(rationale(accepted), MAX_RATIONALE_CHARS),
        expires_on: accepted.iter().filter_map(|(_, a)| a.expires_on).min(),
    }
}

/// `… (APP-05, approved by A): why` for one question. For several, their ids come first, so that
/// cutting a long justification never drops a question's name.
fn rationale(accepted: &[Accepted<'_>]) -> String {
    match accepted {
        [(q, a)] => format!(
            "{ORIGIN} ({}, approved by {}): {}",
            q.id, a.approver, a.justification
        ),
        _ => {
            let ids: Vec<&str> = accepted.iter().map(|(q, _)| q.id.as_str()).collect();
            let parts: Vec<String> = accepted
                .iter()
                .map(|(q, a)| format!("{}, approved by {}: {}", q.id, a.approver, a.justification))
                .collect();
            format!("{ORIGIN} for {}. {}", ids.join(", "), parts.join("; "))
        }
    }
}

/// `text` in at most `max` characters, an ellipsis marking a cut.
fn cut(text: String, max: usize) -> String {
    if text.chars().nth(max).is_none() {
        return text;
    }
    let end = text
        .char_indices()
        .nth(max - 1)
        .map_or(text.len(), |(i, _)| i);
    format!("{}…", &text[..end])
}

/// The `OmitPolicy` fragment for `omissions`, after a comment saying what it is and how to use it.
/// With nothing to omit the key maps to an empty mapping, which ScubaGear reads as no omissions.
pub fn omit_policy_yaml(
    omissions: &[Omission],
    written_on: NaiveDate,
    app_version: &str,
) -> String {
    let mut out = header(written_on, app_version);
    if omissions.is_empty() {
        out.push_str("OmitPolicy: {}\n");
        return out;
    }
    out.push_str("OmitPolicy:\n");
    for omission in omissions {
        push_entry(&mut out, omission);
    }
    out
}

fn header(written_on: NaiveDate, app_version: &str) -> String {
    format!(
        "# ScubaGear configuration fragment: SCuBA policies to omit because their risk is accepted.\n\
         # Written on {} by the Midnight Blizzard / ED 24-02 self-assessment, version {}.\n\
         # Merge the OmitPolicy key below into your ScubaGear configuration file (the one given to\n\
         # Invoke-SCuBA -ConfigFilePath); it is not a whole configuration on its own.\n\
         # Policy ids are current SCuBA ids; an older ScubaGear may name a few policies differently:\n\
         # see docs/SCUBA-IDS.md.\n\
         # Each omission ends on its Expiration date, the day its risk acceptance lapses.\n",
        iso(written_on),
        comment_text(app_version),
    )
}

fn push_entry(out: &mut String, omission: &Omission) {
    // Writing to a String cannot fail.
    let _ = writeln!(out, "  {}:", quoted(&omission.policy));
    let _ = writeln!(out, "    Rationale: {}", quoted(&omission.rationale));
    if let Some(on) = omission.expires_on {
        // Quoted as in ScubaGear's samples: a plain date may be read as a timestamp, not text.
        let _ = writeln!(out, "    Expiration: {}", quoted(&iso(on)));
    }
}

/// `text` as it may stand in a `#` comment: on one line, whatever it holds.
fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| if needs_code(c) { '?' } else { c })
        .collect()
}

/// `text` as a YAML double-quoted scalar that reads back as exactly `text`.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_code(c) && u32::from(c) <= 0xff => {
                let _ = write!(out, "\\x{:02X}", u32::from(c));
            }
            c if needs_code(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters written as a code rather than as themselves. Controls (C0, DEL, C1) are not
/// printable YAML; NEL and the line and paragraph separators are line breaks to a YAML 1.1 reader,
/// which would fold them into spaces; the byte-order mark and U+FFFE/U+FFFF may not stand in a
/// scalar. Bidirectional controls are valid YAML but make a line read otherwise than it is, so
/// they are shown as codes too.
fn needs_code(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{feff}'
                | '\u{fffe}'
                | '\u{ffff}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Change, RecordEdit};
    use crate::content::EvidenceRule;

    const P1: &str = "MS.AAD.3.1v1";
    const P2: &str = "MS.AAD.7.3v1";

    fn day(text: &str) -> NaiveDate {
        crate::dates::parse_iso(text).unwrap()
    }

    fn today() -> NaiveDate {
        day("2026-09-01")
    }

    /// The small fixture bank, with `refs.scuba` set for its questions AL-01, AL-02 and BE-01.
    fn bank(refs: [&[&str]; 3]) -> Bank {
        let mut bank = Bank::from_toml(include_str!("../tests/fixtures/small_bank.toml")).unwrap();
        for (question, ids) in bank.questions.iter_mut().zip(refs) {
            question.refs.scuba = ids.iter().map(|id| id.to_string()).collect();
        }
        bank
    }

    fn accept(a: &mut Assessment, question: &str, who: &str, expires_on: Option<&str>) {
        let acceptance = RiskAcceptance {
            justification: format!("why {question}"),
            approver: who.into(),
            expires_on: expires_on.map(day),
        };
        a.apply(Change::Record {
            question: question.into(),
            edit: RecordEdit::RiskAcceptance(Some(acceptance)),
        });
    }

    fn policies_of(omissions: &[Omission]) -> Vec<&str> {
        omissions.iter().map(|o| o.policy.as_str()).collect()
    }

    #[test]
    fn a_shared_policy_is_omitted_once_naming_each_question_until_the_first_expiry() {
        let bank = bank([&[P1, P2], &[P2], &[]]);
        let mut a = Assessment::default();
        accept(&mut a, "AL-02", "Bo", Some("2026-12-31"));
        accept(&mut a, "AL-01", "Al", Some("2027-03-31"));
        let got = omissions(&bank, &a, today());
        assert_eq!(policies_of(&got), [P1, P2]);
        assert_eq!(got[0].questions, ["AL-01"]);
        assert_eq!(got[0].expires_on, Some(day("2027-03-31")));
        assert_eq!(
            got[0].rationale,
            format!("{ORIGIN} (AL-01, approved by Al): why AL-01")
        );
        assert_eq!(got[1].questions, ["AL-01", "AL-02"]);
        assert_eq!(got[1].expires_on, Some(day("2026-12-31")));
        assert_eq!(
            got[1].rationale,
            format!(
                "{ORIGIN} for AL-01, AL-02. AL-01, approved by Al: why AL-01; \
                 AL-02, approved by Bo: why AL-02"
            )
        );
    }

    #[test]
    fn the_evidence_rule_decides_over_the_references() {
        let mut bank = bank([&[P1, P2], &[], &[]]);
        bank.questions[0].evidence = Some(EvidenceRule {
            policies: vec![P2.into()],
            combine: Default::default(),
        });
        let mut a = Assessment::default();
        accept(&mut a, "AL-01", "Al", Some("2027-01-31"));
        assert_eq!(policies_of(&omissions(&bank, &a, today())), [P2]);
    }

    #[test]
    fn only_acceptances_that_hold_today_omit_anything() {
        let bank = bank([&[P1], &[P2], &[]]);
        let mut a = Assessment::default();
        // Lapsed on the day itself, and never complete without an expiry.
        accept(&mut a, "AL-01", "Al", Some("2026-09-01"));
        accept(&mut a, "AL-02", "Bo", None);
        assert!(omissions(&bank, &a, today()).is_empty());
        accept(&mut a, "AL-02", "", Some("2027-01-31"));
        assert!(omissions(&bank, &a, today()).is_empty());
    }

    #[test]
    fn a_question_without_policies_or_citing_one_twice_counts_once_or_not_at_all() {
        let bank = bank([&[P1, P1], &[], &[]]);
        let mut a = Assessment::default();
        accept(&mut a, "AL-01", "Al", Some("2027-01-31"));
        accept(&mut a, "AL-02", "Bo", Some("2027-01-31"));
        let got = omissions(&bank, &a, today());
        assert_eq!(policies_of(&got), [P1]);
        assert_eq!(got[0].questions, ["AL-01"]);
    }

    #[test]
    fn a_long_rationale_is_cut_after_every_question_is_named() {
        let bank = bank([&[P1], &[P1], &[P1]]);
        let mut a = Assessment::default();
        for question in ["AL-01", "AL-02", "BE-01"] {
            accept(&mut a, question, &"é".repeat(400), Some("2027-01-31"));
        }
        let rationale = &omissions(&bank, &a, today())[0].rationale;
        assert_eq!(rationale.chars().count(), MAX_RATIONALE_CHARS);
        assert!(rationale.starts_with(&format!("{ORIGIN} for AL-01, AL-02, BE-01. AL-01")));
        assert!(rationale.ends_with("é…"));
        assert_eq!(cut("short".into(), 5), "short");
        assert_eq!(cut("longer".into(), 5), "long…");
    }

    #[test]
    fn the_fragment_is_the_header_then_one_entry_per_policy() {
        let omission = |policy: &str, expires_on| Omission {
            policy: policy.into(),
            questions: vec!["AL-01".into()],
            rationale: "a \"b\" \\ c".into(),
            expires_on,
        };
        let yaml = omit_policy_yaml(
            &[omission(P1, Some(day("2027-01-31"))), omission(P2, None)],
            today(),
            "1.2.3\n# injected",
        );
        let (header, body) = yaml.split_at(yaml.find("OmitPolicy:").unwrap());
        assert!(header.lines().all(|line| line.starts_with("# ")));
        assert!(header.contains("on 2026-09-01 by"));
        assert!(header.contains("version 1.2.3?# injected."));
        assert!(header.contains("docs/SCUBA-IDS.md"));
        assert_eq!(
            body,
            "OmitPolicy:\n  \"MS.AAD.3.1v1\":\n    Rationale: \"a \\\"b\\\" \\\\ c\"\n    \
             Expiration: \"2027-01-31\"\n  \"MS.AAD.7.3v1\":\n    Rationale: \"a \\\"b\\\" \\\\ c\"\n"
        );
    }

    #[test]
    fn nothing_to_omit_is_an_empty_mapping() {
        let yaml = omit_policy_yaml(&[], today(), "1.2.3");
        assert!(yaml.starts_with("# ScubaGear configuration fragment"));
        assert!(yaml.ends_with("\nOmitPolicy: {}\n"));
    }

    #[test]
    fn quoting_leaves_no_character_that_could_end_or_break_the_scalar() {
        assert_eq!(
            quoted("plain: # - {x} &a *b !!c"),
            "\"plain: # - {x} &a *b !!c\""
        );
        assert_eq!(quoted("\"\\\n\r\t"), r#""\"\\\n\r\t""#);
        assert_eq!(
            quoted("\0\u{7}\u{1b}\u{7f}\u{85}\u{9f}"),
            r#""\x00\x07\x1B\x7F\x85\x9F""#
        );
        assert_eq!(
            quoted("\u{2028}\u{2029}\u{feff}\u{202e}\u{2066}\u{ffff}"),
            r#""\u2028\u2029\uFEFF\u202E\u2066\uFFFF""#
        );
        assert_eq!(quoted("é 日本 😀"), "\"é 日本 😀\"");
    }
}
