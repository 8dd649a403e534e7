"""The converting code: one PDF through the stages extract -> map -> normalize -> validate, into a Report.

It runs in the worker processes (pipeline/runner.py); the parent process of a batch never imports it.
Its code, with the codebook, is what a cached result depends on (pipeline/cache.py hashes this folder).
"""
