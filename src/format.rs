//! Dates and numbers as the interface shows them, in one place (see `text.rs` for words).

use chrono::NaiveDate;

/// A date as shown and as typed: ISO 8601, unambiguous in every locale.
pub fn date(value: NaiveDate) -> String {
    value.format("%Y-%m-%d").to_string()
}

/// An optional date for an input's value: empty when absent.
pub fn date_input(value: Option<NaiveDate>) -> String {
    value.map(date).unwrap_or_default()
}

/// Parses what a date input holds. Empty means "no date"; anything else must be a real date.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, chrono::ParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map(Some)
}

/// Today's date from the browser clock; the core never reads a clock itself.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}
