"""Static HTML review site for an output folder: `pipeline review OUTDIR` (command.py).

OUTDIR/review/index.html lists the reports (status counts, warnings, failures); doubtful.html the values
that carry a doubt, across the reports, most doubtful first (doubt.py); one page per report lists every
field beside PNG images of the PDF pages, each value's bounding box drawn over the image. A rebuild
draws again only the images of PDFs that changed (pages.py) and writes again only the pages whose
inputs changed (their keys in review/state.json).
Everything is local (no network, no external assets) and opens from disk. Every piece of text that
came from a PDF goes through Jinja2's autoescaping; the templates never mark it safe.

The PDFs are found from each report's `source` (relative to the run's INPUT): INPUT is read from the
`run` event of OUTDIR/log.jsonl (`input_path`), or given with `--input DIR`.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ...core import __version__
from ...core.keys import file_of
from ...core.models import BBox, FieldValue, Report
from ...outdir.atomic import atomic_write
from ...run.cache import file_sha256
from ...outdir.cells import format_value
from ...outdir.eventlog import read_log
from ...outdir.names import FAILURES, LOG, PANEL, REVIEW_DIR, STATUSES, json_name
from ...outdir.read import DamagedOutput, read_report_bytes, read_rows, report_paths
from ...run.discover import display_name, locate
from ...run.runner import Limits  # the same limits as `pipeline run`
from .doubt import doubt, doubtful_rows
from .stamp import stamp
from .pages import cached_pages, lowered, remember, render_context, render_isolated
from .trends import country_trends, spark_svg

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = ("review.css", "review.js")
DEFAULT_RESOLUTION = 110  # dpi of the page images
DOUBTFUL = "doubtful.html"
STATE = "state.json"  # what the last build wrote, and from what (its keys); the PDFs' sha256


@dataclass
class ReviewResult:
    index: Path
    reports: int = 0
    pages_rendered: int = 0  # page images drawn by this build
    pages_cached: int = 0  # page images an earlier build drew, of the same PDF at the same resolution
    pages_written: int = 0  # HTML pages written (the others were as they are)
    doubtful: int = 0  # values listed in doubtful.html
    skipped: list[str] = field(default_factory=list)  # json/ documents that could not be read
    problems: list[str] = field(default_factory=list)  # PDFs not found or not renderable
    notes: list[str] = field(default_factory=list)  # pages drawn at a lower resolution than asked


def word_breaks(text: str) -> Markup:
    """An identifier (field id, rule, warning code) that may wrap only after its `_` or `:`, never inside
    a word: each part in a <span class="seg">, a <wbr> between them."""
    parts = [p for p in regex.split(r"(?<=[_:])", text) if p]
    return Markup("<wbr>").join(Markup('<span class="seg">{}</span>').format(p) for p in parts)


def environment() -> Environment:
    env = Environment(loader=PackageLoader("pipeline.tools.review", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["wbr"] = word_breaks
    return env


def run_input(events: list[dict]) -> Path | None:
    """The absolute INPUT recorded by `pipeline run` (None for logs written before it was recorded)."""
    run = next((e for e in events if e.get("event") == "run"), None)
    if not (run and run.get("input_path")):
        return None
    return locate(Path("/"), run["input_path"])  # a part that is not UTF-8 was recorded escaped


def find_pdf(input_path: Path | None, source: str) -> Path | None:
    """The PDF of a report: INPUT/source for a folder, INPUT itself for a one-file run."""
    if input_path is None:
        return None
    if input_path.is_file():
        candidates = [input_path] if input_path.name == source else [locate(input_path.parent, source)]
    else:
        candidates = [locate(input_path, source)]  # a name that is not UTF-8 is escaped in `source`
    root = (input_path.parent if input_path.is_file() else input_path).resolve()
    for c in candidates:
        c = c.resolve()
        if c.is_file() and (c == input_path.resolve() or root in c.parents):  # never outside INPUT
            return c
    return None


def page_name(source: str) -> str:
    return json_name(source)[: -len(".json")] + ".html"


def value_boxes(v: FieldValue) -> list[tuple[int, BBox]]:
    """The boxes to draw for a value, (page, box): one per line it was read from (its fragments), so that a
    value wrapped under its label ("Population - 18.28" / "million") is outlined without the label, and a
    cell continued over a page break has its lines on both pages; the value's own box when it has no
    fragments."""
    if v.fragments:
        return [(f.page, BBox(*f.bbox)) for f in v.fragments]
    if v.page is not None and v.bbox is not None:
        return [(v.page, BBox(*v.bbox))]
    return []


def _pct(a: float, total: float) -> str:
    return f"{100.0 * a / total:.4f}"


def _row(key: int, v: FieldValue, kinds: dict[str, str], boxes: list[tuple[int, BBox]]) -> dict:
    fixed = v.correction
    return {
        "key": key, "field": v.field, "section": v.section, "label": v.label,
        "value": format_value(v.value), "unit": v.unit or "", "answer": v.answer or "", "text": v.text,
        "status": v.status, "page": v.page, "rules": v.rules, "error": v.error or "",
        "warnings": [{"code": w.code, "message": w.message} for w in v.warnings],
        "bbox": ", ".join(f"{c:.1f}" for c in v.bbox) if v.bbox else "",
        "fragments": [f"p{f.page} {f.text}" for f in v.fragments],
        "box_pages": sorted({n for n, _ in boxes}), "kind": kinds.get(v.field, ""),
        # a correction names the value the extraction read (the corrections file's `was`)
        "was": format_value(fixed.extracted_value) if fixed else format_value(v.value),
        "correction": fixed, "doubt": round(doubt(v)[0], 1) if v.field else 0,
    }


def report_context(report: Report, pages: list[dict], problem: str | None) -> dict:
    rows, boxes_by_page = [], {p["n"]: [] for p in pages}
    from ...core.codebook import default_codebook  # only when a page is written: a rerun skips it

    kinds = {f.id: f.type for f in default_codebook().fields}
    for key, v in enumerate(report.values):
        boxes = value_boxes(v)
        rows.append(_row(key, v, kinds, boxes))
        for i, (n, (x0, top, x1, bottom)) in enumerate(boxes):
            page = next((p for p in pages if p["n"] == n), None)
            if page is None:
                continue
            boxes_by_page[n].append({
                "key": key, "status": v.status, "primary": i == 0, "cont": n != v.page,
                "warn": bool(v.warnings or v.error), "title": v.field or v.label,
                "bbox": f"{x0:.2f},{top:.2f},{x1:.2f},{bottom:.2f}",
                "left": _pct(x0, page["width"]), "top": _pct(top, page["height"]),
                "width": _pct(x1 - x0, page["width"]), "height": _pct(bottom - top, page["height"]),
            })
    for p in pages:
        p["boxes"] = boxes_by_page[p["n"]]
    return {"report": report, "rows": rows, "pages": pages, "problem": problem,
            "counts": status_counts(report), "report_warnings": report.warnings,
            "fields": [v.field for v in report.values if v.field]}


def status_counts(report: Report) -> dict[str, int]:
    c = Counter(v.status for v in report.values)
    return {s: c.get(s, 0) for s in STATUSES}


def warning_codes(report: Report) -> Counter:
    return Counter([w.code for w in report.warnings] + [w.code for v in report.values for w in v.warnings])


def read_batch(outdir: Path) -> tuple[list[tuple[Report, bytes]], list[str]]:
    """The reports of OUTDIR/json/ (with each document's bytes, for the build's keys), and a one-line
    message for each document that cannot be read (cut short, not a report): those are skipped, the rest
    are reviewed. MissingOutput without json/."""
    reports, skipped = [], []
    for path in report_paths(outdir):
        try:
            data = path.read_bytes()
        except OSError as e:
            skipped.append(f"skipped {path}: cannot read: {e.strerror or e}")
            continue
        try:
            reports.append((read_report_bytes(path, data, outdir), data))
        except DamagedOutput as e:
            skipped.append(f"skipped {e}")
    return sorted(reports, key=lambda r: r[0].source), skipped


def _key(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _templates_key() -> str:
    return _key(*(p.read_bytes().hex() for p in sorted(TEMPLATES.iterdir()) if p.is_file()))


def write_if_changed(path: Path, text: str | bytes) -> bool:
    data = text.encode() if isinstance(text, str) else text
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write(path, data)
    return True


@dataclass
class _Item:
    report: Report
    data: bytes
    name: str  # its page, <stem>.html
    pdf: Path | None = None
    sha256: str | None = None
    pages: list[dict] | None = None  # None: to draw
    problem: str | None = None


def _no_progress(total: int):
    class Quiet:
        def update(self, n: int = 1) -> None: ...
        def close(self) -> None: ...
    return Quiet()


def build_review(outdir: Path, input_path: Path | None = None, resolution: int = DEFAULT_RESOLUTION,
                 limits: Limits = Limits(), progress=None, workers: int | None = None,
                 stamp_options: dict | None = None) -> ReviewResult:
    """Write OUTDIR/review/ and return where its index is. Only what changed is done again: a PDF's page
    images are drawn again when the PDF (its sha256) or the resolution changed (pages.py), an HTML page is
    written again when what it shows changed (its key, in review/state.json), and files of an earlier
    build that this one does not write (a report no longer in the batch) are removed. `progress(total)`
    gives a bar (tqdm's interface: update, close) counting the reports as their images are ready.
    `stamp_options`: record a stamp (stamp.py) under these options, for the command's quick check."""
    outdir = Path(outdir)
    batch, skipped = read_batch(outdir)  # MissingOutput without json/
    events = read_log(outdir)
    input_path = Path(input_path).resolve() if input_path else run_input(events)
    review = outdir / REVIEW_DIR
    img = review / "img"
    img.mkdir(parents=True, exist_ok=True)
    (review / "assets").mkdir(exist_ok=True)
    for name in ASSETS:
        write_if_changed(review / "assets" / name, (TEMPLATES / name).read_bytes())
    state_path = review / STATE
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
        state = state if isinstance(state, dict) else {}
    except (OSError, ValueError):
        state = {}
    hashes = state.get("pdfs", {}) if isinstance(state.get("pdfs"), dict) else {}

    result = ReviewResult(index=review / "index.html", reports=len(batch), skipped=skipped)
    items = []
    for report, data in batch:
        item = _Item(report, data, page_name(report.source))
        item.pdf = find_pdf(input_path, file_of(report.source))
        if item.pdf is None:
            where = input_path if input_path else f"(no input folder recorded in {LOG})"
            item.problem = f"PDF not found: {report.source} under {display_name(str(where))}; rerun with --input DIR"
        else:
            try:
                item.sha256 = _pdf_sha256(item.pdf, hashes)
            except OSError as e:  # found but not readable (permissions): the page is written without images
                item.pdf, item.problem = None, f"could not read {display_name(str(item.pdf))}: {e.strerror or e}"
                items.append(item)
                continue
            item.pages = cached_pages(img, item.name[: -len(".html")], item.sha256, resolution)
            if item.pages is not None:
                result.pages_cached += len(item.pages)
        items.append(item)

    bar = (progress or _no_progress)(len(items))
    env = None
    try:
        for item in items:
            if item.pages is not None or item.pdf is None:
                bar.update(1)
        todo = [i for i in items if i.pdf is not None and i.pages is None]
        if todo:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(max_workers=1) as drawer:
                drawing = drawer.submit(_draw, todo, img, resolution, limits, bar, result, workers)
                env = _warm_up()  # while the workers draw: what writing the pages needs
                drawing.result()
    finally:
        bar.close()
    for item in items:
        if item.problem:
            result.problems.append(item.problem)
        result.notes += lowered(item.report.source, item.pages or [], resolution)

    site, templates = site_id(outdir), _templates_key()
    keys, written = {}, {"index.html", DOUBTFUL, STATE}
    old_keys = state.get("keys", {}) if isinstance(state.get("keys"), dict) else {}
    for i, item in enumerate(items):
        prev = items[i - 1].name if i > 0 else None
        nxt = items[i + 1].name if i + 1 < len(items) else None
        key = _key(hashlib.sha256(item.data).hexdigest(), item.pages, item.problem, prev, nxt, __version__, site,
                   templates)
        keys[item.name] = key
        written.add(item.name)
        if old_keys.get(item.name) == key and (review / item.name).is_file():
            continue
        env = env or environment()
        ctx = report_context(item.report, [dict(p) for p in item.pages or []], item.problem)
        ctx.update(prev=prev, next=nxt, version=__version__, site=site)
        result.pages_written += write_if_changed(review / item.name,
                                                 env.get_template("review_report.html.j2").render(**ctx))

    extras_files = [outdir / n for n in (FAILURES, PANEL, LOG)]
    index_key = _key(keys, [item.problem for item in items], [f.read_bytes().hex() if f.is_file() else None
                                                               for f in extras_files[:2]],
                     hashlib.sha256(extras_files[2].read_bytes()).hexdigest() if extras_files[2].is_file() else None,
                     display_name(str(input_path or "")), display_name(str(outdir)), skipped, __version__, templates)
    keys["index.html"] = index_key
    if old_keys.get("index.html") != index_key or not all((review / n).is_file() for n in ("index.html", DOUBTFUL)):
        env = env or environment()
        entries = [_entry(item) for item in items]
        totals = {s: sum(e["counts"][s] for e in entries) for s in STATUSES}
        common = dict(input_path=display_name(str(input_path or "")), outdir=display_name(str(outdir)),
                      version=__version__, site=site, skipped=skipped)
        pages_of = {id(item.report): item.name for item in items}
        rows = doubtful_rows([item.report for item in items], lambda r: pages_of[id(r)])
        result.doubtful = len(rows)
        result.pages_written += write_if_changed(result.index, env.get_template("review_index.html.j2").render(
            entries=entries, totals=totals, statuses=STATUSES, doubtful_count=len(rows),
            warnings_total=sum(e["warnings"] for e in entries), **common, **index_extras(outdir, events)))
        result.pages_written += write_if_changed(review / DOUBTFUL, env.get_template("review_doubtful.html.j2")
                                                 .render(rows=rows, reports=len(items), **common))
    else:
        result.doubtful = state.get("doubtful", 0)
    _remove_stale(review, written, items)
    used = {str(i.pdf) for i in items if i.pdf}  # the PDFs of this batch only
    state = {"keys": keys, "pdfs": {p: h for p, h in hashes.items() if p in used}, "doubtful": result.doubtful}
    if stamp_options is not None and not (result.problems or result.skipped):
        state["stamp"] = stamp(outdir, review, stamp_options, [LOG, FAILURES, PANEL], [i.pdf for i in items if i.pdf],
                               {"reports": result.reports, "pages": result.pages_rendered + result.pages_cached,
                                "doubtful": result.doubtful, "notes": result.notes})
    write_if_changed(state_path, json.dumps(state, sort_keys=True))
    return result


def _warm_up() -> Environment:
    """The templates compiled and the codebook loaded, for the pages to write."""
    from ...core.codebook import default_codebook

    env = environment()
    for name in ("review_report.html.j2", "review_index.html.j2", "review_doubtful.html.j2"):
        env.get_template(name)
    default_codebook()
    return env


def _entry(item: _Item) -> dict:
    report = item.report
    codes = warning_codes(report)
    counts = status_counts(report)
    return {"report": report, "page": item.name, "counts": counts, "warnings": sum(codes.values()),
            "codes": sorted(codes.items()), "problem": item.problem,
            "ok_warn": sum(1 for v in report.values if v.status == "ok" and doubt(v)[0] > 0),
            "coverage": f"{report.coverage.ratio:.1%}" if report.coverage else "",
            "coverage_n": report.coverage.ratio if report.coverage else -1}


def _pdf_sha256(pdf: Path, hashes: dict) -> str:
    """The PDF's sha256, taken from the last build's record while its size and modification time are
    the same (a rerun does not read every PDF again)."""
    st = pdf.stat()
    stamp = [st.st_size, st.st_mtime_ns]
    known = hashes.get(str(pdf))
    if isinstance(known, dict) and known.get("stat") == stamp and isinstance(known.get("sha256"), str):
        return known["sha256"]
    sha = file_sha256(pdf)
    hashes[str(pdf)] = {"stat": stamp, "sha256": sha}
    return sha


def _draw(todo: list[_Item], img: Path, resolution: int, limits: Limits, bar, result: ReviewResult,
          workers: int | None) -> None:
    """Draw the page images of `todo`, a worker process per PDF, as many at a time as `pipeline run` has
    workers."""
    if not todo:
        return
    from concurrent.futures import ThreadPoolExecutor, as_completed

    from ...run.runner import default_workers

    ctx = render_context()
    n = max(1, min(workers or default_workers(), len(todo)))
    with ThreadPoolExecutor(max_workers=n) as pool:
        futures = {pool.submit(render_isolated, item.pdf, img, item.name[: -len(".html")], resolution, limits, ctx,
                                   item.report.page_numbers): item for item in todo}
        for future in as_completed(futures):
            item = futures[future]
            pages, problem = future.result()
            if problem:
                item.pages, item.problem = [], problem
            else:
                item.pages = pages
                remember(img, item.name[: -len(".html")], item.sha256, resolution, pages)
                result.pages_rendered += len(pages)
            bar.update(1)


def _remove_stale(review: Path, written: set[str], items: list[_Item]) -> None:
    """Remove what an earlier build wrote and this one does not: the pages and images of reports no longer
    in the batch (or whose PDF has fewer pages now)."""
    images = {Path(p["img"]).name for item in items for p in item.pages or []}
    images |= {item.name[: -len(".html")] + ".json" for item in items if item.pages}
    for path in review.glob("*.html"):
        if path.name not in written:
            path.unlink(missing_ok=True)
    for path in (review / "img").iterdir():
        if path.is_file() and path.name not in images:
            path.unlink(missing_ok=True)


def index_extras(outdir: Path, events: list[dict]) -> dict:
    """What the index shows above the reports: the failures by category, the editions' conflicts, and
    the trends across years."""
    failures = read_rows(outdir, FAILURES, missing_ok=True)
    panel = read_rows(outdir, PANEL, missing_ok=True)
    years, trends = country_trends(panel)
    for t in trends:
        t["charts"] = [(s, spark_svg(s, years)) for s in t["series"]]
    conflicts = [r for r in panel if r.get("conflicts")]
    mismatches = [e for e in events if e.get("event") == "warning" and e.get("code") == "edition_mismatch"]
    return {"failures": failures, "failure_counts": sorted(Counter(f["category"] for f in failures).items()),
            "years": years, "trends": trends, "conflicts": conflicts, "mismatches": mismatches}


def site_id(outdir: Path) -> str:
    """Names the corrections a reviewer collects on this site (in the browser's storage), apart from
    another output folder's."""
    return hashlib.sha1(str(Path(outdir).resolve()).encode()).hexdigest()[:12]
from .command import main_review  # noqa: E402,F401 (the command, for callers of site.main_review)
