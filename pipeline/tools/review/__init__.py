"""`pipeline review OUTDIR`: the static review site in OUTDIR/review/. command.py is the command (its options,
and stamp.py's check that returns at once when nothing changed); site.py builds the site (a page per report,
the field table beside the PDF's page images with each value's box, the index, the queue of doubtful
values); doubt.py scores the doubtful values; pages.py draws and keeps the page images; trends.py draws
the index's charts across years; templates/ holds its Jinja2 templates, its stylesheet and its script.

Runs in the command's own process; each PDF's pages are drawn in a worker under the limits of `pipeline
run` (pipeline/run/isolate.py).
"""
