"""Section tables: rows from the label | value split, positions, rulings and the line grid."""
from __future__ import annotations

from collections import Counter
from itertools import takewhile
from statistics import median
from typing import Callable, NamedTuple

from ...core.models import Cell, Row, TableLayout, Word
from ...core.settings import Tolerances
from ...core.text import fold
from .columns import KnownLabels, Split
from .centred_rows import part_centred
from .chunks import Band, Chunk, continues_label
from .stacked import Pairs, breaks_short, stacked_tables
from .label_rows import label_segments, lines_text, part_band, runs_together
from .lines import (Grid, Line, cell_alignment, ends_paragraph, first_row_alignment, group_lines, middle, opens_row,
                    row_starts, rule_between, split_blocks)
from .orphans import ChunkRows, Said, band_rows, value_leads


def _spans_split(line: Line, split: float, reach: float, cell_gap: float = float("inf")) -> bool:
    """A bold line with a word across the split, and no gap of two cells inside it (a header row of a
    table whose columns are not the document's: shrink-to-fit tables part where each one's text does)."""
    return line.bold and any(w.x0 < split - reach and w.x1 > split + reach for w in line.words) \
        and not any(b.x0 - a.x1 >= cell_gap for a, b in zip(line.words, line.words[1:]))


def _label_head(line: Line, below: list[Line], split: float, tol: Tolerances) -> bool:
    """A bold line over the split that is a long label's line, not a title: a line goes on in its cell
    (`_same_cell`) a line step down (or two, past a value centred on a line of its own), and the
    value beside that label, not bold (a header row's value cell is), starts right of where the line
    ends (a value set at the middle or bottom of its cell, in a table whose label column is wider
    than the document's or than its split)."""
    block: list[Line] = []
    for ln in below:
        if ln.top - (block[-1] if block else line).bottom >= tol.block_gap:
            break
        block.append(ln)
    if not any(_same_cell(line, ln, tol.align_slack) for ln in block[:2]):
        return False
    values = [w.x0 for ln in block for w in ln.words if w.x0 >= split and "bold" not in w.font.lower()]
    return bool(values) and min(values) > line.x1 + tol.min_gutter


def _known_label_head(line: Line, below: list[Line], known: KnownLabels | None, tol: Tolerances) -> bool:
    """A bold line over the split that, with the bold words of the lines below it in its cell, reads as
    a whole known label ("Judgments excluding evidence obtained under" | "torture"): a long label's
    first line, its value set close beside it (a shrink-to-fit table's label column, as wide as that
    line), not a title across the table. Section titles are no table labels."""
    def reads(text: str) -> bool:
        folded = fold(text)
        return known.whole(folded) and folded not in known.headings

    if known is None:
        return False
    text, prev = line.text, line
    if reads(text):
        return True
    for ln in below[:3]:
        if ln.top - prev.bottom >= tol.block_gap or (prev is line and not _same_cell(line, ln, tol.align_slack)):
            return False
        text, prev = " ".join([text] + [w.text for w in ln.words if "bold" in w.font.lower()]), ln
        if reads(text):
            return True
    return False


def _known_label_rest(line: Line, above: list[Line], known: KnownLabels | None, tol: Tolerances) -> bool:
    """A line over the split that goes on with a known label from the line above it in its cell ("...
    Inhuman" | "or Degrading Treatment or Punishment (2002)"): a long label's later line, in a table
    whose label column is wider than the document's split (a browser sizes each table's columns to its
    text), not a title across the table. (Of the line above, the words that start before this line
    ends: its cell is as wide as this line at least, and a value may stand beside it.)"""
    if known is None:
        return False
    for prev in reversed(above):
        if line.top - prev.bottom >= tol.block_gap:
            return False
        label = [w for w in prev.words if w.x0 < line.x1]
        if label and _same_cell(prev, line, tol.align_slack):
            return known.continues(Line(label), line)
    return False


def _same_cell(line: Line, below: Line, slack: float) -> bool:
    """Whether a line below a bold line goes on in its cell: it starts at the bold line's left edge, or
    its bold words (a bold label's, a plain value beside them) end at its right edge or share its
    centre (labels set flush right or centred)."""
    if abs(below.x0 - line.x0) <= slack:
        return True
    bold = [w for w in below.words if "bold" in w.font.lower()]
    if not bold:
        return False
    x0, x1 = min(w.x0 for w in bold), max(w.x1 for w in bold)
    return abs(x1 - line.x1) <= slack or abs((x0 + x1) - (line.x0 + line.x1)) / 2 <= slack


def _leading_bold(lines: list[Line]) -> list[Line]:
    """A table's lines set bold throughout, from its top down to its first line that is not."""
    return list(takewhile(lambda ln: ln.bold, lines))


def _opening(line: Line) -> str:
    """A line's first three words, folded: a repeated header row's, however its cells wrap."""
    return fold(" ".join(w.text for w in line.words[:3]))


def spanning_titles(chunks: list[Chunk], split: float, tol: Tolerances,
                    known: KnownLabels | None = None) -> tuple[list[Chunk], list[Line]]:
    """Section titles set as a bold row across both columns (a merged cell): a bold line with a
    word crossing the column split. Neither a label nor a value can cross it, so such a line
    starts a new section; the chunk is cut there. Not one of a table's leading bold lines whose first
    words open one of another table's too: a header row repeated atop each table, its cells wrapped
    apart, or set at the middle of the row (the value cell's first line is not the table's first);
    nor a long label's line over the split (`_label_head`, `_known_label_head`)."""
    out: list[Chunk] = []
    titles: list[Line] = []
    lines_of = [group_lines(chunk.words, tol.same_line) for chunk in chunks]
    # each table's leading bold lines: its header row, whose cells (set apart at the top, middle or
    # bottom of the row) wrap alike atop each table
    leads = [len(_leading_bold(lines)) for lines in lines_of]
    openings = Counter(o for lines, lead, c in zip(lines_of, leads, chunks) if c.stacked is None
                       for o in {_opening(ln) for ln in lines[:lead]})
    for chunk, lines, lead in zip(chunks, lines_of, leads):
        if chunk.stacked is not None:  # no columns to cross
            out.append(chunk)
            continue
        heads = [ln for i, ln in enumerate(lines) if _spans_split(ln, split, tol.rule_reach, tol.cell_gap)
                 and not _label_head(ln, lines[i + 1:], split, tol) and not _known_label_head(ln, lines[i + 1:], known, tol)
                 and not _known_label_rest(ln, lines[:i], known, tol)
                 and not (i < lead and openings[_opening(ln)] >= 2)]
        section, continued, start = chunk.section, chunk.continued, float("-inf")
        for head in heads + [None]:
            end = head.top if head else float("inf")
            ids = {id(w) for w in head.words} if head else set()
            part = [w for w in chunk.words if start <= w.top < end and id(w) not in ids]
            if part:
                rules = [y for y in chunk.hrules if start - tol.rule_reach <= y <= end + tol.rule_reach]
                out.append(Chunk(section=section, page=chunk.page, words=part, hrules=rules, continued=continued,
                                 split=chunk.split))
            if head:
                titles.append(head)
                section, continued, start = head.text, False, head.bottom - tol.same_line
    return out, titles


class _Columns(NamedTuple):
    labels: list[Line]
    values: list[Line]


def _columns(chunk: Chunk, tolerance: float) -> _Columns:
    x = chunk.split.x if chunk.split is not None else float("inf")
    return _Columns(group_lines([w for w in chunk.words if w.x0 < x], tolerance),
                    group_lines([w for w in chunk.words if w.x0 >= x], tolerance))


def line_grid(columns: list[list[Line]], tol: Tolerances) -> Grid | None:
    """The baseline step of wrapped lines: the smallest step between consecutive lines of a column
    that recurs (a share of all steps within `grid_break` of each other). A new row, or a new
    paragraph, steps further: the cell padding and paragraph spacing come on top of the grid, so
    rows set tight (a few points apart, no rules) still break off it. None: too few wrapped lines."""
    steps = sorted(b.base - a.base for col in columns for a, b in zip(col, col[1:])
                   if tol.grid_low < b.base - a.base < tol.grid_high)
    slack = tol.grid_break
    need = max(3, int(0.15 * len(steps)))
    end = 0
    for i, step in enumerate(steps):
        while end < len(steps) and steps[end] <= step + slack:
            end += 1
        if end - i >= need:
            return Grid(median(steps[i:end]), slack)
    return None


class _Blocks(NamedTuple):
    labels: list[list[Line]]
    values: list[list[Line]]


def _blocks(cols: _Columns, chunk: Chunk, grid: Grid | None, tol: Tolerances, tally: Counter[str]) -> _Blocks:
    on = tol.rows
    gap = tol.block_gap if "spacing" in on else float("inf")
    rules = chunk.hrules if "rules" in on else []
    grid = grid if "line_grid" in on else None
    return _Blocks(split_blocks(cols.labels, gap, rules, grid, tally, tol.rule_reach),
                   split_blocks(cols.values, gap, rules, grid, tally, tol.rule_reach))


def _alignment_votes(blocks: list[_Blocks], tol: Tolerances, known=None) -> Counter[str]:
    """Where the document's rows say their values sit in their cells (lines.cell_alignment); not the
    label blocks that part into known labels (label_rows.label_segments): several rows run together."""
    def rows_in(block: list[Line]) -> bool:
        return known is not None and label_segments(block, known) is not None

    votes: Counter[str] = Counter()
    for b in blocks:
        votes += cell_alignment(b.labels, b.values, tol.same_line, rows_in)
    return votes


def _first_rows_votes(columns: list[_Columns], chunks: list[Chunk], grid: Grid | None, tol: Tolerances,
                      known=None) -> Counter[str]:
    """What each table's first row says of where its cells sit (lines.first_row_alignment), where two of
    them say one cell sits lower in the row (or one does and none says "top"): it tells where rows set with
    no spacing at all run together, and no row is a block of its own to vote with (or one value centred
    beside a shorter label is, which says nothing of how labels sit). A first row of two cells on one
    baseline says little against them: cells of one height sit alike however they are aligned. Each says
    only of the column that sits lower, and they count only where one says labels do: values alone set
    lower (labels atop their cells, values centred or at the bottom, no spacing) read best by the row
    starts of both columns, as where nothing is said."""
    pitch = grid.pitch if grid else 1.2 * tol.body
    headings = known.headings if known is not None else frozenset()
    said: Counter[str] = Counter()
    for cols, chunk in zip(columns, chunks):
        if chunk.continued or chunk.stacked is not None or chunk.split is None or not cols.labels:
            continue  # atop a continued table, the first row may be the rest of one the page break split
        width = chunk.split.x - min(ln.x0 for ln in cols.labels)
        how = first_row_alignment(sorted(cols.labels, key=lambda l: l.top), sorted(cols.values, key=lambda l: l.top),
                                  tol.same_line, pitch, width, lambda lines: lines_text(lines) in headings)
        if how is not None:
            said[how] += 1
    lower = said.total() - said["top"]
    labels_lower = said["label bottom"] + said["label center"]
    if not labels_lower or not (lower >= 2 or lower and not said["top"]):
        return Counter()
    return Counter({how: n for how, n in said.items() if how != "top"})


def _top_aligned(votes: Counter[str]) -> bool:
    """Whether the document's values may sit at the top of their cells: no row says they are centred
    or at the bottom (in a table set with no spacing at all, no row may say anything)."""
    return not (votes["center"] or votes["bottom"]) and _labels_lead(votes)


def _filled(votes: Counter[str]) -> str | None:
    """Where the document's values sit beside taller labels ("center" or "bottom"), when its labels may sit
    at the top of their cells and its rows say so one way only: a word processor's table, labels at the
    top and values centred, whose taller cell fills the row. None when the rows say nothing of it."""
    said = [how for how in ("center", "bottom") if votes[how]]
    return said[0] if len(said) == 1 and not votes["top"] and _labels_lead(votes) else None


def _aligned(votes: Counter[str]) -> str | None:
    """Where most of the document's rows say its cells sit ("top", "center" or "bottom", its values' and
    its labels' votes together): a band whose values fit two alignments alike (labels of one line each)
    reads as this one. None when no row says."""
    said = Counter({how: votes[how] + votes[f"label {how}"] for how in ("top", "center", "bottom")})
    how, n = said.most_common(1)[0]
    return how if n else None


def _lower(votes: Counter[str]) -> tuple[str, ...]:
    """Where the document's labels set lower in their cells may sit, the likelier first (more rows say so,
    values' and labels' votes together; a first row cannot always tell a centred cell from one at the
    bottom); none where no row says a label sits lower."""
    if _labels_lead(votes):
        return ()
    centre = votes["center"] + votes["label center"]
    return ("center", "bottom") if centre >= votes["bottom"] + votes["label bottom"] else ("bottom", "center")


def _said(votes: Counter[str]) -> Said:
    """What the votes tell where value text with no label goes (orphans.band_rows). Labels are said to
    sit atop their cells where a row says a label sits atop a taller value, or none that values sit lower
    (where values beside taller labels sit lower and no row shows a label beside a taller value, both
    cells may be set lower)."""
    lead = _labels_lead(votes)
    atop = bool(votes["label top"] or votes["label top, maybe"] or not (votes["center"] or votes["bottom"]))
    undecided = not (votes["label top"] or votes["label center"] or votes["label bottom"])
    return Said(lead, lead and atop, _lower(votes), undecided)


def _labels_lead(votes: Counter[str]) -> bool:
    """Whether the document's labels may sit at the top of their cells: no row says a label beside a
    taller value is centred or at the bottom of it (values shorter than their labels may sit lower)."""
    return not (votes["label center"] or votes["label bottom"])


def _bands(blocks: _Blocks, chunk: Chunk, grid: Grid | None, tol: Tolerances, tally: Counter[str],
           starts: bool, known=None, centred: bool = False, values_lead: bool = True,
           filled: str | None = None, aligned: str | None = None) -> list[Band]:
    labels, values = blocks
    left = min((ln.x0 for b in labels for ln in b), default=0.0)
    width = chunk.split.x - left if chunk.split is not None else None
    if starts:
        labels, values = row_starts(labels, values, tol.same_line, grid.pitch if grid else 1.2 * tol.body, tally,
                                    width, known.continues if known else None, values_lead,
                                    _value_opens(known), value_leads(known))
    blocks = [(b, False) for b in labels] + [(b, True) for b in values]
    blocks.sort(key=lambda bv: bv[0][0].top)
    bands: list[Band] = []
    for block, is_value in blocks:
        if bands and block[0].top < bands[-1].bottom - tol.same_line:
            bands[-1].add(block, is_value)
        else:
            band = Band()
            band.add(block, is_value)
            bands.append(band)
    if known is not None and "labels" in tol.rows or centred:
        # atop a table continued from the page before, its first band may open with the rest of a label
        bands = [part for i, band in enumerate(bands)
                 for part in _parted(band, known, tol, tally, centred, width, chunk.continued and i == 0, filled,
                                     aligned)]
    bands = _lower_case_tails(bands, tol)
    if chunk.continued and bands:
        bands = _tail_overleaf(bands[0], tol) + bands[1:]
    return bands


def _value_opens(known) -> Callable[[Line], bool]:
    """Whether a value line may open a row: with a capital or a figure, or as a whole value the codebook
    knows ("no data" opens in lower case)."""
    whole = known.values if known is not None else frozenset()
    return lambda line: opens_row(line) or lines_text([line]) in whole


def _tail_overleaf(band: Band, tol: Tolerances) -> list[Band]:
    """Atop a table continued from the page before, value lines that open in lower case above the
    first label line are the tail of the row the page break split, whatever the cells' alignment
    (values open with a capital or a figure): they are set apart, with no label, for orphans._attach_orphans."""
    if not band.labels or not band.values:
        return [band]
    first = min(ln.base for b in band.labels for ln in b)
    lines = sorted((ln for b in band.values for ln in b), key=lambda l: l.top)
    if not lines[0].words[0].text[:1].islower():
        return [band]
    n = next((i for i, ln in enumerate(lines) if i and opens_row(ln)), len(lines))
    if n == len(lines) or lines[n - 1].base >= first - tol.same_line:
        return [band]
    tail, rest = Band(), Band()
    tail.add(lines[:n], True)
    for b in band.labels:
        rest.add(b, False)
    rest.add(lines[n:], True)
    rest.doubtful = band.doubtful
    return [tail, rest]


def _lower_case_tails(bands: list[Band], tol: Tolerances) -> list[Band]:
    """A label line with nothing beside it that opens in lower case, right below a row (less than a
    line's gap), goes on with that row's label: labels open with a capital. (A label set larger
    than its value steps off the value's line grid, and such a step parts the label's lines.)"""
    out: list[Band] = []
    for band in bands:
        prev = out[-1] if out else None
        if prev is not None and prev.labels and band.labels and not band.values and continues_label(band) \
                and band.page == prev.page and band.top - prev.bottom < tol.same_line:
            for b in band.labels:
                prev.add(b, False)
            continue
        out.append(band)
    return out


def _parted(band: Band, known, tol: Tolerances, tally: Counter[str], centred: bool = False,
            label_width: float | None = None, overleaf: bool = False, filled: str | None = None,
            aligned: str | None = None) -> list[Band]:
    """The band as the rows its known labels part it into (label_rows.py), or in a document whose cells
    are centred, the rows their middles part it into (centred_rows.py; `filled`: how values sit beside
    taller labels atop their cells, _filled; `aligned`: the document's alignment, _aligned); or whole."""
    labels = sorted((ln for b in band.labels for ln in b), key=lambda l: l.top)
    values = sorted((ln for b in band.values for ln in b), key=lambda l: l.top)
    on = known is not None and "labels" in tol.rows
    rows = part_band(labels, values, known, tol.same_line, tally, overleaf, aligned) if on and labels and values else None
    if rows is None and centred and len(labels) >= 2 and values:
        headings = known.headings if known is not None else frozenset()
        rows = part_centred(labels, values, tol.same_line, label_width,
                            lambda lines: lines_text(lines) in headings,
                            known.continues if known is not None else lambda above, line: False, overleaf,
                            _value_opens(known), filled)
        if rows is not None:
            tally["centres"] += len(rows) - 1
    if rows is None:
        second = runs_together(labels, known) if known is not None and len(labels) >= 2 else None
        if second is not None:
            band.doubtful = (f"its label runs on into another known label ({second!r}) and its values fit "
                             "no one alignment beside them: two rows may be read as one")
        return [band]
    return _pair_bands(rows)


class _Header(NamedTuple):
    label: Line
    value: Line
    more: tuple[Line, ...] = ()  # the header cells' further lines (header cells of several lines)

    def signature(self) -> str:
        return fold(f"{self.label.text} | {self.value.text}")

    def lines(self) -> list[Line]:
        return [self.label, self.value, *self.more]


def _first_pair(cols: _Columns, tolerance: float, rules: list[float] = ()) -> _Header | None:
    """A table's first cells when there is text in both columns and nothing above it: their first
    lines on one baseline, or, for a cell of several lines, the first paragraph of each column
    centred on one middle or ending on one baseline (header cells set middle or bottom)."""
    if not cols.labels or not cols.values:
        return None
    label, value = _top_paragraph(cols.labels, rules), _top_paragraph(cols.values, rules)
    if abs(label[0].base - value[0].base) < tolerance:
        return _Header(label[0], value[0])
    centred = abs(middle(label) - middle(value)) < tolerance
    if len(label) + len(value) > 2 and (centred or abs(label[-1].base - value[-1].base) < tolerance) \
            and _by_itself(label, cols.values, value, tolerance) and _by_itself(value, cols.labels, label, tolerance):
        return _Header(label[0], value[0], tuple(label[1:] + value[1:]))
    after = sorted(cols.values, key=lambda l: l.top)[len(value):len(value) + 1]
    if value[0].bold and after and not after[0].bold and any(abs(ln.base - value[-1].base) < tolerance
                                                              for ln in label[:-1]):
        # a bold value header cell of its own paragraph (plain values follow), and the label column's bold
        # lines running on into bold labels set with no padding: the label header cell ends on the value
        # header's last baseline (header cells at the bottom of theirs)
        n = next(i for i, ln in enumerate(label) if abs(ln.base - value[-1].base) < tolerance) + 1
        return _Header(label[0], value[0], tuple(label[1:n] + value[1:]))
    if label[0].bold and value[0].bold:
        # a bold header row whose cells are centred, over bold labels set with no padding: the label column's
        # bold lines run on into the first labels, and the label header cell is the first lines of them that
        # share the value header cell's middle
        n = next((n for n in range(2, len(label)) if abs(middle(label[:n]) - middle(value)) < tolerance
                  and _by_itself(label[:n], cols.values, value, tolerance)), 0)
        if n:
            return _Header(label[0], value[0], tuple(label[1:n] + value[1:]))
    return None


def _by_itself(paragraph: list[Line], other_column: list[Line], other: list[Line], tolerance: float) -> bool:
    """Whether no line of a column's top paragraph sits beside a line of the other column that is not in
    that column's top paragraph: a header cell's lines sit beside the other header cell or beside
    nothing. A bold label set with no padding under a bold header, on its plain value's baseline, is
    the first row's, however the header cells' middles meet."""
    ids = {id(ln) for ln in other}
    rest = [ln.base for ln in other_column if id(ln) not in ids]
    return not any(abs(ln.base - y) < tolerance for ln in paragraph for y in rest)


# a cell's lines follow each other at one line step, to this share of their size
SAME_STEP = 0.1


def _top_paragraph(column: list[Line], rules: list[float] = ()) -> list[Line]:
    """A column's first lines set alike (weight, colour, size), each a line step (1.5 of its size at
    most, and after the first, the same step) below the one before: a bold header cell ends where
    plain text follows it with no gap, or where a bold label follows it a padding further down, or
    at a drawn rule (bold labels set with no padding under a bold header)."""
    lines = sorted(column, key=lambda l: l.top)
    out = lines[:1]
    for ln in lines[1:]:
        step = ln.base - out[-1].base
        if step > 1.5 * out[-1].size or ln.bold != out[0].bold or not _same_style(out[0], ln) \
                or len(out) >= 2 and abs(step - (out[1].base - out[0].base)) > SAME_STEP * out[-1].size \
                or rule_between(rules, out[-1].bottom, ln.top):
            break
        out.append(ln)
    return out


def _bold_below(cols: _Columns, header: _Header, grid_step: float, tolerance: float,
                rules: list[float] = (), known=None) -> tuple[Line, ...]:
    """A bold header's further lines: the bold lines that follow its first line in each column, one
    line step apart, above the baseline of the first line of text that is not bold (less `tolerance`:
    a bold label beside a smaller value sits on the value's baseline), above the first drawn rule
    (a header cell never runs on across a row's rule), and in the label column above a line that
    opens a known label (the first row's)."""
    plain = [ln.base for ln in cols.labels + cols.values if not ln.bold and ln.base > header.label.base]
    below = [y for y in rules if y > header.label.bottom]
    end = min(min(plain, default=float("inf")) - tolerance, min(below, default=float("inf")))
    values = _bold_run(header.value, cols.values, end, grid_step)
    # beside the value header's lines, a label line is the header's too: the first row starts below
    # the taller header cell
    beside = (values[-1] if values else header.value).base + tolerance
    width = max(ln.x1 for ln in cols.labels) - min(ln.x0 for ln in cols.labels)
    step = values[0].base - header.value.base if values else None

    def in_ruled_cell(last: Line, ln: Line) -> bool:
        # where a rule is drawn under the header row, a line at the value header cell's own line step is in
        # the header's cells, above that rule, whatever its paragraph looks like
        return bool(below) and step is not None and abs(ln.base - last.base - step) <= SAME_STEP * ln.size

    def stop(last: Line, ln: Line) -> bool:
        # past them, a label header cell goes on only where its line is full (the next word did not fit):
        # after "Indicator", a bold label is the first row's. (The value column's width is not known
        # from its text, and values are seldom bold.) Nor past a line that opens a known label: rows set
        # with no padding, the first row's label follows the header cell at its own line step
        # (a line that opens in lower case goes on with the header cell all the same: labels open with a
        # capital, and the label column's width, read off its labels, may be wider than the header cell's)
        return not in_ruled_cell(last, ln) and (ln.base > beside and ends_paragraph(last, ln, width) and opens_row(ln)
                                                or known is not None and known.opens(fold(ln.text)))

    labels = _bold_run(header.label, cols.labels, end, grid_step, stop)
    # a label opens with a capital: where the label column's next line opens in lower case, the run took
    # the first row's first label lines (a label of words the codebook does not know, "Документальная
    # фиксация" / "фактического времени", its first word too wide to fit after the header cell's)
    last = (labels or [header.label])[-1]
    after = next((ln for ln in sorted(cols.labels, key=lambda l: l.base) if ln.base > last.base), None)
    if labels and after is not None and not opens_row(after):
        k = max((i for i, ln in enumerate(labels) if ln.base > beside and opens_row(ln)), default=None)
        labels = labels[:k] if k is not None else labels
    return tuple(labels + values)


def _bold_run(first: Line, column: list[Line], end: float, grid_step: float, stop=lambda last, ln: False) -> list[Line]:
    """The bold lines set like `first` that follow it in its column, each a line step below the one
    before (after the first, the same step: a bold label a padding below is the first row's), above
    `end`, until `stop(last, line)`."""
    run: list[Line] = []
    last = first
    for ln in sorted((ln for ln in column if ln.base > first.base), key=lambda l: l.base):
        step = ln.base - last.base
        if not ln.bold or ln.base >= end or step > grid_step or not _same_style(first, ln) \
                or run and abs(step - (run[0].base - first.base)) > SAME_STEP * ln.size or stop(last, ln):
            break
        run.append(ln)
        last = ln
    return run


def _same_style(a: Line, b: Line) -> bool:
    """Whether two lines are set alike (colour and size): a header cell's lines are; a bold label
    coloured or sized apart from the header is the first row's."""
    wa, wb = a.words[0], b.words[0]
    return wa.color == wb.color and abs(wa.size - wb.size) <= 0.05 * max(wa.size, wb.size)


def _header_rows(columns: list[_Columns], tolerance: float, grid_step: float,
                 rules: list[list[float]], known=None) -> list[_Header | None]:
    """Each table's column header ("Indicator | Value"), if it has one: its first line, with text on
    both sides, that opens another of the document's tables too (a browser repeats a table's header
    row on every page it runs over), or that is bold on both sides, with its cells' further bold lines.
    Found line by line, as a header row set tight against the first row runs into it."""
    firsts = [_first_pair(cols, tolerance, hrules) for cols, hrules in zip(columns, rules)]
    seen = Counter(h.signature() for h in firsts if h is not None)
    out: list[_Header | None] = []
    for cols, h, hrules in zip(columns, firsts, rules):
        if h is None or not (seen[h.signature()] >= 2 or (h.label.bold and h.value.bold)):
            out.append(None)
        else:
            bold = h.label.bold and h.value.bold and not h.more
            out.append(h._replace(more=_bold_below(cols, h, grid_step, tolerance, hrules, known)) if bold else h)
    return out


def _without(cols: _Columns, header: _Header | None) -> _Columns:
    if header is None:
        return cols
    ids = {id(ln) for ln in header.lines()}
    return _Columns([ln for ln in cols.labels if id(ln) not in ids], [ln for ln in cols.values if id(ln) not in ids])


def _cell(blocks: list[list[Line]]) -> Cell:
    lines = sorted((ln for b in blocks for ln in b), key=lambda l: (l.page, l.top))
    return Cell(fragments=[ln.fragment() for ln in lines])


class ReadTables(NamedTuple):
    rows: list[Row]
    headers: list[Line]  # the lines of repeated column headers, set aside as page furniture
    layouts: list[TableLayout]
    words: list[tuple[list[Word], list[Word]]] = []  # each row's label words and value words, as `rows`


def _layout(chunk: Chunk, tally: Counter[str], grid: Grid | None, rows: int, headers: int,
            document_split: Split | None) -> TableLayout:
    breaks = {k: tally[k] for k in ("rules", "line_grid", "spacing", "row_starts", "labels", "centres") if tally[k]}
    rows_from = max(breaks, key=lambda k: breaks[k]) if breaks else "single_row"
    split = chunk.split
    return TableLayout(section=chunk.section, page=chunk.page, split=round(split.x, 2) if split else None,
                       column_from=split.source if split else "none",
                       column_signals=dict(split.signals) if split else {},
                       column_scope="document" if split is None or split.same_place(document_split) else "table",
                       rows_from=rows_from, row_breaks=breaks, line_pitch=round(grid.pitch, 2) if grid else None,
                       rows=rows, header_rows=headers)


def _rows(chunk: Chunk, read: ChunkRows) -> list[Row]:
    # a row at the top of a continued table may still be the rest of the row the page break
    # split, with a capitalised label line: the map stage decides with the codebook
    return [Row(kind="table" if band.values else "subheading", section=chunk.section, label=_cell(band.labels),
                value=_cell(band.values), after_page_break=i == 0 and read.after_break, doubtful=band.doubtful)
            for i, band in enumerate(read.rows)]


def read_tables(chunks: list[Chunk], tol: Tolerances, document_split: Split | None = None,
                known=None) -> ReadTables:
    """The rows of every table chunk (each chunk's `split` set), the repeated headers set aside, and
    how each table was read. `known`: the codebook's labels (columns.KnownLabels), which tell a
    label's next line from a new row's where rows are set with no spacing."""
    tolerance = tol.same_line
    columns = [_columns(chunk, tolerance) for chunk in chunks]
    headers = _header_rows(columns, tolerance, tol.grid_high,
                           [c.hrules if "rules" in tol.rows else [] for c in chunks], known)
    columns = [_without(cols, h) for cols, h in zip(columns, headers)]
    header_lines = [ln for h in headers if h is not None for ln in h.lines()]
    grid = line_grid([col for c in columns for col in c], tol)
    tallies = [Counter() for _ in chunks]
    blocks = [_blocks(c, chunk, grid, tol, t) for c, chunk, t in zip(columns, chunks, tallies)]
    votes = _alignment_votes(blocks, tol, known) + _first_rows_votes(columns, chunks, grid, tol, known)
    starts = "row_starts" in tol.rows and _labels_lead(votes)
    values_lead = _top_aligned(votes)
    centred = "centres" in tol.rows  # its reading holds only where every row is centred: safe to try
    # where stacked pairs' lines end at the widest (a list with no columns runs the text's width)
    right = max((w.x1 for c in chunks if c.stacked is not None for w in c.words), default=0.0)
    filled, aligned = _filled(votes), _aligned(votes)
    bands_by_chunk = [_bands(b, chunk, grid, tol, t, starts, known, centred, values_lead, filled, aligned) if chunk.stacked is None
                      else _pair_bands(chunk.stacked[1], right if chunk.stacked[0] == "wording" else None, known)
                      for b, chunk, t in zip(blocks, chunks, tallies)]
    rows: list[Row] = []
    layouts: list[TableLayout] = []
    words: list[tuple[list[Word], list[Word]]] = []
    reads = band_rows(chunks, bands_by_chunk, known, tolerance, _said(votes))  # every chunk first: a page break may join rows
    for chunk, read, tally, header in zip(chunks, reads, tallies, headers):
        rows += _rows(chunk, read)
        words += [(_words(band.labels), _words(band.values)) for band in read.rows]
        layout = _layout(chunk, tally, grid, len(read.rows), int(header is not None), document_split)
        layouts.append(layout if chunk.stacked is None else layout.model_copy(update={
            "column_from": chunk.stacked[0], "rows_from": "stacked", "row_breaks": {"stacked": len(chunk.stacked[1]) - 1}}))
    return ReadTables(rows, header_lines, layouts, words)


def _pair_bands(pairs: Pairs, wording_right: float | None = None, known=None) -> list[Band]:
    """A band for each (label lines, value lines) pair, either side may be empty. Pairs told by their
    labels' wording alone (`wording_right`: where the text's widest lines end) are doubtful where a
    value breaks short (stacked.breaks_short), and where a label is none of the `known` ones (told by
    its paragraphs, stacked._unknown_labels), so is it and the value above it: where one ends and the
    other starts is a reading."""
    bands = []
    for labels, values in pairs:
        band = Band()
        for block, is_value in ((labels, False), (values, True)):
            if block:
                band.add(block, is_value)
        if wording_right is not None and breaks_short(values, wording_right):
            band.doubtful = ("read by its label's wording alone, its value breaks a line where a paragraph would "
                             "not wrap: the value may hold a label the codebook does not know, and its value")
        if wording_right is not None and known is not None and labels and _told_by_paragraphs(labels, known):
            band.doubtful = band.doubtful or ("its label is none of the codebook's, told from the value above "
                                              "by its paragraphs: where that value ends is a reading")
            if bands and bands[-1].values:
                bands[-1].doubtful = bands[-1].doubtful or (
                    "the label below is none of the codebook's, told from this value by its paragraphs: where this "
                    "value ends is a reading")
        bands.append(band)
    return bands


def _told_by_paragraphs(labels: list[Line], known) -> bool:
    """Whether a label of a list read by wording is none of the codebook's (not whole, nor a known label's
    first or last words split by a page break)."""
    text = lines_text(labels)
    return not (known.whole(text) or known.tail(text) or known.opens(text))


def read_stacked(chunks: list[Chunk], tolerance: float, known: KnownLabels | None = None) -> bool:
    """Mark the chunks whose pairs are set one below the other (stacked.py; `known` labels tell them
    where nothing else does), before any split is looked for; whether any is."""
    lines = [sorted(group_lines(c.words, tolerance), key=lambda l: l.top) for c in chunks]
    goes_on = [after.continued and after.section == c.section for c, after in zip(chunks, chunks[1:])] + [False]
    for chunk, held in zip(chunks, stacked_tables(lines, [c.continued for c in chunks], goes_on, known)):
        chunk.stacked = held
    return any(c.stacked is not None for c in chunks)


def _words(blocks: list[list[Line]]) -> list[Word]:
    return [w for block in blocks for ln in block for w in ln.words]
