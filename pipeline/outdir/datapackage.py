"""OUTDIR/datapackage.json: a Frictionless Data Package that describes the CSV outputs.

For every column of values.csv, profiles.csv, panel.csv and failures.csv: its type (integer, number,
string, year), what it means, its unit and the methodologies (templates) that have it, taken from the
codebook; the missing-value marker (an empty cell) and each table's primary key; fields.csv, the fields'
dictionary (guide.py), as a table of its own. `frictionless validate OUTDIR/datapackage.json` checks the
files against it, and pipeline/outdir/read.py loads them into typed pandas frames from it.

Besides the codebook and the pipeline's version it holds what the package is made from, as a data
package should: `created` (when the newest input PDF was last modified, or $SOURCE_DATE_EPOCH: see
created()), `sources` (the input PDFs, each with its sha256) and `licenses` (the data's licence is not
known: said so). The same inputs give the same document byte for byte, as every other output.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from typing import get_args

from ..core import __version__
from ..core.codebook import Codebook, FieldSpec
from ..core.models import Failure, Match
from .guide import fields_columns
from .names import (EXCEL_COPIES, FIELD_STATUSES, FIELDS_MD, README, ORIGINS, PANEL_EXTRA_COLUMNS, PANEL_STATUSES, STATUS_SUFFIX, STATUSES, TABLES,
                    VALUE_COLUMNS, profile_columns)

MISSING = [""]  # an empty cell is a missing value, in every column
TYPES = {"int": "integer", "float": "number", "money": "number", "assessment": "string", "text": "string"}
# every text column may have it (the CSV formula guard, cells.py)
GUARD_NOTE = (" A text cell a spreadsheet would run as a formula (starting with = + - @) is written with a leading "
              "' unless the run used --no-csv-guard.")

# The columns every table shares with values.csv, and values.csv's own (the fields' columns come from
# the codebook).
REPORT_DOCS = {
    "source": ("string", "The PDF the row comes from: its path relative to the run's INPUT folder, /-separated "
                         "(the file name when INPUT was one file), followed by #page=N (the page of the "
                         "profile's title block) when the file holds several profiles."),
    "country": ("string", "The country the profile covers, by its short name (Kazakhstan)."),
    "iso3": ("string", "The country's ISO 3166-1 alpha-3 code (KAZ)."),
    "year": ("year", "The year the profile's facts and assessments refer to."),
    "template": ("string", "The methodology the profile follows (2019, or 2020 for the one with the expert "
                           "assessment of investigations), read from its content."),
    "language": ("string", "The language of the profile's text (en, ru), detected from the text."),
}
VALUE_DOCS = {
    "section": ("string", "The title of the profile's section the row is in, as printed; empty for the title "
                          "block and the facts box."),
    "field": ("string", "The canonical field id (see the codebook and profiles.csv); empty for an unmapped row."),
    "label": ("string", "The row's label as printed in the profile."),
    "value": ("string", "The value, as text: a plain number (23635, -3.04, 417611910) for count, number and money "
                        "fields, the cleaned text for text and assessment fields, the short name for the country; "
                        "empty when there is none. Numbers and text share this column by design (one row per "
                        "field of every type): profiles.csv and panel.csv are the typed tables, one column per "
                        "field."),
    "unit": ("string", "The value's unit: the ISO 4217 currency of a money field, million for the population."),
    "answer": ("string", "The normalized verdict an assessment opens with (yes, no, partial, ...)."),
    "text": ("string", "The whole cell text, cleaned: lines joined, whitespace collapsed."),
    "status": ("string", "ok: read; no_data: the cell says there is no data; missing: the profile has no such "
                         "row; invalid: the text could not be read as the field's type or failed validation "
                         "(error says why, text keeps it); unmapped: a row that matches no field."),
    "page": ("integer", "The page the value starts on, from 1."),
    "x0": ("number", "Left edge of the value's box on its page, from the page's left edge."),
    "top": ("number", "Top edge of the value's box, from the top of the page."),
    "x1": ("number", "Right edge of the value's box, from the page's left edge."),
    "bottom": ("number", "Bottom edge of the value's box, from the top of the page. The box covers the value's "
                         "words: for a value wrapped over several lines with its label on the first one (the facts "
                         "box), the box of its first line; fragments has every line's box."),
    "match_method": ("string", "How the printed label was matched to its field: exact, variant (another wording "
                               "in the codebook), fuzzy (a close wording) or structural (by its place and its "
                               "value's type; check it)."),
    "match_variant": ("string", "The codebook wording the label matched."),
    "match_score": ("number", "How close the label is to that wording, from 0 to 1 (1: identical)."),
    "rules": ("string", "The normalization rules applied to the text, separated by '; '."),
    "fragments": ("string", "The lines the value was joined from, each as 'p<page> [x0, top, x1, bottom] text', "
                            "separated by ' | '."),
    "warnings": ("string", "Warnings about the row, each as 'code: message', separated by ' | '."),
    "error": ("string", "Why the value is invalid."),
    "origin": ("string", "extracted: the value read from the PDF; corrected: a reviewer's correction replaced it "
                         "(the report's JSON keeps the extracted value, the note and the reviewer); confirmed: "
                         "read from the PDF and confirmed right by a reviewer (the JSON keeps the warnings it "
                         "carried, the note and the reviewer)."),
    "row": ("integer", "The row's place among its report's rows, from 1."),
}
POINTS = {"page": None, "x0": "PDF points", "top": "PDF points", "x1": "PDF points", "bottom": "PDF points"}


def _column(name: str, kind: str, description: str, unit: str | None = None, methodology: list[str] | None = None,
            enum: list[str] | None = None) -> dict:
    col = {"name": name, "type": kind, "description": description}
    if unit:
        col["unit"] = unit
    if methodology:
        col["methodology"] = methodology
    if enum:
        col["constraints"] = {"enum": enum}
    return col


def _enums(codebook: Codebook) -> dict[str, list[str]]:
    return {"template": sorted(t.id for t in codebook.templates), "language": list(codebook.languages),
            "field": codebook.field_ids, "answer": list(codebook.verdicts), "status": list(STATUSES), "origin": ORIGINS,
            "match_method": list(get_args(Match.model_fields["method"].annotation))}


def _shared(name: str, codebook: Codebook) -> dict:
    kind, description = REPORT_DOCS[name] if name in REPORT_DOCS else VALUE_DOCS[name]
    unit = POINTS.get(name)
    return _column(name, kind, description, unit, enum=_enums(codebook).get(name))


STATUS_DOC = ("The status of {id}: ok (read: {id} has the value), no_data (the profile says the country publishes "
              "no data), missing (the profile has no such row), invalid (the cell could not be read as the field's "
              "type or failed validation; values.csv has the text and the error). Empty when the report's "
              "methodology has no such field.")
PANEL_STATUS_DOC = (" In panel.csv also conflict: two editions disagree on it (named in conflicts; {id} is left "
                    "empty).")


def _field_columns(spec: FieldSpec, codebook: Codebook, panel: bool = False) -> list[dict]:
    """A field's profiles.csv (or panel.csv) columns: its value, its currency (money) or verdict
    (assessment), and its status."""
    methodology = codebook.methodology(spec)
    read = f" Empty unless the value was read ({spec.id}{STATUS_SUFFIX} ok; otherwise it says why not)."
    unit = f"the currency in {spec.id}_currency" if spec.type == "money" else spec.unit
    cols = [_column(spec.id, TYPES[spec.type], spec.description + read, unit, methodology)]
    if spec.type == "money":
        cols.append(_column(f"{spec.id}_currency", "string", f"The ISO 4217 currency of {spec.id}.",
                            methodology=methodology))
    if spec.type == "assessment":
        cols.append(_column(f"{spec.id}_answer", "string", f"The normalized verdict {spec.id} opens with.",
                            methodology=methodology, enum=list(codebook.verdicts)))
    status = STATUS_DOC + (PANEL_STATUS_DOC if panel else "")
    cols.append(_column(spec.id + STATUS_SUFFIX, "string", status.format(id=spec.id), methodology=methodology,
                        enum=list(PANEL_STATUSES if panel else FIELD_STATUSES)))
    return cols


def _profile_schema(codebook: Codebook, panel: bool = False) -> list[dict]:
    specs = {f.id: f for f in codebook.fields}
    cols = []
    for name in profile_columns(codebook):
        if name in REPORT_DOCS:
            cols.append(_shared(name, codebook))
        elif name in specs:
            cols += _field_columns(specs[name], codebook, panel)
    return cols


PANEL_DOCS = {
    "sources": "The editions (PDFs) of this country and year in the batch, separated by '; '.",
    "languages": "Their languages, separated by '; '.",
    "conflicts": "The fields on which two editions disagree, separated by spaces: those cells are left empty, "
                 "with <field>_status conflict (log.jsonl has an edition_mismatch warning for each, with both values).",
}


def _resource(name: str, description: str, fields: list[dict], key: list[str], **extra) -> dict:
    return {"name": name, "path": TABLES[name], "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": description + extra.pop("note", GUARD_NOTE),
            "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True},
            "schema": {"fields": fields, "missingValues": MISSING, "primaryKey": key, **extra}}


FIELDS_DOCS = {
    "field": "The field's id: its column in profiles.csv and panel.csv, and values.csv's field.",
    "type": "What the value is: int (a count), float (a number), money (an amount; its currency in "
            "<field>_currency), assessment (a text opening with a verdict, normalized in <field>_answer), text.",
    "unit": "The unit of the field's value (persons, million, ISO 4217 currency, ...).",
    "section": "Where the profile prints the field: the title block, the facts box, or its section's title.",
    "methodology": "The methodologies (templates) that have the field, separated by spaces.",
    "columns": "The field's columns in profiles.csv and panel.csv, separated by spaces.",
    "description": "What the value means.",
}
# an unknown licence said as such: a licence needs a name or a path (the Data Package spec), so "unknown"
UNKNOWN_LICENSE = {"name": "unknown", "title": "unknown — ask the publisher",
                   "description": "The reports' publisher states no licence for their content, so the licence of "
                                  "these data is unknown: ask the publisher before republishing them. (The software "
                                  "that wrote them is under the MIT licence.)"}


def _fields_table(codebook: Codebook) -> list[dict]:
    cols = []
    for name in fields_columns(codebook):
        if name.startswith("label_"):
            lang = name.removeprefix("label_")
            what = codebook.languages[lang].name if lang in codebook.languages else lang
            cols.append(_column(name, "string", f"The field's label as printed in {what} profiles (its canonical "
                                                f"wording; empty for the title block's fields)."))
        else:
            enum = sorted({f.type for f in codebook.fields}) if name == "type" else None
            cols.append(_column(name, "string", FIELDS_DOCS[name], enum=enum))
    return cols


def created(newest_input: float | None = None) -> str:
    """The package's `created`, in UTC to the second: $SOURCE_DATE_EPOCH when set (the reproducible-builds
    convention), else the time the newest input file was last modified, so that the same inputs give the
    same package byte for byte whatever the day, the workers or the order (when the run ran is in
    run.json); the clock only when no input has a time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        when = datetime.fromtimestamp(int(epoch), timezone.utc)
    elif newest_input is not None:
        when = datetime.fromtimestamp(int(newest_input), timezone.utc)
    else:
        when = datetime.now(timezone.utc)
    return when.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def data_package(codebook: Codebook, created: str | None = None, sources: list[dict] | None = None) -> dict:
    """The data package of a run's CSV files, from the codebook; with `created` and `sources` (each
    {"title": source, "sha256": ...}, the run's input files) when given."""
    values = [_shared(c, codebook) for c in VALUE_COLUMNS]
    profiles = _profile_schema(codebook)
    panel = _profile_schema(codebook, panel=True) + [_column(c, "string", PANEL_DOCS[c]) for c in PANEL_EXTRA_COLUMNS]
    failures = [_shared("source", codebook),
                _column("category", "string", "Why the file could not be converted (see the README's failure "
                                              "categories).", enum=list(get_args(Failure.model_fields["category"].annotation))),
                _column("message", "string", "What went wrong, for a person.")]
    by_source = [{"fields": ["source"], "reference": {"resource": "profiles", "fields": ["source"]}}]
    return {
        "profile": "tabular-data-package",
        "name": "torture-index-profiles",
        "title": "Index on Torture country profiles",
        "description": ("Values read from 'Index on Torture' / 'Prohibition of Torture Index' country-profile PDFs "
                        "by the torture-index-pipeline, with the provenance of each value. values.csv is tidy "
                        "(one row per report and row of the report); profiles.csv has one typed column per field; "
                        "panel.csv one row per country and year across the editions. An empty cell is a missing "
                        f"value. Each field's status is in <field>_status. {README} (beside this file) says what "
                        "each file is and how to load it; fields.csv (and fields.md) lists the fields. Load them "
                        "typed with pipeline.read_values / read_profiles / read_panel (pandas), or "
                        f"frictionless::read_resource in R; {' and '.join(EXCEL_COPIES.values())} are copies of "
                        "profiles.csv and panel.csv for Excel (UTF-8 with a byte-order mark)."),
        "version": __version__,
        "codebook_version": codebook.version,
        **({"created": created} if created else {}),
        "licenses": [UNKNOWN_LICENSE],
        **({"sources": sources} if sources is not None else {}),
        "resources": [
            _resource("values", "One row per report and row of the report: every field's value, unit, status, "
                                "and where it was read (page and box).", values, ["source", "row"],
                      foreignKeys=by_source),
            _resource("profiles", "One row per converted report, one column per field (its value when read).",
                      profiles, ["source"]),
            _resource("panel", "One row per country and year across every edition in the batch (English and "
                               "Russian, or a file reissued): the columns of profiles.csv, with the fields the "
                               "editions disagree on left empty. Its key is iso3 and year; a report whose country "
                               "or year could not be read has a row of its own, told apart by sources.",
                      panel, ["iso3", "year", "sources"]),
            _resource("failures", "One row per file that could not be converted.", failures, ["source"]),
            _resource("fields", f"The fields' dictionary: one row per field of the codebook ({FIELDS_MD} has the "
                                "same table in Markdown).", _fields_table(codebook), ["field"], note=""),
        ],
    }


def data_package_json(codebook: Codebook, created: str | None = None, sources: list[dict] | None = None) -> str:
    return json.dumps(data_package(codebook, created, sources), ensure_ascii=False, indent=2) + "\n"
