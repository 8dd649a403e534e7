"""Command line: pipeline run | extract | evaluate (also `python -m pipeline`)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2


def _progress(files):
    if sys.stderr.isatty():
        from tqdm import tqdm
        return tqdm(files, desc="converting", unit="file")
    return files


def cmd_run(args) -> int:
    from .batch import run_batch, summary
    from .settings import ExtractSettings

    if not args.input.exists():
        print(f"pipeline run: input {args.input} does not exist", file=sys.stderr)
        return EXIT_USAGE
    result = run_batch(args.input, args.out, ExtractSettings(), guard=not args.no_csv_guard,
                       progress=_progress)
    text = summary(result)
    print(text)
    print(f"outputs in {args.out}/ (values.csv, profiles.csv, json/, failures.csv, log.jsonl)")
    if args.strict and any(v.status == "invalid" for r in result.reports for v in r.values):
        return EXIT_FAILURES
    return result.exit_code


def cmd_extract(args) -> int:
    from .batch import convert_one
    from .models import Failure
    from .write import report_document

    if not args.file.is_file():
        print(f"pipeline extract: {args.file} is not a file", file=sys.stderr)
        return EXIT_USAGE
    out = convert_one(args.file, args.file.name)
    if isinstance(out, Failure):
        print(f"{out.source}: [{out.category}] {out.message}", file=sys.stderr)
        return EXIT_FAILURES
    json.dump(report_document(out), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return EXIT_OK


def cmd_evaluate(args) -> int:
    from .evaluate import main_evaluate

    return main_evaluate(args.outdir, args.truth_dir, verbose=args.verbose, min_pct=args.min,
                         csv_path=args.csv)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="pipeline",
        description="Convert 'Index on Torture' country-profile PDFs into validated CSV and JSON "
                    "with provenance for every value.",
        epilog="Exit codes: 0 all files converted, 1 some files failed (or --strict and invalid values), "
               "2 usage error.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="convert a folder of PDFs (or one PDF)",
                         description="Convert every PDF under INPUT (searched recursively) and write "
                                     "values.csv, profiles.csv, json/, failures.csv and log.jsonl to OUTDIR.")
    run.add_argument("input", nargs="?", type=Path, default=Path("raw"),
                     help="a folder searched recursively, or one PDF (default: raw/)")
    run.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output/)")
    run.add_argument("--strict", action="store_true", help="exit 1 also when any value fails validation")
    run.add_argument("--no-csv-guard", action="store_true",
                     help="write text cells starting with = + - @ as they are (default: prefix them with ' "
                          "so spreadsheets do not run them as formulas)")
    run.set_defaults(func=cmd_run)

    ext = sub.add_parser("extract", help="print one report's JSON to stdout",
                         description="Convert one PDF and print its report (values, provenance, warnings) as JSON.")
    ext.add_argument("file", type=Path, help="a PDF file")
    ext.set_defaults(func=cmd_extract)

    ev = sub.add_parser("evaluate", help="score an output folder against ground truth",
                        description="Compare OUTDIR/values.csv with *.truth.json files: accuracy overall, "
                                    "per field and per report, and every mismatch.")
    ev.add_argument("outdir", type=Path, help="a folder written by `pipeline run`")
    ev.add_argument("truth_dir", type=Path, help="a folder of *.truth.json files (searched recursively)")
    ev.add_argument("--min", type=float, default=100.0, help="pass mark in percent (default 100)")
    ev.add_argument("--verbose", action="store_true", help="list every mismatch")
    ev.add_argument("--csv", type=Path, default=None, help="also write the mismatches to this CSV file")
    ev.set_defaults(func=cmd_evaluate)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["run", *(argv or [])])
    return args.func(args)
