"""Running `pipeline` as a user does, and reading back what a run wrote."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline.outdir.eventlog import read_log
from pipeline.outdir.names import CACHE_DIR, LOCK, RUN_INFO
from pipeline.run.runner import TEST_FAULT_ENV


def cli(*args, env_extra=None, **kw) -> subprocess.CompletedProcess:
    """`python -m pipeline ARGS` in a process of its own (no fault injected unless env_extra says so)."""
    env = {k: v for k, v in os.environ.items() if k != TEST_FAULT_ENV}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True,
                          text=True, env=env, **kw)


def outcomes(out: Path) -> dict[str, str]:
    """{source: category or 'converted'} read back from the log."""
    events = read_log(out)
    got = {e["file"]: "converted" for e in events if e["event"] == "converted"}
    got.update({e["file"]: e["category"] for e in events if e["event"] == "failed"})
    return got


def output_files(out: Path) -> dict[str, bytes]:
    """Every deterministic output (run.json is run-specific, cache/ is internal, .lock is the run's lock)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name not in (RUN_INFO, LOCK) and CACHE_DIR not in p.relative_to(out).parts}
