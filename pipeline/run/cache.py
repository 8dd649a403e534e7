"""Incremental reruns: a per-file result cache (OUTDIR/cache/) and the run's manifest (OUTDIR/manifest.json).

A file's result is cached under a key made of everything that decides it: the file's content (sha256),
its source name, the pipeline version, the codebook and country data, the pipeline's own code and the
extract settings. Change any of them and the file is converted again; nothing else is needed to
invalidate. Results that depend on the machine rather than the file (crashes, running out of memory:
Failure.retryable) are never cached; a timeout is cached under a key that adds the time limit, so a
rerun with the same limit does not spend it again and a larger --timeout tries again. Each entry is
written atomically, as soon as its file is done, so a run that is killed keeps what it finished and the
next run completes the rest. An entry or a manifest that cannot be read, or is not what it should be,
counts as absent (and is reported): it never stops a run.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..core import __version__
from ..core.codebook_files import CodebookFiles
from ..core.models import ENTRY
from ..outdir.atomic import atomic_write
from ..outdir.names import CACHE_DIR, JSON_DIR, MANIFEST
from .discover import display_name

if TYPE_CHECKING:
    from ..core.models import Entry
    from ..core.settings import ExtractSettings

PACKAGE = Path(__file__).parent.parent  # pipeline/


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


CONVERT = PACKAGE / "convert"  # the converting code


def _files_sha256(root: Path, files: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(files):
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def _tree_sha256(root: Path, pattern: str) -> str:
    return _files_sha256(root, [p for p in root.rglob(pattern) if "__pycache__" not in p.parts])


# `from MODULE import` at the start of a line, read without parsing the file (parsing the converting code
# took a fifth of an unchanged rerun). A match inside a string can only add a file to the hash.
_IMPORT_FROM = re.compile(rb"^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import\b", re.MULTILINE)


def conversion_files() -> list[Path]:
    """pipeline/convert/ and the package's modules it imports (the models, the codebook schema, ...),
    read from its import statements: what decides a file's result."""
    files = {p for p in CONVERT.rglob("*.py") if "__pycache__" not in p.parts}
    todo = list(files)
    while todo:
        path = todo.pop()
        for dots, module in _IMPORT_FROM.findall(path.read_bytes()):
            module = module.decode()
            base = path.parent
            if dots:
                for _ in range(len(dots) - 1):
                    base = base.parent
            elif module.split(".")[0] == "pipeline":
                base = PACKAGE.parent
            else:
                continue
            target = base.joinpath(*module.split("."))
            for candidate in (target.with_suffix(".py"), target / "__init__.py"):
                if candidate.is_file() and candidate not in files:
                    files.add(candidate)
                    todo.append(candidate)
    return sorted(files)


@lru_cache(maxsize=1)
def code_sha256() -> str:
    """The converting code: a change to it invalidates cached results even without a version bump."""
    return _files_sha256(PACKAGE, conversion_files())


@lru_cache(maxsize=1)
def package_sha256() -> str:
    """All of the pipeline's code, the writing side included: what the outputs are made with."""
    return _tree_sha256(PACKAGE, "*.py")


def fingerprint(settings: ExtractSettings, max_bytes: int, codebook: CodebookFiles | None = None) -> dict:
    """What every result of a run depends on besides the file itself (written into the manifest): the
    codebook as the content of its files (the built-in ones and a codebook folder's variants), wherever
    the folder is."""
    return {"pipeline_version": __version__, "codebook_sha256": (codebook or CodebookFiles()).sha256,
            "code_sha256": code_sha256(), "settings": settings.model_dump(), "max_bytes": max_bytes}


class ResultCache:
    """OUTDIR/cache/<key>.json: one entry (models.ReportEntry or FailureEntry) per (file content, source,
    fingerprint)."""

    def __init__(self, outdir: Path, fp: dict):
        self.dir = Path(outdir) / CACHE_DIR
        self._salt = hashlib.sha256(json.dumps(fp, sort_keys=True).encode()).hexdigest()
        self.invalid: list[Path] = []  # entries found but unreadable or not an entry

    def key(self, content_sha256: str, source: str) -> str:
        return hashlib.sha256(f"{self._salt}\0{content_sha256}\0{source}".encode()).hexdigest()

    @staticmethod
    def timeout_key(key: str, timeout: float) -> str:
        """Where a file that timed out under this limit is kept."""
        return hashlib.sha256(f"{key}\0timeout\0{float(timeout)!r}".encode()).hexdigest()

    def get(self, key: str) -> Entry | None:
        path = self.dir / f"{key}.json"
        try:
            return ENTRY.validate_json(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValidationError):  # unreadable, cut short or not an entry: convert again
            if path not in self.invalid:
                self.invalid.append(path)
            return None

    def put(self, key: str, entry: Entry) -> None:
        atomic_write(self.dir / f"{key}.json", entry.model_dump_json())

    def prune(self, keep: set[str]) -> None:
        """Drop entries of files no longer in the batch (and temp files of a killed run)."""
        if not self.dir.exists():
            return
        for p in self.dir.iterdir():
            if p.is_file() and (p.name.startswith(".") or p.suffix == ".json" and p.stem not in keep):
                p.unlink(missing_ok=True)


def manifest(fp: dict, guard: bool, input_path: Path, files: list[dict], codebook: CodebookFiles | None = None) -> dict:
    """What the outputs are made from: deterministic (no times), byte-identical for the same inputs.

    After the outputs are written, `outputs` adds the sha256 of each: a rerun whose manifest comes out
    the same, over outputs that still have those digests, has nothing to write (see up_to_date)."""
    return {**fp, "package_sha256": package_sha256(), "codebook": (codebook or CodebookFiles()).describe(),
            "csv_guard": guard,
            "input_path": display_name(str(Path(input_path).resolve())), "files": files}


def output_digests(outdir: Path, names: list[str]) -> dict[str, str]:
    outdir = Path(outdir)
    found = [n for n in names if (outdir / n).is_file()]
    found += sorted(f"{JSON_DIR}/{p.name}" for p in (outdir / JSON_DIR).glob("*.json"))
    return {n: file_sha256(outdir / n) for n in found}


def up_to_date(outdir: Path, doc: dict, names: list[str], notices: list[str] | None = None) -> bool:
    """True when OUTDIR already holds exactly the outputs this manifest would produce, untouched."""
    old = read_manifest(outdir, notices)
    if not old or {k: v for k, v in old.items() if k != "outputs"} != doc:
        return False
    outputs = old.get("outputs")
    return isinstance(outputs, dict) and set(names) <= set(outputs) and output_digests(outdir, names) == outputs


def write_manifest(outdir: Path, doc: dict) -> None:
    atomic_write(Path(outdir) / MANIFEST, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def read_manifest(outdir: Path, notices: list[str] | None = None) -> dict | None:
    """The manifest, or None when there is none or it is not a manifest (then a notice says so: the
    outputs are written again)."""
    path = Path(outdir) / MANIFEST
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        doc, why = None, f"cannot be read ({type(exc).__name__})"
    else:
        why = "is not a JSON object"
    if isinstance(doc, dict):
        return doc
    if notices is not None:
        notices.append(f"{path} {why}: ignored, the outputs are written again")
    return None
