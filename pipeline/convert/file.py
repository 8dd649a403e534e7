"""One file converted without raising: its Report, or a Failure saying why not (errors are data)."""
from __future__ import annotations

import traceback
from pathlib import Path

from ..core.codebook_files import CodebookFiles
from ..core.models import Failure, Report
from ..core.settings import ExtractSettings
from .failures import classify, precheck, ran_out_of_memory
from .lexicon import lexicon_for
from .process import process_file


def convert_file(path: Path, source: str, settings: ExtractSettings, max_bytes: int,
                 codebook: CodebookFiles | None = None) -> tuple[list[Report] | Failure, str | None]:
    """(the file's reports, one per profile in it, or a Failure; the technical detail for the log or None).
    Never raises: the batch goes on.
    `codebook`: the run's codebook files (None: the built-in codebook), checked by the caller."""
    try:
        early = precheck(path, max_bytes)
        if early is not None:
            return early.model_copy(update={"source": source}), None
        lexicon = lexicon_for(codebook)
        return process_file(path, source, settings, lexicon), None
    except Exception as exc:
        failure = classify(source, exc)
        if ran_out_of_memory(exc):  # the memory limit, not the file: try it again next run
            failure.retryable = True
        detail = "".join(traceback.format_exception(exc)) if failure.category == "internal_error" else None
        return failure, detail
