"""review/doubtful.html, the queue of doubtful values, and what a reviewer does from it: confirm a value
(the corrections file's `confirm` action) or correct it. Also the formula guard of the exported CSV."""
import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.core.models import Issue, Match, Report
from pipeline.outdir.cells import guard_formula
from pipeline.outdir.names import json_name
from pipeline.outdir.rows import value_row
from pipeline.outdir.write import report_document, write_json
from pipeline.run.corrections import CorrectionsError, load_corrections
from pipeline.tools.review.doubt import doubt, doubtful_rows
from pipeline.tools.review.site import build_review, page_name

from tests.tools.test_review import check_data, dump_dom

REVIEW_JS = Path(__file__).resolve().parents[2] / "pipeline" / "tools" / "review" / "templates" / "review.js"


def doubtful_report(out: Path) -> tuple[Report, dict[str, int]]:
    """The Kazakhstan report with four kinds of doubt put on four of its ok values: a weak (fuzzy) match
    with its warning, a structural match, a validation warning, and an invalid value. Returns the report
    and the row of each kind."""
    path = next((out / "json").glob("*kazakhstan*.json"))
    report = Report.model_validate_json(path.read_text(encoding="utf-8"))
    ok = [i for i, v in enumerate(report.values) if v.field and v.status == "ok" and v.field not in ("country", "year")]
    kinds = dict(zip(["weak", "structural", "validation", "invalid"], ok[:4]))
    weak, structural, validation, invalid = (report.values[i] for i in kinds.values())
    weak.match = Match(field=weak.field, variant="Prisoners total", score=0.62, method="fuzzy")
    weak.warnings.append(Issue(code="weak_match", field=weak.field, message="matched with similarity 0.62"))
    structural.match = Match(field=structural.field, variant="", score=0.0, method="structural")
    validation.warnings.append(Issue(code="above_population", field=validation.field, message="more than the population"))
    invalid.status, invalid.error, invalid.value = "invalid", "out_of_range: above the bound", None
    write_json(path, report_document(report))
    return report, kinds


@pytest.fixture(scope="module")
def doubtful_site(fixtures_run, tmp_path_factory):
    out = tmp_path_factory.mktemp("doubtful") / "out"
    shutil.copytree(fixtures_run.out, out, ignore=shutil.ignore_patterns("review"))
    report, kinds = doubtful_report(out)
    result = build_review(out)
    assert result.problems == [] and result.skipped == []
    return fixtures_run.raw, out, report, kinds, result


def listed(page: str) -> list[dict]:
    rows = re.findall(r'<tr class="field doubt[^"]*" id="d-\d+" data-key="(\d+)" data-source="([^"]*)"\s+'
                      r'data-field="([^"]*)".*?<td class="num" data-sort-value="([\d.]+)">.*?<a href="([^"]+)"',
                      page, re.S)
    return [{"key": int(k), "source": s, "field": f, "score": float(sc), "href": h} for k, s, f, sc, h in rows]


def test_doubtful_lists_every_value_with_a_doubt_most_doubtful_first(doubtful_site):
    raw, out, report, kinds, result = doubtful_site
    page = (out / "review" / "doubtful.html").read_text(encoding="utf-8")
    rows = listed(page)
    # what the queue must hold, read here from every report's JSON: a field's value that is invalid,
    # carries a warning, or whose label matched fuzzily or structurally
    expected = set()
    for path in (out / "json").glob("*.json"):
        r = Report.model_validate_json(path.read_text(encoding="utf-8"))
        for key, v in enumerate(r.values):
            if v.field and (v.status == "invalid" or v.warnings or (v.match and v.match.method in ("fuzzy", "structural"))):
                expected.add((r.source, key))
    assert {(r["source"], r["key"]) for r in rows} == expected
    assert {(report.source, k) for k in kinds.values()} <= expected
    assert result.doubtful == len(rows) and f"Doubtful values: {len(rows)}" in page
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    assert rows[0]["key"] == kinds["invalid"]  # an invalid value is the most doubtful
    # each row links to the value on its report's page
    for r in rows:
        name, anchor = r["href"].split("#")
        assert name == page_name(r["source"]) and anchor == f"row-{r['key']}"
        target = (out / "review" / name).read_text(encoding="utf-8")
        assert re.search(rf'id="{anchor}" data-key="{r["key"]}"[^>]*?data-field="{r["field"]}"', target, re.S)


def test_ok_with_a_doubt_has_its_own_colour_and_count(doubtful_site):
    raw, out, report, kinds, _ = doubtful_site
    page = (out / "review" / page_name(report.source)).read_text(encoding="utf-8")
    for kind in ("weak", "structural", "validation"):
        row = re.search(rf'<tr [^>]*id="row-{kinds[kind]}".*?</tr>', page, re.S).group(0)
        assert '<span class="pill st-okwarn"' in row, kind
    certain = next(i for i, v in enumerate(report.values) if v.status == "ok" and doubt(v)[0] == 0)
    row = re.search(rf'<tr [^>]*id="row-{certain}".*?</tr>', page, re.S).group(0)
    assert '<span class="pill st-ok">' in row
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    kaz = re.search(r'<tr class="filterable".*?kazakhstan_en_2019.*?</tr>', index, re.S).group(0)
    assert re.search(r'<td class="num st-okwarn nz">3</td>', kaz)  # weak, structural, validation
    assert ".st-okwarn" in (out / "review" / "assets" / "review.css").read_text(encoding="utf-8")


def test_a_confirmed_value_is_no_longer_doubtful(doubtful_site, tmp_path):
    raw, out, report, kinds, _ = doubtful_site
    weak = report.values[kinds["weak"]]
    path = tmp_path / "c.csv"
    path.write_text("source,field,was,value,note,action\n"
                    f"{report.source},{weak.field},{weak.value},,read it on the page,confirm\n", encoding="utf-8")
    fixes = load_corrections(path, {report.source})
    fixed, events = fixes.apply(report)
    v = fixed.values[kinds["weak"]]
    assert (v.value, v.status, v.warnings) == (weak.value, "ok", [])
    assert v.correction.action == "confirm" and [w.code for w in v.correction.confirmed_warnings] == ["weak_match"]
    assert v.rules[-1] == "reviewer_confirmed" and events[0]["event"] == "confirmed"
    assert doubt(v)[0] == 0
    assert (report.source, kinds["weak"]) not in {(r["source"], r["key"]) for r in doubtful_rows([fixed], lambda r: "")}
    assert value_row(fixed, v)[-2] == "confirmed"  # values.csv's origin
    # a confirmation names the value as extracted: another value, or a unit, is refused
    path.write_text("source,field,was,value,note,action\n"
                    f"{report.source},{weak.field},{weak.value},1,x,confirm\n", encoding="utf-8")
    with pytest.raises(CorrectionsError, match="line 2: a confirmation keeps the extracted value"):
        load_corrections(path, {report.source})
    path.write_text("source,field,was,value,note,action\n"
                    f"{report.source},{weak.field},{weak.value},,x,approve\n", encoding="utf-8")
    with pytest.raises(CorrectionsError, match="action 'approve'"):
        load_corrections(path, {report.source})


def test_confirm_round_trip_through_pipeline_run(fixtures_run, tmp_path):
    """A confirmation in the corrections file, and an old file without the action column, both through
    `pipeline run --corrections`: the confirmed value keeps its value with origin `confirmed`, and the
    review page shows it as confirmed."""
    raw = fixtures_run.raw
    out = tmp_path / "out"
    shutil.copytree(fixtures_run.out, out, ignore=shutil.ignore_patterns("review"))
    fixes = tmp_path / "corrections.csv"
    fixes.write_text("source,field,was,value,note,reviewer,action\n"
                     "2019/kazakhstan_en_2019.docx.pdf,prison_population,23635,23635,as printed,ana,confirm\n",
                     encoding="utf-8")
    old = tmp_path / "old.csv"  # the format before the action column
    old.write_text("source,field,was,value,note\n", encoding="utf-8")
    assert main(["run", str(raw), "--out", str(out), "--corrections", str(old)]) == 0
    assert main(["run", str(raw), "--out", str(out), "--corrections", str(fixes)]) == 0
    values = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False).set_index(["iso3", "field"])
    assert tuple(values.loc[("KAZ", "prison_population"), ["value", "origin", "warnings"]]) == ("23635", "confirmed", "")
    doc = json.loads(next((out / "json").glob("*kazakhstan*.json")).read_text(encoding="utf-8"))
    v = next(x for x in doc["values"] if x["field"] == "prison_population")
    assert v["correction"]["action"] == "confirm" and v["correction"]["reviewer"] == "ana"
    assert main(["review", str(out)]) == 0
    page = next((out / "review").glob("*kazakhstan*.html")).read_text(encoding="utf-8")
    assert "confirmed by ana" in page and '<span class="pill origin">confirmed</span>' in page


@pytest.mark.browser
def test_confirm_from_the_queue_exports_a_confirmation(doubtful_site):
    raw, out, report, kinds, _ = doubtful_site
    weak = report.values[kinds["weak"]]
    data = check_data(dump_dom(out / "review" / "doubtful.html", f"?selftest&confirmfield={weak.field}"))
    assert data["errors"] == []
    got = data["selftest"]["confirm"]
    assert got["pending"] and got["state"] == "confirmed" and got["source"] == report.source
    (row,) = list(csv.DictReader(io.StringIO(got["csv"])))
    assert (row["source"], row["field"], row["was"], row["value"], row["action"]) == (
        report.source, weak.field, str(weak.value), str(weak.value), "confirm")
    path = out / "exported.csv"
    path.write_text(got["csv"], encoding="utf-8")
    (line,) = load_corrections(path, {report.source}).lines
    assert line.action == "confirm"


@pytest.mark.browser
def test_the_index_sorts_by_a_column(doubtful_site):
    _, out, *_ = doubtful_site
    data = check_data(dump_dom(out / "review" / "index.html", "?selftest&sortcol=1"))  # country
    assert data["errors"] == []
    (table,) = [t for t in data["selftest"]["sort"] if len(t[0]["cells"]) > 1]
    (asc, desc) = table
    assert asc["sort"] == "ascending" and asc["cells"] == sorted(asc["cells"], key=str.lower)
    assert desc["sort"] == "descending" and desc["cells"] == asc["cells"][::-1]


NODE_HARNESS = """
const fs = require("fs");
global.window = { addEventListener() {}, location: { hash: "", search: "" },
                  localStorage: { getItem() { return null; }, setItem() {} } };
global.document = { getElementById() { return null; }, querySelectorAll() { return []; }, readyState: "loading",
                    body: { getAttribute() { return ""; } } };
eval(fs.readFileSync(process.argv[1], "utf8"));
const cells = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify({
  guarded: cells.map(window.reviewCsv.guardFormula),
  csv: window.reviewCsv.fixesCsv(cells.map(function (c) { return { source: "a.pdf", field: "f", was: c, value: c }; })),
}));
"""
CELLS = ["=1+2", "+SUM(A1:A3)", "-2+3", "@cmd", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")", "-3.04", "-0",
         "1e5", "-1e-5", "23635", "-", "+", "a=b", "", " =1", "'=1", "12 345", "-12 345", "=", "−5"]


def test_the_exported_csv_guards_formulas_as_the_pipelines_csvs_do(tmp_path):
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    proc = subprocess.run([node, "-e", NODE_HARNESS, str(REVIEW_JS)], input=json.dumps(CELLS), capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["guarded"] == [guard_formula(c) for c in CELLS]
    rows = list(csv.DictReader(io.StringIO(got["csv"], newline="")))
    assert [r["was"] for r in rows] == [guard_formula(c) for c in CELLS]
    assert [r["value"] for r in rows] == [guard_formula(c) for c in CELLS]
    assert rows[0]["was"] == "'=1+2" and rows[7]["was"] == "-3.04"  # a formula guarded, a number left
