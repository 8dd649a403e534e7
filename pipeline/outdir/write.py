"""Write stage: values.csv, profiles.csv, panel.csv, json/, failures.csv and log.jsonl, with the folder's
guide (README.md, fields.csv, fields.md: guide.py), its data package and the Excel copies of the wide
tables, atomically and deterministically (the names and columns: names.py; the cells' text: cells.py)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.codebook import Codebook, default_codebook
from ..core.models import Failure, Report
from .atomic import atomic_write, temp_beside
from .cells import csv_line, guard_formula
from .datapackage import created as created_at, data_package_json
from .eventlog import event_line
from .guide import fields_csv, fields_md, readme_text
from .names import (DATAPACKAGE, EXCEL_COPIES, FAILURE_COLUMNS, FAILURES, FIELDS_CSV, FIELDS_MD, JSON_DIR, LOG,
                    PANEL, PANEL_EXTRA_COLUMNS, PROFILES, README, VALUE_COLUMNS, VALUES, json_name, profile_columns)
from .panel import PanelBuilder
from .rows import profile_row, value_row

if TYPE_CHECKING:  # pandas only for write_csv, whose callers have it loaded already
    import pandas as pd


class _CsvFile:
    """csv.writer's writerow over csv_line; each line also to the `copies` (the Excel copy of the table)."""

    def __init__(self, f, copies=()):
        self._f = f
        self._copies = list(copies)

    def writerow(self, cells: list[str]) -> None:
        line = csv_line(cells)
        self._f.write(line)
        for c in self._copies:
            c.write(line)


def report_document(report: Report) -> dict:
    return report.model_dump(mode="json")


def report_json(report: Report) -> str:
    """A report's JSON document, as json/ holds it. Pydantic's serializer is several times faster than
    json.dumps with indent; its text is the same but for the exponent of very small numbers (1e-5, not
    1e-05), which read back the same."""
    return report.model_dump_json(indent=2) + "\n"


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """A frame of text cells (empty for missing) as CSV, quoted as csv_line quotes."""
    cells = df.astype(object).where(df.notna(), "")
    rows = [[str(c) for c in df.columns]] + [[str(c) for c in row] for row in cells.itertuples(index=False)]
    atomic_write(path, "".join(csv_line(r) for r in rows))


def write_json(path: Path, doc) -> None:
    atomic_write(path, json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n")


def _temp_file(folder: Path, name: str):
    fd, tmp = temp_beside(Path(folder) / name)
    return os.fdopen(fd, "w", encoding="utf-8", newline=""), tmp


class OutputWriter:
    """The outputs, written one report at a time: memory stays flat whatever the size of the batch.

    Every file (each json/ document included) is first written to a temporary file in `workdir`
    (default: beside its target; on the same file system either way); commit() renames them all into
    place at the end, so a run killed before then leaves the previous outputs as they were. Give reports
    and failures in source order. The CSV files are quoted by csv_line (minimal quoting, `"` doubled, and
    every cell with a line break quoted), which `pandas.read_csv` reads back cell for cell
    (tests/outdir/test_hostile.py).
    """

    def __init__(self, outdir: Path, codebook: Codebook | None = None, guard: bool = True,
                 workdir: Path | None = None, created: str | None = None, sources: list[dict] | None = None):
        """`created` and `sources`: the data package's (datapackage.created; default the clock, no sources)."""
        self.outdir = Path(outdir)
        self.workdir = Path(workdir) if workdir else None
        self.guard = guard
        codebook = codebook or default_codebook()
        self.columns = profile_columns(codebook)
        self.panel = PanelBuilder(codebook)
        self._keep: set[str] = set()
        self._done: list[tuple[Path, Path]] = []  # (temporary, target) of closed files
        self._open: dict[str, tuple] = {}
        for name, header in ((VALUES, VALUE_COLUMNS), (PROFILES, self.columns), (FAILURES, FAILURE_COLUMNS),
                             (LOG, None)):
            self._start(name, header)
        # the folder's guide and the data dictionary of the CSV files, from the codebook: on every run
        self.add_file(README, readme_text())
        self.add_file(FIELDS_CSV, fields_csv(codebook))
        self.add_file(FIELDS_MD, fields_md(codebook))
        self.add_file(DATAPACKAGE, data_package_json(codebook, created or created_at(), sources))

    def _start(self, name: str, header: list[str] | None) -> None:
        """Open a table's temporary file (and its Excel copy's, which starts with a byte-order mark) and
        write its header."""
        f, tmp = _temp_file(self.workdir or self.outdir, name)
        copies = []
        if name in EXCEL_COPIES:
            copy, copy_tmp = _temp_file(self.workdir or self.outdir, EXCEL_COPIES[name])
            copy.write("\ufeff")
            self._open[EXCEL_COPIES[name]] = (copy, copy_tmp, None)
            copies.append(copy)
        self._open[name] = (f, tmp, _CsvFile(f, copies) if header else None)
        if header:
            self._open[name][2].writerow(header)

    def add_file(self, name: str, text: str) -> None:
        """Write OUTDIR/name with the other outputs (renamed into place by commit)."""
        f, tmp = _temp_file(self.workdir or self.outdir, name)
        with f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        self._done.append((tmp, self.outdir / name))

    def _row(self, name: str, cells: list[str]) -> None:
        self._open[name][2].writerow([guard_formula(c) for c in cells] if self.guard else cells)

    def add_report(self, report: Report) -> None:
        name = json_name(report.source)
        self._keep.add(name)
        target = self.outdir / JSON_DIR / name
        data = report_json(report)
        try:
            same = target.read_text(encoding="utf-8") == data
        except OSError:
            same = False
        if not same:
            f, tmp = _temp_file(self.workdir or target.parent, name)
            with f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            self._done.append((tmp, target))
        for n, v in enumerate(report.values, 1):
            self._row(VALUES, value_row(report, v, n))
        row = profile_row(report, self.columns)
        self._row(PROFILES, [row.get(c, "") for c in self.columns])
        self.panel.add(report)

    def add_panel(self) -> list[dict]:
        """Write panel.csv from the reports added so far; returns the log events of its conflicts."""
        rows, events = self.panel.build()
        columns = self.columns + PANEL_EXTRA_COLUMNS
        self._start(PANEL, columns)
        for row in rows:
            self._row(PANEL, [row.get(c, "") for c in columns])
        return events

    def add_failure(self, failure: Failure) -> None:
        self._row(FAILURES, [failure.source, failure.category, failure.message])

    def add_events(self, events: list[dict]) -> None:
        f = self._open[LOG][0]
        for e in events:
            f.write(event_line(e))

    def commit(self) -> None:
        for name, (f, tmp, _) in list(self._open.items()):
            f.flush()
            os.fsync(f.fileno())
            f.close()
            self._done.append((tmp, self.outdir / name))
        self._open.clear()
        for tmp, target in self._done:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
        self._done.clear()
        json_dir = self.outdir / JSON_DIR
        if json_dir.exists():
            for stale in json_dir.glob("*.json"):
                if stale.name not in self._keep:
                    stale.unlink()

    def abort(self) -> None:
        for f, tmp, _ in self._open.values():
            try:
                f.close()  # flushes what is buffered: on a full disk, that fails too
            except OSError:
                pass
            tmp.unlink(missing_ok=True)
        for tmp, _ in self._done:
            tmp.unlink(missing_ok=True)
        self._open.clear()
        self._done.clear()

    def __enter__(self) -> "OutputWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            try:
                self.commit()
            except BaseException:  # a full disk at the last flush: no temporary file is left behind
                self.abort()
                raise
        else:
            self.abort()
