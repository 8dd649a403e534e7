"""Batches that survive anything: bad files, crashes, hangs, memory blow-ups, fuzzed PDFs, parallel runs.

Every input is made here, in tmp_path: from tests/fixtures or drawn with reportlab. Hangs, crashes and
memory blow-ups are injected through PIPELINE_TEST_FAULT, read by the batch runner and applied in the
worker to matching file names only (pipeline/run/runner.py: _apply_fault).
"""
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.run.batch import run_batch
from pipeline.outdir.eventlog import read_log
from pipeline.run.runner import TEST_FAULT_ENV, Limits

from tests.support import FIXTURES
from tests.support.outputs import cli, outcomes, output_files

CATEGORIES = {"not_pdf", "empty", "encrypted", "damaged", "no_text_layer", "not_a_profile",
              "timeout", "too_large", "internal_error"}
GOOD = "kazakhstan_en_2019.docx.pdf"


def make_bad_batch(root: Path) -> dict[str, str]:
    """One file per failure category (and one good file); returns {source: expected category or 'converted'}."""
    root.mkdir(parents=True, exist_ok=True)
    good = (FIXTURES / GOOD).read_bytes()
    (root / "empty.pdf").write_bytes(b"")
    (root / "text_renamed.pdf").write_text("Dear colleagues,\nthis is a plain text file.\n")
    (root / "truncated.pdf").write_bytes(good[: len(good) // 2])
    c = canvas.Canvas(str(root / "encrypted.pdf"), encrypt="secret")
    c.drawString(72, 700, "Country profile")
    c.showPage()
    c.save()
    c = canvas.Canvas(str(root / "image_only.pdf"))  # shapes only: a page with no text layer, like a scan
    c.rect(72, 400, 300, 300, fill=1)
    c.circle(300, 200, 60, fill=1)
    c.showPage()
    c.save()
    c = canvas.Canvas(str(root / "prose.pdf"), pagesize=A4)
    text = c.beginText(72, 770)
    for i in range(40):
        text.textLine(f"Line {i}: an ordinary letter about the garden, the weather and the harvest.")
    c.drawText(text)
    c.showPage()
    c.save()
    c = canvas.Canvas(str(root / "three_hundred_pages.pdf"))
    for i in range(300):
        c.drawString(72, 700, f"Page {i + 1} of a long document")
        c.showPage()
    c.save()
    rng = random.Random(7)
    corrupt = bytearray(good)
    for _ in range(200):
        corrupt[rng.randrange(len(corrupt))] = rng.randrange(256)
    (root / "corrupted.pdf").write_bytes(bytes(corrupt))
    for name in ["good.pdf", "hang_me.pdf", "crash_me.pdf", "segfault_me.pdf", "oom_me.pdf", "oom_killed.pdf"]:
        (root / name).write_bytes(good)  # good files; the injected fault makes the worker misbehave
    return {"empty.pdf": "empty", "text_renamed.pdf": "not_pdf", "truncated.pdf": "damaged",
            "encrypted.pdf": "encrypted", "image_only.pdf": "no_text_layer", "prose.pdf": "not_a_profile",
            "three_hundred_pages.pdf": "too_large", "corrupted.pdf": "damaged", "good.pdf": "converted",
            "hang_me.pdf": "timeout", "crash_me.pdf": "internal_error", "segfault_me.pdf": "internal_error",
            "oom_me.pdf": "too_large", "oom_killed.pdf": "too_large"}


FAULTS = "hang:hang_me.pdf;crash:crash_me.pdf;segfault:segfault_me.pdf;oom:oom_me.pdf;sigkill:oom_killed.pdf"


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    """The bad batch through the command line, with a hang, a crash, a segfault and a memory blow-up."""
    root = tmp_path_factory.mktemp("bad")
    expected = make_bad_batch(root / "in")
    out = root / "out"
    proc = cli("run", root / "in", "--out", out, "--workers", 2, "--timeout", 4, "--max-memory", 512,
               env_extra={TEST_FAULT_ENV: FAULTS}, timeout=300)
    return expected, out, proc


def test_every_bad_file_gets_its_category(bad):
    expected, out, proc = bad
    assert outcomes(out) == expected, proc.stdout + proc.stderr


def test_failures_csv_has_a_category_and_a_readable_message(bad):
    import pandas as pd

    expected, out, _ = bad
    failures = pd.read_csv(out / "failures.csv", dtype=str, keep_default_na=False)
    assert list(failures.columns) == ["source", "category", "message"]
    assert dict(zip(failures["source"], failures["category"])) == {
        k: v for k, v in expected.items() if v != "converted"}
    assert set(failures["category"]) <= CATEGORIES
    for msg in failures["message"]:
        assert len(msg) > 20 and "Traceback" not in msg and "\n" not in msg
    by_source = dict(zip(failures["source"], failures["message"]))
    assert "4 s" in by_source["hang_me.pdf"]
    assert "300 pages" in by_source["three_hundred_pages.pdf"]
    assert "memory" in by_source["oom_me.pdf"] and "SIGKILL" in by_source["oom_killed.pdf"]
    assert "crashed" in by_source["crash_me.pdf"] and "SIGSEGV" in by_source["segfault_me.pdf"]


def test_exit_code_1_and_no_traceback_on_the_terminal(bad):
    _, out, proc = bad
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "FAILED hang_me.pdf: [timeout]" in proc.stdout
    assert "reports processed: 14   converted: 1   failed: 13" in proc.stdout
    # internal_error details (how the worker died) go to the log
    events = read_log(out)
    crash = next(e for e in events if e.get("file") == "crash_me.pdf")
    assert crash["detail"] == "worker exited with code 3"


def test_machine_dependent_failures_are_not_cached(bad):
    from pipeline.core.models import ENTRY

    _, out, _ = bad
    manifest = json.loads((out / "manifest.json").read_text())
    assert {f["source"]: f["result"] for f in manifest["files"]} == outcomes(out)
    # 14 files; crash, segfault and out-of-memory (twice) are retried on the next run; the timeout is
    # cached under its time limit (test_a_timeout_is_cached_under_its_time_limit)
    cached = {e.result.source: e for e in (ENTRY.validate_json(p.read_bytes()) for p in (out / "cache").glob("*.json"))}
    assert set(cached) == set(outcomes(out)) - {"crash_me.pdf", "segfault_me.pdf", "oom_me.pdf", "oom_killed.pdf"}
    assert cached["good.pdf"].kind == "report" and cached["empty.pdf"].result.category == "empty"
    assert cached["hang_me.pdf"].result.category == "timeout"


def test_running_out_of_memory_while_converting_is_retryable(monkeypatch, tmp_path):
    from pdfplumber.utils.exceptions import PdfminerException

    from pipeline.convert import file
    from pipeline.core.settings import DEFAULT_SETTINGS

    pdf = tmp_path / "a.pdf"
    shutil.copy(FIXTURES / GOOD, pdf)
    for exc, category, retryable in [(MemoryError(), "too_large", True),
                                     (PdfminerException(MemoryError()), "too_large", True),  # as pdfplumber wraps it
                                     (KeyError("x"), "internal_error", False)]:
        def fail(*args, exc=exc):
            raise exc
        monkeypatch.setattr(file, "process_file", fail)
        failure, detail = file.convert_file(pdf, "a.pdf", DEFAULT_SETTINGS, 10**9)
        assert (failure.source, failure.category, failure.retryable) == ("a.pdf", category, retryable)
        assert (detail is not None and "Traceback" in detail) == (category == "internal_error")


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    data = bytearray(data)
    kind = rng.choice(["flip", "cut", "truncate", "duplicate", "zero"])
    i = rng.randrange(len(data))
    if kind == "flip":
        for _ in range(rng.randint(1, 60)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == "cut":
        del data[i:i + rng.randint(1, 3000)]
    elif kind == "truncate":
        data = data[:i]
    elif kind == "duplicate":
        data[i:i] = data[i:i + rng.randint(1, 3000)]
    else:
        n = len(data[i:i + rng.randint(1, 800)])
        data[i:i + n] = bytes(n)
    return kind, bytes(data)


def test_fuzzed_pdfs_each_convert_or_fail_with_a_category(tmp_path):
    rng = random.Random(20240601)
    fixtures = sorted(FIXTURES.glob("*.pdf"))
    (tmp_path / "in").mkdir()
    for n in range(20):
        kind, data = mutate(fixtures[rng.randrange(len(fixtures))].read_bytes(), rng)
        (tmp_path / "in" / f"mutant_{n:02d}_{kind}.pdf").write_bytes(data)
    result = run_batch(tmp_path / "in", tmp_path / "out", workers=2, limits=Limits(timeout=60))
    assert len(result.reports) + len(result.failures) == 20
    assert {f.category for f in result.failures} <= CATEGORIES
    # pdfminer's errors on bad input are `damaged`; none of the 20 mutants may hit a bug of ours
    assert [f for f in result.failures if f.category == "internal_error"] == []
    assert outcomes(tmp_path / "out").keys() == {p.name for p in (tmp_path / "in").iterdir()}


SMALL = ["armenia_en_2019.docx.pdf", "belarus_en_2019.docx.pdf", "moldova_en_2020.docx.pdf"]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """Three profiles in year folders."""
    root = tmp_path_factory.mktemp("small")
    for name in SMALL:
        dest = root / name[-13:-9] / name
        dest.parent.mkdir(exist_ok=True)
        shutil.copy(FIXTURES / name, dest)
    return root


@pytest.fixture(scope="module")
def small_converted(small, tmp_path_factory):
    """`small` converted cold with two workers: (OUTDIR, the run's result). Tests copy the folder to change it."""
    out = tmp_path_factory.mktemp("small-out")
    return out, run_batch(small, out, workers=2)


def test_one_worker_and_two_workers_write_identical_outputs(small, small_converted, tmp_path):
    one = run_batch(small, tmp_path / "one", workers=1)
    two_out, two = small_converted
    assert one.run["workers"] == 1 and two.run["workers"] == 2
    assert output_files(tmp_path / "one") == output_files(two_out)
    # json/, 4 csv, log.jsonl, manifest.json, datapackage.json, README.md, fields.csv, fields.md, excel/ (2)
    assert len(output_files(tmp_path / "one")) == 3 + 12


def test_incremental_rerun_reuses_unchanged_files(small, tmp_path):
    src = tmp_path / "in"
    shutil.copytree(small, src)
    out = tmp_path / "out"
    cold = run_batch(src, out, workers=2)
    cold_files = output_files(out)
    assert (cold.run["reused"], cold.run["converted_now"]) == (0, 3)
    warm = run_batch(src, out, workers=2)
    assert (warm.run["reused"], warm.run["converted_now"]) == (3, 0)
    assert output_files(out) == cold_files  # byte for byte, log.jsonl and manifest.json included
    run_info = json.loads((out / "run.json").read_text())
    assert run_info["reused"] == 3 and "seconds" in run_info and run_info["outputs_rewritten"] is False
    # outputs deleted or edited since: the rerun notices (manifest digests) and writes them again
    (out / "values.csv").unlink()
    next((out / "json").glob("*.json")).write_text("{}")
    (out / "json" / "stray.json").write_text("{}")
    assert run_batch(src, out, workers=2).run["outputs_rewritten"] is True
    assert output_files(out) == cold_files
    # one file changes: only it is converted again
    changed = sorted(src.rglob("*.pdf"))[0]
    changed.write_bytes((FIXTURES / "ukraine_en_2019.docx.pdf").read_bytes())
    again = run_batch(src, out, workers=2)
    assert (again.run["reused"], again.run["converted_now"]) == (2, 1)
    assert output_files(out) != cold_files
    forced = run_batch(src, out, workers=2, force=True)
    assert (forced.run["reused"], forced.run["converted_now"]) == (0, 3)
    # a removed file leaves no cache entry and no JSON behind
    changed.unlink()
    run_batch(src, out, workers=2)
    assert len(list((out / "cache").glob("*.json"))) == 2 and len(list((out / "json").glob("*.json"))) == 2


def test_an_unchanged_rerun_reports_what_the_cold_run_did(small, tmp_path):
    from pipeline.run.batch import summary

    src = tmp_path / "in"
    shutil.copytree(small, src)
    (src / "notes.pdf").write_text("not a PDF at all")  # a failure that is cached like a result
    out = tmp_path / "out"
    cold = run_batch(src, out, workers=2)
    warm = run_batch(src, out, workers=2)
    assert warm.run["outputs_rewritten"] is False and warm.run["converted_now"] == 0
    assert (warm.statuses, warm.warnings) == (cold.statuses, cold.warnings) and sum(cold.statuses.values()) > 90
    assert warm.failures == cold.failures and [f.source for f in warm.failures] == ["notes.pdf"]
    assert warm.exit_code == cold.exit_code == 1
    assert summary(warm).splitlines()[:3] == summary(cold).splitlines()[:3]
    assert [r.source for r in warm.reports] == [r.source for r in cold.reports]
    # the outputs were written through cache/partial/, which a finished run removes
    assert not (out / "cache" / "partial").exists()


def test_a_cache_entry_that_is_not_valid_is_converted_again(small, small_converted, tmp_path):
    cold_out, cold = small_converted
    out = tmp_path / "out"
    shutil.copytree(cold_out, out)
    cold_files = output_files(out)
    entries = sorted((out / "cache").glob("*.json"))
    assert len(entries) == 3
    entries[0].write_text('{"kind": "report", "result": {"source": 1}}')  # not a Report
    entries[1].write_bytes(entries[1].read_bytes()[:100])  # cut short
    again = run_batch(small, out, workers=2)
    assert (again.run["reused"], again.run["converted_now"]) == (1, 2)
    assert output_files(out) == cold_files
    assert [r.source for r in again.reports] == [r.source for r in cold.reports]


def test_a_result_that_cannot_be_read_back_fails_its_file_alone():
    from pipeline.run import runner

    task = runner.Task(0, Path("x.pdf"), "x.pdf")
    entry = runner._received(task, '{"kind": "report", "result": {"source": "x.pdf", "pages": "many"}}')
    assert (entry.kind, entry.result.source, entry.result.category) == ("failure", "x.pdf", "internal_error")
    assert "pages" in entry.detail
    assert runner._received(task, '{"kind": "report", "result": {"source": "x.pdf"}}').result.source == "x.pdf"


def test_the_code_hash_covers_what_the_converting_code_imports():
    """conversion_files reads the imports with a regular expression: it must find what the parser finds."""
    import ast

    from pipeline.run import cache

    found = set(cache.conversion_files())
    names = {p.relative_to(cache.PACKAGE).as_posix() for p in found}
    # an edit to the converting code or to what every process shares converts the files again...
    for folder in ("convert", "core"):
        assert {p.relative_to(cache.PACKAGE).as_posix() for p in (cache.PACKAGE / folder).rglob("*.py")} <= names
    # ...and an edit to the parent's code, the writer or a tool does not
    assert {n.split("/")[0] for n in names} == {"convert", "core"}
    for path in found:  # closed under the imports the parser sees
        for node in ast.walk(ast.parse(path.read_bytes())):
            if not isinstance(node, ast.ImportFrom) or not (node.level or node.module.startswith("pipeline")):
                continue
            base = path.parents[node.level - 1] if node.level else cache.PACKAGE.parent
            target = base.joinpath(*(node.module or "").split("."))
            for candidate in (target.with_suffix(".py"), target / "__init__.py"):
                assert not candidate.is_file() or candidate in found, (path, node.module)


def test_settings_change_invalidates_the_cache(small, small_converted, tmp_path):
    from pipeline.core.settings import ExtractSettings

    out = tmp_path / "out"
    shutil.copytree(small_converted[0], out)  # converted with the default settings
    other = run_batch(small, out, ExtractSettings(max_pages=59), workers=2)
    assert other.run["converted_now"] == 3
    assert json.loads((out / "manifest.json").read_text())["settings"]["max_pages"] == 59


@pytest.mark.slow  # three batches and a kill -9 mid-batch
def test_a_killed_run_leaves_the_previous_outputs_and_the_rerun_completes_them(small, tmp_path):
    import signal
    import time

    src = tmp_path / "in"
    shutil.copytree(small, src)
    out = tmp_path / "out"
    assert cli("run", src, "--out", out, "--workers", 2).returncode == 0
    before = output_files(out)
    # the batch changes: three more files, and a run over it is killed after two of them
    for name in ["kazakhstan_en_2019.docx.pdf", "russia_en_2019.docx.pdf", "ukraine_en_2019.docx.pdf"]:
        shutil.copy(FIXTURES / name, src / name)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(src), "--out", str(out),
                             "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, TEST_FAULT_ENV: "slow=1:*"}, start_new_session=True)
    deadline = time.monotonic() + 120
    while (cached := len(list((out / "cache").glob("*.json")))) < 3 + 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, mid-batch
    proc.wait()
    assert cached >= 3 + 2, f"after 120 s the run had cached {cached - 3} of its new files, not 2: it was not killed mid-batch"
    assert output_files(out) == before  # nothing half-written, nothing of the killed run in the outputs
    rerun = cli("run", src, "--out", out, "--workers", 2)
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads((out / "run.json").read_text())["reused"] >= 5
    assert cli("run", src, "--out", tmp_path / "clean", "--workers", 2).returncode == 0
    assert output_files(out) == output_files(tmp_path / "clean")
    assert not list(out.rglob(".*.tmp"))


def test_usage_errors_exit_2(tmp_path):
    for bad_args in (["--workers", "0"], ["--timeout", "-1"], ["--max-memory", "lots"]):
        proc = cli("run", FIXTURES, "--out", tmp_path, *bad_args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, bad_args


def test_workers_are_replaced_after_their_quota_of_files(tmp_path, monkeypatch):
    from pipeline.run import runner

    started = []
    real_start = runner._start
    monkeypatch.setattr(runner, "_start", lambda slot, *a: (real_start(slot, *a), started.append(slot.proc.pid)))
    tasks = []
    for i in range(5):
        (tmp_path / f"{i}.pdf").write_bytes(b"")
        tasks.append(runner.Task(i, tmp_path / f"{i}.pdf", f"{i}.pdf"))
    got = dict((t.index, e.result.category) for t, e in
               runner.run_tasks(tasks, workers=1, limits=Limits(tasks_per_worker=2), faults=[]))
    assert got == {i: "empty" for i in range(5)}
    assert len(started) == 3 and len(set(started)) == 3  # 2 + 2 + 1 files
