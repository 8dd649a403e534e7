"""Load and validate the codebook and country data (YAML files under pipeline/core/data), and a codebook
folder's label variants (DIR/variants.yaml: core/codebook_files.py). Every file is read by core/yamlfile.py:
a key given twice is refused, and each problem is one line naming the file, the line and what is wrong."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, field_validator, model_validator

from . import codebook_files
from .codebook_files import BUILT_IN, COUNTRIES, VARIANTS, CodebookFiles  # noqa: F401 (part of the interface)
from .models import FieldType
from .text import fold
from .yamlfile import CodebookError, Located, read_yaml  # noqa: F401 (CodebookError: the interface)

# How a field's text is read (pipeline/convert/normalize.py has one function per name). A field's
# type gives its default parser; a field that needs another names it in the codebook.
Parser = Literal["count", "signed_decimal", "population_million", "money", "assessment", "text",
                 "country_name", "year"]
NUMERIC_TYPES = ("int", "float", "money")
DEFAULT_PARSER: dict[str, str] = {"int": "count", "float": "signed_decimal", "money": "money",
                                  "assessment": "assessment", "text": "text"}


def has_letters(wording: str) -> bool:
    """A wording a label can be matched to: some letter or digit once folded (not only spaces, dashes,
    zero-width or other invisible characters, which fold away)."""
    return bool(fold(wording))


def _wordings(value: dict[str, list[str]]) -> dict[str, list[str]]:
    for lang, texts in value.items():
        for i, text in enumerate(texts):
            if not has_letters(text):
                raise Located(f"wording {text!r} has no letter or digit (only spaces, punctuation or invisible "
                              "characters)", (lang, i))
    return value


# Wordings in each language the profiles are printed in: language code -> texts, the first canonical.
Wordings = Annotated[dict[str, list[str]], AfterValidator(_wordings)]


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
    # `pipeline codebook suggest`: an inferred match whose best score is below this is proposed with
    # accept: false (a person decides), at or above it with accept: true
    suggest_accept: float = Field(0.6, gt=0, le=1)


class Language(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    stemmer: str  # a Snowball stemmer's name (snowballstemmer.algorithms())
    script: str  # a Unicode script name (regex's \p{...}): Latin, Cyrillic
    inflected: bool = False  # words change form with case and gender: compare verdict words by stem

    @field_validator("stemmer")
    @classmethod
    def _stemmer_known(cls, name: str) -> str:
        import snowballstemmer

        if name not in snowballstemmer.algorithms():
            raise ValueError(f"no Snowball stemmer is called {name!r} (there are: "
                             f"{', '.join(snowballstemmer.algorithms())})")
        return name

    @field_validator("script")
    @classmethod
    def _script_known(cls, name: str) -> str:
        try:
            regex.compile(rf"\p{{{name}}}")
        except regex.error:
            raise ValueError(f"{name!r} is not a Unicode script name (Latin, Cyrillic, Greek...)") from None
        return name


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
            raise Located(f"field {self.id!r} needs at least one label", ("labels",))
        return self

    @property
    def reads(self) -> str:
        """The parser that reads this field's text."""
        return self.parser or DEFAULT_PARSER[self.type]


class Consistency(BaseModel):
    """Two numbers of one report that must agree: `field` at most `times` × `at_most` ("pre-trial detention
    at most the prison population"; "the prison population at most 2% of the population", in millions:
    times 20000). Outside, a warning `code`, or with severity `invalid` the value is invalid."""

    model_config = ConfigDict(extra="forbid")
    field: str
    at_most: str
    times: float = Field(1.0, gt=0)
    severity: Literal["warning", "invalid"] = "warning"
    code: str
    message: str  # with {value} and {limit} (times × the other field's value)


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
        for i, f in enumerate(fields):
            if f.id in seen:
                raise Located(f"field id {f.id!r} appears twice", (i, "id"))
            seen.add(f.id)
        return fields

    @model_validator(mode="after")
    def _sections_known(self):
        known = {s.id for s in self.sections}
        for i, f in enumerate(self.fields):
            if f.section and f.section not in known:
                raise Located(f"field {f.id!r} names unknown section {f.section!r}", ("fields", i, "section"))
        return self

    @model_validator(mode="after")
    def _languages_known(self):
        wordings = [(f"field {f.id!r}", ("fields", i, "labels"), f.labels) for i, f in enumerate(self.fields)]
        wordings += [(f"section {s.id!r}", ("sections", i, "titles"), s.titles) for i, s in enumerate(self.sections)]
        wordings += [("stopwords", ("stopwords",), self.stopwords), ("thesaurus", ("thesaurus",), self.thesaurus)]
        wordings += [(f"template {t.id!r} indicators", ("templates", i, "indicators"), t.indicators)
                     for i, t in enumerate(self.templates)]
        for where, loc, by_language in wordings:
            for lang in by_language:
                if lang not in self.languages:
                    raise Located(f"{where} has wordings in {lang!r}, which is not one of `languages` "
                                  f"({', '.join(self.languages)})", (*loc, lang))
        known = {s.id for s in self.sections}
        for i, t in enumerate(self.templates):
            for sid in t.sections:
                if sid not in known:
                    raise Located(f"template {t.id!r} names unknown section {sid!r}", ("templates", i, "sections"))
        return self

    @model_validator(mode="after")
    def _one_field_per_wording(self):
        """A wording names one field: given to two, the order of the codebook would decide which one a
        row takes. (Compared folded, as labels are matched; a template's indicator, which no field takes,
        counts as one too.)"""
        owner: dict[tuple[str, str], str] = {}
        places = [(f"field {f.id!r}", ("fields", i, "labels"), f.labels) for i, f in enumerate(self.fields)]
        places += [(f"template {t.id!r} indicator", ("templates", i, "indicators"), t.indicators)
                   for i, t in enumerate(self.templates)]
        for name, loc, by_language in places:
            for lang, texts in by_language.items():
                for j, text in enumerate(texts):
                    first = owner.setdefault((lang, fold(text)), name)
                    if first != name:
                        raise Located(f"{name} has the wording {text!r} ({lang}), which {first} has too: a "
                                      "wording must name one field", (*loc, lang, j))
        return self

    @model_validator(mode="after")
    def _numbers_checked_are_numbers(self):
        numeric = {f.id for f in self.fields if f.type in NUMERIC_TYPES}
        for i, f in enumerate(self.fields):
            if (f.bounds or f.plausible) and f.id not in numeric:
                raise Located(f"field {f.id!r} has bounds but is not a number", ("fields", i, "type"))
        for i, c in enumerate(self.consistency):
            for key, name in (("field", c.field), ("at_most", c.at_most)):
                if name not in numeric:
                    raise Located(f"consistency check {c.code!r} names {name!r}, which is not a numeric field",
                                  ("consistency", i, key))
        return self

    @model_validator(mode="after")
    def _fields_documented(self):
        templates = {t.id for t in self.templates}
        for i, f in enumerate(self.fields):
            if not f.description.strip():
                raise Located(f"field {f.id!r} needs a description (what its value means)", ("fields", i))
            unknown = sorted(set(f.methodology or ()) - templates)
            if unknown:
                raise Located(f"field {f.id!r} names unknown methodology {', '.join(unknown)}: "
                              f"the templates are {', '.join(sorted(templates))}", ("fields", i, "methodology"))
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
    model_config = ConfigDict(extra="forbid")
    name: str
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    aliases: list[str] = Field(default_factory=list)


class Countries(BaseModel):
    model_config = ConfigDict(extra="forbid")
    countries: list[Country]
    currencies: dict[str, list[str]]


def _load(model, path: Path):
    return read_yaml(path).validate(model)


def load_codebook(path: Path | None = None, variants: Path | None = None) -> Codebook:
    """The codebook (default: the built-in one), with the label variants of a `variants` file added to
    its fields."""
    codebook = _load(Codebook, path or BUILT_IN)
    return with_variants(codebook, read_yaml(variants)) if variants is not None else codebook


class AcceptedVariants(RootModel[dict[str, Wordings]]):
    """variants.yaml: field id -> language -> labels."""


def with_variants(codebook: Codebook, doc) -> Codebook:
    """The codebook with each variant of a variants.yaml document (yamlfile.YamlDoc) appended to its
    field's labels (once). Refused, naming the line: an unknown field or language, a wording without
    letters, or one that another field (or a template's indicator) already has."""
    if doc.data is None:  # an empty file: no variants yet
        return codebook
    accepted = doc.validate(AcceptedVariants).root
    specs = {f.id: f for f in codebook.fields}
    owner = {(lang, fold(t)): f.id for f in codebook.fields for lang, texts in f.labels.items() for t in texts}
    owner.update({(lang, fold(t)): f"template {tpl.id!r} indicator" for tpl in codebook.templates
                  for lang, texts in tpl.indicators.items() for t in texts})
    added: dict[str, dict[str, list[str]]] = {}
    for field_id, by_language in accepted.items():
        if field_id not in specs:
            raise doc.error((field_id,), f"variants for unknown field {field_id!r}")
        for lang, texts in by_language.items():
            if lang not in codebook.languages:
                raise doc.error((field_id, lang), f"field {field_id!r} has variants in {lang!r}, which is not a "
                                f"language of the codebook ({', '.join(codebook.languages)})")
            for i, text in enumerate(texts):
                first = owner.setdefault((lang, fold(text)), field_id)
                if first != field_id:
                    raise doc.error((field_id, lang, i), f"{text!r} is a wording of {first} already: a wording must "
                                    f"name one field")
                if text not in specs[field_id].labels.get(lang, []):
                    added.setdefault(field_id, {}).setdefault(lang, []).append(text)
    fields = []
    for f in codebook.fields:
        labels = {lang: list(texts) for lang, texts in f.labels.items()}
        for lang, texts in added.get(f.id, {}).items():
            labels.setdefault(lang, []).extend(texts)
        fields.append(f.model_copy(update={"labels": labels}) if f.id in added else f)
    return codebook.model_copy(update={"fields": fields})


def load_countries(path: Path | None = None) -> Countries:
    return _load(Countries, path or COUNTRIES)


@lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    """The built-in codebook (pipeline/core/data/codebook.yaml), with the variants an older `codebook apply`
    left in the package (codebook_files.LEGACY_VARIANTS), when there are any."""
    legacy = codebook_files.LEGACY_VARIANTS
    return load_codebook(variants=legacy if legacy.is_file() else None)


@lru_cache(maxsize=1)
def default_countries() -> Countries:
    return load_countries()
