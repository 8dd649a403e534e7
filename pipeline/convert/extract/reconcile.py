"""The layout's reading of each table held to the PDF's own tags.

Each word of a tagged table lies in a cell of the structure tree (tags.py): its table, row and
cell. The layout's reading (tables.py) puts each word in a row, as its label or its value. The two
agree on a table when they part its words alike: the same words make each row's label and each
row's value. Where they part them otherwise, the rows concerned are named in a `tags_disagree`
warning and the table's record (`TableLayout.tags`), and one reading is kept:

- the tags', when they hold a clean two-column table there: every word of the table inside their
  cells, no row of more than two cells, every label left of every value, the rows one below the
  other in the order the tree gives them. The producer wrote each cell's text into its cell; the
  layout only infers the cells from where the text lies, which is what tight, auto-sized or
  shrink-to-fit tables defeat;
- the layout's otherwise (only part of the table tagged, or tags that break one of those checks:
  a tree that is wrong, or groups the cells in some other way).
"""
from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from ...core.models import Cell, Issue, Row, TableLayout, TableTags, Word
from .lines import group_lines
from .pages import PageData
from .chunks import Chunk
from .tables import ReadTables
from .tags import TagCell

_Class = tuple  # a word's place in one reading: (row key, side), side 0 the label, 1 the value


class TagRow(NamedTuple):
    key: tuple[int, int]  # (table, row) in the tree
    label: list[Word]  # the words of its first cell
    value: list[Word]  # the words of its other cells


def cell_of(word: Word, tags: dict[int, dict[int, TagCell]]) -> TagCell | None:
    """The tagged table cell a word was drawn in; None outside any (or untagged)."""
    cells = tags.get(word.page)
    return cells.get(word.mcid) if cells and word.mcid is not None else None


def tag_rows(words: list[Word], tags: dict[int, dict[int, TagCell]]) -> list[TagRow]:
    """The words of a table's part, by the tagged rows they lie in, in the tree's order."""
    rows: dict[tuple[int, int], TagRow] = {}
    for w in words:
        cell = cell_of(w, tags)
        if cell is None:
            continue
        row = rows.setdefault((cell.table, cell.row), TagRow((cell.table, cell.row), [], []))
        (row.label if cell.cell == 0 else row.value).append(w)
    return [rows[k] for k in sorted(rows)]


def not_a_table(words: list[Word], rows: list[TagRow], tags: dict[int, dict[int, TagCell]],
                tolerance: float) -> str | None:
    """Why the tags do not hold a clean two-column table over these words, or None when they do."""
    cells = [cell_of(w, tags) for w in words]
    if any(c is None for c in cells):
        return "the tags cover only part of this table"
    if any(c.cell > 1 for c in cells):
        return "a tagged row has more than two cells"
    labels = [w for r in rows if r.value for w in r.label]
    values = [w for r in rows for w in r.value]
    if labels and values and max(w.x1 for w in labels) > min(w.x0 for w in values) + tolerance:
        return "a tagged label reaches past where a tagged value begins"
    spans = [(min(w.top for w in r.label + r.value), max(w.bottom for w in r.label + r.value)) for r in rows]
    if any(nxt[0] < prev[1] - tolerance for prev, nxt in zip(spans, spans[1:])):
        return "the tagged rows are not one below the other in the tree's order"
    return None


def _label_text(words: list[Word]) -> str:
    text = " ".join(w.text for w in sorted(words, key=lambda w: (w.bottom, w.x0))[:8])
    return text if len(words) <= 8 else text + " ..."


def _one_to_one(pairs: list[tuple]) -> set:
    """The left keys of (left, right) pairs that do not map one to one (a right key of None: no
    counterpart)."""
    rights: dict = defaultdict(set)
    lefts: dict = defaultdict(set)
    for left, right in pairs:
        rights[left].add(right)
        lefts[right].add(left)
    return {left for left, rs in rights.items() if None in rs or len(rs) > 1 or any(len(lefts[r]) > 1 for r in rs)}


def disagreements(words: list[Word], rows: list[TagRow], layout_class: dict[int, _Class]) -> list[TagRow]:
    """The tagged rows whose words the layout parts otherwise: a label or value of the tags' that
    the layout splits, or joins with words of another; or a row of the tags' whose label and value
    the layout puts in two rows, or in one row with another's."""
    tag_class: dict[int, _Class] = {id(w): (r.key, side) for r in rows for side, ws in enumerate((r.label, r.value))
                                    for w in ws}
    pairs = [(tag_class[id(w)], layout_class.get(id(w))) for w in words if id(w) in tag_class]
    bad = {t[0] for t in _one_to_one(pairs)}
    bad |= _one_to_one([(t[0], g[0] if g else None) for t, g in pairs])
    return [r for r in rows if r.key in bad]


def _cell(words: list[Word], tolerance: float) -> Cell:
    return Cell(fragments=[ln.fragment() for ln in group_lines(words, tolerance)])


def _rows_of(chunk: Chunk, rows: list[TagRow], tolerance: float) -> list[Row]:
    return [Row(kind="table" if r.value else "subheading", section=chunk.section,
                label=_cell(r.label, tolerance), value=_cell(r.value, tolerance)) for r in rows]


def _joined(prev: Row, nxt: Row) -> Row:
    value = Cell(fragments=prev.value.fragments + nxt.value.fragments)
    return prev.model_copy(update={"label": Cell(fragments=prev.label.fragments + nxt.label.fragments),
                                   "value": value, "kind": "table" if value.fragments else prev.kind})


class Held(NamedTuple):
    rows: list[Row]
    layouts: list[TableLayout]
    warnings: list[Issue]
    headers: list = []  # lines.Line: the header rows (every cell TH) of the tables read from their tags


def _message(concerned: list[TagRow], page: int, kept: str, reason: str) -> str:
    names = "; ".join(repr(_label_text(r.label or r.value)) for r in concerned[:5])
    more = f" and {len(concerned) - 5} more" if len(concerned) > 5 else ""
    return (f"the PDF's tags and the layout part the words of {len(concerned)} row(s) on page {page} otherwise "
            f"({names}{more}): kept the {kept}'s reading, as {reason}")


def _beyond_cells(words: list[Word], tags: dict[int, dict[int, TagCell]],
                  tolerance: float) -> tuple[list[Word], list]:
    """A table's words, less a line of its own beyond its tagged cells (above the first or below the last,
    no word of it in a cell: a one-page print's running header or footer, which the producer tags as no
    cell, read into the nearest table), and that line (lines.Line; none where the table has no tagged
    word, or more than one such line lies beyond: a table tagged only in part)."""
    inside = [w for w in words if cell_of(w, tags) is not None]
    if not inside:
        return words, []
    top, bottom = min(w.top for w in inside), max(w.bottom for w in inside)
    out = [w for w in words if cell_of(w, tags) is None and (w.top >= bottom - tolerance or w.bottom <= top + tolerance)]
    lines = group_lines(out, tolerance)
    if len(lines) != 1:
        return words, []
    ids = {id(w) for w in out}
    return [w for w in words if id(w) not in ids], lines


def hold_to_tags(chunks: list[Chunk], read: ReadTables, pages: list[PageData], tolerance: float) -> Held:
    """Each table's reading compared with the tags: the rows of `read`, with those of the tables
    whose tags disagree with the layout taken from the tags where they hold a clean table; each
    table's `tags` record; a warning per table where the two disagree."""
    tags = {p.number: p.tags.cells for p in pages if p.tags is not None}
    header_ids = {id(w) for ln in read.headers for w in ln.words}
    layout_class = {id(w): (i, side) for i, (label, value) in enumerate(read.words)
                    for side, ws in enumerate((label, value)) for w in ws}
    rows: list[Row] = []
    layouts: list[TableLayout] = []
    warnings: list[Issue] = []
    headers: list = []
    start = 0
    last_tag_row: tuple[int, int] | None = None  # the tagged row the tags' reading of the table before ended on
    for chunk, layout in zip(chunks, read.layouts):
        own = read.rows[start:start + layout.rows]
        start += layout.rows
        words = [w for w in chunk.words if id(w) not in header_ids]
        words, beyond = _beyond_cells(words, tags, tolerance)
        tagged = sum(cell_of(w, tags) is not None for w in words)
        record = TableTags(tagged="no" if not tagged else "yes" if tagged == len(words) else "partial")
        found = tag_rows(words, tags) if tagged else []
        concerned = disagreements(words, found, layout_class) if found else []
        if found:
            record.agreement = "disagree" if concerned else "agree"
        ended_on = None
        record_heads = layout.header_rows
        if concerned:
            reason = not_a_table(words, found, tags, tolerance)
            record.rows = [f"{_label_text(r.label or r.value)} (page {chunk.page})" for r in concerned]
            record.kept = "layout" if reason else "tags"
            record.reason = reason or "the tags hold a clean two-column table here"
            warnings.append(Issue(code="tags_disagree", page=chunk.page,
                                  message=_message(concerned, chunk.page, record.kept, record.reason)))
            if not reason:
                is_head = [_header_row(r, tags) for r in found]
                headers += group_lines([w for r, h in zip(found, is_head) if h for w in r.label + r.value], tolerance)
                found = [r for r, h in zip(found, is_head) if not h]
                record_heads += sum(is_head)
                # the line beyond the cells, a row of its own where it lies (above the table's first, or below)
                extra = [Row(kind="subheading", section=chunk.section, label=_cell(ln.words, tolerance), value=Cell())
                         for ln in beyond]
                first = beyond and words and beyond[0].bottom <= min(w.top for w in words)
                own = (extra if first else []) + _rows_of(chunk, found, tolerance) + ([] if first else extra)
                if chunk.continued and own and found and not (rows and last_tag_row == found[0].key):
                    own[0] = own[0].model_copy(update={"after_page_break": True})
                ended_on = found[-1].key if found else None
        if chunk.continued and own and rows and last_tag_row is not None and (
                last_tag_row == (found[0].key if found else None) or not rows[-1].label.fragments):
            # the row the page break split: one row of the tree (Chromium, LibreOffice), or a value
            # left at the foot of the page with no label, whose label went overleaf (WeasyPrint
            # tags each page's part of a table as a table of its own)
            rows[-1] = _joined(rows[-1], own[0])
            own = own[1:]
        last_tag_row = ended_on
        rows += own
        layouts.append(layout.model_copy(update={"rows": len(own), "tags": record, "header_rows": record_heads}))
    return Held(rows, layouts, warnings, headers)


def _header_row(row: TagRow, tags: dict[int, dict[int, TagCell]]) -> bool:
    """A tagged row whose every cell is a header cell (TH): the table's column header, "Indicator | Value"."""
    cells = [cell_of(w, tags) for w in row.label + row.value]
    return bool(cells) and all(c is not None and c.header for c in cells)
