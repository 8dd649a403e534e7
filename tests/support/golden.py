"""Golden outputs: run the pipeline on the fixtures and on every named layout, and compare two such runs.

A restructuring must not change what the pipeline writes. Before it, save the outputs; after it,
compare:

    python -m tests.support.golden save /tmp/golden-before      # from the repository's root
    ... change the code ...
    python -m tests.support.golden save /tmp/golden-after
    python -m tests.support.golden compare /tmp/golden-before /tmp/golden-after

`save` renders every (record, layout) of tests/support/layouts.py (LAYOUTS and FOUND) and runs
`pipeline run` on tests/fixtures, on each rendered layout and on any extra folders given with
--input. `compare` lists every output file that differs (run.json and manifest.json hold times and
code hashes, so they are left out; datapackage.json is compared without `created`, the rendered PDFs'
modification time) and exits 1 when any does.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import subprocess
import sys
from pathlib import Path

from . import FIXTURES, fixture_truth

SKIP = {"run.json", "manifest.json"}


def save(dest: Path, extra: list[Path]) -> None:
    from . import render
    from .layouts import FOUND, LAYOUTS, RECORDS

    dest.mkdir(parents=True, exist_ok=True)
    inputs = {"fixtures": FIXTURES}
    for i, folder in enumerate(extra):
        inputs[f"extra{i}-{folder.name}"] = folder
    cases = {f"{r}--{n}": (r, lay) for n, lay in LAYOUTS.items() for r in RECORDS}
    cases.update({f"found--{n}": pair for n, pair in FOUND.items()})
    for name, (record, lay) in cases.items():
        if lay.font == "DejaVuSans" and not render.dejavu_available():
            continue
        truth = fixture_truth(record)
        pdf = dest / "in" / name / truth["source"]
        pdf.parent.mkdir(parents=True, exist_ok=True)
        render.render(truth, lay, pdf)
        inputs[name] = pdf.parent
    for name, folder in inputs.items():
        out = dest / "out" / name
        subprocess.run([sys.executable, "-m", "pipeline", "run", str(folder), "--out", str(out), "--workers", "2"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    print(f"saved {len(inputs)} runs under {dest / 'out'}")


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.is_file() and p.name not in SKIP and "cache" not in p.relative_to(root).parts}


def _normal(path: Path) -> bytes:
    """log.jsonl records the absolute INPUT, datapackage.json when the inputs were made: compare them
    without that."""
    if path.name == "datapackage.json":
        package = json.loads(path.read_text(encoding="utf-8"))
        package.pop("created", None)
        return json.dumps(package, sort_keys=True).encode()
    if path.name != "log.jsonl":
        return path.read_bytes()
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        event.pop("input_path", None)
        lines.append(json.dumps(event, sort_keys=True))
    return "\n".join(lines).encode()


def compare(a: Path, b: Path) -> int:
    a, b = a / "out", b / "out"
    bad = []
    for run in sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()}):
        fa, fb = _files(a / run) if (a / run).exists() else set(), _files(b / run) if (b / run).exists() else set()
        bad += [f"{run}/{f}: only in {a if f in fa else b}" for f in sorted(fa ^ fb)]
        for f in sorted(fa & fb):
            pa, pb = a / run / f, b / run / f
            if not filecmp.cmp(pa, pb, shallow=False) and _normal(pa) != _normal(pb):
                bad.append(f"{run}/{f}: differs")
    print("\n".join(bad) if bad else "identical")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("save")
    s.add_argument("dest", type=Path)
    s.add_argument("--input", type=Path, action="append", default=[], help="another folder of PDFs to run on")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "save":
        save(args.dest, args.input)
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
