"""The review site's page images: each PDF's pages drawn to PNG with pypdfium2 (PDFium, the renderer
pdfplumber's own `to_image` calls, without opening the PDF with pdfminer first), in a worker process
under the limits of `pipeline run`'s workers (pipeline/run/isolate.py).

The images are kept between builds: OUTDIR/review/img/<stem>.json records the PDF's sha256, the
resolution asked and each page's size, so a rebuild on an unchanged PDF at the same resolution draws
nothing (`cached`); a PDF that changed, or another resolution, draws its pages again.

A module of its own, and a light one: the worker's forkserver preloads it to draw, and it imports nothing
else of the review site (its templates, its charts) nor of the converting code.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

MAX_PIXELS = 16_000_000  # per page image: an A4 page at 110 dpi is 1.2 million
MAX_SIDE = 16_000  # pixels, either side (browsers and PNG readers balk well before 65,535)
# zlib level 1: the fastest lossless setting; an A4 page at 110 dpi is ~80 kB either way (level 6, PIL's
# default, is 2% smaller and takes 50% longer)
PNG_LEVEL = 1
# what the forkserver the images are drawn from imports once, for every worker it forks
RENDER_MODULES = ["pipeline.run._forkserver", "pipeline.tools.review.pages", "pypdfium2", "PIL.PngImagePlugin"]
CACHE_VERSION = 1  # bump when the way the images are drawn changes: every image is drawn again


def page_resolution(width: float, height: float, resolution: float) -> float:
    """The resolution a page of width x height points is drawn at: `resolution`, lowered when the image
    would have more than MAX_PIXELS pixels or a side longer than MAX_SIDE (a 14,400 pt page at 110 dpi
    would be 22,000 x 22,000 pixels, several GB to draw)."""
    w_in, h_in = max(width, 1.0) / 72, max(height, 1.0) / 72
    cap = min((MAX_PIXELS / (w_in * h_in)) ** 0.5, MAX_SIDE / max(w_in, h_in))
    return resolution if resolution <= cap else max(1.0, float(int(cap)))


def _write(path: Path, data: bytes) -> None:
    """Beside the target, then renamed over it (no half-drawn image is ever read; no fsync: the site can
    always be drawn again)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def render_pages(pdf: Path, img_dir: Path, stem: str, resolution: int, only: list[int] | None = None) -> list[dict]:
    """Render every page (or the pages in `only`: a report's, in a file of several profiles) to
    img_dir/<stem>.p<n>.png; [{n, img, width, height, resolution}] with the size in
    PDF points (the page's box as pdfplumber reads it: the values' boxes are in its coordinates) and the
    resolution the page was drawn at (lower than asked for a huge page)."""
    import io

    import pypdfium2 as pdfium

    pages = []
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for i in range(len(doc)):
            if only and i + 1 not in only:
                continue
            page = doc[i]
            try:
                width, height = page.get_size()  # the crop box, rotation applied, as pdfplumber's page
                dpi = page_resolution(width, height, resolution)
                image = page.render(scale=dpi / 72).to_pil()
                buf = io.BytesIO()
                image.save(buf, format="PNG", compress_level=PNG_LEVEL)
                name = f"{stem}.p{i + 1}.png"
                _write(Path(img_dir) / name, buf.getvalue())
                pages.append({"n": i + 1, "img": f"img/{name}", "width": float(width), "height": float(height),
                              "resolution": dpi})
            finally:
                page.close()
    finally:
        doc.close()
    return pages


def cached_pages(img_dir: Path, stem: str, sha256: str, resolution: int) -> list[dict] | None:
    """The pages drawn by an earlier build of the same PDF (same sha256) at the same resolution, when
    every image is still there; None otherwise."""
    try:
        meta = json.loads((Path(img_dir) / f"{stem}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("key") != [CACHE_VERSION, sha256, resolution]:
        return None
    pages = meta.get("pages")
    if not isinstance(pages, list) or not all(isinstance(p, dict) and (Path(img_dir).parent / str(p.get("img"))).is_file()
                                              for p in pages):
        return None
    return pages


def remember(img_dir: Path, stem: str, sha256: str, resolution: int, pages: list[dict]) -> None:
    """Record what was drawn (after the images: a build stopped halfway leaves no record, and draws again)."""
    _write(Path(img_dir) / f"{stem}.json",
           json.dumps({"key": [CACHE_VERSION, sha256, resolution], "pages": pages}).encode())


def render_context():
    """The forkserver the images are drawn from: the one `pipeline run` uses when it is already running
    (a review after a run in one process), else one that preloads only this module (the converting
    code would take longer to import than the pages take to draw)."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    from multiprocessing import forkserver

    if getattr(forkserver._forkserver, "_forkserver_pid", None) is None:  # not started yet
        ctx.set_forkserver_preload(RENDER_MODULES)
    return ctx


def start_early() -> None:
    """Start the drawing forkserver now (it imports RENDER_MODULES while the command imports the site's
    code), unless one is running already."""
    ctx = render_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def render_isolated(pdf: Path, img_dir: Path, stem: str, resolution: int, limits, context=None,
                    only: list[int] | None = None) -> tuple[list[dict], str | None]:
    """render_pages in a worker process under the memory and time limits of `pipeline run`'s workers
    (pipeline/run/isolate.py; the time limit is for all of one PDF's pages):
    (pages, None), or ([], why not) for a PDF that runs out of memory or time, or cannot be read."""
    from ...run.discover import display_name
    from ...run.isolate import call

    outcome = call(render_pages, (pdf, img_dir, stem, resolution, only), limits.timeout, limits.max_memory_mb,
                   context or render_context())
    if outcome.ok:
        return outcome.value, None
    for stray in Path(img_dir).glob(f"{stem}.p*.png"):  # what a stopped worker drew before it stopped
        stray.unlink(missing_ok=True)
    return [], f"could not render {display_name(str(pdf))}: {outcome.error}"


def lowered(source: str, pages: list[dict], resolution: int) -> list[str]:
    """Notes for the pages drawn at a lower resolution than asked."""
    return [f"{source}: page {p['n']} ({p['width']:.0f} x {p['height']:.0f} pt) drawn at {p['resolution']:g} dpi "
            f"instead of {resolution} (at most {MAX_PIXELS // 1_000_000} million pixels per image)"
            for p in pages if p.get("resolution", resolution) < resolution]
