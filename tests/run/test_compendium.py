"""Files that are not exactly one profile, through a whole batch: compendiums (one report per profile, keyed
`<path>#page=N`), profiles with a report before or after them (plain path, the report's pages set aside),
narratives (not_a_profile); the key in every output, the cache, the manifest, corrections and the scorer."""
import csv
import json
import subprocess
import sys

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.core.keys import file_of, profile_key
from pipeline.outdir.eventlog import read_log
from pipeline.outdir.names import json_name
from pipeline.run.corrections import COLUMNS
from tests.support import FIXTURES, FIXTURES_RU, TESTS, load_truth
from tests.support.narrative import merge, narrative, page_count

EN, EN2 = FIXTURES / "armenia_en_2019.docx.pdf", FIXTURES / "kazakhstan_en_2019.docx.pdf"  # 2 pages each
RU = FIXTURES_RU / "belarus_ru_2021.docx.pdf"  # 3 pages
NARRATIVE_PAGES = 2


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The merged files, their truth (the fixtures' truth with `source` set to each report's key) and a run."""
    raw, truth = tmp_path_factory.mktemp("raw"), tmp_path_factory.mktemp("truth")
    report = narrative(tmp_path_factory.mktemp("n") / "report.pdf", "Armenia", 2019, pages=NARRATIVE_PAGES)
    n = page_count(report)
    files = {"compendium.pdf": [EN, RU], "compendium3.pdf": [RU, EN, EN2], "before.pdf": [report, EN2],
             "after.pdf": [RU, report]}
    for name, parts in files.items():
        merge(raw / name, *parts)
    narrative(raw / "narrative.pdf", "Беларусь", 2021, "ru", pages=2)
    keys = {"compendium.pdf": [(EN, 1), (RU, 3)], "compendium3.pdf": [(RU, 1), (EN, 4), (EN2, 6)],
            "before.pdf": [(EN2, None)], "after.pdf": [(RU, None)]}
    for name, reports in keys.items():
        for pdf, page in reports:
            t = load_truth(pdf.with_name(pdf.name.replace(".pdf", ".truth.json")))
            t["source"] = name if page is None else f"{name}#page={page}"
            (truth / (t["source"].replace("#", "_") + ".truth.json")).write_text(json.dumps(t), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    code = main(["run", str(raw), "--out", str(out)])
    return raw, truth, out, code, n


def test_each_profile_is_its_own_report_keyed_by_the_page_of_its_title_block(batch):
    raw, truth, out, code, n = batch
    profiles = pd.read_csv(out / "profiles.csv", dtype=str, keep_default_na=False)
    assert list(profiles["source"]) == ["after.pdf", "before.pdf", "compendium.pdf#page=1", "compendium.pdf#page=3",
                                        "compendium3.pdf#page=1", "compendium3.pdf#page=4",
                                        "compendium3.pdf#page=6"]
    assert list(profiles["iso3"]) == ["BLR", "KAZ", "ARM", "BLR", "BLR", "ARM", "KAZ"]
    values = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False)
    assert set(values["source"]) == set(profiles["source"])
    assert all((out / "json" / json_name(s)).is_file() for s in profiles["source"])
    doc = json.loads((out / "json" / json_name("compendium3.pdf#page=4")).read_text(encoding="utf-8"))
    assert doc["source"] == "compendium3.pdf#page=4" and doc["page_numbers"] == [4, 5]
    # provenance: the pages of the file, not of the profile
    assert {v["page"] for v in doc["values"] if v["page"] is not None} == {4, 5}


def test_the_reference_scorer_finds_every_report_and_every_field(batch):
    raw, truth, out, code, n = batch
    run = subprocess.run([sys.executable, str(TESTS / "support" / "reference_evaluate.py"), str(out), str(truth)],
                         capture_output=True, text=True)
    last = run.stdout.strip().splitlines()[-1]
    assert run.returncode == 0, run.stdout
    assert "(100.0%)" in last and "reports found: 7/7" in last and "silent errors: 0" in last


def test_a_narrative_is_not_a_profile_and_prose_around_a_profile_is_set_aside(batch):
    raw, truth, out, code, n = batch
    assert code == 1  # the narrative failed
    failures = pd.read_csv(out / "failures.csv", dtype=str, keep_default_na=False)
    assert list(failures["source"]) == ["narrative.pdf"] and list(failures["category"]) == ["not_a_profile"]
    assert "running prose and no title block" in failures["message"][0]
    before = json.loads((out / "json" / json_name("before.pdf")).read_text(encoding="utf-8"))
    assert before["set_aside"] == [{"pages": list(range(1, n + 1)), "reason": "running prose"}]
    after = json.loads((out / "json" / json_name("after.pdf")).read_text(encoding="utf-8"))
    assert after["set_aside"] == [{"pages": list(range(4, 4 + n)), "reason": "running prose"}]
    values = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False)
    # none of the prose became a row: no row of those pages, no unmapped row more than the profile's own
    assert not set(values[values["source"] == "before.pdf"]["page"]) & {str(p) for p in range(1, n + 1)}
    ru_unmapped = len(load_truth(RU.with_name("belarus_ru_2021.docx.truth.json")).get("unmapped", []))
    assert (values[(values["source"] == "after.pdf")]["status"] == "unmapped").sum() == ru_unmapped
    events = [e for e in read_log(out) if e["event"] == "set_aside"]
    assert {(e["file"], tuple(e["pages"])) for e in events} == {("before.pdf", tuple(range(1, n + 1))),
                                                                ("after.pdf", tuple(range(4, 4 + n)))}


def test_the_cache_keeps_one_entry_per_file_and_the_manifest_lists_its_reports(batch, tmp_path):
    raw, truth, out, code, n = batch
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    by_source = {f["source"]: f for f in manifest["files"]}
    assert by_source["compendium.pdf"]["reports"] == ["compendium.pdf#page=1", "compendium.pdf#page=3"]
    assert "reports" not in by_source["before.pdf"]  # one profile: its plain path
    before = (out / "values.csv").read_bytes()
    assert main(["run", str(raw), "--out", str(out)]) == 1
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["converted_now"] == 0 and run["reused"] == 5
    assert (out / "values.csv").read_bytes() == before


def test_a_correction_names_one_profile_of_a_compendium_by_its_key(batch, tmp_path):
    raw, truth, out, code, n = batch
    fix = tmp_path / "fix.csv"
    with open(fix, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, restval="")
        w.writeheader()
        w.writerow({"source": "compendium.pdf#page=3", "field": "prison_population", "was": "28574",
                    "value": "28 575", "note": "typo"})
    fixed = tmp_path / "out"
    assert main(["run", str(raw), "--out", str(fixed), "--corrections", str(fix)]) == 1
    values = pd.read_csv(fixed / "values.csv", dtype=str, keep_default_na=False)
    pp = values[values["field"] == "prison_population"].set_index("source")
    assert pp.loc["compendium.pdf#page=3", ["value", "origin"]].tolist() == ["28575", "corrected"]
    assert pp.loc["compendium3.pdf#page=1", ["value", "origin"]].tolist() == ["28574", "extracted"]


def test_keys():
    assert profile_key("2021/a.pdf", 3, True) == "2021/a.pdf#page=3"
    assert profile_key("2021/a.pdf", 3, False) == "2021/a.pdf"
    assert file_of("2021/a.pdf#page=3") == "2021/a.pdf" and file_of("2021/a.pdf") == "2021/a.pdf"
    assert file_of("odd#page=x.pdf") == "odd#page=x.pdf"
    assert json_name("a.pdf#page=3") != json_name("a.pdf#page=5")
    assert "#" not in json_name("a.pdf#page=3")


def test_a_review_page_shows_its_own_profile_pages_only(tmp_path):
    from pipeline.tools.review.pages import render_pages

    pdf = merge(tmp_path / "two.pdf", EN, RU)
    pages = render_pages(pdf, tmp_path, "two", 20, only=[3, 4, 5])
    assert [p["n"] for p in pages] == [3, 4, 5] and sorted(p.name for p in tmp_path.glob("two.p*.png")) == [
        "two.p3.png", "two.p4.png", "two.p5.png"]
