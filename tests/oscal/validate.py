"""Validates OSCAL assessment-results JSON files with an independent implementation.

compliance-trestle's pydantic models are generated from NIST's OSCAL schemas and reject unknown
keys, wrong types, broken patterns (UUIDs, single-line titles, date-times with a time zone) and
empty lists. Run by `cargo xtask oscal` in the virtual environment it creates:

    .tools/trestle-venv/bin/python tests/oscal/validate.py target/oscal-samples/*.json

Prints one line per file and exits non-zero when any file fails.
"""

import json
import sys
from importlib.metadata import version

from trestle.oscal.assessment_results import AssessmentResults


def validate(path):
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    if set(document) != {"assessment-results"}:
        raise ValueError(f"top level must be exactly 'assessment-results', found {sorted(document)}")
    results = AssessmentResults.model_validate(document["assessment-results"])
    result = results.results[0]
    return (
        f"oscal-version {results.metadata.oscal_version.model_dump()}, "
        f"{len(result.observations or [])} observations, "
        f"{len(result.findings or [])} findings, {len(result.risks or [])} risks"
    )


def rejects_unknown_keys():
    """A negative control: the models must refuse a key the schema does not define."""
    minimal = {
        "uuid": "00000000-0000-4000-8000-000000000000",
        "metadata": {"title": "t", "last-modified": "2024-01-01T00:00:00Z", "version": "1",
                     "oscal-version": "1.2.2", "unknown-key": "x"},
        "import-ap": {"href": "#plan"},
        "results": [{"uuid": "00000000-0000-4000-8000-000000000001", "title": "t",
                     "description": "d", "start": "2024-01-01T00:00:00Z",
                     "reviewed-controls": {"control-selections": [{"include-all": {}}]}}],
    }
    try:
        AssessmentResults.model_validate(minimal)
    except Exception:
        return True
    return False


def main(paths):
    if not paths:
        print("usage: validate.py FILE.json...", file=sys.stderr)
        return 2
    if not rejects_unknown_keys():
        print("FAIL the validator accepted an unknown key: it cannot be trusted")
        return 1
    failed = 0
    for path in paths:
        try:
            summary = validate(path)
        except Exception as error:  # report every file, then fail
            failed += 1
            print(f"FAIL {path}: {error}")
        else:
            print(f"ok   {path}: valid OSCAL assessment-results ({summary})")
    print(f"compliance-trestle {version('compliance-trestle')}: {len(paths) - failed} of {len(paths)} file(s) valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
