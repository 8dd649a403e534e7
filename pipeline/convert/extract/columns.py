"""The label | value split of the section tables, and how it was found: from a drawn vertical rule,
from text edges aligned on a clear strip (left-aligned values, right-aligned labels), or from a
clear strip alone (labels and values centred, say)."""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from ...core.geometry import Gutter, VRule, gutters
from ...core.models import Word
from ...core.settings import ExtractSettings
from .lines import Line, group_lines


class Split(NamedTuple):
    x: float  # words starting left of x are labels
    source: str  # "rule", "alignment" or "gap"


class _Strip(NamedTuple):
    gutter: Gutter
    support: int  # lines with words on both sides of it, plus the lines on its thinner side
    sides: int  # how many of its edges text is aligned on (lines start on its right edge, or end on its left)

    @property
    def aligned(self) -> bool:
        return self.sides > 0


def _ruled_split(vrules: list[VRule], left: float, right: float) -> int | None:
    """Of the vertical rules inside the text's extent, the x (to the whole point) with the most length drawn."""
    support: Counter[int] = Counter()
    for rule in vrules:
        if left + 20 < rule.x < right - 20:
            support[round(rule.x)] += rule.length
    return support.most_common(1)[0][0] if support else None


def _plain(words: list[Word]) -> list[Word]:
    # Bold words may cross the split: a section title set as a full-width row does.
    return [w for w in words if "bold" not in w.font.lower()] or words


def _crossing(words: list[Word], x: float) -> list[Word]:
    return [w for w in words if w.x0 < x < w.x1 - 0.5]


def _crossed(words: list[Word], x: float) -> bool:
    return bool(_crossing(words, x))


def _split_before(edge: float, left: float, source: str, settings: ExtractSettings) -> Split:
    """The split just left of where the value column's text begins (`edge`): at most `column_snap`
    before it, and never past the middle of the clear strip that begins at `left`."""
    return Split(edge - min(settings.column_snap, (edge - left) / 2), source)


def _strip(gutter: Gutter, lines: list[Line], slack: float) -> _Strip:
    """How well a clear strip parts two columns: text on both of its sides, across many lines (a
    label beside its value), and on each side down the table (centred values may sit on lines of
    their own); text aligned on its edges."""
    left_n = right_n = straddle = starts = ends = 0
    for ln in lines:
        left = [w for w in ln.words if w.x1 <= gutter.x0 + 0.01]
        left_n += bool(left)
        right_n += len(left) < len(ln.words)
        if left and len(left) < len(ln.words):
            straddle += 1
        if len(left) < len(ln.words):
            starts += ln.words[len(left)].x0 - gutter.x1 < slack
        if left:
            ends += gutter.x0 - max(w.x1 for w in left) < slack
    # an edge is aligned on when most of the lines on its side (at least two) meet it
    sides = (starts >= max(2, 0.5 * right_n)) + (ends >= max(2, 0.5 * left_n))
    return _Strip(gutter, straddle + min(left_n, right_n), sides)


def _best_strip(words: list[Word], body: float, settings: ExtractSettings) -> _Strip | None:
    """The clear vertical strip that parts the most text: text on both sides of it is a label
    beside its value. A strip narrower than `min_gutter` counts only when text is aligned on it
    (a right-aligned label column set close to left-aligned values), and only when no wider strip
    parts the text."""
    lines = group_lines(words, settings.same_line * body)
    slack = settings.align_slack * body
    strips = [_strip(g, lines, slack) for g in gutters(((w.x0, w.x1) for w in words), 0.1)]
    wide = settings.min_gutter * body
    strips = [s for s in strips if s.gutter.width >= wide or s.aligned]
    # wide, or aligned on both edges (right-aligned labels close to left-aligned values), first: a
    # narrow strip aligned on one edge may be the word space after a first word lines share
    return max(strips, key=lambda s: (s.gutter.width >= wide or s.sides == 2, s.support, s.gutter.width >= wide,
                                      s.sides, s.gutter.width), default=None)


def column_split(words: list[Word], vrules: list[VRule], settings: ExtractSettings,
                 body: float = 10.0) -> Split | None:
    """Where the value column begins, over every table of the document.

    A drawn vertical rule between the text columns wins. Otherwise the clear strip (no word
    crosses it) that parts the most text, whatever the alignment inside the columns:
    Word left-aligns both, browsers and LaTeX may right-align or centre the labels or centre
    the values."""
    if not words:
        return None
    plain = _plain(words)
    ruled = _ruled_split(vrules, min(w.x0 for w in words), max(w.x1 for w in words))
    if ruled is not None and not _crossed(plain, ruled - 1):
        return Split(float(ruled), "rule")
    best = _best_strip(plain, body, settings)
    if best is None:
        return None
    g = best.gutter
    edge = min([g.x1] + _cells_in_strip(words, g, settings.same_line * body))
    return _split_before(edge, g.x0, "alignment" if best.aligned else "gap", settings)


def _cells_in_strip(words: list[Word], g: Gutter, tolerance: float) -> list[float]:
    """Where bold words (left out of the strip's search) start inside it as the first word past its
    left side: a header cell or a bold value, of the value column. A bold title across both columns
    runs into the strip from the left instead."""
    inside = [w for w in words if g.x0 < w.x0 < g.x1]
    if not inside:
        return []
    starts = []
    for line in group_lines(words, tolerance):
        before = [w for w in line.words if w.x0 <= g.x0 or (g.x0 < w.x0 < g.x1)]
        for prev, w in zip([None] + before, before):
            if g.x0 < w.x0 < g.x1 and (prev is None or prev.x1 <= g.x0):
                starts.append(w.x0)
    return starts


def _strip_at(x: float, words: list[Word], lines: list[Line], slack: float) -> _Strip | None:
    """The clear strip around x (no word crosses x) in these words; None when x is not between words."""
    left = [w.x1 for w in words if w.x1 <= x]
    right = [w.x0 for w in words if w.x0 >= x]
    return _strip(Gutter(max(left), min(right)), lines, slack) if left and right else None


def _nearest_clear(words: list[Word], split: Split, reach: float, settings: ExtractSettings) -> Split | None:
    """The split moved to the nearest clear strip within `reach` of it (a centred value whose first
    line starts just left of where the page before put the value column); None when there is no
    such strip."""
    near = [g for g in gutters(((w.x0, w.x1) for w in words), 0.1) if g.x0 - reach <= split.x <= g.x1 + reach]
    if not near:
        return None
    g = min(near, key=lambda g: max(g.x0 - split.x, split.x - g.x1, 0.0))
    return _split_before(g.x1, g.x0, split.source, settings)


def _snapped_left(words: list[Word], split: Split, snap: float) -> Split | None:
    """The split moved just left of the words that cross it, when each of them starts at most `snap`
    left of it (value words that begin a little early); None otherwise, or when a word still crosses."""
    crossing = _crossing(words, split.x)
    if not crossing or any(split.x - w.x0 > snap for w in crossing):
        return None
    x = min(w.x0 for w in crossing) - 0.01
    return None if _crossed(words, x) else Split(x, split.source)


def borrowed_split(words: list[Word], splits: list[Split], settings: ExtractSettings, body: float) -> Split | None:
    """Another table's split (nearest table first) for a table with no clear strip of its own (a
    short table whose centred values fill its gap): one no word of this table crosses, else one that
    value words cross by starting at most `column_snap` left of it (the split moved left of them). It
    must have text on both sides. None when none fits: the table's lines stay unmapped labels, with
    a warning."""
    plain = _plain(words)
    lines = group_lines(plain, settings.same_line * body)
    kept = [s for s in splits if not _crossed(plain, s.x)]
    snapped = [_snapped_left(plain, s, settings.column_snap) for s in splits if s not in kept]
    for split in kept + [s for s in snapped if s is not None]:
        here = _strip_at(split.x, plain, lines, settings.align_slack * body)
        if here is not None and here.support > 0:
            return split
    return None


def table_split(words: list[Word], split: Split | None, vrules: list[VRule], settings: ExtractSettings,
                body: float) -> Split | None:
    """The split for one table: the document's (or, for a table continued from the page before, that
    table's), unless this table's columns lie elsewhere (a browser sizing each table's columns to
    its text): a word of the table crosses the split, or the split only meets a word space here
    (narrow, nothing aligned on it) while the table has a clear strip of its own with text aligned
    on it, or one much wider."""
    plain = _plain(words)
    top, bottom = min(w.top for w in words), max(w.bottom for w in words)
    vrules = [v for v in vrules if v.top < bottom and v.bottom > top]
    if split is None or _crossed(plain, split.x):
        own = column_split(words, vrules, settings, body)
        if own is None and split is not None:
            own = _nearest_clear(plain, split, body, settings)  # within an em: the same table overleaf
        return own if own is not None else split
    if split.source == "rule":
        return split
    own = _best_strip(plain, body, settings)
    if own is None or own.gutter.x0 - 0.01 <= split.x <= own.gutter.x1 + 0.01:
        return split
    lines = group_lines(plain, settings.same_line * body)
    here = _strip_at(split.x, plain, lines, settings.align_slack * body)
    if here is None or here.aligned or here.gutter.width >= settings.min_gutter * body:
        return split
    if own.aligned or own.gutter.width >= 2 * here.gutter.width:
        g = own.gutter
        return _split_before(g.x1, g.x0, "alignment" if own.aligned else "gap", settings)
    return split
