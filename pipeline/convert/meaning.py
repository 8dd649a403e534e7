"""Labels compared by meaning: word stems in the word's own language, stopwords left out, the
codebook's thesaurus groups read as one word, a country's name read as `{country}`, and each word
weighted by how few of the codebook's fields use it.

    analyzer.terms("Relatives told of the arrest")   -> ("~family", "~notify", "~detain")
    analyzer.overlap(a, b)                            -> weighted Dice overlap, 0..1
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import regex
import snowballstemmer

from ..core.codebook import Codebook, CodebookError, Countries
from ..core.text import fold

_WORD = regex.compile(r"\{country\}|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*")
_BRITISH = regex.compile(r"is(ed|e|es|ing|ation|ations)$")
COUNTRY = "{country}"


def thesaurus_phrases(codebook: Codebook, stems) -> dict[tuple[str, ...], str]:
    """Each thesaurus phrase's stems -> its group's term ("~" and the group's first phrase). A phrase
    in two groups of one language is an error; groups of two languages that share one are joined."""
    owner: dict[tuple[str, ...], tuple[str, str]] = {}  # stems -> (language, group term)
    parent: dict[str, str] = {}

    def root(term: str) -> str:
        while parent.get(term, term) != term:
            term = parent[term]
        return term

    for lang, groups in codebook.thesaurus.items():
        for group in groups:
            term = "~" + fold(group[0]).replace(" ", "_")
            parent.setdefault(term, term)
            for phrase in group:
                key = stems(phrase)
                if not key:
                    raise CodebookError(f"thesaurus ({lang}) group {group[0]!r}: {phrase!r} is only stopwords")
                seen = owner.get(key)
                if seen is None:
                    owner[key] = (lang, term)
                elif seen[0] == lang and root(seen[1]) != root(term):
                    raise CodebookError(f"thesaurus ({lang}): {phrase!r} is in the groups {seen[1][1:]!r} and "
                                        f"{group[0]!r} (the same word stem); a word belongs to one group")
                else:
                    parent[root(term)] = root(seen[1])
    return {key: root(term) for key, (_, term) in owner.items()}


class Analyzer:
    def __init__(self, codebook: Codebook, countries: Countries):
        self.scripts = {lang: regex.compile(rf"\p{{{spec.script}}}") for lang, spec in codebook.languages.items()}
        self.stemmers = {lang: snowballstemmer.stemmer(spec.stemmer) for lang, spec in codebook.languages.items()}
        self.default_language = next(iter(codebook.languages))
        self._stems: dict[str, str] = {}
        self.stopwords = {self.stem(w) for words in codebook.stopwords.values() for w in words for w in [fold(w)]}
        self.phrases = thesaurus_phrases(codebook, self.stems)
        country = self.phrases.get((COUNTRY,), COUNTRY)  # a country's name reads as what `{country}` does
        for c in countries.countries:
            for name in [c.name, *c.aliases]:
                stems = self.stems(name)
                if stems:
                    self.phrases.setdefault(stems, country)
        self.longest = max((len(p) for p in self.phrases), default=1)
        self._terms: dict[str, tuple[str, ...]] = {}
        self.weights: dict[str, float] = {}

    def language_of(self, word: str) -> str:
        for lang, script in self.scripts.items():
            if script.search(word):
                return lang
        return self.default_language

    def stem(self, word: str) -> str:
        found = self._stems.get(word)
        if found is None:
            lang = self.language_of(word)
            w = word.replace("ё", "е")
            if lang == "en":  # authorised ~ authorized: British -ise spelt -ize
                w = _BRITISH.sub(r"iz\1", w)
            found = self._stems[word] = self.stemmers[lang].stemWord(w)
        return found

    def stems(self, text: str) -> tuple[str, ...]:
        """The text's word stems, stopwords left out; `{country}` kept as it is."""
        out = []
        for m in _WORD.finditer(fold(text)):
            word = m.group(0)
            s = word if word == COUNTRY else self.stem(word)
            if s not in getattr(self, "stopwords", ()):
                out.append(s)
        return tuple(out)

    def terms(self, text: str) -> tuple[str, ...]:
        """The text's terms: stems, with thesaurus phrases and country names replaced by their group."""
        found = self._terms.get(text)
        if found is None:
            stems = self.stems(text)
            out, i = [], 0
            while i < len(stems):
                for n in range(min(self.longest, len(stems) - i), 0, -1):
                    concept = self.phrases.get(stems[i:i + n])
                    if concept is not None:
                        out.append(concept)
                        i += n
                        break
                else:
                    out.append(stems[i])
                    i += 1
            found = self._terms[text] = tuple(out)
        return found

    def weigh(self, field_terms: Iterable[frozenset[str]]) -> None:
        """Weigh terms by rarity among the fields (each field's terms over all its labels): a term
        that names one field says more than one most labels share ("torture", "number")."""
        sets = list(field_terms)
        n = len(sets)
        df: dict[str, int] = {}
        for s in sets:
            for t in s:
                df[t] = df.get(t, 0) + 1
        self.weights = {t: math.log(1 + n / d) for t, d in df.items()}
        self.unseen = math.log(1 + n)

    def weight(self, term: str) -> float:
        return self.weights.get(term, self.unseen)

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Weighted Dice overlap of two term sets: 1.0 when they are the same."""
        if not a or not b:
            return 0.0
        shared = sum(self.weight(t) for t in a & b)
        return 2 * shared / (sum(self.weight(t) for t in a) + sum(self.weight(t) for t in b))
