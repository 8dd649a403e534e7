"""Load and validate the codebook and country data (YAML files under pipeline/data)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import DATA
from .models import FieldType

# How a field's text is read (pipeline/convert/normalize.py has one function per name). A field's
# type gives its default parser; a field that needs another names it in the codebook.
Parser = Literal["count", "signed_decimal", "population_million", "money", "assessment", "text",
                 "country_name", "year"]
NUMERIC_TYPES = ("int", "float", "money")
DEFAULT_PARSER: dict[str, str] = {"int": "count", "float": "signed_decimal", "money": "money",
                                  "assessment": "assessment", "text": "text"}


class CodebookError(ValueError):
    """A codebook or data file that cannot be used; the message names the file and the problem."""


# Wordings in each language the profiles are printed in: language code -> texts, the first canonical.
Wordings = dict[str, list[str]]


def flatten(wordings: Wordings) -> list[tuple[str, str]]:
    """(language, text) pairs, language by language, each in its given order."""
    return [(lang, text) for lang, texts in wordings.items() for text in texts]


class Matching(BaseModel):
    model_config = ConfigDict(extra="forbid")
    accept: float = Field(gt=0, le=1)
    confident: float = Field(gt=0, le=1)
    ambiguous_gap: float = Field(ge=0, lt=1)
    contained: float = Field(0.0, ge=0, le=1)
    contained_extra_words: int = Field(0, ge=0)
    related: float = Field(gt=0, le=1)
    meaning: float = Field(gt=0, le=1)


class Language(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    stemmer: str  # a Snowball stemmer's name (snowballstemmer.algorithms())
    script: str  # a Unicode script name (regex's \p{...}): Latin, Cyrillic
    inflected: bool = False  # words change form with case and gender: compare verdict words by stem


class Template(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    index_titles: list[str]
    sections: list[str] = Field(default_factory=list)  # sections only this methodology has
    indicators: Wordings = Field(default_factory=dict)  # rows only it prints, which no field takes


class TitleWords(BaseModel):
    """The fixed wording of the title block: header lines, and the words that open the year line."""

    headers: list[str]
    year_line: list[str]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    titles: Wordings

    @property
    def all_titles(self) -> list[str]:
        return [t for _, t in flatten(self.titles)]


class Bounds(BaseModel):
    """Hard bounds of a number (pydantic's Field constraints): outside them the value is invalid."""

    model_config = ConfigDict(extra="forbid")
    ge: int | float | None = None
    gt: int | float | None = None
    le: int | float | None = None
    lt: int | float | None = None


class Plausible(BaseModel):
    """A range a number is expected in: outside it the value stays ok, with a warning `code`."""

    model_config = ConfigDict(extra="forbid")
    min: float
    max: float
    code: str
    why: str  # what the range is, for the message: "the published range"


class FieldSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    type: FieldType
    parser: Parser | None = None  # None: the type's default (DEFAULT_PARSER)
    where: str = "table"  # title | facts | table
    section: str | None = None
    unit: str | None = None
    bounds: Bounds | None = None
    plausible: Plausible | None = None
    labels: Wordings = Field(default_factory=dict)
    # What the value means, for people: the data package (datapackage.json) describes its column with it.
    description: str = ""
    methodology: list[str] | None = None  # the templates that have this field; None: all of them

    @property
    def variants(self) -> list[str]:
        """Every label of the field, all languages."""
        return [label for _, label in flatten(self.labels)]

    @model_validator(mode="after")
    def _labels_for_rows(self):
        if self.where != "title" and not self.labels:
            raise ValueError(f"field {self.id!r} needs at least one label")
        return self

    @property
    def reads(self) -> str:
        """The parser that reads this field's text."""
        return self.parser or DEFAULT_PARSER[self.type]


class Consistency(BaseModel):
    """Two fields of one report that must agree: `field` at most `at_most`, else a warning."""

    model_config = ConfigDict(extra="forbid")
    field: str
    at_most: str
    code: str
    message: str  # with {value} and {limit}


class Codebook(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    matching: Matching
    languages: dict[str, Language]
    templates: list[Template]
    title_block: TitleWords
    no_data: list[str]
    verdicts: dict[str, list[str]]
    multipliers: dict[int, list[str]]
    population_nouns: list[str] = Field(default_factory=list)
    subheadings: list[str]
    stopwords: Wordings = Field(default_factory=dict)
    thesaurus: dict[str, list[list[str]]] = Field(default_factory=dict)
    sections: list[Section]
    fields: list[FieldSpec]
    consistency: list[Consistency] = Field(default_factory=list)

    @field_validator("fields")
    @classmethod
    def _unique_ids(cls, fields):
        seen = set()
        for f in fields:
            if f.id in seen:
                raise ValueError(f"field id {f.id!r} appears twice")
            seen.add(f.id)
        return fields

    @model_validator(mode="after")
    def _sections_known(self):
        known = {s.id for s in self.sections}
        for f in self.fields:
            if f.section and f.section not in known:
                raise ValueError(f"field {f.id!r} names unknown section {f.section!r}")
        return self

    @model_validator(mode="after")
    def _languages_known(self):
        wordings = [(f"field {f.id!r}", f.labels) for f in self.fields]
        wordings += [(f"section {s.id!r}", s.titles) for s in self.sections]
        wordings += [("stopwords", self.stopwords), ("thesaurus", self.thesaurus)]
        wordings += [(f"template {t.id!r} indicators", t.indicators) for t in self.templates]
        for where, by_language in wordings:
            for lang in by_language:
                if lang not in self.languages:
                    raise ValueError(f"{where} has wordings in {lang!r}, which is not one of `languages`")
        known = {s.id for s in self.sections}
        for t in self.templates:
            for sid in t.sections:
                if sid not in known:
                    raise ValueError(f"template {t.id!r} names unknown section {sid!r}")
        return self

    @model_validator(mode="after")
    def _numbers_checked_are_numbers(self):
        numeric = {f.id for f in self.fields if f.type in NUMERIC_TYPES}
        for f in self.fields:
            if (f.bounds or f.plausible) and f.id not in numeric:
                raise ValueError(f"field {f.id!r} has bounds but is not a number")
        for c in self.consistency:
            for name in (c.field, c.at_most):
                if name not in numeric:
                    raise ValueError(f"consistency check {c.code!r} names {name!r}, which is not a numeric field")
        return self

    @model_validator(mode="after")
    def _fields_documented(self):
        templates = {t.id for t in self.templates}
        for f in self.fields:
            if not f.description.strip():
                raise ValueError(f"field {f.id!r} needs a description (what its value means)")
            unknown = sorted(set(f.methodology or ()) - templates)
            if unknown:
                raise ValueError(f"field {f.id!r} names unknown methodology {', '.join(unknown)}: "
                                 f"the templates are {', '.join(sorted(templates))}")
        return self

    def methodology(self, spec: FieldSpec) -> list[str]:
        """The templates (methodologies) that have a field, oldest first."""
        return sorted(spec.methodology or [t.id for t in self.templates])

    @property
    def field_ids(self) -> list[str]:
        return [f.id for f in self.fields]

    def spec(self, field_id: str) -> FieldSpec:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    @property
    def numeric_fields(self) -> set[str]:
        return {f.id for f in self.fields if f.type in NUMERIC_TYPES}

    def section_title(self, section_id: str | None, language: str | None = None) -> str:
        """A section's canonical title, in `language` where the codebook has it."""
        for s in self.sections:
            if s.id == section_id:
                titles = s.titles.get(language or "") or next(iter(s.titles.values()), [""])
                return titles[0]
        return ""


class Country(BaseModel):
    name: str
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    aliases: list[str] = Field(default_factory=list)


class Countries(BaseModel):
    countries: list[Country]
    currencies: dict[str, list[str]]


def _load_yaml(path: Path):
    try:
        # libyaml's loader when PyYAML was built with it: same documents, several times faster
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as e:
        raise CodebookError(f"{path}: cannot read: {e}") from e


def _load(model, path: Path, what: str):
    try:
        return model.model_validate(_load_yaml(path))
    except ValidationError as e:
        raise CodebookError(f"{path}: invalid {what}: {e}") from e


VARIANTS = "variants.yaml"  # label variants accepted with `pipeline codebook apply`, beside the codebook


def load_codebook(path: Path | None = None, variants: Path | None = None) -> Codebook:
    """The codebook, with the accepted label variants of `variants` (default: variants.yaml beside
    the default codebook, when there is one) added to its fields."""
    codebook = _load(Codebook, path or DATA / "codebook.yaml", "codebook")
    variants = variants or (DATA / VARIANTS if path is None else None)
    if variants is not None and variants.is_file():
        codebook = with_variants(codebook, load_variants(variants), variants)
    return codebook


class AcceptedVariants(BaseModel):
    """variants.yaml: field id -> language -> labels."""

    fields: dict[str, Wordings] = Field(default_factory=dict)


def load_variants(path: Path) -> AcceptedVariants:
    data = _load_yaml(path) or {}
    try:
        return AcceptedVariants.model_validate({"fields": data})
    except ValidationError as e:
        raise CodebookError(f"{path}: invalid label variants: {e}") from e


def with_variants(codebook: Codebook, accepted: AcceptedVariants, where: Path) -> Codebook:
    """The codebook with each accepted variant appended to its field's labels (once)."""
    known = {f.id for f in codebook.fields}
    fields = []
    for f in codebook.fields:
        labels = {lang: list(texts) for lang, texts in f.labels.items()}
        for lang, texts in accepted.fields.get(f.id, {}).items():
            if lang not in codebook.languages:
                raise CodebookError(f"{where}: field {f.id!r} has variants in {lang!r}, which is not a language "
                                    "of the codebook")
            labels.setdefault(lang, [])
            labels[lang] += [t for t in texts if t not in labels[lang]]
        fields.append(f.model_copy(update={"labels": labels}))
    unknown = sorted(set(accepted.fields) - known)
    if unknown:
        raise CodebookError(f"{where}: variants for unknown fields {', '.join(unknown)}")
    return codebook.model_copy(update={"fields": fields})


def load_countries(path: Path | None = None) -> Countries:
    return _load(Countries, path or DATA / "countries.yaml", "country data")


@lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    return load_codebook()


@lru_cache(maxsize=1)
def default_countries() -> Countries:
    return load_countries()
