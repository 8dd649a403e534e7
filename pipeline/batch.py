"""Run a batch: find the PDFs, convert each, record failures and events, write the outputs."""
from __future__ import annotations

import json
import shutil
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .atomic import atomic_write
from .cache import CACHE_DIR, ResultCache, file_sha256, fingerprint, manifest, output_digests, up_to_date, write_manifest
from .runner import MAX_BYTES, Limits, Task, convert_one, default_workers, run_tasks, start_early  # noqa: F401 (convert_one)
from .settings import DEFAULT_SETTINGS, ExtractSettings

# The models, the codebook and the writer are imported where they are used: an unchanged rerun, which
# writes nothing and reads back only its failures, starts faster without them.
if TYPE_CHECKING:
    from .models import Failure, Report
    from .write import OutputWriter

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
    for t in report.tables:  # how each table's value column and rows were found
        events.append({"event": "table", "file": report.source, **t.model_dump()})
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


WINDOW = 64  # results kept in memory while they wait for their turn; later ones are read back from the cache


@dataclass
class _Plan:
    """The batch's files and what is known of each: content hash, cache key, outcome so far."""

    files: list[tuple[Path, str]]
    cache: ResultCache
    hashes: list[str | None] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)
    outcomes: list[str | None] = field(default_factory=list)  # "converted" or the failure category
    held: dict[int, dict] = field(default_factory=dict)  # results not cached (timeouts, crashes): small
    tasks: list[Task] = field(default_factory=list)  # the files to convert now

    def entry_at(self, i: int) -> dict:
        entry = self.held.get(i) or self.cache.get(self.keys[i])
        if entry is None:  # the cache entry went away under us
            entry = {"kind": "failure", "result": {"source": self.files[i][1], "category": "internal_error",
                     "message": "the converted result could not be read back from OUTDIR/cache/; run again"}}
        return entry

    def cached(self):
        for (_, source), outcome in zip(self.files, self.outcomes):
            if outcome is not None:
                yield source, "cached"


def _recount(result: BatchResult, plan: _Plan, outdir: Path) -> None:
    """The summary of an unchanged rerun, from the outputs it would have written (their digests were
    just checked): the counts from the log's last event, the failures from their cached results."""
    with open(outdir / "log.jsonl", "rb") as f:
        f.seek(max(0, f.seek(0, 2) - 65536))
        last = json.loads(f.read().splitlines()[-1])
    result.statuses.update(last.get("statuses", {}))
    result.warnings.update(last.get("warnings", {}))
    failed = [i for i, o in enumerate(plan.outcomes) if o != "converted"]
    if failed:
        from .models import Failure

        result.failures.extend(Failure.model_validate(plan.entry_at(i)["result"]) for i in failed)


def _convert_and_write(result: BatchResult, plan: _Plan, writer: OutputWriter, run_event: dict,
                       settings: ExtractSettings, workers: int | None, limits: Limits, progress) -> None:
    """Convert the tasks and write each file's outputs in source order, as soon as the files before
    it are done: the writing overlaps the converting instead of following it."""
    window: dict[int, dict] = {}
    next_i = 0

    def write_ready() -> None:
        nonlocal next_i
        while next_i < len(plan.files) and plan.outcomes[next_i] is not None:
            entry = window.pop(next_i, None) or plan.entry_at(next_i)
            _write_entry(result, writer, plan.files[next_i][1], entry)
            next_i += 1

    def finished():
        yield from plan.cached()
        write_ready()
        for task, entry in run_tasks(plan.tasks, settings, workers, limits):
            if entry.pop("cacheable") and plan.keys[task.index]:
                plan.cache.put(plan.keys[task.index], entry)  # at once: a killed run keeps what it finished
            else:
                plan.held[task.index] = entry
            plan.outcomes[task.index] = _outcome(entry)
            if len(window) < WINDOW:
                window[task.index] = entry
            write_ready()
            yield task.source, _label(entry)

    with writer:
        writer.add_events([run_event])
        for _ in (progress(finished(), len(plan.files)) if progress else finished()):
            pass
        write_ready()
        writer.add_events([{"event": "summary", "reports_processed": len(plan.files),
                            "converted": sum(1 for o in plan.outcomes if o == "converted"),
                            "failed": len(result.failures),
                            "statuses": dict(sorted(result.statuses.items())),
                            "warnings": dict(sorted(result.warnings.items())),
                            "failures": dict(sorted(Counter(f.category for f in result.failures).items()))}])


def _report(entry: dict) -> Report:
    from .models import Report

    return Report.model_validate(entry["result"])


def _write_entry(result: BatchResult, writer, source: str, entry: dict) -> None:
    from .models import Failure, Report

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
    fp = fingerprint(settings, MAX_BYTES)
    plan = _Plan(find_pdfs(input_path), ResultCache(outdir, fp))
    for i, (path, source) in enumerate(plan.files):
        try:
            digest = file_sha256(path)
        except OSError:  # unreadable: the worker reports why
            digest = None
        key = plan.cache.key(digest, source) if digest else None
        plan.hashes.append(digest)
        plan.keys.append(key)
        entry = plan.cache.get(key) if key and not force else None
        plan.outcomes.append(_outcome(entry) if entry else None)
        if entry is None:
            plan.tasks.append(Task(i, path, source))
    files, keys, outcomes = plan.files, plan.keys, plan.outcomes
    reused = len(files) - len(plan.tasks)
    if plan.tasks:
        start_early()  # the workers' forkserver imports the converting code while this process sets up

    def manifest_doc() -> dict:
        return manifest(fp, guard, input_path, [{"source": s, "sha256": h, "result": o}
                                               for (_, s), h, o in zip(files, plan.hashes, outcomes)])

    result = BatchResult(outdir=outdir)
    partial = outdir / CACHE_DIR / "partial"  # outputs being written, out of the way until renamed into place
    # Nothing to convert, and the outputs on disk are exactly what this run would write: leave them be.
    unchanged = not plan.tasks and up_to_date(outdir, manifest_doc(), OUTPUTS)
    if unchanged:
        for _ in (progress(plan.cached(), len(files)) if progress else ()):
            pass
        _recount(result, plan, outdir)
    else:
        shutil.rmtree(partial, ignore_errors=True)  # what a killed run left
        from .codebook import default_codebook
        from .write import OutputWriter

        _convert_and_write(result, plan, OutputWriter(outdir, default_codebook(), guard, partial), run_event,
                           settings, workers, limits, progress)
    result.reports = CachedReports(lambda i: _report(plan.entry_at(i)),
                                   [i for i, o in enumerate(outcomes) if o == "converted"])
    doc = manifest_doc()
    if not unchanged:
        write_manifest(outdir, {**doc, "outputs": output_digests(outdir, OUTPUTS)})
    plan.cache.prune({k for k in keys if k})
    for stale in [*outdir.glob(".*.tmp"), *(outdir / "json").glob(".*.tmp")]:  # left by a killed run
        stale.unlink(missing_ok=True)
    shutil.rmtree(partial, ignore_errors=True)
    result.run = {"started": started.isoformat(timespec="seconds"), "seconds": round(time.monotonic() - t0, 3),
                  "files": len(files), "reused": reused, "converted_now": len(plan.tasks),
                  "outputs_rewritten": not unchanged,
                  "workers": min(workers or default_workers(), len(plan.tasks)),
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
