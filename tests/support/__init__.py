"""What the tests share, imported as a package (`from tests.support import FIXTURES`, `from tests.support
import render`): the fixture folders, truth records, a report's values.csv rows, and the helpers that draw,
reword and compare profiles. Each helper module with a command line runs from the repository's root:

    python -m tests.support.golden save DEST | compare A B      outputs before and after a change
    python -m tests.support.reword --seed 1 --n 40              reworded labels, what is missed
    python -m tests.support.layout_sweep --seed 1 --n 150       random layouts, what is misread
    python -m tests.support.tagged_examples OUTDIR              our tagged examples, printed anew

render.py draws a profile from a truth record in a layout (layouts.py names the ones the tests use),
html_profile.py writes one as HTML for a browser to print (tagged_examples.py so printed the tagged PDFs of
our own in tests/fixtures-tagged/), reference_evaluate.py is the project's
reference scorer (a copy of shared/tools/evaluate.py), outputs.py runs `pipeline` and reads an OUTDIR back.
"""
from __future__ import annotations

import json
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent  # the repository
FIXTURES = TESTS / "fixtures"
FIXTURES_RU = TESTS / "fixtures-ru"  # the Russian editions (copies of shared/fixtures-ru)
FIXTURES_MORE = TESTS / "fixtures-more"  # reworded labels and other producers' PDFs (copies of shared/fixtures-more)
FIXTURES_TAGGED = TESTS / "fixtures-tagged"  # tagged PDFs (copies of shared/fixtures-tagged, and tagged_examples.py's)
CORPUS = TESTS / "corpus"  # real PDFs that are not country profiles


def truth_files(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders or (FIXTURES,) for p in folder.glob("*.truth.json"))


def load_truth(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def fixture_truth(record: str) -> dict:
    """A fixture's truth record by its name ("kazakhstan_en_2019.docx", or a Russian edition's,
    "belarus_ru_2021.docx")."""
    english = FIXTURES / f"{record}.truth.json"
    return load_truth(english if english.exists() else FIXTURES_RU / f"{record}.truth.json")


def report_rows(report) -> list[dict]:
    """A Report's values.csv rows as dicts (no formula guard), for pipeline.tools.evaluate.evaluate_rows."""
    from pipeline.outdir.names import VALUE_COLUMNS
    from pipeline.outdir.rows import value_row

    return [dict(zip(VALUE_COLUMNS, value_row(report, v))) for v in report.values]
