"""Tests of pipeline/convert/, the worker: each stage, and whole profiles in every layout and edition."""
