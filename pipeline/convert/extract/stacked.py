"""Pairs set one above the other, with no value column: each label on lines of its own and its value on
the lines below, indented (a definition list as LibreOffice and word processors lay it out: the term at
the margin, its description a tab further in), or in a weight of its own (a bold label over a plain
value at the same margin), or in nothing but their wording (a grid or list whose styles the producer
dropped: every line at one margin in one weight, the labels known labels of the codebook, and between
them labels it does not know, told by their paragraphs: _unknown_labels). A reader sees the pairs at
once; a column finder sees one column.

Decided before any value column is looked for (a column finder finds splits in such a list by chance
alignments of its lines' ends, and takes its bold labels for titles across the columns), for the whole
document (most of its tables read so, or none does; one that reads by wording reads so throughout, a
table with no known label of its own too), and for a table only where every line of it says so: each
line starts at the label margin or at the one indent (or all at one margin, bold or not throughout); no
line has a gap inside it that two cells side by side would leave; each line is a line step below the one
above; label lines come first (a continued table may open with the rest of a value
from the page before); every label has a value below it; and the label lines seldom have a word that
starts at the indent (a word of a label falls there by chance), where a two-column table whose value
column was missed has one in row after row (its values begin at the split on the labels' lines too; one
such line in a table of its own is weighed with the document's other tables).
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .label_rows import lines_text
from .lines import Line, ends_paragraph

if TYPE_CHECKING:  # columns imports lines too; only the type is needed here
    from .columns import KnownLabels

# how far in from the label margin the values begin, in font sizes: a tab or a list's indent, at least
LEAST_INDENT = 1.0
# a gap this many font sizes wide inside a line parts two columns (a word space is a third of one,
# a justified line's seldom one)
GUTTER = 2.0
# lines follow each other at least this many font sizes apart (a line step): a value line closer to a
# label line than that sits beside the label, centred in a row of two columns
STEP = 0.9
# lines that start within this many points of each other start at one margin (a producer places them
# exactly; a word of a label line 1 pt off the indent is no value beside it)
SAME_X = 0.5
# a label told by its wording alone runs over at most this many lines
LABEL_LINES = 4
# a word space, in font sizes, where a line has one word only
WORD_SPACE = 0.25
# a paragraph's line ends short of its width by up to this many font sizes more than its next word
# (a producer wraps by widths of its own: spaces it stretches, words it spaces apart unevenly)
WRAP_SLACK = 2.0


Pairs = list[tuple[list[Line], list[Line]]]


def _runs(lines: list[Line], is_label: list[bool], goes_on: bool = False, alone: frozenset[int] = frozenset()
          ) -> Pairs | None:
    """(label lines, value lines) for each pair, top to bottom; the first pair's label may be empty
    (value lines that open the table), and where the table `goes_on` overleaf, the last pair's value.
    The lines numbered in `alone` are a label with no value (a sub-heading), a pair of their own.
    None where a label has no value below it."""
    pairs: Pairs = []
    heads: list[bool] = []  # per pair: a sub-heading's
    for i, (ln, label) in enumerate(zip(lines, is_label)):
        if (i in alone and i - 1 in alone) or (label and pairs and not pairs[-1][1] and not heads[-1]):
            pairs[-1][0].append(ln)  # a heading's or a label's further line
        elif label or i in alone:
            pairs.append(([ln], []))
            heads.append(i in alone)
        elif not pairs:
            pairs.append(([], [ln]))
            heads.append(False)
        elif heads[-1]:
            return None  # a sub-heading has no value
        else:
            pairs[-1][1].append(ln)
    if not pairs or any(not values and not head for (_, values), head in zip(pairs[:-1], heads)) \
            or not (pairs[-1][1] or goes_on or heads[-1]) or not any(labels for labels, _ in pairs):
        return None
    return pairs


def _indents(lines: list[Line]) -> tuple[float, float] | None:
    """The label margin and the one indent the values start at, or None."""
    margin = min(ln.x0 for ln in lines)
    inner = [ln.x0 for ln in lines if ln.x0 > margin + SAME_X]
    if not inner:
        return None
    indent = min(inner)
    if indent - margin < LEAST_INDENT * lines[0].size or any(abs(x - indent) > SAME_X for x in inner):
        return None  # values start at more than one place in: no indent of one list
    return margin, indent


def _by_indent(lines: list[Line]) -> list[bool] | None:
    held = _indented(lines)
    if held is None:
        return None
    is_label, labels, beside = held
    if beside >= 2 and 2 * beside >= labels:
        return None  # label lines with a word at the indent, row after row: values beside labels, a missed column
    return is_label


def _indented(lines: list[Line]) -> tuple[list[bool], int, int] | None:
    """Lines read by their one indent: which are labels (at the margin), how many labels, and how many label
    lines have a word that starts at the indent (a value beside its label, in a table of two columns whose
    value column was missed, or a label's word there by chance); None where no one indent reads so."""
    at = _indents(lines)
    if at is None:
        return None
    is_label = [abs(ln.x0 - at[0]) <= SAME_X for ln in lines]
    labels = sum(label and not before for label, before in zip(is_label, [False] + is_label))
    beside = sum(label and any(abs(w.x0 - at[1]) <= SAME_X for w in ln.words[1:]) for ln, label in zip(lines, is_label))
    return is_label, labels, beside


def _by_weight(lines: list[Line]) -> list[bool] | None:
    margin = min(ln.x0 for ln in lines)
    is_label = [ln.bold for ln in lines]
    if not any(is_label) or all(is_label) \
            or any(not ln.bold and any("bold" in w.font.lower() for w in ln.words) for ln in lines) \
            or any(abs(ln.x0 - margin) > SAME_X for ln in lines):
        return None  # bold and plain words on one line, or lines at more than one margin
    return is_label


def _known_runs(lines: list[Line], known: KnownLabels | None, continued: bool = False, goes_on: bool = False,
                split_label: bool = True) -> list[tuple[int, int]]:
    """The runs of lines (start, end) that read as a whole known label, from the top: at each line, the
    fewest lines from its start that do, and any more that keep it one (a wrapped label). Atop a table
    `continued` from the page before, the first may be a known label's last words, and at the foot of
    one that `goes_on` overleaf, the last lines a known label's first words (a label the page break
    split)."""
    runs: list[tuple[int, int]] = []
    i = 0
    while known is not None and i < len(lines):
        most = min(len(lines), i + LABEL_LINES)
        reads = known.tail if continued and split_label and i == 0 else known.whole
        end = next((k for k in range(i + 1, most + 1) if reads(lines_text(lines[i:k]))), None)
        if end is None and goes_on and most == len(lines) and known.opens(lines_text(lines[i:])):
            runs.append((i, len(lines)))
            break
        if end is None:
            i += 1
            continue
        while end < most and known.whole(lines_text(lines[i:end + 1]), named=False):
            end += 1
        runs.append((i, end))
        i = end
    return runs


def _by_wording(lines: list[Line], runs: list[tuple[int, int]], known: KnownLabels, continued: bool,
                right: float, value_overleaf: bool = False, after_value: bool = False,
                worded: bool = False) -> list[bool] | None:
    """Labels told from values by their wording alone, where nothing else tells them: every line at one
    margin, in one weight; the known labels' `runs` are the labels, and so are the labels the codebook
    does not know (_unknown_labels) among the other lines, the values' (`value_overleaf`: the table goes
    on overleaf with a paragraph that opens as a value does, which may be the last label's; `after_value`:
    the part before, on the page before, ended with a value, so a label may open this one; `worded`: the
    document's other tables read by wording, so this one may with no known label of its own)."""
    if not (runs or worded) or not _one_block(lines):
        return None
    between = [(0, runs[0][0])] + [(a, b) for (_, a), (b, _) in zip(runs, runs[1:])] + [(runs[-1][1], len(lines))] \
        if runs else [(0, len(lines))]
    labels = list(runs)
    for start, end in between:
        labels += [(start + a, start + b) for a, b in _unknown_labels(
            lines[start:end], known, right, start == 0 and not continued, value_overleaf and end == len(lines),
            start == 0 and after_value)]
    return _marked(len(lines), labels)


def _marked(n: int, runs: list[tuple[int, int]]) -> list[bool]:
    """For n lines, whether each lies in one of the runs (start, end)."""
    return [any(a <= j < b for a, b in runs) for j in range(n)]


def _unknown_labels(lines: list[Line], known: KnownLabels, right: float, opening: bool,
                    value_after: bool = False, after_value: bool = False) -> list[tuple[int, int]]:
    """The runs of lines (start, end) that are labels the codebook does not know, among lines between
    known labels, by their paragraphs (a line ends its paragraph where the next one's first word would
    have fitted on it). Before a paragraph that opens as a value does (_opens_value): the last lines of
    the paragraph before, from the last of them that opens with a capital (a value's last line ran full,
    so no paragraph end shows before the label; a label's wrapped line seldom opens with one), or, where
    none past its first does, after a value's paragraph, that whole paragraph of `LABEL_LINES` lines at
    most where it does not open as a value does. `opening`: the lines open the table, so their first
    paragraph is a label (a table opens with one), up to a line in it that opens with a capital verdict and a
    stop (a label line too long to show its paragraph's end); `value_after`: a paragraph that opens as a value does
    follows the last (overleaf); `after_value`: a value's paragraph comes before the first (on the page
    before), so the first may be a label where it opens with a capital."""
    paragraphs = _paragraphs(lines, right)
    out: list[tuple[int, int]] = []
    for n, (a, b) in enumerate(paragraphs):
        if n == 0 and opening:
            # a long label line leaves no room for the value's first word, so no paragraph end shows
            # before the value; a line that opens with a capital verdict and a stop is the value's first
            b = next((k for k in range(a + 1, b) if _capital(lines[k]) and known.leads(lines[k].text)), b)
            if b - a <= LABEL_LINES:
                out.append((a, b))
            continue
        nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        if not (value_after if nxt is None else _opens_value(lines[nxt[0]:nxt[1]], known)):
            continue
        k = next((k for k in range(b - 1, max(a, b - LABEL_LINES - 1), -1) if _capital(lines[k])), None)
        if k is not None:
            out.append((k, b))
        elif (n > 0 and out[-1:] != [paragraphs[n - 1]] or n == 0 and after_value and _capital(lines[a])) \
                and b - a <= LABEL_LINES and not _opens_value(lines[a:b], known):
            out.append((a, b))
    return out


def _capital(line: Line) -> bool:
    """Whether a line opens with a capital, as a label does (not with a figure: that opens a value)."""
    return line.words[0].text[:1].isupper()


def _paragraphs(lines: list[Line], right: float) -> list[tuple[int, int]]:
    """The lines' paragraphs (start, end): a line ends one where the next line's first word would have
    fitted on it, short of `right` (breaks_short)."""
    cuts = [k for k in range(1, len(lines)) if _breaks(lines[k - 1], lines[k], right)]
    return list(zip([0] + cuts, cuts + [len(lines)])) if lines else []


def _opens_value(paragraph: list[Line], known: KnownLabels) -> bool:
    """Whether a paragraph opens as a value does and a label does not: with a figure, a verdict and a stop
    ("No. The lawyer ..."), or as a whole verdict or no-data form ("Yes", "No data")."""
    text = paragraph[0].text
    whole = lines_text(paragraph)
    return text[:1].isdigit() or known.leads(text) or whole in known.values \
        or len(whole.split()) == 1 and known.verdict(whole)


def breaks_short(values: list[Line], right: float) -> bool:
    """Whether a value's lines break where a paragraph would not wrap (lines.ends_paragraph): the next
    line's first word would have fitted on the line above, with `WRAP_SLACK` to spare (short of
    `right`, where the text's widest lines end). Read by wording alone, such a value may hold a label
    the codebook does not know, and that label's value."""
    return any(_breaks(above, below, right) for above, below in zip(values, values[1:]))


def _breaks(above: Line, below: Line, right: float) -> bool:
    return ends_paragraph(above, below, right - above.x0 - WRAP_SLACK * above.size, _widest_space(above))


def _widest_space(line: Line) -> float:
    """The line's widest word gap (a producer that spaces words unevenly wraps by its widest), or a
    word space where it has one word."""
    gaps = [b.x0 - a.x1 for a, b in zip(line.words, line.words[1:])]
    return max(max(gaps), 0.0) if gaps else WORD_SPACE * line.size


def _gutter(line: Line) -> bool:
    """A gap of `GUTTER` font sizes or more inside the line: two cells side by side, not running text."""
    return any(b.x0 - a.x1 >= GUTTER * b.size for a, b in zip(line.words, line.words[1:]))


def _one_block(lines: list[Line]) -> bool:
    return bool(lines) and all(abs(ln.x0 - lines[0].x0) <= SAME_X for ln in lines) \
        and len({ln.bold for ln in lines}) == 1


def stacked_pairs(lines: list[Line], continued: bool = False, goes_on: bool = False, value_alone: bool = False,
                  known: KnownLabels | None = None, right: float | None = None,
                  after_value: bool = False, value_overleaf: bool = False, worded: bool = False
                  ) -> tuple[str, Pairs] | None:
    """How a table of `lines` (top to bottom) sets each value below its label ("indent", "weight", or
    "wording" by the `known` labels; "" for a label or a value alone, below)
    and its (label lines, value lines) pairs; None where the lines do not read that way. `continued`:
    the table goes on from the page before, so it may open with value lines; `goes_on`: it goes on
    overleaf, read stacked there, so its last label's value may be on the next page (and lines at one
    margin that read no way above are labels alone at the foot of the page, a known sub-heading a pair
    of its own). `value_alone`: lines at one margin, set alike, are the rest of a value from the page
    before, alone atop this page, or with `after_value` a label the codebook does not know, from the first
    line (_unknown_labels), and its value. Lines that hold a known label among others that read no way are
    neither. `right`: where the text's widest lines end (by default, these lines'), which tells where a
    paragraph ends. Atop a continued table, the first lines may be a known label's last words (the page
    break split a label), unless `after_value`: the part before ended with a value, so those lines are its
    rest or a new label. `value_overleaf`: the table goes on overleaf with a paragraph that opens as a
    value does, so the last lines may be a label the codebook does not know, its value overleaf. `worded`:
    the document's other tables read by wording, so these lines may with no known label among them."""
    if any(_gutter(ln) for ln in lines):
        return None  # cells side by side
    right = right or max(ln.x1 for ln in lines)
    # lines closer than a line step: a value set between label lines
    spaced = len(lines) >= 2 and all(b.top - a.top >= STEP * a.size for a, b in zip(lines, lines[1:]))
    runs = _known_runs(lines, known, continued, goes_on, not after_value)
    # known sub-headings: a label with no value, a pair of their own however the rest reads
    heads = frozenset(j for start, end in runs if lines_text(lines[start:end]) in known.headings
                      for j in range(start, end))
    for how, is_label in (("indent", _by_indent(lines) if spaced else None),
                          ("weight", _by_weight(lines) if spaced else None),
                          ("wording", _by_wording(lines, runs, known, continued, right, value_overleaf, after_value,
                                                  worded) if spaced else None)):
        if is_label is None:
            continue
        is_label = [label or j in heads for j, label in enumerate(is_label)]
        if not (is_label[0] or continued):
            continue
        pairs = _runs(lines, is_label, goes_on or how == "wording" and value_overleaf, heads)
        if pairs is not None:
            return how, pairs
    if runs and _one_block(lines) and sum(end - start for start, end in runs) < len(lines):
        return None  # known labels among other lines that read no way above: no label or value alone
    if value_alone and _one_block(lines):
        # the rest of a value, and any labels the codebook does not know after it (or, after a value, from the
        # first line), told by their paragraphs
        is_label = _marked(len(lines), _unknown_labels(lines, known, right, False, value_overleaf, after_value)
                           if known is not None else [])
        pairs = _runs(lines, is_label, goes_on or value_overleaf, heads) if any(is_label) else None
        return "", pairs or [([], lines)]  # how: as the part across the page break
    if goes_on and all(abs(ln.x0 - lines[0].x0) <= SAME_X for ln in lines):
        # labels alone at the foot of the page (a sub-heading over the first label, perhaps)
        return "", _runs(lines, [True] * len(lines), True, heads)
    return None


def stacked_tables(tables: list[list[Line]], continued: list[bool], goes_on: list[bool],
                   known: KnownLabels | None = None) -> list[tuple[str, Pairs] | None]:
    """Each table's reading as labels over values (its lines top to bottom), or None; `continued`: it goes
    on from the page before; `goes_on`: it goes on overleaf (the next table is its part on the next page).
    A label at the foot of a page with its value atop the next reads so where the parts either side do
    (or are that label and that value alone). None for all where no more than half the tables read so:
    a document sets its pairs one way, and a few that read stacked among tables of two columns are
    tables of two columns (a sub-heading's bold line over rows whose value column was not found)."""
    right = max((ln.x1 for lines in tables for ln in lines), default=0.0)
    # where a part goes on overleaf with a paragraph that opens as a value does (a label's value, perhaps)
    overleaf = [on and known is not None and bool(after) and _opens_value(after[slice(*_paragraphs(after, right)[0])], known)
                for on, after in zip(goes_on, tables[1:] + [[]])]
    out = [stacked_pairs(lines, cont, known=known, right=right, value_overleaf=over)
           for lines, cont, over in zip(tables, continued, overleaf)]
    # one label line with a word at the indent, in a table of its own, may be chance; in the document's tables
    # together, values beside their labels row after row are a value column missed
    indented = [_indented(lines) for lines, held in zip(tables, out) if held is not None and held[0] == "indent"]
    if indented and 2 * sum(beside for _, _, beside in indented) >= sum(labels for _, labels, _ in indented):
        out = [None if held is not None and held[0] == "indent" else held for held in out]
    hows = Counter(held[0] for held in out if held is not None)
    if hows and hows.most_common(1)[0][0] == "wording":
        # a document that reads by wording reads so throughout: a table whose labels are all ones the codebook
        # does not know reads by their paragraphs
        out = [held or stacked_pairs(lines, cont, known=known, right=right, value_overleaf=over, worded=True)
               for held, lines, cont, over in zip(out, tables, continued, overleaf)]
    for i in range(len(tables) - 1):
        if not goes_on[i] or out[i] is not None and out[i + 1] is not None:
            continue
        foot = out[i] or stacked_pairs(tables[i], continued[i], goes_on=True, known=known, right=right)
        head = out[i + 1] or stacked_pairs(tables[i + 1], True, value_alone=True, known=known, right=right,
                                           value_overleaf=overleaf[i + 1])
        if foot is not None and head is not None and (not foot[1][-1][1] or not head[1][0][0]):
            out[i], out[i + 1] = (foot[0] or head[0], foot[1]), (head[0] or foot[0], head[1])
    for i in range(len(tables) - 1):
        # a part that ends with a value goes on overleaf with the rest of it or a new label, never with the
        # rest of a label: what reads as a known label's last words atop the next part is that value's
        if goes_on[i] and out[i] is not None and out[i][1][-1][1] and out[i + 1] is not None and known is not None:
            out[i + 1] = stacked_pairs(tables[i + 1], True, value_alone=True, known=known, right=right,
                                       after_value=True, value_overleaf=overleaf[i + 1]) or out[i + 1]
    if 2 * sum(held is not None for held in out) <= len(tables):
        return [None] * len(tables)
    hows = Counter(held[0] for held in out if held is not None and held[0])
    usual = hows.most_common(1)[0][0] if hows else "indent"  # a label and its value alone either side
    return [held if held is None or held[0] else (usual, held[1]) for held in out]
