"""The converting code's one door: all that the rest of the package may import from pipeline/convert/.

The parent process of a batch never imports the converting code (pdfplumber and all): it stays light, and
what it runs cannot depend on how a PDF is read. Outside convert/, only this module is imported, by:
- the worker, which run/runner.py starts and which imports this module once forked: `convert_file`;
- `pipeline extract` (cli.py), which converts one file in its own process: `convert_file` too;
- the tools that reuse what the converting code knows of the codebook: a reviewer's correction is read
  with the field's own parser and passes the same validation as an extracted value (run/corrections.py:
  `Lexicon`, `normalize_value`, `validate`), and `pipeline codebook suggest` scores a label against the
  fields a report lacks, with the lexicon of a codebook folder (tools/suggest.py: `score_label`,
  `lexicon_for`), as `codebook apply` checks the codebook a patch makes. A run with --corrections imports
  these in the parent; they do not read PDFs.

tests/test_house.py holds the rule for every module, and the parent's modules at run time.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .lexicon import Lexicon, default_lexicon, lexicon_for
from .map.labels import score_label
from .normalize import Normalized, normalize_value
from .validate import Finding, validate

if TYPE_CHECKING:
    from ..core.codebook_files import CodebookFiles
    from ..core.models import Failure, Report
    from ..core.settings import ExtractSettings

__all__ = ["Finding", "Lexicon", "Normalized", "convert_file", "default_lexicon", "lexicon_for", "normalize_value",
           "score_label", "validate"]


def convert_file(path: Path, source: str, settings: ExtractSettings, max_bytes: int,
                 codebook: CodebookFiles | None = None) -> tuple[list[Report] | Failure, str | None]:
    """One file converted, never raising (convert/file.py), with the run's codebook files (None: the
    built-in codebook). The stages are imported at the first call, not with this module: a tool that reads
    a correction does not load pdfplumber."""
    from .file import convert_file as convert

    return convert(path, source, settings, max_bytes, codebook)
