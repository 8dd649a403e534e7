"""Run a batch: find the PDFs (discover.py), plan them (plan.py), convert what changed in worker processes
(runner.py) and write each file's outputs in source order as soon as it and the files before it are done
(outdir/write.py), all under OUTDIR's lock (lock.py)."""
from __future__ import annotations

import json
import shutil
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import __version__
from ..core.codebook_files import CodebookFiles, legacy_notice
from ..core.limits import MAX_BYTES
from ..core.models import Entry, Failure, FailureEntry, Report
from ..core.settings import DEFAULT_SETTINGS, ExtractSettings
from ..errors import OutputError
from ..outdir.atomic import atomic_write
from ..outdir.eventlog import last_event, read_log, report_events
from ..outdir.names import CACHE_DIR, JSON_DIR, OUTPUTS, PARTIAL, RUN_INFO, STATUSES
from .cache import (ResultCache, fingerprint, manifest, output_digests, package_sha256, read_manifest, up_to_date,
                    write_manifest)
from .discover import Found, display_name, find_inputs
from .lock import outdir_lock
from .plan import Plan, make_plan, outcome_label
from .reconvert import why_converted
from .early import start_early
from .runner import Limits, default_workers, run_tasks

# The codebook and the writer are imported where they are used: an unchanged rerun, which writes
# nothing, starts faster without them.
if TYPE_CHECKING:
    from ..outdir.write import OutputWriter
    from .corrections import Corrections

WINDOW = 64  # results kept in memory while they wait for their turn; later ones are read back from the cache


class CachedReports(Sequence):
    """The converted reports, read back one at a time from OUTDIR/cache/ when asked for: a batch of any
    size is never held in memory whole."""

    def __init__(self, load, indices: list):
        self._load, self._indices = load, indices

    def __len__(self) -> int:
        return len(self._indices)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._load(j) for j in self._indices[i]]
        return self._load(self._indices[i])


@dataclass
class BatchResult:
    """What a batch did: its reports (read back from the cache when asked for), its failures, the summary's
    counts and this run's facts (run.json)."""

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


@dataclass(frozen=True)
class Job:
    """What a batch was asked to do: run_batch's arguments, less the two the lock takes (wait, on_wait)."""

    input_path: Path
    outdir: Path
    settings: ExtractSettings
    guard: bool  # the CSV formula guard
    progress: Callable | None  # progress(items, total) wraps the (source, label) of each finished file
    workers: int | None  # None: one per core
    limits: Limits
    force: bool  # convert every file again, whatever the cache holds
    corrections: Path | None  # a reviewers' corrections file
    codebook: CodebookFiles  # the built-in codebook, with a codebook folder's variants (--codebook DIR)

    @property
    def partial(self) -> Path:
        """Where the outputs are written, out of the way until they are renamed into place."""
        return self.outdir / CACHE_DIR / PARTIAL

    def run_event(self) -> dict:
        """The log's first event: what the run was asked."""
        return {"event": "run", "pipeline_version": __version__,
                "settings": self.settings.model_dump(), "input": display_name(Path(self.input_path).name),
                # absolute INPUT: `pipeline review` finds the PDFs from it and each report's source
                "input_path": display_name(str(Path(self.input_path).resolve())),
                "codebook": self.codebook.describe()}


@dataclass
class Tally:
    """What the outputs written so far add up to: the counts the summary gives."""

    failures: list[Failure] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)  # field statuses over every report
    warnings: Counter = field(default_factory=Counter)  # warning codes, the panel's conflicts included
    corrected: int = 0  # values replaced by a reviewer's correction

    @classmethod
    def from_log(cls, outdir: Path, plan: Plan) -> Tally:
        """The tally of outputs already on disk (their digests were just checked): the counts from the
        log's closing event, the failures from their cached results."""
        last = last_event(outdir) or {}
        tally = cls(corrected=last.get("corrected", 0))
        tally.statuses.update(last.get("statuses", {}))
        tally.warnings.update(last.get("warnings", {}))
        tally.failures.extend(plan.entry_at(i).result for i, f in enumerate(plan.files) if f.outcome != "converted")
        return tally

    def summary_event(self, plan: Plan) -> dict:
        """The log's closing event."""
        return {"event": "summary", "reports_processed": len(plan.files), "converted": len(plan.converted()),
                "failed": len(self.failures), "corrected": self.corrected,
                "statuses": dict(sorted(self.statuses.items())), "warnings": dict(sorted(self.warnings.items())),
                "failures": dict(sorted(Counter(f.category for f in self.failures).items()))}


@dataclass
class Writing:
    """A batch's outputs written in source order while its files convert: each file as soon as it and every
    file before it are done, so that the writing overlaps the converting instead of following it."""

    job: Job
    plan: Plan
    writer: OutputWriter
    fixes: Corrections | None
    tally: Tally = field(default_factory=Tally)
    window: dict[int, Entry] = field(default_factory=dict)  # finished results waiting for their turn
    next: int = 0  # the first file not written yet

    def run(self, run_event: dict) -> None:
        with self.writer:
            self.writer.add_events([run_event])
            finished = self.finished()
            for _ in (self.job.progress(finished, len(self.plan.files)) if self.job.progress else finished):
                pass
            self.write_ready()
            panel_events = self.writer.add_panel()
            self.tally.warnings.update(e["code"] for e in panel_events)
            self.writer.add_events(panel_events)
            self.writer.add_events([self.tally.summary_event(self.plan)])

    def finished(self):
        """(source, label) of each file as it is known: the cached ones first, then as the workers finish."""
        yield from self.plan.cached()
        self.write_ready()
        job = self.job
        for task, entry in run_tasks(self.plan.tasks, job.settings, job.workers, job.limits, codebook=job.codebook):
            f = self.plan.files[task.index]
            self.plan.keep(f, entry, job.limits)
            self.plan.known(f, entry)
            if len(self.window) < WINDOW:
                self.window[task.index] = entry
            self.write_ready()
            yield task.source, outcome_label(entry)

    def write_ready(self) -> None:
        files = self.plan.files
        while self.next < len(files) and files[self.next].outcome is not None:
            entry = self.window.pop(self.next, None) or self.plan.entry_at(self.next)
            self.write(files[self.next].source, entry)
            self.next += 1

    def write(self, source: str, entry: Entry) -> None:
        """One file's outputs: its report (corrected) and its log events, or its failure."""
        fixes, tally = self.fixes, self.tally
        if isinstance(entry, FailureEntry):
            out = entry.result
            tally.failures.append(out)
            event = {"event": "failed", "file": source, "category": out.category, "message": out.message}
            if entry.detail:  # a traceback or how the worker died: for the log, not the terminal
                event["detail"] = entry.detail
            events = [event] + (fixes.unapplied(source) if fixes else [])
            self.writer.add_failure(out)
        else:  # one report per profile in the file
            events = []
            for report in entry.reports:
                out, corrected = fixes.apply(report) if fixes else (report, [])
                tally.corrected += sum(1 for e in corrected if e["event"] == "corrected")
                events += report_events(out) + corrected
                tally.statuses.update(v.status for v in out.values)
                self.writer.add_report(out)
        tally.warnings.update(e["code"] for e in events if e["event"] == "warning")
        self.writer.add_events(events)


def check_codebook(job: Job, fp: dict) -> None:
    """Load the codebook (the built-in one with a codebook folder's variants), so that a malformed one stops
    the run (CodebookError, a usage error) before anything is written, instead of failing every file in
    the workers. Skipped when OUTDIR's manifest says its outputs were made with this same codebook and code,
    which loaded it then: an unchanged rerun stays light."""
    old = read_manifest(job.outdir)
    if old and old.get("codebook_sha256") == fp["codebook_sha256"] and old.get("package_sha256") == package_sha256():
        return
    job.codebook.load()


def _load_corrections(job: Job, plan: Plan, run_event: dict) -> Corrections | None:
    """The reviewers' corrections file, read and checked (CorrectionsError) before anything is written."""
    if job.corrections is None:
        return None
    from ..convert.door import lexicon_for
    from .corrections import load_corrections  # its parsers are the converting code's: imported only here

    fixes = load_corrections(job.corrections, {f.source for f in plan.files}, lexicon_for(job.codebook))
    run_event["corrections"] = {"sha256": fixes.sha256, "lines": len(fixes.lines)}
    return fixes


def _report_reader(plan: Plan, fixes: Corrections | None):
    """Reads a converted report back from the cache, with the corrections applied as in the outputs."""
    def report_at(at: tuple[int, int]) -> Report:
        i, k = at
        report = plan.entry_at(i).reports[k]
        return fixes.apply(report)[0] if fixes else report
    return report_at


def run_batch(input_path: Path, outdir: Path, settings: ExtractSettings = DEFAULT_SETTINGS,
              guard: bool = True, progress=None, *, workers: int | None = None,
              limits: Limits = Limits(), force: bool = False, wait: bool = False, on_wait=None,
              corrections: Path | None = None, codebook: CodebookFiles | None = None) -> BatchResult:
    """Convert every PDF under input_path and write the outputs to outdir.

    Each file is converted in a worker process under a time and memory limit (run/runner.py);
    results are cached per file content (run/cache.py) so a rerun converts only what changed,
    and `force` converts everything again. The outputs depend only on the inputs and the settings:
    not on the number of workers, on the cache, or on the order in which files finish.
    `progress(items, total)` wraps an iterator of (source, label) pairs, one per finished file.
    `corrections`: a reviewers' corrections file (run/corrections.py), checked before anything is
    converted or written (CorrectionsError) and applied to the reports as they are written.
    `codebook`: the codebook files (core/codebook_files.py; default: the built-in codebook alone), checked
    before anything is written (CodebookError).

    One run at a time per OUTDIR (run/lock.py): another run's raises lock.Busy, or is waited for
    with `wait` (on_wait(holder) is called first). Raises errors.UsageError when INPUT has no PDF or
    OUTDIR is a file, and errors.OutputError when the outputs cannot be written (full disk, read-only
    file system): the previous outputs are then as they were and this run's temporary files are gone.
    """
    found = find_inputs(input_path)  # before OUTDIR is touched: no PDF is a usage error
    job = Job(input_path, Path(outdir), settings, guard, progress, workers, limits, force, corrections,
              codebook or CodebookFiles())
    fp = fingerprint(settings, MAX_BYTES, job.codebook)
    check_codebook(job, fp)  # before OUTDIR is touched too: a malformed codebook is a usage error
    with outdir_lock(job.outdir, wait, on_wait):
        try:
            return _run_locked(job, found, fp)
        except OSError as exc:
            raise OutputError.from_os(exc, job.outdir) from None
        finally:
            shutil.rmtree(job.partial, ignore_errors=True)


def _run_locked(job: Job, found: list[Found], fp: dict) -> BatchResult:
    t0, started = time.monotonic(), datetime.now(timezone.utc)
    outdir, run_event = job.outdir, job.run_event()
    previous = read_manifest(outdir)  # what the last run was made from: why files convert again
    plan = make_plan(found, ResultCache(outdir, fp), job.force, job.limits)
    fixes = _load_corrections(job, plan, run_event)
    reused = len(plan.files) - len(plan.tasks)
    if plan.tasks:
        start_early(job.codebook.folder)  # the workers' forkserver imports the converting code while this process sets up

    notices: list[str] = [n for n in [legacy_notice()] if n]
    # Nothing to convert, and the outputs on disk are exactly what this run would write: leave them be.
    unchanged = not plan.tasks and up_to_date(outdir, _manifest(fp, job, plan, fixes), OUTPUTS, notices)
    if unchanged:
        for _ in (job.progress(plan.cached(), len(plan.files)) if job.progress else ()):
            pass
        tally = Tally.from_log(outdir, plan)
    else:
        shutil.rmtree(job.partial, ignore_errors=True)  # what a killed run left
        from ..outdir.write import OutputWriter

        # the data package's sources: the input files (a file too large is not hashed: no sha256)
        sources = [{"title": f.source, **({"sha256": f.sha256} if f.sha256 else {})} for f in plan.files]
        writer = OutputWriter(outdir, job.codebook.load(), job.guard, job.partial, sources=sources,
                              created=package_created(plan))
        writing = Writing(job, plan, writer, fixes)
        writing.run(run_event)
        tally = writing.tally
    notices += [f"{p}: not a valid cache entry; ignored, and the file converted again" for p in plan.cache.invalid]
    if not unchanged:
        write_manifest(outdir, {**_manifest(fp, job, plan, fixes), "outputs": output_digests(outdir, OUTPUTS)})
    run = {"started": started.isoformat(timespec="seconds"), "seconds": round(time.monotonic() - t0, 3),
           "files": len(plan.files), "reused": reused, "converted_now": len(plan.tasks),
           "outputs_rewritten": not unchanged,
           "workers": min(job.workers or default_workers(), len(plan.tasks)),
           "timeout": job.limits.timeout, "max_memory_mb": job.limits.max_memory_mb, "force": job.force,
           "why_converted": why_converted(previous, {**fp, "codebook": job.codebook.describe()}, job.force,
                                          [(t.source, plan.files[t.index].sha256) for t in plan.tasks]),
           "notices": notices}
    _tidy(outdir, plan, run, notices)
    return BatchResult(reports=CachedReports(_report_reader(plan, fixes), plan.converted_reports()),
                       failures=tally.failures, statuses=tally.statuses, warnings=tally.warnings,
                       corrected=tally.corrected, outdir=outdir, run=run, notices=notices)


def package_created(plan: Plan) -> str:
    """The data package's `created`: the newest input's modification time (outdir.datapackage.created), so
    that the same inputs give the same package."""
    from ..outdir.datapackage import created

    times = []
    for f in plan.files:
        try:
            times.append(f.path.stat().st_mtime)
        except OSError:  # gone since it was found: its failure says so
            pass
    return created(max(times) if times else None)


def _manifest(fp: dict, job: Job, plan: Plan, fixes: Corrections | None) -> dict:
    """What the outputs are made from (cache.manifest), with the corrections file's sha256: a changed file
    rewrites the outputs, converting nothing."""
    return {**manifest(fp, job.guard, job.input_path, plan.manifest_files(), job.codebook),
            "corrections": getattr(fixes, "sha256", None)}


def _tidy(outdir: Path, plan: Plan, run: dict, notices: list[str]) -> None:
    """The clean-up after a run and its run.json: on a read-only OUTDIR whose outputs were up to date
    there is nothing to clean and run.json cannot be written, which is worth a warning, not a failure."""
    try:
        plan.cache.prune({f.key for f in plan.files if f.key})
        for stale in [*outdir.glob(".*.tmp"), *(outdir / JSON_DIR).glob(".*.tmp")]:  # left by a killed run
            stale.unlink(missing_ok=True)
        atomic_write(outdir / RUN_INFO, json.dumps(run, indent=2) + "\n")
    except OSError as exc:
        notices.append(f"{OutputError.from_os(exc, outdir)}; the outputs themselves are up to date")


def summary(result: BatchResult) -> str:
    statuses, warnings = result.statuses, result.warnings
    processed = len(result.reports) + len(result.failures)
    lines = [f"reports processed: {processed}   converted: {len(result.reports)}   failed: {len(result.failures)}",
             "fields: " + "  ".join(f"{s} {statuses.get(s, 0)}" for s in STATUSES)]
    if warnings:
        lines.append("warnings: " + ", ".join(f"{k} {n}" for k, n in sorted(warnings.items())))
    else:
        lines.append("warnings: none")
    if result.run:
        lines.append(f"reused from cache: {result.run['reused']}   converted now: {result.run['converted_now']}"
                     f"   workers: {result.run['workers']}   time: {result.run['seconds']:.1f} s")
        why = result.run.get("why_converted")
        if why:
            lines.append(f"why converted: {why['summary']}")
    if result.corrected:
        lines.append(f"corrected by reviewers: {result.corrected} values")
    if result.failures:
        lines.append("failures: " + ", ".join(f"{k} {n}" for k, n in
                                             sorted(Counter(f.category for f in result.failures).items())))
    for f in result.failures:
        lines.append(f"FAILED {f.source}: [{f.category}] {f.message}")
    return "\n".join(lines)
