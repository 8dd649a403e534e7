"""Tests of pipeline/outdir/: the files of an output folder, their cells, the data dictionary."""
