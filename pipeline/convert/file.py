"""One file converted without raising: its Report, or a Failure saying why not (errors are data)."""
from __future__ import annotations

import traceback
from pathlib import Path

from ..core.codebook_files import CodebookFiles
from ..core.models import Failure, Report
from ..core.settings import ExtractSettings
from .failures import classify, precheck, ran_out_of_memory
from .lexicon import lexicon_for
from .process import check_profile, process_pdf


def convert_file(path: Path, source: str, settings: ExtractSettings, max_bytes: int,
                 codebook: CodebookFiles | None = None) -> tuple[Report | Failure, str | None]:
    """(Report or Failure, the technical detail for the log or None). Never raises: the batch goes on.
    `codebook`: the run's codebook files (None: the built-in codebook), checked by the caller."""
    try:
        early = precheck(path, max_bytes)
        if early is not None:
            return early.model_copy(update={"source": source}), None
        lexicon = lexicon_for(codebook)
        report = process_pdf(path, source, settings, lexicon)
        check_profile(report, lexicon)
        return report, None
    except Exception as exc:
        failure = classify(source, exc)
        if ran_out_of_memory(exc):  # the memory limit, not the file: try it again next run
            failure.retryable = True
        detail = "".join(traceback.format_exception(exc)) if failure.category == "internal_error" else None
        return failure, detail
