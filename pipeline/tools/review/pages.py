"""The review site's page images: each PDF's pages drawn to PNG in a worker process, under the limits of
`pipeline run`'s workers and forked from the same forkserver (pipeline/run/runner.py).

A module of its own, and a light one: the worker imports it to draw, and imports nothing else of the
review site (its templates, its charts).
"""
from __future__ import annotations

from pathlib import Path

from ...run.discover import display_name
from ...run.runner import Limits, _context  # the same limits, and the same forkserver, as `pipeline run`

MAX_PIXELS = 16_000_000  # per page image: an A4 page at 110 dpi is 1.2 million
MAX_SIDE = 16_000  # pixels, either side (browsers and PNG readers balk well before 65,535)


def page_resolution(width: float, height: float, resolution: float) -> float:
    """The resolution a page of width x height points is drawn at: `resolution`, lowered when the image
    would have more than MAX_PIXELS pixels or a side longer than MAX_SIDE (a 14,400 pt page at 110 dpi
    would be 22,000 x 22,000 pixels, several GB to draw)."""
    w_in, h_in = max(width, 1.0) / 72, max(height, 1.0) / 72
    cap = min((MAX_PIXELS / (w_in * h_in)) ** 0.5, MAX_SIDE / max(w_in, h_in))
    return resolution if resolution <= cap else max(1.0, float(int(cap)))


def render_pages(pdf: Path, img_dir: Path, stem: str, resolution: int, only: list[int] | None = None) -> list[dict]:
    """Render every page (or the pages in `only`: a report's, in a file of several profiles) to
    img_dir/<stem>.p<n>.png; [{n, img, width, height, resolution}] with the size in
    PDF points and the resolution the page was drawn at (lower than asked for a huge page)."""
    import pdfplumber

    pages = []
    with pdfplumber.open(pdf) as doc:
        for i, page in enumerate(doc.pages, start=1):
            if only and i not in only:
                page.close()
                continue
            name = f"{stem}.p{i}.png"
            dpi = page_resolution(float(page.width), float(page.height), resolution)
            page.to_image(resolution=dpi).original.save(img_dir / name, format="PNG", optimize=False)
            pages.append({"n": i, "img": f"img/{name}", "width": float(page.width), "height": float(page.height),
                          "resolution": dpi})
            page.close()
    return pages


def render_isolated(pdf: Path, img_dir: Path, stem: str, resolution: int, limits: Limits,
                    only: list[int] | None = None) -> tuple[list[dict], str | None]:
    """render_pages in a worker process under the memory and time limits of `pipeline run`'s workers
    (pipeline/run/isolate.py; the time limit is for all of one PDF's pages):
    (pages, None), or ([], why not) for a PDF that runs out of memory or time, or cannot be read."""
    from ...run.isolate import call

    outcome = call(render_pages, (pdf, img_dir, stem, resolution, only), limits.timeout, limits.max_memory_mb, _context())
    if outcome.ok:
        return outcome.value, None
    for stray in img_dir.glob(f"{stem}.p*.png"):  # what a stopped worker drew before it stopped
        stray.unlink(missing_ok=True)
    return [], f"could not render {display_name(str(pdf))}: {outcome.error}"


def lowered(source: str, pages: list[dict], resolution: int) -> list[str]:
    """Notes for the pages drawn at a lower resolution than asked."""
    return [f"{source}: page {p['n']} ({p['width']:.0f} x {p['height']:.0f} pt) drawn at {p['resolution']:g} dpi "
            f"instead of {resolution} (at most {MAX_PIXELS // 1_000_000} million pixels per image)"
            for p in pages if p.get("resolution", resolution) < resolution]
