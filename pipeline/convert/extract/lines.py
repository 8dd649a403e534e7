"""Words -> visual lines -> blocks of lines. Pure functions on positioned words."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from statistics import median
from typing import NamedTuple

from ...core.geometry import BBox
from ...core.models import Fragment, Word


@dataclass
class Line:
    """One visual line. Its words are fixed once grouped, so its extent is worked out once, when first asked."""

    words: list[Word]

    @cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def page(self) -> int:
        return self.words[0].page

    @cached_property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @cached_property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @cached_property
    def base(self) -> float:
        """About the baseline: the middle bottom of its words, so that one word in another font
        (a symbol, a bold figure) does not move it."""
        return median(w.bottom for w in self.words)

    @cached_property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @cached_property
    def bold(self) -> bool:
        return all("bold" in w.font.lower() for w in self.words)

    def fragment(self) -> Fragment:
        return fragment_of(self.words)


def fragment_of(words: list[Word]) -> Fragment:
    return Fragment(text=" ".join(w.text for w in words), page=words[0].page,
                    bbox=BBox.union(w.bbox for w in words).rounded(2))


def words_of(lines: list[Line]) -> list[Word]:
    return [w for ln in lines for w in ln.words]


def lines_without(lines: list[Line], taken: list[Word]) -> list[Line]:
    """The lines that still have a word not in `taken`."""
    ids = {id(w) for w in taken}
    return [ln for ln in lines if not all(id(w) in ids for w in ln.words)]


def body_size(words: list[Word]) -> float:
    """The font size most characters are set in."""
    counts: Counter[float] = Counter()
    for w in words:
        counts[round(w.size, 1)] += len(w.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def group_lines(words: list[Word], tolerance: float) -> list[Line]:
    """Words whose bottoms (≈ baselines) lie within `tolerance` points form one line, read left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.page, w.bottom, w.x0)):
        if lines and lines[-1][0].page == w.page and abs(lines[-1][0].bottom - w.bottom) <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [Line(sorted(ws, key=lambda w: w.x0)) for ws in lines]


def rule_between(rules: list[float], upper: float, lower: float, slack: float = 1.0) -> bool:
    return any(upper - slack <= y <= lower + slack for y in rules)


class Grid(NamedTuple):
    """The line grid of wrapped text: the step from one baseline to the next inside a paragraph, and
    how far over it a step may go before it is a break (a new row or a new paragraph)."""

    pitch: float
    slack: float

    def breaks(self, upper: Line, lower: Line) -> bool:
        return lower.base - upper.base > self.pitch + self.slack


def block_break(prev: Line, ln: Line, max_gap: float, rules: list[float], grid: Grid | None) -> str | None:
    """What parts two consecutive lines of a column into two blocks, if anything: a rule between
    them, a gap wider than `max_gap` (spacing), or a step off the line grid."""
    if rule_between(rules, prev.bottom, ln.top):
        return "rules"
    if ln.top - prev.bottom > max_gap:
        return "spacing"
    if grid is not None and grid.breaks(prev, ln):
        return "line_grid"
    return None


def split_blocks(lines: list[Line], max_gap: float, rules: list[float], grid: Grid | None = None,
                 tally: Counter[str] | None = None) -> list[list[Line]]:
    """Consecutive lines form a block until a gap wider than `max_gap`, a rule or (given the line
    grid) a step off the grid separates them; `tally` counts the breaks by what made them."""
    blocks: list[list[Line]] = []
    for ln in sorted(lines, key=lambda l: l.top):
        reason = block_break(blocks[-1][-1], ln, max_gap, rules, grid) if blocks else "first"
        if reason is None:
            blocks[-1].append(ln)
            continue
        if tally is not None and reason != "first":
            tally[reason] += 1
        blocks.append([ln])
    return blocks


def _blank_between(blanks: list[BBox], left: Word, right: Word) -> bool:
    return any(left.x1 - 0.5 <= (b.x0 + b.x1) / 2 <= right.x0 + 0.5 and b.top < right.bottom and b.bottom > right.top
               for b in blanks)


def _word_edge(left: str, right: str) -> bool:
    """Whether two pieces read as the end of one word and the start of another: after a stop or
    comma, or a capital or a figure after a small letter ("treaties" | "The", "investigators" | "372")."""
    if left[-1:] in ".," and left[-2:-1].isdigit() and right[:1].isdigit():
        return False  # a decimal point or a thousands comma inside a number
    return left[-1:] in ".,;:" or (left[-1:].islower() and (right[:1].isupper() or right[:1].isdigit()))


def _page_lines(words: list[Word]) -> list[list[Word]]:
    """pdfplumber's words (line by line, left to right) back into their lines."""
    lines: list[list[Word]] = []
    for w in words:
        if lines and abs(lines[-1][-1].bottom - w.bottom) < 0.5 * w.size and w.x0 >= lines[-1][-1].x0:
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


def _gap(a: Word, b: Word) -> float:
    return (b.x0 - a.x1) / b.size


def _kern(prev: Word, w: Word, most: float, blanks: list[BBox]) -> bool:
    """Whether the gap from `prev` to `w`, under `most` ems, is a kern inside one word."""
    return _gap(prev, w) < most and w.font == prev.font and w.size == prev.size \
        and not _word_edge(prev.text, w.text) and not (blanks and _blank_between(blanks, prev, w))


def join_kerned(words: list[Word], ratio: float, blanks: list[BBox] = (), most: float = 0.2) -> list[Word]:
    """Words of a page drawn without space characters (pdfTeX places each word by a gap) come out
    of pdfplumber in pieces where a kern inside a word is wider than its tolerance. Such a gap is
    much narrower than the gaps between words: pieces closer than `ratio` of the page's median word
    gap (or of the line's widest, when less: justification narrows a line's gaps alike) and than `most` of
    the font size (kerns are small), in the same font, with no blank character between them (a
    no-break space inside a number) and not reading as two words, are one word. `words` in
    pdfplumber's order, line by line."""
    lines = _page_lines(words)
    # the gaps placed by the producer (a no-break space is a character of its own width)
    placed = [sorted(_gap(a, b) for a, b in zip(ln, ln[1:]) if not (blanks and _blank_between(blanks, a, b)))
              for ln in lines]
    page_gaps = [g for gaps in placed for g in gaps if 0 < g < 1]
    if not page_gaps:
        return words
    usual_gap = median(page_gaps)
    out: list[Word] = []
    for ln, gaps in zip(lines, placed):
        # a line justified tight has all its word gaps narrow: its widest (kerns are narrower still)
        inner = [g for g in gaps if g < 1]
        usual = min(usual_gap, inner[-1]) if len(inner) >= 3 else usual_gap
        out.append(ln[0])
        for w in ln[1:]:
            prev = out[-1]
            if _kern(prev, w, min(ratio * usual, most), blanks):
                out[-1] = prev.model_copy(update={"text": prev.text + w.text, "x1": w.x1,
                                                  "top": min(prev.top, w.top), "bottom": max(prev.bottom, w.bottom)})
            else:
                out.append(w)
    return out
