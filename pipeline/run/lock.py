"""One run at a time per OUTDIR: an exclusive lock on OUTDIR/.lock (fcntl.flock).

Two runs on one OUTDIR would each clear what they take for a killed run's temporary files, which are
the other's, and rename their outputs over each other's. The lock is released when the process ends,
however it ends (kill -9 included), so a stale lock file never blocks a run; while it is held, the file
holds the holder's process id, for the message.
"""
from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import UsageError
from ..outdir.names import LOCK


class Busy(UsageError):
    """Another process holds the OUTDIR's lock."""

    def __init__(self, outdir: Path, holder: str):
        super().__init__(f"{outdir} is in use by another run (process {holder or 'unknown'}); wait for it "
                         "to finish, use another --out, or add --wait")


def _holder(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""


def _open(path: Path) -> int | None:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise
    try:  # a read-only OUTDIR: a lock taken through a read-only descriptor still excludes
        return os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None  # nothing can be written there, by us or by another run: nothing to protect


@contextmanager
def outdir_lock(outdir: Path, wait: bool = False, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold OUTDIR's lock for the block. Busy when another process holds it, unless `wait`: then
    on_wait(holder) is called once and the lock is waited for."""
    outdir = Path(outdir)
    blocking = next((p for p in [outdir, *outdir.parents] if p.exists()), None)
    if blocking is not None and not blocking.is_dir():
        raise UsageError(f"--out {outdir} is a file, not a folder" if blocking == outdir else
                         f"--out {outdir}: {blocking} is a file, not a folder")
    outdir.mkdir(parents=True, exist_ok=True)
    fd = _open(outdir / LOCK)
    if fd is None:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise Busy(outdir, _holder(fd)) from None
            if on_wait:
                on_wait(_holder(fd))
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError:  # read-only: the lock holds all the same
            pass
        yield
        try:  # emptied while still held: a run that takes it next writes its own id
            os.ftruncate(fd, 0)
        except OSError:
            pass
    finally:
        os.close(fd)  # releases the lock
