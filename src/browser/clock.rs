//! The browser's clock. The core never reads a clock: the shell passes dates and instants in.

use chrono::NaiveDate;

/// Today's date from the browser clock.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The current instant as RFC 3339 in UTC, for `saved_at` fields.
pub fn now_rfc3339() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// The current instant as a compact stamp for storage keys, e.g. `20261125T080102Z`.
pub fn now_stamp() -> String {
    now_rfc3339()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(15)
        .collect::<String>()
        + "Z"
}
