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
    """What validation found about one value: `index` into the values, the issue, and whether the
    value fails (then its status becomes invalid and the issue's message is its error)."""

    index: int
    issue: Issue
    invalid: bool = False


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
            out.append(Finding(i, _issue(v, "out_of_range", f"out_of_range: {v.value!r}: {err['msg']}"), True))
        return out
    return []


def check_consistency(values: list[FieldValue], failed: set[int], lexicon: Lexicon) -> list[Finding]:
    ok = _ok(values, failed)
    out = []
    for c in lexicon.codebook.consistency:
        if c.field in ok and c.at_most in ok:
            v, limit = values[ok[c.field]], values[ok[c.at_most]]
            if v.value > limit.value:
                out.append(Finding(ok[c.field], _issue(v, c.code, c.message.format(value=v.value, limit=limit.value))))
    for f in lexicon.codebook.fields:
        p = f.plausible
        if p and f.id in ok and not p.min <= values[ok[f.id]].value <= p.max:
            v = values[ok[f.id]]
            out.append(Finding(ok[f.id], _issue(
                v, p.code, f"{f.id.replace('_', ' ')} {v.value} is outside {p.why} ({p.min!r}, {p.max!r})")))
    return out


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
                                              f"the profile says {v.value}, the file name {name!r} says {years[0]}")))
    try:
        named, _ = country_from_name(stem, lexicon)
    except RuleError:  # the file name names no country
        return out
    if "country" in ok and values[ok["country"]].value != named:
        v = values[ok["country"]]
        out.append(Finding(ok["country"], _issue(v, "country_differs_from_file_name",
                                                 f"the profile says {v.value}, the file name {name!r} says {named}")))
    return out


def validate(values: list[FieldValue], source: str, lexicon: Lexicon) -> list[Finding]:
    """Every finding about a report's values: bounds first, then the checks on the values that passed them."""
    bounds = check_bounds(values, lexicon)
    failed = {f.index for f in bounds}
    return bounds + check_consistency(values, failed, lexicon) + check_file_name(values, failed, source, lexicon)
