//! Dates and times as the interface shows them, in one place (see `words.rs` for words).

use chrono::NaiveDate;

/// A date as shown and as typed: ISO 8601, unambiguous in every locale.
pub fn date(value: NaiveDate) -> String {
    assessment_core::dates::iso(value)
}

/// An optional date for an input's value: empty when absent.
pub fn date_input(value: Option<NaiveDate>) -> String {
    value.map(date).unwrap_or_default()
}

/// Parses what a date input holds: `Some(None)` when empty, `Some(date)` for a real date, and
/// `None` when the text is not a date.
pub fn parse_date(text: &str) -> Option<Option<NaiveDate>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    assessment_core::dates::parse_iso(text).map(Some)
}

/// The local time of day of an RFC 3339 instant, e.g. `08:01`; empty when unreadable.
pub fn time_of_day(rfc3339: &str) -> String {
    let date = js_sys::Date::new(&rfc3339.into());
    if date.get_time().is_nan() {
        return String::new();
    }
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// The local date and time of an RFC 3339 instant, e.g. `2026-11-25 08:01`.
pub fn date_time(rfc3339: &str) -> String {
    let date = js_sys::Date::new(&rfc3339.into());
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}
