"""Commands that read an output folder back, on a damaged one (issue 22, items 7, 9, 10): `diff`, `evaluate`
and `codebook suggest` each say in one line which file is damaged and how, exit 2, and print no traceback."""
import csv
import io
import shutil

import pytest

from pipeline.run.batch import run_batch

from tests.support import FIXTURES
from tests.support.outputs import cli

NAMES = ["kazakhstan_en_2019.docx.pdf", "armenia_en_2019.docx.pdf"]


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    root = tmp_path_factory.mktemp("good")
    src = root / "in"
    src.mkdir()
    for name in NAMES:
        shutil.copy(FIXTURES / name, src / name)
    run_batch(src, root / "out", workers=1)
    return root / "out"


def without_column(data: bytes, column: str) -> bytes:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    i = rows[0].index(column)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(r[:i] + r[i + 1:] for r in rows)
    return buf.getvalue().encode("utf-8")


DAMAGES = {  # name -> (how values.csv is damaged, what the message says after "values.csv")
    "no status column": (lambda d: without_column(d, "status"), ": no 'status' column (its columns: source, "),
    "no value column": (lambda d: without_column(d, "value"), ": no 'value' column"),
    "cut short": (lambda d: d[: len(d) // 3], ", line "),
    "cut at a cell": (lambda d: d[: d.index(b"\n", len(d) // 2)].rsplit(b",", 3)[0] + b"\n", ", line "),
    "empty": (lambda d: b"", " is empty; run `pipeline run INPUT --out "),
    "not UTF-8": (lambda d: d.replace("Republic".encode(), "Républic".encode("latin-1"), 1), ", line 2: not UTF-8 (byte 0xe9)"),
    "missing": (None, " not found: is "),
}


def damaged(good, tmp_path, name):
    out = tmp_path / "damaged"
    shutil.copytree(good, out)
    damage, _ = DAMAGES[name]
    if damage is None:
        (out / "values.csv").unlink()
    else:
        (out / "values.csv").write_bytes(damage((out / "values.csv").read_bytes()))
    return out


def one_line(proc, command: str) -> str:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stderr.startswith(f"pipeline {command}: ")
    return proc.stderr


@pytest.mark.parametrize("name", DAMAGES)
def test_diff_names_the_damaged_file(good, tmp_path, name):
    out = damaged(good, tmp_path, name)
    for old, new in ((good, out), (out, good)):
        said = one_line(cli("diff", old, new), "diff")
        assert said.startswith(f"pipeline diff: {out / 'values.csv'}{DAMAGES[name][1]}")
    assert not (good / "diff.csv").exists() and not (out / "diff.csv").exists()


@pytest.mark.parametrize("name", DAMAGES)
def test_evaluate_names_the_damaged_file_instead_of_scoring_it(good, tmp_path, name):
    out = damaged(good, tmp_path, name)
    proc = cli("evaluate", out, FIXTURES)
    said = one_line(proc, "evaluate")
    assert said.startswith(f"pipeline evaluate: {out / 'values.csv'}{DAMAGES[name][1]}")
    assert proc.stdout == ""  # no score of a file that is not what the run wrote


def test_a_cut_short_file_says_which_line(good, tmp_path):
    out = damaged(good, tmp_path, "cut at a cell")
    said = one_line(cli("diff", good, out), "diff")
    lines = (out / "values.csv").read_bytes().count(b"\n")
    assert f", line {lines}: " in said and "cells where the header has 28 (cut short?)" in said


JSON_DAMAGES = {  # name -> (how one json/ document is damaged, what the message says after its path)
    "cut short": (lambda d: d[: len(d) // 2], ": not valid JSON (EOF while parsing"),
    "no source": (lambda d: d.replace(b'"source":', b'"sauce":', 1), ": not a report as `pipeline run` writes it "
                                                                     "(source: Field required)"),
    "not UTF-8": (lambda d: b"\xff\xfe" + d, ": not valid JSON ("),
}


@pytest.mark.parametrize("name", JSON_DAMAGES)
def test_suggest_names_the_damaged_report(good, tmp_path, name):
    out = tmp_path / "damaged"
    shutil.copytree(good, out)
    doc = sorted((out / "json").glob("*.json"))[-1]
    damage, words = JSON_DAMAGES[name]
    doc.write_bytes(damage(doc.read_bytes()))
    said = one_line(cli("codebook", "suggest", out), "codebook suggest")
    assert said.startswith(f"pipeline codebook suggest: {doc}{words}")
    assert not (out / "codebook-patch.yaml").exists()


def test_evaluate_with_no_truth_files_is_a_usage_error_on_stderr(good, tmp_path):
    (tmp_path / "truth").mkdir()
    proc = cli("evaluate", good, tmp_path / "truth")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == f"pipeline evaluate: no *.truth.json files under {tmp_path / 'truth'}: nothing to score\n"
