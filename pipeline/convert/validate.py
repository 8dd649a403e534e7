"""Validate stage: hard bounds through a pydantic model built from the codebook, plus consistency checks.

`validate(values, source, lexicon)` returns findings and changes nothing: a value that fails its
bounds is to become `invalid` with the reason (never dropped or coerced); a doubtful but possible
value keeps its status and gets a warning for the reviewer. The report is assembled from both.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import NamedTuple

import regex
from pydantic import ValidationError

from ..core.models import FieldValue, Issue
from ..core.text import fold
from .lexicon import Lexicon
from .normalize import RuleError, country_from_name


class Finding(NamedTuple):
    """What validation found about one value: `index` into the values, the issue, whether the value fails
    (then its status becomes invalid and the issue's message is its error), and the fields the check read
    (so that a reviewer's correction of one of them has it checked again: run/corrections.py)."""

    index: int
    issue: Issue
    invalid: bool = False
    fields: tuple[str, ...] = ()


def _ok(values: list[FieldValue], failed: set[int] = frozenset()) -> dict[str, int]:
    return {v.field: i for i, v in enumerate(values) if v.field and v.status == "ok" and i not in failed}


def _issue(v: FieldValue, code: str, message: str) -> Issue:
    return Issue(code=code, message=message, field=v.field, page=v.page)


def check_bounds(values: list[FieldValue], lexicon: Lexicon) -> list[Finding]:
    model = lexicon.bounds_model
    ok = _ok(values)
    data = {k: values[i].value for k, i in ok.items() if k in model.model_fields}
    try:
        model.model_validate(data)
    except ValidationError as e:
        out = []
        for err in e.errors():
            i = ok[str(err["loc"][0])]
            v = values[i]
            why = err["msg"][:1].lower() + err["msg"][1:]
            out.append(Finding(i, _issue(v, "out_of_range", f"out_of_range: {v.field} {v.value!r} is out of range: "
                                                            f"{why}"), True, (v.field,)))
        return out
    return []


def check_consistency(values: list[FieldValue], failed: set[int], lexicon: Lexicon) -> list[Finding]:
    """The codebook's checks between two numbers (`consistency`) and its `plausible` ranges, on the values
    that passed their bounds. A value one check makes invalid gets no warning from the others."""
    ok = _ok(values, failed)
    out = []
    failing: set[int] = set()
    for c in sorted(lexicon.codebook.consistency, key=lambda c: c.severity != "invalid"):
        if c.field in ok and c.at_most in ok and not {ok[c.field], ok[c.at_most]} & failing:
            v, other = values[ok[c.field]], values[ok[c.at_most]]
            limit = other.value * c.times
            if v.value > limit:
                message = c.message.format(value=v.value, limit=_round(limit), other=other.value)
                out.append(Finding(ok[c.field], _issue(v, c.code, message), c.severity == "invalid",
                                   (c.field, c.at_most)))
                if c.severity == "invalid":
                    failing.add(ok[c.field])
    for f in lexicon.codebook.fields:
        p = f.plausible
        if p and f.id in ok and ok[f.id] not in failing and not p.min <= values[ok[f.id]].value <= p.max:
            v = values[ok[f.id]]
            out.append(Finding(ok[f.id], _issue(
                v, p.code, f"{f.id.replace('_', ' ')} {v.value} is outside {p.why} ({_round(p.min)} to "
                           f"{_round(p.max)})"), False, (f.id,)))
    return out


def _round(x: float) -> int | float:
    """A limit as a person reads it: 2% of 18.28 million is 365600, not 365599.99999999994."""
    x = float(f"{x:.6g}")
    return int(x) if x.is_integer() and abs(x) < 1e15 else x


def check_file_name(values: list[FieldValue], failed: set[int], source: str, lexicon: Lexicon) -> list[Finding]:
    """Year and country against the file name, where it carries them (kazakhstan_en_2019.docx.pdf)."""
    ok = _ok(values, failed)
    name = PurePath(source).name
    stem = fold(name.replace("_", " "))
    out = []
    years = regex.findall(r"\b((?:19|20)\d{2})\b", stem)
    if "year" in ok and years and str(values[ok["year"]].value) not in years:
        v = values[ok["year"]]
        out.append(Finding(ok["year"], _issue(v, "year_differs_from_file_name",
                                              f"the profile says {v.value}, the file name {name!r} says {years[0]}"),
                           False, ("year",)))
    try:
        named, _ = country_from_name(stem, lexicon)
    except RuleError:  # the file name names no country
        return out
    if "country" in ok and values[ok["country"]].value != named:
        v = values[ok["country"]]
        out.append(Finding(ok["country"], _issue(v, "country_differs_from_file_name",
                                                 f"the profile says {v.value}, the file name {name!r} says {named}"),
                           False, ("country",)))
    return out


def validate(values: list[FieldValue], source: str, lexicon: Lexicon) -> list[Finding]:
    """Every finding about a report's values: bounds first, then the checks on the values that passed them."""
    bounds = check_bounds(values, lexicon)
    failed = {f.index for f in bounds}
    return bounds + check_consistency(values, failed, lexicon) + check_file_name(values, failed, source, lexicon)
