"""Rows across gaps and page breaks: where value text with no label beside it goes (the row above,
the row below, the row the page break split; where cells are set lower than their tops, the label level
with it), and the rows a page break parted, joined again."""
from __future__ import annotations

from itertools import accumulate
from typing import Callable, NamedTuple

from ...core.text import fold
from .chunks import Band, Chunk, continues_label
from .label_rows import label_segments, lines_text
from .lines import Line, ends_paragraph, opens_row
from .stacked import LABEL_LINES


def value_leads(known) -> Callable[[Line], bool]:
    """Whether a value line opens as only a value's first line does: with a verdict of the codebook and a
    stop (KnownLabels.leads); never without the codebook."""
    return (lambda line: known.leads(line.text)) if known is not None else lambda line: False


def _cell_index(rules: list[float], band: Band) -> int:
    mid = (band.top + band.bottom) / 2
    return sum(1 for y in rules if y < mid)


def _ruled_apart(bands: list[Band], hrules: list[float]) -> bool:
    """Whether rules part the table's rows: one between its first row's top and its last row's foot (not
    a header row's border alone, over the first row, nor the table's own under the last)."""
    top, bottom = min(b.top for b in bands), max(b.bottom for b in bands)
    return any(top < y < bottom for y in hrules)


def _labelled_neighbours(bands: list[Band], i: int, hrules: list[float]) -> tuple[Band | None, Band | None]:
    """The nearest labelled bands above and below band i; where rules divide the table, only
    those in band i's ruled cell."""
    before = next((b for b in reversed(bands[:i]) if b.labels), None)
    after = next((b for b in bands[i + 1:] if b.labels), None)
    if hrules:
        cell = _cell_index(hrules, bands[i])
        before = before if before and _cell_index(hrules, before) == cell else None
        after = after if after and _cell_index(hrules, after) == cell else None
    return before, after


class Said(NamedTuple):
    """What the document's rows say of where its cells sit (the tables' alignment votes)."""

    labels_lead: bool = True  # no row says a label beside a taller value sits lower in its cell
    labels_atop: bool = True  # ... and one says a label sits atop a taller value, or none that values sit lower
    lower: tuple[str, ...] = ()  # where labels set lower in their cells may sit, the likelier first ("center", "bottom")
    # no row says where a label beside a taller value sits (or only that it may sit atop: `label top, maybe`),
    # as where rows set with no spacing run together: the tables' own fit tells (orphans._fitted_lower)
    undecided: bool = False


class _Context(NamedTuple):
    """What deciding where an unlabelled block goes needs beyond its table."""

    previous: Band | None  # the last row of the page before, when this table continues it
    labels_on_top: bool  # no row's label starts below its value: labels are set at the top of their cells
    labels_at_foot: bool = False  # no row's label ends above its value's end: cells set at the bottom
    leads: Callable[[Line], bool] = lambda line: False  # a value line opens as only a value's first does
    said: Said = Said()
    overleaf: bool = False  # the table goes on on the next page
    tolerance: float = 0.0  # same_line
    row_gap: float | None = None  # the gap between two rows next to each other, most often (None: no two are)
    known: object = None  # the codebook's labels (columns.KnownLabels)
    label_width: float = 0.0  # the document's widest label line: as wide as its label column, or nearly


def _orphan_target(bands: list[Band], i: int, chunk: Chunk, ctx: _Context, rows: list[Band]) -> Band | None:
    band = bands[i]
    before, after = _labelled_neighbours(bands, i, chunk.hrules)
    at_top = not any(b.labels for b in bands[:i])
    if after is not None and (not (ctx.labels_on_top and ctx.said.labels_atop) or at_top and chunk.continued) \
            and ctx.leads(band.values[0][0]):
        # a verdict and a stop ("Low."): the first paragraph of the next row's value, set above its label
        # where labels may sit lower in their cells (no row says they sit atop theirs); atop a continued
        # table, never the rest of the row the page break split, whose value it would open
        return after
    if at_top and chunk.continued and ctx.previous is not None and not (after and _ruled_apart(bands, chunk.hrules)):
        # text with no label at the top of a table continued from the page before is the tail of that
        # page's last row (a row split by the page break)
        return ctx.previous
    if before and after:
        if ctx.labels_on_top and not ctx.said.labels_atop and ctx.row_gap is not None \
                and band.top - before.bottom >= ctx.row_gap - ctx.tolerance > after.top - band.bottom:
            # no row says labels sit atop their cells, and a row's gap parts it from the row above, less from
            # the one below: the first paragraph of a value set lower, as its label is
            return after
        if ctx.labels_on_top:
            # every row starts with its label: value text below a label and above the next one
            # is the rest of the upper row, however close it comes to the next
            return before
        if ctx.labels_at_foot:
            # every row ends with its label: value text above a label and below the one before is the
            # start of the lower row's value, however close it comes to the row above
            return after
        return before if band.top - before.bottom <= after.top - band.bottom else after
    if before or after:
        return before or after
    if rows:
        return min(rows, key=lambda r: abs(r.top - band.top))
    return None


def _attach_orphans(bands: list[Band], chunk: Chunk, ctx: _Context, carried: list[Band] = ()) -> list[Band]:
    """Value text with no label beside it continues a neighbouring row: the one in the same
    ruled cell; the one above when labels sit atop their cells, the one below when they sit at the foot
    of them (cells set at the bottom), else the nearer (the blocks already
    given to the row above count as its: a value's paragraphs follow each other closer than the next
    row); at the top of a continued table, the last row of the page before. `carried`: the verdicts at the
    foot of the page before (`_verdicts_overleaf`), which open this page's first row."""
    if bands and chunk.continued and ctx.previous is not None and not ctx.labels_on_top:
        bands = _head_apart(bands[0], ctx) + bands[1:]
    if ctx.said.lower and chunk.stacked is None and not (bands and _ruled_apart(bands, chunk.hrules)):
        bands = next((p for how in ctx.said.lower if (p := _level_apart(bands, chunk, ctx, how)) is not None), bands)
    bands = list(carried) + bands
    rows = [b for b in bands if b.labels]
    for i, band in enumerate(bands):
        if band.labels:
            continue
        target = _orphan_target(bands, i, chunk, ctx, rows)
        if target is None:
            rows.append(band)  # a value with no row at all: kept as a row with an empty label
            continue
        if target is ctx.previous or band.page != target.page:  # across a page break: its extent stands
            target.values.extend(band.values)
        else:
            for block in band.values:
                target.add(block, True)
        target.doubtful = target.doubtful or band.doubtful
    return sorted(rows, key=lambda b: b.top)


def _fitted_lower(chunks: list[Chunk], bands_by_chunk: list[list[Band]], ctx: _Context) -> tuple[str, ...]:
    """Where no row tells (rows set with no spacing at all run together into one block each column, and
    values beside taller labels may sit lower whichever way labels do), where the document's labels sit
    lower in their cells, as its tables' own fit tells: none if every table's labels part at their values'
    tops (each label's top level with a value line's: `_level_apart` with "top"); else each alignment
    that parts a table that does not, the one that parts more first. A
    document's tables are set alike: one that fits only lower says so of those that fit either way (a tall
    first value reads as well beside a label at its top as at its foot)."""
    fits = {"center": 0, "bottom": 0}
    for k, (chunk, bands) in enumerate(zip(chunks, bands_by_chunk)):
        if chunk.stacked is not None:  # labels over their values: no label is level with its value
            continue
        here = ctx._replace(overleaf=k + 1 < len(chunks) and chunks[k + 1].continued
                            and chunks[k + 1].section == chunk.section)
        if _level_apart(bands, chunk, here, "top") is None:
            for how in fits:
                fits[how] += _level_apart(bands, chunk, here, how) is not None
    return tuple(sorted((h for h, n in fits.items() if n), key=lambda h: -fits[h]))


def _level_apart(bands: list[Band], chunk: Chunk, ctx: _Context, how: str) -> list[Band] | None:
    """Where labels sit lower in their cells, and values as they do (CSS's `vertical-align` on both cells),
    each row's value is the run of value pieces whose middle (`how` "center"), or foot ("bottom"), is its
    label's (or top, "top", with a piece for each line, a value no taller than its label anywhere beside
    it: whether labels sit atop their cells at all): with no padding a value's paragraphs may lie as far
    apart as its rows, or farther, its label beside none of them, and one row's last paragraph run into the
    next's first. The pieces (value blocks
    cut before each line that may open a row, `_pieces`) are parted in order among the labels in order
    (a band's label lines that read as several known labels one after another, rows run together, are
    as many labels), `_parting`; None where no parting fits (cells set otherwise: rows of unlike heights
    fit one alignment only). Atop a continued table the pieces above the first label's band (where only a
    foot bounds its value, above the last verdict over its label: `_first_value_top`), and at the foot of a
    table that goes on overleaf those below the last (whose label need not fit: its row goes on), are left
    to the other rules, piece by piece."""
    labels = _label_units(bands, ctx.known, ctx.label_width)
    if len(labels) < 2:
        return None
    spans = [(min(ln.top for ln in lines), max(ln.bottom for ln in lines)) for lines, _ in labels]
    pieces: list[tuple[list[Line], int | None]] = []
    for b in bands:
        own = [j for j, (_, lb) in enumerate(labels) if lb is b]
        for bl in b.values:
            for piece in (_pieces(bl, ctx.known) if how != "top" else [[ln] for ln in bl]):
                beside = [j for j in own if piece[0].top < spans[j][1] and spans[j][0] < piece[-1].bottom]
                pieces.append((piece, beside[0] if len(beside) == 1 else None))  # beside its label: its
    pieces.sort(key=lambda p: p[0][0].top)
    # atop their cells, a line of a value may open with a verdict ("No. 5 of 2004"): there only a verdict and a
    # stop alone on its line opens a run (no value ends with one: rows run together beside one-line labels fit
    # their tops as well as their feet, but for the verdicts the tops leave at the end of a value)
    leads = [ctx.leads(piece[0]) and (how != "top" or len(piece[0].words) == 1) for piece, _ in pieces]
    top = _first_value_top(pieces, leads, spans[0], min(b.top for _, b in labels), how,
                           _ends_open(ctx.previous, ctx.leads)) if chunk.continued \
        else float("-inf")
    bottom = max(b.bottom for _, b in labels) if ctx.overleaf else float("inf")
    kept = [x for x, (piece, _) in enumerate(pieces)
            if piece[0].top >= top - ctx.tolerance and piece[-1].bottom <= bottom + ctx.tolerance]
    pieces, leads = [pieces[x] for x in kept], [leads[x] for x in kept]
    # atop a continued table, a label that opens in lower case is the rest of the row the page break split:
    # how its cell's rest sits overleaf, no alignment tells
    rest = chunk.continued and continues_label(labels[0][1])
    # whether that row's value may open here: none of it on the page before
    rest_open = ctx.previous is None or not ctx.previous.values
    parting = _parting(spans, pieces, how, ctx.tolerance / 2, ctx.overleaf, leads,  # a cell's middle is exact
                       chunk.continued, rest, rest_open)
    if parting is None:
        return None
    rows = []
    for (lines, old), (k, i) in zip(labels, parting):
        row = Band()
        row.add(lines, False)
        for piece, _ in pieces[k:i]:
            row.add(piece, True)
        row.doubtful = old.doubtful
        rows.append(row)
    taken = {id(ln) for k, i in parting for piece, _ in pieces[k:i] for ln in piece}
    for b in bands:  # the pieces left out stay bands with no label, for the other rules
        for bl in b.values:
            if left_out := [ln for ln in bl if id(ln) not in taken]:
                for piece in _pieces(left_out, ctx.known):
                    rows.append(Band(doubtful=b.doubtful))
                    rows[-1].add(piece, True)
    return sorted(rows, key=lambda b: b.top)


def _first_value_top(pieces: list[tuple[list[Line], int | None]], leads: list[bool], label: tuple[float, float],
                     band_top: float, how: str, open_above: bool = False) -> float:
    """Atop a continued table, where the first row's value may start. Where the row the page break split
    ends on the page before with a verdict and a stop alone (`open_above`: "Low." opens a value, never
    ends one), not in the first piece above the label: that is the split row's rest. Else, where a middle
    bounds the value, anywhere: the parting leaves out the pieces above it that the label's middle does
    not take (`_parting`), so a first paragraph set above the label's band ("High.") is its own. Where only
    a foot bounds the value, at the last piece above its label that opens with a verdict and a stop
    (`leads`, piece by piece; no value goes on with one: what lies above it is the rest of the row the
    page break split), else at its band's top."""
    above = [piece[0].top for piece, _ in pieces if piece[0].top < label[0]]
    if open_above and above:
        return pieces[1][0][0].top if len(pieces) > 1 else label[0]
    if how != "bottom":
        return float("-inf")
    tops = [piece[0].top for (piece, _), lead in zip(pieces, leads) if lead and piece[0].top < label[0]]
    return tops[-1] if tops else band_top


def _ends_open(row: Band | None, leads: Callable[[Line], bool]) -> bool:
    """Whether a row's value ends with a line that is a verdict and a stop alone ("Low."): the first
    words of an assessment, whose rest a page break sent overleaf."""
    lines = [ln for block in row.values for ln in block] if row is not None else []
    last = max(lines, key=lambda ln: ln.bottom, default=None)
    return last is not None and len(last.words) == 1 and leads(last)


def _label_units(bands: list[Band], known, width: float = 0.0) -> list[tuple[list[Line], Band]]:
    """Each labelled band's label lines, top down, with the band; a band's lines that read as known labels
    one after another (label_rows.label_segments) as one unit each, else (a wording the codebook does not
    know among them) each known label a unit and the lines between at their paragraphs
    (`_known_and_between`), else its paragraphs in a label column `width` wide (`_label_paragraphs`)."""
    labelled = sorted((b for b in bands if b.labels), key=lambda b: b.top)
    out = []
    for b in labelled:
        lines = sorted((ln for bl in b.labels for ln in bl), key=lambda l: l.top)
        segments = label_segments(lines, known) if known is not None and len(lines) > 1 else None
        segments = segments or (_known_and_between(lines, known, width) if known is not None else None)
        out += [(seg, b) for seg in segments or _label_paragraphs(lines, width, known)]
    return out


def _known_and_between(lines: list[Line], known, width: float) -> list[list[Line]] | None:
    """Label lines that read as known labels with a wording the codebook does not know among them: each
    known label (the fewest lines from a line's start that read as one whole, `stacked.LABEL_LINES` at most) a
    unit where it opens with a capital or a figure, and the lines between them, where they do too (not a
    known label's wrapped words), cut at their paragraphs (`_label_paragraphs`). None where no line opens
    a known label, or lines between open in lower case, or fewer than two units come of it."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        # a label opens with a capital: a known label's words in lower case go on with a longer wording's
        end = next((k for k in range(i + 1, min(len(lines), i + LABEL_LINES) + 1)
                    if known.whole(lines_text(lines[i:k]))), None) if opens_row(lines[i]) else None
        if end is None:
            i += 1
            continue
        runs.append((i, end))
        i = end
    if not runs:
        return None
    out: list[list[Line]] = []
    last = 0
    for a, b in runs + [(len(lines), len(lines))]:
        if a > last:
            if not opens_row(lines[last]):
                return None
            out += _label_paragraphs(lines[last:a], width, known)
        if b > a:
            out.append(lines[a:b])
        last = b
    return out if len(out) >= 2 else None


def _label_paragraphs(lines: list[Line], width: float, known=None) -> list[list[Line]]:
    """Label lines cut before each line that opens with a capital or a figure where the line above ended
    its paragraph (its first word would have fitted on that line, in a column as wide as the widest label
    line: lines.ends_paragraph) and the two do not go on with a known label's words ("Optional Protocol to
    the UN" | "Convention", a table's label column narrower than the document's widest label line): labels
    that ran together, one label each."""
    out = [lines[:1]]
    for above, ln in zip(lines, lines[1:]):
        goes_on = known is not None and known.continues(above, ln)
        if opens_row(ln) and ends_paragraph(above, ln, width) and not goes_on:
            out.append([])
        out[-1].append(ln)
    return out


SKIP = 1e-3  # the cost of a piece atop a continued table left out of the first row


def _parting(spans: list[tuple[float, float]], pieces: list[tuple[list[Line], int | None]], how: str,
             worst: float, overleaf: bool, leads: list[bool], continued: bool = False,
             rest: bool = False, rest_open: bool = True) -> list[tuple[int, int]] | None:
    """The run of pieces (k, i) each label takes, in order, every piece taken: each label level with its
    run (its middle, or foot, within `worst`), every piece beside a label (its second) taken by that one,
    no run beside another label; a label may take none (a row with no value) at the cost of `worst`.
    The last label of a table going on overleaf need not be level, nor the first where it is the `rest` of
    a row the page break split (unless its run opens with a verdict and `rest_open` is not set: that row's
    value began on the page before, and a verdict opens the next one). A piece that `leads` (a verdict and
    a stop) opens its run: no value goes on with one. Atop a `continued` table the pieces above the first label, none beside it, may be left
    out (the rest of the row the page break split), each at a thousandth of a point: the run that takes
    them wins a tie. None where no parting fits."""
    def level(top: float, bottom: float) -> float:
        return (top + bottom) / 2 if how == "center" else bottom if how == "bottom" else top

    n, m, inf = len(pieces), len(spans), float("inf")
    owned = list(accumulate((o is not None for _, o in pieces), initial=0))  # pieces beside a label, up to x
    own = [list(accumulate((o == j for _, o in pieces), initial=0)) for j in range(m)]  # ... beside label j
    verdicts = list(accumulate(leads, initial=0))  # pieces that open with a verdict, up to x

    def cost(j: int, k: int, i: int) -> float:
        if owned[i] - owned[k] != own[j][i] - own[j][k] or own[j][k] or own[j][n] - own[j][i]:
            return inf  # another label's piece in its run, or one of its own outside
        if k == i:
            return worst
        if verdicts[i] - verdicts[k + 1]:
            return inf  # a verdict inside the run: the next value's start
        top, bottom = pieces[k][0][0].top, pieces[i - 1][0][-1].bottom
        if any(o != j and top < b - worst and a + worst < bottom for o, (a, b) in enumerate(spans)):
            return inf  # a row's value beside another row's label
        if overleaf and j == m - 1 or rest and j == 0 and (rest_open or not leads[k]):
            return 0.0
        if how == "top" and spans[j][0] - worst <= top and bottom <= spans[j][1] + worst:
            return 0.0  # a value beside a taller label sits anywhere in the cell that label fills
        off = abs(level(top, bottom) - level(*spans[j]))
        return off if off <= worst else inf

    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    if continued:
        for k in range(1, n + 1):
            if owned[k] or pieces[k - 1][0][-1].bottom > spans[0][0] + worst:
                break
            best[0][k] = k * SKIP
    for j in range(1, m + 1):
        for i in range(n + 1):
            for k in range(i + 1):
                if (c := best[j - 1][k] + cost(j - 1, k, i)) < best[j][i]:
                    best[j][i], back[j][i] = c, k
    if best[m][n] == inf:
        return None
    runs, i = [], n
    for j in range(m, 0, -1):
        runs.append((back[j][i], i))
        i = back[j][i]
    return runs[::-1]


def _pieces(block: list[Line], known=None) -> list[list[Line]]:
    """A value block cut before each line that opens with a capital or a figure, or that is a whole value
    the codebook knows ("n/a", "no data": a value of its own, however it opens): rows set with no padding
    run one row's last paragraph into the next's first, and a centred line that ends its paragraph may be
    as wide as one that wraps. Which cuts are the rows' the labels' middles tell."""
    out = [[block[0]]]
    for ln in block[1:]:
        if opens_row(ln) or known is not None and fold(ln.text) in known.values:
            out.append([])
        out[-1].append(ln)
    return out


def _head_apart(band: Band, ctx: _Context) -> list[Band]:
    """Atop a continued table, the rest of the row the page break split (value text with no label, or
    beside the rest of its label), run together with no spacing with what follows: from a value line
    below that rest's label that opens with a verdict and a stop ("Partially."), the first paragraph of
    the next row's value, set above its label (labels sit lower in their cells), apart."""
    lines = sorted((ln for b in band.values for ln in b), key=lambda l: l.top)
    below = max((ln.bottom for b in band.labels for ln in b), default=float("-inf"))
    k = next((k for k, ln in enumerate(lines) if k and ln.top >= below and ctx.leads(ln)), None)
    if k is None:
        return [band]
    tail, head = Band(), Band()
    for block in band.labels:
        tail.add(block, False)
    tail.add(lines[:k], True)
    head.add(lines[k:], True)
    tail.doubtful = band.doubtful
    return [tail, head]


def _labels_at_foot(chunks: list[Chunk], bands_by_chunk: list[list[Band]], tolerance: float) -> bool:
    """Whether no row's label ends above its value's end (and some row's label starts below its value's
    start: rows whose cells are alike high say nothing), as cells set at the bottom are; not the rows a
    page break split (each part is set from the top of its page, or down to its foot)."""
    both = []
    for i, (chunk, bands) in enumerate(zip(chunks, bands_by_chunk)):
        overleaf = i + 1 < len(chunks) and chunks[i + 1].continued and chunks[i + 1].section == chunk.section
        whole = bands[1 if chunk.continued else 0:len(bands) - 1 if overleaf else len(bands)]
        both += [b for b in whole if b.labels and b.values]
    return any(b.labels[0][0].top > b.values[0][0].top + tolerance for b in both) and \
        all(max(ln.bottom for bl in b.labels for ln in bl) >= max(ln.bottom for bl in b.values for ln in bl) - tolerance
            for b in both)


def _verdicts_overleaf(bands: list[Band], leads: Callable[[Line], bool]) -> tuple[list[Band], list[Band]]:
    """A table's bands, and those at its foot below its last row's label that hold value text with no label
    from a line that opens with a verdict and a stop ("High."): the first paragraph of the value of the
    row the page break split, whose label is overleaf (cells set lower than their tops), kept for the next
    page's first row and flagged doubtful (a reader checks a value read across the break). No row's value
    goes on with a verdict."""
    last = max((i for i, b in enumerate(bands) if b.labels), default=None)
    if last is None:
        return bands, []
    below = max(ln.bottom for bl in bands[last].labels for ln in bl)
    k = next((i for i in range(last + 1, len(bands)) if bands[i].top >= below and leads(bands[i].values[0][0])), None)
    if k is None:
        return bands, []
    for band in bands[k:]:
        band.doubtful = band.doubtful or ("its value's first paragraph read from the foot of the page before, below "
                                          "that page's last label: please check")
    return bands[:k], bands[k:]


def _opens_with_a_value(bands: list[Band]) -> bool:
    """Whether a table's first row on a page (its first band with a label) has a value beside its label."""
    first = min((b for b in bands if b.labels), key=lambda b: b.top, default=None)
    return first is not None and bool(first.values)


def _row_gap(bands_by_chunk: list[list[Band]]) -> float | None:
    """The gap most often between two rows next to each other (the median), each with a label and a value
    and no text between them: the cells' padding."""
    gaps = sorted(b.top - a.bottom for bands in bands_by_chunk for a, b in zip(bands, bands[1:])
                  if a.labels and a.values and b.labels and b.values)
    return gaps[len(gaps) // 2] if gaps else None


def _labels_on_top(bands: list[Band], tolerance: float) -> bool:
    for band in bands:
        if band.labels and band.values and band.labels[0][0].top > band.values[0][0].top + tolerance:
            return False
    return True


class ChunkRows(NamedTuple):
    rows: list[Band]
    after_break: bool  # its first row opens a page the table continues on (it may be the rest of a split row)


def _label_text(band: Band) -> str:
    return " ".join(ln.text for b in band.labels for ln in b)


def _label_alone(band: Band, known) -> bool:
    """A row with a label and no value that is no known sub-heading."""
    return bool(band.labels) and not band.values and not (
        known is not None and fold(_label_text(band)) in known.headings)


def _value_overleaf(previous: Band, rows: list[Band], tolerance: float) -> list[Band]:
    """A label alone at the foot of a page, and atop the next page a row whose value lines begin
    above its own label: those first lines are the label's value, gone overleaf (a grid's cells
    break apart at a page break). They move to it, and both rows are flagged doubtful."""
    first = rows[0]
    if not first.labels or not first.values:
        return rows
    top = min(ln.base for b in first.labels for ln in b)
    lines = sorted((ln for b in first.values for ln in b), key=lambda l: l.top)
    lead = [ln for ln in lines if ln.base < top - tolerance]
    if not lead:
        return rows
    previous.add(lead, True)
    rest = Band()
    for b in first.labels:
        rest.add(b, False)
    if len(lead) < len(lines):
        rest.add(lines[len(lead):], True)
    note = "its value read from the top of the next page, above the next row's label: please check"
    previous.doubtful = previous.doubtful or note
    rest.doubtful = first.doubtful or "value lines above its label went to the row before, on the page before"
    return [rest] + rows[1:]


def band_rows(chunks: list[Chunk], bands_by_chunk: list[list[Band]], known=None,
              tolerance: float = 0.0, said: Said = Said()) -> list[ChunkRows]:
    """Each chunk's rows: orphans attached, and a lower-case label at the top of a continued table
    joined to the row the page break split."""
    out: list[ChunkRows] = []
    last: Band | None = None
    leads = value_leads(known)
    on_top = said.labels_lead and _labels_on_top([b for bands in bands_by_chunk for b in bands], tolerance)
    gap = _row_gap(bands_by_chunk)
    at_foot = _labels_at_foot(chunks, bands_by_chunk, tolerance)
    width = max((ln.x1 - ln.x0 for chunk, bands in zip(chunks, bands_by_chunk) if chunk.stacked is None
                 for b in bands for bl in b.labels for ln in bl), default=0.0)
    if said.undecided and not said.lower:
        said = said._replace(lower=_fitted_lower(chunks, bands_by_chunk, _Context(
            None, on_top, at_foot, leads, said, False, tolerance, gap, known, width)))
    carried: list[Band] = []
    for k, (chunk, bands) in enumerate(zip(chunks, bands_by_chunk)):
        previous = last if chunk.continued else None
        overleaf = k + 1 < len(chunks) and chunks[k + 1].continued and chunks[k + 1].section == chunk.section
        context = _Context(previous, on_top, at_foot, leads, said, overleaf, tolerance, gap, known, width)
        here, carried = (carried if chunk.continued else []), []
        if overleaf and _opens_with_a_value(bands_by_chunk[k + 1]):
            # (a label alone atop the next page takes the value at this one's foot in the map stage instead)
            bands, carried = _verdicts_overleaf(bands, leads)
        rows = _attach_orphans(bands, chunk, context, here)
        joined = bool(rows) and previous is not None and continues_label(rows[0])
        if joined:
            previous.labels.extend(rows[0].labels)
            previous.values.extend(rows[0].values)
            previous.doubtful = previous.doubtful or rows[0].doubtful
            rows = rows[1:]
            if chunk.split is None:  # every line went to the labels: the rest of its value among them?
                previous.doubtful = previous.doubtful or ("the rest of this row overleaf was read with no "
                                                          "value column: its text went to the label")
        if rows and previous is not None and not joined and not previous.values and previous.labels:
            rows = _value_overleaf(previous, rows, tolerance)
        if rows and previous is not None and not joined and _label_alone(rows[0], known):
            # a label with nothing beside it atop the page, after a row whose value ran to the foot
            # of the page before: that value may be this label's (a grid's cells break apart)
            note = (f"the next page opens with the label {_label_text(rows[0])!r} and nothing beside it: "
                    "this row's value may hold that row's")
            previous.doubtful = previous.doubtful or note
        out.append(ChunkRows(rows, previous is not None and not joined))
        if rows:
            last = rows[-1]
        elif not chunk.continued:  # a new table with no rows here: the last row is not the table before's
            last = None
    return out
