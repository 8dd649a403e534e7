"""OUTDIR/datapackage.json: a Frictionless Data Package that describes the CSV outputs.

For every column of values.csv, profiles.csv, panel.csv and failures.csv: its type (integer, number,
string, year), what it means, its unit and the methodologies (templates) that have it, taken from the
codebook; the missing-value marker (an empty cell) and each table's primary key. `frictionless
validate OUTDIR/datapackage.json` checks the files against it, and pipeline/outdir/read.py loads them into
typed pandas frames from it. The document depends only on the codebook and the pipeline's version,
so it is the same on every run with them (the outputs stay byte-identical).
"""
from __future__ import annotations

import json
from typing import get_args

from ..core import __version__
from ..core.codebook import Codebook, FieldSpec
from ..core.models import Failure, Match
from .names import ORIGINS, PANEL_EXTRA_COLUMNS, STATUSES, TABLES, VALUE_COLUMNS, profile_columns

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
                         "(the report's JSON keeps the extracted value, the note and the reviewer)."),
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


def _field_columns(spec: FieldSpec, codebook: Codebook) -> list[dict]:
    """A field's profiles.csv columns: its value, and its currency (money) or verdict (assessment)."""
    methodology = codebook.methodology(spec)
    read = " Empty unless the value was read (status ok in values.csv, which says why not)."
    unit = f"the currency in {spec.id}_currency" if spec.type == "money" else spec.unit
    cols = [_column(spec.id, TYPES[spec.type], spec.description + read, unit, methodology)]
    if spec.type == "money":
        cols.append(_column(f"{spec.id}_currency", "string", f"The ISO 4217 currency of {spec.id}.",
                            methodology=methodology))
    if spec.type == "assessment":
        cols.append(_column(f"{spec.id}_answer", "string", f"The normalized verdict {spec.id} opens with.",
                            methodology=methodology, enum=list(codebook.verdicts)))
    return cols


def _profile_schema(codebook: Codebook) -> list[dict]:
    specs = {f.id: f for f in codebook.fields}
    cols = []
    for name in profile_columns(codebook):
        if name in REPORT_DOCS:
            cols.append(_shared(name, codebook))
        elif name in specs:
            cols += _field_columns(specs[name], codebook)
    return cols


PANEL_DOCS = {
    "sources": "The editions (PDFs) of this country and year in the batch, separated by '; '.",
    "languages": "Their languages, separated by '; '.",
    "conflicts": "The fields on which two editions disagree, separated by spaces: those cells are left empty "
                 "(log.jsonl has an edition_mismatch warning for each, with both values).",
}


def _resource(name: str, description: str, fields: list[dict], key: list[str], **extra) -> dict:
    return {"name": name, "path": TABLES[name], "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": description + GUARD_NOTE,
            "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True},
            "schema": {"fields": fields, "missingValues": MISSING, "primaryKey": key, **extra}}


def data_package(codebook: Codebook) -> dict:
    """The data package of a run's CSV files, from the codebook."""
    values = [_shared(c, codebook) for c in VALUE_COLUMNS]
    profiles = _profile_schema(codebook)
    panel = profiles + [_column(c, "string", PANEL_DOCS[c]) for c in PANEL_EXTRA_COLUMNS]
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
                        "value. Load them typed with pipeline.read_values / read_profiles / read_panel (pandas), "
                        "or frictionless::read_resource in R."),
        "version": __version__,
        "codebook_version": codebook.version,
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
        ],
    }


def data_package_json(codebook: Codebook) -> str:
    return json.dumps(data_package(codebook), ensure_ascii=False, indent=2) + "\n"
