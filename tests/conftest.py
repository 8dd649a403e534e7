import json
from pathlib import Path
from typing import NamedTuple

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def truth_files():
    return sorted(FIXTURES.glob("*.truth.json"))


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


def load_truth(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def report_rows(report) -> list[dict]:
    """A Report's values.csv rows as dicts (no formula guard), for pipeline.evaluate.evaluate_rows."""
    from pipeline.write import VALUE_COLUMNS, value_row

    return [dict(zip(VALUE_COLUMNS, value_row(report, v))) for v in report.values]


class Rendered(NamedTuple):
    pdf: Path  # <tmp>/<case name>/<record>/<source>
    printed: dict  # the truth record as printed (render.render's return)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """rendered(record, name, layout) -> Rendered: each (record, case name) drawn once per session.

    `record` is a fixture's truth name ("kazakhstan_en_2019.docx"); `name` names the layout (a key
    of LAYOUTS or FOUND in test_layouts.py) and must always come with the same layout. The PDF is
    shared: tests read it and must not change it. A DejaVu layout skips the test when the font is
    not installed.
    """
    import render

    root = tmp_path_factory.mktemp("rendered")
    done: dict[tuple[str, str], tuple] = {}

    def get(record: str, name: str, layout) -> Rendered:
        key = (record, name)
        if key in done:
            drawn_with, case = done[key]
            assert drawn_with == layout, f"case {name!r} of {record} asked for with two layouts"
            return case
        if layout.font == "DejaVuSans" and not render.dejavu_available():
            pytest.skip("DejaVu Sans is not installed")
        truth = load_truth(FIXTURES / f"{record}.truth.json")
        pdf = root / name / record / truth["source"]
        pdf.parent.mkdir(parents=True)
        case = Rendered(pdf, render.render(truth, layout, pdf))
        done[key] = (layout, case)
        return case

    return get
