"""Validate stage: types and ranges through a pydantic model, plus consistency checks.

A value that fails is marked `invalid` with the reason, never dropped or coerced; a doubtful
but possible value keeps its status and gets a warning for the reviewer.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Annotated

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..codebook import Countries
from ..models import FieldValue, Issue, Report
from .normalize import RuleError, country_from_name
from ..text import fold

Count = Annotated[int, Field(ge=0, le=10_000_000)]
Money = Annotated[float, Field(gt=0)]

# Published index scores (2019-2022) lie between -95.02 and 161.5; outside this band is suspicious.
PUBLISHED_SCORE_RANGE = (-100.0, 170.0)


class ProfileValues(BaseModel):
    """The hard bounds every converted profile must respect."""

    model_config = ConfigDict(extra="ignore", strict=False)

    year: Annotated[int, Field(ge=2000, le=2100)] | None = None
    index_score: Annotated[float, Field(ge=-1000, le=1000)] | None = None
    population_million: Annotated[float, Field(gt=0, lt=2000)] | None = None
    prison_population: Count | None = None
    pretrial_detention: Count | None = None
    detained: Count | None = None
    law_enforcement_budget: Money | None = None
    judgments_international: Count | None = None
    judgments_domestic: Count | None = None
    judgments_excluding_evidence: Count | None = None
    investigators_count: Count | None = None
    investigative_body_budget: Money | None = None
    criminal_cases_initiated: Count | None = None
    torture_complaints: Count | None = None


def _ok(report: Report) -> dict[str, FieldValue]:
    return {v.field: v for v in report.values if v.field and v.status == "ok"}


def _warn(v: FieldValue, code: str, message: str) -> None:
    v.warnings.append(Issue(code=code, message=message, field=v.field, page=v.page))


def check_bounds(report: Report) -> None:
    ok = _ok(report)
    data = {k: v.value for k, v in ok.items() if k in ProfileValues.model_fields}
    try:
        ProfileValues.model_validate(data)
    except ValidationError as e:
        for err in e.errors():
            name = str(err["loc"][0])
            v = ok[name]
            v.status = "invalid"
            v.error = f"out_of_range: {v.value!r}: {err['msg']}"
            _warn(v, "out_of_range", v.error)


def check_consistency(report: Report, countries: Countries) -> None:
    ok = _ok(report)
    pre, pris = ok.get("pretrial_detention"), ok.get("prison_population")
    if pre and pris and pre.value > pris.value:
        _warn(pre, "pretrial_exceeds_prison",
              f"pre-trial detention {pre.value} is larger than the prison population {pris.value}")
    score = ok.get("index_score")
    if score and not PUBLISHED_SCORE_RANGE[0] <= score.value <= PUBLISHED_SCORE_RANGE[1]:
        _warn(score, "score_out_of_published_range",
              f"index score {score.value} is outside the published range {PUBLISHED_SCORE_RANGE}")
    check_file_name(report, ok, countries)


def check_file_name(report: Report, ok: dict[str, FieldValue], countries: Countries) -> None:
    """Year and country against the file name, where it carries them (kazakhstan_en_2019.docx.pdf)."""
    stem = fold(PurePath(report.source).name.replace("_", " "))
    year = ok.get("year")
    years = regex.findall(r"\b((?:19|20)\d{2})\b", stem)
    if year and years and str(year.value) not in years:
        _warn(year, "year_differs_from_file_name",
              f"the profile says {year.value}, the file name {PurePath(report.source).name!r} says {years[0]}")
    country = ok.get("country")
    try:
        named, _ = country_from_name(stem, countries)
    except RuleError:  # the file name names no country
        return
    if country and country.value != named:
        _warn(country, "country_differs_from_file_name",
              f"the profile says {country.value}, the file name {PurePath(report.source).name!r} says {named}")


def validate_report(report: Report, countries: Countries) -> None:
    check_bounds(report)
    check_consistency(report, countries)
