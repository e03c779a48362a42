//! Scanner results as evidence: what a ScubaGear or Maester file says, reduced to the few fields
//! an assessment needs.
//!
//! [`read`] recognises a file by its content (never by its name alone), decodes it (UTF-8 with or
//! without a BOM, UTF-16 with a BOM) and returns a [`ScanFile`]: one [`Scan`], or the tenants of a
//! multi-tenant Maester file for the person to pick from. Everything else in the file (the tenant
//! dump `Raw`, logos, machine and user names, test descriptions) is skipped while parsing and
//! never kept. See docs/IMPORT.md.

mod decode;
mod detect;
mod maester;
mod scubagear;

pub use detect::read;

/// Scanner files are a few MB at most (the real ScubaGear sample is 1.9 MB); larger ones are
/// refused before parsing.
pub const MAX_SCAN_BYTES: usize = 16 * 1024 * 1024;

/// At most this many checks are kept from one scan (real files have a few hundred).
pub const MAX_CHECKS: usize = 5_000;

/// Longest text kept from a scan for any one field, in characters; longer text is cut.
pub const MAX_SCAN_TEXT: usize = 300;

/// The scanner that wrote a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tool {
    ScubaGear,
    Maester,
}

impl Tool {
    /// Stable machine name, used in files.
    pub fn key(self) -> &'static str {
        match self {
            Tool::ScubaGear => "scubagear",
            Tool::Maester => "maester",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tool::ScubaGear => "ScubaGear",
            Tool::Maester => "Maester",
        }
    }
}

impl crate::keys::Keyed for Tool {
    const ALL: &'static [Tool] = &[Tool::ScubaGear, Tool::Maester];

    fn key(self) -> &'static str {
        Tool::key(self)
    }
}

/// Which report a scan is: the tool's own report UUID (ScubaGear v1.4 and later), else the
/// SHA-256 of the file's bytes, lower-case hex.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReportId {
    Uuid(String),
    Sha256(String),
}

impl ReportId {
    /// The id as text: the UUID, or `sha256:<hex>`.
    pub fn text(&self) -> String {
        match self {
            ReportId::Uuid(uuid) => uuid.clone(),
            ReportId::Sha256(hex) => format!("sha256:{hex}"),
        }
    }

    /// The inverse of [`ReportId::text`].
    pub fn from_text(text: &str) -> ReportId {
        match text.strip_prefix("sha256:") {
            Some(hex) => ReportId::Sha256(hex.to_owned()),
            None => ReportId::Uuid(text.to_owned()),
        }
    }
}

/// The tenant a scan ran against, as far as the file says.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tenant {
    /// Tenant id as printed (not always a GUID: Maester may print
    /// "TenantId (not connected to Graph)").
    pub id: Option<String>,
    pub name: Option<String>,
    /// The tenant's domain (ScubaGear `DomainName`).
    pub domain: Option<String>,
}

impl Tenant {
    /// Two tenants are known to differ: both have an id and the ids differ, or neither has an id
    /// and both have a domain and the domains differ.
    pub fn differs_from(&self, other: &Tenant) -> bool {
        let differ = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => !a.trim().eq_ignore_ascii_case(b.trim()),
            _ => false,
        };
        if self.id.is_some() && other.id.is_some() {
            differ(&self.id, &other.id)
        } else {
            differ(&self.domain, &other.domain)
        }
    }
}

/// Where a scan came from: the provenance kept with every answer it gives.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ScanSource {
    pub tool: Tool,
    /// The tool's version as the file gives it (`1.8.0`, `v1.3.0`, `1.0.95-preview`), if it does.
    pub tool_version: Option<String>,
    pub report: ReportId,
    pub tenant: Tenant,
    /// When the scan ran, exactly as the file gives it: ISO 8601 (`TimestampZulu`, `ExecutedAt`)
    /// or a local date string (`Report Date`) verbatim.
    pub scanned_at: Option<String>,
}

/// What one check found, reduced to what an answer can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// The check passed.
    Pass,
    /// The check ran and the requirement is not met (ScubaGear `Fail`, or `Warning` for a
    /// "should"; Maester `Failed`).
    NotMet,
    /// The tool does not decide it: a manual check, not implemented, third-party, or a result
    /// to investigate (ScubaGear `N/A`, Maester `Investigate`).
    Manual,
    /// The organisation told the tool to skip it or said its result is wrong (ScubaGear `Omitted`,
    /// `Incorrect result`).
    Omitted,
    /// The tenant lacks the licence the check needs (a Maester skip such as
    /// `NotLicensedEntraIDP2`): a fact about the tenant, not a failure.
    LicenceMissing,
    /// Skipped for another reason, or not run.
    NotRun,
    /// The check itself failed to run.
    Error,
    /// A result value this version does not know; shown as the tool printed it.
    Unknown,
}

impl Outcome {
    /// The check decides whether its requirement is met.
    pub fn decides(self) -> bool {
        matches!(self, Outcome::Pass | Outcome::NotMet)
    }
}

/// One check of a scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// The id as the tool printed it: `MS.AAD.3.1v1`, `CISA.MS.AAD.3.1`, `MT.1001`, `EIDSCA.AF01`.
    pub id: String,
    /// The result as printed (`Pass`, `Warning`, `Omitted`, `Skipped`, …).
    pub result: String,
    /// The tool's own verdict before any annotation by the organisation (ScubaGear v1.7+
    /// `OriginalResult`), when it differs from `result`.
    pub original: Option<String>,
    pub outcome: Outcome,
    /// `Shall`, `Should/3rd Party`, … (ScubaGear), or the test's severity (Maester), if given.
    pub criticality: Option<String>,
    /// A short title for display: the check's requirement (ScubaGear, as plain text) or title
    /// (Maester), cut at [`MAX_SCAN_TEXT`]. Shown as text, never as markup.
    pub title: String,
    /// Why it was skipped (Maester `SkippedReason`), if given.
    pub skipped_reason: Option<String>,
    /// The organisation's own annotation in the scan (ScubaGear `Comments`, joined), if any.
    pub comment: Option<String>,
    /// The organisation's remediation date in the scan (ScubaGear `ResolutionDate`), if any.
    pub resolution_date: Option<String>,
}

impl Check {
    /// The tool's own verdict: `OriginalResult` if the organisation annotated it, else `Result`.
    pub fn verdict(&self) -> &str {
        self.original.as_deref().unwrap_or(&self.result)
    }
}

/// Which kind of scanner file it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanKind {
    /// ScubaGear's merged `ScubaResults*.json` (v1.2 and later).
    ScubaGearMerged,
    /// A ScubaGear v1.2/v1.3 per-product `<Product>Report.json`; the product as the file names it.
    ScubaGearProduct(String),
    /// ScubaGear's Rego output `TestResults.json` (v1.0 to v1.8) or `RegoOutput.json` (after).
    ScubaGearRego,
    /// A Maester `TestResults*.json`, one tenant.
    Maester,
}

/// One scan, as far as the assessment needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    pub source: ScanSource,
    pub kind: ScanKind,
    /// Every check, in file order; an id appearing twice is kept once (the first).
    pub checks: Vec<Check>,
    /// Ids that appeared more than once, each once.
    pub duplicate_ids: Vec<String>,
    /// The file was damaged after the results (ScubaGear's `Raw` not valid JSON, or the file cut
    /// short after the results): what came before was used.
    pub damaged: bool,
}

/// What a file turned out to hold.
#[derive(Debug, Clone, PartialEq, Eq)]
// One value a file read, moved once: boxing the larger variant would save nothing worth having.
#[allow(clippy::large_enum_variant)]
pub enum ScanFile {
    /// One scan.
    One(Scan),
    /// A Maester file holding several tenants (`{"Tenants": [...]}`), in file order; the person
    /// picks one.
    Tenants(Vec<Scan>),
}

/// Why a file gave no scan. `Display` gives the sentence shown to the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanError {
    /// Over [`MAX_SCAN_BYTES`].
    TooLarge { bytes: usize },
    /// Empty.
    Empty,
    /// Not text in any encoding a scanner writes (binary, or invalid UTF-8/UTF-16).
    NotText,
    /// Text, but not JSON; `at` is the byte offset where reading stopped, in the decoded text.
    NotJson { at: usize },
    /// JSON that ends before the results were complete.
    Truncated,
    /// JSON, but neither a ScubaGear nor a Maester file (nor an assessment).
    NotAScan,
    /// A scanner file whose results are damaged (`what` names the part, e.g. `Results.AAD`).
    Damaged { tool: Tool, what: String },
    /// A scanner file with no checks at all.
    NoChecks { tool: Tool },
    /// A Maester file without any CISA SCuBA test, so nothing an assessment can use.
    NoCisaTests,
}

impl std::fmt::Display for ScanError {
    /// The sentence shown to the person: what the file is, what could not be used, and that
    /// nothing in the assessment changed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScanError::TooLarge { bytes } => {
                let megabytes = *bytes as f64 / (1024.0 * 1024.0);
                write!(f, "This file is {megabytes:.1} MB; scanner results are at most a few MB, so it was not read.")?;
            }
            ScanError::Empty => f.write_str("This file is empty.")?,
            ScanError::NotText => f.write_str(
                "This file is not text (it may be a PDF, a spreadsheet or a picture). Open a \
                 ScubaGear or Maester JSON result, or an assessment file.",
            )?,
            ScanError::NotJson { .. } => f.write_str(
                "This file is text but not JSON, so it is neither a scanner result nor an \
                 assessment file. Open ScubaGear's or Maester's JSON results (not their CSV or \
                 HTML reports), or an assessment file.",
            )?,
            ScanError::Truncated => f.write_str(
                "This scanner file ends before its results do: it was probably cut short while \
                 being copied or saved. Copy it again from the scanner's output folder.",
            )?,
            ScanError::NotAScan => f.write_str(
                "This file is JSON but not a ScubaGear or Maester result, so there is nothing in \
                 it to use.",
            )?,
            ScanError::Damaged { tool, what } => {
                let tool = tool.label();
                let place = if what.is_empty() {
                    String::new()
                } else {
                    format!(" (in {what})")
                };
                write!(f, "This {tool} file is damaged in its results{place}, so none of them could be used. Run the scan again or copy the file again.")?;
            }
            ScanError::NoChecks { tool } => {
                write!(
                    f,
                    "This {} file holds no check results, so there is nothing in it to use.",
                    tool.label()
                )?;
            }
            ScanError::NoCisaTests => f.write_str(
                "This Maester file holds no CISA SCuBA tests (those named CISA.…), so none of its \
                 results answer a question here. Run Maester with its CISA tests included.",
            )?,
        }
        f.write_str(" Nothing was changed.")
    }
}
