"""OUTDIR/log.jsonl, one JSON event per line: the events of a report, each event's line, and reading them
back (the writer, write.OutputWriter.add_events, writes the lines).

Lines end at "\n" only. The events are written with ensure_ascii=False, so a string may hold other
characters that str.splitlines would break at (U+2028, U+0085, \x1c...); json.dumps escapes "\n" and "\r".
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from .names import LOG

if TYPE_CHECKING:
    from ..core.models import Report


def event_line(event: dict) -> str:
    """One event as its line of the log: keys sorted, so the log is byte-identical from run to run."""
    return json.dumps(event, ensure_ascii=False, sort_keys=True) + "\n"


def report_events(report: Report) -> list[dict]:
    """What the log says of a converted report: `converted`, then its warnings, tables, rules, invalid
    and unmapped rows, missing fields and unplaced words."""
    statuses = Counter(v.status for v in report.values)
    events = [{"event": "converted", "file": report.source, "country": report.country, "year": report.year,
               "template": report.template, "language": report.language, "pages": report.pages, "statuses": dict(sorted(statuses.items())),
               "coverage": round(report.coverage.ratio, 4) if report.coverage else None,
               "words": ({"total": report.coverage.words_total, "placed": report.coverage.words_placed,
                          **report.coverage.by_part} if report.coverage else None)}]
    for w in report.warnings:
        events.append({"event": "warning", "file": report.source, "code": w.code, "message": w.message})
    for a in report.set_aside:  # pages of the file that are no profile (prose): none of their lines is a row
        events.append({"event": "set_aside", "file": report.source, "pages": a.pages, "reason": a.reason})
    for t in report.tables:  # how each table's value column and rows were found
        events.append({"event": "table", "file": report.source, **t.model_dump()})
    for v in report.values:
        if v.field and v.rules:
            events.append({"event": "rules", "file": report.source, "field": v.field, "rules": v.rules})
        for w in v.warnings:
            events.append({"event": "warning", "file": report.source, "field": v.field or None,
                           "label": v.label, "page": v.page, "code": w.code, "message": w.message})
        if v.status == "invalid":
            events.append({"event": "invalid", "file": report.source, "field": v.field, "label": v.label,
                           "page": v.page, "code": (v.error or "invalid").split(":", 1)[0], "message": v.error})
        elif v.status == "unmapped":
            events.append({"event": "unmapped", "file": report.source, "label": v.label, "page": v.page,
                           "text": v.text})
    missing = [v.field for v in report.values if v.status == "missing"]
    if missing:
        events.append({"event": "missing", "file": report.source, "fields": missing})
    if report.coverage and report.coverage.unplaced:
        events.append({"event": "unplaced_words", "file": report.source, "words": report.coverage.unplaced})

    return events


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
