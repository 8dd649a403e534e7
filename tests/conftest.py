import functools
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURES_RU = Path(__file__).parent / "fixtures-ru"  # the Russian editions (copies of shared/fixtures-ru)
# reworded labels and other producers' PDFs (copies of shared/fixtures-more)
FIXTURES_MORE = Path(__file__).parent / "fixtures-more"
FIXTURES_TAGGED = Path(__file__).parent / "fixtures-tagged"  # tagged PDFs (copies of shared/fixtures-tagged)


def truth_files(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders or (FIXTURES,) for p in folder.glob("*.truth.json"))


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


def load_truth(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def report_rows(report) -> list[dict]:
    """A Report's values.csv rows as dicts (no formula guard), for pipeline.evaluate.evaluate_rows."""
    from pipeline.write import VALUE_COLUMNS, value_row

    return [dict(zip(VALUE_COLUMNS, value_row(report, v))) for v in report.values]


@dataclass
class Rendered:
    pdf: Path  # <tmp>/<case name>/<record>/<source>
    printed: dict  # the truth record as printed (render.render's return)

    @functools.cached_property
    def words(self) -> tuple[tuple[str, ...], ...]:
        """The text of pdfplumber's words on each page, read once."""
        import pdfplumber

        with pdfplumber.open(self.pdf) as doc:
            # 0.22 em: between a kern (kerned layouts have no space characters) and a word gap
            return tuple(tuple(w["text"] for w in page.extract_words(x_tolerance_ratio=0.22)) for page in doc.pages)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """rendered(record, name, layout) -> Rendered: each (record, case name) drawn once per session.

    `record` is a fixture's truth name ("kazakhstan_en_2019.docx"); `name` names the layout (a key
    of LAYOUTS or FOUND in test_layouts.py) and must always come with the same layout. The PDF and
    the printed record are shared: tests must not change them. A DejaVu layout skips the test when
    the font is not installed.
    """
    import render

    root = tmp_path_factory.mktemp("rendered")
    done: dict[tuple[str, str], tuple] = {}

    def get(record: str, name: str, layout) -> Rendered:
        if (record, name) in done:
            drawn_with, case = done[record, name]
            assert drawn_with == layout, f"case {name!r} of {record} asked for with two layouts"
            return case
        if layout.font == "DejaVuSans" and not render.dejavu_available():
            pytest.skip("DejaVu Sans is not installed")
        truth = load_truth(FIXTURES / f"{record}.truth.json")
        pdf = root / name / record / truth["source"]
        pdf.parent.mkdir(parents=True, exist_ok=True)
        case = Rendered(pdf, render.render(truth, layout, pdf))
        done[record, name] = (layout, case)
        return case

    return get
