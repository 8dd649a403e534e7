"""Run a batch: find the PDFs, convert each, record failures and events, write the outputs."""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .codebook import default_codebook
from .failures import NotAProfile, classify, precheck
from .models import Failure, Report
from .process import process_pdf
from .settings import DEFAULT_SETTINGS, ExtractSettings
from .write import write_outputs

MAX_BYTES = 200 * 1024 * 1024


@dataclass
class BatchResult:
    reports: list[Report] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


def find_pdfs(input_path: Path) -> list[tuple[Path, str]]:
    """(path, source) pairs; source is the path relative to INPUT, '/'-separated (the name for a file)."""
    input_path = Path(input_path)
    if input_path.is_file():
        return [(input_path, input_path.name)]
    found = [p for p in input_path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"]
    return sorted(((p, p.relative_to(input_path).as_posix()) for p in found), key=lambda t: t[1])


def convert_one(path: Path, source: str, settings: ExtractSettings = DEFAULT_SETTINGS) -> Report | Failure:
    """Convert one file; every expected failure comes back as a Failure, never as an exception."""
    early = precheck(path, MAX_BYTES)
    if early is not None:
        return early.model_copy(update={"source": source})
    try:
        report = process_pdf(path, source, settings)
        mapped = sum(1 for v in report.values if v.field and v.status != "missing")
        if report.template is None and mapped < 3:
            raise NotAProfile("not a country profile: no index title and fewer than 3 known indicators "
                              f"({mapped} found)")
        return report
    except Exception as exc:  # every failure is recorded as data; the batch goes on
        return classify(source, exc)


def report_events(report: Report) -> list[dict]:
    statuses = Counter(v.status for v in report.values)
    events = [{"event": "converted", "file": report.source, "country": report.country, "year": report.year,
               "template": report.template, "pages": report.pages, "statuses": dict(sorted(statuses.items())),
               "coverage": round(report.coverage.ratio, 4) if report.coverage else None}]
    for w in report.warnings:
        events.append({"event": "warning", "file": report.source, "code": w.code, "message": w.message})
    for v in report.values:
        if v.field and v.rules:
            events.append({"event": "rules", "file": report.source, "field": v.field, "rules": v.rules})
        for w in v.warnings:
            events.append({"event": "warning", "file": report.source, "field": v.field or None,
                           "label": v.label, "page": v.page, "code": w.code, "message": w.message})
        if v.status == "invalid":
            events.append({"event": "invalid", "file": report.source, "field": v.field, "label": v.label,
                           "page": v.page, "code": (v.error or "invalid").split(":", 1)[0], "message": v.error})
        elif v.status == "unmapped":
            events.append({"event": "unmapped", "file": report.source, "label": v.label, "page": v.page,
                           "text": v.text})
    missing = [v.field for v in report.values if v.status == "missing"]
    if missing:
        events.append({"event": "missing", "file": report.source, "fields": missing})
    if report.coverage and report.coverage.unplaced:
        events.append({"event": "unplaced_words", "file": report.source, "words": report.coverage.unplaced})
    return events


def run_batch(input_path: Path, outdir: Path, settings: ExtractSettings = DEFAULT_SETTINGS,
              guard: bool = True, progress=None) -> BatchResult:
    result = BatchResult()
    result.events.append({"event": "run", "pipeline_version": __version__,
                          "settings": settings.model_dump(), "input": Path(input_path).name,
                          # absolute INPUT: `pipeline review` finds the PDFs from it and each report's source
                          "input_path": str(Path(input_path).resolve())})
    files = find_pdfs(input_path)
    for path, source in (progress(files) if progress else files):
        out = convert_one(path, source, settings)
        if isinstance(out, Failure):
            result.failures.append(out)
            result.events.append({"event": "failed", "file": source, "category": out.category,
                                  "message": out.message})
        else:
            result.reports.append(out)
            result.events += report_events(out)
    result.events.append({"event": "summary", "reports_processed": len(files),
                          "converted": len(result.reports), "failed": len(result.failures),
                          "statuses": dict(sorted(Counter(v.status for r in result.reports
                                                          for v in r.values).items())),
                          "warnings": dict(sorted(Counter(e["code"] for e in result.events
                                                          if e["event"] == "warning").items())),
                          "failures": dict(sorted(Counter(f.category for f in result.failures).items()))})
    write_outputs(outdir, result.reports, result.failures, result.events, default_codebook(), guard)
    return result


def summary(result: BatchResult) -> str:
    statuses = Counter(v.status for r in result.reports for v in r.values)
    warnings = Counter(e["code"] for e in result.events if e["event"] == "warning")
    processed = len(result.reports) + len(result.failures)
    lines = [f"reports processed: {processed}   converted: {len(result.reports)}   failed: {len(result.failures)}",
             "fields: " + "  ".join(f"{s} {statuses.get(s, 0)}" for s in
                                    ("ok", "no_data", "missing", "invalid", "unmapped"))]
    if warnings:
        lines.append("warnings: " + ", ".join(f"{k} {n}" for k, n in sorted(warnings.items())))
    else:
        lines.append("warnings: none")
    if result.failures:
        lines.append("failures: " + ", ".join(f"{k} {n}" for k, n in
                                             sorted(Counter(f.category for f in result.failures).items())))
    for f in result.failures:
        lines.append(f"FAILED {f.source}: [{f.category}] {f.message}")
    return "\n".join(lines)
