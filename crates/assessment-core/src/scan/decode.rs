//! From a scanner file's bytes to text, and the forgiving JSON values the parsers read from it.
//!
//! Scanners are PowerShell scripts: what they write depends on the PowerShell version (UTF-8 with
//! or without a BOM, UTF-16LE from `Out-File`) and on `ConvertTo-Json -Depth`, which turns objects
//! nested too deeply into strings. So every value here accepts what a real file may hold in its
//! place (`null`, a string for an object, one object for a list) as "not given" instead of
//! refusing the file; only broken JSON stops the reading.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{ScanError, MAX_CHECKS, MAX_SCAN_TEXT};

/// How far into a file without a BOM a NUL byte marks it as binary: text formats never hold
/// one, and the start of a PDF, a picture or a spreadsheet does.
const BINARY_PROBE: usize = 1024;

/// Longest string kept while reading, in bytes: far above [`MAX_SCAN_TEXT`] because markup is
/// removed only afterwards (ScubaGear's policy indicators alone are about 700 bytes), yet small
/// enough that a hostile file cannot make one value take megabytes.
const MAX_RAW_TEXT: usize = 16 * 1024;

/// Most strings kept from one list of strings (comments, tags); real lists hold a handful.
const MAX_TEXTS: usize = 32;

/// Most objects (controls, tests, rows, tenants) kept from one file, in all its lists together.
/// Four times [`MAX_CHECKS`] leaves room for duplicates; it bounds the memory a hostile file of
/// millions of tiny objects could take, which a browser tab never gives back.
const MAX_OBJECTS: usize = 4 * MAX_CHECKS;

/// The text of a file: UTF-8 (with or without a BOM) or UTF-16 with a BOM.
pub(crate) fn text(bytes: &[u8]) -> Result<Cow<'_, str>, ScanError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes[..bytes.len().min(BINARY_PROBE)].contains(&0) {
        return Err(ScanError::NotText);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<Cow<'_, str>, ScanError> {
    std::str::from_utf8(bytes)
        .map(Cow::Borrowed)
        .map_err(|_| ScanError::NotText)
}

/// UTF-16 after its BOM. An odd last byte is dropped: one real ScubaGear v1.2 file has a stray
/// byte after its payload, and half a code unit cannot be text anyway.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<Cow<'_, str>, ScanError> {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map(Cow::Owned)
        .map_err(|_| ScanError::NotText)
}

/// `raw` as one line of plain text to keep: control and bidirectional formatting characters
/// removed, every run of white space one space, trimmed, and cut at [`MAX_SCAN_TEXT`] characters.
pub(crate) fn one_line(raw: &str) -> String {
    let cleaned = crate::report::clean(raw);
    let mut out = String::new();
    for word in cleaned.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if let Some((end, _)) = out.char_indices().nth(MAX_SCAN_TEXT) {
        out.truncate(end);
        out.truncate(out.trim_end().len());
    }
    out
}

/// `raw` cut at the longest prefix of at most `max` bytes that ends on a character boundary.
fn prefix(raw: &str, max: usize) -> &str {
    let mut end = raw.len().min(max);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    &raw[..end]
}

thread_local! {
    /// Objects the file being read may still add to its lists; see [`MAX_OBJECTS`]. A thread
    /// local because serde's derived readers cannot be handed a budget; `read` resets it.
    static OBJECTS_LEFT: Cell<usize> = const { Cell::new(MAX_OBJECTS) };
}

/// Gives the next file its full object budget.
pub(crate) fn reset_budget() {
    OBJECTS_LEFT.with(|left| left.set(MAX_OBJECTS));
}

/// Counts one object against the budget; false once it is spent.
pub(crate) fn take_object() -> bool {
    OBJECTS_LEFT.with(|left| match left.get().checked_sub(1) {
        Some(rest) => {
            left.set(rest);
            true
        }
        None => false,
    })
}

/// Reads and drops the rest of a list, so that the reading goes on after it.
fn drain<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Reads and drops the rest of an object.
fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// For the hand-written visitors that keep state (and so are not [`Forgiving`]): strings and
/// the other scalars, where such a visitor expects an object or a list, are read as `$value`.
macro_rules! scalars_are {
    ($value:expr) => {
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}
pub(crate) use scalars_are;

/// A value read forgivingly: what it makes of each shape JSON may give in its place. A shape it
/// does not take counts as not given and is read past.
trait Forgiving<'de>: Sized {
    const EXPECTING: &'static str;

    /// `null`, or a shape the value does not take.
    fn absent() -> Self;

    fn text(_: &str) -> Self {
        Self::absent()
    }

    /// A number or `true`/`false`.
    fn scalar(_: &dyn fmt::Display) -> Self {
        Self::absent()
    }

    fn object<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        drain_map(map).map(|()| Self::absent())
    }

    fn list<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        drain(seq).map(|()| Self::absent())
    }
}

/// The visitor of a [`Forgiving`] value.
struct Forgive<V>(PhantomData<V>);

impl<V> Forgive<V> {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<V, D::Error>
    where
        V: Forgiving<'de>,
    {
        deserializer.deserialize_any(Forgive(PhantomData))
    }
}

impl<'de, V: Forgiving<'de>> Visitor<'de> for Forgive<V> {
    type Value = V;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(V::EXPECTING)
    }

    fn visit_str<E>(self, value: &str) -> Result<V, E> {
        Ok(V::text(value))
    }

    fn visit_bool<E>(self, value: bool) -> Result<V, E> {
        Ok(V::scalar(&value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<V, E> {
        Ok(V::scalar(&value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<V, E> {
        Ok(V::scalar(&value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<V, E> {
        Ok(V::scalar(&value))
    }

    fn visit_unit<E>(self) -> Result<V, E> {
        Ok(V::absent())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V, A::Error> {
        V::object(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V, A::Error> {
        V::list(seq)
    }
}

/// An optional text: a string, or a number or `true`/`false` written as text; `null`, an
/// object or a list count as not given.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Text(pub Option<String>);

impl Text {
    /// The text as kept: one clean line, or `None` when empty.
    pub(crate) fn line(&self) -> Option<String> {
        self.0
            .as_deref()
            .map(one_line)
            .filter(|text| !text.is_empty())
    }

    /// The text as given, not cleaned: for markup to be converted first.
    pub(crate) fn raw(&self) -> &str {
        self.0.as_deref().unwrap_or("")
    }
}

impl Forgiving<'_> for Text {
    const EXPECTING: &'static str = "a text";

    fn absent() -> Text {
        Text(None)
    }

    fn text(value: &str) -> Text {
        Text(Some(prefix(value, MAX_RAW_TEXT).to_owned()))
    }

    fn scalar(value: &dyn fmt::Display) -> Text {
        Text(Some(value.to_string()))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        Forgive::read(deserializer)
    }
}

/// A list of texts (ScubaGear `Comments`, Maester `Tag`): a list, or one string for a list of
/// one; the first [`MAX_TEXTS`] given are kept.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Texts(pub Vec<String>);

impl<'de> Forgiving<'de> for Texts {
    const EXPECTING: &'static str = "a list of texts";

    fn absent() -> Texts {
        Texts::default()
    }

    fn text(value: &str) -> Texts {
        Texts(Text::text(value).0.into_iter().collect())
    }

    fn list<A: SeqAccess<'de>>(mut seq: A) -> Result<Texts, A::Error> {
        let mut texts = Vec::new();
        while let Some(Text(text)) = seq.next_element::<Text>()? {
            if texts.len() < MAX_TEXTS {
                texts.extend(text);
            }
        }
        Ok(Texts(texts))
    }
}

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Texts, D::Error> {
        Forgive::read(deserializer)
    }
}

/// `true` or `false` (or the text `"true"`, `"false"`); anything else counts as not given.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Flag(pub Option<bool>);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Flag, D::Error> {
        let text = Text::deserialize(deserializer)?;
        Ok(Flag(text.raw().parse().ok()))
    }
}

/// An optional object read as `T`. A list stands for its first element (PowerShell wraps a
/// single object in a list when it was built with `+=`); a string (an object deeper than
/// `ConvertTo-Json -Depth`), a number or `null` counts as not given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Obj<T>(pub Option<T>);

impl<T> Default for Obj<T> {
    fn default() -> Self {
        Obj(None)
    }
}

impl<'de, T: Deserialize<'de>> Forgiving<'de> for Obj<T> {
    const EXPECTING: &'static str = "an object";

    fn absent() -> Obj<T> {
        Obj(None)
    }

    fn object<A: MapAccess<'de>>(map: A) -> Result<Obj<T>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(|value| Obj(Some(value)))
    }

    fn list<A: SeqAccess<'de>>(mut seq: A) -> Result<Obj<T>, A::Error> {
        let first = seq.next_element::<Obj<T>>()?.and_then(|obj| obj.0);
        drain(seq).map(|()| Obj(first))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Obj<T>, D::Error> {
        Forgive::read(deserializer)
    }
}

/// An optional list of objects read as `T`: `None` when not given (or a string, number or
/// `null` stands in its place), one object for a list of one. Elements that are not objects
/// are skipped, and only as many are kept as the file's object budget allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Objs<T>(pub Option<Vec<T>>);

impl<T> Default for Objs<T> {
    fn default() -> Self {
        Objs(None)
    }
}

impl<T> Objs<T> {
    /// The objects, none when not given.
    pub(crate) fn items(&self) -> &[T] {
        self.0.as_deref().unwrap_or_default()
    }
}

impl<'de, T: Deserialize<'de>> Forgiving<'de> for Objs<T> {
    const EXPECTING: &'static str = "a list of objects";

    fn absent() -> Objs<T> {
        Objs(None)
    }

    fn object<A: MapAccess<'de>>(map: A) -> Result<Objs<T>, A::Error> {
        let item = T::deserialize(MapAccessDeserializer::new(map))?;
        Ok(Objs(Some(
            take_object().then_some(item).into_iter().collect(),
        )))
    }

    fn list<A: SeqAccess<'de>>(mut seq: A) -> Result<Objs<T>, A::Error> {
        let mut items = Vec::new();
        while let Some(Obj(item)) = seq.next_element::<Obj<T>>()? {
            items.extend(item.filter(|_| take_object()));
        }
        Ok(Objs(Some(items)))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Objs<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Objs<T>, D::Error> {
        Forgive::read(deserializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn reads_every_encoding_a_scanner_writes() {
        assert_eq!(text(b"{\"a\":1}").unwrap(), "{\"a\":1}");
        assert_eq!(text(b"\xEF\xBB\xBF[1]").unwrap(), "[1]");
        assert_eq!(text(&utf16le("[\r\n1\r\n]")).unwrap(), "[\r\n1\r\n]");
        let mut stray = utf16le("[2]");
        stray.push(0x0A);
        assert_eq!(text(&stray).unwrap(), "[2]");
        let mut big_endian = vec![0xFE, 0xFF];
        big_endian.extend("[3é]".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(text(&big_endian).unwrap(), "[3é]");
    }

    #[test]
    fn refuses_what_is_not_text() {
        assert_eq!(
            text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(ScanError::NotText)
        );
        assert_eq!(text(b"{\"a\": \"\xC3\x28\"}"), Err(ScanError::NotText));
        assert_eq!(text(b"\xEF\xBB\xBF\xFF"), Err(ScanError::NotText));
        // A lone surrogate is not text either.
        assert_eq!(text(&[0xFF, 0xFE, 0x00, 0xD8]), Err(ScanError::NotText));
    }

    #[test]
    fn a_kept_text_is_one_clean_line() {
        assert_eq!(one_line("  a\r\n\tb \u{0}c\u{202e}d  "), "a b cd");
        let long = "é".repeat(MAX_SCAN_TEXT + 10);
        assert_eq!(one_line(&long).chars().count(), MAX_SCAN_TEXT);
        assert_eq!(prefix("aé", 2), "a");
    }

    #[test]
    fn values_accept_what_powershell_writes_in_their_place() {
        let text: Text = serde_json::from_str("12").unwrap();
        assert_eq!(text, Text(Some("12".into())));
        let text: Text = serde_json::from_str("{\"a\": [1]}").unwrap();
        assert_eq!(text, Text(None));
        let texts: Texts = serde_json::from_str("\"one\"").unwrap();
        assert_eq!(texts, Texts(vec!["one".into()]));
        let texts: Texts = serde_json::from_str("[\"a\", null, 3]").unwrap();
        assert_eq!(texts, Texts(vec!["a".into(), "3".into()]));
        let obj: Obj<Texts> = serde_json::from_str("\"System.Collections.Hashtable\"").unwrap();
        assert_eq!(obj, Obj(None));
        let flag: Flag = serde_json::from_str("\"yes\"").unwrap();
        assert_eq!(flag, Flag(None));
        let flag: Flag = serde_json::from_str("true").unwrap();
        assert_eq!(flag, Flag(Some(true)));
    }
}
