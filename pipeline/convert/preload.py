"""Imported once by the workers' forkserver (see runner.py): the converting code is imported and its
lookup tables are built before any worker is forked, so no worker pays for them again."""
from .process import warm_up

try:
    warm_up()
except Exception:  # noqa: BLE001 - a broken codebook: every file's conversion then reports it, named
    pass
