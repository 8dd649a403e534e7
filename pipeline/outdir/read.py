"""Reading an output folder back: the one reader of its tables and reports, which every tool uses.

- `read_rows(OUTDIR, name)`: a table's rows as written, column -> cell text (the formula guard left on):
  what the tools compare and score (diff, evaluate, the review's trends and failures).
- `read_reports(OUTDIR)`: the reports of json/, as models (review, suggest).
- `read_values(OUTDIR)`, `read_profiles(OUTDIR)` and `read_panel(OUTDIR)` (also as `pipeline.read_*`):
  typed pandas frames, each column given the type the run's data package (datapackage.json) declares:
  counts as nullable Int64 (a missing count is <NA>, not a float NaN), numbers as Float64, years as
  Int64, text as string, and columns with a fixed set of values (status, origin, template, language,
  answers, ...) as categories with those values. Only an empty cell is missing: "NA" or "null" in a
  text stay text. pandas is imported when they are called.

The log has its reader beside its writer (eventlog.py).
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.models import Report
from .names import DATAPACKAGE, JSON_DIR

if TYPE_CHECKING:
    import pandas as pd

DTYPES = {"integer": "Int64", "year": "Int64", "number": "Float64", "string": "string"}


class MissingOutput(FileNotFoundError):
    """OUTDIR lacks what `pipeline run` writes there (not an output folder, or not yet run)."""


class DataPackageError(ValueError):
    """OUTDIR has no usable datapackage.json (not a folder written by `pipeline run`, or an old one)."""


def read_rows(outdir: Path, name: str, missing_ok: bool = False) -> list[dict[str, str]]:
    """Every row of the table OUTDIR/name (a names.py file name) as written: column -> cell text, a short
    row's missing cells empty. When the file is absent: [] with `missing_ok`, else the OSError of opening
    it. A byte-order mark (a spreadsheet's) is left out."""
    path = Path(outdir) / name
    if missing_ok and not path.is_file():
        return []
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f, restval=""))


def read_reports(outdir: Path) -> list[Report]:
    """The reports of OUTDIR/json/, in the order of their file names; MissingOutput without json/."""
    folder = Path(outdir) / JSON_DIR
    if not folder.is_dir():
        raise MissingOutput(f"{outdir} has no {JSON_DIR}/ folder: run `pipeline run INPUT --out {outdir}` first")
    return [Report.model_validate_json(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def _resource(outdir: Path, name: str) -> dict:
    path = Path(outdir) / DATAPACKAGE
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DataPackageError(f"{path}: cannot read the data package ({e}); run `pipeline run INPUT --out "
                               f"{outdir}` to write it") from e
    for res in package.get("resources", []):
        if res.get("name") == name:
            return res
    raise DataPackageError(f"{path} describes no resource {name!r}")


def dtype(column: dict):
    """The pandas dtype of a data-package column."""
    import pandas as pd

    enum = column.get("constraints", {}).get("enum")
    if enum and column["type"] == "string":
        return pd.CategoricalDtype(enum)
    return DTYPES.get(column["type"], "string")


def read_resource(outdir: Path, name: str) -> pd.DataFrame:
    """One CSV file of OUTDIR (values, profiles, panel or failures), typed from the data package."""
    import pandas as pd

    res = _resource(outdir, name)
    columns = res["schema"]["fields"]
    # Every cell read as text first, then converted from pandas' string type, which parses integers
    # exactly (through float64 a count above 2**53 would lose digits).
    frame = pd.read_csv(Path(outdir) / res["path"], dtype=str, keep_default_na=False,
                        na_values=res["schema"].get("missingValues", [""]))
    for col in columns:
        name_ = col["name"]
        if name_ not in frame:
            continue
        kind = dtype(col)
        if isinstance(kind, pd.CategoricalDtype):  # a value the package does not list stays, not NaN
            seen = set(frame[name_].dropna()) - set(kind.categories)
            kind = pd.CategoricalDtype([*kind.categories, *sorted(seen)]) if seen else kind
        frame[name_] = frame[name_].astype("string").astype(kind) if kind in ("Int64", "Float64") \
            else frame[name_].astype(kind)
    return frame


def read_values(outdir: Path) -> pd.DataFrame:
    """OUTDIR/values.csv, typed: one row per report and row of the report (`value` is text by design)."""
    return read_resource(outdir, "values")


def read_profiles(outdir: Path) -> pd.DataFrame:
    """OUTDIR/profiles.csv, typed: one row per report, one column per field."""
    return read_resource(outdir, "profiles")


def read_panel(outdir: Path) -> pd.DataFrame:
    """OUTDIR/panel.csv, typed: one row per country and year across the editions."""
    return read_resource(outdir, "panel")
