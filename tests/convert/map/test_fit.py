"""Whether a cell's text is of a field's type (map/fit.py)."""
from pipeline.convert.lexicon import default_lexicon
from pipeline.convert.map.fit import unreadable, value_fit

LEX = default_lexicon()
BUDGET, CASES, COVERAGE = (LEX.spec(f) for f in ("investigative_body_budget", "criminal_cases_initiated",
                                                 "investigative_body_coverage"))


def test_value_fit_reads_a_field_s_type():
    assert value_fit("3 341 081 somoni", BUDGET, LEX) == 1
    assert value_fit("23 635", CASES, LEX) == 1
    assert value_fit("Yes. In article 146", CASES, LEX) == -1
    assert value_fit("No data", BUDGET, LEX) == 0
    # a figure among words no parser reads says nothing either way
    assert value_fit("16 regions No data", BUDGET, LEX) == 0


def test_unreadable_is_text_a_typed_field_s_parser_cannot_read_at_all():
    assert unreadable("16 regions No data", BUDGET, LEX)
    assert not unreadable("3 341 081 somoni", BUDGET, LEX)
    assert not unreadable("No data", BUDGET, LEX)  # a no-data form is read
    assert not unreadable("", BUDGET, LEX)
    assert not unreadable("16 regions No data", COVERAGE, LEX)  # an assessment reads any text
