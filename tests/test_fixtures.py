"""Every fixture profile comes out exactly as its ground truth (status, value, unit, answer, text)."""
import math
import unicodedata

import pytest

from pipeline.convert.process import process_pdf

from conftest import FIXTURES, load_truth, truth_files

NUMERIC = {"int", "float", "money"}


def norm(text) -> str:
    text = unicodedata.normalize("NFKC", str(text or ""))
    text = text.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                                         "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2011": "-"}))
    return " ".join(text.split())


@pytest.fixture(scope="module", params=truth_files(), ids=lambda p: p.name.split(".")[0])
def case(request):
    truth = load_truth(request.param)
    return truth, process_pdf(FIXTURES / truth["source"])


def test_report_identity(case):
    truth, report = case
    assert (report.country, report.iso3, report.year, report.template) == \
        (truth["country"], truth["iso3"], truth["year"], truth["template"])


def test_every_field_matches_truth(case):
    from pipeline.codebook import default_codebook
    truth, report = case
    types = {f.id: f.type for f in default_codebook().fields}
    wrong = []
    for fid, want in truth["fields"].items():
        got = report.field(fid)
        assert got is not None, f"{fid}: no row"
        if got.status != want["status"]:
            wrong.append(f"{fid}: status {got.status} != {want['status']} ({got.text!r})")
            continue
        if want["status"] != "ok":
            continue
        if types[fid] in NUMERIC or fid == "year":
            if not math.isclose(float(got.value), float(want["value"]), rel_tol=1e-12):
                wrong.append(f"{fid}: value {got.value!r} != {want['value']!r}")
        elif fid == "country":
            if got.value != want["value"]:
                wrong.append(f"{fid}: value {got.value!r} != {want['value']!r}")
        elif norm(got.text) != norm(want["text"]):
            wrong.append(f"{fid}: text {got.text!r} != {want['text']!r}")
        if want["unit"] and got.unit != want["unit"]:
            wrong.append(f"{fid}: unit {got.unit!r} != {want['unit']!r}")
        if want["answer"] and got.answer != want["answer"]:
            wrong.append(f"{fid}: answer {got.answer!r} != {want['answer']!r}")
    assert not wrong, "\n".join(wrong)


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
