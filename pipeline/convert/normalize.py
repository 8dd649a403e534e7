"""Normalization rules: each a named, pure function of the cell text; each records what it did.

A rule returns its result and the names of the rules applied (they go into the value's
provenance); a text it cannot read raises RuleError with a code and a message.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

import regex

from ..core.text import DASHES, collapse_ws, fold

if TYPE_CHECKING:
    from ..core.codebook import FieldSpec
    from ..core.models import MappedRow
    from .lexicon import Lexicon

# Group separators seen in counts: space, no-break space, narrow no-break space, thin space,
# comma, dot, apostrophe.
GROUP_SEPARATORS = " \u00a0\u202f\u2009,.'\u2019"
_SEP = f"[{regex.escape(GROUP_SEPARATORS)}]"
_GROUPED = regex.compile(rf"^\d{{1,3}}(?:{_SEP}\d{{3}})+$")
_PLAIN = regex.compile(r"^\d+$")
_DECIMAL = regex.compile(r"^(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})*|\d+)(?:([.,])(\d+))?$")
_COMMA_GROUPS_DOT = regex.compile(r"^\d{1,3}(?:,\d{3})+\.\d+$")
_DOT_GROUPS_COMMA = regex.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$")
_SIGN = regex.compile(f"^([{regex.escape(DASHES)}]+)\\s*")
_FIRST_WORD = regex.compile(r"\s*(\p{L}+)")
_NUMBER_IN = regex.compile(rf"[{regex.escape(DASHES)}]*\d[\d{regex.escape(GROUP_SEPARATORS)}]*")


class RuleError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass
class Normalized:
    value: int | float | str | None = None
    unit: str | None = None
    answer: str | None = None
    status: str = "ok"
    rules: list[str] = field(default_factory=list)
    error: str | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)


# --- text -----------------------------------------------------------------------------

def no_data_form(text: str, forms: list[tuple[str, str]]) -> str | None:
    """The codebook's "no data" wording the text is, if any ("No data", "n/a", "Not available").
    `forms`: (folded, as written) pairs, as the lexicon holds them."""
    key = fold(text).strip()
    return next((form for folded, form in forms if key == folded), None)


# --- numbers ----------------------------------------------------------------------------

# A run of more digits than this is not read as a number at all: far more than any figure a profile prints
# (a budget in the weakest currency has some 15 digits; whether a figure is plausible is the codebook's
# bounds' to say) and far fewer than Python's limit on converting digits to an int (4,300), whose
# ValueError no rule expects, or than a float can hold (308).
MAX_DIGITS = 100


def check_digits(text: str, digits: str) -> None:
    """Refuse a number of more than MAX_DIGITS digits (RuleError too_many_digits): `digits` are its digits."""
    if len(digits) > MAX_DIGITS:
        shown = text if len(text) <= 40 else f"{text[:20]}…{text[-8:]}"
        raise RuleError("too_many_digits", f"{shown!r} has {len(digits):,} digits: more than any figure a profile "
                                           f"prints (at most {MAX_DIGITS} are read as a number)")


def parse_count(text: str) -> tuple[int, list[str]]:
    """A whole count, with thousands groups split by any separator or across lines ("23 635")."""
    s = collapse_ws(text).rstrip(".")
    if _PLAIN.match(s):
        check_digits(text, s)
        return int(s), []
    if _GROUPED.match(s):
        seps = {c for c in s if not c.isdigit()}
        names = {" ": "space", "\u00a0": "nbsp", "\u202f": "nnbsp", "\u2009": "thin_space",
                 ",": "comma", ".": "dot", "'": "apostrophe", "\u2019": "apostrophe"}
        if len(seps) > 1:
            raise RuleError("mixed_separators", f"count {text!r} mixes group separators")
        digits = regex.sub(r"\D", "", s)
        check_digits(text, digits)
        return int(digits), [f"thousands_groups_joined:{names[seps.pop()]}"]
    raise RuleError("not_a_count", f"{text!r} is not a whole number")


def parse_decimal(text: str) -> tuple[float, list[str]]:
    """An unsigned decimal number, with a decimal point or a decimal comma ("107,83")."""
    s = collapse_ws(text)
    rules: list[str] = []
    if _COMMA_GROUPS_DOT.match(s):  # "2,884.4": comma groups before a decimal point
        s, rules = s.replace(",", ""), ["thousands_groups_joined:comma"]
    elif _DOT_GROUPS_COMMA.match(s):  # "2.884,4": dot groups before a decimal comma
        s, rules = s.replace(".", ""), ["thousands_groups_joined:dot"]
    m = _DECIMAL.match(s)
    if not m:
        raise RuleError("not_a_number", f"{text!r} is not a number")
    whole, mark, frac = m.group(1), m.group(2), m.group(3)
    if regex.search(r"\D", whole):
        rules.append("thousands_groups_joined")
    whole = regex.sub(r"\D", "", whole)
    check_digits(text, whole + (frac or ""))
    if mark == "," and len(frac) == 3 and not rules:
        # "5,914" is a count with a comma separator, not 5.914
        return float(whole + frac), rules + ["thousands_groups_joined:comma"]
    if mark == ",":
        rules.append("decimal_comma")
    return float(f"{whole}.{frac}" if frac else whole), rules


def strip_score_separator(text: str) -> tuple[str, list[str]]:
    """Drop the dash that separates the index title from its score when it is glued to
    the score: an em dash ("—-40.5", "—93.77"). A free-standing separator never reaches here."""
    s = collapse_ws(text)
    if s.startswith("\u2014") and len(s) > 1:
        return s[1:].lstrip(), ["score_separator_removed"]
    return s, []


def parse_signed(text: str) -> tuple[float, list[str]]:
    """A signed decimal: any dash or minus form before the digits makes it negative
    ("--3.04", "−94.2", "‐3", "– 3.1")."""
    s, rules = strip_score_separator(text)
    m = _SIGN.match(s)
    sign = 1.0
    if m:
        mark = m.group(1)
        sign = -1.0
        rules.append({"--": "double_hyphen_minus", "-": "hyphen_minus", "\u2212": "unicode_minus",
                      "\u2013": "en_dash_minus"}.get(mark, "dash_minus"))
        s = s[m.end():]
    value, more = parse_decimal(s)
    return sign * value, rules + more


def multiplier(word: str, multipliers: dict[str, int]) -> int | None:
    """The factor a word after a number stands for ("million", «млн.»), from the codebook's table."""
    return multipliers.get(word.casefold().rstrip("."))


def split_multiplier(text: str, multipliers: dict[str, int]) -> tuple[str, int, list[str]]:
    """'417.6 million' -> ('417.6', 1000000)."""
    words = collapse_ws(text).split(" ")
    factor = multiplier(words[-1], multipliers) if len(words) >= 2 else None
    if factor:
        return " ".join(words[:-1]), factor, [f"multiplier:{words[-1]}"]
    return collapse_ws(text), 1, []


def parse_population_million(text: str, multipliers: dict[str, int], nouns: frozenset[str] = frozenset()
                             ) -> tuple[float, str, list[str]]:
    """Population in millions: '18.28 million', «18,28 млн», «9,35 млн человек», or a head count
    scaled to millions. `nouns`: words naming what is counted ("people", «человек»), case-folded."""
    words = collapse_ws(text).split(" ")
    rules = []
    while len(words) >= 2 and words[-1].casefold().rstrip(".") in nouns:
        rules.append(f"unit_word_dropped:{words.pop()}")
    number, mult, more = split_multiplier(" ".join(words), multipliers)
    rules = more + rules
    value, more = parse_decimal(number)
    rules += more
    if mult == 1 and value >= 10_000:
        return value / 1_000_000, "million", rules + ["scaled_to_million"]
    if mult not in (1, 1_000_000):
        value = value * mult / 1_000_000
        rules.append("scaled_to_million")
    return value, "million", rules


def currency_code(name: str, lexicon: Lexicon, home: str | None) -> tuple[str, list[str]]:
    """A currency name or symbol to its ISO 4217 code (tenge -> KZT), in any grammatical form
    («рублей», «рубля»); a name shared by several currencies (rubles) resolves to the profile
    country's own currency."""
    key = fold(name) or name.strip()
    hits = [code for code, names in lexicon.currency_names.items() if key in names]
    if not hits:
        hits = sorted(lexicon.currency_stems.get(lexicon.analyzer.stems(name), ()))
    if not hits and regex.fullmatch(r"[A-Z]{3}", name.strip()):
        return name.strip(), ["currency_code_unlisted"]
    if not hits:
        raise RuleError("unknown_currency", f"unknown currency {name!r}")
    if len(hits) > 1:
        if home in hits:
            return home, [f"currency_name:{name}->{home}:by_country"]
        raise RuleError("ambiguous_currency", f"currency {name!r} could be {', '.join(hits)}")
    code = hits[0]
    return code, ([] if code == name.strip() else [f"currency_name:{name}->{code}"])


def parse_money(text: str, lexicon: Lexicon, home: str | None) -> tuple[float | int, str, list[str]]:
    """'417 611 910 KZT', '56 370 392 833 drams', 'KZT 417.6 million', '2,101,562,223 lei'."""
    s = collapse_ws(text)
    m = _NUMBER_IN.search(s)
    if not m:
        raise RuleError("not_money", f"{text!r} has no amount")
    before, number, after = s[:m.start()].strip(), m.group(0).strip(" ,.'\u2019"), s[m.end():].strip()
    words, mult, rules = after.split(" ") if after else [], 1, []
    factor = multiplier(words[0], lexicon.multipliers) if words else None
    if factor:
        mult = factor
        rules.append(f"multiplier:{words[0]}")
        words = words[1:]
    name = before or " ".join(words)
    if not name:
        raise RuleError("no_currency", f"{text!r} names no currency")
    code, crules = currency_code(name, lexicon, home)
    try:
        amount: float | int
        amount, nrules = parse_count(number)
    except RuleError:
        amount, nrules = parse_decimal(number)
    # Decimal, so that 1.1 million is 1100000 and not 1100000.0000000002
    amount = float(Decimal(repr(amount)) * mult) if isinstance(amount, float) else amount * mult
    if isinstance(amount, float) and amount.is_integer():
        amount = int(amount)
    return amount, code, nrules + rules + crules


# --- verdicts and names ------------------------------------------------------------------

def leading_verdict(text: str, lexicon: Lexicon) -> str | None:
    """The verdict an assessment opens with, in any grammatical form: 'Yes, but ...' -> yes,
    'Partially.' -> partial, «Высокая.» -> high."""
    m = _FIRST_WORD.match(text)
    if not m:
        return None
    word = m.group(1).casefold()
    found = lexicon.verdicts.get(word)
    if found is None and lexicon.analyzer.language_of(word) in lexicon.inflected:
        found = lexicon.verdict_stems.get(lexicon.analyzer.stem(word))
    return found


def country_from_name(text: str, lexicon: Lexicon) -> tuple[str, str]:
    """An official or short country name ('Republic of Kazakhstan') -> ('Kazakhstan', 'KAZ')."""
    key = fold(text)
    exact = lexicon.country_by_name.get(key)
    if exact is not None:
        return exact.name, exact.iso3
    # a name inside a longer title line ("Country profile: Kyrgyz Republic"): the longest name found
    found = {m.group(0) for m in lexicon.country_pattern.finditer(key, overlapped=True)}
    for name, c in lexicon.country_names:
        if name in found:
            return c.name, c.iso3
    raise RuleError("unknown_country", f"{text!r} is not a known country name")


def parse_year(text: str) -> int:
    """The one year a text names ("2019", "2019."): any four digits, which the codebook's bounds then
    check (1899 is read, and is out of range). Two different years ("2019/2020") are not one year."""
    years = list(dict.fromkeys(regex.findall(r"(?<!\d)\d{4}(?!\d)", text)))
    if not years:
        raise RuleError("no_year", f"{text!r} has no year")
    if len(years) > 1:
        raise RuleError("two_years", f"{text!r} names {len(years)} years ({', '.join(years)}), not the one year "
                                     "the profile's facts refer to")
    return int(years[0])


def money_with_context(text: str, label: str, lexicon: Lexicon, home: str | None
                       ) -> tuple[float | int, str, list[str], list[tuple[str, str]]]:
    """An amount printed without its currency takes the one its label names ("Budget (KZT)"),
    else the country's own currency, with a warning."""
    try:
        return (*parse_money(text, lexicon, home), [])
    except RuleError as e:
        if e.code != "no_currency":
            raise
    # where a label names its unit: in brackets, after a comma, or as an ISO code or a symbol
    named = " ".join(regex.findall(r"\(([^)]*)\)", label) + label.split(",")[1:])
    tokens = regex.findall(r"[\p{L}\p{Sc}]+", named) + regex.findall(r"\b[A-Z]{3}\b|\p{Sc}", label)
    for token in reversed(tokens):
        try:
            code, _ = currency_code(token, lexicon, home)
        except RuleError:
            continue
        amount, unit, rules = parse_money(f"{text} {code}", lexicon, home)
        return amount, unit, rules + [f"currency_from_label:{token}"], []
    if home is None:
        raise RuleError("no_currency", f"{text!r} names no currency, nor does its label")
    amount, unit, rules = parse_money(f"{text} {home}", lexicon, home)
    return amount, unit, rules + [f"currency_assumed:{home}"], [
        ("currency_assumed", f"no currency printed: assumed the country's own, {home}")]


# --- the parsers the codebook names --------------------------------------------------------

class Context(NamedTuple):
    """What a parser may use besides the text: the lexicon, the country's currency, the row's label."""

    lexicon: Lexicon
    home: str | None = None
    label: str = ""


class Parsed(NamedTuple):
    value: int | float | str | None
    unit: str | None = None
    answer: str | None = None
    rules: list[str] = []
    warnings: list[tuple[str, str]] = []


def _count(text: str, ctx: Context) -> Parsed:
    value, rules = parse_count(text)
    return Parsed(value, rules=rules)


def _signed_decimal(text: str, ctx: Context) -> Parsed:
    value, rules = parse_signed(text)
    return Parsed(value, rules=rules)


def _population_million(text: str, ctx: Context) -> Parsed:
    value, unit, rules = parse_population_million(text, ctx.lexicon.multipliers, ctx.lexicon.population_nouns)
    return Parsed(value, unit, rules=rules)


def _money(text: str, ctx: Context) -> Parsed:
    amount, unit, rules, warnings = money_with_context(text, ctx.label, ctx.lexicon, ctx.home)
    return Parsed(amount, unit, rules=rules, warnings=warnings)


def _assessment(text: str, ctx: Context) -> Parsed:
    answer = leading_verdict(text, ctx.lexicon)
    if answer is None:
        return Parsed(text, warnings=[("no_verdict", "the assessment does not open with a known verdict")])
    return Parsed(text, answer=answer, rules=[f"verdict:{answer}"])


def _text(text: str, ctx: Context) -> Parsed:
    return Parsed(text)


def _country_name(text: str, ctx: Context) -> Parsed:
    name, _ = country_from_name(text, ctx.lexicon)
    return Parsed(name, rules=["country_short_name"])


def _year(text: str, ctx: Context) -> Parsed:
    return Parsed(parse_year(text))


# Parser name (the codebook's `parser`, or its type's default) -> the function that reads the text.
PARSERS: dict[str, Callable[[str, Context], Parsed]] = {
    "count": _count, "signed_decimal": _signed_decimal, "population_million": _population_million,
    "money": _money, "assessment": _assessment, "text": _text, "country_name": _country_name, "year": _year,
}
# A name is never a "no data" wording: "Unknown" could be read as one.
READS_NO_DATA = frozenset(PARSERS) - {"country_name"}


# --- the stage ----------------------------------------------------------------------------

def normalize_value(spec: FieldSpec, text: str, lexicon: Lexicon, home_currency: str | None = None,
                    label: str = "") -> Normalized:
    """Read a field's cleaned cell text with the parser its codebook entry names."""
    out = Normalized()
    if not text:
        out.status, out.error = "no_data", None
        out.warnings.append(("empty_value", "the value cell is empty"))
        return out
    form = no_data_form(text, lexicon.no_data)
    if form is not None and spec.reads in READS_NO_DATA:
        out.status = "no_data"
        out.rules.append(f"no_data:{form}")
        return out
    try:
        parsed = PARSERS[spec.reads](text, Context(lexicon, home_currency, label))
    except RuleError as e:
        out.status, out.value, out.unit, out.error = "invalid", None, None, f"{e.code}: {e}"
        return out
    out.value, out.unit, out.answer = parsed.value, parsed.unit, parsed.answer
    out.rules, out.warnings = list(parsed.rules), list(parsed.warnings)
    return out


def normalize_rows(rows: list[MappedRow], lexicon: Lexicon) -> list[Normalized | None]:
    """Each mapped row's value read by its field's parser (None for an unmapped row). The country
    comes first, in the title block: its currency is what money printed without one is in."""
    home = None
    out: list[Normalized | None] = []
    for row in rows:
        if not row.field:
            out.append(None)
            continue
        n = normalize_value(lexicon.spec(row.field), row.text, lexicon, home, row.label)
        if row.field == "country" and n.status == "ok":
            country = lexicon.country(n.value)
            home = country.currency if country else None
        out.append(n)
    return out
