//! Maester's `TestResults*.json`: one tenant's run, or several merged by `Merge-MtMaesterResult`
//! (`{"Tenants": [...]}`).
//!
//! Only the fields an answer needs are named here; serde skips the rest (`TenantLogos`,
//! `SystemInfo`, `Account`, `MgContext`, the tests' descriptions and results in Markdown, which
//! name people) as it reads, so none of it is ever stored.

use serde::Deserialize;

use super::decode::{Obj, Objs, Text, Texts};
use super::detect::{finish, File};
use super::{
    Check, Outcome, ReportId, Scan, ScanError, ScanFile, ScanKind, ScanSource, Tenant, Tool,
};

/// The test families Maester runs; a tag starting with one of these names a test.
const FAMILIES: [&str; 5] = ["CISA.", "MT.", "EIDSCA.", "ORCA.", "CIS."];

/// One tenant's run: the top level of a `TestResults*.json`, or one of its `Tenants`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub(crate) struct Run {
    pub(crate) executed_at: Text,
    pub(crate) tenant_id: Text,
    pub(crate) tenant_name: Text,
    pub(crate) current_version: Text,
    pub(crate) tests: Objs<Test>,
}

impl Run {
    /// A Maester run: tests and at least one of the keys only Maester writes.
    pub(crate) fn is_maester(&self) -> bool {
        let marked = [&self.executed_at, &self.tenant_id, &self.current_version];
        self.tests.0.is_some() && marked.iter().any(|text| text.0.is_some())
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub(crate) struct Test {
    id: Text,
    title: Text,
    name: Text,
    severity: Text,
    tag: Texts,
    result: Text,
    skipped_reason: Text,
    /// A string instead of an object in a merged file, where it lies deeper than
    /// `ConvertTo-Json -Depth 5` writes.
    result_detail: Obj<Detail>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
struct Detail {
    skipped_reason: Text,
    severity: Text,
}

/// The scan of a one-tenant file.
pub(crate) fn one(run: &Run, file: &File, damaged: bool) -> Result<ScanFile, ScanError> {
    scan(run, &Text::default(), file.sha256(""), damaged).map(ScanFile::One)
}

/// The scans of a merged file, one a tenant, each with its own report id; a tenant that gives
/// no scan is left out. `None` when no tenant is a Maester run.
pub(crate) fn tenants(
    runs: &[Run],
    top: &Run,
    file: &File,
    damaged: bool,
) -> Option<Result<ScanFile, ScanError>> {
    let mut scans = Vec::new();
    let mut refusal = None;
    for (index, run) in runs.iter().enumerate().filter(|(_, run)| run.is_maester()) {
        // A merged file's tenants may leave the version to the top level.
        match scan(
            run,
            &top.current_version,
            file.sha256(&format!(":{index}")),
            damaged,
        ) {
            Ok(scan) => scans.push(scan),
            Err(error) => refusal = refusal.or(Some(error)),
        }
    }
    match refusal {
        _ if !scans.is_empty() => Some(Ok(ScanFile::Tenants(scans))),
        Some(error) => Some(Err(error)),
        None => None,
    }
}

fn scan(run: &Run, version: &Text, report: ReportId, damaged: bool) -> Result<Scan, ScanError> {
    let source = ScanSource {
        tool: Tool::Maester,
        tool_version: run.current_version.line().or_else(|| version.line()),
        report,
        tenant: Tenant {
            id: run.tenant_id.line(),
            name: run.tenant_name.line(),
            domain: None,
        },
        scanned_at: run.executed_at.line(),
    };
    let scan = finish(
        source,
        ScanKind::Maester,
        run.tests.items().iter().map(check),
        damaged,
    )?;
    if !scan
        .checks
        .iter()
        .any(|check| check.id.starts_with("CISA."))
    {
        return Err(ScanError::NoCisaTests);
    }
    Ok(scan)
}

fn check(test: &Test) -> Check {
    let detail = test.result_detail.0.as_ref();
    let result = test.result.line().unwrap_or_default();
    // Maester also writes an error's message or a note to investigate as `SkippedReason`;
    // only a skip's reason is kept (error messages hold paths with user names).
    let skipped = ["Skipped", "NotRun"]
        .iter()
        .any(|name| result.eq_ignore_ascii_case(name));
    let reason = detail
        .and_then(|detail| detail.skipped_reason.line())
        .or_else(|| test.skipped_reason.line());
    let skipped_reason = reason.filter(|_| skipped);
    let severity = test
        .severity
        .line()
        .or_else(|| detail.and_then(|detail| detail.severity.line()));
    let id = id(test);
    Check {
        title: title(test, &id),
        id,
        outcome: outcome(&result, skipped_reason.as_deref()),
        result,
        original: None,
        criticality: severity,
        skipped_reason,
        comment: None,
        resolution_date: None,
    }
}

/// A CISA test's title is the policy's own wording; other tests' titles can name the tenant's
/// users (`MT.1033.0 … (IsaiahL@elapora.com)`), so they are not kept.
fn title(test: &Test, id: &str) -> String {
    if !id.starts_with("CISA.") {
        return String::new();
    }
    test.title
        .line()
        .or_else(|| test.name.line())
        .unwrap_or_default()
}

/// `Id`; else the first tag that names a test (`CISA.MS.AAD.3.1`; a CISA test's tags start with
/// `MS.AAD`); else the name's part before `": "` when it reads as an id, else the whole name.
fn id(test: &Test) -> String {
    if let Some(id) = test.id.line() {
        return id;
    }
    let tagged = test
        .tag
        .0
        .iter()
        .map(|tag| one_word(tag))
        .find(|tag| FAMILIES.iter().any(|family| tag.starts_with(family)));
    tagged
        .or_else(|| test.name.line().map(name_id))
        .unwrap_or_default()
}

fn name_id(name: String) -> String {
    match name.split_once(": ") {
        Some((head, _)) if !head.contains(' ') => head.to_owned(),
        _ => name,
    }
}

/// A tag as an id: one clean word, or empty when it holds several.
fn one_word(tag: &str) -> String {
    let line = super::decode::one_line(tag);
    if line.contains(' ') {
        String::new()
    } else {
        line
    }
}

/// What a Maester result means for an answer. A skip for a missing licence is a fact about the
/// tenant: Maester writes `NotLicensedEntraIDP2` and the like, or (expanded by
/// `Get-MtSkippedReason`) "This test is for tenants that are licensed for Entra ID P2".
fn outcome(result: &str, skipped_reason: Option<&str>) -> Outcome {
    let licence = |reason: &str| {
        reason.starts_with("NotLicensed")
            || reason.starts_with("This test is for tenants that are licensed for")
    };
    match result.to_ascii_lowercase().as_str() {
        "passed" => Outcome::Pass,
        "failed" => Outcome::NotMet,
        "skipped" if skipped_reason.is_some_and(licence) => Outcome::LicenceMissing,
        "skipped" | "notrun" => Outcome::NotRun,
        "error" => Outcome::Error,
        "investigate" => Outcome::Manual,
        _ => Outcome::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test(json: &str) -> Test {
        serde_json::from_str(json).expect("a test")
    }

    #[test]
    fn results_map_to_outcomes() {
        assert_eq!(outcome("Passed", None), Outcome::Pass);
        assert_eq!(outcome("Failed", None), Outcome::NotMet);
        assert_eq!(
            outcome("Skipped", Some("NotLicensedEntraIDP2")),
            Outcome::LicenceMissing
        );
        let expanded = "This test is for tenants that are licensed for Entra ID P1. See [Entra ID licensing](x)";
        assert_eq!(outcome("Skipped", Some(expanded)), Outcome::LicenceMissing);
        let not_for_premium =
            "This test is for tenants that are not licensed for any Entra ID Premium license.";
        assert_eq!(outcome("Skipped", Some(not_for_premium)), Outcome::NotRun);
        assert_eq!(outcome("Skipped", None), Outcome::NotRun);
        assert_eq!(outcome("NotRun", None), Outcome::NotRun);
        assert_eq!(outcome("Error", None), Outcome::Error);
        assert_eq!(outcome("Investigate", None), Outcome::Manual);
        assert_eq!(outcome("Flaky", None), Outcome::Unknown);
    }

    #[test]
    fn a_test_without_an_id_is_named_by_its_tags_or_name() {
        let tagged = test(
            r#"{"Name": "MS.AAD.3.1: x", "Tag": ["MS.AAD", "MS.AAD.3.1", "CISA", "CISA.MS.AAD.3.1"]}"#,
        );
        assert_eq!(id(&tagged), "CISA.MS.AAD.3.1");
        let named = test(r#"{"Name": "ID1002: App management restrictions", "Tag": null}"#);
        assert_eq!(id(&named), "ID1002");
        let sentence = test(r#"{"Name": "Some check of something"}"#);
        assert_eq!(id(&sentence), "Some check of something");
        assert_eq!(id(&test("{}")), "");
    }

    #[test]
    fn a_skip_reason_comes_from_the_detail_or_the_test() {
        let detailed = test(
            r#"{"Id": "MT.1", "Result": "Skipped", "ResultDetail": {"SkippedReason": "NotLicensedEntraIDP1"}}"#,
        );
        assert_eq!(check(&detailed).outcome, Outcome::LicenceMissing);
        let flat = test(
            r#"{"Id": "MT.2", "Result": "Skipped", "ResultDetail": "@{TestTitle=x}", "SkippedReason": "NotLicensedEntraIDP2"}"#,
        );
        assert_eq!(
            check(&flat).skipped_reason.as_deref(),
            Some("NotLicensedEntraIDP2")
        );
        let error = test(
            r#"{"Id": "MT.3", "Result": "Error", "ResultDetail": {"SkippedReason": "at /Users/someone/x.ps1"}}"#,
        );
        assert_eq!(check(&error).skipped_reason, None);
    }
}
