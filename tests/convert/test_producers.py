"""Other producers' layouts drawn by tests/support/render.py (browsers, WeasyPrint, LaTeX): the renderer draws
each kind, and the report records how each table was read (JSON `tables`, `table` log events); and
profiles printed by a real browser (headless Chromium, tests/support/html_profile.py) are read whole."""
import json
from collections import Counter

import pdfplumber
import pytest

from pipeline.convert.process import process_pdf
from pipeline.outdir.eventlog import report_events
from tests.support import FIXTURES, html_profile, render
from tests.support.layout_sweep import misreads
from tests.support.render import Layout

BROWSER = Layout(label_align="right", value_align="center", borders="grid", rule_style="rect", banded=True,
                 header_row=True, page_numbers=True, page_number_form="{n} / {N}", split_row="value",
                 running_header="Profile of Kazakhstan, 2019")
WEASYPRINT = Layout(size=9, borders="none", pad=1.5, para_space=1.5, breaks=True, page_numbers=True,
                    page_number_form="p. {n}")
LATEX = Layout(font="Times-Roman", borders="hrules", double_rules=True, kerned=True, label_align="center",
               page_numbers=True, page_number_form="Page {n} of {N}")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    truth = json.loads((FIXTURES / "kazakhstan_en_2019.docx.truth.json").read_text(encoding="utf-8"))
    out = {}
    for name, lay in {"browser": BROWSER, "weasyprint": WEASYPRINT, "latex": LATEX}.items():
        pdf = tmp_path_factory.mktemp(name) / truth["source"]
        render.render(truth, lay, pdf)
        out[name] = (pdf, process_pdf(pdf))
    return out


def test_the_renderer_draws_each_kind(drawn):
    with pdfplumber.open(drawn["browser"][0]) as pdf:
        pages = [p.extract_text() for p in pdf.pages]
        rects = [r for p in pdf.pages for r in p.rects]
        assert not any(p.lines for p in pdf.pages)  # every border a filled rectangle
        assert sum(r["height"] < 1 for r in rects) > 20 and sum(r["height"] > 8 and r["width"] > 300 for r in rects) > 5
    assert all("Indicator Value" in text for text in pages) and len(pages) == 2  # the header row on each page
    assert pages[0].rstrip().endswith("1 / 2")
    with pdfplumber.open(drawn["latex"][0]) as pdf:
        chars = "".join(c["text"] for p in pdf.pages for c in p.chars)
        lines = [ln for p in pdf.pages for ln in p.lines]
    assert " " not in chars.replace("\u00a0", "")
    tops = sorted(ln["top"] for ln in lines)
    assert all(any(0 < abs(a - b) < 0.5 for b in tops) for a in tops)  # every rule twice, a hair apart


def test_each_producer_is_read_whole(drawn):
    for name, (_, report) in drawn.items():
        bad = [v.field for v in report.values if v.field and v.status not in ("ok", "no_data")]
        assert not bad, name
        assert report.coverage.ratio == 1.0, name


def test_how_each_table_was_read_is_recorded(drawn):
    browser, weasy, latex = (drawn[k][1] for k in ("browser", "weasyprint", "latex"))
    # every table's split holds a drawn rule; the one continued overleaf weighs its first page's split more
    assert all(t.column_signals.get("rules") for t in browser.tables) and {t.rows_from for t in browser.tables} == {"rules"}
    assert [t.column_from for t in browser.tables].count("rule") == len(browser.tables) - 1
    assert sum(t.header_rows for t in browser.tables) == 7  # six tables, one of them over two pages
    assert sum(f.endswith(": Indicator") for f in browser.furniture) == 7  # counted as page furniture
    # left-aligned values: their starts, known labels or the document's split (taken from them) chose each
    assert {t.column_from for t in weasy.tables} <= {"alignment", "labels", "neighbour"}
    assert all(t.column_signals.get("alignment") or t.column_signals.get("neighbours") for t in weasy.tables)
    assert {t.rows_from for t in weasy.tables} <= {"line_grid", "single_row"} and weasy.tables[0].line_pitch == 10.8
    assert {t.rows_from for t in latex.tables} == {"rules"}
    events = [e for e in report_events(weasy) if e["event"] == "table"]
    assert len(events) == len(weasy.tables) and events[0]["section"] == weasy.tables[0].section
    assert {"page", "split", "column_from", "rows_from", "row_breaks", "rows"} <= set(events[0])
    assert json.loads(weasy.model_dump_json())["tables"][0]["column_from"] == weasy.tables[0].column_from
    assert json.loads(weasy.model_dump_json())["tables"][0]["column_signals"] == weasy.tables[0].column_signals


# --- a real browser: headless Chromium prints the profile -------------------------------------

# every style, "auto-middle-no-spacing" (rows with no spacing, values centred on them) and "div-grid"
# (rows 1 pt apart) included
READ_WHOLE = list(html_profile.STYLES) + list(html_profile.GRID_STYLES)


@pytest.mark.browser  # headless Chromium prints the page: the full run's (scripts/test.sh), like the review site's
@pytest.mark.skipif(html_profile.CHROMIUM is None, reason="Chromium is not installed")
@pytest.mark.parametrize("style", READ_WHOLE)
def test_a_browser_print_is_read_whole(tmp_path, style):
    truth = json.loads((FIXTURES / "moldova_en_2020.docx.truth.json").read_text(encoding="utf-8"))
    page = tmp_path / "profile.html"
    page.write_text(html_profile.profile_html(truth, *html_profile.styled(style)), encoding="utf-8")
    pdf = tmp_path / truth["source"]
    html_profile.print_pdf(page, pdf, header_footer=style != "margin-boxes")
    assert pdf.exists(), "Chromium printed nothing"
    report = process_pdf(pdf)
    assert misreads(dict(truth, source=pdf.name), report) == []
    assert report.coverage.ratio == 1.0
    if style not in html_profile.GRID_STYLES:  # a grid has no header row
        assert sum(t.header_rows for t in report.tables) >= 7  # "Indicator | Value" atop every table, set aside


# WeasyPrint sets a row's value at the foot of a page and carries its taller label to the next page
# (value_before_label rejoins them): named (record, style, facts box) prints where it did
WEASYPRINT_VALUE_BEFORE_LABEL = {
    "dl-grid-value-under-the-last-label": ("kyrgyzstan_en_2019.docx", "dl-grid", "table"),
    "dl-grid-value-alone-at-the-foot": ("armenia_en_2019.docx", "dl-grid", "table"),
    "margin-boxes-opcat-value-under-relevant-conventions": ("armenia_en_2019.docx", "margin-boxes", "table"),
    # the table's head at the foot of the page, its one clear strip left of the sub-heading set flush right:
    # its columns are those of its rest overleaf
    "auto-right-bottom-head-of-header-sub-heading-and-value": ("ukraine_en_2019.docx", "auto-right-bottom", "lines"),
}


@pytest.mark.slow  # four WeasyPrint prints
@pytest.mark.parametrize("case", WEASYPRINT_VALUE_BEFORE_LABEL)
def test_a_weasyprint_value_before_its_label_across_a_page_break_is_read(tmp_path, case):
    pytest.importorskip("weasyprint")  # the test extras install it
    record, style, facts = WEASYPRINT_VALUE_BEFORE_LABEL[case]
    truth = json.loads((FIXTURES / f"{record}.truth.json").read_text(encoding="utf-8"))
    page = tmp_path / "profile.html"
    page.write_text(html_profile.profile_html(truth, *html_profile.styled(style), facts), encoding="utf-8")
    pdf = tmp_path / truth["source"]
    assert html_profile.print_weasyprint(page, pdf)
    report = process_pdf(pdf)
    assert misreads(dict(truth, source=pdf.name), report) == []
    assert any("row_rejoined_across_page_break" in v.rules for v in report.values)


# --- reportlab's own layout engine (platypus Table and Paragraph flowables) -------------------------

@pytest.mark.parametrize("style", ["fixed-grid", "shrink-bold", "middle-tight", "stacked-indent", "stacked-bold",
                                   "stacked-plain"])
def test_a_platypus_profile_is_read_whole(tmp_path, style):
    from tests.support import platypus_profile

    truth = json.loads((FIXTURES / "kazakhstan_en_2019.docx.truth.json").read_text(encoding="utf-8"))
    pdf = tmp_path / truth["source"]
    printed = platypus_profile.platypus_pdf(truth, platypus_profile.STYLES[style], pdf)
    report = process_pdf(pdf)
    assert misreads(printed, report) == []
    assert report.coverage.ratio == 1.0
    if style == "shrink-bold":  # each table only as wide as its text: the split moves from table to table
        found = [t for t in report.tables if t.split is not None]
        assert len({t.split for t in found}) >= 3 and sum("style" in t.column_signals for t in found) >= 4
    if style.startswith("stacked"):  # no value column: each value below its label, every table read so
        how = {"indent": "indent", "bold": "weight", "plain": "wording"}[style.split("-")[1]]
        assert {t.rows_from for t in report.tables} == {"stacked"}
        hows = Counter(t.column_from for t in report.tables)
        # a table's part at a page foot with bold lines only (a sub-heading, a label) is told by its wording
        assert hows.most_common(1)[0][0] == how and set(hows) <= {how, "wording"}
        assert not any(w.code == "no_value_column" for w in report.warnings)
