"""Words -> visual lines -> blocks of lines. Pure functions on positioned words."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from statistics import median
from typing import Callable, NamedTuple

from ...core.geometry import BBox, VRule
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
    # the words themselves, not a box made for each: union reads only their edges
    return Fragment(text=" ".join(w.text for w in words), page=words[0].page, bbox=BBox.union(words).rounded(2))


def words_of(lines: list[Line]) -> list[Word]:
    return [w for ln in lines for w in ln.words]


def lines_without(lines: list[Line], taken: list[Word]) -> list[Line]:
    """The lines that still have a word not in `taken`."""
    ids = {id(w) for w in taken}
    return [ln for ln in lines if not all(id(w) in ids for w in ln.words)]


def size_chars(words: list[Word]) -> Counter[float]:
    """How many characters are set in each font size (to 0.1 pt)."""
    counts: Counter[float] = Counter()
    for w in words:
        counts[round(w.size, 1)] += len(w.text)
    return counts


def body_size(words: list[Word], counts: Counter[float] | None = None) -> float:
    """The font size most characters are set in (`counts`: their size_chars, when already known)."""
    counts = size_chars(words) if counts is None else counts
    return counts.most_common(1)[0][0] if counts else 10.0


def text_size(words: list[Word], share: float = 0.25, above: float = 1.25) -> float:
    """The largest font size that sets at least `share` of the characters, and at most `above` times
    the body size: what a heading must be larger than. Labels may be set a size above their values
    (bold 10 pt beside 9 pt), and neither is a heading; headings of a short page may set a quarter of
    its text, but are larger still."""
    counts = size_chars(words)
    total = sum(counts.values())
    body = body_size(words, counts)
    common = [size for size, n in counts.items() if n >= share * total and size <= above * body]
    return max(common, default=body)


def group_lines(words: list[Word], tolerance: float) -> list[Line]:
    """Words whose bottoms (≈ baselines) lie within `tolerance` points form one line, read left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=_READING_ORDER):
        if lines and lines[-1][0].page == w.page and abs(lines[-1][0].bottom - w.bottom) <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [Line(sorted(ws, key=_X0)) for ws in lines]


_READING_ORDER, _X0 = attrgetter("page", "bottom", "x0"), attrgetter("x0")  # C-level sort keys: a hot path


def rule_between(rules: list[float], upper: float, lower: float, slack: float = 1.0) -> bool:
    return any(upper - slack <= y <= lower + slack for y in rules)


class Grid(NamedTuple):
    """The line grid of wrapped text: the step from one baseline to the next inside a paragraph, and
    how far over it a step may go before it is a break (a new row or a new paragraph)."""

    pitch: float
    slack: float

    def breaks(self, upper: Line, lower: Line) -> bool:
        return lower.base - upper.base > self.pitch + self.slack


def block_break(prev: Line, ln: Line, max_gap: float, rules: list[float], grid: Grid | None,
                reach: float = 1.0) -> str | None:
    """What parts two consecutive lines of a column into two blocks, if anything: a rule between
    them (or within `reach` of the gap), a gap wider than `max_gap` (spacing), or a step off the line grid."""
    if rule_between(rules, prev.bottom, ln.top, reach):
        return "rules"
    if ln.top - prev.bottom > max_gap:
        return "spacing"
    if grid is not None and grid.breaks(prev, ln):
        return "line_grid"
    return None


def split_blocks(lines: list[Line], max_gap: float, rules: list[float], grid: Grid | None = None,
                 tally: Counter[str] | None = None, reach: float = 1.0) -> list[list[Line]]:
    """Consecutive lines form a block until a gap wider than `max_gap`, a rule or (given the line
    grid) a step off the grid separates them; `tally` counts the breaks by what made them."""
    blocks: list[list[Line]] = []
    for ln in sorted(lines, key=lambda l: l.top):
        reason = block_break(blocks[-1][-1], ln, max_gap, rules, grid, reach) if blocks else "first"
        if reason is None:
            blocks[-1].append(ln)
            continue
        if tally is not None and reason != "first":
            tally[reason] += 1
        blocks.append([ln])
    return blocks


def opens_row(line: Line) -> bool:
    first = line.words[0].text[:1]
    return first.isupper() or first.isdigit()


def middle(block: list[Line]) -> float:
    """Halfway between a block's first line's top and its last line's bottom."""
    return (block[0].top + block[-1].bottom) / 2


def ends_paragraph(line: Line, nxt: Line, width: float, space: float | None = None) -> bool:
    """Whether `line` ends a paragraph (or a cell) rather than wrapping: the first word of the next
    line would have fitted on it, in a column `width` wide (a word `space` wide, by default a third
    of an em)."""
    first = nxt.words[0]
    space = first.size / 3 if space is None else space
    return (line.x1 - line.x0) + space + (first.x1 - first.x0) <= width


def cell_alignment(labels: list[list[Line]], values: list[list[Line]], tolerance: float,
                   rows_in: Callable[[list[Line]], bool] | None = None) -> Counter[str]:
    """Votes on where values sit in their cells (`top`, `center`, `bottom`), or labels beside taller values
    (`label top`, ...), from the rows whose label and value are one block each, of different heights,
    overlapping only each other. `rows_in`: whether
    a label block holds several rows (known labels one after another: rows set with no spacing run
    together), which then says nothing of one cell; nor does a label block that opens in lower case, or
    a value block that does beside a shorter label (the rest of a cell the page break split, over a row
    of its own perhaps: cells open with a capital)."""
    def overlapping(block: list[Line], others: list[list[Line]]) -> list[list[Line]]:
        return [o for o in others if o[0].top < block[-1].bottom and block[0].top < o[-1].bottom]

    def top_row_inside(label: list[Line], value: list[Line]) -> bool:
        # a paragraph of the value opens beside the label's first line: rows set with no spacing, and a
        # value's paragraph spacing, may have run the end of the row above into this value's block
        return any(abs(ln.base - label[0].base) <= tolerance and opens_row(ln) for ln in value[1:])

    def next_row_inside(label: list[Line], value: list[Line]) -> bool:
        # a paragraph of a taller value opens just below its label's last line: rows set with no spacing,
        # cells centred, may have run the next row's first paragraph into this value's block
        return abs(value[len(label) - 1].base - label[-1].base) <= tolerance and opens_row(value[len(label)])

    def lead_outside(value: list[Line]) -> bool:
        # the value block above, or its last paragraph (from its last line that opens with a capital or a
        # figure: rows set with no spacing run a row's value into the next's first paragraph), stands beside
        # no label: it may be this row's first paragraph, the label centred on the whole value and level
        # with this block's first line by chance
        above = [v for v in values if v[-1].bottom <= value[0].top]
        if not above:
            return False
        block = max(above, key=lambda v: v[-1].bottom)
        start = max((k for k, ln in enumerate(block) if opens_row(ln)), default=0)
        return not overlapping(block[start:], labels)

    votes: Counter[str] = Counter()
    for value in values:
        over = overlapping(value, labels)
        if len(over) != 1 or len(over[0]) == len(value) or len(overlapping(over[0], values)) != 1:
            continue
        label = over[0]
        if rows_in is not None and rows_in(label):
            continue
        if not opens_row(label[0]) or len(value) > len(label) and value[0].words[0].text[:1].islower():
            continue  # the rest of a cell the page break split, above a row of its own perhaps
        # beside a taller value, where the label sits in its cell; beside a shorter one, where the value does
        whose = "label " if len(value) > len(label) else ""
        if abs(label[0].base - value[0].base) <= tolerance:
            # beside a taller value that may hold another row's paragraph, a label level with its first line
            # may be centred on the whole value: that vote says only that labels may sit atop their cells
            maybe = whose and (next_row_inside(label, value) or lead_outside(value))
            votes[whose + ("top, maybe" if maybe else "top")] += 1
        elif top_row_inside(label, value):  # no vote: it reads as either
            continue
        elif abs(middle(label) - middle(value)) <= tolerance:
            votes[whose + "center"] += 1
        elif abs(label[-1].base - value[-1].base) <= tolerance:
            votes[whose + "bottom"] += 1
    return votes


def first_row_alignment(labels: list[Line], values: list[Line], tolerance: float, pitch: float,
                        label_width: float, heading: Callable[[list[Line]], bool] = lambda lines: False) -> str | None:
    """Where a table's first row says its cells sit, from the first lines of its two columns (lines sorted
    top down): where rows are set with no spacing at all they run together, and no row is a block of its own
    to vote with (cell_alignment). Both columns opening on one baseline say "top". One column's first cell
    over lines of its own, the other column's first line beside a later line of it, says the other sits
    lower: "bottom" (for labels, "label bottom") when it sits on one of the leading cell's baselines, else
    "center" (one row cannot always tell the two apart; the readings that follow try both). Not when a
    leading label line opens a row after a line that ended its paragraph, or after lines that are a
    sub-heading (`heading`): a row with no value, or two rows (a value's lines may hold paragraphs of
    their own, "Partially." / "A specialised unit ..."; a label cell is never empty). None where a
    column is empty or the row says nothing."""
    if not labels or not values:
        return None
    if abs(labels[0].base - values[0].base) <= tolerance:
        return "top"
    lead, lower, whose = (labels, values, "") if labels[0].base < values[0].base else (values, labels, "label ")
    above = [ln for ln in lead if ln.base < lower[0].base - tolerance]
    if len(above) == len(lead) or lower[0].base > above[-1].base + 1.5 * pitch:
        return None  # the other column opens past the leading cell's lines: a row with no value, or two
    cell = above + [lead[len(above)]]
    for k in range(1, len(cell)):
        prev, ln = cell[k - 1], cell[k]
        if ln.base - prev.base > 1.5 * pitch or lead is labels and opens_row(ln) and (
                ends_paragraph(prev, ln, label_width) or heading(cell[:k])):
            return None
    on_base = abs(lead[len(above)].base - lower[0].base) <= tolerance
    return whose + ("bottom" if on_base else "center")


def _cut(blocks: list[list[Line]], starts: set[float], tally: Counter[str] | None) -> list[list[Line]]:
    out: list[list[Line]] = []
    for block in blocks:
        cut = 0
        for k in range(1, len(block)):
            if block[k].base in starts:
                out.append(block[cut:k])
                cut = k
                if tally is not None:
                    tally["row_starts"] += 1
        out.append(block[cut:])
    return out


def row_starts(labels: list[list[Line]], values: list[list[Line]], tolerance: float, pitch: float,
               tally: Counter[str] | None = None, label_width: float | None = None,
               continues=None, values_lead: bool = True, value_opens=opens_row,
               value_leads=lambda line: False) -> tuple[list[list[Line]], list[list[Line]]]:
    """Rows set with no spacing at all run together down a column; in a table whose values sit at
    the top of their cells, a row starts on a baseline where a label line and a value line both
    open with a capital or a figure, and either one follows a blank line in its column (the other
    cell of the row above was longer) or the label or the value line above ended its
    paragraph (the next word would have fitted: two rows of one line), unless `continues(above,
    line)` says the label goes on (a known label's words). `label_width`: the label column's width,
    when known (from the split). Without `values_lead` (values shorter than their labels sit lower in
    their cells: a blank above a value says nothing), only the label column's blank or paragraph end
    starts a row. `value_opens(line)`: whether a value line may open a row (by default a capital or a
    figure; the caller may add whole values that open in lower case, "no data"); `value_leads(line)`:
    whether it opens as only a value's first line does (a verdict and a stop: "No. The lawyer ..."),
    which with `values_lead` starts a row where neither line above need have ended its paragraph."""
    label_lines = {ln.base: ln for b in labels for ln in b}
    value_lines = {ln.base: ln for b in values for ln in b}

    def width(lines: dict[float, Line]) -> float:
        return max((ln.x1 for ln in lines.values()), default=0.0) - min((ln.x0 for ln in lines.values()), default=0.0)

    # without values to lead, a label line ends its paragraph only by the widest label line's measure: the
    # column's width from the split may leave room that its wrapped labels never use
    label_w = (label_width if values_lead else None) or width(label_lines)
    value_w = width(value_lines)
    starts: set[float] = set()
    for base, label in label_lines.items():
        value = next((v for b, v in value_lines.items() if abs(b - base) <= tolerance), None)
        if value is None or not (opens_row(label) and value_opens(value)):
            continue
        label_above = next((ln for b, ln in label_lines.items() if base - 1.5 * pitch < b < base - 0.01), None)
        value_above = next((ln for b, ln in value_lines.items() if value.base - 1.5 * pitch < b < value.base - 0.01),
                           None)
        if continues is not None and label_above is not None and continues(label_above, label):
            continue  # the label's text goes on as a known label does
        if label_above is None or ends_paragraph(label_above, label, label_w) or values_lead and (
                value_above is None or ends_paragraph(value_above, value, value_w) or value_leads(value)):
            starts.update((base, value.base))
    return _cut(labels, starts, tally), _cut(values, starts, tally)


def _blank_between(blanks: list[BBox], left: Word, right: Word) -> bool:
    return any(left.x1 - 0.5 <= (b.x0 + b.x1) / 2 <= right.x0 + 0.5 and b.top < right.bottom and b.bottom > right.top
               for b in blanks)


def _word_edge(left: str, right: str) -> bool:
    """Whether two pieces read as the end of one word and the start of another: after a stop or
    comma, or a capital or a figure after a small letter or a closing bracket ("treaties" | "The",
    "investigators" | "372", "(2002)" | "Yes,"), or a capitalised word after a capital ("UN" | "No":
    an acronym's letters go on in capitals), or an opening bracket or quotation mark before a letter or
    a figure ("treaties" | "\"severe")."""
    if left[-1:] in ".," and left[-2:-1].isdigit() and right[:1].isdigit():
        return False  # a decimal point or a thousands comma inside a number
    return left[-1:] in ".,;:" or ((left[-1:].islower() or left[-1:] == ")") and (right[:1].isupper() or right[:1].isdigit())) \
        or (left[-1:].isupper() and right[:1].isupper() and right[1:2].islower()) \
        or (right[:1] in "([\"\u201c\u00ab" and right[1:2].isalnum())  # not an apostrophe: "Ukraine" | "'s"


def _page_lines(words: list[Word]) -> list[list[Word]]:
    """A page's words in lines, top to bottom, each left to right. (pdfplumber gives them line by line
    within each run of characters set alike, so a line of bold labels and plain values comes in two
    pieces, and a heading set apart in the content stream comes out of its place.)"""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.bottom):
        if lines and w.bottom - lines[-1][0].bottom < 0.5 * w.size:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(ln, key=lambda w: w.x0) for ln in lines]


def _gap(a: Word, b: Word) -> float:
    return (b.x0 - a.x1) / b.size


def _kern(prev: Word, w: Word, most: float, blanks: list[BBox]) -> bool:
    """Whether the gap from `prev` to `w`, under `most` ems, is a kern inside one word."""
    return _gap(prev, w) < most and w.font == prev.font and w.size == prev.size \
        and not _word_edge(prev.text, w.text) and not (blanks and _blank_between(blanks, prev, w))


class ColumnEdges(NamedTuple):
    """Where words start, and end, at one x (to a twentieth of a point) on three lines or more of a
    page: the edges of a column of text (values set flush left, labels flush right); and the gaps that
    open at one x and close at one x on three lines or more (labels flush right beside values flush
    left). Each holds only near the lines that make it (another within `NEAR_LINES` font sizes up
    or down): the tables of a page, each sized to its text, have columns of their own; and for the
    pieces of a line set bold throughout (a title or header row across the table), only where words
    in their font make it: a bold title row is no text of a column of plain labels. Nor does it hold
    past a line with a word across it (a section's title between two tables). A kern's piece falls
    on one by chance about once in a thousand pages."""

    starts: dict[float, list[tuple[float, str]]]  # x -> the top and font of each word that makes it
    ends: dict[float, list[tuple[float, str]]]
    gaps: dict[tuple[float, float], list[tuple[float, str]]] = {}
    spans: list[tuple[float, list[tuple[float, float]]]] = []  # each line's top and its words' x0, x1

    def parts(self, left: Word, right: Word, own_font: bool = False) -> bool:
        """Whether the gap from `left` to `right` is a column's edge: no kern there, however narrow.
        `own_font`: only an edge that words in the pieces' font make."""
        def near(marks: list[tuple[float, str]] | None, x: float) -> bool:
            reach = NEAR_LINES * right.size
            return marks is not None and any(0 < abs(t - right.top) <= reach and (not own_font or f == right.font)
                                             and not self._crossed(x, t, right.top) for t, f in marks)
        start, end = _snap(right.x0), _snap(left.x1)
        return near(self.starts.get(start), start) or near(self.ends.get(end), end) \
            or near(self.gaps.get((end, start)), (start + end) / 2)

    def at_foot(self) -> frozenset[float]:
        """The x of the edges that no line runs across below the lines that make them, down to the
        page's last line: the columns of the table a page break splits, which goes on atop the next
        page (a page number below it crosses none of them)."""
        if not self.spans:
            return frozenset()
        foot = max(top for top, _ in self.spans) + CROSS_TOLERANCE
        held = [(x, marks) for x, marks in list(self.starts.items()) + list(self.ends.items())] + \
            [(x, marks) for gap, marks in self.gaps.items() for x in gap]
        return frozenset(x for x, marks in held if any(not self._crossed(x, t, foot) for t, _ in marks))

    def _crossed(self, x: float, a: float, b: float) -> bool:
        """Whether a line between tops `a` and `b` has a word across `x`."""
        low, high = min(a, b), max(a, b)
        return any(low < top < high and any(x0 < x - CROSS_TOLERANCE and x1 > x + CROSS_TOLERANCE for x0, x1 in xs)
                   for top, xs in self.spans)


# font sizes up or down within which a column's edge holds (a table's rows of a line or two)
NEAR_LINES = 8.0
# points a word must reach past a column's edge to cross it (not a word that ends at it)
CROSS_TOLERANCE = 0.1
# word gaps a justified line set alike: at least this share of the line's widest
JUSTIFIED_ALIKE = 0.85


def _snap(x: float) -> float:
    return round(x * 20) / 20


def column_edges(lines: list[list[Word]], least: int = 3) -> ColumnEdges:
    """`least` different words start after a gap (or end before one) at one x, and a line starts (or
    ends) there too: a column's edge, where wrapped lines begin as well; or a word starts after a gap
    where `least` lines begin with different words (a value column's wrapped lines). (The same word at one place
    is a word that lines share, "No" of "No data" and of "No.".) Words that end at one x must start
    at `least` different x too: words of one width at a column's left edge ("34", "no", "Cr" in
    Times) end together, and another word may end there by chance; that is no column set flush right
    (`_flush_right`: or lines that end there count too, a short table's label column).
    Third, gaps from one x to one x before `least` different words, or before two where a line ends
    at the gap's left side too (a label alone on its line) or where the words before start at `least`
    x or more (a short table's labels, some of its values alike: "Low."), after words that start at two
    x or more:
    the gutter between labels set flush right and values set flush left, where each value line may
    have a label line beside it (no line starts at the values' edge); not two pieces of one width at a
    value column's left edge, kerned alike ("po" | "lice", "Hi" | "gh."). Kerned pieces meet such a
    pair of edges by chance far more seldom than one edge."""
    starts: dict[float, list[Word]] = {}  # x -> the words that start there after a gap
    ends: dict[float, list[Word]] = {}  # x -> the words that end there before a gap
    gaps: dict[tuple[float, float], list[Word]] = {}  # (x, x) -> the words after such a gap
    openers: dict[tuple[float, float], set[float]] = {}  # (x, x) -> where the words before it start
    for ln in lines:
        for a, b in zip(ln, ln[1:]):
            starts.setdefault(_snap(b.x0), []).append(b)
            ends.setdefault(_snap(a.x1), []).append(a)
            gaps.setdefault((_snap(a.x1), _snap(b.x0)), []).append(b)
            openers.setdefault((_snap(a.x1), _snap(b.x0)), set()).add(_snap(a.x0))
    firsts: dict[float, list[Word]] = {}  # x -> the words that start a line there
    lasts: dict[float, list[Word]] = {}  # x -> the words that end a line there
    for ln in lines:
        firsts.setdefault(_snap(ln[0].x0), []).append(ln[0])
        lasts.setdefault(_snap(ln[-1].x1), []).append(ln[-1])
    line_starts, line_ends = set(firsts), set(lasts)

    def marks(ws: list[Word]) -> list[tuple[float, str]]:
        return [(w.top, w.font) for w in ws]

    return ColumnEdges({x: marks(ws + firsts.get(x, [])) for x, ws in starts.items()
                        if _texts(ws) >= least and x in line_starts or _texts(firsts.get(x, [])) >= least},
                       {x: marks(ws + lasts.get(x, [])) for x, ws in ends.items()
                        if _flush_right(ws, lasts.get(x, []), least)},
                       {g: marks(ws) for g, ws in gaps.items() if len(openers[g]) >= 2
                        and (_texts(ws) >= least or _texts(ws) >= 2 and (g[0] in line_ends or len(openers[g]) >= least))},
                       [(ln[0].top, [(w.x0, w.x1) for w in ln]) for ln in lines])


def _flush_right(before_gaps: list[Word], ending_lines: list[Word], least: int) -> bool:
    """Whether words ending at one x make a column set flush right: `least` different words, starting at
    `least` different x, end there before a gap, and a line ends there too; or, where fewer end before a
    gap (a short table of labels set flush right beside values centred in their cells, each starting
    somewhere else), two lines or more end there with different words, and with them `least` words in
    all, of different starts: a label's wrapped lines. Kerned pieces end a line at one x by chance."""
    def starts(ws: list[Word]) -> int:
        return len({_snap(w.x0) for w in ws})

    if _texts(before_gaps) >= least and starts(before_gaps) >= least and ending_lines:
        return True
    every = before_gaps + ending_lines
    return _texts(ending_lines) >= 2 and _texts(every) >= least and starts(every) >= least


def _texts(ws: list[Word]) -> int:
    """How many different words (by their text) there are among `ws`."""
    return len({w.text for w in ws})


def line_kern_limit(gaps: list[float], floor: float, jump: float = 1.5, least: int = 2) -> float:
    """The widest a kern may be on one line, judged from the line's own gaps (in ems, sorted): a kern
    wider than `ratio` of the word gaps ("Cr" | "ime" 0.17 em apart on a line whose word gaps are
    0.27 em) still sits clearly below them. Where the gaps fall into narrow and wide at a jump of
    `jump` times or more, the wide ones (at least `least` of them, so the line has enough gaps to
    judge) all wider than `floor` (what the page calls a word gap), the limit lies midway (by ratio)
    between the widest narrow gap and the narrowest wide one; 0 where the line does not tell."""
    best, limit = jump, 0.0
    for k in range(len(gaps) - least):
        low, high = gaps[k], gaps[k + 1]
        if 0 < low and high >= floor and high / low >= best:
            best, limit = high / low, (low * high) ** 0.5
    return limit


def _digits(a: Word, b: Word) -> bool:
    """A figure either side: perhaps two groups of a number set with a thin gap ("23" | "635")."""
    return a.text[-1:].isdigit() and b.text[:1].isdigit()


def page_edges(words: list[Word]) -> frozenset[float]:
    """The x of every column edge of a page (column_edges: starts, ends, and both sides of each
    gutter: labels flush right beside values flush left, no line alone at either edge), snapped."""
    edges = column_edges(_page_lines(words))
    return frozenset(edges.starts) | frozenset(edges.ends) | frozenset(x for g in edges.gaps for x in g)


def foot_edges(words: list[Word]) -> frozenset[float]:
    """The x of the column edges of a page that hold at its foot (ColumnEdges.at_foot), snapped."""
    lines = _page_lines(words)
    return column_edges(lines).at_foot()


def page_word_gaps(words: list[Word], blanks: list[BBox] = ()) -> list[float]:
    """The gaps the producer placed between a page's words, in ems, under an em (a no-break space is a
    character of its own width: no placed gap)."""
    return [g for ln in _page_lines(words) for a, b in zip(ln, ln[1:])
            if not (blanks and _blank_between(blanks, a, b)) and 0 < (g := _gap(a, b)) < 1]


def _ruled_row(line: list[Word], rules: list[VRule]) -> bool:
    """Whether vertical rules at three places at least (a rule drawn double is one place) run across
    the line: a ruled table's row of two cells, its columns' edges drawn."""
    middle = (line[0].top + line[0].bottom) / 2
    xs = sorted(v.x for v in rules if v.top <= middle <= v.bottom)
    return len(xs) >= 3 and 1 + sum(b - a > 0.5 * line[0].size for a, b in zip(xs, xs[1:])) >= 3


def join_kerned(words: list[Word], ratio: float, blanks: list[BBox] = (), most: float = 0.2,
                usual_gap: float | None = None, borrowed: frozenset[float] = frozenset(),
                rules: list[VRule] = (), overleaf: frozenset[float] = frozenset()) -> list[Word]:
    """Words of a page drawn without space characters (pdfTeX places each word by a gap) come out
    of pdfplumber in pieces where a kern inside a word is wider than its tolerance. Such a gap is
    much narrower than the gaps between words: pieces closer than `ratio` of the page's median word
    gap (or of the line's widest, when less: justification narrows a line's gaps alike) and than `most` of
    the font size (kerns are small), in the same font, with no blank character between them (a
    no-break space inside a number) and not reading as two words, are one word. A kern wider than
    that, but clearly narrower than its line's own word gaps (`line_kern_limit`), is one too, though
    never between two figures (the groups of a number). The words come back line by line;
    `usual_gap` (in ems) stands for the page's median word gap where the page has too few to tell, and
    then `borrowed` holds the column edges of the other pages (snapped x): a table continued onto a page
    of a line or two keeps its columns there, with too few lines to show them. `rules`: the page's
    vertical rules; a line ruled as a table's row of two cells (`_ruled_row`) has
    its columns' edges drawn, and no other table's edge parts its kerns (their walls are in `blanks`).
    `overleaf`: the column edges at the foot of the page before (snapped x, `foot_edges`), which hold
    atop this page until a line runs across them: the rest of a row the page break split, a line or
    two above the next section's title, shows no columns of its own."""
    lines = _page_lines(words)
    # the gaps placed by the producer (a no-break space is a character of its own width)
    placed = [sorted(_gap(a, b) for a, b in zip(ln, ln[1:]) if not (blanks and _blank_between(blanks, a, b)))
              for ln in lines]
    if usual_gap is None:
        page_gaps = [g for gaps in placed for g in gaps if 0 < g < 1]
        if not page_gaps:
            return words
        usual_gap = median(page_gaps)
    edges = column_edges(lines)
    out: list[Word] = []
    atop = set(overleaf)  # the edges of the page before not yet run across
    for ln in lines:
        bold = all("bold" in w.font.lower() for w in ln)  # a title or header row across the table
        given = borrowed | atop  # the other pages' edges that hold on this line

        def at_edge(a: Word, b: Word) -> bool:
            return edges.parts(a, b, bold) or bool(given) and (_snap(b.x0) in given or _snap(a.x1) in given)

        # a line with a gutter (a gap of an em or more), or a gap at a column's edge too wide for any kern,
        # has its split there: a kern-wide gap at another column's edge is no second split of a two-column
        # table's line but that edge met by chance (the value column of the table above or below, a
        # hundredth of a point from a kern's piece)
        pairs = list(zip(ln, ln[1:]))
        splits = {id(b) for a, b in pairs if most <= _gap(a, b) < 1 and at_edge(a, b)}
        split = bool(splits) or any(_gap(a, b) >= 1 for a, b in pairs)
        ruled = _ruled_row(ln, rules)

        def apart(a: Word, b: Word) -> bool:  # a column's edge: no kern there, however narrow
            if ruled or split and _gap(a, b) < 1 and id(b) not in splits:
                return False
            return at_edge(a, b)

        # a line justified tight has all its word gaps narrow: its widest (kerns are narrower still),
        # where it has three gaps or more alike with its widest (justification sets them alike; a line
        # of one word gap and two wide kerns says nothing about its word gaps); a column's gutter is
        # none of its word gaps (a label's last word and its value's, both kerned, a gutter apart)
        inner = sorted(g for a, b in zip(ln, ln[1:]) if not (blanks and _blank_between(blanks, a, b))
                       and not apart(a, b) and (g := _gap(a, b)) < 1)
        near_widest = sum(g >= JUSTIFIED_ALIKE * inner[-1] for g in inner) if inner else 0
        usual = min(usual_gap, inner[-1]) if near_widest >= 3 else usual_gap
        limit = min(ratio * usual, most)
        wide = min(max(limit, line_kern_limit(inner, ratio * usual_gap)), most)
        first = len(out)
        out.append(ln[0])
        for w in ln[1:]:
            prev = out[-1]
            if _kern(prev, w, limit if _digits(prev, w) else wide, blanks) and not apart(prev, w):
                out[-1] = prev.model_copy(update={"text": prev.text + w.text, "x1": w.x1,
                                                  "top": min(prev.top, w.top), "bottom": max(prev.bottom, w.bottom)})
            else:
                out.append(w)
        if atop:
            atop -= {x for x in atop for w in out[first:] if w.x0 < x - CROSS_TOLERANCE and w.x1 > x + CROSS_TOLERANCE}
    return out
