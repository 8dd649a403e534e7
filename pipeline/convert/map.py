"""Map stage: printed labels -> canonical field ids, through the codebook, with a confidence score."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from difflib import SequenceMatcher

import regex

from ..codebook import Codebook, Countries, FieldSpec
from ..models import Issue, Match, Row
from .normalize import country_names
from ..text import fold


@dataclass(frozen=True)
class Candidate:
    spec: FieldSpec
    variant: str
    score: float


def country_placeholder(label: str, countries: Countries) -> str:
    """Fold a label and put `{country}` where it names a country ("Judgments of Armenia's courts")."""
    return country_names(countries)[2].sub("{country}", fold(label))


# Caches keyed by id(); each entry keeps its object alive, so an id is never reused for another.
_SECTIONS: dict[tuple[int, str], tuple[Codebook, str | None]] = {}


def section_id(title: str, codebook: Codebook) -> str | None:
    """The codebook section a printed section title is (exact after folding, else close)."""
    memo = (id(codebook), title)
    if memo not in _SECTIONS:
        _SECTIONS[memo] = (codebook, _section_id(title, codebook))
    return _SECTIONS[memo][1]


def _section_id(title: str, codebook: Codebook) -> str | None:
    key = fold(title)
    best, best_score = None, 0.0
    for s in codebook.sections:
        for t in s.titles:
            score = 1.0 if fold(t) == key else SequenceMatcher(None, fold(t), key).ratio()
            if score > best_score:
                best, best_score = s.id, score
    return best if best_score >= codebook.matching.accept else None


STOPWORDS = frozenset("a an and as at by for from in is of on or the there to with".split())


def stem(word: str) -> str:
    """A light English stem, enough to meet reordered wordings halfway: investigators ~
    investigator, authorised ~ authorized."""
    word = word.replace("is", "iz") if word.endswith(("ised", "ise", "ises", "ising", "isation")) else word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=16384)
def content_words(key: str) -> frozenset[str]:
    return frozenset(stem(t) for t in key.split() if t not in STOPWORDS)


_FOOTNOTE = regex.compile(r"(?:\s\d{1,2})+$")


def label_keys(label: str, countries: Countries) -> list[str]:
    """The folded label, and the same without a trailing footnote mark ("Budget 1", "Budget*")."""
    key = country_placeholder(label, countries)
    bare = _FOOTNOTE.sub("", key)
    return [key] if bare == key or not bare else [key, bare]


def similarity(variant: str, key: str, contained: float = 0.0, extra: int = 0, floor: float = 0.0,
               matcher: SequenceMatcher | None = None) -> float:
    """1.0 for the same folded text; else the best of the character similarity (catches
    spelling and punctuation changes), the Dice overlap of content words (catches words
    added, dropped or reordered) and, where allowed, `contained` when one side's content
    words all appear in the other with at most `extra` more ("Budget (KZT)" ~ "Budget").
    Scores below `floor` need not be exact: the costly character ratio is skipped when its
    cheap upper bounds show it cannot beat the other measures or reach the floor."""
    v = fold(variant)
    if v == key:
        return 1.0
    a, b = content_words(v), content_words(key)
    dice = 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0
    # each word more on either side costs a little, so the closest containing variant wins
    inside = contained - 0.01 * len(a ^ b) if a and b and (a <= b or b <= a) and len(a ^ b) <= extra else 0.0
    best = max(dice, inside)
    sm = matcher or SequenceMatcher(None, "", key)  # a matcher already set to `key` saves indexing it again
    sm.set_seq1(v)
    bar = max(best, floor)
    if sm.real_quick_ratio() >= bar and sm.quick_ratio() >= bar:
        best = max(best, sm.ratio())
    return best * 0.999  # below an exact match


# The same labels come back in profile after profile: each worker ranks a label against the codebook
# once. Keyed by the label, the arguments and the ids of the codebook objects (kept alive in the entry).
_RANKED: dict[tuple, tuple[list[FieldSpec], Countries, list[Candidate]]] = {}
_RANKED_MAX = 8192


def rank(label: str, fields: list[FieldSpec], countries: Countries, section: str | None = None,
         contained: float = 0.0, extra: int = 0, floor: float = 0.0) -> list[Candidate]:
    """Every field's best-matching label variant, best first. Containment counts only for
    fields of the row's own section (or rows outside any section: the facts box)."""
    memo = (label, section, contained, extra, floor, id(countries), *map(id, fields))
    entry = _RANKED.get(memo)
    if entry is None:
        if len(_RANKED) >= _RANKED_MAX:
            _RANKED.clear()
        entry = _RANKED[memo] = (list(fields), countries, _rank(label, fields, countries, section, contained,
                                                                extra, floor))
    return list(entry[2])


def _rank(label: str, fields: list[FieldSpec], countries: Countries, section: str | None,
          contained: float, extra: int, floor: float) -> list[Candidate]:
    keys = [(k, SequenceMatcher(None, "", k)) for k in label_keys(label, countries)]
    out = []
    for spec in fields:
        allow = contained if section is None or spec.section in (None, section) else 0.0
        best = max(((similarity(v, k, allow, extra, floor, sm), v) for v in spec.labels for k, sm in keys),
                   default=(0.0, ""))
        out.append(Candidate(spec, best[1], round(best[0], 4)))
    return sorted(out, key=lambda c: -c.score)


_EXACT: dict[int, tuple[Codebook, frozenset[str]]] = {}


def exact_variants(codebook: Codebook) -> frozenset[str]:
    entry = _EXACT.get(id(codebook))
    if entry is None:
        entry = _EXACT[id(codebook)] = (codebook, frozenset(fold(v) for f in codebook.fields for v in f.labels))
    return entry[1]


def match_label(label: str, section: str | None, fields: list[FieldSpec], codebook: Codebook,
                countries: Countries, page: int | None = None) -> tuple[Match | None, list[Issue]]:
    """Match a printed label; None keeps the row as unmapped. Weak and ambiguous matches warn."""
    m = codebook.matching
    # With an exact match in hand only near-exact rivals matter: most comparisons can be skipped.
    exact = any(k in exact_variants(codebook) for k in label_keys(label, countries))
    floor = max(m.accept, 1.0 - m.ambiguous_gap) if exact else m.accept
    ranked = [c for c in rank(label, fields, countries, section, m.contained, m.contained_extra_words, floor)
              if c.score >= m.accept]
    if not ranked:
        return None, []
    issues: list[Issue] = []
    rivals = [c for c in ranked if ranked[0].score - c.score <= m.ambiguous_gap]
    best = ranked[0]
    if len(rivals) > 1:
        in_section = [c for c in rivals if section and c.spec.section == section]
        if len(in_section) == 1:
            best = in_section[0]
        names = ", ".join(f"{c.spec.id} ({c.score:.2f})" for c in rivals)
        issues.append(Issue(code="ambiguous_label", field=best.spec.id, page=page,
                            message=f"label {label!r} matches several fields: {names}; chose {best.spec.id}"))
    method = "exact" if best.score == 1.0 else "fuzzy"
    if best.score < m.confident:
        issues.append(Issue(code="weak_match", field=best.spec.id, page=page,
                            message=f"label {label!r} matched {best.variant!r} with similarity {best.score:.2f}"))
    return Match(field=best.spec.id, variant=best.variant, score=best.score, method=method), issues


def rejoin_split_rows(rows: list[Row], fields: list[FieldSpec], codebook: Codebook,
                      countries: Countries) -> list[Row]:
    """A table row at the top of a page whose label, joined to the previous page's last label,
    matches a field better than either part alone, is the rest of that row: a page break
    split it, label and value alike ("Optional Protocol to the UN Convention against" /
    "Torture and Other Cruel, ... (2002)")."""
    def score(label: str, section: str | None) -> float:
        m, _ = match_label(label, section, fields, codebook, countries)
        return m.score if m else 0.0

    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        if row.after_page_break and prev is not None and prev.kind in ("table", "subheading") \
                and prev.section == row.section:
            section = section_id(row.section, codebook)
            head, tail = " ".join(prev.label.lines), " ".join(row.label.lines)
            joined = score(f"{head} {tail}", section)
            if joined > max(score(head, section), score(tail, section)):
                prev.label.fragments += row.label.fragments
                prev.value.fragments += row.value.fragments
                prev.kind = "table" if prev.value.fragments else prev.kind
                prev.rejoined = True
                continue
        out.append(row)
    return out


def section_title_rows(rows: list[Row], codebook: Codebook) -> list[Row]:
    """A label-only row that is a known section title (a title set as a table row rather than
    as a heading) starts that section: it becomes a `section` row and the rows after it, up to
    the next section the extract stage found, belong to it."""
    subheadings = {fold(t) for t in codebook.subheadings}
    title, within = None, None
    for row in rows:
        if row.kind not in ("table", "subheading"):
            continue
        if title is not None and row.section == within:
            row.section = title
        elif row.section != within:
            title = None
        label = " ".join(row.label.lines)
        if row.kind == "subheading" and fold(label) not in subheadings and section_id(label, codebook):
            row.kind = "section"
            title, within = label, row.section
            row.section = label
    return rows
