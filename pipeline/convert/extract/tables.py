"""Section tables: headings, the label | value column split, and rows from positions and rulings."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...geometry import VRule, gutters
from ...models import Cell, Row, Word
from ...settings import ExtractSettings
from .lines import Line, group_lines, split_blocks


@dataclass
class Chunk:
    """The part of one section's table that lies on one page."""

    section: str
    page: int
    words: list[Word]
    hrules: list[float]
    continued: bool  # the section began on an earlier page


@dataclass
class Band:
    labels: list[list[Line]] = field(default_factory=list)
    values: list[list[Line]] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0
    page: int = 0

    def add(self, block: list[Line], is_value: bool) -> None:
        (self.values if is_value else self.labels).append(block)
        tops = [b[0].top for b in self.labels + self.values]
        bottoms = [b[-1].bottom for b in self.labels + self.values]
        self.top, self.bottom, self.page = min(tops), max(bottoms), block[0].page


def _ruled_split(vrules: list[VRule], left: float, right: float) -> int | None:
    """Of the vertical rules inside the text's extent, the x (to the whole point) with the most length drawn."""
    support: Counter[int] = Counter()
    for rule in vrules:
        if left + 20 < rule.x < right - 20:
            support[round(rule.x)] += rule.length
    return support.most_common(1)[0][0] if support else None


def _label_edge(starts: Counter[float]) -> float | None:
    """The label column's edge: the leftmost x where many lines start; None when no two lines start
    at the same x (no columns at all)."""
    busiest = max(starts.values())
    return min((x for x, n in starts.items() if n >= max(2, 0.2 * busiest)), default=None)


def _common_start(starts: Counter[float], label_edge: float, right: float) -> float | None:
    """The x right of the label column where most lines start (at least three)."""
    candidates = sorted(((n, -x) for x, n in starts.items() if x > label_edge + 0.1 * (right - label_edge)),
                        reverse=True)
    if candidates and candidates[0][0] >= 3:
        return -candidates[0][1]
    return None


def column_split(words: list[Word], vrules: list[VRule], settings: ExtractSettings,
                 body: float = 10.0) -> float | None:
    """The x where the value column begins.

    A drawn vertical rule between the text columns wins. Otherwise the value column is
    where many lines start: Word left-aligns every line of a cell, so the value column's
    left edge is the most common word start right of the label column's edge, provided no
    word crosses it. Failing that (values centred, say), the widest empty vertical strip
    between the columns.
    """
    if not words:
        return None

    # Bold words may cross the split: a section title set as a full-width row does.
    plain = [w for w in words if "bold" not in w.font.lower()] or words

    def clean(x: float) -> bool:
        return not any(w.x0 < x < w.x1 - 0.5 for w in plain)

    left, right = min(w.x0 for w in words), max(w.x1 for w in words)
    ruled = _ruled_split(vrules, left, right)
    if ruled is not None and clean(ruled - 1):
        return float(ruled)
    starts = Counter(round(w.x0 * 2) / 2 for w in words)
    label_edge = _label_edge(starts)
    if label_edge is None:
        return None
    common = _common_start(starts, label_edge, right)
    if common is not None and clean(common - settings.column_snap):
        return common - settings.column_snap
    strips = gutters(((w.x0, w.x1) for w in plain if w.x0 > label_edge - 1), 0.5 * body)
    widest = max(strips, key=lambda g: g.width, default=None)
    return None if widest is None else widest.x1 - settings.column_snap


def _spans_split(line: Line, split: float) -> bool:
    return line.bold and any(w.x0 < split - 1 and w.x1 > split + 1 for w in line.words)


def spanning_titles(chunks: list[Chunk], split: float, tolerance: float) -> tuple[list[Chunk], list[Line]]:
    """Section titles set as a bold row across both columns (a merged cell): a bold line with a
    word crossing the column split. Neither a label nor a value can cross it, so such a line
    starts a new section; the chunk is cut there."""
    out: list[Chunk] = []
    titles: list[Line] = []
    for chunk in chunks:
        heads = [ln for ln in group_lines(chunk.words, tolerance) if _spans_split(ln, split)]
        section, continued, start = chunk.section, chunk.continued, float("-inf")
        for head in heads + [None]:
            end = head.top if head else float("inf")
            ids = {id(w) for w in head.words} if head else set()
            part = [w for w in chunk.words if start <= w.top < end and id(w) not in ids]
            if part:
                rules = [y for y in chunk.hrules if start - 1 <= y <= end + 1]
                out.append(Chunk(section=section, page=chunk.page, words=part, hrules=rules, continued=continued))
            if head:
                titles.append(head)
                section, continued, start = head.text, False, head.bottom - 0.5
    return out, titles


def _bands(chunk: Chunk, split: float, body: float, settings: ExtractSettings) -> list[Band]:
    tol = settings.same_line * body
    label_words = [w for w in chunk.words if w.x0 < split]
    value_words = [w for w in chunk.words if w.x0 >= split]
    blocks = [(b, False) for b in split_blocks(group_lines(label_words, tol), settings.block_gap * body, chunk.hrules)]
    blocks += [(b, True) for b in split_blocks(group_lines(value_words, tol), settings.block_gap * body, chunk.hrules)]
    blocks.sort(key=lambda bv: bv[0][0].top)
    bands: list[Band] = []
    for block, is_value in blocks:
        if bands and block[0].top < bands[-1].bottom - 0.5:
            bands[-1].add(block, is_value)
        else:
            band = Band()
            band.add(block, is_value)
            bands.append(band)
    return bands


def _cell_index(rules: list[float], band: Band) -> int:
    mid = (band.top + band.bottom) / 2
    return sum(1 for y in rules if y < mid)


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


def _orphan_target(bands: list[Band], i: int, chunk: Chunk, previous: Band | None, rows: list[Band]) -> Band | None:
    band = bands[i]
    before, after = _labelled_neighbours(bands, i, chunk.hrules)
    at_top = not any(b.labels for b in bands[:i])
    if at_top and chunk.continued and previous is not None and (after is None or not chunk.hrules):
        # text with no label at the top of a table continued from the page before is
        # the tail of that page's last row (a row split by the page break)
        return previous
    if before and after:
        return before if band.top - before.bottom <= after.top - band.bottom else after
    if before or after:
        return before or after
    if rows:
        return min(rows, key=lambda r: abs(r.top - band.top))
    return None


def _attach_orphans(bands: list[Band], chunk: Chunk, previous: Band | None) -> list[Band]:
    """Value text with no label beside it continues a neighbouring row: the one in the same
    ruled cell, else the nearer one; at the top of a continued table, the last row of the page before."""
    rows = [b for b in bands if b.labels]
    for i, band in enumerate(bands):
        if band.labels:
            continue
        target = _orphan_target(bands, i, chunk, previous, rows)
        if target is None:
            rows.append(band)  # a value with no row at all: kept as a row with an empty label
        else:
            target.values.extend(band.values)
    return sorted(rows, key=lambda b: b.top)


def _cell(blocks: list[list[Line]]) -> Cell:
    lines = sorted((ln for b in blocks for ln in b), key=lambda l: (l.page, l.top))
    return Cell(fragments=[ln.fragment() for ln in lines])


def _continues_label(band: Band) -> bool:
    """Labels open with a capital: a label that opens in lower case at the top of a continued
    table is the rest of the row the page break split (label and value both wrapped over)."""
    first = min((ln for b in band.labels for ln in b), key=lambda l: (l.top, l.x0), default=None)
    return first is not None and first.words[0].text[:1].islower()


def table_rows(chunks: list[Chunk], split: float, body: float, settings: ExtractSettings) -> list[Row]:
    rows: list[Row] = []
    bands_by_row: list[Band] = []
    last: Band | None = None
    for chunk in chunks:
        bands = _bands(chunk, split, body, settings)
        previous = last if chunk.continued else None
        for i, band in enumerate(_attach_orphans(bands, chunk, previous)):
            if i == 0 and previous is not None and _continues_label(band):
                previous.labels.extend(band.labels)
                previous.values.extend(band.values)
                continue
            bands_by_row.append(band)
            # a row at the top of a continued table may still be the rest of the row the page
            # break split, with a capitalised label line: the map stage decides with the codebook
            rows.append(Row(kind="table", section=chunk.section, label=Cell(), value=Cell(),
                            after_page_break=i == 0 and previous is not None))
        if bands_by_row:
            last = bands_by_row[-1]
    for row, band in zip(rows, bands_by_row):
        row.label = _cell(band.labels)
        row.value = _cell(band.values)
        if not band.values:
            row.kind = "subheading"
    return rows
