"""Other producers' layouts drawn by tests/support/render.py (browsers, WeasyPrint, LaTeX): the renderer draws
each kind, and the report records how each table was read (JSON `tables`, `table` log events); and
profiles printed by a real browser (headless Chromium, tests/support/html_profile.py) are read whole."""
import json

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
    assert {t.column_from for t in browser.tables} == {"rule"} and {t.rows_from for t in browser.tables} == {"rules"}
    assert sum(t.header_rows for t in browser.tables) == 7  # six tables, one of them over two pages
    assert sum(f.endswith(": Indicator") for f in browser.furniture) == 7  # counted as page furniture
    assert {t.column_from for t in weasy.tables} == {"alignment"}
    assert {t.rows_from for t in weasy.tables} <= {"line_grid", "single_row"} and weasy.tables[0].line_pitch == 10.8
    assert {t.rows_from for t in latex.tables} == {"rules"}
    events = [e for e in report_events(weasy) if e["event"] == "table"]
    assert len(events) == len(weasy.tables) and events[0]["section"] == weasy.tables[0].section
    assert {"page", "split", "column_from", "rows_from", "row_breaks", "rows"} <= set(events[0])
    assert json.loads(weasy.model_dump_json())["tables"][0]["column_from"] == "alignment"


# --- a real browser: headless Chromium prints the profile -------------------------------------

@pytest.mark.browser  # headless Chromium prints the page: the full run's (scripts/test.sh), like the review site's
@pytest.mark.skipif(html_profile.CHROMIUM is None, reason="Chromium is not installed")
@pytest.mark.parametrize("style", sorted(html_profile.STYLES))
def test_a_browser_print_is_read_whole(tmp_path, style):
    truth = json.loads((FIXTURES / "moldova_en_2020.docx.truth.json").read_text(encoding="utf-8"))
    page = tmp_path / "profile.html"
    page.write_text(html_profile.profile_html(truth, html_profile.STYLES[style]), encoding="utf-8")
    pdf = tmp_path / truth["source"]
    html_profile.print_pdf(page, pdf, header_footer=style != "margin-boxes")
    assert pdf.exists(), "Chromium printed nothing"
    report = process_pdf(pdf)
    assert misreads(dict(truth, source=pdf.name), report) == []
    assert report.coverage.ratio == 1.0
    assert sum(t.header_rows for t in report.tables) >= 7  # "Indicator | Value" atop every table, set aside
