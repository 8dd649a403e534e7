"""Imported once by the workers' forkserver (see runner.py): the converting code is imported and its
lookup tables are built before any worker is forked, so no worker pays for them again.

Then the garbage collector is told what a worker is: everything built so far lives as long as the worker
(`gc.freeze`: no collection walks it again), and a file's parse makes many short-lived objects that
reference counting frees, so collections are rarer (a first generation of 10,000 objects, not 700).
Measured in instructions (callgrind, nine fixtures in one process): 1.8% fewer per file."""
import gc

from .process import warm_up

try:
    warm_up()
except Exception:  # noqa: BLE001 - a broken codebook: every file's conversion then reports it, named
    pass
gc.freeze()
gc.set_threshold(10_000, 50, 100)
