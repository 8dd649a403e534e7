"""Write a file so that no reader ever sees it half-written (kept apart from write.py, whose imports
a warm rerun that writes nothing should not pay for)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    """The process's umask: read from /proc on Linux (setting it to read it back is not thread-safe)."""
    try:
        with open("/proc/self/status", "rb") as f:
            for line in f:
                if line.startswith(b"Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temp_beside(target: Path, folder: Path | None = None) -> tuple[int, Path]:
    """A new temporary file for `target` in `folder` (default: beside it), with the mode a new file gets
    under the umask (0644 under 022): mkstemp makes it 0600, and a rename keeps the mode. An error names
    the target, not the temporary."""
    folder = Path(folder) if folder else target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        exc.filename = str(target)
        raise
    try:
        os.fchmod(fd, 0o666 & ~_umask())
    except OSError:
        pass  # a file system without modes: what mkstemp gave stands
    return fd, Path(tmp)


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write beside the target and rename over it: a reader never sees a half-written file. On an error
    (a full disk) the temporary file is removed and the target is as it was."""
    path = Path(path)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = temp_beside(path)
    try:
        with os.fdopen(fd, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""})) as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.filename is None:
            exc.filename = str(path)
        raise
