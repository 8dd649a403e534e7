"""The rows of values.csv and profiles.csv made from a report: one place for the columns and their text."""
from __future__ import annotations

from ..core.codebook import Codebook
from ..core.models import FieldValue, Report

VALUE_COLUMNS = [
    "source", "country", "iso3", "year", "template", "language", "section", "field", "label", "value", "unit",
    "answer", "text", "status", "page", "x0", "top", "x1", "bottom", "match_method", "match_variant", "match_score",
    "rules", "fragments", "warnings", "error", "origin", "row",
]
FAILURE_COLUMNS = ["source", "category", "message"]


def format_value(value) -> str:
    """Numbers as plain text a CSV reader parses back exactly: 23635, -3.04, 417611910."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


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
        v.error or "", "corrected" if v.correction else "extracted", str(row),
    ]


def profile_columns(codebook: Codebook) -> list[str]:
    columns = ["source", "country", "iso3", "year", "template", "language"]
    for spec in codebook.fields:
        if spec.id in ("country", "year"):
            continue
        columns.append(spec.id)
        if spec.type == "money":
            columns.append(f"{spec.id}_currency")
        if spec.type == "assessment":
            columns.append(f"{spec.id}_answer")
    return columns


def profile_row(r: Report, columns: list[str]) -> dict[str, str]:
    row = {"source": r.source, "country": r.country or "", "iso3": r.iso3 or "",
           "year": format_value(r.year), "template": r.template or "", "language": r.language or ""}
    for v in r.values:
        if not v.field or v.field in ("country", "year"):
            continue
        ok = v.status == "ok"
        row[v.field] = format_value(v.value) if ok else ""
        if f"{v.field}_currency" in columns:
            row[f"{v.field}_currency"] = v.unit or "" if ok else ""
        if f"{v.field}_answer" in columns:
            row[f"{v.field}_answer"] = v.answer or "" if ok else ""
    return row


