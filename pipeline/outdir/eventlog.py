"""Reading OUTDIR/log.jsonl, one JSON event per line (written by write.OutputWriter.add_events).

Lines end at "\n" only. The events are written with ensure_ascii=False, so a string may hold other
characters that str.splitlines would break at (U+2028, U+0085, \x1c...); json.dumps escapes "\n" and "\r".
"""
from __future__ import annotations

import json
from pathlib import Path

LOG = "log.jsonl"


def _events(lines: list[bytes]) -> list[dict]:
    events = []
    for line in lines:
        if not line.strip():
            continue
        try:
            events.append(json.loads(line))
        except ValueError:  # a line edited by hand: the other events still stand
            continue
    return events


def read_log(outdir: Path) -> list[dict]:
    """Every event of the run, in order; [] when OUTDIR has no log."""
    try:
        data = (Path(outdir) / LOG).read_bytes()
    except OSError:
        return []
    return _events(data.split(b"\n"))


def last_event(outdir: Path) -> dict | None:
    """The closing event (the run's summary), read from the end of the file: a rerun with nothing to
    write needs only it, whatever the size of the log."""
    try:
        f = open(Path(outdir) / LOG, "rb")
    except OSError:
        return None
    with f:
        end = start = f.seek(0, 2)
        tail = b""
        while start > 0 and b"\n" not in tail.rstrip(b"\n"):
            start = max(0, start - 65536)
            f.seek(start)
            tail = f.read(end - start)
    events = _events(tail.rstrip(b"\n").rsplit(b"\n", 1)[-1:])
    return events[-1] if events else None
