"""Rows paired with fields: within a section in order (a dynamic programme, spelling matches as anchors, lone
gaps filled by the value's type), in the facts box best first; printed sections matched to codebook sections."""
from __future__ import annotations

from dataclasses import dataclass

from ...core.codebook import FieldSpec
from ...core.models import MappedRow
from ..lexicon import Lexicon
from .fit import value_fit
from .labels import Score, accepted, known_indicator, score_label, section_by_title

# --- pairing rows with fields -------------------------------------------------------------------

@dataclass
class Pair:
    row: int  # index into the mapped rows
    score: Score
    fit: int  # how the value fits the field's type: 1 its own type, 0 neither way, -1 not at all
    structural: bool = False  # placed by order alone


def _anchor(score: Score, lexicon: Lexicon) -> bool:
    """A match by spelling, or by nearly all its meaning: it holds whatever the order."""
    return accepted(score, lexicon)


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
            rows[i] = rows[i].model_copy(update={"indicator_of": found[0],
                                                 "rules": rows[i].rules + [f"indicator_of_methodology:{found[0]}"]})
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
    """Rows and fields left between two placed rows (or a placed row and the table's end): as many
    rows as fields, each fitting its field's type or sharing something with its label, pair in
    order; more rows than fields, a row takes a field only when that pair is clearly the best choice
    in the gap for both (a new indicator beside a reworded row stays unmapped); fewer rows than
    fields, none is placed. Structural matches."""
    ordered = sorted((a, b) for b, (a, _) in chosen.items())
    if any(ordered[k][1] > ordered[k + 1][1] for k in range(len(ordered) - 1)):
        return  # the placed rows are not in the usual order: no gap is well defined
    bounds = [(-1, -1)] + ordered + [(n, m)]
    for (a0, b0), (a1, b1) in zip(bounds, bounds[1:]):
        gap = {(a, b): p for (a, b), p in pairs.items() if a0 < a < a1 and b0 < b < b1
               and p.fit >= 0 and (p.fit > 0 or p.score.value > 0)}
        rows, fields = a1 - a0 - 1, b1 - b0 - 1
        in_order = [(a0 + k, b0 + k) for k in range(1, rows + 1)]
        if rows == fields and all(k in gap for k in in_order):
            _place_structural(chosen, gap, in_order)
        elif rows > fields:
            _place_clear_winners(chosen, gap)


def _place_structural(chosen: dict[int, tuple[int, Pair]], gap: dict[tuple[int, int], Pair],
                      keys: list[tuple[int, int]]) -> None:
    for a, b in keys:
        gap[(a, b)].structural = True
        chosen[b] = (a, gap[(a, b)])


def _place_clear_winners(chosen: dict[int, tuple[int, Pair]], gap: dict[tuple[int, int], Pair]) -> None:
    """Best first, a pair that beats every other choice of its row or of its field by a clear margin,
    in order with the pairs already placed."""
    weight = {k: p.score.value + FIT_BONUS * p.fit for k, p in gap.items()}
    for (a, b), w in sorted(weight.items(), key=lambda kv: -kv[1]):
        rivals = [v for (x, y), v in weight.items() if (x == a) != (y == b)]
        placed = [(x, y) for y, (x, _) in chosen.items()]
        free = b not in chosen and all(x != a for x, _ in placed)
        if free and all((x < a) == (y < b) for x, y in placed) and all(w - v >= CLEAR_MARGIN for v in rivals):
            _place_structural(chosen, gap, [(a, b)])


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
        sid, score = section_by_title(title, lexicon, language) if title else (None, 0.0)
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


