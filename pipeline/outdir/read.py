"""Typed loading of a run's CSV files into pandas, from the run's data package (datapackage.json).

`read_profiles(OUTDIR)`, `read_values(OUTDIR)` and `read_panel(OUTDIR)` (also as `pipeline.read_*`)
give every column the type its data package declares: counts as nullable Int64 (a missing count is
<NA>, not a float NaN), numbers as Float64, years as Int64, text as string, and columns with a fixed
set of values (status, origin, template, language, answers, ...) as categories with those values. Only
an empty cell is missing: "NA" or "null" in a text stay text.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .datapackage import DATAPACKAGE

DTYPES = {"integer": "Int64", "year": "Int64", "number": "Float64", "string": "string"}


class DataPackageError(ValueError):
    """OUTDIR has no usable datapackage.json (not a folder written by `pipeline run`, or an old one)."""


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
    enum = column.get("constraints", {}).get("enum")
    if enum and column["type"] == "string":
        return pd.CategoricalDtype(enum)
    return DTYPES.get(column["type"], "string")


def read_resource(outdir: Path, name: str) -> pd.DataFrame:
    """One CSV file of OUTDIR (values, profiles, panel or failures), typed from the data package."""
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
