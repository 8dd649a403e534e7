"""Convert many files in worker processes, each file isolated by a wall-clock and a memory limit.

Design: a small hand-rolled pool, not ``concurrent.futures.ProcessPoolExecutor``.

- A per-file time limit needs the parent to know which file each worker is on, and to kill that
  worker alone. ProcessPoolExecutor has no per-task timeout (``future.result(timeout=...)`` leaves
  the worker running), and a worker that dies (segfault, ``os._exit``, killed for memory) breaks
  the whole pool: every future in flight fails with BrokenProcessPool, so one cannot tell which
  file did it, and the pool must be rebuilt and the innocent files resubmitted.
- Here each worker holds at most one file at a time, sent over its own pipe. The parent waits on
  the pipes and the process sentinels together, with the nearest deadline as timeout. A result, a
  dead worker and a passed deadline each belong to exactly one known file: that file gets its
  failure (``internal_error``, ``too_large`` or ``timeout``), the worker is replaced, and the batch
  goes on. A worker gets its next file as soon as it hands a result back, before the caller writes
  that result's outputs, so it never waits on them. The pool is about 120 lines with nothing hidden.
- Workers are forked from a forkserver that has imported the pipeline and built the codebook's
  lookup tables once (pipeline/convert/preload.py; started early, see early.py): a cheap start, and no
  fork of a parent that may run threads (tqdm's monitor). A worker sets RLIMIT_AS to the memory
  limit, so a blow-up raises MemoryError (or kills the worker) instead of taking the machine, and
  it retires after ``tasks_per_worker`` files so memory that a parser leaks cannot pile up.
- A worker cannot outlive the run and needs nobody to stop it (pipeline/run/isolate.py): it dies with its
  parent (the forkserver, which dies with the run), holds its own per-file alarm a little after the
  parent's deadline, and writes nothing on the terminal (its standard error is /dev/null).

The worker sends each result back as a typed entry in JSON (models.ReportEntry or FailureEntry), the
form the result cache stores, so a fresh result and a cached one go through the same code into the
outputs. Converting one file is pipeline/convert/file.py; this module is the pool.
"""
from __future__ import annotations

import fnmatch
import logging
import multiprocessing
import os
import signal
import time
import traceback
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from ..core.codebook_files import CodebookFiles
from ..core.limits import MAX_BYTES, OUT_OF_MEMORY
from ..core.models import ENTRY, Entry, Failure, FailureEntry, ReportEntry
from ..core.settings import DEFAULT_SETTINGS, ExtractSettings
from .early import worker_context
from .isolate import MIN_MEMORY_MB, alarm, harden  # noqa: F401 (MIN_MEMORY_MB: part of the interface)

# Only for tests: make the worker misbehave on matching files. "ACTION[=ARG]:GLOB;..." with ACTION one
# of hang, crash (os._exit), segfault, oom (allocate until the memory limit), sigkill (as the kernel's
# out-of-memory killer does), slow=SECONDS.
TEST_FAULT_ENV = "PIPELINE_TEST_FAULT"


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Limits:
    timeout: float = 120.0  # seconds of wall clock per file
    max_memory_mb: int = 2048  # address space of a worker (RLIMIT_AS); 0 = no limit
    tasks_per_worker: int = 25  # a worker is replaced after this many files


@dataclass(frozen=True)
class Task:
    index: int
    path: Path
    source: str


# ---- inside a worker ---------------------------------------------------------------------------

def parse_fault(spec: str | None) -> list[tuple[str, str, str]]:
    """PIPELINE_TEST_FAULT -> [(action, arg, glob)]; used only by the tests."""
    out = []
    for item in (spec or "").split(";"):
        if ":" in item:
            action, glob = item.split(":", 1)
            action, _, arg = action.partition("=")
            out.append((action.strip(), arg, glob.strip()))
    return out


def _apply_fault(faults: list[tuple[str, str, str]], source: str) -> None:
    for action, arg, glob in faults:
        if not fnmatch.fnmatch(source, glob):
            continue
        if action == "hang":
            time.sleep(10**6)
        elif action == "crash":
            os._exit(3)
        elif action == "segfault":
            os.kill(os.getpid(), signal.SIGSEGV)
        elif action == "sigkill":
            os.kill(os.getpid(), signal.SIGKILL)
        elif action == "oom":
            hog = []
            while True:
                hog.append(bytearray(64 * 1024 * 1024))
        elif action == "slow":
            time.sleep(float(arg or 1))


def _worker(conn, settings_json: str, max_memory_mb: int, faults, timeout: float | None = None,
            codebook: CodebookFiles | None = None) -> None:
    from ..convert.door import convert_file

    harden(max_memory_mb)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings on odd files are noise here
    settings = ExtractSettings.model_validate_json(settings_json)
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        index, path, source = msg
        alarm(timeout)  # the file stops even if the parent is gone
        try:
            _apply_fault(faults, source)
            result, detail = convert_file(Path(path), source, settings, MAX_BYTES, codebook)
            entry = (FailureEntry(result=result, detail=detail) if isinstance(result, Failure)
                     else ReportEntry(result=result[0], more=result[1:]))
            payload = entry.model_dump_json()  # the result serialized once, by pydantic
        except MemoryError:
            payload = FailureEntry(result=Failure(source=source, category="too_large", retryable=True, message=(
                f"{OUT_OF_MEMORY} (over the limit of {max_memory_mb} MB per file; see --max-memory)"))
            ).model_dump_json()
        except Exception as exc:  # noqa: BLE001 - a result that cannot be serialized: our bug, this file's alone
            payload = FailureEntry(result=Failure(source=source, category="internal_error", message=(
                f"internal error while sending the result back ({type(exc).__name__}); please report it "
                "with the file")), detail="".join(traceback.format_exception(exc))).model_dump_json()
        alarm(None)
        try:
            conn.send((index, payload))
        except OSError:  # the parent is gone
            return


# ---- the pool, in the parent ---------------------------------------------------------------------

@dataclass
class _Slot:
    proc: multiprocessing.Process | None = None
    conn: object = None
    task: Task | None = None
    started: float = 0.0
    done: int = 0


def _start(slot: _Slot, ctx, settings_json: str, limits: Limits, faults, codebook: CodebookFiles | None) -> None:
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_worker, args=(child, settings_json, limits.max_memory_mb, faults, limits.timeout,
                                             codebook),
                       name="pipeline-worker", daemon=True)
    proc.start()
    child.close()
    slot.proc, slot.conn, slot.done = proc, parent, 0


def _discard(slot: _Slot, kill: bool) -> None:
    if slot.proc is None:
        return
    if kill:
        slot.proc.kill()
    else:
        try:
            slot.conn.send(None)
        except OSError:
            pass
    slot.proc.join(5)
    if slot.proc.is_alive():
        slot.proc.kill()
        slot.proc.join()
    slot.conn.close()
    slot.proc, slot.conn = None, None


def _received(task: Task, payload: str) -> Entry:
    try:
        return ENTRY.validate_json(payload)
    except ValidationError as exc:  # our bug, in one file's result: that file fails, the batch goes on
        return FailureEntry(result=Failure(source=task.source, category="internal_error", message=(
            "the worker's result for this file could not be read back; please report it with the file")),
            detail=str(exc))


def _died(task: Task, exitcode: int | None, limits: Limits) -> Entry:
    if exitcode == -signal.SIGALRM:  # its own alarm, just after the deadline: a timeout
        return _timed_out(task, limits)
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        if -exitcode == signal.SIGKILL:
            return FailureEntry(result=Failure(source=task.source, category="too_large", retryable=True, message=(
                f"the worker converting this file was killed by the system (SIGKILL), most likely for "
                f"running out of memory (limit {limits.max_memory_mb} MB per file; see --max-memory)")),
                detail=f"worker killed by {name}")
        how = f"was killed by signal {name}"
    else:
        how = f"exited with code {exitcode}"
    return FailureEntry(result=Failure(source=task.source, category="internal_error", retryable=True, message=(
        f"the worker process converting this file crashed (it {how}); the other files were not "
        "affected; please report it with the file")), detail=f"worker {how}")


def _timed_out(task: Task, limits: Limits) -> Entry:
    return FailureEntry(result=Failure(source=task.source, category="timeout", retryable=True, message=(
        f"conversion took longer than the limit of {limits.timeout:g} s and was stopped "
        "(the file may be malformed; see --timeout)")))


def _outcome(s: _Slot, ready: set, now: float, limits: Limits) -> Entry | None:
    """The busy slot's file's entry, if it is done (a result, a dead worker, a passed deadline)."""
    entry = None
    if s.conn in ready or s.proc.sentinel in ready:
        try:
            if s.conn.poll():
                _, payload = s.conn.recv()
                entry = _received(s.task, payload)
                s.done += 1
        except (EOFError, OSError):
            pass
        if entry is None:  # the worker died on this file
            s.proc.join(5)
            entry = _died(s.task, s.proc.exitcode, limits)
            _discard(s, kill=True)
    elif now - s.started >= limits.timeout:
        _discard(s, kill=True)
        entry = _timed_out(s.task, limits)
    return entry


def run_tasks(tasks: list[Task], settings: ExtractSettings = DEFAULT_SETTINGS, workers: int | None = None,
              limits: Limits = Limits(), faults=None, codebook: CodebookFiles | None = None
              ) -> Iterator[tuple[Task, Entry]]:
    """Yield (task, entry) as files finish, in completion order; every task yields exactly once.
    `codebook`: the run's codebook files (None: the built-in codebook), already checked by the caller."""
    if not tasks:
        return
    faults = parse_fault(os.environ.get(TEST_FAULT_ENV)) if faults is None else faults
    ctx = worker_context()
    settings_json = settings.model_dump_json()
    pending = deque(tasks)
    slots = [_Slot() for _ in range(max(1, min(workers or default_workers(), len(tasks))))]
    def assign(s: _Slot) -> None:
        while s.task is None and pending:
            if s.proc is not None and s.done >= limits.tasks_per_worker:
                _discard(s, kill=False)
            if s.proc is None:
                _start(s, ctx, settings_json, limits, faults, codebook)
            task = pending.popleft()
            try:
                s.conn.send((task.index, str(task.path), task.source))
            except OSError:  # the worker died while idle: replace it and try again
                pending.appendleft(task)
                _discard(s, kill=True)
                continue
            s.task, s.started = task, time.monotonic()

    try:
        while pending or any(s.task for s in slots):
            for s in slots:
                assign(s)
            busy = [s for s in slots if s.task]
            deadline = min(s.started for s in busy) + limits.timeout
            ready = set(wait([s.conn for s in busy] + [s.proc.sentinel for s in busy],
                             timeout=max(0.0, deadline - time.monotonic())))
            now = time.monotonic()
            for s in busy:
                task, entry = s.task, _outcome(s, ready, now, limits)
                if entry is not None:
                    s.task = None
                    # the worker's next file first: the caller writes this one's outputs meanwhile
                    assign(s)
                    yield task, entry
    finally:
        for s in slots:
            _discard(s, kill=s.task is not None)
