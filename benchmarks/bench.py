"""Benchmark the pipeline against its floor, side by side, in one run.

    python benchmarks/bench.py              # 100 reports (copies of tests/fixtures/*.pdf under distinct names)
    python benchmarks/bench.py --n 1000     # a bigger batch
    python benchmarks/bench.py --big        # also peak memory for 1000 reports (several minutes)
    python benchmarks/bench.py --profile    # also where the pipeline's time goes (cProfile)
    python benchmarks/bench.py --instructions   # also the 1-worker cost ratio in instructions (valgrind)

Runs --repeat paired rounds (default 5). Each round measures back to back: bare pdfplumber
`extract_words` on every page (the floor of a pdfplumber-based pipeline, a process of its own), the
pipeline with one worker (cold: a fresh OUTDIR), with all workers (cold), and a warm incremental rerun
(all workers again, on the all-workers OUTDIR, which is then up to date). The ratios are computed
within each round (1 worker / floor, 1 worker / all workers, warm / all-workers cold, and the CPU time
of the 1-worker process tree / the floor's), so drift of a shared machine between minutes largely
cancels; each target's verdict uses the median of the per-round ratios, and the table also shows their
range and how many rounds met the target. Seconds, reports/s and pages/s are the median of each
measure over the rounds. Also: `pdftotext` (poppler-utils, once, before the rounds) when installed;
checks that the outputs of 1 worker, all workers and the warm rerun are byte-identical in every round;
peak memory of the run's process tree for 50 reports and (with --big) 1000 reports. Peak tree memory
and CPU time need psutil (`pip install -e '.[bench]'`); without it only the pipeline's parent process
is measured for memory, and the CPU ratio is skipped.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import platform
import resource
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

try:
    import psutil
except ImportError:  # optional: the `bench` extra
    psutil = None


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return (f"nproc {cores}; {model}; Python {platform.python_version()}; "
            f"load average at start {load}")


def build_batch(dest: Path, n: int) -> tuple[list[Path], int]:
    """n copies of the fixture PDFs under distinct names; returns (files, total pages)."""
    import pdfplumber

    fixtures = sorted(FIXTURES.glob("*.pdf"))
    pages_of = {}
    for f in fixtures:
        with pdfplumber.open(f) as pdf:
            pages_of[f] = len(pdf.pages)
    dest.mkdir(parents=True, exist_ok=True)
    files, pages = [], 0
    for i in range(n):
        src = fixtures[i % len(fixtures)]
        target = dest / f"{i:04d}_{src.name}"
        shutil.copyfile(src, target)
        files.append(target)
        pages += pages_of[src]
    return files, pages


FLOOR_SCRIPT = """
import sys, pdfplumber
for name in sys.argv[1:]:
    with pdfplumber.open(name) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.close()
"""


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def floor_extract_words(files: list[Path]) -> tuple[float, float]:
    """Bare pdfplumber word extraction as a command of its own, like `pipeline run`: a fresh
    interpreter that imports pdfplumber and reads every page, so both sides pay the same start-up.
    Returns (wall seconds, CPU seconds)."""
    t0, c0 = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-c", FLOOR_SCRIPT, *map(str, files)], check=True)
    return time.perf_counter() - t0, _children_cpu() - c0


def floor_pdftotext(files: list[Path]) -> float | None:
    exe = shutil.which("pdftotext")
    if not exe:
        return None
    t0 = time.perf_counter()
    for f in files:
        subprocess.run([exe, "-q", str(f), "-"], stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


class Run:
    """`pipeline run` in a subprocess: wall time, peak RSS summed over its process tree (psutil,
    sampled every 50 ms) and the peak RSS of the pipeline's own (parent) process (wait4; the workers
    are children of the forkserver, so they are not in it)."""

    def __init__(self, args: list[str]):
        self.args = args
        self.seconds = 0.0
        self.cpu_seconds: float | None = None  # user + system CPU of the whole process tree
        self.tree_peak_mb: float | None = None
        self.parent_mb = 0.0
        self.returncode = None

    def __call__(self) -> "Run":
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", *self.args],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        peak = [0]
        cpu: dict[int, float] = {}  # pid -> CPU seconds at its last sample
        done = threading.Event()

        def sample():
            if psutil is None:
                return
            try:
                root = psutil.Process(proc.pid)
            except psutil.Error:
                return
            while not done.is_set():
                total = 0
                try:
                    for p in [root, *root.children(recursive=True)]:
                        try:
                            total += p.memory_info().rss
                            t = p.cpu_times()
                            cpu[p.pid] = t.user + t.system
                        except psutil.Error:
                            pass
                except psutil.Error:
                    break
                peak[0] = max(peak[0], total)
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        self.seconds = time.perf_counter() - t0
        done.set()
        sampler.join()
        proc.returncode = self.returncode = os.waitstatus_to_exitcode(status)
        self.parent_mb = usage.ru_maxrss / 1024  # KiB on Linux
        # the parent's CPU exactly (wait4); each other process's as last sampled (at most 50 ms short)
        cpu[proc.pid] = usage.ru_utime + usage.ru_stime
        self.cpu_seconds = sum(cpu.values()) if psutil is not None else None
        self.tree_peak_mb = peak[0] / 2**20 if psutil is not None else None
        if self.returncode != 0:
            raise SystemExit(f"pipeline run {' '.join(self.args)} exited {self.returncode}")
        return self


def outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "run.json" and "cache" not in p.relative_to(out).parts}


def profile(top: int = 12) -> str:
    """Where one process's time goes on the fixtures: pdfplumber/pdfminer reading vs the pipeline's stages."""
    sys.path.insert(0, str(ROOT))
    from pipeline.convert.extract import extract_pages
    from pipeline.convert.extract.pages import read_pages
    from pipeline.convert.lexicon import default_lexicon
    from pipeline.convert.process import build_report
    from pipeline.core.settings import DEFAULT_SETTINGS

    files = sorted(FIXTURES.glob("*.pdf"))
    default_lexicon()  # the codebook's tables, built once as the workers' forkserver builds them
    stage = {"read pages (pdfplumber/pdfminer: extract_words, lines, rects)": 0.0,
             "extract layout (lines, title, facts, tables)": 0.0,
             "map + normalize + validate (build_report)": 0.0}
    names = list(stage)
    for f in files * 2:
        t0 = time.perf_counter()
        pages = read_pages(f, DEFAULT_SETTINGS)
        t1 = time.perf_counter()
        doc = extract_pages(pages, DEFAULT_SETTINGS)
        t2 = time.perf_counter()
        build_report(doc, f.name)
        t3 = time.perf_counter()
        stage[names[0]] += t1 - t0
        stage[names[1]] += t2 - t1
        stage[names[2]] += t3 - t2
    total = sum(stage.values())
    lines = ["| stage | ms per report | share |", "|---|---:|---:|"]
    for k, v in stage.items():
        lines.append(f"| {k} | {1000 * v / (2 * len(files)):.0f} | {100 * v / total:.0f}% |")

    prof = cProfile.Profile()
    prof.enable()
    for f in files:
        build_report(extract_pages(read_pages(f, DEFAULT_SETTINGS), DEFAULT_SETTINGS), f.name)
    prof.disable()
    stats = pstats.Stats(prof)
    rows = []
    for (filename, line, func), (_, ncalls, tottime, cumtime, _) in stats.stats.items():
        if "/pipeline/" in filename and func not in ("<module>",):
            rows.append((cumtime, tottime, ncalls, f"{Path(filename).parent.name}/{Path(filename).name}:{line} {func}"))
    rows.sort(reverse=True)
    lines += ["", f"Top {top} pipeline functions by cumulative time (cProfile, {len(files)} reports; "
              "profiling inflates times, compare the shares):", "",
              "| function | cumulative s | own s | calls |", "|---|---:|---:|---:|"]
    for cum, tot, n, name in rows[:top]:
        lines.append(f"| `{name}` | {cum:.2f} | {tot:.2f} | {n} |")
    return "\n".join(lines)


def _callgrind_instructions(cmd: list[str], outdir: Path) -> int:
    """Instructions executed by cmd and every process it starts (callgrind writes one file per process)."""
    shutil.rmtree(outdir, ignore_errors=True)
    outdir.mkdir(parents=True)
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same hashing, so the same work, every time
    subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes", "--cache-sim=no",
                    f"--callgrind-out-file={outdir}/cg.%p", *cmd], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # the workers' forkserver outlives the run by a moment; a process's file is written when it exits
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and any(str(outdir) in _cmdline(p) for p in Path("/proc").glob("[0-9]*")):
        time.sleep(0.2)
    runs = []  # (pid, command, instructions)
    for f in outdir.glob("cg.*"):
        text = f.read_text(errors="replace")
        cmd_line = next((ln for ln in text.splitlines() if ln.startswith("cmd:")), "")
        total = next(int(ln.split()[1]) for ln in text.splitlines() if ln.startswith(("summary:", "totals:")))
        runs.append((int(f.name.split(".")[-1]), cmd_line, total))
    # A forked process (a worker, forked by the forkserver) starts with its parent's count: it runs the
    # same command, so take off the count of the first process that ran it (its parent; an over-estimate
    # of that count at the fork by what the forkserver did after it, which is little).
    first: dict[str, int] = {}
    total = 0
    for pid, cmd_line, count in sorted(runs):
        total += count - first.get(cmd_line, 0)
        first.setdefault(cmd_line, count)
    return total


def _cmdline(proc: Path) -> str:
    try:
        return (proc / "cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def instructions(files: list[Path], work: Path) -> str:
    """The 1-worker cost ratio counted in instructions, which a busy or throttled machine does not change.

    The floor and `pipeline run --workers 1` (parent, forkserver and worker together) run under callgrind
    over the fixtures once and twice over; the difference is the cost per report, the rest the cost of
    starting, and the two give the ratio for a batch of any size."""
    if not shutil.which("valgrind"):
        return "valgrind not installed (apt-get install valgrind); skipped"
    counts = {}
    for copies in (1, 2):
        batch = work / f"cg-batch{copies}"
        shutil.rmtree(batch, ignore_errors=True)
        batch.mkdir(parents=True)
        for c in range(copies):
            for f in files:
                shutil.copyfile(f, batch / f"{c}_{f.name}")
        names = sorted(map(str, batch.glob("*.pdf")))
        floor = _callgrind_instructions([sys.executable, "-c", FLOOR_SCRIPT, *names], work / "cg-floor")
        shutil.rmtree(work / "cg-out", ignore_errors=True)
        pipe = _callgrind_instructions([sys.executable, "-m", "pipeline", "run", str(batch), "--out",
                                        str(work / "cg-out"), "--workers", "1", "--timeout", "3600"],
                                       work / "cg-pipeline")
        counts[len(names)] = (floor, pipe)
        print(f"callgrind, {len(names)} reports: floor {floor / 1e9:.2f} G instructions, "
              f"pipeline on 1 worker {pipe / 1e9:.2f} G", flush=True)
    (n1, (f1, p1)), (n2, (f2, p2)) = sorted(counts.items())
    per_floor, per_pipe = (f2 - f1) / (n2 - n1), (p2 - p1) / (n2 - n1)
    fixed_floor, fixed_pipe = f1 - n1 * per_floor, p1 - n1 * per_pipe
    lines = ["| | floor | pipeline, 1 worker | ratio |", "|---|---:|---:|---|",
             f"| per report (G instructions) | {per_floor / 1e9:.3f} | {per_pipe / 1e9:.3f} | "
             f"{per_pipe / per_floor:.2f}× |",
             f"| start-up (G instructions) | {fixed_floor / 1e9:.2f} | {fixed_pipe / 1e9:.2f} | |"]
    for n in (n1, 100, 1000):
        ratio = (fixed_pipe + n * per_pipe) / (fixed_floor + n * per_floor)
        lines.append(f"| batch of {n} reports | | | {ratio:.2f}× (target ≤ 1.3×: "
                     f"{'met' if ratio <= 1.3 else 'not met'}) |")
    return "\n".join(lines)


TARGETS = {"one/floor": ("{} floor", lambda r: f"{r:.2f}×", "≤ 1.3×", lambda r: r <= 1.3),
           "one/many": ("{} faster than 1 worker", lambda r: f"{r:.2f}×", "≥ 1.7×", lambda r: r >= 1.7),
           "warm/many": ("{} of cold", lambda r: f"{100 * r:.1f}%", "≤ 5%", lambda r: r <= 0.05),
           "cpu": ("{} floor", lambda r: f"{r:.2f}×", "≤ 1.3×", lambda r: r <= 1.3)}  # key -> wording, format, target, test


class Rounds:
    """Paired rounds: the ratios are taken within each round, whose runs are back to back, so drift of
    a shared machine between minutes largely cancels; the verdicts use the median round ratio."""

    def __init__(self) -> None:
        self.secs: dict[str, list[float]] = {"floor": [], "one": [], "many": [], "warm": []}
        self.cpu: dict[str, list[float]] = {"floor": [], "one": [], "many": []}
        self.ratios: dict[str, list[float]] = {"one/floor": [], "one/many": [], "warm/many": [], "cpu": []}
        self.differ: list[int] = []  # rounds whose 1-worker and all-worker outputs were not byte-identical
        self.differ_warm: list[int] = []  # rounds whose warm rerun changed the outputs

    def run(self, round_: int, files: list[Path], work: Path, workers: int) -> str:
        """One round; its line for the terminal."""
        t_floor, cpu_floor = floor_extract_words(files)
        for d in ("out1", "outN"):
            shutil.rmtree(work / d, ignore_errors=True)
        r1 = Run([str(work / "batch"), "--out", str(work / "out1"), "--workers", "1"])()
        rn = Run([str(work / "batch"), "--out", str(work / "outN"), "--workers", str(workers)])()
        out1, cold = outputs(work / "out1"), outputs(work / "outN")
        warm = Run([str(work / "batch"), "--out", str(work / "outN"), "--workers", str(workers)])()
        if out1 != cold:
            self.differ.append(round_)
        if outputs(work / "outN") != out1:
            self.differ_warm.append(round_)
        for k, t in (("floor", t_floor), ("one", r1.seconds), ("many", rn.seconds), ("warm", warm.seconds)):
            self.secs[k].append(t)
        self.ratios["one/floor"].append(r1.seconds / t_floor)
        self.ratios["one/many"].append(r1.seconds / rn.seconds)
        self.ratios["warm/many"].append(warm.seconds / rn.seconds)
        cpu_note = ""
        if r1.cpu_seconds is not None:
            self.cpu["floor"].append(cpu_floor)
            self.cpu["one"].append(r1.cpu_seconds)
            self.cpu["many"].append(rn.cpu_seconds)
            self.ratios["cpu"].append(r1.cpu_seconds / cpu_floor)
            cpu_note = (f"; CPU floor {cpu_floor:.1f} s, 1 worker {r1.cpu_seconds:.1f} s "
                        f"= {self.ratios['cpu'][-1]:.2f}×, {workers} workers {rn.cpu_seconds:.1f} s")
        return (f"floor (pdfplumber extract_words) {t_floor:.1f} s, pipeline 1 worker {r1.seconds:.1f} s, "
                f"{workers} workers {rn.seconds:.1f} s, warm rerun {warm.seconds:.2f} s | 1 worker "
                f"{self.ratios['one/floor'][-1]:.2f}× floor, {self.ratios['one/many'][-1]:.2f}× faster on {workers} "
                f"workers, warm {100 * self.ratios['warm/many'][-1]:.1f}% of cold{cpu_note}")

    def verdict(self, key: str | None) -> tuple[str, ...]:
        """(median ratio, range, target, rounds met, met) of one target's per-round ratios."""
        if key is None:
            return ("",) * 5
        words, fmt, target, ok = TARGETS[key]
        values = self.ratios[key]
        m = statistics.median(values)
        return (words.format(fmt(m)), f"{fmt(min(values))}–{fmt(max(values))}", target,
                f"{sum(map(ok, values))}/{len(values)}", "yes" if ok(m) else "no")


def throughput_table(r: Rounds, n: int, pages: int, workers: int, t_pdftotext: float | None) -> str:
    med = {k: statistics.median(v) for k, v in r.secs.items()}
    rows = [("pdfplumber `extract_words`, every page, 1 process (floor)", med["floor"], None),
            ("`pdftotext` (poppler), 1 process, one run", t_pdftotext, None),
            ("pipeline, 1 worker, cold", med["one"], "one/floor"),
            (f"pipeline, {workers} workers, cold", med["many"], "one/many"),
            (f"pipeline, warm rerun ({workers} workers)", med["warm"], "warm/many")]
    lines = [f"\n### Throughput: {n} reports, {pages} pages, {len(r.secs['floor'])} paired rounds\n",
             "Seconds, reports/s and pages/s: the median of each measure over the rounds. Ratio: the median "
             "of the per-round ratios (each round's runs back to back), so it need not equal the ratio of "
             "the median seconds; range: lowest–highest round; rounds met: rounds whose own ratio met the "
             "target; met: the verdict, from the median ratio.\n",
             "| run | seconds | reports/s | pages/s | ratio (median) | range | target | rounds met | met |",
             "|---|---:|---:|---:|---|---|---|---|---|"]
    for name, t, key in rows:
        if t is None:
            lines.append(f"| {name} | skipped: not installed | | | | | | | |")
        else:
            lines.append(f"| {name} | {t:.2f} | {n / t:.1f} | {pages / t:.1f} | " + " | ".join(r.verdict(key)) + " |")
    return "\n".join(lines)


def cpu_lines(r: Rounds, workers: int) -> str:
    ratio, spread, target, met_rounds, met = r.verdict("cpu")
    # The same work on more workers at once: CPU time that grows is the machine (shared cores or
    # caches, a busy host), not waiting in the pipeline, and the speed-up cannot beat it.
    grow = [m / o for m, o in zip(r.cpu["many"], r.cpu["one"])]
    return (f"\nCPU time (user + system, whole process tree), median over the rounds: floor "
            f"{statistics.median(r.cpu['floor']):.2f} s, pipeline on 1 worker {statistics.median(r.cpu['one']):.2f} s; "
            f"per-round ratio, median {ratio} (range {spread}; {met_rounds} rounds {target}): "
            f"target {target} {'met' if met == 'yes' else 'not met'}.\n"
            f"CPU time of the same conversion on {workers} workers at once, per round, over 1 worker: "
            f"median {statistics.median(grow):.2f}× (range {min(grow):.2f}×–{max(grow):.2f}×); "
            f"the speed-up is at most {workers} / that: {workers / statistics.median(grow):.2f}× at the median.")


def memory_runs(work: Path, sizes: list[int], workers: int) -> dict[int, Run]:
    mem = {}
    for size in sizes:
        batch = work / f"batch{size}"
        if not batch.exists():
            build_batch(batch, size)
        shutil.rmtree(work / f"mem{size}", ignore_errors=True)
        mem[size] = Run([str(batch), "--out", str(work / f"mem{size}"), "--workers", str(workers)])()
        print(f"memory, {size} reports: tree peak {mem[size].tree_peak_mb or float('nan'):.0f} MB, "
              f"parent process {mem[size].parent_mb:.0f} MB ({mem[size].seconds:.0f} s)", flush=True)
    return mem


def memory_table(mem: dict[int, Run]) -> str:
    lines = ["\n### Peak memory (RSS summed over the run's process tree; the parent process alone)\n",
             "| reports | tree peak MB | parent process MB | ratio to 50 | target | met |",
             "|---:|---:|---:|---|---|---|"]
    base = mem[50]
    for size, run in mem.items():
        if run.tree_peak_mb is not None and base.tree_peak_mb:
            ratio = run.tree_peak_mb / base.tree_peak_mb
        else:
            ratio = run.parent_mb / base.parent_mb
        target = "" if size == 50 else "≤ 1.2×"
        met = "" if size == 50 else ("yes" if ratio <= 1.2 else "no")
        tree = f"{run.tree_peak_mb:.0f}" if run.tree_peak_mb is not None else "n/a (no psutil)"
        lines.append(f"| {size} | {tree} | {run.parent_mb:.0f} | {ratio:.2f}× | {target} | {met} |")
    return "\n".join(lines)


def identical(rounds_differing: list[int]) -> str:
    return "yes" if not rounds_differing else f"NO (round {', '.join(map(str, rounds_differing))})"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100, help="reports in the batch (default 100)")
    ap.add_argument("--workers", type=int, default=None, help="'all workers' (default: the number of cores)")
    ap.add_argument("--big", action="store_true", help="also measure peak memory for 1000 reports")
    ap.add_argument("--profile", action="store_true", help="also profile where the pipeline's time goes")
    ap.add_argument("--instructions", action="store_true",
                    help="also count instructions (valgrind's callgrind) of the floor and of the pipeline on 1 "
                         "worker over the fixtures, once and twice over: a cost ratio that machine load does not "
                         "move (10 to 15 minutes)")
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    ap.add_argument("--repeat", type=int, default=5,
                    help="paired rounds of floor / 1 worker / all workers / warm rerun; the ratios are taken "
                         "within each round and the verdicts use their median (shared machines drift by tens "
                         "of percent between minutes; default 5)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workers = args.workers or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count())
    work = args.keep or Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
    print(f"machine: {machine()}", flush=True)
    try:
        files, pages = build_batch(work / "batch", args.n)
        print(f"batch: {len(files)} reports, {pages} pages in {work / 'batch'}", flush=True)
        t_pdftotext = floor_pdftotext(files)
        print("pdftotext: " + (f"{t_pdftotext:.1f} s" if t_pdftotext is not None else
                               "not installed (apt-get install poppler-utils); skipped"), flush=True)
        rounds, total = Rounds(), max(1, args.repeat)
        for round_ in range(1, total + 1):
            print(f"round {round_}/{total}: " + rounds.run(round_, files, work, workers), flush=True)
        mem = memory_runs(work, [50] + ([1000] if args.big else []), workers)
        print(throughput_table(rounds, len(files), pages, workers, t_pdftotext))
        if rounds.ratios["cpu"]:
            print(cpu_lines(rounds, workers))
        print(f"\nOutputs of 1 worker and {workers} workers byte-identical in every round: "
              f"{identical(rounds.differ)}; warm rerun identical to cold: {identical(rounds.differ_warm)}.")
        print(memory_table(mem))
        if args.profile:
            print("\n### Where the time goes (one process, the fixtures)\n")
            print(profile())
        if args.instructions:
            print("\n### Cost in instructions (callgrind)\n")
            print(instructions(sorted(FIXTURES.glob("*.pdf")), work), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
