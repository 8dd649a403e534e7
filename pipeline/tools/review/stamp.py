"""Is OUTDIR/review/ up to date? Answered from file sizes and modification times only, with the standard
library only, so that `pipeline review` on unchanged outputs returns before it imports the site's code
(its models, templates and renderer take longer to import than the check takes).

The stamp (in review/state.json, written by site.build_review) records the size and modification time of
every input of the last build — json/*.json, log.jsonl, failures.csv, panel.csv, each PDF drawn, the
templates — and of every file it wrote, with the options that change what is drawn (the resolution and
--input) and the pipeline's version. A build that met a problem (a PDF not found or not drawn, a report
skipped) leaves no stamp: the next one looks again.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ...core import __version__

TEMPLATES = Path(__file__).parent / "templates"
# as outdir/names.py and site.py name them (names.py is not imported: it imports the models); the other
# files read are named by the build, in the stamp
JSON_DIR, REVIEW_DIR, STATE = "json", "review", "state.json"


def _stat(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _inputs(outdir: Path, names: list[str]) -> dict[str, list[int] | None]:
    out = {f"{JSON_DIR}/{p.name}": _stat(p) for p in sorted((outdir / JSON_DIR).glob("*.json"))}
    out.update({name: _stat(outdir / name) for name in names})
    out.update({f"templates/{p.name}": _stat(p) for p in sorted(TEMPLATES.iterdir())})
    return out


def stamp(outdir: Path, review: Path, options: dict, names: list[str], pdfs: list[Path], summary: dict) -> dict:
    """The stamp of a build that just ended (every file it wrote is in `review`); `names`: the files of
    OUTDIR it read besides json/."""
    outdir = Path(outdir)
    outputs = {p.relative_to(review).as_posix(): _stat(p) for p in sorted(review.rglob("*"))
               if p.is_file() and p.name != STATE and not p.name.endswith(".tmp")}
    return {"version": __version__, "options": options, "names": names, "inputs": _inputs(outdir, names),
            "pdfs": {str(p): _stat(p) for p in pdfs}, "outputs": outputs, "summary": summary}


def up_to_date(outdir: Path, options: dict) -> dict | None:
    """The last build's summary when nothing it read or wrote has changed since; None otherwise."""
    outdir = Path(outdir)
    review = outdir / REVIEW_DIR
    try:
        state = json.loads((review / STATE).read_text(encoding="utf-8"))
        s = state["stamp"]
        if s["version"] != __version__ or s["options"] != options or s["inputs"] != _inputs(outdir, s["names"]):
            return None
        if any(_stat(Path(p)) != v for p, v in s["pdfs"].items()):
            return None
        if any(_stat(review / name) != v for name, v in s["outputs"].items()):
            return None
        return s["summary"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
