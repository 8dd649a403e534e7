"""The tools that read an output folder, each a command run in its own process: `pipeline review` (review/,
a static site; it draws page images in isolated workers, as a batch converts), `pipeline diff` (diff.py),
`pipeline evaluate` (evaluate.py) and `pipeline codebook suggest | apply` (suggest.py).

They read OUTDIR through pipeline/outdir/ (read.py, names.py) and reuse the converting code only through
pipeline/convert/door.py.
"""
