"""The rows of values.csv and profiles.csv made from a report: the text of each cell, in the order of the
columns names.py lists."""
from __future__ import annotations

from ..core.models import FieldValue, Report
from .cells import format_value
from .names import CONFIRMED, CORRECTED, EXTRACTED, STATUS_SUFFIX


def _box(v: FieldValue) -> list[str]:
    return [f"{c:.2f}" for c in v.bbox] if v.bbox else ["", "", "", ""]


def value_row(report: Report, v: FieldValue, row: int | None = None) -> list[str]:
    """A values.csv row; `row` is the value's place among its report's values, from 1 (found when not given)."""
    if row is None:
        row = next(n for n, x in enumerate(report.values, 1) if x is v)
    return [
        report.source, report.country or "", report.iso3 or "", format_value(report.year), report.template or "",
        report.language or "", v.section, v.field, v.label, format_value(v.value), v.unit or "", v.answer or "",
        v.text, v.status, format_value(v.page), *_box(v),
        v.match.method if v.match else "", v.match.variant if v.match else "", f"{v.match.score:.3f}" if v.match else "",
        "; ".join(v.rules),
        " | ".join(f"p{f.page} [{', '.join(f'{c:.1f}' for c in f.bbox)}] {f.text}" for f in v.fragments),
        " | ".join(f"{w.code}: {w.message}" for w in v.warnings),
        v.error or "", origin(v), str(row),
    ]


def profile_row(r: Report, columns: list[str]) -> dict[str, str]:
    """A profiles.csv row: each field's value (when read: ok), its currency or verdict, and its status, so that
    "no data published", "no such row" and "could not be read" are told apart; a field the report has no
    row for at all (not in its methodology) has every cell empty."""
    row = {"source": r.source, "country": r.country or "", "iso3": r.iso3 or "",
           "year": format_value(r.year), "template": r.template or "", "language": r.language or ""}
    for v in r.values:
        if not v.field or v.field in ("country", "year"):
            continue
        ok = v.status == "ok"
        row[v.field] = format_value(v.value) if ok else ""
        if v.field + STATUS_SUFFIX in columns:
            row[v.field + STATUS_SUFFIX] = v.status
        if f"{v.field}_currency" in columns:
            row[f"{v.field}_currency"] = v.unit or "" if ok else ""
        if f"{v.field}_answer" in columns:
            row[f"{v.field}_answer"] = v.answer or "" if ok else ""
    return row


def origin(v) -> str:
    """values.csv's `origin` of a value: extracted, corrected or confirmed (by a reviewer)."""
    if v.correction is None:
        return EXTRACTED
    return CONFIRMED if v.correction.action == "confirm" else CORRECTED
