"""Start the workers' forkserver as early as a run can tell it will convert something.

The forkserver imports the converting code (pdfplumber, the models, the codebook's lookup tables) before
the first worker is forked from it: about half a second that the first file waits for. Started from the
top of `pipeline run`, before the parent imports its own code, the two processes set up side by side.
This module imports nothing of the pipeline's but the codebook's environment name, so that starting
costs the parent nothing.
"""
from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from ..core.codebook_files import CODEBOOK_ENV

# The converting code (pdfplumber and all) is imported where it is used, in the workers (and preloaded by
# their forkserver): the parent process never pays for it.
CONVERSION_MODULES = ["pipeline.run._forkserver", "pipeline.run.runner", "pipeline.convert.door",
                      "pipeline.convert.file", "pipeline.convert.preload"]


def worker_context():
    """The forkserver context (its preload: CONVERSION_MODULES), or spawn where there is no forkserver."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(CONVERSION_MODULES)
        return ctx
    return multiprocessing.get_context("spawn")


def start_early(codebook_folder: Path | None = None) -> None:
    """Start the workers' forkserver now: it imports the converting code while the caller finishes its
    own set-up, instead of after it. run_tasks uses it as it finds it. It also builds the lexicon of the
    run's codebook folder, named in the environment it starts with (pipeline/convert/preload.py); a
    forkserver already running for another codebook only leaves each worker to build its own."""
    if worker_context().get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    saved = os.environ.pop(CODEBOOK_ENV, None)
    if codebook_folder:
        os.environ[CODEBOOK_ENV] = str(codebook_folder)
    try:
        forkserver.ensure_running()
    finally:
        os.environ.pop(CODEBOOK_ENV, None)
        if saved is not None:
            os.environ[CODEBOOK_ENV] = saved


# outdir/names.CACHE_DIR (a test holds them equal): that module imports the models, which this one must not
CACHE_DIR = "cache"


def will_convert(outdir: Path, force: bool) -> bool:
    """Whether a run into `outdir` converts files whatever its inputs: with --force, or when OUTDIR holds
    no cached result (a first run). Otherwise only the run's plan can tell."""
    cache = Path(outdir) / CACHE_DIR
    return force or not cache.is_dir() or next(cache.glob("*.json"), None) is None
