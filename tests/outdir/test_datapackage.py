"""The data dictionary (OUTDIR/datapackage.json) and the typed readers built on it."""
import json
import os
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest
import yaml

import pipeline
from pipeline.core import DATA
from pipeline.cli import main
from pipeline.core.codebook import CodebookError, default_codebook, load_codebook
from pipeline.outdir.datapackage import data_package
from pipeline.outdir.names import STATUSES, VALUE_COLUMNS, profile_columns

from tests.support import FIXTURES

frictionless = pytest.importorskip("frictionless")  # the test extras install it


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """Three reports and one file that is not a PDF: every table has rows."""
    raw = tmp_path_factory.mktemp("raw")
    for name in ["kazakhstan_en_2019.docx.pdf", "moldova_en_2019.docx.pdf", "moldova_en_2020.docx.pdf"]:
        shutil.copy(FIXTURES / name, raw / name)
    (raw / "broken.pdf").write_bytes(b"not a pdf at all")
    out = tmp_path_factory.mktemp("out")
    assert main(["run", str(raw), "--out", str(out)]) == 1
    return out


def test_frictionless_validates_every_table(out):
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert sorted(t.name for t in report.tasks) == ["failures", "fields", "panel", "profiles", "values"]
    assert all(t.stats["rows"] > 0 for t in report.tasks)


def test_the_cli_validator_passes(out):
    proc = subprocess.run([sys.executable, "-m", "frictionless", "validate", str(out / "datapackage.json")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def test_a_wrong_cell_is_caught(out, tmp_path):
    """The schema is not decoration: a count that is not a whole number fails validation."""
    work = tmp_path / "out"
    shutil.copytree(out, work)
    profiles = pd.read_csv(work / "profiles.csv", dtype=str, keep_default_na=False)
    profiles.loc[0, "prison_population"] = "23635.5"
    profiles.to_csv(work / "profiles.csv", index=False)
    report = frictionless.validate(str(work / "datapackage.json"))
    errors = report.flatten(["fieldName", "type"])
    assert not report.valid and ["prison_population", "type-error"] in errors


def test_every_column_is_described(out):
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"]: r for r in package["resources"]}
    codebook = default_codebook()
    assert [f["name"] for f in tables["values"]["schema"]["fields"]] == VALUE_COLUMNS
    assert [f["name"] for f in tables["profiles"]["schema"]["fields"]] == profile_columns(codebook)
    for res in tables.values():
        assert res["schema"]["missingValues"] == [""] and res["schema"]["primaryKey"]
        for f in res["schema"]["fields"]:
            assert f["type"] in ("integer", "number", "string", "year") and len(f["description"]) > 20, f


def test_field_columns_come_from_the_codebook(out):
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"]: r for r in package["resources"]}
    codebook = default_codebook()
    profiles = {f["name"]: f for f in tables["profiles"]["schema"]["fields"]}
    for spec in codebook.fields:
        if spec.id in ("country", "year"):
            continue
        col = profiles[spec.id]
        assert col["description"].startswith(spec.description) and col["methodology"] == ["2019", "2020"]
        assert col["type"] == {"int": "integer", "float": "number", "money": "number"}.get(spec.type, "string")
    assert profiles["prison_population"]["unit"] == "persons"
    assert profiles["population_million"]["unit"] == "million"
    assert profiles["law_enforcement_budget"]["unit"] == "the currency in law_enforcement_budget_currency"
    assert profiles["year"]["type"] == "year"
    values = {f["name"]: f for f in tables["values"]["schema"]["fields"]}
    assert values["value"]["type"] == "string" and "by design" in values["value"]["description"]
    assert values["status"]["constraints"]["enum"] == ["ok", "no_data", "missing", "invalid", "unmapped"]
    assert tables["values"]["schema"]["primaryKey"] == ["source", "row"]


def test_each_field_has_a_status_column_with_its_values(out):
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in package["resources"]}
    for spec in default_codebook().fields:
        if spec.id in ("country", "year"):
            continue
        status = tables["profiles"][f"{spec.id}_status"]
        assert status["constraints"]["enum"] == ["ok", "no_data", "missing", "invalid"], spec.id
        assert "no_data" in status["description"] and status["methodology"] == ["2019", "2020"]
        assert tables["panel"][f"{spec.id}_status"]["constraints"]["enum"][-1] == "conflict"


def test_a_status_that_is_not_one_of_them_is_caught(out, tmp_path):
    work = tmp_path / "out"
    shutil.copytree(out, work)
    profiles = pd.read_csv(work / "profiles.csv", dtype=str, keep_default_na=False)
    profiles.loc[0, "detained_status"] = "unknown"
    profiles.to_csv(work / "profiles.csv", index=False)
    report = frictionless.validate(str(work / "datapackage.json"))
    assert not report.valid and ["detained_status", "constraint-error"] in report.flatten(["fieldName", "type"])


def test_the_package_is_written_on_every_run_and_covered_by_the_manifest(out, tmp_path):
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "datapackage.json" in manifest["outputs"]
    written = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert written == data_package(default_codebook(), written["created"], written["sources"])


def test_typed_readers(out):
    profiles = pipeline.read_profiles(out)
    assert len(profiles) == 3
    counts = [s.id for s in default_codebook().fields if s.type == "int" and s.id != "year"]
    assert all(profiles[c].dtype == "Int64" for c in counts)
    kaz = profiles.set_index("iso3").loc["KAZ"]
    assert kaz["prison_population"] == 23635 and pd.isna(kaz["detained"])  # a missing count: <NA>, not NaN
    assert profiles["index_score"].dtype == "Float64" and kaz["index_score"] == -3.04
    assert profiles["year"].dtype == "Int64" and profiles["country"].dtype == "string"
    assert isinstance(profiles["template"].dtype, pd.CategoricalDtype)
    values = pipeline.read_values(out)
    assert isinstance(values["status"].dtype, pd.CategoricalDtype)
    assert list(values["status"].cat.categories) == ["ok", "no_data", "missing", "invalid", "unmapped"]
    assert values["value"].dtype == "string" and values["page"].dtype == "Int64"
    assert values["x0"].dtype == "Float64" and values["row"].dtype == "Int64"
    assert set(values["origin"]) == {"extracted"}
    assert isinstance(profiles["detained_status"].dtype, pd.CategoricalDtype)
    assert list(profiles["detained_status"].cat.categories) == ["ok", "no_data", "missing", "invalid"]
    assert kaz["prison_population_status"] == "ok"
    by_status = values[values["field"] == "detained"].set_index("source")["status"]
    assert dict(zip(profiles["source"], profiles["detained_status"])) == by_status.to_dict()
    panel = pipeline.read_panel(out)
    assert list(panel["detained_status"].cat.categories) == ["ok", "no_data", "missing", "invalid", "conflict"]
    assert sorted(zip(panel["iso3"], panel["year"])) == [("KAZ", 2019), ("MDA", 2019), ("MDA", 2020)]
    assert panel["prison_population"].dtype == "Int64"


def test_importing_pipeline_does_not_import_pandas():
    code = "import sys, pipeline; print('pandas' in sys.modules, 'pipeline.outdir.read' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.split() == ["False", "False"], proc.stderr


def test_a_field_without_description_is_refused(tmp_path):
    data = yaml.safe_load((DATA / "codebook.yaml").read_text(encoding="utf-8"))
    del data["fields"][4]["description"]
    path = tmp_path / "cb.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CodebookError, match="needs a description"):
        load_codebook(path)
    data = yaml.safe_load((DATA / "codebook.yaml").read_text(encoding="utf-8"))
    data["fields"][4]["methodology"] = ["2019", "2031"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CodebookError, match="unknown methodology 2031"):
        load_codebook(path)
    data["fields"][4]["methodology"] = ["2020"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    codebook = load_codebook(path)
    column = next(f for r in data_package(codebook)["resources"] if r["name"] == "profiles"
                  for f in r["schema"]["fields"] if f["name"] == data["fields"][4]["id"])
    assert column["methodology"] == ["2020"]


def test_every_output_folder_explains_itself(out):
    """Every run writes README.md (the same in every folder; the repository's output/README.md is a copy) and
    the fields' dictionary, all in the manifest."""
    from pipeline.outdir.names import OUTPUTS

    text = (out / "README.md").read_text(encoding="utf-8")
    assert text == (FIXTURES.parent.parent / "output" / "README.md").read_text(encoding="utf-8")
    for name in [*OUTPUTS, "json/", "manifest.json", "run.json", "review/", "read_profiles", "read_resource",
                 *STATUSES, "conflict", "<field>_status", "Excel", "65001"]:
        assert f"{name}" in text, name
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {"README.md", "fields.csv", "fields.md", "excel/profiles.csv", "excel/panel.csv"} <= set(manifest["outputs"])


def test_the_fields_dictionary_comes_from_the_codebook(out):
    codebook = default_codebook()
    fields = pd.read_csv(out / "fields.csv", dtype=str, keep_default_na=False)
    assert list(fields["field"]) == codebook.field_ids
    assert list(fields.columns) == ["field", "type", "unit", "section", "methodology", "columns", "description",
                                    "label_en", "label_ru"]
    row = fields.set_index("field").loc["pretrial_detention"]
    spec = codebook.spec("pretrial_detention")
    assert (row["type"], row["unit"], row["section"], row["methodology"]) == ("int", "persons", "facts box", "2019 2020")
    assert (row["label_en"], row["label_ru"]) == (spec.labels["en"][0], spec.labels["ru"][0])
    assert row["columns"] == "pretrial_detention pretrial_detention_status"
    money = fields.set_index("field").loc["law_enforcement_budget"]
    assert money["columns"].split() == ["law_enforcement_budget", "law_enforcement_budget_currency",
                                        "law_enforcement_budget_status"]
    assert set(money["columns"].split()) <= set(profile_columns(codebook))
    section = next(s for s in codebook.sections if s.id == codebook.spec("torture_prohibited").section)
    assert fields.set_index("field").loc["torture_prohibited", "section"] == section.titles["en"][0]
    md = (out / "fields.md").read_text(encoding="utf-8")
    assert md.count("\n| ") == len(codebook.fields) + 1 and spec.labels["ru"][0] in md


def test_the_package_says_when_from_what_and_under_which_licence(out):
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", package["created"])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [s["title"] for s in package["sources"]] == [f["source"] for f in manifest["files"]]
    assert all(s["sha256"] == f["sha256"] for s, f in zip(package["sources"], manifest["files"]))
    assert package["licenses"][0]["name"] == "unknown" and "ask the publisher" in package["licenses"][0]["title"]


def test_created_is_the_newest_input_unless_source_date_epoch_says(monkeypatch, tmp_path):
    from pipeline.outdir.datapackage import created

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert created(1700000000.7) == "2023-11-14T22:13:20Z"
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, when in (("kazakhstan_en_2019.docx.pdf", 1600000000), ("moldova_en_2019.docx.pdf", 1650000000)):
        shutil.copy(FIXTURES / name, raw / name)
        os.utime(raw / name, (when, when))
    assert main(["run", str(raw), "--out", str(tmp_path / "out")]) == 0
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["created"] == "2022-04-15T05:20:00Z"  # moldova's, the newer
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert created(1600000000) == "2023-11-14T22:13:20Z"


def test_the_excel_copies_hold_the_same_cells_after_a_byte_order_mark(out):
    for name in ("profiles.csv", "panel.csv"):
        data = (out / "excel" / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and data[3:] == (out / name).read_bytes()
        # pandas reads the copy with the right column names (the mark is not part of the first one)
        frame = pd.read_csv(out / "excel" / name, dtype=str, keep_default_na=False)
        assert frame.columns[0] == "source"
        assert frame.equals(pd.read_csv(out / name, dtype=str, keep_default_na=False))
        # and so does the tools' reader (diff, evaluate, review)
        from pipeline.outdir.read import read_rows
        assert read_rows(out, f"excel/{name}") == read_rows(out, name) and "source" in read_rows(out, name)[0]
    assert not (out / "profiles.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_rerun_writes_the_guide_again(tmp_path):
    out = tmp_path / "output"
    assert main(["run", str(FIXTURES / "kazakhstan_en_2019.docx.pdf"), "--out", str(out)]) == 0
    (out / "README.md").write_text("edited", encoding="utf-8")
    assert main(["run", str(FIXTURES / "kazakhstan_en_2019.docx.pdf"), "--out", str(out)]) == 0
    assert (out / "README.md").read_text(encoding="utf-8").startswith("# An output folder")
