"""Pages set in two text columns (a newsletter's layout, each column with tables of its own), told apart
from a table's label | value columns: lines on both sides of a clear strip down the page open with
labels the codebook knows, where a table's value column holds values, not labels. Such a page is not
read column by column: its rows are flagged for review, so that no value read across the strip
(a label of one column beside a value of the other) passes unseen."""
from __future__ import annotations

from .columns import folded_heads
from .lines import Line

CROSSING = 0.1  # of a page's lines, that may run across the strip (a running header, a title)
LEAST = 3  # lines on each side that open with a known label


def two_text_columns(lines: list[Line], known) -> bool:
    """Whether the page's lines stand in two text columns: a strip in the middle half of the text's
    width that at most CROSSING of the lines run across, with LEAST lines or more on each side of it
    that open with a known label (a whole one, or a start of two words or more)."""
    if known is None or len(lines) < LEAST:
        return False
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    lo = int(left + (right - left) / 4)
    covered = [0] * (int(right - (right - left) / 4) - lo + 1)  # lines across each point of the middle half
    for ln in lines:
        points = {x for w in ln.words for x in range(max(int(w.x0), lo), min(int(w.x1) + 1, lo + len(covered)))}
        for x in points:
            covered[x - lo] += 1
    clear = [k for k, n in enumerate(covered) if n <= CROSSING * len(lines)]
    strips = [(lo + a, lo + b + 1) for a, b in _runs(clear)]
    for a, b in strips:
        sides = [sum(1 for ln in lines if _opens_label([w for w in ln.words if keep(w)], known))
                 for keep in (lambda w: w.x1 <= a + 1, lambda w: w.x0 >= b - 1)]
        if min(sides) >= LEAST:
            return True
    return False


def _runs(points: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive points, as (first, last)."""
    out: list[tuple[int, int]] = []
    for k in points:
        if out and k == out[-1][1] + 1:
            out[-1] = (out[-1][0], k)
        else:
            out.append((k, k))
    return out


def _opens_label(words, known) -> bool:
    """Whether the words open with a known label: a whole one, or the start of one two words long or more."""
    return any(known.whole(h) or h.count(" ") >= 1 and h in known.starts for h in folded_heads(words[:8]))
