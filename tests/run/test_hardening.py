"""Hardening, round 2 (issue 14): each case an adversarial round broke, reproduced.

Names that are not UTF-8, workers orphaned by a killed run, a broken cache or manifest, two runs on one
OUTDIR, huge sparse files, special files and symbolic links, an INPUT without PDFs, file modes, full and
read-only disks, review's resource limits, low memory limits, cached timeouts and option checks. (A
carriage return in a CSV cell: tests/outdir/test_hostile.py.) Full and read-only disks are simulated by fault
injection here; with real file systems (a small tmpfs, a read-only bind mount) in the `slow` tests.
"""
import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.run import batch, plan
from pipeline.run.batch import run_batch
from pipeline.cli import main
from pipeline.run.isolate import ALARM_GRACE, MIN_MEMORY_MB
from pipeline.run.lock import Busy, outdir_lock
from pipeline.run.runner import TEST_FAULT_ENV, Limits

from tests.support import FIXTURES, ROOT
from tests.support.outputs import cli, outcomes, output_files

GOOD = FIXTURES / "kazakhstan_en_2019.docx.pdf"


def said(stderr: str) -> list[str]:
    """What a command said on stderr, without its progress lines ("[n/N] source: outcome")."""
    return [line for line in stderr.strip().splitlines() if line and not line.startswith("[")]


def batch_of(root: Path, *names: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(GOOD, root / name)
    return root


# ---- 2. a file name that is not UTF-8 ---------------------------------------------------------------

def test_a_name_that_is_not_utf8_is_converted_under_an_escaped_name(tmp_path):
    from pipeline.tools.review.site import find_pdf

    src = batch_of(tmp_path / os.fsdecode(b"in\xff"), "good.pdf")  # the INPUT folder's name too
    odd = os.fsencode(src) + b"/arm\xff\xfe.pdf"
    with open(odd, "wb") as f:
        f.write(GOOD.read_bytes())
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "--workers", "1"]) == 0
    assert outcomes(out) == {"arm\\xff\\xfe.pdf": "converted", "good.pdf": "converted"}
    values = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False)
    assert set(values["source"]) == {"arm\\xff\\xfe.pdf", "good.pdf"}
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["files"][0]["source"] == "arm\\xff\\xfe.pdf" and manifest["input_path"].endswith("/in\\xff")
    # the review finds the PDFs from the escaped names; a rerun reuses both
    assert find_pdf(src, "arm\\xff\\xfe.pdf") == Path(os.fsdecode(odd)).resolve()
    assert main(["review", str(out)]) == 0 and len(list((out / "review" / "img").glob("*.png"))) == 4  # 2 pages each
    assert run_batch(src, out, workers=1).run["reused"] == 2


# ---- 3. workers die with their run, and stop a file on their own ------------------------------------

def _parent_of(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _descendants(pid: int) -> dict[int, int]:
    """{pid: depth} of every process under pid."""
    pids = [int(d) for d in os.listdir("/proc") if d.isdigit()]
    parents = {p: _parent_of(p) for p in pids}
    out, todo = {}, [(pid, 0)]
    while todo:
        p, depth = todo.pop()
        for child, parent in parents.items():
            if parent == p and child not in out:
                out[child] = depth + 1
                todo.append((child, depth + 1))
    return out


def length_cycle_pdf(path: Path) -> None:
    """A page whose content stream's /Length refers to itself: pdfminer spins on it, without end."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length 5 0 R >>\nstream\nBT /F1 12 Tf 72 720 Td (Hello) Tj ET\nendstream", b"5 0 R"]
    data, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    path.write_bytes(data + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
@pytest.mark.parametrize("sig", [signal.SIGKILL, pytest.param(signal.SIGTERM, marks=pytest.mark.slow)])
def test_workers_die_within_seconds_of_their_run(tmp_path, sig):
    (tmp_path / "in").mkdir()
    length_cycle_pdf(tmp_path / "in" / "cycle.pdf")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(tmp_path / "in"), "--out",
                             str(tmp_path / "out"), "--timeout", "600"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    tree: dict[int, int] = {}
    try:
        deadline = time.monotonic() + 60
        while max(tree.values(), default=0) < 2 and time.monotonic() < deadline:  # a worker under the forkserver
            time.sleep(0.1)
            tree = _descendants(proc.pid)
        assert max(tree.values(), default=0) >= 2, tree
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in tree) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [p for p in tree if _alive(p)] == []  # worker, forkserver and resource tracker
        if sig == signal.SIGTERM:  # unwound like Ctrl-C: no traceback, no temporary left
            assert proc.returncode == 143 and "terminated" in err and "Traceback" not in err, err
            assert not (tmp_path / "out" / "cache" / "partial").exists()
    finally:
        proc.kill()
        for p in tree:
            if _alive(p):
                os.kill(p, signal.SIGKILL)


def test_a_pdf_whose_stream_length_is_a_reference_cycle_times_out(tmp_path):
    (tmp_path / "in").mkdir()
    length_cycle_pdf(tmp_path / "in" / "cycle.pdf")
    result = run_batch(tmp_path / "in", tmp_path / "out", workers=1, limits=Limits(timeout=1))
    assert [(f.source, f.category) for f in result.failures] == [("cycle.pdf", "timeout")]


@pytest.mark.slow  # waits out a real time limit
def test_a_worker_stops_its_own_file_when_nobody_else_does(tmp_path):
    """The parent's deadline is the rule; the worker's alarm, a little later, holds without the parent."""
    from pipeline.run import runner
    from pipeline.core.settings import DEFAULT_SETTINGS

    ctx = runner.worker_context()
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=runner._worker, args=(child, DEFAULT_SETTINGS.model_dump_json(), 0,
                                                    [("hang", "", "*")], 1.0), daemon=True)
    proc.start()
    child.close()
    t0 = time.monotonic()
    parent.send((0, str(GOOD), "a.pdf"))  # and then nobody waits for it
    proc.join(30)
    assert proc.exitcode == -signal.SIGALRM and time.monotonic() - t0 < 1 + ALARM_GRACE + 5
    assert runner._died(runner.Task(0, GOOD, "a.pdf"), -signal.SIGALRM, Limits(timeout=1)).outcome == "timeout"


# ---- 4. a broken cache entry or manifest ------------------------------------------------------------

@pytest.fixture(scope="module")
def two_converted(tmp_path_factory) -> tuple[Path, Path]:
    """Two files converted (INPUT, OUTDIR), for the tests that break an OUTDIR's copy and run again."""
    root = tmp_path_factory.mktemp("two")
    src, out = batch_of(root / "in", "a.pdf", "b.pdf"), root / "out"
    assert run_batch(src, out, workers=2).exit_code == 0
    return src, out


@pytest.mark.parametrize("entry,manifest", [
    (b'{"kind":"report","result":{}}', None),  # valid JSON, not an entry
    (b'{"kind":"rep', None), (None, b"[1, 2]"), (None, b"\xff\xfe not text"), (None, b""),
    (None, b'{"outputs": 5}'),  # an object, merely out of date: written again without a word
])
def test_a_broken_manifest_or_cache_entry_is_ignored_with_a_warning(two_converted, tmp_path, entry, manifest):
    src, cold = two_converted
    out = tmp_path / "out"
    shutil.copytree(cold, out)
    before = output_files(out)
    broken = sorted((out / "cache").glob("*.json"))[0]
    if entry is not None:
        broken.write_bytes(entry)
    if manifest is not None:
        (out / "manifest.json").write_bytes(manifest)
    again = run_batch(src, out, workers=2)
    assert (any(f"{broken}: not a valid cache entry" in n for n in again.notices)) == (entry is not None)
    assert any("manifest.json" in n for n in again.notices) == (manifest not in (None, b'{"outputs": 5}'))
    assert (again.run["converted_now"], again.run["outputs_rewritten"]) == (int(entry is not None), True)
    assert output_files(out) == before


def test_the_warnings_reach_the_terminal(tmp_path, capsys):
    src = batch_of(tmp_path / "in", "a.pdf")
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out)]) == 0
    (out / "manifest.json").write_text("[1, 2]")
    assert main(["run", str(src), "--out", str(out)]) == 0
    assert f"warning: {out / 'manifest.json'} is not a JSON object: ignored" in capsys.readouterr().err


# ---- 5. one run at a time per OUTDIR ----------------------------------------------------------------

def test_a_second_run_on_a_locked_outdir_is_refused(tmp_path, capsys):
    src = batch_of(tmp_path / "in", "a.pdf")
    with outdir_lock(tmp_path / "out"):
        with pytest.raises(Busy, match=f"process {os.getpid()}"):
            run_batch(src, tmp_path / "out", workers=1)
        assert main(["run", str(src), "--out", str(tmp_path / "out")]) == 2
        assert f"in use by another run (process {os.getpid()})" in capsys.readouterr().err
    assert not (tmp_path / "out" / "values.csv").exists()
    assert run_batch(src, tmp_path / "out", workers=1).exit_code == 0  # released


@pytest.mark.slow
def test_a_second_run_exits_2_naming_the_holder_or_waits(tmp_path):
    src = batch_of(tmp_path / "in", "a.pdf")
    out = tmp_path / "out"
    # the holder keeps the lock until told to let go, so that a slow start on a busy machine
    # cannot outlast it
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys\nfrom pathlib import Path\nfrom pipeline.run.lock import outdir_lock\n"
        "with outdir_lock(Path(sys.argv[1])):\n    print('locked', flush=True)\n    sys.stdin.readline()"), str(out)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    waiter = None
    try:
        assert holder.stdout.readline().strip() == "locked"
        refused = cli("run", src, "--out", out, cwd=ROOT)
        assert refused.returncode == 2 and f"in use by another run (process {holder.pid})" in refused.stderr
        assert not (out / "values.csv").exists() and "Traceback" not in refused.stderr
        env = {k: v for k, v in os.environ.items() if k != TEST_FAULT_ENV}
        waiter = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(src), "--out", str(out), "--wait"],
                                  cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = waiter.stderr.readline()
        assert f"waiting for process {holder.pid}" in first
        assert not (out / "values.csv").exists()  # still waiting while the holder holds
        holder.stdin.write("go\n")
        holder.stdin.flush()
        _, rest = waiter.communicate(timeout=300)
        assert waiter.returncode == 0 and (out / "values.csv").exists() and "Traceback" not in rest
    finally:
        holder.kill()
        if waiter is not None:
            waiter.kill()


# ---- 6. a huge sparse file --------------------------------------------------------------------------

def test_a_huge_sparse_file_fails_too_large_without_being_read(tmp_path, monkeypatch):
    src = batch_of(tmp_path / "in", "good.pdf")
    with open(src / "big.pdf", "wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(100 * 2**30)  # 100 GB, no block of it written
    hashed = []
    real = plan.file_sha256
    monkeypatch.setattr(plan, "file_sha256", lambda p: hashed.append(Path(p).name) or real(p))
    t0 = time.monotonic()
    result = run_batch(src, tmp_path / "out", workers=1)
    assert time.monotonic() - t0 < 60 and hashed == ["good.pdf"]
    assert [(f.source, f.category) for f in result.failures] == [("big.pdf", "too_large")]
    assert "107,374,182,400 bytes" in result.failures[0].message
    again = run_batch(src, tmp_path / "out", workers=1)
    assert again.run["converted_now"] == 0 and hashed == ["good.pdf", "good.pdf"]


# ---- 7. special files and symbolic links -------------------------------------------------------------

def test_special_entries_are_reported_and_nothing_outside_input_is_read(tmp_path, capsys):
    src = batch_of(tmp_path / "in", "good.pdf")
    outside = batch_of(tmp_path / "elsewhere", "secret.pdf")
    os.symlink("missing.pdf", src / "dangling.pdf")
    os.symlink("loop.pdf", src / "loop.pdf")
    os.mkfifo(src / "fifo.pdf")
    os.symlink(outside / "secret.pdf", src / "outside.pdf")
    os.symlink("../elsewhere/secret.pdf", src / "relative_outside.pdf")
    os.symlink(outside, src / "folder.pdf")  # a link to a folder outside
    os.symlink("good.pdf", src / "alias.pdf")  # inside INPUT: read
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out)]) == 1
    printed = capsys.readouterr().out
    failures = pd.read_csv(out / "failures.csv", dtype=str, keep_default_na=False)
    assert dict(zip(failures["source"], failures["category"])) == {
        "dangling.pdf": "not_a_file", "fifo.pdf": "not_a_file", "folder.pdf": "outside_input",
        "loop.pdf": "not_a_file", "outside.pdf": "outside_input", "relative_outside.pdf": "outside_input"}
    messages = dict(zip(failures["source"], failures["message"]))
    assert "FIFO" in messages["fifo.pdf"] and "does not exist" in messages["dangling.pdf"]
    assert "outside INPUT" in messages["outside.pdf"]
    assert outcomes(out)["alias.pdf"] == outcomes(out)["good.pdf"] == "converted"
    assert "FAILED fifo.pdf: [not_a_file]" in printed


# ---- 8. an INPUT without PDF files -------------------------------------------------------------------

@pytest.mark.parametrize("files", [[], ["notes.txt", "sub/readme.md"]])
def test_an_input_without_pdf_files_is_a_usage_error(tmp_path, capsys, files):
    src = tmp_path / "in"
    for name in files:
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text("x")
    src.mkdir(exist_ok=True)
    assert main(["run", str(src), "--out", str(tmp_path / "out")]) == 2
    assert f"no PDF files found under {src}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# ---- 9. file modes -----------------------------------------------------------------------------------

def _modes(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): oct(p.stat().st_mode & 0o777) for p in out.rglob("*") if p.is_file()}


def test_outputs_have_the_mode_the_umask_gives(tmp_path):
    src = batch_of(tmp_path / "in", "a.pdf")
    out = tmp_path / "out"
    old = os.umask(0o027)
    try:
        run_batch(src, out, workers=1)
        assert main(["diff", str(out), str(out), "--csv", str(out / "diff.csv")]) == 0
    finally:
        os.umask(old)
    modes = _modes(out)
    assert {"values.csv", "profiles.csv", "log.jsonl", "manifest.json", "run.json", "diff.csv", ".lock"} <= set(modes)
    assert any(name.startswith("json/") for name in modes) and any(name.startswith("cache/") for name in modes)
    assert modes == dict.fromkeys(modes, "0o640")


@pytest.mark.slow
def test_every_output_of_the_commands_has_the_mode_the_umask_gives(tmp_path):
    """As a user runs them, review's page images (drawn in a worker) included."""
    src = batch_of(tmp_path / "in", "a.pdf")
    out = tmp_path / "out"
    script = ("import os, sys\nfrom pipeline.cli import main\nos.umask(0o027)\nout = sys.argv[2]\n"
              "codes = [main(['run', sys.argv[1], '--out', out]), main(['diff', out, out]), main(['review', out])]\n"
              "sys.exit(max(codes))")
    proc = subprocess.run([sys.executable, "-c", script, str(src), str(out)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    modes = _modes(out)
    assert {"review/index.html", "review/assets/review.css"} <= set(modes)
    assert any(name.startswith("review/img/") for name in modes)
    assert modes == dict.fromkeys(modes, "0o640")


# ---- 10. full disk, read-only file system, --out naming a file --------------------------------------

class _FullDisk:
    """A file object that takes `_FullDisk.left` more characters, counted over every file, then fails as a
    full disk does."""

    left = 0

    def __init__(self, f):
        self._f = f

    def write(self, data):
        if len(data) > _FullDisk.left:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        _FullDisk.left -= len(data)
        return self._f.write(data)

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()


@pytest.fixture(scope="module")
def three_converted(tmp_path_factory) -> tuple[Path, Path, int]:
    """Three files converted (INPUT, OUTDIR), and how much a --force run over a copy of them writes (cache,
    outputs, manifest): the same for every copy, which holds the same files."""
    root = tmp_path_factory.mktemp("three")
    src, out = batch_of(root / "in", "a.pdf", "b.pdf", "c.pdf"), root / "out"
    assert main(["run", str(src), "--out", str(out)]) == 0
    shutil.copytree(out, root / "measured")
    with pytest.MonkeyPatch.context() as monkeypatch:
        real_fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FullDisk(real_fdopen(*a, **k)))
        _FullDisk.left = 10**9
        assert main(["run", str(src), "--out", str(root / "measured"), "--force"]) == 0
    return src, out, 10**9 - _FullDisk.left


# the share of what a --force run writes (cache, outputs, manifest) before the disk is full
@pytest.mark.parametrize("share", [0, pytest.param(0.3, marks=pytest.mark.slow), pytest.param(0.8, marks=pytest.mark.slow), 0.99])
def test_a_full_disk_is_one_line_exit_3_and_leaves_nothing_behind(three_converted, tmp_path, monkeypatch, capsys,
                                                                  share):
    src, cold, written = three_converted
    out = tmp_path / "out"
    shutil.copytree(cold, out)
    before = output_files(out)
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FullDisk(real_fdopen(*a, **k)))
    capsys.readouterr()
    _FullDisk.left = int(share * written)
    assert main(["run", str(src), "--out", str(out), "--force"]) == 3
    (err,) = said(capsys.readouterr().err)
    assert err.startswith(f"pipeline run: cannot write {out}") and "No space left on device (errno 28)" in err
    assert output_files(out) == before  # the previous outputs, intact
    assert not list(out.rglob("*.tmp")) and not (out / "cache" / "partial").exists()


def _read_only(monkeypatch, root: Path) -> None:
    """Every change under root fails as on a read-only file system (as root, chmod does not stop us)."""
    root = str(root)

    def guard(real, writes=lambda *a: True):
        def call(path, *args, **kw):
            if os.fsdecode(path).startswith(root) and writes(*args):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))
            return real(path, *args, **kw)
        return call

    monkeypatch.setattr(os, "open", guard(os.open, lambda flags, *a: flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)))
    for name in ("mkdir", "unlink", "rmdir"):
        monkeypatch.setattr(os, name, guard(getattr(os, name)))
    for name in ("replace", "rename"):
        monkeypatch.setattr(os, name, guard(getattr(os, name)))


def test_a_read_only_outdir(tmp_path, monkeypatch, capsys):
    src = batch_of(tmp_path / "in", "a.pdf")
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out)]) == 0
    before = output_files(out)
    capsys.readouterr()
    with monkeypatch.context() as m:
        _read_only(m, out)
        # nothing changed: the outputs stand, and run.json that cannot be written is a warning
        assert main(["run", str(src), "--out", str(out)]) == 0
        err = capsys.readouterr().err
        assert f"warning: cannot write {out / 'run.json'}: Read-only file system" in err
        # a new file: the outputs cannot be written
        shutil.copy(GOOD, src / "b.pdf")
        assert main(["run", str(src), "--out", str(out)]) == 3
        (err,) = said(capsys.readouterr().err)
        assert err.startswith(f"pipeline run: cannot write {out}") and "Read-only file system (errno 30)" in err
        assert main(["review", str(out)]) == 3
        assert "pipeline review: cannot write" in capsys.readouterr().err
        assert main(["diff", str(out), str(out), "--csv", str(out / "diff.csv")]) == 3
        assert f"pipeline diff: cannot write {out / 'diff.csv'}: Read-only file system" in capsys.readouterr().err
    assert output_files(out) == before


def test_out_or_csv_naming_a_file_is_a_usage_error(tmp_path, capsys):
    src = batch_of(tmp_path / "in", "a.pdf")
    afile = tmp_path / "afile"
    afile.write_text("x")
    assert main(["run", str(src), "--out", str(afile)]) == 2
    assert f"--out {afile} is a file, not a folder" in capsys.readouterr().err
    assert main(["run", str(src), "--out", str(afile / "sub")]) == 2
    assert f"--out {afile / 'sub'}: {afile} is a file, not a folder" in capsys.readouterr().err
    out = tmp_path / "out"
    run_batch(src, out, workers=1)
    assert main(["diff", str(out), str(out), "--csv", str(afile / "x.csv")]) == 2
    assert f"{afile} is a file, not a folder" in capsys.readouterr().err
    assert main(["diff", str(out), str(out), "--csv", str(tmp_path)]) == 2
    assert main(["evaluate", str(out), str(FIXTURES), "--csv", str(tmp_path)]) == 2


# ---- 11. review: huge pages, memory and time ---------------------------------------------------------

def _huge_page_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(14400, 14400))
    c.setFont("Helvetica", 400)
    c.drawString(1000, 13000, "Kazakhstan")
    c.showPage()
    c.save()


def test_huge_pages_are_drawn_under_the_pixel_cap(tmp_path, capsys):
    from PIL import Image

    from pipeline.core.models import FieldValue, Report
    from pipeline.tools.review.pages import MAX_PIXELS, page_resolution
    from pipeline.outdir.names import json_name
    from pipeline.outdir.write import report_document, write_json

    src = tmp_path / "in"
    src.mkdir()
    _huge_page_pdf(src / "huge.pdf")
    out = tmp_path / "out"
    report = Report(source="huge.pdf", country="Kazakhstan", pages=1, values=[
        FieldValue(field="country", label="Country", text="Kazakhstan", value="Kazakhstan", status="ok", page=1,
                   bbox=(1000, 1000, 3000, 1400))])
    write_json(out / "json" / json_name(report.source), report_document(report))
    t0 = time.monotonic()
    assert main(["review", str(out), "--input", str(src)]) == 0
    assert time.monotonic() - t0 < 60
    err = capsys.readouterr().err
    assert "note: huge.pdf: page 1 (14400 x 14400 pt) drawn at 20 dpi instead of 110" in err
    (image,) = (out / "review" / "img").glob("*.png")
    with Image.open(image) as im:
        assert im.width * im.height <= MAX_PIXELS and im.width == 4000
    assert page_resolution(595, 842, 110) == 110  # an ordinary page: as asked
    assert page_resolution(100000, 10, 110) * 100000 / 72 <= 16000  # a long strip: its side is capped


def test_review_renders_in_a_worker_under_limits():
    from pipeline.run.isolate import call

    assert call(sum, ([1, 2],), 30, MIN_MEMORY_MB).value == 3
    slow = call(time.sleep, (60,), 1, MIN_MEMORY_MB)
    assert not slow.ok and "longer than the limit of 1 s" in slow.error
    hog = call(bytearray, (10**12,), 30, MIN_MEMORY_MB)
    assert not hog.ok and "ran out of memory" in hog.error
    died = call(os._exit, (3,), 30, MIN_MEMORY_MB)
    assert died.error == "the process exited with code 3"


# ---- 12. low memory limits --------------------------------------------------------------------------

def test_a_memory_limit_too_small_for_a_worker_is_refused(tmp_path, capsys):
    src = batch_of(tmp_path / "in", "a.pdf")
    for command in (["run", str(src), "--out", str(tmp_path / "out")], ["review", str(tmp_path)]):
        with pytest.raises(SystemExit) as exit_:
            main([*command, "--max-memory", "50"])
        assert exit_.value.code == 2 and f"must be at least {MIN_MEMORY_MB}" in capsys.readouterr().err


@pytest.mark.slow
def test_the_minimum_memory_limit_is_what_a_worker_needs_with_room_to_spare(tmp_path):
    """Measured where the pipeline runs (a worker forked under pytest carries pytest too)."""
    measure = ("from pipeline.run.isolate import address_space_mb, call\nfrom pipeline.run.early import worker_context\n"
               "print(call(address_space_mb, (), 60, 0, worker_context()).value)")
    proc = subprocess.run([sys.executable, "-c", measure], cwd=ROOT, capture_output=True, text=True, timeout=120)
    started_with = int(proc.stdout)  # MB of address space of a worker before any file
    assert 0 < started_with * 2 <= MIN_MEMORY_MB, started_with
    run = cli("run", FIXTURES, "--out", tmp_path, "--max-memory", MIN_MEMORY_MB, "--workers", 2, timeout=300)
    assert run.returncode == 0, run.stdout  # every fixture converts at the minimum


def test_memory_exhaustion_is_too_large_and_silent(tmp_path):
    src = batch_of(tmp_path / "in", "oom_me.pdf", "good.pdf")
    proc = cli("run", src, "--out", tmp_path / "out", "--max-memory", MIN_MEMORY_MB,
               env_extra={TEST_FAULT_ENV: "oom:oom_me.pdf"}, timeout=120)
    assert proc.returncode == 1 and outcomes(tmp_path / "out") == {"oom_me.pdf": "too_large", "good.pdf": "converted"}
    for noise in ("Traceback", "MemoryError", "Fatal Python error", "panicked"):
        assert noise not in proc.stderr, proc.stderr


def test_a_memory_error_a_library_turned_into_its_own_error_is_still_too_large():
    from pdfminer.pdfparser import PDFSyntaxError

    from pipeline.convert.failures import classify

    try:
        try:
            raise MemoryError()
        except MemoryError:
            raise PDFSyntaxError("unexpected EOF")
    except PDFSyntaxError as exc:
        assert classify("a.pdf", exc).category == "too_large"
    assert classify("a.pdf", PDFSyntaxError("unexpected EOF")).category == "damaged"


# ---- 13. a timeout is cached under its time limit -----------------------------------------------------

@pytest.mark.slow  # waits out real time limits (4 s, then 6.5 s: long enough for good.pdf on a busy machine)
def test_a_timeout_is_cached_under_its_time_limit(tmp_path, monkeypatch):
    src = batch_of(tmp_path / "in", "hang_me.pdf", "good.pdf")
    out = tmp_path / "out"
    monkeypatch.setenv(TEST_FAULT_ENV, "hang:hang_me.pdf")
    first = run_batch(src, out, workers=2, limits=Limits(timeout=4))
    assert [(f.source, f.category) for f in first.failures] == [("hang_me.pdf", "timeout")]
    t0 = time.monotonic()
    same = run_batch(src, out, workers=2, limits=Limits(timeout=4))
    assert (same.run["converted_now"], same.run["outputs_rewritten"]) == (0, False) and time.monotonic() - t0 < 1
    assert [f.category for f in same.failures] == ["timeout"]
    larger = run_batch(src, out, workers=2, limits=Limits(timeout=6.5))
    assert larger.run["converted_now"] == 1 and "6.5 s" in larger.failures[0].message
    assert run_batch(src, out, workers=2, limits=Limits(timeout=6.5)).run["converted_now"] == 0
    monkeypatch.delenv(TEST_FAULT_ENV)
    assert run_batch(src, out, workers=2, limits=Limits(timeout=30), force=True).exit_code == 0


# ---- 14. options and folders, checked up front --------------------------------------------------------

@pytest.mark.parametrize("args,message", [
    (["review", "OUT", "--resolution", "-5"], "must be at least 10"),
    (["review", "OUT", "--resolution", "0"], "must be at least 10"),
    (["review", "OUT", "--timeout", "0"], "must be above 0"),
    (["evaluate", "OUT", "TRUTH", "--min", "150"], "must be at most 100"),
    (["diff", "OUT", "OUT", "--threshold", "-1"], "must be at least 0"),
    (["diff", "OUT", "OUT", "--threshold", "nan"], "not a finite number"),
    (["diff", "OUT", "OUT", "--limit", "-1"], "must be at least 0"),
    (["run", "IN", "--timeout", "inf"], "not a finite number"),
])
def test_option_values_are_checked(tmp_path, capsys, args, message):
    args = [a.replace("OUT", str(tmp_path)).replace("TRUTH", str(FIXTURES)).replace("IN", str(FIXTURES))
            for a in args]
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_evaluate_names_a_missing_truth_folder_and_says_why_it_fails(tmp_path, capsys):
    out = tmp_path / "out"
    run_batch(GOOD, out, workers=1)
    assert main(["evaluate", str(out), str(tmp_path / "nonexistent")]) == 2
    assert f"truth folder {tmp_path / 'nonexistent'} does not exist" in capsys.readouterr().err
    assert main(["evaluate", str(out), str(FIXTURES)]) == 1  # 1 report of 9
    assert "FAILED: field accuracy" in capsys.readouterr().out
    (tmp_path / "empty").mkdir()  # nothing to score: a usage error, said on stderr
    assert main(["evaluate", str(out), str(tmp_path / "empty")]) == 2
    assert f"pipeline evaluate: no *.truth.json files under {tmp_path / 'empty'}" in capsys.readouterr().err
    assert main(["review", str(out), "--input", str(tmp_path / "gone")]) == 2
    assert "--input" in capsys.readouterr().err


# ---- 15. small ones -----------------------------------------------------------------------------------

@pytest.mark.parametrize("force", [False, True])
def test_the_interrupted_message_says_how_to_complete_the_batch(tmp_path, capsys, monkeypatch, force):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "run_batch", interrupted)
    assert main(["run", str(GOOD), "--out", str(tmp_path), *(["--force"] if force else [])]) == 130
    err = capsys.readouterr().err
    assert ("running it again without --force completes the batch" in err) == force
    assert ("running the same command again completes the batch" in err) == (not force)


def test_review_with_a_line_separator_in_the_input_path(tmp_path):
    src = batch_of(tmp_path / "in\u2028put\u0085x", "a.pdf")
    out = tmp_path / "out"
    assert run_batch(src, out, workers=1).exit_code == 0
    assert main(["review", str(out)]) == 0  # the input path read back from log.jsonl whole
    assert list((out / "review" / "img").glob("*.png"))


def test_a_table_whose_lines_share_no_start_has_a_split_or_none():
    """Words set as a staircase, no two lines starting at one x (was: ValueError, min() of an empty
    sequence): the split, if any, is a clear strip between them; one word alone has none."""
    from pipeline.convert.extract.columns import Finder, find_split
    from pipeline.core.models import Word
    from pipeline.core.settings import DEFAULT_SETTINGS

    words = [Word(text=f"w{i}", page=1, x0=50.0 + 37 * i, top=100.0 + 12 * i, x1=70.0 + 37 * i,
                  bottom=110.0 + 12 * i, size=10) for i in range(6)]
    finder = Finder(DEFAULT_SETTINGS.resolve(10.0))
    split = find_split(words, finder)
    assert split is None or not any(w.x0 < split.x < w.x1 for w in words)
    assert find_split(words[:1], finder) is None


# ---- real file systems: a full tmpfs, a read-only bind mount (root only) -------------------------------

def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", "size=400k", "tmpfs", str(disk)):
        pytest.skip("mounting a tmpfs needs root")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


@pytest.mark.slow
def test_a_real_full_disk(tmp_path, small_disk):
    src = batch_of(tmp_path / "in", *[f"{i}.pdf" for i in range(8)])
    out = small_disk / "out"
    proc = cli("run", src, "--out", out, timeout=300)
    assert proc.returncode == 3 and "No space left on device" in proc.stderr, proc.stdout + proc.stderr
    assert len(said(proc.stderr)) == 1 and "Traceback" not in proc.stderr
    assert not list(out.rglob("*.tmp")) and not (out / "cache" / "partial").exists()
    assert not (out / "values.csv").exists()


@pytest.mark.slow
def test_a_real_read_only_file_system(tmp_path):
    src = batch_of(tmp_path / "in", "a.pdf")
    out = tmp_path / "out"
    assert cli("run", src, "--out", out).returncode == 0
    before = output_files(out)
    if os.geteuid() != 0 or not _mount("--bind", str(out), str(out)):
        pytest.skip("a bind mount needs root")
    try:
        assert _mount("-o", "remount,ro,bind", str(out))
        unchanged = cli("run", src, "--out", out)
        assert unchanged.returncode == 0 and "warning: cannot write" in unchanged.stderr
        shutil.copy(GOOD, src / "b.pdf")
        changed = cli("run", src, "--out", out)
        assert changed.returncode == 3 and "Read-only file system" in changed.stderr
        assert len(said(changed.stderr)) == 1
    finally:
        subprocess.run(["umount", "-l", str(out)], check=False)
    assert output_files(out) == before
