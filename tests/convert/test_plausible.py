"""Huge and implausible numbers (issue 22, items 4-5): each breach is `invalid` with its reason or `ok` with
a warning, by checks declared in the codebook (corrections: tests/run/test_corrections_validated.py)."""
import copy
import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from pipeline.run.batch import run_batch
from pipeline.core.codebook import load_codebook
from pipeline.convert.extract.title import parse_title
from pipeline.convert.lexicon import default_lexicon
from pipeline.convert.normalize import MAX_DIGITS, RuleError, parse_count, parse_decimal, parse_money, parse_year
from pipeline.convert.process import build_report
from pipeline.convert.validate import validate
from pipeline.tools.evaluate import evaluate_rows
from pipeline.core.models import FieldValue

from tests.support import FIXTURES, FIXTURES_MORE, FIXTURES_RU, FIXTURES_TAGGED, load_truth, render, report_rows, truth_files
from tests.convert.test_process import doc, table
from tests.convert.extract.test_title import CB, line

LEX = default_lexicon()
KAZ = "kazakhstan_en_2019.docx"


def grouped(digits: str) -> str:
    """Digits in groups of three, as a profile prints a count (so that the lines of a wrapped cell join)."""
    head = len(digits) % 3 or 3
    return " ".join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


# ---- 4. a number of thousands of digits is one invalid value --------------------------------------------

@given(st.integers(min_value=1, max_value=MAX_DIGITS))
def test_a_count_of_up_to_max_digits_is_read(n):
    digits = "7" * n
    assert parse_count(digits)[0] == int(digits) and parse_count(grouped(digits))[0] == int(digits)


@given(st.integers(min_value=MAX_DIGITS + 1, max_value=6000), st.booleans())
def test_a_longer_number_is_refused_by_the_parsers_with_its_reason(n, groups):
    text = grouped("9" * n) if groups else "9" * n
    for parse in (parse_count, parse_decimal, lambda t: parse_money(f"{t} KZT", LEX, "KZT")):
        with pytest.raises(RuleError) as e:
            parse(text)
        assert e.value.code == "too_many_digits" and f"{n:,} digits" in str(e.value)
    with pytest.raises(RuleError, match="too_many_digits|digits"):
        parse_decimal(f"{text}.5")


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """draw(name, **cells): the Kazakhstan 2019 record drawn with some cells printed as given."""
    root = tmp_path_factory.mktemp("drawn")

    def draw(folder: str, name: str, **cells) -> Path:
        truth = copy.deepcopy(load_truth(FIXTURES / f"{KAZ}.truth.json"))
        for fid, text in cells.items():
            truth["fields"][fid].update(text=text, status="as printed")  # drawn as given, not regrouped
        path = root / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        render.render(truth, render.Layout(), path)
        return path
    return draw


def test_a_count_or_amount_of_4302_digits_leaves_every_other_field_as_it_was(drawn, tmp_path):
    huge = grouped("9" * 4302)
    pdf = drawn("huge", f"{KAZ}.pdf", judgments_international=huge, investigative_body_budget=f"{huge} KZT")
    result = run_batch(pdf.parent, tmp_path / "out", workers=1)
    assert not result.failures
    (report,) = result.reports
    for fid in ("judgments_international", "investigative_body_budget"):
        v = report.field(fid)
        assert v.status == "invalid" and v.error.startswith("too_many_digits: ")
        assert re.search(r"has [\d,]{5,} digits: more than any figure a profile prints", v.error)  # (a page may cut it)
    truth = load_truth(FIXTURES / f"{KAZ}.truth.json")
    for fid in ("judgments_international", "investigative_body_budget"):
        del truth["fields"][fid]
    score = evaluate_rows(report_rows(report), truth)
    assert (score.fields_ok, score.fields_total) == (30, 30)


# ---- 5. implausible values, each with its check from the codebook ----------------------------------------

def facts(**cells):
    """A report of the Kazakhstan title block and facts-box rows printed as given."""
    labels = {"population_million": "Population", "prison_population": "Prison population (convicted)",
              "pretrial_detention": "In pre-trial detention", "detained": "Detained",
              "law_enforcement_budget": "Law enforcement budget"}
    rows = [table(labels[k], v, top=100 + 20 * i).model_copy(update={"kind": "facts", "section": ""})
            for i, (k, v) in enumerate(cells.items()) if k in labels]
    rows += [table(label, v, top=400 + 20 * i) for i, (label, v) in
             enumerate((("Number of investigators", cells.get("investigators_count")),
                        ("Budget", cells.get("investigative_body_budget")))) if v]
    return build_report(doc(*rows), "kazakhstan_profile.pdf")


def warned(v) -> dict[str, str]:
    return {w.code: w.message for w in v.warnings}


def test_a_prison_population_larger_than_the_country_is_invalid_and_one_too_large_a_share_warns():
    r = facts(population_million="0.5 million", prison_population="9 999 999", pretrial_detention="5 288")
    prison = r.field("prison_population")
    assert prison.status == "invalid" and prison.error == (
        "prison population 9999999 is more than the whole population (500000)")
    assert set(warned(prison)) == {"exceeds_population"}  # said once, by the check that fails it
    pretrial = r.field("pretrial_detention")  # 1.06% of the population; the invalid prison count is no limit
    assert pretrial.status == "ok" and set(warned(pretrial)) == {"exceeds_population_share"}
    r = facts(population_million="18.28 million", prison_population="500 000")
    assert r.field("prison_population").status == "ok"
    assert warned(r.field("prison_population")) == {"exceeds_population_share": (
        "prison population 500000 is more than 2% of the population (365600); no country imprisons that many")}


def test_nine_million_investigators_warn_twice_over():
    r = facts(population_million="18.28 million", investigators_count="9 000 000")
    v = r.field("investigators_count")
    assert v.status == "ok" and set(warned(v)) == {"exceeds_population_share", "implausible_count"}
    assert "outside the staff of any investigating body (0 to 100000)" in warned(v)["implausible_count"]


@pytest.mark.parametrize("text,status,code", [
    ("1 000 000 000 000 000 000 000 000 000 000 KZT", "invalid", "out_of_range"),
    ("0.0001 KZT", "invalid", "out_of_range"),
    ("500 KZT", "ok", "implausible_budget"),
    ("417 611 910 KZT", "ok", None),
])
def test_budgets_out_of_any_range_are_invalid_and_unlikely_ones_warn(text, status, code):
    v = facts(law_enforcement_budget=text).field("law_enforcement_budget")
    assert v.status == status and (set(warned(v)) == ({code} if code else set()))


@pytest.mark.parametrize("text,status,code", [("1 999 million", "invalid", "out_of_range"),
                                              ("650 million", "ok", "implausible_population"),
                                              ("18.28 million", "ok", None)])
def test_a_population_no_country_has_is_invalid_and_one_no_osce_state_has_warns(text, status, code):
    v = facts(population_million=text).field("population_million")
    assert v.status == status and (set(warned(v)) == ({code} if code else set()))


def title_year(text: str):
    block = parse_title([line("Country profile", 50, 12), line("Republic of Kazakhstan", 70, 22),
                         line("Index on Torture — --3.04", 100, 14), line(f"Facts and Assessments. {text}", 120, 12),
                         line("Population - 6.39", 300, 10)], CB, 10.0, 1.08)
    return next(" ".join(r.value.lines) for r in block.rows if r.key == "year")


@pytest.mark.parametrize("text", ["2019", "1899", "2019/2020", "2099"])
def test_the_year_line_gives_whatever_follows_its_opening_words(text):
    assert title_year(text) == text


@pytest.mark.parametrize("text,status,words", [
    ("1899", "invalid", "year 1899 is out of range: input should be greater than or equal to 2000"),
    ("2019/2020", "invalid", "'2019/2020' names 2 years (2019, 2020), not the one year"),
    ("2099", "ok", "year 2099 is outside the years the index covers"),
])
def test_a_year_out_of_range_or_two_years_say_why(text, status, words):
    title = doc().rows
    title[2] = title[2].model_copy(update={"value": table("x", text).value})
    r = build_report(doc().model_copy(update={"rows": title}), "profile.pdf")  # no year in the file name
    v = r.field("year")
    assert v.status == status and words in (v.error if status == "invalid" else " ".join(warned(v).values()))


@pytest.mark.parametrize("text,year", [("2019", 2019), ("2019.", 2019), ("1899", 1899), ("2019-2019", 2019)])
def test_parse_year_reads_one_year(text, year):
    assert parse_year(text) == year


def test_every_check_is_codebook_data():
    codebook = load_codebook()
    codes = {c.code for c in codebook.consistency} | {f.plausible.code for f in codebook.fields if f.plausible}
    assert {"exceeds_population", "exceeds_population_share", "pretrial_exceeds_prison", "implausible_count",
            "implausible_budget", "implausible_population", "implausible_year"} <= codes
    money = [f for f in codebook.fields if f.type == "money"]
    assert money and all(f.bounds and f.plausible for f in money)


def test_the_dev_sets_hold_nothing_implausible():
    """Every number of every truth record passes every check: the ranges fit real profiles."""
    for path in truth_files(FIXTURES, FIXTURES_RU, FIXTURES_MORE, FIXTURES_TAGGED):
        truth = load_truth(path)
        values = [FieldValue(field=fid, value=want["value"], status="ok") for fid, want in truth["fields"].items()
                  if want["status"] == "ok" and isinstance(want["value"], (int, float))]
        assert [f.issue for f in validate(values, truth["source"], LEX)] == [], truth["source"]
