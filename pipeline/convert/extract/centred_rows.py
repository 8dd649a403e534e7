"""Rows that run together in a table whose cells are centred vertically (or set at the bottom) with no
spacing (a browser's or WeasyPrint's auto-sized table, `vertical-align: middle`, no padding), when their
labels are not the codebook's (reworded: label_rows.py cannot part them). Every line follows the one
above at the line step, so no gap, rule or grid step parts the rows; what does is the alignment itself:
each row's label lines and value lines share one middle (cells set at the bottom: one last baseline),
and a row's first line in each column opens with a capital or a figure (a value's, or reads as a whole
value the codebook knows: "no data"). A one-line value beside a two-line label sits half a line off
the label's baselines, which is how a reader sees the rows too.
The band takes whichever of the two readings scores more. Where the document's rows say its labels sit
at the top of their cells and its values in the middle (or at the bottom) of theirs (a word processor's
table: `filled`), a third reading is tried: a row's taller cell fills it, so where the value is the
taller its first line sits on the label's first baseline, and where the label is, the value sits in the
label's middle (or on its last baseline).

The band is cut into the most rows whose cells so agree within `same_line` and whose first lines
open rows, never inside a known label ("... Inhuman or" / "Degrading Treatment ..."); a cut after a
label line or a value line that did not end its paragraph (the next word would not have fitted: the
cell may wrap on) counts a quarter of a row against the reading. A band that cuts no such way, or
into one row only, is left whole. Atop a table continued from the page before, a band that opens in
lower case opens with the rest of a row the page break split (`overleaf`): its cells go on from the top
of the page, aligned with nothing, so that first row is taken as it comes, above rows that part as above.
"""
from __future__ import annotations

from functools import lru_cache

from .lines import Line, ends_paragraph, middle, opens_row

MAX_ROW_LINES = 12  # lines of one cell that a row may hold; bounds the search
# what a cut between rows costs, by how many of its two cells wrap on past it (the line above does
# not end its paragraph: the next word would not have fitted); less than a row: in an auto-sized
# table the widest line of a column is full whether or not its cell goes on
WRAPS_ON = (0.0, 0.25, 0.5)


def _last_base(lines: list[Line]) -> float:
    return lines[-1].base


# where a cell's lines sit, as the rows share it: their middle (centred cells) or their last baseline
# (cells aligned at the bottom)
ANCHORS = {"center": middle, "bottom": _last_base}


def _aligned(how: str, label: list[Line], value: list[Line], tolerance: float) -> bool:
    """Whether a row's label lines and value lines sit as cells aligned `how` set them: one anchor
    (ANCHORS), or "top+center" / "top+bottom", labels at the top: the taller cell fills the row, and
    the value, the shorter one, sits as the anchor after "+" sets it beside the label."""
    if how in ANCHORS:
        return abs(ANCHORS[how](value) - ANCHORS[how](label)) <= tolerance
    if value[-1].bottom - value[0].top >= label[-1].bottom - label[0].top - tolerance:  # the value fills the row
        return abs(value[0].base - label[0].base) <= tolerance
    return _aligned(how.split("+")[1], label, value, tolerance)


def part_centred(labels: list[Line], values: list[Line], tolerance: float, label_width: float | None,
                 is_heading=lambda lines: False, continues=lambda above, line: False, overleaf: bool = False,
                 value_opens=opens_row, filled: str | None = None) -> list[tuple[list[Line], list[Line]]] | None:
    """The best of the readings of part_aligned, for cells centred and for cells at the bottom, and given
    `filled` ("center" or "bottom": where the document's values sit beside taller labels atop their cells),
    for labels at the top (a tie goes to the first); None when none cuts the band into two rows or more."""
    readings = [r for how in (*ANCHORS, *([f"top+{filled}"] if filled else []))
                for r in [part_aligned(labels, values, tolerance, label_width, how, is_heading, continues, overleaf,
                                       value_opens)]
                if r is not None]
    return max(readings, key=lambda r: r[0])[1] if readings else None


def part_aligned(labels: list[Line], values: list[Line], tolerance: float, label_width: float | None,
                 how: str = "center", is_heading=lambda lines: False, continues=lambda above, line: False,
                 overleaf: bool = False, value_opens=opens_row) -> tuple[float, list[tuple[list[Line], list[Line]]]] | None:
    """(its score, the (label lines, value lines) of each row) of a band set with no spacing and its
    cells aligned `how` (_aligned), top to bottom; None when no reading cuts it into two rows or more.
    `is_heading(lines)`: whether label lines are a sub-heading of the codebook, a row with no value;
    `continues(above, line)`: whether a label line goes on with a known label's words from the line
    above (no cut there); `overleaf`: the band may open with the rest of a row split by the page break;
    `value_opens(line)`: whether a value line may open a row (by default a capital or a figure; the caller
    may add whole values that open in lower case, "no data")."""
    n, m = len(labels), len(values)
    width = label_width or (max(ln.x1 for ln in labels) - min(ln.x0 for ln in labels))
    value_width = max(ln.x1 for ln in values) - min(ln.x0 for ln in values)

    @lru_cache(maxsize=None)
    def best(i: int, j: int) -> tuple[float, tuple[tuple[int, int, int, int], ...]] | None:
        if i == n:
            return (0.0, ()) if j == m else None
        if not opens_row(labels[i]) or (j < m and not value_opens(values[j])):
            return None
        options = []
        for i2 in range(i + 1, min(n, i + MAX_ROW_LINES) + 1):
            seg = labels[i:i2]
            if i2 < n and continues(labels[i2 - 1], labels[i2]):
                continue
            label_wraps = i2 < n and not ends_paragraph(labels[i2 - 1], labels[i2], width)
            ends = [j] if is_heading(seg) else []
            ends += [j2 for j2 in range(j + 1, min(m, j + MAX_ROW_LINES) + 1)
                     if _aligned(how, seg, values[j:j2], tolerance)]
            for j2 in ends:
                rest = best(i2, j2)
                if rest is None:
                    continue
                value_wraps = 0 < j2 < m and not ends_paragraph(values[j2 - 1], values[j2], value_width)
                cost = WRAPS_ON[label_wraps + value_wraps] if i2 < n else 0.0
                options.append((rest[0] + 1.0 - cost, ((i, i2, j, j2),) + rest[1]))
        return max(options, key=lambda o: o[0]) if options else None

    found = best(0, 0)
    if found is None and overleaf and not opens_row(labels[0]):  # the rest of a label: no capital
        found = _after_tail(best, labels, values, tolerance, continues)
    if found is None or len(found[1]) < 2:
        return None
    return found[0], [(labels[a:b], values[c:d]) for a, b, c, d in found[1]]


def _after_tail(best, labels: list[Line], values: list[Line], tolerance: float, continues=lambda above, line: False):
    """The best reading of a band whose first row is the rest of a row the page break split: any first
    label lines and the value lines beside them (none past the next row's first label line), then rows
    that `best` parts; never cut inside a known label ("... Degrading Treatment or" / "Punishment (2002)")."""
    options = []
    for i2 in range(1, len(labels)):
        if continues(labels[i2 - 1], labels[i2]):
            continue
        for j2 in range(len(values) + 1):
            if j2 and values[j2 - 1].base > labels[i2].base + tolerance:
                break
            rest = best(i2, j2)
            if rest is not None:
                options.append((rest[0] + 1.0, ((0, i2, 0, j2),) + rest[1]))
    return max(options, key=lambda o: o[0]) if options else None
