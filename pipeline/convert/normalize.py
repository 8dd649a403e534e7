"""Normalization rules: each a named, pure function of the cell text; each records what it did.

A rule returns its result and the names of the rules applied (they go into the value's
provenance); a text it cannot read raises RuleError with a code and a message.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import regex

from ..codebook import Codebook, Countries
from ..text import DASHES, collapse_ws, fold

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
_MULTIPLIERS = {"thousand": 1_000, "thousands": 1_000, "million": 1_000_000, "millions": 1_000_000,
                "mln": 1_000_000, "mn": 1_000_000, "m": 1_000_000,
                "billion": 1_000_000_000, "billions": 1_000_000_000, "bn": 1_000_000_000,
                "trillion": 1_000_000_000_000}
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

def join_cell_lines(lines: list[str]) -> tuple[str, list[str]]:
    """Join a cell's lines with single spaces; a word broken after its inner hyphen
    (`non-` / `torture`) is rejoined without a space, a free-standing dash keeps its spaces."""
    out = ""
    rules: list[str] = []
    for raw in lines:
        line = collapse_ws(raw)
        if not line:
            continue
        if out and regex.search(r"\p{L}-$", out) and regex.match(r"\p{L}", line):
            out += line
            rules.append("hyphenated_word_rejoined")
        else:
            out = f"{out} {line}" if out else line
    if len([l for l in lines if l.strip()]) > 1:
        rules.insert(0, "lines_joined")
    return out, rules


def no_data_form(text: str, forms: list[str]) -> str | None:
    """The codebook's "no data" wording the text is, if any ("No data", "n/a", "Not available")."""
    key = fold(text).strip()
    for form in forms:
        if key == fold(form):
            return form
    return None


# --- numbers ----------------------------------------------------------------------------

def parse_count(text: str) -> tuple[int, list[str]]:
    """A whole count, with thousands groups split by any separator or across lines ("23 635")."""
    s = collapse_ws(text).rstrip(".")
    if _PLAIN.match(s):
        return int(s), []
    if _GROUPED.match(s):
        seps = {c for c in s if not c.isdigit()}
        names = {" ": "space", "\u00a0": "nbsp", "\u202f": "nnbsp", "\u2009": "thin_space",
                 ",": "comma", ".": "dot", "'": "apostrophe", "\u2019": "apostrophe"}
        if len(seps) > 1:
            raise RuleError("mixed_separators", f"count {text!r} mixes group separators")
        return int(regex.sub(r"\D", "", s)), [f"thousands_groups_joined:{names[seps.pop()]}"]
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


def split_multiplier(text: str) -> tuple[str, int, list[str]]:
    """'417.6 million' -> ('417.6', 1000000)."""
    words = collapse_ws(text).split(" ")
    if len(words) >= 2 and words[-1].casefold().rstrip(".") in _MULTIPLIERS:
        return " ".join(words[:-1]), _MULTIPLIERS[words[-1].casefold().rstrip(".")], [f"multiplier:{words[-1]}"]
    return collapse_ws(text), 1, []


def parse_population_million(text: str) -> tuple[float, str, list[str]]:
    """Population in millions: '18.28 million', '18,28 million', or a head count scaled to millions."""
    number, mult, rules = split_multiplier(text)
    value, more = parse_decimal(number)
    rules += more
    if mult == 1 and value >= 10_000:
        return value / 1_000_000, "million", rules + ["scaled_to_million"]
    if mult not in (1, 1_000_000):
        value = value * mult / 1_000_000
        rules.append("scaled_to_million")
    return value, "million", rules


def currency_code(name: str, countries: Countries, home: str | None) -> tuple[str, list[str]]:
    """A currency name or symbol to its ISO 4217 code (tenge -> KZT); a name shared by several
    currencies (rubles) resolves to the profile country's own currency."""
    key = fold(name) or name.strip()
    hits = [code for code, names in countries.currencies.items()
            if key in {fold(n) or n for n in names}]
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


def parse_money(text: str, countries: Countries, home: str | None) -> tuple[float | int, str, list[str]]:
    """'417 611 910 KZT', '56 370 392 833 drams', 'KZT 417.6 million', '2,101,562,223 lei'."""
    s = collapse_ws(text)
    m = _NUMBER_IN.search(s)
    if not m:
        raise RuleError("not_money", f"{text!r} has no amount")
    before, number, after = s[:m.start()].strip(), m.group(0).strip(" ,.'\u2019"), s[m.end():].strip()
    words, mult, rules = after.split(" ") if after else [], 1, []
    if words and words[0].casefold().rstrip(".") in _MULTIPLIERS:
        mult = _MULTIPLIERS[words[0].casefold().rstrip(".")]
        rules.append(f"multiplier:{words[0]}")
        words = words[1:]
    name = before or " ".join(words)
    if not name:
        raise RuleError("no_currency", f"{text!r} names no currency")
    code, crules = currency_code(name, countries, home)
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

def leading_verdict(text: str, verdicts: dict[str, list[str]]) -> str | None:
    """The verdict an assessment opens with: 'Yes, but ...' -> yes, 'Partially.' -> partial."""
    m = regex.match(r"\s*(\p{L}+)", text)
    if not m:
        return None
    first = m.group(1).casefold()
    for answer, words in verdicts.items():
        if first in {w.casefold() for w in words}:
            return answer
    return None


# Per country list (keyed by id(); each entry keeps its object alive, so an id is never reused):
# folded name -> country, the names longest first, and one alternation of them all (which map.py
# also uses to put `{country}` into labels).
_COUNTRY_NAMES: dict[int, tuple] = {}


def country_names(countries: Countries) -> tuple[dict, list, regex.Pattern]:
    entry = _COUNTRY_NAMES.get(id(countries))
    if entry is None:
        exact: dict = {}
        for c in countries.countries:
            for n in [c.name, *c.aliases]:
                exact.setdefault(fold(n), c)
        names = sorted(((fold(n), c) for c in countries.countries for n in [c.name, *c.aliases] if fold(n)),
                       key=lambda nc: -len(nc[0]))
        pattern = regex.compile(r"\b(?:" + "|".join(regex.escape(n) for n, _ in names) + r")\b")
        entry = _COUNTRY_NAMES[id(countries)] = (countries, exact, names, pattern)
    return entry[1:]


def country_from_name(text: str, countries: Countries) -> tuple[str, str]:
    """An official or short country name ('Republic of Kazakhstan') -> ('Kazakhstan', 'KAZ')."""
    key = fold(text)
    exact, names, pattern = country_names(countries)
    if key in exact:
        return exact[key].name, exact[key].iso3
    # a name inside a longer title line ("Country profile: Kyrgyz Republic"): the longest name found
    found = {m.group(0) for m in pattern.finditer(key, overlapped=True)}
    for name, c in names:
        if name in found:
            return c.name, c.iso3
    raise RuleError("unknown_country", f"{text!r} is not a known country name")


def parse_year(text: str) -> int:
    m = regex.search(r"\b(19|20)\d{2}\b", text)
    if not m:
        raise RuleError("no_year", f"{text!r} has no year")
    return int(m.group(0))


# --- the stage ----------------------------------------------------------------------------

def money_with_context(text: str, label: str, countries: Countries, home: str | None,
                       out: Normalized) -> tuple[float | int, str, list[str]]:
    """An amount printed without its currency takes the one its label names ("Budget (KZT)"),
    else the country's own currency, with a warning."""
    try:
        return parse_money(text, countries, home)
    except RuleError as e:
        if e.code != "no_currency":
            raise
    # where a label names its unit: in brackets, after a comma, or as an ISO code or a symbol
    named = " ".join(regex.findall(r"\(([^)]*)\)", label) + label.split(",")[1:])
    tokens = regex.findall(r"[\p{L}\p{Sc}]+", named) + regex.findall(r"\b[A-Z]{3}\b|\p{Sc}", label)
    for token in reversed(tokens):
        try:
            code, _ = currency_code(token, countries, home)
        except RuleError:
            continue
        amount, unit, rules = parse_money(f"{text} {code}", countries, home)
        return amount, unit, rules + [f"currency_from_label:{token}"]
    if home is None:
        raise RuleError("no_currency", f"{text!r} names no currency, nor does its label")
    amount, unit, rules = parse_money(f"{text} {home}", countries, home)
    out.warnings.append(("currency_assumed", f"no currency printed: assumed the country's own, {home}"))
    return amount, unit, rules + [f"currency_assumed:{home}"]


def normalize_value(field_id: str, field_type: str, text: str, codebook: Codebook,
                    countries: Countries, home_currency: str | None = None, label: str = "") -> Normalized:
    """Apply the rules a field's type calls for to its cleaned cell text."""
    out = Normalized()
    if not text:
        out.status, out.error = "no_data", None
        out.warnings.append(("empty_value", "the value cell is empty"))
        return out
    form = no_data_form(text, codebook.no_data)
    if form is not None and field_id != "country":
        out.status = "no_data"
        out.rules.append(f"no_data:{form}")
        return out
    try:
        if field_id == "country":
            out.value, _ = country_from_name(text, countries)
            out.rules.append("country_short_name")
        elif field_id == "year":
            out.value = parse_year(text)
        elif field_id == "index_score":
            out.value, out.rules = parse_signed(text)
        elif field_id == "population_million":
            out.value, out.unit, out.rules = parse_population_million(text)
        elif field_type == "int":
            out.value, out.rules = parse_count(text)
        elif field_type == "float":
            out.value, out.rules = parse_signed(text)
        elif field_type == "money":
            out.value, out.unit, out.rules = money_with_context(text, label, countries, home_currency, out)
        else:
            out.value = text
            if field_type == "assessment":
                out.answer = leading_verdict(text, codebook.verdicts)
                if out.answer is None:
                    out.warnings.append(("no_verdict", "the assessment does not open with a known verdict"))
                else:
                    out.rules.append(f"verdict:{out.answer}")
    except RuleError as e:
        out.status, out.value, out.unit, out.error = "invalid", None, None, f"{e.code}: {e}"
    return out
