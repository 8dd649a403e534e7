"""The review site (`pipeline review`): built for the fixtures, opened in headless Chromium.

Each page's own script writes what the browser drew into <pre id="check"> (box positions relative to
the page image, image sizes, script and resource errors, and with ?selftest what the filters and a
click on each row showed); `chromium --dump-dom` hands the DOM back after the load event. The boxes
are compared with the bounding boxes in values.csv scaled by page sizes read here with pdfplumber,
and the page image under each box must have ink in it.
"""
import html
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
from pipeline.models import FieldValue, Fragment, Issue, Report
from pipeline.review import build_review, find_pdf, page_name, value_boxes
from pipeline.write import json_name, report_document, write_json

from conftest import FIXTURES

WINDOW = (1400, 1000)
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", f"--window-size={WINDOW[0]},{WINDOW[1]}"]
HOSTILE = "<script>alert(1)</script>"


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("Chromium is needed for the review-site browser test: apt-get install chromium "
                "(scripts/test.sh installs it when run as root)")


def dump_dom(page: Path, query: str = "") -> str:
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run([chromium_binary(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom",
                               page.resolve().as_uri() + query],
                              capture_output=True, text=True, timeout=120, env={**os.environ, "LANG": "C.UTF-8"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def check_data(dom: str) -> dict:
    m = re.search(r'<pre id="check"[^>]*>(.*?)</pre>', dom, re.S)
    assert m and m.group(1).strip(), "the page script did not run (no self-check in <pre id=check>)"
    return json.loads(html.unescape(m.group(1)))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixtures laid out by year, converted, and the review site built from the log's input path."""
    raw = tmp_path_factory.mktemp("raw")
    for pdf in sorted(FIXTURES.glob("*.pdf")):
        year = re.search(r"_(\d{4})\.", pdf.name).group(1)
        (raw / year).mkdir(exist_ok=True)
        shutil.copy(pdf, raw / year / pdf.name)
    out = tmp_path_factory.mktemp("out")
    assert main(["run", str(raw), "--out", str(out)]) == 0
    assert main(["review", str(out)]) == 0
    return raw, out


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
    assert dict((s, int(n)) for s, n in cells) == {
        s: int((kaz["status"] == s).sum()) for s in ("ok", "no_data", "missing", "invalid", "unmapped")}


@pytest.mark.browser
def test_pages_in_browser(site):
    """Every report page loads without errors and draws each value's box where values.csv puts it."""
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
        sizes = page_sizes(raw / source)
        primary = {b["key"]: b for b in data["boxes"] if b["primary"]}
        with_box = set(rows.index[rows["x0"] != ""])
        assert set(primary) == with_box, source
        assert with_box, source
        for key, box in primary.items():
            r = rows.loc[key]
            w_pt, h_pt = sizes[int(r["page"])]
            sx, sy = box["img_w"] / w_pt, box["img_h"] / h_pt
            expected = (float(r["x0"]) * sx, float(r["top"]) * sy,
                        (float(r["x1"]) - float(r["x0"])) * sx, (float(r["bottom"]) - float(r["top"])) * sy)
            measured = (box["x"], box["y"], box["w"], box["h"])
            assert all(abs(m - e) <= 1.0 for m, e in zip(measured, expected)), (source, r["field"], measured, expected)
            assert box["page"] == int(r["page"])
        # the page image under each box has ink: the box is on the printed value, not beside it
        img_name = {n: Image.open(review / "img" / f"{page_name(source)[:-5]}.p{n}.png").convert("L") for n in sizes}
        for box in data["boxes"]:
            img = img_name[box["page"]]
            k = box["natural_w"] / box["img_w"]
            crop = img.crop((int(box["x"] * k), int(box["y"] * k),
                             int((box["x"] + box["w"]) * k) + 1, int((box["y"] + box["h"]) * k) + 1))
            assert crop.getextrema()[0] < 100, (source, box)
        # controls: a click (and a hover) on a row highlights exactly that row's boxes
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
    assert main(["review", str(work)]) == 1
    assert "PDF not found" in capsys.readouterr().err
    assert not list((work / "review" / "img").glob("*.png"))
    assert "PDF not found" in next((work / "review").glob("*kazakhstan*.html")).read_text(encoding="utf-8")
    # --input points at where the PDFs are now
    assert main(["review", str(work), "--input", str(moved)]) == 0
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


def test_value_boxes_over_a_page_break():
    v = FieldValue(field="x", status="ok", page=1, bbox=(10, 700, 200, 760), fragments=[
        Fragment(text="a", page=1, bbox=(10, 700, 200, 710)), Fragment(text="b", page=1, bbox=(10, 750, 150, 760)),
        Fragment(text="c", page=2, bbox=(12, 60, 90, 70)), Fragment(text="d", page=2, bbox=(12, 72, 180, 82))])
    assert value_boxes(v) == {1: (10, 700, 200, 760), 2: (12, 60, 180, 82)}
    assert value_boxes(FieldValue(field="y", status="missing")) == {}
