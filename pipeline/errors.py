"""The errors a command reports in one line and an exit code of its own, instead of a traceback."""
from __future__ import annotations

from pathlib import Path

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3


class UsageError(Exception):
    """The command cannot run as asked (exit 2): no PDF under INPUT, --out naming a file, OUTDIR in use..."""


class OutputError(Exception):
    """The outputs could not be written (exit 3): a full disk, a read-only file system, no permission.
    The previous outputs are left as they were and this run's temporary files are removed."""

    @classmethod
    def from_os(cls, exc: OSError, where: Path) -> "OutputError":
        path = exc.filename if exc.filename is not None else where
        reason = exc.strerror or type(exc).__name__
        return cls(f"cannot write {path}: {reason} (errno {exc.errno})" if exc.errno else
                   f"cannot write {path}: {reason}")
