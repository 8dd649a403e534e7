"""split.py: a file's profiles found before any is read (title blocks), pages of running prose set aside."""
from pathlib import Path

import pytest

from pipeline.convert.extract.lines import Line
from pipeline.convert.extract.pages import read_pages
from pipeline.convert.extract.split import column_edge, is_prose_line, prose_page, split_pages, title_block_page
from pipeline.convert.lexicon import default_lexicon
from pipeline.core.models import Word
from pipeline.core.settings import DEFAULT_SETTINGS
from tests.support import FIXTURES, FIXTURES_RU, FIXTURES_TAGGED
from tests.support.narrative import merge, narrative

EN = FIXTURES / "armenia_en_2019.docx.pdf"  # 2 pages
RU = FIXTURES_RU / "belarus_ru_2021.docx.pdf"  # 3 pages


def _split(pdf: Path):
    return split_pages(read_pages(pdf, DEFAULT_SETTINGS), DEFAULT_SETTINGS, default_lexicon().codebook)


def _line(texts_x: list[tuple[str, float]], width: float = 6.0) -> Line:
    return Line([Word(text=t, page=1, x0=x, top=100, x1=x + width * len(t), bottom=110, size=10)
                 for t, x in texts_x])


def test_a_line_of_running_text_is_prose_a_row_of_cells_is_not():
    words = "the monitors found that video surveillance covers most rooms".split()
    x, flowing = 70.0, []
    for w in words:
        flowing.append((w, x))
        x += 6.0 * len(w) + 3.0
    assert is_prose_line(_line(flowing), 10, 330)
    cells = flowing[:4] + [(w, x0 + 40) for w, x0 in flowing[4:]]  # a wide gap: a label and its value
    assert not is_prose_line(_line(cells), 10, 370)
    assert not is_prose_line(_line(flowing[:5]), 10, 150)  # too few words
    figures = [(w, x0) for w, x0 in zip(["2019", "1 004", "2 235", "58 668", "24", "No", "data", "622", "5"],
                                        range(70, 400, 36))]
    assert not is_prose_line(_line(figures, 4.0), 10, 330)  # mostly figures


def test_a_column_edge_shared_by_many_lines_is_a_table_not_prose():
    # labels of different words, their values all starting at the value column (x 200)
    rows = [_line([("Label", 70), ("of", 103 + 5 * i), (f"value{i}", 200), ("text", 245 + 7 * i)])
            for i in range(6)]
    assert column_edge(rows) == 200.0
    flowing = [_line([("A", 70), ("line", 70 + 9 * i), ("of", 110 + 7 * i), ("text", 150 + 5 * i)])
               for i in range(6)]
    assert column_edge(flowing) is None


def test_every_fixture_is_one_profile_with_nothing_set_aside():
    for pdf in [EN, RU, *sorted(FIXTURES_TAGGED.glob("*.pdf"))]:
        split = _split(pdf)
        assert [p.first for p in split.profiles] == [1] and split.set_aside == [], pdf.name


def test_compendiums_split_at_each_title_block(tmp_path):
    two = _split(merge(tmp_path / "two.pdf", EN, RU))
    assert [p.numbers for p in two.profiles] == [[1, 2], [3, 4, 5]] and two.set_aside == []
    three = _split(merge(tmp_path / "three.pdf", RU, EN, RU))
    assert [p.first for p in three.profiles] == [1, 4, 6]


def test_a_narrative_is_prose_and_its_heading_naming_the_index_is_no_title_block(tmp_path):
    for language in ("en", "ru"):
        pdf = narrative(tmp_path / f"n-{language}.pdf", "Armenia", 2021, language, pages=2)
        pages = read_pages(pdf, DEFAULT_SETTINGS)
        assert all(prose_page(p, DEFAULT_SETTINGS) for p in pages), language
        assert title_block_page(pages[0], DEFAULT_SETTINGS, default_lexicon().codebook)  # taken alone it is one
        split = _split(pdf)
        assert split.profiles == [] and [a.reason for a in split.set_aside] == ["running prose"]


@pytest.mark.parametrize("order", ["before", "after", "between"])
def test_a_report_around_a_profile_is_set_aside(tmp_path, order):
    report = narrative(tmp_path / "n.pdf", pages=2)
    n = len(read_pages(report, DEFAULT_SETTINGS))
    files = {"before": [report, EN], "after": [EN, report], "between": [EN, report, RU]}[order]
    split = _split(merge(tmp_path / "m.pdf", *files))
    firsts = {"before": [n + 1], "after": [1], "between": [1, 3 + n]}[order]
    assert [p.first for p in split.profiles] == firsts
    aside = {"before": list(range(1, n + 1)), "after": list(range(3, 3 + n)), "between": list(range(3, 3 + n))}
    assert [(a.numbers, a.reason) for a in split.set_aside] == [(aside[order], "running prose")]
    assert all(not (set(p.numbers) & set(aside[order])) for p in split.profiles)
