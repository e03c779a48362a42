//! CISA SCuBA policy ids across ScubaGear versions: which policy a scanner's id names.
//!
//! The table is written by people in `content/scuba.toml` (see docs/SCUBA-IDS.md). Each entry is
//! one policy, keyed by the id the current baseline (ScubaGear main) gives it, with every other
//! id released tools print for the same policy: earlier versions (`MS.AAD.3.2v1`), and ids from
//! another product (`MS.DEFENDER.5.1v1`, `MS.EXO.16.1v1` now `MS.SECURITYSUITE.4.1v1`). Policies
//! removed on main are entries too, so a removed id is still recognised and can be explained.
//!
//! Like the bank, the table may be embedded with postcard, which is positional: no field is
//! skipped when serialising; optional fields are `Option` or `Vec` with `#[serde(default)]`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The table file format this code reads.
pub const SCUBA_FORMAT: u32 = 1;

/// Longest id we try to parse; scanner ids are about 25 characters, so anything longer is not one.
const MAX_ID_LEN: usize = 64;

/// Longest title, in words.
const MAX_TITLE_WORDS: usize = 12;

/// Longest note, change or reason, in words: one sentence.
const MAX_NOTE_WORDS: usize = 45;

/// The whole table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScubaTable {
    /// File format version; must equal [`SCUBA_FORMAT`].
    pub format: u32,
    /// Which baseline the current ids come from, e.g. "ScubaGear main, 2026-08-20 (...)".
    pub baseline: String,
    /// The newest ScubaGear release the table covers, e.g. `v1.8.0`.
    pub latest_release: String,
    /// Releases whose real output was checked id by id against the table.
    #[serde(default)]
    pub checked: Vec<String>,
    #[serde(rename = "policy", default)]
    pub policies: Vec<ScubaPolicy>,
}

/// One policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScubaPolicy {
    /// The versioned id on main, e.g. `MS.AAD.3.2v2`; for a removed policy, the last id that
    /// named it.
    pub id: String,
    pub product: Product,
    /// Our short name for the policy (at most 12 words), never the baseline sentence.
    pub title: String,
    /// The first release that reports the policy under any id, or `main` if none does yet.
    pub first: String,
    /// The first release that prints `id` itself, or `main`.
    pub since: String,
    /// The first release that no longer prints `id`: set for removed policies only.
    #[serde(default)]
    pub until: Option<String>,
    /// Something an answerer should know about the policy, in one sentence of our own.
    #[serde(default)]
    pub note: Option<String>,
    /// Set when main no longer has the policy.
    #[serde(default)]
    pub removed: Option<Removal>,
    /// Other ids under which released tools report this policy.
    #[serde(default)]
    pub printed: Vec<PrintedId>,
}

/// Why and when a policy left the baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Removal {
    /// `yyyy-mm` from removedpolicies.md, when it records one.
    #[serde(default)]
    pub on: Option<String>,
    /// Why, in our own words.
    pub reason: String,
    /// Current ids of the entries that took the policy over, if any.
    #[serde(default)]
    pub successors: Vec<String>,
}

/// Another id under which released tools report a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintedId {
    pub id: String,
    pub relation: Relation,
    /// The first release that prints it; `None` when no release is known to (see `basis`).
    #[serde(default)]
    pub since: Option<String>,
    /// The first release that no longer prints it (exclusive); `None`: still printed on main.
    #[serde(default)]
    pub until: Option<String>,
    /// Where an id that no release is known to print comes from.
    #[serde(default)]
    pub basis: Option<String>,
    /// How its meaning differs from the current id, where that matters to an answer.
    #[serde(default)]
    pub change: Option<String>,
}

/// How a printed id relates to the entry's current id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// The same base id at an older version (`MS.AAD.3.2v1` for `MS.AAD.3.2v2`).
    EarlierVersion,
    /// One old policy re-homed, one to one, under another id.
    Moved,
    /// One of several old policies folded into this one.
    Merged,
}

/// The baseline a policy belongs to; the `PRODUCT` part of its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Product {
    Aad,
    Exo,
    Defender,
    SecuritySuite,
    Teams,
    SharePoint,
    PowerPlatform,
    PowerBi,
}

impl Product {
    /// The product as ids spell it, e.g. `AAD`, `SECURITYSUITE`.
    pub fn id_token(self) -> &'static str {
        match self {
            Product::Aad => "AAD",
            Product::Exo => "EXO",
            Product::Defender => "DEFENDER",
            Product::SecuritySuite => "SECURITYSUITE",
            Product::Teams => "TEAMS",
            Product::SharePoint => "SHAREPOINT",
            Product::PowerPlatform => "POWERPLATFORM",
            Product::PowerBi => "POWERBI",
        }
    }

    fn from_id_token(token: &str) -> Option<Product> {
        Some(match token {
            "AAD" => Product::Aad,
            "EXO" => Product::Exo,
            "DEFENDER" => Product::Defender,
            "SECURITYSUITE" => Product::SecuritySuite,
            "TEAMS" => Product::Teams,
            "SHAREPOINT" => Product::SharePoint,
            "POWERPLATFORM" => Product::PowerPlatform,
            "POWERBI" => Product::PowerBi,
            _ => return None,
        })
    }
}

/// A policy id taken apart: `MS.<PRODUCT>.<group>.<n>` and, when present, `v<version>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyId<'a> {
    /// `MS.AAD.3.2`: the id without its version.
    pub base: &'a str,
    pub product: Product,
    pub version: Option<u32>,
}

impl<'a> PolicyId<'a> {
    /// Parses a versioned id, `MS.AAD.3.2v2`.
    pub fn parse(id: &'a str) -> Option<PolicyId<'a>> {
        let (base, version) = id.rsplit_once('v')?;
        let version = number(version)?;
        let parsed = PolicyId::parse_base(base)?;
        Some(PolicyId {
            version: Some(version),
            ..parsed
        })
    }

    /// Parses an id without a version, `MS.AAD.3.2`, as Maester tags print it.
    pub fn parse_base(base: &'a str) -> Option<PolicyId<'a>> {
        if base.len() > MAX_ID_LEN {
            return None;
        }
        let mut parts = base.split('.');
        let (ms, product, group, n) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if ms != "MS" || parts.next().is_some() {
            return None;
        }
        let product = Product::from_id_token(product)?;
        number(group)?;
        number(n)?;
        Some(PolicyId {
            base,
            product,
            version: None,
        })
    }
}

/// A positive decimal number without leading zeros, as ids and releases write them.
fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text.starts_with('0') && text != "0" {
        return None;
    }
    text.parse().ok()
}

/// A release as the table writes it: `vX.Y.Z`, or `main` (after every release).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Release {
    Tag(u32, u32, u32),
    Main,
}

impl Release {
    pub fn parse(text: &str) -> Option<Release> {
        if text == "main" {
            return Some(Release::Main);
        }
        let mut parts = text.strip_prefix('v')?.split('.');
        let tag = Release::Tag(
            number(parts.next()?)?,
            number(parts.next()?)?,
            number(parts.next()?)?,
        );
        parts.next().is_none().then_some(tag)
    }
}

/// What a scanner's id turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recognised<'a> {
    /// The table entry: the policy as main names it (or, if removed, as it was last named).
    pub policy: &'a ScubaPolicy,
    /// The id as the scanner printed it, without surrounding whitespace.
    pub printed: String,
    /// How the printed id relates to the entry's id.
    pub version: VersionMatch,
    /// How the printed id's meaning differs from the entry's id, if the table says.
    pub change: Option<&'a str>,
}

/// How a printed id relates to the entry's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionMatch {
    /// Exactly the entry's id.
    Same,
    /// Another id the table lists for the policy: an earlier version or an id it was moved or
    /// merged from. The scan checked an earlier wording of the policy.
    Earlier(Relation),
    /// The entry's base id at a version the table does not list (a newer release, or an early
    /// one not checked).
    Unlisted,
    /// No version was printed (Maester's `CISA.MS.AAD.3.1` and its `MS.AAD.3.1` tag).
    Unversioned,
}

impl Recognised<'_> {
    /// The scan checked an earlier wording of the policy than the one the entry names.
    pub fn earlier_wording(&self) -> bool {
        matches!(self.version, VersionMatch::Earlier(_))
    }

    /// The printed id is not the entry's id (earlier, or a version the table does not list).
    pub fn differs(&self) -> bool {
        matches!(
            self.version,
            VersionMatch::Earlier(_) | VersionMatch::Unlisted
        )
    }
}

impl ScubaPolicy {
    /// Every id of the entry: its own, then the printed ones.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str()).chain(self.printed.iter().map(|p| p.id.as_str()))
    }

    /// The ids of this policy that `release` prints (`vX.Y.Z` or `main`): empty if it has none,
    /// as v1.8.0 has none for `MS.AAD.5.5v1`; two where the table cannot tell which.
    pub fn ids_in(&self, release: &str) -> Vec<&str> {
        let Some(release) = Release::parse(release) else {
            return Vec::new();
        };
        let covers = |since: Option<&str>, until: Option<&str>| {
            let since = since.and_then(Release::parse);
            let until = until.and_then(Release::parse);
            since.is_some_and(|s| s <= release) && until.is_none_or(|u| release < u)
        };
        let mut ids = Vec::new();
        if covers(Some(&self.since), self.until.as_deref()) {
            ids.push(self.id.as_str());
        }
        for printed in &self.printed {
            if covers(printed.since.as_deref(), printed.until.as_deref()) {
                ids.push(printed.id.as_str());
            }
        }
        ids
    }

    /// The first release that prints any id of the policy, worked out from the ranges.
    fn first_printed(&self) -> Option<Release> {
        std::iter::once(Some(self.since.as_str()))
            .chain(self.printed.iter().map(|p| p.since.as_deref()))
            .flatten()
            .filter_map(Release::parse)
            .min()
    }
}

impl ScubaTable {
    /// Parses the TOML source and checks it; any problem is an error.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<ScubaTable, String> {
        let table: ScubaTable = toml::from_str(text).map_err(|e| e.to_string())?;
        let problems = table.problems();
        if problems.is_empty() {
            Ok(table)
        } else {
            Err(problems.join("\n"))
        }
    }

    /// The table of `content_dir/scuba.toml` for a build script, which panics with the problem
    /// if it is not sound and asks to be rerun when it changes.
    #[cfg(feature = "toml")]
    pub fn for_build(content_dir: &std::path::Path) -> ScubaTable {
        crate::content::read_for_build(content_dir, "scuba.toml", ScubaTable::from_toml)
    }

    /// The binary form the on-demand module embeds (postcard, fields in declaration order).
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a table always serialises")
    }

    /// Reads what [`ScubaTable::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<ScubaTable, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }

    /// The entry a cited versioned id names: its current id or one of its printed ids.
    pub fn policy(&self, cited: &str) -> Option<&ScubaPolicy> {
        self.policies.iter().find(|p| p.ids().any(|id| id == cited))
    }

    /// The entry whose id, or one of whose printed ids, has this base id (`MS.AAD.3.2`).
    fn by_base(&self, base: &str) -> Option<&ScubaPolicy> {
        self.policies.iter().find(|p| {
            p.ids()
                .any(|id| PolicyId::parse(id).is_some_and(|parsed| parsed.base == base))
        })
    }

    /// Recognises an id as a scanner prints it: ScubaGear's `MS.AAD.3.2v1`,
    /// `MS.DEFENDER.1.1v1` or `MS.EXO.16.1v1`, Maester's `CISA.MS.AAD.3.2` or its tag
    /// `MS.AAD.3.2`. Ids are case-sensitive; surrounding whitespace is ignored. Matching goes
    /// through the table only: a versioned id is found exactly, else by its base id; an id
    /// without a version by its base id.
    pub fn recognise(&self, scanner_id: &str) -> Option<Recognised<'_>> {
        let printed = scanner_id.trim();
        if printed.len() > MAX_ID_LEN {
            return None;
        }
        let id = printed.strip_prefix("CISA.").unwrap_or(printed);
        let found = |policy, version, change| {
            Some(Recognised {
                policy,
                printed: printed.to_string(),
                version,
                change,
            })
        };
        if let Some(parsed) = PolicyId::parse(id) {
            if let Some(policy) = self.policies.iter().find(|p| p.id == id) {
                return found(policy, VersionMatch::Same, None);
            }
            for policy in &self.policies {
                if let Some(other) = policy.printed.iter().find(|p| p.id == id) {
                    return found(
                        policy,
                        VersionMatch::Earlier(other.relation),
                        other.change.as_deref(),
                    );
                }
            }
            let policy = self.by_base(parsed.base)?;
            return found(policy, VersionMatch::Unlisted, None);
        }
        let parsed = PolicyId::parse_base(id)?;
        let policy = self.by_base(parsed.base)?;
        found(policy, VersionMatch::Unversioned, None)
    }

    /// Everything wrong with the table, one sentence each; empty when it is sound.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.format != SCUBA_FORMAT {
            problems.push(format!(
                "format is {}, this code reads {SCUBA_FORMAT}",
                self.format
            ));
        }
        if Release::parse(&self.latest_release).is_none() {
            problems.push(format!(
                "latest_release {:?} is not a release",
                self.latest_release
            ));
        }
        for release in &self.checked {
            if !matches!(Release::parse(release), Some(Release::Tag(..))) {
                problems.push(format!(
                    "checked release {release:?} is not a tagged release"
                ));
            }
        }
        let mut owners: BTreeMap<&str, &str> = BTreeMap::new();
        let mut base_owners: BTreeMap<&str, &str> = BTreeMap::new();
        for policy in &self.policies {
            for id in policy.ids() {
                if let Some(owner) = owners.insert(id, &policy.id) {
                    problems.push(format!("{id} is claimed by {owner} and by {}", policy.id));
                }
                let Some(parsed) = PolicyId::parse(id) else {
                    problems.push(format!(
                        "{}: {id:?} is not an id of the form MS.<PRODUCT>.<group>.<n>v<version>",
                        policy.id
                    ));
                    continue;
                };
                match base_owners.insert(parsed.base, &policy.id) {
                    Some(owner) if owner != policy.id => problems.push(format!(
                        "base id {} belongs to {owner} and to {}",
                        parsed.base, policy.id
                    )),
                    _ => {}
                }
            }
            self.policy_problems(policy, &mut problems);
        }
        problems
    }

    fn policy_problems(&self, policy: &ScubaPolicy, problems: &mut Vec<String>) {
        let id = &policy.id;
        let own = PolicyId::parse(id);
        if let Some(own) = own {
            if own.product != policy.product {
                problems.push(format!(
                    "{id}: product is {:?} but the id says {}",
                    policy.product,
                    own.product.id_token()
                ));
            }
        }
        let words = policy.title.split_whitespace().count();
        if words == 0 {
            problems.push(format!("{id}: title is empty"));
        } else if words > MAX_TITLE_WORDS {
            problems.push(format!(
                "{id}: title has {words} words, at most {MAX_TITLE_WORDS}"
            ));
        }
        if ["SHALL", "SHOULD", "MUST"]
            .iter()
            .any(|w| policy.title.split_whitespace().any(|t| t == *w))
        {
            problems.push(format!(
                "{id}: title reads like the baseline sentence; write it in our own words"
            ));
        }
        let mut text = vec![("note", policy.note.as_deref())];
        let release = |field: &str, value: &str, problems: &mut Vec<String>| {
            let parsed = Release::parse(value);
            if parsed.is_none() {
                problems.push(format!("{id}: {field} {value:?} is not vX.Y.Z or main"));
            }
            parsed
        };
        let since = release("since", &policy.since, problems);
        let until = policy
            .until
            .as_deref()
            .and_then(|u| release("until", u, problems));
        if let (Some(since), Some(until)) = (since, until) {
            if since >= until {
                problems.push(format!(
                    "{id}: until {until:?} is not after since {since:?}"
                ));
            }
        }
        if let Some(first) = release("first", &policy.first, problems) {
            if policy.first_printed() != Some(first) {
                problems.push(format!(
                    "{id}: first is {} but the earliest since is another release",
                    policy.first
                ));
            }
        }
        match &policy.removed {
            None if policy.until.is_some() => {
                problems.push(format!("{id}: has an until but is not marked removed"));
            }
            None => {}
            Some(removed) => {
                text.push(("removal reason", Some(removed.reason.as_str())));
                if let Some(on) = &removed.on {
                    let ok = on.len() == 7
                        && on.as_bytes()[4] == b'-'
                        && on[..4].bytes().all(|b| b.is_ascii_digit())
                        && on[5..].bytes().all(|b| b.is_ascii_digit());
                    if !ok {
                        problems.push(format!("{id}: removed.on {on:?} is not yyyy-mm"));
                    }
                }
                for successor in &removed.successors {
                    match self.policies.iter().find(|p| &p.id == successor) {
                        None => {
                            problems.push(format!("{id}: successor {successor} is not an entry"))
                        }
                        Some(p) if p.removed.is_some() => {
                            problems.push(format!("{id}: successor {successor} is itself removed"));
                        }
                        Some(_) => {}
                    }
                }
            }
        }
        for printed in &policy.printed {
            let other = &printed.id;
            text.push(("change", printed.change.as_deref()));
            text.push(("basis", printed.basis.as_deref()));
            let since = printed
                .since
                .as_deref()
                .and_then(|s| release("since", s, problems));
            let until = printed
                .until
                .as_deref()
                .and_then(|u| release("until", u, problems));
            match (since, until) {
                (Some(since), Some(until)) if since >= until => {
                    problems.push(format!("{id}: {other} until is not after its since"));
                }
                (None, Some(_)) => {
                    problems.push(format!("{id}: {other} has an until but no since"))
                }
                (None, None) if printed.basis.is_none() => {
                    problems.push(format!("{id}: {other} has no since, so it needs a basis"));
                }
                _ => {}
            }
            if let (Some(own), Some(parsed)) = (own, PolicyId::parse(other)) {
                let same_base = own.base == parsed.base;
                if same_base != (printed.relation == Relation::EarlierVersion) {
                    problems.push(format!(
                        "{id}: {other} is {:?} but {} the same base id",
                        printed.relation,
                        if same_base { "has" } else { "does not have" }
                    ));
                }
                if same_base && parsed.version >= own.version {
                    problems.push(format!(
                        "{id}: {other} is listed as earlier but its version is not lower"
                    ));
                }
            }
        }
        for (field, value) in text {
            let Some(value) = value else { continue };
            let words = value.split_whitespace().count();
            if words == 0 {
                problems.push(format!("{id}: {field} is empty"));
            } else if words > MAX_NOTE_WORDS {
                problems.push(format!(
                    "{id}: {field} has {words} words, keep it to one sentence"
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_strictly() {
        let id = PolicyId::parse("MS.AAD.3.2v1").unwrap();
        assert_eq!(
            (id.base, id.product, id.version),
            ("MS.AAD.3.2", Product::Aad, Some(1))
        );
        assert_eq!(
            PolicyId::parse_base("MS.SECURITYSUITE.4.1")
                .unwrap()
                .product,
            Product::SecuritySuite
        );
        for bad in [
            "",
            "MS.",
            "MS.AAD",
            "MS.AAD.3",
            "MS.AAD.3.2",
            "MS.AAD.3.2v",
            "MS.AAD.3.2v0x",
            "ms.aad.3.2v1",
            "MS.FOO.1.1v1",
            "MS.AAD.03.2v1",
            "MS.AAD.3.2.1v1",
            "MS.AAD.3.2V1",
            "MS.AAD..2v1",
            "XMS.AAD.3.2v1",
        ] {
            assert!(PolicyId::parse(bad).is_none(), "{bad:?} parsed");
        }
        assert!(Release::parse("v1.8.0").unwrap() < Release::Main);
        assert!(Release::parse("v1.10.0").unwrap() > Release::parse("v1.9.0").unwrap());
        for bad in ["1.8.0", "v1.8", "v1.8.0.1", "V1.8.0", "Main", ""] {
            assert!(Release::parse(bad).is_none(), "{bad:?} parsed");
        }
    }

    #[cfg(feature = "toml")]
    #[test]
    fn problems_are_reported() {
        let sound = r#"
            format = 1
            baseline = "test"
            latest_release = "v1.8.0"
            [[policy]]
            id = "MS.AAD.3.2v2"
            product = "aad"
            title = "Require MFA for every user"
            first = "v1.0.0"
            since = "v1.8.0"
            [[policy.printed]]
            id = "MS.AAD.3.2v1"
            relation = "earlier-version"
            since = "v1.0.0"
            until = "v1.8.0"
        "#;
        let table = ScubaTable::from_toml(sound).unwrap();
        assert!(table.problems().is_empty());
        assert!(
            ScubaTable::from_toml(&sound.replace("format = 1", "format = 1\nextra = 2")).is_err()
        );
        for (from, to, expected) in [
            (
                "id = \"MS.AAD.3.2v1\"",
                "id = \"MS.AAD.3.2v2\"",
                "claimed by",
            ),
            (
                "id = \"MS.AAD.3.2v1\"",
                "id = \"MS.AAD.3.2\"",
                "is not an id",
            ),
            (
                "id = \"MS.AAD.3.2v1\"",
                "id = \"MS.EXO.3.2v1\"",
                "does not have the same base id",
            ),
            (
                "id = \"MS.AAD.3.2v1\"",
                "id = \"MS.AAD.3.2v3\"",
                "not lower",
            ),
            ("product = \"aad\"", "product = \"exo\"", "the id says AAD"),
            ("Require MFA for every user", "", "title is empty"),
            (
                "Require MFA for every user",
                "one two three four five six seven eight nine ten eleven twelve thirteen",
                "13 words",
            ),
            (
                "Require MFA for every user",
                "MFA SHALL be enforced",
                "own words",
            ),
            ("first = \"v1.0.0\"", "first = \"v1.8.0\"", "earliest since"),
            ("since = \"v1.8.0\"", "since = \"1.8\"", "not vX.Y.Z"),
            (
                "until = \"v1.8.0\"",
                "until = \"v1.0.0\"",
                "until is not after",
            ),
            (
                "since = \"v1.0.0\"\n            until",
                "until",
                "has an until but no since",
            ),
            (
                "since = \"v1.0.0\"\n            until = \"v1.8.0\"",
                "",
                "needs a basis",
            ),
            (
                "since = \"v1.8.0\"",
                "since = \"v1.8.0\"\n            until = \"main\"",
                "not marked removed",
            ),
        ] {
            assert!(sound.contains(from), "{from}");
            let broken = sound.replacen(from, to, 1);
            let problems = toml::from_str::<ScubaTable>(&broken).map(|t| t.problems());
            let problems = problems.unwrap_or_else(|e| panic!("{broken}: {e}"));
            assert!(
                problems.iter().any(|p| p.contains(expected)),
                "{expected:?} not in {problems:?}"
            );
        }
    }

    #[cfg(feature = "toml")]
    mod shipped {
        use super::super::*;

        const TABLE: &str = include_str!("../../../content/scuba.toml");
        const SCANNER_IDS: &str = include_str!("../tests/fixtures/scanner-ids.txt");

        /// The SCuBA ids the question bank cites (content/questions/*.toml, `scuba = [...]`).
        const CITED: &[&str] = &[
            "MS.AAD.1.1v1",
            "MS.AAD.2.1v1",
            "MS.AAD.2.2v1",
            "MS.AAD.2.3v1",
            "MS.AAD.3.1v1",
            "MS.AAD.3.2v2",
            "MS.AAD.3.3v2",
            "MS.AAD.3.4v1",
            "MS.AAD.3.5v2",
            "MS.AAD.3.6v1",
            "MS.AAD.3.7v1",
            "MS.AAD.3.8v1",
            "MS.AAD.3.9v1",
            "MS.AAD.4.1v1",
            "MS.AAD.5.1v1",
            "MS.AAD.5.2v1",
            "MS.AAD.5.3v1",
            "MS.AAD.5.5v1",
            "MS.AAD.5.6v1",
            "MS.AAD.5.7v1",
            "MS.AAD.6.1v1",
            "MS.AAD.7.1v1",
            "MS.AAD.7.2v1",
            "MS.AAD.7.3v1",
            "MS.AAD.7.4v1",
            "MS.AAD.7.5v1",
            "MS.AAD.7.6v1",
            "MS.AAD.7.7v1",
            "MS.AAD.7.8v1",
            "MS.AAD.7.9v1",
            "MS.AAD.8.1v1",
            "MS.AAD.8.2v1",
            "MS.AAD.8.3v1",
            "MS.EXO.1.1v2",
            "MS.EXO.13.1v1",
            "MS.EXO.5.1v1",
            "MS.SECURITYSUITE.4.1v1",
            "MS.SECURITYSUITE.4.2v1",
            "MS.SECURITYSUITE.5.1v1",
            "MS.SECURITYSUITE.5.2v1",
        ];

        fn table() -> ScubaTable {
            ScubaTable::from_toml(TABLE).unwrap_or_else(|e| panic!("content/scuba.toml:\n{e}"))
        }

        /// `(source, id)` for every id line of the fixture.
        fn scanner_ids() -> Vec<(&'static str, &'static str)> {
            SCANNER_IDS
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(|l| l.split_once(' ').expect("`<source> <id>` per line"))
                .collect()
        }

        #[test]
        fn shipped_table_has_no_problems() {
            let table = table();
            assert!(table.problems().is_empty(), "{:#?}", table.problems());
            assert!(table.policies.len() > 100);
        }

        #[test]
        fn every_cited_id_is_a_current_policy() {
            let table = table();
            for cited in CITED {
                let policy = table
                    .policy(cited)
                    .unwrap_or_else(|| panic!("{cited} not in the table"));
                assert_eq!(
                    &policy.id, cited,
                    "{cited} is not the current id of its entry"
                );
                assert!(policy.removed.is_none(), "{cited} is removed on main");
                let found = table.recognise(cited).unwrap();
                assert_eq!(found.version, VersionMatch::Same);
            }
        }

        #[test]
        fn earlier_aad_versions_land_on_the_current_entry() {
            let table = table();
            let old = table.recognise("MS.AAD.3.2v1").unwrap();
            assert_eq!(old.policy.id, "MS.AAD.3.2v2");
            assert_eq!(old.printed, "MS.AAD.3.2v1");
            assert_eq!(old.version, VersionMatch::Earlier(Relation::EarlierVersion));
            assert!(old.earlier_wording() && old.differs());
            assert!(old.change.is_some_and(|c| !c.is_empty()));

            let maester = table.recognise("CISA.MS.AAD.3.2").unwrap();
            assert_eq!(maester.policy.id, "MS.AAD.3.2v2");
            assert_eq!(maester.printed, "CISA.MS.AAD.3.2");
            assert_eq!(maester.version, VersionMatch::Unversioned);
            assert!(!maester.earlier_wording() && !maester.differs());

            let tag = table.recognise(" MS.AAD.3.2\n").unwrap();
            assert_eq!(
                (tag.policy.id.as_str(), tag.printed.as_str()),
                ("MS.AAD.3.2v2", "MS.AAD.3.2")
            );
            assert_eq!(tag.version, VersionMatch::Unversioned);

            let unlisted = table.recognise("MS.AAD.3.2v7").unwrap();
            assert_eq!(unlisted.policy.id, "MS.AAD.3.2v2");
            assert_eq!(unlisted.version, VersionMatch::Unlisted);
            assert!(unlisted.differs() && !unlisted.earlier_wording());

            let same = table.recognise("MS.AAD.3.2v2").unwrap();
            assert_eq!(same.version, VersionMatch::Same);
            assert!(!same.differs());
        }

        #[test]
        fn defender_and_exo_ids_land_on_their_security_suite_successors() {
            let table = table();
            for (old, new) in [
                ("MS.DEFENDER.5.1v1", "MS.SECURITYSUITE.4.1v1"),
                ("MS.DEFENDER.5.2v1", "MS.SECURITYSUITE.4.2v1"),
                ("MS.DEFENDER.6.1v1", "MS.SECURITYSUITE.5.1v1"),
                ("MS.DEFENDER.6.3v1", "MS.SECURITYSUITE.5.2v1"),
                ("MS.DEFENDER.2.1v1", "MS.SECURITYSUITE.2.1v1"),
                ("MS.DEFENDER.4.1v2", "MS.SECURITYSUITE.3.1v1"),
                ("MS.EXO.16.1v1", "MS.SECURITYSUITE.4.1v1"),
                ("MS.EXO.16.2v1", "MS.SECURITYSUITE.4.2v1"),
                ("MS.EXO.17.1v1", "MS.SECURITYSUITE.5.1v1"),
                ("MS.EXO.17.3v1", "MS.SECURITYSUITE.5.2v1"),
                ("CISA.MS.EXO.16.1", "MS.SECURITYSUITE.4.1v1"),
                ("CISA.MS.EXO.17.3", "MS.SECURITYSUITE.5.2v1"),
            ] {
                let found = table
                    .recognise(old)
                    .unwrap_or_else(|| panic!("{old} not recognised"));
                assert_eq!(found.policy.id, new, "{old}");
                let successor = table.recognise(new).unwrap();
                assert!(
                    std::ptr::eq(found.policy, successor.policy),
                    "{old} and {new} differ"
                );
                if !old.starts_with("CISA.") {
                    assert!(found.earlier_wording(), "{old}");
                }
            }
            // The presets have no single successor: their own (removed) entries name all four.
            let preset = table.recognise("MS.DEFENDER.1.1v1").unwrap();
            assert_eq!(preset.version, VersionMatch::Same);
            let removed = preset.policy.removed.as_ref().unwrap();
            assert_eq!(removed.successors.len(), 4);
        }

        #[test]
        fn releases_are_representable() {
            let table = table();
            let ids_in = |id: &str, release: &str| table.policy(id).unwrap().ids_in(release);
            assert!(ids_in("MS.AAD.5.5v1", "v1.8.0").is_empty());
            assert_eq!(ids_in("MS.AAD.5.5v1", "main"), ["MS.AAD.5.5v1"]);
            assert_eq!(table.policy("MS.AAD.5.5v1").unwrap().first, "main");
            assert_eq!(ids_in("MS.AAD.3.2v2", "v1.7.0"), ["MS.AAD.3.2v1"]);
            assert_eq!(ids_in("MS.AAD.3.2v2", "v1.8.0"), ["MS.AAD.3.2v2"]);
            assert_eq!(
                ids_in("MS.SECURITYSUITE.5.1v1", "v1.7.0"),
                ["MS.DEFENDER.6.1v1", "MS.EXO.17.1v1"]
            );
            assert_eq!(
                ids_in("MS.SECURITYSUITE.5.1v1", "v1.8.0"),
                ["MS.DEFENDER.6.1v1"]
            );
            assert_eq!(
                ids_in("MS.SECURITYSUITE.5.1v1", "main"),
                ["MS.SECURITYSUITE.5.1v1"]
            );
            assert!(ids_in("MS.SECURITYSUITE.8.1v1", "v1.8.0").is_empty());
            assert!(ids_in("MS.AAD.3.9v1", "v1.5.0").is_empty());
            assert!(ids_in("MS.AAD.1.1v1", "not a release").is_empty());
            // v1.3.x was not checked: either side of the EXO SPF change may be what it prints.
            assert_eq!(
                ids_in("MS.EXO.2.2v3", "v1.3.0"),
                ["MS.EXO.2.2v2", "MS.EXO.2.2v1"]
            );
            assert_eq!(ids_in("MS.EXO.2.2v3", "v1.4.0"), ["MS.EXO.2.2v2"]);
        }

        #[test]
        fn unknown_ids_and_garbage_are_not_recognised() {
            let table = table();
            let long = "MS.AAD.3.2v1".repeat(1000);
            let junk = "x".repeat(10 * 1024);
            for input in [
                "",
                " ",
                "MS.",
                "CISA.MS.AAD",
                "CISA.",
                "CISA.MS.",
                "MS.AAD",
                "MS.AAD.3",
                "MS.AAD.99.1v1",
                "MS.AAD.99.1",
                "CISA.MS.AAD.99.1",
                "ms.aad.3.2v1",
                "cisa.MS.AAD.3.2",
                "MS.FOO.1.1v1",
                "MS.TEAMS.99.9v9",
                "MT.1001",
                "EIDSCA.AF01",
                "CIS.M365.1.1.1",
                "MS.AAD.3.2v1 extra",
                "MS.AAD.3.2v1\u{0}",
                long.as_str(),
                junk.as_str(),
            ] {
                assert!(table.recognise(input).is_none(), "{input:?} was recognised");
                assert!(table.policy(input).is_none(), "{input:?} was found");
            }
        }

        #[test]
        fn every_id_in_the_real_scanner_samples_is_recognised() {
            let table = table();
            let ids = scanner_ids();
            let count = |source: &str| ids.iter().filter(|(s, _)| *s == source).count();
            assert!(
                count("scubagear-v1.8.0") >= 92,
                "fixture lost ScubaGear ids"
            );
            assert!(count("maester") >= 73, "fixture lost Maester ids");
            for (source, id) in ids {
                let found = table
                    .recognise(id)
                    .unwrap_or_else(|| panic!("{source} {id} not recognised"));
                if source == "maester" {
                    assert_eq!(found.version, VersionMatch::Unversioned, "{id}");
                } else {
                    assert_ne!(
                        found.version,
                        VersionMatch::Unlisted,
                        "{source} {id} is not listed"
                    );
                    let release = source.rsplit('-').next().unwrap();
                    assert!(
                        found.policy.ids_in(release).contains(&id),
                        "{id} is not printed by {release}"
                    );
                }
            }
        }

        #[test]
        fn table_round_trips_through_postcard() {
            let table = table();
            let bytes = postcard::to_allocvec(&table).unwrap();
            let back: ScubaTable = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(back, table);
        }
    }
}
