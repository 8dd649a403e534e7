"""`pipeline review OUTDIR`: the command. Checks its options, returns at once when the site is up to date
(stamp.py: nothing the last build read or wrote has changed), else builds it (site.py), with a progress bar
on a terminal. Light on purpose: the site's code is imported only when there is something to build."""
from __future__ import annotations

import sys
from pathlib import Path

from ...run.isolate import MIN_MEMORY_MB
from .stamp import up_to_date

DEFAULT_RESOLUTION = 110  # dpi of the page images (site.DEFAULT_RESOLUTION)
TIMEOUT, MAX_MEMORY_MB = 120.0, 2048  # run.runner.Limits' defaults


def _summary(reports: int, drawn: int, unchanged: int, doubtful: int, index: Path) -> str:
    return (f"review site: {reports} reports, {drawn} page images drawn, {unchanged} unchanged; {doubtful} "
            f"doubtful values -> {index}")


def main_review(outdir: Path, input_path: Path | None = None, resolution: int = DEFAULT_RESOLUTION,
                timeout: float = TIMEOUT, max_memory_mb: int = MAX_MEMORY_MB) -> int:
    """Exit 0: the site is written, every page image drawn; 1: written, but some PDF was not found or
    not drawn, or some json/ document could not be read (that report is skipped); 2: a usage error (an
    option, a folder that is not an output folder); 3: the site cannot be written."""
    problem = None
    if not 10 <= resolution <= 600:
        problem = f"--resolution must be from 10 to 600 dpi, not {resolution}"
    elif not timeout > 0 or max_memory_mb < MIN_MEMORY_MB:
        problem = f"--timeout must be above 0 and --max-memory at least {MIN_MEMORY_MB} MB"
    elif input_path is not None and not Path(input_path).exists():
        problem = f"--input {input_path} does not exist"
    if problem:
        print(f"pipeline review: {problem}", file=sys.stderr)
        return 2
    outdir = Path(outdir)
    options = {"resolution": resolution, "input": str(Path(input_path).resolve()) if input_path else None}
    done = up_to_date(outdir, options)
    if done is not None:
        for n in done.get("notes", []):
            print(f"note: {n}", file=sys.stderr)
        print(_summary(done["reports"], 0, done["pages"], done["doubtful"], outdir / "review" / "index.html"))
        return 0

    from .pages import start_early

    start_early()  # the workers' forkserver starts while the site's code is imported
    from ...outdir.read import DamagedOutput
    from ...run.runner import Limits
    from .site import REVIEW_DIR, build_review

    try:
        result = build_review(outdir, input_path, resolution, Limits(timeout, max_memory_mb), progress=_progress,
                              stamp_options=options)
    except DamagedOutput as e:  # not an output folder, or one of its files damaged: one line
        print(f"pipeline review: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # a full disk, a read-only OUTDIR: one line, exit 3
        print(f"pipeline review: cannot write {e.filename or outdir / REVIEW_DIR}: {e.strerror or e}",
              file=sys.stderr)
        return 3
    for p in result.skipped:
        print(f"warning: {p}", file=sys.stderr)
    for p in result.problems:
        print(f"warning: {p}", file=sys.stderr)
    for n in result.notes:
        print(f"note: {n}", file=sys.stderr)
    print(_summary(result.reports, result.pages_rendered, result.pages_cached, result.doubtful, result.index))
    return 1 if result.problems or result.skipped else 0


def _progress(total: int):
    """A tqdm bar on a terminal, as `pipeline run` shows one; nothing otherwise (a script's log stays clean)."""
    from tqdm import tqdm

    return tqdm(total=total, desc="reviewing", unit="report", disable=not sys.stderr.isatty(), leave=False)
