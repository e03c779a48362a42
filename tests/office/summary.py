"""What a downloaded workbook or Word document holds, as JSON, read by openpyxl or python-docx.

The end-to-end tests (tests/e2e/) run it on the files the browser downloaded, with the Python of
`.tools/office-venv` that `cargo xtask office` sets up: the app's files are then checked by
independent readers, not by the code that wrote them.

    python summary.py xlsx|docx FILE

The kind comes first: a browser's download is stored without its file name.
"""

import json
import shutil
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook


def workbook(path):
    book = load_workbook(path)
    about = {row[0].value: row[1].value for row in book["About"].iter_rows(min_row=2)}
    plan = book["Action plan"]
    return {
        "sheets": book.sheetnames,
        "about": {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in about.items()},
        "actions": plan.max_row - 1,
        "header": [cell.value for cell in plan[1]],
        "frozen": plan.freeze_panes,
        "validations": [str(dv.sqref) for dv in plan.data_validations.dataValidation],
        "formulas": sum(
            1 for sheet in book for row in sheet.iter_rows() for cell in row if cell.data_type == "f"
        ),
        "texts": [
            cell.value for sheet in book for row in sheet.iter_rows() for cell in row
            if cell.data_type == "s" and cell.value
        ],
    }


def document(path):
    doc = Document(path)
    section = doc.sections[0]
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return {
        "headings": [p.text for p in doc.paragraphs if p.style.name == "Heading 1"],
        "title": next((p.text for p in doc.paragraphs if p.style.name == "Title"), None),
        "header": " ".join(p.text for p in section.header.paragraphs),
        "footer": " ".join(p.text for p in section.footer.paragraphs),
        "tables": len(doc.tables),
        "repeated_headers": sum(
            1 for table in doc.tables if table.rows[0]._tr.find(qn("w:trPr")) is not None
            and table.rows[0]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        ),
        "texts": [p.text for p in doc.paragraphs] + cells,
    }


def main():
    kind, path = sys.argv[1], sys.argv[2]
    # openpyxl goes by the file's extension, which a browser's download does not keep.
    with tempfile.TemporaryDirectory() as folder:
        named = Path(folder) / f"download.{kind}"
        shutil.copyfile(path, named)
        summary = workbook(named) if kind == "xlsx" else document(named)
    json.dump(summary, sys.stdout)


if __name__ == "__main__":
    main()
