"""Map stage: the extracted rows -> canonical field ids, by spelling, by meaning and by place.

`map_rows(rows, lexicon, language)` returns a Mapping: new rows, each with its joined texts, its
place on the page and the field it was matched to (or none: kept as unmapped), with how
(`exact`, `variant`, `fuzzy`, `structural`) and how well. The extracted rows are left as they were.

How a row finds its field:
1. Each printed section is matched to a codebook section by its title, else by its rows (the
   section whose fields its rows fit best). A row can only take a field of its own section.
2. Within a section, rows and fields are aligned in order (a dynamic programme over the rows in
   print order and the fields in codebook order): a row whose label matches a field by spelling
   anchors it; the others take the field whose label means most nearly the same, keeping the
   order; a lone row left between two placed rows, facing a lone field, takes it when its value
   fits the field's type (a structural match). The facts box has no order: its rows and fields
   are paired best first.
3. A match that rests on meaning or on place alone always carries a warning; a row that fits no
   field stays unmapped, with its label and text.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex
from rapidfuzz import fuzz

from ..codebook import FieldSpec
from ..geometry import BBox
from ..models import Cell, Issue, Mapping, MappedRow, Match, Row
from ..text import fold
from .fit import value_fit
from .lexicon import Lexicon
from .normalize import join_cell_lines

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
        lexicon.section_ids[memo] = _section_by_title(title, lexicon, language)[0]
    return lexicon.section_ids[memo]


def _section_by_title(title: str, lexicon: Lexicon, language: str | None) -> tuple[str | None, float]:
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
    ranked = [s for s in scored if _accepted(s, lexicon)]
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
    return Match(field=best.field, variant=best.variant, score=best.value, method=_method(best)), issues


def _accepted(score: Score, lexicon: Lexicon) -> bool:
    """A label that matches on its own: by spelling, or with nearly all its meaning."""
    m = lexicon.codebook.matching
    return score.how != "meaning" and score.value >= m.accept or score.meaning >= m.confident


def _method(score: Score) -> str:
    return score.how if score.how in ("exact", "variant") else "fuzzy"


# --- rows before matching: page breaks and section titles set as rows -------------------------

def rejoin_split_rows(rows: list[Row], lexicon: Lexicon, language: str | None = None) -> list[Row]:
    """A table row at the top of a page whose label, joined to the previous page's last label,
    matches a field better than either part alone, is the rest of that row: a page break
    split it, label and value alike ("Optional Protocol to the UN Convention against" /
    "Torture and Other Cruel, ... (2002)")."""
    def score(label: str, section: str | None) -> float:
        m, _ = match_label(label, section, lexicon.table_fields, lexicon, language=language)
        return m.score if m else 0.0

    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        if row.after_page_break and prev is not None and prev.kind in ("table", "subheading") \
                and prev.section == row.section:
            section = section_id(row.section, lexicon, language)
            head, tail = " ".join(prev.label.lines), " ".join(row.label.lines)
            joined = score(f"{head} {tail}", section)
            if joined > max(score(head, section), score(tail, section)):
                value = Cell(fragments=prev.value.fragments + row.value.fragments)
                out[-1] = prev.model_copy(update={
                    "label": Cell(fragments=prev.label.fragments + row.label.fragments), "value": value,
                    "kind": "table" if value.fragments else prev.kind, "rejoined": True})
                continue
        out.append(row)
    return out


def section_title_rows(rows: list[Row], lexicon: Lexicon, language: str | None = None) -> list[Row]:
    """A label-only row that is a known section title (a title set as a table row rather than
    as a heading) starts that section: it becomes a `section` row and the rows after it, up to
    the next section the extract stage found, belong to it."""
    out: list[Row] = []
    title, within = None, None
    for row in rows:
        if row.kind not in ("table", "subheading"):
            out.append(row)
            continue
        if title is not None and row.section == within:
            row = row.model_copy(update={"section": title})
        elif row.section != within:
            title = None
        label = " ".join(row.label.lines)
        if row.kind == "subheading" and fold(label) not in lexicon.subheadings \
                and _section_by_title(label, lexicon, language)[1] >= lexicon.codebook.matching.accept:
            title, within = label, row.section
            row = row.model_copy(update={"kind": "section", "section": label})
        out.append(row)
    return out


# --- pairing rows with fields -------------------------------------------------------------------

@dataclass
class Pair:
    row: int  # index into the mapped rows
    score: Score
    fit: int  # how the value fits the field's type: 1 its own type, 0 neither way, -1 not at all
    structural: bool = False  # placed by order alone


def _anchor(score: Score, lexicon: Lexicon) -> bool:
    """A match by spelling, or by nearly all its meaning: it holds whatever the order."""
    return _accepted(score, lexicon)


def _pairs_table(rows: list[MappedRow], idx: list[int], fields: list[FieldSpec], lexicon: Lexicon,
                 language: str | None) -> dict[tuple[int, int], Pair]:
    """Every (row position, field index) pair with its score; a value that cannot be the field's
    (a verdict for a count) rules the pair out unless the label is the field's by spelling."""
    out = {}
    for a, i in enumerate(idx):
        for b, f in enumerate(fields):
            fit = value_fit(rows[i].text, f, lexicon)
            score = score_label(rows[i].label, f, lexicon, language)
            if fit >= 0 or _anchor(score, lexicon):
                out[(a, b)] = Pair(i, score, fit)
    return out


def set_aside_indicators(rows: list[MappedRow], idx: list[int], fields: list[FieldSpec], lexicon: Lexicon,
                         language: str | None) -> list[int]:
    """The rows of a group that are known indicators of a methodology (and match no field better) are
    marked so and left out of the alignment: they stay unmapped and no field is placed on them."""
    kept = []
    for i in idx:
        found = known_indicator(rows[i].label, lexicon, language)
        best_field = max((score_label(rows[i].label, f, lexicon, language).value for f in fields), default=0.0)
        if found and found[1] > best_field:
            rows[i] = rows[i].model_copy(update={"rules": rows[i].rules + [f"indicator_of_methodology:{found[0]}"]})
        else:
            kept.append(i)
    return kept


def align(rows: list[MappedRow], idx: list[int], fields: list[FieldSpec], lexicon: Lexicon,
          language: str | None) -> dict[int, Pair]:
    """Rows (in print order) and fields (in codebook order) paired so that the order holds and the
    pairs' scores add up to the most; spelling matches anchor. Returns field index -> pair."""
    pairs = _pairs_table(rows, idx, fields, lexicon, language)
    related = lexicon.codebook.matching.related
    anchors = _best_first({k: p for k, p in pairs.items() if _anchor(p.score, lexicon)})

    def gain(a: int, b: int) -> float | None:
        p = pairs.get((a, b))
        if p is None:
            return None
        if (a, b) in anchors:
            return 10.0 + p.score.value
        if p.fit < 0 or any(k[0] == a or k[1] == b for k in anchors):
            return None
        g = p.score.value - related
        return g if g > 0 else None

    n, m = len(idx), len(fields)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            g = gain(a, b)
            best[a][b] = max(best[a + 1][b], best[a][b + 1], (g + best[a + 1][b + 1]) if g is not None else 0.0)
    chosen: dict[int, tuple[int, Pair]] = {}  # field index -> (row position, pair)
    a = b = 0
    while a < n and b < m:
        g = gain(a, b)
        if g is not None and abs(best[a][b] - (g + best[a + 1][b + 1])) < 1e-9:
            chosen[b] = (a, pairs[(a, b)])
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    taken = {r for r, _ in chosen.values()}
    for (a, b), p in anchors.items():  # a spelling match out of the usual order still holds
        if b not in chosen and a not in taken:
            chosen[b] = (a, p)
            taken.add(a)
    _fill_gaps(chosen, pairs, n, m)
    return {b: p for b, (_, p) in chosen.items()}


def _best_first(pairs: dict[tuple[int, int], Pair]) -> dict[tuple[int, int], Pair]:
    """One-to-one: the best pairs first, each row and field used once."""
    out, rows, cols = {}, set(), set()
    for (a, b), p in sorted(pairs.items(), key=lambda kv: (-kv[1].score.value, kv[0])):
        if a not in rows and b not in cols:
            out[(a, b)] = p
            rows.add(a)
            cols.add(b)
    return out


FIT_BONUS = 0.15  # in a gap, a value of the field's own type (a count for a count) counts this much
CLEAR_MARGIN = 0.15  # ... and a row takes a field only when no other choice in the gap comes this close


def _fill_gaps(chosen: dict[int, tuple[int, Pair]], pairs: dict[tuple[int, int], Pair], n: int, m: int) -> None:
    """Rows and fields left between two placed rows (or a placed row and the table's end): a lone
    row facing a lone field takes it when its value is of the field's type or its label shares
    something with it; otherwise a row takes a field only when that pair is clearly the best choice
    in the gap for both (a new indicator beside a reworded row stays unmapped). Structural matches."""
    ordered = sorted((a, b) for b, (a, _) in chosen.items())
    if any(ordered[k][1] > ordered[k + 1][1] for k in range(len(ordered) - 1)):
        return  # the placed rows are not in the usual order: no gap is well defined
    bounds = [(-1, -1)] + ordered + [(n, m)]
    for (a0, b0), (a1, b1) in zip(bounds, bounds[1:]):
        gap = {(a, b): p for (a, b), p in pairs.items() if a0 < a < a1 and b0 < b < b1
               and p.fit >= 0 and (p.fit > 0 or p.score.value > 0)}
        rows, fields = a1 - a0 - 1, b1 - b0 - 1
        if rows == fields and all((a0 + k, b0 + k) in gap for k in range(1, rows + 1)):
            for k in range(1, rows + 1):  # as many rows as fields, each fitting: in order
                gap[(a0 + k, b0 + k)].structural = True
                chosen[b0 + k] = (a0 + k, gap[(a0 + k, b0 + k)])
            continue
        if rows <= fields:
            continue  # fewer rows than fields: a row may as well be a new indicator
        weight = {k: p.score.value + FIT_BONUS * p.fit for k, p in gap.items()}
        for (a, b), w in sorted(weight.items(), key=lambda kv: -kv[1]):
            rivals = [v for (x, y), v in weight.items() if (x == a) != (y == b)]
            placed = [(x, y) for y, (x, _) in chosen.items()]
            in_order = all((x < a) == (y < b) for x, y in placed)
            if in_order and b not in chosen and all(x != a for x, _ in placed) \
                    and all(w - v >= CLEAR_MARGIN for v in rivals):
                gap[(a, b)].structural = True
                chosen[b] = (a, gap[(a, b)])


def assign_facts(rows: list[MappedRow], idx: list[int], fields: list[FieldSpec], lexicon: Lexicon,
                 language: str | None) -> dict[int, Pair]:
    """The facts box's items and fields, paired best first (its layout sets no order); a last item
    and a last field left over pair when the value is of the field's type."""
    pairs = _pairs_table(rows, idx, fields, lexicon, language)
    related = lexicon.codebook.matching.related
    strong = {k: p for k, p in pairs.items() if _anchor(p.score, lexicon) or p.fit >= 0 and p.score.value >= related}
    chosen = {b: p for (a, b), p in _best_first(strong).items()}
    used = {p.row for p in chosen.values()}
    left_rows = [a for a, i in enumerate(idx) if i not in used]
    left_fields = [b for b in range(len(fields)) if b not in chosen]
    if len(left_rows) == 1 and len(left_fields) == 1:
        p = pairs.get((left_rows[0], left_fields[0]))
        if p is not None and p.fit > 0:
            p.structural = True
            chosen[left_fields[0]] = p
    return chosen


# --- sections ------------------------------------------------------------------------------------

def assign_sections(groups: dict[str, list[int]], rows: list[MappedRow], lexicon: Lexicon,
                    language: str | None) -> dict[str, str | None]:
    """Each printed section title -> a codebook section: by its title where that is clear, else the
    section whose fields its rows fit best (each codebook section taken once)."""
    out: dict[str, str | None] = {}
    for title in groups:
        sid, score = _section_by_title(title, lexicon, language) if title else (None, 0.0)
        out[title] = sid if sid and sid not in out.values() else None
    free = [s for s in lexicon.codebook.sections if s.id not in out.values() and lexicon.section_fields[s.id]]
    scores = []
    for title, idx in groups.items():
        if out[title] is not None or not title:
            continue
        for s in free:
            fields = lexicon.section_fields[s.id]
            fit = sum(p.score.value for p in align(rows, idx, fields, lexicon, language).values() if not p.structural)
            if fit > 0:
                scores.append((fit, title, s.id))
    for fit, title, sid in sorted(scores, reverse=True):
        if out[title] is None and sid not in out.values():
            out[title] = sid
    return out


# --- the stage -----------------------------------------------------------------------------

def _placement(row: Row) -> tuple[int | None, BBox | None]:
    """The value's page and box: the union of its lines on its first page, unless that union would take
    in its label's words too (a facts-box value wrapped under its label, "Population - 18.28" /
    "million"): then the box of its first line, which holds the value's words only."""
    cell = row.value if row.value.fragments else row.label
    page = cell.page
    if not page:
        return page, None
    box = cell.bbox_on(page)
    if cell is row.value and any(box.holds_centre_of(f.bbox) for f in row.label.fragments if f.page == page):
        box = row.value.fragments[0].bbox
    return page, box


def _words(row: Row) -> int:
    return sum(len(f.text.split()) for f in row.label.fragments + row.value.fragments)


def read_row(row: Row) -> MappedRow:
    """One row's texts joined and its place; the field comes later."""
    page, bbox = _placement(row)
    label, _ = join_cell_lines(row.label.lines)
    text, rules = join_cell_lines(row.value.lines)
    out = MappedRow(kind=row.kind, section=row.section, label=label, text=text, page=page, bbox=bbox,
                    fragments=row.value.fragments or row.label.fragments,
                    rules=(["row_rejoined_across_page_break"] if row.rejoined else []) + rules)
    if row.kind == "title":
        out.field = row.key or ""
    return out


def _matched(row: MappedRow, pair: Pair, fields_scored: list[Score], lexicon: Lexicon) -> MappedRow:
    """The row with its field, how it was matched, and the warnings an inferred match carries."""
    m = lexicon.codebook.matching
    s = pair.score
    issues: list[Issue] = []
    rivals = [r for r in fields_scored if r.field != s.field and _accepted(r, lexicon)
              and s.value - r.value <= m.ambiguous_gap]
    if rivals and _accepted(s, lexicon):
        names = ", ".join(f"{r.field} ({r.value:.2f})" for r in [s, *rivals])
        issues.append(Issue(code="ambiguous_label", field=s.field, page=row.page,
                            message=f"label {row.label!r} matches several fields: {names}; chose {s.field}"))
    best_for_row = all(r.value < s.value for r in fields_scored if r.field != s.field)
    if pair.structural or s.value < m.related:
        method = "structural"
        issues.append(Issue(code="structural_match", field=s.field, page=row.page, message=(
            f"label {row.label!r} was placed as {s.field} by its place in the section and its value's type "
            f"(closest wording {s.variant!r}, similarity {s.value:.2f}): please check")))
    else:
        method = _method(s)
        # near-identical spelling, or the meaning of a variant all there and no other field as close
        confident = s.value >= m.confident or (s.how != "spelling" and s.value >= m.meaning and best_for_row)
        if not confident:
            issues.append(Issue(code="weak_match", field=s.field, page=row.page,
                                message=f"label {row.label!r} matched {s.variant!r} with similarity {s.value:.2f}"))
    match = Match(field=s.field, variant=s.variant, score=s.value, method=method)
    return row.model_copy(update={"field": s.field, "match": match, "warnings": row.warnings + issues})


def claim_fields(rows: list[MappedRow]) -> list[MappedRow]:
    """Two rows claiming one field: the better match keeps it, the other stays unmapped; both warn."""
    extra: dict[int, list[Issue]] = {}
    lost: set[int] = set()
    claimed: dict[str, int] = {}
    for i, row in enumerate(rows):
        if not row.field:
            continue
        j = claimed.setdefault(row.field, i)
        if j == i:
            continue
        first = rows[j]
        keep, lose = (i, j) if row.match and first.match and row.match.score > first.match.score else (j, i)
        msg = (f"two rows claim {row.field}: {first.label!r} (page {first.page}) and {row.label!r} "
               f"(page {row.page}); {rows[lose].label!r} matches less well and is kept as unmapped")
        for k in (j, i):
            extra.setdefault(k, []).append(Issue(code="duplicate_field", field=row.field, page=rows[k].page,
                                                 message=msg))
        lost.add(lose)
        claimed[row.field] = keep
    return [row.model_copy(update={"warnings": row.warnings + extra[i],
                                   **({"field": "", "match": None} if i in lost else {})})
            if i in extra else row for i, row in enumerate(rows)]


def _place(rows: list[MappedRow], placed: dict[int, Pair], fields: list[FieldSpec], lexicon: Lexicon,
           language: str | None, in_section: bool) -> None:
    for b, pair in placed.items():
        scored = [score_label(rows[pair.row].label, f, lexicon, language, in_section) for f in fields]
        rows[pair.row] = _matched(rows[pair.row], pair, scored, lexicon)


def _duplicates(rows: list[MappedRow], idx: list[int], fields: list[FieldSpec], lexicon: Lexicon,
                language: str | None) -> None:
    """A row left unmapped whose label is another placed row's field by spelling: both warn."""
    placed = {rows[i].field: i for i in idx if rows[i].field}
    for i in idx:
        if rows[i].field:
            continue
        for f in fields:
            j = placed.get(f.id)
            if j is not None and _accepted(score_label(rows[i].label, f, lexicon, language), lexicon):
                first, second = sorted((i, j))
                msg = (f"two rows claim {f.id}: {rows[first].label!r} (page {rows[first].page}) and "
                       f"{rows[second].label!r} (page {rows[second].page}); {rows[i].label!r} matches less "
                       "well and is kept as unmapped")
                for k in (first, second):
                    rows[k] = rows[k].model_copy(update={"warnings": rows[k].warnings + [Issue(
                        code="duplicate_field", field=f.id, page=rows[k].page, message=msg)]})
                break


def _unplaced_label_only(rows: list[MappedRow], idx: list[int], extracted: list[Row]) -> None:
    for i in idx:
        if extracted[i].kind == "subheading" and not rows[i].field:
            rows[i] = rows[i].model_copy(update={"warnings": rows[i].warnings + [Issue(
                code="label_without_value", page=rows[i].page,
                message=f"row {rows[i].label!r} has no value and is no known sub-heading")]})


def section_groups(mapped: list[MappedRow], written: list[Row]) -> dict[str, list[int]]:
    """The table rows by printed section. A run of rows under a section title seen earlier, with
    another section between, continues the section just before it: a title set as a table row and
    lost at a page break leaves the rows after the break under the heading before it."""
    groups: dict[str, list[int]] = {}
    previous = None
    for i, r in enumerate(written):
        if r.kind not in ("table", "subheading"):
            continue
        title = r.section
        if title != previous and title in groups and previous is not None:
            title = previous
            mapped[i] = mapped[i].model_copy(update={"section": title,
                                                     "rules": mapped[i].rules + ["section_continued"]})
        groups.setdefault(title, []).append(i)
        previous = title
    return groups


def map_rows(rows: list[Row], lexicon: Lexicon, language: str | None = None) -> Mapping:
    """Rows -> the rows to write, each with its field (or none); known sub-headings and section
    titles set apart; the words of the table rows by outcome (for the coverage account)."""
    rows = section_title_rows(rejoin_split_rows(rows, lexicon, language), lexicon, language)
    mapped: list[MappedRow] = []
    written: list[Row] = []  # the extracted row of each mapped row
    subheadings: list[str] = []
    words = {"mapped_rows": 0, "unmapped_rows": 0, "subheadings": 0, "section_titles": 0}
    for row in rows:
        if row.kind == "section":
            words["section_titles"] += _words(row)
            continue
        if row.kind == "subheading":
            label, _ = join_cell_lines(row.label.lines)
            if fold(label) in lexicon.subheadings:
                subheadings.append(label)
                words["subheadings"] += _words(row)
                continue
        mapped.append(read_row(row))
        written.append(row)

    facts = [i for i, r in enumerate(written) if r.kind == "facts"]
    _place(mapped, assign_facts(mapped, facts, lexicon.facts_fields, lexicon, language), lexicon.facts_fields,
           lexicon, language, True)
    groups = section_groups(mapped, written)
    sections = assign_sections(groups, mapped, lexicon, language)
    leftover = [f for f in lexicon.table_fields if f.section not in sections.values()]
    for title, idx in groups.items():
        sid = sections[title]
        # a section with no fields of its own (the expert survey) leaves its rows unmapped
        fields = lexicon.section_fields[sid] if sid is not None else leftover
        idx = set_aside_indicators(mapped, idx, fields, lexicon, language)
        _place(mapped, align(mapped, idx, fields, lexicon, language), fields, lexicon, language, sid is not None)
        _duplicates(mapped, idx, fields, lexicon, language)
    _unplaced_label_only(mapped, [i for idx in groups.values() for i in idx], written)

    mapped = claim_fields(mapped)
    for row, m in zip(written, mapped):
        if row.kind in ("table", "subheading"):
            words["mapped_rows" if m.field else "unmapped_rows"] += _words(row)
    return Mapping(rows=mapped, subheadings=subheadings, words=words,
                   sections={t: s for t, s in sections.items() if t})
