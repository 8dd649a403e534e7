"""Which values a reviewer should look at first (review/doubtful.html): every value of a field that
carries a doubt, with a score ordering them, most doubtful first.

A doubt is: the value is invalid; its label matched its field only fuzzily (a weak match, scored below
1) or by its place in the table (structural); or it carries a warning (validation: bounds, plausibility,
the checks between fields; the tags and the geometry disagreeing; a stale correction; ...). A value a
reviewer confirmed or corrected is doubtful only through the warnings it carries now (a corrected value
is validated again; a confirmed one keeps its warnings in its `correction` record, not on itself).
"""
from __future__ import annotations

from ...core.models import FieldValue, Report
from ...outdir.cells import format_value

INVALID = 100.0
# a warning's weight by code; any other code weighs DEFAULT_WARNING
WARNING_WEIGHTS = {"stale_correction": 60.0, "tags_disagree": 40.0, "duplicate_field": 35.0,
                   "ambiguous_label": 30.0, "structural_match": 25.0, "weak_match": 20.0}
DEFAULT_WARNING = 30.0  # validation: out of bounds, implausible, against another field, the file name
STRUCTURAL = 25.0
FUZZY = 40.0  # times (1 - score): a match scored 0.6 weighs 16


def doubt(v: FieldValue) -> tuple[float, list[str]]:
    """How doubtful a value is (0: not at all) and why, one reason per doubt."""
    score, why = 0.0, []
    if v.status == "invalid":
        score += INVALID
        why.append(f"invalid: {v.error or 'no reason given'}")
    codes = {w.code for w in v.warnings}
    m = v.match
    if m is not None and v.correction is None:
        if m.method == "structural" and "structural_match" not in codes:
            score += STRUCTURAL
            why.append(f"structural match (by its place in the table, not its label) to {m.field}")
        elif m.method == "fuzzy" and "weak_match" not in codes:
            score += FUZZY * max(0.0, 1.0 - m.score)
            why.append(f"fuzzy match {m.score:.2f} to the wording {m.variant!r}")
    for w in v.warnings:
        weight = WARNING_WEIGHTS.get(w.code, DEFAULT_WARNING)
        if w.code == "weak_match" and m is not None:
            weight += FUZZY * max(0.0, 1.0 - m.score)
        score += weight
        why.append(f"{w.code}: {w.message}")
    return score, why


def doubtful_rows(reports: list[Report], page_of) -> list[dict]:
    """Every doubtful value of a field across the reports, most doubtful first (then by report and row):
    what doubtful.html lists. `page_of(report)` names the report's page."""
    rows = []
    for report in reports:
        for key, v in enumerate(report.values):
            if not v.field:
                continue
            score, why = doubt(v)
            if score <= 0:
                continue
            fixed = v.correction
            rows.append({
                "score": round(score, 1), "why": why, "source": report.source, "page": page_of(report),
                "key": key, "field": v.field, "label": v.label, "value": format_value(v.value),
                "unit": v.unit or "", "status": v.status, "pdf_page": v.page, "text": v.text,
                "method": v.match.method if v.match else "", "match_score": v.match.score if v.match else None,
                "was": format_value(fixed.extracted_value) if fixed else format_value(v.value),
                "country": report.country or "", "year": report.year or "",
            })
    rows.sort(key=lambda r: (-r["score"], r["source"], r["key"]))
    return rows
