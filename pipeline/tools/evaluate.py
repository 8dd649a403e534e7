"""Score a pipeline output folder (values.csv) against truth JSON files.

The comparison is exactly that of the project's reference scorer
(tests/support/reference_evaluate.py, also /work/shared/tools/evaluate.py): numbers compare as
numbers, texts after Unicode NFKC, quote/dash folding and whitespace collapsing, status
exactly, unit and answer where the truth has them. An unmapped truth row is kept when its
text occurs in the joined label+text of the report's unmapped rows. A silent error is a
wrong field written with status ok and nothing in its warning/warnings/flags column.

    result = evaluate(Path("out"), Path("tests/fixtures"))
    print(format_summary(result, verbose=True))
    one = evaluate_rows(rows_of_one_report, truth_record)  # in memory, the same comparison
"""
from __future__ import annotations

import csv
import json
import math
import sys
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from ..core.codebook import default_codebook
from ..outdir.names import VALUES
from ..outdir.read import DamagedOutput, read_rows

# The fields compared as numbers: the codebook's (int, float and money, the year among them), the same
# set the reference scorer lists (tests/convert/test_fixtures.py holds the two together).
NUMERIC_FIELDS = frozenset(default_codebook().numeric_fields)
QUOTES = {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
          "\u2018": "'", "\u2019": "'", "\u2032": "'"}
DASHES = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"}
FLAG_COLUMNS = ("warning", "warnings", "flags")
# the columns of values.csv the comparison reads: without one, every field would score wrong instead of the
# file being said to lack it
NEEDED = ("source", "field", "label", "value", "unit", "answer", "text", "status")
SIDE_KEYS = ("status", "value", "unit", "answer", "text")


class Score(BaseModel):
    ok: int = 0
    total: int = 0

    @property
    def pct(self) -> float:
        return 100.0 * self.ok / self.total if self.total else 0.0


class Side(BaseModel):
    """One side of a comparison: what the truth expects or what values.csv has."""

    status: str | None = None
    value: Any = None
    unit: str | None = None
    answer: str | None = None
    text: str | None = None


class Mismatch(BaseModel):
    source: str
    field: str  # empty for a lost unmapped row
    page: int | None = None  # page of the got row
    reason: str
    expected: Side
    got: Side | None = None  # None: no row in values.csv


class EvalResult(BaseModel):
    fields_ok: int = 0
    fields_total: int = 0
    unmapped_kept: int = 0
    unmapped_total: int = 0
    reports_found: int = 0
    reports_total: int = 0
    silent_errors: int = 0
    per_field: dict[str, Score] = Field(default_factory=dict)
    per_report: dict[str, Score] = Field(default_factory=dict)
    mismatches: list[Mismatch] = Field(default_factory=list)

    @property
    def pct(self) -> float:
        return 100.0 * self.fields_ok / self.fields_total if self.fields_total else 0.0

    def passed(self, min_pct: float = 100.0) -> bool:
        return bool(self.fields_total) and self.pct >= min_pct and self.unmapped_kept == self.unmapped_total


# --- the comparison (kept identical to the reference scorer) -----------------------------

def norm(text: Any) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = "".join(QUOTES.get(c, "-" if c in DASHES else c) for c in text)
    return " ".join(text.split()).strip()


def number(text: Any) -> float | None:
    try:
        return float(str(text).strip())
    except (TypeError, ValueError):
        return None


def same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def status_of(row: dict) -> str:
    return (row.get("status") or "").strip().lower()


def check_field(fid: str, want: dict, row: dict | None) -> str | None:
    """Return None when the row matches the truth, else a short reason."""
    want_status = want.get("status", "ok")
    if row is None:
        return "no row" if want_status != "missing" else None
    got_status = status_of(row)
    if want_status != got_status:
        return f"status {got_status!r} != {want_status!r}"
    if want_status != "ok":
        return None
    if fid in NUMERIC_FIELDS:
        if not same_number(number(row.get("value")), number(want.get("value"))):
            return f"value {row.get('value')!r} != {want.get('value')!r}"
    elif fid == "country":
        if norm(row.get("value")) != norm(want.get("value")):
            return f"value {row.get('value')!r} != {want.get('value')!r}"
    else:
        if norm(row.get("text")) != norm(want.get("text")):
            return f"text {norm(row.get('text'))[:80]!r} != {norm(want.get('text'))[:80]!r}"
    if want.get("unit") and norm(row.get("unit")).lower() != norm(want["unit"]).lower():
        return f"unit {row.get('unit')!r} != {want['unit']!r}"
    if want.get("answer") and norm(row.get("answer")).lower() != norm(want["answer"]).lower():
        return f"answer {row.get('answer')!r} != {want['answer']!r}"
    return None


def rows_for(rows: list[dict], source: str) -> list[dict]:
    return [r for r in rows if (r.get("source") or "").replace("\\", "/").split("/")[-1] == source]


def _page(row: dict | None) -> int | None:
    try:
        return int(float(row.get("page"))) if row else None
    except (TypeError, ValueError):
        return None


def _side(d: dict) -> Side:
    return Side(**{k: d.get(k) if d.get(k) != "" else None for k in SIDE_KEYS})


# --- evaluation --------------------------------------------------------------------------

def evaluate_rows(rows: list[dict], truth: dict) -> EvalResult:
    """Score one report's rows against its truth record, in memory.

    `rows` are values.csv-shaped dicts (column name -> cell) of that report only: read from a
    values.csv (pipeline.outdir.read.read_rows), or made from a Report with
    pipeline.outdir.rows.value_row zipped with names.VALUE_COLUMNS.
    The result counts this one report (reports_total 1, reports_found 1 when there are rows);
    mismatches name the truth's `source`. evaluate() adds these up over a folder of truth files.
    """
    source = truth["source"]
    res = EvalResult(reports_total=1, reports_found=int(bool(rows)))
    by_field: dict[str, dict] = {}
    for r in rows:
        if r.get("field"):
            by_field.setdefault(r["field"], r)
    report = res.per_report.setdefault(source, Score())
    for fid, want in truth["fields"].items():
        row = by_field.get(fid)
        reason = check_field(fid, want, row)
        field_score = res.per_field.setdefault(fid, Score())
        for s in (report, field_score):
            s.total += 1
            s.ok += reason is None
        res.fields_total += 1
        if reason is None:
            res.fields_ok += 1
            continue
        flagged = row and any((row.get(k) or "").strip() for k in FLAG_COLUMNS)
        res.silent_errors += bool(row and status_of(row) == "ok" and not flagged)
        res.mismatches.append(Mismatch(
            source=source, field=fid, page=_page(row), reason=reason,
            expected=_side(want), got=_side(row) if row else None))
    loose = [r for r in rows if status_of(r) == "unmapped"]
    blob = " | ".join(norm(r.get("label")) + " " + norm(r.get("text")) for r in loose)
    for extra in truth.get("unmapped", []):
        res.unmapped_total += 1
        if norm(extra.get("text")) in blob:
            res.unmapped_kept += 1
        else:
            res.mismatches.append(Mismatch(
                source=source, field="", reason=f"unmapped row lost: {norm(extra.get('label'))[:60]!r}",
                expected=Side(status="unmapped", text=extra.get("text"))))
    return res


def _add(total: EvalResult, one: EvalResult) -> None:
    for name in ("fields_ok", "fields_total", "unmapped_kept", "unmapped_total", "reports_found",
                 "reports_total", "silent_errors"):
        setattr(total, name, getattr(total, name) + getattr(one, name))
    for mine, theirs in ((total.per_field, one.per_field), (total.per_report, one.per_report)):
        for key, score in theirs.items():
            s = mine.setdefault(key, Score())
            s.ok += score.ok
            s.total += score.total
    total.mismatches.extend(one.mismatches)


def evaluate(outdir: Path, truth_dir: Path) -> EvalResult:
    """Compare OUTDIR/values.csv with every *.truth.json under TRUTH_DIR.

    Raises outdir.read.DamagedOutput when values.csv cannot be read or lacks a column the comparison reads.
    """
    rows = read_rows(outdir, VALUES, need=NEEDED)
    res = EvalResult()
    for tpath in sorted(Path(truth_dir).rglob("*.truth.json")):
        truth = json.loads(tpath.read_text(encoding="utf-8"))
        _add(res, evaluate_rows(rows_for(rows, truth["source"]), truth))
    return res


def summary_line(res: EvalResult) -> str:
    return (f"fields correct: {res.fields_ok}/{res.fields_total} ({res.pct:.1f}%)"
            f" | unmapped kept: {res.unmapped_kept}/{res.unmapped_total}"
            f" | reports found: {res.reports_found}/{res.reports_total}"
            f" | silent errors: {res.silent_errors}")


def format_summary(res: EvalResult, verbose: bool = False) -> str:
    """Verbose: the reference's lines (one per failing field or lost unmapped row, one per
    report). Otherwise: the fields below 100%. The last line is always the summary line."""
    lines = []
    if verbose:
        for source, score in res.per_report.items():
            for m in res.mismatches:
                if m.source == source:
                    lines.append(f"  {source}: {m.field}: {m.reason}" if m.field else f"  {source}: {m.reason}")
            lines.append(f"{source}: {score.ok}/{score.total}")
    else:
        for fid, score in res.per_field.items():
            if score.ok < score.total:
                lines.append(f"  {fid}: {score.ok}/{score.total}")
    lines.append(summary_line(res))
    return "\n".join(lines)


def write_report(res: EvalResult, path: Path) -> None:
    """Write the mismatches as CSV, one row per failing field or lost unmapped row."""
    cols = (["source", "field", "page", "reason"] + [f"expected_{k}" for k in SIDE_KEYS]
            + [f"got_{k}" for k in SIDE_KEYS])
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for m in res.mismatches:
            got = m.got or Side()
            w.writerow([m.source, m.field, "" if m.page is None else m.page, m.reason]
                       + ["" if getattr(m.expected, k) is None else getattr(m.expected, k) for k in SIDE_KEYS]
                       + ["" if getattr(got, k) is None else getattr(got, k) for k in SIDE_KEYS])


def _usage_problem(outdir: Path, truth_dir: Path, min_pct: float, csv_path: Path | None) -> str | None:
    """What makes the command unable to run as asked (checked before anything is read)."""
    if not 0 <= min_pct <= 100:
        return f"--min must be a percentage from 0 to 100, not {min_pct:g}"
    if not Path(truth_dir).is_dir():
        return f"truth folder {truth_dir} does not exist or is not a folder"
    if csv_path is not None and Path(csv_path).is_dir():
        return f"--csv {csv_path} is a folder, not a file"
    return None


def _why_failed(res: EvalResult, min_pct: float) -> str:
    if res.pct < min_pct:
        return f"field accuracy {res.pct:.1f}% is below the pass mark of {min_pct:g}% (--min)"
    return f"{res.unmapped_total - res.unmapped_kept} unmapped row(s) lost (every one must be kept)"


def main_evaluate(outdir: Path, truth_dir: Path, *, verbose: bool = False, min_pct: float = 100.0,
                  csv_path: Path | None = None) -> int:
    """Print the summary; 0 when the field score reaches min_pct and every unmapped row is
    kept, 1 otherwise (and say why), 2 when a folder or an option is wrong, TRUTH_DIR holds no truth file
    or values.csv cannot be read (one line on stderr), 3 when the --csv report cannot be written."""
    problem = _usage_problem(outdir, truth_dir, min_pct, csv_path)
    if problem:
        print(f"pipeline evaluate: {problem}", file=sys.stderr)
        return 2
    try:
        res = evaluate(Path(outdir), Path(truth_dir))
    except DamagedOutput as e:
        print(f"pipeline evaluate: {e}", file=sys.stderr)
        return 2
    if not res.reports_total:  # nothing to score is a usage error, not a score below the mark
        print(f"pipeline evaluate: no *.truth.json files under {truth_dir}: nothing to score", file=sys.stderr)
        return 2
    print(format_summary(res, verbose))
    if csv_path:
        try:
            write_report(res, Path(csv_path))
        except OSError as e:
            print(f"pipeline evaluate: cannot write {e.filename or csv_path}: {e.strerror or e}", file=sys.stderr)
            return 3
    if res.passed(min_pct):
        return 0
    print(f"FAILED: {_why_failed(res, min_pct)}")
    return 1
