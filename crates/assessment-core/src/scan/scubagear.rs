//! ScubaGear's files: the merged `ScubaResults*.json` (v1.2 and later), the v1.2/v1.3 per-product
//! `<Product>Report.json`, and the Rego output `TestResults.json` (v1.0–v1.8) or `RegoOutput.json`.
//!
//! Only the fields an answer needs are named here; serde skips everything else (`Raw`, `Details`,
//! `ReportDetails`, …) as it reads, so none of it is ever stored.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::SeqAccessDeserializer;
use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize as DeriveDeserialize;

use super::decode::{one_line, scalars_are, Flag, Objs, Text, Texts};
use super::detect::{finish, File};
use super::{Check, Outcome, ReportId, Scan, ScanError, ScanKind, ScanSource, Tenant, Tool};

/// ScubaGear's product keys, as the merged file's `Results` and the per-product file names spell
/// them (`Defender` became `SecuritySuite` after v1.8, when `PowerBI` was added).
const PRODUCTS: [&str; 8] = [
    "AAD",
    "Defender",
    "EXO",
    "PowerPlatform",
    "SharePoint",
    "Teams",
    "SecuritySuite",
    "PowerBI",
];

/// `MetaData`: the merged file's keys (v1.4 and later) and the per-product file's
/// (`Tenant Display Name`, `Report Date`, `Module Version`) in one, each optional.
#[derive(Debug, Default, DeriveDeserialize)]
#[serde(default, rename_all = "PascalCase")]
pub(crate) struct Meta {
    tenant_id: Text,
    display_name: Text,
    #[serde(rename = "Tenant Display Name")]
    tenant_display_name: Text,
    domain_name: Text,
    tool_version: Text,
    #[serde(rename = "Module Version")]
    module_version: Text,
    timestamp_zulu: Text,
    #[serde(rename = "Report Date")]
    report_date: Text,
    #[serde(rename = "ReportUUID")]
    report_uuid: Text,
}

/// One entry of `Results`: a control, or a group of them (`{GroupName, GroupNumber, Controls}`;
/// v1.2 per-product files list the controls without groups).
#[derive(Debug, Default, DeriveDeserialize)]
#[serde(default, rename_all = "PascalCase")]
pub(crate) struct Control {
    #[serde(rename = "Control ID")]
    control_id: Text,
    requirement: Text,
    result: Text,
    criticality: Text,
    original_result: Text,
    comments: Texts,
    resolution_date: Text,
    /// Given on a group: its controls.
    controls: Objs<Control>,
}

/// One entry of the Rego output, as far as it is kept: `ReportDetails` may name people and
/// `ActualValue` holds tenant data, so neither is read.
#[derive(Debug, Default)]
pub(crate) struct Row {
    pub(crate) policy_id: Text,
    pub(crate) requirement_met: Flag,
    pub(crate) criticality: Text,
}

/// Reads `Results`, every control and group of every product in file order, naming the product
/// being read in `reading` so that damage there can be reported as `Results.<product>`.
pub(crate) struct ResultsSeed<'a>(pub(crate) &'a mut Option<String>);

impl<'de> DeserializeSeed<'de> for ResultsSeed<'_> {
    type Value = Vec<Control>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Control>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ResultsSeed<'_> {
    type Value = Vec<Control>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ScubaGear results")
    }

    /// The merged file: product key → groups.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Control>, A::Error> {
        let mut all = Vec::new();
        while let Some(product) = map.next_key::<Text>()? {
            *self.0 = Some(format!("Results.{}", product.line().unwrap_or_default()));
            all.extend(map.next_value::<Objs<Control>>()?.0.unwrap_or_default());
        }
        Ok(all)
    }

    /// A per-product file: its groups, or its controls.
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Vec<Control>, A::Error> {
        Objs::<Control>::deserialize(SeqAccessDeserializer::new(seq))
            .map(|objs| objs.0.unwrap_or_default())
    }

    scalars_are!(Vec::new());
}

/// The merged `ScubaResults*.json`.
pub(crate) fn merged(
    meta: &Meta,
    results: &[Control],
    file: &File,
    damaged: bool,
) -> Result<Scan, ScanError> {
    finish(
        source(Some(meta), file),
        ScanKind::ScubaGearMerged,
        checks(results),
        damaged,
    )
}

/// A v1.2/v1.3 `<Product>Report.json`; `MetaData` may be missing when the file was damaged after
/// its results.
pub(crate) fn product(
    meta: Option<&Meta>,
    results: &[Control],
    file: &File,
    damaged: bool,
) -> Result<Scan, ScanError> {
    let placeholder = ScanKind::ScubaGearProduct(String::new());
    let mut scan = finish(source(meta, file), placeholder, checks(results), damaged)?;
    scan.kind = ScanKind::ScubaGearProduct(product_name(file.name, &scan.checks));
    Ok(scan)
}

/// The Rego output: no tenant, time or version, only each policy's verdict.
pub(crate) fn rego(rows: &[Row], file: &File, damaged: bool) -> Result<Scan, ScanError> {
    let checks = rows.iter().map(rego_check);
    finish(source(None, file), ScanKind::ScubaGearRego, checks, damaged)
}

fn source(meta: Option<&Meta>, file: &File) -> ScanSource {
    let none = Meta::default();
    let meta = meta.unwrap_or(&none);
    ScanSource {
        tool: Tool::ScubaGear,
        tool_version: meta
            .tool_version
            .line()
            .or_else(|| meta.module_version.line()),
        report: meta
            .report_uuid
            .line()
            .map_or_else(|| file.sha256(""), ReportId::Uuid),
        tenant: Tenant {
            id: meta.tenant_id.line(),
            name: meta
                .display_name
                .line()
                .or_else(|| meta.tenant_display_name.line()),
            domain: meta.domain_name.line(),
        },
        scanned_at: meta
            .timestamp_zulu
            .line()
            .or_else(|| meta.report_date.line()),
    }
}

/// Every control, groups opened, in file order.
fn checks(results: &[Control]) -> impl Iterator<Item = Check> + '_ {
    let mut controls = Vec::new();
    flatten(results, &mut controls);
    controls.into_iter().map(check)
}

fn flatten<'a>(entries: &'a [Control], out: &mut Vec<&'a Control>) {
    for entry in entries {
        match &entry.controls.0 {
            Some(controls) => flatten(controls, out),
            None => out.push(entry),
        }
    }
}

fn check(control: &Control) -> Check {
    let result = control.result.line().unwrap_or_default();
    let original = control
        .original_result
        .line()
        .filter(|original| *original != result);
    let resolution_date = control.resolution_date.line();
    Check {
        id: control.control_id.line().unwrap_or_default(),
        outcome: outcome(&result),
        original,
        result,
        criticality: control.criticality.line(),
        title: plain(control.requirement.raw()),
        skipped_reason: None,
        comment: comment(&control.comments),
        // v1.7 writes "N/A" where v1.8 writes null: both mean no date.
        resolution_date: resolution_date.filter(|date| !date.eq_ignore_ascii_case("N/A")),
    }
}

/// The Rego output's verdict as the report would print it: ScubaGear's own rule, in which a
/// manual or third-party policy is `N/A` whatever the Rego said.
fn rego_check(row: &Row) -> Check {
    let criticality = row.criticality.line();
    let level = criticality.as_deref().unwrap_or_default();
    let result = if level.contains("Not-Implemented") || level.contains("3rd Party") {
        "N/A"
    } else if row.requirement_met.0 == Some(true) {
        "Pass"
    } else if level.starts_with("Should") {
        "Warning"
    } else {
        "Fail"
    };
    Check {
        id: row.policy_id.line().unwrap_or_default(),
        result: result.to_owned(),
        original: None,
        outcome: outcome(result),
        criticality,
        title: String::new(),
        skipped_reason: None,
        comment: None,
        resolution_date: None,
    }
}

/// What a ScubaGear result means for an answer. Results are an open set: an unknown one is kept
/// as printed.
fn outcome(result: &str) -> Outcome {
    let is = |name: &str| result.eq_ignore_ascii_case(name);
    if is("Pass") {
        Outcome::Pass
    } else if is("Fail") || is("Warning") {
        Outcome::NotMet
    } else if is("N/A") {
        Outcome::Manual
    } else if is("Omitted") || is("Incorrect result") {
        Outcome::Omitted
    } else if result
        .get(..5)
        .is_some_and(|start| start.eq_ignore_ascii_case("Error"))
    {
        Outcome::Error
    } else {
        Outcome::Unknown
    }
}

/// The organisation's comments, joined.
fn comment(comments: &Texts) -> Option<String> {
    let parts: Vec<String> = comments
        .0
        .iter()
        .map(|text| one_line(text))
        .filter(|text| !text.is_empty())
        .collect();
    Some(one_line(&parts.join(" / "))).filter(|text| !text.is_empty())
}

/// The product a per-product file is about: as its name says (`AADReport.json`), else as its
/// policy ids say (`MS.AAD.1.1v1`).
fn product_name(file_name: &str, checks: &[Check]) -> String {
    let base = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let named = PRODUCTS
        .iter()
        .find(|product| base.starts_with(&format!("{}report", product.to_ascii_lowercase())));
    if let Some(product) = named {
        return (*product).to_owned();
    }
    let from_id = checks
        .iter()
        .find_map(|check| check.id.strip_prefix("MS.")?.split('.').next());
    let segment = from_id.unwrap_or_default();
    let known = PRODUCTS
        .iter()
        .find(|product| product.eq_ignore_ascii_case(segment));
    known.map_or(segment, |product| product).to_owned()
}

/// A requirement as plain text: tags removed, with the content of scripts, styles and v1.8's
/// policy indicators (`<div class='policy-indicators'>`, links to the baseline), and the five
/// entities ScubaGear writes (and numeric ones) decoded; then one clean line.
pub(crate) fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut hidden: Option<Hidden> = None;
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        if hidden.is_none() {
            out.push_str(&rest[..start]);
        }
        let at = &rest[start..];
        match Tag::at(at) {
            Some(tag) => {
                rest = &at[tag.len..];
                hidden = tag.apply(hidden, &mut out);
            }
            None => {
                if hidden.is_none() {
                    out.push('<');
                }
                rest = &at[1..];
            }
        }
    }
    if hidden.is_none() {
        out.push_str(rest);
    }
    one_line(&entities(&out))
}

/// Markup whose content is not shown: the element's name and how deeply it is open.
struct Hidden {
    name: String,
    depth: usize,
}

/// One tag, comment or declaration at the start of a text.
struct Tag<'a> {
    /// Lower case; empty for a comment or declaration (`<!…>`).
    name: String,
    closing: bool,
    /// Everything between `<` and `>`.
    inside: &'a str,
    /// Bytes from `<` to after `>`.
    len: usize,
}

/// Elements that end a line of text: replaced by a space, so that words on both sides stay apart.
const BLOCKS: [&str; 14] = [
    "br", "div", "p", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4",
];

impl<'a> Tag<'a> {
    /// The tag `text` starts with, if it starts with one: `<` then a letter, `/` or `!`, up to
    /// the next `>`. Any other `<` is text.
    fn at(text: &'a str) -> Option<Tag<'a>> {
        let after = text.get(1..)?;
        let (closing, name_at) = match after.chars().next()? {
            '/' => (true, 1),
            '!' => return Self::declaration(text),
            c if c.is_ascii_alphabetic() => (false, 0),
            _ => return None,
        };
        let end = after.find('>')?;
        let inside = &after[..end];
        let name = inside[name_at..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>();
        Some(Tag {
            name: name.to_ascii_lowercase(),
            closing,
            inside,
            len: end + 2,
        })
    }

    /// `<!-- … -->` or `<!DOCTYPE …>`.
    fn declaration(text: &'a str) -> Option<Tag<'a>> {
        let len = match text.strip_prefix("<!--") {
            Some(comment) => comment.find("-->")? + "<!--".len() + "-->".len(),
            None => text.find('>')? + 1,
        };
        Some(Tag {
            name: String::new(),
            closing: false,
            inside: "",
            len,
        })
    }

    /// Hidden content starts at a script, a style or the policy indicators and ends at their
    /// closing tag (counting nested elements of the same name).
    fn apply(self, hidden: Option<Hidden>, out: &mut String) -> Option<Hidden> {
        if let Some(mut hidden) = hidden {
            if self.name == hidden.name {
                hidden.depth = if self.closing {
                    hidden.depth - 1
                } else {
                    hidden.depth + 1
                };
            }
            return (hidden.depth > 0).then_some(hidden);
        }
        let hides = matches!(self.name.as_str(), "script" | "style")
            || (self.name == "div" && self.inside.contains("policy-indicators"));
        if hides && !self.closing {
            return Some(Hidden {
                name: self.name,
                depth: 1,
            });
        }
        if BLOCKS.contains(&self.name.as_str()) {
            out.push(' ');
        }
        None
    }
}

/// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;` (and `&apos;`, `&nbsp;`, numeric
/// references); any other `&` is text.
fn entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let at = &rest[start..];
        match entity(at) {
            Some((c, len)) => {
                out.push(c);
                rest = &at[len..];
            }
            None => {
                out.push('&');
                rest = &at[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character of the entity `text` starts with, and the entity's length in bytes.
fn entity(text: &str) -> Option<(char, usize)> {
    let end = text.bytes().take(12).position(|byte| byte == b';')?;
    let c = match &text[1..end] {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        name => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_become_plain_text() {
        let v18 = "Legacy authentication SHALL be blocked.<div class='policy-indicators'><a href='x' \
                   class='indicator'>BOD 25-01 Requirement</a><a href='y'>Automated Check</a></div>";
        assert_eq!(plain(v18), "Legacy authentication SHALL be blocked.");
        assert_eq!(plain("<p>One</p><p>Two &amp; three</p>"), "One Two & three");
        assert_eq!(
            plain("a <b>bold</b> &lt;i&gt; &quot;q&quot; &#39;s&#x27;"),
            "a bold <i> \"q\" 's'"
        );
        assert_eq!(plain("x<script>alert(1)</script>y"), "xy");
        assert_eq!(
            plain("1 < 2 and 3 > 2, &unknown; & more"),
            "1 < 2 and 3 > 2, &unknown; & more"
        );
        assert_eq!(
            plain("<div class=\"policy-indicators\"><div>n</div>m</div>after"),
            "after"
        );
        assert_eq!(plain("a<!-- c -->b<br/>c<unclosed"), "ab c<unclosed");
        assert_eq!(plain("&#0;&#xD800;&#99999999;"), "&#xD800;&#99999999;");
    }

    #[test]
    fn results_map_to_outcomes() {
        let cases = [
            ("Pass", Outcome::Pass),
            ("Fail", Outcome::NotMet),
            ("Warning", Outcome::NotMet),
            ("N/A", Outcome::Manual),
            ("Omitted", Outcome::Omitted),
            ("Incorrect result", Outcome::Omitted),
            ("Error", Outcome::Error),
            ("Error - Test results missing", Outcome::Error),
            ("-", Outcome::Unknown),
            ("Passed with flying colours", Outcome::Unknown),
            ("", Outcome::Unknown),
        ];
        for (result, expected) in cases {
            assert_eq!(outcome(result), expected, "{result}");
        }
    }

    #[test]
    fn a_per_product_file_names_its_product() {
        let check = |id: &str| Check {
            id: id.to_owned(),
            result: String::new(),
            original: None,
            outcome: Outcome::Unknown,
            criticality: None,
            title: String::new(),
            skipped_reason: None,
            comment: None,
            resolution_date: None,
        };
        assert_eq!(
            product_name("C:\\out\\IndividualReports\\AADReport.json", &[]),
            "AAD"
        );
        assert_eq!(
            product_name("powerplatformreport (1).json", &[]),
            "PowerPlatform"
        );
        assert_eq!(
            product_name("report.json", &[check("MS.DEFENDER.1.1v1")]),
            "Defender"
        );
        assert_eq!(
            product_name("x.json", &[check("MS.NEWTHING.1.1v1")]),
            "NEWTHING"
        );
    }
}
