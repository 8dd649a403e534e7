"""Static HTML review site for an output folder: `pipeline review OUTDIR`.

OUTDIR/review/index.html lists the reports (status counts, warnings, failures); one page per report
lists every field beside PNG images of the PDF pages, each value's bounding box drawn over the image.
Everything is local (no network, no external assets) and opens from disk. Every piece of text that
came from a PDF goes through Jinja2's autoescaping; the templates never mark it safe.

The PDFs are found from each report's `source` (relative to the run's INPUT): INPUT is read from the
`run` event of OUTDIR/log.jsonl (`input_path`), or given with `--input DIR`.
"""
from __future__ import annotations

import hashlib
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ...core import __version__
from ...core.codebook import default_codebook
from ...core.keys import file_of
from ...core.models import BBox, FieldValue, Report
from ...outdir.atomic import atomic_write
from ...outdir.cells import format_value
from ...outdir.eventlog import read_log
from ...outdir.names import FAILURES, LOG, PANEL, REVIEW_DIR, STATUSES, json_name
from ...outdir.read import DamagedOutput, read_reports, read_rows
from ...run.discover import display_name, locate
from ...run.runner import Limits  # the same limits as `pipeline run`
from .pages import lowered, render_isolated
from .trends import country_trends, spark_svg

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = ("review.css", "review.js")
DEFAULT_RESOLUTION = 110  # dpi of the page images


@dataclass
class ReviewResult:
    index: Path
    reports: int = 0
    pages_rendered: int = 0
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
        "correction": fixed,
    }


def report_context(report: Report, pages: list[dict], problem: str | None) -> dict:
    rows, boxes_by_page = [], {p["n"]: [] for p in pages}
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


def build_review(outdir: Path, input_path: Path | None = None, resolution: int = DEFAULT_RESOLUTION,
                 limits: Limits = Limits()) -> ReviewResult:
    """Write OUTDIR/review/ (replaced whole on every build) and return where its index is."""
    outdir = Path(outdir)
    reports = sorted(read_reports(outdir), key=lambda r: r.source)  # DamagedOutput without json/
    events = read_log(outdir)
    input_path = Path(input_path).resolve() if input_path else run_input(events)
    review = outdir / REVIEW_DIR
    if review.exists():
        shutil.rmtree(review)
    (review / "img").mkdir(parents=True)
    (review / "assets").mkdir()
    for name in ASSETS:
        shutil.copyfile(TEMPLATES / name, review / "assets" / name)

    env = environment()
    site = site_id(outdir)
    page_tpl, index_tpl = env.get_template("review_report.html.j2"), env.get_template("review_index.html.j2")
    result = ReviewResult(index=review / "index.html", reports=len(reports))
    entries = []
    for i, report in enumerate(reports):
        name = page_name(report.source)
        pdf, pages, problem = find_pdf(input_path, file_of(report.source)), [], None
        if pdf is None:
            where = input_path if input_path else f"(no input folder recorded in {LOG})"
            problem = f"PDF not found: {report.source} under {display_name(str(where))}; rerun with --input DIR"
        else:
            # a page image is a convenience: whatever happens, the field list is still written
            pages, problem = render_isolated(pdf, review / "img", name[: -len(".html")], resolution, limits,
                                             report.page_numbers)
            result.pages_rendered += len(pages)
            result.notes += lowered(report.source, pages, resolution)
        if problem:
            result.problems.append(problem)
        ctx = report_context(report, pages, problem)
        ctx.update(prev=page_name(reports[i - 1].source) if i > 0 else None,
                   next=page_name(reports[i + 1].source) if i + 1 < len(reports) else None,
                   version=__version__, site=site)
        atomic_write(review / name, page_tpl.render(**ctx))
        codes = warning_codes(report)
        entries.append({"report": report, "page": name, "counts": ctx["counts"], "warnings": sum(codes.values()),
                        "codes": sorted(codes.items()), "problem": problem,
                        "coverage": f"{report.coverage.ratio:.1%}" if report.coverage else ""})
    totals = {s: sum(e["counts"][s] for e in entries) for s in STATUSES}
    atomic_write(result.index, index_tpl.render(
        entries=entries, totals=totals, input_path=display_name(str(input_path or "")),
        outdir=display_name(str(outdir)), version=__version__, statuses=STATUSES, site=site,
        warnings_total=sum(e["warnings"] for e in entries), **index_extras(outdir, events)))
    return result


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


def main_review(outdir: Path, input_path: Path | None = None, resolution: int = DEFAULT_RESOLUTION,
                timeout: float = Limits.timeout, max_memory_mb: int = Limits.max_memory_mb) -> int:
    from ...run.isolate import MIN_MEMORY_MB

    problem = None
    if not 10 <= resolution <= 600:
        problem = f"--resolution must be from 10 to 600 dpi, not {resolution}"
    elif not timeout > 0 or max_memory_mb < MIN_MEMORY_MB:
        problem = f"--timeout must be above 0 and --max-memory at least {MIN_MEMORY_MB} MB"
    elif input_path is not None and not Path(input_path).exists():
        problem = f"--input {input_path} does not exist"
    if problem:
        print(f"pipeline review: {problem}", file=sys.stderr)
        return 2
    try:
        result = build_review(outdir, input_path, resolution, Limits(timeout, max_memory_mb))
    except DamagedOutput as e:  # not an output folder, or one of its files damaged: one line
        print(f"pipeline review: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # a full disk, a read-only OUTDIR: one line, exit 3
        print(f"pipeline review: cannot write {e.filename or Path(outdir) / REVIEW_DIR}: {e.strerror or e}",
              file=sys.stderr)
        return 3
    for p in result.problems:
        print(f"warning: {p}", file=sys.stderr)
    for n in result.notes:
        print(f"note: {n}", file=sys.stderr)
    print(f"review site: {result.reports} reports, {result.pages_rendered} page images -> {result.index}")
    return 1 if result.problems else 0
