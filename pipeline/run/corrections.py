"""Reviewer corrections that survive reruns: `pipeline run INPUT --out OUTDIR --corrections FILE.csv`.

The file is a CSV with the columns source, field, was, value, note, and optionally unit, answer, status,
reviewer and action (the review site exports exactly this). `source` and `field` name a row of values.csv;
`was` is that row's value when the reviewer looked (empty for a missing value); `value` the right one.
`action` is `correct` (or empty, or no such column: files written before it stay valid) or `confirm`: the
value is right as extracted (`value` empty or equal to `was`; no unit, answer or status). A confirmed
value keeps its value and status; the warnings it carried move to its `correction` record
(`confirmed_warnings`), its `origin` in values.csv is `confirmed`, and the review site no longer lists it
as doubtful. A confirmation whose `was` is no longer what the extraction reads is stale, as a correction.

The whole file is read and checked before anything is converted or written: an unknown source or field,
a missing or unknown column, a line that corrects a value another line corrects, or a value that fails the
field's parser or its bounds (the same parser and bounds as extraction: pipeline/convert/normalize.py and
the codebook) stop the run with a message naming the file and the line.

Corrections are applied to each converted report as it is written, never to the cached result, so that
changing them never converts a PDF again (the manifest records the file's sha256: a changed file rewrites
the outputs). A correction whose `was` is no longer what the extraction reads (the PDF or the pipeline
changed) is stale: it is not applied, and the row gets a `stale_correction` warning.

A corrected value then passes the same validation as an extracted one (convert/validate.py): its
plausible range, the checks between fields (against the population, pre-trial against prisoners) and the
file name's year and country. What those checks said about the extracted values they read is replaced by
what they say now; the other values' warnings are left as they were.
"""
from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..convert.door import Finding, Lexicon, Normalized, default_lexicon, normalize_value, validate
from ..core.keys import file_of
from ..core.codebook import FieldSpec
from ..core.models import Correction, FieldValue, Issue, Report
from ..core.text import collapse_ws
from ..outdir.cells import format_value, unguard

REQUIRED = ["source", "field", "was", "value", "note"]
OPTIONAL = ["unit", "answer", "status", "reviewer", "action"]
ACTIONS = ("correct", "confirm")
COLUMNS = REQUIRED + OPTIONAL  # the order the review site writes them in
SETTABLE_STATUSES = ("ok", "no_data")  # what a correction may say a value is


class CorrectionsError(ValueError):
    """A corrections file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Line:
    """One correction as read from the file, with the value it sets, parsed and checked."""

    line: int
    source: str
    field: str
    was: str
    text: str  # the value as the reviewer wrote it
    note: str
    reviewer: str
    reading: Normalized | None  # None for a confirmation
    action: str = "correct"


def _plain(cell: str) -> str:
    """A `was` cell as the value it names: copied from values.csv, it may carry the formula guard."""
    return collapse_ws(unguard(cell))


def read_value(spec: FieldSpec, row: dict[str, str], lexicon: Lexicon) -> Normalized:
    """The corrected value read with the field's parser and checked against its bounds; raises ValueError
    with the reason."""
    value, unit, answer, status = (row.get(k, "").strip() for k in ("value", "unit", "answer", "status"))
    if status and status not in SETTABLE_STATUSES:
        raise ValueError(f"status {status!r}: a correction sets {' or '.join(SETTABLE_STATUSES)}")
    money = spec.type == "money"
    # a money amount without its currency takes the unit column's, as from a label "Budget (KZT)"
    n = normalize_value(spec, value, lexicon, unit or None, f"({unit})" if money and unit else "")
    if n.status == "invalid":
        hint = " (give the currency in the value or in the unit column)" if money else ""
        raise ValueError(f"{value!r} is not a valid {spec.id}: {n.error}{hint}")
    if status and n.status != status:
        raise ValueError(f"status {status} but the value {value!r} reads as {n.status}")
    if n.status == "ok" and spec.bounds:
        try:
            lexicon.bounds_model.model_validate({spec.id: n.value})
        except ValidationError as e:
            raise ValueError(f"{value!r} is out of range for {spec.id}: {e.errors()[0]['msg']}") from None
    if unit and n.unit != unit:
        raise ValueError(f"unit {unit!r}, but {spec.id} {value!r} reads as {n.unit or 'having no unit'}")
    if answer:
        if spec.type != "assessment":
            raise ValueError(f"answer {answer!r}: {spec.id} is not an assessment")
        if answer not in lexicon.codebook.verdicts:
            raise ValueError(f"answer {answer!r} is not one of {', '.join(lexicon.codebook.verdicts)}")
        n.answer = answer
    return n


def _check_row(row: dict[str, str], sources: set[str], lexicon: Lexicon) -> Line:
    source, field_id = row["source"].strip(), row["field"].strip()
    if file_of(source) not in sources:
        raise ValueError(f"unknown source {source!r}: no such PDF under INPUT")
    if field_id not in lexicon.specs:
        raise ValueError(f"unknown field {field_id!r}" if field_id else "no field: only a known field's value "
                         "can be corrected")
    action = (row.get("action") or "").strip().lower() or "correct"
    if action not in ACTIONS:
        raise ValueError(f"action {action!r}: the actions are {', '.join(ACTIONS)} (empty: correct)")
    was = _plain(row["was"])
    if action == "confirm":
        value = _plain(row["value"])
        if value and value != was:
            raise ValueError(f"a confirmation keeps the extracted value: value {value!r} is not was {was!r} "
                             "(leave value empty, or use action correct)")
        given = [k for k in ("unit", "answer", "status") if (row.get(k) or "").strip()]
        if given:
            raise ValueError(f"a confirmation keeps the extracted value: no {', '.join(given)}")
        reading = None
    else:
        reading = read_value(lexicon.spec(field_id), row, lexicon)
    return Line(0, source, field_id, was, row["value"].strip(), row["note"].strip(),
                (row.get("reviewer") or "").strip(), reading, action)


def _check_header(path: Path, header: list[str] | None) -> None:
    header = [h.strip() for h in header or []]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        what = (f"missing column {', '.join(missing)}" if missing else "") + \
               ("; " if missing and unknown else "") + (f"unknown column {', '.join(unknown)}" if unknown else "")
        raise CorrectionsError(f"{path}, line 1: {what} (the columns are {', '.join(COLUMNS)})")


class Corrections:
    """A checked corrections file: the lines by report, and its content's sha256 (for the manifest)."""

    def __init__(self, path: Path, sha256: str, lines: list[Line], lexicon: Lexicon):
        self.path, self.sha256, self.lines, self.lexicon = Path(path), sha256, lines, lexicon
        self.by_source: dict[str, list[Line]] = {}
        for c in lines:
            self.by_source.setdefault(c.source, []).append(c)

    def apply(self, report: Report) -> tuple[Report, list[dict]]:
        """The report with its corrections applied (a copy), and the `corrected` log events."""
        mine = self.by_source.get(report.source)
        if not mine:
            return report, []
        report = report.model_copy(deep=True)
        before = validate(report.values, report.source, self.lexicon)
        events, changed = [], set()
        for c in mine:
            v = report.field(c.field)
            now = format_value(v.value) if v else ""
            if v is None or collapse_ws(now) != c.was:
                if v is not None:
                    v.warnings.append(_stale(c, now))
                continue
            if c.action == "confirm":
                _confirm(v, c)
                events.append({"event": "confirmed", "file": report.source, "field": c.field, "line": c.line,
                               "value": now, "status": v.status, "note": c.note, "reviewer": c.reviewer})
                continue
            if (v.value, v.unit, v.status) != (c.reading.value, c.reading.unit, c.reading.status):
                changed.add(c.field)
            _correct(report, v, c, self.lexicon)
            events.append({"event": "corrected", "file": report.source, "field": c.field, "line": c.line,
                           "was": now, "value": format_value(v.value), "status": v.status, "note": c.note,
                           "reviewer": c.reviewer})
        if changed:
            revalidate(report, before, changed, self.lexicon)
        return report, events

    def unapplied(self, source: str) -> list[dict]:
        """Warnings for the corrections of a file that could not be converted."""
        return [{"event": "warning", "file": c.source, "field": c.field, "code": "stale_correction",
                 "message": f"the correction on line {c.line} of {self.path.name} was not applied: the file was "
                            "not converted"}
                for key, lines in self.by_source.items() if file_of(key) == source for c in lines]


def revalidate(report: Report, before: list[Finding], changed: set[str], lexicon: Lexicon) -> None:
    """Validate the report again after corrections changed the values of `changed`: each check that reads
    one of them has its old finding (`before`, on the extracted values) taken back and its new one applied,
    so a corrected index score of 900 warns as an extracted one would, and a corrected prison population
    updates the pre-trial check that compares with it."""
    def involved(f: Finding) -> bool:
        return bool(set(f.fields) & changed)

    for f in filter(involved, before):
        v = report.values[f.index]
        v.warnings = [w for w in v.warnings if w != f.issue]
        if f.invalid and v.correction is None and v.error == f.issue.message:  # invalid only by that check
            v.status, v.error = "ok", None
    for f in filter(involved, validate(report.values, report.source, lexicon)):
        v = report.values[f.index]
        v.warnings.append(f.issue)
        if f.invalid:
            v.status, v.error = "invalid", f.issue.message


def _stale(c: Line, now: str) -> Issue:
    return Issue(code="stale_correction", field=c.field, message=(
        f"the correction on line {c.line} ({c.was or 'empty'} -> {c.text or 'empty'}) was not applied: the "
        f"extraction now reads {now or 'no value'}, not {c.was or 'no value'}; check it and update the "
        "corrections file"))


def _confirm(v: FieldValue, c: Line) -> None:
    """The reviewer says the extracted value is right: it stays, and so does its status; its warnings
    (the doubts the reviewer resolved) are kept in the correction record instead of on the value."""
    v.correction = Correction(extracted_value=v.value, extracted_unit=v.unit, extracted_answer=v.answer,
                              extracted_status=v.status, extracted_error=v.error, extracted_rules=v.rules,
                              note=c.note, reviewer=c.reviewer, line=c.line, action="confirm",
                              confirmed_warnings=v.warnings)
    v.warnings = []
    v.rules = [*v.rules, "reviewer_confirmed"]


def _correct(report: Report, v: FieldValue, c: Line, lexicon: Lexicon) -> None:
    r = c.reading
    v.correction = Correction(extracted_value=v.value, extracted_unit=v.unit, extracted_answer=v.answer,
                              extracted_status=v.status, extracted_error=v.error, extracted_rules=v.rules,
                              note=c.note, reviewer=c.reviewer, line=c.line)
    v.value, v.unit, v.answer, v.status, v.error = r.value, r.unit, r.answer, r.status, None
    v.rules = ["reviewer_correction", *r.rules]
    if v.field == "country":  # the report's own country and year are read from these fields
        country = lexicon.country(r.value) if r.status == "ok" else None
        report.country, report.iso3 = (country.name, country.iso3) if country else (None, None)
    elif v.field == "year":
        report.year = r.value if r.status == "ok" else None


def load_corrections(path: Path, sources: set[str], lexicon: Lexicon | None = None) -> Corrections:
    """Read and check a corrections file against the batch's sources and the codebook."""
    path = Path(path)
    lexicon = lexicon or default_lexicon()
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")  # a spreadsheet may write a byte-order mark
    except (OSError, UnicodeDecodeError) as e:
        raise CorrectionsError(f"{path}: cannot read the corrections file: {e}") from e
    reader = csv.DictReader(io.StringIO(text, newline=""), restval="")
    _check_header(path, reader.fieldnames)
    reader.fieldnames = [h.strip() for h in reader.fieldnames]
    lines: list[Line] = []
    seen: dict[tuple[str, str], int] = {}
    for row in reader:
        start = reader.line_num  # the line the row ends on; a row with a quoted line break starts earlier
        if None in row:
            raise CorrectionsError(f"{path}, line {start}: more cells than columns")
        if not any(v.strip() for v in row.values()):
            continue  # a blank line
        try:
            c = _check_row(row, sources, lexicon)
        except ValueError as e:
            raise CorrectionsError(f"{path}, line {start}: {e}") from None
        if (c.source, c.field) in seen:
            raise CorrectionsError(f"{path}, line {start}: {c.field} of {c.source} is corrected on line "
                                   f"{seen[(c.source, c.field)]} already")
        seen[(c.source, c.field)] = start
        lines.append(Line(start, c.source, c.field, c.was, c.text, c.note, c.reviewer, c.reading, c.action))
    return Corrections(path, hashlib.sha256(data).hexdigest(), lines, lexicon)
