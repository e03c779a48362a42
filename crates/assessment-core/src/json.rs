//! JSON the app stores or is given: serde_json parses the text into a plain tree once, and each
//! stored type describes itself once ([`Codec`], usually through `object!`) for both reading the
//! tree and writing one, which is then printed. One tree type instead of serde's generated reader
//! and writer per struct keeps the browser build small (docs/PERFORMANCE.md), and every refusal
//! names the exact place in the file and what is wrong there ([`ProblemKind`]).

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::dates;
use crate::keys::Keyed;

/// A parsed JSON value. Objects keep every key in file order, duplicates included, so a reader
/// can refuse a key given twice instead of silently keeping one of them.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A whole number from 0 to 2^64 − 1.
    Whole(u64),
    /// Any other number: negative or with a fraction or exponent. No reader accepts one.
    OtherNumber,
    Text(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// The most values (objects, lists, texts, numbers…) one document may hold. A saved assessment of
/// the shipped bank holds about a thousand and one of a 2,000-question bank about 20,000; the
/// limit stops a hostile file within the 5 MB size limit (millions of tiny values) from taking
/// hundreds of megabytes of memory, which a wasm page never gives back.
pub const MAX_VALUES: usize = 200_000;

/// Why a text is not a usable JSON document.
#[derive(Debug)]
pub enum ParseError {
    /// Not JSON; serde_json's error says what is wrong and where (line and column).
    Syntax(serde_json::Error),
    /// More than [`MAX_VALUES`] values.
    TooManyValues,
}

impl Json {
    /// Parses `text` into a tree of at most [`MAX_VALUES`] values.
    pub fn parse(text: &str) -> Result<Json, ParseError> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let budget = Budget {
            left: Cell::new(MAX_VALUES),
            exceeded: Cell::new(false),
        };
        let tree = Tree { budget: &budget }
            .deserialize(&mut deserializer)
            .and_then(|tree| deserializer.end().map(|()| tree))
            .map_err(ParseError::Syntax)?;
        if budget.exceeded.get() {
            return Err(ParseError::TooManyValues);
        }
        Ok(tree)
    }

    /// What this value is, for messages.
    pub fn shape(&self) -> Shape {
        match self {
            Json::Null => Shape::Null,
            Json::Bool(_) => Shape::Bool,
            Json::Whole(_) | Json::OtherNumber => Shape::Number,
            Json::Text(_) => Shape::Text,
            Json::List(_) => Shape::List,
            Json::Object(_) => Shape::Object,
        }
    }

    /// The first value under `key` when this is an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// How many more values the document may hold, and whether it already held too many.
struct Budget {
    left: Cell<usize>,
    exceeded: Cell<bool>,
}

/// Builds a [`Json`] tree, counting every value against the document's budget. Once it is spent
/// the rest of the text is still read to its end (so a syntax error is still found), but nothing
/// more is kept. Stopping with an error instead would need serde's `Error::custom`, whose
/// serde_json implementation adds 4 KB of message parsing to the browser build.
#[derive(Clone, Copy)]
struct Tree<'b> {
    budget: &'b Budget,
}

impl Tree<'_> {
    /// Counts one value; false once the budget is spent.
    fn take(self) -> bool {
        match self.budget.left.get().checked_sub(1) {
            Some(left) => {
                self.budget.left.set(left);
                true
            }
            None => {
                self.budget.exceeded.set(true);
                false
            }
        }
    }

    fn keep<E>(self, make: impl FnOnce() -> Json) -> Result<Json, E> {
        Ok(if self.take() { make() } else { Json::Null })
    }
}

impl<'de> DeserializeSeed<'de> for Tree<'_> {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Tree<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        self.keep(|| Json::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
        self.keep(|| Json::Bool(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
        self.keep(|| Json::Whole(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
        self.keep(|| u64::try_from(value).map_or(Json::OtherNumber, Json::Whole))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Json, E> {
        self.keep(|| Json::OtherNumber)
    }

    fn visit_str<E>(self, value: &str) -> Result<Json, E> {
        self.keep(|| Json::Text(value.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Json, A::Error> {
        let kept = self.take();
        let mut items = Vec::new();
        while let Some(item) = access.next_element_seed(self)? {
            if !self.budget.exceeded.get() {
                items.push(item);
            }
        }
        Ok(if kept { Json::List(items) } else { Json::Null })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Json, A::Error> {
        let kept = self.take();
        let mut entries = Vec::new();
        while let Some(key) = access.next_key::<String>()? {
            let value = access.next_value_seed(self)?;
            if !self.budget.exceeded.get() {
                entries.push((key, value));
            }
        }
        Ok(if kept {
            Json::Object(entries)
        } else {
            Json::Null
        })
    }
}

/// The shape of a JSON value, as a reader expects it or finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    Null,
    /// `true` or `false`.
    Bool,
    /// Any number.
    Number,
    /// A whole number from 0 up: only ever expected, a value found is a [`Shape::Number`].
    WholeNumber,
    Text,
    List,
    Object,
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Shape::Null => "null",
            Shape::Bool => "true or false",
            Shape::Number => "a number",
            Shape::WholeNumber => "a whole number",
            Shape::Text => "text",
            Shape::List => "a list",
            Shape::Object => "an object",
        })
    }
}

/// What is wrong with a value. `Display` gives the clause used in messages, such as
/// `expected text, found a number`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// An object has a field no reader of it knows.
    UnknownField {
        name: String,
    },
    /// An object gives the same field twice.
    DuplicateField {
        name: String,
    },
    /// A map (answers, profile) gives the same key twice.
    DuplicateKey {
        key: String,
    },
    /// A field that must be present is not.
    Missing {
        field: &'static str,
    },
    WrongType {
        expected: Shape,
        found: Shape,
    },
    /// A name that is not one of a fixed set (a level, a status, a response's state).
    NotOneOf {
        value: String,
        allowed: Vec<&'static str>,
    },
    /// A text that is not a real day written `yyyy-mm-dd`.
    NotADate {
        text: String,
    },
    /// A whole number larger than the field holds.
    NumberTooLarge,
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::UnknownField { .. } => f.write_str("this tool does not know this field"),
            ProblemKind::DuplicateField { .. } => f.write_str("the field is given twice"),
            ProblemKind::DuplicateKey { .. } => f.write_str("the same key is given twice"),
            ProblemKind::Missing { .. } => f.write_str("this required field is missing"),
            ProblemKind::WrongType { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            ProblemKind::NotOneOf { value, allowed } => {
                write!(f, "\"{value}\" is not one of {}", allowed.join(", "))
            }
            ProblemKind::NotADate { text } => {
                write!(f, "\"{text}\" is not a date of the form yyyy-mm-dd")
            }
            ProblemKind::NumberTooLarge => f.write_str("the number is too large"),
        }
    }
}

/// Why a value cannot be used: where it is (a dotted path such as
/// `assessment.answers.MFA-01.note`, empty for the top level) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(path: &str, kind: ProblemKind) -> Problem {
        Problem {
            path: path.to_owned(),
            kind,
        }
    }

    #[inline(never)]
    fn wrong_type(path: &str, expected: Shape, found: &Json) -> Problem {
        Problem::new(
            path,
            ProblemKind::WrongType {
                expected,
                found: found.shape(),
            },
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = if self.path.is_empty() {
            "the top level"
        } else {
            &self.path
        };
        write!(f, "{place}: {}", self.kind)
    }
}

/// The path of a list's item: `path.index`. Out of line, like [`join`], so that each list type
/// does not carry its own copy of the number formatting.
#[inline(never)]
fn item_path(path: &str, index: usize) -> String {
    join(path, &index.to_string())
}

/// `path.key`, or `key` at the top level.
#[inline(never)]
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A type stored in JSON, described once for both directions: `read` takes a value apart
/// (refusing anything it does not expect, with the value's path) and `write` builds the value
/// that `read` takes back. Objects describe their fields with `object!`, tagged unions with
/// `tagged!`, names from a fixed set with `keyed!`.
pub trait Codec: Sized {
    fn read(value: &Json, path: &str) -> Result<Self, Problem>;
    fn write(&self) -> Json;
}

impl Codec for String {
    fn read(value: &Json, path: &str) -> Result<String, Problem> {
        match value {
            Json::Text(text) => Ok(text.clone()),
            other => Err(Problem::wrong_type(path, Shape::Text, other)),
        }
    }

    fn write(&self) -> Json {
        Json::Text(self.clone())
    }
}

impl Codec for bool {
    fn read(value: &Json, path: &str) -> Result<bool, Problem> {
        match value {
            Json::Bool(flag) => Ok(*flag),
            other => Err(Problem::wrong_type(path, Shape::Bool, other)),
        }
    }

    fn write(&self) -> Json {
        Json::Bool(*self)
    }
}

impl Codec for u64 {
    fn read(value: &Json, path: &str) -> Result<u64, Problem> {
        match value {
            Json::Whole(number) => Ok(*number),
            other => Err(Problem::wrong_type(path, Shape::WholeNumber, other)),
        }
    }

    fn write(&self) -> Json {
        Json::Whole(*self)
    }
}

/// A whole number that fits in 32 bits.
impl Codec for u32 {
    fn read(value: &Json, path: &str) -> Result<u32, Problem> {
        u32::try_from(u64::read(value, path)?)
            .map_err(|_| Problem::new(path, ProblemKind::NumberTooLarge))
    }

    fn write(&self) -> Json {
        Json::Whole(u64::from(*self))
    }
}

/// A day, written `yyyy-mm-dd`.
impl Codec for NaiveDate {
    fn read(value: &Json, path: &str) -> Result<NaiveDate, Problem> {
        let text = String::read(value, path)?;
        dates::parse_iso(&text).ok_or_else(|| Problem::new(path, ProblemKind::NotADate { text }))
    }

    fn write(&self) -> Json {
        Json::Text(dates::iso(*self))
    }
}

/// `null` for none.
impl<T: Codec> Codec for Option<T> {
    fn read(value: &Json, path: &str) -> Result<Option<T>, Problem> {
        match value {
            Json::Null => Ok(None),
            value => T::read(value, path).map(Some),
        }
    }

    fn write(&self) -> Json {
        self.as_ref().map_or(Json::Null, T::write)
    }
}

/// A boxed value reads and writes as the value itself.
impl<T: Codec> Codec for Box<T> {
    fn read(value: &Json, path: &str) -> Result<Box<T>, Problem> {
        T::read(value, path).map(Box::new)
    }

    fn write(&self) -> Json {
        T::write(self)
    }
}

/// A list; each item's path ends with its position from 0.
impl<T: Codec> Codec for Vec<T> {
    fn read(value: &Json, path: &str) -> Result<Vec<T>, Problem> {
        let Json::List(items) = value else {
            return Err(Problem::wrong_type(path, Shape::List, value));
        };
        let mut list = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            list.push(T::read(item, &item_path(path, index))?);
        }
        Ok(list)
    }

    fn write(&self) -> Json {
        Json::List(self.iter().map(T::write).collect())
    }
}

/// An object read into a map, refusing a key given twice (it would not be clear which value is
/// meant). Written in key order.
impl<T: Codec> Codec for BTreeMap<String, T> {
    fn read(value: &Json, path: &str) -> Result<BTreeMap<String, T>, Problem> {
        let mut map = BTreeMap::new();
        for (key, value) in entries(value, path)? {
            let place = join(path, key);
            if map.insert(key.clone(), T::read(value, &place)?).is_some() {
                return Err(Problem::new(
                    &place,
                    ProblemKind::DuplicateKey { key: key.clone() },
                ));
            }
        }
        Ok(map)
    }

    fn write(&self) -> Json {
        Json::Object(
            self.iter()
                .map(|(key, value)| (key.clone(), value.write()))
                .collect(),
        )
    }
}

/// Written from a borrowed value, read into an owned one: lets the writer wrap a value it does
/// not own (the file envelope around an assessment) without copying it.
impl<T: Codec + Clone> Codec for Cow<'_, T> {
    fn read(value: &Json, path: &str) -> Result<Self, Problem> {
        T::read(value, path).map(Cow::Owned)
    }

    fn write(&self) -> Json {
        T::write(self)
    }
}

/// Reads a choice by its stable key (see [`Keyed`]).
pub fn read_keyed<T: Keyed>(value: &Json, path: &str) -> Result<T, Problem> {
    let name = String::read(value, path)?;
    T::from_key(&name).ok_or_else(|| {
        Problem::new(
            path,
            ProblemKind::NotOneOf {
                value: name,
                allowed: T::ALL.iter().map(|choice| choice.key()).collect(),
            },
        )
    })
}

/// The entries of an object, in file order, duplicates included.
pub fn entries<'a>(value: &'a Json, path: &str) -> Result<&'a [(String, Json)], Problem> {
    match value {
        Json::Object(entries) => Ok(entries),
        other => Err(Problem::wrong_type(path, Shape::Object, other)),
    }
}

/// The fields of one object, checked against the names its reader knows: an unknown field or
/// a field given twice is refused, so nothing in a file is silently ignored.
pub struct Fields<'a> {
    path: &'a str,
    entries: &'a [(String, Json)],
}

// The non-generic steps are kept out of line: every field of every stored type reads through
// them, and inlining them into each `required::<T>` copy cost kilobytes of the browser build.
impl<'a> Fields<'a> {
    #[inline(never)]
    pub fn of(value: &'a Json, path: &'a str, known: &[&str]) -> Result<Fields<'a>, Problem> {
        let entries = entries(value, path)?;
        for (index, (key, _)) in entries.iter().enumerate() {
            if !known.contains(&key.as_str()) {
                return Err(Problem::new(
                    &join(path, key),
                    ProblemKind::UnknownField { name: key.clone() },
                ));
            }
            if entries[..index].iter().any(|(earlier, _)| earlier == key) {
                return Err(Problem::new(
                    &join(path, key),
                    ProblemKind::DuplicateField { name: key.clone() },
                ));
            }
        }
        Ok(Fields { path, entries })
    }

    /// The field's value and path, when present.
    #[inline(never)]
    pub fn get(&self, name: &str) -> Option<(&'a Json, String)> {
        self.entries
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| (value, join(self.path, name)))
    }

    /// A field that must be present.
    pub fn required<T: Codec>(&self, name: &'static str) -> Result<T, Problem> {
        let (value, path) = self.present(name)?;
        T::read(value, &path)
    }

    /// The field's value and path, or the problem that it is missing.
    #[inline(never)]
    fn present(&self, name: &'static str) -> Result<(&'a Json, String), Problem> {
        self.get(name).ok_or_else(|| {
            Problem::new(&join(self.path, name), ProblemKind::Missing { field: name })
        })
    }

    /// A field that may be left out, meaning `T::default()`.
    pub fn optional<T: Codec + Default>(&self, name: &'static str) -> Result<T, Problem> {
        self.get(name)
            .map_or_else(|| Ok(T::default()), |(value, path)| T::read(value, &path))
    }
}

/// Describes a struct stored as a JSON object, once for reading and writing: each field by its
/// name in the file (the Rust name) and whether it is `required` or `optional` (absent means the
/// type's default). Fields are written in this order, every one of them, `None` as `null`.
/// Listing every field of the struct is enforced by the struct literal in `read`.
///
/// ```text
/// object!(RiskAcceptance { justification: required, approver: required, expires_on: optional });
/// ```
macro_rules! object {
    ($ty:ident $(<$lt:lifetime>)? { $($field:ident: $presence:ident),* $(,)? }) => {
        impl$(<$lt>)? $crate::json::Codec for $ty$(<$lt>)? {
            fn read(
                value: &$crate::json::Json,
                path: &str,
            ) -> ::std::result::Result<Self, $crate::json::Problem> {
                let fields =
                    $crate::json::Fields::of(value, path, &[$(stringify!($field)),*])?;
                Ok($ty {
                    $($field: fields.$presence(stringify!($field))?,)*
                })
            }

            fn write(&self) -> $crate::json::Json {
                $crate::json::Json::object(vec![
                    $((stringify!($field), $crate::json::Codec::write(&self.$field)),)*
                ])
            }
        }
    };
}
pub(crate) use object;

/// Describes an enum stored as an object whose field `tag` names the variant, the variant's
/// own fields beside it (serde's "internally tagged" form). A field belonging to another
/// variant is refused like an unknown one.
///
/// ```text
/// tagged!(Response by "state" {
///     "implemented" => Implemented { level: required },
///     "dont-know" => DontKnow {},
/// });
/// ```
macro_rules! tagged {
    ($ty:ident by $tag:literal {
        $($name:literal => $variant:ident { $($field:ident: $presence:ident),* $(,)? }),* $(,)?
    }) => {
        impl $crate::json::Codec for $ty {
            fn read(
                value: &$crate::json::Json,
                path: &str,
            ) -> ::std::result::Result<Self, $crate::json::Problem> {
                let fields = $crate::json::Fields::of(
                    value,
                    path,
                    &[$tag $($(, stringify!($field))*)*],
                )?;
                let tag: String = fields.required($tag)?;
                $(
                    if tag == $name {
                        // Only this variant's fields: another's would be silently ignored.
                        #[allow(unused_variables)] // by a variant without fields
                        let fields = $crate::json::Fields::of(
                            value,
                            path,
                            &[$tag $(, stringify!($field))*],
                        )?;
                        return Ok($ty::$variant {
                            $($field: fields.$presence(stringify!($field))?,)*
                        });
                    }
                )*
                Err($crate::json::Problem::new(
                    &$crate::json::join(path, $tag),
                    $crate::json::ProblemKind::NotOneOf {
                        value: tag,
                        allowed: vec![$($name),*],
                    },
                ))
            }

            fn write(&self) -> $crate::json::Json {
                match self {
                    $($ty::$variant { $($field),* } => $crate::json::Json::object(vec![
                        ($tag, $crate::json::Json::Text($name.to_owned())),
                        $((stringify!($field), $crate::json::Codec::write($field)),)*
                    ]),)*
                }
            }
        }
    };
}
pub(crate) use tagged;

/// Stores choices of a fixed set ([`Keyed`]) as their keys.
macro_rules! keyed {
    ($($ty:ty),* $(,)?) => {
        $(impl $crate::json::Codec for $ty {
            fn read(
                value: &$crate::json::Json,
                path: &str,
            ) -> ::std::result::Result<Self, $crate::json::Problem> {
                $crate::json::read_keyed(value, path)
            }

            fn write(&self) -> $crate::json::Json {
                $crate::json::Json::Text($crate::keys::Keyed::key(*self).to_owned())
            }
        })*
    };
}
pub(crate) use keyed;

impl Json {
    /// An object of fields named in code, in this order.
    pub fn object(fields: Vec<(&'static str, Json)>) -> Json {
        Json::Object(
            fields
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
        )
    }

    /// The value as compact JSON text, as serde_json writes it.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.print(&mut out, None);
        out
    }

    /// The value as JSON text indented by two spaces, as serde_json's pretty printer writes it.
    pub fn to_pretty_text(&self) -> String {
        let mut out = String::new();
        self.print(&mut out, Some(0));
        out
    }

    /// Writes the value; `depth` is the nesting depth when pretty-printing. Written by hand
    /// rather than through serde_json's serializer, which would be instantiated per stored type
    /// in the browser build; a test holds it to serde_json's output.
    fn print(&self, out: &mut String, depth: Option<usize>) {
        let inner = depth.map(|depth| depth + 1);
        let (close, empty) = match self {
            // The tree keeps no other number's value, and no writer makes one.
            Json::Null | Json::OtherNumber => return out.push_str("null"),
            Json::Bool(value) => return out.push_str(if *value { "true" } else { "false" }),
            Json::Whole(number) => return out.push_str(&number.to_string()),
            Json::Text(text) => return quote(out, text),
            Json::List(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    next_item(out, index, inner);
                    item.print(out, inner);
                }
                (']', items.is_empty())
            }
            Json::Object(entries) => {
                out.push('{');
                for (index, (key, value)) in entries.iter().enumerate() {
                    next_item(out, index, inner);
                    quote(out, key);
                    out.push_str(if inner.is_some() { ": " } else { ":" });
                    value.print(out, inner);
                }
                ('}', entries.is_empty())
            }
        };
        if !empty {
            new_line(out, depth);
        }
        out.push(close);
    }
}

/// What comes before item `index` of a list or object: a comma after the first, then, when
/// pretty-printing, a new line indented to `depth`.
fn next_item(out: &mut String, index: usize, depth: Option<usize>) {
    if index > 0 {
        out.push(',');
    }
    new_line(out, depth);
}

fn new_line(out: &mut String, depth: Option<usize>) {
    if let Some(depth) = depth {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

/// How serde_json writes U+0000–U+001F in a string.
const CONTROL: [&str; 32] = [
    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007", "\\b",
    "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f", "\\u0010", "\\u0011", "\\u0012",
    "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017", "\\u0018", "\\u0019", "\\u001a",
    "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
];

/// A JSON string as serde_json writes it: only `"`, `\` and U+0000–U+001F escaped, the last as
/// `\b \f \n \r \t` or `\u00xx` (lower-case hex).
fn quote(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0..=0x1f => CONTROL[usize::from(byte)],
            _ => continue,
        };
        // Every byte escaped is ASCII, so `start..at` falls on character boundaries.
        out.push_str(&text[start..at]);
        out.push_str(escape);
        start = at + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value_and_keeps_duplicate_keys() {
        let tree = Json::parse(r#"{"a": [null, true, 7, -1, 1.5, "x"], "a": {}}"#).unwrap();
        let Json::Object(entries) = &tree else {
            panic!("{tree:?}")
        };
        assert_eq!(entries.len(), 2);
        assert_eq!(
            entries[0].1,
            Json::List(vec![
                Json::Null,
                Json::Bool(true),
                Json::Whole(7),
                Json::OtherNumber,
                Json::OtherNumber,
                Json::Text("x".into()),
            ])
        );
        assert_eq!(tree.get("a"), Some(&entries[0].1));
    }

    #[test]
    fn a_document_of_too_many_values_is_refused() {
        let list = |n: usize| format!("[{}]", vec!["0"; n].join(","));
        // The list itself counts too.
        assert!(Json::parse(&list(MAX_VALUES - 1)).is_ok());
        assert!(matches!(
            Json::parse(&list(MAX_VALUES)),
            Err(ParseError::TooManyValues)
        ));
        let object = |n: usize| {
            let entries: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {{}}")).collect();
            format!("{{{}}}", entries.join(","))
        };
        assert!(Json::parse(&object(MAX_VALUES - 1)).is_ok());
        assert!(matches!(
            Json::parse(&object(MAX_VALUES)),
            Err(ParseError::TooManyValues)
        ));
        // Past the budget the text is still read, so a syntax error is still reported as one.
        let broken = format!("{} x", list(MAX_VALUES + 5));
        assert!(matches!(Json::parse(&broken), Err(ParseError::Syntax(_))));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(Json::parse(&deep).is_err());
    }

    #[test]
    fn fields_refuse_unknown_duplicate_and_missing_names_with_their_place() {
        let tree = Json::parse(r#"{"a": {"b": 1, "c": "x"}}"#).unwrap();
        let outer = Fields::of(&tree, "", &["a"]).unwrap();
        let (inner, path) = outer.get("a").unwrap();
        let unknown = Fields::of(inner, &path, &["b"]).err().unwrap();
        assert_eq!(
            unknown,
            Problem::new("a.c", ProblemKind::UnknownField { name: "c".into() })
        );
        assert_eq!(
            unknown.to_string(),
            "a.c: this tool does not know this field"
        );
        let fields = Fields::of(inner, &path, &["b", "c", "d"]).unwrap();
        assert_eq!(fields.required::<u64>("b"), Ok(1));
        let wrong = fields.required::<u64>("c").unwrap_err();
        assert_eq!(
            wrong,
            Problem::new(
                "a.c",
                ProblemKind::WrongType {
                    expected: Shape::WholeNumber,
                    found: Shape::Text
                }
            )
        );
        assert_eq!(
            wrong.kind.to_string(),
            "expected a whole number, found text"
        );
        assert_eq!(
            fields.required::<String>("d"),
            Err(Problem::new("a.d", ProblemKind::Missing { field: "d" }))
        );
        assert_eq!(fields.optional::<String>("d"), Ok(String::new()));

        let twice = Json::parse(r#"{"b": 1, "b": 2}"#).unwrap();
        let problem = Fields::of(&twice, "", &["b"]).err().unwrap();
        assert_eq!(
            problem,
            Problem::new("b", ProblemKind::DuplicateField { name: "b".into() })
        );
        assert_eq!(problem.kind.to_string(), "the field is given twice");
        let map = Json::parse(r#"{"b": "x", "b": "y"}"#).unwrap();
        let problem = BTreeMap::<String, String>::read(&map, "m").unwrap_err();
        assert_eq!(
            problem,
            Problem::new("m.b", ProblemKind::DuplicateKey { key: "b".into() })
        );
        assert_eq!(problem.kind.to_string(), "the same key is given twice");
    }

    #[test]
    fn choices_and_values_name_what_is_accepted() {
        use crate::answers::Level;
        let problem = read_keyed::<Level>(&Json::Text("mostly".into()), "level").unwrap_err();
        assert_eq!(
            problem.kind.to_string(),
            "\"mostly\" is not one of none, partial, largely, fully"
        );
        assert_eq!(
            read_keyed::<Level>(&Json::Text("fully".into()), ""),
            Ok(Level::Fully)
        );
        assert_eq!(Option::<String>::read(&Json::Null, ""), Ok(None));
        let large = u32::read(&Json::Whole(u64::from(u32::MAX) + 1), "n").unwrap_err();
        assert_eq!(large.kind, ProblemKind::NumberTooLarge);
        assert_eq!(large.kind.to_string(), "the number is too large");
        let date = NaiveDate::read(&Json::Text("11/04/2024".into()), "d").unwrap_err();
        assert_eq!(
            date.kind.to_string(),
            "\"11/04/2024\" is not a date of the form yyyy-mm-dd"
        );
        assert_eq!(
            Vec::<u32>::read(&Json::List(vec![Json::Whole(1), Json::Null]), "l")
                .unwrap_err()
                .path,
            "l.1"
        );
        assert_eq!(
            Problem::new("", ProblemKind::Missing { field: "x" }).to_string(),
            "the top level: this required field is missing"
        );
    }

    #[test]
    fn every_shape_is_named() {
        let found = |text: &str| Json::parse(text).unwrap().shape().to_string();
        assert_eq!(found("null"), "null");
        assert_eq!(found("false"), "true or false");
        assert_eq!(found("1"), "a number");
        assert_eq!(found("-1.5"), "a number");
        assert_eq!(found("\"\""), "text");
        assert_eq!(found("[]"), "a list");
        assert_eq!(found("{}"), "an object");
    }

    /// The tree written through serde_json, to hold the hand-written printer to it.
    struct ViaSerde<'a>(&'a Json);

    impl serde::Serialize for ViaSerde<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::{SerializeMap, SerializeSeq};
            match self.0 {
                Json::Null | Json::OtherNumber => s.serialize_unit(),
                Json::Bool(value) => s.serialize_bool(*value),
                Json::Whole(number) => s.serialize_u64(*number),
                Json::Text(text) => s.serialize_str(text),
                Json::List(items) => {
                    let mut seq = s.serialize_seq(Some(items.len()))?;
                    for item in items {
                        seq.serialize_element(&ViaSerde(item))?;
                    }
                    seq.end()
                }
                Json::Object(entries) => {
                    let mut map = s.serialize_map(Some(entries.len()))?;
                    for (key, value) in entries {
                        map.serialize_entry(key, &ViaSerde(value))?;
                    }
                    map.end()
                }
            }
        }
    }

    fn tree() -> impl proptest::strategy::Strategy<Value = Json> {
        use proptest::prelude::*;
        let text = prop_oneof![
            any::<String>(),
            "[\"\\\\\\x00-\\x1f\\x7f\u{2028}<>/=a]{0,8}",
        ];
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<u64>().prop_map(Json::Whole),
            text.clone().prop_map(Json::Text),
        ];
        leaf.prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Json::List),
                prop::collection::vec((text.clone(), inner), 0..6).prop_map(Json::Object),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn the_printer_writes_what_serde_json_writes(value in tree()) {
            proptest::prop_assert_eq!(
                value.to_pretty_text(),
                serde_json::to_string_pretty(&ViaSerde(&value)).unwrap()
            );
            proptest::prop_assert_eq!(
                value.to_text(),
                serde_json::to_string(&ViaSerde(&value)).unwrap()
            );
            // And what it writes parses back to the same tree.
            proptest::prop_assert_eq!(Json::parse(&value.to_text()).unwrap(), value);
        }
    }
}
