"""The batch, in the parent process of `pipeline run`: find the PDFs under INPUT (discover.py), plan them
against the result cache (plan.py, cache.py), convert what changed in worker processes, each file under a
time and memory limit (runner.py, isolate.py, _forkserver.py; early.py starts their forkserver at the top of
`pipeline run` when the run will convert), and write the outputs as the files finish
(batch.py, through pipeline/outdir/), with the reviewers' corrections applied (corrections.py), one run at
a time per OUTDIR (lock.py).

The parent never loads the converting code: a worker does, through pipeline/convert/door.py, the one
module of pipeline/convert/ that runner.py names; with --corrections the parent takes the field parsers
from the same door (tests/test_house.py holds it).
"""
