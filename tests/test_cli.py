"""The command line end to end: run, extract, help, exit codes, deterministic outputs."""
import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.outdir.eventlog import read_log
from pipeline.outdir.names import VALUE_COLUMNS

from tests.support import FIXTURES


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A small batch laid out like a real one: year folders."""
    root = tmp_path_factory.mktemp("raw")
    for name in ["kazakhstan_en_2019.docx.pdf", "belarus_en_2019.docx.pdf"]:
        (root / "2019").mkdir(exist_ok=True)
        shutil.copy(FIXTURES / name, root / "2019" / name)
    (root / "2020").mkdir()
    shutil.copy(FIXTURES / "moldova_en_2020.docx.pdf", root / "2020" / "moldova_en_2020.docx.pdf")
    return root


@pytest.fixture(scope="module")
def out(batch, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["run", str(batch), "--out", str(out)]) == 0
    return out


def test_run_writes_the_contract(out):
    values = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False)
    assert list(values.columns) == VALUE_COLUMNS
    assert sorted(values["source"].unique()) == [
        "2019/belarus_en_2019.docx.pdf", "2019/kazakhstan_en_2019.docx.pdf", "2020/moldova_en_2020.docx.pdf"]
    assert set(values["status"]) <= {"ok", "no_data", "missing", "invalid", "unmapped"}
    kaz = values[values["source"].str.contains("kazakhstan")].set_index("field")
    assert kaz.loc["prison_population", "value"] == "23635"
    assert kaz.loc["index_score", "value"] == "-3.04"
    assert (kaz.loc["law_enforcement_budget", "value"], kaz.loc["law_enforcement_budget", "unit"]) == ("417611910", "KZT")
    assert kaz.loc["detained", "status"] == "no_data"
    assert kaz.loc["torture_prohibited", "answer"] == "yes"
    assert float(kaz.loc["prison_population", "x0"]) > 0 and kaz.loc["prison_population", "page"] == "1"
    mol = values[values["source"].str.contains("moldova")]
    assert (mol["status"] == "unmapped").sum() == 3
    assert mol[mol["field"] == "investigator_workload"]["status"].tolist() == ["missing"]


def test_profiles_load_in_one_line(out):
    profiles = pd.read_csv(out / "profiles.csv")
    assert len(profiles) == 3
    kaz = profiles[profiles["iso3"] == "KAZ"].iloc[0]
    assert kaz["prison_population"] == 23635 and kaz["index_score"] == -3.04
    assert kaz["law_enforcement_budget_currency"] == "KZT"
    assert pd.isna(kaz["detained"])


def test_json_per_report_with_provenance(out):
    docs = [json.loads(p.read_text()) for p in sorted((out / "json").glob("*.json"))]
    assert len(docs) == 3
    kaz = next(d for d in docs if d["iso3"] == "KAZ")
    prison = next(v for v in kaz["values"] if v["field"] == "prison_population")
    assert [f["text"] for f in prison["fragments"]] == ["23", "635"]
    assert "thousands_groups_joined:space" in prison["rules"]
    assert kaz["coverage"]["ratio"] == 1.0


def test_failures_and_log(out):
    assert (out / "failures.csv").read_text().strip() == "source,category,message"
    events = read_log(out)
    assert events[0]["event"] == "run" and "settings" in events[0]
    converted = [e for e in events if e["event"] == "converted"]
    assert len(converted) == 3
    for e in converted:  # the log states where every word of the report landed
        words = e["words"]
        assert words["placed"] == words["total"] > 300
        assert sum(n for k, n in words.items() if k not in ("total", "placed")) == words["total"]


def test_outputs_are_deterministic(batch, out, tmp_path):
    again = tmp_path / "again"
    assert main(["run", str(batch), "--out", str(again)]) == 0
    for name in ["values.csv", "profiles.csv", "failures.csv", "log.jsonl"]:
        assert (again / name).read_bytes() == (out / name).read_bytes(), name
    for p in (out / "json").glob("*.json"):
        assert (again / "json" / p.name).read_bytes() == p.read_bytes()


def test_single_file_input_uses_the_file_name(tmp_path):
    assert main(["run", str(FIXTURES / "armenia_en_2019.docx.pdf"), "--out", str(tmp_path)]) == 0
    values = pd.read_csv(tmp_path / "values.csv", dtype=str)
    assert set(values["source"]) == {"armenia_en_2019.docx.pdf"}


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_extract_prints_json(capsys):
    assert main(["extract", str(FIXTURES / "kazakhstan_en_2019.docx.pdf")]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["country"] == "Kazakhstan" and len([v for v in doc["values"] if v["field"]]) == 32


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["extract", "--help"], ["evaluate", "--help"]])
def test_module_entry_point_help(args):
    proc = subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True)
    assert proc.returncode == 0 and "usage:" in proc.stdout


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


@pytest.mark.parametrize("args,message", [
    (["run", "IN", "--workers", "0"], "pipeline run: argument --workers: must be above 0: '0'"),
    (["run", "IN", "--workers", "abc"], "pipeline run: argument --workers: not a number: 'abc'"),
    (["run", "IN", "--frobnicate"], "pipeline: unrecognized arguments: --frobnicate"),
    (["extract", "IN", "--format", "xml"], "pipeline extract: argument --format: invalid choice: 'xml'"),
    (["frob"], "pipeline: argument COMMAND: invalid choice: 'frob'"),
])
def test_a_usage_error_is_one_line_without_the_usage_block(args, message):
    proc = _cli(*[str(FIXTURES) if a == "IN" else a for a in args])
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and proc.stderr.startswith(message), proc.stderr
    assert "usage:" not in proc.stderr and "--help" in proc.stderr


def test_version():
    from pipeline.core import __version__

    proc = _cli("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"pipeline {__version__}"


def test_review_of_a_folder_of_pdfs_says_it_is_not_an_output_folder(tmp_path, capsys):
    assert main(["review", str(FIXTURES)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"pipeline review: {FIXTURES} is not an output folder but holds 9 PDF files")
    assert f"--out {FIXTURES}" not in err and len(err.splitlines()) == 1
    assert main(["review", str(tmp_path)]) == 2
    assert "is not an output folder" in capsys.readouterr().err
    assert not (tmp_path / "review").exists() and not (FIXTURES / "review").exists()


def test_extract_into_a_file_as_json_or_csv(tmp_path, capsys):
    pdf = FIXTURES / "kazakhstan_en_2019.docx.pdf"
    assert main(["extract", str(pdf)]) == 0
    printed = capsys.readouterr().out
    assert main(["extract", str(pdf), "-o", str(tmp_path / "kaz.json")]) == 0
    assert capsys.readouterr().out == "" and (tmp_path / "kaz.json").read_text(encoding="utf-8") == printed
    # CSV: the report's rows of values.csv, as a run writes them; chosen by --format, or by -o FILE.csv
    assert main(["run", str(pdf), "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    values = (tmp_path / "out" / "values.csv").read_text(encoding="utf-8")
    assert main(["extract", str(pdf), "-o", str(tmp_path / "kaz.csv")]) == 0
    assert (tmp_path / "kaz.csv").read_text(encoding="utf-8") == values
    assert main(["extract", str(pdf), "--format", "csv"]) == 0
    assert capsys.readouterr().out == values
    assert main(["extract", str(pdf), "--format", "json", "-o", str(tmp_path / "kaz.csv")]) == 0
    assert json.loads((tmp_path / "kaz.csv").read_text(encoding="utf-8"))["iso3"] == "KAZ"


def test_extract_writes_nothing_for_a_file_it_cannot_convert(tmp_path, capsys):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"not a pdf at all")
    assert main(["extract", str(bad), "-o", str(tmp_path / "broken.json")]) == 1
    assert "broken.pdf: [" in capsys.readouterr().err and not (tmp_path / "broken.json").exists()
    assert main(["extract", str(FIXTURES / "kazakhstan_en_2019.docx.pdf"), "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_quiet_prints_only_what_went_wrong(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(FIXTURES / "kazakhstan_en_2019.docx.pdf", raw)
    (raw / "broken.pdf").write_bytes(b"not a pdf at all")
    proc = _cli("run", raw, "--out", tmp_path / "out", "-q")
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.startswith("pipeline run: broken.pdf: [") and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert (tmp_path / "out" / "profiles.csv").is_file()
    (raw / "broken.pdf").unlink()
    proc = _cli("run", raw, "--out", tmp_path / "out", "--quiet")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    loud = _cli("run", raw, "--out", tmp_path / "out")
    assert "reports processed: 1" in loud.stdout and "[1/1]" in loud.stderr  # the default: progress and summary
