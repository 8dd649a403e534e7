"""Tests of pipeline/convert/extract/: words, lines, the parts of the page, columns and tables."""
