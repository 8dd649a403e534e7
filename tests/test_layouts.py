"""Generalize across layouts: the pipeline must read the same record in every layout.

tests/render.py draws a profile from a truth record in a named layout (fonts, sizes,
column shares, rulings, alignment, page size, margins, digit grouping, score forms,
fragmented words, content-stream order, rows split across pages). Each (record, layout) is
drawn once per session (the `rendered` fixture in conftest.py); the pipeline runs once over
all of them (`layout_run`) and pipeline.evaluate compares each one's values.csv rows with the
truth as printed. The renderer self-tests at the bottom need no pipeline.
"""
import csv
import json
import re
import shutil
import sys
import unicodedata
from pathlib import Path
from typing import NamedTuple

import pdfplumber
import pytest

sys.path.insert(0, str(Path(__file__).parent))
import render  # noqa: E402
from render import Layout, cm  # noqa: E402

from pipeline.evaluate import evaluate_rows, load_rows  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
RECORDS = ["kazakhstan_en_2019.docx", "moldova_en_2020.docx", "armenia_en_2019.docx"]

# Named layouts: together they use every parameter value at least once.
LAYOUTS = {
    "word-default": Layout(score="em-double", breaks=True),
    "serif-grid-top": Layout(font="Times-Roman", size=11, label_share=0.45, borders="grid",
                             margin=2.5 * cm, thousands="nbsp"),
    "dejavu-borderless-bottom": Layout(font="DejaVuSans", size=9.5, label_share=0.4, borders="none",
                                       valign="bottom", page="Letter", margin=2.54 * cm,
                                       thousands="nnbsp", score="en-minus"),
    "fragmented-grid": Layout(borders="grid", fragmented=True, split_rows=False, seed=1),
    "comma-centred": Layout(size=10.5, label_share=0.55, borders="grid", valign="center",
                            thousands="comma"),
    "narrow-labels-split-row": Layout(font="Times-Roman", label_share=0.35,
                                      split_row="value", breaks=True),
    "values-first-fragmented": Layout(font="Times-Roman", label_share=0.45, valign="center", page="Letter",
                                      thousands="nbsp", score="em-attached", fragmented=True,
                                      values_first=True, seed=2),
    "wide-labels-small-margins": Layout(size=9.5, label_share=0.6, borders="none", valign="center",
                                        margin=1.5 * cm, facts_wrap=False),
    "small-type-values-first": Layout(font="DejaVuSans", size=8.5, borders="grid", valign="bottom",
                                      page="Letter", margin=1.5 * cm, thousands="comma",
                                      score="em-double", values_first=True),
    "large-type-split-row": Layout(font="DejaVuSans", size=11, label_share=0.4, borders="grid",
                                   valign="center", margin=3 * cm, thousands="nnbsp",
                                   split_row="label", breaks=True),
    "fragmented-dejavu-split": Layout(font="DejaVuSans", size=9, label_share=0.55, borders="none",
                                      margin=2.54 * cm, thousands="nnbsp", score="en-minus",
                                      fragmented=True, split_row="label", seed=3),
    "header-footer-page-numbers": Layout(font="Times-Roman", size=10, borders="hrules", valign="center",
                                         running_header="Index on Torture 2019 | Civic Solidarity Platform",
                                         page_numbers=True, split_row="value"),
    "section-titles-as-rows": Layout(font="Helvetica", size=10, label_share=0.45, borders="grid",
                                     section_titles="row", split_row="value"),
    "serif-letter-bottom": Layout(font="Times-Roman", size=10.5, label_share=0.6, valign="bottom",
                                  page="Letter", thousands="comma", score="em-attached",
                                  facts_wrap=False, split_rows=False, breaks=True),
    # other producers: a browser (right-aligned labels, centred values, banded rows, the header row
    # repeated overleaf, "n / N"), WeasyPrint (tight rows, spaced paragraphs, "p. n"), a browser grid
    # drawn as filled rectangles (centred labels, "Page n of N"), LaTeX (kerned words, no spaces, rules twice)
    "browser-right-labels-banded": Layout(font="Helvetica", size=10, label_share=0.42, borders="none",
                                          label_align="right", value_align="center", banded=True, header_row=True,
                                          page_numbers=True, page_number_form="{n} / {N}",
                                          running_header="Country profile, 2019", split_row="value"),
    "weasyprint-tight-rows": Layout(font="DejaVuSans", size=9, label_share=0.38, borders="none", margin=2.5 * cm,
                                    thousands="nnbsp", pad=1.5, para_space=1.5, breaks=True, page_numbers=True,
                                    page_number_form="p. {n}", split_row="value"),
    "browser-grid-rects-centred-labels": Layout(font="Times-Roman", size=10.5, label_share=0.35, borders="grid",
                                                valign="center", rule_style="rect", label_align="center",
                                                header_row=True, pad=2.0, leading=1.3, page_numbers=True,
                                                page_number_form="Page {n} of {N}", split_row="label"),
    "latex-kerned-double-rules": Layout(font="Times-Roman", size=10, label_share=0.42, borders="hrules",
                                        double_rules=True, kerned=True, pad=2.0, breaks=True, page_numbers=True,
                                        page_number_form="- {n} -"),
}
# (record, layout) pairs that random layout sweeps broke, kept as regression cases
FOUND = {
    # section titles as bold full-width rows cross the column split, which hid the split (the
    # vertical rule, the value edge and the gutter were all rejected) and every row went unread
    "row-titles-cross-the-split": ("kazakhstan_en_2019.docx", Layout(
        font="DejaVuSans", size=11, label_share=0.55, borders="grid", valign="bottom", margin=3 * cm,
        thousands="nnbsp", score="en-minus", facts_wrap=False, split_rows=False, section_titles="row",
        seed=61)),
    # borderless, fragmented: the OPCAT row breaks across pages with its long label and its
    # two-line value ("No." / "Signed in 2013 but not ratified") both continuing overleaf
    "belarus-opcat-row-breaks-page": ("belarus_en_2019.docx", Layout(
        font="Times-Roman", size=9, borders="none", margin=1.5 * cm, thousands="nbsp",
        score="em-double", fragmented=True, split_row="label", breaks=True)),
    # kerned pieces ("Crim" | "inal") were left apart on pages with narrow no-break spaces in numbers
    # (taken for spaces) or with many kerns (a low quantile of the gaps was a kern)
    "kerned-words-beside-no-break-spaces": ("moldova_en_2020.docx", Layout(
        font="DejaVuSans", size=8.5, label_share=0.45, borders="none", valign="bottom", page="Letter",
        margin=3 * cm, thousands="nnbsp", score="em-attached", values_first=True, split_rows=False,
        running_header="Index on Torture | CSP", double_rules=True, kerned=True, seed=115)),
    # a section title set as a row, wrapped so that a word gap met the (right-aligned) column gap:
    # nothing crossed the split, and the title was read as a label with a value
    "title-row-word-gap-on-the-column-gap": ("ukraine_en_2019.docx", Layout(
        font="DejaVuSans", size=10.5, label_share=0.45, borders="none", valign="center", page="Letter",
        margin=3 * cm, thousands="nbsp", score="en-minus", fragmented=True, split_rows=False, facts_wrap=False,
        running_header="Country profile", section_titles="row", label_align="right", leading=1.4,
        para_space=2.0, seed=43)),
    # the bold header cell "Value" began left of centred values, crossed the split and was taken
    # for a section title over both columns
    "bold-header-cell-left-of-centred-values": ("belarus_en_2019.docx", Layout(
        font="DejaVuSans", size=9, label_share=0.35, borders="none", margin=1.5 * cm, thousands="nnbsp",
        score="en-minus", fragmented=True, split_row="label", breaks=True, section_titles="row", value_align="center",
        leading=1.4, header_row=True, seed=136)),
    # a row split over a page break in a tight table (3 pt between label and value): the value's
    # tail overleaf took a wider gap between its own words for the column gap
    "tight-columns-row-continues-overleaf": ("russia_en_2019.docx", Layout(
        font="DejaVuSans", size=10, label_share=0.45, borders="none", valign="bottom", page="Letter",
        margin=3 * cm, thousands="nnbsp", score="em-attached", split_rows=False, split_row="label", breaks=True,
        running_header="Country profile", section_titles="row", pad=1.0, leading=1.4, banded=True, seed=113)),
    # kerned digits: "−3." | "04" read as two words (a stop ends a word, but not inside a number)
    "kerned-score": ("kazakhstan_en_2019.docx", Layout(
        font="DejaVuSans", size=9.5, label_share=0.35, borders="none", valign="bottom", page="Letter",
        thousands="nbsp", score="en-minus", split_rows=False, breaks=True, section_titles="row", page_numbers=True,
        page_number_form="{n} / {N}", leading=1.3, para_space=2.0, rule_style="rect", kerned=True, seed=13)),
    # a kerned word ("mi" | "llion") on a line of narrow no-break spaces (a grouped number): those
    # spaces' widths were taken for the line's word gaps, and the kern for one of them
    "kerned-word-beside-a-grouped-number": ("moldova_en_2020.docx", Layout(
        font="DejaVuSans", size=9.5, margin=2.5 * cm, thousands="nnbsp", section_titles="row", page_numbers=True,
        pad=1.0, leading=1.3, kerned=True, seed=118)),
    # a line with three kerns in six gaps ("Part" | "ially.", "cov" | "er"): its upper quartile gap was
    # a kern's neighbour, and the last kern stayed apart
    "kerned-line-with-several-kerns": ("armenia_en_2019.docx", Layout(
        font="DejaVuSans", size=11, label_share=0.6, borders="grid", valign="bottom", page="Letter", margin=3 * cm,
        thousands="nnbsp", values_first=True, running_header="Country profile", label_align="right", pad=1.0,
        leading=1.4, banded=True, kerned=True, seed=16)),
    # each table's columns sized apart: the table continued overleaf lost its columns (its tail has
    # no label to find them by)
    "table-continued-keeps-its-columns": ("tajikistan_en_2019.docx", Layout(
        font="DejaVuSans", size=10.5, label_share=0.4, borders="grid", margin=1.5 * cm, thousands="nnbsp",
        split_row="value", running_header="Index on Torture | CSP", section_titles="row", page_numbers=True,
        page_number_form="p. {n}", pad=2.0, leading=1.15, para_space=1.0, auto_columns=True, seed=85)),
    # centred values: overleaf, a value's first line started just left of the split the table kept
    # from the page before ("Not" crossed it by half a point and went to the label), and the tail of
    # the table has no clear strip of its own
    "continued-table-centred-value-crosses-the-kept-split": ("kazakhstan_en_2019.docx", Layout(
        font="DejaVuSans", size=11, label_share=0.4, borders="hrules", valign="top", page="A4", margin=2.5 * cm,
        thousands="nnbsp", score="en-minus", split_rows=False, facts_wrap=True, breaks=True,
        running_header="Index on Torture | CSP", page_number_form="{n} / {N}", value_align="center", pad=1.0, leading=1.2, banded=True, double_rules=True,
        seed=138)),
    # a short table at the foot of a page (a header row, one row, and a row the page break splits) with
    # centred values: no clear strip of its own and no one split for the document; it now takes the
    # columns of the table before it
    "short-table-takes-the-columns-before-it": ("kazakhstan_en_2019.docx", Layout(
        font="DejaVuSans", size=9.5, label_share=0.45, page="Letter", margin=3 * cm, thousands="comma",
        score="em-double", split_row="value", facts_wrap=False, running_header="Country profile",
        section_titles="row", page_number_form="Page {n} of {N}", value_align="center", pad=1.5, leading=1.4,
        para_space=1.0, header_row=True, seed=71)),
    # the same kind of table between a table of numbers (its split far right, in the centred numbers'
    # gap) and one of text: the nearest table's split crosses the text; the next one's fits, once
    # moved left of a value line that starts a fraction of a point before it
    "short-table-borrows-a-split-that-fits": ("russia_en_2019.docx", Layout(
        font="DejaVuSans", size=9, label_share=0.35, valign="center", page="Letter", margin=2.5 * cm,
        facts_wrap=False, breaks=True, running_header="Country profile", page_numbers=True,
        page_number_form="- {n} -", value_align="center", pad=1.5, seed=129)),
    # the facts box with no blank line between its items (one per line at the body leading, a
    # paragraph each): the whole box was read as one item, population invalid and three facts missing
    "facts-items-one-per-line-in-one-box": ("kazakhstan_en_2019.docx", Layout(
        font="Times-Roman", size=10, facts_style="lines", facts_wrap=True, borders="grid")),
    "facts-items-one-per-line-no-box": ("armenia_en_2019.docx", Layout(
        size=9.5, facts_style="plain", facts_wrap=False, borders="none", leading=1.15)),
    "facts-items-one-per-line-tight-wrapped": ("moldova_en_2020.docx", Layout(
        font="DejaVuSans", size=11, facts_style="plain", facts_wrap=True, pad=1.0, leading=1.15,
        margin=3 * cm, thousands="nnbsp")),
}


def load_truth(record):
    return json.loads((FIXTURES / f"{record}.truth.json").read_text(encoding="utf-8"))


# every (record, layout name) the pipeline is checked on -> its layout
CASES = {(record, name): lay for name, lay in LAYOUTS.items() for record in RECORDS}
CASES.update({(record, name): lay for name, (record, lay) in FOUND.items()})


def case(rendered, record, name):
    """The shared rendering of one case (skips the test when its font is not installed)."""
    return rendered(record, name, CASES[record, name])


class LayoutRun(NamedTuple):
    code: int  # the run's exit code
    values_csv: bool  # whether the run wrote values.csv
    sources: dict  # (record, name) -> the case's source in values.csv ("<name>/<file>")
    rows: dict  # source -> its values.csv rows
    failures: dict  # source -> "category: message" from failures.csv


def pipeline_cases(session) -> list[tuple[str, str]]:
    """The cases of the pipeline tests this session runs (all of them, unless some are deselected)."""
    wanted = []
    for item in session.items:
        if getattr(item, "path", None) != Path(__file__) or not hasattr(item, "callspec"):
            continue
        params = item.callspec.params
        if item.originalname == "test_pipeline_reads_every_layout":
            wanted.append((params["record"], params["name"]))
        elif item.originalname == "test_pipeline_reads_found_cases":
            wanted.append((FOUND[params["name"]][0], params["name"]))
    return wanted


@pytest.fixture(scope="module")
def layout_run(request, rendered, tmp_path_factory) -> LayoutRun:
    """`pipeline run` once over every case the pipeline tests check, each in a folder of its own."""
    from pipeline.cli import main as cli_main

    in_dir, out = tmp_path_factory.mktemp("layouts-in"), tmp_path_factory.mktemp("layouts-out")
    sources = {}
    for record, name in pipeline_cases(request.session):
        try:
            pdf = case(rendered, record, name).pdf
        except pytest.skip.Exception:  # the test itself skips for the same reason
            continue
        (in_dir / name).mkdir(exist_ok=True)
        shutil.copy(pdf, in_dir / name / pdf.name)
        sources[record, name] = f"{name}/{pdf.name}"
    try:
        code = cli_main(["run", str(in_dir), "--out", str(out)])
    except SystemExit as e:
        code = e.code
    rows, failures = {}, {}
    if (out / "values.csv").exists():
        for row in load_rows(out):
            rows.setdefault(row["source"], []).append(row)
    if (out / "failures.csv").exists():
        with open(out / "failures.csv", newline="", encoding="utf-8") as f:
            failures = {r["source"]: f"{r['category']}: {r['message']}" for r in csv.DictReader(f)}
    return LayoutRun(code, (out / "values.csv").exists(), sources, rows, failures)


# --- the pipeline on every layout --------------------------------------------------------

@pytest.mark.parametrize("name", LAYOUTS)
@pytest.mark.parametrize("record", RECORDS)
def test_pipeline_reads_every_layout(rendered, layout_run, record, name):
    check_pipeline(rendered, layout_run, record, name)


@pytest.mark.parametrize("name", FOUND)
def test_pipeline_reads_found_cases(rendered, layout_run, name):
    check_pipeline(rendered, layout_run, FOUND[name][0], name)


def check_pipeline(rendered, run, record, name):
    printed = case(rendered, record, name).printed
    assert run.values_csv, f"no values.csv (exit code {run.code})"
    source = run.sources[record, name]
    rows = run.rows.get(source, [])
    assert rows, f"{source} not in values.csv (exit code {run.code}; {run.failures.get(source, 'not failed')})"
    res = evaluate_rows(rows, printed)
    problems = [f"{m.field or 'unmapped row'} (page {m.page}): {m.reason}" for m in res.mismatches]
    assert not problems, f"layout {name}, {record}:\n  " + "\n  ".join(problems)
    assert res.fields_ok == res.fields_total == 32
    assert res.unmapped_kept == res.unmapped_total == len(printed["unmapped"])


@pytest.mark.slow
def test_random_layout_sweep(tmp_path):
    """tests/layout_sweep.py's random layouts of every fixture record, one fixed seed: none misread."""
    import layout_sweep

    if not render.dejavu_available():
        pytest.skip("DejaVu Sans is not installed")
    lines = []
    failed, drawn = layout_sweep.sweep(seed=1, n=50, tmp=tmp_path, out=lines.append)
    assert drawn >= 40, "\n".join(lines)
    assert failed == 0, "\n".join(lines)


# --- the renderer itself -----------------------------------------------------------------

def fold(text):
    return unicodedata.normalize("NFKC", text or "").split()


def pdf_words(pages):
    """The folded words of a rendering's pages (Rendered.words)."""
    words = {w for page in pages for x in page for w in fold(x)}
    return words | {w.lstrip("\u2014\u2013") for w in words}  # "—-40.5": the dash attached to the score


def absent_words(text, words):
    """Truth words not drawn; a word broken after an inner hyphen ("anti-" / "corruption") counts."""
    return [w for w in fold(text)
            if w not in words and not all(p in words for p in re.split(r"(?<=\w-)(?=\w)", w))]


@pytest.mark.slow  # reads every rendering with pdfplumber a second time; the pipeline tests above read them all
@pytest.mark.parametrize("name", LAYOUTS)
@pytest.mark.parametrize("record", RECORDS)
def test_rendered_pdf_has_every_truth_word(rendered, record, name):
    drawn = case(rendered, record, name)
    pdf, printed, words = drawn.pdf, drawn.printed, pdf_words(drawn.words)
    absent = {fid: absent_words(want["text"], words) for fid, want in printed["fields"].items()
              if want["status"] != "missing"}
    for row in printed["unmapped"]:
        absent[row["label"]] = absent_words(row["label"] + " " + row["text"], words)
    assert not {k: v for k, v in absent.items() if v}
    assert printed["source"] == pdf.name and re.fullmatch(r"[a-z]+_en_\d{4}\.docx\.pdf", pdf.name)
    truth = load_truth(record)
    for fid, want in printed["fields"].items():  # only the texts of numbers may change
        assert {k: v for k, v in want.items() if k != "text"} == \
            {k: v for k, v in truth["fields"][fid].items() if k != "text"}


def test_missing_field_is_not_drawn(rendered):
    assert "workload" not in pdf_words(case(rendered, "moldova_en_2020.docx", "word-default").words)


def test_render_is_deterministic(rendered, tmp_path):
    truth = load_truth("kazakhstan_en_2019.docx")
    for name in ("fragmented-grid", "word-default"):
        again = tmp_path / f"again-{name}.pdf"
        render.render(truth, LAYOUTS[name], again)
        assert again.read_bytes() == case(rendered, "kazakhstan_en_2019.docx", name).pdf.read_bytes()


def test_layouts_cover_every_parameter_value():
    used = {k: {getattr(lay, k) for lay in LAYOUTS.values()} for k in vars(Layout())}
    fonts = {"Helvetica", "Times-Roman"} | ({"DejaVuSans"} if render.dejavu_available() else set())
    assert fonts <= used["font"]
    assert {"grid", "hrules", "none"} <= used["borders"]
    assert {"top", "center", "bottom"} <= used["valign"]
    assert {"A4", "Letter"} <= used["page"]
    assert set(render.SEPARATORS) <= used["thousands"]
    assert set(render.SCORE_FORMS) <= used["score"]
    for flag in ("fragmented", "values_first", "facts_wrap", "breaks", "split_rows"):
        assert {True, False} <= used[flag]
    assert {None, "value", "label"} <= used["split_row"]
    assert min(used["size"]) == 8.5 and max(used["size"]) == 11
    assert min(used["label_share"]) == 0.35 and max(used["label_share"]) == 0.6
    assert len(used["margin"]) >= 3


@pytest.mark.parametrize("name", LAYOUTS)
@pytest.mark.parametrize("record", RECORDS)
def test_split_row_value_continues_on_next_page(rendered, record, name):
    lay = LAYOUTS[name]
    drawn = case(rendered, record, name)
    printed, words = drawn.printed, drawn.words
    split = [v.split(":")[1] for v in printed["variations"] if v.startswith("row-splits-page:")]
    if lay.split_row:
        assert split, name
    if lay.split_row == "label":
        assert any(f"label-splits-page:{fid}" in printed["variations"] for fid in split), name
    elif not lay.split_rows:
        assert not split, name
    pages = [set(page) for page in words]
    for fid in split:  # the page ends inside the value, the next page goes on with it
        value = fold(printed["fields"][fid]["text"])
        i = next(i for i in range(len(pages) - 1)
                 if set(value) <= pages[i] | pages[i + 1] and value[-1] in pages[i + 1])
        assert set(value) - pages[i] and value[0] in pages[i], (name, fid)


def test_special_characters_are_drawn(rendered):
    drawn = case(rendered, "kazakhstan_en_2019.docx", "dejavu-borderless-bottom")
    pdf, printed = drawn.pdf, drawn.printed
    with pdfplumber.open(pdf) as doc:
        chars = "".join(c["text"] for c in doc.pages[0].chars)
    assert "\u202f" in chars and "\u2013 \u22123.04" in chars
    assert printed["fields"]["index_score"]["text"] == "\u22123.04"
    assert printed["fields"]["prison_population"]["text"] == "23 635"


def test_numbers_follow_the_layout(rendered):
    printed = case(rendered, "kazakhstan_en_2019.docx", "comma-centred").printed
    assert printed["fields"]["prison_population"]["text"] == "23,635"
    assert printed["fields"]["law_enforcement_budget"]["text"] == "417,611,910 KZT"
    assert printed["fields"]["population_million"]["text"] == "18.28 million"
    assert printed["fields"]["index_score"]["text"] == "-3.04"
    printed = case(rendered, "kazakhstan_en_2019.docx", "word-default").printed
    assert printed["fields"]["index_score"]["text"] == "--3.04"


def test_fragmented_and_stream_order(rendered):
    pdf = case(rendered, "kazakhstan_en_2019.docx", "values-first-fragmented").pdf
    with pdfplumber.open(pdf) as doc:
        stream = ["".join(c["text"] for c in page.chars) for page in doc.pages]
    # no space characters, except the no-break spaces inside numbers, which reportlab
    # writes as plain spaces in the text layer
    assert not any(re.search(r"(?<!\d) | (?!\d)", s) for s in stream)
    page = next(s for s in stream if "Unsatisfactory" in s)
    assert page.index("Unsatisfactory") < page.index("Accessto,andsafekeeping")
    pdf = case(rendered, "kazakhstan_en_2019.docx", "word-default").pdf
    with pdfplumber.open(pdf) as doc:
        page = "".join(c["text"] for c in doc.pages[-1].chars)
    assert page.index("Access to, and safekeeping") < page.index("Unsatisfactory")


def test_standard_fonts_refuse_characters_they_cannot_draw(tmp_path):
    truth = load_truth("kazakhstan_en_2019.docx")
    with pytest.raises(ValueError, match="cannot draw"):
        render.render(truth, Layout(thousands="nnbsp"), tmp_path / "x.pdf")
