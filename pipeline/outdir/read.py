"""Reading an output folder back: the one reader of its tables and reports, which every tool uses.

- `read_rows(OUTDIR, name, need)`: a table's rows as written, column -> cell text (the formula guard left
  on): what the tools compare and score (diff, evaluate, the review's trends and failures).
- `read_reports(OUTDIR)`: the reports of json/, as models (review, suggest); `read_report(path)` one.

A file that is missing, empty, cut short, not UTF-8 or without a column the command needs, and a JSON
document that is not a report, raise DamagedOutput: one line naming the file (and the line, where there
is one) and the problem, which every command reports as a usage error (exit 2).
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
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..core.models import Report
from .names import DATAPACKAGE, JSON_DIR

if TYPE_CHECKING:
    import pandas as pd

DTYPES = {"integer": "Int64", "year": "Int64", "number": "Float64", "string": "string"}


class DamagedOutput(ValueError):
    """A file of an output folder that cannot be read as `pipeline run` writes it: each command says it in
    one line, as a usage error (exit 2)."""


class MissingOutput(DamagedOutput):
    """OUTDIR lacks what `pipeline run` writes there (not an output folder, or not yet run)."""


def _again(outdir: Path) -> str:
    return f"run `pipeline run INPUT --out {outdir}` to write it again"


def _text(path: Path, outdir: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MissingOutput(f"{path} not found: is {outdir} a folder written by `pipeline run`?") from None
    except OSError as e:
        raise DamagedOutput(f"{path}: cannot read: {e.strerror or e}") from None
    try:
        return data.decode("utf-8-sig")  # a spreadsheet that saved it back may have added a byte-order mark
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise DamagedOutput(f"{path}, line {line}: not UTF-8 (byte 0x{data[e.start]:02x}), not as `pipeline run` "
                            f"wrote it; {_again(outdir)}") from None


class DataPackageError(ValueError):
    """OUTDIR has no usable datapackage.json (not a folder written by `pipeline run`, or an old one)."""


def read_rows(outdir: Path, name: str, missing_ok: bool = False, need: Iterable[str] = ()) -> list[dict[str, str]]:
    """Every row of the table OUTDIR/name (a names.py file name) as written: column -> cell text. When the
    file is absent: [] with `missing_ok`, else MissingOutput. DamagedOutput when it is empty, not UTF-8,
    lacks a column of `need`, has a line of more or fewer cells than its header, or ends inside a line
    (cut short). A byte-order mark (a spreadsheet's) is left out."""
    path = Path(outdir) / name
    if missing_ok and not path.is_file():
        return []
    text = _text(path, Path(outdir))
    if not text.strip():
        raise DamagedOutput(f"{path} is empty; {_again(outdir)}")
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))  # a cell holds a PDF's cell, however long
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[dict[str, str]] = []
    try:
        header = next(reader)
        missing = [c for c in need if c not in header]
        if missing:
            raise DamagedOutput(f"{path}: no {', '.join(repr(c) for c in missing)} column (its columns: "
                                f"{', '.join(header)}); {_again(outdir)}")
        for cells in reader:
            if not cells:
                continue
            if len(cells) != len(header):
                cut = " (cut short?)" if reader.line_num >= text.count("\n") else ""
                raise DamagedOutput(f"{path}, line {reader.line_num}: {len(cells)} cells where the header has "
                                    f"{len(header)}{cut}; {_again(outdir)}")
            rows.append(dict(zip(header, cells)))
    except csv.Error as e:
        raise DamagedOutput(f"{path}, line {reader.line_num}: {e}; {_again(outdir)}") from None
    if not text.endswith("\n"):
        raise DamagedOutput(f"{path}: cut short (its last line ends without a line break); {_again(outdir)}")
    return rows


def report_paths(outdir: Path) -> list[Path]:
    """The documents of OUTDIR/json/, in the order of their file names; MissingOutput without json/."""
    folder = Path(outdir) / JSON_DIR
    if not folder.is_dir():
        raise MissingOutput(f"{outdir} has no {JSON_DIR}/ folder: run `pipeline run INPUT --out {outdir}` first")
    return sorted(folder.glob("*.json"))


def read_report(path: Path, outdir: Path | None = None) -> Report:
    """One json/ document as a Report; DamagedOutput when it cannot be read, is not JSON (cut short, not
    UTF-8) or is not a report."""
    path = Path(path)
    outdir = Path(outdir) if outdir is not None else path.parent.parent
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DamagedOutput(f"{path}: cannot read: {e.strerror or e}") from None
    return read_report_bytes(path, data, outdir)


def read_report_bytes(path: Path, data: bytes, outdir: Path | None = None) -> Report:
    """read_report on a document already read (`data`, from `path`)."""
    path = Path(path)
    outdir = Path(outdir) if outdir is not None else path.parent.parent
    try:
        return Report.model_validate_json(data)
    except ValidationError as e:
        err = e.errors()[0]
        if err["type"] == "json_invalid":
            why = f"not valid JSON ({err['msg'].removeprefix('Invalid JSON: ')}): cut short or edited?"
        else:
            where = ".".join(str(p) for p in err["loc"])
            why = f"not a report as `pipeline run` writes it ({where + ': ' if where else ''}{err['msg']})"
        raise DamagedOutput(f"{path}: {why}; {_again(outdir)}") from None


def read_reports(outdir: Path) -> list[Report]:
    """The reports of OUTDIR/json/, in the order of their file names: MissingOutput without json/,
    DamagedOutput at the first that cannot be read."""
    return [read_report(p, outdir) for p in report_paths(outdir)]


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
