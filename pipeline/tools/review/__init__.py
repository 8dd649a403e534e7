"""`pipeline review OUTDIR`: the static review site in OUTDIR/review/. site.py builds it (a page per report,
the field table beside the PDF's page images with each value's box, the index); trends.py draws the
index's charts across years; templates/ holds its Jinja2 templates, its stylesheet and its script.

Runs in the command's own process; each PDF's pages are drawn in a worker under the limits of `pipeline
run` (pipeline/run/isolate.py).
"""
