"""A tagged PDF's own structure: its table cells read from the structure tree (tags.py), and each
table's layout reading held to them (reconcile.py), on the tagged fixtures and on trees edited to be
wrong, partial or broken (pikepdf)."""
import shutil
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from pipeline.convert.extract.pages import char_mcids, read_pages
from pipeline.convert.extract.reconcile import TagRow, disagreements, not_a_table
from pipeline.convert.extract.tags import TagCell, read_structure
from pipeline.convert.process import process_pdf
from pipeline.core.models import Word
from pipeline.core.settings import DEFAULT_SETTINGS as S
from pipeline.outdir.eventlog import report_events
from pipeline.tools.evaluate import evaluate_rows
from tests.support import FIXTURES, FIXTURES_TAGGED, load_truth, report_rows

CHROMIUM = FIXTURES_TAGGED / "tajikistan_en_2020.chromium-tagged.pdf"
LIBREOFFICE = FIXTURES_TAGGED / "kyrgyzstan_en_2020.libreoffice-tagged.pdf"


def score(pdf: Path, truth_pdf: Path):
    truth = load_truth(truth_pdf.with_suffix("").with_suffix(".truth.json")
                       if truth_pdf.suffix == ".pdf" else truth_pdf)
    report = process_pdf(pdf)
    return report, evaluate_rows(report_rows(report), dict(truth, source=pdf.name))


def truth_of(pdf: Path) -> Path:
    return pdf.parent / (pdf.name[:-4] + ".truth.json")


# --- reading the tree ------------------------------------------------------------------------

def test_an_untagged_pdf_costs_no_tree_and_has_no_tags():
    pages = read_pages(FIXTURES / "kazakhstan_en_2019.docx.pdf", S)
    assert all(p.tags is None for p in pages) and all(w.mcid is None for p in pages for w in p.words)
    report = process_pdf(FIXTURES / "kazakhstan_en_2019.docx.pdf")
    assert {t.tags.tagged for t in report.tables} == {"no"} and {t.tags.agreement for t in report.tables} == {None}


@pytest.mark.parametrize("pdf", sorted(FIXTURES_TAGGED.glob("*.pdf")), ids=lambda p: p.name.split(".")[1])
def test_every_table_word_of_a_tagged_fixture_lies_in_a_tagged_cell(pdf):
    report = process_pdf(pdf)
    assert report.tables and {t.tags.tagged for t in report.tables} == {"yes"}
    assert not [w for w in report.warnings if w.code == "tags_unreadable"]
    _, res = score(pdf, truth_of(pdf))
    assert res.fields_ok == res.fields_total == 32 and res.unmapped_kept == res.unmapped_total


def test_each_mcid_keeps_its_own_page_where_pdfplumber_gives_the_elements():
    """Chromium files the header row repeated overleaf under the first page's header cells (a
    marked-content reference with its own /Pg): those MCIDs are the later pages', not page 1's.
    pdfplumber's tree gives them the element's page, 1, where the same numbers are other cells'."""
    with pdfplumber.open(FIXTURES_TAGGED / "moldova_en_2020.chromium-long-lines-tagged.pdf") as pdf:
        ours = read_structure(pdf)
        tree = pdf.structure_tree
    pages_of: dict = {}
    for page, tags in ours.items():
        for mcid, cell in tags.cells.items():
            pages_of.setdefault(cell, set()).add(page)
    header = next(c for c, pages in pages_of.items() if c.header and len(pages) > 1)  # one cell, several pages

    def find(el, out):
        if el["type"] in ("TD", "TH"):
            out.append(el)
        for c in el.get("children", []):
            find(c, out)
        return out
    plumbers = [el for root in tree for el in find(root, []) if el["type"] == "TH"]
    # pdfplumber's: the text element of a header cell on page 1 with an MCID of each page
    # ([32, 5]: 5 is the repeat overleaf's, and page 1's MCID 5 is another element's)
    page1 = [c["mcids"] for el in plumbers for c in el.get("children", []) if c.get("page_number") == 1]
    assert header.header and any(len(m) > 1 and not all(x in ours[1].cells for x in m) for m in page1)


def test_a_word_gets_back_the_mcid_a_nested_sequence_cleared():
    # stream order: "e" "x" in MCID 3, a ligature in a nested Span (pdfplumber: no MCID), then the
    # rest of MCID 3 with neither MCID nor tag; an artifact; text outside any sequence
    chars = [{"mcid": 3, "tag": "P"}, {"mcid": 3, "tag": "P"}, {"mcid": None, "tag": "Span"},
             {"mcid": None, "tag": None}, {"mcid": None, "tag": "Artifact"}, {"mcid": None, "tag": None},
             {"mcid": 4, "tag": "P"}]
    got = char_mcids(chars)
    assert [got[id(c)] for c in chars] == [3, 3, 3, 3, None, None, 4]


# --- trees edited to be wrong, partial or broken ----------------------------------------------

def _elements(pdf: pikepdf.Pdf, kind: str) -> list:
    out, stack = [], [pdf.Root.StructTreeRoot]
    while stack:
        el = stack.pop()
        kids = el.get("/K")
        if kids is None:
            continue
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        for k in reversed(list(kids)):
            if isinstance(k, pikepdf.Dictionary) and "/S" in k:
                stack.append(k)
        if el.get("/S") == pikepdf.Name("/" + kind):
            out.append(el)
    return out[::-1]


def _edited(src: Path, tmp_path: Path, edit) -> Path:
    out = tmp_path / src.name
    with pikepdf.open(src) as pdf:
        edit(pdf)
        pdf.save(out)
    shutil.copy(truth_of(src), tmp_path / truth_of(src).name)
    return out


def _rows_of_two(pdf: pikepdf.Pdf) -> list:
    return [tr for tr in _elements(pdf, "TR") if len(_cells(tr)) == 2]


def _cells(tr) -> list:
    kids = tr.K if isinstance(tr.K, pikepdf.Array) else [tr.K]
    return [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/S") in (pikepdf.Name.TD, pikepdf.Name.TH)]


def test_wrong_tags_warn_and_the_layout_is_kept(tmp_path):
    """Two rows' value cells swapped in the tree: the tags' rows then overlap down the page, so they
    hold no clean table there; the layout's reading stands, and the warning names the rows."""
    def swap(pdf):
        rows = _rows_of_two(pdf)
        a, b = _cells(rows[4])[1], _cells(rows[5])[1]
        a.K, b.K = b.K, a.K
    pdf = _edited(LIBREOFFICE, tmp_path, swap)
    report, res = score(pdf, truth_of(pdf))
    assert res.fields_ok == res.fields_total == 32
    warned = [w for w in report.warnings if w.code == "tags_disagree"]
    assert warned and all("kept the layout's reading" in w.message for w in warned)
    table = next(t for t in report.tables if t.tags.agreement == "disagree")
    assert table.tags.kept == "layout" and len(table.tags.rows) >= 2
    assert table.tags.reason == "the tagged rows are not one below the other in the tree's order"


def test_only_the_facts_box_tagged_as_a_table(tmp_path):
    """The section tables' Table/TR/TD renamed P: their words lie in no tagged cell; nothing to
    compare, no warning, read from the layout alone."""
    def untable(pdf):
        for kind in ("Table", "TR", "TD", "TH"):
            for el in _elements(pdf, kind)[1:] if kind == "Table" else []:
                el.S = pikepdf.Name.Div
        for tr in _elements(pdf, "TR"):
            tr.S = pikepdf.Name.Div
        for td in _elements(pdf, "TD"):
            td.S = pikepdf.Name.P
    pdf = _edited(CHROMIUM, tmp_path, untable)
    report, res = score(pdf, truth_of(pdf))
    assert res.fields_ok == res.fields_total == 32
    assert {t.tags.tagged for t in report.tables} == {"no"}
    assert not [w for w in report.warnings if w.code.startswith("tags")]


def test_a_cyclic_tree_is_read_as_far_as_it_goes(tmp_path):
    def cycle(pdf):
        td = _elements(pdf, "TD")[3]
        kids = td.K if isinstance(td.K, pikepdf.Array) else pikepdf.Array([td.K])
        kids.append(pdf.Root.StructTreeRoot.K[0] if isinstance(pdf.Root.StructTreeRoot.K, pikepdf.Array)
                    else pdf.Root.StructTreeRoot.K)
        td.K = kids
    pdf = _edited(LIBREOFFICE, tmp_path, cycle)
    report, res = score(pdf, truth_of(pdf))
    assert res.fields_ok == res.fields_total == 32
    assert [w.code for w in report.warnings if w.code.startswith("tags")] == ["tags_unreadable"]


def test_a_broken_tree_root_is_no_failure(tmp_path):
    def break_root(pdf):
        pdf.Root.StructTreeRoot.K = 7
    pdf = _edited(CHROMIUM, tmp_path, break_root)
    report, res = score(pdf, truth_of(pdf))
    assert res.fields_ok == res.fields_total == 32 and {t.tags.tagged for t in report.tables} == {"no"}


# --- tags against the layout, on hand-placed words ---------------------------------------------

def w(text, x, top, mcid):
    return Word(text=text, page=1, x0=x, top=top, x1=x + 6 * len(text), bottom=top + 10, size=10, mcid=mcid)


def test_a_verdict_the_layout_gave_the_label_is_a_disagreement():
    """A tiny auto-sized table: "Low." set right after the label reads as the label's last word."""
    words = [w("Promptness", 60, 100, 1), w("Low.", 130, 100, 2), w("Checks", 170, 100, 2),
             w("Victims", 60, 130, 3), w("Low.", 130, 130, 4), w("Rarely", 170, 130, 4)]
    tags = {1: {1: TagCell(0, 0, 0, False), 2: TagCell(0, 0, 1, False), 3: TagCell(0, 1, 0, False),
                4: TagCell(0, 1, 1, False)}}
    rows = [TagRow((0, 0), words[:1], words[1:3]), TagRow((0, 1), words[3:4], words[4:])]
    layout = {id(words[0]): (0, 0), id(words[1]): (0, 0), id(words[2]): (0, 1),
              id(words[3]): (1, 0), id(words[4]): (1, 1), id(words[5]): (1, 1)}
    assert [r.key for r in disagreements(words, rows, layout)] == [(0, 0)]  # only the first row differs
    assert not_a_table(words, rows, tags, 1.0) is None  # the tags hold a clean table: they are kept
    layout[id(words[1])] = (0, 1)
    assert disagreements(words, rows, layout) == []


def test_a_value_the_layout_gives_the_row_above_is_a_disagreement():
    # the tags put "No" in a row of its own (its label went overleaf); the layout in the row above
    words = [w("Conventions", 60, 100, 1), w("No", 200, 115, 2)]
    rows = [TagRow((0, 0), words[:1], []), TagRow((0, 1), [], words[1:])]
    layout = {id(words[0]): (0, 0), id(words[1]): (0, 1)}
    assert [r.key for r in disagreements(words, rows, layout)] == [(0, 0), (0, 1)]


def test_tags_that_are_not_a_table():
    words = [w("Label", 60, 100, 1), w("Value", 200, 100, 2), w("Other", 60, 130, 3), w("More", 200, 130, 4)]
    cell = {1: TagCell(0, 0, 0, False), 2: TagCell(0, 0, 1, False), 3: TagCell(0, 1, 0, False),
            4: TagCell(0, 1, 1, False)}
    rows = [TagRow((0, 0), words[:1], words[1:2]), TagRow((0, 1), words[2:3], words[3:])]
    assert not_a_table(words, rows, {1: cell}, 1.0) is None
    assert not_a_table(words, rows, {1: {k: v for k, v in cell.items() if k != 4}}, 1.0) == \
        "the tags cover only part of this table"
    assert not_a_table(words, rows, {1: {**cell, 4: TagCell(0, 1, 2, False)}}, 1.0) == \
        "a tagged row has more than two cells"
    swapped = [TagRow((0, 0), words[1:2], words[:1]), TagRow((0, 1), words[2:3], words[3:])]
    assert not_a_table(words, swapped, {1: cell}, 1.0) == "a tagged label reaches past where a tagged value begins"
    upside_down = [rows[1], rows[0]]
    assert not_a_table(words, upside_down, {1: cell}, 1.0) == \
        "the tagged rows are not one below the other in the tree's order"


def test_the_record_and_the_log_say_whether_tags_agreed():
    # read whole, the layout agrees with the tags; without the codebook's labels among the column signals,
    # a tiny auto-sized table gives the rows' verdicts ("Low.") to their labels, and the tags' reading is kept
    report = process_pdf(FIXTURES_TAGGED / "moldova_en_2020.chromium-auto-tagged.pdf")
    assert {t.tags.agreement for t in report.tables} == {"agree"}
    no_labels = S.model_copy(update={"vertical_strategy": ["rules", "strips", "alignment", "style", "neighbours"]})
    report = process_pdf(FIXTURES_TAGGED / "moldova_en_2020.chromium-auto-tagged.pdf", settings=no_labels)
    kept = [t for t in report.tables if t.tags.kept == "tags"]
    assert kept and kept[0].tags.agreement == "disagree" and any("Promptness" in r for r in kept[0].tags.rows)
    assert any(w.code == "tags_disagree" and "kept the tags's reading" in w.message for w in report.warnings)
    events = [e for e in report_events(report) if e["event"] == "table"]
    assert {"tagged", "agreement", "rows", "kept"} <= set(events[-1]["tags"])
    unmapped = {(v.label, v.text) for v in report.values if v.status == "unmapped"}
    assert ("Promptness of investigations", "Low. Preliminary checks take up to 30 days before a case is opened") \
        in unmapped


def test_a_running_footer_read_into_the_last_table_lies_beyond_its_cells():
    """A one-page print: Chromium's footer (a file's address, "1/1"; no cell of the tree) lies below the last
    tagged row. It is no part of the tagged table, which the tags then cover whole; two such lines (a table
    tagged only in part) are."""
    from pipeline.convert.extract.reconcile import _beyond_cells

    cell = {1: TagCell(0, 0, 0, False), 2: TagCell(0, 0, 1, False)}
    table = [w("Budget", 60, 100, 1), w("267", 200, 100, 2)]
    footer = [w("file:///tmp/profile.html", 20, 760, None), w("1/1", 560, 760, None)]
    words, beyond = _beyond_cells(table + footer, {1: cell}, 1.0)
    assert words == table and [ln.text for ln in beyond] == ["file:///tmp/profile.html 1/1"]
    rest = [w("Other", 60, 130, None), w("More", 200, 130, None)]
    assert _beyond_cells(table + rest + footer, {1: cell}, 1.0) == (table + rest + footer, [])


def test_a_tagged_row_of_header_cells_is_the_tables_header():
    from pipeline.convert.extract.reconcile import _header_row

    cells = {1: TagCell(0, 0, 0, True), 2: TagCell(0, 0, 1, True), 3: TagCell(0, 1, 0, False), 4: TagCell(0, 1, 1, False)}
    head = TagRow((0, 0), [w("Indicator", 60, 90, 1)], [w("Value", 200, 90, 2)])
    row = TagRow((0, 1), [w("Budget", 60, 100, 3)], [w("267", 200, 100, 4)])
    assert _header_row(head, {1: cells}) and not _header_row(row, {1: cells})
