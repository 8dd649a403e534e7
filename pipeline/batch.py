"""Run a batch: find the PDFs, convert each, record failures and events, write the outputs."""
from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .cache import ResultCache, file_sha256, fingerprint, manifest, output_digests, up_to_date, write_manifest
from .codebook import default_codebook
from .models import Failure, Report
from .runner import MAX_BYTES, Limits, Task, convert_one, default_workers, run_tasks  # noqa: F401 (convert_one)
from .settings import DEFAULT_SETTINGS, ExtractSettings
from .write import OutputWriter, atomic_write

RUN_INFO = "run.json"  # run-specific facts (times, reuse); every other output is deterministic
OUTPUTS = ["values.csv", "profiles.csv", "failures.csv", "log.jsonl"]  # and json/*.json


class CachedReports(Sequence):
    """The converted reports, read back one at a time from OUTDIR/cache/ when asked for: a batch of any
    size is never held in memory whole."""

    def __init__(self, load, indices: list[int]):
        self._load, self._indices = load, indices

    def __len__(self) -> int:
        return len(self._indices)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._load(j) for j in self._indices[i]]
        return self._load(self._indices[i])


@dataclass
class BatchResult:
    reports: Sequence[Report] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)  # field statuses over every report
    warnings: Counter = field(default_factory=Counter)  # warning codes over every report
    outdir: Path | None = None
    run: dict = field(default_factory=dict)  # run-specific: workers, files reused from the cache, seconds

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0

    @property
    def events(self) -> list[dict]:
        """The run's log, read back from OUTDIR/log.jsonl."""
        if self.outdir is None or not (self.outdir / "log.jsonl").exists():
            return []
        with open(self.outdir / "log.jsonl", encoding="utf-8") as f:
            return [json.loads(line) for line in f]


def find_pdfs(input_path: Path) -> list[tuple[Path, str]]:
    """(path, source) pairs; source is the path relative to INPUT, '/'-separated (the name for a file)."""
    input_path = Path(input_path)
    if input_path.is_file():
        return [(input_path, input_path.name)]
    found = [p for p in input_path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"]
    return sorted(((p, p.relative_to(input_path).as_posix()) for p in found), key=lambda t: t[1])


def report_events(report: Report) -> list[dict]:
    statuses = Counter(v.status for v in report.values)
    events = [{"event": "converted", "file": report.source, "country": report.country, "year": report.year,
               "template": report.template, "pages": report.pages, "statuses": dict(sorted(statuses.items())),
               "coverage": round(report.coverage.ratio, 4) if report.coverage else None,
               "words": ({"total": report.coverage.words_total, "placed": report.coverage.words_placed,
                          **report.coverage.by_part} if report.coverage else None)}]
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


def _outcome(entry: dict) -> str:
    return "converted" if entry["kind"] == "report" else entry["result"]["category"]


def _label(entry: dict) -> str:
    return "converted" if entry["kind"] == "report" else f"failed ({entry['result']['category']})"


class _NoWriter:
    """Stands in for OutputWriter when the outputs on disk are already up to date."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    def __getattr__(self, name):
        return lambda *args: None


def run_batch(input_path: Path, outdir: Path, settings: ExtractSettings = DEFAULT_SETTINGS,
              guard: bool = True, progress=None, *, workers: int | None = None,
              limits: Limits = Limits(), force: bool = False) -> BatchResult:
    """Convert every PDF under input_path and write the outputs to outdir.

    Each file is converted in a worker process under a time and memory limit (pipeline/runner.py);
    results are cached per file content (pipeline/cache.py) so a rerun converts only what changed,
    and `force` converts everything again. The outputs depend only on the inputs and the settings:
    not on the number of workers, on the cache, or on the order in which files finish.
    `progress(items, total)` wraps an iterator of (source, label) pairs, one per finished file.
    """
    t0, started = time.monotonic(), datetime.now(timezone.utc)
    outdir = Path(outdir)
    run_event = {"event": "run", "pipeline_version": __version__,
                 "settings": settings.model_dump(), "input": Path(input_path).name,
                 # absolute INPUT: `pipeline review` finds the PDFs from it and each report's source
                 "input_path": str(Path(input_path).resolve())}
    files = find_pdfs(input_path)
    fp = fingerprint(settings, MAX_BYTES)
    cache = ResultCache(outdir, fp)
    hashes: list[str | None] = []
    keys: list[str | None] = []
    outcomes: list[str | None] = []  # "converted" or the failure category, per file
    held: dict[int, dict] = {}  # results that are not cached (timeouts, crashes): small, kept here
    tasks: list[Task] = []
    for i, (path, source) in enumerate(files):
        try:
            digest = file_sha256(path)
        except OSError:  # unreadable: the worker reports why
            digest = None
        key = cache.key(digest, source) if digest else None
        hashes.append(digest)
        keys.append(key)
        entry = cache.get(key) if key and not force else None
        outcomes.append(_outcome(entry) if entry else None)
        if entry is None:
            tasks.append(Task(i, path, source))
    reused = len(files) - len(tasks)

    def finished():
        for (_, source), outcome in zip(files, outcomes):
            if outcome is not None:
                yield source, "cached"
        for task, entry in run_tasks(tasks, settings, workers, limits):
            if entry.pop("cacheable") and keys[task.index]:
                cache.put(keys[task.index], entry)  # at once: a killed run keeps what it finished
            else:
                held[task.index] = entry
            outcomes[task.index] = _outcome(entry)
            yield task.source, _label(entry)

    for _ in (progress(finished(), len(files)) if progress else finished()):
        pass

    def entry_at(i: int) -> dict:
        entry = held.get(i) or cache.get(keys[i])
        if entry is None:  # the cache entry went away under us
            entry = {"kind": "failure", "result": {"source": files[i][1], "category": "internal_error", "message":
                     "the converted result could not be read back from OUTDIR/cache/; run again"}}
        return entry

    def report_at(i: int) -> Report:
        return Report.model_validate(entry_at(i)["result"])

    result = BatchResult(reports=CachedReports(report_at, [i for i, o in enumerate(outcomes) if o == "converted"]),
                         outdir=outdir)
    doc = manifest(fp, guard, input_path, [{"source": s, "sha256": h, "result": o}
                                          for (_, s), h, o in zip(files, hashes, outcomes)])
    unchanged = up_to_date(outdir, doc, OUTPUTS)
    # one report at a time, in source order: into the outputs (unless the ones on disk are already
    # these, byte for byte) and into the counts of the summary
    with (_NoWriter() if unchanged else OutputWriter(outdir, default_codebook(), guard)) as writer:
        writer.add_events([run_event])
        for i, (_, source) in enumerate(files):
            entry = entry_at(i)
            if entry["kind"] == "failure":
                out = Failure.model_validate(entry["result"])
                result.failures.append(out)
                event = {"event": "failed", "file": source, "category": out.category, "message": out.message}
                if entry.get("detail"):  # a traceback or how the worker died: for the log, not the terminal
                    event["detail"] = entry["detail"]
                events = [event]
                writer.add_failure(out)
            else:
                out = Report.model_validate(entry["result"])
                events = report_events(out)
                result.statuses.update(v.status for v in out.values)
                writer.add_report(out)
            result.warnings.update(e["code"] for e in events if e["event"] == "warning")
            writer.add_events(events)
        writer.add_events([{"event": "summary", "reports_processed": len(files),
                            "converted": len(result.reports), "failed": len(result.failures),
                            "statuses": dict(sorted(result.statuses.items())),
                            "warnings": dict(sorted(result.warnings.items())),
                            "failures": dict(sorted(Counter(f.category for f in result.failures).items()))}])
    if not unchanged:
        write_manifest(outdir, {**doc, "outputs": output_digests(outdir, OUTPUTS)})
    cache.prune({k for k in keys if k})
    for stale in [*outdir.glob(".*.tmp"), *(outdir / "json").glob(".*.tmp")]:  # left by a killed run
        stale.unlink(missing_ok=True)
    result.run = {"started": started.isoformat(timespec="seconds"), "seconds": round(time.monotonic() - t0, 3),
                  "files": len(files), "reused": reused, "converted_now": len(tasks),
                  "outputs_rewritten": not unchanged,
                  "workers": min(workers or default_workers(), len(tasks)),
                  "timeout": limits.timeout, "max_memory_mb": limits.max_memory_mb, "force": force}
    atomic_write(outdir / RUN_INFO, json.dumps(result.run, indent=2) + "\n")
    return result


def summary(result: BatchResult) -> str:
    statuses, warnings = result.statuses, result.warnings
    processed = len(result.reports) + len(result.failures)
    lines = [f"reports processed: {processed}   converted: {len(result.reports)}   failed: {len(result.failures)}",
             "fields: " + "  ".join(f"{s} {statuses.get(s, 0)}" for s in
                                    ("ok", "no_data", "missing", "invalid", "unmapped"))]
    if warnings:
        lines.append("warnings: " + ", ".join(f"{k} {n}" for k, n in sorted(warnings.items())))
    else:
        lines.append("warnings: none")
    if result.run:
        lines.append(f"reused from cache: {result.run['reused']}   converted now: {result.run['converted_now']}"
                     f"   workers: {result.run['workers']}   time: {result.run['seconds']:.1f} s")
    if result.failures:
        lines.append("failures: " + ", ".join(f"{k} {n}" for k, n in
                                             sorted(Counter(f.category for f in result.failures).items())))
    for f in result.failures:
        lines.append(f"FAILED {f.source}: [{f.category}] {f.message}")
    return "\n".join(lines)
