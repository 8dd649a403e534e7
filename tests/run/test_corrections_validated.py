"""A corrected value passes the same validation as an extracted one (issue 22, item 6): the codebook's
plausible ranges, its checks between fields and the file name's year and country."""
import csv
import json

from pipeline.cli import main

from tests.support import FIXTURES

KAZ = "kazakhstan_en_2019.docx"


def test_corrections_pass_the_same_checks_as_extracted_values(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / f"{KAZ}.pdf").write_bytes((FIXTURES / f"{KAZ}.pdf").read_bytes())
    fixes = tmp_path / "corrections.csv"
    with open(fixes, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "field", "was", "value", "note"])
        w.writerow([f"{KAZ}.pdf", "index_score", "-3.04", "900", "typo"])
        w.writerow([f"{KAZ}.pdf", "pretrial_detention", "5288", "9000000", "typo"])
        w.writerow([f"{KAZ}.pdf", "year", "2019", "2021", "typo"])
        w.writerow([f"{KAZ}.pdf", "country", "Kazakhstan", "Belarus", "typo"])
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "--corrections", str(fixes), "--workers", "1"]) == 0
    report = json.loads(next((out / "json").glob("*.json")).read_text(encoding="utf-8"))
    got = {v["field"]: (v["status"], {w["code"] for w in v["warnings"]}) for v in report["values"] if v["field"]}
    assert got["index_score"] == ("ok", {"score_out_of_published_range"})
    assert got["pretrial_detention"] == ("ok", {"pretrial_exceeds_prison", "exceeds_population_share",
                                                "implausible_count"})
    assert got["year"] == ("ok", {"year_differs_from_file_name"})
    assert got["country"] == ("ok", {"country_differs_from_file_name"})
    # a correction that settles a check takes its warning back
    with open(fixes, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "field", "was", "value", "note"])
        w.writerow([f"{KAZ}.pdf", "prison_population", "23635", "3000", "typo"])
    assert main(["run", str(src), "--out", str(out), "--corrections", str(fixes), "--workers", "1"]) == 0
    report = json.loads(next((out / "json").glob("*.json")).read_text(encoding="utf-8"))
    pretrial = next(v for v in report["values"] if v["field"] == "pretrial_detention")
    assert [w["code"] for w in pretrial["warnings"]] == ["pretrial_exceeds_prison"]  # 5288 > 3000 now
    assert main(["run", str(src), "--out", str(out), "--workers", "1"]) == 0  # and without it, no warning
    report = json.loads(next((out / "json").glob("*.json")).read_text(encoding="utf-8"))
    pretrial = next(v for v in report["values"] if v["field"] == "pretrial_detention")
    assert pretrial["warnings"] == []
