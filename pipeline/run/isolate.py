"""What a process that reads an untrusted PDF does first, and one call in such a process.

A worker must not outlive the run, spend memory or time without bound, or write on the terminal:

- die_with_parent: on Linux the kernel kills the process when its parent dies (prctl PR_SET_PDEATHSIG).
  The workers' parent is multiprocessing's forkserver, whose parent is the run: the forkserver does it
  too (pipeline/run/_forkserver.py), so a `kill -9` of the run takes the forkserver and, with it, every
  worker; multiprocessing's resource tracker then ends on its own (its pipe has no writer left).
- limit_memory: RLIMIT_AS, so a blow-up raises MemoryError (or kills the process) instead of taking the
  machine.
- alarm: a per-file time limit the worker holds itself (SIGALRM, default action: the process ends),
  a little after the parent's, so that a file stops even when nobody is left to stop it.
- quiet: standard error goes to /dev/null: what a dying interpreter prints (MemoryError, "Fatal Python
  error") would reach the terminal; the parent reports the file's failure instead.

`call(fn, args, limits)` runs fn(*args) in such a process, for work that is not a batch of files
(`pipeline review` renders each PDF's pages this way).
"""
from __future__ import annotations

import math
import os
import resource
import signal
import sys
import time
from dataclasses import dataclass

# ctypes and multiprocessing are imported where they are used: the command line reads MIN_MEMORY_MB
# from here, and `pipeline --help` should not pay for them.

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
ALARM_GRACE = 2.0  # seconds the worker's own alarm leaves the parent to stop the file first
MIN_MEMORY_MB = 200  # below this a worker cannot be trusted to start (tests/run/test_robust.py measures it)


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Linux: have the kernel send `sig` to this process when its parent dies. Elsewhere nothing."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the parent's pipes closing still stops an idle worker
        pass


def quiet() -> None:
    """Standard error to /dev/null (file descriptor 2: also what C code and a fatal error write)."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 2)
        os.close(fd)
    except OSError:
        pass


def limit_memory(max_memory_mb: int) -> None:
    if not max_memory_mb:
        return
    limit = max_memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def alarm(seconds: float | None) -> None:
    """End this process after `seconds` (plus ALARM_GRACE) unless alarm(None) comes first."""
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.setitimer(signal.ITIMER_REAL, seconds + ALARM_GRACE if seconds else 0)


def address_space_mb() -> int | None:
    """This process's address space (what RLIMIT_AS limits), in MB; None where /proc does not say."""
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return None


def harden(max_memory_mb: int) -> None:
    """Everything above but the alarm, in the order that keeps the terminal clean."""
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    quiet()
    limit_memory(max_memory_mb)


# ---- one call in a hardened process ------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    value: object = None
    error: str | None = None  # why there is no value: for a person

    @property
    def ok(self) -> bool:
        return self.error is None


def _child(conn, fn, args, timeout: float, max_memory_mb: int) -> None:
    harden(max_memory_mb)
    alarm(timeout)
    try:
        out = ("ok", fn(*args))
    except MemoryError:
        out = ("error", f"ran out of memory (over the limit of {max_memory_mb} MB; see --max-memory)")
    except Exception as exc:  # noqa: BLE001 - reported as the call's outcome
        out = ("error", f"{type(exc).__name__}: {str(exc)[:300]}")
    try:
        conn.send(out)
    except Exception:  # noqa: BLE001 - an unpicklable value, or the parent is gone
        conn.send(("error", "the result could not be sent back"))


def call(fn, args: tuple, timeout: float, max_memory_mb: int, context=None) -> Outcome:
    """fn(*args) in a child process under the limits; its value, or why there is none."""
    import multiprocessing
    from multiprocessing.connection import wait

    ctx = context or multiprocessing.get_context("forkserver" if "forkserver" in
                                                 multiprocessing.get_all_start_methods() else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, args, timeout, max_memory_mb), daemon=True)
    proc.start()
    child.close()
    deadline = time.monotonic() + timeout
    try:
        while True:
            ready = wait([parent, proc.sentinel], timeout=max(0.0, deadline - time.monotonic()))
            if parent in ready:
                try:
                    kind, value = parent.recv()
                except (EOFError, OSError):
                    kind, value = None, None
                if kind == "ok":
                    return Outcome(value=value)
                if kind == "error":
                    return Outcome(error=value)
            if ready:  # the process ended without a word
                proc.join(5)
                return Outcome(error=_death(proc.exitcode, max_memory_mb))
            return Outcome(error=f"took longer than the limit of {math.ceil(timeout)} s and was stopped")
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()


def _death(exitcode: int | None, max_memory_mb: int) -> str:
    if exitcode == -signal.SIGKILL:
        return f"the process was killed (SIGKILL), most likely for memory (limit {max_memory_mb} MB)"
    if exitcode == -signal.SIGALRM:
        return "took longer than its time limit and was stopped"
    if exitcode is not None and exitcode < 0:
        return f"the process was killed by {signal.Signals(-exitcode).name}"
    return f"the process exited with code {exitcode}"
