//! Reports made from inputs that can cross into a separately loaded module: the bank's embedded
//! bytes, its guidance and the assessment file as text. The hosted app loads its report generator only when the
//! first report is asked for (docs/PERFORMANCE.md), and hands it these.

use chrono::NaiveDate;

use super::{render, ReportContext, ReportKind};
use crate::compare::{compare, Comparison, Side};
use crate::content::Bank;
use crate::dates::parse_iso;
use crate::evaluation::evaluate;
use crate::guidance::Guidance;
use crate::history::History;
use crate::library::Index;
use crate::savefile;
use crate::series::Member;

/// Everything the report generator needs, as plain bytes and text.
#[derive(Debug, Clone, Copy)]
pub struct Packed<'a> {
    /// [`ReportKind::file_kind`] of the report wanted, e.g. `action-plan`.
    pub kind: &'a str,
    /// The bank without its guidance as the app embeds it ([`Bank::to_bytes`] of
    /// [`Bank::split_guidance`]'s bank), so the app never encodes a bank.
    pub bank: &'a [u8],
    /// The guidance ([`crate::guidance::Guidance::to_bytes`]), which the on-demand module embeds;
    /// reports quote it.
    pub guidance: &'a [u8],
    /// The assessment as [`savefile::save`] wrote it.
    pub assessment_file: &'a str,
    /// The previous assessment of its series, as saved, or empty: the HTML report and the
    /// Markdown summary then say what changed since.
    pub previous_file: &'a str,
    /// The bank's history of changes ([`History::to_bytes`]), which the on-demand module embeds;
    /// empty for none.
    pub history: &'a [u8],
    pub generated_at: &'a str,
    /// The day to evaluate for, `YYYY-MM-DD`.
    pub today: &'a str,
    pub app_version: &'a str,
    pub edition: &'a str,
}

/// The report `packed` asks for, or a sentence saying why it cannot be made.
pub fn render_packed(packed: &Packed) -> Result<String, String> {
    let kind = ReportKind::from_file_kind(packed.kind)
        .ok_or_else(|| format!("there is no report called \"{}\"", packed.kind))?;
    with_context(packed, |context| render(kind, context))
}

/// The editable file `packed` asks for (its `kind` an [`OfficeKind::extension`]), with `label` as
/// the Word document's confidentiality label, or a sentence saying why it cannot be made.
#[cfg(feature = "office")]
pub fn render_packed_office(packed: &Packed, label: &str) -> Result<Vec<u8>, String> {
    let kind = super::OfficeKind::from_extension(packed.kind)
        .ok_or_else(|| format!("there is no file called \"{}\"", packed.kind))?;
    with_context(packed, |context| super::render_office(kind, context, label))?
}

/// `make` applied to the report context `packed` describes, or why it cannot be read.
fn with_context<T>(packed: &Packed, make: impl FnOnce(&ReportContext) -> T) -> Result<T, String> {
    let today: NaiveDate =
        parse_iso(packed.today).ok_or_else(|| format!("\"{}\" is not a date", packed.today))?;
    let bank = Bank::from_bytes(packed.bank)
        .and_then(|bank| bank.with_guidance(Guidance::from_bytes(packed.guidance)?))
        .map_err(|e| e.to_string())?;
    let opened = savefile::open(packed.assessment_file.as_bytes(), &bank)
        .map_err(|e| format!("the assessment could not be read: {e}"))?;
    let evaluation = evaluate(&bank, &opened.assessment, today);
    let since = since(packed, &bank, &opened, today)?;
    let context = ReportContext {
        bank: &bank,
        assessment: &opened.assessment,
        evaluation: &evaluation,
        generated_at: packed.generated_at,
        today,
        app_version: packed.app_version,
        edition: packed.edition,
        since: since.as_ref(),
    };
    Ok(make(&context))
}

/// What changed since `packed`'s previous assessment, if it names one.
fn since(
    packed: &Packed,
    bank: &Bank,
    opened: &savefile::Opened,
    today: NaiveDate,
) -> Result<Option<Comparison>, String> {
    if packed.previous_file.is_empty() {
        return Ok(None);
    }
    let previous = savefile::open(packed.previous_file.as_bytes(), bank)
        .map_err(|e| format!("the previous assessment could not be read: {e}"))?;
    let history = read_history(packed.history)?;
    Ok(Some(compare(
        bank,
        &history,
        Side {
            assessment: &previous.assessment,
            bank_version: &previous.content_version,
        },
        Side {
            assessment: &opened.assessment,
            bank_version: &opened.content_version,
        },
        today,
    )))
}

/// The history in `bytes`, or none recorded when empty.
pub(crate) fn read_history(bytes: &[u8]) -> Result<History, String> {
    if bytes.is_empty() {
        return Ok(History::default());
    }
    History::from_bytes(bytes)
        .map_err(|e| format!("the question bank's history could not be read: {e}"))
}

/// Opens one assessment file of a comparison or trend, naming which one failed.
fn open_side(file: &str, bank: &Bank, which: &str) -> Result<savefile::Opened, String> {
    savefile::open(file.as_bytes(), bank).map_err(|e| format!("{which} could not be read: {e}"))
}

fn side(opened: &savefile::Opened) -> Side<'_> {
    Side {
        assessment: &opened.assessment,
        bank_version: &opened.content_version,
    }
}

/// The library index as stored, or why it cannot be read.
fn read_index(text: &str) -> Result<Index, String> {
    Index::from_json(text)
        .ok_or_else(|| "the library's list of assessments could not be read".to_owned())
}

/// The comparison page's choices for the library `index` (as stored).
pub fn compare_picker_packed(index: &str) -> Result<String, String> {
    Ok(super::changes::compare_picker(&read_index(index)?))
}

/// What the comparison page shows for `args`, its first text naming the view:
///
/// - `picker`, index: the choices (one text);
/// - `compare`, today, index, earlier entry (empty for a file), earlier file, later entry, later
///   file: the comparison and the changes CSV (two texts);
/// - `trend`, today, index, then entry and file of each assessment of the series, oldest first:
///   the trend (one text).
///
/// `today` is `YYYY-MM-DD`; the index is the library's as stored. An error is a sentence.
pub fn compare_page_packed(
    bank: &[u8],
    history: &[u8],
    args: &[String],
) -> Result<Vec<String>, String> {
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    match (arg(0), args.len()) {
        ("picker", 2) => compare_picker_packed(arg(1)).map(|html| vec![html]),
        ("compare", 7) => {
            let files = ComparedFiles {
                before_entry: arg(3),
                before: arg(4),
                after_entry: arg(5),
                after: arg(6),
            };
            compare_packed(bank, history, arg(2), files, arg(1)).map(|(html, csv)| vec![html, csv])
        }
        ("trend", n) if n >= 3 && n % 2 == 1 => {
            let (entries, files): (Vec<String>, Vec<String>) = args[3..]
                .chunks(2)
                .map(|pair| (pair[0].clone(), pair[1].clone()))
                .unzip();
            trend_packed(bank, history, arg(2), &entries, &files, arg(1)).map(|html| vec![html])
        }
        (view, n) => Err(format!(
            "the comparison page has no view \"{view}\" with {n} texts"
        )),
    }
}

/// Which two assessments to compare: library entries by id (the earlier one's id empty when it
/// came from a file) and their files as saved.
#[derive(Debug, Clone, Copy)]
pub struct ComparedFiles<'a> {
    pub before_entry: &'a str,
    pub before: &'a str,
    pub after_entry: &'a str,
    pub after: &'a str,
}

/// The comparison of two assessment files as of `today`: what the comparison page shows and the
/// changes CSV, or a sentence saying why not.
pub fn compare_packed(
    bank: &[u8],
    history: &[u8],
    index: &str,
    files: ComparedFiles,
    today: &str,
) -> Result<(String, String), String> {
    let today = parse_iso(today).ok_or_else(|| format!("\"{today}\" is not a date"))?;
    let bank = Bank::from_bytes(bank).map_err(|e| e.to_string())?;
    let history = read_history(history)?;
    let index = read_index(index)?;
    let before = open_side(files.before, &bank, "The earlier assessment")?;
    let after = open_side(files.after, &bank, "The later assessment")?;
    let comparison = compare(&bank, &history, side(&before), side(&after), today);
    Ok((
        super::changes::compare_result(
            &bank,
            &index,
            files.before_entry,
            files.after_entry,
            &comparison,
        ),
        super::changes_csv(&bank, &comparison),
    ))
}

/// The trend of the series of library `entries` (oldest first) whose assessment `files` are
/// given, as the comparison page shows it, or why not.
pub fn trend_packed(
    bank: &[u8],
    history: &[u8],
    index: &str,
    entries: &[String],
    files: &[String],
    today: &str,
) -> Result<String, String> {
    let today = parse_iso(today).ok_or_else(|| format!("\"{today}\" is not a date"))?;
    let bank = Bank::from_bytes(bank).map_err(|e| e.to_string())?;
    let history = read_history(history)?;
    let index = read_index(index)?;
    let name = |id: &str| index.entry(id).map_or(id.to_owned(), |e| e.name.clone());
    let names: Vec<String> = entries.iter().map(|id| name(id)).collect();
    // An empty file stands for an entry the index summarises (`Index::trend_needs_file`).
    let opened = files
        .iter()
        .zip(&names)
        .map(|(file, name)| match file.is_empty() {
            true => Ok(None),
            false => open_side(file, &bank, &format!("\u{201c}{name}\u{201d}")).map(Some),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let points = entries
        .iter()
        .zip(&names)
        .zip(&opened)
        .map(|((id, name), opened)| match opened {
            Some(opened) => Ok(crate::series::point(
                &bank,
                &Member {
                    name,
                    side: side(opened),
                },
                today,
            )),
            None => summary_point(&bank, &index, id),
        })
        .collect::<Result<Vec<_>, String>>()?;
    let sides: Vec<Option<Side>> = opened.iter().map(|o| o.as_ref().map(side)).collect();
    let n = sides.len();
    let ends = match (n, sides.first(), sides.get(n.wrapping_sub(2)), sides.last()) {
        (2.., Some(Some(first)), Some(Some(before)), Some(Some(last))) => {
            Some((*first, *before, *last))
        }
        (2.., _, _, _) => return Err("the assessments to compare were not given".to_owned()),
        _ => None,
    };
    let trend = crate::series::trend_of(&bank, &history, points, ends, today);
    let last = names.last().map_or("", String::as_str);
    Ok(super::changes::trend_result(&bank, last, &trend))
}

/// An assessment's place on the trend from its library entry's saved summary.
fn summary_point(bank: &Bank, index: &Index, id: &str) -> Result<crate::series::Point, String> {
    let entry = index
        .entry(id)
        .filter(|e| e.scored_with == bank.version && e.families.len() == bank.families.len())
        .ok_or_else(|| format!("the library holds no summary of \u{201c}{id}\u{201d}"))?;
    let tier = crate::tier::Tier::ALL
        .into_iter()
        .find(|t| Some(t.number()) == entry.tier)
        .ok_or_else(|| format!("the library holds no tier of \u{201c}{id}\u{201d}"))?;
    Ok(crate::series::Point {
        name: entry.name.clone(),
        assessed_on: entry.assessed_on,
        overall: entry.score,
        tier,
        families: entry.families.clone(),
    })
}

/// `file` with its series link set to `previous` (library entry `entry`), saved anew, or why not.
pub fn link_packed(
    bank: &[u8],
    file: &str,
    previous: &str,
    entry: &str,
    app_version: &str,
    saved_at: &str,
) -> Result<String, String> {
    let bank = Bank::from_bytes(bank).map_err(|e| e.to_string())?;
    let mut opened = open_side(file, &bank, "The assessment")?;
    let previous = open_side(previous, &bank, "The previous assessment")?;
    opened.assessment.previous = Some(crate::series::link_to(&previous.assessment, entry));
    Ok(savefile::save(
        &opened.assessment,
        &bank,
        app_version,
        saved_at,
    ))
}
