"""Fixtures shared by every test folder (the helpers they use are the package tests/support/): what is
costly is made once per session, the fixtures' batch and each layout's rendering."""
import functools
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import FIXTURES, fixture_truth


@dataclass(frozen=True)
class FixturesRun:
    raw: Path  # tests/fixtures/*.pdf laid out by year, as a real batch is: 2019/..., 2020/...
    out: Path  # what `pipeline run raw --out out` wrote
    result: object  # its run.batch.BatchResult


@pytest.fixture(scope="session")
def fixtures_run(tmp_path_factory) -> FixturesRun:
    """Every fixture converted once per session, for the tests that read what a batch of them writes (the
    review site, the reports' JSON, each fixture against its truth). Tests must not change it: copy it."""
    from pipeline.run.batch import run_batch

    raw = tmp_path_factory.mktemp("fixtures-raw")
    for pdf in sorted(FIXTURES.glob("*.pdf")):
        year = re.search(r"_(\d{4})\.", pdf.name).group(1)
        (raw / year).mkdir(exist_ok=True)
        shutil.copy(pdf, raw / year / pdf.name)
    out = tmp_path_factory.mktemp("fixtures-out")
    result = run_batch(raw, out)
    assert result.exit_code == 0, result.failures
    return FixturesRun(raw, out, result)


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
    of LAYOUTS or FOUND in tests/support/layouts.py) and must always come with the same layout. The PDF and
    the printed record are shared: tests must not change them. A DejaVu layout skips the test when
    the font is not installed.
    """
    from tests.support import render

    root = tmp_path_factory.mktemp("rendered")
    done: dict[tuple[str, str], tuple] = {}

    def get(record: str, name: str, layout) -> Rendered:
        if (record, name) in done:
            drawn_with, case = done[record, name]
            assert drawn_with == layout, f"case {name!r} of {record} asked for with two layouts"
            return case
        if layout.font == "DejaVuSans" and not render.dejavu_available():
            pytest.skip("DejaVu Sans is not installed")
        truth = fixture_truth(record)
        pdf = root / name / record / truth["source"]
        pdf.parent.mkdir(parents=True, exist_ok=True)
        case = Rendered(pdf, render.render(truth, layout, pdf))
        done[record, name] = (layout, case)
        return case

    return get
