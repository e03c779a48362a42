//! Which scanner wrote a file, told by its content, and the scan it holds, also when the file is
//! damaged after its results.
//!
//! One pass over the JSON reads the top level by hand and stores each part it knows (ScubaGear's
//! `MetaData` and `Results`, the Rego output's rows, Maester's tests and tenants) the moment that
//! part is complete. Broken JSON further on (real ScubaGear runs have broken `Raw` sections) then
//! stops the reading but not the import: whatever was complete is still there to use.

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::error::Category;
use sha2::{Digest, Sha256};

use super::decode::{self, scalars_are, Obj, Objs, Text};
use super::maester::{self, Run};
use super::scubagear::{self, Control, Meta, ResultsSeed, Row};
use super::{
    Check, ReportId, Scan, ScanError, ScanFile, ScanKind, ScanSource, Tool, MAX_CHECKS,
    MAX_SCAN_BYTES,
};

/// Longest key name kept to say where a file is damaged.
const MAX_KEY: usize = 60;

/// Reads a scanner file: ScubaGear's merged, per-product or Rego output, or Maester's results,
/// recognised by what it holds. `file_name` only names the product of a per-product file.
pub fn read(bytes: &[u8], file_name: &str) -> Result<ScanFile, ScanError> {
    if bytes.len() > MAX_SCAN_BYTES {
        return Err(ScanError::TooLarge { bytes: bytes.len() });
    }
    let text = decode::text(bytes)?;
    if text.trim().is_empty() {
        return Err(ScanError::Empty);
    }
    decode::reset_budget();
    let mut parts = Parts::default();
    let mut json = serde_json::Deserializer::from_str(&text);
    let outcome = Top {
        parts: &mut parts,
        element: false,
    }
    .deserialize(&mut json)
    .and_then(|()| json.end());
    let file = File {
        bytes,
        name: file_name,
    };
    match outcome {
        Ok(()) => parts.scan(&file, false).unwrap_or(Err(ScanError::NotAScan)),
        Err(error) => parts
            .scan(&file, true)
            .unwrap_or_else(|| Err(parts.failure(&error, &text))),
    }
}

/// The file being read, for report ids and the product of a per-product file.
pub(crate) struct File<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) name: &'a str,
}

impl File<'_> {
    /// The SHA-256 of the file's bytes followed by `suffix`, as a report id.
    pub(crate) fn sha256(&self, suffix: &str) -> ReportId {
        let digest = Sha256::new()
            .chain_update(self.bytes)
            .chain_update(suffix)
            .finalize();
        ReportId::Sha256(crate::report::hex(&digest))
    }
}

/// The scan made of `checks` in file order: an id given twice is kept once (the first) and
/// noted, at most [`MAX_CHECKS`] are kept, and checks without an id are skipped.
pub(crate) fn finish(
    source: ScanSource,
    kind: ScanKind,
    checks: impl IntoIterator<Item = Check>,
    damaged: bool,
) -> Result<Scan, ScanError> {
    let mut kept = Vec::new();
    let mut seen = BTreeSet::new();
    let mut duplicate_ids = Vec::new();
    for check in checks.into_iter().filter(|check| !check.id.is_empty()) {
        if seen.contains(&check.id) {
            if !duplicate_ids.contains(&check.id) {
                duplicate_ids.push(check.id);
            }
        } else if kept.len() < MAX_CHECKS {
            seen.insert(check.id.clone());
            kept.push(check);
        } else {
            break;
        }
    }
    if kept.is_empty() {
        return Err(ScanError::NoChecks { tool: source.tool });
    }
    Ok(Scan {
        source,
        kind,
        checks: kept,
        duplicate_ids,
        damaged,
    })
}

/// What the top level of the file is.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Shape {
    #[default]
    Other,
    Object,
    List,
}

/// Every part of a scanner file that was read completely, and where the reading was.
#[derive(Debug, Default)]
struct Parts {
    shape: Shape,
    /// ScubaGear `MetaData`, merged or per-product.
    meta: Option<Meta>,
    /// ScubaGear `Results`, merged or per-product.
    results: Option<Vec<Control>>,
    /// The Rego output's rows, and whether its list ended.
    rows: Vec<Row>,
    rows_done: bool,
    /// The row of the list element being read.
    row: Row,
    /// A one-tenant Maester file's run (its top level).
    run: Run,
    /// A merged Maester file's tenants.
    tenants: Option<Vec<Run>>,
    /// The part being read (`Results.AAD`, `Tests`), to say where a file is damaged.
    reading: Option<String>,
    /// The scanner the keys read so far point to.
    hint: Option<Tool>,
}

impl Parts {
    /// The scan the parts make, if they make one.
    fn scan(&self, file: &File, damaged: bool) -> Option<Result<ScanFile, ScanError>> {
        match self.shape {
            Shape::Object => self.object(file, damaged),
            Shape::List => self.list(file, damaged),
            Shape::Other => None,
        }
    }

    fn object(&self, file: &File, damaged: bool) -> Option<Result<ScanFile, ScanError>> {
        if let Some(tenants) = &self.tenants {
            return maester::tenants(tenants, &self.run, file, damaged);
        }
        if let (Some(meta), Some(results)) = (&self.meta, &self.results) {
            return Some(scubagear::merged(meta, results, file, damaged).map(ScanFile::One));
        }
        self.run
            .is_maester()
            .then(|| maester::one(&self.run, file, damaged))
    }

    /// A Rego output, or a per-product file (a list holding one object), whose `MetaData`
    /// (written after the results) may be lost when the file is damaged.
    fn list(&self, file: &File, damaged: bool) -> Option<Result<ScanFile, ScanError>> {
        if self.rows_done && !self.rows.is_empty() {
            return Some(scubagear::rego(&self.rows, file, damaged).map(ScanFile::One));
        }
        let results = self.results.as_deref()?;
        let meta = self.meta.as_ref();
        (meta.is_some() || damaged)
            .then(|| scubagear::product(meta, results, file, damaged).map(ScanFile::One))
    }

    /// Why a file that stopped being readable gave no scan.
    fn failure(&self, error: &serde_json::Error, text: &str) -> ScanError {
        match (error.classify(), self.hint) {
            // Cut short before anything a scanner writes: nothing says it is a scanner file (a
            // cut-off assessment file must be explained as one by the app, not as a scan).
            (Category::Eof, None) => ScanError::NotAScan,
            (Category::Eof, Some(_)) => ScanError::Truncated,
            (_, Some(tool)) => ScanError::Damaged {
                tool,
                what: self.reading.clone().unwrap_or_default(),
            },
            // Not JSON from its first character (a CSV export, a text file): say so. JSON that
            // breaks later, before any scanner key, is nothing a scanner wrote; the app then
            // explains it as the assessment file it more likely is, with line and column.
            (Category::Syntax, None) => match offset(text, error.line(), error.column()) {
                0 => ScanError::NotJson { at: 0 },
                _ => ScanError::NotAScan,
            },
            _ => ScanError::NotAScan,
        }
    }

    /// Reads one object's keys, keeping the known parts. Used for the top level and for the
    /// elements of a top-level list alike, so that a per-product file's `Results` and a Rego
    /// row's fields land in the same places.
    fn fields<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Text>()? {
            let key = key.line().unwrap_or_default();
            self.reading = Some(key.chars().take(MAX_KEY).collect());
            self.field(&key, map)?;
            self.reading = None;
        }
        Ok(())
    }

    fn field<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            // Present at all, it marks a ScubaGear file, even when it is not an object.
            "MetaData" => {
                let meta = self.hinted::<Obj<Meta>, _>(Tool::ScubaGear, map)?;
                self.meta = Some(meta.0.unwrap_or_default());
            }
            "Results" => {
                self.hint = Some(Tool::ScubaGear);
                self.results = Some(map.next_value_seed(ResultsSeed(&mut self.reading))?);
            }
            "PolicyId" => self.row.policy_id = self.hinted(Tool::ScubaGear, map)?,
            "RequirementMet" => self.row.requirement_met = map.next_value()?,
            "Criticality" => self.row.criticality = map.next_value()?,
            "Tenants" => self.tenants = self.hinted::<Objs<Run>, _>(Tool::Maester, map)?.0,
            "Tests" => self.run.tests = self.hinted(Tool::Maester, map)?,
            "ExecutedAt" => self.run.executed_at = self.hinted(Tool::Maester, map)?,
            "CurrentVersion" => self.run.current_version = self.hinted(Tool::Maester, map)?,
            "TenantId" => self.run.tenant_id = map.next_value()?,
            "TenantName" => self.run.tenant_name = map.next_value()?,
            _ => {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }

    /// The next value, once the key before it has said which scanner wrote the file.
    fn hinted<'de, T: serde::Deserialize<'de>, A: MapAccess<'de>>(
        &mut self,
        tool: Tool,
        map: &mut A,
    ) -> Result<T, A::Error> {
        self.hint = Some(tool);
        map.next_value()
    }

    /// A list element is done: keep it if it was a Rego row.
    fn end_element(&mut self) {
        let row = std::mem::take(&mut self.row);
        if row.policy_id.0.is_some() && row.requirement_met.0.is_some() && decode::take_object() {
            self.rows.push(row);
        }
    }
}

/// The byte offset in `text` of serde_json's 1-based line and column.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// The top level of the file, or (`element`) one element of a top-level list.
struct Top<'a> {
    parts: &'a mut Parts,
    element: bool,
}

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a scanner result")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if !self.element {
            self.parts.shape = Shape::Object;
        }
        self.parts.fields(&mut map)?;
        if self.element {
            self.parts.end_element();
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.element {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(());
        }
        self.parts.shape = Shape::List;
        while seq
            .next_element_seed(Top {
                parts: &mut *self.parts,
                element: true,
            })?
            .is_some()
        {}
        self.parts.rows_done = true;
        Ok(())
    }

    scalars_are!(());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(bytes: &[u8]) -> ScanError {
        read(bytes, "x.json").expect_err("refused")
    }

    #[test]
    fn what_is_not_a_scan_is_refused_plainly() {
        assert_eq!(error(b""), ScanError::Empty);
        assert_eq!(error(b"\xEF\xBB\xBF \r\n"), ScanError::Empty);
        assert_eq!(error(b"hello"), ScanError::NotJson { at: 0 });
        assert_eq!(error(b"{\"a\": 1}\n{x"), ScanError::NotAScan);
        assert_eq!(error(b"{\"kind\": oops}"), ScanError::NotAScan);
        assert_eq!(error(b"{\"a\": [1, 2"), ScanError::NotAScan);
        assert_eq!(error(b"{\"Tests\": [1, 2"), ScanError::Truncated);
        assert_eq!(
            error(b"{\"kind\": \"midnight-blizzard-self-assessment\", \"version\": 2, \"assess"),
            ScanError::NotAScan,
            "a cut-off assessment file is not called a scan"
        );
        assert_eq!(error(b"[1, 2, {\"b\": null}]"), ScanError::NotAScan);
        assert_eq!(error(b"\"text\""), ScanError::NotAScan);
        assert_eq!(
            error(b"{\"Tests\": [], \"CurrentVersion\": \"1.0\"}"),
            ScanError::NoChecks {
                tool: Tool::Maester
            }
        );
    }

    #[test]
    fn damage_is_placed_where_it_is() {
        let broken = b"{\"MetaData\": {}, \"Results\": {\"AAD\": [{\"Controls\": [}]}}";
        let expected = ScanError::Damaged {
            tool: Tool::ScubaGear,
            what: "Results.AAD".into(),
        };
        assert_eq!(error(broken), expected);
        let cut = b"{\"MetaData\": {}, \"Results\": {\"AAD\": [{\"Controls\": [";
        assert_eq!(error(cut), ScanError::Truncated);
    }

    #[test]
    fn results_before_damage_are_used() {
        let text = b"{\"MetaData\": {\"ToolVersion\": \"1.8.0\"}, \"Results\": {\"AAD\": [{\"Controls\": \
                     [{\"Control ID\": \"MS.AAD.1.1v1\", \"Result\": \"Pass\"}]}]}, \"Raw\": {\"x\": ,}}";
        let Ok(ScanFile::One(scan)) = read(text, "x.json") else {
            panic!("a scan")
        };
        assert!(scan.damaged);
        assert_eq!(scan.checks.len(), 1);
    }

    #[test]
    fn metadata_that_is_not_an_object_still_marks_a_scubagear_file() {
        let text = br#"{"MetaData": null, "Results": {"AAD": [{"Control ID": "MS.AAD.1.1v1", "Result": "Fail"}]}}"#;
        let Ok(ScanFile::One(scan)) = read(text, "x.json") else {
            panic!("a scan")
        };
        assert_eq!(scan.kind, ScanKind::ScubaGearMerged);
        assert_eq!(scan.source.tool_version, None);
    }

    #[test]
    fn duplicates_are_kept_once_and_noted() {
        let text = br#"[{"PolicyId": "A", "RequirementMet": true}, {"PolicyId": "A", "RequirementMet": false},
                        {"PolicyId": "A", "RequirementMet": false}, {"PolicyId": "B", "RequirementMet": false}]"#;
        let Ok(ScanFile::One(scan)) = read(text, "TestResults.json") else {
            panic!("a scan")
        };
        assert_eq!(scan.checks.len(), 2);
        assert_eq!(scan.checks[0].result, "Pass");
        assert_eq!(scan.duplicate_ids, ["A"]);
    }

    #[test]
    fn at_most_max_checks_are_kept() {
        let rows: Vec<String> = (0..MAX_CHECKS + 5)
            .map(|n| format!("{{\"PolicyId\": \"P{n}\", \"RequirementMet\": true}}"))
            .collect();
        let text = format!("[{}]", rows.join(","));
        let Ok(ScanFile::One(scan)) = read(text.as_bytes(), "RegoOutput.json") else {
            panic!("a scan")
        };
        assert_eq!(scan.checks.len(), MAX_CHECKS);
        assert_eq!(scan.checks[0].id, "P0");
    }
}
