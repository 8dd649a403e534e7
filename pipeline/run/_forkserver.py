"""Imported by the workers' forkserver only (early.CONVERSION_MODULES preloads it): the forkserver dies
with the run that started it, and its workers die with it (pipeline/run/isolate.py).

SIGTERM, not SIGKILL: the forkserver has no handler for it, so it ends all the same, but a tool that
watches the process (valgrind's callgrind, for `benchmarks/bench.py --instructions`) can still write
what it measured; at the end of a normal run the forkserver gets it as it leaves on its own."""
import signal

from .isolate import die_with_parent

die_with_parent(signal.SIGTERM)
