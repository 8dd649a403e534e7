"""Every fixture profile comes out exactly as its ground truth (status, value, unit, answer, text),
as pipeline.tools.evaluate scores it. The reports are a batch's: tests/fixtures from the session's run of
them, the other editions from one run here."""
import shutil
from pathlib import Path, PurePath

import pytest

from pipeline.run.batch import run_batch
from pipeline.tools.evaluate import NUMERIC_FIELDS, evaluate_rows, norm
from tests.support import FIXTURES, FIXTURES_MORE, FIXTURES_RU, FIXTURES_TAGGED, load_truth, report_rows, truth_files

TRUTHS = truth_files(FIXTURES, FIXTURES_RU, FIXTURES_MORE, FIXTURES_TAGGED)


@pytest.fixture(scope="module")
def reports(fixtures_run, tmp_path_factory) -> dict[Path, object]:
    """Each truth file's report: tests/fixtures' from the session's batch, the others' from one batch of
    the folders they are in (fixtures-ru/, fixtures-more/, fixtures-tagged/)."""
    raw = tmp_path_factory.mktemp("editions")
    others = {t: f"{t.parent.name}/{load_truth(t)['source']}" for t in TRUTHS if t.parent != FIXTURES}
    for t, source in others.items():
        (raw / source).parent.mkdir(exist_ok=True)
        shutil.copy(t.parent / PurePath(source).name, raw / source)
    result = run_batch(raw, tmp_path_factory.mktemp("editions-out"))
    assert result.exit_code == 0, result.failures
    by_source = {r.source: r for r in result.reports}
    by_source |= {PurePath(r.source).name: r for r in fixtures_run.result.reports}
    return {t: by_source[others.get(t) or load_truth(t)["source"]] for t in TRUTHS}


@pytest.fixture(scope="module", params=TRUTHS, ids=lambda p: p.name.split(".")[0])
def case(request, reports):
    return load_truth(request.param), reports[request.param]


def test_report_identity(case):
    truth, report = case
    assert (report.country, report.iso3, report.year, report.template, report.language) == \
        (truth["country"], truth["iso3"], truth["year"], truth["template"], truth.get("language", "en"))


def test_every_field_matches_truth(case):
    truth, report = case
    assert [fid for fid in truth["fields"] if report.field(fid) is None] == [], "fields with no row"
    res = evaluate_rows(report_rows(report), truth)
    wrong = [f"{m.field or 'unmapped row'} (page {m.page}): {m.reason}" for m in res.mismatches]
    assert not wrong, "\n".join(wrong)
    assert res.fields_ok == res.fields_total == len(truth["fields"])
    assert res.unmapped_kept == res.unmapped_total == len(truth["unmapped"])


def test_numbers_are_scored_as_numbers():
    """pipeline.tools.evaluate compares as numbers the codebook's numeric fields, which are the fields the
    reference scorer lists (tests/support/reference_evaluate.py)."""
    from tests.support import reference_evaluate

    assert NUMERIC_FIELDS == set(reference_evaluate.NUMERIC_FIELDS)
    assert {"year", "index_score", "law_enforcement_budget", "prison_population"} <= NUMERIC_FIELDS


def test_unmapped_rows_kept(case):
    truth, report = case
    unmapped = [(norm(v.section), norm(v.label), norm(v.text)) for v in report.values if v.status == "unmapped"]
    for row in truth["unmapped"]:
        assert (norm(row["section"]), norm(row["label"]), norm(row["text"])) in unmapped


def test_no_field_row_is_dropped(case):
    truth, report = case
    assert sorted(v.field for v in report.values if v.field) == sorted(truth["fields"])


def test_every_word_is_accounted_for(case):
    _, report = case
    cov = report.coverage
    assert cov.words_total > 300
    assert cov.unplaced == [] and cov.words_placed == cov.words_total
    # counted from the rows written: every placed word is in exactly one part of the output
    assert sum(cov.by_part.values()) == cov.words_total
    assert cov.by_part["mapped_rows"] > 200 and cov.by_part["title"] > 5
    assert "coverage_mismatch" not in [w.code for w in report.warnings]


def test_values_carry_provenance(case):
    _, report = case
    for v in report.values:
        if v.status in ("ok", "no_data", "unmapped", "invalid"):
            assert v.page and v.bbox and v.fragments, v.field
            x0, top, x1, bottom = v.bbox
            assert x0 < x1 and top < bottom
            assert all(f.page >= v.page for f in v.fragments)
