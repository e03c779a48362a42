//! Names of the files the user downloads: `<organisation-slug>_<yyyy-mm-dd>_<kind>.<ext>`.

use chrono::NaiveDate;

/// The longest slug kept, so file names stay readable and within every file system's limits.
const MAX_SLUG: usize = 60;

/// A file-name-safe form of an organisation name: lower-case ASCII letters and digits joined by
/// single dashes; anything else, accented letters included, separates words. Never empty.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= MAX_SLUG {
            break;
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "assessment".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// `acme-ltd_2024-04-20_report.html`; without a date, the word `undated` stands in its place.
pub fn file_name(
    organisation: &str,
    date: Option<NaiveDate>,
    kind: &str,
    extension: &str,
) -> String {
    let date = date.map_or_else(|| "undated".to_owned(), crate::dates::iso);
    format!("{}_{date}_{kind}.{extension}", slug(organisation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_and_never_empty() {
        assert_eq!(slug("Acme Health Trust, Inc."), "acme-health-trust-inc");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("<script>alert(1)</script>"), "script-alert-1-script");
        assert_eq!(slug("Zürich Städtische Werke"), "z-rich-st-dtische-werke");
        assert_eq!(slug("\u{202e}\u{0000}   "), "assessment");
        assert_eq!(slug(""), "assessment");
        assert!(slug(&"x".repeat(500)).len() <= MAX_SLUG);
    }

    #[test]
    fn file_names_follow_the_pattern() {
        let date = NaiveDate::from_ymd_opt(2024, 4, 20);
        assert_eq!(
            file_name("Acme", date, "report", "html"),
            "acme_2024-04-20_report.html"
        );
        assert_eq!(
            file_name("", None, "plan", "csv"),
            "assessment_undated_plan.csv"
        );
    }
}
