"""Tests of pipeline/run/, the parent of a batch: bad files, crashes, hangs, the cache, the lock, corrections."""
