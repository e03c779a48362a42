"""Checks the editable reports (.xlsx action plan, .docx report) with independent readers.

openpyxl and python-docx read the files the core writes, knowing nothing of how they were made;
this script asserts what a person opening them in Excel or Word relies on: the sheets and their
headers, frozen and filtered header rows, real dates, a drop-down for the status, no formula
anywhere (a hostile answer must stay text), the headings, a table of contents, repeated table
headers, the confidentiality label in the header and footer, and every hostile string intact.
Run by `cargo xtask office` in the virtual environment it creates:

    .tools/office-venv/bin/python tests/office/check.py target/office-samples

The folder holds `<name>.xlsx` and `<name>.docx` for every sample named in `expectations.json`.
Prints a summary per sample, or every failure found (sample, part, expected and found), and exits
non-zero when anything failed.
"""

import datetime
import io
import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

import openpyxl
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from openpyxl.styles.numbers import is_date_format
from openpyxl.utils import get_column_letter

SHEETS = ["Action plan", "Accepted risks", "Answers", "About"]
PLAN_HEADER = ["Rank", "Question", "Title", "Action", "Family", "Severity", "Effort", "Horizon",
               "Current answer", "Evidence", "Evidence source", "Owner", "Due date",
               "Due date basis", "Status", "Flags", "References", "Sources"]
ACCEPTED_HEADER = ["Question", "Title", "Family", "Severity", "Current answer", "Justification",
                   "Approved by", "Expires", "Risk reduction (points)", "Owner", "Evidence",
                   "Evidence source"]
ANSWERS_HEADER = ["Question", "Title", "Family", "Answer", "Reason not applicable", "Note",
                  "Owner", "Target date", "Status", "Evidence", "Evidence source"]
ABOUT_LABELS = ["Organisation", "Assessor", "Assessment date", "Score", "Tier",
                "Question bank version", "App version", "Answer data fingerprint"]
SEVERITIES = ["Critical", "High", "Medium", "Low"]
STATUSES = ["Open", "In progress", "Done"]
HEADINGS = ["Executive summary", "Results by family", "Action plan", "Accepted risks",
            "Every answer", "What does not apply, and why", "How the results are worked out",
            "Sources", "About this report", "Approval"]
FAMILY_HEADER = ["Family", "Score", "Counts"]
APPROVAL_ROWS = ["Name", "Role", "Date", "Signature"]
MIN_WIDTH = 8


class Report:
    """Failures of one sample, each naming the part (a sheet, the header, a table) it is in."""

    def __init__(self, sample):
        self.sample = sample
        self.failures = []

    def fail(self, part, message):
        self.failures.append(f"{self.sample}: {part}: {message}")

    def expect(self, condition, part, message):
        if not condition:
            self.fail(part, message)
        return condition


def short(value, limit=80):
    """A value as it appears in a message: repr, cut to a readable length."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def shows_date(number_format):
    """Whether an Excel number format displays a calendar date (day and year, at least)."""
    if not is_date_format(number_format):
        return False
    # Quoted literals and [colour]/[locale] sections are not date codes.
    codes = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format).lower()
    return "d" in codes and "y" in codes


# ---------------------------------------------------------------- workbook


def header(ws, width):
    return [ws.cell(1, column).value for column in range(1, width + 1)]


def check_header(report, ws, expected):
    found = header(ws, ws.max_column)
    while found and found[-1] in (None, ""):  # trailing empty cells are no header
        found.pop()
    report.expect(found == expected, f"sheet {ws.title!r} row 1",
                  f"expected header {expected}, found {found}")


def check_frame(report, ws, columns, rows, filter_when_empty):
    """Frozen header row and an auto filter over the header and every data row."""
    part = f"sheet {ws.title!r}"
    last = 1 + rows
    report.expect(ws.max_row == last, part,
                  f"expected {rows} data rows (last row {last}), found last row {ws.max_row}")
    report.expect(ws.freeze_panes == "A2", part,
                  f"expected freeze_panes 'A2', found {ws.freeze_panes!r}")
    wanted = f"A1:{get_column_letter(columns)}{last}" if rows or filter_when_empty else None
    found = ws.auto_filter.ref or None
    report.expect(found == wanted, part, f"expected auto_filter.ref {wanted!r}, found {found!r}")


def check_dates(report, ws, column, label):
    for row in range(2, ws.max_row + 1):
        cell = ws.cell(row, column)
        if cell.value is None or cell.value == "":
            continue
        part = f"sheet {ws.title!r} {cell.coordinate} ({label})"
        if not isinstance(cell.value, datetime.date) or not cell.is_date:
            report.fail(part, f"expected a date cell, found {short(cell.value)} "
                              f"(data_type {cell.data_type!r}, format {cell.number_format!r})")
        elif not shows_date(cell.number_format):
            report.fail(part, f"expected a number format showing a date, "
                              f"found {cell.number_format!r}")


def column_widths(ws):
    """Explicit widths per column number, from the <col min max width> ranges the file holds.

    Only dimensions read from the file are looked at: indexing `column_dimensions` would create a
    default one (width 13) and hide a missing width."""
    widths = {}
    for dimension in list(ws.column_dimensions.values()):
        if dimension.width is None or not dimension.min:
            continue
        for column in range(dimension.min, (dimension.max or dimension.min) + 1):
            widths[column] = dimension.width
    return widths


def colour_key(fill):
    colour = fill.fgColor
    value = {"rgb": colour.rgb, "theme": colour.theme, "indexed": colour.indexed}.get(colour.type)
    return (colour.type, value, colour.tint)


def check_action_plan(report, ws, actions):
    part = f"sheet {ws.title!r}"
    check_header(report, ws, PLAN_HEADER)
    for column in range(1, len(PLAN_HEADER) + 1):
        cell = ws.cell(1, column)
        report.expect(bool(cell.font and cell.font.b), f"{part} {cell.coordinate}",
                      f"expected a bold header cell, found bold={cell.font.b!r}")
    check_frame(report, ws, len(PLAN_HEADER), actions, filter_when_empty=True)
    last = ws.max_row
    col = {name: PLAN_HEADER.index(name) + 1 for name in PLAN_HEADER}

    status = get_column_letter(col["Status"])
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    covering = [dv for dv in lists
                if all(f"{status}{row}" in dv.sqref for row in range(2, last + 1))]
    if report.expect(covering, part, f"expected a list data validation covering "
                                     f"{status}2:{status}{last}, found "
                                     f"{[str(dv.sqref) for dv in lists] or 'none'}"):
        formula = covering[0].formula1 or ""
        items = formula[1:-1].split(",") if len(formula) >= 2 and formula[0] == formula[-1] == '"' else None
        report.expect(items == STATUSES, f"{part} status validation",
                      f"expected formula1 {chr(34) + ','.join(STATUSES) + chr(34)!r}, found {formula!r}")

    check_dates(report, ws, col["Due date"], "Due date")

    for row in range(2, last + 1):
        cell = ws.cell(row, col["Rank"])
        report.expect(is_number(cell.value) and cell.value == row - 1,
                      f"{part} {cell.coordinate} (Rank)",
                      f"expected the number {row - 1}, found {short(cell.value)}")

    colours = {}
    for row in range(2, last + 1):
        cell = ws.cell(row, col["Severity"])
        where = f"{part} {cell.coordinate} (Severity)"
        if not report.expect(cell.value in SEVERITIES, where,
                             f"expected one of {SEVERITIES}, found {short(cell.value)}"):
            continue
        if report.expect(cell.fill.fill_type == "solid", where,
                         f"expected a solid fill, found {cell.fill.fill_type!r}"):
            colours.setdefault(cell.value, set()).add(colour_key(cell.fill))
    seen = {}
    for severity, keys in colours.items():
        report.expect(len(keys) == 1, f"{part} Severity fills",
                      f"expected one fill colour for {severity!r}, found {sorted(map(str, keys))}")
        for key in keys:
            other = seen.setdefault(key, severity)
            report.expect(other == severity, f"{part} Severity fills",
                          f"{other!r} and {severity!r} share the fill colour {key}")

    widths = column_widths(ws)
    for column in range(1, len(PLAN_HEADER) + 1):
        width = widths.get(column)
        report.expect(width is not None and width >= MIN_WIDTH,
                      f"{part} column {get_column_letter(column)}",
                      f"expected a width >= {MIN_WIDTH}, found {width!r}")

    for row in range(2, last + 1):
        cell = ws.cell(row, col["Action"])
        report.expect(bool(cell.alignment and cell.alignment.wrap_text),
                      f"{part} {cell.coordinate} (Action)", "expected wrap_text on the cell")


def check_accepted(report, ws, accepted):
    check_header(report, ws, ACCEPTED_HEADER)
    check_frame(report, ws, len(ACCEPTED_HEADER), accepted, filter_when_empty=False)
    check_dates(report, ws, ACCEPTED_HEADER.index("Expires") + 1, "Expires")


def check_answers(report, ws, answers):
    check_header(report, ws, ANSWERS_HEADER)
    report.expect(ws.max_row == 1 + answers, f"sheet {ws.title!r}",
                  f"expected {answers} data rows (last row {1 + answers}), "
                  f"found last row {ws.max_row}")


def about_values(ws):
    return {ws.cell(row, 1).value: ws.cell(row, 2).value for row in range(1, ws.max_row + 1)
            if ws.cell(row, 1).value is not None}


def check_about(report, ws, expected):
    part = f"sheet {ws.title!r}"
    values = about_values(ws)
    missing = [label for label in ABOUT_LABELS if label not in values]
    report.expect(not missing, part, f"expected labels {missing} in column A, found {list(values)}")
    fingerprint = values.get("Answer data fingerprint")
    report.expect(isinstance(fingerprint, str) and re.fullmatch(r"[0-9a-f]{64}", fingerprint),
                  f"{part} Answer data fingerprint",
                  f"expected 64 lower-case hex digits, found {short(fingerprint)}")
    score = values.get("Score")
    report.expect(is_number(score) and 0 <= score <= 100, f"{part} Score",
                  f"expected a number 0..100, found {short(score)}")
    if "Organisation" in values:
        # The header's one line may join what the cell keeps on several lines.
        found = " ".join(str(values["Organisation"] or "").split())
        report.expect(found == " ".join(expected["organisation"].split()), f"{part} Organisation",
                      f"expected {short(expected['organisation'])}, "
                      f"found {short(values['Organisation'])}")
    return values


def check_cells(report, wb, hostile_strings):
    """No formula anywhere; each hostile string kept as text in some string cell."""
    strings = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    report.fail(f"sheet {ws.title!r} {cell.coordinate}",
                                f"expected no formula, found {short(cell.value)}")
                elif cell.data_type == "s" and isinstance(cell.value, str):
                    strings.append(cell.value)
    for text in hostile_strings:
        report.expect(any(text in value for value in strings), "workbook",
                      f"expected the hostile string {short(text)} in some string cell, found none")


def check_workbook(report, path, expected, hostile_strings):
    try:
        wb = openpyxl.load_workbook(path)
    except Exception as error:  # a file openpyxl cannot open fails, with the reason
        report.fail("workbook", f"openpyxl could not open {path}: {error!r}")
        return {}
    if not report.expect(wb.sheetnames == SHEETS, "workbook",
                         f"expected sheets {SHEETS} in that order, found {wb.sheetnames}"):
        return {}
    check_action_plan(report, wb["Action plan"], expected["actions"])
    check_accepted(report, wb["Accepted risks"], expected["accepted"])
    check_answers(report, wb["Answers"], expected["answers"])
    about = check_about(report, wb["About"], expected)
    check_cells(report, wb, hostile_strings if expected.get("hostile") else [])
    answers = wb["Answers"]
    family = ANSWERS_HEADER.index("Family") + 1
    families = {answers.cell(row, family).value for row in range(2, answers.max_row + 1)}
    return {
        "rows": {ws.title: ws.max_row - 1 for ws in wb.worksheets[:3]},
        "about": about,
        "families": {f for f in families if f},
    }


# ---------------------------------------------------------------- document


def body_blocks(doc):
    """Top-level paragraphs and tables of the body, in document order."""
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, doc)
        elif child.tag == qn("w:tbl"):
            yield Table(child, doc)


def style_name(paragraph):
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except Exception:  # a style id the styles part lacks
        return ""


def is_subsequence(wanted, found):
    it = iter(found)
    return all(any(item == f for f in it) for item in wanted)


def part_text(part):
    """The text of a header or footer: its paragraphs and the cells of its tables."""
    texts = [p.text for p in part.paragraphs]
    texts += [cell.text for table in part.tables for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def date_forms(value):
    """The ways a header may write the assessment date from the About sheet."""
    if value in (None, ""):
        return ["undated"]
    if isinstance(value, datetime.date):
        return [value.strftime("%Y-%m-%d"), f"{value.day} {value:%B %Y}",
                f"{value:%B} {value.day}, {value.year}"]
    return [str(value)]


def check_tables(report, tables, families):
    report.expect(len(tables) >= 3, "document tables", f"expected at least 3 tables, found {len(tables)}")
    for number, table in enumerate(tables, 1):
        if not table.rows:
            report.fail(f"table {number}", "expected rows, found an empty table")
            continue
        tr_pr = table.rows[0]._tr.trPr
        flag = tr_pr.find(qn("w:tblHeader")) if tr_pr is not None else None
        repeated = flag is not None and flag.get(qn("w:val"), "true") not in ("0", "false", "off")
        first = [cell.text for cell in table.rows[0].cells]
        report.expect(repeated, f"table {number} (header {short(first, 60)})",
                      "expected w:trPr/w:tblHeader on the first row (a repeated header row)")
    family_tables = [t for t in tables if t.rows and [c.text.strip() for c in t.rows[0].cells] == FAMILY_HEADER]
    if not report.expect(family_tables, "document tables",
                         f"expected a table whose header row reads {FAMILY_HEADER}"):
        return
    names = [row.cells[0].text.strip() for row in family_tables[0].rows[1:]]
    report.expect(all(names) and len(set(names)) == len(names), "family table",
                  f"expected one row per family (distinct, named), found {names}")
    # A row may name the family's id too: "Privileged accounts (privileged)".
    missing = sorted(f for f in families
                     if not any(n == f or n.startswith(f + " (") for n in names))
    report.expect(not missing, "family table",
                  f"expected a row for every family of the Answers sheet, missing {missing}")
    return names


def check_document(report, path, expected, hostile_strings, workbook):
    try:
        doc = Document(path)
    except Exception as error:  # a file python-docx cannot open fails, with the reason
        report.fail("document", f"python-docx could not open {path}: {error!r}")
        return {}
    blocks = list(body_blocks(doc))
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    tables = [b for b in blocks if isinstance(b, Table)]

    first = next((p for p in paragraphs if p.text.strip()), None)
    report.expect(first is not None and style_name(first) == "Title", "document start",
                  f"expected a Title paragraph first, found "
                  f"{(style_name(first), short(first.text)) if first else 'no text'}")
    heading1 = [p.text.strip() for p in paragraphs if style_name(p) == "Heading 1"]
    report.expect(is_subsequence(HEADINGS, heading1), "Heading 1 paragraphs",
                  f"expected {HEADINGS} in order, found {heading1}")
    heading2 = [p for p in paragraphs if style_name(p) == "Heading 2"]
    report.expect(heading2, "Heading 2 paragraphs", "expected some, found none")

    instructions = [t.text or "" for t in doc.element.body.iter(qn("w:instrText"))]
    report.expect(any(text.startswith(" TOC ") for text in instructions), "table of contents",
                  f"expected a w:instrText starting ' TOC ', found {[short(t, 40) for t in instructions]}")

    families = check_tables(report, tables, workbook.get("families", set())) or []

    headings = [i for i, b in enumerate(blocks)
                if isinstance(b, Paragraph) and style_name(b).startswith("Heading")]
    last = blocks[headings[-1]] if headings else None
    if report.expect(last is not None and last.text.strip() == "Approval", "last heading",
                     f"expected 'Approval', found {short(last.text) if last else 'no heading'}"):
        after = next((b for b in blocks[headings[-1] + 1:] if isinstance(b, Table)), None)
        column = [row.cells[0].text.strip() for row in after.rows] if after is not None else []
        report.expect(is_subsequence(APPROVAL_ROWS, column), "approval table",
                      f"expected a table after 'Approval' whose first column holds "
                      f"{APPROVAL_ROWS}, found {column if after is not None else 'no table'}")

    section = doc.sections[0]
    header_text, footer_text = part_text(section.header), part_text(section.footer)
    both = header_text + "\n" + footer_text
    # The date as the writer's test states it, else as the workbook's About sheet holds it.
    dates = ([expected["date"]] if expected.get("date")
             else date_forms(workbook.get("about", {}).get("Assessment date")))
    # The header holds one short line: a longer organisation or label shows cut, with an ellipsis.
    def in_header(text):
        limit = expected["header_text_limit"]
        return text if len(text) <= limit else text[:limit - 1] + "\u2026"

    for name, wanted in [("organisation", [in_header(expected["organisation"])]),
                         ("label", [in_header(expected["label"])]),
                         ("assessment date", dates)]:
        report.expect(any(w in both for w in wanted), "section header/footer",
                      f"expected the {name} {' or '.join(short(w) for w in wanted)}, "
                      f"found header {short(header_text)} and footer {short(footer_text)}")

    if expected.get("hostile"):
        body = doc.element.body
        texts = [Paragraph(p, doc).text for p in body.iter(qn("w:p"))]
        texts += [cell.text for t in body.iter(qn("w:tbl")) for row in Table(t, doc).rows
                  for cell in row.cells]
        joined = "\n".join(texts)
        # The document cuts each text to a limit, with an ellipsis (docs/FORMATS.md): a longer
        # hostile string cannot appear whole, but the cut must show.
        limit = expected["document_text_limit"]
        if any(len(text) > limit for text in hostile_strings):
            report.expect(any(len(t) == limit and t.endswith("\u2026") for t in texts), "document",
                          f"expected a text cut to {limit} characters ending in an ellipsis, found none")
        for text in (t for t in hostile_strings if len(t) <= limit):
            if not any(text in t for t in texts):
                hint = " (only across paragraphs)" if text in joined else ""
                report.fail("document", f"expected the hostile string {short(text)} in some "
                                        f"paragraph or table cell, found none{hint}")
    return {"headings": len(heading1), "heading2": len(heading2), "tables": len(tables),
            "families": len(families)}


# ---------------------------------------------------------------- driver


def self_test():
    """A negative control: the workbook checks must catch a formula and a wrong header."""
    wb = openpyxl.Workbook()
    wb.active.title = "Action plan"
    wb.active["A1"] = "Rank?"
    wb.active["B2"] = "=1+1"
    buffer = io.BytesIO()
    wb.save(buffer)
    report = Report("self-test")
    check_cells(report, openpyxl.load_workbook(io.BytesIO(buffer.getvalue())), ["not there"])
    check_header(report, wb.active, PLAN_HEADER)
    return len(report.failures) == 3


def check_sample(folder, name, expected, hostile_strings):
    report = Report(name)
    for suffix in ("xlsx", "docx"):
        if not (folder / f"{name}.{suffix}").is_file():
            report.fail("files", f"expected {name}.{suffix} in {folder}, found none")
    if report.failures:
        return report, None
    workbook = check_workbook(report, folder / f"{name}.xlsx", expected, hostile_strings)
    document = check_document(report, folder / f"{name}.docx", expected, hostile_strings, workbook)
    rows = ", ".join(f"{sheet} {count}" for sheet, count in workbook.get("rows", {}).items())
    summary = (f"data rows: {rows}; About {len(workbook.get('about', {}))} labels; document: {document.get('headings')} level-1 and "
               f"{document.get('heading2')} level-2 headings, {document.get('tables')} tables, "
               f"{document.get('families')} families")
    return report, summary


def main(arguments):
    if len(arguments) != 1:
        print("usage: check.py FOLDER (holding expectations.json and the samples)", file=sys.stderr)
        return 2
    folder = Path(arguments[0])
    if not self_test():
        print("FAIL the workbook checks missed a formula or a wrong header: they cannot be trusted")
        return 1
    try:
        expectations = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
        samples = expectations["samples"]
        hostile_strings = expectations["hostile_strings"]
    except Exception as error:
        print(f"FAIL {folder / 'expectations.json'}: {error!r}")
        return 1
    failures = []
    if not hostile_strings or not any(s.get("hostile") for s in samples.values()):
        failures.append("expectations.json: expected a hostile sample and hostile strings, "
                        "found none (the hostile checks would check nothing)")
    for name, expected in samples.items():
        report, summary = check_sample(folder, name, expected, hostile_strings)
        if report.failures:
            print(f"FAIL {name}: {len(report.failures)} failure(s)")
        else:
            print(f"ok   {name}: {summary}")
        failures += report.failures
    for failure in failures:
        print(f"  - {failure}")
    print(f"openpyxl {version('openpyxl')}, python-docx {version('python-docx')}: "
          f"{len(samples)} sample(s), {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
