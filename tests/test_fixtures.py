"""Every fixture profile comes out exactly as its ground truth (status, value, unit, answer, text),
as pipeline.evaluate scores it."""
import pytest

from pipeline.convert.process import process_pdf
from pipeline.evaluate import NUMERIC_FIELDS, evaluate_rows, norm

from conftest import FIXTURES, FIXTURES_MORE, FIXTURES_RU, FIXTURES_TAGGED, load_truth, report_rows, truth_files


@pytest.fixture(scope="module", params=truth_files(FIXTURES, FIXTURES_RU, FIXTURES_MORE, FIXTURES_TAGGED), ids=lambda p: p.name.split(".")[0])
def case(request):
    truth = load_truth(request.param)
    return truth, process_pdf(request.param.parent / truth["source"])


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
    """pipeline.evaluate compares as numbers the codebook's numeric fields, which are the fields the
    reference scorer lists (tests/reference_evaluate.py)."""
    import reference_evaluate

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
