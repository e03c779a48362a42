//! ISO 8601 calendar dates (`yyyy-mm-dd`) written and read by hand: chrono's general formatter
//! and parser would add tens of kilobytes to the browser build for this one pattern.

use chrono::{Datelike, NaiveDate};

/// `2024-04-11`.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Reads exactly `yyyy-mm-dd` naming a real day; anything else is `None`.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_reads_iso_dates() {
        let date = NaiveDate::from_ymd_opt(2024, 4, 11).unwrap();
        assert_eq!(iso(date), "2024-04-11");
        assert_eq!(parse_iso("2024-04-11"), Some(date));
        assert_eq!(parse_iso("2024-02-30"), None);
        assert_eq!(parse_iso("2024-4-11"), None);
        assert_eq!(parse_iso("11/04/2024"), None);
        assert_eq!(parse_iso("+024-04-11"), None);
        assert_eq!(parse_iso("2024-04-11 "), None);
        assert_eq!(parse_iso("２０２４-04-11"), None);
    }
}
