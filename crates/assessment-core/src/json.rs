//! Reading JSON the app stores or is given: serde_json parses the text into a plain tree once,
//! and small hand-written readers walk it. One tree type instead of serde's generated reader per
//! struct keeps the browser build small (docs/PERFORMANCE.md), and every refusal names the exact
//! place in the file.

use std::cell::Cell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

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

    /// What this value is, in words, for messages.
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Whole(_) | Json::OtherNumber => "a number",
            Json::Text(_) => "text",
            Json::List(_) => "a list",
            Json::Object(_) => "an object",
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

/// Why a value cannot be used: where it is (a dotted path such as
/// `assessment.answers.MFA-01.note`, empty for the top level) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub problem: String,
}

impl Problem {
    pub fn new(path: &str, problem: impl Into<String>) -> Problem {
        Problem {
            path: path.to_owned(),
            problem: problem.into(),
        }
    }

    fn expected(path: &str, what: &str, found: &Json) -> Problem {
        Problem::new(path, format!("expected {what}, found {}", found.kind()))
    }
}

/// `path.key`, or `key` at the top level.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The entries of an object, in file order, duplicates included.
pub fn entries<'a>(value: &'a Json, path: &str) -> Result<&'a [(String, Json)], Problem> {
    match value {
        Json::Object(entries) => Ok(entries),
        other => Err(Problem::expected(path, "an object", other)),
    }
}

/// The items of a list.
pub fn items<'a>(value: &'a Json, path: &str) -> Result<&'a [Json], Problem> {
    match value {
        Json::List(items) => Ok(items),
        other => Err(Problem::expected(path, "a list", other)),
    }
}

pub fn text(value: &Json, path: &str) -> Result<String, Problem> {
    match value {
        Json::Text(text) => Ok(text.clone()),
        other => Err(Problem::expected(path, "text", other)),
    }
}

pub fn whole(value: &Json, path: &str) -> Result<u64, Problem> {
    match value {
        Json::Whole(number) => Ok(*number),
        other => Err(Problem::expected(path, "a whole number", other)),
    }
}

/// A whole number that fits in 32 bits.
pub fn whole_u32(value: &Json, path: &str) -> Result<u32, Problem> {
    u32::try_from(whole(value, path)?).map_err(|_| Problem::new(path, "the number is too large"))
}

/// `None` for `null`, otherwise what `read` makes of the value.
pub fn nullable<T>(
    value: &Json,
    path: &str,
    read: impl FnOnce(&Json, &str) -> Result<T, Problem>,
) -> Result<Option<T>, Problem> {
    match value {
        Json::Null => Ok(None),
        value => read(value, path).map(Some),
    }
}

/// One of a fixed set of names, such as a level or a status.
pub fn one_of<T: Copy>(value: &Json, path: &str, choices: &[(&str, T)]) -> Result<T, Problem> {
    let name = text(value, path)?;
    choices
        .iter()
        .find(|(key, _)| *key == name)
        .map(|(_, choice)| *choice)
        .ok_or_else(|| {
            let names: Vec<&str> = choices.iter().map(|(key, _)| *key).collect();
            Problem::new(
                path,
                format!("\"{name}\" is not one of {}", names.join(", ")),
            )
        })
}

/// The fields of one object, checked against the names its reader knows: an unknown field or
/// a field given twice is refused, so nothing in a file is silently ignored.
pub struct Fields<'a> {
    path: &'a str,
    entries: &'a [(String, Json)],
}

impl<'a> Fields<'a> {
    pub fn of(value: &'a Json, path: &'a str, known: &[&str]) -> Result<Fields<'a>, Problem> {
        let entries = entries(value, path)?;
        for (index, (key, _)) in entries.iter().enumerate() {
            if !known.contains(&key.as_str()) {
                return Err(Problem::new(
                    &join(path, key),
                    "this tool does not know this field",
                ));
            }
            if entries[..index].iter().any(|(earlier, _)| earlier == key) {
                return Err(Problem::new(&join(path, key), "the field is given twice"));
            }
        }
        Ok(Fields { path, entries })
    }

    /// The field's value and path, when present.
    pub fn get(&self, name: &str) -> Option<(&'a Json, String)> {
        self.entries
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| (value, join(self.path, name)))
    }

    /// What `read` makes of a field that must be present.
    pub fn required<T>(
        &self,
        name: &str,
        read: impl FnOnce(&Json, &str) -> Result<T, Problem>,
    ) -> Result<T, Problem> {
        let (value, path) = self.get(name).ok_or_else(|| {
            Problem::new(&join(self.path, name), "this required field is missing")
        })?;
        read(value, &path)
    }

    /// What `read` makes of a field, or `T::default()` when it is absent.
    pub fn optional<T: Default>(
        &self,
        name: &str,
        read: impl FnOnce(&Json, &str) -> Result<T, Problem>,
    ) -> Result<T, Problem> {
        self.get(name)
            .map_or_else(|| Ok(T::default()), |(value, path)| read(value, &path))
    }
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
        assert_eq!(
            Fields::of(inner, &path, &["b"]).err().unwrap(),
            Problem::new("a.c", "this tool does not know this field")
        );
        let fields = Fields::of(inner, &path, &["b", "c", "d"]).unwrap();
        assert_eq!(fields.required("b", whole), Ok(1));
        assert_eq!(
            fields.required("c", whole),
            Err(Problem::new("a.c", "expected a whole number, found text"))
        );
        assert_eq!(
            fields.required("d", text).unwrap_err().path,
            "a.d".to_owned()
        );
        assert_eq!(fields.optional("d", text), Ok(String::new()));

        let twice = Json::parse(r#"{"b": 1, "b": 2}"#).unwrap();
        assert_eq!(
            Fields::of(&twice, "", &["b"]).err().unwrap(),
            Problem::new("b", "the field is given twice")
        );
    }

    #[test]
    fn choices_name_the_accepted_values() {
        let value = Json::Text("mostly".into());
        let problem = one_of(&value, "level", &[("none", 0), ("fully", 3)]).unwrap_err();
        assert_eq!(problem.problem, "\"mostly\" is not one of none, fully");
        assert_eq!(
            one_of(&Json::Text("fully".into()), "", &[("fully", 3)]),
            Ok(3)
        );
        assert_eq!(nullable(&Json::Null, "", text), Ok(None));
        assert_eq!(
            whole_u32(&Json::Whole(u64::from(u32::MAX) + 1), "n")
                .unwrap_err()
                .problem,
            "the number is too large"
        );
    }
}
