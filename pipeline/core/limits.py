"""What a file may cost, and the words for a file over it, spelled once for both sides of a batch: the
parent fails a file over MAX_BYTES from its size alone, before reading it (run/plan.py), and the worker
checks again before parsing it (convert/failures.py); a worker out of memory says so in the same words,
whether the converting code or the worker's own loop caught it. The per-run limits a user sets (time,
memory, files per worker) are run/runner.Limits."""
from __future__ import annotations

MAX_BYTES = 200 * 1024 * 1024  # a larger file is not read: `too_large`
OUT_OF_MEMORY = "ran out of memory while converting"


def too_large_message(size: int, max_bytes: int) -> str:
    return f"the file has {size:,} bytes, over the limit of {max_bytes:,}"
