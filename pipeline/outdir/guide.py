"""The output folder's guide, for people: README.md (what each file is, how to load it, the statuses) and the
fields' dictionary, fields.csv and fields.md (one row per field of the codebook: its id, type, unit,
section, methodologies, meaning and label in each language).

README.md is the same in every output folder (guide.md, beside this module; the repository's
output/README.md is a copy, which a test holds to it). The dictionary depends only on the codebook, like
datapackage.json, so the outputs stay byte-identical from run to run.
"""
from __future__ import annotations

from pathlib import Path

from ..core.codebook import Codebook, FieldSpec
from .cells import csv_line
from .names import field_columns

GUIDE = Path(__file__).with_name("guide.md")
PLACES = {"title": "title block", "facts": "facts box"}  # where a field without a section is printed


def readme_text() -> str:
    """OUTDIR/README.md."""
    return GUIDE.read_text(encoding="utf-8")


def fields_columns(codebook: Codebook) -> list[str]:
    """fields.csv's columns: a label column per language of the codebook (label_en, label_ru)."""
    return ["field", "type", "unit", "section", "methodology", "columns", "description",
            *(f"label_{lang}" for lang in codebook.languages)]


def _section(spec: FieldSpec, codebook: Codebook) -> str:
    if spec.section:
        titles = next((s.titles for s in codebook.sections if s.id == spec.section), {})
        first = next((t[0] for t in titles.values() if t), None)
        return first or spec.section
    return PLACES.get(spec.where, spec.where)


def _columns(spec: FieldSpec) -> str:
    """The field's columns in profiles.csv (country and year are the report's own columns)."""
    return spec.id if spec.id in ("country", "year") else " ".join(field_columns(spec))


def field_rows(codebook: Codebook) -> list[dict[str, str]]:
    """One row per field, in the codebook's order (that of profiles.csv's columns); a field's label in a
    language is its canonical (first) wording there, empty when it has none (the title block's)."""
    return [{"field": s.id, "type": s.type, "unit": s.unit or ("ISO 4217 currency" if s.type == "money" else ""),
             "section": _section(s, codebook), "methodology": " ".join(codebook.methodology(s)),
             "columns": _columns(s), "description": s.description,
             **{f"label_{lang}": (s.labels.get(lang) or [""])[0] for lang in codebook.languages}}
            for s in codebook.fields]


def fields_csv(codebook: Codebook) -> str:
    """OUTDIR/fields.csv."""
    columns = fields_columns(codebook)
    return "".join(csv_line(r) for r in [columns, *([row[c] for c in columns] for row in field_rows(codebook))])


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def fields_md(codebook: Codebook) -> str:
    """OUTDIR/fields.md: the same table, for reading."""
    columns = fields_columns(codebook)
    lines = ["# The fields", "",
             "One row per field: `field` is its column in profiles.csv and panel.csv, `columns` all of its "
             "columns there (its value, its currency or verdict, its status). `type`: int (a count), float (a "
             "number), money (an amount, its currency in `<field>_currency`), assessment (a text opening with a "
             "verdict, normalized in `<field>_answer`), text. The same table is in fields.csv.", "",
             "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_md_cell(row[c]) for c in columns) + " |" for row in field_rows(codebook)]
    return "\n".join(lines) + "\n"
