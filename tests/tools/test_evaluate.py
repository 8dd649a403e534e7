"""pipeline.tools.evaluate must score exactly like the project's reference scorer.

The reference (tests/support/reference_evaluate.py, a copy of the shared tools/evaluate.py) is run
in a subprocess on the same hand-built values.csv and truth files; the numbers, the verbose
lines and the exit code must agree.
"""
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.outdir.names import VALUES
from pipeline.outdir.read import read_rows
from pipeline.tools.evaluate import (evaluate, evaluate_rows, format_summary, main_evaluate, rows_for, summary_line,
                                     write_report)
from tests.support import FIXTURES, ROOT, reference_evaluate

REFERENCE = Path(reference_evaluate.__file__)
COLUMNS = ["source", "country", "iso3", "year", "section", "field", "label", "value", "unit",
           "answer", "text", "status", "page", "warnings"]
KAZ = "kazakhstan_en_2019.docx"
MDA = "moldova_en_2020.docx"


def load_truth(name):
    return json.loads((FIXTURES / f"{name}.truth.json").read_text(encoding="utf-8"))


def perfect_rows(truth, prefix=""):
    """The values.csv rows a perfect pipeline would write for this truth record."""
    rows = []
    for i, (fid, t) in enumerate(truth["fields"].items()):
        rows.append({"source": prefix + truth["source"], "country": truth["country"], "field": fid,
                     "label": fid, "value": "" if t["value"] is None else t["value"],
                     "unit": t["unit"] or "", "answer": t["answer"] or "", "text": t["text"] or "",
                     "status": t["status"], "page": 1 + i // 20, "warnings": ""})
    for u in truth["unmapped"]:
        rows.append({"source": prefix + truth["source"], "section": u["section"], "field": "",
                     "label": u["label"], "text": u["text"], "status": "unmapped", "page": 2})
    return rows


def write_case(tmp_path, rows, truths):
    out, tdir = tmp_path / "out", tmp_path / "truth"
    out.mkdir()
    tdir.mkdir()
    with open(out / "values.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow(r)
    for t in truths:
        (tdir / (t["source"].removesuffix(".pdf") + ".truth.json")).write_text(
            json.dumps(t, ensure_ascii=False), encoding="utf-8")
    return out, tdir


def run_reference(out, tdir, *extra):
    p = subprocess.run([sys.executable, str(REFERENCE), str(out), str(tdir), "--verbose", *extra],
                       capture_output=True, text=True, encoding="utf-8")
    return p.returncode, p.stdout.rstrip("\n").splitlines()


def assert_agrees(out, tdir, min_pct=100.0):
    code, lines = run_reference(out, tdir, "--min", str(min_pct))
    res = evaluate(out, tdir)
    assert summary_line(res) == lines[-1]
    assert format_summary(res, verbose=True).splitlines() == lines
    assert main_evaluate(out, tdir, min_pct=min_pct) == code
    return res


def row(rows, fid):
    return next(r for r in rows if r["field"] == fid)


# --- scenarios: each edits the perfect rows of Kazakhstan 2019 + Moldova 2020 ------------

def wrong_number(rows):
    row(rows, "prison_population")["value"] = 23636


def wrong_status(rows):
    row(rows, "detained").update(status="ok", value=5)  # silent: written ok, no warning
    row(rows, "pretrial_detention").update(status="no_data", value="")  # not silent


def missing_row(rows):
    rows.remove(row(rows, "torture_prohibited"))


def unmapped_lost(rows):
    rows.remove(next(r for r in rows if r["label"] == "Promptness of investigations"))


def unmapped_merged(rows):
    # two unmapped rows merged into one: both truth texts are still in the joined blob
    a = next(r for r in rows if r["label"] == "Promptness of investigations")
    b = next(r for r in rows if r["label"] == "Involvement of victims in investigations")
    a["text"] = a["text"] + " Involvement of victims in investigations " + b["text"]
    rows.remove(b)


def unmapped_as_field(rows):
    # a new indicator wrongly mapped to a field is not "kept"
    r = next(r for r in rows if r["label"] == "Number of persons convicted of torture")
    r.update(status="ok", field="criminal_cases_initiated")


def silent_error(rows):
    row(rows, "index_score")["value"] = 3.04


def flagged_error(rows):
    row(rows, "index_score").update(value=3.04, warnings="weak label match")


def wrong_text_and_answer(rows):
    row(rows, "istanbul_protocol")["text"] = "Yes."
    row(rows, "opcat_ratified")["answer"] = "no"
    row(rows, "law_enforcement_budget")["unit"] = "USD"


def decimal_equals_int(rows):
    row(rows, "prison_population")["value"] = "23635.0"
    row(rows, "year")["value"] = "2019.0"
    row(rows, "index_score")["value"] = "-3.040"


def text_folding(rows):
    r = row(rows, "definition_matches_treaties")
    r["text"] = "  " + r["text"].replace('"', "\u201c", 1).replace(" ", "\u00a0", 3) + "\n"
    row(rows, "ill_treatment_criminalized")["text"] = row(rows, "ill_treatment_criminalized")["text"].replace(" - ", " \u2014 ")


def missing_field_written_ok(rows):
    r = next(r for r in rows if r["field"] == "investigator_workload" and r["status"] == "missing")
    r.update(status="ok", text="9 cases")


def missing_field_absent(rows):
    rows.remove(next(r for r in rows if r["field"] == "investigator_workload" and r["status"] == "missing"))


def report_not_found(rows):
    rows[:] = [r for r in rows if not r["source"].startswith("moldova")]


def first_row_wins(rows):
    dup = dict(row(rows, "prison_population"), value=1)
    rows.append(dup)  # a later duplicate is ignored
    rows.insert(0, dict(row(rows, "pretrial_detention"), value=1))  # an earlier one wins


SCENARIOS = [None, wrong_number, wrong_status, missing_row, unmapped_lost, unmapped_merged,
             unmapped_as_field, silent_error, flagged_error, wrong_text_and_answer,
             decimal_equals_int, text_folding, missing_field_written_ok, missing_field_absent,
             report_not_found, first_row_wins]


def build(tmp_path, scenario, prefix=""):
    truths = [load_truth(KAZ), load_truth(MDA)]
    rows = perfect_rows(truths[0], prefix) + perfect_rows(truths[1])
    if scenario:
        scenario(rows)
    return write_case(tmp_path, rows, truths)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__ if s else "perfect")
def test_agrees_with_reference(tmp_path, scenario):
    out, tdir = build(tmp_path, scenario)
    assert_agrees(out, tdir)
    assert_agrees(out, tdir, min_pct=90.0)


EXPECTED = {  # scenario -> (fields_ok of 64, unmapped kept of 3, reports found, silent)
    None: (64, 3, 2, 0),
    wrong_number: (63, 3, 2, 1),
    wrong_status: (62, 3, 2, 1),
    missing_row: (63, 3, 2, 0),
    unmapped_lost: (64, 2, 2, 0),
    unmapped_merged: (64, 3, 2, 0),
    unmapped_as_field: (64, 2, 2, 0),
    silent_error: (63, 3, 2, 1),
    flagged_error: (63, 3, 2, 0),
    wrong_text_and_answer: (61, 3, 2, 3),
    decimal_equals_int: (64, 3, 2, 0),
    text_folding: (64, 3, 2, 0),
    missing_field_written_ok: (63, 3, 2, 1),
    missing_field_absent: (64, 3, 2, 0),
    report_not_found: (33, 0, 1, 0),  # Kazakhstan's 32 + Moldova's missing investigator_workload
    first_row_wins: (63, 3, 2, 1),
}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__ if s else "perfect")
def test_numbers(tmp_path, scenario):
    res = evaluate(*build(tmp_path, scenario))
    got = (res.fields_ok, res.unmapped_kept, res.reports_found, res.silent_errors)
    assert got == EXPECTED[scenario]
    assert (res.fields_total, res.unmapped_total, res.reports_total) == (64, 3, 2)
    assert len(res.mismatches) == (64 - res.fields_ok) + (3 - res.unmapped_kept)


def test_source_in_subfolder_is_found(tmp_path):
    out, tdir = build(tmp_path, None, prefix="batch/2019/")
    res = assert_agrees(out, tdir)
    assert res.reports_found == 2 and res.fields_ok == 64


def test_mismatch_details_and_breakdowns(tmp_path):
    out, tdir = build(tmp_path, wrong_number)
    res = evaluate(out, tdir)
    (m,) = res.mismatches
    assert (m.source, m.field, m.page) == ("kazakhstan_en_2019.docx.pdf", "prison_population", 1)
    assert m.expected.value == 23635 and m.expected.status == "ok" and m.expected.text == "23 635"
    assert m.got.value == "23636" and m.got.status == "ok"
    assert m.reason == "value '23636' != 23635"
    assert res.per_field["prison_population"].model_dump() == {"ok": 1, "total": 2}
    assert res.per_report["kazakhstan_en_2019.docx.pdf"].model_dump() == {"ok": 31, "total": 32}
    assert res.per_report["moldova_en_2020.docx.pdf"].ok == 32
    assert res.pct == pytest.approx(100 * 63 / 64)


def test_missing_row_has_no_got(tmp_path):
    res = evaluate(*build(tmp_path, missing_row))
    (m,) = res.mismatches
    assert m.got is None and m.page is None and m.reason == "no row"


def test_format_summary_last_line(tmp_path):
    res = evaluate(*build(tmp_path, wrong_status))
    last = "fields correct: 62/64 (96.9%) | unmapped kept: 3/3 | reports found: 2/2 | silent errors: 1"
    for verbose in (False, True):
        assert format_summary(res, verbose).splitlines()[-1] == last
    assert "detained: 1/2" in format_summary(res, False)


def test_write_report(tmp_path):
    res = evaluate(*build(tmp_path, lambda rows: (wrong_number(rows), unmapped_lost(rows))))
    path = tmp_path / "mismatches.csv"
    write_report(res, path)
    with open(path, newline="", encoding="utf-8") as f:
        got = list(csv.DictReader(f))
    assert list(got[0]) == ["source", "field", "page", "reason", "expected_status", "expected_value",
                            "expected_unit", "expected_answer", "expected_text", "got_status",
                            "got_value", "got_unit", "got_answer", "got_text"]
    assert [(r["field"], r["page"], r["expected_value"], r["got_value"]) for r in got] == [
        ("prison_population", "1", "23635", "23636"), ("", "", "", "")]
    assert got[1]["reason"].startswith("unmapped row lost")
    assert got[1]["expected_text"].startswith("Low. Preliminary checks")


def test_main_evaluate_exit_codes(tmp_path, capsys):
    out, tdir = build(tmp_path, wrong_number)
    assert main_evaluate(out, tdir) == 1
    assert main_evaluate(out, tdir, min_pct=98.0) == 0
    report = tmp_path / "m.csv"
    assert main_evaluate(out, tdir, verbose=True, csv_path=report) == 1
    assert report.exists()
    printed = capsys.readouterr().out
    assert "  kazakhstan_en_2019.docx.pdf: prison_population: value '23636' != 23635" in printed
    assert main_evaluate(tmp_path / "nowhere", tdir) == 2
    err = capsys.readouterr().err
    assert err == f"pipeline evaluate: {tmp_path / 'nowhere' / 'values.csv'} not found: is {tmp_path / 'nowhere'} a " \
                  "folder written by `pipeline run`?\n"


def test_unmapped_lost_fails_even_at_low_min(tmp_path):
    out, tdir = build(tmp_path, unmapped_lost)
    assert main_evaluate(out, tdir, min_pct=0.0) == 1


def test_empty_truth_dir(tmp_path, capsys):
    out, tdir = write_case(tmp_path, [], [])
    code, lines = run_reference(out, tdir)
    res = evaluate(out, tdir)
    assert summary_line(res) == lines[-1] and res.fields_total == 0
    # the reference fails it (exit 1); the command says there is nothing to score, a usage error
    assert code == 1 and main_evaluate(out, tdir) == 2
    assert capsys.readouterr().err == f"pipeline evaluate: no *.truth.json files under {tdir}: nothing to score\n"


def test_unreadable_csv(tmp_path):
    out, tdir = write_case(tmp_path, [], [load_truth(KAZ)])
    (out / "values.csv").write_bytes(b"source,field\n\xff\xfe\x00bad")
    assert main_evaluate(out, tdir) == 2


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__ if s else "perfect")
def test_evaluate_rows_scores_one_report_as_evaluate_does(tmp_path, scenario):
    out, tdir = build(tmp_path, scenario)
    whole = evaluate(out, tdir)
    rows = read_rows(out, VALUES)
    for truth in (load_truth(KAZ), load_truth(MDA)):
        one = evaluate_rows(rows_for(rows, truth["source"]), truth)
        assert (one.reports_total, one.reports_found) == (1, int(bool(rows_for(rows, truth["source"]))))
        assert one.per_report == {truth["source"]: whole.per_report[truth["source"]]}
        assert one.mismatches == [m for m in whole.mismatches if m.source == truth["source"]]
        assert one.fields_total == 32 and one.fields_ok == whole.per_report[truth["source"]].ok


def test_reference_copy_is_current():
    shared = ROOT.parent / "shared" / "tools" / "evaluate.py"
    if not shared.exists():
        pytest.skip(f"no shared scorer to compare the reference copy with ({shared} is absent in this checkout)")
    assert shared.read_text() == REFERENCE.read_text()

