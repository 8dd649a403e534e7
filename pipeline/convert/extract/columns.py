"""The label | value split of the section tables, and how it was found: from a drawn vertical rule,
from text edges aligned on a clear strip (left-aligned values, right-aligned labels), or from a
clear strip alone (labels and values centred, say)."""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from ...geometry import Gutter, VRule, gutters
from ...models import Word
from ...settings import ExtractSettings
from .lines import Line, group_lines


class Split(NamedTuple):
    x: float  # words starting left of x are labels
    source: str  # "rule", "alignment" or "gap"


class _Strip(NamedTuple):
    gutter: Gutter
    straddle: int  # lines with words on both sides of it
    aligned: bool  # lines start on its right edge, or end on its left edge, in numbers


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


def _crossed(words: list[Word], x: float) -> bool:
    return any(w.x0 < x < w.x1 - 0.5 for w in words)


def _strip(gutter: Gutter, lines: list[Line], slack: float) -> _Strip:
    straddle = starts = ends = 0
    for ln in lines:
        left = [w for w in ln.words if w.x1 <= gutter.x0 + 0.01]
        if not left or len(left) == len(ln.words):
            continue
        straddle += 1
        starts += ln.words[len(left)].x0 - gutter.x1 < slack
        ends += gutter.x0 - max(w.x1 for w in left) < slack
    return _Strip(gutter, straddle, max(starts, ends) >= 3)


def _best_strip(words: list[Word], body: float, settings: ExtractSettings) -> _Strip | None:
    """The clear vertical strip with the most lines reaching across it: text on both sides of it
    is a label beside its value. A strip narrower than `min_gutter` counts only when text is
    aligned on it (a right-aligned label column set close to left-aligned values)."""
    lines = group_lines(words, settings.same_line * body)
    slack = settings.align_slack * body
    strips = [_strip(g, lines, slack) for g in gutters(((w.x0, w.x1) for w in words), 0.1)]
    strips = [s for s in strips if s.straddle and (s.gutter.width >= settings.min_gutter * body or s.aligned)]
    return max(strips, key=lambda s: (s.straddle, s.aligned, s.gutter.width), default=None)


def column_split(words: list[Word], vrules: list[VRule], settings: ExtractSettings,
                 body: float = 10.0) -> Split | None:
    """Where the value column begins, over every table of the document.

    A drawn vertical rule between the text columns wins. Otherwise the clear strip (no word
    crosses it) that the most lines reach across, whatever the alignment inside the columns:
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
    # a bold word starting inside the strip (a header cell, a bold value) belongs to the value column
    edge = min([g.x1] + [w.x0 for w in words if g.x0 < w.x0 < g.x1])
    return Split(edge - min(settings.column_snap, (edge - g.x0) / 2), "alignment" if best.aligned else "gap")


def table_split(words: list[Word], split: Split | None, vrules: list[VRule], settings: ExtractSettings,
                body: float) -> Split | None:
    """The split for one table: the document's, unless a word of this table crosses it (tables laid
    out apart, a browser sizing each one's columns to its text); then the table's own, if it has one."""
    if split is not None and not _crossed(_plain(words), split.x):
        return split
    own = column_split(words, vrules, settings, body)
    return own if own is not None else split
