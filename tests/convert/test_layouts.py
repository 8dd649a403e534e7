"""Generalize across layouts: the pipeline must read the same record in every layout.

tests/support/render.py draws a profile from a truth record in a named layout (fonts, sizes,
column shares, rulings, alignment, page size, margins, digit grouping, score forms,
fragmented words, content-stream order, rows split across pages; tests/support/layouts.py names them).
Each (record, layout) is drawn once per session (the `rendered` fixture in tests/conftest.py); the
pipeline runs once over all of them (`layout_run`) and pipeline.tools.evaluate compares each one's
values.csv rows with the truth as printed. The renderer self-tests at the bottom need no pipeline.
"""
import re
import shutil
import unicodedata
from pathlib import Path
from typing import NamedTuple

import pdfplumber
import pytest

from pipeline.outdir.names import FAILURES, VALUES
from pipeline.outdir.read import read_rows
from pipeline.tools.evaluate import evaluate_rows
from tests.support import fixture_truth as load_truth, render
from tests.support.layouts import CASES, FOUND, LAYOUTS, RECORDS
from tests.support.render import Layout


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
    rows = {}
    for row in read_rows(out, VALUES, missing_ok=True):
        rows.setdefault(row["source"], []).append(row)
    failures = {r["source"]: f"{r['category']}: {r['message']}" for r in read_rows(out, FAILURES, missing_ok=True)}
    return LayoutRun(code, (out / VALUES).exists(), sources, rows, failures)


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
    """tests/support/layout_sweep.py's random layouts of every fixture record, one fixed seed: none misread."""
    from tests.support import layout_sweep

    if not render.dejavu_available():
        pytest.skip("DejaVu Sans is not installed")
    lines = []
    tally = layout_sweep.sweep(seed=1, n=50, tmp=tmp_path, out=lines.append)
    assert tally.drawn >= 40, "\n".join(lines)
    assert tally.failed == 0 and tally.silent_errors == 0, "\n".join(lines)
    assert tally.fields_ok == tally.fields_total > 0


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


@pytest.mark.slow  # the renderer's own check: reads every rendering with pdfplumber, as the pipeline tests do
@pytest.mark.parametrize("name", LAYOUTS)
@pytest.mark.parametrize("record", RECORDS)
def test_split_row_value_continues_on_next_page(rendered, record, name):
    lay = LAYOUTS[name]
    drawn = case(rendered, record, name)
    printed, words = drawn.printed, drawn.words
    split = [v.split(":")[1] for v in printed["variations"] if v.startswith("row-splits-page:")]
    labels = [v.split(":")[1] for v in printed["variations"] if v.startswith("label-splits-page:")]
    if lay.split_row == "value" or lay.split_row and not lay.stacked:
        assert split, name
    if lay.split_row == "label":
        # a table's label cell goes on overleaf beside its value's; a stacked pair breaks at or in its label
        assert labels if lay.stacked else set(labels) & set(split), name
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
