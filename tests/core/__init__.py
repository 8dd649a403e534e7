"""Tests of pipeline/core/: what every process shares."""
