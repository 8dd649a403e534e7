"""The extract stage's parts on hand-placed pages: each word goes to exactly one part (or is left unplaced)."""
import pytest

from pipeline.convert.extract import NoTextLayer, extract_pages
from pipeline.convert.extract.pages import PageData
from pipeline.core.geometry import HRule
from pipeline.core.models import Word

SECTION = "Government body investigating allegations of torture and ill-treatment"
LABEL_X, VALUE_X = 57.0, 300.0


def words(text, x, top, page=1, size=10.0, font="Arial"):
    out = []
    for t in text.split():
        width = size * 0.5 * len(t)
        out.append(Word(text=t, page=page, x0=x, top=top, x1=x + width, bottom=top + size, size=size, font=font))
        x += width + 3
    return out


def row(label, value, top, page=1):
    return words(label, LABEL_X, top, page) + words(value, VALUE_X, top, page)


def pages():
    page1 = words("Republic of Kazakhstan", 50, 80, size=22) + words("Index on Torture — --3.04", 50, 110, size=14) \
        + words("Facts and Assessments. 2019", 50, 130, size=12) \
        + words("Population - 18.28 million", 60, 160) + words("Detained - 9 666", 340, 160) \
        + words(SECTION, 50, 200, size=14) \
        + row("Number of investigators", "966", 230) + row("Budget", "No data", 250) \
        + words("1", 300, 800)
    page2 = row("Number of criminal cases initiated", "86", 60, page=2) + words("2", 300, 800, page=2)
    return [PageData(1, 595, 842, page1, hrules=[HRule(245.0, 50.0, 545.0)]), PageData(2, 595, 842, page2)]


def test_every_word_lands_in_one_part():
    doc = extract_pages(pages())
    assert doc.furniture == ["p1: 1", "p2: 2"]
    assert doc.title_lines == ["Republic of Kazakhstan", "Index on Torture — --3.04", "Facts and Assessments. 2019"]
    assert doc.sections == [SECTION]
    assert doc.region_words == {"title": 12, "furniture": 2, "section_titles": 8, "facts": 8, "tables": 13}
    assert doc.unplaced == [] and sum(doc.region_words.values()) == doc.words_total == 43
    kinds = [(r.kind, " ".join(r.label.lines), " ".join(r.value.lines)) for r in doc.rows]
    assert kinds == [("title", "", "Republic of Kazakhstan"), ("title", "Index on Torture —", "--3.04"),
                     ("title", "Facts and Assessments.", "2019"),
                     ("facts", "Population", "18.28 million"), ("facts", "Detained", "9 666"),
                     ("table", "Number of investigators", "966"), ("table", "Budget", "No data"),
                     ("table", "Number of criminal cases initiated", "86")]
    assert doc.rows[-1].section == SECTION and doc.rows[-1].after_page_break


def test_a_word_above_the_title_block_bottom_but_outside_it_is_unplaced():
    ps = pages()
    stray = words("stray", 400, 125)  # beside the index line, lower than it: not on any title line
    ps[0].words += stray
    doc = extract_pages(ps)
    assert [w.text for w in doc.unplaced] == ["stray"]
    assert sum(doc.region_words.values()) + len(doc.unplaced) == doc.words_total


def test_pages_without_words_have_no_text_layer():
    with pytest.raises(NoTextLayer):
        extract_pages([PageData(1, 595, 842, [])])


def tight_page(boxes=(), footer="Page 1 of 2"):
    """One borderless table set tight (rows 3 pt further apart than lines), a footer, filled rows."""
    page1 = words("Republic of Kazakhstan", 50, 80, size=22) + words("Index on Torture — --3.04", 50, 110, size=14) \
        + words("Facts and Assessments. 2019", 50, 130, size=12) + words("Population - 18.28 million", 60, 160) \
        + words(SECTION, 50, 200, size=14) \
        + row("Number of investigators", "966", 230) + row("Budget", "No data", 243) \
        + row("Geographic coverage", "High.", 256) + words(footer, 280, 800)
    return PageData(1, 595, 842, page1, boxes=list(boxes))


def test_fill_edges_part_rows_and_footers_are_furniture():
    from pipeline.core.geometry import BBox
    from pipeline.core.settings import ExtractSettings
    rows_by_gaps = ExtractSettings(horizontal_strategy=["rules", "spacing", "line_grid"])
    doc = extract_pages([tight_page()], rows_by_gaps)
    table = [(" ".join(r.label.lines), " ".join(r.value.lines)) for r in doc.rows if r.kind == "table"]
    assert len(table) == 1  # 3 pt gaps, no rules, too few lines for a grid: one row
    # a label and a value starting on one baseline, each after a line that ended its paragraph: a row each
    doc = extract_pages([tight_page()])
    assert [(" ".join(r.label.lines), " ".join(r.value.lines)) for r in doc.rows if r.kind == "table"] == [
        ("Number of investigators", "966"), ("Budget", "No data"), ("Geographic coverage", "High.")]
    assert doc.tables[0].rows_from == "row_starts"
    # every other row shaded, as a browser does: the fill's edges part the rows
    doc = extract_pages([tight_page([BBox(50, 241, 545, 254)])])
    table = [(" ".join(r.label.lines), " ".join(r.value.lines)) for r in doc.rows if r.kind == "table"]
    assert table == [("Number of investigators", "966"), ("Budget", "No data"), ("Geographic coverage", "High.")]
    assert doc.furniture == ["p1: Page 1 of 2"] and doc.unplaced == []
    assert [(t.section, t.page, t.rows_from, t.rows) for t in doc.tables] == [(SECTION, 1, "rules", 3)]


@pytest.mark.parametrize("footer", ["Page 1 of 2", "p. 1", "1 / 2", "- 1 -", "стр. 1"])
def test_page_number_forms_are_furniture(footer):
    doc = extract_pages([tight_page(footer=footer)])
    assert doc.furniture == [f"p1: {footer}"]


def test_a_bold_title_wrapped_over_two_lines_is_a_heading():
    from pipeline.convert.extract.lines import group_lines
    from pipeline.convert.extract.sections import find_headings
    from pipeline.core.settings import DEFAULT_SETTINGS
    title = words("Government body investigating allegations of torture and ill-", 60, 200, font="Arial-Bold") \
        + words("treatment", 60, 212, font="Arial-Bold")
    page = PageData(1, 595, 842, title + row("Budget", "No data", 230))
    found = find_headings([page], {1: group_lines(page.words, 4.5)}, 0.0, 10.0, DEFAULT_SETTINGS,
                          {"government body investigating allegations of torture and ill treatment"})
    assert [h.text for h in found[1]] == [SECTION]
    # one line of it alone is no known title: not a heading
    page = PageData(1, 595, 842, title[:-1] + row("Budget", "No data", 230))
    assert find_headings([page], {1: group_lines(page.words, 4.5)}, 0.0, 10.0, DEFAULT_SETTINGS,
                         {"government body investigating allegations of torture and ill treatment"}) == {1: []}


def test_a_table_header_repeated_atop_each_page_is_no_running_header():
    """Pages 2 and 3 open with a table's header row of two-line cells at the same place, its first line
    in the top margin band like the running header above it. That line's cell goes on right below it,
    out of the band: it is the header row's (set aside with the table), not page furniture."""
    from pipeline.convert.extract.furniture import find_furniture
    from pipeline.convert.extract.lines import group_lines

    def page(n):
        ws = words("Index on Torture | CSP", 50, 25, page=n) + words("Indicator as worded in the", 50, 48, page=n) \
            + words("methodology of the index", 50, 60, page=n) + words("Value as published", VALUE_X, 54, page=n) \
            + row("Budget", "No data", 90, page=n)
        return PageData(n, 595, 842, ws)
    pages_ = [page(2), page(3)]
    found = find_furniture(pages_, {p.number: group_lines(p.words, 4.5) for p in pages_})
    assert sorted({ln.text for ln in found}) == ["Index on Torture | CSP"]


def test_the_column_finder_knows_the_rows_only_one_methodology_prints():
    """The 2020 methodology's indicators take no field, but they are table labels all the same: the
    column finder reads them whole (and a split inside one cuts it)."""
    from pipeline.convert.extract.document import _table_labels
    from pipeline.convert.lexicon import default_lexicon
    from pipeline.core.text import fold
    known = _table_labels(default_lexicon())
    assert known.whole(fold("Promptness of investigations"))
    assert known.whole(fold("Involvement of victims in investigations"))
    assert not known.whole(fold("Promptness of investigations Low."))


def test_rows_on_a_page_set_in_two_text_columns_are_flagged_and_those_elsewhere_are_not():
    """Page 2 holds two tables side by side, each with labels and values (a page in two text columns):
    a value read across the strip would be a label of one column beside a value of the other, so every
    row on that page is flagged for review; page 1's rows are not."""
    left = [("Number of criminal cases initiated", "86"), ("Investigator workload", "9 cases"),
            ("Geographic coverage", "Low.")]
    right = [("Family notification", "Yes"), ("Medical examination", "No."), ("Video surveillance", "Partially.")]
    page2 = [w for i, ((la, va), (lb, vb)) in enumerate(zip(left, right))
             for w in words(la, 40, 60 + 14 * i, page=2, size=7) + words(va, 200, 60 + 14 * i, page=2, size=7)
             + words(lb, 320, 60 + 14 * i, page=2, size=7) + words(vb, 480, 60 + 14 * i, page=2, size=7)]
    doc = extract_pages(pages()[:1] + [PageData(2, 595, 842, page2)])
    flagged = {r.value.page or r.label.page for r in doc.rows if "two text columns" in r.doubtful}
    assert flagged == {2}
