"""The facts box: `label - value` items set inline in narrow cells (two columns, wrapped text)."""
from __future__ import annotations

import regex

from ...core.geometry import BBox, gutters
from ...core.models import Cell, Row, Word
from ...core.settings import Tolerances
from ...core.text import fold, is_dash
from .lines import Line, fragment_of, group_lines, split_blocks

_STARTS_NUMBER = regex.compile(r"^[\p{Pd}\u2212]?\d")


def _columns(words: list[Word], tol: Tolerances, known: set[str] = frozenset()) -> list[list[Word]]:
    """Split words at vertical strips no word crosses, left to right: strips `facts_gutter` wide, or
    narrower ones, down to a word space, where items (`Label - value`, or a known label) open on the
    strip's right edge on two lines or more: a cell's padding may be all that parts its text from the
    next column's. (Words that merely start on one edge do not do: a wrapped value's next line starts
    where its label does.)"""
    if not words:
        return []
    strips = [g for g in gutters(((w.x0, w.x1) for w in words), tol.crossing)
              if g.width >= tol.facts_gutter or _items_opening(words, g.x1, tol, known) >= 2]
    lefts = [min(w.x0 for w in words)] + [g.x1 for g in strips]
    rights = [g.x0 for g in strips] + [max(w.x1 for w in words)]
    return [[w for w in words if left <= w.x0 <= right] for left, right in zip(lefts, rights)]


def _items_opening(words: list[Word], x: float, tol: Tolerances, known: set[str]) -> int:
    """Lines on which an item opens at x: the line's words from x on start with a word starting
    there (within `align_slack`) and read as `Label - value` or begin a known label."""
    count = 0
    for line in group_lines([w for w in words if w.x0 >= x - tol.align_slack], tol.same_line):
        if abs(line.x0 - x) <= tol.align_slack and (
                _opens_form(line) or _starts_known_label(fold(line.text), known)):
            count += 1
    return count


def _has_separator(words: list[Word]) -> bool:
    """Whether an item's words already part a label from a value: a free-standing dash or a number
    after its first word."""
    return any(is_dash(w.text) or _STARTS_NUMBER.match(w.text) for w in words[1:])


def _starts_known_label(text: str, known: set[str]) -> bool:
    """The folded line opens with a known label ("Population - 18.28"), or is the first part of
    one wrapped over lines ("In pre-trial detention (under")."""
    return any(text == k or text.startswith(k + " ") or k.startswith(text + " ") for k in known)


def _opens_form(line: Line) -> bool:
    """A line set as `Label - value`: it opens with a capital and has a free-standing dash after
    its first word."""
    return line.text[:1].isupper() and any(is_dash(w.text) for w in line.words[1:])


def _opens_wrapped_label(line: Line, after: Line | None) -> bool:
    """A label wrapped before its dash: a line opening with a capital, with no dash, followed by a
    line that goes on with the label in lower case up to a dash ("State spending on law
    enforcement" / "bodies - 417 611 910 KZT"; not "KZT" / "Persons on remand - n/a"), or that opens
    with the dash (a label that fills the line: "Sentenced prisoners serving their terms" / "- 23 635")."""
    return after is not None and line.text[:1].isupper() and not any(is_dash(w.text) for w in line.words) \
        and not after.text[:1].isupper() and any(is_dash(w.text) for w in after.words)


def split_items(lines: list[Line], known: set[str]) -> list[list[Line]]:
    """A cell's lines -> its `label - value` items. Items set one per line with no space between
    them (a paragraph each, no spacing) share a cell: a line opens an item when it begins with a
    known label (folded, `known`), or when the item before it is complete (its label is parted from
    its value) and the line has the `Label - value` form or begins a label wrapped before its dash.
    Any other line continues the item before it (a wrapped value, "million"; the rest of a label)."""
    items: list[list[Line]] = []
    for i, ln in enumerate(lines):
        after = lines[i + 1] if i + 1 < len(lines) else None
        opens = not items or _starts_known_label(fold(ln.text), known) or (
            _has_separator([w for l in items[-1] for w in l.words])
            and (_opens_form(ln) or _opens_wrapped_label(ln, after)))
        if opens:
            items.append([ln])
        else:
            items[-1].append(ln)
    return items


def facts_cells(words: list[Word], boxes: list[BBox], tolerances: Tolerances,
                labels: list[str] = ()) -> list[list[Line]]:
    """Group the facts box's words into items: by the drawn cell boxes where there are any, else by
    layout (columns, blocks parted by space); then each cell into the items set in it one per line
    (known `labels`, and the `label - value` form)."""
    tol = tolerances.same_line
    known = {fold(l) for l in labels}
    cells: list[list[Line]] = []
    rest = list(words)
    # The smallest box that holds a word is its cell (shading and borders both draw boxes).
    for box in sorted(boxes, key=lambda b: b.width * b.height):
        inside = [w for w in rest if box.holds_centre_of(w.bbox)]
        if inside:
            # one box may shade the whole facts box: its columns are cells of their own
            cells += [group_lines(column, tol) for column in _columns(inside, tolerances, known)]
            taken = {id(w) for w in inside}
            rest = [w for w in rest if id(w) not in taken]
    for column in _columns(rest, tolerances, known):
        for block in split_blocks(group_lines(column, tol), tolerances.block_gap, []):
            cells.append(block)
    items = [item for cell in cells for item in split_items(cell, known)]
    return sorted(items, key=lambda c: (round(c[0].top), c[0].x0))


def _split_at(words: list[Word], labels: list[str]) -> int:
    """Index of the first value word: after a free-standing dash, else at the first number,
    else after the longest prefix that spells a known label."""
    for i, w in enumerate(words[1:], start=1):
        if is_dash(w.text):
            return i
    for i, w in enumerate(words[1:], start=1):
        if _STARTS_NUMBER.match(w.text):
            return i
    known = {fold(l) for l in labels}
    for k in range(len(words) - 1, 0, -1):
        if fold(" ".join(w.text for w in words[:k])) in known:
            return k
    return len(words)


def _cell_of(lines: list[Line], keep) -> Cell:
    frags = []
    for ln in lines:
        ws = [w for w in ln.words if keep(w)]
        if ws:
            frags.append(fragment_of(ws))
    return Cell(fragments=frags)


def pair_label_cells(cells: list[list[Line]], labels: list[str]) -> list[tuple[list[Line], list[Line]]]:
    """(label cell, value cell) pairs: a cell that is exactly a known label, with a cell beside it
    on its right, is a label | value pair set in two cells; any other cell holds both inline."""
    known = {fold(l) for l in labels}
    out: list[tuple[list[Line], list[Line]]] = []
    i = 0
    while i < len(cells):
        cell, nxt = cells[i], cells[i + 1] if i + 1 < len(cells) else None
        text = fold(" ".join(ln.text for ln in cell))
        if nxt and text in known and abs(nxt[0].top - cell[0].top) < cell[0].size \
                and nxt[0].x0 > max(ln.x1 for ln in cell):
            out.append((cell, nxt))
            i += 2
        else:
            out.append((cell, []))
            i += 1
    return out


def parse_facts(cells: list[list[Line]], labels: list[str]) -> list[Row]:
    """Each cell (or label cell and value cell) -> one row; a separator dash belongs to neither
    side (its word is counted with the facts box)."""
    rows = []
    for label_cell, value_cell in pair_label_cells(cells, labels):
        if value_cell:
            rows.append(Row(kind="facts", label=_cell_of(label_cell, lambda w: True),
                            value=_cell_of(value_cell, lambda w: True)))
            continue
        lines = label_cell
        words = [w for ln in lines for w in ln.words]
        cut = _split_at(words, labels)
        label_ids = {id(w) for w in words[:cut]}
        value_words = words[cut:]
        if value_words and is_dash(value_words[0].text):
            value_words = value_words[1:]
        value_ids = {id(w) for w in value_words}
        rows.append(Row(kind="facts", label=_cell_of(lines, lambda w: id(w) in label_ids),
                        value=_cell_of(lines, lambda w: id(w) in value_ids)))
    return rows
