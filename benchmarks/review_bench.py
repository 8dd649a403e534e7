"""Benchmark `pipeline review` against a bare pypdfium2 render of the same pages, side by side, in one run.

    python benchmarks/review_bench.py              # 19 reports (copies of tests/fixtures/*.pdf), 5 rounds
    python benchmarks/review_bench.py --n 100 --repeat 3

Set-up (not measured): the batch is converted once with `pipeline run`. Then each round measures, back
to back, each as a command of its own (a fresh interpreter, so that every side pays its start-up):

- bare: a script that opens each PDF with pypdfium2 and saves every page as a PNG at the review's
  resolution (`page.render(scale=dpi/72).to_pil().save(...)`, Pillow's default PNG settings): the floor of
  drawing the pages, as the issue measured it (0.9 s for 18 pages); also, for reference, the same
  without writing the PNGs (`bitmap`);
- cold: `pipeline review OUTDIR` with no review/ folder;
- rerun: `pipeline review OUTDIR` again, on the unchanged outputs.

The ratios are computed within each round (cold / bare, rerun / cold), so that drift of a shared machine
between minutes largely cancels; each target's verdict uses the median over the rounds, and the table
shows their range too. Every round checks that the rerun left every file of review/ as the cold build
wrote it. Targets (issue 23, item 8): cold <= 2x bare, rerun <= 10% of cold. Exit 0 when both are met.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench import machine  # noqa: E402  (the same machine line as bench.py)

COLD_TARGET, RERUN_TARGET = 2.0, 0.10

BARE_SCRIPT = """
import sys, pypdfium2 as pdfium
dpi, out, save = float(sys.argv[1]), sys.argv[2], sys.argv[3] == "png"
for k, name in enumerate(sys.argv[4:]):
    doc = pdfium.PdfDocument(name)
    for i in range(len(doc)):
        image = doc[i].render(scale=dpi / 72).to_pil()
        if save:
            image.save(f"{out}/{k}.p{i + 1}.png")
"""


def build_batch(dest: Path, n: int) -> list[Path]:
    fixtures = sorted(FIXTURES.glob("*.pdf"))
    dest.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        src = fixtures[i % len(fixtures)]
        files.append(dest / f"{i:04d}_{src.name}")
        shutil.copyfile(src, files[-1])
    return files


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file of the folder: its content's hash and its modification time (a rerun writes nothing)."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=19, help="reports in the batch (default 19)")
    ap.add_argument("--repeat", type=int, default=5, help="paired rounds (default 5)")
    ap.add_argument("--resolution", type=int, default=110)
    args = ap.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="review-bench-") as tmp:
        tmp = Path(tmp)
        files = build_batch(tmp / "in", args.n)
        out = tmp / "out"
        subprocess.run([sys.executable, "-m", "pipeline", "run", str(tmp / "in"), "--out", str(out)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import pypdfium2 as pdfium

        pages = sum(len(pdfium.PdfDocument(str(f))) for f in files)
        review_cmd = [sys.executable, "-m", "pipeline", "review", str(out), "--resolution", str(args.resolution)]
        rounds = []
        for r in range(args.repeat):
            scratch = tmp / f"bare{r}"
            scratch.mkdir()
            bare = timed([sys.executable, "-c", BARE_SCRIPT, str(args.resolution), str(scratch), "png", *map(str, files)])
            bitmap = timed([sys.executable, "-c", BARE_SCRIPT, str(args.resolution), str(scratch), "no", *map(str, files)])
            shutil.rmtree(scratch)
            shutil.rmtree(out / "review", ignore_errors=True)
            cold = timed(review_cmd)
            before = snapshot(out / "review")
            rerun = timed(review_cmd)
            same = snapshot(out / "review") == before
            rounds.append({"bare": bare, "bitmap": bitmap, "cold": cold, "rerun": rerun, "same": same,
                           "cold/bare": cold / bare, "rerun/cold": rerun / cold})
            print(f"round {r + 1}: bare {bare:.2f} s, bitmap {bitmap:.2f} s, cold {cold:.2f} s, rerun {rerun:.2f} s; "
                  f"cold/bare {cold / bare:.2f}, rerun/cold {rerun / cold:.1%}; rerun wrote nothing: {same}",
                  flush=True)
    med = {k: statistics.median(x[k] for x in rounds) for k in rounds[0] if k != "same"}
    lo = {k: min(x[k] for x in rounds) for k in ("cold/bare", "rerun/cold")}
    hi = {k: max(x[k] for x in rounds) for k in ("cold/bare", "rerun/cold")}
    met_cold = sum(x["cold/bare"] <= COLD_TARGET for x in rounds)
    met_rerun = sum(x["rerun/cold"] <= RERUN_TARGET for x in rounds)
    print(f"\n{args.n} reports, {pages} pages at {args.resolution} dpi; {args.repeat} rounds (medians)")
    print(f"| measure | seconds | pages/s |\n|---|---|---|")
    for k in ("bitmap", "bare", "cold", "rerun"):
        print(f"| {k} | {med[k]:.2f} | {pages / med[k]:.0f} |")
    ok_cold, ok_rerun = med["cold/bare"] <= COLD_TARGET, med["rerun/cold"] <= RERUN_TARGET
    print(f"\n| ratio | median | range | rounds met | target | verdict |\n|---|---|---|---|---|---|")
    print(f"| cold / bare | {med['cold/bare']:.2f} | {lo['cold/bare']:.2f}-{hi['cold/bare']:.2f} | "
          f"{met_cold}/{args.repeat} | <= {COLD_TARGET:g} | {'met' if ok_cold else 'NOT met'} |")
    print(f"| rerun / cold | {med['rerun/cold']:.1%} | {lo['rerun/cold']:.1%}-{hi['rerun/cold']:.1%} | "
          f"{met_rerun}/{args.repeat} | <= {RERUN_TARGET:.0%} | {'met' if ok_rerun else 'NOT met'} |")
    print(f"cold / bitmap (for reference): {med['cold'] / med['bitmap']:.2f}")
    same = all(x["same"] for x in rounds)
    print(f"rerun left review/ as the cold build wrote it, in every round: {same}")
    return 0 if ok_cold and ok_rerun and same else 1


if __name__ == "__main__":
    sys.exit(main())
