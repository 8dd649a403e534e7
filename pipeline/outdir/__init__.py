"""The output folder, OUTDIR: its one owner. What it holds and what its tables' columns are (names.py), the
text of a cell and the formula guard (cells.py), the rows of each table (rows.py, panel.py), the data
dictionary (datapackage.py), the log (eventlog.py), the writer (write.py, atomic.py) and the reader every
tool uses (read.py).

Run in the parent process of a batch, which writes OUTDIR, and by the tools, which read it; never in a
worker. It imports nothing of the batch (pipeline/run/), of the converting code or of the tools.
"""
