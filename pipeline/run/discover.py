"""Finding the batch's files under INPUT, before anything is read.

Only the names and what the file system says of each entry (lstat/stat) are looked at here, never the
content: a 100 GB sparse file fails `too_large` at once instead of being hashed first. An entry named
*.pdf that is not converted is not skipped in silence: a dangling symbolic link, a FIFO, a socket or a
device is `not_a_file`, a link to anything outside INPUT is `outside_input`; both are failures the batch
reports. Folders are searched (symbolic links to folders are not followed, as pathlib's rglob does not).
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError


class NoInput(UsageError):
    """INPUT holds nothing to convert (a usage error)."""


@dataclass(frozen=True)
class Found:
    path: Path  # what to open: the link's target for a symbolic link inside INPUT
    source: str  # relative to INPUT, '/'-separated; bytes that are not UTF-8 shown as \xNN
    size: int = 0
    skipped: tuple[str, str] | None = None  # (category, message) of an entry that is not read


def display_name(name: str) -> str:
    """A file name as valid text. Linux names are bytes: Python hands the ones that are not UTF-8 over with
    surrogates, which no UTF-8 output (CSV, JSON, the cache key) can hold; they are shown as \\xNN."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def locate(root: Path, source: str) -> Path:
    """The path under root that `source` names: root/source, unless a part of it was escaped by
    display_name (a name that is not UTF-8), which is then looked for among its folder's entries."""
    path = Path(root)
    for part in source.split("/"):
        step = path / part
        if not os.path.lexists(step) and "\\" in part and path.is_dir():
            step = next((path / n for n in os.listdir(path) if display_name(n) == part), step)
        path = step
    return path


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def check_entry(path: Path, source: str, root: Path) -> Found:
    """What to do with one entry named *.pdf under the resolved INPUT folder `root`."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return Found(path, source, skipped=("not_a_file", f"the entry cannot be examined ({exc.strerror})"))
    target = path
    if stat.S_ISLNK(st.st_mode):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # missing target, or a loop of links
            return Found(path, source, skipped=("not_a_file", (
                f"a symbolic link to {display_name(os.readlink(path))}, which does not exist: not read")))
        if not _inside(target, root):
            return Found(path, source, skipped=("outside_input", (
                f"a symbolic link to {display_name(str(target))}, outside INPUT: not read "
                "(copy the file into INPUT to convert it)")))
        st = os.stat(target)
    if not stat.S_ISREG(st.st_mode):
        return Found(path, source, skipped=("not_a_file", f"{_kind(st.st_mode)}, not a file: not read"))
    return Found(target, source, size=st.st_size)


def find_inputs(input_path: Path) -> list[Found]:
    """Every entry named *.pdf under a folder (sorted by source), or the one file INPUT names.
    Raises NoInput when there is none."""
    input_path = Path(input_path)
    if not input_path.is_dir():
        st = os.stat(input_path)
        if not stat.S_ISREG(st.st_mode):
            raise NoInput(f"{display_name(str(input_path))} is {_kind(st.st_mode)}, neither a folder nor a file")
        return [Found(input_path, display_name(input_path.name), size=st.st_size)]
    root = input_path.resolve()
    found = []
    for folder, dirs, files in os.walk(input_path):
        dirs.sort()
        for name in dirs + files:
            if not name.lower().endswith(".pdf"):
                continue
            path = Path(folder) / name
            if name in dirs and not path.is_symlink():
                continue  # a real folder named *.pdf: searched like any other
            source = display_name(path.relative_to(input_path).as_posix())
            found.append(check_entry(path, source, root))
    if not found:
        raise NoInput(f"no PDF files found under {display_name(str(input_path))}")
    return sorted(found, key=lambda f: f.source)
