"""How well a printed label matches a field or a section title: by spelling (folded text, rapidfuzz) and by
meaning (word stems and thesaurus groups, see meaning.py). Every score is remembered on the lexicon."""
from __future__ import annotations

from dataclasses import dataclass

import regex
from rapidfuzz import fuzz

from ...core.codebook import FieldSpec
from ...core.models import Issue, Match
from ...core.text import fold
from ..lexicon import Lexicon

_FOOTNOTE = regex.compile(r"(?:\s\d{1,2})+$")


@dataclass(frozen=True)
class Score:
    """How well a printed label matches one field, by its closest variant."""

    field: str
    value: float  # what the match rests on: 1.0 for the same folded text
    variant: str
    how: str  # exact | variant | spelling | contained | meaning: what gave the value
    spelling: float = 0.0  # character similarity to the variant, 0..1
    meaning: float = 0.0  # overlap of stems and thesaurus groups, 0..1


def country_placeholder(label: str, lexicon: Lexicon) -> str:
    """Fold a label and put `{country}` where it names a country ("Judgments of Armenia's courts")."""
    return lexicon.country_pattern.sub("{country}", fold(label))


def label_keys(label: str, lexicon: Lexicon) -> list[str]:
    """The folded label, and the same without a trailing footnote mark ("Budget 1", "Budget*")."""
    key = country_placeholder(label, lexicon)
    bare = _FOOTNOTE.sub("", key)
    return [key] if bare == key or not bare else [key, bare]


def _variants(spec: FieldSpec, language: str | None) -> list[tuple[str, bool]]:
    """(variant, canonical?) of the report's language; all languages when it has none."""
    own = spec.labels.get(language or "")
    if own:
        return [(v, i == 0) for i, v in enumerate(own)]
    return [(v, i == 0) for texts in spec.labels.values() for i, v in enumerate(texts)]


def score_label(label: str, spec: FieldSpec, lexicon: Lexicon, language: str | None = None,
                in_section: bool = True) -> Score:
    """The label against each of the field's variants: the same folded text (1.0), else the best of
    the character similarity (spelling, punctuation), containment (a word or two more or fewer, in
    the row's own section only: "Budget (KZT)" ~ "Budget") and the overlap of meaning (stems and
    thesaurus groups, weighted)."""
    memo = (label, spec.id, language, in_section)
    found = lexicon.scores.get(memo)
    if found is not None:
        return found
    m = lexicon.codebook.matching
    keys = label_keys(label, lexicon)
    terms = [frozenset(lexicon.analyzer.terms(k)) for k in keys]
    best = Score(spec.id, 0.0, "", "meaning")
    for variant, canonical in _variants(spec, language):
        v = lexicon.folded_variants[variant]
        if v in keys:
            best = Score(spec.id, 1.0, variant, "exact" if canonical else "variant", 1.0, 1.0)
            break
        vt = lexicon.variant_terms[variant]
        for key, t in zip(keys, terms):
            spelling = round(fuzz.ratio(v, key) / 100 * 0.999, 4)
            meaning = round(lexicon.analyzer.overlap(vt, t) * 0.999, 4)
            extra = len(vt ^ t)
            contained = (round((m.contained - 0.01 * extra) * 0.999, 4) if in_section and vt and t
                         and (vt <= t or t <= vt) and extra <= m.contained_extra_words else 0.0)
            # character similarity below `accept` is noise: two labels of a section share many letters
            for value, how in ((spelling if spelling >= m.accept else 0.0, "spelling"),
                               (contained, "contained"), (meaning, "meaning")):
                if value > best.value or (value == best.value and meaning > best.meaning):
                    best = Score(spec.id, value, variant, how, spelling, meaning)
    if len(lexicon.scores) >= lexicon.MAX_MEMO:
        lexicon.scores.clear()
    lexicon.scores[memo] = best
    return best


def section_id(title: str, lexicon: Lexicon, language: str | None = None) -> str | None:
    """The codebook section a printed section title is: by spelling, or by meaning."""
    memo = (title, language)
    if memo not in lexicon.section_ids:
        lexicon.section_ids[memo] = section_by_title(title, lexicon, language)[0]
    return lexicon.section_ids[memo]


def section_by_title(title: str, lexicon: Lexicon, language: str | None) -> tuple[str | None, float]:
    m = lexicon.codebook.matching
    key = fold(title)
    terms = frozenset(lexicon.analyzer.terms(title))
    best, best_score = None, 0.0
    for s in lexicon.codebook.sections:
        titles = s.titles.get(language or "") or s.all_titles
        for t in titles:
            ft = fold(t)
            if ft == key:
                return s.id, 1.0
            spelling = fuzz.ratio(ft, key) / 100
            meaning = lexicon.analyzer.overlap(frozenset(lexicon.analyzer.terms(t)), terms)
            score = spelling if spelling >= m.accept else meaning if meaning >= m.meaning else 0.0
            if score > best_score:
                best, best_score = s.id, score
    return best, best_score


def known_indicator(label: str, lexicon: Lexicon, language: str | None) -> tuple[str, float] | None:
    """(template, score) when the label is an indicator only one methodology prints, which no field
    takes ("Number of persons convicted of torture"): by spelling, or with nearly all its meaning."""
    memo = (label, language)
    if memo not in lexicon.known:
        if len(lexicon.known) >= lexicon.MAX_MEMO:
            lexicon.known.clear()
        lexicon.known[memo] = _known_indicator(label, lexicon, language)
    return lexicon.known[memo]


def _known_indicator(label: str, lexicon: Lexicon, language: str | None) -> tuple[str, float] | None:
    m = lexicon.codebook.matching
    key = fold(label)
    terms = frozenset(lexicon.analyzer.terms(label))
    best = None
    for template, lang, _, folded, iterms in lexicon.indicators:
        if language and lang != language:
            continue
        score = max(1.0 if folded == key else fuzz.ratio(folded, key) / 100 * 0.999,
                    lexicon.analyzer.overlap(iterms, terms) * 0.999)
        if (score >= m.accept if folded != key else True) and (best is None or score > best[1]):
            best = (template, score)
    return best


# --- matching one label on its own (the facts box, page-break rejoins, tests) ------------------

def match_label(label: str, section: str | None, fields: list[FieldSpec], lexicon: Lexicon,
                page: int | None = None, language: str | None = None) -> tuple[Match | None, list[Issue]]:
    """Match a printed label by spelling alone; None keeps the row as unmapped. Weak and ambiguous
    matches warn."""
    m = lexicon.codebook.matching
    scored = sorted((score_label(label, f, lexicon, language, section is None or f.section in (None, section))
                     for f in fields), key=lambda s: -s.value)
    ranked = [s for s in scored if accepted(s, lexicon)]
    if not ranked:
        return None, []
    issues: list[Issue] = []
    rivals = [s for s in ranked if ranked[0].value - s.value <= m.ambiguous_gap]
    best = ranked[0]
    if len(rivals) > 1:
        in_section = [s for s in rivals if section and lexicon.spec(s.field).section == section]
        if len(in_section) == 1:
            best = in_section[0]
        names = ", ".join(f"{s.field} ({s.value:.2f})" for s in rivals)
        issues.append(Issue(code="ambiguous_label", field=best.field, page=page,
                            message=f"label {label!r} matches several fields: {names}; chose {best.field}"))
    if best.value < m.confident:
        issues.append(Issue(code="weak_match", field=best.field, page=page,
                            message=f"label {label!r} matched {best.variant!r} with similarity {best.value:.2f}"))
    return Match(field=best.field, variant=best.variant, score=best.value, method=method_of(best)), issues


def accepted(score: Score, lexicon: Lexicon) -> bool:
    """A label that matches on its own: by spelling, or with nearly all its meaning."""
    m = lexicon.codebook.matching
    return score.how != "meaning" and score.value >= m.accept or score.meaning >= m.confident


def method_of(score: Score) -> str:
    return score.how if score.how in ("exact", "variant") else "fuzzy"


