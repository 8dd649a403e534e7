"""Prose is never a field: a row of running text is kept as unmapped, never mapped by meaning or by place;
a report without a country or a year says which is missing."""
from pipeline.convert.lexicon import default_lexicon
from pipeline.convert.map.map import map_rows, running_prose
from pipeline.convert.process import identity_warnings
from pipeline.core.geometry import BBox
from pipeline.core.models import Cell, Fragment, MappedRow, Report, Row

SECTION = "Investigation of torture complaints"
PROSE = ("The investigating body received many complaints of torture and ill-treatment in the year, and "
         "the number of criminal cases initiated stayed low.")


def _cell(text: str, y: float, x: float = 70) -> Cell:
    return Cell(fragments=[Fragment(text=text, page=1, bbox=BBox(x, y, x + 200, y + 10))] if text else [])


def _row(label: str, value: str, y: float) -> Row:
    return Row(kind="table", section=SECTION, label=_cell(label, y), value=_cell(value, y, 300))


def test_a_row_of_running_text_is_told_from_a_label():
    assert running_prose(MappedRow(kind="table", label=PROSE))
    assert not running_prose(MappedRow(kind="table", label=PROSE, text="622"))  # a value: a row
    assert not running_prose(MappedRow(kind="table", label="Number of complaints of torture and ill-treatment"))


def test_a_row_of_running_text_stays_unmapped_however_close_its_meaning():
    rows = [_row("Number of criminal cases initiated", "622", 100), _row(PROSE, "", 120),
            _row("Number of complaints of torture and ill-treatment", "No data", 140)]
    mapped = map_rows(rows, default_lexicon(), "en").rows
    by_label = {m.label: m for m in mapped}
    assert by_label["Number of criminal cases initiated"].field == "criminal_cases_initiated"
    assert by_label[PROSE].field in ("", None) and "running_prose" in by_label[PROSE].rules
    assert by_label["Number of complaints of torture and ill-treatment"].field == "torture_complaints"
    # where the complaints row is not printed, the prose would fill its place by the order of the rows
    mapped = map_rows(rows[:2], default_lexicon(), "en").rows
    assert [m.field or "" for m in mapped] == ["criminal_cases_initiated", ""]


def test_a_report_without_a_country_or_a_year_says_which():
    assert identity_warnings(Report(source="a.pdf", country="Armenia", year=2019)) == []
    [w] = identity_warnings(Report(source="a.pdf", country="Armenia"))
    assert w.code == "unidentified" and "without a year" in w.message and "country" not in w.message.split(":")[0]
    [w] = identity_warnings(Report(source="a.pdf"))
    assert "without a country or a year" in w.message
