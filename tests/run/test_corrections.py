"""Reviewer corrections (`pipeline run --corrections FILE.csv`): applied, stale, malformed."""
import csv
import json
import shutil

import pandas as pd
import pytest

import pipeline
from pipeline.cli import main
from pipeline.run.corrections import COLUMNS, CorrectionsError, load_corrections, read_value
from pipeline.convert.lexicon import default_lexicon
from pipeline.outdir.eventlog import read_log

from tests.support import FIXTURES

KAZ, ARM = "2019/kazakhstan_en_2019.docx.pdf", "2019/armenia_en_2019.docx.pdf"


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "2019").mkdir()
    for source in (KAZ, ARM):
        shutil.copy(FIXTURES / source.split("/")[1], raw / source)
    return raw


def write(path, rows, columns=COLUMNS):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, restval="")
        w.writeheader()
        w.writerows(rows)
    return path


VALID = {"source": KAZ, "field": "prison_population", "was": "23635", "value": "23 636", "note": "typo",
         "reviewer": "ana"}
STALE = {"source": KAZ, "field": "pretrial_detention", "was": "999", "value": "5300", "note": "from an old run",
         "reviewer": "bob"}


def snapshot(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and "cache" not in p.parts and p.name not in ("run.json", ".lock")}


@pytest.fixture(scope="module")
def corrected(raw, tmp_path_factory):
    """A cold run, then the same folder rerun with one valid and one stale correction."""
    out = tmp_path_factory.mktemp("out")
    assert main(["run", str(raw), "--out", str(out)]) == 0
    plain = snapshot(out)
    fixes = write(tmp_path_factory.mktemp("fix") / "corrections.csv", [VALID, STALE])
    assert main(["run", str(raw), "--out", str(out), "--corrections", str(fixes)]) == 0
    return out, plain, fixes


def values(out):
    return pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False)


def test_a_valid_correction_replaces_the_value_everywhere(corrected):
    out, _, _ = corrected
    rows = values(out).set_index(["source", "field"])
    row = rows.loc[(KAZ, "prison_population")]
    assert (row["value"], row["status"], row["origin"]) == ("23636", "ok", "corrected")
    assert row["text"] == "23 635"  # the cell as printed stays: provenance
    assert set(rows.drop((KAZ, "prison_population"))["origin"]) == {"extracted"}
    doc = json.loads(next((out / "json").glob("*kazakhstan*")).read_text(encoding="utf-8"))
    v = next(v for v in doc["values"] if v["field"] == "prison_population")
    assert v["correction"]["extracted_value"] == 23635 and v["correction"]["note"] == "typo"
    assert v["correction"]["reviewer"] == "ana" and v["correction"]["line"] == 2
    assert v["rules"][0] == "reviewer_correction"
    assert pipeline.read_profiles(out).set_index("iso3").loc["KAZ", "prison_population"] == 23636
    assert pipeline.read_panel(out).set_index("iso3").loc["KAZ", "prison_population"] == 23636
    events = [e for e in read_log(out) if e["event"] == "corrected"]
    assert events == [{"event": "corrected", "file": KAZ, "field": "prison_population", "line": 2, "was": "23635",
                       "value": "23636", "status": "ok", "note": "typo", "reviewer": "ana"}]
    assert read_log(out)[-1]["corrected"] == 1


def test_a_stale_correction_is_not_applied_and_says_so(corrected):
    out, _, _ = corrected
    row = values(out).set_index(["source", "field"]).loc[(KAZ, "pretrial_detention")]
    assert (row["value"], row["origin"]) == ("5288", "extracted")
    assert row["warnings"].startswith("stale_correction: the correction on line 3 (999 -> 5300) was not applied")
    warned = [e for e in read_log(out) if e.get("code") == "stale_correction"]
    assert [(e["file"], e["field"]) for e in warned] == [(KAZ, "pretrial_detention")]
    assert read_log(out)[-1]["warnings"]["stale_correction"] == 1


def test_corrections_convert_nothing_and_a_changed_file_rewrites_the_outputs(corrected, raw, tmp_path):
    out, plain, fixes = corrected
    out, fixes = shutil.copytree(out, tmp_path / "out"), shutil.copy(fixes, tmp_path / "corrections.csv")
    run = json.loads((out / "run.json").read_text())
    assert run["converted_now"] == 0 and run["outputs_rewritten"]  # the cache kept the extraction
    assert json.loads((out / "manifest.json").read_text())["corrections"] == load_corrections(
        fixes, {KAZ, ARM}).sha256
    assert main(["run", str(raw), "--out", str(out), "--corrections", str(fixes)]) == 0
    assert not json.loads((out / "run.json").read_text())["outputs_rewritten"]  # same file: nothing to do
    write(fixes, [VALID | {"value": "23637"}, STALE])
    assert main(["run", str(raw), "--out", str(out), "--corrections", str(fixes)]) == 0
    run = json.loads((out / "run.json").read_text())
    assert run["converted_now"] == 0 and run["outputs_rewritten"]
    assert values(out).set_index(["source", "field"]).loc[(KAZ, "prison_population"), "value"] == "23637"
    assert main(["run", str(raw), "--out", str(out)]) == 0  # without it: the extraction again, byte for byte
    assert snapshot(out) == plain


@pytest.mark.parametrize("rows,columns,message", [
    ([VALID, VALID | {"source": "2019/nowhere.pdf"}], COLUMNS, "line 3: unknown source '2019/nowhere.pdf'"),
    ([VALID | {"field": "prison_populace"}], COLUMNS, "line 2: unknown field 'prison_populace'"),
    ([VALID], ["source", "field", "was", "value"], "line 1: missing column note"),
    ([VALID], [*COLUMNS, "reviwer"], "line 1: unknown column reviwer"),
    ([STALE, VALID | {"value": "twenty"}], COLUMNS, "line 3: 'twenty' is not a valid prison_population"),
    ([VALID | {"value": "-5"}], COLUMNS, "line 2: '-5' is not a valid prison_population"),
    ([VALID | {"value": "20000000"}], COLUMNS, "line 2: '20000000' is out of range for prison_population"),
    ([VALID, STALE, VALID], COLUMNS, "line 4: prison_population of 2019/kazakhstan_en_2019.docx.pdf is corrected "
                                     "on line 2 already"),
    ([{"source": ARM, "field": "law_enforcement_budget", "was": "", "value": "100", "note": "n"}], COLUMNS,
     "line 2: '100' is not a valid law_enforcement_budget"),
    ([VALID | {"status": "missing"}], COLUMNS, "line 2: status 'missing'"),
    ([VALID | {"answer": "yes"}], COLUMNS, "line 2: answer 'yes': prison_population is not an assessment"),
])
def test_a_malformed_file_stops_the_run_before_anything_is_written(corrected, raw, tmp_path, capsys, rows,
                                                                   columns, message):
    out, _, _ = corrected
    before = snapshot(out)
    bad = write(tmp_path / "bad.csv", [{k: v for k, v in r.items() if k in columns} for r in rows], columns)
    capsys.readouterr()
    assert main(["run", str(raw), "--out", str(out), "--corrections", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}, {message}" in err and "Traceback" not in err, err
    assert snapshot(out) == before


def test_line_numbers_count_the_lines_of_the_file(raw, tmp_path):
    """A note with a line break in it: the next row's line number is its line in the file."""
    path = tmp_path / "c.csv"
    path.write_text("\ufeffsource,field,was,value,note\n"
                    f'{KAZ},prison_population,23635,23636,"two\nlines"\n'
                    f"{KAZ},detained,,x,bad\n", encoding="utf-8")
    with pytest.raises(CorrectionsError, match="line 4: 'x' is not a valid detained"):
        load_corrections(path, {KAZ})


def test_what_a_correction_may_say():
    lex = default_lexicon()
    spec = lex.spec
    money = read_value(spec("law_enforcement_budget"), {"value": "417 611 911", "unit": "KZT"}, lex)
    assert (money.value, money.unit, money.status) == (417611911, "KZT", "ok")
    assert read_value(spec("law_enforcement_budget"), {"value": "5 million KZT"}, lex).value == 5_000_000
    with pytest.raises(ValueError, match="unit 'KZT'"):
        read_value(spec("law_enforcement_budget"), {"value": "100 USD", "unit": "KZT"}, lex)
    nodata = read_value(spec("detained"), {"value": "No data", "status": "no_data"}, lex)
    assert (nodata.value, nodata.status) == (None, "no_data")
    assert read_value(spec("detained"), {"value": ""}, lex).status == "no_data"
    verdict = read_value(spec("torture_prohibited"), {"value": "Partly, see Art. 146", "answer": "partial"}, lex)
    assert (verdict.value, verdict.answer) == ("Partly, see Art. 146", "partial")
    with pytest.raises(ValueError, match="answer 'maybe'"):
        read_value(spec("torture_prohibited"), {"value": "Maybe", "answer": "maybe"}, lex)
    assert read_value(spec("index_score"), {"value": "-3,05"}, lex).value == -3.05
    assert read_value(spec("country"), {"value": "Republic of Armenia"}, lex).value == "Armenia"


def test_correcting_the_country_moves_the_report(raw, tmp_path):
    out = tmp_path / "out"
    fix = write(tmp_path / "c.csv", [{"source": KAZ, "field": "country", "was": "Kazakhstan", "value": "Armenia",
                                      "note": "test"}])
    assert main(["run", str(raw), "--out", str(out), "--corrections", str(fix)]) == 0
    profiles = pipeline.read_profiles(out)
    assert list(profiles["iso3"]) == ["ARM", "ARM"]
    panel = pipeline.read_panel(out)
    assert len(panel) == 1 and "; " in panel.loc[0, "sources"]  # two editions of Armenia 2019 now


def test_frictionless_validates_corrected_outputs(corrected):
    frictionless = pytest.importorskip("frictionless")
    out, _, _ = corrected
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_diff_shows_a_corrected_value(corrected, raw, tmp_path, capsys):
    out, _, _ = corrected
    plain = tmp_path / "plain"
    assert main(["run", str(raw), "--out", str(plain)]) == 0
    capsys.readouterr()
    assert main(["diff", str(plain), str(out), "--csv", str(tmp_path / "d.csv")]) == 1
    diff = pd.read_csv(tmp_path / "d.csv", dtype=str, keep_default_na=False)
    row = diff.set_index("field").loc["prison_population"]
    assert (row["old_origin"], row["new_origin"], row["corrected"]) == ("extracted", "corrected", "yes")
    assert "prison_population: value 23635 -> 2363" in capsys.readouterr().out
