"""Compare two output folders: `pipeline diff OLD NEW`.

Reads OLD/values.csv and NEW/values.csv and lines up the rows per report and field (unmapped rows by
their label). A report is identified by its `source` (default) or, with `--key country`, by iso3 and
year, so that runs over differently organised input folders can be compared. For each field it
reports what changed among value, status, unit and answer, and flags for review: changed statuses,
numeric values that moved by more than the threshold (relative, default 0.5 = 50%), fields or reports
that appeared or disappeared. Prints a readable summary, and with --csv PATH writes every change to PATH
(never into either folder unless PATH says so). Exit code 0: no change; 1: changes found (like diff(1)); 2:
usage error, or a values.csv that cannot be read (outdir.read.DamagedOutput, one line); 3: the CSV could
not be written.
"""
from __future__ import annotations

import math
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..outdir.cells import guard_formula, unguard
from ..outdir.names import CORRECTED, EXTRACTED, VALUES
from ..outdir.read import DamagedOutput, read_rows
from ..outdir.write import write_csv

if TYPE_CHECKING:  # pandas for the CSV it writes, imported then: the review's charts use this module too
    import pandas as pd

# origin: extracted, or corrected by a reviewer (pipeline/run/corrections.py); folders written before it
# was recorded read as extracted
COMPARED = ("value", "status", "unit", "answer", "origin")
DIFF_COLUMNS = [
    "report", "source", "country", "iso3", "year", "field", "label", "change", "changed",
    "old_value", "new_value", "old_status", "new_status", "old_unit", "new_unit", "old_answer", "new_answer",
    "old_origin", "new_origin", "relative_change", "flags", "review", "corrected",
]
DEFAULT_THRESHOLD = 0.5
# the columns of values.csv compared (origin: read as extracted when absent, as in folders written before it
# was recorded)
NEEDED = ("source", "country", "iso3", "year", "field", "label", "value", "unit", "answer", "status")


@dataclass
class DiffResult:
    rows: list[dict] = field(default_factory=list)
    old_reports: int = 0
    new_reports: int = 0
    common_reports: int = 0
    compared_fields: int = 0

    @property
    def flagged(self) -> list[dict]:
        return [r for r in self.rows if r["review"] == "yes"]

    @property
    def frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.rows, columns=DIFF_COLUMNS, dtype="string")


def value_rows(outdir: Path) -> list[dict[str, str]]:
    """OUTDIR/values.csv's rows, each cell as written; DamagedOutput when it cannot be compared."""
    return read_rows(outdir, VALUES, need=NEEDED)


def _number(cell: str) -> float | None:
    try:
        x = float(cell)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def _report_key(row: dict[str, str], by: str) -> str:
    if by == "country" and row["iso3"] and row["year"]:
        return f"{row['iso3']} {row['year']}"
    return row["source"]


def keyed(rows: list[dict[str, str]], by: str) -> dict[tuple[str, str], dict]:
    """(report, field) -> row, its cells unguarded (so guarded and unguarded runs compare equal); unmapped
    rows keyed by 'unmapped: <label>' (numbered when a label repeats)."""
    out: dict[tuple[str, str], dict] = {}
    seen: Counter = Counter()
    for row in rows:
        report = _report_key(row, by)
        name = row["field"] or f"unmapped: {unguard(row['label'])}"
        seen[(report, name)] += 1
        if seen[(report, name)] > 1:
            name = f"{name} #{seen[(report, name)]}"
        out[(report, name)] = {"origin": EXTRACTED} | {k: unguard(v) for k, v in row.items()} | {"report": report}
    return out


def relative_change(old: str, new: str) -> float | None:
    a, b = _number(old), _number(new)
    if a is None or b is None or a == b:
        return None
    if a == 0:
        return math.inf
    return abs(b - a) / abs(a)


def change_row(report: str, a: dict | None, b: dict | None, report_in_both: bool,
               threshold: float) -> dict | None:
    """One field's change between the old row `a` and the new row `b` (either may be absent), with
    its flags; None when nothing compared changed."""
    ref = b or a
    row = {"report": report, "source": ref["source"], "country": ref["country"], "iso3": ref["iso3"],
           "year": ref["year"], "field": ref["field"], "label": ref["label"]}
    for c in COMPARED:
        row[f"old_{c}"] = a[c] if a else ""
        row[f"new_{c}"] = b[c] if b else ""
    flags, rel = [], None
    if a is None or b is None:
        row["change"] = "added" if a is None else "removed"
        row["changed"] = ""
        flags.append(("field_" if report_in_both else "report_") + row["change"])
    else:
        changed = [c for c in COMPARED if a[c] != b[c]]
        if not changed:
            return None
        row["change"], row["changed"] = "changed", " ".join(changed)
        if "status" in changed:
            flags.append("status_changed")
        rel = relative_change(a["value"], b["value"]) if "value" in changed else None
        if rel is not None and rel > threshold:
            flags.append("large_jump")
        if "unit" in changed:
            flags.append("unit_changed")
    row["relative_change"] = "" if rel is None else ("inf" if math.isinf(rel) else f"{rel:.4f}")
    row["flags"] = " ".join(flags)
    row["review"] = "yes" if flags else "no"
    row["corrected"] = _corrected(b)
    return row


def _corrected(new: dict | None) -> str:
    """"yes" when the new value is a reviewer's correction (pipeline/run/corrections.py)."""
    return "yes" if new is not None and new["origin"] == CORRECTED else ""


def compare(old_dir: Path, new_dir: Path, threshold: float = DEFAULT_THRESHOLD, by: str = "source") -> DiffResult:
    old, new = keyed(value_rows(old_dir), by), keyed(value_rows(new_dir), by)
    old_reports, new_reports = {k[0] for k in old}, {k[0] for k in new}
    both = old_reports & new_reports
    result = DiffResult(old_reports=len(old_reports), new_reports=len(new_reports), common_reports=len(both))
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        result.compared_fields += int(a is not None and b is not None)
        row = change_row(key[0], a, b, key[0] in both, threshold)
        if row is not None:
            result.rows.append(row)
    return result


def _short(s: str, n: int = 48) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def format_summary(result: DiffResult, threshold: float, limit: int = 200) -> str:
    kinds = Counter(r["change"] for r in result.rows)
    flags = Counter(f for r in result.rows for f in r["flags"].split())
    lines = [f"reports: old {result.old_reports}, new {result.new_reports}, in both {result.common_reports}; "
             f"fields compared {result.compared_fields}",
             f"changes: {len(result.rows)} (changed {kinds.get('changed', 0)}, added {kinds.get('added', 0)}, "
             f"removed {kinds.get('removed', 0)}); for review: {len(result.flagged)}"
             + (" (" + ", ".join(f"{k} {n}" for k, n in sorted(flags.items())) + ")" if flags else "")]
    if not result.rows:
        lines.append("no changes")
        return "\n".join(lines)
    lines.append(f"(large_jump: numeric value moved by more than {threshold:.0%})")
    ordered = sorted(result.rows, key=lambda r: (r["review"] != "yes", r["report"], r["field"], r["label"]))
    for r in ordered[:limit]:
        mark = "!" if r["review"] == "yes" else " "
        name = r["field"] or f"(unmapped) {_short(r['label'], 40)}"
        if r["change"] == "changed":
            parts = []
            for c in r["changed"].split():
                parts.append(f"{c} {_short(r['old_' + c]) or '∅'!s} -> {_short(r['new_' + c]) or '∅'}")
            what = "; ".join(parts)
        else:
            what = f"{r['change']} (status {r['old_status'] or r['new_status']})"
        rel = f"  [{r['relative_change']}]" if r["relative_change"] else ""
        tag = f"  <{r['flags']}>" if r["flags"] else ""
        tag += "  (corrected by a reviewer)" if r["corrected"] else ""
        lines.append(f"{mark} {r['report']}  {name}: {what}{rel}{tag}")
    if len(ordered) > limit:
        lines.append(f"... {len(ordered) - limit} more (all of them in the CSV of --csv PATH)")
    return "\n".join(lines)


def _usage_problem(csv_path: Path | None, threshold: float, limit: int) -> str | None:
    """What makes the command unable to run as asked (checked before anything is read)."""
    if not threshold >= 0:  # also NaN
        return f"--threshold must be 0 or more (a fraction of the old value), not {threshold}"
    if limit < 0:
        return f"--limit must be 0 or more, not {limit}"
    if csv_path is None:
        return None
    if csv_path.is_dir():
        return f"--csv {csv_path} is a folder, not a file"
    parent = next((p for p in csv_path.parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        return f"--csv {csv_path}: {parent} is a file, not a folder"
    return None


def main_diff(old_dir: Path, new_dir: Path, csv_path: Path | None = None, threshold: float = DEFAULT_THRESHOLD,
              by: str = "source", limit: int = 200) -> int:
    csv_path = Path(csv_path) if csv_path else None  # no --csv: nothing is written, in either folder
    problem = _usage_problem(csv_path, threshold, limit)
    if problem:
        print(f"pipeline diff: {problem}", file=sys.stderr)
        return 2
    try:
        result = compare(old_dir, new_dir, threshold, by)
    except DamagedOutput as e:
        print(f"pipeline diff: {e}", file=sys.stderr)
        return 2
    if csv_path is not None:
        try:
            write_csv(result.frame.apply(lambda col: col.map(guard_formula)), csv_path)
        except OSError as e:  # a full disk, a read-only folder: one line, and exit 3 (outputs not written)
            print(f"pipeline diff: cannot write {e.filename or csv_path}: {e.strerror or e}", file=sys.stderr)
            return 3
    print(format_summary(result, threshold, limit))
    if csv_path is not None:
        print(f"diff written to {csv_path}")
    return 1 if result.rows else 0
