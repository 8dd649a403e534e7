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

from .. import __version__
from ..core.models import Entry, Failure, FailureEntry, Report
from ..core.settings import DEFAULT_SETTINGS, ExtractSettings
from ..errors import OutputError
from ..outdir.atomic import atomic_write
from ..outdir.eventlog import last_event, read_log, report_events
from ..outdir.names import CACHE_DIR, JSON_DIR, OUTPUTS, PARTIAL, RUN_INFO, STATUSES
from .cache import ResultCache, file_sha256, fingerprint, manifest, output_digests, up_to_date, write_manifest
from .discover import Found, display_name, find_inputs, too_large_message
from .lock import outdir_lock
from .runner import MAX_BYTES, Limits, Task, default_workers, run_tasks, start_early

# The codebook and the writer are imported where they are used: an unchanged rerun, which writes
# nothing, starts faster without them.
if TYPE_CHECKING:
    from ..outdir.write import OutputWriter
    from ..tools.corrections import Corrections

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
    corrected: int = 0  # values a reviewer's correction replaced (--corrections)
    outdir: Path | None = None
    run: dict = field(default_factory=dict)  # run-specific: workers, files reused from the cache, seconds
    notices: list[str] = field(default_factory=list)  # warnings for the terminal (and run.json): a broken cache entry...

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0

    @property
    def events(self) -> list[dict]:
        """The run's log, read back from OUTDIR/log.jsonl."""
        return read_log(self.outdir) if self.outdir else []


def _label(entry: Entry) -> str:
    return f"failed ({entry.outcome})" if isinstance(entry, FailureEntry) else "converted"


WINDOW = 64  # results kept in memory while they wait for their turn; later ones are read back from the cache


@dataclass
class FileState:
    """One file of the batch and what is known of it so far."""

    path: Path
    source: str
    sha256: str | None = None  # None when the file cannot be read (its worker reports why)
    key: str | None = None  # in the result cache
    outcome: str | None = None  # "converted" or the failure category, once known
    held: Entry | None = None  # a result the cache does not keep (retryable, or no key): small


@dataclass
class _Plan:
    """The batch's files, where their results are, and the files to convert now."""

    files: list[FileState]
    cache: ResultCache
    tasks: list[Task] = field(default_factory=list)  # the files to convert now

    def entry_at(self, i: int) -> Entry:
        f = self.files[i]
        entry = f.held or (self.cache.get(f.key) if f.key else None)
        if entry is None:  # the cache entry went away under us
            entry = FailureEntry(result=Failure(source=f.source, category="internal_error", message=(
                "the converted result could not be read back from OUTDIR/cache/; run again")))
        return entry

    def keep(self, f: FileState, entry: Entry, limits: Limits) -> None:
        """Cache a fresh result at once (a killed run keeps what it finished). A timeout is cached under
        its time limit: a rerun with the same limit reuses it, a larger one tries again. Other results
        that depend on the machine (a crash, memory) are held, not cached: the next run tries again."""
        retryable = isinstance(entry, FailureEntry) and entry.result.retryable
        if f.key and retryable and entry.outcome == "timeout":
            f.key = self.cache.timeout_key(f.key, limits.timeout)
            self.cache.put(f.key, entry)
        elif f.key and not retryable:
            self.cache.put(f.key, entry)
        else:
            f.held = entry

    def cached(self):
        for f in self.files:
            if f.outcome is not None:
                yield f.source, _label(f.held) if f.held else "cached"


def _recount(result: BatchResult, plan: _Plan, outdir: Path) -> None:
    """The summary of an unchanged rerun, from the outputs it would have written (their digests were
    just checked): the counts from the log's last event, the failures from their cached results."""
    last = last_event(outdir) or {}
    result.statuses.update(last.get("statuses", {}))
    result.warnings.update(last.get("warnings", {}))
    result.corrected = last.get("corrected", 0)
    result.failures.extend(plan.entry_at(i).result for i, f in enumerate(plan.files) if f.outcome != "converted")


def _convert_and_write(result: BatchResult, plan: _Plan, writer: OutputWriter, run_event: dict,
                       settings: ExtractSettings, workers: int | None, limits: Limits, progress,
                       fixes: Corrections | None = None) -> None:
    """Convert the tasks and write each file's outputs in source order, as soon as the files before
    it are done: the writing overlaps the converting instead of following it."""
    window: dict[int, Entry] = {}
    next_i = 0

    def write_ready() -> None:
        nonlocal next_i
        while next_i < len(plan.files) and plan.files[next_i].outcome is not None:
            entry = window.pop(next_i, None) or plan.entry_at(next_i)
            _write_entry(result, writer, plan.files[next_i].source, entry, fixes)
            next_i += 1

    def finished():
        yield from plan.cached()
        write_ready()
        for task, entry in run_tasks(plan.tasks, settings, workers, limits):
            f = plan.files[task.index]
            plan.keep(f, entry, limits)
            f.outcome = entry.outcome
            if len(window) < WINDOW:
                window[task.index] = entry
            write_ready()
            yield task.source, _label(entry)

    with writer:
        writer.add_events([run_event])
        for _ in (progress(finished(), len(plan.files)) if progress else finished()):
            pass
        write_ready()
        panel_events = writer.add_panel()
        result.warnings.update(e["code"] for e in panel_events)
        writer.add_events(panel_events)
        writer.add_events([{"event": "summary", "reports_processed": len(plan.files),
                            "converted": sum(1 for f in plan.files if f.outcome == "converted"),
                            "failed": len(result.failures), "corrected": result.corrected,
                            "statuses": dict(sorted(result.statuses.items())),
                            "warnings": dict(sorted(result.warnings.items())),
                            "failures": dict(sorted(Counter(f.category for f in result.failures).items()))}])


def _write_entry(result: BatchResult, writer, source: str, entry: Entry, fixes: Corrections | None = None) -> None:
    if isinstance(entry, FailureEntry):
        out = entry.result
        result.failures.append(out)
        event = {"event": "failed", "file": source, "category": out.category, "message": out.message}
        if entry.detail:  # a traceback or how the worker died: for the log, not the terminal
            event["detail"] = entry.detail
        events = [event] + (fixes.unapplied(source) if fixes else [])
        writer.add_failure(out)
    else:
        out, corrected = fixes.apply(entry.result) if fixes else (entry.result, [])
        result.corrected += len(corrected)
        events = report_events(out) + corrected
        result.statuses.update(v.status for v in out.values)
        writer.add_report(out)
    result.warnings.update(e["code"] for e in events if e["event"] == "warning")
    writer.add_events(events)


def _early_failure(found: Found) -> FailureEntry | None:
    """An entry failed from what the file system says alone, before any of its content is read."""
    if found.skipped:
        category, message = found.skipped
    elif found.size > MAX_BYTES:  # not hashed: a huge (or sparse) file costs nothing
        category, message = "too_large", too_large_message(found.size, MAX_BYTES)
    else:
        return None
    return FailureEntry(result=Failure(source=found.source, category=category, message=message))


def _plan(found: list[Found], cache: ResultCache, force: bool, limits: Limits) -> _Plan:
    """Each file's cached result, or a task to convert it now."""
    plan = _Plan([FileState(f.path, f.source) for f in found], cache)
    for i, (f, entry) in enumerate(zip(plan.files, map(_early_failure, found))):
        if entry is not None:
            f.held, f.outcome = entry, entry.outcome
            continue
        try:
            f.sha256 = file_sha256(f.path)
        except OSError:  # unreadable: the worker reports why
            pass
        f.key = cache.key(f.sha256, f.source) if f.sha256 else None
        if f.key and not force:
            entry = cache.get(f.key)
            if entry is None:  # timed out before, under this same limit? (a larger one tries again)
                entry = cache.get(cache.timeout_key(f.key, limits.timeout))
                f.key = cache.timeout_key(f.key, limits.timeout) if entry is not None else f.key
        if entry is None:
            plan.tasks.append(Task(i, f.path, f.source))
        else:
            f.outcome = entry.outcome
    return plan


def _load_corrections(path: Path | None, files: list[FileState], run_event: dict) -> Corrections | None:
    """The reviewers' corrections file, read and checked (CorrectionsError) before anything is written."""
    if path is None:
        return None
    from ..tools.corrections import load_corrections  # its parsers are the converting code's: imported only here

    fixes = load_corrections(path, {f.source for f in files})
    run_event["corrections"] = {"sha256": fixes.sha256, "lines": len(fixes.lines)}
    return fixes


def _report_reader(plan: _Plan, fixes: Corrections | None):
    """Reads a converted report back from the cache, with the corrections applied as in the outputs."""
    def report_at(i: int) -> Report:
        report = plan.entry_at(i).result
        return fixes.apply(report)[0] if fixes else report
    return report_at


def run_batch(input_path: Path, outdir: Path, settings: ExtractSettings = DEFAULT_SETTINGS,
              guard: bool = True, progress=None, *, workers: int | None = None,
              limits: Limits = Limits(), force: bool = False, wait: bool = False, on_wait=None,
              corrections: Path | None = None) -> BatchResult:
    """Convert every PDF under input_path and write the outputs to outdir.

    Each file is converted in a worker process under a time and memory limit (pipeline/runner.py);
    results are cached per file content (pipeline/cache.py) so a rerun converts only what changed,
    and `force` converts everything again. The outputs depend only on the inputs and the settings:
    not on the number of workers, on the cache, or on the order in which files finish.
    `progress(items, total)` wraps an iterator of (source, label) pairs, one per finished file.
    `corrections`: a reviewers' corrections file (pipeline/corrections.py), checked before anything is
    converted or written (CorrectionsError) and applied to the reports as they are written.

    One run at a time per OUTDIR (pipeline/lock.py): another run's raises lock.Busy, or is waited for
    with `wait` (on_wait(holder) is called first). Raises errors.UsageError when INPUT has no PDF or
    OUTDIR is a file, and errors.OutputError when the outputs cannot be written (full disk, read-only
    file system): the previous outputs are then as they were and this run's temporary files are gone.
    """
    found = find_inputs(input_path)  # before OUTDIR is touched: no PDF is a usage error
    outdir = Path(outdir)
    with outdir_lock(outdir, wait, on_wait):
        partial = outdir / CACHE_DIR / PARTIAL  # outputs being written, out of the way until renamed
        try:
            return _run_locked(found, input_path, outdir, partial, settings, guard, progress, workers, limits,
                               force, corrections)
        except OSError as exc:
            raise OutputError.from_os(exc, outdir) from None
        finally:
            shutil.rmtree(partial, ignore_errors=True)


def _run_locked(found: list[Found], input_path: Path, outdir: Path, partial: Path, settings: ExtractSettings,
                guard: bool, progress, workers: int | None, limits: Limits, force: bool,
                corrections: Path | None) -> BatchResult:
    t0, started = time.monotonic(), datetime.now(timezone.utc)
    run_event = {"event": "run", "pipeline_version": __version__,
                 "settings": settings.model_dump(), "input": display_name(Path(input_path).name),
                 # absolute INPUT: `pipeline review` finds the PDFs from it and each report's source
                 "input_path": display_name(str(Path(input_path).resolve()))}
    fp = fingerprint(settings, MAX_BYTES)
    plan = _plan(found, ResultCache(outdir, fp), force, limits)
    files = plan.files
    fixes = _load_corrections(corrections, files, run_event)
    reused = len(files) - len(plan.tasks)
    if plan.tasks:
        start_early()  # the workers' forkserver imports the converting code while this process sets up

    def manifest_doc() -> dict:
        return {**manifest(fp, guard, input_path, [{"source": f.source, "sha256": f.sha256, "result": f.outcome}
                                                  for f in files]),
                "corrections": getattr(fixes, "sha256", None)}  # a changed file rewrites, converting nothing

    result = BatchResult(outdir=outdir)
    # Nothing to convert, and the outputs on disk are exactly what this run would write: leave them be.
    unchanged = not plan.tasks and up_to_date(outdir, manifest_doc(), OUTPUTS, result.notices)
    if unchanged:
        for _ in (progress(plan.cached(), len(files)) if progress else ()):
            pass
        _recount(result, plan, outdir)
    else:
        shutil.rmtree(partial, ignore_errors=True)  # what a killed run left
        from ..core.codebook import default_codebook
        from ..outdir.write import OutputWriter

        _convert_and_write(result, plan, OutputWriter(outdir, default_codebook(), guard, partial), run_event,
                           settings, workers, limits, progress, fixes)
    result.notices += [f"{p}: not a valid cache entry; ignored, and the file converted again"
                       for p in plan.cache.invalid]
    result.reports = CachedReports(_report_reader(plan, fixes),
                                   [i for i, f in enumerate(files) if f.outcome == "converted"])
    doc = manifest_doc()
    if not unchanged:
        write_manifest(outdir, {**doc, "outputs": output_digests(outdir, OUTPUTS)})
    result.run = {"started": started.isoformat(timespec="seconds"), "seconds": round(time.monotonic() - t0, 3),
                  "files": len(files), "reused": reused, "converted_now": len(plan.tasks),
                  "outputs_rewritten": not unchanged,
                  "workers": min(workers or default_workers(), len(plan.tasks)),
                  "timeout": limits.timeout, "max_memory_mb": limits.max_memory_mb, "force": force,
                  "notices": result.notices}
    _tidy(outdir, plan, result)
    return result


def _tidy(outdir: Path, plan: _Plan, result: BatchResult) -> None:
    """The clean-up after a run and its run.json: on a read-only OUTDIR whose outputs were up to date
    there is nothing to clean and run.json cannot be written, which is worth a warning, not a failure."""
    try:
        plan.cache.prune({f.key for f in plan.files if f.key})
        for stale in [*outdir.glob(".*.tmp"), *(outdir / JSON_DIR).glob(".*.tmp")]:  # left by a killed run
            stale.unlink(missing_ok=True)
        atomic_write(outdir / RUN_INFO, json.dumps(result.run, indent=2) + "\n")
    except OSError as exc:
        result.notices.append(f"{OutputError.from_os(exc, outdir)}; the outputs themselves are up to date")


def summary(result: BatchResult) -> str:
    statuses, warnings = result.statuses, result.warnings
    processed = len(result.reports) + len(result.failures)
    lines = [f"reports processed: {processed}   converted: {len(result.reports)}   failed: {len(result.failures)}",
             "fields: " + "  ".join(f"{s} {statuses.get(s, 0)}" for s in
                                    STATUSES)]
    if warnings:
        lines.append("warnings: " + ", ".join(f"{k} {n}" for k, n in sorted(warnings.items())))
    else:
        lines.append("warnings: none")
    if result.run:
        lines.append(f"reused from cache: {result.run['reused']}   converted now: {result.run['converted_now']}"
                     f"   workers: {result.run['workers']}   time: {result.run['seconds']:.1f} s")
    if result.corrected:
        lines.append(f"corrected by reviewers: {result.corrected} values")
    if result.failures:
        lines.append("failures: " + ", ".join(f"{k} {n}" for k, n in
                                             sorted(Counter(f.category for f in result.failures).items())))
    for f in result.failures:
        lines.append(f"FAILED {f.source}: [{f.category}] {f.message}")
    return "\n".join(lines)
