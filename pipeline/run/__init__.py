"""The batch, in the parent process of `pipeline run`: find the PDFs under INPUT (discover.py), plan them
against the result cache (plan.py, cache.py), convert what changed in worker processes, each file under a
time and memory limit (runner.py, isolate.py, _forkserver.py), and write the outputs as the files finish
(batch.py, through pipeline/outdir/), one run at a time per OUTDIR (lock.py).

The parent never imports the converting code: a worker does, through pipeline/convert/door.py, the one
module of pipeline/convert/ that runner.py names (tests/test_house.py holds it).
"""
