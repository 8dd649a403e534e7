"""Whether a cell's text is of a field's type: evidence for placing a row whose label is reworded.

    value_fit("23 635", count_field)          ->  1  (a count where a count is expected)
    value_fit("Yes. In article 146", count)   -> -1  (a verdict cannot be a count)
    value_fit("No data", any_field)           ->  0  (says nothing either way)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..normalize import Context, PARSERS, RuleError, leading_verdict, no_data_form

if TYPE_CHECKING:
    from ...core.codebook import FieldSpec
    from ..lexicon import Lexicon

_DIGIT = regex.compile(r"\d")
# fields whose text no parser types: any text reads as their value
_UNTYPED = ("text", "country_name", "year")
_NUMBER_ONLY = regex.compile(r"^[\d\s\u00a0\u202f.,'\u2019-]+$")


def value_fit(text: str, spec: FieldSpec, lexicon: Lexicon) -> int:
    """1: the text reads as the field's type; -1: it cannot be that field's value; 0: either way.
    Remembered on the lexicon per text and parser: a row is weighed against every field of its section."""
    key = (text, spec.reads)
    found = lexicon.fits.get(key)
    if found is None:
        if len(lexicon.fits) >= lexicon.MAX_MEMO:
            lexicon.fits.clear()
        found = lexicon.fits[key] = _fit(text, spec, lexicon)
    return found


def _fit(text: str, spec: FieldSpec, lexicon: Lexicon) -> int:
    if not text or no_data_form(text, lexicon.no_data) is not None:
        return 0
    reads = spec.reads
    verdict = leading_verdict(text, lexicon) is not None
    if reads == "assessment":
        return 1 if verdict else -1 if _NUMBER_ONLY.match(text) else 0
    if reads in _UNTYPED:
        return 0
    if verdict:
        return -1  # "Yes. ..." is no number
    parsed = _parsed(text, spec, lexicon)
    if parsed is None:
        return 0 if _DIGIT.search(text) else -1
    # a bare head count reads as a population too, but says less than "18.28 million"
    return 0 if "scaled_to_million" in parsed.rules and not any(r.startswith("multiplier") for r in parsed.rules) else 1


def unreadable(text: str, spec: FieldSpec, lexicon: Lexicon) -> bool:
    """Whether the parser of a typed field (a count, an amount...) cannot read the text at all, figures
    and all ("16 regions No data" for a budget); a text or an assessment field reads any text."""
    if spec.reads in ("assessment", *_UNTYPED) or not text or no_data_form(text, lexicon.no_data) is not None:
        return False
    return _parsed(text, spec, lexicon) is None


def _parsed(text: str, spec: FieldSpec, lexicon: Lexicon):
    """The field's parser's reading of the text, or None where it cannot read it."""
    try:
        return PARSERS[spec.reads](text, Context(lexicon))
    except RuleError:
        return None
