"""Tests of pipeline/tools/: review, diff, evaluate."""
