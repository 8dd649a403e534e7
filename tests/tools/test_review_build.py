"""How `pipeline review` builds its site: page images drawn with pypdfium2 and kept between builds (keyed by
the PDF's sha256 and the resolution), HTML written only when what it shows changed, the quick up-to-date
check, a damaged json/ document skipped, progress only on a terminal."""
import shutil
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from pipeline.cli import main
from pipeline.tools.review.command import main_review
from pipeline.tools.review.pages import page_resolution
from pipeline.tools.review.site import build_review, page_name
from pipeline.tools.review.stamp import up_to_date

from tests.support import FIXTURES


@pytest.fixture
def work(fixtures_run, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(fixtures_run.out, out, ignore=shutil.ignore_patterns("review"))
    return fixtures_run.raw, out


def files(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_images_are_drawn_once_and_kept_while_the_pdf_and_resolution_stay(work, tmp_path):
    raw, out = work
    pdfs = sorted(raw.rglob("*.pdf"))
    pages = sum(len(pdfplumber.open(p).pages) for p in pdfs)
    cold = build_review(out, resolution=40)
    assert (cold.pages_rendered, cold.pages_cached) == (pages, 0)
    # the images are the pages at the resolution asked, sized as pdfplumber reads the page
    kaz = next(p for p in pdfs if "kazakhstan" in p.name)
    with pdfplumber.open(kaz) as pdf:
        first = pdf.pages[0]
        want = (round(float(first.width) * 40 / 72), round(float(first.height) * 40 / 72))
    img = out / "review" / "img" / f"{page_name(str(kaz.relative_to(raw)))[:-5]}.p1.png"
    with Image.open(img) as im:
        assert abs(im.width - want[0]) <= 1 and abs(im.height - want[1]) <= 1
    before = files(out / "review")
    again = build_review(out, resolution=40)
    assert (again.pages_rendered, again.pages_cached, again.pages_written) == (0, pages, 0)
    assert files(out / "review") == before  # nothing rewritten
    # one PDF changed (another edition's bytes under its name): only its pages are drawn again
    moldova = next(p for p in pdfs if "moldova_en_2019" in p.name)
    shutil.copy(FIXTURES / "moldova_en_2020.docx.pdf", moldova)
    changed = build_review(out, resolution=40)
    n = len(pdfplumber.open(moldova).pages)
    assert (changed.pages_rendered, changed.pages_cached) == (n, pages - n)
    assert changed.pages_written == 0  # the same report, the same page sizes: its HTML is the same
    # another resolution: everything drawn again
    assert build_review(out, resolution=30).pages_rendered == pages


def test_a_report_no_longer_in_the_batch_leaves_no_page_behind(work):
    raw, out = work
    build_review(out, resolution=30)
    gone = next((out / "json").glob("*armenia*.json"))
    stem = gone.name[: -len(".json")]
    gone.unlink()
    result = build_review(out, resolution=30)
    assert result.pages_rendered == 0
    assert not list((out / "review").glob(f"{stem}*")) and not list((out / "review" / "img").glob(f"{stem}*"))
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    assert stem not in index and "armenia" not in index


def test_an_unchanged_rerun_returns_before_building(work, capsys, monkeypatch):
    raw, out = work
    assert main(["review", str(out), "--resolution", "30"]) == 0
    first = capsys.readouterr().out
    assert up_to_date(out, {"resolution": 30, "input": None}) is not None
    assert up_to_date(out, {"resolution": 40, "input": None}) is None  # other options: build
    import pipeline.tools.review.site as site

    def no_build(*a, **k):
        raise AssertionError("built again")

    monkeypatch.setattr(site, "build_review", no_build)
    assert main(["review", str(out), "--resolution", "30"]) == 0
    out_line = capsys.readouterr().out
    assert "0 page images drawn" in out_line and first.split(";")[1] == out_line.split(";")[1]
    # a changed report, or a page of the site removed: a build
    next((out / "json").glob("*armenia*.json")).touch()
    assert up_to_date(out, {"resolution": 30, "input": None}) is None
    monkeypatch.undo()
    assert main(["review", str(out), "--resolution", "30"]) == 0
    next((out / "review").glob("*armenia*.html")).unlink()
    assert up_to_date(out, {"resolution": 30, "input": None}) is None
    assert main(["review", str(out), "--resolution", "30"]) == 0
    assert next((out / "review").glob("*armenia*.html")).is_file()


def test_a_truncated_report_is_skipped_and_the_rest_built(work, capsys):
    raw, out = work
    damaged = next((out / "json").glob("*belarus*.json"))
    damaged.write_bytes(damaged.read_bytes()[:500])
    code = main_review(out, resolution=30)
    captured = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in captured.err
    (line,) = [x for x in captured.err.splitlines() if "belarus" in x]
    assert line.startswith(f"warning: skipped {damaged}: not valid JSON")
    review = out / "review"
    pages = [p for p in review.glob("*.html") if p.name not in ("index.html", "doubtful.html")]
    assert len(pages) == len(list((out / "json").glob("*.json"))) - 1
    assert "belarus" not in " ".join(p.name for p in pages)
    index = (review / "index.html").read_text(encoding="utf-8")
    assert 'id="skipped"' in index and "not valid JSON" in index
    # a skipped report leaves no stamp: the next review looks again
    assert up_to_date(out, {"resolution": 30, "input": None}) is None


def test_progress_only_on_a_terminal(work, capsys, monkeypatch):
    raw, out = work
    assert main(["review", str(out), "--resolution", "20"]) == 0
    err = capsys.readouterr().err
    assert err == ""  # not a terminal: quiet
    import io
    import sys

    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    shutil.rmtree(out / "review")
    assert main(["review", str(out), "--resolution", "20"]) == 0
    assert "reviewing" in tty.getvalue() and "report" in tty.getvalue()


def test_page_resolution_is_kept_for_ordinary_pages():
    assert page_resolution(595, 842, 110) == 110
