"""Command line: pipeline run | extract | evaluate | review | diff (also `python -m pipeline`)."""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from .core import __version__
from .core.codebook_files import CodebookError
from .errors import EXIT_FAILURES, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, OutputError, UsageError
from .run.isolate import MIN_MEMORY_MB

EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


def _progress(items, total=None):
    """A tqdm bar on a terminal; otherwise one plain line per finished file on stderr."""
    if sys.stderr.isatty():
        from tqdm import tqdm
        return tqdm(items, total=total, desc="converting", unit="file")
    return _plain_progress(items, total)


def _plain_progress(items, total):
    for n, item in enumerate(items, 1):
        source, label = item if isinstance(item, tuple) else (item, "")
        print(f"[{n}/{total if total is not None else '?'}] {source}: {label}", file=sys.stderr, flush=True)
        yield item


def _number(kind, low=None, high=None, above=None):
    """An argparse type: a number within bounds (a bad value is a usage error, exit 2, with a message)."""
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
        if above is not None and value <= above:
            raise argparse.ArgumentTypeError(f"must be above {above}: {text!r}")
        if low is not None and value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}: {text!r}")
        if high is not None and value > high:
            raise argparse.ArgumentTypeError(f"must be at most {high}: {text!r}")
        return value
    return parse


def _positive(kind):
    return _number(kind, above=0)


class Parser(argparse.ArgumentParser):
    """argparse's parser, but a usage error is one line on stderr, exit 2 (`pipeline run: argument --workers:
    must be above 0: '0'`), without the usage block before it: the block is what --help is for."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is so that it unwinds like Ctrl-C: workers stopped, temporaries
    removed, OUTDIR's lock released."""


def _terminate(signum, frame):
    raise Terminated()


def _failed(command: str, exc: Exception) -> int:
    print(f"pipeline {command}: {exc}", file=sys.stderr)
    return EXIT_OUTPUT if isinstance(exc, OutputError) else EXIT_USAGE


def _codebook(args):
    """The codebook files of --codebook DIR (default $PIPELINE_CODEBOOK): CodebookError when DIR is not a folder."""
    from .core.codebook_files import CodebookFiles, codebook_folder

    return CodebookFiles.at(codebook_folder(args.codebook))


def cmd_run(args) -> int:
    if not args.input.exists():
        print(f"pipeline run: input {args.input} does not exist", file=sys.stderr)
        return EXIT_USAGE
    from .core.codebook_files import codebook_folder
    from .run.early import start_early, will_convert

    if will_convert(args.out, args.force):  # the workers' forkserver sets up while this process does
        start_early(codebook_folder(args.codebook))
    from .core.settings import ExtractSettings
    from .outdir import names
    from .run.batch import run_batch, summary
    from .run.runner import Limits

    def waiting(holder: str) -> None:
        if not args.quiet:
            print(f"waiting for process {holder or '(unknown)'}, which is writing to {args.out} ...", file=sys.stderr)

    bad_corrections: tuple = ()
    if args.corrections is not None:  # its module imports the converting code's parsers: only when needed
        from .run.corrections import CorrectionsError
        bad_corrections = (CorrectionsError,)
    signal.signal(signal.SIGTERM, _terminate)
    try:
        result = run_batch(args.input, args.out, ExtractSettings(), guard=not args.no_csv_guard,
                           progress=None if args.quiet else _progress, workers=args.workers, force=args.force, wait=args.wait,
                           on_wait=waiting, limits=Limits(timeout=args.timeout, max_memory_mb=args.max_memory),
                           corrections=args.corrections, codebook=_codebook(args))
    except bad_corrections as e:  # a malformed corrections file: nothing was written
        print(f"pipeline run: {e}", file=sys.stderr)
        return EXIT_USAGE
    except (UsageError, OutputError, CodebookError) as exc:  # a malformed codebook: nothing was written
        return _failed("run", exc)
    except KeyboardInterrupt as exc:
        again = "running it again without --force" if args.force else "running the same command again"
        how = "terminated" if isinstance(exc, Terminated) else "interrupted"
        print(f"\n{how}: the previous outputs are unchanged; files already converted are cached, so {again} "
              "completes the batch", file=sys.stderr)
        return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for notice in result.notices:
        print(f"warning: {notice}", file=sys.stderr)
    if args.quiet:  # for scripts: only what went wrong, one line per file that failed
        for f in result.failures:
            print(f"pipeline run: {f.source}: [{f.category}] {f.message}", file=sys.stderr)
    else:
        _summary(args, summary(result), names)
    if args.strict and result.statuses.get("invalid"):
        return EXIT_FAILURES
    return result.exit_code


def _summary(args, text: str, names) -> None:
    print(text)
    print(f"outputs in {args.out}/ ({names.VALUES}, {names.PROFILES}, {names.PANEL}, {names.JSON_DIR}/, "
          f"{names.FAILURES}, {names.LOG}, {names.MANIFEST}, {names.EXCEL_DIR}/; {names.README} says what each is, "
          f"{names.FIELDS_CSV} lists the fields, {names.DATAPACKAGE} describes the CSV files)")


def extract_format(args) -> str:
    """--format, or else the suffix of -o FILE (.csv: csv), or else json."""
    if args.format:
        return args.format
    return "csv" if args.output is not None and args.output.suffix.lower() == ".csv" else "json"


def report_csv(reports, guard: bool = True) -> str:
    """Reports as values.csv's rows (its header first), the formula guard on as in a run."""
    from .outdir.cells import csv_line, guard_formula
    from .outdir.names import VALUE_COLUMNS
    from .outdir.rows import value_row

    rows = [value_row(report, v, n) for report in reports for n, v in enumerate(report.values, 1)]
    return "".join(csv_line(r) for r in [VALUE_COLUMNS, *([guard_formula(c) for c in r] if guard else r
                                                           for r in rows)])


def cmd_extract(args) -> int:
    from .convert.door import convert_file, lexicon_for
    from .core.limits import MAX_BYTES
    from .core.models import Failure
    from .core.settings import DEFAULT_SETTINGS
    from .outdir.atomic import atomic_write
    from .outdir.write import report_json

    if not args.file.is_file():
        print(f"pipeline extract: {args.file} is not a file", file=sys.stderr)
        return EXIT_USAGE
    if args.output is not None and args.output.is_dir():
        print(f"pipeline extract: -o {args.output} is a folder; name a file", file=sys.stderr)
        return EXIT_USAGE
    try:
        codebook = _codebook(args)
        lexicon_for(codebook)  # a malformed codebook is a usage error, not this file's failure
    except CodebookError as exc:
        return _failed("extract", exc)
    out, _ = convert_file(args.file, args.file.name, DEFAULT_SETTINGS, MAX_BYTES, codebook)
    if isinstance(out, Failure):  # nothing is written
        print(f"{out.source}: [{out.category}] {out.message}", file=sys.stderr)
        return EXIT_FAILURES
    if extract_format(args) == "csv":
        text = report_csv(out, guard=not args.no_csv_guard)
    elif len(out) == 1:
        text = report_json(out[0])
    else:  # a file of several profiles: a JSON array of their documents
        text = "[\n" + ",\n".join(report_json(r).rstrip("\n") for r in out) + "\n]\n"
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        atomic_write(args.output, text)
    except OSError as exc:
        return _failed("extract", OutputError.from_os(exc, args.output))
    return EXIT_OK


def cmd_evaluate(args) -> int:
    from .tools.evaluate import main_evaluate

    return main_evaluate(args.outdir, args.truth_dir, verbose=args.verbose, min_pct=args.min,
                         csv_path=args.csv)


def not_an_output_folder(folder: Path) -> str | None:
    """Why FOLDER is not one `pipeline run` wrote (None when it is, or may be: its own checks say more): a
    folder of PDFs is named as such, with the command that converts it."""
    from .outdir.names import JSON_DIR, LOG, MANIFEST, VALUES

    if not folder.exists():
        return f"{folder} does not exist"
    if not folder.is_dir():
        return f"{folder} is not a folder but a file: give the output folder of a run (its --out)"
    if any((folder / n).exists() for n in (JSON_DIR, MANIFEST, VALUES, LOG)):
        return None
    pdfs = sum(1 for p in folder.rglob("*") if p.suffix.lower() == ".pdf")
    if pdfs:
        return (f"{folder} is not an output folder but holds {pdfs} PDF file{'s' * (pdfs != 1)}: convert them "
                f"with `pipeline run {folder} --out OUTDIR`, then review with `pipeline review OUTDIR`")
    return (f"{folder} is not an output folder (no {JSON_DIR}/, {VALUES} or {MANIFEST}): give the --out of a run, "
            f"or write one with `pipeline run INPUT --out {folder}`")


def cmd_review(args) -> int:
    from .tools.review.command import main_review

    problem = not_an_output_folder(args.outdir)
    if problem:
        print(f"pipeline review: {problem}", file=sys.stderr)
        return EXIT_USAGE
    return main_review(args.outdir, args.input, resolution=args.resolution, timeout=args.timeout,
                       max_memory_mb=args.max_memory)


def cmd_diff(args) -> int:
    from .tools.diff import main_diff

    return main_diff(args.old, args.new, csv_path=args.csv, threshold=args.threshold, by=args.key,
                     limit=args.limit)


def cmd_codebook(args) -> int:
    from .core.codebook_files import codebook_folder
    from .tools.suggest import main_apply, main_suggest

    if args.action == "apply":  # the folder is created when missing: it is where the variants go
        return main_apply(args.patch, codebook_folder(args.codebook))
    try:
        codebook = _codebook(args)
    except CodebookError as exc:
        return _failed("codebook suggest", exc)
    return main_suggest(args.outdir, args.out, codebook)


CODEBOOK_HELP = ("a codebook folder whose variants.yaml (label wordings accepted with `pipeline codebook apply`) "
                 "is read on top of the built-in codebook (default: $PIPELINE_CODEBOOK; neither: the built-in "
                 "codebook alone)")


def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="pipeline",
        description="Convert 'Index on Torture' country-profile PDFs into validated CSV and JSON "
                    "with provenance for every value.",
        epilog="Exit codes: 0 all files converted, 1 some files failed (or --strict and invalid values), "
               "2 usage error (no PDF under INPUT, a bad option, OUTDIR in use), 3 the outputs could not be "
               "written (full disk, read-only file system), 130 interrupted, 143 terminated.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="convert a folder of PDFs (or one PDF)",
                         description="Convert every PDF under INPUT (searched recursively) and write "
                                     "values.csv, profiles.csv, json/, failures.csv and log.jsonl to OUTDIR.")
    run.add_argument("input", nargs="?", type=Path, default=Path("raw"),
                     help="a folder searched recursively, or one PDF (default: raw/)")
    run.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output/)")
    run.add_argument("--strict", action="store_true", help="exit 1 also when any value fails validation")
    run.add_argument("--workers", type=_positive(int), default=None, metavar="N",
                     help="convert N files at a time, each in its own process (default: the number of cores)")
    run.add_argument("--timeout", type=_positive(float), default=120.0, metavar="SECONDS",
                     help="stop converting a file after this many seconds: it fails as `timeout` (default 120)")
    run.add_argument("--max-memory", type=_number(int, low=MIN_MEMORY_MB), default=2048, metavar="MB",
                     help="memory limit of the process converting one file: over it the file fails as "
                          f"`too_large` (default 2048; at least {MIN_MEMORY_MB}, what a worker needs to start)")
    run.add_argument("--force", action="store_true",
                     help="convert every file again instead of reusing results cached in OUTDIR/cache/ "
                          "for files that did not change")
    run.add_argument("--corrections", type=Path, default=None, metavar="FILE.csv",
                     help="apply reviewers' corrections (columns source, field, was, value, note; optional unit, "
                          "answer, status, reviewer) after converting; a malformed file stops the run (exit 2) "
                          "before anything is written")
    run.add_argument("--wait", action="store_true",
                     help="when another run is writing to OUTDIR, wait for it instead of exiting with 2")
    run.add_argument("--codebook", type=Path, default=None, metavar="DIR", help=CODEBOOK_HELP)
    run.add_argument("--no-csv-guard", action="store_true",
                     help="write text cells starting with = + - @ as they are (default: prefix them with ' "
                          "so spreadsheets do not run them as formulas)")
    run.add_argument("-q", "--quiet", action="store_true",
                     help="for scripts: no progress and no summary; only warnings and errors, on stderr (one line "
                          "per file that failed); the exit code says how it went")
    run.set_defaults(func=cmd_run)

    ext = sub.add_parser("extract", help="convert one PDF: its report as JSON or CSV, on stdout or into a file",
                         description="Convert one PDF and print its report (values, provenance, warnings) as JSON "
                                     "(the document json/ holds), or as CSV (its rows of values.csv), on stdout or "
                                     "into -o FILE. Exit 1, writing nothing, when the file cannot be converted.")
    ext.add_argument("file", type=Path, help="a PDF file")
    ext.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                     help="write the report into FILE (replaced whole) instead of stdout")
    ext.add_argument("--format", choices=["json", "csv"], default=None,
                     help="json (default), or csv: values.csv's columns, one row per row of the report (default "
                          "with -o FILE.csv)")
    ext.add_argument("--no-csv-guard", action="store_true",
                     help="--format csv: write text cells starting with = + - @ as they are")
    ext.add_argument("--codebook", type=Path, default=None, metavar="DIR", help=CODEBOOK_HELP)
    ext.set_defaults(func=cmd_extract)

    ev = sub.add_parser("evaluate", help="score an output folder against ground truth",
                        description="Compare OUTDIR/values.csv with *.truth.json files: accuracy overall, "
                                    "per field and per report, and every mismatch.")
    ev.add_argument("outdir", type=Path, help="a folder written by `pipeline run`")
    ev.add_argument("truth_dir", type=Path, help="a folder of *.truth.json files (searched recursively)")
    ev.add_argument("--min", type=_number(float, low=0, high=100), default=100.0,
                    help="pass mark in percent, 0 to 100 (default 100)")
    ev.add_argument("--verbose", action="store_true", help="list every mismatch")
    ev.add_argument("--csv", type=Path, default=None, help="also write the mismatches to this CSV file")
    ev.set_defaults(func=cmd_evaluate)

    rv = sub.add_parser("review", help="build a static HTML review site for an output folder",
                        description="Write OUTDIR/review/: index.html (reports, status counts, warnings, "
                                    "failures), doubtful.html (the values to check first, to confirm or "
                                    "correct) and one page per report listing every field beside the PDF "
                                    "pages with each value's box highlighted. Opens from disk, no network. "
                                    "The PDFs are found from each report's source under the run's INPUT, "
                                    "read from OUTDIR/log.jsonl unless --input is given. A rebuild draws and "
                                    "writes only what changed. Exit 1 when some PDF could not be found or "
                                    "rendered, or some json/ document could not be read (that report is "
                                    "skipped; the rest is still written).")
    rv.add_argument("outdir", type=Path, help="a folder written by `pipeline run`")
    rv.add_argument("--input", type=Path, default=None, metavar="DIR",
                    help="the INPUT the run converted (default: the input_path of the run event in log.jsonl)")
    rv.add_argument("--resolution", type=_number(int, low=10, high=600), default=110, metavar="DPI",
                    help="resolution of the page images, 10 to 600 (default 110; lowered for huge pages so "
                         "that no image has more than 16 million pixels)")
    rv.add_argument("--timeout", type=_positive(float), default=120.0, metavar="SECONDS",
                    help="time limit for drawing one PDF's page images (default 120)")
    rv.add_argument("--max-memory", type=_number(int, low=MIN_MEMORY_MB), default=2048, metavar="MB",
                    help=f"memory limit of the process drawing one PDF's pages (default 2048, at least {MIN_MEMORY_MB})")
    rv.set_defaults(func=cmd_review)

    df = sub.add_parser("diff", help="compare two output folders field by field",
                        description="Compare OLD/values.csv with NEW/values.csv per report and field: changed "
                                    "value, status, unit or answer; flags changed statuses, large relative "
                                    "jumps and fields or reports that appeared or disappeared. Prints a summary; "
                                    "--csv PATH writes every change to PATH. Exit 0 no change, 1 changes, 2 usage "
                                    "or a damaged folder.")
    df.add_argument("old", type=Path, help="the earlier output folder")
    df.add_argument("new", type=Path, help="the later output folder")
    df.add_argument("--csv", type=Path, default=None, metavar="PATH",
                    help="also write every change to this CSV file (default: none; neither folder is written to)")
    df.add_argument("--threshold", type=_number(float, low=0), default=0.5, metavar="RATIO",
                    help="flag numeric values that moved by more than this fraction of the old value "
                         "(default 0.5 = 50%%)")
    df.add_argument("--key", choices=["source", "country"], default="source",
                    help="identify reports by source path (default) or by iso3 and year")
    df.add_argument("--limit", type=_number(int, low=0), default=200,
                    help="print at most this many changes (default 200)")
    df.set_defaults(func=cmd_diff)

    cb = sub.add_parser("codebook", help="suggest and apply new label wordings",
                        description="A new year's wording: `suggest` writes a YAML patch of label variants "
                                    "from a run's inferred matches and unmapped rows, with their evidence; "
                                    "`apply` adds the accepted ones to a codebook folder's variants.yaml "
                                    "(--codebook DIR), which `run --codebook DIR` reads.")
    cb_sub = cb.add_subparsers(dest="action", metavar="ACTION", required=True)
    sg = cb_sub.add_parser("suggest", help="write a patch of label variants from a run",
                           description="Read OUTDIR/json/ and write a YAML patch (default OUTDIR/codebook-patch.yaml): "
                                       "inferred matches (accept: true), unmapped rows with a guessed field "
                                       "(accept: false) and new indicators, each with file, page and score.")
    sg.add_argument("outdir", type=Path, help="a folder written by `pipeline run`")
    sg.add_argument("--out", type=Path, default=None, metavar="PATCH", help="where to write the patch")
    sg.add_argument("--codebook", type=Path, default=None, metavar="DIR", help=CODEBOOK_HELP)
    ap = cb_sub.add_parser("apply", help="add a reviewed patch's accepted variants to the codebook",
                           description="Add every entry with `accept: true` to DIR/variants.yaml (--codebook DIR "
                                       "or $PIPELINE_CODEBOOK); `pipeline run --codebook DIR` then reads those "
                                       "labels as exact matches.")
    ap.add_argument("patch", type=Path, help="a patch written by `pipeline codebook suggest`")
    ap.add_argument("--codebook", type=Path, default=None, metavar="DIR",
                    help="the codebook folder to add the accepted variants to (DIR/variants.yaml, created when "
                         "missing; default $PIPELINE_CODEBOOK); one of the two is required")
    cb.set_defaults(func=cmd_codebook)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["run", *(argv or [])])
    return args.func(args)
