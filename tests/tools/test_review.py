"""The review site (`pipeline review`): built for the fixtures, opened in headless Chromium.

Each page's own script writes what the browser drew into <pre id="check"> (box positions relative to
the page image, image sizes, script and resource errors, and with ?selftest what the filters and a
click on each row showed); `chromium --dump-dom` hands the DOM back after the load event. The boxes
are compared with the bounding boxes in values.csv scaled by page sizes read here with pdfplumber,
and the page image under each box must have ink in it.
"""
import csv
import html
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pdfplumber
import pytest
from PIL import Image

from pipeline.cli import main
from pipeline.run.corrections import COLUMNS
from pipeline.core.models import FieldValue, Fragment, Issue, Report
from pipeline.tools.review.site import build_review, find_pdf, page_name, value_boxes
from pipeline.outdir.names import json_name
from pipeline.outdir.write import report_document, write_json

from tests.support import FIXTURES

WINDOW = (1400, 1000)
LAPTOPS = [(1366, 768), (1440, 900)]  # the widths the review site must fit
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]
HOSTILE = "<script>alert(1)</script>"


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("Chromium is needed for the review-site browser test: apt-get install chromium "
                "(scripts/test.sh installs it when run as root)")


def chromium(page: Path, *args: str, query: str = "", window=WINDOW) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([chromium_binary(), *CHROMIUM_FLAGS, f"--window-size={window[0]},{window[1]}",
                               f"--user-data-dir={profile}", *args, page.resolve().as_uri() + query],
                              capture_output=True, text=True, timeout=120, env={**os.environ, "LANG": "C.UTF-8"})


def dump_dom(page: Path, query: str = "", window=WINDOW) -> str:
    proc = chromium(page, "--dump-dom", query=query, window=window)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def check_data(dom: str) -> dict:
    m = re.search(r'<pre id="check"[^>]*>(.*?)</pre>', dom, re.S)
    assert m and m.group(1).strip(), "the page script did not run (no self-check in <pre id=check>)"
    return json.loads(html.unescape(m.group(1)))


@pytest.fixture(scope="module")
def site(fixtures_run, tmp_path_factory):
    """The fixtures laid out by year, converted (the session's run, copied), and the review site built from
    the log's input path."""
    out = tmp_path_factory.mktemp("site") / "out"
    shutil.copytree(fixtures_run.out, out)
    assert main(["review", str(out)]) == 0
    return fixtures_run.raw, out


def page_words(pdf: Path) -> dict[int, list[dict]]:
    with pdfplumber.open(pdf) as doc:
        return {i: p.extract_words() for i, p in enumerate(doc.pages, start=1)}


def words_inside(words: list[dict], box) -> list[str]:
    """The words whose centre lies in `box` (PDF points)."""
    x0, top, x1, bottom = box
    return [w["text"] for w in words
            if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]


def page_sizes(pdf: Path) -> dict[int, tuple[float, float]]:
    with pdfplumber.open(pdf) as doc:
        return {i: (float(p.width), float(p.height)) for i, p in enumerate(doc.pages, start=1)}


def test_site_files(site):
    raw, out = site
    review = out / "review"
    values = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False)
    sources = sorted(values["source"].unique())
    assert len(sources) == len(list(FIXTURES.glob("*.pdf")))
    index = (review / "index.html").read_text(encoding="utf-8")
    for source in sources:
        assert (review / page_name(source)).is_file()
        assert f'href="{page_name(source)}"' in index
    assert (review / "assets" / "review.js").is_file() and (review / "assets" / "review.css").is_file()
    pages = sum(len(page_sizes(raw / s)) for s in sources)
    assert len(list((review / "img").glob("*.png"))) == pages
    for text in [*review.glob("*.html")]:  # nothing fetched from the network
        assert not re.search(r'(src|href)="(https?:)?//', text.read_text(encoding="utf-8"))


def test_index_counts(site):
    _, out = site
    values = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False)
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    kaz = values[values["source"] == "2019/kazakhstan_en_2019.docx.pdf"]
    row = re.search(r'<tr class="filterable".*?kazakhstan_en_2019.*?</tr>', index, re.S).group(0)
    cells = re.findall(r'<td class="num st-(\w+)[^"]*">(\d+)</td>', row)
    doubted = (kaz["field"] != "") & ((kaz["warnings"] != "") | kaz["match_method"].isin(["fuzzy", "structural"]))
    assert dict((s, int(n)) for s, n in cells) == {
        **{s: int((kaz["status"] == s).sum()) for s in ("ok", "no_data", "missing", "invalid", "unmapped")},
        "okwarn": int(((kaz["status"] == "ok") & doubted).sum())}


def same_box(a, b) -> bool:
    return all(abs(x - y) < 0.01 for x, y in zip(a, b))


def check_drawn_boxes(source: str, data: dict, raw: Path, report: Report) -> None:
    """Each box is drawn where its data-bbox (PDF points) puts it, over one line's words and no others."""
    sizes, words = page_sizes(raw / source), page_words(raw / source)
    for box in data["boxes"]:
        w_pt, h_pt = sizes[box["page"]]
        sx, sy = box["img_w"] / w_pt, box["img_h"] / h_pt
        x0, top, x1, bottom = box["bbox"]
        expected = (x0 * sx, top * sy, (x1 - x0) * sx, (bottom - top) * sy)
        measured = (box["x"], box["y"], box["w"], box["h"])
        assert all(abs(m - e) <= 1.0 for m, e in zip(measured, expected)), (source, box["key"], measured, expected)
        v = report.values[box["key"]]
        lines = [f.text for f in v.fragments if same_box(f.bbox, box["bbox"])] or [v.text]
        inside = words_inside(words[box["page"]], box["bbox"])
        assert inside and all(w in lines[0] for w in inside), (source, v.field, lines, inside)


def check_csv_boxes(source: str, rows: pd.DataFrame, data: dict, raw: Path) -> None:
    """values.csv's box: the union of the value's lines on its page, or its first line; never a label."""
    words = page_words(raw / source)
    primary = {b["key"]: b for b in data["boxes"] if b["primary"]}
    with_box = set(rows.index[rows["x0"] != ""])
    assert with_box and set(primary) == with_box, source
    for key in with_box:
        r = rows.loc[key]
        mine = [b["bbox"] for b in data["boxes"] if b["key"] == key and b["page"] == int(r["page"])]
        union = tuple(f(b[i] for b in mine) for i, f in enumerate((min, min, max, max)))
        csv_box = tuple(float(r[c]) for c in ("x0", "top", "x1", "bottom"))
        assert same_box(csv_box, union) or same_box(csv_box, mine[0]), (source, r["field"], csv_box, union)
        inside = words_inside(words[int(r["page"])], csv_box)
        assert all(w in r["text"] for w in inside), (source, r["field"], inside)
        assert primary[key]["page"] == int(r["page"])


def check_ink(source: str, data: dict, review: Path) -> None:
    """The page image under each box has ink: the box is on the printed value, not beside it."""
    images = {}
    for box in data["boxes"]:
        n = box["page"]
        img = images.setdefault(n, Image.open(review / "img" / f"{page_name(source)[:-5]}.p{n}.png").convert("L"))
        k = box["natural_w"] / box["img_w"]
        crop = img.crop((int(box["x"] * k), int(box["y"] * k),
                         int((box["x"] + box["w"]) * k) + 1, int((box["y"] + box["h"]) * k) + 1))
        assert crop.getextrema()[0] < 100, (source, box)


def check_controls(source: str, rows: pd.DataFrame, data: dict) -> None:
    """A click (and a hover) on a row highlights exactly that row's boxes; the filters keep the right rows."""
    boxes_of = {}
    for b in data["boxes"]:
        boxes_of.setdefault(b["key"], []).append(b["key"])
    st = data["selftest"]
    for c in st["click"]:
        assert c["row_active"] and c["active"] == boxes_of.get(c["key"], []), (source, c)
    for h in st["hover"]:
        assert h["active"] == boxes_of.get(h["key"], []), (source, h)
    not_ok = sorted(rows.index[rows["status"] != "ok"])
    warned = sorted(rows.index[(rows["warnings"] != "") | (rows["error"] != "")])
    assert st["filters"]["all"]["rows"] == list(range(len(rows)))
    assert st["filters"]["notok"]["rows"] == not_ok
    assert st["filters"]["warn"]["rows"] == warned
    assert set(st["filters"]["notok"]["boxes"]) == set(not_ok) & set(boxes_of)


@pytest.mark.browser
def test_pages_in_browser(site):
    """Every report page loads without errors and draws each value's boxes where its lines are."""
    raw, out = site
    review = out / "review"
    values = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False)
    groups = list(values.groupby("source", sort=True))
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:  # one Chromium per page
        doms = list(pool.map(lambda g: dump_dom(review / page_name(g[0]), "?selftest"), groups))
    for (source, rows), dom in zip(groups, doms):
        rows = rows.reset_index(drop=True)
        data = check_data(dom)
        assert data["errors"] == [], (source, data["errors"])
        assert data["images"] and all(i["loaded"] for i in data["images"]), source
        assert data["rows"] == len(rows)
        report = Report.model_validate_json((out / "json" / json_name(source)).read_text(encoding="utf-8"))
        check_drawn_boxes(source, data, raw, report)
        check_csv_boxes(source, rows, data, raw)
        check_ink(source, data, review)
        check_controls(source, rows, data)


@pytest.mark.browser
def test_index_in_browser(site):
    _, out = site
    data = check_data(dump_dom(out / "review" / "index.html", "?selftest"))
    assert data["errors"] == []
    assert data["rows"] == len(list(FIXTURES.glob("*.pdf")))


def hostile_report(out: Path) -> Report:
    """The Kazakhstan report with PDF-borne text replaced by markup, plus warnings to filter on."""
    doc = json.loads(next((out / "json").glob("*kazakhstan*.json")).read_text(encoding="utf-8"))
    report = Report.model_validate(doc)
    v = report.field("prison_population")
    v.label = HOSTILE
    v.text = '<img src=x onerror="alert(2)">'
    v.warnings.append(Issue(code="pretrial_exceeds_prison", field=v.field, page=v.page,
                            message="</pre><script>alert(3)</script>"))
    t = report.field("torture_prohibited")
    t.value = t.text = "\"'><script>alert(4)</script>"
    t.answer = "<b>yes</b>"
    t.status = "invalid"
    t.error = "out_of_range: <svg onload=alert(5)>"
    report.warnings.append(Issue(code="words_not_placed", message="<iframe src=javascript:alert(6)>"))
    report.values.append(FieldValue(label=HOSTILE, text="& < > \" '", status="unmapped", page=2,
                                    bbox=(72.0, 100.0, 200.0, 112.0), rules=["<i>rule</i>"]))
    return report


@pytest.mark.browser
def test_pdf_text_is_escaped(site, tmp_path):
    raw, out = site
    work = tmp_path / "out"
    shutil.copytree(out, work, ignore=shutil.ignore_patterns("review"))
    report = hostile_report(work)
    write_json(work / "json" / json_name(report.source), report_document(report))
    result = build_review(work)
    assert result.problems == []
    page = work / "review" / page_name(report.source)
    text = page.read_text(encoding="utf-8")
    for bad in ["<script>alert", "<img src=x", "<svg", "<iframe", "<b>yes</b>", "<i>rule</i>", '"\'>']:
        assert bad not in text, bad
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in text
    assert "&lt;/pre&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in text
    index = (work / "review" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in index
    dom = dump_dom(page, "?selftest")
    data = check_data(dom)
    assert data["errors"] == []
    assert len(re.findall(r"<script\b", dom)) == 2  # the error catcher and review.js: nothing injected
    assert "<script>alert(1)</script>" not in dom and "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    keys = {v.label: i for i, v in enumerate(report.values)}
    warned = sorted(i for i, v in enumerate(report.values) if v.warnings or v.error)
    assert data["selftest"]["filters"]["warn"]["rows"] == warned
    assert keys[HOSTILE] in data["selftest"]["filters"]["notok"]["rows"]  # the hostile unmapped row
    assert set(warned) <= set(data["selftest"]["filters"]["warn"]["boxes"])


def test_input_override_and_missing_pdfs(site, tmp_path, capsys):
    raw, out = site
    work = tmp_path / "out"
    shutil.copytree(out, work, ignore=shutil.ignore_patterns("review"))
    moved = tmp_path / "moved"
    shutil.copytree(raw, moved)
    log = work / "log.jsonl"
    lines = log.read_text(encoding="utf-8").splitlines()
    run = json.loads(lines[0])
    run["input_path"] = str(tmp_path / "gone")
    log.write_text("\n".join([json.dumps(run), *lines[1:]]) + "\n", encoding="utf-8")
    # the recorded input is gone: pages are still written, without images, and the exit code says so
    # (small images: this test is about where the PDFs are, not how they are drawn)
    assert main(["review", str(work), "--resolution", "20"]) == 1
    assert "PDF not found" in capsys.readouterr().err
    assert not list((work / "review" / "img").glob("*.png"))
    assert "PDF not found" in next((work / "review").glob("*kazakhstan*.html")).read_text(encoding="utf-8")
    # --input points at where the PDFs are now
    assert main(["review", str(work), "--input", str(moved), "--resolution", "20"]) == 0
    assert list((work / "review" / "img").glob("*.png"))


def test_review_needs_an_output_folder(tmp_path, capsys):
    assert main(["review", str(tmp_path)]) == 2
    assert "pipeline run" in capsys.readouterr().err


def test_find_pdf(tmp_path):
    (tmp_path / "2019").mkdir()
    pdf = tmp_path / "2019" / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert find_pdf(tmp_path, "2019/a.pdf") == pdf.resolve()
    assert find_pdf(pdf, "a.pdf") == pdf.resolve()  # a one-file run: INPUT is the PDF
    assert find_pdf(tmp_path / "2019", "../2019/a.pdf") == pdf.resolve()
    assert find_pdf(tmp_path / "2019", "../../etc/passwd") is None  # never outside INPUT
    assert find_pdf(None, "2019/a.pdf") is None


def test_value_boxes_one_per_line():
    v = FieldValue(field="x", status="ok", page=1, bbox=(10, 700, 200, 760), fragments=[
        Fragment(text="a", page=1, bbox=(10, 700, 200, 710)), Fragment(text="b", page=1, bbox=(10, 750, 150, 760)),
        Fragment(text="c", page=2, bbox=(12, 60, 90, 70))])
    assert value_boxes(v) == [(1, (10, 700, 200, 710)), (1, (10, 750, 150, 760)), (2, (12, 60, 90, 70))]
    assert value_boxes(FieldValue(field="y", status="ok", page=1, bbox=(1, 2, 3, 4))) == [(1, (1, 2, 3, 4))]
    assert value_boxes(FieldValue(field="y", status="missing")) == []


@pytest.mark.browser
def test_a_wrapped_facts_value_is_boxed_without_its_label(site):
    """"Population - 18.28" / "million": values.csv's box is the value's first line, not the label."""
    raw, out = site
    values = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False)
    row = values[(values["iso3"] == "KAZ") & (values["field"] == "population_million")].iloc[0]
    box = tuple(float(row[c]) for c in ("x0", "top", "x1", "bottom"))
    assert words_inside(page_words(raw / row["source"])[1], box) == ["18.28"]


# ---- laptop widths: layout boxes measured in the page, and screenshots --------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("window", LAPTOPS, ids=lambda w: f"{w[0]}px")
def test_report_pages_fit_a_laptop(site, window, tmp_path):
    """Field table and page image side by side; no sideways scrolling, no clipped cell, no field id or
    code broken inside a word. Measured as element rectangles in the page, not pixels."""
    _, out = site
    review = out / "review"
    pages = sorted(p for p in review.glob("*.html") if p.name not in ("index.html", "doubtful.html"))
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        layouts = list(pool.map(lambda p: check_data(dump_dom(p, window=window)), pages))
    for page, data in zip(pages, layouts):
        lay = data["layout"]
        assert data["errors"] == [] and lay["viewport"][0] == window[0], page.name
        fields, images, table = lay["fields"], lay["pages"], lay["table"]
        assert fields["left"] >= 0 and fields["right"] <= images["left"] + 1, (page.name, fields, images)
        assert abs(fields["top"] - images["top"]) < 1 and images["right"] <= window[0] + 1, page.name
        assert fields["width"] >= 0.5 * window[0] and lay["image"]["width"] >= 0.38 * window[0], page.name
        assert lay["page_scroll_x"] == 0 and lay["fields_scroll_x"] == 0, page.name
        assert table["right"] <= fields["right"] + 0.5, page.name
        assert lay["clipped"] == [], (page.name, lay["clipped"][:5])
        assert lay["broken"] == [], (page.name, lay["broken"][:5])
    for name in ("index.html", "doubtful.html"):
        index = check_data(dump_dom(review / name, window=window))
        assert index["errors"] == [] and index["layout"]["page_scroll_x"] == 0, name
        assert index["layout"]["clipped"] == [], name
    # screenshots at this width (looked at by a person; the test compares the boxes above)
    kaz = next(p for p in pages if "kazakhstan" in p.name)
    for name, page in (("report", kaz), ("index", review / "index.html")):
        shot = tmp_path / f"{name}-{window[0]}.png"
        assert chromium(page, f"--screenshot={shot}", window=window).returncode == 0
        assert Image.open(shot).size == window


@pytest.mark.browser
def test_every_row_has_a_correction_control_and_the_export_is_the_corrections_file(site, tmp_path):
    """Correct a value in the browser (from file://, no server), take the CSV the export link downloads,
    and run the pipeline with it: the value is corrected."""
    raw, out = site
    kaz = next((out / "review").glob("*kazakhstan*.html"))
    data = check_data(dump_dom(kaz, "?selftest&fixfield=prison_population&fixvalue=23%20636"))
    fix = data["selftest"]["fix"]
    assert data["errors"] == [] and fix["forms"] == data["rows"]
    assert (fix["count"], fix["pending"], fix["download"], fix["href"]) == ("1", True, "corrections.csv", "blob:")
    rows = list(csv.DictReader(io.StringIO(fix["csv"])))
    assert list(rows[0]) == COLUMNS and len(rows) == 1
    assert (rows[0]["source"], rows[0]["field"], rows[0]["was"], rows[0]["value"], rows[0]["reviewer"]) == (
        "2019/kazakhstan_en_2019.docx.pdf", "prison_population", "23635", "23 636", "selftest")
    work = tmp_path / "out"
    shutil.copytree(out, work, ignore=shutil.ignore_patterns("review"))
    (tmp_path / "corrections.csv").write_text(fix["csv"], encoding="utf-8")
    assert main(["run", str(raw), "--out", str(work), "--corrections", str(tmp_path / "corrections.csv")]) == 0
    values = pd.read_csv(work / "values.csv", dtype=str, keep_default_na=False).set_index(["iso3", "field"])
    assert tuple(values.loc[("KAZ", "prison_population"), ["value", "origin"]]) == ("23636", "corrected")


@pytest.fixture(scope="module")
def troubled(tmp_path_factory):
    """A batch with a failed file, two editions of Moldova 2019 that disagree, a year missing for
    Kazakhstan and a large jump for Moldova (the last two made with corrections)."""
    raw = tmp_path_factory.mktemp("raw")
    for name in ["kazakhstan_en_2019.docx.pdf", "moldova_en_2019.docx.pdf", "moldova_en_2020.docx.pdf"]:
        shutil.copy(FIXTURES / name, raw / name)
    (raw / "reissue").mkdir()
    shutil.copy(FIXTURES / "moldova_en_2019.docx.pdf", raw / "reissue" / "moldova_en_2019.docx.pdf")
    (raw / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    (raw / "notes.pdf").write_text("not a pdf")
    out = tmp_path_factory.mktemp("out")
    assert main(["run", str(raw), "--out", str(out)]) == 1
    was = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False).set_index(["source", "field"])["value"]
    fixes = tmp_path_factory.mktemp("fix") / "c.csv"
    fixes.write_text("source,field,was,value,note\n"
                     f"moldova_en_2020.docx.pdf,prison_population,{was[('moldova_en_2020.docx.pdf', 'prison_population')]},"
                     "20000,test jump\n"
                     f"reissue/moldova_en_2019.docx.pdf,pretrial_detention,"
                     f"{was[('reissue/moldova_en_2019.docx.pdf', 'pretrial_detention')]},1,test conflict\n",
                     encoding="utf-8")
    assert main(["run", str(raw), "--out", str(out), "--corrections", str(fixes)]) == 1
    assert main(["review", str(out), "--resolution", "20"]) == 0  # small images: its tests read the index
    return out


def test_index_puts_failures_and_conflicts_first(troubled):
    index = (troubled / "review" / "index.html").read_text(encoding="utf-8")
    summary = re.search(r'<div class="card bad" id="failed-summary">(.*?)</div>', index, re.S).group(1)
    assert "Failed files: 2" in summary and 'href="#failures"' in summary
    failures = pd.read_csv(troubled / "failures.csv")
    for category, n in failures["category"].value_counts().items():
        assert f'<span class="code">{category}</span>&nbsp;×{n}' in summary
    assert index.index('id="failed-summary"') < index.index('<table class="reports') < index.index('id="failures"')
    conflicts = re.search(r'<div class="card warnbg" id="conflicts">(.*?)</div>\n</section>', index, re.S).group(1)
    panel = pd.read_csv(troubled / "panel.csv", dtype=str, keep_default_na=False)
    assert list(panel[panel["conflicts"] != ""]["conflicts"]) == ["pretrial_detention"]
    assert "<b>MDA 2019</b>: pretrial_detention" in conflicts and "1 edition_mismatch warnings" in conflicts


@pytest.mark.browser
def test_trends_mark_missing_years_and_the_diffs_large_jumps(troubled):
    from pipeline.tools.diff import DEFAULT_THRESHOLD, relative_change

    index = (troubled / "review" / "index.html").read_text(encoding="utf-8")
    panel = pd.read_csv(troubled / "panel.csv", dtype=str, keep_default_na=False)
    charts = {(iso3, m.group(1)): (m.group(2).split(), m.group(3).split())
              for iso3, row in re.findall(r'<tr data-iso3="(\w+)">(.*?)</tr>', index, re.S)
              for m in re.finditer(r'data-series="(\w+)" data-missing="([\d ]*)" data-jumps="([\d ]*)"', row)}
    assert charts[("KAZ", "index_score")] == (["2020"], [])
    assert charts[("MDA", "prison_population")] == ([], ["2020"])
    assert charts[("MDA", "pretrial_detention")] == (["2019"], [])  # the editions disagree: no value
    for (iso3, field), (_, jumps) in charts.items():  # the same rule as pipeline diff's large_jump
        mine = panel[(panel["iso3"] == iso3) & (panel[field] != "")].sort_values("year")
        expected = [y for (a, y0), (b, y) in zip(zip(mine[field], mine["year"]), zip(mine[field][1:], mine["year"][1:]))
                    if (relative_change(a, b) or 0) > DEFAULT_THRESHOLD]
        assert jumps == expected, (iso3, field)
    data = check_data(dump_dom(troubled / "review" / "index.html", window=LAPTOPS[0]))
    assert data["errors"] == [] and data["layout"]["page_scroll_x"] == 0
