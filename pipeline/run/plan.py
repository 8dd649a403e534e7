"""A batch's plan: each file found under INPUT, where its result is (the result cache, or held in memory
when the cache does not keep it), and the files to convert now. Made before anything is converted; the
batch writes the outputs from it in source order (batch.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core.limits import MAX_BYTES, too_large_message
from ..core.models import Entry, Failure, FailureEntry, ReportEntry
from .cache import ResultCache, file_sha256
from .discover import Found
from .runner import Limits, Task


def outcome_label(entry: Entry) -> str:
    """What the progress bar says of a finished file."""
    return f"failed ({entry.outcome})" if isinstance(entry, FailureEntry) else "converted"


@dataclass
class FileState:
    """One file of the batch and what is known of it so far."""

    path: Path
    source: str
    sha256: str | None = None  # None when the file cannot be read (its worker reports why)
    key: str | None = None  # in the result cache
    outcome: str | None = None  # "converted" or the failure category, once known
    reports: list[str] = field(default_factory=list)  # the keys of its reports (one per profile in it), once known
    held: Entry | None = None  # a result the cache does not keep (retryable, or no key): small


@dataclass
class Plan:
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
        """(source, label) of each file whose result is known before converting anything."""
        for f in self.files:
            if f.outcome is not None:
                yield f.source, outcome_label(f.held) if f.held else "cached"

    def converted(self) -> list[int]:
        """The indices of the files converted into a report."""
        return [i for i, f in enumerate(self.files) if f.outcome == "converted"]

    def converted_reports(self) -> list[tuple[int, int]]:
        """(file index, report index in the file) of each converted report, in source order."""
        return [(i, k) for i in self.converted() for k in range(len(self.files[i].reports))]

    def known(self, f: FileState, entry: Entry) -> None:
        """What a file's result says of it: its outcome and how many reports it holds."""
        f.outcome = entry.outcome
        f.reports = [r.source for r in entry.reports] if isinstance(entry, ReportEntry) else []

    def manifest_files(self) -> list[dict]:
        """The manifest's `files`: each input's source, sha256 and result, and the keys of its reports where
        it holds several profiles (`<source>#page=N`)."""
        return [{"source": f.source, "sha256": f.sha256, "result": f.outcome,
                 **({"reports": f.reports} if f.reports != [f.source] and f.reports else {})} for f in self.files]


def early_failure(found: Found) -> FailureEntry | None:
    """An entry failed from what the file system says alone, before any of its content is read."""
    if found.skipped:
        category, message = found.skipped
    elif found.size > MAX_BYTES:  # not hashed: a huge (or sparse) file costs nothing
        category, message = "too_large", too_large_message(found.size, MAX_BYTES)
    else:
        return None
    return FailureEntry(result=Failure(source=found.source, category=category, message=message))


def make_plan(found: list[Found], cache: ResultCache, force: bool, limits: Limits) -> Plan:
    """Each file's cached result, or a task to convert it now."""
    plan = Plan([FileState(f.path, f.source) for f in found], cache)
    for i, (f, entry) in enumerate(zip(plan.files, map(early_failure, found))):
        if entry is not None:
            f.held = entry
            plan.known(f, entry)
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
            plan.known(f, entry)
    return plan
