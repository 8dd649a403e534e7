"""Rows that run together in a table set with no spacing at all (a browser's auto-sized table with
cells centred vertically, CSS grid rows a point apart, cells with no padding): their labels' lines
follow each other at the line step, so no gap, rule or grid step parts them, and one band holds two
rows or more. Where the band's label lines read as whole labels of the codebook, one after another
("Number of judgments ... (ECtHR)" / "Number of judgments ... (domestic courts)"), the band is
parted there, and its value lines go to the row whose label they sit beside as the table aligns its
cells (top, centre or bottom, or labels at the top with values centred or at the bottom of cells
the taller of which fills the row: whichever fits best). A band whose labels do not all read as known
labels is left whole (the map stage reads it as one row)."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ...core.text import fold
from .lines import Line, middle, opens_row

if TYPE_CHECKING:  # columns imports lines too; only the type is needed here
    from .columns import KnownLabels


def label_segments(lines: list[Line], known: KnownLabels, least: int = 2,
                   overleaf: bool = False) -> list[list[Line]] | None:
    """The label lines cut into runs that each read as one whole known label, from the top (the
    shortest run that is a whole label, when the rest goes on as a known label's start; the last
    may be a known label's start only, its row going on overleaf; with `overleaf`, atop a table
    continued from the page before, the first may be a known label's last words only, the rest of a
    row the page break split); None when the lines are fewer runs than `least`, or do not all part so."""
    def reads(text: str, first: bool) -> bool:
        return known.whole(text) or (first and overleaf and known.tail(text))

    out: list[list[Line]] = []
    start = 0
    while start < len(lines):
        end = next((k for k in range(start + 1, len(lines) + 1) if reads(lines_text(lines[start:k]), start == 0)
                    and (k == len(lines) or known.opens(lines_text(lines[k:k + 1])))), None)
        if end is None:
            # the last label may go on overleaf (the page break split its row): the start of one
            if out and known.opens(lines_text(lines[start:])):
                out.append(lines[start:])
                break
            return None
        out.append(lines[start:end])
        start = end
    return out if len(out) >= least else None


def lines_text(lines: list[Line]) -> str:
    """The lines' text, folded (core.text.fold)."""
    return fold(" ".join(ln.text for ln in lines))


def _cuts(segments: list[list[Line]], heading: list[bool], values: list[Line], how: str) -> list[list[Line]]:
    """The value lines in runs, one per label segment, as cells aligned `how` would set them."""
    groups: list[list[Line]] = []
    i = 0
    for n, seg in enumerate(segments):
        if heading[n]:  # a sub-heading has no value
            groups.append([])
            continue
        if n == len(segments) - 1:
            groups.append(values[i:])
            break
        nxt = segments[n + 1]
        if how == "top":  # a row's value begins on its label's first baseline: up to the next label's
            j = i
            while j < len(values) and values[j].base < nxt[0].base - 0.5 * (nxt[0].bottom - nxt[0].top):
                j += 1
        elif how == "bottom":  # it ends on its label's last baseline
            j = i
            while j < len(values) and values[j].base <= seg[-1].base + 0.5 * (seg[-1].bottom - seg[-1].top):
                j += 1
        else:  # centred on its label: the run whose middle is nearest the label's
            j = min(range(i + 1, len(values) + 1), key=lambda e: abs(middle(values[i:e]) - middle(seg)),
                    default=i)
        groups.append(values[i:j])
        i = j
    return groups


def _misfit(segments: list[list[Line]], heading: list[bool], groups: list[list[Line]], how: str,
            tail: bool = False) -> float:
    """How far, at most, a row's value sits from where the alignment `how` puts it (points);
    infinite when a row gets no value, unless it is a sub-heading or the values sit atop their
    cells (a row with nothing beside its label: the value went overleaf, or there is none). With
    `tail`, the first row is the rest of one the page break split: its cells' alignment is that of
    the whole cells, not of what is left of them here, and it is not judged."""
    worst = 0.0
    for seg, is_heading, group in list(zip(segments, heading, groups))[1 if tail else 0:]:
        if is_heading and group:
            return float("inf")
        if not group:
            if is_heading or how == "top":
                continue
            return float("inf")
        if how == "top":
            worst = max(worst, abs(seg[0].base - group[0].base))
        elif how in FILLED:  # the taller cell fills the row: labels atop it, values set `how` in theirs
            if group[-1].base - group[0].base >= seg[-1].base - seg[0].base:
                worst = max(worst, abs(seg[0].base - group[0].base))
            elif how == "top+bottom":
                worst = max(worst, abs(seg[-1].base - group[-1].base))
            else:
                worst = max(worst, abs(middle(seg) - middle(group)))
        elif how == "bottom":
            worst = max(worst, abs(seg[-1].base - group[-1].base))
        else:
            worst = max(worst, abs(middle(seg) - middle(group)))
    return worst


# labels atop their cells, values centred or at the bottom of theirs: a row's value starts on its
# label's first baseline where it is the taller cell, and is cut from the next row's, as with top
# alignment, at the next label's first line
FILLED = ("top+center", "top+bottom")


def _best_fit(segments: list[list[Line]], heading: list[bool], values: list[Line], tolerance: float,
              known: KnownLabels | None = None, tail: bool = False,
              aligned: str | None = None) -> tuple[float, list[list[Line]]]:
    """The alignment whose cuts fit best: of those within `tolerance` (rows with no padding may fit
    two), the one whose rows' values open with a capital or a figure most often (a value cut in
    the middle of its paragraph goes on in lower case), or are whole values the codebook knows
    ("no data": a value of its own, in lower case); of those alike, the document's (`aligned`: labels of
    one line each fit top and bottom alike), else the one that fits closest."""
    whole = known.values if known is not None else frozenset()

    def mid_paragraph(groups: list[list[Line]]) -> int:
        return sum(bool(g) and not opens_row(g[0]) and lines_text(g) not in whole for g in groups)

    fits = [(_misfit(segments, heading, g, how, tail), g, how) for how in ("top", "center", "bottom") + FILLED
            for g in [_cuts(segments, heading, values, "top" if how in FILLED else how)]]
    best = min(fits, key=lambda f: (f[0] > tolerance, mid_paragraph(f[1]), f[2] != aligned, f[0]))
    return best[0], best[1]


def part_band(labels: list[Line], values: list[Line], known: KnownLabels, tolerance: float,
              tally: Counter[str] | None = None, overleaf: bool = False,
              aligned: str | None = None) -> list[tuple[list[Line], list[Line]]] | None:
    """The (label lines, value lines) of each row a band holds, when its labels are known labels one
    after another and its values fit one alignment within `tolerance`; None: leave it whole.
    Value lines above the band's first label line that fit no alignment with it are the rest of
    the row before (a row the page break split, run into this one): when the others then fit, they
    come first, with no label lines. `aligned`: the document's alignment, where two fit alike."""
    segments = label_segments(labels, known, 1, overleaf)
    if segments is None:
        return None
    heading = [lines_text(seg) in known.headings for seg in segments]
    tail = overleaf and not known.whole(lines_text(segments[0]))  # a known label's last words only
    misfit, groups = _best_fit(segments, heading, values, tolerance, known, tail, aligned)
    lead: list[Line] = []
    if misfit <= tolerance:
        if len(segments) < 2:
            return None  # one row, as it was
    else:
        lead = [v for v in values if v.base < segments[0][0].base - tolerance]
        if not lead or len(lead) == len(values):
            return None
        misfit, groups = _best_fit(segments, heading, values[len(lead):], tolerance, known, tail, aligned)
        if misfit > tolerance:
            return None
    if tally is not None:
        tally["labels"] += len(segments) - 1 + bool(lead)
    return ([([], lead)] if lead else []) + list(zip(segments, groups))


def runs_together(lines: list[Line], known: KnownLabels) -> str | None:
    """Where a band left whole still reads as two rows, the known label its lines open after a whole
    one ("Istanbul Protocol" / "Number of investigators"): the rows may have run together, and its
    reading is doubtful. None when nothing says so."""
    for k in range(1, len(lines)):
        head, line = lines_text(lines[:k]), lines[k]
        if known.whole(head) and known.opens(lines_text([line])) and not known.continues(lines[k - 1], line):
            return line.text
    return None
