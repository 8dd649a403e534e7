"""Imported by the workers' forkserver only (runner.CONVERSION_MODULES preloads it): the forkserver dies
with the run that started it, and its workers die with it (pipeline/isolate.py)."""
from .isolate import die_with_parent

die_with_parent()
