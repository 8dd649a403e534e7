"""The lexicon: the codebook and the country data with the lookup tables derived from them, built once.

Every stage that reads labels, names or wordings takes a Lexicon. Its tables are computed when it is
built, and what it learns while converting (each label's ranking against the codebook, each section
title's id) is remembered on the lexicon itself, so a worker ranks a label once however many profiles
print it, and a lexicon built from another codebook never sees those answers.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Annotated

import regex
from pydantic import BaseModel, ConfigDict, Field, create_model

from ..core.codebook import Codebook, Countries, Country, FieldSpec, default_codebook, default_countries
from ..core.codebook_files import CodebookFiles
from ..core.text import fold
from .meaning import Analyzer


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=False)


def bounds_model(codebook: Codebook) -> type[BaseModel]:
    """The validation model: one optional, bounded attribute per field the codebook gives bounds."""
    attrs = {}
    for f in codebook.fields:
        if f.bounds:
            kind = int if f.type == "int" else float
            attrs[f.id] = (Annotated[kind, Field(**f.bounds.model_dump(exclude_none=True))] | None, None)
    return create_model("ProfileValues", __base__=_Lenient, **attrs)


class Lexicon:
    MAX_MEMO = 65536  # label scores remembered; the same few hundred labels come back in every profile

    def __init__(self, codebook: Codebook, countries: Countries):
        self.codebook = codebook
        self.countries = countries
        self.analyzer = Analyzer(codebook, countries)
        self._fields(codebook)
        self._wordings(codebook)
        self._money(countries)
        self.country_by_name, self.country_names, self.country_pattern = _country_tables(countries)
        self.bounds_model = bounds_model(codebook)
        # filled while converting (see map.py): label scores and section ids
        self.scores: dict[tuple, object] = {}
        self.fits: dict[tuple, int] = {}
        self.known: dict[tuple, tuple | None] = {}
        self.section_ids: dict[tuple, str | None] = {}

    def _fields(self, codebook: Codebook) -> None:
        """The fields by id, by where they are printed and by section; their variants, folded and as terms."""
        self.specs: dict[str, FieldSpec] = {f.id: f for f in codebook.fields}
        self.facts_fields = [f for f in codebook.fields if f.where == "facts"]
        self.table_fields = [f for f in codebook.fields if f.where == "table"]
        self.section_fields = {s.id: [f for f in self.table_fields if f.section == s.id] for s in codebook.sections}
        self.facts_labels = [label for f in self.facts_fields for label in f.variants]
        self.folded_variants = {v: fold(v) for f in codebook.fields for v in f.variants}
        self.variant_terms = {v: frozenset(self.analyzer.terms(v)) for v in self.folded_variants}
        self.analyzer.weigh(frozenset(t for v in f.variants for t in self.variant_terms[v])
                            for f in codebook.fields if f.variants)
        self.indicators = self._indicators(codebook)

    def _indicators(self, codebook: Codebook) -> list[tuple[str, str, str, str, frozenset[str]]]:
        """Rows only one methodology prints (no field takes them): (template, language, label, folded, terms)."""
        return [(t.id, lang, label, fold(label), frozenset(self.analyzer.terms(label)))
                for t in codebook.templates for lang, labels in t.indicators.items() for label in labels]

    def _wordings(self, codebook: Codebook) -> None:
        """Section titles and sub-headings, "no data" forms, verdicts (by word and, in inflected languages,
        by stem), multipliers and the nouns after a population figure."""
        self.section_titles = frozenset(fold(t) for s in codebook.sections for t in s.all_titles)
        self.subheadings = frozenset(fold(s) for s in codebook.subheadings)
        self.no_data = [(fold(form), form) for form in codebook.no_data]
        self.verdicts = _verdicts(codebook)
        # the first answer listing a word's stem wins, as for the words themselves
        self.verdict_stems = {self.analyzer.stem(w): a for w, a in reversed(self.verdicts.items())}
        self.inflected = frozenset(lang for lang, spec in codebook.languages.items() if spec.inflected)
        self.multipliers = {w.casefold(): factor for factor, words in codebook.multipliers.items() for w in words}
        self.population_nouns = frozenset(w.casefold() for w in codebook.population_nouns)

    def _money(self, countries: Countries) -> None:
        """Currency names, folded and as word stems (any grammatical form: «рублей», «рубля»)."""
        self.currency_names = {code: {fold(n) or n for n in names} for code, names in countries.currencies.items()}
        self.currency_stems: dict[tuple[str, ...], set[str]] = {}
        for code, names in countries.currencies.items():
            for n in names:
                if self.analyzer.stems(n):  # a symbol has no stem: it is found by its folded form alone
                    self.currency_stems.setdefault(self.analyzer.stems(n), set()).add(code)

    def spec(self, field_id: str) -> FieldSpec:
        return self.specs[field_id]

    def country(self, name: str | None) -> Country | None:
        return next((c for c in self.countries.countries if c.name == name), None)


def _verdicts(codebook: Codebook) -> dict[str, str]:
    """A verdict word, case-folded -> its answer; the first answer listing a word wins."""
    out: dict[str, str] = {}
    for answer, words in codebook.verdicts.items():
        for w in words:
            out.setdefault(w.casefold(), answer)
    return out


def _country_tables(countries: Countries) -> tuple[dict[str, Country], list[tuple[str, Country]], regex.Pattern]:
    """Folded name -> country; the (folded name, country) pairs longest first; one alternation of them
    all (which also puts `{country}` into labels)."""
    names = [(fold(n), c) for c in countries.countries for n in [c.name, *c.aliases]]
    by_name: dict[str, Country] = {}
    for n, c in names:
        by_name.setdefault(n, c)
    longest_first = sorted(((n, c) for n, c in names if n), key=lambda nc: -len(nc[0]))
    pattern = regex.compile(r"\b(?:" + "|".join(regex.escape(n) for n, _ in longest_first) + r")\b")
    return by_name, longest_first, pattern


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon(default_codebook(), default_countries())


@lru_cache(maxsize=4)
def lexicon_for(files: CodebookFiles | None) -> Lexicon:
    """The lexicon of a run's codebook (the built-in one, or with a codebook folder's variants), built once
    per process for the same files. Raises CodebookError when the codebook is malformed."""
    if files is None or files.variants is None:
        return default_lexicon()
    return Lexicon(files.load(), default_countries())
