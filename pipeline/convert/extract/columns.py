"""The label | value split of a section table: one finder that scores every candidate split on every
signal a reader uses (`ExtractSettings.vertical_strategy` names them; leave one out to turn it off):

- `rules`: a vertical rule drawn in the strip, down the table;
- `strips`: a clear vertical strip (no word crosses it) with text on both sides, over many lines,
  and wider than a word space (in a table of one line, clearly wider than its other gaps); a line
  whose own gutter (an em wide and twice its word gaps) lies left of the strip speaks against it;
- `alignment`: value lines starting on the strip's right edge (or sharing one centre), or label lines ending on its left
  (right-aligned labels);
- `style`: the weight, size or colour changing from a line's last label word to its first value word;
  more where no style is found on both sides (every label word in one, every value word in another);
- `labels`: the text left of the strip ending a label the codebook knows (going on across it, or
  past a whole known label and a gutter, against it);
- `neighbours`: the split of the table this one continues from the page before, of the document, or
  (for a table with no clear strip of its own) of the tables beside it.

The candidates are the table's clear strips, and the neighbours' splits; each gets a score from
its signals (`_score`), and the best one wins. Lines set bold throughout (a section title across
both columns, a header row, a bold label's lines beside no value) do not make strips, so a title
row may cross the split."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ...core.geometry import Gutter, VRule, gutters
from ...core.models import Word
from ...core.settings import Tolerances
from ...core.text import fold
from .lines import Line, group_lines

EPS = 0.01  # points: float noise in edges that meet
# points: words that overlap more than this touch (no strip between them); a tiny table's widest label set
# flush against its value (pages.cut_touching parts the two) may overlap it by a kerned pair's hundredths
MIN_STRIP = -0.1
# Each signal's weight in a candidate's score. Support (the share of lines a strip parts, 0 to 2)
# is the base; a strip wider than a word space, both edges aligned on, a style change or known
# labels on every line each count about as much as a line in two; a rule the table's height counts
# more than any of them, since a producer draws it only between columns.
WEIGHTS = {"strips": 1.0, "wide": 1.0, "alignment": 0.5, "style": 1.0, "labels": 1.0, "rules": 2.5,
           "neighbours": 1.0, "title_rows": -0.5, "header_cells": -1.0, "gutter_left": -1.0,
           "own_gutters": 0.5, "header_gap": 0.5, "styles_apart": 0.5}
# a strip is wide when this many times the word gaps of the lines it parts (uneven gaps of a
# fragmented export run to 1.3 times their median)
WIDE_OF_SPACES = 1.5
# a line's gap this many times its median word gap (and an em wide) is its gutter
OWN_GUTTER = 2.0
# the same table overleaf keeps its columns unless they plainly lie elsewhere
NEIGHBOUR_WEIGHT = {"continued": 3.25, "overleaf": 3.25, "document": 0.6, "nearby": 0.5}
# more for a strip with the neighbour's very edges on both sides
NEIGHBOUR_EDGES = 1.2


class Split(NamedTuple):
    x: float  # words starting left of x are labels
    source: str  # the signal that weighed most: rule, alignment, style, labels, gap (a clear strip) or neighbour
    signals: tuple[tuple[str, float], ...] = ()  # each signal's part of the score
    room: float = 0.0  # how far left of x the clear strip it lies in reaches (0: a rule, or no strip)

    def same_place(self, other: Split | None) -> bool:
        return other is not None and abs(self.x - other.x) < EPS


class Neighbour(NamedTuple):
    split: Split
    kind: str  # continued (the same table on the page before), overleaf (its rest on the next page), document,
    # nearby (another table's)


@dataclass(frozen=True)
class Finder:
    """What the finder knows beyond a table's words: its tolerances and the codebook's labels."""

    tol: Tolerances
    labels: KnownLabels | None = None


class KnownLabels(NamedTuple):
    """The codebook's labels, folded, for the `labels` signal."""

    ends: frozenset[str]  # each label and each run of its last words of two or more (a wrapped label's last line)
    starts: frozenset[str]  # each run of a label's first words: text that a longer label goes on from
    around: frozenset[tuple[str, str]]  # the words before and after a placeholder ("judgments of", "courts"; after
    # a placeholder that ends its label, "": the name ends it, NAME_WORDS words at most)
    headings: frozenset[str] = frozenset()  # the codebook's sub-headings, folded (rows with a label only)
    inner: frozenset[str] = frozenset()  # each run of two words or more inside a label: a wrapped label's middle line
    values: frozenset[str] = frozenset()  # whole values the codebook knows ("no data"), folded: a value may open so
    verdicts: frozenset[str] = frozenset()  # the codebook's verdict words, case-folded ("yes", "нет")
    # and the stems of those of inflected languages («высок»: «Высокая», «Высокое»)
    verdict_stems: frozenset[str] = frozenset()

    def marks(self, words: list[Word]) -> tuple[set[int], set[int], set[int]]:
        """The word counts k (0 < k < len(words)) at which a split of the line would end a known label,
        and those past which a known label goes on (a split there cuts it). A label that is also the
        start of a longer one ("Optional Protocol ... against Torture") ends only where the longer one
        does not go on. A wrapped label's middle line is cut too where the split leaves a word of it on
        the right ("against Torture and Other Cruel, Inhuman" | "or"). Third, the counts whose text left
        of the split is a piece of a known label (its start, its middle or its end) that the split does
        not cut: a label cell's line of a wrapped label. A whole value the codebook knows that ends the
        line ("Not available") is cut by a split inside it too: a value lies in one cell; and so is a row's
        line by a split past a known label's end whose next word opens with a verdict and a stop
        ("Thoroughness of investigations" "Partial." ...): that value's first words on the labels' side."""
        heads = folded_heads(words)
        ends, cuts, pieces = set(), set(), set()
        for k in range(1, len(words)):
            if heads[k] != heads[k - 1] and (heads[k] in self.starts or heads[k] in self.inner):
                cuts.add(k)  # (a word that folds to nothing, a dash, goes on with no label)
                continue
            head = heads[k - 1]
            if head in self.ends or self._named(head):
                ends.add(k)
            if k in ends or head in self.starts or head in self.inner:
                pieces.add(k)
        lead = min((k for k in ends if self.leads(words[k].text)), default=None)
        if lead is not None:
            cuts.update(range(lead + 1, len(words)))
        if self.values:
            for j in range(len(words) - 1):
                if fold(" ".join(w.text for w in words[j:])) in self.values:
                    cuts.update(range(j + 1, len(words)))
                    break
        return ends, cuts, pieces

    def leads(self, text: str) -> bool:
        """Whether a line's text opens with a verdict word of the codebook, a stop, comma or colon after
        it ("No. The lawyer ...", «Высокая: ...»): the first words of an assessment, not a wrapped line's."""
        m = _VERDICT_OPENING.match(text)
        return m is not None and self.verdict(m.group(1))

    def verdict(self, word: str) -> bool:
        """Whether a word is a verdict of the codebook, in any grammatical form."""
        word = word.casefold()
        return word in self.verdicts or any(word.startswith(s) and len(word) - len(s) <= MAX_ENDING
                                            for s in self.verdict_stems)

    def whole(self, text: str, named: bool = True) -> bool:
        """Whether folded text reads as one whole known label (with `named`, also as a wording whose
        placeholder a name takes: a name's words are not told from the words after it, so a caller
        that lengthens a label while it stays whole leaves them out)."""
        return (text in self.ends and text in self.starts) or text in self.headings or named and self._named(text)

    def _named(self, text: str) -> bool:
        """Whether folded text reads as a wording with a placeholder, a name in its place."""
        return any(text.startswith(a) and text.endswith(b) and (b or 0 < len(text[len(a):].split()) <= NAME_WORDS)
                   for a, b in self.around)

    def tail(self, text: str) -> bool:
        """Whether folded text reads as a known label's last words (one word or more): what a page break
        leaves of a wrapped label atop the next page."""
        return text in self.ends or any(e.endswith(f" {text}") for e in self.ends)

    def opens(self, text: str) -> bool:
        """Whether folded text (a line's) could open a known label."""
        return text in self.starts or text in self.headings or any(text.startswith(a.strip()) for a, _ in self.around if a.strip())

    def continues(self, above: Line, line: Line) -> bool:
        """Whether `line` goes on with a known label's words after `above`: the last words of `above`
        and the first of `line` stand in that order inside a known label."""
        text = " ".join(fold(above.text).split()[-3:] + [fold(line.words[0].text)])
        return any(f" {text} " in f" {e} " for e in self.ends)


# the words of the name a placeholder that ends its label stands for ("Боснии и Герцеговины")
NAME_WORDS = 3
# a verdict word, then a stop, comma, colon or semicolon (KnownLabels.leads)
_VERDICT_OPENING = re.compile(r"\s*([^\W\d_]+)[.,:;]")
MAX_ENDING = 3  # letters of an inflected word's ending past its stem («высок|ая»)


def folded_heads(words: list[Word]) -> list[str]:
    """The folded text of the line's first word, of its first two, and so on (fold works word by word, a
    property test holds it, so a head grows by one word)."""
    heads, head = [], ""
    for w in words:
        part = fold(w.text)
        head = f"{head} {part}" if head and part else head or part
        heads.append(head)
    return heads


def known_labels(labels: list[str], headings: list[str] = (), values: list[str] = (), verdicts: list[str] = (),
                 verdict_stems: list[str] = ()) -> KnownLabels:
    """Wordings with a placeholder ({country}) end with the words after it, and read whole as those
    before it, any name, and those after it."""
    ends: set[str] = set()
    starts: set[str] = set()
    around: set[tuple[str, str]] = set()
    inner: set[str] = set()
    for label in labels:
        words = fold(label.split("}")[-1]).split()
        whole = "{" not in label
        for k in range(0 if whole else 1, len(words) - 1):
            ends.add(" ".join(words[k:]))
        if whole:
            ends.add(" ".join(words))
            starts.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
            inner.update(" ".join(words[a:b]) for a in range(1, len(words)) for b in range(a + 2, len(words) + 1))
        else:  # a placeholder last ("Решения судов {country}"): the name ends the label
            around.add((fold(label.split("{")[0]) + " ", " " + " ".join(words) if words else ""))
    return KnownLabels(frozenset(ends), frozenset(starts), frozenset(around), frozenset(fold(h) for h in headings),
                       frozenset(inner), frozenset(fold(v) for v in values), frozenset(v.casefold() for v in verdicts),
                       frozenset(verdict_stems))


class _Style(NamedTuple):
    bold: bool
    size: float
    color: str


def _style(w: Word) -> _Style:
    return _style_of(w.font, w.size, w.color)


@lru_cache(maxsize=1024)  # a document sets its words in a few styles; every candidate split asks again
def _style_of(font: str, size: float, color: str) -> _Style:
    return _Style("bold" in font.lower(), round(size * 20) / 20, color)


def _style_changes(sa: _Style, sb: _Style) -> bool:
    return sa.bold != sb.bold or sa.color != sb.color or abs(sa.size - sb.size) > 0.05 * max(sa.size, sb.size)


@dataclass
class _TableLines:
    """A table's lines, and which of them make strips."""

    lines: list[Line]
    body: list[Line]  # lines not set bold throughout (all of them when every line is)
    titles: list[Line]  # the lines set bold throughout, when some are not
    known: list[set[int]]  # per body line: the word counts whose text ends a known label
    cuts: list[set[int]]  # ... and those past which a known label goes on
    pieces: list[set[int]]  # ... and those whose text is a piece of a known label, not cut
    styles: list[list[_Style]]  # ... and each word's style
    past: list[int]  # ... and the word count after which a whole known label ends at a gutter's width (0: none)
    gutter: list[int]  # ... and the word count after which the line's own gutter lies (0: none)
    gaps: list[list[float]]  # ... and its word gaps, left to right
    strays: list[set[int]]  # ... and those whose text is a known label's piece and one word more, capitalised
    # (the whole line's count too, where a known label's end and such a word make it)
    whole: list[bool]  # ... and whether the whole line reads as one known label, capitalised as labels open

    @property
    def words(self) -> list[Word]:
        return [w for ln in self.body for w in ln.words]


def _table_lines(words: list[Word], finder: Finder) -> _TableLines:
    lines = group_lines(words, finder.tol.same_line)
    body = [ln for ln in lines if not ln.bold] or lines
    titles = [ln for ln in lines if ln.bold] if len(body) < len(lines) else []
    plain = [w.x0 for ln in body for w in ln.words if "bold" not in w.font.lower()]
    if titles and plain:
        # a bold line that ends before the plain words start (a bold label beside values set on lines of their
        # own: centred in their cells, or a label's first lines above a value at the bottom), or that a gap
        # standing out from its word gaps parts there (a bold header row's cells), is no title row
        edge = min(plain)
        kept = {id(ln) for ln in titles if not _parted_at(ln, edge, finder.tol)}
        if len(kept) < len(titles):
            body, titles = [ln for ln in lines if id(ln) not in kept], [ln for ln in titles if id(ln) in kept]
    on = finder.labels is not None and "labels" in finder.tol.columns
    marks = [finder.labels.marks(ln.words) if on else (set(), set(), set()) for ln in body]
    styles = [[_style(w) for w in ln.words] for ln in body]
    past = [_label_then_gutter(ln.words, finder) if on else 0 for ln in body]
    gaps = [[b.x0 - a.x1 for a, b in zip(ln.words, ln.words[1:])] for ln in body]
    return _TableLines(lines, body, titles, [m[0] for m in marks], [m[1] for m in marks], [m[2] for m in marks],
                       styles, past, [_own_gutter(g, finder.tol) for g in gaps], gaps,
                       [_strays(ln.words, m[2]) | _value_after_label(ln.words, m[0], finder.labels)
                        | _value_lead(ln.words, finder.labels if on else None) for ln, m in zip(body, marks)],
                       [on and _capitalised(ln.words[0]) and finder.labels.whole(fold(ln.text)) for ln in body])


def _strays(words: list[Word], pieces: set[int]) -> set[int]:
    """The word counts k whose text is a piece of a known label and then one word more that opens with a
    capital or a figure, no part of it: a value's first word on the labels' side ("Judgments excluding
    evidence obtained under" | "Not" | "available")."""
    return {k for k in range(2, len(words)) if k - 1 in pieces and k not in pieces and _capitalised(words[k - 1])}


def _capitalised(word: Word) -> bool:
    """Whether a word opens with a capital or a figure, as a value's first word does."""
    first = word.text[:1]
    return first.isupper() or first.isdigit()


def _value_after_label(words: list[Word], ends: set[int], labels: KnownLabels | None) -> set[int]:
    """{len(words)} when the line reads a known label to its end and then one word more that opens with
    a capital or a figure, no part of it ("Promptness of investigations" "Low."): with the whole line
    left of a split, a value's word is on the labels' side."""
    n = len(words)
    if labels is None or n < 2 or n - 1 not in ends or not _capitalised(words[-1]):
        return set()
    line = fold(" ".join(w.text for w in words))
    return set() if line in labels.starts or line in labels.inner or line in labels.ends else {n}


def _value_lead(words: list[Word], labels: KnownLabels | None) -> set[int]:
    """{1} when the line opens with a verdict of the codebook and a stop ("Low. Preliminary checks ..."):
    a split after that word leaves a value's first word on the labels' side (a value centred in its
    cell, its widest line reaching the column's edge, left of where the other tables' values start)."""
    return {1} if labels is not None and words and labels.leads(words[0].text) else set()


def _parted_at(line: Line, x: float, tol: Tolerances) -> bool:
    """Whether a line ends before x, or has text either side of x and a gap there that stands out."""
    if line.x1 < x:
        return True
    k = sum(1 for w in line.words if w.x1 <= x)
    if not 0 < k < len(line.words) or line.words[k].x0 < x - tol.align_slack:
        return False
    gaps = [b.x0 - a.x1 for a, b in zip(line.words, line.words[1:])]
    return _stands_out(gaps[k - 1], gaps, tol)


def _own_gutter(gaps: list[float], tol: Tolerances) -> int:
    """The word count k after which a line (of these word gaps) has a gap that can only be its gutter: an
    em wide at least, and twice its median word gap (a justified or fragmented line's gaps are never so
    uneven); 0: none."""
    if len(gaps) < 2:
        return 0
    usual = sorted(gaps)[(len(gaps) - 1) // 2]  # the lower median: of a word space and a gutter, the space
    return next((k for k, g in enumerate(gaps, start=1) if g >= max(tol.body, OWN_GUTTER * usual)), 0)


def _label_then_gutter(words: list[Word], finder: Finder) -> int:
    """The word count k after which a line's first words read as one whole known label and a gap as wide
    as a gutter follows ("Independent external review mechanism" | "No independent mechanism"): a
    split right of it puts value words in the label (0 when the line has no such place)."""
    head = ""
    for k, (a, b) in enumerate(zip(words, words[1:]), start=1):
        part = fold(a.text)
        head = f"{head} {part}" if head and part else head or part
        if b.x0 - a.x1 >= finder.tol.min_gutter and finder.labels.whole(head):
            return k
    return 0


class _Candidate(NamedTuple):
    strip: Gutter  # the clear strip the split lies in (zero wide for a neighbour's split inside text)
    x: float  # where the split is placed
    rule: float  # length of vertical rule drawn in the strip
    neighbour: float  # the weight of the neighbours whose split it holds
    edges: bool = False  # its strip has the edges of a neighbour's (the document's, another table's) on both sides


class _Evidence(NamedTuple):
    left: int  # lines with text left of the strip
    right: int  # ... right of it
    both: int  # ... on both sides (a label beside its value)
    starts: int  # lines whose right-hand text starts on the strip's right edge
    ends: int  # lines whose left-hand text ends on its left edge
    style: int  # lines in two whose style changes across the strip
    known: int  # lines in two whose left-hand text ends a known label
    cut: int  # lines in two whose left-hand text is a known label's start that goes on across the strip
    pieces: int  # lines in two whose left-hand text is a piece of a known label the strip does not cut
    titles: int  # lines set bold throughout that cross the split
    groups: int  # lines in two whose strip parts a number at a thousands group ("23" | "635")
    cells: int = 0  # bold lines of two cells or more ("Indicator" | "Value") that cross the split: inside a cell
    apart: bool = False  # no style is found on both sides: the labels are set apart from the values
    spaces: float = 0.0  # the median word gap of the lines in two, the gaps at the strip left out
    over: int = 0  # lines in two whose left-hand text goes on past a whole known label and a gutter after it
    inside: int = 0  # lines in two whose left-hand text holds the line's own gutter (_own_gutter)
    at: int = 0  # lines in two whose own gutter is the strip's gap
    between: int = 0  # bold lines of two cells ("Indicator" | "Value") that it parts at their cells' gap
    whole: int = 0  # lines in two that read a whole known label, the line's own gutter, then the rest
    strays: int = 0  # lines whose left-hand text is a known label's piece and a capitalised word more (in two,
    # or all of the line left of the strip after a known label's end)
    centred: int = 0  # the most lines whose right-hand text shares a centre with a line in two (_sharing_centre)
    centred_cut: int = 0  # lines in two whose whole text shares a centre with two lines right of the strip
    alone_left: int = 0  # lines wholly left of the strip that read as a whole known label
    alone_right: int = 0  # ... wholly right of it
    # where it parts no line (values on lines of their own), the most lines right of it that share a centre
    centred_alone: int = 0


def _evidence(c: _Candidate, table: _TableLines, tol: Tolerances) -> _Evidence:
    left_n = right_n = both = starts = ends = style = known = cut = pieces = groups = over = inside = at = whole = 0
    strays = titles = cells = between = alone_left = alone_right = 0
    g = c.strip
    spaces: list[float] = []
    centres: list[float] = []  # of each line's right-hand text
    parted: list[float] = []  # ... of the lines in two
    alone: list[float] = []  # the centre of each line right of the strip
    wholes: list[float] = []  # ... and of each line in two, its whole text
    left_styles: set[_Style] = set()
    right_styles: set[_Style] = set()
    for ln, ks, cs, ps, st, past, own, gaps, sk, wh in zip(table.body, table.known, table.cuts, table.pieces,
                                                           table.styles, table.past, table.gutter, table.gaps,
                                                           table.strays, table.whole):
        k = sum(1 for w in ln.words if w.x1 <= g.x0 + EPS)
        alone_left += wh and k == len(ln.words)
        alone_right += wh and k == 0
        left_styles.update(st[:k])
        right_styles.update(st[k:])
        left_n += k > 0
        right_n += k < len(ln.words)
        if k < len(ln.words):
            starts += ln.words[k].x0 - g.x1 < tol.align_slack
            centres.append((ln.words[k].x0 + ln.words[-1].x1) / 2)
            (wholes if k else alone).append((ln.words[0].x0 + ln.words[-1].x1) / 2)
        if k:
            ends += g.x0 - ln.words[k - 1].x1 < tol.align_slack
        if 0 < k < len(ln.words):
            both += 1
            parted.append(centres[-1])
            style += _style_changes(st[k - 1], st[k])
            known += k in ks
            cut += k in cs
            pieces += k in ps
            over += 0 < past < k
            strays += k in sk
            inside += 0 < own < k
            at += own == k
            whole += own == k and 0 < past == k
            groups += _thousands_group(ln.words[k - 1].text, ln.words[k].text)
            # a bold line of two cells kept among the body (a header row over values set right of its cells'
            # gap) shows the columns where a title's would
            between += ln.bold and _stands_out(gaps[k - 1], gaps, tol)
            spaces += gaps[:k - 1] + gaps[k:]  # the line's word gaps, the one at the strip left out
        elif k == len(ln.words):
            strays += k in sk
    for ln in table.titles:  # bold lines make no strips, but a bold label is text on the left all the same
        if any(w.x0 < c.x < w.x1 - tol.crossing for w in ln.words):
            titles += 1
            cells += any(b.x0 - a.x1 >= tol.min_gutter for a, b in zip(ln.words, ln.words[1:]))
        elif ln.x1 <= c.x:
            left_n += 1
        else:
            right_n += 1
            k = sum(1 for w in ln.words if w.x1 <= c.x)
            gaps = [b.x0 - a.x1 for a, b in zip(ln.words, ln.words[1:])]
            between += 0 < k < len(ln.words) and _stands_out(gaps[k - 1], gaps, tol)
    apart = bool(left_styles and right_styles) and not (left_styles & right_styles)
    return _Evidence(left_n, right_n, both, starts, ends, style, known, cut, pieces, titles, groups, cells, apart,
                     sorted(spaces)[len(spaces) // 2] if spaces else 0.0, over, inside, at, between, whole, strays,
                     _sharing_centre(centres, parted, tol.align_slack), _centred_cut(alone, wholes, tol.align_slack),
                     alone_left, alone_right, _sharing_centre(alone, alone, tol.align_slack) if not both else 0)


def _labels_apart(e: _Evidence) -> bool:
    """Whether a strip parts lines that all stand on one side of it, with whole known labels on two lines
    or more and most of its left, none on its right: the labels' column beside values set on baselines
    of their own (cells centred, a one-line label between its value's lines), no line in two."""
    return not e.both and e.alone_left >= 2 and e.alone_left >= 0.5 * e.left and not e.alone_right and e.right > 0


def _sharing_centre(centres: list[float], parted: list[float], slack: float) -> int:
    """The most right-hand texts centred on the centre of one that the strip parts from its label (a
    value's lines of their own are centred where they are wherever the split goes, so they count only
    beside one that it shapes)."""
    xs = sorted(centres)
    return max((bisect_right(xs, c + slack) - bisect_left(xs, c - slack) for c in parted), default=0)


def _centred_cut(alone: list[float], wholes: list[float], slack: float) -> int:
    """The lines in two whose whole text is centred where two lines right of the strip are: a value
    centred in its cell, cut at a word gap (a line of label and value is never centred on the values'
    centre, its label lying left of every value)."""
    xs = sorted(alone)
    return sum(bisect_right(xs, c + slack) - bisect_left(xs, c - slack) >= 2 for c in wholes)


_GROUP = re.compile(r"\d{3}(?:\D|$)")


def _thousands_group(left: str, right: str) -> bool:
    """Whether `right` reads as the next thousands group of a number that `left` ends (a long figure
    wrapped down its cell aligns its group spaces into a strip)."""
    return left[-1:].isdigit() and _GROUP.match(right) is not None


def _score(c: _Candidate, e: _Evidence, n: int, table_height: float, tol: Tolerances) -> dict[str, float] | None:
    """Each signal's part of a candidate's score; None when it parts no text (nothing on one side),
    unless it is the split of the table this one continues (the tail of a row may be all value)."""
    if not (e.left and e.right) and c.neighbour < NEIGHBOUR_WEIGHT["continued"]:
        return None
    on = tol.columns
    parts: dict[str, float] = {}
    if "strips" in on:
        # a line whose known label goes on across the strip, or whose value is centred where others are,
        # is parted at a word gap: no line it parts
        parts["strips"] = WEIGHTS["strips"] * (e.both + min(e.left, e.right) - 2 * (e.cut + e.centred_cut)) / n
        # a gutter stands out from the word gaps of the lines it parts (in a table of one line every word
        # gap is a strip; fragmented exports space their words up to half an em apart)
        if c.strip.width >= max(tol.min_gutter, WIDE_OF_SPACES * e.spaces):
            parts["wide"] = WEIGHTS["wide"]
        if e.inside:  # the line's own gutter lies left of the strip: value words would go to the label
            parts["gutter_left"] = WEIGHTS["gutter_left"] * e.inside / e.both
        if e.at:  # the lines' own gutters fall here: each line's one clearly wide gap, a strip narrowed by others
            parts["own_gutters"] = WEIGHTS["own_gutters"] * e.at / e.both
    if "alignment" in on:
        # an edge is aligned on when most of the lines on its side (at least two) meet it; values centred
        # in their cells align on a centre instead (three lines at least: two short values may share one
        # by chance), which only a split at the cells' edge leaves whole; or, where no line is in two (values
        # on lines of their own, centred apart from their labels'), the lines right of the strip do
        values = e.starts >= max(2, 0.5 * e.right) or max(e.centred, e.centred_alone) >= max(3, 0.5 * e.right)
        sides = values + (e.ends >= max(2, 0.5 * e.left))
        if sides:
            parts["alignment"] = WEIGHTS["alignment"] * sides
    if "style" in on and e.both >= 2 and e.style:
        parts["style"] = WEIGHTS["style"] * e.style / e.both
        if e.apart:  # no value word on the labels' side in their style, nor the other way round
            parts["styles_apart"] = WEIGHTS["styles_apart"]
    elif "style" in on and e.apart and (e.both or min(e.left, e.right) >= 2):
        # one line with both sides, or none (values centred between a label's lines), but every label word
        # in one style and every value word in another (bold labels of a short table): the style parts
        # the columns all the same
        parts["style"] = WEIGHTS["style"]
    if "labels" in on and _labels_apart(e):
        # no line beside another across it (labels and values on baselines of their own: both cells centred),
        # and known labels whole on its left, none on its right
        parts["labels"] = WEIGHTS["labels"] * e.alone_left / e.left
    if "labels" in on and e.alone_right:
        # a whole known label on its right, a line of its own: a label on the values' side
        parts["labels_right"] = -WEIGHTS["labels"] * e.alone_right / (e.alone_left + e.alone_right)
    if "labels" in on and (e.known or e.cut or e.over or e.strays):
        # a known label ending on it speaks for it; one that goes on across it, or one that ends left of
        # it before a gutter, or a piece of one followed by a capitalised word (value words on the left),
        # against it
        parts["labels"] = WEIGHTS["labels"] * (e.known - e.cut - e.over - e.strays) / max(e.both, 1)
    if "rules" in on and c.rule:
        parts["rules"] = WEIGHTS["rules"] * min(1.0, c.rule / max(table_height, 1.0))
    if "neighbours" in on and c.neighbour:
        # a neighbour's split that cuts known labels here, or leaves value words after them on its left
        # (a known label's piece and a capitalised word more, a whole one and a gutter), or has a whole known
        # label on its right, holds for this table only as far as it does not
        bad, lines = e.cut + e.over + e.strays + e.alone_right, e.both + e.alone_right
        held = 1.0 - min(bad, lines) / lines if lines else 1.0
        parts["neighbours"] = WEIGHTS["neighbours"] * c.neighbour * held
        if c.edges:
            parts["neighbour_edges"] = WEIGHTS["neighbours"] * NEIGHBOUR_EDGES * held
    if e.titles:
        parts["title_rows"] = WEIGHTS["title_rows"] * e.titles / n
    if e.cells:  # a header row's cell cut in two: no reader splits a table there
        parts["header_cells"] = WEIGHTS["header_cells"] * e.cells
    if e.between:  # the other way round, a header row parted at its cells' gap shows the columns
        parts["header_gap"] = WEIGHTS["header_gap"]
    return parts


def _qualifies(parts: dict[str, float], e: _Evidence) -> bool:
    if e.cut > 0.5 * e.both and e.cut > e.known and "rules" not in parts:
        # it runs through known labels on most of the lines it parts, and ends fewer: a word gap (a label's
        # words that line up with a wrapped line's, "Optional Protocol to the" | "UN Convention ...")
        return False
    # a narrow strip with nothing but text on both sides is a word space; known labels ending on it
    # make it more when they do on two lines or more, and on most of the lines it parts, or pieces of
    # known labels standing left of it, none cut, on most of them
    if e.known >= 2 and e.known >= 0.5 * e.both or _labels_apart(e):
        return True
    if e.pieces >= 3 and e.pieces >= 0.75 * e.both and not e.cut:
        return True  # the lines' text left of it is a known label's, cut nowhere: label cells, centred or wrapped
    if "wide" not in parts and "rules" not in parts and e.groups > 0.5 * e.both:
        return False  # the group spaces of figures, not a column's edge
    if "own_gutters" in parts and (e.at >= 2 and e.at >= 0.5 * e.both or e.whole) and not (e.inside or e.cut or e.over):
        # two lines or more have their own gutter here (a shrink-to-fit table's centred values), or one reads
        # a whole known label up to its own gutter here
        return True
    return any(k in parts for k in ("wide", "alignment", "style", "rules", "neighbours", "header_gap"))


_SOURCE = {"rules": "rule", "alignment": "alignment", "style": "style", "labels": "labels", "neighbours": "neighbour"}


def _source(parts: dict[str, float]) -> str:
    named = {k: v for k, v in parts.items() if k in _SOURCE and v > 0}
    return _SOURCE[max(named, key=lambda k: named[k])] if named else "gap"


def _placed(g: Gutter, table: _TableLines, tol: Tolerances) -> float:
    """The split just left of where the value column's text begins: at most `column_snap` before the
    strip's right edge (or a bold cell's start inside the strip: a header cell or a bold value), never
    past the strip's middle."""
    def at(edge: float) -> float:
        return edge - min(tol.column_snap, max(edge - g.x0, 0.0) / 2)

    # the leftmost such start whose split cuts no bold line's word (a fragmented header line's wide
    # word gap inside the strip is no cell's start: a split there cuts the label header's next word)
    edges = sorted(_cells_in_strip(table.titles, g, tol)) + [g.x1]
    clear = [e for e in edges if not _cuts_bold(table, at(e), tol)]
    return at(clear[0] if clear else edges[0])


def _cuts_bold(table: _TableLines, x: float, tol: Tolerances) -> bool:
    """Whether a split at x runs through a word of a line set bold throughout (a title or header row)."""
    return any(w.x0 < x < w.x1 - tol.crossing for ln in table.titles for w in ln.words)


def _cells_in_strip(lines: list[Line], g: Gutter, tol: Tolerances) -> list[float]:
    """Where bold words (left out of the strips) start inside the strip as the first word past its
    left side, a column's gap after the word before: a header cell or a bold value, of the value
    column (or the next word after such a gap, where the word before starts inside the strip too: a
    label header cell wider than the labels, with uneven word gaps). A bold title across both
    columns, or a bold label's line, runs into the strip from the left instead, a word space after
    the word before (a gap that does not stand out from the line's own word gaps)."""
    starts = []
    for line in lines:
        before = [w for w in line.words if w.x0 <= g.x0 or (g.x0 < w.x0 < g.x1)]
        gaps = [b.x0 - a.x1 for a, b in zip(line.words, line.words[1:])]
        for prev, w in zip([None] + before, before):
            if g.x0 < w.x0 < g.x1 and (prev is None or ((prev.x1 <= g.x0 or prev.x0 > g.x0)
                                                        and _stands_out(w.x0 - prev.x1, gaps, tol))):
                starts.append(w.x0)
    return starts


def _stands_out(gap: float, gaps: list[float], tol: Tolerances) -> bool:
    """Whether a gap of a line (one of its `gaps`) is a column's: `min_gutter` wide, and `WIDE_OF_SPACES`
    times the line's other gaps (their lower median; a fragmented export's word gaps pass min_gutter)."""
    others = sorted(gaps)
    others.remove(gap)
    return gap >= max(tol.min_gutter, WIDE_OF_SPACES * others[(len(others) - 1) // 2] if others else 0.0)


def _crossing(words: list[Word], x: float, tol: Tolerances) -> list[Word]:
    return [w for w in words if w.x0 < x < w.x1 - tol.crossing]


def _snapped(words: list[Word], x: float, tol: Tolerances) -> float | None:
    """x, or x moved just left of the words that cross it when each starts at most `column_snap` left
    of it (value words that begin a little early); None when a word still crosses."""
    crossing = _crossing(words, x, tol)
    if not crossing:
        return x
    if any(x - w.x0 > tol.column_snap for w in crossing):
        return None
    x = min(w.x0 for w in crossing) - EPS
    return None if _crossing(words, x, tol) else x


def _moved_into_room(table: _TableLines, nb: Neighbour, tol: Tolerances) -> float:
    """The split of the table this one continues, moved left within the clear strip it lay in on the
    page before to just before lines that start inside that strip, or whose text after their own
    gutter does: no label started there, so they are value lines (a centred value wider than any the
    page before held, "Applied by ... experts", "A lawyer is notified ...")."""
    x, room = nb.split.x, nb.split.room
    if nb.kind != "continued" or room <= 0:
        return x
    firsts = [ln.words[own].x0 for ln, own in zip(table.body, table.gutter) if own] + \
        [ln.words[0].x0 for ln in table.body]
    starts = [x0 for x0 in firsts if x - room < x0 < x]
    return min(starts) - min(tol.column_snap, room) / 2 if starts else x


def _candidates(table: _TableLines, words: list[Word], vrules: list[VRule], neighbours: list[Neighbour],
                tol: Tolerances) -> list[_Candidate]:
    body = table.words
    strips = gutters(((w.x0, w.x1) for w in body), MIN_STRIP) if "strips" in tol.columns or "rules" in tol.columns else []
    top, bottom = min(w.top for w in words), max(w.bottom for w in words)
    vrules = [v for v in vrules if v.top < bottom and v.bottom > top] if "rules" in tol.columns else []
    out = []
    def ruled(x0: float, x1: float) -> tuple[list[VRule], float]:  # the rules in [x0, x1], their length over the table
        rules = [v for v in vrules if x0 - EPS <= v.x <= x1 + EPS]
        return rules, sum(min(v.bottom, bottom) - max(v.top, top) for v in rules)

    for g in strips:
        rules, length = ruled(g.x0, g.x1)
        x = max(rules, key=lambda v: v.length).x if rules else _placed(g, table, tol)
        out.append(_Candidate(g, x, length, 0.0))
    for nb in neighbours if "neighbours" in tol.columns else []:
        weight = NEIGHBOUR_WEIGHT[nb.kind]
        same = nb.kind in ("continued", "overleaf")
        reach = tol.body if same else tol.column_snap  # the same table on another page: within an em
        at = _moved_into_room(table, nb, tol)
        if nb.kind == "overleaf" and nb.split.room > 0:
            # the rest of this table overleaf: its columns part anywhere in the clear strip its split lay in, so
            # each strip there holds it, and this table's own lines choose among them
            # (a strip that opens where the strip overleaf does, where the labels end on both pages, has its
            # edges: in a fragmented export, word gaps of a value line may be wider than the gutter)
            room = [i for i, c in enumerate(out) if c.strip.x1 >= at - nb.split.room and c.strip.x0 <= at + reach]
            for i in room:
                edges = abs(out[i].strip.x0 - (nb.split.x - nb.split.room)) <= tol.align_slack
                out[i] = out[i]._replace(neighbour=max(out[i].neighbour, weight), edges=out[i].edges or edges)
            if room:
                continue
        near = [i for i, c in enumerate(out) if c.strip.x0 - reach <= at <= c.strip.x1 + reach]
        if near and same and not _crossing(body, at, tol) \
                and not any(out[i].strip.x0 <= at <= out[i].strip.x1 for i in near):
            near = []  # clear of the text, all of it on one side (a row's tail overleaf): the split holds there
        if near:
            i = min(near, key=lambda i: max(out[i].strip.x0 - at, at - out[i].strip.x1, 0.0))
            c = out[i]
            # inside the strip, the neighbour's split stays where it is: the tables keep one split
            inside = c.strip.x0 <= at <= c.strip.x1 and not c.rule
            # the same strip as the neighbour's, to its edges: this table shares its columns (labels set flush
            # right, values flush left), whatever a few lines of its own happen to line up with
            edges = inside and not same and nb.split.room > 0 and abs(c.x - at) <= tol.align_slack \
                and abs(c.strip.x0 - (nb.split.x - nb.split.room)) <= tol.align_slack
            # (but not through a bold line's word: a header cell of this table's own, sized to its text, may
            # start left of it; the strip's own placement keeps clear of such words)
            keep = inside and weight > c.neighbour and not _cuts_bold(table, at, tol)
            out[i] = c._replace(neighbour=max(c.neighbour, weight), x=at if keep else c.x, edges=c.edges or edges)
            continue
        x = _snapped(body, at, tol)
        if x is not None:  # outside every strip (all the text on one side), a rule drawn there still counts
            out.append(_Candidate(Gutter(x, x), x, ruled(x - tol.rule_merge, x + tol.rule_merge)[1], weight))
    return out


def find_split(words: list[Word], finder: Finder, vrules: list[VRule] = (),
               neighbours: list[Neighbour] = ()) -> Split | None:
    """The best-scored split of a table's words (or of every table's, for the document's split), or
    None when no candidate parts its text."""
    if not words:
        return None
    tol = finder.tol
    table = _table_lines(words, finder)
    n = len(table.lines)
    height = max(w.bottom for w in words) - min(w.top for w in words)
    best: tuple[float, _Candidate, dict[str, float]] | None = None
    for c in _candidates(table, words, list(vrules), list(neighbours), tol):
        e = _evidence(c, table, tol)
        parts = _score(c, e, n, height, tol)
        if parts is None or not _qualifies(parts, e):
            continue
        score = sum(parts.values())
        # a tie goes to the wider strip
        if best is None or score > best[0] + EPS or (score > best[0] - EPS and c.strip.width > best[1].strip.width):
            best = (score, c, parts)
    if best is None:
        return None
    _, c, parts = best
    return Split(c.x, _source(parts), tuple((k, round(v, 3)) for k, v in parts.items()),
                 0.0 if c.rule else max(c.x - c.strip.x0, 0.0))
