"""panel.csv: one row per country and year across every edition in the batch (English and Russian, or
a file reissued), the editions checked against each other.

Only what does not depend on the language is compared: numbers, money with its currency, the verdict
of an assessment, and whether a value is published at all. Where the editions agree the cell gets the
value; where they disagree it stays empty, its `<field>_status` says `conflict`, the field is named in
`conflicts`, and an `edition_mismatch` warning names both values, their files and pages. A value the
preferred edition lacks (missing, invalid) is taken, with its status, from an edition that has it. Texts (and the text of an
assessment) come from the edition in the codebook's first language (English) when there is one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core.codebook import Codebook
from ..core.models import FieldValue, Report
from .cells import format_value
from .names import CONFLICT, STATUS_SUFFIX, profile_columns
from .rows import profile_row


@dataclass
class Edition:
    source: str
    language: str | None
    row: dict[str, str]  # its profiles.csv row
    facts: dict[str, tuple]  # field -> what is compared (None: nothing published)
    pages: dict[str, int | None]


@dataclass
class PanelBuilder:
    codebook: Codebook
    editions: dict[tuple, list[Edition]] = field(default_factory=dict)

    def __post_init__(self):
        self.columns = profile_columns(self.codebook)
        self.column_set = set(self.columns)
        self.types = {f.id: f.type for f in self.codebook.fields}
        self.first_language = next(iter(self.codebook.languages), None)

    def _compared(self, v: FieldValue) -> tuple | None:
        """What two editions must agree on: the number and its unit, or the verdict; whether there is data."""
        if v.status == "no_data":
            return ("no data",)
        if v.status != "ok":
            return None
        kind = self.types.get(v.field)
        if kind in ("int", "float", "money"):
            return (format_value(v.value), v.unit or "")
        if kind == "assessment" and v.answer:
            return (v.answer,)
        return None  # a text: printed in its edition's language

    def add(self, report: Report) -> None:
        key = (report.iso3, report.year) if report.iso3 and report.year else ("", report.source)
        facts = {v.field: self._compared(v) for v in report.values if v.field and v.field not in ("country", "year")}
        pages = {v.field: v.page for v in report.values if v.field}
        self.editions.setdefault(key, []).append(
            Edition(report.source, report.language, profile_row(report, self.columns), facts, pages))

    def _cells(self, fid: str) -> list[str]:
        """The profiles.csv columns of a field: its value, its currency or answer, and its status."""
        return [c for c in (fid, f"{fid}_currency", f"{fid}_answer", fid + STATUS_SUFFIX) if c in self.column_set]

    def _preferred(self, editions: list[Edition]) -> list[Edition]:
        """The editions, the one in the first language (English) first, then by source."""
        return sorted(editions, key=lambda e: (e.language != self.first_language, e.source))

    def build(self) -> tuple[list[dict[str, str]], list[dict]]:
        """The panel's rows (sorted by country and year) and the log events of its conflicts."""
        rows, events = [], []
        for key in sorted(self.editions, key=lambda k: (k[0] or "~", str(k[1]))):
            editions = self._preferred(self.editions[key])
            row = dict(editions[0].row)
            conflicts = []
            for fid in self.types:
                if fid in ("country", "year"):
                    continue
                said = [(e, e.facts.get(fid)) for e in editions if e.facts.get(fid) is not None]
                if len({s for _, s in said}) > 1:
                    conflicts.append(fid)
                    for col in self._cells(fid):
                        row[col] = ""
                    if fid + STATUS_SUFFIX in self.column_set:
                        row[fid + STATUS_SUFFIX] = CONFLICT
                    events.append(self._mismatch(key, fid, said))
                elif said and not row.get(fid):  # the preferred edition lacks it: another has it
                    donor = said[0][0].row
                    for col in self._cells(fid):
                        row[col] = donor.get(col, "")
            row["sources"] = "; ".join(e.source for e in editions)
            row["languages"] = "; ".join(sorted({e.language or "" for e in editions}))
            row["conflicts"] = " ".join(conflicts)
            rows.append(row)
        return rows, events

    @staticmethod
    def _mismatch(key: tuple, fid: str, said: list[tuple[Edition, tuple]]) -> dict:
        what = "; ".join(f"{e.source} (page {e.pages.get(fid)}) says {' '.join(x for x in s if x)}" for e, s in said)
        return {"event": "warning", "code": "edition_mismatch", "field": fid,
                "file": said[0][0].source, "files": [e.source for e, _ in said],
                "message": f"the editions of {key[0]} {key[1]} disagree on {fid}: {what}"}
