"""The converting code, run in the worker processes: one PDF through the stages extract -> map ->
normalize -> validate, into a Report (process.py), or a Failure saying why not (file.py, failures.py).

    extract/    the pages -> positioned rows (pdfplumber is read in extract/pages.py and tags.py alone)
    map/        the rows -> codebook fields, by spelling, by meaning and by place
    normalize.py, validate.py    each value read with its field's parser, then checked
    lexicon.py, meaning.py       the codebook's lookup tables and word stems, built once per worker
    door.py     the one module the rest of the package may import (the worker's entry, and the parsers
                the tools reuse); the parent process of a batch imports none of this folder
    preload.py  what the workers' forkserver imports before forking them

It imports only pipeline/core/ and itself. Its code, with the codebook, is what a cached result depends on:
run/cache.py hashes this folder and the modules it imports.
"""
