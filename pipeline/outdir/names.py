"""The output folder's names: the files `pipeline run` writes into OUTDIR, the columns of its tables and the
values its `status` and `origin` columns hold. Every module that writes or reads OUTDIR takes them from here.

    OUTDIR/
      values.csv  profiles.csv  panel.csv  failures.csv    the tables (their columns below)
      datapackage.json                                     their data dictionary (datapackage.py)
      json/<source>.<hash>.json                            one document per report (json_name)
      log.jsonl                                            one event per line (eventlog.py)
      manifest.json  run.json  cache/  .lock               what the outputs were made from, this run's
                                                           facts, the result cache, the lock (pipeline/run/)
      README.md  fields.csv  fields.md                     what the folder holds, and each field (guide.py)
      excel/profiles.csv  excel/panel.csv                  the wide tables for Excel (UTF-8 with a BOM)
      review/  codebook-patch.yaml                         written by the tools (pipeline/tools/)
"""
from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, get_args

from ..core.models import Status

if TYPE_CHECKING:
    from ..core.codebook import Codebook

VALUES, PROFILES, PANEL, FAILURES = "values.csv", "profiles.csv", "panel.csv", "failures.csv"
DATAPACKAGE = "datapackage.json"
LOG = "log.jsonl"
JSON_DIR = "json"
MANIFEST = "manifest.json"
RUN_INFO = "run.json"  # run-specific facts (times, reuse); every other output is deterministic
CACHE_DIR = "cache"
PARTIAL = "partial"  # under cache/: the outputs being written, out of the way until renamed into place
LOCK = ".lock"
REVIEW_DIR = "review"
README, FIELDS_CSV, FIELDS_MD = "README.md", "fields.csv", "fields.md"  # the folder's guide (guide.py)
# profiles.csv and panel.csv again for Excel, which reads a CSV file without a byte-order mark in the
# legacy code page (Cyrillic turns to garbage): the same cells, UTF-8 with the mark
EXCEL_DIR = "excel"
EXCEL_COPIES = {PROFILES: f"{EXCEL_DIR}/{PROFILES}", PANEL: f"{EXCEL_DIR}/{PANEL}"}
CODEBOOK_PATCH = "codebook-patch.yaml"

# What a run writes besides json/; the manifest holds the sha256 of each.
OUTPUTS = [VALUES, PROFILES, PANEL, FAILURES, LOG, DATAPACKAGE, README, FIELDS_CSV, FIELDS_MD,
           *EXCEL_COPIES.values()]
# The data package's resources (datapackage.py): its name for each table, and the table's file.
TABLES = {"values": VALUES, "profiles": PROFILES, "panel": PANEL, "failures": FAILURES, "fields": FIELDS_CSV}

# The columns that say which report a row is of, first in values.csv, profiles.csv and panel.csv.
REPORT_COLUMNS = ["source", "country", "iso3", "year", "template", "language"]
VALUE_COLUMNS = [
    *REPORT_COLUMNS, "section", "field", "label", "value", "unit", "answer", "text", "status", "page", "x0",
    "top", "x1", "bottom", "match_method", "match_variant", "match_score", "rules", "fragments", "warnings",
    "error", "origin", "row",
]
FAILURE_COLUMNS = ["source", "category", "message"]
PANEL_EXTRA_COLUMNS = ["sources", "languages", "conflicts"]  # panel.csv: profiles.csv's columns, then these

STATUSES: tuple[str, ...] = get_args(Status)  # values.csv's `status`, in the order the summaries list them
# profiles.csv's `<field>_status`: a field's status (unmapped is a row of no field); panel.csv's may also say
# that the editions disagree (the value is then left empty)
STATUS_SUFFIX = "_status"
FIELD_STATUSES = [s for s in STATUSES if s != "unmapped"]
CONFLICT = "conflict"
PANEL_STATUSES = [*FIELD_STATUSES, CONFLICT]
EXTRACTED, CORRECTED = "extracted", "corrected"  # values.csv's `origin`: read from the PDF, or a reviewer's
CONFIRMED = "confirmed"  # read from the PDF, and confirmed right by a reviewer
ORIGINS = [EXTRACTED, CORRECTED, CONFIRMED]


def field_columns(spec) -> list[str]:
    """A field's columns in profiles.csv and panel.csv: its value, its currency (money) or its verdict
    (assessment), and its status."""
    return [spec.id, *([f"{spec.id}_currency"] if spec.type == "money" else []),
            *([f"{spec.id}_answer"] if spec.type == "assessment" else []), spec.id + STATUS_SUFFIX]


def profile_columns(codebook: Codebook) -> list[str]:
    """profiles.csv's columns: the report's, then each field's value, with its currency (money) or its
    verdict (assessment), and its status (field_columns)."""
    columns = list(REPORT_COLUMNS)
    for spec in codebook.fields:
        if spec.id in ("country", "year"):
            continue
        columns += field_columns(spec)
    return columns


def json_name(source: str) -> str:
    """A safe, unique file name for a report's JSON in json/, derived from its source path: only
    [A-Za-z0-9._-] and a hash of the source, no hidden file, at most 134 characters."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", source.replace("/", "__")).strip("._") or "report"
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:8]
    return f"{stem[:120]}.{digest}.json"
