"""Each normalization rule: examples from the profiles, and properties on generated input."""
import pytest
from hypothesis import given, strategies as st

from pipeline.core.codebook import DEFAULT_PARSER, FieldSpec, Parser
from pipeline.convert.lexicon import default_lexicon
from pipeline.convert.normalize import (
    RuleError, country_from_name, currency_code, leading_verdict, no_data_form,
    PARSERS, normalize_value, parse_count, parse_decimal, parse_money, parse_population_million, parse_signed,
    parse_year, split_multiplier, strip_score_separator,
)

LEX = default_lexicon()


def spec(field_id: str, field_type: str) -> FieldSpec:
    """The codebook's entry for a field, checked to be of the type the test means."""
    found = LEX.spec(field_id)
    assert found.type == field_type
    return found
SEPARATORS = [" ", "\u00a0", "\u202f", ","]


# --- no data --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["No data", "no data", "n/a", "N/A", "Not available", "no published data",
                                  "No data.", " NO  DATA "])
def test_no_data_forms(text):
    assert no_data_form(text, LEX.no_data) is not None


@pytest.mark.parametrize("text", ["No", "No. Such investigations", "0", "None", "data"])
def test_not_no_data(text):
    assert no_data_form(text, LEX.no_data) is None


# --- counts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("23 635", 23635), ("23\u00a0635", 23635), ("1\u202f244\u202f928\u202f818", 1244928818),
    ("5,914", 5914), ("1.307", 1307), ("86", 86), ("0", 0), ("449 898", 449898),
])
def test_parse_count(text, value):
    assert parse_count(text)[0] == value


@pytest.mark.parametrize("text", ["About 7", "12.5", "1 23", "1,23", "7 cases", "", "1 234,567"])
def test_parse_count_rejects(text):
    with pytest.raises(RuleError):
        parse_count(text)


@given(st.integers(min_value=0, max_value=10**13), st.sampled_from(SEPARATORS))
def test_count_roundtrip_any_separator(n, sep):
    printed = f"{n:,}".replace(",", sep)
    value, rules = parse_count(printed)
    assert value == n
    assert (n >= 1000) == bool(rules)


@given(st.text(max_size=20))
def test_count_never_crashes(text):
    try:
        value, _ = parse_count(text)
    except RuleError:
        return
    assert isinstance(value, int) and value >= 0


# --- decimals, scores -----------------------------------------------------------------------

@pytest.mark.parametrize("text,value,rule", [
    ("--3.04", -3.04, "double_hyphen_minus"), ("\u2212" + "94.2", -94.2, "unicode_minus"),
    ("\u2014-40.5", -40.5, "hyphen_minus"), ("107,83", 107.83, "decimal_comma"), ("93.77", 93.77, None),
    ("\u2013 3.5", -3.5, "en_dash_minus"), ("0.81", 0.81, None), ("-0", -0.0, "hyphen_minus"),
])
def test_parse_signed(text, value, rule):
    got, rules = parse_signed(text)
    assert got == value
    if rule:
        assert rule in rules


def test_glued_em_dash_is_a_separator_not_a_sign():
    assert strip_score_separator("\u201493.77") == ("93.77", ["score_separator_removed"])
    assert parse_signed("\u201493.77")[0] == 93.77


@given(st.decimals(min_value=-500, max_value=500, places=2, allow_nan=False),
       st.sampled_from(["-", "--", "\u2212", "\u2013"]), st.booleans())
def test_score_sign_forms(d, minus, comma):
    text = f"{abs(d):.2f}"
    if comma:
        text = text.replace(".", ",")
    if d < 0:
        text = minus + text
    assert parse_signed(text)[0] == pytest.approx(float(d))


def test_parse_decimal_comma_with_three_digits_is_a_group():
    assert parse_decimal("5,914")[0] == 5914.0


# --- units, money -----------------------------------------------------------------------------

def test_population_million():
    assert parse_population_million("18.28 million", LEX.multipliers)[:2] == (18.28, "million")
    assert parse_population_million("2,96", LEX.multipliers)[0] == 2.96
    value, unit, rules = parse_population_million("18 280 000", LEX.multipliers)
    assert (value, unit) == (18.28, "million") and "scaled_to_million" in rules


def test_split_multiplier():
    assert split_multiplier("417.6 million", LEX.multipliers) == ("417.6", 1_000_000, ["multiplier:million"])
    assert split_multiplier("417.6", LEX.multipliers) == ("417.6", 1, [])


@pytest.mark.parametrize("text,home,amount,code", [
    ("417 611 910 KZT", "KZT", 417611910, "KZT"),
    ("417 611 910 tenge", "KZT", 417611910, "KZT"),
    ("56 370 392 833 drams", "AMD", 56370392833, "AMD"),
    ("2,101,562,223 lei", "MDL", 2101562223, "MDL"),
    ("417.6 million KZT", "KZT", 417600000, "KZT"),
    ("KZT 417 611 910", "KZT", 417611910, "KZT"),
    ("1 428 800 085 somoni", "TJS", 1428800085, "TJS"),
    ("5 000 rubles", "BYN", 5000, "BYN"),
    ("5 000 rubles", "RUB", 5000, "RUB"),
])
def test_parse_money(text, home, amount, code):
    got, unit, _ = parse_money(text, LEX, home)
    assert (got, unit) == (amount, code)


def test_money_without_currency_is_an_error():
    with pytest.raises(RuleError) as e:
        parse_money("417 611 910", LEX, "KZT")
    assert e.value.code == "no_currency"


def test_currency_name_shared_by_two_currencies_needs_the_country():
    with pytest.raises(RuleError) as e:
        currency_code("rubles", LEX, None)
    assert e.value.code == "ambiguous_currency"


@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(SEPARATORS),
       st.sampled_from([("KZT", "KZT"), ("tenge", "KZT"), ("drams", "AMD"), ("lei", "MDL"), ("UAH", "UAH")]))
def test_money_roundtrip(n, sep, currency):
    name, code = currency
    amount, unit, _ = parse_money(f"{n:,}".replace(",", sep) + f" {name}", LEX, None)
    assert (amount, unit) == (n, code)


# --- verdicts, names, years -------------------------------------------------------------------

@pytest.mark.parametrize("text,answer", [
    ("Yes, but the definition does not include", "yes"), ("No. Such investigations", "no"),
    ("Partially. Required", "partial"), ("Partial.", "partial"), ("None. Investigators", "none"),
    ("High. Established", "high"), ("Medium. Regional", "medium"), ("Low.", "low"),
    ("Unsatisfactory", "unsatisfactory"), ("The NPM operates", None), ("Nobody knows", None),
])
def test_leading_verdict(text, answer):
    assert leading_verdict(text, LEX) == answer


@pytest.mark.parametrize("text,name,iso3", [
    ("Republic of Kazakhstan", "Kazakhstan", "KAZ"), ("Kyrgyz Republic", "Kyrgyzstan", "KGZ"),
    ("Russian Federation", "Russia", "RUS"), ("Republic of Moldova", "Moldova", "MDA"),
    ("Ukraine", "Ukraine", "UKR"), ("Republic of Poland", "Poland", "POL"),
])
def test_country_from_name(text, name, iso3):
    assert country_from_name(text, LEX) == (name, iso3)


def test_unknown_country():
    with pytest.raises(RuleError):
        country_from_name("Atlantis", LEX)


def test_parse_year():
    assert parse_year("2019") == 2019
    with pytest.raises(RuleError):
        parse_year("nineteen")


# --- the stage ---------------------------------------------------------------------------------

def test_no_data_status_for_any_type():
    out = normalize_value(spec("prison_population", "int"), "Not available", LEX)
    assert (out.status, out.value) == ("no_data", None)


def test_unreadable_count_is_invalid_with_reason():
    out = normalize_value(spec("investigators_count", "int"), "about a hundred", LEX)
    assert out.status == "invalid" and out.value is None and "not_a_count" in out.error


def test_assessment_without_verdict_warns():
    out = normalize_value(spec("video_surveillance", "assessment"), "Cameras in some stations", LEX)
    assert out.status == "ok" and out.answer is None and out.warnings[0][0] == "no_verdict"


@given(st.text(max_size=40), st.sampled_from(sorted(PARSERS)))
def test_every_parser_never_raises(text, parser):
    out = normalize_value(FieldSpec(id="some_field", type="text", parser=parser, labels={"en": ["x"]}), text, LEX, "KZT")
    assert out.status in {"ok", "no_data", "invalid"}
    assert (out.status == "invalid") == (out.error is not None)


@given(st.decimals(min_value="0.01", max_value="999.99", places=2), st.sampled_from(["million", "billion"]))
def test_money_multiplier_is_exact(d, word):
    amount, _, _ = parse_money(f"{d} {word} KZT", LEX, "KZT")
    factor = 10**6 if word == "million" else 10**9
    assert amount == int(d * factor)


@pytest.mark.parametrize("text,value", [("2,884.4", 2884.4), ("2.884,4", 2884.4), ("1 851.8", 1851.8),
                                        ("12,5", 12.5), ("1,234,567.25", 1234567.25)])
def test_decimal_with_thousands_groups(text, value):
    assert parse_decimal(text)[0] == value


def test_money_in_millions_with_grouped_amount():
    assert parse_money("2,884.4 million lei", LEX, "MDL")[:2] == (2884400000, "MDL")


@given(st.integers(min_value=1000, max_value=10**9), st.integers(min_value=0, max_value=9),
       st.sampled_from([(",", "."), (".", ","), (" ", "."), (" ", ",")]))
def test_grouped_decimal_roundtrip(whole, tenth, marks):
    group, point = marks
    assert parse_decimal(f"{whole:,}".replace(",", group) + f"{point}{tenth}")[0] == pytest.approx(whole + tenth / 10)


@pytest.mark.parametrize("label,unit,rule", [
    ("Law enforcement budget (KZT)", "KZT", "currency_from_label:KZT"),
    ("Budget, tenge", "KZT", "currency_from_label:tenge"),
    ("Budget sum total", "KZT", "currency_assumed:KZT"),
])
def test_money_printed_without_currency(label, unit, rule):
    out = normalize_value(spec("investigative_body_budget", "money"), "417 611 910", LEX, "KZT", label)
    assert (out.status, out.value, out.unit) == ("ok", 417611910, unit) and rule in out.rules
    assert bool(out.warnings) == rule.startswith("currency_assumed")


def test_money_without_any_currency_is_invalid():
    out = normalize_value(spec("investigative_body_budget", "money"), "417 611 910", LEX, None, "Budget")
    assert out.status == "invalid" and "no_currency" in out.error


def test_every_parser_the_codebook_may_name_exists():
    assert set(PARSERS) == set(Parser.__args__)
    assert set(DEFAULT_PARSER.values()) <= set(PARSERS)


def test_the_codebook_type_decides_the_parser():
    """A field's declared parser is what runs: a text field reading a count keeps the digits as text."""
    as_text = FieldSpec(id="x", type="text", labels={"en": ["x"]})
    as_count = FieldSpec(id="x", type="int", labels={"en": ["x"]})
    assert normalize_value(as_text, "23 635", LEX).value == "23 635"
    assert normalize_value(as_count, "23 635", LEX).value == 23635


def test_a_country_name_is_never_read_as_no_data():
    out = normalize_value(LEX.spec("country"), "Unknown", LEX)
    assert out.status == "invalid" and out.error.startswith("unknown_country")


# --- Russian typography and wordings --------------------------------------------------------------

@pytest.mark.parametrize("text,value,rules", [
    ("18,28 млн", 18.28, ["multiplier:млн", "decimal_comma"]),
    ("9,35 млн человек", 9.35, ["multiplier:млн", "unit_word_dropped:человек", "decimal_comma"]),
    ("146,75 млн.", 146.75, ["multiplier:млн.", "decimal_comma"]),
    ("9.35 million people", 9.35, ["multiplier:million", "unit_word_dropped:people"]),
])
def test_population_in_russian_and_with_a_unit_noun(text, value, rules):
    assert parse_population_million(text, LEX.multipliers, LEX.population_nouns) == (value, "million", rules)


@pytest.mark.parametrize("text,home,amount,code", [
    ("417 611 910 тенге", None, 417611910, "KZT"),
    ("2\u00a0197\u00a0506\u00a0736\u00a0341 руб.", "RUB", 2197506736341, "RUB"),
    ("1\u202f447\u202f534\u202f562 белорусских рублей", "BYN", 1447534562, "BYN"),
    ("1 447 534 562 белорусских рублей", None, 1447534562, "BYN"),  # the adjective names the currency
    ("6 801 096 192 сом", None, 6801096192, "KGS"),
    ("417,6 млн тенге", None, 417600000, "KZT"),
    ("56 370 392 833 драмов", None, 56370392833, "AMD"),
    ("2 000 000 леев", None, 2000000, "MDL"),
    ("1 000 гривен", None, 1000, "UAH"),
])
def test_russian_money(text, home, amount, code):
    got, unit, _ = parse_money(text, LEX, home)
    assert (got, unit) == (amount, code)


def test_rubles_alone_need_the_country():
    assert parse_money("16 279 507 рублей", LEX, "RUB")[1] == "RUB"
    assert parse_money("16 279 507 рублей", LEX, "BYN")[1] == "BYN"
    with pytest.raises(RuleError, match="could be"):
        parse_money("16 279 507 рублей", LEX, None)


@pytest.mark.parametrize("text,answer", [
    ("Да", "yes"), ("Нет. Адвокат уведомляется позже", "no"), ("Частично.", "partial"),
    ("Частичная. Экспертизы проводятся поздно", "partial"), ("Отсутствует.", "none"), ("Высокий.", "high"),
    ("Высокая: до 9 дел", "high"), ("Средний", "medium"), ("Низкое. Редко", "low"), ("Низкая", "low"),
    ("Удовлетворительно", "satisfactory"), ("Неудовлетворительно.", "unsatisfactory"),
    ("Не только дела о пытках", None),
])
def test_russian_verdicts_in_any_form(text, answer):
    assert leading_verdict(text, LEX) == answer


def test_english_verdicts_are_the_words_listed():
    """English does not inflect its verdict words: 'Highly' is not 'high'."""
    assert leading_verdict("Highly centralised", LEX) is None
    assert leading_verdict("Partly", LEX) == "partial"


@pytest.mark.parametrize("text", ["Нет данных", "нет данных", "Н/д", "Данные не опубликованы", "Данные отсутствуют"])
def test_russian_no_data_forms(text):
    assert no_data_form(text, LEX.no_data) is not None


@pytest.mark.parametrize("text,value", [("— −3,04", -3.04), ("−27,97", -27.97), ("−92,8", -92.8), ("34,75", 34.75)])
def test_russian_scores(text, value):
    got, _ = parse_signed(text)
    assert got == value


@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from([" ", "\u00a0", "\u202f"]),
       st.sampled_from(["тенге", "сом", "драмов", "леев"]))
def test_russian_money_property(n, sep, name):
    amount, _, _ = parse_money(f"{n:,}".replace(",", sep) + f" {name}", LEX, None)
    assert amount == n
